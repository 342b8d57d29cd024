//! A guild's answer histories for fitting FSRS and for its review log, and the fitted
//! parameters.

use super::error::StoreResult;
use super::guilds::ensure_guild;
use super::sql::{query, Fraction};
use super::Store;
use crate::domain::answer_time::AnswerTime;
use crate::domain::ids::GuildId;
use crate::domain::memory::{FittedModel, HistoryAnswer};
use crate::domain::quiz::AnswerSource;
use crate::domain::revlog::ReviewEvent;
use sqlx::any::AnyRow;
use sqlx::Row;

/// A row's answer time in `column` where its `source` times recall (see
/// `AnswerSource::times_recall`), else `None`.
fn recall_time(r: &AnyRow, column: &str) -> Option<i64> {
    AnswerSource::parse(r.get("source"))
        .is_some_and(AnswerSource::times_recall)
        .then(|| r.get(column))
}

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
            "SELECT user_id, question_id, local_day, correct, source, latency_ms FROM answers
             WHERE guild_id = ? ORDER BY user_id, question_id, answered_ms, id",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| HistoryAnswer {
                user: r.get("user_id"),
                question: r.get("question_id"),
                day: r.get("local_day"),
                correct: r.get::<i64, _>("correct") != 0,
                time_ms: recall_time(r, "latency_ms"),
            })
            .collect())
    }

    /// Every answer and flashcard self-grade of the guild, for its review log, with answer
    /// time where it measures recall (see `AnswerSource::times_recall`; a self-grade's time
    /// includes reading the back, so it has none).
    pub async fn review_events(&self, guild: GuildId) -> StoreResult<Vec<ReviewEvent>> {
        let rows = query(
            "SELECT user_id, question_id AS item, local_day, answered_ms, correct AS right_answer,
                    source, latency_ms AS duration_ms
             FROM answers WHERE guild_id = ?1
             UNION ALL
             SELECT user_id, 'card:' || card_id AS item, local_day, answered_ms, knew AS right_answer,
                    'self_grade' AS source, 0 AS duration_ms
             FROM card_reviews WHERE guild_id = ?1",
        )
        .bind(guild.to_db())
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
                    duration_ms: recall_time(r, "duration_ms"),
                })
            })
            .collect())
    }

    /// The guild's fitted model: its parameters, how many answers they were fitted on, and
    /// its answer-time weight where it is used.
    pub async fn guild_parameters(&self, guild: GuildId) -> StoreResult<Option<FittedModel>> {
        let row = query(
            "SELECT parameters, answers_used, answer_time_beta, answer_time_center
             FROM guild_parameters WHERE guild_id = ?",
        )
        .bind(guild.to_db())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|r| {
            let beta: Option<f64> = r.get("answer_time_beta");
            let center: Option<f64> = r.get("answer_time_center");
            Some(FittedModel {
                parameters: serde_json::from_str(r.get("parameters")).ok()?,
                answers_used: r.get("answers_used"),
                answer_time: beta
                    .zip(center)
                    .map(|(beta, center)| AnswerTime { beta, center }),
            })
        }))
    }

    /// Saves a guild's fit: `answer_time` when it is used, and the held-out log losses
    /// (FSRS alone, with answer time) that decided it.
    pub async fn save_guild_parameters(
        &self,
        guild: GuildId,
        fitted: &FittedModel,
        held_out: Option<(f64, f64)>,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        query(
            "INSERT INTO guild_parameters (guild_id, parameters, answers_used, fitted_ms,
               answer_time_beta, answer_time_center, held_out_fsrs, held_out_timed)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (guild_id) DO UPDATE SET parameters = excluded.parameters,
               answers_used = excluded.answers_used, fitted_ms = excluded.fitted_ms,
               answer_time_beta = excluded.answer_time_beta,
               answer_time_center = excluded.answer_time_center,
               held_out_fsrs = excluded.held_out_fsrs, held_out_timed = excluded.held_out_timed",
        )
        .bind(guild.to_db())
        .bind(serde_json::to_string(&fitted.parameters).unwrap_or_default())
        .bind(fitted.answers_used)
        .bind(now_ms)
        .bind(Fraction(fitted.answer_time.map(|a| a.beta)))
        .bind(Fraction(fitted.answer_time.map(|a| a.center)))
        .bind(Fraction(held_out.map(|h| h.0)))
        .bind(Fraction(held_out.map(|h| h.1)))
        .execute(&mut *tx)
        .await?;
        Ok(tx.commit().await?)
    }
}
