//! `peerlearn bench`: the bot measured against the limits that matter, in one run, on this
//! machine. The bot is the real binary in its own process, serving the bundled emulator (which
//! enforces Discord's contract and global rate limit) from a real SQLite file, and, given a
//! Postgres server (`--postgres`), from Postgres too, side by side:
//!
//! - [`answers`]: quiz clicks at a steady rate and at saturation; latency to the callback; the
//!   raw sqlx commit rates of the same engine beside them. On SQLite, on Postgres with one bot
//!   process and with two (shards 0/2 and 1/2).
//! - [`day`]: a day of a big team: review reminders by DM to everyone under the global limit
//!   (against the bound requests ÷ 50/s), and the bot's peak memory, on each engine.
//! - [`queries`]: boards, stats, report and search over a long seeded history (SQLite).
//!
//! Figures are printed as a table and written to `BENCHMARKS.md` with the machine they came
//! from. Nothing here asserts a figure: targets are shown beside them, met or not.

pub mod answers;
pub mod bot;
pub mod day;
pub mod db;
mod machine;
pub mod queries;
pub mod seed;
pub mod stats;
pub mod table;
pub mod team;

pub use bot::BotCommand;
pub use machine::Machine;
pub use table::{splice, Line, Report, Verdict};

use crate::store::sql::Engine;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// How big each benchmark is.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub answers: answers::AnswerSizes,
    pub day: day::DaySizes,
    pub queries: queries::QuerySizes,
}

impl Sizes {
    /// The sizes the targets are stated for.
    pub fn full() -> Sizes {
        Sizes {
            answers: answers::AnswerSizes {
                members: 2_000,
                posts: 10,
                offered_rate: 500.0,
                steady_clicks: 10_000,
                saturation_workers: 64,
                raw_rows: 5_000,
            },
            day: day::DaySizes {
                members: 10_000,
                lookers: 100,
            },
            queries: queries::QuerySizes {
                seed: seed::SeedSizes {
                    members: 100_000,
                    answers: 1_000_000,
                    accepted_answers: 5_000,
                },
                runs: 30,
            },
        }
    }

    /// A quick run of every part (for CI): the same code, small numbers.
    pub fn quick() -> Sizes {
        Sizes {
            answers: answers::AnswerSizes {
                members: 60,
                posts: 4,
                offered_rate: 100.0,
                steady_clicks: 120,
                saturation_workers: 8,
                raw_rows: 300,
            },
            day: day::DaySizes {
                members: 100,
                lookers: 5,
            },
            queries: queries::QuerySizes {
                seed: seed::SeedSizes {
                    members: 2_000,
                    answers: 20_000,
                    accepted_answers: 100,
                },
                runs: 5,
            },
        }
    }
}

/// A part of the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Answers,
    Day,
    Queries,
}

/// What to run.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub sizes: Sizes,
    /// The parts to run (all when empty).
    pub only: Vec<Part>,
    /// "full" or "quick", for the report.
    pub label: &'static str,
    /// The `peerlearn` binary to measure, and its log filter.
    pub bot: BotCommand,
    /// Where the databases and logs go (created; removed afterwards unless `keep`).
    pub work_dir: PathBuf,
    pub keep: bool,
    /// Print each part's start on stderr.
    pub progress: bool,
    /// A Postgres administrator's URL: the answers and the day also run on Postgres, in
    /// databases made (and dropped) for the run.
    pub postgres: Option<String>,
}

/// Runs every benchmark and returns the report.
pub async fn run(options: &BenchOptions) -> anyhow::Result<Report> {
    let dir = &options.work_dir;
    std::fs::create_dir_all(dir)?;
    let started = Instant::now();
    let say = |what: &str| {
        if options.progress {
            eprintln!("[{:>5.0} s] {what}", started.elapsed().as_secs_f64());
        }
    };
    let s = options.sizes;
    let runs = |p| options.only.is_empty() || options.only.contains(&p);
    let bot = &options.bot;
    let dbs = db::Databases::new(dir.clone(), options.postgres.clone());
    let engines = dbs.engines();
    let mut sections = Vec::new();
    if runs(Part::Answers) {
        let mut figures = Vec::new();
        for &engine in &engines {
            say(&format!("answers on {}: raw sqlx inserts", engine.name()));
            let name = format!("raw_{}", engine.name().to_ascii_lowercase());
            let raw_db = dbs.fresh(engine, &name).await?;
            let raw = answers::raw_rates(&raw_db, s.answers.raw_rows).await?;
            // Several processes share Postgres; SQLite has one writer and refuses a second.
            let processes: &[u32] = match engine {
                Engine::Sqlite => &[1],
                Engine::Postgres => &[1, 2],
            };
            for &processes in processes {
                let setup = answers::Setup { engine, processes };
                say(&format!(
                    "answers on {}: clicks at a steady rate and at saturation",
                    setup.label()
                ));
                figures.push(answers::run(bot, &dbs, setup, s.answers, raw.clone()).await?);
            }
        }
        sections.push(table::answers(&figures));
    }
    if runs(Part::Day) {
        let mut figures = Vec::new();
        for &engine in &engines {
            say(&format!(
                "a day on {}: the quiz, review reminders by DM under the global limit, boards",
                engine.name()
            ));
            figures.push(day::run(bot, &dbs, engine, s.day).await?);
        }
        sections.push(table::day(&figures));
    }
    if runs(Part::Queries) {
        say("queries on SQLite: seeding a long history, then timing the commands");
        sections.push(table::queries(&queries::run(bot, dir, s.queries).await?));
    }
    if !options.keep {
        dbs.drop_made().await?;
    }
    say("done");
    let report = Report {
        machine: Machine::read(),
        label: options.label.to_string(),
        took: started.elapsed(),
        sections,
    };
    if !options.keep {
        let _ = std::fs::remove_dir_all(dir);
    }
    Ok(report)
}

/// A fresh work directory under the system's temporary folder.
pub fn default_work_dir() -> PathBuf {
    std::env::temp_dir().join(format!("peerlearn-bench-{}", std::process::id()))
}

/// A read-only connection to a database another process writes.
pub(crate) async fn read_only(db: &Path) -> anyhow::Result<sqlx::AnyPool> {
    use sqlx::ConnectOptions as _;
    use sqlx::Executor as _;
    sqlx::any::install_default_drivers();
    let url = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(db)
        .read_only(true)
        .to_url_lossy();
    let options = sqlx::any::AnyConnectOptions::from_url(&url)?;
    Ok(sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute("PRAGMA busy_timeout = 10000")
                    .await
                    .map(|_| ())
            })
        })
        .connect_with(options)
        .await?)
}
