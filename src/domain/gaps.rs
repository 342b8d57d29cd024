//! The gap loop: what members asked that the knowledge base could not answer, grouped into
//! **content requests** for admins and content authors ("pull, not push": write what people
//! look for).
//!
//! A question counts as unanswered by the knowledge base when `/ask` found nothing, or the
//! asker said "I still need help" (either way it went to a thread). Questions are grouped per
//! topic by wording: two questions are linked when their word stems overlap by at least
//! [`LINK_SIMILARITY`] (Jaccard, see [`crate::domain::knowledge::similarity`]), and a group is
//! every question reachable through links (single-link clustering). This needs no external
//! service and is exact for a few hundred questions a week; rewordings of one question land
//! together, while different questions on one topic share too few stems to meet.

use crate::domain::format::one_line;
use crate::domain::ids::{KbId, UserId};
use crate::domain::knowledge::{similarity, terms};
use crate::i18n::Lang;

/// Two questions this similar (or more) go into one request.
pub const LINK_SIMILARITY: f64 = 0.34;

/// A question the knowledge base could not answer.
#[derive(Debug, Clone, PartialEq)]
pub struct GapAsk {
    pub id: i64,
    pub asker: UserId,
    pub topic: String,
    pub text: String,
    /// The answer accepted for it since, if any.
    pub answered: Option<KbId>,
}

/// A group of similar unanswered questions.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentRequest {
    pub topic: String,
    /// The shortest wording in the group.
    pub label: String,
    pub asks: usize,
    pub people: usize,
    /// Answers accepted for questions of the group since (a start for the content).
    pub answers: Vec<KbId>,
}

/// Groups `asks` into requests, most asked first (then most people, then topic and label);
/// wordings are compared in the server's language `lang`.
pub fn content_requests(asks: &[GapAsk], lang: Lang) -> Vec<ContentRequest> {
    let words: Vec<Vec<String>> = asks.iter().map(|a| terms(&a.text, lang)).collect();
    // Union-find over the questions, linking similar ones in the same topic.
    let mut parent: Vec<usize> = (0..asks.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..asks.len() {
        for j in i + 1..asks.len() {
            if asks[i].topic == asks[j].topic && similarity(&words[i], &words[j]) >= LINK_SIMILARITY
            {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<&GapAsk>> = Default::default();
    for (i, ask) in asks.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(ask);
    }
    let mut out: Vec<ContentRequest> = groups
        .into_values()
        .map(|group| {
            let label = group
                .iter()
                .map(|a| one_line(&a.text))
                .min_by_key(|t| (t.chars().count(), t.clone()))
                .unwrap_or_default();
            let mut people: Vec<UserId> = group.iter().map(|a| a.asker).collect();
            people.sort();
            people.dedup();
            let mut answers: Vec<KbId> = group.iter().filter_map(|a| a.answered).collect();
            answers.sort();
            answers.dedup();
            ContentRequest {
                topic: group[0].topic.clone(),
                label,
                asks: group.len(),
                people: people.len(),
                answers,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.asks
            .cmp(&a.asks)
            .then(b.people.cmp(&a.people))
            .then(a.topic.cmp(&b.topic))
            .then(a.label.cmp(&b.label))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(id: i64, asker: u64, topic: &str, text: &str) -> GapAsk {
        GapAsk {
            id,
            asker: UserId(asker),
            topic: topic.into(),
            text: text.into(),
            answered: None,
        }
    }

    #[test]
    fn rewordings_group_together_and_other_questions_stay_apart() {
        let asks = [
            ask(1, 1, "security", "VPN drops on hotel wifi"),
            ask(2, 2, "security", "My VPN keeps dropping on the hotel Wi-Fi"),
            ask(
                3,
                2,
                "security",
                "hotel wifi: VPN disconnects every few minutes",
            ),
            ask(4, 3, "security", "How do I reset my password?"),
            ask(5, 4, "privacy", "VPN drops on hotel wifi"),
        ];
        let requests = content_requests(&asks, Lang::En);
        assert_eq!(requests.len(), 3, "{requests:#?}");
        assert_eq!(requests[0].topic, "security");
        assert_eq!(requests[0].label, "VPN drops on hotel wifi");
        assert_eq!((requests[0].asks, requests[0].people), (3, 2));
        assert!(requests[1..].iter().all(|r| r.asks == 1));
        assert!(
            requests.iter().any(|r| r.topic == "privacy"),
            "topics are never mixed"
        );
    }

    #[test]
    fn answers_accepted_since_are_listed_once() {
        let mut a = ask(1, 1, "t", "printer A3 floor three");
        a.answered = Some(KbId(7));
        let mut b = ask(2, 2, "t", "A3 printer on floor three?");
        b.answered = Some(KbId(7));
        let r = content_requests(&[a, b], Lang::En);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].answers, vec![KbId(7)]);
        assert!(content_requests(&[], Lang::En).is_empty());
    }
}
