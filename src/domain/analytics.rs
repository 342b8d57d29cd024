//! Report figures, computed from plain facts: participation, accuracy, the first-try →
//! latest-try comparison of re-answered questions (kept as "gain": it shows the schedule at
//! work, not what people know; see [`super::measurement`] for that), time to
//! competency, the Q&A figures, members who may need support, and KPI correlation with lag.
//!
//! Every figure carries `people`: how many members it is about. A report hides a figure about
//! fewer people than its minimum group size ([`Figure::visible`]), so nobody's results can be
//! read off a small group.

use super::periods::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// One answer, as the support check sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerFact {
    pub user: u64,
    pub day: NaiveDate,
    pub correct: bool,
}

/// A figure with how many members and observations are behind it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub value: f64,
    /// Members it is about.
    pub people: usize,
    /// Observations (answers, pairs, questions).
    pub n: usize,
}

impl Figure {
    /// Whether it may be shown with this minimum group size.
    pub fn visible(&self, min_group: usize) -> bool {
        self.people >= min_group
    }
}

/// Answer figures of one span: who took part, how often they were right, and per topic.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanAnswers {
    /// Share of members who answered at least once in the span.
    pub participation: Option<Figure>,
    /// Share of right answers in the span, all topics.
    pub accuracy: Option<Figure>,
    /// One per topic, in the order asked for.
    pub topics: Vec<TopicAnswers>,
}

/// One topic's answer figures in a span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopicAnswers {
    pub accuracy: Option<Figure>,
    pub gain: Option<Gain>,
}

/// Knowledge gain in a topic: over the (member, question) pairs answered at least twice by the
/// span's end with an answer inside it, the accuracy of the first attempts and of the latest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gain {
    pub first: f64,
    pub latest: f64,
    pub people: usize,
    /// Pairs compared.
    pub n: usize,
}

impl Gain {
    /// Percentage points from first to latest attempt.
    pub fn points(&self) -> f64 {
        (self.latest - self.first) * 100.0
    }
}

/// A group's answer totals in a span (all topics, or one), as kept while answers arrive: the
/// answers and right ones and how many members gave them, and the knowledge-gain tallies (each
/// answer adds its [`gain_step`]) and how many members they are about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanTotals {
    pub answers: i64,
    pub correct: i64,
    pub members: i64,
    pub pairs: i64,
    pub pairs_first_right: i64,
    pub pairs_latest_right: i64,
    pub pair_members: i64,
}

fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

impl SpanTotals {
    /// Share of right answers.
    pub fn accuracy(&self) -> Option<Figure> {
        (self.answers > 0).then(|| Figure {
            value: self.correct as f64 / self.answers as f64,
            people: count(self.members),
            n: count(self.answers),
        })
    }

    pub fn gain(&self) -> Option<Gain> {
        (self.pairs > 0).then(|| Gain {
            first: self.pairs_first_right as f64 / self.pairs as f64,
            latest: self.pairs_latest_right as f64 / self.pairs as f64,
            people: count(self.pair_members),
            n: count(self.pairs),
        })
    }
}

/// A span's answer figures from its totals: `all` over all topics, `topics` each topic's (in
/// the order the figures should be), `members` how many members the guild has
/// (participation's denominator).
pub fn span_answers(all: &SpanTotals, topics: &[SpanTotals], members: usize) -> SpanAnswers {
    let active = count(all.members);
    let members = members.max(active);
    SpanAnswers {
        participation: (members > 0).then(|| Figure {
            value: active as f64 / members as f64,
            people: members,
            n: active,
        }),
        accuracy: all.accuracy(),
        topics: topics
            .iter()
            .map(|t| TopicAnswers {
                accuracy: t.accuracy(),
                gain: t.gain(),
            })
            .collect(),
    }
}

/// A member's record on one question before a new answer to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairRecord {
    /// Attempts so far (at least one).
    pub attempts: u32,
    pub first_correct: bool,
    pub latest_correct: bool,
    /// The latest attempt's day.
    pub latest_day: NaiveDate,
}

/// What one answer adds to the knowledge-gain tallies of a span it falls in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GainStep {
    pub pairs: i64,
    pub first_right: i64,
    pub latest_right: i64,
}

/// The answer's [`GainStep`] in a span, given the pair's record before it (`None`: a first
/// attempt, which compares nothing) and whether the record's latest attempt is in the same span.
///
/// A pair is compared in a span from its first answer there that is not its first attempt
/// ever: it adds the pair, its first attempt and this latest one. A later answer in the same
/// span only replaces the latest attempt. Summed over a span's answers, oldest first, this
/// gives [`Gain`]'s tallies.
pub fn gain_step(before: Option<&PairRecord>, correct: bool, latest_in_span: bool) -> GainStep {
    let Some(b) = before else {
        return GainStep::default();
    };
    if latest_in_span && b.attempts >= 2 {
        GainStep {
            pairs: 0,
            first_right: 0,
            latest_right: i64::from(correct) - i64::from(b.latest_correct),
        }
    } else {
        GainStep {
            pairs: 1,
            first_right: i64::from(b.first_correct),
            latest_right: i64::from(correct),
        }
    }
}

/// Median days to competency over members counted as `(days it took, members)` (in any
/// order; a number of days may repeat).
pub fn time_to_competency(counts: &[(i64, usize)]) -> Option<Figure> {
    let mut sorted: Vec<(i64, usize)> = counts.iter().copied().filter(|c| c.1 > 0).collect();
    sorted.sort_unstable();
    let n: usize = sorted.iter().map(|c| c.1).sum();
    // The `k`-th smallest value (from 0).
    let nth = |k: usize| {
        let mut seen = 0;
        sorted.iter().find_map(|(days, count)| {
            seen += count;
            (k < seen).then_some(*days as f64)
        })
    };
    let value = match n {
        0 => return None,
        n if n % 2 == 1 => nth(n / 2)?,
        n => (nth(n / 2 - 1)? + nth(n / 2)?) / 2.0,
    };
    Some(Figure {
        value,
        people: n,
        n,
    })
}

/// The middle value (mean of the two middle ones for an even count).
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

/// A question asked with `/ask`, as the report sees it (times in ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AskFact {
    pub asker: u64,
    pub day: NaiveDate,
    pub created_ms: i64,
    pub deflected: bool,
    pub first_response_ms: Option<i64>,
    /// When it was resolved with an answer (not abandoned).
    pub resolved_ms: Option<i64>,
    /// Accepted answers the knowledge base showed for it, and how many of them were verified
    /// (within their verification interval) then.
    pub served: u32,
    pub served_verified: u32,
}

/// The Q&A figures for questions asked in a span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QaFigures {
    pub asked: usize,
    /// Share answered by what the team already knew.
    pub deflection: Option<f64>,
    /// Median minutes from asking to the first expert reply, and how many had one.
    pub first_response_minutes: Option<(f64, usize)>,
    /// Median minutes from asking to resolution, and how many were resolved.
    pub resolution_minutes: Option<(f64, usize)>,
    /// Share of the accepted answers shown that were verified, and how many were shown.
    pub served_verified: Option<(f64, usize)>,
}

pub fn qa_figures(asks: &[AskFact], span: &Span) -> QaFigures {
    let inside: Vec<&AskFact> = asks.iter().filter(|a| span.contains(a.day)).collect();
    let minutes = |pick: &dyn Fn(&AskFact) -> Option<i64>| {
        let mut m: Vec<f64> = inside
            .iter()
            .filter_map(|a| pick(a).map(|t| (t - a.created_ms) as f64 / 60_000.0))
            .collect();
        let n = m.len();
        median(&mut m).map(|v| (v, n))
    };
    QaFigures {
        asked: inside.len(),
        deflection: (!inside.is_empty())
            .then(|| inside.iter().filter(|a| a.deflected).count() as f64 / inside.len() as f64),
        first_response_minutes: minutes(&|a| a.first_response_ms),
        resolution_minutes: minutes(&|a| a.resolved_ms),
        served_verified: {
            let served: u32 = inside.iter().map(|a| a.served).sum();
            let verified: u32 = inside.iter().map(|a| a.served_verified).sum();
            (served > 0).then(|| (f64::from(verified) / f64::from(served), served as usize))
        },
    }
}

/// One expert's assignment (times in ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssignmentFact {
    pub expert: u64,
    pub day: NaiveDate,
    pub assigned_ms: i64,
    pub responded_ms: Option<i64>,
    /// Still waiting for them.
    pub open: bool,
}

/// An expert's load in a span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExpertLoad {
    pub expert: u64,
    pub assigned: usize,
    pub responded: usize,
    pub open: usize,
    pub median_response_minutes: Option<f64>,
}

/// Each expert's assignments in the span, most assigned first (then by id).
pub fn expert_load(assignments: &[AssignmentFact], span: &Span) -> Vec<ExpertLoad> {
    let mut by_expert: BTreeMap<u64, Vec<&AssignmentFact>> = BTreeMap::new();
    for a in assignments.iter().filter(|a| span.contains(a.day)) {
        by_expert.entry(a.expert).or_default().push(a);
    }
    let mut loads: Vec<ExpertLoad> = by_expert
        .into_iter()
        .map(|(expert, list)| {
            let mut times: Vec<f64> = list
                .iter()
                .filter_map(|a| {
                    a.responded_ms
                        .map(|r| (r - a.assigned_ms) as f64 / 60_000.0)
                })
                .collect();
            ExpertLoad {
                expert,
                assigned: list.len(),
                responded: times.len(),
                open: list.iter().filter(|a| a.open).count(),
                median_response_minutes: median(&mut times),
            }
        })
        .collect();
    loads.sort_by(|a, b| b.assigned.cmp(&a.assigned).then(a.expert.cmp(&b.expert)));
    loads
}

/// Why a member may need support.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SupportReason {
    /// Accuracy fell from `before` to `now` (fractions) between the two last 14-day windows.
    FallingAccuracy { before: f64, now: f64 },
    /// No answer for `days` days after a streak of `best` days.
    LapsedStreak { days: i64, best: i64 },
    /// Predicted recall of what they have seen in their tracks' topics.
    LowRecall { recall: f64 },
}

/// What is known about one member for the support check.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberSignals {
    pub user: u64,
    pub best_streak: i64,
    pub last_day: Option<NaiveDate>,
    pub recent: RecentAnswers,
    /// Predicted recall today of each item they have seen in their tracks' topics.
    pub track_recalls: Vec<f64>,
}

/// Thresholds for [`needs_support`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SupportRules {
    pub recall_below: f64,
    pub accuracy_drop_points: f64,
    pub inactive_days: i64,
    /// Answers needed in each 14-day window to judge a fall in accuracy.
    pub min_answers: usize,
    /// Items seen needed to judge recall.
    pub min_items: usize,
}

/// A member's answers in the last two 14-day windows before `today`: `(answers, right)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecentAnswers {
    /// The last 14 days (today included).
    pub now: (usize, usize),
    /// The 14 days before those.
    pub before: (usize, usize),
}

/// Each member's [`RecentAnswers`] on `today`, in one pass.
pub fn recent_answers(answers: &[AnswerFact], today: NaiveDate) -> HashMap<u64, RecentAnswers> {
    let mut out: HashMap<u64, RecentAnswers> = HashMap::new();
    for a in answers {
        let ago = (today - a.day).num_days();
        if !(0..28).contains(&ago) {
            continue;
        }
        let recent = out.entry(a.user).or_default();
        let (n, right) = if ago < 14 {
            &mut recent.now
        } else {
            &mut recent.before
        };
        *n += 1;
        *right += usize::from(a.correct);
    }
    out
}

/// The reasons (possibly none) a member may need support on `today`.
pub fn needs_support(
    m: &MemberSignals,
    today: NaiveDate,
    rules: &SupportRules,
) -> Vec<SupportReason> {
    let mut reasons = vec![];
    let share =
        |(n, right): (usize, usize)| (n >= rules.min_answers).then(|| right as f64 / n as f64);
    if let (Some(now), Some(before)) = (share(m.recent.now), share(m.recent.before)) {
        if (before - now) * 100.0 >= rules.accuracy_drop_points {
            reasons.push(SupportReason::FallingAccuracy { before, now });
        }
    }
    if let Some(last) = m.last_day {
        let days = (today - last).num_days();
        if m.best_streak >= 3 && days >= rules.inactive_days {
            reasons.push(SupportReason::LapsedStreak {
                days,
                best: m.best_streak,
            });
        }
    }
    if m.track_recalls.len() >= rules.min_items.max(1) {
        let recall = m.track_recalls.iter().sum::<f64>() / m.track_recalls.len() as f64;
        if recall < rules.recall_below {
            reasons.push(SupportReason::LowRecall { recall });
        }
    }
    reasons
}

/// Pearson's correlation coefficient; `None` under 3 pairs or when a series is constant.
pub fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 3 {
        return None;
    }
    let n = pairs.len() as f64;
    let (mx, my) = (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// A correlation between a learning series and a KPI `lag` periods later, with its pairs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lagged {
    pub lag: i64,
    pub r: Option<f64>,
    pub n: usize,
}

/// Correlates `learning[t]` with `kpi[t + lag]` for each lag in `0..=max_lag`; series are keyed
/// by period index (e.g. week number), missing periods are skipped.
pub fn lagged_correlations(
    learning: &BTreeMap<i64, f64>,
    kpi: &BTreeMap<i64, f64>,
    max_lag: i64,
) -> Vec<Lagged> {
    (0..=max_lag)
        .map(|lag| {
            let pairs: Vec<(f64, f64)> = learning
                .iter()
                .filter_map(|(t, x)| kpi.get(&(t + lag)).map(|y| (*x, *y)))
                .collect();
            Lagged {
                lag,
                r: pearson(&pairs),
                n: pairs.len(),
            }
        })
        .collect()
}

/// How many members reached competency in a topic within a span, taking `days` days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompetencyCount {
    /// The span's index in the spans asked for.
    pub span: usize,
    pub topic: String,
    /// The role track they were counted in (`None`: everyone).
    pub role: Option<u64>,
    pub days: i64,
    pub members: usize,
}

/// A question asked with `/ask`, raw (times in ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AskRecord {
    pub asker: u64,
    pub created_ms: i64,
    pub deflected: bool,
    pub first_response_ms: Option<i64>,
    pub resolved_ms: Option<i64>,
    pub served: u32,
    pub served_verified: u32,
}

/// An expert assignment, raw (times in ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssignmentRecord {
    pub expert: u64,
    pub assigned_ms: i64,
    pub responded_ms: Option<i64>,
    pub open: bool,
}

/// A member's streak figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreakRecord {
    pub user: u64,
    pub best_streak: i64,
    pub last_day: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::periods::Period;
    use std::collections::HashSet;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    /// An answer with its topic and question, as the totals see it.
    #[derive(Debug, Clone, Copy)]
    struct Answer {
        user: u64,
        topic: usize,
        question: u32,
        day: NaiveDate,
        correct: bool,
    }

    fn a(user: u64, question: u32, d: u32, correct: bool) -> Answer {
        Answer {
            user,
            topic: 0,
            question,
            day: day(d),
            correct,
        }
    }

    fn fact(user: u64, d: u32, correct: bool) -> AnswerFact {
        AnswerFact {
            user,
            day: day(d),
            correct,
        }
    }

    fn week(d: u32) -> Span {
        Span::containing(Period::Week, day(d), 12)
    }

    /// A span's totals kept answer by answer (oldest first), as the store keeps them: each
    /// answer adds itself and its [`gain_step`]; members are counted once per group.
    fn kept_totals(
        answers: &[Answer],
        span: &Span,
        topics: usize,
    ) -> (SpanTotals, Vec<SpanTotals>) {
        let mut all = SpanTotals::default();
        let mut by_topic = vec![SpanTotals::default(); topics];
        let mut records: HashMap<(u64, u32), PairRecord> = HashMap::new();
        let mut answered: HashSet<(u64, Option<usize>)> = HashSet::new();
        let mut compared: HashSet<(u64, usize)> = HashSet::new();
        for x in answers {
            let before = records.get(&(x.user, x.question)).copied();
            if span.contains(x.day) {
                let step = gain_step(
                    before.as_ref(),
                    x.correct,
                    before.is_some_and(|b| span.contains(b.latest_day)),
                );
                for (group, totals) in [(None, &mut all), (Some(x.topic), &mut by_topic[x.topic])] {
                    totals.answers += 1;
                    totals.correct += i64::from(x.correct);
                    totals.members += i64::from(answered.insert((x.user, group)));
                    if group.is_some() {
                        totals.pairs += step.pairs;
                        totals.pairs_first_right += step.first_right;
                        totals.pairs_latest_right += step.latest_right;
                        if step.pairs > 0 {
                            totals.pair_members += i64::from(compared.insert((x.user, x.topic)));
                        }
                    }
                }
            }
            records.insert(
                (x.user, x.question),
                PairRecord {
                    attempts: before.map_or(1, |b| b.attempts + 1),
                    first_correct: before.map_or(x.correct, |b| b.first_correct),
                    latest_correct: x.correct,
                    latest_day: x.day,
                },
            );
        }
        (all, by_topic)
    }

    /// The figures of one span, from the totals kept answer by answer (two topics).
    fn figures(answers: &[Answer], span: Span, members: usize) -> SpanAnswers {
        let (all, topics) = kept_totals(answers, &span, 2);
        span_answers(&all, &topics, members)
    }

    /// Knowledge gain by its definition, from the whole history at once: the pairs with an
    /// attempt in the span that is not their first, their first attempt and their latest
    /// attempt before the span's end.
    fn defined_gain(
        answers: &[Answer],
        span: &Span,
        topic: usize,
    ) -> Option<(usize, usize, usize, usize)> {
        let mut pairs: BTreeMap<(u64, u32), Vec<&Answer>> = BTreeMap::new();
        for x in answers.iter().filter(|x| x.day < span.end) {
            pairs.entry((x.user, x.question)).or_default().push(x);
        }
        let compared: Vec<(u64, bool, bool)> = pairs
            .values()
            .filter(|list| list[1..].iter().any(|x| span.contains(x.day)))
            .filter(|list| list.last().is_some_and(|x| x.topic == topic))
            .map(|list| (list[0].user, list[0].correct, list[list.len() - 1].correct))
            .collect();
        let people: HashSet<u64> = compared.iter().map(|c| c.0).collect();
        (!compared.is_empty()).then(|| {
            (
                compared.len(),
                compared.iter().filter(|c| c.1).count(),
                compared.iter().filter(|c| c.2).count(),
                people.len(),
            )
        })
    }

    #[test]
    fn participation_and_accuracy_count_the_span_only() {
        let answers = [
            a(1, 0, 16, true),
            a(1, 1, 23, true),
            a(2, 0, 24, false),
            a(2, 1, 29, true),
        ];
        let f = figures(&answers, week(23), 4);
        let p = f.participation.unwrap();
        assert_eq!((p.value, p.n, p.people), (0.5, 2, 4));
        let acc = f.accuracy.unwrap();
        assert_eq!((acc.n, acc.people), (3, 2));
        assert!((acc.value - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(f.topics[0].accuracy, Some(acc));
        assert!(f.topics[1].accuracy.is_none(), "nobody answered topic 1");
        assert!(!acc.visible(5) && acc.visible(2));
    }

    #[test]
    fn knowledge_gain_compares_first_and_latest_attempts() {
        let answers = [
            a(4, 1, 10, false),
            a(4, 1, 11, true), // both before the week: not compared
            a(1, 0, 16, false),
            a(2, 0, 17, true),
            a(1, 0, 24, true),  // wrong, then right
            a(2, 0, 25, true),  // right twice
            a(3, 0, 25, false), // once only: not compared
            a(5, 0, 24, true),
            a(5, 0, 25, true),
            a(5, 0, 26, false), // three times this week: right first, wrong latest
            a(1, 0, 30, false), // after the week: not its latest
        ];
        let g = figures(&answers, week(23), 9).topics[0].gain.unwrap();
        assert_eq!((g.n, g.people), (3, 3));
        assert_eq!((g.first, g.latest), (2.0 / 3.0, 2.0 / 3.0));
        assert_eq!(g.points(), 0.0);
        let next = figures(&answers, week(30), 9).topics[0].gain.unwrap();
        assert_eq!((next.n, next.first, next.latest), (1, 0.0, 0.0));
        assert!(figures(&answers, week(2), 9).topics[0].gain.is_none());
    }

    #[test]
    fn gain_kept_answer_by_answer_is_gain_by_its_definition() {
        let answers: Vec<Answer> = (0..400u32)
            .map(|i| Answer {
                user: u64::from(i % 7),
                topic: (i % 2) as usize,
                question: i % 10,
                day: day(1) + chrono::Duration::days(i64::from(i / 9)),
                correct: (i * 7 + i / 3) % 5 < 3,
            })
            .collect();
        let mut compared = 0;
        for span in [week(2), week(9), week(16), week(23), week(30)] {
            let (_, topics) = kept_totals(&answers, &span, 2);
            for (topic, t) in topics.iter().enumerate() {
                let kept = t.gain().map(|g| {
                    let n = g.n as f64;
                    (
                        g.n,
                        (g.first * n).round() as usize,
                        (g.latest * n).round() as usize,
                        g.people,
                    )
                });
                assert_eq!(
                    kept,
                    defined_gain(&answers, &span, topic),
                    "{} topic {topic}",
                    span.key
                );
                compared += usize::from(kept.is_some());
            }
        }
        assert!(compared >= 6, "the data compares pairs in most weeks");
    }

    #[test]
    fn competency_is_a_median_of_days() {
        let f = time_to_competency(&[(7, 1), (4, 1), (24, 1)]).unwrap();
        assert_eq!((f.value, f.n, f.people), (7.0, 3, 3));
        let f = time_to_competency(&[(24, 1), (4, 1)]).unwrap();
        assert_eq!(f.value, 14.0, "the mean of the middle two");
        let f = time_to_competency(&[(9, 2), (3, 1), (5, 0), (6, 1)]).unwrap();
        assert_eq!((f.value, f.n), (7.5, 4), "3, 6, 9, 9");
        assert!(time_to_competency(&[]).is_none());
        assert!(time_to_competency(&[(3, 0)]).is_none());
    }

    #[test]
    fn qa_figures_and_expert_load() {
        let ask = |d, created, deflected, first, resolved| AskFact {
            asker: 1,
            day: day(d),
            created_ms: created,
            deflected,
            first_response_ms: first,
            resolved_ms: resolved,
            served: u32::from(deflected) * 2,
            served_verified: u32::from(deflected),
        };
        let asks = [
            ask(23, 0, true, None, None),
            ask(23, 0, false, Some(600_000), Some(3_600_000)),
            ask(24, 0, false, Some(1_800_000), None),
            ask(24, 0, false, None, None),
            ask(2, 0, false, Some(60_000), None), // another week
        ];
        let q = qa_figures(&asks, &week(23));
        assert_eq!(q.asked, 4);
        assert_eq!(q.deflection, Some(0.25));
        assert_eq!(q.first_response_minutes, Some((20.0, 2)));
        assert_eq!(q.resolution_minutes, Some((60.0, 1)));
        assert_eq!(
            q.served_verified,
            Some((0.5, 2)),
            "1 of the 2 answers shown"
        );
        let job = |expert, assigned, responded: Option<i64>, open| AssignmentFact {
            expert,
            day: day(23),
            assigned_ms: assigned,
            responded_ms: responded,
            open,
        };
        let loads = expert_load(
            &[
                job(7, 0, Some(120_000), false),
                job(8, 0, None, true),
                job(7, 0, Some(360_000), false),
            ],
            &week(23),
        );
        assert_eq!(loads[0].expert, 7);
        assert_eq!((loads[0].assigned, loads[0].responded), (2, 2));
        assert_eq!(loads[0].median_response_minutes, Some(4.0));
        assert_eq!((loads[1].expert, loads[1].open), (8, 1));
    }

    #[test]
    fn support_reasons() {
        let rules = SupportRules {
            recall_below: 0.6,
            accuracy_drop_points: 20.0,
            inactive_days: 7,
            min_answers: 3,
            min_items: 2,
        };
        let mut answers = vec![];
        for d in 1..=4 {
            answers.push(fact(1, d, true)); // 15+ days before the 29th: right
        }
        for d in 20..=23 {
            answers.push(fact(1, d, d % 2 == 0)); // last 14 days: half right
        }
        let m = MemberSignals {
            user: 1,
            best_streak: 4,
            last_day: Some(day(20)),
            recent: recent_answers(&answers, day(29))[&1],
            track_recalls: vec![0.5, 0.6],
        };
        assert_eq!(
            m.recent,
            RecentAnswers {
                now: (4, 2),
                before: (3, 3)
            },
            "the 1st is 28 days before the 29th: outside both windows"
        );
        let r = needs_support(&m, day(29), &rules);
        assert_eq!(
            r,
            vec![
                SupportReason::FallingAccuracy {
                    before: 1.0,
                    now: 0.5
                },
                SupportReason::LapsedStreak { days: 9, best: 4 },
                SupportReason::LowRecall { recall: 0.55 },
            ]
        );
        let fine = MemberSignals {
            last_day: Some(day(28)),
            recent: recent_answers(&answers[..4], day(29))[&1],
            track_recalls: vec![0.9],
            ..m
        };
        assert!(needs_support(&fine, day(29), &rules).is_empty());
    }

    #[test]
    fn median_of_even_and_odd() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    #[test]
    fn correlation_with_lag() {
        assert_eq!(pearson(&[(1.0, 2.0), (2.0, 4.0)]), None);
        let r = pearson(&[(1.0, 2.0), (2.0, 4.0), (3.0, 6.5)]).unwrap();
        assert!(r > 0.99 && r <= 1.0);
        assert_eq!(pearson(&[(1.0, 1.0), (2.0, 1.0), (3.0, 1.0)]), None);
        let learning: BTreeMap<i64, f64> = [(0, 1.0), (1, 3.0), (2, 2.0), (3, 5.0)].into();
        // The KPI follows learning one period later.
        let kpi: BTreeMap<i64, f64> = [(1, 10.0), (2, 30.0), (3, 20.0), (4, 50.0)].into();
        let lags = lagged_correlations(&learning, &kpi, 3);
        assert_eq!(lags[1].n, 4);
        assert!((lags[1].r.unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(lags[0].n, 3);
        assert!(lags[0].r.unwrap() < 0.9);
        assert_eq!(lags[2].n, 3);
        assert_eq!(lags[3].n, 2);
        assert_eq!(lags[3].r, None);
    }
}
