//! Anki notes as flashcards. The package itself (a zip of a SQLite collection) is read by
//! [`crate::store::anki`]; here its notes become cards, checked like `[[card]]` entries:
//!
//! - a note's deck is its topic: the deck's last `::` segment (`Work::Security` → topic
//!   `security`, named "Security"), added unless the server has it;
//! - a Basic note (or any note type with two fields or more) is one card: its first field the
//!   front, its second the back;
//! - a Cloze note is one card per deletion (`{{c1::answer::hint}}`): the front shows the text
//!   with that deletion as `[…]` (or `[hint]`), the back the whole text with the answer in bold,
//!   and the note's second field ("Back Extra") below it;
//! - fields are HTML, shown as Discord markdown; images and sounds are not carried over and are
//!   listed (a card whose front is only media is skipped and listed);
//! - a card's id is its topic with a hash of the note's id and the deletion's number, so
//!   importing the package again updates the same cards;
//! - tags become the card's role tracks (`Work::Support` → track `support`; Anki's own `leech`
//!   and `marked` left out), so `/track set` can lean a role towards them.
//!
//! Notes are numbered from 1 in the collection's order; problems name that number as their line.

use super::made_up::{hashed_id, slug, topic_item, topic_named};
use super::markup::html_to_markdown;
use super::{Raw, RawItem};
use crate::domain::content::Skipped;
use crate::domain::content::ID_MAX;
use crate::i18n::Lang;
use crate::t;
use std::collections::BTreeMap;

/// A note as read from a collection.
#[derive(Debug, Clone, PartialEq)]
pub struct AnkiNote {
    pub id: i64,
    /// The deck of its first card, with `::` between levels.
    pub deck: String,
    /// Whether its note type is Cloze.
    pub cloze: bool,
    /// Its fields' HTML, in order.
    pub fields: Vec<String>,
    /// Its tags (Anki keeps them space-separated; `::` nests them).
    pub tags: Vec<String>,
}

/// Anki's own bookkeeping tags, not a team's: left out of the tracks.
const ANKI_TAGS: [&str; 2] = ["leech", "marked"];

/// A note's tags as role tracks: each tag's last `::` segment as an id (`Work::Support` →
/// `support`), without Anki's own, once each.
fn tracks_of(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for tag in tags {
        let track = slug(tag.rsplit("::").next().unwrap_or(tag), ID_MAX);
        if !track.is_empty() && !ANKI_TAGS.contains(&track.as_str()) && !out.contains(&track) {
            out.push(track);
        }
    }
    out
}

/// The topics and cards of `notes` as raw items, and what was skipped.
pub(super) fn anki_items(
    file: &str,
    notes: &[AnkiNote],
    lang: Lang,
) -> (Vec<RawItem>, Vec<Skipped>) {
    let mut topics: Vec<(String, String, usize)> = vec![];
    let mut cards = vec![];
    let mut skipped = vec![];
    for (n, note) in notes.iter().enumerate() {
        let line = n + 1;
        let skip = |what: String| Skipped {
            file: file.to_string(),
            line: None,
            what: format!("{what} (note {line})"),
        };
        let (topic, topic_name) = topic_named(note.deck.rsplit("::").next().unwrap_or(""));
        let media = media_of(&note.fields);
        skipped.extend(media.iter().map(|m| skip(format!("media \"{m}\""))));
        let first = note.fields.first().map(String::as_str).unwrap_or("");
        let extra = note.fields.get(1).map(|f| text(f)).unwrap_or_default();
        let sides: Vec<(usize, String, String)> = if note.cloze || has_cloze(first) {
            cloze_numbers(first)
                .into_iter()
                .map(|k| {
                    let (front, back) = cloze_sides(first, k);
                    let back = match extra.as_str() {
                        "" => back,
                        e => format!("{back}\n\n{e}"),
                    };
                    (k, front, back)
                })
                .collect()
        } else if note.fields.len() >= 2 {
            vec![(0, text(first), extra.clone())]
        } else {
            skipped.push(skip(t!(lang, "anki-one-field")));
            continue;
        };
        for (k, front, back) in sides {
            if front.is_empty() || back.is_empty() {
                let side = if front.is_empty() { "front" } else { "back" };
                skipped.push(skip(t!(lang, "anki-media-only", side = side)));
                continue;
            }
            if !topics.iter().any(|(id, _, _)| *id == topic) {
                topics.push((topic.clone(), topic_name.clone(), line));
            }
            let id = hashed_id(&topic, &format!("anki-note-{}-{k}", note.id));
            cards.push(RawItem {
                kind: "card",
                line,
                fields: BTreeMap::from([
                    ("id".to_string(), (Raw::Text(id), line)),
                    ("topic".to_string(), (Raw::Text(topic.clone()), line)),
                    ("front".to_string(), (Raw::Text(front), line)),
                    ("back".to_string(), (Raw::Text(back), line)),
                    (
                        "tracks".to_string(),
                        (Raw::List(tracks_of(&note.tags)), line),
                    ),
                ]),
            });
        }
    }
    let items = topics
        .iter()
        .map(|(id, name, line)| topic_item(id, name, *line))
        .chain(cards)
        .collect();
    (items, skipped)
}

/// A field's HTML as markdown, without its media.
fn text(field: &str) -> String {
    let mut out = field.to_string();
    while let Some(at) = out.find("[sound:") {
        let end = out[at..].find(']').map_or(out.len(), |e| at + e + 1);
        out.replace_range(at..end, "");
    }
    html_to_markdown(&out)
}

/// The files a note's fields show: `<img src="…">` and `[sound:…]`.
fn media_of(fields: &[String]) -> Vec<String> {
    let mut found = vec![];
    for f in fields {
        let lower = f.to_ascii_lowercase();
        let mut from = 0;
        while let Some(at) = lower[from..].find("<img") {
            let tag_start = from + at;
            let tag_end = lower[tag_start..]
                .find('>')
                .map_or(lower.len(), |e| tag_start + e);
            let tag = &f[tag_start..tag_end];
            if let Some(src) = tag.find("src=").map(|s| &tag[s + 4..]) {
                let name = match src.chars().next() {
                    Some(q @ ('"' | '\'')) => src[1..].split(q).next().unwrap_or(""),
                    _ => src.split_whitespace().next().unwrap_or(""),
                };
                if !name.is_empty() {
                    found.push(name.to_string());
                }
            }
            from = tag_end;
        }
        let mut rest = f.as_str();
        while let Some(at) = rest.find("[sound:") {
            let after = &rest[at + 7..];
            let end = after.find(']').unwrap_or(after.len());
            found.push(after[..end].to_string());
            rest = &after[end..];
        }
    }
    found.dedup();
    found
}

fn has_cloze(text: &str) -> bool {
    !cloze_numbers(text).is_empty()
}

/// The deletions' numbers in a Cloze text, in order, once each.
fn cloze_numbers(text: &str) -> Vec<usize> {
    let mut numbers: Vec<usize> = deletions(text).into_iter().map(|d| d.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

/// One `{{cN::answer::hint}}` in a text, by byte range.
struct Deletion {
    start: usize,
    end: usize,
    number: usize,
    answer: String,
    hint: Option<String>,
}

fn deletions(text: &str) -> Vec<Deletion> {
    let mut out = vec![];
    let mut from = 0;
    while let Some(at) = text[from..].find("{{c") {
        let start = from + at;
        let digits: String = text[start + 3..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let body_start = start + 3 + digits.len();
        let (Ok(number), true) = (digits.parse(), text[body_start..].starts_with("::")) else {
            from = start + 3;
            continue;
        };
        let Some(close) = text[body_start..].find("}}") else {
            break;
        };
        let body = &text[body_start + 2..body_start + close];
        let (answer, hint) = match body.split_once("::") {
            Some((a, h)) => (a.to_string(), Some(h.to_string())),
            None => (body.to_string(), None),
        };
        let end = body_start + close + 2;
        out.push(Deletion {
            start,
            end,
            number,
            answer,
            hint,
        });
        from = end;
    }
    out
}

/// The front and back of deletion `k`: on the front `[…]` (or `[hint]`) in its place and the
/// other deletions' answers shown; on the back its answer in bold.
fn cloze_sides(html: &str, k: usize) -> (String, String) {
    let (mut front, mut back) = (String::new(), String::new());
    let mut at = 0;
    for d in deletions(html) {
        front.push_str(&html[at..d.start]);
        back.push_str(&html[at..d.start]);
        if d.number == k {
            front.push_str(&format!("[{}]", d.hint.as_deref().unwrap_or("…")));
            back.push_str(&format!("<b>{}</b>", d.answer));
        } else {
            front.push_str(&d.answer);
            back.push_str(&d.answer);
        }
        at = d.end;
    }
    front.push_str(&html[at..]);
    back.push_str(&html[at..]);
    (text(&front), text(&back))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: i64, deck: &str, cloze: bool, fields: &[&str]) -> AnkiNote {
        AnkiNote {
            id,
            deck: deck.into(),
            cloze,
            fields: fields.iter().map(|f| f.to_string()).collect(),
            tags: vec![],
        }
    }

    #[test]
    fn tags_become_tracks() {
        let tags: Vec<String> = [
            "Work::Support",
            "leech",
            "support",
            "Sales Team",
            "",
            "日本",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        assert_eq!(tracks_of(&tags), ["support", "sales-team"]);
        let long = vec!["x".repeat(60)];
        assert_eq!(tracks_of(&long)[0].len(), ID_MAX, "within an id's limit");
    }

    #[test]
    fn cloze_deletions_each_make_a_card() {
        let text = "The <b>capital</b> of {{c1::France}} is {{c2::Paris::a city}}.";
        assert_eq!(cloze_numbers(text), [1, 2]);
        let (front, back) = cloze_sides(text, 2);
        assert_eq!(front, "The **capital** of France is [a city].");
        assert_eq!(back, "The **capital** of France is **Paris**.");
        let (front, _) = cloze_sides(text, 1);
        assert_eq!(front, "The **capital** of […] is Paris.");
        assert!(cloze_numbers("{{c::x}} {{cx::y}} {{c1:z}}").is_empty());
    }

    #[test]
    fn notes_become_cards_and_media_is_listed() {
        let notes = [
            note(
                1,
                "Work::Security",
                false,
                &[
                    "What is <i>phishing</i>?",
                    "A fake message.<img src=\"mail.png\">",
                ],
            ),
            note(
                2,
                "Work::Security",
                true,
                &[
                    "Lock with {{c1::Win+L}} or {{c2::Ctrl+Cmd+Q}}.",
                    "Mac or PC",
                ],
            ),
            note(3, "Default", false, &["<img src='only.jpg'>", "back"]),
            note(4, "Default", false, &["just one field"]),
        ];
        let (items, skipped) = anki_items("deck.apkg", &notes, Lang::En);
        let kinds: Vec<&str> = items.iter().map(|i| i.kind).collect();
        assert_eq!(kinds, ["topic", "card", "card", "card"]);
        let field = |i: usize, f: &str| match &items[i].fields[f].0 {
            Raw::Text(t) => t.clone(),
            _ => unreachable!(),
        };
        assert_eq!(field(0, "id"), "security");
        assert_eq!(field(0, "name"), "Security");
        assert_eq!(field(1, "front"), "What is *phishing*?");
        assert_eq!(field(1, "back"), "A fake message.");
        assert_eq!(field(2, "front"), "Lock with […] or Ctrl+Cmd+Q.");
        assert_eq!(
            field(3, "back"),
            "Lock with Win+L or **Ctrl+Cmd+Q**.\n\nMac or PC"
        );
        assert_ne!(field(2, "id"), field(3, "id"));
        assert_eq!(
            crate::domain::content::describe_skipped(&skipped, crate::i18n::Lang::En).unwrap(),
            "4 skipped: media \"mail.png\" (note 1), media \"only.jpg\" (note 3), \
             card with only media on its front (note 3), note with one field (note 4)"
        );
    }
}
