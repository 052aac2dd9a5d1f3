// Wegweiser: optional enhancements. Every page is complete without this
// script; it adds search results, "read aloud" and offline use.
// Nothing is loaded from other sites and nothing about readers is stored
// or sent anywhere.
"use strict";

// The search page runs this script before it shows anything (it is not
// deferred there): with "js" on <html>, style.css hides the A–Z list for
// readers without JavaScript until startSearch folds it, so nothing moves.
if (typeof document !== "undefined") document.documentElement.classList.add("js");

var Wegweiser = (() => {
  // Sites published below a path (GitHub Pages) say so on <html data-base>.
  function base() {
    return (typeof document !== "undefined" && document.documentElement.dataset.base) || "";
  }

  // ---- Text normalisation: must equal src/output/search.rs (shared test
  // vectors in tests/js/normalize-vectors.json).
  var MAP = {
    "ٱ": "ا", "ي": "ی", "ى": "ی", "ك": "ک",
    "ة": "ه", "ە": "ه", "ۀ": "ه", "ہ": "ه"
  };
  var DROP = /[\u0640\u200C\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069'’ʼ`]/g;

  function normalize(s) {
    s = String(s).normalize("NFC").toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .normalize("NFD").replace(/\p{M}/gu, "")
      .replace(DROP, "");
    var out = "";
    for (var ch of s) {
      var code = ch.codePointAt(0);
      if (code >= 0x0660 && code <= 0x0669) out += String(code - 0x0660);
      else if (code >= 0x06F0 && code <= 0x06F9) out += String(code - 0x06F0);
      else out += MAP[ch] || ch;
    }
    return out;
  }

  function tokens(s) {
    return normalize(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  }

  // ---- Search over the index files the build writes (their layout, and
  // why the letter pairs chosen below find every word the whole index
  // would: src/output/search/shards.rs).
  // A query word matches an index word exactly (4), at its start (3), inside
  // it (2: "buero" in "integrationsbuero", German compounds) or, from five
  // letters on, with one letter wrong, missing or extra (1: "integrationskurz").
  // Words shorter than three letters match only at the start of a word.
  function fuzzy(q, w) {
    // Least edits to turn q into any part of w (Sellers), stopped above 1.
    var prev = [], cur = [], i, j;
    for (j = 0; j <= w.length; j++) prev[j] = 0;
    for (i = 1; i <= q.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= w.length; j++) {
        cur[j] = Math.min(prev[j - 1] + (q[i - 1] === w[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
        if (cur[j] < best) best = cur[j];
      }
      if (best > 1) return false;
      prev = cur;
    }
    return Math.min.apply(null, prev) <= 1;
  }

  function match(q, w) {
    if (w === q) return 4;
    var at = w.indexOf(q);
    if (at === 0) return 3;
    if (at > 0 && q.length >= 3) return 2;
    return Array.from(q).length >= 5 && fuzzy(Array.from(q), Array.from(w)) ? 1 : 0;
  }

  // The word files a query word needs: those of every letter pair it starts
  // with (one letter), of its rarest pair (up to four), or of its two
  // cheapest pairs that do not overlap (five or more: one typo breaks one).
  function wordFiles(m, q) {
    var cs = Array.from(q);
    // (No letter pair is the name of an inherited property.)
    var has = (p) => p in m.g;
    var size = (p) => has(p) ? m.gs[m.g[p]] : 0;
    var ps = [], chosen = [], cost = Infinity;
    if (cs.length === 1) return Object.keys(m.g).filter((p) => p.startsWith(q)).map((p) => m.g[p]);
    for (var i = 0; i + 1 < cs.length; i++) ps.push(cs[i] + cs[i + 1]);
    ps.forEach((a, i) => {
      if (cs.length < 5) {
        if (size(a) < cost) { cost = size(a); chosen = [a]; }
        return;
      }
      for (var j = i + 2; j < ps.length; j++) {
        var c = size(a) + (has(a) && has(ps[j]) && m.g[a] === m.g[ps[j]] ? 0 : size(ps[j]));
        if (c < cost) { cost = c; chosen = [a, ps[j]]; }
      }
    });
    return chosen.filter(has).map((p) => m.g[p]);
  }

  function undelta(list) {
    var d = 0;
    return (list || []).map((x) => (d += x));
  }

  // Documents that match every query word, best first: per query word its
  // best match, 4 more where the title has a matching word; ties by number
  // (the build numbers documents in title order).
  function rank(per) {
    var hits = null;
    per.forEach((x) => {
      var ks = Array.from(x.docs.keys());
      hits = hits === null ? ks : hits.filter((d) => x.docs.has(d));
    });
    var scored = hits.map((d) => {
      return [d, per.reduce((s, x) => s + x.docs.get(d) + (x.titled.has(d) ? 4 : 0), 0)];
    });
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return scored.map((s) => s[0]);
  }

  // Finds `query` in the index whose manifest is at `url`, loading files
  // with `get` (url → promise of JSON). Gives {m: manifest, ids: document
  // numbers, best first}.
  function file(get, url, part, n) {
    return get(url.replace(/\.json$/, "/") + part + n + ".json");
  }

  function find(get, url, query) {
    var qs = tokens(query);
    return get(url).then((m) => {
      return Promise.all(qs.map((q) => {
        return Promise.all(wordFiles(m, q).map((n) => file(get, url, "g", n))).then((gs) => {
          var want = {};
          gs.forEach((g) => {
            Object.keys(g).forEach((p) => {
              g[p].forEach((w) => {
                var s = match(q, w);
                if (s > 0) (want[p] = want[p] || {})[w] = s;
              });
            });
          });
          return Promise.all(Object.keys(want).map((p) => {
            return file(get, url, "p", p).then((f) => ({ f, ws: want[p] }));
          }));
        }).then((parts) => {
          var x = { docs: new Map(), titled: new Set() };
          parts.forEach((part) => {
            Object.keys(part.ws).forEach((w) => {
              undelta(part.f.w[w]).forEach((d) => { x.docs.set(d, Math.max(x.docs.get(d) || 0, part.ws[w])); });
              undelta(part.f.t && part.f.t[w]).forEach((d) => { x.titled.add(d); });
            });
          });
          return x;
        });
      })).then((per) => { return { m: m, ids: qs.length ? rank(per) : [] }; });
    });
  }

  // The documents numbered `ids` (from their files, dn a file).
  function docs(get, url, m, ids) {
    return Promise.all(ids.map((d) => {
      return file(get, url, "d", Math.floor(d / m.dn)).then((f) => f[d % m.dn]);
    }));
  }

  function load(url) {
    return fetch(url).then((r) => {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  // `load`, each file once.
  function cached(get) {
    var seen = new Map();
    return (url) => {
      if (!seen.has(url)) seen.set(url, get(url));
      return seen.get(url);
    };
  }

  function el(tag, text, attrs, doc) {
    var e = (doc || document).createElement(tag);
    if (text) e.textContent = text;
    Object.keys(attrs || {}).forEach((k) => { e.setAttribute(k, attrs[k]); });
    return e;
  }

  // One result, marked up as the cards are: title, section, summary and the
  // card's facts (index keys: w/wd date, h/hd time, p place, k/kl cost,
  // n/nh phone), labelled with `labels` {when, where, cost, phone}.
  function card(d, lang, labels, doc) {
    function make(tag, text, attrs) { return el(tag, text, attrs, doc); }
    var li = make("li", "", { "class": "card" });
    var langAttrs = {};
    var l = lang || d.l;
    if (l) { langAttrs.lang = l; langAttrs.dir = "auto"; }
    li.appendChild(make("a", d.t, Object.assign({ href: base() + d.u }, langAttrs)));
    if (d.c) li.appendChild(make("p", d.c, { "class": "meta" }));
    if (d.s) li.appendChild(make("p", d.s, langAttrs));
    var dl = make("dl", "", { "class": "card-facts" });
    function fact(label, dd) {
      dl.appendChild(make("dt", label));
      dl.appendChild(dd);
    }
    function isolated(text, attrs, wrap) {
      var dd = make("dd");
      var inner = make("bdi", text, attrs);
      if (wrap) { wrap.appendChild(inner); inner = wrap; }
      dd.appendChild(inner);
      return dd;
    }
    if (d.w) {
      var when = make("dd");
      when.appendChild(make("time", d.w, { datetime: d.wd }));
      if (d.h) {
        when.appendChild((doc || document).createTextNode(", "));
        var b = make("bdi", "", { dir: "ltr", "class": "nowrap" });
        b.appendChild(make("time", d.h, { datetime: d.hd }));
        when.appendChild(b);
      }
      fact(labels.when, when);
    }
    if (d.p) fact(labels.where, isolated(d.p, {}));
    if (d.k) fact(labels.cost, isolated(d.k, d.kl ? { lang: d.kl, dir: "auto" } : {}));
    if (d.n) fact(labels.phone, isolated(d.n, { dir: "ltr", "class": "nowrap" }, make("a", "", { href: d.nh })));
    if (dl.childNodes.length > 0) li.appendChild(dl);
    return li;
  }

  // Results 20 at a time: each page of them loads only its documents' files.
  function showResults(box, heading, found, lang, get, url) {
    box.replaceChildren();
    box.appendChild(el("h2", heading, { id: "h-results" }));
    var list = el("ul", "", { "class": "cards search-results" });
    var labels = { when: box.dataset.when, where: box.dataset.where, cost: box.dataset.cost, phone: box.dataset.phone };
    var more = el("button", box.dataset.more, { type: "button" });
    var shown = 0;
    function next() {
      var ids = found.ids.slice(shown, shown + 20);
      shown += ids.length;
      return docs(get, url, found.m, ids).then((ds) => {
        ds.forEach((d) => { list.appendChild(card(d, lang, labels)); });
        more.hidden = shown >= found.ids.length;
      });
    }
    more.addEventListener("click", next);
    box.appendChild(list);
    box.appendChild(more);
    return next();
  }

  function startSearch() {
    var form = document.querySelector("form.search-page");
    var box = document.getElementById("search-results");
    if (!form || !box) return;
    // The A–Z list is for readers without JavaScript; others open it when they ask.
    var all = document.querySelector("details.search-all");
    if (all) {
      all.open = false;
      all.classList.add("folded");
    }
    var input = form.querySelector("input[name=q]");
    var q = new URLSearchParams(location.search).get("q") || "";
    input.value = q;
    if (!q.trim()) return;
    var get = cached(load);
    var url = base() + form.dataset.index;
    var other = form.dataset.fallbackIndex && base() + form.dataset.fallbackIndex;
    find(get, url, q).then((found) => {
      if (found.ids.length > 0) return showResults(box, box.dataset.results, found, null, get, url);
      if (!other) return box.replaceChildren(el("p", box.dataset.none, {}));
      return find(get, other, q).then((fallback) => {
        if (fallback.ids.length === 0) return box.replaceChildren(el("p", box.dataset.none, {}));
        return showResults(box, box.dataset.inFallback, fallback, form.dataset.fallbackLang, get, other);
      });
    }).catch(() => { /* the A–Z list below still works */ });
  }

  // ---- Read aloud with the browser's own voices; hidden where none fits.
  function startReadAloud() {
    var wrap = document.querySelector(".read-aloud");
    if (!wrap || !("speechSynthesis" in window)) return;
    var lang = document.documentElement.lang.toLowerCase().split("-")[0];
    var button = wrap.querySelector("button");
    var label = button.textContent;
    function voice() {
      return speechSynthesis.getVoices().filter((v) => {
        return v.lang.toLowerCase().split(/[-_]/)[0] === lang;
      })[0];
    }
    function offer() { if (voice()) wrap.hidden = false; }
    offer();
    speechSynthesis.addEventListener("voiceschanged", offer);
    button.addEventListener("click", () => {
      if (speechSynthesis.speaking) {
        speechSynthesis.cancel();
        return;
      }
      var article = document.querySelector("main article") || document.querySelector("main");
      var u = new SpeechSynthesisUtterance(article.innerText);
      u.lang = document.documentElement.lang;
      u.voice = voice() || null;
      u.onend = u.onerror = () => { button.textContent = label; };
      button.textContent = button.dataset.stop;
      speechSynthesis.speak(u);
    });
  }

  // ---- Offline: the service worker keeps visited pages and, once asked,
  // this language's home, lists and contacts.
  function startOffline() {
    if (!("serviceWorker" in navigator)) return;
    var key = document.documentElement.dataset.key;
    navigator.serviceWorker.register(base() + "/sw.js", { scope: base() + "/" }).then(() => {
      return navigator.serviceWorker.ready;
    }).then((reg) => {
      if (key && reg.active) reg.active.postMessage({ keep: key, page: location.pathname });
    }).catch(() => { /* no offline use: the site works as before */ });
  }

  // ---- Opening hours: "open now · until 12:00" / "closed · opens Thursday
  // 14:00" from the open intervals the build wrote (UTC epoch minutes,
  // start and end alternating) and the labels of the page: on an item's
  // own box, or once on a list of cards or the home page's office box (a
  // card's badge carries its own intervals). Without this script the weekly
  // table on the item's page is the truth.
  function hoursState(list, minute) {
    for (var i = 0; i + 1 < list.length; i += 2) {
      if (minute < list[i]) return { open: false, next: list[i] };
      if (minute < list[i + 1]) return { open: true, until: list[i + 1] };
    }
    return { open: false, next: null };
  }

  function startHours(now) {
    var boxes = document.querySelectorAll("[data-hours]");
    var minute = Math.floor((now === undefined ? Date.now() : now) / 60000);
    for (var box of boxes) {
      var badge = box.classList.contains("hours-badge") ? box : box.querySelector(".hours-badge");
      var labels = box.closest("[data-open-label]");
      if (!badge || !labels) continue;
      var list = box.dataset.hours ? box.dataset.hours.split(",").map(Number) : [];
      var conf = labels.dataset;
      var time, day;
      try {
        time = new Intl.DateTimeFormat(conf.locale, { timeZone: conf.tz, hour: "2-digit", minute: "2-digit" });
        day = new Intl.DateTimeFormat(conf.locale, { timeZone: conf.tz, weekday: "long" });
      } catch (e) { continue; }
      var st = hoursState(list, minute);
      var text;
      if (st.open) {
        text = conf.openLabel.replace("{time}", time.format(st.until * 60000));
      } else if (st.next !== null) {
        var at = st.next * 60000;
        text = conf.closedLabel.replace("{day}", day.format(at)).replace("{time}", time.format(at));
      } else {
        text = conf.closedNow;
      }
      badge.textContent = text;
      badge.className = "hours-badge " + (st.open ? "is-open" : "is-closed");
      badge.hidden = false;
    }
  }

  return {
    hoursState: hoursState,
    startHours: startHours,
    normalize: normalize,
    tokens: tokens,
    find: find,
    docs: docs,
    match: match,
    card: card,
    start: () => {
      startSearch();
      startReadAloud();
      startOffline();
      startHours();
    }
  };
})();

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", Wegweiser.start);
  else Wegweiser.start();
}
if (typeof module === "object" && module.exports) module.exports = Wegweiser;
