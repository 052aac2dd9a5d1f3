//! The layout of a site folder: the names of its folders and files, and
//! which files editors' tools leave behind in it. Defined once here for every
//! stage; this module imports nothing of the crate.

/// The site's settings.
pub const CONFIG_FILE: &str = "site.toml";
/// Markdown content, one folder per kind.
pub const CONTENT_DIR: &str = "content";
/// Interface text: one folder of Fluent files per language.
pub const LOCALES_DIR: &str = "locales";
/// Themes, one folder each.
pub const THEMES_DIR: &str = "themes";
/// A theme's templates, inside its folder.
pub const TEMPLATES_DIR: &str = "templates";
/// Files copied as they are: in the site folder and in a theme's folder.
pub const STATIC_DIR: &str = "static";
/// The output folder, unless another one is given.
pub const OUTPUT_DIR: &str = "public";

/// The folders a build reads (besides [`CONFIG_FILE`]).
pub const SOURCE_DIRS: [&str; 4] = [CONTENT_DIR, LOCALES_DIR, THEMES_DIR, STATIC_DIR];

/// Editors' backup and swap files: written all the time while editing,
/// never content, and never the way a real file is saved.
pub fn is_swap_or_backup(name: &str) -> bool {
    name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
}

/// Files (and folders) editors' tools leave behind: backup and swap files,
/// temporary files and hidden ones. Never content themselves.
pub fn is_editor_litter(name: &str) -> bool {
    is_swap_or_backup(name) || name.starts_with('.') || name.ends_with(".tmp")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn litter_is_backups_swaps_temporary_and_hidden_files() {
        for name in [
            "#a.md#",
            "a.md~",
            ".a.md.swp",
            ".a.md.swx",
            "4913",
            ".git",
            "a.md.tmp",
        ] {
            assert!(is_editor_litter(name), "{name}");
        }
        for name in ["a.md", "a.md.tmp", ".hidden"] {
            assert!(!is_swap_or_backup(name), "{name}");
        }
        for name in ["sprachcafe.md", "sprachcafe.ar.md", "bilder", "4914"] {
            assert!(!is_editor_litter(name), "{name}");
        }
    }
}
