//! What reports read: the guild's answer totals per period (kept as answers arrive), recent
//! answers, competency days, questions asked and expert assignments, members' streaks,
//! memories and roles, imported KPIs, and the daily figures computed once a day. Plain reads,
//! no lock; the figures are computed in [`crate::domain::analytics`].

use super::error::StoreResult;
use super::memory::{memory_from_row, MEMORY_COLUMNS};
use super::sql::{query, query_as, query_scalar};
use super::Store;
use crate::domain::analytics::{
    AnswerFact, AskRecord, AssignmentRecord, CompetencyCount, SpanTotals, StreakRecord,
};
use crate::domain::boards::Tally;
use crate::domain::ids::{GuildId, RoleId, UserId};
use crate::domain::kpi::KpiValue;
use crate::domain::memory::Memory;
use crate::domain::periods::Span;
use crate::domain::refreshers::Refresher;
use chrono::NaiveDate;
use sqlx::Row;
use std::collections::HashMap;

/// A week's answers: its Monday (`period_key`) and counts.
#[derive(sqlx::FromRow)]
struct WeekRow {
    week: String,
    answers: i64,
    correct: i64,
}

/// Members who reached competency in a span (see [`Store::competency_counts`]).
#[derive(sqlx::FromRow)]
struct CompetencyRow {
    span: i64,
    topic: String,
    role: Option<i64>,
    days: i64,
    members: i64,
}

fn day_of(text: &str) -> Option<NaiveDate> {
    text.parse().ok()
}

impl Store {
    /// The guild's answer totals in each span: all topics, and by topic id (see
    /// [`SpanTotals`]); a few rows per span, kept as answers arrive.
    pub async fn span_totals(
        &self,
        guild: GuildId,
        spans: &[Span],
    ) -> StoreResult<Vec<(SpanTotals, HashMap<String, SpanTotals>)>> {
        let mut out = Vec::with_capacity(spans.len());
        for span in spans {
            let rows = query(
                "SELECT topic_id, answers, correct, members, pairs, pairs_first_right,
                        pairs_latest_right, pair_members
                 FROM guild_totals WHERE guild_id = ? AND period = ? AND period_key = ?",
            )
            .bind(guild.to_db())
            .bind(span.period.as_str())
            .bind(&span.key)
            .fetch_all(self.pool())
            .await?;
            let mut all = SpanTotals::default();
            let mut topics = HashMap::new();
            for r in rows {
                let topic: String = r.get("topic_id");
                let totals = SpanTotals {
                    answers: r.get("answers"),
                    correct: r.get("correct"),
                    members: r.get("members"),
                    pairs: r.get("pairs"),
                    pairs_first_right: r.get("pairs_first_right"),
                    pairs_latest_right: r.get("pairs_latest_right"),
                    pair_members: r.get("pair_members"),
                };
                if topic.is_empty() {
                    all = totals;
                } else {
                    topics.insert(topic, totals);
                }
            }
            out.push((all, topics));
        }
        Ok(out)
    }

    /// The guild's answers from `since` on (for the support check), in no particular order.
    pub async fn answers_since(
        &self,
        guild: GuildId,
        since: NaiveDate,
    ) -> StoreResult<Vec<AnswerFact>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            user_id: i64,
            local_day: String,
            correct: i64,
        }
        let rows: Vec<Row> = query_as(
            "SELECT user_id, local_day, correct FROM answers WHERE guild_id = ? AND local_day >= ?",
        )
        .bind(guild.to_db())
        .bind(since.to_string())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                Some(AnswerFact {
                    user: r.user_id as u64,
                    day: day_of(&r.local_day)?,
                    correct: r.correct != 0,
                })
            })
            .collect())
    }

    /// Answers and right answers per week (by the week's Monday), of the members holding
    /// `role` or (`None`) of everyone, and how many members that is: those with the role, or
    /// everyone who ever answered.
    pub async fn weekly_learning(
        &self,
        guild: GuildId,
        role: Option<u64>,
    ) -> StoreResult<(usize, Vec<(NaiveDate, Tally)>)> {
        let (people, rows): (i64, Vec<WeekRow>) = match role {
            None => (
                query_scalar(
                    "SELECT COALESCE(MAX(members), 0) FROM guild_totals
                     WHERE guild_id = ? AND period = 'all' AND topic_id = ''",
                )
                .bind(guild.to_db())
                .fetch_one(self.pool())
                .await?,
                query_as(
                    "SELECT period_key AS week, answers, correct FROM guild_totals
                     WHERE guild_id = ? AND period = 'week' AND topic_id = ''",
                )
                .bind(guild.to_db())
                .fetch_all(self.pool())
                .await?,
            ),
            Some(role) => (
                query_scalar(
                    "SELECT COUNT(*) FROM member_roles WHERE guild_id = ? AND role_id = ?",
                )
                .bind(guild.to_db())
                .bind(role as i64)
                .fetch_one(self.pool())
                .await?,
                query_as(
                    "SELECT b.period_key AS week, CAST(SUM(b.answers) AS BIGINT) AS answers, CAST(SUM(b.correct) AS BIGINT) AS correct
                     FROM member_roles r JOIN board_totals b
                       ON b.guild_id = r.guild_id AND b.user_id = r.user_id
                      AND b.period = 'week' AND b.topic_id = ''
                     WHERE r.guild_id = ? AND r.role_id = ?
                     GROUP BY b.period_key",
                )
                .bind(guild.to_db())
                .bind(role as i64)
                .fetch_all(self.pool())
                .await?,
            ),
        };
        let weeks = rows
            .into_iter()
            .filter_map(|r: WeekRow| {
                let tally = Tally {
                    answers: r.answers,
                    correct: r.correct,
                };
                Some((day_of(&r.week)?, tally))
            })
            .collect();
        Ok((usize::try_from(people).unwrap_or(0), weeks))
    }

    /// The members who reached competency within each span, counted by span (its index),
    /// topic, role track (`None`: everyone) and the days it took them. Everyone's counts come
    /// from `competency_days` (kept by triggers); a track's from its members' rows.
    pub async fn competency_counts(
        &self,
        guild: GuildId,
        spans: &[Span],
    ) -> StoreResult<Vec<CompetencyCount>> {
        if spans.is_empty() {
            return Ok(vec![]);
        }
        // Days from a member's first answer in the topic to competency.
        let took = self.engine.pick(
            "CAST(julianday(c.reached_day) - julianday(c.first_day) AS INTEGER)",
            "CAST(c.reached_day AS date) - CAST(c.first_day AS date)",
        );
        let sql = format!(
            "WITH spans (i, start_day, end_day) AS (VALUES {})
             SELECT s.i AS span, d.topic_id AS topic, NULL AS role, d.days AS days,
                    CAST(SUM(d.members) AS BIGINT) AS members
             FROM competency_days d JOIN spans s
               ON d.reached_day >= s.start_day AND d.reached_day < s.end_day
             WHERE d.guild_id = ?1 AND d.members > 0
             GROUP BY s.i, d.topic_id, d.days
             UNION ALL
             SELECT s.i, c.topic_id, t.role_id,
                    {took}, COUNT(*)
             FROM role_tracks t
             JOIN member_roles m ON m.guild_id = t.guild_id AND m.role_id = t.role_id
             JOIN competency c
               ON c.guild_id = t.guild_id AND c.user_id = m.user_id AND c.topic_id = t.topic_id
             JOIN spans s ON c.reached_day >= s.start_day AND c.reached_day < s.end_day
             WHERE t.guild_id = ?1
             GROUP BY 1, 2, 3, 4",
            (0..spans.len())
                .map(|i| format!("(?{}, ?{}, ?{})", 3 * i + 2, 3 * i + 3, 3 * i + 4))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut q = query_as(&sql).bind(guild.to_db());
        for (i, span) in spans.iter().enumerate() {
            q = q
                .bind(i as i64)
                .bind(span.start.to_string())
                .bind(span.end.to_string());
        }
        let rows: Vec<CompetencyRow> = q.fetch_all(self.pool()).await?;
        Ok(rows
            .into_iter()
            .map(|r| CompetencyCount {
                span: usize::try_from(r.span).unwrap_or(0),
                topic: r.topic,
                role: r.role.map(|r| r as u64),
                days: r.days,
                members: usize::try_from(r.members).unwrap_or(0),
            })
            .collect())
    }

    /// Every question asked with `/ask`.
    pub async fn ask_records(&self, guild: GuildId) -> StoreResult<Vec<AskRecord>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            asker_id: i64,
            created_ms: i64,
            state: String,
            followed: i64,
            first_response_ms: Option<i64>,
            closed_ms: Option<i64>,
            served: i64,
            served_verified: i64,
        }
        // A question closed by following another one is not deflected by the knowledge base.
        let rows: Vec<Row> = query_as(
            "SELECT asker_id, created_ms, state, first_response_ms, closed_ms,
                    CASE WHEN EXISTS (SELECT 1 FROM ask_followers f WHERE f.from_ask_id = asks.id) THEN 1 ELSE 0 END AS followed,
                    (SELECT COUNT(*) FROM kb_served k WHERE k.ask_id = asks.id) AS served,
                    (SELECT COUNT(*) FROM kb_served k WHERE k.ask_id = asks.id AND k.verified = 1)
                      AS served_verified
             FROM asks WHERE guild_id = ?",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| AskRecord {
                asker: r.asker_id as u64,
                created_ms: r.created_ms,
                deflected: r.state == "deflected" && r.followed == 0,
                first_response_ms: r.first_response_ms,
                resolved_ms: r.closed_ms.filter(|_| r.state == "resolved"),
                served: r.served as u32,
                served_verified: r.served_verified as u32,
            })
            .collect())
    }

    /// Every expert assignment.
    pub async fn assignment_records(&self, guild: GuildId) -> StoreResult<Vec<AssignmentRecord>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            expert_id: i64,
            assigned_ms: i64,
            responded_ms: Option<i64>,
            ended_ms: Option<i64>,
        }
        let rows: Vec<Row> = query_as(
            "SELECT expert_id, assigned_ms, responded_ms, ended_ms FROM ask_assignments WHERE guild_id = ?",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| AssignmentRecord {
                expert: r.expert_id as u64,
                assigned_ms: r.assigned_ms,
                responded_ms: r.responded_ms,
                open: r.ended_ms.is_none(),
            })
            .collect())
    }

    /// Members of the guild: Discord's count when known, else those the bot has seen.
    pub async fn member_total(&self, guild: GuildId) -> StoreResult<usize> {
        let r = query(
            "SELECT (SELECT member_count FROM guilds WHERE id = ?1) AS discord_count,
                    (SELECT COUNT(*) FROM members WHERE guild_id = ?1) AS seen",
        )
        .bind(guild.to_db())
        .fetch_one(self.pool())
        .await?;
        let seen: i64 = r.get("seen");
        let count: Option<i64> = r.get("discord_count");
        Ok(usize::try_from(count.unwrap_or(seen).max(seen)).unwrap_or(0))
    }

    /// Every member's best streak and last active day.
    pub async fn streak_records(&self, guild: GuildId) -> StoreResult<Vec<StreakRecord>> {
        let rows =
            query("SELECT user_id, best_streak, last_day FROM member_progress WHERE guild_id = ?")
                .bind(guild.to_db())
                .fetch_all(self.pool())
                .await?;
        Ok(rows
            .iter()
            .map(|r| StreakRecord {
                user: r.get::<i64, _>("user_id") as u64,
                best_streak: r.get("best_streak"),
                last_day: r.get::<Option<&str>, _>("last_day").and_then(day_of),
            })
            .collect())
    }

    /// Every memory in the guild as `(member, topic id, memory)`.
    pub async fn guild_memories(&self, guild: GuildId) -> StoreResult<Vec<(u64, String, Memory)>> {
        let rows = query(&format!(
            "SELECT m.user_id, q.topic_id, {MEMORY_COLUMNS}
             FROM memory m JOIN questions q ON q.guild_id = m.guild_id AND q.id = m.question_id
             WHERE m.guild_id = ?"
        ))
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some((
                    r.get::<i64, _>("user_id") as u64,
                    r.get("topic_id"),
                    memory_from_row(r)?,
                ))
            })
            .collect())
    }

    /// Every memory of the questions of `topic` as `(question id, memory)`.
    pub async fn topic_memories(
        &self,
        guild: GuildId,
        topic: &str,
    ) -> StoreResult<Vec<(String, Memory)>> {
        let rows = query(&format!(
            "SELECT m.question_id, {MEMORY_COLUMNS}
             FROM memory m JOIN questions q ON q.guild_id = m.guild_id AND q.id = m.question_id
             WHERE m.guild_id = ? AND q.topic_id = ?"
        ))
        .bind(guild.to_db())
        .bind(topic)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .filter_map(|r| Some((r.get("question_id"), memory_from_row(r)?)))
            .collect())
    }

    /// Records the day's refreshers (once per day and topic).
    pub async fn log_refreshers(
        &self,
        guild: GuildId,
        day: NaiveDate,
        refreshers: &[Refresher],
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        for r in refreshers {
            query(
                "INSERT INTO refresher_days (guild_id, day, topic_id, recall_later, target)
                 VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            )
            .bind(guild.to_db())
            .bind(day.to_string())
            .bind(&r.topic)
            .bind(r.recall_later)
            .bind(r.target)
            .execute(&mut *tx)
            .await?;
        }
        Ok(tx.commit().await?)
    }

    /// The topics with a refresher on the day the latest figures were computed, with their
    /// team targets: a few rows, read on every click that picks a question.
    pub async fn current_refreshers(&self, guild: GuildId) -> StoreResult<Vec<(String, f64)>> {
        let rows = query(
            "SELECT r.topic_id, r.target FROM refresher_days r
             JOIN daily_figures f ON f.guild_id = r.guild_id AND f.day = r.day
             WHERE r.guild_id = ? ORDER BY r.topic_id",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("topic_id"), r.get("target")))
            .collect())
    }

    /// Days with a refresher from `from` on, and the topics they were on: `(topic-days,
    /// topics)`.
    pub async fn refresher_days(&self, guild: GuildId, from: NaiveDate) -> StoreResult<(i64, i64)> {
        let r = query(
            "SELECT COUNT(*) AS days, COUNT(DISTINCT topic_id) AS topics FROM refresher_days
             WHERE guild_id = ? AND day >= ?",
        )
        .bind(guild.to_db())
        .bind(from.to_string())
        .fetch_one(self.pool())
        .await?;
        Ok((r.get("days"), r.get("topics")))
    }

    /// Each topic's own team target (`None`: the configured default).
    pub async fn team_targets(&self, guild: GuildId) -> StoreResult<Vec<(String, Option<f64>)>> {
        let rows = query("SELECT id, team_target FROM topics WHERE guild_id = ?")
            .bind(guild.to_db())
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("id"), r.get("team_target")))
            .collect())
    }

    /// The roles the bot last saw each member hold, as `(member, role)`.
    pub async fn member_role_pairs(&self, guild: GuildId) -> StoreResult<Vec<(UserId, RoleId)>> {
        let rows = query("SELECT user_id, role_id FROM member_roles WHERE guild_id = ?")
            .bind(guild.to_db())
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .iter()
            .map(|r| {
                (
                    UserId::from_db(r.get("user_id")),
                    RoleId::from_db(r.get("role_id")),
                )
            })
            .collect())
    }

    /// Stores KPI values (a value for the same day, team and metric is replaced); one
    /// transaction, so a file is imported whole or not at all.
    pub async fn import_kpis(
        &self,
        guild: GuildId,
        values: &[KpiValue],
        by: UserId,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        super::guilds::ensure_guild(&mut tx, guild, now_ms).await?;
        for v in values {
            query(
                "INSERT INTO kpi_values (guild_id, metric, team, day, value, imported_by, imported_ms)
                 VALUES (?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (guild_id, metric, team, day) DO UPDATE SET value = excluded.value,
                   imported_by = excluded.imported_by, imported_ms = excluded.imported_ms",
            )
            .bind(guild.to_db())
            .bind(&v.metric)
            .bind(&v.team)
            .bind(v.day.to_string())
            .bind(v.value)
            .bind(by.to_db())
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        }
        Ok(tx.commit().await?)
    }

    /// The guild's KPI values, by metric, team and day.
    pub async fn kpi_values(&self, guild: GuildId) -> StoreResult<Vec<KpiValue>> {
        let rows = query(
            "SELECT metric, team, day, value FROM kpi_values WHERE guild_id = ? ORDER BY metric, team, day",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(KpiValue {
                    metric: r.get("metric"),
                    team: r.get("team"),
                    day: day_of(r.get("day"))?,
                    value: r.get("value"),
                })
            })
            .collect())
    }

    /// How many answers a guild has from each source (quiz, review, practice), and how many of
    /// them were right: `(source, answers, right)`, by source.
    pub async fn answers_by_source(&self, guild: GuildId) -> StoreResult<Vec<(String, i64, i64)>> {
        let rows = query(
            "SELECT source, COUNT(*) AS answers, CAST(COALESCE(SUM(correct), 0) AS BIGINT) AS correct
             FROM answers WHERE guild_id = ? GROUP BY source ORDER BY source",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("source"), r.get("answers"), r.get("correct")))
            .collect())
    }

    /// How many `/ask` questions a guild has in each state, by state ("followed" for one
    /// closed by following an open question).
    pub async fn asks_by_state(&self, guild: GuildId) -> StoreResult<Vec<(String, i64)>> {
        let rows = query(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM ask_followers f WHERE f.from_ask_id = asks.id)
                         THEN 'followed' ELSE state END AS state,
                    COUNT(*) AS asks
             FROM asks WHERE guild_id = ? GROUP BY 1 ORDER BY 1",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("state"), r.get("asks")))
            .collect())
    }
}

impl Store {
    /// Every server the bot keeps anything for.
    pub async fn guild_ids(&self) -> StoreResult<Vec<GuildId>> {
        let ids: Vec<i64> = query_scalar("SELECT id FROM guilds ORDER BY id")
            .fetch_all(self.pool())
            .await?;
        Ok(ids.into_iter().map(GuildId::from_db).collect())
    }

    /// The guild's daily figures as last computed: their day, when (ms), and the figures.
    pub async fn daily_figures(
        &self,
        guild: GuildId,
    ) -> StoreResult<Option<(NaiveDate, i64, String)>> {
        let row = query("SELECT day, computed_ms, figures FROM daily_figures WHERE guild_id = ?")
            .bind(guild.to_db())
            .fetch_optional(self.pool())
            .await?;
        Ok(row.and_then(|r| {
            let day = day_of(r.get("day"))?;
            Some((day, r.get("computed_ms"), r.get("figures")))
        }))
    }

    /// Keeps the guild's daily figures for `day`, replacing the ones before.
    pub async fn save_daily_figures(
        &self,
        guild: GuildId,
        day: NaiveDate,
        computed_ms: i64,
        figures: &str,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        super::guilds::ensure_guild(&mut tx, guild, computed_ms).await?;
        query(
            "INSERT INTO daily_figures (guild_id, day, computed_ms, figures) VALUES (?, ?, ?, ?)
             ON CONFLICT (guild_id) DO UPDATE SET day = excluded.day,
               computed_ms = excluded.computed_ms, figures = excluded.figures",
        )
        .bind(guild.to_db())
        .bind(day.to_string())
        .bind(computed_ms)
        .bind(figures)
        .execute(&mut *tx)
        .await?;
        Ok(tx.commit().await?)
    }
}
