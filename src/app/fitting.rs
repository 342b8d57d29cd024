//! Fitting a guild's own memory model once it has enough answers, and using it.

use super::{App, AppResult};
use crate::domain::ids::GuildId;
use crate::domain::memory::{fit, MemoryModel};
use chrono::NaiveDate;

/// A refit happens when the answers have grown by this factor since the last fit.
const REFIT_GROWTH: f64 = 1.2;

/// The result of fitting one guild.
#[derive(Debug, Clone, PartialEq)]
pub struct FitReport {
    pub guild: GuildId,
    pub answers: i64,
    pub parameters: Vec<f32>,
}

impl App {
    /// The guild's memory model: its fitted parameters, or the published defaults.
    pub async fn memory_model(&self, guild: GuildId) -> AppResult<MemoryModel> {
        Ok(match self.store.guild_parameters(guild).await? {
            Some((p, _)) => MemoryModel::new(&p).unwrap_or_default(),
            None => MemoryModel::default(),
        })
    }

    /// Fits and stores the guild's parameters from all its answers (`None`: too little to
    /// learn from). The fit runs on a blocking thread.
    pub async fn fit_guild(&self, guild: GuildId) -> AppResult<Option<FitReport>> {
        let rows = self.store.answer_histories(guild).await?;
        let answers = rows.len() as i64;
        let mut histories: Vec<Vec<(NaiveDate, bool)>> = Vec::new();
        let mut key: Option<(i64, String)> = None;
        for (user, question, day, correct) in rows {
            let Ok(day) = day.parse::<NaiveDate>() else {
                continue;
            };
            if key.as_ref() != Some(&(user, question.clone())) {
                histories.push(Vec::new());
                key = Some((user, question));
            }
            if let Some(h) = histories.last_mut() {
                h.push((day, correct));
            }
        }
        let fitted = tokio::task::spawn_blocking(move || fit(&histories))
            .await
            .unwrap_or(None);
        let Some(parameters) = fitted else {
            return Ok(None);
        };
        self.store
            .save_guild_parameters(guild, &parameters, answers, self.clock.now_ms())
            .await?;
        tracing::info!(guild = guild.0, answers, "fitted the guild's memory model");
        Ok(Some(FitReport {
            guild,
            answers,
            parameters,
        }))
    }

    /// The scheduled job: fits every guild with enough answers that has never been fitted or
    /// has grown by a fifth since. `force` refits them all (`peerlearn fit`).
    pub async fn refit_guilds(&self, force: bool) -> AppResult<Vec<FitReport>> {
        let min = self.settings.reinforcement.fit_min_answers;
        let mut reports = Vec::new();
        for (guild, answers) in self.store.guilds_with_answers(min).await? {
            let used = self.store.guild_parameters(guild).await?.map(|(_, n)| n);
            let stale = used.is_none_or(|n| answers as f64 >= n as f64 * REFIT_GROWTH);
            if force || stale {
                if let Some(r) = self.fit_guild(guild).await? {
                    reports.push(r);
                }
            }
        }
        Ok(reports)
    }
}
