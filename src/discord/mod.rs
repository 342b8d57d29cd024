//! The Discord adapter: connects serenity + poise to the app, registers the slash commands,
//! turns gateway events, commands and button clicks into use-case calls, and renders their
//! results. The delivery worker reaches Discord through [`port::DiscordPort`].
//!
//! Discord types stop here; everything inside works with the id newtypes of `domain::ids`.

mod buckets;
pub mod commands;
mod components;
mod connect;
mod errors;
pub mod pacer;
pub mod port;
pub mod render;
mod traced;

pub use connect::{run, BotError};

use crate::app::App;
use std::time::Instant;

/// What every command handler can reach.
pub struct Data {
    pub app: App,
    pub started_at: Instant,
    /// Threads and posts made while answering (the Q&A flow).
    pub port: port::DiscordPort,
}

pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;
pub type Command = poise::Command<Data, Error>;
