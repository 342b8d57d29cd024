//! Personal learning that acts on what it knows, end to end: role tracks keep steering `/quiz`
//! after a member has started every topic, a question's own `tracks` decide for it, and a topic
//! the team is forecast to forget gets refreshers in the next channel quizzes, and not before.

use crate::common::{embed_lines, spawn_app, TestApp};
use peerlearn::store::sql::{query_as, query_scalar};
use serde_json::json;
use std::time::Duration;

/// `/content import` of `text` as `name`, by the admin, which must succeed.
async fn import(app: &TestApp, name: &str, text: &str) {
    let reply = app.import_content(name, text.as_bytes()).await;
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
    let question: String = query_scalar("SELECT question_id FROM question_versions WHERE id = ?")
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_inferred_expert_is_asked_when_no_enrolled_one_is_free_until_they_opt_out_or_it_fades() {
    let mut app = spawn_app().await;
    let mut content = String::from("[[topic]]\nid = \"vpn\"\nname = \"VPN\"\n\n");
    content += &question("vpn-1", "vpn", "");
    content += &question("vpn-2", "vpn", "");
    import(&app, "bank.toml", &content).await;
    let qa = app.discord.add_text_channel(app.guild, "questions");
    app.command(
        app.admin,
        "config qa-channel",
        &[("channel", json!(qa.to_string()))],
    )
    .await;
    let vic = app.discord.add_member(app.guild, "vic", &[]);
    // Vic knows the VPN questions...
    quiz(&app, vic, Some("vpn")).await;
    quiz(&app, vic, Some("vpn")).await;
    // ... and answers a colleague's VPN question, which nobody enrolled could take.
    let ask = |user: u64, text: &'static str| {
        let app = &app;
        async move {
            app.reply_to(
                user,
                "ask",
                &[("question", json!(text)), ("topic", json!("vpn"))],
            )
            .await
            .content
        }
    };
    let first = ask(app.member, "Which VPN gateway do I use from Asia?").await;
    assert!(first.contains("No expert on **vpn**"), "{first}");
    let thread = first.split("<#").nth(1).unwrap().split('>').next().unwrap();
    let thread: u64 = thread.parse().unwrap();
    app.wait_for_posts(thread, 1).await;
    let said = app
        .discord
        .say(thread, vic, "Use sg.vpn.example.com from Asia.");
    let id = app
        .discord
        .message_command(app.member, "Mark as answer", said)
        .unwrap();
    app.discord.reply(id).await.unwrap();

    // Now Vic is an inferred expert: listed with why, and asked the next VPN question.
    let list = app.reply_to(app.member, "expert list", &[]).await;
    let shown = embed_lines(&list);
    assert!(
        shown.contains(&format!(
            "<@{vic}> on **vpn** (100% mastery · 1 accepted answer in the last 60 days · owns 1 verified answer)"
        )),
        "{shown}"
    );
    let bob = app.discord.add_member(app.guild, "bob", &[]);
    let second = ask(bob, "Does the VPN client need admin rights to install?").await;
    assert!(
        second.contains(&format!("<@{vic}> (who knows **vpn** well)")),
        "{second}"
    );

    // Opting out: not listed, not asked.
    let off = app
        .command(vic, "expert suggest", &[("mode", json!("off"))])
        .await;
    assert!(off.contains("no longer be suggested"), "{off}");
    let cy = app.discord.add_member(app.guild, "cy", &[]);
    let third = ask(cy, "Can I split-tunnel Zoom outside the VPN?").await;
    assert!(third.contains("No expert on **vpn**"), "{third}");
    let list = app.reply_to(app.member, "expert list", &[]).await;
    assert!(!embed_lines(&list).contains("Inferred experts"));
    app.command(vic, "expert suggest", &[("mode", json!("on"))])
        .await;

    // Half a year later the answer has faded and so has the memory: no longer an expert.
    app.clock.advance(Duration::from_secs(180 * 86_400));
    app.clock.settled().await;
    let dee = app.discord.add_member(app.guild, "dee", &[]);
    let fourth = ask(dee, "Is there a VPN for the guest network?").await;
    assert!(fourth.contains("No expert on **vpn**"), "{fourth}");
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pairing_pairs_opted_in_learners_with_available_mentors_weekly_without_repeats() {
    let mut app = spawn_app().await;
    let mut content =
        String::from("[[topic]]\nid = \"vpn\"\nname = \"VPN\"\nteam_recall_target = 0.97\n\n");
    for i in 1..=3 {
        content += &question(&format!("vpn-{i}"), "vpn", "");
    }
    import(&app, "bank.toml", &content).await;
    let text = app.add_schedule("pairing", "0 9 * * 1", &[]).await;
    assert!(text.contains("pairing"), "{text}");
    let member = |name: &str| app.discord.add_member(app.guild, name, &[]);
    let (lea, lea2, quiet, paused) = (
        member("lea"),
        member("lea2"),
        member("quiet"),
        member("pia"),
    );
    let (men, away) = (member("men"), member("awa"));
    // Four members learn the topic; the two mentors enrol as experts on it.
    for user in [lea, lea2, quiet, paused] {
        for _ in 0..3 {
            quiz(&app, user, Some("vpn")).await;
        }
    }
    for user in [men, away] {
        let joined = app
            .command(user, "expert join", &[("topic", json!("vpn"))])
            .await;
        assert!(joined.contains("now an expert"), "{joined}");
    }
    // Everyone but `quiet` opts in; one mentor is away, one learner has paused reviews.
    for user in [lea, lea2, paused, men, away] {
        let on = app.command(user, "pairing", &[("mode", json!("on"))]).await;
        assert!(on.contains("You are in"), "{on}");
    }
    app.command(away, "expert away", &[("until", json!("30d"))])
        .await;
    app.command(paused, "pause", &[("until", json!("2026-12-31"))])
        .await;

    // The next Monday, 09:00: a week of forgetting later.
    app.clock
        .advance(Duration::from_secs(7 * 86_400 + 2 * 3600));
    app.clock.settled().await;
    let pairs: Vec<(i64, i64)> = query_as("SELECT learner_id, mentor_id FROM pairings")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(
        pairs.len(),
        1,
        "one available mentor, one pairing each: {pairs:?}"
    );
    let (first_learner, mentor) = (pairs[0].0 as u64, pairs[0].1 as u64);
    assert_eq!(mentor, men);
    assert!([lea, lea2].contains(&first_learner), "opted in, not paused");
    let note = app.wait_for_posts(app.channel, 1).await[0].clone();
    assert!(
        note.content
            .contains("1 peer pairing made this week, on VPN"),
        "{}",
        note.content
    );
    let dm = app.dms_to(first_learner, 1).await[0].clone();
    assert!(
        dm.content.contains(&format!("<@{men}> knows it well")),
        "{}",
        dm.content
    );
    let to_mentor = app.dms_to(men, 1).await[0].clone();
    assert!(
        to_mentor.content.contains("is brushing up on **VPN**"),
        "{}",
        to_mentor.content
    );

    // "We talked": stored once, and both earn the pairing points.
    let talked = app.click(first_learner, dm.id, &dm.buttons()[0].0).await;
    assert!(talked
        .message
        .unwrap()
        .content
        .contains("You both earn 5 points"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM pairings WHERE talked_ms IS NOT NULL")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM points_ledger WHERE kind IN ('helping', 'asking')")
            .await,
        10
    );

    // The same week again: the mentor is taken for the week, so nobody is paired.
    app.clock.advance(Duration::from_secs(60));
    let again = app
        .command(app.admin, "schedule run", &[("id", json!(1))])
        .await;
    assert!(again.contains("Nobody can be paired right now"), "{again}");
    // A week later: the other learner gets the mentor; the pair of last week is not repeated.
    app.clock.advance(Duration::from_secs(7 * 86_400));
    app.clock.settled().await;
    let pairs: Vec<(i64, i64)> = query_as("SELECT learner_id, mentor_id FROM pairings ORDER BY id")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(pairs.len(), 2, "{pairs:?}");
    let other = if first_learner == lea { lea2 } else { lea };
    assert_eq!(pairs[1], (other as i64, men as i64));
    let report = app
        .reply_to(app.admin, "report", &[("period", json!("all"))])
        .await;
    assert!(
        embed_lines(&report).contains("**Peer pairings:** 2 made, 1 talked"),
        "{}",
        embed_lines(&report)
    );
    app.stop().await.unwrap();
}
