//! The editorial commands, beside the build pipeline: they read a site and
//! help editors and translators work on it (`translate`, `status`, `xliff`,
//! `report`, `cms`, `new`).

pub mod cms;
pub mod report;
pub mod scaffold;
pub mod translate;
pub mod xliff;
