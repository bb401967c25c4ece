/**
 * The month page and the lost-work guard end to end (issue 15 points 1, 2, 3, 6, 7): the
 * production build in Debian's chromium (test/e2e/harness.ts), the example workbook opened as a
 * local file, the result checked in the downloaded .xlsx.
 * Screenshots of the month page at 320 px (light, dark, English) go to $E2E_SHOTS when it is set.
 */
// @ts-nocheck

import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { CHROMIUM, E2EHarness, NO_BROWSER, REPO_ROOT, type PaneOptions, type PaneSession } from "./harness";
import { indicatorCell, monthScores } from "./scorecard";

const EXAMPLE = join(REPO_ROOT, "assets", "example-2024-2025.xlsx");
const SHOTS = process.env.E2E_SHOTS;

jest.setTimeout(180_000);

if (!CHROMIUM) {
  it("has a Chromium to drive", () => {
    throw Object.assign(new Error(NO_BROWSER), { stack: NO_BROWSER });
  });
}
const describeInBrowser = CHROMIUM ? describe : describe.skip;

let harness: E2EHarness;
let original: ExcelJS.Workbook;

function field(page: Page, key: string) {
  return page.locator(`input[data-testid="field-${key}"], [data-testid="field-${key}"] input`).first();
}

/** A pane at 320 px with the example opened and 2025-10's page shown. */
async function openOctober(options: PaneOptions = {}): Promise<PaneSession> {
  const session = await harness.openPane({ colorScheme: "light", ...options });
  const { page } = session;
  await page.getByTestId("file-input").setInputFiles(EXAMPLE);
  await page.getByTestId("month-2025-10").waitFor({ timeout: 60_000 });
  await page.getByTestId("month-2025-10").click();
  await field(page, "headcount").waitFor({ timeout: 30_000 });
  return session;
}

async function downloaded(page: Page, click: () => Promise<unknown>): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  return wb;
}

/** Waits until `probe` gives `want` (every 100 ms, up to `timeout` ms); returns the last value. */
async function poll<T>(probe: () => T | Promise<T>, want: T, timeout = 10_000): Promise<T> {
  let last = await probe();
  for (let waited = 0; last !== want && waited < timeout; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

async function status(page: Page): Promise<string> {
  return (await page.getByTestId("status").textContent()) ?? "";
}

describeInBrowser("the month page in chromium (issue 15)", () => {
  beforeAll(async () => {
    harness = await E2EHarness.start();
    original = new ExcelJS.Workbook();
    await original.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
  }, 300_000);

  afterAll(async () => {
    await harness?.close();
  });

  it("point 1: 保存本月输入 with 团队人数 −1, 接通率排名 0 and 合格工单数 120 of 100 writes nothing and marks each field", async () => {
    const session = await openOctober();
    try {
      const { page } = session;
      await field(page, "headcount").fill("-1");
      await field(page, "answerRank").fill("0");
      await field(page, "ticketsSampled").fill("100");
      await field(page, "ticketsPassed").fill("120");
      await page.getByTestId("save-month").click();
      await page.getByTestId("status").filter({ hasText: "未写入任何内容" }).waitFor({ timeout: 30_000 });
      expect(await status(page)).toBe("有 3 个错误，未写入任何内容。");
      for (const key of ["headcount", "answerRank", "ticketsPassed"]) expect(await field(page, key).getAttribute("aria-invalid")).toBe("true");
      const refusal = (await page.getByTestId("refusal").textContent()) ?? "";
      for (const name of ["团队人数", "接通率排名", "合格工单数"]) expect(refusal).toContain(`（${name}）`);
      // the download asks about the edits; 放弃修改 downloads the workbook as it is: unchanged
      const wb = await downloaded(page, async () => {
        await page.getByTestId("download").click();
        await page.getByTestId("guard-discard").click();
      });
      for (const h of ["团队人数", "接通率排名", "合格工单数", "抽检工单数"]) expect([h, indicatorCell(wb, "2025-10", h)]).toEqual([h, indicatorCell(original, "2025-10", h)]);
      expect(await field(page, "headcount").inputValue()).toBe(String(indicatorCell(original, "2025-10", "团队人数")));
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("point 2: leaving the month asks; 取消 keeps the edit, 放弃修改 drops it", async () => {
    const session = await openOctober();
    try {
      const { page } = session;
      await field(page, "headcount").fill("10");
      await page.getByRole("button", { name: "← 返回月份列表" }).click();
      await page.getByTestId("guard-dialog").waitFor();
      expect(await page.getByTestId("guard-dialog").textContent()).toContain("离开后将丢失");
      // keyboard: the focus is in the dialog (on 保存后离开); Escape cancels
      expect(await poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null), "guard-save")).toBe("guard-save");
      await page.keyboard.press("Escape");
      await page.getByTestId("guard-dialog").waitFor({ state: "detached" });
      expect(await field(page, "headcount").inputValue()).toBe("10");
      await page.getByRole("button", { name: "← 返回月份列表" }).click();
      await page.getByTestId("guard-discard").click();
      await page.getByTestId("month-2025-10").click();
      expect(await field(page, "headcount").inputValue()).toBe("9");
    } finally {
      await session.close();
    }
  });

  it("point 2: opening another file asks first; 取消 keeps the edit and the open workbook", async () => {
    const session = await openOctober();
    try {
      const { page } = session;
      await field(page, "headcount").fill("10");
      await page.getByTestId("file-input").setInputFiles(EXAMPLE);
      await page.getByTestId("guard-dialog").waitFor();
      expect(await page.getByTestId("guard-dialog").textContent()).toContain("打开「example-2024-2025.xlsx」会关闭当前工作簿");
      await page.getByTestId("guard-cancel").click();
      expect(await field(page, "headcount").inputValue()).toBe("10");
      // 放弃并打开: the file is opened afresh
      await page.getByTestId("file-input").setInputFiles(EXAMPLE);
      await page.getByTestId("guard-discard").click();
      await page.getByTestId("month-2025-10").waitFor({ timeout: 60_000 });
      await page.getByTestId("month-2025-10").click();
      expect(await field(page, "headcount").inputValue()).toBe("9");
    } finally {
      await session.close();
    }
  });

  it("point 2: 下载结果 with an edit offers 保存后下载, and the file holds the edit", async () => {
    const session = await openOctober();
    try {
      const { page } = session;
      await field(page, "headcount").fill("10");
      await field(page, "examSat").fill("10");
      const wb = await downloaded(page, async () => {
        await page.getByTestId("download").click();
        await page.getByTestId("guard-save").click();
      });
      expect(indicatorCell(wb, "2025-10", "团队人数")).toBe(10);
      expect(indicatorCell(wb, "2025-10", "按时参考人数")).toBe(10);
      // saved, not scored: the month says so
      expect(await page.getByTestId("month-score").getAttribute("data-state")).toBe("stale");
    } finally {
      await session.close();
    }
  });

  it("point 2: closing the tab with an edit, or after 计算本月 before downloading, asks (beforeunload)", async () => {
    const session = await openOctober();
    try {
      const { page } = session;
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.type());
        void d.dismiss();
      });
      await field(page, "headcount").fill("10");
      await page.close({ runBeforeUnload: true });
      expect(await poll(() => dialogs.length, 1)).toBe(1);
      expect(dialogs).toEqual(["beforeunload"]);
      expect(page.isClosed()).toBe(false);
      // scored into the workbook in the pane, not downloaded: still asks
      await page.getByTestId("compute-month").click();
      await page.getByTestId("status").filter({ hasText: "已评分" }).waitFor({ timeout: 60_000 });
      await page.close({ runBeforeUnload: true });
      expect(await poll(() => dialogs.length, 2)).toBe(2);
      expect(page.isClosed()).toBe(false);
      // downloaded: closes without asking
      await downloaded(page, () => page.getByTestId("download").click());
      await page.close({ runBeforeUnload: true });
      expect(await poll(() => page.isClosed(), true)).toBe(true);
      expect(dialogs.length).toBe(2);
    } finally {
      await session.close();
    }
  });

  it("point 3: right after opening, an empty 考核得分 shows 需要重新计算; 计算本月 writes it; a save makes it stale again", async () => {
    const session = await openOctober();
    try {
      const { page } = session;
      expect(monthScores(original, "2025年10月").total).toBe(null);
      const score = page.getByTestId("month-score");
      expect(await score.getAttribute("data-state")).toBe("stale");
      expect(await score.textContent()).toBe("需要重新计算");
      expect(await page.getByTestId("stale-notice").textContent()).toContain("2025年10月!H2");
      // no score shown as if it were the workbook's: the engine's figure appears only in checks marked as not computed
      expect(await page.getByTestId("month-bar").getByText("93.25").count()).toBe(0);
      expect(await page.getByTestId("month-problems-pending").textContent()).toBe("按表单中的输入检查（尚未计算）");
      await page.getByTestId("compute-month").click();
      await page.getByTestId("status").filter({ hasText: "已评分" }).waitFor({ timeout: 60_000 });
      expect(await score.getAttribute("data-state")).toBe("scored");
      expect(await score.textContent()).toBe("考核得分93.25");
      // editing: the bar says the score does not include the edit
      await field(page, "complaints").fill("0");
      await page.getByTestId("draft-pending").waitFor();
      await page.getByTestId("save-month").click();
      await page.getByTestId("status").filter({ hasText: "已保存" }).waitFor({ timeout: 60_000 });
      expect(await score.getAttribute("data-state")).toBe("stale");
      expect(await page.getByTestId("stale-notice").textContent()).toContain("为 93.25");
      const wb = await downloaded(page, () => page.getByTestId("download").click());
      expect(monthScores(wb, "2025年10月").total).toBe(93.25);
      expect(indicatorCell(wb, "2025-10", "有效投诉数")).toBe(0);
      // back in the list, the month says the same
      await page.getByRole("button", { name: "← 返回月份列表" }).click();
      expect(await page.getByTestId("month-2025-10").getAttribute("data-state")).toBe("stale");
    } finally {
      await session.close();
    }
  });

  it("point 7: a partial month names what is missing; 定稿 and 撤销 are disabled with the reason", async () => {
    const session = await openOctober();
    try {
      const { page } = session;
      // nothing written yet: 撤销上次写入 is disabled, and says why
      expect(await page.getByTestId("undo").getAttribute("aria-disabled")).toBe("true");
      expect(await page.getByTestId("undo-reason").textContent()).toBe("没有可撤销的写入。");
      await field(page, "headcount").fill("");
      await page.getByTestId("save-month").click();
      await page.getByTestId("status").filter({ hasText: "已保存" }).waitFor({ timeout: 60_000 });
      await page.getByTestId("compute-month").click();
      await page.getByTestId("status").filter({ hasText: "未写入任何内容" }).waitFor({ timeout: 60_000 });
      expect(await status(page)).toBe("2025年10月尚未填写完整，缺 1 项：团队人数。未写入任何内容。");
      expect(await page.getByTestId("freeze").getAttribute("aria-disabled")).toBe("true");
      expect(await page.getByTestId("freeze-reason").textContent()).toMatch(/定稿/);
    } finally {
      await session.close();
    }
  });

  it("point 6: from the month's heading, 计算本月 and the first field are a few Tabs away; the bar stays in view", async () => {
    const session = await harness.openPane({ colorScheme: "light" });
    try {
      const { page } = session;
      await page.getByTestId("file-input").setInputFiles(EXAMPLE);
      await page.getByTestId("month-2025-10").waitFor({ timeout: 60_000 });
      await page.getByTestId("month-2025-10").focus();
      await page.keyboard.press("Enter");
      expect(await poll(() => page.evaluate(() => document.activeElement?.id), "month-heading", 30_000)).toBe("month-heading");
      const tabsTo = async (testId: string) => {
        await page.locator("#month-heading").focus();
        for (let i = 1; i <= 40; i++) {
          await page.keyboard.press("Tab");
          const at = await page.evaluate(() => {
            const a = document.activeElement;
            return a?.getAttribute("data-testid") ?? a?.closest("[data-testid]")?.getAttribute("data-testid") ?? null;
          });
          if (at === testId) return i;
        }
        return Infinity;
      };
      const toCompute = await tabsTo("compute-month");
      const toField = await tabsTo("field-headcount");
      expect(toCompute).toBeLessThanOrEqual(2);
      expect(toField).toBeLessThanOrEqual(6);
      // the sticky bar: still at the top after scrolling down to the reports
      await page.getByTestId("results-section").scrollIntoViewIfNeeded();
      const bar = await page.getByTestId("month-bar").boundingBox();
      expect(bar).not.toBeNull();
      expect(Math.round(bar!.y)).toBe(0);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`month page: ${toCompute} Tab(s) to 计算本月, ${toField} to the first field; page ${height}px tall at 320px; bar ${Math.round(bar!.height)}px`);
    } finally {
      await session.close();
    }
  });

  it("screenshots of the month page at 320 px: light, dark, English", async () => {
    const shots: [string, PaneOptions, boolean][] = [
      ["month-light", { colorScheme: "light" }, false],
      ["month-dark", { colorScheme: "dark" }, false],
      ["month-en", { colorScheme: "light" }, true],
    ];
    for (const [name, options, english] of shots) {
      const session = await openOctober(options);
      try {
        const { page } = session;
        if (english) await page.getByRole("button", { name: "English" }).click();
        await page.locator("#month-heading").scrollIntoViewIfNeeded();
        const shoot = async (step: string) => {
          if (!SHOTS) return;
          mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: join(SHOTS, `${name}-${step}.png`) });
        };
        await page.evaluate(() => window.scrollTo(0, 0));
        await shoot("0-top");
        await page.locator("#month-heading").scrollIntoViewIfNeeded();
        // the bar's state is shown large, readable in both themes
        const big = page.getByTestId("month-score").locator("span").last();
        expect(await big.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
        await shoot("1-stale");
        await field(page, "headcount").fill("10");
        await page.locator("#month-heading").scrollIntoViewIfNeeded();
        await shoot("2-editing");
        await page.getByTestId("compute-month").click();
        await page.getByTestId("status").filter({ hasText: english ? "Scored" : "已评分" }).waitFor({ timeout: 60_000 });
        expect(await big.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
        await page.evaluate(() => window.scrollTo(0, 900));
        await shoot("3-scored-scrolled");
        expect(session.pageErrors).toEqual([]);
      } finally {
        await session.close();
      }
    }
  });
});
