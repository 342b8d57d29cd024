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
    ) -> AppResult<OutMessage> {
        if member != viewer && !viewer_is_admin {
            return refuse("Your stats are yours, and so are everyone else's: only admins can see another member's. Use `/stats` without a member for your own.");
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
        let whose = if member == viewer {
            "Your".to_string()
        } else {
            format!("<@{member}>'s")
        };
        if answers.answers == 0 {
            return Ok(OutMessage::text(format!(
                "{whose} stats start with a first answer: try `/quiz`, or the next quiz in the channel."
            )));
        }
        let topics = self
            .topic_memories(guild, topic_rows, &memories, today)
            .await?;
        let (accepted, helping_points, asked) = helping;

        let mut lines = vec![format!(
            "**Answers:** {} ({} right)",
            answers.answers,
            percent(answers)
        )];
        let trend: Vec<String> = spans
            .iter()
            .rev()
            .take(4)
            .rev()
            .map(|s| {
                let t = mine.get(&s.key).copied().unwrap_or_default();
                format!("{} {}", s.start.format("%-d %b"), percent(t))
            })
            .collect();
        lines.push(format!("**Accuracy by week:** {}", trend.join(" · ")));
        lines.push(format!(
            "**Streak:** {} day{} (best {})",
            progress.streak_days,
            if progress.streak_days == 1 { "" } else { "s" },
            progress.best_streak
        ));
        lines.push(format!(
            "**Points:** {} in all{}{}",
            progress.points,
            total.map_or(String::new(), |(rank, _)| format!(" (#{rank})")),
            week.map_or(" · none this week yet".to_string(), |(rank, t)| format!(
                " · {} this week (#{rank})",
                t.points
            ))
        ));
        lines.push(format!(
            "**Helping:** {accepted} accepted answer{} ({helping_points} points) · {asked} question{} asked",
            if accepted == 1 { "" } else { "s" },
            if asked == 1 { "" } else { "s" },
        ));
        lines.push("**Mastery**".into());
        for t in topics.iter().filter(|t| t.seen() > 0) {
            lines.push(format!(
                "`{}` {:>3}% {}",
                bar(t.mastery(), 10),
                (t.mastery() * 100.0).round() as i64,
                fit(&t.topic_name, 40)
            ));
        }
        let labels: Vec<String> = spans
            .iter()
            .map(|s| s.start.format("%-d %b").to_string())
            .collect();
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
            "Weekly accuracy",
            &labels,
            &[
                Line {
                    name: if member == viewer {
                        "You".into()
                    } else {
                        "Member".into()
                    },
                    values: accuracy_of(&mine),
                },
                Line {
                    name: "Everyone".into(),
                    values: accuracy_of(&team),
                },
            ],
        )?;
        Ok(OutMessage {
            embed: Some(Embed {
                title: "📈 Stats".into(),
                description: fit(
                    &format!("{whose} learning so far\n\n{}", lines.join("\n")),
                    EMBED_DESCRIPTION_MAX,
                ),
                footer: Some("Only you can see this.".into()),
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
