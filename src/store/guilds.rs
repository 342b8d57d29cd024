//! Guilds and their members: the one place for the `guilds`, `members` and `member_roles`
//! tables, with [`ensure_guild`], which every write about a guild calls first (a command can
//! arrive before the guild's GUILD_CREATE is stored).

use super::error::StoreResult;
use super::group_commit::GroupWrite;
use super::sql::{query, query_scalar, Engine};
use super::statements::Statements;
use super::Store;
use crate::domain::guilds::{GuildLanguage, GuildRow, MemberRow, QaSetting, QaSettings};
use crate::domain::ids::{ChannelId, GuildId, RoleId, UserId};
use crate::i18n::Lang;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// How often an active member's `last_seen_ms` is written at most.
const TOUCH_EVERY_MS: i64 = 60_000;

/// A member seen active: written with the next group commit.
#[derive(Debug, Clone)]
pub(super) struct MemberTouch {
    pub guild: GuildId,
    pub user: UserId,
    pub display_name: String,
    /// Sorted, without repeats.
    pub roles: Vec<RoleId>,
    /// Their Discord client's language, when known (shipped languages only).
    pub locale: Option<Lang>,
    pub now_ms: i64,
}

/// Makes sure the guild row exists (a command can arrive before GUILD_CREATE is stored).
pub(super) async fn ensure_guild(
    conn: &mut AnyConnection,
    guild: GuildId,
    now_ms: i64,
) -> StoreResult<()> {
    query(
        "INSERT INTO guilds (id, name, first_seen_ms, updated_ms) VALUES (?, '', ?, ?)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(guild.to_db())
    .bind(now_ms)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

impl GroupWrite for MemberTouch {
    type Done = ();

    /// Nothing to read.
    fn pre_read(&self, _: Engine, _: &mut Statements<'static>) -> bool {
        false
    }

    /// The guild row if needed, the member, their roles.
    fn write(self, _: Option<&AnyRow>, s: &mut Statements<'static>) -> StoreResult<()> {
        touch_statements(&self, s);
        Ok(())
    }
}

fn touch_statements(t: &MemberTouch, s: &mut Statements<'static>) {
    s.push(
        "INSERT INTO guilds (id, name, first_seen_ms, updated_ms) VALUES (?, '', ?, ?)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(t.guild.to_db())
    .bind(t.now_ms)
    .bind(t.now_ms);
    s.push(
        "INSERT INTO members (guild_id, user_id, display_name, first_seen_ms, last_seen_ms, locale)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (guild_id, user_id) DO UPDATE
         SET display_name = excluded.display_name, last_seen_ms = excluded.last_seen_ms,
             locale = COALESCE(excluded.locale, members.locale)",
    )
    .bind(t.guild.to_db())
    .bind(t.user.to_db())
    .bind(t.display_name.clone())
    .bind(t.now_ms)
    .bind(t.now_ms)
    .bind(t.locale.map(Lang::code));
    // The roles held now replace those held before; roles that did not change are left as
    // they are (no page written).
    // (`NOT IN ()` is SQLite's alone: no roles held is a condition of its own.)
    let kept = if t.roles.is_empty() {
        String::new()
    } else {
        format!(
            "AND role_id NOT IN ({})",
            vec!["?"; t.roles.len()].join(", ")
        )
    };
    s.push(&format!(
        "DELETE FROM member_roles WHERE guild_id = ? AND user_id = ? {kept}"
    ))
    .bind(t.guild.to_db())
    .bind(t.user.to_db());
    for role in &t.roles {
        s.bind(role.to_db());
    }
    if !t.roles.is_empty() {
        s.push(&format!(
            "INSERT INTO member_roles (guild_id, user_id, role_id) VALUES {} ON CONFLICT DO NOTHING",
            vec!["(?, ?, ?)"; t.roles.len()].join(", ")
        ));
        for role in &t.roles {
            s.bind(t.guild.to_db())
                .bind(t.user.to_db())
                .bind(role.to_db());
        }
    }
}

/// What [`Store::touch_member`] last wrote for a member.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    name: String,
    roles: Vec<RoleId>,
    locale: Option<Lang>,
    written_ms: i64,
}

/// Members recently written, by guild and user.
pub(crate) type SeenMembers =
    std::sync::Arc<std::sync::Mutex<std::collections::HashMap<(GuildId, UserId), Seen>>>;

impl Store {
    pub async fn qa_settings(&self, guild: GuildId) -> StoreResult<QaSettings> {
        let row = query(
            "SELECT qa_channel_id, admin_channel_id, escalation_after_minutes FROM guilds WHERE id = ?",
        )
        .bind(guild.to_db())
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map_or(QaSettings::default(), |r| QaSettings {
            qa_channel: r
                .get::<Option<i64>, _>("qa_channel_id")
                .map(ChannelId::from_db),
            admin_channel: r
                .get::<Option<i64>, _>("admin_channel_id")
                .map(ChannelId::from_db),
            escalation_after_minutes: r.get("escalation_after_minutes"),
        }))
    }

    pub async fn set_qa_setting(
        &self,
        guild: GuildId,
        setting: QaSetting,
        value: i64,
        now_ms: i64,
    ) -> StoreResult<()> {
        let column = match setting {
            QaSetting::QaChannel => "qa_channel_id",
            QaSetting::AdminChannel => "admin_channel_id",
            QaSetting::EscalationMinutes => "escalation_after_minutes",
        };
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        query(&format!(
            "UPDATE guilds SET {column} = ?, updated_ms = ? WHERE id = ?"
        ))
        .bind(value)
        .bind(now_ms)
        .bind(guild.to_db())
        .execute(&mut *tx)
        .await?;
        Ok(tx.commit().await?)
    }

    /// Records a guild the bot is in (name, member count and Discord's language for it update
    /// on every sighting; a language the bot does not speak is stored as none).
    pub async fn upsert_guild(
        &self,
        id: GuildId,
        name: &str,
        member_count: Option<u64>,
        preferred: Option<Lang>,
        now_ms: i64,
    ) -> StoreResult<()> {
        query(
            "INSERT INTO guilds (id, name, member_count, preferred_locale, first_seen_ms, updated_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name,
               member_count = COALESCE(excluded.member_count, guilds.member_count),
               preferred_locale = excluded.preferred_locale, updated_ms = excluded.updated_ms",
        )
        .bind(id.to_db())
        .bind(name)
        .bind(member_count.map(|n| n as i64))
        .bind(preferred.map(Lang::code))
        .bind(now_ms)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// The server's languages (none set and none known for a guild not seen yet).
    pub async fn guild_language(&self, guild: GuildId) -> StoreResult<GuildLanguage> {
        let mut conn = self.pool().acquire().await?;
        guild_language_in(&mut conn, guild).await
    }

    /// `/config language`: the language of the server's posts (`None`: follow Discord's).
    pub async fn set_guild_language(
        &self,
        guild: GuildId,
        lang: Option<Lang>,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        query("UPDATE guilds SET language = ?, updated_ms = ? WHERE id = ?")
            .bind(lang.map(Lang::code))
            .bind(now_ms)
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    /// A member's Discord language as last seen (`None`: never seen, or not shipped).
    pub async fn member_locale(&self, guild: GuildId, user: UserId) -> StoreResult<Option<Lang>> {
        let locale: Option<Option<String>> =
            query_scalar("SELECT locale FROM members WHERE guild_id = ?1 AND user_id = ?2")
                .bind(guild.to_db())
                .bind(user.to_db())
                .fetch_optional(self.pool())
                .await?;
        Ok(locale.flatten().as_deref().and_then(Lang::parse))
    }

    pub async fn guild(&self, id: GuildId) -> StoreResult<Option<GuildRow>> {
        let row = query("SELECT id, name, timezone, first_seen_ms FROM guilds WHERE id = ?1")
            .bind(id.to_db())
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(|r| GuildRow {
            id: GuildId::from_db(r.get("id")),
            name: r.get("name"),
            timezone: r.get("timezone"),
            first_seen_ms: r.get("first_seen_ms"),
        }))
    }

    /// Records that a member was active now, with the roles they hold (for teams and role
    /// tracks); creates the guild row if the bot has not seen the guild yet (interactions can
    /// arrive before GUILD_CREATE is processed).
    ///
    /// Called on every interaction, so it writes only when something changed: a new name or
    /// roles, or a minute since the last write (`last_seen_ms` is exact to the minute).
    pub async fn touch_member(
        &self,
        guild: GuildId,
        user: UserId,
        display_name: &str,
        roles: &[RoleId],
        locale: Option<Lang>,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut roles = roles.to_vec();
        roles.sort_unstable();
        roles.dedup();
        let key = (guild, user);
        let fresh = self.seen.lock().is_ok_and(|seen| {
            seen.get(&key).is_some_and(|s| {
                s.name == display_name
                    && s.roles == roles
                    && s.locale == locale
                    && (s.written_ms..s.written_ms + TOUCH_EVERY_MS).contains(&now_ms)
            })
        });
        if fresh {
            return Ok(());
        }
        let touch = MemberTouch {
            guild,
            user,
            display_name: display_name.to_string(),
            roles: roles.clone(),
            locale,
            now_ms,
        };
        self.group.write(touch).await?;
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(
                key,
                Seen {
                    name: display_name.to_string(),
                    roles,
                    locale,
                    written_ms: now_ms,
                },
            );
        }
        Ok(())
    }

    /// Forgets what [`Store::touch_member`] last wrote for a member (their rows were deleted).
    pub(crate) fn forget_seen(&self, guild: GuildId, user: UserId) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.remove(&(guild, user));
        }
    }

    pub async fn member(&self, guild: GuildId, user: UserId) -> StoreResult<Option<MemberRow>> {
        let row = query(
            "SELECT guild_id, user_id, display_name, first_seen_ms, last_seen_ms
             FROM members WHERE guild_id = ?1 AND user_id = ?2",
        )
        .bind(guild.to_db())
        .bind(user.to_db())
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|r| MemberRow {
            guild_id: GuildId::from_db(r.get("guild_id")),
            user_id: UserId::from_db(r.get("user_id")),
            display_name: r.get("display_name"),
            first_seen_ms: r.get("first_seen_ms"),
            last_seen_ms: r.get("last_seen_ms"),
        }))
    }
}

/// The server's languages, read on `conn` (a transaction's, or a pool's).
pub(super) async fn guild_language_in(
    conn: &mut AnyConnection,
    guild: GuildId,
) -> StoreResult<GuildLanguage> {
    let row = query("SELECT language, preferred_locale FROM guilds WHERE id = ?1")
        .bind(guild.to_db())
        .fetch_optional(conn)
        .await?;
    let lang = |r: &AnyRow, column: &str| {
        r.get::<Option<String>, _>(column)
            .as_deref()
            .and_then(Lang::parse)
    };
    Ok(row.map_or_else(GuildLanguage::default, |r| GuildLanguage {
        set: lang(&r, "language"),
        discord: lang(&r, "preferred_locale"),
    }))
}

/// Adds (`present`) or removes a member's row in a table of member flags keyed by `(guild_id,
/// user_id)` with a `since_ms` (the opt-ins and opt-outs), in the caller's transaction;
/// `false` when it was so already.
pub(super) async fn set_member_flag(
    conn: &mut AnyConnection,
    table: &'static str,
    guild: GuildId,
    user: UserId,
    present: bool,
    now_ms: i64,
) -> StoreResult<bool> {
    let done = if present {
        query(&format!(
            "INSERT INTO {table} (guild_id, user_id, since_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
        ))
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(now_ms)
        .execute(conn)
        .await?
    } else {
        query(&format!(
            "DELETE FROM {table} WHERE guild_id = ? AND user_id = ?"
        ))
        .bind(guild.to_db())
        .bind(user.to_db())
        .execute(conn)
        .await?
    };
    Ok(done.rows_affected() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::sql::query_scalar;
    use std::time::Duration;

    #[tokio::test]
    async fn members_are_kept_per_guild() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db"), Duration::from_secs(1))
            .await
            .unwrap();
        let (g1, g2, u) = (GuildId(1), GuildId(2), UserId(7));
        store
            .upsert_guild(g1, "One", Some(3), Some(Lang::Fr), 10)
            .await
            .unwrap();
        store
            .upsert_guild(g1, "One renamed", None, Some(Lang::De), 20)
            .await
            .unwrap();
        store
            .touch_member(g1, u, "ada", &[RoleId(7), RoleId(8)], Some(Lang::Es), 30)
            .await
            .unwrap();
        store
            .touch_member(g1, u, "Ada L.", &[RoleId(8)], None, 40)
            .await
            .unwrap();
        store
            .touch_member(g2, u, "ada", &[], None, 50)
            .await
            .unwrap();
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
        let roles: Vec<String> =
            query_scalar("SELECT guild_id || ':' || role_id FROM member_roles ORDER BY guild_id")
                .fetch_all(store.pool())
                .await
                .unwrap();
        assert_eq!(roles, vec!["1:8"], "roles are replaced, per guild");
        let count: Option<i64> = query_scalar("SELECT member_count FROM guilds WHERE id = 1")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(count, Some(3), "an unknown count keeps the last one");
        // Languages: an unknown member locale keeps the last one; the guild's set one wins
        // over Discord's, and unset follows Discord's again.
        assert_eq!(store.member_locale(g1, u).await.unwrap(), Some(Lang::Es));
        assert_eq!(store.member_locale(g2, u).await.unwrap(), None);
        assert_eq!(store.guild_language(g1).await.unwrap().lang(), Lang::De);
        store
            .set_guild_language(g1, Some(Lang::Es), 45)
            .await
            .unwrap();
        assert_eq!(store.guild_language(g1).await.unwrap().lang(), Lang::Es);
        store.set_guild_language(g1, None, 46).await.unwrap();
        assert_eq!(store.guild_language(g1).await.unwrap().lang(), Lang::De);
        assert_eq!(
            store.guild_language(GuildId(9)).await.unwrap().lang(),
            Lang::En
        );
        // Roles given up go, including the last one.
        store
            .touch_member(g1, u, "Ada L.", &[], None, 60)
            .await
            .unwrap();
        let left: i64 = query_scalar("SELECT COUNT(*) FROM member_roles")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(left, 0);
    }
}
