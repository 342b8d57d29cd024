//! The benchmark report: every figure beside its limit or target, with whether it was met,
//! as a terminal table and as `BENCHMARKS.md`.

use super::answers::{AnswerFigures, Phase};
use super::bot::Written;
use super::day::{DayFigures, GLOBAL_LIMIT_PER_SECOND};
use super::machine::Machine;
use super::queries::{QueryFigures, GIVE_UP_AFTER};
use super::stats::millis;
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

/// One row: what was measured, the figure, the limit or target beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub measure: String,
    pub figure: String,
    pub limit: String,
    pub verdict: Verdict,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub machine: Machine,
    pub label: String,
    pub took: Duration,
    pub sections: Vec<Section>,
}

fn line(
    measure: impl Into<String>,
    figure: impl Into<String>,
    limit: impl Into<String>,
    verdict: Verdict,
) -> Line {
    Line {
        measure: measure.into(),
        figure: figure.into(),
        limit: limit.into(),
        verdict,
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

/// A titled group of lines.
pub type Section = (String, Vec<Line>);

pub fn answers(a: &AnswerFigures) -> Section {
    let raw_single = a.raw.single_row_per_second;
    let steady_rate = a.steady.stored_per_second();
    let saturated_rate = a.saturated.stored_per_second();
    let answers = vec![
        line(
            "Raw sqlx insert, 1 row per transaction",
            format!("{} rows/s", thousands(raw_single)),
            "reference: one commit (and disk sync) per row",
            Verdict::Info,
        ),
        line(
            format!("Raw sqlx insert, {} rows per transaction", a.raw.batch_size),
            format!("{} rows/s", thousands(a.raw.batched_per_second)),
            "reference: the ceiling of batching",
            Verdict::Info,
        ),
        line(
            format!(
                "Steady: {} clicks offered at {}/s",
                thousands(a.steady.clicks as f64),
                thousands(a.offered_rate)
            ),
            format!("{} answers/s stored", thousands(steady_rate)),
            format!(
                "the offered {}/s, every click stored",
                thousands(a.offered_rate)
            ),
            Verdict::of(
                steady_rate >= 0.97 * a.offered_rate
                    && a.steady.not_recorded == 0
                    && a.steady.stored == a.steady.clicks as i64,
            ),
        ),
        line(
            "Steady: INTERACTION_CREATE → callback",
            a.steady.latencies.describe(),
            "p99 ≤ 10 ms",
            Verdict::of(a.steady.latencies.p99 <= Duration::from_millis(10)),
        ),
        line(
            format!(
                "Saturation: {} members clicking back to back",
                a.saturation_workers
            ),
            format!("{} answers/s stored", thousands(saturated_rate)),
            format!("≥ raw 1-row commits ({}/s)", thousands(raw_single)),
            Verdict::of(saturated_rate >= raw_single && a.saturated.not_recorded == 0),
        ),
        line(
            "Saturation: INTERACTION_CREATE → callback",
            a.saturated.latencies.describe(),
            "max < 3 s (Discord's deadline)",
            Verdict::of(a.saturated.latencies.max < Duration::from_secs(3)),
        ),
        line(
            "Stored answers/s ÷ raw rows/s",
            format!(
                "{:.2}× 1-row · {:.3}× batched",
                saturated_rate / raw_single.max(1e-9),
                saturated_rate / a.raw.batched_per_second.max(1e-9)
            ),
            "≥ 1× 1-row",
            Verdict::of(saturated_rate >= raw_single),
        ),
        cpu_line("Steady: CPU per answer", &a.steady, a.offered_rate),
        cpu_line("Saturation: CPU per answer", &a.saturated, saturated_rate),
        written_line(
            "Steady: written per answer",
            &a.steady,
            a.raw.single_row_written,
        ),
        line(
            "Clicks not answered within 3 s",
            a.deadline_misses.to_string(),
            "0",
            Verdict::of(a.deadline_misses == 0),
        ),
    ];
    ("Answers".into(), answers)
}

/// What the bot wrote per answer, beside what one raw row in its own transaction wrote: the
/// pages an answer changes go to the log and, at checkpoints, to the database file.
fn written_line(what: &str, phase: &Phase, raw_row: Option<Written>) -> Line {
    let show = |w: Written| {
        format!(
            "{} in {} write calls ({} to disk)",
            kib(w.bytes),
            w.calls,
            kib(w.disk_bytes)
        )
    };
    line(
        what,
        phase
            .written_per_answer()
            .map_or("not measured (no /proc/<pid>/io)".into(), show),
        raw_row.map_or(String::new(), |w| {
            format!("reference: a raw 1-row commit, {}", show(w))
        }),
        Verdict::Info,
    )
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// Where the CPU went, beside what the machine's cores allow at the phase's rate.
fn cpu_line(what: &str, phase: &Phase, rate: f64) -> Line {
    let (bot, bench) = phase.cpu_per_answer();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let budget = Duration::from_secs_f64(cores as f64 / rate.max(1e-9));
    line(
        what,
        format!(
            "bot {} · emulator and members {}",
            millis(bot),
            millis(bench)
        ),
        format!(
            "{cores} cores give {} per answer at this rate",
            millis(budget)
        ),
        Verdict::Info,
    )
}

pub fn day(d: &DayFigures) -> Section {
    let bound = d.bound();
    let over = d.fan_out.as_secs_f64() / bound.as_secs_f64().max(1e-9) - 1.0;
    let mut day = vec![
        line(
            format!("Morning quiz, {} members", thousands(d.members as f64)),
            format!("{} answers stored", thousands(d.quiz_answers as f64)),
            format!("{} (everyone)", thousands(d.members as f64)),
            Verdict::of(d.quiz_answers == d.members as i64),
        ),
        line(
            format!(
                "Review reminders by DM ({} requests)",
                thousands(d.requests as f64)
            ),
            format!(
                "{} DMs in {} ({:+.1} % vs the bound)",
                thousands(d.dms as f64),
                seconds(d.fan_out),
                over * 100.0
            ),
            format!(
                "bound {} at {GLOBAL_LIMIT_PER_SECOND}/s; ≤ +5 %",
                seconds(bound)
            ),
            Verdict::of(d.dms == d.members && over <= 0.05),
        ),
        line(
            "429 responses during the fan-out",
            d.rate_limited.to_string(),
            "0",
            Verdict::of(d.rate_limited == 0),
        ),
        line(
            "Posts given up",
            d.failed_posts.to_string(),
            "0",
            Verdict::of(d.failed_posts == 0),
        ),
    ];
    day.push(match d.peak_rss_bytes {
        Some(b) => line(
            "Bot's peak memory (VmHWM) at the end of the day",
            format!("{:.1} MB", b as f64 / 1e6),
            "≤ 100 MB",
            Verdict::of(b <= 100_000_000),
        ),
        None => line(
            "Bot's peak memory",
            "not measured (no /proc)",
            "≤ 100 MB",
            Verdict::Info,
        ),
    });
    (
        format!("A day with {} members", thousands(d.members as f64)),
        day,
    )
}

pub fn queries(q: &QueryFigures) -> Section {
    let s = &q.seeded;
    let mut queries = vec![line(
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
    )];
    queries.push(line(
        "/report's daily figures",
        format!("ready {} after the bot started", seconds(q.daily_figures)),
        "once a day, in the background".to_string(),
        Verdict::Info,
    ));
    for c in &q.commands {
        let finished = c.latencies.count > 0;
        let (limit, verdict) = match c.target_ms {
            Some(t) => (
                format!("median ≤ {t:.0} ms"),
                Verdict::of(finished && c.latencies.p50.as_secs_f64() * 1000.0 <= t),
            ),
            None => ("no target".to_string(), Verdict::Info),
        };
        let figure = if finished {
            c.latencies.describe()
        } else {
            format!("not finished after {}", seconds(GIVE_UP_AFTER))
        };
        queries.push(line(c.label, figure, limit, verdict));
    }
    (
        format!(
            "Queries at {} answers and {} members",
            thousands(s.answers as f64),
            thousands(q.members as f64)
        ),
        queries,
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
            .flat_map(|(_, lines)| lines)
            .filter(|l| l.verdict == v)
            .count()
    }

    /// The table for a terminal.
    pub fn render_text(&self) -> String {
        let width = |f: fn(&Line) -> &str| {
            self.sections
                .iter()
                .flat_map(|(_, l)| l)
                .map(|l| f(l).chars().count())
                .max()
                .unwrap_or(0)
        };
        let (wm, wf) = (width(|l| &l.measure), width(|l| &l.figure));
        let mut out = format!(
            "peerlearn bench ({}) on {}\n",
            self.label,
            self.machine.describe()
        );
        for (title, lines) in &self.sections {
            out.push_str(&format!("\n{title}\n"));
            for l in lines {
                out.push_str(&format!(
                    "  {} {}  {}  {}\n",
                    if l.verdict == Verdict::Info {
                        " "
                    } else {
                        l.verdict.mark()
                    },
                    pad(&l.measure, wm),
                    pad(&l.figure, wf),
                    l.limit,
                ));
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
        for (title, lines) in &self.sections {
            out.push_str(&format!(
                "\n### {title}\n\n| | Measure | Figure | Limit or target |\n|---|---|---|---|\n"
            ));
            for l in lines {
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    l.verdict.mark(),
                    l.measure,
                    l.figure,
                    l.limit
                ));
            }
        }
        out
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
