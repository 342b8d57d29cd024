//! Fitting a guild's own memory model once it has enough answers, and using it: FSRS-6's
//! parameters, and the answer-time weight where the guild's latest answers, held out, are
//! predicted better with it (see [`crate::domain::answer_time`]).

use super::{App, AppResult};
use crate::domain::ids::GuildId;
use crate::domain::memory::{
    fit, fit_answer_time, AnswerTimeFit, Answered, FittedModel, MemoryModel,
};
use chrono::NaiveDate;

/// A refit happens when the answers have grown by this factor since the last fit.
const REFIT_GROWTH: f64 = 1.2;

/// The result of fitting one guild.
#[derive(Debug, Clone, PartialEq)]
pub struct FitReport {
    pub guild: GuildId,
    pub answers: i64,
    pub parameters: Vec<f32>,
    /// What answer time did on the held-out answers (`None`: too few timed answers).
    pub answer_time: Option<AnswerTimeFit>,
}

impl FitReport {
    /// "answer time: held-out log loss 0.4321 with it, 0.4350 without: used (weight −0.62)".
    pub fn describe_answer_time(&self) -> String {
        match self.answer_time {
            None => "answer time: too few timed answers to tell; FSRS-6 alone".into(),
            Some(a) => format!(
                "answer time: held-out log loss {:.4} with it, {:.4} without ({} answers): {} (weight {:.3})",
                a.timed_log_loss,
                a.fsrs_log_loss,
                a.held_out,
                if a.better() { "used" } else { "not used, FSRS-6 alone" },
                a.weight.beta
            ),
        }
    }
}

impl App {
    /// The guild's memory model: its fitted parameters (with its answer-time weight where it
    /// earned its place), or the published defaults.
    pub async fn memory_model(&self, guild: GuildId) -> AppResult<MemoryModel> {
        Ok(match self.store.guild_parameters(guild).await? {
            Some(f) => f.model(),
            None => MemoryModel::default(),
        })
    }

    /// Fits and stores the guild's parameters from all its answers, then its answer-time
    /// weight (kept only if better on the held-out answers); `None`: too little to learn
    /// from. The fit runs on a blocking thread.
    pub async fn fit_guild(&self, guild: GuildId) -> AppResult<Option<FitReport>> {
        let rows = self.store.answer_histories(guild).await?;
        let answers = rows.len() as i64;
        let mut histories: Vec<Vec<Answered>> = Vec::new();
        let mut key: Option<(i64, String)> = None;
        for a in rows {
            let Ok(day) = a.day.parse::<NaiveDate>() else {
                continue;
            };
            if key.as_ref() != Some(&(a.user, a.question.clone())) {
                histories.push(Vec::new());
                key = Some((a.user, a.question));
            }
            if let Some(h) = histories.last_mut() {
                h.push(Answered {
                    day,
                    correct: a.correct,
                    time_ms: a.time_ms,
                });
            }
        }
        let fitted = tokio::task::spawn_blocking(move || {
            let plain: Vec<Vec<(NaiveDate, bool)>> = histories
                .iter()
                .map(|h| h.iter().map(|a| (a.day, a.correct)).collect())
                .collect();
            let parameters = fit(&plain)?;
            let model = MemoryModel::new(&parameters).ok()?;
            Some((parameters, fit_answer_time(&model, &histories)))
        })
        .await
        .unwrap_or(None);
        let Some((parameters, answer_time)) = fitted else {
            return Ok(None);
        };
        let model = FittedModel {
            parameters: parameters.clone(),
            answers_used: answers,
            answer_time: answer_time.filter(AnswerTimeFit::better).map(|a| a.weight),
        };
        let held_out = answer_time.map(|a| (a.fsrs_log_loss, a.timed_log_loss));
        self.store
            .save_guild_parameters(guild, &model, held_out, self.clock.now_ms())
            .await?;
        tracing::info!(
            guild = guild.0,
            answers,
            answer_time = model.answer_time.is_some(),
            "fitted the guild's memory model"
        );
        Ok(Some(FitReport {
            guild,
            answers,
            parameters,
            answer_time,
        }))
    }

    /// The scheduled job: fits every guild with enough answers that has never been fitted or
    /// has grown by a fifth since. `force` refits them all (`peerlearn fit`).
    pub async fn refit_guilds(&self, force: bool) -> AppResult<Vec<FitReport>> {
        let min = self.settings.reinforcement.fit_min_answers;
        let mut reports = Vec::new();
        for (guild, answers) in self.store.guilds_with_answers(min).await? {
            let used = self
                .store
                .guild_parameters(guild)
                .await?
                .map(|f| f.answers_used);
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
