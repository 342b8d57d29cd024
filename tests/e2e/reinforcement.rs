//! Reinforcement end to end: answers update each member's memory, `/progress` shows mastery
//! that rises with right answers and fades with time.

use crate::common::{spawn_app, TestApp};
use crate::quizzes::command;
use serde_json::json;
use std::time::Duration;

/// Answers one `/quiz` practice question in `topic`, right or wrong; returns the question id.
async fn practise(app: &TestApp, user: u64, topic: &str, right: bool) -> String {
    let id = app
        .discord
        .slash(app.channel, user, "quiz", &[("topic", json!(topic))])
        .unwrap();
    let card = app.discord.reply(id).await.unwrap().message.unwrap();
    let buttons = card.buttons();
    let version: i64 = buttons[0].0.split(':').nth(2).unwrap().parse().unwrap();
    let (question, correct): (String, i64) =
        sqlx::query_as("SELECT question_id, correct FROM question_versions WHERE id = ?")
            .bind(version)
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    let pick = if right {
        correct as usize
    } else {
        (correct as usize + 1) % buttons.len()
    };
    let click = app.discord.click(user, card.id, &buttons[pick].0).unwrap();
    app.discord.reply(click).await.unwrap();
    question
}

/// The mastery percentage `/progress` shows for a topic.
fn percent(progress: &str, topic_name: &str) -> i64 {
    let line = progress
        .lines()
        .find(|l| l.contains(&format!("% {topic_name} — ")))
        .unwrap_or_else(|| panic!("{topic_name} in {progress}"));
    let after_bar = line.split('`').nth(2).unwrap();
    after_bar.trim().split('%').next().unwrap().trim().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mastery_rises_with_right_answers_and_fades_with_time() {
    let mut app = spawn_app().await;
    let text = command(&app, app.member, "progress", &[]).await;
    assert!(text.starts_with("You have not answered any questions yet"), "{text}");

    let mut seen = std::collections::HashSet::new();
    for _ in 0..3 {
        seen.insert(practise(&app, app.member, "security", true).await);
    }
    let first = command(&app, app.member, "progress", &[]).await;
    assert!(first.contains(&format!("{} of 13 seen", seen.len())), "{first}");
    assert!(first.contains("0% Data privacy — 0 of 12 seen"), "{first}");
    let p1 = percent(&first, "Information security");
    assert!(p1 > 0, "{first}");
    assert!(first.contains("Reviews: next review "), "{first}");
    assert!(first.contains("Streak: 1 day (best 1) · 30 points"), "{first}");

    for _ in 0..4 {
        seen.insert(practise(&app, app.member, "security", true).await);
    }
    let second = command(&app, app.member, "progress", &[]).await;
    let p2 = percent(&second, "Information security");
    assert!(p2 > p1, "more right answers, more mastery: {p1} → {p2}\n{second}");

    // Four months without practice: memories fade and everything seen is due.
    app.clock.advance(Duration::from_secs(120 * 86_400));
    let later = command(&app, app.member, "progress", &[]).await;
    let p3 = percent(&later, "Information security");
    assert!(p3 < p2, "forgetting lowers mastery: {p2} → {p3}\n{later}");
    assert!(later.contains(&format!("{} due", seen.len())), "{later}");
    assert!(later.contains(&format!("Reviews: {} items due now", seen.len())), "{later}");
    app.stop().await.unwrap();
}
