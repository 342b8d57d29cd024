//! Pure domain logic: no async, no SQL, no Discord types. Unit-tested where it lives.

pub mod analytics;
pub mod boards;
pub mod content;
pub mod content_files;
pub mod custom_id;
pub mod format;
pub mod ids;
pub mod knowledge;
pub mod kpi;
pub mod limits;
pub mod mastery;
pub mod measurement;
pub mod memory;
pub mod periods;
pub mod quiz;
pub mod recall_eval;
pub mod retention;
pub mod routing;
pub mod schedule;
pub mod selection;
