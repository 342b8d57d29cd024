//! Counting a guild's board totals (and with them, by trigger, its guild totals and points
//! histograms) and its members' records on each question again from its answers and points
//! ledger: after the migration that added them, when a season changes length, and after a
//! database is filled by other means (the benchmark's seed, tests).
//!
//! The periods' keys come from [`keys_for`], as when an answer is written; the knowledge-gain
//! tallies follow [`crate::domain::analytics::gain_step`] in SQL: an answer that is not a
//! pair's first attempt adds the pair to a period, unless the pair's previous attempt, itself
//! not its first, is in the same period, in which case it only replaces the latest result.

use super::error::StoreResult;
use super::sql::{query, query_scalar};
use super::Store;
use crate::domain::ids::GuildId;
use crate::domain::periods::{keys_for, Span};
use chrono::NaiveDate;
use sqlx::AnyConnection;

/// The board totals of every period from the ledger (points) and the answers (answers, right
/// answers, knowledge gain), for the days and periods in `recount_days`.
const BOARD_TOTALS: &str = "
INSERT INTO board_totals (guild_id, period, period_key, topic_id, user_id, points, answers, correct,
                          pairs, pairs_first_right, pairs_latest_right)
WITH attempts AS (
    SELECT a.user_id, v.topic_id, a.local_day AS day, a.correct,
           ROW_NUMBER() OVER pair AS n,
           FIRST_VALUE(a.correct) OVER pair AS first_correct,
           LAG(a.local_day) OVER pair AS previous_day,
           LAG(a.correct) OVER pair AS previous_correct
    FROM answers a JOIN question_versions v ON v.id = a.version_id
    WHERE a.guild_id = ?1
    WINDOW pair AS (PARTITION BY a.user_id, a.question_id ORDER BY a.id)
),
compared AS (
    SELECT t.*, k.period, k.period_key,
           t.n >= 3 AND EXISTS (SELECT 1 FROM recount_days p
                                WHERE p.day = t.previous_day AND p.period = k.period
                                  AND p.period_key = k.period_key) AS same
    FROM attempts t JOIN recount_days k ON k.day = t.day
),
steps (user_id, topic_id, period, period_key, points, answered, correct, pairs, first_right, latest_right) AS (
    SELECT l.user_id, l.topic_id, k.period, k.period_key, l.points, 0, 0, 0, 0, 0
    FROM points_ledger l JOIN recount_days k ON k.day = l.local_day
    WHERE l.guild_id = ?1
    UNION ALL
    SELECT user_id, topic_id, period, period_key, 0, 1, correct,
           CASE WHEN n >= 2 AND NOT same THEN 1 ELSE 0 END,
           CASE WHEN n >= 2 AND NOT same THEN first_correct ELSE 0 END,
           CASE WHEN n < 2 THEN 0 WHEN same THEN correct - previous_correct ELSE correct END
    FROM compared
),
keyed AS (
    SELECT user_id, '' AS topic_id, period, period_key, points, answered, correct, pairs, first_right, latest_right
    FROM steps
    UNION ALL
    SELECT user_id, topic_id, period, period_key, points, answered, correct, pairs, first_right, latest_right
    FROM steps WHERE topic_id IS NOT NULL
)
SELECT ?1, period, period_key, topic_id, user_id, SUM(points), SUM(answered), SUM(correct),
       SUM(pairs), SUM(first_right), SUM(latest_right)
FROM keyed GROUP BY period, period_key, topic_id, user_id";

/// Each member's first and latest result on each question they answered.
const PAIR_RECORDS: &str = "
WITH ranked AS (
    SELECT user_id, question_id, correct,
           ROW_NUMBER() OVER (PARTITION BY user_id, question_id ORDER BY id) AS n,
           COUNT(*) OVER (PARTITION BY user_id, question_id) AS attempts
    FROM answers WHERE guild_id = ?1
),
records AS (
    SELECT user_id, question_id, MAX(CASE WHEN n = 1 THEN correct END) AS first_correct,
           MAX(CASE WHEN n = attempts THEN correct END) AS latest_correct
    FROM ranked GROUP BY user_id, question_id
)
UPDATE memory SET first_correct = r.first_correct, latest_correct = r.latest_correct
FROM records r
WHERE memory.guild_id = ?1 AND memory.user_id = r.user_id AND memory.question_id = r.question_id";

/// What to count again.
#[derive(Debug, Clone, Copy)]
pub enum Recount<'a> {
    /// Every period, and the members' records on each question.
    Everything,
    /// One period (e.g. a season whose length changed).
    Period(&'a Span),
}

impl Store {
    /// The guilds whose totals a migration asked to count again.
    pub async fn recounts_due(&self) -> StoreResult<Vec<GuildId>> {
        let ids: Vec<i64> = query_scalar("SELECT guild_id FROM recounts_due")
            .fetch_all(self.pool())
            .await?;
        Ok(ids.into_iter().map(GuildId::from_db).collect())
    }

    /// Counts a guild's totals again (see the module doc), in one transaction; the guild's
    /// daily figures are dropped, to be computed again.
    pub async fn recount_totals(
        &self,
        guild: GuildId,
        season_weeks: u32,
        what: Recount<'_>,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        recount(&mut tx, guild, season_weeks, what).await?;
        Ok(tx.commit().await?)
    }
}

/// [`Store::recount_totals`] inside the caller's transaction.
pub(super) async fn recount(
    conn: &mut AnyConnection,
    guild: GuildId,
    season_weeks: u32,
    what: Recount<'_>,
) -> StoreResult<()> {
    let g = guild.to_db();
    let days: Vec<String> = query_scalar(
        "SELECT local_day FROM answers WHERE guild_id = ?1
         UNION SELECT local_day FROM points_ledger WHERE guild_id = ?1",
    )
    .bind(g)
    .fetch_all(&mut *conn)
    .await?;
    query(
        "CREATE TEMP TABLE IF NOT EXISTS recount_days (
             day TEXT NOT NULL, period TEXT NOT NULL, period_key TEXT NOT NULL,
             PRIMARY KEY (day, period))",
    )
    .execute(&mut *conn)
    .await?;
    query("DELETE FROM recount_days")
        .execute(&mut *conn)
        .await?;
    for day in days.iter().filter_map(|d| d.parse::<NaiveDate>().ok()) {
        for (period, key) in keys_for(day, season_weeks) {
            if let Recount::Period(span) = what {
                if span.period != period || span.key != key {
                    continue;
                }
            }
            query("INSERT INTO recount_days (day, period, period_key) VALUES (?, ?, ?)")
                .bind(day.to_string())
                .bind(period.as_str())
                .bind(key)
                .execute(&mut *conn)
                .await?;
        }
    }
    // The guild's totals and histograms are counted again by the triggers as the members'
    // totals are inserted.
    for table in ["board_points", "board_totals", "guild_totals"] {
        let sql = match what {
            Recount::Everything => format!("DELETE FROM {table} WHERE guild_id = ?"),
            Recount::Period(_) => {
                format!("DELETE FROM {table} WHERE guild_id = ? AND period = ? AND period_key = ?")
            }
        };
        let mut q = query(&sql).bind(g);
        if let Recount::Period(span) = what {
            q = q.bind(span.period.as_str()).bind(&span.key);
        }
        q.execute(&mut *conn).await?;
    }
    query(BOARD_TOTALS).bind(g).execute(&mut *conn).await?;
    if let Recount::Everything = what {
        query(PAIR_RECORDS).bind(g).execute(&mut *conn).await?;
    }
    for sql in [
        "DELETE FROM recounts_due WHERE guild_id = ?",
        "DELETE FROM daily_figures WHERE guild_id = ?",
    ] {
        query(sql).bind(g).execute(&mut *conn).await?;
    }
    query("DELETE FROM recount_days")
        .execute(&mut *conn)
        .await?;
    Ok(())
}
