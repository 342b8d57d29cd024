//! The slash commands. Each is a small poise function whose doc comment is its description;
//! admin commands carry the [`admin::manage_server`] check and `default_member_permissions`.

mod about;
pub mod admin;
mod ask;
mod boards;
mod config;
mod content;
mod experiment;
mod expert;
mod help;
mod kb;
mod pairing;
mod privacy;
mod progress;
mod quiz;
mod reinforce;
mod report;
mod schedule;
mod track;

use super::{render, Command, Context, Error};
use crate::app::message::{Form, OutMessage};
use crate::app::AppError;
use crate::domain::format::fit;
use crate::domain::ids::{GuildId, RoleId, UserId};
use crate::domain::limits::MESSAGE_MAX;

/// Every command the bot registers, in the order `/help` lists them.
pub fn all() -> Vec<Command> {
    vec![
        help::help(),
        quiz::quiz(),
        progress::progress(),
        reinforce::reinforce(),
        reinforce::pause(),
        boards::leaderboard(),
        boards::stats(),
        ask::ask(),
        ask::resolve(),
        kb::kb(),
        expert::expert(),
        content::propose(),
        pairing::pairing(),
        about::about(),
        content::content(),
        schedule::schedule(),
        config::config(),
        report::report(),
        report::kpi(),
        experiment::experiment(),
        track::track(),
        privacy::privacy(),
        ask::mark_as_answer(),
    ]
}

/// The guild a command runs in (commands that need one are `guild_only`).
pub fn guild_of(ctx: Context<'_>) -> Result<GuildId, Error> {
    ctx.guild_id()
        .map(|g| GuildId(g.get()))
        .ok_or_else(|| anyhow::anyhow!("this command needs a server"))
}

pub fn user_of(ctx: Context<'_>) -> UserId {
    UserId(ctx.author().id.get())
}

/// The caller's roles in the guild (from the interaction; no request needed).
pub fn roles_of(ctx: Context<'_>) -> Vec<RoleId> {
    match ctx {
        poise::Context::Application(a) => a
            .interaction
            .member
            .as_ref()
            .map(|m| m.roles.iter().map(|r| RoleId(r.get())).collect())
            .unwrap_or_default(),
        poise::Context::Prefix(_) => vec![],
    }
}

/// Sends a use case's result to the caller only: the message, or the refusal (a long one with
/// the full text attached), or hands a bot-side failure to the error handler.
pub async fn respond(ctx: Context<'_>, result: Result<OutMessage, AppError>) -> Result<(), Error> {
    match result {
        Ok(m) => {
            ctx.send(render::reply(&m, true)).await?;
        }
        Err(AppError::Refused(r)) => {
            ctx.send(render::reply(&refusal_message(&r.0), true))
                .await?;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// Opens a use case's form (Discord's modal) as the command's answer, or sends its refusal.
pub async fn open_form(ctx: Context<'_>, result: Result<Form, AppError>) -> Result<(), Error> {
    let form = match result {
        Ok(form) => form,
        Err(e) => return respond(ctx, Err(e)).await,
    };
    let poise::Context::Application(app) = ctx else {
        return Err(anyhow::anyhow!("forms open only from slash commands"));
    };
    let response = poise::serenity_prelude::CreateInteractionResponse::Modal(render::modal(&form));
    app.interaction
        .create_response(ctx.serenity_context(), response)
        .await?;
    app.has_sent_initial_response
        .store(true, std::sync::atomic::Ordering::SeqCst);
    Ok(())
}

/// A refusal as a message; past Discord's limit the full text comes as `details.txt`.
pub fn refusal_message(text: &str) -> OutMessage {
    if text.chars().count() <= MESSAGE_MAX {
        return OutMessage::text(text);
    }
    let mut m = OutMessage::text(format!(
        "{}\n(The full list is attached.)",
        fit(text, MESSAGE_MAX - 40)
    ));
    m.files
        .push(("details.txt".into(), text.as_bytes().to_vec()));
    m
}

/// Downloads an attached file; on failure tells the caller to attach it again and returns
/// `None`.
pub async fn download(
    ctx: Context<'_>,
    file: &poise::serenity_prelude::Attachment,
) -> Result<Option<Vec<u8>>, Error> {
    match file.download().await {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) => {
            tracing::warn!(error = %e, "attachment download failed");
            let m = OutMessage::text(
                "The file could not be downloaded from Discord. Please attach it again.",
            );
            respond(ctx, Ok(m)).await?;
            Ok(None)
        }
    }
}
