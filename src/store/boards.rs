//! The points ledger and the per-period board totals, teams and members' roles.
//!
//! [`credit`] is called inside the transaction of whatever earned the points (an answer, an
//! accepted answer), so the ledger, the totals and the event never disagree. Boards read only
//! the totals: one indexed range per board, however many answers there are.

use super::statements::Statements;
use super::Store;
use crate::domain::boards::Tally;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::periods::{Period, Span};
use chrono::NaiveDate;
use sqlx::SqliteConnection;

/// The week, month, season and all-time keys an award counts in (see
/// [`crate::domain::periods::keys_for`]).
pub type BoardKeys = [(Period, String); 4];

/// Why points were awarded (the ledger's `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwardKind {
    Quiz,
    Review,
    Practice,
    Helping,
    Asking,
    StreakBonus,
}

impl AwardKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AwardKind::Quiz => "quiz",
            AwardKind::Review => "review",
            AwardKind::Practice => "practice",
            AwardKind::Helping => "helping",
            AwardKind::Asking => "asking",
            AwardKind::StreakBonus => "streak_bonus",
        }
    }

    /// The award for an answer from this source ("channel", "review", "practice").
    pub fn of_answer_source(source: &str) -> AwardKind {
        match source {
            "review" => AwardKind::Review,
            "practice" => AwardKind::Practice,
            _ => AwardKind::Quiz,
        }
    }
}

/// Points (possibly none) and, for an answer, whether it was right.
#[derive(Debug, Clone)]
pub struct Credit<'a> {
    pub guild: GuildId,
    pub user: UserId,
    pub kind: AwardKind,
    pub points: i64,
    /// The topic it was about, if one.
    pub topic: Option<&'a str>,
    /// `Some(correct)` when this is an answer (counted in the accuracy figures).
    pub answer: Option<bool>,
    pub answer_id: Option<i64>,
    pub ask_id: Option<i64>,
    pub at_ms: i64,
    pub day: NaiveDate,
}

/// Writes the award into the ledger (when it has points) and adds it to the totals of every
/// period it falls in, for its topic and for all topics.
pub(crate) async fn credit(
    conn: &mut SqliteConnection,
    c: &Credit<'_>,
    keys: &BoardKeys,
) -> sqlx::Result<()> {
    let mut statements = Statements::default();
    credit_statements(&mut statements, c, keys);
    statements.execute(conn).await
}

/// The statements of [`credit`], added to `s`.
pub(super) fn credit_statements<'q>(s: &mut Statements<'q>, c: &Credit<'q>, keys: &'q BoardKeys) {
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
        .bind(c.topic)
        .bind(c.answer_id)
        .bind(c.ask_id)
        .bind(c.at_ms)
        .bind(c.day.to_string());
    }
    let answered = i64::from(c.answer.is_some());
    let correct = i64::from(c.answer == Some(true));
    // Every (period, topic) total in one statement: all topics together, and the topic.
    let topics: Vec<&'q str> = [Some(""), c.topic].into_iter().flatten().collect();
    let rows = keys.len() * topics.len();
    s.push(&format!(
        "INSERT INTO board_totals (guild_id, period, period_key, topic_id, user_id, points, answers, correct)
         VALUES {}
         ON CONFLICT (guild_id, period, period_key, topic_id, user_id) DO UPDATE SET
           points = points + excluded.points, answers = answers + excluded.answers,
           correct = correct + excluded.correct",
        vec!["(?, ?, ?, ?, ?, ?, ?, ?)"; rows].join(", ")
    ));
    for (period, key) in keys {
        for topic in &topics {
            s.bind(c.guild.to_db())
                .bind(period.as_str())
                .bind(key.as_str())
                .bind(*topic)
                .bind(c.user.to_db())
                .bind(c.points)
                .bind(answered)
                .bind(correct);
        }
    }
}

/// One member's line in a period: points, answers and right answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberTotal {
    pub user: u64,
    pub points: i64,
    pub tally: Tally,
}

/// A team's line: its role, name, members seen and their points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamTotal {
    pub role: u64,
    pub name: String,
    pub members: i64,
    pub points: i64,
}

/// A member's tallies in two periods (for the most improved board).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TallyPair {
    pub user: u64,
    pub now: Tally,
    pub before: Tally,
}

/// Which totals a board reads.
#[derive(Debug, Clone, Copy)]
pub struct BoardScope<'a> {
    pub guild: GuildId,
    pub period: Period,
    pub key: &'a str,
    /// `""` = all topics.
    pub topic: &'a str,
}

fn member_total(r: (i64, i64, i64, i64)) -> MemberTotal {
    MemberTotal {
        user: r.0 as u64,
        points: r.1,
        tally: Tally {
            answers: r.2,
            correct: r.3,
        },
    }
}

impl Store {
    /// The members with the most points (more than none), best first, ties by id.
    pub async fn top_members(
        &self,
        s: BoardScope<'_>,
        limit: u32,
    ) -> sqlx::Result<Vec<MemberTotal>> {
        let rows: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
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
        Ok(rows.into_iter().map(member_total).collect())
    }

    /// A member's line and their rank (1 + members with more points), if they have points.
    pub async fn member_standing(
        &self,
        s: BoardScope<'_>,
        user: UserId,
    ) -> sqlx::Result<Option<(usize, MemberTotal)>> {
        let row: Option<(i64, i64, i64, i64)> = sqlx::query_as(
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
        let Some(total) = row.map(member_total).filter(|t| t.points > 0) else {
            return Ok(None);
        };
        let (ahead,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM board_totals
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
    ) -> sqlx::Result<Vec<TallyPair>> {
        let rows: Vec<(i64, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT n.user_id, n.answers, n.correct, b.answers, b.correct
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
            .into_iter()
            .map(|(user, na, nc, ba, bc)| TallyPair {
                user: user as u64,
                now: Tally {
                    answers: na,
                    correct: nc,
                },
                before: Tally {
                    answers: ba,
                    correct: bc,
                },
            })
            .collect())
    }

    /// Each team with the members the bot has seen holding its role, and their points.
    pub async fn team_totals(&self, s: BoardScope<'_>) -> sqlx::Result<Vec<TeamTotal>> {
        let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT t.role_id, t.name, COUNT(mr.user_id), COALESCE(SUM(b.points), 0)
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
            .into_iter()
            .map(|(role, name, members, points)| TeamTotal {
                role: role as u64,
                name,
                members,
                points,
            })
            .collect())
    }

    /// The guild's team roles as `(role id, name)`, by name.
    pub async fn team_roles(&self, guild: GuildId) -> sqlx::Result<Vec<(u64, String)>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT role_id, name FROM team_roles WHERE guild_id = ? ORDER BY name, role_id",
        )
        .bind(guild.to_db())
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(|(r, n)| (r as u64, n)).collect())
    }

    /// Adds (or renames) a team role; `false` when it was already a team under that name.
    pub async fn add_team_role(
        &self,
        guild: GuildId,
        role: u64,
        name: &str,
        by: UserId,
        now_ms: i64,
    ) -> sqlx::Result<bool> {
        let mut tx = self.write_tx().await?;
        super::content::ensure_guild(&mut tx, guild, now_ms).await?;
        let changed = sqlx::query(
            "INSERT INTO team_roles (guild_id, role_id, name, added_by, added_ms) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (guild_id, role_id) DO UPDATE SET name = excluded.name WHERE name <> excluded.name",
        )
        .bind(guild.to_db())
        .bind(role as i64)
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
    pub async fn remove_team_role(&self, guild: GuildId, role: u64) -> sqlx::Result<bool> {
        let done = sqlx::query("DELETE FROM team_roles WHERE guild_id = ? AND role_id = ?")
            .bind(guild.to_db())
            .bind(role as i64)
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// The guild's season length in weeks, if it set one.
    pub async fn season_weeks(&self, guild: GuildId) -> sqlx::Result<Option<u32>> {
        let row: Option<(Option<i64>,)> =
            sqlx::query_as("SELECT season_weeks FROM guilds WHERE id = ?")
                .bind(guild.to_db())
                .fetch_optional(self.pool())
                .await?;
        Ok(row.and_then(|(w,)| w).and_then(|w| u32::try_from(w).ok()))
    }

    /// Sets the season length and recounts the season that now contains `today` from the
    /// ledger and the answers, so its board is right from the first day (one transaction).
    pub async fn set_season_weeks(
        &self,
        guild: GuildId,
        weeks: u32,
        season: &Span,
        now_ms: i64,
    ) -> sqlx::Result<()> {
        let mut tx = self.write_tx().await?;
        super::content::ensure_guild(&mut tx, guild, now_ms).await?;
        sqlx::query("UPDATE guilds SET season_weeks = ?, updated_ms = ? WHERE id = ?")
            .bind(i64::from(weeks))
            .bind(now_ms)
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "DELETE FROM board_totals WHERE guild_id = ? AND period = 'season' AND period_key = ?",
        )
        .bind(guild.to_db())
        .bind(&season.key)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO board_totals (guild_id, period, period_key, topic_id, user_id, points, answers, correct)
             WITH events (user_id, topic_id, points, answered, correct) AS (
                 SELECT user_id, topic_id, points, 0, 0 FROM points_ledger
                 WHERE guild_id = ?1 AND local_day >= ?2 AND local_day < ?3
                 UNION ALL
                 SELECT a.user_id, v.topic_id, 0, 1, a.correct
                 FROM answers a JOIN question_versions v ON v.id = a.version_id
                 WHERE a.guild_id = ?1 AND a.local_day >= ?2 AND a.local_day < ?3
             ),
             keyed (user_id, topic_id, points, answered, correct) AS (
                 SELECT user_id, '', points, answered, correct FROM events
                 UNION ALL
                 SELECT user_id, topic_id, points, answered, correct FROM events WHERE topic_id IS NOT NULL
             )
             SELECT ?1, 'season', ?4, topic_id, user_id, SUM(points), SUM(answered), SUM(correct)
             FROM keyed GROUP BY topic_id, user_id",
        )
        .bind(guild.to_db())
        .bind(season.start.to_string())
        .bind(season.end.to_string())
        .bind(&season.key)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// Answers and right answers in each of the given weeks (by key, all topics), for one
    /// member or (`None`) the whole guild. A member's weeks are read by key, a few rows.
    pub async fn weekly_tallies(
        &self,
        guild: GuildId,
        user: Option<UserId>,
        week_keys: &[&str],
    ) -> sqlx::Result<Vec<(String, Tally)>> {
        let keys = vec!["?"; week_keys.len()].join(", ");
        let sql = match user {
            Some(_) => format!(
                "SELECT period_key, answers, correct FROM board_totals
                 WHERE guild_id = ? AND period = 'week' AND period_key IN ({keys}) AND topic_id = ''
                   AND user_id = ?"
            ),
            None => format!(
                "SELECT period_key, SUM(answers), SUM(correct) FROM board_totals
                 WHERE guild_id = ? AND period = 'week' AND period_key IN ({keys}) AND topic_id = ''
                 GROUP BY period_key"
            ),
        };
        let mut q = sqlx::query_as(&sql).bind(guild.to_db());
        for key in week_keys {
            q = q.bind(*key);
        }
        if let Some(user) = user {
            q = q.bind(user.to_db());
        }
        let rows: Vec<(String, i64, i64)> = q.fetch_all(self.pool()).await?;
        Ok(rows
            .into_iter()
            .map(|(key, answers, correct)| (key, Tally { answers, correct }))
            .collect())
    }

    /// A member's answers and right answers, all time.
    pub async fn answer_count(&self, guild: GuildId, user: UserId) -> sqlx::Result<Tally> {
        let (answers, correct): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), SUM(correct) FROM answers WHERE guild_id = ? AND user_id = ?",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .fetch_one(self.pool())
        .await?;
        Ok(Tally {
            answers,
            correct: correct.unwrap_or(0),
        })
    }

    /// A member's help to others: accepted answers still in the knowledge base, the points
    /// they earned for helping, and the questions they asked.
    pub async fn helping(&self, guild: GuildId, user: UserId) -> sqlx::Result<(i64, i64, i64)> {
        sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM kb_entries WHERE guild_id = ?1 AND author_id = ?2 AND removed_ms IS NULL),
                    (SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE guild_id = ?1 AND user_id = ?2 AND kind = 'helping'),
                    (SELECT COUNT(*) FROM asks WHERE guild_id = ?1 AND asker_id = ?2)",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .fetch_one(self.pool())
        .await
    }

    /// Whether a leaderboard schedule has posted the final standings of this period.
    pub async fn board_final_posted(&self, schedule_id: i64, span: &Span) -> sqlx::Result<bool> {
        let row: Option<i64> = sqlx::query_scalar(
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
