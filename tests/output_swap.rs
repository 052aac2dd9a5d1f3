//! The output folder is replaced in one step: a build that is killed at any
//! moment leaves the previous output complete (or the new one, once it was
//! swapped in), readers never find the output folder missing, the staging
//! folders of interrupted builds are removed by the next build, and a
//! failure says what state the output folder is in. All of this holds for
//! an incremental build (the default of `wegweiser build` with the previous
//! output present) as for a full one (`--clean`).

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::TestSite;
use wegweiser::output::{OUTPUT_MARKER, Staging};

/// Offers added to the fixture: 2,000 (in four languages, with fallbacks)
/// make a build that takes seconds even on a fast machine, and an output of
/// some 8,000 files whose removal takes a while too.
const OFFERS: usize = 2000;

fn slow_site() -> TestSite {
    let site = TestSite::fixture("site");
    for i in 0..OFFERS {
        site.write(
            &format!("content/offers/angebot-{i}.md"),
            &format!(
                "+++\ntitle = \"Angebot {i}\"\nsummary = \"Beratung Nummer {i}.\"\n\
                 topics = [\"beratung\"]\n+++\n## Termine\n\nNach Vereinbarung.\n"
            ),
        );
    }
    site
}

/// `wegweiser build --clean` of the site as a child process.
fn spawn_build(site: &TestSite) -> Child {
    spawn(site, &["--clean"])
}

/// `wegweiser build` with `args` as a child process.
fn spawn(site: &TestSite, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(["build", "--root"])
        .arg(&site.root)
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start wegweiser build")
}

fn build_to_the_end(site: &TestSite) {
    let status = spawn_build(site).wait().unwrap();
    assert!(status.success(), "wegweiser build failed");
}

/// What identifies a build's output: every file with its size, and the
/// content of a few that it has (the edited offer's page tells two builds
/// of the slow site apart).
#[derive(Debug, PartialEq)]
struct Snapshot {
    sizes: BTreeMap<String, u64>,
    samples: BTreeMap<&'static str, Vec<u8>>,
}

const SAMPLES: [&str; 4] = [
    "index.html",
    "de/index.html",
    "sitemap.xml",
    "de/offers/angebot-0/index.html",
];

fn snapshot(out: &Path) -> Result<Snapshot, String> {
    let mut sizes = BTreeMap::new();
    for e in walkdir::WalkDir::new(out) {
        let e = e.map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(out).unwrap().to_string_lossy();
            sizes.insert(rel.replace('\\', "/"), e.metadata().unwrap().len());
        }
    }
    if sizes.is_empty() {
        return Err(format!("{} is empty", out.display()));
    }
    let mut samples = BTreeMap::new();
    for s in SAMPLES.into_iter().filter(|s| sizes.contains_key(*s)) {
        let bytes = std::fs::read(out.join(s)).map_err(|e| format!("{s}: {e}"))?;
        samples.insert(s, bytes);
    }
    Ok(Snapshot { sizes, samples })
}

/// The previous output an incremental build keeps beside the output folder.
const PREVIOUS: &str = ".public.wegweiser-previous";

/// The staging folders (and anything else named `.public.…`) next to the
/// output, but for the previous output kept for the next build.
fn leftovers(site: &TestSite) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(".public.") && n != PREVIOUS)
        .collect();
    found.sort();
    found
}

/// When a build is killed.
#[derive(Debug, Clone, Copy)]
enum Moment {
    After(Duration),
    /// As soon as its staging folder appears.
    StagingAppears,
    /// This long after its staging folder appeared: while pages are
    /// written, however long loading the site took.
    WhileWriting(Duration),
    /// As soon as the output folder is no longer the one it was (or is
    /// missing): the swap happened, the old output is being removed.
    Swapped,
    /// As soon as the staging folder holds this file as a hard link to the
    /// output folder's: an incremental build is staging the new output.
    Linked(&'static str),
    /// As soon as this file of the previous output kept beside the output
    /// folder is another file (or gone): an incremental build is bringing
    /// that folder up to date (A/B folders).
    PreviousChanged(&'static str),
}

/// How a staging folder names the process that owns it: its id and, on
/// Linux, when it started (as src/output/staging.rs writes it).
fn owner(pid: u32) -> String {
    #[cfg(target_os = "linux")]
    if let Some(start) = start_time(pid) {
        return format!("{pid}-{start}");
    }
    pid.to_string()
}

#[cfg(target_os = "linux")]
fn start_time(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat[stat.rfind(')')? + 1..]
        .split_whitespace()
        .nth(19)?
        .parse()
        .ok()
}

#[cfg(unix)]
fn folder_id(p: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).ok().map(|m| m.ino())
}

#[cfg(unix)]
/// Waits until `moment`; false if the build ended before it came.
fn wait_for(site: &TestSite, child: &mut Child, moment: Moment) -> bool {
    let started = Instant::now();
    let before = folder_id(&site.out());
    // This build's own staging folder (earlier ones may be left over).
    let own = site.root.join(format!(".public.new-{}", owner(child.id())));
    let staging = || own.exists();
    // Inode and time: a new file may get the inode of the one it replaces.
    let previous = |file: &str| {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(site.root.join(PREVIOUS).join(file)).ok()?;
        Some((m.ino(), m.mtime(), m.mtime_nsec()))
    };
    let previous_before = match moment {
        Moment::PreviousChanged(file) => previous(file),
        _ => None,
    };
    let mut writing_since = None;
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(300) {
        let reached = match moment {
            Moment::After(d) => started.elapsed() >= d,
            Moment::StagingAppears => staging(),
            Moment::WhileWriting(d) => {
                if writing_since.is_none() && staging() {
                    writing_since = Some(Instant::now());
                }
                writing_since.is_some_and(|t| t.elapsed() >= d)
            }
            Moment::Swapped => folder_id(&site.out()) != before,
            Moment::Linked(file) => {
                use std::os::unix::fs::MetadataExt;
                std::fs::metadata(own.join(file)).is_ok_and(|m| m.nlink() > 1)
            }
            Moment::PreviousChanged(file) => previous(file) != previous_before,
        };
        if reached {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    false
}

#[cfg(unix)]
fn kill(child: &mut Child, signal: i32) {
    // SAFETY: sends a signal to our own child, which has not been waited
    // for yet, so its process id is still its own.
    let sent = unsafe { libc::kill(child.id() as libc::pid_t, signal) };
    assert!(sent == 0 || child.try_wait().unwrap().is_some());
    child.wait().unwrap();
}

#[cfg(unix)]
#[test]
fn killed_builds_leave_a_complete_output_and_the_next_build_cleans_up() {
    let site = slow_site();
    build_to_the_end(&site);
    let first = snapshot(&site.out()).unwrap();
    // From now on every build makes a different output than the first.
    site.edit("content/offers/angebot-0.md", "Angebot 0", "Angebot null");

    let mut seen = Vec::new();
    let kills = [
        (libc::SIGKILL, Moment::StagingAppears),
        (libc::SIGKILL, Moment::After(Duration::from_millis(200))),
        (libc::SIGKILL, Moment::After(Duration::from_secs(1))),
        (libc::SIGKILL, Moment::Swapped),
        (libc::SIGTERM, Moment::After(Duration::from_millis(500))),
        (
            libc::SIGTERM,
            Moment::WhileWriting(Duration::from_millis(500)),
        ),
        (libc::SIGTERM, Moment::Swapped),
    ];
    for (signal, moment) in kills {
        let mut child = spawn_build(&site);
        let _ = wait_for(&site, &mut child, moment);
        kill(&mut child, signal);
        let what = format!("killed with signal {signal} at {moment:?}");
        seen.push((what, snapshot(&site.out())));
    }
    let left = leftovers(&site);
    assert!(!left.is_empty(), "the killed builds left no staging folder");

    build_to_the_end(&site);
    assert_eq!(
        leftovers(&site),
        Vec::<String>::new(),
        "the next build removes what interrupted builds left ({left:?})"
    );
    let second = snapshot(&site.out()).unwrap();
    assert_ne!(first, second, "the edit changes the output");
    for (what, snap) in seen {
        let snap = snap.unwrap_or_else(|e| panic!("{what}: public/ is incomplete: {e}"));
        assert!(
            snap == first || snap == second,
            "{what}: public/ is neither the previous build nor the new one"
        );
    }
}

/// The manifest the previous `wegweiser build` left beside the output.
fn manifest(site: &TestSite) -> std::path::PathBuf {
    site.root.join(".wegweiser-cache/public.manifest")
}

#[cfg(unix)]
#[test]
fn killed_incremental_builds_leave_the_previous_site_or_the_new_one() {
    let site = slow_site();
    build_to_the_end(&site);
    // An unchanged page of another offer: an incremental build links it
    // into a fresh staging folder where there is no previous output.
    let linked = "de/offers/angebot-1/index.html";
    // The edited offer's page: written anew into the previous output.
    let edited = "de/offers/angebot-0/index.html";
    // (signal, moment, whether the previous output is removed first)
    let kills = [
        (libc::SIGKILL, Moment::Linked(linked), true),
        (libc::SIGTERM, Moment::Linked(linked), true),
        (libc::SIGKILL, Moment::PreviousChanged(edited), false),
        (libc::SIGTERM, Moment::PreviousChanged(edited), false),
        (libc::SIGKILL, Moment::Swapped, false),
        (libc::SIGTERM, Moment::Swapped, false),
    ];
    for (step, (signal, moment, without_previous)) in kills.into_iter().enumerate() {
        // A complete previous build with its manifest: the next build is
        // an incremental one (and keeps the output before it beside it).
        spawn(&site, &[]).wait().unwrap();
        assert!(manifest(&site).is_file(), "no manifest before step {step}");
        if without_previous {
            std::fs::remove_dir_all(site.root.join(PREVIOUS)).unwrap();
        } else {
            assert!(
                site.root.join(PREVIOUS).is_dir(),
                "step {step}: no previous output"
            );
        }
        let previous = snapshot(&site.out()).unwrap();
        // A body edit: the offer's pages change, the lists do not.
        let file = "content/offers/angebot-0.md";
        let text = std::fs::read_to_string(site.root.join(file)).unwrap();
        site.write(file, &format!("{text}\nSchritt {step}.\n"));
        let mut child = spawn(&site, &[]);
        let reached = wait_for(&site, &mut child, moment);
        kill(&mut child, signal);
        let seen = snapshot(&site.out());
        let what = format!("killed with signal {signal} at {moment:?}");
        assert!(reached, "{what}: the build ended before that moment");
        // The new site: what a complete build of the edited text makes.
        spawn(&site, &[]).wait().unwrap();
        let next = snapshot(&site.out()).unwrap();
        assert_ne!(previous, next, "the edit changes the output");
        let seen = seen.unwrap_or_else(|e| panic!("{what}: public/ is incomplete: {e}"));
        assert!(
            seen == previous || seen == next,
            "{what}: public/ is neither the previous build nor the new one"
        );
        assert_eq!(leftovers(&site), Vec::<String>::new(), "{what}");
    }
}

#[test]
fn readers_never_find_the_output_missing() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let page = site.out().join("de/index.html");
    let done = AtomicBool::new(false);
    let (looks, misses) = (AtomicUsize::new(0), AtomicUsize::new(0));
    std::thread::scope(|s| {
        s.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                if std::fs::metadata(&page).is_err() {
                    misses.fetch_add(1, Ordering::Relaxed);
                }
                looks.fetch_add(1, Ordering::Relaxed);
            }
        });
        // With two renames the output is missing for some microseconds
        // per build; a reader that looks all the time saw that in about
        // four builds of ten on a busy machine, so ten builds, not three.
        for _ in 0..10 {
            site.build_ok();
        }
        done.store(true, Ordering::Relaxed);
    });
    assert!(looks.load(Ordering::Relaxed) > 100);
    assert_eq!(
        misses.load(Ordering::Relaxed),
        0,
        "public/de/index.html was missing during a build"
    );
}

/// A dead process's id: that of a child that has finished.
fn dead_pid() -> u32 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .arg("--version")
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    child.wait().unwrap();
    child.id()
}

fn marked_folder(site: &TestSite, name: &str) {
    site.write(&format!("{name}/{OUTPUT_MARKER}"), "");
    site.write(&format!("{name}/de/index.html"), "<p>half a build</p>");
}

#[test]
fn only_marked_staging_folders_of_finished_processes_are_removed() {
    let site = TestSite::fixture("site");
    let dead = dead_pid();
    // Named with a start time that no running process has, so that a
    // thread of this test that happens to get the id does not count.
    let removed = [
        format!(".public.new-{dead}-1"),
        format!(".public.old-{dead}-1"),
    ];
    for name in &removed {
        marked_folder(&site, name);
    }
    // Killed between creating its folder and marking it: empty.
    let empty = format!(".public.new-{}-1", dead_pid());
    std::fs::create_dir(site.root.join(&empty)).unwrap();
    let mut kept = vec![
        format!(".public.tmp-{dead}"),
        format!(".public.new-{dead}x"),
        format!(".public2.new-{dead}"),
    ];
    for name in &kept {
        marked_folder(&site, name);
    }
    let mut removed_too = vec![empty];
    // Without the marker: not ours, whatever its name.
    site.write(&format!(".public.new-{}/notes.txt", dead + 1), "keep");
    kept.push(format!(".public.new-{}", dead + 1));
    #[cfg(unix)]
    {
        // A build still running (here: the test runner) keeps its folder.
        let parent = std::os::unix::process::parent_id();
        let running = format!(".public.new-{}", owner(parent));
        marked_folder(&site, &running);
        kept.push(running);
        #[cfg(target_os = "linux")]
        {
            // The same process id, but a process that started at another
            // time: the id was reused, the folder's owner has finished.
            let start = start_time(parent).unwrap();
            let reused = format!(".public.new-{parent}-{}", start + 1);
            marked_folder(&site, &reused);
            removed_too.push(reused);
        }
    }
    site.build_ok();
    for name in removed.iter().chain(&removed_too) {
        assert!(!site.root.join(name).exists(), "{name} is left over");
    }
    for name in &kept {
        assert!(site.root.join(name).exists(), "{name} was removed");
    }
}

#[test]
fn the_previous_output_of_an_interrupted_two_step_swap_is_put_back() {
    // Where the output cannot be swapped in one step, a build killed between
    // the two renames leaves no public/ and the previous build beside it.
    let site = TestSite::fixture("site");
    site.build_ok();
    let before = snapshot(&site.out()).ok();
    let moved = site.root.join(format!(".public.old-{}", dead_pid()));
    std::fs::rename(site.out(), &moved).unwrap();
    // A build that gets as far as its staging folder and then fails.
    drop(Staging::new(&site.out()).unwrap());
    assert_eq!(snapshot(&site.out()).ok(), before, "public/ is back");
    assert!(!moved.exists());
}

#[test]
fn a_read_only_output_folder_is_replaced_completely() {
    let site = TestSite::fixture("site");
    site.build_ok();
    site.write("content/offers/neu.md", "+++\ntitle = \"Neu\"\n+++\nNeu.\n");
    let read_only = |yes: bool| {
        for dir in [site.out(), site.out().join("de")] {
            let mut p = std::fs::metadata(&dir).unwrap().permissions();
            #[allow(clippy::permissions_set_readonly_false)] // the test's own folders
            p.set_readonly(yes);
            std::fs::set_permissions(&dir, p).unwrap();
        }
    };
    read_only(true);
    let result = site.build();
    if site.out().exists() {
        read_only(false);
    }
    if let Err(ds) = result {
        panic!("{}", ds.render());
    }
    assert!(
        site.exists("de/offers/neu/index.html"),
        "the new build is in place"
    );
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn a_failed_swap_says_that_public_was_left_unchanged() {
    // A file where the staging folder must go: fails for root too.
    let site = TestSite::fixture("site");
    site.build_ok();
    let before = snapshot(&site.out()).unwrap();
    site.write(
        &format!(".public.new-{}", owner(std::process::id())),
        "in the way",
    );
    let ds = site.build_err();
    let text = ds.render();
    assert!(
        text.contains("public/ was left unchanged"),
        "the message says what became of public/:\n{text}"
    );
    assert_eq!(snapshot(&site.out()).unwrap(), before);
}
