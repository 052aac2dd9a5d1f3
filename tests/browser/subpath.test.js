// The example site built with `wegweiser build --base-url https://example.org/guide/`
// (scripts/browser-test) and served below /guide/ only, as a project site
// on GitHub Pages is: search finds and links pages below /guide/, the
// offline lists and the service worker's scope carry the prefix, and the
// browser never asks for anything outside /guide/.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { SUBPATH_SITE, launch, searchFromHeader, waitUntilKept } = require("./common");
const { serve } = require("./server");

let browser;
let server;
test.before(async () => {
  browser = await launch();
  // GitHub Pages ignores `_headers`: no headers here.
  server = await serve({ root: SUBPATH_SITE, prefix: "/guide", headers: false });
});
test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

test("nothing is served outside /guide/", async () => {
  const res = await fetch(server.url + "/de/");
  assert.strictEqual(res.status, 404);
  assert.strictEqual((await fetch(server.url + "/guide/de/")).status, 200);
});

test("below /guide/: search, offline list and service worker scope", async () => {
  server.requests.length = 0;
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const bad = [];
  page.on("response", (r) => { if (r.status() >= 400) bad.push(`${r.url()}: ${r.status()}`); });
  page.on("pageerror", (e) => bad.push(`uncaught ${e.message}`));

  await page.goto(server.url + "/guide/de/");
  assert.strictEqual(await page.getAttribute("html", "data-base"), "/guide");
  const manifest = await page.getAttribute("link[rel=manifest]", "href");
  assert.strictEqual(manifest, "/guide/de/manifest.webmanifest");

  // Search: a word of a known offer's title finds it, linked below /guide/
  // (the index holds site paths; the script adds the prefix).
  const { doc, word, hrefs } = await searchFromHeader(page, SUBPATH_SITE, "de", "/de/offers/sprachcafe-ingelheim/");
  assert.strictEqual(new URL(page.url()).pathname, "/guide/de/search/");
  // (Results show a card's phone too: tel: links are not site paths.)
  const paths = hrefs.filter((h) => !h.startsWith("tel:"));
  assert.ok(paths.length > 0 && paths.every((h) => h.startsWith("/guide/")), hrefs.join(" "));
  assert.ok(hrefs.includes("/guide" + doc.u), `${word}: ${hrefs}`);
  await page.click(`#search-results a[href="/guide${doc.u}"]`);
  await page.waitForURL(server.url + "/guide" + doc.u);
  assert.strictEqual(await page.textContent("main h1"), doc.t);

  // The service worker: registered for /guide/, from /guide/sw.js.
  const reg = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.ready;
    return { scope: r.scope, script: r.active.scriptURL };
  });
  assert.deepStrictEqual(reg, { scope: server.url + "/guide/", script: server.url + "/guide/sw.js" });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // The offline list: every entry below /guide/, every entry there, and kept.
  const keep = await (await fetch(server.url + "/guide/de/offline.json")).json();
  assert.ok(keep.length > 5, JSON.stringify(keep));
  for (const u of keep) {
    assert.ok(u.startsWith("/guide/"), u);
    assert.strictEqual((await fetch(server.url + u)).status, 200, u);
  }
  await waitUntilKept(page, keep);

  // The browser asked for nothing outside /guide/ (and nothing failed) but
  // /favicon.ico, which browsers ask the host for when a page names no icon.
  const outside = server.requests.filter((p) => !p.startsWith("/guide/") && p !== "/favicon.ico");
  assert.deepStrictEqual(outside, []);
  assert.deepStrictEqual(bad, []);
  await ctx.close();
});
