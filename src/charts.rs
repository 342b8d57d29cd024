//! PNG charts for `/stats` and `/report`: percentages over periods as lines, drawn with
//! plotters into memory and encoded with `png`. The font is a subset of DejaVu Sans covering
//! Latin, Greek and Cyrillic, bundled in `assets/fonts/` (licence there), so charts look the
//! same on every machine and in every language.

use plotters::prelude::*;
use std::sync::OnceLock;

/// The bundled font (see `assets/fonts/LICENSE`).
const FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-subset.ttf");
/// The family name charts ask plotters for.
const FAMILY: &str = "sans-serif";
pub const WIDTH: u32 = 800;
pub const HEIGHT: u32 = 400;

/// One line: a name for the legend and a value (0–100) per period, `None` where unknown.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// A line's 95 % interval at each period (`None` where unknown), drawn as error bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Index of the line in the chart's lines.
    pub line: usize,
    pub intervals: Vec<Option<(f64, f64)>>,
}

/// A chart that could not be drawn.
#[derive(Debug, thiserror::Error)]
#[error("cannot draw the chart: {0}")]
pub struct ChartError(String);

fn font_ready() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED
        .get_or_init(|| plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_ok());
    ok.then_some(())
        .ok_or_else(|| ChartError("the bundled font does not load".into()))
}

const PALETTE: [RGBColor; 4] = [
    RGBColor(0x58, 0x65, 0xF2),
    RGBColor(0x57, 0xB8, 0x6B),
    RGBColor(0xED, 0x42, 0x45),
    RGBColor(0xF1, 0xA4, 0x0F),
];

/// Percent lines over `labels` (one per period, oldest first), as a PNG.
pub fn percent_lines(
    title: &str,
    labels: &[String],
    lines: &[Line],
) -> Result<Vec<u8>, ChartError> {
    percent_lines_with_bands(title, labels, lines, &[])
}

/// [`percent_lines`] with intervals drawn as error bars around some lines' points.
pub fn percent_lines_with_bands(
    title: &str,
    labels: &[String],
    lines: &[Line],
    bands: &[Band],
) -> Result<Vec<u8>, ChartError> {
    font_ready()?;
    let err = |e: &dyn std::fmt::Display| ChartError(e.to_string());
    let mut pixels = vec![255u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let periods = labels.len().max(1);
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FAMILY, 22))
            .margin(16)
            .x_label_area_size(36)
            .y_label_area_size(48)
            .build_cartesian_2d(-0.5f64..(periods as f64 - 0.5), 0f64..100f64)
            .map_err(|e| err(&e))?;
        let label_of = |x: &f64| {
            let i = x.round();
            if (x - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            labels.get(i as usize).cloned().unwrap_or_default()
        };
        chart
            .configure_mesh()
            .x_labels(periods.min(12))
            .x_label_formatter(&label_of)
            .y_labels(6)
            .y_label_formatter(&|y| format!("{y:.0}%"))
            .label_style((FAMILY, 13))
            .light_line_style(RGBColor(0xEE, 0xEE, 0xEE))
            .draw()
            .map_err(|e| err(&e))?;
        for band in bands {
            let colour = PALETTE[band.line % PALETTE.len()];
            let bars = band.intervals.iter().enumerate().filter_map(|(x, iv)| {
                let (lo, hi) = (*iv)?;
                let (lo, hi, x) = (lo.clamp(0.0, 100.0), hi.clamp(0.0, 100.0), x as f64);
                Some(vec![
                    PathElement::new(vec![(x, lo), (x, hi)], colour.mix(0.6).stroke_width(2)),
                    PathElement::new(
                        vec![(x - 0.08, lo), (x + 0.08, lo)],
                        colour.mix(0.6).stroke_width(2),
                    ),
                    PathElement::new(
                        vec![(x - 0.08, hi), (x + 0.08, hi)],
                        colour.mix(0.6).stroke_width(2),
                    ),
                ])
            });
            chart.draw_series(bars.flatten()).map_err(|e| err(&e))?;
        }
        for (i, line) in lines.iter().enumerate() {
            let colour = PALETTE[i % PALETTE.len()];
            let points: Vec<(f64, f64)> = line
                .values
                .iter()
                .enumerate()
                .filter_map(|(x, v)| v.map(|v| (x as f64, v.clamp(0.0, 100.0))))
                .collect();
            chart
                .draw_series(LineSeries::new(points.clone(), colour.stroke_width(3)))
                .map_err(|e| err(&e))?
                .label(line.name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], colour.stroke_width(3))
                });
            chart
                .draw_series(
                    points
                        .into_iter()
                        .map(|p| Circle::new(p, 4, colour.filled())),
                )
                .map_err(|e| err(&e))?;
        }
        if !lines.is_empty() {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::LowerRight)
                .background_style(WHITE.mix(0.85))
                .border_style(RGBColor(0xCC, 0xCC, 0xCC))
                .label_font((FAMILY, 13))
                .draw()
                .map_err(|e| err(&e))?;
        }
        root.present().map_err(|e| err(&e))?;
    }
    encode_png(&pixels)
}

fn encode_png(rgb: &[u8]) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // Fast deflate after the Paeth filter: ~1 ms and ~60 KB for a chart. The best compression
    // took ~15 ms (most of a `/stats`) for ~16 KB; choosing a filter per row, ~2 ms for ~58 KB.
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::FilterType::Paeth);
    let mut writer = encoder
        .write_header()
        .map_err(|e| ChartError(e.to_string()))?;
    writer
        .write_image_data(rgb)
        .map_err(|e| ChartError(e.to_string()))?;
    writer.finish().map_err(|e| ChartError(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_writes_latin_greek_and_cyrillic() {
        use ab_glyph::Font as _;
        let font = ab_glyph::FontRef::try_from_slice(FONT).unwrap();
        for text in [
            "Wissensstand · Übung · Ärger",
            "Réponses justes · ça · œuvre",
            "Años · señal · ¿qué?",
            "Łódź · Škoda · İstanbul",
            "Ελληνικά · μάθηση",
            "Русский · Українська · знання",
            "90 % – 95 % … €",
        ] {
            let missing: Vec<char> = text.chars().filter(|c| font.glyph_id(*c).0 == 0).collect();
            assert!(missing.is_empty(), "{text}: no glyph for {missing:?}");
        }
        // A chart with such labels draws.
        let lines = [Line {
            name: "Знания · Γνώση".into(),
            values: vec![Some(40.0), Some(60.0)],
        }];
        let labels = ["Woche 1".to_string(), "Semaine 2".to_string()];
        assert!(percent_lines("Fortschritt · Прогресс", &labels, &lines).is_ok());
    }

    #[test]
    fn draws_a_valid_png_of_the_chart_size() {
        let labels: Vec<String> = ["2 Nov", "9 Nov", "16 Nov", "23 Nov"]
            .map(String::from)
            .to_vec();
        let lines = vec![
            Line {
                name: "Participation".into(),
                values: vec![Some(40.0), Some(55.0), None, Some(75.0)],
            },
            Line {
                name: "Accuracy".into(),
                values: vec![Some(61.0), Some(64.0), Some(70.0), Some(72.5)],
            },
        ];
        let png = percent_lines("Team trend", &labels, &lines).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let decoder = png::Decoder::new(png.as_slice());
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (WIDTH, HEIGHT));
        assert!(
            png.len() > 5_000 && png.len() < 200_000,
            "{} bytes",
            png.len()
        );
        // Empty charts draw too (a new member, a new server).
        assert!(percent_lines("Nothing yet", &[], &[]).is_ok());
    }
}
