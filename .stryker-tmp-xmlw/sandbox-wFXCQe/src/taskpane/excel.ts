/**
 * The add-in path's workbook: the office-js adapter (src/hosts/excel/excel-adapter.ts) plus selecting
 * a cell, so a problem's button can take the clerk to the sheet and cell it names, and what this
 * Excel cannot do (the adapter's `skipped`) in the clerk's terms. Loaded by mount.tsx only inside Office.
 */
// @ts-nocheck

import { ExcelAdapter } from "../hosts/excel/excel-adapter";
import type { PaneAdapter, PaneLimitation } from "./session";

/** Shows the sheet and selects the cell (or just shows the sheet when there is no cell). */
export async function selectInExcel(sheet: string, cell: string | null): Promise<void> {
  // delayForCellEdit: a clerk still typing in a cell gets the selection when the edit ends, not an error.
  await Excel.run({ delayForCellEdit: true }, async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (cell) worksheet.getRange(cell).select();
    await context.sync();
  });
}

/**
 * One feature the adapter left out (its SkippedFeature), taken by shape: `messageZh` or `message`
 * for the Chinese text, so the pane follows the adapter whichever it has.
 */
export interface SkippedLike {
  feature: string;
  requirement?: string;
  message?: string;
  messageZh?: string;
  messageEn?: string;
}

type Known = "merges" | "validation" | "pageLayout";

/** The requirement set each known feature needs (the adapter's FEATURES), when the adapter does not say. */
const NEEDS: Record<Known, string> = { merges: "ExcelApi 1.13", validation: "ExcelApi 1.8", pageLayout: "ExcelApi 1.9" };

function known(s: SkippedLike): Known | null {
  const f = s.feature.toLowerCase();
  if (f.includes("merge")) return "merges";
  if (f.includes("validation") || f.includes("drop")) return "validation";
  if (f.includes("page") || f.includes("print")) return "pageLayout";
  const req = (s.requirement ?? "").replace(/\s+/g, " ").trim();
  const byReq = (Object.keys(NEEDS) as Known[]).find((k) => NEEDS[k] === req);
  return byReq ?? null;
}

/** What each known limitation means for the clerk's work, and what to do about it. */
const EFFECTS: Record<Known, (req: string) => { zh: string; en: string }> = {
  merges: (req) => ({
    zh: `此版本 Excel 不支持读取合并单元格（需 ${req}）：含合并标签的考核表将被拒绝，请用 Excel 2021 或更新版本，或在浏览器中打开本地文件。`,
    en: `This Excel cannot read merged cells (needs ${req}): a scorecard whose labels are merged is refused. Use Excel 2021 or later, or open the local file in a browser.`,
  }),
  validation: (req) => ({
    zh: `此版本 Excel 不支持下拉列表（需 ${req}）：付款记录、加减分事件等输入表的输入列不会添加下拉列表，请按表头手工填写；计算时仍会逐项检查。`,
    en: `This Excel cannot add drop-down lists (needs ${req}): the input columns of “付款记录”, “加减分事件” and the other input sheets get none. Type the values by hand; every value is still checked when scoring.`,
  }),
  pageLayout: (req) => ({
    zh: `此版本 Excel 不支持打印设置（需 ${req}）：付款结算表的纸张、打印区域和打印标题不会设置，打印前请在「页面布局」中手工设置（A4、打印区域、标题行）。`,
    en: `This Excel cannot set up printing (needs ${req}): the paper, print area and print titles of “付款结算” are not set. Set them by hand under Page Layout (A4, print area, title rows) before printing.`,
  }),
};

/** A skipped feature as the pane shows it: its effect on the clerk's work; an unknown one in the adapter's own words. */
export function describeSkipped(s: SkippedLike): PaneLimitation {
  const k = known(s);
  if (k) {
    const { zh, en } = EFFECTS[k](s.requirement?.trim() || NEEDS[k]);
    return { feature: s.feature, messageZh: zh, messageEn: en };
  }
  const zh = s.messageZh ?? s.message ?? `此版本 Excel 不支持「${s.feature}」${s.requirement ? `（需 ${s.requirement}）` : ""}，已跳过。`;
  const en = s.messageEn ?? `This Excel does not support ${s.feature}${s.requirement ? ` (needs ${s.requirement})` : ""}; skipped.`;
  return { feature: s.feature, messageZh: zh, messageEn: en };
}

/** What excelPaneAdapter uses of the office-js adapter (taken by shape, so tests can give a stand-in). */
export type ExcelLike = Pick<ExcelAdapter, "read" | "apply"> & { skipped?: readonly SkippedLike[]; unread?: readonly { name: string; rows: number; columns: number }[] };

/** A large sheet the adapter listed by name only (its cells not read: it is none of the product's). */
export function describeUnread(u: { name: string; rows: number; columns: number }): PaneLimitation {
  return {
    feature: `unread:${u.name}`,
    messageZh: `工作表「${u.name}」较大（${u.rows} 行 × ${u.columns} 列），不是考核表、录入表或本工具的表，未读取其内容；如它其实是某月的考核表，请把表头放在前 30 行、30 列以内。`,
    messageEn: `Sheet "${u.name}" is large (${u.rows} rows × ${u.columns} columns) and is not a scorecard, an input sheet or one of this tool's sheets, so its cells were not read; if it is in fact a monthly scorecard, keep its headings within the first 30 rows and columns.`,
  };
}

/**
 * Whether this office.js passes Excel.run's mergeUndoGroup on: the CDN build's current office.js
 * does; the self-hosted npm copy (1.1.110, 2022) drops it (webpack's OFFICE_JS_CDN, issue 14 point 3).
 */
declare const OFFICE_JS_CDN: boolean | undefined;
const officeJsFromCdn = typeof OFFICE_JS_CDN !== "undefined" && OFFICE_JS_CDN === true;

export function excelPaneAdapter(adapter: ExcelLike = new ExcelAdapter(undefined, { officeJsHonoursUndoGroup: officeJsFromCdn })): PaneAdapter {
  return {
    read: () => adapter.read(),
    apply: (plan) => adapter.apply(plan),
    select: selectInExcel,
    limitations: () => [...(adapter.skipped ?? []).map(describeSkipped), ...(adapter.unread ?? []).map(describeUnread)],
  };
}
