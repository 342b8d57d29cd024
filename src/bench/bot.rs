//! The bot under measurement: the `peerlearn` binary in its own process (so its memory is its
//! own), serving a team in the emulator from a SQLite file or a Postgres database, with the
//! production settings; one process for every shard, or one of several shards.

use super::db::BenchDb;
use anyhow::{bail, Context as _};
use discord_emulator::state::State;
use discord_emulator::Emulator;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

/// How to start the bot: its binary and, for a closer look, its log filter (the production
/// settings' filter when `None`).
#[derive(Debug, Clone)]
pub struct BotCommand {
    pub binary: PathBuf,
    pub log_filter: Option<String>,
}

impl BotCommand {
    pub fn new(binary: PathBuf) -> BotCommand {
        BotCommand {
            binary,
            log_filter: None,
        }
    }
}

/// What a bot process serves: every shard, with its commands registered in one guild (as in
/// development), or one shard of several, with global commands (as in production).
#[derive(Debug, Clone, Copy)]
pub enum Serves {
    Guild(u64),
    Shard { id: u32, total: u32 },
}

/// A running `peerlearn run` process.
pub struct BotProcess {
    child: Child,
    log: PathBuf,
}

impl BotProcess {
    /// Starts the bot's binary against the emulator with `db`, serving what `serves` says, and
    /// waits until its gateway session is up and its commands are registered.
    pub async fn launch(
        bot: &BotCommand,
        discord: &Emulator,
        serves: Serves,
        db: &BenchDb,
        log: &Path,
    ) -> anyhow::Result<Self> {
        let binary = &bot.binary;
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .with_context(|| format!("cannot write the bot's log {}", log.display()))?;
        let mut command = Command::new(binary);
        for (k, _) in std::env::vars() {
            if k.starts_with("PEERLEARN_") || k == "RUST_LOG" {
                command.env_remove(k);
            }
        }
        if let Some(filter) = &bot.log_filter {
            command.env("PEERLEARN_LOG__FILTER", filter);
        }
        let (dev_guild, shards, session) = match serves {
            Serves::Guild(guild) => (guild.to_string(), String::new(), [0, 1]),
            Serves::Shard { id, total } => (String::new(), format!("{id}/{total}"), [id, total]),
        };
        // A session the bot had before (the same shard, restarted) does not count.
        let identified = discord.gateway_stats().identifies;
        command
            .arg("run")
            .env("DISCORD_TOKEN", discord.bot_token())
            .env("PEERLEARN_DISCORD__API_BASE", discord.api_base())
            .env("PEERLEARN_DISCORD__DEV_GUILD_ID", dev_guild)
            .env("PEERLEARN_DISCORD__SHARDS", shards)
            .envs([db.bot_env()])
            .stdin(Stdio::null())
            .stdout(log_file.try_clone()?)
            .stderr(log_file)
            .kill_on_drop(true);
        let child = command
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;
        let mut bot = BotProcess {
            child,
            log: log.to_path_buf(),
        };
        let connected = |s: &State| {
            let live = s
                .sessions
                .get(&session[0])
                .is_some_and(|x| x.shard == session && x.sender.is_some());
            (s.gateway.identifies > identified && live).then_some(())
        };
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            if let Some(status) = bot.child.try_wait()? {
                bail!(
                    "the bot stopped ({status}) before it connected; its log:\n{}",
                    bot.log_tail()
                );
            }
            let waited = discord
                .wait_for_within("the bot to connect", Duration::from_millis(500), connected)
                .await;
            match waited {
                Ok(()) => break,
                Err(e) if Instant::now() > deadline => {
                    bail!("{e}; the bot's log:\n{}", bot.log_tail())
                }
                Err(_) => {}
            }
        }
        let commands_in = match serves {
            Serves::Guild(guild) => Some(guild),
            Serves::Shard { .. } => None,
        };
        discord
            .wait_for_commands(commands_in)
            .await
            .with_context(|| format!("commands not registered; log:\n{}", bot.log_tail()))?;
        Ok(bot)
    }

    /// The process's peak resident memory so far (Linux `VmHWM`), in bytes.
    pub fn peak_rss_bytes(&self) -> Option<u64> {
        let pid = self.child.id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        status_kib(&status, "VmHWM:").map(|k| k * 1024)
    }

    /// CPU time the bot has used so far (user and system).
    pub fn cpu_time(&self) -> Option<Duration> {
        cpu_time_of(&self.child.id()?.to_string())
    }

    /// What the bot has written so far (see [`Written`]).
    pub fn written(&self) -> Option<Written> {
        written_by(&self.child.id()?.to_string())
    }

    /// The last lines the bot logged, for error messages.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    /// Asks the bot to stop (SIGTERM, as a service manager would) and waits for it.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(pid) = self.child.id() {
            let _ = Command::new("kill")
                .arg("-TERM")
                .arg(pid.to_string())
                .status()
                .await;
        }
        match tokio::time::timeout(Duration::from_secs(30), self.child.wait()).await {
            Ok(status) => {
                status?;
            }
            Err(_) => self.child.start_kill()?,
        }
        Ok(())
    }
}

/// A `/proc/<pid>/status` field in KiB, e.g. `VmHWM:    41236 kB`.
fn status_kib(status: &str, field: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// CPU time this process (the emulator and the simulated members) has used so far.
pub fn own_cpu_time() -> Option<Duration> {
    cpu_time_of("self")
}

/// What a process has written so far, from `/proc/<pid>/io`: through `write` calls (to
/// files and sockets, before the page cache), and what of it reached the disk.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Written {
    pub bytes: u64,
    pub calls: u64,
    pub disk_bytes: u64,
}

impl Written {
    /// What was written between `before` and `self`.
    pub fn since(self, before: Written) -> Written {
        Written {
            bytes: self.bytes.saturating_sub(before.bytes),
            calls: self.calls.saturating_sub(before.calls),
            disk_bytes: self.disk_bytes.saturating_sub(before.disk_bytes),
        }
    }

    /// What `self` and `other` wrote together.
    pub fn plus(self, other: Written) -> Written {
        Written {
            bytes: self.bytes + other.bytes,
            calls: self.calls + other.calls,
            disk_bytes: self.disk_bytes + other.disk_bytes,
        }
    }

    /// Each figure divided by `n` (a count of answers or rows).
    pub fn per(self, n: u64) -> Written {
        let n = n.max(1);
        Written {
            bytes: self.bytes / n,
            calls: self.calls / n,
            disk_bytes: self.disk_bytes / n,
        }
    }
}

/// What this process (the emulator and the simulated members, or the raw inserts) has written.
pub fn own_written() -> Option<Written> {
    written_by("self")
}

fn written_by(pid: &str) -> Option<Written> {
    io_figures(&std::fs::read_to_string(format!("/proc/{pid}/io")).ok()?)
}

/// `wchar`, `syscw` and `write_bytes` of a `/proc/<pid>/io` text.
fn io_figures(io: &str) -> Option<Written> {
    let field = |name: &str| {
        io.lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))?
            .trim()
            .parse()
            .ok()
    };
    Some(Written {
        bytes: field("wchar")?,
        calls: field("syscw")?,
        disk_bytes: field("write_bytes")?,
    })
}

/// User plus system time from `/proc/<pid>/stat` (in clock ticks of 1/100 s on Linux).
fn cpu_time_of(pid: &str) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) start at the 3rd.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    let (user, system) = (ticks(11)?, ticks(12)?);
    Some(Duration::from_millis((user + system) * 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_status_field() {
        let status =
            "Name:\tpeerlearn\nVmPeak:\t  900 kB\nVmHWM:\t   41236 kB\nVmRSS:\t 40000 kB\n";
        assert_eq!(status_kib(status, "VmHWM:"), Some(41236));
        assert_eq!(status_kib(status, "VmSwap:"), None);
    }

    #[test]
    fn reads_what_a_process_wrote() {
        let io = "rchar: 10\nwchar: 245760\nsyscr: 3\nsyscw: 120\nread_bytes: 0\nwrite_bytes: 61440\ncancelled_write_bytes: 0\n";
        let w = io_figures(io).unwrap();
        assert_eq!(
            w,
            Written {
                bytes: 245_760,
                calls: 120,
                disk_bytes: 61_440
            }
        );
        assert_eq!(
            w.since(Written::default()).per(2),
            Written {
                bytes: 122_880,
                calls: 60,
                disk_bytes: 30_720
            }
        );
        assert_eq!(io_figures("rchar: 1\n"), None);
    }
}
