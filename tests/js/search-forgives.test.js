// Search that forgives, on the example site's real indexes: words inside
// German compounds, one typo in a longer word, Arabic letter forms.
// The site is built with the debug binary (or read from WEGWEISER_SITE, as
// scripts/browser-test sets it). Run: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { whole, sharded } = require("./index-files.js");

const REPO = path.join(__dirname, "..", "..");

function site() {
  if (process.env.WEGWEISER_SITE) return process.env.WEGWEISER_SITE;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-search-"));
  const bin = path.join(REPO, "target", "debug", "wegweiser");
  const args = ["build", "--root", REPO, "--out", out, "--format", "short"];
  const env = { ...process.env, SOURCE_DATE_EPOCH: "1795305600" };
  if (fs.existsSync(bin)) execFileSync(bin, args, { env, stdio: "ignore" });
  else execFileSync("cargo", ["run", "--quiet", "--", ...args], { cwd: REPO, env, stdio: "ignore" });
  test.after(() => fs.rmSync(out, { recursive: true, force: true }));
  return out;
}

const SITE = site();
const index = (lang) => whole(SITE, lang);
const urls = async (lang, q) => (await sharded(SITE, lang, q)).urls;
/// The words of one document in an index.
const wordsOf = (idx, url) => {
  const n = idx.docs.findIndex((d) => d.u === url);
  assert.ok(n >= 0, url);
  return Object.keys(idx.words).filter((w) => idx.words[w].includes(n));
};

test("a word inside a German compound: Buero finds the Sprachcafé (Integrationsbüro)", async () => {
  const de = index("de");
  const cafe = "/de/offers/sprachcafe-ingelheim/";
  const words = wordsOf(de, cafe);
  assert.ok(words.includes("integrationsbuero"), "the Sprachcafé's text says Integrationsbüro");
  // Only inside a compound: a prefix search would not find it.
  assert.ok(!words.some((w) => w.startsWith("buero")), words.join(" "));
  assert.ok((await urls("de", "Buero")).includes(cafe));
  assert.ok((await urls("de", "büro")).includes(cafe));
});

test("one typo in a word of five letters or more: Integrationskurz finds the integration course", async () => {
  const found = await urls("de", "Integrationskurz");
  assert.ok(found.includes("/de/offers/integrationskurs-allgemein/"), found.join(" "));
  // A missing and an extra letter, too.
  assert.ok((await urls("de", "Integratonskurs")).includes("/de/offers/integrationskurs-allgemein/"));
  assert.ok((await urls("de", "Sprachcaffe")).includes("/de/offers/sprachcafe-ingelheim/"));
  // Two typos are too many, and short words must be right.
  assert.deepStrictEqual(await urls("de", "Intergationskurz"), []);
  assert.deepStrictEqual(await urls("de", "xqzvw"), []);
});

test("exact and prefix matches rank before inexact ones", async () => {
  const found = await urls("de", "Sprachcafe");
  assert.strictEqual(found[0], "/de/offers/sprachcafe-ingelheim/");
});

test("an Arabic query with other alef forms finds the same as the plain one", async () => {
  const plain = await urls("ar", "الاندماج");
  assert.ok(plain.length > 0);
  assert.deepStrictEqual(await urls("ar", "الإندماج"), plain);
  assert.deepStrictEqual(await urls("ar", "ٱلاندماج"), plain);
  // Teh marbuta and yeh forms, and the article as part of a word.
  assert.ok((await urls("ar", "لغه")).length > 0);
  assert.deepStrictEqual(await urls("ar", "اللغة"), await urls("ar", "اللغه"));
});

test("every word of the query must match", async () => {
  const both = await urls("de", "Sprachcafe Ingelheim");
  assert.ok(both.includes("/de/offers/sprachcafe-ingelheim/"));
  for (const u of both) assert.ok((await urls("de", "Ingelheim")).includes(u), u);
});
