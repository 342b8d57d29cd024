//! The records of `/ask`: a question's state and row, the log's events, where a question was
//! routed, its follow-ups and resolution. The rules live in `domain::routing` and the use
//! cases in `app::asks`; the store reads and writes these.

use crate::domain::boards::BoardKeys;
use crate::domain::ids::{ChannelId, GuildId, KbId, UserId};
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskState {
    /// Knowledge-base matches were shown; the asker has not said whether they helped.
    Searching,
    /// A match solved it.
    Deflected,
    /// Routed to a thread, waiting for an answer.
    Open,
    Resolved,
    Abandoned,
}

/// Entries of the knowledge-exchange log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Asked,
    Deflected,
    Routed,
    Unassigned,
    FirstResponse,
    Escalated,
    AdminsTold,
    Nudged,
    Resolved,
    Abandoned,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AskRow {
    pub id: i64,
    pub guild: GuildId,
    pub asker: UserId,
    pub text: String,
    pub topic_id: Option<String>,
    pub state: AskState,
    pub thread_id: Option<ChannelId>,
    pub expert: Option<UserId>,
    pub assigned_ms: Option<i64>,
    pub escalations: u32,
    pub admins_told_ms: Option<i64>,
    pub first_response_ms: Option<i64>,
    pub nudged_ms: Option<i64>,
    pub kb_id: Option<KbId>,
    pub created_ms: i64,
}

/// A message to queue for delivery: (channel, payload JSON).
pub type QueuedPost = (ChannelId, String);

/// Where a question went when it was routed.
#[derive(Debug, Clone)]
pub struct Routing {
    pub topic_id: String,
    pub thread_id: ChannelId,
    /// `None`: nobody was available.
    pub expert: Option<UserId>,
    pub posts: Vec<QueuedPost>,
}

/// A step taken for an open question that nobody answered in time.
#[derive(Debug, Clone)]
pub enum FollowUp {
    /// The next expert was asked.
    Escalate { to: UserId },
    /// The admins were told (after the last escalation).
    TellAdmins,
    /// The asker was reminded to mark the answer.
    Nudge,
    /// Closed without an answer.
    Abandon,
}

/// How a question was closed with an answer.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// The answer's text and author, for the knowledge base (none: closed without one).
    pub answer: Option<(String, UserId)>,
    pub accepted_by: UserId,
    /// Points for the author of the answer (0 when they asked the question themself).
    pub points: i64,
    /// Points for the asker, whose question became knowledge (0 for their own answer).
    pub asker_points: i64,
    /// The guild-local day, and the board periods the points count in.
    pub day: NaiveDate,
    pub board_keys: BoardKeys,
    /// A link to the question's thread, for the answer's card.
    pub thread_link: Option<String>,
}

/// What [`Store::resolve_ask`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveOutcome {
    Resolved {
        kb_id: Option<KbId>,
        /// Members who followed the question (they got its card too).
        followers: Vec<UserId>,
    },
    /// It was resolved (or closed) before.
    NotOpen,
}

impl Event {
    pub fn as_str(self) -> &'static str {
        match self {
            Event::Asked => "asked",
            Event::Deflected => "deflected",
            Event::Routed => "routed",
            Event::Unassigned => "unassigned",
            Event::FirstResponse => "first_response",
            Event::Escalated => "escalated",
            Event::AdminsTold => "admins_told",
            Event::Nudged => "nudged",
            Event::Resolved => "resolved",
            Event::Abandoned => "abandoned",
        }
    }
}
