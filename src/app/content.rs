//! Content use cases: import (all or nothing), export, stats, and the starter pack.

use super::message::OutMessage;
use super::{refuse, starter, App, AppResult};
use crate::domain::content::{describe_skipped, ImportCounts, Skipped};
use crate::domain::content_files::{parse_all, parse_package, to_gift, to_toml, Format};
use crate::domain::format;
use crate::domain::ids::GuildId;
use crate::domain::limits::MESSAGE_MAX;

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
    pub fn check_upload(&self, name: &str, size: u64) -> AppResult<()> {
        if Format::from_name(name).is_none() {
            return refuse(format!(
                "`{}` is not a content file. Attach a `.toml` file (topics, questions, tips, flashcards), a `.csv` file (questions), a question bank from an LMS in GIFT (`.gift`, `.txt`) or Aiken (`.txt`), or an Anki deck (`.apkg`); see `/content export` for an example.",
                format::fit(name, 100)
            ));
        }
        let max = self.settings.content.max_import_bytes;
        if size > max {
            let (mut size_text, mut max_text) = (format::bytes(size), format::bytes(max));
            if size_text == max_text {
                (size_text, max_text) = (format!("{size} bytes"), format!("{max} bytes"));
            }
            return refuse(format!(
                "`{}` is {size_text}; the limit is {max_text}. Split it into smaller files.",
                format::fit(name, 100),
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
    ) -> AppResult<(ImportCounts, Vec<Skipped>)> {
        self.check_upload(name, bytes.len() as u64)?;
        let known: Vec<String> = self
            .store
            .topics(guild)
            .await?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let parsed = if Format::from_name(name) == Some(Format::Apkg) {
            let notes = match crate::store::anki::read_package(bytes).await {
                Ok(notes) => notes,
                Err(reason) => {
                    return refuse(format!(
                        "Nothing was imported: `{}` {reason}.",
                        format::fit(name, 100)
                    ))
                }
            };
            parse_package(name, &notes, &known)
        } else {
            let Ok(text) = std::str::from_utf8(bytes) else {
                return refuse(format!(
                    "`{}` is not UTF-8 text. Save it as UTF-8 and try again.",
                    format::fit(name, 100)
                ));
            };
            parse_all(&[(name.to_string(), text.to_string())], &known)
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
                let head = format!(
                    "Nothing was imported: `{}` has {} problem{}. Fix {} and import the file again.\n",
                    format::fit(name, 100),
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" },
                    if problems.len() == 1 { "it" } else { "them all" },
                );
                refuse(format!("{head}{}", lines.join("\n")))
            }
        }
    }

    /// The guild's content as an attachment: everything as TOML, or the questions as GIFT.
    pub async fn export_content(
        &self,
        guild: GuildId,
        format: ExportFormat,
    ) -> AppResult<OutMessage> {
        self.ensure_content(guild).await?;
        let bundle = self.store.export_content(guild).await?;
        let (text, file, body) = match format {
            ExportFormat::Toml => (
                format!(
                    "{} topics, {} questions, {} tips and {} flashcards. Edit the file and bring it back with `/content import`.",
                    bundle.topics.len(),
                    bundle.questions.len(),
                    bundle.tips.len(),
                    bundle.cards.len()
                ),
                "peerlearn-content.toml",
                to_toml(&bundle),
            ),
            ExportFormat::Gift => (
                format!(
                    "{} questions in GIFT, for Moodle or `/content import`. GIFT holds questions only: difficulty, tracks, sources, tips and flashcards are in the TOML export.",
                    bundle.questions.len()
                ),
                "peerlearn-questions.gift",
                to_gift(&bundle),
            ),
        };
        let mut m = OutMessage::text(format::fit(&text, MESSAGE_MAX));
        m.files.push((file.into(), body.into_bytes()));
        Ok(m)
    }

    /// Per-topic counts and accuracy.
    pub async fn content_stats(&self, guild: GuildId) -> AppResult<OutMessage> {
        self.ensure_content(guild).await?;
        let stats = self.store.content_stats(guild).await?;
        if stats.is_empty() {
            return Ok(OutMessage::text(
                "No content yet. Load the starter pack with `/content starter` or import a file with `/content import`.",
            ));
        }
        // ", 3 flashcards", or nothing where there are none.
        let flashcards = |n: i64| match n {
            0 => String::new(),
            n => format!(", {n} flashcards"),
        };
        let mut lines = vec!["**Content**".to_string()];
        for s in &stats {
            let accuracy = crate::domain::quiz::percent_correct(s.correct, s.answers)
                .map_or("no answers yet".to_string(), |p| {
                    format!("{} answers, {p}% right", s.answers)
                });
            let cards = flashcards(s.cards);
            lines.push(format!(
                "`{}` {} — {} questions, {} tips{cards}, {accuracy}",
                s.id,
                format::fit(&s.name, 60),
                s.questions,
                s.tips
            ));
        }
        let (q, t, c): (i64, i64, i64) = stats.iter().fold((0, 0, 0), |(q, t, c), s| {
            (q + s.questions, t + s.tips, c + s.cards)
        });
        let cards = flashcards(c);
        lines.push(format!(
            "Total: {} topics, {q} questions, {t} tips{cards}",
            stats.len()
        ));
        let items = self.item_quality(guild).await?;
        let flagged = super::measurement::flagged_lines(&items, 10);
        if flagged.is_empty() {
            lines.push(format!(
                "**Question quality:** nothing looks wrong so far (a question is judged once {} members have answered it).",
                crate::domain::measurement::ITEM_MIN_ANSWERS
            ));
        } else {
            lines.push("**Questions to look at** (from members' first tries)".into());
            lines.extend(flagged);
        }
        let mut m = OutMessage::text(format::fit(&lines.join("\n"), MESSAGE_MAX));
        if !items.is_empty() {
            m.content
                .push_str("\n-# Every question's first-try statistics are attached.");
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
pub fn describe_counts(c: &ImportCounts) -> String {
    format!(
        "Imported: {} added, {} updated, {} unchanged.",
        c.added, c.updated, c.unchanged
    )
}

/// What an import did, and what it left out: "Imported: 3 added, … 2 skipped: essay at line
/// 2, matching at line 5 (left out: chat cannot ask or show these)."
pub fn describe_import(c: &ImportCounts, skipped: &[Skipped]) -> String {
    let counts = describe_counts(c);
    match describe_skipped(skipped) {
        None => counts,
        Some(s) => format::fit(
            &format!("{counts}\n{s} (left out: chat cannot ask or show these)."),
            MESSAGE_MAX,
        ),
    }
}

impl App {
    /// The server's topics as `(id, name)`, by name (for pickers).
    pub async fn topics(&self, guild: GuildId) -> AppResult<Vec<(String, String)>> {
        Ok(self.store.topics(guild).await?)
    }
}
