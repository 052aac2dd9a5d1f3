//! The preview server: serves the last good build from memory, streams
//! reload and error events, and shows an error overlay in the browser.

use std::convert::Infallible;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Response, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use futures_util::stream::{self, Stream};
use tokio::sync::broadcast;

use crate::output::OutputFiles;

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
    /// Files of the last good build.
    pub files: Arc<OutputFiles>,
    /// Diagnostics of the last failed rebuild (JSON), cleared by a good one.
    pub errors: Option<String>,
}

#[derive(Clone)]
pub struct AppState {
    pub served: Arc<RwLock<Served>>,
    pub notices: broadcast::Sender<Notice>,
}

/// Script added to every HTML page in serve mode (never in `build` output).
const LIVE_JS: &str = include_str!("live.js");
const INJECT: &str = "<script src=\"/__wegweiser/live.js\"></script>";

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/__wegweiser/live.js", get(live_js))
        .route("/__wegweiser/events", get(events))
        .fallback(get(file))
        .with_state(state)
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
    let body = if key.ends_with(".html") {
        let mut b = bytes.to_vec();
        b.extend_from_slice(INJECT.as_bytes());
        b
    } else {
        bytes.to_vec()
    };
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

async fn file(State(state): State<AppState>, uri: Uri) -> Response<Body> {
    let Some(key) = key_for(uri.path()) else {
        return respond(
            StatusCode::FORBIDDEN,
            "403.txt",
            b"403 forbidden: outside the site\n",
        );
    };
    let files = state
        .served
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .files
        .clone();
    if let Some(bytes) = files.get(&key) {
        return respond(StatusCode::OK, &key, bytes);
    }
    // `/de/offers` → `/de/offers/`, as static hosts do.
    if files.contains_key(&format!("{key}/index.html")) {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::MOVED_PERMANENTLY;
        if let Ok(v) = HeaderValue::from_str(&format!("{}/", uri.path())) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        return r;
    }
    // The 404 page of the language the path is in, else the root one.
    let lang = key.split('/').next().unwrap_or("");
    let page = files
        .get(&format!("{lang}/404.html"))
        .or_else(|| files.get("404.html"));
    match page {
        Some(b) => respond(StatusCode::NOT_FOUND, "404.html", b),
        None => respond(StatusCode::NOT_FOUND, "404.txt", b"404 not found\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::key_for;

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
