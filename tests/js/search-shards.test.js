// The sharded search finds exactly what the whole index finds. The example
// site is built twice with the debug binary: with the usual file size and
// with tiny files (search_shard_size = 300 bytes: hundreds of files per
// language). For each query (prefixes, words inside compounds, typos,
// one letter, several words, Arabic and Ukrainian) the script's search over
// the files equals a plain search over the whole index put back together
// from all files, in both builds; and a query loads only some of the files.
// Run: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const W = require("../../themes/default/static/wegweiser.js");
const { json, whole, sharded } = require("./index-files.js");

const REPO = path.join(__dirname, "..", "..");

/// The example site built into a temporary folder; `shard` (bytes) is put
/// into a copy of its site.toml.
function build(shard) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-shards-"));
  test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  let root = REPO;
  if (shard) {
    root = path.join(tmp, "site");
    for (const d of ["content", "locales", "themes", "static"]) {
      if (fs.existsSync(path.join(REPO, d))) fs.cpSync(path.join(REPO, d), path.join(root, d), { recursive: true });
    }
    const toml = fs.readFileSync(path.join(REPO, "site.toml"), "utf8");
    fs.writeFileSync(path.join(root, "site.toml"), `search_shard_size = ${shard}\n` + toml);
  }
  const out = path.join(tmp, "public");
  const bin = path.join(REPO, "target", "debug", "wegweiser");
  const args = ["build", "--root", root, "--out", out, "--format", "short"];
  const env = { ...process.env, SOURCE_DATE_EPOCH: "1795305600" };
  if (fs.existsSync(bin)) execFileSync(bin, args, { env, stdio: "ignore" });
  else execFileSync("cargo", ["run", "--quiet", "--", ...args], { cwd: REPO, env, stdio: "ignore" });
  return out;
}

const USUAL = build(0);
const TINY = build(300);

/// The search over a whole index, as the script did before the index was
/// split: every word compared with every query word; titles from the
/// documents themselves; equal ranks by document number.
function plainSearch(index, query) {
  const qs = W.tokens(query);
  if (qs.length === 0) return [];
  let hits = null;
  const quality = new Map();
  for (const q of qs) {
    const docs = new Map();
    for (const w of Object.keys(index.words)) {
      const m = W.match(q, w);
      if (m > 0) for (const d of index.words[w]) docs.set(d, Math.max(docs.get(d) || 0, m));
    }
    hits = hits === null ? [...docs.keys()] : hits.filter((d) => docs.has(d));
    docs.forEach((m, d) => quality.set(d, (quality.get(d) || 0) + m));
  }
  const scored = hits.map((d) => {
    const title = W.tokens(index.docs[d].t).filter((w) => Array.from(w).length >= 2);
    let score = quality.get(d);
    for (const q of qs) if (title.some((w) => W.match(q, w) > 0)) score += 4;
    return { d, score };
  });
  scored.sort((a, b) => b.score - a.score || a.d - b.d);
  return scored.map((s) => index.docs[s.d].u);
}

const QUERIES = {
  de: ["Buero", "büro", "Integrationskurs", "Integrationskurz", "Integratonskurs", "Sprachcaffe",
    "Intergationskurz", "xqzvw", "deutsch", "Deutschkurs Ingelheim", "Sprachcafe Ingelheim", "d", "ku",
    "kur", "Beratung Frauen", "2026", "B1", "ärztin", "Öffnungszeiten"],
  ar: ["الاندماج", "الإندماج", "ٱلاندماج", "لغه", "اللغة", "الاستشاره", "الاطفال", "استشارات", "ا", "دورة اللغة"],
  uk: ["адміністрація", "безкоштовні", "безкоштовнi", "біженців", "біженцiв", "вебсайт", "мова", "б", "Інтеграційний курс"],
  en: ["integration course", "counselling", "counseling", "women", "w"],
};

test("the files are many and small with a tiny shard size", () => {
  const tiny = whole(TINY, "de");
  const usual = whole(USUAL, "de");
  assert.ok(tiny.files > 10 * usual.files, `${tiny.files} files, usually ${usual.files}`);
  for (const f of fs.readdirSync(path.join(TINY, "search", "de")).filter((f) => f.startsWith("g"))) {
    // A file is larger than the target only when one letter pair alone is.
    const g = json(TINY, `search/de/${f}`);
    assert.ok(Object.keys(g).length > 0, f);
  }
});

test("sharded search finds exactly what the whole index finds", async () => {
  let some = 0;
  for (const [lang, queries] of Object.entries(QUERIES)) {
    const usual = whole(USUAL, lang);
    const tiny = whole(TINY, lang);
    // Both builds number the documents alike (in title order).
    assert.deepStrictEqual(tiny.docs.map((d) => d.u), usual.docs.map((d) => d.u));
    for (const q of queries) {
      const want = plainSearch(usual, q);
      assert.deepStrictEqual(plainSearch(tiny, q), want, `${lang} ${q}: whole indexes differ`);
      const small = await sharded(TINY, lang, q);
      assert.deepStrictEqual(small.urls, want, `${lang} "${q}" with tiny files`);
      assert.deepStrictEqual((await sharded(USUAL, lang, q)).urls, want, `${lang} "${q}"`);
      if (want.length > 0) some++;
      // A word of several letters loads few of the many files.
      if (!q.includes(" ") && Array.from(q).length >= 4) {
        assert.ok(small.loaded.size < tiny.files / 3, `${lang} "${q}" loaded ${small.loaded.size} of ${tiny.files}`);
      }
    }
  }
  assert.ok(some >= 25, `${some} queries found something`);
});

test("known results: compounds, typos, Arabic letter forms", async () => {
  const de = async (q) => (await sharded(TINY, "de", q)).urls;
  assert.ok((await de("Buero")).includes("/de/offers/sprachcafe-ingelheim/"));
  assert.ok((await de("Integrationskurz")).includes("/de/offers/integrationskurs-allgemein/"));
  assert.strictEqual((await de("Sprachcafe"))[0], "/de/offers/sprachcafe-ingelheim/");
  assert.deepStrictEqual(await de("Intergationskurz"), []);
  const ar = async (q) => (await sharded(TINY, "ar", q)).urls;
  assert.ok((await ar("الاندماج")).length > 0);
  assert.deepStrictEqual(await ar("الإندماج"), await ar("الاندماج"));
});
