//! The end of a demo: the admin asks the bot for the all-time board, the report (summary and
//! CSV) and the first member's stats; their files and the simulation's own recall chart are
//! written to the output folder; and a short printout says what happened and where it is.

use super::day::Activity;
use super::world::World;
use super::{guild_of, DemoOptions};
use crate::charts::{percent_lines, Line};
use crate::domain::cards::CardTotals;
use crate::domain::quiz::percent_correct;
use discord_emulator::PostedMessage;
use serde_json::json;
use std::path::PathBuf;

/// The simulation's hidden recall of the whole question bank, per member (in the order of
/// `world.people`), at the start and after each day: what the members really know, which the
/// bot never sees. The experiment's arms are known only at the end (newcomers are drawn as
/// they arrive), so groups are averaged then.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecallCurve {
    pub days: Vec<Vec<f64>>,
    /// Each member's arm: `Some(true)` held out, `Some(false)` reviewed, `None` never assigned
    /// (never had a review due while the experiment ran). Set at the end.
    pub arms: Vec<Option<bool>>,
}

/// Each member's hidden recall of the bank now.
fn recall_now(world: &World) -> Vec<f64> {
    let day = world.day_number();
    let bank: Vec<&str> = world
        .key
        .questions()
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    world
        .people
        .iter()
        .map(|p| p.learner.mean_recall(bank.iter().copied(), day))
        .collect()
}

impl RecallCurve {
    pub fn record(&mut self, world: &World) {
        self.days.push(recall_now(world));
    }

    /// The mean of the members `arm` picks (`None`: everyone) in one day's recalls.
    fn mean(&self, recalls: &[f64], arm: Option<bool>) -> f64 {
        let picked: Vec<f64> = recalls
            .iter()
            .enumerate()
            .filter(|(i, _)| arm.is_none() || self.arms.get(*i).copied().flatten() == arm)
            .map(|(_, r)| *r)
            .collect();
        picked.iter().sum::<f64>() / picked.len().max(1) as f64
    }

    /// A group's mean, day by day.
    pub fn series(&self, arm: Option<bool>) -> Vec<f64> {
        self.days.iter().map(|d| self.mean(d, arm)).collect()
    }

    /// Members in an arm.
    pub fn members(&self, arm: bool) -> usize {
        self.arms.iter().filter(|a| **a == Some(arm)).count()
    }
}

/// A figure of the report with its 95% interval, as fractions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Measured {
    pub estimate: f64,
    pub ci_low: f64,
    pub ci_high: f64,
}

impl Measured {
    pub fn covers(&self, truth: f64) -> bool {
        self.ci_low <= truth && truth <= self.ci_high
    }
}

/// The report's honest figures beside the hidden truth (`summary.json`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Check {
    pub truth_start: f64,
    pub truth_end: f64,
    pub truth_uplift: f64,
    pub knowledge_start: Option<Measured>,
    pub knowledge_end: Option<Measured>,
    pub uplift: Option<Measured>,
}

/// Reads a figure of `/report format:csv` (topic `""`): the row with `metric` whose group
/// starts with `group`, as fractions.
pub fn csv_figure(csv: &str, metric: &str, group: &str) -> Option<Measured> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().ok()?.clone();
    let at = |name: &str| headers.iter().position(|h| h == name);
    let (m, t, g, v, lo, hi) = (
        at("metric")?,
        at("topic")?,
        at("group")?,
        at("value")?,
        at("ci_low")?,
        at("ci_high")?,
    );
    reader.records().flatten().find_map(|r| {
        if r.get(m)? != metric || !r.get(t)?.is_empty() || !r.get(g)?.starts_with(group) {
            return None;
        }
        let number = |i: usize| r.get(i)?.parse::<f64>().ok().map(|x| x / 100.0);
        Some(Measured {
            estimate: number(v)?,
            ci_low: number(lo)?,
            ci_high: number(hi)?,
        })
    })
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
    pub holdout_members: usize,
    pub activity: Activity,
    /// From the database: (source, answers, right).
    pub answers: Vec<(String, i64, i64)>,
    /// From the database: (state, questions).
    pub asks: Vec<(String, i64)>,
    pub recall: RecallCurve,
    /// The report's knowledge and uplift beside the hidden truth.
    pub check: Check,
    /// The bot's replies, as text.
    pub leaderboard: String,
    pub report: String,
    /// Answers that teach: the answer cards, and the content requests (`/content requests`
    /// at the end, and how many groups it found over the whole run).
    pub cards: CardTotals,
    pub content_requests: usize,
    pub requests: String,
    /// Personal learning that acts: refresher topic-days and topics, inferred experts at the
    /// end (member and topic), pairings made and talked.
    pub refreshers: (i64, i64),
    pub inferred_experts: usize,
    pub pairings: (usize, usize),
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
            "{:?}\n{:?}\n{:?}\n{:?}\n{}\n{}\n{:?}\n{}",
            self.activity,
            self.answers,
            self.asks,
            self.recall,
            self.leaderboard,
            self.report,
            self.cards,
            self.requests
        ) + &format!(
            "\n{:?} {} {:?}",
            self.refreshers, self.inferred_experts, self.pairings
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
            "  {asked:>6} questions asked with /ask: {} answered by the team's knowledge, {} resolved by an expert, {} followed an open one, {} still open\n\n",
            asks("deflected"),
            asks("resolved"),
            asks("followed"),
            asks("open") + asks("searching")
        );
        out +=
            "Answers that teach (the loop: ask → answer → card → verification; gaps → content)\n";
        let c = &self.cards;
        out += &format!(
            "  {:>6} cards made from accepted answers, given {} times (askers, members they helped, followers)\n",
            c.made, c.given
        );
        out += &format!(
            "  {:>6} flashcard self-grades in reviews and /quiz, {}% \"I knew it\" (not counted as answers)\n",
            c.grades,
            percent_correct(c.knew, c.grades).unwrap_or(0)
        );
        out += &format!(
            "  {:>6} content requests: questions the knowledge base could not answer, grouped (/content requests)\n\n",
            self.content_requests
        );
        out += "Learning that acts on what it knows\n";
        out += &format!(
            "  {:>6} refresher topic-days on {} topics (the team's forecast fell below its target)\n",
            self.refreshers.0, self.refreshers.1
        );
        out += &format!(
            "  {:>6} inferred experts at the end (members and topics; routed to when no enrolled expert is free)\n",
            self.inferred_experts
        );
        out += &format!(
            "  {:>6} peer pairings made, {} talked\n\n",
            self.pairings.0, self.pairings.1
        );
        let first = |v: &[f64]| v.first().copied().unwrap_or(0.0) * 100.0;
        let last = |v: &[f64]| v.last().copied().unwrap_or(0.0) * 100.0;
        out += "What they really know (hidden recall of the starter questions; the bot never sees it)\n";
        for (group, members, values) in [
            (
                "reviewed",
                self.reviewed_members,
                &self.recall.series(Some(false)),
            ),
            (
                "holdout",
                self.holdout_members,
                &self.recall.series(Some(true)),
            ),
        ] {
            out += &format!(
                "  {group:<9} ({members:>2} members): {:>3.0}% on day 0 → {:>3.0}% after day {}\n",
                first(values),
                last(values),
                self.days
            );
        }
        out += "\n";
        out += &self.check_table();
        out += "\n";
        out += "/leaderboard period:all\n";
        out += &indent(&self.leaderboard);
        out += "\n/report period:all\n";
        out += &indent(&self.report);
        out += "\n/content requests\n";
        out += &indent(&self.requests);
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

impl Summary {
    /// The report's honest figures beside the hidden truth.
    fn check_table(&self) -> String {
        let c = &self.check;
        let pct = |m: Option<Measured>, points: bool| match m {
            None => "not enough data".to_string(),
            Some(m) if points => format!(
                "{:+.0} points [{:+.0}, {:+.0}]",
                m.estimate * 100.0,
                m.ci_low * 100.0,
                m.ci_high * 100.0
            ),
            Some(m) => format!(
                "{:.0}% [{:.0}%, {:.0}%]",
                m.estimate * 100.0,
                m.ci_low * 100.0,
                m.ci_high * 100.0
            ),
        };
        let mut out = String::from(
            "The report beside the hidden truth (/report period:all; [95% interval])\n",
        );
        for (label, m, truth, points) in [
            (
                "knowledge at the start",
                c.knowledge_start,
                c.truth_start,
                false,
            ),
            ("knowledge now", c.knowledge_end, c.truth_end, false),
            ("what reviews caused", c.uplift, c.truth_uplift, true),
        ] {
            let truth = if points {
                format!("{:+.0} points", truth * 100.0)
            } else {
                format!("{:.0}%", truth * 100.0)
            };
            out += &format!(
                "  {label:<24} report {:<28} truth {truth}\n",
                pct(m, points)
            );
        }
        out
    }

    /// `summary.json`: the run, the hidden truth and what the report measured (fractions).
    pub fn json(&self) -> serde_json::Value {
        let c = &self.check;
        let m = |x: Option<Measured>| {
            x.map_or(
                serde_json::Value::Null,
                |m| json!({"estimate": m.estimate, "ci_low": m.ci_low, "ci_high": m.ci_high}),
            )
        };
        json!({
            "seed": self.seed,
            "days": self.days,
            "members": self.members,
            "truth": {
                "knowledge_start": c.truth_start,
                "knowledge_end": c.truth_end,
                "uplift": c.truth_uplift,
            },
            "measured": {
                "knowledge_start": m(c.knowledge_start),
                "knowledge_end": m(c.knowledge_end),
                "uplift": m(c.uplift),
            },
            "arms": {"reviewed": self.reviewed_members, "holdout": self.holdout_members},
            "loop": {
                "cards_from_answers": self.cards.made,
                "cards_given": self.cards.given,
                "card_grades": self.cards.grades,
                "content_requests": self.content_requests,
                "refreshers": self.refreshers.0,
                "refresher_topics": self.refreshers.1,
                "inferred_experts": self.inferred_experts,
                "pairings": self.pairings.0,
                "pairings_done": self.pairings.1,
            },
        })
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
    // The next morning: the bot has counted the last day into its daily figures.
    world.at(options.days, 7, 0).await?;
    world
        .transcript
        .heading("At the end: the board, the report and stats");
    let mut recall = recall;
    world.load_holdout().await?;
    recall.arms = world
        .people
        .iter()
        .map(|p| world.holdout.get(&p.user).copied())
        .collect();
    let now = RecallCurve {
        days: vec![recall_now(world)],
        arms: recall.arms.clone(),
    };
    let (truth_end, reviewed_end, holdout_end) = (
        now.mean(&now.days[0], None),
        now.mean(&now.days[0], Some(false)),
        now.mean(&now.days[0], Some(true)),
    );
    let (admin, channel) = (world.admin, world.channels.admins);
    let all = [("period", json!("all"))];
    let board = world
        .command(admin, channel, "leaderboard", &all, false)
        .await?;
    let report = world.command(admin, channel, "report", &all, false).await?;
    let csv = [("period", json!("all")), ("format", json!("csv"))];
    let csv = world.command(admin, channel, "report", &csv, false).await?;
    // Back to the first day (the morning after the last one is "today").
    let days = [("days", json!((options.days + 1).clamp(1, 365)))];
    let requests = world
        .command(admin, channel, "content requests", &days, false)
        .await?;
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
        "trend.png",
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
    files.extend(save(
        world,
        &report,
        "",
        "knowledge.png",
        "the report's knowledge chart: checks week by week, with 95% intervals",
    )?);
    let chart = recall_chart(&recall)?;
    let path = world.out.join("recall.png");
    std::fs::write(&path, chart)?;
    files.push((
        path,
        "the hidden recall, day by day, reviewed and holdout arms".into(),
    ));
    files.push((
        world.out.join("transcript.md"),
        "what everyone did and what the bot answered".into(),
    ));

    let csv_text = csv
        .attachments
        .iter()
        .find(|a| a.filename.ends_with(".csv"))
        .map(|a| String::from_utf8_lossy(&a.data).into_owned())
        .unwrap_or_default();
    let check = Check {
        truth_start: recall.series(None).first().copied().unwrap_or(0.0),
        truth_end,
        truth_uplift: reviewed_end - holdout_end,
        knowledge_start: csv_figure(&csv_text, "knowledge_start_pct", "all"),
        knowledge_end: csv_figure(&csv_text, "knowledge_now_pct", "all"),
        uplift: csv_figure(&csv_text, "uplift_points", "experiment:"),
    };
    let guild = guild_of(world);
    let (reviewed, held) = (recall.members(false), recall.members(true));
    let gaps = world.store.gap_asks(guild, 0, i64::MAX).await?;
    // The demo's team speaks English.
    let content_requests =
        crate::domain::gaps::content_requests(&gaps, crate::i18n::Lang::En).len();
    let refreshers = world.store.refresher_days(guild, world.date(0)).await?;
    let inferred_experts = inferred_experts(world, options).await?;
    let pairings = world.store.pairings_since(guild, 0).await?;
    let pairings = (pairings.len(), pairings.iter().filter(|p| p.talked).count());
    let first_day = world.date(0);
    let last_day = world.date(options.days - 1);
    let mut summary = Summary {
        days: options.days,
        members: options.members,
        seed: options.seed,
        period: format!(
            "{} to {}",
            first_day.format("%a %-d %b %Y"),
            last_day.format("%a %-d %b %Y")
        ),
        reviewed_members: reviewed,
        holdout_members: held,
        activity,
        answers: world.store.answers_by_source(guild).await?,
        asks: world.store.asks_by_state(guild).await?,
        recall,
        check,
        leaderboard: world.readable(&board.to_text()),
        report: world.readable(&report.to_text()),
        cards: world.store.card_totals(guild).await?,
        refreshers,
        inferred_experts,
        pairings,
        content_requests,
        requests: world.readable(&requests.to_text()),
        files,
        violations: vec![],
        interactive: false,
    };
    let path = world.out.join("summary.json");
    std::fs::write(&path, format!("{:#}\n", summary.json()))?;
    summary.files.push((
        path,
        "the report's knowledge and uplift beside the hidden truth (fractions)".into(),
    ));
    Ok(summary)
}

/// How many (member, topic) are inferred experts the morning after the last day, by the rule
/// the bot routes with (`domain::expertise`), on the guild's own memory model.
async fn inferred_experts(world: &World, options: &DemoOptions) -> anyhow::Result<usize> {
    let guild = guild_of(world);
    let model = match world.store.guild_parameters(guild).await? {
        Some(f) => f.model(),
        None => crate::domain::memory::MemoryModel::default(),
    };
    let today = world.date(options.days);
    let now_ms = world.clock.now_ms();
    let mut n = 0;
    for (topic, _) in world.store.topics(guild).await? {
        let facts = world.store.expertise_facts(guild, &topic).await?;
        let evidence = crate::domain::expertise::evidence(
            &topic,
            &facts,
            |m| model.recall(m, today),
            now_ms,
            world.verification_days,
        );
        n += crate::domain::expertise::TopicExpertise { facts, evidence }
            .inferred()
            .count();
    }
    Ok(n)
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
    let labels: Vec<String> = (0..curve.days.len()).map(|d| d.to_string()).collect();
    let line = |name: &str, values: &[f64]| Line {
        name: name.into(),
        values: values.iter().map(|v| Some(v * 100.0)).collect(),
    };
    Ok(percent_lines(
        "Hidden recall of the question bank by day",
        &labels,
        &[
            line("reviewed arm", &curve.series(Some(false))),
            line(
                "holdout arm (no review reminders)",
                &curve.series(Some(true)),
            ),
        ],
    )?)
}
