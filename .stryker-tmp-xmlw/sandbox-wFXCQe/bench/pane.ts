/**
 * Task pane: the production build (`webpack --mode production` into a temporary folder), the gzip
 * size of the JavaScript taskpane.html loads itself (its <script src> tags: the initial load) with
 * the lazily loaded chunks listed apart, and the time from navigation to an interactive pane in
 * headless Chromium (Debian's /usr/bin/chromium through playwright-core), served from 127.0.0.1.
 *
 * "Interactive" = the pane's main heading is visible: page.getByRole("heading", { level: 1 })
 * reaches state "visible". Each run is a fresh browser context (empty cache; the server also sends
 * no-store); the time runs from just before page.goto() to that heading, by the Node clock. Requests
 * outside the local origin are recorded (and aborted) so that none can stall the measure.
 */
// @ts-nocheck

import { spawn } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from "../scripts/chromium";
import { type Figure, kb, median, ms } from "./report";
import { REPO_ROOT } from "./workbooks";

export const INITIAL_JS_BUDGET = 250 * 1024;
export const CHROMIUM = findChromium({ E2E_CHROMIUM: process.env.BENCH_CHROMIUM ?? process.env.E2E_CHROMIUM });
/** What interactive means here (printed with the figure). */
export const INTERACTIVE_SELECTOR = 'getByRole("heading", { level: 1 }) visible';

async function build(outDir: string): Promise<void> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [REPO_ROOT] });
  const env = { ...process.env };
  delete env.ADDIN_URL;
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [cli, "--mode", "production", "--output-path", outDir], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (b: Buffer) => output.push(b.toString()));
    child.stderr.on("data", (b: Buffer) => output.push(b.toString()));
    child.on("error", fail);
    child.on("close", done);
  });
  if (code !== 0 || !existsSync(path.join(outDir, "taskpane.html"))) throw new Error(`webpack --mode production failed (exit ${code}):\n${output.join("").slice(-3000)}`);
}

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * The JavaScript the page loads itself, relative to it: every <script src>, and the bundle the
 * bootstrap (src/taskpane/bootstrap.js) adds from its data-scripts attribute once it has checked
 * that this webview can run it (issue 14: the page's first script is the ES5 bootstrap).
 */
export function scriptSources(html: string): string[] {
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
  const added = [...html.matchAll(/\bdata-scripts=(?:"([^"]*)"|'([^']*)')/gi)].flatMap((m) => (m[1] ?? m[2] ?? "").split(/\s+/).filter(Boolean));
  return [...tags, ...added.filter((s) => !tags.includes(s))];
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css", ".json": "application/json", ".xml": "application/xml", ".png": "image/png", ".svg": "image/svg+xml" };

async function serve(root: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const base = path.resolve(root);
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.normalize(path.join(base, pathname));
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Cache-Control": "no-store" });
      res.end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

interface LoadRun {
  ms: number;
  /** Local JS fetched before the heading was visible: path → bytes on disk. */
  js: string[];
  foreign: string[];
}

async function timeLoads(dir: string, runs: number): Promise<LoadRun[]> {
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM ?? undefined, headless: true, args: CHROMIUM_ARGS });
  const out: LoadRun[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 350, height: 800 } });
      const foreign: string[] = [];
      const js: string[] = [];
      await context.route(
        (url) => url.origin !== server.origin && url.protocol !== "data:" && url.protocol !== "blob:",
        (route) => {
          foreign.push(route.request().url());
          return route.abort();
        },
      );
      const page = await context.newPage();
      let done = false;
      page.on("request", (r) => {
        if (!done && r.resourceType() === "script") js.push(new URL(r.url()).pathname);
      });
      const start = performance.now();
      await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "commit" });
      await page.getByRole("heading", { level: 1 }).waitFor({ state: "visible", timeout: 30_000 });
      const elapsed = performance.now() - start;
      done = true;
      await context.close();
      if (i > 0) out.push({ ms: elapsed, js, foreign }); // the first run warms the browser process up
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

export async function benchPane(runs = 5): Promise<Figure[]> {
  console.log("\n## task pane (production build, headless Chromium)");
  const dir = mkdtempSync(path.join(tmpdir(), "hotline-bench-pane-"));
  try {
    const t = performance.now();
    await build(dir);
    console.log(`webpack --mode production: ${ms(performance.now() - t)} → ${dir}`);

    const html = readFileSync(path.join(dir, "taskpane.html"), "utf8");
    const initial = scriptSources(html).filter((s) => !/^[a-z]+:\/\//i.test(s));
    const initialSizes = initial.map((s) => ({ file: s, raw: statSync(path.join(dir, s)).size, gz: gzipSize(path.join(dir, s)) }));
    const lazy = readdirSync(dir)
      .filter((f) => f.endsWith(".js") && !initial.includes(f))
      .map((f) => ({ file: f, raw: statSync(path.join(dir, f)).size, gz: gzipSize(path.join(dir, f)) }));
    const initialGz = initialSizes.reduce((n, f) => n + f.gz, 0);
    const ownGz = initialSizes.filter((f) => !f.file.startsWith("office-js/")).reduce((n, f) => n + f.gz, 0);
    for (const f of initialSizes) console.log(`  initial  ${f.file.padEnd(28)} ${kb(f.raw).padStart(10)} raw ${kb(f.gz).padStart(10)} gzip`);
    for (const f of lazy) console.log(`  lazy     ${f.file.padEnd(28)} ${kb(f.raw).padStart(10)} raw ${kb(f.gz).padStart(10)} gzip`);

    const figures: Figure[] = [
      {
        figure: "pane: initial JS, gzip (taskpane.html's scripts)",
        value: `${kb(initialGz)} (${initialSizes.map((f) => `${f.file.replace(/\.[0-9a-f]{8}\.js$/, ".js")} ${kb(f.gz)}`).join(" + ")})`,
        budget: `≤ ${kb(INITIAL_JS_BUDGET)}`,
        holds: initialGz <= INITIAL_JS_BUDGET,
        note: `our own entry is ${kb(ownGz)}; office.js is Microsoft's loader, served from the npm package. Lazy chunks: ${lazy.map((f) => `${f.file} ${kb(f.gz)}`).join(", ")}; gzip -9.`,
      },
    ];

    if (!CHROMIUM) {
      figures.push({ figure: "pane: navigation → interactive", value: `not measured: no Chromium (${INSTALL_HINT})`, budget: "—", holds: null });
      return figures;
    }
    const loads = await timeLoads(dir, runs);
    const times = loads.map((l) => l.ms);
    console.log(`navigation → heading visible, ${runs} runs: ${times.map((x) => x.toFixed(0)).join(", ")} ms`);
    const fetched = [...new Set(loads.flatMap((l) => l.js))];
    const fetchedGz = fetched.reduce((n, p) => (existsSync(path.join(dir, p)) ? n + gzipSize(path.join(dir, p)) : n), 0);
    console.log(`  scripts fetched before the heading: ${fetched.join(", ")} (${kb(fetchedGz)} gzip)`);
    const foreign = [...new Set(loads.flatMap((l) => l.foreign))];
    if (foreign.length > 0) console.log(`  requests outside 127.0.0.1 (aborted): ${foreign.join(", ")}`);
    figures.push({
      figure: `pane: navigation → interactive (median of ${runs})`,
      value: `${ms(median(times))} (${ms(Math.min(...times))}–${ms(Math.max(...times))})`,
      budget: "—",
      holds: null,
      note: `interactive = ${INTERACTIVE_SELECTOR}; fresh browser context per run, Node clock from page.goto() to the heading${foreign.length > 0 ? `; ${foreign.length} foreign request(s) aborted` : ""}.`,
    });
    figures.push({
      figure: "pane: JS fetched before interactive, gzip",
      value: `${kb(fetchedGz)} (${fetched.length} scripts)`,
      budget: "— (for information)",
      holds: null,
      note: `what the heading actually waits for: ${fetched.map((p) => p.replace(/^\//, "")).join(", ")}.`,
    });
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
