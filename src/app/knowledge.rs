//! The team's knowledge base: search (for `/kb search` and the first step of `/ask`) and
//! removal of an accepted answer (admins).

use super::message::{colours, Embed, OutMessage};
use super::{refuse, App, AppResult};
use crate::domain::format::fit;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::knowledge::{fts_query, is_relevant, terms, KbHit, KbKind};

/// How many candidates the index returns before relevance filtering.
const CANDIDATES: u32 = 20;
/// `/kb search` shows at most this many.
const SEARCH_RESULTS: usize = 5;
/// The longest query `/kb search` takes (Discord's option limit is set to the same).
pub const QUERY_MAX_CHARS: usize = 200;

impl App {
    /// The best matches for `text` that cover enough of its words, best first.
    pub(crate) async fn kb_matches(
        &self,
        guild: GuildId,
        text: &str,
        limit: usize,
    ) -> AppResult<Vec<KbHit>> {
        let words = terms(text);
        let Some(query) = fts_query(&words) else {
            return Ok(vec![]);
        };
        let hits = self.store.search_kb(guild, &query, CANDIDATES).await?;
        Ok(hits
            .into_iter()
            .filter(|h| is_relevant(&words, &format!("{}\n{}", h.title, h.body)))
            .take(limit)
            .collect())
    }

    /// `/kb search query`: what the team already knows about it.
    pub async fn kb_search(&self, guild: GuildId, query: &str) -> AppResult<OutMessage> {
        let query = query.trim();
        if query.is_empty() {
            return refuse("Type a few words to search for, e.g. `/kb search vpn password`.");
        }
        if query.chars().count() > QUERY_MAX_CHARS {
            return refuse(format!(
                "That search is too long ({} characters); use at most {QUERY_MAX_CHARS}.",
                query.chars().count()
            ));
        }
        self.ensure_content(guild).await?;
        let hits = self.kb_matches(guild, query, SEARCH_RESULTS).await?;
        if hits.is_empty() {
            return Ok(OutMessage::text(format!(
                "Nothing in the knowledge base matches \"{}\". Ask the team with `/ask`.",
                fit(query, 100)
            )));
        }
        Ok(OutMessage {
            embed: Some(Embed {
                title: format!("Knowledge base: {}", fit(query, 200)),
                description: describe_hits(&hits),
                footer: Some("Answers come from resolved /ask questions; tips and quiz explanations from the team's content.".into()),
                colour: colours::TIP,
                ..Default::default()
            }),
            ..Default::default()
        })
    }

    /// `/kb remove id` (admins): takes an accepted answer out of search.
    pub async fn kb_remove(&self, guild: GuildId, id: i64, by: UserId) -> AppResult<OutMessage> {
        let Some(entry) = self.store.kb_entry(guild, id).await? else {
            return refuse(format!(
                "There is no answer #{id} in this server's knowledge base. `/kb search` shows the ids."
            ));
        };
        if entry.removed {
            return refuse(format!("Answer #{id} was already removed."));
        }
        self.store
            .remove_kb_entry(guild, id, by, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(format!(
            "Removed answer #{id} (\"{}\") from the knowledge base. It stays in the records.",
            fit(&entry.question, 80)
        )))
    }
}

/// Search hits as a numbered list: kind, topic, question and an excerpt of the answer.
pub fn describe_hits(hits: &[KbHit]) -> String {
    let mut out = String::new();
    for (i, h) in hits.iter().enumerate() {
        let label = match h.kind {
            KbKind::Answer(id) => format!("Answer #{id}"),
            KbKind::Tip => "Tip".into(),
            KbKind::Question => "Quiz explanation".into(),
        };
        let heading = match h.kind {
            KbKind::Tip => String::new(),
            _ => format!(" — {}", fit(&one_line(&h.title), 150)),
        };
        out.push_str(&format!(
            "**{}. {label}** · {}{heading}\n{}\n\n",
            i + 1,
            h.topic_id,
            fit(&h.body, 350)
        ));
    }
    out.trim_end().to_string()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
