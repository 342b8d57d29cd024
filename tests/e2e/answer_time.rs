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
