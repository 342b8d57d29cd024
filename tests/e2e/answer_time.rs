//! Answer time: a personal question's answer is timed from the moment the bot showed it to the
//! click (the virtual clock moves in between), a channel post's from the post; and a server's
//! answers leave as an anonymous review log in the anki-revlogs-10k layout, which
//! `eval-scheduler` reads back.

use crate::common::{peerlearn_binary, spawn_app};
use peerlearn::store::sql::query_as;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_are_timed_from_when_the_member_saw_them_and_exported_as_a_review_log() {
    let app = spawn_app().await;
    // Practice: shown, then answered 7.5 seconds later.
    let card = app.practice(app.member, "security").await;
    app.clock.advance(Duration::from_millis(7500));
    let (button, _) = card.buttons().remove(0);
    app.click(app.member, card.id, &button).await;
    // A channel quiz answered 40 seconds after the post.
    let post = app.quiz_post(&[]).await;
    app.clock.advance(Duration::from_secs(40));
    let (button, _) = post.buttons().remove(0);
    app.click(app.member, post.id, &button).await;
    let timed: Vec<(String, i64)> =
        query_as("SELECT source, latency_ms FROM answers ORDER BY answered_ms")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    assert_eq!(
        timed,
        [("practice".into(), 7500), ("channel".into(), 40_000)]
    );

    // The review log: anonymous, in the data set's columns; the channel answer has no time.
    let settings = app.settings();
    let mut export = peerlearn_binary();
    export.args(["export", "revlog", "--guild", &app.guild.to_string()]);
    match settings.database.url.as_str() {
        "" => export.env("PEERLEARN_DATABASE__PATH", &settings.database.path),
        url => export.env("PEERLEARN_DATABASE__URL", url),
    };
    let out = export.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "user_id,card_id,day_offset,rating,state,duration,elapsed_days,elapsed_seconds"
    );
    assert_eq!(lines.len(), 3, "{csv}");
    let fields = |line: &str| -> Vec<i64> { line.split(',').map(|f| f.parse().unwrap()).collect() };
    let (practice, channel) = (fields(lines[1]), fields(lines[2]));
    assert_eq!(
        (
            practice[0],
            practice[1],
            practice[2],
            practice[4],
            practice[5]
        ),
        (1, 1, 0, 0, 7500),
        "the first answer of member 1 to their card 1, new, 7.5 s: {csv}"
    );
    assert_eq!(practice[6..], [-1, -1]);
    assert_eq!(
        channel[5], 0,
        "a channel answer's time is not a recall time: {csv}"
    );
    assert_eq!(channel[2], 0, "the same day: {csv}");
    assert!(
        !csv.contains(&app.member.to_string()),
        "nothing identifying: {csv}"
    );
    // eval-scheduler reads the layout (two answers are too few to evaluate, and it says so).
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("revlog.csv");
    std::fs::write(&log, &csv).unwrap();
    let out = peerlearn_binary()
        .args(["eval-scheduler", "--log"])
        .arg(&log)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not enough reviews on separate days"), "{err}");
    // A server without answers is said to have none.
    let mut none = peerlearn_binary();
    none.args(["export", "revlog", "--guild", "42"]);
    match settings.database.url.as_str() {
        "" => none.env("PEERLEARN_DATABASE__PATH", &settings.database.path),
        url => none.env("PEERLEARN_DATABASE__URL", url),
    };
    let out = none.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("server 42 has no answers"));
    app.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guild_whose_slow_answers_foretell_forgetting_schedules_with_answer_time() {
    let mut app =
        crate::common::spawn_app_with(&[("PEERLEARN_REINFORCEMENT__FIT_MIN_ANSWERS", "50")]).await;
    app.command(app.member, "progress", &[]).await; // loads the starter pack
                                                    // 300 colleagues: a third answered slowly two days after learning, and forgot a week later.
    let history: Vec<(i64, &str, bool, i64)> = (0..300i64)
        .flat_map(|i| {
            let slow = i % 3 == 0;
            [
                (1000 + i, "2026-11-01", true, 4000),
                (
                    1000 + i,
                    "2026-11-03",
                    true,
                    if slow { 20_000 } else { 3000 },
                ),
                (
                    1000 + i,
                    ["2026-11-10", "2026-11-12", "2026-11-14"][(i % 3) as usize],
                    !slow,
                    4000,
                ),
            ]
        })
        .collect();
    app.insert_practice_answers("sec-phish-password", &history)
        .await;
    let stdout = app.run_fit();
    assert!(
        stdout.contains("answer time: held-out log loss") && stdout.contains(": used (weight -"),
        "{stdout}"
    );
    let (beta, with, without): (f64, f64, f64) =
        query_as("SELECT answer_time_beta, held_out_timed, held_out_fsrs FROM guild_parameters")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert!(beta < 0.0 && with < without, "{beta} {with} {without}");

    // The bot now schedules with it. A question answered in 4 seconds, then the next day in
    // 30: the second answer is slow for it, so it comes back sooner than FSRS-6 alone says.
    app.restart().await;
    app.import_content(
        "one.toml",
        b"[[topic]]\nid = \"one\"\nname = \"One\"\n\n[[question]]\nid = \"only\"\ntopic = \"one\"\nprompt = \"Only?\"\nchoices = [\"yes\", \"no\"]\ncorrect = \"A\"\n",
    )
    .await;
    let mut memories = vec![];
    for (wait, day) in [(4000u64, 23), (30_000, 24)] {
        let card = app.practice(app.member, "one").await;
        app.clock.advance(Duration::from_millis(wait));
        let (button, _) = card.buttons().remove(0);
        app.click(app.member, card.id, &button).await;
        let memory = app
            .store
            .memory_of(
                peerlearn::domain::ids::GuildId(app.guild),
                peerlearn::domain::ids::UserId(app.member),
                "only",
            )
            .await
            .unwrap()
            .unwrap();
        memories.push((
            memory,
            chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        ));
        app.clock
            .advance(Duration::from_secs(24 * 3600) - Duration::from_millis(wait));
    }
    let fitted = app
        .store
        .guild_parameters(peerlearn::domain::ids::GuildId(app.guild))
        .await
        .unwrap()
        .unwrap();
    let (first, second) = (memories[0].0, memories[1].0);
    assert_eq!((first.pace.timed, second.pace.timed), (1, 2));
    assert!(second.pace.slowness > 0.5, "{second:?}");
    let good = peerlearn::domain::memory::Grade::Good;
    let timed = fitted
        .model()
        .review(Some(&first), good, memories[1].1, 0.9, Some(30_000));
    let plain = fitted.model().with_answer_time(None).review(
        Some(&first),
        good,
        memories[1].1,
        0.9,
        Some(30_000),
    );
    assert_eq!(
        second.due_day, timed.due_day,
        "the bot's schedule is the model's"
    );
    assert!(timed.due_day < plain.due_day, "{timed:?} vs {plain:?}");
    app.stop().await.unwrap();
}
