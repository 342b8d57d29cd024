//! Writing questions in chat: the form an author fills in (one per kind, within Discord's
//! form limits), a draft's life, and which questions the form can edit.
//!
//! An admin writes a question with `/content add` (or edits one with `/content edit`); an
//! expert may propose one with `/propose` when the server allows it. The form is kept as its
//! author typed it, checked by the same rules as a content file when it is submitted, and
//! shown as members will see it. A draft is then published (by an admin), proposed (by an
//! expert, for an admin to publish) or discarded:
//!
//! ```text
//! draft ──Publish (admin)──▶ published
//!   │  └──Propose (expert)──▶ proposed ──Publish (admin)──▶ published
//!   └──Discard──▶ discarded        └──Discard (admin or its author)──▶ discarded
//! ```

use crate::domain::answer_key::{AnswerKey, QuestionKind, LETTERS};
use crate::domain::content::{Question, CHOICE_MAX, EXPLANATION_MAX, PROMPT_MAX};
use crate::domain::ids::{GuildId, UserId};
use crate::i18n::Lang;
use crate::t;
use serde::{Deserialize, Serialize};

/// The most characters of the choices (or accepted answers) input: 10 lines of up to 200.
const LINES_MAX: usize = 10 * (CHOICE_MAX + 1);

/// A question as its author filled in the form (it may not pass the checks yet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionForm {
    pub kind: QuestionKind,
    pub topic: String,
    /// The question it edits (`None`: a new question).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question_id: Option<String>,
    #[serde(default)]
    pub prompt: String,
    /// One choice per line, or for typed kinds one accepted answer per line.
    #[serde(default)]
    pub choices: String,
    /// The right choice's letter, the right letters, or `true`/`false`.
    #[serde(default)]
    pub right: String,
    #[serde(default)]
    pub explanation: String,
}

/// An input of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Prompt,
    Choices,
    Right,
    Explanation,
}

impl FormField {
    pub const ALL: [FormField; 4] = [
        FormField::Prompt,
        FormField::Choices,
        FormField::Right,
        FormField::Explanation,
    ];

    /// The input's custom id.
    pub fn id(self) -> &'static str {
        match self {
            FormField::Prompt => "prompt",
            FormField::Choices => "choices",
            FormField::Right => "right",
            FormField::Explanation => "explanation",
        }
    }

    pub fn from_id(id: &str) -> Option<FormField> {
        FormField::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The inputs a kind's form shows, in order.
    pub fn of(kind: QuestionKind) -> &'static [FormField] {
        match kind {
            QuestionKind::Single | QuestionKind::Multiple => &FormField::ALL,
            QuestionKind::TrueFalse => {
                &[FormField::Prompt, FormField::Right, FormField::Explanation]
            }
            QuestionKind::ShortAnswer | QuestionKind::Numeric => &[
                FormField::Prompt,
                FormField::Choices,
                FormField::Explanation,
            ],
        }
    }

    /// Its label in `lang` (Discord allows 45 characters).
    pub fn label(self, kind: QuestionKind, lang: Lang) -> String {
        match (self, kind) {
            (FormField::Prompt, QuestionKind::TrueFalse) => t!(lang, "form-statement"),
            (FormField::Prompt, _) => t!(lang, "form-question"),
            (FormField::Choices, QuestionKind::ShortAnswer) => t!(lang, "form-accepted"),
            (FormField::Choices, QuestionKind::Numeric) => t!(lang, "form-numbers"),
            (FormField::Choices, _) => t!(lang, "form-choices"),
            (FormField::Right, QuestionKind::TrueFalse) => t!(lang, "form-is-true"),
            (FormField::Right, QuestionKind::Multiple) => t!(lang, "form-right-letters"),
            (FormField::Right, _) => t!(lang, "form-right-letter"),
            (FormField::Explanation, _) => t!(lang, "form-explanation"),
        }
    }

    /// An example in the empty input, in `lang` (Discord allows 100 characters).
    pub fn placeholder(self, kind: QuestionKind, lang: Lang) -> String {
        match (self, kind) {
            (FormField::Choices, QuestionKind::Numeric) => "8, 8:1 (8 ± 1), 8..12".into(),
            (FormField::Choices, QuestionKind::ShortAnswer) => t!(lang, "form-accepted-hint"),
            (FormField::Choices, _) => t!(lang, "form-choices-hint"),
            (FormField::Right, QuestionKind::TrueFalse) => "false".into(),
            (FormField::Right, QuestionKind::Multiple) => "A, C".into(),
            (FormField::Right, _) => "A".into(),
            (FormField::Explanation, _) => t!(lang, "form-optional"),
            (FormField::Prompt, _) => String::new(),
        }
    }

    /// Whether it takes several lines.
    pub fn paragraph(self) -> bool {
        !matches!(self, FormField::Right)
    }

    pub fn required(self) -> bool {
        !matches!(self, FormField::Explanation)
    }

    /// The most characters it takes: the content rules' limit for that field.
    pub fn max_chars(self) -> usize {
        match self {
            FormField::Prompt => PROMPT_MAX,
            FormField::Choices => LINES_MAX,
            FormField::Right => 20,
            FormField::Explanation => EXPLANATION_MAX,
        }
    }
}

impl QuestionForm {
    /// An empty form of `kind` in `topic`.
    pub fn new(kind: QuestionKind, topic: &str) -> QuestionForm {
        QuestionForm {
            kind,
            topic: topic.to_string(),
            question_id: None,
            prompt: String::new(),
            choices: String::new(),
            right: String::new(),
            explanation: String::new(),
        }
    }

    /// The form that edits `q`; `Err` says why chat cannot (accepted answers with partial
    /// credit, feedback or patterns do not fit the form's one line per answer).
    pub fn of_question(q: &Question, lang: Lang) -> Result<QuestionForm, String> {
        let lines = |items: Vec<String>| items.join("\n");
        let (choices, right) = match &q.answer {
            AnswerKey::Single { choices, correct } => {
                (lines(choices.clone()), LETTERS[*correct].to_string())
            }
            AnswerKey::TrueFalse { correct } => (String::new(), correct.to_string()),
            AnswerKey::Multiple { choices, correct } => {
                let letters: Vec<String> =
                    correct.iter().map(|&i| LETTERS[i].to_string()).collect();
                (lines(choices.clone()), letters.join(", "))
            }
            AnswerKey::ShortAnswer { accepted } => {
                if accepted
                    .iter()
                    .any(|a| a.regex || a.credit < 1.0 || !a.feedback.is_empty())
                {
                    return Err(t!(lang, "form-too-detailed", id = q.id.as_str()));
                }
                (
                    lines(accepted.iter().map(|a| a.text.clone()).collect()),
                    String::new(),
                )
            }
            AnswerKey::Numeric { accepted } => {
                if accepted
                    .iter()
                    .any(|r| r.credit < 1.0 || !r.feedback.is_empty())
                {
                    return Err(t!(lang, "form-too-detailed", id = q.id.as_str()));
                }
                let written = accepted.iter().map(|r| match r.min == r.max {
                    true => format!("{}", r.min),
                    false => format!("{}..{}", r.min, r.max),
                });
                (lines(written.collect()), String::new())
            }
        };
        Ok(QuestionForm {
            kind: q.kind(),
            topic: q.topic.clone(),
            question_id: Some(q.id.clone()),
            prompt: q.prompt.clone(),
            choices,
            right,
            explanation: q.explanation.clone(),
        })
    }

    pub fn get(&self, field: FormField) -> &str {
        match field {
            FormField::Prompt => &self.prompt,
            FormField::Choices => &self.choices,
            FormField::Right => &self.right,
            FormField::Explanation => &self.explanation,
        }
    }

    pub fn set(&mut self, field: FormField, value: String) {
        match field {
            FormField::Prompt => self.prompt = value,
            FormField::Choices => self.choices = value,
            FormField::Right => self.right = value,
            FormField::Explanation => self.explanation = value,
        }
    }

    /// The non-empty lines of the choices input.
    pub fn lines(&self) -> Vec<String> {
        self.choices
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// Where a draft is in its life (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftState {
    Draft,
    Proposed,
    Published,
    Discarded,
}

impl DraftState {
    pub fn as_str(self) -> &'static str {
        match self {
            DraftState::Draft => "draft",
            DraftState::Proposed => "proposed",
            DraftState::Published => "published",
            DraftState::Discarded => "discarded",
        }
    }

    pub fn parse(s: &str) -> Option<DraftState> {
        [
            DraftState::Draft,
            DraftState::Proposed,
            DraftState::Published,
            DraftState::Discarded,
        ]
        .into_iter()
        .find(|d| d.as_str() == s)
    }

    /// Whether it can still change (edited, published, discarded).
    pub fn open(self) -> bool {
        matches!(self, DraftState::Draft | DraftState::Proposed)
    }
}

/// A question written in chat, not yet published.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: crate::domain::ids::DraftId,
    pub guild: GuildId,
    pub author: UserId,
    pub form: QuestionForm,
    pub state: DraftState,
    pub updated_ms: i64,
}

/// What a member may do with drafts in a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    /// Manages the server: writes, edits, publishes and retires.
    Admin,
    /// An expert where the server lets experts propose: writes drafts and proposes them.
    Expert,
}

/// Who may act on `draft`: its author while it is open, and an admin once it is proposed.
pub fn may_touch(draft: &Draft, user: UserId, author: Option<Author>) -> bool {
    draft.state.open()
        && (draft.author == user
            || (author == Some(Author::Admin) && draft.state == DraftState::Proposed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form_of(q: &Question) -> Result<QuestionForm, String> {
        QuestionForm::of_question(q, Lang::En)
    }
    use crate::domain::answer_key::{Accepted, NumericRange};

    fn question(answer: AnswerKey) -> Question {
        Question {
            id: "q1".into(),
            topic: "t".into(),
            prompt: "P?".into(),
            answer,
            explanation: "E.".into(),
            difficulty: 2,
            tracks: vec![],
            source: None,
        }
    }

    #[test]
    fn a_question_fills_its_form_when_the_form_can_hold_it() {
        let multiple = form_of(&question(AnswerKey::Multiple {
            choices: vec!["a".into(), "b".into(), "c".into()],
            correct: vec![0, 2],
        }))
        .unwrap();
        assert_eq!(
            (multiple.choices.as_str(), multiple.right.as_str()),
            ("a\nb\nc", "A, C")
        );
        assert_eq!(multiple.question_id.as_deref(), Some("q1"));
        let numeric = form_of(&question(AnswerKey::Numeric {
            accepted: vec![
                NumericRange {
                    min: 8.0,
                    max: 8.0,
                    credit: 1.0,
                    feedback: String::new(),
                },
                NumericRange {
                    min: 6.0,
                    max: 7.5,
                    credit: 1.0,
                    feedback: String::new(),
                },
            ],
        }))
        .unwrap();
        assert_eq!(numeric.choices, "8\n6..7.5");
        let detailed = form_of(&question(AnswerKey::ShortAnswer {
            accepted: vec![Accepted {
                text: "x".into(),
                regex: false,
                credit: 1.0,
                feedback: "Yes.".into(),
            }],
        }));
        assert!(detailed.unwrap_err().contains("cannot show"));
        let statement = form_of(&question(AnswerKey::TrueFalse { correct: false })).unwrap();
        assert_eq!(statement.right, "false");
        assert_eq!(FormField::of(QuestionKind::TrueFalse).len(), 3);
    }

    #[test]
    fn form_texts_fit_discord() {
        for lang in Lang::ALL {
            for kind in QuestionKind::ALL {
                for f in FormField::of(kind) {
                    let label = f.label(kind, lang);
                    assert!(label.chars().count() <= 45, "{lang:?}: {label}");
                    let placeholder = f.placeholder(kind, lang);
                    assert!(
                        placeholder.chars().count() <= 100,
                        "{lang:?}: {placeholder}"
                    );
                    assert!(f.max_chars() <= 4000);
                }
            }
        }
    }

    #[test]
    fn drafts_are_touched_by_their_author_and_proposed_ones_by_admins() {
        let mut d = Draft {
            id: crate::domain::ids::DraftId(1),
            guild: GuildId(1),
            author: UserId(7),
            form: QuestionForm::new(QuestionKind::Single, "t"),
            state: DraftState::Draft,
            updated_ms: 0,
        };
        assert!(may_touch(&d, UserId(7), Some(Author::Expert)));
        assert!(
            !may_touch(&d, UserId(8), Some(Author::Admin)),
            "a draft is its author's"
        );
        d.state = DraftState::Proposed;
        assert!(may_touch(&d, UserId(8), Some(Author::Admin)));
        assert!(!may_touch(&d, UserId(9), Some(Author::Expert)));
        d.state = DraftState::Published;
        assert!(
            !may_touch(&d, UserId(7), Some(Author::Admin)),
            "published is final"
        );
    }
}
