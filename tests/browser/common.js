// What the browser test files share: where the built sites are, and a
// Chromium started for a sandboxed, offline machine.
"use strict";
const path = require("node:path");
const { chromium } = require("playwright-core");

const REPO = path.join(__dirname, "../..");
// Built by scripts/browser-test: the example site at the root of its host,
// and the same site built with --base-url https://example.org/guide/.
const SITE = process.env.WEGWEISER_SITE || path.join(REPO, "target/browser-site");
const SUBPATH_SITE = process.env.WEGWEISER_SUBPATH_SITE || path.join(REPO, "target/browser-site-guide");
const SHOTS = process.env.WEGWEISER_SCREENSHOTS || path.join(REPO, "target/screenshots");

// Flags for a sandboxed, offline machine (no Google services, no GPU).
const ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage",
];

function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ARGS });
}

module.exports = { SITE, SUBPATH_SITE, SHOTS, launch };
