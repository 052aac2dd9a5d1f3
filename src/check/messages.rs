//! Interface text: messages that nothing uses, and messages a language lacks.

use std::collections::BTreeSet;
use std::path::Path;

use crate::content::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::messages::Messages;
use crate::layout::{TEMPLATES_DIR, THEMES_DIR};
use crate::render::pages::MESSAGES_ASKED_BY_CODE;
use crate::site_folder::{self, Walk};

/// Quoted words in the theme's templates: message ids written there, and
/// prefixes (`"attendance-" ~ kind`) of ids put together there.
fn template_literals(root: &Path, theme: &str) -> BTreeSet<String> {
    let dir = Path::new(THEMES_DIR).join(theme).join(TEMPLATES_DIR);
    let mut out = BTreeSet::new();
    // The build that `check` runs first reported the links the rule refuses.
    let walked = site_folder::walk(root, &dir, Walk::EVERYTHING, &mut Diagnostics::new());
    for rel in walked.into_files() {
        let Ok(text) = std::fs::read_to_string(root.join(&dir).join(rel)) else {
            continue;
        };
        for (i, part) in text.split('"').enumerate() {
            if i % 2 == 1
                && !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                out.insert(part.to_string());
            }
        }
    }
    out
}

pub fn check(root: &Path, site: &Site, messages: &Messages, ds: &mut Diagnostics) {
    let literals = template_literals(root, &site.config.theme);
    // `language-<key>` names a site language wherever content mentions it
    // (offered_in, fallback notices): asked for by code, whether or not
    // today's content names that language.
    let language_names: BTreeSet<String> = site
        .config
        .languages
        .iter()
        .map(|l| format!("language-{}", l.key))
        .collect();
    let used = |id: &str| {
        messages.was_used(id)
            || language_names.contains(id)
            || MESSAGES_ASKED_BY_CODE.contains(&id)
            || literals.contains(id)
            || literals
                .iter()
                .any(|l| l.ends_with('-') && id.starts_with(l.as_str()))
    };
    let defs = messages.definitions();
    let default = &site.config.default_language;
    // Unused: defined in the default language, asked for by nothing.
    if let Some(ids) = defs.get(default) {
        for (id, (file, at)) in ids {
            if !used(id) {
                ds.push(
                    Diagnostic::warning("message-unused")
                        .arg("id", id.to_string())
                        .at(file, *at..*at + id.len()),
                );
            }
        }
    }
    // Missing: defined in the default language, absent from another.
    let Some(source) = defs.get(default) else {
        return;
    };
    for l in &site.config.languages {
        if &l.key == default {
            continue;
        }
        let own = defs.get(&l.key);
        let lacking: Vec<&str> = source
            .keys()
            .filter(|id| own.is_none_or(|o| !o.contains_key(*id)))
            .map(String::as_str)
            .collect();
        if lacking.is_empty() {
            continue;
        }
        let mut d = Diagnostic::warning("messages-missing-in-language")
            .arg("n", lacking.len())
            .arg("lang", l.key.as_str())
            .arg("ids", lacking.join(", "));
        if let Some((file, _)) = own.and_then(|o| o.values().next()) {
            d = d.in_file(file);
        }
        ds.push(d);
    }
}
