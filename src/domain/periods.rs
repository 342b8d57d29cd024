//! Board periods on a guild's local calendar: ISO weeks (Monday to Sunday), calendar months,
//! seasons of a chosen number of weeks, and all time.
//!
//! A period is named by a key that sorts in time: a week by its Monday (`2026-11-23`), a month
//! as `2026-11`, a season by its first day, all time as `all`. Seasons are counted from the
//! Monday [`SEASON_EPOCH`], so every guild with the same season length shares boundaries and a
//! season's key never depends on when the bot started.

use crate::i18n::Lang;
use crate::t;
use chrono::{Datelike, Duration, NaiveDate};

/// The Monday seasons are counted from.
pub const SEASON_EPOCH: (i32, u32, u32) = (2024, 1, 1);
/// Shortest and longest season, in weeks.
pub const SEASON_WEEKS: (u32, u32) = (1, 52);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Season,
    All,
}

impl Period {
    pub const ALL: [Period; 4] = [Period::Week, Period::Month, Period::Season, Period::All];

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Season => "season",
            Period::All => "all",
        }
    }

    pub fn parse(s: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// One concrete period: its key and its days `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub period: Period,
    pub key: String,
    pub start: NaiveDate,
    /// The first day after the period.
    pub end: NaiveDate,
}

impl Span {
    /// The period of this kind that contains `day`; seasons last `season_weeks` weeks.
    pub fn containing(period: Period, day: NaiveDate, season_weeks: u32) -> Span {
        let (start, end) = match period {
            Period::Week => {
                let start = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
                (start, start + Duration::days(7))
            }
            Period::Month => {
                let start = day.with_day(1).unwrap_or(day);
                (start, next_month(start))
            }
            Period::Season => {
                let epoch = season_epoch();
                let length = i64::from(season_weeks.max(1)) * 7;
                let index = (day - epoch).num_days().div_euclid(length);
                let start = epoch + Duration::days(index * length);
                (start, start + Duration::days(length))
            }
            Period::All => (NaiveDate::MIN, NaiveDate::MAX),
        };
        let key = match period {
            Period::Month => start.format("%Y-%m").to_string(),
            Period::All => "all".to_string(),
            _ => start.to_string(),
        };
        Span {
            period,
            key,
            start,
            end,
        }
    }

    /// The period just before this one (`None` for all time).
    pub fn previous(&self, season_weeks: u32) -> Option<Span> {
        (self.period != Period::All)
            .then(|| Span::containing(self.period, self.start - Duration::days(1), season_weeks))
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day < self.end
    }

    /// "week of 23 Nov 2026", "November 2026", "season 5 Oct – 27 Dec 2026", "all time", in
    /// `lang`.
    pub fn label(&self, lang: Lang) -> String {
        match self.period {
            Period::Week => t!(lang, "period-week-of", date = lang.date(self.start)),
            Period::Month => lang.month_year(self.start),
            Period::Season => t!(
                lang,
                "period-season-from",
                from = lang.day_month(self.start),
                to = lang.date(self.end - Duration::days(1))
            ),
            Period::All => t!(lang, "period-all-time"),
        }
    }
}

/// The keys of the week, month, season and all time that contain `day`: where an award on
/// that day is counted.
pub fn keys_for(day: NaiveDate, season_weeks: u32) -> [(Period, String); 4] {
    Period::ALL.map(|p| (p, Span::containing(p, day, season_weeks).key))
}

fn season_epoch() -> NaiveDate {
    let (y, m, d) = SEASON_EPOCH;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn next_month(first: NaiveDate) -> NaiveDate {
    let (y, m) = if first.month() == 12 {
        (first.year() + 1, 1)
    } else {
        (first.year(), first.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        let sunday = Span::containing(Period::Week, day(2026, 11, 29), 12);
        assert_eq!(sunday.key, "2026-11-23");
        assert_eq!(sunday.end, day(2026, 11, 30));
        let monday = Span::containing(Period::Week, day(2026, 11, 30), 12);
        assert_eq!(monday.key, "2026-11-30");
        assert_eq!(monday.previous(12).unwrap(), sunday);
        assert_eq!(sunday.label(Lang::En), "week of 23 Nov 2026");
        assert_eq!(sunday.label(Lang::De), "Woche vom 23. Nov. 2026");
    }

    #[test]
    fn months_and_year_ends() {
        let dec = Span::containing(Period::Month, day(2026, 12, 31), 12);
        assert_eq!(dec.key, "2026-12");
        assert_eq!(dec.end, day(2027, 1, 1));
        assert_eq!(
            Span::containing(Period::Month, day(2027, 1, 1), 12)
                .previous(12)
                .unwrap()
                .key,
            "2026-12"
        );
        assert_eq!(dec.label(Lang::En), "December 2026");
    }

    #[test]
    fn seasons_are_counted_from_the_epoch_in_whole_weeks() {
        // 2026-11-23 is 1057 days after 2024-01-01: season 12 of 84 days starts on day 1008.
        let s = Span::containing(Period::Season, day(2026, 11, 23), 12);
        assert_eq!(s.key, "2026-10-05");
        assert_eq!(s.end, day(2026, 12, 28));
        assert!(s.contains(day(2026, 12, 27)) && !s.contains(day(2026, 12, 28)));
        assert_eq!(s.previous(12).unwrap().key, "2026-07-13");
        // A 1-week season is the week.
        assert_eq!(
            Span::containing(Period::Season, day(2026, 11, 29), 1).key,
            "2026-11-23"
        );
        // Days before the epoch still fall in whole seasons.
        assert_eq!(
            Span::containing(Period::Season, day(2023, 12, 31), 4).key,
            "2023-12-04"
        );
    }

    #[test]
    fn all_time_has_one_key_and_no_previous() {
        let all = Span::containing(Period::All, day(2026, 11, 23), 12);
        assert_eq!(all.key, "all");
        assert!(all.previous(12).is_none());
        assert!(all.contains(day(1999, 1, 1)));
        let keys = keys_for(day(2026, 11, 25), 12);
        assert_eq!(keys[0], (Period::Week, "2026-11-23".to_string()));
        assert_eq!(keys[1], (Period::Month, "2026-11".to_string()));
        assert_eq!(keys[3], (Period::All, "all".to_string()));
    }
}
