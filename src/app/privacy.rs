//! A member's control over their own data, and the server's retention of raw events.
//!
//! - `/privacy export`: everything stored about the caller in this server, as a JSON file.
//! - `/privacy delete`: a warning with "Delete my data" / "Keep my data" buttons; the delete
//!   button is valid for [`CONFIRM_WITHIN_MS`]. Personal rows go; answers and knowledge stay
//!   under an anonymous id (see [`crate::store::Store::forget_member`]).
//! - `/config retention`: days to keep raw events; the scheduler purges older ones hourly.

use super::message::{Button, OutMessage, Style};
use super::{refuse, App, AppResult};
use crate::domain::custom_id::ComponentId;
use crate::domain::format::plural;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::privacy::{MemberExport, Purged};
use crate::domain::retention;
use serde::Serialize;

/// How long the "Delete my data" button stays valid.
pub const CONFIRM_WITHIN_MS: i64 = 10 * 60_000;

/// The export file's name.
pub const EXPORT_FILE: &str = "peerlearn-my-data.json";

/// The export file: what it is, when, from where, then the data.
#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'static str,
    version: u32,
    exported_at: String,
    server_name: &'a str,
    #[serde(flatten)]
    data: &'a MemberExport,
}

impl App {
    /// `/privacy export`: the caller's data in this server as a JSON attachment.
    pub async fn privacy_export(&self, guild: GuildId, user: UserId) -> AppResult<OutMessage> {
        let data = self.store.member_export(guild, user).await?;
        let server_name = self.guild_name(guild).await?;
        let file = ExportFile {
            format: "peerlearn member export",
            version: 1,
            exported_at: self.clock.now().to_rfc3339(),
            server_name: &server_name,
            data: &data,
        };
        let json = serde_json::to_vec_pretty(&file)
            .map_err(|e| super::Refusal(format!("The export could not be written: {e}")))?;
        let mut m = OutMessage::text(format!(
            "🔒 Everything peerlearn stores about you in **{server_name}**: {}, {}, {} and your preferences, as JSON (only you see this). `/privacy delete` removes it.",
            plural(data.answers.len() as i64, "answer", "answers"),
            plural(data.review_schedule.len() as i64, "question in your review schedule", "questions in your review schedule"),
            plural(data.questions_asked.len() as i64, "question asked", "questions asked"),
        ));
        m.files.push((EXPORT_FILE.into(), json));
        Ok(m)
    }

    /// `/privacy delete`: what deleting means, and the buttons to confirm or keep.
    pub async fn privacy_delete_prompt(&self, guild: GuildId) -> AppResult<OutMessage> {
        let server_name = self.guild_name(guild).await?;
        Ok(OutMessage {
            content: format!(
                "⚠️ **Delete your data in {server_name}?**\n\
                 This removes your profile, points, streaks, board places, review schedule, role tracks, expert topics and preferences for good.\n\
                 Your quiz answers, the questions you asked that became knowledge and the answers you wrote stay **anonymously**, so the team's statistics still add up. Questions of yours still open are closed.\n\
                 Messages you posted in Discord are not touched: delete those in Discord.\n\
                 -# Want a copy first? `/privacy export`. This button works for 10 minutes."
            ),
            buttons: vec![vec![
                Button {
                    custom_id: ComponentId::PrivacyDelete {
                        issued_ms: self.clock.now_ms(),
                    }
                    .encode(),
                    label: "Delete my data".into(),
                    style: Style::Danger,
                    disabled: false,
                },
                Button {
                    custom_id: ComponentId::PrivacyKeep.encode(),
                    label: "Keep my data".into(),
                    style: Style::Secondary,
                    disabled: false,
                },
            ]],
            ..Default::default()
        })
    }

    /// "Delete my data": forgets the member if the button is still valid.
    pub async fn privacy_delete(
        &self,
        guild: GuildId,
        user: UserId,
        issued_ms: i64,
    ) -> AppResult<OutMessage> {
        let now = self.clock.now_ms();
        let age = now - issued_ms;
        if !(-60_000..=CONFIRM_WITHIN_MS).contains(&age) {
            return refuse(
                "This confirmation has expired, so nothing was deleted. Run `/privacy delete` again.",
            );
        }
        let server_name = self.guild_name(guild).await?;
        let done = self.store.forget_member(guild, user, now).await?;
        tracing::info!(
            guild = guild.0,
            deleted = done.deleted,
            anonymised = done.anonymised,
            "a member deleted their data"
        );
        Ok(OutMessage::text(format!(
            "🗑️ Your data in **{server_name}** is deleted: {} removed, {} kept without your name. If you use peerlearn here again, you start fresh.",
            plural(done.deleted as i64, "personal record", "personal records"),
            plural(done.anonymised as i64, "answer or question", "answers and questions"),
        )))
    }

    /// "Keep my data".
    pub fn privacy_keep(&self) -> OutMessage {
        OutMessage::text("Nothing was deleted. Your data stays as it is.")
    }

    /// `/config retention days:`.
    pub async fn set_retention(&self, guild: GuildId, days: i64) -> AppResult<OutMessage> {
        let days = match retention::check_days(days) {
            Ok(d) => d,
            Err(e) => return refuse(e),
        };
        self.store
            .set_retention_days(guild, days, self.clock.now_ms())
            .await?;
        let when = if days == 0 {
            String::new()
        } else {
            " Older ones are deleted within the hour.".into()
        };
        Ok(OutMessage::text(format!(
            "Raw events (answers, points, question history, sent posts) are now {}.{when} Boards, progress and review schedules are kept.",
            retention::describe(days)
        )))
    }

    /// The retention purge: every server's raw events older than its retention.
    pub async fn purge_expired(&self) -> AppResult<Vec<(GuildId, Purged)>> {
        let now = self.clock.now();
        let mut out = Vec::new();
        for (guild, days) in self
            .store
            .retentions(self.settings.privacy.retention_days)
            .await?
        {
            let Some(cutoff) = retention::cutoff(now, days) else {
                continue;
            };
            let purged = self
                .store
                .purge_before(guild, cutoff.timestamp_millis())
                .await?;
            if purged.total() > 0 {
                tracing::info!(
                    guild = guild.0,
                    days,
                    answers = purged.answers,
                    card_grades = purged.card_grades,
                    points = purged.points,
                    question_events = purged.question_events,
                    closed_questions = purged.closed_questions,
                    sent_posts = purged.sent_posts,
                    "retention purge: deleted raw events older than the server keeps them"
                );
            }
            out.push((guild, purged));
        }
        Ok(out)
    }
}
