//! Measurement: knowledge checks (flags on `answers`), randomized holdout experiments and their
//! arms, and the first tries that item statistics read. See [`crate::domain::measurement`].

use super::error::StoreResult;
use super::guilds::ensure_guild;
use super::sql::{flag, query, query_scalar};
use super::Store;
use crate::domain::answer_key::QuestionKind;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::measurement::{CheckRecord, Experiment, FirstTryRecord, NewExperiment};
use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;

fn experiment_from_row(r: &AnyRow) -> Option<Experiment> {
    Some(Experiment {
        id: r.get("id"),
        topic: r.get("topic_id"),
        holdout_pct: u32::try_from(r.get::<i64, _>("holdout_pct")).unwrap_or(0),
        seed: r.get::<i64, _>("seed") as u64,
        started_by: UserId::from_db(r.get("started_by")),
        started_ms: r.get("started_ms"),
        start_day: r.get::<String, _>("start_day").parse().ok()?,
        ends_day: r.get::<String, _>("ends_day").parse().ok()?,
        stopped_ms: r.get("stopped_ms"),
    })
}

/// The columns [`experiment_from_row`] reads.
const EXPERIMENT_COLUMNS: &str =
    "id, topic_id, holdout_pct, seed, started_by, started_ms, start_day, ends_day, stopped_ms";

impl Store {
    /// Knowledge checks a member answered on a guild-local day.
    pub async fn checks_answered_on(
        &self,
        guild: GuildId,
        user: UserId,
        day: NaiveDate,
    ) -> StoreResult<u32> {
        let n: i64 = query_scalar(
            "SELECT COUNT(*) FROM answers
             WHERE guild_id = ? AND user_id = ? AND local_day = ? AND is_check = 1",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(day.to_string())
        .fetch_one(&self.pool)
        .await?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Every knowledge check of the guild answered on `since` or later, oldest first.
    pub async fn check_records(
        &self,
        guild: GuildId,
        since: NaiveDate,
    ) -> StoreResult<Vec<CheckRecord>> {
        let rows = query(
            "SELECT a.user_id, v.topic_id, a.local_day, v.kind, json_array_length(v.choices) AS choices,
                    a.correct, COALESCE(a.check_predicted, 0.0) AS predicted,
                    COALESCE(a.check_first, 0) AS first
             FROM answers a JOIN question_versions v ON v.id = a.version_id
             WHERE a.guild_id = ? AND a.is_check = 1 AND a.local_day >= ?
             ORDER BY a.id",
        )
        .bind(guild.to_db())
        .bind(since.to_string())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(CheckRecord {
                    user: r.get::<i64, _>("user_id") as u64,
                    topic: r.get("topic_id"),
                    day: r.get::<String, _>("local_day").parse().ok()?,
                    kind: QuestionKind::parse(r.get("kind"))?,
                    choices: usize::try_from(r.get::<i64, _>("choices")).unwrap_or(2),
                    correct: flag(r, "correct"),
                    predicted: r.get("predicted"),
                    first: flag(r, "first"),
                })
            })
            .collect())
    }

    /// Each member's first answer to the current version of each question.
    pub async fn first_tries(&self, guild: GuildId) -> StoreResult<Vec<FirstTryRecord>> {
        let rows = query(
            "SELECT user_id, question_id, choice, correct FROM (
               SELECT a.user_id, a.question_id, a.choice, a.correct,
                      ROW_NUMBER() OVER (PARTITION BY a.user_id, a.version_id ORDER BY a.id) AS nth
               FROM answers a JOIN live_questions q
                 ON q.guild_id = a.guild_id AND q.current_version = a.version_id
               WHERE a.guild_id = ?1) AS tries
             WHERE nth = 1",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| FirstTryRecord {
                user: r.get::<i64, _>("user_id") as u64,
                question: r.get("question_id"),
                choice: usize::try_from(r.get::<i64, _>("choice")).unwrap_or(0),
                correct: flag(r, "correct"),
            })
            .collect())
    }

    /// Each current question's `(id, topic, kind, number of choices, right choice)`.
    pub async fn question_keys(
        &self,
        guild: GuildId,
    ) -> StoreResult<Vec<(String, String, QuestionKind, usize, usize)>> {
        let rows = query(
            "SELECT q.id, q.topic_id, v.kind, json_array_length(v.choices) AS choices, v.correct
             FROM live_questions q JOIN question_versions v ON v.id = q.current_version
             WHERE q.guild_id = ? ORDER BY q.id",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some((
                    r.get("id"),
                    r.get("topic_id"),
                    QuestionKind::parse(r.get("kind"))?,
                    usize::try_from(r.get::<i64, _>("choices")).unwrap_or(2),
                    usize::try_from(r.get::<i64, _>("correct")).unwrap_or(0),
                ))
            })
            .collect())
    }

    /// The guild's latest experiment (running, ended or stopped).
    pub async fn latest_experiment(&self, guild: GuildId) -> StoreResult<Option<Experiment>> {
        let row = query(&format!(
            "SELECT {EXPERIMENT_COLUMNS} FROM experiments WHERE guild_id = ?
             ORDER BY started_ms DESC, id DESC LIMIT 1"
        ))
        .bind(guild.to_db())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().and_then(experiment_from_row))
    }

    /// Starts an experiment and stores the arms of the members known now, in one transaction.
    pub async fn start_experiment(
        &self,
        e: &NewExperiment<'_>,
        arms: &[(u64, bool)],
    ) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, e.guild, e.now_ms).await?;
        let id: i64 = query_scalar(
            "INSERT INTO experiments (guild_id, topic_id, holdout_pct, seed, started_by, started_ms,
               start_day, ends_day)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(e.guild.to_db())
        .bind(e.topic)
        .bind(i64::from(e.holdout_pct))
        .bind(e.seed as i64)
        .bind(e.by.to_db())
        .bind(e.now_ms)
        .bind(e.start_day.to_string())
        .bind(e.ends_day.to_string())
        .fetch_one(&mut *tx)
        .await?;
        for (user, holdout) in arms {
            query(
                "INSERT INTO experiment_arms (experiment_id, user_id, holdout, late, assigned_ms)
                 VALUES (?, ?, ?, 0, ?)",
            )
            .bind(id)
            .bind(*user as i64)
            .bind(i64::from(*holdout))
            .bind(e.now_ms)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Stops an experiment (no-op if it was stopped before).
    pub async fn stop_experiment(&self, id: i64, now_ms: i64) -> StoreResult<()> {
        query("UPDATE experiments SET stopped_ms = ? WHERE id = ? AND stopped_ms IS NULL")
            .bind(now_ms)
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// The stored arms: `(member, holdout)`.
    pub async fn experiment_arms(&self, id: i64) -> StoreResult<Vec<(u64, bool)>> {
        let rows = query(
            "SELECT user_id, holdout FROM experiment_arms WHERE experiment_id = ? ORDER BY user_id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<i64, _>("user_id") as u64, flag(r, "holdout")))
            .collect())
    }

    /// A member's arm: the stored one, else the member arrives now (see [`Store::arms_of`]).
    pub async fn arm_of(
        &self,
        experiment: i64,
        user: UserId,
        now_ms: i64,
        draw: impl Fn(u64) -> bool,
    ) -> StoreResult<bool> {
        let stored: Option<bool> = query_scalar::<i64>(
            "SELECT holdout FROM experiment_arms WHERE experiment_id = ? AND user_id = ?",
        )
        .bind(experiment)
        .bind(user.to_db())
        .fetch_optional(&self.pool)
        .await?
        .map(|h| h != 0);
        match stored {
            Some(h) => Ok(h),
            None => Ok(self.arms_of(experiment, &[user], now_ms, draw).await?[0]),
        }
    }

    /// The arms of `users`, in their order: the stored ones, and for each member not assigned
    /// yet (they arrive now, in this order) `draw(k)` for the `k`-th late arrival (from 0),
    /// stored. One write transaction, so arrivals at the same time are numbered apart and a
    /// reminder run for thousands of newcomers is one commit.
    pub async fn arms_of(
        &self,
        experiment: i64,
        users: &[UserId],
        now_ms: i64,
        draw: impl Fn(u64) -> bool,
    ) -> StoreResult<Vec<bool>> {
        let mut tx = self.write_tx().await?;
        let stored: std::collections::HashMap<i64, bool> =
            query("SELECT user_id, holdout FROM experiment_arms WHERE experiment_id = ?")
                .bind(experiment)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| (r.get("user_id"), flag(r, "holdout")))
                .collect();
        let mut late: u64 = query_scalar::<i64>(
            "SELECT COUNT(*) FROM experiment_arms WHERE experiment_id = ? AND late = 1",
        )
        .bind(experiment)
        .fetch_one(&mut *tx)
        .await?
        .try_into()
        .unwrap_or(0);
        let mut arms = Vec::with_capacity(users.len());
        let mut drawn: std::collections::HashMap<i64, bool> = Default::default();
        for user in users {
            let id = user.to_db();
            if let Some(h) = stored.get(&id).or(drawn.get(&id)) {
                arms.push(*h);
                continue;
            }
            let holdout = draw(late);
            late += 1;
            query(
                "INSERT INTO experiment_arms (experiment_id, user_id, holdout, late, assigned_ms)
                 VALUES (?, ?, ?, 1, ?)",
            )
            .bind(experiment)
            .bind(id)
            .bind(i64::from(holdout))
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
            drawn.insert(id, holdout);
            arms.push(holdout);
        }
        tx.commit().await?;
        Ok(arms)
    }

    /// When each member first answered (Unix ms): where their time with peerlearn starts.
    pub async fn first_answers(&self, guild: GuildId) -> StoreResult<Vec<(u64, i64)>> {
        let rows = query(
            "SELECT user_id, MIN(answered_ms) AS first_ms FROM answers WHERE guild_id = ? GROUP BY user_id",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<i64, _>("user_id") as u64, r.get("first_ms")))
            .collect())
    }

    /// The members the bot has seen in the guild.
    pub async fn known_members(&self, guild: GuildId) -> StoreResult<Vec<u64>> {
        let rows: Vec<i64> = query_scalar(
            "SELECT user_id FROM members WHERE guild_id = ? AND user_id > 0 ORDER BY user_id",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|u| u as u64).collect())
    }

    /// Every member who has answered at least once.
    pub async fn answering_members(&self, guild: GuildId) -> StoreResult<Vec<u64>> {
        let rows: Vec<i64> = query_scalar(
            "SELECT DISTINCT user_id FROM member_progress WHERE guild_id = ? ORDER BY user_id",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|u| u as u64).collect())
    }
}
