//! `/pairing on|off`: whether the member takes part in peer pairings (see `domain::pairing`).

use super::expert::OnOff;
use super::{guild_of, lang_of, respond, user_of};
use crate::discord::{Context, Error};

/// Peer pairings: meet a colleague who knows a topic you are forgetting (at most weekly)
#[poise::command(slash_command, guild_only)]
pub async fn pairing(ctx: Context<'_>, mode: OnOff) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let on = matches!(mode, OnOff::On);
    let app = &ctx.data().app;
    respond(
        ctx,
        app.set_pairing(guild, user_of(ctx), on, lang_of(ctx)).await,
    )
    .await
}
