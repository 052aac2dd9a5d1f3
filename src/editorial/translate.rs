//! `wegweiser translate`: start a translation, confirm one, or mark a source
//! change as minor — the only places where `source_hash` is written.

use std::path::{Path, PathBuf};

use crate::content::naming::identify;
use crate::content::{Item, Kind, Site, frontmatter};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::layout::CONTENT_DIR;
use crate::toml_input::suggest;

/// What `translate` should do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Create `<slug>.<lang>.md` as a draft holding the source text to translate.
    Start { lang: String, machine: bool },
    /// Record that the translation into `lang` matches the current source.
    Confirm { lang: String },
    /// The last change of the source was minor: re-stamp every translation.
    Minor,
}

fn one(d: Diagnostic) -> Diagnostics {
    let mut ds = Diagnostics::new();
    ds.push(d);
    ds
}

/// Loads the site (drafts included: translations in progress are drafts).
pub fn load(root: &Path) -> Result<Site, Diagnostics> {
    super::load(root, true)
}

/// Finds an item by `offers/sprachcafe`, `content/offers/sprachcafe.md` or `_index`.
pub fn find<'a>(site: &'a Site, name: &str) -> Result<&'a Item, Diagnostic> {
    let trimmed = name
        .trim_start_matches("./")
        .trim_start_matches(&*format!("{CONTENT_DIR}/"));
    let with_md = if trimmed.ends_with(".md") {
        trimmed.to_string()
    } else {
        format!("{trimmed}.md")
    };
    let langs: Vec<String> = site.config.language_keys();
    let id = identify(Path::new(&with_md), &langs).map_err(|e| {
        Diagnostic::error("item-name-invalid")
            .arg("name", name)
            .arg("detail", e)
    })?;
    if id.kind == Kind::Home {
        return Ok(&site.home);
    }
    site.get(id.kind, &id.slug).ok_or_else(|| {
        Diagnostic::error("item-unknown")
            .arg("kind", id.kind.name())
            .arg("slug", id.slug.as_str())
            .help(suggest(&id.slug, site.slugs(id.kind), "what-names"))
    })
}

/// Path of an item's translation file, beside its source file (relative to the site root).
pub fn translation_path(site: &Site, item: &Item, lang: &str) -> PathBuf {
    let src = &item.source_text(&site.config).file.path;
    let stem = src
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    src.with_file_name(format!("{stem}.{lang}.md"))
}

/// Runs an action on one item; returns the files written.
pub fn run(
    root: &Path,
    site: &Site,
    item: &Item,
    action: &Action,
) -> Result<Vec<PathBuf>, Diagnostics> {
    let cfg = &site.config;
    let check_lang = |lang: &str| -> Result<(), Diagnostics> {
        if lang == cfg.default_language {
            return Err(one(Diagnostic::error("lang-is-source").arg("lang", lang)));
        }
        if !cfg.is_language(lang) {
            return Err(one(Diagnostic::error("lang-unknown")
                .arg("lang", lang)
                .help(suggest(
                    lang,
                    cfg.languages.iter().map(|l| l.key.as_str()),
                    "what-languages",
                ))));
        }
        Ok(())
    };
    match action {
        Action::Start { lang, machine } => {
            check_lang(lang)?;
            let rel = translation_path(site, item, lang);
            if root.join(&rel).exists() {
                return Err(one(Diagnostic::error("translation-exists")
                    .arg("file", rel.display())
                    .arg("item", item.path().to_string())
                    .arg("lang", lang.as_str())));
            }
            let text = starter(site, item, *machine);
            write(&root.join(&rel), &text)?;
            Ok(vec![rel])
        }
        Action::Confirm { lang } => {
            check_lang(lang)?;
            let rel = translation_path(site, item, lang);
            if !root.join(&rel).exists() {
                return Err(one(Diagnostic::error("translation-not-started")
                    .arg("file", rel.display())
                    .arg("item", item.path().to_string())
                    .arg("lang", lang.as_str())));
            }
            stamp(root, &rel, &item.fingerprint)?;
            Ok(vec![rel])
        }
        Action::Minor => {
            let mut written = Vec::new();
            for l in cfg
                .languages
                .iter()
                .filter(|l| l.key != cfg.default_language)
            {
                let rel = translation_path(site, item, &l.key);
                if root.join(&rel).exists() {
                    stamp(root, &rel, &item.fingerprint)?;
                    written.push(rel);
                }
            }
            Ok(written)
        }
    }
}

/// A new translation file: the source's text fields and body to translate,
/// marked as draft so readers keep seeing the fallback until it is done.
fn starter(site: &Site, item: &Item, machine: bool) -> String {
    let src = item.source_text(&site.config);
    let mut s = String::from("+++\n");
    s.push_str(
        "# Translate the text fields and the text below. Keep link targets (…/….md) as they are.\n",
    );
    s.push_str("# Remove `draft = true` when the translation is finished.\n");
    s.push_str("draft = true\n");
    let q = |v: &str| toml::Value::String(v.to_string()).to_string();
    s.push_str(&format!("title = {}\n", q(&src.title)));
    for (name, v) in [
        ("summary", &src.summary),
        ("schedule", &src.schedule),
        ("cost", &src.cost),
        ("role", &src.role),
        ("office_hours", &src.office_hours),
    ] {
        if let Some(v) = v {
            s.push_str(&format!("{name} = {}\n", q(v)));
        }
    }
    if machine {
        s.push_str("machine_translated = true\nreviewed = false\n");
    }
    s.push_str(&format!("source_hash = \"{}\"\n", item.fingerprint));
    s.push_str("+++\n");
    src.with_body(|b| s.push_str(b));
    s
}

/// Sets `source_hash` in a translation's front matter, leaving the rest as it is.
fn stamp(root: &Path, rel: &Path, hash: &str) -> Result<(), Diagnostics> {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        one(Diagnostic::error("cannot-read")
            .arg("file", rel.display())
            .arg("detail", e.to_string()))
    })?;
    let file = SourceFile::new(rel, text.replace("\r\n", "\n"));
    let parts = frontmatter::split(&file).map_err(one)?;
    let front = &file.text[parts.front.clone()];
    let line = format!("source_hash = \"{hash}\"\n");
    let mut new_front = String::new();
    let mut replaced = false;
    for l in front.split_inclusive('\n') {
        let t = l.trim_start();
        if t.starts_with("source_hash") && t["source_hash".len()..].trim_start().starts_with('=') {
            new_front.push_str(&line);
            replaced = true;
        } else {
            new_front.push_str(l);
        }
    }
    if !replaced {
        if !new_front.is_empty() && !new_front.ends_with('\n') {
            new_front.push('\n');
        }
        new_front.push_str(&line);
    }
    let mut out = String::with_capacity(file.text.len() + line.len());
    out.push_str(&file.text[..parts.front.start]);
    out.push_str(&new_front);
    out.push_str(&file.text[parts.front.end..]);
    write(&path, &out)
}

/// Writes through a temporary file and a rename, so an interrupted write
/// never leaves half a content file.
fn write(path: &Path, text: &str) -> Result<(), Diagnostics> {
    let tmp = path.with_extension("md.tmp");
    let err = |e: std::io::Error| {
        one(Diagnostic::error("cannot-write")
            .arg("file", path.display())
            .arg("detail", e.to_string()))
    };
    std::fs::write(&tmp, text).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(err)
}
