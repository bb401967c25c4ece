#!/usr/bin/env node
// @ts-nocheck
/**
 * First step of `npm test`: makes sure the browser tests have a Chromium. Finds one
 * (scripts/chromium.js); else, running as root on a machine with apt-get, installs Debian's
 * chromium package (no browser download from anywhere else: the Debian archive only). Never fails
 * the test command itself: when no browser can be had it says so once, and the browser suite
 * (test/e2e) fails with one message saying what to install.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const { findChromium, INSTALL_HINT } = createRequire(import.meta.url)("./chromium.js");

const found = findChromium();
if (found) {
  console.log(`[browser] ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (process.env.E2E_CHROMIUM || !isRoot || !existsSync("/usr/bin/apt-get")) {
  const why = process.env.E2E_CHROMIUM ? `E2E_CHROMIUM=${process.env.E2E_CHROMIUM} does not exist` : !isRoot ? "not root" : "no apt-get";
  console.log(`[browser] no Chromium found and none installed (${why}); the browser tests will fail until there is one: ${INSTALL_HINT}`);
  process.exit(0);
}

console.log("[browser] no Chromium found: installing Debian's chromium package (apt-get; a minute or two, once per machine)");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
const apt = (args) => spawnSync("apt-get", args, { env, stdio: ["ignore", "ignore", "inherit"] }).status === 0;
const installed = apt(["update", "-q"]) && apt(["install", "-y", "-q", "--no-install-recommends", "chromium"]);
const now = findChromium();
if (installed && now) console.log(`[browser] installed ${now}`);
else console.log(`[browser] could not install chromium; the browser tests will fail until there is one: ${INSTALL_HINT}`);
