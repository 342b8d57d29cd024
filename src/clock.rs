//! The one source of "now": the system clock in production, a virtual clock that tests and the
//! demo move by hand. Loops wait on a [`Ticker`], which returns early when a virtual clock is
//! moved, so no test sleeps to wait for a schedule; [`Clock::settled`] waits until every loop
//! has done a whole pass at the current virtual time.

use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
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
    /// Per live ticker: the virtual time at which its loop's last complete pass started.
    passes: Mutex<HashMap<u64, DateTime<Utc>>>,
    /// Bumped whenever a pass completes or a ticker goes away.
    passed: watch::Sender<u64>,
    next_ticker: AtomicU64,
}

impl VirtualTime {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn passes(&self) -> std::sync::MutexGuard<'_, HashMap<u64, DateTime<Utc>>> {
        self.passes.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.virtual_time {
            None => f.write_str("Clock(system)"),
            Some(_) => write!(f, "Clock(virtual {})", self.now()),
        }
    }
}

/// The machine's wall clock in Unix milliseconds, whatever the bot's clock: for what runs in
/// real time between processes (leases, shared rate-limit holds).
pub fn wall_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

impl Clock {
    /// Real time.
    pub fn system() -> Clock {
        Clock { virtual_time: None }
    }

    /// Time that stands still at `start` until moved with [`Clock::advance`] or [`Clock::set`].
    pub fn virtual_at(start: DateTime<Utc>) -> Clock {
        let (moved, _) = watch::channel(0);
        let (passed, _) = watch::channel(0);
        Clock {
            virtual_time: Some(Arc::new(VirtualTime {
                now: Mutex::new(start),
                moved,
                passes: Mutex::new(HashMap::new()),
                passed,
                next_ticker: AtomicU64::new(0),
            })),
        }
    }

    pub fn is_virtual(&self) -> bool {
        self.virtual_time.is_some()
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.virtual_time {
            None => Utc::now(),
            Some(v) => v.now(),
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
            virtual_loop: self.virtual_time.as_ref().map(|v| {
                let id = v.next_ticker.fetch_add(1, Ordering::Relaxed);
                let now = v.now();
                // Not settled until its first pass is done.
                v.passes()
                    .insert(id, now - chrono::Duration::milliseconds(1));
                VirtualLoop {
                    id,
                    moved: v.moved.subscribe(),
                    pass_started: now,
                    time: Arc::clone(v),
                }
            }),
        }
    }

    /// Waits until every loop waiting on a ticker of this clock has completed a pass that
    /// started at the current virtual time or later: whatever was due by now has been handled
    /// (a schedule run, a follow-up, a queued post picked up). At once for the system clock.
    pub async fn settled(&self) {
        let Some(v) = &self.virtual_time else {
            return;
        };
        let mut passed = v.passed.subscribe();
        loop {
            let now = v.now();
            if v.passes().values().all(|started| *started >= now) {
                return;
            }
            // Bounded, so a pass completing between the check and the wait is never missed.
            let _ = tokio::time::timeout(Duration::from_millis(50), passed.changed()).await;
        }
    }
}

/// See [`Clock::ticker`].
pub struct Ticker {
    virtual_loop: Option<VirtualLoop>,
}

/// A loop on a virtual clock: when its passes start, for [`Clock::settled`].
struct VirtualLoop {
    id: u64,
    moved: watch::Receiver<u64>,
    pass_started: DateTime<Utc>,
    time: Arc<VirtualTime>,
}

impl Ticker {
    /// Called by a loop between passes: the pass that just ended is complete; waits at most
    /// `at_most` (less if a virtual clock moves) before the next one.
    pub async fn wait(&mut self, at_most: Duration) {
        match &mut self.virtual_loop {
            None => tokio::time::sleep(at_most).await,
            Some(l) => {
                l.time.passes().insert(l.id, l.pass_started);
                l.time.passed.send_modify(|n| *n += 1);
                let _ = tokio::time::timeout(at_most, l.moved.changed()).await;
                l.pass_started = l.time.now();
            }
        }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        if let Some(l) = &self.virtual_loop {
            l.time.passes().remove(&l.id);
            l.time.passed.send_modify(|n| *n += 1);
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
    async fn settled_waits_for_a_whole_pass_after_the_move() {
        let clock = Clock::virtual_at(Utc::now());
        let passes = Arc::new(AtomicU64::new(0));
        let worker = {
            let (clock, passes) = (clock.clone(), Arc::clone(&passes));
            let mut ticker = clock.ticker();
            tokio::spawn(async move {
                loop {
                    // A pass that takes a while.
                    tokio::time::sleep(Duration::from_millis(30)).await;
                    passes.fetch_add(1, Ordering::SeqCst);
                    ticker.wait(Duration::from_secs(60)).await;
                }
            })
        };
        clock.settled().await;
        assert_eq!(
            passes.load(Ordering::SeqCst),
            1,
            "the first pass is waited for"
        );
        clock.advance(Duration::from_secs(1));
        clock.settled().await;
        assert_eq!(passes.load(Ordering::SeqCst), 2, "and one after the move");
        worker.abort();
        let _ = worker.await;
        // A loop that is gone is not waited for.
        clock.advance(Duration::from_secs(1));
        tokio::time::timeout(Duration::from_secs(5), clock.settled())
            .await
            .expect("settled without loops");
        Clock::system().settled().await;
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
