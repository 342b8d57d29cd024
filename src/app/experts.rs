//! `/expert`: members volunteer for topics (join, leave, away, back), admins assign and
//! remove, and everyone sees the coverage — topics nobody can answer right now, and the
//! inferred experts (`domain::expertise`) whom routing asks when no enrolled expert is free;
//! members opt out of that with `/expert suggest off`.

use super::message::{colours, Embed, OutMessage};
use super::{refuse, App, AppResult};
use crate::domain::expertise::{evidence, Evidence, TopicExpertise};
use crate::domain::guilds::QaSetting;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::limits::EMBED_DESCRIPTION_MAX;
use crate::domain::routing::{parse_away_until, Away, GENERAL};
use chrono::DateTime;

/// "You are" or "<@member> is", for replies about `member` to `by`.
fn subject(member: UserId, by: UserId) -> String {
    if member == by {
        "You are".into()
    } else {
        format!("<@{member}> is")
    }
}

/// The report's and the digest's lines on inferred experts.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct InferredLines {
    /// For the report (admins): up to three per topic, named.
    pub named: Vec<String>,
    /// For the digest: how many, on which topics.
    pub unnamed: Vec<String>,
}

impl App {
    /// Everyone's expertise on `topic`, from what they remember of it, the answers they gave
    /// in it and the verified answers they own, with the facts it was judged from.
    pub(crate) async fn expertise(&self, guild: GuildId, topic: &str) -> AppResult<TopicExpertise> {
        let facts = self.store.expertise_facts(guild, topic).await?;
        let model = self.memory_model(guild).await?;
        let today = self.local_day(guild, self.clock.now()).await?;
        let evidence = evidence(
            topic,
            &facts,
            |m| model.recall(m, today),
            self.clock.now_ms(),
            self.settings().knowledge.verification_days,
        );
        Ok(TopicExpertise { facts, evidence })
    }

    /// The inferred experts on `topic` (see [`TopicExpertise::inferred`]).
    pub(crate) async fn inferred_experts(
        &self,
        guild: GuildId,
        topic: &str,
    ) -> AppResult<Vec<Evidence>> {
        Ok(self
            .expertise(guild, topic)
            .await?
            .inferred()
            .cloned()
            .collect())
    }

    /// The report's line on inferred experts (up to three per topic, named) and the digest's
    /// (how many, on which topics: the digest names nobody). Judging expertise reads every
    /// member's memory of every topic, so the daily figures keep these lines for the day.
    pub(crate) async fn inferred_expert_lines(&self, guild: GuildId) -> AppResult<InferredLines> {
        let (mut shown, mut count, mut topics) = (Vec::new(), 0, Vec::new());
        for (topic, name) in self.store.topics(guild).await? {
            let inferred = self.inferred_experts(guild, &topic).await?;
            if !inferred.is_empty() {
                count += inferred.len();
                topics.push(name.clone());
            }
            for e in inferred.into_iter().take(3) {
                shown.push(format!("<@{}> on {name} ({})", e.user, e.reason()));
            }
        }
        if shown.is_empty() {
            return Ok(InferredLines::default());
        }
        Ok(InferredLines {
            named: vec![format!(
                "**Inferred experts** (not enrolled; asked when no enrolled expert is free): {}",
                shown.join("; ")
            )],
            unnamed: vec![format!(
                "**Inferred experts:** {count} on {} (`/expert list` names them)",
                topics.join(", ")
            )],
        })
    }

    /// `/expert suggest on|off`: whether the member may be suggested as, and routed questions
    /// as, an inferred expert.
    pub async fn set_suggestible(
        &self,
        guild: GuildId,
        user: UserId,
        on: bool,
    ) -> AppResult<OutMessage> {
        let changed = self
            .store
            .set_suggestible(guild, user, on, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(match (on, changed) {
            (true, true) => "You may be suggested as an expert again, from what you know and the answers you give, and asked questions when no enrolled expert is free.",
            (true, false) => "You could already be suggested as an expert.",
            (false, true) => "You will no longer be suggested as an expert nor asked questions as one, unless you enrol with `/expert join`. `/expert suggest on` undoes this.",
            (false, false) => "You had already opted out of being suggested as an expert.",
        }))
    }

    /// Refuses a topic that is neither one of the guild's topics nor "general".
    pub(crate) async fn check_expert_topic(&self, guild: GuildId, topic: &str) -> AppResult<()> {
        if topic == GENERAL {
            return Ok(());
        }
        self.ensure_content(guild).await?;
        let topics = self.store.topics(guild).await?;
        if topics.iter().any(|(id, _)| id == topic) {
            return Ok(());
        }
        let known: Vec<&str> = topics.iter().map(|(id, _)| id.as_str()).collect();
        refuse(format!(
            "There is no topic \"{topic}\". Topics here: {}, or \"general\".",
            if known.is_empty() {
                "none yet".to_string()
            } else {
                known.join(", ")
            }
        ))
    }

    /// `/config qa-channel|admin-channel` (a channel id) and `/config escalation` (minutes).
    pub async fn set_qa_setting(
        &self,
        guild: GuildId,
        setting: QaSetting,
        value: i64,
    ) -> AppResult<OutMessage> {
        let done = match setting {
            QaSetting::QaChannel => format!("Questions that need an expert now get a thread in <#{value}>. Make sure the bot may send messages and create public threads there."),
            QaSetting::AdminChannel => format!("Admins are now told in <#{value}> when a question has no available expert or no reply after escalation."),
            QaSetting::EscalationMinutes if !(60..=168 * 60).contains(&value) => {
                return refuse("The escalation time must be between 1 and 168 hours.");
            }
            QaSetting::EscalationMinutes => format!(
                "An expert now has **{} h** to reply before the next expert is asked.",
                value / 60
            ),
        };
        self.store
            .set_qa_setting(guild, setting, value, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(done))
    }

    /// `/expert join` (for oneself) and `/expert assign` (admins, for someone).
    pub async fn add_expert(
        &self,
        guild: GuildId,
        topic: &str,
        member: UserId,
        by: UserId,
    ) -> AppResult<OutMessage> {
        self.check_expert_topic(guild, topic).await?;
        let added = self
            .store
            .add_expert(guild, topic, member, by, self.clock.now_ms())
            .await?;
        let who = subject(member, by);
        Ok(OutMessage::text(if added {
            format!(
                "{who} now an expert on **{topic}**: questions on it may be routed to {}.",
                if member == by { "you" } else { "them" }
            )
        } else {
            format!("{who} already an expert on **{topic}**.")
        }))
    }

    /// `/expert leave` (oneself) and `/expert remove` (admins).
    pub async fn remove_expert(
        &self,
        guild: GuildId,
        topic: &str,
        member: UserId,
        by: UserId,
    ) -> AppResult<OutMessage> {
        let removed = self.store.remove_expert(guild, topic, member).await?;
        let who = subject(member, by);
        if !removed {
            let topics = self.store.expert_topics(guild, member).await?;
            return refuse(format!(
                "{who} not an expert on \"{topic}\". {}",
                if topics.is_empty() {
                    "No topics at all yet.".to_string()
                } else {
                    format!("Topics: {}.", topics.join(", "))
                }
            ));
        }
        Ok(OutMessage::text(format!(
            "{who} no longer an expert on **{topic}**. Questions already assigned stay assigned."
        )))
    }

    /// `/expert away [until]`: no new questions until then (or until `/expert back`).
    pub async fn expert_away(
        &self,
        guild: GuildId,
        member: UserId,
        until: Option<&str>,
    ) -> AppResult<OutMessage> {
        let tz = self.guild_timezone(guild).await?;
        let now = self.clock.now();
        let back = match parse_away_until(until.unwrap_or(""), now, tz) {
            Ok(b) => b,
            Err(e) => return refuse(e),
        };
        self.store
            .set_away(
                guild,
                member,
                now.timestamp_millis(),
                back.map(|b| b.timestamp_millis()),
            )
            .await?;
        let note = if self.store.expert_topics(guild, member).await?.is_empty() {
            " (You are not an expert on any topic yet; `/expert join` adds one.)"
        } else {
            ""
        };
        Ok(OutMessage::text(match back {
            Some(b) => format!(
                "You get no new questions until {}. Enjoy the time off.{note}",
                crate::domain::format::discord_time(b, crate::domain::format::Shown::DayDateTime)
            ),
            None => format!("You get no new questions until you use `/expert back`.{note}"),
        }))
    }

    /// `/expert back`.
    pub async fn expert_back(&self, guild: GuildId, member: UserId) -> AppResult<OutMessage> {
        if !self
            .store
            .clear_away(guild, member, self.clock.now_ms())
            .await?
        {
            return refuse("You were not marked away.");
        }
        Ok(OutMessage::text(
            "Welcome back: questions can be routed to you again.",
        ))
    }

    /// `/expert list [topic]`: who covers what, the gaps, and suggestions.
    pub async fn expert_list(&self, guild: GuildId, topic: Option<&str>) -> AppResult<OutMessage> {
        if let Some(t) = topic {
            self.check_expert_topic(guild, t).await?;
        }
        let now = self.clock.now_ms();
        let experts = self.store.experts(guild, topic, now).await?;
        let mut topics: Vec<(String, String)> = self.store.topics(guild).await?;
        topics.push((GENERAL.into(), "General".into()));
        if let Some(t) = topic {
            topics.retain(|(id, _)| id == t);
        }
        let mut lines = Vec::new();
        let mut gaps = Vec::new();
        for (id, name) in &topics {
            let here: Vec<_> = experts.iter().filter(|e| &e.topic_id == id).collect();
            let available = here.iter().filter(|e| e.away == Away::Available).count();
            if available == 0 {
                gaps.push(name.clone());
            }
            if here.is_empty() {
                continue;
            }
            let people: Vec<String> = here
                .iter()
                .map(|e| {
                    let status = match e.away {
                        Away::Available if e.open > 0 => format!(" ({} open)", e.open),
                        Away::Available => String::new(),
                        Away::Until(Some(ms)) => DateTime::from_timestamp_millis(ms)
                            .map(|t| {
                                let until = crate::domain::format::discord_time(
                                    t,
                                    crate::domain::format::Shown::ShortDate,
                                );
                                format!(" (away until {until})")
                            })
                            .unwrap_or_default(),
                        Away::Until(None) => " (away)".into(),
                    };
                    format!("<@{}>{status}", e.user)
                })
                .collect();
            lines.push(format!("**{name}** (`{id}`): {}", people.join(", ")));
        }
        let mut description = if lines.is_empty() {
            "Nobody has joined as an expert yet. Members volunteer with `/expert join`; admins use `/expert assign`.".to_string()
        } else {
            lines.join("\n")
        };
        if !gaps.is_empty() {
            description.push_str(&format!(
                "\n\n⚠️ **No available expert:** {}. Questions on these go to general experts, else the admins are told.",
                gaps.join(", ")
            ));
        }
        let mut inferred = Vec::new();
        for (id, _) in topics.iter().filter(|(id, _)| id != GENERAL) {
            for e in self.inferred_experts(guild, id).await?.into_iter().take(3) {
                inferred.push(format!("<@{}> on **{id}** ({})", e.user, e.reason()));
            }
        }
        if !inferred.is_empty() {
            description.push_str(&format!(
                "\n\n💡 **Inferred experts** (not enrolled; from what they know and the answers they gave, fading with time; asked when no enrolled expert is free; `/expert suggest off` to opt out): {}",
                inferred.join("; ")
            ));
        }
        Ok(OutMessage {
            embed: Some(Embed {
                title: "Experts".into(),
                description: crate::domain::format::fit(&description, EMBED_DESCRIPTION_MAX),
                colour: colours::QUIZ,
                ..Default::default()
            }),
            ..Default::default()
        })
    }
}
