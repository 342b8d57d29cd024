//! What the bot shows, independent of Discord's types: text, one embed, rows of buttons. The
//! Discord adapter turns it into a message, an interaction reply or an edit.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutMessage {
    pub content: String,
    pub embed: Option<Embed>,
    /// Further embeds after `embed` (a long report goes on over several; Discord allows 10,
    /// with 6,000 characters in all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more_embeds: Vec<Embed>,
    /// A select menu, on its own row above the buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub menu: Option<Menu>,
    /// Rows of buttons (at most 5 rows of 5, one fewer with a menu).
    pub buttons: Vec<Vec<Button>>,
    /// The only users a mention in `content` may notify (an expert asked to help, an asker
    /// reminded). Everyone else, `@everyone`, `@here` and roles are never notified.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ping_users: Vec<u64>,
    /// Attached files: (name, bytes).
    #[serde(skip)]
    pub files: Vec<(String, Vec<u8>)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Embed {
    pub title: String,
    pub description: String,
    pub url: Option<String>,
    pub footer: Option<String>,
    /// RGB colour.
    pub colour: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Style {
    Primary,
    Secondary,
    Success,
    Danger,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Button {
    pub custom_id: String,
    pub label: String,
    pub style: Style,
    pub disabled: bool,
}

/// A select menu of texts: a member picks from `min` to `max` of its options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Menu {
    pub custom_id: String,
    pub placeholder: String,
    pub options: Vec<MenuOption>,
    pub min: u8,
    pub max: u8,
    pub disabled: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MenuOption {
    /// What the interaction carries back when it is picked.
    pub value: String,
    pub label: String,
}

/// A form (Discord's modal): up to 5 text inputs, submitted together.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub custom_id: String,
    /// Up to 45 characters.
    pub title: String,
    pub inputs: Vec<FormInput>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormInput {
    pub id: String,
    /// Up to 45 characters.
    pub label: String,
    /// Several lines, or one.
    pub paragraph: bool,
    pub required: bool,
    /// The most characters it takes (Discord allows 4,000).
    pub max_chars: usize,
    /// What it holds when the form opens.
    pub value: String,
    /// Up to 100 characters, shown while it is empty.
    pub placeholder: String,
}

impl OutMessage {
    pub fn text(content: impl Into<String>) -> OutMessage {
        OutMessage {
            content: content.into(),
            ..Default::default()
        }
    }
}

/// Colours used across the bot.
pub mod colours {
    pub const QUIZ: u32 = 0x5865F2;
    pub const TIP: u32 = 0x57F287;
    pub const CLOSED: u32 = 0x99AAB5;
    pub const QUESTION: u32 = 0xFEE75C;
    pub const ANSWERED: u32 = 0x57F287;
    pub const BOARD: u32 = 0xF1C40F;
    pub const REPORT: u32 = 0x3498DB;
}
