//! The report as people read it: the summary embed's lines, the digest's, and the PNG
//! charts.

use super::{Forecast, PeriodFigures};
use crate::app::measurement::{uplift_text, with_margin, KnowledgeFigures, TopicKnowledge};
use crate::app::message::{colours, Embed, OutMessage};
use crate::app::AppResult;
use crate::charts::{percent_lines, Line};
use crate::domain::analytics::{ExpertLoad, Figure, SupportReason};
use crate::domain::format::{duration, fit};
use crate::domain::limits::{EMBEDS_TOTAL_MAX, EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX};
use crate::domain::periods::Period;
use crate::domain::refreshers::Refresher;

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

pub(super) fn report_embed(title: String, lines: &[String]) -> OutMessage {
    let title = fit(&title, EMBED_TITLE_MAX);
    // Whole lines per embed, as many embeds as Discord's total allows; what does not fit is
    // cut with a pointer to the CSV.
    let budget = EMBEDS_TOTAL_MAX - title.chars().count() - CUT.chars().count() - 1;
    let mut pages: Vec<String> = vec![String::new()];
    let mut used = 0;
    for line in lines {
        let line = fit(line, EMBED_DESCRIPTION_MAX);
        let n = line.chars().count() + 1;
        if used + n > budget {
            pages
                .last_mut()
                .expect("a page")
                .push_str(&format!("\n{CUT}"));
            break;
        }
        if pages.last().expect("a page").chars().count() + n > EMBED_DESCRIPTION_MAX {
            pages.push(String::new());
        }
        let page = pages.last_mut().expect("a page");
        if !page.is_empty() {
            page.push('\n');
        }
        page.push_str(&line);
        used += n;
    }
    let embed = |title: String, description: String| Embed {
        title,
        description,
        colour: colours::REPORT,
        ..Default::default()
    };
    let mut pages = pages.into_iter();
    OutMessage {
        embed: Some(embed(title, pages.next().unwrap_or_default())),
        more_embeds: pages.map(|p| embed(String::new(), p)).collect(),
        ..Default::default()
    }
}

/// Where a report too long for Discord is cut.
const CUT: &str = "-# Cut to fit Discord: `/report format:csv` has every figure.";

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
pub(super) fn knowledge_lines(k: &KnowledgeFigures, min: usize) -> Vec<String> {
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
    let flagged = crate::app::measurement::flagged_lines(&k.items, 5);
    if !flagged.is_empty() {
        lines.push("**Questions to look at** (from members' first tries)".into());
        lines.extend(flagged);
    }
    lines
}

/// Knowledge checks week by week, with their 95% intervals (hidden for fewer people than the
/// minimum group).
pub(super) fn knowledge_chart(k: &KnowledgeFigures, min: usize) -> AppResult<Vec<u8>> {
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

pub(super) fn summary_lines(
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
        if let Some((share, n)) = qa.served_verified {
            text.push_str(&format!(
                " · {} of the {n} accepted answers shown were verified",
                pct(share)
            ));
        }
        lines.push(text);
    } else {
        lines.push("**Questions:** none asked with `/ask` yet.".into());
    }
    lines
}

/// The topics getting a refresher, and why.
pub(super) fn refresher_lines(refreshers: &[Refresher]) -> Vec<String> {
    if refreshers.is_empty() {
        return vec![];
    }
    let mut lines = vec!["**Refreshers** (the team is forecast to fall below its target: these topics' most forgotten questions come first in channel quizzes and reviews)".to_string()];
    lines.extend(refreshers.iter().map(|r| format!("• {}", r.line())));
    lines
}

pub(super) fn expert_lines(loads: &[ExpertLoad]) -> Vec<String> {
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

pub(super) fn support_lines(support: &[(u64, Vec<SupportReason>)]) -> Vec<String> {
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

pub(super) fn trend_chart(figures: &[PeriodFigures]) -> AppResult<Vec<u8>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_report_goes_on_over_several_embeds_within_discord_s_total() {
        let lines: Vec<String> = (0..200)
            .map(|i| format!("line {i}: {}", "x".repeat(40)))
            .collect();
        let m = report_embed("📊 Report".into(), &lines);
        let embeds: Vec<&Embed> = m.embed.iter().chain(&m.more_embeds).collect();
        assert!(embeds.len() >= 2);
        assert!(embeds
            .iter()
            .all(|e| e.description.chars().count() <= EMBED_DESCRIPTION_MAX));
        let total: usize = embeds
            .iter()
            .map(|e| e.title.chars().count() + e.description.chars().count())
            .sum();
        assert!(total <= EMBEDS_TOTAL_MAX, "{total}");
        assert!(
            embeds.last().unwrap().description.ends_with(CUT),
            "cut, and says so"
        );
        assert!(
            embeds[0].description.starts_with("line 0:"),
            "whole lines, in order"
        );
        let short = report_embed("t".into(), &["a".into(), "b".into()]);
        assert_eq!(short.embed.unwrap().description, "a\nb");
        assert!(short.more_embeds.is_empty());
    }
}
