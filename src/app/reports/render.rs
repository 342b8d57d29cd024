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
use crate::i18n::Lang;
use crate::t;

/// "20 min" under an hour, else "1h 5m", "2d 3h".
fn minutes_text(m: f64) -> String {
    if m < 59.5 {
        return format!("{:.0} min", m.max(0.0));
    }
    duration(std::time::Duration::from_secs_f64(m * 60.0))
}

pub(super) fn report_embed(title: String, lines: &[String], lang: Lang) -> OutMessage {
    let title = fit(&title, EMBED_TITLE_MAX);
    // Whole lines per embed, as many embeds as Discord's total allows; what does not fit is
    // cut with a pointer to the CSV.
    let cut = format!("-# {}", t!(lang, "report-cut"));
    let budget = EMBEDS_TOTAL_MAX - title.chars().count() - cut.chars().count() - 1;
    let mut pages: Vec<String> = vec![String::new()];
    let mut used = 0;
    for line in lines {
        let line = fit(line, EMBED_DESCRIPTION_MAX);
        let n = line.chars().count() + 1;
        if used + n > budget {
            pages
                .last_mut()
                .expect("a page")
                .push_str(&format!("\n{cut}"));
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

/// "hidden (fewer than 5 people)" or the formatted figure.
fn shown(
    f: Option<&Figure>,
    min: usize,
    lang: Lang,
    text: impl Fn(&Figure) -> String,
) -> Option<String> {
    let f = f?;
    Some(if f.visible(min) {
        text(f)
    } else {
        t!(lang, "report-hidden", min = min)
    })
}

/// The report's lead: what members know (with intervals), what the experiment caused, and the
/// questions that look flawed.
pub(super) fn knowledge_lines(k: &KnowledgeFigures, min: usize, lang: Lang) -> Vec<String> {
    let mut lines = vec![];
    let hidden = t!(lang, "report-hidden", min = min);
    let figure = |t: &TopicKnowledge| -> Option<String> {
        let now = t.now?;
        if now.people < min {
            return Some(hidden.clone());
        }
        let start = match t.start {
            Some(s) if s.people >= min => {
                format!(
                    "{} → ",
                    t!(lang, "knowledge-before", figure = with_margin(&s, lang))
                )
            }
            _ => String::new(),
        };
        let now = t!(
            lang,
            "knowledge-now",
            figure = with_margin(&now, lang),
            people = now.people,
            checks = now.n
        );
        Some(format!("{start}{now}"))
    };
    match figure(&k.all) {
        Some(all) => {
            lines.push(t!(lang, "knowledge-heading"));
            lines.push(format!("• {}: {all}", t!(lang, "knowledge-all-topics")));
            for t in &k.topics {
                if let Some(text) = figure(t) {
                    lines.push(format!("• {}: {text}", fit(&t.name, 40)));
                }
            }
        }
        None => lines.push(t!(lang, "knowledge-not-yet")),
    }
    if let Some(u) = &k.uplift {
        let topic = u.topic.as_deref().map(|t| format!("`{t}`"));
        let topic = topic.unwrap_or_else(|| t!(lang, "experiment-every-topic"));
        let state = if u.running {
            t!(
                lang,
                "report-experiment-until",
                day = lang.day_month(u.ends_day)
            )
        } else {
            t!(lang, "experiment-ended")
        };
        lines.push(t!(
            lang,
            "report-experiment",
            percent = u.holdout_pct,
            topic = topic,
            since = lang.day_month(u.start_day),
            state = state,
            result = uplift_text(u, min, lang)
        ));
    }
    let flagged = crate::app::measurement::flagged_lines(&k.items, 5, lang);
    if !flagged.is_empty() {
        lines.push(t!(lang, "content-quality-look"));
        lines.extend(flagged);
    }
    lines
}

/// Knowledge checks week by week, with their 95% intervals (hidden for fewer people than the
/// minimum group).
pub(super) fn knowledge_chart(k: &KnowledgeFigures, min: usize, lang: Lang) -> AppResult<Vec<u8>> {
    let weeks: Vec<_> = k.weekly.iter().filter(|(_, e)| e.people >= min).collect();
    let labels: Vec<String> = weeks.iter().map(|(w, _)| lang.day_month(*w)).collect();
    let line = Line {
        name: t!(lang, "chart-knowledge-line"),
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
        &t!(lang, "chart-knowledge-title"),
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
    lang: Lang,
) -> Vec<String> {
    let pct = |f: f64| lang.percent(f);
    let mut lines = vec![];
    let was = |f: Option<&Figure>| match f {
        Some(f) if f.visible(min) => {
            format!(" · {}", t!(lang, "report-before", value = pct(f.value)))
        }
        _ => String::new(),
    };
    let participation = shown(p.participation.as_ref(), min, lang, |f| {
        let text = t!(
            lang,
            "report-participation",
            answered = f.n,
            members = f.people,
            share = pct(f.value)
        );
        format!(
            "{text}{}",
            was(before.and_then(|b| b.participation.as_ref()))
        )
    });
    let participation = participation.unwrap_or_else(|| t!(lang, "report-nobody-answered"));
    lines.push(t!(lang, "report-participation-line", text = participation));
    let accuracy = shown(p.accuracy.as_ref(), min, lang, |f| {
        let text = t!(lang, "report-accuracy", share = pct(f.value), answers = f.n);
        format!("{text}{}", was(before.and_then(|b| b.accuracy.as_ref())))
    });
    let accuracy = accuracy.unwrap_or_else(|| t!(lang, "report-no-answers"));
    lines.push(t!(lang, "report-accuracy-line", text = accuracy));
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
                shown(Some(&figure), min, lang, |_| t!(
                    lang,
                    "report-gain",
                    first = pct(g.first),
                    latest = pct(g.latest),
                    points = format!("{:+.0}", g.points()),
                    questions = g.n,
                    people = g.people
                ))?
            ))
        })
        .collect();
    if !gains.is_empty() {
        lines.push(t!(lang, "report-gains-heading"));
        lines.extend(gains);
    }
    let competency: Vec<String> = p
        .topics
        .iter()
        .filter_map(|t| {
            let overall = shown(t.competency.as_ref(), min, lang, |f| {
                let days = lang.decimal(f.value, 1);
                t!(
                    lang,
                    "report-competency-median",
                    days = days,
                    people = f.people
                )
            })?;
            let tracks: Vec<String> = t
                .track_competency
                .iter()
                .filter_map(|(role, f)| {
                    shown(f.as_ref(), min, lang, |f| {
                        t!(lang, "report-days", days = lang.decimal(f.value, 1))
                    })
                    .map(|text| format!("<@&{role}> {text}"))
                })
                .collect();
            let tracks = if tracks.is_empty() {
                String::new()
            } else {
                format!(
                    " · {}",
                    t!(lang, "report-tracks", tracks = tracks.join(", "))
                )
            };
            Some(format!("• {}: {overall}{tracks}", fit(&t.name, 40)))
        })
        .collect();
    if !competency.is_empty() {
        lines.push(t!(lang, "report-competency-heading"));
        lines.extend(competency);
    }
    if !forecasts.is_empty() {
        lines.push(t!(lang, "report-forecast-heading"));
        for f in forecasts {
            lines.push(format!(
                "• {}: {}",
                fit(&f.name, 40),
                shown(Some(&f.now), min, lang, |now| t!(
                    lang,
                    "report-forecast",
                    now = pct(now.value),
                    later = pct(f.in_7_days.value),
                    people = now.people
                ))
                .unwrap_or_default()
            ));
        }
    }
    let qa = &p.qa;
    if qa.asked > 0 {
        let mut text = t!(
            lang,
            "report-questions",
            asked = qa.asked,
            share = pct(qa.deflection.unwrap_or(0.0))
        );
        if let Some((m, n)) = qa.first_response_minutes {
            let reply = t!(lang, "report-first-reply", time = minutes_text(m), n = n);
            text.push_str(&format!(" · {reply}"));
        }
        if let Some((m, n)) = qa.resolution_minutes {
            let resolved = t!(lang, "report-resolved", time = minutes_text(m), n = n);
            text.push_str(&format!(" · {resolved}"));
        }
        if let Some((share, n)) = qa.served_verified {
            let verified = t!(lang, "report-verified", share = pct(share), n = n);
            text.push_str(&format!(" · {verified}"));
        }
        lines.push(text);
    } else {
        lines.push(t!(lang, "report-questions-none"));
    }
    lines
}

/// The topics getting a refresher, and why.
pub(super) fn refresher_lines(refreshers: &[Refresher], lang: Lang) -> Vec<String> {
    if refreshers.is_empty() {
        return vec![];
    }
    let mut lines = vec![t!(lang, "report-refreshers-heading")];
    lines.extend(refreshers.iter().map(|r| format!("• {}", r.line(lang))));
    lines
}

pub(super) fn expert_lines(loads: &[ExpertLoad], lang: Lang) -> Vec<String> {
    if loads.is_empty() {
        return vec![];
    }
    let items: Vec<String> = loads
        .iter()
        .take(10)
        .map(|l| {
            let mut t = t!(
                lang,
                "report-expert-load",
                expert = crate::domain::format::member(l.expert, lang),
                assigned = l.assigned,
                replied = l.responded
            );
            if let Some(m) = l.median_response_minutes {
                let median = t!(lang, "report-median", time = minutes_text(m));
                t.push_str(&format!(" ({median})"));
            }
            if l.open > 0 {
                t.push_str(&format!(
                    ", {}",
                    t!(lang, "report-still-open", count = l.open)
                ));
            }
            t
        })
        .collect();
    vec![t!(
        lang,
        "report-expert-load-line",
        experts = items.join("; ")
    )]
}

pub(super) fn support_lines(support: &[(u64, Vec<SupportReason>)], lang: Lang) -> Vec<String> {
    let pct = |f: f64| lang.percent(f);
    if support.is_empty() {
        return vec![t!(lang, "report-support-none")];
    }
    let mut lines = vec![t!(lang, "report-support-heading")];
    for (user, reasons) in support.iter().take(15) {
        let why: Vec<String> = reasons
            .iter()
            .map(|r| match r {
                SupportReason::FallingAccuracy { before, now } => t!(
                    lang,
                    "support-falling",
                    before = pct(*before),
                    now = pct(*now)
                ),
                SupportReason::LapsedStreak { days, best } => {
                    t!(lang, "support-lapsed", days = *days, best = *best)
                }
                SupportReason::LowRecall { recall } => {
                    t!(lang, "support-low-recall", recall = pct(*recall))
                }
            })
            .collect();
        lines.push(format!("• <@{user}>: {}", why.join("; ")));
    }
    if support.len() > 15 {
        let more = t!(lang, "report-support-more", count = support.len() - 15);
        lines.push(format!("• … {more}"));
    }
    lines
}

pub(super) fn trend_chart(figures: &[PeriodFigures], lang: Lang) -> AppResult<Vec<u8>> {
    let labels: Vec<String> = figures
        .iter()
        .map(|p| match p.span.period {
            Period::Week => lang.day_month(p.span.start),
            Period::Month => lang.month_year(p.span.start),
            Period::Season => t!(lang, "chart-from", day = lang.day_month(p.span.start)),
            Period::All => t!(lang, "period-all-time"),
        })
        .collect();
    let line = |name: String, pick: &dyn Fn(&PeriodFigures) -> Option<f64>| Line {
        name,
        values: figures.iter().map(|p| pick(p).map(|v| v * 100.0)).collect(),
    };
    let lines = [
        line(t!(lang, "chart-participation"), &|p| {
            p.participation.map(|f| f.value)
        }),
        line(t!(lang, "chart-accuracy"), &|p| p.accuracy.map(|f| f.value)),
        line(t!(lang, "chart-deflection"), &|p| p.qa.deflection),
    ];
    Ok(percent_lines(
        &t!(lang, "chart-trend-title"),
        &labels,
        &lines,
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_report_goes_on_over_several_embeds_within_discord_s_total() {
        let lines: Vec<String> = (0..200)
            .map(|i| format!("line {i}: {}", "x".repeat(40)))
            .collect();
        let m = report_embed("📊 Report".into(), &lines, Lang::En);
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
            embeds
                .last()
                .unwrap()
                .description
                .ends_with(&t!(Lang::En, "report-cut")),
            "cut, and says so"
        );
        assert!(
            embeds[0].description.starts_with("line 0:"),
            "whole lines, in order"
        );
        let short = report_embed("t".into(), &["a".into(), "b".into()], Lang::En);
        assert_eq!(short.embed.unwrap().description, "a\nb");
        assert!(short.more_embeds.is_empty());
    }
}
