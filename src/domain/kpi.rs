//! Business KPIs an admin uploads (`/kpi import`): a CSV of `date,team,metric,value` rows,
//! read here with every problem named by its line, so that the report can set the KPIs beside
//! the team's learning.

use crate::domain::format::fit;
use crate::i18n::Lang;
use crate::t;
use chrono::NaiveDate;

/// An imported KPI value.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiValue {
    pub metric: String,
    pub team: String,
    pub day: NaiveDate,
    pub value: f64,
}

/// The most KPI rows one file may hold.
pub const MAX_KPI_ROWS: usize = 10_000;

/// Reads `date,team,metric,value` rows; names the first problem with its line, in `lang`.
pub fn parse_kpi_csv(bytes: &[u8], lang: Lang) -> Result<Vec<KpiValue>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| t!(lang, "kpi-not-utf8"))?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| t!(lang, "kpi-header-unreadable", error = e.to_string()))?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| t!(lang, "kpi-header-missing", column = name))
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
        let at_line = |problem: String| t!(lang, "kpi-line", line = line, problem = problem);
        let record = record.map_err(|e| at_line(e.to_string()))?;
        let field = |at: usize| record.get(at).unwrap_or("").to_string();
        let day: NaiveDate = field(date)
            .parse()
            .map_err(|_| at_line(t!(lang, "kpi-not-a-date", typed = fit(&field(date), 20))))?;
        let number: f64 = field(value)
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| at_line(t!(lang, "kpi-not-a-number", typed = fit(&field(value), 20))))?;
        let (team, metric) = (field(team), field(metric));
        if team.is_empty() || metric.is_empty() {
            return Err(at_line(t!(lang, "kpi-empty-names")));
        }
        if team.chars().count() > 100 || metric.chars().count() > 100 {
            return Err(at_line(t!(lang, "kpi-long-names")));
        }
        out.push(KpiValue {
            metric,
            team,
            day,
            value: number,
        });
        if out.len() > MAX_KPI_ROWS {
            return Err(t!(lang, "kpi-too-many-rows", max = MAX_KPI_ROWS));
        }
    }
    if out.is_empty() {
        return Err(t!(lang, "kpi-no-rows"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_by_header_name_in_any_order_and_case() {
        let text = "\u{feff}Value, Team ,date,METRIC\n12.5,Sales,2026-11-23,tickets closed\n-3,Ops,2026-11-30,incidents\n";
        let rows = parse_kpi_csv(text.as_bytes(), Lang::En).unwrap();
        assert_eq!(
            rows,
            vec![
                KpiValue {
                    metric: "tickets closed".into(),
                    team: "Sales".into(),
                    day: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                    value: 12.5,
                },
                KpiValue {
                    metric: "incidents".into(),
                    team: "Ops".into(),
                    day: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
                    value: -3.0,
                },
            ]
        );
    }

    #[test]
    fn each_problem_is_named_with_its_line() {
        let err = |text: &str| parse_kpi_csv(text.as_bytes(), Lang::En).unwrap_err();
        assert_eq!(
            err("date,team,value\n"),
            "The header must name the columns date, team, metric and value; `metric` is missing."
        );
        assert_eq!(
            err("date,team,metric,value\n2026-11-23,a,m,1\n23/11/2026,a,m,1\n"),
            "Line 3: `23/11/2026` is not a date like 2026-11-23."
        );
        assert_eq!(
            err("date,team,metric,value\n2026-11-23,a,m,NaN\n"),
            "Line 2: `NaN` is not a number."
        );
        assert_eq!(
            err("date,team,metric,value\n2026-11-23,,m,1\n"),
            "Line 2: team and metric must not be empty."
        );
        let long = "x".repeat(101);
        assert_eq!(
            err(&format!("date,team,metric,value\n2026-11-23,{long},m,1\n")),
            "Line 2: team and metric names are limited to 100 characters."
        );
        assert_eq!(
            err("date,team,metric,value\n"),
            "The file has no rows under its header."
        );
        assert_eq!(
            parse_kpi_csv(&[0xff, 0xfe], Lang::En).unwrap_err(),
            "The file is not UTF-8 text. Save it as CSV (UTF-8)."
        );
    }

    #[test]
    fn a_file_over_the_row_limit_is_refused() {
        let mut text = String::from("date,team,metric,value\n");
        for _ in 0..=MAX_KPI_ROWS {
            text.push_str("2026-11-23,a,m,1\n");
        }
        assert_eq!(
            parse_kpi_csv(text.as_bytes(), Lang::En).unwrap_err(),
            format!("The file has more than {MAX_KPI_ROWS} rows; split it.")
        );
    }
}
