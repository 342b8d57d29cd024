//! Turns the app's [`OutMessage`] into serenity builders: channel posts, edits, interaction
//! replies and poise replies. Every builder gets explicit `allowed_mentions`: nobody, or only the
//! users a message names in [`OutMessage::ping_users`], so no text the bot sends (much of it
//! written by users or content authors) can ping `@everyone`, `@here`, a role or a bystander.

use crate::app::message::{Button, Embed, Form, Menu, OutMessage, Style};
use crate::i18n::Lang;
use crate::t;
use poise::serenity_prelude as serenity;
use serenity::{
    CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateButton, CreateEmbed,
    CreateEmbedFooter, CreateInteractionResponseMessage, CreateMessage, EditMessage,
};

/// Mentions off: `@everyone`, roles and users in the text stay plain text.
pub fn no_pings() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
        .everyone(false)
        .all_roles(false)
        .all_users(false)
}

/// Mentions limited to `users` (none when empty).
pub fn mentions_for(m: &OutMessage) -> CreateAllowedMentions {
    no_pings().users(m.ping_users.iter().map(|u| serenity::UserId::new(*u)))
}

fn button(b: &Button) -> CreateButton {
    let style = match b.style {
        Style::Primary => serenity::ButtonStyle::Primary,
        Style::Secondary => serenity::ButtonStyle::Secondary,
        Style::Success => serenity::ButtonStyle::Success,
        Style::Danger => serenity::ButtonStyle::Danger,
    };
    CreateButton::new(&b.custom_id)
        .label(&b.label)
        .style(style)
        .disabled(b.disabled)
}

fn menu(m: &Menu) -> CreateActionRow {
    let options = m
        .options
        .iter()
        .map(|o| serenity::CreateSelectMenuOption::new(&o.label, &o.value))
        .collect();
    CreateActionRow::SelectMenu(
        serenity::CreateSelectMenu::new(
            &m.custom_id,
            serenity::CreateSelectMenuKind::String { options },
        )
        .placeholder(&m.placeholder)
        .min_values(m.min)
        .max_values(m.max)
        .disabled(m.disabled),
    )
}

pub fn rows(m: &OutMessage) -> Vec<CreateActionRow> {
    let buttons = m
        .buttons
        .iter()
        .filter(|row| !row.is_empty())
        .map(|row| CreateActionRow::Buttons(row.iter().map(button).collect()));
    m.menu.iter().map(menu).chain(buttons).collect()
}

pub fn embed(e: &Embed) -> CreateEmbed {
    let mut out = CreateEmbed::new()
        .description(&e.description)
        .colour(e.colour);
    if !e.title.is_empty() {
        out = out.title(&e.title);
    }
    if let Some(url) = &e.url {
        out = out.url(url);
    }
    if let Some(footer) = &e.footer {
        out = out.footer(CreateEmbedFooter::new(footer));
    }
    out
}

fn embeds(m: &OutMessage) -> Vec<CreateEmbed> {
    m.embed.iter().chain(&m.more_embeds).map(embed).collect()
}

pub fn create_message(m: &OutMessage) -> CreateMessage {
    let mut out = CreateMessage::new()
        .embeds(embeds(m))
        .components(rows(m))
        .allowed_mentions(mentions_for(m));
    if !m.content.is_empty() {
        out = out.content(&m.content);
    }
    out
}

/// An edit replaces text, embeds and buttons as a whole.
pub fn edit_message(m: &OutMessage) -> EditMessage {
    EditMessage::new()
        .content(&m.content)
        .embeds(embeds(m))
        .components(rows(m))
        .allowed_mentions(no_pings())
}

/// An interaction reply (new message, or the update of the clicked one).
pub fn interaction_message(m: &OutMessage, ephemeral: bool) -> CreateInteractionResponseMessage {
    let mut out = CreateInteractionResponseMessage::new()
        .content(&m.content)
        .embeds(embeds(m))
        .components(rows(m))
        .allowed_mentions(no_pings());
    if ephemeral {
        out = out.ephemeral(true);
    }
    for (name, bytes) in &m.files {
        out = out.add_file(CreateAttachment::bytes(bytes.clone(), name.clone()));
    }
    out
}

/// A poise reply to a slash command.
pub fn reply(m: &OutMessage, ephemeral: bool) -> poise::CreateReply {
    let mut out = poise::CreateReply::default()
        .ephemeral(ephemeral)
        .allowed_mentions(no_pings());
    if !m.content.is_empty() {
        out = out.content(&m.content);
    }
    for e in m.embed.iter().chain(&m.more_embeds) {
        out = out.embed(embed(e));
    }
    if !m.buttons.is_empty() || m.menu.is_some() {
        out = out.components(rows(m));
    }
    for (name, bytes) in &m.files {
        out = out.attachment(CreateAttachment::bytes(bytes.clone(), name.clone()));
    }
    out
}

/// The text input of the "Needs an update" form.
pub const ANSWER_INPUT: &str = "answer";
/// The longest text it takes (the app's limit for an answer).
const ANSWER_MAX_CHARS: u16 = crate::app::knowledge::ANSWER_MAX_CHARS as u16;

/// The "Needs an update" form: the answer's current text to edit (`question` as its title).
pub fn answer_update_modal(
    custom_id: &str,
    question: &str,
    answer: &str,
    lang: Lang,
) -> serenity::CreateModal {
    let title = t!(lang, "update-form-title", question = question);
    let title = crate::domain::format::fit(&title, 45);
    let input = serenity::CreateInputText::new(
        serenity::InputTextStyle::Paragraph,
        t!(lang, "update-form-input"),
        ANSWER_INPUT,
    )
    .value(crate::domain::format::fit(
        answer,
        ANSWER_MAX_CHARS as usize,
    ))
    .max_length(ANSWER_MAX_CHARS)
    .required(true);
    serenity::CreateModal::new(custom_id, title)
        .components(vec![serenity::CreateActionRow::InputText(input)])
}

/// A form as Discord's modal.
pub fn modal(form: &Form) -> serenity::CreateModal {
    let rows = form
        .inputs
        .iter()
        .map(|i| {
            let style = match i.paragraph {
                true => serenity::InputTextStyle::Paragraph,
                false => serenity::InputTextStyle::Short,
            };
            let mut input = serenity::CreateInputText::new(style, &i.label, &i.id)
                .max_length(i.max_chars.min(4000) as u16)
                .required(i.required);
            if !i.placeholder.is_empty() {
                input = input.placeholder(&i.placeholder);
            }
            if !i.value.is_empty() {
                input = input.value(&i.value);
            }
            serenity::CreateActionRow::InputText(input)
        })
        .collect();
    serenity::CreateModal::new(&form.custom_id, &form.title).components(rows)
}

/// Every text input of a submitted form: `(id, value)`.
pub fn modal_values(rows: &[serenity::ActionRow]) -> Vec<(String, String)> {
    rows.iter()
        .flat_map(|row| row.components.iter())
        .filter_map(|c| match c {
            serenity::ActionRowComponent::InputText(t) => {
                Some((t.custom_id.clone(), t.value.clone().unwrap_or_default()))
            }
            _ => None,
        })
        .collect()
}

/// The value of the text input `id` in a submitted form ("" when absent).
pub fn modal_text(rows: &[serenity::ActionRow], id: &str) -> String {
    rows.iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            serenity::ActionRowComponent::InputText(t) if t.custom_id == id => t.value.clone(),
            _ => None,
        })
        .unwrap_or_default()
}
