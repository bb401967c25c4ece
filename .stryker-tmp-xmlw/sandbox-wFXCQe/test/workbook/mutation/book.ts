/**
 * Issue 17: small in-memory workbooks for the planner's and the owned sheets' mutation tests (no
 * ExcelJS round trip, so each of Stryker's mutant runs stays quick): plain scorecards (row 2 the
 * month in B2 and 考核得分 in D2 → E2, row 3 the header, rows 4–17 the items: 单项得分 in G, 完成情况
 * in F) and the four input sheets written from the engine's records.
 */
// @ts-nocheck

import { EXAMPLE_2025_10 } from "../../../src/domain/example";
import { INDICATOR_FIELDS, MonthIndicators, MonthKey, monthLabel, PaymentRecord, ReportSubmission, SCORECARD_ITEMS, ScoreEvent } from "../../../src/domain";
import type { PlanResult } from "../../../src/workbook/drafts/input-rows";
import { type CellValue, parseA1, type SheetSnapshot, type WorkbookSnapshot, type WritePlan } from "../../../src/workbook/model";
import { type Cell, sheet } from "../../fixtures/sheet-rows";

export const CARD_HEADER: Cell[] = ["序号", "考核项目", "考核指标", "满分", "评分细则", "X月完成情况", "单项得分"];

/** A plain scorecard for `month` named `name`: the total in E2, item n's score in G(n+3), its summary in F(n+3). */
export function card(month: MonthKey, name = monthLabel(month), o: { index?: number; protected?: boolean; scores?: Record<string, Cell> } = {}): SheetSnapshot {
  const rows: Cell[][] = [["12367 热线考核表"], ["考核月份", monthLabel(month), null, "考核得分", o.scores?.E2 ?? null], CARD_HEADER];
  for (const i of SCORECARD_ITEMS) rows.push([i.no, i.section, i.indicator, i.max, "细则", o.scores?.[`F${i.no + 3}`] ?? null, o.scores?.[`G${i.no + 3}`] ?? null]);
  const s = sheet(name, rows, o.index ?? 0);
  return { ...s, ...(o.protected ? { protected: true } : {}) };
}

export interface Inputs {
  indicators?: MonthIndicators[];
  events?: ScoreEvent[];
  reports?: ReportSubmission[];
  payments?: PaymentRecord[];
}

const yn = (v: boolean | null): Cell => (v === null ? null : v ? "是" : "否");

/** The four input sheets (指标录入, 加减分事件, 报告提交, 付款记录) holding `data`. */
export function inputSheets(data: Inputs): SheetSnapshot[] {
  const ind: Cell[][] = [["考核月份", ...INDICATOR_FIELDS.map((f) => f.header)]];
  for (const m of data.indicators ?? []) ind.push([m.month, ...INDICATOR_FIELDS.map((f): Cell => (typeof m[f.key] === "boolean" ? yn(m[f.key] as boolean) : (m[f.key] as number | null)))]);
  const ev: Cell[][] = [["考核月份", "类型", "级别", "事项编号", "事项说明", "佐证材料", "经查属实", "乙方报送"]];
  for (const e of data.events ?? []) ev.push([e.month, e.type === "bonus" ? "加分" : "扣分", e.level, e.matterId, e.description, e.evidence === null ? null : e.evidence ? "有" : "无", yn(e.verified), yn(e.reported)]);
  const rep: Cell[][] = [["报告类型", "报告期", "提交日期", "延期已获批"]];
  for (const r of data.reports ?? []) rep.push([r.kind, r.period, r.submitted, yn(r.extensionApproved)]);
  const pay: Cell[][] = [["笔次", "发票日期", "实付日期"]];
  for (const p of data.payments ?? []) pay.push([p.number, p.invoiceDate, p.paidDate]);
  return [sheet("指标录入", ind), sheet("加减分事件", ev), sheet("报告提交", rep), sheet("付款记录", pay)];
}

/** The SPEC §7 month's records (2025-10, 93.25), optionally for another month (its events and 月报 moved along). */
export function example(month: MonthKey = "2025-10"): Required<Inputs> {
  return {
    indicators: [{ ...EXAMPLE_2025_10.indicators, month }],
    events: EXAMPLE_2025_10.events.map((e) => ({ ...e, month })),
    reports: month === "2025-10" ? EXAMPLE_2025_10.reports.map((r) => ({ ...r })) : [],
    payments: [],
  };
}

/** Scorecards first (in order), then the input sheets, each sheet's index its position. */
export function book(cards: SheetSnapshot[], data: Inputs, extra: SheetSnapshot[] = []): WorkbookSnapshot {
  return { sheets: [...cards, ...inputSheets(data), ...extra].map((s, index) => ({ ...s, index })) };
}

/** The snapshot after `plan` (values and number formats): cell writes, whole sheets replaced or added, protection. */
export function applyPlan(snapshot: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((s) => ({ ...s, cells: [...s.cells] }));
  const put = (s: SheetSnapshot, address: string, value: CellValue, numberFormat: string | undefined) => {
    const { row, col } = parseA1(address);
    const old = s.cells.find((c) => c.row === row && c.col === col);
    s.cells = s.cells.filter((c) => c !== old);
    if (value !== null) s.cells.push({ row, col, value, numberFormat: numberFormat ?? old?.numberFormat ?? "General" });
  };
  for (const spec of plan.sheets) {
    const fresh: SheetSnapshot = { name: spec.name, index: sheets.length, cells: [], merges: [] };
    const i = sheets.findIndex((s) => s.name === spec.name);
    if (i >= 0) sheets[i] = { ...fresh, index: i };
    else sheets.push(fresh);
    const target = sheets.find((s) => s.name === spec.name) as SheetSnapshot;
    for (const c of spec.cells) put(target, c.address, c.value, c.numberFormat);
  }
  for (const g of plan.cellWrites) {
    const s = sheets.find((x) => x.name === g.sheet);
    if (s) for (const w of g.writes) put(s, w.address, w.value, w.numberFormat);
  }
  for (const p of plan.protectSheets ?? []) {
    const s = sheets.find((x) => x.name === p.sheet);
    if (s) s.protected = p.protect;
  }
  const gone = new Set(plan.deleteSheets ?? []);
  return { sheets: sheets.filter((s) => !gone.has(s.name)).map((s) => ({ ...s, cells: s.cells.sort((x, y) => x.row - y.row || x.col - y.col) })) };
}

/** 指标录入's header row in the book's layout (A = 考核月份). */
export const IND_HEADER: Cell[] = ["考核月份", ...INDICATOR_FIELDS.map((f) => f.header)];
/** 指标录入's column of an indicator in the book's layout (A = 考核月份). */
export const colOf = (key: string) => INDICATOR_FIELDS.findIndex((f) => f.key === key) + 2;
/** `wb` with the sheet `name` holding `rows` instead, in its place (null: without it). */
export const replaceSheet = (wb: WorkbookSnapshot, name: string, rows: Cell[][] | null): WorkbookSnapshot => ({
  sheets: wb.sheets.flatMap((s) => (s.name !== name ? [s] : rows ? [sheet(name, rows, s.index)] : [])),
});
/** A draft plan's cell writes by sheet; throws (naming the problems) when the plan was refused. */
export const writesOf = (r: PlanResult) => {
  if (!r.ok) throw new Error(`refused: ${r.problems.map((p) => p.message).join("; ")}`);
  return Object.fromEntries(r.plan.cellWrites.map((g) => [g.sheet, g.writes]));
};
