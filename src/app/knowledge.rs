//! The team's knowledge base: search (for `/kb search` and the first step of `/ask`), removal
//! of an accepted answer (admins), and knowledge that stays true (`domain::verification`):
//! each answer's standing shown beside it, reminders to its owners when it falls due, their
//! verdict ("Still correct" / "Needs an update" / "Retire"), `/kb verify`, and the intervals
//! (`/config verification`).

use super::message::{colours, Button, Embed, OutMessage, Style};
use super::quiz::Post;
use super::{refuse, App, AppResult};
use crate::domain::cards::answer_card_texts;
use crate::domain::custom_id::{ComponentId, Verdict};
use crate::domain::format::{fit, one_line};
use crate::domain::ids::{ChannelId, GuildId, KbId, UserId};
use crate::domain::knowledge::{fts_query, is_relevant, terms, KbEntry, KbHit, KbKind};
use crate::domain::limits::{EMBED_DESCRIPTION_MAX, MESSAGE_MAX};
use crate::domain::verification::{self, check_interval, owners, Standing, Verification};
use crate::i18n::Lang;

/// How many candidates the index returns before relevance filtering.
const CANDIDATES: u32 = 20;
/// `/kb search` shows at most this many.
const SEARCH_RESULTS: usize = 5;
/// The longest query `/kb search` takes (Discord's option limit is set to the same).
pub const QUERY_MAX_CHARS: usize = 200;
/// The longest answer text ("Needs an update"; a message's 2,000 characters).
pub const ANSWER_MAX_CHARS: usize = MESSAGE_MAX;
/// Answers due for verification handled per pass (the rest wait for the next one).
const REMINDERS_PER_PASS: u32 = 200;

/// A search hit with the standing of its answer (`None` for tips, questions and cards).
#[derive(Debug, Clone)]
pub struct Shown {
    pub hit: KbHit,
    pub standing: Option<(Standing, i64)>,
}

impl App {
    /// The best matches for `text` that cover enough of its words, best first.
    pub(crate) async fn kb_matches(
        &self,
        guild: GuildId,
        text: &str,
        limit: usize,
    ) -> AppResult<Vec<KbHit>> {
        let lang = self.search_lang(guild).await?;
        let words = terms(text, lang);
        let Some(query) = fts_query(&words) else {
            return Ok(vec![]);
        };
        let hits = self.store.search_kb(guild, &query, CANDIDATES).await?;
        Ok(hits
            .into_iter()
            .filter(|h| is_relevant(&words, &format!("{}\n{}", h.title, h.body), lang))
            .take(limit)
            .collect())
    }

    /// The language the guild's knowledge is searched in: the server's, its index rebuilt
    /// first when the server's language changed since it was built.
    pub(crate) async fn search_lang(&self, guild: GuildId) -> AppResult<Lang> {
        let lang = self.guild_lang(guild).await?;
        if self.store.search_language(guild).await? != Some(lang) {
            self.store.rebuild_search(guild, lang).await?;
        }
        Ok(lang)
    }

    /// The verification of an answer verified at `verified_ms` with its own interval.
    fn verification(&self, verified_ms: i64, interval_days: Option<u32>) -> Verification {
        let k = &self.settings.knowledge;
        Verification {
            verified_ms,
            interval_days: verification::interval_days(interval_days, None, k.verification_days),
        }
    }

    /// Each hit with its answer's standing now and when it was last verified.
    pub(crate) fn with_standing(&self, hits: Vec<KbHit>) -> Vec<Shown> {
        let now = self.clock.now_ms();
        let grace = self.settings.knowledge.verification_grace_days;
        hits.into_iter()
            .map(|hit| {
                let standing = match hit.kind {
                    KbKind::Answer {
                        verified_ms,
                        interval_days,
                        ..
                    } => Some((
                        self.verification(verified_ms, interval_days)
                            .standing(now, grace),
                        verified_ms,
                    )),
                    _ => None,
                };
                Shown { hit, standing }
            })
            .collect()
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
                description: describe_hits(&self.with_standing(hits)),
                footer: Some("Answers come from resolved /ask questions; tips, quiz explanations and flashcards from the team's content.".into()),
                colour: colours::TIP,
                ..Default::default()
            }),
            ..Default::default()
        })
    }

    /// An accepted answer that is still in the knowledge base, or why not.
    pub(super) async fn live_entry(&self, guild: GuildId, id: KbId) -> AppResult<KbEntry> {
        match self.store.kb_entry(guild, id).await? {
            Some(e) if !e.removed => Ok(e),
            Some(_) => refuse(format!("Answer #{id} was removed from the knowledge base.")),
            None => refuse(format!(
                "There is no answer #{id} in this server's knowledge base. `/kb search` shows the ids."
            )),
        }
    }

    /// `/kb remove id` (admins): takes an accepted answer out of search and withdraws its card.
    pub async fn kb_remove(&self, guild: GuildId, id: KbId, by: UserId) -> AppResult<OutMessage> {
        let entry = self.live_entry(guild, id).await?;
        self.store
            .remove_kb_entry(guild, id, by, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(format!(
            "Removed answer #{id} (\"{}\") from the knowledge base, and withdrew its review card. It stays in the records.",
            fit(&entry.question, 80)
        )))
    }

    /// The members who own an answer now.
    async fn owners_of(&self, guild: GuildId, e: &KbEntry) -> AppResult<Vec<UserId>> {
        let author_is_member = self.store.member(guild, e.author).await?.is_some();
        let experts: Vec<UserId> = self
            .store
            .experts(guild, Some(&e.topic_id), self.clock.now_ms())
            .await?
            .into_iter()
            .map(|x| x.user)
            .collect();
        Ok(owners(e.author, author_is_member, &experts))
    }

    /// Refuses anyone but the answer's owners and admins.
    async fn owned_entry(
        &self,
        guild: GuildId,
        id: KbId,
        by: UserId,
        by_admin: bool,
    ) -> AppResult<KbEntry> {
        let entry = self.live_entry(guild, id).await?;
        if !by_admin && !self.owners_of(guild, &entry).await?.contains(&by) {
            return refuse(format!(
                "Only the owner of answer #{id} (its author, else the experts on its topic) or an admin can do that."
            ));
        }
        Ok(entry)
    }

    /// `/kb verify id` and "Still correct": verified from now.
    pub async fn kb_verify(
        &self,
        guild: GuildId,
        id: KbId,
        by: UserId,
        by_admin: bool,
    ) -> AppResult<OutMessage> {
        self.owned_entry(guild, id, by, by_admin).await?;
        let now = self.clock.now_ms();
        self.store.verify_kb_entry(guild, id, by, now).await?;
        let entry = self.live_entry(guild, id).await?;
        let next = self
            .verification(entry.verified_ms, entry.interval_days)
            .due_ms();
        Ok(OutMessage::text(format!(
            "✅ Answer #{id} is verified. Its next check is due <t:{}:D>.",
            next / 1000
        )))
    }

    /// The owner's verdict on a reminder.
    pub async fn kb_verdict(
        &self,
        guild: GuildId,
        id: KbId,
        by: UserId,
        by_admin: bool,
        verdict: Verdict,
    ) -> AppResult<OutMessage> {
        match verdict {
            Verdict::StillCorrect => self.kb_verify(guild, id, by, by_admin).await,
            Verdict::Retire => {
                self.owned_entry(guild, id, by, by_admin).await?;
                self.store
                    .remove_kb_entry(guild, id, by, self.clock.now_ms())
                    .await?;
                Ok(OutMessage::text(format!(
                    "Answer #{id} is retired: `/ask` and `/kb search` no longer show it, and its review card is withdrawn."
                )))
            }
            // The modal is opened by the adapter; this is only reached if it cannot be.
            Verdict::NeedsUpdate => refuse("Use the button again to write the new text."),
        }
    }

    /// The current text to prefill "Needs an update" with, checking who asks.
    pub async fn kb_update_form(
        &self,
        guild: GuildId,
        id: KbId,
        by: UserId,
        by_admin: bool,
    ) -> AppResult<(String, String)> {
        let e = self.owned_entry(guild, id, by, by_admin).await?;
        Ok((e.question, e.answer))
    }

    /// "Needs an update" submitted: the new text replaces the answer and its card's back.
    pub async fn kb_update(
        &self,
        guild: GuildId,
        id: KbId,
        by: UserId,
        by_admin: bool,
        text: &str,
    ) -> AppResult<OutMessage> {
        let entry = self.owned_entry(guild, id, by, by_admin).await?;
        let text = text.trim();
        if text.is_empty() {
            return refuse("The new text is empty: nothing was changed.");
        }
        if text.chars().count() > ANSWER_MAX_CHARS {
            return refuse(format!(
                "The new text is {} characters long; keep it under {ANSWER_MAX_CHARS}.",
                text.chars().count()
            ));
        }
        let (_, back) = answer_card_texts(&entry.question, text);
        self.store
            .update_kb_answer(guild, id, text, &back, by, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(format!(
            "✏️ Answer #{id} is updated and verified. The members who hold its card see the new text at their next review."
        )))
    }

    /// Reminds the owners of answers whose verification is due (by direct message, with the
    /// three verdicts), or the admin channel when an answer has no owner; returns how many
    /// answers were handled.
    pub async fn run_verification_reminders(&self) -> AppResult<usize> {
        let now = self.clock.now_ms();
        let days = self.settings.knowledge.verification_days;
        let due = self
            .store
            .kb_due_for_reminder(days, now, REMINDERS_PER_PASS)
            .await?;
        let count = due.len();
        for (guild, entry) in due {
            let owners = self.owners_of(guild, &entry).await?;
            let mut posts: Vec<(ChannelId, Option<UserId>, String)> = Vec::new();
            let guild_name = self.guild_name(guild).await?;
            let reminder = reminder_message(guild, &guild_name, &entry);
            for owner in &owners {
                posts.push((
                    ChannelId(0),
                    Some(*owner),
                    Post::message_payload(reminder.clone()),
                ));
            }
            if owners.is_empty() {
                let qa = self.store.qa_settings(guild).await?;
                match qa.admin_channel {
                    Some(admin) => posts.push((
                        admin,
                        None,
                        Post::message_payload(OutMessage::text(format!(
                            "Answer #{} (\"{}\") is due for verification, and nobody owns it (its author is gone and the topic **{}** has no experts). Check it and use `/kb verify id:{}`, or `/kb remove id:{}`.",
                            entry.id,
                            fit(&entry.question, 80),
                            entry.topic_id,
                            entry.id,
                            entry.id
                        ))),
                    )),
                    None => tracing::warn!(guild = %guild, kb = %entry.id, "an answer due for verification has no owner and no admin channel is set"),
                }
            }
            self.store
                .kb_reminded(guild, entry.id, &posts, self.clock.now_ms())
                .await?;
        }
        if count > 0 {
            self.posts_queued();
        }
        Ok(count)
    }

    /// `/config verification days [topic]`: the server's interval, or one topic's.
    pub async fn set_verification_days(
        &self,
        guild: GuildId,
        days: i64,
        topic: Option<&str>,
    ) -> AppResult<OutMessage> {
        let days = match check_interval(days) {
            Ok(d) => d,
            Err(why) => return refuse(why),
        };
        if let Some(t) = topic {
            self.check_expert_topic(guild, t).await?;
        }
        self.store
            .set_verification_interval(guild, topic, days, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(match topic {
            Some(t) => format!(
                "Answers on **{t}** are now checked by their owners every {days} days."
            ),
            None => format!(
                "Answers are now checked by their owners every {days} days (topics with their own interval keep it)."
            ),
        }))
    }
}

/// The owner's reminder: the answer and the three verdicts.
fn reminder_message(guild: GuildId, guild_name: &str, e: &KbEntry) -> OutMessage {
    let button = |verdict: Verdict, label: &str, style: Style| Button {
        custom_id: ComponentId::Verify {
            guild,
            kb: e.id,
            verdict,
        }
        .encode(),
        label: label.into(),
        style,
        disabled: false,
    };
    OutMessage {
        content: format!(
            "🔎 Is this answer in **{}** still correct? You own it, so the team counts on you.",
            fit(guild_name, 100)
        ),
        embed: Some(Embed {
            title: fit(&format!("Answer #{} · {}", e.id, one_line(&e.question)), 256),
            description: fit(&e.answer, EMBED_DESCRIPTION_MAX),
            footer: Some(format!(
                "Last verified {}. Unverified answers are marked in search, and after a while no longer offered.",
                chrono::DateTime::from_timestamp_millis(e.verified_ms)
                    .map(|t| t.format("%-d %b %Y").to_string())
                    .unwrap_or_default()
            )),
            colour: colours::QUESTION,
            ..Default::default()
        }),
        buttons: vec![vec![
            button(Verdict::StillCorrect, "Still correct", Style::Success),
            button(Verdict::NeedsUpdate, "Needs an update", Style::Primary),
            button(Verdict::Retire, "Retire", Style::Danger),
        ]],
        ..Default::default()
    }
}

/// Search hits as a numbered list: kind, topic, question and an excerpt of the answer; an
/// answer past its verification is marked "not verified since …".
pub fn describe_hits(hits: &[Shown]) -> String {
    let mut out = String::new();
    for (i, Shown { hit: h, standing }) in hits.iter().enumerate() {
        let label = match h.kind {
            KbKind::Answer { id, .. } => format!("Answer #{id}"),
            KbKind::Tip => "Tip".into(),
            KbKind::Question => "Quiz explanation".into(),
            KbKind::Card => "Flashcard".into(),
        };
        let heading = match h.kind {
            KbKind::Tip => String::new(),
            _ => format!(" — {}", fit(&one_line(&h.title), 150)),
        };
        let mark = match standing {
            Some((Standing::Due | Standing::Stale, since)) => {
                format!("\n-# ⚠️ not verified since <t:{}:D>", since / 1000)
            }
            _ => String::new(),
        };
        out.push_str(&format!(
            "**{}. {label}** · {}{heading}\n{}{mark}\n\n",
            i + 1,
            h.topic_id,
            fit(&h.body, 350)
        ));
    }
    out.trim_end().to_string()
}
