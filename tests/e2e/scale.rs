//! Scaling out: several bot processes share one Postgres database, each running a range of
//! gateway shards, and the work that is not tied to the gateway is done once between them. On
//! SQLite a second bot process on the same file is refused.

use crate::common::{
    assert_no_violations, fresh_postgres_database, settings_with, spawn_bot, start_emulator,
    test_start,
};
use discord_emulator::state::perms;
use discord_emulator::Failure;
use peerlearn::clock::Clock;
use peerlearn::discord::BotError;
use peerlearn::store::sql::query_scalar;
use peerlearn::store::Store;
use serde_json::json;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_bot_on_one_sqlite_file_is_refused_with_what_to_do() {
    let discord = start_emulator().await;
    let guild = discord.add_guild("Acme");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("peerlearn.db");
    let settings = settings_with(&discord, guild, &db, &[("PEERLEARN_DATABASE__URL", "")]);
    let first = Store::open_configured(&settings.database).await.unwrap();
    let (stop_first, first_bot) = spawn_bot(
        &discord,
        settings.clone(),
        first,
        Clock::virtual_at(test_start()),
    );
    discord
        .wait_for_session()
        .await
        .expect("the first bot connects");
    let second = Store::open_configured(&settings.database).await.unwrap();
    let (_stop_second, second_bot) =
        spawn_bot(&discord, settings, second, Clock::virtual_at(test_start()));
    let refused = tokio::time::timeout(Duration::from_secs(10), second_bot)
        .await
        .expect("the second bot stops at once")
        .expect("no panic");
    match refused {
        Err(BotError::SoleBot(message)) => {
            assert!(
                message.contains("one bot process per SQLite file"),
                "{message}"
            );
            assert!(
                message.contains("database.url"),
                "says what to do: {message}"
            );
        }
        other => panic!("a second bot on the file was not refused: {other:?}"),
    }
    let _ = stop_first.send(());
    first_bot
        .await
        .unwrap()
        .expect("the first bot ran on and stopped cleanly");
}

/// `/schedule add` by `admin` of a `kind` schedule on `cron` in `channel`.
async fn add_schedule(
    discord: &discord_emulator::Emulator,
    channel: u64,
    admin: u64,
    kind: &str,
    cron: &str,
) {
    let options = [
        ("kind", json!(kind)),
        ("cron", json!(cron)),
        ("channel", json!(channel.to_string())),
    ];
    let id = discord
        .slash(channel, admin, "schedule add", &options)
        .unwrap();
    discord.reply(id).await.expect("the schedule is added");
}

/// A bot started with `spawn_bot`: what stops it, and how it ended.
type RunningBot = (
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<Result<(), BotError>>,
);

/// Two bot processes on one Postgres database, with shards 0/2 and 1/2 of one emulator, and a
/// guild (with a channel and an admin) on each shard: `places[k]` is on shard `k`.
struct TwoProcesses {
    discord: discord_emulator::Emulator,
    places: Vec<(u64, u64, u64)>,
    clock: Clock,
    stores: Vec<Store>,
    bots: Vec<RunningBot>,
    _dir: tempfile::TempDir,
}

async fn two_processes(url: &str) -> TwoProcesses {
    let discord = start_emulator().await;
    let zero = discord.add_guild_on_shard("Team 0", 0, 2);
    let one = discord.add_guild_on_shard("Team 1", 1, 2);
    let mut places = Vec::new();
    for guild in [zero, one] {
        let channel = discord.add_text_channel(guild, "learning");
        let admins = discord.add_role(guild, "Admins", perms::MANAGE_GUILD);
        let admin = discord.add_member(guild, "grace", &[admins]);
        places.push((guild, channel, admin));
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.db");
    let clock = Clock::virtual_at(test_start());
    let (mut bots, mut stores) = (Vec::new(), Vec::new());
    for shards in ["0/2", "1/2"] {
        let settings = settings_with(
            &discord,
            zero,
            &db,
            &[
                ("PEERLEARN_DATABASE__URL", url),
                ("PEERLEARN_DISCORD__SHARDS", shards),
                ("PEERLEARN_DISCORD__DEV_GUILD_ID", ""),
            ],
        );
        let store = Store::open_configured(&settings.database).await.unwrap();
        stores.push(store.clone());
        bots.push(spawn_bot(&discord, settings, store, clock.clone()));
    }
    discord
        .wait_for_session()
        .await
        .expect("both shards connect");
    discord
        .wait_for_commands(None)
        .await
        .expect("commands registered globally");
    TwoProcesses {
        discord,
        places,
        clock,
        stores,
        bots,
        _dir: dir,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_on_postgres_split_the_shards_and_a_schedule_fires_once() {
    let Some(url) = fresh_postgres_database().await else {
        eprintln!("skipped: PEERLEARN_TEST_POSTGRES names no Postgres server (CI sets it)");
        return;
    };
    let TwoProcesses {
        discord,
        places,
        clock,
        mut bots,
        ..
    } = two_processes(&url).await;
    let mut shards = discord.live_shards();
    shards.sort();
    assert_eq!(shards, [[0, 2], [1, 2]]);
    // Each guild is answered, by the process that runs its shard.
    for (guild, channel, admin) in &places {
        let id = discord.slash(*channel, *admin, "progress", &[]).unwrap();
        let reply = discord
            .reply(id)
            .await
            .unwrap_or_else(|e| panic!("guild {guild}: {e}"));
        assert!(reply.message.is_some());
    }
    // A schedule in the guild of shard 0 fires once, though both processes run a scheduler.
    let (_, channel, admin) = places[0];
    add_schedule(&discord, channel, admin, "quiz", "0 8 * * *").await;
    clock.advance(Duration::from_secs(3600 + 60));
    let bot = discord.bot_user_id();
    let posts = || {
        discord
            .messages_in(channel)
            .into_iter()
            .filter(|m| m.author_id == bot && m.interaction_id.is_none())
            .count()
    };
    discord
        .wait_for("the scheduled quiz", |s| {
            s.messages
                .values()
                .any(|m| {
                    m.channel_id == channel && m.author_id == bot && m.interaction_id.is_none()
                })
                .then_some(())
        })
        .await
        .expect("the quiz is posted");
    // Both schedulers look again; the run is recorded once and posted once.
    clock.advance(Duration::from_secs(60));
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(posts(), 1, "one post across both processes");
    let check = Store::connect(&url).await.unwrap();
    let runs: i64 = query_scalar("SELECT COUNT(*) FROM schedule_runs")
        .fetch_one(check.pool())
        .await
        .unwrap();
    assert_eq!(runs, 1);
    let holders: i64 = query_scalar("SELECT COUNT(DISTINCT holder) FROM leases")
        .fetch_one(check.pool())
        .await
        .unwrap();
    assert!(holders >= 1, "the work is held under leases");
    // The process of shard 1 stops: its guild goes unanswered, the other's is still served.
    let (stop_one, bot_one) = bots.pop().unwrap();
    let _ = stop_one.send(());
    bot_one.await.unwrap().expect("clean stop");
    let (_, channel_one, admin_one) = places[1];
    let unanswered = discord
        .slash(channel_one, admin_one, "progress", &[])
        .unwrap();
    assert!(
        discord
            .reply_within(unanswered, Duration::from_secs(4))
            .await
            .is_err(),
        "nobody runs shard 1 now"
    );
    let id = discord.slash(channel, admin, "progress", &[]).unwrap();
    discord.reply(id).await.expect("shard 0 is still served");
    let (stop_zero, bot_zero) = bots.pop().unwrap();
    let _ = stop_zero.send(());
    bot_zero.await.unwrap().expect("clean stop");
    // The one interaction nobody answered is the only fault: Discord would show that member
    // "This interaction failed".
    let faults = discord.violations();
    assert!(
        faults
            .iter()
            .all(|v| v.context.contains(&format!("interaction {unanswered}"))),
        "{faults:?}"
    );
    discord.clear_violations();
    assert_no_violations(&discord);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_database_moves_to_postgres_whole_and_the_bot_carries_on() {
    let Some(url) = fresh_postgres_database().await else {
        eprintln!("skipped: PEERLEARN_TEST_POSTGRES names no Postgres server (CI sets it)");
        return;
    };
    // Some of everything on SQLite: practice, a scheduled quiz answered, points and boards.
    let mut app = crate::common::spawn_app_with(&[("PEERLEARN_DATABASE__URL", "")]).await;
    assert!(app.store.path().is_some(), "the source is a SQLite file");
    for right in [true, false, true] {
        app.practise(app.member, "security", right).await;
    }
    app.add_schedule("quiz", "0 8 * * *", &[]).await;
    app.clock.advance(Duration::from_secs(3600 + 60));
    let post = app.wait_for_posts(app.channel, 1).await.remove(0);
    let choice = &post.buttons()[0].0;
    app.click(app.admin, post.id, choice).await;
    let progress = app.command(app.member, "progress", &[]).await;
    let board = app.command(app.member, "leaderboard", &[]).await;
    app.stop().await.expect("clean stop");

    let migrate = |to: &str| {
        crate::common::peerlearn_binary()
            .args([
                "migrate",
                "--from",
                &format!("sqlite:{}", app.db_path.display()),
                "--to",
                to,
            ])
            .output()
            .unwrap()
    };
    let out = migrate(&url);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("every table's rows and every total match the source"),
        "{stdout}"
    );
    let copy = Store::connect(&url).await.unwrap();
    for table in [
        "answers",
        "memory",
        "board_totals",
        "outbox",
        "schedules",
        "kb_index",
    ] {
        let rows: i64 = query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(copy.pool())
            .await
            .unwrap();
        assert!(rows > 0, "{table} was copied");
        assert!(
            stdout
                .lines()
                .any(|l| l.split_whitespace().next() == Some(table)
                    && l.contains(&format!(" {rows} rows"))),
            "{table}: {rows} rows in {stdout}"
        );
    }
    // Ids go on after the copied ones.
    let next_answer: i64 = query_scalar(
        "SELECT nextval(pg_get_serial_sequence('answers', 'id')) - (SELECT MAX(id) FROM answers)",
    )
    .fetch_one(copy.pool())
    .await
    .unwrap();
    assert_eq!(next_answer, 1);
    // A second copy into the now full database is refused, and changes nothing.
    let again = migrate(&url);
    assert_eq!(again.status.code(), Some(1));
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("not empty"), "{said}");

    // The bot carries on from the copy: the same progress and board, and new answers count.
    app.use_database_url(&url);
    app.start_again().await;
    assert!(app.store.path().is_none(), "now on Postgres");
    assert_eq!(app.command(app.member, "progress", &[]).await, progress);
    assert_eq!(app.command(app.member, "leaderboard", &[]).await, board);
    app.practise(app.member, "security", true).await;
    assert_ne!(app.command(app.member, "progress", &[]).await, progress);
    app.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_global_rate_limit_met_by_one_process_holds_the_other() {
    let Some(url) = fresh_postgres_database().await else {
        eprintln!("skipped: PEERLEARN_TEST_POSTGRES names no Postgres server (CI sets it)");
        return;
    };
    let pair = two_processes(&url).await;
    let discord = &pair.discord;
    // The process that sends the outbox, and the other one (it answers its own shard's guild).
    let sender = pair.stores[0]
        .lease_holder("delivery")
        .await
        .unwrap()
        .expect("a process sends");
    let other = usize::from(pair.stores[0].holder() == sender);
    let (guild, channel, admin) = pair.places[other];
    let qa = discord.add_text_channel(guild, "questions");
    let id = discord
        .slash(
            channel,
            admin,
            "config qa-channel",
            &[("channel", json!(qa.to_string()))],
        )
        .unwrap();
    discord.reply(id).await.expect("the Q&A channel is set");
    // The sender's next post meets Discord's global limit.
    const RETRY_AFTER: f64 = 1.5;
    discord.fail_next(
        "POST",
        "/channels/{channel_id}/messages",
        Failure::RateLimited {
            retry_after: RETRY_AFTER,
            global: true,
        },
        1,
    );
    add_schedule(discord, channel, admin, "tip", "0 3 1 1 *").await;
    let id = discord
        .slash(channel, admin, "schedule run", &[("id", json!(1))])
        .unwrap();
    discord.reply(id).await.expect("run now");
    discord
        .wait_for("the global 429", |s| {
            (s.rate_limited_count > 0).then_some(())
        })
        .await
        .expect("the sender meets the limit");
    // The sender shares the hold through the database; the other process reads it within a
    // tenth of a second (the delay the README states).
    let store = &pair.stores[other];
    while store.requests_held_until().await.unwrap().is_none() {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let limited_at = std::time::Instant::now();
    // Then the other process opens a thread for a question: its request waits out the hold.
    let id = discord
        .slash(
            channel,
            admin,
            "ask",
            &[(
                "question",
                json!("Which printer on floor three takes A3 paper?"),
            )],
        )
        .unwrap();
    discord.reply(id).await.expect("the question is answered");
    let timed = discord.requests_timed();
    let (.., hit) = timed
        .iter()
        .find(|(_, _, status, _)| *status == 429)
        .expect("the 429 is recorded")
        .clone();
    let (.., thread) = timed
        .iter()
        .find(|(method, path, _, at)| method == "POST" && path.contains("/threads") && *at > hit)
        .expect("a thread is opened after the 429")
        .clone();
    let waited = thread.duration_since(hit).as_secs_f64();
    println!(
        "the other process opened its thread {waited:.2} s after the 429 (hold {RETRY_AFTER} s, asked {:.2} s after it)",
        limited_at.duration_since(hit).as_secs_f64()
    );
    assert!(
        waited >= RETRY_AFTER - 0.2,
        "the other process waited out the global limit: {waited:.2} s"
    );
    for (stop, bot) in pair.bots {
        let _ = stop.send(());
        bot.await.unwrap().expect("clean stop");
    }
    assert_no_violations(discord);
}
