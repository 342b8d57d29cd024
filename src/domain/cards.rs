//! Flashcards: a front and a back, self-graded in chat ("Show answer", then "I knew it" /
//! "Not yet"), feeding the same memory model as questions (knew = Good, not yet = Again).
//!
//! Two origins: **content cards** come from content files (`[[card]]`) and anyone may practise
//! them; **answer cards** are made from an accepted answer (front: the question as asked; back:
//! the answer, credited to its author, with a link to the thread) and given to the members it
//! helped: the asker, members whose `/ask` it solved, members who followed the question.
//!
//! A self-grade is not a measurement: cards never count in accuracy, knowledge checks, boards'
//! right answers or competency. Grading "I knew it" earns the same points as "Not yet", so
//! nobody gains by claiming to know.

use crate::domain::content::PROMPT_MAX;
use crate::domain::format::fit;
use crate::domain::ids::{CardId, GuildId, KbId, UserId};
use crate::domain::memory::Grade;
use serde::{Deserialize, Serialize};

/// Longest card front, in characters (as a question's prompt).
pub const FRONT_MAX: usize = PROMPT_MAX;
/// Longest card back, in characters (an accepted answer holds up to a message's 2,000).
pub const BACK_MAX: usize = 2000;

/// A card as a content file defines it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentCard {
    pub id: String,
    pub topic: String,
    pub front: String,
    pub back: String,
    /// Role tracks it belongs to, as a question's (an Anki note's tags).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<String>,
    pub source: Option<String>,
}

/// Where a card comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum CardOrigin {
    /// A content file, under this id.
    Content(String),
    /// An accepted answer, written by `author`.
    Answer { kb: KbId, author: UserId },
}

/// A card as it is served now.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: CardId,
    pub guild: GuildId,
    pub origin: CardOrigin,
    pub topic: String,
    /// The topic's name (its id when the topic is not in the content, e.g. "general").
    pub topic_name: String,
    pub front: String,
    pub back: String,
    pub source: Option<String>,
    pub version: i64,
    /// The topic's desired retention, if it sets one.
    pub desired_retention: Option<f64>,
    pub retired: bool,
}

impl Card {
    /// The key of a member's memory of this card (question ids cannot contain ':').
    pub fn memory_key(&self) -> String {
        memory_key(self.id)
    }

    /// Whether it was made from an answer (and so is personal to the members it helped).
    pub fn is_personal(&self) -> bool {
        matches!(self.origin, CardOrigin::Answer { .. })
    }
}

/// The key of a member's memory of card `id` in the memory table.
pub fn memory_key(id: CardId) -> String {
    format!("card:{id}")
}

/// A member's verdict after seeing the back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelfGrade {
    Knew,
    NotYet,
}

impl SelfGrade {
    /// The grade the memory model gets.
    pub fn grade(self) -> Grade {
        match self {
            SelfGrade::Knew => Grade::Good,
            SelfGrade::NotYet => Grade::Again,
        }
    }

    pub fn knew(self) -> bool {
        self == SelfGrade::Knew
    }
}

/// Why a member holds an answer card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoldReason {
    /// It answers their own question.
    Asked,
    /// It solved their `/ask` from the knowledge base.
    Helped,
    /// They followed the question it answered.
    Followed,
}

impl HoldReason {
    pub fn as_str(self) -> &'static str {
        match self {
            HoldReason::Asked => "asked",
            HoldReason::Helped => "helped",
            HoldReason::Followed => "followed",
        }
    }

    pub fn parse(s: &str) -> Option<HoldReason> {
        Some(match s {
            "asked" => HoldReason::Asked,
            "helped" => HoldReason::Helped,
            "followed" => HoldReason::Followed,
            _ => return None,
        })
    }
}

/// The texts of an answer card: the question as asked (fitted to [`FRONT_MAX`]) and the
/// answer (fitted to [`BACK_MAX`]).
pub fn answer_card_texts(question: &str, answer: &str) -> (String, String) {
    (
        fit(question.trim(), FRONT_MAX),
        fit(answer.trim(), BACK_MAX),
    )
}

/// A card a member holds or may practise, with their memory of it (for selection).
#[derive(Debug, Clone, PartialEq)]
pub struct CardCandidate {
    pub id: CardId,
    pub topic: String,
    /// Its role tracks (a content card's; none for an answer card).
    pub tracks: Vec<String>,
    /// Their memory of it; `None` when they never graded it.
    pub memory: Option<crate::domain::memory::Memory>,
    /// For an answer card they hold and never graded: the day it first comes up.
    pub first_due: Option<chrono::NaiveDate>,
}

/// A guild's answer cards at a glance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CardTotals {
    /// Cards made from accepted answers.
    pub made: i64,
    /// Times one was given to a member (asked, helped or followed).
    pub given: i64,
    /// Self-grades on any card, and how many said "I knew it".
    pub grades: i64,
    pub knew: i64,
}

/// A self-grade to record.
#[derive(Debug, Clone)]
pub struct NewCardReview {
    pub guild: GuildId,
    pub user: UserId,
    pub card: CardId,
    /// The card's version that was shown.
    pub version: i64,
    pub topic: String,
    /// Review or practice (a card is never a channel post).
    pub source: crate::domain::quiz::AnswerSource,
    pub grade: SelfGrade,
    /// When the card was shown: it makes the attempt unique.
    pub shown_ms: i64,
    pub answered_ms: i64,
    pub local_day: chrono::NaiveDate,
    pub season_weeks: u32,
}

/// What recording a self-grade did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CardResult {
    Graded(crate::domain::quiz::Scored),
    /// The member had already graded this showing: their first grade.
    AlreadyGraded(SelfGrade),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knowing_is_good_and_not_yet_is_again() {
        assert_eq!(SelfGrade::Knew.grade(), Grade::Good);
        assert_eq!(SelfGrade::NotYet.grade(), Grade::Again);
    }

    #[test]
    fn answer_cards_fit_the_limits() {
        let (front, back) = answer_card_texts(&"q".repeat(3000), &"a".repeat(5000));
        assert_eq!(front.chars().count(), FRONT_MAX);
        assert_eq!(back.chars().count(), BACK_MAX);
        assert_eq!(
            answer_card_texts(" Why? ", " Because. "),
            ("Why?".into(), "Because.".into())
        );
    }

    #[test]
    fn memory_keys_cannot_meet_question_ids() {
        assert_eq!(memory_key(CardId(7)), "card:7");
        assert!(crate::domain::content::check_id("card:7", crate::i18n::Lang::En).is_err());
        for r in [HoldReason::Asked, HoldReason::Helped, HoldReason::Followed] {
            assert_eq!(HoldReason::parse(r.as_str()), Some(r));
        }
    }
}
