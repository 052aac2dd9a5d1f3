//! What every page of a language shares, made once instead of on every page:
//! the language's values that templates read (`lang_key`, `lang`, `urls`,
//! `feedback_email`) as ready Tera values, and the theme's shared fragments
//! (`partials/brand.html`, `language-menu.html`, `header-bottom.html`,
//! `footer.html`: the header's brand, the language menu's summary, the
//! navigation with the search form, and the footer), rendered once per
//! language and section and given to `base.html` as finished HTML
//! (`shared.brand`, `shared.language_menu`, `shared.header_bottom`,
//! `shared.footer`). Per-page parts (the switcher's
//! links to this page in other languages, the breadcrumbs) stay in
//! `base.html`. A theme without these partials simply gets no `shared`.
//!
//! Tera values hold their maps and long strings behind `Arc`s, so inserting a
//! ready value into a page's context copies no text.

use std::collections::BTreeMap;
use std::sync::Mutex;

use tera::{Context, Value};

use super::LangCtx;
use crate::diagnostics::Diagnostic;
use crate::render::templates::Templates;

/// The fragments: the name `base.html` reads under `shared`, and the partial.
const FRAGMENTS: &[(&str, &str)] = &[
    ("brand", "partials/brand.html"),
    ("language_menu", "partials/language-menu.html"),
    ("header_bottom", "partials/header-bottom.html"),
    ("footer", "partials/footer.html"),
];

/// The context values every page of a language has, by name.
type Values = Vec<(&'static str, Value)>;

/// Per-language values and fragments, for one page builder (and so for the
/// one set of templates it renders with).
pub(super) struct Shared {
    /// Per language: its context values every page has (an error only if
    /// the views could not be made Tera values).
    values: BTreeMap<String, Result<Values, String>>,
    /// Per language and section (the navigation marks the current one):
    /// the rendered fragments, made on first use.
    fragments: Mutex<BTreeMap<(String, &'static str), Value>>,
}

impl Shared {
    /// The values of every language in `langs`; `feedback_email` is the
    /// site's.
    pub(super) fn new(langs: &BTreeMap<String, LangCtx>, feedback_email: &str) -> Shared {
        let values = langs
            .iter()
            .map(|(key, lc)| {
                let v = (|| {
                    Ok(vec![
                        ("lang_key", Value::from(key.as_str())),
                        ("lang", Value::try_from_serializable(&lc.view)?),
                        ("urls", Value::try_from_serializable(&lc.urls)?),
                        ("feedback_email", Value::from(feedback_email)),
                    ])
                })()
                .map_err(|e: tera::Error| e.to_string());
                (key.clone(), v)
            })
            .collect();
        Shared {
            values,
            fragments: Mutex::new(BTreeMap::new()),
        }
    }

    /// Puts the language's values and fragments into a page's context.
    pub(super) fn fill(
        &self,
        ctx: &mut Context,
        templates: &Templates,
        lang: &str,
        section: &'static str,
    ) -> Result<(), Diagnostic> {
        self.insert_values(ctx, lang)?;
        if let Some(fragments) = self.fragments(templates, lang, section)? {
            ctx.insert_value("shared", fragments);
        }
        Ok(())
    }

    /// The fragments of `lang` with `section` current, rendered on first use;
    /// `None` if the theme has none of them.
    fn fragments(
        &self,
        templates: &Templates,
        lang: &str,
        section: &'static str,
    ) -> Result<Option<Value>, Diagnostic> {
        let key = (lang.to_string(), section);
        if let Some(v) = self.locked().get(&key) {
            return Ok(Some(v.clone()));
        }
        let present: Vec<_> = FRAGMENTS
            .iter()
            .filter(|(_, file)| templates.has(file))
            .collect();
        if present.is_empty() {
            return Ok(None);
        }
        let mut ctx = Context::new();
        self.insert_values(&mut ctx, lang)?;
        ctx.insert("section", section);
        let mut map = BTreeMap::new();
        for (name, file) in present {
            map.insert(*name, Value::safe_string(&templates.render(file, &ctx)?));
        }
        let value = Value::from(map);
        // Two threads may render the same fragments at once: equal results.
        self.locked().insert(key, value.clone());
        Ok(Some(value))
    }

    /// Puts the values of `lang` into `ctx`.
    pub(super) fn insert_values(&self, ctx: &mut Context, lang: &str) -> Result<(), Diagnostic> {
        match self.values.get(lang) {
            Some(Ok(values)) => {
                for (name, value) in values {
                    ctx.insert_value(*name, value.clone());
                }
                Ok(())
            }
            Some(Err(e)) => Err(Diagnostic::error("internal-view")
                .arg("view", "page")
                .arg("detail", e.clone())),
            None => Ok(()),
        }
    }

    fn locked(&self) -> std::sync::MutexGuard<'_, BTreeMap<(String, &'static str), Value>> {
        // A panic while holding the lock leaves the map whole (only inserts).
        self.fragments
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
