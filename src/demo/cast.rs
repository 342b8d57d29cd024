//! The simulated team: who is in it, their role track, team, how they take reminders, which
//! topics they answer questions on, and how they learn. Drawn from the seed, so the same seed
//! gives the same people.

use super::learner::{Learner, Profile};
use crate::dice::SplitMix64;

/// First names for the simulated members (a number is added past the end of the list).
const NAMES: [&str; 48] = [
    "ada", "ben", "chloe", "dev", "emma", "farid", "gita", "hugo", "ines", "jonas", "kira", "liam",
    "maya", "noah", "olga", "pablo", "quinn", "rosa", "sami", "tara", "umar", "vera", "wen",
    "xavi", "yara", "zoe", "arun", "bea", "carl", "dina", "eli", "fay", "gus", "hana", "ivo",
    "jade", "kai", "lena", "milo", "nina", "omar", "pia", "ravi", "sara", "theo", "uma", "vic",
    "will",
];

/// A role track: a Discord role and the topics that matter for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Track {
    pub role: &'static str,
    pub topics: &'static [&'static str],
}

/// The demo's role tracks (every member has one).
pub const TRACKS: [Track; 2] = [
    Track {
        role: "Support",
        topics: &["support", "communication", "onboarding"],
    },
    Track {
        role: "Engineering",
        topics: &["security", "privacy", "onboarding"],
    },
];

/// The demo's teams (roles ranked on the team board).
pub const TEAMS: [&str; 2] = ["Team North", "Team South"];

/// Where a member wants review reminders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminders {
    /// The channel post (the default).
    Channel,
    /// A direct message.
    Dm,
}

/// One simulated member.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    /// The Discord user id (fixed, so runs are comparable).
    pub user: u64,
    /// Index into [`TRACKS`].
    pub track: usize,
    /// Index into [`TEAMS`].
    pub team: usize,
    pub reminders: Reminders,
    /// Topics this member answers questions on as an expert.
    pub expert_in: Vec<&'static str>,
    pub learner: Learner,
    /// From this day on they stop taking part (busy with other things): someone the report
    /// should flag as maybe needing support.
    pub drifts_away_on: Option<u32>,
}

/// The member who drifts away, and the day they do.
const DRIFTER: (usize, u32) = (4, 14);

/// The first simulated member's user id; the others follow.
pub const FIRST_USER_ID: u64 = 900_000_000_000_000_001;

/// `members` people drawn from `rng`. One in six takes reminders by DM. Nobody chooses to go
/// without reviews: the comparison group is the bot's randomized holdout (see `setup`). Each
/// topic gets experts from the track it belongs to, so questions always have someone to go to.
pub fn draw(members: usize, rng: &mut SplitMix64, questions: &[(String, String)]) -> Vec<Person> {
    let mut people: Vec<Person> = (0..members)
        .map(|i| {
            let name = match NAMES.get(i) {
                Some(n) => n.to_string(),
                None => format!("{}{}", NAMES[i % NAMES.len()], i / NAMES.len() + 1),
            };
            let profile = Profile {
                skill: rng.between(0.15, 0.9),
                forgetting: rng.between(0.6, 1.6),
                diligence: rng.between(0.55, 0.95),
            };
            let mut learner = Learner::new(profile);
            // Some of the bank is known from before, more by the more skilled.
            for (question, _) in questions {
                if rng.chance(0.15 + 0.35 * profile.skill) {
                    learner.knew_before(question, rng.between(3.0, 40.0), rng.between(0.0, 90.0));
                }
            }
            let reminders = if i % 6 == 1 {
                Reminders::Dm
            } else {
                Reminders::Channel
            };
            Person {
                name,
                user: FIRST_USER_ID + i as u64,
                track: i % TRACKS.len(),
                team: (i / 2) % TEAMS.len(),
                reminders,
                expert_in: vec![],
                learner,
                drifts_away_on: (i == DRIFTER.0).then_some(DRIFTER.1),
            }
        })
        .collect();
    appoint_experts(&mut people);
    people
}

/// Two experts per topic where the team is big enough: the first members of each track take
/// its topics in turn.
fn appoint_experts(people: &mut [Person]) {
    for (t, track) in TRACKS.iter().enumerate() {
        let members: Vec<usize> = (0..people.len())
            .filter(|&i| people[i].track == t)
            .collect();
        if members.is_empty() {
            continue;
        }
        let per_topic = if members.len() >= 4 { 2 } else { 1 };
        for (k, topic) in track.topics.iter().enumerate() {
            for j in 0..per_topic {
                let who = members[(k * per_topic + j) % members.len()];
                if !people[who].expert_in.contains(topic) {
                    people[who].expert_in.push(topic);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> Vec<(String, String)> {
        (0..20)
            .map(|i| (format!("q{i}"), "t".to_string()))
            .collect()
    }

    #[test]
    fn the_same_seed_draws_the_same_team() {
        let a = draw(12, &mut SplitMix64::new(5), &bank());
        let b = draw(12, &mut SplitMix64::new(5), &bank());
        let c = draw(12, &mut SplitMix64::new(6), &bank());
        let profiles = |p: &[Person]| p.iter().map(|x| x.learner.profile).collect::<Vec<_>>();
        assert_eq!(profiles(&a), profiles(&b));
        assert_ne!(profiles(&a), profiles(&c));
        assert_eq!(a[0].name, "ada");
        assert_eq!(a[11].user, FIRST_USER_ID + 11);
    }

    #[test]
    fn every_topic_has_an_expert_and_some_take_reminders_by_dm() {
        for size in [2, 5, 8, 40, 60] {
            let people = draw(size, &mut SplitMix64::new(1), &bank());
            for track in TRACKS {
                for topic in track.topics {
                    assert!(
                        people.iter().any(|p| p.expert_in.contains(topic)),
                        "{topic} with {size} members"
                    );
                }
            }
            let names: std::collections::HashSet<_> = people.iter().map(|p| &p.name).collect();
            assert_eq!(names.len(), size, "names are unique");
        }
        let people = draw(8, &mut SplitMix64::new(1), &bank());
        let dm = people
            .iter()
            .filter(|p| p.reminders == Reminders::Dm)
            .count();
        assert_eq!(dm, 2);
        let drifting: Vec<_> = people.iter().filter_map(|p| p.drifts_away_on).collect();
        assert_eq!(drifting, [14], "one member drifts away after two weeks");
    }
}
