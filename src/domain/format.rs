//! Human-readable figures and text that fits Discord's limits.

use std::time::Duration;

/// How a Discord timestamp shows its moment, in each reader's own language and time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// "23 November 2026 09:00" (`f`).
    DateTime,
    /// "Monday, 23 November 2026 09:00" (`F`).
    DayDateTime,
    /// "23/11/2026" (`d`).
    ShortDate,
    /// "23 November 2026" (`D`).
    Date,
    /// "in 3 days" (`R`).
    Relative,
    /// "09:00" (`t`).
    Time,
}

/// A moment as a Discord timestamp (`<t:1795424400:F>`): every reader sees it in their own
/// language and time zone. Discord renders these in message text and embed descriptions, not
/// in embed titles or footers.
pub fn discord_time(t: chrono::DateTime<chrono::Utc>, shown: Shown) -> String {
    let style = match shown {
        Shown::DateTime => 'f',
        Shown::DayDateTime => 'F',
        Shown::ShortDate => 'd',
        Shown::Time => 't',
        Shown::Date => 'D',
        Shown::Relative => 'R',
    };
    format!("<t:{}:{style}>", t.timestamp())
}

/// A day of the server's calendar as a Discord date: its noon in the server's zone `tz`, so
/// that readers up to 12 hours away see the same date.
pub fn discord_day(day: chrono::NaiveDate, tz: chrono_tz::Tz) -> String {
    use chrono::TimeZone;
    let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default();
    let t = tz
        .from_local_datetime(&noon)
        .earliest()
        .map_or(noon.and_utc(), |t| t.to_utc());
    discord_time(t, Shown::Date)
}

/// `3d 4h`, `2h 5m`, `4m 10s`, `12s`: the two largest units.
pub fn duration(d: Duration) -> String {
    let s = d.as_secs();
    let (days, hours, minutes, seconds) = (s / 86_400, s / 3_600 % 24, s / 60 % 60, s % 60);
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{seconds}s"),
        (0, 0, _) => format!("{minutes}m {seconds}s"),
        (0, _, _) => format!("{hours}h {minutes}m"),
        _ => format!("{days}d {hours}h"),
    }
}

/// `512 B`, `1.5 KiB`, `12.3 MiB`, `1.2 GiB`.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// A member as Discord shows them (`<@id>`), or "a former member" in `lang` for the anonymous
/// ids left by `/privacy delete` (negative in the database, so above `i64::MAX` here).
pub fn member(user: u64, lang: crate::i18n::Lang) -> String {
    if user > i64::MAX as u64 {
        crate::t!(lang, "former-member")
    } else {
        format!("<@{user}>")
    }
}

/// Cuts `text` to at most `max_chars` characters (not bytes), ending with `…` when cut.
/// `text` on one line: every run of whitespace (newlines too) as one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn fit(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_and_days_become_discord_timestamps() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-23T08:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(discord_time(t, Shown::DayDateTime), "<t:1795420800:F>");
        assert_eq!(discord_time(t, Shown::Relative), "<t:1795420800:R>");
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        // Noon in the server's zone: 12:00 UTC, or 23:00 UTC the day before in Auckland.
        assert_eq!(discord_day(day, chrono_tz::UTC), "<t:1796040000:D>");
        assert_eq!(
            discord_day(day, chrono_tz::Pacific::Auckland),
            "<t:1795993200:D>"
        );
    }

    #[test]
    fn durations_show_two_units() {
        assert_eq!(duration(Duration::from_secs(12)), "12s");
        assert_eq!(duration(Duration::from_secs(250)), "4m 10s");
        assert_eq!(duration(Duration::from_secs(7_500)), "2h 5m");
        assert_eq!(duration(Duration::from_secs(273_600)), "3d 4h");
    }

    #[test]
    fn byte_sizes_use_binary_units() {
        assert_eq!(bytes(512), "512 B");
        assert_eq!(bytes(1536), "1.5 KiB");
        assert_eq!(bytes(5 * 1024 * 1024), "5.0 MiB");
    }

    #[test]
    fn fit_counts_characters_not_bytes() {
        assert_eq!(fit("héllo", 5), "héllo");
        assert_eq!(fit("héllo wörld", 6), "héllo…");
        assert_eq!(fit("héllo wörld", 6).chars().count(), 6);
    }
}
