//! Small id newtypes, so that a guild id is never passed where a user id belongs and the
//! code inside `app/`, `store/` and `domain/` never sees a Discord library type.

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
