//! What reports read: every answer as a compact fact, competency days, questions asked and
//! expert assignments, members' streaks, memories and roles, and imported KPIs. Plain reads,
//! no lock; the figures are computed in [`crate::domain::analytics`].

use super::quizzes::{memory_from_columns, MEMORY_COLUMNS};
use super::Store;
use crate::domain::analytics::{AnswerFact, Competency};
use crate::domain::ids::{GuildId, UserId};
use crate::domain::memory::Memory;
use chrono::NaiveDate;
use futures_util::TryStreamExt as _;
use sqlx::Row;
use std::collections::HashMap;

/// A guild's answers, with topics and questions numbered.
#[derive(Debug, Clone, Default)]
pub struct AnswerFacts {
    /// `(topic id, name)`, indexed by [`AnswerFact::topic`]; every topic of the guild.
    pub topics: Vec<(String, String)>,
    /// Oldest first.
    pub answers: Vec<AnswerFact>,
}

impl AnswerFacts {
    pub fn topic_index(&self, id: &str) -> Option<u32> {
        self.topics
            .iter()
            .position(|(t, _)| t == id)
            .and_then(|i| u32::try_from(i).ok())
    }
}

/// A question asked with `/ask`, raw (times in ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AskRecord {
    pub asker: u64,
    pub created_ms: i64,
    pub deflected: bool,
    pub first_response_ms: Option<i64>,
    pub resolved_ms: Option<i64>,
}

/// An expert assignment, raw (times in ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssignmentRecord {
    pub expert: u64,
    pub assigned_ms: i64,
    pub responded_ms: Option<i64>,
    pub open: bool,
}

/// A member's streak figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreakRecord {
    pub user: u64,
    pub best_streak: i64,
    pub last_day: Option<NaiveDate>,
}

/// An imported KPI value.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiValue {
    pub metric: String,
    pub team: String,
    pub day: NaiveDate,
    pub value: f64,
}

fn day_of(text: &str) -> Option<NaiveDate> {
    text.parse().ok()
}

impl Store {
    /// Every answer in the guild, oldest first, with its topic at the time it was answered.
    pub async fn answer_facts(&self, guild: GuildId) -> sqlx::Result<AnswerFacts> {
        let topics: Vec<(String, String)> =
            sqlx::query_as("SELECT id, name FROM topics WHERE guild_id = ? ORDER BY name, id")
                .bind(guild.to_db())
                .fetch_all(self.pool())
                .await?;
        let mut facts = AnswerFacts {
            topics,
            answers: vec![],
        };
        let mut questions: HashMap<String, u32> = HashMap::new();
        let mut rows = sqlx::query(
            "SELECT a.user_id, v.topic_id, a.question_id, a.local_day, a.correct
             FROM answers a JOIN question_versions v ON v.id = a.version_id
             WHERE a.guild_id = ? ORDER BY a.id",
        )
        .bind(guild.to_db())
        .fetch(self.pool());
        while let Some(r) = rows.try_next().await? {
            let topic_id: String = r.get(1);
            let topic = match facts.topic_index(&topic_id) {
                Some(t) => t,
                None => {
                    facts.topics.push((topic_id.clone(), topic_id));
                    (facts.topics.len() - 1) as u32
                }
            };
            let next = questions.len() as u32;
            let question = *questions.entry(r.get(2)).or_insert(next);
            let Some(day) = day_of(&r.get::<String, _>(3)) else {
                continue;
            };
            facts.answers.push(AnswerFact {
                user: r.get::<i64, _>(0) as u64,
                topic,
                question,
                day,
                correct: r.get::<i64, _>(4) != 0,
            });
        }
        Ok(facts)
    }

    /// Who reached competency in which topic, and when.
    pub async fn competencies(&self, guild: GuildId) -> sqlx::Result<Vec<(String, Competency)>> {
        let rows: Vec<(String, i64, String, String)> = sqlx::query_as(
            "SELECT topic_id, user_id, first_day, reached_day FROM competency WHERE guild_id = ?",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(topic, user, first, reached)| {
                Some((
                    topic,
                    Competency {
                        user: user as u64,
                        first_day: day_of(&first)?,
                        reached_day: day_of(&reached)?,
                    },
                ))
            })
            .collect())
    }

    /// Every question asked with `/ask`.
    pub async fn ask_records(&self, guild: GuildId) -> sqlx::Result<Vec<AskRecord>> {
        type Columns = (i64, i64, String, Option<i64>, Option<i64>);
        let rows: Vec<Columns> = sqlx::query_as(
            "SELECT asker_id, created_ms, state, first_response_ms, closed_ms FROM asks WHERE guild_id = ?",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(asker, created_ms, state, first, closed)| AskRecord {
                asker: asker as u64,
                created_ms,
                deflected: state == "deflected",
                first_response_ms: first,
                resolved_ms: closed.filter(|_| state == "resolved"),
            })
            .collect())
    }

    /// Every expert assignment.
    pub async fn assignment_records(&self, guild: GuildId) -> sqlx::Result<Vec<AssignmentRecord>> {
        let rows: Vec<(i64, i64, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT expert_id, assigned_ms, responded_ms, ended_ms FROM ask_assignments WHERE guild_id = ?",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(expert, assigned_ms, responded_ms, ended)| AssignmentRecord {
                    expert: expert as u64,
                    assigned_ms,
                    responded_ms,
                    open: ended.is_none(),
                },
            )
            .collect())
    }

    /// Members of the guild: Discord's count when known, else those the bot has seen.
    pub async fn member_total(&self, guild: GuildId) -> sqlx::Result<usize> {
        let (count, seen): (Option<i64>, i64) = sqlx::query_as(
            "SELECT (SELECT member_count FROM guilds WHERE id = ?1),
                    (SELECT COUNT(*) FROM members WHERE guild_id = ?1)",
        )
        .bind(guild.to_db())
        .fetch_one(self.pool())
        .await?;
        Ok(usize::try_from(count.unwrap_or(seen).max(seen)).unwrap_or(0))
    }

    /// Every member's best streak and last active day.
    pub async fn streak_records(&self, guild: GuildId) -> sqlx::Result<Vec<StreakRecord>> {
        let rows: Vec<(i64, i64, Option<String>)> = sqlx::query_as(
            "SELECT user_id, best_streak, last_day FROM member_progress WHERE guild_id = ?",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(user, best_streak, last)| StreakRecord {
                user: user as u64,
                best_streak,
                last_day: last.as_deref().and_then(day_of),
            })
            .collect())
    }

    /// Every memory in the guild as `(member, topic id, memory)`.
    pub async fn guild_memories(&self, guild: GuildId) -> sqlx::Result<Vec<(u64, String, Memory)>> {
        let rows = sqlx::query(&format!(
            "SELECT m.user_id, q.topic_id, {MEMORY_COLUMNS}
             FROM memory m JOIN questions q ON q.guild_id = m.guild_id AND q.id = m.question_id
             WHERE m.guild_id = ?"
        ))
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some((
                    r.get::<i64, _>(0) as u64,
                    r.get(1),
                    memory_from_columns(r, 2)?,
                ))
            })
            .collect())
    }

    /// The roles the bot last saw each member hold, as `(member, role)`.
    pub async fn member_role_pairs(&self, guild: GuildId) -> sqlx::Result<Vec<(u64, u64)>> {
        let rows: Vec<(i64, i64)> =
            sqlx::query_as("SELECT user_id, role_id FROM member_roles WHERE guild_id = ?")
                .bind(guild.to_db())
                .fetch_all(self.pool())
                .await?;
        Ok(rows
            .into_iter()
            .map(|(u, r)| (u as u64, r as u64))
            .collect())
    }

    /// Stores KPI values (a value for the same day, team and metric is replaced); one
    /// transaction, so a file is imported whole or not at all.
    pub async fn import_kpis(
        &self,
        guild: GuildId,
        values: &[KpiValue],
        by: UserId,
        now_ms: i64,
    ) -> sqlx::Result<()> {
        let mut tx = self.write_tx().await?;
        super::content::ensure_guild(&mut tx, guild, now_ms).await?;
        for v in values {
            sqlx::query(
                "INSERT INTO kpi_values (guild_id, metric, team, day, value, imported_by, imported_ms)
                 VALUES (?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (guild_id, metric, team, day) DO UPDATE SET value = excluded.value,
                   imported_by = excluded.imported_by, imported_ms = excluded.imported_ms",
            )
            .bind(guild.to_db())
            .bind(&v.metric)
            .bind(&v.team)
            .bind(v.day.to_string())
            .bind(v.value)
            .bind(by.to_db())
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    }

    /// The guild's KPI values, by metric, team and day.
    pub async fn kpi_values(&self, guild: GuildId) -> sqlx::Result<Vec<KpiValue>> {
        let rows: Vec<(String, String, String, f64)> = sqlx::query_as(
            "SELECT metric, team, day, value FROM kpi_values WHERE guild_id = ? ORDER BY metric, team, day",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(metric, team, day, value)| {
                Some(KpiValue {
                    metric,
                    team,
                    day: day_of(&day)?,
                    value,
                })
            })
            .collect())
    }

    /// How many answers a guild has from each source (quiz, review, practice), and how many of
    /// them were right: `(source, answers, right)`, by source.
    pub async fn answers_by_source(&self, guild: GuildId) -> sqlx::Result<Vec<(String, i64, i64)>> {
        sqlx::query_as(
            "SELECT source, COUNT(*), COALESCE(SUM(correct), 0) FROM answers WHERE guild_id = ?
             GROUP BY source ORDER BY source",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await
    }

    /// How many `/ask` questions a guild has in each state, by state.
    pub async fn asks_by_state(&self, guild: GuildId) -> sqlx::Result<Vec<(String, i64)>> {
        sqlx::query_as(
            "SELECT state, COUNT(*) FROM asks WHERE guild_id = ? GROUP BY state ORDER BY state",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await
    }
}
