//! peerlearn: a Discord bot that turns a team's server into a peer-learning loop.
//!
//! Module map:
//! - [`config`]: settings from `config/default.toml`, a `--config` file and `PEERLEARN_*` variables.
//! - [`clock`]: the one source of "now" (system time, or a virtual clock in tests).
//! - [`dice`]: the one source of chance (seeded by the system, or by the demo's seed).
//! - [`i18n`]: the bot's languages: Fluent messages from `locales/`, looked up by id.
//! - [`domain`]: pure rules and values: content and its files, cron schedules, the custom_id
//!   codec, id newtypes, Discord's limits, scoring and streaks, the FSRS memory model, question
//!   selection, mastery, measurement, KPI files, offline evaluation; no async, SQL or Discord.
//! - [`store`]: the SQLite database via sqlx, one file per table family, rows read by name,
//!   the store's own errors; writes of clicks go through the group commit, which alone handles
//!   their savepoints; migrations in `migrations/`.
//! - [`app`]: the use cases, returning what to show; free of Discord and sqlx types. `App`'s
//!   parts are private; the chat port ([`app::port`]) is how posts leave; a use case that
//!   queues work wakes its worker.
//! - [`scheduler`]: the durable cron runner (and the hourly model fitting), through `App`.
//! - [`delivery`]: the outbox worker: pacing, rate limits, retries, live counts and reveals,
//!   through `App` and the chat port.
//! - [`discord`]: serenity + poise: connection, commands, button clicks, rendering, a tracing
//!   span per interaction, and the chat port's Discord implementation.
//!
//! With the default `demo` feature (a production bot builds without it:
//! `cargo build --release --no-default-features`), the test rig around the bot:
//! - `sandbox`: `peerlearn run --emulator`, the bot against the emulator without a token.
//! - `bench`: `peerlearn bench`, the bot measured against its limits on this machine.
//! - `demo`: `peerlearn demo`, a simulated team learning with the real bot for N virtual days.
//!
//! The emulator itself, a local Discord (REST + gateway) that enforces Discord's API spec, is
//! the `discord-emulator` crate in `crates/discord-emulator/`.

pub mod app;
#[cfg(feature = "demo")]
pub mod bench;
pub mod charts;
pub mod clock;
pub mod config;
pub mod delivery;
#[cfg(feature = "demo")]
pub mod demo;
pub mod dice;
pub mod discord;
pub mod domain;
pub mod i18n;
#[cfg(feature = "demo")]
pub mod sandbox;
pub mod scheduler;
pub mod store;
