//! The outbox: every message the bot will send on its own (channel posts, direct messages,
//! thread posts), written in the same transaction as what caused it, so that nothing is lost
//! or sent twice across a restart; the delivery worker reads it in order. Also the
//! direct-message channels the bot has opened. The one place for the `outbox` and
//! `dm_channels` tables.

use super::error::StoreResult;
use super::sql::{query, query_scalar};
use super::Store;
use crate::domain::ids::{ChannelId, GuildId, MessageId, UserId};
use crate::domain::outbox::OutboxRow;
use sqlx::{AnyConnection, Row};

impl Store {
    /// The oldest pending posts, at most `limit`.
    pub async fn pending_posts(&self, limit: u32) -> StoreResult<Vec<OutboxRow>> {
        let rows = query(
            "SELECT id, guild_id, channel_id, payload, attempts, recipient_id FROM outbox WHERE state = 'pending' ORDER BY id LIMIT ?",
        )
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| OutboxRow {
                id: r.get("id"),
                guild: GuildId::from_db(r.get("guild_id")),
                channel_id: ChannelId::from_db(r.get("channel_id")),
                payload: r.get("payload"),
                attempts: r.get("attempts"),
                recipient_id: r.get::<Option<i64>, _>("recipient_id").map(UserId::from_db),
            })
            .collect())
    }

    /// Marks a post delivered; a quiz post learns its message id and its window starts now.
    pub async fn mark_delivered(
        &self,
        outbox_id: i64,
        message_id: MessageId,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        query("UPDATE outbox SET state = 'sent', message_id = ?, sent_ms = ?, attempts = attempts + 1 WHERE id = ?")
            .bind(message_id.to_db())
            .bind(now_ms)
            .bind(outbox_id)
            .execute(&mut *tx)
            .await?;
        query(
            "UPDATE quiz_posts SET message_id = ?, posted_ms = ?, closes_ms = ? + (closes_ms - created_ms)
             WHERE outbox_id = ?",
        )
        .bind(message_id.to_db())
        .bind(now_ms)
        .bind(now_ms)
        .bind(outbox_id)
        .execute(&mut *tx)
        .await?;
        Ok(tx.commit().await?)
    }

    /// The direct-message channel the bot has with `user`, if it has opened it before.
    pub async fn dm_channel(&self, user: UserId) -> StoreResult<Option<ChannelId>> {
        let channel: Option<i64> =
            query_scalar("SELECT channel_id FROM dm_channels WHERE user_id = ?")
                .bind(user.to_db())
                .fetch_optional(&self.pool)
                .await?;
        Ok(channel.map(ChannelId::from_db))
    }

    pub async fn save_dm_channel(&self, user: UserId, channel: ChannelId) -> StoreResult<()> {
        query(
            "INSERT INTO dm_channels (user_id, channel_id) VALUES (?, ?)
             ON CONFLICT (user_id) DO UPDATE SET channel_id = excluded.channel_id",
        )
        .bind(user.to_db())
        .bind(channel.to_db())
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// Records a failed attempt; `give_up` marks the post failed for good.
    pub async fn mark_attempt_failed(
        &self,
        outbox_id: i64,
        error: &str,
        give_up: bool,
    ) -> StoreResult<()> {
        query(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?,
               state = CASE WHEN ? THEN 'failed' ELSE state END WHERE id = ?",
        )
        .bind(error)
        .bind(give_up)
        .bind(outbox_id)
        .execute(&self.writer)
        .await?;
        Ok(())
    }
}

/// Queues one message in the caller's transaction: to `channel`, or to `recipient` by direct
/// message (`channel` is then 0 until the delivery worker opens the DM). Its outbox id.
pub(super) async fn queue_post(
    conn: &mut AnyConnection,
    guild: GuildId,
    channel: ChannelId,
    recipient: Option<UserId>,
    payload: &str,
    now_ms: i64,
) -> StoreResult<i64> {
    let id = query_scalar(
        "INSERT INTO outbox (guild_id, channel_id, recipient_id, payload, created_ms)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(guild.to_db())
    .bind(channel.to_db())
    .bind(recipient.map(UserId::to_db))
    .bind(payload)
    .bind(now_ms)
    .fetch_one(conn)
    .await?;
    Ok(id)
}
