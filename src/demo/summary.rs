//! The end of a demo: the admin asks the bot for the all-time board, the report (summary and
//! CSV) and the first member's stats; their files and the simulation's own recall chart are
//! written to the output folder; and a short printout says what happened and where it is.

use super::cast::Reminders;
use super::day::Activity;
use super::world::World;
use super::{guild_of, DemoOptions};
use crate::charts::{percent_lines, Line};
use crate::domain::quiz::percent_correct;
use crate::emulator::PostedMessage;
use serde_json::json;
use std::path::PathBuf;

/// The simulation's hidden recall of the whole question bank, averaged per group, at the start
/// and after each day: what the members really know, which the bot never sees.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecallCurve {
    /// Members with reviews on (channel or DM reminders).
    pub reviewed: Vec<f64>,
    /// Members who turned reviews off: only the daily quiz and their own practice.
    pub quiz_only: Vec<f64>,
}

impl RecallCurve {
    pub fn record(&mut self, world: &World) {
        let day = world.day_number();
        let bank: Vec<&str> = world
            .key
            .questions()
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        let mean = |off: bool| {
            let group: Vec<f64> = world
                .people
                .iter()
                .filter(|p| (p.reminders == Reminders::Off) == off)
                .map(|p| p.learner.mean_recall(bank.iter().copied(), day))
                .collect();
            group.iter().sum::<f64>() / group.len().max(1) as f64
        };
        self.reviewed.push(mean(false));
        self.quiz_only.push(mean(true));
    }
}

/// The progress bar's status text.
pub fn status(a: &Activity) -> String {
    format!(
        "{} answers, {} questions asked",
        a.quiz + a.review + a.practice,
        a.asked
    )
}

/// What a demo produced.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub days: u32,
    pub members: usize,
    pub seed: u64,
    pub period: String,
    pub reviewed_members: usize,
    pub quiz_only_members: usize,
    pub activity: Activity,
    /// From the database: (source, answers, right).
    pub answers: Vec<(String, i64, i64)>,
    /// From the database: (state, questions).
    pub asks: Vec<(String, i64)>,
    pub recall: RecallCurve,
    /// The bot's replies, as text.
    pub leaderboard: String,
    pub report: String,
    /// Files written, with what each is.
    pub files: Vec<(PathBuf, String)>,
    /// Discord contract violations the emulator saw (none expected).
    pub violations: Vec<String>,
    /// Set for `--interactive`: nothing was simulated.
    pub interactive: bool,
}

impl Summary {
    pub fn interactive(world: &World) -> Summary {
        Summary {
            members: world.people.len(),
            interactive: true,
            files: vec![(world.db_path.clone(), "the bot's database".into())],
            ..Default::default()
        }
    }

    /// Everything that must be the same when a seed is replayed.
    pub fn figures(&self) -> String {
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{}\n{}",
            self.activity, self.answers, self.asks, self.recall, self.leaderboard, self.report
        )
    }

    /// The printout.
    pub fn render(&self) -> String {
        if self.interactive {
            return format!(
                "Demo server closed. The database is at {}\n",
                self.files[0].0.display()
            );
        }
        let mut out = String::new();
        let answers = |source: &str| {
            self.answers
                .iter()
                .find(|(s, _, _)| s == source)
                .map_or((0, 0), |(_, n, r)| (*n, *r))
        };
        let asks = |state: &str| {
            self.asks
                .iter()
                .find(|(s, _)| s == state)
                .map_or(0, |(_, n)| *n)
        };
        let days = if self.days == 1 { "day" } else { "days" };
        out += &format!(
            "\npeerlearn demo: {} virtual {days} ({}), {} members, seed {}\n\n",
            self.days, self.period, self.members, self.seed
        );
        out += "What the team did (stored in the database)\n";
        for (source, label) in [
            ("channel", "daily quiz answers"),
            ("review", "review answers (spaced repetition)"),
            ("practice", "practice answers (/quiz)"),
        ] {
            let (n, right) = answers(source);
            let right = percent_correct(right, n).unwrap_or(0);
            out += &format!("  {n:>6} {label}, {right}% right\n");
        }
        let asked: i64 = self.asks.iter().map(|(_, n)| n).sum();
        out += &format!(
            "  {asked:>6} questions asked with /ask: {} answered by the team's knowledge, {} resolved by an expert, {} still open\n\n",
            asks("deflected"),
            asks("resolved"),
            asks("open") + asks("searching")
        );
        let first = |v: &[f64]| v.first().copied().unwrap_or(0.0) * 100.0;
        let last = |v: &[f64]| v.last().copied().unwrap_or(0.0) * 100.0;
        out += "What they really know (hidden recall of the starter questions; the bot never sees it)\n";
        for (group, members, values) in [
            ("with reviews", self.reviewed_members, &self.recall.reviewed),
            ("quiz only", self.quiz_only_members, &self.recall.quiz_only),
        ] {
            out += &format!(
                "  {group:<12} ({members:>2} members): {:>3.0}% on day 0 → {:>3.0}% after day {}\n",
                first(values),
                last(values),
                self.days
            );
        }
        out += "\n";
        out += "/leaderboard period:all\n";
        out += &indent(&self.leaderboard);
        out += "\n/report period:all\n";
        out += &indent(&self.report);
        out += "\nFiles\n";
        for (path, what) in &self.files {
            out += &format!("  {:<40} {what}\n", path.display());
        }
        if !self.violations.is_empty() {
            out += &format!(
                "\n{} Discord contract violations (please report them):\n",
                self.violations.len()
            );
            for v in &self.violations {
                out += &format!("  - {v}\n");
            }
        }
        out
    }
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

/// The admin's closing commands, the files, and the figures from the database.
pub async fn collect(
    world: &mut World,
    options: &DemoOptions,
    activity: Activity,
    recall: RecallCurve,
) -> anyhow::Result<Summary> {
    world.transcript.routine = true;
    world
        .transcript
        .heading("At the end: the board, the report and stats");
    let (admin, channel) = (world.admin, world.channels.admins);
    let all = [("period", json!("all"))];
    let board = world
        .command(admin, channel, "leaderboard", &all, false)
        .await?;
    let report = world.command(admin, channel, "report", &all, false).await?;
    let csv = [("period", json!("all")), ("format", json!("csv"))];
    let csv = world.command(admin, channel, "report", &csv, false).await?;
    let first = world.people[0].clone();
    let member = [("member", json!(first.user.to_string()))];
    let stats = world
        .command(admin, channel, "stats", &member, false)
        .await?;

    let mut files = vec![(
        world.db_path.clone(),
        "the bot's SQLite database".to_string(),
    )];
    files.extend(save(
        world,
        &report,
        "",
        ".png",
        "the report's trend chart (/report)",
    )?);
    files.extend(save(
        world,
        &csv,
        "",
        ".csv",
        "the report as CSV (/report format:csv)",
    )?);
    let what = format!("{}'s progress chart (/stats)", first.name);
    files.extend(save(
        world,
        &stats,
        &format!("{}-", first.name),
        ".png",
        &what,
    )?);
    let chart = recall_chart(&recall)?;
    let path = world.out.join("recall.png");
    std::fs::write(&path, chart)?;
    files.push((
        path,
        "the hidden recall, day by day, with and without reviews".into(),
    ));
    files.push((
        world.out.join("transcript.md"),
        "what everyone did and what the bot answered".into(),
    ));

    let guild = guild_of(world);
    let off = world
        .people
        .iter()
        .filter(|p| p.reminders == Reminders::Off)
        .count();
    let first_day = world.date(0);
    let last_day = world.date(options.days - 1);
    Ok(Summary {
        days: options.days,
        members: options.members,
        seed: options.seed,
        period: format!(
            "{} to {}",
            first_day.format("%a %-d %b %Y"),
            last_day.format("%a %-d %b %Y")
        ),
        reviewed_members: world.people.len() - off,
        quiz_only_members: off,
        activity,
        answers: world.store.answers_by_source(guild).await?,
        asks: world.store.asks_by_state(guild).await?,
        recall,
        leaderboard: world.readable(&board.to_text()),
        report: world.readable(&report.to_text()),
        files,
        violations: vec![],
        interactive: false,
    })
}

/// Writes a reply's attachments ending in `extension` to the output folder (names prefixed
/// with `prefix`).
fn save(
    world: &World,
    reply: &PostedMessage,
    prefix: &str,
    extension: &str,
    what: &str,
) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let mut written = Vec::new();
    for a in reply
        .attachments
        .iter()
        .filter(|a| a.filename.ends_with(extension))
    {
        let name: String = a
            .filename
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
            .collect();
        let path = world.out.join(format!("{prefix}{name}"));
        std::fs::write(&path, &a.data)?;
        written.push((path, what.to_string()));
    }
    Ok(written)
}

/// The recall curve as a PNG.
fn recall_chart(curve: &RecallCurve) -> anyhow::Result<Vec<u8>> {
    let labels: Vec<String> = (0..curve.reviewed.len()).map(|d| d.to_string()).collect();
    let line = |name: &str, values: &[f64]| Line {
        name: name.into(),
        values: values.iter().map(|v| Some(v * 100.0)).collect(),
    };
    Ok(percent_lines(
        "Hidden recall of the question bank by day",
        &labels,
        &[
            line("with reviews", &curve.reviewed),
            line("quiz only", &curve.quiz_only),
        ],
    )?)
}
