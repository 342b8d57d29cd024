//! Data retention: how long a server keeps raw events, and the cut-off they are purged before.
//! 0 days means "keep forever"; otherwise between [`MIN_DAYS`] (a quarter, so period reports
//! keep their comparison) and [`MAX_DAYS`] (ten years).

use crate::i18n::Lang;
use crate::t;
use chrono::{DateTime, Duration, Utc};

/// The shortest retention: quarterly reports compare two quarters.
pub const MIN_DAYS: u32 = 90;
/// The longest retention other than "forever".
pub const MAX_DAYS: u32 = 3650;

/// Checks a retention in days (0 keeps everything), with a reason a person can act on.
pub fn check_days(days: i64, lang: Lang) -> Result<u32, String> {
    match u32::try_from(days) {
        Ok(0) => Ok(0),
        Ok(d) if (MIN_DAYS..=MAX_DAYS).contains(&d) => Ok(d),
        _ => Err(t!(
            lang,
            "retention-range",
            min = MIN_DAYS,
            max = MAX_DAYS,
            days = days
        )),
    }
}

/// Raw events at or after this instant are kept; `None` when everything is kept.
pub fn cutoff(now: DateTime<Utc>, days: u32) -> Option<DateTime<Utc>> {
    (days > 0).then(|| now - Duration::days(i64::from(days)))
}

/// How a retention reads in a sentence.
pub fn describe(days: u32, lang: Lang) -> String {
    match days {
        0 => t!(lang, "retention-forever"),
        d => t!(lang, "retention-days", days = d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_is_forever_or_a_quarter_to_ten_years() {
        assert_eq!(check_days(0, Lang::En), Ok(0));
        assert_eq!(check_days(90, Lang::En), Ok(90));
        assert_eq!(check_days(3650, Lang::En), Ok(3650));
        for bad in [-1, 1, 89, 3651, i64::MAX] {
            let e = check_days(bad, Lang::En).unwrap_err();
            assert!(e.contains("between 90 and 3650"), "{e}");
        }
    }

    #[test]
    fn the_cutoff_is_that_many_days_back() {
        let now = DateTime::parse_from_rfc3339("2026-11-23T07:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(cutoff(now, 0), None);
        assert_eq!(
            cutoff(now, 90).unwrap().to_rfc3339(),
            "2026-08-25T07:00:00+00:00"
        );
    }
}
