//! `peerlearn run --emulator`: the real bot against the bundled Discord emulator, for trying
//! peerlearn without a Discord token. Builds a small server, connects the bot, shows as text a
//! `/help` and `/about` round trip, a practice quiz answered with a button, and an admin's
//! scheduled quiz posted in the channel, then serves until shutdown.

use crate::config::{Settings, Token};
use crate::discord::BotError;
use crate::store::Store;
use discord_emulator::state::perms;
use discord_emulator::{Emulator, EmulatorOptions, PostedMessage};
use serde_json::json;
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
    let admins = discord.add_role(guild, "Admins", perms::MANAGE_GUILD);
    let admin = discord.add_member(guild, "grace", &[admins]);
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
        crate::dice::Dice::from_entropy(),
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
        let message = reply.message.unwrap_or_default();
        println!("\nada › /{command}\npeerlearn › {}", as_text(&message));
    }

    // A practice question, answered with the first button.
    let id = discord.slash(channel, member, "quiz", &[])?;
    let question = discord.reply(id).await?.message.unwrap_or_default();
    println!("\nada › /quiz\npeerlearn › {}", as_text(&question));
    if let Some((custom_id, label)) = question.buttons().first().cloned() {
        let click = discord.click(member, question.id, &custom_id)?;
        let feedback = discord.reply(click).await?.message.unwrap_or_default();
        println!("\nada clicks [{label}]\npeerlearn › {}", as_text(&feedback));
    }

    // An admin schedules the weekday quiz and posts one now.
    let options = [
        ("kind", json!("quiz")),
        ("cron", json!("0 9 * * MON-FRI")),
        ("channel", json!(channel.to_string())),
        ("timezone", json!("Europe/Berlin")),
    ];
    let id = discord.slash(channel, admin, "schedule add", &options)?;
    let added = discord.reply(id).await?.message.unwrap_or_default();
    println!("\ngrace › /schedule add kind:quiz cron:0 9 * * MON-FRI channel:#learning timezone:Europe/Berlin\npeerlearn › {}", as_text(&added));
    let id = discord.slash(channel, admin, "schedule run", &[("id", json!(1))])?;
    discord.reply(id).await?;
    let bot_id = discord.bot_user_id();
    let post = discord
        .wait_for("the scheduled quiz", |s| {
            s.messages
                .values()
                .find(|m| {
                    m.channel_id == channel && m.author_id == bot_id && m.interaction_id.is_none()
                })
                .cloned()
        })
        .await?;
    println!("\n#learning\npeerlearn › {}", as_text(&post));

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

/// A message as text, indented under its speaker.
fn as_text(m: &PostedMessage) -> String {
    m.to_text().replace('\n', "\n            ")
}
