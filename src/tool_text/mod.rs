//! The tool's own text (diagnostics, summaries, command output) in German and
//! English: one Fluent file per language, compiled into the binary.
//!
//! Code never holds sentences: it names a message by a stable English id
//! ([`Msg`], e.g. `date-not-iso`) with its arguments, and a [`ToolText`] in
//! the language the user chose turns it into text when it is printed. The
//! language is chosen once, in the binary ([`Lang::choose`]), and passed down.

use std::borrow::Cow;
use std::fmt;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

const DE: &str = include_str!("de.ftl");
const EN: &str = include_str!("en.ftl");

/// A language the tool speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    De,
    #[default]
    En,
}

impl Lang {
    /// `de`, `en`, or a locale such as `de_DE.UTF-8`, `en-GB`; `None` for
    /// anything else (`C`, `POSIX`, a language the tool does not speak).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim();
        let lang = s
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match lang.as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language asked for: `--lang` (`flag`), then `WEGWEISER_LANG`, then
    /// the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, in POSIX order); `None`
    /// if nothing decides (then the site's default language, else English).
    /// `env` looks up an environment variable; the binary reads it once.
    pub fn choose(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        if flag.is_some() {
            return flag;
        }
        if let Some(l) = env("WEGWEISER_LANG").and_then(|v| Lang::parse(&v)) {
            return Some(l);
        }
        // The first locale variable that is set decides, if it names a language.
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| env(k))
            .find(|v| !v.trim().is_empty())
            .and_then(|v| Lang::parse(&v))
    }

    pub fn key(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arg {
    Str(String),
    Num(i64),
    /// Another message, resolved in the same language first.
    Msg(Box<Msg>),
    /// Names (keys, fields, files), quoted and joined the way the language
    /// does it: `a`, `b` in English, „a“, „b“ in German.
    Names(Vec<String>),
    /// Messages, each resolved, joined by commas.
    Msgs(Vec<Msg>),
    /// A text written in both languages in code (a field's description in
    /// the schema): the one of the language the text is said in.
    Both {
        de: String,
        en: String,
    },
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Self {
        Arg::Str(s.into_owned())
    }
}
impl From<std::path::Display<'_>> for Arg {
    fn from(p: std::path::Display<'_>) -> Self {
        Arg::Str(p.to_string())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}
impl From<u128> for Arg {
    fn from(n: u128) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}

/// A message by id, with its arguments: text not yet in any language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Msg {
    pub id: Cow<'static, str>,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: &'static str) -> Self {
        Msg {
            id: Cow::Borrowed(id),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

impl From<&'static str> for Msg {
    fn from(id: &'static str) -> Self {
        Msg::new(id)
    }
}

/// The tool's text in one language.
pub struct ToolText {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for ToolText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ToolText({})", self.lang.key())
    }
}

impl ToolText {
    pub fn new(lang: Lang) -> ToolText {
        let source = match lang {
            Lang::De => DE,
            Lang::En => EN,
        };
        let tag = LanguageIdentifier::from_bytes(lang.key().as_bytes()).unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![tag]);
        // Terminal text: no isolation marks around arguments.
        bundle.set_use_isolating(false);
        // The files are compiled in and checked by the tests below (they
        // parse, and define every id once), so errors cannot occur here.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        ToolText { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message's text; its id if this language lacks it (the tests
    /// make sure that never ships).
    pub fn get(&self, m: &Msg) -> String {
        self.resolve(m, None).unwrap_or_else(|| m.id.to_string())
    }

    /// An attribute of the message (`.help`, `.label`), if it has one.
    pub fn attr(&self, m: &Msg, attr: &str) -> Option<String> {
        self.resolve(m, Some(attr))
    }

    /// The text of a message id with arguments, for command output.
    pub fn say(&self, id: &'static str, args: &[(&'static str, Arg)]) -> String {
        self.get(&Msg {
            id: Cow::Borrowed(id),
            args: args.to_vec(),
        })
    }

    /// Names quoted and joined as this language does it.
    pub fn names(&self, names: &[String]) -> String {
        let (open, close) = match self.lang {
            Lang::De => ("„", "“"),
            Lang::En => ("`", "`"),
        };
        names
            .iter()
            .map(|n| format!("{open}{n}{close}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn resolve(&self, m: &Msg, attr: Option<&str>) -> Option<String> {
        let message = self.bundle.get_message(&m.id)?;
        let pattern = match attr {
            None => message.value()?,
            Some(a) => message.get_attribute(a)?.value(),
        };
        let mut args = FluentArgs::new();
        for (name, value) in &m.args {
            let v = match value {
                Arg::Str(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Msg(inner) => FluentValue::from(self.get(inner)),
                Arg::Names(names) => FluentValue::from(self.names(names)),
                Arg::Both { de, en } => FluentValue::from(match self.lang {
                    Lang::De => de.clone(),
                    Lang::En => en.clone(),
                }),
                Arg::Msgs(list) => FluentValue::from(
                    list.iter()
                        .map(|m| self.get(m))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            };
            args.set(*name, v);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        Some(text.into_owned())
    }
}

#[cfg(test)]
mod tests;
