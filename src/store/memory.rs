//! What each member remembers: the FSRS memory of every question they answered (with whether
//! their first and latest answers were right), and their points and streak. The one place for
//! the `memory` and `member_progress` tables; both are written with the answer
//! ([`super::answers`]) through [`save_memory`] and [`save_progress`].

use super::error::StoreResult;
use super::sql::query;
use super::statements::Statements;
use super::Store;
use crate::domain::answer_time::Pace;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::memory::Memory;
use crate::domain::quiz::Progress;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

impl Store {
    /// The guild's topics as `(id, name, number of questions)`, and the member's memories as
    /// `(topic id, memory)`.
    pub async fn member_memories(
        &self,
        guild: GuildId,
        user: UserId,
    ) -> StoreResult<(Vec<(String, String, i64)>, Vec<(String, Memory)>)> {
        let topics = query(
            "SELECT t.id, t.name,
                    (SELECT COUNT(*) FROM live_questions q WHERE q.guild_id = t.guild_id AND q.topic_id = t.id)
                      AS questions
             FROM topics t WHERE t.guild_id = ? ORDER BY t.name",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| (r.get("id"), r.get("name"), r.get("questions")))
        .collect();
        let rows = query(&format!(
            "SELECT q.topic_id, {MEMORY_COLUMNS}
             FROM memory m JOIN questions q ON q.guild_id = m.guild_id AND q.id = m.question_id
             WHERE m.guild_id = ? AND m.user_id = ?"
        ))
        .bind(guild.to_db())
        .bind(user.to_db())
        .fetch_all(&self.pool)
        .await?;
        let memories = rows
            .iter()
            .filter_map(|r| Some((r.get("topic_id"), memory_from_row(r)?)))
            .collect();
        Ok((topics, memories))
    }

    /// A member's memories of the questions of `topic`.
    pub async fn member_topic_memories(
        &self,
        guild: GuildId,
        user: UserId,
        topic: &str,
    ) -> StoreResult<Vec<Memory>> {
        let rows = query(&format!(
            "SELECT {MEMORY_COLUMNS}
             FROM memory m JOIN questions q ON q.guild_id = m.guild_id AND q.id = m.question_id
             WHERE m.guild_id = ? AND m.user_id = ? AND q.topic_id = ?"
        ))
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(topic)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().filter_map(memory_from_row).collect())
    }

    /// A member's memory of a question, if they have answered it.
    pub async fn memory_of(
        &self,
        guild: GuildId,
        user: UserId,
        question_id: &str,
    ) -> StoreResult<Option<Memory>> {
        let mut conn = self.pool.acquire().await?;
        memory(&mut conn, guild, user, question_id).await
    }

    /// A member's points and streak.
    pub async fn member_progress(&self, guild: GuildId, user: UserId) -> StoreResult<Progress> {
        let mut conn = self.pool.acquire().await?;
        progress(&mut conn, guild, user).await
    }
}

async fn progress(conn: &mut AnyConnection, guild: GuildId, user: UserId) -> StoreResult<Progress> {
    let row = query(
        "SELECT points, streak_days, best_streak, last_day FROM member_progress WHERE guild_id = ? AND user_id = ?",
    )
    .bind(guild.to_db())
    .bind(user.to_db())
    .fetch_optional(conn)
    .await?;
    Ok(row.map_or(Progress::default(), |r| Progress {
        points: r.get("points"),
        streak_days: r.get("streak_days"),
        best_streak: r.get("best_streak"),
        last_day: r
            .get::<Option<&str>, _>("last_day")
            .and_then(|d| d.parse().ok()),
    }))
}

async fn memory(
    conn: &mut AnyConnection,
    guild: GuildId,
    user: UserId,
    question_id: &str,
) -> StoreResult<Option<Memory>> {
    let row = query(&format!(
        "SELECT {MEMORY_COLUMNS} FROM memory m
         WHERE m.guild_id = ? AND m.user_id = ? AND m.question_id = ?"
    ))
    .bind(guild.to_db())
    .bind(user.to_db())
    .bind(question_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.and_then(|r| memory_from_row(&r)))
}

/// The columns [`memory_from_row`] reads, from `memory m`, each named `m_...` so that they
/// can sit beside another table's columns in one row.
pub(super) const MEMORY_COLUMNS: &str = "m.stability AS m_stability, m.difficulty AS m_difficulty,
    m.last_day AS m_last_day, m.due_day AS m_due_day, m.reviews AS m_reviews, m.lapses AS m_lapses,
    m.timed AS m_timed, m.time_log_mean AS m_time_log_mean, m.slowness AS m_slowness";

/// Reads [`MEMORY_COLUMNS`] by name; `None` when there is no memory (a left join found none)
/// or a day does not parse.
pub(super) fn memory_from_row(r: &AnyRow) -> Option<Memory> {
    Some(Memory {
        stability: r.get::<Option<f64>, _>("m_stability")?,
        difficulty: r.get::<Option<f64>, _>("m_difficulty")?,
        last_day: r.get::<Option<String>, _>("m_last_day")?.parse().ok()?,
        due_day: r.get::<Option<String>, _>("m_due_day")?.parse().ok()?,
        reviews: u32::try_from(r.get::<Option<i64>, _>("m_reviews")?).unwrap_or(0),
        lapses: u32::try_from(r.get::<Option<i64>, _>("m_lapses")?).unwrap_or(0),
        pace: Pace {
            timed: u32::try_from(r.get::<Option<i64>, _>("m_timed")?).unwrap_or(0),
            log_mean: r.get::<Option<f64>, _>("m_time_log_mean")?,
            slowness: r.get::<Option<f64>, _>("m_slowness")?,
        },
    })
}

/// Saves a member's memory of a question after an answer, with their record on it: whether
/// their first answer to it was right, and whether the latest (this one) is.
pub(super) fn save_memory(
    s: &mut Statements<'_>,
    guild: GuildId,
    user: UserId,
    question_id: &str,
    m: &Memory,
    first_correct: bool,
    latest_correct: bool,
) {
    s.push(
        "INSERT INTO memory (guild_id, user_id, question_id, stability, difficulty, last_day, due_day, reviews, lapses,
           first_correct, latest_correct, timed, time_log_mean, slowness)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (guild_id, user_id, question_id) DO UPDATE SET stability = excluded.stability,
           difficulty = excluded.difficulty, last_day = excluded.last_day, due_day = excluded.due_day,
           reviews = excluded.reviews, lapses = excluded.lapses, first_correct = excluded.first_correct,
           latest_correct = excluded.latest_correct, timed = excluded.timed,
           time_log_mean = excluded.time_log_mean, slowness = excluded.slowness",
    )
    .bind(guild.to_db())
    .bind(user.to_db())
    .bind(question_id.to_string())
    .bind(m.stability)
    .bind(m.difficulty)
    .bind(m.last_day.to_string())
    .bind(m.due_day.to_string())
    .bind(i64::from(m.reviews))
    .bind(i64::from(m.lapses))
    .bind(i64::from(first_correct))
    .bind(i64::from(latest_correct))
    .bind(i64::from(m.pace.timed))
    .bind(m.pace.log_mean)
    .bind(m.pace.slowness);
}

/// Saves a member's points and streak after an answer.
pub(super) fn save_progress(s: &mut Statements<'_>, guild: GuildId, user: UserId, p: &Progress) {
    s.push(
        "INSERT INTO member_progress (guild_id, user_id, points, streak_days, best_streak, last_day)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (guild_id, user_id) DO UPDATE SET points = excluded.points,
           streak_days = excluded.streak_days, best_streak = excluded.best_streak, last_day = excluded.last_day",
    )
    .bind(guild.to_db())
    .bind(user.to_db())
    .bind(p.points)
    .bind(p.streak_days)
    .bind(p.best_streak)
    .bind(p.last_day.map(|d| d.to_string()));
}
