//! `peerlearn run --emulator`: the real bot against the bundled Discord emulator, for trying
//! peerlearn without a Discord token. Builds a small server, connects the bot, shows a `/help`
//! and an `/about` round trip as text, then serves until shutdown.

use crate::config::{Settings, Token};
use crate::discord::BotError;
use crate::emulator::{Emulator, EmulatorOptions};
use crate::store::Store;
use std::future::Future;
use std::sync::Arc;

/// Runs the bot against a fresh emulator until `shutdown` completes. Progress goes to stdout.
pub async fn run(
    mut settings: Settings,
    store: Store,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let discord = Emulator::start(EmulatorOptions::default()).await?;
    let guild = discord.add_guild("peerlearn sandbox");
    let channel = discord.add_text_channel(guild, "learning");
    let member = discord.add_member(guild, "ada", &[]);
    settings.discord.api_base = discord.api_base();
    settings.discord.dev_guild_id = guild.to_string();
    println!(
        "Discord emulator listening on {} (gateway {})",
        discord.api_base(),
        discord.gateway_url()
    );

    let token = Token::new(discord.bot_token());
    let bot = tokio::spawn(crate::discord::run(
        Arc::new(settings),
        token,
        store,
        crate::clock::Clock::system(),
        shutdown,
    ));
    discord.wait_for_session().await?;
    let commands = discord.wait_for_commands(Some(guild)).await?;
    println!(
        "bot connected; {} slash commands registered",
        commands.len()
    );
    for command in ["help", "about"] {
        let id = discord.slash(channel, member, command, &[])?;
        let reply = discord.reply(id).await?;
        let text = reply.message.map(|m| m.content).unwrap_or_default();
        println!(
            "\nada › /{command}\npeerlearn › {}",
            text.replace('\n', "\n            ")
        );
    }
    let violations = discord.violations();
    if violations.is_empty() {
        println!("\nno Discord contract violations. Running; press Ctrl-C to stop.");
    } else {
        for v in &violations {
            println!("contract violation: {v}");
        }
    }
    match bot.await? {
        Ok(()) => Ok(()),
        Err(BotError::TokenRejected) => anyhow::bail!("the emulator rejected its own token"),
        Err(e) => Err(e.into()),
    }
}
