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
use crate::domain::format::{fit, plural};
use crate::domain::ids::{CardId, GuildId, RoleId, UserId};
use crate::domain::limits::{
    BUTTON_LABEL_MAX, EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX, MESSAGE_MAX,
};
use crate::domain::memory::DEFAULT_RETENTION;
use crate::domain::quiz::{score, AnswerSource};
use crate::domain::selection::Item;

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

/// Where a card is shown: practice (`/quiz`) or the `n`th item of a review session.
fn place(n: u8) -> AnswerSource {
    if n == 0 {
        AnswerSource::Practice
    } else {
        AnswerSource::Review
    }
}

fn title(card: &Card, n: u8) -> String {
    let head = match n {
        0 => "🃏 Flashcard".to_string(),
        n => format!("🔁 Review {n} · Flashcard"),
    };
    fit(&format!("{head} · {}", card.topic_name), EMBED_TITLE_MAX)
}

/// Who wrote an answer card's back and where it came from, for its footer line.
fn credit(card: &Card) -> Option<String> {
    match &card.origin {
        CardOrigin::Answer { author, .. } => Some(match &card.source {
            Some(link) => format!("-# Answer by <@{author}> · [the question's thread]({link})"),
            None => format!("-# Answer by <@{author}>"),
        }),
        CardOrigin::Content(_) => card
            .source
            .as_ref()
            .map(|link| format!("-# Learn more: <{link}>")),
    }
}

/// A card's front, with "Show answer" (only the member sees it).
pub fn card_front(card: &Card, shown_ms: i64, n: u8) -> OutMessage {
    OutMessage {
        embed: Some(Embed {
            title: title(card, n),
            description: fit(&card.front, EMBED_DESCRIPTION_MAX),
            url: None,
            footer: Some("Only you can see this. Think of the answer, then show it.".into()),
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
            label: "Show answer".into(),
            style: Style::Primary,
            disabled: false,
        }]],
        ..Default::default()
    }
}

/// A card's back under its front, with the self-grade buttons (and "Not useful" on an answer
/// card).
pub fn card_back(card: &Card, shown_ms: i64, n: u8) -> OutMessage {
    let mut description = format!("{}\n\n**Answer**\n{}", card.front, card.back);
    if let Some(credit) = credit(card) {
        description.push_str(&format!("\n{credit}"));
    }
    let grade = |knew: bool, label: &str, style: Style| Button {
        custom_id: ComponentId::CardGrade {
            guild: card.guild,
            card: card.id,
            knew,
            shown_ms,
            n,
        }
        .encode(),
        label: label.into(),
        style,
        disabled: false,
    };
    let mut buttons = vec![
        grade(true, "I knew it", Style::Success),
        grade(false, "Not yet", Style::Secondary),
    ];
    if card.is_personal() {
        buttons.push(drop_button(card));
    }
    OutMessage {
        embed: Some(Embed {
            title: title(card, n),
            description: fit(&description, EMBED_DESCRIPTION_MAX),
            url: None,
            footer: Some("Did you know it? Be honest: it only decides when it comes back.".into()),
            colour: colours::QUIZ,
        }),
        buttons: vec![buttons],
        ..Default::default()
    }
}

fn drop_button(card: &Card) -> Button {
    Button {
        custom_id: ComponentId::CardDrop {
            guild: card.guild,
            card: card.id,
        }
        .encode(),
        label: "Not useful".into(),
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
    pub(super) fn practice_message(&self, pick: &Pick, check: bool) -> OutMessage {
        let now = self.clock.now_ms();
        match pick {
            Pick::Question(v) => practice_card(v, now, check),
            Pick::Card(c) => card_front(c, now, 0),
        }
    }

    /// The `n`th review message for a pick.
    pub(super) fn review_message(
        &self,
        guild: GuildId,
        pick: &Pick,
        n: u8,
        check: bool,
    ) -> OutMessage {
        let shown_ms = self.clock.now_ms();
        match pick {
            Pick::Question(v) => {
                let title = format!("🔁 Review {n} · {}", v.topic_name);
                question_card(v, &title, |via| ComponentId::ReviewAnswer {
                    guild,
                    version: v.version_id,
                    via,
                    shown_ms,
                    n,
                    check,
                })
            }
            Pick::Card(c) => card_front(c, shown_ms, n),
        }
    }

    /// A live card of this guild that the member may see, or a refusal.
    async fn usable_card(&self, guild: GuildId, user: UserId, id: CardId) -> AppResult<Card> {
        let card = match self.store.card(guild, id).await? {
            Some(c) if !c.retired => c,
            _ => return refuse("This card is no longer available. Use `/quiz` for a new one."),
        };
        if let CardOrigin::Answer { kb, .. } = card.origin {
            let holders = self.store.answer_card_holders(guild, kb).await?;
            if !holders.iter().any(|(u, _)| *u == user) {
                return refuse("This card is not in your reviews. Use `/quiz` for a new one.");
            }
        }
        Ok(card)
    }

    fn check_shown(&self, shown_ms: i64) -> AppResult<()> {
        let now = self.clock.now_ms();
        if shown_ms > now + 60_000 || now - shown_ms > CARD_TTL_MS {
            return refuse("This card has expired. Use `/quiz` for a new one.");
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
    ) -> AppResult<OutMessage> {
        let card = self.usable_card(guild, user, id).await?;
        self.check_shown(shown_ms)?;
        Ok(card_back(&card, shown_ms, n))
    }

    /// "I knew it" / "Not yet": the grade goes into the member's memory of the card, with a
    /// few points either way; then the review's next item, or another practice item.
    pub async fn card_grade(
        &self,
        guild: GuildId,
        user: UserId,
        id: CardId,
        grade: SelfGrade,
        shown_ms: i64,
        n: u8,
    ) -> AppResult<OutMessage> {
        let card = self.usable_card(guild, user, id).await?;
        self.check_shown(shown_ms)?;
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
                return Ok(OutMessage::text(format!(
                    "You already graded this card ({}). Your first grade counts.",
                    if first.knew() { "I knew it" } else { "Not yet" }
                )))
            }
        };
        let memory = self
            .store
            .memory_of(guild, user, &card.memory_key())
            .await?;
        let back_in = memory.map(|m| (m.due_day - today).num_days()).unwrap_or(1);
        let verdict = match grade {
            SelfGrade::Knew => format!(
                "✅ **Known.** It comes back in {}.",
                plural(back_in.max(1), "day", "days")
            ),
            SelfGrade::NotYet => format!(
                "🔁 **Not yet.** It comes back in {}, sooner than one you knew.",
                plural(back_in.max(1), "day", "days")
            ),
        };
        let earned = scored.points_awarded + scored.streak_bonus;
        let mut content = format!(
            "**{}**\n{}\n\n{verdict}\n-# +{earned} points ({} total) · streak {}",
            fit(&card.front, 300),
            fit(&card.back, 900),
            scored.progress.points,
            plural(scored.progress.streak_days, "day", "days")
        );
        if let Some(credit) = credit(&card) {
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
                label: fit(&format!("Another in {}", card.topic_name), BUTTON_LABEL_MAX),
                style: Style::Secondary,
                disabled: false,
            }];
            if card.is_personal() {
                row.push(drop_button(&card));
            }
            reply.buttons = vec![row];
            return Ok(reply);
        }
        self.review_continues(guild, user, reply, n, today).await
    }

    /// "Not useful": the member no longer gets this answer card.
    pub async fn card_drop(
        &self,
        guild: GuildId,
        user: UserId,
        id: CardId,
    ) -> AppResult<OutMessage> {
        let card = self.usable_card(guild, user, id).await?;
        if !card.is_personal() {
            return refuse("Cards from the team's content cannot be dropped.");
        }
        self.store
            .drop_card(guild, user, card.id, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(format!(
            "Dropped the card \"{}\": it will not come back in your reviews.",
            fit(&card.front, 100)
        )))
    }

    /// "Another in …" after a practised card.
    pub async fn card_more(
        &self,
        guild: GuildId,
        user: UserId,
        id: CardId,
        roles: &[RoleId],
    ) -> AppResult<OutMessage> {
        let topic = self.store.card(guild, id).await?.map(|c| c.topic);
        self.practice_question(guild, user, topic.as_deref(), roles)
            .await
    }
}
