//! The starter pack in `config/content/`, built into the binary so a new server has something
//! to learn from the first day.

use crate::domain::content::Bundle;
use crate::domain::content_files::parse_all;
use std::sync::OnceLock;

/// The pack's files: (name, text).
pub const FILES: [(&str, &str); 5] = [
    (
        "security.toml",
        include_str!("../../config/content/security.toml"),
    ),
    (
        "privacy.toml",
        include_str!("../../config/content/privacy.toml"),
    ),
    (
        "support.toml",
        include_str!("../../config/content/support.toml"),
    ),
    (
        "onboarding.toml",
        include_str!("../../config/content/onboarding.toml"),
    ),
    (
        "communication.toml",
        include_str!("../../config/content/communication.toml"),
    ),
];

/// The pack, checked like any import (a test guarantees it is valid); parsed once.
pub fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let files: Vec<(String, String)> = FILES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        parse_all(&files, &[]).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_pack_is_valid_and_big_enough() {
        let files: Vec<(String, String)> = FILES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let b = parse_all(&files, &[]).unwrap_or_else(|p| {
            panic!(
                "{}",
                p.iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(b.topics.len() >= 5);
        assert!(b.questions.len() >= 60, "{}", b.questions.len());
        assert!(b.tips.len() >= 20, "{}", b.tips.len());
        for t in &b.topics {
            assert!(
                b.questions.iter().filter(|q| q.topic == t.id).count() >= 10,
                "{}",
                t.id
            );
        }
    }
}
