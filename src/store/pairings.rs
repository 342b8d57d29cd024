//! Peer pairings (see `domain::pairing`): who opted in (`pairing_optins`), the pairings each
//! `pairing` run made (`pairings`, written in the run's transaction), their outcome ("We
//! talked" awards both, "Skip"), and the figures the report shows.

use super::boards::credit;
use super::error::StoreResult;
use super::guilds::ensure_guild;
use super::sql::{query, query_scalar};
use super::Store;
use crate::domain::boards::{AwardKind, BoardKeys, Credit};
use crate::domain::ids::{GuildId, UserId};
use crate::domain::pairing::{History, NewPairing, Outcome, PairingRow};
use crate::domain::schedule::Run;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

fn row_from(r: &AnyRow) -> PairingRow {
    PairingRow {
        id: r.get("id"),
        topic: r.get("topic_id"),
        learner: UserId::from_db(r.get("learner_id")),
        mentor: UserId::from_db(r.get("mentor_id")),
        learner_recall: r.get("learner_recall"),
        created_ms: r.get("created_ms"),
        talked: r.get::<Option<i64>, _>("talked_ms").is_some(),
        skipped: r.get::<Option<i64>, _>("skipped_ms").is_some(),
    }
}

const COLUMNS: &str =
    "id, topic_id, learner_id, mentor_id, learner_recall, created_ms, talked_ms, skipped_ms";

impl Store {
    /// `/pairing on|off`; `false` when it was so already.
    pub async fn set_pairing(
        &self,
        guild: GuildId,
        user: UserId,
        on: bool,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        let changed =
            super::guilds::set_member_flag(&mut tx, "pairing_optins", guild, user, on, now_ms)
                .await?;
        tx.commit().await?;
        Ok(changed)
    }

    /// The members who may be paired at `today`: opted in, not away at `now_ms`, reviews not
    /// paused.
    pub async fn pairable(
        &self,
        guild: GuildId,
        today: &str,
        now_ms: i64,
    ) -> StoreResult<Vec<UserId>> {
        Ok(query_scalar::<i64>(
            "SELECT o.user_id FROM pairing_optins o
             WHERE o.guild_id = ?1
               AND NOT EXISTS (SELECT 1 FROM expert_away a WHERE a.guild_id = ?1 AND a.user_id = o.user_id
                               AND (a.until_ms IS NULL OR a.until_ms > ?3))
               AND NOT EXISTS (SELECT 1 FROM member_prefs p WHERE p.guild_id = ?1 AND p.user_id = o.user_id
                               AND p.paused_until IS NOT NULL AND p.paused_until >= ?2)
             ORDER BY o.user_id",
        )
        .bind(guild.to_db())
        .bind(today)
        .bind(now_ms)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(UserId::from_db)
        .collect())
    }

    /// Each member's latest pairing: when, and with whom.
    pub async fn pairing_history(&self, guild: GuildId) -> StoreResult<Vec<History>> {
        let rows = query(
            "WITH sides (user_id, partner, at_ms) AS (
                 SELECT learner_id, mentor_id, created_ms FROM pairings WHERE guild_id = ?1
                 UNION ALL
                 SELECT mentor_id, learner_id, created_ms FROM pairings WHERE guild_id = ?1),
             latest AS (SELECT user_id, MAX(at_ms) AS at_ms FROM sides GROUP BY user_id)
             SELECT s.user_id, MAX(s.partner) AS partner, l.at_ms
             FROM latest l JOIN sides s ON s.user_id = l.user_id AND s.at_ms = l.at_ms
             GROUP BY s.user_id, l.at_ms",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| History {
                user: UserId::from_db(r.get("user_id")),
                last_ms: r.get("at_ms"),
                last_partner: UserId::from_db(r.get("partner")),
            })
            .collect())
    }

    /// The pairing a run made for `learner`.
    pub async fn pairing(
        &self,
        guild: GuildId,
        schedule: i64,
        scheduled_ms: i64,
        learner: UserId,
    ) -> StoreResult<Option<PairingRow>> {
        let row = query(&format!(
            "SELECT {COLUMNS} FROM pairings
             WHERE guild_id = ? AND schedule_id = ? AND scheduled_ms = ? AND learner_id = ?"
        ))
        .bind(guild.to_db())
        .bind(schedule)
        .bind(scheduled_ms)
        .bind(learner.to_db())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(row_from))
    }

    /// "We talked" (awarding both `points`, the mentor for helping, the learner for asking)
    /// or "Skip", by `by`; the first outcome counts.
    #[allow(clippy::too_many_arguments)]
    pub async fn pairing_verdict(
        &self,
        guild: GuildId,
        pairing: &PairingRow,
        by: UserId,
        talked: bool,
        points: i64,
        keys: (&chrono::NaiveDate, &BoardKeys),
        now_ms: i64,
    ) -> StoreResult<Outcome> {
        let mut tx = self.write_tx().await?;
        let column = if talked { "talked" } else { "skipped" };
        let done = query(&format!(
            "UPDATE pairings SET {column}_ms = ?, {column}_by = ?
             WHERE id = ? AND guild_id = ? AND talked_ms IS NULL AND skipped_ms IS NULL"
        ))
        .bind(now_ms)
        .bind(by.to_db())
        .bind(pairing.id)
        .bind(guild.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !done {
            return Ok(Outcome::Settled);
        }
        if talked && points > 0 {
            let (day, board_keys) = keys;
            for (user, kind) in [
                (pairing.mentor, AwardKind::Helping),
                (pairing.learner, AwardKind::Asking),
            ] {
                query(
                    "INSERT INTO member_progress (guild_id, user_id, points) VALUES (?, ?, ?)
                     ON CONFLICT (guild_id, user_id) DO UPDATE SET points = member_progress.points + excluded.points",
                )
                .bind(guild.to_db())
                .bind(user.to_db())
                .bind(points)
                .execute(&mut *tx)
                .await?;
                let award = Credit {
                    guild,
                    user,
                    kind,
                    points,
                    topic: Some(&pairing.topic),
                    answer: None,
                    answer_id: None,
                    ask_id: None,
                    at_ms: now_ms,
                    day: *day,
                    gain: Default::default(),
                };
                credit(&mut tx, &award, board_keys).await?;
            }
        }
        tx.commit().await?;
        Ok(Outcome::Recorded)
    }

    /// The pairings made from `from_ms` on, oldest first.
    pub async fn pairings_since(
        &self,
        guild: GuildId,
        from_ms: i64,
    ) -> StoreResult<Vec<PairingRow>> {
        let rows = query(&format!(
            "SELECT {COLUMNS} FROM pairings WHERE guild_id = ? AND created_ms >= ? ORDER BY id"
        ))
        .bind(guild.to_db())
        .bind(from_ms)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(row_from).collect())
    }
}

/// Records a run's pairings in its transaction (a run pairs a learner once).
pub(super) async fn insert_pairings(
    conn: &mut AnyConnection,
    run: &Run,
    pairings: &[NewPairing],
    now_ms: i64,
) -> StoreResult<()> {
    for p in pairings {
        query(
            "INSERT INTO pairings (guild_id, schedule_id, scheduled_ms, topic_id, learner_id, mentor_id,
               learner_recall, created_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(run.guild.to_db())
        .bind(run.schedule_id)
        .bind(run.scheduled_ms)
        .bind(&p.topic)
        .bind(p.learner.to_db())
        .bind(p.mentor.to_db())
        .bind(p.learner_recall)
        .bind(now_ms)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
