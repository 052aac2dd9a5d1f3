//! `wegweiser serve`: build, serve on loopback, watch, rebuild, reload.
//!
//! The site is served from memory: only files of the last good build exist
//! for the server, so nothing outside the output can be reached, and a
//! failed rebuild leaves the last good site in place while the browser shows
//! the problems as an overlay.

pub mod http;
pub mod overlay;
pub mod watch;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use tokio::sync::{broadcast, mpsc};

use crate::build::{BuildOptions, Change, Pipeline, Settled, build_packed};
use crate::diagnostics::Diagnostic;
use crate::diagnostics::Diagnostics;
use crate::output::{Packed, PackedFiles};
use crate::tool_text::{Lang, Msg, ToolText};
use http::{AppState, Notice, Served};

/// Options of `wegweiser serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: std::net::IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
    /// Open the site in the default browser.
    pub open: bool,
    /// The language of the terminal lines and of the browser's overlay.
    pub lang: Lang,
    /// Called when much memory was freed (after the first build, after
    /// each update and each settling: the unpacked files made, the
    /// previous ones): the binary has its allocator give it back to the
    /// system.
    pub return_freed: fn(),
}

fn build_options(opts: &ServeOptions, addr: SocketAddr) -> BuildOptions {
    let mut b = BuildOptions::new(&opts.root);
    b.drafts = opts.drafts;
    // Absolute links (canonical, feeds, calendars) point at the preview.
    b.base_url = Some(format!("http://{addr}"));
    b
}

/// What a rebuild gives the server.
enum Rebuilt {
    /// The files that changed since the last good build.
    Changes(Vec<Change<Packed>>),
    /// A whole new site (after a first build that had failed).
    All(PackedFiles),
}

/// Applies changes incrementally when a good pipeline exists, else builds from scratch.
fn rebuild(
    pipeline: &mut Option<Pipeline>,
    bopts: &BuildOptions,
    paths: &[PathBuf],
) -> Result<(Rebuilt, Diagnostics, usize), Diagnostics> {
    match pipeline {
        Some(p) => {
            let update = p.update_packed(paths)?;
            Ok((
                Rebuilt::Changes(update.changes),
                update.warnings,
                update.rendered,
            ))
        }
        None => {
            let (built, files, warnings) = build_packed(bopts)?;
            let n = files.keys().filter(|k| k.ends_with(".html")).count();
            *pipeline = Some(built);
            Ok((Rebuilt::All(files), warnings, n))
        }
    }
}

/// Applies changed files to the served site (copying the map only if a
/// request still holds the old one).
fn patch(served: &mut Served, changes: Vec<Change<Packed>>) {
    let files = Arc::make_mut(&mut served.files);
    for (path, bytes) in changes {
        match bytes {
            Some(b) => files.insert(path, b),
            None => files.remove(&path),
        };
    }
}

fn apply(served: &RwLock<Served>, changes: Vec<Change<Packed>>) {
    if !changes.is_empty() {
        patch(
            &mut served.write().unwrap_or_else(|e| e.into_inner()),
            changes,
        );
    }
}

/// Runs the preview server until Ctrl-C.
pub fn run(opts: ServeOptions) -> Result<(), Diagnostic> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::error("serve-start").arg("detail", e.to_string()))?;
    rt.block_on(serve(opts))
}

async fn serve(opts: ServeOptions) -> Result<(), Diagnostic> {
    let listener = tokio::net::TcpListener::bind((opts.bind, opts.port))
        .await
        .map_err(|e| {
            Diagnostic::error("serve-listen")
                .arg("address", format!("{}:{}", opts.bind, opts.port))
                .arg("detail", e.to_string())
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Diagnostic::error("serve-address").arg("detail", e.to_string()))?;
    let bopts = build_options(&opts, addr);
    let t = ToolText::new(opts.lang);
    let (pipeline, served) = first_build(&bopts, &t);
    (opts.return_freed)();
    let served = Arc::new(RwLock::new(served));
    let (notices, _) = broadcast::channel(16);
    let state = AppState {
        served: served.clone(),
        notices: notices.clone(),
        broken_page: overlay::broken_page(&t).into(),
    };

    let (tx, rx) = mpsc::channel::<Vec<PathBuf>>(16);
    let watcher = watch::start(&opts.root, tx).map_err(|e| {
        Diagnostic::error("serve-watch")
            .arg("folder", opts.root.display())
            .arg("detail", e.to_string())
    })?;
    let rebuilder = Rebuilder::new(pipeline, bopts, served, notices, opts.lang)
        .returning_freed(opts.return_freed);
    // Rebuild on every batch of changes, one at a time, on a blocking thread
    // that owns the pipeline (loaded content, templates, rendered pages).
    std::thread::spawn(move || rebuilder.run(rx));

    let url = format!("http://{addr}/");
    println!("{}", t.get(&Msg::new("serve-serving").arg("url", &url)));
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    if opts.open {
        open_browser(&url, &t);
    }
    let app = http::router(state, addr);
    let stopping = t.say("serve-stopping", &[]);
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            let _ = tokio::signal::ctrl_c().await;
            eprintln!("{stopping}");
        })
        .await
        .map_err(|e| Diagnostic::error("serve-error").arg("detail", e.to_string()))?;
    drop(watcher);
    Ok(())
}

/// The first build: if it fails, the problems are served until they are fixed.
fn first_build(bopts: &BuildOptions, t: &ToolText) -> (Option<Pipeline>, Served) {
    let started = Instant::now();
    match build_packed(bopts) {
        Ok((pipeline, files, warnings)) => {
            eprint!("{}", warnings.render_in(t));
            let m = Msg::new("serve-built")
                .arg("files", files.len())
                .arg("ms", started.elapsed().as_millis());
            eprintln!("{}", t.get(&m));
            let served = Served {
                files: Arc::new(files),
                errors: None,
            };
            (Some(pipeline), served)
        }
        Err(ds) => {
            eprint!("{}", ds.render_in(t));
            eprintln!("{}", t.say("serve-site-has-errors", &[]));
            let served = Served {
                files: Arc::new(PackedFiles::new()),
                errors: Some(overlay::json(&ds, t)),
            };
            (None, served)
        }
    }
}

/// What the rebuild loop waits for.
enum Event {
    /// A batch of changed paths.
    Paths(Vec<PathBuf>),
    /// A settling finished, started after the update of that generation
    /// (boxed: it holds the reader files, the other events a path list).
    Settled(u64, Box<Settled>),
    /// The watcher stopped.
    Closed,
}

/// The rebuild loop's state: the pipeline of the last good build (if any)
/// and what it shares with the server.
struct Rebuilder {
    pipeline: Option<Pipeline>,
    bopts: BuildOptions,
    served: Arc<RwLock<Served>>,
    notices: broadcast::Sender<Notice>,
    lang: Lang,
    /// Updates applied so far: a settling started before the last one is stale.
    generation: u64,
    /// Whether a settling runs (on its own thread).
    settling: bool,
    /// Where settlings report, and the loop's own events arrive.
    events: std::sync::mpsc::Sender<Event>,
    inbox: std::sync::mpsc::Receiver<Event>,
    /// See [`ServeOptions::return_freed`].
    return_freed: fn(),
}

impl Rebuilder {
    fn new(
        pipeline: Option<Pipeline>,
        bopts: BuildOptions,
        served: Arc<RwLock<Served>>,
        notices: broadcast::Sender<Notice>,
        lang: Lang,
    ) -> Rebuilder {
        let (events, inbox) = std::sync::mpsc::channel();
        Rebuilder {
            pipeline,
            bopts,
            served,
            notices,
            lang,
            generation: 0,
            settling: false,
            events,
            inbox,
            return_freed: || {},
        }
    }

    /// With `f` called after each update and settling ([`ServeOptions::return_freed`]).
    fn returning_freed(self, f: fn()) -> Rebuilder {
        Rebuilder {
            return_freed: f,
            ..self
        }
    }

    /// Rebuilds after every batch of changed paths until the watcher stops.
    /// The files no page shows are produced on another thread meanwhile
    /// ([`Rebuilder::settle`]): a new edit does not wait for them.
    fn run(mut self, mut rx: mpsc::Receiver<Vec<PathBuf>>) {
        let forward = self.events.clone();
        std::thread::spawn(move || {
            while let Some(paths) = rx.blocking_recv() {
                if forward.send(Event::Paths(paths)).is_err() {
                    return;
                }
            }
            let _ = forward.send(Event::Closed);
        });
        // Made on this thread: the tool's text is not shared between threads.
        let t = ToolText::new(self.lang);
        while let Ok(event) = self.inbox.recv() {
            match event {
                Event::Paths(paths) => self.changed(&paths, &t),
                Event::Settled(generation, s) => self.settled(generation, *s),
                Event::Closed => return,
            }
        }
    }

    /// Rebuilds after a batch of changed paths, serves the result, and
    /// starts settling.
    fn changed(&mut self, paths: &[PathBuf], t: &ToolText) {
        let started = Instant::now();
        let result = rebuild(&mut self.pipeline, &self.bopts, paths);
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        match result {
            Ok((rebuilt, warnings, rendered)) => {
                self.generation += 1;
                eprint!("{}", warnings.render_in(t));
                let changed = self.serve_rebuilt(rebuilt);
                let shown =
                    changed.map_or_else(|| t.say("serve-all-files", &[]), |n| n.to_string());
                let m = Msg::new("serve-rebuilt")
                    .arg("paths", names.join(", "))
                    .arg("ms", started.elapsed().as_millis())
                    .arg("pages", rendered)
                    .arg("files", shown);
                eprintln!("{}", t.get(&m));
                // (The pages rendered, unpacked, and those replaced.)
                (self.return_freed)();
                self.settle();
            }
            Err(ds) => self.serve_errors(ds, t),
        }
    }

    /// Then the files no page shows (search indexes, service worker): on a
    /// thread of their own with a one-thread pool, so the next update keeps
    /// the shared pool. One settling at a time; a stale one's result is
    /// dropped when it arrives ([`Rebuilder::settled`]) and the next starts.
    fn settle(&mut self) {
        if self.settling {
            return;
        }
        let Some(job) = self.pipeline.as_ref().and_then(Pipeline::settling) else {
            return;
        };
        let job = job.returning_freed(self.return_freed);
        self.settling = true;
        let (generation, events) = (self.generation, self.events.clone());
        std::thread::spawn(move || {
            let settled = match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
                Ok(pool) => pool.install(|| job.run()),
                Err(_) => job.run(),
            };
            let _ = events.send(Event::Settled(generation, Box::new(settled)));
        });
    }

    /// A settling finished: served if no update came since, else dropped;
    /// then the next settling, if one is due.
    fn settled(&mut self, generation: u64, s: Settled) {
        self.settling = false;
        match self.pipeline.as_mut() {
            Some(p) if generation == self.generation => apply(&self.served, p.settled(s)),
            // (Dropped before the memory is given back.)
            _ => drop(s),
        }
        (self.return_freed)();
        self.settle();
    }

    /// Serves a good rebuild and tells the browser to reload if anything
    /// shows; returns how many files changed (`None`: all).
    fn serve_rebuilt(&self, rebuilt: Rebuilt) -> Option<usize> {
        let (changed, had_errors) = {
            let mut s = self.served.write().unwrap_or_else(|e| e.into_inner());
            let changed = match rebuilt {
                Rebuilt::Changes(changes) => {
                    let n = changes.len();
                    patch(&mut s, changes);
                    Some(n)
                }
                Rebuilt::All(files) => {
                    s.files = Arc::new(files);
                    None
                }
            };
            (changed, s.errors.take().is_some())
        };
        // Nothing to show (a temporary file came and went): no reload,
        // unless an error overlay is to be cleared.
        if changed != Some(0) || had_errors {
            let _ = self.notices.send(Notice::Reload);
        }
        changed
    }

    /// A failed rebuild: the last good build stays; the browser shows the problems.
    fn serve_errors(&self, ds: Diagnostics, t: &ToolText) {
        eprint!("{}", ds.render_in(t));
        eprintln!("{}", t.say("serve-still-serving", &[]));
        let json = overlay::json(&ds, t);
        self.served
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .errors = Some(json.clone());
        let _ = self.notices.send(Notice::Errors(json));
    }
}

fn open_browser(url: &str, t: &ToolText) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(cmd).arg(url).spawn().is_err() {
        eprintln!("{}", t.get(&Msg::new("serve-open").arg("url", url)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::example_copy;

    fn edit(root: &std::path::Path, rel: &str, from: &str, to: &str) {
        let path = root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    /// An edit made while the previous edit's settling runs is served at
    /// once: its update does not wait for the settling, whose (then stale)
    /// result is dropped; the next settling brings everything to what a
    /// fresh build makes.
    #[test]
    fn an_edit_during_settling_is_served_without_waiting_for_it() {
        let dir = example_copy();
        let mut bopts = BuildOptions::new(dir.path());
        bopts.now = Some("2026-11-22T00:00:00Z".parse().unwrap());
        let (pipeline, files, _) = build_packed(&bopts).unwrap();
        let served = Arc::new(RwLock::new(Served {
            files: Arc::new(files),
            errors: None,
        }));
        let (notices, _) = broadcast::channel(16);
        let mut r = Rebuilder::new(
            Some(pipeline),
            bopts.clone(),
            served.clone(),
            notices,
            Lang::En,
        );
        let t = ToolText::new(Lang::En);
        let offer = "content/offers/sprachcafe-ingelheim.md";
        let paths = [PathBuf::from(offer)];
        // A body edit: its page is served, the search index settles on another thread.
        edit(dir.path(), offer, "\n+++\n", "\n+++\nErstens.\n");
        r.changed(&paths, &t);
        assert!(r.settling, "the first edit's settling runs");
        // A second edit arrives: served before the settling is looked at.
        edit(dir.path(), offer, "Erstens.", "Zweitens.");
        r.changed(&paths, &t);
        let page = |s: &RwLock<Served>| {
            let files = s.read().unwrap().files.clone();
            String::from_utf8_lossy(&files["de/offers/sprachcafe-ingelheim/index.html"].unpack())
                .into_owned()
        };
        assert!(page(&served).contains("Zweitens."));
        assert!(r.settling, "still the first settling, not waited for");
        // The first settling reports: stale, dropped; the second one is applied.
        let mut stale_seen = false;
        while r.settling {
            match r.inbox.recv().unwrap() {
                Event::Settled(generation, s) => {
                    stale_seen |= generation < r.generation;
                    r.settled(generation, *s);
                }
                _ => panic!("only settlings report here"),
            }
        }
        assert!(stale_seen, "the first settling was stale");
        let (fresh, _) = crate::build::render_site(&bopts).unwrap();
        let now = served.read().unwrap().files.clone();
        let differ: Vec<&String> = fresh
            .iter()
            .filter(|(k, v)| now.get(*k).map(Packed::unpack).as_ref() != Some(*v))
            .map(|(k, _)| k)
            .collect();
        assert!(differ.is_empty(), "not a fresh build's: {differ:?}");
        assert_eq!(now.len(), fresh.len());
    }
}
