//! The digest every layer records of a file's bytes: XXH3-128, as 32 hex
//! digits. The loader notes it for each content file as read, the staging
//! folder for each file written, and the build manifest keeps both (see
//! `build::manifest`). It detects changes; it is no security boundary:
//! whoever could plant a colliding file can change the site in the open.
//!
//! This module is at the bottom of the module graph: it uses no other module
//! of the crate.

/// XXH3-128 of `bytes`, hex.
pub fn digest(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_32_hex_digits_and_follows_the_bytes() {
        let a = super::digest(b"a");
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(a, super::digest(b"b"));
        assert_eq!(a, super::digest(b"a"));
    }
}
