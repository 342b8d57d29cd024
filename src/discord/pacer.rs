//! Keeps the bot's own REST requests (posts, DMs, edits, threads) under Discord's global
//! limit of 50 requests per second by spacing them evenly, instead of running into 429s and
//! waiting them out. Every request takes the next free slot; after a global 429 nobody sends
//! before its `retry_after` has passed: not this process, and on Postgres (through the
//! database, see [`run_shared_holds`]) not the bot's other processes either, since the limit is
//! the bot token's. Interaction callbacks are not under the global limit and do not go through here.

use crate::app::App;
use crate::clock::wall_ms;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// How often a process shares the holds it met and reads the others'.
const SHARE_EVERY: Duration = Duration::from_millis(100);

/// Evenly spaced send slots, shared by everything that sends.
#[derive(Debug)]
pub struct Pacer {
    interval: Duration,
    next: Mutex<Instant>,
    /// A global hold met here and not yet told to the other processes.
    unshared: Mutex<Option<Instant>>,
}

impl Pacer {
    /// At most `rate` requests per second (at least 1).
    pub fn per_second(rate: u32) -> Pacer {
        Pacer {
            interval: Duration::from_secs(1) / rate.max(1),
            next: Mutex::new(Instant::now()),
            unshared: Mutex::new(None),
        }
    }

    /// Waits for this request's slot.
    pub async fn wait_turn(&self) {
        let at = self.reserve(Instant::now());
        tokio::time::sleep_until(at.into()).await;
    }

    /// Reserves the next free slot at or after `now` and returns it.
    fn reserve(&self, now: Instant) -> Instant {
        let mut next = self.next.lock().unwrap_or_else(|e| e.into_inner());
        let at = (*next).max(now);
        *next = at + self.interval;
        at
    }

    /// Nobody sends before `until` (after a global 429 met here); told to the other processes.
    pub fn hold_until(&self, until: Instant) {
        self.hold(until);
        let mut unshared = self.unshared.lock().unwrap_or_else(|e| e.into_inner());
        *unshared = Some(unshared.map_or(until, |u| u.max(until)));
    }

    /// Nobody here sends before `until` (a hold another process met).
    fn hold(&self, until: Instant) {
        let mut next = self.next.lock().unwrap_or_else(|e| e.into_inner());
        *next = (*next).max(until);
    }

    fn take_unshared(&self) -> Option<Instant> {
        self.unshared
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }
}

/// Until `stop` turns true: tells the other processes (through the database) of every global
/// hold met here, and holds this process's requests for theirs. Within a tenth of a second of
/// a 429 in one process, every other waits out the same `retry_after`.
pub async fn run_shared_holds(
    app: App,
    pacer: std::sync::Arc<Pacer>,
    mut stop: watch::Receiver<bool>,
) {
    let mut every = tokio::time::interval(SHARE_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = every.tick() => {}
            _ = stop.changed() => return,
        }
        if let Some(until) = pacer.take_unshared() {
            let left = until.saturating_duration_since(Instant::now());
            let until_ms = wall_ms() + i64::try_from(left.as_millis()).unwrap_or(0);
            if let Err(e) = app.share_request_hold(until_ms).await {
                tracing::warn!(error = %e, "could not tell the other processes of a global rate limit");
            }
        }
        match app.request_hold().await {
            Ok(Some(until_ms)) => {
                let left = u64::try_from(until_ms - wall_ms()).unwrap_or(0);
                pacer.hold(Instant::now() + Duration::from_millis(left));
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "could not read the shared rate-limit hold"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_evenly_spaced_and_idle_time_is_not_banked() {
        let pacer = Pacer::per_second(50);
        let t0 = Instant::now();
        let slots: Vec<Duration> = (0..5).map(|_| pacer.reserve(t0) - t0).collect();
        let ms = |n| Duration::from_millis(n);
        assert_eq!(slots, vec![ms(0), ms(20), ms(40), ms(60), ms(80)]);
        // After a quiet second the next request goes at once, and the one after 20 ms later:
        // no burst of saved-up slots.
        let later = t0 + Duration::from_secs(1);
        assert_eq!(pacer.reserve(later), later);
        assert_eq!(pacer.reserve(later), later + ms(20));
    }

    #[test]
    fn a_hold_delays_every_later_slot() {
        let pacer = Pacer::per_second(10);
        let t0 = Instant::now();
        assert_eq!(pacer.reserve(t0), t0);
        pacer.hold_until(t0 + Duration::from_secs(2));
        assert_eq!(pacer.reserve(t0), t0 + Duration::from_secs(2));
        // A hold earlier than the next slot changes nothing.
        pacer.hold_until(t0);
        assert_eq!(
            pacer.reserve(t0),
            t0 + Duration::from_secs(2) + Duration::from_millis(100)
        );
    }
}
