//! What several modules' unit tests share (compiled only for tests).

/// A copy of the repository's example site in a temporary folder.
pub(crate) fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for d in ["content", "locales", "themes", "static"] {
        let ok = std::process::Command::new("cp")
            .arg("-r")
            .arg(repo.join(d))
            .arg(dir.path().join(d))
            .status()
            .unwrap()
            .success();
        assert!(ok, "copy {d}");
    }
    std::fs::copy(repo.join("site.toml"), dir.path().join("site.toml")).unwrap();
    dir
}
