//! The search index of each language, built from the text readers see in
//! that language and written as small files ([`shards`]), of which the
//! search script loads only those a query needs, only when a reader searches.
//!
//! Both sides normalise text the same way (this file and
//! `themes/default/static/wegweiser.js`; the shared test vectors in
//! `tests/js/normalize-vectors.json` keep them equal): lower case; German
//! umlauts and ß spelled out (ü → ue), so that `Buero` finds `Büro`; accents
//! and Arabic short vowels (tashkeel) removed; the Arabic and Persian forms of
//! alef, yeh, kaf, teh marbuta and heh unified; tatweel, ZWNJ, bidi controls
//! and apostrophes removed; Arabic-Indic and Persian digits as 0–9.
//!
//! The script matches each query word against the index's words: whole, at
//! their start, inside them (German compounds: `buero` in
//! `integrationsbuero`) or, from five letters on, with one edit
//! (`integrationskurz`); so the index needs nothing beyond its word list.
//!
//! Why not a library: Pagefind (the usual choice) splits and stems words, but
//! does not unify Arabic/Persian letter forms or German umlaut spellings, and
//! its chunked index and WASM runtime are built for sites far larger than a
//! guide. Measured sizes: docs/performance.md ("Search in shards").

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::render::views::SearchDoc;

mod collect;
mod memo;
mod shards;

pub(crate) use collect::{Collector, collect};
pub use memo::MemoFile;

/// One page search can find, as the index takes it: what a result shows,
/// all its searchable text but the body, and the body (its plain text made
/// only when the index needs its words: an index updated from its memo
/// does not for a document it already has).
pub struct Source<'a> {
    pub doc: SearchDoc,
    /// Title, summary, section, terms… (everything but the body), words
    /// separated by white space.
    pub text: String,
    /// XXH3-128 of the Markdown body (the body's words depend on nothing else).
    pub body_digest: u128,
    /// The body's plain text.
    pub body: Box<dyn FnOnce() -> String + Send + Sync + 'a>,
}

/// An order of titles (the language's collation).
pub type TitleOrder<'a> = &'a (dyn Fn(&str, &str) -> std::cmp::Ordering + Sync);

/// The files of a language's search index ([`shards`]) from its documents,
/// numbered in title order by `order`, each file about `target` bytes.
/// The documents are taken one at a time: no more than one document's
/// text is held at once.
pub fn index_files<'a>(
    lang: &str,
    sources: impl IntoIterator<Item = Source<'a>>,
    order: TitleOrder<'_>,
    target: usize,
) -> Vec<(String, Vec<u8>)> {
    shards::files(
        lang,
        &collect(sources.into_iter().map(Indexed::of), order),
        target,
    )
}

/// [`index_files`] of documents already collected (a full build gathers
/// them as it renders its pages), the memo written for the next build if
/// given (as [`index_files_updating`] writes it).
pub(crate) fn index_files_collected(
    lang: &str,
    collected: &Collected,
    target: usize,
    memo: Option<&MemoFile>,
) -> Vec<(String, Vec<u8>)> {
    let (files, ()) = rayon::join(
        || shards::files(lang, collected, target),
        || {
            if let Some(memo) = memo {
                memo.write(collected);
            }
        },
    );
    files
}

/// Documents made when asked for (in parallel).
pub type MakeDocuments<'a, 'f> = Box<dyn FnOnce() -> Vec<Source<'a>> + Send + 'f>;

/// The documents of an index brought up to date ([`index_files_updating`]).
pub struct Documents<'a, 'f> {
    /// Every document.
    pub all: MakeDocuments<'a, 'f>,
    /// In a change of bodies only: the documents that may differ from
    /// those of the build that left the memo with this digest
    /// ([`MemoFile::digest`]); every other one is that memo's.
    pub changed: Option<(u128, MakeDocuments<'a, 'f>)>,
}

/// [`index_files`] from the index kept in `memo` brought up to date: only
/// the documents that changed since are indexed again (their bodies read),
/// and the memo is written for the next build ([`memo`]). Where only some
/// documents may have changed and the memo is the one the previous build
/// left, only those are made; else all are, while the memo is read. The
/// memo is written while the files are made (each of these steps takes
/// tens of milliseconds at 10,000 offers).
pub fn index_files_updating(
    lang: &str,
    docs: Documents<'_, '_>,
    order: TitleOrder<'_>,
    target: usize,
    memo: &MemoFile,
) -> Vec<(String, Vec<u8>)> {
    let (index, changed) = match docs.changed {
        Some((digest, changed)) => match memo.read_digested() {
            Some((old, d)) if d == digest => match memo::update_some(old, changed(), order) {
                Ok(updated) => updated,
                Err(old) => memo::update(Some(old), (docs.all)(), order),
            },
            old => memo::update(old.map(|(c, _)| c), (docs.all)(), order),
        },
        None => {
            let (old, sources) = rayon::join(|| memo.read(), docs.all);
            memo::update(old, sources, order)
        }
    };
    let (files, ()) = rayon::join(
        || shards::files(lang, &index, target),
        || {
            if changed {
                memo.write(&index);
            }
        },
    );
    files
}

fn map_char(c: char) -> Option<char> {
    Some(match c {
        // Alef forms without hamza marks (those are stripped as combining marks).
        'ٱ' => 'ا',
        // Yeh: Arabic yeh, alef maksura → Persian yeh.
        'ي' | 'ى' => 'ی',
        // Kaf: Arabic → Persian keheh.
        'ك' => 'ک',
        // Teh marbuta and heh goal/ae → heh.
        'ة' | 'ە' | 'ۀ' | 'ہ' => 'ه',
        // Digits.
        '٠'..='٩' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        // Removed: tatweel, joiners, bidi controls, apostrophes.
        '\u{0640}'
        | '\u{200C}'
        | '\u{200D}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\''
        | '’'
        | 'ʼ'
        | '`' => return None,
        c => c,
    })
}

/// Normalises text for matching (see the module documentation).
pub fn normalize(s: &str) -> String {
    let lower: String = s.nfc().collect::<String>().to_lowercase();
    let mut spelled = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            'ä' => spelled.push_str("ae"),
            'ö' => spelled.push_str("oe"),
            'ü' => spelled.push_str("ue"),
            'ß' => spelled.push_str("ss"),
            c => spelled.push(c),
        }
    }
    spelled
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .filter_map(map_char)
        .collect()
}

/// The words of a text, normalised.
pub fn tokens(s: &str) -> impl Iterator<Item = String> {
    normalize(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect::<Vec<_>>()
        .into_iter()
}

/// The words the index keeps of one white-space-separated piece of text:
/// normalised, split at everything that is not a letter or digit, two
/// characters or more. Normalisation never joins or splits across white
/// space, so the index can normalise each distinct piece once, and ASCII
/// pieces (most of German text) take a short path.
fn piece_words(w: &str, mut keep: impl FnMut(&str)) {
    let mut emit = |t: &str| {
        if t.chars().nth(1).is_some() {
            keep(t);
        }
    };
    if w.is_ascii() {
        let n: String = w
            .chars()
            .filter(|c| !matches!(c, '\'' | '`'))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        n.split(|c: char| !c.is_ascii_alphanumeric())
            .for_each(&mut emit);
    } else {
        normalize(w)
            .split(|c: char| !c.is_alphanumeric())
            .for_each(&mut emit);
    }
}

/// The words of a title the index keeps (each time it has them).
fn title_words_of(title: &str, mut keep: impl FnMut(&str)) {
    for w in title.split_whitespace() {
        piece_words(w, &mut keep);
    }
}

/// Every word of a language's documents with the documents that contain it,
/// as the index files are written from it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Collected {
    /// The documents, in title order (their numbers below).
    pub docs: Vec<Doc>,
    /// Word → numbers of the documents that contain it (ascending).
    pub words: BTreeMap<String, Vec<u32>>,
    /// Word → numbers of the documents whose title has it (ascending): a
    /// title match ranks first.
    pub titles: BTreeMap<String, Vec<u32>>,
}

/// A document of the index: what a result shows (as the index's JSON has
/// it) and what it is ordered by.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Doc {
    pub url: String,
    pub title: String,
    /// The [`SearchDoc`] in JSON.
    pub json: String,
    /// XXH3-128 of the JSON, the text but the body and the body's digest:
    /// what the document's words depend on.
    pub fingerprint: u128,
}

/// A document and all its searchable text.
pub(crate) struct Indexed {
    pub doc: Doc,
    pub text: String,
}

impl Indexed {
    /// The document of `source` with all its text (the body read).
    pub(crate) fn of(source: Source<'_>) -> Indexed {
        let (doc, text) = Doc::of(&source);
        Indexed::with_body(doc, text, source)
    }

    /// The document of `source` with all its text, the body's plain text
    /// given (made as its page was rendered: the source's is not made).
    pub(crate) fn with_body_text(source: &Source<'_>, body: &str) -> Indexed {
        let (doc, text) = Doc::of(source);
        Indexed {
            doc,
            text: text + " " + body,
        }
    }

    /// `doc` (of `source`) with `text` (its text but the body) and the body.
    fn with_body(doc: Doc, text: String, source: Source<'_>) -> Indexed {
        Indexed {
            doc,
            text: text + " " + &(source.body)(),
        }
    }
}

impl Doc {
    /// The document of `source` and its text but the body.
    fn of(source: &Source<'_>) -> (Doc, String) {
        // Serialising strings and options of strings cannot fail.
        let json = serde_json::to_string(&source.doc).unwrap_or_default();
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(json.as_bytes());
        h.update(&[0]);
        h.update(source.text.as_bytes());
        h.update(&[0]);
        h.update(&source.body_digest.to_le_bytes());
        let doc = Doc {
            url: source.doc.url.clone(),
            title: source.doc.title.clone(),
            json,
            fingerprint: h.digest128(),
        };
        (doc, source.text.clone())
    }

    /// The order of documents: by title (`order`), then by URL (unique).
    fn cmp(&self, other: &Doc, order: TitleOrder<'_>) -> std::cmp::Ordering {
        order(&self.title, &other.title).then_with(|| self.url.cmp(&other.url))
    }
}

/// A source for tests: document `url` titled `title` with `body`.
#[cfg(test)]
pub(crate) fn test_source(url: &str, title: &str, body: &str) -> Source<'static> {
    let body = body.to_string();
    Source {
        doc: SearchDoc {
            url: url.into(),
            title: title.into(),
            summary: String::new(),
            section: "Angebote".into(),
            lang: None,
            facts: Default::default(),
        },
        text: format!("{title} Angebote"),
        body_digest: xxhash_rust::xxh3::xxh3_128(body.as_bytes()),
        body: Box::new(move || body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Kind;
    use crate::routes;

    fn by_title(a: &str, b: &str) -> std::cmp::Ordering {
        a.cmp(b)
    }

    /// A document with all its text (no body).
    fn indexed(doc: SearchDoc, text: String) -> Indexed {
        Indexed::of(Source {
            doc,
            text,
            body_digest: 0,
            body: Box::new(String::new),
        })
    }

    #[derive(serde::Deserialize)]
    struct Vector {
        input: String,
        normalized: String,
    }

    /// The distinct words of `s` the index keeps: the same set as `tokens`
    /// gives (minus one-character words).
    fn index_words(s: &str) -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::new();
        for w in s.split_whitespace() {
            piece_words(w, |t| {
                out.insert(t.to_string());
            });
        }
        out
    }

    #[test]
    fn index_words_are_the_tokens() {
        let texts = [
            "Sprachcafé für Frauen: Deutsch üben, Kinderbetreuung! O'Neil's `code` 2026",
            "مقهى اللغة للنساء: تدريب على الألمانية، رعاية الأطفال ١٢٣ كتاب",
            "کافه زبان برای زنان — آموزش آلمانی ۱۲۳ ي ك ة",
            "Мовне кафе для жінок: НІМЕЦЬКА мова, догляд за дітьми",
            "Dil kafesi: Almanca İSTANBUL ışık ĞÜŞ",
            "ΣΟΦΙΑΣ σοφία a\u{301}b e\u{308} x  y\tz\n\u{a0}q",
        ];
        for t in texts {
            let old: std::collections::BTreeSet<String> =
                tokens(t).filter(|w| w.chars().count() >= 2).collect();
            assert_eq!(index_words(t), old, "{t}");
        }
    }

    #[test]
    fn shared_vectors() {
        let text = include_str!("../../tests/js/normalize-vectors.json");
        let vectors: Vec<Vector> = serde_json::from_str(text).unwrap();
        assert!(vectors.len() >= 20);
        for v in vectors {
            assert_eq!(normalize(&v.input), v.normalized, "input {:?}", v.input);
        }
    }

    #[test]
    fn index_lists_each_document_once_per_word() {
        let doc = |t: &str| {
            let doc = SearchDoc {
                url: routes::item("de", Kind::Page, t),
                title: t.into(),
                summary: String::new(),
                section: "Angebote".into(),
                lang: None,
                facts: Default::default(),
            };
            indexed(doc, format!("{t} {t} Büro"))
        };
        let c = collect([doc("Sprachcafé"), doc("Beratung")], &by_title);
        // Numbered in title order: Beratung first.
        assert_eq!(c.docs[0].title, "Beratung");
        assert_eq!(c.words["buero"], vec![0, 1]);
        assert_eq!(c.words["sprachcafe"], vec![1]);
        assert_eq!(c.titles["sprachcafe"], vec![1]);
        assert!(!c.titles.contains_key("buero"));
    }

    /// The index equals the plain definition: every word of every document
    /// (by [`tokens`], two characters or more) → the documents that have it.
    #[test]
    fn index_matches_the_reference_definition() {
        let texts = [
            "Sprachcafé für Frauen: Deutsch üben, Kinderbetreuung! Büro BÜRO büro",
            "مقهى اللغة للنساء: تدريب على الألمانية، رعاية الأطفال ١٢٣ كتاب Büro",
            "Мовне кафе для жінок: НІМЕЦЬКА мова, догляд за дітьми O'Neil",
            "Frauen frauen—Kinder x y",
        ];
        let docs: Vec<Indexed> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let doc = SearchDoc {
                    url: routes::item("de", Kind::Page, &i.to_string()),
                    title: i.to_string(),
                    summary: String::new(),
                    section: "A".into(),
                    lang: None,
                    facts: Default::default(),
                };
                indexed(doc, t.to_string())
            })
            .collect();
        let mut want: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (i, t) in texts.iter().enumerate() {
            for w in tokens(t).filter(|w| w.chars().count() >= 2) {
                let l = want.entry(w).or_default();
                if l.last() != Some(&(i as u32)) {
                    l.push(i as u32);
                }
            }
        }
        // Titles are the document numbers, so title order keeps the numbers.
        let c = collect(docs, &by_title);
        assert_eq!(c.words, want);
        assert_eq!(c.words["buero"], vec![0, 1]);
    }
}
