// The built example site under the response headers it ships (`_headers`,
// served by server.js as Netlify or Cloudflare Pages would): the strict
// Content-Security-Policy must not break anything. Search, the service
// worker and the language chooser are exercised, and any CSP violation
// (`securitypolicyviolation` event or console report), console error,
// uncaught exception or failed request fails the test.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const { SITE, launch, searchFromHeader, waitUntilKept } = require("./common");
const { serve, parseHeaders, headersFor } = require("./server");

let browser;
let server;
test.before(async () => {
  browser = await launch();
  server = await serve({ root: SITE });
});
test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

/** A context whose pages report every CSP violation, console error,
 *  uncaught exception and failed request into `problems`. */
async function watched(options = {}) {
  const ctx = await browser.newContext(options);
  const problems = [];
  await ctx.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  ctx.on("page", (page) => {
    page.on("console", (m) => {
      if (m.type() === "error" || /Content.Security.Policy/i.test(m.text())) {
        problems.push(`${page.url()}: console ${m.type()}: ${m.text()}`);
      }
    });
    page.on("pageerror", (e) => problems.push(`${page.url()}: uncaught ${e.message}`));
    page.on("requestfailed", (r) => {
      const why = r.failure() && r.failure().errorText;
      // A navigation cancels the fetches still under way: not a failure.
      if (why !== "net::ERR_ABORTED") problems.push(`${r.url()}: ${why}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`${r.url()}: HTTP ${r.status()}`);
    });
  });
  return { ctx, problems };
}

const CSP = headersFor(parseHeaders(fs.readFileSync(path.join(SITE, "_headers"), "utf8")), "/de/")[
  "Content-Security-Policy"
];

test("the watcher sees a CSP violation (the harness can fail)", async () => {
  const { ctx, problems } = await watched();
  const page = await ctx.newPage();
  const res = await page.goto(server.url + "/de/");
  assert.strictEqual(res.headers()["content-security-policy"], CSP[0]);
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.ran = true";
    document.body.appendChild(s);
  });
  await page.waitForTimeout(300);
  assert.strictEqual(await page.evaluate(() => window.ran), undefined, "inline script blocked");
  assert.ok(problems.some((p) => /CSP violation|Content Security Policy/.test(p)), problems.join("\n"));
  await ctx.close();
});

test("under the site's CSP: language chooser, search, service worker, page types", async () => {
  assert.strictEqual(CSP.length, 1, "one policy for a language's pages");
  // A reader whose browser asks for Ukrainian.
  const { ctx, problems } = await watched({ locale: "uk-UA" });
  const page = await ctx.newPage();

  // Every response carries the headers of `_headers`.
  const chooser = await page.goto(server.url + "/");
  const h = chooser.headers();
  assert.strictEqual(h["content-security-policy"], CSP[0]);
  assert.strictEqual(h["x-frame-options"], "DENY");
  assert.strictEqual(h["x-content-type-options"], "nosniff");

  // The chooser script moves the reader's language to the top.
  const first = await page.$eval(".chooser-list li:first-child a", (a) => [a.getAttribute("hreflang"), a.className]);
  assert.deepStrictEqual(first, ["uk", "suggested"]);
  await page.click(".chooser-list li:first-child a");
  assert.strictEqual(new URL(page.url()).pathname, "/uk/");
  assert.strictEqual(await page.getAttribute("html", "lang"), "uk");

  // Search from the header's form, results filled in by the script.
  await page.goto(server.url + "/de/");
  const { doc, word, hrefs } = await searchFromHeader(page, SITE, "de", "/de/offers/sprachcafe-ingelheim/");
  assert.strictEqual(new URL(page.url()).pathname, "/de/search/");
  assert.ok(hrefs.includes(doc.u), `${word}: ${hrefs}`);

  // The service worker registers, takes over and keeps the language's pages.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.strictEqual(scope, server.url + "/");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await waitUntilKept(page, ["/de/offers/"]);

  // The main page types, under the worker and the policy.
  for (const p of ["/de/offers/", "/de/offers/sprachcafe-ingelheim/", "/de/events/offener-sprachtreff-ingelheim/",
    "/ar/contacts/amt-zuwanderung-integration-wiesbaden/", "/ar/search/?q=x", "/fa/topics/"]) {
    const res = await page.goto(server.url + p);
    assert.strictEqual(res.status(), 200, p);
  }
  await page.waitForTimeout(500);
  assert.deepStrictEqual(problems, []);
  await ctx.close();
});
