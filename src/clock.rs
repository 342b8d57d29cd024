//! The one source of "now": the system clock in production, a virtual clock that tests and the
//! demo move by hand. Loops wait on a [`Ticker`], which returns early when a virtual clock is
//! moved, so no test sleeps to wait for a schedule.

use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

#[derive(Clone)]
pub struct Clock {
    virtual_time: Option<Arc<VirtualTime>>,
}

struct VirtualTime {
    now: Mutex<DateTime<Utc>>,
    moved: watch::Sender<u64>,
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.virtual_time {
            None => f.write_str("Clock(system)"),
            Some(_) => write!(f, "Clock(virtual {})", self.now()),
        }
    }
}

impl Clock {
    /// Real time.
    pub fn system() -> Clock {
        Clock { virtual_time: None }
    }

    /// Time that stands still at `start` until moved with [`Clock::advance`] or [`Clock::set`].
    pub fn virtual_at(start: DateTime<Utc>) -> Clock {
        let (moved, _) = watch::channel(0);
        Clock {
            virtual_time: Some(Arc::new(VirtualTime {
                now: Mutex::new(start),
                moved,
            })),
        }
    }

    pub fn is_virtual(&self) -> bool {
        self.virtual_time.is_some()
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.virtual_time {
            None => Utc::now(),
            Some(v) => *v.now.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }

    pub fn now_ms(&self) -> i64 {
        self.now().timestamp_millis()
    }

    /// Moves a virtual clock forward; does nothing to the system clock.
    pub fn advance(&self, by: Duration) {
        if let Some(v) = &self.virtual_time {
            let by = chrono::Duration::from_std(by).unwrap_or(chrono::Duration::zero());
            *v.now.lock().unwrap_or_else(|e| e.into_inner()) += by;
            v.moved.send_modify(|n| *n += 1);
        }
    }

    /// Sets a virtual clock (forward only); does nothing to the system clock.
    pub fn set(&self, to: DateTime<Utc>) {
        if let Some(v) = &self.virtual_time {
            {
                let mut now = v.now.lock().unwrap_or_else(|e| e.into_inner());
                if to > *now {
                    *now = to;
                }
            }
            v.moved.send_modify(|n| *n += 1);
        }
    }

    /// A waiter for a loop: each [`Ticker::wait`] returns early if the virtual clock moved at
    /// any time since the previous wait returned, so a move during the loop's work is never
    /// missed.
    pub fn ticker(&self) -> Ticker {
        Ticker {
            moved: self.virtual_time.as_ref().map(|v| v.moved.subscribe()),
        }
    }
}

/// See [`Clock::ticker`].
pub struct Ticker {
    moved: Option<watch::Receiver<u64>>,
}

impl Ticker {
    pub async fn wait(&mut self, at_most: Duration) {
        match &mut self.moved {
            None => tokio::time::sleep(at_most).await,
            Some(moved) => {
                let _ = tokio::time::timeout(at_most, moved.changed()).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_virtual_clock_moves_only_when_told_and_wakes_waiters() {
        let start = DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
            .unwrap()
            .to_utc();
        let clock = Clock::virtual_at(start);
        assert_eq!(clock.now(), start);
        let waiter = {
            let clock = clock.clone();
            tokio::spawn(async move {
                clock.ticker().wait(Duration::from_secs(60)).await;
                clock.now()
            })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        clock.advance(Duration::from_secs(3600));
        let seen = tokio::time::timeout(Duration::from_secs(5), waiter)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(seen, start + chrono::Duration::hours(1));
        clock.set(start);
        assert_eq!(
            clock.now(),
            start + chrono::Duration::hours(1),
            "never backwards"
        );
    }

    #[tokio::test]
    async fn a_move_while_the_loop_is_busy_is_not_missed() {
        let clock = Clock::virtual_at(Utc::now());
        let mut ticker = clock.ticker();
        // The loop is doing its work when the clock moves...
        clock.advance(Duration::from_secs(1));
        // ...so its next wait returns at once instead of sleeping through the move.
        tokio::time::timeout(Duration::from_secs(5), ticker.wait(Duration::from_secs(60)))
            .await
            .expect("woken by the earlier move");
    }
}
