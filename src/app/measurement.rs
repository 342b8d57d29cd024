//! Honest measurement in use: knowledge checks mixed into members' questions, randomized
//! holdout experiments (`/experiment start|status|stop`), and the figures the report leads with
//! (knowledge at the start and now, the experiment's uplift, item quality). The estimators are
//! in [`crate::domain::measurement`]; they are computed with the report's daily figures, since
//! they read every memory.

use super::message::{Button, OutMessage, Style};
use super::{refuse, App, AppResult};
use crate::dice::SplitMix64;
use crate::domain::answer_key::QuestionKind;
use crate::domain::content::QuestionVersion;
use crate::domain::custom_id::ComponentId;
use crate::domain::format::{discord_day, fit};
use crate::domain::ids::{GuildId, UserId};
use crate::domain::limits::MESSAGE_MAX;
use crate::domain::measurement::Experiment;
use crate::domain::measurement::{
    assign_holdout, block_holdout, check_due, check_mean, decay_weight, guess_corrected,
    item_stats, knowledge, knowledge_set, uplift, CheckScore, Estimate, FirstTry, ItemFlag,
    MemberKnowledge, MemberTopic, When, NOW_HALF_LIFE_DAYS, START_HALF_LIFE_DAYS,
};
use crate::domain::memory::{Memory, MemoryModel};
use crate::domain::periods::{Period, Span};
use crate::domain::quiz::CheckFacts;
use crate::i18n::Lang;
use crate::t;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Holdout shares an experiment may use, in percent.
pub const HOLDOUT_PERCENT: (u32, u32) = (5, 50);
/// How long an experiment may run, in weeks.
pub const EXPERIMENT_WEEKS: (u32, u32) = (1, 52);
/// Days of checks that calibrate today's knowledge.
const CHECK_WINDOW_DAYS: i64 = 28;
/// Checks each arm needs before an uplift is shown.
pub const MIN_ARM_CHECKS: usize = 20;
/// Weeks of knowledge checks the chart shows at most.
const CHART_WEEKS: usize = 26;

/// One topic's knowledge (or all topics', with an empty id).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicKnowledge {
    pub id: String,
    pub name: String,
    pub start: Option<Estimate>,
    pub now: Option<Estimate>,
}

/// What an experiment shows so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpliftFigures {
    pub experiment: i64,
    pub topic: Option<String>,
    pub holdout_pct: u32,
    pub start_day: NaiveDate,
    pub ends_day: NaiveDate,
    pub running: bool,
    /// Members in each arm (who have answered).
    pub reviewed_members: usize,
    pub holdout_members: usize,
    pub reviewed: Option<Estimate>,
    pub holdout: Option<Estimate>,
    pub uplift: Option<Estimate>,
    /// Whether each arm has enough people and checks for the uplift to mean something.
    pub enough: bool,
}

fn single_choice() -> QuestionKind {
    QuestionKind::Single
}

/// A question's quality, for authors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemLine {
    pub question: String,
    pub topic: String,
    /// How it is answered (figures computed before kinds read as single choice).
    #[serde(default = "single_choice")]
    pub kind: QuestionKind,
    pub n: usize,
    pub accuracy: f64,
    pub discrimination: Option<f64>,
    pub picks: Vec<usize>,
    pub flags: Vec<ItemFlag>,
}

/// The honest figures, computed once a day with the report's daily figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KnowledgeFigures {
    pub all: TopicKnowledge,
    pub topics: Vec<TopicKnowledge>,
    pub uplift: Option<UpliftFigures>,
    /// Guess-corrected score of the knowledge checks of each week (its Monday), oldest first.
    pub weekly: Vec<(NaiveDate, Estimate)>,
    pub items: Vec<ItemLine>,
}

fn one_hot(len: usize, at: usize) -> Vec<f64> {
    (0..len).map(|i| if i == at { 1.0 } else { 0.0 }).collect()
}

impl App {
    /// Whether the member's next personal question is a knowledge check (at the configured
    /// share, under the daily cap).
    pub(super) async fn check_now(
        &self,
        guild: GuildId,
        user: UserId,
        today: NaiveDate,
    ) -> AppResult<bool> {
        let m = &self.settings.measurement;
        if m.check_share <= 0.0 || m.checks_per_day == 0 {
            return Ok(false);
        }
        let roll = self.dice.unit();
        if roll >= m.check_share {
            // Most personal questions: no need to count today's checks.
            return Ok(false);
        }
        let done = self.store.checks_answered_on(guild, user, today).await?;
        Ok(check_due(roll, m.check_share, done, m.checks_per_day))
    }

    /// Whether the member may still answer a knowledge check today (under the daily cap).
    async fn checks_left(&self, guild: GuildId, user: UserId, today: NaiveDate) -> AppResult<bool> {
        let done = self.store.checks_answered_on(guild, user, today).await?;
        Ok(done < self.settings.measurement.checks_per_day)
    }

    /// A question drawn uniformly at random from the bank (of `topic` if given).
    pub(super) async fn random_question(
        &self,
        guild: GuildId,
        user: UserId,
        topic: Option<&str>,
    ) -> AppResult<Option<QuestionVersion>> {
        let candidates = self
            .store
            .practice_candidates(guild, user, topic, self.dice.shuffle_key())
            .await?;
        if candidates.is_empty() {
            return Ok(None);
        }
        let pick = SplitMix64::new(self.dice.next_u64()).below(candidates.len() as u64) as usize;
        Ok(self
            .store
            .guild_question_version(guild, candidates[pick].version_id)
            .await?)
    }

    /// What is stored with a check answer: the model's prediction just before it, and whether
    /// the member met the question for the first time. `None` once the member has answered
    /// today's checks (the answer then counts as an ordinary one).
    pub(super) async fn check_facts(
        &self,
        guild: GuildId,
        user: UserId,
        question_id: &str,
        today: NaiveDate,
    ) -> AppResult<Option<CheckFacts>> {
        if !self.checks_left(guild, user, today).await? {
            return Ok(None);
        }
        let memory = self.store.memory_of(guild, user, question_id).await?;
        let model = self.memory_model(guild).await?;
        Ok(Some(CheckFacts {
            predicted: memory.as_ref().map_or(0.0, |m| model.recall(m, today)),
            first: memory.is_none(),
        }))
    }

    /// The experiment running in the guild on `today`, if any.
    pub async fn running_experiment(
        &self,
        guild: GuildId,
        today: NaiveDate,
    ) -> AppResult<Option<Experiment>> {
        Ok(self
            .store
            .latest_experiment(guild)
            .await?
            .filter(|e| e.running(today)))
    }

    /// The running experiment, when the member is in its holdout arm (assigning them on
    /// arrival).
    pub async fn holdout_of(
        &self,
        guild: GuildId,
        user: UserId,
        today: NaiveDate,
    ) -> AppResult<Option<Experiment>> {
        let Some(e) = self.running_experiment(guild, today).await? else {
            return Ok(None);
        };
        let (percent, seed) = (e.holdout_pct, e.seed);
        let held = self
            .store
            .arm_of(e.id, user, self.clock.now_ms(), |k| {
                block_holdout(k, percent, seed)
            })
            .await?;
        Ok(held.then_some(e))
    }

    /// `/experiment start`: a randomized holdout for `topic` (`None`: every topic).
    pub async fn experiment_start(
        &self,
        guild: GuildId,
        by: UserId,
        topic: Option<&str>,
        holdout_pct: u32,
        weeks: u32,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        self.ensure_content(guild).await?;
        let (lo, hi) = HOLDOUT_PERCENT;
        if !(lo..=hi).contains(&holdout_pct) {
            return refuse(t!(lang, "experiment-holdout-range", min = lo, max = hi));
        }
        let (wlo, whi) = EXPERIMENT_WEEKS;
        if !(wlo..=whi).contains(&weeks) {
            return refuse(t!(lang, "experiment-weeks-range", min = wlo, max = whi));
        }
        let topics = self.store.topics(guild).await?;
        let found = topic.map(|t| {
            topics
                .iter()
                .find(|(id, name)| id == t || name.eq_ignore_ascii_case(t))
        });
        let (topic, topic_name) = match (topic, found.flatten()) {
            (None, _) => (None, t!(lang, "experiment-every-topic")),
            (Some(_), Some((id, name))) => (Some(id.as_str()), name.clone()),
            (Some(t), None) => {
                return refuse(t!(lang, "experiment-unknown-topic", topic = fit(t, 40)));
            }
        };
        let today = self.local_day(guild, self.clock.now()).await?;
        let tz = self.guild_timezone(guild).await?;
        if let Some(e) = self.running_experiment(guild, today).await? {
            let until = discord_day(e.ends_day, tz);
            return refuse(t!(lang, "experiment-already-running", until = until));
        }
        let seed = self.dice.next_u64() >> 1;
        let known = self.store.known_members(guild).await?;
        let arms = assign_holdout(&known, holdout_pct, seed);
        let ends_day = today + Duration::weeks(i64::from(weeks));
        let new = crate::domain::measurement::NewExperiment {
            guild,
            topic,
            holdout_pct,
            seed,
            by,
            now_ms: self.clock.now_ms(),
            start_day: today,
            ends_day,
        };
        self.store.start_experiment(&new, &arms).await?;
        let held = arms.iter().filter(|a| a.1).count();
        let started = t!(
            lang,
            "experiment-started",
            topic = topic_name,
            until = discord_day(ends_day, tz),
            percent = holdout_pct,
            held = held,
            known = known.len()
        );
        Ok(OutMessage::text(format!("🧪 {started}")))
    }

    /// `/experiment stop`.
    pub async fn experiment_stop(&self, guild: GuildId, lang: Lang) -> AppResult<OutMessage> {
        let today = self.local_day(guild, self.clock.now()).await?;
        let Some(e) = self.running_experiment(guild, today).await? else {
            return refuse(t!(lang, "experiment-none-running"));
        };
        self.store
            .stop_experiment(e.id, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(format!(
            "🧪 {}",
            t!(lang, "experiment-stopped")
        )))
    }

    /// `/experiment status`: the running (or last) experiment and its uplift so far.
    pub async fn experiment_status(&self, guild: GuildId, lang: Lang) -> AppResult<OutMessage> {
        let today = self.local_day(guild, self.clock.now()).await?;
        let Some(e) = self.store.latest_experiment(guild).await? else {
            return refuse(t!(lang, "experiment-none-yet"));
        };
        let facts = self.knowledge_now(guild, today).await?;
        let min = self.settings.reports.min_group_size as usize;
        let tz = self.guild_timezone(guild).await?;
        let topic = match &e.topic {
            None => t!(lang, "experiment-every-topic"),
            Some(t) => format!("`{t}`"),
        };
        let state = if e.running(today) {
            t!(
                lang,
                "experiment-running-until",
                until = discord_day(e.ends_day, tz)
            )
        } else {
            t!(lang, "experiment-ended")
        };
        let status = t!(
            lang,
            "experiment-status",
            topic = topic,
            percent = e.holdout_pct,
            since = discord_day(e.start_day, tz),
            state = state
        );
        let mut text = format!("🧪 {status}\n");
        match facts.uplift.as_ref() {
            Some(u) => text.push_str(&uplift_text(u, min, lang)),
            None => text.push_str(&t!(lang, "experiment-no-data")),
        }
        Ok(OutMessage::text(fit(&text, MESSAGE_MAX)))
    }

    /// "One more?" after a channel quiz: a knowledge check, if today's are not done.
    pub async fn check_start(
        &self,
        guild: GuildId,
        user: UserId,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let today = self.local_day(guild, self.clock.now()).await?;
        if !self.checks_left(guild, user, today).await? {
            return refuse(t!(lang, "check-done-today"));
        }
        let Some(v) = self.random_question(guild, user, None).await? else {
            return refuse(t!(lang, "practice-no-questions"));
        };
        Ok(super::quiz::practice_card(
            &v,
            self.clock.now_ms(),
            true,
            lang,
        ))
    }

    /// The "One more?" button under a channel quiz's feedback, while the member has checks
    /// left today. It is optional, so it is offered every time rather than at the share: the
    /// members who only answer the daily quiz (an experiment's holdout among them) get checks
    /// too.
    pub(super) async fn offer_check(
        &self,
        guild: GuildId,
        user: UserId,
        today: NaiveDate,
        lang: Lang,
    ) -> AppResult<Option<Button>> {
        if self.settings.measurement.check_share <= 0.0 {
            return Ok(None);
        }
        Ok(self.checks_left(guild, user, today).await?.then(|| Button {
            custom_id: ComponentId::CheckStart.encode(),
            label: t!(lang, "check-offer"),
            style: Style::Secondary,
            disabled: false,
        }))
    }

    /// The knowledge figures as of now (reads every memory: the report keeps them once a day).
    pub async fn knowledge_now(
        &self,
        guild: GuildId,
        today: NaiveDate,
    ) -> AppResult<KnowledgeFigures> {
        let memories = self.store.guild_memories(guild).await?;
        let model = self.memory_model(guild).await?;
        self.knowledge_figures(guild, today, &memories, &model)
            .await
    }

    /// Computes [`KnowledgeFigures`] from the guild's memories and checks.
    pub(super) async fn knowledge_figures(
        &self,
        guild: GuildId,
        today: NaiveDate,
        memories: &[(u64, String, Memory)],
        model: &MemoryModel,
    ) -> AppResult<KnowledgeFigures> {
        let s = &self.store;
        let epoch = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
        let (topics, keys, members, checks, tries, experiment, started) = tokio::try_join!(
            s.topics(guild),
            s.question_keys(guild),
            s.answering_members(guild),
            s.check_records(guild, epoch),
            s.first_tries(guild),
            s.latest_experiment(guild),
            s.first_answers(guild),
        )?;
        // Each member's first answer: their start.
        let tz = self.guild_timezone(guild).await?;
        let first_day: HashMap<u64, NaiveDate> = started
            .into_iter()
            .filter_map(|(user, ms)| {
                let day = chrono::DateTime::from_timestamp_millis(ms)?
                    .with_timezone(&tz)
                    .date_naive();
                Some((user, day))
            })
            .collect();
        // Topics with questions, and their share of the bank.
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (_, topic, _, _, _) in &keys {
            *counts.entry(topic.as_str()).or_default() += 1;
        }
        let banked: Vec<(String, String)> = topics
            .into_iter()
            .filter(|(id, _)| counts.contains_key(id.as_str()))
            .collect();
        let total = keys.len().max(1) as f64;
        let weights: Vec<f64> = banked
            .iter()
            .map(|(id, _)| counts[id.as_str()] as f64 / total)
            .collect();
        let topic_index: HashMap<&str, usize> = banked
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.as_str(), i))
            .collect();
        let facts_since = |since: NaiveDate| {
            let mut by_member: BTreeMap<u64, MemberKnowledge> = members
                .iter()
                .map(|u| {
                    let topics = banked
                        .iter()
                        .map(|(id, _)| MemberTopic {
                            unseen: counts[id.as_str()] as u32,
                            ..Default::default()
                        })
                        .collect();
                    (*u, MemberKnowledge { user: *u, topics })
                })
                .collect();
            for (user, topic, memory) in memories {
                let (Some(m), Some(&t)) =
                    (by_member.get_mut(user), topic_index.get(topic.as_str()))
                else {
                    continue;
                };
                let mt = &mut m.topics[t];
                mt.seen += 1;
                mt.unseen = mt.unseen.saturating_sub(1);
                mt.predicted += model.recall(memory, today);
            }
            for c in &checks {
                let (Some(m), Some(&t)) = (
                    by_member.get_mut(&c.user),
                    topic_index.get(c.topic.as_str()),
                ) else {
                    continue;
                };
                let y = guess_corrected(c.correct, c.kind.guess_chance(c.choices));
                let age = (today - c.day).num_days() as f64;
                let now = decay_weight(age, NOW_HALF_LIFE_DAYS);
                let mt = &mut m.topics[t];
                if c.first {
                    let start = first_day.get(&c.user).copied().unwrap_or(c.day);
                    let after = (c.day - start).num_days() as f64;
                    mt.add_first(y, now, decay_weight(after, START_HALF_LIFE_DAYS));
                } else if c.day >= since {
                    mt.add_check(c.predicted, y, now);
                }
            }
            by_member
        };
        // The resamples depend on the day only, so a report shows the same interval all day.
        let seed = (today - epoch).num_days() as u64;
        let window = facts_since(today - Duration::days(CHECK_WINDOW_DAYS - 1));
        let everyone: Vec<&MemberKnowledge> = window.values().collect();
        // All topics, then each alone, from one bootstrap.
        let mut asked = vec![weights.clone()];
        asked.extend((0..banked.len()).map(|i| one_hot(banked.len(), i)));
        let mut estimates = knowledge_set(&everyone, &asked, seed).into_iter();
        let (start, now) = estimates.next().unwrap_or((None, None));
        let all = TopicKnowledge {
            id: String::new(),
            name: "All topics".into(), // (data)
            start,
            now,
        };
        let per_topic = banked
            .iter()
            .zip(estimates)
            .map(|((id, name), (start, now))| TopicKnowledge {
                id: id.clone(),
                name: name.clone(),
                start,
                now,
            })
            .collect();

        let uplift_figures = match experiment {
            None => None,
            Some(e) => {
                let arms: HashMap<u64, bool> = s.experiment_arms(e.id).await?.into_iter().collect();
                let since = facts_since(e.start_day);
                let arm_weights = match e.topic.as_deref().and_then(|t| topic_index.get(t)) {
                    Some(&t) => one_hot(banked.len(), t),
                    None => weights.clone(),
                };
                // Members are compared once assigned (at the start, or on arrival: before any
                // reminder could reach them).
                let (mut reviewed, mut held) = (vec![], vec![]);
                for m in since.values() {
                    match arms.get(&m.user) {
                        Some(true) => held.push(m),
                        Some(false) => reviewed.push(m),
                        None => {}
                    }
                }
                let min = self.settings.reports.min_group_size as usize;
                let now = |arm: &[&MemberKnowledge]| knowledge(arm, &arm_weights, When::Now, seed);
                let (r, h) = (now(&reviewed), now(&held));
                let enough = [r, h]
                    .iter()
                    .all(|x| x.is_some_and(|x| x.people >= min && x.n >= MIN_ARM_CHECKS));
                Some(UpliftFigures {
                    experiment: e.id,
                    topic: e.topic.clone(),
                    holdout_pct: e.holdout_pct,
                    start_day: e.start_day,
                    ends_day: e.ends_day,
                    running: e.running(today),
                    reviewed_members: reviewed.len(),
                    holdout_members: held.len(),
                    reviewed: r,
                    holdout: h,
                    uplift: uplift(&reviewed, &held, &arm_weights, seed),
                    enough,
                })
            }
        };

        // The weekly points of the chart: each week's checks, no model.
        let weeks = self.season_weeks(guild).await?;
        let mut by_week: BTreeMap<NaiveDate, Vec<CheckScore>> = BTreeMap::new();
        for c in &checks {
            let week = Span::containing(Period::Week, c.day, weeks).start;
            by_week.entry(week).or_default().push(CheckScore {
                user: c.user,
                score: guess_corrected(c.correct, c.kind.guess_chance(c.choices)),
            });
        }
        let weekly: Vec<(NaiveDate, Estimate)> = by_week
            .into_iter()
            .rev()
            .take(CHART_WEEKS)
            .filter_map(|(week, list)| Some((week, check_mean(&list, seed)?)))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();

        let items = item_lines(&keys, tries);
        Ok(KnowledgeFigures {
            all,
            topics: per_topic,
            uplift: uplift_figures,
            weekly,
            items,
        })
    }
}

/// Item statistics of every current question with first tries, from the questions' keys
/// `(id, topic, kind, choices, right choice)` and the first tries. Picks per choice are
/// counted where a member picks one choice (single choice, true/false); other kinds store
/// a set of choices or a typed answer, and get accuracy and discrimination only.
fn item_lines(
    keys: &[(String, String, QuestionKind, usize, usize)],
    tries: Vec<crate::domain::measurement::FirstTryRecord>,
) -> Vec<ItemLine> {
    let topic_of: HashMap<&str, (&str, QuestionKind)> = keys
        .iter()
        .map(|(q, t, kind, _, _)| (q.as_str(), (t.as_str(), *kind)))
        .collect();
    let key_map: HashMap<String, (usize, usize)> = keys
        .iter()
        .map(|(q, _, kind, n, right)| {
            let listed = match kind {
                QuestionKind::Single | QuestionKind::TrueFalse => *n,
                _ => 0,
            };
            (q.clone(), (listed, *right))
        })
        .collect();
    let tries: Vec<FirstTry> = tries
        .into_iter()
        .map(|t| FirstTry {
            user: t.user,
            question: t.question,
            choice: t.choice,
            correct: t.correct,
        })
        .collect();
    item_stats(&tries, &key_map)
        .into_iter()
        .map(|i| ItemLine {
            topic: topic_of
                .get(i.question.as_str())
                .map(|(t, _)| t.to_string())
                .unwrap_or_default(),
            kind: topic_of
                .get(i.question.as_str())
                .map_or(QuestionKind::Single, |(_, k)| *k),
            question: i.question,
            n: i.n,
            accuracy: i.accuracy,
            discrimination: i.discrimination,
            picks: i.picks,
            flags: i.flags,
        })
        .collect()
}

impl App {
    /// Every current question's statistics from first tries (for `/content stats`).
    pub async fn item_quality(&self, guild: GuildId) -> AppResult<Vec<ItemLine>> {
        let (keys, tries) = tokio::try_join!(
            self.store.question_keys(guild),
            self.store.first_tries(guild)
        )?;
        Ok(item_lines(&keys, tries))
    }
}

/// Item statistics as CSV: one row per question.
pub fn items_csv(items: &[ItemLine]) -> String {
    let mut w = csv::Writer::from_writer(vec![]);
    let _ = w.write_record([
        "question",
        "topic",
        "first_tries",
        "first_try_right_pct",
        "discrimination",
        "picked_a",
        "picked_b",
        "picked_c",
        "picked_d",
        "picked_e",
        "flags",
    ]);
    for i in items {
        let pick = |c: usize| i.picks.get(c).map_or(String::new(), |n| n.to_string());
        let flags: Vec<String> = i.flags.iter().map(|f| f.code()).collect();
        let _ = w.write_record([
            i.question.clone(),
            i.topic.clone(),
            i.n.to_string(),
            format!("{:.1}", i.accuracy * 100.0),
            i.discrimination
                .map_or(String::new(), |d| format!("{d:.3}")),
            pick(0),
            pick(1),
            pick(2),
            pick(3),
            pick(4),
            flags.join(";"),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The flagged questions, for authors (at most `max` lines).
pub fn flagged_lines(items: &[ItemLine], max: usize, lang: Lang) -> Vec<String> {
    let flagged: Vec<&ItemLine> = items.iter().filter(|i| !i.flags.is_empty()).collect();
    let mut lines: Vec<String> = flagged
        .iter()
        .take(max)
        .map(|i| {
            let why: Vec<String> = i.flags.iter().map(|f| f.describe(i.kind, lang)).collect();
            let tries = t!(
                lang,
                "item-first-tries",
                share = lang.percent(i.accuracy),
                n = i.n
            );
            format!("• `{}`: {}; {tries}", fit(&i.question, 40), why.join("; "))
        })
        .collect();
    if flagged.len() > max {
        let more = t!(lang, "item-more", count = flagged.len() - max);
        lines.push(format!("• … {more}"));
    }
    lines
}

/// "44% ± 5" (percent, the interval's half-width in points).
pub fn with_margin(e: &Estimate, lang: Lang) -> String {
    format!(
        "{} ± {:.0}",
        lang.percent(e.estimate),
        (e.margin() * 100.0).max(0.5)
    )
}

/// The experiment's result for an admin.
pub fn uplift_text(u: &UpliftFigures, min: usize, lang: Lang) -> String {
    let arms = t!(
        lang,
        "uplift-arms",
        reviewed = u.reviewed_members,
        holdout = u.holdout_members
    );
    let points = |x: f64| format!("{:+.0}", x * 100.0);
    match (u.enough, u.uplift, u.reviewed, u.holdout) {
        (true, Some(up), Some(r), Some(h)) => t!(
            lang,
            "uplift-caused",
            uplift = points(up.estimate),
            low = points(up.low),
            high = points(up.high),
            reviewed = with_margin(&r, lang),
            holdout = with_margin(&h, lang),
            arms = arms,
            checks = up.n
        ),
        _ => t!(
            lang,
            "uplift-not-enough",
            min = min,
            checks = MIN_ARM_CHECKS,
            arms = arms
        ),
    }
}
