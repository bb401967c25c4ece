/**
 * The task pane's first script (src/taskpane/bootstrap.js), its syntax probe, the page template
 * that loads them, and the office.js build option (webpack.config.js). In a real browser, with an
 * old webview's features removed: test/e2e/old-webview.e2e.test.ts.
 */
// @ts-nocheck

import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as vm from "node:vm";
import { parse } from "acorn"; // webpack's own parser (a dependency of webpack)

const ROOT = path.resolve(__dirname, "../..");
const BOOTSTRAP = fs.readFileSync(path.join(ROOT, "src/taskpane/bootstrap.js"), "utf8");
const PROBE = fs.readFileSync(path.join(ROOT, "src/taskpane/syntax-probe.js"), "utf8");
const TEMPLATE = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
const req = createRequire(__filename);

const TRIDENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const EDGEHTML = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.0.0";

type Version = 5 | 2020 | 2021 | 2022;
function parses(source: string, ecmaVersion: Version): string {
  try {
    parse(source, { ecmaVersion, sourceType: "script" });
    return "ok";
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

interface BootReport {
  state: string;
  missing: string[];
  engine: string;
  missingFeatures(w: unknown): string[];
  engineName(ua: string): string;
  paneAddress(loc: { protocol: string; host: string; pathname: string }): string;
}

/**
 * Runs bootstrap.js in a fresh V8 context whose global object stands for the webview's `window`:
 * `prelude` deletes built-ins there first; `extra` adds the Web APIs V8 alone lacks (fetch, CSS, …).
 * No `document`: the script reports its decision and touches no page.
 */
function runBootstrap(prelude: string, extra: Record<string, unknown>, userAgent: string): BootReport {
  const sandbox: Record<string, unknown> = { navigator: { userAgent }, ...extra };
  const context = vm.createContext(sandbox);
  vm.runInContext(`var window = this; ${prelude}`, context);
  vm.runInContext(BOOTSTRAP, context, { filename: "bootstrap.js" });
  return sandbox.hotline12367Boot as BootReport;
}

const WEB_APIS = {
  fetch: () => undefined,
  TextEncoder,
  TextDecoder,
  CSS: { supports: (property: string, value: string) => property.startsWith("--") && value === "0" },
};

describe("bootstrap.js (the first script: ES5, runs in IE11)", () => {
  it("parses as ES5 — and the same check refuses ES2015 syntax, so it can fail", () => {
    expect(parses(BOOTSTRAP, 5)).toBe("ok");
    expect(parses("var f = () => 1;", 5)).toMatch(/Unexpected token/);
    expect(parses("const a = 1;", 5)).toMatch(/reserved|Unexpected/);
    expect(parses("var s = `x`;", 5)).toMatch(/Unexpected character/);
    expect(parses("try {} catch {}", 5)).toMatch(/Unexpected token/);
  });

  it("uses no ES2015+ built-in either (IE11 has none): no Promise, Symbol, Map, Set, fetch, Array.from, Object.assign, includes", () => {
    const code = BOOTSTRAP.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    // Inside a typeof test or as a name in the FEATURES table is fine; a call or construction is not.
    const uses = code.match(/\b(new (Promise|Map|Set|WeakMap|Proxy)\b|Array\.from|Object\.assign|\.includes\(|\.startsWith\(|\.endsWith\(|\.find\(|\.forEach\(|document\.currentScript|fetch\()/g) ?? [];
    expect(uses).toEqual([]);
  });

  it("finds every probed feature missing on an IE11-like global object", () => {
    const ie11 = runBootstrap(
      "delete this.Promise; delete this.Symbol; delete Object.fromEntries; delete Array.prototype.flatMap; delete String.prototype.matchAll; delete this.globalThis; delete this.BigInt;",
      {},
      TRIDENT,
    );
    expect(ie11.missing).toEqual([
      "Promise.prototype.finally",
      "fetch",
      "Symbol.asyncIterator",
      "Object.fromEntries",
      "Array.prototype.flatMap",
      "String.prototype.matchAll",
      "globalThis",
      "BigInt",
      "TextEncoder",
      "CSS custom properties",
    ]);
    expect(ie11.engine).toBe("Internet Explorer 11 (Trident)");
    expect(ie11.state).toBe("probing"); // no page: nothing shown, nothing loaded
  });

  it("finds only the ES2019+ built-ins missing on an old-Edge-like one (EdgeHTML 18 has Promise, fetch, CSS variables)", () => {
    const edge = runBootstrap(
      "delete Object.fromEntries; delete Array.prototype.flatMap; delete String.prototype.matchAll; delete this.globalThis; delete this.BigInt;",
      { fetch: WEB_APIS.fetch, CSS: WEB_APIS.CSS },
      EDGEHTML,
    );
    expect(edge.missing).toEqual(["Object.fromEntries", "Array.prototype.flatMap", "String.prototype.matchAll", "globalThis", "BigInt", "TextEncoder"]);
    expect(edge.engine).toBe("Microsoft Edge 旧版 / Legacy (EdgeHTML 18.19045)");
  });

  it("finds nothing missing on a modern one, and names no old engine for Chromium Edge", () => {
    const modern = runBootstrap("", WEB_APIS, CHROME);
    expect(modern.missing).toEqual([]);
    expect(modern.engine).toBe("");
    // One feature gone is enough to refuse; a probe that throws counts as missing.
    expect(modern.missingFeatures({ ...WEB_APIS, Object, Array, String, Promise, Symbol, globalThis, BigInt })).toEqual([]);
    expect(modern.missingFeatures({ ...WEB_APIS, Object, Array, String, Promise, Symbol, globalThis })).toEqual(["BigInt"]);
    expect(modern.missingFeatures({ ...WEB_APIS, Object, Array, String, Promise, Symbol, globalThis, BigInt, CSS: { supports: () => false } })).toEqual([
      "CSS custom properties",
    ]);
    expect(modern.missingFeatures({})).toHaveLength(10);
  });

  it("gives the pane's address without Office's query, to open in a browser", () => {
    const boot = runBootstrap("", WEB_APIS, CHROME);
    expect(boot.paneAddress({ protocol: "https:", host: "addin.example.gov.cn", pathname: "/12367/taskpane.html" })).toBe(
      "https://addin.example.gov.cn/12367/taskpane.html",
    );
    expect(boot.engineName("")).toBe("");
    expect(boot.engineName("Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; Trident/7.0)")).toBe("Internet Explorer 11 (Trident)");
  });
});

describe("syntax-probe.js (parsed only by an engine that can parse the bundle)", () => {
  it("needs ES2022 (class static blocks, private fields): an ES2021 parser refuses it", () => {
    expect(parses(PROBE, 2022)).toBe("ok");
    expect(parses(PROBE, 2021)).toMatch(/Unexpected/);
    expect(parses(PROBE, 5)).toMatch(/Unexpected/);
  });

  it("sets the flag bootstrap.js waits for when it runs", () => {
    const sandbox: Record<string, unknown> = {};
    const context = vm.createContext(sandbox);
    vm.runInContext("var window = this;", context);
    vm.runInContext(PROBE, context);
    expect(sandbox.hotline12367SyntaxOk).toBe(true);
    expect(BOOTSTRAP).toContain('"hotline12367SyntaxOk"');
  });
});

/** taskpane.html as HtmlWebpackPlugin renders it (its loader is lodash's template). */
function renderTemplate(options: Record<string, string>, js: string[]): string {
  const template = req("lodash/template") as (s: string, o: object) => (data: object) => string;
  return template(TEMPLATE, { interpolate: /<%=([\s\S]+?)%>/g })({ htmlWebpackPlugin: { options, files: { js } } });
}

describe("taskpane.html", () => {
  const html = renderTemplate(
    {
      csp: "default-src 'self'; script-src 'self'",
      bootstrapSrc: "bootstrap.0123abcd.js",
      syntaxProbeSrc: "syntax-probe.4567ef01.js",
      officeJsSrc: "office-js/office.js",
      officeJsNote: "served with the pane",
    },
    ["taskpane.89abcdef.js"],
  );
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];

  it("runs bootstrap.js first, office.js second, and no inline script; the bundle only listed for the bootstrap", () => {
    expect(scripts.map((m) => /\bsrc="([^"]+)"/.exec(m[1] ?? "")?.[1])).toEqual(["bootstrap.0123abcd.js", "office-js/office.js"]);
    expect(scripts.map((m) => (m[2] ?? "").trim())).toEqual(["", ""]);
    expect(scripts[0]?.[1]).toContain('id="hotline-boot"');
    expect(scripts[0]?.[1]).toContain('data-scripts="taskpane.89abcdef.js"');
    expect(scripts[0]?.[1]).toContain('data-syntax-probe="syntax-probe.4567ef01.js"');
    expect(html).toContain('<link rel="preload" as="script" href="taskpane.89abcdef.js" />');
    // The CSP <meta> comes before anything it governs.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<link"));
    expect(html).toContain('<meta http-equiv="X-UA-Compatible" content="IE=edge" />');
  });

  it("carries the explanation, hidden until the bootstrap shows it: zh-CN first, English second", () => {
    expect(html).toMatch(/<div id="unsupported" role="alert" hidden>/);
    for (const text of [
      "这个 Excel 无法运行 12367 考核助手",
      "This Excel cannot run the 12367 Scorecard Assistant",
      "Microsoft 365、Office 2021、Office LTSC 2021 / 2024",
      "Excel 网页版",
      "Mac 版 Excel",
      "Office 2016 / 2019 批量许可版",
      "Microsoft Edge WebView2 运行时",
      "不换 Excel，继续工作",
      "Go on without a newer Excel",
      "打开工作簿（.xlsx）",
      "Open a workbook (.xlsx)",
      "下载结果",
      "Download the result",
    ]) {
      expect(html).toContain(text);
    }
    for (const id of ["unsupported-url", "unsupported-engine", "unsupported-missing", "unsupported-office", "unsupported-agent"]) {
      expect(html).toContain(`id="${id}"`);
      expect(BOOTSTRAP).toContain(`"${id}"`);
    }
  });

  it("names the pane's own buttons as the pane does (i18n.ts)", () => {
    const i18n = fs.readFileSync(path.join(ROOT, "src/taskpane/i18n.ts"), "utf8");
    for (const label of ["打开工作簿（.xlsx）", "下载结果", "Open a workbook (.xlsx)", "Download the result"]) expect(i18n).toContain(`"${label}"`);
  });
});

interface CopyPattern {
  from: string;
  to: string;
  info?: { minimized?: boolean };
}
interface HtmlPluginLike {
  patterns?: CopyPattern[];
  userOptions?: { csp?: string; officeJsSrc?: string; bootstrapSrc?: string; syntaxProbeSrc?: string; inject?: boolean };
}
interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: { mode?: string }): Promise<{ plugins: HtmlPluginLike[] }>;
  contentSecurityPolicy: (mode: string, officeJs?: string) => string;
  officeJsSource: (env?: Record<string, unknown>, vars?: Record<string, string | undefined>) => string;
  OFFICE_JS_CDN: string;
}
const webpackConfig = req("../../webpack.config.js") as WebpackConfigModule;

function directives(csp: string): Record<string, string> {
  return Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
}

describe("office.js: self-hosted by default, Microsoft's CDN as a build option (webpack.config.js)", () => {
  it("reads --env officejs=… before OFFICE_JS, defaults to the self-hosted copy, refuses anything else", () => {
    expect(webpackConfig.officeJsSource({}, {})).toBe("self");
    expect(webpackConfig.officeJsSource({}, { OFFICE_JS: "cdn" })).toBe("cdn");
    expect(webpackConfig.officeJsSource({}, { OFFICE_JS: " CDN " })).toBe("cdn");
    expect(webpackConfig.officeJsSource({ officejs: "self" }, { OFFICE_JS: "cdn" })).toBe("self");
    expect(webpackConfig.officeJsSource({ officejs: "cdn" }, {})).toBe("cdn");
    expect(() => webpackConfig.officeJsSource({}, { OFFICE_JS: "beta" })).toThrow(/OFFICE_JS must be "self".*"cdn".*got "beta"/);
    expect(webpackConfig.OFFICE_JS_CDN).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });

  it("adds the CDN's origin to script-src in the CDN build, and nothing else anywhere", () => {
    const self = directives(webpackConfig.contentSecurityPolicy("production"));
    const cdn = directives(webpackConfig.contentSecurityPolicy("production", "cdn"));
    expect(self["script-src"]).toBe("'self'");
    expect(cdn["script-src"]).toBe("'self' https://appsforoffice.microsoft.com");
    expect({ ...cdn, "script-src": "'self'" }).toEqual(self);
    expect(webpackConfig.contentSecurityPolicy("production", "self")).toBe(webpackConfig.contentSecurityPolicy("production"));
  });

  const build = async (env: Record<string, unknown>) => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const config = await webpackConfig(env, { mode: "production" });
      const html = config.plugins.find((p) => p.userOptions?.csp !== undefined)?.userOptions;
      const patterns = config.plugins.flatMap((p) => p.patterns ?? []);
      if (!html) throw new Error("no HtmlWebpackPlugin");
      return { html, patterns };
    } finally {
      warn.mockRestore();
    }
  };

  it("self-hosted (default): copies office.js's files and points the page at them", async () => {
    const { html, patterns } = await build({});
    expect(html.officeJsSrc).toBe("office-js/office.js");
    expect(patterns.filter((p) => p.to === "office-js")).toHaveLength(1);
    expect(html.csp).not.toMatch(/https?:/);
  });

  it("CDN: the page references Microsoft's office.js, no copy is made, the CSP allows that origin", async () => {
    const { html, patterns } = await build({ officejs: "cdn" });
    expect(html.officeJsSrc).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(patterns.filter((p) => p.to === "office-js")).toEqual([]);
    expect(directives(html.csp ?? "")["script-src"]).toBe("'self' https://appsforoffice.microsoft.com");
  });

  it("copies bootstrap.js and syntax-probe.js as written (never minified into ES2015), named by content", async () => {
    const { html, patterns } = await build({});
    expect(html.inject).toBe(false);
    expect(html.bootstrapSrc).toMatch(/^bootstrap\.[0-9a-f]{8}\.js$/);
    expect(html.syntaxProbeSrc).toMatch(/^syntax-probe\.[0-9a-f]{8}\.js$/);
    const boot = patterns.find((p) => p.to === html.bootstrapSrc);
    const probe = patterns.find((p) => p.to === html.syntaxProbeSrc);
    expect(boot?.from).toBe(path.join(ROOT, "src/taskpane/bootstrap.js"));
    expect(probe?.from).toBe(path.join(ROOT, "src/taskpane/syntax-probe.js"));
    expect(boot?.info?.minimized).toBe(true);
    expect(probe?.info?.minimized).toBe(true);
  });
});
