//! What the delivery worker and the scheduler ask of the app: the posts waiting in the outbox
//! and what became of each, the direct-message channels, the quiz posts whose message must be
//! edited, and when the next schedule is due. Thin, so that the workers never reach the store.

use super::{App, AppResult};
use crate::domain::ids::{ChannelId, MessageId, PostId, UserId};
use crate::domain::outbox::OutboxRow;
use crate::domain::quiz::QuizPost;

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
