//! Role tracks (role → topics) and the candidates for a member's next practice question.

use super::error::StoreResult;
use super::guilds::ensure_guild;
use super::memory::{memory_from_row, MEMORY_COLUMNS};
use super::sql::query;
use super::Store;
use crate::dice::{ShuffleKey, SHUFFLE_MODULUS};
use crate::domain::ids::{GuildId, RoleId, UserId, VersionId};
use crate::domain::selection::{QuestionCandidate, Track};
use sqlx::any::AnyRow;
use sqlx::Row;

/// A track from `(topic_id, track_name)` rows.
fn track_from_rows(rows: &[AnyRow]) -> Track {
    let mut track = Track::default();
    for r in rows {
        let topic: String = r.get("topic_id");
        if !track.topics.contains(&topic) {
            track.topics.push(topic);
        }
        if let Some(name) = r.get::<Option<String>, _>("track_name") {
            if !track.names.contains(&name) {
                track.names.push(name);
            }
        }
    }
    track
}

impl Store {
    /// Adds a topic to a role's track named `name` (the name is set on all of the role's
    /// rows); `false` if the topic was already there.
    pub async fn add_track(
        &self,
        guild: GuildId,
        role: RoleId,
        name: &str,
        topic: &str,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        let added = query(
            "INSERT INTO role_tracks (guild_id, role_id, topic_id, created_ms) VALUES (?, ?, ?, ?)
             ON CONFLICT DO NOTHING",
        )
        .bind(guild.to_db())
        .bind(role.to_db())
        .bind(topic)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        query("UPDATE role_tracks SET track_name = ? WHERE guild_id = ? AND role_id = ?")
            .bind(name)
            .bind(guild.to_db())
            .bind(role.to_db())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(added)
    }

    /// The track of a member with these roles: its topics and names.
    pub async fn track_of_roles(&self, guild: GuildId, roles: &[RoleId]) -> StoreResult<Track> {
        let ids = serde_json::to_string(&roles.iter().map(|r| r.to_db()).collect::<Vec<_>>())
            .unwrap_or_default();
        let ids_of = self.engine.pick(
            "SELECT value FROM json_each(?)",
            "SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(? AS json))",
        );
        let rows = query(&format!(
            "SELECT DISTINCT topic_id, track_name FROM role_tracks
             WHERE guild_id = ? AND role_id IN ({ids_of})
             ORDER BY topic_id"
        ))
        .bind(guild.to_db())
        .bind(ids)
        .fetch_all(&self.pool)
        .await?;
        Ok(track_from_rows(&rows))
    }

    /// The track of a member by the roles they held when last seen.
    pub async fn member_track(&self, guild: GuildId, user: UserId) -> StoreResult<Track> {
        let rows = query(
            "SELECT DISTINCT r.topic_id, r.track_name FROM role_tracks r
             JOIN member_roles m ON m.guild_id = r.guild_id AND m.role_id = r.role_id
             WHERE r.guild_id = ? AND m.user_id = ? ORDER BY r.topic_id",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .fetch_all(&self.pool)
        .await?;
        Ok(track_from_rows(&rows))
    }

    /// Removes a topic from a role's track; `false` if it was not there.
    pub async fn remove_track(
        &self,
        guild: GuildId,
        role: RoleId,
        topic: &str,
    ) -> StoreResult<bool> {
        let removed =
            query("DELETE FROM role_tracks WHERE guild_id = ? AND role_id = ? AND topic_id = ?")
                .bind(guild.to_db())
                .bind(role.to_db())
                .bind(topic)
                .execute(&self.writer)
                .await?
                .rows_affected();
        Ok(removed > 0)
    }

    /// Every track as `(role, topic id, topic name)`, by role then topic name.
    pub async fn tracks(&self, guild: GuildId) -> StoreResult<Vec<(RoleId, String, String)>> {
        let rows = query(
            "SELECT r.role_id, r.topic_id, t.name FROM role_tracks r
             JOIN topics t ON t.guild_id = r.guild_id AND t.id = r.topic_id
             WHERE r.guild_id = ? ORDER BY r.role_id, t.name",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                (
                    RoleId::from_db(r.get("role_id")),
                    r.get("topic_id"),
                    r.get("name"),
                )
            })
            .collect())
    }

    /// Every current question (in `topic` if given) with the member's memory of it, in the
    /// random order `shuffle` gives.
    pub async fn practice_candidates(
        &self,
        guild: GuildId,
        user: UserId,
        topic: Option<&str>,
        shuffle: ShuffleKey,
    ) -> StoreResult<Vec<QuestionCandidate>> {
        let rows = query(&format!(
            "SELECT q.current_version, q.topic_id, v.tracks, {MEMORY_COLUMNS}
             FROM live_questions q JOIN question_versions v ON v.id = q.current_version
             LEFT JOIN memory m
               ON m.guild_id = q.guild_id AND m.question_id = q.id AND m.user_id = ?2
             WHERE q.guild_id = ?1 AND (?3 IS NULL OR q.topic_id = ?3)
             ORDER BY (q.rowid * ?4 + ?5) % ?6"
        ))
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(topic)
        .bind(shuffle.multiplier)
        .bind(shuffle.offset)
        .bind(SHUFFLE_MODULUS)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| QuestionCandidate {
                version_id: VersionId::from_db(r.get("current_version")),
                topic: r.get("topic_id"),
                tracks: serde_json::from_str(r.get("tracks")).unwrap_or_default(),
                memory: memory_from_row(r),
            })
            .collect())
    }
}
