/**
 * An old Office webview, as near as Chromium gets: before any script of the page runs, an init
 * script deletes what Internet Explorer 11 (Trident) or old Edge (EdgeHTML 18) lacks among the
 * features src/taskpane/bootstrap.js probes, and the context sends that webview's user agent.
 * Chromium still parses ES2022, so the syntax probe is replaced only where a test says so
 * (`syntaxProbe: "unparsable"`: the file served with a syntax error, as an old engine would see it).
 *
 * Used by test/e2e/old-webview.e2e.test.ts and scripts/screenshots.ts.
 */
// @ts-nocheck

import type { BrowserContext, Page } from "playwright-core";
import { type E2EHarness, isLocal } from "./harness";

/** The user agent of Excel 2016 / 2019's IE11 webview (Trident 7, Windows 10, 64-bit Office). */
export const TRIDENT_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; Trident/7.0; .NET4.0C; .NET4.0E; .NET CLR 2.0.50727; rv:11.0) like Gecko";
/** Old Edge's (EdgeHTML 18, Windows 10 1809+): what Microsoft 365 / retail Office uses without WebView2. */
export const EDGEHTML_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";

export type OldEngine = "trident" | "edgehtml" | "modern";

/**
 * What each engine lacks of the probed features (MDN / caniuse: IE11 has none of them; EdgeHTML 18
 * has Promise.finally, fetch, Symbol.asyncIterator and CSS variables but none of the ES2019+
 * built-ins, BigInt or TextEncoder).
 */
export const LACKS: Record<OldEngine, string[]> = {
  trident: [
    "Promise",
    "fetch",
    "Symbol",
    "Object.fromEntries",
    "Array.prototype.flatMap",
    "String.prototype.matchAll",
    "globalThis",
    "BigInt",
    "TextEncoder",
    "TextDecoder",
    "CSS",
  ],
  edgehtml: ["Object.fromEntries", "Array.prototype.flatMap", "String.prototype.matchAll", "globalThis", "BigInt", "TextEncoder", "TextDecoder"],
  modern: [],
};

/** The init script's source: deletes each named global or prototype member before the page runs. */
export function deletionScript(names: string[]): string {
  const lines = names.map((name) => {
    const parts = name.split(".");
    const owner = parts.slice(0, -1).join(".");
    const member = parts[parts.length - 1];
    return owner
      ? `try { delete window.${owner}[${JSON.stringify(member)}]; } catch (e) {}`
      : `try { delete window[${JSON.stringify(member)}]; } catch (e) {}`;
  });
  return lines.join("\n");
}

export interface OldWebviewSession {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

export interface OldWebviewOptions {
  engine: OldEngine;
  /** "real" (default): the built syntax-probe.js; "unparsable": a file with an ES2022-only syntax error for ES5 eyes. */
  syntaxProbe?: "real" | "unparsable";
  /** Requests whose path matches are refused (a file the server cannot give). */
  abort?: RegExp;
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
}

/** A fresh context on the harness's browser, taskpane.html loaded as the given webview would run it. */
export async function openAsWebview(harness: E2EHarness, options: OldWebviewOptions): Promise<OldWebviewSession> {
  const context = await harness.browser.newContext({
    viewport: { width: options.width ?? 320, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? "light",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    serviceWorkers: "block",
    ...(options.engine === "trident" ? { userAgent: TRIDENT_UA } : options.engine === "edgehtml" ? { userAgent: EDGEHTML_UA } : {}),
  });
  const origin = harness.origin;
  context.on("request", (r) => {
    harness.requests.push({ url: r.url(), method: r.method(), resourceType: r.resourceType(), foreign: !isLocal(r.url(), origin) });
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (!isLocal(url, origin)) return route.abort("blockedbyclient");
    if (options.abort?.test(new URL(url).pathname)) return route.abort("failed");
    if (options.syntaxProbe === "unparsable" && /\/syntax-probe\.[0-9a-f]{8}\.js$/.test(new URL(url).pathname)) {
      // What an ES5 engine makes of the probe: a SyntaxError, so the flag is never set.
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: "class P { static { window.hotline12367SyntaxOk = true } } ]" });
    }
    return route.continue();
  });
  await context.addInitScript({ content: deletionScript(LACKS[options.engine]) });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(harness.paneUrl, { waitUntil: "load" });
  return { context, page, pageErrors, consoleErrors, close: () => context.close() };
}
