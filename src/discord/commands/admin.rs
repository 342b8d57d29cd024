//! The Manage Server check for admin commands. Discord hides them from other members through
//! `default_member_permissions`, but server admins can change that, so the bot checks the
//! invoking member's permissions on every use as well.

use crate::discord::{Context, Error};
use crate::t;
use poise::serenity_prelude as serenity;

/// Whether these permissions may run admin commands.
pub fn is_admin(p: serenity::Permissions) -> bool {
    p.manage_guild() || p.administrator()
}

/// Whether the member running the command has Manage Server (from the interaction).
pub fn invoker_is_admin(ctx: Context<'_>) -> bool {
    let permissions = match ctx {
        poise::Context::Application(a) => a.interaction.member.as_ref().and_then(|m| m.permissions),
        poise::Context::Prefix(_) => None,
    };
    permissions.is_some_and(is_admin)
}

/// Lets the command run for members with Manage Server; tells everyone else why not.
pub async fn manage_server(ctx: Context<'_>) -> Result<bool, Error> {
    let allowed = invoker_is_admin(ctx);
    if !allowed {
        ctx.send(
            poise::CreateReply::default()
                .content(t!(
                    super::lang_of(ctx),
                    "error-admin-only",
                    command = ctx.command().qualified_name.to_string()
                ))
                .ephemeral(true),
        )
        .await?;
    }
    Ok(allowed)
}
