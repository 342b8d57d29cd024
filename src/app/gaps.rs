//! The gap loop (see `domain::gaps`): content requests from what the knowledge base could not
//! answer, shown by `/content requests`, the weekly digest and the report; and `/kb draft`,
//! which turns an accepted answer into a content file draft (a flashcard, and a question to
//! finish) for `/content import`.

use super::message::{colours, Embed, OutMessage};
use super::{refuse, App, AppResult};
use crate::domain::cards::{answer_card_texts, ContentCard};
use crate::domain::content::{Bundle, Topic};
use crate::domain::content_files::to_toml;
use crate::domain::format::{fit, plural};
use crate::domain::gaps::{content_requests, ContentRequest};
use crate::domain::ids::{GuildId, KbId, UserId};
use crate::domain::limits::EMBED_DESCRIPTION_MAX;
use chrono::{NaiveDate, TimeZone};

/// `/content requests` looks back this many days unless told otherwise, and at most this far.
pub const REQUEST_DAYS_DEFAULT: i64 = 30;
pub const REQUEST_DAYS_MAX: i64 = 365;
/// Requests listed at most (in `/content requests`; the digest and report list fewer).
const REQUESTS_LISTED: usize = 10;
const REQUESTS_IN_SUMMARIES: usize = 5;

/// One request as a line: "VPN drops on hotel wifi · security · 5 asks, 4 people".
fn request_line(r: &ContentRequest) -> String {
    let mut line = format!(
        "• **{}** · {} · {}, {}",
        fit(&r.label, 120),
        r.topic,
        plural(r.asks as i64, "ask", "asks"),
        plural(r.people as i64, "person", "people")
    );
    if let Some(first) = r.answers.first() {
        line.push_str(&format!(
            " · answered as #{first}: `/kb draft id:{first}` makes it content"
        ));
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
    ) -> AppResult<Vec<String>> {
        let requests = self.requests_between(guild, from, to).await?;
        if requests.is_empty() {
            return Ok(vec![]);
        }
        let mut lines = vec![format!(
            "**{heading}** (questions the knowledge base could not answer, grouped by topic and wording: content to write)"
        )];
        lines.extend(
            requests
                .iter()
                .take(REQUESTS_IN_SUMMARIES)
                .map(request_line),
        );
        if requests.len() > REQUESTS_IN_SUMMARIES {
            lines.push(format!(
                "-# and {} more: `/content requests`",
                requests.len() - REQUESTS_IN_SUMMARIES
            ));
        }
        Ok(lines)
    }

    /// `/content requests [days]` (admins): what members asked and the knowledge base could not
    /// answer, grouped; and the quiz questions whose results suggest a flaw.
    pub async fn content_requests(
        &self,
        guild: GuildId,
        days: Option<i64>,
    ) -> AppResult<OutMessage> {
        let days = days.unwrap_or(REQUEST_DAYS_DEFAULT);
        if !(1..=REQUEST_DAYS_MAX).contains(&days) {
            return refuse(format!(
                "Look back 1 to {REQUEST_DAYS_MAX} days (default {REQUEST_DAYS_DEFAULT})."
            ));
        }
        let today = self.local_day(guild, self.clock.now()).await?;
        let from = today - chrono::Duration::days(days - 1);
        let tomorrow = today.succ_opt().unwrap_or(today);
        let requests = self.requests_between(guild, from, tomorrow).await?;
        let mut lines = Vec::new();
        if requests.is_empty() {
            lines.push(format!(
                "Nothing went unanswered by the knowledge base in the last {}.",
                plural(days, "day", "days")
            ));
        } else {
            let asks: usize = requests.iter().map(|r| r.asks).sum();
            lines.push(format!(
                "{} the knowledge base could not answer in the last {}, in {} (grouped by topic and wording):",
                plural(asks as i64, "question", "questions"),
                plural(days, "day", "days"),
                plural(requests.len() as i64, "request", "requests")
            ));
            lines.extend(requests.iter().take(REQUESTS_LISTED).map(request_line));
            if requests.len() > REQUESTS_LISTED {
                lines.push(format!(
                    "-# and {} more asked once each or less often",
                    requests.len() - REQUESTS_LISTED
                ));
            }
        }
        let flagged = self.flagged_questions(guild, today).await?;
        if !flagged.is_empty() {
            lines.push(String::new());
            lines.push("**Quiz questions with poor results** (from members' first tries): rewrite or explain better".into());
            lines.extend(flagged);
        }
        Ok(OutMessage {
            embed: Some(Embed {
                title: "📝 Content requests".into(),
                description: fit(&lines.join("\n"), EMBED_DESCRIPTION_MAX),
                footer: Some("Write a tip, a question or a flashcard for these, and /content import it; /kb draft turns an accepted answer into a draft.".into()),
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
    ) -> AppResult<OutMessage> {
        if !by_admin
            && self
                .store
                .experts(guild, None, self.clock.now_ms())
                .await?
                .iter()
                .all(|e| e.user != by)
        {
            return refuse(
                "Drafting content from answers is for experts (`/expert join`) and admins.",
            );
        }
        let entry = self.live_entry(guild, id).await?;
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
        let question = format!(
            "\n# A quiz question from the same answer: write two or more wrong choices, then\n# remove the '#' signs and import it.\n#\n# [[question]]\n# id = \"kb-{id}-q\"\n# topic = {:?}\n# prompt = {:?}\n# choices = [{:?}, \"a plausible wrong answer\", \"another wrong answer\"]\n# correct = \"A\"\n# explanation = {:?}\n",
            entry.topic_id,
            fit(&entry.question, 300),
            fit(&entry.answer, crate::domain::content::CHOICE_MAX),
            fit(&entry.answer, crate::domain::content::EXPLANATION_MAX),
        );
        let mut text = to_toml(&bundle);
        text.push_str(&question);
        let mut m = OutMessage::text(format!(
            "A draft from answer #{id}: a flashcard ready for `/content import`, and a quiz question to finish (commented out). Edit it, then import it."
        ));
        m.files
            .push((format!("peerlearn-draft-kb-{id}.toml"), text.into_bytes()));
        Ok(m)
    }
}
