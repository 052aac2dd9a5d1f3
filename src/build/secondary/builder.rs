//! Where the secondary files take their page builder from: one made for
//! them, or the one a rebuild rendered its pages with.

use super::Sources;
use crate::render::pages::PageBuilder;

/// The page builder [`Sources::builder`] gives: one made for the
/// secondary files, or the one a rebuild rendered its pages with (making
/// another takes some 20 ms at 10,000 offers).
pub(in crate::build) enum Builder<'a> {
    Made(Box<PageBuilder<'a>>),
    Given(&'a PageBuilder<'a>),
}

/// Where [`Sources`] take their page builder from.
#[derive(Clone, Copy)]
pub(in crate::build) enum BuilderFrom<'a> {
    /// A function that makes one.
    Made(&'a (dyn Fn() -> PageBuilder<'a> + Sync)),
    /// The caller's.
    Given(&'a PageBuilder<'a>),
}

impl<'a> std::ops::Deref for Builder<'a> {
    type Target = PageBuilder<'a>;

    fn deref(&self) -> &PageBuilder<'a> {
        match self {
            Builder::Made(b) => b,
            Builder::Given(b) => b,
        }
    }
}

impl<'a> Sources<'a> {
    /// The page builder for the search documents and offline lists.
    pub(super) fn builder(&self) -> Builder<'a> {
        match self.builder {
            BuilderFrom::Made(make) => Builder::Made(Box::new(make())),
            BuilderFrom::Given(b) => Builder::Given(b),
        }
    }
}
