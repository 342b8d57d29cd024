//! Offline evaluation of recall predictions on a real review log (`peerlearn eval-scheduler`).
//!
//! The log (`card_id, review_rating, review_time, review_duration`, ratings 1 = Again … 4 =
//! Easy) is replayed in time order. It is split in time: reviews before the split train (only
//! the fitted FSRS and the constant average learn from them); every later review of a card
//! that was seen on an earlier day is predicted from the card's whole history before it. A
//! review counts as recalled when its rating is above Again. Days are UTC calendar days.
//!
//! Models, all scored on the same reviews:
//! - FSRS-6 with its default parameters, and fitted on the training part;
//! - the constant average recall of the training part;
//! - fixed intervals in the style of Qstream (12 days after a wrong answer, 24 after a right
//!   one) and SM-2: both schedule rather than predict, so each is read as the forgetting curve
//!   it implies, 90% recall at the scheduled interval: `p = 0.9^(t / interval)`.
//!
//! Metrics: log loss, RMSE over 20 equal-width bins of the prediction (weighted by count), and
//! AUC (the probability that a recalled review was predicted higher than a forgotten one).

use super::memory::MemoryModel;
use chrono::{DateTime, NaiveDate, Utc};
use fsrs::{compute_parameters, ComputeParametersInput, FSRSItem, FSRSReview};
use std::collections::HashMap;

/// One review from the log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogReview {
    pub card: i64,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    pub rating: u32,
    pub time: DateTime<Utc>,
}

impl LogReview {
    fn day(&self) -> NaiveDate {
        self.time.date_naive()
    }

    fn recalled(&self) -> bool {
        self.rating > 1
    }
}

/// Reads the log's CSV text; a bad row is an error naming its line.
pub fn parse_log(text: &str) -> Result<Vec<LogReview>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("line 1: {e}"))?
        .clone();
    let column = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| {
            format!(
                "line 1: the column {name:?} is missing (need card_id, review_rating, review_time)"
            )
        })
    };
    let (card, rating, time) = (
        column("card_id")?,
        column("review_rating")?,
        column("review_time")?,
    );
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| record.get(i).unwrap_or("");
        let card = field(card)
            .parse()
            .map_err(|_| format!("line {line}: card_id {:?} is not a number", field(card)))?;
        let rating = field(rating)
            .parse()
            .ok()
            .filter(|r| (1..=4).contains(r))
            .ok_or_else(|| {
                format!(
                    "line {line}: review_rating {:?} is not 1 to 4",
                    field(rating)
                )
            })?;
        let time = DateTime::parse_from_rfc3339(field(time))
            .map_err(|_| {
                format!(
                    "line {line}: review_time {:?} is not an ISO 8601 time",
                    field(time)
                )
            })?
            .to_utc();
        out.push(LogReview { card, rating, time });
    }
    if out.is_empty() {
        return Err("the log has no reviews".into());
    }
    out.sort_by_key(|r| r.time);
    Ok(out)
}

/// Log loss, binned RMSE and AUC of a set of predictions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    pub log_loss: f64,
    pub rmse_bins: f64,
    pub auc: f64,
}

pub fn metrics(predictions: &[f64], recalled: &[bool]) -> Metrics {
    let n = predictions.len().max(1) as f64;
    let log_loss = predictions
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
        / n;
    const BINS: usize = 20;
    let mut bins = [(0.0f64, 0.0f64, 0u32); BINS];
    for (p, y) in predictions.iter().zip(recalled) {
        let b = ((p.clamp(0.0, 1.0) * BINS as f64) as usize).min(BINS - 1);
        bins[b].0 += p;
        bins[b].1 += f64::from(u8::from(*y));
        bins[b].2 += 1;
    }
    let squared: f64 = bins
        .iter()
        .filter(|b| b.2 > 0)
        .map(|(p, y, c)| {
            let c = f64::from(*c);
            (p / c - y / c).powi(2) * c
        })
        .sum();
    Metrics {
        log_loss,
        rmse_bins: (squared / n).sqrt(),
        auc: auc(predictions, recalled),
    }
}

/// Mann–Whitney AUC with average ranks for ties.
fn auc(predictions: &[f64], recalled: &[bool]) -> f64 {
    let mut order: Vec<usize> = (0..predictions.len()).collect();
    order.sort_by(|a, b| predictions[*a].total_cmp(&predictions[*b]));
    let mut ranks = vec![0.0; predictions.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && predictions[order[j + 1]] == predictions[order[i]] {
            j += 1;
        }
        let average = (i + j) as f64 / 2.0 + 1.0;
        for k in i..=j {
            ranks[order[k]] = average;
        }
        i = j + 1;
    }
    let positives = recalled.iter().filter(|y| **y).count() as f64;
    let negatives = recalled.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return 0.5;
    }
    let rank_sum: f64 = ranks
        .iter()
        .zip(recalled)
        .filter(|(_, y)| **y)
        .map(|(r, _)| r)
        .sum();
    (rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives)
}

/// One model's result.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelResult {
    pub name: String,
    pub metrics: Metrics,
}

/// The whole evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub models: Vec<ModelResult>,
    /// Reviews predicted (after the split, card seen on an earlier day).
    pub evaluated: usize,
    pub total: usize,
    pub train_reviews: usize,
    pub split_at: DateTime<Utc>,
    pub fitted_parameters: Vec<f32>,
}

/// A review to predict: the card's history before it and the days since its last review.
struct Event<'a> {
    history: &'a [LogReview],
    elapsed_days: u32,
    recalled: bool,
}

fn fsrs_item(history: &[LogReview], current: Option<&LogReview>) -> FSRSItem {
    let mut reviews = Vec::with_capacity(history.len() + 1);
    let mut previous: Option<NaiveDate> = None;
    for r in history.iter().chain(current) {
        let delta_t = previous.map_or(0, |p| (r.day() - p).num_days().max(0) as u32);
        reviews.push(FSRSReview {
            rating: r.rating,
            delta_t,
        });
        previous = Some(r.day());
    }
    FSRSItem { reviews }
}

fn fsrs_prediction(model: &MemoryModel, e: &Event) -> f64 {
    match model.fsrs().memory_state(fsrs_item(e.history, None), None) {
        Ok(state) => model.recall_after(
            f64::from(state.stability),
            f64::from(state.difficulty),
            f64::from(e.elapsed_days),
        ),
        Err(_) => 0.9,
    }
}

/// `0.9^(t / interval)`: the forgetting curve a scheduler implies.
fn implied_recall(elapsed_days: u32, interval_days: f64) -> f64 {
    0.9f64.powf(f64::from(elapsed_days) / interval_days.max(1.0))
}

fn fixed_interval_prediction(e: &Event) -> f64 {
    let last_right = e.history.last().is_some_and(LogReview::recalled);
    implied_recall(e.elapsed_days, if last_right { 24.0 } else { 12.0 })
}

/// SM-2 (SuperMemo 2) over the history: ratings 1–4 read as quality 1, 3, 4, 5.
fn sm2_prediction(e: &Event) -> f64 {
    let (mut ef, mut n, mut interval) = (2.5f64, 0u32, 1.0f64);
    for r in e.history {
        let q = f64::from([1, 3, 4, 5][(r.rating - 1) as usize]);
        if q < 3.0 {
            n = 0;
            interval = 1.0;
        } else {
            interval = match n {
                0 => 1.0,
                1 => 6.0,
                _ => (interval * ef).round(),
            };
            n += 1;
        }
        ef = (ef + 0.1 - (5.0 - q) * (0.08 + (5.0 - q) * 0.02)).max(1.3);
    }
    implied_recall(e.elapsed_days, interval)
}

/// Replays the log, trains on the first `train_fraction` of reviews (by time), and scores every
/// model on the rest.
pub fn evaluate(reviews: &[LogReview], train_fraction: f64) -> Result<Evaluation, String> {
    if !(0.1..=0.9).contains(&train_fraction) {
        return Err(format!(
            "the training fraction {train_fraction} must be between 0.1 and 0.9"
        ));
    }
    let split_index = ((reviews.len() as f64) * train_fraction) as usize;
    let split_at = reviews
        .get(split_index)
        .ok_or("the log is too short to split")?
        .time;
    let mut by_card: HashMap<i64, Vec<LogReview>> = HashMap::new();
    for r in reviews {
        by_card.entry(r.card).or_default().push(r.clone());
    }
    let mut cards: Vec<_> = by_card.into_iter().collect();
    cards.sort_by_key(|(card, _)| *card);
    let mut test = Vec::new();
    let mut train_items = Vec::new();
    let (mut train_recalled, mut train_count) = (0usize, 0usize);
    for (_, history) in &cards {
        for k in 1..history.len() {
            let current = &history[k];
            let elapsed = (current.day() - history[k - 1].day()).num_days().max(0) as u32;
            if current.time < split_at {
                let item = fsrs_item(&history[..k], Some(current));
                // FSRS trains only on items with at least one review on a later day.
                if item.reviews.iter().any(|r| r.delta_t > 0) {
                    train_items.push(item);
                }
                if elapsed >= 1 {
                    train_count += 1;
                    train_recalled += usize::from(current.recalled());
                }
            } else if elapsed >= 1 {
                test.push(Event {
                    history: &history[..k],
                    elapsed_days: elapsed,
                    recalled: current.recalled(),
                });
            }
        }
    }
    if test.is_empty() || train_count == 0 {
        return Err("not enough reviews on separate days to train and evaluate".into());
    }
    let fitted = compute_parameters(ComputeParametersInput {
        train_set: train_items,
        ..Default::default()
    })
    .map_err(|e| format!("fitting FSRS on the training part failed: {e}"))?;
    let default_model = MemoryModel::default();
    let fitted_model = MemoryModel::new(&fitted)?;
    let average = train_recalled as f64 / train_count as f64;
    let labels: Vec<bool> = test.iter().map(|e| e.recalled).collect();
    let score = |name: &str, predict: &dyn Fn(&Event) -> f64| ModelResult {
        name: name.to_string(),
        metrics: metrics(&test.iter().map(predict).collect::<Vec<_>>(), &labels),
    };
    let models = vec![
        score("FSRS-6, default parameters", &|e| {
            fsrs_prediction(&default_model, e)
        }),
        score("FSRS-6, fitted on the training part", &|e| {
            fsrs_prediction(&fitted_model, e)
        }),
        score("constant average recall", &|_| average),
        score(
            "fixed intervals 12/24 days (Qstream-style)",
            &fixed_interval_prediction,
        ),
        score("SM-2", &sm2_prediction),
    ];
    Ok(Evaluation {
        models,
        evaluated: test.len(),
        total: reviews.len(),
        train_reviews: split_index,
        split_at,
        fitted_parameters: fitted,
    })
}

/// The evaluation as a Markdown table with a short header.
pub fn report(e: &Evaluation) -> String {
    let mut out = format!(
        "{} reviews; trained on the {} before {}; evaluated on {} later reviews of cards seen on an earlier day\n\n",
        e.total,
        e.train_reviews,
        e.split_at.format("%Y-%m-%d %H:%M UTC"),
        e.evaluated
    );
    out.push_str("| model | log loss | RMSE (bins) | AUC |\n| --- | ---: | ---: | ---: |\n");
    for m in &e.models {
        out.push_str(&format!(
            "| {} | {:.4} | {:.4} | {:.4} |\n",
            m.name, m.metrics.log_loss, m.metrics.rmse_bins, m.metrics.auc
        ));
    }
    let fitted: Vec<String> = e
        .fitted_parameters
        .iter()
        .map(|w| format!("{w:.4}"))
        .collect();
    out.push_str(&format!(
        "\nfitted FSRS-6 parameters: {}\n",
        fitted.join(", ")
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_match_hand_computed_values() {
        let m = metrics(&[0.9, 0.9, 0.2, 0.6], &[true, false, false, true]);
        let expected_loss = -(0.9f64.ln() + 0.1f64.ln() + 0.8f64.ln() + 0.6f64.ln()) / 4.0;
        assert!((m.log_loss - expected_loss).abs() < 1e-12);
        // Positives 0.9, 0.6; negatives 0.9, 0.2: pairs (0.9>0.2), (0.9=0.9 half), (0.6>0.2), (0.6<0.9).
        assert!((m.auc - 2.5 / 4.0).abs() < 1e-12, "{}", m.auc);
        // Bins: 0.9 bin has pred 0.9, actual 0.5 (2 items); 0.2 → 0 actual; 0.6 → 1 actual.
        let rmse = ((0.4f64.powi(2) * 2.0 + 0.2f64.powi(2) + 0.4f64.powi(2)) / 4.0).sqrt();
        assert!((m.rmse_bins - rmse).abs() < 1e-12, "{}", m.rmse_bins);
        assert_eq!(metrics(&[0.5, 0.5], &[true, true]).auc, 0.5);
    }

    #[test]
    fn schedulers_imply_ninety_percent_at_their_interval() {
        assert!((implied_recall(24, 24.0) - 0.9).abs() < 1e-12);
        assert!(implied_recall(48, 24.0) < implied_recall(12, 24.0));
    }

    #[test]
    fn the_log_format_is_read_and_bad_rows_name_their_line() {
        let ok = "card_id,review_rating,review_time,review_duration\n2,3,2024-03-30T10:00:00+00:00,100\n1,1,2024-03-29T20:32:32.25+00:00,25060\n";
        let reviews = parse_log(ok).unwrap();
        assert_eq!(reviews.len(), 2);
        assert_eq!(reviews[0].card, 1, "sorted by time");
        let bad = ok.replace(",3,", ",7,");
        assert!(parse_log(&bad)
            .unwrap_err()
            .starts_with("line 2: review_rating \"7\""));
        assert!(parse_log("a,b\n").unwrap_err().contains("card_id"));
    }
}
