//! A one-line progress bar on the terminal while the demo simulates its days (nothing when
//! stderr is not a terminal, e.g. in CI logs).

use std::io::{IsTerminal, Write};

const WIDTH: usize = 30;

pub struct Progress {
    total: usize,
    live: bool,
}

impl Progress {
    /// A bar for `total` steps, drawn only if `wanted` and stderr is a terminal.
    pub fn new(total: usize, wanted: bool) -> Progress {
        Progress {
            total: total.max(1),
            live: wanted && std::io::stderr().is_terminal(),
        }
    }

    /// Redraws the bar: `done` of the total, with a short status.
    pub fn show(&self, done: usize, status: &str) {
        if self.live {
            eprint!("\r{}", bar(done, self.total, status));
            let _ = std::io::stderr().flush();
        }
    }

    /// Ends the bar's line.
    pub fn finish(&self) {
        if self.live {
            eprintln!();
        }
    }
}

/// `day  3/30 [███░░░…] 10%  status`.
fn bar(done: usize, total: usize, status: &str) -> String {
    let done = done.min(total);
    let filled = done * WIDTH / total;
    format!(
        "day {done:>3}/{total} [{}{}] {:>3}%  {status:<48}",
        "█".repeat(filled),
        "░".repeat(WIDTH - filled),
        done * 100 / total
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_days() {
        assert!(bar(0, 30, "x").starts_with(&format!("day   0/30 [{}]   0%", "░".repeat(30))));
        assert!(bar(15, 30, "").contains(&format!("{}{}]  50%", "█".repeat(15), "░".repeat(15))));
        assert!(bar(40, 30, "").contains("100%"), "never past the end");
    }
}
