//! `peerlearn demo`: a small simulated team on the emulator produces a real database (answers,
//! reviews, a resolved question), a report, a CSV and valid charts; the same seed replays the
//! same figures and another seed does not. The binary's demo, its argument checks and the
//! interactive prompt are driven as a newcomer would.

use crate::common::peerlearn_binary;
use peerlearn::config::Settings;
use peerlearn::demo::{run, DemoOptions, Summary};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

fn options(seed: u64, out: &Path) -> DemoOptions {
    DemoOptions {
        days: 5,
        members: 8,
        seed,
        out: out.to_path_buf(),
        interactive: false,
        progress: false,
    }
}

async fn demo(seed: u64, out: &Path) -> Summary {
    crate::common::init_logs();
    let settings = Settings::load_from(None, &BTreeMap::new()).expect("default settings");
    run(&options(seed, out), settings)
        .await
        .expect("the demo runs")
}

/// Width and height of a PNG file, decoding it completely.
fn png_size(path: &Path) -> (u32, u32) {
    let decoder = png::Decoder::new(std::fs::File::open(path).expect("the chart exists"));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).expect("PNG pixels");
    (info.width, info.height)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_small_demo_fills_a_real_database_and_replays_by_seed() {
    let dir = tempfile::tempdir().unwrap();
    let summary = demo(3, &dir.path().join("a")).await;
    assert!(summary.violations.is_empty(), "{:?}", summary.violations);

    // What was stored, read straight from the database file the bot wrote.
    let db = dir.path().join("a/peerlearn.db");
    let mut conn = SqliteConnectOptions::new()
        .filename(&db)
        .read_only(true)
        .connect()
        .await
        .expect("the demo database opens");
    let mut counts = Vec::new();
    for sql in [
        "SELECT COUNT(*) FROM answers WHERE source = 'channel'",
        "SELECT COUNT(*) FROM answers WHERE source = 'review'",
        "SELECT COUNT(*) FROM asks WHERE state = 'resolved'",
        "SELECT COUNT(*) FROM kb_entries",
        "SELECT COUNT(*) FROM schedules",
        "SELECT COUNT(*) FROM role_tracks",
        "SELECT COUNT(*) FROM cards WHERE kb_id IS NOT NULL",
        "SELECT COUNT(*) FROM card_reviews",
        "SELECT COUNT(*) FROM asks WHERE thread_id IS NOT NULL",
    ] {
        let n: i64 = sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap();
        counts.push(n);
    }
    let [quiz, reviews, resolved, knowledge, schedules, tracks, answer_cards, grades, routed] =
        counts[..]
    else {
        unreachable!()
    };
    conn.close().await.unwrap();
    assert!(quiz > 0 && reviews > 0, "quiz {quiz}, reviews {reviews}");
    assert!(resolved >= 1 && knowledge >= 1, "{resolved} {knowledge}");
    assert_eq!(schedules, 6, "set up with /schedule add");
    assert_eq!(tracks, 6, "set up with /track set");
    // The summary's figures are the stored ones.
    let stored: i64 = summary.answers.iter().map(|(_, n, _)| n).sum();
    let a = summary.activity;
    assert_eq!(stored, i64::from(a.quiz + a.review + a.practice));
    // Every accepted answer became a card; the self-grades the team gave are the stored ones.
    assert_eq!(answer_cards, knowledge);
    assert_eq!(summary.cards.made, answer_cards);
    assert_eq!(i64::from(a.card_grades), grades);
    assert!(
        summary.content_requests >= 1 && summary.content_requests as i64 <= routed,
        "{} requests from {routed} routed questions",
        summary.content_requests
    );
    assert_eq!(
        summary
            .answers
            .iter()
            .find(|(s, _, _)| s == "review")
            .map(|x| x.1),
        Some(reviews)
    );

    // The admin's report and board, with names instead of raw mentions.
    assert!(
        summary.report.starts_with("📊 Report — all time"),
        "{}",
        summary.report
    );
    assert!(
        summary.report.contains("**Questions:**"),
        "{}",
        summary.report
    );
    assert!(
        summary.leaderboard.contains("🥇 @"),
        "{}",
        summary.leaderboard
    );
    assert!(!summary.report.contains("<@"), "{}", summary.report);
    let printout = summary.render();
    for part in [
        "peerlearn demo: 5 virtual days (Mon 2 Mar 2026 to Fri 6 Mar 2026), 8 members, seed 3",
        "daily quiz answers",
        "resolved by an expert",
        "reviewed  (",
        "holdout   (",
        "The report beside the hidden truth",
        "knowledge now            report",
        "peerlearn.db",
        "recall.png",
        "summary.json",
        "cards made from accepted answers",
        "content requests: questions the knowledge base could not answer",
        "/content requests\n  📝 Content requests",
    ] {
        assert!(printout.contains(part), "{part} in\n{printout}");
    }

    // summary.json: the hidden truth beside exactly what the report's CSV says.
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("a/summary.json")).expect("summary.json"),
    )
    .expect("valid JSON");
    assert_eq!(
        (&json["seed"], &json["days"], &json["members"]),
        (
            &serde_json::json!(3),
            &serde_json::json!(5),
            &serde_json::json!(8)
        )
    );
    assert_eq!(json["loop"]["cards_from_answers"], answer_cards);
    assert_eq!(json["loop"]["content_requests"], summary.content_requests);
    for key in [
        "refreshers",
        "inferred_experts",
        "pairings",
        "pairings_done",
    ] {
        assert!(json["loop"][key].is_u64(), "{key} in {}", json["loop"]);
    }
    assert_eq!(json["loop"]["pairings"], summary.pairings.0);
    for key in ["knowledge_start", "knowledge_end", "uplift"] {
        let truth = json["truth"][key].as_f64().expect(key);
        assert!((-1.0..=1.0).contains(&truth), "{key}: {truth}");
    }
    let start = json["truth"]["knowledge_start"].as_f64().unwrap();
    let first = summary.recall.series(None)[0];
    assert!((start - first).abs() < 1e-12, "the truth at day 0");
    let end = &json["measured"]["knowledge_end"];
    let estimate = end["estimate"].as_f64().expect("knowledge is measured");
    let (low, high) = (
        end["ci_low"].as_f64().unwrap(),
        end["ci_high"].as_f64().unwrap(),
    );
    assert!(low <= estimate && estimate <= high, "{end}");
    let csv_now = std::fs::read_to_string(dir.path().join("a/peerlearn-report-all-all.csv"))
        .unwrap()
        .lines()
        .find(|l| l.contains(",knowledge_now_pct,,all,"))
        .map(str::to_string)
        .expect("the report's knowledge row");
    assert!(
        csv_now.contains(&format!(",{:.1},", estimate * 100.0)),
        "{csv_now} against {estimate}"
    );

    // The files: CSV rows and charts that decode.
    let csv = std::fs::read_to_string(dir.path().join("a/peerlearn-report-all-all.csv"))
        .expect("the report's CSV");
    assert!(csv.lines().count() > 1, "{csv}");
    assert!(csv.starts_with("period,start,end,metric,"), "{csv}");
    for chart in ["trend.png", "knowledge.png", "recall.png", "ada-stats.png"] {
        assert_eq!(png_size(&dir.path().join("a").join(chart)), (800, 400));
    }
    let transcript = std::fs::read_to_string(dir.path().join("a/transcript.md")).unwrap();
    assert!(
        transcript.contains("**grace** › /schedule add kind:quiz"),
        "the setup goes through slash commands"
    );
    assert!(transcript.contains("Mark as answer"), "{transcript}");

    // The same seed replays the same run; another seed makes another.
    let again = demo(3, &dir.path().join("b")).await;
    assert_eq!(summary.figures(), again.figures());
    let other = demo(4, &dir.path().join("c")).await;
    assert_ne!(summary.figures(), other.figures());
}

#[test]
fn the_demo_command_runs_and_explains_bad_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let out = peerlearn_binary()
        .args(["demo", "--days", "2", "--members", "4", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("peerlearn demo: 2 virtual days"),
        "{stdout}"
    );
    assert!(stdout.contains("/report period:all"), "{stdout}");
    assert!(dir.path().join("peerlearn.db").exists());
    assert!(
        !stderr.contains("INFO"),
        "the bot's routine logs stay out of the printout: {stderr}"
    );

    // Several seeds: a line per seed as it goes, then the coverage table.
    let out = peerlearn_binary()
        .args([
            "demo",
            "--seeds",
            "1..2",
            "--days",
            "2",
            "--members",
            "4",
            "--out",
        ])
        .arg(dir.path().join("seeds"))
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("peerlearn demo, seeds 1..2: 4 members, 2 days each."),
        "{stdout}"
    );
    assert!(stdout.contains("| knowledge now | "), "{stdout}");
    assert!(stderr.contains("\n   2 "), "a line per seed: {stderr}");
    assert!(dir.path().join("seeds/seed-2/summary.json").exists());
    let out = peerlearn_binary()
        .args(["demo", "--seeds", "3..1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--seeds takes a range like 1..20"),
        "{stderr}"
    );

    let out = peerlearn_binary()
        .args(["demo", "--members", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--members must be 2 to 500"), "{stderr}");
}

#[test]
fn the_interactive_demo_takes_commands_and_clicks_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = peerlearn_binary()
        .args(["demo", "--interactive", "--members", "4", "--out"])
        .arg(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let script = "help\n/quiz\nclick 1\nas nobody\nas grace\n/schedule list\n/config timezone zone:Mars/Olympus\nnext\nquit\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stdout}\n{stderr}");
    for part in [
        "The demo server is ready: 4 members",
        "ada › ",
        "🧠 Practice",
        "streak",
        "nobody is called nobody",
        "grace › ",
        "quiz",
        "Mars/Olympus",
        "It is now Mon 2 Mar 09:00.",
        "🧠 Quiz",
        "Demo server closed.",
    ] {
        assert!(stdout.contains(part), "{part:?} in\n{stdout}");
    }
}
