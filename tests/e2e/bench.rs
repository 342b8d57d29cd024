//! `peerlearn bench` in its quick size: every part runs against the real binary and the
//! emulator, does what it claims (each click stored once, each member reminded once, the
//! history seeded), and reports every figure beside its limit. No speed is asserted here: the
//! figures live in BENCHMARKS.md.

use crate::common::postgres_admin;
use peerlearn::bench::answers::Setup;
use peerlearn::bench::db::Databases;
use peerlearn::bench::{
    self, answers, day, queries, BenchOptions, BotCommand, Part, Sizes, Verdict,
};
use peerlearn::store::sql::Engine;
use std::path::PathBuf;

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_peerlearn"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_part_of_the_quick_benchmark_does_its_work() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sizes = Sizes::quick();
    // SQLite always; Postgres with one and two processes when the suite runs on it.
    let dbs = Databases::new(dir.path().to_path_buf(), postgres_admin());
    let bot = BotCommand::new(binary());

    let mut answer_runs = Vec::new();
    for engine in dbs.engines() {
        let raw_db = dbs.fresh(engine, "raw").await.expect("a raw database");
        let raw = answers::raw_rates(&raw_db, sizes.answers.raw_rows)
            .await
            .expect("raw inserts");
        assert!(raw.single_row_per_second > 0.0 && raw.batched_per_second > 0.0);
        assert_eq!(raw.durability.is_some(), engine == Engine::Postgres);
        for processes in if engine == Engine::Sqlite {
            1..=1
        } else {
            1..=2
        } {
            let setup = Setup { engine, processes };
            let a = answers::run(&bot, &dbs, setup, sizes.answers, raw.clone())
                .await
                .unwrap_or_else(|e| panic!("{}: {e:#}", setup.label()));
            let on = setup.label();
            assert_eq!(
                a.steady.stored, a.steady.clicks as i64,
                "{on}: every steady click stored"
            );
            assert_eq!(a.steady.not_recorded, 0, "{on}");
            assert_eq!(
                a.saturated.stored, a.saturated.clicks as i64,
                "{on}: every saturating click stored"
            );
            assert_eq!(a.saturated.not_recorded, 0, "{on}");
            assert_eq!(
                a.steady.clicks + a.saturated.clicks,
                sizes.answers.members * sizes.answers.posts,
                "{on}: the same clicks on every setup"
            );
            assert_eq!(a.steady.latencies.count, a.steady.clicks, "{on}");
            answer_runs.push(a);
        }
    }

    let mut days = Vec::new();
    for engine in dbs.engines() {
        let d = day::run(&bot, &dbs, engine, sizes.day)
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
        days.push(d);
    }
    dbs.drop_made()
        .await
        .expect("the Postgres databases are dropped");

    let q = queries::run(&bot, dir.path(), sizes.queries)
        .await
        .expect("the queries run");
    assert_eq!(q.seeded.answers, sizes.queries.seed.answers as i64);
    assert!(q.seeded.board_rows > 0 && q.seeded.memory_rows > 0);
    assert_eq!(q.commands.len(), 5);
    assert!(q.commands.iter().all(|c| c.latencies.count >= 1));

    // Every row has a figure in every column and a limit; targets are judged, references not.
    let sections = [
        bench::table::answers(&answer_runs),
        bench::table::day(&days),
        bench::table::queries(&q),
    ];
    assert_eq!(sections[0].columns.len(), answer_runs.len());
    if postgres_admin().is_some() {
        assert_eq!(
            sections[0].columns,
            ["SQLite", "Postgres, 1 process", "Postgres, 2 processes"]
        );
        assert_eq!(sections[1].columns, ["SQLite", "Postgres"]);
    }
    for s in &sections {
        assert!(!s.lines.is_empty(), "{}", s.title);
        for l in &s.lines {
            assert_eq!(l.figures.len(), s.columns.len(), "{l:?}");
            assert!(l.figures.iter().all(|f| !f.text.is_empty()), "{l:?}");
            assert!(!l.limit.is_empty(), "{l:?}");
        }
    }
    let targets = sections
        .iter()
        .flat_map(|s| &s.lines)
        .filter(|l| l.figures.iter().any(|f| f.verdict != Verdict::Info))
        .count();
    assert!(targets >= 12, "{targets} judged rows");
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
        postgres: None,
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
    assert!(file.contains("| Measure | SQLite | Limit or target |"));
    // Writing again replaces the table and keeps the notes.
    let again = bench::splice(&file, "new table\n");
    assert!(again.starts_with(notes.trim_end()) && again.contains("new table"));
    assert!(!again.contains("/leaderboard"));
}
