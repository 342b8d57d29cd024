//! `/report` for admins, the weekly `digest` schedule, and `/kpi import`.
//!
//! A report gathers the guild's facts once ([`Facts`]), computes the figures of each period
//! with [`crate::domain::analytics`] ([`PeriodFigures`]), and shows them as a summary embed or
//! as CSV (one row per metric × topic × group × period), each with a PNG trend chart. Answer
//! figures come from the totals kept as answers arrive; the recall forecast and the support
//! list read every memory and four weeks of answers, so they are computed once a day
//! ([`DailyFigures`]: in the background, or by the day's first report).
//! Figures about fewer people than `reports.min_group_size` are hidden everywhere. Members
//! who may need support are named to the admin who asked only: never in the digest or the CSV.

use super::measurement::{uplift_text, with_margin, KnowledgeFigures, TopicKnowledge};
use super::message::{colours, Embed, OutMessage};
use super::{refuse, App, AppResult};
use crate::charts::{percent_lines, Line};
use crate::domain::analytics::{
    expert_load, lagged_correlations, needs_support, qa_figures, recent_answers, span_answers,
    time_to_competency, AskFact, AssignmentFact, ExpertLoad, Figure, Gain, Lagged, MemberSignals,
    QaFigures, RecentAnswers, SpanAnswers, SpanTotals, SupportReason, SupportRules,
};
use crate::domain::format::{duration, fit};
use crate::domain::ids::{GuildId, UserId};
use crate::domain::measurement::Estimate;
use crate::domain::memory::{Memory, MemoryModel};
use crate::domain::periods::{Period, Span};
use crate::store::KpiValue;
use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// How `/report` answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Summary,
    Csv,
}

/// Weeks of learning before a KPI that are compared with it.
const MAX_KPI_LAG_WEEKS: i64 = 4;
/// Weeks an all-time report's trend chart shows at most (from the first with an answer).
const ALL_TIME_CHART_WEEKS: usize = 26;

/// Everything a report reads besides the answer totals, gathered once.
struct Facts {
    guild: GuildId,
    /// `(topic id, name)`, by name.
    topics: Vec<(String, String)>,
    asks: Vec<AskFact>,
    assignments: Vec<AssignmentFact>,
    members: usize,
    /// `(role, topic id)` of each role track.
    tracks: Vec<(u64, String)>,
    teams: Vec<(u64, String)>,
    kpis: Vec<KpiValue>,
    tz: Tz,
    today: NaiveDate,
}

/// Where members reached competency: (span index, topic id, role track or `None` for
/// everyone); counted as (days it took, members).
type ReachedIn = (usize, String, Option<u64>);

/// One topic's figures in a period.
struct TopicFigures {
    id: String,
    name: String,
    accuracy: Option<Figure>,
    gain: Option<Gain>,
    competency: Option<Figure>,
    /// Per role track on this topic: `(role, figure)`.
    track_competency: Vec<(u64, Option<Figure>)>,
}

/// The figures of one period.
struct PeriodFigures {
    span: Span,
    participation: Option<Figure>,
    accuracy: Option<Figure>,
    topics: Vec<TopicFigures>,
    qa: QaFigures,
    experts: Vec<ExpertLoad>,
}

/// The team's predicted recall of a topic now and in 7 days.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Forecast {
    id: String,
    name: String,
    now: Figure,
    in_7_days: Figure,
}

/// The figures computed once a day, kept as JSON in the store.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DailyFigures {
    /// What members know, what the experiment caused, item quality (`None` in figures kept by
    /// an earlier version: computed again).
    #[serde(default)]
    knowledge: Option<KnowledgeFigures>,
    forecasts: Vec<Forecast>,
    /// Members who may need support, by id, and why.
    support: Vec<(u64, Vec<SupportReason>)>,
    /// When they were computed (Unix ms).
    computed_ms: i64,
}

fn to_day(ms: i64, tz: Tz) -> NaiveDate {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .with_timezone(&tz)
        .date_naive()
}

/// The team's predicted recall of each topic they have seen, now and in 7 days.
fn forecasts(
    facts: &Facts,
    memories: &[(u64, String, Memory)],
    model: &MemoryModel,
) -> Vec<Forecast> {
    let later = facts.today + Duration::days(7);
    let mut by_topic: HashMap<&str, Vec<(u64, &Memory)>> = HashMap::new();
    for (user, topic, memory) in memories {
        by_topic
            .entry(topic.as_str())
            .or_default()
            .push((*user, memory));
    }
    facts
        .topics
        .iter()
        .filter_map(|(id, name)| {
            let mine = by_topic.get(id.as_str())?;
            let people: HashSet<u64> = mine.iter().map(|(u, _)| *u).collect();
            let mean = |day: NaiveDate| {
                mine.iter().map(|(_, m)| model.recall(m, day)).sum::<f64>() / mine.len() as f64
            };
            let figure = |value| Figure {
                value,
                people: people.len(),
                n: mine.len(),
            };
            Some(Forecast {
                id: id.clone(),
                name: name.clone(),
                now: figure(mean(facts.today)),
                in_7_days: figure(mean(later)),
            })
        })
        .collect()
}

/// The periods a report covers: the current one and those before it, oldest first.
fn report_spans(period: Period, today: NaiveDate, season_weeks: u32) -> Vec<Span> {
    let count = match period {
        Period::Week => 8,
        Period::Month => 6,
        Period::Season => 4,
        Period::All => 1,
    };
    let mut spans = vec![Span::containing(period, today, season_weeks)];
    while spans.len() < count {
        let Some(before) = spans.last().and_then(|s| s.previous(season_weeks)) else {
            break;
        };
        spans.push(before);
    }
    spans.reverse();
    spans
}

fn pct(f: f64) -> String {
    format!("{:.0}%", f * 100.0)
}

/// "20 min" under an hour, else "1h 5m", "2d 3h".
fn minutes_text(m: f64) -> String {
    if m < 59.5 {
        return format!("{:.0} min", m.max(0.0));
    }
    duration(std::time::Duration::from_secs_f64(m * 60.0))
}

impl App {
    async fn gather(&self, guild: GuildId, today: NaiveDate) -> AppResult<Facts> {
        self.ensure_content(guild).await?;
        let tz = self.guild_timezone(guild).await?;
        // Independent reads, run side by side on the store's readers.
        let s = &self.store;
        let (asks, assignments, topics, members, tracks, teams, kpis) = tokio::try_join!(
            s.ask_records(guild),
            s.assignment_records(guild),
            s.topics(guild),
            s.member_total(guild),
            s.tracks(guild),
            s.team_roles(guild),
            s.kpi_values(guild),
        )?;
        let asks = asks
            .into_iter()
            .map(|a| AskFact {
                asker: a.asker,
                day: to_day(a.created_ms, tz),
                created_ms: a.created_ms,
                deflected: a.deflected,
                first_response_ms: a.first_response_ms,
                resolved_ms: a.resolved_ms,
            })
            .collect();
        let assignments = assignments
            .into_iter()
            .map(|a| AssignmentFact {
                expert: a.expert,
                day: to_day(a.assigned_ms, tz),
                assigned_ms: a.assigned_ms,
                responded_ms: a.responded_ms,
                open: a.open,
            })
            .collect();
        Ok(Facts {
            guild,
            topics,
            asks,
            assignments,
            members,
            tracks: tracks
                .into_iter()
                .map(|(role, topic, _)| (role, topic))
                .collect(),
            teams,
            kpis,
            tz,
            today,
        })
    }

    /// The figures of each span, in the same order.
    async fn period_figures(
        &self,
        facts: &Facts,
        spans: Vec<Span>,
    ) -> AppResult<Vec<PeriodFigures>> {
        let (totals, reached_counts) = tokio::try_join!(
            self.store.span_totals(facts.guild, &spans),
            self.store.competency_counts(facts.guild, &spans),
        )?;
        // The guild's topics, then any topic only its answers still name.
        let mut topic_list = facts.topics.clone();
        for (_, by_topic) in &totals {
            for id in by_topic.keys() {
                if !topic_list.iter().any(|(t, _)| t == id) {
                    topic_list.push((id.clone(), id.clone()));
                }
            }
        }
        let answers = totals.iter().map(|(all, by_topic)| {
            let topics: Vec<SpanTotals> = topic_list
                .iter()
                .map(|(id, _)| by_topic.get(id).copied().unwrap_or_default())
                .collect();
            span_answers(all, &topics, facts.members)
        });
        let mut reached: HashMap<ReachedIn, Vec<(i64, usize)>> = HashMap::new();
        for c in reached_counts {
            reached
                .entry((c.span, c.topic, c.role))
                .or_default()
                .push((c.days, c.members));
        }
        let competency = |span: usize, topic: &str, role: Option<u64>| {
            let counts = reached.get(&(span, topic.to_string(), role));
            time_to_competency(counts.map_or(&[][..], Vec::as_slice))
        };
        Ok(spans
            .into_iter()
            .zip(answers)
            .enumerate()
            .map(|(i, (span, answers))| {
                let SpanAnswers {
                    participation,
                    accuracy,
                    topics,
                } = answers;
                let topics = topic_list
                    .iter()
                    .zip(topics)
                    .map(|((id, name), figures)| {
                        let track_competency = facts
                            .tracks
                            .iter()
                            .filter(|(_, t)| t == id)
                            .map(|(role, _)| (*role, competency(i, id, Some(*role))))
                            .collect();
                        TopicFigures {
                            id: id.clone(),
                            name: name.clone(),
                            accuracy: figures.accuracy,
                            gain: figures.gain,
                            competency: competency(i, id, None),
                            track_competency,
                        }
                    })
                    .collect();
                PeriodFigures {
                    participation,
                    accuracy,
                    topics,
                    qa: qa_figures(&facts.asks, &span),
                    experts: expert_load(&facts.assignments, &span),
                    span,
                }
            })
            .collect())
    }

    /// The day's figures: the ones kept when they were computed today, else computed now and
    /// kept.
    async fn daily_figures(&self, facts: &Facts) -> AppResult<DailyFigures> {
        if let Some((day, _, json)) = self.store.daily_figures(facts.guild).await? {
            if day == facts.today {
                match serde_json::from_str::<DailyFigures>(&json) {
                    Ok(figures) if figures.knowledge.is_some() => return Ok(figures),
                    Ok(_) => {}
                    Err(e) => {
                        tracing::warn!(guild = %facts.guild, error = %e, "daily figures unreadable; computing them again")
                    }
                }
            }
        }
        let memories = self.store.guild_memories(facts.guild).await?;
        let mut roles: HashMap<u64, Vec<u64>> = HashMap::new();
        for (user, role) in self.store.member_role_pairs(facts.guild).await? {
            roles.entry(user).or_default().push(role);
        }
        let model = self.memory_model(facts.guild).await?;
        let streaks = self.store.streak_records(facts.guild).await?;
        let since = facts.today - Duration::days(27);
        let answers = self.store.answers_since(facts.guild, since).await?;
        let recent = recent_answers(&answers, facts.today);
        let knowledge = self
            .knowledge_figures(facts.guild, facts.today, &memories, &model)
            .await?;
        let figures = DailyFigures {
            knowledge: Some(knowledge),
            forecasts: forecasts(facts, &memories, &model),
            support: self.support_list(facts, &memories, &roles, &model, &streaks, &recent),
            computed_ms: self.clock.now().timestamp_millis(),
        };
        if let Ok(json) = serde_json::to_string(&figures) {
            self.store
                .save_daily_figures(facts.guild, facts.today, figures.computed_ms, &json)
                .await?;
        }
        Ok(figures)
    }

    /// Computes the day's figures of every server that has none for its today yet, so the
    /// day's first report need not (run in the background); returns how many were computed.
    pub async fn refresh_daily_figures(&self) -> AppResult<usize> {
        let mut computed = 0;
        for guild in self.store.guild_ids().await? {
            // A server nobody has used yet has no content to forecast (and gets its starter
            // pack at first use, not from here).
            if !self.store.content_settled(guild).await? {
                continue;
            }
            let today = self.local_day(guild, self.clock.now()).await?;
            let kept = self.store.daily_figures(guild).await?;
            if kept.is_some_and(|(day, _, _)| day == today) {
                continue;
            }
            let facts = self.gather(guild, today).await?;
            self.daily_figures(&facts).await?;
            computed += 1;
        }
        Ok(computed)
    }

    fn support_list(
        &self,
        facts: &Facts,
        memories: &[(u64, String, Memory)],
        roles: &HashMap<u64, Vec<u64>>,
        model: &MemoryModel,
        streaks: &[crate::store::StreakRecord],
        recent: &HashMap<u64, RecentAnswers>,
    ) -> Vec<(u64, Vec<SupportReason>)> {
        let r = &self.settings.reports;
        let rules = SupportRules {
            recall_below: r.support_recall_below,
            accuracy_drop_points: f64::from(r.support_accuracy_drop_points),
            inactive_days: i64::from(r.support_inactive_days),
            min_answers: 5,
            min_items: 3,
        };
        let mut by_member: HashMap<u64, Vec<(&str, &Memory)>> = HashMap::new();
        for (user, topic, memory) in memories {
            by_member
                .entry(*user)
                .or_default()
                .push((topic.as_str(), memory));
        }
        let mut out: Vec<(u64, Vec<SupportReason>)> = streaks
            .iter()
            .filter_map(|s| {
                let my_roles = roles.get(&s.user).map_or(&[][..], Vec::as_slice);
                let track_topics: HashSet<&str> = facts
                    .tracks
                    .iter()
                    .filter(|(role, _)| my_roles.contains(role))
                    .map(|(_, t)| t.as_str())
                    .collect();
                let track_recalls = if track_topics.is_empty() {
                    vec![]
                } else {
                    by_member
                        .get(&s.user)
                        .map_or(&[][..], Vec::as_slice)
                        .iter()
                        .filter(|(topic, _)| track_topics.contains(topic))
                        .map(|(_, m)| model.recall(m, facts.today))
                        .collect()
                };
                let signals = MemberSignals {
                    user: s.user,
                    best_streak: s.best_streak,
                    last_day: s.last_day,
                    recent: recent.get(&s.user).copied().unwrap_or_default(),
                    track_recalls,
                };
                let reasons = needs_support(&signals, facts.today, &rules);
                (!reasons.is_empty()).then_some((s.user, reasons))
            })
            .collect();
        out.sort_by_key(|(user, _)| *user);
        out
    }

    /// `/report`: the current period's figures (and the ones before, in the CSV and chart).
    pub async fn report(
        &self,
        guild: GuildId,
        period: Period,
        format: ReportFormat,
    ) -> AppResult<OutMessage> {
        let today = self.local_day(guild, self.clock.now()).await?;
        let facts = self.gather(guild, today).await?;
        let weeks = self.season_weeks(guild).await?;
        let figures = self
            .period_figures(&facts, report_spans(period, today, weeks))
            .await?;
        let DailyFigures {
            knowledge,
            forecasts,
            support,
            computed_ms,
        } = self.daily_figures(&facts).await?;
        let knowledge = knowledge.unwrap_or_default();
        let kpi_lines = self.kpi_findings(&facts).await?;
        let min = self.settings.reports.min_group_size as usize;
        let chart = knowledge_chart(&knowledge, min)?;
        let current = figures.last().expect("at least one period");
        let mut message = match format {
            ReportFormat::Summary => {
                let before = figures.len().checked_sub(2).map(|i| &figures[i]);
                let mut lines = knowledge_lines(&knowledge, min);
                lines.extend(summary_lines(current, before, &forecasts, min));
                lines.extend(expert_lines(&current.experts));
                lines.extend(support_lines(&support));
                lines.extend(kpi_lines.iter().map(|k| k.text.clone()));
                if !kpi_lines.is_empty() {
                    lines.push("-# Correlation, not causation: other things change too.".into());
                }
                lines.push(format!(
                    "-# Knowledge, item flags, recall forecast and support list as of {} today (computed once a day).",
                    chrono::DateTime::from_timestamp_millis(computed_ms)
                        .unwrap_or_default()
                        .with_timezone(&facts.tz)
                        .format("%H:%M")
                ));
                report_embed(
                    format!("📊 Report — {} (so far)", current.span.label()),
                    &lines,
                )
            }
            ReportFormat::Csv => {
                let csv = report_csv(
                    &figures,
                    &knowledge,
                    &forecasts,
                    support.len(),
                    &kpi_lines,
                    min,
                );
                let covered = match figures.len() {
                    1 => current.span.label(),
                    n => format!("{} and the {} before it", current.span.label(), n - 1),
                };
                let mut m = OutMessage::text(format!(
                    "📊 Report for {covered}: one row per metric, topic, group and period. Figures about fewer than {min} people are left empty (see the `note` column); members who may need support are counted, not named."
                ));
                m.files.push((
                    format!(
                        "peerlearn-report-{}-{}.csv",
                        period.as_str(),
                        current.span.key
                    ),
                    csv.into_bytes(),
                ));
                m
            }
        };
        message.files.push(("knowledge.png".into(), chart));
        // An all-time report is one period: its chart shows the weeks instead.
        let trend = if period == Period::All {
            let mut spans = vec![Span::containing(Period::Week, today, weeks)];
            while spans.len() < ALL_TIME_CHART_WEEKS {
                match spans.last().and_then(|s| s.previous(weeks)) {
                    Some(before) => spans.push(before),
                    None => break,
                }
            }
            spans.reverse();
            let mut weekly = self.period_figures(&facts, spans).await?;
            let first = weekly
                .iter()
                .position(|p| p.accuracy.is_some())
                .unwrap_or(weekly.len().saturating_sub(1));
            weekly.drain(..first);
            trend_chart(&weekly)?
        } else {
            trend_chart(&figures)?
        };
        message.files.push(("trend.png".into(), trend));
        Ok(message)
    }

    /// What a `digest` schedule posts on `today`: last week's figures for the admin channel,
    /// with no member named.
    pub async fn digest(&self, guild: GuildId, today: NaiveDate) -> AppResult<OutMessage> {
        let facts = self.gather(guild, today).await?;
        let weeks = self.season_weeks(guild).await?;
        let this_week = Span::containing(Period::Week, today, weeks);
        let last_week = this_week
            .previous(weeks)
            .expect("weeks have a previous one");
        let mut spans = vec![last_week.clone()];
        spans.extend(last_week.previous(weeks));
        let mut figures = self.period_figures(&facts, spans).await?.into_iter();
        let figures_last_week = figures.next().expect("one figure per span");
        let before = figures.next();
        let figures = figures_last_week;
        let min = self.settings.reports.min_group_size as usize;
        let daily = self.daily_figures(&facts).await?;
        let mut lines = knowledge_lines(&daily.knowledge.unwrap_or_default(), min);
        lines.extend(summary_lines(
            &figures,
            before.as_ref(),
            &daily.forecasts,
            min,
        ));
        let support = daily.support.len();
        if support > 0 {
            lines.push(format!(
                "**{support} member{} may need support.** An admin sees who and why with `/report`.",
                if support == 1 { "" } else { "s" }
            ));
        }
        lines.push("-# `/report` has the details, the CSV and the trend chart.".into());
        Ok(report_embed(
            format!("🗞️ Weekly digest — {}", figures.span.label()),
            &lines,
        ))
    }
}

fn report_embed(title: String, lines: &[String]) -> OutMessage {
    OutMessage {
        embed: Some(Embed {
            title: fit(&title, 256),
            description: fit(&lines.join("\n"), 4000),
            colour: colours::REPORT,
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// "hidden (fewer than 5 people)" or the formatted figure.
fn shown(f: Option<&Figure>, min: usize, text: impl Fn(&Figure) -> String) -> Option<String> {
    let f = f?;
    Some(if f.visible(min) {
        text(f)
    } else {
        format!("hidden (fewer than {min} people)")
    })
}

/// The report's lead: what members know (with intervals), what the experiment caused, and the
/// questions that look flawed.
fn knowledge_lines(k: &KnowledgeFigures, min: usize) -> Vec<String> {
    let mut lines = vec![];
    let hidden = format!("hidden (fewer than {min} people)");
    let figure = |t: &TopicKnowledge| -> Option<String> {
        let now = t.now?;
        if now.people < min {
            return Some(hidden.clone());
        }
        let start = match t.start {
            Some(s) if s.people >= min => format!("{} before peerlearn asked → ", with_margin(&s)),
            _ => String::new(),
        };
        Some(format!(
            "{start}**{}** now ({} people, {} checks)",
            with_margin(&now),
            now.people,
            now.n
        ))
    };
    match figure(&k.all) {
        Some(all) => {
            lines.push("**Knowledge:** share of the question bank members know, lucky guesses taken out, from knowledge checks (random questions from the whole bank); ± is the 95% interval".into());
            lines.push(format!("• All topics: {all}"));
            for t in &k.topics {
                if let Some(text) = figure(t) {
                    lines.push(format!("• {}: {text}", fit(&t.name, 40)));
                }
            }
        }
        None => lines.push(
            "**Knowledge:** not measured yet. Knowledge checks (random questions from the whole bank) are mixed into `/quiz`, reviews and the daily quiz's \"One more?\"; figures appear once members have answered some.".into(),
        ),
    }
    if let Some(u) = &k.uplift {
        let topic = u
            .topic
            .as_deref()
            .map_or("every topic".to_string(), |t| format!("`{t}`"));
        let state = if u.running {
            format!("until {}", u.ends_day.format("%-d %b"))
        } else {
            "ended".to_string()
        };
        lines.push(format!(
            "**Experiment** (reviews held out for {}% of members at random, {topic}, since {}, {state}): {}",
            u.holdout_pct,
            u.start_day.format("%-d %b"),
            uplift_text(u, min)
        ));
    }
    let flagged = super::measurement::flagged_lines(&k.items, 5);
    if !flagged.is_empty() {
        lines.push("**Questions to look at** (from members' first tries)".into());
        lines.extend(flagged);
    }
    lines
}

/// Knowledge checks week by week, with their 95% intervals (hidden for fewer people than the
/// minimum group).
fn knowledge_chart(k: &KnowledgeFigures, min: usize) -> AppResult<Vec<u8>> {
    let weeks: Vec<_> = k.weekly.iter().filter(|(_, e)| e.people >= min).collect();
    let labels: Vec<String> = weeks
        .iter()
        .map(|(w, _)| w.format("%-d %b").to_string())
        .collect();
    let line = Line {
        name: "Knowledge checks right, lucky guesses taken out (95% interval)".into(),
        values: weeks
            .iter()
            .map(|(_, e)| Some(e.estimate * 100.0))
            .collect(),
    };
    let band = crate::charts::Band {
        line: 0,
        intervals: weeks
            .iter()
            .map(|(_, e)| Some((e.low * 100.0, e.high * 100.0)))
            .collect(),
    };
    Ok(crate::charts::percent_lines_with_bands(
        "What members know, week by week",
        &labels,
        &[line],
        &[band],
    )?)
}

fn summary_lines(
    p: &PeriodFigures,
    before: Option<&PeriodFigures>,
    forecasts: &[Forecast],
    min: usize,
) -> Vec<String> {
    let mut lines = vec![];
    let was = |f: Option<&Figure>| match f {
        Some(f) if f.visible(min) => format!(" · before: {}", pct(f.value)),
        _ => String::new(),
    };
    lines.push(format!(
        "**Participation:** {}",
        shown(p.participation.as_ref(), min, |f| format!(
            "{} of {} members answered ({}){}",
            f.n,
            f.people,
            pct(f.value),
            was(before.and_then(|b| b.participation.as_ref()))
        ))
        .unwrap_or_else(|| "nobody answered yet".into())
    ));
    lines.push(format!(
        "**Accuracy:** {}",
        shown(p.accuracy.as_ref(), min, |f| format!(
            "{} of {} answers right{}",
            pct(f.value),
            f.n,
            was(before.and_then(|b| b.accuracy.as_ref()))
        ))
        .unwrap_or_else(|| "no answers yet".into())
    ));
    let gains: Vec<String> = p
        .topics
        .iter()
        .filter_map(|t| {
            let g = t.gain?;
            let figure = Figure {
                value: g.points(),
                people: g.people,
                n: g.n,
            };
            Some(format!(
                "• {}: {}",
                fit(&t.name, 40),
                shown(Some(&figure), min, |_| format!(
                    "{} → {} ({:+.0} points) on {} questions answered again, {} people",
                    pct(g.first),
                    pct(g.latest),
                    g.points(),
                    g.n,
                    g.people
                ))?
            ))
        })
        .collect();
    if !gains.is_empty() {
        lines.push("**Re-answered questions** (first try → latest try; mostly reviews timed for about 90% recall, so this shows the schedule at work, not what people know)".into());
        lines.extend(gains);
    }
    let competency: Vec<String> = p
        .topics
        .iter()
        .filter_map(|t| {
            let overall = shown(t.competency.as_ref(), min, |f| {
                format!("median {:.1} days ({} people)", f.value, f.people)
            })?;
            let tracks: Vec<String> = t
                .track_competency
                .iter()
                .filter_map(|(role, f)| {
                    shown(f.as_ref(), min, |f| format!("{:.1} days", f.value))
                        .map(|text| format!("<@&{role}> {text}"))
                })
                .collect();
            let tracks = if tracks.is_empty() {
                String::new()
            } else {
                format!(" · tracks: {}", tracks.join(", "))
            };
            Some(format!("• {}: {overall}{tracks}", fit(&t.name, 40)))
        })
        .collect();
    if !competency.is_empty() {
        lines.push("**Time to competency** (first answer → competent)".into());
        lines.extend(competency);
    }
    if !forecasts.is_empty() {
        lines.push("**Forgetting forecast** (the memory model's predicted recall of the questions members have answered, now → in 7 days)".into());
        for f in forecasts {
            lines.push(format!(
                "• {}: {}",
                fit(&f.name, 40),
                shown(Some(&f.now), min, |now| format!(
                    "{} → {} ({} people)",
                    pct(now.value),
                    pct(f.in_7_days.value),
                    now.people
                ))
                .unwrap_or_default()
            ));
        }
    }
    let qa = &p.qa;
    if qa.asked > 0 {
        let mut text = format!(
            "**Questions:** {} asked · {} answered by what the team already knew",
            qa.asked,
            pct(qa.deflection.unwrap_or(0.0))
        );
        if let Some((m, n)) = qa.first_response_minutes {
            text.push_str(&format!(
                " · first expert reply in {} (median of {n})",
                minutes_text(m)
            ));
        }
        if let Some((m, n)) = qa.resolution_minutes {
            text.push_str(&format!(
                " · resolved in {} (median of {n})",
                minutes_text(m)
            ));
        }
        lines.push(text);
    } else {
        lines.push("**Questions:** none asked with `/ask` yet.".into());
    }
    lines
}

fn expert_lines(loads: &[ExpertLoad]) -> Vec<String> {
    if loads.is_empty() {
        return vec![];
    }
    let items: Vec<String> = loads
        .iter()
        .take(10)
        .map(|l| {
            let mut t = format!(
                "{} {} assigned, {} replied",
                crate::domain::format::member(l.expert),
                l.assigned,
                l.responded
            );
            if let Some(m) = l.median_response_minutes {
                t.push_str(&format!(" (median {})", minutes_text(m)));
            }
            if l.open > 0 {
                t.push_str(&format!(", {} still open", l.open));
            }
            t
        })
        .collect();
    vec![format!("**Expert load:** {}", items.join("; "))]
}

fn support_lines(support: &[(u64, Vec<SupportReason>)]) -> Vec<String> {
    if support.is_empty() {
        return vec!["**May need support:** nobody right now.".into()];
    }
    let mut lines = vec!["**May need support** (only you see this)".into()];
    for (user, reasons) in support.iter().take(15) {
        let why: Vec<String> = reasons
            .iter()
            .map(|r| match r {
                SupportReason::FallingAccuracy { before, now } => {
                    format!(
                        "accuracy {} → {} over the last 4 weeks",
                        pct(*before),
                        pct(*now)
                    )
                }
                SupportReason::LapsedStreak { days, best } => {
                    format!("no answer for {days} days after a {best}-day streak")
                }
                SupportReason::LowRecall { recall } => {
                    format!("predicted recall {} in their tracks' topics", pct(*recall))
                }
            })
            .collect();
        lines.push(format!("• <@{user}>: {}", why.join("; ")));
    }
    if support.len() > 15 {
        lines.push(format!(
            "• … and {} more (see the CSV count)",
            support.len() - 15
        ));
    }
    lines
}

/// A KPI finding: the text for the summary and rows for the CSV.
struct KpiFinding {
    text: String,
    rows: Vec<KpiRow>,
}

/// One correlation of a KPI with a learning series at one lag.
struct KpiRow {
    metric: String,
    team: String,
    /// "answers per week" or "accuracy".
    learning: &'static str,
    lagged: Lagged,
}

impl App {
    /// For each imported KPI and team: how it moved with the team's weekly answers and
    /// accuracy, at lags of 0 to 4 weeks.
    async fn kpi_findings(&self, facts: &Facts) -> AppResult<Vec<KpiFinding>> {
        let min = self.settings.reports.min_group_size as usize;
        let week_of = |d: NaiveDate| {
            use chrono::Datelike;
            i64::from(
                Span::containing(Period::Week, d, 1)
                    .start
                    .num_days_from_ce(),
            )
            .div_euclid(7)
        };
        let mut series: BTreeMap<(String, String), BTreeMap<i64, Vec<f64>>> = BTreeMap::new();
        for k in &facts.kpis {
            series
                .entry((k.metric.clone(), k.team.clone()))
                .or_default()
                .entry(week_of(k.day))
                .or_default()
                .push(k.value);
        }
        let mut findings = vec![];
        for ((metric, team), weeks) in series {
            let group = if team.eq_ignore_ascii_case("all") {
                Some(None)
            } else {
                facts
                    .teams
                    .iter()
                    .find(|(_, name)| name.eq_ignore_ascii_case(&team))
                    .map(|(role, _)| Some(*role))
            };
            let label = format!("`{}` ({})", fit(&metric, 40), fit(&team, 30));
            let Some(role) = group else {
                findings.push(KpiFinding {
                    text: format!("**KPI** {label}: no team role is named \"{}\"; use a team's role name or `all`.", fit(&team, 30)),
                    rows: vec![],
                });
                continue;
            };
            let (people, learning) = self.store.weekly_learning(facts.guild, role).await?;
            if people < min {
                findings.push(KpiFinding {
                    text: format!("**KPI** {label}: hidden (fewer than {min} people in the team)."),
                    rows: vec![],
                });
                continue;
            }
            let kpi: BTreeMap<i64, f64> = weeks
                .into_iter()
                .map(|(w, v)| (w, v.iter().sum::<f64>() / v.len() as f64))
                .collect();
            let answered: Vec<(i64, f64, f64)> = learning
                .iter()
                .filter(|(_, t)| t.answers > 0)
                .map(|(week, t)| (week_of(*week), t.answers as f64, t.correct as f64))
                .collect();
            let activity: BTreeMap<i64, f64> = answered.iter().map(|(w, n, _)| (*w, *n)).collect();
            let accuracy: BTreeMap<i64, f64> = answered
                .iter()
                .map(|(w, n, r)| (*w, r / n * 100.0))
                .collect();
            let mut rows = vec![];
            let mut best = vec![];
            for (name, learning) in [("answers per week", &activity), ("accuracy", &accuracy)] {
                let lags = lagged_correlations(learning, &kpi, MAX_KPI_LAG_WEEKS);
                for l in &lags {
                    rows.push(KpiRow {
                        metric: metric.clone(),
                        team: team.clone(),
                        learning: name,
                        lagged: *l,
                    });
                }
                let strongest = lags
                    .iter()
                    .filter_map(|l| l.r.map(|r| (r, l)))
                    .max_by(|a, b| a.0.abs().total_cmp(&b.0.abs()));
                best.push(match strongest {
                    Some((r, l)) => format!(
                        "{name} r = {r:+.2} {} (n = {})",
                        match l.lag {
                            0 => "in the same week".to_string(),
                            1 => "1 week later".to_string(),
                            w => format!("{w} weeks later"),
                        },
                        l.n
                    ),
                    None => format!("{name}: too few weeks to tell"),
                });
            }
            findings.push(KpiFinding {
                text: format!(
                    "**KPI** {label} vs the team's learning: {}",
                    best.join("; ")
                ),
                rows,
            });
        }
        Ok(findings)
    }

    /// Whether an attachment may be a KPI file (a `.csv` within the import size limit).
    pub fn check_kpi_upload(&self, name: &str, size: u64) -> AppResult<()> {
        if !name.to_ascii_lowercase().ends_with(".csv") {
            return refuse(format!(
                "`{}` is not a CSV file. Attach a `.csv` with the columns date, team, metric, value, e.g. `2026-11-23,Support,tickets_reopened,12`.",
                fit(name, 100)
            ));
        }
        self.check_upload(name, size)
    }

    /// `/kpi import`: a CSV of `date,team,metric,value` rows (header required). All rows are
    /// checked first; one bad row rejects the file with its line number.
    pub async fn import_kpis(
        &self,
        guild: GuildId,
        by: UserId,
        bytes: &[u8],
    ) -> AppResult<OutMessage> {
        let values = match parse_kpi_csv(bytes) {
            Ok(v) => v,
            Err(problem) => return refuse(problem),
        };
        self.store
            .import_kpis(guild, &values, by, self.clock.now_ms())
            .await?;
        let metrics: HashSet<&str> = values.iter().map(|v| v.metric.as_str()).collect();
        let teams: HashSet<&str> = values.iter().map(|v| v.team.as_str()).collect();
        let (first, last) = (
            values.iter().map(|v| v.day).min(),
            values.iter().map(|v| v.day).max(),
        );
        Ok(OutMessage::text(format!(
            "Imported {} value{} for {} metric{} and {} team{}, {} to {}. `/report` now relates them to the teams' learning (as correlation, with n).",
            values.len(),
            if values.len() == 1 { "" } else { "s" },
            metrics.len(),
            if metrics.len() == 1 { "" } else { "s" },
            teams.len(),
            if teams.len() == 1 { "" } else { "s" },
            first.map_or(String::new(), |d| d.to_string()),
            last.map_or(String::new(), |d| d.to_string()),
        )))
    }
}

/// The most KPI rows one file may hold.
pub const MAX_KPI_ROWS: usize = 10_000;

/// Reads `date,team,metric,value` rows; names the first problem with its line.
pub fn parse_kpi_csv(bytes: &[u8]) -> Result<Vec<KpiValue>, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "The file is not UTF-8 text. Save it as CSV (UTF-8).".to_string())?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("Cannot read the header line: {e}"))?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let column = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| {
            format!("The header must name the columns date, team, metric and value; `{name}` is missing.")
        })
    };
    let (date, team, metric, value) = (
        column("date")?,
        column("team")?,
        column("metric")?,
        column("value")?,
    );
    let mut out = vec![];
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| format!("Line {line}: {e}"))?;
        let field = |at: usize| record.get(at).unwrap_or("").to_string();
        let day: NaiveDate = field(date).parse().map_err(|_| {
            format!(
                "Line {line}: `{}` is not a date like 2026-11-23.",
                fit(&field(date), 20)
            )
        })?;
        let number: f64 = field(value)
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| format!("Line {line}: `{}` is not a number.", fit(&field(value), 20)))?;
        let (team, metric) = (field(team), field(metric));
        if team.is_empty() || metric.is_empty() {
            return Err(format!("Line {line}: team and metric must not be empty."));
        }
        if team.chars().count() > 100 || metric.chars().count() > 100 {
            return Err(format!(
                "Line {line}: team and metric names are limited to 100 characters."
            ));
        }
        out.push(KpiValue {
            metric,
            team,
            day,
            value: number,
        });
        if out.len() > MAX_KPI_ROWS {
            return Err(format!(
                "The file has more than {MAX_KPI_ROWS} rows; split it."
            ));
        }
    }
    if out.is_empty() {
        return Err("The file has no rows under its header.".into());
    }
    Ok(out)
}

fn trend_chart(figures: &[PeriodFigures]) -> AppResult<Vec<u8>> {
    let labels: Vec<String> = figures
        .iter()
        .map(|p| match p.span.period {
            Period::Week => p.span.start.format("%-d %b").to_string(),
            Period::Month => p.span.start.format("%b %Y").to_string(),
            Period::Season => p.span.start.format("from %-d %b").to_string(),
            Period::All => "all time".into(),
        })
        .collect();
    let line = |name: &str, pick: &dyn Fn(&PeriodFigures) -> Option<f64>| Line {
        name: name.into(),
        values: figures.iter().map(|p| pick(p).map(|v| v * 100.0)).collect(),
    };
    let lines = [
        line("Participation", &|p| p.participation.map(|f| f.value)),
        line("Accuracy", &|p| p.accuracy.map(|f| f.value)),
        line("Answered by the knowledge base", &|p| p.qa.deflection),
    ];
    Ok(percent_lines("Team trend", &labels, &lines)?)
}

/// One CSV value: the figure, the members it is about (`None`: not about members' results,
/// never hidden) and its observations.
#[derive(Clone, Copy)]
struct Cell {
    value: f64,
    people: Option<usize>,
    n: usize,
    /// The 95% interval, in the value's unit.
    interval: Option<(f64, f64)>,
    /// Why the value is left empty though enough people are behind it.
    withheld: Option<&'static str>,
}

impl From<Figure> for Cell {
    fn from(f: Figure) -> Cell {
        Cell {
            value: f.value,
            people: Some(f.people),
            n: f.n,
            interval: None,
            withheld: None,
        }
    }
}

/// A figure that is not about members' results (a count of questions, a response time).
fn plain(value: f64, n: usize) -> Option<Cell> {
    Some(Cell {
        value,
        people: None,
        n,
        interval: None,
        withheld: None,
    })
}

fn percent(f: Option<Figure>) -> Option<Cell> {
    f.map(|f| Cell {
        value: f.value * 100.0,
        ..f.into()
    })
}

/// An estimate in percent (or percentage points) with its interval.
fn estimated(e: Option<Estimate>) -> Option<Cell> {
    e.map(|e| Cell {
        value: e.estimate * 100.0,
        people: Some(e.people),
        n: e.n,
        interval: Some((e.low * 100.0, e.high * 100.0)),
        withheld: None,
    })
}

/// Writes the report rows: `period,start,end,metric,topic,group,value,people,n,note`.
struct CsvRows {
    writer: csv::Writer<Vec<u8>>,
    min_group: usize,
}

impl CsvRows {
    fn row(
        &mut self,
        span: &Span,
        metric: &str,
        topic: &str,
        group: &str,
        cell: Option<Cell>,
        digits: usize,
    ) {
        let Some(c) = cell else { return };
        let small = c.people.is_some_and(|p| p < self.min_group);
        let hidden = small || c.withheld.is_some();
        let note = match (small, c.withheld) {
            (true, _) => "hidden: fewer people than the minimum group size",
            (false, Some(why)) => why,
            (false, None) => "",
        };
        let bound = |pick: fn((f64, f64)) -> f64| match c.interval {
            Some(iv) if !hidden => format!("{:.*}", digits, pick(iv)),
            _ => String::new(),
        };
        let end = if span.period == Period::All {
            String::new()
        } else {
            (span.end - Duration::days(1)).to_string()
        };
        let _ = self.writer.write_record([
            span.period.as_str(),
            &if span.period == Period::All {
                String::new()
            } else {
                span.start.to_string()
            },
            &end,
            metric,
            topic,
            group,
            &if hidden {
                String::new()
            } else {
                format!("{:.*}", digits, c.value)
            },
            &c.people.map_or(String::new(), |p| p.to_string()),
            &c.n.to_string(),
            note,
            &bound(|iv| iv.0),
            &bound(|iv| iv.1),
        ]);
    }
}

fn report_csv(
    figures: &[PeriodFigures],
    knowledge: &KnowledgeFigures,
    forecasts: &[Forecast],
    support: usize,
    kpis: &[KpiFinding],
    min: usize,
) -> String {
    let mut w = CsvRows {
        writer: csv::Writer::from_writer(vec![]),
        min_group: min,
    };
    let _ = w.writer.write_record([
        "period", "start", "end", "metric", "topic", "group", "value", "people", "n", "note",
        "ci_low", "ci_high",
    ]);
    for p in figures {
        let s = &p.span;
        w.row(
            s,
            "participation_pct",
            "",
            "all",
            percent(p.participation),
            1,
        );
        w.row(s, "accuracy_pct", "", "all", percent(p.accuracy), 1);
        if s.period == Period::Week {
            // The week's knowledge checks, no model (the knowledge chart's points).
            let week = knowledge.weekly.iter().find(|(start, _)| *start == s.start);
            w.row(
                s,
                "knowledge_checks_pct",
                "",
                "all",
                estimated(week.map(|(_, e)| *e)),
                1,
            );
        }
        for t in &p.topics {
            w.row(s, "accuracy_pct", &t.id, "all", percent(t.accuracy), 1);
            if let Some(g) = t.gain {
                let f = |v: f64| {
                    percent(Some(Figure {
                        value: v,
                        people: g.people,
                        n: g.n,
                    }))
                };
                w.row(s, "first_try_accuracy_pct", &t.id, "all", f(g.first), 1);
                w.row(s, "latest_try_accuracy_pct", &t.id, "all", f(g.latest), 1);
            }
            w.row(
                s,
                "time_to_competency_days",
                &t.id,
                "all",
                t.competency.map(Cell::from),
                1,
            );
            for (role, f) in &t.track_competency {
                let group = format!("role:{role}");
                w.row(
                    s,
                    "time_to_competency_days",
                    &t.id,
                    &group,
                    f.map(Cell::from),
                    1,
                );
            }
        }
        let qa = &p.qa;
        w.row(
            s,
            "questions_asked",
            "",
            "all",
            plain(qa.asked as f64, qa.asked),
            0,
        );
        if let Some(d) = qa.deflection {
            w.row(
                s,
                "deflection_pct",
                "",
                "all",
                plain(d * 100.0, qa.asked),
                1,
            );
        }
        if let Some((m, n)) = qa.first_response_minutes {
            w.row(
                s,
                "first_response_minutes_median",
                "",
                "all",
                plain(m, n),
                1,
            );
        }
        if let Some((m, n)) = qa.resolution_minutes {
            w.row(s, "resolution_minutes_median", "", "all", plain(m, n), 1);
        }
        for l in &p.experts {
            let group = format!("expert:{}", l.expert);
            w.row(
                s,
                "expert_assigned",
                "",
                &group,
                plain(l.assigned as f64, l.assigned),
                0,
            );
            if let Some(m) = l.median_response_minutes {
                w.row(
                    s,
                    "expert_response_minutes_median",
                    "",
                    &group,
                    plain(m, l.responded),
                    1,
                );
            }
        }
    }
    if let Some(current) = figures.last() {
        let s = &current.span;
        for t in std::iter::once(&knowledge.all).chain(&knowledge.topics) {
            w.row(
                s,
                "knowledge_start_pct",
                &t.id,
                "all",
                estimated(t.start),
                1,
            );
            w.row(s, "knowledge_now_pct", &t.id, "all", estimated(t.now), 1);
        }
        if let Some(u) = &knowledge.uplift {
            let topic = u.topic.as_deref().unwrap_or("");
            let withhold = |c: Option<Cell>| {
                c.map(|c| Cell {
                    withheld: (!u.enough).then_some("not enough data yet"),
                    ..c
                })
            };
            for (arm, e) in [("arm:reviewed", u.reviewed), ("arm:holdout", u.holdout)] {
                w.row(
                    s,
                    "knowledge_now_pct",
                    topic,
                    arm,
                    withhold(estimated(e)),
                    1,
                );
            }
            let group = format!("experiment:{}", u.experiment);
            w.row(
                s,
                "uplift_points",
                topic,
                &group,
                withhold(estimated(u.uplift)),
                1,
            );
        }
        for i in &knowledge.items {
            let group = format!("question:{}", i.question);
            let cell = |value: f64| {
                Some(Cell {
                    value,
                    people: Some(i.n),
                    n: i.n,
                    interval: None,
                    withheld: None,
                })
            };
            w.row(
                s,
                "item_first_try_accuracy_pct",
                &i.topic,
                &group,
                cell(i.accuracy * 100.0),
                1,
            );
            if let Some(d) = i.discrimination {
                w.row(s, "item_discrimination", &i.topic, &group, cell(d), 3);
            }
            for f in &i.flags {
                let name = format!("item_flag:{}", f.code());
                w.row(s, &name, &i.topic, &group, cell(1.0), 0);
            }
        }
        for f in forecasts {
            w.row(
                s,
                "predicted_recall_now_pct",
                &f.id,
                "all",
                percent(Some(f.now)),
                1,
            );
            w.row(
                s,
                "predicted_recall_in_7_days_pct",
                &f.id,
                "all",
                percent(Some(f.in_7_days)),
                1,
            );
        }
        w.row(
            s,
            "members_needing_support",
            "",
            "all",
            plain(support as f64, support),
            0,
        );
        for k in kpis {
            for row in &k.rows {
                let Some(r) = row.lagged.r else { continue };
                let name = format!(
                    "kpi_correlation_r:{}:{}:lag_{}_weeks",
                    row.metric, row.learning, row.lagged.lag
                );
                let group = format!("team:{}", row.team);
                w.row(s, &name, "", &group, plain(r, row.lagged.n), 3);
            }
        }
    }
    String::from_utf8(w.writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
