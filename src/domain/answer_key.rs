//! How a question is answered and graded: its kind, its key (what is right), a member's
//! response, and the credit a response earns.
//!
//! | kind | asked with | right for memory | points |
//! |---|---|---|---|
//! | single choice | one button per choice | the right choice | all or nothing |
//! | true/false | "True" and "False" buttons | the right one | all or nothing |
//! | multiple response | a select menu (pick one or more) | exactly the right set | partial credit |
//! | short answer | a button opening a text box | an accepted answer at full credit | its credit |
//! | numeric | a button opening a text box | a value in a full-credit range | its credit |
//!
//! Every kind can be a channel quiz post: a select menu and a button that opens a text box
//! both work on a message many members see, and each member's response is their own.
//!
//! **Credit** is a share in [0, 1]. Memory and knowledge figures read an answer as right only
//! at full credit (all or nothing: half a right set is not knowing it), while points pay the
//! credit's share (partial credit rewards what a member did get right). For multiple
//! response, each right choice picked earns one share of 1/(number of right choices) and each
//! wrong choice picked takes one share back, never below 0: picking everything earns nothing.
//! Typed answers (short answer, numeric) earn the credit of the best accepted answer they
//! match (content may list an answer at partial or zero credit only for its feedback).
//!
//! **Short answers** are compared after [`normalise`]: case, accents, punctuation and spaces
//! do not count. An accepted answer may instead be a regular expression (the `regex`
//! crate's syntax), matched case-insensitively against the whole trimmed response.

use crate::i18n::Lang;
use crate::t;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// Fewest and most choices of a choice question.
pub const CHOICES_MIN: usize = 2;
pub const CHOICES_MAX: usize = 5;
/// The letters that label choices on buttons, menus and in text.
pub const LETTERS: [char; CHOICES_MAX] = ['A', 'B', 'C', 'D', 'E'];
/// Most accepted answers of a short-answer or numeric question.
pub const ACCEPTED_MAX: usize = 10;
/// Longest typed response, in characters (the text box's limit; Discord allows 4,000).
pub const RESPONSE_MAX: usize = 200;
/// Largest compiled size of an accepted answer's regular expression, in bytes.
const REGEX_SIZE_MAX: usize = 1 << 16;

/// How a question is asked: its kind's name in content files and the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One right choice among 2–5, on lettered buttons.
    Single,
    /// A statement that is true or false, on two buttons.
    TrueFalse,
    /// One or more right choices among 2–5, picked together in a select menu.
    Multiple,
    /// A few words typed in a text box, compared with the accepted answers.
    ShortAnswer,
    /// A number typed in a text box, right within a tolerance or range.
    Numeric,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::Single,
        QuestionKind::TrueFalse,
        QuestionKind::Multiple,
        QuestionKind::ShortAnswer,
        QuestionKind::Numeric,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::TrueFalse => "true_false",
            QuestionKind::Multiple => "multiple",
            QuestionKind::ShortAnswer => "short_answer",
            QuestionKind::Numeric => "numeric",
        }
    }

    pub fn parse(s: &str) -> Option<QuestionKind> {
        QuestionKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether a member answers by typing (in a text box) rather than picking.
    pub fn typed(self) -> bool {
        matches!(self, QuestionKind::ShortAnswer | QuestionKind::Numeric)
    }

    /// The chance of a full-credit answer by blind guessing, with `choices` choices: 1/k for
    /// one pick among k, 1/(2^k − 1) for a non-empty set, and 0 for a typed answer.
    pub fn guess_chance(self, choices: usize) -> f64 {
        let k = choices.clamp(CHOICES_MIN, CHOICES_MAX) as i32;
        match self {
            QuestionKind::Single | QuestionKind::TrueFalse => 1.0 / f64::from(k),
            QuestionKind::Multiple => 1.0 / (2f64.powi(k) - 1.0),
            QuestionKind::ShortAnswer | QuestionKind::Numeric => 0.0,
        }
    }
}

/// What is right, and how a member answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnswerKey {
    /// `choices[correct]` is the one right answer.
    Single {
        choices: Vec<String>,
        correct: usize,
    },
    /// The statement is `correct`: the choices are "True" and "False".
    TrueFalse { correct: bool },
    /// The choices at `correct` (ascending, at least one) are right, the others wrong.
    Multiple {
        choices: Vec<String>,
        correct: Vec<usize>,
    },
    /// Typed answers accepted, best first (at least one at full credit).
    ShortAnswer { accepted: Vec<Accepted> },
    /// Ranges accepted, best first (at least one at full credit).
    Numeric { accepted: Vec<NumericRange> },
}

/// An accepted short answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Accepted {
    /// The answer as shown ("Paris"), or a regular expression when `regex`.
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub regex: bool,
    /// Its share of the points, in [0, 1].
    #[serde(default = "full")]
    pub credit: f64,
    /// Shown to whoever gives this answer; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback: String,
}

/// An accepted range of numbers, both ends included (`min == max` for an exact value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericRange {
    pub min: f64,
    pub max: f64,
    /// Its share of the points, in [0, 1].
    #[serde(default = "full")]
    pub credit: f64,
    /// Shown to whoever gives an answer in this range; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback: String,
}

fn full() -> f64 {
    1.0
}

/// A member's answer to a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    /// One choice (single choice, true/false).
    Choice(usize),
    /// A set of choices (multiple response), ascending.
    Choices(Vec<usize>),
    /// What was typed (short answer, numeric).
    Text(String),
}

/// What a response earned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Graded {
    /// Share of the points, in [0, 1].
    pub credit: f64,
    /// The choice picked or the accepted answer matched, if one (for feedback and
    /// statistics).
    pub matched: Option<usize>,
}

impl Graded {
    /// Right for memory and knowledge figures: full credit only.
    pub fn right(&self) -> bool {
        self.credit >= 1.0 - 1e-9
    }
}

/// The choices of a true/false question, in their order.
static TRUE_FALSE: std::sync::LazyLock<[String; 2]> =
    std::sync::LazyLock::new(|| ["True".to_string(), "False".to_string()]);

impl AnswerKey {
    pub fn kind(&self) -> QuestionKind {
        match self {
            AnswerKey::Single { .. } => QuestionKind::Single,
            AnswerKey::TrueFalse { .. } => QuestionKind::TrueFalse,
            AnswerKey::Multiple { .. } => QuestionKind::Multiple,
            AnswerKey::ShortAnswer { .. } => QuestionKind::ShortAnswer,
            AnswerKey::Numeric { .. } => QuestionKind::Numeric,
        }
    }

    /// What a member picks from (empty for typed kinds).
    pub fn choices(&self) -> &[String] {
        match self {
            AnswerKey::Single { choices, .. } | AnswerKey::Multiple { choices, .. } => choices,
            AnswerKey::TrueFalse { .. } => &TRUE_FALSE[..],
            AnswerKey::ShortAnswer { .. } | AnswerKey::Numeric { .. } => &[],
        }
    }

    /// Whether choice `i` is (one of) the right ones.
    pub fn is_right_choice(&self, i: usize) -> bool {
        match self {
            AnswerKey::Single { correct, .. } => *correct == i,
            AnswerKey::TrueFalse { correct } => usize::from(!correct) == i,
            AnswerKey::Multiple { correct, .. } => correct.contains(&i),
            AnswerKey::ShortAnswer { .. } | AnswerKey::Numeric { .. } => false,
        }
    }

    /// Choice `i`'s text in `lang`: as written, or "True"/"False" in the reader's language.
    pub fn choice(&self, i: usize, lang: Lang) -> String {
        match self {
            AnswerKey::TrueFalse { .. } if i == 0 => t!(lang, "answer-true"),
            AnswerKey::TrueFalse { .. } if i == 1 => t!(lang, "answer-false"),
            _ => self.choices().get(i).cloned().unwrap_or_default(),
        }
    }

    /// The right answer as a member reads it: "B — Report it", "True", "A — x; C — y",
    /// "Paris", "40 to 44".
    pub fn right_answer(&self, lang: Lang) -> String {
        match self {
            AnswerKey::Single { correct, .. } => self.named_choice(*correct, lang),
            AnswerKey::TrueFalse { correct } => self.choice(usize::from(!correct), lang),
            AnswerKey::Multiple { correct, .. } => self.named_choices(correct, lang),
            AnswerKey::ShortAnswer { accepted } => accepted
                .iter()
                .find(|a| a.credit >= 1.0 && !a.regex)
                .or_else(|| accepted.first())
                .map(|a| a.text.clone())
                .unwrap_or_default(),
            AnswerKey::Numeric { accepted } => accepted
                .iter()
                .find(|r| r.credit >= 1.0)
                .or_else(|| accepted.first())
                .map(|r| r.describe(lang))
                .unwrap_or_default(),
        }
    }

    /// Choice `i` as a member reads it in a sentence: "B — Report it as phishing", or "True".
    pub fn named_choice(&self, i: usize, lang: Lang) -> String {
        let text = self.choice(i, lang);
        match self {
            AnswerKey::TrueFalse { .. } => text,
            _ => format!("{} — {text}", LETTERS.get(i).copied().unwrap_or('?')),
        }
    }

    fn named_choices(&self, set: &[usize], lang: Lang) -> String {
        let each: Vec<String> = set.iter().map(|&i| self.named_choice(i, lang)).collect();
        each.join("; ")
    }

    /// A response as a member reads it: "B — Report it", "A — x; C — y", "“paris”".
    pub fn describe(&self, response: &Response, lang: Lang) -> String {
        match response {
            Response::Choice(i) => self.named_choice(*i, lang),
            Response::Choices(set) => self.named_choices(set, lang),
            Response::Text(t) => format!("“{}”", t.trim()),
        }
    }

    /// The feedback written for what `graded` matched (short answer and numeric), if any.
    pub fn feedback(&self, graded: &Graded) -> Option<&str> {
        let i = graded.matched?;
        let text = match self {
            AnswerKey::ShortAnswer { accepted } => accepted.get(i)?.feedback.as_str(),
            AnswerKey::Numeric { accepted } => accepted.get(i)?.feedback.as_str(),
            _ => return None,
        };
        (!text.is_empty()).then_some(text)
    }

    /// Grades a response; `Err` says why it does not answer this question (a choice that
    /// does not exist, text that is not a number, …), and nothing should be recorded.
    pub fn grade(&self, response: &Response, lang: Lang) -> Result<Graded, String> {
        let n = self.choices().len();
        match (self, response) {
            (AnswerKey::Single { .. } | AnswerKey::TrueFalse { .. }, Response::Choice(i)) => {
                if *i >= n {
                    return Err(t!(lang, "answer-no-such-choice"));
                }
                let right = self.is_right_choice(*i);
                Ok(Graded {
                    credit: if right { 1.0 } else { 0.0 },
                    matched: Some(*i),
                })
            }
            (AnswerKey::Multiple { correct, .. }, Response::Choices(set)) => {
                if set.is_empty() || set.iter().any(|&i| i >= n) {
                    return Err(t!(lang, "answer-pick-choices"));
                }
                let hits = set.iter().filter(|i| correct.contains(i)).count() as f64;
                let misses = set.len() as f64 - hits;
                Ok(Graded {
                    credit: ((hits - misses) / correct.len().max(1) as f64).clamp(0.0, 1.0),
                    matched: None,
                })
            }
            (_, Response::Text(t)) if t.trim().chars().count() > RESPONSE_MAX => Err(t!(
                lang,
                "answer-too-long",
                length = t.trim().chars().count(),
                max = RESPONSE_MAX
            )),
            (AnswerKey::ShortAnswer { accepted }, Response::Text(t)) => {
                let typed = normalise(t);
                let found = best(accepted.iter().map(|a| (a.credit, matches(a, t, &typed))));
                Ok(graded(found, accepted.iter().map(|a| a.credit)))
            }
            (AnswerKey::Numeric { accepted }, Response::Text(t)) => {
                let Some(x) = parse_number(t) else {
                    let typed = crate::domain::format::fit(t.trim(), 40);
                    return Err(t!(lang, "answer-not-a-number", typed = typed));
                };
                let found = best(accepted.iter().map(|r| (r.credit, r.contains(x))));
                Ok(graded(found, accepted.iter().map(|r| r.credit)))
            }
            _ => Err(t!(lang, "answer-does-not-fit")),
        }
    }

    /// A stored response read back: `choice` and `text` as [`Response::stored`] wrote them.
    pub fn stored_response(&self, choice: i64, text: Option<String>) -> Response {
        match self.kind() {
            QuestionKind::Single | QuestionKind::TrueFalse => {
                Response::Choice(usize::try_from(choice).unwrap_or(0))
            }
            QuestionKind::Multiple => Response::Choices(
                (0..CHOICES_MAX)
                    .filter(|i| choice >= 0 && choice & (1 << i) != 0)
                    .collect(),
            ),
            QuestionKind::ShortAnswer | QuestionKind::Numeric => {
                Response::Text(text.unwrap_or_default())
            }
        }
    }

    /// Checks a key's own rules (choice counts, a right answer at full credit, ranges in
    /// order, regular expressions that compile); `Err` says what is wrong.
    pub fn check(&self, lang: Lang) -> Result<(), String> {
        let choices = self.choices().len();
        match self {
            AnswerKey::Single { correct, .. } if *correct >= choices => {
                Err(t!(lang, "key-right-not-a-choice"))
            }
            AnswerKey::Single { .. } | AnswerKey::Multiple { .. }
                if !(CHOICES_MIN..=CHOICES_MAX).contains(&choices) =>
            {
                Err(t!(
                    lang,
                    "key-choice-count",
                    choices = choices,
                    min = CHOICES_MIN,
                    max = CHOICES_MAX
                ))
            }
            AnswerKey::Multiple { correct, .. }
                if correct.is_empty()
                    || correct.iter().any(|&i| i >= choices)
                    || correct.windows(2).any(|w| w[0] >= w[1]) =>
            {
                Err(t!(lang, "key-right-choices"))
            }
            AnswerKey::ShortAnswer { accepted } => {
                check_accepted(accepted.iter().map(|a| a.credit), lang)?;
                for a in accepted {
                    if a.regex {
                        pattern(&a.text).map_err(|e| {
                            let text = format!("{:?}", a.text);
                            t!(lang, "key-bad-regex", text = text, error = e.to_string())
                        })?;
                    }
                }
                Ok(())
            }
            AnswerKey::Numeric { accepted } => {
                check_accepted(accepted.iter().map(|r| r.credit), lang)?;
                match accepted
                    .iter()
                    .find(|r| !(r.min.is_finite() && r.max.is_finite() && r.min <= r.max))
                {
                    Some(r) => Err(t!(
                        lang,
                        "key-bad-range",
                        min = lang.number(r.min),
                        max = lang.number(r.max)
                    )),
                    None => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }
}

impl AnswerKey {
    /// What is stored beside the key for SQL to read: the choices (for typed kinds, the
    /// accepted answers as shown) and the index of the (first) right one.
    pub fn columns(&self) -> (Vec<String>, i64) {
        fn first_full(mut credits: impl Iterator<Item = f64>) -> i64 {
            credits.position(|c| c >= 1.0).unwrap_or(0) as i64
        }
        match self {
            AnswerKey::Single { choices, correct } => (choices.clone(), *correct as i64),
            AnswerKey::TrueFalse { correct } => (TRUE_FALSE.to_vec(), i64::from(!correct)),
            AnswerKey::Multiple { choices, correct } => (
                choices.clone(),
                correct.first().copied().unwrap_or(0) as i64,
            ),
            AnswerKey::ShortAnswer { accepted } => (
                accepted.iter().map(|a| a.text.clone()).collect(),
                first_full(accepted.iter().map(|a| a.credit)),
            ),
            AnswerKey::Numeric { accepted } => (
                // Stored for SQL readers: one language.
                accepted.iter().map(|r| r.describe(Lang::En)).collect(),
                first_full(accepted.iter().map(|r| r.credit)),
            ),
        }
    }

    /// A stored key read back: `key` (JSON, written with every version since schema 15) or,
    /// for a version written before, its kind's name with its choices and right choice.
    pub fn from_stored(
        kind: &str,
        choices: Vec<String>,
        correct: i64,
        key: Option<&str>,
    ) -> AnswerKey {
        if let Some(key) = key.and_then(|k| serde_json::from_str::<AnswerKey>(k).ok()) {
            return key;
        }
        let correct = usize::try_from(correct).unwrap_or(0);
        match QuestionKind::parse(kind) {
            Some(QuestionKind::TrueFalse) => AnswerKey::TrueFalse {
                correct: correct == 0,
            },
            _ => AnswerKey::Single { choices, correct },
        }
    }
}

fn check_accepted(credits: impl Iterator<Item = f64> + Clone, lang: Lang) -> Result<(), String> {
    let n = credits.clone().count();
    if n == 0 || n > ACCEPTED_MAX {
        return Err(t!(lang, "key-accepted-count", n = n, max = ACCEPTED_MAX));
    }
    if credits.clone().any(|c| !(0.0..=1.0).contains(&c)) {
        return Err(t!(lang, "key-credit-range"));
    }
    if !credits.clone().any(|c| c >= 1.0) {
        return Err(t!(lang, "key-no-full-credit"));
    }
    Ok(())
}

/// The best-credited match among `(credit, matched)`, by index.
fn best(candidates: impl Iterator<Item = (f64, bool)>) -> Option<usize> {
    candidates
        .enumerate()
        .filter(|(_, (_, hit))| *hit)
        .fold(
            None,
            |acc: Option<(usize, f64)>, (i, (credit, _))| match acc {
                Some((_, c)) if c >= credit => acc,
                _ => Some((i, credit)),
            },
        )
        .map(|(i, _)| i)
}

fn graded(found: Option<usize>, mut credits: impl Iterator<Item = f64>) -> Graded {
    Graded {
        credit: found.and_then(|i| credits.nth(i)).unwrap_or(0.0),
        matched: found,
    }
}

fn matches(a: &Accepted, raw: &str, typed: &str) -> bool {
    if a.regex {
        pattern(&a.text).is_ok_and(|re| re.is_match(raw.trim()))
    } else {
        !typed.is_empty() && normalise(&a.text) == typed
    }
}

/// An accepted answer's regular expression, anchored to the whole response and
/// case-insensitive, within a size limit (content is untrusted).
fn pattern(text: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(&format!("^(?:{text})$"))
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_MAX)
        .build()
}

/// A short answer as compared: lowercase, without accents, punctuation or repeated spaces
/// ("  Saint-Étienne! " → "saint etienne").
pub fn normalise(text: &str) -> String {
    let folded: String = text
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A typed number: digits with an optional sign, decimal point (or one decimal comma) and
/// exponent; spaces and `_` between digit groups are ignored. `None` for anything else.
pub fn parse_number(text: &str) -> Option<f64> {
    let mut s: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '\u{a0}' | '\u{202f}'))
        .collect();
    if s.matches(',').count() == 1 && !s.contains('.') {
        s = s.replace(',', ".");
    }
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    s.parse::<f64>().ok().filter(|x| plain && x.is_finite())
}

/// A numeric answer as GIFT, CSV and the TOML shorthand write it: `42` (exact), `42:2` (a
/// value and its tolerance) or `40..44` (a range); `None` for anything else.
pub fn parse_numeric_answer(text: &str) -> Option<NumericRange> {
    let text = text.trim();
    let (min, max) = if let Some((a, b)) = text.split_once("..") {
        (parse_number(a)?, parse_number(b)?)
    } else if let Some((value, tolerance)) = text.split_once(':') {
        let (value, tolerance) = (parse_number(value)?, parse_number(tolerance)?.abs());
        (value - tolerance, value + tolerance)
    } else {
        let value = parse_number(text)?;
        (value, value)
    };
    (min <= max).then(|| NumericRange {
        min,
        max,
        credit: 1.0,
        feedback: String::new(),
    })
}

impl NumericRange {
    /// Whether `x` is in the range (with a little room for decimal rounding).
    pub fn contains(&self, x: f64) -> bool {
        let slack = 1e-9 * self.min.abs().max(self.max.abs()).max(1.0);
        x >= self.min - slack && x <= self.max + slack
    }

    /// "42", or "40 to 44".
    pub fn describe(&self, lang: Lang) -> String {
        if self.min == self.max {
            lang.number(self.min)
        } else {
            t!(
                lang,
                "answer-range",
                min = lang.number(self.min),
                max = lang.number(self.max)
            )
        }
    }
}

impl Response {
    /// As stored in `answers.choice` and `answers.response`: the choice picked; the set of
    /// choices as bits (choice i is bit i); for typed kinds the accepted answer matched (−1
    /// for none) and the text as typed.
    pub fn stored(&self, graded: &Graded) -> (i64, Option<String>) {
        match self {
            Response::Choice(i) => (*i as i64, None),
            Response::Choices(set) => (set.iter().map(|i| 1i64 << i).sum(), None),
            Response::Text(t) => (
                graded.matched.map_or(-1, |i| i as i64),
                Some(t.trim().to_string()),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short(answers: &[(&str, bool, f64, &str)]) -> AnswerKey {
        AnswerKey::ShortAnswer {
            accepted: answers
                .iter()
                .map(|&(text, regex, credit, feedback)| Accepted {
                    text: text.into(),
                    regex,
                    credit,
                    feedback: feedback.into(),
                })
                .collect(),
        }
    }

    #[test]
    fn short_answers_ignore_case_accents_punctuation_and_spaces() {
        assert_eq!(normalise("  Saint-Étienne! "), "saint etienne");
        assert_eq!(normalise("ÇA  va?"), "ca va");
        let key = short(&[
            ("Saint-Étienne", false, 1.0, "Yes."),
            ("Lyon", false, 0.0, "Close: that is the region's capital."),
        ]);
        let g = key
            .grade(&Response::Text("saint etienne".into()), Lang::En)
            .unwrap();
        assert!(g.right());
        assert_eq!(key.feedback(&g), Some("Yes."));
        let g = key
            .grade(&Response::Text(" LYON.".into()), Lang::En)
            .unwrap();
        assert!(!g.right());
        assert_eq!(g.matched, Some(1));
        assert_eq!(
            key.feedback(&g),
            Some("Close: that is the region's capital.")
        );
        let g = key
            .grade(&Response::Text("Paris".into()), Lang::En)
            .unwrap();
        assert_eq!((g.credit, g.matched), (0.0, None));
        let g = key.grade(&Response::Text("?!".into()), Lang::En).unwrap();
        assert_eq!(g.matched, None, "nothing typed matches nothing");
    }

    #[test]
    fn a_regular_expression_matches_the_whole_response_in_any_case() {
        let key = short(&[(r"colou?r", true, 1.0, ""), ("hue", false, 0.5, "")]);
        assert!(key
            .grade(&Response::Text(" COLOR ".into()), Lang::En)
            .unwrap()
            .right());
        assert!(!key
            .grade(&Response::Text("colours".into()), Lang::En)
            .unwrap()
            .right());
        assert_eq!(
            key.grade(&Response::Text("Hue".into()), Lang::En)
                .unwrap()
                .credit,
            0.5
        );
        assert_eq!(
            key.right_answer(Lang::En),
            "colou?r",
            "no plain answer: the pattern"
        );
        assert!(short(&[("(", true, 1.0, "")])
            .check(Lang::En)
            .unwrap_err()
            .contains("regular"));
        assert!(short(&[("x", false, 0.5, "")])
            .check(Lang::En)
            .unwrap_err()
            .contains("full credit"));
        // An explosive pattern is refused by the size limit, not compiled.
        assert!(short(&[("(a{1000}){1000}", true, 1.0, "")])
            .check(Lang::En)
            .is_err());
    }

    #[test]
    fn the_best_credited_match_counts() {
        let key = short(&[("a.*", true, 0.5, "half"), ("ab", false, 1.0, "full")]);
        let g = key.grade(&Response::Text("ab".into()), Lang::En).unwrap();
        assert_eq!((g.credit, g.matched), (1.0, Some(1)));
    }

    #[test]
    fn numbers_are_read_leniently_and_ranges_include_their_ends() {
        assert_eq!(parse_number(" 3,5 "), Some(3.5));
        assert_eq!(parse_number("1 234.5"), Some(1234.5));
        assert_eq!(parse_number("-2e3"), Some(-2000.0));
        assert_eq!(parse_number("1,234.5"), None, "ambiguous separators");
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("0x10"), None);
        assert_eq!(parse_number(""), None);
        let key = AnswerKey::Numeric {
            accepted: vec![
                NumericRange {
                    min: 40.0,
                    max: 44.0,
                    credit: 1.0,
                    feedback: String::new(),
                },
                NumericRange {
                    min: 30.0,
                    max: 50.0,
                    credit: 0.5,
                    feedback: "Close.".into(),
                },
            ],
        };
        assert!(key
            .grade(&Response::Text("44".into()), Lang::En)
            .unwrap()
            .right());
        assert!(
            key.grade(&Response::Text("0.1e2".into()), Lang::En)
                .unwrap()
                .credit
                == 0.0
        );
        let near = key.grade(&Response::Text("48".into()), Lang::En).unwrap();
        assert_eq!((near.credit, key.feedback(&near)), (0.5, Some("Close.")));
        let bad = key
            .grade(&Response::Text("forty".into()), Lang::En)
            .unwrap_err();
        assert!(bad.contains("not a number"), "{bad}");
        assert_eq!(key.right_answer(Lang::En), "40 to 44");
        let exact = NumericRange {
            min: 0.3,
            max: 0.3,
            credit: 1.0,
            feedback: String::new(),
        };
        assert!(
            exact.contains(0.1 + 0.2),
            "decimal rounding is not a wrong answer"
        );
        assert_eq!(exact.describe(Lang::En), "0.3");
        assert_eq!(exact.describe(Lang::De), "0,3");
        let read = |t: &str| parse_numeric_answer(t).map(|r| (r.min, r.max));
        assert_eq!(read("42"), Some((42.0, 42.0)));
        assert_eq!(read("3:2"), Some((1.0, 5.0)));
        assert_eq!(read("-5..-1"), Some((-5.0, -1.0)));
        assert_eq!(read("5..1"), None);
        assert_eq!(read("x:2"), None);
    }

    #[test]
    fn multiple_response_is_all_or_nothing_for_memory_and_partial_for_points() {
        let key = AnswerKey::Multiple {
            choices: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            correct: vec![0, 2],
        };
        let credit = |set: &[usize]| {
            key.grade(&Response::Choices(set.to_vec()), Lang::En)
                .unwrap()
        };
        assert!(credit(&[0, 2]).right());
        assert_eq!(credit(&[0]).credit, 0.5);
        assert!(!credit(&[0]).right());
        assert_eq!(credit(&[0, 1, 2]).credit, 0.5);
        assert_eq!(
            credit(&[0, 1, 2, 3]).credit,
            0.0,
            "everything earns nothing"
        );
        assert_eq!(credit(&[1]).credit, 0.0);
        assert!(key.grade(&Response::Choices(vec![]), Lang::En).is_err());
        assert!(key.grade(&Response::Choices(vec![4]), Lang::En).is_err());
        assert!(
            key.grade(&Response::Choice(0), Lang::En).is_err(),
            "wrong shape"
        );
        assert_eq!(key.right_answer(Lang::En), "A — a; C — c");
        let g = credit(&[0, 3]);
        let (choice, text) = Response::Choices(vec![0, 3]).stored(&g);
        assert_eq!((choice, text.as_deref()), (0b1001, None));
        assert_eq!(
            key.stored_response(choice, None),
            Response::Choices(vec![0, 3])
        );
    }

    #[test]
    fn keys_are_checked() {
        let multiple = |correct: Vec<usize>| AnswerKey::Multiple {
            choices: vec!["a".into(), "b".into()],
            correct,
        };
        assert!(multiple(vec![0, 1]).check(Lang::En).is_ok());
        assert!(multiple(vec![]).check(Lang::En).is_err());
        assert!(multiple(vec![1, 1]).check(Lang::En).is_err());
        assert!(multiple(vec![2]).check(Lang::En).is_err());
        let range = |min, max| AnswerKey::Numeric {
            accepted: vec![NumericRange {
                min,
                max,
                credit: 1.0,
                feedback: String::new(),
            }],
        };
        assert!(range(1.0, 5.0).check(Lang::En).is_ok());
        assert!(range(5.0, 1.0).check(Lang::En).is_err());
        assert!(range(f64::NAN, 1.0).check(Lang::En).is_err());
    }

    #[test]
    fn guessing_chances_follow_the_kind() {
        assert_eq!(QuestionKind::Single.guess_chance(4), 0.25);
        assert_eq!(QuestionKind::TrueFalse.guess_chance(2), 0.5);
        assert_eq!(QuestionKind::Multiple.guess_chance(3), 1.0 / 7.0);
        assert_eq!(QuestionKind::ShortAnswer.guess_chance(0), 0.0);
        for k in QuestionKind::ALL {
            assert_eq!(QuestionKind::parse(k.as_str()), Some(k));
        }
    }

    #[test]
    fn keys_serialise_with_their_kind() {
        let key = short(&[("Paris", false, 1.0, "")]);
        let json = serde_json::to_string(&key).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"short_answer","accepted":[{"text":"Paris","credit":1.0}]}"#
        );
        assert_eq!(serde_json::from_str::<AnswerKey>(&json).unwrap(), key);
    }
}
