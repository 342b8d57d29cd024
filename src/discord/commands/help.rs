//! `/help`: every command with its description, only for the caller.

use crate::discord::{Command, Context, Error};
use crate::domain::format::fit;
use crate::domain::limits::EMBED_DESCRIPTION_MAX as EMBED_MAX_CHARS;

/// Lists every peerlearn command and what it does
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let text = help_text(&ctx.framework().options().commands);
    let embed = poise::serenity_prelude::CreateEmbed::new()
        .title("peerlearn commands")
        .description(fit(&text, EMBED_MAX_CHARS));
    ctx.send(poise::CreateReply::default().embed(embed).ephemeral(true))
        .await?;
    Ok(())
}

/// One line per command (and per subcommand), `/name — description`, then the message
/// commands.
pub fn help_text(commands: &[Command]) -> String {
    let mut lines = Vec::new();
    fn add(lines: &mut Vec<String>, prefix: &str, c: &Command) {
        let name = format!("{prefix}{}", c.name);
        if c.subcommands.is_empty() {
            let description = c.description.as_deref().unwrap_or("");
            lines.push(format!("`/{name}` — {description}"));
        } else {
            for sub in &c.subcommands {
                add(lines, &format!("{name} "), sub);
            }
        }
    }
    for c in commands.iter().filter(|c| c.slash_action.is_some()) {
        add(&mut lines, "", c);
    }
    for c in commands.iter().filter(|c| c.context_menu_action.is_some()) {
        let name = c.context_menu_name.as_deref().unwrap_or(&c.name);
        let description = c.description.as_deref().unwrap_or("");
        lines.push(format!("**{name}** (message menu → Apps) — {description}"));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_command_with_its_description() {
        let text = help_text(&crate::discord::commands::all());
        assert!(
            text.contains("`/help` — Lists every peerlearn command"),
            "{text}"
        );
        assert!(text.contains("`/about` — "), "{text}");
        assert!(
            text.contains("**Mark as answer** (message menu → Apps)"),
            "{text}"
        );
        assert!(text.chars().count() <= EMBED_MAX_CHARS, "{}", text.len());
    }
}
