//! What users see when a command fails: a short, honest ephemeral message; the details go to
//! the log, never to the channel.

use super::{Data, Error};

pub async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, error = ?error, "command failed");
            let reply = poise::CreateReply::default()
                .content("Sorry, that did not work because of a problem on the bot's side. It has been logged for the admins; please try again in a moment.")
                .ephemeral(true);
            if let Err(e) = ctx.send(reply).await {
                tracing::error!(error = %e, "could not tell the user about the failure");
            }
        }
        poise::FrameworkError::ArgumentParse {
            error, input, ctx, ..
        } => {
            tracing::warn!(command = %ctx.command().qualified_name, error = %error, input = ?input, "unreadable command options");
            unreadable_options(ctx).await;
        }
        // Options Discord could not resolve (a user who left, a deleted role or channel).
        poise::FrameworkError::CommandStructureMismatch {
            description, ctx, ..
        } => {
            let ctx = poise::Context::Application(ctx);
            tracing::warn!(command = %ctx.command().qualified_name, problem = description, "command options did not match");
            unreadable_options(ctx).await;
        }
        // Discord hides these commands in direct messages; an old client may still send one.
        poise::FrameworkError::GuildOnly { ctx, .. } => {
            let reply = poise::CreateReply::default()
                .content(format!(
                    "`/{}` works inside a server, not in direct messages. Use it in your team's server.",
                    ctx.command().qualified_name
                ))
                .ephemeral(true);
            if let Err(e) = ctx.send(reply).await {
                tracing::error!(error = %e, "could not answer a command sent in a DM");
            }
        }
        // The check has already told the member why.
        poise::FrameworkError::CommandCheckFailed { error: None, .. } => {}
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::error!(error = %e, "error while handling an error");
            }
        }
    }
}

/// Tells the member their options could not be read, and how to retry.
async fn unreadable_options(ctx: super::Context<'_>) {
    let reply = poise::CreateReply::default()
        .content(format!(
            "I could not read the options of `/{}`. Please pick them from Discord's menus (a member who left the server cannot be picked) and try again.",
            ctx.command().qualified_name
        ))
        .ephemeral(true);
    if let Err(e) = ctx.send(reply).await {
        tracing::error!(error = %e, "could not tell the user about unreadable options");
    }
}
