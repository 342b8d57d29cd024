//! Discord misbehaving around the bot: slow answers and trouble at start-up. (Rate limits,
//! server errors and lost answers of posts are in `quizzes.rs`; the gateway in `gateway.rs`.)

use crate::common::{assert_no_violations, settings_for, spawn_app, spawn_bot, start_emulator};
use discord_emulator::Failure;
use peerlearn::store::Store;
use serde_json::json;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_discord_holds_up_no_interaction_and_posts_once() {
    let mut app = spawn_app().await;
    app.command(app.admin, "content starter", &[]).await;
    app.add_schedule("quiz", "0 3 1 1 *", &[]).await;
    // Discord takes 5 s to answer the quiz post (it appears at once).
    app.discord.fail_next(
        "POST",
        "/channels/{channel_id}/messages",
        Failure::Slow(Duration::from_secs(5)),
        1,
    );
    app.command(app.admin, "schedule run", &[("id", json!(1))])
        .await;
    // The post reaches the channel at once; Discord's answer to the bot is what is slow.
    app.eventually("the slow post to reach the channel", || async {
        !app.bot_posts(app.channel).is_empty()
    })
    .await;
    // Meanwhile members practise: every answer comes well within Discord's 3 seconds.
    for _ in 0..5 {
        let id = app
            .discord
            .slash(app.channel, app.member, "quiz", &[])
            .unwrap();
        let reply = app.discord.reply(id).await.unwrap();
        assert!(reply.after < Duration::from_secs(3), "{:?}", reply.after);
        let question = reply.message.unwrap();
        let (button, _) = question.buttons()[0].clone();
        let click = app.discord.click(app.member, question.id, &button).unwrap();
        let answered = app.discord.reply(click).await.unwrap();
        assert!(
            answered.after < Duration::from_secs(3),
            "{:?}",
            answered.after
        );
    }
    // The slow post is recorded as sent once it is answered, and never sent twice.
    app.wait_until_sent(1).await;
    let bot = app.discord.bot_user_id();
    let posts = app
        .discord
        .messages_in(app.channel)
        .into_iter()
        .filter(|m| m.author_id == bot && m.interaction_id.is_none())
        .count();
    assert_eq!(posts, 1);
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_up_rides_out_a_429_and_a_502() {
    let discord = start_emulator().await;
    let guild = discord.add_guild("Flaky");
    discord.fail_next(
        "GET",
        "/users/@me",
        Failure::RateLimited {
            retry_after: 0.2,
            global: true,
        },
        1,
    );
    discord.fail_next(
        "PUT",
        "/applications/{application_id}/guilds/{guild_id}/commands",
        Failure::Status(502),
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("flaky.db");
    let settings = settings_for(&discord, guild, &db);
    let store = Store::open(&db, Duration::from_secs(5)).await.unwrap();
    let (tx, bot) = spawn_bot(&discord, settings, store, peerlearn::clock::Clock::system());
    discord.wait_for_commands(Some(guild)).await.unwrap();
    discord.wait_for_session().await.unwrap();
    let statuses: Vec<(String, u16)> = discord
        .requests()
        .into_iter()
        .map(|(_, path, status)| (path, status))
        .collect();
    assert!(
        statuses.contains(&("/users/@me".into(), 429)),
        "{statuses:?}"
    );
    assert!(
        statuses.contains(&("/users/@me".into(), 200)),
        "{statuses:?}"
    );
    assert!(statuses
        .iter()
        .any(|(p, s)| p.ends_with("/commands") && *s == 502));
    tx.send(()).unwrap();
    bot.await.unwrap().expect("clean shutdown");
    assert_no_violations(&discord);
}
