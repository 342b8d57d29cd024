//! Mastery of a topic: how much of it a member would recall today.
//!
//! A topic's mastery is the predicted recall of each of its questions today, averaged over
//! *all* its questions, with unseen questions at zero. So it grows with coverage (seeing more of
//! the topic) and with memory (recalling what was seen), and it falls as memories fade.

/// What is known about one of a member's topics.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicMemory {
    pub topic_id: String,
    pub topic_name: String,
    /// Questions in the topic.
    pub questions: usize,
    /// Predicted recall today of each question the member has answered.
    pub recalls: Vec<f64>,
    /// Answered questions due today or earlier.
    pub due: usize,
    /// Answered questions whose stability passed the mastery threshold.
    pub mastered: usize,
}

impl TopicMemory {
    /// 0.0 to 1.0.
    pub fn mastery(&self) -> f64 {
        if self.questions == 0 {
            return 0.0;
        }
        let known: f64 = self.recalls.iter().map(|r| r.clamp(0.0, 1.0)).sum();
        (known / self.questions as f64).clamp(0.0, 1.0)
    }

    pub fn seen(&self) -> usize {
        self.recalls.len()
    }
}

/// `███████░░░` for 0.0–1.0 in `width` cells.
pub fn bar(fraction: f64, width: usize) -> String {
    let filled = ((fraction.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(questions: usize, recalls: &[f64]) -> TopicMemory {
        TopicMemory {
            topic_id: "t".into(),
            topic_name: "T".into(),
            questions,
            recalls: recalls.to_vec(),
            due: 0,
            mastered: 0,
        }
    }

    #[test]
    fn mastery_counts_coverage_and_recall() {
        assert_eq!(topic(10, &[]).mastery(), 0.0);
        assert!((topic(10, &[1.0, 1.0]).mastery() - 0.2).abs() < 1e-12);
        assert!((topic(10, &[0.5, 0.5]).mastery() - 0.1).abs() < 1e-12);
        assert_eq!(topic(2, &[1.0, 1.0]).mastery(), 1.0);
        assert_eq!(topic(0, &[]).mastery(), 0.0);
    }

    #[test]
    fn bars_have_a_fixed_width() {
        assert_eq!(bar(0.0, 10), "░░░░░░░░░░");
        assert_eq!(bar(0.68, 10), "███████░░░");
        assert_eq!(bar(1.5, 4), "████");
    }
}
