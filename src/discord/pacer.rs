//! Keeps the bot's own REST requests (posts, DMs, edits, threads) under Discord's global
//! limit of 50 requests per second by spacing them evenly, instead of running into 429s and
//! waiting them out. Every request takes the next free slot; after a global 429 nobody sends
//! before its `retry_after` has passed. Interaction callbacks are not under the global limit
//! and do not go through here.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Evenly spaced send slots, shared by everything that sends.
#[derive(Debug)]
pub struct Pacer {
    interval: Duration,
    next: Mutex<Instant>,
}

impl Pacer {
    /// At most `rate` requests per second (at least 1).
    pub fn per_second(rate: u32) -> Pacer {
        Pacer {
            interval: Duration::from_secs(1) / rate.max(1),
            next: Mutex::new(Instant::now()),
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

    /// Nobody sends before `until` (after a global 429).
    pub fn hold_until(&self, until: Instant) {
        let mut next = self.next.lock().unwrap_or_else(|e| e.into_inner());
        *next = (*next).max(until);
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
