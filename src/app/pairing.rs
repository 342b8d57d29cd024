//! Peers paired across a gap (see `domain::pairing`): what a `pairing` schedule run does (the
//! learners and mentors of each topic among members who opted in, the pairs, a DM to each with
//! "We talked" / "Skip", a note in the channel), the verdict, `/pairing on|off`, and the lines
//! the report and digest show.

use super::message::{Button, OutMessage, Style};
use super::quiz::Post;
use super::{refuse, App, AppResult};
use crate::domain::custom_id::ComponentId;
use crate::domain::ids::{ChannelId, GuildId, UserId};
use crate::domain::pairing::{pair, Learner, Mentor, Outcome};
use crate::domain::routing::GENERAL;
use crate::domain::schedule::{RunOutput, ScheduleRow};
use crate::i18n::Lang;
use crate::t;
use std::collections::HashMap;

impl App {
    /// What a `pairing` run at `scheduled_ms` posts: the pairs' DMs and a note in the channel.
    pub(super) async fn pairing_run(
        &self,
        s: &ScheduleRow,
        scheduled_ms: i64,
    ) -> AppResult<RunOutput> {
        let now = self.clock.now_ms();
        let today = self.local_day(s.guild, self.clock.now()).await?;
        let pairable = self
            .store
            .pairable(s.guild, &today.to_string(), now)
            .await?;
        if pairable.len() < 2 {
            return Ok(RunOutput::Nothing);
        }
        let targets: HashMap<String, Option<f64>> = self
            .store
            .team_targets(s.guild)
            .await?
            .into_iter()
            .collect();
        let default = self.settings.reinforcement.team_recall_target;
        let model = self.memory_model(s.guild).await?;
        let mut names: HashMap<String, String> = HashMap::new();
        let (mut learners, mut mentors) = (Vec::new(), Vec::new());
        for (topic, name) in self.store.topics(s.guild).await? {
            if topic == GENERAL || s.topic.as_ref().is_some_and(|t| *t != topic) {
                continue;
            }
            let target = targets.get(&topic).copied().flatten().unwrap_or(default);
            let expertise = self.expertise(s.guild, &topic).await?;
            let facts = &expertise.facts;
            let mut by_user: HashMap<UserId, (f64, usize)> = HashMap::new();
            for (user, memory) in &facts.memories {
                let e = by_user.entry(*user).or_default();
                e.0 += model.recall(memory, today);
                e.1 += 1;
            }
            for (user, (sum, seen)) in by_user {
                if pairable.contains(&user) {
                    learners.push(Learner {
                        user,
                        topic: topic.clone(),
                        recall: sum / seen as f64,
                        seen,
                        target,
                    });
                }
            }
            // Mentors: enrolled experts (whatever their score) and inferred ones.
            let inferred = expertise.inferred().map(|e| e.user);
            let mut knowers: Vec<UserId> = facts.enrolled.iter().copied().chain(inferred).collect();
            knowers.sort();
            knowers.dedup();
            for user in knowers.into_iter().filter(|u| pairable.contains(u)) {
                mentors.push(Mentor {
                    user,
                    topic: topic.clone(),
                    score: expertise.score_of(user).unwrap_or(0.0),
                });
            }
            names.insert(topic, name);
        }
        let history = self.store.pairing_history(s.guild).await?;
        let pairings = pair(&learners, &mentors, &history, now);
        if pairings.is_empty() {
            return Ok(RunOutput::Nothing);
        }
        let guild_name = self.guild_name(s.guild).await?;
        let mut posts = Vec::new();
        for p in &pairings {
            let topic = names
                .get(&p.topic)
                .cloned()
                .unwrap_or_else(|| p.topic.clone());
            let buttons = |talked: bool, label: String, style: Style| Button {
                custom_id: ComponentId::Pairing {
                    guild: s.guild,
                    schedule: s.id,
                    at_ms: scheduled_ms,
                    learner: p.learner,
                    talked,
                }
                .encode(),
                label,
                style,
                disabled: false,
            };
            // Each DM in its reader's language.
            let row = |lang: Lang| {
                vec![vec![
                    buttons(true, t!(lang, "pairing-talked"), Style::Success),
                    buttons(false, t!(lang, "pairing-skip"), Style::Secondary),
                ]]
            };
            let target = targets.get(&p.topic).copied().flatten().unwrap_or(default);
            let lang = self.member_lang(s.guild, p.learner).await?;
            let text = t!(
                lang,
                "pairing-to-learner",
                server = super::server_name(&guild_name, lang),
                topic = topic.as_str(),
                recall = lang.percent(p.learner_recall),
                target = lang.percent(target),
                mentor = format!("<@{}>", p.mentor)
            );
            let why = t!(lang, "pairing-why");
            let to_learner = OutMessage {
                content: format!("🤝 {text}\n-# {why}"),
                buttons: row(lang),
                ..Default::default()
            };
            let lang = self.member_lang(s.guild, p.mentor).await?;
            let text = t!(
                lang,
                "pairing-to-mentor",
                server = super::server_name(&guild_name, lang),
                topic = topic.as_str(),
                learner = format!("<@{}>", p.learner)
            );
            let why = t!(lang, "pairing-why");
            let to_mentor = OutMessage {
                content: format!("🤝 {text}\n-# {why}"),
                buttons: row(lang),
                ..Default::default()
            };
            posts.push((
                ChannelId(0),
                Some(p.learner),
                Post::message_payload(to_learner),
            ));
            posts.push((
                ChannelId(0),
                Some(p.mentor),
                Post::message_payload(to_mentor),
            ));
        }
        let mut topics: Vec<String> = pairings
            .iter()
            .map(|p| {
                names
                    .get(&p.topic)
                    .cloned()
                    .unwrap_or_else(|| p.topic.clone())
            })
            .collect();
        topics.sort();
        topics.dedup();
        let lang = self.guild_lang(s.guild).await?;
        let note = t!(
            lang,
            "pairing-channel",
            count = pairings.len(),
            topics = topics.join(", ")
        );
        let note = OutMessage::text(format!("🤝 {note}"));
        posts.push((s.channel_id, None, Post::message_payload(note)));
        Ok(RunOutput::Pairings { pairings, posts })
    }

    /// "We talked" / "Skip" on a pairing DM, by the learner or the mentor; the pairing is
    /// named by its schedule, its run and its learner.
    pub async fn pairing_verdict(
        &self,
        guild: GuildId,
        by: UserId,
        (schedule, at_ms, learner): (i64, i64, UserId),
        talked: bool,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let Some(p) = self.store.pairing(guild, schedule, at_ms, learner).await? else {
            return refuse(t!(lang, "pairing-unknown"));
        };
        if by != p.learner && by != p.mentor {
            return refuse(t!(lang, "pairing-not-yours"));
        }
        let day = self.local_day(guild, self.clock.now()).await?;
        let keys = self.board_keys(guild, day).await?;
        let points = i64::from(self.settings.points.pairing);
        let outcome = self
            .store
            .pairing_verdict(
                guild,
                &p,
                by,
                talked,
                points,
                (&day, &keys),
                self.clock.now_ms(),
            )
            .await?;
        let other = if by == p.learner { p.mentor } else { p.learner };
        Ok(OutMessage::text(match (outcome, talked) {
            (Outcome::Settled, _) => t!(lang, "pairing-settled"),
            (Outcome::Recorded, true) => {
                let noted = t!(
                    lang,
                    "pairing-noted",
                    other = format!("<@{other}>"),
                    topic = p.topic.as_str(),
                    points = points
                );
                format!("🎉 {noted}")
            }
            (Outcome::Recorded, false) => t!(lang, "pairing-skipped"),
        }))
    }

    /// `/pairing on|off`.
    pub async fn set_pairing(
        &self,
        guild: GuildId,
        user: UserId,
        on: bool,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let changed = self
            .store
            .set_pairing(guild, user, on, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(match (on, changed) {
            (true, true) => t!(lang, "pairing-on"),
            (true, false) => t!(lang, "pairing-on-already"),
            (false, true) => t!(lang, "pairing-off"),
            (false, false) => t!(lang, "pairing-off-already"),
        }))
    }

    /// The report's and digest's lines on pairings made since `from_ms`: how many, how many
    /// talked, and the learners' predicted recall of the topic when paired and now.
    pub(crate) async fn pairing_lines(
        &self,
        guild: GuildId,
        from_ms: i64,
        lang: Lang,
    ) -> AppResult<Vec<String>> {
        let pairings = self.store.pairings_since(guild, from_ms).await?;
        if pairings.is_empty() {
            return Ok(vec![]);
        }
        let talked: Vec<_> = pairings.iter().filter(|p| p.talked).collect();
        let mut line = t!(
            lang,
            "pairing-report",
            made = pairings.len(),
            talked = talked.len(),
            skipped = pairings.iter().filter(|p| p.skipped).count()
        );
        if !talked.is_empty() {
            let model = self.memory_model(guild).await?;
            let today = self.local_day(guild, self.clock.now()).await?;
            let (mut before, mut now, mut n) = (0.0, 0.0, 0);
            for p in &talked {
                let mine: Vec<f64> = self
                    .store
                    .member_topic_memories(guild, p.learner, &p.topic)
                    .await?
                    .iter()
                    .map(|m| model.recall(m, today))
                    .collect();
                if mine.is_empty() {
                    continue;
                }
                before += p.learner_recall;
                now += mine.iter().sum::<f64>() / mine.len() as f64;
                n += 1;
            }
            if n > 0 {
                let recall = t!(
                    lang,
                    "pairing-report-recall",
                    before = lang.percent(before / f64::from(n)),
                    now = lang.percent(now / f64::from(n)),
                    n = n
                );
                line.push_str(&format!(" · {recall}"));
            }
        }
        Ok(vec![line])
    }
}
