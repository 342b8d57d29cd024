//! Servers and members as the gateway shows them, their languages, and the server settings
//! `/config` changes that are not about questions (time zone, quiz window, language).

use super::message::OutMessage;
use super::{refuse, App, AppResult, Refusal};
use crate::config::QUIZ_WINDOW_MINUTES;
use crate::domain::ids::{GuildId, RoleId, UserId};
use crate::domain::schedule::parse_timezone;
use crate::i18n::Lang;
use crate::t;

impl App {
    /// The bot sees a server (joined, or after a restart): its name, member count and
    /// Discord's language for it (`preferred_locale`).
    pub async fn guild_seen(
        &self,
        guild: GuildId,
        name: &str,
        member_count: Option<u64>,
        preferred_locale: &str,
    ) -> AppResult<()> {
        let now = self.clock.now_ms();
        let preferred = Lang::parse(preferred_locale);
        Ok(self
            .store
            .upsert_guild(guild, name, member_count, preferred, now)
            .await?)
    }

    /// The language of the server's channel posts.
    pub async fn guild_lang(&self, guild: GuildId) -> AppResult<Lang> {
        Ok(self.store.guild_language(guild).await?.lang())
    }

    /// The language of a member's DMs: their Discord language as last seen, else the server's.
    pub async fn member_lang(&self, guild: GuildId, user: UserId) -> AppResult<Lang> {
        let member = self.store.member_locale(guild, user).await?;
        Ok(self.store.guild_language(guild).await?.for_member(member))
    }

    /// `/config language`: the language of the server's posts (`None`: Discord's community
    /// language). The reply is in the admin's own language `lang`.
    pub async fn set_language(
        &self,
        guild: GuildId,
        language: Option<Lang>,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let now = self.clock.now_ms();
        self.store.set_guild_language(guild, language, now).await?;
        let effective = self.store.guild_language(guild).await?.lang();
        let text = match language {
            Some(l) => t!(lang, "config-language-set", language = l.native_name()),
            None => t!(
                lang,
                "config-language-auto",
                language = effective.native_name()
            ),
        };
        Ok(OutMessage::text(text))
    }

    /// A member was active now with these roles (for teams and role tracks) and their Discord
    /// client's language; written at most once a minute unless one of them changed.
    pub async fn member_seen(
        &self,
        guild: GuildId,
        user: UserId,
        display_name: &str,
        roles: &[RoleId],
        locale: Option<&str>,
    ) -> AppResult<()> {
        let now = self.clock.now_ms();
        let locale = locale.and_then(Lang::parse);
        Ok(self
            .store
            .touch_member(guild, user, display_name, roles, locale, now)
            .await?)
    }

    /// `/config timezone`: the server's time zone (schedules without their own, streak days).
    pub async fn set_timezone(
        &self,
        guild: GuildId,
        zone: &str,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let tz = parse_timezone(zone, lang).map_err(Refusal)?;
        let now = self.clock.now_ms();
        self.store.set_guild_timezone(guild, tz.name(), now).await?;
        Ok(OutMessage::text(t!(
            lang,
            "config-timezone-set",
            zone = tz.name()
        )))
    }

    /// `/config quiz-window`: how long the server's channel quizzes stay open.
    pub async fn set_quiz_window(
        &self,
        guild: GuildId,
        minutes: i64,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let (lo, hi) = QUIZ_WINDOW_MINUTES;
        if !(i64::from(lo)..=i64::from(hi)).contains(&minutes) {
            return refuse(t!(lang, "config-quiz-window-range", min = lo, max = hi));
        }
        let now = self.clock.now_ms();
        self.store.set_quiz_window(guild, minutes, now).await?;
        Ok(OutMessage::text(t!(
            lang,
            "config-quiz-window-set",
            minutes = minutes
        )))
    }
}
