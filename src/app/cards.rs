//! Flashcards in chat (see `domain::cards`): a card's front with "Show answer", its back with
//! "I knew it" / "Not yet" (and "Not useful" on an answer card), the self-grade recorded into
//! the member's memory, and what comes next: the review session's next item, or another
//! practice item in the topic.

use super::message::{colours, Button, Embed, OutMessage, Style};
use super::quiz::{practice_card, question_card};
use super::{refuse, App, AppResult};
use crate::domain::cards::{Card, CardOrigin, CardResult, NewCardReview, SelfGrade};
use crate::domain::content::QuestionVersion;
use crate::domain::custom_id::ComponentId;
use crate::domain::format::fit;
use crate::domain::ids::{CardId, GuildId, RoleId, UserId};
use crate::domain::limits::{
    BUTTON_LABEL_MAX, EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX, MESSAGE_MAX,
};
use crate::domain::memory::DEFAULT_RETENTION;
use crate::domain::quiz::{score, AnswerSource};
use crate::domain::selection::Item;
use crate::i18n::Lang;
use crate::t;

/// How long a shown card can be graded.
const CARD_TTL_MS: i64 = 24 * 3_600_000;

/// A question or a card, ready to show.
#[derive(Debug, Clone)]
pub enum Pick {
    Question(QuestionVersion),
    Card(Card),
}

impl Pick {
    pub fn topic_name(&self) -> &str {
        match self {
            Pick::Question(v) => &v.topic_name,
            Pick::Card(c) => &c.topic_name,
        }
    }
}

/// A card as it was shown: which, when, and as the `n`th item of a review (0: practice).
#[derive(Debug, Clone, Copy)]
pub struct ShownCard {
    pub card: CardId,
    pub shown_ms: i64,
    pub n: u8,
}

/// Where a card is shown: practice (`/quiz`) or the `n`th item of a review session.
fn place(n: u8) -> AnswerSource {
    if n == 0 {
        AnswerSource::Practice
    } else {
        AnswerSource::Review
    }
}

fn title(card: &Card, n: u8, lang: Lang) -> String {
    let head = match n {
        0 => format!("🃏 {}", t!(lang, "card-title")),
        n => format!("🔁 {}", t!(lang, "review-card-title", n = n)),
    };
    fit(&format!("{head} · {}", card.topic_name), EMBED_TITLE_MAX)
}

/// Who wrote an answer card's back and where it came from, for its footer line.
fn credit(card: &Card, lang: Lang) -> Option<String> {
    let author = |a: &UserId| format!("<@{a}>");
    let line = match &card.origin {
        CardOrigin::Answer { author: a, .. } => match &card.source {
            Some(link) => t!(
                lang,
                "card-answer-by-thread",
                author = author(a),
                link = link.as_str()
            ),
            None => t!(lang, "card-answer-by", author = author(a)),
        },
        CardOrigin::Content(_) => {
            t!(lang, "feedback-learn-more", link = card.source.as_deref()?)
        }
    };
    Some(format!("-# {line}"))
}

/// A card's front, with "Show answer" (only the member sees it).
pub fn card_front(card: &Card, shown_ms: i64, n: u8, lang: Lang) -> OutMessage {
    OutMessage {
        embed: Some(Embed {
            title: title(card, n, lang),
            description: fit(&card.front, EMBED_DESCRIPTION_MAX),
            url: None,
            footer: Some(t!(lang, "card-front-footer")),
            colour: colours::QUIZ,
        }),
        buttons: vec![vec![Button {
            custom_id: ComponentId::CardShow {
                guild: card.guild,
                card: card.id,
                shown_ms,
                n,
            }
            .encode(),
            label: t!(lang, "card-show"),
            style: Style::Primary,
            disabled: false,
        }]],
        ..Default::default()
    }
}

/// A card's back under its front, with the self-grade buttons (and "Not useful" on an answer
/// card).
pub fn card_back(card: &Card, shown_ms: i64, n: u8, lang: Lang) -> OutMessage {
    let answer = t!(lang, "card-answer");
    let mut description = format!("{}\n\n**{answer}**\n{}", card.front, card.back);
    if let Some(credit) = credit(card, lang) {
        description.push_str(&format!("\n{credit}"));
    }
    let grade = |knew: bool, label: String, style: Style| Button {
        custom_id: ComponentId::CardGrade {
            guild: card.guild,
            card: card.id,
            knew,
            shown_ms,
            n,
        }
        .encode(),
        label,
        style,
        disabled: false,
    };
    let mut buttons = vec![
        grade(true, t!(lang, "card-knew"), Style::Success),
        grade(false, t!(lang, "card-not-yet"), Style::Secondary),
    ];
    if card.is_personal() {
        buttons.push(drop_button(card, lang));
    }
    OutMessage {
        embed: Some(Embed {
            title: title(card, n, lang),
            description: fit(&description, EMBED_DESCRIPTION_MAX),
            url: None,
            footer: Some(t!(lang, "card-back-footer")),
            colour: colours::QUIZ,
        }),
        buttons: vec![buttons],
        ..Default::default()
    }
}

fn drop_button(card: &Card, lang: Lang) -> Button {
    Button {
        custom_id: ComponentId::CardDrop {
            guild: card.guild,
            card: card.id,
        }
        .encode(),
        label: t!(lang, "card-not-useful"),
        style: Style::Danger,
        disabled: false,
    }
}

impl App {
    /// The question or card an item names, as it is served now.
    pub(super) async fn pick(&self, guild: GuildId, item: Item) -> AppResult<Option<Pick>> {
        Ok(match item {
            Item::Question(v) => self
                .store
                .guild_question_version(guild, v)
                .await?
                .map(Pick::Question),
            Item::Card(c) => self
                .store
                .card(guild, c)
                .await?
                .filter(|c| !c.retired)
                .map(Pick::Card),
        })
    }

    /// A practice message for a pick (`check`: a question drawn as a knowledge check).
    pub(super) fn practice_message(&self, pick: &Pick, check: bool, lang: Lang) -> OutMessage {
        let now = self.clock.now_ms();
        match pick {
            Pick::Question(v) => practice_card(v, now, check, lang),
            Pick::Card(c) => card_front(c, now, 0, lang),
        }
    }

    /// The `n`th review message for a pick.
    pub(super) fn review_message(
        &self,
        guild: GuildId,
        pick: &Pick,
        n: u8,
        check: bool,
        lang: Lang,
    ) -> OutMessage {
        let shown_ms = self.clock.now_ms();
        match pick {
            Pick::Question(v) => {
                let title = format!("🔁 {} · {}", t!(lang, "review-title", n = n), v.topic_name);
                let answer = |via| ComponentId::ReviewAnswer {
                    guild,
                    version: v.version_id,
                    via,
                    shown_ms,
                    n,
                    check,
                };
                question_card(v, &title, answer, lang)
            }
            Pick::Card(c) => card_front(c, shown_ms, n, lang),
        }
    }

    /// A live card of this guild that the member may see, or a refusal.
    async fn usable_card(
        &self,
        guild: GuildId,
        user: UserId,
        id: CardId,
        lang: Lang,
    ) -> AppResult<Card> {
        let card = match self.store.card(guild, id).await? {
            Some(c) if !c.retired => c,
            _ => return refuse(t!(lang, "card-gone")),
        };
        if let CardOrigin::Answer { kb, .. } = card.origin {
            let holders = self.store.answer_card_holders(guild, kb).await?;
            if !holders.iter().any(|(u, _)| *u == user) {
                return refuse(t!(lang, "card-not-yours"));
            }
        }
        Ok(card)
    }

    fn check_shown(&self, shown_ms: i64, lang: Lang) -> AppResult<()> {
        let now = self.clock.now_ms();
        if shown_ms > now + 60_000 || now - shown_ms > CARD_TTL_MS {
            return refuse(t!(lang, "card-expired"));
        }
        Ok(())
    }

    /// "Show answer": the back, with the self-grade buttons.
    pub async fn card_show(
        &self,
        guild: GuildId,
        user: UserId,
        id: CardId,
        shown_ms: i64,
        n: u8,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let card = self.usable_card(guild, user, id, lang).await?;
        self.check_shown(shown_ms, lang)?;
        Ok(card_back(&card, shown_ms, n, lang))
    }

    /// "I knew it" / "Not yet": the grade goes into the member's memory of the card, with a
    /// few points either way; then the review's next item, or another practice item.
    pub async fn card_grade(
        &self,
        guild: GuildId,
        user: UserId,
        shown: ShownCard,
        grade: SelfGrade,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let ShownCard {
            card: id,
            shown_ms,
            n,
        } = shown;
        let card = self.usable_card(guild, user, id, lang).await?;
        self.check_shown(shown_ms, lang)?;
        let now = self.clock.now();
        let today = self.local_day(guild, now).await?;
        let source = place(n);
        let review = NewCardReview {
            guild,
            user,
            card: card.id,
            version: card.version,
            topic: card.topic.clone(),
            source,
            grade,
            shown_ms,
            answered_ms: now.timestamp_millis(),
            local_day: today,
            season_weeks: self.season_weeks(guild).await?,
        };
        let mut rules = self.point_rules(source);
        rules.correct = i64::from(self.settings.points.card_review);
        let model = self.memory_model(guild).await?;
        let retention = card.desired_retention.unwrap_or(DEFAULT_RETENTION);
        let result = self
            .store
            .record_card_review(
                &review,
                move |before| score(before, 1.0, today, &rules),
                // A self-grade's time includes reading the back: not a recall time.
                move |memory| model.review(memory.as_ref(), grade.grade(), today, retention, None),
            )
            .await?;
        let scored = match result {
            CardResult::Graded(s) => s,
            CardResult::AlreadyGraded(first) => {
                let first = match first.knew() {
                    true => t!(lang, "card-knew"),
                    false => t!(lang, "card-not-yet"),
                };
                return Ok(OutMessage::text(t!(
                    lang,
                    "card-already-graded",
                    grade = first
                )));
            }
        };
        let memory = self
            .store
            .memory_of(guild, user, &card.memory_key())
            .await?;
        let back_in = memory.map(|m| (m.due_day - today).num_days()).unwrap_or(1);
        let days = back_in.max(1);
        let verdict = match grade {
            SelfGrade::Knew => format!("✅ {}", t!(lang, "card-known", days = days)),
            SelfGrade::NotYet => format!("🔁 {}", t!(lang, "card-not-known", days = days)),
        };
        let earned = scored.points_awarded + scored.streak_bonus;
        let points = t!(
            lang,
            "feedback-points-earned",
            earned = earned,
            total = scored.progress.points
        );
        let streak = t!(lang, "feedback-streak", days = scored.progress.streak_days);
        let mut content = format!(
            "**{}**\n{}\n\n{verdict}\n-# {points} · {streak}",
            fit(&card.front, 300),
            fit(&card.back, 900),
        );
        if let Some(credit) = credit(&card, lang) {
            content.push_str(&format!("\n{credit}"));
        }
        let mut reply = OutMessage::text(fit(&content, MESSAGE_MAX));
        if n == 0 {
            let mut row = vec![Button {
                custom_id: ComponentId::CardMore {
                    guild,
                    card: card.id,
                }
                .encode(),
                label: fit(
                    &t!(lang, "card-another", topic = card.topic_name.as_str()),
                    BUTTON_LABEL_MAX,
                ),
                style: Style::Secondary,
                disabled: false,
            }];
            if card.is_personal() {
                row.push(drop_button(&card, lang));
            }
            reply.buttons = vec![row];
            return Ok(reply);
        }
        self.review_continues(guild, user, reply, n, today, lang)
            .await
    }

    /// "Not useful": the member no longer gets this answer card.
    pub async fn card_drop(
        &self,
        guild: GuildId,
        user: UserId,
        id: CardId,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let card = self.usable_card(guild, user, id, lang).await?;
        if !card.is_personal() {
            return refuse(t!(lang, "card-drop-content"));
        }
        self.store
            .drop_card(guild, user, card.id, self.clock.now_ms())
            .await?;
        let front = fit(&card.front, 100);
        Ok(OutMessage::text(t!(lang, "card-dropped", front = front)))
    }

    /// "Another in …" after a practised card.
    pub async fn card_more(
        &self,
        guild: GuildId,
        user: UserId,
        id: CardId,
        roles: &[RoleId],
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let topic = self.store.card(guild, id).await?.map(|c| c.topic);
        self.practice_question(guild, user, topic.as_deref(), roles, lang)
            .await
    }
}
