//! Settings: the documented defaults in `config/default.toml`, overridden by an optional file
//! (`--config PATH`) and then by `PEERLEARN_<SECTION>__<KEY>` environment variables.
//!
//! Every setting is checked once, at start-up. A bad one yields a [`ConfigError`] that names the
//! key, where the value came from, and what is wrong. The bot token is not a setting: it comes
//! from `DISCORD_TOKEN` only and is kept in a [`Token`] that never prints.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::{Table, Value};

/// The defaults, documented line by line.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");
/// Discord's own API host.
pub const DISCORD_API_BASE: &str = "https://discord.com";
/// The environment variable prefix for overrides.
pub const ENV_PREFIX: &str = "PEERLEARN_";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Settings {
    pub discord: DiscordSettings,
    pub database: DatabaseSettings,
    pub log: LogSettings,
    pub bot: BotSettings,
    pub content: ContentSettings,
    pub quiz: QuizSettings,
    pub scheduler: SchedulerSettings,
    pub delivery: DeliverySettings,
    pub reinforcement: ReinforcementSettings,
    pub experts: ExpertSettings,
    pub points: PointSettings,
    pub boards: BoardSettings,
    pub reports: ReportSettings,
    pub measurement: MeasurementSettings,
    pub privacy: PrivacySettings,
    pub knowledge: KnowledgeSettings,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DiscordSettings {
    pub api_base: String,
    pub dev_guild_id: String,
    /// The gateway shards this process runs (see [`ShardRange`]); empty: all of them.
    #[serde(default)]
    pub shards: String,
}

/// Gateway shards `first..=last` of `total`, parsed from `discord.shards` ("0-1/4", "1/2").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl ShardRange {
    /// The range `text` names; a message saying what is wrong otherwise.
    pub fn parse(text: &str) -> Result<ShardRange, String> {
        const FORM: &str = "expected FIRST-LAST/COUNT (e.g. \"0-1/4\") or ID/COUNT (e.g. \"1/2\")";
        let (range, total) = text.split_once('/').ok_or_else(|| FORM.to_string())?;
        let number = |t: &str| t.trim().parse::<u32>().map_err(|_| FORM.to_string());
        let (first, last) = match range.split_once('-') {
            Some((a, b)) => (number(a)?, number(b)?),
            None => (number(range)?, number(range)?),
        };
        let total = number(total)?;
        if total == 0 {
            return Err("the shard count must be at least 1".into());
        }
        if first > last {
            return Err(format!(
                "the first shard ({first}) comes after the last ({last})"
            ));
        }
        if last >= total {
            return Err(format!(
                "shard {last} does not exist in a count of {total} (shards are numbered from 0)"
            ));
        }
        Ok(ShardRange { first, last, total })
    }

    /// Whether this process runs every shard.
    pub fn is_all(&self) -> bool {
        self.first == 0 && self.last + 1 == self.total
    }
}

impl std::fmt::Display for ShardRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}/{}", self.first, self.last, self.total)
    }
}

impl DiscordSettings {
    /// The guild to register commands in, when set.
    pub fn dev_guild(&self) -> Option<u64> {
        self.dev_guild_id.parse().ok()
    }

    /// The shards this process runs; `None`: every shard Discord recommends.
    pub fn shard_range(&self) -> Option<ShardRange> {
        ShardRange::parse(&self.shards).ok()
    }

    /// Whether the bot talks to Discord itself (rather than a compatible server).
    pub fn is_discord(&self) -> bool {
        self.api_base == DISCORD_API_BASE
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DatabaseSettings {
    /// A `postgres://` URL selects Postgres; empty means SQLite at `path`.
    #[serde(default)]
    pub url: String,
    pub path: PathBuf,
    pub busy_timeout_ms: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LogSettings {
    pub filter: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BotSettings {
    pub default_timezone: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ContentSettings {
    pub max_import_bytes: u64,
    pub load_starter_pack: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuizSettings {
    pub window_minutes: u32,
    pub avoid_recent_posts: u32,
    pub count_edit_interval_seconds: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SchedulerSettings {
    pub grace_minutes: u32,
    pub poll_seconds: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DeliverySettings {
    pub max_attempts: u32,
    pub requests_per_second: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ReinforcementSettings {
    pub mastered_stability_days: u32,
    pub items_per_review: u32,
    pub daily_review_cap: u32,
    pub team_recall_target: f64,
    pub fit_min_answers: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MeasurementSettings {
    pub check_share: f64,
    pub checks_per_day: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExpertSettings {
    pub escalation_after_minutes: u32,
    pub max_escalations: u32,
    pub nudge_asker_after_hours: u32,
    pub abandon_after_days: u32,
    pub kb_matches: u32,
    pub topic_rules: Vec<TopicRuleSetting>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PointSettings {
    pub quiz_correct: u32,
    pub review_correct: u32,
    pub practice_correct: u32,
    pub accepted_answer: u32,
    pub asking: u32,
    pub card_review: u32,
    pub pairing: u32,
    pub streak_bonus: u32,
    pub streak_bonus_every_days: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BoardSettings {
    pub season_weeks: u32,
    pub top: u32,
    pub improved_min_answers: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ReportSettings {
    pub min_group_size: u32,
    pub competency_share: f64,
    pub support_recall_below: f64,
    pub support_accuracy_drop_points: u32,
    pub support_inactive_days: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PrivacySettings {
    pub retention_days: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct KnowledgeSettings {
    pub verification_days: u32,
    pub verification_grace_days: u32,
}

/// A keyword rule: questions matching `pattern` (a regular expression) go to `topic`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TopicRuleSetting {
    pub topic: String,
    pub pattern: String,
}

impl ExpertSettings {
    /// The keyword rules, compiled (they were checked when the settings were loaded).
    pub fn compiled_rules(&self) -> Vec<crate::domain::routing::TopicRule> {
        self.topic_rules
            .iter()
            .filter_map(|r| {
                Some(crate::domain::routing::TopicRule {
                    topic: r.topic.clone(),
                    pattern: regex::Regex::new(&r.pattern).ok()?,
                })
            })
            .collect()
    }
}

/// Shortest and longest quiz window, in minutes (one week).
pub const QUIZ_WINDOW_MINUTES: (u32, u32) = (1, 10_080);

/// A setting that cannot be used, with the key and the reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("setting `{key}` ({source_name}): {problem}")]
pub struct ConfigError {
    /// Dotted key, e.g. `discord.api_base`.
    pub key: String,
    /// Where the value came from: a file path, an environment variable, or "defaults".
    pub source_name: String,
    pub problem: String,
}

fn error(key: &str, source_name: &str, problem: impl Into<String>) -> ConfigError {
    ConfigError {
        key: key.to_string(),
        source_name: source_name.to_string(),
        problem: problem.into(),
    }
}

impl Settings {
    /// Defaults, then the file, then the environment.
    pub fn load(file: Option<&Path>) -> Result<Settings, ConfigError> {
        let env: BTreeMap<String, String> = std::env::vars()
            .filter(|(k, _)| k.starts_with(ENV_PREFIX))
            .collect();
        Settings::load_from(file, &env)
    }

    /// [`Settings::load`] with the environment passed in (for tests).
    pub fn load_from(
        file: Option<&Path>,
        env: &BTreeMap<String, String>,
    ) -> Result<Settings, ConfigError> {
        let mut merged: Table = DEFAULT_TOML
            .parse()
            .map_err(|e| error("(all)", "defaults", format!("{e}")))?;
        // Which source set each key, for error messages.
        let mut origin: BTreeMap<String, String> = BTreeMap::new();
        if let Some(path) = file {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path)
                .map_err(|e| error("--config", &name, format!("cannot read the file: {e}")))?;
            let overrides: Table = text
                .parse()
                .map_err(|e| error("(file)", &name, format!("not valid TOML: {e}")))?;
            for (section, values) in overrides {
                let Value::Table(values) = values else {
                    return Err(error(&section, &name, "expected a [section] of settings"));
                };
                for (key, value) in values {
                    let dotted = format!("{section}.{key}");
                    set(&mut merged, &dotted, value, &name)?;
                    origin.insert(dotted, name.clone());
                }
            }
        }
        for (var, raw) in env {
            let Some(rest) = var.strip_prefix(ENV_PREFIX) else {
                continue;
            };
            let Some((section, key)) = rest.split_once("__") else {
                return Err(error(
                    rest,
                    var,
                    "expected PEERLEARN_<SECTION>__<KEY>, e.g. PEERLEARN_DATABASE__PATH",
                ));
            };
            let dotted = format!("{}.{}", section.to_lowercase(), key.to_lowercase());
            let value = env_value(&merged, &dotted, raw);
            set(&mut merged, &dotted, value, var)?;
            origin.insert(dotted, var.clone());
        }
        let source_of = |key: &str| origin.get(key).cloned().unwrap_or("defaults".into());
        let settings: Settings = Value::Table(merged)
            .try_into()
            .map_err(|e| error("(all)", "merged settings", format!("{e}")))?;
        settings.validate(&source_of)
    }

    /// Checks each setting's meaning; normalises where harmless (trailing slash of api_base).
    fn validate(mut self, source_of: &dyn Fn(&str) -> String) -> Result<Settings, ConfigError> {
        let bad = |key: &str, problem: String| error(key, &source_of(key), problem);
        let base = self.discord.api_base.trim_end_matches('/').to_string();
        let scheme_ok = base.starts_with("http://") || base.starts_with("https://");
        let host = base.split_once("://").map(|(_, h)| h).unwrap_or("");
        if !scheme_ok || host.is_empty() || host.contains('/') || host.contains('?') {
            return Err(bad(
                "discord.api_base",
                format!("{base:?} is not a base URL like \"https://discord.com\" or \"http://127.0.0.1:8080\" (scheme and host, no path)"),
            ));
        }
        self.discord.api_base = base;
        let guild = self.discord.dev_guild_id.trim().to_string();
        if !guild.is_empty() && guild.parse::<u64>().map_or(true, |g| g == 0) {
            return Err(bad(
                "discord.dev_guild_id",
                format!("{guild:?} is not a server id (digits, as copied with \"Copy Server ID\"); leave it empty to register commands globally"),
            ));
        }
        self.discord.dev_guild_id = guild;
        let shards = self.discord.shards.trim().to_string();
        if !shards.is_empty() {
            if let Err(problem) = ShardRange::parse(&shards) {
                return Err(bad("discord.shards", problem));
            }
        }
        self.discord.shards = shards;
        let url = self.database.url.trim();
        if !url.is_empty() && !url.starts_with("postgres://") && !url.starts_with("postgresql://") {
            return Err(bad(
                "database.url",
                "must be a postgres:// URL, or empty for SQLite at database.path".into(),
            ));
        }
        self.database.url = url.to_string();
        if self.database.path.as_os_str().is_empty() {
            return Err(bad("database.path", "must name a file".into()));
        }
        if self.database.busy_timeout_ms == 0 {
            return Err(bad(
                "database.busy_timeout_ms",
                "must be at least 1 (milliseconds)".into(),
            ));
        }
        if let Err(e) = tracing_subscriber::EnvFilter::try_new(&self.log.filter) {
            return Err(bad("log.filter", format!("not a valid filter: {e}")));
        }
        if self.bot.default_timezone.parse::<chrono_tz::Tz>().is_err() {
            return Err(bad(
                "bot.default_timezone",
                format!(
                    "{:?} is not an IANA time zone name (e.g. \"Europe/Berlin\", \"UTC\")",
                    self.bot.default_timezone
                ),
            ));
        }
        let at_least = |key: &str, value: u64, min: u64| {
            (value < min).then(|| bad(key, format!("must be at least {min}, got {value}")))
        };
        let checks = [
            at_least(
                "content.max_import_bytes",
                self.content.max_import_bytes,
                1024,
            ),
            at_least(
                "quiz.count_edit_interval_seconds",
                self.quiz.count_edit_interval_seconds.into(),
                1,
            ),
            at_least(
                "scheduler.poll_seconds",
                self.scheduler.poll_seconds.into(),
                1,
            ),
            at_least(
                "delivery.max_attempts",
                self.delivery.max_attempts.into(),
                1,
            ),
            at_least(
                "experts.escalation_after_minutes",
                self.experts.escalation_after_minutes.into(),
                1,
            ),
            at_least(
                "experts.nudge_asker_after_hours",
                self.experts.nudge_asker_after_hours.into(),
                1,
            ),
            at_least(
                "experts.abandon_after_days",
                self.experts.abandon_after_days.into(),
                1,
            ),
            at_least("experts.kb_matches", self.experts.kb_matches.into(), 1),
            at_least("boards.top", self.boards.top.into(), 1),
            at_least(
                "reports.min_group_size",
                self.reports.min_group_size.into(),
                1,
            ),
            at_least(
                "reports.support_inactive_days",
                self.reports.support_inactive_days.into(),
                1,
            ),
        ];
        if let Some(e) = checks.into_iter().flatten().next() {
            return Err(e);
        }
        if !(1..=50).contains(&self.delivery.requests_per_second) {
            return Err(bad(
                "delivery.requests_per_second",
                format!(
                    "must be 1 to 50 (Discord allows a bot 50 requests per second), got {}",
                    self.delivery.requests_per_second
                ),
            ));
        }
        if self.reinforcement.items_per_review > 25 {
            return Err(bad(
                "reinforcement.items_per_review",
                format!(
                    "must be at most 25, got {}",
                    self.reinforcement.items_per_review
                ),
            ));
        }
        if self.experts.kb_matches > 5 {
            return Err(bad(
                "experts.kb_matches",
                format!("must be at most 5, got {}", self.experts.kb_matches),
            ));
        }
        for (i, rule) in self.experts.topic_rules.iter().enumerate() {
            let key = "experts.topic_rules";
            if rule.topic.trim().is_empty() {
                return Err(bad(key, format!("rule {} has no topic", i + 1)));
            }
            if let Err(e) = regex::Regex::new(&rule.pattern) {
                return Err(bad(
                    key,
                    format!(
                        "rule {} (topic {:?}): the pattern is not a valid regular expression: {e}",
                        i + 1,
                        rule.topic
                    ),
                ));
            }
        }
        let (lo, hi) = crate::domain::periods::SEASON_WEEKS;
        if !(lo..=hi).contains(&self.boards.season_weeks) {
            return Err(bad(
                "boards.season_weeks",
                format!(
                    "must be between {lo} and {hi} weeks, got {}",
                    self.boards.season_weeks
                ),
            ));
        }
        if self.boards.top > 25 {
            return Err(bad(
                "boards.top",
                format!("must be at most 25, got {}", self.boards.top),
            ));
        }
        let fractions = [
            (
                "reports.competency_share",
                self.reports.competency_share,
                0.5,
            ),
            (
                "reports.support_recall_below",
                self.reports.support_recall_below,
                0.0,
            ),
            ("measurement.check_share", self.measurement.check_share, 0.0),
        ];
        for (key, value, min) in fractions {
            if !(min..=1.0).contains(&value) {
                return Err(bad(
                    key,
                    format!("must be between {min} and 1.0, got {value}"),
                ));
            }
        }
        if let Err(e) = crate::domain::refreshers::check_target(
            self.reinforcement.team_recall_target,
            crate::i18n::Lang::En,
        ) {
            return Err(bad("reinforcement.team_recall_target", e));
        }
        let (lo, hi) = crate::domain::verification::INTERVAL_DAYS;
        if !(lo..=hi).contains(&self.knowledge.verification_days) {
            return Err(bad(
                "knowledge.verification_days",
                format!(
                    "must be between {lo} and {hi} days, got {}",
                    self.knowledge.verification_days
                ),
            ));
        }
        if self.knowledge.verification_grace_days > hi {
            return Err(bad(
                "knowledge.verification_grace_days",
                format!(
                    "must be at most {hi} days, got {}",
                    self.knowledge.verification_grace_days
                ),
            ));
        }
        if let Err(e) = crate::domain::retention::check_days(
            i64::from(self.privacy.retention_days),
            crate::i18n::Lang::En,
        ) {
            return Err(bad("privacy.retention_days", e));
        }
        if self.reports.support_accuracy_drop_points > 100 {
            return Err(bad(
                "reports.support_accuracy_drop_points",
                format!(
                    "must be at most 100 (percentage points), got {}",
                    self.reports.support_accuracy_drop_points
                ),
            ));
        }
        let (lo, hi) = QUIZ_WINDOW_MINUTES;
        if !(lo..=hi).contains(&self.quiz.window_minutes) {
            return Err(bad(
                "quiz.window_minutes",
                format!(
                    "must be between {lo} and {hi} minutes, got {}",
                    self.quiz.window_minutes
                ),
            ));
        }
        Ok(self)
    }

    /// The settings as TOML, for `peerlearn config check`.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }
}

/// Replaces a known key's value; unknown keys and wrong types are errors.
fn set(merged: &mut Table, dotted: &str, value: Value, source: &str) -> Result<(), ConfigError> {
    let (section, key) = dotted.split_once('.').unwrap_or((dotted, ""));
    let known = merged
        .get_mut(section)
        .and_then(Value::as_table_mut)
        .filter(|t| t.contains_key(key));
    let Some(table) = known else {
        return Err(error(dotted, source, unknown_key_hint(merged)));
    };
    let current = &table[key];
    if current.type_str() != value.type_str() {
        return Err(error(
            dotted,
            source,
            format!("expected {}, got {}", kind_of(current), kind_of(&value)),
        ));
    }
    table.insert(key.to_string(), value);
    Ok(())
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Integer(_) => "a whole number",
        Value::Boolean(_) => "true or false",
        Value::String(_) => "text in quotes",
        Value::Float(_) => "a decimal number",
        _ => "a structured value",
    }
}

fn unknown_key_hint(merged: &Table) -> String {
    let known: Vec<String> = merged
        .iter()
        .flat_map(|(s, t)| {
            t.as_table()
                .into_iter()
                .flat_map(move |t| t.keys().map(move |k| format!("{s}.{k}")))
        })
        .collect();
    format!("unknown setting; known settings are {}", known.join(", "))
}

/// Environment values are text; read them as the type the key has in the defaults.
fn env_value(merged: &Table, dotted: &str, raw: &str) -> Value {
    let (section, key) = dotted.split_once('.').unwrap_or((dotted, ""));
    let current = merged.get(section).and_then(|s| s.get(key));
    match current {
        Some(Value::Integer(_)) => raw
            .trim()
            .parse()
            .map(Value::Integer)
            .unwrap_or(Value::String(raw.into())),
        Some(Value::Boolean(_)) => raw
            .trim()
            .parse()
            .map(Value::Boolean)
            .unwrap_or(Value::String(raw.into())),
        Some(Value::Float(_)) => raw
            .trim()
            .parse()
            .map(Value::Float)
            .unwrap_or(Value::String(raw.into())),
        _ => Value::String(raw.into()),
    }
}

/// The bot token from `DISCORD_TOKEN`. Its `Debug` and `Display` never show it.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    pub fn new(token: impl Into<String>) -> Token {
        Token(token.into().trim().to_string())
    }

    /// Reads `DISCORD_TOKEN`; `None` when unset or empty.
    pub fn from_env() -> Option<Token> {
        std::env::var("DISCORD_TOKEN")
            .ok()
            .map(Token::new)
            .filter(|t| !t.0.is_empty())
    }

    /// The secret itself, for the HTTP client only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's configuration table and `config/default.toml` name the same settings, with
    /// the same defaults where the table shows a plain value.
    #[test]
    fn the_readme_documents_every_setting_and_no_other() {
        let readme = include_str!("../README.md");
        let mut documented: BTreeMap<String, String> = BTreeMap::new();
        let table = readme
            .split("| setting | default | meaning |")
            .nth(1)
            .expect("the README has the configuration table");
        for line in table.lines().skip(2).take_while(|l| l.starts_with('|')) {
            let cells: Vec<&str> = line.split(" | ").collect();
            let defaults: Vec<&str> = cells[1].split(" / ").collect();
            let keys: Vec<&str> = cells[0].trim_start_matches("| ").split(" / ").collect();
            for (i, key) in keys.iter().enumerate() {
                let key = key.trim_matches('`').to_string();
                let default = defaults.get(i).copied().unwrap_or(cells[1]);
                documented.insert(key, default.to_string());
            }
        }
        let defaults: toml::Table = DEFAULT_TOML.parse().unwrap();
        let mut existing: BTreeMap<String, String> = BTreeMap::new();
        for (section, table) in &defaults {
            for (key, value) in table.as_table().expect("sections only") {
                let shown = match value {
                    toml::Value::String(s) if s.is_empty() => "empty".to_string(),
                    toml::Value::String(s) => format!("`{s}`"),
                    other => format!("`{other}`"),
                };
                existing.insert(format!("{section}.{key}"), shown);
            }
        }
        let undocumented: Vec<&String> = existing
            .keys()
            .filter(|k| !documented.contains_key(*k))
            .collect();
        let unknown: Vec<&String> = documented
            .keys()
            .filter(|k| !existing.contains_key(*k))
            .collect();
        assert!(
            undocumented.is_empty(),
            "not in the README: {undocumented:?}"
        );
        assert!(
            unknown.is_empty(),
            "in the README but not a setting: {unknown:?}"
        );
        for (key, shown) in &documented {
            let plain = shown.starts_with('`') || shown == "empty";
            if plain {
                assert_eq!(shown, &existing[key], "the README's default for {key}");
            }
        }
    }

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_load_and_are_valid() {
        let s = Settings::load_from(None, &env(&[])).unwrap();
        assert_eq!(s.discord.api_base, DISCORD_API_BASE);
        assert!(s.discord.is_discord());
        assert_eq!(s.discord.dev_guild(), None);
        assert_eq!(s.database.path, PathBuf::from("data/peerlearn.db"));
        assert_eq!(s.bot.default_timezone, "UTC");
    }

    #[test]
    fn shard_ranges_and_database_urls_are_checked() {
        let r = ShardRange::parse("0-1/4").unwrap();
        assert_eq!((r.first, r.last, r.total, r.is_all()), (0, 1, 4, false));
        assert_eq!(ShardRange::parse("1/2").unwrap().to_string(), "1-1/2");
        assert!(ShardRange::parse("0-3/4").unwrap().is_all());
        for (text, problem) in [
            ("2/2", "does not exist"),
            ("1-0/4", "comes after"),
            ("0/0", "at least 1"),
            ("all", "expected FIRST-LAST/COUNT"),
        ] {
            let e = ShardRange::parse(text).unwrap_err();
            assert!(e.contains(problem), "{text}: {e}");
        }
        let e =
            Settings::load_from(None, &env(&[("PEERLEARN_DISCORD__SHARDS", "4/4")])).unwrap_err();
        assert_eq!(e.key, "discord.shards");
        let s =
            Settings::load_from(None, &env(&[("PEERLEARN_DISCORD__SHARDS", " 0-1/2 ")])).unwrap();
        assert_eq!(s.discord.shard_range().map(|r| r.total), Some(2));
        let e = Settings::load_from(None, &env(&[("PEERLEARN_DATABASE__URL", "mysql://x/y")]))
            .unwrap_err();
        assert_eq!(e.key, "database.url");
        let s = Settings::load_from(
            None,
            &env(&[("PEERLEARN_DATABASE__URL", "postgres://u:p@db/peerlearn")]),
        )
        .unwrap();
        assert_eq!(s.database.url, "postgres://u:p@db/peerlearn");
    }

    #[test]
    fn file_then_environment_override() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        std::fs::write(
            &file,
            "[database]\npath = \"/tmp/x.db\"\nbusy_timeout_ms = 100\n",
        )
        .unwrap();
        let s = Settings::load_from(
            Some(&file),
            &env(&[
                ("PEERLEARN_DATABASE__BUSY_TIMEOUT_MS", "250"),
                ("PEERLEARN_DISCORD__API_BASE", "http://127.0.0.1:9999/"),
                ("PEERLEARN_DISCORD__DEV_GUILD_ID", "42"),
            ]),
        )
        .unwrap();
        assert_eq!(s.database.path, PathBuf::from("/tmp/x.db"));
        assert_eq!(s.database.busy_timeout_ms, 250);
        assert_eq!(s.discord.api_base, "http://127.0.0.1:9999");
        assert_eq!(s.discord.dev_guild(), Some(42));
    }

    #[test]
    fn unknown_keys_are_named() {
        let e =
            Settings::load_from(None, &env(&[("PEERLEARN_DISCORD__API_BSE", "x")])).unwrap_err();
        assert_eq!(e.key, "discord.api_bse");
        assert_eq!(e.source_name, "PEERLEARN_DISCORD__API_BSE");
        assert!(e.problem.contains("discord.api_base"), "{e}");
    }

    #[test]
    fn wrong_types_and_values_are_named() {
        let e = Settings::load_from(
            None,
            &env(&[("PEERLEARN_DATABASE__BUSY_TIMEOUT_MS", "soon")]),
        )
        .unwrap_err();
        assert_eq!(e.key, "database.busy_timeout_ms");
        assert!(e.problem.contains("expected a whole number"), "{e}");

        let e = Settings::load_from(None, &env(&[("PEERLEARN_DISCORD__API_BASE", "discord")]))
            .unwrap_err();
        assert_eq!(e.key, "discord.api_base");

        let e = Settings::load_from(
            None,
            &env(&[("PEERLEARN_BOT__DEFAULT_TIMEZONE", "Mars/Olympus")]),
        )
        .unwrap_err();
        assert_eq!(e.key, "bot.default_timezone");
        assert!(e.to_string().contains("PEERLEARN_BOT__DEFAULT_TIMEZONE"));

        let e = Settings::load_from(None, &env(&[("PEERLEARN_DISCORD__DEV_GUILD_ID", "abc")]))
            .unwrap_err();
        assert_eq!(e.key, "discord.dev_guild_id");
    }

    #[test]
    fn board_and_report_settings_are_checked() {
        let s = Settings::load_from(
            None,
            &env(&[("PEERLEARN_REPORTS__COMPETENCY_SHARE", "0.75")]),
        )
        .unwrap();
        assert_eq!(s.reports.competency_share, 0.75);
        assert_eq!(s.boards.season_weeks, 12);
        for (var, value, key) in [
            ("PEERLEARN_BOARDS__SEASON_WEEKS", "0", "boards.season_weeks"),
            (
                "PEERLEARN_BOARDS__SEASON_WEEKS",
                "53",
                "boards.season_weeks",
            ),
            (
                "PEERLEARN_REPORTS__COMPETENCY_SHARE",
                "0.2",
                "reports.competency_share",
            ),
            (
                "PEERLEARN_REPORTS__MIN_GROUP_SIZE",
                "0",
                "reports.min_group_size",
            ),
            ("PEERLEARN_BOARDS__TOP", "30", "boards.top"),
        ] {
            let e = Settings::load_from(None, &env(&[(var, value)])).unwrap_err();
            assert_eq!(e.key, key, "{var}={value}: {e}");
        }
        let e = Settings::load_from(None, &env(&[("PEERLEARN_QUIZ__POINTS_CORRECT", "5")]))
            .unwrap_err();
        assert!(e.problem.contains("points.quiz_correct"), "{e}");
    }

    #[test]
    fn broken_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        std::fs::write(&file, "[discord\napi_base = 1").unwrap();
        let e = Settings::load_from(Some(&file), &env(&[])).unwrap_err();
        assert!(e.problem.contains("not valid TOML"), "{e}");
        let missing = dir.path().join("missing.toml");
        let e = Settings::load_from(Some(&missing), &env(&[])).unwrap_err();
        assert_eq!(e.key, "--config");
    }

    #[test]
    fn the_token_never_prints() {
        let t = Token::new("secret-value");
        assert!(!format!("{t:?}").contains("secret"));
        assert_eq!(t.expose(), "secret-value");
    }
}
