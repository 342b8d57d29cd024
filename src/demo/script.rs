//! What the simulated team asks with `/ask`, how the same need is put a second time, and what
//! the expert replies. The second phrasing is what the knowledge base should catch once the
//! first was answered; `key` is how the asker recognises a helpful answer among the matches.

/// One real need for information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    pub topic: &'static str,
    pub first: &'static str,
    pub again: &'static str,
    pub answer: &'static str,
    pub key: &'static str,
}

pub const NEEDS: [Need; 10] = [
    Need {
        topic: "security",
        first: "How do I get read access to the staging database?",
        again: "Who approves read access to the staging database?",
        answer: "Request the role db-staging-read in the access portal; your team lead approves it within a day.",
        key: "db-staging-read",
    },
    Need {
        topic: "security",
        first: "I lost my laptop on the train, what do I do first?",
        again: "My work laptop was stolen on the train, who do I tell?",
        answer: "Call the IT hotline on 4444 at once so they can lock and wipe the laptop, then file a report in the service desk.",
        key: "4444",
    },
    Need {
        topic: "privacy",
        first: "Can I keep customer call recordings after the ticket is closed?",
        again: "How long may we keep customer call recordings?",
        answer: "Delete call recordings 90 days after the ticket closes; the retention policy allows no longer without the customer's consent.",
        key: "90 days",
    },
    Need {
        topic: "privacy",
        first: "Who handles a customer's request for a copy of their personal data?",
        again: "A customer asked for a copy of their personal data, who handles that?",
        answer: "Forward the request to the privacy team's mailbox within a day; they must answer the customer within 30 days.",
        key: "privacy team's mailbox",
    },
    Need {
        topic: "support",
        first: "What refund amount can an agent approve without a manager?",
        again: "Up to what refund amount can an agent approve alone?",
        answer: "Agents approve refunds up to 200 euros; above that, tag the ticket refund-review for a manager.",
        key: "200 euros",
    },
    Need {
        topic: "support",
        first: "How do I escalate a ticket to the second-line team?",
        again: "Which queue sends a ticket to second-line support?",
        answer: "Set the ticket's queue to L2 and add a summary of what you tried; second line picks it up within 4 hours.",
        key: "queue to L2",
    },
    Need {
        topic: "communication",
        first: "Where should I announce a service outage to customers?",
        again: "Where do service outage announcements go?",
        answer: "Post it on the status page with the outage template, then link that post in the team channel.",
        key: "status page",
    },
    Need {
        topic: "communication",
        first: "Is there a template for the weekly status update?",
        again: "What format does the weekly status update use?",
        answer: "Use the three-line template: done, next, blocked. Post it in your team channel by Friday noon.",
        key: "done, next, blocked",
    },
    Need {
        topic: "onboarding",
        first: "Where do I find the company holiday calendar?",
        again: "Is the company holiday calendar online somewhere?",
        answer: "It is on the intranet under People, Time off; you can add it to your own calendar from there.",
        key: "People, Time off",
    },
    Need {
        topic: "onboarding",
        first: "How do I book a desk in the office?",
        again: "Can I book an office desk for Thursday?",
        answer: "Use the desk booking app on the intranet; bookings open two weeks ahead and free up at 10:00 if unused.",
        key: "desk booking app",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_need_is_recognisable_by_its_answer_and_fits_discord() {
        for n in NEEDS {
            assert!(n.answer.contains(n.key), "{}", n.key);
            assert!(n.first.len() <= 300 && n.again.len() <= 300);
            assert_ne!(n.first, n.again);
            assert!(
                crate::demo::cast::TRACKS
                    .iter()
                    .any(|t| t.topics.contains(&n.topic)),
                "{} is on a track",
                n.topic
            );
        }
    }
}
