//! Wegweiser: a static site generator for public, multilingual integration guides.
//!
//! Data flows one way: [`config`] (site.toml) → [`content`] (load, parse,
//! merge translations) → [`i18n`] (Fluent, ICU4X) → [`render`] (Markdown,
//! views, templates, minify) → [`output`] (atomic write, sitemap).
//! [`build`] runs the pipeline; [`diagnostics`] reports every problem with
//! file, line and column.

pub mod build;
pub mod check;
pub mod cms;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod i18n;
pub mod output;
pub mod render;
pub mod report;
pub mod routes;
pub mod scaffold;
pub mod serve;
pub mod text;
pub mod toml_input;
pub mod translate;
pub mod xliff;

pub use build::{BuildOptions, BuildReport, build};
