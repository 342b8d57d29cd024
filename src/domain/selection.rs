//! Which question or flashcard a member should practise next (`/quiz` and reviews).
//!
//! In order of preference:
//! 1. a question that is **due** (most forgotten first);
//! 2. a new question in the member's **weakest topic** (lowest average predicted recall of what
//!    they have seen), so practice goes where it is needed;
//! 3. a new question in a topic of the member's **role tracks**;
//! 4. any **new** question;
//! 5. an early review of a seen question that is not yet mastered (most forgotten first);
//! 6. a **mastered** question as a refresher.
//!
//! Mastered questions are retired: they come back only at step 6, or when the caller rolls a
//! rare refresher (`refresher = true`), which puts step 6 first.

use crate::domain::ids::{CardId, VersionId};
use std::collections::HashMap;

/// What a member can be shown: a question (its current version) or a flashcard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Question(VersionId),
    Card(CardId),
}

/// A question or card the member could get, with what is known of their memory of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub item: Item,
    pub topic: String,
    pub seen: Option<Seen>,
}

/// The member's memory of a question they have answered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seen {
    /// Predicted recall today.
    pub recall: f64,
    pub due: bool,
    pub mastered: bool,
}

/// Picks the next question (an index into `candidates`); ties keep the candidates' order, so
/// the caller shuffles them first for variety.
pub fn next_question(
    candidates: &[Candidate],
    track_topics: &[String],
    refresher: bool,
) -> Option<usize> {
    let most_forgotten = |filter: &dyn Fn(&Seen) -> bool| {
        candidates
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.seen.filter(|s| filter(s)).map(|s| (i, s.recall)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    };
    let new_in = |topic: &str| {
        candidates
            .iter()
            .position(|c| c.seen.is_none() && c.topic == topic)
    };
    if refresher {
        if let Some(i) = most_forgotten(&|s| s.mastered) {
            return Some(i);
        }
    }
    if let Some(i) = most_forgotten(&|s| s.due && !s.mastered) {
        return Some(i);
    }
    for topic in weakest_topics(candidates) {
        if let Some(i) = new_in(&topic) {
            return Some(i);
        }
    }
    for topic in track_topics {
        if let Some(i) = new_in(topic) {
            return Some(i);
        }
    }
    if let Some(i) = candidates.iter().position(|c| c.seen.is_none()) {
        return Some(i);
    }
    most_forgotten(&|s| !s.mastered).or_else(|| most_forgotten(&|_| true))
}

/// Topics the member has started, weakest (lowest average predicted recall) first.
fn weakest_topics(candidates: &[Candidate]) -> Vec<String> {
    let mut sums: HashMap<&str, (f64, u32)> = HashMap::new();
    for c in candidates {
        if let Some(s) = c.seen {
            let e = sums.entry(c.topic.as_str()).or_default();
            e.0 += s.recall;
            e.1 += 1;
        }
    }
    let mut topics: Vec<(&str, f64)> = sums
        .into_iter()
        .map(|(t, (sum, n))| (t, sum / f64::from(n)))
        .collect();
    topics.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(b.0)));
    topics.into_iter().map(|(t, _)| t.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(id: i64, topic: &str) -> Candidate {
        Candidate {
            item: Item::Question(VersionId(id)),
            topic: topic.into(),
            seen: None,
        }
    }

    fn seen(id: i64, topic: &str, recall: f64, due: bool, mastered: bool) -> Candidate {
        Candidate {
            item: Item::Question(VersionId(id)),
            topic: topic.into(),
            seen: Some(Seen {
                recall,
                due,
                mastered,
            }),
        }
    }

    fn pick(c: &[Candidate], tracks: &[&str], refresher: bool) -> Option<i64> {
        let tracks: Vec<String> = tracks.iter().map(|t| t.to_string()).collect();
        next_question(c, &tracks, refresher).map(|i| match c[i].item {
            Item::Question(v) => v.0,
            Item::Card(c) => -c.0,
        })
    }

    #[test]
    fn due_items_come_first_most_forgotten_first() {
        let c = [
            new(1, "a"),
            seen(2, "a", 0.8, true, false),
            seen(3, "b", 0.6, true, false),
            seen(4, "b", 0.1, false, false),
        ];
        assert_eq!(pick(&c, &[], false), Some(3));
    }

    #[test]
    fn then_new_items_in_the_weakest_topic() {
        let c = [
            new(1, "strong"),
            new(2, "weak"),
            seen(3, "strong", 0.95, false, false),
            seen(4, "weak", 0.5, false, false),
        ];
        assert_eq!(pick(&c, &[], false), Some(2));
    }

    #[test]
    fn then_the_member_s_track_topics_then_anything_new() {
        let c = [new(1, "other"), new(2, "support")];
        assert_eq!(pick(&c, &["support"], false), Some(2));
        assert_eq!(pick(&c, &[], false), Some(1));
    }

    #[test]
    fn mastered_items_are_retired_except_as_a_refresher() {
        let c = [
            seen(1, "a", 0.99, false, true),
            seen(2, "a", 0.9, false, false),
        ];
        assert_eq!(
            pick(&c, &[], false),
            Some(2),
            "an early review before a mastered item"
        );
        assert_eq!(pick(&c, &[], true), Some(1), "a rare refresher");
        let only_mastered = [seen(1, "a", 0.99, false, true)];
        assert_eq!(pick(&only_mastered, &[], false), Some(1));
        assert_eq!(pick(&[], &[], false), None);
    }
}
