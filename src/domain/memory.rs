//! The memory model: how well a member knows a question, and when it should come back.
//!
//! It is FSRS-6 (the `fsrs` crate, as in Anki). Each (member, question) has a stability (the
//! days until recall falls to 90%) and a difficulty, updated by every answer from any source.
//!
//! Grading: a wrong answer is *Again* and a right one *Good*. A fast right answer is not
//! promoted to *Easy* (re-grading by time made predictions worse on the shared log). Answer
//! time counts another way: where a guild's own answers show it predicts better, the
//! answer-time model ([`crate::domain::answer_time`]) shifts the predicted recall by how much
//! slower than usual the last answer was, and the interval with it (a slow answer comes back
//! sooner). Only a personal question's time counts: a channel post's measures when someone
//! looked at the channel more than how fluently they recalled.
//!
//! Intervals are whole days (at least one) on the guild's calendar: an item answered on Monday
//! with an interval of 2.4 days is due on Wednesday.

use crate::domain::answer_time::{AnswerTime, Pace};
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
    /// How fast the member's answers to it came, and how much slower than usual the last.
    pub pace: Pace,
}

/// FSRS with one set of parameters (the defaults, or a guild's fitted ones), with the
/// guild's answer-time weight where it is fitted and better.
#[derive(Debug, Clone)]
pub struct MemoryModel {
    fsrs: FSRS,
    decay: f32,
    answer_time: Option<AnswerTime>,
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
        Ok(MemoryModel {
            fsrs,
            decay,
            answer_time: None,
        })
    }

    /// This model with the answer-time weight (see [`crate::domain::answer_time`]).
    pub fn with_answer_time(self, answer_time: Option<AnswerTime>) -> MemoryModel {
        MemoryModel {
            answer_time,
            ..self
        }
    }

    pub fn answer_time(&self) -> Option<AnswerTime> {
        self.answer_time
    }

    /// The memory after answering on `today`, aiming at `desired_retention` for the next time;
    /// `duration_ms` is the answer's time when it measures recall (a personal question's).
    pub fn review(
        &self,
        before: Option<&Memory>,
        grade: Grade,
        today: NaiveDate,
        desired_retention: f64,
        duration_ms: Option<i64>,
    ) -> Memory {
        let pace = before
            .map_or(Pace::default(), |m| m.pace)
            .after(duration_ms);
        let desired_retention = match self.answer_time {
            Some(a) => a.retention_for(desired_retention, pace.slowness),
            None => desired_retention,
        };
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
                    return Memory {
                        pace,
                        ..fresh(grade, today)
                    };
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
            pace,
        }
    }

    /// Predicted probability of recall on `day` (with the answer-time shift where the model
    /// has it).
    pub fn recall(&self, m: &Memory, day: NaiveDate) -> f64 {
        let state = MemoryState {
            stability: m.stability as f32,
            difficulty: m.difficulty as f32,
        };
        let elapsed = days_between(m.last_day, day) as f32;
        let fsrs = f64::from(current_retrievability(state, elapsed, self.decay)).clamp(0.0, 1.0);
        match self.answer_time {
            Some(a) => a.predict(fsrs, m.pace.slowness),
            None => fsrs,
        }
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
        pace: Pace::default(),
    }
}

fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days()).unwrap_or(0)
}

/// One answer in a guild's histories, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryAnswer {
    pub user: i64,
    pub question: String,
    /// The guild-local day, as stored.
    pub day: String,
    pub correct: bool,
    /// Its time where it measures recall (see `AnswerSource::times_recall`).
    pub time_ms: Option<i64>,
}

/// One answer of a (member, question) history.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answered {
    pub day: NaiveDate,
    pub correct: bool,
    pub time_ms: Option<i64>,
}

/// A guild's fitted memory model, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedModel {
    pub parameters: Vec<f32>,
    pub answers_used: i64,
    /// Used only where the held-out answers said it predicts better.
    pub answer_time: Option<AnswerTime>,
}

impl FittedModel {
    /// The model these stand for (the defaults if the parameters do not make one).
    pub fn model(&self) -> MemoryModel {
        MemoryModel::new(&self.parameters)
            .unwrap_or_default()
            .with_answer_time(self.answer_time)
    }
}

/// The share of a guild's predicted answers (the latest, by day) held out to decide whether
/// answer time helps.
const HELD_OUT_SHARE: f64 = 0.2;
/// Answers needed on each side of that split before answer time is fitted at all.
const ANSWER_TIME_MIN: usize = 100;

/// What fitting the answer-time weight on a guild's histories found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnswerTimeFit {
    /// Fitted on the earlier answers.
    pub weight: AnswerTime,
    /// Log loss on the held-out (latest) answers without and with answer time.
    pub fsrs_log_loss: f64,
    pub timed_log_loss: f64,
    pub held_out: usize,
}

impl AnswerTimeFit {
    /// Whether the weight earned its place: better on answers it was not fitted on.
    pub fn better(&self) -> bool {
        self.timed_log_loss < self.fsrs_log_loss
    }
}

/// Replays each history with `model` (FSRS alone), collects every answer on a later day with
/// its predicted recall and the slowness of the answer before, fits the answer-time weight on
/// the earlier 80% (by day) and compares log losses on the latest 20%. `None` with fewer than
/// [`ANSWER_TIME_MIN`] answers on either side, or no timed answers at all.
pub fn fit_answer_time(model: &MemoryModel, histories: &[Vec<Answered>]) -> Option<AnswerTimeFit> {
    let model = model.clone().with_answer_time(None);
    let mut events: Vec<(NaiveDate, f64, f64, bool)> = vec![];
    for history in histories {
        let mut memory: Option<Memory> = None;
        for a in history {
            if let Some(m) = memory.as_ref().filter(|m| a.day > m.last_day) {
                events.push((a.day, model.recall(m, a.day), m.pace.slowness, a.correct));
            }
            memory = Some(model.review(
                memory.as_ref(),
                Grade::of(a.correct),
                a.day,
                DEFAULT_RETENTION,
                a.time_ms,
            ));
        }
    }
    if events.iter().all(|e| e.2 == 0.0) {
        return None;
    }
    events.sort_by_key(|e| e.0);
    let split = ((events.len() as f64) * (1.0 - HELD_OUT_SHARE)) as usize;
    let (train, held) = events.split_at(split);
    if train.len() < ANSWER_TIME_MIN || held.len() < ANSWER_TIME_MIN {
        return None;
    }
    let column = |rows: &[(NaiveDate, f64, f64, bool)], i: usize| -> Vec<f64> {
        rows.iter()
            .map(|e| if i == 1 { e.1 } else { e.2 })
            .collect()
    };
    let labels =
        |rows: &[(NaiveDate, f64, f64, bool)]| -> Vec<bool> { rows.iter().map(|e| e.3).collect() };
    let weight = AnswerTime::fit(&column(train, 1), &column(train, 2), &labels(train));
    let timed: Vec<f64> = held.iter().map(|e| weight.predict(e.1, e.2)).collect();
    Some(AnswerTimeFit {
        weight,
        fsrs_log_loss: log_loss(&column(held, 1), &labels(held)),
        timed_log_loss: log_loss(&timed, &labels(held)),
        held_out: held.len(),
    })
}

/// Mean negative log-likelihood of `recalled` under `predictions`.
pub fn log_loss(predictions: &[f64], recalled: &[bool]) -> f64 {
    let n = predictions.len().max(1) as f64;
    predictions
        .iter()
        .zip(recalled)
        .map(|(p, y)| {
            let p = p.clamp(1e-6, 1.0 - 1e-6);
            if *y {
                -p.ln()
            } else {
                -(1.0 - p).ln()
            }
        })
        .sum::<f64>()
        / n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap() + chrono::Duration::days(n)
    }

    #[test]
    fn a_wrong_answer_comes_back_sooner_than_a_right_one() {
        let model = MemoryModel::default();
        let right = model.review(None, Grade::Good, day(0), 0.9, None);
        let wrong = model.review(None, Grade::Again, day(0), 0.9, None);
        assert!(wrong.due_day < right.due_day, "{wrong:?} vs {right:?}");
        assert_eq!(wrong.due_day, day(1), "at least a day, even after a lapse");
        assert!(right.stability > wrong.stability);
        // Later reviews: right again spaces further out, wrong brings it back.
        let again_right = model.review(Some(&right), Grade::Good, right.due_day, 0.9, None);
        let then_wrong = model.review(Some(&right), Grade::Again, right.due_day, 0.9, None);
        assert!(again_right.due_day - right.due_day > right.due_day - day(0));
        assert!(then_wrong.due_day < again_right.due_day);
        assert_eq!(then_wrong.lapses, 1);
        assert_eq!(again_right.reviews, 2);
    }

    #[test]
    fn higher_retention_means_shorter_intervals() {
        let model = MemoryModel::default();
        let first = model.review(None, Grade::Good, day(0), 0.9, None);
        let relaxed = model.review(Some(&first), Grade::Good, first.due_day, 0.8, None);
        let strict = model.review(Some(&first), Grade::Good, first.due_day, 0.97, None);
        assert!(
            strict.due_day < relaxed.due_day,
            "{strict:?} vs {relaxed:?}"
        );
    }

    #[test]
    fn recall_fades_with_time_and_is_ninety_percent_at_stability() {
        let model = MemoryModel::default();
        let m = model.review(None, Grade::Good, day(0), 0.9, None);
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
    fn with_answer_time_a_slow_answer_comes_back_sooner_and_is_predicted_weaker() {
        let timed = MemoryModel::default().with_answer_time(Some(AnswerTime {
            beta: -0.7,
            center: 0.0,
        }));
        let first = timed.review(None, Grade::Good, day(0), 0.9, Some(4000));
        let fast = timed.review(Some(&first), Grade::Good, day(3), 0.9, Some(2000));
        let slow = timed.review(Some(&first), Grade::Good, day(3), 0.9, Some(16000));
        assert!(slow.pace.slowness > 0.0 && fast.pace.slowness < 0.0);
        assert!(slow.due_day < fast.due_day, "{slow:?} vs {fast:?}");
        assert!(timed.recall(&slow, day(10)) < timed.recall(&fast, day(10)));
        // A channel answer (no recall time) is neither slow nor fast.
        let channel = timed.review(Some(&first), Grade::Good, day(3), 0.9, None);
        assert_eq!(channel.pace.slowness, 0.0);
        let plain = MemoryModel::default().review(Some(&first), Grade::Good, day(3), 0.9, None);
        assert_eq!(channel.due_day, plain.due_day, "no shift at the centre");
    }

    /// Histories where a slow answer comes before forgetting a week later.
    fn timed_histories(n: usize) -> Vec<Vec<Answered>> {
        (0..n)
            .map(|i| {
                let slow = i % 3 == 0;
                vec![
                    Answered {
                        day: day(0),
                        correct: true,
                        time_ms: Some(4000),
                    },
                    Answered {
                        day: day(2),
                        correct: true,
                        time_ms: Some(if slow { 20_000 } else { 3000 }),
                    },
                    Answered {
                        day: day(9 + (i % 20) as i64),
                        correct: !slow,
                        time_ms: Some(4000),
                    },
                ]
            })
            .collect()
    }

    #[test]
    fn a_guild_keeps_the_answer_time_weight_only_when_its_held_out_answers_say_so() {
        let model = MemoryModel::default();
        let fit = fit_answer_time(&model, &timed_histories(1200)).expect("enough answers");
        assert!(fit.weight.beta < 0.0, "{fit:?}");
        assert!(fit.better(), "{fit:?}");
        assert!(fit.held_out >= ANSWER_TIME_MIN);
        // Without timed answers there is nothing to fit; with too few, nothing to decide on.
        let untimed: Vec<Vec<Answered>> = timed_histories(1200)
            .into_iter()
            .map(|h| {
                h.into_iter()
                    .map(|a| Answered { time_ms: None, ..a })
                    .collect()
            })
            .collect();
        assert_eq!(fit_answer_time(&model, &untimed), None);
        assert_eq!(fit_answer_time(&model, &timed_histories(30)), None);
        let stored = FittedModel {
            parameters: DEFAULT_PARAMETERS.to_vec(),
            answers_used: 3600,
            answer_time: Some(fit.weight),
        };
        assert_eq!(stored.model().answer_time(), Some(fit.weight));
    }

    #[test]
    fn bad_parameters_are_refused() {
        assert!(MemoryModel::new(&[1.0; 3]).is_err());
        assert!(MemoryModel::new(&[]).is_ok());
    }
}
