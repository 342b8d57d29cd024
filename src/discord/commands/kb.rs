//! `/kb search` (everyone), `/kb verify` and `/kb update` (an answer's owners and admins),
//! `/kb draft` (experts and admins) and `/kb remove` (admins): the team's knowledge base.

use super::{admin::invoker_is_admin, guild_of, lang_of, respond, user_of};
use crate::discord::{Context, Error};
use crate::domain::ids::KbId;

/// The team's knowledge base: accepted answers, tips and quiz explanations
#[poise::command(
    slash_command,
    guild_only,
    subcommands("search", "verify", "update", "draft", "remove"),
    subcommand_required
)]
pub async fn kb(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Searches what the team already knows
#[poise::command(slash_command)]
async fn search(ctx: Context<'_>, #[max_length = 200] query: String) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data().app.kb_search(guild, &query, lang_of(ctx)).await,
    )
    .await
}

/// Removes an accepted answer from search (admins)
#[poise::command(slash_command, check = "super::admin::manage_server")]
async fn remove(ctx: Context<'_>, #[min = 1] id: i64) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let app = &ctx.data().app;
    respond(
        ctx,
        app.kb_remove(guild, KbId(id), user_of(ctx), lang_of(ctx))
            .await,
    )
    .await
}

/// Confirms an accepted answer is still correct (its owner or an admin)
#[poise::command(slash_command)]
async fn verify(ctx: Context<'_>, #[min = 1] id: i64) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let (user, admin) = (user_of(ctx), invoker_is_admin(ctx));
    let app = &ctx.data().app;
    respond(
        ctx,
        app.kb_verify(guild, KbId(id), user, admin, lang_of(ctx))
            .await,
    )
    .await
}

/// Replaces an accepted answer's text, and its review cards' (its owner or an admin)
#[poise::command(slash_command)]
async fn update(
    ctx: Context<'_>,
    #[min = 1] id: i64,
    #[max_length = 2000] text: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let (user, admin) = (user_of(ctx), invoker_is_admin(ctx));
    let app = &ctx.data().app;
    respond(
        ctx,
        app.kb_update(guild, KbId(id), user, admin, &text, lang_of(ctx))
            .await,
    )
    .await
}

/// Turns an accepted answer into a content file draft: a flashcard and a question (experts)
#[poise::command(slash_command)]
async fn draft(ctx: Context<'_>, #[min = 1] id: i64) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let (user, admin) = (user_of(ctx), invoker_is_admin(ctx));
    let app = &ctx.data().app;
    respond(
        ctx,
        app.kb_draft(guild, KbId(id), user, admin, lang_of(ctx))
            .await,
    )
    .await
}
