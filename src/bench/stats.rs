//! Latency summaries: median, 99th percentile and maximum of a set of samples.

use std::time::Duration;

/// Percentiles of a set of durations (nearest-rank).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Latencies {
    pub count: usize,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
}

impl Latencies {
    pub fn of(mut samples: Vec<Duration>) -> Latencies {
        samples.sort_unstable();
        let rank = |p: f64| -> Duration {
            if samples.is_empty() {
                return Duration::ZERO;
            }
            let i = ((p * samples.len() as f64).ceil() as usize).clamp(1, samples.len()) - 1;
            samples[i]
        };
        Latencies {
            count: samples.len(),
            p50: rank(0.50),
            p99: rank(0.99),
            max: samples.last().copied().unwrap_or_default(),
        }
    }

    /// "p50 1.2 ms · p99 4.0 ms · max 9.8 ms"
    pub fn describe(&self) -> String {
        format!(
            "p50 {} · p99 {} · max {}",
            millis(self.p50),
            millis(self.p99),
            millis(self.max)
        )
    }
}

/// A duration in milliseconds with one decimal (or whole seconds past ten).
pub fn millis(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 10_000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else {
        format!("{ms:.1} ms")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let samples = (1..=200).map(Duration::from_millis).collect();
        let l = Latencies::of(samples);
        assert_eq!(l.count, 200);
        assert_eq!(l.p50, Duration::from_millis(100));
        assert_eq!(l.p99, Duration::from_millis(198));
        assert_eq!(l.max, Duration::from_millis(200));
        assert_eq!(Latencies::of(vec![]).max, Duration::ZERO);
        assert_eq!(
            Latencies::of(vec![Duration::from_micros(1500)]).describe(),
            "p50 1.5 ms · p99 1.5 ms · max 1.5 ms"
        );
        assert_eq!(millis(Duration::from_secs(12)), "12.0 s");
    }
}
