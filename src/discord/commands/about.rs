//! `/about`: version, uptime and database size, only for the caller.

use crate::discord::{Context, Error};
use crate::domain::format;
use crate::t;

/// Shows the bot's version, uptime and database size
#[poise::command(slash_command)]
pub async fn about(ctx: Context<'_>) -> Result<(), Error> {
    let data = ctx.data();
    let text = t!(
        super::lang_of(ctx),
        "about-text",
        version = env!("CARGO_PKG_VERSION"),
        uptime = format::duration(data.started_at.elapsed()),
        size = format::bytes(data.app.database_bytes().await),
    );
    ctx.send(poise::CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}
