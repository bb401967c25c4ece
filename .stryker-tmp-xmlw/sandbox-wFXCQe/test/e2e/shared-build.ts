/**
 * One production build of the pane for every browser test of a run. Each e2e suite used to build
 * its own (`webpack --mode production`, a minute cold on two cores, more with the offline
 * edition); jest runs the suites in parallel workers, so a run paid for several builds of the same
 * source at once. Here the first worker to ask builds into a folder named by the hash of what the
 * build reads (src/, assets/, the webpack config, tsconfig, the lockfile), the others wait for it,
 * and a later run over unchanged source reuses it.
 *
 * The folder is shared read-only: a suite that must change what it serves builds its own
 * (harness.ts buildPane), as the office.js-from-CDN suite does.
 */
// @ts-nocheck

import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { buildPane, REPO_ROOT } from "./harness";

/** The inputs of `webpack --mode production`: a change to any of them is a new build. */
const BUILD_INPUTS = ["src", "assets", "webpack.config.js", "tsconfig.json", "package-lock.json", "manifest.xml"];
const PREFIX = "hotline-e2e-shared-";
const COMPLETE = ".complete";
/** A lock older than this is a builder that died: taken over. */
const STALE_LOCK_MS = 15 * 60 * 1000;
const POLL_MS = 500;

function files(path: string, out: string[]): string[] {
  if (!existsSync(path)) return out;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) files(join(path, name), out);
  } else out.push(path);
  return out;
}

/** sha256 over every build input's path and bytes, and the node version (Terser's output can depend on it). */
export function buildKey(root = REPO_ROOT): string {
  const hash = createHash("sha256").update(process.version);
  for (const input of BUILD_INPUTS) {
    for (const file of files(join(root, input), [])) {
      hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A finished build younger than this may be served by another checkout's run right now: kept. */
const KEEP_RECENT_MS = 60 * 60 * 1000;

/** Older shared builds (complete, unlocked, over an hour old), removed so that the temp folder does not fill up. */
function removeOtherBuilds(keep: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX) || name.endsWith(".lock")) continue;
    const dir = join(tmpdir(), name);
    const complete = join(dir, COMPLETE);
    if (dir === keep || existsSync(`${dir}.lock`) || !existsSync(complete)) continue;
    if (Date.now() - statSync(complete).mtimeMs < KEEP_RECENT_MS) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The folder of this source's production build, built once for all suites of the run (and later runs). */
export async function sharedPaneBuild(): Promise<string> {
  const dir = join(tmpdir(), `${PREFIX}${buildKey()}`);
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(join(dir, COMPLETE))) return dir;
    let mine = false;
    try {
      mkdirSync(lock); // atomic: one builder
      mine = true;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // the builder finished between the two calls
      }
    }
    if (!mine) {
      await sleep(POLL_MS);
      continue;
    }
    try {
      rmSync(dir, { recursive: true, force: true }); // a half-written folder of a builder that died
      mkdirSync(dir, { recursive: true });
      await buildPane(dir);
      writeFileSync(join(dir, COMPLETE), new Date().toISOString());
      removeOtherBuilds(dir);
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
