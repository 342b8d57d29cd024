//! JSON payloads the emulator sends, shaped like Discord's (gateway events and REST answers).
//!
//! serenity drops any gateway event it cannot deserialize without a word, so every builder here
//! is covered by a unit test that parses its output into serenity's concrete model type.

use super::state::{
    channel_kind, ChannelRec, GuildRec, InteractionRec, MemberRec, PostedMessage, RoleRec, State,
    UserRec,
};
use serde_json::{json, Value};

/// The emulator's clock as Discord writes it (ISO 8601, UTC).
pub fn now_iso() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub fn user(u: &UserRec) -> Value {
    json!({
        "id": u.id.to_string(),
        "username": u.name,
        "global_name": if u.bot { Value::Null } else { Value::String(u.name.clone()) },
        "discriminator": "0",
        "avatar": null,
        "bot": u.bot,
        "public_flags": 0,
        "flags": 0,
    })
}

pub fn role(r: &RoleRec) -> Value {
    json!({
        "id": r.id.to_string(),
        "name": r.name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": r.position,
        "permissions": r.permissions.to_string(),
        "managed": false,
        "mentionable": false,
        "flags": 0,
    })
}

/// A guild member; `permissions` is included where Discord includes it (interactions).
pub fn member(state: &State, m: &MemberRec, permissions: Option<u64>) -> Value {
    let unknown = UserRec {
        id: m.user_id,
        name: format!("user{}", m.user_id),
        bot: false,
    };
    let u = state.users.get(&m.user_id).unwrap_or(&unknown);
    let mut v = json!({
        "user": user(u),
        "nick": m.nick,
        "avatar": null,
        "roles": m.roles.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
        "joined_at": "2024-01-01T00:00:00.000Z",
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "communication_disabled_until": null,
    });
    if let Some(p) = permissions {
        v["permissions"] = Value::String(p.to_string());
    }
    v
}

pub fn channel(c: &ChannelRec, state: &State) -> Value {
    let mut v = json!({
        "id": c.id.to_string(),
        "type": c.kind,
        "name": c.name,
        "flags": 0,
        "last_message_id": null,
    });
    if let Some(g) = c.guild_id {
        v["guild_id"] = g.to_string().into();
        v["position"] = 0.into();
        v["permission_overwrites"] = json!([]);
        v["nsfw"] = false.into();
        v["topic"] = Value::Null;
        v["rate_limit_per_user"] = 0.into();
    }
    if let Some(p) = c.parent_id {
        v["parent_id"] = p.to_string().into();
    }
    if matches!(
        c.kind,
        channel_kind::PUBLIC_THREAD | channel_kind::PRIVATE_THREAD
    ) {
        v["owner_id"] = c.owner_id.unwrap_or(state.bot.user_id).to_string().into();
        v["message_count"] = 0.into();
        v["member_count"] = 1.into();
        v["total_message_sent"] = 0.into();
        v["thread_metadata"] = json!({
            "archived": c.archived,
            "auto_archive_duration": 1440,
            "archive_timestamp": now_iso(),
            "locked": false,
            "create_timestamp": now_iso(),
        });
    }
    if c.kind == channel_kind::DM {
        let recipient = c
            .recipient_id
            .and_then(|r| state.users.get(&r))
            .map(user)
            .into_iter()
            .collect::<Vec<_>>();
        v["recipients"] = Value::Array(recipient);
    }
    v
}

/// GUILD_CREATE: the full guild as Discord sends it after READY.
pub fn guild_create(state: &State, g: &GuildRec) -> Value {
    let channels: Vec<Value> = state
        .channels
        .values()
        .filter(|c| c.guild_id == Some(g.id) && c.parent_id.is_none())
        .map(|c| channel(c, state))
        .collect();
    let threads: Vec<Value> = state
        .channels
        .values()
        .filter(|c| c.guild_id == Some(g.id) && c.parent_id.is_some())
        .map(|c| channel(c, state))
        .collect();
    let members: Vec<Value> = g
        .members
        .values()
        .filter(|m| m.user_id == state.bot.user_id)
        .map(|m| member(state, m, None))
        .collect();
    json!({
        "id": g.id.to_string(),
        "name": g.name,
        "icon": null,
        "splash": null,
        "discovery_splash": null,
        "owner_id": g.owner_id.to_string(),
        "afk_channel_id": null,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": g.roles.iter().map(role).collect::<Vec<_>>(),
        "emojis": [],
        "features": [],
        "mfa_level": 0,
        "application_id": null,
        "system_channel_id": null,
        "system_channel_flags": 0,
        "rules_channel_id": null,
        "vanity_url_code": null,
        "description": null,
        "banner": null,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": state.guild_locales.get(&g.id).map_or("en-US", String::as_str),
        "public_updates_channel_id": null,
        "nsfw_level": 0,
        "stickers": [],
        "premium_progress_bar_enabled": false,
        "safety_alerts_channel_id": null,
        "joined_at": "2024-01-01T00:00:00.000Z",
        "large": false,
        "unavailable": false,
        "member_count": g.members.len(),
        "voice_states": [],
        "members": members,
        "channels": channels,
        "threads": threads,
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    })
}

/// READY, the answer to Identify.
pub fn ready(
    state: &State,
    session_id: &str,
    resume_url: &str,
    shard: [u32; 2],
    guilds: &[u64],
) -> Value {
    let bot = &state.users[&state.bot.user_id];
    let mut me = user(bot);
    me["verified"] = true.into();
    me["mfa_enabled"] = false.into();
    json!({
        "v": 10,
        "user": me,
        "guilds": guilds.iter()
            .map(|id| json!({"id": id.to_string(), "unavailable": true}))
            .collect::<Vec<_>>(),
        "session_id": session_id,
        "resume_gateway_url": resume_url,
        "shard": shard,
        "application": {"id": state.bot.application_id.to_string(), "flags": 0},
        "private_channels": [],
        "presences": [],
        "relationships": [],
        "guild_join_requests": [],
        "user_settings": {},
    })
}

pub fn message(state: &State, m: &PostedMessage) -> Value {
    let unknown = UserRec {
        id: m.author_id,
        name: format!("user{}", m.author_id),
        bot: false,
    };
    let author = state.users.get(&m.author_id).unwrap_or(&unknown);
    let guild_id = state.guild_of_channel(m.channel_id);
    let mut v = json!({
        "id": m.id.to_string(),
        "channel_id": m.channel_id.to_string(),
        "author": user(author),
        "content": m.content,
        "timestamp": now_iso(),
        "edited_timestamp": if m.edited { Value::String(now_iso()) } else { Value::Null },
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": m.attachments.iter().map(|a| json!({
            "id": a.id.to_string(),
            "filename": a.filename,
            "size": a.data.len(),
            "url": format!("https://cdn.discordapp.com/attachments/{}/{}/{}", m.channel_id, a.id, a.filename),
            "proxy_url": format!("https://media.discordapp.net/attachments/{}/{}/{}", m.channel_id, a.id, a.filename),
            "content_type": a.content_type,
        })).collect::<Vec<_>>(),
        "embeds": if m.embeds.is_array() { m.embeds.clone() } else { json!([]) },
        "components": if m.components.is_array() { m.components.clone() } else { json!([]) },
        "pinned": false,
        "type": if m.interaction_id.is_some() { 20 } else { 0 },
        "flags": m.flags,
    });
    if let Some(g) = guild_id {
        v["guild_id"] = g.to_string().into();
    }
    if let Some(w) = m.webhook_id {
        v["webhook_id"] = w.to_string().into();
        v["application_id"] = state.bot.application_id.to_string().into();
    }
    v
}

/// A command as Discord returns it after registration.
pub fn registered_command(state: &State, id: u64, guild: Option<u64>, submitted: &Value) -> Value {
    let mut v = submitted.clone();
    v["id"] = id.to_string().into();
    v["application_id"] = state.bot.application_id.to_string().into();
    v["version"] = id.to_string().into();
    if v.get("type").is_none_or(Value::is_null) {
        v["type"] = 1.into();
    }
    if v.get("description").is_none_or(Value::is_null) {
        v["description"] = "".into();
    }
    match guild {
        Some(g) => v["guild_id"] = g.to_string().into(),
        None => {
            if let Some(map) = v.as_object_mut() {
                map.remove("guild_id");
            }
        }
    }
    v
}

pub fn application(state: &State) -> Value {
    let bot = &state.users[&state.bot.user_id];
    json!({
        "id": state.bot.application_id.to_string(),
        "name": state.bot.name,
        "icon": null,
        "description": "",
        "rpc_origins": [],
        "bot_public": true,
        "bot_require_code_grant": false,
        "owner": user(bot),
        "verify_key": "0".repeat(64),
        "team": null,
        "flags": 0,
        "bot": user(bot),
    })
}

/// INTERACTION_CREATE for an interaction in a guild channel or a DM.
pub fn interaction(state: &State, rec: &InteractionRec, data: Value) -> Value {
    let mut v = json!({
        "id": rec.id.to_string(),
        "application_id": state.bot.application_id.to_string(),
        "type": rec.kind,
        "data": data,
        "channel_id": rec.channel_id.to_string(),
        "token": rec.token,
        "version": 1,
        "locale": state.locales.get(&rec.user_id).map_or("en-US", String::as_str),
        "entitlements": [],
        "authorizing_integration_owners": {"0": rec.guild_id.unwrap_or(0).to_string()},
        "attachment_size_limit": 10 * 1024 * 1024,
    });
    if let Some(c) = state.channels.get(&rec.channel_id) {
        v["channel"] = channel(c, state);
    }
    match rec.guild_id.and_then(|g| state.guilds.get(&g)) {
        Some(g) => {
            let fallback = MemberRec {
                user_id: rec.user_id,
                roles: vec![],
                nick: None,
            };
            let m = g.members.get(&rec.user_id).unwrap_or(&fallback);
            v["guild_id"] = g.id.to_string().into();
            v["guild_locale"] = state
                .guild_locales
                .get(&g.id)
                .map_or("en-US", String::as_str)
                .into();
            v["member"] = member(state, m, Some(g.permissions_of(rec.user_id)));
            v["app_permissions"] = g.permissions_of(state.bot.user_id).to_string().into();
            v["context"] = 0.into();
        }
        None => {
            if let Some(u) = state.users.get(&rec.user_id) {
                v["user"] = user(u);
            }
            v["app_permissions"] = super::state::perms::EVERYONE_DEFAULT.to_string().into();
            v["context"] = 1.into();
        }
    }
    if let Some(msg) = rec.source_message_id.and_then(|m| state.messages.get(&m)) {
        v["message"] = message(state, msg);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::super::state::{perms, State};
    use super::*;
    use serenity::model::prelude::*;
    use std::collections::BTreeMap;
    use std::time::Instant;

    fn world() -> (State, u64, u64, u64) {
        let mut s = State::new("peerlearn", "t");
        let gid = s.ids.mint();
        let uid = s.ids.mint();
        let cid = s.ids.mint();
        s.users.insert(
            uid,
            UserRec {
                id: uid,
                name: "ada".into(),
                bot: false,
            },
        );
        let mut members = BTreeMap::new();
        for id in [uid, s.bot.user_id] {
            members.insert(
                id,
                MemberRec {
                    user_id: id,
                    roles: vec![],
                    nick: None,
                },
            );
        }
        s.guilds.insert(
            gid,
            GuildRec {
                id: gid,
                name: "Team".into(),
                owner_id: uid,
                roles: vec![RoleRec {
                    id: gid,
                    name: "@everyone".into(),
                    permissions: perms::EVERYONE_DEFAULT,
                    position: 0,
                }],
                members,
            },
        );
        s.channels.insert(
            cid,
            ChannelRec {
                id: cid,
                kind: 0,
                guild_id: Some(gid),
                name: "general".into(),
                parent_id: None,
                owner_id: None,
                recipient_id: None,
                archived: false,
                members: Vec::new(),
            },
        );
        let tid = s.ids.mint();
        s.channels.insert(
            tid,
            ChannelRec {
                id: tid,
                kind: 11,
                guild_id: Some(gid),
                name: "a thread".into(),
                parent_id: Some(cid),
                owner_id: Some(s.bot.user_id),
                recipient_id: None,
                archived: false,
                members: Vec::new(),
            },
        );
        (s, gid, uid, cid)
    }

    fn posted(s: &mut State, cid: u64, author: u64) -> PostedMessage {
        PostedMessage {
            id: s.ids.mint(),
            channel_id: cid,
            author_id: author,
            content: "hi".into(),
            embeds: json!([]),
            components: json!([{"type": 1, "components": [
                {"type": 2, "style": 1, "label": "A", "custom_id": "quiz:1:a"}]}]),
            attachments: vec![],
            flags: 64,
            allowed_mentions: None,
            interaction_id: None,
            webhook_id: None,
            edited: false,
            deleted: false,
            thread_id: None,
            pinged: Default::default(),
        }
    }

    #[test]
    fn ready_parses() {
        let (s, ..) = world();
        let guilds: Vec<u64> = s.guilds.keys().copied().collect();
        let v = ready(&s, "abc", "ws://127.0.0.1:1", [1, 2], &guilds);
        let r: Ready = serde_json::from_value(v).expect("Ready");
        assert_eq!(r.session_id, "abc");
        assert_eq!(r.guilds.len(), 1);
        assert_eq!(r.shard.map(|s| (s.id.0, s.total)), Some((1, 2)));
    }

    #[test]
    fn guild_create_parses() {
        let (s, gid, ..) = world();
        let g: Guild = serde_json::from_value(guild_create(&s, &s.guilds[&gid])).expect("Guild");
        assert_eq!(g.channels.len(), 1);
        assert_eq!(g.threads.len(), 1);
        assert_eq!(g.roles.len(), 1);
    }

    #[test]
    fn messages_parse() {
        let (mut s, _, uid, cid) = world();
        let m = posted(&mut s, cid, uid);
        let parsed: Message = serde_json::from_value(message(&s, &m)).expect("Message");
        assert_eq!(parsed.components.len(), 1);
        assert!(parsed.guild_id.is_some());
    }

    #[test]
    fn channels_parse() {
        let (mut s, _, uid, _) = world();
        for c in s.channels.values() {
            let _: Channel = serde_json::from_value(channel(c, &s)).expect("Channel");
        }
        let dm = ChannelRec {
            id: s.ids.mint(),
            kind: channel_kind::DM,
            guild_id: None,
            name: String::new(),
            parent_id: None,
            owner_id: None,
            recipient_id: Some(uid),
            archived: false,
            members: Vec::new(),
        };
        let c: Channel = serde_json::from_value(channel(&dm, &s)).expect("DM channel");
        assert!(c.private().is_some());
    }

    #[test]
    fn application_and_commands_parse() {
        let (s, gid, ..) = world();
        let _: CurrentApplicationInfo =
            serde_json::from_value(application(&s)).expect("CurrentApplicationInfo");
        let c = registered_command(
            &s,
            7,
            Some(gid),
            &json!({"name": "help", "description": "d", "type": 1, "options": [],
                    "default_member_permissions": "32"}),
        );
        let cmd: Command = serde_json::from_value(c).expect("Command");
        assert_eq!(cmd.name, "help");
        assert_eq!(cmd.guild_id, Some(GuildId::new(gid)));
    }

    fn rec(s: &mut State, kind: u8, guild: Option<u64>, user: u64, channel: u64) -> InteractionRec {
        InteractionRec {
            id: s.ids.mint(),
            token: "tok".into(),
            kind,
            name: "help".into(),
            user_id: user,
            guild_id: guild,
            channel_id: channel,
            dispatched_at: Instant::now(),
            callback: None,
            source_message_id: None,
            original_message_id: None,
            followups: vec![],
        }
    }

    #[test]
    fn every_interaction_kind_parses() {
        let (mut s, gid, uid, cid) = world();
        let cmd = rec(&mut s, 2, Some(gid), uid, cid);
        let data = json!({"id": "1", "name": "help", "type": 1, "options": [], "guild_id": gid.to_string()});
        let i: Interaction = serde_json::from_value(interaction(&s, &cmd, data)).expect("command");
        let c = i.command().expect("is a command");
        assert!(c.member.unwrap().permissions.is_some());
        assert!(c.app_permissions.is_some());

        let bot = s.bot.user_id;
        let m = posted(&mut s, cid, bot);
        let mid = m.id;
        s.messages.insert(mid, m);
        let mut click = rec(&mut s, 3, Some(gid), uid, cid);
        click.source_message_id = Some(mid);
        let data = json!({"custom_id": "quiz:1:a", "component_type": 2});
        let i: Interaction =
            serde_json::from_value(interaction(&s, &click, data)).expect("component");
        assert_eq!(i.message_component().unwrap().data.custom_id, "quiz:1:a");

        let modal = rec(&mut s, 5, Some(gid), uid, cid);
        let data = json!({"custom_id": "m", "components": [{"type": 1, "components": [
            {"type": 4, "custom_id": "answer", "value": "text"}]}]});
        let i: Interaction = serde_json::from_value(interaction(&s, &modal, data)).expect("modal");
        assert!(i.modal_submit().is_some());

        let auto = rec(&mut s, 4, Some(gid), uid, cid);
        let data = json!({"id": "1", "name": "quiz", "type": 1, "options": [
            {"type": 3, "name": "topic", "value": "se", "focused": true}]});
        let i: Interaction =
            serde_json::from_value(interaction(&s, &auto, data)).expect("autocomplete");
        assert!(i.autocomplete().is_some());

        let dm_channel = s.ids.mint();
        s.channels.insert(
            dm_channel,
            ChannelRec {
                id: dm_channel,
                kind: channel_kind::DM,
                guild_id: None,
                name: String::new(),
                parent_id: None,
                owner_id: None,
                recipient_id: Some(uid),
                archived: false,
                members: Vec::new(),
            },
        );
        let dm = rec(&mut s, 2, None, uid, dm_channel);
        let data = json!({"id": "1", "name": "help", "type": 1});
        let i: Interaction =
            serde_json::from_value(interaction(&s, &dm, data)).expect("dm command");
        assert_eq!(i.command().unwrap().user.id.get(), uid);
    }

    #[test]
    fn message_context_menu_parses() {
        let (mut s, gid, uid, cid) = world();
        let m = posted(&mut s, cid, uid);
        let mid = m.id;
        let target = message(&s, &m);
        let menu = rec(&mut s, 2, Some(gid), uid, cid);
        let data = json!({"id": "1", "name": "Mark as answer", "type": 3,
            "target_id": mid.to_string(),
            "resolved": {"messages": {mid.to_string(): target}}});
        let i: Interaction = serde_json::from_value(interaction(&s, &menu, data)).expect("menu");
        let c = i.command().unwrap();
        assert_eq!(c.data.target_id.map(|t| t.get()), Some(mid));
    }
}
