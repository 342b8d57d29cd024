//! `peerlearn demo`: the whole product without a Discord token. The bundled Discord emulator
//! hosts a demo server; the real bot connects to it with a fresh SQLite file and a virtual
//! clock; an admin sets everything up with slash commands; then a simulated team lives N
//! virtual days (a few seconds each): members answer quizzes and reviews with buttons as their
//! hidden memory lets them ([`learner`]), practise, ask questions, experts reply in threads and
//! askers mark the answers. At the end the admin asks for the board, the report and a member's
//! stats, and the files land in the output folder.
//!
//! The same seed replays the same run: the team is drawn from it, the bot's own chance
//! ([`crate::dice::Dice`]) is seeded with it, and the clock only moves when the simulation
//! has waited for the bot to catch up.

pub mod cast;
pub mod coverage;
mod day;
pub mod key;
pub mod learner;
mod progress;
mod qa;
mod repl;
pub mod script;
mod setup;
mod summary;
mod transcript;
mod world;

pub use summary::{Check, Measured, Summary};

use crate::config::Settings;
use crate::dice::SplitMix64;
use crate::domain::ids::GuildId;
use std::path::PathBuf;

/// What `peerlearn demo` was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoOptions {
    pub days: u32,
    pub members: usize,
    pub seed: u64,
    pub out: PathBuf,
    /// Stop after the setup and take commands from stdin.
    pub interactive: bool,
    /// Draw the progress bar (when stderr is a terminal).
    pub progress: bool,
}

/// The limits of a demo, with the reason in the message.
pub fn check(options: &DemoOptions) -> Result<(), String> {
    if !(1..=365).contains(&options.days) {
        return Err(format!(
            "--days must be 1 to 365 (a year of virtual time); got {}",
            options.days
        ));
    }
    if !(2..=500).contains(&options.members) {
        return Err(format!(
            "--members must be 2 to 500 (two role tracks need a member each); got {}",
            options.members
        ));
    }
    Ok(())
}

/// Runs the demo; returns what to print.
pub async fn run(options: &DemoOptions, settings: Settings) -> anyhow::Result<Summary> {
    check(options).map_err(anyhow::Error::msg)?;
    let mut rng = SplitMix64::new(options.seed);
    let key = key::AnswerKey::starter();
    let bank: Vec<(String, String)> = key
        .questions()
        .iter()
        .map(|q| (q.id.clone(), q.topic.clone()))
        .collect();
    let people = cast::draw(options.members, &mut rng, &bank);
    let mut world = world::World::start(options, settings, people).await?;
    setup::configure(&mut world, options.days.div_ceil(7)).await?;
    if options.interactive {
        let result = repl::run(&mut world).await;
        world.stop().await?;
        result?;
        return Ok(Summary::interactive(&world));
    }

    let bar = progress::Progress::new(options.days as usize, options.progress);
    let mut desk = qa::Desk::new();
    let mut activity = day::Activity::default();
    let mut recall = summary::RecallCurve::default();
    recall.record(&world);
    for n in 0..options.days {
        bar.show(n as usize, &summary::status(&activity));
        activity += day::live(&mut world, n, &mut rng, &mut desk).await?;
        recall.record(&world);
        // The first day in full; afterwards, the questions and the admins' commands.
        world.transcript.routine = false;
    }
    bar.show(options.days as usize, &summary::status(&activity));
    bar.finish();

    let summary = summary::collect(&mut world, options, activity, recall).await;
    let violations = world.discord.violations();
    world.stop().await?;
    let mut summary = summary?;
    summary.violations = violations.iter().map(|v| v.to_string()).collect();
    Ok(summary)
}

/// The demo server's id in the database.
fn guild_of(world: &world::World) -> GuildId {
    GuildId(world.guild)
}
