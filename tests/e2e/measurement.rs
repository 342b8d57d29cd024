//! Honest measurement end to end: a randomized holdout (`/experiment start|status|stop`) whose
//! arms are stored, stable across a restart and kept out of review reminders; knowledge checks
//! flagged in the store and capped per member, from `/quiz` and the daily quiz's "One more?".

use crate::common::{embed_lines, spawn_app, spawn_app_with, TestApp};
use peerlearn::store::sql::{query_as, query_scalar};
use serde_json::json;
use std::time::Duration;

/// `/experiment start` by `user`; returns the reply.
async fn start(app: &TestApp, user: u64, topic: &str, holdout: u32, weeks: u32) -> String {
    let options = [
        ("topic", json!(topic)),
        ("holdout", json!(holdout)),
        ("weeks", json!(weeks)),
    ];
    app.command(user, "experiment start", &options).await
}

async fn arms(app: &TestApp) -> Vec<(i64, bool)> {
    let rows: Vec<(i64, i64)> =
        query_as("SELECT user_id, holdout FROM experiment_arms ORDER BY user_id")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    rows.into_iter().map(|(u, h)| (u, h != 0)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_holdout_is_drawn_once_kept_across_restarts_and_gets_no_reminders() {
    let mut app = spawn_app().await;
    // Ten members each miss a question, so each has a review due tomorrow.
    let mut members = vec![app.member];
    for i in 0..9 {
        members.push(app.discord.add_member(app.guild, &format!("m{i}"), &[]));
    }
    for &m in &members {
        app.practise(m, "security", false).await;
    }

    // Members cannot start one; the options are checked.
    let text = start(&app, app.member, "all", 50, 4).await;
    assert!(text.contains("Manage Server"), "{text}");
    let text = start(&app, app.admin, "nowhere", 50, 4).await;
    assert!(text.contains("There is no topic `nowhere`"), "{text}");
    assert!(arms(&app).await.is_empty(), "nothing stored");
    let text = app.command(app.admin, "experiment status", &[]).await;
    assert!(text.starts_with("No experiment yet."), "{text}");

    let text = start(&app, app.admin, "all", 50, 4).await;
    assert!(
        text.starts_with("🧪 **Experiment started** on every topic, until <t:1797854400:D>."),
        "{text}"
    );
    // Everyone known (the ten and the admin) is assigned: exactly half of eleven, rounded.
    let drawn = arms(&app).await;
    assert_eq!(drawn.len(), 11, "{drawn:?}");
    let held: Vec<u64> = drawn.iter().filter(|a| a.1).map(|a| a.0 as u64).collect();
    assert_eq!(held.len(), 6, "{drawn:?}");
    assert!(text.contains("(6 of the 11 members known now"), "{text}");
    let again = start(&app, app.admin, "all", 25, 4).await;
    assert!(again.contains("already running"), "{again}");

    // A restart keeps the arms.
    app.restart().await;
    assert_eq!(arms(&app).await, drawn);

    // Members see it.
    let someone_held = held.iter().copied().find(|u| members.contains(u)).unwrap();
    let text = app.command(someone_held, "progress", &[]).await;
    assert!(
        text.contains("🧪 You are in the holdout group of an experiment until <t:1797854400:D>"),
        "{text}"
    );
    let reviewed: Vec<u64> = members
        .iter()
        .copied()
        .filter(|m| !held.contains(m))
        .collect();
    let text = app.command(reviewed[0], "progress", &[]).await;
    assert!(!text.contains("holdout"), "{text}");

    // Tomorrow's reminder counts only the reviewed arm; a held-out member who clicks it is
    // told why there is nothing for them.
    app.add_schedule("reinforcement", "0 9 * * *", &[]).await;
    app.clock.advance(Duration::from_secs(26 * 3600));
    let posts = app.wait_for_posts(app.channel, 1).await;
    assert!(
        posts[0].content.starts_with(&format!(
            "🔁 **{} people have reviews due.**",
            reviewed.len()
        )),
        "{}",
        posts[0].content
    );
    let id = app
        .discord
        .click(someone_held, posts[0].id, &posts[0].buttons()[0].0)
        .unwrap();
    let reply = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(
        reply
            .content
            .starts_with("You are in this experiment's holdout group"),
        "{}",
        reply.content
    );
    let after = app.review_session(reviewed[0], &posts[0]).await;
    assert_eq!(after.len(), 1, "{after:?}");

    // A newcomer is drawn on arrival, once.
    let newcomer = app.discord.add_member(app.guild, "late", &[]);
    app.practise(newcomer, "privacy", true).await;
    app.command(newcomer, "progress", &[]).await;
    let first = arms(&app).await;
    assert_eq!(first.len(), 12, "{first:?}");
    app.command(newcomer, "progress", &[]).await;
    assert_eq!(arms(&app).await, first);

    let status = app.command(app.admin, "experiment status", &[]).await;
    assert!(
        status.starts_with("🧪 **Experiment** on every topic, 50% holdout, since <t:1795435200:D> (running until <t:1797854400:D>)."),
        "{status}"
    );
    assert!(status.contains("Not enough data yet"), "{status}");
    let report = app
        .reply_to(app.admin, "report", &[("period", json!("all"))])
        .await;
    let text = embed_lines(&report);
    assert!(
        text.contains("**Experiment** (reviews held out for 50% of members at random, every topic"),
        "{text}"
    );

    let text = app.command(app.admin, "experiment stop", &[]).await;
    assert!(text.starts_with("🧪 **Experiment stopped.**"), "{text}");
    let text = app.command(app.admin, "experiment stop", &[]).await;
    assert!(text.starts_with("No experiment is running."), "{text}");
    let text = app.command(someone_held, "progress", &[]).await;
    assert!(!text.contains("holdout"), "{text}");
    let status = app.command(app.admin, "experiment status", &[]).await;
    assert!(status.contains("(ended)"), "{status}");
    app.stop().await.unwrap();
}

/// The knowledge-check flags of a member's answers, oldest first: `(source, predicted, first)`.
async fn checks_of(app: &TestApp, user: u64) -> Vec<(String, f64, bool)> {
    let rows: Vec<(String, f64, i64)> = query_as(
        "SELECT source, check_predicted, check_first FROM answers
         WHERE user_id = ? AND is_check = 1 ORDER BY id",
    )
    .bind(user as i64)
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    rows.into_iter().map(|(s, p, f)| (s, p, f != 0)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn knowledge_checks_are_flagged_and_capped_per_member() {
    let mut app = spawn_app_with(&[
        ("PEERLEARN_MEASUREMENT__CHECK_SHARE", "1"),
        ("PEERLEARN_MEASUREMENT__CHECKS_PER_DAY", "2"),
    ])
    .await;
    // Every personal question is a check until two are answered today; then /quiz is adaptive
    // again and the answer is an ordinary one. A second passes between questions: the same
    // question shown twice in the same millisecond would be one answer.
    for _ in 0..3 {
        app.practise(app.member, "security", true).await;
        app.clock.advance(Duration::from_secs(1));
    }
    let checks = checks_of(&app, app.member).await;
    assert_eq!(checks.len(), 2, "{checks:?}");
    assert_eq!(
        checks[0],
        ("practice".to_string(), 0.0, true),
        "a new question: nothing predicted, a first meeting"
    );
    assert!(checks.iter().all(|c| c.0 == "practice"), "{checks:?}");
    let total: i64 = query_scalar("SELECT COUNT(*) FROM answers WHERE user_id = ?")
        .bind(app.member as i64)
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(total, 3);

    // The daily quiz: no "One more?" once today's checks are done; tomorrow it is offered.
    app.add_schedule("quiz", "0 10 * * *", &[]).await;
    app.clock.advance(Duration::from_secs(3 * 3600));
    let post = app.wait_for_posts(app.channel, 1).await.remove(0);
    let question = app.question_of_post(post.id).await;
    let id = app
        .discord
        .click(app.member, post.id, &post.buttons()[question.correct].0)
        .unwrap();
    let feedback = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(feedback.buttons().is_empty(), "{:?}", feedback.buttons());
    let bob = app.discord.add_member(app.guild, "bob", &[]);
    let id = app
        .discord
        .click(bob, post.id, &post.buttons()[question.correct].0)
        .unwrap();
    let feedback = app.discord.reply(id).await.unwrap().message.unwrap();
    let (more, label) = feedback.buttons()[0].clone();
    assert_eq!(label, "One more? A quick knowledge check");
    // The check comes in place of the feedback, looking like any practice question.
    let id = app.discord.click(bob, feedback.id, &more).unwrap();
    let card = app.discord.reply(id).await.unwrap().message.unwrap();
    let title = card.embeds[0]["title"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(title.starts_with("🧠 Practice · "), "{title}");
    let (answer, _) = card.buttons()[0].clone();
    assert!(answer.starts_with("pl1:pc:"), "{answer}");
    let id = app.discord.click(bob, card.id, &answer).unwrap();
    let after = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(after.content.contains("points"), "{}", after.content);
    let checks = checks_of(&app, bob).await;
    assert_eq!(checks.len(), 1, "{checks:?}");
    assert!(
        app.bot_posts(app.channel).len() == 1,
        "nothing posted in the channel"
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_topic_holdout_keeps_reviews_of_the_other_topics() {
    let mut app = spawn_app().await;
    let bob = app.discord.add_member(app.guild, "bob", &[]);
    for m in [app.member, bob] {
        app.practise(m, "security", false).await;
        app.practise(m, "privacy", false).await;
    }
    let text = start(&app, app.admin, "security", 50, 1).await;
    assert!(
        text.starts_with("🧪 **Experiment started** on Information security"),
        "{text}"
    );
    // Three known (ada, bob, the admin): two held out.
    let drawn = arms(&app).await;
    let held = drawn
        .iter()
        .find(|(u, h)| *h && [app.member, bob].contains(&(*u as u64)))
        .map(|(u, _)| *u as u64)
        .expect("ada or bob is held out");
    app.add_schedule("reinforcement", "0 9 * * *", &[]).await;
    app.clock.advance(Duration::from_secs(26 * 3600));
    let posts = app.wait_for_posts(app.channel, 1).await;
    assert!(
        posts[0]
            .content
            .starts_with("🔁 **2 people have reviews due.**"),
        "both still have privacy due: {}",
        posts[0].content
    );
    // The held-out member's session brings privacy only.
    let after = app.review_session(held, &posts[0]).await;
    assert_eq!(after.len(), 1, "{after:?}");
    let topics: Vec<String> = query_scalar(
        "SELECT v.topic_id FROM answers a JOIN question_versions v ON v.id = a.version_id
         WHERE a.user_id = ? AND a.source = 'review'",
    )
    .bind(held as i64)
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert_eq!(topics, ["privacy"]);
    app.stop().await.unwrap();
}
