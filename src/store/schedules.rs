//! Schedules, their runs, and the guild settings they depend on (time zone, quiz window).
//!
//! A run is one transaction: the `schedule_runs` row (whose key makes each (schedule, time) run
//! at most once), what the run produced (a quiz post or a tip in the outbox), and the schedule's
//! new cursor. A crash before the commit leaves nothing; after it, everything.

use super::error::{StoreError, StoreResult};
use super::guilds::ensure_guild;
use super::outbox::queue_post;
use super::sql::{query, query_scalar};
use super::Store;
use crate::dice::{ShuffleKey, SHUFFLE_MODULUS};
use crate::domain::ids::{ChannelId, GuildId, UserId};
use crate::domain::schedule::{NewSchedule, Run, RunOutput, ScheduleKind, ScheduleRow};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

const SCHEDULE_COLUMNS: &str =
    "id, guild_id, kind, cron, timezone, channel_id, topic_id, paused, next_run_ms, created_by, created_ms";

fn schedule_from_row(r: &AnyRow) -> StoreResult<ScheduleRow> {
    let kind: String = r.get("kind");
    let Some(kind) = ScheduleKind::parse(&kind) else {
        return Err(StoreError::Unknown {
            what: "schedule kind",
            value: kind,
        });
    };
    Ok(ScheduleRow {
        id: r.get("id"),
        guild: GuildId::from_db(r.get("guild_id")),
        kind,
        cron: r.get("cron"),
        timezone: r.get("timezone"),
        channel_id: ChannelId::from_db(r.get("channel_id")),
        topic: r.get("topic_id"),
        paused: r.get::<i64, _>("paused") != 0,
        next_run_ms: r.get("next_run_ms"),
        created_by: UserId::from_db(r.get("created_by")),
        created_ms: r.get("created_ms"),
    })
}

impl Store {
    pub async fn add_schedule(&self, s: NewSchedule<'_>, now_ms: i64) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, s.guild, now_ms).await?;
        let id = query_scalar(
            "INSERT INTO schedules (guild_id, kind, cron, timezone, channel_id, topic_id, next_run_ms, created_by, created_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(s.guild.to_db())
        .bind(s.kind.as_str())
        .bind(s.cron)
        .bind(s.timezone)
        .bind(s.channel_id.to_db())
        .bind(s.topic)
        .bind(s.next_run_ms)
        .bind(s.created_by.to_db())
        .bind(now_ms)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The guild's schedules (not removed), oldest first.
    pub async fn schedules(&self, guild: GuildId) -> StoreResult<Vec<ScheduleRow>> {
        let rows = query(&format!(
            "SELECT {SCHEDULE_COLUMNS} FROM schedules WHERE guild_id = ? AND removed_ms IS NULL ORDER BY id"
        ))
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(schedule_from_row).collect()
    }

    /// One schedule of this guild (another guild's id is as unknown as a missing one).
    pub async fn schedule(&self, guild: GuildId, id: i64) -> StoreResult<Option<ScheduleRow>> {
        let row = query(&format!(
            "SELECT {SCHEDULE_COLUMNS} FROM schedules WHERE guild_id = ? AND id = ? AND removed_ms IS NULL"
        ))
        .bind(guild.to_db())
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(schedule_from_row).transpose()
    }

    /// Pauses or resumes; resuming sets the cursor to the next run from now.
    pub async fn set_schedule_paused(
        &self,
        id: i64,
        paused: bool,
        next_run_ms: Option<i64>,
    ) -> StoreResult<()> {
        query("UPDATE schedules SET paused = ?, next_run_ms = ? WHERE id = ?")
            .bind(paused as i64)
            .bind(next_run_ms)
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Removes a schedule (kept for the history of its runs, never run again).
    pub async fn remove_schedule(&self, id: i64, now_ms: i64) -> StoreResult<()> {
        query("UPDATE schedules SET removed_ms = ?, next_run_ms = NULL WHERE id = ?")
            .bind(now_ms)
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Active schedules whose next run is at or before `now_ms`.
    pub async fn due_schedules(&self, now_ms: i64) -> StoreResult<Vec<ScheduleRow>> {
        let rows = query(&format!(
            "SELECT {SCHEDULE_COLUMNS} FROM schedules
             WHERE paused = 0 AND removed_ms IS NULL AND next_run_ms IS NOT NULL AND next_run_ms <= ?
             ORDER BY next_run_ms, id"
        ))
        .bind(now_ms)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(schedule_from_row).collect()
    }

    /// Moves a schedule's cursor without a run (e.g. after skipping late runs).
    pub async fn set_next_run(&self, id: i64, next_run_ms: Option<i64>) -> StoreResult<()> {
        query("UPDATE schedules SET next_run_ms = ? WHERE id = ?")
            .bind(next_run_ms)
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// The earliest next run of any active schedule.
    pub async fn earliest_next_run(&self) -> StoreResult<Option<i64>> {
        Ok(query_scalar(
            "SELECT MIN(next_run_ms) FROM schedules WHERE paused = 0 AND removed_ms IS NULL",
        )
        .fetch_one(&self.pool)
        .await?)
    }

    /// Records a run and what it produced, in one transaction. Returns the outbox id, or
    /// `Ok(None)` when this (schedule, time) has already run, in which case only the cursor moves.
    pub async fn record_run(&self, run: &Run, now_ms: i64) -> StoreResult<Option<i64>> {
        let mut tx = self.write_tx().await?;
        let inserted = query(
            "INSERT INTO schedule_runs (schedule_id, scheduled_ms, ran_ms, outcome) VALUES (?, ?, ?, ?)
             ON CONFLICT DO NOTHING",
        )
        .bind(run.schedule_id)
        .bind(run.scheduled_ms)
        .bind(now_ms)
        .bind(run.outcome)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        let outbox_id = if inserted {
            write_output(&mut tx, run, now_ms).await?
        } else {
            None
        };
        if let Some(next) = run.next_run_ms {
            query("UPDATE schedules SET next_run_ms = ? WHERE id = ?")
                .bind(next)
                .bind(run.schedule_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(outbox_id)
    }

    /// The guild's time zone and quiz window (minutes), `None` where it uses the defaults.
    pub async fn guild_settings(
        &self,
        guild: GuildId,
    ) -> StoreResult<(Option<String>, Option<i64>)> {
        let row = query("SELECT timezone, quiz_window_minutes FROM guilds WHERE id = ?")
            .bind(guild.to_db())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map_or((None, None), |r| {
            (r.get("timezone"), r.get("quiz_window_minutes"))
        }))
    }

    pub async fn set_guild_timezone(
        &self,
        guild: GuildId,
        tz: &str,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        query("UPDATE guilds SET timezone = ?, updated_ms = ? WHERE id = ?")
            .bind(tz)
            .bind(now_ms)
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    pub async fn set_quiz_window(
        &self,
        guild: GuildId,
        minutes: i64,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        query("UPDATE guilds SET quiz_window_minutes = ?, updated_ms = ? WHERE id = ?")
            .bind(minutes)
            .bind(now_ms)
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    /// A question for a channel quiz: not among the channel's last `avoid` posts; then one of
    /// `refresh` (question ids a team refresher asks for), in their order; not one that most
    /// of the channel's audience (members who answered its quizzes) has mastered (stability at
    /// least `mastered_stability`); the least recently posted in this channel first (never
    /// posted before all), then in the random order `shuffle` gives. Each rule gives way when
    /// nothing else is left.
    #[allow(clippy::too_many_arguments)]
    pub async fn pick_channel_question(
        &self,
        guild: GuildId,
        channel_id: ChannelId,
        topic: Option<&str>,
        refresh: &[String],
        avoid: u32,
        mastered_stability: f64,
        shuffle: ShuffleKey,
    ) -> StoreResult<Option<i64>> {
        // The position of the question among `refresh` (a JSON array), if it is there.
        let refresh_rank = self.engine.pick(
            "SELECT r.key FROM json_each(?9) r WHERE r.value = q.id",
            "SELECT r.n FROM json_array_elements_text(CAST(?9 AS json)) WITH ORDINALITY r (value, n)
             WHERE r.value = q.id",
        );
        Ok(query_scalar(&format!(
            "WITH recent AS (
                SELECT v.question_id FROM quiz_posts p JOIN question_versions v ON v.id = p.version_id
                WHERE p.channel_id = ?2 ORDER BY p.created_ms DESC, p.id DESC LIMIT ?4),
             audience AS (
                SELECT DISTINCT a.user_id FROM answers a JOIN quiz_posts p ON p.id = a.quiz_post_id
                WHERE p.channel_id = ?2),
             mastered AS (
                SELECT m.question_id FROM memory m
                WHERE m.guild_id = ?1 AND m.stability >= ?5 AND m.user_id IN (SELECT user_id FROM audience)
                GROUP BY m.question_id
                HAVING COUNT(*) * 2 > (SELECT COUNT(*) FROM audience))
             SELECT q.current_version FROM live_questions q
             WHERE q.guild_id = ?1 AND (?3 IS NULL OR q.topic_id = ?3)
             ORDER BY q.id IN (SELECT question_id FROM recent),
                      ({refresh_rank}) NULLS LAST,
                      q.id IN (SELECT question_id FROM mastered),
                      (SELECT MAX(p.created_ms) FROM quiz_posts p JOIN question_versions v ON v.id = p.version_id
                        WHERE p.channel_id = ?2 AND v.question_id = q.id) NULLS FIRST,
                      (q.rowid * ?6 + ?7) % ?8
             LIMIT 1"
        ))
        .bind(guild.to_db())
        .bind(channel_id.to_db())
        .bind(topic)
        .bind(i64::from(avoid))
        .bind(mastered_stability)
        .bind(shuffle.multiplier)
        .bind(shuffle.offset)
        .bind(SHUFFLE_MODULUS)
        .bind(serde_json::to_string(refresh).unwrap_or_default())
        .fetch_optional(&self.pool)
        .await?)
    }

    /// A tip for a channel: the one it has seen least recently (never first), then in the
    /// random order `shuffle` gives.
    pub async fn pick_channel_tip(
        &self,
        guild: GuildId,
        channel_id: ChannelId,
        topic: Option<&str>,
        shuffle: ShuffleKey,
    ) -> StoreResult<Option<(String, String, String, Option<String>)>> {
        let row = query(
            "SELECT p.id, t.name AS topic_name, p.text, p.link FROM tips p JOIN topics t ON t.guild_id = p.guild_id AND t.id = p.topic_id
             WHERE p.guild_id = ?1 AND (?3 IS NULL OR p.topic_id = ?3)
             ORDER BY (SELECT MAX(created_ms) FROM tip_posts tp WHERE tp.channel_id = ?2 AND tp.tip_id = p.id) NULLS FIRST,
                      (p.rowid * ?4 + ?5) % ?6
             LIMIT 1",
        )
        .bind(guild.to_db())
        .bind(channel_id.to_db())
        .bind(topic)
        .bind(shuffle.multiplier)
        .bind(shuffle.offset)
        .bind(SHUFFLE_MODULUS)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| {
            (
                r.get("id"),
                r.get("topic_name"),
                r.get("text"),
                r.get("link"),
            )
        }))
    }
}

/// Queues ready posts `(channel, recipient for a DM, payload)`; returns the first outbox id.
async fn write_posts(
    conn: &mut AnyConnection,
    run: &Run,
    posts: &[(ChannelId, Option<UserId>, String)],
    now_ms: i64,
) -> StoreResult<Option<i64>> {
    let mut first = None;
    for (channel, recipient, payload) in posts {
        let id = queue_post(&mut *conn, run.guild, *channel, *recipient, payload, now_ms).await?;
        first.get_or_insert(id);
    }
    Ok(first)
}

async fn write_output(
    conn: &mut AnyConnection,
    run: &Run,
    now_ms: i64,
) -> StoreResult<Option<i64>> {
    match &run.output {
        RunOutput::Nothing => return Ok(None),
        RunOutput::Board { posts, finals } => {
            for (period, key) in finals {
                query(
                    "INSERT INTO board_finals (schedule_id, period, period_key, posted_ms) VALUES (?, ?, ?, ?)
                     ON CONFLICT DO NOTHING",
                )
                .bind(run.schedule_id)
                .bind(period.as_str())
                .bind(key)
                .bind(now_ms)
                .execute(&mut *conn)
                .await?;
            }
            let posts: Vec<_> = posts
                .iter()
                .map(|p| (run.channel_id, None, p.clone()))
                .collect();
            return write_posts(conn, run, &posts, now_ms).await;
        }
        RunOutput::Posts(posts) => return write_posts(conn, run, posts, now_ms).await,
        RunOutput::Pairings { pairings, posts } => {
            super::pairings::insert_pairings(&mut *conn, run, pairings, now_ms).await?;
            return write_posts(conn, run, posts, now_ms).await;
        }
        _ => {}
    }
    let outbox_id = queue_post(
        &mut *conn,
        run.guild,
        run.channel_id,
        None,
        &run.payload,
        now_ms,
    )
    .await?;
    match &run.output {
        RunOutput::Quiz {
            version_id,
            window_ms,
        } => {
            query(
                "INSERT INTO quiz_posts (guild_id, channel_id, version_id, schedule_id, outbox_id, created_ms, closes_ms)
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(run.guild.to_db())
            .bind(run.channel_id.to_db())
            .bind(version_id)
            .bind(run.schedule_id)
            .bind(outbox_id)
            .bind(now_ms)
            .bind(now_ms + window_ms)
            .execute(conn)
            .await?;
        }
        RunOutput::Tip { tip_id } => {
            query(
                "INSERT INTO tip_posts (guild_id, channel_id, tip_id, outbox_id, created_ms) VALUES (?, ?, ?, ?, ?)",
            )
            .bind(run.guild.to_db())
            .bind(run.channel_id.to_db())
            .bind(tip_id)
            .bind(outbox_id)
            .bind(now_ms)
            .execute(conn)
            .await?;
        }
        RunOutput::Nothing
        | RunOutput::Posts(_)
        | RunOutput::Board { .. }
        | RunOutput::Pairings { .. } => {}
    }
    Ok(Some(outbox_id))
}
