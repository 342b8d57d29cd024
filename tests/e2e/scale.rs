//! Scaling out: several bot processes share one Postgres database, each running a range of
//! gateway shards, and the work that is not tied to the gateway is done once between them. On
//! SQLite a second bot process on the same file is refused.

use crate::common::{
    assert_no_violations, fresh_postgres_database, settings_with, spawn_bot, start_emulator,
    test_start,
};
use discord_emulator::state::{perms, State};
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

/// Guilds until one lands on each of two shards: `(on shard 0, on shard 1)`.
fn guilds_on_two_shards(discord: &discord_emulator::Emulator) -> (u64, u64) {
    let (mut zero, mut one) = (None, None);
    for n in 0..200 {
        let g = discord.add_guild(&format!("Team {n}"));
        match State::shard_of(g, 2) {
            0 => zero = zero.or(Some(g)),
            _ => one = one.or(Some(g)),
        }
        if let (Some(a), Some(b)) = (zero, one) {
            return (a, b);
        }
        // Ids minted in the same millisecond share a shard: let the clock move.
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("no guilds on both shards");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_on_postgres_split_the_shards_and_a_schedule_fires_once() {
    let Some(url) = fresh_postgres_database().await else {
        eprintln!("skipped: PEERLEARN_TEST_POSTGRES names no Postgres server (CI sets it)");
        return;
    };
    let discord = start_emulator().await;
    let (zero, one) = guilds_on_two_shards(&discord);
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
    let mut bots = Vec::new();
    for shards in ["0/2", "1/2"] {
        let settings = settings_with(
            &discord,
            zero,
            &db,
            &[
                ("PEERLEARN_DATABASE__URL", &url),
                ("PEERLEARN_DISCORD__SHARDS", shards),
                ("PEERLEARN_DISCORD__DEV_GUILD_ID", ""),
            ],
        );
        let store = Store::open_configured(&settings.database).await.unwrap();
        bots.push(spawn_bot(&discord, settings, store, clock.clone()));
    }
    discord
        .wait_for_session()
        .await
        .expect("both shards connect");
    let mut shards = discord.live_shards();
    shards.sort();
    assert_eq!(shards, [[0, 2], [1, 2]]);
    discord
        .wait_for_commands(None)
        .await
        .expect("commands registered globally");
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
    let (guild, channel, admin) = places[0];
    let id = discord
        .slash(
            channel,
            admin,
            "schedule add",
            &[
                ("kind", json!("quiz")),
                ("cron", json!("0 8 * * *")),
                ("channel", json!(channel.to_string())),
            ],
        )
        .unwrap();
    discord.reply(id).await.expect("the schedule is added");
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
    let _ = guild;
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
