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
use crate::domain::ids::{GuildId, UserId};
use crate::domain::privacy::{MemberExport, Purged};
use crate::domain::retention;
use crate::i18n::Lang;
use crate::t;
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
    pub async fn privacy_export(
        &self,
        guild: GuildId,
        user: UserId,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let data = self.store.member_export(guild, user).await?;
        let server_name = super::server_name(&self.guild_name(guild).await?, lang);
        let file = ExportFile {
            format: "peerlearn member export", // (data)
            version: 1,
            exported_at: self.clock.now().to_rfc3339(),
            server_name: &server_name,
            data: &data,
        };
        let json = serde_json::to_vec_pretty(&file).map_err(|e| {
            super::Refusal(t!(lang, "privacy-export-failed", error = e.to_string()))
        })?;
        let text = t!(
            lang,
            "privacy-exported",
            server = server_name.as_str(),
            answers = data.answers.len(),
            reviews = data.review_schedule.len(),
            asked = data.questions_asked.len()
        );
        let mut m = OutMessage::text(format!("🔒 {text}"));
        m.files.push((EXPORT_FILE.into(), json));
        Ok(m)
    }

    /// `/privacy delete`: what deleting means, and the buttons to confirm or keep.
    pub async fn privacy_delete_prompt(&self, guild: GuildId, lang: Lang) -> AppResult<OutMessage> {
        let server_name = super::server_name(&self.guild_name(guild).await?, lang);
        let prompt = t!(lang, "privacy-delete-prompt", server = server_name.as_str());
        let minutes = CONFIRM_WITHIN_MS / 60_000;
        let copy = t!(lang, "privacy-delete-copy-first", minutes = minutes);
        Ok(OutMessage {
            content: format!("⚠️ {prompt}\n-# {copy}"),
            buttons: vec![vec![
                Button {
                    custom_id: ComponentId::PrivacyDelete {
                        issued_ms: self.clock.now_ms(),
                    }
                    .encode(),
                    label: t!(lang, "privacy-delete-button"),
                    style: Style::Danger,
                    disabled: false,
                },
                Button {
                    custom_id: ComponentId::PrivacyKeep.encode(),
                    label: t!(lang, "privacy-keep-button"),
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
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let now = self.clock.now_ms();
        let age = now - issued_ms;
        if !(-60_000..=CONFIRM_WITHIN_MS).contains(&age) {
            return refuse(t!(lang, "privacy-delete-expired"));
        }
        let server_name = super::server_name(&self.guild_name(guild).await?, lang);
        let done = self.store.forget_member(guild, user, now).await?;
        tracing::info!(
            guild = guild.0,
            deleted = done.deleted,
            anonymised = done.anonymised,
            "a member deleted their data"
        );
        let text = t!(
            lang,
            "privacy-deleted",
            server = server_name.as_str(),
            deleted = done.deleted as i64,
            kept = done.anonymised as i64
        );
        Ok(OutMessage::text(format!("🗑️ {text}")))
    }

    /// "Keep my data".
    pub fn privacy_keep(&self, lang: Lang) -> OutMessage {
        OutMessage::text(t!(lang, "privacy-kept"))
    }

    /// `/config retention days:`.
    pub async fn set_retention(
        &self,
        guild: GuildId,
        days: i64,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let days = match retention::check_days(days, lang) {
            Ok(d) => d,
            Err(e) => return refuse(e),
        };
        self.store
            .set_retention_days(guild, days, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(t!(
            lang,
            "retention-set",
            kept = retention::describe(days, lang),
            days = days
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
