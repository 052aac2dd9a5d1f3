// Search that forgives, in a real browser (Debian's Chromium): a word inside
// a German compound and a typo find their offers, and the A–Z list stays
// folded below the results until the reader opens it; without JavaScript it
// is open. Started by scripts/browser-test (site served at WEGWEISER_URL).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { siteInBrowser } = require("./common");

// The built site, served with its own _headers, and Chromium.
const env = siteInBrowser(test);


async function results(page, lang, q) {
  await page.goto(`${env.base}/${lang}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForSelector("#search-results a, #search-results p");
  return page.$$eval("#search-results a", (as) => as.map((a) => a.getAttribute("href")));
}

test("compounds and typos are found; the A–Z list is folded until asked", async () => {
  const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
  assert.ok((await results(page, "de", "Buero")).includes("/de/offers/sprachcafe-ingelheim/"));
  assert.ok((await results(page, "de", "Integrationskurz")).includes("/de/offers/integrationskurs-allgemein/"));
  const folded = await page.$eval("details.search-all", (d) => !d.open);
  assert.ok(folded, "the A–Z list is folded when JavaScript runs");
  assert.strictEqual(await page.isVisible(".search-all .az"), false);
  await page.click("details.search-all summary");
  assert.ok(await page.isVisible(".search-all .az"), "it opens when asked");
  await page.close();
});

test("without JavaScript the A–Z list is open", async () => {
  const ctx = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(env.base + "/de/search/?q=Buero");
  assert.ok(await page.isVisible(".search-all .az"));
  await ctx.close();
});
