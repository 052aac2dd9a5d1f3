//! Edit-to-reload latency of `wegweiser serve`: the time from a saved change
//! of one offer to the changed pages being ready to serve (the incremental
//! update: reload, re-render), and to everything being settled (search
//! indexes, JSON API, data files, sitemap, service worker: `settle`, which
//! the preview runs after the reload, on another thread). Not included:
//! notify's debounce (60 ms) and the browser's reload request.
//!
//! Sites: the example guide, and a synthetic guide of `WEGWEISER_BENCH_N`
//! offers (default 10000) × 4 languages written by bench/gen_site.py.
//! Run: `cargo bench --bench rebuild` (the synthetic site takes a minute to
//! generate; `WEGWEISER_BENCH_N=0` measures the example only,
//! `WEGWEISER_BENCH_VERBOSE=1` prints the pages each update rendered).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use wegweiser::BuildOptions;
use wegweiser::build::Pipeline;

fn copy_example(to: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for d in ["content", "locales", "themes", "static"] {
        let status = Command::new("cp")
            .arg("-r")
            .arg(repo.join(d))
            .arg(to.join(d))
            .status()
            .unwrap();
        assert!(status.success());
    }
    std::fs::copy(repo.join("site.toml"), to.join("site.toml")).unwrap();
}

fn synthetic(n: usize, to: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new("python3")
        .arg(repo.join("bench/gen_site.py"))
        .args(["--n", &n.to_string(), "--out"])
        .arg(to)
        .status()
        .unwrap();
    assert!(status.success(), "bench/gen_site.py failed");
}

/// An edit of one offer's file: appending to its body, or changing its
/// title (a card's text: the lists that show it change too). Toggles
/// between the edited and the original text.
#[derive(Clone, Copy)]
enum Edit {
    Body,
    Title,
}

impl Edit {
    fn apply(self, original: &str, on: bool) -> String {
        match (self, on) {
            (_, false) => original.to_string(),
            (Edit::Body, true) => format!("{original}\nGeändert.\n"),
            // A word added at the end: the offer keeps its place in the lists.
            (Edit::Title, true) => {
                let line = original
                    .lines()
                    .find(|l| l.starts_with("title = \""))
                    .expect("the offer has a title");
                let longer = format!("{} (neu)\"", line.trim_end().trim_end_matches('"'));
                original.replacen(line, &longer, 1)
            }
        }
    }

    fn name(self) -> &'static str {
        match self {
            Edit::Body => "body edit",
            Edit::Title => "title edit",
        }
    }
}

/// Loads and renders the site, then measures, for a body edit and a title
/// edit of one offer: the update up to the reload (changed pages ready to
/// serve), and the update with `settle` (search indexes and service worker
/// too). Prints how many pages a title edit renders.
fn bench_site(c: &mut Criterion, name: &str, root: PathBuf, offer: &str) {
    let mut opts = BuildOptions::new(&root);
    opts.now = Some("2026-11-22T00:00:00Z".parse().unwrap());
    let mut p = Pipeline::load(&opts).unwrap_or_else(|ds| panic!("{}", ds.render()));
    p.render(None).unwrap();
    p.output().unwrap();
    let rel = PathBuf::from(offer);
    let path = root.join(&rel);
    let original = std::fs::read_to_string(&path).unwrap();
    for kind in [Edit::Body, Edit::Title] {
        let mut toggle = false;
        let mut edit = || {
            toggle = !toggle;
            std::fs::write(&path, kind.apply(&original, toggle)).unwrap();
        };
        // The saved file is not part of the time; `settle` after the reload is
        // in the second measurement only. Flat sampling: ten edits per
        // measurement, not 55 (a settling of the large site takes seconds).
        let mut group = c.benchmark_group(name);
        group.sampling_mode(SamplingMode::Flat);
        for (what, settled) in [("to reload", false), ("settled", true)] {
            group.bench_function(format!("{}: {what}", kind.name()), |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        edit();
                        let t = Instant::now();
                        // As `serve` takes an update: its files packed.
                        let u = black_box(p.update_packed(std::slice::from_ref(&rel)).unwrap());
                        if settled {
                            black_box(p.settle().unwrap());
                        }
                        total += t.elapsed();
                        if std::env::var_os("WEGWEISER_BENCH_VERBOSE").is_some() {
                            eprintln!(
                                "{}: rendered {} pages, {} files changed",
                                kind.name(),
                                u.rendered,
                                u.changes.len()
                            );
                        }
                        p.settle().unwrap();
                    }
                    total
                })
            });
        }
        group.finish();
        // Back to the original text.
        std::fs::write(&path, &original).unwrap();
        p.update(std::slice::from_ref(&rel)).unwrap();
        p.settle().unwrap();
    }
}

fn rebuild(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let example = dir.path().join("example");
    std::fs::create_dir_all(&example).unwrap();
    copy_example(&example);
    bench_site(
        c,
        "edit one offer: example site",
        example,
        "content/offers/sprachcafe-ingelheim.md",
    );

    let n: usize = std::env::var("WEGWEISER_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    if n == 0 {
        return;
    }
    let big = dir.path().join("synthetic");
    synthetic(n, &big);
    let offer = std::fs::read_dir(big.join("content/offers"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|f| f.matches('.').count() == 1)
        .min()
        .unwrap();
    bench_site(
        c,
        &format!("edit one offer: {n} offers x 4 languages"),
        big,
        &format!("content/offers/{offer}"),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = rebuild
}
criterion_main!(benches);
