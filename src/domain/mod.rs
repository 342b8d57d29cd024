//! Pure domain logic: no async, no SQL, no Discord types. Unit-tested where it lives. Also the
//! records the store hands to the app and takes from it (`QuizPost`, `NewAnswer`, `AskRow`,
//! ...), each beside the rules of its family, so that a second storage engine can fill the
//! same values without the app changing.

pub mod analytics;
pub mod answer_key;
pub mod answer_time;
pub mod asks;
pub mod authoring;
pub mod boards;
pub mod cards;
pub mod content;
pub mod content_files;
pub mod custom_id;
pub mod expertise;
pub mod format;
pub mod gaps;
pub mod guilds;
pub mod ids;
pub mod knowledge;
pub mod kpi;
pub mod limits;
pub mod mastery;
pub mod measurement;
pub mod memory;
pub mod outbox;
pub mod pairing;
pub mod periods;
pub mod privacy;
pub mod quiz;
pub mod recall_eval;
pub mod refreshers;
pub mod retention;
pub mod revlog;
pub mod routing;
pub mod schedule;
pub mod selection;
pub mod verification;
