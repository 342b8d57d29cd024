//! `/progress`: the caller's own mastery per topic, items due, streak and next review.

use super::{guild_of, lang_of, respond, user_of};
use crate::discord::{Context, Error};

/// Shows your mastery per topic, reviews due and streak (only you see it)
#[poise::command(slash_command, guild_only)]
pub async fn progress(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .progress(guild, user_of(ctx), lang_of(ctx))
            .await,
    )
    .await
}
