//! `wegweiser build` with the previous output present (build_kept): after
//! every kind of change the output folder is byte for byte what a clean
//! build makes, files whose bytes did not change keep their time, and
//! content edits are rebuilt incrementally rather than in full.
//!
//! Why a file this long (some 680 lines): one test per kind of change the
//! issue names, each against a clean build through the same helpers.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use common::TestSite;
use wegweiser::BuildOptions;
use wegweiser::build::{BuildMode, NoProgress, build_kept};
use wegweiser::diagnostics::Diagnostics;

/// Every file below `dir` (the output marker left out): bytes and time.
fn tree(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let m = e.metadata().unwrap();
            (
                rel,
                (std::fs::read(e.path()).unwrap(), m.modified().unwrap()),
            )
        })
        .filter(|(rel, _)| rel != wegweiser::output::OUTPUT_MARKER)
        .collect()
}

/// Every folder below `dir`.
fn folders(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_dir())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

fn kept(opts: &BuildOptions, clean: bool) -> BuildMode {
    kept_with_parts(opts, clean).0
}

/// [`kept`], with the parts of the other files the build kept.
fn kept_with_parts(opts: &BuildOptions, clean: bool) -> (BuildMode, Vec<String>) {
    match build_kept(opts, clean, &NoProgress, &|_| Diagnostics::new()) {
        Ok((report, mode)) => (mode, report.kept_parts),
        Err(ds) => panic!("build failed:\n{}", ds.render()),
    }
}

/// Builds `site` with the previous output present, then a clean build into
/// another folder; asserts both trees are equal, that files with the same
/// bytes as before kept their time, and returns the mode, the files
/// that were written and the parts of the other files that were kept.
fn rebuild_and_compare(
    site: &TestSite,
    opts: &BuildOptions,
) -> (BuildMode, Vec<String>, Vec<String>) {
    let before = tree(&site.out());
    let (mode, parts) = kept_with_parts(opts, false);
    let after = tree(&site.out());
    let mut clean = opts.clone();
    clean.out = site.root.join("clean-build");
    wegweiser::build::build(&clean).unwrap_or_else(|ds| panic!("{}", ds.render()));
    let expected = tree(&clean.out);
    let differ: Vec<&String> = expected
        .keys()
        .chain(after.keys())
        .filter(|k| expected.get(*k).map(|e| &e.0) != after.get(*k).map(|a| &a.0))
        .collect();
    assert!(differ.is_empty(), "differs from a clean build: {differ:?}");
    assert_eq!(folders(&site.out()), folders(&clean.out), "folders");
    let mut written = Vec::new();
    for (k, (bytes, time)) in &after {
        match before.get(k) {
            Some((b, t)) if b == bytes && mode == BuildMode::Incremental => {
                assert_eq!(t, time, "{k} kept its bytes but got a new time")
            }
            Some((b, _)) if b == bytes => {}
            _ => written.push(k.clone()),
        }
    }
    std::fs::remove_dir_all(&clean.out).unwrap();
    (mode, written, parts)
}

/// The example site, built once with a manifest.
fn first_build() -> (TestSite, BuildOptions) {
    let site = TestSite::example();
    let opts = site.options();
    assert_eq!(kept(&opts, false), BuildMode::Full);
    (site, opts)
}

const OFFER: &str = "content/offers/anerkennungsberatung.md";

#[test]
fn nothing_changed_writes_nothing() {
    let (site, opts) = first_build();
    let (mode, written, _) = rebuild_and_compare(&site, &opts);
    assert_eq!(mode, BuildMode::Incremental);
    assert_eq!(written, Vec::<String>::new());
}

#[test]
fn a_body_edit_writes_only_its_pages_and_the_reader_files() {
    let (site, opts) = first_build();
    let text = std::fs::read_to_string(site.root.join(OFFER)).unwrap();
    std::fs::write(
        site.root.join(OFFER),
        format!("{text}\nEin neuer Satz im Text.\n"),
    )
    .unwrap();
    let (mode, written, parts) = rebuild_and_compare(&site, &opts);
    assert_eq!(mode, BuildMode::Incremental);
    // A body cannot reach the data files, feeds and sitemap, nor the search
    // index of a language whose readers see their own translation of the
    // offer (English, Arabic, Ukrainian): those were kept, not made again.
    // German readers, and those whose language falls back to German, see
    // the edited text.
    assert_eq!(
        parts,
        [
            "site",
            "reader/ar",
            "reader/en",
            "reader/uk",
            "api/de",
            "api/ls",
            "api/en",
            "api/ar",
            "api/uk",
            "api/fa",
            "api/tr",
            "api/ru"
        ]
    );
    // Its pages and API files in every language, and the files that follow
    // every text (search shards, offline lists, the service worker): no
    // other item's page, no list page.
    assert!(!written.is_empty());
    let own = |f: &str| {
        f.contains("offers/anerkennungsberatung/")
            || f.ends_with("offers/anerkennungsberatung.json")
    };
    let reader = |f: &str| f.starts_with("search/") || f.ends_with("offline.json") || f == "sw.js";
    // The translations of the edited German text are now out of date: the
    // API's offer lists of those languages carry that state.
    let state = |f: &str| f.starts_with("api/v1/") && f.contains("/offers/page/");
    let other: Vec<&String> = written
        .iter()
        .filter(|f| !own(f) && !reader(f) && !state(f))
        .collect();
    assert!(
        other.is_empty(),
        "written besides the offer's own and the reader files: {other:?}"
    );
}

#[test]
fn a_body_edit_that_links_a_document_makes_the_site_part_again() {
    let (site, opts) = first_build();
    let text = std::fs::read_to_string(site.root.join(OFFER)).unwrap();
    std::fs::write(
        site.root.join(OFFER),
        format!("{text}\nDer [Flyer](flyer-migrationsberatung-de.pdf) als PDF.\n"),
    )
    .unwrap();
    let (mode, _, parts) = rebuild_and_compare(&site, &opts);
    assert_eq!(mode, BuildMode::Incremental);
    // The offer now publishes a document (copied to /files/): the site
    // part is made again.
    assert!(!parts.contains(&"site".to_string()), "{parts:?}");
}

#[test]
fn a_translation_body_edit_keeps_the_other_languages_search() {
    let (site, opts) = first_build();
    let file = "content/offers/anerkennungsberatung.en.md";
    let text = std::fs::read_to_string(site.root.join(file)).unwrap();
    std::fs::write(
        site.root.join(file),
        format!("{text}\nOne more sentence.\n"),
    )
    .unwrap();
    let (mode, _, parts) = rebuild_and_compare(&site, &opts);
    assert_eq!(mode, BuildMode::Incremental);
    let kept: Vec<&str> = parts.iter().map(String::as_str).collect();
    assert!(
        kept.contains(&"site") && kept.contains(&"reader/de"),
        "{kept:?}"
    );
    assert!(!kept.contains(&"reader/en"), "{kept:?}");
}

/// A search memo that is not the one the last build left (here: one a
/// build left whose manifest was never written, as after a failure) is
/// not taken for that build's index: a body edit of another item then
/// indexes every document again, and the index has no word of the other
/// build's.
#[test]
fn a_search_memo_another_build_left_is_not_trusted() {
    let (site, opts) = first_build();
    let offer = site.root.join(OFFER);
    let text = std::fs::read_to_string(&offer).unwrap();
    let memo = site
        .root
        .join(".wegweiser-cache/public.manifest.search/de.search");
    std::fs::write(&offer, format!("{text}\nEin Zwischenstandswort.\n")).unwrap();
    assert_eq!(kept(&opts, false), BuildMode::Incremental);
    let other = std::fs::read(&memo).unwrap();
    std::fs::write(&offer, &text).unwrap();
    assert_eq!(kept(&opts, false), BuildMode::Incremental);
    std::fs::write(&memo, &other).unwrap();
    // The edit of another offer.
    let another = site
        .root
        .join("content/offers/antidiskriminierungsberatung.md");
    let text = std::fs::read_to_string(&another).unwrap();
    std::fs::write(&another, format!("{text}\nEin neuer Satz im Text.\n")).unwrap();
    let (mode, _, _) = rebuild_and_compare(&site, &opts);
    assert_eq!(mode, BuildMode::Incremental);
}

#[test]
fn a_location_edit_makes_the_api_files_of_what_is_there_again() {
    let (site, opts) = first_build();
    site.edit(
        "content/locations/vhs-ingelheim.md",
        "Beispielstraße 7,",
        "Beispielstraße 9,",
    );
    let (mode, written, parts) = rebuild_and_compare(&site, &opts);
    assert_eq!(mode, BuildMode::Incremental);
    // The API's other files were kept; the course and the evening held
    // at the adult education centre carry its address.
    assert!(parts.contains(&"api/de".to_string()), "{parts:?}");
    // An address is no text: every language's search index is made again.
    assert!(!parts.iter().any(|p| p.starts_with("reader/")), "{parts:?}");
    for f in [
        "api/v1/de/offers/integrationskurs-allgemein.json",
        "api/v1/de/events/infoabend-integrationskurse.json",
        "api/v1/de/locations/vhs-ingelheim.json",
    ] {
        assert!(
            written.iter().any(|w| w == f),
            "{f} not written: {written:?}"
        );
    }
    assert!(
        !written
            .iter()
            .any(|w| w == "api/v1/de/offers/ehrenamt-unterstuetzung.json"),
        "{written:?}"
    );
}

#[test]
fn a_title_edit() {
    let (site, opts) = first_build();
    site.edit(
        OFFER,
        "title = \"Anerkennungsberatung\"",
        "title = \"Anerkennungsberatung neu\"",
    );
    let (mode, _, parts) = rebuild_and_compare(&site, &opts);
    assert_eq!(mode, BuildMode::Incremental);
    // A text of the source changed, nothing else of the offer: the search
    // indexes of the languages with their own translation are kept; the
    // feeds and data files (titles) are made again.
    let kept: Vec<&str> = parts.iter().map(String::as_str).collect();
    for part in ["reader/ar", "reader/en", "reader/uk", "api/de"] {
        assert!(kept.contains(&part), "{part} not kept: {kept:?}");
    }
    assert!(
        !kept.contains(&"site") && !kept.contains(&"reader/de"),
        "{kept:?}"
    );
}

#[test]
fn title_edits_in_long_lists() {
    // More offers than a list sorts by comparing their titles (64): long
    // lists are sorted by each language's title order, which the manifest
    // keeps for the next build to move the changed items in.
    let site = TestSite::example();
    let text = std::fs::read_to_string(site.root.join(OFFER)).unwrap();
    for n in 0..60 {
        let title = format!("Beratung {}", (n * 37) % 60);
        site.write(
            &format!("content/offers/kopie-{n:02}.md"),
            &text.replace("Anerkennungsberatung", &title),
        );
    }
    let opts = site.options();
    assert_eq!(kept(&opts, false), BuildMode::Full);
    // From the front of the lists to their end, in every language.
    site.edit(
        "content/offers/kopie-00.md",
        "title = \"Beratung 0\"",
        "title = \"Zuletzt: Beratung\"",
    );
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Incremental);
    // A new offer in the middle, one gone, one moved back to the front.
    site.write(
        "content/offers/kopie-neu.md",
        &text.replace("Anerkennungsberatung", "Beratung 305"),
    );
    site.remove("content/offers/kopie-07.md");
    site.edit(
        "content/offers/kopie-00.md",
        "title = \"Zuletzt: Beratung\"",
        "title = \"Achtung: Beratung\"",
    );
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Incremental);
    // A body edit keeps the orders as they are.
    site.write(OFFER, &format!("{text}\nNoch ein Satz.\n"));
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Incremental);
}

#[test]
fn a_term_edit_makes_every_search_index_again() {
    let (site, opts) = first_build();
    site.edit(
        OFFER,
        "audiences = [\"fachkraefte\", \"gefluechtete\", \"frauen\"]",
        "audiences = [\"fachkraefte\", \"gefluechtete\"]",
    );
    let (mode, _, parts) = rebuild_and_compare(&site, &opts);
    assert_eq!(mode, BuildMode::Incremental);
    // Search finds items by their terms' labels in every language.
    assert!(!parts.iter().any(|p| p.starts_with("reader/")), "{parts:?}");
}

#[test]
fn a_translation_edit() {
    let (site, opts) = first_build();
    site.edit(
        "content/offers/anerkennungsberatung.en.md",
        "Recognition counselling",
        "Recognition advice",
    );
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Incremental);
}

#[test]
fn a_new_and_a_deleted_item() {
    let (site, opts) = first_build();
    let text = std::fs::read_to_string(site.root.join(OFFER)).unwrap();
    site.write(
        "content/offers/zweite-beratung.md",
        &text.replace("Anerkennungsberatung", "Zweite Beratung"),
    );
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Incremental);
    site.remove("content/offers/zweite-beratung.md");
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Incremental);
}

#[test]
fn interface_text_template_static_and_config() {
    let (site, opts) = first_build();
    site.edit(
        "locales/en/main.ftl",
        "Skip to content",
        "Skip to the content",
    );
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Incremental);
    site.edit(
        "themes/default/templates/base.html",
        "</body>",
        "<!-- x --></body>",
    );
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Incremental);
    site.write("static/hallo.txt", "Hallo\n");
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Incremental);
    site.write("static/hallo.txt", "Hallo, Welt\n");
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Incremental);
    site.edit("themes/default/static/style.css", "{", "{ ");
    rebuild_and_compare(&site, &opts);
    let config = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", &format!("{config}\n# changed\n"));
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Full);
}

#[test]
fn now_passing_an_event() {
    let site = TestSite::example();
    let mut opts = site.options();
    // The information evening on 3 March 2026 ends at 19:30 (Berlin).
    opts.now = Some("2026-03-03T11:00:00Z".parse().unwrap());
    kept(&opts, false);
    // Opening hours' "open now" intervals depend on the time of day: any
    // other "now" builds in full.
    opts.now = Some("2026-03-03T19:00:00Z".parse().unwrap());
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Full);
    // Another day: a full build.
    opts.now = Some("2026-05-10T12:00:00Z".parse().unwrap());
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Full);
}

#[test]
fn clean_and_doubts_build_in_full() {
    let (site, opts) = first_build();
    assert_eq!(kept(&opts, true), BuildMode::Full);
    // An output file changed behind the build's back.
    std::fs::write(site.out().join("robots.txt"), "changed").unwrap();
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Full);
    // A file added to an output folder, then a folder (told by the
    // folders' times, or where doubtful by reading them).
    assert_eq!(kept(&opts, false), BuildMode::Incremental);
    std::fs::write(site.out().join("de/extra.html"), "x").unwrap();
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Full);
    assert_eq!(kept(&opts, false), BuildMode::Incremental);
    std::fs::create_dir(site.out().join("de/extra")).unwrap();
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Full);
    // The record of the output folder gone: full.
    assert_eq!(kept(&opts, false), BuildMode::Incremental);
    std::fs::remove_file(site.root.join(".wegweiser-cache/public.outputs")).unwrap();
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Full);
    // A corrupt manifest.
    let manifest = site.root.join(".wegweiser-cache/public.manifest");
    assert!(manifest.is_file());
    std::fs::write(&manifest, "{").unwrap();
    assert_eq!(rebuild_and_compare(&site, &opts).0, BuildMode::Full);
}

/// A small deterministic random number generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn random_sequences_of_edits_equal_clean_builds() {
    let (site, opts) = first_build();
    let mut files: Vec<String> = walkdir::WalkDir::new(site.root.join("content"))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&site.root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|p| !p.contains("_index") && !p.contains("/locations/"))
        .collect();
    files.sort();
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    for step in 0..8 {
        let file = files[rng.below(files.len())].clone();
        let path = site.root.join(&file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let edited = match rng.below(3) {
            // A body edit.
            0 => format!("{text}\nNoch ein Satz {step}.\n"),
            // A title edit.
            1 => text.replacen("title = \"", &format!("title = \"{step} "), 1),
            // A summary edit.
            _ => text.replacen("summary = \"", &format!("summary = \"Neu {step}: "), 1),
        };
        std::fs::write(&path, edited).unwrap();
        let (mode, _, _) = rebuild_and_compare(&site, &opts);
        assert_eq!(mode, BuildMode::Incremental, "step {step}: {file}");
    }
}

/// The output folder's identity and the identity of one file in it.
#[cfg(unix)]
fn inodes(out: &Path, file: &str) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    let ino = |p: &Path| std::fs::metadata(p).unwrap().ino();
    (ino(out), ino(&out.join(file)))
}

#[cfg(unix)]
#[test]
fn an_incremental_build_replaces_the_output_folder_with_its_files_linked() {
    let (site, opts) = first_build();
    let other = "de/index.html";
    let (folder, file) = inodes(&site.out(), other);
    let text = std::fs::read_to_string(site.root.join(OFFER)).unwrap();
    std::fs::write(site.root.join(OFFER), format!("{text}\nNoch ein Satz.\n")).unwrap();
    let (mode, written, _) = rebuild_and_compare(&site, &opts);
    assert_eq!(mode, BuildMode::Incremental);
    assert!(!written.is_empty());
    let (folder_after, file_after) = inodes(&site.out(), other);
    // A new folder, exchanged with the old one in one step (never updated
    // in place), holding the very file of the previous build.
    assert_ne!(
        folder, folder_after,
        "the output folder was updated in place"
    );
    assert_eq!(file, file_after, "{other} was written again, not linked");
    let left: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(".public."))
        .collect();
    // Only the previous output, kept for the next build.
    assert_eq!(
        left,
        vec![".public.wegweiser-previous".to_string()],
        "staging folders left over"
    );
}

/// Every file below `dir` (the marker left out): inode and time.
#[cfg(unix)]
fn identities(dir: &Path) -> BTreeMap<String, (u64, SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    tree(dir)
        .into_iter()
        .map(|(rel, (_, time))| {
            let ino = std::fs::metadata(dir.join(&rel)).unwrap().ino();
            (rel, (ino, time))
        })
        .collect()
}

/// A/B folders: successive incremental builds bring the previous output
/// (kept beside the output folder) up to date and exchange it with the
/// output folder; each result equals a clean build, and a file whose bytes
/// did not change stays the very same file (inode and time) across all.
#[cfg(unix)]
#[test]
fn successive_edits_update_the_previous_output_and_keep_unchanged_files() {
    let (site, opts) = first_build();
    let previous = site.root.join(".public.wegweiser-previous");
    let start = identities(&site.out());
    let mut last = start.clone();
    let edits: [(&str, &str, &str); 3] = [
        (OFFER, "", "\nEin erster neuer Satz.\n"),
        (
            OFFER,
            "title = \"Anerkennungsberatung\"",
            "title = \"Anerkennungsberatung neu\"",
        ),
        (
            "content/offers/anerkennungsberatung.en.md",
            "",
            "\nOne more sentence.\n",
        ),
    ];
    for (step, (file, from, to)) in edits.into_iter().enumerate() {
        if from.is_empty() {
            let text = std::fs::read_to_string(site.root.join(file)).unwrap();
            site.write(file, &format!("{text}{to}"));
        } else {
            site.edit(file, from, to);
        }
        // After a full build there is no previous output (the first step
        // stages afresh); from then on the previous output kept beside the
        // output folder is brought up to date and becomes the output.
        let ino = |p: &Path| {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(p).ok().map(|m| m.ino())
        };
        let kept_before = ino(&previous);
        assert_eq!(kept_before.is_some(), step > 0, "step {step}");
        let (mode, written, _) = rebuild_and_compare(&site, &opts);
        assert_eq!(mode, BuildMode::Incremental, "step {step}");
        assert!(!written.is_empty(), "step {step}");
        assert!(previous.is_dir(), "step {step}: no previous output kept");
        if step > 0 {
            assert_eq!(
                ino(&site.out()),
                kept_before,
                "step {step}: not the previous folder"
            );
        }
        let now = identities(&site.out());
        for (rel, id) in &now {
            if !written.contains(rel) {
                assert_eq!(
                    last.get(rel),
                    Some(id),
                    "step {step}: {rel} is another file"
                );
            }
        }
        // The previous output is the output before this build.
        assert_eq!(identities(&previous), last, "step {step}: previous output");
        last = now;
    }
    // Files no edit touched are the first build's files.
    let untouched = "de/index.html";
    assert_eq!(start.get(untouched), last.get(untouched));
    // A clean build removes the previous output.
    assert_eq!(kept(&opts, true), BuildMode::Full);
    assert!(!previous.exists());
}

/// A rebuild reads no content file unchanged since the previous build:
/// what loading found in it is in the manifest (content/known.rs). Its body
/// is still read again for what needs it, and checked: a body changed
/// behind the file's stamps (same size, same time) fails the build, naming
/// the file, instead of publishing a mix of two versions. Were the file
/// read while loading, this build would succeed with the new text.
#[test]
fn a_rebuild_reads_no_unchanged_file_and_trusts_no_body_it_did_not_read() {
    let site = TestSite::example();
    let opts = site.options();
    // Older than the build by more than the stamps' margin of doubt.
    let hour_ago = SystemTime::now() - std::time::Duration::from_secs(3600);
    let set_time = |rel: &str| {
        let f = std::fs::File::options()
            .write(true)
            .open(site.root.join(rel))
            .unwrap();
        f.set_modified(hour_ago).unwrap();
    };
    set_time(OFFER);
    assert_eq!(kept(&opts, false), BuildMode::Full);
    let before = tree(&site.out());
    // The same number of bytes, the same time: unchanged by its stamps.
    let text = std::fs::read_to_string(site.root.join(OFFER)).unwrap();
    let body_at = text.rfind("\n+++").unwrap() + 5;
    let i = body_at + text[body_at..].find('e').unwrap();
    std::fs::write(
        site.root.join(OFFER),
        format!("{}a{}", &text[..i], &text[i + 1..]),
    )
    .unwrap();
    set_time(OFFER);
    // An edit to another German body: the German search index, which
    // reads every German body, is made again.
    let other = "content/offers/dolmetscherpool.md";
    let other_text = std::fs::read_to_string(site.root.join(other)).unwrap();
    std::fs::write(site.root.join(other), format!("{other_text}\nNeu.\n")).unwrap();
    let ds = match build_kept(&opts, false, &NoProgress, &|_| Diagnostics::new()) {
        Ok(_) => panic!("the build used a body it did not load"),
        Err(ds) => ds,
    };
    let rendered = ds.render();
    assert!(
        ds.iter()
            .any(|d| d.code() == "content-changed-while-building"),
        "{rendered}"
    );
    assert!(rendered.contains(OFFER), "{rendered}");
    // Nothing was put in place.
    assert!(tree(&site.out()) == before, "the output changed");
    // Once its time says it changed, the file is read and the build is whole.
    let f = std::fs::File::options()
        .write(true)
        .open(site.root.join(OFFER))
        .unwrap();
    f.set_modified(SystemTime::now()).unwrap();
    let (mode, written, _) = rebuild_and_compare(&site, &opts);
    assert_eq!(mode, BuildMode::Incremental);
    assert!(
        written.iter().any(|w| w.contains("anerkennungsberatung")),
        "{written:?}"
    );
}
