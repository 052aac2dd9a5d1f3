// Reading a built site's search index files (src/output/search/shards.rs)
// in tests: the whole index put back together, and the script's own search
// over the files, reading them from disk as the browser fetches them.
"use strict";
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const W = require("../../themes/default/static/wegweiser.js");

const json = (site, rel) => JSON.parse(fs.readFileSync(path.join(site, rel), "utf8"));
const undelta = (l) => { let d = 0; return l.map((x) => (d += x)); };

/// The whole index of a language from all its files: {docs, words, files}.
function whole(site, lang) {
  const m = json(site, `search/${lang}.json`);
  const files = fs.readdirSync(path.join(site, "search", lang));
  const docs = [];
  for (let n = 0; n * m.dn < m.n; n++) docs.push(...json(site, `search/${lang}/d${n}.json`));
  const words = {};
  for (const f of files.filter((f) => f.startsWith("p"))) {
    const p = json(site, `search/${lang}/${f}`);
    for (const w of Object.keys(p.w)) words[w] = undelta(p.w[w]);
  }
  assert.strictEqual(docs.length, m.n);
  return { docs, words, files: files.length };
}

/// The script's search over the files of `site`: the URLs found, best
/// first, and which files it loaded.
async function sharded(site, lang, query) {
  const loaded = new Set();
  const get = (url) => {
    loaded.add(url);
    return Promise.resolve(JSON.parse(fs.readFileSync(path.join(site, url), "utf8")));
  };
  const url = `/search/${lang}.json`;
  const found = await W.find(get, url, query);
  const docs = await W.docs(get, url, found.m, found.ids);
  return { urls: docs.map((d) => d.u), loaded };
}

module.exports = { json, whole, sharded };
