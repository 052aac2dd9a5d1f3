// A static server for the browser tests that serves a built site the way a
// static host does: `index.html` for a folder (and a redirect to the folder's
// address with a slash), `/404.html` with status 404 for anything unknown,
// and the response headers of the site's own `_headers` file (the syntax of
// Netlify and Cloudflare Pages: a path pattern, then indented `Name: value`
// lines; `*` matches any characters; every matching rule applies, so two
// policies would both be sent). Optionally below a path (`/guide`), as a
// site published below a path is served; outside that path there is nothing.
"use strict";
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ics": "text/calendar",
  ".vcf": "text/vcard",
  ".xml": "application/xml",
  ".atom": "application/atom+xml",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".yml": "text/yaml; charset=utf-8",
};

/** The rules of a `_headers` file: [{ pattern, headers: [[name, value]] }]. */
function parseHeaders(text) {
  const rules = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith("#")) return;
    if (line.startsWith("/")) {
      rules.push({ pattern: line.trim(), headers: [] });
      return;
    }
    const m = /^\s+([^:\s]+):\s*(.*)$/.exec(line);
    if (!m || rules.length === 0) throw new Error(`_headers line ${i + 1}: ${JSON.stringify(line)}`);
    rules[rules.length - 1].headers.push([m[1], m[2].trim()]);
  });
  return rules;
}

function matches(pattern, p) {
  const re = "^" + pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$";
  return new RegExp(re).test(p);
}

/** name → [values] of every rule that matches the request path `p`. */
function headersFor(rules, p) {
  const out = {};
  for (const r of rules) {
    if (!matches(r.pattern, p)) continue;
    for (const [k, v] of r.headers) (out[k] = out[k] || []).push(v);
  }
  return out;
}

/**
 * Serves `root` on a free loopback port. Options: `prefix` (e.g. "/guide"),
 * `headers` (apply the site's `_headers`; default true).
 * Resolves to { url, close(), requests } where `requests` lists the paths asked for.
 */
function serve({ root, prefix = "", headers = true }) {
  root = path.resolve(root);
  const rules = headers ? parseHeaders(fs.readFileSync(path.join(root, "_headers"), "utf8")) : [];
  const requests = [];
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let p;
    try {
      p = decodeURIComponent(url.pathname);
    } catch {
      p = url.pathname;
    }
    requests.push(p);
    const send = (status, file, extra = {}) => {
      const h = headersFor(rules, p);
      for (const [k, v] of Object.entries(h)) res.setHeader(k, v.length === 1 ? v[0] : v);
      for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
      if (file && !res.hasHeader("Content-Type")) {
        res.setHeader("Content-Type", TYPES[path.extname(file)] || "application/octet-stream");
      }
      res.writeHead(status);
      res.end(file ? fs.readFileSync(file) : "");
    };
    if (prefix && p !== prefix && !p.startsWith(prefix + "/")) return send(404, null);
    const rel = p.slice(prefix.length) || "/";
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) return send(404, null);
    let stat = null;
    try {
      stat = fs.statSync(file);
    } catch {}
    if (stat && stat.isDirectory()) {
      if (!p.endsWith("/")) return send(301, null, { Location: p + "/" + url.search });
      const index = path.join(file, "index.html");
      if (fs.existsSync(index)) return send(200, index);
    } else if (stat && stat.isFile()) {
      return send(200, file);
    }
    const notFound = path.join(root, "404.html");
    return send(404, fs.existsSync(notFound) ? notFound : null);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      const close = () =>
        new Promise((done) => {
          server.close(done);
          for (const s of sockets) s.destroy();
        });
      resolve({ url, close, requests });
    });
  });
}

module.exports = { serve, parseHeaders, headersFor, matches };
