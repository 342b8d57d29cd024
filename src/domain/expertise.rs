//! Expertise earned and fading: a score per member and topic from what they know and what they
//! gave, so that the bot can suggest and route to people who did not enrol as experts.
//!
//! ```text
//! score = 0.5 × mastery + 0.4 × min(1, faded answers / 2) + 0.1 × min(1, verified owned)
//! ```
//!
//! - **mastery**: the predicted recall today of each of the topic's questions, averaged with
//!   unseen ones at zero (as `/progress` shows it): it grows with coverage and fades as
//!   memories do.
//! - **faded answers**: their accepted answers in the topic, each weighing `0.5^(age / 90 days)`
//!   (a half-life of [`HALF_LIFE_DAYS`]): an answer from last week counts almost fully, one from
//!   a year ago a sixteenth.
//! - **verified owned**: their accepted answers in the topic that are within their verification
//!   interval (see `domain::verification`).
//!
//! A member not enrolled on the topic is an **inferred expert** above [`THRESHOLD`] (0.5), e.g.
//! with 90% mastery and one recent accepted answer (0.65), or two recent accepted answers and a
//! third of the bank remembered (0.55); quiz mastery alone (at most 0.5) never is: knowing a
//! quiz is not the same as helping people. Half a year later, two answers count a quarter each
//! and memories have faded: no longer an expert unless they keep answering. Members can opt out
//! (`/expert suggest off`).

use crate::domain::ids::UserId;
use crate::i18n::Lang;
use crate::t;

/// Days after which an accepted answer counts half.
pub const HALF_LIFE_DAYS: f64 = 90.0;
/// Above this score, a member counts as an expert on the topic.
pub const THRESHOLD: f64 = 0.5;
/// Recent accepted answers ("in the last N days") shown in the reason.
pub const RECENT_DAYS: f64 = 60.0;

const MASTERY_WEIGHT: f64 = 0.5;
const ANSWERS_WEIGHT: f64 = 0.4;
const ANSWERS_FULL: f64 = 2.0;
const OWNED_WEIGHT: f64 = 0.1;
const OWNED_FULL: f64 = 1.0;

/// What is known of a member in a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub user: UserId,
    pub topic: String,
    /// 0 to 1.
    pub mastery: f64,
    /// The age in days of each of their accepted answers in the topic.
    pub answer_ages_days: Vec<f64>,
    /// Their accepted answers in the topic within their verification interval.
    pub verified_owned: u32,
}

impl Evidence {
    /// Their accepted answers, each faded by its age.
    pub fn faded_answers(&self) -> f64 {
        self.answer_ages_days
            .iter()
            .map(|age| 0.5_f64.powf(age.max(0.0) / HALF_LIFE_DAYS))
            .sum()
    }

    pub fn score(&self) -> f64 {
        MASTERY_WEIGHT * self.mastery.clamp(0.0, 1.0)
            + ANSWERS_WEIGHT * (self.faded_answers() / ANSWERS_FULL).min(1.0)
            + OWNED_WEIGHT * (f64::from(self.verified_owned) / OWNED_FULL).min(1.0)
    }

    pub fn is_expert(&self) -> bool {
        self.score() > THRESHOLD
    }

    /// Why: "92% mastery · 3 accepted answers in the last 60 days · owns 1 verified answer".
    pub fn reason(&self, lang: Lang) -> String {
        let mastery = lang.percent(self.mastery);
        let mut parts = vec![t!(lang, "expertise-mastery", mastery = mastery)];
        let all = self.answer_ages_days.len();
        let recent = self
            .answer_ages_days
            .iter()
            .filter(|a| **a <= RECENT_DAYS)
            .count();
        let days = RECENT_DAYS.round() as i64;
        match (all, recent) {
            (0, _) => {}
            (n, r) if r == n => {
                parts.push(t!(lang, "expertise-answers-recent", count = n, days = days))
            }
            (n, r) => parts.push(t!(
                lang,
                "expertise-answers",
                count = n,
                recent = r,
                days = days
            )),
        }
        if self.verified_owned > 0 {
            let owned = self.verified_owned;
            parts.push(t!(lang, "expertise-owns", count = owned));
        }
        parts.join(" · ")
    }
}

/// An accepted answer in a topic, as expertise reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnswerFact {
    pub author: UserId,
    pub created_ms: i64,
    /// Last verified (or accepted).
    pub verified_ms: i64,
    /// Its topic's or server's interval (`None`: the configured default).
    pub interval_days: Option<u32>,
}

/// What expertise on one topic is judged from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExpertiseFacts {
    /// The topic's number of questions (mastery counts unseen ones as zero).
    pub questions: usize,
    pub memories: Vec<(UserId, crate::domain::memory::Memory)>,
    pub answers: Vec<AnswerFact>,
    /// Members who said `/expert suggest off`.
    pub opted_out: Vec<UserId>,
    /// Members enrolled as experts on the topic.
    pub enrolled: Vec<UserId>,
}

/// A topic's facts with everyone's evidence on it (see [`evidence`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicExpertise {
    pub facts: ExpertiseFacts,
    /// Most expert first.
    pub evidence: Vec<Evidence>,
}

impl TopicExpertise {
    /// The inferred experts: experts by their score who are not enrolled on the topic (and
    /// did not opt out), most expert first.
    pub fn inferred(&self) -> impl Iterator<Item = &Evidence> {
        self.evidence
            .iter()
            .filter(|e| e.is_expert() && !self.facts.enrolled.contains(&e.user))
    }

    /// A member's score on the topic (`None`: nothing known of them there).
    pub fn score_of(&self, user: UserId) -> Option<f64> {
        self.evidence
            .iter()
            .find(|e| e.user == user)
            .map(Evidence::score)
    }
}

/// Everyone's evidence on `topic` from its facts, most expert first: mastery from `recall`
/// (each memory's predicted recall today), answers aged at `now_ms`, and the answers within
/// their verification interval (`default_interval_days` where they have none of their own).
/// Members who opted out are left out unless they enrolled.
pub fn evidence(
    topic: &str,
    facts: &ExpertiseFacts,
    recall: impl Fn(&crate::domain::memory::Memory) -> f64,
    now_ms: i64,
    default_interval_days: u32,
) -> Vec<Evidence> {
    use crate::domain::verification::{interval_days, Standing, Verification};
    let mut by_user: std::collections::HashMap<UserId, Evidence> = Default::default();
    let blank = |user: UserId| Evidence {
        user,
        topic: topic.to_string(),
        mastery: 0.0,
        answer_ages_days: vec![],
        verified_owned: 0,
    };
    let questions = facts.questions.max(1) as f64;
    for (user, memory) in &facts.memories {
        by_user.entry(*user).or_insert_with(|| blank(*user)).mastery += recall(memory) / questions;
    }
    for a in &facts.answers {
        let e = by_user.entry(a.author).or_insert_with(|| blank(a.author));
        e.answer_ages_days
            .push((now_ms - a.created_ms) as f64 / 86_400_000.0);
        let verification = Verification {
            verified_ms: a.verified_ms,
            interval_days: interval_days(a.interval_days, None, default_interval_days),
        };
        if verification.standing(now_ms, 0) == Standing::Verified {
            e.verified_owned += 1;
        }
    }
    let mut out: Vec<Evidence> = by_user
        .into_values()
        .filter(|e| !facts.opted_out.contains(&e.user) || facts.enrolled.contains(&e.user))
        .collect();
    out.sort_by(|a, b| b.score().total_cmp(&a.score()).then(a.user.cmp(&b.user)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(mastery: f64, ages: &[f64], owned: u32) -> Evidence {
        Evidence {
            user: UserId(1),
            topic: "vpn".into(),
            mastery,
            answer_ages_days: ages.to_vec(),
            verified_owned: owned,
        }
    }

    #[test]
    fn mastery_and_a_recent_answer_make_an_expert_which_fades() {
        let fresh = evidence(0.9, &[2.0], 0);
        assert!(fresh.is_expert(), "{}", fresh.score());
        assert!(
            !evidence(0.9, &[], 0).is_expert(),
            "mastery alone is not enough"
        );
        assert!(!evidence(1.0, &[], 0).is_expert(), "not even all of it");
        assert!(
            evidence(1.0, &[], 1).is_expert(),
            "with a verified answer they own"
        );
        assert!(evidence(0.5, &[1.0, 5.0, 10.0], 0).is_expert());
        let aged = evidence(0.5, &[181.0, 185.0, 190.0], 0);
        assert!(!aged.is_expert(), "{}", aged.score());
        let half = evidence(0.0, &[90.0], 0).faded_answers();
        assert!((half - 0.5).abs() < 1e-12);
    }

    #[test]
    fn the_reason_says_what_counted() {
        assert_eq!(
            evidence(0.92, &[3.0, 40.0, 59.0], 1).reason(Lang::En),
            "92% mastery · 3 accepted answers in the last 60 days · owns 1 verified answer"
        );
        assert_eq!(
            evidence(0.5, &[3.0, 200.0], 0).reason(Lang::En),
            "50% mastery · 2 accepted answers (1 in the last 60 days)"
        );
        assert_eq!(evidence(0.8, &[], 0).reason(Lang::En), "80% mastery");
        assert_eq!(
            evidence(0.5, &[3.0, 200.0], 0).reason(Lang::De),
            "50\u{202f}% Beherrschung · 2 akzeptierte Antworten (1 in den letzten 60 Tagen)"
        );
    }
}
