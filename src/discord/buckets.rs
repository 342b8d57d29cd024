//! Keeps serenity's rate-limit buckets from growing without end. Against Discord, serenity
//! keeps one bucket per route and major id, and never drops one; an interaction's callback is
//! keyed by the interaction's own id, so every click and command adds a bucket that is never
//! used again (about 30,000 a day for a 10,000-member team). Every few minutes this drops the
//! buckets no request is using whose limit has reset: such a bucket would let the next
//! request through at once, exactly as the fresh one serenity makes in its place.
//! (Against the emulator serenity's limiter is off, and the bot paces itself; see `pacer`.)

use poise::serenity_prelude as serenity;
use serenity::http::{Ratelimit, RatelimitingBucket};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use tokio::sync::{watch, Mutex};

/// How often idle buckets are dropped.
const EVERY: Duration = Duration::from_secs(300);

type Buckets = HashMap<RatelimitingBucket, Arc<Mutex<Ratelimit>>>;

/// Until `stop` turns true: drops the idle buckets of `http`'s limiter (if it has one).
pub async fn run(http: Arc<serenity::Http>, mut stop: watch::Receiver<bool>) {
    let Some(limiter) = http.ratelimiter.as_ref() else {
        return;
    };
    let routes = limiter.routes();
    let mut every = tokio::time::interval(EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = every.tick() => {}
            _ = stop.changed() => return,
        }
        let mut buckets = routes.write().await;
        let dropped = drop_idle(&mut buckets, SystemTime::now());
        tracing::debug!(dropped, kept = buckets.len(), "rate-limit buckets pruned");
    }
}

/// Drops the buckets that no request holds and whose limit has reset by `now` (or never
/// had one); returns how many.
fn drop_idle(buckets: &mut Buckets, now: SystemTime) -> usize {
    let before = buckets.len();
    buckets.retain(|_, bucket| {
        // A request in flight (or waiting for the bucket) holds a clone of it.
        if Arc::strong_count(bucket) > 1 {
            return true;
        }
        bucket
            .try_lock()
            .map_or(true, |limit| limit.reset().is_some_and(|reset| reset > now))
    });
    before - buckets.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use poise::serenity_prelude::Route;
    use poise::serenity_prelude::{ChannelId, InteractionId};

    fn bucket_of(route: Route<'_>) -> RatelimitingBucket {
        route.ratelimiting_bucket()
    }

    #[test]
    fn idle_buckets_go_and_buckets_in_use_stay() {
        let mut buckets = Buckets::new();
        for id in 1..=3 {
            buckets.insert(
                bucket_of(Route::InteractionResponse {
                    interaction_id: InteractionId::new(id),
                    token: "t",
                }),
                Arc::default(),
            );
        }
        let channel = bucket_of(Route::ChannelMessages {
            channel_id: ChannelId::new(7),
        });
        let in_flight: Arc<Mutex<Ratelimit>> = Arc::default();
        buckets.insert(channel, Arc::clone(&in_flight));

        // The callbacks' buckets had no limit to wait for: they go; the channel's is in use.
        assert_eq!(drop_idle(&mut buckets, SystemTime::now()), 3);
        assert_eq!(buckets.len(), 1);
        assert!(buckets.contains_key(&channel));

        // Once its request is done, it goes too.
        drop(in_flight);
        assert_eq!(drop_idle(&mut buckets, SystemTime::now()), 1);
        assert!(buckets.is_empty());
    }
}
