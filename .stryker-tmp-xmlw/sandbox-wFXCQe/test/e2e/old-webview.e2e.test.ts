/**
 * Excel's old webviews (Internet Explorer 11 in Excel 2016 / 2019 volume-licensed, old Edge where
 * WebView2 is missing) get an explanation instead of a pane stuck on 正在加载…; modern ones get the
 * pane. The production build, served and driven as in pane.e2e.test.ts (harness.ts). Chromium
 * stands in for the old engines (old-webview.ts): the features they lack are deleted before any
 * script of the page runs, so what is tested is bootstrap.js's real detection; their syntax limits
 * are stood for by a probe file that does not parse. Also the office.js build option (OFFICE_JS=cdn).
 */
// @ts-nocheck

import { existsSync, readdirSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { parse } from "acorn";
import type { Page } from "playwright-core";
import { buildPane, CHROMIUM, E2EHarness, NO_BROWSER, REPO_ROOT } from "./harness";
import { LACKS, openAsWebview } from "./old-webview";

jest.setTimeout(180_000);

let harness: E2EHarness;

if (!CHROMIUM) {
  it("has a Chromium to drive", () => {
    throw Object.assign(new Error(NO_BROWSER), { stack: NO_BROWSER });
  });
}
const describeInBrowser = CHROMIUM ? describe : describe.skip;

/** office.js's telemetry frame, blocked by the CSP 3 s after office.js loads (see pane.e2e.test.ts). */
const TELEMETRY_BLOCKED = /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates/;

function parsesAs(source: string, ecmaVersion: 5 | 2021 | 2022): string {
  try {
    parse(source, { ecmaVersion, sourceType: "script" });
    return "ok";
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Every <script> of the built page: its attributes (as minified) and its body. */
function scriptTags(html: string): { attrs: string; src: string; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => {
    const attrs = m[1] ?? "";
    const src = /\bsrc=(?:"([^"]+)"|([^\s>]+))/.exec(attrs);
    return { attrs, src: src?.[1] ?? src?.[2] ?? "", body: m[2] ?? "" };
  });
}

/** bootstrap.js's decision (<html data-boot>), once it has made one. */
async function bootState(page: Page): Promise<string | null> {
  await page.waitForSelector("html[data-boot]", { state: "attached", timeout: 30_000 });
  return page.locator("html").getAttribute("data-boot");
}

function attr(attrs: string, name: string): string {
  const m = new RegExp(`\\b${name}=(?:"([^"]*)"|([^\\s>]+))`).exec(attrs);
  return m?.[1] ?? m?.[2] ?? "";
}

describeInBrowser("old webviews: an explanation, not a blank pane (production build in chromium)", () => {
  beforeAll(async () => {
    harness = await E2EHarness.start();
  }, 300_000);

  afterAll(async () => {
    await harness?.close();
  });

  it("the built page runs bootstrap.js first, as written and ES5; no chunk needs newer syntax than the probe's ES2022", () => {
    const html = readFileSync(join(harness.distDir, "taskpane.html"), "utf8");
    const scripts = scriptTags(html);
    expect(scripts.map((s) => s.src)).toEqual([expect.stringMatching(/^bootstrap\.[0-9a-f]{8}\.js$/), "office-js/office.js"]);
    expect(scripts.map((s) => s.body)).toEqual(["", ""]); // no inline script: the CSP allows none
    const [boot] = scripts;
    const bootstrap = readFileSync(join(harness.distDir, boot?.src ?? ""), "utf8");
    expect(bootstrap).toBe(readFileSync(join(REPO_ROOT, "src/taskpane/bootstrap.js"), "utf8"));
    expect(parsesAs(bootstrap, 5)).toBe("ok");

    const bundle = attr(boot?.attrs ?? "", "data-scripts").split(" ");
    expect(bundle).toEqual([expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]);
    const probe = attr(boot?.attrs ?? "", "data-syntax-probe");
    expect(probe).toMatch(/^syntax-probe\.[0-9a-f]{8}\.js$/);
    expect(parsesAs(readFileSync(join(harness.distDir, probe), "utf8"), 2021)).toMatch(/Unexpected/);

    const chunks = readdirSync(harness.distDir).filter((f) => f.endsWith(".js") && f !== boot?.src && f !== probe);
    expect(chunks).toEqual(expect.arrayContaining([...bundle, expect.stringMatching(/^vendor\./), expect.stringMatching(/^app\./)]));
    // An engine that parses the probe parses every chunk: none needs more than ES2022.
    expect(chunks.map((f) => [f, parsesAs(readFileSync(join(harness.distDir, f), "utf8"), 2022)])).toEqual(chunks.map((f) => [f, "ok"]));
    // And the probe is not too strict: the bundle does need ES2022 (Fluent UI's tabster has class static blocks).
    expect(chunks.some((f) => parsesAs(readFileSync(join(harness.distDir, f), "utf8"), 2021) !== "ok")).toBe(true);
  });

  it("Excel's IE11 webview (stand-in): the explanation in zh-CN and English, this pane's address, and the bundle never runs", async () => {
    const before = harness.requests.length;
    const session = await openAsWebview(harness, { engine: "trident" });
    try {
      const { page } = session;
      await expect(bootState(page)).resolves.toBe("unsupported");
      const box = page.locator("#unsupported");
      expect(await box.isVisible()).toBe(true);
      expect(await page.locator("#root").isVisible()).toBe(false);
      const text = (await box.textContent()) ?? "";
      for (const words of [
        "这个 Excel 无法运行 12367 考核助手",
        "This Excel cannot run the 12367 Scorecard Assistant",
        "不换 Excel，继续工作",
        "Go on without a newer Excel",
        "Office 2016 / 2019 批量许可版",
        "Excel 网页版",
      ]) {
        expect(text).toContain(words);
      }
      // The address to open in a browser: this page, without Office's query.
      expect(await page.locator("#unsupported-url").inputValue()).toBe(harness.paneUrl);
      expect(await page.locator("#unsupported-engine").textContent()).toBe("Internet Explorer 11 (Trident)");
      expect(await page.locator("#unsupported-missing").textContent()).toBe(
        "Promise.prototype.finally, fetch, Symbol.asyncIterator, Object.fromEntries, Array.prototype.flatMap, String.prototype.matchAll, globalThis, BigInt, TextEncoder, CSS custom properties",
      );
      // No bundle script was added, so no chunk it loads was asked for; the syntax probe was not needed.
      expect(await page.locator("script[src*='taskpane.']").count()).toBe(0);
      const asked = harness.requests.slice(before).map((r) => new URL(r.url).pathname);
      expect(asked.filter((p) => /^\/(vendor|app|excel|xlsx|syntax-probe)\./.test(p))).toEqual([]);
      expect(asked).toContain("/office-js/office.js");
      expect(session.pageErrors).toEqual([]);
      expect(session.consoleErrors.filter((e) => !TELEMETRY_BLOCKED.test(e))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("old Edge (EdgeHTML 18, stand-in): the explanation, naming the engine and only what it lacks", async () => {
    const session = await openAsWebview(harness, { engine: "edgehtml" });
    try {
      const { page } = session;
      await expect(bootState(page)).resolves.toBe("unsupported");
      expect(await page.locator("#unsupported").isVisible()).toBe(true);
      expect(await page.locator("#unsupported-engine").textContent()).toBe("Microsoft Edge 旧版 / Legacy (EdgeHTML 18.19045)");
      expect(await page.locator("#unsupported-missing").textContent()).toBe(
        "Object.fromEntries, Array.prototype.flatMap, String.prototype.matchAll, globalThis, BigInt, TextEncoder",
      );
      expect(LACKS.edgehtml).not.toContain("Promise");
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("an engine with every feature but not the syntax (e.g. Safari before 16.4): the probe fails to parse, the explanation says so", async () => {
    const session = await openAsWebview(harness, { engine: "modern", syntaxProbe: "unparsable" });
    try {
      const { page } = session;
      await expect(bootState(page)).resolves.toBe("unsupported");
      expect(await page.locator("#unsupported").isVisible()).toBe(true);
      expect(await page.locator("#unsupported-missing").textContent()).toBe("ES2022 syntax / 语法");
      expect(await page.locator("script[src*='taskpane.']").count()).toBe(0);
      expect(session.pageErrors).toEqual(["Unexpected token ']'"]); // the probe's own SyntaxError, nothing else
    } finally {
      await session.close();
    }
  });

  it("a modern engine: the bootstrap adds the bundle after the probe, the pane mounts, the explanation stays hidden", async () => {
    const before = harness.requests.length;
    const session = await openAsWebview(harness, { engine: "modern" });
    try {
      const { page } = session;
      await expect(page.getByRole("heading", { level: 1 }).textContent({ timeout: 30_000 })).resolves.toBe("12367 考核助手");
      expect(await bootState(page)).toBe("started");
      expect(await page.locator("#unsupported").isVisible()).toBe(false);
      expect(await page.locator("script[src^='taskpane.']").count()).toBe(1);
      const asked = harness.requests.slice(before).map((r) => new URL(r.url).pathname.replace(/\.[0-9a-f]{8}\.js$/, ".js"));
      expect(asked).toEqual(expect.arrayContaining(["/taskpane.html", "/bootstrap.js", "/syntax-probe.js", "/taskpane.js", "/vendor.js", "/app.js"]));
      expect(asked.indexOf("/bootstrap.js")).toBeLessThan(asked.indexOf("/syntax-probe.js"));
      expect(session.pageErrors).toEqual([]);
      expect(session.consoleErrors.filter((e) => !TELEMETRY_BLOCKED.test(e))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("a bundle file the server cannot give: 加载失败 with its name, not an endless 正在加载…", async () => {
    const session = await openAsWebview(harness, { engine: "modern", abort: /^\/taskpane\.[0-9a-f]{8}\.js$/ });
    try {
      const { page } = session;
      await expect(bootState(page)).resolves.toBe("failed");
      expect(await page.locator("#root").textContent()).toMatch(/^加载失败 \/ Failed to load: taskpane\.[0-9a-f]{8}\.js$/);
      expect(await page.locator("#unsupported").isVisible()).toBe(false);
    } finally {
      await session.close();
    }
  });

  it("loaded nothing from outside 127.0.0.1 with the default (self-hosted) office.js", () => {
    expect(harness.foreignRequests()).toEqual([]);
  });
});

describeInBrowser("OFFICE_JS=cdn build: office.js from Microsoft's CDN, and the CSP allows exactly that", () => {
  let dist = "";
  let cdn: E2EHarness | undefined;

  beforeAll(async () => {
    const saved = process.env.OFFICE_JS;
    process.env.OFFICE_JS = "cdn";
    try {
      dist = await buildPane(undefined, ["--env", "offline=false"]); // the offline edition is not under test here
    } finally {
      if (saved === undefined) delete process.env.OFFICE_JS;
      else process.env.OFFICE_JS = saved;
    }
    cdn = await E2EHarness.start({ distDir: dist });
  }, 300_000);

  afterAll(async () => {
    await cdn?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it("references the CDN's office.js, copies none, and its CSP adds that origin to script-src only", () => {
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    expect(scriptTags(html).map((s) => s.src)).toEqual([expect.stringMatching(/^bootstrap\.[0-9a-f]{8}\.js$/), "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(existsSync(join(dist, "office-js"))).toBe(false);
    const csp = /http-equiv=Content-Security-Policy content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp.match(/https:\/\/[^\s;]+/g)).toEqual(["https://appsforoffice.microsoft.com"]);
  });

  it("the page asks the CDN for office.js (the CSP lets it; here the request is stopped before it leaves) and the pane still opens without it", async () => {
    if (!cdn) throw new Error("no harness");
    const session = await cdn.openPane();
    try {
      await expect(session.page.getByRole("heading", { level: 1 }).textContent({ timeout: 30_000 })).resolves.toBe("12367 考核助手");
      // A script the CSP refused would never be requested; this one was (and aborted by the test's route).
      expect(cdn.foreignRequests().map((r) => r.url)).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
      expect(session.consoleErrors.filter((e) => /Content Security Policy/.test(e))).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
