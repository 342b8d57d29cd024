//! A guild's answer histories for fitting FSRS and for its review log, and the fitted
//! parameters.

use super::error::StoreResult;
use super::guilds::ensure_guild;
use super::sql::query;
use super::Store;
use crate::domain::ids::GuildId;
use crate::domain::memory::HistoryAnswer;
use crate::domain::quiz::AnswerSource;
use crate::domain::revlog::ReviewEvent;
use sqlx::Row;

impl Store {
    /// Guilds with at least `min` answers, and how many each has.
    pub async fn guilds_with_answers(&self, min: u32) -> StoreResult<Vec<(GuildId, i64)>> {
        let rows = query(
            "SELECT guild_id, COUNT(*) AS answers FROM answers
             GROUP BY guild_id HAVING COUNT(*) >= ? ORDER BY guild_id",
        )
        .bind(i64::from(min))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (GuildId::from_db(r.get("guild_id")), r.get("answers")))
            .collect())
    }

    /// Every answer of the guild, grouped by (member, question), in time order.
    pub async fn answer_histories(&self, guild: GuildId) -> StoreResult<Vec<HistoryAnswer>> {
        let rows = query(
            "SELECT user_id, question_id, local_day, correct FROM answers WHERE guild_id = ?
             ORDER BY user_id, question_id, answered_ms, id",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                (
                    r.get("user_id"),
                    r.get("question_id"),
                    r.get("local_day"),
                    r.get::<i64, _>("correct") != 0,
                )
            })
            .collect())
    }

    /// Every answer and flashcard self-grade of the guild, for its review log. Answer time is
    /// the time from showing to answering for personal questions and cards; a channel post's
    /// time runs from the post, not from the member seeing it, so it has none.
    pub async fn review_events(&self, guild: GuildId) -> StoreResult<Vec<ReviewEvent>> {
        let rows = query(
            "SELECT user_id, question_id AS item, local_day, answered_ms, correct AS right_answer,
                    CASE WHEN source = ?2 THEN NULL ELSE latency_ms END AS duration_ms
             FROM answers WHERE guild_id = ?1
             UNION ALL
             SELECT user_id, 'card:' || card_id AS item, local_day, answered_ms, knew AS right_answer,
                    answered_ms - shown_ms AS duration_ms
             FROM card_reviews WHERE guild_id = ?1",
        )
        .bind(guild.to_db())
        .bind(AnswerSource::Channel.as_str())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(ReviewEvent {
                    user: r.get::<i64, _>("user_id") as u64,
                    item: r.get("item"),
                    day: r.get::<String, _>("local_day").parse().ok()?,
                    at_ms: r.get("answered_ms"),
                    right: r.get::<i64, _>("right_answer") != 0,
                    duration_ms: r.get("duration_ms"),
                })
            })
            .collect())
    }

    /// The guild's fitted parameters and how many answers they were fitted on.
    pub async fn guild_parameters(&self, guild: GuildId) -> StoreResult<Option<(Vec<f32>, i64)>> {
        let row = query("SELECT parameters, answers_used FROM guild_parameters WHERE guild_id = ?")
            .bind(guild.to_db())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|r| {
            let parameters = serde_json::from_str(r.get("parameters")).ok()?;
            Some((parameters, r.get("answers_used")))
        }))
    }

    pub async fn save_guild_parameters(
        &self,
        guild: GuildId,
        parameters: &[f32],
        answers_used: i64,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        query(
            "INSERT INTO guild_parameters (guild_id, parameters, answers_used, fitted_ms) VALUES (?, ?, ?, ?)
             ON CONFLICT (guild_id) DO UPDATE SET parameters = excluded.parameters,
               answers_used = excluded.answers_used, fitted_ms = excluded.fitted_ms",
        )
        .bind(guild.to_db())
        .bind(serde_json::to_string(parameters).unwrap_or_default())
        .bind(answers_used)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        Ok(tx.commit().await?)
    }
}
