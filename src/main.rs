//! The `peerlearn` command line: run the bot, migrate the database, check the configuration,
//! validate content files.
//!
//! Exit codes: 0 success, 1 a runtime failure (Discord unreachable, token rejected, database
//! error), 2 a usage or configuration error.

use clap::{Parser, Subcommand};
use peerlearn::config::{ConfigError, Settings, Token};
use peerlearn::store::Store;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "peerlearn",
    version,
    about = "A Discord bot for peer learning at work: daily micro-quizzes, spaced repetition, peer experts and learning analytics."
)]
struct Cli {
    /// A TOML file with settings that override config/default.toml (PEERLEARN_* variables
    /// override both)
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Try peerlearn without Discord: the real bot, a fresh database and the bundled Discord
    /// emulator, with a simulated team learning for a number of virtual days; prints the
    /// board and the report, and writes the database, CSV, charts and a transcript
    Demo {
        /// Virtual days to simulate (under a second each for 40 members)
        #[arg(long, default_value_t = 30, value_name = "N")]
        days: u32,
        /// Simulated team members
        #[arg(long, default_value_t = 40, value_name = "N")]
        members: usize,
        /// The same seed replays the same run
        #[arg(long, default_value_t = 1, value_name = "N")]
        seed: u64,
        /// Where the database, CSV, charts and transcript go (an earlier demo there is replaced)
        #[arg(long, default_value = "demo-output", value_name = "DIR")]
        out: PathBuf,
        /// Stop after the setup and take commands from the terminal (send /quiz, click
        /// buttons, ask as any member)
        #[arg(long)]
        interactive: bool,
        /// Run the demo once per seed (e.g. 1..20, each in DIR/seed-N) and print how often
        /// the report's intervals covered the hidden truth, with the errors
        #[arg(long, value_name = "A..B", conflicts_with_all = ["interactive", "seed"])]
        seeds: Option<String>,
    },
    /// Connect to Discord and serve the bot (needs DISCORD_TOKEN) until SIGINT or SIGTERM
    Run {
        /// Serve against the bundled Discord emulator with a sample server instead of Discord
        /// (no token needed): a way to try peerlearn
        #[arg(long)]
        emulator: bool,
    },
    /// Create the database or bring its schema up to date, then exit
    Migrate,
    /// Work with the configuration
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Replay a spaced-repetition review log and compare how well FSRS and simple baselines
    /// predict recall (log loss, binned RMSE, AUC)
    EvalScheduler {
        /// The log: CSV with card_id, review_rating (1-4), review_time (ISO 8601)
        #[arg(long, value_name = "FILE")]
        log: PathBuf,
        /// The share of reviews (earliest first) to train on; the rest is predicted
        #[arg(long, default_value_t = 0.5, value_name = "FRACTION")]
        train_fraction: f64,
    },
    /// Fit each server's own FSRS parameters from its answers now (servers with at least
    /// reinforcement.fit_min_answers answers); the bot also does this on its own
    Fit,
    /// Measure the bot on this machine against its limits: answers per second and latency,
    /// review reminders by DM under Discord's global rate limit, peak memory, and commands over
    /// a million answers; prints a table and writes it into BENCHMARKS.md
    Bench {
        /// Small sizes, to check in a minute that every benchmark runs (writes no file unless
        /// --out is given)
        #[arg(long)]
        quick: bool,
        /// The Markdown file to write the table into (its part between the bench markers is
        /// replaced; the notes around it are kept) [default: BENCHMARKS.md, except with --quick]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Keep the databases and bot logs the benchmark made (their folder is printed)
        #[arg(long)]
        keep: bool,
        /// Run only these parts (repeat or separate with commas)
        #[arg(long, value_enum, value_delimiter = ',', value_name = "PART")]
        only: Vec<BenchPart>,
        /// The bot's log filter while measured, e.g.
        /// `info,peerlearn::store::group_commit=debug` (see the logs with --keep)
        #[arg(long, value_name = "FILTER")]
        bot_log: Option<String>,
    },
    /// Work with content files (topics, questions, tips)
    Content {
        #[command(subcommand)]
        action: ContentAction,
    },
}

/// A part of `peerlearn bench`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum BenchPart {
    /// Quiz clicks: throughput and latency, beside raw SQLite commit rates
    Answers,
    /// A day of a big team: review reminders by DM under the global limit, peak memory
    Day,
    /// Boards, stats, report and search over a long history
    Queries,
}

#[derive(Subcommand)]
enum ContentAction {
    /// Check content files as one import (.toml or .csv): prints every problem with file, line,
    /// field and reason, and exits 1 if there is any
    Validate {
        /// The files; topics defined in one may be used by the others
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ConfigAction {
    /// Check every setting and print the effective configuration (never the token)
    Check,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut settings = match Settings::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(e) => return config_failure(&e),
    };
    if matches!(cli.command, Command::Demo { .. } | Command::Bench { .. }) {
        // The demo's output is its printout; the bot's routine log lines would hide it, and so
        // would sqlx's notes on the benchmark's seeding statements (slow by design).
        settings.log.filter = "warn,serenity=error,poise=error,sqlx::query=error".into();
    }
    init_logging(&settings);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("peerlearn: cannot start the async runtime: {e}");
            return ExitCode::from(1);
        }
    };
    match cli.command {
        Command::Demo {
            days,
            members,
            seed,
            out,
            interactive,
            seeds,
        } => {
            let options = peerlearn::demo::DemoOptions {
                days,
                members,
                seed,
                out,
                interactive,
                progress: true,
            };
            if let Err(e) = peerlearn::demo::check(&options) {
                eprintln!("peerlearn: {e}");
                return ExitCode::from(2);
            }
            if let Some(seeds) = seeds {
                return demo_seeds(&runtime, &options, &seeds, settings);
            }
            match runtime.block_on(peerlearn::demo::run(&options, settings)) {
                Ok(summary) => {
                    print!("{}", summary.render());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("peerlearn: the demo failed: {e:#}");
                    ExitCode::from(1)
                }
            }
        }
        Command::EvalScheduler {
            log,
            train_fraction,
        } => eval_scheduler(&log, train_fraction),
        Command::Fit => runtime.block_on(fit(settings)),
        Command::Bench {
            quick,
            out,
            keep,
            only,
            bot_log,
        } => runtime.block_on(bench(quick, out, keep, only, bot_log)),
        Command::Content {
            action: ContentAction::Validate { files },
        } => validate_content(&files),
        Command::Config {
            action: ConfigAction::Check,
        } => {
            println!(
                "# effective configuration (defaults < --config file < PEERLEARN_* variables)"
            );
            print!("{}", settings.to_toml());
            let token = if Token::from_env().is_some() {
                "set"
            } else {
                "not set"
            };
            println!("# DISCORD_TOKEN is {token}");
            ExitCode::SUCCESS
        }
        Command::Migrate => runtime.block_on(async {
            match open_store(&settings).await {
                Ok(store) => {
                    let versions = store.applied_migrations().await.unwrap_or_default();
                    let path = settings.database.path.clone();
                    let app = peerlearn::app::App::new(
                        store.clone(),
                        Arc::new(settings),
                        peerlearn::clock::Clock::system(),
                        peerlearn::dice::Dice::from_entropy(),
                    );
                    // What a migration asked to count again is counted now, not at the next start.
                    let recounted = app.recount_due_totals().await;
                    store.close().await;
                    match recounted {
                        Ok(servers) => {
                            println!(
                                "database {} is up to date ({} migrations applied{})",
                                path.display(),
                                versions.len(),
                                match servers {
                                    0 => String::new(),
                                    1 => "; totals counted again for 1 server".to_string(),
                                    n => format!("; totals counted again for {n} servers"),
                                }
                            );
                            ExitCode::SUCCESS
                        }
                        Err(e) => {
                            eprintln!("peerlearn: counting the totals again failed: {e}");
                            ExitCode::from(1)
                        }
                    }
                }
                Err(code) => code,
            }
        }),
        Command::Run { emulator: true } => runtime.block_on(async {
            let store = match open_store(&settings).await {
                Ok(s) => s,
                Err(code) => return code,
            };
            match peerlearn::sandbox::run(settings, store, shutdown_signal()).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("peerlearn: {e:#}");
                    ExitCode::from(1)
                }
            }
        }),
        Command::Run { emulator: false } => {
            let Some(token) = Token::from_env() else {
                eprintln!("peerlearn: DISCORD_TOKEN is not set. Create a bot in the Discord Developer Portal (see README, \"Setting up a Discord application\") and export its token as DISCORD_TOKEN, or try the bot without Discord: peerlearn demo (a simulated team) or peerlearn run --emulator");
                return ExitCode::from(2);
            };
            runtime.block_on(async {
                let store = match open_store(&settings).await {
                    Ok(s) => s,
                    Err(code) => return code,
                };
                let settings = Arc::new(settings);
                match peerlearn::discord::run(
                    settings,
                    token,
                    store,
                    peerlearn::clock::Clock::system(),
                    peerlearn::dice::Dice::from_entropy(),
                    shutdown_signal(),
                )
                .await
                {
                    Ok(()) => {
                        tracing::info!("stopped");
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("peerlearn: {e}");
                        ExitCode::from(1)
                    }
                }
            })
        }
    }
}

/// `peerlearn fit`: fits every server with enough answers now.
async fn fit(settings: Settings) -> ExitCode {
    let store = match open_store(&settings).await {
        Ok(s) => s,
        Err(code) => return code,
    };
    let min = settings.reinforcement.fit_min_answers;
    let app = peerlearn::app::App::new(
        store.clone(),
        Arc::new(settings),
        peerlearn::clock::Clock::system(),
        peerlearn::dice::Dice::from_entropy(),
    );
    let code = match app.refit_guilds(true).await {
        Ok(reports) if reports.is_empty() => {
            println!("no server has {min} answers yet (reinforcement.fit_min_answers); the default parameters stay in use");
            ExitCode::SUCCESS
        }
        Ok(reports) => {
            for r in reports {
                let p: Vec<String> = r.parameters.iter().map(|w| format!("{w:.4}")).collect();
                println!(
                    "server {}: fitted on {} answers: {}",
                    r.guild.0,
                    r.answers,
                    p.join(", ")
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("peerlearn: fitting failed: {e}");
            ExitCode::from(1)
        }
    };
    store.close().await;
    code
}

/// `peerlearn bench`: runs the benchmarks against this very binary, prints the table and
/// writes it into the report file.
async fn bench(
    quick: bool,
    out: Option<PathBuf>,
    keep: bool,
    only: Vec<BenchPart>,
    bot_log: Option<String>,
) -> ExitCode {
    use peerlearn::bench;
    let bot_binary = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("peerlearn: cannot find this program's own file to run as the bot: {e}");
            return ExitCode::from(1);
        }
    };
    let partial = !only.is_empty();
    let out = out.or_else(|| (!quick && !partial).then(|| PathBuf::from("BENCHMARKS.md")));
    let options = bench::BenchOptions {
        sizes: if quick {
            bench::Sizes::quick()
        } else {
            bench::Sizes::full()
        },
        only: only
            .into_iter()
            .map(|p| match p {
                BenchPart::Answers => bench::Part::Answers,
                BenchPart::Day => bench::Part::Day,
                BenchPart::Queries => bench::Part::Queries,
            })
            .collect(),
        label: if quick { "quick" } else { "full" },
        bot: bench::BotCommand {
            binary: bot_binary,
            log_filter: bot_log,
        },
        work_dir: bench::default_work_dir(),
        keep,
        progress: true,
    };
    if cfg!(debug_assertions) {
        eprintln!("peerlearn: note: this is a debug build; figures are only meaningful from `cargo run --release -- bench`");
    }
    let report = match bench::run(&options).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("peerlearn: the benchmark failed: {e:#}");
            return ExitCode::from(1);
        }
    };
    print!("{}", report.render_text());
    if keep {
        println!("databases and logs kept in {}", options.work_dir.display());
    }
    if let Some(path) = out {
        let existing = std::fs::read_to_string(&path).unwrap_or_default();
        let text = bench::splice(&existing, &report.render_markdown());
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("peerlearn: cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
        println!("written to {}", path.display());
    }
    ExitCode::SUCCESS
}

/// `peerlearn eval-scheduler`: prints the comparison table; 1 when the log cannot be used.
/// `peerlearn demo --seeds A..B`: the coverage table.
fn demo_seeds(
    runtime: &tokio::runtime::Runtime,
    options: &peerlearn::demo::DemoOptions,
    seeds: &str,
    settings: Settings,
) -> ExitCode {
    use peerlearn::demo::coverage;
    let seeds = match coverage::parse_seeds(seeds) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("peerlearn: {e}");
            return ExitCode::from(2);
        }
    };
    eprintln!(
        "seed  knowledge at the start   knowledge now            what reviews caused\n      truth report [95%]       truth report [95%]       truth report [95%]"
    );
    match runtime.block_on(coverage::run_seeds(options, &seeds, settings)) {
        Ok(results) => {
            print!("{}", coverage::table(options, &results));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("peerlearn: the demo failed: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn eval_scheduler(path: &std::path::Path, train_fraction: f64) -> ExitCode {
    use peerlearn::domain::recall_eval::{evaluate, parse_log, report};
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("peerlearn: cannot read {}: {e}", path.display());
            return ExitCode::from(1);
        }
    };
    let result = parse_log(&text).and_then(|reviews| evaluate(&reviews, train_fraction));
    match result {
        Ok(evaluation) => {
            print!("{}", report(&evaluation));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("peerlearn: {}: {e}", path.display());
            ExitCode::from(1)
        }
    }
}

/// `peerlearn content validate`: 0 when every file is valid, 1 when there are problems.
fn validate_content(paths: &[PathBuf]) -> ExitCode {
    use peerlearn::domain::content::Problem;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match std::fs::read(path) {
            Err(e) => problems.push(Problem {
                file: name,
                line: None,
                field: "file".into(),
                reason: format!("cannot read it: {e}"),
            }),
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push((name, text)),
                Err(_) => problems.push(Problem {
                    file: name,
                    line: None,
                    field: "file".into(),
                    reason: "is not UTF-8 text; save it as UTF-8".into(),
                }),
            },
        }
    }
    if problems.is_empty() {
        match peerlearn::domain::content_files::parse_all(&files, &[]) {
            Ok(bundle) => {
                println!(
                    "ok: {} topics, {} questions, {} tips in {} file{}",
                    bundle.topics.len(),
                    bundle.questions.len(),
                    bundle.tips.len(),
                    files.len(),
                    if files.len() == 1 { "" } else { "s" }
                );
                return ExitCode::SUCCESS;
            }
            Err(p) => problems = p,
        }
    }
    for p in &problems {
        eprintln!("{p}");
    }
    eprintln!(
        "{} problem{} found; nothing would be imported",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    ExitCode::from(1)
}

fn config_failure(e: &ConfigError) -> ExitCode {
    eprintln!("peerlearn: bad configuration: {e}");
    ExitCode::from(2)
}

async fn open_store(settings: &Settings) -> Result<Store, ExitCode> {
    let timeout = Duration::from_millis(settings.database.busy_timeout_ms);
    Store::open(&settings.database.path, timeout)
        .await
        .map_err(|e| {
            eprintln!("peerlearn: {e}");
            ExitCode::from(1)
        })
}

fn init_logging(settings: &Settings) {
    let filter = std::env::var("RUST_LOG").unwrap_or_else(|_| settings.log.filter.clone());
    let filter = tracing_subscriber::EnvFilter::try_new(&filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr)
        .init();
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM (docker stop, systemd).
async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                .expect("SIGTERM handler");
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}
