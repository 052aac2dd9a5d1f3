//! How the build manifest is written and read beyond serde's defaults: its
//! large maps read from their sorted pairs in one pass, and each list of
//! sitemap alternates written once.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::build::secondary::Parts;

/// A map as written (postcard writes a map as its pairs, in order), built
/// from its sorted pairs in one pass: serde's own inserts them one by one,
/// which compared long common path prefixes 120,000 times over.
pub(super) fn sorted_map<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: Deserialize<'de> + Ord,
    V: Deserialize<'de>,
{
    let pairs: Vec<(K, V)> = Deserialize::deserialize(d)?;
    Ok(pairs.into_iter().collect())
}

/// [`sorted_map`] of sorted maps.
pub(super) fn sorted_parts<'de, D>(d: D) -> Result<Parts, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let pairs: Vec<(String, Vec<(String, u64)>)> = Deserialize::deserialize(d)?;
    Ok(pairs
        .into_iter()
        .map(|(k, files)| (k, files.into_iter().collect()))
        .collect())
}

/// The pages' records written with each list of sitemap alternates once
/// (every language version of a page has the same): at 10,000 offers
/// 220,000 alternates instead of 880,000, and a manifest some 12 MB smaller
/// to read. Read back, the pages share them.
pub(super) mod shared_alternates {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use rustc_hash::FxHashMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::super::PageRecord;
    use crate::render::views::Alternate;

    /// One page: its file, path, digest and list of alternates (an index).
    type Row<S> = (S, S, u64, Option<u32>);

    pub fn serialize<S: Serializer>(
        pages: &BTreeMap<String, PageRecord>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        // Each list looked up by its contents once per shared copy (the
        // language versions of a page share one): at 10,000 offers, hashing
        // every page's alternates took 35 ms.
        let mut index: FxHashMap<&[Alternate], u32> = FxHashMap::default();
        let mut by_copy: FxHashMap<(*const Alternate, usize), u32> = FxHashMap::default();
        let mut lists: Vec<&[Alternate]> = Vec::new();
        let rows: Vec<Row<&str>> = pages
            .iter()
            .map(|(file, r)| {
                let list = r.sitemap.as_deref().map(|alts| {
                    *by_copy
                        .entry((alts.as_ptr(), alts.len()))
                        .or_insert_with(|| {
                            *index.entry(alts).or_insert_with(|| {
                                lists.push(alts);
                                u32::try_from(lists.len() - 1).unwrap_or(u32::MAX)
                            })
                        })
                });
                (file.as_str(), r.path.as_str(), r.digest, list)
            })
            .collect();
        (lists, rows).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, PageRecord>, D::Error> {
        let (lists, rows): (Vec<Vec<Alternate>>, Vec<Row<String>>) = Deserialize::deserialize(d)?;
        let lists: Vec<Arc<[Alternate]>> = lists.into_iter().map(Arc::from).collect();
        rows.into_iter()
            .map(|(file, path, digest, list)| {
                let sitemap = match list {
                    Some(i) => Some(lists.get(i as usize).cloned().ok_or_else(|| {
                        serde::de::Error::custom("sitemap alternates out of range")
                    })?),
                    None => None,
                };
                Ok((
                    file,
                    PageRecord {
                        path,
                        digest,
                        sitemap,
                    },
                ))
            })
            .collect()
    }
}
