//! The files items publish (documents, sign-language videos, their posters
//! and captions), copied to their addresses under `/files/`.

use std::path::Path;

use super::OutputFiles;
use crate::content::Site;
use crate::routes;

/// Every file the site's items publish, read from the site folder `root`.
/// The loader found each one moments ago; one that cannot be read now
/// (removed since) is left out, and the next load reports it missing.
pub fn media_files(root: &Path, site: &Site) -> OutputFiles {
    let mut files = OutputFiles::new();
    for item in std::iter::once(&site.home).chain(site.items.values()) {
        for (name, f) in item.media.files() {
            if let Ok(bytes) = std::fs::read(root.join(&f.source)) {
                files.insert(
                    routes::media_output_file(item.kind, &item.slug, name),
                    bytes.into(),
                );
            }
        }
    }
    files
}
