//! Use cases: one function per thing a user or a schedule does. Each takes plain values, applies
//! the rules of `domain/`, writes through one store transaction, and returns what to show as an
//! [`message::OutMessage`] (or a [`Refusal`] the user can act on). No Discord types here.

pub mod asks;
pub mod authoring;
pub mod boards;
pub mod cards;
pub mod content;
pub mod experts;
pub mod fitting;
pub mod gaps;
pub mod knowledge;
pub mod measurement;
pub mod members;
pub mod message;
pub mod outbox;
pub mod pairing;
pub mod port;
pub mod privacy;
pub mod progress;
pub mod quiz;
pub mod reports;
pub mod reviews;
pub mod schedules;
pub mod starter;
pub mod stats;
pub mod tracks;

use crate::clock::Clock;
use crate::config::Settings;
use crate::dice::Dice;
use crate::domain::boards::BoardKeys;
use crate::domain::ids::GuildId;
use crate::domain::periods::keys_for;
use crate::domain::quiz::{AnswerSource, PointRules};
use crate::domain::routing::TopicRule;
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::sync::Arc;
use tokio::sync::Notify;

/// Everything a use case needs; cheap to clone. Its parts are private: the Discord adapter,
/// the delivery worker and the scheduler go through its methods.
#[derive(Clone)]
pub struct App {
    store: Store,
    settings: Arc<Settings>,
    clock: Clock,
    /// Chance (question order, refreshers): seeded in the demo so a seed replays a run.
    dice: Dice,
    /// The configured keyword rules for question topics, compiled once.
    topic_rules: Arc<Vec<TopicRule>>,
    /// Wakes the background workers when a use case gave them work.
    workers: Arc<Workers>,
}

/// The signals of the background workers: a use case that queues a post or changes a
/// schedule wakes the worker concerned itself, so no caller has to remember it.
#[derive(Default)]
struct Workers {
    delivery: Notify,
    scheduler: Notify,
}

/// A request the app turns down, with a short message saying what to do instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct Refusal(pub String);

/// A use case's failure: the user's mistake, or the bot's (logged, with an apology).
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error("database error: {0}")]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Chart(#[from] crate::charts::ChartError),
}

pub type AppResult<T> = Result<T, AppError>;

/// Shorthand for refusing with a message.
pub fn refuse<T>(message: impl Into<String>) -> AppResult<T> {
    Err(AppError::Refused(Refusal(message.into())))
}

impl App {
    pub fn new(store: Store, settings: Arc<Settings>, clock: Clock, dice: Dice) -> App {
        let topic_rules = Arc::new(settings.experts.compiled_rules());
        App {
            store,
            settings,
            clock,
            dice,
            topic_rules,
            workers: Arc::default(),
        }
    }

    /// The bot's clock (virtual in tests and the demo).
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// The effective settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Posts were queued or a quiz post's count changed: the delivery worker has work.
    fn posts_queued(&self) {
        self.workers.delivery.notify_one();
    }

    /// A schedule was added or resumed: the scheduler should look at its next run again.
    fn schedules_changed(&self) {
        self.workers.scheduler.notify_one();
    }

    /// Completes when a use case has given the delivery worker work.
    pub async fn delivery_wanted(&self) {
        self.workers.delivery.notified().await
    }

    /// Completes when a use case has changed a schedule.
    pub async fn scheduler_wanted(&self) {
        self.workers.scheduler.notified().await
    }

    /// The guild's time zone (its own, else the configured default).
    pub async fn guild_timezone(&self, guild: GuildId) -> AppResult<Tz> {
        let (tz, _) = self.store.guild_settings(guild).await?;
        Ok(tz
            .and_then(|t| t.parse().ok())
            .or_else(|| self.settings.bot.default_timezone.parse().ok())
            .unwrap_or(chrono_tz::UTC))
    }

    /// How long the guild's channel quizzes stay open, in minutes.
    pub async fn quiz_window_minutes(&self, guild: GuildId) -> AppResult<i64> {
        let (_, window) = self.store.guild_settings(guild).await?;
        Ok(window.unwrap_or(i64::from(self.settings.quiz.window_minutes)))
    }

    /// The guild's leaderboard season length in weeks (its own, else the configured default).
    pub async fn season_weeks(&self, guild: GuildId) -> AppResult<u32> {
        Ok(self
            .store
            .season_weeks(guild)
            .await?
            .unwrap_or(self.settings.boards.season_weeks))
    }

    /// Counts again the totals a migration asked for (see [`Store::recount_totals`]), with
    /// each server's season length; returns how many servers were counted.
    pub async fn recount_due_totals(&self) -> AppResult<usize> {
        let due = self.store.recounts_due().await?;
        for guild in &due {
            let weeks = self.season_weeks(*guild).await?;
            self.store
                .recount_totals(*guild, weeks, crate::store::Recount::Everything)
                .await?;
        }
        Ok(due.len())
    }

    /// The board periods an award on `day` counts in.
    pub async fn board_keys(&self, guild: GuildId, day: NaiveDate) -> AppResult<BoardKeys> {
        Ok(keys_for(day, self.season_weeks(guild).await?))
    }

    /// What an answer from `source` earns.
    pub fn point_rules(&self, source: AnswerSource) -> PointRules {
        let p = &self.settings.points;
        let correct = match source {
            AnswerSource::Channel => p.quiz_correct,
            AnswerSource::Review => p.review_correct,
            AnswerSource::Practice => p.practice_correct,
        };
        PointRules {
            correct: i64::from(correct),
            streak_bonus: i64::from(p.streak_bonus),
            bonus_every_days: i64::from(p.streak_bonus_every_days),
        }
    }

    /// The server's name as the bot last saw it (at most 100 characters), for direct
    /// messages and exports; `None` when unknown (see [`server_name`]).
    pub async fn guild_name(&self, guild: GuildId) -> AppResult<Option<String>> {
        Ok(self
            .store
            .guild(guild)
            .await?
            .map(|g| g.name)
            .filter(|n| !n.is_empty())
            .map(|n| crate::domain::format::fit(&n, 100)))
    }

    /// The calendar day at `t` in the guild's time zone.
    pub async fn local_day(&self, guild: GuildId, t: DateTime<Utc>) -> AppResult<NaiveDate> {
        Ok(t.with_timezone(&self.guild_timezone(guild).await?)
            .date_naive())
    }
}

/// A server's name as a reader sees it: its name, or "this server" in `lang` when unknown.
pub fn server_name(name: &Option<String>, lang: crate::i18n::Lang) -> String {
    name.clone()
        .unwrap_or_else(|| crate::t!(lang, "this-server"))
}
