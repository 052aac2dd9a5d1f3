//! A language's documents gathered into its index ([`Collected`]): one
//! at a time as [`collect`] takes them, or in any order as a full build
//! renders its pages ([`Collector`]: each document is given its number,
//! its place among the language's documents, so the order it comes in does
//! not matter).

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::{Collected, Doc, Indexed, TitleOrder, piece_words, title_words_of};

/// Indexes each document with everything searchable about it (title,
/// summary, body text, topic labels…), then numbers the documents in title
/// order (`order`), so that results of equal rank are shown by title. The
/// documents are taken one at a time and their text is dropped once
/// indexed: a large guide's text is never held whole a second time (at
/// 10,000 offers, 80 MB per language).
pub(crate) fn collect(docs: impl IntoIterator<Item = Indexed>, order: TitleOrder<'_>) -> Collected {
    let docs = docs.into_iter();
    let mut c = Collector::new(docs.size_hint().0);
    for (i, d) in docs.enumerate() {
        c.add(i, d);
    }
    // Every document numbered 0..n was added, in order.
    c.finish(order)
        .unwrap_or_else(|_| unreachable!("documents 0..n were all added"))
}

/// The words of documents numbered in advance, added in any order; what
/// it finishes to is what [`collect`] makes of the same documents in the
/// order of their numbers (the postings are sorted by number at the end;
/// a word's own number is internal and never reaches the index).
#[derive(Default)]
pub(crate) struct Collector {
    /// Each distinct piece of text with its words' numbers: normalised
    /// once for the whole language. (Fx hashing: the keys are short words;
    /// SipHash was half the index's time.)
    pieces: FxHashMap<String, Vec<u32>>,
    word_ids: FxHashMap<String, u32>,
    /// By word number: the documents that contain it.
    postings: Vec<Vec<u32>>,
    /// (word number, document number) for each title word.
    title_words: Vec<(u32, u32)>,
    /// By number: the documents added.
    docs: Vec<Option<Doc>>,
}

impl Collector {
    /// A collector for `n` documents (more may be added).
    pub fn new(n: usize) -> Collector {
        Collector {
            docs: Vec::with_capacity(n),
            ..Collector::default()
        }
    }

    /// Adds document number `i` with all its text. A number given twice
    /// keeps the first document (a page rendered twice gives the same one).
    pub fn add(&mut self, i: usize, Indexed { doc, text }: Indexed) {
        if self.docs.len() <= i {
            self.docs.resize_with(i + 1, || None);
        }
        if self.docs[i].is_some() {
            return;
        }
        let n = i as u32;
        for w in pieces(&text) {
            let ids = match self.pieces.get(w) {
                Some(ids) => ids,
                None => {
                    let mut ids = Vec::new();
                    let (word_ids, postings) = (&mut self.word_ids, &mut self.postings);
                    piece_words(w, |t| {
                        let next = postings.len() as u32;
                        let id = *word_ids.entry(t.to_string()).or_insert(next);
                        if id == next {
                            postings.push(Vec::new());
                        }
                        ids.push(id);
                    });
                    self.pieces.entry(w.to_string()).or_insert(ids)
                }
            };
            for &id in ids.iter() {
                let list = &mut self.postings[id as usize];
                if list.last() != Some(&n) {
                    list.push(n);
                }
            }
        }
        title_words_of(&doc.title, |t| {
            if let Some(&id) = self.word_ids.get(t) {
                self.title_words.push((id, n));
            }
        });
        self.docs[i] = Some(doc);
    }

    /// The numbers below `n` (and any below the highest added) not added yet.
    pub fn missing(&self, n: usize) -> Vec<usize> {
        (0..n.max(self.docs.len()))
            .filter(|&i| self.docs.get(i).is_none_or(Option::is_none))
            .collect()
    }

    /// The index, numbered in title order (`order`); `Err` with the
    /// numbers missing if some below the highest were never added.
    pub fn finish(self, order: TitleOrder<'_>) -> Result<Collected, Vec<usize>> {
        let missing = self.missing(0);
        if !missing.is_empty() {
            return Err(missing);
        }
        drop(self.pieces);
        let kept = self.docs.into_iter().flatten().collect();
        Ok(in_title_order(
            kept,
            self.word_ids,
            self.postings,
            self.title_words,
            order,
        ))
    }
}

/// The pieces of `text` between white space: those of
/// `str::split_whitespace` (Unicode's White_Space), found byte by byte.
/// (`split_whitespace` decodes every character: it was 4 % of a build's
/// instructions, in the index alone.) In UTF-8 every white-space character
/// beyond ASCII starts with the byte 0xC2 (U+0085, U+00A0), 0xE1 (U+1680),
/// 0xE2 (U+2000–U+200A, U+2028, U+2029, U+202F, U+205F) or 0xE3 (U+3000);
/// only at those is a character decoded.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    /// The bytes white space can start with.
    const STARTS: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        let starts = [
            b' ', b'\t', b'\n', 0x0b, 0x0c, b'\r', 0xC2, 0xE1, 0xE2, 0xE3,
        ];
        while i < starts.len() {
            t[starts[i] as usize] = true;
            i += 1;
        }
        t
    };
    let bytes = text.as_bytes();
    // The width of the white space at `i` (0 if there is none).
    let space = move |i: usize| -> usize {
        if !STARTS[bytes[i] as usize] {
            return 0;
        }
        if bytes[i] < 0x80 {
            return 1;
        }
        match text[i..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        }
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            if at >= bytes.len() {
                return None;
            }
            match space(at) {
                0 => break,
                width => at += width,
            }
        }
        let start = at;
        at += 1;
        while at < bytes.len() && space(at) == 0 {
            at += 1;
        }
        Some(&text[start..at])
    })
}

/// The index numbered anew, in title order (`order`; ties by URL, which is
/// unique): documents, postings and title postings (pairs of word number
/// and old document number).
fn in_title_order(
    kept: Vec<Doc>,
    word_ids: FxHashMap<String, u32>,
    mut postings: Vec<Vec<u32>>,
    title_words: Vec<(u32, u32)>,
    order: TitleOrder<'_>,
) -> Collected {
    let mut by_title: Vec<u32> = (0..kept.len() as u32).collect();
    by_title.sort_by(|&a, &b| kept[a as usize].cmp(&kept[b as usize], order));
    let mut new_number = vec![0u32; kept.len()];
    for (n, &old) in by_title.iter().enumerate() {
        new_number[old as usize] = n as u32;
    }
    let renumber = |list: &mut Vec<u32>| {
        for d in list.iter_mut() {
            *d = new_number[*d as usize];
        }
        list.sort_unstable();
        list.dedup();
    };
    let mut titles: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let names: Vec<&String> = {
        let mut v: Vec<(&String, u32)> = word_ids.iter().map(|(w, &id)| (w, id)).collect();
        v.sort_unstable_by_key(|&(_, id)| id);
        v.into_iter().map(|(w, _)| w).collect()
    };
    for (id, d) in title_words {
        titles
            .entry(names[id as usize].clone())
            .or_default()
            .push(d);
    }
    titles.values_mut().for_each(renumber);
    let words: BTreeMap<String, Vec<u32>> = word_ids
        .iter()
        .map(|(w, &id)| {
            let mut list = std::mem::take(&mut postings[id as usize]);
            renumber(&mut list);
            (w.clone(), list)
        })
        .collect();
    let mut docs: Vec<Option<Doc>> = kept.into_iter().map(Some).collect();
    let docs = by_title
        .iter()
        .filter_map(|&old| docs[old as usize].take())
        .collect();
    Collected {
        docs,
        words,
        titles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::search::test_source;

    fn by_title(a: &str, b: &str) -> std::cmp::Ordering {
        a.cmp(b)
    }

    /// Documents sharing words, in bodies and titles.
    fn docs() -> Vec<Indexed> {
        [
            (
                "/de/a/",
                "Sprachcafé im Büro",
                "Deutsch lernen im Büro, Büro 2",
            ),
            ("/de/b/", "Beratung", "Beratung für Frauen; Büro"),
            ("/de/c/", "Anerkennung", "Zeugnisse anerkennen lassen"),
            ("/de/d/", "Büro", ""),
        ]
        .into_iter()
        .map(|(url, title, body)| Indexed::of(test_source(url, title, body)))
        .collect()
    }

    /// Pages rendered in parallel add their documents in any order: the
    /// index is the one `collect` makes of them in their numbers' order.
    #[test]
    fn documents_added_in_any_order_make_the_same_index() {
        let whole = collect(docs(), &by_title);
        assert_eq!(whole.words["buero"].len(), 3, "{whole:?}");
        for order in [[3, 1, 0, 2], [2, 3, 1, 0], [1, 0, 3, 2]] {
            let mut docs: Vec<Option<Indexed>> = docs().into_iter().map(Some).collect();
            let mut c = Collector::new(4);
            for i in order {
                c.add(i, docs[i].take().unwrap());
            }
            assert_eq!(c.finish(&by_title).ok().as_ref(), Some(&whole), "{order:?}");
        }
    }

    proptest::proptest! {
        /// The pieces are those of `split_whitespace`, whatever the text:
        /// every kind of white space, and letters of several scripts whose
        /// UTF-8 starts with the same bytes as some white space does.
        #[test]
        fn pieces_are_those_split_at_white_space(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{85}", "\u{a0}",
                    "\u{1680}", "\u{2000}", "\u{200a}", "\u{200b}", "\u{2028}",
                    "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}", "\u{feff}", "a",
                    "Büro", "©", "ß", "\u{1e00}", "\u{2010}", "\u{3001}", "كتاب", "є", "x1",
                ]),
                0..24,
            )
        ) {
            let text = parts.concat();
            let ours: Vec<&str> = pieces(&text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }

    /// A number never added is found (the caller adds it before
    /// finishing); one added twice keeps its first document.
    #[test]
    fn missing_and_repeated_numbers() {
        let mut c = Collector::new(4);
        for (i, d) in docs().into_iter().enumerate().filter(|(i, _)| *i != 2) {
            c.add(i, d);
        }
        assert_eq!(c.missing(4), [2]);
        assert_eq!(c.missing(6), [2, 4, 5]);
        let mut again = docs();
        // Number 0 again, with another document: the first one stays.
        c.add(0, again.remove(2));
        c.add(2, docs().remove(2));
        assert_eq!(c.missing(4), Vec::<usize>::new());
        let index = c.finish(&by_title).ok().unwrap();
        let urls: Vec<&str> = index.docs.iter().map(|d| d.url.as_str()).collect();
        assert_eq!(urls, ["/de/c/", "/de/b/", "/de/d/", "/de/a/"]);
        assert_eq!(index, collect(docs(), &by_title));
    }
}
