//! The answer fields of multiple response, short answer and numeric questions, as TOML and
//! CSV write them (single choice and true/false are read beside the checker itself).
//!
//! ```toml
//! [[question]]                     # pick every right choice in a menu
//! kind = "multiple"
//! choices = ["Lock the screen", "Share the password", "Report phishing"]
//! correct = ["A", "C"]             # or "A, C"
//!
//! [[question]]                     # type a few words
//! kind = "short_answer"
//! correct = ["Paris", "Paree"]     # shorthand: each accepted at full credit, or
//! accepted = [                     # each with its credit (0–1), feedback, or as a pattern
//!   { text = "Paris", feedback = "Yes: since 508." },
//!   { text = "Lutetia", credit = 0.5, feedback = "Its Roman name." },
//!   { text = "par(is|ee)", regex = true },
//! ]
//!
//! [[question]]                     # type a number
//! kind = "numeric"
//! correct = "42:2"                 # shorthand: 42, 42:2 (42 ± 2) or 40..44, or
//! accepted = [{ value = 42, tolerance = 2 }, { min = 30, max = 50, credit = 0.5 }]
//! ```
//! CSV has the shorthand only: letters such as `A, C` in `correct` for multiple response, and
//! full-credit answers separated by `|` in `correct` for short answer and numeric.

use super::{kind, Checker, Raw};
use crate::domain::answer_key::{
    parse_number, parse_numeric_answer, Accepted, AnswerKey, NumericRange, QuestionKind,
};
use crate::domain::content::{check_text, parse_correct, CHOICE_MAX, EXPLANATION_MAX};
use crate::t;
use toml::Value;

impl Checker<'_> {
    /// `choices` and the letters of the right ones in `correct` (a list, or text such as
    /// `"A, C"`).
    pub(super) fn multiple(&mut self, id: &str) -> Option<AnswerKey> {
        let choices = self.choices(id);
        let letters: Vec<String> = match self.item.fields.get("correct").cloned() {
            None => {
                self.report(id, "correct", t!(self.lang, "import-letters-missing"));
                return None;
            }
            Some((Raw::List(list), _)) => list,
            Some((Raw::Text(t), _)) => letters(&t),
            Some((other, _)) => {
                self.report(
                    id,
                    "correct",
                    t!(
                        self.lang,
                        "import-letters-not",
                        kind = kind(&other, self.lang)
                    ),
                );
                return None;
            }
        };
        let choices = choices?;
        let mut correct = Vec::new();
        let mut readable = true;
        for letter in &letters {
            match parse_correct(letter, choices.len(), self.lang) {
                Ok(i) if correct.contains(&i) => {
                    let twice = t!(
                        self.lang,
                        "import-named-twice",
                        letter = format!("{letter:?}")
                    );
                    self.report(id, "correct", twice);
                    readable = false;
                }
                Ok(i) => correct.push(i),
                Err(reason) => {
                    self.report(id, "correct", reason);
                    readable = false;
                }
            }
        }
        if !readable {
            return None;
        }
        correct.sort_unstable();
        self.checked(id, "correct", AnswerKey::Multiple { choices, correct })
    }

    /// A short-answer or numeric key: detailed `accepted` tables, or the `correct` shorthand
    /// (one answer, or a list, each at full credit).
    pub(super) fn typed(&mut self, id: &str, kind_of: QuestionKind) -> Option<AnswerKey> {
        let has_choices = self.has_choices();
        if has_choices {
            self.report(id, "choices", t!(self.lang, "import-typed-choices"));
        }
        let numeric = kind_of == QuestionKind::Numeric;
        let (field, key) = match (
            self.item.fields.get("correct").cloned(),
            self.item.fields.get("accepted").cloned(),
        ) {
            (Some(_), Some(_)) => {
                self.report(id, "accepted", t!(self.lang, "import-correct-or-accepted"));
                return None;
            }
            (None, None) => {
                self.report(id, "correct", t!(self.lang, "import-accepted-missing"));
                return None;
            }
            (Some((raw, _)), None) => ("correct", self.shorthand(id, numeric, raw)?),
            (None, Some((Raw::Tables(tables), _))) => {
                ("accepted", self.accepted(id, numeric, &tables)?)
            }
            (None, Some((other, _))) => {
                self.report(
                    id,
                    "accepted",
                    t!(
                        self.lang,
                        "import-tables-not",
                        kind = kind(&other, self.lang)
                    ),
                );
                return None;
            }
        };
        if has_choices {
            return None;
        }
        self.checked(id, field, key)
    }

    /// The key if it meets its kind's rules, else `None` with the reason reported on `field`.
    fn checked(&mut self, id: &str, field: &str, key: AnswerKey) -> Option<AnswerKey> {
        match key.check(self.lang) {
            Ok(()) => Some(key),
            Err(reason) => {
                self.report(id, field, reason);
                None
            }
        }
    }

    fn shorthand(&mut self, id: &str, numeric: bool, raw: Raw) -> Option<AnswerKey> {
        let items: Vec<String> = match raw {
            Raw::Text(t) => t.split('|').map(str::to_string).collect(),
            Raw::List(list) => list,
            Raw::Int(i) if numeric => vec![i.to_string()],
            Raw::Float(f) if numeric => vec![f.to_string()],
            other => {
                self.report(
                    id,
                    "correct",
                    t!(
                        self.lang,
                        "import-text-or-texts-not",
                        kind = kind(&other, self.lang)
                    ),
                );
                return None;
            }
        };
        if numeric {
            let mut ranges = Vec::new();
            for item in &items {
                match parse_numeric_answer(item) {
                    Some(r) => ranges.push(r),
                    None => self.report(
                        id,
                        "correct",
                        t!(
                            self.lang,
                            "import-not-numeric",
                            typed = format!("{:?}", item.trim())
                        ),
                    ),
                }
            }
            (ranges.len() == items.len()).then_some(AnswerKey::Numeric { accepted: ranges })
        } else {
            let mut accepted = Vec::new();
            for item in &items {
                match check_text(item, CHOICE_MAX, self.lang) {
                    Ok(text) => accepted.push(Accepted {
                        text,
                        regex: false,
                        credit: 1.0,
                        feedback: String::new(),
                    }),
                    Err(reason) => self.report(id, "correct", format!("{:?} {reason}", item)),
                }
            }
            (accepted.len() == items.len()).then_some(AnswerKey::ShortAnswer { accepted })
        }
    }

    fn accepted(&mut self, id: &str, numeric: bool, tables: &[toml::Table]) -> Option<AnswerKey> {
        let allowed: &[&str] = if numeric {
            &["value", "tolerance", "min", "max", "credit", "feedback"]
        } else {
            &["text", "regex", "credit", "feedback"]
        };
        let lang = self.lang;
        let mut problems = Vec::new();
        let mut short = Vec::new();
        let mut ranges = Vec::new();
        for (n, table) in tables.iter().enumerate() {
            let mut fail = |reason: String| {
                problems.push(t!(lang, "import-answer-n", n = n + 1, reason = reason));
            };
            for key in table.keys().filter(|k| !allowed.contains(&k.as_str())) {
                fail(t!(
                    lang,
                    "import-unknown-answer-field",
                    key = format!("{key:?}"),
                    fields = allowed.join(", ")
                ));
            }
            let credit = match table.get("credit") {
                None => Some(1.0),
                Some(v) => number(v).filter(|c| (0.0..=1.0).contains(c)).or_else(|| {
                    fail(t!(lang, "import-credit"));
                    None
                }),
            };
            let feedback = match table.get("feedback") {
                None => Some(String::new()),
                Some(Value::String(s)) if s.trim().is_empty() => Some(String::new()),
                Some(Value::String(s)) => check_text(s, EXPLANATION_MAX, lang)
                    .map_err(|reason| fail(format!("feedback {reason}")))
                    .ok(),
                Some(_) => {
                    fail(t!(lang, "import-feedback-text"));
                    None
                }
            };
            if numeric {
                let range = match (
                    table.get("value").map(number),
                    table.get("tolerance").map(number),
                    table.get("min").map(number),
                    table.get("max").map(number),
                ) {
                    (Some(Some(value)), tolerance, None, None) => match tolerance {
                        None => Some((value, value)),
                        Some(Some(t)) => Some((value - t.abs(), value + t.abs())),
                        Some(None) => None,
                    },
                    (None, None, Some(Some(min)), Some(Some(max))) => Some((min, max)),
                    _ => None,
                };
                if range.is_none() {
                    fail(t!(lang, "import-range-fields"));
                }
                if let (Some((min, max)), Some(credit), Some(feedback)) = (range, credit, feedback)
                {
                    ranges.push(NumericRange {
                        min,
                        max,
                        credit,
                        feedback,
                    });
                }
            } else {
                let text = match table.get("text") {
                    Some(Value::String(s)) => check_text(s, CHOICE_MAX, lang)
                        .map_err(|reason| fail(format!("text {reason}")))
                        .ok(),
                    _ => {
                        fail(t!(lang, "import-answer-text"));
                        None
                    }
                };
                let regex = match table.get("regex") {
                    None => Some(false),
                    Some(Value::Boolean(b)) => Some(*b),
                    Some(_) => {
                        fail(t!(lang, "import-regex-bool"));
                        None
                    }
                };
                if let (Some(text), Some(regex), Some(credit), Some(feedback)) =
                    (text, regex, credit, feedback)
                {
                    short.push(Accepted {
                        text,
                        regex,
                        credit,
                        feedback,
                    });
                }
            }
        }
        let complete = problems.is_empty();
        for reason in problems {
            self.report(id, "accepted", reason);
        }
        match (complete, numeric) {
            (false, _) => None,
            (true, true) => Some(AnswerKey::Numeric { accepted: ranges }),
            (true, false) => Some(AnswerKey::ShortAnswer { accepted: short }),
        }
    }
}

/// A TOML number (or a number in quotes).
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Integer(i) => Some(*i as f64),
        Value::Float(f) if f.is_finite() => Some(*f),
        Value::String(s) => parse_number(s),
        _ => None,
    }
}

/// The letters of `"A, C"`, `"A;C"`, `"A C"` or `"AC"`.
fn letters(text: &str) -> Vec<String> {
    text.split(|c: char| matches!(c, ',' | ';' | '|') || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .flat_map(|t| {
            if t.len() > 1 && t.chars().all(|c| c.is_ascii_alphabetic()) {
                t.chars().map(String::from).collect()
            } else {
                vec![t.to_string()]
            }
        })
        .collect()
}
