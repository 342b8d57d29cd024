//! A benchmark's world in the emulator: a server with a learning channel, an admin and
//! members (several servers may share one emulator), and the admin's commands to set it up
//! (content, quiz posts).

use anyhow::{bail, Context as _};
use discord_emulator::state::perms;
use discord_emulator::{Emulator, EmulatorOptions};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// A server in the emulator.
pub struct Team {
    pub discord: Arc<Emulator>,
    pub guild: u64,
    pub channel: u64,
    pub admin: u64,
    pub members: Vec<u64>,
}

/// A quiz post and its answer buttons' custom ids.
pub struct QuizPostButtons {
    pub message: u64,
    pub buttons: Vec<String>,
}

impl Team {
    /// Fails, naming them, if the bot broke Discord's contract, apart from the problems that
    /// start with `measured` (those a benchmark counts rather than fails on).
    pub fn contract_kept(&self, measured: Option<&str>) -> anyhow::Result<()> {
        let broken: Vec<String> = self
            .discord
            .violations()
            .iter()
            .filter(|v| measured.is_none_or(|m| !v.problem.starts_with(m)))
            .map(|v| format!("{}: {}", v.context, v.problem))
            .collect();
        if !broken.is_empty() {
            bail!("the bot broke Discord's contract: {broken:?}");
        }
        Ok(())
    }

    /// A server with `members` members, alone in a new emulator. `first_member_id`: give them
    /// consecutive ids from there (to match rows seeded into a database), or mint fresh ones.
    pub async fn start(members: usize, first_member_id: Option<u64>) -> anyhow::Result<Team> {
        let discord = Arc::new(Emulator::start(EmulatorOptions::default()).await?);
        let guild = discord.add_guild("Acme Benchmarks");
        Ok(Team::in_guild(discord, guild, members, first_member_id))
    }

    /// The learning channel, the admin and `members` members in an existing server.
    pub fn in_guild(
        discord: Arc<Emulator>,
        guild: u64,
        members: usize,
        first_member_id: Option<u64>,
    ) -> Team {
        let channel = discord.add_text_channel(guild, "daily-learning");
        let admins = discord.add_role(guild, "Admins", perms::MANAGE_GUILD);
        let admin = discord.add_member(guild, "grace", &[admins]);
        let members = (0..members)
            .map(|i| {
                let name = format!("member{i}");
                match first_member_id {
                    Some(first) => {
                        let id = first + i as u64;
                        discord.add_member_with_id(guild, id, &name, &[]);
                        id
                    }
                    None => discord.add_member(guild, &name, &[]),
                }
            })
            .collect();
        Team {
            discord,
            guild,
            channel,
            admin,
            members,
        }
    }

    /// Runs a slash command as `user` in the channel and returns the text of the answer.
    pub async fn command(
        &self,
        user: u64,
        name: &str,
        options: &[(&str, Value)],
    ) -> anyhow::Result<String> {
        let id = self.discord.slash(self.channel, user, name, options)?;
        let reply = self.discord.reply(id).await?;
        Ok(reply.message.map(|m| m.content).unwrap_or_default())
    }

    /// Loads the starter content and has `count` quiz posts delivered to the channel now.
    pub async fn post_quizzes(&self, count: usize) -> anyhow::Result<Vec<QuizPostButtons>> {
        let loaded = self.command(self.admin, "content starter", &[]).await?;
        if !loaded.contains("Imported") && !loaded.contains("already") {
            bail!("the starter content did not load: {loaded}");
        }
        for _ in 0..count {
            self.run_schedule_now("quiz").await?;
        }
        let bot = self.discord.bot_user_id();
        let channel = self.channel;
        self.discord
            .wait_for_within("the quiz posts", Duration::from_secs(60), |s| {
                let posts: Vec<QuizPostButtons> = s
                    .messages
                    .values()
                    .filter(|m| m.channel_id == channel && m.author_id == bot)
                    .filter(|m| m.buttons().iter().any(|(id, _)| id.starts_with("pl1:qa:")))
                    .map(|m| QuizPostButtons {
                        message: m.id,
                        buttons: m.buttons().into_iter().map(|(id, _)| id).collect(),
                    })
                    .collect();
                (posts.len() >= count).then_some(posts)
            })
            .await
            .context("quiz posts")
    }

    /// Adds a schedule of `kind` for the channel (its cron never fires by itself) and runs it
    /// now.
    pub async fn run_schedule_now(&self, kind: &str) -> anyhow::Result<()> {
        let options = [
            ("kind", json!(kind)),
            ("cron", json!("0 3 1 1 *")),
            ("channel", json!(self.channel.to_string())),
        ];
        let added = self.command(self.admin, "schedule add", &options).await?;
        let id: i64 = added
            .split('#')
            .nth(1)
            .map(|rest| {
                rest.chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
            })
            .and_then(|digits| digits.parse().ok())
            .with_context(|| format!("the {kind} schedule was not added: {added}"))?;
        let ran = self
            .command(self.admin, "schedule run", &[("id", json!(id))])
            .await?;
        if !ran.contains("running now") {
            bail!("schedule #{id} did not run: {ran}");
        }
        Ok(())
    }
}
