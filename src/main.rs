//! The `peerlearn` command line: run the bot, migrate the database, check the configuration,
//! validate content files; with the default `demo` feature also the demo, the benchmark and
//! `run --emulator`.
//!
//! Every command returns `Result<(), CliError>`; [`CliError::exit`] is the one place that maps
//! a failure to its exit code: 0 success, 1 a runtime failure (Discord unreachable, token
//! rejected, database error, problems in checked files), 2 a usage or configuration error.

use clap::{Parser, Subcommand};
use peerlearn::config::{ConfigError, Settings, Token};
use peerlearn::store::Store;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

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
    #[cfg(feature = "demo")]
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
        #[cfg(feature = "demo")]
        /// Serve against the bundled Discord emulator with a sample server instead of Discord
        /// (no token needed): a way to try peerlearn
        #[arg(long)]
        emulator: bool,
    },
    /// Create the database or bring its schema up to date, then exit; with --from and --to,
    /// copy a whole SQLite database into a new, empty Postgres one and check the copy
    Migrate {
        /// The database to copy: sqlite:PATH (its schema is brought up to date first)
        #[arg(long, value_name = "sqlite:PATH", requires = "to")]
        from: Option<String>,
        /// The empty Postgres database to copy into: postgres://USER:PASSWORD@HOST/DATABASE
        #[arg(long, value_name = "postgres://...", requires = "from")]
        to: Option<String>,
    },
    /// Check that a bot is serving: on SQLite, that a bot process holds the database file;
    /// on Postgres, that the database answers; prints who does the shared work (exit 1 if not
    /// healthy)
    Health,
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
        /// Time-ordered folds for the second table (2 to 10; 0 leaves it out)
        #[arg(long, default_value_t = 5, value_name = "N")]
        folds: usize,
    },
    /// Fit each server's own FSRS parameters from its answers now (servers with at least
    /// reinforcement.fit_min_answers answers); the bot also does this on its own
    Fit,
    #[cfg(feature = "demo")]
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
        /// Also measure the answers (with one and two bot processes) and the day on Postgres:
        /// an administrator's URL of a server where the run may create databases, e.g.
        /// postgres://postgres@127.0.0.1:5432/postgres (they are dropped afterwards unless --keep)
        #[arg(long, value_name = "ADMIN_URL")]
        postgres: Option<String>,
    },
    /// Work with content files (topics, questions, tips)
    Content {
        #[command(subcommand)]
        action: ContentAction,
    },
    /// Write a server's data for use elsewhere
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
}

#[derive(Subcommand)]
enum ExportWhat {
    /// A server's review log, anonymised, in the layout of the anki-revlogs-10k data set
    /// (user_id, card_id, day_offset, rating, state, duration, elapsed_days, elapsed_seconds):
    /// `eval-scheduler --log` reads it back, and srs-benchmark can too
    Revlog {
        /// The server (its Discord id)
        #[arg(long, value_name = "ID")]
        guild: u64,
        /// Where to write the CSV (default: standard output)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// A part of `peerlearn bench`.
#[cfg(feature = "demo")]
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
    /// Check content files as one import (.toml, .csv, GIFT and Aiken banks in .gift or .txt,
    /// Anki .apkg): prints what would be imported and skipped, or every problem with file, line,
    /// field and reason and exits 1
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

/// Why a command stopped without success: what to print and the exit code it means.
#[derive(Debug)]
enum CliError {
    /// A usage or configuration problem the user can fix (exit 2).
    Usage(String),
    /// A runtime failure: Discord, the database, a file (exit 1).
    Failed(String),
    /// The problems were already printed, one per line (exit 1).
    Reported,
}

impl CliError {
    /// The one mapping from a failure to what the user sees and the exit code.
    fn exit(self) -> ExitCode {
        match self {
            CliError::Usage(message) => {
                eprintln!("peerlearn: {message}");
                ExitCode::from(2)
            }
            CliError::Failed(message) => {
                eprintln!("peerlearn: {message}");
                ExitCode::from(1)
            }
            CliError::Reported => ExitCode::from(1),
        }
    }
}

impl From<ConfigError> for CliError {
    fn from(e: ConfigError) -> CliError {
        CliError::Usage(format!("bad configuration: {e}"))
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => e.exit(),
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    #[allow(unused_mut)] // only the demo and the benchmark change it
    let mut settings = Settings::load(cli.config.as_deref())?;
    #[cfg(feature = "demo")]
    if matches!(cli.command, Command::Demo { .. } | Command::Bench { .. }) {
        // The demo's output is its printout; the bot's routine log lines would hide it, and so
        // would sqlx's notes on the benchmark's seeding statements (slow by design).
        settings.log.filter = "warn,serenity=error,poise=error,sqlx::query=error".into();
    }
    init_logging(&settings);
    let runtime = tokio::runtime::Runtime::new()
        .map_err(|e| CliError::Failed(format!("cannot start the async runtime: {e}")))?;
    match cli.command {
        #[cfg(feature = "demo")]
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
            peerlearn::demo::check(&options).map_err(|e| CliError::Usage(e.to_string()))?;
            if let Some(seeds) = seeds {
                return demo_seeds(&runtime, &options, &seeds, settings);
            }
            let summary = runtime
                .block_on(peerlearn::demo::run(&options, settings))
                .map_err(|e| CliError::Failed(format!("the demo failed: {e:#}")))?;
            print!("{}", summary.render());
            Ok(())
        }
        Command::EvalScheduler {
            log,
            train_fraction,
            folds,
        } => eval_scheduler(&log, train_fraction, folds),
        Command::Fit => runtime.block_on(fit(settings)),
        Command::Health => runtime.block_on(health(settings)),
        #[cfg(feature = "demo")]
        Command::Bench {
            quick,
            out,
            keep,
            only,
            bot_log,
            postgres,
        } => runtime.block_on(bench(quick, out, keep, only, bot_log, postgres)),
        Command::Content {
            action: ContentAction::Validate { files },
        } => validate_content(&runtime, &files),
        Command::Export {
            what: ExportWhat::Revlog { guild, out },
        } => runtime.block_on(export_revlog(settings, guild, out)),
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
            Ok(())
        }
        Command::Migrate {
            from: Some(from),
            to: Some(to),
        } => runtime.block_on(copy_database(&settings, &from, &to)),
        Command::Migrate { .. } => runtime.block_on(migrate(settings)),
        #[cfg(feature = "demo")]
        Command::Run { emulator: true } => runtime.block_on(async {
            let store = open_store(&settings).await?;
            peerlearn::sandbox::run(settings, store, shutdown_signal())
                .await
                .map_err(|e| CliError::Failed(format!("{e:#}")))
        }),
        #[cfg(feature = "demo")]
        Command::Run { emulator: false } => runtime.block_on(serve(settings)),
        #[cfg(not(feature = "demo"))]
        Command::Run {} => runtime.block_on(serve(settings)),
    }
}

/// `peerlearn run`: serves Discord until a shutdown signal.
async fn serve(settings: Settings) -> Result<(), CliError> {
    let Some(token) = Token::from_env() else {
        let try_without = if cfg!(feature = "demo") {
            ", or try the bot without Discord: peerlearn demo (a simulated team) or peerlearn run --emulator"
        } else {
            ""
        };
        return Err(CliError::Usage(format!("DISCORD_TOKEN is not set. Create a bot in the Discord Developer Portal (see README, \"Setting up a Discord application\") and export its token as DISCORD_TOKEN{try_without}")));
    };
    let store = open_store(&settings).await?;
    peerlearn::discord::run(
        Arc::new(settings),
        token,
        store,
        peerlearn::clock::Clock::system(),
        peerlearn::dice::Dice::from_entropy(),
        shutdown_signal(),
    )
    .await
    .map_err(|e| CliError::Failed(e.to_string()))?;
    tracing::info!("stopped");
    Ok(())
}

/// `peerlearn migrate`: brings the schema up to date and counts what a migration asked to
/// count again.
async fn migrate(settings: Settings) -> Result<(), CliError> {
    let store = open_store(&settings).await?;
    let versions = store.applied_migrations().await.unwrap_or_default();
    let place = store.place();
    let app = peerlearn::app::App::new(
        store.clone(),
        Arc::new(settings),
        peerlearn::clock::Clock::system(),
        peerlearn::dice::Dice::from_entropy(),
    );
    // What a migration asked to count again is counted now, not at the next start.
    let recounted = app.recount_due_totals().await;
    store.close().await;
    let servers = recounted
        .map_err(|e| CliError::Failed(format!("counting the totals again failed: {e}")))?;
    println!(
        "database {} is up to date (schema version {}{})",
        place,
        versions.last().copied().unwrap_or(0),
        match servers {
            0 => String::new(),
            1 => "; totals counted again for 1 server".to_string(),
            n => format!("; totals counted again for {n} servers"),
        }
    );
    Ok(())
}

/// `peerlearn migrate --from sqlite:PATH --to postgres://...`: copies everything into the new
/// database and checks the copy.
async fn copy_database(settings: &Settings, from: &str, to: &str) -> Result<(), CliError> {
    let Some(path) = from.strip_prefix("sqlite:") else {
        return Err(CliError::Usage(format!(
            "--from takes sqlite:PATH (the SQLite file to copy), not {from:?}"
        )));
    };
    let path = path.strip_prefix("//").unwrap_or(path);
    if !std::path::Path::new(path).is_file() {
        return Err(CliError::Usage(format!("--from: there is no file {path}")));
    }
    if !(to.starts_with("postgres://") || to.starts_with("postgresql://")) {
        return Err(CliError::Usage(
            "--to takes a postgres:// URL of a new, empty database".into(),
        ));
    }
    let timeout = std::time::Duration::from_millis(settings.database.busy_timeout_ms);
    let source = Store::open(std::path::Path::new(path), timeout)
        .await
        .map_err(|e| CliError::Failed(e.to_string()))?;
    let target = Store::connect(to)
        .await
        .map_err(|e| CliError::Failed(e.to_string()))?;
    let copied = source.copy_into(&target).await;
    source.close().await;
    target.close().await;
    let copied = copied.map_err(|e| CliError::Failed(format!("nothing copied: {e}")))?;
    println!("copied {path} into {}:", target.place());
    for (table, rows) in &copied.rows {
        println!("  {table:<24} {rows:>10} rows");
    }
    for (what, total) in &copied.totals {
        println!("  {what:<32} {total:>10} (the same on both)");
    }
    println!("every table's rows and every total match the source");
    Ok(())
}

/// `peerlearn health`: whether a bot serves this database, for container health checks.
async fn health(settings: Settings) -> Result<(), CliError> {
    let store = open_store(&settings).await?;
    // On SQLite the running bot holds the file's lock: if this process can take it, no bot runs.
    let running = match store.claim_sole_bot() {
        Ok(Some(_free)) => false,
        Ok(None) | Err(_) => true,
    };
    let mut held = Vec::new();
    for work in ["scheduler", "delivery"] {
        let holder = store
            .lease_holder(work)
            .await
            .map_err(|e| CliError::Failed(format!("the database does not answer: {e}")))?;
        held.push(format!(
            "{work}: {}",
            holder.unwrap_or_else(|| "nobody now".into())
        ));
    }
    let place = store.place();
    store.close().await;
    if !running {
        return Err(CliError::Failed(format!(
            "no bot process is running on {place}"
        )));
    }
    println!("database {place} answers; {}", held.join("; "));
    Ok(())
}

/// `peerlearn fit`: fits every server with enough answers now.
/// `peerlearn export revlog`: the server's answers as an anonymous review log.
async fn export_revlog(
    settings: Settings,
    guild: u64,
    out: Option<PathBuf>,
) -> Result<(), CliError> {
    use peerlearn::domain::revlog::{revlog, to_csv};
    let store = open_store(&settings).await?;
    let events = store
        .review_events(peerlearn::domain::ids::GuildId(guild))
        .await;
    store.close().await;
    let events =
        events.map_err(|e| CliError::Failed(format!("reading the answers failed: {e}")))?;
    if events.is_empty() {
        return Err(CliError::Failed(format!(
            "server {guild} has no answers in this database"
        )));
    }
    let rows = revlog(&events);
    let csv = to_csv(&rows);
    match out {
        Some(path) => {
            std::fs::write(&path, csv)
                .map_err(|e| CliError::Failed(format!("cannot write {}: {e}", path.display())))?;
            eprintln!("{} reviews written to {}", rows.len(), path.display());
        }
        None => print!("{csv}"),
    }
    Ok(())
}

async fn fit(settings: Settings) -> Result<(), CliError> {
    let store = open_store(&settings).await?;
    let min = settings.reinforcement.fit_min_answers;
    let app = peerlearn::app::App::new(
        store.clone(),
        Arc::new(settings),
        peerlearn::clock::Clock::system(),
        peerlearn::dice::Dice::from_entropy(),
    );
    let fitted = app.refit_guilds(true).await;
    store.close().await;
    let reports = fitted.map_err(|e| CliError::Failed(format!("fitting failed: {e}")))?;
    if reports.is_empty() {
        println!("no server has {min} answers yet (reinforcement.fit_min_answers); the default parameters stay in use");
    }
    for r in reports {
        let p: Vec<String> = r.parameters.iter().map(|w| format!("{w:.4}")).collect();
        println!(
            "server {}: fitted on {} answers: {}\n  {}",
            r.guild.0,
            r.answers,
            p.join(", "),
            r.describe_answer_time()
        );
    }
    Ok(())
}

/// `peerlearn bench`: runs the benchmarks against this very binary, prints the table and
/// writes it into the report file.
#[cfg(feature = "demo")]
async fn bench(
    quick: bool,
    out: Option<PathBuf>,
    keep: bool,
    only: Vec<BenchPart>,
    bot_log: Option<String>,
    postgres: Option<String>,
) -> Result<(), CliError> {
    use peerlearn::bench;
    let bot_binary = std::env::current_exe().map_err(|e| {
        CliError::Failed(format!(
            "cannot find this program's own file to run as the bot: {e}"
        ))
    })?;
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
        postgres,
    };
    if cfg!(debug_assertions) {
        eprintln!("peerlearn: note: this is a debug build; figures are only meaningful from `cargo run --release -- bench`");
    }
    let report = bench::run(&options)
        .await
        .map_err(|e| CliError::Failed(format!("the benchmark failed: {e:#}")))?;
    print!("{}", report.render_text());
    if keep {
        println!("databases and logs kept in {}", options.work_dir.display());
    }
    if let Some(path) = out {
        let existing = std::fs::read_to_string(&path).unwrap_or_default();
        let text = bench::splice(&existing, &report.render_markdown());
        std::fs::write(&path, text)
            .map_err(|e| CliError::Failed(format!("cannot write {}: {e}", path.display())))?;
        println!("written to {}", path.display());
    }
    Ok(())
}

/// `peerlearn demo --seeds A..B`: the coverage table.
#[cfg(feature = "demo")]
fn demo_seeds(
    runtime: &tokio::runtime::Runtime,
    options: &peerlearn::demo::DemoOptions,
    seeds: &str,
    settings: Settings,
) -> Result<(), CliError> {
    use peerlearn::demo::coverage;
    let seeds = coverage::parse_seeds(seeds).map_err(|e| CliError::Usage(e.to_string()))?;
    eprintln!(
        "seed  knowledge at the start   knowledge now            what reviews caused\n      truth report [95%]       truth report [95%]       truth report [95%]"
    );
    let results = runtime
        .block_on(coverage::run_seeds(options, &seeds, settings))
        .map_err(|e| CliError::Failed(format!("the demo failed: {e:#}")))?;
    print!("{}", coverage::table(options, &results));
    Ok(())
}

/// `peerlearn eval-scheduler`: prints the comparison table, then the folds' table; 1 when the
/// log cannot be used.
fn eval_scheduler(
    path: &std::path::Path,
    train_fraction: f64,
    folds: usize,
) -> Result<(), CliError> {
    use peerlearn::domain::recall_eval::{
        evaluate, evaluate_folds, fold_report, parse_log, report,
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::Failed(format!("cannot read {}: {e}", path.display())))?;
    let failed = |e: String| CliError::Failed(format!("{}: {e}", path.display()));
    let reviews = parse_log(&text).map_err(failed)?;
    print!(
        "{}",
        report(&evaluate(&reviews, train_fraction).map_err(failed)?)
    );
    if folds > 0 {
        println!();
        print!(
            "{}",
            fold_report(&evaluate_folds(&reviews, folds).map_err(failed)?)
        );
    }
    Ok(())
}

/// `peerlearn content validate`: fine when every file is valid, else every problem printed.
fn validate_content(runtime: &tokio::runtime::Runtime, paths: &[PathBuf]) -> Result<(), CliError> {
    use peerlearn::domain::content::{describe_skipped, Bundle, Problem};
    use peerlearn::domain::content_files::{parse_all, parse_package, Format};
    let mut files = Vec::new();
    let mut problems = Vec::new();
    // Anki packages are read on their own (they are not text); the rest as one import.
    let mut bundle = Bundle::default();
    let cannot = |name: &str, reason: String| Problem {
        file: name.to_string(),
        line: None,
        field: "file".into(),
        reason,
    };
    for path in paths {
        let name = path.display().to_string();
        match std::fs::read(path) {
            Err(e) => problems.push(cannot(&name, format!("cannot read it: {e}"))),
            Ok(bytes) if Format::from_name(&name) == Some(Format::Apkg) => {
                let read = runtime.block_on(peerlearn::store::anki::read_package(
                    &bytes,
                    peerlearn::i18n::Lang::En,
                ));
                match read.map(|notes| parse_package(&name, &notes, &[], peerlearn::i18n::Lang::En))
                {
                    Err(reason) => problems.push(cannot(&name, reason)),
                    Ok(Err(p)) => problems.extend(p),
                    Ok(Ok(b)) => bundle.extend(b),
                }
            }
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push((name, text)),
                Err(_) => {
                    problems.push(cannot(&name, "is not UTF-8 text; save it as UTF-8".into()))
                }
            },
        }
    }
    if problems.is_empty() {
        let texts = match files.is_empty() {
            true => Ok(Bundle::default()),
            false => parse_all(&files, &[]),
        };
        match texts {
            Ok(texts) => {
                bundle.extend(texts);
                println!(
                    "ok: {} topics, {} questions, {} tips, {} flashcards in {} file{}",
                    bundle.topics.len(),
                    bundle.questions.len(),
                    bundle.tips.len(),
                    bundle.cards.len(),
                    paths.len(),
                    if paths.len() == 1 { "" } else { "s" }
                );
                if let Some(skipped) = describe_skipped(&bundle.skipped, peerlearn::i18n::Lang::En)
                {
                    println!("{skipped} (left out: chat cannot ask or show these)");
                }
                return Ok(());
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
    Err(CliError::Reported)
}

async fn open_store(settings: &Settings) -> Result<Store, CliError> {
    Store::open_configured(&settings.database)
        .await
        .map_err(|e| CliError::Failed(e.to_string()))
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
