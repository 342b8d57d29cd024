//! Peers paired across a gap: a `pairing` schedule run pairs, per topic, a member whose
//! predicted recall there is falling below the topic's team target (the **learner**) with a
//! member who knows it well (the **mentor**: an enrolled expert or an inferred one, see
//! `domain::expertise`), and suggests a short chat to both by direct message.
//!
//! Rules, all enforced by [`pair`]:
//! - only members who opted in (`/pairing on`), and nobody away or with reviews paused;
//! - a learner has seen at least [`MIN_SEEN`] of the topic's questions, and their mean
//!   predicted recall of those is below the target;
//! - at most one pairing per person per [`WEEK_DAYS`] days (counting this run's);
//! - never the same two people as in either one's previous pairing;
//! - the learners who have forgotten most are paired first, each with the most expert mentor
//!   still free.

use crate::domain::ids::UserId;

/// Fewest questions of a topic a learner must have seen.
pub const MIN_SEEN: usize = 2;
/// A person is paired at most once in this many days.
pub const WEEK_DAYS: i64 = 7;

/// A member who could learn from a chat on a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct Learner {
    pub user: UserId,
    pub topic: String,
    /// Their mean predicted recall of the topic's questions they have seen.
    pub recall: f64,
    pub seen: usize,
    /// The topic's team target.
    pub target: f64,
}

/// A member who knows a topic well.
#[derive(Debug, Clone, PartialEq)]
pub struct Mentor {
    pub user: UserId,
    pub topic: String,
    pub score: f64,
}

/// What earlier pairings say about a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct History {
    pub user: UserId,
    /// Their latest pairing: when (Unix ms) and with whom.
    pub last_ms: i64,
    pub last_partner: UserId,
}

/// A pairing to make.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPairing {
    pub topic: String,
    pub learner: UserId,
    pub mentor: UserId,
    pub learner_recall: f64,
}

/// The pairings of one run at `now_ms`, from the learners and mentors of every topic (already
/// limited to members who opted in and are neither away nor paused).
pub fn pair(
    learners: &[Learner],
    mentors: &[Mentor],
    history: &[History],
    now_ms: i64,
) -> Vec<NewPairing> {
    let week_ms = WEEK_DAYS * 86_400_000;
    let recent = |u: UserId| {
        history
            .iter()
            .any(|h| h.user == u && now_ms - h.last_ms < week_ms)
    };
    let last_partner = |u: UserId| history.iter().find(|h| h.user == u).map(|h| h.last_partner);
    let mut wanting: Vec<&Learner> = learners
        .iter()
        .filter(|l| l.seen >= MIN_SEEN && l.recall < l.target && !recent(l.user))
        .collect();
    wanting.sort_by(|a, b| {
        (a.recall - a.target)
            .total_cmp(&(b.recall - b.target))
            .then(a.user.cmp(&b.user))
            .then(a.topic.cmp(&b.topic))
    });
    let mut busy: Vec<UserId> = Vec::new();
    let mut out = Vec::new();
    for l in wanting {
        if busy.contains(&l.user) {
            continue;
        }
        let mut options: Vec<&Mentor> = mentors
            .iter()
            .filter(|m| {
                m.topic == l.topic
                    && m.user != l.user
                    && !busy.contains(&m.user)
                    && !recent(m.user)
                    && last_partner(l.user) != Some(m.user)
                    && last_partner(m.user) != Some(l.user)
            })
            .collect();
        options.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.user.cmp(&b.user)));
        if let Some(m) = options.first() {
            busy.push(l.user);
            busy.push(m.user);
            out.push(NewPairing {
                topic: l.topic.clone(),
                learner: l.user,
                mentor: m.user,
                learner_recall: l.recall,
            });
        }
    }
    out
}

/// A pairing as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct PairingRow {
    pub id: i64,
    pub topic: String,
    pub learner: UserId,
    pub mentor: UserId,
    /// The learner's predicted recall of the topic when they were paired.
    pub learner_recall: f64,
    pub created_ms: i64,
    pub talked: bool,
    pub skipped: bool,
}

/// What "We talked" or "Skip" did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Recorded,
    /// The pairing already had an outcome (the first one counts).
    Settled,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learner(user: u64, topic: &str, recall: f64) -> Learner {
        Learner {
            user: UserId(user),
            topic: topic.into(),
            recall,
            seen: 3,
            target: 0.8,
        }
    }

    fn mentor(user: u64, topic: &str, score: f64) -> Mentor {
        Mentor {
            user: UserId(user),
            topic: topic.into(),
            score,
        }
    }

    const DAY: i64 = 86_400_000;

    #[test]
    fn the_most_forgetful_get_the_most_expert_once_each() {
        let learners = [
            learner(1, "p", 0.7),
            learner(2, "p", 0.5),
            learner(3, "p", 0.95),
            learner(4, "s", 0.6),
        ];
        let mentors = [
            mentor(10, "p", 0.7),
            mentor(11, "p", 0.9),
            mentor(10, "s", 0.8),
        ];
        let made = pair(&learners, &mentors, &[], 100 * DAY);
        let pairs: Vec<(u64, u64)> = made.iter().map(|p| (p.learner.0, p.mentor.0)).collect();
        // 2 forgot most: the best mentor; then 4 (s), whose only mentor is 10; 1 gets nobody
        // (both mentors are taken); 3 is above the target.
        assert_eq!(pairs, vec![(2, 11), (4, 10)]);
        assert_eq!(made[0].learner_recall, 0.5);
    }

    #[test]
    fn a_week_apart_and_never_the_same_pair_twice_in_a_row() {
        let learners = [learner(1, "p", 0.5)];
        let mentors = [mentor(10, "p", 0.9), mentor(11, "p", 0.7)];
        let history = [
            History {
                user: UserId(1),
                last_ms: 90 * DAY,
                last_partner: UserId(10),
            },
            History {
                user: UserId(10),
                last_ms: 90 * DAY,
                last_partner: UserId(1),
            },
        ];
        assert!(
            pair(&learners, &mentors, &history, 95 * DAY).is_empty(),
            "within the week"
        );
        let made = pair(&learners, &mentors, &history, 98 * DAY);
        assert_eq!(made[0].mentor, UserId(11), "not the same mentor again");
        let few = Learner {
            seen: 1,
            ..learner(1, "p", 0.1)
        };
        assert!(pair(&[few], &mentors, &[], 0).is_empty(), "too little seen");
    }
}
