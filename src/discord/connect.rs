//! Starting the bot: check the token, register the commands, connect to the gateway, start the
//! scheduler and the delivery worker, and run until shutdown is requested.
//!
//! Against a server other than Discord (`discord.api_base`), REST goes through serenity's proxy
//! setting, which serenity only honours with its own rate limiter disabled; the gateway address
//! is asked from `GET /api/v10/gateway` exactly as on Discord.

use super::{commands, components, errors, pacer::Pacer, port::DiscordPort, Data};
use crate::app::App;
use crate::clock::Clock;
use crate::config::{Settings, Token};
use crate::dice::Dice;
use crate::domain::ids::{ChannelId, GuildId, UserId};
use crate::store::Store;
use poise::serenity_prelude as serenity;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// Gateway intents: guilds (server and channel lists), guild and direct messages (replies in
/// Q&A threads are noticed by their author; no privileged message-content intent is needed).
pub fn intents() -> serenity::GatewayIntents {
    serenity::GatewayIntents::GUILDS
        | serenity::GatewayIntents::GUILD_MESSAGES
        | serenity::GatewayIntents::DIRECT_MESSAGES
}

/// Why the bot stopped or could not start.
#[derive(Debug, thiserror::Error)]
pub enum BotError {
    #[error("Discord rejected the bot token (401 Unauthorized). Check DISCORD_TOKEN: copy it again from the Developer Portal, Bot page, \"Reset Token\".")]
    TokenRejected,
    #[error("cannot reach the Discord API at {api_base}: {source}. Check discord.api_base and the network.")]
    Unreachable {
        api_base: String,
        source: serenity::Error,
    },
    #[error("registering the slash commands failed: {0}")]
    Registration(serenity::Error),
    #[error("the gateway connection failed: {0}")]
    Gateway(serenity::Error),
    #[error("{0}")]
    SoleBot(String),
}

fn is_unauthorized(e: &serenity::Error) -> bool {
    matches!(e, serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 401)
}

/// How often a start-up request is tried before the bot gives up.
const STARTUP_ATTEMPTS: u32 = 6;

/// A start-up request (who am I, register commands), retried when Discord is briefly
/// unavailable: a 429 (a restart right after a burst can land in a spent rate-limit window)
/// waits a second, a 5xx or network error backs off 1, 2, 4 … s. A 4xx other than 429 (a bad
/// token, a bad command) fails at once.
async fn at_startup<T, F, Fut>(what: &str, mut call: F) -> Result<T, serenity::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, serenity::Error>>,
{
    let mut attempt = 1;
    loop {
        let e = match call().await {
            Ok(value) => return Ok(value),
            Err(e) => e,
        };
        let status = match &e {
            serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => {
                Some(r.status_code.as_u16())
            }
            _ => None,
        };
        let wait = match status {
            Some(429) => Duration::from_secs(1),
            Some(500..=599) | None => Duration::from_secs(1 << (attempt - 1).min(4)),
            Some(_) => return Err(e),
        };
        if attempt >= STARTUP_ATTEMPTS {
            return Err(e);
        }
        tracing::warn!(request = what, attempt, error = %e, retry_in = ?wait, "Discord did not answer a start-up request; retrying");
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}

/// Runs the bot until `shutdown` completes (then closes the gateway cleanly) or a fatal error:
/// the gateway client, the scheduler and the delivery worker, all on `clock` and `dice`.
pub async fn run(
    settings: Arc<Settings>,
    token: Token,
    store: Store,
    clock: Clock,
    dice: Dice,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), BotError> {
    // One bot process per SQLite file; several share a Postgres database.
    let _sole = store.claim_sole_bot().map_err(BotError::SoleBot)?;
    let api_base = settings.discord.api_base.clone();
    let mut builder = serenity::HttpBuilder::new(token.expose());
    if !settings.discord.is_discord() {
        builder = builder.proxy(api_base.clone()).ratelimiter_disabled(true);
    }
    let http = builder.build();

    let me = at_startup("GET /users/@me", || http.get_current_user())
        .await
        .map_err(|e| {
            if is_unauthorized(&e) {
                BotError::TokenRejected
            } else {
                BotError::Unreachable {
                    api_base: api_base.clone(),
                    source: e,
                }
            }
        })?;
    let app = at_startup("GET /oauth2/applications/@me", || {
        http.get_current_application_info()
    })
    .await
    .map_err(|source| BotError::Unreachable {
        api_base: api_base.clone(),
        source,
    })?;
    http.set_application_id(app.id);
    tracing::info!(bot = %me.name, application = %app.id, "authenticated");

    let all = commands::all();
    let definitions = poise::builtins::create_application_commands(&all);
    match settings.discord.dev_guild() {
        Some(guild) => {
            at_startup("PUT guild commands", || {
                serenity::GuildId::new(guild).set_commands(&http, definitions.clone())
            })
            .await
            .map_err(BotError::Registration)?;
            tracing::info!(
                guild,
                count = all.len(),
                "commands registered in the dev guild"
            );
        }
        None => {
            at_startup("PUT global commands", || {
                serenity::Command::set_global_commands(&http, definitions.clone())
            })
            .await
            .map_err(BotError::Registration)?;
            tracing::info!(count = all.len(), "commands registered globally");
        }
    }

    let settings_shards = settings.discord.shard_range();
    let pacer = Arc::new(Pacer::per_second(settings.delivery.requests_per_second));
    let data_pacer = Arc::clone(&pacer);
    let app = App::new(store.clone(), settings, clock, dice);
    match app.recount_due_totals().await {
        Ok(0) => {}
        Ok(n) => tracing::info!(servers = n, "counted the board and report totals again"),
        Err(e) => {
            tracing::error!(error = %e, "counting the totals again failed; retried at the next start")
        }
    }
    let started_at = Instant::now();
    let data_app = app.clone();
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: all,
            initialize_owners: false,
            on_error: |e| Box::pin(errors::on_error(e)),
            pre_command: |ctx| Box::pin(record_member(ctx)),
            event_handler: |framework, event| {
                Box::pin(on_event(
                    framework.serenity_context,
                    event,
                    framework.user_data,
                ))
            },
            ..Default::default()
        })
        .setup(move |ctx, ready, _framework| {
            let data = Data {
                app: data_app,
                started_at,
                port: DiscordPort::new(Arc::clone(&ctx.http), Arc::clone(&data_pacer)),
            };
            Box::pin(async move {
                tracing::info!(guilds = ready.guilds.len(), "connected to the gateway");
                Ok(data)
            })
        })
        .build();

    let mut client = serenity::ClientBuilder::new_with_http(http, intents())
        .framework(super::traced::Traced(framework))
        .await
        .map_err(BotError::Gateway)?;
    let (stop_workers, workers_stopped) = watch::channel(false);
    let mut workers = vec![tokio::spawn(crate::scheduler::run(
        app.clone(),
        workers_stopped.clone(),
    ))];
    // Holds met by other processes: only Postgres has any (SQLite has one bot process).
    if store.engine() == crate::store::Engine::Postgres {
        workers.push(tokio::spawn(super::pacer::run_shared_holds(
            app.clone(),
            Arc::clone(&pacer),
            workers_stopped.clone(),
        )));
    }
    workers.push(tokio::spawn(crate::delivery::run(
        app,
        DiscordPort::new(Arc::clone(&client.http), pacer),
        workers_stopped.clone(),
    )));
    workers.push(tokio::spawn(super::buckets::run(
        Arc::clone(&client.http),
        workers_stopped,
    )));
    let shards = client.shard_manager.clone();
    let stopper = tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down: closing the gateway connection");
        shards.shutdown_all().await;
    });
    // The shards this process runs: its range, or all that Discord recommends.
    let result = match settings_shards {
        Some(range) => {
            tracing::info!(shards = %range, "starting gateway shards");
            // serenity's range end is the last shard, included.
            client
                .start_shard_range(range.first..range.last, range.total)
                .await
        }
        None => client.start_autosharded().await,
    };
    stopper.abort();
    let _ = stop_workers.send(true);
    for worker in workers {
        if tokio::time::timeout(Duration::from_secs(10), worker)
            .await
            .is_err()
        {
            tracing::warn!("a background worker did not stop within 10 s");
        }
    }
    store.close().await;
    match result {
        Ok(()) => Ok(()),
        Err(serenity::Error::Gateway(serenity::GatewayError::InvalidAuthentication)) => {
            Err(BotError::TokenRejected)
        }
        Err(e) => Err(BotError::Gateway(e)),
    }
}

/// Keeps the guild list current, answers button clicks and notices replies in question
/// threads.
async fn on_event(
    ctx: &serenity::Context,
    event: &serenity::FullEvent,
    data: &Data,
) -> Result<(), super::Error> {
    match event {
        serenity::FullEvent::GuildCreate { guild, .. } => {
            data.app
                .guild_seen(
                    GuildId(guild.id.get()),
                    &guild.name,
                    Some(guild.member_count),
                    &guild.preferred_locale,
                )
                .await?;
        }
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(click),
        } => components::on_component(ctx, data, click).await,
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Modal(submit),
        } => components::on_modal(ctx, data, submit).await,
        // A member's message in a thread may be a reply to a question (only the author is
        // needed, so no message-content intent).
        serenity::FullEvent::Message { new_message: m }
            if !m.author.bot && m.guild_id.is_some() =>
        {
            data.app
                .note_thread_reply(ChannelId(m.channel_id.get()), UserId(m.author.id.get()))
                .await?;
        }
        _ => {}
    }
    Ok(())
}

/// Records the member behind every command (never fails the command itself).
async fn record_member(ctx: super::Context<'_>) {
    let Some(guild) = ctx.guild_id() else { return };
    let author = ctx.author();
    let name = author
        .global_name
        .clone()
        .unwrap_or_else(|| author.name.clone());
    let app = &ctx.data().app;
    let result = app
        .member_seen(
            GuildId(guild.get()),
            UserId(author.id.get()),
            &name,
            &super::commands::roles_of(ctx),
            ctx.locale(),
        )
        .await;
    if let Err(e) = result {
        tracing::error!(error = %e, "could not record the member");
    }
}
