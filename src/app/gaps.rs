//! The gap loop (see `domain::gaps`): content requests from what the knowledge base could not
//! answer, shown by `/content requests`, the weekly digest and the report; and `/kb draft`,
//! which turns an accepted answer into a content file draft (a flashcard, and a question to
//! finish) for `/content import`.

use super::message::{colours, Embed, OutMessage};
use super::{refuse, App, AppResult};
use crate::domain::cards::{answer_card_texts, ContentCard};
use crate::domain::content::{Bundle, Topic};
use crate::domain::content_files::to_toml;
use crate::domain::format::fit;
use crate::domain::gaps::{content_requests, ContentRequest};
use crate::domain::ids::{GuildId, KbId, UserId};
use crate::domain::limits::EMBED_DESCRIPTION_MAX;
use crate::i18n::Lang;
use crate::t;
use chrono::{NaiveDate, TimeZone};

/// `/content requests` looks back this many days unless told otherwise, and at most this far.
pub const REQUEST_DAYS_DEFAULT: i64 = 30;
pub const REQUEST_DAYS_MAX: i64 = 365;
/// Requests listed at most (in `/content requests`; the digest and report list fewer).
const REQUESTS_LISTED: usize = 10;
const REQUESTS_IN_SUMMARIES: usize = 5;

/// One request as a line: "VPN drops on hotel wifi · security · 5 asks, 4 people".
fn request_line(r: &ContentRequest, lang: Lang) -> String {
    let counts = t!(lang, "requests-counts", asks = r.asks, people = r.people);
    let mut line = format!("• **{}** · {} · {counts}", fit(&r.label, 120), r.topic);
    if let Some(first) = r.answers.first() {
        let answered = t!(lang, "requests-answered", id = first.to_string());
        line.push_str(&format!(" · {answered}"));
    }
    line
}

impl App {
    /// Unix ms of midnight starting `day` in the guild's time zone.
    pub(crate) async fn day_start_ms(&self, guild: GuildId, day: NaiveDate) -> AppResult<i64> {
        let tz = self.guild_timezone(guild).await?;
        let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
        Ok(tz
            .from_local_datetime(&midnight)
            .earliest()
            .map_or(0, |t| t.timestamp_millis()))
    }

    /// The content requests from questions asked on days `from` to `to` (exclusive).
    async fn requests_between(
        &self,
        guild: GuildId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<Vec<ContentRequest>> {
        let (from_ms, to_ms) = (
            self.day_start_ms(guild, from).await?,
            self.day_start_ms(guild, to).await?,
        );
        let asks = self.store.gap_asks(guild, from_ms, to_ms).await?;
        Ok(content_requests(&asks, self.guild_lang(guild).await?))
    }

    /// The lines the digest and the report show for days `from` to `to` (exclusive), under
    /// `heading`; none when nothing went unanswered.
    pub(crate) async fn request_lines(
        &self,
        guild: GuildId,
        from: NaiveDate,
        to: NaiveDate,
        heading: &str,
        lang: Lang,
    ) -> AppResult<Vec<String>> {
        let requests = self.requests_between(guild, from, to).await?;
        if requests.is_empty() {
            return Ok(vec![]);
        }
        let mut lines = vec![t!(lang, "requests-heading", heading = heading)];
        lines.extend(
            requests
                .iter()
                .take(REQUESTS_IN_SUMMARIES)
                .map(|r| request_line(r, lang)),
        );
        if requests.len() > REQUESTS_IN_SUMMARIES {
            let more = requests.len() - REQUESTS_IN_SUMMARIES;
            lines.push(format!("-# {}", t!(lang, "requests-more", count = more)));
        }
        Ok(lines)
    }

    /// `/content requests [days]` (admins): what members asked and the knowledge base could not
    /// answer, grouped; and the quiz questions whose results suggest a flaw.
    pub async fn content_requests(
        &self,
        guild: GuildId,
        days: Option<i64>,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let days = days.unwrap_or(REQUEST_DAYS_DEFAULT);
        if !(1..=REQUEST_DAYS_MAX).contains(&days) {
            return refuse(t!(
                lang,
                "requests-days-range",
                max = REQUEST_DAYS_MAX,
                default = REQUEST_DAYS_DEFAULT
            ));
        }
        let today = self.local_day(guild, self.clock.now()).await?;
        let from = today - chrono::Duration::days(days - 1);
        let tomorrow = today.succ_opt().unwrap_or(today);
        let requests = self.requests_between(guild, from, tomorrow).await?;
        let mut lines = Vec::new();
        if requests.is_empty() {
            lines.push(t!(lang, "requests-none", days = days));
        } else {
            let asks: usize = requests.iter().map(|r| r.asks).sum();
            lines.push(t!(
                lang,
                "requests-summary",
                questions = asks,
                days = days,
                requests = requests.len()
            ));
            let listed = requests.iter().take(REQUESTS_LISTED);
            lines.extend(listed.map(|r| request_line(r, lang)));
            if requests.len() > REQUESTS_LISTED {
                let more = requests.len() - REQUESTS_LISTED;
                lines.push(format!(
                    "-# {}",
                    t!(lang, "requests-more-rare", count = more)
                ));
            }
        }
        let flagged = self.flagged_questions(guild, today, lang).await?;
        if !flagged.is_empty() {
            lines.push(String::new());
            lines.push(t!(lang, "requests-flagged"));
            lines.extend(flagged);
        }
        Ok(OutMessage {
            embed: Some(Embed {
                title: format!("📝 {}", t!(lang, "requests-title")),
                description: fit(&lines.join("\n"), EMBED_DESCRIPTION_MAX),
                footer: Some(t!(lang, "requests-footer")),
                colour: colours::REPORT,
                ..Default::default()
            }),
            ..Default::default()
        })
    }

    /// `/kb draft id` (experts and admins): a content file with the accepted answer as a
    /// flashcard (ready to import) and a question to finish, with its topic if the content does
    /// not have it yet.
    pub async fn kb_draft(
        &self,
        guild: GuildId,
        id: KbId,
        by: UserId,
        by_admin: bool,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        if !by_admin
            && self
                .store
                .experts(guild, None, self.clock.now_ms())
                .await?
                .iter()
                .all(|e| e.user != by)
        {
            return refuse(t!(lang, "kb-draft-experts-only"));
        }
        let entry = self.live_entry(guild, id, lang).await?;
        let topics = self.store.topics(guild).await?;
        let (front, back) = answer_card_texts(&entry.question, &entry.answer);
        let link = entry
            .thread
            .map(|t| format!("https://discord.com/channels/{guild}/{t}"));
        let mut bundle = Bundle {
            cards: vec![ContentCard {
                id: format!("kb-{id}"),
                topic: entry.topic_id.clone(),
                front,
                back,
                tracks: vec![],
                source: link,
            }],
            ..Default::default()
        };
        if !topics.iter().any(|(t, _)| *t == entry.topic_id) {
            bundle.topics.push(Topic {
                id: entry.topic_id.clone(),
                name: entry.topic_id.clone(),
                description: String::new(),
                desired_retention: None,
                team_target: None,
            });
        }
        // The question to finish, commented out; its keys are the file format's (English).
        let question = t!(
            lang,
            "kb-draft-question",
            id = id.to_string(),
            topic = format!("{:?}", entry.topic_id),
            prompt = format!("{:?}", fit(&entry.question, 300)),
            right = format!(
                "{:?}",
                fit(&entry.answer, crate::domain::content::CHOICE_MAX)
            ),
            explanation = format!(
                "{:?}",
                fit(&entry.answer, crate::domain::content::EXPLANATION_MAX)
            )
        );
        let mut text = to_toml(&bundle);
        text.push_str(&format!("\n{question}\n"));
        let mut m = OutMessage::text(t!(lang, "kb-draft-made", id = id.to_string()));
        m.files
            .push((format!("peerlearn-draft-kb-{id}.toml"), text.into_bytes()));
        Ok(m)
    }
}
