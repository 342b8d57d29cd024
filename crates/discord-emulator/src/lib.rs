//! A local Discord for tests, benchmarks and the demo: REST and a WebSocket gateway on
//! 127.0.0.1 (random ports), backed by in-memory guilds, channels, members, roles and messages.
//!
//! It is strict about Discord's contract: every request body is validated against Discord's own
//! OpenAPI spec ([`spec`]), interactions must be answered within 3 seconds, and every payload it
//! sends deserializes into serenity's model types. Broken rules are kept as [`Violation`]s for
//! the test to fail on.
//!
//! The test API builds a world ([`Emulator::add_guild`], [`Emulator::add_member`], ...), acts as a
//! member ([`Emulator::slash`], [`Emulator::click`], [`Emulator::say`], ...), reads back what the
//! bot did ([`Emulator::reply`], [`Emulator::messages_in`]) and injects trouble
//! ([`Emulator::fail_next`], [`Emulator::drop_gateway`]). A bot may shard: each shard is a
//! gateway session of its own that gets its guilds' events ([`Emulator::live_shards`]).

#![recursion_limit = "256"]

mod gateway;
mod multipart;
pub mod payloads;
mod rest;
pub mod spec;
pub mod state;

pub use state::{Failure, PostedMessage, Violation};

use anyhow::{anyhow, bail, Context as _};
use serde_json::{json, Value};
use spec::Spec;
use state::{
    channel_kind, perms, CallbackRec, ChannelRec, FailureRule, GatewayCommand, GatewayStats,
    GuildRec, InteractionRec, MemberRec, RoleRec, State, UserRec, INTERACTION_DEADLINE,
};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio::task::JoinHandle;

/// How long the test API waits for the bot before giving up.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(15);

/// State shared by the REST server, the gateway and the test API.
pub(crate) struct Shared {
    pub(crate) state: Mutex<State>,
    pub(crate) spec: Spec,
    /// Woken whenever something changes, for the test API's waits.
    pub(crate) changed: Notify,
    pub(crate) gateway_url: String,
}

/// Options for [`Emulator::start`].
#[derive(Debug, Clone)]
pub struct EmulatorOptions {
    pub bot_token: String,
    pub bot_name: String,
    /// Discord's OpenAPI document; defaults to [`Spec::load_default`]'s choice.
    pub spec_path: Option<PathBuf>,
    /// Gateway heartbeat interval announced in Hello.
    pub heartbeat_interval: Duration,
}

impl Default for EmulatorOptions {
    fn default() -> Self {
        EmulatorOptions {
            bot_token: "emulator-bot-token".into(),
            bot_name: "peerlearn".into(),
            spec_path: None,
            heartbeat_interval: Duration::from_millis(41_250),
        }
    }
}

/// What the bot answered to an interaction.
#[derive(Debug, Clone)]
pub struct Reply {
    /// Discord's callback type (4 message, 5 deferred, 6 deferred update, 7 update, 8
    /// autocomplete, 9 modal).
    pub callback_type: u8,
    /// How long the bot took to call back.
    pub after: Duration,
    /// The response message (for 4, a finished 5, or the updated message for 6/7).
    pub message: Option<PostedMessage>,
    /// The callback's `data`: autocomplete choices or a modal.
    pub data: Value,
}

/// The value a member's pick sends for an option: a choice is picked by its name (as in
/// Discord's menu) and sent as its value; the value must have the option's type.
fn option_value(def: &Value, given: &Value) -> Option<Value> {
    if let (Some(choices), Some(name)) = (def["choices"].as_array(), given.as_str()) {
        if let Some(c) = choices.iter().find(|c| c["name"] == name) {
            return Some(c["value"].clone());
        }
    }
    let fits = match def["type"].as_u64()? {
        3 => given.is_string(),
        4 => given.is_i64() || given.is_u64(),
        5 => given.is_boolean(),
        10 => given.is_number(),
        // Users, channels, roles, mentionables and attachments are snowflakes as strings.
        6 | 7 | 8 | 9 | 11 => given.as_str().is_some_and(|s| s.parse::<u64>().is_ok()),
        _ => false,
    };
    fits.then(|| given.clone())
}

/// A running emulator. Dropping it stops its servers.
pub struct Emulator {
    shared: Arc<Shared>,
    rest_port: u16,
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for Emulator {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

impl Emulator {
    /// Starts REST and gateway listeners on random loopback ports.
    pub async fn start(options: EmulatorOptions) -> anyhow::Result<Emulator> {
        let spec = match &options.spec_path {
            Some(path) => Spec::load(path)?,
            None => Spec::load_default()?,
        };
        let rest = TcpListener::bind("127.0.0.1:0").await?;
        let ws = TcpListener::bind("127.0.0.1:0").await?;
        let rest_port = rest.local_addr()?.port();
        let gateway_url = format!("ws://127.0.0.1:{}", ws.local_addr()?.port());
        let mut state = State::new(&options.bot_name, &options.bot_token);
        state.heartbeat_interval_ms = options.heartbeat_interval.as_millis() as u64;
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            spec,
            changed: Notify::new(),
            gateway_url,
        });
        let tasks = vec![
            tokio::spawn(rest::serve(rest, Arc::clone(&shared))),
            tokio::spawn(gateway::serve(ws, Arc::clone(&shared))),
        ];
        Ok(Emulator {
            shared,
            rest_port,
            tasks,
        })
    }

    /// The base URL to give the bot as `discord.api_base`.
    pub fn api_base(&self) -> String {
        format!("http://127.0.0.1:{}", self.rest_port)
    }

    pub fn gateway_url(&self) -> String {
        self.shared.gateway_url.clone()
    }

    pub fn bot_token(&self) -> String {
        self.lock().bot.token.clone()
    }

    pub fn bot_user_id(&self) -> u64 {
        self.lock().bot.user_id
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.shared.state.lock().expect("emulator state")
    }

    /// Runs `f` on the state, then wakes waiters.
    fn with_state<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let out = f(&mut self.lock());
        self.shared.changed.notify_waiters();
        out
    }

    /// Waits until `check` finds what it looks for, or fails after `DEFAULT_WAIT`.
    pub async fn wait_for<T>(
        &self,
        what: &str,
        check: impl Fn(&State) -> Option<T>,
    ) -> anyhow::Result<T> {
        self.wait_for_within(what, DEFAULT_WAIT, check).await
    }

    /// Waits for the next change to the emulator's state (a request, a message, a click), at
    /// most `at_most`: what a test polling the bot's database waits on between looks.
    pub async fn next_change(&self, at_most: Duration) {
        let _ = tokio::time::timeout(at_most, self.shared.changed.notified()).await;
    }

    pub async fn wait_for_within<T>(
        &self,
        what: &str,
        timeout: Duration,
        check: impl Fn(&State) -> Option<T>,
    ) -> anyhow::Result<T> {
        let deadline = Instant::now() + timeout;
        loop {
            let notified = self.shared.changed.notified();
            if let Some(found) = check(&self.lock()) {
                return Ok(found);
            }
            if Instant::now() >= deadline {
                bail!("timed out after {timeout:?} waiting for {what}");
            }
            let _ = tokio::time::timeout(Duration::from_millis(25), notified).await;
        }
    }

    // ----- building the world -----

    /// Allows the bot to use privileged gateway intents (as ticking them in the developer portal).
    pub fn allow_privileged_intents(&self, bits: u64) {
        self.with_state(|s| s.bot.allowed_privileged_intents = bits);
    }

    /// Sets Discord's global REST limit (requests per second; Discord's is 50).
    pub fn set_global_rate_limit(&self, per_second: u32) {
        self.with_state(|s| s.global_rate_limit = per_second);
    }

    /// Creates a guild with an owner and the bot as a member. Returns the guild id (which is also
    /// the id of its `@everyone` role).
    pub fn add_guild(&self, name: &str) -> u64 {
        self.with_state(|s| {
            let id = s.ids.mint();
            insert_guild(s, id, name)
        })
    }

    /// Like [`Emulator::add_guild`], with an id whose events go to shard `shard` of `total`
    /// (the id's time part is moved on to the next millisecond until it does).
    pub fn add_guild_on_shard(&self, name: &str, shard: u32, total: u32) -> u64 {
        self.with_state(|s| {
            let id = loop {
                let id = s.ids.mint();
                if State::shard_of(id, total) == shard % total.max(1) {
                    break id;
                }
                s.ids.skip_to_next_millisecond(id);
            };
            insert_guild(s, id, name)
        })
    }

    pub fn guild_owner(&self, guild: u64) -> u64 {
        self.lock().guilds[&guild].owner_id
    }

    pub fn add_role(&self, guild: u64, name: &str, permissions: u64) -> u64 {
        self.with_state(|s| {
            let id = s.ids.mint();
            let g = s.guilds.get_mut(&guild).expect("guild exists");
            let position = g.roles.len() as u16;
            g.roles.push(RoleRec {
                id,
                name: name.to_string(),
                permissions,
                position,
            });
            id
        })
    }

    /// Sets a user's Discord client language (`de`, `fr`, `es-ES`, …), sent as `locale` with
    /// their interactions.
    pub fn set_locale(&self, user: u64, locale: &str) {
        self.with_state(|s| s.locales.insert(user, locale.to_string()));
    }

    /// Sets a guild's community language, sent as `preferred_locale` in its GUILD_CREATE and
    /// as `guild_locale` with interactions in it.
    pub fn set_guild_locale(&self, guild: u64, locale: &str) {
        self.with_state(|s| s.guild_locales.insert(guild, locale.to_string()));
    }

    /// Creates a user and adds them to the guild with these roles. Returns the user id.
    pub fn add_member(&self, guild: u64, name: &str, roles: &[u64]) -> u64 {
        let id = self.with_state(|s| s.ids.mint());
        self.add_member_with_id(guild, id, name, roles);
        id
    }

    /// Adds a (possibly existing) user to a guild: the same person can be in several guilds.
    pub fn add_member_with_id(&self, guild: u64, user_id: u64, name: &str, roles: &[u64]) {
        self.with_state(|s| {
            s.users.entry(user_id).or_insert(UserRec {
                id: user_id,
                name: name.to_string(),
                bot: false,
            });
            s.guilds
                .get_mut(&guild)
                .expect("guild exists")
                .members
                .insert(
                    user_id,
                    MemberRec {
                        user_id,
                        roles: roles.to_vec(),
                        nick: None,
                    },
                );
        })
    }

    pub fn add_text_channel(&self, guild: u64, name: &str) -> u64 {
        self.with_state(|s| {
            let id = s.ids.mint();
            s.channels.insert(
                id,
                ChannelRec {
                    id,
                    kind: channel_kind::GUILD_TEXT,
                    guild_id: Some(guild),
                    name: name.to_string(),
                    parent_id: None,
                    owner_id: None,
                    recipient_id: None,
                    archived: false,
                    members: Vec::new(),
                },
            );
            if !s.sessions.is_empty() {
                let c = payloads::channel(&s.channels[&id], s);
                s.dispatch("CHANNEL_CREATE", c);
            }
            id
        })
    }

    // ----- acting as a member -----

    /// Sends a slash command as `user` in `channel`. `command` is the command name, optionally
    /// followed by a subcommand group and subcommand (`"schedule add"`); `options` are
    /// `(name, value)` pairs typed by the registered command's option types.
    pub fn slash(
        &self,
        channel: u64,
        user: u64,
        command: &str,
        options: &[(&str, Value)],
    ) -> anyhow::Result<u64> {
        let mut words = command.split_whitespace();
        let name = words.next().context("empty command")?;
        let path: Vec<&str> = words.collect();
        let guild = self.lock().guild_of_channel(channel);
        let registered = self.find_command(guild, name, 1)?;
        // Discord offers a command in direct messages only if its contexts include BOT_DM (1).
        if guild.is_none() {
            if let Some(contexts) = registered["contexts"].as_array() {
                if !contexts.iter().any(|c| c == 1) {
                    bail!(
                        "Discord does not offer /{name} in direct messages (contexts {contexts:?})"
                    );
                }
            }
        }
        let mut level = registered["options"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let mut leaf = Vec::new();
        let mut chain = Vec::new();
        for word in &path {
            let sub = level
                .iter()
                .find(|o| o["name"] == *word)
                .cloned()
                .with_context(|| format!("/{name} has no subcommand {word}"))?;
            level = sub["options"].as_array().cloned().unwrap_or_default();
            chain.push(sub);
        }
        let mut resolved = serde_json::Map::new();
        for (opt, value) in options {
            let def = level
                .iter()
                .find(|o| o["name"] == *opt)
                .with_context(|| format!("/{command} has no option {opt}"))?;
            let value = &option_value(def, value)
                .with_context(|| format!("/{command} option {opt}: {value} does not fit {def}"))?;
            leaf.push(json!({"name": opt, "type": def["type"], "value": value}));
            if let Some((kind, id, object)) = self.resolve_option(def, value) {
                let entry = resolved.entry(kind).or_insert_with(|| json!({}));
                entry[id] = object;
            }
        }
        let mut nested = Value::Array(leaf);
        for sub in chain.iter().rev() {
            nested = json!([{"name": sub["name"], "type": sub["type"], "options": nested}]);
        }
        let mut data = json!({
            "id": registered["id"],
            "name": name,
            "type": 1,
            "options": nested,
        });
        if let Some(g) = guild {
            data["guild_id"] = g.to_string().into();
        }
        if !resolved.is_empty() {
            data["resolved"] = Value::Object(resolved);
        }
        Ok(self.inject(2, command, user, channel, None, data))
    }

    /// The `resolved` entry Discord adds for a channel (7), role (8) or attachment (11) option.
    fn resolve_option(&self, def: &Value, value: &Value) -> Option<(String, String, Value)> {
        let id: u64 = value.as_str()?.parse().ok()?;
        let s = self.lock();
        match def["type"].as_u64()? {
            7 => {
                let c = s.channels.get(&id)?;
                let everyone = c.guild_id.map_or(perms::EVERYONE_DEFAULT, |g| {
                    s.guilds[&g].permissions_of(s.bot.user_id)
                });
                Some((
                    "channels".into(),
                    id.to_string(),
                    json!({"id": id.to_string(), "name": c.name, "type": c.kind, "permissions": everyone.to_string()}),
                ))
            }
            6 => {
                let u = s.users.get(&id)?;
                Some(("users".into(), id.to_string(), payloads::user(u)))
            }
            8 => {
                let role = s
                    .guilds
                    .values()
                    .flat_map(|g| g.roles.iter())
                    .find(|r| r.id == id)?;
                Some(("roles".into(), id.to_string(), payloads::role(role)))
            }
            11 => {
                let u = s.uploads.get(&id)?;
                Some((
                    "attachments".into(),
                    id.to_string(),
                    json!({
                        "id": id.to_string(),
                        "filename": u.filename,
                        "size": u.bytes.len(),
                        "content_type": u.content_type,
                        "url": format!("http://127.0.0.1:{}/attachments/{id}/{}", self.rest_port, u.filename),
                        "proxy_url": format!("http://127.0.0.1:{}/attachments/{id}/{}", self.rest_port, u.filename),
                    }),
                ))
            }
            _ => None,
        }
    }

    /// Stores a file as a member's upload; pass the returned id (as a string) as the value of
    /// an attachment option in [`Emulator::slash`].
    pub fn upload(&self, filename: &str, bytes: &[u8]) -> u64 {
        self.with_state(|s| {
            let id = s.ids.mint();
            let content_type = if filename.ends_with(".csv") {
                "text/csv; charset=utf-8"
            } else {
                "text/plain; charset=utf-8"
            };
            s.uploads.insert(
                id,
                state::Upload {
                    id,
                    filename: filename.to_string(),
                    content_type: content_type.into(),
                    bytes: bytes.to_vec(),
                },
            );
            id
        })
    }

    /// Uses a message context-menu command (e.g. "Mark as answer") on `target` as `user`.
    pub fn message_command(&self, user: u64, name: &str, target: u64) -> anyhow::Result<u64> {
        let (channel, guild, resolved) = {
            let s = self.lock();
            let m = s.messages.get(&target).context("target message exists")?;
            (
                m.channel_id,
                s.guild_of_channel(m.channel_id),
                payloads::message(&s, m),
            )
        };
        let registered = self.find_command(guild, name, 3)?;
        let data = json!({
            "id": registered["id"],
            "name": name,
            "type": 3,
            "target_id": target.to_string(),
            "resolved": {"messages": {target.to_string(): resolved}},
        });
        Ok(self.inject(2, name, user, channel, None, data))
    }

    /// Clicks the button with `custom_id` on a message the bot posted.
    pub fn click(&self, user: u64, message: u64, custom_id: &str) -> anyhow::Result<u64> {
        self.component(user, message, custom_id, 2, None)
    }

    /// Picks `values` in the select menu with `custom_id` on a message the bot posted.
    pub fn select(
        &self,
        user: u64,
        message: u64,
        custom_id: &str,
        values: &[&str],
    ) -> anyhow::Result<u64> {
        self.component(user, message, custom_id, 3, Some(values))
    }

    fn component(
        &self,
        user: u64,
        message: u64,
        custom_id: &str,
        component_type: u8,
        values: Option<&[&str]>,
    ) -> anyhow::Result<u64> {
        let channel = {
            let s = self.lock();
            let m = s
                .messages
                .get(&message)
                .filter(|m| !m.deleted)
                .context("message exists")?;
            let found = m
                .components
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|row| row["components"].as_array().into_iter().flatten())
                .find(|c| {
                    c["custom_id"] == custom_id
                        && c["disabled"] != true
                        && c["type"] == u64::from(component_type)
                });
            let Some(found) = found else {
                bail!("message {message} has no enabled component {custom_id:?} of type {component_type}");
            };
            // A menu lets a member pick only its options, as many as it allows.
            if let Some(picked) = values {
                let options: Vec<&str> = found["options"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|o| o["value"].as_str())
                    .collect();
                let min = found["min_values"].as_u64().unwrap_or(1) as usize;
                let max = found["max_values"].as_u64().unwrap_or(1) as usize;
                if picked.len() < min || picked.len() > max {
                    bail!("the menu takes {min} to {max} picks, not {}", picked.len());
                }
                if let Some(v) = picked.iter().find(|v| !options.contains(v)) {
                    bail!("the menu has no option {v:?} (options {options:?})");
                }
            }
            m.channel_id
        };
        let mut data = json!({"custom_id": custom_id, "component_type": component_type});
        if let Some(v) = values {
            data["values"] = json!(v);
        }
        Ok(self.inject(3, custom_id, user, channel, Some(message), data))
    }

    /// Submits the modal the bot opened in answer to `interaction`, with `(custom_id, value)`
    /// text inputs.
    pub fn submit_modal(
        &self,
        user: u64,
        interaction: u64,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<u64> {
        let (channel, source, modal) = {
            let s = self.lock();
            let rec = s
                .interactions
                .get(&interaction)
                .context("interaction exists")?;
            let cb = rec.callback.as_ref().filter(|c| c.kind == 9);
            let cb = cb.context("the bot answered with a modal")?;
            (rec.channel_id, rec.source_message_id, cb.data.clone())
        };
        let custom_id = modal["custom_id"].as_str().unwrap_or_default().to_string();
        // A member can fill in only the form's inputs, within their lengths.
        let inputs: Vec<&Value> = modal["components"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|row| row["components"].as_array().into_iter().flatten())
            .filter(|c| c["type"] == 4)
            .collect();
        for (id, value) in fields {
            let Some(input) = inputs.iter().find(|c| c["custom_id"] == *id) else {
                bail!("the form has no text input {id:?}");
            };
            let n = value.chars().count() as u64;
            let max = input["max_length"].as_u64().unwrap_or(4000);
            let min = input["min_length"].as_u64().unwrap_or(0);
            let required = input["required"].as_bool().unwrap_or(true);
            if n > max || n < min || (required && n == 0) {
                bail!("the input {id:?} takes {min} to {max} characters (required: {required}), not {n}");
            }
        }
        let rows: Vec<Value> = fields
            .iter()
            .map(|(id, value)| {
                json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": value}]})
            })
            .collect();
        let data = json!({"custom_id": custom_id, "components": rows});
        Ok(self.inject(5, &custom_id, user, channel, source, data))
    }

    /// Types into an autocompleted option: `focused` is the option being typed. `command` may
    /// name a subcommand (`"schedule add"`).
    pub fn autocomplete(
        &self,
        channel: u64,
        user: u64,
        command: &str,
        focused: (&str, &str),
    ) -> anyhow::Result<u64> {
        let mut words = command.split_whitespace();
        let name = words.next().context("empty command")?;
        let guild = self.lock().guild_of_channel(channel);
        let registered = self.find_command(guild, name, 1)?;
        // Discord offers a command in direct messages only if its contexts include BOT_DM (1).
        if guild.is_none() {
            if let Some(contexts) = registered["contexts"].as_array() {
                if !contexts.iter().any(|c| c == 1) {
                    bail!(
                        "Discord does not offer /{name} in direct messages (contexts {contexts:?})"
                    );
                }
            }
        }
        let mut level = registered["options"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let mut chain = Vec::new();
        for word in words {
            let sub = level
                .iter()
                .find(|o| o["name"] == word)
                .cloned()
                .with_context(|| format!("/{name} has no subcommand {word}"))?;
            level = sub["options"].as_array().cloned().unwrap_or_default();
            chain.push(sub);
        }
        let def = level
            .iter()
            .find(|o| o["name"] == focused.0)
            .with_context(|| format!("/{command} has no option {}", focused.0))?;
        if def["autocomplete"] != true {
            bail!("/{command} option {} is not autocompleted", focused.0);
        }
        let mut nested =
            json!([{"name": focused.0, "type": def["type"], "value": focused.1, "focused": true}]);
        for sub in chain.iter().rev() {
            nested = json!([{"name": sub["name"], "type": sub["type"], "options": nested}]);
        }
        let data = json!({
            "id": registered["id"],
            "name": name,
            "type": 1,
            "options": nested,
        });
        Ok(self.inject(4, command, user, channel, None, data))
    }

    /// Posts a plain message as `user` (MESSAGE_CREATE reaches the bot if its intents ask).
    pub fn say(&self, channel: u64, user: u64, content: &str) -> u64 {
        self.with_state(|s| {
            let id = s.ids.mint();
            let m = PostedMessage {
                id,
                channel_id: channel,
                author_id: user,
                content: content.to_string(),
                embeds: json!([]),
                components: json!([]),
                attachments: vec![],
                flags: 0,
                allowed_mentions: None,
                interaction_id: None,
                webhook_id: None,
                edited: false,
                deleted: false,
                thread_id: None,
                pinged: Default::default(),
            };
            s.messages.insert(id, m.clone());
            if let Some(c) = s.channels.get_mut(&channel) {
                c.archived = false; // a new message unarchives a thread
            }
            let is_dm = s
                .channels
                .get(&channel)
                .is_some_and(|c| c.kind == channel_kind::DM);
            let intent = if is_dm { 1 << 12 } else { 1 << 9 };
            if s.has_intent(intent) {
                let mut event = payloads::message(s, &m);
                if !s.has_intent(1 << 15) {
                    // Without the privileged MESSAGE_CONTENT intent Discord blanks the text.
                    event["content"] = "".into();
                }
                s.dispatch("MESSAGE_CREATE", event);
            }
            id
        })
    }

    fn find_command(&self, guild: Option<u64>, name: &str, kind: u64) -> anyhow::Result<Value> {
        let s = self.lock();
        let scopes = [guild, None];
        scopes
            .iter()
            .filter_map(|g| s.commands.get(g))
            .flatten()
            .find(|c| c["name"] == name && c["type"].as_u64().unwrap_or(1) == kind)
            .cloned()
            .ok_or_else(|| anyhow!("no registered command {name:?} (type {kind}) for this channel"))
    }

    /// Creates the interaction, dispatches INTERACTION_CREATE and arms the 3-second watchdog.
    fn inject(
        &self,
        kind: u8,
        name: &str,
        user: u64,
        channel: u64,
        source_message: Option<u64>,
        data: Value,
    ) -> u64 {
        let id = self.with_state(|s| {
            let id = s.ids.mint();
            let token = format!("itoken-{id}-{}", s.ids.mint());
            let rec = InteractionRec {
                id,
                token,
                kind,
                name: name.to_string(),
                user_id: user,
                guild_id: s.guild_of_channel(channel),
                channel_id: channel,
                dispatched_at: Instant::now(),
                callback: None,
                source_message_id: source_message,
                original_message_id: None,
                followups: vec![],
            };
            let payload = payloads::interaction(s, &rec, data);
            s.interactions.insert(id, rec);
            s.dispatch("INTERACTION_CREATE", payload);
            id
        });
        let shared = Arc::clone(&self.shared);
        tokio::spawn(async move {
            tokio::time::sleep(INTERACTION_DEADLINE).await;
            let mut s = shared.state.lock().expect("state");
            let missed = s.interactions.get(&id).filter(|r| r.callback.is_none());
            if let Some(rec) = missed {
                let context = format!("interaction {id} ({})", rec.name);
                s.violate(
                    context,
                    "not answered within 3 seconds: Discord shows the user \"This interaction failed\"",
                );
            }
        });
        id
    }

    // ----- reading back -----

    /// Waits for the bot's answer to an interaction; for a deferred answer, waits until the
    /// response message has been filled in.
    pub async fn reply(&self, interaction: u64) -> anyhow::Result<Reply> {
        self.reply_within(interaction, DEFAULT_WAIT).await
    }

    /// [`Emulator::reply`], waiting up to `timeout`.
    pub async fn reply_within(&self, interaction: u64, timeout: Duration) -> anyhow::Result<Reply> {
        let what = format!("the bot's answer to interaction {interaction}");
        self.wait_for_within(&what, timeout, |s| {
            let rec = s.interactions.get(&interaction)?;
            let CallbackRec { kind, after, data } = rec.callback.clone()?;
            let message = match kind {
                4 | 5 => {
                    let m = s.messages.get(&rec.original_message_id?)?;
                    if m.flags & 128 != 0 {
                        return None; // still "thinking"
                    }
                    Some(m.clone())
                }
                6 | 7 => rec
                    .source_message_id
                    .and_then(|m| s.messages.get(&m).cloned()),
                _ => None,
            };
            Some(Reply {
                callback_type: kind,
                after,
                message,
                data,
            })
        })
        .await
    }

    /// The callback type the bot answered an interaction with, if it has (without waiting).
    pub fn answered(&self, interaction: u64) -> Option<u8> {
        self.lock()
            .interactions
            .get(&interaction)
            .and_then(|r| r.callback.as_ref())
            .map(|c| c.kind)
    }

    /// Followup messages sent for an interaction so far.
    pub fn followups(&self, interaction: u64) -> Vec<PostedMessage> {
        let s = self.lock();
        s.interactions
            .get(&interaction)
            .map(|r| {
                r.followups
                    .iter()
                    .filter_map(|m| s.messages.get(m).cloned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A channel or thread as the emulator holds it (name, archived, parent).
    pub fn channel(&self, id: u64) -> Option<ChannelRec> {
        self.lock().channels.get(&id).cloned()
    }

    /// Non-deleted messages in a channel, oldest first.
    pub fn messages_in(&self, channel: u64) -> Vec<PostedMessage> {
        self.lock()
            .messages
            .values()
            .filter(|m| m.channel_id == channel && !m.deleted)
            .cloned()
            .collect()
    }

    /// The newest message's id (0 before any): ids only grow, so later messages have larger ones.
    pub fn latest_message_id(&self) -> u64 {
        self.lock()
            .messages
            .keys()
            .next_back()
            .copied()
            .unwrap_or(0)
    }

    /// The direct-message channel between `user` and the bot, as when a member opens a DM
    /// with it (the same channel the bot would open).
    pub fn open_dm(&self, user: u64) -> anyhow::Result<u64> {
        self.with_state(|s| rest::dm_channel(s, user))
            .with_context(|| format!("no user {user}"))
    }

    /// The direct-message channel the bot opened with `user`, if any.
    pub fn dm_channel_of(&self, user: u64) -> Option<u64> {
        self.lock()
            .channels
            .values()
            .find(|c| c.recipient_id == Some(user))
            .map(|c| c.id)
    }

    pub fn message(&self, id: u64) -> Option<PostedMessage> {
        self.lock().messages.get(&id).cloned()
    }

    /// Registered commands: a guild's, or the global ones for `None`.
    pub fn commands(&self, guild: Option<u64>) -> Vec<Value> {
        self.lock()
            .commands
            .get(&guild)
            .cloned()
            .unwrap_or_default()
    }

    /// Waits until the bot has registered commands in this scope.
    pub async fn wait_for_commands(&self, guild: Option<u64>) -> anyhow::Result<Vec<Value>> {
        self.wait_for("command registration", |s| {
            s.commands.get(&guild).filter(|c| !c.is_empty()).cloned()
        })
        .await
    }

    /// Waits until the bot has a live, identified gateway session on every shard.
    pub async fn wait_for_session(&self) -> anyhow::Result<()> {
        self.wait_for("a live gateway session", |s| {
            s.all_shards_live().then_some(())
        })
        .await
    }

    /// Sets the shard count `/gateway/bot` recommends (1 unless set).
    pub fn set_recommended_shards(&self, shards: u32) {
        self.with_state(|s| s.recommended_shards = shards.max(1));
    }

    /// Sets how many guilds one shard may hold before Identify is closed with 4011.
    pub fn set_max_guilds_per_shard(&self, guilds: usize) {
        self.with_state(|s| s.max_guilds_per_shard = guilds);
    }

    /// `[shard, count]` of each live session.
    pub fn live_shards(&self) -> Vec<[u32; 2]> {
        self.lock()
            .sessions
            .values()
            .filter(|x| x.sender.is_some())
            .map(|x| x.shard)
            .collect()
    }

    pub fn gateway_stats(&self) -> GatewayStats {
        self.lock().gateway.clone()
    }

    /// Every request the bot sent so far, as `(method, path, status)`.
    pub fn requests(&self) -> Vec<(String, String, u16)> {
        self.lock()
            .requests
            .iter()
            .map(|r| (r.method.clone(), r.path.clone(), r.status))
            .collect()
    }

    /// `(method, path, status, when)` of every request, oldest first.
    pub fn requests_timed(&self) -> Vec<(String, String, u16, Instant)> {
        self.lock()
            .requests
            .iter()
            .map(|r| (r.method.clone(), r.path.clone(), r.status, r.at))
            .collect()
    }

    /// Forgets every failure injected with [`Emulator::fail_next`] and not yet used.
    pub fn clear_failures(&self) {
        self.with_state(|s| s.failures.clear());
    }

    /// How many 429s the bot received.
    pub fn rate_limited_count(&self) -> u32 {
        self.lock().rate_limited_count
    }

    /// Every contract violation recorded so far.
    pub fn violations(&self) -> Vec<Violation> {
        self.lock().violations.clone()
    }

    /// Forgets recorded violations (for tests that provoke one on purpose and checked it).
    pub fn clear_violations(&self) {
        self.lock().violations.clear();
    }

    // ----- trouble -----

    /// The next `count` requests to `method` + `path` (a spec template such as
    /// `/channels/{channel_id}/messages`, or a literal path) fail with `failure`.
    pub fn fail_next(&self, method: &str, path: &str, failure: Failure, count: u32) {
        self.with_state(|s| {
            s.failures.push(FailureRule {
                method: method.to_uppercase(),
                path: path.to_string(),
                failure,
                remaining: count,
            })
        });
    }

    /// Cuts the gateway connection without a close frame (a network drop); the bot should
    /// reconnect and resume.
    pub fn drop_gateway(&self) {
        self.send_gateway(GatewayCommand::Drop);
    }

    /// Closes the gateway connection with a code (4000 "unknown error" allows a resume).
    pub fn close_gateway(&self, code: u16) {
        self.send_gateway(GatewayCommand::Close(code));
    }

    /// Asks the bot to reconnect (op 7), as Discord does before maintenance.
    pub fn request_reconnect(&self) {
        self.send_gateway(GatewayCommand::Send(
            json!({"op": 7, "s": null, "t": null, "d": null}),
        ));
    }

    /// Invalidates the session (op 9, not resumable): the bot must identify again.
    pub fn invalidate_session(&self) {
        let senders: Vec<_> = self.with_state(|s| {
            s.gateway.invalid_sessions += 1;
            std::mem::take(&mut s.sessions)
                .into_values()
                .filter_map(|x| x.sender)
                .collect()
        });
        for tx in senders {
            let _ = tx.send(GatewayCommand::Send(
                json!({"op": 9, "s": null, "t": null, "d": false}),
            ));
        }
    }

    /// Sends `command` to every shard's connection.
    fn send_gateway(&self, command: GatewayCommand) {
        let s = self.lock();
        for tx in s.sessions.values().filter_map(|x| x.sender.as_ref()) {
            let _ = tx.send(command.clone());
        }
    }
}

/// Puts a guild with id `id` in the state: an owner, the bot as a member, its `@everyone` role;
/// tells a connected bot. Returns the id.
fn insert_guild(s: &mut State, id: u64, name: &str) -> u64 {
    let owner = s.ids.mint();
    s.users.insert(
        owner,
        UserRec {
            id: owner,
            name: format!("{name} owner"),
            bot: false,
        },
    );
    let mut members = BTreeMap::new();
    for user_id in [owner, s.bot.user_id] {
        members.insert(
            user_id,
            MemberRec {
                user_id,
                roles: vec![],
                nick: None,
            },
        );
    }
    s.guilds.insert(
        id,
        GuildRec {
            id,
            name: name.to_string(),
            owner_id: owner,
            roles: vec![RoleRec {
                id,
                name: "@everyone".into(),
                permissions: perms::EVERYONE_DEFAULT,
                position: 0,
            }],
            members,
        },
    );
    if !s.sessions.is_empty() {
        let g = payloads::guild_create(s, &s.guilds[&id]);
        s.dispatch("GUILD_CREATE", g);
    }
    id
}
