//! Personal learning that acts on what it knows, end to end: role tracks keep steering `/quiz`
//! after a member has started every topic, a question's own `tracks` decide for it, and a topic
//! the team is forecast to forget gets refreshers in the next channel quizzes, and not before.

use crate::common::{embed_lines, spawn_app, TestApp};
use serde_json::json;
use std::time::Duration;

/// `/content import` of `text` as `name`, by the admin.
async fn import(app: &TestApp, name: &str, text: &str) {
    let file = app.discord.upload(name, text.as_bytes());
    let reply = app
        .command(
            app.admin,
            "content import",
            &[("file", json!(file.to_string()))],
        )
        .await;
    assert!(reply.starts_with("Imported:"), "{reply}");
}

fn question(id: &str, topic: &str, tracks: &str) -> String {
    format!(
        "[[question]]\nid = \"{id}\"\ntopic = \"{topic}\"\nprompt = \"Question {id}?\"\nchoices = [\"yes\", \"no\"]\ncorrect = \"A\"\nexplanation = \"Because.\"\ntracks = [{tracks}]\n\n"
    )
}

/// The question `/quiz` (in `topic`, if given) gives `user`, answered right.
async fn quiz(app: &TestApp, user: u64, topic: Option<&str>) -> String {
    let options: Vec<(&str, serde_json::Value)> =
        topic.map(|t| ("topic", json!(t))).into_iter().collect();
    let id = app
        .discord
        .slash(app.channel, user, "quiz", &options)
        .unwrap();
    let card = app.discord.reply(id).await.unwrap().message.unwrap();
    let buttons = card.buttons();
    let version: i64 = buttons[0].0.split(':').nth(2).unwrap().parse().unwrap();
    let question: String =
        sqlx::query_scalar("SELECT question_id FROM question_versions WHERE id = ?")
            .bind(version)
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    // "yes" (A) is right everywhere here.
    let click = app.discord.click(user, card.id, &buttons[0].0).unwrap();
    app.discord.reply(click).await.unwrap();
    question
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tracks_keep_steering_after_every_topic_is_started_and_question_tracks_decide() {
    let mut app = spawn_app().await;
    let mut content = String::from(
        "[[topic]]\nid = \"desk\"\nname = \"Help desk\"\n\n[[topic]]\nid = \"misc\"\nname = \"Everything else\"\n\n",
    );
    content += &question("desk-1", "desk", "");
    content += &question("desk-2", "desk", "\"engineering\"");
    content += &question("misc-1", "misc", "\"support\"");
    content += &question("misc-2", "misc", "");
    content += &question("misc-3", "misc", "");
    import(&app, "bank.toml", &content).await;
    let support = app.discord.add_role(app.guild, "Support", 0);
    let set = app
        .command(
            app.admin,
            "track set",
            &[
                ("role", json!(support.to_string())),
                ("topic", json!("desk")),
            ],
        )
        .await;
    assert!(set.contains("Help desk"), "{set}");
    let sue = app.discord.add_member(app.guild, "sue", &[support]);

    // In each topic the track's item comes first: by topic in `desk`, by its own `tracks` in
    // `misc` (and `desk-2`, named for another track, is not hers).
    assert_eq!(quiz(&app, sue, Some("desk")).await, "desk-1");
    assert_eq!(quiz(&app, sue, Some("misc")).await, "misc-1");
    // Every topic started: /quiz still brings her track, not the new items elsewhere.
    for _ in 0..3 {
        let q = quiz(&app, sue, None).await;
        assert!(["desk-1", "misc-1"].contains(&q.as_str()), "{q}");
    }
    let progress = app.command(sue, "progress", &[]).await;
    assert!(
        progress.contains("Your track (from your roles): Help desk"),
        "{progress}"
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_topic_the_team_is_forgetting_gets_refreshers_in_the_next_channel_quizzes_not_before() {
    let mut app = spawn_app().await;
    let mut content = String::from(
        "[[topic]]\nid = \"privacy\"\nname = \"Data privacy\"\nteam_recall_target = 0.97\n\n[[topic]]\nid = \"misc\"\nname = \"Everything else\"\n\n",
    );
    for i in 1..=3 {
        content += &question(&format!("p-{i}"), "privacy", "");
    }
    for i in 1..=9 {
        content += &question(&format!("m-{i}"), "misc", "");
    }
    import(&app, "bank.toml", &content).await;
    let text = app.add_schedule("quiz", "0 9 * * *", &[]).await;
    assert!(text.contains("quiz"), "{text}");

    // Day 0, 09:00: the first quiz, before anyone has learned anything.
    app.clock.advance(Duration::from_secs(2 * 3600));
    app.clock.settled().await;
    app.wait_for_posts(app.channel, 1).await;
    // Then three members learn the privacy questions: their memory of them is fresh today.
    for name in ["ann", "bob", "cy"] {
        let user = app.discord.add_member(app.guild, name, &[]);
        for _ in 0..3 {
            quiz(&app, user, Some("privacy")).await;
        }
    }
    let report = app
        .reply_to(app.admin, "report", &[("period", json!("week"))])
        .await;
    assert!(
        !embed_lines(&report).contains("Refreshers"),
        "not before the day's figures say so: {}",
        embed_lines(&report)
    );

    // Day 1: the forecast for privacy falls below its 97% target within 7 days, so the next
    // channel quizzes bring its most forgotten questions.
    app.clock.advance(Duration::from_secs(24 * 3600));
    app.clock.settled().await;
    for run in 0..2 {
        if run > 0 {
            app.clock.advance(Duration::from_secs(60));
            let ran = app
                .command(app.admin, "schedule run", &[("id", json!(1))])
                .await;
            assert!(ran.contains("running now"), "{ran}");
        }
        let posts = app.wait_for_posts(app.channel, 2 + run).await;
        let q = app.question_of_post(posts[1 + run].id).await;
        assert!(
            q.question.starts_with("p-"),
            "post {}: {}",
            2 + run,
            q.question
        );
    }
    let report = app
        .reply_to(app.admin, "report", &[("period", json!("week"))])
        .await;
    let shown = embed_lines(&report);
    assert!(
        shown.contains("Data privacy refresher: team recall") && shown.contains("target 97%"),
        "{shown}"
    );
    app.stop().await.unwrap();
}
