//! A one-off full build written straight into a staging folder: every page
//! is written as soon as it is rendered, so the site never sits in memory
//! as a whole (the preview keeps its pages; `build` does not need them).

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::manifest::PageRecord;
use super::pipeline::Pipeline;
use super::secondary;
use super::{BuildReport, Progress, errors_only};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{Bytes, Staging};
use crate::render::pages::{PageBuilder, RenderedPage};
use crate::routes::Route;

/// What writing one page yields.
struct Emitted {
    /// Its size in bytes.
    size: usize,
    /// Its bytes, kept only for the default language's 404 page.
    default_404: Option<Bytes>,
    /// Its file and what the next build needs of it (digest, sitemap).
    record: (String, PageRecord),
}

/// What a full build leaves for the build manifest.
pub(super) struct Recorded {
    /// Every page's record by file.
    pub pages: BTreeMap<String, PageRecord>,
    /// The files of the secondary parts a rebuild may keep.
    pub parts: secondary::Parts,
    /// The title orders rendering worked out.
    pub title_orders: crate::render::pages::TitleOrders,
}

/// What writing all pages yields.
struct Written {
    /// Each language's search index, gathered and written with its pages.
    searched: BTreeMap<String, secondary::Searched>,
    /// The default language's 404 page, copied to /404.html.
    default_404: Option<Bytes>,
    /// Every page's file and record (digest, sitemap alternates: the
    /// sitemap is made from them).
    records: BTreeMap<String, PageRecord>,
    /// Pages written, the language chooser included.
    pages: usize,
    /// Their size in bytes.
    bytes: usize,
}

impl Pipeline {
    /// A whole build straight into `staging`: the pages (written as they are
    /// rendered), then every other file.
    pub fn build_into(
        &self,
        staging: &Staging,
        progress: &dyn Progress,
    ) -> Result<(BuildReport, Diagnostics), Diagnostics> {
        self.build_recorded(staging, progress)
            .map(|(r, w, _)| (r, w))
    }

    /// [`Pipeline::build_into`], also returning what the build manifest
    /// records: every page's record by file, and the secondary parts' files.
    pub(super) fn build_recorded(
        &self,
        staging: &Staging,
        progress: &dyn Progress,
    ) -> Result<(BuildReport, Diagnostics, Recorded), Diagnostics> {
        progress.phase_done();
        let (mut written, per_language, title_orders) = {
            let builder = self.builder().capturing_search();
            let jobs = builder.all_jobs();
            let mut per_language: BTreeMap<String, usize> = BTreeMap::new();
            for (lang, _) in &jobs {
                *per_language.entry(lang.clone()).or_insert(0) += 1;
            }
            let written = self.write_pages(&builder, &jobs, staging, progress)?;
            (written, per_language, builder.title_orders())
        };
        // The page builder is gone with every card it rendered: the other
        // files make their own (search documents need no cards).
        progress.phase_done();
        let new_builder = || self.builder();
        // Each part of the other files is written as soon as it is made.
        let rest = secondary::produce_into(
            &self.sources(secondary::BuilderFrom::Made(&new_builder)),
            staging,
            &written.records,
            written.default_404.take(),
            std::mem::take(&mut written.searched),
            progress,
        )?;
        progress.phase_done();
        self.site.bodies_unchanged()?;
        let warnings = self.warnings_with(Some(&rest.errors))?;
        let images_encoded = rest.images_encoded;
        let report = BuildReport {
            per_language,
            pages: written.pages + rest.pages,
            files: written.pages + rest.files,
            bytes: written.bytes + rest.bytes,
            warnings: Diagnostics::new(),
            images_encoded,
            kept_parts: Vec::new(),
        };
        let recorded = Recorded {
            pages: written.records,
            parts: rest.parts,
            title_orders,
        };
        Ok((report, warnings, recorded))
    }

    /// Renders, finishes and writes every page of `jobs` and the language
    /// chooser, in parallel.
    fn write_pages(
        &self,
        builder: &PageBuilder<'_>,
        jobs: &[(String, Route)],
        staging: &Staging,
        progress: &dyn Progress,
    ) -> Result<Written, Diagnostics> {
        progress.start(jobs.len() as u64 + 1);
        let files: Vec<String> = jobs
            .iter()
            .map(|(l, r)| crate::routes::file_for(&crate::routes::path(l, r)))
            .collect();
        staging.create_dirs_for(files.iter().map(String::as_str))?;
        let default_404 = secondary::default_404_file(&self.config);
        let emit = |p: RenderedPage, file: &str| self.emit(p, file, &default_404, staging);
        let mut results = Vec::with_capacity(jobs.len() + 1);
        let mut files = files.as_slice();
        let mut searched = BTreeMap::new();
        // The search index of the language whose pages were written last,
        // written while the next language's pages are rendered.
        let mut pending: Option<&str> = None;
        // Language by language (the jobs come so): a language's cards are
        // forgotten once its lists are written.
        for jobs in jobs.chunk_by(|a, b| a.0 == b.0) {
            let (these, rest) = files.split_at(jobs.len());
            files = rest;
            let (index, ()) = rayon::join(
                || pending.map_or(Ok(None), |lang| self.write_search(builder, lang, staging)),
                || {
                    results.par_extend(jobs.par_iter().zip(these.par_iter()).map(
                        |((lang, route), file)| {
                            let r = builder
                                .render_one(&self.templates, lang, route)
                                .and_then(|p| emit(p, file));
                            progress.page_done();
                            r
                        },
                    ))
                },
            );
            searched.extend(index.map_err(Diagnostics::from)?);
            pending = jobs.first().map(|(lang, _)| lang.as_str());
            if let Some(lang) = pending {
                builder.forget_cards(lang);
            }
        }
        // The last language's index is made beside the API files.
        if let Some(lang) = pending
            && let Some(c) = builder.take_search_index(lang)
        {
            searched.insert(lang.to_string(), secondary::Searched::Gathered(c));
        }
        progress.finish();
        let chooser = builder
            .render_chooser(&self.templates)
            .and_then(|p| emit(p, &crate::routes::file_for(crate::routes::CHOOSER)));
        let mut written = collect(results.into_iter().chain(std::iter::once(chooser)))?;
        written.searched = searched;
        Ok(written)
    }

    /// Writes the search index of `lang` that `builder` gathered while
    /// rendering its pages (none if it did not: the secondary files make it).
    fn write_search(
        &self,
        builder: &PageBuilder<'_>,
        lang: &str,
        staging: &Staging,
    ) -> Result<Option<(String, secondary::Searched)>, Diagnostic> {
        let (Some(l), Some(collector)) =
            (self.config.language(lang), builder.take_search_index(lang))
        else {
            return Ok(None);
        };
        // Every document is there (`take_search_index` completes them);
        // were one not, the secondary files would make the index.
        let written = secondary::write_gathered(
            staging,
            &self.config,
            self.search_memo.as_deref(),
            l,
            collector,
            &builder.title_order(lang),
        )?;
        Ok(written.map(|w| (lang.to_string(), secondary::Searched::Written(w))))
    }

    /// Finishes one page and writes it to `file`.
    fn emit(
        &self,
        p: RenderedPage,
        file: &str,
        default_404: &str,
        staging: &Staging,
    ) -> Result<Emitted, Diagnostic> {
        let bytes = self.finish_page(p.html);
        staging.write(file, &bytes)?;
        let record = PageRecord {
            digest: crate::output::offline::page_digest(file, &bytes),
            sitemap: p.sitemap.map(std::sync::Arc::from),
            path: p.path,
        };
        let default_404 = (file == default_404).then(|| bytes.as_slice().into());
        Ok(Emitted {
            size: bytes.len(),
            default_404,
            record: (file.to_string(), record),
        })
    }
}

/// Sums up the pages written; all their problems if any failed.
fn collect(
    results: impl Iterator<Item = Result<Emitted, Diagnostic>>,
) -> Result<Written, Diagnostics> {
    let mut ds = Diagnostics::new();
    let mut written = Written {
        searched: BTreeMap::new(),
        default_404: None,
        records: BTreeMap::new(),
        pages: 0,
        bytes: 0,
    };
    for r in results {
        match r {
            Ok(e) => {
                written.records.insert(e.record.0, e.record.1);
                written.bytes += e.size;
                written.pages += 1;
                if e.default_404.is_some() {
                    written.default_404 = e.default_404;
                }
            }
            Err(d) => ds.push(d),
        }
    }
    errors_only(ds)?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::{BuildOptions, NoProgress};

    /// A full build gathers each language's search index as it renders
    /// the pages (the bodies are not read and parsed again): its files are
    /// those made from every document apart, and the item pages did add
    /// their documents.
    #[test]
    fn the_search_index_gathered_with_the_pages_is_the_one_made_apart() {
        let dir = crate::test_support::example_copy();
        let opts = BuildOptions::new(dir.path());
        let p = Pipeline::load_once(&opts, None, None).unwrap();
        let builder = p.builder().capturing_search();
        let jobs: Vec<_> = builder
            .all_jobs()
            .into_iter()
            .filter(|(l, _)| l == "ar")
            .collect();
        let _ = builder.render_some(&p.templates, &jobs);
        let searched = builder.search_docs("ar").count();
        let gathered = builder.search_gathered("ar");
        // Every searched item has a page (the home page's text is the
        // only one that may be read apart).
        assert!(
            searched > 20 && gathered + 1 >= searched,
            "{gathered} of {searched}"
        );
        assert_eq!(builder.search_gathered("de"), 0);
        drop(builder);
        let out = opts.out_dir();
        let staging = Staging::new(&out).unwrap();
        p.build_into(&staging, &NoProgress).unwrap();
        let builder = p.builder();
        for l in &p.config.languages {
            let apart = crate::output::search::index_files(
                &l.key,
                builder.search_docs(&l.key),
                &builder.title_order(&l.key),
                p.config.search_shard_size,
            );
            assert!(apart.len() > 1, "{}: {} files", l.key, apart.len());
            for (path, bytes) in apart {
                let file = staging.path().join(crate::routes::file_for(&path));
                let written = std::fs::read(&file).unwrap();
                assert!(written == bytes, "{} differs", file.display());
            }
        }
    }

    /// A content file saved again after loading shed its body and before
    /// the build read it again: the build fails naming the file (the
    /// body it would publish is not the one loaded), and its staging
    /// folder goes; the output folder is untouched.
    #[test]
    fn a_file_changed_while_building_fails_the_build() {
        let dir = crate::test_support::example_copy();
        let opts = BuildOptions::new(dir.path());
        let p = Pipeline::load_once(&opts, None, None).unwrap();
        let rel = "content/offers/anerkennungsberatung.md";
        let path = dir.path().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        // Its body's last word changed (what follows the body as loaded
        // would not matter: the body published is the one loaded).
        let end = text.trim_end().rfind(' ').unwrap() + 1;
        std::fs::write(&path, format!("{}Anders.\n", &text[..end])).unwrap();
        let out = opts.out_dir();
        let staging = Staging::new(&out).unwrap();
        let Err(ds) = p.build_into(&staging, &NoProgress) else {
            panic!("the build went on with a changed file");
        };
        let changed: Vec<_> = ds
            .iter()
            .filter(|d| d.code() == "content-changed-while-building")
            .map(|d| d.file.as_ref().map(|f| f.path.clone()))
            .collect();
        assert_eq!(changed, [Some(rel.into())], "{}", ds.render());
        drop(staging);
        assert!(!out.exists(), "nothing published");
        // Loaded again, the site builds, its bodies read again.
        let p = Pipeline::load_once(&opts, None, None).unwrap();
        let staging = Staging::new(&out).unwrap();
        assert!(p.build_into(&staging, &NoProgress).is_ok());
    }
}
