//! Servers and their members as the bot knows them, and the Q&A settings of a server.

use crate::domain::ids::{ChannelId, GuildId, UserId};
use crate::i18n::Lang;

/// A server as the bot last saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct GuildRow {
    pub id: GuildId,
    pub name: String,
    pub timezone: Option<String>,
    pub first_seen_ms: i64,
}

/// A server's languages: the one an admin set, and Discord's community language.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct GuildLanguage {
    /// Set with `/config language`.
    pub set: Option<Lang>,
    /// The server's preferred locale on Discord, when shipped.
    pub discord: Option<Lang>,
}

impl GuildLanguage {
    /// The language of the server's channel posts: the one set, else Discord's, else English.
    pub fn lang(self) -> Lang {
        self.set.or(self.discord).unwrap_or_default()
    }

    /// The language of a member's DMs: their Discord language as last seen, else the server's.
    pub fn for_member(self, member: Option<Lang>) -> Lang {
        member.unwrap_or(self.lang())
    }
}

/// A member of a server as the bot last saw them.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow {
    pub guild_id: GuildId,
    pub user_id: UserId,
    pub display_name: String,
    pub first_seen_ms: i64,
    pub last_seen_ms: i64,
}

/// Where a guild's questions go and how long experts have to reply; `None` = not set.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct QaSettings {
    pub qa_channel: Option<ChannelId>,
    pub admin_channel: Option<ChannelId>,
    pub escalation_after_minutes: Option<i64>,
}

/// A guild setting of the Q&A flow that `/config` changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QaSetting {
    QaChannel,
    AdminChannel,
    EscalationMinutes,
}
