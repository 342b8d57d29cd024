//! Aiken, the plain-text format of single-answer multiple-choice questions that Moodle and many
//! LMSs export, read as Moodle reads it:
//!
//! ```text
//! What does a phishing email usually want?
//! A. Your password
//! B) Your lunch order
//! C.Nothing at all
//! ANSWER: A
//! ```
//!
//! A question is its text (one line, or several before the first choice), its choices (a capital
//! letter, `.` or `)`, an optional space, the text), and an `ANSWER:` line naming one choice's
//! letter. Blank lines are ignored. Aiken has no ids, topics or explanations, so:
//!
//! - the topic is the file's name (`security.txt` → topic `security`, named "security"), added to
//!   the import unless the server already has it;
//! - a question's id is the topic with a hash of the question's text (`security-1a2b3c4d`), so
//!   importing the file again updates the same questions, and a fixed typo in a choice is a new
//!   version of the same question; the same text twice in a file gets `-2`, `-3`;
//! - explanations are empty (members see the right answer; add explanations in TOML later).
//!
//! Each question becomes a raw item checked by the same rules as TOML and CSV questions, so the
//! limits (2–5 choices, lengths) and their messages are the same; problems of the layout itself
//! (a choice before any question, a question without its `ANSWER:` line, an answer naming no
//! choice) name their line.

use super::made_up::{hashed_id, topic_item, topic_of_file, UniqueIds};
use super::{problem, Raw, RawItem};
use crate::domain::content::Problem;
use crate::i18n::Lang;
use crate::t;
use std::collections::BTreeMap;

/// Whether `text` looks like Aiken: it has an `ANSWER:` line.
pub(super) fn looks_like_aiken(text: &str) -> bool {
    text.lines().any(|l| l.trim_start().starts_with("ANSWER:"))
}

/// The topic and the readable questions of an Aiken file as raw items (the topic first), and
/// the problems of its layout (the items' own rules are checked after, like any file's).
pub(super) fn aiken_items(name: &str, text: &str, lang: Lang) -> (Vec<RawItem>, Vec<Problem>) {
    let (topic_id, topic_name) = topic_of_file(name);
    let mut problems = Vec::new();
    let mut questions: Vec<Open> = Vec::new();
    let mut open: Option<Open> = None;
    for (i, raw_line) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw_line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("ANSWER:") {
            match open.take() {
                Some(mut q) if !q.choices.is_empty() => {
                    q.answer = Some((rest.trim().to_string(), n));
                    questions.push(q);
                }
                Some(q) => problems.push(problem(
                    name,
                    Some(q.line),
                    "question",
                    t!(lang, "aiken-no-choices", line = n),
                )),
                None => problems.push(problem(
                    name,
                    Some(n),
                    "ANSWER",
                    t!(lang, "aiken-answer-alone"),
                )),
            }
            continue;
        }
        if let Some(choice) = choice_text(line) {
            match open.as_mut() {
                Some(q) => {
                    q.choices_line.get_or_insert(n);
                    q.choices.push(choice.to_string());
                }
                None => problems.push(problem(
                    name,
                    Some(n),
                    "choice",
                    t!(lang, "aiken-choice-first"),
                )),
            }
            continue;
        }
        match open.as_mut() {
            // More text before the first choice: the question's text goes on.
            Some(q) if q.choices.is_empty() => {
                q.prompt.push('\n');
                q.prompt.push_str(line);
            }
            _ => {
                if let Some(q) = open.take() {
                    problems.push(unanswered(name, &q, n, lang));
                }
                open = Some(Open {
                    line: n,
                    prompt: line.to_string(),
                    choices: vec![],
                    choices_line: None,
                    answer: None,
                });
            }
        }
    }
    if let Some(q) = open {
        problems.push(problem(
            name,
            Some(q.line),
            "question",
            t!(lang, "aiken-no-answer"),
        ));
    }
    if questions.is_empty() && problems.is_empty() {
        problems.push(problem(name, None, "file", t!(lang, "aiken-no-questions")));
    }
    if questions.is_empty() {
        return (vec![], problems);
    }
    let mut items = vec![topic_item(&topic_id, &topic_name, 1)];
    let mut ids = UniqueIds::default();
    for q in questions {
        let id = ids.of(hashed_id(&topic_id, &q.prompt));
        let (answer, answer_line) = q.answer.unwrap_or_default();
        let field = |raw: Raw, line: usize| (raw, line);
        items.push(RawItem {
            kind: "question",
            line: q.line,
            fields: BTreeMap::from([
                ("id".to_string(), field(Raw::Text(id), q.line)),
                (
                    "topic".to_string(),
                    field(Raw::Text(topic_id.clone()), q.line),
                ),
                ("prompt".to_string(), field(Raw::Text(q.prompt), q.line)),
                (
                    "choices".to_string(),
                    field(Raw::List(q.choices), q.choices_line.unwrap_or(q.line)),
                ),
                ("correct".to_string(), field(Raw::Text(answer), answer_line)),
            ]),
        });
    }
    (items, problems)
}

/// A question being read.
struct Open {
    line: usize,
    prompt: String,
    choices: Vec<String>,
    choices_line: Option<usize>,
    /// The `ANSWER:` value and its line.
    answer: Option<(String, usize)>,
}

fn unanswered(name: &str, q: &Open, next: usize, lang: Lang) -> Problem {
    let reason = t!(lang, "aiken-unanswered", line = next);
    problem(name, Some(q.line), "question", reason)
}

/// The text of a choice line (`A. text`, `B) text`, `C.text`), or `None`.
fn choice_text(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let letter = chars.next()?;
    let mark = chars.next()?;
    if !letter.is_ascii_uppercase() || !matches!(mark, '.' | ')') {
        return None;
    }
    Some(line[2..].trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content_files::parse_all;

    fn read(name: &str, text: &str) -> Result<crate::domain::content::Bundle, Vec<Problem>> {
        parse_all(&[(name.to_string(), text.to_string())], &[])
    }

    #[test]
    fn reads_questions_as_moodle_does() {
        let text = "What does a phishing email usually want?\n\
                    A. Your password\n\
                    B) Your lunch order\n\
                    C.Nothing at all\n\
                    ANSWER: A\n\
                    \n\
                    Which key locks a Windows screen\n\
                    together with the Windows key?\n\
                    A) L\n\
                    B) K\n\
                    ANSWER:B\n";
        let b = read("Security basics.txt", text).unwrap();
        assert_eq!(b.topics.len(), 1);
        assert_eq!(b.topics[0].id, "security-basics");
        assert_eq!(b.topics[0].name, "Security basics");
        assert_eq!(b.questions.len(), 2);
        let q = &b.questions[0];
        assert_eq!(q.topic, "security-basics");
        assert_eq!(
            q.choices(),
            ["Your password", "Your lunch order", "Nothing at all"]
        );
        assert!(q.answer.is_right_choice(0));
        assert_eq!(q.explanation, "");
        assert!(q.id.starts_with("security-basics-") && q.id.len() == "security-basics-".len() + 8);
        let q = &b.questions[1];
        assert_eq!(
            q.prompt,
            "Which key locks a Windows screen\ntogether with the Windows key?"
        );
        assert!(q.answer.is_right_choice(1));
        // The same file gives the same ids; the same text twice is told apart.
        assert_eq!(
            read("Security basics.txt", text).unwrap().questions[0].id,
            b.questions[0].id
        );
        let twice = format!("{text}\n{text}");
        let ids: Vec<String> = read("s.txt", &twice)
            .unwrap()
            .questions
            .into_iter()
            .map(|q| q.id)
            .collect();
        assert_eq!(ids.len(), 4);
        assert_eq!(ids[2], format!("{}-2", ids[0]));
    }

    #[test]
    fn broken_questions_are_named_by_line() {
        let text = "A. a choice first\n\
                    Question one?\n\
                    A. yes\n\
                    B. no\n\
                    Question two has no answer line?\n\
                    A. yes\n\
                    B. no\n\
                    Question three?\n\
                    A. yes\n\
                    B. no\n\
                    ANSWER: D\n\
                    ANSWER: A\n\
                    Question four has no choices?\n\
                    ANSWER: A\n";
        let problems = read("quiz.txt", text).unwrap_err();
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(lines.contains(&Some(1)), "the stray choice: {shown:?}");
        assert!(
            lines.contains(&Some(2)),
            "question one has no ANSWER: {shown:?}"
        );
        assert!(
            lines.contains(&Some(5)),
            "question two has no ANSWER: {shown:?}"
        );
        assert!(
            lines.contains(&Some(11)),
            "D names no choice of three: {shown:?}"
        );
        assert!(
            lines.contains(&Some(12)),
            "an ANSWER after no question: {shown:?}"
        );
        assert!(
            lines.contains(&Some(13)),
            "question four has no choices: {shown:?}"
        );
        assert!(shown.iter().any(|s| s.contains("A to B")), "{shown:?}");
        assert!(read("empty.txt", "\n\n").is_err());
    }

    #[test]
    fn a_topic_the_server_has_is_kept_as_it_is() {
        let text = "Why?\nA. Because\nB. Why not\nANSWER: A\n";
        let files = [
            ("security.txt".to_string(), text.to_string()),
            ("security.TXT".to_string(), text.replace("Why?", "How?")),
        ];
        let fresh = parse_all(&files, &[]).unwrap();
        assert_eq!(fresh.topics.len(), 1, "made up once for both files");
        let known = parse_all(&files, &["security".to_string()]).unwrap();
        assert!(known.topics.is_empty(), "the server's topic is not renamed");
        assert_eq!(known.questions.len(), 2);
    }
}
