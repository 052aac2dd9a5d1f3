//! The files an item publishes, as its page shows them: documents with
//! kind, size and language, document links in the body, and the
//! sign-language video with its size and duration.

use std::collections::BTreeMap;

use fluent_bundle::FluentArgs;

use super::PageBuilder;
use crate::content::Item;
use crate::content::media::MediaFile;
use crate::render::markdown::LinkedFile;
use crate::render::views::{DocumentView, SignLanguageView};
use crate::routes;

impl PageBuilder<'_> {
    /// The documents of `item`'s front matter, for a reader of `lang`.
    pub(super) fn documents_view(&self, item: &Item, lang: &str) -> Vec<DocumentView> {
        let source = &self.site.config.default_language;
        item.media
            .documents
            .iter()
            .map(|d| {
                let language = d.language.as_deref();
                let site_lang = language.and_then(|l| self.site.config.language(l));
                DocumentView {
                    url: routes::media_file(item.kind, &item.slug, &d.file.name),
                    title: self.txt(lang, source, &d.title),
                    kind: d.file.extension().to_uppercase(),
                    size: self.file_size(lang, d.file.bytes),
                    hreflang: site_lang
                        .map(|l| l.tag_str())
                        .or(language.map(String::from)),
                    language_name: language.map(|code| match site_lang {
                        Some(l) => self.language_in(lang, l),
                        None => self
                            .messages
                            .format(lang, &format!("language-{code}"), None)
                            .unwrap_or_else(|| code.to_string()),
                    }),
                    file_name: d.file.name.clone(),
                }
            })
            .collect()
    }

    /// Where the documents the bodies link to are published, and the kind
    /// and size said after each link.
    pub(super) fn linked_files(&self, item: &Item, lang: &str) -> BTreeMap<String, LinkedFile> {
        item.media
            .linked
            .iter()
            .map(|(written, f)| {
                let file = LinkedFile {
                    url: routes::media_file(item.kind, &item.slug, &f.name),
                    label: format!(
                        " ({}, {})",
                        f.extension().to_uppercase(),
                        self.file_size(lang, f.bytes)
                    ),
                };
                (written.clone(), file)
            })
            .collect()
    }

    /// The sign-language video of `item`, if it has one.
    pub(super) fn sign_language_view(&self, item: &Item, lang: &str) -> Option<SignLanguageView> {
        let s = item.media.sign_language.as_ref()?;
        let url = |f: &MediaFile| routes::media_file(item.kind, &item.slug, &f.name);
        let seconds = s.info.seconds.round().max(1.0) as i64;
        let fmt = self.fmt(lang);
        let mut args = FluentArgs::new();
        args.set("minutes", fmt.integer(seconds / 60));
        args.set("seconds", fmt.integer(seconds % 60));
        let id = if seconds < 60 {
            "duration-seconds"
        } else {
            "duration-minutes-seconds"
        };
        Some(SignLanguageView {
            video_url: url(&s.video),
            poster_url: url(&s.poster),
            captions_url: s.captions.as_ref().map(url),
            file_name: s.video.name.clone(),
            size: self.file_size(lang, s.video.bytes),
            duration: self
                .messages
                .format(lang, id, Some(&args))
                .unwrap_or_else(|| format!("{seconds} s")),
            duration_iso: format!("PT{}M{}S", seconds / 60, seconds % 60),
            width: s.info.width,
            height: s.info.height,
        })
    }

    /// A file size in the reader's numbers and units: kilobytes below one
    /// megabyte (at least 1), else megabytes with one decimal ("1,2 MB").
    fn file_size(&self, lang: &str, bytes: u64) -> String {
        let fmt = self.fmt(lang);
        let mut args = FluentArgs::new();
        let id = if bytes < 1_000_000 {
            args.set("size", fmt.integer(bytes.div_ceil(1000).max(1) as i64));
            "file-size-kb"
        } else {
            args.set("size", fmt.tenths(((bytes + 50_000) / 100_000) as i64));
            "file-size-mb"
        };
        self.messages
            .format(lang, id, Some(&args))
            .unwrap_or_else(|| id.to_string())
    }
}
