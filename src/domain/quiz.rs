//! Quiz rules: scoring an answer, the daily streak, and the figures shown on a quiz post.

use chrono::NaiveDate;

/// A member's running totals before an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub points: i64,
    pub streak_days: i64,
    pub best_streak: i64,
    /// The last local day with an answer.
    pub last_day: Option<NaiveDate>,
}

/// What one answer changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    pub points_awarded: i64,
    pub progress: Progress,
    /// True when this answer extended the streak to a new day.
    pub streak_extended: bool,
}

/// Scores an answer given on local day `today`: `points_correct` for a right answer, nothing
/// for a wrong one. Any answer (right or wrong) keeps the daily streak going: showing up is
/// what the streak rewards. A missed day starts it again at 1.
pub fn score(before: Progress, correct: bool, today: NaiveDate, points_correct: i64) -> Scored {
    let points_awarded = if correct { points_correct } else { 0 };
    let (streak_days, extended) = match before.last_day {
        Some(last) if last == today => (before.streak_days.max(1), false),
        Some(last) if last.succ_opt() == Some(today) => (before.streak_days + 1, true),
        // A day in the past (clock skew between answers) never breaks a streak.
        Some(last) if last > today => (before.streak_days.max(1), false),
        _ => (1, true),
    };
    Scored {
        points_awarded,
        streak_extended: extended,
        progress: Progress {
            points: before.points + points_awarded,
            streak_days,
            best_streak: before.best_streak.max(streak_days),
            last_day: Some(before.last_day.map_or(today, |d| d.max(today))),
        },
    }
}

/// Percent of right answers, rounded; `None` when nobody answered.
pub fn percent_correct(right: i64, total: i64) -> Option<i64> {
    (total > 0).then(|| (right * 100 + total / 2) / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn right_answers_earn_points_and_any_answer_keeps_the_streak() {
        let first = score(Progress::default(), true, day(2), 10);
        assert_eq!(first.points_awarded, 10);
        assert_eq!(first.progress.streak_days, 1);
        assert!(first.streak_extended);
        let same_day = score(first.progress, false, day(2), 10);
        assert_eq!(same_day.points_awarded, 0);
        assert_eq!(same_day.progress.points, 10);
        assert_eq!(same_day.progress.streak_days, 1);
        assert!(!same_day.streak_extended);
        let next_day = score(same_day.progress, false, day(3), 10);
        assert_eq!(next_day.progress.streak_days, 2);
        assert_eq!(next_day.progress.best_streak, 2);
    }

    #[test]
    fn a_missed_day_restarts_the_streak_but_keeps_the_best() {
        let mut p = Progress::default();
        for d in 1..=3 {
            p = score(p, true, day(d), 10).progress;
        }
        assert_eq!(p.streak_days, 3);
        let after_gap = score(p, true, day(5), 10).progress;
        assert_eq!(after_gap.streak_days, 1);
        assert_eq!(after_gap.best_streak, 3);
        assert_eq!(after_gap.points, 40);
        let late = score(after_gap, true, day(4), 10).progress;
        assert_eq!(late.streak_days, 1);
        assert_eq!(late.last_day, Some(day(5)));
    }

    #[test]
    fn percent_correct_rounds() {
        assert_eq!(percent_correct(0, 0), None);
        assert_eq!(percent_correct(1, 3), Some(33));
        assert_eq!(percent_correct(2, 3), Some(67));
        assert_eq!(percent_correct(3, 3), Some(100));
    }
}
