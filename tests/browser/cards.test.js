// Cards with facts on a phone (issue 16): at 390×844 in German, Arabic and
// Ukrainian every card on the offers and events lists shows where, and every
// event card its weekday and time, visibly (not only in the markup); phone
// numbers on cards and item pages read left to right and stay on one line.
// Started by scripts/browser-test (see site.test.js for the set-up).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { siteInBrowser } = require("./common");

// The built site, served with its own _headers, and Chromium.
const env = siteInBrowser(test);
const PHONE = { width: 390, height: 844 };
const LANGS = ["de", "ar", "uk"];


// Per card: its facts as [label, value, visible] and what the card's <time> elements say.
function readCards(page) {
  return page.$$eval("ul.cards > li.card", (cards) => cards.map((c) => {
    const seen = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    const rows = [...c.querySelectorAll(".card-facts dt")].map((dt) => {
      const dd = dt.nextElementSibling;
      return [dt.textContent.trim(), dd ? dd.textContent.trim() : "", seen(dt) && !!dd && seen(dd)];
    });
    const times = [...c.querySelectorAll(".card-facts time[datetime]")].map((t) => [t.getAttribute("datetime"), t.textContent.trim(), seen(t)]);
    const wide = c.scrollWidth > c.clientWidth + 1;
    return { title: c.querySelector("a").textContent.trim(), rows, times, wide };
  }));
}

for (const lang of LANGS) {
  test(`offer cards show their place at 390 px (${lang})`, async () => {
    const page = await env.browser.newPage({ viewport: PHONE });
    await page.goto(`${env.base}/${lang}/offers/`);
    const cards = await readCards(page);
    assert.ok(cards.length > 5, `${cards.length} offer cards`);
    // The label of the place row in this language, from the first card.
    const placeLabel = cards[0].rows[0][0];
    for (const c of cards) {
      const where = c.rows.find(([l]) => l === placeLabel);
      assert.ok(where && where[1].length > 0 && where[2], `${lang}: "${c.title}" shows no place: ${JSON.stringify(c.rows)}`);
      assert.ok(!c.wide, `${lang}: "${c.title}" is wider than the phone's screen`);
    }
    await page.close();
  });

  test(`event cards show weekday, time and place at 390 px (${lang})`, async () => {
    const page = await env.browser.newPage({ viewport: PHONE });
    await page.goto(`${env.base}/${lang}/events/`);
    const cards = await readCards(page);
    assert.ok(cards.length > 0, "upcoming events");
    const tag = lang;
    for (const c of cards) {
      // The first <time> is the date; the time of day is the one with a clock time
      // (a multi-day event shows its last day between them).
      const date = c.times[0];
      const time = c.times.find((t) => /T\d\d:\d\d$/.test(t[0]));
      assert.ok(date && date[2], `${lang}: "${c.title}" shows no date`);
      // The weekday of the machine-readable date, named by the browser's own ICU, is on the card.
      const weekday = new Intl.DateTimeFormat(tag, { weekday: "long", timeZone: "UTC" })
        .format(new Date(date[0].slice(0, 10) + "T12:00:00Z"));
      assert.ok(date[1].toLowerCase().includes(weekday.toLowerCase()), `${lang}: "${date[1]}" lacks ${weekday}`);
      assert.ok(time && /T\d\d:\d\d$/.test(time[0]) && time[2], `${lang}: "${c.title}" shows no time: ${JSON.stringify(c.times)}`);
      // Its hour, in whatever digits the language writes, is in the visible text.
      const hour = Number(time[0].slice(11, 13));
      const digits = (s) => s.replace(/[٠-٩]/g, (d) => "٠١٢٣٤٥٦٧٨٩".indexOf(d)).replace(/[۰-۹]/g, (d) => "۰۱۲۳۴۵۶۷۸۹".indexOf(d));
      const shown = digits(time[1]);
      assert.ok(shown.includes(String(hour)) || shown.includes(String(hour % 12 || 12)), `${lang}: "${time[1]}" is not ${time[0]}`);
      assert.ok(c.rows.length >= 2 && c.rows[1][1].length > 0 && c.rows[1][2], `${lang}: "${c.title}" shows no place: ${JSON.stringify(c.rows)}`);
      assert.ok(!c.wide, `${lang}: "${c.title}" is wider than the phone's screen`);
    }
    await page.close();
  });
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
