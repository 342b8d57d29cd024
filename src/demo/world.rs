//! The demo's world: the bundled Discord emulator with the demo server (channels, roles, the
//! simulated members), the real bot connected to it on a fresh SQLite file and a virtual clock,
//! and the ways a person acts in it (slash commands, clicks, messages), each waiting for the
//! bot's answer and written to the transcript.

use super::cast::{Person, TEAMS, TRACKS};
use super::key::AnswerKey;
use super::transcript::Transcript;
use super::DemoOptions;
use crate::clock::Clock;
use crate::config::{Settings, Token};
use crate::dice::Dice;
use crate::discord::BotError;
use crate::store::Store;
use anyhow::Context as _;
use chrono::{DateTime, Duration as Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use discord_emulator::state::perms;
use discord_emulator::{Emulator, EmulatorOptions, PostedMessage};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The server's time zone.
pub const TIMEZONE: &str = "Europe/Berlin";
/// The first virtual day: a Monday, fixed so a seed always replays the same run.
pub const FIRST_DAY: (i32, u32, u32) = (2026, 3, 2);
/// How long the bot may take to catch up after the clock moves before the demo gives up.
const SETTLE_LIMIT: Duration = Duration::from_secs(60);

/// The demo server's channels.
#[derive(Debug, Clone, Copy)]
pub struct Channels {
    /// Daily quizzes, review reminders, tips and the weekly board.
    pub learning: u64,
    /// Where `/ask` opens threads.
    pub questions: u64,
    /// Digests and notices for the admins.
    pub admins: u64,
}

pub struct World {
    pub discord: Emulator,
    pub store: Store,
    pub clock: Clock,
    pub tz: Tz,
    pub first_day: NaiveDate,
    pub guild: u64,
    pub channels: Channels,
    /// The admin who sets everything up (not a learner).
    pub admin: u64,
    /// Role ids by name.
    pub roles: HashMap<String, u64>,
    pub people: Vec<Person>,
    /// Each member's arm in the experiment (`true`: held out), as the bot stored it.
    pub holdout: HashMap<u64, bool>,
    pub key: AnswerKey,
    pub transcript: Transcript,
    pub out: PathBuf,
    pub db_path: PathBuf,
    /// The bot's verification interval (`knowledge.verification_days`), for the summary's
    /// count of inferred experts.
    pub verification_days: u32,
    stop: Option<oneshot::Sender<()>>,
    bot: Option<JoinHandle<Result<(), BotError>>>,
}

impl World {
    /// Starts the emulator with the demo server and the bot on a fresh database in the output
    /// folder (an earlier demo database there is replaced).
    pub async fn start(
        options: &DemoOptions,
        mut settings: Settings,
        people: Vec<Person>,
    ) -> anyhow::Result<World> {
        let out = options.out.clone();
        std::fs::create_dir_all(&out)
            .with_context(|| format!("cannot create the output folder {}", out.display()))?;
        let db_path = out.join("peerlearn.db");
        crate::store::remove_sqlite_files(&db_path)
            .with_context(|| format!("cannot replace {}", db_path.display()))?;
        let transcript = Transcript::create(&out.join("transcript.md"))
            .with_context(|| format!("cannot write in {}", out.display()))?;

        let discord = Emulator::start(EmulatorOptions::default()).await?;
        let guild = discord.add_guild("Acme Corp");
        let channels = Channels {
            learning: discord.add_text_channel(guild, "daily-learning"),
            questions: discord.add_text_channel(guild, "questions"),
            admins: discord.add_text_channel(guild, "admins"),
        };
        let mut roles = HashMap::new();
        let admin_role = discord.add_role(guild, "Admins", perms::MANAGE_GUILD);
        for name in TRACKS.iter().map(|t| t.role).chain(TEAMS) {
            roles.insert(name.to_string(), discord.add_role(guild, name, 0));
        }
        let admin = discord.add_member(guild, "grace", &[admin_role]);
        for p in &people {
            let member_roles = [roles[TRACKS[p.track].role], roles[TEAMS[p.team]]];
            discord.add_member_with_id(guild, p.user, &p.name, &member_roles);
        }

        settings.discord.api_base = discord.api_base();
        settings.discord.dev_guild_id = guild.to_string();
        settings.database.path = db_path.clone();
        let store = Store::open(
            &db_path,
            Duration::from_millis(settings.database.busy_timeout_ms),
        )
        .await?;
        let tz: Tz = TIMEZONE.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
        let (y, m, d) = FIRST_DAY;
        let first_day = NaiveDate::from_ymd_opt(y, m, d).context("the first day")?;
        let clock = Clock::virtual_at(local(tz, first_day, 7, 0));
        let (stop, stopped) = oneshot::channel::<()>();
        let verification_days = settings.knowledge.verification_days;
        let bot = tokio::spawn(crate::discord::run(
            Arc::new(settings),
            Token::new(discord.bot_token()),
            store.clone(),
            clock.clone(),
            Dice::seeded(options.seed),
            async move {
                let _ = stopped.await;
            },
        ));
        discord.wait_for_session().await?;
        discord.wait_for_commands(Some(guild)).await?;
        Ok(World {
            discord,
            store,
            clock,
            tz,
            first_day,
            guild,
            channels,
            admin,
            roles,
            people,
            holdout: Default::default(),
            key: AnswerKey::starter(),
            transcript,
            out,
            db_path,
            verification_days,
            stop: Some(stop),
            bot: Some(bot),
        })
    }

    /// Stops the bot cleanly (the database is closed and complete).
    pub async fn stop(&mut self) -> anyhow::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(bot) = self.bot.take() {
            tokio::time::timeout(Duration::from_secs(20), bot)
                .await
                .context("the bot did not stop within 20 s")???;
        }
        self.transcript.flush();
        Ok(())
    }

    /// The virtual day number (0 = the first day), with the time of day as a fraction.
    pub fn day_number(&self) -> f64 {
        let start = local(self.tz, self.first_day, 0, 0);
        (self.clock.now() - start).num_seconds() as f64 / 86_400.0
    }

    /// Reads the experiment's arms as the bot stored them (members are assigned when the
    /// experiment starts, or on arrival).
    pub async fn load_holdout(&mut self) -> anyhow::Result<()> {
        let guild = crate::domain::ids::GuildId(self.guild);
        let experiment = self
            .store
            .latest_experiment(guild)
            .await?
            .context("the demo's experiment was not stored")?;
        self.holdout = self
            .store
            .experiment_arms(experiment.id)
            .await?
            .into_iter()
            .collect();
        Ok(())
    }

    /// The local date of day `n`.
    pub fn date(&self, n: u32) -> NaiveDate {
        self.first_day + Days::days(i64::from(n))
    }

    /// Moves the virtual clock to `hour:minute` local time on day `n` and waits until the bot
    /// has caught up (due schedules run, follow-ups done, queued posts delivered).
    pub async fn at(&mut self, n: u32, hour: u32, minute: u32) -> anyhow::Result<()> {
        self.clock.set(local(self.tz, self.date(n), hour, minute));
        self.settle().await
    }

    /// Waits until the bot has handled everything due by now and its outbox is empty.
    pub async fn settle(&self) -> anyhow::Result<()> {
        let work = async {
            loop {
                self.clock.settled().await;
                if self.store.pending_posts(1).await?.is_empty() {
                    return anyhow::Ok(());
                }
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
        };
        tokio::time::timeout(SETTLE_LIMIT, work)
            .await
            .context("the bot did not catch up within 60 s")?
    }

    /// Local time now, for the transcript.
    pub fn now_label(&self) -> String {
        self.clock
            .now()
            .with_timezone(&self.tz)
            .format("%a %-d %b %H:%M")
            .to_string()
    }

    /// The user called `name` (the admin is grace).
    pub fn user_named(&self, name: &str) -> Option<u64> {
        if name == "grace" {
            return Some(self.admin);
        }
        self.people.iter().find(|p| p.name == name).map(|p| p.user)
    }

    pub fn name_of(&self, user: u64) -> String {
        if user == self.admin {
            return "grace".into();
        }
        self.people
            .iter()
            .find(|p| p.user == user)
            .map_or_else(|| user.to_string(), |p| p.name.clone())
    }

    /// Text with mentions as names (`<@id>` → `@ada`, `<@&id>` → `@Support`, `<#id>` →
    /// `#questions`), the way Discord shows them.
    pub fn readable(&self, text: &str) -> String {
        static MENTION: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let mention = MENTION
            .get_or_init(|| regex::Regex::new(r"<(@&|@!?|#)(\d+)>").expect("a valid pattern"));
        mention
            .replace_all(text, |c: &regex::Captures| {
                let id: u64 = c[2].parse().unwrap_or(0);
                match &c[1] {
                    "@&" => self
                        .roles
                        .iter()
                        .find(|(_, r)| **r == id)
                        .map_or_else(|| c[0].to_string(), |(n, _)| format!("@{n}")),
                    "#" => self
                        .discord
                        .channel(id)
                        .map_or_else(|| c[0].to_string(), |ch| format!("#{}", ch.name)),
                    _ => format!("@{}", self.name_of(id)),
                }
            })
            .into_owned()
    }

    /// `/command` as `user` in `channel`; returns the bot's answer once it is complete.
    pub async fn command(
        &mut self,
        user: u64,
        channel: u64,
        command: &str,
        options: &[(&str, Value)],
        routine: bool,
    ) -> anyhow::Result<PostedMessage> {
        let id = self.discord.slash(channel, user, command, options)?;
        let reply = self.answer(id).await?;
        if self.transcript.routine || !routine {
            let shown: Vec<String> = options
                .iter()
                .map(|(k, v)| match v {
                    Value::String(s) => format!("{k}:{s}"),
                    other => format!("{k}:{other}"),
                })
                .collect();
            let action = format!("/{command} {}", shown.join(" "));
            let (when, who) = (self.now_label(), self.name_of(user));
            let text = self.readable(&reply.to_text());
            self.transcript
                .exchange(&when, &who, action.trim_end(), &text);
        }
        Ok(reply)
    }

    /// Clicks a button; returns what the bot showed after it.
    pub async fn click(
        &mut self,
        user: u64,
        message: &PostedMessage,
        button: usize,
        routine: bool,
    ) -> anyhow::Result<PostedMessage> {
        let (custom_id, label) = message
            .buttons()
            .get(button)
            .cloned()
            .context("no such button")?;
        let id = self.discord.click(user, message.id, &custom_id)?;
        let reply = self.answer(id).await?;
        if self.transcript.routine || !routine {
            let (when, who) = (self.now_label(), self.name_of(user));
            let text = self.readable(&reply.to_text());
            self.transcript
                .exchange(&when, &who, &format!("clicks [{label}]"), &text);
        }
        Ok(reply)
    }

    /// Uses the "Mark as answer" message command on `message`.
    pub async fn mark_as_answer(
        &mut self,
        user: u64,
        message: u64,
    ) -> anyhow::Result<PostedMessage> {
        let id = self
            .discord
            .message_command(user, "Mark as answer", message)?;
        let reply = self.answer(id).await?;
        let (when, who) = (self.now_label(), self.name_of(user));
        let text = self.readable(&reply.to_text());
        self.transcript
            .exchange(&when, &who, "Mark as answer", &text);
        Ok(reply)
    }

    /// Posts a message as `user` (an expert replying in a thread).
    pub fn say(&mut self, user: u64, channel: u64, text: &str) -> u64 {
        let (when, who) = (self.now_label(), self.name_of(user));
        let place = self.readable(&format!("<#{channel}>"));
        self.transcript
            .exchange(&when, &who, &format!("writes in {place}"), text);
        self.discord.say(channel, user, text)
    }

    /// The bot's answer to an interaction (a refusal is an answer too).
    async fn answer(&self, interaction: u64) -> anyhow::Result<PostedMessage> {
        let reply = self.discord.reply(interaction).await?;
        reply
            .message
            .with_context(|| format!("interaction {interaction} got no message"))
    }

    /// A mark in the message history: [`World::bot_posts_after`] a mark lists what came later.
    pub fn mark(&self) -> u64 {
        self.discord.latest_message_id()
    }

    /// The bot's posts in a channel (not interaction replies) after `mark`, oldest first.
    pub fn bot_posts_after(&self, channel: u64, mark: u64) -> Vec<PostedMessage> {
        let bot = self.discord.bot_user_id();
        self.discord
            .messages_in(channel)
            .into_iter()
            .filter(|m| m.author_id == bot && m.interaction_id.is_none() && m.id > mark)
            .collect()
    }
}

/// A local wall-clock time as UTC (the earlier one when a DST change makes it ambiguous).
pub fn local(tz: Tz, date: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    let naive = date
        .and_hms_opt(hour, minute, 0)
        .unwrap_or_else(|| date.and_hms_opt(0, 0, 0).unwrap_or_default());
    tz.from_local_datetime(&naive)
        .earliest()
        .unwrap_or_else(|| Utc.from_utc_datetime(&naive).with_timezone(&tz))
        .with_timezone(&Utc)
}
