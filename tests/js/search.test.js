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

test("search: prefixes, all words, title first", () => {
  const index = {
    docs: [
      { u: "/de/a/", t: "Büro für Integration", c: "Kontakte" },
      { u: "/de/b/", t: "Sprachcafé", s: "Im Büro nebenan", c: "Angebote" },
      { u: "/ar/c/", t: "دورة اللغة", c: "عروض" },
    ],
    words: { buero: [0, 1], fuer: [0], integration: [0], sprachcafe: [1], im: [1], nebenan: [1], "دوره": [2], "اللغه": [2] },
  };
  assert.deepStrictEqual(W.search(index, "Buero").map((d) => d.u), ["/de/a/", "/de/b/"]);
  assert.deepStrictEqual(W.search(index, "büro sprach").map((d) => d.u), ["/de/b/"]);
  assert.deepStrictEqual(W.search(index, "Sprachcafe").map((d) => d.u), ["/de/b/"]);
  assert.deepStrictEqual(W.search(index, "دورة").map((d) => d.u), ["/ar/c/"]);
  assert.deepStrictEqual(W.search(index, "xyz"), []);
  assert.deepStrictEqual(W.search(index, "  "), []);
});
