//! `/stats`: a member's answers, weekly accuracy against the team's, streak, mastery per topic,
//! points and help to others, with a PNG chart. Members see their own; admins anyone's.

use super::message::{colours, Embed, OutMessage};
use super::{refuse, App, AppResult};
use crate::charts::{percent_lines, Line};
use crate::domain::boards::{BoardScope, Tally};
use crate::domain::format::fit;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::limits::EMBED_DESCRIPTION_MAX;
use crate::domain::mastery::bar;
use crate::domain::periods::{Period, Span};
use crate::i18n::Lang;
use crate::t;
use chrono::Duration;
use std::collections::HashMap;

/// Weeks the accuracy trend covers.
const TREND_WEEKS: i64 = 8;

impl App {
    /// `/stats [member]`: `viewer` sees their own, or anyone's when `viewer_is_admin`.
    pub async fn stats(
        &self,
        guild: GuildId,
        viewer: UserId,
        member: UserId,
        viewer_is_admin: bool,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        if member != viewer && !viewer_is_admin {
            return refuse(t!(lang, "stats-private"));
        }
        self.ensure_content(guild).await?;
        let today = self.local_day(guild, self.clock.now()).await?;
        let weeks = self.season_weeks(guild).await?;
        let this_week = Span::containing(Period::Week, today, weeks);
        let spans: Vec<Span> = (0..TREND_WEEKS)
            .rev()
            .map(|i| Span::containing(Period::Week, today - Duration::weeks(i), weeks))
            .collect();
        let keys: Vec<&str> = spans.iter().map(|s| s.key.as_str()).collect();
        let all_time = BoardScope {
            guild,
            period: Period::All,
            key: "all",
            topic: "",
        };
        let week_scope = BoardScope {
            period: Period::Week,
            key: &this_week.key,
            ..all_time
        };
        // Independent reads, run side by side on the store's readers.
        let (mine, team, total, week, (topic_rows, memories), answers, progress, helping) = tokio::try_join!(
            self.store.weekly_tallies(guild, Some(member), &keys),
            self.store.weekly_tallies(guild, None, &keys),
            self.store.member_standing(all_time, member),
            self.store.member_standing(week_scope, member),
            self.store.member_memories(guild, member),
            self.store.answer_count(guild, member),
            self.store.member_progress(guild, member),
            self.store.helping(guild, member),
        )?;
        let mine: HashMap<String, Tally> = mine.into_iter().collect();
        let team: HashMap<String, Tally> = team.into_iter().collect();
        // Whose stats, for the messages' selectors: `you` or the member's mention.
        let whose = match member == viewer {
            true => "you".to_string(),
            false => format!("<@{member}>"),
        };
        if answers.answers == 0 {
            return Ok(OutMessage::text(t!(
                lang,
                "stats-none",
                whose = whose.as_str()
            )));
        }
        let topics = self
            .topic_memories(guild, topic_rows, &memories, today)
            .await?;
        let (accepted, helping_points, asked) = helping;

        let mut lines = vec![t!(
            lang,
            "stats-answers",
            answers = answers.answers,
            right = percent(answers)
        )];
        let trend: Vec<String> = spans
            .iter()
            .rev()
            .take(4)
            .rev()
            .map(|s| {
                let t = mine.get(&s.key).copied().unwrap_or_default();
                format!("{} {}", lang.day_month(s.start), percent(t))
            })
            .collect();
        lines.push(t!(lang, "stats-accuracy", weeks = trend.join(" · ")));
        lines.push(t!(
            lang,
            "stats-streak",
            days = progress.streak_days,
            best = progress.best_streak
        ));
        let mut points = t!(lang, "stats-points", points = progress.points);
        if let Some((rank, _)) = total {
            points.push_str(&format!(" (#{rank})"));
        }
        let week = match week {
            Some((rank, t)) => t!(lang, "stats-points-week", points = t.points, rank = rank),
            None => t!(lang, "stats-points-week-none"),
        };
        lines.push(format!("{points} · {week}"));
        lines.push(t!(
            lang,
            "stats-helping",
            accepted = accepted,
            points = helping_points,
            asked = asked
        ));
        lines.push(format!("**{}**", t!(lang, "stats-mastery")));
        for t in topics.iter().filter(|t| t.seen() > 0) {
            lines.push(format!(
                "`{}` {:>3}% {}",
                bar(t.mastery(), 10),
                (t.mastery() * 100.0).round() as i64,
                fit(&t.topic_name, 40)
            ));
        }
        let labels: Vec<String> = spans.iter().map(|s| lang.day_month(s.start)).collect();
        let accuracy_of = |tallies: &HashMap<String, Tally>| -> Vec<Option<f64>> {
            spans
                .iter()
                .map(|s| {
                    tallies
                        .get(&s.key)
                        .and_then(|t| t.accuracy())
                        .map(|a| a * 100.0)
                })
                .collect()
        };
        let chart = percent_lines(
            &t!(lang, "stats-chart-title"),
            &labels,
            &[
                Line {
                    name: t!(lang, "stats-chart-member", whose = whose.as_str()),
                    values: accuracy_of(&mine),
                },
                Line {
                    name: t!(lang, "stats-chart-everyone"),
                    values: accuracy_of(&team),
                },
            ],
        )?;
        let heading = t!(lang, "stats-heading", whose = whose.as_str());
        Ok(OutMessage {
            embed: Some(Embed {
                title: format!("📈 {}", t!(lang, "stats-title")),
                description: fit(
                    &format!("{heading}\n\n{}", lines.join("\n")),
                    EMBED_DESCRIPTION_MAX,
                ),
                footer: Some(t!(lang, "stats-footer")),
                colour: colours::BOARD,
                ..Default::default()
            }),
            files: vec![("stats.png".into(), chart)],
            ..Default::default()
        })
    }
}

fn percent(t: Tally) -> String {
    super::boards::percent(t.correct, t.answers)
}
