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
use toml::Value;

impl Checker<'_> {
    /// `choices` and the letters of the right ones in `correct` (a list, or text such as
    /// `"A, C"`).
    pub(super) fn multiple(&mut self, id: &str) -> Option<AnswerKey> {
        let choices = self.choices(id);
        let letters: Vec<String> = match self.item.fields.get("correct").cloned() {
            None => {
                self.report(
                    id,
                    "correct",
                    "is missing: give the letters of the right choices, such as [\"A\", \"C\"]"
                        .into(),
                );
                return None;
            }
            Some((Raw::List(list), _)) => list,
            Some((Raw::Text(t), _)) => letters(&t),
            Some((other, _)) => {
                self.report(
                    id,
                    "correct",
                    format!(
                        "must be letters such as [\"A\", \"C\"], not {}",
                        kind(&other)
                    ),
                );
                return None;
            }
        };
        let choices = choices?;
        let mut correct = Vec::new();
        let mut readable = true;
        for letter in &letters {
            match parse_correct(letter, choices.len()) {
                Ok(i) if correct.contains(&i) => {
                    self.report(id, "correct", format!("{letter:?} is named twice"));
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
            self.report(
                id,
                "choices",
                "a typed answer has no choices: list what is accepted in `correct` or `accepted`"
                    .into(),
            );
        }
        let numeric = kind_of == QuestionKind::Numeric;
        let (field, key) = match (
            self.item.fields.get("correct").cloned(),
            self.item.fields.get("accepted").cloned(),
        ) {
            (Some(_), Some(_)) => {
                self.report(
                    id,
                    "accepted",
                    "give either `correct` (the shorthand) or `accepted`, not both".into(),
                );
                return None;
            }
            (None, None) => {
                self.report(
                    id,
                    "correct",
                    "is missing: give the accepted answer (or a list of them)".into(),
                );
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
                    format!(
                        "must be a list of tables such as [{{ text = \"Paris\" }}], not {}",
                        kind(&other)
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
        match key.check() {
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
                    format!("must be text or a list of texts, not {}", kind(&other)),
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
                        format!(
                            "{:?} is not a number, a number with a tolerance (42:2) or a range (40..44)",
                            item.trim()
                        ),
                    ),
                }
            }
            (ranges.len() == items.len()).then_some(AnswerKey::Numeric { accepted: ranges })
        } else {
            let mut accepted = Vec::new();
            for item in &items {
                match check_text(item, CHOICE_MAX) {
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
        let mut problems = Vec::new();
        let mut short = Vec::new();
        let mut ranges = Vec::new();
        for (n, table) in tables.iter().enumerate() {
            let mut fail = |reason: String| problems.push(format!("answer {}: {reason}", n + 1));
            for key in table.keys().filter(|k| !allowed.contains(&k.as_str())) {
                fail(format!(
                    "unknown field {key:?}; the fields are {}",
                    allowed.join(", ")
                ));
            }
            let credit = match table.get("credit") {
                None => Some(1.0),
                Some(v) => number(v).filter(|c| (0.0..=1.0).contains(c)).or_else(|| {
                    fail("credit must be a number from 0 to 1, such as 0.5".into());
                    None
                }),
            };
            let feedback = match table.get("feedback") {
                None => Some(String::new()),
                Some(Value::String(s)) if s.trim().is_empty() => Some(String::new()),
                Some(Value::String(s)) => check_text(s, EXPLANATION_MAX)
                    .map_err(|reason| fail(format!("feedback {reason}")))
                    .ok(),
                Some(_) => {
                    fail("feedback must be text in quotes".into());
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
                    fail("give a number as `value` (with an optional `tolerance`), or `min` and `max`".into());
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
                    Some(Value::String(s)) => check_text(s, CHOICE_MAX)
                        .map_err(|reason| fail(format!("text {reason}")))
                        .ok(),
                    _ => {
                        fail("needs the answer as `text` in quotes".into());
                        None
                    }
                };
                let regex = match table.get("regex") {
                    None => Some(false),
                    Some(Value::Boolean(b)) => Some(*b),
                    Some(_) => {
                        fail("regex must be true or false".into());
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
