//! Wegweiser: a static site generator for public, multilingual integration guides.
//!
//! Data flows one way: [`config`] (site.toml) → [`content`] (load, parse,
//! merge translations) → [`i18n`] (Fluent, ICU4X) → [`render`] (Markdown,
//! views, templates, minify) → [`output`] (atomic write, sitemap).
//! [`build`] runs the pipeline; [`diagnostics`] reports every problem with
//! file, line and column. Beside the pipeline: [`check`], [`serve`] and the
//! [`editorial`] commands (translate, status, xliff, report, cms, new).
//! [`routes`] owns the URL scheme, [`layout`] the names in a site folder,
//! [`site_folder`] the rule for reading its folders (and links in them).

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod digest;
pub mod editorial;
pub mod i18n;
pub mod layout;
pub mod media;
pub mod output;
pub mod render;
pub mod routes;
pub mod serve;
pub mod site_folder;
#[cfg(test)]
mod test_support;
pub mod text;
pub mod toml_input;
pub mod tool_text;

pub use build::{BuildOptions, BuildReport, build};
// The editorial commands' old paths.
pub use editorial::{cms, report, scaffold, translate, xliff};
