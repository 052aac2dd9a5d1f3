// Wegweiser: optional enhancements. Every page is complete without this
// script; it adds search results, "read aloud" and offline use.
// Nothing is loaded from other sites and nothing about readers is stored
// or sent anywhere.
"use strict";

// The search page runs this script before it shows anything (it is not
// deferred there): with "js" on <html>, style.css hides the A–Z list for
// readers without JavaScript until startSearch folds it, so nothing moves.
if (typeof document !== "undefined") document.documentElement.classList.add("js");

var Wegweiser = (function () {
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
    return normalize(s).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }

  // ---- Search over an index written by the build: {docs, words}.
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

  function search(index, query) {
    var qs = tokens(query);
    if (qs.length === 0) return [];
    var words = Object.keys(index.words);
    var hits = null;
    // Per document: the sum over query words of their best match.
    var quality = new Map();
    qs.forEach(function (q) {
      var docs = new Map();
      words.forEach(function (w) {
        var m = match(q, w);
        if (m > 0) index.words[w].forEach(function (d) { docs.set(d, Math.max(docs.get(d) || 0, m)); });
      });
      hits = hits === null ? [...docs.keys()] : hits.filter(function (d) { return docs.has(d); });
      docs.forEach(function (m, d) { quality.set(d, (quality.get(d) || 0) + m); });
    });
    var scored = hits.map(function (i) {
      var doc = index.docs[i];
      var title = tokens(doc.t);
      var score = quality.get(i);
      qs.forEach(function (q) {
        if (title.some(function (w) { return match(q, w) > 0; })) score += 4;
      });
      return { doc: doc, score: score };
    });
    scored.sort(function (a, b) { return b.score - a.score || a.doc.t.localeCompare(b.doc.t); });
    return scored.map(function (s) { return s.doc; });
  }

  function load(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  function el(tag, text, attrs, doc) {
    var e = (doc || document).createElement(tag);
    if (text) e.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
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

  function showResults(box, heading, docs, lang) {
    box.replaceChildren();
    box.appendChild(el("h2", heading, { id: "h-results" }));
    var list = el("ul", "", { "class": "cards search-results" });
    var labels = { when: box.dataset.when, where: box.dataset.where, cost: box.dataset.cost, phone: box.dataset.phone };
    docs.forEach(function (d) { list.appendChild(card(d, lang, labels)); });
    box.appendChild(list);
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
    load(base() + form.dataset.index).then(function (index) {
      var found = search(index, q);
      if (found.length > 0) return showResults(box, box.dataset.results, found, null);
      if (!form.dataset.fallbackIndex) return box.replaceChildren(el("p", box.dataset.none, {}));
      return load(base() + form.dataset.fallbackIndex).then(function (fallback) {
        var other = search(fallback, q);
        if (other.length === 0) return box.replaceChildren(el("p", box.dataset.none, {}));
        showResults(box, box.dataset.inFallback, other, form.dataset.fallbackLang);
      });
    }).catch(function () { /* the A–Z list below still works */ });
  }

  // ---- Read aloud with the browser's own voices; hidden where none fits.
  function startReadAloud() {
    var wrap = document.querySelector(".read-aloud");
    if (!wrap || !("speechSynthesis" in window)) return;
    var lang = document.documentElement.lang.toLowerCase().split("-")[0];
    var button = wrap.querySelector("button");
    var label = button.textContent;
    function voice() {
      return speechSynthesis.getVoices().filter(function (v) {
        return v.lang.toLowerCase().split(/[-_]/)[0] === lang;
      })[0];
    }
    function offer() { if (voice()) wrap.hidden = false; }
    offer();
    speechSynthesis.addEventListener("voiceschanged", offer);
    button.addEventListener("click", function () {
      if (speechSynthesis.speaking) {
        speechSynthesis.cancel();
        return;
      }
      var article = document.querySelector("main article") || document.querySelector("main");
      var u = new SpeechSynthesisUtterance(article.innerText);
      u.lang = document.documentElement.lang;
      u.voice = voice() || null;
      u.onend = u.onerror = function () { button.textContent = label; };
      button.textContent = button.dataset.stop;
      speechSynthesis.speak(u);
    });
  }

  // ---- Offline: the service worker keeps visited pages and, once asked,
  // this language's home, lists and contacts.
  function startOffline() {
    if (!("serviceWorker" in navigator)) return;
    var key = document.documentElement.dataset.key;
    navigator.serviceWorker.register(base() + "/sw.js", { scope: base() + "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      if (key && reg.active) reg.active.postMessage({ keep: key, page: location.pathname });
    }).catch(function () { /* no offline use: the site works as before */ });
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
    search: search,
    card: card,
    start: function () {
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
