/**
 * The WPS add-in around the adapter: the ribbon (src/taskpane/wps-addin/ribbon.xml) and its callbacks
 * (main.js, run in a VM with the fake `wps` global), host detection (src/taskpane/host.ts), the
 * pane's adapter (src/taskpane/wps.ts), and the packager (scripts/build-wps.mjs, on a prepared
 * add-in root: --skip-webpack; the full webpack build is `node scripts/build-wps.mjs`).
 */
// @ts-nocheck

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";
import { parse } from "acorn";
import { detectHost, detectWps } from "../../../src/taskpane/host";
import { etApplication, wpsPaneAdapter } from "../../../src/taskpane/wps";
import { FakeEtState, fakeEt, seededState } from "./fake-et";

const ROOT = path.resolve(__dirname, "../../..");
const ADDIN = path.join(ROOT, "src/taskpane/wps-addin");
const MAIN = fs.readFileSync(path.join(ADDIN, "main.js"), "utf8");
const RIBBON = fs.readFileSync(path.join(ADDIN, "ribbon.xml"), "utf8");

/** main.js loaded as WPS loads it: top-level functions on the page's global, `wps` given. */
function loadMain(wps: object, href = "http://10.1.2.3/wps/hotline-scorecard/index.html") {
  const alerts: string[] = [];
  const context = vm.createContext({ wps, document: { location: { href } }, alert: (m: string) => alerts.push(m) });
  vm.runInContext(MAIN, context);
  return { context: context as unknown as Record<string, (...a: unknown[]) => unknown>, alerts };
}

describe("the ribbon and its callbacks (main.js)", () => {
  it("ribbon.xml: no XML declaration, the 「12367 考核」 group, its button calling OnAction", () => {
    expect(RIBBON.startsWith("<customUI")).toBe(true);
    expect(RIBBON).toContain('<group id="hotline12367Group" label="12367 考核">');
    expect(RIBBON).toMatch(/<button id="btnOpenPane" label="考核助手"[^>]*onAction="OnAction"/);
    expect(RIBBON).toContain('onLoad="OnAddinLoad"');
  });

  it("main.js is ES5 (runs in any WPS Chromium)", () => {
    expect(() => parse(MAIN, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  it("the button creates the pane once (CreateTaskPane, id kept in PluginStorage), then shows it again (GetTaskPane)", () => {
    const fake = fakeEt(new FakeEtState()); // wps.Enum absent, as on older builds
    const { context, alerts } = loadMain(fake.wps);
    expect(context.OnAddinLoad?.({ InvalidateControl: () => undefined })).toBe(true);
    expect(context.OnAction?.({ Id: "btnOpenPane" })).toBe(true);
    expect(fake.wps.panes).toEqual([{ ID: "pane1", url: "http://10.1.2.3/wps/hotline-scorecard/taskpane.html", Visible: true, DockPosition: 2, Width: 380 }]);
    expect(fake.wps.storage.get("hotline12367.taskpaneId")).toBe("pane1");
    (fake.wps.panes[0] as { Visible: boolean }).Visible = false; // the clerk closed it
    context.OnAction?.({ Id: "btnOpenPane" });
    expect(fake.wps.panes).toHaveLength(1);
    expect(fake.wps.panes[0]?.Visible).toBe(true);
    expect(alerts).toEqual([]);
  });

  it("浮动窗格 switches the pane to floating (4) and back to the right (2); the label follows; wps.Enum used when present", () => {
    const fake = fakeEt(new FakeEtState({ withEnum: true }));
    const { context } = loadMain(fake.wps);
    context.OnAction?.({ Id: "btnOpenPane" });
    expect(context.OnGetLabel?.({ Id: "btnDockPane" })).toBe("浮动窗格");
    context.OnAction?.({ Id: "btnDockPane" });
    expect(fake.wps.panes[0]?.DockPosition).toBe(4);
    expect(context.OnGetLabel?.({ Id: "btnDockPane" })).toBe("停靠窗格");
    context.OnAction?.({ Id: "btnDockPane" });
    expect(fake.wps.panes[0]?.DockPosition).toBe(2);
  });

  it("a build without task panes gets a message, not an exception in the ribbon", () => {
    const { context, alerts } = loadMain({ PluginStorage: { getItem: () => null, setItem: () => undefined } });
    expect(context.OnAction?.({ Id: "btnOpenPane" })).toBe(true);
    expect(alerts).toEqual(["12367 考核助手：此版本 WPS 不支持任务窗格（CreateTaskPane）"]);
  });
});

describe("host detection", () => {
  it("WPS when the page has wps.EtApplication; Office is not asked", async () => {
    const office = { onReady: () => Promise.reject(new Error("asked")) } as unknown as typeof Office;
    const wps = fakeEt().wps;
    expect(detectWps(wps)).toBe(true);
    // Some builds give the page ET's Application as a global instead.
    expect(detectWps(undefined, fakeEt().app)).toBe(true);
    expect(await detectHost({ wps, office, navigatorLanguage: "zh-CN", prefersDark: () => false })).toEqual({ inOffice: true, host: "WPS", platform: "WPS", language: "zh-CN", dark: false });
  });

  it("not WPS without the global, or with one lacking EtApplication", async () => {
    expect(detectWps(undefined, undefined)).toBe(false);
    expect(detectWps({ CreateTaskPane: () => null }, undefined)).toBe(false);
    expect(detectWps(undefined, { Name: "something else" })).toBe(false);
    expect(await detectHost({ navigatorLanguage: "en-US", prefersDark: () => true })).toEqual({ inOffice: false, host: null, platform: null, language: "en-US", dark: true });
  });
});

describe("the pane's adapter in WPS (src/taskpane/wps.ts)", () => {
  it("finds ET through wps.EtApplication(), else the Application global; says so in Chinese when neither", () => {
    const fake = fakeEt();
    expect(etApplication({ wps: fake.wps })).toBe(fake.app);
    expect(etApplication({ wps: { EtApplication: () => { throw new Error("x"); } }, Application: fake.app })).toBe(fake.app);
    expect(() => etApplication({})).toThrow(expect.objectContaining({ messageZh: expect.stringContaining("「12367 考核」") }) as Error);
  });

  it("reads, writes and selects a problem's cell", async () => {
    const fake = fakeEt(seededState([{ name: "甲", cells: [] }, { name: "2025年10月", cells: [{ address: "H7", value: 1 }] }]));
    const pane = wpsPaneAdapter(() => fake.app);
    expect((await pane.read()).sheets.map((s) => s.name)).toEqual(["甲", "2025年10月"]);
    await pane.apply({ cellWrites: [{ sheet: "2025年10月", writes: [{ address: "H7", value: 2 }] }], sheets: [] });
    expect(fake.state.find("2025年10月")?.at("H7")?.value).toBe(2);
    await pane.select?.("2025年10月", "H7");
    expect([fake.state.active, fake.state.selection]).toEqual(["2025年10月", { sheet: "2025年10月", address: "H7" }]);
    expect(pane.limitations?.()).toEqual([]);
  });
});

describe("the packager (scripts/build-wps.mjs --skip-webpack)", () => {
  it("writes jsplugins.xml (online form at the intranet address), oem.ini.example, publish.html, the zip and the steps", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "h6-wps-"));
    const addin = path.join(out, "hotline-scorecard");
    fs.mkdirSync(addin);
    for (const f of ["index.html", "main.js", "ribbon.xml"]) fs.copyFileSync(path.join(ADDIN, f), path.join(addin, f));
    fs.writeFileSync(path.join(addin, "taskpane.html"), "<!doctype html><script src=\"app.js\"></script>");
    fs.writeFileSync(path.join(addin, "app.js"), "const o = { ...{ a: 1 } }; async function* g() {}");
    const run = () => spawnSync(process.execPath, [path.join(ROOT, "scripts/build-wps.mjs"), "--skip-webpack", `--out=${out}`, "--base-url=http://10.1.2.3/wps/hotline-scorecard"], { encoding: "utf8" });
    const ok = run();
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(fs.readFileSync(path.join(out, "jsplugins.xml"), "utf8")).toContain('<jspluginonline name="hotline-scorecard" type="et" url="http://10.1.2.3/wps/hotline-scorecard/" />');
    expect(fs.readFileSync(path.join(out, "oem.ini.example"), "utf8")).toContain("JSPluginsServer=http://10.1.2.3/wps/jsplugins.xml");
    expect(fs.readFileSync(path.join(out, "publish.html"), "utf8")).toContain("http://10.1.2.3/wps/hotline-scorecard/");
    expect(fs.existsSync(path.join(out, "hotline-scorecard-0.1.0.zip"))).toBe(true);
    expect(fs.readFileSync(path.join(out, "部署说明.txt"), "utf8")).toContain("Linux 11.8.2.9346");
    // ES2020 syntax in the pane's bundle fails the build, naming the file.
    fs.writeFileSync(path.join(addin, "app.js"), "const o = a?.b ?? 1;");
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("app.js: not ES2018");
    fs.rmSync(out, { recursive: true, force: true });
  });
});
