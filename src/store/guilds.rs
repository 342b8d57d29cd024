//! Guilds and their members.

use super::Store;
use crate::domain::ids::{GuildId, UserId};

#[derive(Debug, Clone, PartialEq)]
pub struct GuildRow {
    pub id: GuildId,
    pub name: String,
    pub timezone: Option<String>,
    pub first_seen_ms: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow {
    pub guild_id: GuildId,
    pub user_id: UserId,
    pub display_name: String,
    pub first_seen_ms: i64,
    pub last_seen_ms: i64,
}

impl Store {
    /// Records a guild the bot is in (name updates on every sighting).
    pub async fn upsert_guild(&self, id: GuildId, name: &str, now_ms: i64) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO guilds (id, name, first_seen_ms, updated_ms) VALUES (?1, ?2, ?3, ?3)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_ms = excluded.updated_ms",
        )
        .bind(id.to_db())
        .bind(name)
        .bind(now_ms)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    pub async fn guild(&self, id: GuildId) -> sqlx::Result<Option<GuildRow>> {
        let row: Option<(i64, String, Option<String>, i64)> =
            sqlx::query_as("SELECT id, name, timezone, first_seen_ms FROM guilds WHERE id = ?1")
                .bind(id.to_db())
                .fetch_optional(self.pool())
                .await?;
        Ok(row.map(|(id, name, timezone, first_seen_ms)| GuildRow {
            id: GuildId::from_db(id),
            name,
            timezone,
            first_seen_ms,
        }))
    }

    /// Records that a member was active now; creates the guild row if the bot has not seen the
    /// guild yet (interactions can arrive before GUILD_CREATE is processed).
    pub async fn touch_member(
        &self,
        guild: GuildId,
        user: UserId,
        display_name: &str,
        now_ms: i64,
    ) -> sqlx::Result<()> {
        let mut tx = self.pool().begin().await?;
        sqlx::query(
            "INSERT INTO guilds (id, name, first_seen_ms, updated_ms) VALUES (?1, '', ?2, ?2)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(guild.to_db())
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO members (guild_id, user_id, display_name, first_seen_ms, last_seen_ms)
             VALUES (?1, ?2, ?3, ?4, ?4)
             ON CONFLICT (guild_id, user_id) DO UPDATE
             SET display_name = excluded.display_name, last_seen_ms = excluded.last_seen_ms",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(display_name)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    pub async fn member(&self, guild: GuildId, user: UserId) -> sqlx::Result<Option<MemberRow>> {
        let row: Option<(i64, i64, String, i64, i64)> = sqlx::query_as(
            "SELECT guild_id, user_id, display_name, first_seen_ms, last_seen_ms
             FROM members WHERE guild_id = ?1 AND user_id = ?2",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(
            |(g, u, display_name, first_seen_ms, last_seen_ms)| MemberRow {
                guild_id: GuildId::from_db(g),
                user_id: UserId::from_db(u),
                display_name,
                first_seen_ms,
                last_seen_ms,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn members_are_kept_per_guild() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db"), Duration::from_secs(1))
            .await
            .unwrap();
        let (g1, g2, u) = (GuildId(1), GuildId(2), UserId(7));
        store.upsert_guild(g1, "One", 10).await.unwrap();
        store.upsert_guild(g1, "One renamed", 20).await.unwrap();
        store.touch_member(g1, u, "ada", 30).await.unwrap();
        store.touch_member(g1, u, "Ada L.", 40).await.unwrap();
        store.touch_member(g2, u, "ada", 50).await.unwrap();
        let guild = store.guild(g1).await.unwrap().unwrap();
        assert_eq!(guild.name, "One renamed");
        assert_eq!(guild.first_seen_ms, 10);
        let m = store.member(g1, u).await.unwrap().unwrap();
        assert_eq!(
            (m.display_name.as_str(), m.first_seen_ms, m.last_seen_ms),
            ("Ada L.", 30, 40)
        );
        assert!(
            store.guild(g2).await.unwrap().is_some(),
            "guild row created on demand"
        );
        assert_eq!(
            store.member(g2, u).await.unwrap().unwrap().first_seen_ms,
            50
        );
    }
}
