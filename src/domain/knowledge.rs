//! Knowledge-base search terms: turning what a member typed into a safe full-text query, and
//! judging whether a match is relevant enough to show.
//!
//! User text never reaches SQLite's FTS5 syntax: it is split into words (letters and digits
//! only), and each word is quoted, so `"`, `*`, `:`, `^`, `(`, `NEAR`, `AND`, `-` and friends
//! are plain text or gone. The words are OR-ed and ranked by bm25; [`is_relevant`] then keeps
//! only matches that cover enough of the question's words.

use crate::domain::ids::{KbId, UserId};

/// At most this many words go into a query.
const MAX_TERMS: usize = 16;

/// Words too common to say anything about a question.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "did", "do", "does", "doing", "for", "from", "get", "got", "had", "has",
    "have", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "my", "need", "no",
    "not", "of", "on", "or", "our", "please", "should", "so", "some", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "to", "up", "us", "was", "we",
    "were", "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
    "anyone", "know", "here", "everyone",
];

/// The meaningful words of `text`: lower-case, letters and digits only, at least two
/// characters, no stop words, each once, in order, at most [`MAX_TERMS`].
pub fn terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let word = word.to_lowercase();
        if word.chars().count() < 2 || STOP_WORDS.contains(&word.as_str()) {
            continue;
        }
        if !out.contains(&word) {
            out.push(word);
        }
        if out.len() == MAX_TERMS {
            break;
        }
    }
    out
}

/// An FTS5 `MATCH` expression that finds rows with any of the terms; `None` when there is
/// nothing to search for. Terms hold only letters and digits, and each is quoted, so no
/// input can be read as FTS syntax.
pub fn fts_query(terms: &[String]) -> Option<String> {
    if terms.is_empty() {
        return None;
    }
    let quoted: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
    Some(quoted.join(" OR "))
}

/// A rough stem, so "passwords", "resetting" and "reset" meet: common English endings off.
fn stem(word: &str) -> &str {
    for suffix in ["ings", "ing", "ies", "ed", "es", "s"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.chars().count() >= 3 {
                // "resetting" → "resett" → "reset"
                let mut chars = base.chars().rev();
                return match (chars.next(), chars.next()) {
                    (Some(a), Some(b)) if a == b && !"aeiou".contains(a) => {
                        &base[..base.len() - a.len_utf8()]
                    }
                    _ => base,
                };
            }
        }
    }
    word
}

/// The share of the question's terms that occur in `document` (0.0 to 1.0).
pub fn coverage(query_terms: &[String], document: &str) -> f64 {
    if query_terms.is_empty() {
        return 0.0;
    }
    let doc: Vec<String> = terms_unbounded(document);
    let doc_stems: Vec<&str> = doc.iter().map(|w| stem(w)).collect();
    let found = query_terms
        .iter()
        .filter(|t| doc_stems.contains(&stem(t)))
        .count();
    found as f64 / query_terms.len() as f64
}

fn terms_unbounded(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

/// How much two questions' words overlap (0.0 to 1.0): shared word stems over the stems of
/// either (Jaccard). Two wordings of one question ("VPN drops on hotel wifi" / "hotel wifi
/// VPN keeps dropping") share most of their stems; different questions on one topic share few.
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    let stems = |t: &[String]| -> std::collections::BTreeSet<String> {
        t.iter().map(|w| stem(w).to_string()).collect()
    };
    let (a, b) = (stems(a), stems(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// From this [`similarity`] on, an open question counts as the same question asked again.
pub const DUPLICATE_SIMILARITY: f64 = 0.6;

/// Whether a match is worth showing: it covers at least half of the question's words (and at
/// least one).
pub fn is_relevant(query_terms: &[String], document: &str) -> bool {
    coverage(query_terms, document) >= 0.5
}

/// What a search hit is.
#[derive(Debug, Clone, PartialEq)]
pub enum KbKind {
    /// An accepted answer: its knowledge-base id, when it was last verified (or accepted), and
    /// its topic's or server's verification interval (`None`: the configured default).
    Answer {
        id: KbId,
        verified_ms: i64,
        interval_days: Option<u32>,
    },
    Tip,
    /// A quiz question with its right answer and explanation.
    Question,
    /// A content flashcard: its front and back.
    Card,
}

/// One full-text match, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct KbHit {
    pub kind: KbKind,
    pub topic_id: String,
    pub title: String,
    pub body: String,
    /// Higher is better (the negated bm25 rank).
    pub score: f64,
}

/// An accepted answer.
#[derive(Debug, Clone, PartialEq)]
pub struct KbEntry {
    pub id: KbId,
    pub topic_id: String,
    pub question: String,
    pub answer: String,
    pub author: UserId,
    pub removed: bool,
    /// Last verified (or accepted), Unix ms.
    pub verified_ms: i64,
    /// The topic's or server's interval (`None`: the configured default).
    pub interval_days: Option<u32>,
    /// When its owners were last reminded.
    pub reminded_ms: Option<i64>,
    /// The question's thread, if it was answered in one.
    pub thread: Option<crate::domain::ids::ChannelId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn terms_drop_stop_words_punctuation_and_repeats() {
        assert_eq!(
            terms("How do I reset my VPN password? The VPN password!"),
            s(&["reset", "vpn", "password"])
        );
        assert_eq!(terms("a ? ! I"), Vec::<String>::new());
        assert_eq!(
            terms("Zugangsdaten für das Büro"),
            s(&["zugangsdaten", "für", "das", "büro"])
        );
    }

    #[test]
    fn fts_syntax_in_user_text_is_neutralised() {
        let hostile = r#""unterminated OR * NEAR(a b) col:x ^start -not AND (( )) 'single'"#;
        let q = fts_query(&terms(hostile)).unwrap();
        for forbidden in ["*", ":", "^", "(", ")", "'", "-"] {
            assert!(!q.contains(forbidden), "{q}");
        }
        // Every term is one quoted word.
        for part in q.split(" OR ") {
            assert!(part.starts_with('"') && part.ends_with('"'), "{part}");
            assert!(part[1..part.len() - 1].chars().all(char::is_alphanumeric));
        }
        assert_eq!(fts_query(&terms("?? !! ..")), None);
    }

    #[test]
    fn long_text_is_capped() {
        let text: String = (0..100).map(|i| format!("word{i} ")).collect();
        assert_eq!(terms(&text).len(), MAX_TERMS);
    }

    #[test]
    fn rewordings_of_one_question_are_similar_and_other_questions_are_not() {
        let a = terms("My VPN keeps dropping on hotel wifi");
        let b = terms("VPN drops on the hotel wifi");
        let c = terms("How do I reset my VPN password?");
        assert!(
            similarity(&a, &b) >= DUPLICATE_SIMILARITY,
            "{}",
            similarity(&a, &b)
        );
        assert!(
            similarity(&a, &c) < DUPLICATE_SIMILARITY,
            "{}",
            similarity(&a, &c)
        );
        assert_eq!(similarity(&[], &[]), 0.0);
        assert_eq!(similarity(&a, &a), 1.0);
    }

    #[test]
    fn relevance_needs_half_of_the_words_with_rough_stems() {
        let q = terms("reset vpn password");
        assert!(is_relevant(
            &q,
            "To reset passwords for the VPN, open the portal."
        ));
        assert!(is_relevant(&q, "Resetting your password: use the portal."));
        assert!(!is_relevant(&q, "Password rules: 12 characters."));
        assert_eq!(coverage(&[], "anything"), 0.0);
    }
}
