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
const W = require("../../themes/default/static/wegweiser.js");

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
const index = (lang) => JSON.parse(fs.readFileSync(path.join(SITE, "search", lang + ".json"), "utf8"));
const urls = (lang, q) => W.search(index(lang), q).map((d) => d.u);
/// The words of one document in an index.
const wordsOf = (idx, url) => {
  const n = idx.docs.findIndex((d) => d.u === url);
  assert.ok(n >= 0, url);
  return Object.keys(idx.words).filter((w) => idx.words[w].includes(n));
};

test("a word inside a German compound: Buero finds the Sprachcafé (Integrationsbüro)", () => {
  const de = index("de");
  const cafe = "/de/offers/sprachcafe-ingelheim/";
  const words = wordsOf(de, cafe);
  assert.ok(words.includes("integrationsbuero"), "the Sprachcafé's text says Integrationsbüro");
  // Only inside a compound: a prefix search would not find it.
  assert.ok(!words.some((w) => w.startsWith("buero")), words.join(" "));
  assert.ok(urls("de", "Buero").includes(cafe));
  assert.ok(urls("de", "büro").includes(cafe));
});

test("one typo in a word of five letters or more: Integrationskurz finds the integration course", () => {
  const found = urls("de", "Integrationskurz");
  assert.ok(found.includes("/de/offers/integrationskurs-allgemein/"), found.join(" "));
  // A missing and an extra letter, too.
  assert.ok(urls("de", "Integratonskurs").includes("/de/offers/integrationskurs-allgemein/"));
  assert.ok(urls("de", "Sprachcaffe").includes("/de/offers/sprachcafe-ingelheim/"));
  // Two typos are too many, and short words must be right.
  assert.deepStrictEqual(urls("de", "Intergationskurz"), []);
  assert.deepStrictEqual(urls("de", "xqzvw"), []);
});

test("exact and prefix matches rank before inexact ones", () => {
  const found = urls("de", "Sprachcafe");
  assert.strictEqual(found[0], "/de/offers/sprachcafe-ingelheim/");
});

test("an Arabic query with other alef forms finds the same as the plain one", () => {
  const plain = urls("ar", "الاندماج");
  assert.ok(plain.length > 0);
  assert.deepStrictEqual(urls("ar", "الإندماج"), plain);
  assert.deepStrictEqual(urls("ar", "ٱلاندماج"), plain);
  // Teh marbuta and yeh forms, and the article as part of a word.
  assert.ok(urls("ar", "لغه").length > 0);
  assert.deepStrictEqual(urls("ar", "اللغة"), urls("ar", "اللغه"));
});

test("every word of the query must match", () => {
  const both = urls("de", "Sprachcafe Ingelheim");
  assert.ok(both.includes("/de/offers/sprachcafe-ingelheim/"));
  for (const u of both) assert.ok(urls("de", "Ingelheim").includes(u), u);
});
