//! Permissions, guild isolation and hostile input, end to end.
//!
//! - Every leaf command the bot registers is classified as admin or member here (a new command
//!   fails the test until it is). Each admin command is refused to a plain member with nothing
//!   written, and passes the permission gate for an admin.
//! - Two guilds with the same members: boards, reports, knowledge search and exports of one
//!   never show the other's data.
//! - Commands in direct messages: Discord does not offer the guild-only ones; the others answer.
//! - Every text option at its maximum length, full of markdown, unicode and mentions: a clear
//!   answer within Discord's 3 seconds, and no message that notifies @everyone or a role.

use crate::common::{
    assert_no_violations, settings_for, spawn_app, spawn_bot, start_emulator, TestApp,
};
use discord_emulator::state::perms;
use discord_emulator::Emulator;
use peerlearn::store::sql::query_scalar;
use peerlearn::store::Store;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::Duration;

/// Admin leaf commands (Manage Server); every other registered command is for members.
const ADMIN: &[&str] = &[
    "content import",
    "content export",
    "content stats",
    "content starter",
    "content requests",
    "content add",
    "content edit",
    "content retire",
    "content drafts",
    "schedule add",
    "schedule list",
    "schedule pause",
    "schedule resume",
    "schedule remove",
    "schedule run",
    "config timezone",
    "config language",
    "config quiz-window",
    "config qa-channel",
    "config admin-channel",
    "config escalation",
    "config team-role",
    "config season-length",
    "config retention",
    "config verification",
    "config expert-drafts",
    "report",
    "kpi import",
    "track set",
    "track remove",
    "expert assign",
    "expert remove",
    "kb remove",
    "experiment start",
    "experiment status",
    "experiment stop",
];

const MEMBER: &[&str] = &[
    "help",
    "quiz",
    "progress",
    "reinforce",
    "pause",
    "leaderboard",
    "stats",
    "ask",
    "resolve",
    "kb search",
    "kb verify",
    "kb update",
    "kb draft",
    "expert list",
    "expert join",
    "expert leave",
    "expert away",
    "expert back",
    "expert suggest",
    "propose",
    "pairing",
    "track list",
    "about",
    "privacy export",
    "privacy delete",
];

/// Every slash command as `(path, option definitions)`, subcommands flattened.
fn leaf_commands(registered: &[Value]) -> Vec<(String, Vec<Value>)> {
    fn walk(prefix: &str, options: &[Value], out: &mut Vec<(String, Vec<Value>)>) {
        let subs: Vec<&Value> = options
            .iter()
            .filter(|o| o["type"] == 1 || o["type"] == 2)
            .collect();
        if subs.is_empty() {
            out.push((prefix.to_string(), options.to_vec()));
        }
        for s in subs {
            let path = format!("{prefix} {}", s["name"].as_str().unwrap());
            walk(&path, s["options"].as_array().map_or(&[], |v| v), out);
        }
    }
    let mut out = Vec::new();
    for c in registered
        .iter()
        .filter(|c| c["type"].as_u64().unwrap_or(1) == 1)
    {
        let options = c["options"].as_array().cloned().unwrap_or_default();
        walk(c["name"].as_str().unwrap(), &options, &mut out);
    }
    out
}

/// Values for a command's required options, valid in type and range.
fn required_options(app: &TestApp, options: &[Value]) -> Vec<(String, Value)> {
    options
        .iter()
        .filter(|o| o["required"] == true)
        .map(|o| {
            let name = o["name"].as_str().unwrap().to_string();
            let value = if let Some(first) = o["choices"].as_array().and_then(|c| c.first()) {
                first["name"].clone()
            } else {
                match o["type"].as_u64().unwrap() {
                    3 => json!("security"),
                    4 | 10 => json!(o["min_value"].as_i64().unwrap_or(1).max(1)),
                    5 => json!(false),
                    6 => json!(app.member.to_string()),
                    7 => json!(app.channel.to_string()),
                    8 => json!(app.guild.to_string()),
                    11 => json!(app
                        .discord
                        .upload("x.csv", b"metric,team,day,value\n")
                        .to_string()),
                    t => panic!("no test value for option type {t}"),
                }
            };
            (name, value)
        })
        .collect()
}

/// Every row the bot keeps about the server, except the member bookkeeping every interaction
/// updates (last seen, roles).
async fn fingerprint(store: &Store) -> String {
    let tables = store.table_names().await.unwrap();
    let mut out = String::new();
    for t in tables
        .into_iter()
        .filter(|t| !["members", "member_roles"].contains(&t.as_str()))
    {
        let columns: Vec<String> = store
            .columns(&t)
            .await
            .unwrap()
            .into_iter()
            .map(|c| format!("COALESCE(CAST({} AS TEXT), '-')", c.name))
            .collect();
        let rows: Vec<String> = query_scalar(&format!(
            "SELECT {} FROM {t} ORDER BY 1",
            columns.join(" || '|' || ")
        ))
        .fetch_all(store.pool())
        .await
        .unwrap();
        out.push_str(&format!("{t}: {}\n", rows.join(", ")));
    }
    out
}

/// Runs a command; returns the reply text (empty for a modal or no message).
async fn run(app: &TestApp, user: u64, path: &str, options: &[(String, Value)]) -> String {
    let options: Vec<(&str, Value)> = options
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let id = app
        .discord
        .slash(app.channel, user, path, &options)
        .unwrap_or_else(|e| panic!("/{path}: {e}"));
    let reply = app
        .discord
        .reply(id)
        .await
        .unwrap_or_else(|e| panic!("/{path}: {e}"));
    reply.message.map(|m| m.to_text()).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_admin_command_is_refused_to_members_and_allowed_to_admins() {
    let mut app = spawn_app().await;
    let registered = app.discord.commands(Some(app.guild));
    let leaves = leaf_commands(&registered);
    let known: BTreeSet<&str> = ADMIN.iter().chain(MEMBER).copied().collect();
    let found: BTreeSet<&str> = leaves.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        found, known,
        "classify every registered command as admin or member in this test"
    );
    for c in registered
        .iter()
        .filter(|c| c["type"].as_u64().unwrap_or(1) == 1)
    {
        let name = c["name"].as_str().unwrap();
        let all_admin = leaves
            .iter()
            .filter(|(p, _)| p == name || p.starts_with(&format!("{name} ")))
            .all(|(p, _)| ADMIN.contains(&p.as_str()));
        // Discord hides commands that are admin-only throughout from other members.
        assert_eq!(c["default_member_permissions"] == "32", all_admin, "{name}");
    }

    // The server's row comes with GUILD_CREATE, shortly after the connection.
    app.eventually("the server's row", || async {
        app.count("SELECT COUNT(*) FROM guilds").await == 1
    })
    .await;
    for (path, defs) in leaves.iter().filter(|(p, _)| ADMIN.contains(&p.as_str())) {
        let options = required_options(&app, defs);
        let before = fingerprint(&app.store).await;
        let text = run(&app, app.member, path, &options).await;
        assert!(
            text.contains("Only members with the **Manage Server** permission"),
            "/{path} as a member: {text}"
        );
        assert_eq!(
            fingerprint(&app.store).await,
            before,
            "/{path} as a member wrote something"
        );
        let text = run(&app, app.admin, path, &options).await;
        assert!(
            !text.contains("Manage Server"),
            "/{path} as an admin: {text}"
        );
        assert!(
            !text.contains("problem on the bot's side"),
            "/{path} as an admin: {text}"
        );
    }
    app.stop().await.unwrap();
}

/// One server in the isolation test: a channel, the shared members and its own admin.
struct Server {
    guild: u64,
    channel: u64,
    admin: u64,
}

async fn say(
    discord: &Emulator,
    channel: u64,
    user: u64,
    path: &str,
    options: &[(&str, Value)],
) -> discord_emulator::PostedMessage {
    let id = discord
        .slash(channel, user, path, options)
        .unwrap_or_else(|e| panic!("/{path}: {e}"));
    discord.reply(id).await.unwrap().message.unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_guilds_with_the_same_members_never_see_each_others_data() {
    let discord = start_emulator().await;
    let shared: Vec<u64> = vec![910_000_000_000_000_001, 910_000_000_000_000_002];
    let mut servers = Vec::new();
    for name in ["Acme North", "Acme South"] {
        let guild = discord.add_guild(name);
        let channel = discord.add_text_channel(guild, "learning");
        let admins = discord.add_role(guild, "Admins", perms::MANAGE_GUILD);
        let admin = discord.add_member(guild, &format!("admin-{name}"), &[admins]);
        for (i, user) in shared.iter().enumerate() {
            discord.add_member_with_id(guild, *user, &format!("shared{i}"), &[]);
        }
        servers.push(Server {
            guild,
            channel,
            admin,
        });
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("two.db");
    let mut settings = settings_for(&discord, servers[0].guild, &db);
    settings.discord.dev_guild_id = String::new();
    let store = Store::open(&db, Duration::from_secs(5)).await.unwrap();
    let (tx, bot) = spawn_bot(
        &discord,
        settings,
        store.clone(),
        peerlearn::clock::Clock::system(),
    );
    discord.wait_for_commands(None).await.unwrap();
    discord.wait_for_session().await.unwrap();

    // North: its own topic and question; the shared members answer there only.
    let north = &servers[0];
    let content = br#"[[topic]]
id = "northonly"
name = "North secrets"

[[question]]
id = "n1"
topic = "northonly"
prompt = "What is the North door code?"
choices = ["keypad 1234", "keypad 4321"]
correct = "A"
explanation = "It is on the North wiki."
"#;
    let file = discord.upload("north.toml", content);
    let imported = say(
        &discord,
        north.channel,
        north.admin,
        "content import",
        &[("file", json!(file.to_string()))],
    )
    .await;
    assert!(
        imported.content.contains("1 added") || imported.content.contains("Imported"),
        "{}",
        imported.content
    );
    let options = [
        ("kind", json!("quiz")),
        ("cron", json!("0 3 1 1 *")),
        ("channel", json!(north.channel.to_string())),
    ];
    say(
        &discord,
        north.channel,
        north.admin,
        "schedule add",
        &options,
    )
    .await;
    say(
        &discord,
        north.channel,
        north.admin,
        "schedule run",
        &[("id", json!(1))],
    )
    .await;
    let bot_id = discord.bot_user_id();
    let channel = north.channel;
    let (post, button) = discord
        .wait_for("North's quiz", |s| {
            s.messages
                .values()
                .find(|m| {
                    m.channel_id == channel && m.author_id == bot_id && m.interaction_id.is_none()
                })
                .and_then(|m| Some((m.id, m.buttons().first()?.0.clone())))
        })
        .await
        .unwrap();
    for user in &shared {
        let id = discord.click(*user, post, &button).unwrap();
        let feedback = discord.reply(id).await.unwrap().message.unwrap();
        assert!(feedback.content.contains("Right!"), "{}", feedback.content);
    }

    // South sees none of it.
    let south = &servers[1];
    let s = |path: &'static str, user: u64, options: Vec<(&'static str, Value)>| {
        let discord = &discord;
        async move { say(discord, south.channel, user, path, &options).await }
    };
    let everything = |m: &discord_emulator::PostedMessage| {
        let files: String = m
            .attachments
            .iter()
            .map(|a| String::from_utf8_lossy(&a.data).to_string())
            .collect();
        format!("{} {} {files}", m.to_text(), m.embeds)
    };
    let leak = |text: &str, what: &str| {
        for secret in ["North", "northonly", "door code", "keypad 1234"] {
            assert!(
                !text.contains(secret),
                "{what} in South shows {secret:?}: {text}"
            );
        }
    };
    let board = s("leaderboard", shared[0], vec![]).await;
    leak(&everything(&board), "/leaderboard");
    assert!(
        !everything(&board).contains(&shared[0].to_string())
            || everything(&board).contains("0 points")
            || everything(&board).contains("No "),
        "{}",
        everything(&board)
    );
    let stats = s("stats", shared[0], vec![]).await;
    leak(&everything(&stats), "/stats");
    let progress = s("progress", shared[0], vec![]).await;
    leak(&everything(&progress), "/progress");
    let kb = s(
        "kb search",
        shared[0],
        vec![("query", json!("door entry code"))],
    )
    .await;
    leak(&everything(&kb), "/kb search");
    for (path, options) in [
        ("report", vec![]),
        ("report", vec![("format", json!("csv"))]),
        ("content export", vec![]),
        ("content stats", vec![]),
    ] {
        let m = s(path, south.admin, options).await;
        leak(&everything(&m), path);
    }
    let export = s("privacy export", shared[0], vec![]).await;
    let data: Value = serde_json::from_slice(&export.attachments[0].data).unwrap();
    assert_eq!(
        data["answers"].as_array().unwrap().len(),
        0,
        "South's export: {data}"
    );
    leak(&everything(&export), "/privacy export");
    // The same search in North finds North's question: the South result above is isolation,
    // not an empty index.
    let found = say(
        &discord,
        north.channel,
        shared[0],
        "kb search",
        &[("query", json!("door entry code"))],
    )
    .await;
    assert!(
        everything(&found).contains("North"),
        "{}",
        everything(&found)
    );
    // In North the same member's export has the answer.
    let export = say(&discord, north.channel, shared[0], "privacy export", &[]).await;
    let data: Value = serde_json::from_slice(&export.attachments[0].data).unwrap();
    assert_eq!(data["answers"].as_array().unwrap().len(), 1);
    // And deleting their data in South leaves North's untouched.
    let prompt = s("privacy delete", shared[0], vec![]).await;
    let (delete, _) = prompt
        .buttons()
        .into_iter()
        .find(|(_, l)| l == "Delete my data")
        .unwrap();
    let id = discord.click(shared[0], prompt.id, &delete).unwrap();
    discord.reply(id).await.unwrap();
    let kept: i64 = query_scalar("SELECT COUNT(*) FROM answers WHERE user_id = ? AND guild_id = ?")
        .bind(shared[0] as i64)
        .bind(north.guild as i64)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(kept, 1, "North keeps the member's answer");

    tx.send(()).unwrap();
    bot.await.unwrap().expect("clean shutdown");
    assert_no_violations(&discord);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_in_direct_messages_are_offered_only_where_they_work() {
    let discord = start_emulator().await;
    let guild = discord.add_guild("Anywhere");
    let member = discord.add_member(guild, "lin", &[]);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dm.db");
    let mut settings = settings_for(&discord, guild, &db);
    settings.discord.dev_guild_id = String::new();
    let store = Store::open(&db, Duration::from_secs(5)).await.unwrap();
    let (tx, bot) = spawn_bot(&discord, settings, store, peerlearn::clock::Clock::system());
    let registered = discord.wait_for_commands(None).await.unwrap();
    discord.wait_for_session().await.unwrap();
    let dm = discord.open_dm(member).unwrap();
    let mut offered = Vec::new();
    for (path, _) in leaf_commands(&registered) {
        match discord.slash(dm, member, &path, &[]) {
            Err(e) => assert!(e.to_string().contains("does not offer"), "/{path}: {e}"),
            Ok(id) => {
                let reply = discord.reply(id).await.unwrap();
                let text = reply.message.map(|m| m.to_text()).unwrap_or_default();
                assert!(
                    !text.is_empty() && !text.contains("problem on the bot's side"),
                    "/{path} in a DM: {text}"
                );
                offered.push(path);
            }
        }
    }
    // Only commands that need no server are offered in DMs.
    assert_eq!(
        offered,
        vec!["help".to_string(), "about".to_string()],
        "offered in DMs"
    );
    tx.send(()).unwrap();
    bot.await.unwrap().expect("clean shutdown");
    assert_no_violations(&discord);
}

/// Text at `max` characters: markdown, mentions, emoji, right-to-left and combining marks.
fn hostile_text(max: usize, role: u64, user: u64) -> String {
    let pieces = [
        "@everyone ".to_string(),
        "@here ".to_string(),
        format!("<@&{role}> "),
        format!("<@{user}> "),
        "**bold** __u__ ~~s~~ `code` ```block``` > quote ".into(),
        "[link](https://example.com) ".into(),
        "🧑‍💻🇩🇪 ".into(),
        "שלום ".into(),
        "e\u{301}\u{301} ".into(),
        "\u{200b}\u{202e} ".into(),
        "% _ \" ' ; -- /* ".into(),
        "NEAR OR AND * ( ) ".into(),
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.chars().count() < max {
        text.push_str(&pieces[i % pieces.len()]);
        i += 1;
    }
    text.chars().take(max).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_text_option_at_its_maximum_length_gets_a_clear_answer_and_pings_nobody() {
    let mut app = spawn_app().await;
    app.command(app.admin, "content starter", &[]).await;
    let role = app.discord.add_role(app.guild, "Support", 0);
    let registered = app.discord.commands(Some(app.guild));
    let mut tried = 0;
    for (path, defs) in leaf_commands(&registered) {
        for def in defs.iter().filter(|d| {
            d["type"] == 3
                && d["choices"].as_array().is_none_or(|c| c.is_empty())
                && d["autocomplete"] != true
        }) {
            let max = def["max_length"].as_u64().unwrap_or(6000) as usize;
            let mut options = required_options(&app, &defs);
            let name = def["name"].as_str().unwrap().to_string();
            options.retain(|(n, _)| *n != name);
            options.push((name.clone(), json!(hostile_text(max, role, app.member))));
            for user in [app.admin, app.member] {
                let text = run(&app, user, &path, &options).await;
                assert!(!text.is_empty(), "/{path} {name}: no answer");
                assert!(
                    !text.contains("problem on the bot's side"),
                    "/{path} {name}: {text}"
                );
                assert!(text.chars().count() <= 2000);
                tried += 1;
            }
        }
    }
    assert!(tried >= 10, "only {tried} text options tried");
    // Nothing the bot posted notified @everyone, @here or a role (the emulator would have
    // recorded a violation); and the hostile member mention notified nobody either.
    let messages = app.discord.messages_in(app.channel);
    for m in &messages {
        assert!(
            !m.pinged.everyone && m.pinged.roles.is_empty(),
            "{}",
            m.content
        );
    }
    app.stop().await.unwrap();
}
