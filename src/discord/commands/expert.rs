//! `/expert join|leave|away|back|list` (everyone) and `/expert assign|remove` (admins).

use super::{guild_of, lang_of, respond, user_of};
use crate::discord::{Context, Error};
use crate::domain::ids::UserId;
use crate::domain::limits::AUTOCOMPLETE_CHOICES_MAX;
use crate::domain::routing::GENERAL;
use crate::t;
use poise::serenity_prelude as serenity;

/// Peer experts: who answers questions on which topic
#[poise::command(
    slash_command,
    guild_only,
    subcommands("join", "leave", "away", "back", "suggest", "list", "assign", "remove"),
    subcommand_required
)]
pub async fn expert(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Topics plus "general", for topic options of expert commands and /ask.
pub async fn autocomplete_expert_topic(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let mut choices = super::schedule::topic_choices(ctx, partial).await;
    if GENERAL.contains(&partial.to_lowercase()) && choices.len() < AUTOCOMPLETE_CHOICES_MAX {
        let name = t!(lang_of(ctx), "topic-general-choice");
        choices.push(serenity::AutocompleteChoice::new(name, GENERAL));
    }
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Volunteer to answer questions on a topic
#[poise::command(slash_command)]
async fn join(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_expert_topic"]
    #[max_length = 40]
    topic: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let me = user_of(ctx);
    respond(
        ctx,
        ctx.data()
            .app
            .add_expert(guild, &topic, me, me, lang_of(ctx))
            .await,
    )
    .await
}

/// Stop answering questions on a topic
#[poise::command(slash_command)]
async fn leave(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_expert_topic"]
    #[max_length = 40]
    topic: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let me = user_of(ctx);
    respond(
        ctx,
        ctx.data()
            .app
            .remove_expert(guild, &topic, me, me, lang_of(ctx))
            .await,
    )
    .await
}

/// Take no new questions for a while
#[poise::command(slash_command)]
async fn away(ctx: Context<'_>, #[max_length = 20] until: Option<String>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let result = ctx
        .data()
        .app
        .expert_away(guild, user_of(ctx), until.as_deref(), lang_of(ctx))
        .await;
    respond(ctx, result).await
}

/// Take questions again
#[poise::command(slash_command)]
async fn back(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .expert_back(guild, user_of(ctx), lang_of(ctx))
            .await,
    )
    .await
}

/// On or off (also `/pairing`).
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum OnOff {
    #[name = "on"]
    On,
    #[name = "off"]
    Off,
}

/// Whether you may be suggested as an expert from what you know, and asked questions as one
#[poise::command(slash_command)]
async fn suggest(ctx: Context<'_>, mode: OnOff) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let on = matches!(mode, OnOff::On);
    let app = &ctx.data().app;
    respond(
        ctx,
        app.set_suggestible(guild, user_of(ctx), on, lang_of(ctx))
            .await,
    )
    .await
}

/// Who covers which topic, the gaps, and who could help
#[poise::command(slash_command)]
async fn list(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_expert_topic"]
    #[max_length = 40]
    topic: Option<String>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .expert_list(guild, topic.as_deref(), lang_of(ctx))
            .await,
    )
    .await
}

/// Makes a member an expert on a topic (admins)
#[poise::command(slash_command, check = "super::admin::manage_server")]
async fn assign(
    ctx: Context<'_>,
    member: serenity::User,
    #[autocomplete = "autocomplete_expert_topic"]
    #[max_length = 40]
    topic: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    if member.bot {
        return respond(
            ctx,
            crate::app::refuse(t!(lang_of(ctx), "expert-not-a-bot")),
        )
        .await;
    }
    let result = ctx
        .data()
        .app
        .add_expert(
            guild,
            &topic,
            UserId(member.id.get()),
            user_of(ctx),
            lang_of(ctx),
        )
        .await;
    respond(ctx, result).await
}

/// Takes a member off a topic (admins)
#[poise::command(slash_command, check = "super::admin::manage_server")]
async fn remove(
    ctx: Context<'_>,
    member: serenity::User,
    #[autocomplete = "autocomplete_expert_topic"]
    #[max_length = 40]
    topic: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let result = ctx
        .data()
        .app
        .remove_expert(
            guild,
            &topic,
            UserId(member.id.get()),
            user_of(ctx),
            lang_of(ctx),
        )
        .await;
    respond(ctx, result).await
}
