//! `/progress`: a member's own mastery per topic, items due, streak and next review.

use super::message::OutMessage;
use super::{App, AppResult};
use crate::domain::format::fit;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::limits::MESSAGE_MAX;
use crate::domain::mastery::{bar, TopicMemory};
use crate::domain::memory::Memory;
use chrono::NaiveDate;

impl App {
    /// The member's mastery of each topic on `today`, from the guild's topics and the
    /// member's memories as [`crate::store::Store::member_memories`] returns them.
    pub(super) async fn topic_memories(
        &self,
        guild: GuildId,
        topics: Vec<(String, String, i64)>,
        memories: &[(String, Memory)],
        today: NaiveDate,
    ) -> AppResult<Vec<TopicMemory>> {
        let model = self.memory_model(guild).await?;
        let mastered_days = f64::from(self.settings.reinforcement.mastered_stability_days);
        Ok(topics
            .into_iter()
            .map(|(id, name, questions)| {
                let mine: Vec<_> = memories
                    .iter()
                    .filter(|(t, _)| *t == id)
                    .map(|(_, m)| m)
                    .collect();
                TopicMemory {
                    recalls: mine.iter().map(|m| model.recall(m, today)).collect(),
                    due: mine.iter().filter(|m| m.due_day <= today).count(),
                    mastered: mine.iter().filter(|m| m.stability >= mastered_days).count(),
                    topic_id: id,
                    topic_name: name,
                    questions: usize::try_from(questions).unwrap_or(0),
                }
            })
            .collect())
    }

    pub async fn progress(&self, guild: GuildId, user: UserId) -> AppResult<OutMessage> {
        self.ensure_content(guild).await?;
        let today = self.local_day(guild, self.clock.now()).await?;
        let (topic_rows, memories) = self.store.member_memories(guild, user).await?;
        let topics = self
            .topic_memories(guild, topic_rows, &memories, today)
            .await?;
        let seen: usize = topics.iter().map(TopicMemory::seen).sum();
        if seen == 0 {
            return Ok(OutMessage::text(
                "You have not answered any questions yet. Try `/quiz` for a first one, or answer the next quiz in the channel.",
            ));
        }
        let mut lines = vec!["**Your progress**".to_string()];
        for t in &topics {
            let mut details = format!("{} of {} seen", t.seen(), t.questions);
            if t.mastered > 0 {
                details.push_str(&format!(" · {} mastered", t.mastered));
            }
            if t.due > 0 {
                details.push_str(&format!(" · {} due", t.due));
            }
            lines.push(format!(
                "`{}` {:>3}% {} — {details}",
                bar(t.mastery(), 10),
                (t.mastery() * 100.0).round() as i64,
                fit(&t.topic_name, 40),
            ));
        }
        let due_now = memories.iter().filter(|(_, m)| m.due_day <= today).count();
        let next = memories
            .iter()
            .map(|(_, m)| m.due_day)
            .filter(|d| *d > today)
            .min();
        let next_text = match (due_now, next) {
            (0, Some(d)) => format!(
                "next review {}",
                crate::domain::format::discord_day(d, self.guild_timezone(guild).await?)
            ),
            (0, None) => "nothing scheduled".to_string(),
            (n, _) => format!(
                "{n} item{} due now — `/quiz` brings {} back",
                if n == 1 { "" } else { "s" },
                if n == 1 { "it" } else { "them" }
            ),
        };
        lines.push(format!("Reviews: {next_text}"));
        let p = self.store.member_progress(guild, user).await?;
        let streak = match p.streak_days {
            1 => "1 day".to_string(),
            n => format!("{n} days"),
        };
        lines.push(format!(
            "Streak: {streak} (best {}) · {} points",
            p.best_streak, p.points
        ));
        let track = self.store.member_track(guild, user).await?;
        if !track.is_empty() {
            let names: Vec<String> = topics
                .iter()
                .filter(|t| track.topics.contains(&t.topic_id))
                .map(|t| fit(&t.topic_name, 40))
                .collect();
            lines.push(format!(
                "Your track (from your roles): {} — `/quiz` keeps leaning there.",
                names.join(", ")
            ));
        }
        if let Some(e) = self.holdout_of(guild, user, today).await? {
            let topic = e
                .topic
                .as_deref()
                .map_or("any topic".to_string(), |t| format!("`{}`", fit(t, 40)));
            lines.push(format!(
                "🧪 You are in the holdout group of an experiment until {}: no review reminders for {topic}, drawn at random so the team can see what reviews really do. Quizzes and `/quiz` work as usual.",
                e.ends_day.format("%a %-d %b %Y")
            ));
        }
        Ok(OutMessage::text(fit(&lines.join("\n"), MESSAGE_MAX)))
    }
}
