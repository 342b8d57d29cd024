//! `/config timezone|language|quiz-window|qa-channel|admin-channel|escalation|team-role|season-length|retention|verification|expert-drafts`
//! (admins).

use super::{guild_of, lang_of, respond};
use crate::discord::{Context, Error};
use crate::domain::guilds::QaSetting;
use crate::domain::ids::RoleId;
use crate::i18n::Lang;
use poise::serenity_prelude as serenity;

/// Server settings for peerlearn
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "timezone",
        "language",
        "quiz_window",
        "qa_channel",
        "admin_channel",
        "escalation",
        "team_role",
        "season_length",
        "retention",
        "verification",
        "expert_drafts"
    ),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD",
    check = "super::admin::manage_server"
)]
pub async fn config(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Sets the server's time zone (schedules, streak days)
#[poise::command(slash_command)]
async fn timezone(
    ctx: Context<'_>,
    #[autocomplete = "super::schedule::autocomplete_timezone"]
    #[max_length = 64]
    zone: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .set_timezone(guild, &zone, lang_of(ctx))
            .await,
    )
    .await
}

/// A language for the server's channel posts, or Discord's community language.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum Language {
    #[name = "auto"]
    Auto,
    #[name = "English"]
    En,
    #[name = "Deutsch"]
    De,
    #[name = "Français"]
    Fr,
    #[name = "Español"]
    Es,
}

/// Sets the language of the server's channel posts (replies follow each member's Discord)
#[poise::command(slash_command)]
async fn language(ctx: Context<'_>, language: Language) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let chosen = match language {
        Language::Auto => None,
        Language::En => Some(Lang::En),
        Language::De => Some(Lang::De),
        Language::Fr => Some(Lang::Fr),
        Language::Es => Some(Lang::Es),
    };
    let app = &ctx.data().app;
    respond(ctx, app.set_language(guild, chosen, lang_of(ctx)).await).await
}

/// Sets how long channel quizzes stay open
#[poise::command(slash_command, rename = "quiz-window")]
async fn quiz_window(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 10080]
    minutes: i64,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .set_quiz_window(guild, minutes, lang_of(ctx))
            .await,
    )
    .await
}

/// Sets the channel where /ask questions get their threads
#[poise::command(slash_command, rename = "qa-channel")]
async fn qa_channel(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::PartialChannel,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let value = channel.id.get() as i64;
    let app = &ctx.data().app;
    respond(
        ctx,
        app.set_qa_setting(guild, QaSetting::QaChannel, value, lang_of(ctx))
            .await,
    )
    .await
}

/// Sets the channel where admins hear about questions nobody can take
#[poise::command(slash_command, rename = "admin-channel")]
async fn admin_channel(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::PartialChannel,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let value = channel.id.get() as i64;
    let app = &ctx.data().app;
    respond(
        ctx,
        app.set_qa_setting(guild, QaSetting::AdminChannel, value, lang_of(ctx))
            .await,
    )
    .await
}

/// Sets how long an expert has to reply before the next one is asked
#[poise::command(slash_command)]
async fn escalation(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 168]
    hours: i64,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let app = &ctx.data().app;
    respond(
        ctx,
        app.set_qa_setting(
            guild,
            QaSetting::EscalationMinutes,
            hours * 60,
            lang_of(ctx),
        )
        .await,
    )
    .await
}

/// Makes a role a team on the leaderboards (or stops it being one)
#[poise::command(slash_command, rename = "team-role")]
async fn team_role(
    ctx: Context<'_>,
    role: serenity::Role,
    remove: Option<bool>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let app = &ctx.data().app;
    let by = super::user_of(ctx);
    respond(
        ctx,
        app.set_team_role(
            guild,
            RoleId(role.id.get()),
            &role.name,
            remove.unwrap_or(false),
            by,
            lang_of(ctx),
        )
        .await,
    )
    .await
}

/// Sets how many weeks a leaderboard season lasts
#[poise::command(slash_command, rename = "season-length")]
async fn season_length(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 52]
    weeks: i64,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .set_season_length(guild, weeks, lang_of(ctx))
            .await,
    )
    .await
}

/// Lets experts propose questions with /propose, for admins to publish
#[poise::command(slash_command, rename = "expert-drafts")]
async fn expert_drafts(ctx: Context<'_>, mode: super::expert::OnOff) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let on = matches!(mode, super::expert::OnOff::On);
    respond(
        ctx,
        ctx.data()
            .app
            .set_expert_drafts(guild, on, lang_of(ctx))
            .await,
    )
    .await
}

/// Sets how long raw events (answers, points, question history) are kept
#[poise::command(slash_command)]
async fn retention(
    ctx: Context<'_>,
    #[min = 0]
    #[max = 3650]
    days: i64,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .set_retention(guild, days, lang_of(ctx))
            .await,
    )
    .await
}

/// Sets how often owners verify accepted answers (the server's, or one topic's)
#[poise::command(slash_command)]
async fn verification(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 3650]
    days: i64,
    #[autocomplete = "super::expert::autocomplete_expert_topic"]
    #[max_length = 40]
    topic: Option<String>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let app = &ctx.data().app;
    respond(
        ctx,
        app.set_verification_days(guild, days, topic.as_deref(), lang_of(ctx))
            .await,
    )
    .await
}
