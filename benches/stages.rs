//! The stages of a build, each on its own, on a fixed synthetic guide
//! (bench/gen_site.py, `WEGWEISER_STAGES_N` offers, default 100, × 4
//! languages): load + parse (incl. minifying the templates), Markdown,
//! views + templates, write; and, for comparison, minify-html on every page,
//! which builds no longer do (render/compact.rs).
//! Run: `cargo bench --bench stages`. Whole builds against Hugo:
//! `scripts/bench-build`.

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use wegweiser::BuildOptions;
use wegweiser::build::Pipeline;
use wegweiser::output::{OutputFiles, Staging};
use wegweiser::render::markdown::{self, LinkContext};

fn synthetic(n: usize, to: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new("python3")
        .arg(repo.join("bench/gen_site.py"))
        .args(["--n", &n.to_string(), "--out"])
        .arg(to)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs");
    assert!(status.success(), "bench/gen_site.py failed");
}

fn options(root: PathBuf) -> BuildOptions {
    let mut opts = BuildOptions::new(root);
    opts.now = Some("2026-11-22T00:00:00Z".parse().expect("a valid timestamp"));
    opts
}

fn stages(c: &mut Criterion) {
    let n: usize = std::env::var("WEGWEISER_STAGES_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("site");
    synthetic(n, &root);
    let opts = options(root);
    let load = || Pipeline::load(&opts).unwrap_or_else(|ds| panic!("{}", ds.render()));
    let p = load();
    let mut g = c.benchmark_group(format!("{n} offers x 4 languages"));
    g.sample_size(10);

    g.bench_function("load + parse", |b| b.iter(load));

    let langs = p.site().config.language_keys();
    let sanitizer = markdown::Sanitizer::default();
    g.bench_function("markdown (every body in every language)", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for item in p.site().items.values() {
                for lang in &langs {
                    let text = item
                        .texts
                        .get(lang)
                        .unwrap_or_else(|| item.source_text(&p.site().config));
                    let ctx = LinkContext {
                        lang,
                        languages: &langs,
                        raw_html: p.site().config.markdown.raw_html,
                        sanitizer: &sanitizer,
                        images: None,
                        files: &Default::default(),
                    };
                    bytes += text.with_body(|b| markdown::render(b, &ctx).len());
                }
            }
            bytes
        })
    });

    g.bench_function("views + templates (incl. markdown)", |b| {
        b.iter(|| p.render_html().expect("renders"))
    });

    let pages = p.render_html().expect("renders");
    g.bench_function("minify-html on every page (not part of a build)", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| wegweiser::render::minify(&String::from_utf8_lossy(&p.html)).len())
                .sum::<usize>()
        })
    });

    let mut full = load();
    full.render(None).expect("renders");
    let (files, _): (OutputFiles, _) = full.output().expect("assembles");
    let out = dir.path().join("public");
    // Includes replacing (deleting) the previous iteration's output, as a rebuild does.
    g.bench_function("write (staging folder, all files)", |b| {
        b.iter(|| {
            let s = Staging::new(&out).expect("staging folder");
            s.write_all(&files).expect("writes");
            s.commit().expect("commits");
        })
    });

    let build_opts = {
        let mut o = opts.clone();
        o.out = dir.path().join("built");
        o
    };
    g.bench_function("whole build (load to disk)", |b| {
        b.iter(|| wegweiser::build(&build_opts).expect("builds"))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
