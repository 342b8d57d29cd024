//! `/content import|export|stats|requests|starter|add|edit|retire|drafts` (admins), and
//! `/propose` (experts, where the server lets them propose questions).

use super::admin::invoker_is_admin;
use super::{guild_of, lang_of, open_form, respond, user_of};
use crate::app::content::{describe_counts, describe_import, ExportFormat};
use crate::app::message::OutMessage;
use crate::discord::{Context, Error};
use crate::domain::answer_key::QuestionKind;
use crate::domain::limits::{AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX};
use crate::t;
use poise::serenity_prelude as serenity;

/// Manage the server's questions, tips and topics
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "import", "export", "stats", "requests", "starter", "add", "edit", "retire", "drafts"
    ),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD",
    check = "super::admin::manage_server"
)]
pub async fn content(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Imports content (all or nothing): TOML, CSV, a GIFT or Aiken bank, or an Anki deck
#[poise::command(slash_command)]
async fn import(ctx: Context<'_>, file: serenity::Attachment) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let app = &ctx.data().app;
    if let Err(e) = app.check_upload(&file.filename, u64::from(file.size), lang_of(ctx)) {
        return respond(ctx, Err(e)).await;
    }
    // Downloading and checking can take a moment: answer within Discord's 3 seconds.
    ctx.defer_ephemeral().await?;
    let Some(bytes) = super::download(ctx, &file).await? else {
        return Ok(());
    };
    let result = app
        .import_content(guild, &file.filename, &bytes, lang_of(ctx))
        .await
        .map(|(counts, skipped)| {
            OutMessage::text(describe_import(&counts, &skipped, lang_of(ctx)))
        });
    respond(ctx, result).await
}

/// Exports the server's content: everything as TOML, or the questions as GIFT (Moodle)
#[poise::command(slash_command)]
async fn export(ctx: Context<'_>, format: Option<ExportChoice>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    ctx.defer_ephemeral().await?;
    let format = match format {
        Some(ExportChoice::Gift) => ExportFormat::Gift,
        _ => ExportFormat::Toml,
    };
    respond(
        ctx,
        ctx.data()
            .app
            .export_content(guild, format, lang_of(ctx))
            .await,
    )
    .await
}

/// A question's kind, as the commands offer it.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum KindChoice {
    #[name = "single choice"]
    Single,
    #[name = "true or false"]
    TrueFalse,
    #[name = "multiple response"]
    Multiple,
    #[name = "short answer"]
    ShortAnswer,
    #[name = "number"]
    Numeric,
}

impl KindChoice {
    fn kind(self) -> QuestionKind {
        match self {
            KindChoice::Single => QuestionKind::Single,
            KindChoice::TrueFalse => QuestionKind::TrueFalse,
            KindChoice::Multiple => QuestionKind::Multiple,
            KindChoice::ShortAnswer => QuestionKind::ShortAnswer,
            KindChoice::Numeric => QuestionKind::Numeric,
        }
    }
}

/// Writes a question in a form, previews it as members will see it, then publishes it
#[poise::command(slash_command)]
async fn add(
    ctx: Context<'_>,
    kind: KindChoice,
    #[autocomplete = "super::schedule::autocomplete_topic"]
    #[max_length = 80]
    topic: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let app = &ctx.data().app;
    let form = app
        .draft_new(guild, user_of(ctx), true, kind.kind(), &topic, lang_of(ctx))
        .await;
    open_form(ctx, form).await
}

/// Edits a question in a form; publishing makes a new version
#[poise::command(slash_command)]
async fn edit(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_question"]
    #[max_length = 40]
    id: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let form = ctx
        .data()
        .app
        .draft_of_question(guild, user_of(ctx), &id, lang_of(ctx))
        .await;
    open_form(ctx, form).await
}

/// Takes a question out of use (its answers stay in the figures)
#[poise::command(slash_command)]
async fn retire(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_question"]
    #[max_length = 40]
    id: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data()
            .app
            .retire_question(guild, &id, lang_of(ctx))
            .await,
    )
    .await
}

/// Questions experts proposed, to publish, edit or discard
#[poise::command(slash_command)]
async fn drafts(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    respond(
        ctx,
        ctx.data().app.drafts_waiting(guild, lang_of(ctx)).await,
    )
    .await
}

/// Proposes a question for the admins to publish (experts, where the server allows it)
#[poise::command(slash_command, guild_only)]
pub async fn propose(
    ctx: Context<'_>,
    kind: KindChoice,
    #[autocomplete = "super::schedule::autocomplete_topic"]
    #[max_length = 80]
    topic: String,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let admin = invoker_is_admin(ctx);
    let app = &ctx.data().app;
    let form = app
        .draft_new(
            guild,
            user_of(ctx),
            admin,
            kind.kind(),
            &topic,
            lang_of(ctx),
        )
        .await;
    open_form(ctx, form).await
}

/// The server's questions in use matching what was typed (by id or text).
async fn autocomplete_question(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let Some(guild) = ctx.guild_id() else {
        return serenity::CreateAutocompleteResponse::new();
    };
    let guild = crate::domain::ids::GuildId(guild.get());
    let found = ctx
        .data()
        .app
        .question_choices(guild, partial)
        .await
        .unwrap_or_default();
    let choices = found
        .into_iter()
        .take(AUTOCOMPLETE_CHOICES_MAX)
        .map(|(id, label)| {
            serenity::AutocompleteChoice::new(
                crate::domain::format::fit(&label, CHOICE_NAME_MAX),
                id,
            )
        })
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The formats `/content export` writes.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum ExportChoice {
    #[name = "toml"]
    Toml,
    #[name = "gift"]
    Gift,
}

/// Shows questions, tips and answers per topic, and questions that look flawed
#[poise::command(slash_command)]
async fn stats(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    ctx.defer_ephemeral().await?;
    respond(ctx, ctx.data().app.content_stats(guild, lang_of(ctx)).await).await
}

/// What members asked that the knowledge base could not answer, and questions to rewrite
#[poise::command(slash_command)]
async fn requests(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 365]
    days: Option<i64>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    // Reading the day's figures can take a moment the first time: answer within 3 seconds.
    ctx.defer_ephemeral().await?;
    respond(
        ctx,
        ctx.data()
            .app
            .content_requests(guild, days, lang_of(ctx))
            .await,
    )
    .await
}

/// Loads (or refreshes) the bundled starter pack
#[poise::command(slash_command)]
async fn starter(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let result = ctx.data().app.load_starter(guild).await.map(|c| {
        let lang = lang_of(ctx);
        OutMessage::text(t!(
            lang,
            "starter-loaded",
            counts = describe_counts(&c, lang)
        ))
    });
    respond(ctx, result).await
}
