//! Answers: members click quiz buttons, first at a steady offered rate, then as fast as the bot
//! answers them (a fixed number of members clicking again as soon as they see feedback).
//! Latency is the emulator's own measure, from sending INTERACTION_CREATE to receiving the
//! callback. Beside it, the physical reference: raw sqlx inserts into the same `answers` table
//! of the same engine with the bot's settings, one row per transaction and in batches.
//!
//! A [`Setup`] says what serves the clicks: SQLite, or Postgres with one bot process or with
//! several (one server per process, on that process's shard, the members split between them),
//! always the same clicks at the same offered rate.

use super::bot::{own_cpu_time, own_written, BotCommand, BotProcess, Serves, Written};
use super::db::{BenchDb, Databases};
use super::stats::Latencies;
use super::team::Team;
use crate::app::starter;
use crate::dice::SplitMix64;
use crate::domain::ids::GuildId;
use crate::store::sql::{query, query_scalar, Engine};
use anyhow::{bail, Context as _};
use discord_emulator::{Emulator, EmulatorOptions};
use sqlx::Row;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How big the answers benchmark is.
#[derive(Debug, Clone, Copy)]
pub struct AnswerSizes {
    pub members: usize,
    pub posts: usize,
    /// Clicks per second in the steady phase.
    pub offered_rate: f64,
    /// Clicks in the steady phase; the rest of the plan goes to the saturation phase.
    pub steady_clicks: usize,
    /// Members clicking at once in the saturation phase.
    pub saturation_workers: usize,
    /// Rows inserted for each raw sqlx figure.
    pub raw_rows: usize,
}

/// One phase's figures.
#[derive(Debug, Clone)]
pub struct Phase {
    pub clicks: usize,
    pub stored: i64,
    pub elapsed: Duration,
    pub latencies: Latencies,
    /// Clicks answered with anything but fresh feedback (✅ or ❌).
    pub not_recorded: usize,
    /// CPU time during the phase: the bot's, and this process's (emulator and members).
    pub bot_cpu: Duration,
    pub bench_cpu: Duration,
    /// What the bot wrote during the phase (its log, checkpoints, HTTP), where Linux tells.
    pub bot_written: Option<Written>,
}

impl Phase {
    pub fn stored_per_second(&self) -> f64 {
        self.stored as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// CPU time per stored answer: the bot's, and the emulator's with the members'.
    pub fn cpu_per_answer(&self) -> (Duration, Duration) {
        let per = |d: Duration| d.div_f64(self.stored.max(1) as f64);
        (per(self.bot_cpu), per(self.bench_cpu))
    }

    /// What the bot wrote per stored answer.
    pub fn written_per_answer(&self) -> Option<Written> {
        Some(self.bot_written?.per(self.stored.max(0) as u64))
    }
}

/// Raw sqlx insert rates into the `answers` table.
#[derive(Debug, Clone)]
pub struct RawRates {
    pub single_row_per_second: f64,
    /// What one row written in its own transaction wrote (to the log and, by checkpoints, to
    /// the database file), where Linux tells.
    pub single_row_written: Option<Written>,
    pub batched_per_second: f64,
    pub batch_size: usize,
    /// The server's durability settings, which set its commit rate (Postgres only).
    pub durability: Option<String>,
}

/// What the answers part runs on: an engine, and how many bot processes share it, each
/// running its shard of the servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    pub engine: Engine,
    pub processes: u32,
}

impl Setup {
    /// "SQLite", "Postgres, 2 processes".
    pub fn label(self) -> String {
        let engine = self.engine.name();
        match (self.engine, self.processes) {
            (Engine::Sqlite, _) => engine.to_string(),
            (_, 1) => format!("{engine}, 1 process"),
            (_, n) => format!("{engine}, {n} processes"),
        }
    }

    /// The name of its database and logs, e.g. `answers_postgres_2`.
    fn name(self) -> String {
        format!(
            "answers_{}_{}",
            self.engine.name().to_ascii_lowercase(),
            self.processes
        )
    }
}

#[derive(Debug, Clone)]
pub struct AnswerFigures {
    pub setup: Setup,
    pub steady: Phase,
    pub saturated: Phase,
    pub raw: RawRates,
    pub offered_rate: f64,
    pub saturation_workers: usize,
    pub deadline_misses: usize,
}

/// How the emulator reports a click not answered in time.
const MISSED_DEADLINE: &str = "not answered within 3 seconds";

/// One click a member makes: a button on a quiz post.
#[derive(Debug, Clone)]
struct Click {
    member: u64,
    message: u64,
    custom_id: String,
}

pub async fn run(
    bot_command: &BotCommand,
    dbs: &Databases,
    setup: Setup,
    sizes: AnswerSizes,
    raw: RawRates,
) -> anyhow::Result<AnswerFigures> {
    let name = setup.name();
    let db = dbs.fresh(setup.engine, &name).await?;
    let discord = Arc::new(Emulator::start(EmulatorOptions::default()).await?);
    // One server per process, on that process's shard; the members split between them, so
    // that every setup gets the same clicks.
    let total = setup.processes.max(1);
    let teams: Vec<Team> = (0..total)
        .map(|k| {
            let guild = discord.add_guild_on_shard(&format!("Acme {k}"), k, total);
            let members = sizes.members / total as usize
                + usize::from((k as usize) < sizes.members % total as usize);
            Team::in_guild(Arc::clone(&discord), guild, members, None)
        })
        .collect();
    let mut bots = Vec::new();
    for (k, team) in (0..total).zip(&teams) {
        let serves = if total == 1 {
            Serves::Guild(team.guild)
        } else {
            Serves::Shard { id: k, total }
        };
        let log = dbs.dir().join(format!("{name}-bot{k}.log"));
        bots.push(BotProcess::launch(bot_command, &discord, serves, &db, &log).await?);
    }
    let mut plan = Vec::new();
    for team in &teams {
        let posts = team.post_quizzes(sizes.posts).await?;
        for (i, member) in team.members.iter().enumerate() {
            for (j, post) in posts.iter().enumerate() {
                plan.push(Click {
                    member: *member,
                    message: post.message,
                    custom_id: post.buttons[(i + j) % post.buttons.len()].clone(),
                });
            }
        }
    }
    SplitMix64::new(9).shuffle(&mut plan);
    let steady_clicks = sizes.steady_clicks.min(plan.len() / 2);
    let (steady_plan, saturation_plan) = plan.split_at(steady_clicks);

    let reader = db.reader().await?;
    let meter = Meter::now(&bots);
    let mut steady = steady_phase(&discord, steady_plan, sizes.offered_rate, &reader).await?;
    meter.read_into(&bots, &mut steady);
    let meter = Meter::now(&bots);
    let mut saturated =
        saturation_phase(&discord, saturation_plan, sizes.saturation_workers, &reader).await?;
    meter.read_into(&bots, &mut saturated);
    if setup.engine == Engine::Postgres {
        // The bot's writes go to the server's socket; the server writes the pages.
        steady.bot_written = None;
        saturated.bot_written = None;
    }
    // Misses of the 3-second deadline show up as violations three seconds later.
    tokio::time::sleep(Duration::from_millis(3100)).await;
    let deadline_misses = discord
        .violations()
        .iter()
        .filter(|v| v.problem.starts_with(MISSED_DEADLINE))
        .count();
    teams[0].contract_kept(Some(MISSED_DEADLINE))?;
    reader.close().await;
    for bot in bots {
        bot.stop().await?;
    }
    Ok(AnswerFigures {
        setup,
        steady,
        saturated,
        raw,
        offered_rate: sizes.offered_rate,
        saturation_workers: sizes.saturation_workers,
        deadline_misses,
    })
}

/// Counters read at one moment: the CPU time used by the bot and by this process so far, and
/// what the bot has written.
struct Meter {
    bot: Duration,
    bench: Duration,
    bot_written: Option<Written>,
}

impl Meter {
    fn now(bots: &[BotProcess]) -> Meter {
        Meter {
            bot: bots.iter().map(|b| b.cpu_time().unwrap_or_default()).sum(),
            bench: own_cpu_time().unwrap_or_default(),
            bot_written: bots
                .iter()
                .map(BotProcess::written)
                .collect::<Option<Vec<Written>>>()
                .map(|w| w.into_iter().fold(Written::default(), Written::plus)),
        }
    }

    /// Puts what was used since these counters were read into `phase`.
    fn read_into(&self, bots: &[BotProcess], phase: &mut Phase) {
        let now = Meter::now(bots);
        phase.bot_cpu = now.bot.saturating_sub(self.bot);
        phase.bench_cpu = now.bench.saturating_sub(self.bench);
        phase.bot_written = now
            .bot_written
            .zip(self.bot_written)
            .map(|(n, b)| n.since(b));
    }
}

async fn stored(reader: &sqlx::AnyPool) -> anyhow::Result<i64> {
    Ok(query_scalar("SELECT COUNT(*) FROM answers")
        .fetch_one(reader)
        .await?)
}

/// Clicks sent on a fixed timetable (an open loop: a slow answer does not slow the clicks).
async fn steady_phase(
    discord: &Emulator,
    plan: &[Click],
    rate: f64,
    reader: &sqlx::AnyPool,
) -> anyhow::Result<Phase> {
    let before = stored(reader).await?;
    let period = Duration::from_secs_f64(1.0 / rate);
    let start = tokio::time::Instant::now();
    let mut sent = Vec::with_capacity(plan.len());
    for (i, c) in plan.iter().enumerate() {
        tokio::time::sleep_until(start + period.mul_f64(i as f64)).await;
        let id = discord.click(c.member, c.message, &c.custom_id)?;
        sent.push((id, Instant::now()));
    }
    collect(discord, &sent, start.into_std(), before, reader).await
}

/// `workers` members click, each as soon as the previous click was answered (a closed loop:
/// the bot's pace sets the rate).
async fn saturation_phase(
    discord: &Arc<Emulator>,
    plan: &[Click],
    workers: usize,
    reader: &sqlx::AnyPool,
) -> anyhow::Result<Phase> {
    let before = stored(reader).await?;
    let plan = Arc::new(plan.to_vec());
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..workers {
        let (discord, plan, next) = (Arc::clone(discord), Arc::clone(&plan), Arc::clone(&next));
        set.spawn(async move {
            let mut sent = Vec::new();
            while let Some(c) = plan.get(next.fetch_add(1, Ordering::Relaxed)) {
                let id = discord.click(c.member, c.message, &c.custom_id)?;
                sent.push((id, Instant::now()));
                discord.reply(id).await?;
            }
            anyhow::Ok(sent)
        });
    }
    let mut sent = Vec::with_capacity(plan.len());
    while let Some(done) = set.join_next().await {
        sent.extend(done.context("a clicking member failed")??);
    }
    collect(discord, &sent, start, before, reader).await
}

/// Waits for every answer and reads the figures: the emulator's latencies, the answers stored.
async fn collect(
    discord: &Emulator,
    sent: &[(u64, Instant)],
    start: Instant,
    before: i64,
    reader: &sqlx::AnyPool,
) -> anyhow::Result<Phase> {
    let mut latencies = Vec::with_capacity(sent.len());
    let mut end = start;
    let mut not_recorded = 0;
    for (id, at) in sent {
        let reply = discord.reply(*id).await?;
        latencies.push(reply.after);
        end = end.max(*at + reply.after);
        let text = reply.message.map(|m| m.content).unwrap_or_default();
        // Fresh feedback opens with its verdict; anything else ("You already answered",
        // "This quiz has closed", an apology) means the click was not recorded.
        let fresh = text.starts_with('✅') || text.starts_with('❌');
        if reply.callback_type != 4 || !fresh {
            not_recorded += 1;
        }
    }
    let stored = stored(reader).await? - before;
    Ok(Phase {
        clicks: sent.len(),
        stored,
        elapsed: end - start,
        latencies: Latencies::of(latencies),
        not_recorded,
        bot_cpu: Duration::ZERO,
        bench_cpu: Duration::ZERO,
        bot_written: None,
    })
}

/// Inserts `rows` answers one per transaction, then the same number in batches, into a fresh
/// database opened exactly as the bot opens its own.
pub async fn raw_rates(db: &BenchDb, rows: usize) -> anyhow::Result<RawRates> {
    let store = db.open().await?;
    let engine = store.engine();
    let begin = engine.pick("BEGIN IMMEDIATE", "BEGIN");
    let guild = GuildId(1);
    store.import_content(guild, starter::bundle(), 0).await?;
    let first = query("SELECT id, question_id FROM question_versions LIMIT 1")
        .fetch_one(store.pool())
        .await?;
    let (version, question): (i64, String) = (first.get("id"), first.get("question_id"));
    let insert =
        "INSERT INTO answers (guild_id, user_id, question_id, version_id, source, shown_ms,
                   choice, correct, latency_ms, answered_ms, local_day, points)
                  VALUES ";
    let row = "(1, ?, ?, ?, 'practice', ?, 0, 1, 900, ?, '2026-11-23', 2)";
    let written_before = own_written();
    let start = Instant::now();
    for i in 0..rows {
        let mut tx = store.writer().begin_with(begin).await?;
        query(&format!("{insert}{row}"))
            .bind(i as i64)
            .bind(&question)
            .bind(version)
            .bind(i as i64)
            .bind(i as i64)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    let single = rows as f64 / start.elapsed().as_secs_f64();
    let single_row_written = match engine {
        Engine::Sqlite => {
            // Checkpoint what the single rows left in the log, so that their figure holds
            // both writes of each page, as the bot's does.
            query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(store.writer())
                .await?;
            own_written()
                .zip(written_before)
                .map(|(now, before)| now.since(before).per(rows as u64))
        }
        // The server writes, not this process.
        Engine::Postgres => None,
    };
    let durability = match engine {
        Engine::Sqlite => None,
        Engine::Postgres => {
            let show =
                |setting: &'static str| query_scalar::<String>(setting).fetch_one(store.pool());
            Some(format!(
                "fsync {}, synchronous_commit {}",
                show("SHOW fsync").await?,
                show("SHOW synchronous_commit").await?
            ))
        }
    };

    let batch_size = 100;
    let statement = format!("{insert}{}", vec![row; batch_size].join(", "));
    let start = Instant::now();
    let mut inserted = 0;
    while inserted < rows {
        let mut tx = store.writer().begin_with(begin).await?;
        let mut q = query(&statement);
        for i in inserted..inserted + batch_size {
            let n = (rows + i) as i64;
            q = q.bind(n).bind(&question).bind(version).bind(n).bind(n);
        }
        q.execute(&mut *tx).await?;
        tx.commit().await?;
        inserted += batch_size;
    }
    let batched = inserted as f64 / start.elapsed().as_secs_f64();
    store.close().await;
    if single <= 0.0 || batched <= 0.0 {
        bail!("no raw inserts were measured");
    }
    Ok(RawRates {
        single_row_per_second: single,
        single_row_written,
        batched_per_second: batched,
        batch_size,
        durability,
    })
}
