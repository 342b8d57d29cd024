//! `spawn_app()`: a fresh emulator with a guild, a channel and two members, the bot connected
//! to it on a temporary SQLite file, and helpers to stop it and check the contract.

use discord_emulator::state::perms;
use discord_emulator::{Emulator, EmulatorOptions};
use peerlearn::clock::Clock;
use peerlearn::config::{Settings, Token};
use peerlearn::discord::BotError;
use peerlearn::store::Store;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub struct TestApp {
    pub discord: Emulator,
    pub guild: u64,
    pub channel: u64,
    /// A member without special permissions.
    pub member: u64,
    /// A member with Manage Server.
    pub admin: u64,
    pub db_path: PathBuf,
    pub store: Store,
    /// The bot's clock: virtual, starting Monday 2026-11-23 07:00 UTC; move it with
    /// `clock.advance` or `clock.set`.
    pub clock: Clock,
    settings: Settings,
    shutdown: Option<oneshot::Sender<()>>,
    bot: Option<JoinHandle<Result<(), BotError>>>,
    _dir: tempfile::TempDir,
}

pub fn init_logs() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(std::env::var("RUST_LOG").unwrap_or_else(|_| "warn,peerlearn=info".into()))
        .with_test_writer()
        .try_init();
}

pub async fn start_emulator() -> Emulator {
    init_logs();
    Emulator::start(EmulatorOptions::default())
        .await
        .expect("emulator starts")
}

/// Settings that point the bot at the emulator and a database in `dir`.
pub fn settings_for(discord: &Emulator, guild: u64, db: &std::path::Path) -> Settings {
    settings_with(discord, guild, db, &[])
}

/// [`settings_for`] with more `PEERLEARN_*` overrides.
pub fn settings_with(
    discord: &Emulator,
    guild: u64,
    db: &std::path::Path,
    extra: &[(&str, &str)],
) -> Settings {
    let mut env: BTreeMap<String, String> = [
        ("PEERLEARN_DISCORD__API_BASE", discord.api_base()),
        ("PEERLEARN_DISCORD__DEV_GUILD_ID", guild.to_string()),
        ("PEERLEARN_DATABASE__PATH", db.display().to_string()),
        // Knowledge checks draw questions at random (from the system's entropy in tests):
        // off unless a test turns them on, so what `/quiz` and reviews serve stays predictable.
        ("PEERLEARN_MEASUREMENT__CHECK_SHARE", "0".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    for (k, v) in extra {
        env.insert(k.to_string(), v.to_string());
    }
    Settings::load_from(None, &env).expect("test settings are valid")
}

/// The virtual start time of every test: Monday 2026-11-23 07:00 UTC (08:00 in Berlin).
pub fn test_start() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339("2026-11-23T07:00:00Z")
        .unwrap()
        .to_utc()
}

/// Starts the bot against `discord`; send on the returned sender to shut it down.
pub fn spawn_bot(
    discord: &Emulator,
    settings: Settings,
    store: Store,
    clock: Clock,
) -> (oneshot::Sender<()>, JoinHandle<Result<(), BotError>>) {
    let (tx, rx) = oneshot::channel::<()>();
    let bot = tokio::spawn(peerlearn::discord::run(
        Arc::new(settings),
        Token::new(discord.bot_token()),
        store,
        clock,
        peerlearn::dice::Dice::from_entropy(),
        async move {
            let _ = rx.await;
        },
    ));
    (tx, bot)
}

/// Fails the test, listing them, if the bot broke Discord's contract.
pub fn assert_no_violations(discord: &Emulator) {
    let v = discord.violations();
    assert!(
        v.is_empty(),
        "the bot broke Discord's contract:\n{}",
        v.iter()
            .map(|v| format!("  - {v}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// [`spawn_app`] with settings overridden as `PEERLEARN_*` variables would.
pub async fn spawn_app_with(settings: &[(&str, &str)]) -> TestApp {
    let discord = start_emulator().await;
    let guild = discord.add_guild("Acme Support");
    let channel = discord.add_text_channel(guild, "learning");
    let admin_role = discord.add_role(guild, "Admins", perms::MANAGE_GUILD);
    let member = discord.add_member(guild, "ada", &[]);
    let admin = discord.add_member(guild, "grace", &[admin_role]);
    let dir = tempfile::tempdir().expect("temp dir");
    let db_path = dir.path().join("data/peerlearn.db");
    let settings = settings_with(&discord, guild, &db_path, settings);
    let store = Store::open(&db_path, Duration::from_secs(5))
        .await
        .expect("store opens");
    let clock = Clock::virtual_at(test_start());
    let (tx, bot) = spawn_bot(&discord, settings.clone(), store.clone(), clock.clone());
    discord.wait_for_session().await.expect("bot connects");
    discord
        .wait_for_commands(Some(guild))
        .await
        .expect("bot registers its commands");
    TestApp {
        discord,
        guild,
        channel,
        member,
        admin,
        db_path,
        store,
        clock,
        settings,
        shutdown: Some(tx),
        bot: Some(bot),
        _dir: dir,
    }
}

impl TestApp {
    /// Asks the bot to shut down and returns how it ended.
    pub async fn stop(&mut self) -> Result<(), BotError> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let bot = self.bot.take().expect("bot running");
        tokio::time::timeout(Duration::from_secs(15), bot)
            .await
            .expect("bot stops within 15 s")
            .expect("bot task did not panic")
    }

    /// Stops the bot and starts it again on the same database, clock and emulator.
    pub async fn restart(&mut self) {
        self.stop().await.expect("clean shutdown");
        self.start_again().await;
    }

    /// Starts the bot again after [`TestApp::stop`].
    pub async fn start_again(&mut self) {
        let store = Store::open(&self.db_path, Duration::from_secs(5))
            .await
            .expect("store opens again");
        self.store = store.clone();
        let before = self.discord.gateway_stats().identifies;
        let (tx, bot) = spawn_bot(
            &self.discord,
            self.settings.clone(),
            store,
            self.clock.clone(),
        );
        self.shutdown = Some(tx);
        self.bot = Some(bot);
        self.discord
            .wait_for("a new gateway session", |s| {
                (s.gateway.identifies > before
                    && s.session.as_ref().is_some_and(|x| x.sender.is_some()))
                .then_some(())
            })
            .await
            .expect("bot reconnects");
    }

    pub fn assert_no_violations(&self) {
        assert_no_violations(&self.discord);
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(bot) = &self.bot {
            bot.abort();
        }
        if !std::thread::panicking() {
            self.assert_no_violations();
        }
    }
}
