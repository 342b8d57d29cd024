//! `peerlearn bench` in its quick size: every part runs against the real binary and the
//! emulator, does what it claims (each click stored once, each member reminded once, the
//! history seeded), and reports every figure beside its limit. No speed is asserted here: the
//! figures live in BENCHMARKS.md.

use peerlearn::bench::{
    self, answers, day, queries, BenchOptions, BotCommand, Part, Sizes, Verdict,
};
use std::path::PathBuf;

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_peerlearn"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_part_of_the_quick_benchmark_does_its_work() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sizes = Sizes::quick();

    let a = answers::run(&BotCommand::new(binary()), dir.path(), sizes.answers)
        .await
        .expect("the answers benchmark runs");
    assert_eq!(
        a.steady.stored, a.steady.clicks as i64,
        "every steady click stored"
    );
    assert_eq!(a.steady.not_recorded, 0);
    assert_eq!(
        a.saturated.stored, a.saturated.clicks as i64,
        "every saturating click stored"
    );
    assert_eq!(a.saturated.not_recorded, 0);
    assert_eq!(
        a.steady.clicks + a.saturated.clicks,
        sizes.answers.members * sizes.answers.posts
    );
    assert_eq!(a.steady.latencies.count, a.steady.clicks);
    assert!(a.raw.single_row_per_second > 0.0 && a.raw.batched_per_second > 0.0);

    let d = day::run(&BotCommand::new(binary()), dir.path(), sizes.day)
        .await
        .expect("the day runs");
    assert_eq!(d.quiz_answers, sizes.day.members as i64);
    assert_eq!(d.dms, sizes.day.members, "one reminder per member");
    assert_eq!(d.failed_posts, 0);
    assert!(
        d.requests >= sizes.day.members,
        "at least one request per DM: {}",
        d.requests
    );
    assert!(d.peak_rss_bytes.is_some_and(|b| b > 1_000_000));

    let q = queries::run(&BotCommand::new(binary()), dir.path(), sizes.queries)
        .await
        .expect("the queries run");
    assert_eq!(q.seeded.answers, sizes.queries.seed.answers as i64);
    assert!(q.seeded.board_rows > 0 && q.seeded.memory_rows > 0);
    assert_eq!(q.commands.len(), 5);
    assert!(q.commands.iter().all(|c| c.latencies.count >= 1));

    // Every line has a figure and a limit; targets are judged, references are not.
    let sections = [
        bench::table::answers(&a),
        bench::table::day(&d),
        bench::table::queries(&q),
    ];
    for (title, lines) in &sections {
        assert!(!lines.is_empty(), "{title}");
        for l in lines {
            assert!(!l.figure.is_empty() && !l.limit.is_empty(), "{l:?}");
        }
    }
    let targets = sections
        .iter()
        .flat_map(|(_, l)| l)
        .filter(|l| l.verdict != Verdict::Info)
        .count();
    assert!(targets >= 12, "{targets} judged lines");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_goes_into_benchmarks_md_between_its_markers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = BenchOptions {
        sizes: Sizes::quick(),
        only: vec![Part::Queries],
        label: "quick",
        bot: BotCommand::new(binary()),
        work_dir: dir.path().join("work"),
        keep: false,
        progress: false,
    };
    let report = bench::run(&options).await.expect("the benchmark runs");
    assert_eq!(report.sections.len(), 1, "only the queries part ran");
    assert!(!options.work_dir.exists(), "the work folder is removed");
    let text = report.render_text();
    assert!(
        text.contains("/leaderboard") && text.contains("median ≤ 5 ms"),
        "{text}"
    );
    let notes = "# Benchmarks\n\nHow to read this.\n";
    let file = bench::splice(notes, &report.render_markdown());
    assert!(file.starts_with(notes.trim_end()));
    assert!(file.contains("| | Measure | Figure | Limit or target |"));
    // Writing again replaces the table and keeps the notes.
    let again = bench::splice(&file, "new table\n");
    assert!(again.starts_with(notes.trim_end()) && again.contains("new table"));
    assert!(!again.contains("/leaderboard"));
}
