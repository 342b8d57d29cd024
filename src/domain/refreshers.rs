//! Refreshers before a team forgets: when the team's predicted recall of what it has learned in
//! a topic will fall below the topic's team target within [`HORIZON_DAYS`], the topic's items
//! that the team has forgotten most come back first: in the next channel quizzes, in review
//! sessions and in `/quiz` (after what is due), and the digest and report say so.
//!
//! The forecast is the memory model's mean predicted recall over every member's memory of the
//! topic's questions (the report's forgetting forecast). The target is the topic's
//! `team_recall_target` from its content file, else `reinforcement.team_recall_target`. A
//! member's own reviews already keep each of their items near `desired_retention`; the team
//! target is lower because it averages over items between reviews, and it is what a refresher
//! protects: a topic the whole team is letting slip.
//!
//! This replaces the old random "1 practice question in 20 is a mastered one": a refresher now
//! comes when, and where, the forecast says it is needed. Members in an experiment's holdout
//! get none while it runs (they are the comparison).

use crate::i18n::Lang;
use crate::t;
use serde::{Deserialize, Serialize};

/// How far ahead the forecast looks.
pub const HORIZON_DAYS: i64 = 7;
/// Items kept per refresher topic: the ones the team has forgotten most.
pub const ITEMS: usize = 5;
/// Allowed team targets.
pub const TARGET_RANGE: (f64, f64) = (0.5, 0.97);

/// A topic whose team recall is forecast to fall below its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Refresher {
    pub topic: String,
    pub name: String,
    /// The team's predicted recall now and in [`HORIZON_DAYS`].
    pub recall_now: f64,
    pub recall_later: f64,
    pub target: f64,
    /// Question ids, most forgotten by the team first.
    pub items: Vec<String>,
}

impl Refresher {
    /// "Data privacy refresher: team recall 78% → target 85%".
    pub fn line(&self, lang: Lang) -> String {
        t!(
            lang,
            "refresher-line",
            topic = self.name.as_str(),
            now = lang.percent(self.recall_now),
            later = lang.percent(self.recall_later),
            days = HORIZON_DAYS,
            target = lang.percent(self.target)
        )
    }
}

/// Whether a topic needs a refresher: the forecast falls below the target.
pub fn needed(recall_later: f64, target: f64) -> bool {
    recall_later < target
}

/// The ids of the [`ITEMS`] questions with the lowest team recall, from `(id, mean recall)`.
pub fn most_forgotten(items: &[(String, f64)]) -> Vec<String> {
    let mut sorted: Vec<&(String, f64)> = items.iter().collect();
    sorted.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    sorted
        .into_iter()
        .take(ITEMS)
        .map(|(id, _)| id.clone())
        .collect()
}

/// Checks a team target from a content file.
pub fn check_target(value: f64, lang: Lang) -> Result<f64, String> {
    let (lo, hi) = TARGET_RANGE;
    if (lo..=hi).contains(&value) {
        Ok(value)
    } else {
        Err(t!(
            lang,
            "import-target-range",
            min = lo,
            max = hi,
            value = lang.number(value)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refresher_is_needed_only_below_the_target() {
        assert!(needed(0.78, 0.85));
        assert!(!needed(0.85, 0.85));
        assert!(!needed(0.9, 0.85));
    }

    #[test]
    fn the_most_forgotten_items_come_first() {
        let items: Vec<(String, f64)> = (0..8)
            .map(|i| (format!("q{i}"), 1.0 - f64::from(i) / 10.0))
            .collect();
        assert_eq!(most_forgotten(&items), ["q7", "q6", "q5", "q4", "q3"]);
        let r = Refresher {
            topic: "privacy".into(),
            name: "Data privacy".into(),
            recall_now: 0.81,
            recall_later: 0.78,
            target: 0.85,
            items: vec![],
        };
        assert_eq!(
            r.line(Lang::En),
            "Data privacy refresher: team recall 81% now, 78% in 7 days → target 85%"
        );
        assert!(check_target(0.4, Lang::En).is_err() && check_target(0.8, Lang::En).is_ok());
    }
}
