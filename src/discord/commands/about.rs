//! `/about`: version, uptime and database size, only for the caller.

use crate::discord::{Context, Error};
use crate::domain::format;

/// Shows the bot's version, uptime and database size
#[poise::command(slash_command)]
pub async fn about(ctx: Context<'_>) -> Result<(), Error> {
    let data = ctx.data();
    let text = format!(
        "**peerlearn** v{}\nUp for {}\nDatabase: {}",
        env!("CARGO_PKG_VERSION"),
        format::duration(data.started_at.elapsed()),
        format::bytes(data.app.database_bytes().await),
    );
    ctx.send(poise::CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}
