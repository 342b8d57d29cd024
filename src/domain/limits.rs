//! Discord's limits, defined once: what the bot sends must fit them, or Discord rejects the
//! request (the emulator checks them against Discord's own spec). Everything that fits a text
//! or counts options for Discord uses these.

/// Characters in a message's content.
pub const MESSAGE_MAX: usize = 2000;
/// Characters in an embed's title.
pub const EMBED_TITLE_MAX: usize = 256;
/// Characters in an embed's description (Discord allows 4,096; a little is kept for the
/// footer and fields, whose total with the description must stay under 6,000).
pub const EMBED_DESCRIPTION_MAX: usize = 4000;
/// Characters of all the embeds of one message together (Discord counts titles,
/// descriptions, fields and footers).
pub const EMBEDS_TOTAL_MAX: usize = 6000;
/// Characters in a button's label.
pub const BUTTON_LABEL_MAX: usize = 80;
/// Characters in a component's `custom_id`.
pub const CUSTOM_ID_MAX: usize = 100;
/// Characters in a thread's name.
pub const THREAD_NAME_MAX: usize = 100;
/// Choices an autocomplete answer may offer.
pub const AUTOCOMPLETE_CHOICES_MAX: usize = 25;
/// Characters in an autocomplete choice's name.
pub const CHOICE_NAME_MAX: usize = 100;
/// Characters in a select menu option's label.
pub const SELECT_OPTION_LABEL_MAX: usize = 100;
/// Characters in a message's nonce.
pub const NONCE_MAX: usize = 25;
