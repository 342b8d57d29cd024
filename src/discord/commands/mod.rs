//! The slash commands. Each is a small poise function; its description, its options' and its
//! choices' come from `locales/*/commands.ftl` in every shipped language (see [`all`]), the doc
//! comments being the code's own notes. Admin commands carry the [`admin::manage_server`]
//! check and `default_member_permissions`.

mod about;
pub mod admin;
mod ask;
mod boards;
mod config;
mod content;
mod experiment;
mod expert;
mod help;
mod kb;
mod pairing;
mod privacy;
mod progress;
mod quiz;
mod reinforce;
mod report;
mod schedule;
mod track;

use super::{render, Command, Context, Error};
use crate::app::message::{Form, OutMessage};
use crate::app::AppError;
use crate::domain::format::fit;
use crate::domain::ids::{GuildId, RoleId, UserId};
use crate::domain::limits::MESSAGE_MAX;
use crate::i18n::Lang;
use crate::t;
use std::borrow::Cow;

/// Every command the bot registers, in the order `/help` lists them, with its descriptions
/// in every shipped language.
pub fn all() -> Vec<Command> {
    let mut commands = unlocalised();
    for c in &mut commands {
        localise(c, "cmd");
    }
    commands
}

/// The commands as their functions declare them: names, options and limits; their texts
/// come from `locales/*/commands.ftl` (`localise`).
fn unlocalised() -> Vec<Command> {
    vec![
        help::help(),
        quiz::quiz(),
        progress::progress(),
        reinforce::reinforce(),
        reinforce::pause(),
        boards::leaderboard(),
        boards::stats(),
        ask::ask(),
        ask::resolve(),
        kb::kb(),
        expert::expert(),
        content::propose(),
        pairing::pairing(),
        about::about(),
        content::content(),
        schedule::schedule(),
        config::config(),
        report::report(),
        report::kpi(),
        experiment::experiment(),
        track::track(),
        privacy::privacy(),
        ask::mark_as_answer(),
    ]
}

/// The message id of a command's description, and the prefix of its options': `cmd-config-language`.
/// Fluent ids are ASCII: accents go (`Français` → `francais`), spaces become hyphens.
fn message_id(parent: &str, name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let slug: String = name
        .to_lowercase()
        .nfd()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' | '-' => Some(c),
            ' ' | '_' => Some('-'),
            _ => None,
        })
        .collect();
    format!("{parent}-{slug}")
}

/// Sets a command's, its options' and its choices' texts from `locales/*/commands.ftl`: the
/// English one as the description, the others as Discord's localizations under each of their
/// locales. Names stay English (what members type and the docs name).
fn localise(c: &mut Command, parent: &str) {
    let id = message_id(parent, &c.name);
    let (english, others) = texts(&id);
    c.description = Some(english.into());
    c.description_localizations = others.into();
    // A message command's target is no option members see.
    let parameters = match c.slash_action {
        Some(_) => c.parameters.as_mut_slice(),
        None => &mut [],
    };
    for p in parameters {
        let pid = message_id(&id, &p.name);
        let (english, others) = texts(&pid);
        p.description = Some(english.into());
        p.description_localizations = others.into();
        let mut choices = p.choices.to_vec();
        for choice in &mut choices {
            let (english, others) = texts(&message_id(&pid, &choice.name));
            choice.name = english.into();
            choice.localizations = others.into();
        }
        p.choices = choices.into();
    }
    for sub in &mut c.subcommands {
        localise(sub, &id);
    }
}

/// A message's English text, and its text under each Discord locale of the other languages.
#[allow(clippy::type_complexity)]
fn texts(id: &str) -> (String, Vec<(Cow<'static, str>, Cow<'static, str>)>) {
    let others = Lang::ALL[1..]
        .iter()
        .flat_map(|&lang| {
            let text = t!(lang, id);
            lang.discord_locales()
                .iter()
                .map(move |&locale| (locale.into(), text.clone().into()))
        })
        .collect();
    (t!(Lang::En, id), others)
}

/// Every message id the commands read (for the language checks).
#[cfg(test)]
pub fn message_ids() -> Vec<String> {
    fn walk(c: &Command, parent: &str, ids: &mut Vec<String>) {
        let id = message_id(parent, &c.name);
        for p in c.parameters.iter().filter(|_| c.slash_action.is_some()) {
            let pid = message_id(&id, &p.name);
            ids.extend(p.choices.iter().map(|ch| message_id(&pid, &ch.name)));
            ids.push(pid);
        }
        for sub in &c.subcommands {
            walk(sub, &id, ids);
        }
        ids.push(id);
    }
    let mut ids = vec![];
    for c in unlocalised() {
        walk(&c, "cmd", &mut ids);
    }
    ids
}

/// The guild a command runs in (commands that need one are `guild_only`).
pub fn guild_of(ctx: Context<'_>) -> Result<GuildId, Error> {
    ctx.guild_id()
        .map(|g| GuildId(g.get()))
        .ok_or_else(|| anyhow::anyhow!("this command needs a server"))
}

/// The language of the caller's replies: their Discord client's (English for one not shipped).
pub fn lang_of(ctx: Context<'_>) -> Lang {
    ctx.locale().map(Lang::of_locale).unwrap_or_default()
}

pub fn user_of(ctx: Context<'_>) -> UserId {
    UserId(ctx.author().id.get())
}

/// The caller's roles in the guild (from the interaction; no request needed).
pub fn roles_of(ctx: Context<'_>) -> Vec<RoleId> {
    match ctx {
        poise::Context::Application(a) => a
            .interaction
            .member
            .as_ref()
            .map(|m| m.roles.iter().map(|r| RoleId(r.get())).collect())
            .unwrap_or_default(),
        poise::Context::Prefix(_) => vec![],
    }
}

/// Sends a use case's result to the caller only: the message, or the refusal (a long one with
/// the full text attached), or hands a bot-side failure to the error handler.
pub async fn respond(ctx: Context<'_>, result: Result<OutMessage, AppError>) -> Result<(), Error> {
    match result {
        Ok(m) => {
            ctx.send(render::reply(&m, true)).await?;
        }
        Err(AppError::Refused(r)) => {
            ctx.send(render::reply(&refusal_message(&r.0, lang_of(ctx)), true))
                .await?;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// Opens a use case's form (Discord's modal) as the command's answer, or sends its refusal.
pub async fn open_form(ctx: Context<'_>, result: Result<Form, AppError>) -> Result<(), Error> {
    let form = match result {
        Ok(form) => form,
        Err(e) => return respond(ctx, Err(e)).await,
    };
    let poise::Context::Application(app) = ctx else {
        return Err(anyhow::anyhow!("forms open only from slash commands"));
    };
    let response = poise::serenity_prelude::CreateInteractionResponse::Modal(render::modal(&form));
    app.interaction
        .create_response(ctx.serenity_context(), response)
        .await?;
    app.has_sent_initial_response
        .store(true, std::sync::atomic::Ordering::SeqCst);
    Ok(())
}

/// A refusal as a message; past Discord's limit the full text comes as `details.txt`.
pub fn refusal_message(text: &str, lang: Lang) -> OutMessage {
    if text.chars().count() <= MESSAGE_MAX {
        return OutMessage::text(text);
    }
    let attached = t!(lang, "error-full-list-attached");
    let kept = MESSAGE_MAX - attached.chars().count() - 1;
    let mut m = OutMessage::text(format!("{}\n{attached}", fit(text, kept)));
    m.files
        .push(("details.txt".into(), text.as_bytes().to_vec()));
    m
}

/// Downloads an attached file; on failure tells the caller to attach it again and returns
/// `None`.
pub async fn download(
    ctx: Context<'_>,
    file: &poise::serenity_prelude::Attachment,
) -> Result<Option<Vec<u8>>, Error> {
    match file.download().await {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) => {
            tracing::warn!(error = %e, "attachment download failed");
            let m = OutMessage::text(t!(lang_of(ctx), "error-download"));
            respond(ctx, Ok(m)).await?;
            Ok(None)
        }
    }
}
