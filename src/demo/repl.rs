//! `peerlearn demo --interactive`: the demo server after its setup, driven from the terminal.
//! Send slash commands and click buttons as any member, move the virtual clock to the next
//! morning's schedules, and read the bot's answers as text: a way for content authors to try
//! their question bank (`/content import file:@questions.toml`) before going live.

use super::world::World;
use anyhow::Context as _;
use serde_json::{json, Value};
use std::io::Write;

const HELP: &str = "\
Commands (as the member shown in the prompt):
  /name [sub] option:value …   a slash command; quote values with spaces (topic:\"Data privacy\")
                               users @name, channels #name, roles @Role, files file:@path/to/file
  click N                      click button N (1 = first) of the last message the bot showed
  say TEXT                     write TEXT in the last thread the bot opened for you (or #daily-learning)
  mark                         \"Mark as answer\" on the last message someone else wrote in that thread
  as NAME                      act as someone else (grace is the admin)
  members                      who is in the server, with role track, team and expert topics
  next                         move the clock to the next 09:00 and show what the schedules posted
  help                         this list
  quit                         stop the bot and leave";

/// One line typed at the prompt.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Slash {
        command: String,
        options: Vec<(String, String)>,
    },
    Click(usize),
    Say(String),
    Mark,
    As(String),
    Members,
    Next,
    Help,
    Quit,
    Nothing,
}

/// Reads a line: a slash command with `name:value` options, or one of the words above.
pub fn parse(line: &str) -> Result<Input, String> {
    let line = line.trim();
    if let Some(text) = line.strip_prefix("say ") {
        return Ok(Input::Say(text.trim().to_string()));
    }
    let words = split_words(line)?;
    let Some(first) = words.first() else {
        return Ok(Input::Nothing);
    };
    if let Some(name) = first.strip_prefix('/') {
        let mut command = vec![name.to_string()];
        let mut options = Vec::new();
        for w in &words[1..] {
            match w.split_once(':') {
                Some((k, v)) if !k.is_empty() => options.push((k.to_string(), v.to_string())),
                _ if options.is_empty() => command.push(w.clone()),
                _ => return Err(format!("`{w}` is not an option: write name:value")),
            }
        }
        return Ok(Input::Slash {
            command: command.join(" "),
            options,
        });
    }
    match (first.as_str(), words.get(1)) {
        ("click", Some(n)) => n
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .map(Input::Click)
            .ok_or_else(|| format!("click takes a button number from 1; got `{n}`")),
        ("as", Some(name)) => Ok(Input::As(name.trim_start_matches('@').to_string())),
        ("mark", None) => Ok(Input::Mark),
        ("members", None) => Ok(Input::Members),
        ("next", None) => Ok(Input::Next),
        ("help", None) => Ok(Input::Help),
        ("quit" | "exit", None) => Ok(Input::Quit),
        _ => Err(format!("unknown command `{line}`; type help")),
    }
}

/// Words separated by spaces; double quotes keep spaces inside a word (`topic:"Data privacy"`).
fn split_words(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if quoted {
        return Err("a quote is not closed".into());
    }
    if started {
        words.push(word);
    }
    Ok(words)
}

/// The prompt loop; returns on `quit` or the end of input.
pub async fn run(world: &mut World) -> anyhow::Result<()> {
    let mut me = world.people[0].user;
    let mut last: Option<discord_emulator::PostedMessage> = None;
    let mut thread: Option<u64> = None;
    println!(
        "\nThe demo server is ready: {} members, the starter content, schedules, tracks and experts (see transcript.md).\n{HELP}\n",
        world.people.len()
    );
    loop {
        print!("{} › ", world.name_of(me));
        let _ = std::io::stdout().flush();
        let Some(line) = read_line().await? else {
            return Ok(());
        };
        let input = match parse(&line) {
            Ok(i) => i,
            Err(e) => {
                println!("{e}");
                continue;
            }
        };
        let result = match input {
            Input::Nothing => Ok(()),
            Input::Quit => return Ok(()),
            Input::Help => {
                println!("{HELP}");
                Ok(())
            }
            Input::Members => {
                members(world);
                Ok(())
            }
            Input::As(name) => match world.user_named(&name) {
                Some(u) => {
                    me = u;
                    Ok(())
                }
                None => Err(anyhow::anyhow!("nobody is called {name}; type members")),
            },
            Input::Slash { command, options } => {
                slash(world, me, &command, &options).await.map(|reply| {
                    show(world, &reply);
                    if let Some(t) = super::qa::thread_in(&reply) {
                        thread = Some(t);
                    }
                    last = Some(reply);
                })
            }
            Input::Click(n) => match &last {
                None => Err(anyhow::anyhow!("nothing to click yet")),
                Some(m) if n > m.buttons().len() => Err(anyhow::anyhow!(
                    "that message has {} buttons",
                    m.buttons().len()
                )),
                Some(m) => {
                    let m = m.clone();
                    world.click(me, &m, n - 1, false).await.map(|reply| {
                        show(world, &reply);
                        if let Some(t) = super::qa::thread_in(&reply) {
                            thread = Some(t);
                        }
                        last = Some(reply);
                    })
                }
            },
            Input::Say(text) => {
                let channel = thread.unwrap_or(world.channels.learning);
                world.say(me, channel, &text);
                world.settle().await
            }
            Input::Mark => mark(world, me, thread).await.map(|reply| {
                show(world, &reply);
                last = Some(reply);
            }),
            Input::Next => next_morning(world).await.map(|posts| {
                for p in posts {
                    show(world, &p);
                    last = Some(p);
                }
            }),
        };
        if let Err(e) = result {
            println!("{e:#}");
        }
    }
}

/// A line from stdin without blocking the bot (None at the end of input).
async fn read_line() -> anyhow::Result<Option<String>> {
    tokio::task::spawn_blocking(|| {
        let mut line = String::new();
        match std::io::stdin().read_line(&mut line)? {
            0 => Ok(None),
            _ => Ok(Some(line)),
        }
    })
    .await?
}

fn show(world: &World, m: &discord_emulator::PostedMessage) {
    let text = world.readable(&m.to_text()).replace('\n', "\n            ");
    println!("peerlearn › {text}\n");
}

fn members(world: &World) {
    println!("grace — admin");
    for p in &world.people {
        let experts = if p.expert_in.is_empty() {
            String::new()
        } else {
            format!(", expert in {}", p.expert_in.join(", "))
        };
        println!(
            "{} — {}, {}{experts}",
            p.name,
            super::cast::TRACKS[p.track].role,
            super::cast::TEAMS[p.team]
        );
    }
}

/// Sends a slash command, turning `@name`, `#channel`, `@Role` and `@file` values into what
/// Discord sends for the option's type.
async fn slash(
    world: &mut World,
    me: u64,
    command: &str,
    options: &[(String, String)],
) -> anyhow::Result<discord_emulator::PostedMessage> {
    let defs = option_types(world, command)?;
    let mut values: Vec<(&str, Value)> = Vec::new();
    for (name, raw) in options {
        let kind = defs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, k)| *k)
            .with_context(|| {
                let known: Vec<&str> = defs.iter().map(|(n, _)| n.as_str()).collect();
                format!(
                    "/{command} has no option {name}; it has: {}",
                    known.join(", ")
                )
            })?;
        values.push((name, option_value(world, kind, raw)?));
    }
    world
        .command(me, world.channels.learning, command, &values, false)
        .await
}

/// `(name, Discord option type)` of a command's (or subcommand's) options.
fn option_types(world: &World, command: &str) -> anyhow::Result<Vec<(String, u64)>> {
    let mut words = command.split_whitespace();
    let name = words.next().context("which command?")?;
    let registered = world.discord.commands(Some(world.guild));
    let mut level = registered
        .iter()
        .find(|c| c["name"] == name && c["type"] == 1)
        .with_context(|| format!("there is no /{name}; try /help"))?["options"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for sub in words {
        level = level
            .iter()
            .find(|o| o["name"] == sub)
            .with_context(|| format!("/{name} has no subcommand {sub}"))?["options"]
            .as_array()
            .cloned()
            .unwrap_or_default();
    }
    Ok(level
        .iter()
        .filter_map(|o| {
            // A choice is sent by its name, whatever its type.
            let kind = match o["choices"].as_array() {
                Some(c) if !c.is_empty() => 3,
                _ => o["type"].as_u64()?,
            };
            Some((o["name"].as_str()?.to_string(), kind))
        })
        .collect())
}

fn option_value(world: &World, kind: u64, raw: &str) -> anyhow::Result<Value> {
    let named = |list: Vec<(String, u64)>, what: &str| {
        let wanted = raw.trim_start_matches(['@', '#']);
        list.into_iter()
            .find(|(n, _)| n == wanted)
            .map(|(_, id)| json!(id.to_string()))
            .with_context(|| format!("no {what} called {wanted}"))
    };
    Ok(match kind {
        4 => json!(raw
            .parse::<i64>()
            .with_context(|| format!("{raw} is not a whole number"))?),
        10 => json!(raw
            .parse::<f64>()
            .with_context(|| format!("{raw} is not a number"))?),
        5 => json!(matches!(raw, "true" | "yes" | "1")),
        6 => {
            let wanted = raw.trim_start_matches('@');
            let user = world
                .user_named(wanted)
                .with_context(|| format!("no member called {wanted}"))?;
            json!(user.to_string())
        }
        7 => {
            let c = world.channels;
            named(
                vec![
                    ("daily-learning".into(), c.learning),
                    ("questions".into(), c.questions),
                    ("admins".into(), c.admins),
                ],
                "channel",
            )?
        }
        8 => named(
            world.roles.iter().map(|(n, id)| (n.clone(), *id)).collect(),
            "role",
        )?,
        11 => {
            let path = raw.trim_start_matches('@');
            let bytes = std::fs::read(path).with_context(|| format!("cannot read {path}"))?;
            let name = std::path::Path::new(path)
                .file_name()
                .map_or("upload".into(), |n| n.to_string_lossy().to_string());
            json!(world.discord.upload(&name, &bytes).to_string())
        }
        _ => json!(raw),
    })
}

/// "Mark as answer" on the last message someone else wrote in the thread.
async fn mark(
    world: &mut World,
    me: u64,
    thread: Option<u64>,
) -> anyhow::Result<discord_emulator::PostedMessage> {
    let thread = thread.context("no thread yet: /ask something first")?;
    let bot = world.discord.bot_user_id();
    let target = world
        .discord
        .messages_in(thread)
        .into_iter()
        .rev()
        .find(|m| m.author_id != me && m.author_id != bot)
        .context("nobody has replied in the thread yet (as an expert: say TEXT)")?;
    world.mark_as_answer(me, target.id).await
}

/// Moves to the next 09:00 in half-hour steps (every schedule on the way runs on time) and
/// returns what the bot posted.
async fn next_morning(world: &mut World) -> anyhow::Result<Vec<discord_emulator::PostedMessage>> {
    let mark = world.mark();
    let now = world.day_number();
    let today = now.floor();
    let target = if now < today + 9.0 / 24.0 {
        today + 9.0 / 24.0
    } else {
        today + 1.0 + 9.0 / 24.0
    };
    let mut step = (now * 48.0).floor() as u32 + 1;
    while f64::from(step) / 48.0 <= target + 1e-9 {
        let minutes = (step % 48) * 30;
        world.at(step / 48, minutes / 60, minutes % 60).await?;
        step += 1;
    }
    println!("It is now {}.", world.now_label());
    let c = world.channels;
    Ok([c.learning, c.admins]
        .into_iter()
        .flat_map(|ch| world.bot_posts_after(ch, mark))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_options_and_words_are_read() {
        assert_eq!(
            parse("/schedule add kind:quiz cron:\"0 9 * * MON-FRI\" channel:#daily-learning"),
            Ok(Input::Slash {
                command: "schedule add".into(),
                options: vec![
                    ("kind".into(), "quiz".into()),
                    ("cron".into(), "0 9 * * MON-FRI".into()),
                    ("channel".into(), "#daily-learning".into()),
                ],
            })
        );
        assert_eq!(
            parse("/quiz"),
            Ok(Input::Slash {
                command: "quiz".into(),
                options: vec![]
            })
        );
        assert_eq!(parse(" click 2 "), Ok(Input::Click(2)));
        assert_eq!(parse("as @ben"), Ok(Input::As("ben".into())));
        assert_eq!(
            parse("say  Use the VPN. "),
            Ok(Input::Say("Use the VPN.".into()))
        );
        assert_eq!(parse(""), Ok(Input::Nothing));
        assert_eq!(parse("quit"), Ok(Input::Quit));
    }

    #[test]
    fn mistakes_are_explained() {
        assert!(parse("click 0").unwrap_err().contains("from 1"));
        assert!(parse("click x").unwrap_err().contains("button number"));
        assert!(parse("dance").unwrap_err().contains("type help"));
        assert!(parse("/ask question:\"open").unwrap_err().contains("quote"));
        assert!(parse("/ask question:x stray")
            .unwrap_err()
            .contains("not an option"));
    }
}
