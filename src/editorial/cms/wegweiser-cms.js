// Wegweiser's additions to Sveltia CMS, written by `wegweiser cms` beside
// the admin page (after the line with the data from the content schema).
//
// 1. Files are written as Wegweiser reads them: TOML front matter whose
//    dates and date-times are TOML dates (not quoted text), whose numbers
//    of decimal fields keep a decimal point, and, for an all-day event
//    (`all_day = true`), whose start and end are dates without a time.
// 2. Translation bookkeeping: a translation saved without `source_hash`
//    (new in the editor) gets the fingerprint of the German text it was
//    written beside, computed as `wegweiser translate` does (so `status`
//    says "current"). A translation that already has one keeps it: when the
//    German text changes, its translations become "outdated", as in a text
//    editor; after updating one, confirm it with `wegweiser translate ITEM
//    LANG --confirm`.
"use strict";
(() => {
  const W = window.WEGWEISER;
  const dates = new Set(W.dates);
  const datetimes = new Set(W.datetimes);
  const floats = new Set(W.floats);
  const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

  const empty = (v) =>
    v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

  // A TOML basic string: JSON's escapes are TOML's, DEL is not allowed raw.
  const string = (s) => JSON.stringify(s).replace(/\x7f/g, "\\u007F");

  function value(key, v, allDay) {
    if (typeof v === "boolean") return String(v);
    if (typeof v === "number") {
      return floats.has(key) && Number.isInteger(v) ? v.toFixed(1) : String(v);
    }
    if (typeof v === "string") {
      if ((dates.has(key) || datetimes.has(key)) && ISO.test(v)) {
        return allDay || dates.has(key) ? v.slice(0, 10) : v;
      }
      return string(v);
    }
    if (Array.isArray(v)) {
      return `[${v.filter((x) => !empty(x)).map((x) => value(key, x, allDay)).join(", ")}]`;
    }
    if (typeof v === "object") {
      const pairs = Object.entries(v).filter(([, x]) => !empty(x));
      return `{ ${pairs.map(([k, x]) => `${k} = ${value(k, x, allDay)}`).join(", ")} }`;
    }
    return string(String(v));
  }

  // What follows the closing `+++` line: Wegweiser's body of the item.
  function bodyPart(body) {
    const b = String(body ?? "").replace(/\r\n?/g, "\n").trimEnd();
    return b ? `\n${b}\n` : "";
  }

  function toFile(content) {
    const { body, ...meta } = content;
    const allDay = meta.all_day === true;
    const lines = Object.entries(meta)
      .filter(([k, v]) => !k.startsWith("_") && !empty(v))
      .map(([k, v]) => `${k} = ${value(k, v, allDay)}`);
    return `+++\n${lines.join("\n")}\n+++\n${bodyPart(body)}`;
  }

  // wegweiser::content::status::fingerprint, on the German text as toFile
  // writes it: each text field present (trimmed), then the body's lines
  // (white space at their ends removed); the first 6 bytes of SHA-256, hex.
  async function fingerprint(data) {
    let text = "";
    for (const name of W.textFields) {
      const v = data[name];
      if (typeof v === "string" && v !== "") text += `${name}\0${v.trim()}\n`;
    }
    text += "\0body\0";
    const body = bodyPart(data.body).trimEnd();
    if (body) for (const line of body.split("\n")) text += `${line.trimEnd()}\n`;
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    return [...new Uint8Array(digest).slice(0, 6)].map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  async function stampTranslations({ entry }) {
    const i18n = entry.get("i18n");
    if (!i18n) return entry;
    const hash = await fingerprint(entry.get("data").toJS());
    let out = entry;
    for (const [locale, value] of i18n.entries()) {
      const data = value && value.get("data");
      if (!data || !data.get("title") || data.get("source_hash")) continue;
      out = out.setIn(["i18n", locale, "data", "source_hash"], hash);
    }
    return out;
  }

  window.CMS.registerCustomFormat("toml-frontmatter", "md", { toFile });
  window.CMS.registerEventListener({ name: "preSave", handler: stampTranslations });
  // For the tests: the same functions the editor uses.
  window.WEGWEISER.toFile = toFile;
  window.WEGWEISER.fingerprint = fingerprint;
})();
