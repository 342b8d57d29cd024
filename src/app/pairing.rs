//! Peers paired across a gap (see `domain::pairing`): what a `pairing` schedule run does (the
//! learners and mentors of each topic among members who opted in, the pairs, a DM to each with
//! "We talked" / "Skip", a note in the channel), the verdict, `/pairing on|off`, and the lines
//! the report and digest show.

use super::message::{Button, OutMessage, Style};
use super::quiz::Post;
use super::{refuse, App, AppResult};
use crate::domain::custom_id::ComponentId;
use crate::domain::format::plural;
use crate::domain::ids::{ChannelId, GuildId, UserId};
use crate::domain::pairing::{pair, Learner, Mentor, Outcome};
use crate::domain::routing::GENERAL;
use crate::domain::schedule::{RunOutput, ScheduleRow};
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
            let buttons = |talked: bool, label: &str, style: Style| Button {
                custom_id: ComponentId::Pairing {
                    guild: s.guild,
                    schedule: s.id,
                    at_ms: scheduled_ms,
                    learner: p.learner,
                    talked,
                }
                .encode(),
                label: label.into(),
                style,
                disabled: false,
            };
            let row = vec![vec![
                buttons(true, "We talked", Style::Success),
                buttons(false, "Skip", Style::Secondary),
            ]];
            let to_learner = OutMessage {
                content: format!(
                    "🤝 **A peer chat in {guild_name}?** You are brushing up on **{topic}** (your predicted recall there is {:.0}%, below the team's {:.0}%), and <@{}> knows it well. A 15-minute chat this week? Say hello in a DM or at the coffee machine.\n-# You get these because you chose `/pairing on`; `/pairing off` stops them.",
                    p.learner_recall * 100.0,
                    targets.get(&p.topic).copied().flatten().unwrap_or(default) * 100.0,
                    p.mentor
                ),
                buttons: row.clone(),
                ..Default::default()
            };
            let to_mentor = OutMessage {
                content: format!(
                    "🤝 **A peer chat in {guild_name}?** <@{}> is brushing up on **{topic}**, and you know it well. A 15-minute chat this week would help them a lot.\n-# You get these because you chose `/pairing on`; `/pairing off` stops them.",
                    p.learner
                ),
                buttons: row,
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
        let note = OutMessage::text(format!(
            "🤝 {} made this week, on {}: members who are forgetting a topic meet a colleague who knows it. Join in with `/pairing on`.",
            plural(pairings.len() as i64, "peer pairing", "peer pairings"),
            topics.join(", ")
        ));
        posts.push((s.channel_id, None, Post::message_payload(note)));
        Ok(RunOutput::Pairings { pairings, posts })
    }

    /// "We talked" / "Skip" on a pairing DM, by the learner or the mentor.
    pub async fn pairing_verdict(
        &self,
        guild: GuildId,
        by: UserId,
        schedule: i64,
        at_ms: i64,
        learner: UserId,
        talked: bool,
    ) -> AppResult<OutMessage> {
        let Some(p) = self.store.pairing(guild, schedule, at_ms, learner).await? else {
            return refuse("This pairing is no longer known.");
        };
        if by != p.learner && by != p.mentor {
            return refuse("Only the two members of this pairing can answer it.");
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
            (Outcome::Settled, _) => "This pairing already has an answer; thanks.".to_string(),
            (Outcome::Recorded, true) => format!(
                "🎉 Noted: you talked with <@{other}> about **{}**. You both earn {points} points.",
                p.topic
            ),
            (Outcome::Recorded, false) => {
                "Skipped. No problem: the next pairing will be someone else.".to_string()
            }
        }))
    }

    /// `/pairing on|off`.
    pub async fn set_pairing(
        &self,
        guild: GuildId,
        user: UserId,
        on: bool,
    ) -> AppResult<OutMessage> {
        let changed = self
            .store
            .set_pairing(guild, user, on, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(match (on, changed) {
            (true, true) => "You are in: when you are forgetting a topic, you may be paired with a colleague who knows it (at most once a week), and when you know one well, with someone brushing up on it. Both of you get a direct message.",
            (true, false) => "You are already in the peer pairings.",
            (false, true) => "You are out of the peer pairings. `/pairing on` brings you back.",
            (false, false) => "You were not in the peer pairings.",
        }))
    }

    /// The report's and digest's lines on pairings made since `from_ms`: how many, how many
    /// talked, and the learners' predicted recall of the topic when paired and now.
    pub(crate) async fn pairing_lines(
        &self,
        guild: GuildId,
        from_ms: i64,
    ) -> AppResult<Vec<String>> {
        let pairings = self.store.pairings_since(guild, from_ms).await?;
        if pairings.is_empty() {
            return Ok(vec![]);
        }
        let talked: Vec<_> = pairings.iter().filter(|p| p.talked).collect();
        let mut line = format!(
            "**Peer pairings:** {} made, {} talked, {} skipped",
            pairings.len(),
            talked.len(),
            pairings.iter().filter(|p| p.skipped).count()
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
                line.push_str(&format!(
                    " · the learners' predicted recall of their topic: {:.0}% when paired → {:.0}% now ({n} pairings; they also studied, so this is not what the chats caused)",
                    before / f64::from(n) * 100.0,
                    now / f64::from(n) * 100.0
                ));
            }
        }
        Ok(vec![line])
    }
}
