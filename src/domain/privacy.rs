//! What a member can ask to see of their data (`/privacy export`), what deleting it removes,
//! and what a retention purge removed: the records the store fills and the app shows.

use serde::Serialize;

/// Everything stored about one member in one server. Discord ids are strings (they do not
/// fit a JSON number exactly).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MemberExport {
    pub server_id: String,
    pub user_id: String,
    pub profile: Option<Profile>,
    pub roles_seen: Vec<String>,
    pub review_preferences: Option<Preferences>,
    pub progress: Option<ProgressRow>,
    pub answers: Vec<AnswerRow>,
    pub review_schedule: Vec<MemoryRow>,
    pub points: Vec<PointRow>,
    pub competency: Vec<CompetencyRow>,
    pub expert_topics: Vec<ExpertTopic>,
    pub away: Option<AwayRow>,
    pub questions_asked: Vec<AskedRow>,
    pub questions_assigned: Vec<AssignedRow>,
    pub knowledge_written: Vec<KnowledgeRow>,
    /// The experiments they were in, and their arm.
    pub experiments: Vec<ExperimentRow>,
    /// Answer cards they were given, and their self-grades on any card.
    pub cards_held: Vec<CardHeldRow>,
    pub card_grades: Vec<CardGradeRow>,
    /// Open questions they followed instead of asking again.
    pub questions_followed: Vec<FollowedRow>,
    /// Peer pairings they were in.
    pub pairings: Vec<PairingExportRow>,
    /// Questions they wrote in chat, as their forms were last submitted.
    pub question_drafts: Vec<DraftExportRow>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DraftExportRow {
    /// draft, proposed, published or discarded.
    pub state: String,
    /// The form as JSON (kind, topic, prompt, choices, right answer, explanation).
    pub form: String,
    pub written_at: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PairingExportRow {
    pub topic_id: String,
    /// The one brushing up on the topic (else the one who knows it).
    pub as_learner: bool,
    pub paired_at: String,
    pub talked_at: Option<String>,
    pub skipped_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CardHeldRow {
    pub card_id: i64,
    pub front: String,
    /// "asked", "helped" or "followed".
    pub reason: String,
    pub given_at: String,
    pub first_due_day: String,
    pub dropped_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CardGradeRow {
    pub graded_at: String,
    pub day: String,
    pub source: String,
    pub card_id: i64,
    pub front: String,
    pub knew_it: bool,
    pub points: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FollowedRow {
    pub question_id: i64,
    pub followed_at: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ExperimentRow {
    pub started: String,
    pub ends_day: String,
    /// `None`: every topic.
    pub topic_id: Option<String>,
    /// In the holdout arm: no review reminders for the topic while it ran.
    pub holdout: bool,
    pub assigned_at: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Profile {
    pub display_name: String,
    pub first_seen: String,
    pub last_seen: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Preferences {
    pub reviews_on: bool,
    pub delivery: String,
    pub paused_until: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProgressRow {
    pub points: i64,
    pub streak_days: i64,
    pub best_streak: i64,
    pub last_day: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AnswerRow {
    pub answered_at: String,
    pub day: String,
    pub source: String,
    pub question_id: String,
    pub question: String,
    pub choice: String,
    pub correct: bool,
    pub seconds_to_answer: f64,
    pub points: i64,
    /// A knowledge check: a question drawn at random from the whole bank.
    pub knowledge_check: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MemoryRow {
    pub question_id: String,
    pub stability_days: f64,
    pub difficulty: f64,
    pub last_review_day: String,
    pub due_day: String,
    pub reviews: i64,
    pub lapses: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PointRow {
    pub at: String,
    pub kind: String,
    pub points: i64,
    pub topic_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CompetencyRow {
    pub topic_id: String,
    pub first_day: String,
    pub reached_day: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ExpertTopic {
    pub topic_id: String,
    pub since: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AwayRow {
    pub since: String,
    pub until: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AskedRow {
    pub id: i64,
    pub asked_at: String,
    pub text: String,
    pub topic_id: Option<String>,
    pub state: String,
    pub closed_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AssignedRow {
    pub question_id: i64,
    pub assigned_at: String,
    pub responded_at: Option<String>,
    pub outcome: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct KnowledgeRow {
    pub id: i64,
    pub created_at: String,
    pub question: String,
    pub answer: String,
    pub wrote_the_answer: bool,
    pub accepted_it: bool,
}

/// What forgetting a member changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forgotten {
    /// Personal rows deleted (profile, preferences, progress, review schedule, points …).
    pub deleted: u64,
    /// Rows kept without a link to the member (answers, asks, knowledge, assignments).
    pub anonymised: u64,
}

/// Raw events a retention purge deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub answers: u64,
    /// Self-grades on flashcards.
    pub card_grades: u64,
    pub points: u64,
    pub question_events: u64,
    pub closed_questions: u64,
    pub sent_posts: u64,
}

impl Purged {
    pub fn total(&self) -> u64 {
        self.answers
            + self.card_grades
            + self.points
            + self.question_events
            + self.closed_questions
            + self.sent_posts
    }
}
