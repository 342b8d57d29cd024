//! `peerlearn demo --seeds A..B`: the demo over many seeds, and how often the report's
//! intervals covered the hidden truth, with the mean and largest error: the check that the
//! figures an admin reads mean what their labels say.

use super::summary::{Check, Measured};
use super::DemoOptions;
use crate::config::Settings;
use std::fmt::Write as _;

/// One seed's result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeedResult {
    pub seed: u64,
    pub check: Check,
}

/// Parses `A..B` (inclusive of both ends, like `1..20`) or a single seed.
pub fn parse_seeds(text: &str) -> Result<Vec<u64>, String> {
    let bad = || format!("--seeds takes a range like 1..20 or a single seed; got {text:?}");
    let (a, b) = match text.split_once("..") {
        Some((a, b)) => (a.trim(), b.trim_start_matches('=').trim()),
        None => (text.trim(), text.trim()),
    };
    let (a, b): (u64, u64) = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
    if b < a {
        return Err(bad());
    }
    if b - a >= 200 {
        return Err("--seeds runs at most 200 seeds at once".into());
    }
    Ok((a..=b).collect())
}

/// Runs the demo once per seed (each in `out/seed-N`), printing a line per seed to stderr as
/// it goes.
pub async fn run_seeds(
    options: &DemoOptions,
    seeds: &[u64],
    settings: Settings,
) -> anyhow::Result<Vec<SeedResult>> {
    let mut results = vec![];
    for &seed in seeds {
        let one = DemoOptions {
            seed,
            out: options.out.join(format!("seed-{seed}")),
            progress: false,
            interactive: false,
            ..options.clone()
        };
        let summary = super::run(&one, settings.clone()).await?;
        if !summary.violations.is_empty() {
            anyhow::bail!(
                "seed {seed}: {} Discord contract violations",
                summary.violations.len()
            );
        }
        let result = SeedResult {
            seed,
            check: summary.check,
        };
        eprintln!("{}", seed_line(&result));
        results.push(result);
    }
    Ok(results)
}

fn cell(truth: f64, m: Option<Measured>, points: bool) -> String {
    let scale = |x: f64| x * 100.0;
    match m {
        None => format!("{:>4.0} {:<22}", scale(truth), "not enough data"),
        Some(m) => {
            let mark = if m.covers(truth) { "✓" } else { "✗" };
            if points {
                format!(
                    "{:>+4.0} {:>+4.0} [{:+.0}, {:+.0}] {mark}",
                    scale(truth),
                    scale(m.estimate),
                    scale(m.ci_low),
                    scale(m.ci_high)
                )
            } else {
                format!(
                    "{:>4.0} {:>4.0} [{:.0}, {:.0}] {mark}",
                    scale(truth),
                    scale(m.estimate),
                    scale(m.ci_low),
                    scale(m.ci_high)
                )
            }
        }
    }
}

/// One seed as a table line: truth, report and interval for each figure.
pub fn seed_line(r: &SeedResult) -> String {
    let c = &r.check;
    format!(
        "{:>4}  {:<24} {:<24} {}",
        r.seed,
        cell(c.truth_start, c.knowledge_start, false),
        cell(c.truth_end, c.knowledge_end, false),
        cell(c.truth_uplift, c.uplift, true),
    )
}

/// Coverage, errors and interval widths of one figure over the seeds.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FigureCoverage {
    pub runs: usize,
    /// Runs with a figure (enough data).
    pub measured: usize,
    pub covered: usize,
    /// In percentage points.
    pub mean_error: f64,
    pub max_error: f64,
    pub mean_half_width: f64,
}

/// A figure's `(truth, what the report measured)` over the seeds.
type Pairs = Vec<(f64, Option<Measured>)>;

/// Coverage of one figure over the seeds.
pub fn coverage(pairs: &[(f64, Option<Measured>)]) -> FigureCoverage {
    let mut c = FigureCoverage {
        runs: pairs.len(),
        ..Default::default()
    };
    for (truth, m) in pairs {
        let Some(m) = m else { continue };
        let error = (m.estimate - truth).abs() * 100.0;
        c.measured += 1;
        c.covered += usize::from(m.covers(*truth));
        c.mean_error += error;
        c.max_error = c.max_error.max(error);
        c.mean_half_width += (m.ci_high - m.ci_low) * 50.0;
    }
    if c.measured > 0 {
        c.mean_error /= c.measured as f64;
        c.mean_half_width /= c.measured as f64;
    }
    c
}

/// The coverage table (Markdown, as in the README).
pub fn table(options: &DemoOptions, results: &[SeedResult]) -> String {
    let mut out = String::new();
    let seeds = match (results.first(), results.last()) {
        (Some(a), Some(b)) => format!("seeds {}..{}", a.seed, b.seed),
        _ => "no seeds".into(),
    };
    let _ = writeln!(
        out,
        "peerlearn demo, {seeds}: {} members, {} days each. The report's figures against the hidden truth:\n",
        options.members, options.days
    );
    let _ = writeln!(
        out,
        "| figure | intervals covering the truth | mean error | largest error | mean interval (±) |"
    );
    let _ = writeln!(out, "| --- | ---: | ---: | ---: | ---: |");
    let figures: [(&str, Pairs); 3] = [
        (
            "knowledge at the start",
            results
                .iter()
                .map(|r| (r.check.truth_start, r.check.knowledge_start))
                .collect(),
        ),
        (
            "knowledge now",
            results
                .iter()
                .map(|r| (r.check.truth_end, r.check.knowledge_end))
                .collect(),
        ),
        (
            "what reviews caused (uplift)",
            results
                .iter()
                .map(|r| (r.check.truth_uplift, r.check.uplift))
                .collect(),
        ),
    ];
    for (name, pairs) in figures {
        let c = coverage(&pairs);
        let missing = if c.measured < c.runs {
            format!(" ({} without enough data)", c.runs - c.measured)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "| {name} | {} of {}{missing} | {:.1} points | {:.1} points | {:.1} points |",
            c.covered, c.measured, c.mean_error, c.max_error, c.mean_half_width
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_ranges() {
        assert_eq!(parse_seeds("1..3").unwrap(), vec![1, 2, 3]);
        assert_eq!(parse_seeds("1..=3").unwrap(), vec![1, 2, 3]);
        assert_eq!(parse_seeds("7").unwrap(), vec![7]);
        assert!(parse_seeds("3..1").is_err());
        assert!(parse_seeds("a..b").is_err());
        assert!(parse_seeds("1..500").is_err());
    }

    #[test]
    fn coverage_counts_and_errors() {
        let m = |e: f64, lo: f64, hi: f64| {
            Some(Measured {
                estimate: e,
                ci_low: lo,
                ci_high: hi,
            })
        };
        let c = coverage(&[
            (0.40, m(0.42, 0.38, 0.46)),
            (0.50, m(0.44, 0.40, 0.48)),
            (0.30, None),
        ]);
        assert_eq!((c.runs, c.measured, c.covered), (3, 2, 1));
        assert!((c.mean_error - 4.0).abs() < 1e-9);
        assert!((c.max_error - 6.0).abs() < 1e-9);
        assert!((c.mean_half_width - 4.0).abs() < 1e-9);
    }
}
