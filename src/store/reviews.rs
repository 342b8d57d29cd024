//! Review preferences, pauses, and who has reviews due.

use super::error::{StoreError, StoreResult};
use super::guilds::ensure_guild;
use super::sql::{query, query_scalar};
use super::Store;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::quiz::{AnswerSource, DueMember, ReviewDelivery, ReviewPrefs};
use crate::i18n::Lang;
use sqlx::Row;

/// The delivery stored as `s`, or what it is when this version does not know it.
fn review_delivery(s: &str) -> StoreResult<ReviewDelivery> {
    ReviewDelivery::parse(s).ok_or_else(|| StoreError::Unknown {
        what: "review delivery",
        value: s.to_string(),
    })
}

impl Store {
    pub async fn review_prefs(&self, guild: GuildId, user: UserId) -> StoreResult<ReviewPrefs> {
        let row = query(
            "SELECT reviews_on, delivery, paused_until FROM member_prefs WHERE guild_id = ? AND user_id = ?",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else {
            return Ok(ReviewPrefs::default());
        };
        Ok(ReviewPrefs {
            on: r.get::<i64, _>("reviews_on") != 0,
            delivery: review_delivery(r.get("delivery"))?,
            paused_until: r.get("paused_until"),
        })
    }

    pub async fn set_review_prefs(
        &self,
        guild: GuildId,
        user: UserId,
        prefs: &ReviewPrefs,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        query(
            "INSERT INTO member_prefs (guild_id, user_id, reviews_on, delivery, paused_until) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (guild_id, user_id) DO UPDATE SET reviews_on = excluded.reviews_on,
               delivery = excluded.delivery, paused_until = excluded.paused_until",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(prefs.on as i64)
        .bind(prefs.delivery.as_str())
        .bind(&prefs.paused_until)
        .execute(&mut *tx)
        .await?;
        Ok(tx.commit().await?)
    }

    /// Pauses reviews until `until` and moves every due date of the member `days` later, in
    /// one transaction.
    pub async fn pause_reviews(
        &self,
        guild: GuildId,
        user: UserId,
        until: &str,
        days: i64,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        query(
            "INSERT INTO member_prefs (guild_id, user_id, paused_until) VALUES (?, ?, ?)
             ON CONFLICT (guild_id, user_id) DO UPDATE SET paused_until = excluded.paused_until",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(until)
        .execute(&mut *tx)
        .await?;
        let later = self.engine.pick(
            "date(due_day, '+' || ? || ' days')",
            "to_char(CAST(due_day AS date) + CAST(? AS INT), 'YYYY-MM-DD')",
        );
        query(&format!(
            "UPDATE memory SET due_day = {later} WHERE guild_id = ? AND user_id = ?"
        ))
        .bind(days)
        .bind(guild.to_db())
        .bind(user.to_db())
        .execute(&mut *tx)
        .await?;
        Ok(tx.commit().await?)
    }

    /// Members with items due on `today` (questions and cards not mastered, and answer cards
    /// they hold from their first day until first graded), reviews on, not paused, and under
    /// the daily cap of review answers and self-grades.
    pub async fn members_with_reviews_due(
        &self,
        guild: GuildId,
        today: &str,
        mastered_stability: f64,
        daily_cap: u32,
    ) -> StoreResult<Vec<DueMember>> {
        let rows = query(
            "WITH due (user_id) AS (
                SELECT m.user_id FROM memory m
                WHERE m.guild_id = ?1 AND m.due_day <= ?2 AND m.stability < ?3
                UNION ALL
                SELECT h.user_id FROM card_holders h JOIN cards c ON c.id = h.card_id
                WHERE h.guild_id = ?1 AND h.first_due <= ?2 AND h.dropped_ms IS NULL
                  AND c.retired_ms IS NULL
                  AND NOT EXISTS (SELECT 1 FROM memory m WHERE m.guild_id = ?1
                                  AND m.user_id = h.user_id AND m.question_id = 'card:' || h.card_id))
             SELECT d.user_id, COUNT(*) AS due, COALESCE(p.delivery, ?5) AS delivery, mb.locale
             FROM due d LEFT JOIN member_prefs p ON p.guild_id = ?1 AND p.user_id = d.user_id
             LEFT JOIN members mb ON mb.guild_id = ?1 AND mb.user_id = d.user_id
             WHERE COALESCE(p.reviews_on, 1) = 1
               AND (p.paused_until IS NULL OR p.paused_until < ?2)
               AND (SELECT COUNT(*) FROM answers a WHERE a.guild_id = ?1 AND a.user_id = d.user_id
                      AND a.source = ?6 AND a.local_day = ?2)
                 + (SELECT COUNT(*) FROM card_reviews r WHERE r.guild_id = ?1 AND r.user_id = d.user_id
                      AND r.source = ?6 AND r.local_day = ?2) < ?4
             GROUP BY d.user_id, p.delivery, mb.locale ORDER BY d.user_id",
        )
        .bind(guild.to_db())
        .bind(today)
        .bind(mastered_stability)
        .bind(i64::from(daily_cap))
        .bind(ReviewDelivery::default().as_str())
        .bind(AnswerSource::Review.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(DueMember {
                    user: UserId::from_db(r.get("user_id")),
                    due: r.get("due"),
                    by_dm: review_delivery(r.get("delivery"))? == ReviewDelivery::Dm,
                    locale: r
                        .get::<Option<String>, _>("locale")
                        .as_deref()
                        .and_then(Lang::parse),
                })
            })
            .collect()
    }

    /// Review answers and self-grades a member gave on a guild-local day.
    pub async fn reviews_answered_on(
        &self,
        guild: GuildId,
        user: UserId,
        day: &str,
    ) -> StoreResult<i64> {
        Ok(query_scalar(
            "SELECT (SELECT COUNT(*) FROM answers WHERE guild_id = ?1 AND user_id = ?2 AND source = ?3 AND local_day = ?4)
                  + (SELECT COUNT(*) FROM card_reviews WHERE guild_id = ?1 AND user_id = ?2 AND source = ?3 AND local_day = ?4)",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(AnswerSource::Review.as_str())
        .bind(day)
        .fetch_one(&self.pool)
        .await?)
    }
}
