//! What the bot's processes share besides the data: leases on work that one process at a
//! time does (`leases`), and holds on sending after Discord's global rate limit (`rate_holds`).
//! The holder renews its lease each time it works; a lease not renewed runs out, and the next
//! process to ask takes the work over. One statement claims or renews, so two processes asking
//! at once get one answer each (Postgres locks the row; SQLite has one writer). Times are the
//! machine's wall clock, not the bot's (virtual in tests): leases and rate limits are about
//! processes and Discord, which run in real time.

use super::error::StoreResult;
use super::sql::query;
use super::Store;
use crate::clock::wall_ms;
use std::time::Duration;

impl Store {
    /// This process's name in leases: its id and a random part, so that a restarted process
    /// with a reused id is someone else.
    pub fn holder(&self) -> &str {
        &self.holder
    }

    /// Claims or renews the lease `name` for `ttl`; whether this process holds it now.
    pub async fn take_lease(&self, name: &str, ttl: Duration) -> StoreResult<bool> {
        let now = wall_ms();
        let until = now.saturating_add(i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX));
        let held = query(
            "INSERT INTO leases (name, holder, until_ms) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
             WHERE leases.holder = excluded.holder OR leases.until_ms < ?4
             RETURNING holder",
        )
        .bind(name)
        .bind(self.holder.as_ref())
        .bind(until)
        .bind(now)
        .fetch_optional(&self.writer)
        .await?;
        Ok(held.is_some())
    }

    /// Gives the lease up (a clean shutdown), so that another process need not wait for it to
    /// run out.
    pub async fn release_lease(&self, name: &str) -> StoreResult<()> {
        query("DELETE FROM leases WHERE name = ? AND holder = ?")
            .bind(name)
            .bind(self.holder.as_ref())
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// On SQLite, makes this the only bot process on the file: holds a lock on `<file>.lock`
    /// (released when the returned guard drops, or by the system when the process dies). A
    /// second bot process is refused with a message saying what to do. On Postgres nothing is
    /// held: several processes share the database, dividing the work with leases.
    pub fn claim_sole_bot(&self) -> Result<Option<std::fs::File>, String> {
        let Some(path) = self.path() else {
            return Ok(None);
        };
        let mut lock_path = path.as_os_str().to_owned();
        lock_path.push(".lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| format!("cannot open the lock file {}: {e}", lock_path.display()))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(file)),
            Err(std::fs::TryLockError::WouldBlock) => Err(format!(
                "another peerlearn bot is running on the database {}: one bot process per SQLite \
                 file. Stop the other one, or run several processes (each with its own \
                 discord.shards range) on Postgres (database.url).",
                path.display()
            )),
            Err(std::fs::TryLockError::Error(e)) => {
                Err(format!("cannot lock {}: {e}", lock_path.display()))
            }
        }
    }

    /// Nobody of this bot sends before `until_ms` (wall clock; a later hold already stored
    /// stands).
    pub async fn hold_requests_until(&self, until_ms: i64) -> StoreResult<()> {
        query(
            "INSERT INTO rate_holds (scope, until_ms) VALUES ('global', ?1)
             ON CONFLICT (scope) DO UPDATE SET until_ms = excluded.until_ms
             WHERE rate_holds.until_ms < excluded.until_ms",
        )
        .bind(until_ms)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// Until when (wall clock, ms) sending is held, if it is now.
    pub async fn requests_held_until(&self) -> StoreResult<Option<i64>> {
        Ok(super::sql::query_scalar(
            "SELECT until_ms FROM rate_holds WHERE scope = 'global' AND until_ms > ?",
        )
        .bind(wall_ms())
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Who holds `name` now, if anyone does (a lease run out is held by nobody).
    pub async fn lease_holder(&self, name: &str) -> StoreResult<Option<String>> {
        Ok(
            super::sql::query_scalar("SELECT holder FROM leases WHERE name = ? AND until_ms >= ?")
                .bind(name)
                .bind(wall_ms())
                .fetch_optional(&self.pool)
                .await?,
        )
    }
}
