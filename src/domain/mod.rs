//! Pure domain logic: no async, no SQL, no Discord types. Unit-tested where it lives.

pub mod format;
pub mod ids;
