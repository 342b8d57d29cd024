//! Reinforcement end to end: answers update each member's memory, `/progress` shows mastery
//! that rises with right answers and fades with time.

use crate::common::{spawn_app, TestApp};
use peerlearn::store::sql::{query, query_as, query_scalar};
use serde_json::json;
use std::time::Duration;

/// Answers one `/quiz` practice question in `topic`, right or wrong; returns the question id.
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
    let text = app.command(app.member, "progress", &[]).await;
    assert!(
        text.starts_with("You have not answered any questions yet"),
        "{text}"
    );

    let mut seen = std::collections::HashSet::new();
    for _ in 0..3 {
        seen.insert(app.practise(app.member, "security", true).await);
    }
    let first = app.command(app.member, "progress", &[]).await;
    assert!(
        first.contains(&format!("{} of 13 seen", seen.len())),
        "{first}"
    );
    assert!(first.contains("0% Data privacy — 0 of 12 seen"), "{first}");
    let p1 = percent(&first, "Information security");
    assert!(p1 > 0, "{first}");
    assert!(first.contains("Reviews: next review "), "{first}");
    assert!(
        first.contains("Streak: 1 day (best 1) · 6 points"),
        "{first}"
    );

    for _ in 0..4 {
        seen.insert(app.practise(app.member, "security", true).await);
    }
    let second = app.command(app.member, "progress", &[]).await;
    let p2 = percent(&second, "Information security");
    assert!(
        p2 > p1,
        "more right answers, more mastery: {p1} → {p2}\n{second}"
    );

    // Four months without practice: memories fade and everything seen is due.
    app.clock.advance(Duration::from_secs(120 * 86_400));
    let later = app.command(app.member, "progress", &[]).await;
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
    query_as("SELECT question_id, topic_id FROM question_versions WHERE id = ?")
        .bind(version)
        .fetch_one(app.store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_answer_comes_back_first_once_it_is_due() {
    let mut app = spawn_app().await;
    let missed = app.practise(app.member, "privacy", false).await;
    let known = app.practise(app.member, "privacy", true).await;
    assert_ne!(missed, known);
    // Tomorrow the missed question is due (the known one is not) and comes back first.
    app.clock.advance(Duration::from_secs(86_400));
    let (next, _) = next_question(&app, app.member).await;
    assert_eq!(next, missed);
    let due: (String, String) = query_as(
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
    let text = app
        .command(
            app.member,
            "track set",
            &[
                ("role", json!(support_role.to_string())),
                ("topic", json!("support")),
            ],
        )
        .await;
    assert!(text.contains("Manage Server"), "admins only: {text}");
    let text = app
        .command(
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
    let list = app.command(app.member, "track list", &[]).await;
    assert!(
        list.contains(&format!("<@&{support_role}>:\n• Customer support")),
        "{list}"
    );
    // Sam's first questions all come from his track: its topic, or a question that names his
    // track ("support") in its own `tracks`.
    for _ in 0..3 {
        let (question, topic) = next_question(&app, agent).await;
        let tracks: String = query_scalar(
            "SELECT v.tracks FROM questions q JOIN question_versions v ON v.id = q.current_version
             WHERE q.id = ?",
        )
        .bind(&question)
        .fetch_one(app.store.pool())
        .await
        .unwrap();
        assert!(
            topic == "support" || tracks.contains("\"support\""),
            "{question} in {topic}, tracks {tracks}"
        );
        app.practise(agent, "support", true).await;
    }
    let text = app
        .command(
            app.admin,
            "track remove",
            &[
                ("role", json!(support_role.to_string())),
                ("topic", json!("support")),
            ],
        )
        .await;
    assert!(text.contains("is no longer on the track"), "{text}");
    let text = app
        .command(
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reviews_reach_only_members_with_due_items_by_their_chosen_way() {
    let mut app = spawn_app().await;
    let bob = app.discord.add_member(app.guild, "bob", &[]);
    let carol = app.discord.add_member(app.guild, "carol", &[]);
    let dave = app.discord.add_member(app.guild, "dave", &[]);
    // Ada misses two questions, Bob one (he wants DMs), Carol knows hers, Dave misses one and
    // goes on vacation for a week.
    app.practise(app.member, "security", false).await;
    app.practise(app.member, "privacy", false).await;
    app.practise(bob, "support", false).await;
    app.practise(carol, "support", true).await;
    app.practise(dave, "security", false).await;
    let text = app
        .command(bob, "reinforce", &[("mode", json!("dm"))])
        .await;
    assert_eq!(
        text,
        "Reviews are on, and reminders come by direct message."
    );
    let text = app
        .command(dave, "pause", &[("until", json!("2026-11-30"))])
        .await;
    assert!(
        text.starts_with(
            // Mon 30 Nov 2026, shown as a date at noon in the server's zone (UTC).
            "Reviews paused until <t:1796040000:D> (inclusive). Your due dates moved 7 days later"
        ),
        "{text}"
    );
    let dave_due: String = query_scalar("SELECT due_day FROM memory WHERE user_id = ?")
        .bind(dave as i64)
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(
        dave_due, "2026-12-01",
        "due tomorrow, moved by the 7-day pause"
    );
    let text = app
        .command(dave, "pause", &[("until", json!("next week"))])
        .await;
    assert!(text.contains("is not a date"), "{text}");

    let text = app.add_schedule("reinforcement", "0 9 * * *", &[]).await;
    assert!(text.contains("a reinforcement in"), "{text}");
    // Today at 09:00 nothing is due yet: the run is recorded, nothing is posted.
    app.clock.advance(Duration::from_secs(2 * 3600));
    app.clock.settled().await;
    assert!(app.bot_posts(app.channel).is_empty());
    // Tomorrow at 09:00: one channel post for Ada, one DM for Bob; nothing for Carol or Dave.
    app.clock.advance(Duration::from_secs(24 * 3600));
    let posts = app.wait_for_posts(app.channel, 1).await;
    assert_eq!(posts.len(), 1);
    assert!(
        posts[0]
            .content
            .starts_with("🔁 **1 person has reviews due.**"),
        "{}",
        posts[0].content
    );
    let bob_dm = app.dms_to(bob, 1).await;
    assert!(
        bob_dm[0]
            .content
            .starts_with("🔁 You have 1 question due for review in **Acme Support**"),
        "{}",
        bob_dm[0].content
    );
    for user in [carol, dave, app.member] {
        let dm = app
            .discord
            .wait_for_within("no DM", Duration::from_millis(200), |s| {
                s.channels
                    .values()
                    .find(|c| c.recipient_id == Some(user))
                    .map(|_| ())
            });
        assert!(dm.await.is_err(), "no DM for {user}");
    }

    // Ada's session: her two due questions, then done.
    let after = app.review_session(app.member, &posts[0]).await;
    assert_eq!(after.len(), 2, "{after:?}");
    assert!(
        after[1].ends_with("✅ **Review done.** Nice work."),
        "{}",
        after[1]
    );
    // Bob reviews from his DM (no server in the interaction).
    let after = app.review_session(bob, &bob_dm[0]).await;
    assert_eq!(after.len(), 1);
    let reviews: Vec<(i64, i64)> = query_as(
        "SELECT user_id, COUNT(*) FROM answers WHERE source = 'review' GROUP BY user_id ORDER BY user_id",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    let mut expected = vec![(app.member as i64, 2), (bob as i64, 1)];
    expected.sort();
    assert_eq!(reviews, expected);
    // Carol, with nothing due, gets a plain answer if she clicks the channel button.
    let id = app
        .discord
        .click(carol, posts[0].id, &posts[0].buttons()[0].0)
        .unwrap();
    let reply = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(
        reply
            .content
            .starts_with("Nothing is due for you right now."),
        "{}",
        reply.content
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reviews_respect_the_daily_cap_and_turning_them_off() {
    let mut app =
        crate::common::spawn_app_with(&[("PEERLEARN_REINFORCEMENT__DAILY_REVIEW_CAP", "1")]).await;
    let bob = app.discord.add_member(app.guild, "bob", &[]);
    app.practise(app.member, "security", false).await;
    app.practise(app.member, "privacy", false).await;
    app.practise(bob, "privacy", false).await;
    app.command(bob, "reinforce", &[("mode", json!("off"))])
        .await;
    app.add_schedule("reinforcement", "0 */6 * * *", &[]).await;
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-11-24T06:00:00Z")
            .unwrap()
            .to_utc(),
    );
    let posts = app.wait_for_posts(app.channel, 1).await;
    assert!(
        posts[0]
            .content
            .starts_with("🔁 **1 person has reviews due.**"),
        "Bob turned reviews off"
    );
    // The cap of one review a day ends Ada's session after one question...
    let after = app.review_session(app.member, &posts[0]).await;
    assert_eq!(after.len(), 1);
    // ...and the next run the same day reminds nobody.
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-11-24T12:00:00Z")
            .unwrap()
            .to_utc(),
    );
    app.eventually("the second run to be recorded", || async {
        app.count("SELECT COUNT(*) FROM schedule_runs").await == 2
    })
    .await;
    let outcomes: Vec<String> =
        query_scalar("SELECT outcome FROM schedule_runs ORDER BY scheduled_ms")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    assert_eq!(outcomes, vec!["posted", "nothing-due"]);
    assert_eq!(app.bot_posts(app.channel).len(), 1);
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guild_with_enough_answers_gets_its_own_fitted_model() {
    let mut app =
        crate::common::spawn_app_with(&[("PEERLEARN_REINFORCEMENT__FIT_MIN_ANSWERS", "50")]).await;
    app.command(app.member, "progress", &[]).await; // loads the starter pack
                                                    // A history of 300 answers: a week after learning, colleagues forget far more often than
                                                    // the published parameters expect.
    let history: Vec<(i64, &str, bool, i64)> = (0..100i64)
        .flat_map(|i| {
            [
                (1000 + i, "2026-11-01", true, 1000),
                (1000 + i, "2026-11-08", i % 3 == 0, 1000),
                (1000 + i, "2026-11-10", true, 1000),
            ]
        })
        .collect();
    app.insert_practice_answers("sec-phish-password", &history)
        .await;
    let stdout = app.run_fit();
    assert!(
        stdout.starts_with(&format!("server {}: fitted on 300 answers: ", app.guild)),
        "{stdout}"
    );
    let (stored, used): (String, i64) =
        query_as("SELECT parameters, answers_used FROM guild_parameters")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(used, 300);
    let fitted: Vec<f32> = serde_json::from_str(&stored).unwrap();
    // The bot now schedules with the fitted model: a first right answer today gets the
    // stability the fitted parameters give, not the default one.
    let question = app.practise(app.member, "privacy", true).await;
    let memory = app
        .store
        .memory_of(
            peerlearn::domain::ids::GuildId(app.guild),
            peerlearn::domain::ids::UserId(app.member),
            &question,
        )
        .await
        .unwrap()
        .unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let grade = peerlearn::domain::memory::Grade::Good;
    let with_fitted = peerlearn::domain::memory::MemoryModel::new(&fitted)
        .unwrap()
        .review(None, grade, today, 0.9, None);
    let with_default =
        peerlearn::domain::memory::MemoryModel::default().review(None, grade, today, 0.9, None);
    assert!(
        (memory.stability - with_fitted.stability).abs() < 1e-4,
        "{memory:?} vs {with_fitted:?}"
    );
    assert!(
        (memory.stability - with_default.stability).abs() > 1e-3,
        "the fitted model differs"
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn channel_quizzes_avoid_what_most_of_the_channel_has_mastered() {
    let mut app = spawn_app().await;
    let bob = app.discord.add_member(app.guild, "bob", &[]);
    let carol = app.discord.add_member(app.guild, "carol", &[]);
    app.add_schedule("quiz", "0 9 * * *", &[("topic", json!("privacy"))])
        .await;
    app.command(app.admin, "schedule run", &[("id", json!(1))])
        .await;
    let first = app.wait_for_posts(app.channel, 1).await.remove(0);
    for user in [app.member, bob, carol] {
        let id = app
            .discord
            .click(user, first.id, &first.buttons()[0].0)
            .unwrap();
        app.discord.reply(id).await.unwrap();
    }
    let first_question = app.question_of_post(first.id).await.question;
    // The channel's three members have mastered every privacy question but one.
    let open: String = query_scalar(
        "SELECT id FROM questions WHERE topic_id = 'privacy' AND id <> ? ORDER BY id LIMIT 1",
    )
    .bind(&first_question)
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    for user in [app.member, bob, carol] {
        query(
            "INSERT INTO memory (guild_id, user_id, question_id, stability, difficulty, last_day, due_day, reviews, lapses)
             SELECT guild_id, ?, id, 45.0, 3.0, '2026-11-23', '2027-01-10', 4, 0 FROM questions
             WHERE topic_id = 'privacy' AND id <> ?
             ON CONFLICT (guild_id, user_id, question_id) DO UPDATE SET stability = excluded.stability,
               difficulty = excluded.difficulty, last_day = excluded.last_day, due_day = excluded.due_day,
               reviews = excluded.reviews, lapses = excluded.lapses",
        )
        .bind(user as i64)
        .bind(&open)
        .execute(app.store.pool())
        .await
        .unwrap();
    }
    app.clock.advance(Duration::from_secs(60));
    app.command(app.admin, "schedule run", &[("id", json!(1))])
        .await;
    let second = app.wait_for_posts(app.channel, 2).await.remove(1);
    let second_question = app.question_of_post(second.id).await.question;
    assert_eq!(
        second_question, open,
        "the one question the channel has not mastered"
    );
    app.stop().await.unwrap();
}
