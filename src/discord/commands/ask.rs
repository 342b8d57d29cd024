//! `/ask`, the "Mark as answer" message command and `/resolve`: the peer Q&A flow. `/ask` may
//! open a thread (REST calls), so it defers first to stay inside Discord's 3 seconds; the
//! other two answer from the database at once and close the thread afterwards.

use super::{admin::invoker_is_admin, guild_of, lang_of, refusal_message, respond, user_of};
use crate::app::asks::{PickedReply, Resolved};
use crate::app::port::ChatPort;
use crate::app::{AppError, AppResult};
use crate::discord::{render, Context, Error};
use crate::domain::ids::{ChannelId, UserId};
use poise::serenity_prelude as serenity;

/// Ask the team: known answers first, then a peer expert
#[poise::command(slash_command, guild_only)]
pub async fn ask(
    ctx: Context<'_>,
    #[min_length = 3]
    #[max_length = 1000]
    question: String,
    #[autocomplete = "super::expert::autocomplete_expert_topic"]
    #[max_length = 40]
    topic: Option<String>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    ctx.defer_ephemeral().await?;
    let data = ctx.data();
    let result = data
        .app
        .ask(
            &data.port,
            guild,
            user_of(ctx),
            &question,
            topic.as_deref(),
            lang_of(ctx),
        )
        .await;
    respond(ctx, result).await
}

/// Keep this reply as the answer to the question in this thread
#[poise::command(context_menu_command = "Mark as answer", guild_only)]
pub async fn mark_as_answer(ctx: Context<'_>, message: serenity::Message) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let reply = PickedReply {
        channel: ChannelId(message.channel_id.get()),
        author: UserId(message.author.id.get()),
        author_is_bot: message.author.bot,
        text: message.content.clone(),
    };
    let result = ctx
        .data()
        .app
        .accept_answer(
            guild,
            user_of(ctx),
            invoker_is_admin(ctx),
            &reply,
            lang_of(ctx),
        )
        .await;
    finish(ctx, result).await
}

/// Close the question in this thread (optionally keeping a summary as its answer)
#[poise::command(slash_command, guild_only)]
pub async fn resolve(
    ctx: Context<'_>,
    #[max_length = 2000] answer: Option<String>,
    helper: Option<serenity::User>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let result = ctx
        .data()
        .app
        .resolve_in_thread(
            guild,
            ChannelId(ctx.channel_id().get()),
            (user_of(ctx), invoker_is_admin(ctx)),
            (answer.as_deref(), helper.map(|h| UserId(h.id.get()))),
            lang_of(ctx),
        )
        .await;
    finish(ctx, result).await
}

/// Announces the resolution in the thread, then renames and archives it; a refusal is shown to
/// the caller only.
async fn finish(ctx: Context<'_>, result: AppResult<Resolved>) -> Result<(), Error> {
    let resolved = match result {
        Ok(r) => r,
        Err(AppError::Refused(r)) => {
            ctx.send(render::reply(&refusal_message(&r.0, lang_of(ctx)), true))
                .await?;
            return Ok(());
        }
        Err(e) => return Err(e.into()),
    };
    ctx.send(render::reply(&resolved.announcement, false))
        .await?;
    let Some(thread) = resolved.thread else {
        return Ok(());
    };
    if let Err(e) = ctx
        .data()
        .port
        .close_thread(thread, &resolved.closed_name)
        .await
    {
        tracing::warn!(error = ?e, thread = %thread, "could not rename and archive a resolved question's thread");
    }
    Ok(())
}
