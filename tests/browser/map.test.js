// The optional map page in Chromium. The example site is built here with a
// copy of its site.toml that turns the map on ([map]) with tiles from a
// loopback server this test starts (it answers every tile with a PNG
// generated below), and served with its own `_headers` (server.js). Checked:
// tiles are asked only of that server, one marker per location with
// coordinates, a marker's popup links to the location's page, no CSP
// violation or console error, axe finds nothing (German and Arabic), and on
// the Arabic page the attribution and the popup read right to left.
// Needs Leaflet installed (scripts/install-map; scripts/browser-test runs it)
// and the debug binary (scripts/browser-test builds it first).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");
const { execFileSync } = require("node:child_process");
const { launch } = require("./common");
const { serve } = require("./server");

const REPO = path.join(__dirname, "../..");
const BIN = process.env.WEGWEISER_BIN || path.join(REPO, "target/debug/wegweiser");
const AXE = require.resolve("axe-core/axe.min.js");
const ATTRIBUTION = "© Kacheln des Kreises (Test)";

/** CRC-32 of PNG chunks (ISO 3309), as zlib.crc32 computes it in newer Node. */
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid 256×256 PNG of one colour (8-bit RGB, rows without filter). */
function solidPng([r, g, b]) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + 256 * 3);
  for (let x = 0; x < 256; x++) row.set([r, g, b], 1 + 3 * x);
  const raw = Buffer.concat(Array.from({ length: 256 }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The tile server: every /{z}/{x}/{y}.png is a light green tile. */
function tileServer() {
  const png = solidPng([200, 230, 201]);
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "Content-Type": "image/png", "Content-Length": png.length });
    res.end(png);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((d) => server.close(d)) }),
    ),
  );
}

let browser, tiles, site, dir;
test.before(async () => {
  tiles = await tileServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-map-"));
  for (const d of ["content", "locales", "themes", "static"]) fs.cpSync(path.join(REPO, d), path.join(dir, d), { recursive: true });
  const toml = fs.readFileSync(path.join(REPO, "site.toml"), "utf8");
  fs.writeFileSync(
    path.join(dir, "site.toml"),
    `${toml}\n[map]\ntiles = "${tiles.origin}/{z}/{x}/{y}.png"\nattribution = "${ATTRIBUTION}"\n`,
  );
  execFileSync(BIN, ["build", "--root", dir, "--out", path.join(dir, "public"), "--format", "short"], {
    env: { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH || "1795305600" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  site = await serve({ root: path.join(dir, "public") });
  browser = await launch();
});
test.after(async () => {
  if (browser) await browser.close();
  if (site) await site.close();
  if (tiles) await tiles.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The locations with coordinates the page lists (one marker each). */
async function listed(page) {
  return page.$$eval(".map-locations li[data-lat] a", (as) => [...new Set(as.map((a) => a.getAttribute("href")))]);
}

/** A page of a fresh context that records requests and every problem. */
async function watched(options = {}) {
  const ctx = await browser.newContext(options);
  const problems = [];
  const requests = [];
  await ctx.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  const page = await ctx.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error" || /Content.Security.Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.url()}: HTTP ${r.status()}`);
  });
  return { ctx, page, problems, requests };
}

async function openMap(page, lang) {
  const res = await page.goto(`${site.url}/map/${lang}/`);
  assert.strictEqual(res.status(), 200);
  await page.waitForSelector("#map:not([hidden]) .leaflet-tile-loaded");
  await page.waitForSelector(".leaflet-marker-icon");
}

test("the map page's policy allows exactly the tile server", async () => {
  const res = await fetch(`${site.url}/map/de/`);
  const policy = res.headers.get("content-security-policy");
  assert.match(policy, new RegExp(`img-src 'self' ${tiles.origin.replace(/[.]/g, "\\.")};`));
  const other = (await fetch(`${site.url}/de/locations/`)).headers.get("content-security-policy");
  assert.match(other, /img-src 'self';/);
  assert.ok(!other.includes(tiles.origin));
});

for (const lang of ["de", "ar"]) {
  test(`markers, tiles from the loopback server only, popups linking to location pages (${lang})`, async () => {
    const { ctx, page, problems, requests } = await watched();
    const before = tiles.requests.length;
    await openMap(page, lang);
    const locations = await listed(page);
    assert.strictEqual(locations.length, 3, JSON.stringify(locations));
    await page.waitForFunction((n) => document.querySelectorAll(".leaflet-marker-icon").length === n, locations.length);
    // Every request goes to the site or to the tile server, and the tile
    // server was asked for tiles.
    for (const u of requests) {
      const origin = new URL(u).origin;
      assert.ok(origin === site.url || origin === tiles.origin, `request to ${u}`);
      if (origin === tiles.origin) assert.match(new URL(u).pathname, /^\/\d+\/\d+\/\d+\.png$/);
    }
    assert.ok(tiles.requests.length > before, "tiles were asked for");
    assert.ok(requests.some((u) => u.startsWith(tiles.origin)));
    // A marker's popup links to its location's page, and the link works.
    const markers = await page.$$(".leaflet-marker-icon");
    const names = await page.$$eval(".leaflet-marker-icon", (ms) => ms.map((m) => m.getAttribute("alt")));
    await markers[markers.length - 1].click();
    const link = await page.waitForSelector(".leaflet-popup-content a");
    const href = await link.getAttribute("href");
    assert.ok(locations.includes(href), `${href} in ${locations}`);
    assert.strictEqual((await link.textContent()).trim(), names[names.length - 1]);
    if (lang === "ar") {
      // Right to left: the popup follows the page; the attribution is its
      // own isolated text, in the bottom-left corner.
      assert.strictEqual(await page.$eval(".leaflet-popup-content", (e) => getComputedStyle(e).direction), "rtl");
      assert.strictEqual(await page.$eval(".leaflet-control-attribution bdi", (e) => e.textContent), ATTRIBUTION);
      const box = await page.$eval("#map", (e) => e.getBoundingClientRect().toJSON());
      const attr = await page.$eval(".leaflet-control-attribution", (e) => e.getBoundingClientRect().toJSON());
      assert.ok(attr.left - box.left < box.right - attr.right, "attribution on the left");
    } else {
      assert.strictEqual(await page.textContent(".leaflet-control-attribution"), ATTRIBUTION);
    }
    await Promise.all([page.waitForURL(`${site.url}${href}`), link.click()]);
    assert.strictEqual(await page.evaluate(() => location.pathname), href);
    assert.deepStrictEqual(problems, []);
    await ctx.close();
  });

  test(`axe finds no WCAG 2.1 AA violation on the map page (${lang})`, async () => {
    // axe is injected, so this page bypasses the policy (checked above).
    const ctx = await browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    await openMap(page, lang);
    await page.addScriptTag({ path: AXE });
    const v = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return r.violations.map((x) => ({ id: x.id, nodes: x.nodes.map((n) => n.target.join(" ")) }));
    });
    assert.deepStrictEqual(v, [], JSON.stringify(v, null, 1));
    await ctx.close();
  });
}

test("without JavaScript the map page is the list of locations by place", async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${site.url}/map/de/`);
  assert.strictEqual(await page.isHidden("#map"), true);
  const places = await page.$$eval("section.map-place h2", (hs) => hs.map((h) => h.textContent.trim()));
  assert.strictEqual(places.length, 2, JSON.stringify(places));
  assert.strictEqual((await listed(page)).length, 3);
  await ctx.close();
});

test("the map page's HTML and stylesheets stay under 30 KB, as every reader page's", () => {
  const out = path.join(dir, "public");
  for (const lang of ["de", "ar"]) {
    const html = fs.readFileSync(path.join(out, "map", lang, "index.html"), "utf8");
    const sheets = [...html.matchAll(/<link [^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => /\brel="?stylesheet\b/.test(tag))
      .map((tag) => /\bhref="?([^" >]+)/.exec(tag)[1]);
    assert.ok(sheets.some((s) => s.includes("leaflet")), `${lang}: Leaflet's stylesheet is linked`);
    const bytes = Buffer.byteLength(html) + sheets.reduce((n, s) => n + fs.statSync(path.join(out, s)).size, 0);
    assert.ok(bytes < 30 * 1024, `${lang}: ${bytes} bytes of HTML and CSS (${sheets.join(", ")})`);
  }
});
