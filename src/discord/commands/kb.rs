//! `/kb search` (everyone) and `/kb remove` (admins): the team's knowledge base.

use super::{guild_of, respond, user_of};
use crate::discord::{Context, Error};

/// The team's knowledge base: accepted answers, tips and quiz explanations
#[poise::command(
    slash_command,
    guild_only,
    subcommands("search", "remove"),
    subcommand_required
)]
pub async fn kb(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Searches what the team already knows
#[poise::command(slash_command)]
async fn search(
    ctx: Context<'_>,
    #[description = "A few words, e.g. vpn password reset"]
    #[max_length = 200]
    query: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(ctx, ctx.data().app.kb_search(guild, &query).await).await
}

/// Removes an accepted answer from search (admins)
#[poise::command(slash_command, check = "super::admin::manage_server")]
async fn remove(
    ctx: Context<'_>,
    #[description = "The answer's number, as /kb search shows it (#12 → 12)"]
    #[min = 1]
    id: i64,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(ctx, ctx.data().app.kb_remove(guild, id, user_of(ctx)).await).await
}
