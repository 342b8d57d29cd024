//! What the delivery worker and the scheduler ask of the app: the posts waiting in the outbox
//! and what became of each, the direct-message channels, the quiz posts whose message must be
//! edited, when the next schedule is due, and the lease ([`Claim`]) under which one process at
//! a time does each of those jobs. Thin, so that the workers never reach the store.

use super::{App, AppResult};
use crate::domain::ids::{ChannelId, MessageId, PostId, UserId};
use crate::domain::outbox::OutboxRow;
use crate::domain::quiz::QuizPost;
use std::time::{Duration, Instant};

/// Work that one process at a time does: every process runs the workers, and the one holding
/// the work's lease does it (see the store's leases). With one process it is always that one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SoleWork {
    /// The scheduler's passes: schedules, follow-ups, reminders, purges, fits, figures.
    Scheduler,
    /// Sending the outbox and keeping quiz posts current.
    Delivery,
}

impl SoleWork {
    fn lease_name(self) -> &'static str {
        match self {
            SoleWork::Scheduler => "scheduler",
            SoleWork::Delivery => "delivery",
        }
    }
}

impl App {
    /// Another process must not send before `until_ms` (wall clock): a global rate limit met.
    pub async fn share_request_hold(&self, until_ms: i64) -> AppResult<()> {
        Ok(self.store.hold_requests_until(until_ms).await?)
    }

    /// Until when (wall clock, ms) a global rate limit met by any process holds sending.
    pub async fn request_hold(&self) -> AppResult<Option<i64>> {
        Ok(self.store.requests_held_until().await?)
    }
}

/// How long a lease lasts unless renewed: the longest a process that died holds its work back
/// from the others.
pub const LEASE_TTL: Duration = Duration::from_secs(15);

/// A process's claim on sole work, renewed as the work goes on: asking [`Claim::held`] renews
/// the lease once a third of it has passed, so a process that stops asking (it died) loses it.
#[derive(Debug)]
pub struct Claim {
    work: SoleWork,
    renewed: Option<Instant>,
}

impl Claim {
    pub fn on(work: SoleWork) -> Claim {
        Claim {
            work,
            renewed: None,
        }
    }

    /// Whether this process may do the work now (renewing or taking the lease as needed). A
    /// database error counts as not held: the work waits rather than risk being done twice.
    pub async fn held(&mut self, app: &App) -> bool {
        if self.renewed.is_some_and(|t| t.elapsed() < LEASE_TTL / 3) {
            return true;
        }
        let taken = app
            .store
            .take_lease(self.work.lease_name(), LEASE_TTL)
            .await;
        match taken {
            Ok(true) => {
                if self.renewed.is_none() {
                    tracing::info!(work = ?self.work, "this process does the work now");
                }
                self.renewed = Some(Instant::now());
                true
            }
            Ok(false) => {
                if self.renewed.is_some() {
                    tracing::warn!(work = ?self.work, "another process took the work over");
                }
                self.renewed = None;
                false
            }
            Err(e) => {
                tracing::error!(error = %e, work = ?self.work, "cannot renew the lease; pausing the work");
                self.renewed = None;
                false
            }
        }
    }

    /// Gives the work up at a clean shutdown, so another process takes it over at once.
    pub async fn release(&mut self, app: &App) {
        if self.renewed.take().is_some() {
            if let Err(e) = app.store.release_lease(self.work.lease_name()).await {
                tracing::warn!(error = %e, work = ?self.work, "could not release the lease");
            }
        }
    }
}

impl App {
    /// The oldest posts waiting for delivery, at most `limit`.
    pub async fn pending_posts(&self, limit: u32) -> AppResult<Vec<OutboxRow>> {
        Ok(self.store.pending_posts(limit).await?)
    }

    /// A post was delivered as `message_id` (a quiz post's window starts now).
    pub async fn post_delivered(&self, outbox_id: i64, message_id: MessageId) -> AppResult<()> {
        let now = self.clock.now_ms();
        Ok(self
            .store
            .mark_delivered(outbox_id, message_id, now)
            .await?)
    }

    /// An attempt failed with `error`; `give_up` drops the post for good.
    pub async fn post_failed(&self, outbox_id: i64, error: &str, give_up: bool) -> AppResult<()> {
        Ok(self
            .store
            .mark_attempt_failed(outbox_id, error, give_up)
            .await?)
    }

    /// The direct-message channel opened earlier with `user`, if any.
    pub async fn dm_channel(&self, user: UserId) -> AppResult<Option<ChannelId>> {
        Ok(self.store.dm_channel(user).await?)
    }

    /// Keeps the direct-message channel opened with `user`.
    pub async fn dm_channel_opened(&self, user: UserId, channel: ChannelId) -> AppResult<()> {
        Ok(self.store.save_dm_channel(user, channel).await?)
    }

    /// Delivered quiz posts whose message shows an old count or should now be revealed.
    pub async fn posts_needing_edit(&self) -> AppResult<Vec<QuizPost>> {
        let now = self.clock.now_ms();
        Ok(self.store.posts_needing_edit(now).await?)
    }

    /// The message of a quiz post now shows `shown_count` answers (and the reveal, if
    /// `revealed`).
    pub async fn post_edited(
        &self,
        post: PostId,
        shown_count: i64,
        revealed: bool,
    ) -> AppResult<()> {
        let revealed_ms = revealed.then(|| self.clock.now_ms());
        Ok(self
            .store
            .mark_post_edited(post, shown_count, revealed_ms)
            .await?)
    }

    /// When the next schedule is due (ms), if any is.
    pub async fn next_schedule_run_ms(&self) -> AppResult<Option<i64>> {
        Ok(self.store.earliest_next_run().await?)
    }

    /// The database's size (a SQLite file and its write-ahead log, or a Postgres database),
    /// for `/about`.
    pub async fn database_bytes(&self) -> u64 {
        self.store.size_bytes().await
    }
}
