//! Button clicks, menu picks and forms: channel quiz answers (ephemeral feedback), practice
//! answers and "another question" (the practice message is updated in place), and the asker's
//! verdict on knowledge-base matches ("That solved it" / "I still need help", which opens a
//! thread and so defers first). A typed question's "Type your answer" button opens a form with
//! the same id; its submission is answered like a click. A question drafted in chat has Edit
//! (its form again), Publish, Propose and Discard. Ids come through the one codec in
//! `domain::custom_id`; a forged or stale id gets a short ephemeral answer.

use super::commands::admin::is_admin;
use super::{commands::refusal_message, render, Data};
use crate::app::cards::ShownCard;
use crate::app::message::OutMessage;
use crate::app::quiz::CardAnswer;
use crate::app::AppError;
use crate::domain::answer_key::Response;
use crate::domain::cards::SelfGrade;
use crate::domain::custom_id::{ComponentId, Verdict, Via};
use crate::domain::ids::{GuildId, KbId, RoleId, UserId};
use crate::i18n::Lang;
use crate::t;
use poise::serenity_prelude as serenity;
use serenity::{CreateInteractionResponse, CreateInteractionResponseMessage};

/// The answer to a click or form that failed on the bot's side (the details go to the log).
fn apology(lang: Lang) -> OutMessage {
    OutMessage::text(t!(lang, "error-bot-side"))
}

pub async fn on_component(
    ctx: &serenity::Context,
    data: &Data,
    click: &serenity::ComponentInteraction,
) {
    match ComponentId::parse(&click.data.custom_id) {
        Some(id @ (ComponentId::AskRoute { .. } | ComponentId::AskFollow { .. })) => {
            return deferred(ctx, data, click, id).await;
        }
        Some(ComponentId::Verify {
            guild,
            kb,
            verdict: Verdict::NeedsUpdate,
        }) => {
            let response = update_form(data, click, guild, kb).await;
            if let Err(e) = click.create_response(&ctx.http, response).await {
                tracing::error!(error = %e, "could not open the update form");
            }
            return;
        }
        Some(ComponentId::DraftForm { guild, draft }) => {
            let response = draft_form(data, click, guild, draft).await;
            if let Err(e) = click.create_response(&ctx.http, response).await {
                tracing::error!(error = %e, "could not open a draft's form");
            }
            return;
        }
        Some(id) if answers_by(id) == Some(Via::TextBox) => {
            let lang = Lang::of_locale(&click.locale);
            let form = render::modal(&crate::app::quiz::answer_form(&click.data.custom_id, lang));
            let response = CreateInteractionResponse::Modal(form);
            if let Err(e) = click.create_response(&ctx.http, response).await {
                tracing::error!(error = %e, "could not open the answer form");
            }
            return;
        }
        _ => {}
    }
    let values = match &click.data.kind {
        serenity::ComponentInteractionDataKind::StringSelect { values } => values.as_slice(),
        _ => &[],
    };
    let asked = Asked {
        custom_id: &click.data.custom_id,
        guild_id: click.guild_id,
        user: &click.user,
        member: click.member.as_ref(),
        values,
        typed: None,
        locale: &click.locale,
    };
    let response = answer(data, asked).await;
    if let Err(e) = click.create_response(&ctx.http, response).await {
        tracing::error!(error = %e, custom_id = %click.data.custom_id, "could not answer a button click");
    }
}

/// How an answer component answers (`None` for other components).
fn answers_by(id: ComponentId) -> Option<Via> {
    match id {
        ComponentId::QuizAnswer { via, .. }
        | ComponentId::PracticeAnswer { via, .. }
        | ComponentId::ReviewAnswer { via, .. } => Some(via),
        _ => None,
    }
}

/// What answering needs of a click, a menu pick or a form: who, where, and what came with it.
struct Asked<'a> {
    custom_id: &'a str,
    guild_id: Option<serenity::GuildId>,
    user: &'a serenity::User,
    member: Option<&'a serenity::Member>,
    /// The options picked in a select menu.
    values: &'a [String],
    /// The text typed in a form.
    typed: Option<String>,
    /// The member's Discord language.
    locale: &'a str,
}

impl Asked<'_> {
    /// The language of the member's replies.
    fn lang(&self) -> Lang {
        Lang::of_locale(self.locale)
    }

    /// Whether the member may manage the server (never in a direct message).
    fn by_admin(&self) -> bool {
        member_is_admin(self.member)
    }

    /// The member's response to an answer component that answers `via`; `None` when what
    /// came with the interaction does not fit (a menu value that is not a choice's).
    fn response(&self, via: Via) -> Option<Response> {
        match via {
            Via::Choice(c) => Some(Response::Choice(usize::from(c))),
            Via::Menu => {
                let mut set = self
                    .values
                    .iter()
                    .map(|v| v.parse::<usize>().ok())
                    .collect::<Option<Vec<usize>>>()?;
                set.sort_unstable();
                set.dedup();
                Some(Response::Choices(set))
            }
            Via::TextBox => self.typed.clone().map(Response::Text),
        }
    }
}

/// Whether the member behind an interaction may manage the server (never in a direct
/// message, where there is no member).
fn member_is_admin(member: Option<&serenity::Member>) -> bool {
    member.and_then(|m| m.permissions).is_some_and(is_admin)
}

/// "Edit" on a draft: its form, for its author (or an admin reviewing a proposed one).
async fn draft_form(
    data: &Data,
    click: &serenity::ComponentInteraction,
    guild: GuildId,
    draft: crate::domain::ids::DraftId,
) -> CreateInteractionResponse {
    let lang = Lang::of_locale(&click.locale);
    if click.guild_id.map(|g| g.get()) != Some(guild.0) {
        return ephemeral(&OutMessage::text(t!(lang, "button-other-server")));
    }
    let user = UserId(click.user.id.get());
    match data
        .app
        .draft_form(
            guild,
            user,
            member_is_admin(click.member.as_ref()),
            draft,
            lang,
        )
        .await
    {
        Ok(form) => CreateInteractionResponse::Modal(render::modal(&form)),
        Err(AppError::Refused(r)) => ephemeral(&refusal_message(&r.0, lang)),
        Err(e) => {
            tracing::error!(error = %e, "opening a draft's form failed");
            ephemeral(&apology(lang))
        }
    }
}

/// "Needs an update": a modal with the answer's current text, for its owner or an admin.
async fn update_form(
    data: &Data,
    click: &serenity::ComponentInteraction,
    guild: GuildId,
    kb: KbId,
) -> CreateInteractionResponse {
    let lang = Lang::of_locale(&click.locale);
    if click.guild_id.is_some_and(|g| g.get() != guild.0) {
        return ephemeral(&OutMessage::text(t!(lang, "button-other-server")));
    }
    let user = UserId(click.user.id.get());
    let form = data
        .app
        .kb_update_form(
            guild,
            kb,
            user,
            member_is_admin(click.member.as_ref()),
            lang,
        )
        .await;
    match form {
        Ok((question, answer)) => CreateInteractionResponse::Modal(render::answer_update_modal(
            &ComponentId::VerifyUpdate { guild, kb }.encode(),
            &question,
            &answer,
            lang,
        )),
        Err(AppError::Refused(r)) => ephemeral(&refusal_message(&r.0, lang)),
        Err(e) => {
            tracing::error!(error = %e, "opening the update form failed");
            ephemeral(&apology(lang))
        }
    }
}

/// A form submitted: a typed answer (answered like a click on its question), or "Needs an
/// update" (the new text replaces the answer).
pub async fn on_modal(ctx: &serenity::Context, data: &Data, submit: &serenity::ModalInteraction) {
    let lang = Lang::of_locale(&submit.locale);
    let id = ComponentId::parse(&submit.data.custom_id);
    if id.and_then(answers_by) == Some(Via::TextBox) {
        let asked = Asked {
            custom_id: &submit.data.custom_id,
            guild_id: submit.guild_id,
            user: &submit.user,
            member: submit.member.as_ref(),
            values: &[],
            typed: Some(render::modal_text(
                &submit.data.components,
                crate::app::quiz::RESPONSE_INPUT,
            )),
            locale: &submit.locale,
        };
        let response = answer(data, asked).await;
        if let Err(e) = submit.create_response(&ctx.http, response).await {
            tracing::error!(error = %e, "could not answer a typed answer");
        }
        return;
    }
    if let Some(ComponentId::DraftForm { guild, draft }) = id {
        let by_admin = member_is_admin(submit.member.as_ref());
        let values = render::modal_values(&submit.data.components);
        let user = UserId(submit.user.id.get());
        let result = match submit.guild_id.map(|g| g.get()) == Some(guild.0) {
            true => {
                data.app
                    .draft_submit(guild, user, by_admin, draft, &values, lang)
                    .await
            }
            false => Ok(OutMessage::text(t!(lang, "form-other-server"))),
        };
        let reply = match result {
            Ok(m) => m,
            Err(AppError::Refused(r)) => refusal_message(&r.0, lang),
            Err(e) => {
                tracing::error!(error = %e, "saving a draft failed");
                apology(lang)
            }
        };
        // A form opened from a draft's preview updates it; one opened by a command answers anew.
        let response = match submit.message {
            Some(_) => {
                CreateInteractionResponse::UpdateMessage(render::interaction_message(&reply, false))
            }
            None => CreateInteractionResponse::Message(render::interaction_message(&reply, true)),
        };
        if let Err(e) = submit.create_response(&ctx.http, response).await {
            tracing::error!(error = %e, "could not answer a draft's form");
        }
        return;
    }
    let reply = match id {
        Some(ComponentId::VerifyUpdate { guild, kb })
            if submit.guild_id.is_none_or(|g| g.get() == guild.0) =>
        {
            let text = render::modal_text(&submit.data.components, render::ANSWER_INPUT);
            let by_admin = member_is_admin(submit.member.as_ref());
            let user = UserId(submit.user.id.get());
            match data
                .app
                .kb_update(guild, kb, user, by_admin, &text, lang)
                .await
            {
                Ok(m) => m,
                Err(AppError::Refused(r)) => refusal_message(&r.0, lang),
                Err(e) => {
                    tracing::error!(error = %e, "updating an answer failed");
                    apology(lang)
                }
            }
        }
        _ => OutMessage::text(t!(lang, "form-stale")),
    };
    let response = CreateInteractionResponse::Message(render::interaction_message(&reply, true));
    if let Err(e) = submit.create_response(&ctx.http, response).await {
        tracing::error!(error = %e, "could not answer a form");
    }
}

/// "I still need help" and "Follow that question": opening or joining a thread takes REST
/// calls, so the click is acknowledged first and the message edited with the outcome.
async fn deferred(
    ctx: &serenity::Context,
    data: &Data,
    click: &serenity::ComponentInteraction,
    id: ComponentId,
) {
    if let Err(e) = click.defer(&ctx.http).await {
        tracing::error!(error = %e, "could not acknowledge a click");
        return;
    }
    let lang = Lang::of_locale(&click.locale);
    let edit = match click.guild_id {
        None => serenity::EditInteractionResponse::new().content(t!(lang, "questions-need-server")),
        Some(g) => {
            let (user, guild) = (UserId(click.user.id.get()), GuildId(g.get()));
            let app = &data.app;
            let result = match id {
                ComponentId::AskFollow { ask, from } => {
                    app.ask_follow(&data.port, guild, user, ask, from, lang)
                        .await
                }
                ComponentId::AskRoute { ask } => {
                    app.ask_route(&data.port, guild, user, ask, lang).await
                }
                _ => Ok(apology(lang)),
            };
            match result {
                Ok(m) => serenity::EditInteractionResponse::new()
                    .content(m.content)
                    .embeds(vec![])
                    .components(vec![])
                    .allowed_mentions(render::no_pings()),
                Err(AppError::Refused(r)) => serenity::EditInteractionResponse::new()
                    .content(refusal_message(&r.0, lang).content)
                    .allowed_mentions(render::no_pings()),
                Err(e) => {
                    tracing::error!(error = %e, "routing a question failed");
                    serenity::EditInteractionResponse::new().content(t!(lang, "error-bot-side"))
                }
            }
        }
    };
    if let Err(e) = click.edit_response(&ctx.http, edit).await {
        tracing::error!(error = %e, "could not show where a question went");
    }
}

fn ephemeral(m: &OutMessage) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(render::interaction_message(m, true))
}

async fn answer(data: &Data, click: Asked<'_>) -> CreateInteractionResponse {
    let lang = click.lang();
    let Some(id) = ComponentId::parse(click.custom_id) else {
        tracing::warn!(custom_id = %click.custom_id, "unknown button");
        return ephemeral(&OutMessage::text(t!(lang, "button-stale")));
    };
    // Review buttons carry their guild (they also work in direct messages); the others need
    // the server they were clicked in.
    let carried = match id {
        ComponentId::ReviewStart { guild }
        | ComponentId::ReviewAnswer { guild, .. }
        | ComponentId::ReviewNext { guild, .. }
        | ComponentId::CardShow { guild, .. }
        | ComponentId::CardGrade { guild, .. }
        | ComponentId::CardDrop { guild, .. }
        | ComponentId::CardMore { guild, .. }
        | ComponentId::Verify { guild, .. }
        | ComponentId::VerifyUpdate { guild, .. }
        | ComponentId::DraftForm { guild, .. }
        | ComponentId::Draft { guild, .. }
        | ComponentId::Pairing { guild, .. } => Some(guild),
        _ => None,
    };
    let here = click.guild_id.map(|g| GuildId(g.get()));
    let guild = match (carried, here) {
        (Some(c), Some(h)) if c != h => {
            return ephemeral(&OutMessage::text(t!(lang, "button-other-server")));
        }
        (Some(g), _) | (None, Some(g)) => g,
        (None, None) => {
            return ephemeral(&OutMessage::text(t!(lang, "quizzes-need-server")));
        }
    };
    let user = UserId(click.user.id.get());
    let roles: Vec<RoleId> = click
        .member
        .map(|m| m.roles.iter().map(|r| RoleId(r.get())).collect())
        .unwrap_or_default();
    let response = answers_by(id).map(|via| click.response(via));
    if let Some(None) = response {
        return ephemeral(&OutMessage::text(t!(lang, "answer-unreadable")));
    }
    let response = response.flatten();
    let name = click
        .user
        .global_name
        .clone()
        .unwrap_or_else(|| click.user.name.clone());
    let app = &data.app;
    // The member is recorded as active alongside the click's own work, so both usually share
    // one commit. A member asking to be forgotten is not recorded again on the way out.
    let record = here.is_some() && !matches!(id, ComponentId::PrivacyDelete { .. });
    let touch = async {
        if record {
            if let Err(e) = app
                .member_seen(guild, user, &name, &roles, Some(click.locale))
                .await
            {
                tracing::warn!(error = %e, "could not record the member");
            }
        }
    };
    let act = async {
        match id {
            ComponentId::QuizAnswer { post, .. } => {
                let response = response.unwrap_or(Response::Choices(vec![]));
                let r = app
                    .answer_quiz_post(guild, user, post, response, lang)
                    .await;
                (r, false)
            }
            ComponentId::PracticeAnswer {
                version,
                shown_ms,
                check,
                ..
            } => {
                let click = CardAnswer {
                    version,
                    response: response.unwrap_or(Response::Choices(vec![])),
                    shown_ms,
                    check,
                };
                (app.answer_practice(guild, user, click, lang).await, true)
            }
            ComponentId::CheckStart => (app.check_start(guild, user, lang).await, true),
            ComponentId::PracticeNext { version } => {
                let r = app.practice_next(guild, user, version, &roles, lang).await;
                (r, true)
            }
            ComponentId::ReviewStart { .. } => (app.review_start(guild, user, lang).await, false),
            ComponentId::ReviewAnswer {
                version,
                shown_ms,
                n,
                check,
                ..
            } => {
                let click = CardAnswer {
                    version,
                    response: response.unwrap_or(Response::Choices(vec![])),
                    shown_ms,
                    check,
                };
                (app.review_answer(guild, user, click, n, lang).await, true)
            }
            ComponentId::ReviewNext { n, .. } => (
                app.review_card(guild, user, n.saturating_add(1), lang)
                    .await,
                true,
            ),
            ComponentId::CardShow {
                card, shown_ms, n, ..
            } => (
                app.card_show(guild, user, card, shown_ms, n, lang).await,
                true,
            ),
            ComponentId::CardGrade {
                card,
                knew,
                shown_ms,
                n,
                ..
            } => {
                let grade = if knew {
                    SelfGrade::Knew
                } else {
                    SelfGrade::NotYet
                };
                let shown = ShownCard { card, shown_ms, n };
                let r = app.card_grade(guild, user, shown, grade, lang).await;
                (r, true)
            }
            ComponentId::CardDrop { card, .. } => {
                (app.card_drop(guild, user, card, lang).await, true)
            }
            ComponentId::CardMore { card, .. } => {
                (app.card_more(guild, user, card, &roles, lang).await, true)
            }
            ComponentId::AskSolved { ask } => (app.ask_solved(guild, user, ask, lang).await, true),
            ComponentId::PrivacyDelete { issued_ms } => {
                (app.privacy_delete(guild, user, issued_ms, lang).await, true)
            }
            ComponentId::PrivacyKeep => (Ok(app.privacy_keep(lang)), true),
            ComponentId::Pairing {
                schedule,
                at_ms,
                learner,
                talked,
                ..
            } => {
                let r = app
                    .pairing_verdict(guild, user, (schedule, at_ms, learner), talked, lang)
                    .await;
                (r, true)
            }
            ComponentId::Draft { draft, step, .. } => {
                let r = app
                    .draft_step(guild, user, click.by_admin(), draft, step, lang)
                    .await;
                (r, true)
            }
            ComponentId::Verify { kb, verdict, .. } => {
                let by_admin = click.by_admin();
                let r = app
                    .kb_verdict(guild, kb, user, by_admin, verdict, lang)
                    .await;
                (r, true)
            }
            // Handled before (they defer, or open a form); a form's id is never a button's.
            ComponentId::AskRoute { .. }
            | ComponentId::AskFollow { .. }
            | ComponentId::DraftForm { .. }
            | ComponentId::VerifyUpdate { .. } => (Ok(apology(lang)), false),
        }
    };
    let ((), (result, update_in_place)) = tokio::join!(touch, act);
    match result {
        Ok(m) if update_in_place => {
            CreateInteractionResponse::UpdateMessage(render::interaction_message(&m, false))
        }
        Ok(m) => ephemeral(&m),
        Err(AppError::Refused(r)) => ephemeral(&refusal_message(&r.0, lang)),
        Err(e) => {
            tracing::error!(error = %e, custom_id = %click.custom_id, "button click failed");
            CreateInteractionResponse::Message(
                CreateInteractionResponseMessage::new()
                    .content(t!(lang, "error-bot-side"))
                    .ephemeral(true),
            )
        }
    }
}
