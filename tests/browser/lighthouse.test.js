// Lighthouse as the reader's judge (issue 16): Lighthouse 12.2.3 (node API,
// its default mobile form factor with simulated throttling) in Debian's
// Chromium judges home (with the sign-language video), offers list, one
// offer, an offer with a photo, one event, one contact and the search page
// in German and Arabic: accessibility, best practices and SEO
// must score 100 and performance at least 95. A failure names the audits that
// cost points, with their details. The scores, LCP, TBT and CLS of every run
// go to target/lighthouse/summary.md and summary.json.
//
// The site is served from loopback by server.js with its own `_headers`
// (the Content-Security-Policy included), so the audits judge the pages and
// headers a static host would send. No audit is switched off. Two of them
// judge the host more than the page, and hold on loopback for the reasons
// the audits themselves give: `is-on-https` counts http://127.0.0.1 as a
// secure origin (as browsers do), and `canonical` accepts a canonical URL on
// another origin (the pages name their public address,
// https://integration.example.org/…), as long as it is absolute, single and
// not the home page of a deeper page. `robots-txt` and `is-crawlable` read
// the site's real robots.txt and the pages' real headers from the server.
// Started by scripts/browser-test (see site.test.js for the set-up).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const { SITE, ARGS, firstCard } = require("./common");
const { serve } = require("./server");

const OUT = path.join(__dirname, "../../target/lighthouse");
const LANGS = ["de", "ar"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
// The least score per category (Lighthouse scores 0–100).
const LEAST = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

// The pages judged in `lang`: name and site path.
function pages(lang) {
  return [
    ["home", `/${lang}/`],
    ["offers", `/${lang}/offers/`],
    ["offer", firstCard(SITE, lang, "offers")],
    // An offer with a photo (<picture>, WebP + JPEG) in its head and body.
    ["offer-image", `/${lang}/offers/sprachcafe-ingelheim/`],
    ["event", firstCard(SITE, lang, "events")],
    ["contact", firstCard(SITE, lang, "contacts")],
    ["search", `/${lang}/search/`],
  ];
}

// Audits that tell why a performance metric is slow (they carry no weight themselves).
const PERFORMANCE_HINTS = [
  "largest-contentful-paint-element", "layout-shifts", "render-blocking-resources", "long-tasks", "bootup-time",
];

// The first rows of an audit's details, an element as its selector and markup.
function rows(audit) {
  return ((audit.details && audit.details.items) || []).slice(0, 5).map((it) => {
    const node = it.node || (it.subItems && it.subItems.items[0] && it.subItems.items[0].relatedNode);
    return node ? { selector: node.selector, snippet: node.snippet, explanation: node.explanation } : it;
  });
}

// The audits of a category that cost points (id, title, score, value, details),
// and for performance the audits that explain the slow metrics.
function failing(lhr, category) {
  const lost = lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1);
  const hints = category === "performance"
    ? PERFORMANCE_HINTS.map((id) => lhr.audits[id]).filter((a) => a && rows(a).length > 0)
    : [];
  return [...lost, ...hints].map((a) => ({
    id: a.id, title: a.title, score: a.score, value: a.displayValue || "", details: rows(a),
  }));
}

const results = [];
const env = { server: null, chrome: null, lighthouse: null };

test.before(async () => {
  env.server = await serve({ root: SITE });
  const { launch } = await import("chrome-launcher");
  env.chrome = await launch({
    chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
    chromeFlags: ARGS,
    logLevel: "silent",
  });
  env.lighthouse = (await import("lighthouse")).default;
  // One unjudged run first: a fresh Chromium's first page carries its own
  // start-up work (long tasks no script of the page caused), which once
  // cost the first judged page 350 ms of blocking time on a loaded machine.
  await env.lighthouse(`${env.server.url}/de/`, {
    port: env.chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"],
  });
});

test.after(async () => {
  if (env.chrome) await env.chrome.kill();
  if (env.server) await env.server.close();
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, "summary.json"), JSON.stringify(results, null, 2) + "\n");
  const ms = (v) => `${Math.round(v)} ms`;
  const rows = results.map((r) =>
    `| ${r.page} | ${r.lang} | ${r.performance} | ${r.accessibility} | ${r["best-practices"]} | ${r.seo} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${r.cls.toFixed(3)} |`);
  fs.writeFileSync(path.join(OUT, "summary.md"), [
    "| page | lang | performance | accessibility | best practices | SEO | LCP | TBT | CLS |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n") + "\n");
});

for (const lang of LANGS) {
  for (const [name, at] of pages(lang)) {
    test(`Lighthouse mobile: ${name} (${lang})`, async () => {
      const url = env.server.url + at;
      // Lighthouse's defaults: mobile form factor and screen, simulated
      // throttling (slow 4G, 4× slower CPU), storage and cache reset per run.
      const run = await env.lighthouse(url, {
        port: env.chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: CATEGORIES,
      });
      const lhr = run.lhr;
      assert.ok(!lhr.runtimeError, `${url}: ${JSON.stringify(lhr.runtimeError)}`);
      assert.strictEqual(lhr.configSettings.formFactor, "mobile");
      assert.strictEqual(lhr.configSettings.throttlingMethod, "simulate");
      const row = { page: name, lang, path: at };
      for (const c of CATEGORIES) row[c] = Math.round(lhr.categories[c].score * 100);
      row.lcp = lhr.audits["largest-contentful-paint"].numericValue;
      row.tbt = lhr.audits["total-blocking-time"].numericValue;
      row.cls = lhr.audits["cumulative-layout-shift"].numericValue;
      results.push(row);
      const problems = CATEGORIES.filter((c) => row[c] < LEAST[c])
        .map((c) => `${c} ${row[c]} < ${LEAST[c]}:\n${JSON.stringify(failing(lhr, c), null, 2)}`);
      assert.deepStrictEqual(problems, [], `${url}\n${problems.join("\n")}`);
    });
  }
}
