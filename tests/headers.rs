//! `_headers`, the response headers a static host (Netlify, Cloudflare
//! Pages) applies: parsed as such a host does, and checked for every file
//! the build writes — the readers' strict Content-Security-Policy on every
//! page, the editor's policy on `/admin/` only, no framing anywhere, and
//! the calendar and contact-card types.

mod common;

use std::collections::BTreeMap;

use common::TestSite;

/// One rule of `_headers`: a path pattern and its headers.
#[derive(Debug)]
struct Rule {
    pattern: String,
    headers: Vec<(String, String)>,
}

/// Parses `_headers`: a line starting with `/` opens a rule, the indented
/// `Name: value` lines below it are its headers. Anything else is an error.
fn parse(text: &str) -> Vec<Rule> {
    let mut rules: Vec<Rule> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if line.starts_with('/') {
            assert!(
                !line.contains(char::is_whitespace),
                "line {n}: a path pattern has no spaces: {line:?}"
            );
            rules.push(Rule {
                pattern: line.to_string(),
                headers: Vec::new(),
            });
        } else {
            assert!(
                line.starts_with("  "),
                "line {n}: neither a path nor an indented header: {line:?}"
            );
            let (name, value) = line
                .trim()
                .split_once(": ")
                .unwrap_or_else(|| panic!("line {n}: not `Name: value`: {line:?}"));
            let rule = rules
                .last_mut()
                .unwrap_or_else(|| panic!("line {n}: a header before the first path"));
            rule.headers.push((name.to_string(), value.to_string()));
        }
    }
    for r in &rules {
        assert!(!r.headers.is_empty(), "{} has no headers", r.pattern);
    }
    rules
}

/// Whether `pattern` matches the request path `path`: `*` matches any
/// characters, `/` included (the splat of Netlify and Cloudflare Pages).
fn matches(pattern: &str, path: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == path,
        Some((head, tail)) => {
            path.len() >= head.len()
                && path.starts_with(head)
                && (0..=path.len() - head.len()).any(|i| {
                    path.is_char_boundary(head.len() + i) && matches(tail, &path[head.len() + i..])
                })
        }
    }
}

/// All headers a request for `path` gets: hosts combine every matching rule.
fn headers_for(rules: &[Rule], path: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in rules.iter().filter(|r| matches(&r.pattern, path)) {
        for (k, v) in &r.headers {
            out.entry(k.to_ascii_lowercase())
                .or_default()
                .push(v.clone());
        }
    }
    out
}

/// A Content-Security-Policy as directive → sources.
fn csp(policy: &str) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for directive in policy.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        let mut words = directive.split_whitespace();
        let name = words.next().unwrap().to_string();
        let sources: Vec<String> = words.map(str::to_string).collect();
        assert!(
            out.insert(name.clone(), sources).is_none(),
            "{name} twice in {policy}"
        );
    }
    out
}

/// The request paths under which a reader's browser asks for a file:
/// `/de/offers/x/` as well as `/de/offers/x/index.html`.
fn request_paths(file: &str) -> Vec<String> {
    let mut paths = vec![format!("/{file}")];
    if let Some(dir) = file.strip_suffix("index.html") {
        paths.push(format!("/{dir}"));
    }
    paths
}

fn one<'a>(h: &'a BTreeMap<String, Vec<String>>, name: &str, path: &str) -> &'a str {
    match h.get(name).map(Vec::as_slice) {
        Some([v]) => v,
        other => panic!("{path}: expected one {name}, got {other:?}"),
    }
}

#[test]
fn matching_follows_the_hosts_splat() {
    assert!(matches("/*", "/"));
    assert!(matches("/*", "/de/offers/x/"));
    assert!(matches("/de/*", "/de/offers/x/index.html"));
    assert!(!matches("/de/*", "/den/"));
    assert!(!matches("/de/*", "/ls/"));
    assert!(matches("/*.ics", "/de/events/x.ics"));
    assert!(!matches("/*.ics", "/de/events/x.ics.html"));
    assert!(matches("/", "/"));
    assert!(!matches("/", "/index.html"));
}

use sha2::Digest;

/// Standard base64 with padding, as CSP hashes are written.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn every_file_gets_the_headers_it_needs() {
    let site = TestSite::example();
    // The editor UI as `wegweiser cms` writes it (static/admin → /admin/).
    wegweiser::cms::write(
        &site.root,
        std::path::Path::new("static/admin"),
        &wegweiser::cms::Backend {
            name: "github".into(),
            repo: "office/guide".into(),
            branch: "main".into(),
        },
    )
    .unwrap_or_else(|ds| panic!("{}", ds.render()));
    // The CMS's own script, as scripts/install-editor places it (a build
    // refuses an admin page whose script is missing).
    std::fs::write(
        site.root.join("static/admin").join(wegweiser::cms::SCRIPT),
        "/* Sveltia CMS */\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    site.build_ok();
    let rules = parse(&site.read("_headers"));
    let files = site.files();
    assert!(
        files.contains_key("admin/index.html"),
        "the editor UI is built"
    );

    let reader_policy = wegweiser::output::headers::CSP;
    let admin_policy = wegweiser::output::headers::ADMIN_CSP;
    let mut counts = BTreeMap::<&str, usize>::new();
    for file in files.keys() {
        let is_admin = file.starts_with("admin/");
        for path in request_paths(file) {
            let h = headers_for(&rules, &path);
            // Every response, the editor's included.
            assert_eq!(one(&h, "x-frame-options", &path), "DENY");
            assert_eq!(one(&h, "x-content-type-options", &path), "nosniff");
            assert_eq!(one(&h, "referrer-policy", &path), "no-referrer");
            let permissions = one(&h, "permissions-policy", &path);
            for feature in ["camera=()", "microphone=()", "geolocation=()"] {
                assert!(permissions.contains(feature), "{path}: {permissions}");
            }
            // Exactly one policy on every page: two would both apply.
            if file.ends_with(".html") {
                let policy = one(&h, "content-security-policy", &path);
                if is_admin {
                    assert_eq!(policy, admin_policy, "{path}");
                    *counts.entry("admin pages").or_default() += 1;
                } else {
                    assert_eq!(policy, reader_policy, "{path}");
                    *counts.entry("reader pages").or_default() += 1;
                }
            }
            let content_type = h.get("content-type").map(Vec::as_slice);
            if file.ends_with(".ics") {
                assert_eq!(
                    content_type,
                    Some(&["text/calendar; charset=utf-8".to_string()][..]),
                    "{path}"
                );
                *counts.entry("calendars").or_default() += 1;
            } else if file.ends_with(".vcf") {
                assert_eq!(
                    content_type,
                    Some(&["text/vcard; charset=utf-8".to_string()][..]),
                    "{path}"
                );
                *counts.entry("cards").or_default() += 1;
            } else if file.starts_with("api/v1/") && file.ends_with(".json") {
                assert_eq!(
                    content_type,
                    Some(&["application/json; charset=utf-8".to_string()][..]),
                    "{path}"
                );
                *counts.entry("api files").or_default() += 1;
            } else if file == "dcat.jsonld" {
                assert_eq!(
                    content_type,
                    Some(&["application/ld+json; charset=utf-8".to_string()][..]),
                    "{path}"
                );
            } else {
                assert_eq!(content_type, None, "{path}: the host's own type");
            }
            // Other sites' scripts may read the open-data API, and nothing else.
            let cors = h.get("access-control-allow-origin").map(Vec::as_slice);
            if file.starts_with("api/") {
                assert_eq!(cors, Some(&["*".to_string()][..]), "{path}");
            } else {
                assert_eq!(cors, None, "{path}: CORS only on /api/");
            }
        }
    }
    // Pages (twice: file and folder address), calendars and cards were all seen.
    assert!(counts["reader pages"] > 1000, "{counts:?}");
    assert!(counts["api files"] > 300, "{counts:?}");
    assert_eq!(counts["admin pages"], 2, "{counts:?}");
    assert!(
        counts["calendars"] > 50 && counts["cards"] > 50,
        "{counts:?}"
    );

    // What the readers' policy allows: the site itself, nothing inline,
    // nothing from elsewhere, no framing, no plugins, no <base>.
    let r = csp(reader_policy);
    let own = |d: &str| r.get(d).map(Vec::as_slice) == Some(&["'self'".to_string()][..]);
    let none = |d: &str| r.get(d).map(Vec::as_slice) == Some(&["'none'".to_string()][..]);
    assert!(none("default-src") && none("frame-ancestors") && none("object-src"));
    assert!(none("base-uri"), "{r:?}");
    for d in [
        "script-src",
        "style-src",
        "img-src",
        "font-src",
        "connect-src",
        "manifest-src",
        "worker-src",
        "form-action",
    ] {
        assert!(own(d), "{d}: {:?}", r.get(d));
    }
    // The editor's policy: its own scripts and its page's one inline script
    // (the import map) by its hash, the Git host's API, no framing.
    let a = csp(admin_policy);
    let page = site.read("admin/index.html");
    let map = page
        .split("<script type=\"importmap\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .unwrap_or_else(|| panic!("no import map in {page}"));
    let hash = format!("'sha256-{}'", base64(&sha2::Sha256::digest(map)));
    assert_eq!(a["script-src"], ["'self'".to_string(), hash]);
    assert_eq!(a["frame-ancestors"], ["'none'"]);
    assert_eq!(a["object-src"], ["'none'"]);
    assert!(a["connect-src"].contains(&"https://api.github.com".to_string()));
    for (d, sources) in &a {
        assert!(
            !sources.contains(&"'unsafe-eval'".to_string()),
            "admin {d}: {sources:?}"
        );
        if d != "style-src" {
            assert!(
                !sources.contains(&"'unsafe-inline'".to_string()),
                "admin {d}: {sources:?}"
            );
        }
    }
}
