//! Interface text: Fluent messages from `locales/<lang>/*.ftl`, one bundle per
//! site language, looked up along the language's fallback chain.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use fluent_syntax::ast;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumberOptions;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

use crate::i18n::LocaleFormatter;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

use crate::layout::LOCALES_DIR;

/// All Fluent bundles of a site. Built once per build, shared by all threads.
pub struct Messages {
    bundles: BTreeMap<String, FluentBundle<FluentResource>>,
    /// Language key → itself followed by its fallback chain.
    chains: BTreeMap<String, Vec<String>>,
    /// `(language, message id)` looked up but found only in a fallback language (or nowhere).
    missing: Mutex<BTreeSet<(String, String)>>,
    /// Where each message is defined: language → id → (file, offset of the definition).
    defined: BTreeMap<String, BTreeMap<String, (SourceFile, usize)>>,
    /// Ids that other messages refer to (`{ other-message }`).
    referenced: BTreeSet<String>,
    /// Every defined id, marked once something asked for it (for `check`).
    used: HashMap<String, AtomicBool>,
    /// Language → id → every message formatted without arguments, and
    /// whether it came from a fallback language: templates ask for the same
    /// interface text on every page (a twentieth of a build's CPU time).
    plain: BTreeMap<String, HashMap<String, (String, bool)>>,
}

/// Message ids that a pattern refers to, added to `out`.
fn references(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    fn inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::MessageReference { id, .. } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
                for a in &arguments.named {
                    inline(&a.value, out);
                }
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    fn expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline(i, out),
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    references(&v.value, out);
                }
            }
        }
    }
    for el in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

/// Byte offset of the line that defines `id` in an FTL text.
fn definition_offset(text: &str, id: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(id)
            && rest.trim_start().starts_with('=')
        {
            return offset;
        }
        offset += line.len();
    }
    0
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("languages", &self.chains.keys())
            .finish()
    }
}

impl Messages {
    /// Loads `locales/<key>/*.ftl` for every site language. Syntax errors and
    /// duplicate ids are reported with file and line.
    pub fn load(root: &Path, config: &SiteConfig) -> (Messages, Diagnostics) {
        let mut ds = Diagnostics::new();
        let mut bundles = BTreeMap::new();
        let mut chains = BTreeMap::new();
        let mut defined: BTreeMap<String, BTreeMap<String, (SourceFile, usize)>> = BTreeMap::new();
        let mut referenced = BTreeSet::new();
        for lang in &config.languages {
            let mut bundle = FluentBundle::new_concurrent(vec![lang.tag.clone()]);
            // Isolation marks would leak into attributes, titles and feeds;
            // the templates isolate mixed-direction text with <bdi> and dir.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(number_formatter(lang.numbering.as_deref())));
            // NUMBER() for translators; registering builtins on a fresh bundle cannot clash.
            let _ = bundle.add_builtins();
            let dir = root.join(LOCALES_DIR).join(&lang.key);
            let files = ftl_files(&dir);
            if files.is_empty() {
                ds.push(
                    Diagnostic::warning(format!("no interface text for language `{}`", lang.key))
                        .at_path(&Path::new(LOCALES_DIR).join(&lang.key))
                        .help(format!(
                            "create locales/{}/main.ftl; until then the interface shows the fallback language",
                            lang.key
                        )),
                );
            }
            for path in files {
                let shown = Path::new(LOCALES_DIR)
                    .join(&lang.key)
                    .join(path.file_name().unwrap_or_default());
                let text = match std::fs::read_to_string(&path) {
                    Ok(t) => t.replace("\r\n", "\n"),
                    Err(e) => {
                        ds.push(
                            Diagnostic::error(format!("cannot read this file: {e}"))
                                .at_path(&shown),
                        );
                        continue;
                    }
                };
                let file = SourceFile::new(shown, text.clone());
                let resource = match FluentResource::try_new(text) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        for e in errors {
                            let span = e.slice.clone().unwrap_or(e.pos.clone());
                            ds.push(
                                Diagnostic::error(format!("Fluent syntax error: {}", e.kind))
                                    .at(&file, span)
                                    .help("see https://projectfluent.org/fluent/guide/ — a message is `id = text`, continuation lines are indented"),
                            );
                        }
                        r
                    }
                };
                let ids = defined.entry(lang.key.clone()).or_default();
                for entry in resource.entries() {
                    if let ast::Entry::Message(m) = entry {
                        let at = definition_offset(&file.text, m.id.name);
                        ids.insert(m.id.name.to_string(), (file.clone(), at));
                        if let Some(v) = &m.value {
                            references(v, &mut referenced);
                        }
                        for a in &m.attributes {
                            references(&a.value, &mut referenced);
                        }
                    }
                }
                if let Err(errors) = bundle.add_resource(resource) {
                    for e in errors {
                        ds.push(
                            Diagnostic::error(format!("Fluent error: {e}"))
                                .in_file(&file)
                                .help("each message id may be defined once per language"),
                        );
                    }
                }
            }
            let mut chain = vec![lang.key.clone()];
            chain.extend(lang.fallback.iter().cloned());
            chains.insert(lang.key.clone(), chain);
            bundles.insert(lang.key.clone(), bundle);
        }
        let used: HashMap<String, AtomicBool> = defined
            .values()
            .flat_map(|ids| ids.keys())
            .map(|id| (id.clone(), AtomicBool::new(false)))
            .collect();
        let mut messages = Messages {
            bundles,
            chains,
            missing: Mutex::new(BTreeSet::new()),
            defined,
            referenced,
            used,
            plain: BTreeMap::new(),
        };
        let plain = messages
            .chains
            .keys()
            .map(|lang| {
                let texts = messages
                    .used
                    .keys()
                    .filter_map(|id| Some((id.clone(), messages.lookup(lang, id, None)?)))
                    .collect();
                (lang.clone(), texts)
            })
            .collect();
        messages.plain = plain;
        (messages, ds)
    }

    /// Formats message `id` (or `id.attribute`) for `lang`, falling back
    /// along its chain. Returns `None` if no language has it.
    pub fn format(&self, lang: &str, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let msg_id = id.split_once('.').map_or(id, |(m, _)| m);
        if let Some(flag) = self.used.get(msg_id) {
            flag.store(true, Ordering::Relaxed);
        }
        let cached = match args {
            None => self.plain.get(lang).and_then(|m| m.get(id)).cloned(),
            Some(_) => None,
        };
        match cached.or_else(|| self.lookup(lang, id, args)) {
            Some((text, fallback)) => {
                if fallback {
                    self.note_missing(lang, id);
                }
                Some(text)
            }
            None => {
                self.note_missing(lang, id);
                None
            }
        }
    }

    /// Message `id` (or `id.attribute`) formatted for `lang` along its
    /// fallback chain, and whether a fallback language had it.
    fn lookup(&self, lang: &str, id: &str, args: Option<&FluentArgs>) -> Option<(String, bool)> {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let chain = self.chains.get(lang)?;
        for (i, key) in chain.iter().enumerate() {
            let Some(bundle) = self.bundles.get(key) else {
                continue;
            };
            let Some(msg) = bundle.get_message(msg_id) else {
                continue;
            };
            let pattern = match attr {
                Some(a) => msg.get_attribute(a).map(|x| x.value()),
                None => msg.value(),
            };
            let Some(pattern) = pattern else { continue };
            let mut errors = Vec::new();
            let out = bundle.format_pattern(pattern, args, &mut errors);
            // Every interface text passes here: the one place control
            // characters (raw or from `{"\u0007"}`) leave Fluent text.
            let out = crate::text::strip_controls_owned(out.into_owned());
            return Some((out, i > 0));
        }
        None
    }

    /// Whether `lang` itself (not its fallback) has message `id`.
    pub fn has_own(&self, lang: &str, id: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(id))
    }

    fn note_missing(&self, lang: &str, id: &str) {
        // A poisoned lock only means another thread panicked while inserting;
        // the set itself is still valid.
        let mut set = self.missing.lock().unwrap_or_else(|e| e.into_inner());
        set.insert((lang.to_string(), id.to_string()));
    }

    /// Where each message is defined: language → id → (file, byte offset).
    pub fn definitions(&self) -> &BTreeMap<String, BTreeMap<String, (SourceFile, usize)>> {
        &self.defined
    }

    /// Whether a message was asked for since loading, or is referred to by another message.
    pub fn was_used(&self, id: &str) -> bool {
        self.referenced.contains(id) || self.used.get(id).is_some_and(|f| f.load(Ordering::Relaxed))
    }

    /// Messages that were needed but missing, as warnings (sorted).
    pub fn missing_report(&self) -> Diagnostics {
        let set = self.missing.lock().unwrap_or_else(|e| e.into_inner());
        let mut ds = Diagnostics::new();
        let mut by_lang: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (lang, id) in set.iter() {
            by_lang.entry(lang).or_default().push(id);
        }
        for (lang, ids) in by_lang {
            ds.push(
                Diagnostic::warning(format!(
                    "{} interface message(s) missing in `{lang}`, shown from the fallback language: {}",
                    ids.len(),
                    ids.join(", ")
                ))
                .at_path(&Path::new(LOCALES_DIR).join(lang))
                .help(format!("add these messages to locales/{lang}/*.ftl")),
            );
        }
        ds
    }
}

/// Fluent takes a plain function pointer as formatter, so each supported
/// numbering system gets its own instance of [`format_number`].
use crate::config::NUMBERING_SYSTEMS as NUMBERINGS;

type NumberFormatter = fn(&FluentValue, &IntlLangMemoizer) -> Option<String>;

fn number_formatter(numbering: Option<&str>) -> NumberFormatter {
    match numbering.and_then(|n| NUMBERINGS.iter().position(|x| *x == n)) {
        Some(0) => format_number::<1>,
        Some(1) => format_number::<2>,
        Some(2) => format_number::<3>,
        Some(3) => format_number::<4>,
        Some(4) => format_number::<5>,
        Some(5) => format_number::<6>,
        _ => format_number::<0>,
    }
}

/// ICU4X number formatting for one language, cached by Fluent's memoizer.
struct IcuNumbers(LocaleFormatter);

impl Memoizable for IcuNumbers {
    type Args = (Option<&'static str>,);
    type Error = crate::i18n::format::FormatError;
    fn construct(lang: LanguageIdentifier, args: Self::Args) -> Result<Self, Self::Error> {
        LocaleFormatter::new(&lang.to_string(), args.0).map(IcuNumbers)
    }
}

/// Formats whole numbers with the language's digits and grouping (Fluent's
/// own formatting only knows 0-9). `N` = 0: the locale's default numbering;
/// otherwise `NUMBERINGS[N - 1]`. Numbers with explicit NUMBER() options
/// keep Fluent's formatting.
fn format_number<const N: usize>(v: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    if n.options != FluentNumberOptions::default()
        || n.value.fract() != 0.0
        || n.value.abs() > 9.0e15
    {
        return None;
    }
    let numbering = N.checked_sub(1).and_then(|i| NUMBERINGS.get(i).copied());
    intls
        .with_try_get::<IcuNumbers, _, _>((numbering,), |f| f.0.integer(n.value as i64))
        .ok()
}

fn ftl_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    files
}
