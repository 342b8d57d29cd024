//! GIFT, Moodle's text format for question banks, read as Moodle reads it, for the question
//! kinds peerlearn asks in chat; the others are skipped and listed with their lines, so one
//! essay in a real bank does not block the rest.
//!
//! ```text
//! // a comment
//! $CATEGORY: $course$/top/Security/Phishing
//!
//! ::Padlock::[html]A <b>padlock</b> means the site is safe.{FALSE#It does.#Right: it only means encryption.}
//!
//! ::Report::What do you do with a phishing email? {
//!   =Report it #That is what the button is for.
//!   ~Delete it #Others may still fall for it.
//!   ~Reply to ask ####Reporting protects everyone.
//! }
//! ```
//!
//! - Questions are separated by blank lines; lines starting with `//` are comments.
//! - `$CATEGORY:` sets the topic of the questions after it: the category's last path segment
//!   (`Phishing` → topic `phishing`), added to the import unless the server has it. Without a
//!   category, the topic is the file's name (as for Aiken).
//! - `::name::` gives the id (its slug, `-2`, `-3` on repeats: Moodle names need not be
//!   unique); without one, the topic and a hash of the question's text.
//! - `[html]` text becomes Discord markdown (bold, italics, code, links, line breaks; other tags
//!   dropped, entities decoded); `[markdown]`, `[moodle]` and `[plain]` text is kept as written.
//! - Escapes `\:` `\=` `\~` `\#` `\{` `\}` `\\` and `\n` (a new line) are read as the character.
//! - Text after the closing brace makes a missing-word question: the answer's place is `_____`.
//! - Asked:
//!   - multiple choice with one right answer (`=right ~wrong …`, up to 5 choices; `%weights%`
//!     beside the one `=` are partial credit on a single choice, which chat does not give, and
//!     are dropped);
//!   - multiple response (`~%50%a ~%50%b ~%-100%c`: no `=`, the answers with a positive
//!     weight are the right ones; peerlearn's own credit rule applies, see
//!     [`crate::domain::answer_key`]);
//!   - true/false (`T`, `F`, `TRUE`, `FALSE`, any case);
//!   - short answer (only `=` answers, each with an optional `%weight%` as its credit and `#`
//!     feedback; a `*` in an answer matches any text);
//!   - numeric (`{#42}`, `{#42:2}`, `{#40..44}`, or several `{#=42:0 =%50%42:5#Close}`).
//!
//!   The explanation is the general feedback (`####`), else the right answer's feedback
//!   (`#`) for choice questions; a typed answer's feedback stays with that answer.
//! - Skipped and listed: essays (`{}`), descriptions (no braces), matching (`->`), and
//!   choice questions with more choices than fit (5).
//! - Problems, by line: an unclosed `{`, a second `{` inside answers, text before the first
//!   answer, no right answer, several right answers without weights; then the same rules as any
//!   question (lengths, 2 choices at least).

use super::made_up::{hashed_id, id_from_name, topic_item, topic_named, topic_of_file, UniqueIds};
use super::markup::html_to_markdown;
use super::{problem, Raw, RawItem};
use crate::domain::answer_key::{parse_numeric_answer, Accepted, NumericRange};
use crate::domain::content::{parse_truth, AnswerKey, Problem, Skipped, CHOICES_MAX, LETTERS};
use crate::i18n::Lang;
use crate::t;
use std::collections::BTreeMap;

/// Whether `text` looks like GIFT: an answer block, a `::name::` or a `$CATEGORY:` outside
/// comments.
pub(super) fn looks_like_gift(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .filter(|l| !l.starts_with("//"))
        .any(|l| l.starts_with("::") || l.starts_with("$CATEGORY:") || has_open_brace(l))
}

fn has_open_brace(line: &str) -> bool {
    lex(line, 1).iter().any(|c| c.is('{'))
}

/// What a GIFT file holds: raw items (its topics, then questions), the problems of its layout,
/// and the questions skipped.
pub(super) struct Read {
    pub items: Vec<RawItem>,
    pub problems: Vec<Problem>,
    pub skipped: Vec<Skipped>,
}

pub(super) fn gift_items(name: &str, text: &str, lang: Lang) -> Read {
    let mut read = Read {
        items: vec![],
        problems: vec![],
        skipped: vec![],
    };
    let mut topic = topic_of_file(name);
    let mut topics: Vec<(String, String, usize)> = vec![];
    let mut ids = UniqueIds::default();
    let mut questions = vec![];
    for block in blocks(text) {
        let mut body = block.text.as_str();
        let mut line = block.line;
        if let Some(rest) = body.strip_prefix("$CATEGORY:") {
            let (path, after) = rest.split_once('\n').unwrap_or((rest, ""));
            let last = path.trim().rsplit('/').next().unwrap_or("").trim();
            topic = topic_named(last);
            body = after;
            line += 1;
            if body.trim().is_empty() {
                continue;
            }
        }
        match question(body, line, lang) {
            Parsed::Question(q) => {
                if !topics.iter().any(|(id, _, _)| *id == topic.0) {
                    topics.push((topic.0.clone(), topic.1.clone(), line));
                }
                let id = ids.of(q
                    .name
                    .as_deref()
                    .and_then(id_from_name)
                    .unwrap_or_else(|| hashed_id(&topic.0, &q.prompt)));
                questions.push(q.into_item(id, &topic.0, line));
            }
            Parsed::Skipped(what) => read.skipped.push(Skipped {
                file: name.to_string(),
                line: Some(line),
                what,
            }),
            Parsed::Problem(at, field, reason) => {
                read.problems.push(problem(name, Some(at), field, reason));
            }
        }
    }
    if questions.is_empty() && read.problems.is_empty() && read.skipped.is_empty() {
        read.problems
            .push(problem(name, None, "file", t!(lang, "gift-no-questions")));
    }
    read.items = topics
        .iter()
        .map(|(id, name, line)| topic_item(id, name, *line))
        .chain(questions)
        .collect();
    read
}

/// A question's text between blank lines, and the line it starts on.
struct Block {
    line: usize,
    text: String,
}

/// The file's questions: runs of lines between blank lines, comments left out.
fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = vec![];
    let mut open: Option<Block> = None;
    for (i, raw) in text.lines().enumerate() {
        if raw.trim_start().starts_with("//") {
            continue;
        }
        if raw.trim().is_empty() {
            out.extend(open.take());
            continue;
        }
        match open.as_mut() {
            Some(b) => {
                b.text.push('\n');
                b.text.push_str(raw);
            }
            None => {
                open = Some(Block {
                    line: i + 1,
                    text: raw.trim_start().to_string(),
                })
            }
        }
    }
    out.extend(open);
    out
}

/// A character of GIFT text: `lit` when it was escaped (never special), and its line.
#[derive(Debug, Clone, Copy)]
struct C {
    c: char,
    lit: bool,
    line: usize,
}

impl C {
    /// Whether this is the special character `c` (not escaped).
    fn is(self, c: char) -> bool {
        !self.lit && self.c == c
    }
}

/// `text` as characters, escapes resolved, each with its line (`first` is the first line's).
fn lex(text: &str, first: usize) -> Vec<C> {
    let mut out = Vec::with_capacity(text.len());
    let mut line = first;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let escaped = c == '\\'
            && chars
                .peek()
                .is_some_and(|n| matches!(n, ':' | '=' | '~' | '#' | '{' | '}' | '\\' | 'n'));
        if escaped {
            let n = chars.next().unwrap_or('\\');
            let c = if n == 'n' { '\n' } else { n };
            out.push(C { c, lit: true, line });
        } else {
            if c == '\n' {
                line += 1;
            }
            out.push(C {
                c,
                lit: false,
                line,
            });
        }
    }
    out
}

fn text_of(cs: &[C]) -> String {
    cs.iter()
        .map(|c| c.c)
        .collect::<String>()
        .trim()
        .to_string()
}

/// The first special `c` in `cs` from `from`.
fn find(cs: &[C], from: usize, c: char) -> Option<usize> {
    (from..cs.len()).find(|&i| cs[i].is(c))
}

/// The first special run `s` (e.g. `::`, `####`) in `cs` from `from`.
fn find_run(cs: &[C], from: usize, s: &str) -> Option<usize> {
    let want: Vec<char> = s.chars().collect();
    (from..cs.len().saturating_sub(want.len() - 1))
        .find(|&i| want.iter().enumerate().all(|(k, w)| cs[i + k].is(*w)))
}

struct GiftQuestion {
    name: Option<String>,
    prompt: String,
    asked: AnswerKey,
    explanation: String,
}

impl GiftQuestion {
    fn into_item(self, id: String, topic: &str, line: usize) -> RawItem {
        let mut fields = BTreeMap::from([
            ("id".to_string(), (Raw::Text(id), line)),
            ("topic".to_string(), (Raw::Text(topic.to_string()), line)),
            ("prompt".to_string(), (Raw::Text(self.prompt), line)),
        ]);
        match self.asked {
            AnswerKey::Single { choices, correct } => {
                fields.insert("choices".into(), (Raw::List(choices), line));
                let letter = LETTERS.get(correct).copied().unwrap_or('?');
                fields.insert("correct".into(), (Raw::Text(letter.to_string()), line));
            }
            AnswerKey::TrueFalse { correct: truth } => {
                fields.insert("kind".into(), (Raw::Text("true_false".into()), line));
                fields.insert("correct".into(), (Raw::Bool(truth), line));
            }
            AnswerKey::Multiple { choices, correct } => {
                fields.insert("kind".into(), (Raw::Text("multiple".into()), line));
                fields.insert("choices".into(), (Raw::List(choices), line));
                let letters = correct.iter().map(|&i| LETTERS[i].to_string()).collect();
                fields.insert("correct".into(), (Raw::List(letters), line));
            }
            key @ (AnswerKey::ShortAnswer { .. } | AnswerKey::Numeric { .. }) => {
                // The key's own serialisation is the `accepted` tables the checker reads.
                let kind = key.kind().as_str();
                let tables = match toml::Table::try_from(&key)
                    .ok()
                    .and_then(|mut t| t.remove("accepted"))
                {
                    Some(toml::Value::Array(a)) => a
                        .into_iter()
                        .filter_map(|v| match v {
                            toml::Value::Table(t) => Some(t),
                            _ => None,
                        })
                        .collect(),
                    _ => vec![],
                };
                fields.insert("kind".into(), (Raw::Text(kind.into()), line));
                fields.insert("accepted".into(), (Raw::Tables(tables), line));
            }
        }
        if !self.explanation.is_empty() {
            fields.insert("explanation".into(), (Raw::Text(self.explanation), line));
        }
        RawItem {
            kind: "question",
            line,
            fields,
        }
    }
}

enum Parsed {
    Question(GiftQuestion),
    Skipped(String),
    /// A line, the field, the reason.
    Problem(usize, &'static str, String),
}

/// The markup a question's text is written in.
#[derive(Clone, Copy, PartialEq)]
enum Markup {
    Html,
    Kept,
}

fn question(body: &str, line: usize, lang: Lang) -> Parsed {
    let cs = lex(body, line);
    let mut at = 0;
    while at < cs.len() && cs[at].c.is_whitespace() {
        at += 1;
    }
    // ::name::
    let mut name = None;
    if find_run(&cs, at, "::") == Some(at) {
        let Some(end) = find_run(&cs, at + 2, "::") else {
            return Parsed::Problem(line, "name", t!(lang, "gift-name-open"));
        };
        name = Some(text_of(&cs[at + 2..end]));
        at = end + 2;
    }
    while at < cs.len() && cs[at].c.is_whitespace() {
        at += 1;
    }
    // [html], [markdown], [moodle], [plain]
    let mut markup = Markup::Kept;
    if cs.get(at).is_some_and(|c| c.is('[')) {
        if let Some(end) = find(&cs, at, ']') {
            let word = text_of(&cs[at + 1..end]).to_ascii_lowercase();
            if matches!(word.as_str(), "html" | "markdown" | "moodle" | "plain") {
                markup = if word == "html" {
                    Markup::Html
                } else {
                    Markup::Kept
                };
                at = end + 1;
            }
        }
    }
    let Some(open) = find(&cs, at, '{') else {
        return Parsed::Skipped(t!(lang, "gift-description"));
    };
    let Some(close) = find(&cs, open + 1, '}') else {
        return Parsed::Problem(
            cs[open].line,
            "answers",
            t!(lang, "gift-brace-open", line = cs[open].line),
        );
    };
    if let Some(second) = find(&cs, open + 1, '{').filter(|&i| i < close) {
        return Parsed::Problem(cs[second].line, "answers", t!(lang, "gift-second-brace"));
    }
    let head = marked(&text_of(&cs[at..open]), markup);
    let tail = marked(&text_of(&cs[close + 1..]), markup);
    let prompt = match tail.is_empty() {
        true => head,
        false => format!("{head} _____ {tail}").trim().to_string(),
    };
    let block = &cs[open + 1..close];
    let (answers, general) = match find_run(block, 0, "####") {
        Some(i) => (&block[..i], marked(&text_of(&block[i + 4..]), markup)),
        None => (block, String::new()),
    };
    let asked = answers_of(answers, markup, &general, lang);
    match asked {
        Ok((asked, explanation)) => Parsed::Question(GiftQuestion {
            name,
            prompt,
            asked,
            explanation,
        }),
        Err(Outcome::Skip(what)) => Parsed::Skipped(what),
        Err(Outcome::Problem(reason)) => Parsed::Problem(cs[open].line, "answers", reason),
    }
}

enum Outcome {
    Skip(String),
    Problem(String),
}

/// The kind and explanation of an answer block (without its general feedback).
fn answers_of(
    block: &[C],
    markup: Markup,
    general: &str,
    lang: Lang,
) -> Result<(AnswerKey, String), Outcome> {
    let explain = |feedback: &str| match general {
        "" => feedback.to_string(),
        g => g.to_string(),
    };
    let whole = text_of(block);
    if whole.is_empty() {
        return Err(Outcome::Skip(t!(lang, "gift-essay")));
    }
    if let Some(hash) = block.iter().position(|c| !c.c.is_whitespace()) {
        if block[hash].is('#') {
            return numeric(&block[hash + 1..], markup, lang).map(|key| (key, general.to_string()));
        }
    }
    // True/false: T, F, TRUE or FALSE, then feedback for a wrong and for a right answer.
    let parts = split_on(block, '#');
    if let Some(truth) = parse_truth(&text_of(parts[0])) {
        let right = parts
            .get(2)
            .or(parts.get(1))
            .map(|p| marked(&text_of(p), markup));
        return Ok((
            AnswerKey::TrueFalse { correct: truth },
            explain(&right.unwrap_or_default()),
        ));
    }
    // Answers start at each special = or ~.
    let starts: Vec<usize> = (0..block.len())
        .filter(|&i| block[i].is('=') || block[i].is('~'))
        .collect();
    let Some(&first) = starts.first() else {
        return Err(Outcome::Problem(t!(lang, "gift-no-answers")));
    };
    if !text_of(&block[..first]).is_empty() {
        let before = format!("{:?}", text_of(&block[..first]));
        return Err(Outcome::Problem(t!(
            lang,
            "gift-text-before",
            text = before
        )));
    }
    let mut answers = vec![];
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(block.len());
        let right = block[s].c == '=';
        let parts = split_on(&block[s + 1..end], '#');
        let text = text_of(parts[0]);
        let feedback = parts.get(1).map(|p| text_of(p)).unwrap_or_default();
        answers.push((right, text, feedback));
    }
    // Matching: only = answers, each a pair "a -> b".
    if answers
        .iter()
        .all(|(right, text, _)| *right && text.contains("->"))
    {
        return Err(Outcome::Skip(t!(lang, "gift-matching")));
    }
    let rights = answers.iter().filter(|(right, _, _)| *right).count();
    if rights == answers.len() {
        return short_answer(&answers, markup).map(|key| (key, general.to_string()));
    }
    // Weights without a right answer: several answers count (checkboxes), those weighted
    // above 0 are right. With one right answer, weights on the others are partial credit on
    // a single choice, which chat does not give: dropped.
    if rights == 0 && answers.iter().any(|(_, text, _)| weight(text).is_some()) {
        return multiple_response(&answers, markup, lang).map(|key| (key, general.to_string()));
    }
    let answers: Vec<(bool, String, String)> = answers
        .into_iter()
        .map(|(right, text, feedback)| {
            let text = weight(&text).map_or(text.clone(), |(_, t)| t.to_string());
            (right, text, feedback)
        })
        .collect();
    match rights {
        0 => Err(Outcome::Problem(t!(lang, "gift-no-right"))),
        1 if answers.len() > CHOICES_MAX => Err(Outcome::Skip(t!(
            lang,
            "gift-too-many-choices",
            n = answers.len(),
            max = CHOICES_MAX
        ))),
        1 => {
            let correct = answers.iter().position(|(right, _, _)| *right).unwrap_or(0);
            let feedback = marked(&answers[correct].2, markup);
            let choices = answers.iter().map(|(_, t, _)| marked(t, markup)).collect();
            Ok((AnswerKey::Single { choices, correct }, explain(&feedback)))
        }
        n => Err(Outcome::Problem(t!(lang, "gift-many-right", n = n))),
    }
}

/// An answer's `%weight%` (percent) and the text after it, if it has one.
fn weight(text: &str) -> Option<(f64, &str)> {
    let (weight, rest) = text.strip_prefix('%')?.split_once('%')?;
    let weight = weight
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|w| w.is_finite())?;
    Some((weight, rest.trim_start()))
}

/// An answer's credit from its weight (100% when it has none; below 0 counts as 0) and its
/// text.
fn credited(text: &str) -> (f64, &str) {
    weight(text).map_or((1.0, text), |(w, t)| ((w / 100.0).clamp(0.0, 1.0), t))
}

/// Only `=` answers: the accepted answers, each with its credit and feedback; a `*` matches
/// any text.
fn short_answer(answers: &[(bool, String, String)], markup: Markup) -> Result<AnswerKey, Outcome> {
    let accepted = answers
        .iter()
        .map(|(_, text, feedback)| {
            let (credit, text) = credited(text);
            let wildcard = text.contains('*');
            Accepted {
                text: match wildcard {
                    true => text
                        .split('*')
                        .map(regex::escape)
                        .collect::<Vec<_>>()
                        .join(".*"),
                    false => marked(text, markup),
                },
                regex: wildcard,
                credit,
                feedback: marked(feedback, markup),
            }
        })
        .collect();
    Ok(AnswerKey::ShortAnswer { accepted })
}

/// `~%weight%` answers and no `=`: the choices, right where the weight is above 0.
fn multiple_response(
    answers: &[(bool, String, String)],
    markup: Markup,
    lang: Lang,
) -> Result<AnswerKey, Outcome> {
    if answers.len() > CHOICES_MAX {
        return Err(Outcome::Skip(t!(
            lang,
            "gift-too-many-responses",
            n = answers.len(),
            max = CHOICES_MAX
        )));
    }
    let (mut choices, mut correct) = (vec![], vec![]);
    for (i, (_, text, _)) in answers.iter().enumerate() {
        let (w, text) = weight(text).unwrap_or((0.0, text));
        if w > 0.0 {
            correct.push(i);
        }
        choices.push(marked(text, markup));
    }
    if correct.is_empty() {
        return Err(Outcome::Problem(t!(lang, "gift-no-weight")));
    }
    Ok(AnswerKey::Multiple { choices, correct })
}

/// A numeric answer block after its `#`: one answer (`42`, `42:2`, `40..44`, with `#`
/// feedback), or several starting with `=`, each with an optional `%weight%`.
fn numeric(block: &[C], markup: Markup, lang: Lang) -> Result<AnswerKey, Outcome> {
    let starts: Vec<usize> = (0..block.len()).filter(|&i| block[i].is('=')).collect();
    let parts: Vec<&[C]> = match starts.first() {
        None => vec![block],
        Some(&first) if text_of(&block[..first]).is_empty() => starts
            .iter()
            .enumerate()
            .map(|(k, &s)| &block[s + 1..starts.get(k + 1).copied().unwrap_or(block.len())])
            .collect(),
        Some(_) => return Err(Outcome::Problem(t!(lang, "gift-text-before-numeric"))),
    };
    let mut accepted = vec![];
    for part in parts {
        let pieces = split_on(part, '#');
        let written = text_of(pieces[0]);
        let (credit, value) = credited(&written);
        let Some(range) = parse_numeric_answer(value) else {
            let typed = format!("{value:?}");
            return Err(Outcome::Problem(t!(
                lang,
                "import-not-numeric",
                typed = typed
            )));
        };
        accepted.push(NumericRange {
            credit,
            feedback: pieces
                .get(1)
                .map(|p| marked(&text_of(p), markup))
                .unwrap_or_default(),
            ..range
        });
    }
    Ok(AnswerKey::Numeric { accepted })
}

/// `cs` split at each special `c`.
fn split_on(cs: &[C], c: char) -> Vec<&[C]> {
    let mut parts = vec![];
    let mut from = 0;
    for i in 0..cs.len() {
        if cs[i].is(c) {
            parts.push(&cs[from..i]);
            from = i + 1;
        }
    }
    parts.push(&cs[from..]);
    parts
}

/// Text in its markup as Discord shows it.
fn marked(text: &str, markup: Markup) -> String {
    match markup {
        Markup::Html => html_to_markdown(text),
        Markup::Kept => text.to_string(),
    }
}

/// The questions of `bundle` as a GIFT file, for Moodle or to import again: each topic a
/// `$CATEGORY:` named by its id, each question `::id::` with its text as `[markdown]`, the
/// explanation as general feedback. GIFT holds no difficulty, tracks, sources, tips or
/// flashcards (the TOML export does).
pub fn to_gift(bundle: &crate::domain::content::Bundle) -> String {
    let mut out = String::from(
        "// peerlearn content export (GIFT): questions only, for Moodle or /content import.\n\
         // Difficulty, tracks, sources, tips and flashcards are in the TOML export.\n",
    );
    // Each topic once, in the order its first question comes.
    let mut seen = std::collections::BTreeSet::new();
    let topics = bundle.questions.iter().map(|q| q.topic.as_str());
    for topic in topics.filter(|t| seen.insert(*t)) {
        out.push_str(&format!("\n$CATEGORY: {topic}\n"));
        for q in bundle.questions.iter().filter(|q| q.topic == topic) {
            let feedback = match q.explanation.as_str() {
                "" => String::new(),
                e => format!("####{}", escaped(e)),
            };
            let answers = match &q.answer {
                AnswerKey::Single { choices, correct } => {
                    let lines: Vec<String> = choices
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            format!("  {}{}", if i == *correct { '=' } else { '~' }, escaped(c))
                        })
                        .collect();
                    block(&lines, &feedback)
                }
                AnswerKey::TrueFalse { correct } => {
                    format!("{{{}{feedback}}}", if *correct { "TRUE" } else { "FALSE" })
                }
                AnswerKey::Multiple { choices, correct } => {
                    // Each right choice weighs its share; each wrong one takes it all back.
                    let share = percent(1.0 / correct.len() as f64);
                    let lines: Vec<String> = choices
                        .iter()
                        .enumerate()
                        .map(|(i, c)| match correct.contains(&i) {
                            true => format!("  ~%{share}%{}", escaped(c)),
                            false => format!("  ~%-100%{}", escaped(c)),
                        })
                        .collect();
                    block(&lines, &feedback)
                }
                AnswerKey::ShortAnswer { accepted } => {
                    // GIFT has no regular expressions: those answers stay in the TOML export.
                    let lines: Vec<String> = accepted
                        .iter()
                        .filter(|a| !a.regex)
                        .map(|a| {
                            format!(
                                "  =%{}%{}{}",
                                percent(a.credit),
                                escaped(&a.text),
                                answer_feedback(&a.feedback)
                            )
                        })
                        .collect();
                    block(&lines, &feedback)
                }
                AnswerKey::Numeric { accepted } => {
                    let lines: Vec<String> = accepted
                        .iter()
                        .map(|r| {
                            let value = match r.min == r.max {
                                true => format!("{}", r.min),
                                false => format!("{}..{}", r.min, r.max),
                            };
                            let fb = answer_feedback(&r.feedback);
                            format!("  =%{}%{value}{fb}", percent(r.credit))
                        })
                        .collect();
                    block(&lines, &feedback).replacen('{', "{#", 1)
                }
            };
            out.push_str(&format!(
                "\n::{}::[markdown]{} {answers}\n",
                q.id,
                escaped(&q.prompt)
            ));
        }
    }
    out
}

/// An answer block of `lines`, then the general `feedback` (no line of spaces: a blank line
/// would end the question).
fn block(lines: &[String], feedback: &str) -> String {
    let feedback = match feedback {
        "" => String::new(),
        f => format!("\n  {f}"),
    };
    format!("{{\n{}{feedback}\n}}", lines.join("\n"))
}

/// A credit as a GIFT weight: 0.5 → "50", 1/3 → "33.33333".
fn percent(credit: f64) -> String {
    let text = format!("{:.5}", credit * 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// An answer's `#feedback`, or nothing.
fn answer_feedback(feedback: &str) -> String {
    match feedback {
        "" => String::new(),
        f => format!(" #{}", escaped(f)),
    }
}

/// Text with GIFT's special characters escaped and new lines as `\n`.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::{describe_skipped, AnswerKey, Bundle};
    use crate::domain::content_files::parse_all;

    fn read(text: &str) -> Result<Bundle, Vec<Problem>> {
        parse_all(&[("bank.gift".to_string(), text.to_string())], &[])
    }

    const BANK: &str = r#"// Exported from Moodle
$CATEGORY: $course$/top/Security/Phishing

::Padlock::[html]A <b>padlock</b> in the address bar means the site is <i>safe</i>.{FALSE#Not quite.#Right: it only means the connection is encrypted.}

::Report::What do you do with a phishing email? {
  =Report it #That is what the button is for.
  ~Delete it #Others may still fall for it.
  ~Reply and ask ####Reporting protects everyone.
}

Who signs a letter with a ring \{a seal\}, 1\:1? {~the clerk =the king ~nobody}

Write about phishing.{}

::Pairs::Match them. {=cat -> meows =dog -> barks}

A phish is {=an attack ~a fish ~a friend} in disguise.

$CATEGORY: $course$/top/Passwords
::Length::How long? {#12:2}

Name a strong password rule.{=length #Yes. =%50%pass*phrase #Half. =%0%Password1 #Never.}

Pick the good ones. {~%50%long ~%50%unique ~%-100%short}

::Range::How many digits? {#=10..16 =%50%8..20#Close. ####Longer is stronger.}

::Report::Second question with the same name {T}

A statement {TRUE}
"#;

    #[test]
    fn a_bank_reads_with_every_kind_peerlearn_asks_and_lists_the_rest() {
        let b = read(BANK).unwrap();
        let ids: Vec<&str> = b.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), 10, "{ids:?}");
        assert_eq!(&ids[..2], ["padlock", "report"]);
        assert_eq!(ids[8], "report-2", "Moodle names repeat; ids do not");
        // Topics from the categories' last segments.
        let topics: Vec<(&str, &str)> = b
            .topics
            .iter()
            .map(|t| (t.id.as_str(), t.name.as_str()))
            .collect();
        assert_eq!(
            topics,
            [("phishing", "Phishing"), ("passwords", "Passwords")]
        );
        assert_eq!(b.questions[4].topic, "passwords");
        assert_eq!(
            b.questions[4].answer,
            AnswerKey::Numeric {
                accepted: vec![NumericRange {
                    min: 10.0,
                    max: 14.0,
                    credit: 1.0,
                    feedback: String::new()
                }]
            }
        );
        let AnswerKey::ShortAnswer { accepted } = &b.questions[5].answer else {
            panic!("short answer: {:?}", b.questions[5].answer);
        };
        let shown: Vec<(&str, bool, f64, &str)> = accepted
            .iter()
            .map(|a| (a.text.as_str(), a.regex, a.credit, a.feedback.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("length", false, 1.0, "Yes."),
                ("pass.*phrase", true, 0.5, "Half."),
                ("Password1", false, 0.0, "Never.")
            ]
        );
        assert_eq!(
            b.questions[6].answer,
            AnswerKey::Multiple {
                choices: vec!["long".into(), "unique".into(), "short".into()],
                correct: vec![0, 1]
            }
        );
        let range = &b.questions[7];
        assert_eq!(range.explanation, "Longer is stronger.");
        let AnswerKey::Numeric { accepted } = &range.answer else {
            panic!("numeric: {:?}", range.answer);
        };
        assert_eq!(
            (accepted[1].min, accepted[1].max, accepted[1].credit),
            (8.0, 20.0, 0.5)
        );
        assert_eq!(accepted[1].feedback, "Close.");

        let padlock = &b.questions[0];
        assert_eq!(
            padlock.prompt,
            "A **padlock** in the address bar means the site is *safe*."
        );
        assert_eq!(padlock.answer, AnswerKey::TrueFalse { correct: false });
        assert_eq!(
            padlock.explanation,
            "Right: it only means the connection is encrypted."
        );

        let report = &b.questions[1];
        assert_eq!(
            report.choices(),
            ["Report it", "Delete it", "Reply and ask"]
        );
        assert!(report.answer.is_right_choice(0));
        assert_eq!(
            report.explanation, "Reporting protects everyone.",
            "general feedback first"
        );

        let partial = read("Pick. {=right ~%50%half right ~wrong}").unwrap();
        assert_eq!(
            partial.questions[0].choices(),
            ["right", "half right", "wrong"],
            "partial credit is dropped, the single right answer kept"
        );

        let seal = &b.questions[2];
        assert_eq!(seal.prompt, "Who signs a letter with a ring {a seal}, 1:1?");
        assert!(seal.answer.is_right_choice(1));
        assert_eq!(seal.explanation, "");
        assert!(seal.id.starts_with("phishing-"), "{}", seal.id);

        let missing_word = &b.questions[3];
        assert_eq!(missing_word.prompt, "A phish is _____ in disguise.");

        assert_eq!(
            b.questions[9].answer,
            AnswerKey::TrueFalse { correct: true }
        );

        let skipped = describe_skipped(&b.skipped, crate::i18n::Lang::En).unwrap();
        assert_eq!(skipped, "2 skipped: essay at line 14, matching at line 16");
    }

    #[test]
    fn broken_questions_are_problems_with_their_lines() {
        let text = "Unclosed {=a ~b\n\nNext one?\n{=yes ~no}\n\nTwo rights {=a =b ~c}\n\n\
                    No right {~a ~b}\n\nText first {oops =a ~b}\n\nNested {=a {~b}\n\n\
                    ::Unclosed name {=a ~b}\n";
        let problems = read(text).unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let at = |line: usize, words: &str| {
            shown
                .iter()
                .any(|p| p.starts_with(&format!("bank.gift:{line}:")) && p.contains(words))
        };
        assert!(at(1, "is never closed"), "{shown:?}");
        assert!(at(6, "2 right answers"), "{shown:?}");
        assert!(at(8, "no right answer"), "{shown:?}");
        assert!(at(10, "text before its first answer"), "{shown:?}");
        assert!(at(12, "a second {"), "{shown:?}");
        assert!(at(14, "name is not closed"), "{shown:?}");
        assert_eq!(
            problems.len(),
            6,
            "the good question is no problem: {shown:?}"
        );
    }

    #[test]
    fn a_bank_of_only_essays_says_so() {
        let problems = read("Write.{}\n\nAnd again.{}\n").unwrap_err();
        assert!(
            problems[0].reason.contains("holds no question peerlearn can ask in chat (2 skipped: essay at line 1, essay at line 3)"),
            "{problems:?}"
        );
    }

    #[test]
    fn gift_is_told_from_aiken_and_plain_text() {
        assert!(looks_like_gift("Q {=a ~b}"));
        assert!(looks_like_gift("::n:: Q {T}"));
        assert!(!looks_like_gift("// only {a comment}\nplain"));
        assert!(!looks_like_gift(r"escaped \{ brace"));
        let b = parse_all(&[("bank.txt".into(), "Q? {=a ~b}".into())], &[]).unwrap();
        assert_eq!(b.questions.len(), 1);
    }
}
