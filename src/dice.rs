//! The one source of chance, like [`crate::clock`] is the one source of "now": seeded by the
//! operating system in production, by a fixed number in the demo, so that a seed replays the
//! same run. The generator is SplitMix64 (Steele, Lea and Flood 2014): tiny, fast and good
//! enough for picking questions; nothing here is for secrets.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// SplitMix64's increment (2^64 divided by the golden ratio).
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output mix of a state.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A plain generator owned by one task (the demo's simulated people).
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// A generator for one part of a run (`stream`), independent of the others.
    pub fn derive(seed: u64, stream: u64) -> SplitMix64 {
        SplitMix64::new(mix(seed ^ mix(stream.wrapping_add(GOLDEN))))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [low, high).
    pub fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in 0..n (0 when n is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// Fisher-Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

/// How SQL breaks ties "at random" without SQLite's unseedable `RANDOM()`: rows are ordered by
/// `(rowid * multiplier + offset) % SHUFFLE_MODULUS`, a permutation of the rowids below the
/// modulus that changes with the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShuffleKey {
    pub multiplier: i64,
    pub offset: i64,
}

/// A prime; rowids and the key stay far below the point where the product would overflow.
pub const SHUFFLE_MODULUS: i64 = 1_000_003;

/// The bot's shared source of chance: cheap to clone, safe to use from every task.
#[derive(Debug, Clone)]
pub struct Dice {
    state: Arc<AtomicU64>,
}

impl Dice {
    /// Seeded from the operating system (the standard library's per-process hasher keys).
    pub fn from_entropy() -> Dice {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(0);
        Dice::seeded(h.finish())
    }

    /// The same seed gives the same sequence.
    pub fn seeded(seed: u64) -> Dice {
        Dice {
            state: Arc::new(AtomicU64::new(seed)),
        }
    }

    pub fn next_u64(&self) -> u64 {
        mix(self
            .state
            .fetch_add(GOLDEN, Ordering::Relaxed)
            .wrapping_add(GOLDEN))
    }

    /// Uniform in [0, 1).
    pub fn unit(&self) -> f64 {
        SplitMix64::new(self.next_u64()).unit()
    }

    pub fn shuffle<T>(&self, items: &mut [T]) {
        SplitMix64::new(self.next_u64()).shuffle(items);
    }

    /// A fresh tie-break order for a query.
    pub fn shuffle_key(&self) -> ShuffleKey {
        let r = self.next_u64();
        ShuffleKey {
            multiplier: 1 + (r % (SHUFFLE_MODULUS as u64 - 1)) as i64,
            offset: ((r >> 32) % SHUFFLE_MODULUS as u64) as i64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_throws_and_streams_differ() {
        let a: Vec<u64> = (0..5).map(|_| Dice::seeded(7).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let dice = Dice::seeded(7);
        let first = dice.next_u64();
        assert_eq!(first, a[0]);
        assert_ne!(dice.next_u64(), first);
        let mut one = SplitMix64::derive(7, 1);
        let mut two = SplitMix64::derive(7, 2);
        assert_ne!(one.next_u64(), two.next_u64());
        // SplitMix64's published first output for seed 0.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(Dice::seeded(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn unit_draws_are_in_range_and_roughly_uniform() {
        let mut rng = SplitMix64::new(42);
        let draws: Vec<f64> = (0..10_000).map(|_| rng.unit()).collect();
        assert!(draws.iter().all(|u| (0.0..1.0).contains(u)));
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        assert!((mean - 0.5).abs() < 0.02, "{mean}");
        let heads = (0..10_000).filter(|_| rng.chance(0.25)).count();
        assert!((2_300..2_700).contains(&heads), "{heads}");
    }

    #[test]
    fn a_shuffle_is_a_permutation_and_keys_are_in_range() {
        let mut items: Vec<u32> = (0..50).collect();
        Dice::seeded(3).shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(items, sorted);
        let dice = Dice::seeded(9);
        for _ in 0..1000 {
            let k = dice.shuffle_key();
            assert!((1..SHUFFLE_MODULUS).contains(&k.multiplier));
            assert!((0..SHUFFLE_MODULUS).contains(&k.offset));
        }
    }
}
