//! `wegweiser serve` over real HTTP: live reload, the last good build kept
//! on bad input, error overlay data, path traversal refused.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::TestSite;

/// A running `wegweiser serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
    /// The server's terminal output (diagnostics, rebuild lines), shown when a test fails.
    log: std::path::PathBuf,
}

impl Server {
    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &TestSite) -> Server {
    start_in(site, "en")
}

/// The server speaking `lang` (de, en).
fn start_in(site: &TestSite, lang: &str) -> Server {
    let log = site.root.with_file_name("serve.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(["--lang", lang, "serve", "--port", "0", "--root"])
        .arg(&site.root)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let line = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("server did not start");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("unexpected first line: {line}"))
        .to_string();
    Server { child, addr, log }
}

/// `(status, body)` of a GET.
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Subscribes to the event stream; returns a receiver of event names with data.
fn events(addr: &str) -> mpsc::Receiver<(String, String)> {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET /__wegweiser/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut name = String::new();
        let mut data = String::new();
        for line in BufReader::new(s).lines().map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_string();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data.push_str(d);
                data.push('\n');
            } else if line.is_empty()
                && !name.is_empty()
                && tx
                    .send((std::mem::take(&mut name), std::mem::take(&mut data)))
                    .is_err()
            {
                return;
            }
        }
    });
    rx
}

fn next_event(server: &Server, rx: &mpsc::Receiver<(String, String)>, want: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        if let Ok((name, data)) = rx.recv_timeout(Duration::from_millis(200)) {
            if name == want {
                return data;
            }
            seen.push(format!("{name}: {}", data.trim()));
        }
    }
    panic!(
        "no `{want}` event within 30 s; other events: {seen:#?}\nserver output:\n{}",
        server.log()
    );
}

#[test]
fn edits_reload_bad_input_keeps_the_last_good_site() {
    let site = TestSite::fixture("site");
    let server = start(&site);
    let addr = server.addr.clone();
    let (status, page) = get(&addr, "/de/offers/sprachcafe/");
    assert_eq!(status, 200);
    assert!(
        page.contains("Sprachcafé") && page.contains("/__wegweiser/live.js"),
        "reload script injected"
    );
    let (_, untouched_before) = get(&addr, "/de/impressum/");

    let rx = events(&addr);
    next_event(&server, &rx, "ok");

    // An edit: reload, new text served, unrelated page byte-identical.
    site.edit(
        "content/offers/sprachcafe.md",
        "Kommen Sie vorbei.",
        "Kommen Sie gerne vorbei.",
    );
    next_event(&server, &rx, "reload");
    assert!(
        get(&addr, "/de/offers/sprachcafe/")
            .1
            .contains("Kommen Sie gerne vorbei.")
    );
    assert_eq!(get(&addr, "/de/impressum/").1, untouched_before);

    // Broken front matter: errors with file and line, the last good page stays.
    site.edit(
        "content/offers/sprachcafe.md",
        "title = \"Sprachcafé\"",
        "titel = \"Sprachcafé\"",
    );
    let errors = next_event(&server, &rx, "errors");
    let overlay: serde_json::Value = serde_json::from_str(&errors).unwrap();
    let list = &overlay["problems"];
    assert_eq!(list[0]["file"], "content/offers/sprachcafe.md");
    assert_eq!(list[0]["line"], 2);
    assert!(
        list[0]["rendered"]
            .as_str()
            .unwrap()
            .contains("did you mean `title`")
    );
    let (status, page) = get(&addr, "/de/offers/sprachcafe/");
    assert_eq!(status, 200);
    assert!(
        page.contains("Kommen Sie gerne vorbei."),
        "last good version still served"
    );

    // Binary junk and an empty file: still alive, still errors.
    site.write("content/offers/junk.md", "\u{0}\u{1}\u{2}");
    std::fs::write(site.root.join("content/offers/junk.md"), [0xff, 0xfe, 0x00]).unwrap();
    next_event(&server, &rx, "errors");
    site.write("content/offers/leer.md", "");
    next_event(&server, &rx, "errors");
    assert_eq!(get(&addr, "/de/").0, 200);

    // Fixing everything clears the errors and reloads.
    site.remove("content/offers/junk.md");
    site.remove("content/offers/leer.md");
    site.edit(
        "content/offers/sprachcafe.md",
        "titel = \"Sprachcafé\"",
        "title = \"Sprachcafé\"",
    );
    next_event(&server, &rx, "reload");

    // A new offer appears, in every language and in the list.
    site.write(
        "content/offers/neu.md",
        "+++\ntitle = \"Neues Angebot\"\ntopics = [\"sprache\"]\n+++\nNeu.\n",
    );
    next_event(&server, &rx, "reload");
    assert_eq!(get(&addr, "/ar/offers/neu/").0, 200);
    assert!(get(&addr, "/de/offers/").1.contains("Neues Angebot"));
    assert!(
        get(&addr, "/de/topics/sprache/")
            .1
            .contains("Neues Angebot")
    );

    // Renamed the way editors' tools save (write elsewhere, rename over): still seen.
    site.write(
        "content/offers/neu.md.tmp",
        "+++\ntitle = \"Umbenannt\"\n+++\nNeu.\n",
    );
    std::fs::rename(
        site.root.join("content/offers/neu.md.tmp"),
        site.root.join("content/offers/neu.md"),
    )
    .unwrap();
    next_event(&server, &rx, "reload");
    assert!(get(&addr, "/de/offers/neu/").1.contains("Umbenannt"));

    // Deleted: the page is gone (404), the list no longer shows it.
    site.remove("content/offers/neu.md");
    next_event(&server, &rx, "reload");
    assert_eq!(get(&addr, "/de/offers/neu/").0, 404);
    assert!(!get(&addr, "/de/offers/").1.contains("Umbenannt"));
}

#[test]
fn serves_only_the_site_with_the_right_types() {
    let site = TestSite::fixture("site");
    let server = start(&site);
    let addr = server.addr.clone();
    for bad in [
        "/../site.toml",
        "/de/%2e%2e/%2e%2e/site.toml",
        "/de/..%2f..%2fcontent/offers/sprachcafe.md",
        "/%2e%2e%5csite.toml",
    ] {
        let (status, body) = get(&addr, bad);
        assert!(status == 403 || status == 404, "{bad}: {status}");
        assert!(!body.contains("base_url"), "{bad} leaked site.toml");
    }
    // Source files are never served, only the output.
    assert_eq!(get(&addr, "/locales/de/main.ftl").0, 404);
    assert_eq!(get(&addr, "/content/offers/sprachcafe.md").0, 404);
    let types = |path: &str| {
        let mut s = TcpStream::connect(&addr).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut head = String::new();
        BufReader::new(s).read_line(&mut head).unwrap();
        let mut all = String::new();
        let mut s2 = TcpStream::connect(&addr).unwrap();
        write!(
            s2,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        s2.read_to_string(&mut all).unwrap();
        all.lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-type:"))
            .unwrap_or("")
            .to_string()
    };
    assert!(types("/de/events/markt.ics").contains("text/calendar"));
    assert!(types("/de/contacts/buero.vcf").contains("text/vcard"));
    assert!(types("/de/").contains("text/html"));
    assert!(types("/static/style.css").contains("text/css"));
    // The built site on disk (if any) has no reload script: only serve injects it.
    site.build_ok();
    assert!(!site.read("de/index.html").contains("live.js"));
}

/// Status line and headers (lower-case names) and body of a raw request.
fn request(addr: &str, head: &str) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "{head}Connection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, head, raw[split + 4..].to_vec())
}

#[test]
fn range_requests_and_foreign_hosts() {
    let site = TestSite::fixture("site");
    let server = start(&site);
    let addr = server.addr.clone();
    let path = "/de/offers/sprachcafe/";
    let (status, head, whole) = request(&addr, &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n"));
    assert_eq!(status, 200);
    assert!(head.contains("accept-ranges: bytes"), "{head}");

    let (status, head, part) = request(
        &addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nRange: bytes=5-14\r\n"),
    );
    assert_eq!(status, 206, "{head}");
    assert_eq!(part, whole[5..15]);
    assert!(
        head.contains(&format!("content-range: bytes 5-14/{}", whole.len())),
        "{head}"
    );
    let (status, head, _) = request(
        &addr,
        &format!(
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nRange: bytes={}-\r\n",
            whole.len()
        ),
    );
    assert_eq!(status, 416, "{head}");
    assert!(head.contains(&format!("content-range: bytes */{}", whole.len())));

    // DNS rebinding: a foreign name that resolves to loopback is refused.
    for host in [
        "evil.example",
        &format!("evil.example:{}", addr.rsplit(':').next().unwrap()),
    ] {
        let (status, _, body) = request(&addr, &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n"));
        assert_eq!(status, 421, "{host}");
        assert!(!String::from_utf8_lossy(&body).contains("Sprachcafé"));
    }
    let (status, _, _) = request(
        &addr,
        "GET /__wegweiser/events HTTP/1.1\r\nHost: evil.example\r\n",
    );
    assert_eq!(status, 421, "the event stream is refused too");
    let port = addr.rsplit(':').next().unwrap();
    let (status, _, _) = request(
        &addr,
        &format!("GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\n"),
    );
    assert_eq!(status, 200);
}

#[test]
fn a_site_broken_at_start_shows_the_overlay_and_reloads_when_fixed() {
    let site = TestSite::fixture("site");
    site.edit("content/offers/sprachcafe.md", "title =", "titel =");
    let server = start(&site);
    let addr = server.addr.clone();
    let (status, page) = get(&addr, "/de/offers/sprachcafe/");
    assert_eq!(status, 503, "{page}");
    assert!(
        page.contains("<script src=\"/__wegweiser/live.js\"></script>"),
        "the page loads the overlay script: {page}"
    );
    let rx = events(&addr);
    let errors = next_event(&server, &rx, "errors");
    assert!(errors.contains("content/offers/sprachcafe.md"), "{errors}");

    site.edit("content/offers/sprachcafe.md", "titel =", "title =");
    next_event(&server, &rx, "reload");
    let (status, page) = get(&addr, "/de/offers/sprachcafe/");
    assert_eq!(status, 200, "{}", server.log());
    assert!(page.contains("Sprachcafé"), "{page}");
}

/// The overlay's own words (title, error/warning, place, button) come from
/// the server in the tool's language, as do the problems and the page shown
/// while the first build has failed.
#[test]
fn the_overlay_speaks_the_tools_language() {
    for lang in ["de", "en"] {
        let site = TestSite::fixture("site");
        site.edit("content/offers/sprachcafe.md", "title =", "titel =");
        let server = start_in(&site, lang);
        let addr = server.addr.clone();
        let (status, page) = get(&addr, "/de/offers/sprachcafe/");
        assert_eq!(status, 503, "{page}");
        let rx = events(&addr);
        let errors = next_event(&server, &rx, "errors");
        let overlay: serde_json::Value = serde_json::from_str(&errors).unwrap();
        assert_eq!(overlay["labels"]["lang"], lang);
        let problem = &overlay["problems"][0];
        let code = problem["code"].as_str().unwrap_or_default();
        assert!(code.starts_with("unknown-field"), "{errors}");
        let shown = format!(
            "{}\n\nmessage: {}\n\npage: {}",
            serde_json::to_string_pretty(&overlay["labels"]).unwrap(),
            problem["message"].as_str().unwrap(),
            page.split("<body>")
                .nth(1)
                .unwrap_or(&page)
                .split("<script")
                .next()
                .unwrap()
        );
        insta::assert_snapshot!(format!("overlay_{lang}"), shown);
    }
}
