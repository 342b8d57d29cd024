//! Ids and topics for question-bank formats that have none (Aiken; GIFT questions without a
//! name or a category): made up the same way on every import, so that importing a file again
//! updates the same items instead of adding copies.

use super::{Raw, RawItem};
use crate::domain::content::{check_id, ID_MAX, TOPIC_NAME_MAX};
use std::collections::BTreeMap;

/// `text` as an id: lowercase ASCII letters and digits, anything else one `-`, at most `max`
/// characters, no `-` at either end (empty when nothing is left).
pub(super) fn slug(text: &str, max: usize) -> String {
    let mut id = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id: String = id.chars().take(max).collect();
    id.trim_end_matches('-').to_string()
}

/// An item's id from its name (a GIFT `::name::`): the name itself if it is already an id (as
/// in peerlearn's own GIFT export), else its slug; `None` when nothing usable is left.
pub(super) fn id_from_name(name: &str) -> Option<String> {
    let name = name.trim();
    if check_id(name, crate::i18n::Lang::En).is_ok() {
        return Some(name.to_string());
    }
    Some(slug(name, ID_MAX)).filter(|id| !id.is_empty())
}

/// Ids made up in one file, told apart: the second `x` is `x-2`, the third `x-3` (shortened
/// first, so that the id stays within [`ID_MAX`]).
#[derive(Default)]
pub(super) struct UniqueIds(BTreeMap<String, usize>);

impl UniqueIds {
    pub(super) fn of(&mut self, base: String) -> String {
        let count = self.0.entry(base.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            return base;
        }
        let suffix = format!("-{count}");
        let room = ID_MAX - suffix.len();
        let kept: String = base.chars().take(room).collect();
        format!("{}{suffix}", kept.trim_end_matches('-'))
    }
}

/// A topic's id and name from a name people gave it (a file's, a category's):
/// `Security basics` → (`security-basics`, `Security basics`), `tools_2` → (`tools_2`,
/// `tools_2`); `imported` when nothing usable is left.
pub(super) fn topic_named(name: &str) -> (String, String) {
    let name = name.trim();
    // A name that is already an id (as in peerlearn's own GIFT export) is kept as it is.
    let id = id_from_name(name).unwrap_or_else(|| "imported".to_string());
    let name = match name {
        "" => id.clone(),
        name => name.chars().take(TOPIC_NAME_MAX).collect(),
    };
    (id, name)
}

/// The topic of a file's questions, from its name without folders and extension.
pub(super) fn topic_of_file(file: &str) -> (String, String) {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    topic_named(base.rsplit_once('.').map_or(base, |(stem, _)| stem))
}

/// `topic-` (its first 31 characters) and eight hex digits of `text`'s FNV-1a hash (the same
/// on every machine).
pub(super) fn hashed_id(topic: &str, text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.trim().bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let prefix: String = topic.chars().take(ID_MAX - 9).collect();
    format!("{}-{:08x}", prefix.trim_end_matches('-'), hash >> 32)
}

/// A made-up topic as a raw item, checked like any `[[topic]]`.
pub(super) fn topic_item(id: &str, name: &str, line: usize) -> RawItem {
    RawItem {
        kind: "topic",
        line,
        fields: BTreeMap::from([
            ("id".to_string(), (Raw::Text(id.to_string()), line)),
            ("name".to_string(), (Raw::Text(name.to_string()), line)),
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_and_ids_are_made_up_from_names() {
        assert_eq!(
            topic_of_file("dir/Onboarding — Week 1.txt").0,
            "onboarding-week-1"
        );
        assert_eq!(
            topic_of_file("dir\\Security basics.txt").1,
            "Security basics"
        );
        assert_eq!(topic_of_file("***.txt").0, "imported");
        assert_eq!(
            topic_of_file(&format!("{}.txt", "x".repeat(90))).0.len(),
            ID_MAX
        );
        assert_eq!(slug("  Crème brûlée: 2 ways! ", 40), "cr-me-br-l-e-2-ways");
        assert_eq!(slug("abc-def", 4), "abc");
        assert_eq!(topic_named("tools_2-").0, "tools_2-", "already an id");
        assert_eq!(id_from_name("Pass word?").as_deref(), Some("pass-word"));
        assert_eq!(id_from_name("a--b").as_deref(), Some("a--b"));
        assert_eq!(id_from_name("?!"), None);
        let mut ids = UniqueIds::default();
        let long = "x".repeat(ID_MAX);
        assert_eq!(ids.of(long.clone()), long);
        let second = ids.of(long);
        assert_eq!(second.len(), ID_MAX);
        assert!(
            second.ends_with("x-2") && check_id(&second, crate::i18n::Lang::En).is_ok(),
            "{second}"
        );
        assert_eq!(ids.of("a".into()), "a");
        assert_eq!(hashed_id("t", "Why?"), hashed_id("t", "  Why?  "));
        assert_ne!(hashed_id("t", "Why?"), hashed_id("t", "Why not?"));
        assert_eq!(hashed_id(&"t".repeat(ID_MAX), "x").len(), ID_MAX);
    }
}
