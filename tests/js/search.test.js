// The browser's normalisation equals the build's (same vectors as the Rust
// unit test), and search finds what readers type. Run: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const W = require("../../themes/default/static/wegweiser.js");

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "normalize-vectors.json"), "utf8"));

test("normalisation matches the shared vectors", () => {
  assert.ok(vectors.length >= 20);
  for (const v of vectors) assert.strictEqual(W.normalize(v.input), v.normalized, JSON.stringify(v.input));
});

/// A hand-made index in the files the build writes, all in one file each.
function files(docs, words, titles) {
  const deltas = (l) => l.map((d, i) => d - (i ? l[i - 1] : 0));
  const pairs = {};
  for (const w of Object.keys(words)) {
    const cs = Array.from(w);
    for (let i = 0; i + 1 < cs.length; i++) pairs[cs[i] + cs[i + 1]] = 0;
  }
  const w = {}, t = {};
  for (const k of Object.keys(words)) w[k] = deltas(words[k]);
  for (const k of Object.keys(titles)) t[k] = deltas(titles[k]);
  return {
    "/i.json": { v: 2, n: docs.length, dn: docs.length, g: pairs, gs: [1] },
    "/i/g0.json": { 0: Object.keys(words) },
    "/i/p0.json": { w, t },
    "/i/d0.json": docs,
  };
}

async function search(index, q) {
  const get = (url) => Promise.resolve(index[url]);
  const found = await W.find(get, "/i.json", q);
  return (await W.docs(get, "/i.json", found.m, found.ids)).map((d) => d.u);
}

test("search: prefixes, all words, title first", async () => {
  const index = files(
    [
      { u: "/de/a/", t: "Büro für Integration", c: "Kontakte" },
      { u: "/de/b/", t: "Sprachcafé", s: "Im Büro nebenan", c: "Angebote" },
      { u: "/ar/c/", t: "دورة اللغة", c: "عروض" },
    ],
    { buero: [0, 1], fuer: [0], integration: [0], sprachcafe: [1], im: [1], nebenan: [1], "دوره": [2], "اللغه": [2] },
    { buero: [0], fuer: [0], integration: [0], sprachcafe: [1], "دوره": [2], "اللغه": [2] },
  );
  assert.deepStrictEqual(await search(index, "Buero"), ["/de/a/", "/de/b/"]);
  assert.deepStrictEqual(await search(index, "büro sprach"), ["/de/b/"]);
  assert.deepStrictEqual(await search(index, "Sprachcafe"), ["/de/b/"]);
  assert.deepStrictEqual(await search(index, "دورة"), ["/ar/c/"]);
  assert.deepStrictEqual(await search(index, "xyz"), []);
  assert.deepStrictEqual(await search(index, "  "), []);
  // One letter: every word that starts with it.
  assert.deepStrictEqual(await search(index, "n"), ["/de/b/"]);
});
