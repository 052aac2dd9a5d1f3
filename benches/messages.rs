//! Loading interface text: one generated `.ftl` of 5,000, 20,000 and
//! 100,000 messages (plain text, variables, selectors, references to other
//! messages and a term), one language. Loading must grow linearly with the
//! number of messages (docs/performance.md, "Interface text").
//! Run: `cargo bench --bench messages`.

use std::fmt::Write;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use wegweiser::config::SiteConfig;
use wegweiser::i18n::Messages;

const SITE_TOML: &str = r#"base_url = "https://guide.example.org"
default_language = "en"
time_zone = "Europe/Berlin"

[legal]
imprint = "imprint"
privacy = "privacy"
accessibility = "accessibility"
feedback = "feedback@example.org"

[[languages]]
key = "en"
tag = "en"
name = "English"
"#;

/// `n` messages after the ones every site needs, in the shapes the
/// example's locales use.
fn ftl(n: usize) -> String {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = std::fs::read_to_string(repo.join("locales/en/main.ftl"))
        .expect("the example's English interface text");
    out.push_str("\n-brand = Wegweiser\n");
    for i in 0..n {
        // Writing to a String cannot fail.
        let _ = match i % 4 {
            0 => writeln!(out, "bench-{i} = Plain text number {i}"),
            1 => writeln!(out, "bench-{i} = Hello {{ $name }}, from {{ -brand }}"),
            2 => writeln!(
                out,
                "bench-{i} = {{ $count ->\n    [one] one entry\n   *[other] {{ $count }} entries\n}}"
            ),
            _ => writeln!(out, "bench-{i} = See {{ bench-{} }}", i - 1),
        };
    }
    out
}

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("interface text");
    g.sample_size(10);
    for n in [5_000, 20_000, 100_000] {
        // Set up inside the closure: criterion calls it only for the sizes
        // that match the command line's filter.
        g.bench_with_input(BenchmarkId::new("load messages", n), &n, |b, &n| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let root = dir.path();
            std::fs::write(root.join("site.toml"), SITE_TOML).expect("writes site.toml");
            std::fs::create_dir_all(root.join("locales/en")).expect("creates locales/en");
            std::fs::write(root.join("locales/en/main.ftl"), ftl(n)).expect("writes main.ftl");
            let config = SiteConfig::load(root).unwrap_or_else(|ds| panic!("{}", ds.render()));
            let (_, ds) = Messages::load(root, &config);
            assert!(!ds.has_errors(), "{}", ds.render());
            b.iter(|| Messages::load(root, &config))
        });
    }
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
