//! `/reinforce` and `/pause`: how and when a member gets review reminders.

use super::{guild_of, lang_of, respond, user_of};
use crate::app::reviews::ReinforceChoice;
use crate::discord::{Context, Error};

/// How review reminders reach you.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum Mode {
    #[name = "on"]
    On,
    #[name = "off"]
    Off,
    #[name = "dm"]
    Dm,
    #[name = "channel"]
    Channel,
}

/// Turns your review reminders on or off, or picks DM or channel
#[poise::command(slash_command, guild_only)]
pub async fn reinforce(ctx: Context<'_>, mode: Mode) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let choice = match mode {
        Mode::On => ReinforceChoice::On,
        Mode::Off => ReinforceChoice::Off,
        Mode::Dm => ReinforceChoice::Dm,
        Mode::Channel => ReinforceChoice::Channel,
    };
    respond(
        ctx,
        ctx.data()
            .app
            .set_reinforce(guild, user_of(ctx), choice, lang_of(ctx))
            .await,
    )
    .await
}

/// Pauses your reviews (e.g. for a vacation); due dates move by the pause
#[poise::command(slash_command, guild_only)]
pub async fn pause(ctx: Context<'_>, #[max_length = 10] until: String) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .pause_reviews(guild, user_of(ctx), &until, lang_of(ctx))
            .await,
    )
    .await
}
