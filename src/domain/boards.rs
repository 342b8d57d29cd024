//! Leaderboard rules: ranking with ties, teams ranked fairly whatever their size, and the
//! "most improved" board that lets people other than the usual winners shine. Also the
//! records of points: why they were awarded, the credit an answer or a helper earns, and the
//! board lines the store reads.

use crate::domain::analytics::GainStep;
use crate::domain::ids::{GuildId, RoleId, UserId};
use crate::domain::periods::Period;
use crate::domain::quiz::AnswerSource;
use chrono::NaiveDate;

/// A member's or team's figures in one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    /// A user id, or a role id for teams.
    pub id: u64,
    pub score: f64,
    /// What the line shows beside the score (e.g. "8 members").
    pub detail: String,
}

/// A standing with its rank: equal scores share a rank and the next rank skips ("1, 1, 3").
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub rank: usize,
    pub standing: Standing,
}

/// Ranks standings by score, highest first; ties are listed by id, so the order is stable.
pub fn rank(mut standings: Vec<Standing>) -> Vec<Ranked> {
    standings.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    let mut out: Vec<Ranked> = Vec::with_capacity(standings.len());
    for (i, s) in standings.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.standing.score == s.score => prev.rank,
            _ => i + 1,
        };
        out.push(Ranked { rank, standing: s });
    }
    out
}

/// Answers and right answers in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub answers: i64,
    pub correct: i64,
}

impl Tally {
    pub fn accuracy(self) -> Option<f64> {
        (self.answers > 0).then(|| self.correct as f64 / self.answers as f64)
    }
}

/// How much a member's accuracy rose from the previous period to this one, in percentage
/// points, when both periods have at least `min_answers` answers and it rose at all.
pub fn improvement(now: Tally, before: Tally, min_answers: i64) -> Option<f64> {
    if now.answers < min_answers.max(1) || before.answers < min_answers.max(1) {
        return None;
    }
    let gain = (now.accuracy()? - before.accuracy()?) * 100.0;
    (gain > 0.0).then_some(gain)
}

/// A team's score: points per member, so a small team can beat a large one. Members are the
/// team role's holders the bot has seen, active or not, so inactivity counts against it.
pub fn team_score(points: i64, members: i64) -> f64 {
    if members <= 0 {
        return 0.0;
    }
    points as f64 / members as f64
}

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
    /// For an answer, its knowledge-gain step in each of the board periods, in their order.
    pub gain: [GainStep; 4],
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
    pub role: RoleId,
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

    /// The award for an answer from this source.
    pub fn of_answer_source(source: AnswerSource) -> AwardKind {
        match source {
            AnswerSource::Channel => AwardKind::Quiz,
            AnswerSource::Review => AwardKind::Review,
            AnswerSource::Practice => AwardKind::Practice,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: u64, score: f64) -> Standing {
        Standing {
            id,
            score,
            detail: String::new(),
        }
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let ranked = rank(vec![
            s(5, 10.0),
            s(3, 30.0),
            s(4, 10.0),
            s(1, 10.0),
            s(2, 5.0),
        ]);
        let got: Vec<(usize, u64)> = ranked.iter().map(|r| (r.rank, r.standing.id)).collect();
        assert_eq!(got, vec![(1, 3), (2, 1), (2, 4), (2, 5), (5, 2)]);
    }

    #[test]
    fn improvement_needs_enough_answers_in_both_periods_and_a_rise() {
        let t = |answers, correct| Tally { answers, correct };
        assert_eq!(
            improvement(t(10, 9), t(10, 5), 5).map(f64::round),
            Some(40.0)
        );
        assert_eq!(improvement(t(4, 4), t(10, 5), 5), None);
        assert_eq!(improvement(t(10, 9), t(4, 0), 5), None);
        assert_eq!(improvement(t(10, 5), t(10, 9), 5), None);
        assert_eq!(improvement(t(10, 5), t(10, 5), 5), None);
    }

    #[test]
    fn teams_score_per_member() {
        assert_eq!(team_score(300, 3), 100.0);
        assert_eq!(team_score(500, 10), 50.0);
        assert_eq!(team_score(10, 0), 0.0);
    }
}
