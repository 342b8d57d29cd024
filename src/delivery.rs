//! The outbox worker: sends queued posts in order and keeps quiz posts current (live answer
//! count in batches, the reveal when the window closes). The port paces every request under
//! Discord's global limit (`discord::pacer`); the worker handles what still comes back:
//!
//! - 429: waits `retry_after` and tries again (not counted as a failed attempt). A channel's own
//!   limit holds back only that channel's posts; the global limit holds back all.
//! - 5xx and network errors: backs off exponentially, gives up after `delivery.max_attempts`.
//! - Other 4xx (no access, unknown channel): gives up at once; the reason is logged and kept.
//!
//! Never twice: every post carries a nonce derived from its outbox id with `enforce_nonce`, so
//! if the bot dies after Discord accepted a post but before it was marked sent, the retry after
//! the restart returns the existing message instead of creating a second one.
//!
//! Every process runs this worker; the one holding the delivery lease ([`Claim`]) sends, the
//! others wait, and take over (the same nonces) when it stops renewing it.

use crate::app::outbox::{Claim, SoleWork};
use crate::app::port::{ChatPort, SendError};
use crate::app::{App, AppResult};
use crate::domain::ids::{ChannelId, PostId, UserId};
use crate::domain::outbox::OutboxRow;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};
use tokio::sync::watch;
use tracing::Instrument as _;

/// The nonce for an outbox row (Discord allows 25 characters).
pub fn nonce_for(outbox_id: i64) -> String {
    format!("pl-ob-{outbox_id}")
}

/// Exponential backoff: 0.5 s, 1 s, 2 s … capped at 30 s.
fn backoff(attempts: i64) -> Duration {
    let exp = attempts.clamp(0, 6) as u32;
    Duration::from_millis((500u64 << exp).min(30_000))
}

/// Runs until `shutdown` turns true; a use case that queues a post or changes a quiz post's
/// count wakes it ([`App::delivery_wanted`]).
pub async fn run<P: ChatPort>(app: App, port: P, mut shutdown: watch::Receiver<bool>) {
    let mut worker = Worker {
        app,
        port,
        not_before: HashMap::new(),
        dm_channels: HashMap::new(),
        last_count_edit: HashMap::new(),
        claim: Claim::on(SoleWork::Delivery),
    };
    let mut ticker = worker.app.clock().ticker();
    loop {
        let mut wait = Duration::from_secs(1);
        if !worker.claim.held(&worker.app).await {
            // Another process sends: look again in a second (real time, as leases run).
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = shutdown.changed() => {}
            }
            if *shutdown.borrow() {
                break;
            }
            continue;
        }
        match worker.deliver_pending(&mut shutdown).await {
            Ok(Some(held)) => wait = wait.min(held),
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "delivery pass failed; retrying"),
        }
        if let Err(e) = worker.refresh_quiz_posts().await {
            tracing::error!(error = %e, "quiz post refresh failed; retrying");
        }
        tokio::select! {
            _ = worker.app.delivery_wanted() => {}
            _ = ticker.wait(wait) => {}
            _ = shutdown.changed() => break,
        }
        if *shutdown.borrow() {
            break;
        }
    }
    worker.claim.release(&worker.app).await;
}

/// What became of one attempt.
enum Outcome {
    Delivered,
    /// Try this channel again after the wait (its own rate limit, or a failure's backoff).
    HoldChannel(Duration),
    /// Everything waits (the global rate limit).
    HoldAll(Duration),
    /// Given up or nothing to send; already recorded.
    Dropped,
}

/// Where a post goes, which is what a rate limit or a backoff holds back: a channel, or a
/// member's direct messages (whose channel may not be open yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Destination {
    Channel(ChannelId),
    Member(UserId),
}

impl Destination {
    fn of(row: &OutboxRow) -> Destination {
        match row.recipient_id {
            Some(user) => Destination::Member(user),
            None => Destination::Channel(row.channel_id),
        }
    }
}

struct Worker<P> {
    app: App,
    port: P,
    /// When a held-back destination may be tried again.
    not_before: HashMap<Destination, Instant>,
    /// Direct-message channels already opened, by member.
    dm_channels: HashMap<UserId, ChannelId>,
    /// When each open post's count was last edited (edits are batched).
    last_count_edit: HashMap<PostId, Instant>,
    /// The lease under which this process sends.
    claim: Claim,
}

impl<P: ChatPort> Worker<P> {
    /// Sends what can be sent now, oldest first, each channel's posts in order. Returns how
    /// long until a held-back channel may be tried again, if any is waiting.
    async fn deliver_pending(
        &mut self,
        shutdown: &mut watch::Receiver<bool>,
    ) -> AppResult<Option<Duration>> {
        loop {
            let rows = self.app.pending_posts(100).await?;
            let mut progressed = false;
            // Channels with an earlier post held back in this pass: later ones wait too.
            let mut held: HashSet<Destination> = HashSet::new();
            for row in rows {
                if *shutdown.borrow() || !self.claim.held(&self.app).await {
                    return Ok(None);
                }
                // A direct message is held back per member, a channel post per channel.
                let destination = Destination::of(&row);
                let waiting = self
                    .not_before
                    .get(&destination)
                    .is_some_and(|t| *t > Instant::now());
                if held.contains(&destination) || waiting {
                    held.insert(destination);
                    continue;
                }
                let span = tracing::info_span!("delivery", outbox = row.id, guild = %row.guild);
                match self.deliver(&row).instrument(span).await? {
                    Outcome::Delivered => progressed = true,
                    Outcome::HoldChannel(wait) => {
                        self.not_before.insert(destination, Instant::now() + wait);
                        held.insert(destination);
                    }
                    Outcome::HoldAll(wait) => {
                        tokio::select! {
                            _ = tokio::time::sleep(wait) => {}
                            _ = shutdown.changed() => return Ok(None),
                        }
                        progressed = true; // fetch again
                        break;
                    }
                    Outcome::Dropped => progressed = true,
                }
            }
            if !progressed {
                let now = Instant::now();
                self.not_before.retain(|_, t| *t > now);
                return Ok(self.not_before.values().min().map(|t| *t - now));
            }
        }
    }

    /// One attempt at one post.
    async fn deliver(&mut self, row: &OutboxRow) -> AppResult<Outcome> {
        let max_attempts = i64::from(self.app.settings().delivery.max_attempts);
        let message = match self.app.render_post(row.id, &row.payload).await {
            Ok(Some(message)) => message,
            Ok(None) => {
                self.app
                    .post_failed(row.id, "nothing to render", true)
                    .await?;
                return Ok(Outcome::Dropped);
            }
            Err(e) => {
                tracing::error!(outbox = row.id, error = %e, "cannot render post");
                return Ok(Outcome::HoldChannel(backoff(row.attempts)));
            }
        };
        let channel = match row.recipient_id {
            None => Ok(row.channel_id),
            Some(user) => self.dm_channel(user).await?,
        };
        let sent = match channel {
            Ok(channel) => self.port.post(channel, &message, &nonce_for(row.id)).await,
            Err(e) => Err(e),
        };
        match sent {
            Ok(message_id) => {
                self.app.post_delivered(row.id, message_id).await?;
                tracing::info!(
                    outbox = row.id,
                    channel = %row.channel_id,
                    message = %message_id,
                    "post delivered"
                );
                Ok(Outcome::Delivered)
            }
            Err(SendError::RateLimited { wait, global }) => {
                tracing::warn!(
                    outbox = row.id,
                    channel = %row.channel_id,
                    global,
                    retry_after_ms = wait.as_millis() as u64,
                    "rate limited by Discord; waiting"
                );
                Ok(if global {
                    Outcome::HoldAll(wait)
                } else {
                    Outcome::HoldChannel(wait)
                })
            }
            Err(SendError::Transient(e)) => {
                let give_up = row.attempts + 1 >= max_attempts;
                self.app.post_failed(row.id, &e, give_up).await?;
                if give_up {
                    tracing::error!(outbox = row.id, attempts = row.attempts + 1, error = %e, "post given up after repeated failures");
                    return Ok(Outcome::Dropped);
                }
                let wait = backoff(row.attempts);
                tracing::warn!(outbox = row.id, error = %e, retry_in_ms = wait.as_millis() as u64, "post failed; will retry");
                Ok(Outcome::HoldChannel(wait))
            }
            Err(SendError::Permanent(e)) => {
                self.app.post_failed(row.id, &e, true).await?;
                tracing::error!(outbox = row.id, channel = %row.channel_id, error = %e, "post cannot be delivered (check the bot's access to the channel)");
                Ok(Outcome::Dropped)
            }
        }
    }

    /// The DM channel with `user`: known in this process, kept in the database from before, or
    /// opened now (one request) and kept.
    async fn dm_channel(&mut self, user: UserId) -> AppResult<Result<ChannelId, SendError>> {
        if let Some(c) = self.dm_channels.get(&user) {
            return Ok(Ok(*c));
        }
        let channel = match self.app.dm_channel(user).await? {
            Some(c) => c,
            None => match self.port.open_dm(user).await {
                Ok(c) => {
                    self.app.dm_channel_opened(user, c).await?;
                    c
                }
                Err(e) => return Ok(Err(e)),
            },
        };
        self.dm_channels.insert(user, channel);
        Ok(Ok(channel))
    }

    /// Edits posts whose count changed (at most every `count_edit_interval_seconds`) and reveals
    /// closed ones.
    async fn refresh_quiz_posts(&mut self) -> AppResult<()> {
        let now_ms = self.app.clock().now_ms();
        let interval = Duration::from_secs(u64::from(
            self.app.settings().quiz.count_edit_interval_seconds,
        ));
        for post in self.app.posts_needing_edit().await? {
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
                    tracing::error!(post = %post.id, error = %e, "cannot render quiz post");
                    continue;
                }
            };
            match self.port.edit(post.channel_id, message_id, &message).await {
                Ok(()) => {
                    self.app
                        .post_edited(post.id, post.answer_count, reveal)
                        .await?;
                    if reveal {
                        self.last_count_edit.remove(&post.id);
                    } else {
                        self.last_count_edit.insert(post.id, Instant::now());
                    }
                }
                Err(SendError::RateLimited { wait, .. }) => {
                    tokio::time::sleep(wait).await;
                    return Ok(());
                }
                Err(SendError::Transient(e)) => {
                    tracing::warn!(post = %post.id, error = %e, "quiz post edit failed; will retry");
                }
                Err(SendError::Permanent(e)) => {
                    // The message is gone or out of reach: stop trying.
                    tracing::warn!(post = %post.id, error = %e, "quiz post can no longer be edited");
                    self.app
                        .post_edited(post.id, post.answer_count, true)
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
        assert!(nonce_for(i64::MAX).len() <= crate::domain::limits::NONCE_MAX);
        assert_eq!(backoff(0), Duration::from_millis(500));
        assert_eq!(backoff(1), Duration::from_secs(1));
        assert_eq!(backoff(50), Duration::from_secs(30));
    }
}
