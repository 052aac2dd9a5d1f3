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

/// Escapes a text value: backslash, comma, semicolon and newlines.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
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
        lines.push(format!("URL:{w}"));
    } else {
        lines.push(format!("URL:{}", c.url));
    }
    lines.push(format!("UID:{}", c.uid));
    if let Some(r) = &c.rev {
        lines.push(format!("REV:{r}"));
    }
    lines.push("END:VCARD".to_string());
    lines.iter().map(|l| fold(l)).collect()
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
        let long = fold(&"ä".repeat(60));
        assert!(
            long.split("\r\n")
                .all(|l| l.len() <= 75 && std::str::from_utf8(l.as_bytes()).is_ok())
        );
    }
}
