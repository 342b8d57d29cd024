//! The slash commands. Each is a small poise function whose doc comment is its description.

mod about;
mod help;

use super::Command;

/// Every command the bot registers, in the order `/help` lists them.
pub fn all() -> Vec<Command> {
    vec![help::help(), about::about()]
}
