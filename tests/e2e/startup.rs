//! The bot starts, registers valid commands, and answers /help and /about.

use crate::common::spawn_app;
use peerlearn::domain::ids::{GuildId, UserId};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registers_its_commands_in_the_dev_guild() {
    let mut app = spawn_app().await;
    let commands = app.discord.commands(Some(app.guild));
    let names: Vec<&str> = commands.iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "help",
            "quiz",
            "progress",
            "reinforce",
            "pause",
            "leaderboard",
            "stats",
            "ask",
            "resolve",
            "kb",
            "expert",
            "propose",
            "pairing",
            "about",
            "content",
            "schedule",
            "config",
            "report",
            "kpi",
            "experiment",
            "track",
            "privacy",
            "Mark as answer"
        ]
    );
    for c in &commands {
        let description = c["description"].as_str().unwrap_or_default();
        // Context-menu commands (type 3) have none, as Discord requires.
        let slash = c["type"].as_u64().unwrap_or(1) == 1;
        assert_eq!(!description.is_empty(), slash, "{c}: description");
    }
    assert!(
        app.discord.commands(None).is_empty(),
        "nothing registered globally"
    );
    // GUILD_CREATE reached the store.
    let guild = GuildId(app.guild);
    let found = app
        .eventually("the server's name to be stored", || async {
            let row = app.store.guild(guild).await.unwrap();
            row.filter(|g| !g.name.is_empty())
        })
        .await;
    assert_eq!(found.name, "Acme Support");
    app.stop().await.expect("clean shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_lists_every_command_only_for_the_caller() {
    let mut app = spawn_app().await;
    let id = app
        .discord
        .slash(app.channel, app.member, "help", &[])
        .unwrap();
    let reply = app.discord.reply(id).await.unwrap();
    assert_eq!(reply.callback_type, 4, "answered directly");
    let message = reply.message.expect("a response message");
    assert!(message.is_ephemeral(), "only the caller sees /help");
    // As many embeds as the list needs, each within Discord's limits.
    let listed: String = message
        .embeds
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["description"].as_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    for c in app.discord.commands(Some(app.guild)) {
        let name = c["name"].as_str().unwrap();
        if c["type"] == 3 {
            assert!(
                listed.contains(&format!("**{name}** (message menu")),
                "{name} in:\n{listed}"
            );
            continue;
        }
        let subcommands: Vec<&serde_json::Value> = c["options"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|o| o["type"] == 1)
            .collect();
        let mut lines = vec![format!(
            "`/{name}` — {}",
            c["description"].as_str().unwrap()
        )];
        if !subcommands.is_empty() {
            lines = subcommands
                .iter()
                .map(|o| {
                    format!(
                        "`/{name} {}` — {}",
                        o["name"].as_str().unwrap(),
                        o["description"].as_str().unwrap()
                    )
                })
                .collect();
        }
        for line in lines {
            assert!(listed.contains(&line), "{line} is listed in:\n{listed}");
        }
    }
    // The caller is now a known member of the guild.
    let row = app
        .store
        .member(GuildId(app.guild), UserId(app.member))
        .await
        .unwrap()
        .expect("member recorded");
    assert_eq!(row.display_name, "ada");
    app.stop().await.expect("clean shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn about_shows_version_uptime_and_database_size() {
    let mut app = spawn_app().await;
    let id = app
        .discord
        .slash(app.channel, app.admin, "about", &[])
        .unwrap();
    let message = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(message.is_ephemeral());
    let text = &message.content;
    assert!(
        text.contains(&format!("v{}", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    let uptime = regex::Regex::new(r"Up for (\d+s|\d+m \d+s)").unwrap();
    assert!(uptime.is_match(text), "uptime shown: {text}");
    let size = regex::Regex::new(r"Database: (\d+(\.\d)?) (B|KiB|MiB)").unwrap();
    let caps = size.captures(text).expect("database size shown");
    let shown: f64 = caps[1].parse().unwrap();
    let unit = match &caps[3] {
        "B" => 1.0,
        "KiB" => 1024.0,
        _ => 1024.0 * 1024.0,
    };
    let on_disk = match app.store.path() {
        Some(file) => std::fs::metadata(file).unwrap().len() as f64,
        None => app.store.size_bytes().await as f64,
    };
    assert!(
        shown * unit >= on_disk * 0.5,
        "shown size {shown} {} matches the file ({on_disk} bytes) plus its log",
        &caps[3]
    );
    app.stop().await.expect("clean shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registers_globally_without_a_dev_guild() {
    let discord = crate::common::start_emulator().await;
    let guild = discord.add_guild("Anywhere");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let mut settings = crate::common::settings_for(&discord, guild, &db);
    settings.discord.dev_guild_id = String::new();
    let store = peerlearn::store::Store::open(&db, std::time::Duration::from_secs(5))
        .await
        .unwrap();
    let (tx, bot) =
        crate::common::spawn_bot(&discord, settings, store, peerlearn::clock::Clock::system());
    let global = discord.wait_for_commands(None).await.unwrap();
    assert_eq!(global.len(), peerlearn::discord::commands::all().len());
    assert!(discord.commands(Some(guild)).is_empty());
    // A global command works in any guild the bot is in.
    discord.wait_for_session().await.unwrap();
    let channel = discord.add_text_channel(guild, "c");
    let member = discord.add_member(guild, "lin", &[]);
    let id = discord.slash(channel, member, "help", &[]).unwrap();
    assert!(discord
        .reply(id)
        .await
        .unwrap()
        .message
        .unwrap()
        .is_ephemeral());
    tx.send(()).unwrap();
    bot.await.unwrap().expect("clean shutdown");
    crate::common::assert_no_violations(&discord);
}
