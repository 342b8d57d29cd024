//! `/help`: every command with its description, only for the caller.

use crate::discord::{Command, Context, Error};
use crate::domain::format::fit;
use crate::domain::limits::{EMBEDS_TOTAL_MAX, EMBED_DESCRIPTION_MAX as EMBED_MAX_CHARS};
use crate::i18n::Lang;
use crate::t;

/// Lists every peerlearn command and what it does
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let lang = super::lang_of(ctx);
    let text = help_text(&ctx.framework().options().commands, lang);
    let title = t!(lang, "help-title");
    let mut reply = poise::CreateReply::default().ephemeral(true);
    for (i, page) in pages(&text, title.len()).into_iter().enumerate() {
        let embed = poise::serenity_prelude::CreateEmbed::new().description(page);
        reply = reply.embed(if i == 0 { embed.title(&title) } else { embed });
    }
    ctx.send(reply).await?;
    Ok(())
}

/// The lines of `text` in embeds of at most Discord's description limit, within its limit for
/// all the embeds of a message together (the rest is cut).
fn pages(text: &str, title_len: usize) -> Vec<String> {
    let text = fit(text, EMBEDS_TOTAL_MAX - title_len);
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
/// commands; descriptions in `lang`.
pub fn help_text(commands: &[Command], lang: Lang) -> String {
    let mut lines = Vec::new();
    fn add(lines: &mut Vec<String>, prefix: &str, c: &Command, lang: Lang) {
        let name = format!("{prefix}{}", c.name);
        if c.subcommands.is_empty() {
            let description = description(c, lang);
            lines.push(format!("`/{name}` — {description}"));
        } else {
            for sub in &c.subcommands {
                add(lines, &format!("{name} "), sub, lang);
            }
        }
    }
    for c in commands.iter().filter(|c| c.slash_action.is_some()) {
        add(&mut lines, "", c, lang);
    }
    for c in commands.iter().filter(|c| c.context_menu_action.is_some()) {
        let name = c.context_menu_name.as_deref().unwrap_or(&c.name);
        let line = t!(
            lang,
            "help-message-command",
            name = name,
            description = description(c, lang)
        );
        lines.push(line);
    }
    lines.join("\n")
}

/// A command's description in `lang` (its localisation under the language's first Discord
/// locale), else the English one.
fn description(c: &Command, lang: Lang) -> &str {
    let locale = lang.discord_locales()[0];
    c.description_localizations
        .iter()
        .find(|(l, _)| l == locale)
        .map(|(_, d)| d.as_ref())
        .or(c.description.as_deref())
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_command_with_its_description() {
        let text = help_text(&crate::discord::commands::all(), Lang::En);
        assert!(
            text.contains("`/help` — Lists every peerlearn command"),
            "{text}"
        );
        assert!(text.contains("`/about` — "), "{text}");
        assert!(
            text.contains("**Mark as answer** (message menu → Apps)"),
            "{text}"
        );
        let title = t!(Lang::En, "help-title");
        let pages = pages(&text, title.len());
        assert!(pages.iter().all(|p| p.chars().count() <= EMBED_MAX_CHARS));
        let total: usize = pages.iter().map(|p| p.chars().count()).sum();
        assert!(
            total + title.len() <= EMBEDS_TOTAL_MAX,
            "{total} characters"
        );
        assert_eq!(
            pages.join("\n"),
            text,
            "everything fits: shorten descriptions when it no longer does"
        );
        // Every language fits too, and German reads German.
        for lang in Lang::ALL {
            let text = help_text(&crate::discord::commands::all(), lang);
            let title = t!(lang, "help-title");
            assert_eq!(
                super::pages(&text, title.len()).join("\n"),
                text,
                "{lang:?}"
            );
        }
        let german = help_text(&crate::discord::commands::all(), Lang::De);
        assert!(
            german.contains("`/quiz` — Übe mit einer Frage nur für dich"),
            "{german}"
        );
    }
}
