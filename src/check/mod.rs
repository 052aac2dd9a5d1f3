//! `wegweiser check`: everything a build validates, plus what an editor or
//! CI should hear about before publishing — dead anchors and files, past
//! review dates, organisations without opening hours, events that are over,
//! translations missing or outdated, unused or missing interface text,
//! duplicate titles, third-party resources.
//!
//! The site is built in memory (nothing is written) and then examined; all
//! problems are collected and returned together.

mod content;
mod links;
mod media;
mod messages;

use std::path::Path;

use crate::build::{BuildOptions, Built, Pipeline, build_in_memory};
use crate::diagnostics::Diagnostics;

/// Checks the site in `opts.root`. Errors and warnings, sorted by file and line.
pub fn check(opts: &BuildOptions) -> Diagnostics {
    let Built {
        pipeline,
        files,
        warnings: mut ds,
    } = match build_in_memory(opts) {
        Ok(built) => built,
        Err(ds) => return ds,
    };
    ds.extend(examine(&opts.root, &pipeline).iter().cloned());
    links::check(pipeline.site(), &files, &mut ds);
    ds.sort();
    ds
}

/// What `check` finds in a built site besides its links: review dates,
/// events that are over, translations, duplicate titles, interface text
/// (`build` shows these too). `root`: the site folder.
pub fn examine(root: &Path, pipeline: &Pipeline) -> Diagnostics {
    let mut ds = Diagnostics::new();
    let site = pipeline.site();
    let now = pipeline.now();
    content::review_dates(site, now.date(), &mut ds);
    content::holiday_hours(site, now.date(), &mut ds);
    content::organizations_without_hours(site, &mut ds);
    content::offers_without_place(site, &mut ds);
    content::locations(site, now.date(), &mut ds);
    content::finished_events(site, now, &mut ds);
    content::translations(site, &mut ds);
    content::duplicate_titles(site, &mut ds);
    media::large_documents(site, &mut ds);
    media::bitv(site, &mut ds);
    messages::check(root, site, pipeline.messages(), &mut ds);
    ds
}
