//! Reviews: bringing back what members are about to forget.
//!
//! A `reinforcement` schedule run finds the members with questions due (reviews on, not
//! paused, under the daily cap) and reminds them: one channel post ("3 people have reviews
//! due") for most, a direct message for those who chose DMs. Both carry a "Start my review"
//! button that opens the member's own session: up to `items_per_review` due questions, most
//! forgotten first, answered one after another in an ephemeral message.
//!
//! Members choose with `/reinforce` and pause with `/pause` (due dates move by the pause).

use super::cards::Pick;
use super::message::{Button, OutMessage, Style};
use super::quiz::{CardAnswer, Post};
use super::{refuse, App, AppResult};
use crate::domain::custom_id::ComponentId;
use crate::domain::format::fit;
use crate::domain::ids::{ChannelId, GuildId, UserId};
use crate::domain::limits::MESSAGE_MAX;
use crate::domain::measurement::{block_holdout, Experiment};
use crate::domain::quiz::{AnswerSource, ReviewDelivery, ReviewPrefs};
use crate::domain::schedule::ScheduleRow;
use crate::domain::selection::{next_question, Candidate};
use crate::i18n::Lang;
use crate::t;
use chrono::NaiveDate;

/// The longest pause, in days.
const MAX_PAUSE_DAYS: i64 = 366;

/// How a member wants reviews (`/reinforce`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReinforceChoice {
    On,
    Off,
    Dm,
    Channel,
}

fn start_button(guild: GuildId, lang: Lang) -> Button {
    Button {
        custom_id: ComponentId::ReviewStart { guild }.encode(),
        label: t!(lang, "review-start"),
        style: Style::Primary,
        disabled: false,
    }
}

impl App {
    /// What a reinforcement run posts: `(channel, DM recipient, outbox payload)`; empty when
    /// nobody has anything due.
    pub async fn review_reminders(
        &self,
        s: &ScheduleRow,
    ) -> AppResult<Vec<(ChannelId, Option<UserId>, String)>> {
        let today = self.local_day(s.guild, self.clock.now()).await?;
        let r = &self.settings.reinforcement;
        let due = self
            .store
            .members_with_reviews_due(
                s.guild,
                &today.to_string(),
                f64::from(r.mastered_stability_days),
                r.daily_review_cap,
            )
            .await?;
        let guild_name = self.guild_name(s.guild).await?;
        // Members in a running experiment's holdout get no reminders for its topic (none at
        // all when it covers every topic). The stored arms are read once; members met for the
        // first time are drawn now.
        let due = match self.running_experiment(s.guild, today).await? {
            None => due,
            Some(e) => {
                let users: Vec<UserId> = due.iter().map(|m| m.user).collect();
                let (percent, seed) = (e.holdout_pct, e.seed);
                let arms = self
                    .store
                    .arms_of(e.id, &users, self.clock.now_ms(), |k| {
                        block_holdout(k, percent, seed)
                    })
                    .await?;
                let mut due_now = Vec::with_capacity(due.len());
                for (m, held) in due.into_iter().zip(arms) {
                    if !held {
                        due_now.push(m);
                    } else if e.topic.is_some() {
                        let left =
                            self.due_candidates(s.guild, m.user, Some(&e)).await?.len() as i64;
                        if left > 0 {
                            due_now.push(crate::domain::quiz::DueMember { due: left, ..m });
                        }
                    }
                }
                due_now
            }
        };
        let payload = |message: OutMessage| Post::message_payload(message);
        let mut posts = Vec::new();
        let in_channel = due.iter().filter(|m| !m.by_dm).count() as i64;
        let language = self.store.guild_language(s.guild).await?;
        if in_channel > 0 {
            // Many read the channel: the server's language.
            let lang = language.lang();
            let message = OutMessage {
                content: format!("🔁 {}", t!(lang, "review-channel", people = in_channel)),
                buttons: vec![vec![start_button(s.guild, lang)]],
                ..Default::default()
            };
            posts.push((s.channel_id, None, payload(message)));
        }
        for m in due.iter().filter(|m| m.by_dm) {
            let lang = language.for_member(m.locale);
            let text = t!(
                lang,
                "review-dm",
                count = m.due,
                server = super::server_name(&guild_name, lang)
            );
            let message = OutMessage {
                content: format!("🔁 {text}\n-# {}", t!(lang, "review-dm-change")),
                buttons: vec![vec![start_button(s.guild, lang)]],
                ..Default::default()
            };
            // The DM channel is opened at delivery: none yet.
            posts.push((ChannelId(0), Some(m.user), payload(message)));
        }
        Ok(posts)
    }

    /// The first question of a member's review session.
    pub async fn review_start(
        &self,
        guild: GuildId,
        user: UserId,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        self.review_card(guild, user, 1, lang).await
    }

    /// The `n`th question of a session, or why there is none.
    pub async fn review_card(
        &self,
        guild: GuildId,
        user: UserId,
        n: u8,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let today = self.local_day(guild, self.clock.now()).await?;
        let cap = i64::from(self.settings.reinforcement.daily_review_cap);
        if self
            .store
            .reviews_answered_on(guild, user, &today.to_string())
            .await?
            >= cap
        {
            return refuse(t!(lang, "review-cap-reached", cap = cap));
        }
        let holdout = self.holdout_of(guild, user, today).await?;
        if let Some(e) = holdout.as_ref().filter(|e| e.topic.is_none()) {
            let tz = self.guild_timezone(guild).await?;
            let until = crate::domain::format::discord_day(e.ends_day, tz);
            return refuse(t!(lang, "review-holdout", until = until));
        }
        let Some(due) = self.next_due(guild, user, holdout.as_ref()).await? else {
            return refuse(t!(lang, "review-nothing-due"));
        };
        // A knowledge check now and then, drawn from the whole bank.
        let check = self.check_now(guild, user, today).await?;
        let (pick, check) = match check {
            true => match self.random_question(guild, user, None).await? {
                Some(v) => (Pick::Question(v), true),
                None => (due, false),
            },
            false => (due, false),
        };
        Ok(self.review_message(guild, &pick, n, check, lang))
    }

    /// The member's due questions (not mastered), without those of the holdout they are in
    /// (`holdout`: the running experiment, if they are held out of it).
    async fn due_candidates(
        &self,
        guild: GuildId,
        user: UserId,
        holdout: Option<&Experiment>,
    ) -> AppResult<Vec<Candidate>> {
        let track = self.store.member_track(guild, user).await?;
        Ok(self
            .candidates(guild, user, None, &track)
            .await?
            .into_iter()
            .filter(|c| {
                c.seen
                    .is_some_and(|s| (s.due && !s.mastered) || c.refresher)
            })
            .filter(|c| holdout.is_none_or(|e| !e.covers(&c.topic)))
            .collect())
    }

    /// The member's most forgotten due question or card (mastered ones are retired).
    async fn next_due(
        &self,
        guild: GuildId,
        user: UserId,
        holdout: Option<&Experiment>,
    ) -> AppResult<Option<Pick>> {
        let due = self.due_candidates(guild, user, holdout).await?;
        match next_question(&due) {
            Some(i) => self.pick(guild, due[i].item).await,
            None => Ok(None),
        }
    }

    /// An answer to the `n`th review question: feedback, then "Next question" while the session
    /// has room and something is still due.
    pub async fn review_answer(
        &self,
        guild: GuildId,
        user: UserId,
        click: CardAnswer,
        n: u8,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let (reply, _, answer) = self
            .personal_answer(guild, user, click, AnswerSource::Review, lang)
            .await?;
        self.review_continues(guild, user, reply, n, answer.local_day, lang)
            .await
    }

    /// After the `n`th item of a review session: "Next question" under `reply` while the
    /// session has room and something is still due, else "Review done".
    pub(super) async fn review_continues(
        &self,
        guild: GuildId,
        user: UserId,
        mut reply: OutMessage,
        n: u8,
        today: NaiveDate,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let per_session = self.settings.reinforcement.items_per_review;
        let cap = i64::from(self.settings.reinforcement.daily_review_cap);
        let more = u32::from(n) < per_session
            && self
                .store
                .reviews_answered_on(guild, user, &today.to_string())
                .await?
                < cap
            && {
                let holdout = self.holdout_of(guild, user, today).await?;
                self.next_due(guild, user, holdout.as_ref())
                    .await?
                    .is_some()
            };
        if more {
            reply.buttons = vec![vec![Button {
                custom_id: ComponentId::ReviewNext { guild, n }.encode(),
                label: t!(lang, "review-next"),
                style: Style::Primary,
                disabled: false,
            }]];
        } else {
            let done = t!(lang, "review-done");
            reply.content = fit(&format!("{}\n\n✅ {done}", reply.content), MESSAGE_MAX);
        }
        Ok(reply)
    }

    /// `/reinforce`: turns reviews on or off, or picks where reminders go.
    pub async fn set_reinforce(
        &self,
        guild: GuildId,
        user: UserId,
        choice: ReinforceChoice,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let mut prefs = self.store.review_prefs(guild, user).await?;
        let text = match choice {
            ReinforceChoice::On => {
                prefs.on = true;
                prefs.paused_until = None;
                match prefs.delivery {
                    ReviewDelivery::Dm => t!(lang, "reinforce-on-dm"),
                    ReviewDelivery::Channel => t!(lang, "reinforce-on-channel"),
                }
            }
            ReinforceChoice::Off => {
                prefs.on = false;
                t!(lang, "reinforce-off")
            }
            ReinforceChoice::Dm => {
                prefs = ReviewPrefs {
                    on: true,
                    delivery: ReviewDelivery::Dm,
                    ..prefs
                };
                t!(lang, "reinforce-on-dm")
            }
            ReinforceChoice::Channel => {
                prefs = ReviewPrefs {
                    on: true,
                    delivery: ReviewDelivery::Channel,
                    ..prefs
                };
                t!(lang, "reinforce-on-channel")
            }
        };
        self.store
            .set_review_prefs(guild, user, &prefs, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(text))
    }

    /// `/pause until:`: no reminders up to and including `until`; due dates move by the pause.
    pub async fn pause_reviews(
        &self,
        guild: GuildId,
        user: UserId,
        until: &str,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let Ok(until_day) = NaiveDate::parse_from_str(until.trim(), "%Y-%m-%d") else {
            return refuse(t!(lang, "pause-not-a-date", typed = fit(until, 20)));
        };
        let today = self.local_day(guild, self.clock.now()).await?;
        let days = (until_day - today).num_days();
        if days < 1 {
            return refuse(t!(lang, "pause-not-after-today"));
        }
        if days > MAX_PAUSE_DAYS {
            return refuse(t!(lang, "pause-too-long", max = MAX_PAUSE_DAYS));
        }
        self.store
            .pause_reviews(
                guild,
                user,
                &until_day.to_string(),
                days,
                self.clock.now_ms(),
            )
            .await?;
        let tz = self.guild_timezone(guild).await?;
        let until = crate::domain::format::discord_day(until_day, tz);
        Ok(OutMessage::text(t!(
            lang,
            "pause-set",
            until = until,
            days = days
        )))
    }
}
