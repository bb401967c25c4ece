/**
 * The single-file offline edition (issue 15 point 10): dist/hotline-scorecard-offline.html, made by
 * the same `webpack --mode production` as `npm run build` (shared-build.ts sharedPaneBuild, harness.ts buildPane; webpack.config.js
 * OfflineEditionPlugin). A clerk copies the one file and double-clicks it: here it is copied alone
 * into an empty folder and opened from file:// in Debian's headless Chromium (playwright-core). It
 * opens the example workbook through the file input, scores a month after an edit and downloads
 * the result, which is read back with ExcelJS. No request may leave the page: every request is
 * routed and recorded; anything but file:, data: and blob: is aborted and fails the test. The CSP
 * (sha256 of the one inline script, connect-src 'none') is checked in the file and in the browser.
 */
// @ts-nocheck

import { createHash } from "crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { CHROMIUM, launchChromium, NO_BROWSER, REPO_ROOT, serveStatic } from "./harness";
import { sharedPaneBuild } from "./shared-build";
import { indicatorCell, monthScores } from "./scorecard";

const EXAMPLE = join(REPO_ROOT, "assets", "example-2024-2025.xlsx");
const OFFLINE_FILE = "hotline-scorecard-offline.html";

jest.setTimeout(180_000);

interface OfflineConfig {
  name: string;
  entry: Record<string, string>;
  output: { asyncChunks: boolean; publicPath: string };
  devtool: unknown;
  optimization: { splitChunks: unknown };
  plugins: { constructor: { name: string }; options?: { maxChunks?: number } }[];
}
interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: { mode?: string }): Promise<{ plugins: { constructor: { name: string } }[] }>;
  OFFLINE_FILE: string;
  offlineContentSecurityPolicy: (scripts: string[]) => string;
  inlineScriptText: (js: string) => string;
  renderOfflineHtml: (template: string, values: Record<string, string>) => string;
  OfflineEditionPlugin: new (options: { mode: string }) => { config: (parent: { options: { cache: unknown; output: { path: string } } }) => OfflineConfig };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as WebpackConfigModule;

describe("offline edition build step (webpack.config.js, no browser)", () => {
  it("is added to every build but the dev server's, and `--env offline=false` leaves it out", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const names = async (env: Record<string, unknown>) => (await webpackConfig(env, { mode: "production" })).plugins.map((p) => p.constructor.name);
      expect(await names({})).toContain("OfflineEditionPlugin");
      expect(await names({ offline: "false" })).not.toContain("OfflineEditionPlugin");
      expect(webpackConfig.OFFLINE_FILE).toBe(OFFLINE_FILE);
    } finally {
      warn.mockRestore();
    }
  });

  it("builds offline.tsx as one script: no lazy chunk, no split, no Office code", () => {
    const config = new webpackConfig.OfflineEditionPlugin({ mode: "production" }).config({ options: { cache: false, output: { path: "/tmp/x" } } });
    expect(config.entry).toEqual({ offline: "./src/taskpane/offline.tsx" });
    expect(config.output).toMatchObject({ asyncChunks: false, publicPath: "" });
    expect(config.optimization.splitChunks).toBe(false);
    expect(config.devtool).toBe(false);
    const plugins = config.plugins.map((p) => p.constructor.name);
    expect(plugins.filter((n) => n === "IgnorePlugin")).toHaveLength(2);
    expect(config.plugins.find((p) => p.constructor.name === "LimitChunkCountPlugin")?.options?.maxChunks).toBe(1);
  });

  it("makes a script safe between <script> and </script>, the same program to JavaScript", () => {
    expect(webpackConfig.inlineScriptText('a="</script>";b=/<!--x/;c="</SCRIPT";')).toBe('a="<\\/script>";b=/<\\!--x/;c="<\\/SCRIPT";');
    expect(webpackConfig.inlineScriptText("a=`x\r\ny\rz`;")).toBe("a=`x\ny\nz`;");
    expect(() => webpackConfig.inlineScriptText('a="\0"')).toThrow(/NUL/);
    expect(() => webpackConfig.inlineScriptText('a="\ud800"')).toThrow(/Unicode/);
    // What the browser ends up running computes the same: eval of both sides of the escape (a
    // regular expression's .source would show the backslash; it matches the same text).
    const program = 'JSON.stringify(["</script>", "<!--", /<\\/script><!--/.test("</script><!--"), `a\r\nb`])';
    expect((0, eval)(webpackConfig.inlineScriptText(program))).toBe((0, eval)(program));
  });

  it("fills the template's markers once, and refuses a template that loads anything", () => {
    const template = '<!doctype html>\n<!--\n  Template of …\n-->\n<html><head><meta content="%%CSP%%"><link rel="icon" href="%%ICON%%"></head><body><!-- %%NOTE%% --><script>%%SCRIPT%%</script></body></html>';
    const html = webpackConfig.renderOfflineHtml(template, { csp: "C", icon: "data:I", note: "N", script: "x='%%CSP%% $& $1'" });
    expect(html).toBe('<!doctype html>\n<html><head><meta content="C"><link rel="icon" href="data:I"></head><body><!-- N --><script>x=\'%%CSP%% $& $1\'</script></body></html>');
    expect(() => webpackConfig.renderOfflineHtml(template.replace("<script>", '<script src="a.js"></script><script>'), { csp: "", icon: "", note: "", script: "" })).toThrow(/exactly one script/);
    expect(() => webpackConfig.renderOfflineHtml(template.replace("<body>", '<body><img src="a.png">'), { csp: "", icon: "", note: "", script: "" })).toThrow(/another file/);
    expect(() => webpackConfig.renderOfflineHtml(template.replace("</head>", '<link rel="stylesheet" href="a.css"></head>'), { csp: "", icon: "", note: "", script: "" })).toThrow(/another file/);
    expect(() => webpackConfig.renderOfflineHtml(template, { csp: "", icon: "", script: "" })).toThrow(/%%NOTE%%/);
  });

  it("allows each script by its sha256 and nothing else to run or connect", () => {
    const csp = webpackConfig.offlineContentSecurityPolicy(["a", "b"]);
    const sha = (t: string) => `'sha256-${createHash("sha256").update(t, "utf8").digest("base64")}'`;
    expect(directives(csp)["script-src"]).toBe(`${sha("a")} ${sha("b")}`);
    expect(directives(csp)["connect-src"]).toBe("'none'");
    expect(directives(csp)["default-src"]).toBe("'none'");
    expect(() => webpackConfig.offlineContentSecurityPolicy([])).toThrow(/no script/);
  });
});

if (!CHROMIUM) {
  it("has a Chromium to drive", () => {
    throw Object.assign(new Error(NO_BROWSER), { stack: NO_BROWSER });
  });
}
const describeInBrowser = CHROMIUM ? describe : describe.skip;

/** The page's markup with the inline script's body cut out, and that body. */
function splitPage(html: string): { markup: string; scripts: { attrs: string; body: string }[] } {
  const scripts: { attrs: string; body: string }[] = [];
  // The one inline script is the page's last element: its body ends at the last </script>.
  const open = html.indexOf("<script");
  const close = html.lastIndexOf("</script>");
  if (open < 0 || close < open) return { markup: html, scripts };
  const tagEnd = html.indexOf(">", open);
  scripts.push({ attrs: html.slice(open + "<script".length, tagEnd), body: html.slice(tagEnd + 1, close) });
  return { markup: html.slice(0, tagEnd + 1) + html.slice(close), scripts };
}

function directives(csp: string): Record<string, string> {
  return Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name ?? "", values.join(" ")]));
}

/** The <input> of an indicator field, whether the test id sits on it or on its Fluent wrapper. */
function field(page: Page, key: string) {
  return page.locator(`input[data-testid="field-${key}"], [data-testid="field-${key}"] input`).first();
}

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every request of the context: url and whether it was let through. */
  requests: { url: string; allowed: boolean }[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** file:, and what the page makes itself (data:, blob:): the only URLs the offline edition may use. */
const allowed = (url: string) => /^(file|data|blob):/.test(url);

describeInBrowser("single-file offline edition, opened from file:// in chromium", () => {
  let dist: string;
  let folder: string;
  let html: string;
  let browser: Browser;

  beforeAll(async () => {
    dist = await sharedPaneBuild();
    // Only the one file, as a clerk copies it: nothing of dist/ beside it to fall back on.
    folder = mkdtempSync(join(tmpdir(), "hotline-offline-"));
    copyFileSync(join(dist, OFFLINE_FILE), join(folder, OFFLINE_FILE));
    html = readFileSync(join(folder, OFFLINE_FILE), "utf8");
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  async function open(file = join(folder, OFFLINE_FILE)): Promise<Opened> {
    const context = await browser.newContext({
      viewport: { width: 320, height: 800 },
      colorScheme: "light",
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      acceptDownloads: true,
      serviceWorkers: "block",
    });
    const requests: Opened["requests"] = [];
    context.on("request", (r) => requests.push({ url: r.url(), allowed: allowed(r.url()) }));
    // Nothing leaves the machine, even when the test is about to fail for it.
    await context.route("**/*", (route) => (allowed(route.request().url()) ? route.continue() : route.abort("blockedbyclient")));
    const page = await context.newPage();
    page.on("websocket", (ws) => requests.push({ url: ws.url(), allowed: false }));
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return { context, page, requests, pageErrors, consoleErrors };
  }

  it("is one file: one inline script, no <script src>, no <link href> or src= to another file", () => {
    const size = statSync(join(dist, OFFLINE_FILE)).size;
    expect(size).toBeGreaterThan(300 * 1024);
    expect(size).toBeLessThan(3 * 1024 * 1024);
    const { markup, scripts } = splitPage(html);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.attrs).toBe("");
    expect(markup.match(/<script\b[^>]*>/gi)).toEqual(["<script>"]);
    expect(markup).not.toMatch(/\bsrc\s*=/i);
    // The one <link> is the icon, as a data: URL.
    expect([...markup.matchAll(/<link\b[^>]*>/gi)].map((m) => /\bhref="([^"]*)"/.exec(m[0])?.[1]?.slice(0, 22))).toEqual(["data:image/png;base64,"]);
    expect(markup).not.toMatch(/\b(?:href|action|poster|data)\s*=\s*"(?!data:)[^"]/i);
    // No office.js, no bootstrap: the offline edition never loads Office.
    expect(html).not.toMatch(/office-js\/office\.js|appsforoffice|bootstrap\.[0-9a-f]{8}\.js/);
    // The template's markers are all filled.
    expect(html).not.toMatch(/%%(CSP|ICON|NOTE|SCRIPT)%%/);
    // The hosted pane is still built beside it, as before.
    expect(readFileSync(join(dist, "taskpane.html"), "utf8")).toMatch(/<script id="?hotline-boot"?/);
  });

  it("allows exactly that script by its sha256 in the CSP, and nothing to connect to", () => {
    const { markup, scripts } = splitPage(html);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(markup)?.[1] ?? "";
    // Before anything it governs: the CSP <meta> precedes the first <script> and <link>.
    expect(markup.indexOf("Content-Security-Policy")).toBeGreaterThan(0);
    expect(markup.indexOf("Content-Security-Policy")).toBeLessThan(markup.indexOf("<link"));
    const hash = createHash("sha256").update(scripts[0]?.body ?? "", "utf8").digest("base64");
    expect(directives(csp)).toEqual({
      "default-src": "'none'",
      "script-src": `'sha256-${hash}'`,
      "style-src": "'unsafe-inline'",
      "img-src": "data:",
      "font-src": "'none'",
      "connect-src": "'none'",
      "worker-src": "'none'",
      "frame-src": "'none'",
      "object-src": "'none'",
      "base-uri": "'none'",
      "form-action": "'none'",
    });
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*|'self'/);
    // The HTML parser would cut the script short at "</script" or change it after "<!--".
    expect(scripts[0]?.body).not.toMatch(/<\/script|<!--/i);
  });

  it("opens the example workbook, scores 2025-10 after an edit and downloads it, with no request leaving the page", async () => {
    const s = await open();
    try {
      const { page } = s;
      await expect(page.getByRole("heading", { level: 1 }).textContent({ timeout: 30_000 })).resolves.toBe("12367 考核助手");
      expect(await page.title()).toBe("12367 考核助手（离线版）");
      await page.getByTestId("file-input").setInputFiles(EXAMPLE);
      await page.getByTestId("month-2025-10").click({ timeout: 60_000 });
      // SPEC §7's month as the example has it: 9 people, 9 of them sat the exam (93.25).
      await expect(field(page, "headcount").inputValue({ timeout: 30_000 })).resolves.toBe("9");
      await field(page, "headcount").fill("10");
      await field(page, "examSat").fill("10");
      await page.getByTestId("compute-month").click();
      await page.getByTestId("status").filter({ hasText: "已评分" }).waitFor({ timeout: 60_000 });

      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("download").click()]);
      expect(download.url()).toMatch(/^blob:/);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
      // 团队人数 and 按时参考人数 9 → 10: 队伍建设 and 考试覆盖率 both full, 94.25 (as in pane.e2e.test.ts).
      const oct = monthScores(wb, "2025年10月");
      expect(oct.total).toBe(94.25);
      expect(oct.items["队伍建设"]).toBe(10);
      expect(oct.items["考试覆盖率"]).toBe(10);
      expect(indicatorCell(wb, "2025-10", "团队人数")).toBe(10);
      expect(indicatorCell(wb, "2025-10", "按时参考人数")).toBe(10);
      const original = new ExcelJS.Workbook();
      await original.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
      expect(monthScores(original, "2025年10月").total).toBe(null);

      // Requests: the page itself (file://) and what it made (blob:/data:); nothing else, not even aborted.
      expect(s.requests.filter((r) => !r.allowed)).toEqual([]);
      expect(s.requests.filter((r) => r.url.startsWith("file:")).map((r) => r.url)).toEqual([pathToFileURL(join(folder, OFFLINE_FILE)).href]);
      expect(s.pageErrors).toEqual([]);
      // A CSP refusal (a script whose hash does not match, a style, a connection) would be logged here.
      expect(s.consoleErrors).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  it("the CSP refuses a connection in the page before any request is made", async () => {
    const server = await serveStatic(folder);
    const s = await open();
    try {
      const { page } = s;
      await page.getByRole("heading", { level: 1 }).waitFor({ timeout: 30_000 });
      const target = `${server.origin}/${OFFLINE_FILE}`;
      const outcome = await page.evaluate(async (url) => {
        const violations: string[] = [];
        document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
        let fetched = "sent";
        try {
          await fetch(url);
        } catch (e) {
          fetched = e instanceof TypeError ? "refused" : String(e);
        }
        // The violation event is queued as a task: wait for it (up to 5 s).
        for (let i = 0; i < 100 && violations.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
        return { fetched, violations };
      }, target);
      expect(outcome).toEqual({ fetched: "refused", violations: [`connect-src ${target}`] });
      expect(server.served).toEqual([]);
      expect(s.requests.filter((r) => !r.allowed)).toEqual([]);
    } finally {
      await s.context.close();
      await server.close();
    }
  });

  it("a copy whose script was changed by one character does not run: the hash is enforced", async () => {
    const tampered = join(folder, "tampered.html");
    const { scripts } = splitPage(html);
    const body = scripts[0]?.body ?? "";
    const changed = html.replace(body, body.replace("加载失败 / Failed to load", "加载失败 / Failed to loaD"));
    expect(changed).not.toBe(html);
    writeFileSync(tampered, changed);
    const s = await open(tampered);
    try {
      // Chromium logs the refusal while it parses the page; give the line up to 5 s to reach the test.
      for (let i = 0; i < 50 && s.consoleErrors.length === 0; i++) await s.page.waitForTimeout(100);
      expect(await s.page.getByRole("heading", { level: 1 }).count()).toBe(0);
      await expect(s.page.locator("#root").textContent()).resolves.toContain("正在加载");
      // Chromium names the script's actual hash beside the allowed one: the page's CSP held, the changed script did not run.
      const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
      const changedBody = splitPage(changed).scripts[0]?.body ?? "";
      expect(s.consoleErrors).toHaveLength(1);
      expect(s.consoleErrors[0]).toMatch(/inline script/i);
      expect(s.consoleErrors[0]).toContain(`'sha256-${sha(body)}'`);
      expect(s.consoleErrors[0]).toContain(`'sha256-${sha(changedBody)}'`);
    } finally {
      await s.context.close();
    }
  });
});
