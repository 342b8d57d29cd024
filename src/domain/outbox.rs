//! Messages the bot sends on its own, as they wait in the outbox (see `store::outbox` and the
//! delivery worker): the records the store hands over.

use crate::domain::ids::{ChannelId, GuildId, UserId};

/// A post waiting for delivery.
#[derive(Debug, Clone)]
pub struct OutboxRow {
    pub id: i64,
    pub guild: GuildId,
    pub channel_id: ChannelId,
    pub payload: String,
    pub attempts: i64,
    /// For a direct message: the member (`channel_id` is then 0 until the DM is opened).
    pub recipient_id: Option<UserId>,
}
