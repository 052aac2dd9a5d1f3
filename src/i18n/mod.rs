//! Internationalisation: interface messages (Fluent) and locale-aware
//! formatting of dates, numbers, lists and sorting (ICU4X).

pub mod format;
pub mod messages;

pub use format::LocaleFormatter;
pub use messages::Messages;
