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
use crate::t;
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

    async fn check_topic(&self, guild: GuildId, topic: Option<&str>, lang: Lang) -> AppResult<()> {
        let Some(topic) = topic else { return Ok(()) };
        let topics = self.store.topics(guild).await?;
        if !topics.iter().any(|(id, _)| id == topic) {
            let known: Vec<&str> = topics.iter().map(|(id, _)| id.as_str()).take(20).collect();
            let topic = format::fit(topic, 40);
            return refuse(match known.is_empty() {
                true => t!(lang, "topic-unknown", topic = topic),
                false => t!(
                    lang,
                    "topic-unknown-known",
                    topic = topic,
                    known = known.join(", ")
                ),
            });
        }
        Ok(())
    }

    /// Checks and stores a schedule; the reply previews its next 3 runs.
    pub async fn add_schedule(&self, req: AddSchedule<'_>) -> AppResult<(i64, OutMessage)> {
        let lang = req.lang;
        let Some(kind) = ScheduleKind::parse(req.kind) else {
            let kinds: Vec<&str> = ScheduleKind::ALL.iter().map(|k| k.as_str()).collect();
            return refuse(t!(
                lang,
                "schedule-unknown-kind",
                kind = format::fit(req.kind, 20),
                kinds = kinds.join(", ")
            ));
        };
        let cron = CronSchedule::parse_in(req.cron, lang).map_err(super::Refusal)?;
        let tz = match req.timezone {
            Some(name) => parse_timezone(name, req.lang).map_err(super::Refusal)?,
            None => self.guild_timezone(req.guild).await?,
        };
        self.ensure_content(req.guild).await?;
        self.check_topic(req.guild, req.topic, lang).await?;
        if kind == ScheduleKind::Digest && req.topic.is_some() {
            return refuse(t!(lang, "schedule-digest-topic"));
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
        let channel = format!("<#{}>", req.channel_id);
        let (kind, cron, zone) = (kind.as_str(), cron.to_string(), tz.name());
        let added = match req.topic {
            Some(topic) => t!(
                lang,
                "schedule-added-topic",
                id = id,
                kind = kind,
                topic = topic,
                channel = channel,
                cron = cron,
                zone = zone
            ),
            None => t!(
                lang,
                "schedule-added",
                id = id,
                kind = kind,
                channel = channel,
                cron = cron,
                zone = zone
            ),
        };
        let next = t!(lang, "schedule-next-runs");
        Ok((
            id,
            OutMessage::text(format!("{added}\n{next}\n{}", preview.join("\n"))),
        ))
    }

    pub async fn list_schedules(&self, guild: GuildId, lang: Lang) -> AppResult<OutMessage> {
        let schedules = self.store.schedules(guild).await?;
        if schedules.is_empty() {
            return Ok(OutMessage::text(t!(lang, "schedules-none")));
        }
        let mut lines = vec![format!("**{}**", t!(lang, "schedules-title"))];
        for s in &schedules {
            let tz = self.schedule_zone(s).await?;
            let next = match (s.paused, s.next_run_ms) {
                (true, _) => t!(lang, "schedule-paused-state"),
                (false, Some(ms)) => DateTime::from_timestamp_millis(ms).map_or("?".into(), |t| {
                    t!(lang, "schedule-next", when = local_time(t, tz))
                }),
                (false, None) => t!(lang, "schedule-no-runs"),
            };
            let topic = s
                .topic
                .as_deref()
                .map_or(String::new(), |t| format!(" `{t}`"));
            let channel = format!("<#{}>", s.channel_id);
            let place = t!(lang, "schedule-in", channel = channel);
            lines.push(format!(
                "**#{}** {}{topic} {place} — `{}` {} — {next}",
                s.id,
                s.kind.as_str(),
                s.cron,
                tz.name()
            ));
        }
        Ok(OutMessage::text(format::fit(
            &lines.join("\n"),
            MESSAGE_MAX,
        )))
    }

    async fn own_schedule(&self, guild: GuildId, id: i64, lang: Lang) -> AppResult<ScheduleRow> {
        match self.store.schedule(guild, id).await? {
            Some(s) => Ok(s),
            None => refuse(t!(lang, "schedule-unknown", id = id)),
        }
    }

    pub async fn pause_schedule(
        &self,
        guild: GuildId,
        id: i64,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let s = self.own_schedule(guild, id, lang).await?;
        if s.paused {
            return Ok(OutMessage::text(t!(
                lang,
                "schedule-already-paused",
                id = id
            )));
        }
        self.store.set_schedule_paused(id, true, None).await?;
        Ok(OutMessage::text(t!(lang, "schedule-paused", id = id)))
    }

    pub async fn resume_schedule(
        &self,
        guild: GuildId,
        id: i64,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let s = self.own_schedule(guild, id, lang).await?;
        let tz = self.schedule_zone(&s).await?;
        let cron = CronSchedule::parse(&s.cron).map_err(super::Refusal)?;
        // Runs missed while paused are not made up.
        let next = cron.next_after(self.clock.now(), tz);
        self.store
            .set_schedule_paused(id, false, next.map(|t| t.timestamp_millis()))
            .await?;
        self.schedules_changed();
        Ok(OutMessage::text(match next {
            Some(t) => t!(lang, "schedule-resumed", id = id, when = local_time(t, tz)),
            None => t!(lang, "schedule-resumed-no-runs", id = id),
        }))
    }

    pub async fn remove_schedule(
        &self,
        guild: GuildId,
        id: i64,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        self.own_schedule(guild, id, lang).await?;
        self.store.remove_schedule(id, self.clock.now_ms()).await?;
        Ok(OutMessage::text(t!(lang, "schedule-removed", id = id)))
    }

    /// Runs a schedule now, once, without moving its regular runs.
    pub async fn run_schedule_now(
        &self,
        guild: GuildId,
        id: i64,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let s = self.own_schedule(guild, id, lang).await?;
        let now = self.clock.now_ms();
        match self.run_one(&s, now, "manual", None).await? {
            RunReport::AlreadyRan { .. } => refuse(t!(lang, "schedule-just-ran", id = id)),
            RunReport::NoContent { .. } if s.kind == ScheduleKind::Reinforcement => {
                refuse(t!(lang, "schedule-nothing-due"))
            }
            RunReport::NoContent { .. } if s.kind == ScheduleKind::Pairing => {
                refuse(t!(lang, "schedule-nobody-to-pair"))
            }
            RunReport::NoContent { .. } => refuse(match s.topic.as_deref() {
                Some(topic) => t!(
                    lang,
                    "schedule-nothing-to-post-topic",
                    id = id,
                    topic = topic
                ),
                None => t!(lang, "schedule-nothing-to-post", id = id),
            }),
            _ => Ok(OutMessage::text(t!(
                lang,
                "schedule-running",
                id = id,
                kind = s.kind.as_str(),
                channel = format!("<#{}>", s.channel_id)
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
