//! Routing a question to a peer expert: which topic it is about, and which expert gets it.
//!
//! - Topic: the asker's choice wins; else the first configured keyword rule that matches;
//!   else the topic whose content (questions, tips, accepted answers) best matches the words
//!   of the question; else [`GENERAL`].
//! - Expert: among those who cover the topic, are not away and are not the asker (nor tried
//!   before for this question): fewest open questions first, then the fastest recent first
//!   response (unknown after known), then whoever was assigned least recently (round-robin),
//!   then the lowest id so the choice is deterministic.

use crate::domain::ids::UserId;
use crate::i18n::Lang;
use crate::t;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use regex::Regex;

/// The catch-all topic for questions that fit no other.
pub const GENERAL: &str = "general";

/// A keyword rule from the configuration: text matching `pattern` is about `topic`.
#[derive(Debug, Clone)]
pub struct TopicRule {
    pub topic: String,
    pub pattern: Regex,
}

/// How a question's topic was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicReason {
    Chosen,
    Rule,
    Content,
    Fallback,
}

impl TopicReason {
    pub fn describe(self, lang: Lang) -> String {
        match self {
            TopicReason::Chosen => t!(lang, "route-chosen"),
            TopicReason::Rule => t!(lang, "route-rule"),
            TopicReason::Content => t!(lang, "route-content"),
            TopicReason::Fallback => t!(lang, "route-fallback"),
        }
    }
}

/// The topic of a question. `content_scores` are (topic, score) pairs from the full-text
/// search over the content bank (higher is a better match; a topic may appear many times).
pub fn classify(
    text: &str,
    chosen: Option<&str>,
    rules: &[TopicRule],
    content_scores: &[(String, f64)],
) -> (String, TopicReason) {
    if let Some(t) = chosen.filter(|t| !t.trim().is_empty()) {
        return (t.to_string(), TopicReason::Chosen);
    }
    if let Some(rule) = rules.iter().find(|r| r.pattern.is_match(text)) {
        return (rule.topic.clone(), TopicReason::Rule);
    }
    let mut totals: Vec<(String, f64)> = Vec::new();
    for (topic, score) in content_scores.iter().filter(|(_, s)| *s > 0.0) {
        match totals.iter_mut().find(|(t, _)| t == topic) {
            Some((_, total)) => *total += score,
            None => totals.push((topic.clone(), *score)),
        }
    }
    let best = totals
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
    match best {
        Some((topic, _)) => (topic, TopicReason::Content),
        None => (GENERAL.to_string(), TopicReason::Fallback),
    }
}

/// What is known about an expert who could take a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub user: u64,
    /// Questions assigned to them and not yet closed or escalated past them.
    pub open: u32,
    /// Median minutes to their first reply over their recent questions; `None` if unknown.
    pub median_response_minutes: Option<f64>,
    /// When they were last assigned a question (unix ms); `None` if never.
    pub last_assigned_ms: Option<i64>,
    /// Their expertise on the topic (`domain::expertise`): among equally loaded experts, the
    /// more expert is asked first.
    pub score: f64,
}

/// The experts in the order they should be asked: fewest open questions, then the most expert
/// (`Candidate::score`), then the fastest recent first reply, then whoever was asked least
/// recently; `excluded` (the asker, experts who were already asked, experts who are away) never
/// appear.
pub fn rank(mut candidates: Vec<Candidate>, excluded: &[u64]) -> Vec<u64> {
    candidates.retain(|c| !excluded.contains(&c.user));
    candidates.sort_by(|a, b| {
        a.open
            .cmp(&b.open)
            .then_with(|| b.score.total_cmp(&a.score))
            .then_with(
                || match (a.median_response_minutes, b.median_response_minutes) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                },
            )
            .then_with(|| a.last_assigned_ms.cmp(&b.last_assigned_ms))
            .then_with(|| a.user.cmp(&b.user))
    });
    candidates.into_iter().map(|c| c.user).collect()
}

/// When an expert who says they are away until `text` is back: a date (`2026-12-01`, back at
/// the start of that day in the guild's time zone) or a duration from now (`4h`, `3d`, `2w`).
/// An empty text means "until I say I am back" (`None`).
pub fn parse_away_until(
    text: &str,
    now: DateTime<Utc>,
    tz: Tz,
    lang: Lang,
) -> Result<Option<DateTime<Utc>>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let hint = t!(lang, "away-hint");
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        let start = day.and_hms_opt(0, 0, 0).expect("midnight exists");
        let back = tz
            .from_local_datetime(&start)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| {
                let zone = tz.name();
                format!(
                    "{} {hint}",
                    t!(lang, "away-no-such-time", text = text, zone = zone)
                )
            })?;
        if back <= now {
            return Err(format!(
                "{} {hint}",
                t!(lang, "away-not-future", text = text)
            ));
        }
        return Ok(Some(back));
    }
    let (number, unit) = text.split_at(text.len() - text.chars().last().map_or(0, char::len_utf8));
    let n: i64 = number
        .trim()
        .parse()
        .map_err(|_| format!("{} {hint}", t!(lang, "away-unreadable", text = text)))?;
    let span = match unit.to_ascii_lowercase().as_str() {
        "h" => Duration::hours(n),
        "d" => Duration::days(n),
        "w" => Duration::weeks(n),
        _ => {
            let unreadable = t!(lang, "away-unreadable", text = text);
            return Err(format!("{unreadable} {hint}"));
        }
    };
    if n <= 0 || span > Duration::days(366) {
        return Err(format!("{} {hint}", t!(lang, "away-range", text = text)));
    }
    Ok(Some(now + span))
}

/// An expert on a topic, with their availability now.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpertRow {
    pub topic_id: String,
    pub user: UserId,
    pub away: Away,
    /// Questions assigned to them and still open.
    pub open: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Away {
    Available,
    /// Until this time (unix ms), or until they say they are back.
    Until(Option<i64>),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(topic: &str, pattern: &str) -> TopicRule {
        TopicRule {
            topic: topic.into(),
            pattern: Regex::new(pattern).unwrap(),
        }
    }

    #[test]
    fn chosen_topic_wins_then_rules_then_content_then_general() {
        let rules = [rule("security", r"(?i)\b(vpn|password)\b")];
        let scores = [
            ("privacy".to_string(), 2.0),
            ("support".to_string(), 1.5),
            ("support".to_string(), 1.0),
        ];
        let ask = "vpn keeps dropping";
        assert_eq!(
            classify(ask, Some("support"), &rules, &scores),
            ("support".into(), TopicReason::Chosen)
        );
        assert_eq!(
            classify(ask, None, &rules, &scores),
            ("security".into(), TopicReason::Rule)
        );
        assert_eq!(
            classify("refund policy", None, &rules, &scores),
            ("support".into(), TopicReason::Content)
        );
        assert_eq!(
            classify("lunch?", None, &rules, &[]),
            (GENERAL.into(), TopicReason::Fallback)
        );
    }

    fn c(user: u64, open: u32, median: Option<f64>, last: Option<i64>) -> Candidate {
        Candidate {
            user,
            open,
            median_response_minutes: median,
            last_assigned_ms: last,
            score: 0.0,
        }
    }

    #[test]
    fn least_loaded_then_fastest_then_round_robin() {
        let all = vec![
            c(1, 2, Some(5.0), Some(10)),
            c(2, 0, None, None),
            c(3, 0, Some(30.0), Some(50)),
            c(4, 0, Some(10.0), Some(40)),
            c(5, 0, Some(10.0), Some(20)),
        ];
        assert_eq!(rank(all.clone(), &[]), vec![5, 4, 3, 2, 1]);
        assert_eq!(rank(all, &[5, 4]), vec![3, 2, 1]);
        // Unknown response times: whoever waited longest since their last question.
        let fresh = vec![
            c(7, 0, None, Some(100)),
            c(8, 0, None, None),
            c(9, 0, None, Some(50)),
        ];
        assert_eq!(rank(fresh, &[]), vec![8, 9, 7]);
        // Among equally loaded experts, the more expert first; load still comes first.
        let scored = |user, open, score| Candidate {
            score,
            ..c(user, open, None, None)
        };
        let all = vec![scored(1, 0, 0.4), scored(2, 0, 0.9), scored(3, 1, 1.0)];
        assert_eq!(rank(all, &[]), vec![2, 1, 3]);
    }

    #[test]
    fn away_until_dates_and_durations() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 7, 0, 0).unwrap();
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(parse_away_until("", now, berlin, Lang::En), Ok(None));
        assert_eq!(
            parse_away_until("2026-12-01", now, berlin, Lang::En),
            Ok(Some(Utc.with_ymd_and_hms(2026, 11, 30, 23, 0, 0).unwrap()))
        );
        assert_eq!(
            parse_away_until("3d", now, berlin, Lang::En),
            Ok(Some(now + Duration::days(3)))
        );
        assert_eq!(
            parse_away_until("4H", now, berlin, Lang::En),
            Ok(Some(now + Duration::hours(4)))
        );
        for bad in ["2026-11-01", "soon", "0d", "-3d", "400d", "3x", "ä"] {
            let e = parse_away_until(bad, now, berlin, Lang::En).unwrap_err();
            assert!(e.contains("Use a date"), "{bad}: {e}");
        }
    }
}
