//! A card as list pages get it: rendered once per language and item
//! (render/pages/cards.rs), or its view for an older theme.

use serde::Serialize;

use super::Card;

/// An item's card rendered from `partials/card.html` once per language, for
/// every list showing it (render/pages/cards.rs); templates see its HTML.
#[derive(Debug, Clone)]
pub struct CardHtml {
    pub html: std::sync::Arc<str>,
    /// The title (for the list's description) and whether it has an "open now" badge.
    pub title: std::sync::Arc<str>,
    pub hours: bool,
}

impl Serialize for CardHtml {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.html)
    }
}

/// A card on a list page: rendered, or its view for a theme whose
/// `list.html` includes `partials/card.html` itself (`Templates::list_includes_card`).
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum ListCard {
    Html(CardHtml),
    View(Box<Card>),
}
