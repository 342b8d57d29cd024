//! Schedules as admins write them: a cron expression in a time zone, and what to post; and a
//! schedule's record and runs as the store keeps them.
//!
//! [`CronSchedule::parse`] accepts the standard 5-field crontab form (`0 9 * * MON-FRI`) and the
//! 6-field form with seconds first. Days of the week are numbered as in crontab in both forms
//! (0 or 7 = Sunday, 1 = Monday … 6 = Saturday), or named (`MON`–`SUN`).
//!
//! Run times are found in local wall-clock time and then placed on the time line of the zone:
//! - a time that does not exist (the hour skipped when clocks go forward) runs shifted by the
//!   gap, e.g. 02:30 becomes 03:30 on that day;
//! - a time that exists twice (the hour repeated when clocks go back) runs once, the first time.

use crate::domain::ids::{ChannelId, GuildId, UserId};
use crate::domain::periods::Period;
use crate::i18n::Lang;
use crate::t;
use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::fmt;
use std::str::FromStr;

/// What a schedule posts. Later issues add more kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleKind {
    Quiz,
    Tip,
    /// Reminds members with reviews due (in the channel, or by DM for those who chose it).
    Reinforcement,
    /// The week's board so far, after the final standings of a week or season that ended.
    Leaderboard,
    /// The weekly report summary, for admins (no names of members who may need support).
    Digest,
    /// Peers paired across a gap (`domain::pairing`): DMs to each pair, a note in the channel.
    Pairing,
}

impl ScheduleKind {
    pub const ALL: [ScheduleKind; 6] = [
        ScheduleKind::Quiz,
        ScheduleKind::Tip,
        ScheduleKind::Reinforcement,
        ScheduleKind::Leaderboard,
        ScheduleKind::Digest,
        ScheduleKind::Pairing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ScheduleKind::Quiz => "quiz",
            ScheduleKind::Tip => "tip",
            ScheduleKind::Reinforcement => "reinforcement",
            ScheduleKind::Leaderboard => "leaderboard",
            ScheduleKind::Digest => "digest",
            ScheduleKind::Pairing => "pairing",
        }
    }

    pub fn parse(s: &str) -> Option<ScheduleKind> {
        ScheduleKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A checked cron expression.
#[derive(Debug, Clone)]
pub struct CronSchedule {
    /// As the admin wrote it (whitespace normalised).
    source: String,
    inner: cron::Schedule,
}

impl PartialEq for CronSchedule {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl fmt::Display for CronSchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl CronSchedule {
    /// A cron expression, its problems (if any) in English: for expressions already stored.
    pub fn parse(expr: &str) -> Result<CronSchedule, String> {
        CronSchedule::parse_in(expr, Lang::En)
    }

    /// A cron expression an admin typed, its problems in their language `lang`; each ends with
    /// the help on the form.
    pub fn parse_in(expr: &str, lang: Lang) -> Result<CronSchedule, String> {
        let help = t!(lang, "cron-help");
        let fields: Vec<&str> = expr.split_whitespace().collect();
        let source = fields.join(" ");
        let (seconds, rest) = match fields.len() {
            5 => ("0", &fields[..]),
            6 => (fields[0], &fields[1..]),
            0 => return Err(format!("{} {help}", t!(lang, "cron-empty"))),
            n => {
                let problem = t!(lang, "cron-fields", source = source.as_str(), n = n);
                return Err(format!("{problem} {help}"));
            }
        };
        let dow = crontab_weekdays(rest[4], lang).map_err(|e| format!("`{source}`: {e} {help}"))?;
        let full = format!(
            "{seconds} {} {} {} {} {dow}",
            rest[0], rest[1], rest[2], rest[3]
        );
        let inner = cron::Schedule::from_str(&full).map_err(|e| {
            let problem = t!(
                lang,
                "cron-invalid",
                source = source.as_str(),
                error = e.to_string()
            );
            format!("{problem} {help}")
        })?;
        let schedule = CronSchedule { source, inner };
        // An expression such as `0 0 31 2 *` never fires.
        let probe = Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap();
        if schedule.next_after(probe, chrono_tz::UTC).is_none() {
            let problem = t!(lang, "cron-never", source = schedule.source.as_str());
            return Err(format!("{problem} {help}"));
        }
        Ok(schedule)
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The first run strictly after `after`, in zone `tz`.
    pub fn next_after(&self, after: DateTime<Utc>, tz: Tz) -> Option<DateTime<Utc>> {
        let local_after = after.with_timezone(&tz).naive_local();
        // Iterate over wall-clock times by treating them as if they were UTC.
        let mut candidates = self.inner.after(&Utc.from_utc_datetime(&local_after));
        // Bounded: a repeated hour can make a few candidates map to the past.
        for _ in 0..1000 {
            let wall = candidates.next()?.naive_utc();
            let instant = place(wall, tz)?;
            if instant > after {
                return Some(instant);
            }
        }
        None
    }

    /// The last run at or before `at`, in zone `tz` (for catching up after downtime without
    /// walking through every missed run).
    pub fn last_at_or_before(&self, at: DateTime<Utc>, tz: Tz) -> Option<DateTime<Utc>> {
        // Wall-clock times just after `at`, searched backwards.
        let local_end = (at + chrono::Duration::seconds(1))
            .with_timezone(&tz)
            .naive_local();
        let mut candidates = self.inner.after(&Utc.from_utc_datetime(&local_end));
        for _ in 0..1000 {
            let wall = candidates.next_back()?.naive_utc();
            let instant = place(wall, tz)?;
            if instant <= at {
                return Some(instant);
            }
        }
        None
    }

    /// The next `n` runs after `after`.
    pub fn upcoming(&self, after: DateTime<Utc>, tz: Tz, n: usize) -> Vec<DateTime<Utc>> {
        let mut out = Vec::with_capacity(n);
        let mut t = after;
        while out.len() < n {
            match self.next_after(t, tz) {
                Some(next) => {
                    out.push(next);
                    t = next;
                }
                None => break,
            }
        }
        out
    }
}

/// Puts a wall-clock time on the time line of `tz` (see the module doc for gaps and repeats).
fn place(wall: NaiveDateTime, tz: Tz) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&wall) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Some(first.with_timezone(&Utc)),
        LocalResult::None => {
            // In a gap: shift by the gap's length, found from the offsets around it.
            let before = tz.offset_from_utc_datetime(&(wall - chrono::Duration::hours(12)));
            let after = tz.offset_from_utc_datetime(&(wall + chrono::Duration::hours(12)));
            use chrono::Offset;
            let gap = after.fix().local_minus_utc() - before.fix().local_minus_utc();
            let shifted = wall + chrono::Duration::seconds(i64::from(gap.max(60)));
            tz.from_local_datetime(&shifted)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
        }
    }
}

/// Rewrites crontab day-of-week numbers (0/7 = Sunday) as names, which the cron crate reads
/// unambiguously (its own numbers start at 1 = Sunday).
fn crontab_weekdays(field: &str, lang: Lang) -> Result<String, String> {
    const NAMES: [&str; 8] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];
    let mut out = String::new();
    let mut after_slash = false;
    let mut number = String::new();
    let flush = |number: &mut String, out: &mut String, after_slash: bool| -> Result<(), String> {
        if number.is_empty() {
            return Ok(());
        }
        if after_slash {
            out.push_str(number);
        } else {
            let n: usize = number.parse().map_err(|_| t!(lang, "cron-day-number"))?;
            let name = NAMES
                .get(n)
                .ok_or_else(|| t!(lang, "cron-day-range", n = n))?;
            out.push_str(name);
        }
        number.clear();
        Ok(())
    };
    for c in field.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        flush(&mut number, &mut out, after_slash)?;
        match c {
            '/' => after_slash = true,
            ',' | '-' => after_slash = false,
            _ => {}
        }
        out.push(c);
    }
    flush(&mut number, &mut out, after_slash)?;
    // `SAT-SUN` from `6-7` or `6-0`: a range must go forward in the cron crate.
    Ok(out.replace("SAT-SUN", "SAT,SUN"))
}

/// Parses an IANA time zone name, with a helpful error.
pub fn parse_timezone(name: &str, lang: Lang) -> Result<Tz, String> {
    name.trim()
        .parse::<Tz>()
        .map_err(|_| t!(lang, "timezone-unknown", name = name.trim()))
}

/// Time zone names containing `typed` (case-insensitive), best first, at most `max`.
pub fn timezone_suggestions(typed: &str, max: usize) -> Vec<&'static str> {
    let needle = typed.trim().to_lowercase().replace(' ', "_");
    let mut hits: Vec<&'static str> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| name.to_lowercase().contains(&needle))
        .collect();
    // Names that start with (or whose city starts with) the typed text come first.
    hits.sort_by_key(|name| {
        let lower = name.to_lowercase();
        let city = lower.rsplit('/').next().unwrap_or(&lower).to_string();
        (
            !(lower.starts_with(&needle) || city.starts_with(&needle)),
            name.len(),
        )
    });
    hits.truncate(max);
    hits
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleRow {
    pub id: i64,
    pub guild: GuildId,
    pub kind: ScheduleKind,
    pub cron: String,
    /// `None` follows the guild's time zone.
    pub timezone: Option<String>,
    pub channel_id: ChannelId,
    pub topic: Option<String>,
    pub paused: bool,
    pub next_run_ms: Option<i64>,
    pub created_by: UserId,
    pub created_ms: i64,
}

pub struct NewSchedule<'a> {
    pub guild: GuildId,
    pub kind: ScheduleKind,
    pub cron: &'a str,
    pub timezone: Option<&'a str>,
    pub channel_id: ChannelId,
    pub topic: Option<&'a str>,
    pub next_run_ms: Option<i64>,
    pub created_by: UserId,
}

/// What a run puts in the outbox.
#[derive(Debug, Clone)]
pub enum RunOutput {
    /// A quiz post of this question version, open for `window_ms` once posted.
    Quiz { version_id: i64, window_ms: i64 },
    /// A tip.
    Tip { tip_id: String },
    /// Several ready posts (review reminders): `(channel, recipient for a DM, payload)`.
    Posts(Vec<(ChannelId, Option<UserId>, String)>),
    /// Leaderboard posts (channel payloads) and the periods whose final standings they post.
    Board {
        posts: Vec<String>,
        finals: Vec<(Period, String)>,
    },
    /// Pairings to record with the posts that tell the pairs (DMs) and the channel.
    Pairings {
        pairings: Vec<crate::domain::pairing::NewPairing>,
        posts: Vec<(ChannelId, Option<UserId>, String)>,
    },
    /// Nothing to post (no content); the run is still recorded.
    Nothing,
}

/// One run to record.
#[derive(Debug, Clone)]
pub struct Run {
    pub schedule_id: i64,
    pub guild: GuildId,
    pub channel_id: ChannelId,
    pub scheduled_ms: i64,
    pub outcome: &'static str,
    pub output: RunOutput,
    /// The outbox payload (JSON) for a quiz or tip.
    pub payload: String,
    /// The schedule's new cursor; `None` leaves it (manual runs).
    pub next_run_ms: Option<Option<i64>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn five_and_six_field_forms_are_accepted() {
        let five = CronSchedule::parse("0 9 * * MON-FRI").unwrap();
        let six = CronSchedule::parse("0 0 9 * * MON-FRI").unwrap();
        // Friday 2026-11-20 10:00 UTC → next is Monday 09:00.
        let t = utc("2026-11-20T10:00:00Z");
        let monday = utc("2026-11-23T09:00:00Z");
        assert_eq!(five.next_after(t, chrono_tz::UTC), Some(monday));
        assert_eq!(six.next_after(t, chrono_tz::UTC), Some(monday));
    }

    #[test]
    fn weekday_numbers_follow_crontab() {
        // 1-5 is Monday to Friday, as in crontab (not Sunday to Thursday).
        let s = CronSchedule::parse("0 9 * * 1-5").unwrap();
        let sat = utc("2026-11-21T12:00:00Z");
        assert_eq!(
            s.next_after(sat, chrono_tz::UTC),
            Some(utc("2026-11-23T09:00:00Z"))
        );
        let sunday = CronSchedule::parse("0 9 * * 0").unwrap();
        assert_eq!(
            sunday.next_after(sat, chrono_tz::UTC),
            Some(utc("2026-11-22T09:00:00Z"))
        );
        let seven = CronSchedule::parse("0 9 * * 7").unwrap();
        assert_eq!(
            seven.next_after(sat, chrono_tz::UTC),
            Some(utc("2026-11-22T09:00:00Z"))
        );
        let weekend = CronSchedule::parse("0 9 * * 6-7").unwrap();
        assert_eq!(
            weekend.next_after(sat, chrono_tz::UTC),
            Some(utc("2026-11-22T09:00:00Z"))
        );
        let every_other = CronSchedule::parse("0 9 * * 1-5/2").unwrap();
        let runs = every_other.upcoming(sat, chrono_tz::UTC, 3);
        assert_eq!(runs[0], utc("2026-11-23T09:00:00Z"));
        assert_eq!(runs[1], utc("2026-11-25T09:00:00Z"));
    }

    #[test]
    fn bad_expressions_explain_the_form() {
        for bad in [
            "",
            "0 9 * *",
            "61 9 * * *",
            "0 9 * * 8",
            "0 9 * * FUNDAY",
            "1 2 3 4 5 6 7 8",
        ] {
            let e = CronSchedule::parse(bad).unwrap_err();
            assert!(e.contains("0 9 * * MON-FRI"), "{bad}: {e}");
        }
        assert!(CronSchedule::parse("0 0 31 2 *")
            .unwrap_err()
            .contains("never"));
    }

    #[test]
    fn runs_keep_local_time_across_daylight_saving_changes() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let s = CronSchedule::parse("0 9 * * *").unwrap();
        // Clocks go forward on 2026-03-29 in Berlin: 09:00 is 08:00 UTC before, 07:00 after.
        let runs = s.upcoming(utc("2026-03-27T12:00:00Z"), berlin, 3);
        assert_eq!(
            runs,
            vec![
                utc("2026-03-28T08:00:00Z"),
                utc("2026-03-29T07:00:00Z"),
                utc("2026-03-30T07:00:00Z")
            ]
        );
    }

    #[test]
    fn skipped_and_repeated_hours_run_once() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        // 02:30 does not exist on 2026-03-29 in Berlin: it runs at 03:30 local (01:30 UTC).
        let s = CronSchedule::parse("30 2 * * *").unwrap();
        let runs = s.upcoming(utc("2026-03-28T12:00:00Z"), berlin, 2);
        assert_eq!(runs[0], utc("2026-03-29T01:30:00Z"));
        assert_eq!(runs[1], utc("2026-03-30T00:30:00Z"));
        // 02:30 exists twice on 2026-10-25: it runs once, the first time (00:30 UTC).
        let runs = s.upcoming(utc("2026-10-24T12:00:00Z"), berlin, 2);
        assert_eq!(runs[0], utc("2026-10-25T00:30:00Z"));
        assert_eq!(runs[1], utc("2026-10-26T01:30:00Z"));
        // Every 30 minutes through the repeated hour: no time is used twice, never backwards.
        let half = CronSchedule::parse("*/30 * * * *").unwrap();
        let runs = half.upcoming(utc("2026-10-24T23:45:00Z"), berlin, 6);
        assert!(runs.windows(2).all(|w| w[0] < w[1]), "{runs:?}");
    }

    #[test]
    fn the_last_run_before_a_time_is_found_directly() {
        let s = CronSchedule::parse("0 9 * * *").unwrap();
        let at = utc("2026-11-23T10:00:00Z");
        assert_eq!(
            s.last_at_or_before(at, chrono_tz::UTC),
            Some(utc("2026-11-23T09:00:00Z"))
        );
        let exactly = utc("2026-11-23T09:00:00Z");
        assert_eq!(s.last_at_or_before(exactly, chrono_tz::UTC), Some(exactly));
        let before = utc("2026-11-23T08:59:59Z");
        assert_eq!(
            s.last_at_or_before(before, chrono_tz::UTC),
            Some(utc("2026-11-22T09:00:00Z"))
        );
        let every_minute = CronSchedule::parse("* * * * *").unwrap();
        let months_later = utc("2027-02-01T12:34:56Z");
        assert_eq!(
            every_minute.last_at_or_before(months_later, chrono_tz::UTC),
            Some(utc("2027-02-01T12:34:00Z"))
        );
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        // After the spring change 09:00 Berlin is 07:00 UTC.
        assert_eq!(
            s.last_at_or_before(utc("2027-03-28T07:30:00Z"), berlin),
            Some(utc("2027-03-28T07:00:00Z"))
        );
    }

    #[test]
    fn time_zones_parse_and_suggest() {
        assert!(parse_timezone("Europe/Berlin", Lang::En).is_ok());
        let wrong = parse_timezone("Mars/Olympus", Lang::En).unwrap_err();
        assert!(wrong.contains("IANA"), "{wrong}");
        let german = parse_timezone("Mars/Olympus", Lang::De).unwrap_err();
        assert!(german.contains("keine Zeitzone"), "{german}");
        let hits = timezone_suggestions("berl", 25);
        assert_eq!(hits[0], "Europe/Berlin");
        let york = timezone_suggestions("new york", 25);
        assert_eq!(york[0], "America/New_York");
        assert!(timezone_suggestions("", 25).len() == 25);
    }

    #[test]
    fn kinds_round_trip() {
        for k in ScheduleKind::ALL {
            assert_eq!(ScheduleKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ScheduleKind::parse("party"), None);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn cron_field() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("*".to_string()),
            "[0-9]{1,12}",
            "[0-9]{1,2}-[0-9]{1,2}",
            "\\*/[0-9]{1,3}",
            "[0-9]{1,2},[0-9]{1,2}",
            "(MON|TUE|SAT|SUN|JAN|FOO)(-(FRI|SUN|DEC))?",
            "[-*/,?LW#0-9A-Z]{1,6}",
        ]
    }

    proptest! {
        #[test]
        fn any_text_is_a_schedule_or_a_helpful_error(s in "\\PC{0,80}") {
            if let Err(e) = CronSchedule::parse(&s) {
                prop_assert!(e.contains("5 fields"), "{}", e);
            }
        }

        /// Cron-shaped input: either a schedule that fires after any instant in any zone, in
        /// order, or an error that says how to write one.
        #[test]
        fn cron_shaped_input_parses_to_a_working_schedule_or_is_explained(
            fields in prop::collection::vec(cron_field(), 4..8),
            at in 946_684_800i64..4_102_444_800,
            zone in prop::sample::select(vec!["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"]),
        ) {
            let expr = fields.join(" ");
            match CronSchedule::parse(&expr) {
                Ok(c) => {
                    let tz: Tz = zone.parse().unwrap();
                    let after = DateTime::from_timestamp(at, 0).unwrap();
                    let next = c.upcoming(after, tz, 3);
                    for pair in next.windows(2) {
                        prop_assert!(pair[0] < pair[1]);
                    }
                    if let Some(first) = next.first() {
                        prop_assert!(*first > after);
                    }
                    prop_assert_eq!(CronSchedule::parse(c.as_str()).map(|x| x.as_str().to_string()), Ok(c.as_str().to_string()));
                }
                Err(e) => prop_assert!(e.ends_with(&t!(Lang::En, "cron-help")), "{}", e),
            }
        }

        #[test]
        fn time_zones_are_read_exactly_or_explained(s in "\\PC{0,64}") {
            match parse_timezone(&s, Lang::En) {
                Ok(tz) => prop_assert_eq!(parse_timezone(tz.name(), Lang::En), Ok(tz)),
                Err(e) => prop_assert!(e.contains("IANA"), "{}", e),
            }
        }
    }
}
