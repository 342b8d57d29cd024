//! `spawn_app()`: a fresh emulator with a guild, a channel and two members, the bot connected
//! to it on a fresh database: a temporary SQLite file, or, when `PEERLEARN_TEST_POSTGRES`
//! names a Postgres server (an administrator's URL), a new database on it; and the [`TestApp`] methods every test uses: run a
//! command, click, wait for posts, wait until something holds ([`TestApp::eventually`]), stop,
//! restart and check the contract.

use discord_emulator::state::perms;
use discord_emulator::{Emulator, EmulatorOptions, PostedMessage, Reply, DEFAULT_WAIT};
use peerlearn::clock::Clock;
use peerlearn::config::{Settings, Token};
use peerlearn::discord::BotError;
use peerlearn::store::sql::{query, query_as, query_scalar};
use peerlearn::store::{ColumnKind, Store};
use serde_json::{json, Value};
use sqlx::Row;
use std::collections::BTreeMap;
use std::future::Future;
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

/// Waits until `check` finds what it looks for (`true`, or `Some`), looking again after each
/// change to the emulator's state (or every 10 ms); fails the test naming `what` after
/// `within`.
pub async fn eventually_within<R: Found, F, Fut>(
    discord: &Emulator,
    what: &str,
    within: Duration,
    mut check: F,
) -> R::Value
where
    F: FnMut() -> Fut,
    Fut: Future<Output = R>,
{
    let deadline = std::time::Instant::now() + within;
    loop {
        if let Some(found) = check().await.found() {
            return found;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "timed out after {within:?} waiting for {what}"
        );
        discord.next_change(Duration::from_millis(10)).await;
    }
}

/// Every embed's title, description and footer as plain text, one per line.
pub fn embed_lines(m: &PostedMessage) -> String {
    m.embeds
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            format!(
                "{}\n{}\n{}",
                e["title"].as_str().unwrap_or_default(),
                e["description"].as_str().unwrap_or_default(),
                e["footer"]["text"].as_str().unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a check given to [`TestApp::eventually`] returns: `true` or `Some` once found.
pub trait Found {
    type Value;
    fn found(self) -> Option<Self::Value>;
}

impl Found for bool {
    type Value = ();
    fn found(self) -> Option<()> {
        self.then_some(())
    }
}

impl<T> Found for Option<T> {
    type Value = T;
    fn found(self) -> Option<T> {
        self
    }
}

/// What is stored behind a delivered quiz post.
#[derive(sqlx::FromRow)]
pub struct PostQuestion {
    pub post: i64,
    /// The right choice, 0-based.
    #[sqlx(try_from = "i64")]
    pub correct: usize,
    pub explanation: String,
    pub version: i64,
    pub question: String,
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

/// The `peerlearn` binary, started from a clean environment: no `PEERLEARN_*` settings, bot
/// token or log filter leak in from the test's own.
pub fn peerlearn_binary() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_peerlearn"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PEERLEARN_") || k == "DISCORD_TOKEN" || k == "RUST_LOG" {
            c.env_remove(k);
        }
    }
    c
}

/// The administrator's URL of the Postgres server the suite runs on (`PEERLEARN_TEST_POSTGRES`),
/// or `None` when the tests run on SQLite.
pub fn postgres_admin() -> Option<String> {
    std::env::var("PEERLEARN_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// A new, empty database on the Postgres server that `PEERLEARN_TEST_POSTGRES` names (an
/// administrator's URL, e.g. `postgres://postgres@127.0.0.1:5433/postgres`), as a URL; `None`
/// when the variable is unset or empty, and the tests run on SQLite.
pub async fn fresh_postgres_database() -> Option<String> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let admin = postgres_admin()?;
    let name = format!(
        "peerlearn_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    Some(
        peerlearn::store::create_postgres_database(&admin, &name)
            .await
            .expect("a test database is created on the server in PEERLEARN_TEST_POSTGRES"),
    )
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
    // A test that names its database keeps it; the others get a fresh one.
    let url = match settings
        .iter()
        .any(|(k, _)| *k == "PEERLEARN_DATABASE__URL")
    {
        true => String::new(),
        false => fresh_postgres_database().await.unwrap_or_default(),
    };
    let mut overrides = settings.to_vec();
    if !url.is_empty() {
        overrides.push(("PEERLEARN_DATABASE__URL", &url));
    }
    let settings = settings_with(&discord, guild, &db_path, &overrides);
    let store = Store::open_configured(&settings.database)
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
        let store = Store::open_configured(&self.settings.database)
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
                (s.gateway.identifies > before && s.session().is_some_and(|x| x.sender.is_some()))
                    .then_some(())
            })
            .await
            .expect("bot reconnects");
    }

    pub fn assert_no_violations(&self) {
        assert_no_violations(&self.discord);
    }

    /// The settings the bot runs with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Points the bot at another database for its next start ([`TestApp::start_again`]).
    pub fn use_database_url(&mut self, url: &str) {
        self.settings.database.url = url.to_string();
    }

    /// Waits until `check` finds what it looks for (`true`, or `Some`): [`eventually_within`]
    /// the emulator's usual wait. The one way tests wait for the bot.
    pub async fn eventually<R: Found, F, Fut>(&self, what: &str, check: F) -> R::Value
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = R>,
    {
        eventually_within(&self.discord, what, DEFAULT_WAIT, check).await
    }

    /// Runs a slash command in the test channel and returns the text of the (final) reply,
    /// checking it is ephemeral.
    pub async fn command(&self, user: u64, name: &str, options: &[(&str, Value)]) -> String {
        let id = self
            .discord
            .slash(self.channel, user, name, options)
            .unwrap_or_else(|e| panic!("/{name}: {e}"));
        let reply = self.discord.reply(id).await.expect("the bot answers");
        let message = reply.message.expect("a reply message");
        assert!(message.is_ephemeral(), "/{name} answers only the caller");
        message.content
    }

    /// `/quiz topic:<topic>` by `user`: the practice card only they see.
    pub async fn practice(&self, user: u64, topic: &str) -> PostedMessage {
        let id = self
            .discord
            .slash(self.channel, user, "quiz", &[("topic", json!(topic))])
            .unwrap();
        self.discord
            .reply(id)
            .await
            .expect("the bot answers")
            .message
            .expect("a practice card")
    }

    /// `/content import` by the admin of a file called `name` holding `bytes`; returns the
    /// reply.
    pub async fn import_content(&self, name: &str, bytes: &[u8]) -> String {
        let file = self.discord.upload(name, bytes);
        self.command(
            self.admin,
            "content import",
            &[("file", json!(file.to_string()))],
        )
        .await
    }

    /// `/schedule add` by the admin in the test channel, with `extra` options; returns the
    /// reply.
    pub async fn add_schedule(&self, kind: &str, cron: &str, extra: &[(&str, Value)]) -> String {
        let mut options = vec![
            ("kind", json!(kind)),
            ("cron", json!(cron)),
            ("channel", json!(self.channel.to_string())),
        ];
        options.extend(extra.iter().cloned());
        self.command(self.admin, "schedule add", &options).await
    }

    /// A quiz scheduled for the next hour (08:00 UTC; the test clock starts at 07:00) with
    /// `extra` options, posted in the test channel: the post, once recorded as sent.
    pub async fn quiz_post(&self, extra: &[(&str, Value)]) -> PostedMessage {
        let added = self.add_schedule("quiz", "0 8 * * *", extra).await;
        assert!(added.contains("added"), "{added}");
        self.clock.advance(std::time::Duration::from_secs(3600));
        self.wait_for_posts(self.channel, 1).await.remove(0)
    }

    /// `peerlearn fit` on this app's database, fitting servers with 50 answers or more; its
    /// standard output (it must succeed).
    pub fn run_fit(&self) -> String {
        let settings = self.settings();
        let out = peerlearn_binary()
            .arg("fit")
            .env("PEERLEARN_DATABASE__PATH", &settings.database.path)
            .env("PEERLEARN_DATABASE__URL", &settings.database.url)
            .env("PEERLEARN_REINFORCEMENT__FIT_MIN_ANSWERS", "50")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Writes practice answers to `question` straight into the database, as a history the bot
    /// did not see happen: `(member, day, right, answer time in ms)`, each at 09:00 UTC, shown
    /// an hour before.
    pub async fn insert_practice_answers(&self, question: &str, rows: &[(i64, &str, bool, i64)]) {
        let version: i64 = query_scalar("SELECT current_version FROM questions WHERE id = ?")
            .bind(question)
            .fetch_one(self.store.pool())
            .await
            .unwrap();
        for (user, day, correct, latency) in rows {
            let at = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp_millis();
            query(
                "INSERT INTO answers (guild_id, user_id, question_id, version_id, source, shown_ms, choice, correct,
                   latency_ms, answered_ms, local_day, points)
                 VALUES (?, ?, ?, ?, 'practice', ?, 0, ?, ?, ?, ?, 0)",
            )
            .bind(self.guild as i64)
            .bind(*user)
            .bind(question)
            .bind(version)
            .bind(at - 3_600_000)
            .bind(i64::from(*correct))
            .bind(*latency)
            .bind(at)
            .bind(*day)
            .execute(self.store.pool())
            .await
            .unwrap();
        }
    }

    /// Clicks a button and returns the bot's answer to the click.
    pub async fn click(&self, user: u64, message: u64, custom_id: &str) -> Reply {
        let id = self
            .discord
            .click(user, message, custom_id)
            .expect("the button exists");
        self.discord
            .reply(id)
            .await
            .expect("the bot answers the click")
    }

    /// The bot's own posts in `channel` (not its replies to interactions).
    pub fn bot_posts(&self, channel: u64) -> Vec<PostedMessage> {
        let bot = self.discord.bot_user_id();
        self.discord
            .messages_in(channel)
            .into_iter()
            .filter(|m| m.author_id == bot && m.interaction_id.is_none())
            .collect()
    }

    /// Waits until the bot has posted `n` messages in `channel` and recorded each as sent
    /// (a post reaches the channel a moment before the bot commits that it was sent, and a
    /// quiz's window starts then); returns them. Thread starters are posted directly, not
    /// through the outbox.
    pub async fn wait_for_posts(&self, channel: u64, n: usize) -> Vec<PostedMessage> {
        let posts = self
            .eventually(&format!("{n} posts in channel {channel}"), || async {
                let posts = self.bot_posts(channel);
                (posts.len() >= n).then_some(posts)
            })
            .await;
        for post in posts.iter().filter(|p| p.thread_id.is_none()) {
            self.eventually(
                &format!("post {} to be recorded as sent", post.id),
                || async {
                    query_scalar::<i64>(
                        "SELECT COUNT(*) FROM outbox WHERE message_id = ? AND state = 'sent'",
                    )
                    .bind(post.id as i64)
                    .fetch_one(self.store.pool())
                    .await
                    .unwrap()
                        == 1
                },
            )
            .await;
        }
        posts
    }

    /// The question behind the quiz post with this message id, once the bot has recorded the
    /// delivery (the message reaches the channel a moment before).
    pub async fn question_of_post(&self, message_id: u64) -> PostQuestion {
        self.eventually("the post to be recorded as delivered", || async {
            query_as(
                "SELECT p.id AS post, v.correct, v.explanation, v.id AS version, v.question_id AS question
                 FROM quiz_posts p JOIN question_versions v ON v.id = p.version_id
                 WHERE p.message_id = ?",
            )
            .bind(message_id as i64)
            .fetch_optional(self.store.pool())
            .await
            .unwrap()
        })
        .await
    }

    /// Runs a command and returns the whole (ephemeral) reply, waiting for a deferred one.
    pub async fn reply_to(
        &self,
        user: u64,
        name: &str,
        options: &[(&str, Value)],
    ) -> PostedMessage {
        let id = self
            .discord
            .slash(self.channel, user, name, options)
            .unwrap_or_else(|e| panic!("/{name}: {e}"));
        self.eventually(
            &format!("/{name}'s deferred reply to be filled in"),
            || async {
                let reply = self.discord.reply(id).await.expect("the bot answers");
                let message = reply.message.expect("a reply message");
                assert!(message.is_ephemeral(), "/{name} answers only the caller");
                let thinking = message.flags & 128 != 0;
                (!thinking).then_some(message)
            },
        )
        .await
    }

    /// `/quiz topic:` as `user`, answered right or wrong; returns the question's id.
    pub async fn practise(&self, user: u64, topic: &str, right: bool) -> String {
        let card = self.practice(user, topic).await;
        let buttons = card.buttons();
        let version: i64 = buttons[0].0.split(':').nth(2).unwrap().parse().unwrap();
        let row = query("SELECT question_id, correct FROM question_versions WHERE id = ?")
            .bind(version)
            .fetch_one(self.store.pool())
            .await
            .unwrap();
        let (question, correct): (String, i64) = (row.get("question_id"), row.get("correct"));
        let pick = if right {
            correct as usize
        } else {
            (correct as usize + 1) % buttons.len()
        };
        let click = self.discord.click(user, card.id, &buttons[pick].0).unwrap();
        self.discord.reply(click).await.unwrap();
        question
    }

    /// The bot's posts in the DM channel with `user`, once there are `n`.
    pub async fn dms_to(&self, user: u64, n: usize) -> Vec<PostedMessage> {
        let channel = self
            .discord
            .wait_for("a DM channel", |s| {
                s.channels
                    .values()
                    .find(|c| c.recipient_id == Some(user))
                    .map(|c| c.id)
            })
            .await
            .unwrap();
        self.wait_for_posts(channel, n).await
    }

    /// Clicks "Start my review" and answers every question of the session right; returns the
    /// texts the member saw after each answer.
    pub async fn review_session(&self, user: u64, reminder: &PostedMessage) -> Vec<String> {
        let (start, label) = reminder.buttons()[0].clone();
        assert_eq!(label, "Start my review");
        let id = self.discord.click(user, reminder.id, &start).unwrap();
        let mut card = self.discord.reply(id).await.unwrap().message.unwrap();
        assert!(card.is_ephemeral(), "a member's own session");
        let mut seen = Vec::new();
        loop {
            let title = card.embeds[0]["title"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            assert!(
                title.starts_with(&format!("🔁 Review {}", seen.len() + 1)),
                "{title}"
            );
            let buttons = card.buttons();
            let version: i64 = buttons[0].0.split(':').nth(3).unwrap().parse().unwrap();
            let correct: i64 = query_scalar("SELECT correct FROM question_versions WHERE id = ?")
                .bind(version)
                .fetch_one(self.store.pool())
                .await
                .unwrap();
            let click = self
                .discord
                .click(user, card.id, &buttons[correct as usize].0)
                .unwrap();
            let after = self.discord.reply(click).await.unwrap().message.unwrap();
            seen.push(after.content.clone());
            match after.buttons().first() {
                Some((next, label)) if label == "Next question" => {
                    let click = self.discord.click(user, after.id, next).unwrap();
                    card = self.discord.reply(click).await.unwrap().message.unwrap();
                }
                _ => return seen,
            }
        }
    }

    /// One number from the database (`SELECT COUNT(*) ...`).
    pub async fn count(&self, sql: &str) -> i64 {
        query_scalar(sql)
            .fetch_one(self.store.pool())
            .await
            .unwrap()
    }

    /// Every `(table.column)` of the database with a value equal to `id` (snowflakes are
    /// unique, so any hit names that user). Outbox payloads are left out: sent messages may
    /// mention anyone.
    pub async fn columns_naming(&self, id: u64) -> Vec<String> {
        let tables = self.store.table_names().await.unwrap();
        let mut hits = Vec::new();
        for table in tables.into_iter().filter(|t| t != "outbox") {
            let columns = self.store.columns(&table).await.unwrap();
            for column in columns
                .into_iter()
                .filter(|c| c.kind == ColumnKind::Integer)
                .map(|c| c.name)
            {
                let n: i64 = query_scalar(&format!(
                    "SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = ?"
                ))
                .bind(id as i64)
                .fetch_one(self.store.pool())
                .await
                .unwrap();
                if n > 0 {
                    hits.push(format!("{table}.{column}"));
                }
            }
        }
        hits
    }

    /// Waits until `n` outbox posts are recorded as sent (a post reaches the channel a moment
    /// before the bot commits that it was sent).
    pub async fn wait_until_sent(&self, n: i64) {
        self.eventually(&format!("{n} posts recorded as sent"), || async {
            let sent = self
                .count("SELECT COUNT(*) FROM outbox WHERE state = 'sent'")
                .await;
            sent == n
        })
        .await
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
