//! The simulated people's answer key: which starter question a card shows and which of its
//! buttons is right, read from the card's text the way a person reads it (the bank is the
//! bundled starter pack, which the demo's admin loads).

use discord_emulator::PostedMessage;

/// One question as the simulation knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownQuestion {
    pub id: String,
    pub topic: String,
    pub prompt: String,
    /// The right button's position.
    pub correct: usize,
    pub choices: usize,
}

#[derive(Debug, Clone, Default)]
pub struct AnswerKey {
    questions: Vec<KnownQuestion>,
}

impl AnswerKey {
    /// The bundled starter pack's questions.
    pub fn starter() -> AnswerKey {
        let bundle = crate::app::starter::bundle();
        AnswerKey {
            questions: bundle
                .questions
                .iter()
                .map(|q| KnownQuestion {
                    id: q.id.clone(),
                    topic: q.topic.clone(),
                    prompt: q.prompt.clone(),
                    correct: q.answer.columns().1 as usize,
                    choices: q.choices().len(),
                })
                .collect(),
        }
    }

    pub fn questions(&self) -> &[KnownQuestion] {
        &self.questions
    }

    /// The question on a card (its embed's text starts with the prompt), if it is one.
    pub fn identify(&self, card: &PostedMessage) -> Option<&KnownQuestion> {
        let text = card.embeds.as_array()?.first()?["description"].as_str()?;
        self.questions
            .iter()
            .filter(|q| text.starts_with(&q.prompt))
            .max_by_key(|q| q.prompt.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_card_is_recognised_by_its_prompt() {
        let key = AnswerKey::starter();
        assert!(key.questions().len() >= 50);
        let q = &key.questions()[3];
        let card = PostedMessage {
            embeds: json!([{"title": "🧠 Practice", "description": format!("{}\n\n**A** …", q.prompt)}]),
            ..Default::default()
        };
        assert_eq!(key.identify(&card), Some(q));
        assert!(q.correct < q.choices);
        let other = PostedMessage {
            embeds: json!([{"description": "Something else"}]),
            ..Default::default()
        };
        assert_eq!(key.identify(&other), None);
        assert_eq!(key.identify(&PostedMessage::default()), None);
    }
}
