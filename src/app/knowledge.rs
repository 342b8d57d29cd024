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
use crate::t;

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
    pub async fn kb_search(
        &self,
        guild: GuildId,
        query: &str,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let query = query.trim();
        if query.is_empty() {
            return refuse(t!(lang, "kb-search-empty"));
        }
        if query.chars().count() > QUERY_MAX_CHARS {
            let length = query.chars().count();
            return refuse(t!(
                lang,
                "kb-search-too-long",
                length = length,
                max = QUERY_MAX_CHARS
            ));
        }
        self.ensure_content(guild).await?;
        let hits = self.kb_matches(guild, query, SEARCH_RESULTS).await?;
        if hits.is_empty() {
            return Ok(OutMessage::text(t!(
                lang,
                "kb-search-nothing",
                query = fit(query, 100)
            )));
        }
        Ok(OutMessage {
            embed: Some(Embed {
                title: t!(lang, "kb-search-title", query = fit(query, 200)),
                description: describe_hits(&self.with_standing(hits), lang),
                footer: Some(t!(lang, "kb-search-footer")),
                colour: colours::TIP,
                ..Default::default()
            }),
            ..Default::default()
        })
    }

    /// An accepted answer that is still in the knowledge base, or why not.
    pub(super) async fn live_entry(
        &self,
        guild: GuildId,
        id: KbId,
        lang: Lang,
    ) -> AppResult<KbEntry> {
        match self.store.kb_entry(guild, id).await? {
            Some(e) if !e.removed => Ok(e),
            Some(_) => refuse(t!(lang, "kb-removed-already", id = id.to_string())),
            None => refuse(t!(lang, "kb-no-such", id = id.to_string())),
        }
    }

    /// `/kb remove id` (admins): takes an accepted answer out of search and withdraws its card.
    pub async fn kb_remove(
        &self,
        guild: GuildId,
        id: KbId,
        by: UserId,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let entry = self.live_entry(guild, id, lang).await?;
        self.store
            .remove_kb_entry(guild, id, by, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(t!(
            lang,
            "kb-removed",
            id = id.to_string(),
            question = fit(&entry.question, 80)
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
        lang: Lang,
    ) -> AppResult<KbEntry> {
        let entry = self.live_entry(guild, id, lang).await?;
        if !by_admin && !self.owners_of(guild, &entry).await?.contains(&by) {
            return refuse(t!(lang, "kb-owners-only", id = id.to_string()));
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
        lang: Lang,
    ) -> AppResult<OutMessage> {
        self.owned_entry(guild, id, by, by_admin, lang).await?;
        let now = self.clock.now_ms();
        self.store.verify_kb_entry(guild, id, by, now).await?;
        let entry = self.live_entry(guild, id, lang).await?;
        let next = self
            .verification(entry.verified_ms, entry.interval_days)
            .due_ms();
        let due = format!("<t:{}:D>", next / 1000);
        Ok(OutMessage::text(format!(
            "✅ {}",
            t!(lang, "kb-verified", id = id.to_string(), due = due)
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
        lang: Lang,
    ) -> AppResult<OutMessage> {
        match verdict {
            Verdict::StillCorrect => self.kb_verify(guild, id, by, by_admin, lang).await,
            Verdict::Retire => {
                self.owned_entry(guild, id, by, by_admin, lang).await?;
                self.store
                    .remove_kb_entry(guild, id, by, self.clock.now_ms())
                    .await?;
                Ok(OutMessage::text(t!(
                    lang,
                    "kb-retired",
                    id = id.to_string()
                )))
            }
            // The modal is opened by the adapter; this is only reached if it cannot be.
            Verdict::NeedsUpdate => refuse(t!(lang, "kb-use-button-again")),
        }
    }

    /// The current text to prefill "Needs an update" with, checking who asks.
    pub async fn kb_update_form(
        &self,
        guild: GuildId,
        id: KbId,
        by: UserId,
        by_admin: bool,
        lang: Lang,
    ) -> AppResult<(String, String)> {
        let e = self.owned_entry(guild, id, by, by_admin, lang).await?;
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
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let entry = self.owned_entry(guild, id, by, by_admin, lang).await?;
        let text = text.trim();
        if text.is_empty() {
            return refuse(t!(lang, "kb-update-empty"));
        }
        if text.chars().count() > ANSWER_MAX_CHARS {
            let length = text.chars().count();
            return refuse(t!(
                lang,
                "kb-update-too-long",
                length = length,
                max = ANSWER_MAX_CHARS
            ));
        }
        let (_, back) = answer_card_texts(&entry.question, text);
        self.store
            .update_kb_answer(guild, id, text, &back, by, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(format!(
            "✏️ {}",
            t!(lang, "kb-updated", id = id.to_string())
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
            for owner in &owners {
                // A DM: the owner's language.
                let lang = self.member_lang(guild, *owner).await?;
                let reminder =
                    reminder_message(guild, &super::server_name(&guild_name, lang), &entry, lang);
                posts.push((ChannelId(0), Some(*owner), Post::message_payload(reminder)));
            }
            if owners.is_empty() {
                let qa = self.store.qa_settings(guild).await?;
                let lang = self.guild_lang(guild).await?;
                let text = t!(
                    lang,
                    "kb-admins-unowned",
                    id = entry.id.to_string(),
                    question = fit(&entry.question, 80),
                    topic = entry.topic_id.as_str()
                );
                match qa.admin_channel {
                    Some(admin) => {
                        posts.push((admin, None, Post::message_payload(OutMessage::text(text))))
                    }
                    None => {
                        tracing::warn!(guild = %guild, kb = %entry.id, "an answer due for verification has no owner and no admin channel is set")
                    }
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
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let days = match check_interval(days, lang) {
            Ok(d) => d,
            Err(why) => return refuse(why),
        };
        if let Some(topic) = topic {
            self.check_expert_topic(guild, topic, lang).await?;
        }
        self.store
            .set_verification_interval(guild, topic, days, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(match topic {
            Some(topic) => t!(lang, "verification-set-topic", topic = topic, days = days),
            None => t!(lang, "verification-set", days = days),
        }))
    }
}

/// The owner's reminder: the answer and the three verdicts.
fn reminder_message(guild: GuildId, guild_name: &str, e: &KbEntry, lang: Lang) -> OutMessage {
    let button = |verdict: Verdict, label: String, style: Style| Button {
        custom_id: ComponentId::Verify {
            guild,
            kb: e.id,
            verdict,
        }
        .encode(),
        label,
        style,
        disabled: false,
    };
    let verified = chrono::DateTime::from_timestamp_millis(e.verified_ms)
        .map(|t| lang.date(t.date_naive()))
        .unwrap_or_default();
    let title = t!(
        lang,
        "kb-answer-title",
        id = e.id.to_string(),
        question = one_line(&e.question)
    );
    OutMessage {
        content: format!(
            "🔎 {}",
            t!(lang, "kb-reminder", server = fit(guild_name, 100))
        ),
        embed: Some(Embed {
            title: fit(&title, 256),
            description: fit(&e.answer, EMBED_DESCRIPTION_MAX),
            footer: Some(t!(lang, "kb-reminder-footer", date = verified)),
            colour: colours::QUESTION,
            ..Default::default()
        }),
        buttons: vec![vec![
            button(
                Verdict::StillCorrect,
                t!(lang, "kb-still-correct"),
                Style::Success,
            ),
            button(
                Verdict::NeedsUpdate,
                t!(lang, "kb-needs-update"),
                Style::Primary,
            ),
            button(Verdict::Retire, t!(lang, "kb-retire"), Style::Danger),
        ]],
        ..Default::default()
    }
}

/// Search hits as a numbered list: kind, topic, question and an excerpt of the answer; an
/// answer past its verification is marked "not verified since …".
pub fn describe_hits(hits: &[Shown], lang: Lang) -> String {
    let mut out = String::new();
    for (i, Shown { hit: h, standing }) in hits.iter().enumerate() {
        let label = match h.kind {
            KbKind::Answer { id, .. } => t!(lang, "kb-hit-answer", id = id.to_string()),
            KbKind::Tip => t!(lang, "kb-hit-tip"),
            KbKind::Question => t!(lang, "kb-hit-question"),
            KbKind::Card => t!(lang, "kb-hit-card"),
        };
        let heading = match h.kind {
            KbKind::Tip => String::new(),
            _ => format!(" — {}", fit(&one_line(&h.title), 150)),
        };
        let mark = match standing {
            Some((Standing::Due | Standing::Stale, since)) => {
                let since = format!("<t:{}:D>", since / 1000);
                format!("\n-# ⚠️ {}", t!(lang, "kb-hit-unverified", since = since))
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
