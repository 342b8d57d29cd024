//! Role tracks: admins link a role to the topics that matter for it; practice leans towards
//! them for members with the role.

use super::message::OutMessage;
use super::{refuse, App, AppResult};
use crate::domain::format::fit;
use crate::domain::ids::{GuildId, RoleId};
use crate::domain::limits::MESSAGE_MAX;
use crate::domain::selection::track_name;
use crate::i18n::Lang;
use crate::t;

impl App {
    /// The name of one of the guild's topics, or a refusal naming how to pick one.
    pub(super) async fn known_topic(
        &self,
        guild: GuildId,
        topic: &str,
        lang: Lang,
    ) -> AppResult<String> {
        self.ensure_content(guild).await?;
        let topics = self.store.topics(guild).await?;
        match topics.into_iter().find(|(id, _)| id == topic) {
            Some((_, name)) => Ok(name),
            None => refuse(t!(lang, "topic-unknown", topic = fit(topic, 40))),
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
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let name = self.known_topic(guild, topic, lang).await?;
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
        let role = format!("<@&{role}>");
        Ok(OutMessage::text(if added {
            t!(lang, "track-added", role = role, topic = name)
        } else {
            t!(lang, "track-already", role = role, topic = name)
        }))
    }

    pub async fn remove_track(
        &self,
        guild: GuildId,
        role: RoleId,
        topic: &str,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let name = self.known_topic(guild, topic, lang).await?;
        let removed = self.store.remove_track(guild, role, topic).await?;
        let role = format!("<@&{role}>");
        if removed {
            Ok(OutMessage::text(t!(
                lang,
                "track-removed",
                role = role,
                topic = name
            )))
        } else {
            refuse(t!(lang, "track-not-on", role = role, topic = name))
        }
    }

    pub async fn list_tracks(&self, guild: GuildId, lang: Lang) -> AppResult<OutMessage> {
        let tracks = self.store.tracks(guild).await?;
        if tracks.is_empty() {
            return Ok(OutMessage::text(t!(lang, "tracks-none")));
        }
        let mut lines = vec![format!("**{}**", t!(lang, "tracks-title"))];
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
