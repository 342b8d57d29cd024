//! Knowledge that stays true: each accepted answer has an owner and a verification interval.
//!
//! The owner is the answer's author while they are a member the bot knows, else the experts of
//! its topic. The interval is the topic's own, else the server's (`/config verification`),
//! else `knowledge.verification_days` (default 90, as knowledge tools such as Guru use).
//! An answer is verified when it is accepted, and again each time an owner (or an admin) says
//! it is still correct or replaces its text. Once due, its owners get a reminder; while it is
//! due it is shown "not verified since …"; after a grace period it is no longer offered by
//! `/ask` as a solution (`/kb search` still finds it, marked).

use crate::domain::ids::UserId;
use crate::i18n::Lang;
use crate::t;

/// Shortest and longest verification interval, in days.
pub const INTERVAL_DAYS: (u32, u32) = (1, 3650);

const DAY_MS: i64 = 86_400_000;

/// Where an answer stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Verified within its interval.
    Verified,
    /// Past its interval: shown "not verified since …", still offered.
    Due,
    /// Past its interval and the grace period: no longer offered by `/ask`.
    Stale,
}

/// When an answer was last verified and how often it must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verification {
    /// Last verified (or accepted), Unix ms.
    pub verified_ms: i64,
    pub interval_days: u32,
}

impl Verification {
    /// When it falls due (Unix ms).
    pub fn due_ms(&self) -> i64 {
        self.verified_ms + i64::from(self.interval_days) * DAY_MS
    }

    pub fn standing(&self, now_ms: i64, grace_days: u32) -> Standing {
        let due = self.due_ms();
        if now_ms < due {
            Standing::Verified
        } else if now_ms < due + i64::from(grace_days) * DAY_MS {
            Standing::Due
        } else {
            Standing::Stale
        }
    }

    /// Whether the owners should be reminded now, given the last reminder (`None`: never):
    /// once per due period.
    pub fn remind_now(&self, now_ms: i64, reminded_ms: Option<i64>) -> bool {
        now_ms >= self.due_ms() && reminded_ms.is_none_or(|r| r < self.due_ms())
    }
}

/// Who owns an answer: its author while the bot knows them as a member, else the topic's
/// experts (none: nobody is reminded, and admins verify it with `/kb verify`).
pub fn owners(author: UserId, author_is_member: bool, topic_experts: &[UserId]) -> Vec<UserId> {
    if author_is_member {
        vec![author]
    } else {
        topic_experts.to_vec()
    }
}

/// The interval that applies: the topic's, else the server's, else the configured default.
pub fn interval_days(topic: Option<u32>, guild: Option<u32>, default: u32) -> u32 {
    topic.or(guild).unwrap_or(default)
}

/// Checks an interval an admin typed.
pub fn check_interval(days: i64, lang: Lang) -> Result<u32, String> {
    let (lo, hi) = INTERVAL_DAYS;
    match u32::try_from(days) {
        Ok(d) if (lo..=hi).contains(&d) => Ok(d),
        _ => Err(t!(lang, "verification-range", min = lo, max = hi)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_verified_then_due_then_stale() {
        let v = Verification {
            verified_ms: 0,
            interval_days: 90,
        };
        assert_eq!(v.standing(89 * DAY_MS, 14), Standing::Verified);
        assert_eq!(v.standing(90 * DAY_MS, 14), Standing::Due);
        assert_eq!(v.standing(103 * DAY_MS, 14), Standing::Due);
        assert_eq!(v.standing(104 * DAY_MS, 14), Standing::Stale);
        assert_eq!(v.standing(90 * DAY_MS, 0), Standing::Stale);
    }

    #[test]
    fn owners_are_reminded_once_per_due_period() {
        let v = Verification {
            verified_ms: 1000,
            interval_days: 1,
        };
        assert!(!v.remind_now(1000 + DAY_MS - 1, None));
        assert!(v.remind_now(1000 + DAY_MS, None));
        assert!(!v.remind_now(1000 + 2 * DAY_MS, Some(1000 + DAY_MS)));
        // A reminder from before the answer was last verified does not count.
        assert!(v.remind_now(1000 + DAY_MS, Some(500)));
    }

    #[test]
    fn the_author_owns_it_while_known_else_the_experts() {
        let experts = [UserId(2), UserId(3)];
        assert_eq!(owners(UserId(1), true, &experts), vec![UserId(1)]);
        assert_eq!(owners(UserId(1), false, &experts), experts.to_vec());
        assert_eq!(interval_days(Some(30), Some(60), 90), 30);
        assert_eq!(interval_days(None, Some(60), 90), 60);
        assert_eq!(interval_days(None, None, 90), 90);
        let en = Lang::En;
        assert!(check_interval(0, en).is_err() && check_interval(3651, en).is_err());
        assert_eq!(check_interval(365, en), Ok(365));
    }
}
