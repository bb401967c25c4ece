// @ts-nocheck
// Where the browser tests, the bench and the screenshots find a Chromium: E2E_CHROMIUM when set,
// else the usual Debian / Ubuntu places. No browser is ever downloaded: playwright-core drives the
// system's own (scripts/ensure-browser.mjs installs Debian's when it can).
"use strict";
const { existsSync } = require("node:fs");

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome-stable", "/usr/bin/google-chrome", "/snap/bin/chromium"];

/** The install line that the messages give. */
const INSTALL_HINT = "apt-get install -y --no-install-recommends chromium (as root), or set E2E_CHROMIUM=/path/to/chromium";

/** The first Chromium found, or null. An E2E_CHROMIUM that does not exist is null, not a guess elsewhere. */
function findChromium(env = process.env) {
  if (env.E2E_CHROMIUM) return existsSync(env.E2E_CHROMIUM) ? env.E2E_CHROMIUM : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * The flags known to work here, headless as root: without the background-networking ones Chromium
 * calls out at start (refused on a closed network, and nothing the tests want).
 */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

module.exports = { findChromium, INSTALL_HINT, CANDIDATES, CHROMIUM_ARGS };
