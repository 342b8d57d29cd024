//! `/track set|remove|list`: which topics matter for which role.

use super::{guild_of, lang_of, respond};
use crate::discord::{Context, Error};
use crate::domain::ids::RoleId;
use poise::serenity_prelude as serenity;

/// Role tracks: the topics that matter for a role
#[poise::command(
    slash_command,
    guild_only,
    subcommands("set", "remove", "list"),
    subcommand_required
)]
pub async fn track(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Adds a topic to a role's track (admins)
#[poise::command(slash_command, check = "super::admin::manage_server")]
async fn set(
    ctx: Context<'_>,
    role: serenity::Role,
    #[autocomplete = "super::schedule::autocomplete_topic"]
    #[max_length = 40]
    topic: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .set_track(
                guild,
                RoleId(role.id.get()),
                &role.name,
                &topic,
                lang_of(ctx),
            )
            .await,
    )
    .await
}

/// Removes a topic from a role's track (admins)
#[poise::command(slash_command, check = "super::admin::manage_server")]
async fn remove(
    ctx: Context<'_>,
    role: serenity::Role,
    #[autocomplete = "super::schedule::autocomplete_topic"]
    #[max_length = 40]
    topic: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .remove_track(guild, RoleId(role.id.get()), &topic, lang_of(ctx))
            .await,
    )
    .await
}

/// Lists the role tracks
#[poise::command(slash_command)]
async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(ctx, ctx.data().app.list_tracks(guild, lang_of(ctx)).await).await
}
