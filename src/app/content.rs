//! Content use cases: import (all or nothing), export, stats, and the starter pack.

use super::message::OutMessage;
use super::{refuse, starter, App, AppResult};
use crate::domain::content::{describe_skipped, ImportCounts, Skipped};
use crate::domain::content_files::{parse_all_in, parse_package, to_gift, to_toml, Format};
use crate::domain::format;
use crate::domain::ids::GuildId;
use crate::domain::limits::MESSAGE_MAX;
use crate::i18n::Lang;
use crate::t;

/// What `/content export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Everything, to edit and import again.
    Toml,
    /// The questions, for Moodle and other LMSs.
    Gift,
}

impl App {
    /// Refuses a file by name or size before it is downloaded.
    pub fn check_upload(&self, name: &str, size: u64, lang: Lang) -> AppResult<()> {
        if Format::from_name(name).is_none() {
            return refuse(t!(
                lang,
                "import-not-content",
                name = format::fit(name, 100)
            ));
        }
        let max = self.settings.content.max_import_bytes;
        if size > max {
            let (mut size_text, mut max_text) = (format::bytes(size), format::bytes(max));
            if size_text == max_text {
                (size_text, max_text) = (format!("{size} bytes"), format!("{max} bytes"));
            }
            return refuse(t!(
                lang,
                "import-too-big",
                name = format::fit(name, 100),
                size = size_text,
                max = max_text
            ));
        }
        Ok(())
    }

    /// Checks and imports one file for `guild`: every problem is reported and nothing is
    /// written, or everything is. Returns what was written and the questions the file holds
    /// that cannot be asked in chat (left out).
    pub async fn import_content(
        &self,
        guild: GuildId,
        name: &str,
        bytes: &[u8],
        lang: Lang,
    ) -> AppResult<(ImportCounts, Vec<Skipped>)> {
        self.check_upload(name, bytes.len() as u64, lang)?;
        let known: Vec<String> = self
            .store
            .topics(guild)
            .await?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let parsed = if Format::from_name(name) == Some(Format::Apkg) {
            let notes = match crate::store::anki::read_package(bytes, lang).await {
                Ok(notes) => notes,
                Err(reason) => {
                    let name = format::fit(name, 100);
                    return refuse(t!(lang, "import-unreadable", name = name, reason = reason));
                }
            };
            parse_package(name, &notes, &known, lang)
        } else {
            let Ok(text) = std::str::from_utf8(bytes) else {
                return refuse(t!(lang, "import-not-utf8", name = format::fit(name, 100)));
            };
            parse_all_in(&[(name.to_string(), text.to_string())], &known, lang)
        };
        match parsed {
            Ok(bundle) => {
                let counts = self
                    .store
                    .import_content(guild, &bundle, self.clock.now_ms())
                    .await?;
                Ok((counts, bundle.skipped))
            }
            Err(problems) => {
                let lines: Vec<String> = problems.iter().map(|p| format!("• {p}")).collect();
                let head = t!(
                    lang,
                    "import-problems",
                    name = format::fit(name, 100),
                    count = problems.len()
                );
                refuse(format!("{head}\n{}", lines.join("\n")))
            }
        }
    }

    /// The guild's content as an attachment: everything as TOML, or the questions as GIFT.
    pub async fn export_content(
        &self,
        guild: GuildId,
        format: ExportFormat,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        self.ensure_content(guild).await?;
        let bundle = self.store.export_content(guild).await?;
        let (text, file, body) = match format {
            ExportFormat::Toml => (
                t!(
                    lang,
                    "export-toml",
                    topics = bundle.topics.len(),
                    questions = bundle.questions.len(),
                    tips = bundle.tips.len(),
                    cards = bundle.cards.len()
                ),
                "peerlearn-content.toml",
                to_toml(&bundle),
            ),
            ExportFormat::Gift => (
                t!(lang, "export-gift", questions = bundle.questions.len()),
                "peerlearn-questions.gift",
                to_gift(&bundle),
            ),
        };
        let mut m = OutMessage::text(format::fit(&text, MESSAGE_MAX));
        m.files.push((file.into(), body.into_bytes()));
        Ok(m)
    }

    /// Per-topic counts and accuracy.
    pub async fn content_stats(&self, guild: GuildId, lang: Lang) -> AppResult<OutMessage> {
        self.ensure_content(guild).await?;
        let stats = self.store.content_stats(guild).await?;
        if stats.is_empty() {
            return Ok(OutMessage::text(t!(lang, "content-none")));
        }
        let mut lines = vec![format!("**{}**", t!(lang, "content-title"))];
        for s in &stats {
            let accuracy = match crate::domain::quiz::percent_correct(s.correct, s.answers) {
                Some(p) => t!(lang, "content-answers", answers = s.answers, percent = p),
                None => t!(lang, "content-no-answers"),
            };
            let counts = t!(
                lang,
                "content-counts",
                questions = s.questions,
                tips = s.tips,
                cards = s.cards
            );
            let name = format::fit(&s.name, 60);
            lines.push(format!("`{}` {name} — {counts}, {accuracy}", s.id));
        }
        let (q, t, c): (i64, i64, i64) = stats.iter().fold((0, 0, 0), |(q, t, c), s| {
            (q + s.questions, t + s.tips, c + s.cards)
        });
        let counts = t!(lang, "content-counts", questions = q, tips = t, cards = c);
        lines.push(t!(
            lang,
            "content-total",
            topics = stats.len(),
            counts = counts
        ));
        let items = self.item_quality(guild).await?;
        let flagged = super::measurement::flagged_lines(&items, 10, lang);
        if flagged.is_empty() {
            let min = crate::domain::measurement::ITEM_MIN_ANSWERS;
            lines.push(t!(lang, "content-quality-fine", min = min));
        } else {
            lines.push(t!(lang, "content-quality-look"));
            lines.extend(flagged);
        }
        let mut m = OutMessage::text(format::fit(&lines.join("\n"), MESSAGE_MAX));
        if !items.is_empty() {
            m.content
                .push_str(&format!("\n-# {}", t!(lang, "content-stats-attached")));
            m.content = format::fit(&m.content, MESSAGE_MAX);
            m.files.push((
                "peerlearn-item-stats.csv".into(),
                super::measurement::items_csv(&items).into_bytes(),
            ));
        }
        Ok(m)
    }

    /// Loads the starter pack the first time a guild is used, if configured and the guild has
    /// no content of its own.
    pub async fn ensure_content(&self, guild: GuildId) -> AppResult<()> {
        // The common case, a read: nothing to load.
        if !self.settings.content.load_starter_pack || self.store.content_settled(guild).await? {
            return Ok(());
        }
        let loaded = self
            .store
            .load_starter_once(guild, starter::bundle(), self.clock.now_ms())
            .await?;
        if let Some(counts) = loaded {
            tracing::info!(guild = guild.0, added = counts.added, "starter pack loaded");
        }
        Ok(())
    }

    /// Loads (or refreshes) the starter pack on request.
    pub async fn load_starter(&self, guild: GuildId) -> AppResult<ImportCounts> {
        Ok(self
            .store
            .import_content(guild, starter::bundle(), self.clock.now_ms())
            .await?)
    }
}

/// "Imported: 3 added, 1 updated, 60 unchanged."
pub fn describe_counts(c: &ImportCounts, lang: Lang) -> String {
    t!(
        lang,
        "import-counts",
        added = c.added,
        updated = c.updated,
        unchanged = c.unchanged
    )
}

/// What an import did, and what it left out: "Imported: 3 added, … 2 skipped: essay at line
/// 2, matching at line 5 (left out: chat cannot ask or show these)."
pub fn describe_import(c: &ImportCounts, skipped: &[Skipped], lang: Lang) -> String {
    let counts = describe_counts(c, lang);
    match describe_skipped(skipped, lang) {
        None => counts,
        Some(s) => {
            let left_out = t!(lang, "import-left-out");
            format::fit(&format!("{counts}\n{s} ({left_out})."), MESSAGE_MAX)
        }
    }
}

impl App {
    /// The server's topics as `(id, name)`, by name (for pickers).
    pub async fn topics(&self, guild: GuildId) -> AppResult<Vec<(String, String)>> {
        Ok(self.store.topics(guild).await?)
    }
}
