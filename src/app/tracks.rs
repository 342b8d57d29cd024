//! Role tracks: admins link a role to the topics that matter for it; practice leans towards
//! them for members with the role.

use super::message::OutMessage;
use super::{refuse, App, AppResult};
use crate::domain::format::fit;
use crate::domain::ids::{GuildId, RoleId};
use crate::domain::limits::MESSAGE_MAX;
use crate::domain::selection::track_name;

impl App {
    /// The name of one of the guild's topics, or a refusal naming how to pick one.
    pub(super) async fn known_topic(&self, guild: GuildId, topic: &str) -> AppResult<String> {
        self.ensure_content(guild).await?;
        let topics = self.store.topics(guild).await?;
        match topics.into_iter().find(|(id, _)| id == topic) {
            Some((_, name)) => Ok(name),
            None => refuse(format!(
                "There is no topic `{}`. Pick one from the list as you type.",
                fit(topic, 40)
            )),
        }
    }

    /// `/track set`: the role's track (named after the role, see `domain::selection`) gains
    /// a topic.
    pub async fn set_track(
        &self,
        guild: GuildId,
        role: RoleId,
        role_name: &str,
        topic: &str,
    ) -> AppResult<OutMessage> {
        let name = self.known_topic(guild, topic).await?;
        let added = self
            .store
            .add_track(
                guild,
                role,
                &track_name(role_name),
                topic,
                self.clock.now_ms(),
            )
            .await?;
        Ok(OutMessage::text(if added {
            format!("Members with <@&{role}> now get more practice in **{name}**.")
        } else {
            format!("**{name}** is already on the track of <@&{role}>.")
        }))
    }

    pub async fn remove_track(
        &self,
        guild: GuildId,
        role: RoleId,
        topic: &str,
    ) -> AppResult<OutMessage> {
        let name = self.known_topic(guild, topic).await?;
        if self.store.remove_track(guild, role, topic).await? {
            Ok(OutMessage::text(format!(
                "**{name}** is no longer on the track of <@&{role}>."
            )))
        } else {
            refuse(format!("**{name}** is not on the track of <@&{role}>."))
        }
    }

    pub async fn list_tracks(&self, guild: GuildId) -> AppResult<OutMessage> {
        let tracks = self.store.tracks(guild).await?;
        if tracks.is_empty() {
            return Ok(OutMessage::text(
                "No role tracks yet. An admin can add one with `/track set role:@Support topic:support`.",
            ));
        }
        let mut lines = vec!["**Role tracks**".to_string()];
        let mut current: Option<RoleId> = None;
        for (role, _, name) in &tracks {
            if current != Some(*role) {
                lines.push(format!("<@&{role}>:"));
                current = Some(*role);
            }
            lines.push(format!("• {}", fit(name, 80)));
        }
        Ok(OutMessage::text(fit(&lines.join("\n"), MESSAGE_MAX)))
    }
}
