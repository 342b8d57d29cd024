//! Reading and writing content files: TOML (topics, questions, tips, flashcards), CSV
//! (questions), and the GIFT and Aiken formats of question banks from an LMS.
//!
//! Every format goes through one validator, so they follow the same rules and report every
//! problem at once, each with file, line, field and reason. Nothing is half-read: a file with
//! any problem yields only problems.
//!
//! TOML:
//! ```toml
//! [[topic]]
//! id = "security"
//! name = "Information security"
//! description = "Phishing, passwords, devices"
//! desired_retention = 0.9          # optional, 0.70–0.97
//! team_recall_target = 0.8         # optional, 0.50–0.97: the team's refresher threshold
//!
//! [[question]]
//! id = "sec-001"
//! topic = "security"
//! prompt = "An email asks you to confirm your password. What do you do?"
//! choices = ["Reply with it", "Report it as phishing", "Ignore it"]
//! correct = "B"                    # the letter of the one right choice
//! explanation = "Nobody legitimate asks for your password by email."  # optional, recommended
//! difficulty = 1                   # optional, 1–3, default 2
//! tracks = ["support"]             # optional role tracks
//! source = "https://…"             # optional link
//!
//! [[question]]                     # a statement that is true or false: two buttons
//! id = "sec-002"
//! topic = "security"
//! kind = "true_false"              # optional: "single" (the default), "true_false",
//!                                  # "multiple", "short_answer" or "numeric" (kinds.rs)
//! prompt = "A padlock in the address bar means the site is safe."
//! correct = false                  # true or false (or "T", "F")
//!
//! [[tip]]
//! id = "sec-tip-1"
//! topic = "security"
//! text = "Lock your screen (Win+L, Ctrl+Cmd+Q) whenever you stand up."
//! link = "https://…"               # optional
//!
//! [[card]]                         # a flashcard, self-graded in reviews and /quiz
//! id = "sec-card-1"
//! topic = "security"
//! front = "What makes a password strong?"
//! back = "Length: a passphrase of four or more random words."
//! tracks = ["support"]             # optional role tracks (an Anki deck's tags)
//! source = "https://…"             # optional link
//! ```
//! CSV (questions only), with a header row: `id, topic, kind, prompt, choice_a … choice_e,
//! correct, explanation, difficulty, tracks, source`; `tracks` are separated by `;`; only `id`,
//! `topic`, `prompt` and `correct` are required columns (a true/false row leaves the choices
//! empty and has `true` or `false` in `correct`; the other kinds' `correct` is in
//! `content_files/kinds.rs`).
//!
//! Question banks from an LMS: `.gift` files are Moodle's GIFT ([`gift`]); a `.txt` file is
//! GIFT when it has answers in braces, and Aiken ([`aiken`]) when it has `ANSWER:` lines. Their
//! questions go through the same checks; GIFT questions of kinds chat cannot ask are skipped
//! and listed ([`Bundle::skipped`]).

use super::answer_key::{Accepted, NumericRange};
use super::cards::{ContentCard, BACK_MAX, FRONT_MAX};
use super::content::{
    check_id, check_link, check_references, check_text, describe_skipped, parse_correct,
    parse_truth, AnswerKey, Bundle, Problem, Question, QuestionKind, Skipped, Tip, Topic,
    CHOICES_MAX, CHOICES_MIN, CHOICE_MAX, DESCRIPTION_MAX, EXPLANATION_MAX, LETTERS, PROMPT_MAX,
    RETENTION_RANGE, TOPIC_NAME_MAX,
};
use super::refreshers::check_target;
use crate::i18n::Lang;
use crate::t;
use std::collections::{BTreeMap, BTreeSet};
use toml::{Spanned, Value};

mod aiken;
pub mod anki;
mod gift;
mod kinds;
mod made_up;
mod markup;

pub use gift::to_gift;

/// The kind of file, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Csv,
    /// Moodle's GIFT.
    Gift,
    /// An Anki package (binary: read with [`parse_package`], not as text).
    Apkg,
    /// Plain text in a question bank's exchange format, told by its content (GIFT or Aiken).
    Text,
}

/// A question bank's exchange format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bank {
    Gift,
    Aiken,
}

impl Bank {
    /// GIFT when the text has answers in braces, `::names::` or `$CATEGORY:` lines and no
    /// Aiken `ANSWER:` lines; Aiken when it has `ANSWER:` lines.
    fn detect(text: &str) -> Option<Bank> {
        let aiken = aiken::looks_like_aiken(text);
        if gift::looks_like_gift(text) && !aiken {
            Some(Bank::Gift)
        } else if aiken {
            Some(Bank::Aiken)
        } else {
            None
        }
    }
}

impl Format {
    /// `.toml`, `.csv`, `.gift`, `.txt` or `.apkg` (any case); anything else is not a content
    /// file.
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".toml") {
            Some(Format::Toml)
        } else if lower.ends_with(".csv") {
            Some(Format::Csv)
        } else if lower.ends_with(".gift") {
            Some(Format::Gift)
        } else if lower.ends_with(".apkg") {
            Some(Format::Apkg)
        } else if lower.ends_with(".txt") {
            Some(Format::Text)
        } else {
            None
        }
    }
}

/// Where each item came from, to point problems found later (across files) at a line, and
/// which topics a file's name made up (Aiken): those never replace a topic the server has.
#[derive(Debug, Clone, Default)]
pub struct Origins(
    BTreeMap<(String, String), (String, usize)>,
    BTreeSet<String>,
);

impl Origins {
    pub fn of(&self, kind: &str, id: &str) -> (String, Option<usize>) {
        match self.0.get(&(kind.to_string(), id.to_string())) {
            Some((file, line)) => (file.clone(), Some(*line)),
            None => ("(import)".into(), None),
        }
    }
}

/// Parses and checks one or more files as a single import: each file's own rules, then the
/// references between items (topics of questions and tips, duplicate ids) across all of them.
pub fn parse_all(
    files: &[(String, String)],
    known_topics: &[String],
) -> Result<Bundle, Vec<Problem>> {
    parse_all_in(files, known_topics, Lang::En)
}

/// [`parse_all`] with its problems in `lang` (an import in chat speaks its admin's language).
pub fn parse_all_in(
    files: &[(String, String)],
    known_topics: &[String],
    lang: Lang,
) -> Result<Bundle, Vec<Problem>> {
    combine(
        files.iter().map(|(name, text)| read_file(name, text, lang)),
        known_topics,
        lang,
    )
}

/// The notes of an Anki package called `name` as one import of flashcards (see [`anki`]).
pub fn parse_package(
    name: &str,
    notes: &[anki::AnkiNote],
    known_topics: &[String],
    lang: Lang,
) -> Result<Bundle, Vec<Problem>> {
    let (raw, skipped) = anki::anki_items(name, notes, lang);
    let mut read = check_items(name, raw, vec![], skipped, true, lang);
    if read.0.is_empty() && read.2.is_empty() {
        let reason = match describe_skipped(&read.0.skipped, lang) {
            Some(all) => t!(lang, "import-no-cards", skipped = all),
            None => t!(lang, "import-no-notes"),
        };
        read.2.push(problem(name, None, "package", reason));
    }
    combine(std::iter::once(read), known_topics, lang)
}

/// The id a question without one gets: its topic and a hash of its text (stable: the same
/// question text in the same topic gets the same id).
pub fn made_up_question_id(topic: &str, prompt: &str) -> String {
    made_up::hashed_id(topic, prompt)
}

/// The question a form written in chat describes (see [`crate::domain::authoring`]), with id
/// `id`, checked by the same rules as a content file; problems name the form's fields (file
/// "form", no line).
pub fn question_of_form(
    form: &crate::domain::authoring::QuestionForm,
    id: &str,
    known_topics: &[String],
    lang: Lang,
) -> Result<Question, Vec<Problem>> {
    let text = |s: &str| (Raw::Text(s.to_string()), 1);
    let mut fields = BTreeMap::from([
        ("id".to_string(), text(id)),
        ("topic".to_string(), text(&form.topic)),
        ("kind".to_string(), text(form.kind.as_str())),
        ("prompt".to_string(), text(&form.prompt)),
        ("explanation".to_string(), text(&form.explanation)),
    ]);
    let lines = (Raw::List(form.lines()), 1);
    if form.kind.typed() {
        fields.insert("correct".into(), lines);
    } else {
        fields.insert("correct".into(), text(&form.right));
        if form.kind != QuestionKind::TrueFalse {
            fields.insert("choices".into(), lines);
        }
    }
    let item = RawItem {
        kind: "question",
        line: 1,
        fields,
    };
    let (bundle, _, mut problems) = check_items("form", vec![item], vec![], vec![], false, lang);
    let origin = |_: &str, _: &str| ("form".to_string(), None);
    problems.extend(check_references(&bundle, known_topics, &origin, lang));
    match (bundle.questions.into_iter().next(), problems.is_empty()) {
        (Some(q), true) => Ok(q),
        _ => Err(problems),
    }
}

/// Files read one by one, as one import: their items, with the references between them
/// checked.
fn combine(
    reads: impl Iterator<Item = (Bundle, Origins, Vec<Problem>)>,
    known_topics: &[String],
    lang: Lang,
) -> Result<Bundle, Vec<Problem>> {
    let mut bundle = Bundle::default();
    let mut origins = Origins::default();
    let mut problems = Vec::new();
    for (b, o, p) in reads {
        bundle.extend(b);
        for (k, v) in o.0 {
            origins.0.entry(k).or_insert(v);
        }
        origins.1.extend(o.1);
        problems.extend(p);
    }
    // A topic made up from a file's name keeps the server's name and settings if it has one,
    // and is added once however many files made it.
    let mut made_up = BTreeSet::new();
    bundle.topics.retain(|t| {
        !origins.1.contains(&t.id)
            || (!known_topics.contains(&t.id) && made_up.insert(t.id.clone()))
    });
    // References are checked among the items that were readable, so one pass shows everything.
    let origin = |k: &str, id: &str| origins.of(k, id);
    problems.extend(check_references(&bundle, known_topics, &origin, lang));
    if problems.is_empty() {
        Ok(bundle)
    } else {
        Err(problems)
    }
}

/// Parses one file by its extension; checks each item's own rules (not references).
pub fn parse_file(name: &str, text: &str) -> Result<(Bundle, Origins), Vec<Problem>> {
    let (bundle, origins, problems) = read_file(name, text, Lang::En);
    if problems.is_empty() {
        Ok((bundle, origins))
    } else {
        Err(problems)
    }
}

/// The readable items of a file, where they are, and the problems of the others.
fn read_file(name: &str, text: &str, lang: Lang) -> (Bundle, Origins, Vec<Problem>) {
    let whole = |read: Result<Vec<RawItem>, Vec<Problem>>| match read {
        Ok(items) => (items, vec![]),
        Err(problems) => (vec![], problems),
    };
    let origins = Origins::default();
    let mut skipped = vec![];
    let format = Format::from_name(name);
    let bank = match format {
        Some(Format::Gift) => Some(Bank::Gift),
        Some(Format::Text) => Bank::detect(text),
        _ => None,
    };
    let (raw, mut problems) = match (format, bank) {
        (Some(Format::Toml), _) => whole(toml_items(name, text, lang)),
        (Some(Format::Csv), _) => whole(csv_items(name, text, lang)),
        (_, Some(Bank::Aiken)) => aiken::aiken_items(name, text, lang),
        (_, Some(Bank::Gift)) => {
            let read = gift::gift_items(name, text, lang);
            skipped = read.skipped;
            (read.items, read.problems)
        }
        (Some(Format::Text), None) => whole(Err(vec![problem(
            name,
            None,
            "file",
            t!(lang, "import-txt-neither"),
        )])),
        (Some(Format::Apkg), _) => whole(Err(vec![problem(
            name,
            None,
            "file",
            t!(lang, "import-apkg-alone"),
        )])),
        _ => whole(Err(vec![problem(
            name,
            None,
            "file name",
            t!(lang, "import-extensions"),
        )])),
    };
    if raw.is_empty() {
        if problems.is_empty() {
            if let Some(all) = describe_skipped(&skipped, lang) {
                problems.push(problem(
                    name,
                    None,
                    "file",
                    t!(lang, "import-no-questions", skipped = all),
                ));
            }
        }
        return (Bundle::default(), origins, problems);
    }
    let (bundle, origins, mut problems) =
        check_items(name, raw, problems, skipped, bank.is_some(), lang);
    if bundle.is_empty() && problems.is_empty() {
        problems.push(problem(name, None, "file", t!(lang, "import-no-entries")));
    }
    (bundle, origins, problems)
}

/// Checks a file's raw items by the rules of their kind. `made_up`: the file's topics were
/// made up from names (a question bank's, a package's), not defined by the team.
fn check_items(
    name: &str,
    raw: Vec<RawItem>,
    mut problems: Vec<Problem>,
    skipped: Vec<Skipped>,
    made_up: bool,
    lang: Lang,
) -> (Bundle, Origins, Vec<Problem>) {
    let mut origins = Origins::default();
    if made_up {
        origins
            .1
            .extend(raw.iter().filter(|i| i.kind == "topic").filter_map(
                |i| match i.fields.get("id") {
                    Some((Raw::Text(id), _)) => Some(id.clone()),
                    _ => None,
                },
            ));
    }
    let mut bundle = Bundle {
        skipped,
        ..Bundle::default()
    };
    for item in raw {
        let mut check = Checker {
            file: name,
            item: &item,
            problems: &mut problems,
            lang,
        };
        let id = check.id();
        let kind = item.kind;
        match kind {
            "topic" => {
                if let Some(t) = check.topic(id) {
                    origins
                        .0
                        .insert((kind.into(), t.id.clone()), (name.into(), item.line));
                    bundle.topics.push(t);
                }
            }
            "question" => {
                if let Some(q) = check.question(id) {
                    origins
                        .0
                        .insert((kind.into(), q.id.clone()), (name.into(), item.line));
                    bundle.questions.push(q);
                }
            }
            "card" => {
                if let Some(c) = check.card(id) {
                    origins
                        .0
                        .insert((kind.into(), c.id.clone()), (name.into(), item.line));
                    bundle.cards.push(c);
                }
            }
            _ => {
                if let Some(t) = check.tip(id) {
                    origins
                        .0
                        .insert((kind.into(), t.id.clone()), (name.into(), item.line));
                    bundle.tips.push(t);
                }
            }
        }
    }
    (bundle, origins, problems)
}

fn problem(file: &str, line: Option<usize>, field: &str, reason: String) -> Problem {
    Problem {
        file: file.to_string(),
        line,
        field: field.to_string(),
        reason,
    }
}

/// A field's value as read from either format.
#[derive(Debug, Clone)]
enum Raw {
    Text(String),
    Int(i64),
    Float(f64),
    List(Vec<String>),
    Bool(bool),
    /// A list of tables (TOML only: a typed question's `accepted` answers).
    Tables(Vec<toml::Table>),
    /// Any other type, by its name.
    Other(&'static str),
}

/// One `[[topic]]`, `[[question]]`, `[[tip]]`, `[[card]]` or CSV row, before checking.
#[derive(Debug)]
struct RawItem {
    kind: &'static str,
    line: usize,
    fields: BTreeMap<String, (Raw, usize)>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

type Entries = Vec<Spanned<BTreeMap<String, Spanned<Value>>>>;

#[derive(serde::Deserialize)]
struct TomlFile {
    #[serde(default)]
    topic: Entries,
    #[serde(default)]
    question: Entries,
    #[serde(default)]
    tip: Entries,
    #[serde(default)]
    card: Entries,
}

fn toml_items(name: &str, text: &str, lang: Lang) -> Result<Vec<RawItem>, Vec<Problem>> {
    let syntax = |e: toml::de::Error| {
        let line = e.span().map(|s| line_of(text, s.start));
        let reason = e.message().trim().to_string();
        vec![problem(name, line, "TOML", reason)]
    };
    let table: toml::Table = toml::from_str(text).map_err(syntax)?;
    let mut problems = Vec::new();
    for key in table.keys() {
        if !["topic", "question", "tip", "card"].contains(&key.as_str()) {
            let line = text
                .lines()
                .position(|l| l.contains(key.as_str()))
                .map(|i| i + 1);
            problems.push(problem(name, line, key, t!(lang, "import-unknown-section")));
        }
    }
    let file: TomlFile = toml::from_str(text).map_err(syntax)?;
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut items = Vec::new();
    for (kind, entries) in [
        ("topic", file.topic),
        ("question", file.question),
        ("tip", file.tip),
        ("card", file.card),
    ] {
        for entry in entries {
            let line = line_of(text, entry.span().start);
            let fields = entry
                .into_inner()
                .into_iter()
                .map(|(k, v)| {
                    let field_line = line_of(text, v.span().start);
                    (k, (toml_raw(v.into_inner()), field_line))
                })
                .collect();
            items.push(RawItem { kind, line, fields });
        }
    }
    items.sort_by_key(|i| i.line);
    Ok(items)
}

fn toml_raw(v: Value) -> Raw {
    match v {
        Value::String(s) => Raw::Text(s),
        Value::Integer(i) => Raw::Int(i),
        Value::Float(f) => Raw::Float(f),
        Value::Array(a) if !a.is_empty() && a.iter().all(Value::is_table) => Raw::Tables(
            a.into_iter()
                .filter_map(|v| match v {
                    Value::Table(t) => Some(t),
                    _ => None,
                })
                .collect(),
        ),
        Value::Array(a) => {
            let texts: Option<Vec<String>> = a
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Some(s),
                    _ => None,
                })
                .collect();
            texts.map_or(Raw::Other("mixed-list"), Raw::List)
        }
        Value::Boolean(b) => Raw::Bool(b),
        Value::Datetime(_) => Raw::Other("date"),
        Value::Table(_) => Raw::Other("table"),
    }
}

/// The CSV columns, in the order `/content export` would write them.
pub const CSV_COLUMNS: [&str; 14] = [
    "id",
    "topic",
    "kind",
    "prompt",
    "choice_a",
    "choice_b",
    "choice_c",
    "choice_d",
    "choice_e",
    "correct",
    "explanation",
    "difficulty",
    "tracks",
    "source",
];

fn csv_items(name: &str, text: &str, lang: Lang) -> Result<Vec<RawItem>, Vec<Problem>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::Headers)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| vec![problem(name, Some(1), "header row", e.to_string())])?
        .clone();
    let mut problems = Vec::new();
    for h in headers.iter() {
        if !CSV_COLUMNS.contains(&h) {
            problems.push(problem(
                name,
                Some(1),
                &format!("column {h:?}"),
                t!(
                    lang,
                    "import-unknown-column",
                    columns = CSV_COLUMNS.join(", ")
                ),
            ));
        }
    }
    for required in ["id", "topic", "prompt", "correct"] {
        if !headers.iter().any(|h| h == required) {
            problems.push(problem(
                name,
                Some(1),
                &format!("column {required:?}"),
                t!(lang, "import-column-required"),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut items = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                problems.push(problem(name, line, "CSV", e.to_string()));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.len() != headers.len() {
            problems.push(problem(
                name,
                Some(line),
                "row",
                t!(
                    lang,
                    "import-row-fields",
                    fields = record.len(),
                    header = headers.len()
                ),
            ));
            continue;
        }
        let mut fields = BTreeMap::new();
        let mut choices = Vec::new();
        for (h, value) in headers.iter().zip(record.iter()) {
            if value.trim().is_empty() {
                continue;
            }
            if h.starts_with("choice_") {
                choices.push(value.to_string());
            } else if h == "tracks" {
                let list = value
                    .split(';')
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect();
                fields.insert(h.to_string(), (Raw::List(list), line));
            } else if h == "difficulty" {
                let raw = value
                    .trim()
                    .parse()
                    .map_or(Raw::Text(value.to_string()), Raw::Int);
                fields.insert(h.to_string(), (raw, line));
            } else {
                fields.insert(h.to_string(), (Raw::Text(value.to_string()), line));
            }
        }
        fields.insert("choices".into(), (Raw::List(choices), line));
        items.push(RawItem {
            kind: "question",
            line,
            fields,
        });
    }
    if problems.is_empty() {
        Ok(items)
    } else {
        Err(problems)
    }
}

/// Checks one raw item's fields, collecting every problem.
struct Checker<'a> {
    file: &'a str,
    item: &'a RawItem,
    problems: &'a mut Vec<Problem>,
    /// The language of the problems.
    lang: Lang,
}

impl Checker<'_> {
    fn report(&mut self, id: &str, field: &str, reason: String) {
        let line = self
            .item
            .fields
            .get(field)
            .map_or(self.item.line, |(_, l)| *l);
        let who = if id.is_empty() {
            format!("{} (line {})", self.item.kind, self.item.line)
        } else {
            format!("{} {id:?}", self.item.kind)
        };
        self.problems.push(problem(
            self.file,
            Some(line),
            &format!("{who}, field {field:?}"),
            reason,
        ));
    }

    fn allow_only(&mut self, id: &str, allowed: &[&str]) {
        let unknown: Vec<String> = self
            .item
            .fields
            .keys()
            .filter(|k| !allowed.contains(&k.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            self.report(
                id,
                &key,
                t!(
                    self.lang,
                    "import-unknown-field",
                    fields = allowed.join(", ")
                ),
            );
        }
    }

    fn id(&mut self) -> String {
        let id = match self.item.fields.get("id") {
            Some((Raw::Text(s), _)) => s.trim().to_string(),
            Some(_) => {
                self.report("", "id", t!(self.lang, "import-text-in-quotes"));
                return String::new();
            }
            None => {
                self.report("", "id", t!(self.lang, "import-missing"));
                return String::new();
            }
        };
        if let Err(reason) = check_id(&id, self.lang) {
            self.report("", "id", reason);
            return String::new();
        }
        id
    }

    /// A required text field within `max` characters.
    fn text(&mut self, id: &str, field: &str, max: usize) -> Option<String> {
        match self.item.fields.get(field) {
            None => {
                self.report(id, field, t!(self.lang, "import-missing"));
                None
            }
            Some(_) => self.optional_text(id, field, max),
        }
    }

    fn optional_text(&mut self, id: &str, field: &str, max: usize) -> Option<String> {
        match self.item.fields.get(field).cloned() {
            None => None,
            Some((Raw::Text(s), _)) => match check_text(&s, max, self.lang) {
                Ok(t) => Some(t),
                Err(reason) => {
                    self.report(id, field, reason);
                    None
                }
            },
            Some((other, _)) => {
                self.report(
                    id,
                    field,
                    t!(self.lang, "import-text-not", kind = kind(&other, self.lang)),
                );
                None
            }
        }
    }

    fn optional_link(&mut self, id: &str, field: &str) -> Result<Option<String>, ()> {
        match self.optional_text(id, field, 512) {
            None if self.item.fields.contains_key(field) => Err(()),
            None => Ok(None),
            Some(link) => check_link(&link, self.lang).map(Some).map_err(|reason| {
                self.report(id, field, reason);
            }),
        }
    }

    fn topic(&mut self, id: String) -> Option<Topic> {
        self.allow_only(
            &id,
            &[
                "id",
                "name",
                "description",
                "desired_retention",
                "team_recall_target",
            ],
        );
        let name = self.text(&id, "name", TOPIC_NAME_MAX);
        let description = self
            .optional_text(&id, "description", DESCRIPTION_MAX)
            .unwrap_or_default();
        let retention = match self.item.fields.get("desired_retention").cloned() {
            None => Ok(None),
            Some((Raw::Float(f), _)) if (RETENTION_RANGE.0..=RETENTION_RANGE.1).contains(&f) => {
                Ok(Some(f))
            }
            Some((raw, _)) => {
                let shown = match raw {
                    Raw::Float(f) => f.to_string(),
                    Raw::Text(t) => t,
                    other => kind(&other, self.lang),
                };
                let reason = t!(
                    self.lang,
                    "import-retention",
                    shown = shown,
                    min = RETENTION_RANGE.0,
                    max = RETENTION_RANGE.1
                );
                self.report(&id, "desired_retention", reason);
                Err(())
            }
        };
        let team_target = match self.item.fields.get("team_recall_target").cloned() {
            None => Ok(None),
            Some((Raw::Float(f), _)) => match check_target(f, self.lang) {
                Ok(t) => Ok(Some(t)),
                Err(reason) => {
                    self.report(&id, "team_recall_target", reason);
                    Err(())
                }
            },
            Some((raw, _)) => {
                self.report(
                    &id,
                    "team_recall_target",
                    t!(
                        self.lang,
                        "import-not-decimal",
                        kind = kind(&raw, self.lang)
                    ),
                );
                Err(())
            }
        };
        Some(Topic {
            id: nonempty(id)?,
            name: name?,
            description,
            desired_retention: retention.ok()?,
            team_target: team_target.ok()?,
        })
    }

    fn question(&mut self, id: String) -> Option<Question> {
        self.allow_only(
            &id,
            &[
                "id",
                "topic",
                "kind",
                "prompt",
                "choices",
                "correct",
                "accepted",
                "explanation",
                "difficulty",
                "tracks",
                "source",
            ],
        );
        let topic = self.text(&id, "topic", 40);
        let prompt = self.text(&id, "prompt", PROMPT_MAX);
        let answer = match self.question_kind(&id) {
            Some(QuestionKind::Single) => self.single_choice(&id),
            Some(QuestionKind::TrueFalse) => self.true_false(&id),
            Some(QuestionKind::Multiple) => self.multiple(&id),
            Some(kind @ (QuestionKind::ShortAnswer | QuestionKind::Numeric)) => {
                self.typed(&id, kind)
            }
            None => None,
        };
        let explanation = match self.item.fields.get("explanation") {
            Some((Raw::Text(t), _)) if t.trim().is_empty() => Some(String::new()),
            Some(_) => self.optional_text(&id, "explanation", EXPLANATION_MAX),
            None => Some(String::new()),
        };
        let difficulty = match self.item.fields.get("difficulty").cloned() {
            None => Some(2),
            Some((Raw::Int(d), _)) if (1..=3).contains(&d) => Some(d as u8),
            Some((raw, _)) => {
                let shown = match raw {
                    Raw::Int(i) => i.to_string(),
                    Raw::Text(t) => format!("{t:?}"),
                    other => kind(&other, self.lang),
                };
                self.report(
                    &id,
                    "difficulty",
                    t!(self.lang, "import-difficulty", shown = shown),
                );
                None
            }
        };
        let tracks = self.tracks(&id);
        let source = self.optional_link(&id, "source");
        Some(Question {
            id: nonempty(id)?,
            topic: topic?,
            prompt: prompt?,
            answer: answer?,
            explanation: explanation?,
            difficulty: difficulty?,
            tracks: tracks?,
            source: source.ok()?,
        })
    }

    /// The `kind` field (single choice when absent); `None` after reporting an unknown one.
    fn question_kind(&mut self, id: &str) -> Option<QuestionKind> {
        let kinds = || {
            QuestionKind::ALL
                .iter()
                .map(|k| format!("{:?}", k.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self.item.fields.get("kind").cloned() {
            None => Some(QuestionKind::Single),
            Some((Raw::Text(k), _)) => match QuestionKind::parse(k.trim()) {
                Some(kind) => Some(kind),
                None => {
                    self.report(
                        id,
                        "kind",
                        t!(
                            self.lang,
                            "import-unknown-kind",
                            kind = format!("{k:?}"),
                            kinds = kinds()
                        ),
                    );
                    None
                }
            },
            Some((other, _)) => {
                self.report(
                    id,
                    "kind",
                    t!(
                        self.lang,
                        "import-kind-not-text",
                        kind = kind(&other, self.lang)
                    ),
                );
                None
            }
        }
    }

    /// `choices` and the letter of the one right choice.
    fn single_choice(&mut self, id: &str) -> Option<AnswerKey> {
        let choices = self.choices(id);
        let correct = match (self.item.fields.get("correct").cloned(), &choices) {
            (None, _) => {
                self.report(id, "correct", t!(self.lang, "import-correct-missing"));
                None
            }
            (Some((raw, _)), Some(choices)) => {
                let value = match raw {
                    Raw::Text(s) => s,
                    Raw::Int(i) => i.to_string(),
                    other => kind(&other, self.lang),
                };
                match parse_correct(&value, choices.len(), self.lang) {
                    Ok(i) => Some(i),
                    Err(reason) => {
                        self.report(id, "correct", reason);
                        None
                    }
                }
            }
            (Some(_), None) => None,
        };
        Some(AnswerKey::Single {
            choices: choices?,
            correct: correct?,
        })
    }

    /// A statement's truth in `correct` (`true`, `false`, or as text `T`, `F`, `TRUE`,
    /// `FALSE` in any case); no `choices`.
    fn true_false(&mut self, id: &str) -> Option<AnswerKey> {
        let has_choices = self.has_choices();
        if has_choices {
            self.report(id, "choices", t!(self.lang, "import-true-false-choices"));
        }
        let truth = match self.item.fields.get("correct").cloned() {
            Some((Raw::Bool(b), _)) => Some(b),
            Some((Raw::Text(t), _)) => parse_truth(&t),
            _ => None,
        };
        if truth.is_none() {
            self.report(id, "correct", t!(self.lang, "import-true-false-correct"));
        }
        (!has_choices).then_some(AnswerKey::TrueFalse { correct: truth? })
    }

    /// Whether the item lists choices (a CSV row always has the field, empty when its
    /// choice columns are).
    fn has_choices(&self) -> bool {
        match self.item.fields.get("choices") {
            Some((Raw::List(list), _)) => !list.is_empty(),
            Some(_) => true,
            None => false,
        }
    }

    fn choices(&mut self, id: &str) -> Option<Vec<String>> {
        let list = match self.item.fields.get("choices").cloned() {
            None => {
                self.report(id, "choices", t!(self.lang, "import-missing"));
                return None;
            }
            Some((Raw::List(list), _)) => list,
            Some((other, _)) => {
                self.report(
                    id,
                    "choices",
                    t!(
                        self.lang,
                        "import-texts-not",
                        kind = kind(&other, self.lang)
                    ),
                );
                return None;
            }
        };
        if !(CHOICES_MIN..=CHOICES_MAX).contains(&list.len()) {
            self.report(
                id,
                "choices",
                t!(
                    self.lang,
                    "import-choice-count",
                    min = CHOICES_MIN,
                    max = CHOICES_MAX,
                    found = list.len()
                ),
            );
            return None;
        }
        let mut out: Vec<String> = Vec::new();
        for (i, c) in list.iter().enumerate() {
            match check_text(c, CHOICE_MAX, self.lang) {
                Ok(c) if out.contains(&c) => {
                    let repeats = t!(
                        self.lang,
                        "import-choice-repeats",
                        n = i + 1,
                        choice = format!("{c:?}")
                    );
                    self.report(id, "choices", repeats);
                }
                Ok(c) => out.push(c),
                Err(reason) => {
                    let reason = t!(self.lang, "import-choice", n = i + 1, reason = reason);
                    self.report(id, "choices", reason);
                }
            }
        }
        (out.len() == list.len()).then_some(out)
    }

    fn tip(&mut self, id: String) -> Option<Tip> {
        self.allow_only(&id, &["id", "topic", "text", "link"]);
        let topic = self.text(&id, "topic", 40);
        let text = self.text(&id, "text", EXPLANATION_MAX);
        let link = self.optional_link(&id, "link");
        Some(Tip {
            id: nonempty(id)?,
            topic: topic?,
            text: text?,
            link: link.ok()?,
        })
    }

    /// The optional `tracks`: role track names.
    fn tracks(&mut self, id: &str) -> Option<Vec<String>> {
        match self.item.fields.get("tracks").cloned() {
            None => Some(vec![]),
            Some((Raw::List(list), _)) => {
                let mut ok = Vec::new();
                for t in list {
                    match check_id(t.trim(), self.lang) {
                        Ok(()) => ok.push(t.trim().to_string()),
                        Err(reason) => self.report(id, "tracks", reason),
                    }
                }
                Some(ok)
            }
            Some((other, _)) => {
                self.report(
                    id,
                    "tracks",
                    t!(
                        self.lang,
                        "import-tracks-not",
                        kind = kind(&other, self.lang)
                    ),
                );
                None
            }
        }
    }

    fn card(&mut self, id: String) -> Option<ContentCard> {
        self.allow_only(&id, &["id", "topic", "front", "back", "tracks", "source"]);
        let topic = self.text(&id, "topic", 40);
        let front = self.text(&id, "front", FRONT_MAX);
        let back = self.text(&id, "back", BACK_MAX);
        let tracks = self.tracks(&id);
        let source = self.optional_link(&id, "source");
        Some(ContentCard {
            id: nonempty(id)?,
            topic: topic?,
            front: front?,
            back: back?,
            tracks: tracks?,
            source: source.ok()?,
        })
    }
}

fn nonempty(id: String) -> Option<String> {
    (!id.is_empty()).then_some(id)
}

/// What a value is, in `lang`, for problems: "a whole number", "a list", …
fn kind(raw: &Raw, lang: Lang) -> String {
    let which = match raw {
        Raw::Text(_) => "text",
        Raw::Int(_) => "int",
        Raw::Float(_) => "float",
        Raw::List(_) => "list",
        Raw::Bool(_) => "bool",
        Raw::Tables(_) => "tables",
        Raw::Other(name) => name,
    };
    t!(lang, "import-value", which = which)
}

#[derive(serde::Serialize)]
struct TomlOut<'a> {
    topic: Vec<TopicOut<'a>>,
    question: Vec<QuestionOut<'a>>,
    tip: Vec<&'a Tip>,
    card: Vec<&'a ContentCard>,
}

#[derive(serde::Serialize)]
struct TopicOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    desired_retention: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    team_recall_target: Option<f64>,
}

/// What `correct` holds: the right choice's letter (or letters), or a statement's truth.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum CorrectOut {
    Letter(String),
    Letters(Vec<String>),
    Truth(bool),
}

/// A typed question's `accepted` answers.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum AcceptedOut<'a> {
    Short(&'a [Accepted]),
    Numeric(&'a [NumericRange]),
}

#[derive(serde::Serialize)]
struct QuestionOut<'a> {
    id: &'a str,
    topic: &'a str,
    /// Left out for single choice, the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    prompt: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    choices: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    correct: Option<CorrectOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accepted: Option<AcceptedOut<'a>>,
    #[serde(skip_serializing_if = "str::is_empty")]
    explanation: &'a str,
    difficulty: u8,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tracks: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    source: &'a Option<String>,
}

/// Writes a bundle as a TOML content file that imports back unchanged.
pub fn to_toml(bundle: &Bundle) -> String {
    let out = TomlOut {
        topic: bundle
            .topics
            .iter()
            .map(|t| TopicOut {
                id: &t.id,
                name: &t.name,
                description: &t.description,
                desired_retention: t.desired_retention,
                team_recall_target: t.team_target,
            })
            .collect(),
        question: bundle
            .questions
            .iter()
            .map(|q| QuestionOut {
                id: &q.id,
                topic: &q.topic,
                kind: match q.kind() {
                    QuestionKind::Single => None,
                    kind => Some(kind.as_str()),
                },
                prompt: &q.prompt,
                choices: match &q.answer {
                    AnswerKey::Single { choices, .. } | AnswerKey::Multiple { choices, .. } => {
                        choices
                    }
                    _ => &[],
                },
                correct: match &q.answer {
                    AnswerKey::Single { correct, .. } => {
                        Some(CorrectOut::Letter(LETTERS[*correct].to_string()))
                    }
                    AnswerKey::TrueFalse { correct } => Some(CorrectOut::Truth(*correct)),
                    AnswerKey::Multiple { correct, .. } => Some(CorrectOut::Letters(
                        correct.iter().map(|&i| LETTERS[i].to_string()).collect(),
                    )),
                    AnswerKey::ShortAnswer { .. } | AnswerKey::Numeric { .. } => None,
                },
                accepted: match &q.answer {
                    AnswerKey::ShortAnswer { accepted } => Some(AcceptedOut::Short(accepted)),
                    AnswerKey::Numeric { accepted } => Some(AcceptedOut::Numeric(accepted)),
                    _ => None,
                },
                explanation: &q.explanation,
                difficulty: q.difficulty,
                tracks: &q.tracks,
                source: &q.source,
            })
            .collect(),
        tip: bundle.tips.iter().collect(),
        card: bundle.cards.iter().collect(),
    };
    let header = "# peerlearn content export: import it again with /content import.\n\n";
    format!(
        "{header}{}",
        toml::to_string_pretty(&out).unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[topic]]
id = "security"
name = "Information security"
description = "Phishing and passwords"
desired_retention = 0.85

[[question]]
id = "sec-001"
topic = "security"
prompt = "An email asks for your password. What do you do?"
choices = ["Reply with it", "Report it as phishing", "Ignore it"]
correct = "B"
explanation = "Nobody legitimate asks for a password by email."
difficulty = 1
tracks = ["support"]

[[tip]]
id = "sec-tip-1"
topic = "security"
text = "Lock your screen when you stand up."
link = "https://example.com/lock"
"#;

    #[test]
    fn a_good_toml_file_reads_completely() {
        let b = parse_all(&[("a.toml".into(), GOOD.into())], &[]).unwrap();
        assert_eq!(b.topics[0].desired_retention, Some(0.85));
        let q = &b.questions[0];
        assert!(q.answer.is_right_choice(1));
        assert_eq!(q.choices().len(), 3);
        assert_eq!(q.tracks, vec!["support"]);
        assert_eq!(b.tips[0].link.as_deref(), Some("https://example.com/lock"));
    }

    #[test]
    fn every_problem_is_reported_with_file_line_and_field() {
        let bad = r#"
[[topic]]
id = "security"
name = "Security"
desired_retention = 0.5

[[question]]
id = "sec-001"
topic = "nowhere"
prompt = "Which?"
choices = ["only one"]
correct = "B"
explanation = "x"

[[question]]
id = "sec-002"
topic = "security"
prompt = "Fine?"
choices = ["a", "b"]
correct = "C"
explanation = "x"
colour = "red"

[[tip]]
topic = "security"
text = ""
"#;
        let problems = parse_all(&[("bad.toml".into(), bad.into())], &[]).unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        let all = text.join("\n");
        assert!(all.contains("bad.toml:5: topic \"security\", field \"desired_retention\": 0.5 is not a decimal between 0.7 and 0.97"), "{all}");
        assert!(all.contains("bad.toml:11: question \"sec-001\", field \"choices\": needs 2 to 5 choices, found 1"), "{all}");
        assert!(
            all.contains("bad.toml:20: question \"sec-002\", field \"correct\""),
            "{all}"
        );
        assert!(
            all.contains("bad.toml:22: question \"sec-002\", field \"colour\": unknown field"),
            "{all}"
        );
        assert!(
            all.contains("tip (line 24), field \"id\": is missing"),
            "{all}"
        );
        assert!(all.contains("field \"text\": must not be empty"), "{all}");
        assert_eq!(problems.len(), 6, "{all}");
    }

    #[test]
    fn references_are_checked_across_files() {
        let q = r#"
[[question]]
id = "q1"
topic = "privacy"
prompt = "p"
choices = ["a", "b"]
correct = "A"
explanation = "e"
"#;
        let problems = parse_all(&[("q.toml".into(), q.into())], &[]).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert!(problems[0]
            .reason
            .contains("topic \"privacy\" is not defined"));
        assert!(parse_all(&[("q.toml".into(), q.into())], &["privacy".into()]).is_ok());
        let twice = parse_all(
            &[("q.toml".into(), q.into()), ("r.toml".into(), q.into())],
            &["privacy".into()],
        )
        .unwrap_err();
        assert!(twice[0].reason.contains("more than once"), "{twice:?}");
        // Item problems and reference problems come together, in one pass.
        let mixed = format!("{q}\n[[question]]\nid = \"q2\"\ntopic = \"privacy\"\n");
        let problems = parse_all(&[("m.toml".into(), mixed)], &[]).unwrap_err();
        let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            all.iter()
                .any(|p| p.contains("question \"q2\", field \"prompt\": is missing")),
            "{all:?}"
        );
        assert!(
            all.iter()
                .any(|p| p.starts_with("m.toml:2: question \"q1\", field \"topic\"")),
            "{all:?}"
        );
    }

    #[test]
    fn toml_syntax_errors_name_the_line() {
        let problems = parse_file("x.toml", "[[question]]\nid = \"a\nprompt = 1\n").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2), "{:?}", problems[0]);
    }

    #[test]
    fn true_false_questions_read_from_toml_and_csv_and_round_trip() {
        let toml_text = r#"
[[topic]]
id = "t"
name = "T"

[[question]]
id = "tf1"
topic = "t"
kind = "true_false"
prompt = "The sky is green."
correct = false

[[question]]
id = "tf2"
topic = "t"
kind = "true_false"
prompt = "Water is wet."
correct = "T"
"#;
        let b = parse_all(&[("a.toml".into(), toml_text.into())], &[]).unwrap();
        assert_eq!(
            b.questions[0].answer,
            AnswerKey::TrueFalse { correct: false }
        );
        assert_eq!(
            b.questions[1].answer,
            AnswerKey::TrueFalse { correct: true }
        );
        assert_eq!(b.questions[1].choices(), ["True", "False"]);
        assert!(b.questions[1].answer.is_right_choice(0));
        let again = parse_all(&[("e.toml".into(), to_toml(&b))], &[]).unwrap();
        assert_eq!(again, b);

        let csv_text = "id,topic,kind,prompt,choice_a,choice_b,correct\n\
                        tf3,t,true_false,Fire is cold.,,,FALSE\n\
                        s1,t,,Pick one,yes,no,B\n";
        let known = ["t".to_string()];
        let b = parse_all(&[("q.csv".into(), csv_text.into())], &known).unwrap();
        assert_eq!(
            b.questions[0].answer,
            AnswerKey::TrueFalse { correct: false }
        );
        assert_eq!(b.questions[1].kind(), QuestionKind::Single);

        let broken = r#"
[[question]]
id = "b1"
topic = "t"
kind = "true_false"
prompt = "Choices are not allowed."
choices = ["yes", "no"]
correct = "maybe"

[[question]]
id = "b2"
topic = "t"
kind = "essay"
prompt = "Describe."
correct = "A"
"#;
        let problems = parse_all(&[("b.toml".into(), broken.into())], &known).unwrap_err();
        let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 3, "{all:?}");
        assert!(all[0].contains("b.toml:7: question \"b1\", field \"choices\": a true/false question has no choices"), "{all:?}");
        assert!(
            all[1].contains("field \"correct\": of a true/false question is true or false"),
            "{all:?}"
        );
        assert!(
            all[2].contains(
                "\"essay\" is not a question kind; the kinds are \"single\", \"true_false\""
            ),
            "{all:?}"
        );
    }

    #[test]
    fn multiple_short_and_numeric_questions_read_from_toml_and_csv_and_round_trip() {
        let toml_text = r#"
[[topic]]
id = "t"
name = "T"

[[question]]
id = "m1"
topic = "t"
kind = "multiple"
prompt = "Pick the safe ones."
choices = ["a", "b", "c"]
correct = "A, C"

[[question]]
id = "s1"
topic = "t"
kind = "short_answer"
prompt = "Capital of France?"
accepted = [
  { text = "Paris", feedback = "Yes." },
  { text = "par(is|ee)", regex = true, credit = 0.5 },
]

[[question]]
id = "n1"
topic = "t"
kind = "numeric"
prompt = "Digits?"
correct = ["8", "6..7"]
"#;
        let b = parse_all(&[("a.toml".into(), toml_text.into())], &[]).unwrap();
        assert_eq!(
            b.questions[0].answer,
            AnswerKey::Multiple {
                choices: vec!["a".into(), "b".into(), "c".into()],
                correct: vec![0, 2]
            }
        );
        assert_eq!(b.questions[1].kind(), QuestionKind::ShortAnswer);
        assert_eq!(
            b.questions[2].answer.right_answer(crate::i18n::Lang::En),
            "8"
        );
        let again = parse_all(&[("e.toml".into(), to_toml(&b))], &[]).unwrap();
        assert_eq!(again, b, "{}", to_toml(&b));

        let csv_text = "id,topic,kind,prompt,choice_a,choice_b,choice_c,correct\n\
                        m2,t,multiple,Pick.,x,y,z,\"A,B\"\n\
                        s2,t,short_answer,Say it.,,,,Paris | Paree\n\
                        n2,t,numeric,Count.,,,,42:2\n";
        let known = ["t".to_string()];
        let b = parse_all(&[("q.csv".into(), csv_text.into())], &known).unwrap();
        assert_eq!(
            b.questions[0].answer,
            AnswerKey::Multiple {
                choices: vec!["x".into(), "y".into(), "z".into()],
                correct: vec![0, 1]
            }
        );
        let AnswerKey::ShortAnswer { accepted } = &b.questions[1].answer else {
            panic!("{:?}", b.questions[1].answer);
        };
        let texts: Vec<&str> = accepted.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["Paris", "Paree"]);
        assert_eq!(
            b.questions[2].answer.right_answer(crate::i18n::Lang::En),
            "40 to 44"
        );

        let broken = r#"
[[question]]
id = "b1"
topic = "t"
kind = "multiple"
prompt = "Letters."
choices = ["a", "b"]
correct = ["A", "F"]

[[question]]
id = "b7"
topic = "t"
kind = "multiple"
prompt = "Twice."
choices = ["a", "b"]
correct = "A, a"

[[question]]
id = "b2"
topic = "t"
kind = "short_answer"
prompt = "Pattern."
accepted = [{ text = "x" }, { text = "x", credit = 2, colour = "red" }]

[[question]]
id = "b6"
topic = "t"
kind = "short_answer"
prompt = "Pattern."
accepted = [{ text = "(", regex = true }]

[[question]]
id = "b3"
topic = "t"
kind = "numeric"
prompt = "Both."
correct = "4"
accepted = [{ value = 4 }]

[[question]]
id = "b4"
topic = "t"
kind = "numeric"
prompt = "Half."
choices = ["1", "2"]
accepted = [{ min = 5, max = 1, credit = 0.5 }]

[[question]]
id = "b5"
topic = "t"
kind = "short_answer"
prompt = "No full credit."
accepted = [{ text = "x", credit = 0.5 }]
"#;
        let problems = parse_all(&[("b.toml".into(), broken.into())], &known).unwrap_err();
        let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let has = |words: &str| all.iter().any(|p| p.contains(words));
        assert!(has("b.toml:8: question \"b1\", field \"correct\": \"F\" does not name one of the 2 choices"), "{all:?}");
        assert!(
            has("question \"b2\", field \"accepted\": answer 2: unknown field \"colour\""),
            "{all:?}"
        );
        assert!(has("question \"b2\", field \"accepted\": answer 2: credit must be a number from 0 to 1"), "{all:?}");
        assert!(
            has("question \"b6\", field \"accepted\": \"(\" is not a valid regular expression"),
            "{all:?}"
        );
        assert!(
            has("question \"b7\", field \"correct\": \"a\" is named twice"),
            "{all:?}"
        );
        assert!(
            has("question \"b3\", field \"accepted\": give either `correct`"),
            "{all:?}"
        );
        assert!(
            has("question \"b4\", field \"choices\": a typed answer has no choices"),
            "{all:?}"
        );
        assert!(
            has("question \"b5\", field \"accepted\": no accepted answer earns full credit"),
            "{all:?}"
        );
    }

    #[test]
    fn csv_questions_read_with_line_numbers() {
        let csv =
            "id,topic,prompt,choice_a,choice_b,choice_c,correct,explanation,difficulty,tracks\n\
                   q1,security,\"Multi-line,\nprompt\",yes,no,,A,because,3,support;sales\n\
                   q2,security,p,a,b,c,D,e,7,\n";
        let problems = parse_file("q.csv", csv).unwrap_err();
        let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(
            all[0].starts_with("q.csv:4: question \"q2\", field \"correct\""),
            "{all:?}"
        );
        assert!(
            all[1].contains("field \"difficulty\": 7 is not 1"),
            "{all:?}"
        );
        let ok = parse_file("q.csv", &csv.replace(",D,e,7,", ",C,e,2,"))
            .unwrap()
            .0;
        assert_eq!(ok.questions[0].prompt, "Multi-line,\nprompt");
        assert_eq!(ok.questions[0].choices(), vec!["yes", "no"]);
        assert_eq!(ok.questions[0].tracks, vec!["support", "sales"]);
        assert_eq!(ok.questions[1].difficulty, 2);
    }

    #[test]
    fn csv_headers_are_checked() {
        let problems = parse_file("q.csv", "id,topic,prompt,colour\n").unwrap_err();
        let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            all.iter()
                .any(|p| p.contains("column \"colour\": unknown column")),
            "{all:?}"
        );
        assert!(
            all.iter()
                .any(|p| p.contains("column \"correct\": this column is required")),
            "{all:?}"
        );
    }

    #[test]
    fn export_imports_back_to_the_same_bundle() {
        let plain_topic = "[[topic]]\nid = \"plain\"\nname = \"Plain\"\n";
        let b = parse_all(
            &[
                ("a.toml".into(), GOOD.into()),
                ("b.toml".into(), plain_topic.into()),
            ],
            &[],
        )
        .unwrap();
        let again = parse_all(&[("export.toml".into(), to_toml(&b))], &[]).unwrap();
        assert_eq!(again, b);
    }

    #[test]
    fn other_file_types_are_refused() {
        let p = parse_file("notes.md", "hello").unwrap_err();
        assert!(
            p[0].reason
                .contains(".toml, .csv, .gift, .txt (GIFT or Aiken) or .apkg"),
            "{p:?}"
        );
        let p = parse_file("notes.txt", "hello").unwrap_err();
        assert!(p[0].reason.contains("Aiken"), "{p:?}");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// TOML basic-string escaping for generated text.
    fn quoted(s: &str) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    fn problems_are_actionable(problems: &[Problem], file: &str) -> Result<(), TestCaseError> {
        prop_assert!(!problems.is_empty());
        for p in problems {
            prop_assert_eq!(&p.file, file);
            prop_assert!(!p.reason.trim().is_empty(), "{:?}", p);
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn any_text_is_content_or_a_list_of_problems(s in "\\PC{0,400}", format in 0..4usize) {
            let name = ["x.csv", "x.toml", "x.txt", "x.gift"][format];
            if let Err(problems) = parse_file(name, &s) {
                problems_are_actionable(&problems, name)?;
            }
        }

        /// Text made of GIFT-like pieces in any order: questions (one per answer block that
        /// peerlearn asks), skipped ones, or problems that each name their line (but the
        /// file's own).
        #[test]
        fn gift_like_text_is_questions_skipped_or_problems_with_lines(
            pieces in prop::collection::vec(
                prop_oneof![
                    "::[a-z ]{0,8}::",
                    "\\$CATEGORY: [a-z/ ]{0,12}",
                    "\\[(html|markdown|plain|moodle)\\]",
                    "[A-Za-z<>&;/ ]{0,20}",
                    "\\{|\\}|=|~|#|####|->|%50%|\\\\[:=~#{}]",
                    Just("\n".to_string()),
                    Just("\n\n".to_string()),
                    Just("// a comment\n".to_string()),
                    "\\PC{0,10}",
                ],
                0..40,
            )
        ) {
            let text = pieces.concat();
            match parse_file("bank.gift", &text) {
                Ok((bundle, _)) => {
                    prop_assert!(!bundle.questions.is_empty());
                    for q in &bundle.questions {
                        prop_assert!(q.answer.check(Lang::En).is_ok(), "{:?}", q.answer);
                    }
                }
                Err(problems) => {
                    problems_are_actionable(&problems, "bank.gift")?;
                    for p in &problems {
                        prop_assert!(p.line.is_some() || p.field == "file", "{:?}", p);
                    }
                }
            }
        }

        /// Questions of every kind with text of any script (escapes, new lines, braces…),
        /// written as GIFT and read back: the same questions (GIFT holds no difficulty,
        /// tracks or source).
        #[test]
        fn questions_written_as_gift_read_back_the_same(
            items in prop::collection::vec(
                (
                    "[a-z][a-z0-9-]{0,38}[a-z0-9]",
                    "\\PC{1,200}",
                    prop::collection::btree_set("[^%\\s]\\PC{0,30}", 2..=5),
                    any::<prop::sample::Index>(),
                    0..5usize,
                    prop::collection::vec((-2000i32..2000, 0i32..30, 0..3usize, "\\PC{0,20}"), 5),
                    "\\PC{0,100}",
                ),
                1..6,
            ),
            topic in "[a-z][a-z0-9_-]{0,39}",
        ) {
            use crate::domain::answer_key::{Accepted, NumericRange};
            let mut questions: Vec<Question> = vec![];
            for (id, prompt, choices, correct, kind, extras, explanation) in items {
                if questions.iter().any(|q| q.id == id) || prompt.trim().is_empty() {
                    continue;
                }
                let choices: Vec<String> = choices.into_iter().map(|c| c.trim().to_string()).collect();
                let distinct: std::collections::BTreeSet<&String> = choices.iter().collect();
                if choices.iter().any(|c| c.is_empty()) || distinct.len() != choices.len() {
                    continue;
                }
                // Each choice's credit (the first always full) and feedback, for typed kinds.
                let credit = |i: usize| if i == 0 { 1.0 } else { [1.0, 0.5, 0.0][extras[i].2] };
                let feedback = |i: usize| extras[i].3.trim().to_string();
                let answer = match kind {
                    0 => AnswerKey::TrueFalse { correct: correct.index(2) == 0 },
                    1 => AnswerKey::Single { correct: correct.index(choices.len()), choices },
                    2 => {
                        // A non-empty set: the index picks which of the 2^n − 1.
                        let bits = correct.index((1 << choices.len()) - 1) + 1;
                        let correct = (0..choices.len()).filter(|i| bits & (1 << i) != 0).collect();
                        AnswerKey::Multiple { choices, correct }
                    }
                    3 => {
                        // A `*` is GIFT's wildcard, and answers all with "->" read as matching.
                        if choices.iter().any(|c| c.contains('*')) || choices.iter().all(|c| c.contains("->")) {
                            continue;
                        }
                        let accepted = choices
                            .into_iter()
                            .enumerate()
                            .map(|(i, text)| Accepted { text, regex: false, credit: credit(i), feedback: feedback(i) })
                            .collect();
                        AnswerKey::ShortAnswer { accepted }
                    }
                    _ => {
                        let accepted = (0..choices.len())
                            .map(|i| {
                                let min = f64::from(extras[i].0) / 10.0;
                                let max = min + f64::from(extras[i].1);
                                NumericRange { min, max, credit: credit(i), feedback: feedback(i) }
                            })
                            .collect();
                        AnswerKey::Numeric { accepted }
                    }
                };
                questions.push(Question {
                    id,
                    topic: topic.clone(),
                    prompt: prompt.trim().to_string(),
                    answer,
                    explanation: explanation.trim().to_string(),
                    difficulty: 2,
                    tracks: vec![],
                    source: None,
                });
            }
            let bundle = Bundle { questions, ..Bundle::default() };
            let text = to_gift(&bundle);
            let again = parse_all(&[("export.gift".into(), text.clone())], std::slice::from_ref(&topic));
            match again {
                Ok(again) if bundle.questions.is_empty() => prop_assert!(again.questions.is_empty()),
                Ok(again) => {
                    prop_assert_eq!(&again.questions, &bundle.questions, "{}", text);
                    prop_assert!(again.topics.is_empty(), "the server's topic is kept");
                    prop_assert!(again.skipped.is_empty());
                }
                Err(problems) => {
                    prop_assert!(bundle.questions.is_empty(), "{:?}\n{}", problems, text);
                }
            }
        }

        /// Text made of Aiken-like lines in any order: content with one question per ANSWER
        /// line, or problems that each name their line (but the file's own).
        #[test]
        fn aiken_like_text_is_questions_or_problems_with_lines(
            lines in prop::collection::vec(
                prop_oneof![
                    "[A-Za-z][A-Za-z ?]{0,30}",
                    "[A-G][.)] ?\\PC{0,20}",
                    "ANSWER: ?[A-H]?",
                    Just(String::new()),
                    "\\PC{0,40}",
                ],
                0..30,
            )
        ) {
            let text = lines.join("\n");
            // Text with answers in braces and no `ANSWER:` line reads as GIFT, not Aiken: the
            // GIFT properties cover it.
            let answers = lines.iter().filter(|l| l.trim_start().starts_with("ANSWER:")).count();
            prop_assume!(answers > 0 || !gift::looks_like_gift(&text));
            match parse_file("bank.txt", &text) {
                Ok((bundle, _)) => {
                    prop_assert_eq!(bundle.questions.len(), answers);
                    prop_assert_eq!(bundle.topics.len(), 1);
                }
                Err(problems) => {
                    problems_are_actionable(&problems, "bank.txt")?;
                    for p in &problems {
                        prop_assert!(p.line.is_some() || p.field == "file", "{:?}", p);
                    }
                }
            }
        }

        /// A question file with text of any length and script: accepted exactly when every
        /// field is within its limits, and then written back and read again unchanged.
        #[test]
        fn questions_are_checked_field_by_field_and_round_trip(
            prompt in "\\PC{0,1600}",
            choices in prop::collection::vec("\\PC{0,220}", 0..7),
            correct in "[A-Ha-h1-9]",
            explanation in "\\PC{0,1100}",
        ) {
            let text = format!(
                "[[topic]]\nid = \"t\"\nname = \"Topic\"\n\n[[question]]\nid = \"q1\"\ntopic = \"t\"\nprompt = {}\nchoices = [{}]\ncorrect = {}\nexplanation = {}\n",
                quoted(&prompt),
                choices.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", "),
                quoted(&correct),
                quoted(&explanation),
            );
            let within = |s: &str, max: usize| {
                let n = s.trim().chars().count();
                n > 0 && n <= max
            };
            // A letter (A = first) or a 1-based number names the right choice.
            let c = correct.to_ascii_uppercase().chars().next().unwrap();
            let index = match c.to_digit(10) {
                Some(d) => d as usize - 1,
                None => c as usize - 'A' as usize,
            };
            // The explanation is optional: empty is fine.
            let fits = within(&prompt, PROMPT_MAX)
                && explanation.trim().chars().count() <= EXPLANATION_MAX
                && (CHOICES_MIN..=CHOICES_MAX).contains(&choices.len())
                && choices.iter().all(|c| within(c, CHOICE_MAX))
                && index < choices.len();
            match parse_file("q.toml", &text) {
                Ok((bundle, _)) => {
                    prop_assert!(fits, "accepted out-of-limit content: {}", text);
                    let again = parse_file("q.toml", &to_toml(&bundle)).map(|(b, _)| b);
                    prop_assert_eq!(again.ok(), Some(bundle));
                }
                Err(problems) => {
                    problems_are_actionable(&problems, "q.toml")?;
                    // Choices must also differ from each other.
                    let distinct = choices
                        .iter()
                        .map(|c| c.trim())
                        .collect::<std::collections::BTreeSet<_>>()
                        .len()
                        == choices.len();
                    prop_assert!(!fits || !distinct, "refused valid content: {:?}", problems);
                }
            }
        }
    }
}
