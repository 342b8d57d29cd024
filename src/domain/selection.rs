//! Which question or flashcard a member should practise next (`/quiz` and reviews).
//!
//! Each candidate is marked as on the member's **track** or not ([`Track::covers`]) and as in a
//! topic with an active team **refresher** or not (`domain::refreshers`). In order of
//! preference:
//! 1. an item that is **due** (most forgotten first);
//! 2. a seen item in a topic with an active **refresher** (most forgotten first, mastered ones
//!    too: the team is forgetting that topic);
//! 3. a **new** item on the member's **track**, in their weakest track topic first (a track
//!    topic they have not started counts as the weakest);
//! 4. an early review of a seen, not yet mastered item on their track (most forgotten first);
//! 5. a new item elsewhere, weakest started topic first, then any;
//! 6. an early review of any seen item that is not mastered, then any item at all.
//!
//! So a member who has answered in every topic still gets track items, as long as their track
//! has any left to learn or to firm up: new track items come before early reviews because an
//! item reviewed before it is due adds little memory (the spacing effect), while a new one adds
//! coverage. Mastered items are retired: they come back only through a refresher, or when
//! nothing else is left.

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
    /// On the member's track ([`Track::covers`]).
    pub track: bool,
    /// In a topic whose team refresher is active.
    pub refresher: bool,
}

/// The member's memory of a question they have answered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seen {
    /// Predicted recall today.
    pub recall: f64,
    pub due: bool,
    pub mastered: bool,
}

/// A current question the member could get, as the store reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionCandidate {
    pub version_id: VersionId,
    pub topic: String,
    /// The role tracks the question names (empty: its topic decides).
    pub tracks: Vec<String>,
    pub memory: Option<crate::domain::memory::Memory>,
}

/// A member's role tracks: the topics on the tracks of their roles, and the tracks' names (the
/// roles' names as slugs, which content files name in a question's `tracks`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Track {
    pub topics: Vec<String>,
    pub names: Vec<String>,
}

impl Track {
    /// Whether an item is on this track: a question that names tracks is on the tracks it
    /// names (whatever its topic); any other item is on the track when its topic is.
    pub fn covers(&self, topic: &str, item_tracks: &[String]) -> bool {
        if item_tracks.is_empty() {
            self.topics.iter().any(|t| t == topic)
        } else {
            item_tracks.iter().any(|t| self.names.contains(t))
        }
    }

    pub fn is_empty(&self) -> bool {
        self.topics.is_empty() && self.names.is_empty()
    }
}

/// A role's name as a track name: lower case, letters and digits, runs of anything else as
/// one `-` ("Customer Support" → "customer-support").
pub fn track_name(role_name: &str) -> String {
    let mut out = String::new();
    for c in role_name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Picks the next item (an index into `candidates`); ties keep the candidates' order, so the
/// caller shuffles them first for variety.
pub fn next_question(candidates: &[Candidate]) -> Option<usize> {
    let most_forgotten = |filter: &dyn Fn(&Candidate, &Seen) -> bool| {
        candidates
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.seen.filter(|s| filter(c, s)).map(|s| (i, s.recall)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    };
    let new_in = |topic: &str, track: bool| {
        candidates
            .iter()
            .position(|c| c.seen.is_none() && c.topic == topic && c.track == track)
    };
    if let Some(i) = most_forgotten(&|_, s| s.due && !s.mastered) {
        return Some(i);
    }
    if let Some(i) = most_forgotten(&|c, _| c.refresher) {
        return Some(i);
    }
    for topic in weakest_topics(candidates, true) {
        if let Some(i) = new_in(&topic, true) {
            return Some(i);
        }
    }
    if let Some(i) = most_forgotten(&|c, s| c.track && !s.mastered) {
        return Some(i);
    }
    for topic in weakest_topics(candidates, false) {
        if let Some(i) = new_in(&topic, false) {
            return Some(i);
        }
    }
    if let Some(i) = candidates.iter().position(|c| c.seen.is_none()) {
        return Some(i);
    }
    most_forgotten(&|_, s| !s.mastered).or_else(|| most_forgotten(&|_, _| true))
}

/// The topics of the candidates on (`track`) or off the member's track, weakest first: a topic
/// ranks by the average predicted recall of the items seen in it, one not started as 0.
fn weakest_topics(candidates: &[Candidate], track: bool) -> Vec<String> {
    let mut sums: HashMap<&str, (f64, u32)> = HashMap::new();
    for c in candidates.iter().filter(|c| c.track == track) {
        let e = sums.entry(c.topic.as_str()).or_default();
        if let Some(s) = c.seen {
            e.0 += s.recall;
            e.1 += 1;
        }
    }
    let mut topics: Vec<(&str, f64)> = sums
        .into_iter()
        .map(|(t, (sum, n))| (t, if n == 0 { 0.0 } else { sum / f64::from(n) }))
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
            track: false,
            refresher: false,
        }
    }

    fn seen(id: i64, topic: &str, recall: f64, due: bool, mastered: bool) -> Candidate {
        Candidate {
            seen: Some(Seen {
                recall,
                due,
                mastered,
            }),
            ..new(id, topic)
        }
    }

    fn on_track(c: Candidate) -> Candidate {
        Candidate { track: true, ..c }
    }

    fn pick(c: &[Candidate]) -> Option<i64> {
        next_question(c).map(|i| match c[i].item {
            Item::Question(v) => v.0,
            Item::Card(c) => -c.0,
        })
    }

    #[test]
    fn due_items_come_first_most_forgotten_first() {
        let c = [
            on_track(new(1, "a")),
            seen(2, "a", 0.8, true, false),
            seen(3, "b", 0.6, true, false),
            seen(4, "b", 0.1, false, false),
        ];
        assert_eq!(pick(&c), Some(3));
    }

    #[test]
    fn then_a_refresher_topic_s_most_forgotten_item_even_mastered() {
        let refresher = |c: Candidate| Candidate {
            refresher: true,
            ..c
        };
        let c = [
            on_track(new(1, "a")),
            refresher(seen(2, "p", 0.9, false, true)),
            refresher(seen(3, "p", 0.7, false, true)),
            refresher(new(4, "p")),
        ];
        assert_eq!(pick(&c), Some(3));
    }

    #[test]
    fn track_items_keep_coming_after_every_topic_is_started() {
        // Every topic started; the weakest is off the track.
        let c = [
            seen(1, "other", 0.2, false, false),
            new(2, "other"),
            on_track(seen(3, "mine", 0.95, false, false)),
            on_track(new(4, "mine")),
        ];
        assert_eq!(pick(&c), Some(4), "a new track item first");
        let c = [
            seen(1, "other", 0.2, false, false),
            new(2, "other"),
            on_track(seen(3, "mine", 0.95, false, false)),
            on_track(seen(4, "mine", 0.85, false, false)),
        ];
        assert_eq!(pick(&c), Some(4), "then the weakest track item");
        let c = [
            seen(1, "other", 0.2, false, false),
            new(2, "other"),
            on_track(seen(3, "mine", 0.99, false, true)),
        ];
        assert_eq!(pick(&c), Some(2), "then new items elsewhere");
    }

    #[test]
    fn within_the_track_the_weakest_topic_first_unstarted_counts_as_weakest() {
        let c = [
            on_track(seen(1, "strong", 0.95, false, false)),
            on_track(new(2, "strong")),
            on_track(new(3, "fresh")),
        ];
        assert_eq!(pick(&c), Some(3));
        let c = [
            new(1, "strong"),
            new(2, "weak"),
            seen(3, "strong", 0.95, false, false),
            seen(4, "weak", 0.5, false, false),
        ];
        assert_eq!(pick(&c), Some(2), "off the track too");
    }

    #[test]
    fn mastered_items_are_retired_until_nothing_else_is_left() {
        let c = [
            seen(1, "a", 0.99, false, true),
            seen(2, "a", 0.9, false, false),
        ];
        assert_eq!(pick(&c), Some(2), "an early review before a mastered item");
        let only_mastered = [seen(1, "a", 0.99, false, true)];
        assert_eq!(pick(&only_mastered), Some(1));
        assert_eq!(pick(&[]), None);
    }

    #[test]
    fn questions_naming_tracks_follow_their_names() {
        let track = Track {
            topics: vec!["security".into()],
            names: vec!["support".into()],
        };
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(track.covers("security", &[]));
        assert!(!track.covers("privacy", &[]));
        assert!(track.covers("privacy", &names(&["support", "sales"])));
        assert!(
            !track.covers("security", &names(&["engineering"])),
            "named for another track"
        );
        assert_eq!(track_name(" Customer  Support! "), "customer-support");
        assert_eq!(track_name("Engineering"), "engineering");
        assert_eq!(track_name("Über-Team"), "über-team");
    }
}
