//! What users see when a command fails: a short, honest ephemeral message; the details go to
//! the log, never to the channel.

use super::commands::lang_of;
use super::{Data, Error};
use crate::t;

pub async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, error = ?error, "command failed");
            let reply = poise::CreateReply::default()
                .content(t!(lang_of(ctx), "error-bot-side"))
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
                .content(t!(
                    lang_of(ctx),
                    "error-guild-only",
                    command = ctx.command().qualified_name.to_string()
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
        .content(t!(
            lang_of(ctx),
            "error-unreadable-options",
            command = ctx.command().qualified_name.to_string()
        ))
        .ephemeral(true);
    if let Err(e) = ctx.send(reply).await {
        tracing::error!(error = %e, "could not tell the user about unreadable options");
    }
}
