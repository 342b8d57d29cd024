//! The outbound chat port for the delivery worker and the Q&A flow: posts, edits and threads
//! through serenity's request builder, reading the raw response so a 429's `retry_after` is
//! honoured exactly (serenity's own error type drops it). Every request waits for its turn
//! under the global rate limit ([`Pacer`]).

use super::pacer::Pacer;
use super::render;
use crate::app::message::OutMessage;
use crate::app::port::{ChatPort, SendError};
use crate::domain::ids::{ChannelId, MessageId, UserId};
use poise::serenity_prelude as serenity;
use serenity::{LightMethod, Request, Route};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct DiscordPort {
    http: Arc<serenity::Http>,
    client: reqwest::Client,
    pacer: Arc<Pacer>,
}

impl DiscordPort {
    /// A port whose requests take their turn from `pacer` (shared by every port of the bot).
    pub fn new(http: Arc<serenity::Http>, pacer: Arc<Pacer>) -> DiscordPort {
        DiscordPort {
            http,
            client: reqwest::Client::new(),
            pacer,
        }
    }

    async fn send(&self, request: Request<'_>) -> Result<serde_json::Value, SendError> {
        let built = request
            .build(&self.client, self.http.token(), self.http.proxy.as_deref())
            .map_err(|e| SendError::Permanent(format!("cannot build the request: {e}")))?;
        self.pacer.wait_turn().await;
        let response = built
            .send()
            .await
            .map_err(|e| SendError::Transient(format!("network: {e}")))?;
        let status = response.status().as_u16();
        let header_wait = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<f64>().ok());
        let global_header = response.headers().contains_key("x-ratelimit-global");
        let bytes = response.bytes().await.unwrap_or_default();
        let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        match status {
            200..=299 => Ok(body),
            429 => {
                let seconds = body["retry_after"].as_f64().or(header_wait).unwrap_or(1.0);
                // retry_after 0 means "after a short delay".
                let wait = Duration::from_secs_f64(seconds.clamp(0.05, 3600.0));
                let global = body["global"].as_bool().unwrap_or(global_header);
                if global {
                    self.pacer.hold_until(Instant::now() + wait);
                }
                Err(SendError::RateLimited { wait, global })
            }
            500..=599 => Err(SendError::Transient(format!("HTTP {status}"))),
            _ => Err(SendError::Permanent(format!(
                "HTTP {status}: {}",
                body["message"].as_str().unwrap_or("")
            ))),
        }
    }
}

impl ChatPort for DiscordPort {
    async fn post(
        &self,
        channel: ChannelId,
        message: &OutMessage,
        nonce: &str,
    ) -> Result<MessageId, SendError> {
        let builder = render::create_message(message)
            .nonce(serenity::Nonce::String(nonce.to_string()))
            .enforce_nonce(true);
        let body = serde_json::to_vec(&builder)
            .map_err(|e| SendError::Permanent(format!("cannot encode the message: {e}")))?;
        let channel_id = serenity::ChannelId::new(channel.0);
        let request =
            Request::new(Route::ChannelMessages { channel_id }, LightMethod::Post).body(Some(body));
        let posted = self.send(request).await?;
        posted["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .map(MessageId)
            .ok_or_else(|| SendError::Transient("the response has no message id".into()))
    }

    async fn open_dm(&self, user: UserId) -> Result<ChannelId, SendError> {
        let body = serde_json::to_vec(&serde_json::json!({ "recipient_id": user.to_string() }))
            .map_err(|e| SendError::Permanent(format!("cannot encode the request: {e}")))?;
        let request = Request::new(Route::UserMeDmChannels, LightMethod::Post).body(Some(body));
        let channel = self.send(request).await?;
        channel["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .map(ChannelId)
            .ok_or_else(|| SendError::Transient("the response has no channel id".into()))
    }

    async fn open_thread(
        &self,
        channel: ChannelId,
        starter: &OutMessage,
        name: &str,
    ) -> Result<ChannelId, SendError> {
        let body = serde_json::to_vec(&render::create_message(starter))
            .map_err(|e| SendError::Permanent(format!("cannot encode the message: {e}")))?;
        let channel_id = serenity::ChannelId::new(channel.0);
        let request =
            Request::new(Route::ChannelMessages { channel_id }, LightMethod::Post).body(Some(body));
        let posted = self.send(request).await?;
        let message_id: u64 = posted["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .ok_or_else(|| SendError::Transient("the response has no message id".into()))?;
        // A week before Discord hides the thread for inactivity.
        let body = serde_json::to_vec(&serde_json::json!({
            "name": name,
            "auto_archive_duration": 10080,
        }))
        .map_err(|e| SendError::Permanent(format!("cannot encode the thread: {e}")))?;
        let route = Route::ChannelMessageThreads {
            channel_id,
            message_id: serenity::MessageId::new(message_id),
        };
        let thread = self
            .send(Request::new(route, LightMethod::Post).body(Some(body)))
            .await?;
        thread["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .map(ChannelId)
            .ok_or_else(|| SendError::Transient("the response has no thread id".into()))
    }

    async fn add_thread_member(&self, thread: ChannelId, user: UserId) -> Result<(), SendError> {
        let route = Route::ChannelThreadMember {
            channel_id: serenity::ChannelId::new(thread.0),
            user_id: serenity::UserId::new(user.0),
        };
        self.send(Request::new(route, LightMethod::Put))
            .await
            .map(|_| ())
    }

    async fn close_thread(&self, thread: ChannelId, name: &str) -> Result<(), SendError> {
        let body = serde_json::to_vec(&serde_json::json!({ "name": name, "archived": true }))
            .map_err(|e| SendError::Permanent(format!("cannot encode the change: {e}")))?;
        let route = Route::Channel {
            channel_id: serenity::ChannelId::new(thread.0),
        };
        self.send(Request::new(route, LightMethod::Patch).body(Some(body)))
            .await
            .map(|_| ())
    }

    async fn edit(
        &self,
        channel: ChannelId,
        message_id: MessageId,
        message: &OutMessage,
    ) -> Result<(), SendError> {
        let body = serde_json::to_vec(&render::edit_message(message))
            .map_err(|e| SendError::Permanent(format!("cannot encode the edit: {e}")))?;
        let route = Route::ChannelMessage {
            channel_id: serenity::ChannelId::new(channel.0),
            message_id: serenity::MessageId::new(message_id.0),
        };
        self.send(Request::new(route, LightMethod::Patch).body(Some(body)))
            .await
            .map(|_| ())
    }
}
