//! The report's figures: the facts gathered once, each period's figures from the totals
//! kept as answers arrive, the figures computed once a day, the support list and the KPI
//! correlations.

use super::{
    DailyFigures, Facts, Forecast, KpiFinding, KpiRow, PeriodFigures, ReachedIn, TopicFigures,
    MAX_KPI_LAG_WEEKS,
};
use crate::app::{App, AppResult};
use crate::domain::analytics::{
    expert_load, lagged_correlations, needs_support, qa_figures, recent_answers, span_answers,
    time_to_competency, AskFact, AssignmentFact, Figure, MemberSignals, RecentAnswers, SpanAnswers,
    SpanTotals, SupportReason, SupportRules,
};
use crate::domain::format::fit;
use crate::domain::ids::GuildId;
use crate::domain::memory::{Memory, MemoryModel};
use crate::domain::periods::{Period, Span};
use crate::domain::refreshers::{self, Refresher};
use crate::i18n::Lang;
use crate::t;
use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;
use std::collections::{BTreeMap, HashMap, HashSet};

fn to_day(ms: i64, tz: Tz) -> NaiveDate {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .with_timezone(&tz)
        .date_naive()
}

/// The team's predicted recall of each topic they have seen, now and in 7 days.
pub(super) fn forecasts(
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
pub(super) fn report_spans(period: Period, today: NaiveDate, season_weeks: u32) -> Vec<Span> {
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

impl App {
    pub(super) async fn gather(&self, guild: GuildId, today: NaiveDate) -> AppResult<Facts> {
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
                served: a.served,
                served_verified: a.served_verified,
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
            // The analytics group by plain role numbers.
            tracks: tracks
                .into_iter()
                .map(|(role, topic, _)| (role.0, topic))
                .collect(),
            teams: teams
                .into_iter()
                .map(|(role, name)| (role.0, name))
                .collect(),
            kpis,
            today,
        })
    }

    /// The figures of each span, in the same order.
    pub(super) async fn period_figures(
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
    pub(super) async fn daily_figures(&self, facts: &Facts) -> AppResult<DailyFigures> {
        if let Some(figures) = self.kept_figures(facts.guild, facts.today).await? {
            return Ok(figures);
        }
        let memories = self.store.guild_memories(facts.guild).await?;
        let mut roles: HashMap<u64, Vec<u64>> = HashMap::new();
        for (user, role) in self.store.member_role_pairs(facts.guild).await? {
            // The analytics group members by plain role numbers.
            roles.entry(user.0).or_default().push(role.0);
        }
        let model = self.memory_model(facts.guild).await?;
        let streaks = self.store.streak_records(facts.guild).await?;
        let since = facts.today - Duration::days(27);
        let answers = self.store.answers_since(facts.guild, since).await?;
        let recent = recent_answers(&answers, facts.today);
        let knowledge = self
            .knowledge_figures(facts.guild, facts.today, &memories, &model)
            .await?;
        let forecasts = forecasts(facts, &memories, &model);
        let refreshers = self.refreshers_due(facts, &forecasts, &model).await?;
        self.store
            .log_refreshers(facts.guild, facts.today, &refreshers)
            .await?;
        let figures = DailyFigures {
            knowledge: Some(knowledge),
            forecasts,
            support: self.support_list(facts, &memories, &roles, &model, &streaks, &recent),
            refreshers,
            inferred_experts: Some(self.inferred_expert_lines(facts.guild).await?),
            computed_ms: self.clock.now().timestamp_millis(),
        };
        if let Ok(json) = serde_json::to_string(&figures) {
            self.store
                .save_daily_figures(facts.guild, facts.today, figures.computed_ms, &json)
                .await?;
        }
        Ok(figures)
    }

    /// The figures kept for `today`, if they were computed today by this version.
    pub(super) async fn kept_figures(
        &self,
        guild: GuildId,
        today: NaiveDate,
    ) -> AppResult<Option<DailyFigures>> {
        let Some((day, _, json)) = self.store.daily_figures(guild).await? else {
            return Ok(None);
        };
        if day != today {
            return Ok(None);
        }
        Ok(match serde_json::from_str::<DailyFigures>(&json) {
            Ok(figures) if figures.knowledge.is_some() => Some(figures),
            Ok(_) => None,
            Err(e) => {
                tracing::warn!(guild = %guild, error = %e, "daily figures unreadable; computing them again");
                None
            }
        })
    }

    /// Today's figures: the kept ones, else gathered and computed now.
    pub(super) async fn todays_figures(
        &self,
        guild: GuildId,
        today: NaiveDate,
    ) -> AppResult<DailyFigures> {
        if let Some(figures) = self.kept_figures(guild, today).await? {
            return Ok(figures);
        }
        let facts = self.gather(guild, today).await?;
        self.daily_figures(&facts).await
    }

    /// The topics whose forecast falls below their team target, most urgent first, each with
    /// the questions the team has forgotten most (see `domain::refreshers`).
    async fn refreshers_due(
        &self,
        facts: &Facts,
        forecasts: &[Forecast],
        model: &MemoryModel,
    ) -> AppResult<Vec<Refresher>> {
        let targets: HashMap<String, Option<f64>> = self
            .store
            .team_targets(facts.guild)
            .await?
            .into_iter()
            .collect();
        let default = self.settings.reinforcement.team_recall_target;
        let mut out = Vec::new();
        for f in forecasts {
            let target = targets.get(&f.id).copied().flatten().unwrap_or(default);
            if !refreshers::needed(f.in_7_days.value, target) {
                continue;
            }
            let mut by_item: HashMap<String, (f64, u32)> = HashMap::new();
            for (question, memory) in self.store.topic_memories(facts.guild, &f.id).await? {
                let e = by_item.entry(question).or_default();
                e.0 += model.recall(&memory, facts.today);
                e.1 += 1;
            }
            let means: Vec<(String, f64)> = by_item
                .into_iter()
                .map(|(id, (sum, n))| (id, sum / f64::from(n)))
                .collect();
            out.push(Refresher {
                topic: f.id.clone(),
                name: f.name.clone(),
                recall_now: f.now.value,
                recall_later: f.in_7_days.value,
                target,
                items: refreshers::most_forgotten(&means),
            });
        }
        out.sort_by(|a, b| {
            (a.recall_later - a.target)
                .total_cmp(&(b.recall_later - b.target))
                .then(a.topic.cmp(&b.topic))
        });
        Ok(out)
    }

    fn support_list(
        &self,
        facts: &Facts,
        memories: &[(u64, String, Memory)],
        roles: &HashMap<u64, Vec<u64>>,
        model: &MemoryModel,
        streaks: &[crate::domain::analytics::StreakRecord],
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

    /// For each imported KPI and team: how it moved with the team's weekly answers and
    /// accuracy, at lags of 0 to 4 weeks.
    pub(super) async fn kpi_findings(
        &self,
        facts: &Facts,
        lang: Lang,
    ) -> AppResult<Vec<KpiFinding>> {
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
                let text = t!(
                    lang,
                    "kpi-no-team",
                    label = label.as_str(),
                    team = fit(&team, 30)
                );
                findings.push(KpiFinding { text, rows: vec![] });
                continue;
            };
            let (people, learning) = self.store.weekly_learning(facts.guild, role).await?;
            if people < min {
                let text = t!(lang, "kpi-hidden", label = label.as_str(), min = min);
                findings.push(KpiFinding { text, rows: vec![] });
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
            // The CSV names the learning figure; the summary says it in the reader's language.
            let figures = [
                ("answers per week", "activity", &activity), // (data)
                ("accuracy", "accuracy", &accuracy),
            ];
            for (name, which, learning) in figures {
                let shown_name = t!(lang, "kpi-learning", which = which);
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
                    Some((r, l)) => {
                        let lag = t!(lang, "kpi-lag", weeks = l.lag);
                        format!("{shown_name} r = {r:+.2} {lag} (n = {})", l.n)
                    }
                    None => t!(lang, "kpi-too-few-weeks", learning = shown_name),
                });
            }
            let text = t!(
                lang,
                "kpi-finding",
                label = label.as_str(),
                findings = best.join("; ")
            );
            findings.push(KpiFinding { text, rows });
        }
        Ok(findings)
    }
}
