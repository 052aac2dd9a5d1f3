//! The editorial commands, beside the build pipeline: they read a site and
//! help editors and translators work on it (`translate`, `status`, `xliff`,
//! `report`, `cms`, `new`, `import`).

pub mod cms;
pub mod import;
pub mod report;
pub mod scaffold;
pub mod status;
pub mod translate;
pub mod xliff;

use std::path::Path;

use crate::config::SiteConfig;
use crate::content::Site;
use crate::content::load::{LoadOptions, load_site};
use crate::diagnostics::Diagnostics;
use crate::routes::RESERVED_SEGMENTS;

/// Loads a site for an editorial command: site.toml, then the content,
/// checked as a build checks it. `drafts`: whether files marked `draft =
/// true` are included (translations in progress are drafts). The warnings of
/// a site that loads are left out: the commands report what stops them.
pub fn load(root: &Path, drafts: bool) -> Result<Site, Diagnostics> {
    let config = SiteConfig::load(root)?;
    let opts = LoadOptions {
        drafts,
        reserved_pages: RESERVED_SEGMENTS,
        labels: crate::content::naming::TermLabels::NONE,
        digests: None,
        shed: false,
        known: None,
    };
    match load_site(root, &config, opts) {
        (Some(site), _) => Ok(site),
        (None, ds) => Err(ds),
    }
}
