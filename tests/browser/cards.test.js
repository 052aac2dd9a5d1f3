// Cards with facts on a phone (issue 16): at 390×844 in German, Arabic and
// Ukrainian, on the offers list, a topic page and the events list, the first
// card's heading is fully visible on the first screen (nothing to scroll),
// every card shows where, and every event card its weekday and time,
// visibly (not only in the markup); phone numbers on cards and item pages
// read left to right and stay on one line.
// Started by scripts/browser-test (see site.test.js for the set-up).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const { SITE, siteInBrowser } = require("./common");

// The built site, served with its own _headers, and Chromium.
const env = siteInBrowser(test);
const PHONE = { width: 390, height: 844 };
const LANGS = ["de", "ar", "uk"];

// The topic page to look at: the first (in the site's order of folders) that
// lists offers and an event, so both kinds of card are seen there.
const TOPIC = (() => {
  const dir = path.join(SITE, "de/topics");
  const topics = fs.readdirSync(dir).filter((t) => fs.existsSync(path.join(dir, t, "index.html"))).sort();
  const both = topics.find((t) => {
    const html = fs.readFileSync(path.join(dir, t, "index.html"), "utf8");
    return html.includes("card card-offer") && html.includes("card card-event");
  });
  return both || topics[0];
})();
const PAGES = ["offers/", `topics/${TOPIC}/`, "events/"];

// The label of a card's place row in `lang` (label-location in the site's messages).
function placeLabel(lang) {
  const ftl = fs.readFileSync(path.join(__dirname, "../../locales", lang, "main.ftl"), "utf8");
  const m = /^label-location = (.+)$/m.exec(ftl);
  if (!m) throw new Error(`no label-location in locales/${lang}/main.ftl`);
  return m[1].trim();
}

// Per card: its kind, its facts as [label, value, visible] and what the card's <time> elements say.
function readCards(page) {
  return page.$$eval("ul.cards > li.card", (cards) => cards.map((c) => {
    const seen = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    const rows = [...c.querySelectorAll(".card-facts dt")].map((dt) => {
      const dd = dt.nextElementSibling;
      return [dt.textContent.trim(), dd ? dd.textContent.trim() : "", seen(dt) && !!dd && seen(dd)];
    });
    const times = [...c.querySelectorAll(".card-facts time[datetime]")].map((t) => [t.getAttribute("datetime"), t.textContent.trim(), seen(t)]);
    const wide = c.scrollWidth > c.clientWidth + 1;
    const event = c.classList.contains("card-event");
    return { title: c.querySelector("a").textContent.trim(), event, rows, times, wide };
  }));
}

// An event card shows the weekday of its date and its time of day (`at` names the page).
function assertWhen(lang, at, c) {
  // The first <time> is the date; the time of day is the one with a clock time
  // (a multi-day event shows its last day between them).
  const date = c.times[0];
  const time = c.times.find((t) => /T\d\d:\d\d$/.test(t[0]));
  assert.ok(date && date[2], `${at}: "${c.title}" shows no date`);
  // The weekday of the machine-readable date, named by the browser's own ICU, is on the card.
  const weekday = new Intl.DateTimeFormat(lang, { weekday: "long", timeZone: "UTC" })
    .format(new Date(date[0].slice(0, 10) + "T12:00:00Z"));
  assert.ok(date[1].toLowerCase().includes(weekday.toLowerCase()), `${at}: "${date[1]}" lacks ${weekday}`);
  assert.ok(time && time[2], `${at}: "${c.title}" shows no time: ${JSON.stringify(c.times)}`);
  // Its hour, in whatever digits the language writes, is in the visible text.
  const hour = Number(time[0].slice(11, 13));
  const digits = (s) => s.replace(/[٠-٩]/g, (d) => "٠١٢٣٤٥٦٧٨٩".indexOf(d)).replace(/[۰-۹]/g, (d) => "۰۱۲۳۴۵۶۷۸۹".indexOf(d));
  const shown = digits(time[1]);
  assert.ok(shown.includes(String(hour)) || shown.includes(String(hour % 12 || 12)), `${at}: "${time[1]}" is not ${time[0]}`);
}

for (const lang of LANGS) {
  for (const list of PAGES) {
    const at = `/${lang}/${list}`;
    test(`first screen and card facts at 390 px: ${at}`, async () => {
      const page = await env.browser.newPage({ viewport: PHONE });
      await page.goto(env.base + at);
      // The first card's heading lies inside the first screen, and nothing
      // covers it: the middle of each of its lines is the heading itself.
      const first = await page.$eval("ul.cards > li.card > a", (a) => {
        const r = a.getBoundingClientRect();
        const covered = [...a.getClientRects()].map((l) => document.elementFromPoint(l.left + l.width / 2, l.top + l.height / 2))
          .filter((hit) => !hit || !a.contains(hit)).map((hit) => (hit ? hit.outerHTML.slice(0, 80) : "nothing"));
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, scrollY, covered, text: a.textContent.trim() };
      });
      assert.strictEqual(first.scrollY, 0);
      assert.ok(first.top >= 0 && first.left >= 0 && first.bottom <= PHONE.height && first.right <= PHONE.width,
        `${at}: the first card's heading "${first.text}" is not inside the first screen: ${JSON.stringify(first)}`);
      assert.deepStrictEqual(first.covered, [], `${at}: the first card's heading "${first.text}" is covered`);
      const cards = await readCards(page);
      assert.ok(cards.length > 0, `${at}: no cards`);
      if (list === "events/") assert.ok(cards.every((c) => c.event), `${at}: only events`);
      if (list === "offers/") assert.ok(cards.length > 5 && cards.every((c) => !c.event), `${at}: ${cards.length} offers`);
      const where = placeLabel(lang);
      for (const c of cards) {
        const row = c.rows.find(([l]) => l === where);
        assert.ok(row && row[1].length > 0 && row[2], `${at}: "${c.title}" shows no place: ${JSON.stringify(c.rows)}`);
        if (c.event) assertWhen(lang, at, c);
        assert.ok(!c.wide, `${at}: "${c.title}" is wider than the phone's screen`);
      }
      await page.close();
    });
  }
}

test("phone numbers on cards and offer pages read left to right on one line (ar)", async () => {
  const page = await env.browser.newPage({ viewport: PHONE });
  for (const p of ["/ar/offers/", "/ar/offers/sprachcafe-ingelheim/"]) {
    await page.goto(env.base + p);
    const phones = await page.$$eval("a[href^='tel:']", (as) => as.map((a) => {
      const b = a.querySelector("bdi[dir=ltr]");
      const rects = b ? b.getClientRects().length : 0;
      // The number's first digit group is left of its last one, and it is one line box.
      const r = document.createRange();
      const text = b ? b.firstChild : null;
      let order = true;
      if (text && text.length > 4) {
        r.setStart(text, 0); r.setEnd(text, 3);
        const first = r.getBoundingClientRect().left;
        r.setStart(text, text.length - 3); r.setEnd(text, text.length);
        order = first < r.getBoundingClientRect().left;
      }
      return { number: a.textContent.trim(), isolated: !!b, rects, order };
    }));
    assert.ok(phones.length > 0, `${p}: no phone link`);
    for (const ph of phones) {
      assert.ok(ph.isolated, `${p}: ${ph.number} is not isolated left to right`);
      assert.strictEqual(ph.rects, 1, `${p}: ${ph.number} breaks over lines`);
      assert.ok(ph.order, `${p}: ${ph.number} reads right to left`);
    }
  }
  await page.close();
});
