//! The demo's transcript: what each simulated person did and what the bot answered, as text,
//! written to `transcript.md` in the output folder (the first day in full, then the questions
//! asked and the admins' commands).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

pub struct Transcript {
    out: BufWriter<File>,
    /// Whether routine clicks (quizzes, reviews, practice) are written.
    pub routine: bool,
}

impl Transcript {
    pub fn create(path: &Path) -> std::io::Result<Transcript> {
        let mut out = BufWriter::new(File::create(path)?);
        writeln!(out, "# peerlearn demo transcript\n")?;
        Ok(Transcript { out, routine: true })
    }

    /// A heading, e.g. a new day.
    pub fn heading(&mut self, text: &str) {
        let _ = writeln!(self.out, "\n## {text}\n");
    }

    /// Something a person did and what the bot showed them.
    pub fn exchange(&mut self, when: &str, who: &str, action: &str, reply: &str) {
        let _ = writeln!(
            self.out,
            "`{when}` **{who}** › {action}\n\n{}\n",
            quote(reply)
        );
    }

    /// A message that appeared in a channel.
    pub fn post(&mut self, when: &str, channel: &str, text: &str) {
        let _ = writeln!(self.out, "`{when}` in #{channel}:\n\n{}\n", quote(text));
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }
}

/// Markdown quote lines.
fn quote(text: &str) -> String {
    text.lines()
        .map(|l| format!("> {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
