// Mixed-direction lines and the compact header, in a real browser at a
// phone's size (390×844): the visual order of the parts of mixed lines in
// Arabic and Farsi is checked from their boxes on screen (Range and element
// client rects), not from the markup. Started by scripts/browser-test.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { siteInBrowser } = require("./common");

// The built site, served with its own _headers, and Chromium.
const env = siteInBrowser(test);
const PHONE = { width: 390, height: 844 };


async function phonePage(path, options = {}) {
  const ctx = await env.browser.newContext({ viewport: PHONE, ...options });
  const page = await ctx.newPage();
  const res = await page.goto(env.base + path);
  assert.strictEqual(res.status(), 200, path);
  return { page, ctx };
}

// In the page: helpers that read the boxes of words and elements.
const HELPERS = () => {
  // The first box of each word (or single character, with `chars`) of an element's text.
  window.__boxes = (el, chars) => {
    const out = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const re = chars ? /\S/g : /\S+/g;
      let m;
      while ((m = re.exec(n.data))) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const b = r.getClientRects()[0];
        if (b) out.push({ text: m[0], top: b.top, left: b.left, right: b.right, bottom: b.bottom });
      }
    }
    return out;
  };
  // Whether box b comes after box a in reading order of a `dir` line:
  // a later line, or further along the same line.
  window.__after = (a, b, dir) => {
    const sameLine = Math.abs(a.top - b.top) < (a.bottom - a.top) / 2;
    if (!sameLine) return b.top > a.top;
    return dir === "rtl" ? b.right <= a.left + 1 : b.left >= a.right - 1;
  };
  // Every part of `boxes` follows the one before it in reading order.
  window.__inOrder = (boxes, dir) => {
    for (let i = 1; i < boxes.length; i++) {
      if (!window.__after(boxes[i - 1], boxes[i], dir)) {
        return `«${boxes[i].text}» is not after «${boxes[i - 1].text}» (${dir})`;
      }
    }
    return "ok";
  };
  window.__first = (el, text) => {
    const b = el.getClientRects()[0];
    return { text, top: b.top, left: b.left, right: b.right, bottom: b.bottom };
  };
};

async function inPage(page, fn, arg) {
  await page.evaluate(HELPERS);
  return page.evaluate(fn, arg);
}

for (const path of ["/de/offers/", "/ar/offers/", "/uk/events/"]) {
  test(`at 390×844 the heading of ${path} is on the first screen`, async () => {
    const { page, ctx } = await phonePage(path);
    const h1 = await page.$eval("main h1", (h) => {
      const b = h.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom };
    });
    assert.ok(h1.top >= 0 && h1.bottom <= PHONE.height, `h1 at ${JSON.stringify(h1)}`);
    // The header leaves most of the screen to the page.
    const header = await page.$eval(".site-header", (h) => h.getBoundingClientRect().height);
    assert.ok(header < 160, `header is ${header}px high`);
    // Nothing is wider than the screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `page is ${width}px wide`);
    await ctx.close();
  });
}

test("the language menu is one control and works without JavaScript", async () => {
  const { page, ctx } = await phonePage("/de/offers/", { javaScriptEnabled: false });
  assert.strictEqual(await page.isVisible(".langs nav a[hreflang='ar']"), false, "closed at first");
  assert.strictEqual(await page.textContent(".langs summary").then((t) => t.trim()), "Sprache");
  await page.click(".langs summary");
  const names = await page.$$eval(".langs nav a", (as) => as.map((a) => [a.textContent, a.lang]));
  assert.deepStrictEqual(names.find((n) => n[1] === "ar"), ["العربية", "ar"]);
  // Easy-read German is in the menu once, first.
  const easy = names.filter((n) => n[0] === "Leichte Sprache");
  assert.strictEqual(easy.length, 1, JSON.stringify(names));
  assert.strictEqual(names[0][0], "Leichte Sprache");
  await page.click(".langs nav a[hreflang='ar']");
  assert.ok(page.url().endsWith("/ar/offers/"), page.url());
  await ctx.close();
});

test("the search page has one search box", async () => {
  const { page, ctx } = await phonePage("/de/search/");
  const boxes = await page.$$eval("input[type=search]", (is) => is.filter((i) => i.offsetParent !== null).length);
  assert.strictEqual(boxes, 1);
  await ctx.close();
});

for (const lang of ["ar", "fa"]) {
  test(`${lang}: the site name reads in order and does not break inside the place`, async () => {
    const { page, ctx } = await phonePage(`/${lang}/`);
    const r = await inPage(page, () => {
      const brand = document.querySelector(".brand");
      const [place, original] = brand.querySelectorAll("bdi");
      const parts = [
        window.__boxes(brand)[0],
        window.__first(place, "place"),
        window.__first(original, "original"),
      ];
      const chars = window.__boxes(original, true);
      return {
        order: window.__inOrder(parts, "rtl"),
        placeLines: place.getClientRects().length,
        originalLines: original.getClientRects().length,
        inner: window.__inOrder(chars, "ltr"),
        first: chars[0].text,
        last: chars[chars.length - 1].text,
      };
    });
    assert.strictEqual(r.order, "ok");
    assert.strictEqual(r.placeLines, 1, "the place is on one line");
    assert.strictEqual(r.originalLines, 1, "(Mainz-Bingen) is on one line");
    assert.strictEqual(r.inner, "ok", "(Mainz-Bingen) reads left to right");
    assert.deepStrictEqual([r.first, r.last], ["(", ")"]);
    await ctx.close();
  });
}

test("fa: the fallback notice names German in Persian, and the German text reads left to right", async () => {
  const { page, ctx } = await phonePage("/fa/events/offener-sprachtreff-ingelheim/");
  const notice = await page.textContent(".notice-fallback");
  assert.ok(notice.includes("آلمانی"), notice);
  assert.ok(!/Deutsch/.test(notice), notice);
  const r = await inPage(page, () => {
    const body = document.querySelector(".body");
    const p = body.querySelector("p");
    return { dir: getComputedStyle(body).direction, order: window.__inOrder(window.__boxes(p), "ltr") };
  });
  assert.strictEqual(r.dir, "ltr");
  assert.strictEqual(r.order, "ok");
  await ctx.close();
});

for (const lang of ["ar", "fa"]) {
  test(`${lang}: an organiser's German name and role, and an address, keep their order`, async () => {
    const { page, ctx } = await phonePage(`/${lang}/events/offener-sprachtreff-ingelheim/`);
    const r = await inPage(page, () => {
      const dd = [...document.querySelectorAll(".facts dd")];
      const organiser = dd.find((d) => d.querySelector("a[href*='/contacts/']"));
      const name = organiser.querySelector("a");
      const role = organiser.querySelector(".role");
      const address = dd.map((d) => d.querySelector("bdi")).find((b) => b && /\d{5}/.test(b.textContent));
      const label = organiser.parentNode.querySelector("dt");
      const roleChars = window.__boxes(role, true);
      return {
        // The label (Persian/Arabic) comes first, at the right; then the name; then its role.
        line: window.__inOrder([window.__first(label, "label"), window.__first(name, "name"), window.__first(role, "role")], "rtl"),
        // Each reads in its own direction (German left to right; a translated
        // name in the page's).
        // (the name is isolated in a <bdi> inside the link: its direction counts)
        // A translated name may keep the German one in brackets: its Latin
        // words read left to right among themselves, the others in the
        // name's direction.
        name: (() => {
          const text = name.querySelector("bdi") || name;
          const boxes = window.__boxes(text);
          const latin = (b) => /[A-Za-zÄÖÜäöüß]/.test(b.text);
          const own = window.__inOrder(boxes.filter((b) => !latin(b)), getComputedStyle(text).direction);
          return own !== "ok" ? own : window.__inOrder(boxes.filter(latin), "ltr");
        })(),
        role: (() => {
          const text = role.querySelector("bdi") || role;
          return window.__inOrder(window.__boxes(text), getComputedStyle(text).direction);
        })(),
        parens: [roleChars[0].text, roleChars[1].text, roleChars[roleChars.length - 1].text],
        roleText: role.textContent,
        address: window.__inOrder(window.__boxes(address), "ltr"),
        addressText: address.textContent,
      };
    });
    assert.strictEqual(r.line, "ok");
    assert.strictEqual(r.name, "ok");
    assert.strictEqual(r.role, "ok", r.roleText);
    assert.deepStrictEqual([r.parens[0], r.parens[2]], ["(", ")"], r.roleText);
    assert.notStrictEqual(r.parens[1], "(", `no doubled parenthesis: ${r.roleText}`);
    assert.strictEqual(r.address, "ok", r.addressText);
    await ctx.close();
  });
}

test("the home page is a start page: topic tiles with icons, the office to call", async () => {
  const { page, ctx } = await phonePage("/fa/");
  const tiles = await page.$$eval(".topic-tiles a", (as) => as.map((a) => ({
    text: a.textContent.trim(),
    icon: !!a.querySelector("svg[aria-hidden='true'] use"),
    drawn: a.querySelector("svg").getBoundingClientRect().width > 0,
  })));
  assert.strictEqual(tiles.length, 6);
  for (const t of tiles) assert.ok(t.icon && t.drawn && t.text.length > 3, JSON.stringify(t));
  const call = await page.$eval(".office a[href^='tel:']", (a) => ({
    href: a.getAttribute("href"),
    number: a.querySelector("bdi").getClientRects().length,
    dir: getComputedStyle(a.querySelector("bdi")).direction,
  }));
  assert.match(call.href, /^tel:\+49\d+$/);
  assert.strictEqual(call.number, 1, "the phone number is on one line");
  assert.strictEqual(call.dir, "ltr");
  await ctx.close();
});
