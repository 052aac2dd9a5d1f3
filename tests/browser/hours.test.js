// The "open now" badge of opening hours in Chromium with the clock faked
// (page.clock): open inside an interval, closed just before it, closed
// across midnight with the next opening named, and an interval that runs
// past midnight. The list of intervals is the page's own (the build wrote
// it); the expected words are the page's own labels. Started by
// scripts/browser-test.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { siteInBrowser } = require("./common");

const env = siteInBrowser(test);
const PAGE = "/de/contacts/kreisverwaltung-mainz-bingen/";
const MIN = 60000;

async function badgeAt(ms, setup) {
  const ctx = await env.browser.newContext({ timezoneId: "Europe/Berlin" });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(ms);
  await page.goto(env.base + PAGE);
  if (setup) await page.evaluate(setup);
  await page.waitForSelector(".hours-badge:not([hidden])");
  const text = await page.textContent(".hours-badge");
  await ctx.close();
  return text.trim();
}

async function intervals() {
  const ctx = await env.browser.newContext();
  const page = await ctx.newPage();
  await page.goto(env.base + PAGE);
  const data = await page.$eval("[data-hours]", (el) => el.dataset.hours);
  await ctx.close();
  return data.split(",").map(Number);
}

const berlin = (ms, opts) => new Intl.DateTimeFormat("de", { timeZone: "Europe/Berlin", ...opts }).format(ms);

test("the badge says open inside an interval and closed just before it", async () => {
  const list = await intervals();
  assert.ok(list.length >= 4, "intervals for the coming weeks");
  const start = list[2] * MIN; // the second interval: wholly in the future
  const end = list[3] * MIN;
  const until = berlin(end, { hour: "2-digit", minute: "2-digit" });
  assert.strictEqual(await badgeAt(start + 30 * MIN), `Jetzt geöffnet · bis ${until}`);
  const opens = `${berlin(start, { weekday: "long" })} ${berlin(start, { hour: "2-digit", minute: "2-digit" })}`;
  assert.strictEqual(await badgeAt(start - MIN), `Geschlossen · öffnet ${opens}`);
  assert.strictEqual(await badgeAt(end - MIN), `Jetzt geöffnet · bis ${until}`);
});

test("across midnight: closed on both sides, the next opening named", async () => {
  const list = await intervals();
  // The first opening at 08:00 local that follows a closed night.
  const i = list.findIndex((m, k) => k % 2 === 0 && k > 0 && berlin(m * MIN, { hour: "2-digit", minute: "2-digit" }) === "08:00");
  assert.ok(i > 0, "an 08:00 opening");
  const start = list[i] * MIN;
  const midnight = start - 8 * 60 * MIN; // no clock change in the example's weeks
  const opens = `Geschlossen · öffnet ${berlin(start, { weekday: "long" })} 08:00`;
  assert.strictEqual(await badgeAt(midnight - MIN), opens);
  assert.strictEqual(await badgeAt(midnight + MIN), opens);
});

test("an interval that runs past midnight is open on both sides of it", async () => {
  const list = await intervals();
  const midnight = list[2] * MIN - 8 * 60 * MIN;
  const a = midnight / MIN - 120; // 22:00
  const b = midnight / MIN + 120; // 02:00
  const setup = ([a, b]) => {
    const el = document.querySelector("[data-hours]");
    el.dataset.hours = `${a},${b}`;
    el.querySelector(".hours-badge").hidden = true;
    Wegweiser.startHours();
  };
  const until = `Jetzt geöffnet · bis ${berlin(b * MIN, { hour: "2-digit", minute: "2-digit" })}`;
  for (const t of [midnight - 30 * MIN, midnight + 30 * MIN]) {
    const ctx = await env.browser.newContext();
    const page = await ctx.newPage();
    await page.clock.setFixedTime(t);
    await page.goto(env.base + PAGE);
    await page.evaluate(setup, [a, b]);
    assert.strictEqual((await page.textContent(".hours-badge")).trim(), until);
    await ctx.close();
  }
});

// The badge on a card of the contacts list, from the card's own (two weeks
// of) intervals and the list's labels: open inside the card's second
// interval, closed with the next opening named just before it.
test("a card's badge says open and closed at a fixed time", async () => {
  const LIST = "/de/contacts/";
  const card = "li.card:has(a[href$='/kreisverwaltung-mainz-bingen/']) .hours-badge";
  const ctx0 = await env.browser.newContext();
  const p0 = await ctx0.newPage();
  await p0.goto(env.base + LIST);
  const list = (await p0.$eval(card, (el) => el.dataset.hours)).split(",").map(Number);
  assert.strictEqual(await p0.$eval(card, (el) => el.hidden), false, "the script showed it");
  await ctx0.close();
  assert.ok(list.length >= 4, "intervals of two weeks");
  const start = list[2] * MIN;
  const end = list[3] * MIN;
  const at = async (ms) => {
    const ctx = await env.browser.newContext({ timezoneId: "America/New_York" });
    const page = await ctx.newPage();
    await page.clock.setFixedTime(ms);
    await page.goto(env.base + LIST);
    await page.waitForSelector(`${card}:not([hidden])`);
    const text = (await page.textContent(card)).trim();
    const cls = await page.$eval(card, (el) => el.className);
    await ctx.close();
    return [text, cls];
  };
  const hm = { hour: "2-digit", minute: "2-digit" };
  // The reader's own time zone does not matter: times are the site's.
  assert.deepStrictEqual(await at(start + MIN), [`Jetzt geöffnet · bis ${berlin(end, hm)}`, "hours-badge is-open"]);
  assert.deepStrictEqual(await at(start - MIN), [
    `Geschlossen · öffnet ${berlin(start, { weekday: "long" })} ${berlin(start, hm)}`,
    "hours-badge is-closed",
  ]);
});

// Arabic pages use Arabic-Indic digits (numbering = "arab" in site.toml):
// the badge formats its times with them, like the weekly table beside it.
test("the Arabic badge writes Arabic-Indic digits", async () => {
  const list = await intervals();
  const start = list[2] * MIN;
  const end = list[3] * MIN;
  const ctx = await env.browser.newContext({ timezoneId: "Europe/Berlin" });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(start + MIN);
  await page.goto(env.base + "/ar" + PAGE.slice(3));
  await page.waitForSelector(".hours-badge:not([hidden])");
  const badge = (await page.textContent(".hours-badge")).trim();
  const table = await page.textContent(".hours-week");
  await ctx.close();
  const until = new Intl.DateTimeFormat("ar-u-nu-arab", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" }).format(end);
  assert.ok(badge.endsWith(until), `${badge} ends with ${until}`);
  for (const text of [badge, table]) {
    assert.match(text, /[٠-٩]/, "Arabic-Indic digits");
    assert.doesNotMatch(text, /[0-9]/, "no Latin digits");
  }
});
