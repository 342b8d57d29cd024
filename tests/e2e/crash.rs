//! Crash safety: the real `peerlearn` binary, SIGKILLed in the middle of work, restarted on the
//! same SQLite file.
//!
//! - 2,000 quiz clicks from 500 members: every click the bot answered is stored, exactly once,
//!   with its points; the members whose clicks went unanswered click again after the restart
//!   and each click ends up stored exactly once.
//! - Review reminders to 500 members by DM, killed half-way: after the restart every member
//!   has exactly one reminder.
//! - On Postgres with two processes: the one sending the reminders is killed half-way, the
//!   other takes the sending over once its lease runs out; every member has exactly one.

use crate::common::{
    assert_no_violations, eventually_within, fresh_postgres_database, start_emulator,
};
use discord_emulator::state::perms;
use discord_emulator::Emulator;
use peerlearn::dice::SplitMix64;
use serde_json::json;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::SqlitePool;
use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::process::{Child, Command};
use tokio::sync::watch;

const MEMBERS: usize = 500;

/// A team in the emulator and the bot binary serving it.
struct Team {
    discord: Arc<Emulator>,
    guild: u64,
    channel: u64,
    admin: u64,
    members: Vec<u64>,
    db: PathBuf,
    log: PathBuf,
    bot: Option<Child>,
    /// On Postgres: the database, and the shards of two processes (the first runs the guild's).
    postgres: Option<(String, [u32; 2])>,
    /// Other bot processes on the same database.
    others: Vec<Child>,
    _dir: tempfile::TempDir,
}

impl Team {
    async fn start() -> Team {
        Team::start_on(None).await
    }

    /// A team whose bot runs on the Postgres database `url` as two processes with half of the
    /// shards each (the first one started runs the guild's shard), or on SQLite.
    async fn start_on(url: Option<String>) -> Team {
        let discord = Arc::new(start_emulator().await);
        let guild = discord.add_guild("Acme Crash Lab");
        let channel = discord.add_text_channel(guild, "daily-learning");
        let admins = discord.add_role(guild, "Admins", perms::MANAGE_GUILD);
        let admin = discord.add_member(guild, "grace", &[admins]);
        let members = (0..MEMBERS)
            .map(|i| discord.add_member(guild, &format!("member{i}"), &[]))
            .collect();
        let dir = tempfile::tempdir().expect("temp dir");
        let mut team = Team {
            discord,
            guild,
            channel,
            admin,
            members,
            db: dir.path().join("peerlearn.db"),
            log: dir.path().join("bot.log"),
            bot: None,
            postgres: url.map(|u| {
                let mine = discord_emulator::state::State::shard_of(guild, 2);
                (u, [mine, 1 - mine])
            }),
            others: Vec::new(),
            _dir: dir,
        };
        team.launch().await;
        if let Some((_, [_, other])) = team.postgres.clone() {
            let child = team.spawn(Some(other));
            team.others.push(child);
            team.discord
                .wait_for_within("the second process", Duration::from_secs(60), |s| {
                    s.all_shards_live().then_some(())
                })
                .await
                .unwrap_or_else(|e| panic!("{e}\n{}", team.log_text()));
        }
        team
    }

    /// The bot binary, started with this team's settings (and `shard` of 2 on Postgres).
    fn spawn(&self, shard: Option<u32>) -> Child {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("log file");
        let mut command = Command::from(crate::common::peerlearn_binary());
        command
            .arg("run")
            .env("DISCORD_TOKEN", self.discord.bot_token())
            .env("PEERLEARN_DISCORD__API_BASE", self.discord.api_base())
            .env("PEERLEARN_DISCORD__DEV_GUILD_ID", self.guild.to_string())
            .env("PEERLEARN_DATABASE__PATH", &self.db)
            .env("PEERLEARN_LOG__FILTER", "info")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log file"))
            .stderr(log)
            .kill_on_drop(true);
        if let (Some((url, _)), Some(shard)) = (&self.postgres, shard) {
            command
                .env("PEERLEARN_DATABASE__URL", url)
                .env("PEERLEARN_DISCORD__SHARDS", format!("{shard}/2"));
        }
        command.spawn().expect("the peerlearn binary starts")
    }

    /// Starts the binary (again) and waits for its new gateway session.
    async fn launch(&mut self) {
        let identified = self.discord.gateway_stats().identifies;
        let shard = self.postgres.as_ref().map(|(_, [mine, _])| *mine);
        self.bot = Some(self.spawn(shard));
        let discord = &self.discord;
        discord
            .wait_for_within("the bot to identify", Duration::from_secs(60), |s| {
                let live = s.sessions.get(&shard.unwrap_or(0))?.sender.is_some();
                (s.gateway.identifies > identified && live).then_some(())
            })
            .await
            .unwrap_or_else(|e| panic!("{e}\n{}", self.log_text()));
        discord
            .wait_for_commands(Some(self.guild))
            .await
            .expect("commands registered");
    }

    /// SIGKILL: no shutdown handler runs, nothing is flushed.
    async fn kill(&mut self) {
        let mut bot = self.bot.take().expect("the bot is running");
        bot.start_kill().expect("SIGKILL sent");
        let status = bot.wait().await.expect("the bot exits");
        assert_eq!(status.signal(), Some(9), "killed by SIGKILL: {status:?}");
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    async fn command(
        &self,
        user: u64,
        name: &str,
        options: &[(&str, serde_json::Value)],
    ) -> String {
        let id = self
            .discord
            .slash(self.channel, user, name, options)
            .expect("command sent");
        let reply = self.discord.reply(id).await.expect("the bot answers");
        reply.message.map(|m| m.content).unwrap_or_default()
    }

    /// The bot's database, opened as another process would (SQLite or Postgres).
    async fn store(&self) -> peerlearn::store::Store {
        match &self.postgres {
            Some((url, _)) => peerlearn::store::Store::connect(url).await,
            None => peerlearn::store::Store::open(&self.db, Duration::from_secs(10)).await,
        }
        .expect("database opens")
    }

    /// The database as another process sees it.
    async fn database(&self) -> SqlitePool {
        let options = SqliteConnectOptions::new()
            .filename(&self.db)
            .read_only(true)
            .busy_timeout(Duration::from_secs(10));
        SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .expect("database opens")
    }
}

/// Violations other than the interactions the kill left unanswered.
fn assert_only_killed_interactions_missed(discord: &Emulator, unanswered: &BTreeSet<u64>) {
    let unexpected: Vec<_> = discord
        .violations()
        .into_iter()
        .filter(|v| {
            let killed = v.problem.starts_with("not answered within 3 seconds")
                && unanswered
                    .iter()
                    .any(|id| v.context.starts_with(&format!("interaction {id} ")));
            !killed
        })
        .collect();
    assert!(
        unexpected.is_empty(),
        "contract violations: {unexpected:#?}"
    );
    discord.clear_violations();
}

/// One click a member means to make: the button on a quiz post.
#[derive(Debug, Clone)]
struct Click {
    member: u64,
    message: u64,
    post: i64,
    choice: i64,
    custom_id: String,
}

/// Four quiz posts in the channel, from four schedules run now.
async fn post_quizzes(team: &Team, count: usize) -> Vec<(u64, Vec<(String, String)>)> {
    let loaded = team.command(team.admin, "content starter", &[]).await;
    assert!(loaded.contains("Imported"), "{loaded}");
    for id in 1..=count {
        let options = [
            ("kind", json!("quiz")),
            ("cron", json!("0 3 1 1 *")),
            ("channel", json!(team.channel.to_string())),
        ];
        let added = team.command(team.admin, "schedule add", &options).await;
        assert!(added.contains(&format!("#{id}")), "{added}");
        let ran = team
            .command(team.admin, "schedule run", &[("id", json!(id))])
            .await;
        assert!(ran.contains("running now"), "{ran}");
    }
    let bot = team.discord.bot_user_id();
    let channel = team.channel;
    team.discord
        .wait_for("the quiz posts", |s| {
            let posts: Vec<_> = s
                .messages
                .values()
                .filter(|m| m.channel_id == channel && m.author_id == bot)
                .filter(|m| !m.buttons().is_empty())
                .map(|m| (m.id, m.buttons()))
                .collect();
            (posts.len() == count).then_some(posts)
        })
        .await
        .expect("four quiz posts")
}

/// Every member clicks one button on every post, in a shuffled order.
fn click_plan(members: &[u64], posts: &[(u64, Vec<(String, String)>)]) -> Vec<Click> {
    let mut plan = Vec::new();
    for (i, member) in members.iter().enumerate() {
        for (j, (message, buttons)) in posts.iter().enumerate() {
            let (custom_id, _) = &buttons[(i + j) % buttons.len()];
            let parts: Vec<&str> = custom_id.split(':').collect();
            assert_eq!(parts[1], "qa", "a quiz answer button: {custom_id}");
            plan.push(Click {
                member: *member,
                message: *message,
                post: parts[2].parse().expect("post id"),
                choice: parts[3].parse().expect("choice"),
                custom_id: custom_id.clone(),
            });
        }
    }
    SplitMix64::new(8).shuffle(&mut plan);
    plan
}

/// Sends the plan's clicks from `workers` members at a time until it is done or `stop` turns
/// true; returns `(interaction, plan index)` of every click sent.
async fn fire(
    discord: &Arc<Emulator>,
    plan: &Arc<Vec<Click>>,
    workers: usize,
    stop: watch::Receiver<bool>,
) -> tokio::task::JoinSet<Vec<(u64, usize)>> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..workers {
        let (discord, plan, next, mut stop) = (
            Arc::clone(discord),
            Arc::clone(plan),
            Arc::clone(&next),
            stop.clone(),
        );
        set.spawn(async move {
            let mut sent = Vec::new();
            loop {
                if *stop.borrow() {
                    break;
                }
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(c) = plan.get(i) else { break };
                let id = discord
                    .click(c.member, c.message, &c.custom_id)
                    .expect("click sent");
                sent.push((id, i));
                tokio::select! {
                    _ = discord.reply(id) => {}
                    _ = stop.changed() => break,
                }
            }
            sent
        });
    }
    set
}

/// `(post, user) -> [choice]` of every stored channel answer.
async fn stored_answers(db: &SqlitePool) -> BTreeMap<(i64, u64), Vec<i64>> {
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT quiz_post_id, user_id, choice FROM answers WHERE source = 'channel' ORDER BY id",
    )
    .fetch_all(db)
    .await
    .expect("answers");
    let mut out: BTreeMap<(i64, u64), Vec<i64>> = BTreeMap::new();
    for (post, user, choice) in rows {
        out.entry((post, user as u64)).or_default().push(choice);
    }
    out
}

/// Points, streak counters and board totals agree with the answers: nothing counted twice.
async fn assert_points_add_up(db: &SqlitePool) {
    let mismatched: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT p.user_id, p.points, (SELECT COALESCE(SUM(l.points), 0) FROM points_ledger l
                                       WHERE l.guild_id = p.guild_id AND l.user_id = p.user_id)
         FROM member_progress p
         WHERE p.points != (SELECT COALESCE(SUM(l.points), 0) FROM points_ledger l
                            WHERE l.guild_id = p.guild_id AND l.user_id = p.user_id)",
    )
    .fetch_all(db)
    .await
    .expect("points");
    assert!(mismatched.is_empty(), "progress ≠ ledger: {mismatched:?}");
    let off_board: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT b.user_id, b.answers, (SELECT COUNT(*) FROM answers a
                                        WHERE a.guild_id = b.guild_id AND a.user_id = b.user_id)
         FROM board_totals b WHERE b.period = 'all' AND b.topic_id = ''
           AND b.answers != (SELECT COUNT(*) FROM answers a
                             WHERE a.guild_id = b.guild_id AND a.user_id = b.user_id)",
    )
    .fetch_all(db)
    .await
    .expect("boards");
    assert!(off_board.is_empty(), "board ≠ answers: {off_board:?}");
    let ledger_answers: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM points_ledger WHERE answer_id IS NOT NULL AND kind = 'quiz'",
    )
    .fetch_one(db)
    .await
    .expect("ledger");
    let right: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answers WHERE correct = 1")
        .fetch_one(db)
        .await
        .expect("answers");
    assert_eq!(ledger_answers, right, "one credit per right answer");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_survive_a_sigkill_mid_burst() {
    let mut team = Team::start().await;
    let posts = post_quizzes(&team, 4).await;
    let plan = Arc::new(click_plan(&team.members, &posts));
    assert_eq!(plan.len(), 2_000);

    // The burst: 32 members clicking at once; SIGKILL once 1,000 clicks have been answered.
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut workers = fire(&team.discord, &plan, 32, stop_rx).await;
    let discord = Arc::clone(&team.discord);
    discord
        .wait_for_within("1,000 answered clicks", Duration::from_secs(120), |s| {
            let answered = s
                .interactions
                .values()
                .filter(|r| r.kind == 3 && r.callback.is_some())
                .count();
            (answered >= 1_000).then_some(())
        })
        .await
        .expect("the bot answers clicks");
    team.kill().await;
    stop_tx.send(true).expect("workers listen");
    let mut sent = Vec::new();
    while let Some(done) = workers.join_next().await {
        sent.extend(done.expect("worker"));
    }
    let answered: BTreeMap<usize, u64> = sent
        .iter()
        .filter(|(id, _)| discord.answered(*id).is_some())
        .map(|(id, i)| (*i, *id))
        .collect();
    let unanswered: BTreeSet<u64> = sent
        .iter()
        .filter(|(id, _)| discord.answered(*id).is_none())
        .map(|(id, _)| *id)
        .collect();
    println!(
        "killed after {} clicks sent: {} answered, {} unanswered",
        sent.len(),
        answered.len(),
        unanswered.len()
    );
    assert!(answered.len() >= 1_000 && answered.len() < plan.len());

    // Before the restart: every answered click is in the file, once, as clicked.
    let db = team.database().await;
    let stored = stored_answers(&db).await;
    for i in answered.keys() {
        let c = &plan[*i];
        assert_eq!(
            stored.get(&(c.post, c.member)),
            Some(&vec![c.choice]),
            "answered click {c:?} stored once"
        );
    }
    assert!(
        stored.len() <= sent.len(),
        "nothing stored that was not sent"
    );
    db.close().await;

    // The restart; whoever saw "This interaction failed" (or had not clicked yet) clicks again.
    team.launch().await;
    let mut already = 0;
    for (i, c) in plan.iter().enumerate() {
        if answered.contains_key(&i) {
            continue;
        }
        let id = team
            .discord
            .click(c.member, c.message, &c.custom_id)
            .expect("click sent");
        let reply = team
            .discord
            .reply(id)
            .await
            .expect("answered after restart");
        let text = reply.message.map(|m| m.content).unwrap_or_default();
        if text.contains("You already answered") {
            already += 1;
        } else {
            assert!(
                text.contains("Right!") || text.contains("Not quite"),
                "feedback after the restart: {text}"
            );
        }
    }
    println!("after the restart: {already} clicks had been stored without an answer");
    assert!(already <= unanswered.len());

    let db = team.database().await;
    let stored = stored_answers(&db).await;
    assert_eq!(stored.len(), plan.len(), "every click stored");
    for c in plan.iter() {
        assert_eq!(
            stored.get(&(c.post, c.member)),
            Some(&vec![c.choice]),
            "{c:?} stored exactly once"
        );
    }
    assert_points_add_up(&db).await;
    assert_only_killed_interactions_missed(&team.discord, &unanswered);
    assert_no_violations(&team.discord);
}

/// Members with review reminders by DM in the emulator and the database.
fn reminders_by_member(discord: &Emulator, members: &[u64]) -> BTreeMap<u64, usize> {
    let bot = discord.bot_user_id();
    members
        .iter()
        .map(|m| {
            let n = discord.dm_channel_of(*m).map_or(0, |dm| {
                discord
                    .messages_in(dm)
                    .iter()
                    .filter(|x| x.author_id == bot && x.content.contains("due for review"))
                    .count()
            });
            (*m, n)
        })
        .collect()
}

/// Everyone answers a quiz and chooses reminders by DM; weeks pass (the due dates move, as the
/// bot runs on the real clock); a reinforcement run starts, and this returns once half of the
/// 500 reminders have been sent.
async fn fan_out_half_way(team: &Team) {
    let posts = post_quizzes(team, 1).await;
    let (message, buttons) = &posts[0];
    for member in team.members.clone() {
        let id = team
            .discord
            .click(member, *message, &buttons[0].0)
            .expect("click");
        team.discord.reply(id).await.expect("feedback");
        let chose = team
            .command(member, "reinforce", &[("mode", json!("dm"))])
            .await;
        assert!(chose.contains("direct message"), "{chose}");
    }
    let store = team.store().await;
    let aged = peerlearn::store::sql::query(
        "UPDATE memory SET due_day = '2026-01-05', last_day = '2026-01-01'",
    )
    .execute(store.writer())
    .await
    .expect("due dates moved");
    assert_eq!(aged.rows_affected(), MEMBERS as u64);
    store.close().await;
    let options = [
        ("kind", json!("reinforcement")),
        ("cron", json!("0 3 1 1 *")),
        ("channel", json!(team.channel.to_string())),
    ];
    let added = team.command(team.admin, "schedule add", &options).await;
    assert!(added.contains("#2"), "{added}");
    let ran = team
        .command(team.admin, "schedule run", &[("id", json!(2))])
        .await;
    assert!(ran.contains("running now"), "{ran}");
    team.discord
        .wait_for_within("half of the reminders", Duration::from_secs(120), |s| {
            let bot = s.bot.user_id;
            let sent = s
                .messages
                .values()
                .filter(|m| m.author_id == bot && m.content.contains("due for review"))
                .count();
            (sent >= MEMBERS / 2).then_some(())
        })
        .await
        .expect("reminders go out");
}

/// Fails unless every member has exactly one reminder.
fn assert_one_reminder_each(discord: &Emulator, members: &[u64]) {
    let after = reminders_by_member(discord, members);
    let wrong: Vec<_> = after.iter().filter(|(_, n)| **n != 1).collect();
    assert!(
        wrong.is_empty(),
        "every member gets exactly one reminder; not so for {} members: {:?}",
        wrong.len(),
        wrong.iter().take(10).collect::<Vec<_>>()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn review_reminders_survive_a_sigkill_mid_fan_out() {
    let mut team = Team::start().await;
    fan_out_half_way(&team).await;
    let members = team.members.clone();
    let discord = Arc::clone(&team.discord);
    team.kill().await;
    let before = reminders_by_member(&discord, &members);
    let delivered = before.values().filter(|n| **n > 0).count();
    println!("killed with {delivered} of {MEMBERS} reminders delivered");
    assert!(delivered < MEMBERS, "killed before the fan-out finished");
    assert!(before.values().all(|n| *n <= 1));

    println!(
        "429s from Discord's global limit so far: {}",
        discord.rate_limited_count()
    );
    team.launch().await;
    let db = team.database().await;
    let pending = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")
            .fetch_one(&db)
            .await
            .expect("outbox")
    };
    // 500 DMs at Discord's 50 requests per second, after a restart: a minute at most.
    eventually_within(
        &discord,
        "the outbox to drain after the restart",
        Duration::from_secs(60),
        || async { pending().await == 0 },
    )
    .await;
    assert_one_reminder_each(&discord, &members);
    let failed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE state = 'failed'")
        .fetch_one(&db)
        .await
        .expect("outbox");
    assert_eq!(failed, 0);
    let runs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM schedule_runs WHERE schedule_id = 2")
        .fetch_one(&db)
        .await
        .expect("runs");
    assert_eq!(runs, 1, "the run was not repeated after the restart");
    assert_no_violations(&team.discord);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres_the_other_process_takes_over_a_fan_out_after_a_sigkill() {
    let Some(url) = fresh_postgres_database().await else {
        eprintln!("skipped: PEERLEARN_TEST_POSTGRES names no Postgres server (CI sets it)");
        return;
    };
    let mut team = Team::start_on(Some(url)).await;
    fan_out_half_way(&team).await;
    let store = team.store().await;
    let members = team.members.clone();
    let discord = Arc::clone(&team.discord);
    let sender = store
        .lease_holder("delivery")
        .await
        .unwrap()
        .expect("a process holds the delivery lease");
    let pid = |child: &Child| child.id().map(|id| format!("pid{id}-"));
    let killed_first = team
        .bot
        .as_ref()
        .and_then(pid)
        .is_some_and(|p| sender.starts_with(&p));
    let mut victim = if killed_first {
        team.bot.take().unwrap()
    } else {
        let at = team
            .others
            .iter()
            .position(|c| pid(c).is_some_and(|p| sender.starts_with(&p)))
            .expect("the sender is one of the two processes");
        team.others.remove(at)
    };
    victim.start_kill().expect("SIGKILL sent");
    let status = victim.wait().await.expect("the bot exits");
    assert_eq!(status.signal(), Some(9));
    let killed_at = std::time::Instant::now();
    let before = reminders_by_member(&discord, &members);
    let delivered = before.values().filter(|n| **n > 0).count();
    println!("killed the sender ({sender}) with {delivered} of {MEMBERS} reminders delivered");
    assert!(delivered < MEMBERS, "killed before the fan-out finished");

    // The survivor takes the sending over once the lease runs out (15 s), and drains it.
    let pending = || async {
        peerlearn::store::sql::query_scalar::<i64>(
            "SELECT COUNT(*) FROM outbox WHERE state = 'pending'",
        )
        .fetch_one(store.pool())
        .await
        .expect("outbox")
    };
    eventually_within(
        &discord,
        "the other process to drain the outbox",
        Duration::from_secs(90),
        || async { pending().await == 0 },
    )
    .await;
    println!(
        "the other process finished the fan-out {:.1} s after the kill",
        killed_at.elapsed().as_secs_f64()
    );
    assert_one_reminder_each(&discord, &members);
    let taken_over = store.lease_holder("delivery").await.unwrap();
    assert!(
        taken_over.is_some_and(|h| h != sender),
        "the survivor holds the lease now"
    );
    let runs: i64 = peerlearn::store::sql::query_scalar(
        "SELECT COUNT(*) FROM schedule_runs WHERE schedule_id = 2",
    )
    .fetch_one(store.pool())
    .await
    .expect("runs");
    assert_eq!(runs, 1, "the run was not repeated");
    assert_no_violations(&team.discord);
}
