//! `/progress`: a member's own mastery per topic, items due, streak and next review.

use super::message::OutMessage;
use super::{App, AppResult};
use crate::domain::format::fit;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::limits::MESSAGE_MAX;
use crate::domain::mastery::{bar, TopicMemory};
use crate::domain::memory::Memory;
use crate::i18n::Lang;
use crate::t;
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

    pub async fn progress(
        &self,
        guild: GuildId,
        user: UserId,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        self.ensure_content(guild).await?;
        let today = self.local_day(guild, self.clock.now()).await?;
        let (topic_rows, memories) = self.store.member_memories(guild, user).await?;
        let topics = self
            .topic_memories(guild, topic_rows, &memories, today)
            .await?;
        let seen: usize = topics.iter().map(TopicMemory::seen).sum();
        if seen == 0 {
            return Ok(OutMessage::text(t!(lang, "progress-none")));
        }
        let mut lines = vec![format!("**{}**", t!(lang, "progress-title"))];
        for t in &topics {
            let mut details = t!(
                lang,
                "progress-seen",
                seen = t.seen(),
                questions = t.questions
            );
            if t.mastered > 0 {
                let mastered = t!(lang, "progress-mastered", count = t.mastered);
                details.push_str(&format!(" · {mastered}"));
            }
            if t.due > 0 {
                details.push_str(&format!(" · {}", t!(lang, "progress-due", count = t.due)));
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
            (0, Some(d)) => {
                let day = crate::domain::format::discord_day(d, self.guild_timezone(guild).await?);
                t!(lang, "progress-next-review", day = day)
            }
            (0, None) => t!(lang, "progress-nothing-scheduled"),
            (n, _) => t!(lang, "progress-due-now", count = n),
        };
        lines.push(t!(lang, "progress-reviews", reviews = next_text));
        let p = self.store.member_progress(guild, user).await?;
        lines.push(t!(
            lang,
            "progress-streak",
            days = p.streak_days,
            best = p.best_streak,
            points = p.points
        ));
        let track = self.store.member_track(guild, user).await?;
        if !track.is_empty() {
            let names: Vec<String> = topics
                .iter()
                .filter(|t| track.topics.contains(&t.topic_id))
                .map(|t| fit(&t.topic_name, 40))
                .collect();
            lines.push(t!(lang, "progress-track", topics = names.join(", ")));
        }
        if let Some(e) = self.holdout_of(guild, user, today).await? {
            let topic = e.topic.as_deref().map(|t| format!("`{}`", fit(t, 40)));
            let topic = topic.unwrap_or_else(|| t!(lang, "progress-any-topic"));
            let until =
                crate::domain::format::discord_day(e.ends_day, self.guild_timezone(guild).await?);
            let line = t!(lang, "progress-holdout", until = until, topic = topic);
            lines.push(format!("🧪 {line}"));
        }
        Ok(OutMessage::text(fit(&lines.join("\n"), MESSAGE_MAX)))
    }
}
