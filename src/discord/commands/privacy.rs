//! `/privacy export|delete`: a member's own data in this server.

use super::{guild_of, lang_of, respond, user_of};
use crate::discord::{Context, Error};

/// Your own data in this server: get a copy or delete it
#[poise::command(
    slash_command,
    guild_only,
    subcommands("export", "delete"),
    subcommand_required
)]
pub async fn privacy(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Sends you everything peerlearn stores about you here, as a JSON file (only you see it)
#[poise::command(slash_command)]
async fn export(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    ctx.defer_ephemeral().await?;
    respond(
        ctx,
        ctx.data()
            .app
            .privacy_export(guild, user_of(ctx), lang_of(ctx))
            .await,
    )
    .await
}

/// Deletes your data here (you confirm with a button first)
#[poise::command(slash_command)]
async fn delete(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .privacy_delete_prompt(guild, lang_of(ctx))
            .await,
    )
    .await
}
