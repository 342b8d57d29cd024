//! peerlearn: a Discord bot that turns a team's server into a peer-learning loop.
//!
//! Module map:
//! - [`config`]: settings from `config/default.toml`, a `--config` file and `PEERLEARN_*` variables.
//! - [`domain`]: pure rules and values (ids, formatting); no async, SQL or Discord.
//! - [`store`]: the SQLite database via sqlx; migrations in `migrations/`.
//! - [`discord`]: serenity + poise: connection, command registration, slash commands.
//! - [`emulator`]: a local Discord (REST + gateway) that enforces Discord's API spec, for tests,
//!   benchmarks and the demo.
//! - [`sandbox`]: `peerlearn run --emulator`, the bot against the emulator without a token.

#![recursion_limit = "256"]

pub mod app;
pub mod clock;
pub mod config;
pub mod delivery;
pub mod discord;
pub mod domain;
pub mod emulator;
pub mod sandbox;
pub mod scheduler;
pub mod store;
