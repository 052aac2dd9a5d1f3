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

use crate::build::{BuildOptions, Change, Pipeline, build_in_memory};
use crate::diagnostics::Diagnostic;
use crate::diagnostics::Diagnostics;
use crate::output::OutputFiles;
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
    Changes(Vec<Change>),
    /// A whole new site (after a first build that had failed).
    All(OutputFiles),
}

/// Applies changes incrementally when a good pipeline exists, else builds from scratch.
fn rebuild(
    pipeline: &mut Option<Pipeline>,
    bopts: &BuildOptions,
    paths: &[PathBuf],
) -> Result<(Rebuilt, Diagnostics, usize), Diagnostics> {
    match pipeline {
        Some(p) => {
            let update = p.update(paths)?;
            Ok((
                Rebuilt::Changes(update.changes),
                update.warnings,
                update.rendered,
            ))
        }
        None => {
            let built = build_in_memory(bopts)?;
            let n = built.files.keys().filter(|k| k.ends_with(".html")).count();
            *pipeline = Some(built.pipeline);
            Ok((Rebuilt::All(built.files), built.warnings, n))
        }
    }
}

/// Applies changed files to the served site (copying the map only if a
/// request still holds the old one).
fn patch(served: &mut Served, changes: Vec<Change>) {
    let files = Arc::make_mut(&mut served.files);
    for (path, bytes) in changes {
        match bytes {
            Some(b) => files.insert(path, b),
            None => files.remove(&path),
        };
    }
}

fn apply(served: &RwLock<Served>, changes: Vec<Change>) {
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
    let rebuilder = Rebuilder {
        pipeline,
        bopts,
        served,
        notices,
        lang: opts.lang,
    };
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
    match build_in_memory(bopts) {
        Ok(built) => {
            eprint!("{}", built.warnings.render_in(t));
            let m = Msg::new("serve-built")
                .arg("files", built.files.len())
                .arg("ms", started.elapsed().as_millis());
            eprintln!("{}", t.get(&m));
            let served = Served {
                files: Arc::new(built.files),
                errors: None,
            };
            (Some(built.pipeline), served)
        }
        Err(ds) => {
            eprint!("{}", ds.render_in(t));
            eprintln!("{}", t.say("serve-site-has-errors", &[]));
            let served = Served {
                files: Arc::new(OutputFiles::new()),
                errors: Some(overlay::json(&ds, t)),
            };
            (None, served)
        }
    }
}

/// The rebuild loop's state: the pipeline of the last good build (if any)
/// and what it shares with the server.
struct Rebuilder {
    pipeline: Option<Pipeline>,
    bopts: BuildOptions,
    served: Arc<RwLock<Served>>,
    notices: broadcast::Sender<Notice>,
    lang: Lang,
}

impl Rebuilder {
    /// Rebuilds after every batch of changed paths until the watcher stops.
    fn run(mut self, mut rx: mpsc::Receiver<Vec<PathBuf>>) {
        // Made on this thread: the tool's text is not shared between threads.
        let t = ToolText::new(self.lang);
        while let Some(paths) = rx.blocking_recv() {
            let started = Instant::now();
            let result = rebuild(&mut self.pipeline, &self.bopts, &paths);
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            match result {
                Ok((rebuilt, warnings, rendered)) => {
                    eprint!("{}", warnings.render_in(&t));
                    let changed = self.serve_rebuilt(rebuilt);
                    let shown =
                        changed.map_or_else(|| t.say("serve-all-files", &[]), |n| n.to_string());
                    let m = Msg::new("serve-rebuilt")
                        .arg("paths", names.join(", "))
                        .arg("ms", started.elapsed().as_millis())
                        .arg("pages", rendered)
                        .arg("files", shown);
                    eprintln!("{}", t.get(&m));
                    self.settle(&t);
                }
                Err(ds) => self.serve_errors(ds, &t),
            }
        }
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

    /// Then the files no page shows (search index, service worker).
    fn settle(&mut self, t: &ToolText) {
        if let Some(p) = self.pipeline.as_mut() {
            match p.settle() {
                Ok(changes) => apply(&self.served, changes),
                Err(ds) => eprint!("{}", ds.render_in(t)),
            }
        }
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
