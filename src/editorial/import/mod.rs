//! `wegweiser import ics|table`: partners' calendars and offer spreadsheets
//! into content files.
//!
//! Both importers turn their input into [`Entry`]s (an id in the source, a
//! wished-for slug, the file's front matter and body); [`reconcile`]
//! compares them with the files an earlier import of the same source wrote,
//! and [`commit`] writes the result all at once.
//!
//! **The rule for files an editor changed** (the XLIFF import's rule, with
//! its hash [`file_hash`]): every imported file carries `import_hash`, the
//! hash of the file as the import wrote it (the `import_hash` line left
//! out). A file whose text no longer has that hash was changed by someone
//! after the import: it is neither overwritten nor removed (unless forced),
//! and the import says so.
//!
//! **All or nothing.** An import with an error writes nothing; otherwise
//! every file is first written beside its place under a temporary name,
//! then all are renamed into place, then removed entries are deleted.

pub mod ics;
pub mod table;
mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub use write::commit;

use crate::content::{Kind, naming, schema};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::editorial::xliff::file_hash;

/// One entry of the source, ready to become a file.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The entry's id in its source (`UID`, a row's id).
    pub uid: String,
    /// The slug a new file gets (made unique if taken).
    pub slug: String,
    /// Front-matter lines (TOML, each ending in `\n`), without the import fields.
    pub front: String,
    pub body: String,
}

/// What happens to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Create(String),
    Update(String),
    Remove,
}

/// The files an import would change, relative to the site root, and what it
/// leaves alone.
#[derive(Debug, Default)]
pub struct Plan {
    pub changes: BTreeMap<PathBuf, Change>,
    /// Files already as the import would write them.
    pub unchanged: Vec<PathBuf>,
    /// Files an editor changed (kept; a warning each in `diagnostics`).
    pub kept: Vec<PathBuf>,
    pub diagnostics: Diagnostics,
}

impl Plan {
    pub fn created(&self) -> usize {
        self.count(|c| matches!(c, Change::Create(_)))
    }
    pub fn updated(&self) -> usize {
        self.count(|c| matches!(c, Change::Update(_)))
    }
    pub fn removed(&self) -> usize {
        self.count(|c| matches!(c, Change::Remove))
    }
    fn count(&self, f: impl Fn(&Change) -> bool) -> usize {
        self.changes.values().filter(|c| f(c)).count()
    }
}

/// A file an earlier import of the same source wrote.
#[derive(Debug, Clone)]
struct Previous {
    path: PathBuf,
    text: String,
}

/// The hash an import stamps: of `text` without its `import_hash` line.
pub fn content_hash(text: &str) -> String {
    let without: String = text
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("import_hash ="))
        .collect();
    file_hash(Some(without.as_bytes()))
}

/// Whether a file an import wrote was changed since (its `import_hash` no
/// longer matches its text).
pub fn edited(text: &str) -> bool {
    let recorded = front_value(text, "import_hash");
    recorded.as_deref() != Some(content_hash(text).as_str())
}

/// A string value of the front matter (`None` if the file cannot be read
/// as a content file or lacks the field).
fn front_value(text: &str, key: &str) -> Option<String> {
    let file = SourceFile::new("", text);
    let parts = crate::content::frontmatter::split(&file).ok()?;
    let table: toml::Table = text.get(parts.front)?.parse().ok()?;
    table.get(key)?.as_str().map(str::to_string)
}

/// The complete text of an imported file: the entry's fields, the import
/// fields and the stamp, then the body.
pub fn file_text(entry: &Entry, source: &str) -> String {
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut text = format!(
        "+++\n{}import_source = {}\nimport_uid = {}\n",
        entry.front,
        q(source),
        q(&entry.uid)
    );
    let rest = format!("+++\n{}", entry.body);
    let hash = content_hash(&format!("{text}{rest}"));
    text.push_str(&format!("import_hash = \"{hash}\"\n{rest}"));
    text
}

/// The source files (not translations) of `kind` in the site at `root`
/// that an import of `source` wrote, by their `import_uid`.
fn previous(root: &Path, kind: Kind, source: &str) -> BTreeMap<String, Previous> {
    let mut out = BTreeMap::new();
    let dir = root.join(crate::layout::CONTENT_DIR).join(kind.folder());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return out;
    };
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    for path in names {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".md") || name.matches('.').count() != 1 {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if front_value(&text, "import_source").as_deref() != Some(source) {
            continue;
        }
        if let Some(uid) = front_value(&text, "import_uid") {
            let rel = relative(root, &path);
            out.insert(uid, Previous { path: rel, text });
        }
    }
    out
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Compares the entries read from `source` with the files an earlier import
/// of it wrote: new entries are created, changed ones updated, missing ones
/// removed; files an editor changed are kept (unless `force`), as are
/// removed entries that have translations. `file`: the input, for the
/// warnings' position.
pub fn reconcile(
    root: &Path,
    kind: Kind,
    source: &str,
    entries: Vec<Entry>,
    force: bool,
    file: &Path,
) -> Plan {
    let mut plan = Plan::default();
    let mut before = previous(root, kind, source);
    let folder = PathBuf::from(crate::layout::CONTENT_DIR).join(kind.folder());
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for e in &entries {
        if let Some(p) = before.get(&e.uid) {
            taken.insert(stem(&p.path));
        }
    }
    for entry in entries {
        let text = file_text(&entry, source);
        match before.remove(&entry.uid) {
            Some(p) if p.text == text => plan.unchanged.push(p.path),
            Some(p) if edited(&p.text) && !force => {
                keep(&mut plan, p.path, file, "import-kept-edited")
            }
            Some(p) => {
                plan.changes.insert(p.path, Change::Update(text));
            }
            None => {
                let slug = free_slug(root, &folder, &entry.slug, &mut taken);
                plan.changes
                    .insert(folder.join(format!("{slug}.md")), Change::Create(text));
            }
        }
    }
    for (_, p) in before {
        if edited(&p.text) && !force {
            keep(&mut plan, p.path, file, "import-gone-edited");
        } else if has_translations(root, &p.path) {
            keep(&mut plan, p.path, file, "import-gone-translated");
        } else {
            plan.changes.insert(p.path, Change::Remove);
        }
    }
    plan
}

fn keep(plan: &mut Plan, path: PathBuf, file: &Path, code: &'static str) {
    plan.diagnostics.push(
        Diagnostic::warning(code)
            .arg("file", path.display())
            .arg("input", file.display())
            .at_path(file),
    );
    plan.kept.push(path);
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `wished` (made valid), or with `-2`, `-3`, … if a file or another new
/// entry already has it.
fn free_slug(root: &Path, folder: &Path, wished: &str, taken: &mut BTreeSet<String>) -> String {
    let base = match naming::slugify(wished) {
        s if s.is_empty() => "import".to_string(),
        s => s,
    };
    let mut slug = base.clone();
    let mut n = 1;
    while taken.contains(&slug) || root.join(folder).join(format!("{slug}.md")).exists() {
        n += 1;
        slug = format!("{base}-{n}");
    }
    taken.insert(slug.clone());
    slug
}

/// Whether `<slug>.<lang>.md` files exist beside the source file `path`.
fn has_translations(root: &Path, path: &Path) -> bool {
    let slug = stem(path);
    let Some(dir) = root.join(path).parent().map(Path::to_path_buf) else {
        return false;
    };
    std::fs::read_dir(dir).is_ok_and(|rd| {
        rd.filter_map(Result::ok).any(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.strip_prefix(&slug)
                .and_then(|r| r.strip_prefix('.'))
                .is_some_and(|r| r.ends_with(".md") && r.matches('.').count() == 1)
        })
    })
}

/// A TOML string.
pub(crate) fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML array of strings.
pub(crate) fn quoted_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| quoted(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// Plain text as Markdown: characters Markdown would read as syntax are
/// escaped (at a line's start also headings, list and quote markers), each
/// line break becomes a paragraph break.
pub fn plain_to_markdown(text: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    for line in text.replace("\r\n", "\n").lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut out = String::new();
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        for (i, c) in line.char_indices() {
            let special = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|')
                || (i == 0 && matches!(c, '#' | '-' | '+' | '='))
                || (i == digits && i > 0 && matches!(c, '.' | ')'));
            if special {
                out.push('\\');
            }
            out.push(c);
        }
        paragraphs.push(out);
    }
    if paragraphs.is_empty() {
        return String::new();
    }
    paragraphs.join("\n\n") + "\n"
}

/// Whether `name` is a field files of `kind` may set in their source file.
pub fn is_field(kind: Kind, name: &str) -> bool {
    schema::allowed(kind, false).any(|f| f.name == name)
}
