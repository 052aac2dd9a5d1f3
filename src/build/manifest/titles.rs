//! The title orders of a site as the build manifest keeps them: a rebuild
//! after a title edit moves the changed items within the previous build's
//! orders instead of sorting every title of every language again (some
//! 30–40 ms a language at 10,000 offers; render/pages/title_order.rs).

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::content::{ItemKey, Site};
use crate::render::pages::{TitleOrder, TitleOrders};

/// Every item's key once, and each language's order as positions in it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(in crate::build) struct Titles {
    keys: Vec<ItemKey>,
    orders: BTreeMap<String, Vec<u32>>,
}

impl Titles {
    /// The orders worked out for `site` (a language whose order was not
    /// worked out, or does not hold exactly the site's items, is left out).
    pub fn of(site: &Site, orders: &TitleOrders) -> Titles {
        let keys: Vec<ItemKey> = site.items.keys().cloned().collect();
        let number: FxHashMap<&ItemKey, u32> = keys
            .iter()
            .enumerate()
            .map(|(n, k)| (k, u32::try_from(n).unwrap_or(u32::MAX)))
            .collect();
        let orders = orders
            .iter()
            .filter(|(_, o)| o.keys().len() == keys.len())
            .filter_map(|(lang, o)| {
                let numbers: Option<Vec<u32>> =
                    o.keys().iter().map(|k| number.get(k).copied()).collect();
                Some((lang.clone(), numbers?))
            })
            .collect();
        Titles { keys, orders }
    }

    /// The orders as they were recorded (of the site the manifest was
    /// made for: a rebuild brings them up to date with
    /// `PageBuilder::with_title_orders`). A position out of range leaves
    /// its language out.
    pub fn orders(&self) -> TitleOrders {
        self.orders
            .iter()
            .filter_map(|(lang, numbers)| {
                let keys: Option<Vec<ItemKey>> = numbers
                    .iter()
                    .map(|&n| self.keys.get(n as usize).cloned())
                    .collect();
                Some((lang.clone(), Arc::new(TitleOrder::new(keys?))))
            })
            .collect()
    }
}
