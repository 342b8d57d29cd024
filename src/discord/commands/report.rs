//! `/report` and `/kpi import` (admins).

use super::boards::PeriodChoice;
use super::{guild_of, lang_of, respond, user_of};
use crate::app::reports::ReportFormat;
use crate::discord::{Context, Error};
use crate::domain::periods::Period;
use poise::serenity_prelude as serenity;

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum FormatChoice {
    #[name = "summary"]
    Summary,
    #[name = "csv"]
    Csv,
}

/// Learning and Q&A figures for the server, with a trend chart (only you see it)
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    check = "super::admin::manage_server"
)]
pub async fn report(
    ctx: Context<'_>,
    period: Option<PeriodChoice>,
    format: Option<FormatChoice>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    ctx.defer_ephemeral().await?;
    let format = match format {
        Some(FormatChoice::Csv) => ReportFormat::Csv,
        _ => ReportFormat::Summary,
    };
    let period = period.map_or(Period::Month, Period::from);
    respond(
        ctx,
        ctx.data()
            .app
            .report(guild, period, format, lang_of(ctx))
            .await,
    )
    .await
}

/// Business metrics to relate to learning
#[poise::command(
    slash_command,
    guild_only,
    subcommands("import"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD",
    check = "super::admin::manage_server"
)]
pub async fn kpi(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Imports a CSV of date,team,metric,value rows (all or nothing)
#[poise::command(slash_command)]
async fn import(ctx: Context<'_>, file: serenity::Attachment) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let app = &ctx.data().app;
    if let Err(e) = app.check_kpi_upload(&file.filename, u64::from(file.size), lang_of(ctx)) {
        return respond(ctx, Err(e)).await;
    }
    ctx.defer_ephemeral().await?;
    let Some(bytes) = super::download(ctx, &file).await? else {
        return Ok(());
    };
    respond(
        ctx,
        app.import_kpis(guild, user_of(ctx), &bytes, lang_of(ctx))
            .await,
    )
    .await
}
