//! The memory model: how well a member knows a question, and when it should come back.
//!
//! It is FSRS-6 (the `fsrs` crate, as in Anki). Each (member, question) has a stability (the
//! days until recall falls to 90%) and a difficulty, updated by every answer from any source.
//!
//! Grading: a wrong answer is *Again* and a right one *Good*. A fast right answer is not
//! promoted to *Easy*: in chat, the time to answer measures when someone looked at the channel
//! more than how fluently they recalled, so it would reward the wrong thing.
//!
//! Intervals are whole days (at least one) on the guild's calendar: an item answered on Monday
//! with an interval of 2.4 days is due on Wednesday.

use chrono::NaiveDate;
use fsrs::{current_retrievability, MemoryState, DEFAULT_PARAMETERS, FSRS};

/// The retention aimed at when a topic sets none.
pub const DEFAULT_RETENTION: f64 = 0.9;
/// FSRS-6 has 21 parameters.
pub const PARAMETER_COUNT: usize = 21;

/// What one answer says about recall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    Again,
    Good,
}

impl Grade {
    pub fn of(correct: bool) -> Grade {
        if correct {
            Grade::Good
        } else {
            Grade::Again
        }
    }
}

/// A member's memory of one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    /// Days until predicted recall falls to 90%.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
    pub last_day: NaiveDate,
    pub due_day: NaiveDate,
    pub reviews: u32,
    pub lapses: u32,
}

/// FSRS with one set of parameters (the defaults, or a guild's fitted ones).
#[derive(Debug, Clone)]
pub struct MemoryModel {
    fsrs: FSRS,
    decay: f32,
}

impl Default for MemoryModel {
    fn default() -> Self {
        MemoryModel::new(&DEFAULT_PARAMETERS).expect("the default parameters are valid")
    }
}

impl MemoryModel {
    /// A model with these parameters (an empty slice means the defaults).
    pub fn new(parameters: &[f32]) -> Result<MemoryModel, String> {
        let fsrs = FSRS::new(parameters).map_err(|e| format!("invalid FSRS parameters: {e}"))?;
        let decay = parameters
            .get(PARAMETER_COUNT - 1)
            .copied()
            .unwrap_or(DEFAULT_PARAMETERS[PARAMETER_COUNT - 1]);
        Ok(MemoryModel { fsrs, decay })
    }

    /// The memory after answering on `today`, aiming at `desired_retention` for the next time.
    pub fn review(
        &self,
        before: Option<&Memory>,
        grade: Grade,
        today: NaiveDate,
        desired_retention: f64,
    ) -> Memory {
        let (state, elapsed) = match before {
            Some(m) => (
                Some(MemoryState {
                    stability: m.stability as f32,
                    difficulty: m.difficulty as f32,
                }),
                days_between(m.last_day, today),
            ),
            None => (None, 0),
        };
        let retention = desired_retention.clamp(0.7, 0.99) as f32;
        let next = match self.fsrs.next_states(state, retention, elapsed) {
            Ok(n) => match grade {
                Grade::Again => n.again,
                Grade::Good => n.good,
            },
            // Not expected with valid states; fall back to a fresh start rather than fail an answer.
            Err(_) => match self.fsrs.next_states(None, retention, 0) {
                Ok(n) if grade == Grade::Good => n.good,
                Ok(n) => n.again,
                Err(_) => {
                    return fresh(grade, today);
                }
            },
        };
        let days = (next.interval.round() as i64).max(1);
        Memory {
            stability: f64::from(next.memory.stability),
            difficulty: f64::from(next.memory.difficulty),
            last_day: today,
            due_day: today + chrono::Duration::days(days),
            reviews: before.map_or(0, |m| m.reviews) + 1,
            lapses: before.map_or(0, |m| m.lapses)
                + u32::from(grade == Grade::Again && before.is_some()),
        }
    }

    /// Predicted probability of recall on `day`.
    pub fn recall(&self, m: &Memory, day: NaiveDate) -> f64 {
        let state = MemoryState {
            stability: m.stability as f32,
            difficulty: m.difficulty as f32,
        };
        let elapsed = days_between(m.last_day, day) as f32;
        f64::from(current_retrievability(state, elapsed, self.decay)).clamp(0.0, 1.0)
    }

    /// The FSRS predicted recall for a memory state after `elapsed_days` (fractional).
    pub fn recall_after(&self, stability: f64, difficulty: f64, elapsed_days: f64) -> f64 {
        let state = MemoryState {
            stability: stability as f32,
            difficulty: difficulty as f32,
        };
        f64::from(current_retrievability(
            state,
            elapsed_days as f32,
            self.decay,
        ))
        .clamp(0.0, 1.0)
    }

    pub fn fsrs(&self) -> &FSRS {
        &self.fsrs
    }
}

/// Fits FSRS-6 parameters on answer histories: for each (member, question), the guild-local
/// days and correctness of its answers in order. `None` when there is too little to learn from
/// (fewer than two answers on different days in any history).
pub fn fit(histories: &[Vec<(NaiveDate, bool)>]) -> Option<Vec<f32>> {
    use fsrs::{compute_parameters, ComputeParametersInput, FSRSItem, FSRSReview};
    let mut items = Vec::new();
    for history in histories {
        let mut reviews = Vec::with_capacity(history.len());
        let mut previous: Option<NaiveDate> = None;
        for (day, correct) in history {
            let delta_t = previous.map_or(0, |p| days_between(p, *day));
            reviews.push(FSRSReview {
                rating: if *correct { 3 } else { 1 },
                delta_t,
            });
            previous = Some(*day);
            // Each prefix with a later-day review is one training item.
            if reviews.len() >= 2 && reviews.iter().any(|r| r.delta_t > 0) {
                items.push(FSRSItem {
                    reviews: reviews.clone(),
                });
            }
        }
    }
    if items.is_empty() {
        return None;
    }
    compute_parameters(ComputeParametersInput {
        train_set: items,
        ..Default::default()
    })
    .ok()
    .filter(|p| p.len() == PARAMETER_COUNT)
}

fn fresh(grade: Grade, today: NaiveDate) -> Memory {
    Memory {
        stability: 1.0,
        difficulty: 5.0,
        last_day: today,
        due_day: today + chrono::Duration::days(1),
        reviews: 1,
        lapses: u32::from(grade == Grade::Again),
    }
}

fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days()).unwrap_or(0)
}

/// One answer in a history: `(member, question, local day, correct)`.
pub type HistoryAnswer = (i64, String, String, bool);

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap() + chrono::Duration::days(n)
    }

    #[test]
    fn a_wrong_answer_comes_back_sooner_than_a_right_one() {
        let model = MemoryModel::default();
        let right = model.review(None, Grade::Good, day(0), 0.9);
        let wrong = model.review(None, Grade::Again, day(0), 0.9);
        assert!(wrong.due_day < right.due_day, "{wrong:?} vs {right:?}");
        assert_eq!(wrong.due_day, day(1), "at least a day, even after a lapse");
        assert!(right.stability > wrong.stability);
        // Later reviews: right again spaces further out, wrong brings it back.
        let again_right = model.review(Some(&right), Grade::Good, right.due_day, 0.9);
        let then_wrong = model.review(Some(&right), Grade::Again, right.due_day, 0.9);
        assert!(again_right.due_day - right.due_day > right.due_day - day(0));
        assert!(then_wrong.due_day < again_right.due_day);
        assert_eq!(then_wrong.lapses, 1);
        assert_eq!(again_right.reviews, 2);
    }

    #[test]
    fn higher_retention_means_shorter_intervals() {
        let model = MemoryModel::default();
        let first = model.review(None, Grade::Good, day(0), 0.9);
        let relaxed = model.review(Some(&first), Grade::Good, first.due_day, 0.8);
        let strict = model.review(Some(&first), Grade::Good, first.due_day, 0.97);
        assert!(
            strict.due_day < relaxed.due_day,
            "{strict:?} vs {relaxed:?}"
        );
    }

    #[test]
    fn recall_fades_with_time_and_is_ninety_percent_at_stability() {
        let model = MemoryModel::default();
        let m = model.review(None, Grade::Good, day(0), 0.9);
        assert!((model.recall(&m, day(0)) - 1.0).abs() < 1e-6);
        let later = model.recall(&m, day(10));
        let much_later = model.recall(&m, day(100));
        assert!(later > much_later && much_later > 0.0);
        let at_stability = model.recall_after(m.stability, m.difficulty, m.stability);
        assert!((at_stability - 0.9).abs() < 1e-3, "{at_stability}");
    }

    #[test]
    fn fitting_learns_from_histories_and_needs_later_days() {
        assert_eq!(fit(&[vec![(day(0), true), (day(0), false)]]), None);
        // Members who forget after a week more often than the defaults expect.
        let histories: Vec<Vec<(NaiveDate, bool)>> = (0..200)
            .map(|i| vec![(day(0), true), (day(7), i % 3 == 0), (day(9), true)])
            .collect();
        let fitted = fit(&histories).expect("parameters");
        assert_eq!(fitted.len(), PARAMETER_COUNT);
        assert!(MemoryModel::new(&fitted).is_ok());
        assert_ne!(fitted, DEFAULT_PARAMETERS.to_vec());
    }

    #[test]
    fn bad_parameters_are_refused() {
        assert!(MemoryModel::new(&[1.0; 3]).is_err());
        assert!(MemoryModel::new(&[]).is_ok());
    }
}
