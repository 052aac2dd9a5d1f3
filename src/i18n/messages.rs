//! Interface text: Fluent messages from `locales/<lang>/*.ftl`, one bundle per
//! site language, looked up along the language's fallback chain.
//!
//! What Fluent would only show readers is reported instead: encoding and
//! syntax errors and ids defined twice (`ftl_file`, `patterns`), references to
//! what does not exist and circles of references (`patterns`, when loading),
//! messages the default language lacks (`required`, when loading), variables a
//! caller does not pass (when formatting). In the default language these are
//! errors, as every other language falls back to it; in the others, warnings
//! naming the file and line (`--strict` fails on them).

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::ResolverError;
use fluent_bundle::resolver::errors::ReferenceKind;
use fluent_bundle::types::FluentNumberOptions;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

use super::ftl_file;
use super::patterns::Patterns;
use super::required;
use crate::config::{Language, SiteConfig};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::i18n::LocaleFormatter;
use crate::tool_text::Msg;

use crate::layout::LOCALES_DIR;

/// All Fluent bundles of a site. Built once per build, shared by all threads.
pub struct Messages {
    bundles: BTreeMap<String, FluentBundle<FluentResource>>,
    /// Language key → itself followed by its fallback chain.
    chains: BTreeMap<String, Vec<String>>,
    default_language: String,
    /// Language → its messages' and terms' patterns (references, variables, places).
    patterns: BTreeMap<String, Patterns>,
    /// `(language, message id)` looked up but found only in a fallback language.
    missing: Mutex<BTreeSet<(String, String)>>,
    /// Message ids looked up that no language had.
    absent: Mutex<BTreeSet<String>>,
    /// Problems found while formatting: (language whose pattern was
    /// formatted, id asked for, what) → details. Reported after the build.
    problems: Mutex<BTreeMap<(String, String, String), Problem>>,
    /// Where each message is defined: language → id → (file, offset of the definition).
    defined: BTreeMap<String, BTreeMap<String, (SourceFile, usize)>>,
    /// Ids that other messages refer to (`{ other-message }`).
    referenced: BTreeSet<String>,
    /// Every defined id, marked once something asked for it (for `check`).
    used: FxHashMap<String, AtomicBool>,
    /// Language → id → every message formatted without arguments: templates
    /// ask for the same interface text on every page (a twentieth of a
    /// build's CPU time).
    plain: BTreeMap<String, FxHashMap<String, Formatted>>,
}

/// A message formatted for one language.
struct Formatted {
    text: String,
    /// Position in the language's chain of the language that had the
    /// message (0: the language itself).
    from: usize,
    /// Fluent's complaints while formatting.
    errors: Vec<FluentError>,
    /// Whether a call without arguments has nothing to note (no variable
    /// used, no complaint): the cached plain texts skip
    /// [`Messages::check_call`], which was a third of formatting's time.
    quiet: bool,
    /// Whether `missing` has this one's fallback already (it only grows).
    noted: AtomicBool,
}

/// A problem found while formatting a message.
/// What rendering noted of the interface text: ids asked for, ids found
/// only in a fallback language, ids no language has, formatting problems
/// (by language, id and kind: pattern, variable, variables passed). An
/// incremental build keeps it in its manifest for the pages it does not
/// render again.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Usage {
    pub used: BTreeSet<String>,
    pub missing: BTreeSet<(String, String)>,
    pub absent: BTreeSet<String>,
    /// A list, not a map: JSON keys are strings.
    #[allow(clippy::type_complexity)]
    pub problems: Vec<((String, String, String), (String, Option<String>, String))>,
}

struct Problem {
    /// The pattern to point at (the message asked for, or one it refers to).
    pattern: String,
    /// The variable it is about, if any.
    variable: Option<String>,
    /// The variables the caller passed, for the report.
    passed: String,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("languages", &self.chains.keys())
            .finish()
    }
}

impl Messages {
    /// Loads `locales/<key>/*.ftl` for every site language and checks them
    /// (see the module's documentation). Every problem has file and line.
    pub fn load(root: &Path, config: &SiteConfig) -> (Messages, Diagnostics) {
        let mut ds = Diagnostics::new();
        let mut bundles = BTreeMap::new();
        let mut patterns = BTreeMap::new();
        let mut chains = BTreeMap::new();
        let default = &config.default_language;
        for lang in &config.languages {
            let (bundle, p) = load_language(root, lang, &lang.key == default, &mut ds);
            let mut chain = vec![lang.key.clone()];
            chain.extend(lang.fallback.iter().cloned());
            chains.insert(lang.key.clone(), chain);
            bundles.insert(lang.key.clone(), bundle);
            patterns.insert(lang.key.clone(), p);
        }
        // Without any file, the missing folder is the one error to report.
        if let Some(p) = patterns.get(default).filter(|p| p.has_files()) {
            let dir = Path::new(LOCALES_DIR).join(default);
            required::check(root, &config.theme, (default, &dir), p, &mut ds);
        }
        let defined = patterns
            .iter()
            .map(|(lang, p)| (lang.clone(), p.definitions()))
            .collect();
        let referenced = patterns
            .values()
            .flat_map(|p| p.referenced())
            .map(str::to_string)
            .collect();
        let mut messages = Messages {
            bundles,
            chains,
            default_language: default.clone(),
            patterns,
            missing: Mutex::new(BTreeSet::new()),
            absent: Mutex::new(BTreeSet::new()),
            problems: Mutex::new(BTreeMap::new()),
            defined,
            referenced,
            used: FxHashMap::default(),
            plain: BTreeMap::new(),
        };
        messages.used = messages
            .defined
            .values()
            .flat_map(|ids| ids.keys())
            .map(|id| (id.clone(), AtomicBool::new(false)))
            .collect();
        messages.plain = messages
            .chains
            .keys()
            .map(|lang| {
                let texts = messages
                    .used
                    .keys()
                    .filter_map(|id| {
                        let mut f = messages.lookup(lang, id, None)?;
                        f.quiet = messages.quiet_without_arguments(lang, id, &f);
                        Some((id.clone(), f))
                    })
                    .collect();
                (lang.clone(), texts)
            })
            .collect();
        (messages, ds)
    }

    /// Formats message `id` (or `id.attribute`) for `lang`, falling back
    /// along its chain. Returns `None` if no language has it. Variables the
    /// message uses but `args` lacks are noted for [`Messages::missing_report`].
    pub fn format(&self, lang: &str, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let msg_id = id.split_once('.').map_or(id, |(m, _)| m);
        if let Some(flag) = self.used.get(msg_id) {
            flag.store(true, Ordering::Relaxed);
        }
        let cached = match args {
            None => self.plain.get(lang).and_then(|m| m.get(id)),
            Some(_) => None,
        };
        let fresh;
        let found = match cached {
            Some(c) => c,
            None => match self.lookup(lang, id, args) {
                Some(f) => {
                    fresh = f;
                    &fresh
                }
                None => {
                    lock(&self.absent).insert(id.to_string());
                    return None;
                }
            },
        };
        if found.from > 0 && !found.noted.swap(true, Ordering::Relaxed) {
            lock(&self.missing).insert((lang.to_string(), id.to_string()));
        }
        if !found.quiet
            && let Some(source) = self.chains.get(lang).and_then(|c| c.get(found.from))
        {
            self.check_call(source, id, args, &found.errors);
        }
        Some(found.text.clone())
    }

    /// Message `id` (or `id.attribute`) formatted for `lang` along its
    /// fallback chain.
    fn lookup(&self, lang: &str, id: &str, args: Option<&FluentArgs>) -> Option<Formatted> {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let chain = self.chains.get(lang)?;
        for (from, key) in chain.iter().enumerate() {
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
            let text = bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
            // Every interface text passes here: the one place control
            // characters (raw or from `{"\u0007"}`) leave Fluent text.
            let text = crate::text::strip_controls_owned(text);
            return Some(Formatted {
                text,
                from,
                errors,
                quiet: false,
                noted: AtomicBool::new(false),
            });
        }
        None
    }

    /// Whether [`Messages::check_call`] would note nothing for `found`, the
    /// message `id` of `lang` formatted without arguments.
    fn quiet_without_arguments(&self, lang: &str, id: &str, found: &Formatted) -> bool {
        let Some(source) = self.chains.get(lang).and_then(|c| c.get(found.from)) else {
            return true;
        };
        let Some(patterns) = self.patterns.get(source) else {
            return true;
        };
        found.errors.is_empty() && patterns.variables(id).is_empty()
    }

    /// Notes what is wrong with formatting `id` from language `source`'s
    /// pattern with `args`: every variable it uses (in any variant, also
    /// through the messages it refers to) that the caller does not pass,
    /// and whatever else Fluent complained about.
    fn check_call(
        &self,
        source: &str,
        id: &str,
        args: Option<&FluentArgs>,
        errors: &[FluentError],
    ) {
        let Some(patterns) = self.patterns.get(source) else {
            return;
        };
        let passed = |v: &str| args.is_some_and(|a| a.get(v).is_some());
        for (var, pattern) in patterns.variables(id) {
            if !passed(var) {
                self.note_problem((source, id, format!("${var}")), pattern, Some(var), args);
            }
        }
        for e in errors {
            match e {
                // Used in a term referred to without arguments (the others are found above).
                FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
                    id: var,
                })) => self.note_problem((source, id, format!("${var}")), id, Some(var), args),
                // Found when loading: every reference of every bundle is checked there.
                FluentError::ResolverError(
                    ResolverError::Reference(_) | ResolverError::NoValue(_) | ResolverError::Cyclic,
                ) => {}
                other => self.note_problem((source, id, other.to_string()), id, None, args),
            }
        }
    }

    /// Notes a problem (once per language, message and kind of problem).
    fn note_problem(
        &self,
        (source, id, what): (&str, &str, String),
        pattern: &str,
        variable: Option<&str>,
        args: Option<&FluentArgs>,
    ) {
        let mut problems = lock(&self.problems);
        let key = (source.to_string(), id.to_string(), what);
        if problems.contains_key(&key) {
            return;
        }
        let passed: Vec<String> = args
            .into_iter()
            .flat_map(|a| a.iter())
            .map(|(k, _)| format!("${k}"))
            .collect();
        problems.insert(
            key,
            Problem {
                pattern: pattern.to_string(),
                variable: variable.map(str::to_string),
                passed: if passed.is_empty() {
                    "none".to_string()
                } else {
                    passed.join(", ")
                },
            },
        );
    }

    /// What rendering noted so far (see [`Usage`]).
    pub fn usage(&self) -> Usage {
        Usage {
            used: self
                .used
                .iter()
                .filter(|(_, f)| f.load(Ordering::Relaxed))
                .map(|(id, _)| id.clone())
                .collect(),
            missing: lock(&self.missing).clone(),
            absent: lock(&self.absent).clone(),
            problems: lock(&self.problems)
                .iter()
                .map(|((s, i, w), p)| {
                    let p = (p.pattern.clone(), p.variable.clone(), p.passed.clone());
                    ((s.clone(), i.clone(), w.clone()), p)
                })
                .collect(),
        }
    }

    /// Adds what rendering noted in an earlier build (for pages an
    /// incremental build did not render again).
    pub fn add_usage(&self, u: &Usage) {
        for id in &u.used {
            if let Some(f) = self.used.get(id) {
                f.store(true, Ordering::Relaxed);
            }
        }
        lock(&self.missing).extend(u.missing.iter().cloned());
        lock(&self.absent).extend(u.absent.iter().cloned());
        let mut problems = lock(&self.problems);
        for (key, (pattern, variable, passed)) in &u.problems {
            problems.entry(key.clone()).or_insert_with(|| Problem {
                pattern: pattern.clone(),
                variable: variable.clone(),
                passed: passed.clone(),
            });
        }
    }

    /// Whether `lang` itself (not its fallback) has message `id`.
    /// The labels of every declared taxonomy term in every language that
    /// defines one (`topics-sprache-bildung` …), for the content's hints.
    pub fn term_labels(&self, config: &SiteConfig) -> crate::content::naming::TermLabels {
        let mut labels = crate::content::naming::TermLabels::default();
        for t in crate::config::Taxonomy::ALL {
            for term in config.taxonomies.terms(t) {
                let id = format!("{}-{term}", t.key());
                for lang in config.language_keys() {
                    if self.has_own(&lang, &id)
                        && let Some(label) = self.format(&lang, &id, None)
                    {
                        labels.add(t.key(), term, label);
                    }
                }
            }
        }
        labels
    }

    pub fn has_own(&self, lang: &str, id: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(id))
    }

    /// Where each message is defined: language → id → (file, byte offset).
    pub fn definitions(&self) -> &BTreeMap<String, BTreeMap<String, (SourceFile, usize)>> {
        &self.defined
    }

    /// Whether a message was asked for since loading, or is referred to by another message.
    pub fn was_used(&self, id: &str) -> bool {
        self.referenced.contains(id) || self.used.get(id).is_some_and(|f| f.load(Ordering::Relaxed))
    }

    /// What formatting found so far (sorted): messages shown from a
    /// fallback language or not at all (warnings), and variables not passed
    /// and other formatting problems (errors in the default language,
    /// warnings in the others).
    pub fn missing_report(&self) -> Diagnostics {
        let mut ds = Diagnostics::new();
        let mut by_lang: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (lang, id) in lock(&self.missing).iter() {
            by_lang.entry(lang.clone()).or_default().push(id.clone());
        }
        for (lang, ids) in by_lang {
            ds.push(
                Diagnostic::warning("ftl-missing-fallback")
                    .arg("n", ids.len())
                    .arg("lang", lang.as_str())
                    .arg("ids", ids.join(", "))
                    .at_path(&Path::new(LOCALES_DIR).join(&lang)),
            );
        }
        let absent = lock(&self.absent);
        if !absent.is_empty() {
            let default = &self.default_language;
            let ids: Vec<&str> = absent.iter().map(String::as_str).collect();
            ds.push(
                Diagnostic::warning("ftl-absent")
                    .arg("n", ids.len())
                    .arg("ids", ids.join(", "))
                    .arg("default", default.as_str())
                    .at_path(&Path::new(LOCALES_DIR).join(default)),
            );
        }
        for ((source, id, what), p) in lock(&self.problems).iter() {
            ds.push(self.problem_diagnostic(source, id, what, p));
        }
        ds
    }

    fn problem_diagnostic(&self, source: &str, id: &str, what: &str, p: &Problem) -> Diagnostic {
        let severity = if source == self.default_language {
            Diagnostic::error
        } else {
            Diagnostic::warning
        };
        let d = match &p.variable {
            Some(var) => severity("ftl-variable-not-passed")
                .arg("id", id)
                .arg(
                    "through",
                    if p.pattern == id {
                        Msg::new("text-empty")
                    } else {
                        Msg::new("ftl-through").arg("pattern", p.pattern.as_str())
                    },
                )
                .arg("var", var.as_str())
                .arg("lang", source)
                .arg("passed", p.passed.to_string())
                .arg("default", self.default_language.as_str())
                .help(if source == self.default_language {
                    "ftl-variable-fix-default"
                } else {
                    "ftl-variable-fix-other"
                }),
            None => severity("ftl-format-failed")
                .arg("id", id)
                .arg("lang", source)
                .arg("detail", what),
        };
        let patterns = self.patterns.get(source);
        let place = match &p.variable {
            Some(var) => patterns.and_then(|ps| ps.variable_location(&p.pattern, var)),
            None => patterns.and_then(|ps| ps.location(&p.pattern)),
        };
        match place {
            Some((file, at)) => {
                let len = p.variable.as_ref().map_or(p.pattern.len(), |v| v.len() + 1);
                d.at(file, at..at + len)
            }
            None => d.at_path(&Path::new(LOCALES_DIR).join(source)),
        }
    }
}

/// A lock that another thread's panic poisoned still guards a valid set:
/// each insertion either happened or did not.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One language's bundle and patterns, from `locales/<key>/*.ftl`; its
/// problems are errors for the default language and warnings for the others.
fn load_language(
    root: &Path,
    lang: &Language,
    is_default: bool,
    ds: &mut Diagnostics,
) -> (FluentBundle<FluentResource>, Patterns) {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.tag.clone()]);
    // Isolation marks would leak into attributes, titles and feeds;
    // the templates isolate mixed-direction text with <bdi> and dir.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(number_formatter(lang.numbering.as_deref())));
    // NUMBER() for translators; registering builtins on a fresh bundle cannot clash.
    let _ = bundle.add_builtins();
    let severity: fn(&'static str) -> Diagnostic = if is_default {
        Diagnostic::error
    } else {
        Diagnostic::warning
    };
    let dir = Path::new(LOCALES_DIR).join(&lang.key);
    let Some(files) = ftl_file::ftl_files(root, &dir, ds) else {
        // The folder is a link out of the site: reported, nothing read.
        return (bundle, Patterns::default());
    };
    if files.is_empty() {
        ds.push(
            severity("ftl-language-empty")
                .arg("lang", lang.key.as_str())
                .arg("default", if is_default { "yes" } else { "no" })
                .at_path(&dir),
        );
    }
    let mut patterns = Patterns::default();
    for path in files {
        let shown = dir.join(path.file_name().unwrap_or_default());
        let Some(f) = ftl_file::read(&path, shown, ds) else {
            continue;
        };
        patterns.add(&f.file, &f.resource, ds);
        // Its only errors are ids defined before, which `Patterns::add`
        // reports with both places.
        let _ = bundle.add_resource(f.resource);
    }
    patterns.check(&lang.key, severity, ds);
    (bundle, patterns)
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
