//! `/help`: every command with its description, only for the caller.

use crate::discord::{Command, Context, Error};
use crate::domain::format::fit;
use crate::domain::limits::{EMBEDS_TOTAL_MAX, EMBED_DESCRIPTION_MAX as EMBED_MAX_CHARS};

const TITLE: &str = "peerlearn commands";

/// Lists every peerlearn command and what it does
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let text = help_text(&ctx.framework().options().commands);
    let mut reply = poise::CreateReply::default().ephemeral(true);
    for (i, page) in pages(&text).into_iter().enumerate() {
        let embed = poise::serenity_prelude::CreateEmbed::new().description(page);
        reply = reply.embed(if i == 0 { embed.title(TITLE) } else { embed });
    }
    ctx.send(reply).await?;
    Ok(())
}

/// The lines of `text` in embeds of at most Discord's description limit, within its limit for
/// all the embeds of a message together (the rest is cut).
fn pages(text: &str) -> Vec<String> {
    let text = fit(text, EMBEDS_TOTAL_MAX - TITLE.len());
    let mut pages = vec![String::new()];
    for line in text.lines() {
        let page = pages.last_mut().expect("one page at least");
        if page.chars().count() + line.chars().count() + 1 > EMBED_MAX_CHARS {
            pages.push(String::new());
        }
        let page = pages.last_mut().expect("one page at least");
        if !page.is_empty() {
            page.push('\n');
        }
        page.push_str(&fit(line, EMBED_MAX_CHARS));
    }
    pages
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
        let pages = pages(&text);
        assert!(pages.iter().all(|p| p.chars().count() <= EMBED_MAX_CHARS));
        let total: usize = pages.iter().map(|p| p.chars().count()).sum();
        assert!(
            total + TITLE.len() <= EMBEDS_TOTAL_MAX,
            "{total} characters"
        );
        assert_eq!(
            pages.join("\n"),
            text,
            "everything fits: shorten descriptions when it no longer does"
        );
    }
}
