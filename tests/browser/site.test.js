// The built example site in a real browser (Debian's Chromium, driven by
// playwright-core): accessibility (axe-core, WCAG 2.1 A/AA) on the main page
// types in German, Arabic and Ukrainian; right-to-left layout; search; pages
// without JavaScript; offline from the service worker after one visit; read
// aloud where the browser has a voice; screenshots.
// The site is built by scripts/browser-test and served here by server.js
// with the response headers of its `_headers` file, CSP included (the axe
// checks inject axe-core, so their pages bypass the CSP).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const crypto = require("node:crypto");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { SITE, SHOTS, launch, waitUntilKept } = require("./common");
const { serve } = require("./server");

const AXE = require.resolve("axe-core/axe.min.js");

let browser;
let server;
let BASE;
test.before(async () => {
  browser = await launch();
  server = await serve({ root: SITE });
  BASE = server.url;
  fs.mkdirSync(SHOTS, { recursive: true });
});
test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

// The whole search index of a language, from all its files.
const { whole } = require("../js/index-files.js");

function searchDoc(lang, url) {
  return whole(SITE, lang).docs.find((d) => d.u === url);
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
    const ctx = await browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    for (const [name, p] of PAGES) {
      const url = BASE + p.replace("{l}", lang);
      const res = await page.goto(url);
      assert.strictEqual(res.status(), 200, url);
      const v = await axeViolations(page);
      assert.deepStrictEqual(v, [], `${name} ${url}: ${JSON.stringify(v, null, 1)}`);
    }
    await ctx.close();
  });
}

test("the check fails on a page with a violation (the harness can see one)", async () => {
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(BASE + "/__fixtures/violation.html");
  const v = await axeViolations(page);
  const ids = v.map((x) => x.id);
  assert.ok(ids.includes("image-alt"), JSON.stringify(ids));
  assert.ok(ids.includes("color-contrast"), JSON.stringify(ids));
  await ctx.close();
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
  const read = (l) => whole(SITE, l);
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
  const listed = await page.$$eval(".search-all .az a", (as) => as.length);
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

/** Whether nothing answers at `url` any more (the connection is refused). */
function unreachable(url) {
  return new Promise((done) => {
    http.get(url, (res) => { res.resume(); done(false); }).on("error", () => done(true));
  });
}

test("offline, a visited page and its language's home come from the service worker", async () => {
  // A server of its own, to be stopped: offline means nothing answers.
  const own = await serve({ root: SITE });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const url = own.url + "/uk/offers/sprachcafe-ingelheim/";
  const first = await page.goto(url);
  assert.strictEqual(first.status(), 200);
  assert.ok(!first.fromServiceWorker(), "the first visit comes from the network");
  const online = await page.textContent("h1");
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.strictEqual(scope, own.url + "/");
  // The worker takes over the page and keeps the language's pages (offline.json).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const keep = JSON.parse(fs.readFileSync(path.join(SITE, "uk/offline.json"), "utf8"));
  assert.ok(keep.includes("/uk/"), JSON.stringify(keep));
  // Until the language's pages and the visited page itself are kept.
  await waitUntilKept(page, [...keep, new URL(url).pathname]);

  await own.close();
  assert.ok(await unreachable(own.url + "/uk/"), "the server is gone");
  const again = await page.goto(url);
  assert.ok(again.fromServiceWorker(), "the page comes from the service worker");
  assert.strictEqual(again.status(), 200);
  assert.strictEqual(await page.textContent("h1"), online);
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "controlled");
  // Never visited, but kept for the language: its home.
  const home = await page.goto(own.url + "/uk/");
  assert.ok(home.fromServiceWorker());
  assert.strictEqual(home.status(), 200);
  assert.strictEqual(await page.getAttribute("html", "lang"), "uk");
  // Neither visited nor kept: the worker's offline answer, not a browser error page.
  const other = await page.goto(own.url + "/de/offers/sprachcafe-ingelheim/");
  assert.ok(other.fromServiceWorker());
  assert.strictEqual(other.status(), 503);
  await ctx.close();
});

// A stand-in for the Web Speech API with the given voices (arriving at once
// or only with a later "voiceschanged", as in Chrome), recording what it is
// asked to speak.
function fakeSpeech(langs, late) {
  return `(() => {
    const voices = ${JSON.stringify(langs)}.map((lang, i) =>
      ({ lang, name: "Test " + i, voiceURI: "test-" + i, default: i === 0, localService: true }));
    let ready = ${!late};
    const events = new EventTarget();
    const fake = {
      speaking: false, pending: false, paused: false, spoken: [],
      getVoices: () => (ready ? voices : []),
      speak(u) { fake.spoken.push({ text: u.text, lang: u.lang }); fake.speaking = true; },
      cancel() { fake.speaking = false; },
      addEventListener: events.addEventListener.bind(events),
      removeEventListener: events.removeEventListener.bind(events),
    };
    Object.defineProperty(window, "speechSynthesis", { value: fake, configurable: true });
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    if (${late}) setTimeout(() => { ready = true; events.dispatchEvent(new Event("voiceschanged")); }, 300);
  })()`;
}

const NO_SPEECH = `(() => {
  delete window.speechSynthesis;
  delete Window.prototype.speechSynthesis;
  delete window.SpeechSynthesisUtterance;
})()`;

for (const [name, script, shown] of [
  ["a German voice", fakeSpeech(["en-US", "de-DE"], false), true],
  ["a German voice that arrives late", fakeSpeech(["de-AT"], true), true],
  ["voices, none of them German", fakeSpeech(["en-US", "ar-SA"], false), false],
  ["no speech synthesis at all", NO_SPEECH, false],
]) {
  test(`read aloud on a German page with ${name}: ${shown ? "shown" : "hidden"}`, async () => {
    const ctx = await browser.newContext();
    await ctx.addInitScript(script);
    const page = await ctx.newPage();
    await page.goto(BASE + "/de/offers/sprachcafe-ingelheim/");
    // Hidden in the HTML: without JavaScript nothing is offered.
    assert.ok(fs.readFileSync(path.join(SITE, "de/offers/sprachcafe-ingelheim/index.html"), "utf8")
      .match(/<[^>]*class="?read-aloud"?[^>]*\bhidden\b/), "hidden until the script finds a voice");
    const api = await page.evaluate(() => "speechSynthesis" in window);
    assert.strictEqual(api, script !== NO_SPEECH);
    if (shown) {
      await page.waitForFunction(() => !document.querySelector(".read-aloud").hidden, null, { timeout: 5000 });
      assert.ok(await page.isVisible(".read-aloud button"));
      await page.click(".read-aloud button");
      const spoken = await page.evaluate(() => speechSynthesis.spoken);
      const h1 = (await page.textContent("main h1")).trim();
      assert.strictEqual(spoken.length, 1);
      assert.ok(spoken[0].text.includes(h1), `${h1} in ${spoken[0].text.slice(0, 200)}`);
      assert.strictEqual(spoken[0].lang, "de");
    } else {
      await page.waitForTimeout(800); // longer than a late voice takes
      assert.strictEqual(await page.$eval(".read-aloud", (p) => p.hidden), true);
      assert.ok(!(await page.isVisible(".read-aloud button")));
    }
    await ctx.close();
  });
}

const SHOT_PAGES = ["/de/", "/ar/", "/ar/offers/sprachcafe-ingelheim/", "/uk/events/offener-sprachtreff-ingelheim/"];
const VIEWPORTS = [[375, 812, "mobile"], [1280, 800, "desktop"]];
const PRINTED = ["/de/offers/sprachcafe-ingelheim/"]; // on the desktop viewport

test("screenshots, mobile and desktop, and the printed page", async () => {
  const taken = [];
  const name = (kind, p) => path.join(SHOTS, `${kind}${p.replace(/\//g, "_")}.png`.replace("_.png", ".png"));
  for (const f of fs.readdirSync(SHOTS)) if (f.endsWith(".png")) fs.rmSync(path.join(SHOTS, f));
  for (const [w, h, kind] of VIEWPORTS) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    for (const p of SHOT_PAGES) {
      await page.goto(BASE + p);
      const file = name(kind, p);
      await page.screenshot({ path: file, fullPage: false });
      taken.push(file);
    }
    await page.emulateMedia({ media: "print" });
    for (const p of PRINTED) {
      await page.goto(BASE + p);
      const qrShown = await page.$eval(".qr-block", (f) => getComputedStyle(f).display !== "none");
      assert.ok(qrShown, "the QR code is on the printed page");
      if (kind === "desktop") {
        const file = name("print", p);
        await page.screenshot({ path: file, fullPage: true });
        taken.push(file);
      }
    }
    await page.close();
  }
  fs.writeFileSync(path.join(SHOTS, "index.txt"), taken.map((f) => path.basename(f)).join("\n") + "\n");
  assert.strictEqual(taken.length, SHOT_PAGES.length * VIEWPORTS.length + PRINTED.length);
  assert.strictEqual(new Set(taken).size, taken.length, "one file per screenshot");
  const digests = new Set();
  for (const f of taken) {
    const bytes = fs.readFileSync(f);
    assert.ok(bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])), `${f} is a PNG`);
    assert.ok(bytes.length > 5000, `${f}: ${bytes.length} bytes, an empty page?`);
    digests.add(crypto.createHash("sha256").update(bytes).digest("hex"));
  }
  assert.strictEqual(digests.size, taken.length, "every screenshot shows something else");
});
