/**
 * End-to-end harness: the production build of the task pane, served by a tiny static server on
 * 127.0.0.1, driven in Debian's chromium (scripts/chromium.js finds it; npm test installs it when it can) through
 * playwright-core. No dev server, no browser download, no network: every request the browser
 * makes is recorded, and any whose origin is not the local server's (data: and blob: aside) is
 * aborted before it leaves and reported by foreignRequests().
 *
 * Used by test/e2e/pane.e2e.test.ts and scripts/screenshots.ts.
 */
// @ts-nocheck

import { spawn } from "child_process";
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize, resolve, sep } from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from "../../scripts/chromium";

export { CHROMIUM_ARGS };

export const REPO_ROOT = resolve(__dirname, "..", "..");
/** The Chromium the tests drive (scripts/chromium.js: E2E_CHROMIUM, else the system's), or null. */
export const CHROMIUM = findChromium();
/** One message for a machine without a browser: what to install. */
export const NO_BROWSER = `no Chromium on this machine: the browser tests drive the system's own. Install it: ${INSTALL_HINT} (npm test does this itself when run as root with apt-get)`;

/** webpack's persistent cache for these builds (git-ignored with node_modules/; `npm ci` clears it). */
export const BUILD_CACHE = join(REPO_ROOT, "node_modules", ".cache", "hotline-e2e-webpack");

/**
 * `webpack --mode production` (the same config and minifier as `npm run build`) into a fresh
 * temporary folder; returns the folder. Always built; a filesystem cache keeps the minified
 * modules between runs (byte-identical output; cold about a minute, most of it Terser on the
 * ExcelJS chunk; warm a few seconds).
 */
export async function buildPane(outDir = mkdtempSync(join(tmpdir(), "hotline-e2e-dist-")), extraArgs: readonly string[] = []): Promise<string> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [REPO_ROOT] });
  const args = [cli, "--mode", "production", "--output-path", outDir, "--cache-type", "filesystem", "--cache-cache-directory", BUILD_CACHE, ...extraArgs];
  const env = { ...process.env };
  delete env.ADDIN_URL; // the manifest is not under test here; keep the build's output the default one
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (b: Buffer) => output.push(b.toString()));
    child.stderr.on("data", (b: Buffer) => output.push(b.toString()));
    child.on("error", fail);
    child.on("close", done);
  });
  if (code !== 0 || !existsSync(join(outDir, "taskpane.html"))) {
    throw new Error(`webpack --mode production failed (exit ${code}):\n${output.join("").slice(-4000)}`);
  }
  return outDir;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".gif": "image/gif",
  ".wasm": "application/wasm",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface StaticServer {
  /** "http://127.0.0.1:PORT" (no trailing slash). */
  origin: string;
  /** Paths the server was asked for, in order, with the status it answered. */
  served: { path: string; status: number }[];
  close(): Promise<void>;
}

/** GET/HEAD of files under `root`, on 127.0.0.1 and a free port. Nothing else. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const served: StaticServer["served"] = [];
  const server: Server = createServer((req, res) => {
    const answer = (status: number, body = "") => {
      served.push({ path: req.url ?? "", status });
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return answer(405, "method not allowed");
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      return answer(400, "bad path");
    }
    const file = normalize(join(base, path.endsWith("/") ? `${path}taskpane.html` : path));
    if (file !== base && !file.startsWith(base + sep)) return answer(403, "outside the root");
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) return answer(404, "not found");
      size = st.size;
    } catch {
      return answer(404, "not found");
    }
    served.push({ path: req.url ?? "", status: 200 });
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": size,
      "Cache-Control": "no-store",
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(NO_BROWSER);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Outside the local server's origin (and not data:/blob:): aborted, and a test failure. */
  foreign: boolean;
}

export interface PaneOptions {
  colorScheme?: "light" | "dark";
  width?: number;
  height?: number;
  locale?: string;
}

export interface PaneSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** console.error lines (CSP violations among them). */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** A URL the pane may load: the local server's origin, or data:/blob: (made in the page). */
export function isLocal(url: string, origin: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:")) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

export class E2EHarness {
  /** Every request any page asked for, in order. */
  readonly requests: RecordedRequest[] = [];
  private readonly contexts = new Set<BrowserContext>();

  private constructor(
    readonly distDir: string,
    readonly server: StaticServer,
    readonly browser: Browser,
    private readonly ownsDist: boolean,
  ) {}

  /**
   * Serve `distDir`, or the run's shared production build (shared-build.ts: built once for every
   * suite, never changed or removed by one), and launch. Call close() in every case.
   */
  static async start(options: { distDir?: string } = {}): Promise<E2EHarness> {
    // Loaded here, not at the top: shared-build.ts imports this module's buildPane.
    const { sharedPaneBuild } = await import("./shared-build");
    const distDir = options.distDir ?? (await sharedPaneBuild());
    let server: StaticServer | undefined;
    try {
      server = await serveStatic(distDir);
      const browser = await launchChromium();
      return new E2EHarness(distDir, server, browser, false);
    } catch (e) {
      await server?.close();
      throw e;
    }
  }

  get origin(): string {
    return this.server.origin;
  }

  get paneUrl(): string {
    return `${this.server.origin}/taskpane.html`;
  }

  /** Requests that were not to the local server (they were aborted before leaving). */
  foreignRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.foreign);
  }

  /** A fresh context (viewport, colour scheme, zh-CN) with taskpane.html loaded and the request log attached. */
  async openPane(options: PaneOptions = {}): Promise<PaneSession> {
    const context = await this.browser.newContext({
      viewport: { width: options.width ?? 320, height: options.height ?? 800 },
      colorScheme: options.colorScheme ?? "light",
      locale: options.locale ?? "zh-CN",
      timezoneId: "Asia/Shanghai",
      acceptDownloads: true,
      serviceWorkers: "block",
    });
    this.contexts.add(context);
    const origin = this.origin;
    context.on("request", (r) => {
      this.requests.push({ url: r.url(), method: r.method(), resourceType: r.resourceType(), foreign: !isLocal(r.url(), origin) });
    });
    // Nothing leaves the machine, even when a test is about to fail for it.
    await context.route("**/*", (route) => (isLocal(route.request().url(), origin) ? route.continue() : route.abort("blockedbyclient")));
    const page = await context.newPage();
    page.on("websocket", (ws) => {
      this.requests.push({ url: ws.url(), method: "WEBSOCKET", resourceType: "websocket", foreign: !isLocal(ws.url(), origin) });
    });
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    await page.goto(this.paneUrl, { waitUntil: "load" });
    return {
      context,
      page,
      pageErrors,
      consoleErrors,
      close: async () => {
        this.contexts.delete(context);
        await context.close();
      },
    };
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    this.contexts.clear();
    await this.browser.close().catch(() => undefined);
    await this.server.close();
    if (this.ownsDist) rmSync(this.distDir, { recursive: true, force: true });
  }
}
