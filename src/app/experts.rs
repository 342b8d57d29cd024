//! `/expert`: members volunteer for topics (join, leave, away, back), admins assign and
//! remove, and everyone sees the coverage — topics nobody can answer right now, and the
//! inferred experts (`domain::expertise`) whom routing asks when no enrolled expert is free;
//! members opt out of that with `/expert suggest off`.

use super::message::{colours, Embed, OutMessage};
use super::{refuse, App, AppResult};
use crate::domain::expertise::{evidence, Evidence, TopicExpertise};
use crate::domain::format::{discord_time, Shown};
use crate::domain::guilds::QaSetting;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::limits::EMBED_DESCRIPTION_MAX;
use crate::domain::routing::{parse_away_until, Away, GENERAL};
use crate::i18n::Lang;
use crate::t;
use chrono::DateTime;

/// Who a reply about `member` to `by` speaks of, for the messages' selectors: `you` or the
/// member's mention.
fn subject(member: UserId, by: UserId) -> String {
    if member == by {
        "you".into()
    } else {
        format!("<@{member}>")
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
    /// They are kept for the day, so they are in the server's language.
    pub(crate) async fn inferred_expert_lines(&self, guild: GuildId) -> AppResult<InferredLines> {
        let lang = self.guild_lang(guild).await?;
        let (mut shown, mut count, mut topics) = (Vec::new(), 0, Vec::new());
        for (topic, name) in self.store.topics(guild).await? {
            let inferred = self.inferred_experts(guild, &topic).await?;
            if !inferred.is_empty() {
                count += inferred.len();
                topics.push(name.clone());
            }
            for e in inferred.into_iter().take(3) {
                let who = format!("<@{}>", e.user);
                let reason = e.reason(lang);
                shown.push(t!(
                    lang,
                    "experts-on",
                    who = who,
                    topic = name.as_str(),
                    why = reason
                ));
            }
        }
        if shown.is_empty() {
            return Ok(InferredLines::default());
        }
        Ok(InferredLines {
            named: vec![t!(
                lang,
                "experts-inferred-named",
                experts = shown.join("; ")
            )],
            unnamed: vec![t!(
                lang,
                "experts-inferred-unnamed",
                count = count,
                topics = topics.join(", ")
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
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let changed = self
            .store
            .set_suggestible(guild, user, on, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(match (on, changed) {
            (true, true) => t!(lang, "suggest-on"),
            (true, false) => t!(lang, "suggest-on-already"),
            (false, true) => t!(lang, "suggest-off"),
            (false, false) => t!(lang, "suggest-off-already"),
        }))
    }

    /// Refuses a topic that is neither one of the guild's topics nor "general".
    pub(crate) async fn check_expert_topic(
        &self,
        guild: GuildId,
        topic: &str,
        lang: Lang,
    ) -> AppResult<()> {
        if topic == GENERAL {
            return Ok(());
        }
        self.ensure_content(guild).await?;
        let topics = self.store.topics(guild).await?;
        if topics.iter().any(|(id, _)| id == topic) {
            return Ok(());
        }
        let known: Vec<&str> = topics.iter().map(|(id, _)| id.as_str()).collect();
        let known = match known.is_empty() {
            true => t!(lang, "topics-none-yet"),
            false => known.join(", "),
        };
        refuse(t!(
            lang,
            "topic-unknown-expert",
            topic = topic,
            known = known
        ))
    }

    /// `/config qa-channel|admin-channel` (a channel id) and `/config escalation` (minutes).
    pub async fn set_qa_setting(
        &self,
        guild: GuildId,
        setting: QaSetting,
        value: i64,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let channel = format!("<#{value}>");
        let done = match setting {
            QaSetting::QaChannel => t!(lang, "config-qa-channel-set", channel = channel),
            QaSetting::AdminChannel => t!(lang, "config-admin-channel-set", channel = channel),
            QaSetting::EscalationMinutes if !(60..=168 * 60).contains(&value) => {
                return refuse(t!(lang, "config-escalation-range"));
            }
            QaSetting::EscalationMinutes => {
                t!(lang, "config-escalation-set", hours = value / 60)
            }
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
        lang: Lang,
    ) -> AppResult<OutMessage> {
        self.check_expert_topic(guild, topic, lang).await?;
        let added = self
            .store
            .add_expert(guild, topic, member, by, self.clock.now_ms())
            .await?;
        let who = subject(member, by);
        Ok(OutMessage::text(if added {
            t!(lang, "expert-added", who = who, topic = topic)
        } else {
            t!(lang, "expert-already", who = who, topic = topic)
        }))
    }

    /// `/expert leave` (oneself) and `/expert remove` (admins).
    pub async fn remove_expert(
        &self,
        guild: GuildId,
        topic: &str,
        member: UserId,
        by: UserId,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let removed = self.store.remove_expert(guild, topic, member).await?;
        let who = subject(member, by);
        if !removed {
            let topics = self.store.expert_topics(guild, member).await?;
            let not = t!(lang, "expert-not", who = who, topic = topic);
            let topics = match topics.is_empty() {
                true => t!(lang, "expert-no-topics"),
                false => t!(lang, "expert-topics", topics = topics.join(", ")),
            };
            return refuse(format!("{not} {topics}"));
        }
        Ok(OutMessage::text(t!(
            lang,
            "expert-removed",
            who = who,
            topic = topic
        )))
    }

    /// `/expert away [until]`: no new questions until then (or until `/expert back`).
    pub async fn expert_away(
        &self,
        guild: GuildId,
        member: UserId,
        until: Option<&str>,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let tz = self.guild_timezone(guild).await?;
        let now = self.clock.now();
        let back = match parse_away_until(until.unwrap_or(""), now, tz, lang) {
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
        let mut text = match back {
            Some(b) => {
                let until = discord_time(b, Shown::DayDateTime);
                t!(lang, "away-until", until = until)
            }
            None => t!(lang, "away-until-back"),
        };
        if self.store.expert_topics(guild, member).await?.is_empty() {
            text.push_str(&format!(" {}", t!(lang, "away-no-topics")));
        }
        Ok(OutMessage::text(text))
    }

    /// `/expert back`.
    pub async fn expert_back(
        &self,
        guild: GuildId,
        member: UserId,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        if !self
            .store
            .clear_away(guild, member, self.clock.now_ms())
            .await?
        {
            return refuse(t!(lang, "back-not-away"));
        }
        Ok(OutMessage::text(t!(lang, "back-welcome")))
    }

    /// `/expert list [topic]`: who covers what, the gaps, and suggestions.
    pub async fn expert_list(
        &self,
        guild: GuildId,
        topic: Option<&str>,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        if let Some(topic) = topic {
            self.check_expert_topic(guild, topic, lang).await?;
        }
        let now = self.clock.now_ms();
        let experts = self.store.experts(guild, topic, now).await?;
        let mut topics: Vec<(String, String)> = self.store.topics(guild).await?;
        topics.push((GENERAL.into(), t!(lang, "topic-general")));
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
                        Away::Available if e.open > 0 => {
                            format!(" ({})", t!(lang, "experts-open", count = e.open))
                        }
                        Away::Available => String::new(),
                        Away::Until(Some(ms)) => DateTime::from_timestamp_millis(ms)
                            .map(|t| {
                                let until = discord_time(t, Shown::ShortDate);
                                format!(" ({})", t!(lang, "experts-away-until", until = until))
                            })
                            .unwrap_or_default(),
                        Away::Until(None) => format!(" ({})", t!(lang, "experts-away")),
                    };
                    format!("<@{}>{status}", e.user)
                })
                .collect();
            lines.push(format!("**{name}** (`{id}`): {}", people.join(", ")));
        }
        let mut description = if lines.is_empty() {
            t!(lang, "experts-none")
        } else {
            lines.join("\n")
        };
        if !gaps.is_empty() {
            let gaps = t!(lang, "experts-gaps", topics = gaps.join(", "));
            description.push_str(&format!("\n\n⚠️ {gaps}"));
        }
        let mut inferred = Vec::new();
        for (id, _) in topics.iter().filter(|(id, _)| id != GENERAL) {
            for e in self.inferred_experts(guild, id).await?.into_iter().take(3) {
                let who = format!("<@{}>", e.user);
                let topic = format!("**{id}**");
                inferred.push(t!(
                    lang,
                    "experts-on",
                    who = who,
                    topic = topic,
                    why = e.reason(lang)
                ));
            }
        }
        if !inferred.is_empty() {
            let line = t!(lang, "experts-inferred", experts = inferred.join("; "));
            description.push_str(&format!("\n\n💡 {line}"));
        }
        Ok(OutMessage {
            embed: Some(Embed {
                title: t!(lang, "experts-title"),
                description: crate::domain::format::fit(&description, EMBED_DESCRIPTION_MAX),
                colour: colours::QUIZ,
                ..Default::default()
            }),
            ..Default::default()
        })
    }
}
