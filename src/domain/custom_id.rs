//! The one codec for the `custom_id`s on the bot's buttons.
//!
//! Every id starts with a version tag (`pl1`), so ids on old messages can be recognised after a
//! format change, and stays well under Discord's 100-character limit. Parsing never trusts the
//! text: a forged or stale id is `None`, and the caller answers "this button is no longer valid".

use crate::domain::answer_key::CHOICES_MAX;
use crate::domain::ids::{CardId, DraftId, GuildId, KbId, PostId, UserId, VersionId};

/// The version tag of the current format.
const TAG: &str = "pl1";
pub use crate::domain::limits::CUSTOM_ID_MAX;

/// How an answer component answers: the choice on a button, the choices picked in a select
/// menu (they come with the interaction), or a button that opens a text box; the text box's
/// form carries the same id, and the typed text with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Choice(u8),
    Menu,
    TextBox,
}

impl Via {
    fn encode(self) -> String {
        match self {
            Via::Choice(c) => c.to_string(),
            Via::Menu => "m".into(),
            Via::TextBox => "t".into(),
        }
    }

    fn parse(s: &str) -> Option<Via> {
        match s {
            "m" => Some(Via::Menu),
            "t" => Some(Via::TextBox),
            _ => {
                let c: u8 = s.parse().ok().filter(|_| s.len() == 1)?;
                (usize::from(c) < CHOICES_MAX).then_some(Via::Choice(c))
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentId {
    /// An answer to a quiz posted in a channel: the post and how it is answered.
    QuizAnswer { post: PostId, via: Via },
    /// An answer to a personal practice question: the question version, how it is answered, and when
    /// (unix ms) it was shown, which also makes the attempt unique; `check` when the bot drew it
    /// as a knowledge check.
    PracticeAnswer {
        version: VersionId,
        via: Via,
        shown_ms: i64,
        check: bool,
    },
    /// "Another question" after a practice answer: one from the same topic as this version.
    PracticeNext { version: VersionId },
    /// "Start my review" on a review reminder (in a channel or a DM, so the guild is carried).
    ReviewStart { guild: GuildId },
    /// An answer to the `n`th question of a review session (`check`: a knowledge check).
    ReviewAnswer {
        guild: GuildId,
        version: VersionId,
        via: Via,
        shown_ms: i64,
        n: u8,
        check: bool,
    },
    /// "Next question" after the `n`th answer of a review session.
    ReviewNext { guild: GuildId, n: u8 },
    /// "That solved it" under the knowledge-base matches shown for a question.
    AskSolved { ask: i64 },
    /// "I still need help": route the question to an expert.
    AskRoute { ask: i64 },
    /// "Delete my data" under `/privacy delete`, with when the prompt was shown (it expires).
    PrivacyDelete { issued_ms: i64 },
    /// "Keep my data" under `/privacy delete`.
    PrivacyKeep,
    /// "One more?" under the feedback on a channel quiz: a knowledge check.
    CheckStart,
    /// "Show answer" on a flashcard shown at `shown_ms`; `n` is its place in a review session
    /// (0: practice).
    CardShow {
        guild: GuildId,
        card: CardId,
        shown_ms: i64,
        n: u8,
    },
    /// "I knew it" (`knew`) or "Not yet" on a flashcard's back.
    CardGrade {
        guild: GuildId,
        card: CardId,
        knew: bool,
        shown_ms: i64,
        n: u8,
    },
    /// "Not useful": the member drops an answer card.
    CardDrop { guild: GuildId, card: CardId },
    /// "Another one" after a practised card: practice in the card's topic.
    CardMore { guild: GuildId, card: CardId },
    /// The owner's verdict on an answer due for verification (in a DM, so the guild is carried).
    Verify {
        guild: GuildId,
        kb: KbId,
        verdict: Verdict,
    },
    /// The modal that replaces an answer's text ("Needs an update").
    VerifyUpdate { guild: GuildId, kb: KbId },
    /// "Follow that question": the asker of `from` follows the open question `ask`.
    AskFollow { ask: i64, from: i64 },
    /// "Edit" on a draft's preview, and the form it opens (which carries the same id).
    DraftForm { guild: GuildId, draft: DraftId },
    /// A step on a draft.
    Draft {
        guild: GuildId,
        draft: DraftId,
        step: DraftStep,
    },
    /// "We talked" (`talked`) or "Skip" on a pairing DM: the pairing the run of `schedule` at
    /// `at_ms` made for `learner`.
    Pairing {
        guild: GuildId,
        schedule: i64,
        at_ms: i64,
        learner: UserId,
        talked: bool,
    },
}

/// What a button does to a question drafted in chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftStep {
    /// Shows it with what the viewer may do (an admin reviewing a proposed draft).
    View,
    Publish,
    /// An expert hands it to the admins.
    Propose,
    Discard,
}

impl DraftStep {
    fn tag(self) -> &'static str {
        match self {
            DraftStep::View => "dv",
            DraftStep::Publish => "dp",
            DraftStep::Propose => "do",
            DraftStep::Discard => "dx",
        }
    }
}

/// An owner's verdict on an answer due for verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    StillCorrect,
    NeedsUpdate,
    Retire,
}

impl Verdict {
    fn tag(self) -> &'static str {
        match self {
            Verdict::StillCorrect => "vs",
            Verdict::NeedsUpdate => "vn",
            Verdict::Retire => "vr",
        }
    }
}

impl ComponentId {
    pub fn encode(&self) -> String {
        match *self {
            ComponentId::QuizAnswer { post, via } => format!("{TAG}:qa:{post}:{}", via.encode()),
            ComponentId::PracticeAnswer {
                version,
                via,
                shown_ms,
                check,
            } => {
                let tag = if check { "pc" } else { "pa" };
                format!("{TAG}:{tag}:{version}:{}:{shown_ms}", via.encode())
            }
            ComponentId::PracticeNext { version } => format!("{TAG}:pn:{version}"),
            ComponentId::ReviewStart { guild } => format!("{TAG}:rs:{guild}"),
            ComponentId::ReviewAnswer {
                guild,
                version,
                via,
                shown_ms,
                n,
                check,
            } => {
                let tag = if check { "rk" } else { "ra" };
                let via = via.encode();
                format!("{TAG}:{tag}:{guild}:{version}:{via}:{shown_ms}:{n}")
            }
            ComponentId::ReviewNext { guild, n } => format!("{TAG}:rn:{guild}:{n}"),
            ComponentId::AskSolved { ask } => format!("{TAG}:as:{ask}"),
            ComponentId::AskRoute { ask } => format!("{TAG}:ar:{ask}"),
            ComponentId::PrivacyDelete { issued_ms } => format!("{TAG}:pd:{issued_ms}"),
            ComponentId::PrivacyKeep => format!("{TAG}:pk"),
            ComponentId::CheckStart => format!("{TAG}:cs"),
            ComponentId::CardShow {
                guild,
                card,
                shown_ms,
                n,
            } => format!("{TAG}:ks:{guild}:{card}:{shown_ms}:{n}"),
            ComponentId::CardGrade {
                guild,
                card,
                knew,
                shown_ms,
                n,
            } => {
                let tag = if knew { "kk" } else { "kn" };
                format!("{TAG}:{tag}:{guild}:{card}:{shown_ms}:{n}")
            }
            ComponentId::CardDrop { guild, card } => format!("{TAG}:kd:{guild}:{card}"),
            ComponentId::CardMore { guild, card } => format!("{TAG}:km:{guild}:{card}"),
            ComponentId::Verify { guild, kb, verdict } => {
                format!("{TAG}:{}:{guild}:{kb}", verdict.tag())
            }
            ComponentId::VerifyUpdate { guild, kb } => format!("{TAG}:vm:{guild}:{kb}"),
            ComponentId::AskFollow { ask, from } => format!("{TAG}:af:{ask}:{from}"),
            ComponentId::DraftForm { guild, draft } => format!("{TAG}:df:{guild}:{draft}"),
            ComponentId::Draft { guild, draft, step } => {
                format!("{TAG}:{}:{guild}:{draft}", step.tag())
            }
            ComponentId::Pairing {
                guild,
                schedule,
                at_ms,
                learner,
                talked,
            } => {
                let tag = if talked { "pw" } else { "px" };
                format!("{TAG}:{tag}:{guild}:{schedule}:{at_ms}:{learner}")
            }
        }
    }

    pub fn parse(id: &str) -> Option<ComponentId> {
        if id.len() > CUSTOM_ID_MAX {
            return None;
        }
        let parts: Vec<&str> = id.split(':').collect();
        let number = |s: &str| -> Option<i64> {
            // Plain digits only: no signs, no leading '+', no overflow.
            if s.is_empty() || s.len() > 18 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        };
        let guild = |s: &str| {
            if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse::<u64>().ok().filter(|g| *g > 0).map(GuildId)
        };
        let small = |s: &str| number(s).filter(|n| (1..=50).contains(n)).map(|n| n as u8);
        let step = |s: &str| number(s).filter(|n| (0..=50).contains(n)).map(|n| n as u8);
        match parts.as_slice() {
            [TAG, "qa", post, c] => Some(ComponentId::QuizAnswer {
                post: PostId(number(post)?),
                via: Via::parse(c)?,
            }),
            [TAG, tag @ ("pa" | "pc"), version, c, shown] => Some(ComponentId::PracticeAnswer {
                version: VersionId(number(version)?),
                via: Via::parse(c)?,
                shown_ms: number(shown)?,
                check: *tag == "pc",
            }),
            [TAG, "pn", version] => Some(ComponentId::PracticeNext {
                version: VersionId(number(version)?),
            }),
            [TAG, "rs", g] => Some(ComponentId::ReviewStart { guild: guild(g)? }),
            [TAG, tag @ ("ra" | "rk"), g, version, c, shown, n] => {
                Some(ComponentId::ReviewAnswer {
                    guild: guild(g)?,
                    version: VersionId(number(version)?),
                    via: Via::parse(c)?,
                    shown_ms: number(shown)?,
                    n: small(n)?,
                    check: *tag == "rk",
                })
            }
            [TAG, "rn", g, n] => Some(ComponentId::ReviewNext {
                guild: guild(g)?,
                n: small(n)?,
            }),
            [TAG, "as", ask] => Some(ComponentId::AskSolved { ask: number(ask)? }),
            [TAG, "ar", ask] => Some(ComponentId::AskRoute { ask: number(ask)? }),
            [TAG, "pd", issued] => Some(ComponentId::PrivacyDelete {
                issued_ms: number(issued)?,
            }),
            [TAG, "pk"] => Some(ComponentId::PrivacyKeep),
            [TAG, "cs"] => Some(ComponentId::CheckStart),
            [TAG, "ks", g, card, shown, n] => Some(ComponentId::CardShow {
                guild: guild(g)?,
                card: CardId(number(card)?),
                shown_ms: number(shown)?,
                n: step(n)?,
            }),
            [TAG, tag @ ("kk" | "kn"), g, card, shown, n] => Some(ComponentId::CardGrade {
                guild: guild(g)?,
                card: CardId(number(card)?),
                knew: *tag == "kk",
                shown_ms: number(shown)?,
                n: step(n)?,
            }),
            [TAG, "kd", g, card] => Some(ComponentId::CardDrop {
                guild: guild(g)?,
                card: CardId(number(card)?),
            }),
            [TAG, "km", g, card] => Some(ComponentId::CardMore {
                guild: guild(g)?,
                card: CardId(number(card)?),
            }),
            [TAG, tag @ ("vs" | "vn" | "vr"), g, kb] => Some(ComponentId::Verify {
                guild: guild(g)?,
                kb: KbId(number(kb)?),
                verdict: match *tag {
                    "vs" => Verdict::StillCorrect,
                    "vn" => Verdict::NeedsUpdate,
                    _ => Verdict::Retire,
                },
            }),
            [TAG, "vm", g, kb] => Some(ComponentId::VerifyUpdate {
                guild: guild(g)?,
                kb: KbId(number(kb)?),
            }),
            [TAG, tag @ ("pw" | "px"), g, schedule, at, learner] => Some(ComponentId::Pairing {
                guild: guild(g)?,
                schedule: number(schedule)?,
                at_ms: number(at)?,
                learner: UserId(guild(learner)?.0),
                talked: *tag == "pw",
            }),
            [TAG, "df", g, draft] => Some(ComponentId::DraftForm {
                guild: guild(g)?,
                draft: DraftId(number(draft)?),
            }),
            [TAG, tag @ ("dv" | "dp" | "do" | "dx"), g, draft] => Some(ComponentId::Draft {
                guild: guild(g)?,
                draft: DraftId(number(draft)?),
                step: match *tag {
                    "dv" => DraftStep::View,
                    "dp" => DraftStep::Publish,
                    "do" => DraftStep::Propose,
                    _ => DraftStep::Discard,
                },
            }),
            [TAG, "af", ask, from] => Some(ComponentId::AskFollow {
                ask: number(ask)?,
                from: number(from)?,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_within_the_limit() {
        let all = [
            ComponentId::QuizAnswer {
                post: PostId(i64::MAX / 10),
                via: Via::Choice(4),
            },
            ComponentId::QuizAnswer {
                post: PostId(1),
                via: Via::Menu,
            },
            ComponentId::PracticeAnswer {
                version: VersionId(i64::MAX / 10),
                via: Via::TextBox,
                shown_ms: 1_790_000_000_000,
                check: false,
            },
            ComponentId::PracticeAnswer {
                version: VersionId(3),
                via: Via::Choice(4),
                shown_ms: 1_790_000_000_000,
                check: true,
            },
            ComponentId::PracticeNext {
                version: VersionId(7),
            },
            ComponentId::ReviewStart {
                guild: GuildId(u64::MAX),
            },
            ComponentId::ReviewAnswer {
                guild: GuildId(u64::MAX),
                version: VersionId(i64::MAX / 10),
                via: Via::Choice(4),
                shown_ms: 1_790_000_000_000,
                n: 50,
                check: true,
            },
            ComponentId::ReviewAnswer {
                guild: GuildId(1),
                version: VersionId(2),
                via: Via::Menu,
                shown_ms: 1_790_000_000_000,
                n: 1,
                check: false,
            },
            ComponentId::CheckStart,
            ComponentId::ReviewNext {
                guild: GuildId(1),
                n: 3,
            },
            ComponentId::AskSolved { ask: i64::MAX / 10 },
            ComponentId::AskRoute { ask: 1 },
            ComponentId::PrivacyDelete {
                issued_ms: 1_790_000_000_000,
            },
            ComponentId::PrivacyKeep,
            ComponentId::CardShow {
                guild: GuildId(u64::MAX),
                card: CardId(i64::MAX / 10),
                shown_ms: 1_790_000_000_000,
                n: 0,
            },
            ComponentId::CardGrade {
                guild: GuildId(u64::MAX),
                card: CardId(i64::MAX / 10),
                knew: true,
                shown_ms: 1_790_000_000_000,
                n: 50,
            },
            ComponentId::CardGrade {
                guild: GuildId(1),
                card: CardId(2),
                knew: false,
                shown_ms: 1,
                n: 3,
            },
            ComponentId::CardDrop {
                guild: GuildId(1),
                card: CardId(2),
            },
            ComponentId::CardMore {
                guild: GuildId(1),
                card: CardId(2),
            },
            ComponentId::Verify {
                guild: GuildId(u64::MAX),
                kb: KbId(i64::MAX / 10),
                verdict: Verdict::NeedsUpdate,
            },
            ComponentId::Verify {
                guild: GuildId(1),
                kb: KbId(1),
                verdict: Verdict::StillCorrect,
            },
            ComponentId::Verify {
                guild: GuildId(1),
                kb: KbId(1),
                verdict: Verdict::Retire,
            },
            ComponentId::VerifyUpdate {
                guild: GuildId(1),
                kb: KbId(9),
            },
            ComponentId::DraftForm {
                guild: GuildId(u64::MAX),
                draft: DraftId(i64::MAX / 10),
            },
            ComponentId::Draft {
                guild: GuildId(u64::MAX),
                draft: DraftId(i64::MAX / 10),
                step: DraftStep::Propose,
            },
            ComponentId::Draft {
                guild: GuildId(1),
                draft: DraftId(1),
                step: DraftStep::View,
            },
            ComponentId::Draft {
                guild: GuildId(1),
                draft: DraftId(1),
                step: DraftStep::Publish,
            },
            ComponentId::Draft {
                guild: GuildId(1),
                draft: DraftId(1),
                step: DraftStep::Discard,
            },
            ComponentId::AskFollow {
                ask: i64::MAX / 10,
                from: i64::MAX / 10,
            },
            ComponentId::Pairing {
                guild: GuildId(u64::MAX),
                schedule: i64::MAX / 10,
                at_ms: 1_790_000_000_000,
                learner: UserId(u64::MAX),
                talked: true,
            },
            ComponentId::Pairing {
                guild: GuildId(1),
                schedule: 1,
                at_ms: 0,
                learner: UserId(2),
                talked: false,
            },
        ];
        for id in all {
            let s = id.encode();
            assert!(s.len() <= CUSTOM_ID_MAX, "{s}");
            assert_eq!(ComponentId::parse(&s), Some(id), "{s}");
        }
    }

    #[test]
    fn forged_ids_are_rejected() {
        for bad in [
            "",
            "pl1",
            "pl0:qa:1:1",
            "pl1:qa:1",
            "pl1:qa:1:5",
            "pl1:qa:-1:1",
            "pl1:qa:+1:1",
            "pl1:qa:1:1:extra",
            "pl1:qa:99999999999999999999:1",
            "pl1:pa:1:1",
            "pl1:zz:1:1",
            "pl1:qa: 1:1",
            "pl1:rs:0",
            "pl1:rs:-5",
            "pl1:rn:1:0",
            "pl1:rn:1:51",
            "pl1:ra:1:2:3:4",
            "pl1:rs:99999999999999999999",
            "pl1:as:",
            "pl1:ar:x",
            "pl1:as:1:2",
            "pl1:pd:",
            "pl1:pd:-1",
            "pl1:pk:1",
            "pl1:cs:1",
            "pl1:pc:1:1",
            "pl1:rk:1:2:3:4",
            "pl1:ks:1:2:3:51",
            "pl1:kk:0:2:3:1",
            "pl1:kd:1",
            "pl1:vs:1:-2",
            "pl1:af:1",
        ] {
            assert_eq!(ComponentId::parse(bad), None, "{bad}");
        }
        assert_eq!(
            ComponentId::parse(&format!("pl1:qa:1:1{}", "0".repeat(100))),
            None
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_via() -> impl Strategy<Value = Via> {
        prop_oneof![
            (0u8..5).prop_map(Via::Choice),
            Just(Via::Menu),
            Just(Via::TextBox)
        ]
    }

    fn any_id() -> impl Strategy<Value = ComponentId> {
        let id = 0..i64::MAX / 10;
        let guild = 1..=u64::MAX;
        prop_oneof![
            (id.clone(), any_via()).prop_map(|(post, via)| ComponentId::QuizAnswer {
                post: PostId(post),
                via
            }),
            (id.clone(), any_via(), 0..i64::MAX / 10, any::<bool>()).prop_map(
                |(version, via, shown_ms, check)| ComponentId::PracticeAnswer {
                    version: VersionId(version),
                    via,
                    shown_ms,
                    check,
                }
            ),
            id.clone().prop_map(|version| ComponentId::PracticeNext {
                version: VersionId(version)
            }),
            guild.clone().prop_map(|guild| ComponentId::ReviewStart {
                guild: GuildId(guild)
            }),
            (
                guild.clone(),
                id.clone(),
                any_via(),
                0..i64::MAX / 10,
                1u8..=50,
                any::<bool>()
            )
                .prop_map(|(guild, version, via, shown_ms, n, check)| {
                    ComponentId::ReviewAnswer {
                        guild: GuildId(guild),
                        version: VersionId(version),
                        via,
                        shown_ms,
                        n,
                        check,
                    }
                }),
            (guild, 1u8..=50).prop_map(|(guild, n)| ComponentId::ReviewNext {
                guild: GuildId(guild),
                n
            }),
            id.clone().prop_map(|ask| ComponentId::AskSolved { ask }),
            id.clone().prop_map(|ask| ComponentId::AskRoute { ask }),
            id.prop_map(|issued_ms| ComponentId::PrivacyDelete { issued_ms }),
            Just(ComponentId::PrivacyKeep),
            Just(ComponentId::CheckStart),
            (
                1..=u64::MAX,
                0..i64::MAX / 10,
                0..i64::MAX / 10,
                0u8..=50,
                any::<bool>()
            )
                .prop_map(|(guild, card, shown_ms, n, knew)| ComponentId::CardGrade {
                    guild: GuildId(guild),
                    card: CardId(card),
                    knew,
                    shown_ms,
                    n,
                }),
            (1..=u64::MAX, 0..i64::MAX / 10).prop_map(|(guild, kb)| ComponentId::Verify {
                guild: GuildId(guild),
                kb: KbId(kb),
                verdict: Verdict::Retire,
            }),
        ]
    }

    proptest! {
        #[test]
        fn every_id_fits_discord_and_round_trips(id in any_id()) {
            let s = id.encode();
            prop_assert!(s.len() <= CUSTOM_ID_MAX, "{}", s);
            prop_assert_eq!(ComponentId::parse(&s), Some(id));
        }

        /// Arbitrary text never panics; whatever parses names exactly what its normal form
        /// names.
        #[test]
        fn any_text_is_rejected_or_read_consistently(s in "\\PC{0,120}") {
            if let Some(id) = ComponentId::parse(&s) {
                prop_assert_eq!(ComponentId::parse(&id.encode()), Some(id));
            }
        }

        /// Ids that look like ours but are tampered with: signs, overflow, extra parts.
        #[test]
        fn tampered_ids_never_panic(s in "pl[0-2]:[a-z]{1,3}(:[-+0-9]{0,24}){0,8}") {
            if let Some(id) = ComponentId::parse(&s) {
                prop_assert!(!s.contains('-') && !s.contains('+'), "{}", s);
                prop_assert_eq!(ComponentId::parse(&id.encode()), Some(id));
            }
        }
    }
}
