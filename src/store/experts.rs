//! Peer experts: who covers which topic, who is away, and what routing needs to know about
//! them (open questions, recent response times, when they were last asked).

use super::error::StoreResult;
use super::Store;
use crate::domain::analytics::median;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::routing::{Away, Candidate, ExpertRow, Suggestion};
use sqlx::Row;

/// How many of an expert's latest answered questions their response time is taken from.
const RECENT_RESPONSES: i64 = 10;

impl Store {
    /// Adds `user` as an expert on `topic`; `false` if they already were.
    pub async fn add_expert(
        &self,
        guild: GuildId,
        topic: &str,
        user: UserId,
        by: UserId,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        super::guilds::ensure_guild(&mut tx, guild, now_ms).await?;
        let added = sqlx::query(
            "INSERT INTO experts (guild_id, topic_id, user_id, added_by, added_ms) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT DO NOTHING",
        )
        .bind(guild.to_db())
        .bind(topic)
        .bind(user.to_db())
        .bind(by.to_db())
        .bind(now_ms)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        tx.commit().await?;
        Ok(added)
    }

    /// `false` if `user` was not an expert on `topic`.
    pub async fn remove_expert(
        &self,
        guild: GuildId,
        topic: &str,
        user: UserId,
    ) -> StoreResult<bool> {
        let done =
            sqlx::query("DELETE FROM experts WHERE guild_id = ? AND topic_id = ? AND user_id = ?")
                .bind(guild.to_db())
                .bind(topic)
                .bind(user.to_db())
                .execute(&self.writer)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The topics `user` is an expert on.
    pub async fn expert_topics(&self, guild: GuildId, user: UserId) -> StoreResult<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT topic_id FROM experts WHERE guild_id = ? AND user_id = ? ORDER BY topic_id",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .fetch_all(&self.pool)
        .await?)
    }

    /// Marks `user` away until `until_ms` (or until they are back).
    pub async fn set_away(
        &self,
        guild: GuildId,
        user: UserId,
        now_ms: i64,
        until_ms: Option<i64>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO expert_away (guild_id, user_id, since_ms, until_ms) VALUES (?, ?, ?, ?)
             ON CONFLICT (guild_id, user_id) DO UPDATE SET since_ms = excluded.since_ms, until_ms = excluded.until_ms",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(now_ms)
        .bind(until_ms)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// `false` if `user` was not away.
    pub async fn clear_away(&self, guild: GuildId, user: UserId, now_ms: i64) -> StoreResult<bool> {
        let done = sqlx::query(
            "DELETE FROM expert_away WHERE guild_id = ? AND user_id = ? AND (until_ms IS NULL OR until_ms > ?)",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(now_ms)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Every expert of the guild (of one topic if given), by topic, with availability at
    /// `now_ms` and their open questions.
    pub async fn experts(
        &self,
        guild: GuildId,
        topic: Option<&str>,
        now_ms: i64,
    ) -> StoreResult<Vec<ExpertRow>> {
        let rows = sqlx::query(
            "SELECT e.topic_id, e.user_id, a.since_ms AS away_since_ms, a.until_ms AS away_until_ms,
                    (SELECT COUNT(*) FROM ask_assignments s
                     WHERE s.guild_id = e.guild_id AND s.expert_id = e.user_id AND s.ended_ms IS NULL)
                      AS open_questions
             FROM experts e
             LEFT JOIN expert_away a ON a.guild_id = e.guild_id AND a.user_id = e.user_id
                  AND (a.until_ms IS NULL OR a.until_ms > ?2)
             WHERE e.guild_id = ?1 AND (?3 IS NULL OR e.topic_id = ?3)
             ORDER BY e.topic_id, e.added_ms, e.user_id",
        )
        .bind(guild.to_db())
        .bind(now_ms)
        .bind(topic)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| ExpertRow {
                topic_id: r.get("topic_id"),
                user: UserId::from_db(r.get("user_id")),
                away: match r.get::<Option<i64>, _>("away_since_ms") {
                    Some(_) => Away::Until(r.get("away_until_ms")),
                    None => Away::Available,
                },
                open: r.get::<i64, _>("open_questions") as u32,
            })
            .collect())
    }

    /// The available experts on `topic` (not away at `now_ms`), with what routing ranks
    /// them by.
    pub async fn expert_candidates(
        &self,
        guild: GuildId,
        topic: &str,
        now_ms: i64,
    ) -> StoreResult<Vec<Candidate>> {
        let mut out = Vec::new();
        for row in self.experts(guild, Some(topic), now_ms).await? {
            if row.away != Away::Available {
                continue;
            }
            let history: Vec<(i64, Option<i64>)> = sqlx::query(
                "SELECT assigned_ms, responded_ms FROM ask_assignments
                 WHERE guild_id = ? AND expert_id = ? ORDER BY assigned_ms DESC LIMIT ?",
            )
            .bind(guild.to_db())
            .bind(row.user.to_db())
            .bind(RECENT_RESPONSES)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| (r.get("assigned_ms"), r.get("responded_ms")))
            .collect();
            let mut minutes: Vec<f64> = history
                .iter()
                .filter_map(|(at, responded)| responded.map(|r| (r - at) as f64 / 60_000.0))
                .collect();
            out.push(Candidate {
                user: row.user.0,
                open: row.open,
                median_response_minutes: median(&mut minutes),
                last_assigned_ms: history.first().map(|(at, _)| *at),
            });
        }
        Ok(out)
    }

    /// Members who look like experts but are not enrolled on the topic: they mastered at
    /// least `min_share` of its questions (stability of at least `mastered_days`), or had at
    /// least one answer accepted in it.
    pub async fn expert_suggestions(
        &self,
        guild: GuildId,
        mastered_days: f64,
        min_share: f64,
    ) -> StoreResult<Vec<Suggestion>> {
        let rows = sqlx::query(
            "WITH sizes AS (
                 SELECT topic_id, COUNT(*) AS n FROM questions WHERE guild_id = ?1 GROUP BY topic_id
             ), mastered AS (
                 SELECT q.topic_id, m.user_id, COUNT(*) AS k
                 FROM memory m JOIN questions q ON q.guild_id = m.guild_id AND q.id = m.question_id
                 WHERE m.guild_id = ?1 AND m.stability >= ?2
                 GROUP BY q.topic_id, m.user_id
             ), accepted AS (
                 SELECT topic_id, author_id AS user_id, COUNT(*) AS k FROM kb_entries
                 WHERE guild_id = ?1 AND removed_ms IS NULL GROUP BY topic_id, author_id
             ), pairs AS (
                 SELECT topic_id, user_id FROM mastered UNION SELECT topic_id, user_id FROM accepted
             )
             SELECT p.topic_id, p.user_id,
                    COALESCE(CAST(ma.k AS REAL) / s.n, 0.0) AS mastered_share,
                    COALESCE(ac.k, 0) AS accepted
             FROM pairs p
             LEFT JOIN sizes s ON s.topic_id = p.topic_id
             LEFT JOIN mastered ma ON ma.topic_id = p.topic_id AND ma.user_id = p.user_id
             LEFT JOIN accepted ac ON ac.topic_id = p.topic_id AND ac.user_id = p.user_id
             WHERE NOT EXISTS (SELECT 1 FROM experts e
                               WHERE e.guild_id = ?1 AND e.topic_id = p.topic_id AND e.user_id = p.user_id)
               AND (COALESCE(CAST(ma.k AS REAL) / s.n, 0.0) >= ?3 OR COALESCE(ac.k, 0) > 0)
             ORDER BY p.topic_id, COALESCE(ac.k, 0) DESC, 3 DESC, p.user_id",
        )
        .bind(guild.to_db())
        .bind(mastered_days)
        .bind(min_share)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Suggestion {
                topic_id: r.get("topic_id"),
                user: UserId::from_db(r.get("user_id")),
                mastered_share: r.get("mastered_share"),
                accepted_answers: r.get::<i64, _>("accepted") as u32,
            })
            .collect())
    }
}
