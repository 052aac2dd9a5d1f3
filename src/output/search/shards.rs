//! The search index in small files, so that a reader's search loads only
//! what its words need (at 10,000 offers the whole German index is several
//! megabytes; one search loads a few dozen kilobytes of it).
//!
//! A language's index is:
//! - the manifest (`/search/de.json`, [`routes::search_index`]): which
//!   word file holds each letter pair, the word files' sizes, how many
//!   documents there are and how many each document file holds;
//! - word files (`g<n>.json`): every index word that contains one of the
//!   file's letter pairs (two characters in a row), grouped by the postings
//!   file that has its documents: `{"3": ["deutsch", "deutschkurs"]}`;
//! - postings files (`p<n>.json`): the words in sorted runs, each with the
//!   numbers of its documents (`w`) and of those whose title has it (`t`),
//!   as differences to the previous number;
//! - document files (`d<n>.json`): what a result shows, `dn` documents a
//!   file, numbered in title order.
//!
//! Why letter pairs: the script matches a query word anywhere inside an
//! index word, and, from five letters on, with one letter wrong, missing or
//! extra. Every index word that contains the query word contains each of its
//! letter pairs; and one wrong, missing or extra letter breaks at most one of
//! two pairs that do not overlap. So the script loads the word files of one
//! pair of a short query word, of two non-overlapping pairs of a longer one
//! (the smallest files it can choose), or, for a query word of one letter
//! (matched only at a word's start), of every pair that starts with it; it
//! finds there every word the whole index would have matched.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{Collected, Doc};
use crate::routes;

#[derive(Serialize)]
struct Manifest<'a> {
    /// Format version.
    v: u32,
    lang: &'a str,
    /// Number of documents, and documents per document file.
    n: usize,
    dn: usize,
    /// Letter pair → its word file.
    g: BTreeMap<String, usize>,
    /// Size of each word file in bytes (the script loads the smallest it can).
    gs: Vec<usize>,
}

#[derive(Serialize)]
struct Postings<'a> {
    w: BTreeMap<&'a str, Vec<u32>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    t: BTreeMap<&'a str, Vec<u32>>,
}

/// Differences to the previous number (the first from 0): small numbers
/// that compress well.
fn deltas(list: &[u32]) -> Vec<u32> {
    let mut prev = 0;
    list.iter()
        .map(|&d| {
            let delta = d - prev;
            prev = d;
            delta
        })
        .collect()
}

/// The distinct letter pairs of a word.
fn pairs(word: &str) -> BTreeSet<String> {
    let cs: Vec<char> = word.chars().collect();
    cs.windows(2).map(|p| p.iter().collect()).collect()
}

/// Cuts `items` (in order, each with its size) into runs of about `target`
/// bytes: the number of the run of each item.
fn runs(sizes: impl IntoIterator<Item = usize>, target: usize) -> Vec<usize> {
    let mut run = 0;
    let mut filled = 0;
    sizes
        .into_iter()
        .map(|size| {
            if filled > 0 && filled + size > target {
                run += 1;
                filled = 0;
            }
            filled += size;
            run
        })
        .collect()
}

fn json(value: &impl Serialize) -> Vec<u8> {
    // Serialising strings, numbers and maps with string keys cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

/// The files of one language's index (paths as [`routes`] names them,
/// with bytes), each about `target` bytes where a single word or letter
/// pair does not make it larger.
pub(super) fn files(lang: &str, index: &Collected, target: usize) -> Vec<(String, Vec<u8>)> {
    let Collected {
        docs,
        words,
        titles,
    } = index;
    let mut out = Vec::new();
    // Postings: the sorted words in runs.
    let entry_size = |w: &str, list: &[u32]| w.len() + 4 + list.len() * 3;
    let posting_of: Vec<usize> = runs(words.iter().map(|(w, l)| entry_size(w, l)), target);
    let mut files: Vec<Postings> = Vec::new();
    for ((w, list), &n) in words.iter().zip(&posting_of) {
        if files.len() <= n {
            files.push(Postings {
                w: BTreeMap::new(),
                t: BTreeMap::new(),
            });
        }
        files[n].w.insert(w, deltas(list));
        if let Some(t) = titles.get(w) {
            files[n].t.insert(w, deltas(t));
        }
    }
    for (n, f) in files.iter().enumerate() {
        out.push((routes::search_shard(lang, 'p', n), json(f)));
    }
    drop(files);
    // Words by letter pair: the pairs in runs, each run one file.
    let mut by_pair: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, w) in words.keys().enumerate() {
        for p in pairs(w) {
            by_pair.entry(p).or_default().push(i);
        }
    }
    let word_list: Vec<&String> = words.keys().collect();
    let pair_size = |ws: &[usize]| ws.iter().map(|&i| word_list[i].len() + 3).sum::<usize>();
    let pair_file = runs(by_pair.values().map(|ws| pair_size(ws)), target);
    let mut manifest = Manifest {
        v: 2,
        lang,
        n: docs.len(),
        dn: docs_per_file(docs, target),
        g: BTreeMap::new(),
        gs: Vec::new(),
    };
    let mut grouped: Vec<BTreeMap<usize, BTreeSet<&str>>> = Vec::new();
    for ((p, ws), &n) in by_pair.iter().zip(&pair_file) {
        if grouped.len() <= n {
            grouped.push(BTreeMap::new());
        }
        for &i in ws {
            grouped[n]
                .entry(posting_of[i])
                .or_default()
                .insert(word_list[i].as_str());
        }
        manifest.g.insert(p.clone(), n);
    }
    for (n, g) in grouped.iter().enumerate() {
        let bytes = json(g);
        manifest.gs.push(bytes.len());
        out.push((routes::search_shard(lang, 'g', n), bytes));
    }
    for (n, chunk) in docs.chunks(manifest.dn).enumerate() {
        out.push((routes::search_shard(lang, 'd', n), doc_file(chunk)));
    }
    out.push((routes::search_index(lang), json(&manifest)));
    out
}

/// A document file: the documents' JSON in an array.
fn doc_file(docs: &[Doc]) -> Vec<u8> {
    let mut out = Vec::with_capacity(docs.iter().map(|d| d.json.len() + 1).sum::<usize>() + 2);
    out.push(b'[');
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(d.json.as_bytes());
    }
    out.push(b']');
    out
}

/// Documents per document file: about an eighth of `target` bytes (a page
/// of results comes from many files, each should be small).
fn docs_per_file(docs: &[Doc], target: usize) -> usize {
    let sample = docs.len().min(200);
    let bytes: usize = docs[..sample].iter().map(|d| d.json.len()).sum();
    let average = bytes.checked_div(sample).unwrap_or(1).max(1);
    (target / 8 / average).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cut_at_the_target() {
        assert_eq!(runs([4, 4, 4, 10, 1], 8), vec![0, 0, 1, 2, 3]);
        assert_eq!(runs([20, 1], 8), vec![0, 1]);
    }

    #[test]
    fn pairs_are_characters_not_bytes() {
        let p: Vec<String> = pairs("büro").into_iter().collect();
        assert_eq!(p, vec!["bü", "ro", "ür"]);
        assert!(pairs("x").is_empty());
    }

    #[test]
    fn deltas_start_from_zero() {
        assert_eq!(deltas(&[3, 5, 9]), vec![3, 2, 4]);
    }
}
