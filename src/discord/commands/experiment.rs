//! `/experiment start|status|stop` (admins): a randomized holdout that measures what reviews
//! cause (see `app::measurement`).

use super::{guild_of, lang_of, respond, user_of};
use crate::discord::{Context, Error};
use crate::domain::limits::AUTOCOMPLETE_CHOICES_MAX;
use crate::t;
use poise::serenity_prelude as serenity;

/// Measure what reviews cause: a randomized holdout (admins)
#[poise::command(
    slash_command,
    guild_only,
    subcommands("start", "status", "stop"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD",
    check = "super::admin::manage_server"
)]
pub async fn experiment(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Topic suggestions, with `all` first.
async fn autocomplete_topic_or_all(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let all = t!(lang_of(ctx), "experiment-all-choice");
    let mut choices = vec![serenity::AutocompleteChoice::new(all, "all")];
    choices.extend(super::schedule::topic_choices(ctx, partial).await);
    choices.truncate(AUTOCOMPLETE_CHOICES_MAX);
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Starts a randomized holdout: some members get no review reminders for a while
#[poise::command(slash_command)]
async fn start(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_topic_or_all"]
    #[max_length = 40]
    topic: String,
    #[min = 5]
    #[max = 50]
    holdout: u32,
    #[min = 1]
    #[max = 52]
    weeks: u32,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let topic = topic.trim();
    let topic = (!topic.eq_ignore_ascii_case("all")).then_some(topic);
    respond(
        ctx,
        ctx.data()
            .app
            .experiment_start(guild, user_of(ctx), topic, holdout, weeks, lang_of(ctx))
            .await,
    )
    .await
}

/// The running (or last) experiment and what it shows so far
#[poise::command(slash_command)]
async fn status(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    ctx.defer_ephemeral().await?;
    respond(
        ctx,
        ctx.data().app.experiment_status(guild, lang_of(ctx)).await,
    )
    .await
}

/// Ends the running experiment: everyone gets review reminders again
#[poise::command(slash_command)]
async fn stop(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data().app.experiment_stop(guild, lang_of(ctx)).await,
    )
    .await
}
