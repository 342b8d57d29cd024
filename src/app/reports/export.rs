//! The report as CSV: one row per metric × topic × group × period, with its count and
//! interval, small groups hidden.

use super::{Forecast, KpiFinding, PeriodFigures};
use crate::app::measurement::KnowledgeFigures;
use crate::domain::analytics::Figure;
use crate::domain::measurement::Estimate;
use crate::domain::periods::{Period, Span};
use chrono::Duration;

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

pub(super) fn report_csv(
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
        if let Some((share, n)) = qa.served_verified {
            w.row(
                s,
                "served_answers_verified_pct",
                "",
                "all",
                plain(share * 100.0, n),
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
