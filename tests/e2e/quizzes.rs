//! Quizzes, tips and schedules end to end: admins schedule, virtual time passes, the bot posts,
//! members answer with buttons, and both what they see and what is stored are checked.

use crate::common::{spawn_app, PostQuestion, TestApp};
use discord_emulator::{Failure, PostedMessage};
use peerlearn::store::sql::{query_as, query_scalar};
use serde_json::{json, Value};
use std::time::Duration;

/// Waits until `check` holds for message `id`.
async fn wait_for_message(
    app: &TestApp,
    id: u64,
    what: &str,
    check: impl Fn(&PostedMessage) -> bool,
) -> PostedMessage {
    app.eventually(&format!("message {id} to show {what}"), || async {
        app.discord.message(id).filter(|m| check(m))
    })
    .await
}

fn embed(m: &PostedMessage) -> &Value {
    &m.embeds[0]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduled_quiz_is_posted_answered_and_revealed() {
    let mut app = spawn_app().await;
    let bob = app.discord.add_member(app.guild, "bob", &[]);
    // 07:00 UTC Monday is 08:00 in Berlin: the first run is today at 09:00 local.
    let text = app
        .add_schedule(
            "quiz",
            "0 9 * * MON-FRI",
            &[("timezone", json!("Europe/Berlin"))],
        )
        .await;
    assert!(text.contains("Schedule **#1** added"), "{text}");
    // Discord timestamps (each reader sees their own zone and language), with the
    // schedule's own time: 08:00 UTC on Mon 23, Tue 24 and Wed 25 Nov 2026.
    for day in [
        "<t:1795420800:F> (09:00 Europe/Berlin)",
        "<t:1795507200:F> (09:00 Europe/Berlin)",
        "<t:1795593600:F> (09:00 Europe/Berlin)",
    ] {
        assert!(text.contains(day), "preview shows {day}: {text}");
    }
    // Nothing yet: 08:59 in Berlin.
    app.clock.advance(Duration::from_secs(59 * 60));
    app.clock.settled().await;
    assert!(app.bot_posts(app.channel).is_empty(), "not before 09:00");
    app.clock.advance(Duration::from_secs(60));
    let post = app.wait_for_posts(app.channel, 1).await.remove(0);
    let e = embed(&post);
    assert!(
        e["title"].as_str().unwrap().starts_with("🧠 Quiz · "),
        "{e}"
    );
    assert!(
        e["footer"]["text"]
            .as_str()
            .unwrap()
            .contains("No answers yet"),
        "{e}"
    );
    let buttons = post.buttons();
    assert!((2..=5).contains(&buttons.len()), "{buttons:?}");
    assert_eq!(
        post.allowed_mentions.as_ref().unwrap()["parse"],
        json!([]),
        "no pings"
    );

    let PostQuestion {
        post: post_id,
        correct,
        explanation,
        version,
        ..
    } = app.question_of_post(post.id).await;
    let wrong = (correct + 1) % buttons.len();
    // Ada answers right after 30 s, Bob wrong after 45 s, Carol wrong and then right.
    let carol = app.discord.add_member(app.guild, "carol", &[]);
    app.clock.advance(Duration::from_secs(30));
    let r = app.click(app.member, post.id, &buttons[correct].0).await;
    let m = r.message.expect("feedback");
    assert!(m.is_ephemeral());
    assert!(m.content.starts_with("✅ **Right!**"), "{}", m.content);
    assert!(m.content.contains(&explanation), "{}", m.content);
    assert!(
        m.content.contains("+10 points (10 total) · streak 1 day"),
        "{}",
        m.content
    );
    app.clock.advance(Duration::from_secs(15));
    let r = app.click(bob, post.id, &buttons[wrong].0).await;
    let m = r.message.expect("feedback");
    assert!(m.is_ephemeral());
    let right_letter = ["A", "B", "C", "D", "E"][correct];
    let wrong_letter = ["A", "B", "C", "D", "E"][wrong];
    assert!(m.content.starts_with("❌ **Not quite.**"), "{}", m.content);
    assert!(
        m.content
            .contains(&format!("The right answer is **{right_letter} — ")),
        "{}",
        m.content
    );
    assert!(
        m.content.contains("0 points · streak 1 day"),
        "{}",
        m.content
    );
    app.click(carol, post.id, &buttons[wrong].0).await;
    let r = app.click(carol, post.id, &buttons[correct].0).await;
    let m = r.message.expect("feedback");
    assert!(m.is_ephemeral());
    assert!(
        m.content.starts_with(&format!(
            "You already answered this one: you chose **{wrong_letter} — "
        )),
        "{}",
        m.content
    );

    // Stored: one answer per member (the first click), with version, choice, correctness,
    // latency since the post, points and the local day.
    let rows: Vec<(i64, i64, i64, i64, i64, i64, String)> = query_as(
        "SELECT user_id, version_id, choice, correct, latency_ms, points, local_day FROM answers WHERE quiz_post_id = ? ORDER BY id",
    )
    .bind(post_id)
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    let day = "2026-11-23".to_string();
    assert_eq!(
        rows,
        vec![
            (
                app.member as i64,
                version,
                correct as i64,
                1,
                30_000,
                10,
                day.clone()
            ),
            (bob as i64, version, wrong as i64, 0, 45_000, 0, day.clone()),
            (carol as i64, version, wrong as i64, 0, 45_000, 0, day),
        ]
    );
    // Each answer updated the member's memory of the question in the same transaction: the
    // wrong answer is due again tomorrow, the right one later.
    let due: Vec<(i64, String, i64, i64)> = query_as(
        "SELECT user_id, due_day, reviews, lapses FROM memory ORDER BY due_day DESC, user_id",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert_eq!(due.len(), 3, "{due:?}");
    assert_eq!(
        due[0].0, app.member as i64,
        "the right answer is due last: {due:?}"
    );
    assert!(due[0].1.as_str() > "2026-11-24", "{due:?}");
    assert!(
        due[1..].iter().all(|d| d.1 == "2026-11-24" && d.2 == 1),
        "{due:?}"
    );
    let progress: (i64, i64) =
        query_as("SELECT points, streak_days FROM member_progress WHERE user_id = ?")
            .bind(app.member as i64)
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(progress, (10, 1));
    // The live count is edited into the post.
    wait_for_message(&app, post.id, "the live count", |m| {
        m.embeds[0]["footer"]["text"]
            .as_str()
            .unwrap_or("")
            .starts_with("3 answers so far")
    })
    .await;
    // The window (60 minutes by default) closes: the answer and the % right are revealed.
    app.clock.advance(Duration::from_secs(60 * 60));
    let revealed = wait_for_message(&app, post.id, "the reveal", |m| {
        m.embeds[0]["footer"]["text"]
            .as_str()
            .unwrap_or("")
            .starts_with("Closed")
    })
    .await;
    let e = embed(&revealed);
    assert_eq!(e["footer"]["text"], "Closed · 3 answered · 33% right");
    assert!(
        e["description"]
            .as_str()
            .unwrap()
            .contains(&format!("Right answer: {right_letter} — ")),
        "{e}"
    );
    let disabled = revealed.components[0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .all(|b| b["disabled"] == true);
    assert!(disabled, "buttons are disabled after the reveal");
    assert!(
        app.discord.click(bob, post.id, &buttons[0].0).is_err(),
        "nothing to click any more"
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_a_clear_answer_and_nothing_is_stored() {
    let mut app = spawn_app().await;
    let text = app.add_schedule("quiz", "0 9 * *", &[]).await;
    assert!(
        text.contains("has 4 fields") && text.contains("0 9 * * MON-FRI"),
        "{text}"
    );
    let text = app.add_schedule("quiz", "0 25 * * *", &[]).await;
    assert!(text.contains("is not a valid cron expression"), "{text}");
    let text = app
        .add_schedule("quiz", "0 9 * * *", &[("timezone", json!("Mars/Olympus"))])
        .await;
    assert!(
        text.contains("`Mars/Olympus` is not a time zone name"),
        "{text}"
    );
    let text = app
        .add_schedule("quiz", "0 9 * * *", &[("topic", json!("astrology"))])
        .await;
    assert!(
        text.contains("There is no topic `astrology`") && text.contains("security"),
        "{text}"
    );
    let text = app
        .command(app.admin, "schedule pause", &[("id", json!(99))])
        .await;
    assert!(text.contains("There is no schedule #99"), "{text}");
    assert_eq!(app.count("SELECT COUNT(*) FROM schedules").await, 0);

    // A broken file: every problem, with file, line and field; nothing imported.
    let questions_before = app.count("SELECT COUNT(*) FROM question_versions").await;
    let long_prompt = "x".repeat(1501);
    let broken = format!(
        r#"[[topic]]
id = "sales"
name = "Sales"

[[question]]
id = "s1"
topic = "sales"
prompt = "{long_prompt}"
choices = ["a", "b"]
correct = "A"
explanation = "e"

[[question]]
id = "s2"
topic = "sales"
prompt = "p"
choices = ["a"]
correct = "A"
explanation = "e"
"#
    );
    let text = app.import_content("sales.toml", broken.as_bytes()).await;
    assert!(
        text.starts_with("Nothing was imported: `sales.toml` has 2 problems"),
        "{text}"
    );
    assert!(text.contains("sales.toml:8: question \"s1\", field \"prompt\": is 1501 characters long; the limit is 1500"), "{text}");
    assert!(
        text.contains(
            "sales.toml:17: question \"s2\", field \"choices\": needs 2 to 5 choices, found 1"
        ),
        "{text}"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM topics WHERE id = 'sales'")
            .await,
        0,
        "all or nothing"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM question_versions").await,
        questions_before
    );
    // More problems than a message holds: the full list comes as a file.
    let many: String = (0..80)
        .map(|i| {
            format!(
                r#"[[question]]
id = "q{i}"
topic = "security"
prompt = "p"
choices = ["a"]
correct = "A"
explanation = "e"

"#
            )
        })
        .collect();
    let file = app.discord.upload("many.toml", many.as_bytes());
    let id = app
        .discord
        .slash(
            app.channel,
            app.admin,
            "content import",
            &[("file", json!(file.to_string()))],
        )
        .unwrap();
    let reply = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(
        reply
            .content
            .starts_with("Nothing was imported: `many.toml` has 80 problems"),
        "{}",
        reply.content
    );
    assert!(
        reply.content.ends_with("(The full list is attached.)"),
        "{}",
        reply.content
    );
    let details = String::from_utf8(reply.attachments[0].data.clone()).unwrap();
    assert_eq!(
        details
            .lines()
            .filter(|l| l.contains("needs 2 to 5 choices"))
            .count(),
        80
    );
    // Too big: refused before it is downloaded.
    let big = vec![b'#'; 1_048_577];
    let text = app.import_content("big.toml", &big).await;
    assert_eq!(
        text,
        "`big.toml` is 1048577 bytes; the limit is 1048576 bytes. Split it into smaller files."
    );
    // Not a content file, not UTF-8.
    let text = app.import_content("notes.pdf", b"%PDF").await;
    assert!(text.contains("is not a content file"), "{text}");
    let text = app.import_content("bad.csv", &[0xff, 0xfe, 0x00]).await;
    assert!(text.contains("is not UTF-8 text"), "{text}");
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_imports_updates_exports_and_keeps_answered_versions() {
    let mut app = spawn_app().await;
    let v1 = r#"[[topic]]
id = "sales"
name = "Sales"

[[question]]
id = "s1"
topic = "sales"
prompt = "First wording?"
choices = ["yes", "no"]
correct = "A"
explanation = "Because."

[[tip]]
id = "t1"
topic = "sales"
text = "Listen first."
"#;
    let text = app.import_content("sales.toml", v1.as_bytes()).await;
    assert_eq!(text, "Imported: 3 added, 0 updated, 0 unchanged.");
    // A server with content of its own does not get the starter pack on first use...
    let stats = app.command(app.admin, "content stats", &[]).await;
    assert!(
        stats.contains("`sales` Sales — 1 questions, 1 tips, no answers yet"),
        "{stats}"
    );
    assert!(!stats.contains("security"), "{stats}");
    // ...but can load it on request.
    let text = app.command(app.admin, "content starter", &[]).await;
    assert_eq!(
        text,
        "Starter pack: Imported: 87 added, 0 updated, 0 unchanged."
    );
    let stats = app.command(app.admin, "content stats", &[]).await;
    assert!(
        stats.contains("`security` Information security — 13 questions, 5 tips"),
        "{stats}"
    );
    assert!(
        stats.contains("Total: 6 topics, 62 questions, 22 tips\n**Question quality:** nothing looks wrong so far"),
        "{stats}"
    );

    // Practise the question, then change its wording.
    let practice = app.practice(app.member, "sales").await;
    assert!(practice.is_ephemeral());
    assert!(embed(&practice)["description"]
        .as_str()
        .unwrap()
        .starts_with("First wording?"));
    let (yes, _) = practice.buttons()[0].clone();
    let r = app.click(app.member, practice.id, &yes).await;
    assert_eq!(
        r.callback_type, 7,
        "the practice message is updated in place"
    );
    let updated = r.message.unwrap();
    assert!(
        updated.content.contains("✅ **Right!**"),
        "{}",
        updated.content
    );
    assert!(
        updated.embeds.as_array().is_none_or(|e| e.is_empty()),
        "the question card is replaced"
    );
    assert!(updated.buttons()[0].1.starts_with("Another Sales question"));

    let v2 = v1.replace("First wording?", "Second wording?");
    let text = app.import_content("sales.toml", v2.as_bytes()).await;
    assert_eq!(text, "Imported: 0 added, 1 updated, 2 unchanged.");
    let answered: String = query_scalar(
        "SELECT v.prompt FROM answers a JOIN question_versions v ON v.id = a.version_id WHERE a.user_id = ?",
    )
    .bind(app.member as i64)
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(
        answered, "First wording?",
        "the answer keeps the version that was answered"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM question_versions WHERE question_id = 's1'")
            .await,
        2
    );

    // Export: a TOML file that imports back unchanged.
    let id = app
        .discord
        .slash(app.channel, app.admin, "content export", &[])
        .unwrap();
    let exported = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(
        exported.content.contains("questions"),
        "{}",
        exported.content
    );
    let attachment = &exported.attachments[0];
    assert_eq!(attachment.filename, "peerlearn-content.toml");
    let toml_text = String::from_utf8(attachment.data.clone()).unwrap();
    assert!(toml_text.contains("Second wording?"));
    let text = app
        .import_content("peerlearn-content.toml", toml_text.as_bytes())
        .await;
    assert!(text.starts_with("Imported: 0 added, 0 updated, "), "{text}");
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tips_are_posted_as_embeds_and_run_now_does_not_move_the_schedule() {
    let mut app = spawn_app().await;
    let text = app
        .add_schedule("tip", "30 8 * * *", &[("topic", json!("privacy"))])
        .await;
    assert!(text.contains("a tip on `privacy`"), "{text}");
    let next_before = app
        .count("SELECT next_run_ms FROM schedules WHERE id = 1")
        .await;
    let text = app
        .command(app.admin, "schedule run", &[("id", json!(1))])
        .await;
    assert!(text.contains("is running now"), "{text}");
    let post = app.wait_for_posts(app.channel, 1).await.remove(0);
    let text = app
        .command(app.admin, "schedule run", &[("id", json!(1))])
        .await;
    assert_eq!(text, "Schedule #1 has just run. Try again in a moment.");
    let e = embed(&post);
    assert_eq!(e["title"], "💡 Tip · Data privacy");
    let tip: i64 =
        query_scalar("SELECT COUNT(*) FROM tips WHERE topic_id = 'privacy' AND text = ?")
            .bind(e["description"].as_str().unwrap())
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(tip, 1, "the embed holds a privacy tip");
    assert_eq!(
        app.count("SELECT next_run_ms FROM schedules WHERE id = 1")
            .await,
        next_before
    );
    // Pause, list, resume, remove.
    let text = app
        .command(app.admin, "schedule pause", &[("id", json!(1))])
        .await;
    assert!(text.contains("is paused"), "{text}");
    let text = app.command(app.admin, "schedule list", &[]).await;
    assert!(
        text.contains("**#1** tip `privacy`") && text.contains("paused"),
        "{text}"
    );
    let text = app
        .command(app.admin, "schedule resume", &[("id", json!(1))])
        .await;
    assert!(
        text.contains("resumed. Next run: <t:1795422600:F> (08:30 UTC)"),
        "{text}"
    );
    let text = app
        .command(app.admin, "schedule remove", &[("id", json!(1))])
        .await;
    assert_eq!(text, "Schedule #1 removed.");
    let text = app.command(app.admin, "schedule list", &[]).await;
    assert!(text.starts_with("No schedules yet"), "{text}");
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_between_due_time_and_delivery_posts_exactly_once() {
    let mut app = spawn_app().await;
    app.add_schedule("quiz", "0 8 * * *", &[]).await;
    // Discord is failing when the quiz is due.
    app.discord.fail_next(
        "POST",
        "/channels/{channel_id}/messages",
        Failure::Status(503),
        1000,
    );
    app.clock.advance(Duration::from_secs(3600));
    app.eventually("a failed attempt at the post", || async {
        let attempts: Option<i64> =
            query_scalar("SELECT attempts FROM outbox WHERE state = 'pending'")
                .fetch_optional(app.store.pool())
                .await
                .unwrap();
        attempts.is_some_and(|a| a >= 1)
    })
    .await;
    app.restart().await;
    app.discord.clear_failures();
    let posts = app.wait_for_posts(app.channel, 1).await;
    app.clock.settled().await;
    assert_eq!(
        app.bot_posts(app.channel).len(),
        1,
        "exactly one post: {posts:?}"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM schedule_runs").await, 1);
    app.wait_until_sent(1).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE state = 'sent'")
            .await,
        1
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_response_is_retried_without_a_second_post() {
    let mut app = spawn_app().await;
    app.add_schedule("tip", "0 8 * * *", &[]).await;
    // Discord creates the message, but the bot never hears back.
    app.discord.fail_next(
        "POST",
        "/channels/{channel_id}/messages",
        Failure::LostResponse,
        1,
    );
    app.clock.advance(Duration::from_secs(3600));
    let store = app.store.clone();
    app.wait_until_sent(1).await;
    let (attempts, message_id): (i64, i64) = query_as("SELECT attempts, message_id FROM outbox")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(attempts, 2, "tried again after the lost answer");
    let posts = app.bot_posts(app.channel);
    assert_eq!(posts.len(), 1, "the nonce kept it to one post");
    assert_eq!(posts[0].id as i64, message_id);
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_post_arrives_after_retry_after() {
    let mut app = spawn_app().await;
    app.add_schedule("quiz", "0 8 * * *", &[]).await;
    let retry_after = 1.2;
    app.discord.fail_next(
        "POST",
        "/channels/{channel_id}/messages",
        Failure::RateLimited {
            retry_after,
            global: false,
        },
        1,
    );
    app.clock.advance(Duration::from_secs(3600));
    app.wait_for_posts(app.channel, 1).await;
    let posts: Vec<_> = app
        .discord
        .requests_timed()
        .into_iter()
        .filter(|(m, p, _, _)| {
            m == "POST" && p.ends_with("/messages") && p.starts_with("/channels/")
        })
        .collect();
    assert_eq!(posts.len(), 2, "{posts:?}");
    assert_eq!((posts[0].2, posts[1].2), (429, 200));
    let waited = posts[1].3.duration_since(posts[0].3);
    assert!(
        waited >= Duration::from_secs_f64(retry_after),
        "waited {waited:?}, not the {retry_after} s asked"
    );
    assert_eq!(app.discord.rate_limited_count(), 1);
    app.wait_until_sent(1).await;
    assert_eq!(
        app.count("SELECT attempts FROM outbox").await,
        1,
        "a 429 is not a failed attempt"
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runs_follow_local_time_across_a_daylight_saving_change() {
    let mut app = spawn_app().await;
    // Saturday 2027-03-27 06:00 UTC; clocks go forward in Berlin on Sunday 28 March.
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2027-03-27T06:00:00Z")
            .unwrap()
            .to_utc(),
    );
    let text = app
        .add_schedule("tip", "0 9 * * *", &[("timezone", json!("Europe/Berlin"))])
        .await;
    // 09:00 local both days: 08:00 UTC on Saturday, 07:00 UTC on Sunday (23 hours on).
    assert!(
        text.contains("<t:1806134400:F> (09:00 Europe/Berlin)")
            && text.contains("<t:1806217200:F> (09:00 Europe/Berlin)"),
        "{text}"
    );
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc();
    app.clock.set(at("2027-03-27T08:00:00Z"));
    app.wait_for_posts(app.channel, 1).await;
    // 08:00 UTC on Sunday would be 10:00 local: the run must come at 07:00 UTC.
    app.clock.set(at("2027-03-28T06:59:00Z"));
    app.clock.settled().await;
    assert_eq!(app.bot_posts(app.channel).len(), 1);
    app.clock.set(at("2027-03-28T07:00:00Z"));
    app.wait_for_posts(app.channel, 2).await;
    let runs: Vec<i64> =
        query_scalar("SELECT scheduled_ms FROM schedule_runs ORDER BY scheduled_ms")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    assert_eq!(
        runs,
        vec![
            at("2027-03-27T08:00:00Z").timestamp_millis(),
            at("2027-03-28T07:00:00Z").timestamp_millis()
        ]
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missed_runs_happen_once_within_the_grace_window_and_are_skipped_beyond_it() {
    let mut app = spawn_app().await;
    for cron in ["0 8 * * *", "30 8 * * *", "*/10 * * * *"] {
        app.add_schedule("tip", cron, &[]).await;
    }
    // The bot is down from 07:00 to 09:15 UTC: the 08:00 run is 75 minutes late, beyond the
    // 60-minute grace window (skipped); the 08:30 run is 45 minutes late (it happens, once); of
    // the thirteen missed ten-minute runs only the latest, 09:10, happens.
    app.stop().await.unwrap();
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc();
    app.clock.set(at("2026-11-23T09:15:00Z"));
    app.start_again().await;
    app.wait_for_posts(app.channel, 2).await;
    app.clock.settled().await;
    assert_eq!(
        app.bot_posts(app.channel).len(),
        2,
        "one post per schedule at most"
    );
    let runs: Vec<(i64, i64)> =
        query_as("SELECT schedule_id, scheduled_ms FROM schedule_runs ORDER BY schedule_id")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    let ms = |s: &str| at(s).timestamp_millis();
    assert_eq!(
        runs,
        vec![
            (2, ms("2026-11-23T08:30:00Z")),
            (3, ms("2026-11-23T09:10:00Z"))
        ]
    );
    // Every schedule carries on from now.
    let next: Vec<i64> = query_scalar("SELECT next_run_ms FROM schedules ORDER BY id")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(
        next,
        vec![
            ms("2026-11-24T08:00:00Z"),
            ms("2026-11-24T08:30:00Z"),
            ms("2026-11-23T09:20:00Z")
        ]
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_settings_and_the_quiz_window() {
    let mut app = spawn_app().await;
    let id = app
        .discord
        .autocomplete(app.channel, app.admin, "schedule add", ("timezone", "berl"))
        .unwrap();
    let choices = app.discord.reply(id).await.unwrap().data["choices"].clone();
    assert_eq!(choices[0]["value"], "Europe/Berlin", "{choices}");
    let id = app
        .discord
        .autocomplete(app.channel, app.member, "quiz", ("topic", "priv"))
        .unwrap();
    let choices = app.discord.reply(id).await.unwrap().data["choices"].clone();
    assert_eq!(
        choices,
        json!([{"name": "Data privacy (privacy)", "value": "privacy"}])
    );

    let text = app
        .command(
            app.admin,
            "config timezone",
            &[("zone", json!("America/New_York"))],
        )
        .await;
    assert!(text.contains("**America/New_York**"), "{text}");
    let text = app
        .command(app.admin, "config timezone", &[("zone", json!("Nowhere"))])
        .await;
    assert!(text.contains("is not a time zone name"), "{text}");
    let text = app
        .command(app.admin, "config quiz-window", &[("minutes", json!(5))])
        .await;
    assert!(text.contains("**5 minutes**"), "{text}");
    // A schedule without its own zone follows the server's: 09:00 in New York is 14:00 UTC.
    let text = app.add_schedule("quiz", "0 9 * * *", &[]).await;
    assert!(
        text.contains("<t:1795442400:F> (09:00 America/New_York)"),
        "{text}"
    );
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-11-23T14:00:00Z")
            .unwrap()
            .to_utc(),
    );
    let post = app.wait_for_posts(app.channel, 1).await.remove(0);
    assert!(
        embed(&post)["footer"]["text"]
            .as_str()
            .unwrap()
            .contains("open until 09:05 EST"),
        "{}",
        embed(&post)
    );
    app.clock.advance(Duration::from_secs(5 * 60));
    wait_for_message(&app, post.id, "the reveal", |m| {
        m.embeds[0]["footer"]["text"].as_str().unwrap_or("") == "Closed · nobody answered"
    })
    .await;
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_channel_does_not_hold_back_other_channels() {
    let mut app = spawn_app().await;
    let other = app.discord.add_text_channel(app.guild, "announcements");
    app.add_schedule("tip", "0 8 * * *", &[]).await;
    let options = [
        ("kind", json!("tip")),
        ("cron", json!("0 8 * * *")),
        ("channel", json!(other.to_string())),
    ];
    app.command(app.admin, "schedule add", &options).await;
    // The first channel is over its own limit for 2 seconds; the global limit is fine.
    let first = format!("/channels/{}/messages", app.channel);
    app.discord.fail_next(
        "POST",
        &first,
        Failure::RateLimited {
            retry_after: 2.0,
            global: false,
        },
        1,
    );
    app.clock.advance(Duration::from_secs(3600));
    app.wait_for_posts(app.channel, 1).await;
    app.wait_for_posts(other, 1).await;
    let delivered: Vec<String> = app
        .discord
        .requests_timed()
        .into_iter()
        .filter(|(m, p, status, _)| m == "POST" && p.ends_with("/messages") && *status == 200)
        .map(|(_, p, _, _)| p)
        .collect();
    assert_eq!(
        delivered,
        vec![format!("/channels/{other}/messages"), first],
        "the other channel's post went first"
    );
    app.stop().await.unwrap();
}
