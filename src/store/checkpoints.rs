//! Background checkpoints. In WAL mode every commit appends the pages it changed to the log,
//! and a checkpoint copies them back into the database file and syncs it. Left to SQLite, the
//! connection that commits past a threshold does that work before its commit returns, so a
//! click now and then waits for a whole checkpoint. Here a connection of its own checkpoints
//! twice a second without blocking the writer (`PASSIVE`), and the writer's own threshold
//! ([`WRITER_AUTOCHECKPOINT_PAGES`]) stays only as a backstop should this task fall behind.

use super::sql::query;
use sqlx::{AnyPool, Row};
use std::time::Duration;

/// Pages in the log before the writer checkpoints itself (64 MiB at 4 KiB pages).
pub(super) const WRITER_AUTOCHECKPOINT_PAGES: &str = "16384";

/// How often the log is checkpointed.
const EVERY: Duration = Duration::from_millis(500);

/// Until `conn` is closed: checkpoints what the log holds, without waiting for readers or
/// the writer.
pub(super) async fn run(conn: AnyPool) {
    let mut every = tokio::time::interval(EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if conn.is_closed() {
            return;
        }
        let result = query("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&conn)
            .await;
        match result {
            Ok(r) => {
                // SQLite names the columns busy, log (pages in the log) and checkpointed.
                let (log_pages, copied): (i64, i64) = (r.get("log"), r.get("checkpointed"));
                tracing::trace!(log_pages, copied, "checkpoint");
            }
            Err(_) if conn.is_closed() => return,
            Err(e) => tracing::warn!(error = %e, "a background checkpoint failed; trying again"),
        }
    }
}
