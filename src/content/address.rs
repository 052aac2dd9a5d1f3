//! One-line addresses as editors write them ("Street 1, 55218 Town").

/// Street, postal code and town of "Georg-Rückert-Straße 11, 55218 Ingelheim am Rhein".
/// Parts that are not there are empty; an address of another shape is all "town".
pub fn split(address: &str) -> (&str, &str, &str) {
    let (street, rest) = address
        .rsplit_once(',')
        .map_or(("", address.trim()), |(a, b)| (a.trim(), b.trim()));
    match rest.split_once(' ') {
        Some((code, town)) if !code.is_empty() && code.chars().all(|x| x.is_ascii_digit()) => {
            (street, code, town.trim())
        }
        _ => (street, "", rest),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn splits_german_addresses() {
        assert_eq!(
            super::split("Georg-Rückert-Straße 11, 55218 Ingelheim am Rhein"),
            ("Georg-Rückert-Straße 11", "55218", "Ingelheim am Rhein")
        );
        assert_eq!(
            super::split("Zukunftswerk Wiesbaden"),
            ("", "", "Zukunftswerk Wiesbaden")
        );
    }
}
