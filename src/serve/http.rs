//! The preview server: serves the last good build from memory, streams
//! reload and error events, and shows an error overlay in the browser.

use std::convert::Infallible;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Response, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use futures_util::stream::{self, Stream};
use tokio::sync::broadcast;

use crate::output::{Packed, PackedFiles};

/// What the browser is told.
#[derive(Debug, Clone)]
pub enum Notice {
    /// A new build is served: reload.
    Reload,
    /// The last rebuild failed; the JSON list of diagnostics.
    Errors(String),
}

/// The state shared by the server and the rebuild loop.
pub struct Served {
    /// Files of the last good build (as the pipeline holds them: shared).
    pub files: Arc<PackedFiles>,
    /// Diagnostics of the last failed rebuild (JSON), cleared by a good one.
    pub errors: Option<String>,
}

#[derive(Clone)]
pub struct AppState {
    pub served: Arc<RwLock<Served>>,
    pub notices: broadcast::Sender<Notice>,
    /// Every page while the first build has failed, in the tool's
    /// language ([`super::overlay::broken_page`]).
    pub broken_page: Arc<str>,
}

/// The `Host` names a request may carry. A server bound to loopback answers
/// only to loopback names: a page on another site that points its own name
/// at 127.0.0.1 (DNS rebinding) would otherwise read the preview.
#[derive(Clone, Debug)]
pub struct HostPolicy {
    /// `None`: any host (the server was bound to a non-loopback address on purpose).
    allowed: Option<Vec<String>>,
}

impl HostPolicy {
    /// The policy for a server listening on `addr`.
    pub fn for_address(addr: std::net::SocketAddr) -> HostPolicy {
        if !addr.ip().is_loopback() {
            return HostPolicy { allowed: None };
        }
        let port = addr.port();
        let mut allowed = Vec::new();
        for name in ["localhost", "127.0.0.1", "[::1]"] {
            allowed.push(name.to_string());
            allowed.push(format!("{name}:{port}"));
        }
        // The address itself (e.g. 127.0.0.2 when bound there).
        let own = match addr {
            std::net::SocketAddr::V4(a) => a.ip().to_string(),
            std::net::SocketAddr::V6(a) => format!("[{}]", a.ip()),
        };
        allowed.push(format!("{own}:{port}"));
        allowed.push(own);
        HostPolicy {
            allowed: Some(allowed),
        }
    }

    /// Whether a request with these headers may be answered.
    pub fn allows(&self, headers: &HeaderMap) -> bool {
        let Some(allowed) = &self.allowed else {
            return true;
        };
        // HTTP/1.1 requires Host; a request without one is refused too.
        let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
            return false;
        };
        let host = host.trim().to_ascii_lowercase();
        allowed.contains(&host)
    }
}

/// Script added to every HTML page in serve mode (never in `build` output).
const LIVE_JS: &str = include_str!("live.js");
const INJECT: &str = "<script src=\"/__wegweiser/live.js\"></script>";

/// The preview's routes, behind the `Host` check for `addr`.
pub fn router(state: AppState, addr: std::net::SocketAddr) -> Router {
    let policy = HostPolicy::for_address(addr);
    Router::new()
        .route("/__wegweiser/live.js", get(live_js))
        .route("/__wegweiser/events", get(events))
        .fallback(get(file))
        .with_state(state)
        .layer(axum::middleware::from_fn(
            move |req: axum::extract::Request, next: axum::middleware::Next| {
                let allowed = policy.allows(req.headers());
                async move {
                    if allowed {
                        next.run(req).await
                    } else {
                        respond(
                            StatusCode::MISDIRECTED_REQUEST,
                            "421.txt",
                            b"421: this preview answers only to localhost\n",
                        )
                    }
                }
            },
        ))
}

async fn live_js() -> Response<Body> {
    let mut r = Response::new(Body::from(LIVE_JS));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    r
}

async fn events(
    State(state): State<AppState>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    // First the current state, then every notice as it comes.
    let first = {
        let s = state.served.read().unwrap_or_else(|e| e.into_inner());
        match &s.errors {
            Some(json) => Event::default().event("errors").data(json.clone()),
            None => Event::default().event("ok").data(""),
        }
    };
    let rx = state.notices.subscribe();
    let rest = stream::unfold(rx, |mut rx| async move {
        let event = match rx.recv().await {
            Ok(Notice::Reload) => Event::default().event("reload").data(""),
            Ok(Notice::Errors(json)) => Event::default().event("errors").data(json),
            // A slow tab missed notices: the newest state is what counts.
            Err(broadcast::error::RecvError::Lagged(_)) => {
                Event::default().event("reload").data("")
            }
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((Ok(event), rx))
    });
    let first = stream::once(async move { Ok(first) });
    Sse::new(futures_util::StreamExt::chain(first, rest)).keep_alive(KeepAlive::default())
}

/// Maps a request path to a key of the output files. `None` for paths that
/// try to leave the site (`..`, encoded or not, backslashes, NUL).
pub fn key_for(path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => parts.push(s),
        }
    }
    let mut key = parts.join("/");
    if decoded.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

fn content_type(key: &str) -> &'static str {
    match key.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "vcf" => "text/vcard; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        _ => mime_guess::from_path(key)
            .first_raw()
            .unwrap_or("application/octet-stream"),
    }
}

fn respond(status: StatusCode, key: &str, bytes: &[u8]) -> Response<Body> {
    respond_with(status, key, bytes.to_vec())
}

/// [`respond`] with a file of the site (unpacked here, with room for the
/// live-reload script).
fn respond_file(status: StatusCode, key: &str, file: &Packed) -> Response<Body> {
    respond_with(status, key, file.to_vec(INJECT.len()))
}

/// The response with `body` (an HTML page gets the live-reload script).
fn respond_with(status: StatusCode, key: &str, mut body: Vec<u8>) -> Response<Body> {
    if key.ends_with(".html") {
        body.extend_from_slice(INJECT.as_bytes());
    }
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(key)),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    r
}

/// One byte range of a `Range` header, resolved against a body of `len` bytes.
#[derive(Debug, PartialEq, Eq)]
pub enum ByteRange {
    /// No usable `Range` (absent, not bytes, several ranges): the whole body.
    Whole,
    /// Bytes `start..end` (end exclusive).
    Part(usize, usize),
    /// A range outside the body: 416.
    Unsatisfiable,
}

/// Parses `bytes=a-b`, `bytes=a-` and `bytes=-n` (RFC 9110 §14.1.2). A list
/// of several ranges is answered with the whole body, as the RFC allows.
pub fn byte_range(header: Option<&str>, len: usize) -> ByteRange {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return ByteRange::Whole;
    };
    if spec.contains(',') {
        return ByteRange::Whole;
    }
    let Some((a, b)) = spec.split_once('-') else {
        return ByteRange::Whole;
    };
    let (a, b) = (a.trim(), b.trim());
    let num = |s: &str| s.parse::<usize>().ok();
    let (start, end) = match (a.is_empty(), b.is_empty()) {
        // Suffix: the last n bytes.
        (true, false) => match num(b) {
            Some(0) => return ByteRange::Unsatisfiable,
            Some(n) => (len.saturating_sub(n), len),
            None => return ByteRange::Whole,
        },
        (false, true) => match num(a) {
            Some(s) => (s, len),
            None => return ByteRange::Whole,
        },
        (false, false) => match (num(a), num(b)) {
            (Some(s), Some(e)) if s <= e => (s, e.saturating_add(1).min(len)),
            _ => return ByteRange::Whole,
        },
        (true, true) => return ByteRange::Whole,
    };
    if start >= len {
        ByteRange::Unsatisfiable
    } else {
        ByteRange::Part(start, end)
    }
}

/// Answers a `Range` request on a finished response: 206 with the part, or
/// 416 for a range outside the body. Error pages are never cut.
async fn with_range(range: Option<String>, r: Response<Body>) -> Response<Body> {
    if r.status() != StatusCode::OK {
        return r;
    }
    let (mut parts, body) = r.into_parts();
    parts
        .headers
        .insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    // The body is in memory already (served from the build's map).
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let len = bytes.len();
    match byte_range(range.as_deref(), len) {
        ByteRange::Whole => Response::from_parts(parts, Body::from(bytes)),
        ByteRange::Part(start, end) => {
            parts.status = StatusCode::PARTIAL_CONTENT;
            if let Ok(v) = HeaderValue::from_str(&format!("bytes {start}-{}/{len}", end - 1)) {
                parts.headers.insert(header::CONTENT_RANGE, v);
            }
            Response::from_parts(parts, Body::from(bytes.slice(start..end)))
        }
        ByteRange::Unsatisfiable => {
            parts.status = StatusCode::RANGE_NOT_SATISFIABLE;
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{len}")) {
                parts.headers.insert(header::CONTENT_RANGE, v);
            }
            Response::from_parts(parts, Body::empty())
        }
    }
}

async fn file(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response<Body> {
    let range = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    with_range(range, serve_file(&state, &uri)).await
}

fn serve_file(state: &AppState, uri: &Uri) -> Response<Body> {
    let Some(key) = key_for(uri.path()) else {
        return respond(
            StatusCode::FORBIDDEN,
            "403.txt",
            b"403 forbidden: outside the site\n",
        );
    };
    let (files, broken) = {
        let s = state.served.read().unwrap_or_else(|e| e.into_inner());
        (s.files.clone(), s.files.is_empty() && s.errors.is_some())
    };
    // No good build yet: every page is the overlay page.
    if broken && (key.ends_with(".html") || !key.rsplit('/').next().unwrap_or("").contains('.')) {
        return respond(
            StatusCode::SERVICE_UNAVAILABLE,
            "index.html",
            state.broken_page.as_bytes(),
        );
    }
    if let Some(file) = files.get(&key) {
        return respond_file(StatusCode::OK, &key, file);
    }
    // `/de/offers` → `/de/offers/`, as static hosts do.
    if files.contains_key(&crate::routes::index_file_of(&key)) {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::MOVED_PERMANENTLY;
        if let Ok(v) = HeaderValue::from_str(&crate::routes::as_folder(uri.path())) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        return r;
    }
    // The 404 page of the language the path is in, else the root one.
    let lang = key.split('/').next().unwrap_or("");
    let page = files
        .get(&crate::routes::file_for(&crate::routes::not_found(lang)))
        .or_else(|| files.get(&crate::routes::file_for(crate::routes::ROOT_NOT_FOUND)));
    match page {
        Some(b) => respond_file(StatusCode::NOT_FOUND, "404.html", b),
        None => respond(StatusCode::NOT_FOUND, "404.txt", b"404 not found\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::{ByteRange, HostPolicy, byte_range, key_for};
    use axum::http::{HeaderMap, HeaderValue, header};

    #[test]
    fn ranges() {
        assert_eq!(byte_range(None, 10), ByteRange::Whole);
        assert_eq!(byte_range(Some("bytes=0-3"), 10), ByteRange::Part(0, 4));
        assert_eq!(byte_range(Some("bytes=5-"), 10), ByteRange::Part(5, 10));
        assert_eq!(byte_range(Some("bytes=-3"), 10), ByteRange::Part(7, 10));
        assert_eq!(byte_range(Some("bytes=-30"), 10), ByteRange::Part(0, 10));
        assert_eq!(byte_range(Some("bytes=8-100"), 10), ByteRange::Part(8, 10));
        assert_eq!(byte_range(Some("bytes=10-"), 10), ByteRange::Unsatisfiable);
        assert_eq!(byte_range(Some("bytes=-0"), 10), ByteRange::Unsatisfiable);
        assert_eq!(byte_range(Some("bytes=0-1,4-5"), 10), ByteRange::Whole);
        assert_eq!(byte_range(Some("items=0-1"), 10), ByteRange::Whole);
        assert_eq!(byte_range(Some("bytes=4-2"), 10), ByteRange::Whole);
    }

    #[test]
    fn loopback_answers_only_to_loopback_names() {
        let host = |h: &str| {
            let mut m = HeaderMap::new();
            m.insert(header::HOST, HeaderValue::from_str(h).unwrap());
            m
        };
        let local = HostPolicy::for_address("127.0.0.1:4000".parse().unwrap());
        for ok in [
            "127.0.0.1:4000",
            "localhost:4000",
            "LOCALHOST:4000",
            "[::1]:4000",
            "localhost",
        ] {
            assert!(local.allows(&host(ok)), "{ok}");
        }
        for bad in [
            "evil.example:4000",
            "evil.example",
            "127.0.0.1.evil.example:4000",
        ] {
            assert!(!local.allows(&host(bad)), "{bad}");
        }
        assert!(!local.allows(&HeaderMap::new()), "no Host at all");
        let open = HostPolicy::for_address("0.0.0.0:4000".parse().unwrap());
        assert!(open.allows(&host("my-laptop.lan:4000")));
    }

    #[test]
    fn keys_never_leave_the_site() {
        assert_eq!(key_for("/").as_deref(), Some("index.html"));
        assert_eq!(
            key_for("/de/offers/").as_deref(),
            Some("de/offers/index.html")
        );
        assert_eq!(
            key_for("/de/events/x.ics").as_deref(),
            Some("de/events/x.ics")
        );
        assert_eq!(key_for("/ar/%D8%B9/").as_deref(), Some("ar/ع/index.html"));
        for bad in [
            "/../site.toml",
            "/de/%2e%2e/%2e%2e/etc/passwd",
            "/de/..%2fsite.toml",
            "/a%5c..%5cb",
            "/%00",
        ] {
            assert_eq!(key_for(bad), None, "{bad}");
        }
    }
}
