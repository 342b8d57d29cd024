//! Quiz rules: scoring an answer, the daily streak, and the figures shown on a quiz post.
//! Also the records of answering: a quiz post, an answer to record and what recording it did,
//! and a member's review preferences.

use crate::domain::content::QuestionVersion;
use crate::domain::ids::{ChannelId, GuildId, MessageId, PostId, UserId, VersionId};
use crate::i18n::Lang;
use chrono::NaiveDate;

/// Where an answer was given; it decides the points and is stored with the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnswerSource {
    /// A quiz posted in a channel.
    Channel,
    /// A `/quiz` practice question.
    Practice,
    /// A question of a review session (spaced repetition brought it back).
    Review,
}

impl AnswerSource {
    pub const ALL: [AnswerSource; 3] = [
        AnswerSource::Channel,
        AnswerSource::Practice,
        AnswerSource::Review,
    ];

    /// As stored in `answers.source`.
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerSource::Channel => "channel",
            AnswerSource::Practice => "practice",
            AnswerSource::Review => "review",
        }
    }

    /// The source stored as `s`; `None` for a value this version does not know.
    pub fn parse(s: &str) -> Option<AnswerSource> {
        AnswerSource::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether an answer's time from here measures recall: a personal question is timed from
    /// the moment the bot showed it to the member; a channel post from the post, which a member
    /// may see hours later.
    pub fn times_recall(self) -> bool {
        !matches!(self, AnswerSource::Channel)
    }
}

/// How a member gets their review reminders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewDelivery {
    /// A mention in the review schedule's channel.
    #[default]
    Channel,
    /// A direct message.
    Dm,
}

impl ReviewDelivery {
    /// As stored in `member_prefs.delivery`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewDelivery::Channel => "channel",
            ReviewDelivery::Dm => "dm",
        }
    }

    /// The delivery stored as `s`; `None` for a value this version does not know.
    pub fn parse(s: &str) -> Option<ReviewDelivery> {
        [ReviewDelivery::Channel, ReviewDelivery::Dm]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// A member's running totals before an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub points: i64,
    pub streak_days: i64,
    pub best_streak: i64,
    /// The last local day with an answer.
    pub last_day: Option<NaiveDate>,
}

/// What an answer earns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointRules {
    /// For a right answer.
    pub correct: i64,
    /// Extra points when the streak reaches a multiple of `bonus_every_days` (0 = never).
    pub streak_bonus: i64,
    pub bonus_every_days: i64,
}

/// What one answer changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    /// For the answer itself.
    pub points_awarded: i64,
    /// For the streak it extended (0 when it earned none).
    pub streak_bonus: i64,
    pub progress: Progress,
    /// True when this answer extended the streak to a new day.
    pub streak_extended: bool,
}

/// Scores an answer given on local day `today` that earned `credit` (a share in [0, 1], see
/// [`crate::domain::answer_key`]): that share of `rules.correct`, rounded. Any answer (right or wrong) keeps the daily streak going: showing up is
/// what the streak rewards. A missed day starts it again at 1. The first answer of the day
/// that brings the streak to a multiple of `rules.bonus_every_days` earns the streak bonus.
pub fn score(before: Progress, credit: f64, today: NaiveDate, rules: &PointRules) -> Scored {
    let points_awarded = (rules.correct as f64 * credit.clamp(0.0, 1.0)).round() as i64;
    let (streak_days, extended) = match before.last_day {
        Some(last) if last == today => (before.streak_days.max(1), false),
        Some(last) if last.succ_opt() == Some(today) => (before.streak_days + 1, true),
        // A day in the past (clock skew between answers) never breaks a streak.
        Some(last) if last > today => (before.streak_days.max(1), false),
        _ => (1, true),
    };
    let streak_bonus =
        if extended && rules.bonus_every_days > 0 && streak_days % rules.bonus_every_days == 0 {
            rules.streak_bonus
        } else {
            0
        };
    Scored {
        points_awarded,
        streak_bonus,
        streak_extended: extended,
        progress: Progress {
            points: before.points + points_awarded + streak_bonus,
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

/// An answer to record.
#[derive(Debug, Clone)]
pub struct NewAnswer {
    pub guild: GuildId,
    pub user: UserId,
    pub version_id: VersionId,
    pub question_id: String,
    /// The quiz post, for a channel quiz.
    pub quiz_post_id: Option<PostId>,
    /// When a practice or review question was shown.
    pub shown_ms: Option<i64>,
    pub source: AnswerSource,
    /// The response as stored (see [`crate::domain::answer_key::Response::stored`]): the
    /// choice, set of choices or accepted answer matched, and the text typed.
    pub choice: i64,
    pub response: Option<String>,
    /// Its share of the points, in [0, 1].
    pub credit: f64,
    /// Right for memory: full credit.
    pub correct: bool,
    /// Answer time. For a personal question (practice, review) it runs from the moment the
    /// bot showed it to the member to the answer: how long they needed to recall, the signal
    /// the answer-time model reads (see [`crate::domain::recall_eval`]). For a channel post it
    /// runs from the post, which a member may see hours later: kept for the post's figures,
    /// never read as a recall signal (the review log exports it as unknown).
    pub latency_ms: i64,
    pub answered_ms: i64,
    pub local_day: NaiveDate,
    /// The question's topic.
    pub topic_id: String,
    /// The guild's season length, which with `local_day` gives the board periods the answer
    /// counts in.
    pub season_weeks: u32,
    /// The share of a topic's questions whose latest answer must be right for competency.
    pub competency_share: f64,
    /// Set when the question is a knowledge check (see [`crate::domain::measurement`]).
    pub check: Option<CheckFacts>,
}

impl NewAnswer {
    /// The answer's time where it measures recall (see [`AnswerSource::times_recall`]).
    pub fn recall_time_ms(&self) -> Option<i64> {
        self.source.times_recall().then_some(self.latency_ms)
    }
}

/// What is stored with a knowledge check besides the answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckFacts {
    /// The model's predicted recall for the member and question just before the answer.
    pub predicted: f64,
    /// Whether the member had never answered the question.
    pub first: bool,
}

/// What recording an answer did.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerResult {
    Recorded(Scored),
    /// This member had already answered; their first response, as stored.
    AlreadyAnswered {
        choice: i64,
        response: Option<String>,
    },
}

/// A quiz post with its question.
#[derive(Debug, Clone)]
pub struct QuizPost {
    pub id: PostId,
    pub guild: GuildId,
    pub channel_id: ChannelId,
    pub message_id: Option<MessageId>,
    pub closes_ms: i64,
    pub answer_count: i64,
    pub correct_count: i64,
    pub shown_count: i64,
    pub revealed: bool,
    /// When the message was delivered.
    pub posted_ms: Option<i64>,
    pub version: QuestionVersion,
}

/// A member's review preferences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewPrefs {
    pub on: bool,
    pub delivery: ReviewDelivery,
    /// Paused up to and including this guild-local day (YYYY-MM-DD).
    pub paused_until: Option<String>,
}

/// A member with reviews due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueMember {
    pub user: UserId,
    pub due: i64,
    pub by_dm: bool,
    /// Their Discord language as last seen, for a DM (`None`: the server's).
    pub locale: Option<Lang>,
}

impl Default for ReviewPrefs {
    fn default() -> Self {
        ReviewPrefs {
            on: true,
            delivery: ReviewDelivery::Channel,
            paused_until: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    const TEN: PointRules = PointRules {
        correct: 10,
        streak_bonus: 0,
        bonus_every_days: 0,
    };

    fn score(before: Progress, correct: bool, today: NaiveDate, _points: i64) -> Scored {
        super::score(before, f64::from(u8::from(correct)), today, &TEN)
    }

    #[test]
    fn every_seventh_day_in_a_row_earns_the_streak_bonus_once() {
        let rules = PointRules {
            correct: 10,
            streak_bonus: 20,
            bonus_every_days: 7,
        };
        let mut p = Progress::default();
        let mut bonuses = vec![];
        for d in 1..=15 {
            let s = super::score(p, f64::from(u8::from(d % 2 == 0)), day(d), &rules);
            bonuses.push(s.streak_bonus);
            p = super::score(s.progress, 1.0, day(d), &rules).progress; // same day: no bonus
        }
        let days_with_bonus: Vec<u32> = (1..=15).filter(|d| bonuses[*d as usize - 1] > 0).collect();
        assert_eq!(days_with_bonus, vec![7, 14]);
        assert_eq!(p.points, 15 * 10 + 7 * 10 + 2 * 20);
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
    fn partial_credit_earns_its_share_of_the_points() {
        let half = super::score(Progress::default(), 0.5, day(2), &TEN);
        assert_eq!((half.points_awarded, half.progress.points), (5, 5));
        let third = super::score(Progress::default(), 1.0 / 3.0, day(2), &TEN);
        assert_eq!(third.points_awarded, 3);
        let none = super::score(Progress::default(), 0.0, day(2), &TEN);
        assert_eq!(none.points_awarded, 0);
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
