//! Offline evaluation of recall predictions on a real review log (`peerlearn eval-scheduler`).
//!
//! The log (`card_id, review_rating, review_time, review_duration`, ratings 1 = Again … 4 =
//! Easy) is replayed in time order. It is split in time: reviews before the split train (only
//! the fitted FSRS, the answer-time model and the constant average learn from them); every
//! later review of a card that was seen on an earlier day is predicted from the card's whole
//! history before it. A review counts as recalled when its rating is above Again. Days are UTC
//! calendar days.
//!
//! **No future leaks in.** A prediction reads only the card's reviews before it (their
//! ratings, days and durations), never the review's own duration or rating; everything fitted
//! (FSRS's parameters, the answer-time weight and its centring) is fitted on the training
//! part alone. [`evaluate_folds`] repeats this over several time-ordered folds, the way the
//! open srs-benchmark evaluates (scikit-learn's `TimeSeriesSplit`): the log in `folds + 1`
//! blocks of equal review counts, fold `k` training on blocks `0..k` and predicting block `k`.
//!
//! Models, all scored on the same reviews:
//! - FSRS-6 with its default parameters, and fitted on the training part;
//! - FSRS-6 with answer time ([`AnswerTime`]): the default and fitted FSRS-6 predictions
//!   averaged in log-odds, shifted by how much slower than usual the card's last answer was;
//! - the constant average recall of the training part;
//! - fixed intervals in the style of Qstream (12 days after a wrong answer, 24 after a right
//!   one) and SM-2: both schedule rather than predict, so each is read as the forgetting curve
//!   it implies, 90% recall at the scheduled interval: `p = 0.9^(t / interval)`.
//!
//! Metrics: log loss, RMSE over 20 equal-width bins of the prediction (weighted by count), and
//! AUC (the probability that a recalled review was predicted higher than a forgotten one).

use super::answer_time::{blended, slowness, AnswerTime};
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
    /// How long the answer took, when the log says.
    pub duration_ms: Option<u32>,
}

impl LogReview {
    fn day(&self) -> NaiveDate {
        self.time.date_naive()
    }

    fn recalled(&self) -> bool {
        self.rating > 1
    }
}

/// Reads the log's CSV text: this crate's layout (`card_id, review_rating, review_time,
/// review_duration`) or anki-revlogs-10k's (see [`crate::domain::revlog`]), told apart by the
/// header; a bad row is an error naming its line.
pub fn parse_log(text: &str) -> Result<Vec<LogReview>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("line 1: {e}"))?
        .clone();
    if headers.iter().any(|h| h == "day_offset") {
        return parse_revlog(reader, &headers);
    }
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
    // Optional: a log without durations is evaluated without them.
    let duration = headers.iter().position(|h| h == "review_duration");
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
        let duration_ms = duration.and_then(|i| field(i).parse().ok());
        out.push(LogReview {
            card,
            rating,
            time,
            duration_ms,
        });
    }
    if out.is_empty() {
        return Err("the log has no reviews".into());
    }
    out.sort_by_key(|r| r.time);
    Ok(out)
}

/// Reads anki-revlogs-10k's layout: `card_id, day_offset, rating, duration` (with `user_id`
/// when several members share the file). Its rows are in time order and carry days, not times:
/// each review gets its day and the row's place within it.
fn parse_revlog(
    mut reader: csv::Reader<&[u8]>,
    headers: &csv::StringRecord,
) -> Result<Vec<LogReview>, String> {
    let column = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| {
            format!("line 1: the column {name:?} is missing (need card_id, day_offset, rating)")
        })
    };
    let (card, day, rating) = (column("card_id")?, column("day_offset")?, column("rating")?);
    let (user, duration) = (column("user_id").ok(), column("duration").ok());
    let start = DateTime::<Utc>::UNIX_EPOCH;
    let mut out = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| e.to_string())?;
        let line = record.position().map_or(0, |p| p.line());
        let number = |i: usize, name: &str| -> Result<i64, String> {
            let text = record.get(i).unwrap_or("");
            text.parse()
                .map_err(|_| format!("line {line}: {name} {text:?} is not a whole number"))
        };
        let user = match user {
            Some(u) => number(u, "user_id")?,
            None => 0,
        };
        let rating = number(rating, "rating")?;
        if !(1..=4).contains(&rating) {
            return Err(format!("line {line}: rating {rating} is not 1 to 4"));
        }
        let day = number(day, "day_offset")?.clamp(0, 1_000_000);
        out.push(LogReview {
            card: (user << 32) ^ number(card, "card_id")?,
            rating: rating as u32,
            time: start + chrono::Duration::days(day) + chrono::Duration::milliseconds(row as i64),
            duration_ms: match duration {
                Some(d) => u32::try_from(number(d, "duration")?)
                    .ok()
                    .filter(|d| *d > 0),
                None => None,
            },
        });
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
    let log_loss = super::memory::log_loss(predictions, recalled);
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
    /// The answer-time model's fitted weight and centring.
    pub answer_time: AnswerTime,
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

/// The durations of a card's answers so far (0 where the log has none).
fn durations(history: &[LogReview]) -> Vec<u32> {
    history.iter().map(|r| r.duration_ms.unwrap_or(0)).collect()
}

/// The models scored on one split: trained on the reviews before `train_end`, predicting those
/// from `train_end` up to `test_end` (the end of the log when `None`).
struct SplitResult {
    models: Vec<ModelResult>,
    evaluated: usize,
    fitted: Vec<f32>,
    answer_time: AnswerTime,
}

fn evaluate_split(
    cards: &[(i64, Vec<LogReview>)],
    train_end: DateTime<Utc>,
    test_end: Option<DateTime<Utc>>,
) -> Result<SplitResult, String> {
    let mut train = Vec::new();
    let mut test = Vec::new();
    let mut train_items = Vec::new();
    for (_, history) in cards {
        for k in 1..history.len() {
            let current = &history[k];
            let elapsed = (current.day() - history[k - 1].day()).num_days().max(0) as u32;
            let event = Event {
                history: &history[..k],
                elapsed_days: elapsed,
                recalled: current.recalled(),
            };
            if current.time < train_end {
                let item = fsrs_item(&history[..k], Some(current));
                // FSRS trains only on items with at least one review on a later day.
                if item.reviews.iter().any(|r| r.delta_t > 0) {
                    train_items.push(item);
                }
                if elapsed >= 1 {
                    train.push(event);
                }
            } else if elapsed >= 1 && test_end.is_none_or(|end| current.time < end) {
                test.push(event);
            }
        }
    }
    if test.is_empty() || train.is_empty() {
        return Err("not enough reviews on separate days to train and evaluate".into());
    }
    let fitted = compute_parameters(ComputeParametersInput {
        train_set: train_items,
        ..Default::default()
    })
    .map_err(|e| format!("fitting FSRS on the training part failed: {e}"))?;
    let default_model = MemoryModel::default();
    let fitted_model = MemoryModel::new(&fitted)?;
    let base = |e: &Event| {
        blended(
            fsrs_prediction(&default_model, e),
            fsrs_prediction(&fitted_model, e),
        )
    };
    let slow = |e: &Event| slowness(&durations(e.history));
    let answer_time = AnswerTime::fit(
        &train.iter().map(base).collect::<Vec<_>>(),
        &train.iter().map(slow).collect::<Vec<_>>(),
        &train.iter().map(|e| e.recalled).collect::<Vec<_>>(),
    );
    let average = train.iter().filter(|e| e.recalled).count() as f64 / train.len() as f64;
    let labels: Vec<bool> = test.iter().map(|e| e.recalled).collect();
    let score = |name: &str, predict: &dyn Fn(&Event) -> f64| ModelResult {
        name: name.to_string(),
        metrics: metrics(&test.iter().map(predict).collect::<Vec<_>>(), &labels),
    };
    let models = vec![
        score(DEFAULT_FSRS, &|e| fsrs_prediction(&default_model, e)),
        score(FITTED_FSRS, &|e| fsrs_prediction(&fitted_model, e)),
        score("FSRS-6, default and fitted blended", &base),
        score(WITH_ANSWER_TIME, &|e| answer_time.predict(base(e), slow(e))),
        score("constant average recall", &|_| average),
        score(
            "fixed intervals 12/24 days (Qstream-style)",
            &fixed_interval_prediction,
        ),
        score("SM-2", &sm2_prediction),
    ];
    Ok(SplitResult {
        models,
        evaluated: test.len(),
        fitted,
        answer_time,
    })
}

/// The models' names in the tables.
pub const DEFAULT_FSRS: &str = "FSRS-6, default parameters";
pub const FITTED_FSRS: &str = "FSRS-6, fitted on the training part";
pub const WITH_ANSWER_TIME: &str = "FSRS-6 with answer time";

/// The log's reviews by card, each card's in time order, cards in id order.
fn by_card(reviews: &[LogReview]) -> Vec<(i64, Vec<LogReview>)> {
    let mut by_card: HashMap<i64, Vec<LogReview>> = HashMap::new();
    for r in reviews {
        by_card.entry(r.card).or_default().push(r.clone());
    }
    let mut cards: Vec<_> = by_card.into_iter().collect();
    cards.sort_by_key(|(card, _)| *card);
    cards
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
    let split = evaluate_split(&by_card(reviews), split_at, None)?;
    Ok(Evaluation {
        models: split.models,
        evaluated: split.evaluated,
        total: reviews.len(),
        train_reviews: split_index,
        split_at,
        fitted_parameters: split.fitted,
        answer_time: split.answer_time,
    })
}

/// One model's figures over the folds.
#[derive(Debug, Clone, PartialEq)]
pub struct FoldedModel {
    pub name: String,
    /// Each fold's figures, in fold order.
    pub folds: Vec<Metrics>,
}

/// A time-series evaluation (see the module docs).
#[derive(Debug, Clone, PartialEq)]
pub struct FoldEvaluation {
    pub models: Vec<FoldedModel>,
    /// Reviews predicted in each fold.
    pub evaluated: Vec<usize>,
}

/// Mean and sample standard deviation.
pub fn mean_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len().max(1) as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    (mean, var.sqrt())
}

/// Scores every model on `folds` time-ordered folds (2 to 10).
pub fn evaluate_folds(reviews: &[LogReview], folds: usize) -> Result<FoldEvaluation, String> {
    if !(2..=10).contains(&folds) {
        return Err(format!("{folds} folds: use 2 to 10"));
    }
    let cards = by_card(reviews);
    let boundary = |k: usize| reviews.get(k * reviews.len() / (folds + 1)).map(|r| r.time);
    let mut out = FoldEvaluation {
        models: vec![],
        evaluated: vec![],
    };
    for k in 1..=folds {
        let train_end = boundary(k).ok_or("the log is too short for these folds")?;
        let split = evaluate_split(&cards, train_end, boundary(k + 1))?;
        if out.models.is_empty() {
            out.models = split
                .models
                .iter()
                .map(|m| FoldedModel {
                    name: m.name.clone(),
                    folds: vec![],
                })
                .collect();
        }
        for (folded, m) in out.models.iter_mut().zip(&split.models) {
            folded.folds.push(m.metrics);
        }
        out.evaluated.push(split.evaluated);
    }
    Ok(out)
}

/// The folds as a Markdown table: each figure's mean ± standard deviation across folds, and
/// in how many folds the answer-time model beat both FSRS-6 rows on log loss and on AUC.
pub fn fold_report(e: &FoldEvaluation) -> String {
    let mut out = format!(
        "time-series evaluation, {} folds (each trains on every review before it); reviews predicted per fold: {}\n\n",
        e.evaluated.len(),
        e.evaluated
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    out.push_str("| model | log loss | RMSE (bins) | AUC |\n| --- | ---: | ---: | ---: |\n");
    let cell = |values: Vec<f64>| {
        let (mean, sd) = mean_sd(&values);
        format!("{mean:.4} ± {sd:.4}")
    };
    for m in &e.models {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            m.name,
            cell(m.folds.iter().map(|f| f.log_loss).collect()),
            cell(m.folds.iter().map(|f| f.rmse_bins).collect()),
            cell(m.folds.iter().map(|f| f.auc).collect()),
        ));
    }
    let row = |name: &str| e.models.iter().find(|m| m.name == name);
    if let (Some(timed), Some(d), Some(f)) =
        (row(WITH_ANSWER_TIME), row(DEFAULT_FSRS), row(FITTED_FSRS))
    {
        let folds = timed.folds.len();
        let wins = |better: &dyn Fn(&Metrics, &Metrics) -> bool| {
            (0..folds)
                .filter(|&i| {
                    better(&timed.folds[i], &d.folds[i]) && better(&timed.folds[i], &f.folds[i])
                })
                .count()
        };
        out.push_str(&format!(
            "\n{WITH_ANSWER_TIME} beats both FSRS-6 rows on log loss in {} of {folds} folds, on AUC in {} of {folds}\n",
            wins(&|a, b| a.log_loss < b.log_loss),
            wins(&|a, b| a.auc > b.auc),
        ));
    }
    out
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
        "\nfitted FSRS-6 parameters: {}\nanswer-time weight: {:.4} per unit of log slowness (centred at {:.4})\n",
        fitted.join(", "),
        e.answer_time.beta,
        e.answer_time.center
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
    fn slowness_is_the_last_answer_against_the_cards_usual_time() {
        assert_eq!(slowness(&[]), 0.0);
        assert_eq!(slowness(&[5000]), 0.0, "one answer is its own usual time");
        let slow = slowness(&[2000, 2000, 8000]);
        let mean = (2.0 * 2000f64.ln() + 8000f64.ln()) / 3.0;
        assert!((slow - (8000f64.ln() - mean)).abs() < 1e-12);
        assert!(slowness(&[8000, 8000, 2000]) < 0.0, "faster than usual");
        assert_eq!(
            slowness(&[1, 1, 1, 1, 1, 1, 1, 1, u32::MAX]),
            3.0,
            "within ±3"
        );
        assert_eq!(slowness(&[3000, 0]), 0.0, "no duration for the last answer");
    }

    /// A log where slow answers come before forgetting: `slow_then_forgotten` of the cards
    /// were answered slowly the last time and then forgotten; the rest answered fast and kept.
    fn timed_log(cards: i64, slow_then_forgotten: i64) -> Vec<LogReview> {
        let t0 = DateTime::parse_from_rfc3339("2024-01-01T08:00:00Z")
            .unwrap()
            .to_utc();
        let mut out = vec![];
        for c in 0..cards {
            let slow = c < slow_then_forgotten;
            for (day, rating, duration) in [
                (0, 3, 4000),
                (2, 3, 4000),
                (6, 3, if slow { 16000 } else { 3000 }),
                (14, if slow { 1 } else { 3 }, 4000),
            ] {
                out.push(LogReview {
                    card: c,
                    rating,
                    time: t0 + chrono::Duration::days(day) + chrono::Duration::minutes(c),
                    duration_ms: Some(duration),
                });
            }
        }
        out.sort_by_key(|r| r.time);
        out
    }

    #[test]
    fn the_answer_time_weight_reads_slow_answers_as_weaker_memories() {
        let log = timed_log(40, 12);
        let cards = by_card(&log);
        let events: Vec<(f64, bool)> = cards
            .iter()
            .map(|(_, h)| (slowness(&durations(&h[..3])), h[3].recalled()))
            .collect();
        let base = vec![0.8; events.len()];
        let xs: Vec<f64> = events.iter().map(|e| e.0).collect();
        let ys: Vec<bool> = events.iter().map(|e| e.1).collect();
        let model = AnswerTime::fit(&base, &xs, &ys);
        assert!(model.beta < -1.0, "slow before forgetting: {model:?}");
        assert!(model.predict(0.8, xs[0]) < 0.8 && model.predict(0.8, xs[39]) > 0.8);
        // Answer time that says nothing gets a weight near nothing.
        let unrelated: Vec<bool> = (0..40).map(|i| i % 3 != 0).collect();
        let none = AnswerTime::fit(&base, &vec![0.5; 40], &unrelated);
        assert!(none.beta.abs() < 1e-9, "{none:?}");
    }

    #[test]
    fn nothing_after_the_training_part_changes_what_was_fitted() {
        let log = timed_log(40, 12);
        let train_end = log[log.len() / 2].time;
        let mut changed = log.clone();
        for r in changed.iter_mut().filter(|r| r.time >= train_end) {
            r.duration_ms = Some(60_000);
            r.rating = 1;
        }
        let a = evaluate_split(&by_card(&log), train_end, None).unwrap();
        let b = evaluate_split(&by_card(&changed), train_end, None).unwrap();
        assert_eq!(a.answer_time, b.answer_time);
        assert_eq!(a.fitted, b.fitted);
        assert_ne!(a.models, b.models, "the test part did change");
    }

    #[test]
    fn folds_train_on_the_past_and_predict_the_next_block() {
        let log = timed_log(60, 20);
        let folds = evaluate_folds(&log, 2).unwrap();
        assert_eq!(folds.evaluated.len(), 2);
        assert!(folds.models.iter().all(|m| m.folds.len() == 2));
        assert!(folds.evaluated.iter().all(|n| *n > 0));
        assert!(evaluate_folds(&log, 1).is_err());
        let report = fold_report(&folds);
        assert!(report.contains("| FSRS-6 with answer time | "), "{report}");
        assert!(
            report.contains("beats both FSRS-6 rows on log loss in"),
            "{report}"
        );
        let (mean, sd) = mean_sd(&[1.0, 3.0]);
        assert_eq!((mean, sd), (2.0, 2f64.sqrt()));
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
        assert_eq!(reviews[0].duration_ms, Some(25060));
        let without =
            parse_log("card_id,review_rating,review_time\n1,3,2024-03-30T10:00:00+00:00\n");
        assert_eq!(
            without.unwrap()[0].duration_ms,
            None,
            "durations are optional"
        );
        // The anki-revlogs-10k layout, as `peerlearn export revlog` writes it.
        let revlog =
            "user_id,card_id,day_offset,rating,state,duration,elapsed_days,elapsed_seconds\n\
                      1,1,0,1,0,0,-1,-1\n2,1,0,3,0,4200,-1,-1\n1,1,3,3,3,60000,3,259200\n";
        let reviews = parse_log(revlog).unwrap();
        assert_eq!(reviews.len(), 3);
        assert_ne!(reviews[0].card, reviews[1].card, "one card per member");
        assert_eq!(reviews[2].card, reviews[0].card);
        assert_eq!((reviews[2].day() - reviews[0].day()).num_days(), 3);
        assert_eq!(
            (reviews[0].duration_ms, reviews[1].duration_ms),
            (None, Some(4200)),
            "0 is unknown"
        );
        let bad = revlog.replace("2,1,0,3", "2,1,0,7");
        assert!(parse_log(&bad).unwrap_err().starts_with("line 3: rating 7"));
        let bad = ok.replace(",3,", ",7,");
        assert!(parse_log(&bad)
            .unwrap_err()
            .starts_with("line 2: review_rating \"7\""));
        assert!(parse_log("a,b\n").unwrap_err().contains("card_id"));
    }
}
