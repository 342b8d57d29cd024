//! The port through which use cases and the delivery worker reach the chat: post, edit, open
//! a direct message or a thread. The Discord adapter implements it (`discord::port`); the app
//! sees only ids and [`OutMessage`]s, and failures as a [`SendError`] it can act on.

use super::message::OutMessage;
use crate::domain::ids::{ChannelId, MessageId, UserId};
use std::future::Future;
use std::time::Duration;

/// Why a send failed.
#[derive(Debug, Clone, PartialEq)]
pub enum SendError {
    /// 429: try again after `wait`; `global` when the whole bot is limited, else only this
    /// route (for posts: this channel).
    RateLimited { wait: Duration, global: bool },
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
        channel: ChannelId,
        message: &OutMessage,
        nonce: &str,
    ) -> impl Future<Output = Result<MessageId, SendError>> + Send;
    /// The direct-message channel with a user (opened if needed).
    fn open_dm(&self, user: UserId) -> impl Future<Output = Result<ChannelId, SendError>> + Send;
    /// Replaces a message's text, embed and buttons.
    fn edit(
        &self,
        channel: ChannelId,
        message_id: MessageId,
        message: &OutMessage,
    ) -> impl Future<Output = Result<(), SendError>> + Send;
    /// Posts `starter` in `channel` and opens a public thread named `name` on it; returns the
    /// thread's channel id.
    fn open_thread(
        &self,
        channel: ChannelId,
        starter: &OutMessage,
        name: &str,
    ) -> impl Future<Output = Result<ChannelId, SendError>> + Send;
    /// Adds a member to a thread (they see it in their list and are told of new messages).
    fn add_thread_member(
        &self,
        thread: ChannelId,
        user: UserId,
    ) -> impl Future<Output = Result<(), SendError>> + Send;
    /// Renames a thread and archives it.
    fn close_thread(
        &self,
        thread: ChannelId,
        name: &str,
    ) -> impl Future<Output = Result<(), SendError>> + Send;
}
