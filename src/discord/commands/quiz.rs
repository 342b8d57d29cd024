//! `/quiz [topic]`: a personal practice question, only for the caller.

use super::{guild_of, lang_of, respond, roles_of, user_of};
use crate::discord::{Context, Error};

/// Practice with a question just for you
#[poise::command(slash_command, guild_only)]
pub async fn quiz(
    ctx: Context<'_>,
    #[autocomplete = "super::schedule::autocomplete_topic"]
    #[max_length = 40]
    topic: Option<String>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let result = ctx
        .data()
        .app
        .practice_question(
            guild,
            user_of(ctx),
            topic.as_deref(),
            &roles_of(ctx),
            lang_of(ctx),
        )
        .await;
    respond(ctx, result).await
}
