//! A server's review log in the layout of the open anki-revlogs-10k data set (the `revlogs`
//! part, which srs-benchmark reads), anonymised, so a team can evaluate schedulers on its own
//! data with `peerlearn eval-scheduler` or share it.
//!
//! Columns, one row per answer, in time order:
//!
//! | column | meaning |
//! |---|---|
//! | `user_id` | the member, numbered 1, 2, … in order of their first answer (the data set keeps one file per user; here one column) |
//! | `card_id` | the member's question or flashcard, numbered 1, 2, … per member in order of first answer |
//! | `day_offset` | days since the member's first answer (the server's calendar days) |
//! | `rating` | 3 (Good) for a right answer or "I knew it", 1 (Again) for a wrong one or "Not yet" |
//! | `state` | 0 new (the first answer), 2 review, 3 relearning (after a wrong answer) |
//! | `duration` | answer time in ms, 0 to 60,000 as in the data set; 0 when unknown (channel quiz posts, whose time runs from the post, not from the member seeing it) |
//! | `elapsed_days` | days since the member's previous answer to it (−1 for the first) |
//! | `elapsed_seconds` | seconds since then (−1 for the first) |
//!
//! No ids, names, texts or times of day leave the server: only these numbers.

use chrono::NaiveDate;
use std::collections::HashMap;

/// The longest duration the data set holds, in ms.
pub const DURATION_MAX: i64 = 60_000;

/// The columns, in order.
pub const COLUMNS: [&str; 8] = [
    "user_id",
    "card_id",
    "day_offset",
    "rating",
    "state",
    "duration",
    "elapsed_days",
    "elapsed_seconds",
];

/// One answer as the store has it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewEvent {
    pub user: u64,
    /// The question's id, or `card:N` for a flashcard.
    pub item: String,
    pub day: NaiveDate,
    pub at_ms: i64,
    pub right: bool,
    /// Answer time, when it measures recall (not for channel posts).
    pub duration_ms: Option<i64>,
}

/// One row of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevlogRow {
    pub user_id: u32,
    pub card_id: u32,
    pub day_offset: i64,
    pub rating: u8,
    pub state: u8,
    pub duration: i64,
    pub elapsed_days: i64,
    pub elapsed_seconds: i64,
}

/// The log of `events` (in any order): anonymised and in time order.
pub fn revlog(events: &[ReviewEvent]) -> Vec<RevlogRow> {
    let mut events: Vec<&ReviewEvent> = events.iter().collect();
    events.sort_by_key(|e| (e.at_ms, e.user, e.item.clone()));
    let mut users: HashMap<u64, (u32, NaiveDate)> = HashMap::new();
    let mut cards: HashMap<(u64, &str), u32> = HashMap::new();
    let mut per_user_cards: HashMap<u64, u32> = HashMap::new();
    // Each member's card: its previous answer's day, time and result.
    let mut last: HashMap<(u64, &str), (NaiveDate, i64, bool)> = HashMap::new();
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        let next_user = users.len() as u32 + 1;
        let (user_id, first_day) = *users.entry(e.user).or_insert((next_user, e.day));
        let card_id = *cards.entry((e.user, e.item.as_str())).or_insert_with(|| {
            let n = per_user_cards.entry(e.user).or_insert(0);
            *n += 1;
            *n
        });
        let key = (e.user, e.item.as_str());
        let (state, elapsed_days, elapsed_seconds) = match last.get(&key) {
            None => (0, -1, -1),
            Some((day, at, right)) => (
                if *right { 2 } else { 3 },
                (e.day - *day).num_days().max(0),
                ((e.at_ms - at) / 1000).max(0),
            ),
        };
        last.insert(key, (e.day, e.at_ms, e.right));
        out.push(RevlogRow {
            user_id,
            card_id,
            day_offset: (e.day - first_day).num_days().max(0),
            rating: if e.right { 3 } else { 1 },
            state,
            duration: e.duration_ms.map_or(0, |d| d.clamp(0, DURATION_MAX)),
            elapsed_days,
            elapsed_seconds,
        });
    }
    out
}

/// The log as CSV with a header row.
pub fn to_csv(rows: &[RevlogRow]) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for r in rows {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            r.user_id,
            r.card_id,
            r.day_offset,
            r.rating,
            r.state,
            r.duration,
            r.elapsed_days,
            r.elapsed_seconds
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(
        user: u64,
        item: &str,
        day: u32,
        minute: i64,
        right: bool,
        ms: Option<i64>,
    ) -> ReviewEvent {
        ReviewEvent {
            user,
            item: item.into(),
            day: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            at_ms: i64::from(day) * 86_400_000 + minute * 60_000,
            right,
            duration_ms: ms,
        }
    }

    #[test]
    fn answers_become_anonymous_rows_in_the_data_sets_layout() {
        let events = [
            event(900, "sec-2", 3, 10, true, Some(4200)),
            event(555, "sec-1", 2, 0, false, None),
            event(555, "sec-1", 5, 30, true, Some(70_000)),
            event(555, "card:7", 5, 31, true, Some(2000)),
            event(555, "sec-1", 9, 0, true, Some(3000)),
        ];
        let rows = revlog(&events);
        let table: Vec<[i64; 8]> = rows
            .iter()
            .map(|r| {
                [
                    i64::from(r.user_id),
                    i64::from(r.card_id),
                    r.day_offset,
                    i64::from(r.rating),
                    i64::from(r.state),
                    r.duration,
                    r.elapsed_days,
                    r.elapsed_seconds,
                ]
            })
            .collect();
        assert_eq!(
            table,
            [
                [1, 1, 0, 1, 0, 0, -1, -1],
                [2, 1, 0, 3, 0, 4200, -1, -1],
                [1, 1, 3, 3, 3, 60_000, 3, 3 * 86_400 + 30 * 60],
                [1, 2, 3, 3, 0, 2000, -1, -1],
                [1, 1, 7, 3, 2, 3000, 4, 4 * 86_400 - 30 * 60],
            ],
            "ids by first answer, states, durations within 0..60,000"
        );
        let csv = to_csv(&rows);
        assert!(csv.starts_with(
            "user_id,card_id,day_offset,rating,state,duration,elapsed_days,elapsed_seconds\n1,1,0,1,0,0,-1,-1\n"
        ));
        assert!(
            !csv.contains("555") && !csv.contains("sec-"),
            "nothing identifying"
        );
    }
}
