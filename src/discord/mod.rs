//! The Discord adapter: connects serenity + poise to the app, registers the slash commands,
//! and turns gateway events and commands into calls on the store and the app.
//!
//! Discord types stop here; everything inside works with the id newtypes of `domain::ids`.

pub mod commands;
mod connect;
mod errors;

pub use connect::{run, BotError};

use crate::config::Settings;
use crate::store::Store;
use std::sync::Arc;
use std::time::Instant;

/// What every command handler can reach.
pub struct Data {
    pub store: Store,
    pub settings: Arc<Settings>,
    pub started_at: Instant,
}

pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;
pub type Command = poise::Command<Data, Error>;
