//! `/privacy export` and `/privacy delete` as a member meets them, and the retention purge an
//! admin sets with `/config retention`: what the member sees, what the file holds, what is
//! stored afterwards.

use crate::common::{spawn_app, TestApp};
use serde_json::{json, Value};
use std::time::Duration;

/// The admin loads the starter pack and posts a quiz; `members` each answer it (the first
/// button). Returns the post's message id.
async fn answered_quiz(app: &TestApp, members: &[u64]) -> u64 {
    app.command(app.admin, "content starter", &[]).await;
    app.add_schedule("quiz", "0 3 1 1 *", &[]).await;
    app.command(app.admin, "schedule run", &[("id", json!(1))])
        .await;
    let bot = app.discord.bot_user_id();
    let channel = app.channel;
    let (post, button) = app
        .discord
        .wait_for("the quiz post", |s| {
            s.messages
                .values()
                .find(|m| {
                    m.channel_id == channel && m.author_id == bot && m.interaction_id.is_none()
                })
                .and_then(|m| Some((m.id, m.buttons().first()?.0.clone())))
        })
        .await
        .unwrap();
    for member in members {
        let id = app.discord.click(*member, post, &button).unwrap();
        app.discord.reply(id).await.unwrap();
    }
    post
}

/// Clicks a button on an ephemeral reply and returns the updated text.
async fn click_on(app: &TestApp, user: u64, message: u64, label: &str) -> String {
    let m = app.discord.message(message).expect("the message");
    let (custom_id, _) = m
        .buttons()
        .into_iter()
        .find(|(_, l)| l == label)
        .unwrap_or_else(|| panic!("no button {label} on {}", m.content));
    let id = app.discord.click(user, message, &custom_id).unwrap();
    let reply = app.discord.reply(id).await.unwrap();
    reply.message.map(|m| m.content).unwrap_or_default()
}

/// `/privacy delete`: the prompt's message id and text.
async fn delete_prompt(app: &TestApp, user: u64) -> (u64, String) {
    let id = app
        .discord
        .slash(app.channel, user, "privacy delete", &[])
        .unwrap();
    let m = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(m.is_ephemeral());
    (m.id, m.content)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_exports_then_deletes_their_data_and_the_team_figures_stay() {
    let mut app = spawn_app().await;
    let (ada, grace) = (app.member, app.admin);
    answered_quiz(&app, &[ada, grace]).await;
    let chose = app
        .command(ada, "reinforce", &[("mode", json!("dm"))])
        .await;
    assert!(chose.contains("direct message"), "{chose}");
    let started = app
        .command(
            grace,
            "experiment start",
            &[
                ("topic", json!("all")),
                ("holdout", json!(50)),
                ("weeks", json!(2)),
            ],
        )
        .await;
    assert!(started.contains("Experiment started"), "{started}");

    // The export: a JSON file with ada's data and nobody else's.
    let id = app
        .discord
        .slash(app.channel, ada, "privacy export", &[])
        .unwrap();
    let reply = app.discord.reply(id).await.unwrap();
    assert_eq!(reply.callback_type, 5, "the export defers first");
    let m = reply.message.unwrap();
    assert!(m.is_ephemeral());
    assert!(m.content.contains("1 answer,"), "{}", m.content);
    let file = m
        .attachments
        .iter()
        .find(|a| a.filename == "peerlearn-my-data.json")
        .expect("the export file");
    let data: Value = serde_json::from_slice(&file.data).expect("valid JSON");
    assert_eq!(data["format"], "peerlearn member export");
    assert_eq!(data["user_id"], ada.to_string());
    assert_eq!(data["server_id"], app.guild.to_string());
    assert_eq!(data["profile"]["display_name"], "ada");
    assert_eq!(data["review_preferences"]["delivery"], "dm");
    let answers = data["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0]["source"], "channel");
    assert!(answers[0]["question"].as_str().unwrap().len() > 10);
    assert!(answers[0]["answered_at"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-23T"));
    assert_eq!(data["review_schedule"].as_array().unwrap().len(), 1);
    assert_eq!(answers[0]["knowledge_check"], false);
    let experiments = data["experiments"].as_array().unwrap();
    assert_eq!(experiments.len(), 1, "her arm in the experiment");
    assert!(experiments[0]["holdout"].is_boolean());
    assert!(!String::from_utf8_lossy(&file.data).contains(&grace.to_string()));

    // "Keep my data" deletes nothing.
    let (prompt, text) = delete_prompt(&app, ada).await;
    assert!(text.contains("Delete your data in"), "{text}");
    assert!(text.contains("anonymously"), "{text}");
    let kept = click_on(&app, ada, prompt, "Keep my data").await;
    assert!(kept.contains("Nothing was deleted"), "{kept}");
    let ada_rows = format!(
        "SELECT (SELECT COUNT(*) FROM members WHERE user_id = {ada})
              + (SELECT COUNT(*) FROM member_progress WHERE user_id = {ada})
              + (SELECT COUNT(*) FROM member_prefs WHERE user_id = {ada})
              + (SELECT COUNT(*) FROM memory WHERE user_id = {ada})
              + (SELECT COUNT(*) FROM points_ledger WHERE user_id = {ada})
              + (SELECT COUNT(*) FROM board_totals WHERE user_id = {ada})
              + (SELECT COUNT(*) FROM answers WHERE user_id = {ada})
              + (SELECT COUNT(*) FROM experiment_arms WHERE user_id = {ada})"
    );
    assert!(app.count(&ada_rows).await >= 8);

    // A stale confirmation deletes nothing either.
    let (prompt, _) = delete_prompt(&app, ada).await;
    app.clock.advance(Duration::from_secs(11 * 60));
    let stale = click_on(&app, ada, prompt, "Delete my data").await;
    assert!(stale.contains("expired"), "{stale}");
    assert!(app.count(&ada_rows).await >= 8);

    // Confirmed: ada's rows are gone; her answer stays, anonymous.
    let answers_before = app.count("SELECT COUNT(*) FROM answers").await;
    let (prompt, _) = delete_prompt(&app, ada).await;
    let done = click_on(&app, ada, prompt, "Delete my data").await;
    assert!(done.contains("is deleted"), "{done}");
    assert_eq!(app.count(&ada_rows).await, 0, "nothing of ada's is left");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM answers").await,
        answers_before
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM answers WHERE user_id < 0")
            .await,
        1
    );
    assert!(
        app.count(&format!(
            "SELECT COUNT(*) FROM members WHERE user_id = {grace}"
        ))
        .await
            == 1
    );

    // The team's figures still count her answer; the board no longer names her.
    let stats = app.command(grace, "content stats", &[]).await;
    assert!(
        stats.contains("2 answers") || stats.contains("answers: 2"),
        "{stats}"
    );
    let id = app
        .discord
        .slash(app.channel, grace, "leaderboard", &[])
        .unwrap();
    let board = app.discord.reply(id).await.unwrap().message.unwrap();
    let shown = format!("{} {}", board.content, board.embeds);
    assert!(!shown.contains(&ada.to_string()), "{shown}");

    // A second export is empty apart from what the export itself just recorded.
    let id = app
        .discord
        .slash(app.channel, ada, "privacy export", &[])
        .unwrap();
    let m = app.discord.reply(id).await.unwrap().message.unwrap();
    let data: Value = serde_json::from_slice(&m.attachments[0].data).unwrap();
    assert_eq!(data["answers"].as_array().unwrap().len(), 0);
    assert_eq!(data["review_schedule"].as_array().unwrap().len(), 0);
    assert!(data["review_preferences"].is_null());
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn old_raw_events_are_purged_on_schedule_and_aggregates_stay() {
    let mut app = spawn_app().await;
    let (ada, grace) = (app.member, app.admin);
    answered_quiz(&app, &[ada]).await;

    for (days, expect) in [
        (json!(30), "between 90 and 3650"),
        (json!(4000), "between 90 and 3650"),
    ] {
        let id = app.discord.slash(
            app.channel,
            grace,
            "config retention",
            &[("days", days.clone())],
        );
        // Discord itself refuses values beyond the option's max; the bot refuses the rest.
        if let Ok(id) = id {
            let text = app
                .discord
                .reply(id)
                .await
                .unwrap()
                .message
                .unwrap()
                .content;
            assert!(text.contains(expect), "{days}: {text}");
        }
    }
    let refused = app
        .command(ada, "config retention", &[("days", json!(90))])
        .await;
    assert!(refused.contains("Manage Server"), "{refused}");
    // A leaderboard post: a sent post that names members.
    app.add_schedule("leaderboard", "0 3 1 1 *", &[]).await;
    app.command(grace, "schedule run", &[("id", json!(2))])
        .await;
    app.wait_until_sent(2).await;
    let set = app
        .command(grace, "config retention", &[("days", json!(90))])
        .await;
    assert!(set.contains("deleted after 90 days"), "{set}");

    // 89 days later the answer is still there; after 91 it is purged by the scheduler.
    app.clock.advance(Duration::from_secs(89 * 86_400));
    app.clock.settled().await;
    assert_eq!(app.count("SELECT COUNT(*) FROM answers").await, 1);
    app.clock.advance(Duration::from_secs(2 * 86_400));
    // The purge deletes table by table in short batches (answers first, sent posts last):
    // wait for the last of them.
    app.eventually("the purge of the answer and the board post", || async {
        app.count("SELECT COUNT(*) FROM answers").await == 0
            && app.count("SELECT COUNT(*) FROM outbox").await == 1
    })
    .await;
    assert_eq!(app.count("SELECT COUNT(*) FROM points_ledger").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox").await,
        1,
        "the board post is purged; the quiz post keeps its row"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM quiz_posts").await, 1);
    // Points, boards and the review schedule are aggregates: kept.
    assert_eq!(
        app.count(&format!("SELECT points FROM member_progress WHERE user_id = {ada}")).await,
        app.count(&format!("SELECT points FROM board_totals WHERE user_id = {ada} AND period = 'all' AND topic_id = ''")).await,
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM memory").await, 1);
    app.stop().await.unwrap();
}
