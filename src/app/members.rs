//! Servers and members as the gateway shows them, and the server settings `/config` changes
//! that are not about questions (time zone, quiz window).

use super::message::OutMessage;
use super::{refuse, App, AppResult, Refusal};
use crate::config::QUIZ_WINDOW_MINUTES;
use crate::domain::ids::{GuildId, RoleId, UserId};
use crate::domain::schedule::parse_timezone;

impl App {
    /// The bot sees a server (joined, or after a restart): its name and member count.
    pub async fn guild_seen(
        &self,
        guild: GuildId,
        name: &str,
        member_count: Option<u64>,
    ) -> AppResult<()> {
        let now = self.clock.now_ms();
        Ok(self
            .store
            .upsert_guild(guild, name, member_count, now)
            .await?)
    }

    /// A member was active now with these roles (for teams and role tracks); written at most
    /// once a minute unless their name or roles changed.
    pub async fn member_seen(
        &self,
        guild: GuildId,
        user: UserId,
        display_name: &str,
        roles: &[RoleId],
    ) -> AppResult<()> {
        let now = self.clock.now_ms();
        Ok(self
            .store
            .touch_member(guild, user, display_name, roles, now)
            .await?)
    }

    /// `/config timezone`: the server's time zone (schedules without their own, streak days).
    pub async fn set_timezone(&self, guild: GuildId, zone: &str) -> AppResult<OutMessage> {
        let tz = parse_timezone(zone).map_err(Refusal)?;
        let now = self.clock.now_ms();
        self.store.set_guild_timezone(guild, tz.name(), now).await?;
        Ok(OutMessage::text(format!(
            "Time zone set to **{}**. Schedules without their own zone and daily streaks now follow it.",
            tz.name()
        )))
    }

    /// `/config quiz-window`: how long the server's channel quizzes stay open.
    pub async fn set_quiz_window(&self, guild: GuildId, minutes: i64) -> AppResult<OutMessage> {
        let (lo, hi) = QUIZ_WINDOW_MINUTES;
        if !(i64::from(lo)..=i64::from(hi)).contains(&minutes) {
            return refuse(format!(
                "The quiz window must be between {lo} and {hi} minutes."
            ));
        }
        let now = self.clock.now_ms();
        self.store.set_quiz_window(guild, minutes, now).await?;
        Ok(OutMessage::text(format!(
            "Channel quizzes now stay open for **{minutes} minutes**, then reveal the answer."
        )))
    }
}
