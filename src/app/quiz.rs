//! Quiz use cases: what a quiz post and a tip look like, answering a channel quiz (first answer
//! counts), personal practice with `/quiz`, and the live count and reveal on a post. Each kind
//! of question is answered through its own components (buttons, a select menu, or a button
//! opening a form; see [`crate::domain::answer_key`]), and graded by its key.

use super::cards::Pick;
use super::message::{
    colours, Button, Embed, Form, FormInput, Menu, MenuOption, OutMessage, Style,
};
use super::{refuse, App, AppResult};
use crate::dice::SplitMix64;
use crate::domain::answer_key::{AnswerKey as Key, Graded, QuestionKind, Response};
use crate::domain::content::{Question, QuestionVersion, LETTERS};
use crate::domain::custom_id::{ComponentId, Via};
use crate::domain::format::fit;
use crate::domain::ids::{GuildId, PostId, RoleId, UserId, VersionId};
use crate::domain::limits::{
    BUTTON_LABEL_MAX as LABEL_MAX, EMBED_TITLE_MAX, MESSAGE_MAX, SELECT_OPTION_LABEL_MAX,
};
use crate::domain::memory::Memory;
use crate::domain::memory::{Grade, DEFAULT_RETENTION};
use crate::domain::quiz::{
    percent_correct, score, AnswerResult, AnswerSource, NewAnswer, QuizPost, Scored,
};
use crate::domain::selection::{next_question, Candidate, Item, Seen, Track};
use crate::i18n::Lang;
use crate::t;
use chrono::DateTime;
use serde::{Deserialize, Serialize};

/// What an outbox row delivers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Post {
    /// The quiz post linked to the outbox row (rendered at delivery, when its id is known).
    Quiz,
    /// A ready message (tips).
    Message { message: Box<OutMessage> },
}

impl Post {
    /// An outbox payload for a ready message.
    pub fn message_payload(message: OutMessage) -> String {
        serde_json::to_string(&Post::Message {
            message: Box::new(message),
        })
        .expect("messages serialise")
    }
}

/// An answer on a personal question card (practice or review).
#[derive(Debug, Clone, PartialEq)]
pub struct CardAnswer {
    /// The question version shown.
    pub version: VersionId,
    pub response: Response,
    /// When the card was shown (Unix ms): it makes the attempt unique, and expires.
    pub shown_ms: i64,
    /// Whether the bot drew it as a knowledge check.
    pub check: bool,
}

/// How long a practice or review question can be answered after it was shown.
const PERSONAL_TTL_MS: i64 = 24 * 3_600_000;

/// A tip as an embed with its topic and link.
pub fn tip_message(topic_name: &str, text: &str, link: Option<&str>, lang: Lang) -> OutMessage {
    OutMessage {
        embed: Some(Embed {
            title: fit(&t!(lang, "tip-title", topic = topic_name), EMBED_TITLE_MAX),
            description: text.to_string(),
            url: link.map(str::to_string),
            footer: link.map(|_| t!(lang, "tip-more")),
            colour: colours::TIP,
        }),
        ..Default::default()
    }
}

/// The prompt, the lettered choices where the kind lists them, and how to answer where the
/// kind needs saying.
fn question_text(q: &Question, lang: Lang) -> String {
    let how = match q.kind() {
        QuestionKind::Multiple => format!("\n-# {}", t!(lang, "quiz-how-multiple")),
        QuestionKind::Numeric => format!("\n-# {}", t!(lang, "quiz-how-numeric")),
        _ => String::new(),
    };
    if !q.lists_choices() {
        return format!("{}{how}", q.prompt);
    }
    let choices: Vec<String> = q
        .choices()
        .iter()
        .enumerate()
        .map(|(i, c)| format!("**{}** {c}", LETTERS[i]))
        .collect();
    format!("{}\n\n{}{how}", q.prompt, choices.join("\n"))
}

/// How a question's answer components look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    /// Members can answer.
    Open,
    /// Closed: disabled, the right buttons green.
    Revealed,
    /// An author's preview: as members see it, but disabled.
    Preview,
}

/// The text input of the form that answers a typed question.
pub const RESPONSE_INPUT: &str = "response";

/// The form that answers a typed question (short answer, numeric), opened by its "Type your
/// answer" button and carrying the button's id.
pub fn answer_form(custom_id: &str, lang: Lang) -> Form {
    Form {
        custom_id: custom_id.to_string(),
        title: t!(lang, "answer-form-title"),
        inputs: vec![FormInput {
            id: RESPONSE_INPUT.into(),
            label: t!(lang, "answer-form-title"),
            paragraph: false,
            required: true,
            max_chars: crate::domain::answer_key::RESPONSE_MAX,
            value: String::new(),
            placeholder: t!(lang, "answer-form-placeholder"),
        }],
    }
}

/// What answers `q`: a button per choice (single choice, true/false), a select menu of the
/// choices (multiple response), or one button that opens a text box (typed kinds); `id`
/// gives each its custom id.
fn answer_components(
    q: &Question,
    look: Look,
    id: impl Fn(Via) -> ComponentId,
    lang: Lang,
) -> (Option<Menu>, Vec<Button>) {
    let disabled = look != Look::Open;
    let revealed = look == Look::Revealed;
    match &q.answer {
        Key::Single { .. } | Key::TrueFalse { .. } => {
            let buttons = (0..q.choices().len())
                .map(|i| Button {
                    custom_id: id(Via::Choice(i as u8)).encode(),
                    label: choice_label(q, i, lang),
                    style: match (revealed, q.answer.is_right_choice(i)) {
                        (true, true) => Style::Success,
                        (true, false) => Style::Secondary,
                        (false, _) => Style::Primary,
                    },
                    disabled,
                })
                .collect();
            (None, buttons)
        }
        Key::Multiple { choices, .. } => {
            let menu = Menu {
                custom_id: id(Via::Menu).encode(),
                placeholder: t!(lang, "quiz-pick-every"),
                options: choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| MenuOption {
                        value: i.to_string(),
                        label: fit(&format!("{} · {c}", LETTERS[i]), SELECT_OPTION_LABEL_MAX),
                    })
                    .collect(),
                min: 1,
                max: choices.len() as u8,
                disabled,
            };
            (Some(menu), vec![])
        }
        Key::ShortAnswer { .. } | Key::Numeric { .. } => {
            let button = Button {
                custom_id: id(Via::TextBox).encode(),
                label: format!("✍️ {}", t!(lang, "answer-form-placeholder")),
                style: Style::Primary,
                disabled,
            };
            (None, vec![button])
        }
    }
}

/// A choice's button: "B · Report it as phishing", or "True".
fn choice_label(q: &Question, i: usize, lang: Lang) -> String {
    if !q.lists_choices() {
        return fit(&q.answer.choice(i, lang), LABEL_MAX);
    }
    fit(&format!("{} · {}", LETTERS[i], q.choices()[i]), LABEL_MAX)
}

/// The explanation on a line of its own, or nothing when the question has none (Aiken).
fn explanation_line(q: &Question) -> String {
    match q.explanation.as_str() {
        "" => String::new(),
        e => format!("\n{e}"),
    }
}

fn answers_phrase(n: i64, lang: Lang) -> String {
    t!(lang, "quiz-answers-so-far", count = n)
}

/// A channel quiz post: open (buttons, live count, closing time) or revealed (right answer
/// highlighted, % correct, buttons disabled).
pub fn quiz_post_message(
    post: &QuizPost,
    closes_at: &str,
    revealed: bool,
    lang: Lang,
) -> OutMessage {
    let q = &post.version.question;
    let footer = if revealed {
        match percent_correct(post.correct_count, post.answer_count) {
            Some(p) => t!(
                lang,
                "quiz-closed-footer",
                count = post.answer_count,
                percent = p
            ),
            None => t!(lang, "quiz-closed-nobody"),
        }
    } else {
        t!(
            lang,
            "quiz-open-footer",
            answers = answers_phrase(post.answer_count, lang),
            closes = closes_at
        )
    };
    let mut description = question_text(q, lang);
    if revealed {
        let right = t!(
            lang,
            "quiz-right-answer",
            answer = q.answer.right_answer(lang)
        );
        description.push_str(&format!("\n\n✅ **{right}**{}", explanation_line(q)));
    }
    let look = if revealed { Look::Revealed } else { Look::Open };
    let (menu, buttons) = answer_components(
        q,
        look,
        |via| ComponentId::QuizAnswer { post: post.id, via },
        lang,
    );
    OutMessage {
        content: String::new(),
        embed: Some(Embed {
            title: fit(
                &t!(lang, "quiz-title", topic = post.version.topic_name.as_str()),
                EMBED_TITLE_MAX,
            ),
            description,
            url: None,
            footer: Some(footer),
            colour: if revealed {
                colours::CLOSED
            } else {
                colours::QUIZ
            },
        }),
        menu,
        buttons: vec![buttons],
        files: vec![],
        ping_users: vec![],
        more_embeds: vec![],
    }
}

/// How a member gave their answer, for the messages' selectors: `typed` or `chose`.
fn gave(q: &Question) -> &'static str {
    if q.kind().typed() {
        "typed"
    } else {
        "chose"
    }
}

/// The ephemeral feedback on an answer: right, partly right (with its share of the points)
/// or not; the feedback written for what was typed; the explanation.
fn feedback(
    q: &Question,
    response: &Response,
    graded: &Graded,
    scored: &Scored,
    lang: Lang,
) -> String {
    let key = &q.answer;
    let given = key.describe(response, lang);
    let gave = gave(q);
    let right = key.right_answer(lang);
    let mut text = if graded.right() {
        format!("✅ {}\n", t!(lang, "feedback-right", given = given))
    } else if graded.credit > 0.0 {
        let share = lang.percent(graded.credit);
        let line = t!(
            lang,
            "feedback-partly",
            share = share,
            gave = gave,
            given = given,
            right = right
        );
        format!("🟡 {line}\n")
    } else {
        let line = t!(
            lang,
            "feedback-wrong",
            gave = gave,
            given = given,
            right = right
        );
        format!("❌ {line}\n")
    };
    if let Some(written) = key.feedback(graded) {
        text.push_str(&format!("{written}\n"));
    }
    text.push_str(&q.explanation);
    let mut text = text.trim_end().to_string();
    if let Some(source) = &q.source {
        text.push_str(&format!(
            "\n{}",
            t!(lang, "feedback-learn-more", link = source.as_str())
        ));
    }
    let p = scored.progress;
    let earned = scored.points_awarded + scored.streak_bonus;
    let points = if earned > 0 {
        t!(
            lang,
            "feedback-points-earned",
            earned = earned,
            total = p.points
        )
    } else {
        t!(lang, "feedback-points", total = p.points)
    };
    let streak = t!(lang, "feedback-streak", days = p.streak_days);
    let bonus = if scored.streak_bonus > 0 {
        format!(
            " · 🔥 {}",
            t!(lang, "feedback-streak-bonus", bonus = scored.streak_bonus)
        )
    } else {
        String::new()
    };
    text.push_str(&format!("\n-# {points} · {streak}{bonus}"));
    fit(&text, MESSAGE_MAX)
}

impl App {
    /// The message for a pending outbox row (`None`: nothing to send).
    pub async fn render_post(
        &self,
        outbox_id: i64,
        payload: &str,
    ) -> AppResult<Option<OutMessage>> {
        match serde_json::from_str::<Post>(payload) {
            Ok(Post::Message { message }) => Ok(Some(*message)),
            Ok(Post::Quiz) => match self.store.quiz_post_for_outbox(outbox_id).await? {
                Some(post) => Ok(Some(self.render_quiz_post(&post, false).await?)),
                None => Ok(None),
            },
            Err(e) => {
                tracing::error!(outbox = outbox_id, error = %e, "unreadable outbox payload");
                Ok(None)
            }
        }
    }

    /// A quiz post as it should look now.
    pub async fn render_quiz_post(&self, post: &QuizPost, revealed: bool) -> AppResult<OutMessage> {
        let tz = self.guild_timezone(post.guild).await?;
        // Before delivery the window is measured from now (it starts when the post goes out).
        let closes_ms = match post.posted_ms {
            Some(_) => post.closes_ms,
            None => post.closes_ms.max(self.clock.now_ms()),
        };
        let closes = DateTime::from_timestamp_millis(closes_ms)
            .map(|t| t.with_timezone(&tz).format("%H:%M %Z").to_string())
            .unwrap_or_default();
        let lang = self.guild_lang(post.guild).await?;
        Ok(quiz_post_message(post, &closes, revealed, lang))
    }

    /// An answer to a channel quiz (a button, the menu, or the text box). The first answer
    /// counts; the reply is ephemeral.
    pub async fn answer_quiz_post(
        &self,
        guild: GuildId,
        user: UserId,
        post_id: PostId,
        response: Response,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let post = match self.store.quiz_post(post_id).await? {
            Some(p) if p.guild == guild => p,
            _ => return refuse(t!(lang, "quiz-gone")),
        };
        let q = &post.version.question;
        let graded = q.answer.grade(&response, lang).or_else(refuse)?;
        let now = self.clock.now();
        if post.revealed || now.timestamp_millis() >= post.closes_ms {
            let closed = t!(lang, "quiz-closed", answer = q.answer.right_answer(lang));
            let text = format!(
                "⏰ {closed}{}\n{}",
                explanation_line(q),
                t!(lang, "quiz-try-practice")
            );
            return Ok(OutMessage::text(fit(&text, MESSAGE_MAX)));
        }
        let (choice, typed) = response.stored(&graded);
        let posted_ms = post.posted_ms.unwrap_or(now.timestamp_millis());
        let local_day = self.local_day(guild, now).await?;
        let answer = NewAnswer {
            guild,
            user,
            version_id: post.version.version_id,
            question_id: q.id.clone(),
            quiz_post_id: Some(post.id),
            shown_ms: None,
            source: AnswerSource::Channel,
            choice,
            response: typed,
            credit: graded.credit,
            correct: graded.right(),
            latency_ms: (now.timestamp_millis() - posted_ms).max(0),
            answered_ms: now.timestamp_millis(),
            local_day,
            topic_id: q.topic.clone(),
            season_weeks: self.season_weeks(guild).await?,
            competency_share: self.settings.reports.competency_share,
            check: None,
        };
        let (mut reply, recorded) = self
            .record_answer(&answer, &post.version, &response, &graded, lang)
            .await?;
        // The post's live count changed: the delivery worker edits it (in batches).
        self.posts_queued();
        if recorded {
            if let Some(button) = self.offer_check(guild, user, local_day, lang).await? {
                reply.buttons = vec![vec![button]];
            }
        }
        Ok(reply)
    }

    /// Records an answer with its points, streak and memory update, in one transaction.
    /// Returns the feedback, and whether the answer was new (not a repeated click).
    pub(super) async fn record_answer(
        &self,
        answer: &NewAnswer,
        v: &QuestionVersion,
        response: &Response,
        graded: &Graded,
        lang: Lang,
    ) -> AppResult<(OutMessage, bool)> {
        let q = &v.question;
        let rules = self.point_rules(answer.source);
        let model = self.memory_model(v.guild).await?;
        let retention = v.desired_retention.unwrap_or(DEFAULT_RETENTION);
        let (credit, correct, day) = (answer.credit, answer.correct, answer.local_day);
        let time = answer.recall_time_ms();
        let result = self
            .store
            .record_answer(
                answer,
                move |before| score(before, credit, day, &rules),
                move |memory| {
                    model.review(memory.as_ref(), Grade::of(correct), day, retention, time)
                },
            )
            .await?;
        Ok(match result {
            AnswerResult::Recorded(scored) => (
                OutMessage::text(feedback(q, response, graded, &scored, lang)),
                true,
            ),
            AnswerResult::AlreadyAnswered { choice, response } => {
                let first = q.answer.stored_response(choice, response);
                let text = t!(
                    lang,
                    "quiz-already-answered",
                    gave = gave(q),
                    given = q.answer.describe(&first, lang)
                );
                (OutMessage::text(fit(&text, MESSAGE_MAX)), false)
            }
        })
    }

    /// A personal practice question (ephemeral, answered with buttons), chosen adaptively:
    /// see [`crate::domain::selection`]. `roles` are the member's roles, for their tracks.
    pub async fn practice_question(
        &self,
        guild: GuildId,
        user: UserId,
        topic: Option<&str>,
        roles: &[RoleId],
        lang: Lang,
    ) -> AppResult<OutMessage> {
        self.ensure_content(guild).await?;
        let today = self.local_day(guild, self.clock.now()).await?;
        let check = self.check_now(guild, user, today).await?;
        // A knowledge check is a question; a topic of flashcards only has none to draw.
        let drawn = match check {
            true => self.random_question(guild, user, topic).await?,
            false => None,
        };
        let check = drawn.is_some();
        let pick = match drawn {
            Some(v) => Some(Pick::Question(v)),
            None => self.next_practice(guild, user, topic, roles).await?,
        };
        let Some(pick) = pick else {
            return match topic {
                Some(topic) => refuse(t!(lang, "practice-no-questions-in", topic = fit(topic, 40))),
                None => refuse(t!(lang, "practice-no-questions")),
            };
        };
        Ok(self.practice_message(&pick, check, lang))
    }

    /// The question or card a member should practise next.
    pub async fn next_practice(
        &self,
        guild: GuildId,
        user: UserId,
        topic: Option<&str>,
        roles: &[RoleId],
    ) -> AppResult<Option<Pick>> {
        let track = self.store.track_of_roles(guild, roles).await?;
        let candidates = self.candidates(guild, user, topic, &track).await?;
        match next_question(&candidates) {
            Some(i) => self.pick(guild, candidates[i].item).await,
            None => Ok(None),
        }
    }

    /// The topics whose team refresher is active for this member, with their team targets:
    /// none while they are in an experiment's holdout (the comparison group gets no
    /// refreshers).
    async fn refresher_topics(
        &self,
        guild: GuildId,
        user: UserId,
    ) -> AppResult<Vec<(String, f64)>> {
        let today = self.local_day(guild, self.clock.now()).await?;
        if self.holdout_of(guild, user, today).await?.is_some() {
            return Ok(vec![]);
        }
        Ok(self.store.current_refreshers(guild).await?)
    }

    /// Every current question and card the member may get (in `topic` if given) with what
    /// their memory says of it today, whether it is on their `track`, and whether a refresher
    /// wants it (seen, in a topic with an active refresher, and recalled below the topic's
    /// team target today: one just answered is not brought back), in random order. An answer
    /// card they hold and never graded counts as due (and most forgotten) from its first day,
    /// and is left out before.
    pub(super) async fn candidates(
        &self,
        guild: GuildId,
        user: UserId,
        topic: Option<&str>,
        track: &Track,
    ) -> AppResult<Vec<Candidate>> {
        let refreshing = self.refresher_topics(guild, user).await?;
        let refresher = |topic: &str, seen: Option<&Seen>| {
            seen.is_some_and(|s| {
                refreshing
                    .iter()
                    .any(|(t, target)| t == topic && s.recall < *target)
            })
        };
        let today = self.local_day(guild, self.clock.now()).await?;
        let model = self.memory_model(guild).await?;
        let mastered_days = f64::from(self.settings.reinforcement.mastered_stability_days);
        let seen = |m: &Memory| Seen {
            recall: model.recall(m, today),
            due: m.due_day <= today,
            mastered: m.stability >= mastered_days,
        };
        let questions = self
            .store
            .practice_candidates(guild, user, topic, self.dice.shuffle_key())
            .await?
            .into_iter()
            .map(|q| {
                let seen = q.memory.as_ref().map(seen);
                Candidate {
                    item: Item::Question(q.version_id),
                    track: track.covers(&q.topic, &q.tracks),
                    refresher: refresher(&q.topic, seen.as_ref()),
                    topic: q.topic,
                    seen,
                }
            });
        let cards = self
            .store
            .card_candidates(guild, user, topic, self.dice.shuffle_key())
            .await?
            .into_iter()
            .filter(|c| c.memory.is_some() || c.first_due.is_none_or(|d| d <= today))
            .map(|c| {
                let seen = match (&c.memory, c.first_due) {
                    (Some(m), _) => Some(seen(m)),
                    (None, Some(_)) => Some(Seen {
                        recall: 0.0,
                        due: true,
                        mastered: false,
                    }),
                    (None, None) => None,
                };
                Candidate {
                    item: Item::Card(c.id),
                    track: track.covers(&c.topic, &c.tracks),
                    refresher: refresher(&c.topic, seen.as_ref()),
                    topic: c.topic,
                    seen,
                }
            });
        let mut all: Vec<Candidate> = questions.collect();
        let cards: Vec<Candidate> = cards.collect();
        if !cards.is_empty() {
            // Questions and cards interleaved at random, so that neither always comes first.
            all.extend(cards);
            let mut rng = SplitMix64::new(self.dice.next_u64());
            for i in (1..all.len()).rev() {
                let j = rng.below(i as u64 + 1) as usize;
                all.swap(i, j);
            }
        }
        Ok(all)
    }

    /// Checks a click on a personal question (practice or review) shown at `shown_ms`,
    /// records it (as a knowledge check when `check`, under the daily cap), and returns the
    /// feedback headed by the question, with what was recorded.
    pub(super) async fn personal_answer(
        &self,
        guild: GuildId,
        user: UserId,
        click: CardAnswer,
        source: AnswerSource,
        lang: Lang,
    ) -> AppResult<(OutMessage, QuestionVersion, NewAnswer)> {
        let CardAnswer {
            version: version_id,
            response,
            shown_ms,
            check,
        } = click;
        let Some(v) = self.store.guild_question_version(guild, version_id).await? else {
            return refuse(t!(lang, "practice-gone"));
        };
        let now = self.clock.now();
        let now_ms = now.timestamp_millis();
        if shown_ms > now_ms + 60_000 || now_ms - shown_ms > PERSONAL_TTL_MS {
            return refuse(t!(lang, "practice-expired"));
        }
        let graded = v.question.answer.grade(&response, lang).or_else(refuse)?;
        let (choice, typed) = response.stored(&graded);
        let local_day = self.local_day(guild, now).await?;
        let check = match check {
            true => {
                self.check_facts(guild, user, &v.question.id, local_day)
                    .await?
            }
            false => None,
        };
        let answer = NewAnswer {
            guild,
            user,
            version_id,
            question_id: v.question.id.clone(),
            quiz_post_id: None,
            shown_ms: Some(shown_ms),
            source,
            choice,
            response: typed,
            credit: graded.credit,
            correct: graded.right(),
            latency_ms: (now_ms - shown_ms).max(0),
            answered_ms: now_ms,
            local_day,
            topic_id: v.question.topic.clone(),
            season_weeks: self.season_weeks(guild).await?,
            competency_share: self.settings.reports.competency_share,
            check,
        };
        let (mut reply, _) = self
            .record_answer(&answer, &v, &response, &graded, lang)
            .await?;
        reply.content = fit(
            &format!("**{}**\n{}", fit(&v.question.prompt, 300), reply.content),
            MESSAGE_MAX,
        );
        Ok((reply, v, answer))
    }

    /// A click on a practice answer: the message turns into the feedback, with a button for
    /// another question.
    pub async fn answer_practice(
        &self,
        guild: GuildId,
        user: UserId,
        click: CardAnswer,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let version = click.version;
        let (mut reply, v, _) = self
            .personal_answer(guild, user, click, AnswerSource::Practice, lang)
            .await?;
        reply.buttons = vec![vec![Button {
            custom_id: ComponentId::PracticeNext { version }.encode(),
            label: fit(
                &t!(lang, "practice-another", topic = v.topic_name.as_str()),
                LABEL_MAX,
            ),
            style: Style::Secondary,
            disabled: false,
        }]];
        Ok(reply)
    }

    /// "Another question" in the same topic.
    pub async fn practice_next(
        &self,
        guild: GuildId,
        user: UserId,
        version_id: VersionId,
        roles: &[RoleId],
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let topic = self
            .store
            .guild_question_version(guild, version_id)
            .await?
            .map(|v| v.question.topic);
        self.practice_question(guild, user, topic.as_deref(), roles, lang)
            .await
    }
}

/// A practice question: prompt, choices and one button per choice (`check`: drawn as a
/// knowledge check; it looks the same to the member).
pub(super) fn practice_card(
    v: &QuestionVersion,
    shown_ms: i64,
    check: bool,
    lang: Lang,
) -> OutMessage {
    let title = t!(lang, "practice-title", topic = v.topic_name.as_str());
    let answer = |via| ComponentId::PracticeAnswer {
        version: v.version_id,
        via,
        shown_ms,
        check,
    };
    question_card(v, &title, answer, lang)
}

/// A personal question card (only the member sees it): `title`, the prompt and lettered
/// choices, and what answers it (see [`answer_components`]) with the ids `answer(via)`.
pub(super) fn question_card(
    v: &QuestionVersion,
    title: &str,
    answer: impl Fn(Via) -> ComponentId,
    lang: Lang,
) -> OutMessage {
    card_of(&v.question, title, Look::Open, answer, lang)
}

/// A question as a member's practice card shows it, its components disabled: an author's
/// preview.
pub(super) fn preview_card(q: &Question, topic_name: &str, lang: Lang) -> OutMessage {
    let title = t!(lang, "practice-title", topic = topic_name);
    let answer = |via| ComponentId::PracticeAnswer {
        version: VersionId(0),
        via,
        shown_ms: 0,
        check: false,
    };
    card_of(q, &title, Look::Preview, answer, lang)
}

fn card_of(
    q: &Question,
    title: &str,
    look: Look,
    answer: impl Fn(Via) -> ComponentId,
    lang: Lang,
) -> OutMessage {
    let (menu, buttons) = answer_components(q, look, answer, lang);
    let how = match q.kind() {
        QuestionKind::Multiple => "multiple",
        QuestionKind::ShortAnswer | QuestionKind::Numeric => "typed",
        QuestionKind::Single | QuestionKind::TrueFalse => "choice",
    };
    OutMessage {
        content: String::new(),
        embed: Some(Embed {
            title: fit(title, EMBED_TITLE_MAX),
            description: question_text(q, lang),
            url: None,
            footer: Some(t!(lang, "practice-footer", how = how)),
            colour: colours::QUIZ,
        }),
        menu,
        buttons: vec![buttons],
        files: vec![],
        ping_users: vec![],
        more_embeds: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tip_is_an_embed_with_its_topic_and_link() {
        let m = tip_message(
            "Data privacy",
            "Use Bcc.",
            Some("https://example.com/bcc"),
            Lang::En,
        );
        let e = m.embed.unwrap();
        assert_eq!(e.title, "💡 Tip · Data privacy");
        assert_eq!(e.description, "Use Bcc.");
        assert_eq!(e.url.as_deref(), Some("https://example.com/bcc"));
        assert!(m.buttons.is_empty() && m.content.is_empty());
        let plain = tip_message("Data privacy", "Use Bcc.", None, Lang::En)
            .embed
            .unwrap();
        assert!(plain.url.is_none() && plain.footer.is_none());
    }

    #[test]
    fn button_labels_fit_discord() {
        let q = Question {
            id: "q".into(),
            topic: "t".into(),
            prompt: "p".into(),
            answer: Key::Single {
                choices: vec!["x".repeat(200), "y".into()],
                correct: 1,
            },
            explanation: "e".into(),
            difficulty: 2,
            tracks: vec![],
            source: None,
        };
        assert_eq!(choice_label(&q, 0, Lang::En).chars().count(), LABEL_MAX);
        assert_eq!(choice_label(&q, 1, Lang::En), "B · y");
        let statement = Question {
            answer: Key::TrueFalse { correct: false },
            ..q
        };
        assert_eq!(choice_label(&statement, 0, Lang::En), "True");
        assert_eq!(statement.answer.right_answer(Lang::En), "False");
        assert_eq!(question_text(&statement, Lang::En), "p", "no lettered list");
    }
}
