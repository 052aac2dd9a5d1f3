// The browser editor (Sveltia CMS at /admin/), driven in Chromium as an
// editor of the office would: create an offer (title, summary, topics, a
// date, a body), save, add its Arabic translation, save; then the files the
// CMS wrote are copied into a copy of the site, and `wegweiser build`,
// `check` and `status` run on it. Run by scripts/cms-test, which installs
// the editor into a copy of the example site (scripts/install-editor) and
// builds it.
//
// Sveltia's local mode (a folder of the editor's computer) is automated by
// answering the folder picker with a folder in the browser's private
// storage (navigator.storage.getDirectory()) that holds a copy of content/
// (and an empty .git folder, which Sveltia looks for); the CMS reads and
// writes through its ordinary file-handle code.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const crypto = require("node:crypto");
const { execFileSync, spawnSync } = require("node:child_process");
const { launch, SHOTS } = require("./common");
const { serve } = require("./server");

const SRC = process.env.WEGWEISER_CMS_SRC; // the site folder, editor installed
const BUILT = process.env.WEGWEISER_CMS_SITE; // that site, built
const BIN = process.env.WEGWEISER_BIN;
const SCREEN = process.env.WEGWEISER_CMS_SCREENSHOT || path.join(SHOTS, "cms-offer.png");

/** path relative to `dir` → text, for every file below `dir/rel`. */
function readTree(dir, rel) {
  const out = {};
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = `${rel}/${e.name}`;
    if (e.isDirectory()) Object.assign(out, readTree(dir, r));
    else out[r] = fs.readFileSync(path.join(dir, r), "utf8");
  }
  return out;
}

function wegweiser(...args) {
  return spawnSync(BIN, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

/** The files of content/offers/ in the browser's private storage whose name starts with `prefix`. */
function storedOffers(page, prefix) {
  return page.evaluate(async (prefix) => {
    const root = await navigator.storage.getDirectory();
    const dir = await (await root.getDirectoryHandle("content")).getDirectoryHandle("offers");
    const out = {};
    for await (const [name, h] of dir.entries()) {
      if (!name.startsWith(prefix)) continue;
      try {
        out[name] = await (await h.getFile()).text();
      } catch {
        // being written: the next poll reads it
      }
    }
    return out;
  }, prefix);
}

/** Polls until `pred(files)` holds for the stored offers named `prefix…`. */
async function waitForFiles(page, prefix, pred, what) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const files = await storedOffers(page, prefix);
    if (pred(files)) return files;
    if (Date.now() > deadline) {
      const errors = await page.locator("section[data-key-path]:has([aria-invalid=true])").allInnerTexts();
      throw new Error(`${what}: not saved within 15 s; files ${JSON.stringify(files)}; invalid fields ${JSON.stringify(errors)}`);
    }
    await page.waitForTimeout(200);
  }
}

/** Sveltia draws fields lazily: scrolls the form down until `key`'s editable field is there. */
async function editableField(page, key, inner) {
  const field = page.locator(`section[data-key-path="${key}"]:has(${inner})`).first();
  for (let i = 0; i < 40 && !(await field.count()); i++) {
    await page.locator("section[data-key-path]").last().scrollIntoViewIfNeeded();
    await page.mouse.move(300, 600);
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(150);
  }
  await field.scrollIntoViewIfNeeded();
  return field.locator(inner).first();
}

/** Fills a text input, again if the form had not taken it yet (it starts up after it is drawn). */
async function fill(locator, text) {
  for (let i = 0; i < 5; i++) {
    await locator.fill(text);
    await new Promise((r) => setTimeout(r, 200));
    if ((await locator.inputValue()) === text) return;
  }
  throw new Error(`the field did not keep ${JSON.stringify(text)}`);
}

/**
 * Serves the built site, starts Chromium (both stopped after the test `t`)
 * and opens the editor in local mode on a copy of the site's content/ in
 * the browser's private storage. Returns the page, the site's address and
 * the page's uncaught errors (filled while the test runs).
 */
async function openEditor(t) {
  const server = await serve({ root: BUILT });
  const browser = await launch();
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    window.showDirectoryPicker = async () => {
      const root = await navigator.storage.getDirectory();
      await root.getDirectoryHandle(".git", { create: true });
      return root;
    };
  });
  // Sveltia's local mode is offered on a loopback address.
  const base = server.url.replace("localhost", "127.0.0.1");
  await page.goto(`${base}/admin/`);
  await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    for (const [p, text] of Object.entries(files)) {
      let dir = root;
      const parts = p.split("/");
      const name = parts.pop();
      for (const x of parts) dir = await dir.getDirectoryHandle(x, { create: true });
      const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await w.write(text);
      await w.close();
    }
  }, readTree(SRC, "content"));
  await page.getByRole("button", { name: "Work with Local Repository" }).click();
  return { page, base, pageErrors };
}

test("an offer and its Arabic translation written in the browser editor build, show and stay current", async (t) => {
  assert.ok(SRC && BUILT && BIN, "run by scripts/cms-test (WEGWEISER_CMS_SRC, WEGWEISER_CMS_SITE, WEGWEISER_BIN)");

  // The admin page's one inline script (its import map) is allowed by the CSP's hash.
  const html = fs.readFileSync(path.join(BUILT, "admin/index.html"), "utf8");
  const map = /<script type="importmap">([^<]*)<\/script>/.exec(html)[1];
  const hash = crypto.createHash("sha256").update(map).digest("base64");
  assert.match(fs.readFileSync(path.join(BUILT, "_headers"), "utf8"), new RegExp(`/admin/\\*\\n.*'sha256-${hash.replace(/[+/]/g, "\\$&")}'`));

  const { page, pageErrors } = await openEditor(t);

  // A new offer (Angebote is the first collection).
  await page.getByRole("button", { name: "Create New Entry" }).click();
  const field = (key) => page.locator(`section[data-key-path="${key}"]`).first();
  await field("title").locator("input").waitFor();
  await fill(field("title").locator("input"), "Nähcafé im Bürgerhaus");
  await fill(field("summary").locator("textarea"), "Gemeinsam nähen und dabei Deutsch sprechen.");
  await field("updated").locator("input[type=date]").fill("2026-05-01");
  await field("topics").locator("[role=combobox]").click();
  await page.getByRole("option", { name: "Sprache und Bildung" }).click();
  await field("title").locator("input").click(); // closes the list (Escape would leave the editor)
  // Where it is held (an offer without a location or address is a warning).
  await fill(await editableField(page, "address", "input"), "Bürgerhaus, 55218 Ingelheim am Rhein");
  const body = await editableField(page, "body", "[contenteditable=true]");
  await body.click();
  await page.keyboard.type("Jeden Dienstag im Bürgerhaus Ingelheim.");
  await field("title").scrollIntoViewIfNeeded();
  fs.mkdirSync(path.dirname(SCREEN), { recursive: true });
  await page.screenshot({ path: SCREEN });
  await page.getByRole("button", { name: "Save" }).click();
  const de = (await waitForFiles(page, "naehcafe", (f) => f["naehcafe-im-buergerhaus.md"], "the German file"))[
    "naehcafe-im-buergerhaus.md"
  ];
  // Dates are TOML dates, not quoted text (wegweiser-cms.js).
  assert.match(de, /^updated = 2026-05-01$/m);
  assert.match(de, /^topics = \["sprache-bildung"\]$/m);
  assert.match(de, /\n\+\+\+\n\nJeden Dienstag im Bürgerhaus Ingelheim\.\n$/);

  // Its Arabic translation.
  await page.getByText("Nähcafé im Bürgerhaus").first().click();
  await page.getByRole("combobox", { name: "Switch Locale" }).first().click();
  await page.getByRole("option", { name: /Arabic/ }).click();
  await page.getByRole("button", { name: /Enable .*Arabic/ }).click();
  await field("title").locator("input").waitFor();
  await fill(field("title").locator("input"), "مقهى الخياطة في دار المواطنين");
  await fill(field("summary").locator("textarea"), "نخيط معًا ونتحدث الألمانية.");
  const arBody = await editableField(page, "body", "[contenteditable=true]");
  await arBody.click();
  await page.keyboard.type("كل يوم ثلاثاء في دار المواطنين في إنغلهايم.");
  await page.getByRole("button", { name: "Save" }).click();
  const files = await waitForFiles(page, "naehcafe", (f) => f["naehcafe-im-buergerhaus.ar.md"], "the Arabic file");
  const ar = files["naehcafe-im-buergerhaus.ar.md"];
  assert.match(ar, /^title = "مقهى الخياطة في دار المواطنين"$/m);
  // Stamped by wegweiser-cms.js's preSave hook (which needs Immutable.js, served by the import map).
  assert.match(ar, /^source_hash = "[0-9a-f]{12}"$/m);
  assert.match(de, /^address = "Bürgerhaus, 55218 Ingelheim am Rhein"$/m);
  assert.doesNotMatch(ar, /^topics/m, "fields that are not translated stay in the German file");
  assert.deepEqual(pageErrors, []);

  // The files the CMS wrote, in a copy of the site: they build and check
  // without error, the pages show them, and the translation is current.
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-cms-"));
  t.after(() => fs.rmSync(site, { recursive: true, force: true }));
  for (const name of ["site.toml", "content", "locales", "themes", "static"]) {
    if (fs.existsSync(path.join(SRC, name))) fs.cpSync(path.join(SRC, name), path.join(site, name), { recursive: true });
  }
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(site, "content/offers", name), text);
  const built = wegweiser("build", "--root", site, "--out", "public", "--format", "short");
  assert.equal(built.status, 0, `build failed:\n${built.stdout}${built.stderr}`);
  const checked = wegweiser("check", "--root", site, "--format", "short");
  assert.equal(checked.status, 0, `check failed:\n${checked.stdout}${checked.stderr}`);
  assert.doesNotMatch(checked.stdout + checked.stderr, /naehcafe/, "check has nothing to say about the new files");
  const deHtml = fs.readFileSync(path.join(site, "public/de/offers/naehcafe-im-buergerhaus/index.html"), "utf8");
  assert.match(deHtml, /Nähcafé im Bürgerhaus/);
  assert.match(deHtml, /Jeden Dienstag im Bürgerhaus Ingelheim\./);
  const arHtml = fs.readFileSync(path.join(site, "public/ar/offers/naehcafe-im-buergerhaus/index.html"), "utf8");
  assert.match(arHtml, /مقهى الخياطة في دار المواطنين/);
  assert.match(arHtml, /كل يوم ثلاثاء في دار المواطنين في إنغلهايم\./);
  const csv = path.join(site, "status.csv");
  execFileSync(BIN, ["status", "--root", site, "--csv", csv], { encoding: "utf8" });
  const rows = fs.readFileSync(csv, "utf8").split("\n").filter((l) => l.includes(",offers/naehcafe-im-buergerhaus,"));
  assert.ok(rows.includes("ar,offers/naehcafe-im-buergerhaus,current,false,false"), `status: ${rows.join(" / ")}`);
});

test("the event form offers all-day events, sessions, repeat rules and coordinates", async (t) => {
  assert.ok(SRC && BUILT, "run by scripts/cms-test");
  const { page, base } = await openEditor(t);
  await page.getByRole("button", { name: "Create New Entry" }).first().waitFor();
  await page.goto(`${base}/admin/#/collections/events/new`);
  await page.locator('section[data-key-path="title"] input').first().waitFor();
  await editableField(page, "all_day", "[role=switch]");
  await editableField(page, "start", "input");
  await editableField(page, "sessions", "button");
  await editableField(page, "repeat", ":is([role=combobox], [role=radio])");
  await editableField(page, "repeat_on", ":is([role=combobox], [role=checkbox])");
  await editableField(page, "repeat_until", "input[type=date]");
  await editableField(page, "geo", "button");
});
