//! A day with a big team: every member answers the morning quiz, review reminders go out to
//! everyone by direct message while the emulator enforces Discord's global limit of 50 requests
//! per second, and members look at the boards. Measures the fan-out against its lower bound
//! (requests ÷ 50 per second) and the bot process's peak memory at the end of the day, on
//! either engine.

use super::bot::{BotCommand, BotProcess, Serves};
use super::db::{BenchDb, Databases};
use super::team::Team;
use crate::app::starter;
use crate::domain::ids::GuildId;
use crate::store::sql::{query, query_scalar, Engine};
use anyhow::{bail, Context as _};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Discord's global rate limit, which the emulator enforces.
pub const GLOBAL_LIMIT_PER_SECOND: u32 = 50;

#[derive(Debug, Clone, Copy)]
pub struct DaySizes {
    pub members: usize,
    /// Members who each look at the leaderboard and their stats during the day.
    pub lookers: usize,
}

#[derive(Debug, Clone)]
pub struct DayFigures {
    pub engine: Engine,
    pub members: usize,
    pub quiz_answers: i64,
    pub dms: usize,
    /// REST requests the bot made during the fan-out (all routes under the global limit).
    pub requests: usize,
    pub fan_out: Duration,
    pub rate_limited: u32,
    pub failed_posts: i64,
    pub peak_rss_bytes: Option<u64>,
}

impl DayFigures {
    /// The least time Discord's global limit allows for the requests made.
    pub fn bound(&self) -> Duration {
        Duration::from_secs_f64(self.requests as f64 / f64::from(GLOBAL_LIMIT_PER_SECOND))
    }
}

pub async fn run(
    bot_command: &BotCommand,
    dbs: &Databases,
    engine: Engine,
    sizes: DaySizes,
) -> anyhow::Result<DayFigures> {
    let team = Team::start(sizes.members, None).await?;
    let name = format!("day_{}", engine.name().to_ascii_lowercase());
    let db = dbs.fresh(engine, &name).await?;
    seed_due_reviews(&db, &team).await?;
    let log = dbs.dir().join(format!("{name}-bot.log"));
    let serves = Serves::Guild(team.guild);
    let bot = BotProcess::launch(bot_command, &team.discord, serves, &db, &log).await?;
    let reader = db.reader().await?;

    // Morning: the quiz, answered by everyone (32 at a time).
    let posts = team.post_quizzes(1).await?;
    let post = &posts[0];
    let next = Arc::new(AtomicUsize::new(0));
    let members = Arc::new(team.members.clone());
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..32 {
        let (discord, members, next) = (
            Arc::clone(&team.discord),
            Arc::clone(&members),
            Arc::clone(&next),
        );
        let (message, buttons) = (post.message, post.buttons.clone());
        set.spawn(async move {
            while let Some(m) = members.get(next.fetch_add(1, Ordering::Relaxed)) {
                let button = &buttons[(*m as usize) % buttons.len()];
                let id = discord.click(*m, message, button)?;
                discord.reply(id).await?;
            }
            anyhow::Ok(())
        });
    }
    while let Some(done) = set.join_next().await {
        done.context("a member's clicks failed")??;
    }
    let quiz_answers: i64 = query_scalar("SELECT COUNT(*) FROM answers")
        .fetch_one(&reader)
        .await?;

    // Reviews by direct message to everyone.
    let limited_before = team.discord.rate_limited_count();
    let requests_before = team.discord.requests_timed().len();
    let start = Instant::now();
    team.run_schedule_now("reinforcement").await?;
    let deadline = start + Duration::from_secs(60 + 4 * sizes.members as u64 / 50);
    loop {
        let pending: i64 = query_scalar("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")
            .fetch_one(&reader)
            .await?;
        let queued: i64 =
            query_scalar("SELECT COUNT(*) FROM outbox WHERE recipient_id IS NOT NULL")
                .fetch_one(&reader)
                .await?;
        if pending == 0 && queued >= sizes.members as i64 {
            break;
        }
        if Instant::now() > deadline {
            bail!(
                "the fan-out did not finish: {pending} posts pending; the bot's log:\n{}",
                bot.log_tail()
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let requests: Vec<_> = team.discord.requests_timed().split_off(requests_before);
    let limited = team.discord.rate_limited_count() - limited_before;
    // The fan-out ends with its last request (the bot may still edit the quiz post later).
    let dm_posts: Vec<_> = requests
        .iter()
        .filter(|(method, path, status, _)| {
            method == "POST" && path.ends_with("/messages") && *status == 200
        })
        .collect();
    let end = dm_posts.last().map_or(start, |r| r.3);
    let in_fan_out = requests
        .iter()
        .filter(|(_, path, _, at)| *at <= end && !is_interaction_route(path))
        .count();
    let failed_posts: i64 = query_scalar("SELECT COUNT(*) FROM outbox WHERE state = 'failed'")
        .fetch_one(&reader)
        .await?;
    let bot_id = team.discord.bot_user_id();
    let dms = team
        .discord
        .wait_for("the reminders", |s| {
            Some(
                s.messages
                    .values()
                    .filter(|m| m.author_id == bot_id && m.content.contains("due for review"))
                    .count(),
            )
        })
        .await?;

    // The rest of the day: members look at the boards.
    for m in team.members.iter().take(sizes.lookers) {
        team.command(*m, "leaderboard", &[]).await?;
        team.command(*m, "stats", &[]).await?;
    }
    let peak_rss_bytes = bot.peak_rss_bytes();
    team.contract_kept(None)?;
    reader.close().await;
    bot.stop().await?;
    Ok(DayFigures {
        engine,
        members: sizes.members,
        quiz_answers,
        dms,
        requests: in_fan_out,
        fan_out: end.saturating_duration_since(start),
        rate_limited: limited,
        failed_posts,
        peak_rss_bytes,
    })
}

/// Interaction callbacks and webhooks are not under the global limit.
fn is_interaction_route(path: &str) -> bool {
    let path = path.trim_start_matches("/api/v10");
    path.starts_with("/interactions/") || path.starts_with("/webhooks/")
}

/// Before the bot starts: the starter content, and for every member a question answered weeks
/// ago that is due today, with reviews chosen by direct message.
async fn seed_due_reviews(db: &BenchDb, team: &Team) -> anyhow::Result<()> {
    let store = db.open().await?;
    let guild = GuildId(team.guild);
    store.import_content(guild, starter::bundle(), 0).await?;
    query("UPDATE guilds SET starter_loaded_ms = 0 WHERE id = ?")
        .bind(guild.to_db())
        .execute(store.writer())
        .await?;
    // Two overdue questions each: the morning quiz may bring one back as a team refresher
    // (the whole team has forgotten it), and the other is still due for the reminders.
    let questions: Vec<String> =
        query_scalar("SELECT id FROM questions WHERE guild_id = ? ORDER BY id LIMIT 2")
            .bind(guild.to_db())
            .fetch_all(store.pool())
            .await?;
    let mut tx = store.writer().begin().await?;
    for chunk in team.members.chunks(500) {
        let prefs = vec!["(?, ?, 1, 'dm')"; chunk.len()].join(", ");
        let sql = format!(
            "INSERT INTO member_prefs (guild_id, user_id, reviews_on, delivery) VALUES {prefs}"
        );
        let mut q = query(&sql);
        for m in chunk {
            q = q.bind(guild.to_db()).bind(*m as i64);
        }
        q.execute(&mut *tx).await?;
        for question in &questions {
            let rows = vec!["(?, ?, ?, 3.0, 5.0, '2026-01-01', '2026-01-05', 1, 0)"; chunk.len()]
                .join(", ");
            let sql = format!(
                "INSERT INTO memory (guild_id, user_id, question_id, stability, difficulty, last_day, due_day, reviews, lapses) VALUES {rows}"
            );
            let mut q = query(&sql);
            for m in chunk {
                q = q.bind(guild.to_db()).bind(*m as i64).bind(question);
            }
            q.execute(&mut *tx).await?;
        }
    }
    tx.commit().await?;
    store.close().await;
    Ok(())
}
