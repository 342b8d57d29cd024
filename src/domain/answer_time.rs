//! Answer time as a memory signal: how much slower than usual a member's last answer to a
//! question was, and a fitted weight that turns it into a shift of FSRS-6's predicted recall.
//!
//! A member who needed longer than usual for an answer remembers it less well next time. The
//! answer-time model reads exactly that: the **slowness** of the last answer (the log of its
//! duration minus the mean log duration of the member's answers to that question, within ±3),
//! and shifts FSRS-6's recall in log-odds by `beta` × (slowness − `center`), `beta` fitted on
//! answers (negative: slower, less recall) and `center` the mean slowness it was fitted on, so
//! that it spreads predictions apart without moving their average.
//!
//! Only answer time that measures recall counts: a practice or review question timed from the
//! moment the bot showed it. A channel post is timed from the post, which a member may see
//! hours later: its answer counts as neither slow nor fast, and leaves the mean as it was (see
//! [`Pace::after`]).
//!
//! [`crate::domain::recall_eval`] evaluates the model on a real log; [`crate::domain::memory`]
//! uses it for a guild whose own answers, held out, say it predicts better than FSRS-6 alone.

use serde::{Deserialize, Serialize};

/// How much slower than usual a card's last answer was: the log of its duration minus the mean
/// log duration of the card's answers so far, within ±3 (0 without durations, and for a card
/// answered once). Slow answers are weaker memories; the card's own mean takes out how long
/// the card simply takes to read.
pub fn slowness(durations_ms: &[u32]) -> f64 {
    let logs: Vec<f64> = durations_ms
        .iter()
        .filter(|d| **d > 0)
        .map(|d| f64::from(*d).ln())
        .collect();
    match (durations_ms.last(), logs.is_empty()) {
        (Some(last), false) if *last > 0 => {
            let mean = logs.iter().sum::<f64>() / logs.len() as f64;
            (f64::from(*last).ln() - mean).clamp(-3.0, 3.0)
        }
        _ => 0.0,
    }
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// FSRS-6's predictions with its default and its fitted parameters, averaged in log-odds: the
/// fitted parameters pulled towards the defaults, which a few thousand answers cannot
/// overturn on their own.
pub fn blended(default: f64, fitted: f64) -> f64 {
    sigmoid((logit(default) + logit(fitted)) / 2.0)
}

/// The answer-time model: a prediction `base` (the guild's FSRS-6 in the bot; in the offline
/// evaluation, [`blended`]) shifted in log-odds by `beta`
/// × (slowness − `center`), `center` being the training part's mean slowness, so that the
/// correction moves predictions apart, not their average.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AnswerTime {
    pub beta: f64,
    pub center: f64,
}

/// The L2 penalty on the answer-time weight (a prior that answer time says nothing).
const BETA_PENALTY: f64 = 1.0;

impl AnswerTime {
    /// Fitted by logistic regression with the base prediction as offset (Newton's method on
    /// one weight, with an L2 penalty).
    pub fn fit(base: &[f64], slowness: &[f64], recalled: &[bool]) -> AnswerTime {
        let n = slowness.len().max(1) as f64;
        let center = slowness.iter().sum::<f64>() / n;
        let mut beta = 0.0;
        for _ in 0..30 {
            let (mut gradient, mut hessian) = (BETA_PENALTY * beta, BETA_PENALTY);
            for ((b, x), y) in base.iter().zip(slowness).zip(recalled) {
                let x = x - center;
                let p = sigmoid(logit(*b) + beta * x);
                gradient += (p - f64::from(u8::from(*y))) * x;
                hessian += p * (1.0 - p) * x * x;
            }
            let step = gradient / hessian;
            beta -= step;
            if step.abs() < 1e-10 {
                break;
            }
        }
        AnswerTime { beta, center }
    }

    pub fn predict(&self, base: f64, slowness: f64) -> f64 {
        sigmoid(logit(base) + self.beta * (slowness - self.center))
    }
}

/// The answer-time statistics of a member's memory of one question.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pace {
    /// Timed answers so far.
    pub timed: u32,
    /// Their mean log duration (ms).
    pub log_mean: f64,
    /// The last answer's slowness (0 when it was not timed).
    pub slowness: f64,
}

impl Pace {
    /// After one more answer, timed at `duration_ms` when the time measures recall: the same
    /// slowness as [`slowness`] over every timed answer so far.
    pub fn after(self, duration_ms: Option<i64>) -> Pace {
        match duration_ms.filter(|d| *d > 0) {
            None => Pace {
                slowness: 0.0,
                ..self
            },
            Some(d) => {
                let x = (d as f64).ln();
                let timed = self.timed + 1;
                let log_mean = self.log_mean + (x - self.log_mean) / f64::from(timed);
                Pace {
                    timed,
                    log_mean,
                    slowness: (x - log_mean).clamp(-3.0, 3.0),
                }
            }
        }
    }
}

impl AnswerTime {
    /// The retention to ask FSRS-6 for, so that the corrected recall at the due day is
    /// `desired`: a slow last answer (with a negative weight) asks for more, so the question
    /// comes back sooner.
    pub fn retention_for(&self, desired: f64, slowness: f64) -> f64 {
        sigmoid(logit(desired) - self.beta * (slowness - self.center))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_running_pace_matches_the_slowness_of_all_timed_answers() {
        let durations = [4000i64, 2500, 9000];
        let mut pace = Pace::default();
        for (i, d) in durations.iter().enumerate() {
            pace = pace.after(Some(*d));
            let so_far: Vec<u32> = durations[..=i].iter().map(|d| *d as u32).collect();
            assert!(
                (pace.slowness - slowness(&so_far)).abs() < 1e-12,
                "{pace:?}"
            );
        }
        let untimed = pace.after(None);
        assert_eq!(
            (untimed.timed, untimed.slowness),
            (3, 0.0),
            "a channel answer"
        );
        assert_eq!(untimed.log_mean, pace.log_mean);
    }

    #[test]
    fn a_slow_answer_asks_for_more_retention() {
        let model = AnswerTime {
            beta: -0.7,
            center: 0.0,
        };
        assert!(model.retention_for(0.9, 1.0) > 0.9);
        assert!(model.retention_for(0.9, -1.0) < 0.9);
        assert!((model.retention_for(0.9, 0.0) - 0.9).abs() < 1e-12);
        // At the due day FSRS-6 predicts the asked retention; corrected, that is the desired.
        let asked = model.retention_for(0.9, 1.0);
        assert!((model.predict(asked, 1.0) - 0.9).abs() < 1e-9);
    }
}
