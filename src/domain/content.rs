//! Learning content: topics, questions and tips, with the rules every item must meet.
//!
//! Values here are already valid: they are only built by [`crate::domain::content_files`],
//! which reads TOML or CSV and reports every broken rule at once as a [`Problem`] naming the
//! file, line, field and reason.

pub use crate::domain::answer_key::{
    AnswerKey, QuestionKind, Response, CHOICES_MAX, CHOICES_MIN, LETTERS,
};
use crate::domain::cards::ContentCard;
use crate::domain::ids::{GuildId, VersionId};
use crate::i18n::Lang;
use crate::t;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest question prompt, in characters.
pub const PROMPT_MAX: usize = 1500;
/// Longest answer choice, in characters.
pub const CHOICE_MAX: usize = 200;
/// Longest explanation or tip text, in characters.
pub const EXPLANATION_MAX: usize = 1000;
/// Longest topic name, in characters (it appears in autocomplete lists, limited to 100).
pub const TOPIC_NAME_MAX: usize = 80;
/// Longest topic description, in characters.
pub const DESCRIPTION_MAX: usize = 300;
/// Allowed desired retention for a topic.
pub const RETENTION_RANGE: (f64, f64) = (0.70, 0.97);
/// Longest id of a topic, question or tip.
pub const ID_MAX: usize = 40;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Target probability of recall for reinforcement; `None` uses the default.
    pub desired_retention: Option<f64>,
    /// The team's predicted recall this topic should not fall below (refreshers); `None`
    /// uses the default.
    pub team_target: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub topic: String,
    pub prompt: String,
    /// How it is answered, and what is right.
    pub answer: AnswerKey,
    /// Read after answering; may be empty (formats such as Aiken have none).
    pub explanation: String,
    /// 1 (easy) to 3 (hard).
    pub difficulty: u8,
    /// Role tracks this question belongs to (e.g. "support", "engineering").
    pub tracks: Vec<String>,
    pub source: Option<String>,
}

impl Question {
    pub fn kind(&self) -> QuestionKind {
        self.answer.kind()
    }

    /// What a member picks from (empty for typed kinds).
    pub fn choices(&self) -> &[String] {
        self.answer.choices()
    }

    /// Choice `i` as a member reads it in a sentence: "B — Report it as phishing", or "True".
    pub fn named_choice(&self, i: usize, lang: Lang) -> String {
        self.answer.named_choice(i, lang)
    }

    /// Whether the choices are listed under the prompt with letters (single choice and
    /// multiple response; true/false buttons say it all, and typed kinds have none).
    pub fn lists_choices(&self) -> bool {
        matches!(
            self.answer,
            AnswerKey::Single { .. } | AnswerKey::Multiple { .. }
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tip {
    pub id: String,
    pub topic: String,
    pub text: String,
    pub link: Option<String>,
}

/// Everything read from one or more content files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bundle {
    pub topics: Vec<Topic>,
    pub questions: Vec<Question>,
    pub tips: Vec<Tip>,
    pub cards: Vec<ContentCard>,
    /// Questions the files hold that cannot be asked in chat, left out (never written).
    pub skipped: Vec<Skipped>,
}

/// A question a file holds that peerlearn cannot ask in chat (an essay, a matching question,
/// …): left out of the import and listed, so that one of them does not block the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub file: String,
    /// Its line in a text file (`None` for what has none, e.g. media in an Anki package).
    pub line: Option<usize>,
    /// What it is, e.g. "essay".
    pub what: String,
}

/// "2 skipped: essay at line 2, matching at line 5" (with the file's name when the skipped
/// questions come from several files); `None` when nothing was skipped.
pub fn describe_skipped(skipped: &[Skipped], lang: Lang) -> Option<String> {
    let first = skipped.first()?;
    let one_file = skipped.iter().all(|s| s.file == first.file);
    let each: Vec<String> = skipped
        .iter()
        .map(|s| match (one_file, s.line) {
            (true, Some(line)) => t!(lang, "skipped-at-line", what = s.what.as_str(), line = line),
            (false, Some(line)) => format!("{} ({}:{line})", s.what, s.file),
            (true, None) => s.what.clone(),
            (false, None) => format!("{} ({})", s.what, s.file),
        })
        .collect();
    let count = skipped.len();
    Some(t!(lang, "skipped", count = count, each = each.join(", ")))
}

impl Bundle {
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
            && self.questions.is_empty()
            && self.tips.is_empty()
            && self.cards.is_empty()
    }

    /// Adds another bundle's items after this one's.
    pub fn extend(&mut self, other: Bundle) {
        self.topics.extend(other.topics);
        self.questions.extend(other.questions);
        self.tips.extend(other.tips);
        self.cards.extend(other.cards);
        self.skipped.extend(other.skipped);
    }
}

/// One broken rule in a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What the problem is in, e.g. `question "sec-004", field "choices"`.
    pub field: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}: {}", self.file, self.field, self.reason),
            None => write!(f, "{}: {}: {}", self.file, self.field, self.reason),
        }
    }
}

/// Whether `id` is usable as a stable id: 1–40 of `a-z 0-9 - _`, starting with a letter or digit.
pub fn check_id(id: &str, lang: Lang) -> Result<(), String> {
    let ok_chars = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    let ok_start = id
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if id.is_empty() || id.len() > ID_MAX || !ok_chars || !ok_start {
        return Err(t!(lang, "check-id", id = format!("{id:?}"), max = ID_MAX));
    }
    Ok(())
}

/// Checks a text's length in characters, after trimming; returns the trimmed text.
pub fn check_text(text: &str, max: usize, lang: Lang) -> Result<String, String> {
    let text = text.trim();
    let n = text.chars().count();
    if n == 0 {
        return Err(t!(lang, "check-empty"));
    }
    if n > max {
        return Err(t!(lang, "check-too-long", length = n, max = max));
    }
    Ok(text.to_string())
}

/// An http(s) link without spaces, as Discord renders it.
pub fn check_link(link: &str, lang: Lang) -> Result<String, String> {
    let link = link.trim();
    let ok = (link.starts_with("https://") || link.starts_with("http://"))
        && link.len() > "https://".len()
        && link.len() <= 512
        && !link.chars().any(char::is_whitespace);
    if !ok {
        return Err(t!(lang, "check-link", link = format!("{link:?}")));
    }
    Ok(link.to_string())
}

/// A statement's truth as content files write it: `true`, `false`, `T` or `F`, in any case.
pub fn parse_truth(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "t" | "true" => Some(true),
        "f" | "false" => Some(false),
        _ => None,
    }
}

/// The choice index for `A`–`E` (or `1`–`5`).
pub fn parse_correct(value: &str, choices: usize, lang: Lang) -> Result<usize, String> {
    let v = value.trim().to_ascii_uppercase();
    let index = match v.as_str() {
        s if s.len() == 1 && s.as_bytes()[0].is_ascii_uppercase() => {
            (s.as_bytes()[0] - b'A') as usize
        }
        s => match s.parse::<usize>() {
            Ok(n) if n >= 1 => n - 1,
            _ => usize::MAX,
        },
    };
    if index >= choices {
        let last = LETTERS[choices.clamp(1, CHOICES_MAX) - 1];
        return Err(t!(
            lang,
            "check-correct",
            value = format!("{value:?}"),
            choices = choices,
            last = last.to_string()
        ));
    }
    Ok(index)
}

/// Where an item was defined: `(kind, id)` → `(file, line)`.
pub type OriginOf<'a> = &'a dyn Fn(&str, &str) -> (String, Option<usize>);

/// Cross-item rules over a whole import: unique ids, questions and tips whose topic exists
/// (in the import or among `known_topics`).
pub fn check_references(
    bundle: &Bundle,
    known_topics: &[String],
    origin: OriginOf<'_>,
    lang: Lang,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |kind: &str, id: &str, field: &str, reason: String| {
        let (file, line) = origin(kind, id);
        problems.push(Problem {
            file,
            line,
            field: format!("{kind} {id:?}, field {field:?}"),
            reason,
        });
    };
    let mut seen = std::collections::HashSet::new();
    for t in &bundle.topics {
        if !seen.insert(("topic", t.id.as_str())) {
            report("topic", &t.id, "id", t!(lang, "check-duplicate-id"));
        }
    }
    let topic_exists =
        |id: &str| bundle.topics.iter().any(|t| t.id == id) || known_topics.iter().any(|t| t == id);
    let missing = |topic: &str| t!(lang, "check-topic-missing", topic = format!("{topic:?}"));
    for q in &bundle.questions {
        if !seen.insert(("question", q.id.as_str())) {
            report("question", &q.id, "id", t!(lang, "check-duplicate-id"));
        }
        if !topic_exists(&q.topic) {
            report("question", &q.id, "topic", missing(&q.topic));
        }
    }
    for t in &bundle.tips {
        if !seen.insert(("tip", t.id.as_str())) {
            report("tip", &t.id, "id", t!(lang, "check-duplicate-id"));
        }
        if !topic_exists(&t.topic) {
            report("tip", &t.id, "topic", missing(&t.topic));
        }
    }
    for c in &bundle.cards {
        if !seen.insert(("card", c.id.as_str())) {
            report("card", &c.id, "id", t!(lang, "check-duplicate-id"));
        }
        if !topic_exists(&c.topic) {
            report("card", &c.id, "topic", missing(&c.topic));
        }
    }
    problems
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
}

/// One topic's figures for `/content stats`.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicStats {
    pub id: String,
    pub name: String,
    pub questions: i64,
    pub tips: i64,
    /// Flashcards in use (from content files, Anki decks and accepted answers).
    pub cards: i64,
    pub answers: i64,
    pub correct: i64,
}

/// A question as it was at one version.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionVersion {
    pub version_id: VersionId,
    pub guild: GuildId,
    pub topic_name: String,
    /// The topic's desired retention, if it sets one.
    pub desired_retention: Option<f64>,
    pub question: Question,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_lowercase_slugs() {
        assert!(check_id("sec-001", Lang::En).is_ok());
        assert!(check_id("a_b", Lang::En).is_ok());
        assert!(check_id("", Lang::En).is_err());
        assert!(check_id("-x", Lang::En).is_err());
        assert!(check_id("Sec", Lang::En).is_err());
        assert!(check_id("has space", Lang::En).is_err());
        assert!(check_id(&"x".repeat(41), Lang::En).is_err());
    }

    #[test]
    fn texts_are_trimmed_and_counted_in_characters() {
        assert_eq!(check_text("  hé  ", 2, Lang::En).unwrap(), "hé");
        assert!(check_text("   ", 5, Lang::En).is_err());
        let long = check_text(&"é".repeat(1501), PROMPT_MAX, Lang::En).unwrap_err();
        assert!(long.contains("1501 characters"), "{long}");
    }

    #[test]
    fn the_right_choice_is_a_letter_or_number_in_range() {
        assert_eq!(parse_correct("b", 3, Lang::En), Ok(1));
        assert_eq!(parse_correct("C", 3, Lang::En), Ok(2));
        assert_eq!(parse_correct("1", 3, Lang::En), Ok(0));
        assert!(parse_correct("D", 3, Lang::En)
            .unwrap_err()
            .contains("A to C"));
        assert!(parse_correct("0", 3, Lang::En).is_err());
        assert!(parse_correct("AB", 3, Lang::En).is_err());
        assert!(parse_correct("", 3, Lang::En).is_err());
    }

    #[test]
    fn links_must_be_web_addresses() {
        assert!(check_link("https://owasp.org/x", Lang::En).is_ok());
        assert!(check_link("javascript:alert(1)", Lang::En).is_err());
        assert!(check_link("https://a b", Lang::En).is_err());
    }
}
