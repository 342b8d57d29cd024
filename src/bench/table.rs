//! The benchmark report: every figure beside its limit or target, with whether it was met,
//! as a terminal table and as `BENCHMARKS.md`.

use super::answers::{AnswerFigures, Phase, RawRates};
use super::bot::Written;
use super::day::{DayFigures, GLOBAL_LIMIT_PER_SECOND};
use super::machine::Machine;
use super::queries::{QueryFigures, GIVE_UP_AFTER};
use super::stats::millis;
use crate::store::sql::Engine;
use std::time::Duration;

/// Whether a figure meets its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Met,
    Missed,
    /// A reference figure, with no target of its own.
    Info,
}

impl Verdict {
    fn of(met: bool) -> Verdict {
        if met {
            Verdict::Met
        } else {
            Verdict::Missed
        }
    }

    fn mark(self) -> &'static str {
        match self {
            Verdict::Met => "✓",
            Verdict::Missed => "✗",
            Verdict::Info => "",
        }
    }
}

/// A figure in one column of a row, with whether it meets the row's target.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub text: String,
    pub verdict: Verdict,
}

/// One row: what was measured, its figure in each of the section's columns, the limit or
/// target beside them.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub measure: String,
    pub figures: Vec<Figure>,
    pub limit: String,
}

/// A titled group of rows; `columns` names what each figure ran on (e.g. "SQLite",
/// "Postgres, 2 processes").
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub columns: Vec<String>,
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub machine: Machine,
    pub label: String,
    pub took: Duration,
    pub sections: Vec<Section>,
}

fn figure(text: impl Into<String>, verdict: Verdict) -> Figure {
    Figure {
        text: text.into(),
        verdict,
    }
}

/// A row with one figure per run: `judge` gives each run's figure.
fn across<T>(
    runs: &[T],
    measure: impl Into<String>,
    limit: impl Into<String>,
    judge: impl Fn(&T) -> Figure,
) -> Line {
    Line {
        measure: measure.into(),
        figures: runs.iter().map(judge).collect(),
        limit: limit.into(),
    }
}

/// "12,345"
fn thousands(n: f64) -> String {
    let digits = format!("{:.0}", n.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The answers part, one column per setup; every setup ran the same clicks.
pub fn answers(runs: &[AnswerFigures]) -> Section {
    let Some(a) = runs.first() else {
        return section("Answers", vec![], vec![]);
    };
    let info = |text: String| figure(text, Verdict::Info);
    let saturated = |r: &AnswerFigures| r.saturated.stored_per_second();
    let lines = vec![
        across(
            runs,
            "Raw sqlx insert, 1 row per transaction",
            "reference: one commit (and disk sync) per row, on the column's engine",
            |r| {
                info(match &r.raw.durability {
                    Some(d) => format!("{} rows/s ({d})", thousands(r.raw.single_row_per_second)),
                    None => format!("{} rows/s", thousands(r.raw.single_row_per_second)),
                })
            },
        ),
        across(
            runs,
            format!("Raw sqlx insert, {} rows per transaction", a.raw.batch_size),
            "reference: the ceiling of batching",
            |r| info(format!("{} rows/s", thousands(r.raw.batched_per_second))),
        ),
        across(
            runs,
            format!(
                "Steady: {} clicks offered at {}/s",
                thousands(a.steady.clicks as f64),
                thousands(a.offered_rate)
            ),
            format!(
                "the offered {}/s, every click stored",
                thousands(a.offered_rate)
            ),
            |r| {
                let rate = r.steady.stored_per_second();
                figure(
                    format!("{} answers/s stored", thousands(rate)),
                    Verdict::of(
                        rate >= 0.97 * r.offered_rate
                            && r.steady.not_recorded == 0
                            && r.steady.stored == r.steady.clicks as i64,
                    ),
                )
            },
        ),
        across(
            runs,
            "Steady: INTERACTION_CREATE → callback",
            "p99 ≤ 10 ms",
            |r| {
                figure(
                    r.steady.latencies.describe(),
                    Verdict::of(r.steady.latencies.p99 <= Duration::from_millis(10)),
                )
            },
        ),
        across(
            runs,
            format!(
                "Saturation: {} members clicking back to back",
                a.saturation_workers
            ),
            "≥ the engine's raw 1-row commits, every click stored",
            |r| {
                figure(
                    format!("{} answers/s stored", thousands(saturated(r))),
                    Verdict::of(
                        saturated(r) >= r.raw.single_row_per_second
                            && r.saturated.not_recorded == 0,
                    ),
                )
            },
        ),
        across(
            runs,
            "Saturation: INTERACTION_CREATE → callback",
            "max < 3 s (Discord's deadline)",
            |r| {
                figure(
                    r.saturated.latencies.describe(),
                    Verdict::of(r.saturated.latencies.max < Duration::from_secs(3)),
                )
            },
        ),
        across(
            runs,
            "Stored answers/s ÷ the engine's raw rows/s",
            "≥ 1× 1-row",
            |r| {
                figure(
                    format!(
                        "{:.2}× 1-row · {:.3}× batched",
                        saturated(r) / r.raw.single_row_per_second.max(1e-9),
                        saturated(r) / r.raw.batched_per_second.max(1e-9)
                    ),
                    Verdict::of(saturated(r) >= r.raw.single_row_per_second),
                )
            },
        ),
        cpu_line(runs, "Steady: CPU per answer", |r| {
            (&r.steady, r.offered_rate)
        }),
        cpu_line(runs, "Saturation: CPU per answer", |r| {
            (&r.saturated, saturated(r))
        }),
        across(
            runs,
            "Steady: written per answer (beside a raw 1-row commit)",
            "the pages an answer changes go to the log, then to the database file",
            |r| info(written(&r.steady, &r.raw, r.setup.engine)),
        ),
        across(runs, "Clicks not answered within 3 s", "0", |r| {
            figure(
                r.deadline_misses.to_string(),
                Verdict::of(r.deadline_misses == 0),
            )
        }),
    ];
    section(
        "Answers",
        runs.iter().map(|r| r.setup.label()).collect(),
        lines,
    )
}

fn section(title: impl Into<String>, columns: Vec<String>, lines: Vec<Line>) -> Section {
    Section {
        title: title.into(),
        columns,
        lines,
    }
}

/// What the bot wrote per answer, beside what one raw row in its own transaction wrote.
fn written(phase: &Phase, raw: &RawRates, engine: Engine) -> String {
    let show = |w: Written| {
        format!(
            "{} in {} write calls ({} to disk)",
            kib(w.bytes),
            w.calls,
            kib(w.disk_bytes)
        )
    };
    match (engine, phase.written_per_answer()) {
        (Engine::Postgres, _) => "not measured: the Postgres server writes".into(),
        (Engine::Sqlite, None) => "not measured (no /proc/<pid>/io)".into(),
        (Engine::Sqlite, Some(w)) => match raw.single_row_written {
            Some(r) => format!("{} · raw: {}", show(w), show(r)),
            None => show(w),
        },
    }
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// Where the CPU went (the bots' together), beside what the machine's cores allow at the
/// phase's rate.
fn cpu_line(
    runs: &[AnswerFigures],
    what: &str,
    phase: impl Fn(&AnswerFigures) -> (&Phase, f64),
) -> Line {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rate = runs.first().map_or(1.0, |r| phase(r).1);
    let budget = Duration::from_secs_f64(cores as f64 / rate.max(1e-9));
    across(
        runs,
        what,
        format!(
            "{cores} cores give {} per answer at the first column's rate",
            millis(budget)
        ),
        |r| {
            let (bot, bench) = phase(r).0.cpu_per_answer();
            figure(
                format!(
                    "bot {} · emulator and members {}",
                    millis(bot),
                    millis(bench)
                ),
                Verdict::Info,
            )
        },
    )
}

/// The day, one column per engine.
pub fn day(runs: &[DayFigures]) -> Section {
    let Some(d) = runs.first() else {
        return section("A day", vec![], vec![]);
    };
    let over = |d: &DayFigures| d.fan_out.as_secs_f64() / d.bound().as_secs_f64().max(1e-9) - 1.0;
    let lines = vec![
        across(
            runs,
            format!("Morning quiz, {} members", thousands(d.members as f64)),
            format!("{} (everyone)", thousands(d.members as f64)),
            |d| {
                figure(
                    format!("{} answers stored", thousands(d.quiz_answers as f64)),
                    Verdict::of(d.quiz_answers == d.members as i64),
                )
            },
        ),
        across(
            runs,
            "Review reminders by DM",
            format!("requests ÷ {GLOBAL_LIMIT_PER_SECOND}/s (the bound); ≤ +5 %"),
            |d| {
                figure(
                    format!(
                        "{} DMs, {} requests in {} ({:+.1} % vs the bound {})",
                        thousands(d.dms as f64),
                        thousands(d.requests as f64),
                        seconds(d.fan_out),
                        over(d) * 100.0,
                        seconds(d.bound())
                    ),
                    Verdict::of(d.dms == d.members && over(d) <= 0.05),
                )
            },
        ),
        across(runs, "429 responses during the fan-out", "0", |d| {
            figure(d.rate_limited.to_string(), Verdict::of(d.rate_limited == 0))
        }),
        across(runs, "Posts given up", "0", |d| {
            figure(d.failed_posts.to_string(), Verdict::of(d.failed_posts == 0))
        }),
        across(
            runs,
            "Bot's peak memory (VmHWM) at the end of the day",
            "≤ 100 MB",
            |d| match d.peak_rss_bytes {
                Some(b) => figure(
                    format!("{:.1} MB", b as f64 / 1e6),
                    Verdict::of(b <= 100_000_000),
                ),
                None => figure("not measured (no /proc)", Verdict::Info),
            },
        ),
    ];
    section(
        format!("A day with {} members", thousands(d.members as f64)),
        runs.iter().map(|d| d.engine.name().to_string()).collect(),
        lines,
    )
}

/// The queries, on SQLite.
pub fn queries(q: &QueryFigures) -> Section {
    let s = &q.seeded;
    let one = |measure: &str, text: String, limit: String, verdict: Verdict| Line {
        measure: measure.into(),
        figures: vec![figure(text, verdict)],
        limit,
    };
    let mut lines = vec![
        one(
            "Seeded history",
            format!(
                "{} answers · {} members",
                thousands(s.answers as f64),
                thousands(q.members as f64),
            ),
            format!(
                "{} board rows · {} memory rows · {:.0} MB, written in {}",
                thousands(s.board_rows as f64),
                thousands(s.memory_rows as f64),
                s.bytes as f64 / 1e6,
                seconds(s.elapsed)
            ),
            Verdict::Info,
        ),
        one(
            "/report's daily figures",
            format!("ready {} after the bot started", seconds(q.daily_figures)),
            "once a day, in the background".to_string(),
            Verdict::Info,
        ),
    ];
    for c in &q.commands {
        let finished = c.latencies.count > 0;
        let (limit, verdict) = match c.target_ms {
            Some(t) => (
                format!("median ≤ {t:.0} ms"),
                Verdict::of(finished && c.latencies.p50.as_secs_f64() * 1000.0 <= t),
            ),
            None => ("no target".to_string(), Verdict::Info),
        };
        let text = if finished {
            c.latencies.describe()
        } else {
            format!("not finished after {}", seconds(GIVE_UP_AFTER))
        };
        lines.push(one(c.label, text, limit, verdict));
    }
    section(
        format!(
            "Queries at {} answers and {} members",
            thousands(s.answers as f64),
            thousands(q.members as f64)
        ),
        vec!["SQLite".into()],
        lines,
    )
}

fn seconds(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        millis(d)
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

impl Report {
    pub fn met(&self) -> usize {
        self.count(Verdict::Met)
    }

    pub fn missed(&self) -> usize {
        self.count(Verdict::Missed)
    }

    fn count(&self, v: Verdict) -> usize {
        self.sections
            .iter()
            .flat_map(|s| &s.lines)
            .flat_map(|l| &l.figures)
            .filter(|f| f.verdict == v)
            .count()
    }

    /// The tables for a terminal: each section's columns padded to their widest cell.
    pub fn render_text(&self) -> String {
        let mut out = format!(
            "peerlearn bench ({}) on {}\n",
            self.label,
            self.machine.describe()
        );
        for s in &self.sections {
            let header = std::iter::once("").chain(s.columns.iter().map(String::as_str));
            let rows: Vec<Vec<String>> = std::iter::once(header.map(String::from).collect())
                .chain(s.lines.iter().map(|l| {
                    std::iter::once(l.measure.clone())
                        .chain(l.figures.iter().map(cell))
                        .collect()
                }))
                .collect();
            let widths: Vec<usize> = (0..=s.columns.len())
                .map(|i| {
                    rows.iter()
                        .filter_map(|r| r.get(i))
                        .map(|c| c.chars().count())
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            out.push_str(&format!("\n{}\n", s.title));
            let limits =
                std::iter::once("Limit or target").chain(s.lines.iter().map(|l| &*l.limit));
            for (row, limit) in rows.iter().zip(limits) {
                let cells: Vec<String> = row.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
                out.push_str(&format!("  {}  {limit}\n", cells.join("  ")));
            }
        }
        out.push_str(&format!(
            "\n{} targets met, {} missed; took {}\n",
            self.met(),
            self.missed(),
            seconds(self.took)
        ));
        out
    }

    /// The tables as Markdown, for `BENCHMARKS.md` (between the file's own notes).
    pub fn render_markdown(&self) -> String {
        let mut out = format!(
            "Run: `peerlearn bench` ({}), {} targets met, {} missed, in {}.\n\nMachine: {}.\n",
            self.label,
            self.met(),
            self.missed(),
            seconds(self.took),
            self.machine.describe()
        );
        for s in &self.sections {
            out.push_str(&format!(
                "\n### {}\n\n| Measure | {} | Limit or target |\n|---|{}---|\n",
                s.title,
                s.columns.join(" | "),
                "---|".repeat(s.columns.len())
            ));
            for l in &s.lines {
                let cells: Vec<String> = l.figures.iter().map(cell).collect();
                out.push_str(&format!(
                    "| {} | {} | {} |\n",
                    l.measure,
                    cells.join(" | "),
                    l.limit
                ));
            }
        }
        out
    }
}

/// A figure with its mark: "✓ 1,234 answers/s".
fn cell(f: &Figure) -> String {
    match f.verdict {
        Verdict::Info => f.text.clone(),
        v => format!("{} {}", v.mark(), f.text),
    }
}

/// Markers around the generated part of `BENCHMARKS.md`; the notes around them are kept.
pub const BEGIN: &str = "<!-- bench:begin (written by `peerlearn bench`) -->";
pub const END: &str = "<!-- bench:end -->";

/// The file's text with the generated part replaced by `generated` (added at the end when
/// the markers are missing).
pub fn splice(existing: &str, generated: &str) -> String {
    let block = format!("{BEGIN}\n{generated}{END}\n");
    match (existing.find(BEGIN), existing.find(END)) {
        (Some(b), Some(e)) if b < e => {
            format!(
                "{}{block}{}",
                &existing[..b],
                existing[e + END.len()..].trim_start_matches('\n')
            )
        }
        _ if existing.trim().is_empty() => format!("# Benchmarks\n\n{block}"),
        _ => format!("{}\n\n{block}", existing.trim_end()),
    }
}

/// Pads by characters (not bytes), for the table's columns.
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_and_padding() {
        assert_eq!(thousands(1234567.4), "1,234,567");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(0.2), "0");
        assert_eq!(pad("→ö", 4), "→ö  ");
    }

    #[test]
    fn the_generated_part_is_replaced_and_the_notes_kept() {
        let fresh = splice("", "table 1\n");
        assert!(fresh.starts_with("# Benchmarks"));
        let with_notes = format!(
            "# B\n\nintro\n\n{}\nafter\n",
            fresh.split_once("\n\n").unwrap().1
        );
        let again = splice(&with_notes, "table 2\n");
        assert_eq!(
            again,
            format!("# B\n\nintro\n\n{BEGIN}\ntable 2\n{END}\nafter\n")
        );
        assert!(splice("# notes only\n", "t\n").ends_with(&format!("{BEGIN}\nt\n{END}\n")));
    }
}
