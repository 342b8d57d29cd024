//! A simulated person's hidden memory: what they really know of each question, on a
//! forgetting curve the bot never sees. The bot only sees which button was clicked.
//!
//! Recall `t` days after the last study follows a power law, `1 / (1 + t / (9 S))`, where the
//! stability `S` is the number of days until recall falls to 90%. Studying (answering, then
//! reading the explanation) sets `S`: a first meeting gives a short-lived trace; a successful
//! retrieval multiplies `S`, the more the further the memory had faded (the spacing effect);
//! a lapse shrinks it. The bot's own model (FSRS with its published parameters) has to find
//! all this out from the clicks. So people remember more over time only if something (the bot's
//! reviews, quizzes, practice) brings questions back at the right moments.

use std::collections::HashMap;

/// How a person learns: drawn once per simulated member.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Profile {
    /// 0 to 1: prior knowledge and how well a first meeting sticks.
    pub skill: f64,
    /// Around 1: how fast memories fade (2 = twice as fast).
    pub forgetting: f64,
    /// 0 to 1: how likely they take part on a given day.
    pub diligence: f64,
}

/// The longest stability, in days.
const MAX_STABILITY_DAYS: f64 = 365.0;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Trace {
    stability: f64,
    last_day: f64,
}

/// One person's memory of every question they have met.
#[derive(Debug, Clone)]
pub struct Learner {
    pub profile: Profile,
    traces: HashMap<String, Trace>,
}

impl Learner {
    pub fn new(profile: Profile) -> Learner {
        Learner {
            profile,
            traces: HashMap::new(),
        }
    }

    /// Something they knew before the run: studied `days_ago` with this stability.
    pub fn knew_before(&mut self, question: &str, stability: f64, days_ago: f64) {
        self.traces.insert(
            question.to_string(),
            Trace {
                stability,
                last_day: -days_ago,
            },
        );
    }

    /// The stability a first meeting gives, in days.
    fn first_stability(&self) -> f64 {
        (0.5 + 2.5 * self.profile.skill) / self.profile.forgetting.max(0.1)
    }

    /// The chance of recalling `question` on `day` (0 if never met).
    pub fn recall(&self, question: &str, day: f64) -> f64 {
        self.traces.get(question).map_or(0.0, |t| {
            let elapsed = (day - t.last_day).max(0.0);
            1.0 / (1.0 + elapsed / (9.0 * t.stability))
        })
    }

    /// The chance of clicking the right one of `choices` buttons: recall, else a guess.
    pub fn chance_right(&self, question: &str, day: f64, choices: usize) -> f64 {
        let r = self.recall(question, day);
        r + (1.0 - r) / choices.max(1) as f64
    }

    /// They answered (right or not) and read the feedback with its explanation.
    pub fn study(&mut self, question: &str, day: f64, right: bool) {
        let first = self.first_stability();
        let recall = self.recall(question, day);
        let stability = match self.traces.get(question) {
            None => first,
            Some(t) if right => t.stability * (1.3 + 4.0 * (1.0 - recall)),
            Some(t) => (t.stability * 0.4).max(first),
        };
        self.traces.insert(
            question.to_string(),
            Trace {
                stability: stability.min(MAX_STABILITY_DAYS),
                last_day: day,
            },
        );
    }

    /// The mean recall over `questions` on `day`: how much of the bank they really know.
    pub fn mean_recall<'a>(&self, questions: impl IntoIterator<Item = &'a str>, day: f64) -> f64 {
        let (sum, n) = questions
            .into_iter()
            .fold((0.0, 0usize), |(s, n), q| (s + self.recall(q, day), n + 1));
        if n == 0 {
            0.0
        } else {
            sum / n as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn average() -> Learner {
        Learner::new(Profile {
            skill: 0.5,
            forgetting: 1.0,
            diligence: 1.0,
        })
    }

    #[test]
    fn an_unknown_question_is_a_guess_and_a_first_meeting_fades() {
        let mut l = average();
        assert_eq!(l.recall("q", 0.0), 0.0);
        assert!((l.chance_right("q", 0.0, 4) - 0.25).abs() < 1e-12);
        l.study("q", 0.0, false);
        assert!((l.recall("q", 0.0) - 1.0).abs() < 1e-12);
        // Stability 1.75 days: 90% after 1.75 days, 50% after 9 times that.
        assert!((l.recall("q", 1.75) - 0.9).abs() < 1e-12);
        assert!((l.recall("q", 15.75) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn spaced_successes_build_lasting_memory_and_cramming_less() {
        // Reviewed right after 1, 3 and 7 more days...
        let mut spaced = average();
        spaced.study("q", 0.0, true);
        for day in [1.0, 4.0, 11.0] {
            spaced.study("q", day, true);
        }
        // ...against the same four right answers on the first day.
        let mut crammed = average();
        for _ in 0..4 {
            crammed.study("q", 0.0, true);
        }
        let (s, c) = (spaced.recall("q", 30.0), crammed.recall("q", 30.0));
        assert!(s > 0.75, "{s}");
        assert!(s > c + 0.2, "{s} against {c}");
    }

    #[test]
    fn a_lapse_shrinks_stability_but_never_below_a_first_meeting() {
        let mut l = average();
        l.knew_before("q", 20.0, 0.0);
        l.study("q", 1.0, false);
        assert!(
            (l.recall("q", 1.0 + 8.0) - 0.9).abs() < 1e-12,
            "20 × 0.4 days"
        );
        let mut weak = average();
        weak.knew_before("q", 1.0, 0.0);
        weak.study("q", 0.0, false);
        assert!((weak.recall("q", 1.75) - 0.9).abs() < 1e-12);
    }

    #[test]
    fn mean_recall_counts_unknown_questions_as_zero() {
        let mut l = average();
        l.study("a", 0.0, true);
        assert!((l.mean_recall(["a", "b"], 0.0) - 0.5).abs() < 1e-12);
        assert_eq!(l.mean_recall([], 0.0), 0.0);
    }
}
