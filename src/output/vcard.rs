//! vCard 3.0 (RFC 2426) contact cards for "save contact" links.
//!
//! Version 3.0 because the contact importers of many phones in use (older
//! Android) read 3.0 but not 4.0; the only maintained Rust vCard writer
//! (`vcard4`) writes 4.0 only. The format is a handful of escaped, folded
//! content lines, written here and checked in tests with an independent
//! parser (Python's `vobject`).

/// What a contact card holds.
pub struct VCardData<'a> {
    /// Full name (FN; for an organisation its name).
    pub name: &'a str,
    pub is_organization: bool,
    pub role: Option<&'a str>,
    pub organization: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
    pub website: Option<&'a str>,
    /// One-line address "Street 1, 55218 Town".
    pub address: Option<&'a str>,
    /// Page of the contact on the site.
    pub url: &'a str,
    /// Stable identifier (`slug@host`).
    pub uid: &'a str,
    /// Last change, as `YYYY-MM-DDTHH:MM:SSZ`.
    pub rev: Option<String>,
}

/// The one way a text value enters a card (RFC 6350 §3.4, RFC 2426 §5):
/// backslash, comma, semicolon and line breaks escaped; control characters
/// removed (crate::text). A CR, alone or before LF, is one line break.
fn esc(s: &str) -> String {
    let s = crate::text::strip_controls(s);
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            c => out.push(c),
        }
    }
    out
}

fn adr(address: &str) -> String {
    let (street, code, town) = crate::content::address::split(address);
    // ADR: post office box; extended; street; locality; region; postal code; country
    format!(";;{};{};;{};", esc(street), esc(town), esc(code))
}

pub fn vcard(c: &VCardData) -> String {
    let mut lines = vec!["BEGIN:VCARD".to_string(), "VERSION:3.0".to_string()];
    lines.push(format!("FN:{}", esc(c.name)));
    if c.is_organization {
        lines.push(format!("N:{};;;;", esc(c.name)));
        lines.push(format!("ORG:{}", esc(c.name)));
        lines.push("X-ABShowAs:COMPANY".to_string());
    } else {
        // Family name last word, given names before it: good enough for display.
        let (given, family) = c.name.rsplit_once(' ').unwrap_or(("", c.name));
        lines.push(format!("N:{};{};;;", esc(family), esc(given)));
        if let Some(o) = c.organization {
            lines.push(format!("ORG:{}", esc(o)));
        }
    }
    if let Some(r) = c.role {
        lines.push(format!("TITLE:{}", esc(r)));
    }
    if let Some(p) = c.phone {
        let digits: String = p
            .chars()
            .filter(|x| x.is_ascii_digit() || *x == '+')
            .collect();
        lines.push(format!("TEL;TYPE=WORK,VOICE:{digits}"));
    }
    if let Some(e) = c.email {
        lines.push(format!("EMAIL;TYPE=INTERNET,WORK:{}", esc(e)));
    }
    if let Some(a) = c.address {
        lines.push(format!("ADR;TYPE=WORK:{}", adr(a)));
        lines.push(format!("LABEL;TYPE=WORK:{}", esc(a)));
    }
    if let Some(w) = c.website {
        lines.push(format!("URL:{}", crate::text::uri(w)));
    } else {
        lines.push(format!("URL:{}", crate::text::uri(c.url)));
    }
    lines.push(format!("UID:{}", esc(c.uid)));
    if let Some(r) = &c.rev {
        lines.push(format!("REV:{r}"));
    }
    lines.push("END:VCARD".to_string());
    let mut out = String::new();
    for l in &lines {
        super::content_lines::fold_into(l, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_folds_and_splits_the_address() {
        let c = VCardData {
            name: "Linda Blessing",
            is_organization: false,
            role: Some("Integrationsbüro; Koordination, Ehrenamt"),
            organization: Some("Kreisverwaltung Mainz-Bingen"),
            phone: Some("+49 6132 0000-101"),
            email: Some("linda.blessing@example.org"),
            website: None,
            address: Some("Georg-Rückert-Straße 11, 55218 Ingelheim am Rhein"),
            url: "https://x.example.org/de/contacts/linda-blessing/",
            uid: "linda-blessing@x.example.org",
            rev: None,
        };
        let v = vcard(&c);
        assert!(
            v.starts_with(
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Linda Blessing\r\nN:Blessing;Linda;;;\r\n"
            ),
            "{v}"
        );
        assert!(
            v.contains("TITLE:Integrationsbüro\\; Koordination\\, Ehrenamt\r\n"),
            "{v}"
        );
        assert!(v.contains("TEL;TYPE=WORK,VOICE:+4961320000101\r\n"));
        assert!(
            v.contains("ADR;TYPE=WORK:;;Georg-Rückert-Straße 11;Ingelheim am Rhein;;55218;\r\n"),
            "{v}"
        );
        for line in v.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
    }

    #[test]
    fn hostile_text_stays_inside_its_property() {
        let name = "Evil\r\nEND:VCARD\rBEGIN:VCARD\nFN:Other\u{7}\u{1b}\u{85} Person";
        let role = format!("{}\u{b}; x, y \\", "Grüße 中文 😀 ".repeat(8));
        let c = VCardData {
            name,
            is_organization: false,
            role: Some(&role),
            organization: None,
            phone: None,
            email: Some("a@example.org\nEND:VCARD"),
            website: Some("https://a.example/\r\nEND:VCARD\u{7}"),
            address: None,
            url: "https://x.example.org/de/contacts/x/",
            uid: "x@x.example.org",
            rev: None,
        };
        let v = vcard(&c);
        let lines: Vec<&str> = v.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("BEGIN:")).count(),
            1,
            "{v}"
        );
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("END:")).count(),
            1,
            "{v}"
        );
        assert!(!v.chars().any(crate::text::is_removed), "{v:?}");
        for l in &lines {
            assert!(l.len() <= 75 && !l.contains(['\r', '\n']), "{l:?}");
        }
        let unfolded = v.replace("\r\n ", "");
        assert!(
            unfolded.contains("FN:Evil\\nEND:VCARD\\nBEGIN:VCARD\\nFN:Other Person\r\n"),
            "{unfolded}"
        );
        assert!(
            unfolded.contains("URL:https://a.example/END:VCARD\r\n"),
            "{unfolded}"
        );
        assert!(unfolded.contains("\\; x\\, y \\\\\r\n"), "{unfolded}");
    }
}
