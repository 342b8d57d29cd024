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
    after_bar
        .trim()
        .split('%')
        .next()
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mastery_rises_with_right_answers_and_fades_with_time() {
    let mut app = spawn_app().await;
    let text = command(&app, app.member, "progress", &[]).await;
    assert!(
        text.starts_with("You have not answered any questions yet"),
        "{text}"
    );

    let mut seen = std::collections::HashSet::new();
    for _ in 0..3 {
        seen.insert(practise(&app, app.member, "security", true).await);
    }
    let first = command(&app, app.member, "progress", &[]).await;
    assert!(
        first.contains(&format!("{} of 13 seen", seen.len())),
        "{first}"
    );
    assert!(first.contains("0% Data privacy — 0 of 12 seen"), "{first}");
    let p1 = percent(&first, "Information security");
    assert!(p1 > 0, "{first}");
    assert!(first.contains("Reviews: next review "), "{first}");
    assert!(
        first.contains("Streak: 1 day (best 1) · 30 points"),
        "{first}"
    );

    for _ in 0..4 {
        seen.insert(practise(&app, app.member, "security", true).await);
    }
    let second = command(&app, app.member, "progress", &[]).await;
    let p2 = percent(&second, "Information security");
    assert!(
        p2 > p1,
        "more right answers, more mastery: {p1} → {p2}\n{second}"
    );

    // Four months without practice: memories fade and everything seen is due.
    app.clock.advance(Duration::from_secs(120 * 86_400));
    let later = command(&app, app.member, "progress", &[]).await;
    let p3 = percent(&later, "Information security");
    assert!(p3 < p2, "forgetting lowers mastery: {p2} → {p3}\n{later}");
    assert!(later.contains(&format!("{} due", seen.len())), "{later}");
    assert!(
        later.contains(&format!("Reviews: {} items due now", seen.len())),
        "{later}"
    );
    app.stop().await.unwrap();
}

/// The question id behind the practice card `/quiz` shows now (without answering it).
async fn next_question(app: &TestApp, user: u64) -> (String, String) {
    let id = app.discord.slash(app.channel, user, "quiz", &[]).unwrap();
    let card = app.discord.reply(id).await.unwrap().message.unwrap();
    let version: i64 = card.buttons()[0]
        .0
        .split(':')
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    sqlx::query_as("SELECT question_id, topic_id FROM question_versions WHERE id = ?")
        .bind(version)
        .fetch_one(app.store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_answer_comes_back_first_once_it_is_due() {
    let mut app = spawn_app().await;
    let missed = practise(&app, app.member, "privacy", false).await;
    let known = practise(&app, app.member, "privacy", true).await;
    assert_ne!(missed, known);
    // Tomorrow the missed question is due (the known one is not) and comes back first.
    app.clock.advance(Duration::from_secs(86_400));
    let (next, _) = next_question(&app, app.member).await;
    assert_eq!(next, missed);
    let due: (String, String) = sqlx::query_as(
        "SELECT (SELECT due_day FROM memory WHERE question_id = ?1), (SELECT due_day FROM memory WHERE question_id = ?2)",
    )
    .bind(&missed)
    .bind(&known)
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(due.0, "2026-11-24");
    assert!(due.1 > due.0, "{due:?}");
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn role_tracks_change_what_quiz_serves() {
    let mut app = spawn_app().await;
    let support_role = app.discord.add_role(app.guild, "Support", 0);
    let agent = app.discord.add_member(app.guild, "sam", &[support_role]);
    let text = command(
        &app,
        app.member,
        "track set",
        &[
            ("role", json!(support_role.to_string())),
            ("topic", json!("support")),
        ],
    )
    .await;
    assert!(text.contains("Manage Server"), "admins only: {text}");
    let text = command(
        &app,
        app.admin,
        "track set",
        &[
            ("role", json!(support_role.to_string())),
            ("topic", json!("support")),
        ],
    )
    .await;
    assert_eq!(
        text,
        format!("Members with <@&{support_role}> now get more practice in **Customer support**.")
    );
    let list = command(&app, app.member, "track list", &[]).await;
    assert!(
        list.contains(&format!("<@&{support_role}>:\n• Customer support")),
        "{list}"
    );
    // Sam's first questions all come from his track.
    for _ in 0..3 {
        let (_, topic) = next_question(&app, agent).await;
        assert_eq!(topic, "support");
        practise(&app, agent, "support", true).await;
    }
    let text = command(
        &app,
        app.admin,
        "track remove",
        &[
            ("role", json!(support_role.to_string())),
            ("topic", json!("support")),
        ],
    )
    .await;
    assert!(text.contains("is no longer on the track"), "{text}");
    let text = command(
        &app,
        app.admin,
        "track remove",
        &[
            ("role", json!(support_role.to_string())),
            ("topic", json!("nowhere")),
        ],
    )
    .await;
    assert!(text.contains("There is no topic `nowhere`"), "{text}");
    app.stop().await.unwrap();
}
