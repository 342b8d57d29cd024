//! Honest measurement: what members really know, what the reviews caused, and which questions
//! are flawed. Pure functions over plain facts; the store gathers the facts and the report
//! shows the figures.
//!
//! **Knowledge checks.** Every other answer is chosen by the bot for a reason (a review is due
//! when the memory model expects about 90 % recall; practice picks weak topics), so their
//! accuracy measures the schedule, not the people. A knowledge check is a question drawn
//! uniformly at random from a topic's whole bank, whatever the schedule says ([`check_due`]
//! decides when, at a configured share and under a daily cap per member). Its result is an
//! unbiased sample of "does this member know a question of this topic today".
//!
//! **Lucky guesses.** A click is right when the member knows the answer, or guesses it: with
//! a chance `g` of a lucky guess (1/k for one of `k` choices; see
//! [`crate::domain::answer_key::QuestionKind::guess_chance`] for the other kinds),
//! P(right) = r + (1 − r)·g for a recall probability `r`. [`guess_corrected`] scores a check
//! `(x − g)/(1 − g)` (1 when right, −g/(1 − g) when wrong), whose expectation is exactly `r`:
//! the figure is the share of the bank members *know*, not the share they would click right.
//!
//! **Knowledge now, model-assisted.** A handful of checks a week is too few for a precise share
//! on its own, so the estimate borrows the memory model, which sees every answer. For each
//! member and each question of a topic: on a question they have answered, FSRS's predicted
//! recall today, shifted by how far the model was off on checks of questions seen before
//! (their mean of guess-corrected score minus what the model predicted just before the check);
//! on a question they never answered, the model knows nothing, and the mean score of checks on
//! questions met for the first time stands in. The knowledge of a topic is the average over
//! every member and question. Recent checks weigh more ([`NOW_HALF_LIFE_DAYS`]): the model's
//! errors drift as memories age and prior knowledge fades. Because checks are uniform over the
//! bank, both corrections see the kinds of questions the average goes over. (A least-squares
//! line through the checks, `score ≈ a + b × prediction`, was tried: on the demo's hundreds of
//! checks its slope was too noisy, and it carried check-time errors to other predictions.)
//! The interval comes from a bootstrap over members (a member's checks and memories are
//! resampled together, so members answering several checks are not counted as independent),
//! which also carries the corrections' uncertainty: the replicates' standard deviation times
//! Student's t with one degree of freedom fewer than the people (as for any estimate with few
//! clusters; the plain percentiles covered too rarely with a dozen people in an arm).
//!
//! **Knowledge at the start.** The bot knows nothing of a member before their first answer;
//! a check on a question the member had never been asked measures what they knew without
//! peerlearn. The baseline is the guess-corrected score of those first-meeting checks, the
//! ones soon after a member's first answer weighing more ([`START_HALF_LIFE_DAYS`]): later
//! ones measure prior knowledge that has faded meanwhile.
//!
//! **Uplift.** With a randomized holdout ([`assign_holdout`] for the members known when it
//! starts, [`block_holdout`] for those who arrive later) the difference of the two arms'
//! knowledge is what the reviews caused: each arm's model is corrected by its own checks, and
//! the bootstrap resamples members within each arm.
//!
//! **Item quality.** [`item_stats`]: first-try accuracy, discrimination (point-biserial
//! correlation of the item with the member's result on the other items), how often each choice
//! is picked, and flags for items that are probably ambiguous or wrongly keyed. A flag needs
//! strong evidence (a one-sided test at 1%): with a dozen first tries a correlation or a
//! choice count swings by chance, and a sound question should not be sent back to its author.

use super::analytics::pearson;
use crate::dice::SplitMix64;
use crate::domain::answer_key::QuestionKind;
use crate::domain::ids::{GuildId, UserId};
use crate::i18n::Lang;
use crate::t;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Bootstrap resamples behind an interval: enough for its standard error (within about 5%).
pub const BOOTSTRAP_RESAMPLES: usize = 200;
/// A question's first tries needed before its quality is judged.
pub const ITEM_MIN_ANSWERS: usize = 8;
/// Other first tries a member needs to count in an item's discrimination.
const DISCRIMINATION_MIN_OTHERS: usize = 3;
/// How strong the evidence must be to flag a question: a one-sided test at 1% (z = 2.33), so
/// sound questions are flagged by chance about once per hundred questions and kind of flag.
const FLAG_Z: f64 = 2.326;

/// The guess-corrected score of one answer to a question a blind guess gets right with
/// probability `guess`: its expected value is the member's recall probability (see the
/// module docs).
pub fn guess_corrected(correct: bool, guess: f64) -> f64 {
    let g = guess.clamp(0.0, 0.5);
    if correct {
        1.0
    } else {
        -g / (1.0 - g)
    }
}

/// Whether the next personal question should be a knowledge check: with probability `share`
/// (the caller's uniform `roll` in [0, 1)), while the member has answered fewer than `cap`
/// checks today.
pub fn check_due(roll: f64, share: f64, answered_today: u32, cap: u32) -> bool {
    answered_today < cap && roll < share
}

/// Half-life, in days, of a check's weight in today's calibration: the model's errors drift
/// as memories age, and prior knowledge fades, so recent checks say more about today.
pub const NOW_HALF_LIFE_DAYS: f64 = 14.0;

/// Half-life, in days after a member's first answer, of a first-meeting check's weight in the
/// knowledge at the start: what members knew before fades while they use peerlearn (on the
/// demo's 45-day runs, weighing all first meetings alike read 2 points low; this, 1).
pub const START_HALF_LIFE_DAYS: f64 = 14.0;

/// A check's weight `age_days` after it, for a half-life.
pub fn decay_weight(age_days: f64, half_life_days: f64) -> f64 {
    0.5f64.powf(age_days.max(0.0) / half_life_days)
}

/// Weighted sums of the scores (and predictions) of some checks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Sums {
    /// How many checks.
    pub n: u32,
    /// Sum of the weights.
    pub w: f64,
    /// Weighted sums of the prediction and of the guess-corrected score.
    pub p: f64,
    pub y: f64,
}

impl Sums {
    fn add(&mut self, p: f64, y: f64, w: f64) {
        self.n += 1;
        self.w += w;
        self.p += w * p;
        self.y += w * y;
    }

    fn merge(&mut self, o: &Sums) {
        self.n += o.n;
        self.w += o.w;
        self.p += o.p;
        self.y += o.y;
    }

    /// The weighted mean score.
    fn mean(&self) -> Option<f64> {
        (self.n > 0 && self.w > 0.0).then(|| self.y / self.w)
    }

    /// The weighted mean of score minus prediction: how far the model was off.
    fn residual(&self) -> Option<f64> {
        (self.n > 0 && self.w > 0.0).then(|| (self.y - self.p) / self.w)
    }
}

/// What one member contributes to the knowledge estimate of one topic.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberTopic {
    /// Questions of the topic the member has answered.
    pub seen: u32,
    /// The model's predicted recall today of those, summed.
    pub predicted: f64,
    /// Questions of the topic they have never answered.
    pub unseen: u32,
    /// Checks on questions they had answered before (weighted for today).
    pub checks: Sums,
    /// Checks on questions met for the first time, weighted for today.
    pub firsts: Sums,
    /// The same, weighted for the start.
    pub firsts_start: Sums,
}

impl MemberTopic {
    /// Adds a check on a question seen before: predicted `p`, scored `y`, weighted `w`.
    pub fn add_check(&mut self, p: f64, y: f64, w: f64) {
        self.checks.add(p, y, w);
    }

    /// Adds a check on a question met for the first time, scored `y`, weighted `w_now` for
    /// today's knowledge and `w_start` for the start.
    pub fn add_first(&mut self, y: f64, w_now: f64, w_start: f64) {
        self.firsts.add(0.0, y, w_now);
        self.firsts_start.add(0.0, y, w_start);
    }
}

/// One member's facts for the knowledge estimate: a [`MemberTopic`] per topic, in the order of
/// the topic weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberKnowledge {
    pub user: u64,
    pub topics: Vec<MemberTopic>,
}

impl MemberKnowledge {
    fn checks(&self) -> u32 {
        self.topics.iter().map(|t| t.checks.n + t.firsts.n).sum()
    }
}

/// A figure with its 95 % interval and what it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
    /// Members with at least one check behind it.
    pub people: usize,
    /// Checks behind it.
    pub n: usize,
}

impl Estimate {
    /// Half the interval's width.
    pub fn margin(&self) -> f64 {
        (self.high - self.low) / 2.0
    }
}

/// Which knowledge: today's, or before peerlearn asked (first meetings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Now,
    Start,
}

/// Each topic's facts summed over `members`.
fn sum_topics(members: &[&MemberKnowledge], topics: usize) -> Vec<MemberTopic> {
    let mut sums = vec![MemberTopic::default(); topics];
    for m in members {
        for (s, mt) in sums.iter_mut().zip(&m.topics) {
            s.seen += mt.seen;
            s.predicted += mt.predicted;
            s.unseen += mt.unseen;
            s.checks.merge(&mt.checks);
            s.firsts.merge(&mt.firsts);
            s.firsts_start.merge(&mt.firsts_start);
        }
    }
    sums
}

/// The weighted knowledge from summed facts (see the module docs). `weights` are the topics'
/// shares of the bank (summing to 1 over the topics asked for). `None` when a needed
/// correction has no check.
fn knowledge_from(sums: &[MemberTopic], weights: &[f64], when: When) -> Option<f64> {
    let weighted: Vec<usize> = (0..weights.len().min(sums.len()))
        .filter(|&t| weights[t] > 0.0)
        .collect();
    // One correction of the model over the topics asked for; a topic without a
    // first-meeting check of its own borrows the others' mean.
    let mut pooled = MemberTopic::default();
    for &t in &weighted {
        pooled.checks.merge(&sums[t].checks);
        pooled.firsts.merge(&sums[t].firsts);
        pooled.firsts_start.merge(&sums[t].firsts_start);
    }
    let mut value = 0.0;
    for &t in &weighted {
        let s = &sums[t];
        let topic = match when {
            When::Start => s.firsts_start.mean().or(pooled.firsts_start.mean())?,
            When::Now => {
                let questions = f64::from(s.seen + s.unseen);
                if questions == 0.0 {
                    continue;
                }
                let seen_part = match s.seen {
                    0 => 0.0,
                    n => s.predicted + pooled.checks.residual()? * f64::from(n),
                };
                let unseen_part = match s.unseen {
                    0 => 0.0,
                    n => s.firsts.mean().or(pooled.firsts.mean())? * f64::from(n),
                };
                (seen_part + unseen_part) / questions
            }
        };
        value += weights[t] * topic;
    }
    Some(value.clamp(0.0, 1.0))
}

/// The weighted knowledge of a set of members (one resample of them).
fn knowledge_of(members: &[&MemberKnowledge], weights: &[f64], when: When) -> Option<f64> {
    if members.is_empty() {
        return None;
    }
    knowledge_from(&sum_topics(members, weights.len()), weights, when)
}

/// The two-sided 95% quantile of Student's t with `df` degrees of freedom (Cornish–Fisher
/// expansion around the normal's 1.96; within 0.03 of the table from 3 degrees of freedom,
/// 0.01 from 5).
pub fn t_quantile(df: usize) -> f64 {
    let z: f64 = 1.959_964;
    let d = df.max(1) as f64;
    z + (z.powi(3) + z) / (4.0 * d)
        + (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / (96.0 * d * d)
        + (3.0 * z.powi(7) + 19.0 * z.powi(5) + 17.0 * z.powi(3) - 15.0 * z) / (384.0 * d.powi(3))
}

/// The interval around `estimate` from bootstrap replicates over `people` members: their
/// standard deviation (the standard error), made unbiased for the sample (× √(n/(n − 1))),
/// times Student's t with n − 1 degrees of freedom. With few people this is wider than the
/// replicates' own percentiles, which cover too rarely with a dozen people.
fn interval(estimate: f64, replicates: &[f64], people: usize) -> (f64, f64) {
    if replicates.len() < 2 || people < 2 {
        return (f64::NEG_INFINITY, f64::INFINITY);
    }
    let n = replicates.len() as f64;
    let mean = replicates.iter().sum::<f64>() / n;
    let var = replicates.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / (n - 1.0);
    let p = people as f64;
    let half = t_quantile(people - 1) * (var * p / (p - 1.0)).sqrt();
    (estimate - half, estimate + half)
}

/// Draws `members.len()` of them with replacement.
fn resample<'a>(members: &[&'a MemberKnowledge], rng: &mut SplitMix64) -> Vec<&'a MemberKnowledge> {
    (0..members.len())
        .map(|_| members[rng.below(members.len() as u64) as usize])
        .collect()
}

/// Members and checks behind an estimate over the topics with weight: members with a check
/// counted, and the checks.
fn counts(members: &[&MemberKnowledge], weights: &[f64], when: When) -> (usize, usize) {
    let counted = |m: &&MemberKnowledge| {
        let topics = m.topics.iter().zip(weights).filter(|(_, w)| **w > 0.0);
        topics
            .map(|(t, _)| match when {
                When::Now => t.checks.n + t.firsts.n,
                When::Start => t.firsts_start.n,
            })
            .sum::<u32>()
    };
    (
        members.iter().filter(|m| counted(m) > 0).count(),
        members.iter().map(|m| counted(m) as usize).sum(),
    )
}

/// Knowledge at the start and now for each set of topic weights in `asked` (e.g. all topics,
/// then each topic alone), from one bootstrap over members: each resample is summed once and
/// read for every figure, so a server with many members and topics pays for one bootstrap.
/// `seed` fixes the resamples, so a report shows the same interval twice. Returns
/// `(start, now)` per entry of `asked`.
pub fn knowledge_set(
    members: &[&MemberKnowledge],
    asked: &[Vec<f64>],
    seed: u64,
) -> Vec<(Option<Estimate>, Option<Estimate>)> {
    let topics = asked.iter().map(Vec::len).max().unwrap_or(0);
    if members.is_empty() {
        return vec![(None, None); asked.len()];
    }
    let whens = [When::Start, When::Now];
    let sums = sum_topics(members, topics);
    let estimates: Vec<[Option<f64>; 2]> = asked
        .iter()
        .map(|w| whens.map(|when| knowledge_from(&sums, w, when)))
        .collect();
    let mut replicates: Vec<[Vec<f64>; 2]> = vec![[vec![], vec![]]; asked.len()];
    let mut rng = SplitMix64::new(seed);
    for _ in 0..BOOTSTRAP_RESAMPLES {
        let sums = sum_topics(&resample(members, &mut rng), topics);
        for (i, w) in asked.iter().enumerate() {
            for (j, when) in whens.iter().enumerate() {
                if estimates[i][j].is_some() {
                    if let Some(v) = knowledge_from(&sums, w, *when) {
                        replicates[i][j].push(v);
                    }
                }
            }
        }
    }
    asked
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let figure = |j: usize| {
                let estimate = estimates[i][j]?;
                let (low, high) = interval(estimate, &replicates[i][j], members.len());
                let (people, n) = counts(members, w, whens[j]);
                Some(Estimate {
                    estimate,
                    low: low.max(0.0),
                    high: high.min(1.0),
                    people,
                    n,
                })
            };
            (figure(0), figure(1))
        })
        .collect()
}

/// Knowledge of `members` over topics weighted by `weights`, with its interval (see
/// [`knowledge_set`]).
pub fn knowledge(
    members: &[&MemberKnowledge],
    weights: &[f64],
    when: When,
    seed: u64,
) -> Option<Estimate> {
    let (start, now) = knowledge_set(members, &[weights.to_vec()], seed).remove(0);
    match when {
        When::Start => start,
        When::Now => now,
    }
}

/// Knowledge of the reviewed arm minus the holdout arm, now, with a bootstrap interval that
/// resamples members within each arm. Each arm is estimated from its own checks only, as a
/// randomized comparison must be: what the arms happened to know before (chance) is part of
/// the interval, not of the assumptions.
pub fn uplift(
    reviewed: &[&MemberKnowledge],
    holdout: &[&MemberKnowledge],
    weights: &[f64],
    seed: u64,
) -> Option<Estimate> {
    let difference = |r: &[&MemberKnowledge], h: &[&MemberKnowledge]| {
        Some(knowledge_of(r, weights, When::Now)? - knowledge_of(h, weights, When::Now)?)
    };
    let estimate = difference(reviewed, holdout)?;
    let mut rng = SplitMix64::new(seed);
    let replicates: Vec<f64> = (0..BOOTSTRAP_RESAMPLES)
        .filter_map(|_| {
            let r = resample(reviewed, &mut rng);
            let h = resample(holdout, &mut rng);
            difference(&r, &h)
        })
        .collect();
    // The smaller arm sets the degrees of freedom.
    let people = reviewed.len().min(holdout.len());
    let (low, high) = interval(estimate, &replicates, people);
    let with_checks = |arm: &[&MemberKnowledge]| arm.iter().filter(|m| m.checks() > 0).count();
    let checks = |arm: &[&MemberKnowledge]| arm.iter().map(|m| m.checks() as usize).sum::<usize>();
    Some(Estimate {
        estimate,
        low: low.max(-1.0),
        high: high.min(1.0),
        people: with_checks(reviewed) + with_checks(holdout),
        n: checks(reviewed) + checks(holdout),
    })
}

/// One knowledge check as answered: the member and the guess-corrected score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckScore {
    pub user: u64,
    pub score: f64,
}

/// The mean guess-corrected score of a span's checks (no model: the chart's weekly points),
/// with a bootstrap interval over members.
pub fn check_mean(checks: &[CheckScore], seed: u64) -> Option<Estimate> {
    if checks.is_empty() {
        return None;
    }
    let mut by_member: HashMap<u64, (f64, usize)> = HashMap::new();
    for c in checks {
        let e = by_member.entry(c.user).or_default();
        e.0 += c.score;
        e.1 += 1;
    }
    let mut members: Vec<(u64, (f64, usize))> = by_member.into_iter().collect();
    members.sort_by_key(|m| m.0);
    let mean = |list: &[&(u64, (f64, usize))]| {
        let (s, n) = list
            .iter()
            .fold((0.0, 0), |(s, n), m| (s + m.1 .0, n + m.1 .1));
        (s / n.max(1) as f64).clamp(0.0, 1.0)
    };
    let all: Vec<&(u64, (f64, usize))> = members.iter().collect();
    let estimate = mean(&all);
    let mut rng = SplitMix64::new(seed);
    let replicates: Vec<f64> = (0..BOOTSTRAP_RESAMPLES)
        .map(|_| {
            let pick: Vec<&(u64, (f64, usize))> = (0..all.len())
                .map(|_| all[rng.below(all.len() as u64) as usize])
                .collect();
            mean(&pick)
        })
        .collect();
    let (low, high) = interval(estimate, &replicates, all.len());
    Some(Estimate {
        estimate,
        low: low.max(0.0),
        high: high.min(1.0),
        people: members.len(),
        n: checks.len(),
    })
}

/// Assigns the members known when an experiment starts: exactly `round(n × percent / 100)` of
/// them to the holdout, chosen by a shuffle seeded with `seed`. Returns `(user, holdout)` in the
/// order given.
pub fn assign_holdout(users: &[u64], percent: u32, seed: u64) -> Vec<(u64, bool)> {
    let mut sorted: Vec<u64> = users.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut rng = SplitMix64::new(seed);
    rng.shuffle(&mut sorted);
    let held = ((sorted.len() as f64) * f64::from(percent.min(100)) / 100.0).round() as usize;
    let holdout: std::collections::HashSet<u64> = sorted.into_iter().take(held).collect();
    users.iter().map(|u| (*u, holdout.contains(u))).collect()
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The arm of the `k`-th member (counting from 0) to arrive after an experiment started:
/// permuted blocks. Arrivals are taken in blocks of `100 / gcd(percent, 100)` (4 for 25%);
/// in each block exactly `percent`% are held out, at positions drawn from the seed. So every
/// newcomer's arm is random, and the arms stay balanced however many arrive.
pub fn block_holdout(k: u64, percent: u32, seed: u64) -> bool {
    let percent = u64::from(percent.min(100));
    if percent == 0 {
        return false;
    }
    let g = gcd(percent, 100);
    let (size, held) = (100 / g, percent / g);
    let mut order: Vec<u64> = (0..size).collect();
    SplitMix64::derive(seed, k / size).shuffle(&mut order);
    order[..held as usize].contains(&(k % size))
}

/// A member's first answer to a question, as item statistics read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstTry {
    pub user: u64,
    pub question: String,
    pub choice: usize,
    pub correct: bool,
}

/// What is suspect about a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemFlag {
    /// Members who do well elsewhere get it wrong more often than those who do not: ambiguous,
    /// or a wrong key.
    NegativeDiscrimination,
    /// Everyone got it right at the first try: it teaches nothing new.
    EveryoneRight,
    /// Nobody got it right at the first try.
    NobodyRight,
    /// A wrong choice is picked more often than the right one (the index): a wrong key, or a
    /// common misconception worth a tip.
    WrongChoicePreferred(usize),
}

impl ItemFlag {
    /// A short explanation for authors, naming choices as members see them on a question of
    /// `kind` (letters, or True and False).
    pub fn describe(&self, kind: QuestionKind, lang: Lang) -> String {
        match self {
            ItemFlag::NegativeDiscrimination => t!(lang, "item-negative-discrimination"),
            ItemFlag::EveryoneRight => t!(lang, "item-everyone-right"),
            ItemFlag::NobodyRight => t!(lang, "item-nobody-right"),
            ItemFlag::WrongChoicePreferred(c) => match kind {
                QuestionKind::TrueFalse => {
                    let choice = match c {
                        0 => t!(lang, "answer-true"),
                        _ => t!(lang, "answer-false"),
                    };
                    t!(lang, "item-wrong-statement", choice = choice)
                }
                _ => {
                    let letter = super::content::LETTERS.get(*c).copied().unwrap_or('?');
                    t!(lang, "item-wrong-choice", letter = letter.to_string())
                }
            },
        }
    }

    /// A stable name for the CSV.
    pub fn code(&self) -> String {
        match self {
            ItemFlag::NegativeDiscrimination => "negative_discrimination".into(),
            ItemFlag::EveryoneRight => "everyone_right".into(),
            ItemFlag::NobodyRight => "nobody_right".into(),
            ItemFlag::WrongChoicePreferred(c) => format!(
                "wrong_choice_preferred_{}",
                super::content::LETTERS.get(*c).copied().unwrap_or('?')
            ),
        }
    }
}

/// A question's statistics from first tries.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemStats {
    pub question: String,
    /// First tries (one per member).
    pub n: usize,
    /// Share right at the first try.
    pub accuracy: f64,
    /// Point-biserial correlation with the members' result on the other questions (`None` with
    /// too few members or no spread).
    pub discrimination: Option<f64>,
    /// How often each choice was picked at the first try.
    pub picks: Vec<usize>,
    /// Empty unless the item has at least [`ITEM_MIN_ANSWERS`] first tries.
    pub flags: Vec<ItemFlag>,
}

/// Statistics of every question with a first try; `keys` gives each question's number of
/// choices and right choice. Ordered by question id.
pub fn item_stats(tries: &[FirstTry], keys: &HashMap<String, (usize, usize)>) -> Vec<ItemStats> {
    // Each member's right and total first tries, for the rest score.
    let mut totals: HashMap<u64, (usize, usize)> = HashMap::new();
    let mut by_question: std::collections::BTreeMap<&str, Vec<&FirstTry>> = Default::default();
    for t in tries {
        let e = totals.entry(t.user).or_default();
        e.0 += usize::from(t.correct);
        e.1 += 1;
        by_question.entry(t.question.as_str()).or_default().push(t);
    }
    by_question
        .into_iter()
        .filter_map(|(question, list)| {
            let (choices, right) = *keys.get(question)?;
            let n = list.len();
            let correct = list.iter().filter(|t| t.correct).count();
            let mut picks = vec![0; choices];
            for t in &list {
                if let Some(p) = picks.get_mut(t.choice) {
                    *p += 1;
                }
            }
            // Each member's accuracy on the other questions, against this item's result.
            let pairs: Vec<(f64, f64)> = list
                .iter()
                .filter_map(|t| {
                    let (r, total) = totals[&t.user];
                    let others = total - 1;
                    (others >= DISCRIMINATION_MIN_OTHERS).then(|| {
                        let rest = (r - usize::from(t.correct)) as f64 / others as f64;
                        (f64::from(u8::from(t.correct)), rest)
                    })
                })
                .collect();
            let discrimination = pearson(&pairs);
            let mut flags = vec![];
            if n >= ITEM_MIN_ANSWERS {
                // Student's t of the correlation over the members compared.
                let m = pairs.len() as f64;
                let strongly_negative = discrimination.is_some_and(|r| {
                    m >= ITEM_MIN_ANSWERS as f64
                        && r < 0.0
                        && r * ((m - 2.0) / (1.0 - r * r).max(1e-9)).sqrt() < -FLAG_Z
                });
                if strongly_negative {
                    flags.push(ItemFlag::NegativeDiscrimination);
                }
                if correct == n {
                    flags.push(ItemFlag::EveryoneRight);
                }
                if correct == 0 {
                    flags.push(ItemFlag::NobodyRight);
                }
                // A sign test between the right choice and the most picked wrong one.
                let right_picks = picks.get(right).copied().unwrap_or(0);
                let preferred = picks
                    .iter()
                    .enumerate()
                    .filter(|(c, _)| *c != right)
                    .max_by_key(|(_, p)| **p)
                    .filter(|(_, p)| {
                        let (w, r) = (**p as f64, right_picks as f64);
                        w > r && (w - r) / (w + r).sqrt() > FLAG_Z
                    });
                if let Some((c, _)) = preferred {
                    flags.push(ItemFlag::WrongChoicePreferred(c));
                }
            }
            Some(ItemStats {
                question: question.to_string(),
                n,
                accuracy: correct as f64 / n as f64,
                discrimination,
                picks,
                flags,
            })
        })
        .collect()
}

/// A knowledge check as the estimators read it.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRecord {
    pub user: u64,
    pub topic: String,
    pub day: NaiveDate,
    /// The question's kind and number of choices, which give the chance of a lucky guess.
    pub kind: QuestionKind,
    pub choices: usize,
    pub correct: bool,
    /// The model's predicted recall just before the answer.
    pub predicted: f64,
    /// The member's first answer to the question.
    pub first: bool,
}

/// A member's first answer to the current version of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstTryRecord {
    pub user: u64,
    pub question: String,
    pub choice: usize,
    pub correct: bool,
}

/// A randomized holdout experiment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Experiment {
    pub id: i64,
    /// `None`: every topic.
    pub topic: Option<String>,
    pub holdout_pct: u32,
    pub seed: u64,
    pub started_by: UserId,
    pub started_ms: i64,
    pub start_day: NaiveDate,
    /// The first day it no longer runs (guild-local).
    pub ends_day: NaiveDate,
    pub stopped_ms: Option<i64>,
}

/// What a new experiment is.
#[derive(Debug, Clone)]
pub struct NewExperiment<'a> {
    pub guild: GuildId,
    pub topic: Option<&'a str>,
    pub holdout_pct: u32,
    pub seed: u64,
    pub by: UserId,
    pub now_ms: i64,
    pub start_day: NaiveDate,
    pub ends_day: NaiveDate,
}

impl Experiment {
    /// Whether it runs on `today`.
    pub fn running(&self, today: NaiveDate) -> bool {
        self.stopped_ms.is_none() && today < self.ends_day
    }

    /// Whether the holdout covers `topic`.
    pub fn covers(&self, topic: &str) -> bool {
        self.topic.as_deref().is_none_or(|t| t == topic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(user: u64, topics: Vec<MemberTopic>) -> MemberKnowledge {
        MemberKnowledge { user, topics }
    }

    /// A member's topic: `seen` questions with these predictions today, `unseen` others,
    /// checks `(prediction, score)` on seen questions and first-meeting scores.
    fn topic(
        predictions: &[f64],
        unseen: u32,
        checks: &[(f64, f64)],
        firsts: &[f64],
    ) -> MemberTopic {
        let mut t = MemberTopic {
            seen: predictions.len() as u32,
            predicted: predictions.iter().sum(),
            unseen,
            ..Default::default()
        };
        for &(p, y) in checks {
            t.add_check(p, y, 1.0);
        }
        for &y in firsts {
            t.add_first(y, 1.0, 1.0);
        }
        t
    }

    #[test]
    fn student_t_quantiles() {
        for (df, table, within) in [
            (3, 3.182, 0.03),
            (5, 2.571, 0.01),
            (10, 2.228, 0.01),
            (30, 2.042, 0.01),
            (1000, 1.962, 0.01),
        ] {
            let t = t_quantile(df);
            assert!((t - table).abs() < within, "{df}: {t}");
        }
    }

    #[test]
    fn a_guess_corrected_score_is_unbiased_for_recall() {
        assert_eq!(guess_corrected(true, 0.25), 1.0);
        assert!((guess_corrected(false, 0.25) + 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(guess_corrected(false, 0.5), -1.0);
        assert_eq!(
            guess_corrected(false, 0.0),
            0.0,
            "a typed answer is no guess"
        );
        // Expected score with recall r is r, for every kind's chance of a lucky guess.
        let kinds = QuestionKind::ALL
            .into_iter()
            .flat_map(|kind| (2..=5).map(move |k| (kind, k)));
        for (kind, k) in kinds {
            let g = kind.guess_chance(k);
            for r in [0.0, 0.3, 0.8, 1.0] {
                let p = r + (1.0 - r) * g;
                let e = p * guess_corrected(true, g) + (1.0 - p) * guess_corrected(false, g);
                assert!((e - r).abs() < 1e-12, "{kind:?} k {k} r {r}: {e}");
            }
        }
    }

    #[test]
    fn checks_come_at_the_share_under_the_cap() {
        assert!(check_due(0.1, 0.25, 0, 2));
        assert!(!check_due(0.3, 0.25, 0, 2));
        assert!(!check_due(0.0, 0.25, 2, 2), "the cap is reached");
        assert!(!check_due(0.0, 0.0, 0, 2), "a share of 0 turns checks off");
    }

    #[test]
    fn knowledge_is_the_corrected_model_over_the_whole_bank() {
        // Topic 0, four questions each. Checks on seen questions: the model said 0.8 and 0.6
        // where the scores were 1 and 0.6 (mean residual +0.1); first meetings score 1 and
        // −0.5 (π = 0.25). Member a: seen two predicted 0.5 and 0.7, two unseen; member b:
        // seen one predicted 0.6, three unseen. Knowledge = (1.8 + 0.1 × 3 + 0.25 × 5) / 8.
        let a = member(
            1,
            vec![
                topic(&[0.5, 0.7], 2, &[(0.8, 1.0)], &[1.0]),
                topic(&[0.9], 1, &[], &[]),
            ],
        );
        let b = member(
            2,
            vec![
                topic(&[0.6], 3, &[(0.6, 0.6)], &[-0.5]),
                topic(&[], 2, &[], &[]),
            ],
        );
        let members = [&a, &b];
        let k0 = knowledge(&members, &[1.0, 0.0], When::Now, 1).unwrap();
        let want = (1.8 + 0.1 * 3.0 + 0.25 * 5.0) / 8.0;
        assert!((k0.estimate - want).abs() < 1e-12, "{k0:?} against {want}");
        assert_eq!((k0.people, k0.n), (2, 4));
        assert!(k0.low <= k0.estimate && k0.estimate <= k0.high);
        // At the start: first meetings only, no model.
        let s = knowledge(&members, &[1.0, 0.0], When::Start, 1).unwrap();
        assert!((s.estimate - 0.25).abs() < 1e-12, "{s:?}");
        assert_eq!((s.people, s.n), (2, 2));
        // Topic 1 has no check of its own: its seen question has no correction.
        assert!(knowledge(&members, &[0.0, 1.0], When::Now, 1).is_none());
        // Both topics weighted 3:1: topic 1 borrows the pooled correction and π:
        // (0.9 + 0.1 + 0.25 × 3) / 4.
        let both = knowledge(&members, &[0.75, 0.25], When::Now, 1).unwrap();
        let want = 0.75 * (1.8 + 0.1 * 3.0 + 0.25 * 5.0) / 8.0 + 0.25 * (1.0 + 0.75) / 4.0;
        assert!(
            (both.estimate - want).abs() < 1e-12,
            "{both:?} against {want}"
        );
        // Weights: a first meeting weighted 3 against 1 for today moves π to
        // (3 × 1 − 0.5) / 4 = 0.625 for today; the start keeps its own weights.
        let mut c = a.clone();
        c.topics[0].firsts = Sums::default();
        c.topics[0].firsts_start = Sums::default();
        c.topics[0].add_first(1.0, 3.0, 1.0);
        let weighted = knowledge(&[&c, &b], &[1.0, 0.0], When::Now, 1).unwrap();
        let want = (1.8 + 0.1 * 3.0 + 0.625 * 5.0) / 8.0;
        assert!(
            (weighted.estimate - want).abs() < 1e-12,
            "{weighted:?} against {want}"
        );
        let s = knowledge(&[&c, &b], &[1.0, 0.0], When::Start, 1).unwrap();
        assert!((s.estimate - 0.25).abs() < 1e-12);
        assert!((decay_weight(7.0, 7.0) - 0.5).abs() < 1e-12);
        assert_eq!(decay_weight(-3.0, 7.0), 1.0);
        assert!(knowledge(&[], &[1.0], When::Now, 1).is_none());
    }

    /// Simulated members whose model is off (too sure where recall is low); checks drawn at
    /// random from the bank. The estimate's interval should cover the truth in about 95 % of
    /// repetitions, and the estimate stay close to it.
    #[test]
    fn the_interval_covers_the_truth_about_95_percent_of_the_time() {
        let mut rng = SplitMix64::new(7);
        let (runs, mut covered, mut error) = (200, 0, 0.0);
        for run in 0..runs {
            let mut members = vec![];
            let mut truth = 0.0;
            for user in 0..40u64 {
                let skill = rng.between(0.1, 0.9);
                // 20 questions: 14 seen with recall around the skill, 6 unseen at 0.2.
                let recalls: Vec<f64> = (0..20)
                    .map(|i| {
                        if i < 14 {
                            (skill + rng.between(-0.3, 0.3)).clamp(0.0, 1.0)
                        } else {
                            0.2
                        }
                    })
                    .collect();
                truth += recalls.iter().sum::<f64>() / 20.0 / 40.0;
                let predict = |r: f64| 0.1 + 0.95 * r;
                let mut t = topic(
                    &recalls[..14]
                        .iter()
                        .map(|r| predict(*r))
                        .collect::<Vec<_>>(),
                    6,
                    &[],
                    &[],
                );
                for _ in 0..rng.below(14) {
                    let i = rng.below(20) as usize;
                    let r = recalls[i];
                    let y = guess_corrected(rng.chance(r + (1.0 - r) / 4.0), 0.25);
                    if i < 14 {
                        t.add_check(predict(r), y, 1.0);
                    } else {
                        t.add_first(y, 1.0, 1.0);
                    }
                }
                members.push(member(user, vec![t]));
            }
            let refs: Vec<&MemberKnowledge> = members.iter().collect();
            let k = knowledge(&refs, &[1.0], When::Now, run).unwrap();
            covered += usize::from(k.low <= truth && truth <= k.high);
            error += (k.estimate - truth).abs() / runs as f64;
        }
        let share = covered as f64 / runs as f64;
        assert!((0.88..=0.995).contains(&share), "coverage {share}");
        assert!(error < 0.05, "mean error {error}");
    }

    #[test]
    fn uplift_is_the_difference_of_the_arms() {
        // Each arm shifted by its own checks' mean residual (+0.1 in both).
        let r1 = member(1, vec![topic(&[0.6], 0, &[(0.5, 0.6)], &[])]);
        let r2 = member(2, vec![topic(&[0.4], 0, &[(0.5, 0.6)], &[])]);
        let h1 = member(3, vec![topic(&[0.2], 0, &[(0.5, 0.5), (0.5, 0.7)], &[])]);
        let u = uplift(&[&r1, &r2], &[&h1], &[1.0], 3).unwrap();
        // 0.5 + 0.1 against 0.2 + 0.1.
        assert!((u.estimate - 0.3).abs() < 1e-12, "{u:?}");
        assert_eq!((u.people, u.n), (3, 4));
        assert!(uplift(&[&r1], &[], &[1.0], 3).is_none());
        // Questions never asked are worth each arm's own first meetings.
        let r = member(1, vec![topic(&[0.6], 1, &[(0.5, 0.6)], &[1.0])]);
        let h = member(3, vec![topic(&[0.2], 1, &[(0.5, 0.6)], &[0.0])]);
        let u = uplift(&[&r], &[&h], &[1.0], 3).unwrap();
        // (0.6 + 0.1 + 1) / 2 against (0.2 + 0.1 + 0) / 2.
        assert!((u.estimate - 0.7).abs() < 1e-12, "{u:?}");
    }

    #[test]
    fn a_check_mean_is_per_member_resampled() {
        let checks: Vec<CheckScore> = [(1, 1.0), (1, 1.0), (2, -1.0 / 3.0), (3, 1.0)]
            .iter()
            .map(|&(user, score)| CheckScore { user, score })
            .collect();
        let m = check_mean(&checks, 1).unwrap();
        assert!((m.estimate - (3.0 - 1.0 / 3.0) / 4.0).abs() < 1e-12);
        assert_eq!((m.people, m.n), (3, 4));
        assert!(m.low < m.estimate && m.high >= m.estimate);
        assert!(check_mean(&[], 1).is_none());
    }

    #[test]
    fn holdout_assignment_is_exact_seeded_and_stable() {
        let users: Vec<u64> = (100..140).collect();
        let a = assign_holdout(&users, 25, 9);
        assert_eq!(a.iter().filter(|x| x.1).count(), 10);
        assert_eq!(a, assign_holdout(&users, 25, 9), "same seed, same arms");
        let mut reversed = users.clone();
        reversed.reverse();
        let b = assign_holdout(&reversed, 25, 9);
        let held = |v: &[(u64, bool)]| {
            let mut h: Vec<u64> = v.iter().filter(|x| x.1).map(|x| x.0).collect();
            h.sort_unstable();
            h
        };
        assert_eq!(held(&a), held(&b), "the order given does not matter");
        assert_ne!(held(&a), held(&assign_holdout(&users, 25, 10)));
        // Late arrivals: one in four of every block of four, at drawn positions.
        let late: Vec<bool> = (0..40u64).map(|k| block_holdout(k, 25, 9)).collect();
        for block in late.chunks(4) {
            assert_eq!(block.iter().filter(|h| **h).count(), 1, "{late:?}");
        }
        let positions: std::collections::HashSet<usize> = late
            .chunks(4)
            .map(|b| b.iter().position(|h| *h).unwrap())
            .collect();
        assert!(positions.len() > 1, "the position is drawn, not fixed");
        assert_eq!(block_holdout(5, 25, 9), block_holdout(5, 25, 9));
        let thirty: usize = (0..10u64).filter(|k| block_holdout(*k, 30, 2)).count();
        assert_eq!(thirty, 3, "30%: three in each block of ten");
        assert!(!block_holdout(5, 0, 9) && block_holdout(5, 100, 9));
    }

    fn tries(question: &str, answers: &[(u64, usize)], right: usize) -> Vec<FirstTry> {
        answers
            .iter()
            .map(|&(user, choice)| FirstTry {
                user,
                question: question.into(),
                choice,
                correct: choice == right,
            })
            .collect()
    }

    #[test]
    fn item_statistics_on_a_hand_made_answer_set() {
        // Ten members; members 1–5 are strong (right on q1–q3), 6–10 weak (wrong on q1–q3).
        // q4 is keyed B but the strong members pick C: negative discrimination and a wrong
        // choice preferred. q5 everyone gets right.
        let mut all = vec![];
        let strong: Vec<u64> = (1..=5).collect();
        let weak: Vec<u64> = (6..=10).collect();
        for q in ["q1", "q2", "q3"] {
            let answers: Vec<(u64, usize)> = strong
                .iter()
                .map(|u| (*u, 0))
                .chain(weak.iter().map(|u| (*u, 1)))
                .collect();
            all.extend(tries(q, &answers, 0));
        }
        let q4: Vec<(u64, usize)> = strong
            .iter()
            .map(|u| (*u, 2))
            .chain(weak.iter().map(|u| (*u, 1)))
            .collect();
        all.extend(tries("q4", &q4, 1));
        let q5: Vec<(u64, usize)> = (1..=10).map(|u| (u, 3)).collect();
        all.extend(tries("q5", &q5, 3));
        let keys: HashMap<String, (usize, usize)> = [
            ("q1", (3, 0)),
            ("q2", (3, 0)),
            ("q3", (3, 0)),
            ("q4", (3, 1)),
            ("q5", (4, 3)),
        ]
        .into_iter()
        .map(|(q, k)| (q.to_string(), k))
        .collect();
        let stats = item_stats(&all, &keys);
        assert_eq!(stats.len(), 5);
        let q1 = &stats[0];
        assert_eq!((q1.n, q1.accuracy), (10, 0.5));
        assert_eq!(q1.picks, vec![5, 5, 0]);
        assert!(q1.discrimination.unwrap() > 0.9, "{q1:?}");
        assert!(q1.flags.is_empty());
        let q4 = &stats[3];
        assert_eq!(q4.picks, vec![0, 5, 5]);
        assert!(q4.discrimination.unwrap() < -0.5, "{q4:?}");
        assert_eq!(q4.flags, vec![ItemFlag::NegativeDiscrimination]);
        let q5 = &stats[4];
        assert_eq!(q5.accuracy, 1.0);
        assert_eq!(q5.discrimination, None, "no spread in the item");
        assert_eq!(q5.flags, vec![ItemFlag::EveryoneRight]);
        // A wrong choice picked more than the right one, and nobody right.
        let wrong: Vec<(u64, usize)> = (1..=10).map(|u| (u, if u < 8 { 2 } else { 0 })).collect();
        let s = item_stats(
            &tries("q6", &wrong, 1),
            &[("q6".to_string(), (3, 1))].into(),
        );
        assert_eq!(
            s[0].flags,
            vec![ItemFlag::NobodyRight, ItemFlag::WrongChoicePreferred(2)]
        );
        // A mildly negative correlation over ten members is chance, not a flawed question.
        let mut mild: Vec<FirstTry> = all
            .iter()
            .filter(|t| t.question.as_str() <= "q3")
            .cloned()
            .collect();
        let q7: Vec<(u64, usize)> = [1, 2, 6, 7, 8]
            .iter()
            .map(|u| (*u, 0))
            .chain([3, 4, 5, 9, 10].iter().map(|u| (*u, 1)))
            .collect();
        mild.extend(tries("q7", &q7, 0));
        let keys7: HashMap<String, (usize, usize)> = [
            ("q1", (3, 0)),
            ("q2", (3, 0)),
            ("q3", (3, 0)),
            ("q7", (3, 0)),
        ]
        .into_iter()
        .map(|(q, k)| (q.to_string(), k))
        .collect();
        let q7 = item_stats(&mild, &keys7).pop().unwrap();
        assert!(q7.discrimination.unwrap() < 0.0, "{q7:?}");
        assert!(q7.flags.is_empty(), "{q7:?}");
        // Too few first tries: no flag yet.
        let few = item_stats(
            &tries("q7", &[(1, 0), (2, 0)], 1),
            &[("q7".to_string(), (2, 1))].into(),
        );
        assert!(few[0].flags.is_empty());
        assert_eq!(
            ItemFlag::WrongChoicePreferred(2).code(),
            "wrong_choice_preferred_C"
        );
        let wrong = ItemFlag::WrongChoicePreferred(1);
        assert!(wrong
            .describe(QuestionKind::Single, Lang::En)
            .starts_with("wrong choice B"));
        assert!(
            wrong
                .describe(QuestionKind::TrueFalse, Lang::En)
                .starts_with("“False” is picked"),
            "true/false choices by their names"
        );
    }
}
