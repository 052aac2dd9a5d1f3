// The built example site in a real browser (Debian's Chromium, driven by
// playwright-core): accessibility (axe-core, WCAG 2.1 A/AA) on the main page
// types in German, Arabic and Ukrainian; right-to-left layout; search; pages
// without JavaScript; offline after one visit; screenshots.
// Started by scripts/browser-test, which builds the site and serves it on
// loopback at WEGWEISER_URL.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

const BASE = process.env.WEGWEISER_URL || "http://127.0.0.1:8765";
const SITE = process.env.WEGWEISER_SITE || path.join(__dirname, "../../target/browser-site");
const SHOTS = process.env.WEGWEISER_SCREENSHOTS || path.join(__dirname, "../../target/screenshots");
const AXE = require.resolve("axe-core/axe.min.js");

// Flags for a sandboxed, offline machine (no Google services, no GPU).
const ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage",
];

let browser;
test.before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ARGS });
  fs.mkdirSync(SHOTS, { recursive: true });
});
test.after(async () => { if (browser) await browser.close(); });

async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

function searchDoc(lang, url) {
  const index = JSON.parse(fs.readFileSync(path.join(SITE, "search", lang + ".json"), "utf8"));
  return index.docs.find((d) => d.u === url);
}

const PAGES = [
  ["home", "/{l}/"],
  ["offers", "/{l}/offers/"],
  ["offer", "/{l}/offers/sprachcafe-ingelheim/"],
  ["event", "/{l}/events/offener-sprachtreff-ingelheim/"],
  ["contact", "/{l}/contacts/amt-zuwanderung-integration-wiesbaden/"],
  ["search", "/{l}/search/?q=sprach"],
];

for (const lang of ["de", "ar", "uk"]) {
  test(`axe finds no WCAG 2.1 AA violation (${lang})`, async () => {
    const page = await browser.newPage();
    for (const [name, p] of PAGES) {
      const url = BASE + p.replace("{l}", lang);
      const res = await page.goto(url);
      assert.strictEqual(res.status(), 200, url);
      const v = await axeViolations(page);
      assert.deepStrictEqual(v, [], `${name} ${url}: ${JSON.stringify(v, null, 1)}`);
    }
    await page.close();
  });
}

test("the check fails on a page with a violation (the harness can see one)", async () => {
  const page = await browser.newPage();
  await page.goto(BASE + "/__fixtures/violation.html");
  const v = await axeViolations(page);
  const ids = v.map((x) => x.id);
  assert.ok(ids.includes("image-alt"), JSON.stringify(ids));
  assert.ok(ids.includes("color-contrast"), JSON.stringify(ids));
  await page.close();
});

test("Arabic pages are laid out right to left", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(BASE + "/ar/");
  assert.strictEqual(await page.evaluate(() => getComputedStyle(document.documentElement).direction), "rtl");
  const boxes = await page.$$eval(".main-nav a", (as) => as.map((a) => a.getBoundingClientRect().x));
  assert.ok(boxes.length >= 3);
  assert.ok(boxes[0] > boxes[boxes.length - 1], `first nav entry starts on the right: ${boxes}`);
  const headerRight = await page.$eval(".brand", (b) => b.getBoundingClientRect().right);
  const mainRight = await page.$eval("main h1", (h) => h.getBoundingClientRect().right);
  assert.ok(Math.abs(headerRight - mainRight) < 40, "brand and heading align on the right");
  await page.close();
});

for (const [lang, word, variant] of [
  // The Arabic query is typed with a different alef and teh marbuta form
  // than the text; normalisation must still find it.
  ["ar", null, (w) => w.replace(/ا/g, "أ").replace(/ه$/, "ة")],
  ["uk", null, (w) => w.toUpperCase()],
]) {
  test(`search finds a known offer in ${lang}`, async () => {
    const url = `/${lang}/offers/sprachcafe-ingelheim/`;
    const doc = searchDoc(lang, url);
    assert.ok(doc, "the offer is in the index");
    const titleWord = word || doc.t.split(/[\s\-–:,()]+/).find((w) => w.length >= 4);
    const page = await browser.newPage();
    await page.goto(BASE + `/${lang}/search/?q=` + encodeURIComponent(variant(titleWord)));
    await page.waitForSelector("#search-results a");
    const links = await page.$$eval("#search-results a", (as) => as.map((a) => a.getAttribute("href")));
    assert.ok(links.includes(url), `${titleWord}: ${links}`);
    await page.close();
  });
}

test("German results are offered when the reader's language finds nothing", async () => {
  // A German word that no Arabic page contains.
  const read = (l) => JSON.parse(fs.readFileSync(path.join(SITE, "search", l + ".json"), "utf8"));
  const ar = Object.keys(read("ar").words);
  const word = Object.keys(read("de").words).find(
    (w) => w.length >= 8 && /^[a-z]+$/.test(w) && !ar.some((a) => a.startsWith(w)));
  assert.ok(word, "a German-only word exists");
  const page = await browser.newPage();
  await page.goto(BASE + "/ar/search/?q=" + word);
  await page.waitForSelector("#search-results a");
  const lang = await page.$eval("#search-results a", (a) => a.getAttribute("lang"));
  assert.strictEqual(lang, "de");
  await page.close();
});

test("without JavaScript everything is reachable: search lists all, filters narrow offers", async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(BASE + "/de/search/?q=egal");
  const listed = await page.$$eval(".search-all .card a", (as) => as.length);
  assert.ok(listed > 20, `A–Z list has ${listed} entries`);
  // Filters are links to pre-rendered pages: topic, then place within it.
  await page.goto(BASE + "/de/offers/");
  const all = await page.$$eval(".cards .card", (c) => c.length);
  await page.click("nav.filters details[open] a");
  const topicUrl = page.url();
  const inTopic = await page.$$eval(".cards .card", (c) => c.length);
  assert.ok(inTopic > 0 && inTopic < all, `${topicUrl}: ${inTopic} of ${all}`);
  await page.click("nav.filters details[open] a");
  const comboUrl = page.url();
  assert.match(comboUrl, /\/de\/topics\/[^/]+\/[^/]+\/$/);
  const inCombo = await page.$$eval(".cards .card", (c) => c.length);
  assert.ok(inCombo > 0 && inCombo <= inTopic, `${comboUrl}: ${inCombo} of ${inTopic}`);
  await ctx.close();
});

test("a page opens offline after one visit, and so does the language's home", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const url = BASE + "/uk/offers/sprachcafe-ingelheim/";
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Give the worker a moment to keep the language's pages (offline.json).
  await page.waitForTimeout(1500);
  await page.reload();
  await ctx.setOffline(true);
  await page.goto(url);
  assert.match(await page.textContent("h1"), /\S/);
  await page.goto(BASE + "/uk/");
  assert.strictEqual(await page.getAttribute("html", "lang"), "uk");
  await ctx.setOffline(false);
  await ctx.close();
});

test("read aloud is offered only where the browser has a voice for the page's language", async () => {
  const page = await browser.newPage();
  await page.goto(BASE + "/de/offers/sprachcafe-ingelheim/");
  const voices = await page.evaluate(() => new Promise((done) => {
    const v = speechSynthesis.getVoices();
    if (v.length) return done(v.map((x) => x.lang));
    speechSynthesis.addEventListener("voiceschanged", () => done(speechSynthesis.getVoices().map((x) => x.lang)));
    setTimeout(() => done([]), 1000);
  }));
  const hidden = await page.$eval(".read-aloud", (p) => p.hidden);
  const hasGerman = voices.some((l) => l.toLowerCase().startsWith("de"));
  assert.strictEqual(hidden, !hasGerman, `voices: ${voices}`);
  await page.close();
});

test("screenshots, mobile and desktop", async () => {
  const taken = [];
  for (const [w, h, kind] of [[375, 812, "mobile"], [1280, 800, "desktop"]]) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    for (const p of ["/de/", "/ar/", "/ar/offers/sprachcafe-ingelheim/", "/uk/events/offener-sprachtreff-ingelheim/"]) {
      await page.goto(BASE + p);
      const file = path.join(SHOTS, `${kind}${p.replace(/\//g, "_")}.png`.replace("_.png", ".png"));
      await page.screenshot({ path: file, fullPage: false });
      taken.push(path.basename(file));
    }
    await page.emulateMedia({ media: "print" });
    await page.goto(BASE + "/de/offers/sprachcafe-ingelheim/");
    const qrShown = await page.$eval(".qr-block", (f) => getComputedStyle(f).display !== "none");
    assert.ok(qrShown, "the QR code is on the printed page");
    if (kind === "desktop") {
      const file = path.join(SHOTS, "print_de_offers_sprachcafe-ingelheim.png");
      await page.screenshot({ path: file, fullPage: true });
      taken.push(path.basename(file));
    }
    await page.close();
  }
  fs.writeFileSync(path.join(SHOTS, "index.txt"), taken.join("\n") + "\n");
  assert.strictEqual(taken.length, 9);
});
