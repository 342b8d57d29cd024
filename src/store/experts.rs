//! Peer experts: who covers which topic, who is away, who opted out of being suggested, what
//! routing needs to know about them (open questions, recent response times, when they were last
//! asked), and what expertise is judged from (`domain::expertise`).

use super::error::StoreResult;
use super::memory::{memory_from_row, MEMORY_COLUMNS};
use super::sql::{flag, query, query_scalar};
use super::Store;
use crate::domain::analytics::median;
use crate::domain::expertise::{AnswerFact, ExpertiseFacts};
use crate::domain::ids::{GuildId, UserId};
use crate::domain::routing::{Away, Candidate, ExpertRow};
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
        let added = query(
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
        let done = query("DELETE FROM experts WHERE guild_id = ? AND topic_id = ? AND user_id = ?")
            .bind(guild.to_db())
            .bind(topic)
            .bind(user.to_db())
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The topics `user` is an expert on.
    pub async fn expert_topics(&self, guild: GuildId, user: UserId) -> StoreResult<Vec<String>> {
        Ok(query_scalar(
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
        query(
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
        let done = query(
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
        let rows = query(
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
        let enrolled: Vec<UserId> = self
            .experts(guild, Some(topic), now_ms)
            .await?
            .into_iter()
            .filter(|row| row.away == Away::Available)
            .map(|row| row.user)
            .collect();
        self.routing_candidates(guild, &enrolled, now_ms).await
    }

    /// What routing ranks `users` by (their open questions, recent response times, when they
    /// were last asked), leaving out those away at `now_ms`.
    pub async fn routing_candidates(
        &self,
        guild: GuildId,
        users: &[UserId],
        now_ms: i64,
    ) -> StoreResult<Vec<Candidate>> {
        let mut out = Vec::new();
        for user in users {
            let row = query(
                "SELECT (SELECT COUNT(*) FROM ask_assignments s
                         WHERE s.guild_id = ?1 AND s.expert_id = ?2 AND s.ended_ms IS NULL) AS open,
                        CASE WHEN EXISTS (SELECT 1 FROM expert_away a WHERE a.guild_id = ?1 AND a.user_id = ?2
                                AND (a.until_ms IS NULL OR a.until_ms > ?3)) THEN 1 ELSE 0 END AS away",
            )
            .bind(guild.to_db())
            .bind(user.to_db())
            .bind(now_ms)
            .fetch_one(&self.pool)
            .await?;
            if flag(&row, "away") {
                continue;
            }
            let history: Vec<(i64, Option<i64>)> = query(
                "SELECT assigned_ms, responded_ms FROM ask_assignments
                 WHERE guild_id = ? AND expert_id = ? ORDER BY assigned_ms DESC LIMIT ?",
            )
            .bind(guild.to_db())
            .bind(user.to_db())
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
                user: user.0,
                open: row.get::<i64, _>("open") as u32,
                median_response_minutes: median(&mut minutes),
                last_assigned_ms: history.first().map(|(at, _)| *at),
                score: 0.0,
            });
        }
        Ok(out)
    }

    /// What expertise on `topic` is judged from (see `domain::expertise`): the topic's number
    /// of questions, every member's memory of them, the accepted answers in it, who opted out
    /// of being suggested, and who is enrolled.
    pub async fn expertise_facts(
        &self,
        guild: GuildId,
        topic: &str,
    ) -> StoreResult<ExpertiseFacts> {
        let questions: i64 =
            query_scalar("SELECT COUNT(*) FROM live_questions WHERE guild_id = ? AND topic_id = ?")
                .bind(guild.to_db())
                .bind(topic)
                .fetch_one(&self.pool)
                .await?;
        let memories = query(&format!(
            "SELECT m.user_id, {MEMORY_COLUMNS}
             FROM memory m JOIN questions q ON q.guild_id = m.guild_id AND q.id = m.question_id
             WHERE m.guild_id = ? AND q.topic_id = ?"
        ))
        .bind(guild.to_db())
        .bind(topic)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .filter_map(|r| Some((UserId::from_db(r.get("user_id")), memory_from_row(r)?)))
        .collect();
        let answers = query(
            "SELECT e.author_id, e.created_ms, COALESCE(e.verified_ms, e.created_ms) AS verified_ms,
                    COALESCE(tv.days, g.verification_days) AS interval_days
             FROM kb_entries e LEFT JOIN guilds g ON g.id = e.guild_id
             LEFT JOIN topic_verification tv ON tv.guild_id = e.guild_id AND tv.topic_id = e.topic_id
             WHERE e.guild_id = ? AND e.topic_id = ? AND e.removed_ms IS NULL",
        )
        .bind(guild.to_db())
        .bind(topic)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| AnswerFact {
            author: UserId::from_db(r.get("author_id")),
            created_ms: r.get("created_ms"),
            verified_ms: r.get("verified_ms"),
            interval_days: r.get::<Option<i64>, _>("interval_days").map(|d| d as u32),
        })
        .collect();
        let opted_out = self.opted_out(guild).await?;
        let enrolled =
            query_scalar::<i64>("SELECT user_id FROM experts WHERE guild_id = ? AND topic_id = ?")
                .bind(guild.to_db())
                .bind(topic)
                .fetch_all(&self.pool)
                .await?
                .into_iter()
                .map(UserId::from_db)
                .collect();
        Ok(ExpertiseFacts {
            questions: questions as usize,
            memories,
            answers,
            opted_out,
            enrolled,
        })
    }

    /// Members who said `/expert suggest off`.
    pub async fn opted_out(&self, guild: GuildId) -> StoreResult<Vec<UserId>> {
        Ok(
            query_scalar::<i64>("SELECT user_id FROM expert_optouts WHERE guild_id = ?")
                .bind(guild.to_db())
                .fetch_all(&self.pool)
                .await?
                .into_iter()
                .map(UserId::from_db)
                .collect(),
        )
    }

    /// `/expert suggest on|off`; `false` when it was so already.
    pub async fn set_suggestible(
        &self,
        guild: GuildId,
        user: UserId,
        on: bool,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        super::guilds::ensure_guild(&mut tx, guild, now_ms).await?;
        let changed =
            super::guilds::set_member_flag(&mut tx, "expert_optouts", guild, user, !on, now_ms)
                .await?;
        tx.commit().await?;
        Ok(changed)
    }
}
