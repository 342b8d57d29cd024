//! The points ledger and the per-period board totals, teams and members' roles.
//!
//! [`credit`] is called inside the transaction of whatever earned the points (an answer, an
//! accepted answer), so the ledger, the totals and the event never disagree. Boards read only
//! the totals: one indexed range per board, however many answers there are. Triggers
//! (migration 0008) keep the guild's totals and each board's points histogram in step, so a
//! team line or a member's rank reads a few rows, however many members there are.

use super::error::StoreResult;
use super::recount::Recount;
use super::sql::{query, query_scalar};
use super::statements::Statements;
use super::Store;
use crate::domain::boards::Tally;
use crate::domain::boards::{
    AwardKind, BoardKeys, BoardScope, Credit, MemberTotal, TallyPair, TeamTotal,
};
use crate::domain::ids::{GuildId, RoleId, UserId};
use crate::domain::periods::Span;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// Writes the award into the ledger (when it has points) and adds it to the totals of every
/// period it falls in, for its topic and for all topics.
pub(crate) async fn credit(
    conn: &mut AnyConnection,
    c: &Credit<'_>,
    keys: &BoardKeys,
) -> StoreResult<()> {
    let mut statements = Statements::default();
    credit_statements(&mut statements, c, keys);
    statements.execute(conn).await
}

/// The statements of [`credit`], added to `s`.
/// Every value is bound by copy, so the statements can outlive the credit.
pub(super) fn credit_statements(s: &mut Statements<'_>, c: &Credit<'_>, keys: &BoardKeys) {
    if c.points == 0 && c.answer.is_none() {
        return;
    }
    if c.points != 0 {
        s.push(
            "INSERT INTO points_ledger (guild_id, user_id, kind, points, topic_id, answer_id, ask_id, at_ms, local_day)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(c.guild.to_db())
        .bind(c.user.to_db())
        .bind(c.kind.as_str())
        .bind(c.points)
        .bind(c.topic.map(str::to_owned))
        .bind(c.answer_id)
        .bind(c.ask_id)
        .bind(c.at_ms)
        .bind(c.day.to_string());
    }
    let answered = i64::from(c.answer.is_some());
    let correct = i64::from(c.answer == Some(true));
    // Every (period, topic) total in one statement: all topics together, and the topic.
    let topics: Vec<&str> = [Some(""), c.topic].into_iter().flatten().collect();
    let rows = keys.len() * topics.len();
    s.push(&format!(
        "INSERT INTO board_totals (guild_id, period, period_key, topic_id, user_id, points, answers, correct,
           pairs, pairs_first_right, pairs_latest_right)
         VALUES {}
         ON CONFLICT (guild_id, period, period_key, topic_id, user_id) DO UPDATE SET
           points = board_totals.points + excluded.points,
           answers = board_totals.answers + excluded.answers,
           correct = board_totals.correct + excluded.correct,
           pairs = board_totals.pairs + excluded.pairs,
           pairs_first_right = board_totals.pairs_first_right + excluded.pairs_first_right,
           pairs_latest_right = board_totals.pairs_latest_right + excluded.pairs_latest_right",
        vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; rows].join(", ")
    ));
    for ((period, key), gain) in keys.iter().zip(c.gain) {
        for topic in &topics {
            s.bind(c.guild.to_db())
                .bind(period.as_str())
                .bind(key.clone())
                .bind(topic.to_string())
                .bind(c.user.to_db())
                .bind(c.points)
                .bind(answered)
                .bind(correct)
                .bind(gain.pairs)
                .bind(gain.first_right)
                .bind(gain.latest_right);
        }
    }
}

/// A member's line on a board: `user_id, points, answers, correct` of `board_totals`.
fn member_total(r: &AnyRow) -> MemberTotal {
    MemberTotal {
        user: r.get::<i64, _>("user_id") as u64,
        points: r.get("points"),
        tally: Tally {
            answers: r.get("answers"),
            correct: r.get("correct"),
        },
    }
}

impl Store {
    /// The members with the most points (more than none), best first, ties by id.
    pub async fn top_members(
        &self,
        s: BoardScope<'_>,
        limit: u32,
    ) -> StoreResult<Vec<MemberTotal>> {
        let rows = query(
            "SELECT user_id, points, answers, correct FROM board_totals
             WHERE guild_id = ? AND period = ? AND period_key = ? AND topic_id = ? AND points > 0
             ORDER BY points DESC, user_id LIMIT ?",
        )
        .bind(s.guild.to_db())
        .bind(s.period.as_str())
        .bind(s.key)
        .bind(s.topic)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(member_total).collect())
    }

    /// A member's line and their rank (1 + members with more points), if they have points.
    pub async fn member_standing(
        &self,
        s: BoardScope<'_>,
        user: UserId,
    ) -> StoreResult<Option<(usize, MemberTotal)>> {
        let row = query(
            "SELECT user_id, points, answers, correct FROM board_totals
             WHERE guild_id = ? AND period = ? AND period_key = ? AND topic_id = ? AND user_id = ?",
        )
        .bind(s.guild.to_db())
        .bind(s.period.as_str())
        .bind(s.key)
        .bind(s.topic)
        .bind(user.to_db())
        .fetch_optional(self.pool())
        .await?;
        let Some(total) = row.as_ref().map(member_total).filter(|t| t.points > 0) else {
            return Ok(None);
        };
        let ahead: i64 = query_scalar(
            "SELECT CAST(COALESCE(SUM(members), 0) AS BIGINT) FROM board_points
             WHERE guild_id = ? AND period = ? AND period_key = ? AND topic_id = ? AND points > ?",
        )
        .bind(s.guild.to_db())
        .bind(s.period.as_str())
        .bind(s.key)
        .bind(s.topic)
        .bind(total.points)
        .fetch_one(self.pool())
        .await?;
        Ok(Some((usize::try_from(ahead).unwrap_or(0) + 1, total)))
    }

    /// Members with at least `min_answers` answers in both this period and `before_key`.
    pub async fn tally_pairs(
        &self,
        s: BoardScope<'_>,
        before_key: &str,
        min_answers: i64,
    ) -> StoreResult<Vec<TallyPair>> {
        let rows = query(
            "SELECT n.user_id, n.answers AS now_answers, n.correct AS now_correct,
                    b.answers AS before_answers, b.correct AS before_correct
             FROM board_totals n JOIN board_totals b
               ON b.guild_id = n.guild_id AND b.period = n.period AND b.period_key = ?
              AND b.topic_id = n.topic_id AND b.user_id = n.user_id
             WHERE n.guild_id = ? AND n.period = ? AND n.period_key = ? AND n.topic_id = ?
               AND n.answers >= ? AND b.answers >= ?",
        )
        .bind(before_key)
        .bind(s.guild.to_db())
        .bind(s.period.as_str())
        .bind(s.key)
        .bind(s.topic)
        .bind(min_answers)
        .bind(min_answers)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|r| TallyPair {
                user: r.get::<i64, _>("user_id") as u64,
                now: Tally {
                    answers: r.get("now_answers"),
                    correct: r.get("now_correct"),
                },
                before: Tally {
                    answers: r.get("before_answers"),
                    correct: r.get("before_correct"),
                },
            })
            .collect())
    }

    /// Each team with the members the bot has seen holding its role, and their points.
    pub async fn team_totals(&self, s: BoardScope<'_>) -> StoreResult<Vec<TeamTotal>> {
        let rows = query(
            "SELECT t.role_id, t.name, COUNT(mr.user_id) AS members,
                    CAST(COALESCE(SUM(b.points), 0) AS BIGINT) AS points
             FROM team_roles t
             LEFT JOIN member_roles mr ON mr.guild_id = t.guild_id AND mr.role_id = t.role_id
             LEFT JOIN board_totals b ON b.guild_id = t.guild_id AND b.user_id = mr.user_id
               AND b.period = ? AND b.period_key = ? AND b.topic_id = ?
             WHERE t.guild_id = ?
             GROUP BY t.role_id, t.name",
        )
        .bind(s.period.as_str())
        .bind(s.key)
        .bind(s.topic)
        .bind(s.guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|r| TeamTotal {
                role: RoleId::from_db(r.get("role_id")),
                name: r.get("name"),
                members: r.get("members"),
                points: r.get("points"),
            })
            .collect())
    }

    /// The guild's team roles as `(role id, name)`, by name.
    pub async fn team_roles(&self, guild: GuildId) -> StoreResult<Vec<(RoleId, String)>> {
        let rows =
            query("SELECT role_id, name FROM team_roles WHERE guild_id = ? ORDER BY name, role_id")
                .bind(guild.to_db())
                .fetch_all(self.pool())
                .await?;
        Ok(rows
            .iter()
            .map(|r| (RoleId::from_db(r.get("role_id")), r.get("name")))
            .collect())
    }

    /// Adds (or renames) a team role; `false` when it was already a team under that name.
    pub async fn add_team_role(
        &self,
        guild: GuildId,
        role: RoleId,
        name: &str,
        by: UserId,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        super::guilds::ensure_guild(&mut tx, guild, now_ms).await?;
        let changed = query(
            "INSERT INTO team_roles (guild_id, role_id, name, added_by, added_ms) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (guild_id, role_id) DO UPDATE SET name = excluded.name WHERE team_roles.name <> excluded.name",
        )
        .bind(guild.to_db())
        .bind(role.to_db())
        .bind(name)
        .bind(by.to_db())
        .bind(now_ms)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(changed > 0)
    }

    /// Removes a team role; `false` when it was not one.
    pub async fn remove_team_role(&self, guild: GuildId, role: RoleId) -> StoreResult<bool> {
        let done = query("DELETE FROM team_roles WHERE guild_id = ? AND role_id = ?")
            .bind(guild.to_db())
            .bind(role.to_db())
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// The guild's season length in weeks, if it set one.
    pub async fn season_weeks(&self, guild: GuildId) -> StoreResult<Option<u32>> {
        let weeks: Option<Option<i64>> =
            query_scalar("SELECT season_weeks FROM guilds WHERE id = ?")
                .bind(guild.to_db())
                .fetch_optional(self.pool())
                .await?;
        Ok(weeks.flatten().and_then(|w| u32::try_from(w).ok()))
    }

    /// Sets the season length and recounts `season` (the one that now contains today) from
    /// the ledger and the answers, so its board is right from the first day (one transaction).
    pub async fn set_season_weeks(
        &self,
        guild: GuildId,
        weeks: u32,
        season: &Span,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        super::guilds::ensure_guild(&mut tx, guild, now_ms).await?;
        query("UPDATE guilds SET season_weeks = ?, updated_ms = ? WHERE id = ?")
            .bind(i64::from(weeks))
            .bind(now_ms)
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        super::recount::recount(&mut tx, guild, weeks, Recount::Period(season)).await?;
        Ok(tx.commit().await?)
    }

    /// Answers and right answers in each of the given weeks (by key, all topics), for one
    /// member or (`None`) the whole guild. A member's weeks are read by key, a few rows.
    pub async fn weekly_tallies(
        &self,
        guild: GuildId,
        user: Option<UserId>,
        week_keys: &[&str],
    ) -> StoreResult<Vec<(String, Tally)>> {
        let keys = vec!["?"; week_keys.len()].join(", ");
        let sql = match user {
            Some(_) => format!(
                "SELECT period_key, answers, correct FROM board_totals
                 WHERE guild_id = ? AND period = 'week' AND period_key IN ({keys}) AND topic_id = ''
                   AND user_id = ?"
            ),
            None => format!(
                "SELECT period_key, answers, correct FROM guild_totals
                 WHERE guild_id = ? AND period = 'week' AND period_key IN ({keys}) AND topic_id = ''"
            ),
        };
        let mut q = query(&sql).bind(guild.to_db());
        for key in week_keys {
            q = q.bind(*key);
        }
        if let Some(user) = user {
            q = q.bind(user.to_db());
        }
        let rows = q.fetch_all(self.pool()).await?;
        Ok(rows
            .iter()
            .map(|r| {
                let tally = Tally {
                    answers: r.get("answers"),
                    correct: r.get("correct"),
                };
                (r.get("period_key"), tally)
            })
            .collect())
    }

    /// A member's answers and right answers, all time (their all-time board line).
    pub async fn answer_count(&self, guild: GuildId, user: UserId) -> StoreResult<Tally> {
        let row = query(
            "SELECT answers, correct FROM board_totals
             WHERE guild_id = ? AND period = 'all' AND period_key = 'all' AND topic_id = ''
               AND user_id = ?",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map_or(Tally::default(), |r| Tally {
            answers: r.get("answers"),
            correct: r.get("correct"),
        }))
    }

    /// A member's help to others: accepted answers still in the knowledge base, the points
    /// they earned for helping, and the questions they asked.
    pub async fn helping(&self, guild: GuildId, user: UserId) -> StoreResult<(i64, i64, i64)> {
        let r = query(
            "SELECT (SELECT COUNT(*) FROM kb_entries WHERE guild_id = ?1 AND author_id = ?2 AND removed_ms IS NULL) AS answers,
                    (SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM points_ledger WHERE guild_id = ?1 AND user_id = ?2 AND kind = ?3) AS points,
                    (SELECT COUNT(*) FROM asks WHERE guild_id = ?1 AND asker_id = ?2) AS asked",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(AwardKind::Helping.as_str())
        .fetch_one(self.pool())
        .await?;
        Ok((r.get("answers"), r.get("points"), r.get("asked")))
    }

    /// Whether a leaderboard schedule has posted the final standings of this period.
    pub async fn board_final_posted(&self, schedule_id: i64, span: &Span) -> StoreResult<bool> {
        let row: Option<i64> = query_scalar(
            "SELECT 1 FROM board_finals WHERE schedule_id = ? AND period = ? AND period_key = ?",
        )
        .bind(schedule_id)
        .bind(span.period.as_str())
        .bind(&span.key)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::periods::keys_for;
    use crate::domain::periods::Period;
    use crate::store::sql::query_as;
    use chrono::NaiveDate;
    use std::time::Duration;

    const GUILD: GuildId = GuildId(1);

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 18).unwrap()
    }

    /// An answer by `user` worth `points`, in `topic`.
    async fn award(store: &Store, user: u64, points: i64, correct: bool, topic: &str) {
        let mut tx = store.write_tx().await.unwrap();
        super::super::guilds::ensure_guild(&mut tx, GUILD, 0)
            .await
            .unwrap();
        let c = Credit {
            guild: GUILD,
            user: UserId(user),
            kind: AwardKind::Quiz,
            points,
            topic: Some(topic),
            answer: Some(correct),
            answer_id: None,
            ask_id: None,
            at_ms: 1,
            day: day(),
            gain: Default::default(),
        };
        credit(&mut tx, &c, &keys_for(day(), 12)).await.unwrap();
        tx.commit().await.unwrap();
    }

    /// One row of the guild's totals.
    #[derive(Debug, PartialEq, sqlx::FromRow)]
    struct TotalsRow {
        period: String,
        period_key: String,
        topic_id: String,
        points: i64,
        answers: i64,
        correct: i64,
        members: i64,
    }

    type Totals = Vec<TotalsRow>;

    /// The guild's totals as kept, and as summed from the members' rows.
    async fn guild_totals(store: &Store) -> (Totals, Totals) {
        let kept = query_as(
            "SELECT period, period_key, topic_id, points, answers, correct, members
             FROM guild_totals ORDER BY 1, 2, 3",
        )
        .fetch_all(store.pool())
        .await
        .unwrap();
        let summed = query_as(
            "SELECT period, period_key, topic_id, CAST(SUM(points) AS BIGINT) AS points, CAST(SUM(answers) AS BIGINT) AS answers,
                    CAST(SUM(correct) AS BIGINT) AS correct,
                    CAST(SUM(CASE WHEN answers > 0 THEN 1 ELSE 0 END) AS BIGINT) AS members
             FROM board_totals GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
        )
        .fetch_all(store.pool())
        .await
        .unwrap();
        (kept, summed)
    }

    async fn rank(store: &Store, user: u64, topic: &str) -> Option<usize> {
        let scope = BoardScope {
            guild: GUILD,
            period: Period::Week,
            key: &keys_for(day(), 12)[0].1,
            topic,
        };
        let standing = store.member_standing(scope, UserId(user)).await.unwrap();
        standing.map(|(rank, _)| rank)
    }

    #[tokio::test]
    async fn the_guilds_totals_and_ranks_follow_every_change_to_the_members_totals() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db"), Duration::from_secs(5))
            .await
            .unwrap();
        // 1: 30 points; 2: 20; 3: 20 then 40 (moves up past 1); 4: a wrong answer, no points.
        award(&store, 1, 10, true, "security").await;
        award(&store, 1, 20, true, "privacy").await;
        award(&store, 2, 20, true, "security").await;
        award(&store, 3, 20, true, "security").await;
        award(&store, 4, 0, false, "security").await;
        assert_eq!(rank(&store, 1, "").await, Some(1));
        assert_eq!(
            (rank(&store, 2, "").await, rank(&store, 3, "").await),
            (Some(2), Some(2))
        );
        award(&store, 3, 20, true, "privacy").await;
        assert_eq!(rank(&store, 3, "").await, Some(1));
        assert_eq!(rank(&store, 1, "").await, Some(2));
        assert_eq!(rank(&store, 2, "").await, Some(3));
        assert_eq!(rank(&store, 2, "security").await, Some(1), "tied with 3");
        assert_eq!(rank(&store, 4, "").await, None, "no points, no rank");
        let (kept, summed) = guild_totals(&store).await;
        assert_eq!(kept, summed);
        let week = kept
            .iter()
            .find(|t| t.period == "week" && t.topic_id.is_empty())
            .unwrap();
        assert_eq!(
            (week.points, week.answers, week.correct, week.members),
            (90, 6, 5, 4)
        );
        let tallies = store
            .weekly_tallies(GUILD, None, &[week.period_key.as_str()])
            .await
            .unwrap();
        assert_eq!(
            tallies,
            [(
                week.period_key.clone(),
                Tally {
                    answers: 6,
                    correct: 5
                }
            )]
        );

        // Recounting the season changes nothing, and counts nobody twice.
        let season = Span::containing(Period::Season, day(), 12);
        store.set_season_weeks(GUILD, 12, &season, 2).await.unwrap();
        let (after, summed) = guild_totals(&store).await;
        let points_only = |t: &Totals| -> Vec<(String, i64)> {
            t.iter()
                .filter(|r| r.period == "season")
                .map(|r| (r.topic_id.clone(), r.points))
                .collect()
        };
        assert_eq!(after, summed, "the triggers counted the recount");
        assert_eq!(points_only(&after), points_only(&kept));

        // A forgotten member leaves the boards, but their answers stay in the guild's figures.
        store.forget_member(GUILD, UserId(3), 3).await.unwrap();
        assert_eq!(rank(&store, 1, "").await, Some(1));
        assert_eq!(rank(&store, 2, "").await, Some(2));
        assert_eq!(guild_totals(&store).await.0, after);
    }
}
