// What the browser test files share: where the built sites are, and a
// Chromium started for a sandboxed, offline machine.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

const REPO = path.join(__dirname, "../..");
// Built by scripts/browser-test: the example site at the root of its host,
// and the same site built with --base-url https://example.org/guide/.
const SITE = process.env.WEGWEISER_SITE || path.join(REPO, "target/browser-site");
const SUBPATH_SITE = process.env.WEGWEISER_SUBPATH_SITE || path.join(REPO, "target/browser-site-guide");
const SHOTS = process.env.WEGWEISER_SCREENSHOTS || path.join(REPO, "target/screenshots");

// Flags for a sandboxed, offline machine (no Google services, no GPU).
const ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage",
];

function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ARGS });
}

/**
 * The address of the first card on the list page `/<lang>/<list>/` of the
 * built site in `site` (so tests and scripts follow the example's content
 * instead of naming one of its files).
 */
function firstCard(site, lang, list) {
  const html = fs.readFileSync(path.join(site, lang, list, "index.html"), "utf8");
  const m = new RegExp(`<ul class="?cards[^>]*>.*?href="?(/${lang}/${list}/[^/"> ]+/)`, "s").exec(html);
  if (!m) throw new Error(`no card on /${lang}/${list}/ of ${site}`);
  return m[1];
}

/**
 * Searches from the header's form of the page that is open for a word of
 * the title of the page at `url` (a site path) in the search index of `site`
 * for `lang`. Returns that index entry, the word and the result links.
 */
async function searchFromHeader(page, site, lang, url) {
  const doc = require("../js/index-files.js").whole(site, lang).docs.find((d) => d.u === url);
  if (!doc) throw new Error(`${url} is not in the ${lang} search index`);
  const word = doc.t.split(/[\s\-–:,()]+/).find((w) => w.length >= 5);
  await page.fill("form.site-search input[name=q]", word);
  await page.press("form.site-search input[name=q]", "Enter");
  await page.waitForSelector("#search-results a");
  const hrefs = await page.$$eval("#search-results a", (as) => as.map((a) => a.getAttribute("href")));
  return { doc, word, hrefs };
}

/**
 * Waits until every URL of `urls` is in the page's caches (the service
 * worker kept it), polling with evaluate, which awaits the page's promise
 * (a waitForFunction predicate that returns a promise would pass at once).
 */
async function waitUntilKept(page, urls, ms = 15000) {
  const kept = () => page.evaluate(async (list) => {
    for (const u of list) if (!(await caches.match(u))) return false;
    return true;
  }, urls);
  const deadline = Date.now() + ms;
  while (!(await kept())) {
    if (Date.now() > deadline) throw new Error(`not kept within ${ms} ms: ${JSON.stringify(urls)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * For a test file: serves the built site with its own `_headers` (server.js)
 * and starts Chromium before the file's tests, and stops both after them.
 * The returned object's `base` (the site's URL) and `browser` are set once
 * the tests start.
 */
function siteInBrowser(test) {
  const { serve } = require("./server");
  const env = { base: null, browser: null, server: null };
  test.before(async () => {
    env.server = await serve({ root: SITE });
    env.base = env.server.url;
    env.browser = await launch();
  });
  test.after(async () => {
    if (env.browser) await env.browser.close();
    if (env.server) await env.server.close();
  });
  return env;
}

module.exports = { SITE, SUBPATH_SITE, SHOTS, ARGS, launch, firstCard, searchFromHeader, waitUntilKept, siteInBrowser };
