//! The store's errors. Callers see what went wrong in the store's own words, never the
//! database driver's types, so that the app does not depend on one engine.

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database refused or failed a statement (the driver's message is kept).
    #[error("{0}")]
    Db(String),
    /// The writer task has stopped: the store is closing.
    #[error("the database writer has stopped")]
    WriterStopped,
    /// The write was done but the group of writes it belonged to did not commit.
    #[error("not saved: {0}")]
    NotCommitted(String),
    /// A value could not be bound to a statement.
    #[error("cannot store a value: {0}")]
    BadValue(String),
    /// A stored value this version of peerlearn does not know (a row written by a newer
    /// version, or edited by hand).
    #[error("unknown {what} {value:?} in the database")]
    Unknown { what: &'static str, value: String },
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        StoreError::Db(e.to_string())
    }
}

/// A store operation's result.
pub type StoreResult<T> = Result<T, StoreError>;
