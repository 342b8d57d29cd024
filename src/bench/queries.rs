//! Queries at scale: a server with a long history ([`super::seed`]) and the commands people
//! run against it, timed as the member sees them: from the emulator sending the command to the
//! finished answer (for a deferred command, the filled-in response).

use super::bot::{BotCommand, BotProcess, Serves};
use super::db::BenchDb;
use super::seed::{self, SeedSizes, Seeded};
use super::stats::Latencies;
use super::team::Team;
use crate::store::sql::query_scalar;
use anyhow::bail;
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct QuerySizes {
    pub seed: SeedSizes,
    /// Times each command is run (by different members).
    pub runs: usize,
}

/// How long a command may take before the benchmark gives up on it.
pub const GIVE_UP_AFTER: Duration = Duration::from_secs(60);

/// One command's timings.
#[derive(Debug, Clone)]
pub struct CommandTiming {
    pub label: &'static str,
    /// Empty when the command did not finish within [`GIVE_UP_AFTER`].
    pub latencies: Latencies,
    /// The target for p50, in milliseconds (`None`: no target).
    pub target_ms: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct QueryFigures {
    pub seeded: Seeded,
    pub members: usize,
    /// How long after its launch the bot had computed the day's report figures in the
    /// background (the commands are timed after that).
    pub daily_figures: Duration,
    pub commands: Vec<CommandTiming>,
}

/// A command to time: its label, name, options, whether an admin runs it, and the target.
struct Probe {
    label: &'static str,
    name: &'static str,
    options: Vec<(&'static str, Value)>,
    admin: bool,
    target_ms: Option<f64>,
    /// At most this many runs (a report reads the whole history each time).
    max_runs: usize,
}

fn probes() -> Vec<Probe> {
    let probe = |label, name, options, admin, target_ms| Probe {
        label,
        name,
        options,
        admin,
        target_ms,
        max_runs: usize::MAX,
    };
    vec![
        probe(
            "/leaderboard (this week)",
            "leaderboard",
            vec![],
            false,
            Some(5.0),
        ),
        probe(
            "/leaderboard period:all",
            "leaderboard",
            vec![("period", json!("all"))],
            false,
            Some(5.0),
        ),
        probe("/stats", "stats", vec![], false, Some(5.0)),
        Probe {
            max_runs: 5,
            ..probe("/report (this month)", "report", vec![], true, Some(200.0))
        },
        probe(
            "/kb search",
            "kb search",
            vec![("query", json!("vpn password reset"))],
            false,
            None,
        ),
    ]
}

pub async fn run(
    bot_command: &BotCommand,
    dir: &Path,
    sizes: QuerySizes,
) -> anyhow::Result<QueryFigures> {
    // The members who run commands are the seeded ones with the most answers.
    let team = Team::start(sizes.runs, Some(seed::FIRST_MEMBER)).await?;
    let db = dir.join("queries.db");
    let seeded = seed::seed(&db, team.guild, sizes.seed).await?;
    let launched = Instant::now();
    let bot = BotProcess::launch(
        bot_command,
        &team.discord,
        Serves::Guild(team.guild),
        &BenchDb::Sqlite(db.clone()),
        &dir.join("queries-bot.log"),
    )
    .await?;
    let daily_figures = daily_figures_ready(&db, team.guild, launched).await?;
    let mut commands = Vec::new();
    for p in probes() {
        // One untimed run warms the bot's statement cache and the page cache (and tells
        // whether the command finishes at all).
        let first = if p.admin { team.admin } else { team.members[0] };
        let mut samples = Vec::new();
        if time_command(&team, first, &p).await?.is_some() {
            for i in 0..sizes.runs.min(p.max_runs) {
                let user = if p.admin {
                    team.admin
                } else {
                    team.members[i % team.members.len()]
                };
                match time_command(&team, user, &p).await? {
                    Some(took) => samples.push(took),
                    None => break,
                }
            }
        }
        commands.push(CommandTiming {
            label: p.label,
            latencies: Latencies::of(samples),
            target_ms: p.target_ms,
        });
    }
    team.contract_kept(None)?;
    bot.stop().await?;
    Ok(QueryFigures {
        seeded,
        members: sizes.seed.members,
        daily_figures,
        commands,
    })
}

/// Waits until the bot has computed the day's report figures, which it starts in the
/// background when it starts; returns the time since `launched`.
async fn daily_figures_ready(db: &Path, guild: u64, launched: Instant) -> anyhow::Result<Duration> {
    let pool = super::read_only(db).await?;
    loop {
        let kept: Option<i64> =
            query_scalar("SELECT computed_ms FROM daily_figures WHERE guild_id = ?")
                .bind(guild as i64)
                .fetch_optional(&pool)
                .await?;
        if kept.is_some() {
            pool.close().await;
            return Ok(launched.elapsed());
        }
        if launched.elapsed() > GIVE_UP_AFTER {
            bail!("the bot had not computed the day's report figures after {GIVE_UP_AFTER:?}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// How long the command took as the member saw it; `None` if it had not finished after
/// [`GIVE_UP_AFTER`].
async fn time_command(team: &Team, user: u64, p: &Probe) -> anyhow::Result<Option<Duration>> {
    let start = Instant::now();
    let id = team.discord.slash(team.channel, user, p.name, &p.options)?;
    let Ok(reply) = team.discord.reply_within(id, GIVE_UP_AFTER).await else {
        return Ok(None);
    };
    let took = start.elapsed();
    let text = reply.message.map(|m| m.content).unwrap_or_default();
    if text.starts_with("Sorry") {
        bail!("{} failed: {text}", p.label);
    }
    Ok(Some(took))
}
