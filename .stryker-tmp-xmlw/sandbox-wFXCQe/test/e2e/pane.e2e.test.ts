/**
 * End to end in a real browser: the production build (webpack --mode production) served from
 * 127.0.0.1 by test/e2e/harness.ts, Debian's chromium (found by scripts/chromium.js; npm test installs it when it can)
 * driven headless by playwright-core, the pane in plain-browser mode (no Office host).
 * Every request the browser makes is recorded; none may leave the local server's origin.
 */
// @ts-nocheck

import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { CHROMIUM, E2EHarness, NO_BROWSER, REPO_ROOT, type PaneSession } from "./harness";
import { indicatorCell, monthScores } from "./scorecard";

const EXAMPLE = join(REPO_ROOT, "assets", "example-2024-2025.xlsx");

jest.setTimeout(180_000);

let harness: E2EHarness;

/**
 * Without a browser, one failure that says what to install (not the same stack trace once a test);
 * the suite itself is then skipped. npm test installs Debian's chromium first when it can
 * (scripts/ensure-browser.mjs).
 */
if (!CHROMIUM) {
  it("has a Chromium to drive", () => {
    throw Object.assign(new Error(NO_BROWSER), { stack: NO_BROWSER });
  });
}
const describeInBrowser = CHROMIUM ? describe : describe.skip;

/** Background of the FluentProvider (the pane's root surface) as [r, g, b]. */
async function providerBackground(session: PaneSession): Promise<number[]> {
  const css = await session.page.locator(".fui-FluentProvider").first().evaluate((el) => getComputedStyle(el).backgroundColor);
  return (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
}

/**
 * office.js (o15apptofilemappingtable.js, OSF.Logger's ULS endpoint) inserts a hidden iframe to
 * Microsoft's telemetry proxy 3 s after it loads, host or no host. The pane's CSP (default-src
 * 'self', no frame-src) blocks it before any request; Chromium logs exactly this line for it.
 */
const TELEMETRY_FRAME = "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html";
const TELEMETRY_BLOCKED = /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive: "default-src 'self'"\. The request has been blocked\./;

/** console.error lines other than the CSP's block of office.js's telemetry frame. */
function unexpectedConsoleErrors(session: PaneSession): string[] {
  return session.consoleErrors.filter((e) => !TELEMETRY_BLOCKED.test(e));
}

/** The <input> of an indicator field, whether the test id sits on it or on its Fluent wrapper. */
function field(page: Page, key: string) {
  return page.locator(`input[data-testid="field-${key}"], [data-testid="field-${key}"] input`).first();
}

describeInBrowser("task pane, production build in chromium, no Office host", () => {
  // A cold build (fresh clone: no webpack cache) minifies ExcelJS: about a minute, more with other test files running.
  beforeAll(async () => {
    harness = await E2EHarness.start();
  }, 300_000);

  afterAll(async () => {
    await harness?.close();
  });

  it("loads office.js without a host, says it is in preview mode, and shows the title", async () => {
    const session = await harness.openPane({ colorScheme: "light" });
    try {
      const { page } = session;
      // office.js must not hang without a host: the React chunk only mounts after Office.onReady.
      await expect(page.getByRole("heading", { level: 1 }).textContent({ timeout: 30_000 })).resolves.toBe("12367 考核助手");
      expect(await page.title()).toBe("12367 考核助手");
      expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
      await expect(page.getByRole("status").first().textContent()).resolves.toContain("预览模式");
      expect(await providerBackground(session)).toEqual([255, 255, 255]);
      expect(session.pageErrors).toEqual([]);
      // CSP violations and failed loads show up here.
      expect(unexpectedConsoleErrors(session)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("follows the system's dark theme when there is no Office theme", async () => {
    const session = await harness.openPane({ colorScheme: "dark" });
    try {
      await session.page.getByRole("heading", { level: 1 }).waitFor({ timeout: 30_000 });
      const [r, g, b] = await providerBackground(session);
      expect(r! + g! + b!).toBeLessThan(3 * 80);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("office.js's telemetry frame is blocked by the pane's CSP: never requested", async () => {
    const session = await harness.openPane();
    try {
      const frame = session.page.locator(`iframe[src="${TELEMETRY_FRAME}"]`);
      await frame.waitFor({ state: "attached", timeout: 30_000 });
      // The console line comes with the frame; give it up to 5 s to reach the test.
      for (let i = 0; i < 50 && !session.consoleErrors.some((e) => TELEMETRY_BLOCKED.test(e)); i++) await session.page.waitForTimeout(100);
      expect(session.consoleErrors.filter((e) => TELEMETRY_BLOCKED.test(e))).toHaveLength(1);
      expect(unexpectedConsoleErrors(session)).toEqual([]);
      expect(harness.requests.filter((r) => r.url.includes("oaspapps.com"))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("the request log catches a request to another origin, and it never reaches a server", async () => {
    // A second browser on the same build: its log is its own, so the pane's stays clean.
    const probe = await E2EHarness.start({ distDir: harness.distDir });
    try {
      const session = await probe.openPane();
      // The page's own late loads (its icon, say) finish first: only the probe's request may follow.
      await session.page.waitForLoadState("networkidle");
      const before = probe.server.served.length;
      // Same machine, other origin (localhost ≠ 127.0.0.1): aborted by the harness before it is sent.
      const foreign = `${probe.origin.replace("127.0.0.1", "localhost")}/taskpane.html?probe`;
      await expect(session.page.goto(foreign)).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
      expect(probe.foreignRequests().map((r) => r.url)).toEqual([foreign]);
      expect(probe.server.served.slice(before)).toEqual([]);
    } finally {
      await probe.close();
    }
  });

  it("opens the example workbook, recomputes 2025-10 after an edit, and downloads the new scores", async () => {
    const session = await harness.openPane({ colorScheme: "light" });
    try {
      const { page } = session;
      await page.getByTestId("file-input").setInputFiles(EXAMPLE);
      await page.getByTestId("status").filter({ hasText: "已读取工作簿" }).waitFor({ timeout: 60_000 });
      // 15 notes: 9 as before, the row 2 / row 4 overlap in 2025-03 and 2025-10, the three reports due after
      // the term (SPEC §5: 月报 2025-11, 年报 2025, 季报 2025Q4) and instalment 3's early invoice (A10).
      await expect(page.getByTestId("status").textContent()).resolves.toBe("已打开「example-2024-2025.xlsx」。已读取工作簿：12 个考核月份，0 个错误，15 条提示。");
      // The twelve months of the contract year, each complete: the engine scores them, but the example's
      // 考核得分 cells are empty, so each says 需要重新计算 (issue 15 point 3) until a run writes it.
      const months = page.locator('[data-testid^="month-20"]');
      const states = () => months.evaluateAll((els) => els.map((e) => `${e.getAttribute("data-testid")}:${e.getAttribute("data-state")}`));
      const all = [
        "month-2024-12", "month-2025-01", "month-2025-02", "month-2025-03", "month-2025-04", "month-2025-05",
        "month-2025-06", "month-2025-07", "month-2025-08", "month-2025-09", "month-2025-10", "month-2025-11",
      ];
      await expect(states()).resolves.toEqual(all.map((m) => `${m}:stale`));
      await expect(page.getByTestId("month-2025-10").textContent()).resolves.toBe("2025年10月需要重新计算");
      await page.getByTestId("month-2025-10").click();

      // SPEC §7's month as the example has it: 9 people, 9 of them sat the exam (93.25).
      await expect(field(page, "headcount").inputValue({ timeout: 30_000 })).resolves.toBe("9");
      await expect(field(page, "examSat").inputValue()).resolves.toBe("9");
      // 团队人数 9 → 10 alone leaves the total at 93.25: 队伍建设 gains the point (9 → 10) that
      // 考试覆盖率 loses (9 of 10 sat the exam: 90%, 10 → 9). With 按时参考人数 9 → 10 as well,
      // both rows are full and the total is 94.25 (checked with `hotline-scorecard score`).
      await field(page, "headcount").fill("10");
      await field(page, "examSat").fill("10");
      await page.getByTestId("recompute-all").click();
      await page.getByTestId("status").filter({ hasText: "已全部重算" }).waitFor({ timeout: 60_000 });
      await expect(page.getByTestId("status").textContent()).resolves.toMatch(/^已全部重算 12 个月/);
      await expect(page.getByTestId("month-score").textContent()).resolves.toBe("考核得分94.25");
      await page.getByRole("button", { name: "← 返回月份列表" }).click();
      await expect(states()).resolves.toEqual(all.map((m) => `${m}:scored`));

      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("download").click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = await download.path();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);

      const oct = monthScores(wb, "2025年10月");
      expect(oct.items["队伍建设"]).toBe(10);
      expect(oct.items["考试覆盖率"]).toBe(10);
      expect(oct.total).toBe(94.25);
      expect(oct.items).toEqual({
        队伍建设: 10, 管理制度与能力: 10, 项目人员月流动率: 10, 数据分析: 3, 培训与文化建设: 5, 来电接通率: 13, 来电15s内接通率: 15,
        团队服务满意率: 9.5, 工单质检准确率: 9.75, 考试覆盖率: 10, 加分项: 1, 扣分项: 0, 客户有效投诉: -2, 弄虚作假: 0,
      });
      // The edit is in the workbook, not only in the pane.
      expect(indicatorCell(wb, "2025-10", "团队人数")).toBe(10);
      expect(indicatorCell(wb, "2025-10", "按时参考人数")).toBe(10);
      // 全部重算 scored every month and wrote the settlement; the month before keeps its inputs.
      expect(monthScores(wb, "2025年9月").total).toBe(96);
      expect(monthScores(wb, "2024年12月").total).toBe(96);
      expect(wb.getWorksheet("付款结算")).toBeDefined();
      const original = new ExcelJS.Workbook();
      await original.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
      expect(indicatorCell(wb, "2025-09", "团队人数")).toBe(indicatorCell(original, "2025-09", "团队人数"));
      expect(monthScores(original, "2025年10月").total).toBe(null);
      // Edited in place, as on the command line: the parts no write touches come back byte for byte
      // (text goes in as inline strings, so even the shared string table is the input's).
      const before = await JSZip.loadAsync(readFileSync(EXAMPLE));
      const after = await JSZip.loadAsync(readFileSync(file));
      const untouched = ["xl/sharedStrings.xml", "xl/theme/theme1.xml", "docProps/app.xml", "docProps/core.xml", "_rels/.rels"].filter((n) => before.file(n));
      expect(untouched.length).toBeGreaterThanOrEqual(4);
      for (const name of untouched) expect([name, await after.file(name)?.async("base64")]).toEqual([name, await before.file(name)?.async("base64")]);

      expect(session.pageErrors).toEqual([]);
      expect(unexpectedConsoleErrors(session)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("loaded everything from the local server: no request left 127.0.0.1, no missing file", () => {
    const origin = harness.origin;
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(harness.requests.length).toBeGreaterThan(0);
    expect(harness.requests.map((r) => r.url)).toContain(`${origin}/office-js/office.js`);
    expect(harness.foreignRequests()).toEqual([]);
    expect(harness.server.served.filter((s) => s.status !== 200)).toEqual([]);
  });
});
