//! Knowledge-base search terms: turning what a member typed into a safe full-text query, and
//! judging whether a match is relevant enough to show.
//!
//! Search speaks the server's language. Words are lower-cased, cut to their stem by that
//! language's Snowball stemmer (English, German, French, Spanish), then stripped of accents,
//! so "Passwörter" and "Passwort", "réinitialiser" and "réinitialisation" meet. The index
//! stores these stems ([`index_terms`]) beside the text, and both engines match them as plain
//! words: SQLite's FTS5 with `unicode61 remove_diacritics 2` (its `porter` stemmer is English
//! only) and Postgres's `simple` configuration, so the two behave alike. The trade-off: a
//! server's index is stemmed in one language, so a question in another language finds only
//! words spelt the same; changing the server's language rebuilds the index.
//!
//! User text never reaches SQLite's FTS5 syntax: it is split into words (letters and digits
//! only), and each stem is quoted, so `"`, `*`, `:`, `^`, `(`, `NEAR`, `AND`, `-` and friends
//! are plain text or gone. The stems are OR-ed and ranked by bm25; [`is_relevant`] then keeps
//! only matches that cover enough of the question's words.

use crate::domain::ids::{KbId, UserId};
use crate::i18n::Lang;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// At most this many words go into a query.
const MAX_TERMS: usize = 16;

/// Words too common to say anything about a question, per language.
fn stop_words(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => STOP_WORDS_EN,
        Lang::De => STOP_WORDS_DE,
        Lang::Fr => STOP_WORDS_FR,
        Lang::Es => STOP_WORDS_ES,
    }
}

const STOP_WORDS_DE: &[&str] = &[
    "aber", "alle", "als", "am", "an", "auch", "auf", "aus", "bei", "bin", "bis", "bitte", "da",
    "das", "dass", "dem", "den", "der", "des", "die", "doch", "du", "ein", "eine", "einem",
    "einen", "einer", "es", "für", "hat", "habe", "haben", "ich", "ihr", "im", "in", "ist", "ja",
    "jemand", "kann", "man", "mein", "meine", "mich", "mir", "mit", "muss", "nach", "nicht",
    "noch", "nur", "oder", "sich", "sie", "sind", "so", "um", "und", "uns", "von", "was", "weiß",
    "wer", "wie", "wir", "wo", "zu", "zum", "zur",
];

const STOP_WORDS_FR: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "comment", "dans", "de", "des", "du", "elle", "en", "est",
    "et", "faut", "il", "je", "la", "le", "les", "leur", "ma", "mais", "me", "mes", "mon", "ne",
    "nous", "on", "ou", "où", "par", "pas", "pour", "qu", "que", "quel", "quelle", "qui", "quoi",
    "sa", "se", "ses", "son", "sur", "ta", "te", "tu", "un", "une", "vous", "votre", "vos", "il",
    "sait", "peut", "merci",
];

const STOP_WORDS_ES: &[&str] = &[
    "a", "al", "algo", "alguien", "como", "cómo", "con", "cual", "cuál", "de", "del", "el", "en",
    "es", "esta", "este", "hay", "la", "las", "le", "lo", "los", "me", "mi", "mis", "no", "nos",
    "o", "para", "pero", "por", "qué", "que", "se", "su", "sus", "te", "tu", "un", "una", "y",
    "yo", "sabe", "puedo", "gracias", "favor",
];

/// A word's search form in `lang`: its stem, without accents (the word is lower-case).
fn stem_of(stemmer: &Stemmer, word: &str) -> String {
    stemmer
        .stem(word)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

fn stemmer(lang: Lang) -> Stemmer {
    Stemmer::create(match lang {
        Lang::En => Algorithm::English,
        Lang::De => Algorithm::German,
        Lang::Fr => Algorithm::French,
        Lang::Es => Algorithm::Spanish,
    })
}

/// Every word of `text` in its search form, space-separated: what the index stores and
/// matches (see the module's notes).
pub fn index_terms(text: &str, lang: Lang) -> String {
    let stemmer = stemmer(lang);
    let stems: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| stem_of(&stemmer, &w.to_lowercase()))
        .collect();
    stems.join(" ")
}

const STOP_WORDS_EN: &[&str] = &[
    "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "did", "do", "does", "doing", "for", "from", "get", "got", "had", "has",
    "have", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "my", "need", "no",
    "not", "of", "on", "or", "our", "please", "should", "so", "some", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "to", "up", "us", "was", "we",
    "were", "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
    "anyone", "know", "here", "everyone",
];

/// The meaningful words of `text` in their search form for `lang`: letters and digits only,
/// at least two characters, no stop words, stemmed and without accents, each once, in order,
/// at most [`MAX_TERMS`].
pub fn terms(text: &str, lang: Lang) -> Vec<String> {
    let stemmer = stemmer(lang);
    let stop = stop_words(lang);
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let word = word.to_lowercase();
        if word.chars().count() < 2 || stop.contains(&word.as_str()) {
            continue;
        }
        let stem = stem_of(&stemmer, &word);
        if !stem.is_empty() && !out.contains(&stem) {
            out.push(stem);
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

/// The share of the question's terms (from [`terms`] in `lang`) that occur in `document`
/// (0.0 to 1.0).
pub fn coverage(query_terms: &[String], document: &str, lang: Lang) -> f64 {
    if query_terms.is_empty() {
        return 0.0;
    }
    let doc = index_terms(document, lang);
    let doc_stems: std::collections::BTreeSet<&str> = doc.split(' ').collect();
    let found = query_terms
        .iter()
        .filter(|t| doc_stems.contains(t.as_str()))
        .count();
    found as f64 / query_terms.len() as f64
}

/// How much two questions' words overlap (0.0 to 1.0): shared stems (from [`terms`]) over the
/// stems of either (Jaccard). Two wordings of one question ("VPN drops on hotel wifi" / "hotel
/// wifi VPN keeps dropping") share most of their stems; different questions on one topic share
/// few.
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    let stems =
        |t: &[String]| -> std::collections::BTreeSet<String> { t.iter().cloned().collect() };
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
pub fn is_relevant(query_terms: &[String], document: &str, lang: Lang) -> bool {
    coverage(query_terms, document, lang) >= 0.5
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
            terms(
                "How do I reset my VPN password? The VPN password!",
                Lang::En
            ),
            s(&["reset", "vpn", "password"])
        );
        assert_eq!(terms("a ? ! I", Lang::En), Vec::<String>::new());
        // German: its stop words go, stems lose their accents.
        assert_eq!(
            terms("Zugangsdaten für das Büro", Lang::De),
            s(&["zugangsdat", "buro"])
        );
    }

    #[test]
    fn fts_syntax_in_user_text_is_neutralised() {
        let hostile = r#""unterminated OR * NEAR(a b) col:x ^start -not AND (( )) 'single'"#;
        let q = fts_query(&terms(hostile, Lang::En)).unwrap();
        for forbidden in ["*", ":", "^", "(", ")", "'", "-"] {
            assert!(!q.contains(forbidden), "{q}");
        }
        // Every term is one quoted word.
        for part in q.split(" OR ") {
            assert!(part.starts_with('"') && part.ends_with('"'), "{part}");
            assert!(part[1..part.len() - 1].chars().all(char::is_alphanumeric));
        }
        assert_eq!(fts_query(&terms("?? !! ..", Lang::En)), None);
    }

    #[test]
    fn long_text_is_capped() {
        let text: String = (0..100).map(|i| format!("word{i} ")).collect();
        assert_eq!(terms(&text, Lang::En).len(), MAX_TERMS);
    }

    #[test]
    fn rewordings_of_one_question_are_similar_and_other_questions_are_not() {
        let a = terms("My VPN keeps dropping on hotel wifi", Lang::En);
        let b = terms("VPN drops on the hotel wifi", Lang::En);
        let c = terms("How do I reset my VPN password?", Lang::En);
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
    fn relevance_needs_half_of_the_words_with_stems() {
        let q = terms("reset vpn password", Lang::En);
        let en = Lang::En;
        assert!(is_relevant(
            &q,
            "To reset passwords for the VPN, open the portal.",
            en
        ));
        assert!(is_relevant(
            &q,
            "Resetting your password: use the portal.",
            en
        ));
        assert!(!is_relevant(&q, "Password rules: 12 characters.", en));
        assert_eq!(coverage(&[], "anything", en), 0.0);
    }

    #[test]
    fn each_language_meets_its_own_inflections() {
        let cases = [
            (
                Lang::De,
                "Passwort zurücksetzen",
                "Passwörter setzt man im Portal zurück: zurücksetzen geht dort.",
            ),
            (
                Lang::Fr,
                "réinitialiser mot de passe",
                "Pour réinitialiser les mots de passe, ouvrez le portail.",
            ),
            (
                Lang::Es,
                "restablecer contraseñas",
                "Para restablecer la contraseña, abre el portal.",
            ),
        ];
        for (lang, question, answer) in cases {
            let q = terms(question, lang);
            assert!(
                is_relevant(&q, answer, lang),
                "{lang:?}: {q:?} in {}",
                index_terms(answer, lang)
            );
        }
        // The index form: stems without accents, every word, in order.
        assert_eq!(index_terms("Die Passwörter!", Lang::De), "die passwort");
        assert_eq!(index_terms("Réponses", Lang::Fr), "repons");
    }
}
