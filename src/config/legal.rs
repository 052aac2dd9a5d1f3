//! `[legal]` in site.toml: the pages every footer links, and the address
//! for feedback (a `mailto:` link, so only a plain e-mail address).

use serde::Deserialize;

use super::{key_span, valid_key};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// Footer links every page must carry.
#[derive(Debug, Clone)]
pub struct Legal {
    /// Slug of the imprint page (`content/pages/<slug>.md`).
    pub imprint: String,
    pub privacy: String,
    pub accessibility: String,
    /// E-mail address for feedback on the site and its accessibility (the
    /// footer links to it with `mailto:`; checked by [`is_email_address`]).
    pub feedback: String,
}

/// `[legal]` as written, with the position of the feedback address.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLegal {
    imprint: String,
    privacy: String,
    accessibility: String,
    feedback: toml::Spanned<String>,
}

/// Whether `s` is a plain e-mail address, `name@example.org`, safe to link
/// to with `mailto:` (no scheme, query, spaces or quotes): a local part of
/// letters, digits and `.`, `_`, `+`, `-`, and a domain of at least two
/// labels of letters, digits and `-`.
pub fn is_email_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// `[legal]`: page slugs, and an e-mail address for feedback.
pub(super) fn validate_legal(raw: RawLegal, file: &SourceFile, ds: &mut Diagnostics) -> Legal {
    for (name, slug) in [
        ("imprint", &raw.imprint),
        ("privacy", &raw.privacy),
        ("accessibility", &raw.accessibility),
    ] {
        if !valid_key(slug) {
            ds.push(
                Diagnostic::error("legal-not-a-slug")
                    .arg("name", name)
                    .arg("slug", slug.as_str())
                    .at(file, key_span(file, name)),
            );
        }
    }
    let feedback = raw.feedback.get_ref();
    if !is_email_address(feedback) {
        ds.push(
            Diagnostic::error("legal-feedback-not-email")
                .arg("address", feedback.as_str())
                .at(file, raw.feedback.span()),
        );
    }
    Legal {
        imprint: raw.imprint,
        privacy: raw.privacy,
        accessibility: raw.accessibility,
        feedback: feedback.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_must_be_a_plain_e_mail_address() {
        for good in [
            "a@example.org",
            "integration.buero+web@kreis-mz.de",
            "büro@köln.de",
        ] {
            assert!(is_email_address(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "javascript:alert(1)//@x.de",
            "mailto:a@example.org",
            "https://example.org/feedback",
            "a@example",
            "a @example.org",
            "a@example.org?subject=x",
            "\"a\"@example.org",
            "@example.org",
            "a@-x.org",
            "a@x..org",
        ] {
            assert!(!is_email_address(bad), "{bad}");
        }
        let text =
            super::super::tests::MINIMAL.replace("\"a@example.org\"", "\"javascript:alert(1)\"");
        let err = super::super::SiteConfig::parse(SourceFile::new("site.toml", text)).unwrap_err();
        let d = err.iter().next().unwrap();
        assert_eq!(
            d.message(),
            "legal.feedback `javascript:alert(1)` is not an e-mail address"
        );
        assert_eq!(d.line_col(), Some((9, 12)));
    }
}
