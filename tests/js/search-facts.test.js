// Search results show the card's facts from the index entry, marked up as
// the cards are (dl.card-facts, phone and time isolated left to right).
// Run: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const W = require("../../themes/default/static/wegweiser.js");

// The little of the DOM the result markup needs, printed as HTML.
function fakeDocument() {
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  function node(tag) {
    return {
      tag, attrs: [], childNodes: [], textContent: "",
      setAttribute(k, v) { this.attrs.push([k, v]); },
      appendChild(c) { this.childNodes.push(c); return c; },
      html() {
        const a = this.attrs.map(([k, v]) => ` ${k}="${esc(v)}"`).join("");
        const inner = esc(this.textContent) + this.childNodes.map((c) => c.html()).join("");
        return `<${this.tag}${a}>${inner}</${this.tag}>`;
      },
    };
  }
  return {
    createElement: node,
    createTextNode: (t) => ({ html: () => esc(t) }),
  };
}

const labels = { when: "Wann?", where: "Ort", cost: "Kosten", phone: "Telefon" };

test("an event result shows weekday, date, time and place", () => {
  const d = {
    u: "/de/events/sprachcafe/", t: "Sprachcafé", c: "Termine",
    w: "Dienstag, 3. März 2026", wd: "2026-03-03", h: "18:00–19:30", hd: "2026-03-03T18:00",
    p: "Stadtbibliothek",
  };
  const html = W.card(d, null, labels, fakeDocument()).html();
  assert.ok(html.startsWith('<li class="card"><a href="/de/events/sprachcafe/">Sprachcafé</a>'), html);
  assert.ok(html.includes('<dl class="card-facts"><dt>Wann?</dt><dd><time datetime="2026-03-03">Dienstag, 3. März 2026</time>, <bdi dir="ltr" class="nowrap"><time datetime="2026-03-03T18:00">18:00–19:30</time></bdi></dd>'), html);
  assert.ok(html.includes("<dt>Ort</dt><dd><bdi>Stadtbibliothek</bdi></dd>"), html);
  assert.ok(!html.includes("Kosten") && !html.includes("Telefon"), html);
});

test("an offer result shows place, cost (with its language) and phone", () => {
  const d = {
    u: "/ar/offers/kurs/", t: "دورة", c: "عروض",
    p: "Nord", k: "kostenlos", kl: "de", n: "0761 123-45", nh: "tel:076112345",
  };
  const html = W.card(d, null, labels, fakeDocument()).html();
  assert.ok(html.includes("<dt>Ort</dt><dd><bdi>Nord</bdi></dd>"), html);
  assert.ok(html.includes('<dt>Kosten</dt><dd><bdi lang="de" dir="auto">kostenlos</bdi></dd>'), html);
  assert.ok(html.includes('<dt>Telefon</dt><dd><a href="tel:076112345"><bdi dir="ltr" class="nowrap">0761 123-45</bdi></a></dd>'), html);
  assert.ok(!html.includes("Wann?"), html);
});

test("a result without facts has no empty list", () => {
  const html = W.card({ u: "/de/pages/x/", t: "Über uns", c: "" }, null, labels, fakeDocument()).html();
  assert.ok(!html.includes("<dl"), html);
});
