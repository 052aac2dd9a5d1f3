//! Internationalisation: interface messages (Fluent) and locale-aware
//! formatting of dates, numbers, lists and sorting (ICU4X).

pub mod format;
mod ftl_file;
pub mod messages;
mod patterns;
mod required;

pub use format::{LocaleFormatter, formatters};
pub use messages::Messages;
