//! Small id newtypes, so that a guild id is never passed where a user id belongs (nor a channel
//! where a message belongs, nor a quiz post where a question version belongs) and the code
//! inside `app/`, `store/` and `domain/` never sees a Discord library type.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub u64);

        impl $name {
            /// The id as SQLite stores it (snowflakes fit in a signed 64-bit integer).
            pub fn to_db(self) -> i64 {
                self.0 as i64
            }

            pub fn from_db(v: i64) -> Self {
                Self(v as u64)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// A Discord server.
    GuildId
);
id_type!(
    /// A Discord user (a member of one or more guilds).
    UserId
);
id_type!(
    /// A Discord channel: a text channel, a thread or a direct-message channel.
    ChannelId
);
id_type!(
    /// A Discord message.
    MessageId
);
id_type!(
    /// A Discord role (role tracks, teams).
    RoleId
);

/// Ids of the bot's own rows (SQLite row ids).
macro_rules! row_id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub i64);

        impl $name {
            pub fn to_db(self) -> i64 {
                self.0
            }

            pub fn from_db(v: i64) -> Self {
                Self(v)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

row_id_type!(
    /// A quiz posted in a channel (`quiz_posts.id`).
    PostId
);
row_id_type!(
    /// One version of a question as it was asked (`question_versions.id`).
    VersionId
);
row_id_type!(
    /// A flashcard (`cards.id`).
    CardId
);
row_id_type!(
    /// An accepted answer in the knowledge base (`kb_entries.id`).
    KbId
);
row_id_type!(
    /// A question written in chat, not yet published (`question_drafts.id`).
    DraftId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowflakes_round_trip_through_the_database_type() {
        let g = GuildId(1_234_567_890_123_456_789);
        assert_eq!(GuildId::from_db(g.to_db()), g);
        assert_eq!(g.to_string(), "1234567890123456789");
    }
}
