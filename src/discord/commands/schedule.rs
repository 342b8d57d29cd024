//! `/schedule add|list|pause|resume|remove|run` (admins), with time zone and topic autocomplete.

use super::{guild_of, lang_of, respond, user_of};
use crate::app::schedules::AddSchedule;
use crate::discord::{Context, Error};
use crate::domain::ids::ChannelId;
use crate::domain::limits::{AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX};
use crate::domain::schedule::timezone_suggestions;
use poise::serenity_prelude as serenity;

/// What a schedule posts.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum Kind {
    #[name = "quiz"]
    Quiz,
    #[name = "tip"]
    Tip,
    #[name = "reinforcement"]
    Reinforcement,
    #[name = "leaderboard"]
    Leaderboard,
    #[name = "digest"]
    Digest,
    #[name = "pairing"]
    Pairing,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Quiz => "quiz",
            Kind::Tip => "tip",
            Kind::Reinforcement => "reinforcement",
            Kind::Leaderboard => "leaderboard",
            Kind::Digest => "digest",
            Kind::Pairing => "pairing",
        }
    }
}

/// Post quizzes, tips, reviews, boards, digests and peer pairings on a timetable
#[poise::command(
    slash_command,
    guild_only,
    subcommands("add", "list", "pause", "resume", "remove", "run"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD",
    check = "super::admin::manage_server"
)]
pub async fn schedule(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Time zone names matching what was typed.
pub async fn autocomplete_timezone(
    _ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let choices = timezone_suggestions(partial, AUTOCOMPLETE_CHOICES_MAX)
        .into_iter()
        .map(|name| serenity::AutocompleteChoice::new(name, name))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The server's topics matching what was typed (by id or name).
pub async fn autocomplete_topic(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    serenity::CreateAutocompleteResponse::new().set_choices(topic_choices(ctx, partial).await)
}

pub(super) async fn topic_choices(
    ctx: Context<'_>,
    partial: &str,
) -> Vec<serenity::AutocompleteChoice> {
    let Some(guild) = ctx.guild_id() else {
        return vec![];
    };
    let app = &ctx.data().app;
    let guild = crate::domain::ids::GuildId(guild.get());
    if let Err(e) = app.ensure_content(guild).await {
        tracing::warn!(error = %e, "cannot load the starter pack for autocomplete");
    }
    let needle = partial.to_lowercase();
    app.topics(guild)
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|(id, name)| id.contains(&needle) || name.to_lowercase().contains(&needle))
        .take(AUTOCOMPLETE_CHOICES_MAX)
        .map(|(id, name)| {
            let label = crate::domain::format::fit(&format!("{name} ({id})"), CHOICE_NAME_MAX);
            serenity::AutocompleteChoice::new(label, id)
        })
        .collect()
}

/// Adds a schedule; the reply previews the next 3 runs
#[poise::command(slash_command)]
async fn add(
    ctx: Context<'_>,
    kind: Kind,
    #[max_length = 100] cron: String,
    #[channel_types("Text")] channel: serenity::PartialChannel,
    #[autocomplete = "autocomplete_timezone"]
    #[max_length = 64]
    timezone: Option<String>,
    #[autocomplete = "autocomplete_topic"]
    #[max_length = 40]
    topic: Option<String>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let result = ctx
        .data()
        .app
        .add_schedule(AddSchedule {
            guild,
            by: user_of(ctx),
            kind: kind.as_str(),
            cron: &cron,
            channel_id: ChannelId(channel.id.get()),
            timezone: timezone.as_deref(),
            topic: topic.as_deref(),
            lang: lang_of(ctx),
        })
        .await
        .map(|(_, m)| m);
    respond(ctx, result).await
}

/// Lists the server's schedules with their next runs
#[poise::command(slash_command)]
async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data().app.list_schedules(guild, lang_of(ctx)).await,
    )
    .await
}

/// Pauses a schedule
#[poise::command(slash_command)]
async fn pause(ctx: Context<'_>, #[min = 1] id: i64) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data().app.pause_schedule(guild, id, lang_of(ctx)).await,
    )
    .await
}

/// Resumes a paused schedule (missed runs are not made up)
#[poise::command(slash_command)]
async fn resume(ctx: Context<'_>, #[min = 1] id: i64) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let result = ctx
        .data()
        .app
        .resume_schedule(guild, id, lang_of(ctx))
        .await;
    respond(ctx, result).await
}

/// Removes a schedule
#[poise::command(slash_command)]
async fn remove(ctx: Context<'_>, #[min = 1] id: i64) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .remove_schedule(guild, id, lang_of(ctx))
            .await,
    )
    .await
}

/// Runs a schedule once, now
#[poise::command(slash_command)]
async fn run(ctx: Context<'_>, #[min = 1] id: i64) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let result = ctx
        .data()
        .app
        .run_schedule_now(guild, id, lang_of(ctx))
        .await;
    respond(ctx, result).await
}
