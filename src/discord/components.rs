//! Button clicks: channel quiz answers (ephemeral feedback), practice answers and "another
//! question" (the practice message is updated in place), and the asker's verdict on
//! knowledge-base matches ("That solved it" / "I still need help", which opens a thread and so
//! defers first). Ids come through the one codec in
//! `domain::custom_id`; a forged or stale id gets a short ephemeral answer.

use super::{commands::refusal_message, render, Data};
use crate::app::message::OutMessage;
use crate::app::quiz::CardAnswer;
use crate::app::AppError;
use crate::domain::custom_id::ComponentId;
use crate::domain::ids::{GuildId, RoleId, UserId};
use poise::serenity_prelude as serenity;
use serenity::{CreateInteractionResponse, CreateInteractionResponseMessage};

const APOLOGY: &str = "Sorry, that did not work because of a problem on the bot's side. It has been logged; please try again in a moment.";

pub async fn on_component(
    ctx: &serenity::Context,
    data: &Data,
    click: &serenity::ComponentInteraction,
) {
    if let Some(ComponentId::AskRoute { ask }) = ComponentId::parse(&click.data.custom_id) {
        return route_question(ctx, data, click, ask).await;
    }
    let response = answer(data, click).await;
    if let Err(e) = click.create_response(&ctx.http, response).await {
        tracing::error!(error = %e, custom_id = %click.data.custom_id, "could not answer a button click");
    }
}

/// "I still need help": opening the thread takes REST calls, so the click is acknowledged
/// first and the message edited with the outcome.
async fn route_question(
    ctx: &serenity::Context,
    data: &Data,
    click: &serenity::ComponentInteraction,
    ask: i64,
) {
    if let Err(e) = click.defer(&ctx.http).await {
        tracing::error!(error = %e, "could not acknowledge a click");
        return;
    }
    let edit = match click.guild_id {
        None => serenity::EditInteractionResponse::new().content("Questions work inside a server."),
        Some(g) => {
            let user = UserId(click.user.id.get());
            let result = data
                .app
                .ask_route(&data.port, GuildId(g.get()), user, ask)
                .await;
            match result {
                Ok(m) => serenity::EditInteractionResponse::new()
                    .content(m.content)
                    .embeds(vec![])
                    .components(vec![])
                    .allowed_mentions(render::no_pings()),
                Err(AppError::Refused(r)) => serenity::EditInteractionResponse::new()
                    .content(refusal_message(&r.0).content)
                    .allowed_mentions(render::no_pings()),
                Err(e) => {
                    tracing::error!(error = %e, "routing a question failed");
                    serenity::EditInteractionResponse::new().content(APOLOGY)
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

async fn answer(data: &Data, click: &serenity::ComponentInteraction) -> CreateInteractionResponse {
    let Some(id) = ComponentId::parse(&click.data.custom_id) else {
        tracing::warn!(custom_id = %click.data.custom_id, "unknown button");
        return ephemeral(&OutMessage::text(
            "This button is no longer valid. Use `/quiz` for a new question.",
        ));
    };
    // Review buttons carry their guild (they also work in direct messages); the others need
    // the server they were clicked in.
    let carried = match id {
        ComponentId::ReviewStart { guild }
        | ComponentId::ReviewAnswer { guild, .. }
        | ComponentId::ReviewNext { guild, .. } => Some(guild),
        _ => None,
    };
    let here = click.guild_id.map(|g| GuildId(g.get()));
    let guild = match (carried, here) {
        (Some(c), Some(h)) if c != h => {
            return ephemeral(&OutMessage::text("This button belongs to another server."));
        }
        (Some(g), _) | (None, Some(g)) => g,
        (None, None) => {
            return ephemeral(&OutMessage::text(
                "Quizzes work inside a server, not in direct messages.",
            ));
        }
    };
    let user = UserId(click.user.id.get());
    let roles: Vec<RoleId> = click
        .member
        .as_ref()
        .map(|m| m.roles.iter().map(|r| RoleId(r.get())).collect())
        .unwrap_or_default();
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
            if let Err(e) = app.member_seen(guild, user, &name, &roles).await {
                tracing::warn!(error = %e, "could not record the member");
            }
        }
    };
    let act = async {
        match id {
            ComponentId::QuizAnswer { post, choice } => {
                let r = app
                    .answer_quiz_post(guild, user, post, usize::from(choice))
                    .await;
                (r, false)
            }
            ComponentId::PracticeAnswer {
                version,
                choice,
                shown_ms,
                check,
            } => {
                let click = CardAnswer {
                    version,
                    choice: usize::from(choice),
                    shown_ms,
                    check,
                };
                (app.answer_practice(guild, user, click).await, true)
            }
            ComponentId::CheckStart => (app.check_start(guild, user).await, true),
            ComponentId::PracticeNext { version } => {
                (app.practice_next(guild, user, version, &roles).await, true)
            }
            ComponentId::ReviewStart { .. } => (app.review_start(guild, user).await, false),
            ComponentId::ReviewAnswer {
                version,
                choice,
                shown_ms,
                n,
                check,
                ..
            } => {
                let click = CardAnswer {
                    version,
                    choice: usize::from(choice),
                    shown_ms,
                    check,
                };
                (app.review_answer(guild, user, click, n).await, true)
            }
            ComponentId::ReviewNext { n, .. } => (
                app.review_card(guild, user, n.saturating_add(1)).await,
                true,
            ),
            ComponentId::AskSolved { ask } => (app.ask_solved(guild, user, ask).await, true),
            ComponentId::PrivacyDelete { issued_ms } => {
                (app.privacy_delete(guild, user, issued_ms).await, true)
            }
            ComponentId::PrivacyKeep => (Ok(app.privacy_keep()), true),
            // Handled before (it defers).
            ComponentId::AskRoute { .. } => (Ok(OutMessage::text(APOLOGY)), false),
        }
    };
    let ((), (result, update_in_place)) = tokio::join!(touch, act);
    match result {
        Ok(m) if update_in_place => {
            CreateInteractionResponse::UpdateMessage(render::interaction_message(&m, false))
        }
        Ok(m) => ephemeral(&m),
        Err(AppError::Refused(r)) => ephemeral(&refusal_message(&r.0)),
        Err(e) => {
            tracing::error!(error = %e, custom_id = %click.data.custom_id, "button click failed");
            CreateInteractionResponse::Message(
                CreateInteractionResponseMessage::new()
                    .content(APOLOGY)
                    .ephemeral(true),
            )
        }
    }
}
