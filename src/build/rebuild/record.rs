//! What the next build's manifest records of the site itself (beside its
//! files): the pages each item is shown on, the front matters' hashes,
//! what of the events depends on "now", the filter counts, each item's
//! structure and the title orders; and the manifest put together.

use std::collections::BTreeMap;

use jiff::ToSpan;
use rayon::prelude::*;

use super::reach::{media_hash, structure_hash};
use super::{ShownOn, Worked, key_name, slash_path};
use crate::build::manifest::{self, Manifest, PageRecord, Stamp};
use crate::build::pipeline::Pipeline;
use crate::build::secondary;
use crate::content::{ItemData, Site};
use crate::routes::Route;

impl Pipeline {
    /// What the manifest records of the site itself (no file of the
    /// output: a rebuild works it out beside staging).
    pub(in crate::build) fn site_facts(
        &self,
        inputs: &BTreeMap<String, Stamp>,
        worked: Worked,
        titles: &crate::render::pages::TitleOrders,
    ) -> SiteFacts {
        // The parts are independent: worked out side by side (but for
        // those worked out already).
        let site = &self.site;
        let Worked {
            fronts: f,
            filter_counts: c,
            timing: t,
            shown_on: s,
        } = worked;
        let (((shown_on, fronts), (structure, inputs)), ((timing, filter_counts), titles)) =
            rayon::join(
                || {
                    rayon::join(
                        || {
                            rayon::join(
                                || s.unwrap_or_else(|| shown_on_by_number(site)),
                                || f.unwrap_or_else(|| fronts(site)),
                            )
                        },
                        || rayon::join(|| structures(site), || inputs.clone()),
                    )
                },
                || {
                    rayon::join(
                        || {
                            (
                                t.unwrap_or_else(|| timing(site, self.now)),
                                c.unwrap_or_else(|| counts_hash(site, self.now)),
                            )
                        },
                        || manifest::Titles::of(site, titles),
                    )
                },
            );
        SiteFacts {
            inputs,
            fronts,
            shown_on,
            timing,
            filter_counts,
            structure,
            titles,
        }
    }

    /// The manifest of this build (output stamps and known files left empty).
    pub(in crate::build) fn record(
        &self,
        options: String,
        pages: BTreeMap<String, PageRecord>,
        parts: secondary::Parts,
        facts: SiteFacts,
    ) -> Manifest {
        let SiteFacts {
            inputs,
            fronts,
            shown_on: (routes, shown_on),
            timing,
            filter_counts,
            structure,
            titles,
        } = facts;
        Manifest {
            day: self.now.to_string(),
            inputs,
            fronts,
            pages,
            routes,
            shown_on,
            timing,
            filter_counts,
            media: media_hash(&self.site),
            structure,
            parts,
            usage: self.messages.usage(),
            titles,
            ..Manifest::new(options)
        }
    }
}

/// What [`Pipeline::site_facts`] works out for the manifest.
pub(in crate::build) struct SiteFacts {
    inputs: BTreeMap<String, Stamp>,
    fronts: BTreeMap<String, String>,
    shown_on: ShownOn,
    timing: BTreeMap<String, String>,
    filter_counts: String,
    structure: BTreeMap<String, String>,
    titles: manifest::Titles,
}

/// The pages each item is shown on, by item; the routes as numbers into
/// the list of routes (the manifest's `routes` and `shown_on`).
pub(super) fn shown_on_by_number(site: &Site) -> ShownOn {
    // (Numbered through a hash map: a route's number is looked up some
    // 150,000 times at 10,000 offers.)
    let mut names: rustc_hash::FxHashMap<Route, u32> = Default::default();
    let mut routes = Vec::new();
    let mut shown_on = Vec::new();
    for (key, rs) in crate::routes::shown_on_all(site) {
        let ids = rs
            .into_iter()
            .map(|r| {
                if let Some(&n) = names.get(&r) {
                    return n;
                }
                routes.push(format!("{r:?}"));
                let n = u32::try_from(routes.len() - 1).unwrap_or(u32::MAX);
                names.insert(r, n);
                n
            })
            .collect();
        shown_on.push((key_name(&key), ids));
    }
    (routes, shown_on.into_iter().collect())
}

/// Hash of each item's data but its texts, by item (the manifest's `structure`).
pub(super) fn structures(site: &Site) -> BTreeMap<String, String> {
    std::iter::once(&*site.home)
        .chain(site.items.values().map(|i| &**i))
        .map(|i| (key_name(&(i.kind, i.slug.clone())), structure_hash(i)))
        .collect()
}

/// Hash of the front matter of every content file of `site`, by path.
pub(super) fn fronts(site: &Site) -> BTreeMap<String, String> {
    let texts: Vec<&crate::content::Text> = site
        .items
        .values()
        .map(|i| &**i)
        .chain(std::iter::once(&*site.home))
        .flat_map(|i| i.texts.values())
        .collect();
    // (Hashed in parallel: some 50,000 at 10,000 offers.)
    let hashed: Vec<(String, String)> = texts
        .par_iter()
        .map(|t| {
            (
                slash_path(&t.file.path),
                manifest::digest(t.file.text[..t.body.start].as_bytes()),
            )
        })
        .collect();
    hashed.into_iter().collect()
}

/// What of each event depends on "now": how many sessions are over and how
/// many start within a week (the home page shows the week's events).
pub(super) fn timing(site: &Site, now: jiff::civil::DateTime) -> BTreeMap<String, String> {
    let week = now.checked_add(7.days()).ok();
    site.items
        .iter()
        .filter_map(|(key, item)| match &item.data {
            ItemData::Event(e) => {
                let s = e.time.sessions();
                let over = s.iter().filter(|x| x.end <= now).count();
                let soon = s
                    .iter()
                    .filter(|x| week.is_some_and(|w| x.start < w))
                    .count();
                Some((key_name(key), format!("{over}/{soon}")))
            }
            _ => None,
        })
        .collect()
}

/// Hash of the filter counts at `now` (every list with filter links shows them).
pub(super) fn counts_hash(site: &Site, now: jiff::civil::DateTime) -> String {
    manifest::digest(format!("{:?}", crate::routes::filter_counts(site, now)).as_bytes())
}
