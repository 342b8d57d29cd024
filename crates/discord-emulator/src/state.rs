//! The emulator's in-memory Discord: users, guilds, roles, channels, messages, registered
//! commands, interactions in flight, the gateway session, and the record of every contract
//! violation the bot committed.
//!
//! Everything here is plain data behind one mutex; the REST and gateway servers lock it for
//! short, non-async sections.

use serde_json::Value;
use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::mpsc::UnboundedSender;

/// Discord's epoch (2015-01-01) in Unix milliseconds, the base of snowflake ids.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// Discord drops an interaction that is not answered within this time.
pub const INTERACTION_DEADLINE: Duration = Duration::from_secs(3);
/// Followups and edits through an interaction token work for this long.
pub const INTERACTION_TOKEN_LIFETIME: Duration = Duration::from_secs(15 * 60);

/// How many dispatched events a session keeps for replay on resume.
const REPLAY_LOG_CAPACITY: usize = 5_000;

/// Permission bits the emulator needs (Discord's `permissions` topic).
pub mod perms {
    pub const ADMINISTRATOR: u64 = 1 << 3;
    pub const MANAGE_GUILD: u64 = 1 << 5;
    pub const ADD_REACTIONS: u64 = 1 << 6;
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const EMBED_LINKS: u64 = 1 << 14;
    pub const ATTACH_FILES: u64 = 1 << 15;
    pub const READ_MESSAGE_HISTORY: u64 = 1 << 16;
    pub const USE_APPLICATION_COMMANDS: u64 = 1 << 31;
    pub const CREATE_PUBLIC_THREADS: u64 = 1 << 35;
    pub const SEND_MESSAGES_IN_THREADS: u64 = 1 << 38;
    /// What `@everyone` may do in a fresh emulated guild.
    pub const EVERYONE_DEFAULT: u64 = ADD_REACTIONS
        | VIEW_CHANNEL
        | SEND_MESSAGES
        | EMBED_LINKS
        | ATTACH_FILES
        | READ_MESSAGE_HISTORY
        | USE_APPLICATION_COMMANDS
        | CREATE_PUBLIC_THREADS
        | SEND_MESSAGES_IN_THREADS;
    /// Every permission bit Discord defines today.
    pub const ALL: u64 = (1 << 51) - 1;
}

/// Channel types used by the emulator.
pub mod channel_kind {
    pub const GUILD_TEXT: u8 = 0;
    pub const DM: u8 = 1;
    pub const PUBLIC_THREAD: u8 = 11;
    pub const PRIVATE_THREAD: u8 = 12;
}

/// Gateway intents that Discord treats as privileged.
pub const PRIVILEGED_INTENTS: u64 = (1 << 1) | (1 << 8) | (1 << 15);

#[derive(Debug, Clone)]
pub struct UserRec {
    pub id: u64,
    pub name: String,
    pub bot: bool,
}

#[derive(Debug, Clone)]
pub struct RoleRec {
    pub id: u64,
    pub name: String,
    pub permissions: u64,
    pub position: u16,
}

#[derive(Debug, Clone)]
pub struct MemberRec {
    pub user_id: u64,
    pub roles: Vec<u64>,
    pub nick: Option<String>,
}

#[derive(Debug, Clone)]
pub struct GuildRec {
    pub id: u64,
    pub name: String,
    pub owner_id: u64,
    /// The first role is `@everyone`, whose id is the guild's id.
    pub roles: Vec<RoleRec>,
    pub members: BTreeMap<u64, MemberRec>,
}

impl GuildRec {
    /// A member's guild-wide permissions: the union of their roles' permissions, everything for
    /// the owner and for administrators.
    pub fn permissions_of(&self, user_id: u64) -> u64 {
        if user_id == self.owner_id {
            return perms::ALL;
        }
        let Some(member) = self.members.get(&user_id) else {
            return 0;
        };
        let bits = self
            .roles
            .iter()
            .filter(|r| r.id == self.id || member.roles.contains(&r.id))
            .fold(0, |acc, r| acc | r.permissions);
        if bits & perms::ADMINISTRATOR != 0 {
            perms::ALL
        } else {
            bits
        }
    }
}

#[derive(Debug, Clone)]
pub struct ChannelRec {
    pub id: u64,
    pub kind: u8,
    pub guild_id: Option<u64>,
    pub name: String,
    /// For threads: the channel they were opened in.
    pub parent_id: Option<u64>,
    /// For threads: who opened it; for DMs: the other user.
    pub owner_id: Option<u64>,
    pub recipient_id: Option<u64>,
    /// For threads: archived (a new message unarchives it, as on Discord).
    pub archived: bool,
    /// For threads: the users added with `PUT /channels/{id}/thread-members/{user}`.
    pub members: Vec<u64>,
}

/// A file attached to a message the bot sent.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub id: u64,
    pub filename: String,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

/// A message as the emulator stores it, whoever posted it.
#[derive(Debug, Clone, Default)]
pub struct PostedMessage {
    pub id: u64,
    pub channel_id: u64,
    pub author_id: u64,
    pub content: String,
    pub embeds: Value,
    pub components: Value,
    pub attachments: Vec<Attachment>,
    pub flags: u64,
    /// The `allowed_mentions` the sender asked for, as sent (None when absent).
    pub allowed_mentions: Option<Value>,
    /// Set for interaction responses and followups.
    pub interaction_id: Option<u64>,
    /// Set when the message was created through an interaction webhook.
    pub webhook_id: Option<u64>,
    pub edited: bool,
    pub deleted: bool,
    /// The thread started from this message, if any.
    pub thread_id: Option<u64>,
    /// Who this message notified, by Discord's `allowed_mentions` rules.
    pub pinged: Pings,
}

/// The mentions in a message that notify someone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pings {
    /// `@everyone` or `@here`.
    pub everyone: bool,
    pub roles: Vec<u64>,
    pub users: Vec<u64>,
}

impl Pings {
    /// Who `content` notifies under `allowed_mentions` (absent: everything it mentions, as on
    /// Discord). Embeds never notify.
    pub fn of(content: &str, allowed: Option<&serde_json::Value>) -> Result<Pings, String> {
        let parse: Vec<&str> = match allowed {
            None => vec!["users", "roles", "everyone"],
            Some(a) => a["parse"]
                .as_array()
                .map(|p| p.iter().filter_map(|x| x.as_str()).collect())
                .unwrap_or_default(),
        };
        let listed = |key: &str| -> Vec<u64> {
            allowed
                .and_then(|a| a[key].as_array())
                .map(|ids| {
                    ids.iter()
                        .filter_map(|i| i.as_str().and_then(|s| s.parse().ok()).or(i.as_u64()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (users_listed, roles_listed) = (listed("users"), listed("roles"));
        for (kind, list) in [("users", &users_listed), ("roles", &roles_listed)] {
            if parse.contains(&kind) && !list.is_empty() {
                return Err(format!(
                    "allowed_mentions: parse contains \"{kind}\" and a {kind} list is given (Discord rejects this)"
                ));
            }
            if list.len() > 100 {
                return Err(format!("allowed_mentions.{kind}: at most 100 ids"));
            }
        }
        let mut pings = Pings {
            everyone: parse.contains(&"everyone")
                && (content.contains("@everyone") || content.contains("@here")),
            ..Default::default()
        };
        let mut rest = content;
        while let Some(start) = rest.find("<@") {
            rest = &rest[start + 2..];
            let (is_role, body) = match rest.strip_prefix('&') {
                Some(b) => (true, b),
                None => (false, rest.strip_prefix('!').unwrap_or(rest)),
            };
            let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
            if digits.is_empty() || !body[digits.len()..].starts_with('>') {
                continue;
            }
            let Ok(id) = digits.parse::<u64>() else {
                continue;
            };
            let (kind, list, out) = if is_role {
                ("roles", &roles_listed, &mut pings.roles)
            } else {
                ("users", &users_listed, &mut pings.users)
            };
            if (parse.contains(&kind) || list.contains(&id)) && !out.contains(&id) {
                out.push(id);
            }
        }
        Ok(pings)
    }
}

impl PostedMessage {
    /// The message as a person reads it, in plain text: the content, each embed's title, text
    /// and footer, then the buttons in brackets.
    pub fn to_text(&self) -> String {
        let mut parts = Vec::new();
        if !self.content.is_empty() {
            parts.push(self.content.clone());
        }
        for e in self.embeds.as_array().into_iter().flatten() {
            for key in ["title", "description"] {
                if let Some(t) = e[key].as_str() {
                    parts.push(t.to_string());
                }
            }
            if let Some(t) = e["footer"]["text"].as_str() {
                parts.push(format!("({t})"));
            }
        }
        let buttons: Vec<String> = self
            .buttons()
            .into_iter()
            .map(|(_, l)| format!("[{l}]"))
            .collect();
        if !buttons.is_empty() {
            parts.push(buttons.join(" "));
        }
        for a in &self.attachments {
            parts.push(format!("📎 {}", a.filename));
        }
        parts.join("\n")
    }

    /// Whether only the interaction's user can see this message.
    pub fn is_ephemeral(&self) -> bool {
        self.flags & 64 != 0
    }

    /// `(custom_id, [(value, label)])` of every select menu, in order.
    pub fn menus(&self) -> Vec<(String, Vec<(String, String)>)> {
        let mut out = Vec::new();
        for row in self.components.as_array().into_iter().flatten() {
            for c in row["components"].as_array().into_iter().flatten() {
                if c["type"] == 3 {
                    let options = c["options"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|o| {
                            let text = |k: &str| o[k].as_str().unwrap_or_default().to_string();
                            (text("value"), text("label"))
                        })
                        .collect();
                    out.push((
                        c["custom_id"].as_str().unwrap_or_default().to_string(),
                        options,
                    ));
                }
            }
        }
        out
    }

    /// `(custom_id, label)` of every button, in order.
    pub fn buttons(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for row in self.components.as_array().into_iter().flatten() {
            for c in row["components"].as_array().into_iter().flatten() {
                if c["type"] == 2 {
                    out.push((
                        c["custom_id"].as_str().unwrap_or_default().to_string(),
                        c["label"].as_str().unwrap_or_default().to_string(),
                    ));
                }
            }
        }
        out
    }
}

/// What the bot answered to an interaction's callback.
#[derive(Debug, Clone)]
pub struct CallbackRec {
    /// Discord's callback type: 4 message, 5 deferred message, 6 deferred update, 7 update,
    /// 8 autocomplete result, 9 modal.
    pub kind: u8,
    pub after: Duration,
    /// The callback's `data` as sent (choices for autocomplete, the modal for 9).
    pub data: Value,
}

#[derive(Debug, Clone)]
pub struct InteractionRec {
    pub id: u64,
    pub token: String,
    /// Discord's interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit.
    pub kind: u8,
    /// The command name, or the component's / modal's custom_id.
    pub name: String,
    pub user_id: u64,
    pub guild_id: Option<u64>,
    pub channel_id: u64,
    pub dispatched_at: Instant,
    pub callback: Option<CallbackRec>,
    /// The message a component interaction was attached to.
    pub source_message_id: Option<u64>,
    /// The interaction's response message, once it exists.
    pub original_message_id: Option<u64>,
    pub followups: Vec<u64>,
}

/// One broken rule of Discord's contract, recorded for the test to fail on.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// e.g. `POST /channels/{channel_id}/messages`, or `interaction 42 (/help)`.
    pub context: String,
    pub problem: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.context, self.problem)
    }
}

/// A request the bot sent, for tests that check what reached Discord.
#[derive(Debug, Clone)]
pub struct RequestRec {
    pub method: String,
    pub path: String,
    pub status: u16,
    /// When the answer was given.
    pub at: Instant,
}

/// How an injected failure answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// HTTP 429 with this `retry_after` in seconds.
    RateLimited { retry_after: f64, global: bool },
    /// A plain server error, e.g. 500 or 502.
    Status(u16),
    /// The request takes effect, but the answer is lost: the client sees a 502 (as when a
    /// proxy times out after Discord accepted a message).
    LostResponse,
    /// The request takes effect at once, but the answer arrives this much later (a slow
    /// Discord).
    Slow(std::time::Duration),
}

/// A failure the test asked for: the next `remaining` requests matching `method` and the spec's
/// path template (or a literal path) get `failure` instead of an answer.
#[derive(Debug, Clone)]
pub struct FailureRule {
    pub method: String,
    pub path: String,
    pub failure: Failure,
    pub remaining: u32,
}

/// A message for a connected gateway client.
#[derive(Debug, Clone)]
pub enum GatewayCommand {
    Send(Value),
    /// Close the socket with this code (e.g. 4000 to force a resume, 1000 clean).
    Close(u16),
    /// Drop the TCP connection without a close frame.
    Drop,
}

/// The bot's gateway session: sequence numbers and the events it has been sent, so a resume
/// can replay what a dropped connection missed.
#[derive(Debug)]
pub struct SessionRec {
    pub id: String,
    /// `[shard id, shard count]` as the bot identified.
    pub shard: [u32; 2],
    pub seq: u64,
    pub intents: u64,
    pub log: Vec<(u64, Value)>,
    pub sender: Option<UnboundedSender<GatewayCommand>>,
}

/// Counters of gateway activity.
#[derive(Debug, Default, Clone)]
pub struct GatewayStats {
    pub connections: u32,
    pub identifies: u32,
    pub resumes: u32,
    pub heartbeats: u32,
    pub invalid_sessions: u32,
}

/// The bot account the emulator expects.
#[derive(Debug, Clone)]
pub struct BotIdentity {
    pub user_id: u64,
    pub application_id: u64,
    pub name: String,
    pub token: String,
    /// Privileged intents the application is allowed to use.
    pub allowed_privileged_intents: u64,
}

/// A snowflake generator: Discord-shaped ids (timestamp << 22), strictly increasing.
#[derive(Debug, Default)]
pub struct Snowflakes {
    last: u64,
}

impl Snowflakes {
    pub fn mint(&mut self) -> u64 {
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(DISCORD_EPOCH_MS)
            .saturating_sub(DISCORD_EPOCH_MS);
        self.last = (ms << 22).max(self.last + 1);
        self.last
    }

    /// Makes the next id start a millisecond after `id`'s.
    pub fn skip_to_next_millisecond(&mut self, id: u64) {
        self.last = self.last.max((((id >> 22) + 1) << 22) - 1);
    }
}

/// The whole emulated Discord.
#[derive(Debug)]
pub struct State {
    pub ids: Snowflakes,
    pub bot: BotIdentity,
    pub users: BTreeMap<u64, UserRec>,
    pub guilds: BTreeMap<u64, GuildRec>,
    /// Users' Discord client languages, where not `en-US` (an interaction's `locale`).
    pub locales: BTreeMap<u64, String>,
    /// Guilds' community languages, where not `en-US` (`preferred_locale`, `guild_locale`).
    pub guild_locales: BTreeMap<u64, String>,
    pub channels: BTreeMap<u64, ChannelRec>,
    pub messages: BTreeMap<u64, PostedMessage>,
    /// Registered commands: `None` holds the global ones, `Some(guild)` a guild's.
    pub commands: BTreeMap<Option<u64>, Vec<Value>>,
    pub interactions: BTreeMap<u64, InteractionRec>,
    pub violations: Vec<Violation>,
    pub requests: Vec<RequestRec>,
    pub failures: Vec<FailureRule>,
    /// The bot's gateway sessions, by shard id (one, shard 0 of 1, unless the bot shards).
    pub sessions: BTreeMap<u32, SessionRec>,
    /// The shard count `/gateway/bot` recommends.
    pub recommended_shards: u32,
    /// Most guilds one shard may hold: an Identify for a shard with more is closed with 4011
    /// "Sharding required" (Discord's limit is 2,500).
    pub max_guilds_per_shard: usize,
    pub gateway: GatewayStats,
    pub heartbeat_interval_ms: u64,
    /// Requests per second allowed across the bot's REST calls (Discord's global limit).
    pub global_rate_limit: u32,
    pub rate_window: (Instant, u32),
    pub rate_limited_count: u32,
    /// Files members attached to commands, served at `/attachments/{id}/{name}`.
    pub uploads: BTreeMap<u64, Upload>,
    /// `(author, nonce)` of messages sent with `enforce_nonce`, and the message created.
    pub nonces: BTreeMap<(u64, String), (u64, Instant)>,
}

/// A file a member attached to a slash command option.
#[derive(Debug, Clone)]
pub struct Upload {
    pub id: u64,
    pub filename: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// How long Discord remembers a nonce for `enforce_nonce` ("the past few minutes").
pub const NONCE_MEMORY: std::time::Duration = std::time::Duration::from_secs(300);

impl State {
    pub fn new(bot_name: &str, token: &str) -> State {
        let mut ids = Snowflakes::default();
        let user_id = ids.mint();
        let bot = BotIdentity {
            user_id,
            application_id: user_id,
            name: bot_name.to_string(),
            token: token.to_string(),
            allowed_privileged_intents: 0,
        };
        let mut users = BTreeMap::new();
        users.insert(
            user_id,
            UserRec {
                id: user_id,
                name: bot_name.to_string(),
                bot: true,
            },
        );
        State {
            ids,
            bot,
            users,
            guilds: BTreeMap::new(),
            locales: BTreeMap::new(),
            guild_locales: BTreeMap::new(),
            channels: BTreeMap::new(),
            messages: BTreeMap::new(),
            commands: BTreeMap::new(),
            interactions: BTreeMap::new(),
            violations: Vec::new(),
            requests: Vec::new(),
            failures: Vec::new(),
            sessions: BTreeMap::new(),
            recommended_shards: 1,
            max_guilds_per_shard: 2_500,
            gateway: GatewayStats::default(),
            heartbeat_interval_ms: 41_250,
            uploads: BTreeMap::new(),
            nonces: BTreeMap::new(),
            global_rate_limit: 50,
            rate_window: (Instant::now(), 0),
            rate_limited_count: 0,
        }
    }

    pub fn violate(&mut self, context: impl Into<String>, problem: impl Into<String>) {
        let v = Violation {
            context: context.into(),
            problem: problem.into(),
        };
        tracing::warn!(target: "emulator", "contract violation: {v}");
        self.violations.push(v);
    }

    /// The session of shard 0 (the only one unless the bot shards).
    pub fn session(&self) -> Option<&SessionRec> {
        self.sessions.get(&0)
    }

    /// Whether the bot has a session for every shard of its count, each connected.
    pub fn all_shards_live(&self) -> bool {
        let total = self.sessions.values().next().map_or(0, |s| s.shard[1]);
        total > 0
            && (0..total).all(|id| {
                self.sessions
                    .get(&id)
                    .is_some_and(|s| s.sender.is_some() && s.shard[1] == total)
            })
    }

    /// The shard that carries a guild's events: `(guild_id >> 22) % shard count`, as Discord
    /// routes them.
    pub fn shard_of(guild: u64, total: u32) -> u32 {
        ((guild >> 22) % u64::from(total.max(1))) as u32
    }

    /// Sends a dispatch event to the bot on the shard of its guild (shard 0 for events without
    /// one, such as direct messages), or keeps it for a resume while that shard is disconnected.
    pub fn dispatch(&mut self, event: &str, data: Value) {
        let guild = data["guild_id"]
            .as_str()
            .or_else(|| {
                matches!(event, "GUILD_CREATE" | "GUILD_UPDATE" | "GUILD_DELETE")
                    .then(|| data["id"].as_str())
                    .flatten()
            })
            .and_then(|g| g.parse::<u64>().ok());
        let total = self.sessions.values().next().map_or(1, |s| s.shard[1]);
        let shard = guild.map_or(0, |g| State::shard_of(g, total));
        self.dispatch_to(shard, event, data);
    }

    /// Sends a dispatch event on one shard's session.
    pub fn dispatch_to(&mut self, shard: u32, event: &str, data: Value) {
        let Some(session) = self.sessions.get_mut(&shard) else {
            return;
        };
        session.seq += 1;
        let payload = serde_json::json!({ "op": 0, "s": session.seq, "t": event, "d": data });
        session.log.push((session.seq, payload.clone()));
        if session.log.len() > REPLAY_LOG_CAPACITY {
            let excess = session.log.len() - REPLAY_LOG_CAPACITY;
            session.log.drain(..excess);
        }
        let delivered = session
            .sender
            .as_ref()
            .is_some_and(|tx| tx.send(GatewayCommand::Send(payload)).is_ok());
        if !delivered {
            session.sender = None;
        }
    }

    /// Whether the bot's session subscribed to an intent bit.
    pub fn has_intent(&self, bit: u64) -> bool {
        self.sessions.values().any(|s| s.intents & bit != 0)
    }

    /// Counts a request against the global rate limit; `Some(retry_after)` when it is over.
    pub fn take_global_rate(&mut self) -> Option<f64> {
        let now = Instant::now();
        let (start, count) = &mut self.rate_window;
        let elapsed = now.duration_since(*start);
        if elapsed >= Duration::from_secs(1) {
            *start = now;
            *count = 0;
        }
        if *count >= self.global_rate_limit {
            self.rate_limited_count += 1;
            return Some(
                (Duration::from_secs(1) - elapsed.min(Duration::from_secs(1))).as_secs_f64(),
            );
        }
        *count += 1;
        None
    }

    /// The guild a channel (or a thread's parent) belongs to.
    pub fn guild_of_channel(&self, channel_id: u64) -> Option<u64> {
        self.channels.get(&channel_id).and_then(|c| c.guild_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pings_follow_allowed_mentions() {
        let text = "@everyone hi <@&7> and <@!5>, <@6> <@x> <@9";
        let all = Pings::of(text, None).unwrap();
        assert_eq!(
            all,
            Pings {
                everyone: true,
                roles: vec![7],
                users: vec![5, 6]
            }
        );
        let none = Pings::of(text, Some(&serde_json::json!({"parse": []}))).unwrap();
        assert_eq!(none, Pings::default());
        let one = Pings::of(
            text,
            Some(&serde_json::json!({"parse": [], "users": ["6"]})),
        )
        .unwrap();
        assert_eq!(one.users, vec![6]);
        assert!(!one.everyone && one.roles.is_empty());
        assert!(Pings::of(
            text,
            Some(&serde_json::json!({"parse": ["users"], "users": ["6"]}))
        )
        .is_err());
    }

    #[test]
    fn snowflakes_increase() {
        let mut ids = Snowflakes::default();
        let a = ids.mint();
        let b = ids.mint();
        assert!(b > a);
        assert!(a > 1 << 40, "ids carry a timestamp");
    }

    #[test]
    fn permissions_combine_roles_and_honour_admin() {
        let mut g = GuildRec {
            id: 1,
            name: "g".into(),
            owner_id: 9,
            roles: vec![
                RoleRec {
                    id: 1,
                    name: "@everyone".into(),
                    permissions: perms::SEND_MESSAGES,
                    position: 0,
                },
                RoleRec {
                    id: 2,
                    name: "Admin".into(),
                    permissions: perms::ADMINISTRATOR,
                    position: 1,
                },
            ],
            members: BTreeMap::new(),
        };
        g.members.insert(
            5,
            MemberRec {
                user_id: 5,
                roles: vec![],
                nick: None,
            },
        );
        g.members.insert(
            6,
            MemberRec {
                user_id: 6,
                roles: vec![2],
                nick: None,
            },
        );
        assert_eq!(g.permissions_of(5), perms::SEND_MESSAGES);
        assert_eq!(g.permissions_of(6), perms::ALL);
        assert_eq!(g.permissions_of(9), perms::ALL);
        assert_eq!(g.permissions_of(7), 0);
    }
}
