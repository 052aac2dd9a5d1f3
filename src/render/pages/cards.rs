//! Cards rendered once: an item's card (`partials/card.html`) is the same on
//! every list that shows it (its view depends only on the item, the language
//! and the build's "now": see `PageBuilder::card_digest`), so each is rendered
//! the first time a list page needs it and its HTML is kept (a few hundred
//! bytes, not the view) for the other lists. `list.html` writes the HTML
//! (`{{ card | safe }}`); `card.html` sees `card` and the language's values
//! (`lang_key`, `lang`, `urls`, `feedback_email`), not the list.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::PageBuilder;
use crate::content::{Item, Kind};
use crate::diagnostics::Diagnostic;
use crate::render::templates::Templates;
use crate::render::views::CardHtml;

/// The card partial.
const CARD: &str = "partials/card.html";

/// Per language: the cards rendered so far, by item.
type Rendered<'a> = HashMap<(Kind, &'a str), CardHtml>;

/// The rendered cards of one page builder (and so of its one set of templates).
pub(super) struct Cards<'a> {
    by_lang: BTreeMap<String, Mutex<Rendered<'a>>>,
}

impl<'a> Cards<'a> {
    /// An empty store for the languages `langs`.
    pub(super) fn new(langs: &[String]) -> Cards<'a> {
        Cards {
            by_lang: langs
                .iter()
                .map(|l| (l.clone(), Mutex::new(HashMap::new())))
                .collect(),
        }
    }

    fn locked(&self, lang: &str) -> Option<MutexGuard<'_, Rendered<'a>>> {
        // A panic while holding the lock leaves the map whole (only inserts).
        self.by_lang
            .get(lang)
            .map(|m| m.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl<'a> PageBuilder<'a> {
    /// Forgets the cards rendered in `lang` (a full build has written the
    /// language's lists: at 10,000 offers a language's cards are some
    /// 15 MB). A card asked for again is rendered again, the same.
    pub fn forget_cards(&self, lang: &str) {
        if let Some(mut cards) = self.cards.locked(lang) {
            *cards = HashMap::new();
        }
    }

    /// The card of `item` in `lang`, rendered on first use.
    pub(super) fn card_html(
        &self,
        templates: &Templates,
        lang: &str,
        item: &'a Item,
    ) -> Result<CardHtml, Diagnostic> {
        let key = (item.kind, item.slug.as_str());
        if let Some(c) = self.cards.locked(lang).and_then(|m| m.get(&key).cloned()) {
            return Ok(c);
        }
        let card = self.card(lang, item);
        let mut ctx = tera::Context::new();
        self.shared.insert_values(&mut ctx, lang)?;
        ctx.insert("card", &card);
        let rendered = CardHtml {
            html: templates.render(CARD, &ctx)?.into(),
            title: card.title.text.into(),
            hours: card.facts.is_some_and(|f| f.hours.is_some()),
        };
        // Two threads may render the same card at once: equal results.
        if let Some(mut m) = self.cards.locked(lang) {
            m.insert(key, rendered.clone());
        }
        Ok(rendered)
    }
}
