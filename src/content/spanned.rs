//! A front-matter value with where it is written: read from a file, TOML's
//! own `Spanned`; kept in the build manifest (super::known), its span and
//! value in binary form, so that a rebuild does not parse the TOML of the
//! files that did not change again (at 10,000 offers, 0.15 s of CPU).
//!
//! Like TOML's, two values are equal (and ordered, and hashed) by their
//! value alone, whatever their spans.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use serde::de::Error as _;
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use toml::value::Datetime;

/// A value and its span (byte offsets in the front matter).
#[derive(Debug, Clone)]
pub struct Spanned<T> {
    span: Range<usize>,
    value: T,
}

impl<T> Spanned<T> {
    pub fn new(span: Range<usize>, value: T) -> Spanned<T> {
        Spanned { span, value }
    }

    /// Where the value is written.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    pub fn get_mut(&mut self) -> &mut T {
        &mut self.value
    }

    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Spanned<T> {}

impl<T: Hash> Hash for Spanned<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<T: PartialOrd> PartialOrd for Spanned<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        self.value.partial_cmp(&other.value)
    }
}

impl<T: Ord> Ord for Spanned<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl std::borrow::Borrow<str> for Spanned<String> {
    fn borrow(&self) -> &str {
        &self.value
    }
}

/// How a spanned value is kept in binary form: as serde writes it, but a
/// date as its TOML text (TOML's `Datetime` reads back from TOML alone).
pub trait Kept: Sized {
    fn keep<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
    fn recall<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

impl Kept for Datetime {
    fn keep<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }

    fn recall<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(D::Error::custom)
    }
}

/// [`Kept`] as serde writes and reads the type.
macro_rules! kept_as_serde {
    ($($t:ty),*) => {$(
        impl Kept for $t {
            fn keep<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.serialize(s)
            }
            fn recall<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$t>::deserialize(d)
            }
        }
    )*};
}

kept_as_serde!(
    String,
    i64,
    Vec<f64>,
    Vec<Spanned<String>>,
    Vec<super::parse::RawSession>,
    Vec<super::parse::RawClosure>,
    super::parse::RawSignLanguage
);

/// A value written by [`Kept::keep`].
struct Keep<'a, T>(&'a T);

impl<T: Kept> Serialize for Keep<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.keep(s)
    }
}

/// A value read by [`Kept::recall`].
struct Recall<T>(T);

impl<'de, T: Kept> Deserialize<'de> for Recall<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::recall(d).map(Recall)
    }
}

/// Written in binary form only (the build manifest): span and value.
impl<T: Kept> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(3)?;
        t.serialize_element(&self.span.start)?;
        t.serialize_element(&self.span.end)?;
        t.serialize_element(&Keep(&self.value))?;
        t.end()
    }
}

/// Read from TOML (a human-readable form) as TOML's `Spanned`, from the
/// binary form as written above.
impl<'de, T: Kept + Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            let s = toml::Spanned::<T>::deserialize(d)?;
            return Ok(Spanned::new(s.span(), s.into_inner()));
        }
        let (start, end, Recall(value)) = <(usize, usize, Recall<T>)>::deserialize(d)?;
        Ok(Spanned::new(start..end, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, Serialize)]
    struct Front {
        title: Spanned<String>,
        start: Option<Spanned<Datetime>>,
        except: Vec<Spanned<Datetime>>,
        topics: Option<Vec<Spanned<String>>>,
    }

    #[test]
    fn spans_read_from_toml_and_back_from_binary_form() {
        let text = "title = \"Café\"\nstart = 2026-12-01T10:00:00\nexcept = [2026-12-24]\ntopics = [\"a\", \"b\"]\n";
        let front: Front = toml::from_str(text).unwrap();
        assert_eq!(&text[front.title.span()], "\"Café\"");
        let bytes = postcard::to_allocvec(&front).unwrap();
        let back: Front = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.title.get_ref(), "Café");
        assert_eq!(back.title.span(), front.title.span());
        let (a, b) = (front.start.unwrap(), back.start.unwrap());
        assert_eq!((a.span(), a.get_ref()), (b.span(), b.get_ref()));
        assert_eq!(back.except[0].get_ref().to_string(), "2026-12-24");
        assert_eq!(back.except[0].span(), front.except[0].span());
        let topics = back.topics.unwrap();
        assert_eq!(topics[1].get_ref(), "b");
        assert_eq!(&text[topics[1].span()], "\"b\"");
    }

    #[test]
    fn equal_by_value_alone() {
        assert_eq!(Spanned::new(0..1, 5), Spanned::new(7..9, 5));
        assert!(Spanned::new(9..10, 1) < Spanned::new(0..1, 2));
    }
}
