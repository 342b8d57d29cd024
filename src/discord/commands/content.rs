//! `/content import|export|stats|requests|starter` (admins).

use super::{guild_of, respond};
use crate::app::content::{describe_counts, describe_import, ExportFormat};
use crate::app::message::OutMessage;
use crate::discord::{Context, Error};
use poise::serenity_prelude as serenity;

/// Manage the server's questions, tips and topics
#[poise::command(
    slash_command,
    guild_only,
    subcommands("import", "export", "stats", "requests", "starter"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD",
    check = "super::admin::manage_server"
)]
pub async fn content(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Imports content (all or nothing): TOML, CSV, a GIFT or Aiken bank, or an Anki deck
#[poise::command(slash_command)]
async fn import(
    ctx: Context<'_>,
    #[description = "A .toml or .csv content file, a GIFT or Aiken question bank, or an Anki .apkg deck"]
    file: serenity::Attachment,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let app = &ctx.data().app;
    if let Err(e) = app.check_upload(&file.filename, u64::from(file.size)) {
        return respond(ctx, Err(e)).await;
    }
    // Downloading and checking can take a moment: answer within Discord's 3 seconds.
    ctx.defer_ephemeral().await?;
    let Some(bytes) = super::download(ctx, &file).await? else {
        return Ok(());
    };
    let result = app
        .import_content(guild, &file.filename, &bytes)
        .await
        .map(|(counts, skipped)| OutMessage::text(describe_import(&counts, &skipped)));
    respond(ctx, result).await
}

/// Exports the server's content: everything as TOML, or the questions as GIFT (Moodle)
#[poise::command(slash_command)]
async fn export(
    ctx: Context<'_>,
    #[description = "toml: everything, to edit and import (default); gift: questions for an LMS"]
    format: Option<ExportChoice>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    ctx.defer_ephemeral().await?;
    let format = match format {
        Some(ExportChoice::Gift) => ExportFormat::Gift,
        _ => ExportFormat::Toml,
    };
    respond(ctx, ctx.data().app.export_content(guild, format).await).await
}

/// The formats `/content export` writes.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum ExportChoice {
    #[name = "toml"]
    Toml,
    #[name = "gift"]
    Gift,
}

/// Shows questions, tips and answers per topic, and questions that look flawed
#[poise::command(slash_command)]
async fn stats(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    ctx.defer_ephemeral().await?;
    respond(ctx, ctx.data().app.content_stats(guild).await).await
}

/// What members asked that the knowledge base could not answer, and questions to rewrite
#[poise::command(slash_command)]
async fn requests(
    ctx: Context<'_>,
    #[description = "Days to look back, 1 to 365 (default 30)"]
    #[min = 1]
    #[max = 365]
    days: Option<i64>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    // Reading the day's figures can take a moment the first time: answer within 3 seconds.
    ctx.defer_ephemeral().await?;
    respond(ctx, ctx.data().app.content_requests(guild, days).await).await
}

/// Loads (or refreshes) the bundled starter pack
#[poise::command(slash_command)]
async fn starter(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let result = ctx
        .data()
        .app
        .load_starter(guild)
        .await
        .map(|c| OutMessage::text(format!("Starter pack: {}", describe_counts(&c))));
    respond(ctx, result).await
}
