//! The outbox worker: sends queued posts in order, paced under Discord's limits, and keeps
//! quiz posts current (live answer count in batches, the reveal when the window closes).
//!
//! - 429: waits `retry_after` and tries again (not counted as a failed attempt).
//! - 5xx and network errors: backs off exponentially, gives up after `delivery.max_attempts`.
//! - Other 4xx (no access, unknown channel): gives up at once; the reason is logged and kept.
//!
//! Never twice: every post carries a nonce derived from its outbox id with `enforce_nonce`, so
//! if the bot dies after Discord accepted a post but before it was marked sent, the retry after
//! the restart returns the existing message instead of creating a second one.

use crate::app::message::OutMessage;
use crate::app::App;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{watch, Notify};

/// Why a send failed.
#[derive(Debug, Clone, PartialEq)]
pub enum SendError {
    /// 429: try again after this long.
    RateLimited(Duration),
    /// Worth retrying later (5xx, network).
    Transient(String),
    /// Retrying will not help (403, 404, invalid body).
    Permanent(String),
}

/// Where posts go: the Discord adapter in production.
pub trait ChatPort: Send + Sync + 'static {
    /// Posts a message; returns its id.
    fn post(
        &self,
        channel: u64,
        message: &OutMessage,
        nonce: &str,
    ) -> impl Future<Output = Result<u64, SendError>> + Send;
    /// Replaces a message's text, embed and buttons.
    fn edit(
        &self,
        channel: u64,
        message_id: u64,
        message: &OutMessage,
    ) -> impl Future<Output = Result<(), SendError>> + Send;
}

/// The nonce for an outbox row (Discord allows 25 characters).
pub fn nonce_for(outbox_id: i64) -> String {
    format!("pl-ob-{outbox_id}")
}

/// Exponential backoff: 0.5 s, 1 s, 2 s … capped at 30 s.
fn backoff(attempts: i64) -> Duration {
    let exp = attempts.clamp(0, 6) as u32;
    Duration::from_millis((500u64 << exp).min(30_000))
}

/// Runs until `shutdown` turns true; `wake` is notified when something was queued or answered.
pub async fn run<P: ChatPort>(
    app: App,
    port: P,
    wake: Arc<Notify>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut worker = Worker {
        app,
        port,
        last_count_edit: HashMap::new(),
    };
    let mut ticker = worker.app.clock.ticker();
    loop {
        if let Err(e) = worker.deliver_pending(&mut shutdown).await {
            tracing::error!(error = %e, "delivery pass failed; retrying");
        }
        if let Err(e) = worker.refresh_quiz_posts().await {
            tracing::error!(error = %e, "quiz post refresh failed; retrying");
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = ticker.wait(Duration::from_secs(1)) => {}
            _ = shutdown.changed() => return,
        }
        if *shutdown.borrow() {
            return;
        }
    }
}

struct Worker<P> {
    app: App,
    port: P,
    /// When each open post's count was last edited (edits are batched).
    last_count_edit: HashMap<i64, Instant>,
}

impl<P: ChatPort> Worker<P> {
    async fn deliver_pending(&mut self, shutdown: &mut watch::Receiver<bool>) -> sqlx::Result<()> {
        let pace = Duration::from_millis(u64::from(self.app.settings.delivery.min_interval_ms));
        let max_attempts = i64::from(self.app.settings.delivery.max_attempts);
        let store = self.app.store.clone();
        while let Some(row) = store.next_pending_post().await? {
            if *shutdown.borrow() {
                return Ok(());
            }
            let rendered = match self.app.render_post(row.id, &row.payload).await {
                Ok(Some(r)) => r,
                Ok(None) => {
                    store
                        .mark_attempt_failed(row.id, "nothing to render", true)
                        .await?;
                    continue;
                }
                Err(e) => {
                    tracing::error!(outbox = row.id, error = %e, "cannot render post");
                    tokio::time::sleep(backoff(row.attempts)).await;
                    continue;
                }
            };
            let (message, _quiz_post) = rendered;
            match self
                .port
                .post(row.channel_id, &message, &nonce_for(row.id))
                .await
            {
                Ok(message_id) => {
                    store
                        .mark_delivered(row.id, message_id, self.app.clock.now_ms())
                        .await?;
                    tracing::info!(
                        outbox = row.id,
                        channel = row.channel_id,
                        message = message_id,
                        "post delivered"
                    );
                }
                Err(SendError::RateLimited(wait)) => {
                    tracing::warn!(
                        outbox = row.id,
                        retry_after_ms = wait.as_millis() as u64,
                        "rate limited by Discord; waiting"
                    );
                    tokio::select! {
                        _ = tokio::time::sleep(wait) => {}
                        _ = shutdown.changed() => return Ok(()),
                    }
                    continue;
                }
                Err(SendError::Transient(e)) => {
                    let give_up = row.attempts + 1 >= max_attempts;
                    store.mark_attempt_failed(row.id, &e, give_up).await?;
                    if give_up {
                        tracing::error!(outbox = row.id, attempts = row.attempts + 1, error = %e, "post given up after repeated failures");
                    } else {
                        let wait = backoff(row.attempts);
                        tracing::warn!(outbox = row.id, error = %e, retry_in_ms = wait.as_millis() as u64, "post failed; will retry");
                        tokio::select! {
                            _ = tokio::time::sleep(wait) => {}
                            _ = shutdown.changed() => return Ok(()),
                        }
                    }
                    continue;
                }
                Err(SendError::Permanent(e)) => {
                    store.mark_attempt_failed(row.id, &e, true).await?;
                    tracing::error!(outbox = row.id, channel = row.channel_id, error = %e, "post cannot be delivered (check the bot's access to the channel)");
                    continue;
                }
            }
            tokio::time::sleep(pace).await;
        }
        Ok(())
    }

    /// Edits posts whose count changed (at most every `count_edit_interval_seconds`) and reveals
    /// closed ones.
    async fn refresh_quiz_posts(&mut self) -> sqlx::Result<()> {
        let now_ms = self.app.clock.now_ms();
        let interval = Duration::from_secs(u64::from(
            self.app.settings.quiz.count_edit_interval_seconds,
        ));
        let store = self.app.store.clone();
        for post in store.posts_needing_edit(now_ms).await? {
            let Some(message_id) = post.message_id else {
                continue;
            };
            let reveal = post.closes_ms <= now_ms;
            if !reveal {
                let recent = self
                    .last_count_edit
                    .get(&post.id)
                    .is_some_and(|t| t.elapsed() < interval);
                if recent {
                    continue;
                }
            }
            let message = match self.app.render_quiz_post(&post, reveal).await {
                Ok(m) => m,
                Err(e) => {
                    tracing::error!(post = post.id, error = %e, "cannot render quiz post");
                    continue;
                }
            };
            match self.port.edit(post.channel_id, message_id, &message).await {
                Ok(()) => {
                    let revealed_ms = reveal.then_some(now_ms);
                    store
                        .mark_post_edited(post.id, post.answer_count, revealed_ms)
                        .await?;
                    if reveal {
                        self.last_count_edit.remove(&post.id);
                    } else {
                        self.last_count_edit.insert(post.id, Instant::now());
                    }
                }
                Err(SendError::RateLimited(wait)) => {
                    tokio::time::sleep(wait).await;
                    return Ok(());
                }
                Err(SendError::Transient(e)) => {
                    tracing::warn!(post = post.id, error = %e, "quiz post edit failed; will retry");
                }
                Err(SendError::Permanent(e)) => {
                    // The message is gone or out of reach: stop trying.
                    tracing::warn!(post = post.id, error = %e, "quiz post can no longer be edited");
                    store
                        .mark_post_edited(post.id, post.answer_count, Some(now_ms))
                        .await?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_fit_discord_and_backoff_grows_to_a_cap() {
        assert!(nonce_for(i64::MAX).len() <= 25);
        assert_eq!(backoff(0), Duration::from_millis(500));
        assert_eq!(backoff(1), Duration::from_secs(1));
        assert_eq!(backoff(50), Duration::from_secs(30));
    }
}
