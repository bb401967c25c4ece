/**
 * Issue 15 point 5 end to end: the production build in Debian's chromium (test/e2e/harness.ts), the
 * browser edition on assets/example-2024-2025.xlsx. 付款结算 (nav-settlement) shows the instalments'
 * figures; an invoice date typed wrong is refused at its field; typed right and saved, it is in the
 * downloaded workbook's 付款记录 and the screen shows the due date it gives; 重算并结算 writes
 * 付款结算. 合同与日历 (nav-contract) shows the example's contract; a 节假日安排 day added there and
 * saved is in the downloaded workbook's cells and moves the due date it falls in.
 *
 * With E2E_SCREENSHOTS=<folder>, pictures of both screens at 320 px (light, dark, English) are
 * written there: settlement-{light,dark,en}.png and contract-{light,dark,en}.png (full page), each
 * also cut in 800 px parts (…-p1.png, -p2, …).
 */
// @ts-nocheck

import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { CHROMIUM, E2EHarness, NO_BROWSER, REPO_ROOT } from "./harness";

const EXAMPLE = join(REPO_ROOT, "assets", "example-2024-2025.xlsx");
const SHOTS = process.env.E2E_SCREENSHOTS ?? null;

jest.setTimeout(180_000);

if (!CHROMIUM) {
  it("has a Chromium to drive", () => {
    throw Object.assign(new Error(NO_BROWSER), { stack: NO_BROWSER });
  });
}
const describeInBrowser = CHROMIUM ? describe : describe.skip;

let harness: E2EHarness;

async function openExample(page: Page): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(EXAMPLE);
  await page.getByTestId("status").filter({ hasText: "已读取工作簿" }).waitFor({ timeout: 60_000 });
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  // and in 800 px parts, easier to look at than one long strip
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 1; y < height; y += 800, i++) {
    await page.screenshot({ path: join(SHOTS, `${name}-p${i}.png`), fullPage: true, clip: { x: 0, y, width: 320, height: Math.min(800, height - y) } });
  }
}

/** A cell of the downloaded workbook as an ISO date (ExcelJS gives real dates as Date at UTC midnight). */
function isoOf(v: ExcelJS.CellValue): string | null {
  return v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? null : String(v);
}

describeInBrowser("付款结算 and 合同与日历 in the browser edition", () => {
  beforeAll(async () => {
    harness = await E2EHarness.start();
  }, 300_000);

  afterAll(async () => {
    await harness?.close();
  });

  it("enters an invoice date, saves it to 付款记录, and shows the due date it gives", async () => {
    const session = await harness.openPane({ colorScheme: "light", width: 320 });
    try {
      const { page } = session;
      await openExample(page);
      await page.getByTestId("nav-settlement").click();
      await page.getByTestId("screen-settlement").waitFor({ timeout: 30_000 });

      // The example as it is: instalment 2 averages 94.42 over 2024-12…2025-05.
      await expect(page.getByTestId("settlement-2-average").textContent()).resolves.toBe("94.42（最终），低于 95 分 0.58 分");
      await expect(page.getByTestId("settlement-2-deduction").textContent()).resolves.toBe("¥499.53");
      await expect(page.getByTestId("settlement-2-payable").textContent()).resolves.toBe("¥344,000.47");
      await expect(page.getByTestId("settlement-2-payable-upper").textContent()).resolves.toBe("人民币叁拾肆万肆仟元肆角柒分");
      // Instalment 3 was invoiced 2025-12-05, before the contract allows (2026-01-01): the clock starts then (A10).
      const invoice = page.getByTestId("instalment-3-invoice-date");
      await expect(invoice.inputValue()).resolves.toBe("2025-12-05");
      await expect(page.getByTestId("settlement-3-due-date").textContent()).resolves.toBe("2026-02-12（2026-01-01 后第 30 个工作日）");
      await shoot(page, "settlement-light");

      // A date that is not one: refused at its field, the save unavailable.
      await invoice.fill("2026-01-5x");
      await page.getByText("「发票日期」应为日期（如 2025-10-13），实为「2026-01-5x」").waitFor({ timeout: 10_000 });
      await expect(invoice.getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(page.getByTestId("save-payments").getAttribute("aria-disabled")).resolves.toBe("true");

      await invoice.fill("2026-01-05");
      await page.getByTestId("save-payments").click();
      await page.getByTestId("payments-note").filter({ hasText: "已保存 1 个单元格到「付款记录」；本页数字已按新日期计算，「付款结算」表在「重算并结算」后更新。" }).waitFor({ timeout: 30_000 });
      await expect(page.getByTestId("settlement-3-due-date").textContent()).resolves.toBe("2026-02-14（2026-01-05 后第 30 个工作日）");
      await expect(page.getByTestId("settlement-3-days-late").textContent()).resolves.toBe("未逾期"); // paid 2026-01-09
      await expect(page.getByTestId("settlement-3-payable").textContent()).resolves.toBe("¥68,900.00");

      // 重算并结算: every month and 付款结算, in one action.
      await page.getByTestId("settle-all").click();
      await page.getByTestId("payments-note").filter({ hasText: "已重算 12 个月，「付款结算」表已更新。" }).waitFor({ timeout: 60_000 });

      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("download").click()]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
      const pay = wb.getWorksheet("付款记录");
      expect(pay).toBeDefined();
      expect([1, 2, 3, 4].map((c) => isoOf(pay?.getCell(4, c).value ?? null))).toEqual(["3", "2026-01-05", "2026-01-09", null]);
      expect(pay?.getCell(4, 2).numFmt).toBe("yyyy-mm-dd");
      // the other instalments' dates are as they were
      expect(isoOf(pay?.getCell(3, 2).value ?? null)).toBe("2025-06-16");
      expect(wb.getWorksheet("付款结算")).toBeDefined();

      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("shows the example's contract, payment terms and (empty) holiday arrangement", async () => {
    const session = await harness.openPane({ colorScheme: "light", width: 320 });
    try {
      const { page } = session;
      await openExample(page);
      await page.getByTestId("nav-contract").click();
      await page.getByTestId("screen-contract").waitFor({ timeout: 30_000 });
      await expect(page.getByTestId("info-total").inputValue()).resolves.toBe("689000");
      await expect(page.getByTestId("terms-1-share").inputValue()).resolves.toBe("50%");
      await expect(page.getByTestId("terms-2-notBefore").inputValue()).resolves.toBe("2026-01-01");
      await page.getByTestId("terms-1-share").fill("40");
      await page.getByText("「比例」为「40」，请写成百分比「40%」（或小数 0.4）").waitFor({ timeout: 10_000 });
      await page.getByTestId("discard-contract").click();
      await expect(page.getByTestId("terms-1-share").inputValue()).resolves.toBe("50%");
      await shoot(page, "contract-light");
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("saves a 节假日安排 day added on 合同与日历: in the downloaded workbook, and in the due dates it gives", async () => {
    const session = await harness.openPane({ colorScheme: "light", width: 320 });
    try {
      const { page } = session;
      await openExample(page);
      await page.getByTestId("nav-contract").click();
      await page.getByTestId("screen-contract").waitFor({ timeout: 30_000 });
      await expect(page.locator('[data-testid^="holiday-"][data-testid$="-date"]').count()).resolves.toBe(0);
      // a day off (休) on Tuesday 2026-01-20, inside instalment 3's payment term (2026-01-01 + 30 working days)
      await page.getByTestId("holiday-add").click();
      await page.getByTestId("holiday-0-date").fill("2026-01-20");
      await page.getByTestId("holiday-0-note").fill("调休");
      await expect(page.getByTestId("holiday-0-kind").inputValue()).resolves.toBe("休");
      await page.getByTestId("save-contract").click();
      await page.getByTestId("contract-note").filter({ hasText: "已保存 3 个单元格；各月得分与付款请用「重算并结算」按新条款重新计算。" }).waitFor({ timeout: 30_000 });
      await expect(page.getByTestId("holiday-0-date").inputValue()).resolves.toBe("2026-01-20");

      // the calendar in force now has the day: instalment 3 falls due one working day later
      await page.getByTestId("nav-settlement").click();
      await page.getByTestId("screen-settlement").waitFor({ timeout: 30_000 });
      await expect(page.getByTestId("settlement-3-due-date").textContent()).resolves.toBe("2026-02-13（2026-01-01 后第 30 个工作日）");

      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("download").click()]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
      const days = wb.getWorksheet("节假日安排");
      expect(days).toBeDefined();
      const a2 = days?.getCell("A2").value ?? null;
      // a real date (ExcelJS: a Date at UTC midnight), or its serial number
      const iso = typeof a2 === "number" ? new Date(Date.UTC(1899, 11, 30) + a2 * 86_400_000).toISOString().slice(0, 10) : isoOf(a2);
      expect([iso, days?.getCell("B2").value, days?.getCell("C2").value]).toEqual(["2026-01-20", "休", "调休"]);
      expect(days?.getCell("A3").value ?? null).toBeNull();
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  if (SHOTS) {
    it("pictures: dark and English", async () => {
      for (const [scheme, english] of [
        ["dark", false],
        ["light", true],
      ] as const) {
        const session = await harness.openPane({ colorScheme: scheme, width: 320 });
        try {
          const { page } = session;
          await openExample(page);
          if (english) await page.getByRole("button", { name: "English" }).click();
          const tag = english ? "en" : scheme;
          await page.getByTestId("nav-settlement").click();
          await page.getByTestId("screen-settlement").waitFor({ timeout: 30_000 });
          await shoot(page, `settlement-${tag}`);
          await page.getByTestId("nav-contract").click();
          await page.getByTestId("screen-contract").waitFor({ timeout: 30_000 });
          await shoot(page, `contract-${tag}`);
        } finally {
          await session.close();
        }
      }
    });
  }
});
