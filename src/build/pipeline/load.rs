//! Loading a pipeline: config, interface text, content, formatters and
//! templates (the formatters and templates made while the content loads),
//! then the images measured.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::Pipeline;
use crate::build::{BuildOptions, errors_only};
use crate::config::SiteConfig;
use crate::content::known::Known;
use crate::content::load::{ContentCache, Digests, LoadOptions, load_site, load_site_cached};
use crate::diagnostics::Diagnostics;
use crate::i18n::{Messages, formatters};
use crate::render::pages::TitleOrders;
use crate::render::templates::Templates;

impl Pipeline {
    /// Loads config, interface text, content, formatters and templates,
    /// for a preview: the output files will be held packed.
    pub fn load(opts: &BuildOptions) -> Result<Pipeline, Diagnostics> {
        Self::load_keeping(opts, true, true, None, None)
    }

    /// [`Pipeline::load`], holding the output files as they are (for
    /// `check`, which reads every page once).
    pub(in crate::build) fn load_plain(opts: &BuildOptions) -> Result<Pipeline, Diagnostics> {
        Self::load_keeping(opts, true, false, None, None)
    }

    /// [`Pipeline::load`] for a one-off build, which reloads nothing: no
    /// parsed files are kept, each item's are dropped as soon as it is
    /// assembled, and it keeps only their front matter, its bodies read
    /// again when needed (see [`crate::content::load::load_site`] and
    /// [`crate::content::shed`]). The digest of
    /// each content file as read goes to `digests`, if given; the files
    /// `known` from an earlier build are not read ([`crate::content::known`]).
    pub(in crate::build) fn load_once(
        opts: &BuildOptions,
        digests: Option<&Digests>,
        known: Option<&Known>,
    ) -> Result<Pipeline, Diagnostics> {
        Self::load_keeping(opts, false, false, digests, known)
    }

    /// [`Pipeline::load`], keeping the parsed content files if
    /// `keep_cache`, packing the output files if `pack`; the digest of each
    /// content file as read goes to `digests`, if given. (Some 85 lines:
    /// the one order of the loading steps and the pipeline's fields, each
    /// step a call.)
    pub(in crate::build) fn load_keeping(
        opts: &BuildOptions,
        keep_cache: bool,
        pack: bool,
        digests: Option<&Digests>,
        known: Option<&Known>,
    ) -> Result<Pipeline, Diagnostics> {
        let root = &opts.root;
        // Language keys may not be names the URL scheme uses beside them.
        let mut config =
            SiteConfig::load_reserving(root, &crate::routes::reserved_language_keys())?;
        if let Some(b) = &opts.base_url {
            config.base_url = b.trim_end_matches('/').to_string();
        }
        let mut ds = Diagnostics::new();
        let (messages, mds) = Messages::load(root, &config);
        ds.extend(mds);
        let messages = Arc::new(messages);
        let mut cache = ContentCache::default();
        let labels = messages.term_labels(&config);
        let load = LoadOptions {
            labels: &labels,
            digests,
            // All but `check` (which keeps parse results, unpacked).
            shed: !keep_cache || pack,
            known,
            ..opts.load_options()
        };
        // The formatters and templates are made while the content loads
        // (their diagnostics follow the content's, as before).
        let ((site, cds), (formatters, fds, templates)) = rayon::join(
            || {
                if keep_cache {
                    load_site_cached(root, &config, load, &mut cache)
                } else {
                    load_site(root, &config, load)
                }
            },
            || {
                let mut fds = Diagnostics::new();
                let formatters = formatters(&config, &mut fds);
                let templates = Templates::load(root, &config.theme, messages.clone(), opts.minify);
                (formatters, fds, templates)
            },
        );
        ds.extend(cds);
        ds.extend(fds);
        let templates = match templates {
            Ok(t) => Some(t),
            Err(e) => {
                ds.extend(e);
                None
            }
        };
        let (Some(site), Some(templates)) = (site, templates) else {
            ds.sort();
            return Err(ds);
        };
        let (images, ids) = crate::media::measure(root, &site);
        ds.extend(ids);
        let warnings = errors_only(ds)?;
        let now = opts
            .now
            .unwrap_or_else(jiff::Timestamp::now)
            .to_zoned(config.time_zone.clone())
            .datetime();
        Ok(Pipeline {
            opts: opts.clone(),
            config,
            messages,
            formatters,
            templates,
            site,
            now,
            pages: BTreeMap::new(),
            warnings,
            cache,
            secondary: None,
            stale: super::secondary::Stale::default(),
            images,
            title_orders: TitleOrders::new(),
            routes: Vec::new(),
            pack,
            dictionary: std::sync::OnceLock::new(),
            search_memo: None,
        })
    }
}
