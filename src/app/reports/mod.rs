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
//!
//! The module is split by what it does: [`figures`] gathers the facts and computes the
//! figures, [`render`] turns them into the summary embed and charts, [`export`] into the CSV.
//! Parsing an uploaded KPI file is a domain rule ([`crate::domain::kpi`]).

mod export;
mod figures;
mod render;

use export::report_csv;
use figures::report_spans;
use render::{
    expert_lines, knowledge_chart, knowledge_lines, refresher_lines, report_embed, summary_lines,
    support_lines, trend_chart,
};

use super::experts::InferredLines;
use super::measurement::KnowledgeFigures;
use super::message::OutMessage;
use super::{refuse, App, AppResult};
use crate::domain::analytics::{
    AskFact, AssignmentFact, ExpertLoad, Figure, Gain, Lagged, QaFigures, SupportReason,
};
use crate::domain::format::fit;
use crate::domain::format::Shown;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::kpi::{parse_kpi_csv, KpiValue};
use crate::domain::periods::{Period, Span};
use crate::domain::refreshers::Refresher;
use crate::i18n::Lang;
use crate::t;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

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
    /// Topics whose team recall is forecast to fall below their target (empty in figures kept
    /// by an earlier version).
    #[serde(default)]
    refreshers: Vec<Refresher>,
    /// The lines on inferred experts (`None` in figures kept by an earlier version: judged
    /// again).
    #[serde(default)]
    inferred_experts: Option<InferredLines>,
    /// When they were computed (Unix ms).
    computed_ms: i64,
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

    /// `/report`: the current period's figures (and the ones before, in the CSV and chart).
    pub async fn report(
        &self,
        guild: GuildId,
        period: Period,
        format: ReportFormat,
        lang: Lang,
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
            refreshers,
            inferred_experts,
            computed_ms,
        } = self.daily_figures(&facts).await?;
        let knowledge = knowledge.unwrap_or_default();
        let kpi_lines = self.kpi_findings(&facts, lang).await?;
        let min = self.settings.reports.min_group_size as usize;
        let chart = knowledge_chart(&knowledge, min, lang)?;
        let current = figures.last().expect("at least one period");
        let mut message = match format {
            ReportFormat::Summary => {
                let before = figures.len().checked_sub(2).map(|i| &figures[i]);
                let mut lines = knowledge_lines(&knowledge, min, lang);
                lines.extend(summary_lines(current, before, &forecasts, min, lang));
                lines.extend(refresher_lines(&refreshers, lang));
                let (days, topics) = self.store.refresher_days(guild, current.span.start).await?;
                if days > 0 {
                    let span = current.span.label(lang);
                    let line = t!(
                        lang,
                        "report-refreshers",
                        span = span,
                        days = days,
                        topics = topics
                    );
                    lines.push(format!("-# {line}"));
                }
                let since = self.day_start_ms(guild, current.span.start).await?;
                lines.extend(self.pairing_lines(guild, since, lang).await?);
                lines.extend(expert_lines(&current.experts, lang));
                let inferred = match &inferred_experts {
                    Some(kept) => kept.clone(),
                    None => self.inferred_expert_lines(guild).await?,
                };
                lines.extend(inferred.named);
                let tomorrow = today.succ_opt().unwrap_or(today);
                lines.extend(
                    self.request_lines(
                        guild,
                        current.span.start,
                        current.span.end.min(tomorrow),
                        &t!(
                            lang,
                            "report-requests-title",
                            span = current.span.label(lang)
                        ),
                        lang,
                    )
                    .await?,
                );
                lines.extend(support_lines(&support, lang));
                lines.extend(kpi_lines.iter().map(|k| k.text.clone()));
                if !kpi_lines.is_empty() {
                    lines.push(format!("-# {}", t!(lang, "report-correlation")));
                }
                let at = chrono::DateTime::from_timestamp_millis(computed_ms).unwrap_or_default();
                let at = crate::domain::format::discord_time(at, Shown::Time);
                lines.push(format!("-# {}", t!(lang, "report-computed-at", time = at)));
                let title = t!(lang, "report-title", span = current.span.label(lang));
                report_embed(format!("📊 {title}"), &lines, lang)
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
                let span = current.span.label(lang);
                let before = figures.len() as i64 - 1;
                let text = t!(lang, "report-csv", span = span, before = before, min = min);
                let mut m = OutMessage::text(format!("📊 {text}"));
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
            trend_chart(&weekly, lang)?
        } else {
            trend_chart(&figures, lang)?
        };
        message.files.push(("trend.png".into(), trend));
        Ok(message)
    }

    /// The topics that need a refresher today, most urgent first, with their items: from
    /// today's figures, computed now if they are not yet (for a scheduled run; a click reads
    /// only the topics and targets the latest figures logged, `Store::current_refreshers`).
    pub(crate) async fn refreshers(&self, guild: GuildId) -> AppResult<Vec<Refresher>> {
        let today = self.local_day(guild, self.clock.now()).await?;
        Ok(self.todays_figures(guild, today).await?.refreshers)
    }

    /// The lines on quiz questions whose first tries suggest a flaw (from the day's figures).
    pub(crate) async fn flagged_questions(
        &self,
        guild: GuildId,
        today: NaiveDate,
        lang: Lang,
    ) -> AppResult<Vec<String>> {
        Ok(self
            .todays_figures(guild, today)
            .await?
            .knowledge
            .map(|k| crate::app::measurement::flagged_lines(&k.items, 5, lang))
            .unwrap_or_default())
    }

    /// What a `digest` schedule posts on `today`: last week's figures for the admin channel,
    /// with no member named.
    pub async fn digest(&self, guild: GuildId, today: NaiveDate) -> AppResult<OutMessage> {
        // A channel post: the server's language.
        let lang = self.guild_lang(guild).await?;
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
        let mut lines = knowledge_lines(&daily.knowledge.unwrap_or_default(), min, lang);
        lines.extend(summary_lines(
            &figures,
            before.as_ref(),
            &daily.forecasts,
            min,
            lang,
        ));
        lines.extend(refresher_lines(&daily.refreshers, lang));
        let since = self.day_start_ms(guild, last_week.start).await?;
        lines.extend(self.pairing_lines(guild, since, lang).await?);
        let inferred = match daily.inferred_experts {
            Some(kept) => kept,
            None => self.inferred_expert_lines(guild).await?,
        };
        lines.extend(inferred.unnamed);
        lines.extend(
            self.request_lines(
                guild,
                last_week.start,
                last_week.end,
                &t!(lang, "digest-unanswered"),
                lang,
            )
            .await?,
        );
        let support = daily.support.len();
        if support > 0 {
            lines.push(t!(lang, "digest-support", count = support));
        }
        lines.push(format!("-# {}", t!(lang, "digest-footer")));
        let title = t!(lang, "digest-title", span = figures.span.label(lang));
        Ok(report_embed(format!("🗞️ {title}"), &lines, lang))
    }
    /// Whether an attachment may be a KPI file (a `.csv` within the import size limit).
    pub fn check_kpi_upload(&self, name: &str, size: u64, lang: Lang) -> AppResult<()> {
        if !name.to_ascii_lowercase().ends_with(".csv") {
            return refuse(t!(lang, "kpi-not-csv", name = fit(name, 100)));
        }
        self.check_upload(name, size, lang)
    }

    /// `/kpi import`: a CSV of `date,team,metric,value` rows (header required). All rows are
    /// checked first; one bad row rejects the file with its line number.
    pub async fn import_kpis(
        &self,
        guild: GuildId,
        by: UserId,
        bytes: &[u8],
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let values = match parse_kpi_csv(bytes, lang) {
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
        Ok(OutMessage::text(t!(
            lang,
            "kpi-imported",
            values = values.len(),
            metrics = metrics.len(),
            teams = teams.len(),
            from = first.map_or(String::new(), |d| d.to_string()),
            to = last.map_or(String::new(), |d| d.to_string())
        )))
    }
}
