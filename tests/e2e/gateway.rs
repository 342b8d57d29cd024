//! The bot survives gateway trouble: network drops, Reconnect requests, invalidated sessions.

use crate::common::spawn_app;
use std::time::Duration;

async fn help_still_works(app: &crate::common::TestApp) {
    let id = app
        .discord
        .slash(app.channel, app.member, "help", &[])
        .unwrap();
    let reply = app.discord.reply(id).await.unwrap();
    let message = reply.message.unwrap();
    assert!(message.embeds[0]["description"]
        .as_str()
        .is_some_and(|d| d.contains("/about")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resumes_after_a_network_drop() {
    let mut app = spawn_app().await;
    app.discord.drop_gateway();
    app.discord
        .wait_for_within("a resume", Duration::from_secs(30), |s| {
            (s.gateway.resumes >= 1 && s.session()?.sender.is_some()).then_some(())
        })
        .await
        .unwrap();
    let stats = app.discord.gateway_stats();
    assert_eq!(stats.identifies, 1, "resumed, not re-identified");
    assert!(stats.connections >= 2);
    help_still_works(&app).await;
    app.stop().await.expect("clean shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_sent_while_disconnected_are_replayed_on_resume() {
    let mut app = spawn_app().await;
    app.discord.close_gateway(4000);
    // Dispatched while the bot is away: must arrive after the resume, by replay.
    let id = app
        .discord
        .slash(app.channel, app.member, "help", &[])
        .unwrap();
    let reply = app.discord.reply(id).await.unwrap();
    assert!(reply.message.unwrap().is_ephemeral());
    assert!(app.discord.gateway_stats().resumes >= 1);
    app.stop().await.expect("clean shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follows_a_reconnect_request() {
    let mut app = spawn_app().await;
    app.discord.request_reconnect();
    app.discord
        .wait_for_within("a resume after op 7", Duration::from_secs(30), |s| {
            (s.gateway.resumes >= 1 && s.session()?.sender.is_some()).then_some(())
        })
        .await
        .unwrap();
    help_still_works(&app).await;
    app.stop().await.expect("clean shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn identifies_again_after_an_invalid_session() {
    let mut app = spawn_app().await;
    app.discord.invalidate_session();
    // serenity waits about 5 seconds before identifying a new session.
    app.discord
        .wait_for_within("a second identify", Duration::from_secs(40), |s| {
            (s.gateway.identifies >= 2 && s.session()?.sender.is_some()).then_some(())
        })
        .await
        .unwrap();
    help_still_works(&app).await;
    app.stop().await.expect("clean shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heartbeats_are_acknowledged() {
    // A short heartbeat interval so the test sees several within a second or two.
    let discord = discord_emulator::Emulator::start(discord_emulator::EmulatorOptions {
        heartbeat_interval: Duration::from_millis(300),
        ..Default::default()
    })
    .await
    .unwrap();
    let guild = discord.add_guild("Beats");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    let settings = crate::common::settings_for(&discord, guild, &db);
    let store = peerlearn::store::Store::open(&db, Duration::from_secs(5))
        .await
        .unwrap();
    let (tx, bot) =
        crate::common::spawn_bot(&discord, settings, store, peerlearn::clock::Clock::system());
    discord
        .wait_for("three heartbeats", |s| {
            (s.gateway.heartbeats >= 3).then_some(())
        })
        .await
        .unwrap();
    let stats = discord.gateway_stats();
    assert_eq!(
        stats.connections, 1,
        "no reconnects: every heartbeat was acknowledged"
    );
    tx.send(()).unwrap();
    bot.await.unwrap().expect("clean shutdown");
    crate::common::assert_no_violations(&discord);
}
