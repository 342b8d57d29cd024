//! Schedule use cases: add (with a preview of the next runs), list, pause, resume, remove,
//! run now — and [`App::run_due_schedules`], the scheduler's job.

use super::message::OutMessage;
use super::quiz::{tip_message, Post};
use super::{refuse, App, AppResult};
use crate::domain::format;
use crate::domain::format::{discord_time, Shown};
use crate::domain::ids::{ChannelId, GuildId, UserId};
use crate::domain::limits::MESSAGE_MAX;
use crate::domain::schedule::{
    parse_timezone, CronSchedule, NewSchedule, Run, RunOutput, ScheduleKind, ScheduleRow,
};
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use tracing::Instrument as _;

/// What `/schedule add` asks for.
pub struct AddSchedule<'a> {
    pub guild: GuildId,
    pub by: UserId,
    pub kind: &'a str,
    pub cron: &'a str,
    pub channel_id: ChannelId,
    pub timezone: Option<&'a str>,
    pub topic: Option<&'a str>,
    /// The language of the admin's reply.
    pub lang: Lang,
}

/// What happened to a due run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunReport {
    /// Posted (an outbox row was written).
    Queued { schedule_id: i64, scheduled_ms: i64 },
    /// Already ran (a restart between the run and the cursor update).
    AlreadyRan { schedule_id: i64, scheduled_ms: i64 },
    /// Too late (beyond the grace window), or superseded by a later run that is also due:
    /// skipped and logged.
    SkippedLate { schedule_id: i64, scheduled_ms: i64 },
    /// Ran, but there was nothing to post.
    NoContent { schedule_id: i64 },
}

/// A run's moment as a Discord timestamp (each reader sees it in their own language and time
/// zone), with the time in the schedule's zone the cron reads: "<t:…:F> (09:00 Europe/Berlin)".
pub fn local_time(t: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "{} ({} {tz})",
        discord_time(t, Shown::DayDateTime),
        t.with_timezone(&tz).format("%H:%M")
    )
}

impl App {
    async fn schedule_zone(&self, s: &ScheduleRow) -> AppResult<Tz> {
        match s.timezone.as_deref().and_then(|t| t.parse().ok()) {
            Some(tz) => Ok(tz),
            None => self.guild_timezone(s.guild).await,
        }
    }

    async fn check_topic(&self, guild: GuildId, topic: Option<&str>) -> AppResult<()> {
        let Some(topic) = topic else { return Ok(()) };
        let topics = self.store.topics(guild).await?;
        if !topics.iter().any(|(id, _)| id == topic) {
            let known: Vec<&str> = topics.iter().map(|(id, _)| id.as_str()).take(20).collect();
            return refuse(format!(
                "There is no topic `{}`. Pick one from the list{}.",
                format::fit(topic, 40),
                if known.is_empty() {
                    String::new()
                } else {
                    format!(": {}", known.join(", "))
                }
            ));
        }
        Ok(())
    }

    /// Checks and stores a schedule; the reply previews its next 3 runs.
    pub async fn add_schedule(&self, req: AddSchedule<'_>) -> AppResult<(i64, OutMessage)> {
        let Some(kind) = ScheduleKind::parse(req.kind) else {
            let kinds: Vec<&str> = ScheduleKind::ALL.iter().map(|k| k.as_str()).collect();
            return refuse(format!(
                "Unknown kind `{}`; use one of: {}.",
                format::fit(req.kind, 20),
                kinds.join(", ")
            ));
        };
        let cron = CronSchedule::parse(req.cron).map_err(super::Refusal)?;
        let tz = match req.timezone {
            Some(name) => parse_timezone(name, req.lang).map_err(super::Refusal)?,
            None => self.guild_timezone(req.guild).await?,
        };
        self.ensure_content(req.guild).await?;
        self.check_topic(req.guild, req.topic).await?;
        if kind == ScheduleKind::Digest && req.topic.is_some() {
            return refuse("A digest covers every topic: add it without `topic`.");
        }
        let now = self.clock.now();
        let runs = cron.upcoming(now, tz, 3);
        let id = self
            .store
            .add_schedule(
                NewSchedule {
                    guild: req.guild,
                    kind,
                    cron: cron.as_str(),
                    timezone: req.timezone.map(|_| tz.name()),
                    channel_id: req.channel_id,
                    topic: req.topic,
                    next_run_ms: runs.first().map(|t| t.timestamp_millis()),
                    created_by: req.by,
                },
                now.timestamp_millis(),
            )
            .await?;
        self.schedules_changed();
        let preview: Vec<String> = runs
            .iter()
            .map(|t| format!("• {}", local_time(*t, tz)))
            .collect();
        let topic = req.topic.map_or(String::new(), |t| format!(" on `{t}`"));
        Ok((
            id,
            OutMessage::text(format!(
                "Schedule **#{id}** added: a {}{topic} in <#{}> at `{}` ({}).\nNext runs:\n{}",
                kind.as_str(),
                req.channel_id,
                cron,
                tz.name(),
                preview.join("\n")
            )),
        ))
    }

    pub async fn list_schedules(&self, guild: GuildId) -> AppResult<OutMessage> {
        let schedules = self.store.schedules(guild).await?;
        if schedules.is_empty() {
            return Ok(OutMessage::text(
                "No schedules yet. Add one with `/schedule add`, e.g. kind `quiz`, cron `0 9 * * MON-FRI`.",
            ));
        }
        let mut lines = vec!["**Schedules**".to_string()];
        for s in &schedules {
            let tz = self.schedule_zone(s).await?;
            let next = match (s.paused, s.next_run_ms) {
                (true, _) => "paused".to_string(),
                (false, Some(ms)) => DateTime::from_timestamp_millis(ms)
                    .map_or("?".into(), |t| format!("next {}", local_time(t, tz))),
                (false, None) => "no further runs".to_string(),
            };
            let topic = s
                .topic
                .as_deref()
                .map_or(String::new(), |t| format!(" `{t}`"));
            lines.push(format!(
                "**#{}** {}{topic} in <#{}> — `{}` {} — {next}",
                s.id,
                s.kind.as_str(),
                s.channel_id,
                s.cron,
                tz.name()
            ));
        }
        Ok(OutMessage::text(format::fit(
            &lines.join("\n"),
            MESSAGE_MAX,
        )))
    }

    async fn own_schedule(&self, guild: GuildId, id: i64) -> AppResult<ScheduleRow> {
        match self.store.schedule(guild, id).await? {
            Some(s) => Ok(s),
            None => refuse(format!(
                "There is no schedule #{id} in this server. `/schedule list` shows the ids."
            )),
        }
    }

    pub async fn pause_schedule(&self, guild: GuildId, id: i64) -> AppResult<OutMessage> {
        let s = self.own_schedule(guild, id).await?;
        if s.paused {
            return Ok(OutMessage::text(format!(
                "Schedule #{id} is already paused."
            )));
        }
        self.store.set_schedule_paused(id, true, None).await?;
        Ok(OutMessage::text(format!(
            "Schedule #{id} is paused. `/schedule resume id:{id}` starts it again."
        )))
    }

    pub async fn resume_schedule(&self, guild: GuildId, id: i64) -> AppResult<OutMessage> {
        let s = self.own_schedule(guild, id).await?;
        let tz = self.schedule_zone(&s).await?;
        let cron = CronSchedule::parse(&s.cron).map_err(super::Refusal)?;
        // Runs missed while paused are not made up.
        let next = cron.next_after(self.clock.now(), tz);
        self.store
            .set_schedule_paused(id, false, next.map(|t| t.timestamp_millis()))
            .await?;
        self.schedules_changed();
        Ok(OutMessage::text(match next {
            Some(t) => format!("Schedule #{id} resumed. Next run: {}.", local_time(t, tz)),
            None => format!("Schedule #{id} resumed, but it has no further runs."),
        }))
    }

    pub async fn remove_schedule(&self, guild: GuildId, id: i64) -> AppResult<OutMessage> {
        self.own_schedule(guild, id).await?;
        self.store.remove_schedule(id, self.clock.now_ms()).await?;
        Ok(OutMessage::text(format!("Schedule #{id} removed.")))
    }

    /// Runs a schedule now, once, without moving its regular runs.
    pub async fn run_schedule_now(&self, guild: GuildId, id: i64) -> AppResult<OutMessage> {
        let s = self.own_schedule(guild, id).await?;
        let now = self.clock.now_ms();
        match self.run_one(&s, now, "manual", None).await? {
            RunReport::AlreadyRan { .. } => refuse(format!(
                "Schedule #{id} has just run. Try again in a moment."
            )),
            RunReport::NoContent { .. } if s.kind == ScheduleKind::Reinforcement => {
                refuse("Nobody has reviews due right now, so there is nothing to remind.")
            }
            RunReport::NoContent { .. } if s.kind == ScheduleKind::Pairing => refuse(
                "Nobody can be paired right now: pairings need members who opted in with `/pairing on`, one forgetting a topic and one who knows it, neither paired in the last week.",
            ),
            RunReport::NoContent { .. } => refuse(format!(
                "Schedule #{id} has nothing to post{}. Import content with `/content import` or load `/content starter`.",
                s.topic.as_deref().map_or(String::new(), |t| format!(" in topic `{t}`"))
            )),
            _ => Ok(OutMessage::text(format!(
                "Schedule #{id} is running now: the {} will appear in <#{}> in a moment.",
                s.kind.as_str(),
                s.channel_id
            ))),
        }
    }

    /// The scheduler's job: every due run happens once. A run later than the grace window is
    /// skipped (and logged); of several missed runs only the latest within the window happens.
    pub async fn run_due_schedules(&self) -> AppResult<Vec<RunReport>> {
        let now = self.clock.now();
        let now_ms = now.timestamp_millis();
        let grace_ms = i64::from(self.settings.scheduler.grace_minutes) * 60_000;
        let mut reports = Vec::new();
        for s in self.store.due_schedules(now_ms).await? {
            let Some(mut due_ms) = s.next_run_ms else {
                continue;
            };
            let tz = self.schedule_zone(&s).await?;
            let Ok(cron) = CronSchedule::parse(&s.cron) else {
                tracing::error!(schedule = s.id, cron = %s.cron, "stored cron expression no longer parses; schedule stopped");
                self.store.set_next_run(s.id, None).await?;
                continue;
            };
            // Of several missed runs only the latest can happen; the earlier ones are skipped.
            if let Some(latest) = cron
                .last_at_or_before(now, tz)
                .map(|t| t.timestamp_millis())
                .filter(|latest| *latest > due_ms)
            {
                tracing::warn!(
                    schedule = s.id,
                    first_missed = %ms_to_time(due_ms),
                    latest = %ms_to_time(latest),
                    "runs skipped: a later run is also due"
                );
                reports.push(RunReport::SkippedLate {
                    schedule_id: s.id,
                    scheduled_ms: due_ms,
                });
                due_ms = latest;
            }
            let later = cron.next_after(ms_to_time(due_ms).max(now), tz);
            let next = later.map(|t| t.timestamp_millis());
            if now_ms - due_ms > grace_ms {
                tracing::warn!(
                    schedule = s.id,
                    due = %ms_to_time(due_ms),
                    grace_minutes = self.settings.scheduler.grace_minutes,
                    "run skipped: missed by more than the grace window (the bot was down?)"
                );
                self.store.set_next_run(s.id, next).await?;
                reports.push(RunReport::SkippedLate {
                    schedule_id: s.id,
                    scheduled_ms: due_ms,
                });
                continue;
            }
            let span = tracing::info_span!("schedule_run", schedule = s.id, guild = %s.guild);
            let run = self.run_one(&s, due_ms, "posted", Some(next));
            reports.push(run.instrument(span).await?);
        }
        Ok(reports)
    }

    /// Picks what to post and records the run with it in one transaction.
    async fn run_one(
        &self,
        s: &ScheduleRow,
        scheduled_ms: i64,
        outcome: &'static str,
        next_run_ms: Option<Option<i64>>,
    ) -> AppResult<RunReport> {
        self.ensure_content(s.guild).await?;
        let kind = s.kind;
        let (output, payload) = match kind {
            ScheduleKind::Quiz => {
                let avoid = self.settings.quiz.avoid_recent_posts;
                // A topic the team is forgetting comes first, with its most forgotten items.
                let refresh: Vec<String> = self
                    .refreshers(s.guild)
                    .await?
                    .into_iter()
                    .filter(|r| s.topic.as_ref().is_none_or(|t| *t == r.topic))
                    .flat_map(|r| r.items)
                    .collect();
                let picked = self
                    .store
                    .pick_channel_question(
                        s.guild,
                        s.channel_id,
                        s.topic.as_deref(),
                        &refresh,
                        avoid,
                        f64::from(self.settings.reinforcement.mastered_stability_days),
                        self.dice.shuffle_key(),
                    )
                    .await?;
                let window_ms = self.quiz_window_minutes(s.guild).await? * 60_000;
                match picked {
                    Some(version_id) => (
                        RunOutput::Quiz {
                            version_id,
                            window_ms,
                        },
                        serde_json::to_string(&Post::Quiz).unwrap_or_default(),
                    ),
                    None => (RunOutput::Nothing, String::new()),
                }
            }
            ScheduleKind::Tip => {
                let picked = self
                    .store
                    .pick_channel_tip(
                        s.guild,
                        s.channel_id,
                        s.topic.as_deref(),
                        self.dice.shuffle_key(),
                    )
                    .await?;
                match picked {
                    Some((tip_id, topic_name, text, link)) => {
                        let lang = self.guild_lang(s.guild).await?;
                        let message = tip_message(&topic_name, &text, link.as_deref(), lang);
                        (RunOutput::Tip { tip_id }, Post::message_payload(message))
                    }
                    None => (RunOutput::Nothing, String::new()),
                }
            }
            ScheduleKind::Leaderboard => {
                let today = self.local_day(s.guild, ms_to_time(scheduled_ms)).await?;
                let (posts, finals) = self.scheduled_boards(s, today).await?;
                let output = RunOutput::Board {
                    posts: posts.into_iter().map(Post::message_payload).collect(),
                    finals: finals.into_iter().map(|f| (f.period, f.key)).collect(),
                };
                (output, String::new())
            }
            ScheduleKind::Digest => {
                let today = self.local_day(s.guild, ms_to_time(scheduled_ms)).await?;
                let digest = self.digest(s.guild, today).await?;
                let output = RunOutput::Board {
                    posts: vec![Post::message_payload(digest)],
                    finals: vec![],
                };
                (output, String::new())
            }
            ScheduleKind::Pairing => (self.pairing_run(s, scheduled_ms).await?, String::new()),
            ScheduleKind::Reinforcement => {
                let posts = self.review_reminders(s).await?;
                if posts.is_empty() {
                    (RunOutput::Nothing, String::new())
                } else {
                    (RunOutput::Posts(posts), String::new())
                }
            }
        };
        let nothing = matches!(output, RunOutput::Nothing);
        let run = Run {
            schedule_id: s.id,
            guild: s.guild,
            channel_id: s.channel_id,
            scheduled_ms,
            outcome: match (nothing, kind) {
                (true, ScheduleKind::Reinforcement | ScheduleKind::Pairing) => "nothing-due",
                (true, _) => "no-content",
                (false, _) => outcome,
            },
            output,
            payload,
            next_run_ms,
        };
        let queued = self.store.record_run(&run, self.clock.now_ms()).await?;
        if queued.is_some() {
            self.posts_queued();
        }
        Ok(match (queued, nothing) {
            (_, true) => {
                if !matches!(kind, ScheduleKind::Reinforcement | ScheduleKind::Pairing) {
                    tracing::warn!(
                        schedule = s.id,
                        "nothing to post: no content for this schedule"
                    );
                }
                RunReport::NoContent { schedule_id: s.id }
            }
            (Some(_), false) => RunReport::Queued {
                schedule_id: s.id,
                scheduled_ms,
            },
            (None, false) => RunReport::AlreadyRan {
                schedule_id: s.id,
                scheduled_ms,
            },
        })
    }
}

fn ms_to_time(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}
