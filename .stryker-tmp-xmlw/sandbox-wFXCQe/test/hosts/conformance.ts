/**
 * The adapter contract: one conformance suite every host adapter (WorkbookAdapter, model.ts) must pass.
 *
 * A HOST plugs in with one small factory, `ConformanceHost`:
 *
 *   open(workbook: ConformanceWorkbook): Promise<OpenedWorkbook>
 *     Opens the given workbook in the host and returns
 *       - adapter:  the WorkbookAdapter under test (read() and apply() are what the suite exercises);
 *       - reopen(): the workbook as the host now holds it, read by a FRESH adapter (the file host saves
 *                   and opens the saved bytes again; the Excel host reads the same workbook state
 *                   through a new ExcelAdapter). This is "read back after apply".
 *
 * A ConformanceWorkbook comes in two forms that describe the same workbook; a host seeds itself from
 * whichever it can:
 *   - `sheets`: host-neutral (NeutralSheet: name; cells {address, value, numberFormat?, formula?};
 *     merges; protected). Values are as Excel stores them: text, numbers, booleans; a date is its
 *     serial number with a date number format; a formula cell holds its cached result (or null).
 *     The Excel host (test/hosts/excel/fake-excel.ts) seeds FakeWorkbookState from this form.
 *   - `xlsx()`: the same workbook as .xlsx bytes. The file host opens these.
 * Which form is the source:
 *   - a workbook written here (AWKWARD_SHEETS): the neutral form is authored; the .xlsx is written from
 *     it with plain ExcelJS (not through the file adapter), so the file adapter's read() is tested too;
 *   - the example workbook (assets/example-2024-2025.xlsx): the .xlsx is the source; its neutral form
 *     is the file adapter's snapshot of it (snapshotToNeutral). For that workbook the Excel host is
 *     therefore checked against the file adapter, not against an independent description.
 *
 * What the suite asserts, for every host (describeAdapterConformance):
 *  1. read(): the snapshot of a workbook is exactly `expectedSnapshot(sheets)`: sheet names, order and
 *     indexes, every non-empty cell's value (text, numbers, booleans, dates as serials), number format,
 *     formula (without "="), merged ranges, protection; awkward cases included (text that looks like
 *     a formula, a number, a date or a boolean; CJK and emoji; an empty sheet; a merged title band and
 *     a blank merged signature box; formulas with a result, an error, and none; sheet names with
 *     spaces, CJK and an apostrophe; a protected sheet).
 *  2. apply(): after each plan of each SCENARIO, read() (and reopen()) give exactly what
 *     applyPlanToSnapshot(before, plan) (src/workbook/drafts/input-rows.ts) predicts.
 *  3. The real job on the example workbook: 评分 (runWorkbookAsync with a fixed asOf/now and
 *     buildPaymentSheet), 定稿 of a month (protects it), a re-run, 解除定稿, 撤销上次写入 — each planned
 *     from the host's own read, applied, and read back as predicted.
 * And across hosts (describeHostsAgree): the same workbook reads the same, the same plans leave the
 * same snapshot, and the example job plans and leaves the same on every host.
 *
 * Snapshots are compared with toStrictEqual after two normalisations, each documented at
 * `normalised`: merged areas as a set (hosts list them in different orders, ExcelJS even before and
 * after a save) and -0 as 0 (Excel has no negative zero). Content (cells, merges, protection, by sheet
 * name) and sheet order are separate tests, so that an order bug cannot hide a content bug.
 * Not predicted, so asserted directly: a blank cell's number format (no snapshot holds blank cells).
 * Formula writes in the plans carry a null value: the value of a formula cell is Excel's to compute
 * (real Excel recalculates it; the fake does not calculate; the file adapter stores the plan's value
 * as the cached result), so a plan that gives one would differ by host for reasons outside the adapters.
 *
 * A host with a known, reported disagreement passes `knownDisagreements` (a title from TITLES → why):
 * that test runs with `it.failing`, titled "KNOWN DISAGREEMENT …", so it stays in the output, and it
 * turns red the day the adapter is fixed (then the entry is removed).
 *
 * Plugging in a third host (WPS): in conformance.test.ts,
 *   const wpsHost: ConformanceHost = {
 *     async open(workbook) {
 *       // seed the host from workbook.sheets (or open await workbook.xlsx())
 *       const adapter = new WpsAdapter(…);
 *       return { adapter, reopen: () => new WpsAdapter(…).read() };
 *     },
 *   };
 *   describeAdapterConformance("WPS", wpsHost);
 * and add `wps: wpsHost` to the describeHostsAgree call.
 */
// @ts-nocheck

import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { ExcelFileAdapter } from "../../src/hosts/file/file-adapter";
import { applyPlanToSnapshot } from "../../src/workbook/drafts/input-rows";
import {
  type CellValue,
  type MergedRange,
  type ReadCell,
  type SheetSnapshot,
  type SheetSpec,
  type WorkbookAdapter,
  type WorkbookSnapshot,
  type WritePlan,
  a1,
  parseA1,
} from "../../src/workbook/model";
import { planFreezeMonth, planUndo, planUnfreezeMonth, runWorkbookAsync } from "../../src/workbook/plan";
import { buildPaymentSheet } from "../../src/workbook/sheets/payment-sheet";

// ---------------------------------------------------------------------------------------------
// The factory interface

/** One cell as Excel stores it. `formula` without "="; `value` is then its cached result (or null). */
export interface NeutralCell {
  address: string;
  value: CellValue;
  /** Default "General". */
  numberFormat?: string;
  formula?: string;
}

export interface NeutralSheet {
  name: string;
  cells: NeutralCell[];
  /** A1 ranges, e.g. "A1:I1". */
  merges?: string[];
  protected?: boolean;
}

export interface ConformanceWorkbook {
  label: string;
  /** The workbook, host-neutral, sheets in order. */
  sheets: NeutralSheet[];
  /** The same workbook as .xlsx bytes. */
  xlsx(): Promise<Buffer>;
}

export interface OpenedWorkbook {
  /** The adapter under test. */
  adapter: WorkbookAdapter;
  /** The workbook as the host now holds it, read through a fresh adapter (file: saved and opened again). */
  reopen(): Promise<WorkbookSnapshot>;
}

export interface ConformanceHost {
  open(workbook: ConformanceWorkbook): Promise<OpenedWorkbook>;
}

export interface ConformanceOptions {
  /** Test title → why it is known to fail for this host (reported as a disagreement); run with it.failing. */
  knownDisagreements?: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Workbooks in both forms

const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

/** The .xlsx of a neutral workbook, written with plain ExcelJS (independent of the file adapter). */
export async function writeXlsx(sheets: readonly NeutralSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.address);
      if (c.formula !== undefined) {
        const result = typeof c.value === "string" && EXCEL_ERRORS.has(c.value) ? { error: c.value } : c.value;
        cell.value = (result === null ? { formula: c.formula } : { formula: c.formula, result }) as ExcelJS.CellFormulaValue;
      } else {
        cell.value = c.value;
      }
      if (c.numberFormat !== undefined) cell.numFmt = c.numberFormat;
    }
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    if (sheet.protected) await ws.protect("", {});
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook authored host-neutrally; its .xlsx written from it. */
export function neutralWorkbook(label: string, sheets: NeutralSheet[]): ConformanceWorkbook {
  let bytes: Promise<Buffer> | undefined;
  return { label, sheets, xlsx: () => (bytes ??= writeXlsx(sheets)) };
}

/** A snapshot as a neutral workbook (how a host that cannot open .xlsx bytes is seeded from a file). */
export function snapshotToNeutral(snapshot: WorkbookSnapshot): NeutralSheet[] {
  return [...snapshot.sheets]
    .sort((a, b) => a.index - b.index)
    .map((s) => {
      const sheet: NeutralSheet = {
        name: s.name,
        cells: s.cells.map((c) => {
          const cell: NeutralCell = { address: a1(c.row, c.col), value: c.value, numberFormat: c.numberFormat };
          if (c.formula !== undefined) cell.formula = c.formula;
          return cell;
        }),
        merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
      };
      if (s.protected) sheet.protected = true;
      return sheet;
    });
}

/** An .xlsx file as a workbook: the bytes are the source, the neutral form is the file adapter's snapshot of them. */
export async function xlsxWorkbook(label: string, bytes: Buffer): Promise<ConformanceWorkbook> {
  const snapshot = await (await ExcelFileAdapter.fromBuffer(bytes)).read();
  return { label, sheets: snapshotToNeutral(snapshot), xlsx: async () => bytes };
}

export const EXAMPLE_XLSX = path.join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx");

export function exampleWorkbook(): Promise<ConformanceWorkbook> {
  return xlsxWorkbook("the example workbook", readFileSync(EXAMPLE_XLSX));
}

function bounds(range: string): MergedRange {
  const [from = "", to = from] = range.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** What read() must give for a neutral workbook: non-empty cells row-major, "General" by default, formulas without "=". */
export function expectedSnapshot(sheets: readonly NeutralSheet[]): WorkbookSnapshot {
  return {
    sheets: sheets.map((s, index) => {
      const cells: ReadCell[] = [];
      for (const c of s.cells) {
        if (c.value === null && c.formula === undefined) continue;
        const { row, col } = parseA1(c.address);
        const cell: ReadCell = { row, col, value: c.value, numberFormat: c.numberFormat ?? "General" };
        if (c.formula !== undefined) cell.formula = c.formula.replace(/^=/, "");
        cells.push(cell);
      }
      cells.sort((a, b) => a.row - b.row || a.col - b.col);
      const sheet: SheetSnapshot = { name: s.name, index, cells, merges: (s.merges ?? []).map(bounds) };
      if (s.protected) sheet.protected = true;
      return sheet;
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The awkward workbook

export const SCORECARD = "2025年10月";
export const EMPTY = "空白";
export const SPACED = "月度 汇总 (2025)";
export const APOSTROPHE = "Bob's 定稿表";
export const PAYMENTS = "付款记录";

export const AWKWARD_SHEETS: NeutralSheet[] = [
  {
    name: SCORECARD,
    cells: [
      { address: "A1", value: "陕西省公安厅出入境管理局12367服务热线质量考核" },
      { address: "A2", value: "考核月份：2025年10月" },
      // Text that Excel would parse if typed.
      { address: "A3", value: "=1+1" },
      { address: "B3", value: "001" },
      { address: "C3", value: "2025-10" },
      { address: "D3", value: "TRUE" },
      { address: "E3", value: "-5" },
      { address: "F3", value: "50%" },
      { address: "G3", value: "'quoted" },
      { address: "H3", value: "  两端空格  " },
      { address: "I3", value: "多行\n文本 ✓ 😀" },
      // Numbers, dates, booleans.
      { address: "A4", value: 93.25, numberFormat: "0.00" },
      { address: "B4", value: 45943, numberFormat: "yyyy-mm-dd" },
      { address: "C4", value: 45943.5, numberFormat: "yyyy-mm-dd hh:mm" },
      { address: "D4", value: true },
      { address: "E4", value: false },
      { address: "F4", value: 0.955, numberFormat: "0.00%" },
      { address: "G4", value: -1378, numberFormat: "¥#,##0.00" },
      { address: "H4", value: 0 },
      { address: "I4", value: 0.30000000000000004 },
      { address: "A5", value: "001", numberFormat: "@" },
      { address: "B5", value: 45962, numberFormat: 'yyyy"年"m"月"' },
      { address: "C5", value: 689000, numberFormat: "#,##0.00" },
      // Formulas: a result, an error, text, none cached.
      { address: "A6", value: 93.25, formula: "SUM(A4:A4)", numberFormat: "0.00" },
      { address: "B6", value: "#DIV/0!", formula: "1/0" },
      { address: "C6", value: "考核得分", formula: '"考核"&"得分"' },
      { address: "D6", value: null, formula: "A4*2" },
      // A merged signature line, and a blank merged box; a formatted blank cell (not a cell of the snapshot).
      { address: "A8", value: "客户方签字：" },
      { address: "G8", value: null, numberFormat: "0.00" },
    ],
    merges: ["A1:I1", "A8:C9", "D8:F9"],
  },
  { name: EMPTY, cells: [] },
  {
    name: SPACED,
    cells: [
      { address: "A1", value: "月份" },
      { address: "B1", value: "得分" },
      { address: "A2", value: "2025-10" },
      { address: "B2", value: 93.25, numberFormat: "0.00" },
      { address: "A5", value: "合计（合并）" },
    ],
    merges: ["A5:B5"],
  },
  {
    name: APOSTROPHE,
    cells: [
      { address: "A1", value: "已定稿" },
      { address: "B1", value: 93.25, numberFormat: "0.00" },
    ],
    protected: true,
  },
  {
    name: PAYMENTS,
    cells: [
      { address: "A1", value: "笔次" },
      { address: "B1", value: "发票日期" },
      { address: "A2", value: 2 },
      { address: "B2", value: 45839, numberFormat: "yyyy-mm-dd" },
    ],
  },
];

export function awkwardWorkbook(): ConformanceWorkbook {
  return neutralWorkbook("the awkward workbook", AWKWARD_SHEETS);
}

/** A sheet the product owns, with merges, number formats, styles and the rest of a SheetSpec. */
export function ownedSheet(name: string, title: string): SheetSpec {
  return {
    name,
    cells: [
      { address: "A1", value: title, style: { bold: true, fontSize: 16, horizontal: "center" } },
      { address: "A3", value: "笔次", style: { bold: true, border: "thin", fill: "#DDEBF7" } },
      { address: "B3", value: "平均分", style: { bold: true, border: "thin", fill: "#DDEBF7" } },
      { address: "C3", value: "金额", style: { bold: true, border: "thin", fill: "#DDEBF7" } },
      { address: "A4", value: 2 },
      { address: "B4", value: 93.4, numberFormat: "0.00", style: { border: "thin" } },
      { address: "C4", value: "人民币叁拾肆万叁仟壹佰贰拾贰元整", style: { wrap: true } },
      { address: "C5", value: null, style: { border: "thin" } },
      { address: "D4", value: 343122, numberFormat: "¥#,##0.00" },
      { address: "E4", value: null, formula: "D4-B4", numberFormat: "0.00" },
      { address: "A6", value: "=SUM(A1:A4)" },
      { address: "B6", value: "001" },
      { address: "C6", value: "2025-10" },
      { address: "D6", value: 45962, numberFormat: "yyyy-mm-dd" },
      { address: "E6", value: true },
      { address: "A10", value: "2025-10" },
      { address: "B10", value: 93.25, numberFormat: "0.00" },
      { address: "A11", value: "2025-11" },
      { address: "B11", value: 96, numberFormat: "0.00" },
    ],
    merges: ["A1:F1", "C4:C5"],
    columnWidths: { A: 10, B: 14, C: 36 },
    rowHeights: { 1: 28 },
    print: { orientation: "portrait", paperSize: "A4", printArea: "A1:F30", fitToWidth: true, repeatRows: "1:3" },
    conditionalHighlights: [{ range: "B10:B11", lessThan: 95, fill: "#FCE4D6", fontColor: "#C00000" }],
    validations: [{ range: "A4:A6", values: ["1", "2", "3"] }],
    tabColor: "#1F4E79",
    freezeRows: 3,
  };
}

export interface Scenario {
  title: string;
  /** Applied in order, each predicted from the snapshot the previous one left. */
  plans: WritePlan[];
}

export const SCENARIOS: Scenario[] = [
  {
    title: "owned cell writes into existing sheets: numbers, text kept as text, booleans, dates, null clears",
    plans: [
      {
        cellWrites: [
          {
            sheet: SCORECARD,
            writes: [
              { address: "A12", value: 9.5, numberFormat: "0.00" },
              { address: "B12", value: "=1+1" },
              { address: "C12", value: "001" },
              { address: "D12", value: "2025-10" },
              { address: "E12", value: "TRUE" },
              { address: "F12", value: "'quoted" },
              { address: "G12", value: "团队 9 人，少 1 人" },
              { address: "H12", value: true },
              { address: "I12", value: 45943, numberFormat: "yyyy-mm-dd" },
              { address: "J12", value: "(5)" },
              { address: "K12", value: "+86 029" },
              { address: "L12", value: "#N/A" },
              { address: "A13", value: null, formula: "SUM(A4,A12)", numberFormat: "0.00" },
              { address: "A2", value: "考核月份：2025年11月" }, // text over text
              { address: "A3", value: null }, // clears text
              { address: "A4", value: 94.5, numberFormat: "0.00" }, // number over number
              { address: "B3", value: 7 }, // number over text
              { address: "A6", value: null }, // clears a formula
              { address: "D6", value: 12 }, // number over a formula
              { address: "H4", value: "零" }, // text over a number
              { address: "A8", value: "甲方签字：" }, // the master cell of a merge
            ],
          },
          { sheet: SPACED, writes: [{ address: "B2", value: 95.5, numberFormat: "0.00" }, { address: "C2", value: "备注：人员稳定" }] },
        ],
        sheets: [],
      },
    ],
  },
  {
    title: "whole sheets created after the existing sheets, with merges, number formats and styles",
    plans: [{ cellWrites: [], sheets: [ownedSheet("付款结算", "付款结算"), { name: "计算 说明", cells: [{ address: "A1", value: "说明" }, { address: "B2", value: 0.5, numberFormat: "0%" }], merges: [] }] }],
  },
  {
    title: "a sheet replaced whole keeps its place (the last sheet)",
    plans: [{ cellWrites: [], sheets: [ownedSheet(PAYMENTS, "新的付款记录")] }],
  },
  {
    title: "a sheet replaced whole keeps its place (a sheet in the middle)",
    plans: [{ cellWrites: [], sheets: [ownedSheet(SPACED, "新的汇总")] }],
  },
  {
    title: "the same owned sheet written twice by two runs is the second one",
    plans: [
      { cellWrites: [], sheets: [ownedSheet("付款结算", "第一次")] },
      { cellWrites: [], sheets: [{ name: "付款结算", cells: [{ address: "B2", value: "第二次" }], merges: ["B2:C2"] }] },
    ],
  },
  {
    title: "deleteSheets removes the named sheets and skips a name that is not there",
    plans: [{ cellWrites: [], sheets: [], deleteSheets: [EMPTY, "不存在的表", SPACED] }],
  },
  {
    title: "a plan that creates one sheet and deletes another (an undo's shape)",
    plans: [{ cellWrites: [{ sheet: PAYMENTS, writes: [{ address: "A3", value: 3 }] }], sheets: [ownedSheet("撤销记录", "撤销记录")], deleteSheets: [EMPTY] }],
  },
  {
    title: "protectSheets: protect, then unprotect and write",
    plans: [
      { cellWrites: [], sheets: [], protectSheets: [{ sheet: SPACED, protect: true }] },
      { cellWrites: [{ sheet: SPACED, writes: [{ address: "B2", value: 90, numberFormat: "0.00" }] }], sheets: [], protectSheets: [{ sheet: SPACED, protect: false }] },
    ],
  },
  {
    title: "protectSheets: writes into a protected sheet unprotected and protected again in one pass",
    plans: [
      {
        cellWrites: [{ sheet: APOSTROPHE, writes: [{ address: "B1", value: 94, numberFormat: "0.00" }, { address: "C1", value: "重新定稿" }] }],
        sheets: [],
        protectSheets: [
          { sheet: APOSTROPHE, protect: false },
          { sheet: APOSTROPHE, protect: true },
        ],
      },
    ],
  },
  {
    title: "a created sheet protected in the same plan",
    plans: [{ cellWrites: [], sheets: [ownedSheet("审计 记录", "审计记录")], protectSheets: [{ sheet: "审计 记录", protect: true }] }],
  },
];

// ---------------------------------------------------------------------------------------------
// Comparing snapshots (in parts, for readable differences)

const mergeOrder = (a: MergedRange, b: MergedRange) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right;

/**
 * The two normalisations, each for a documented reason:
 * - a sheet's merged areas are a set, compared in row-major order: their order is whatever the host
 *   lists (ExcelJS: its merge map, in the SheetSpec's order before a save and another order after it —
 *   付款结算 of the example job; Excel: the RangeAreas address of getMergedAreas, whose order the API
 *   does not document; applyPlanToSnapshot: the SheetSpec's), and nothing gives it meaning (merges are
 *   looked up by the cells they cover);
 * - -0 is 0: Excel has no negative zero (office-js sends values as JSON, where -0 is written 0, and
 *   ExcelJS writes it "0" into the file), but the engine gives -0 for a penalty item without penalty,
 *   and a host holding the written JS number (the fake, ExcelJS before the save) reads it back as -0.
 */
export function normalised(s: WorkbookSnapshot): WorkbookSnapshot {
  return {
    sheets: s.sheets.map((x) => ({
      ...x,
      cells: x.cells.map((c) => (Object.is(c.value, -0) ? { ...c, value: 0 } : c)),
      merges: [...x.merges].sort(mergeOrder),
    })),
  };
}

function labelled(label: string, where: () => string, check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof Error) e.message = `${label ? `${label}: ` : ""}${where()}\n${e.message}`;
    throw e;
  }
}

/**
 * The same sheets (by name) with the same content: cells, merges (as a set), protection.
 * Sheet order and indexes are left to expectSameOrder.
 */
export function expectSameContent(actualSnapshot: WorkbookSnapshot, expectedSnapshot: WorkbookSnapshot, label = ""): void {
  const actual = normalised(actualSnapshot);
  const expected = normalised(expectedSnapshot);
  let where = "the sheets (by name)";
  labelled(label, () => where, () => {
    expect(actual.sheets.map((s) => s.name).sort()).toStrictEqual(expected.sheets.map((s) => s.name).sort());
    for (const sheet of expected.sheets) {
      where = `sheet「${sheet.name}」`;
      const got = actual.sheets.find((s) => s.name === sheet.name);
      expect({ protected: got?.protected, merges: got?.merges }).toStrictEqual({ protected: sheet.protected, merges: sheet.merges });
      expect(got?.cells).toStrictEqual(sheet.cells);
    }
  });
}

/** The same sheet order: [index, name] of every sheet, in the order listed. */
export function expectSameOrder(actual: WorkbookSnapshot, expected: WorkbookSnapshot, label = ""): void {
  labelled(label, () => "sheet order and indexes", () => {
    expect(actual.sheets.map((s) => [s.index, s.name])).toStrictEqual(expected.sheets.map((s) => [s.index, s.name]));
  });
}

/** Exactly equal (after the two normalisations): content, order, then the whole. */
export function expectSameSnapshot(actual: WorkbookSnapshot, expected: WorkbookSnapshot, label = ""): void {
  expectSameContent(actual, expected, label);
  expectSameOrder(actual, expected, label);
  labelled(label, () => "the whole snapshot", () => expect(normalised(actual)).toStrictEqual(normalised(expected)));
}

// ---------------------------------------------------------------------------------------------
// The real job on the example workbook

export const AS_OF = "2026-01-31";
export const NOW = "2026-01-31 09:00";
export const FROZEN_MONTH = "2025-10";

export interface JobStep {
  step: string;
  plan: WritePlan;
  /** What applyPlanToSnapshot predicted. */
  predicted: WorkbookSnapshot;
  /** read() after the apply. */
  after: WorkbookSnapshot;
}

/** One step of the job, planned from the host's own read. */
type Planner = (snapshot: WorkbookSnapshot) => Promise<WritePlan>;

const JOB: { step: string; plan: Planner }[] = [
  {
    step: "评分 (runWorkbookAsync)",
    plan: async (s) => {
      const r = await runWorkbookAsync(s, { asOf: AS_OF, buildPaymentSheet, now: NOW });
      if (!r.plan) throw new Error(`评分 refused: ${JSON.stringify(r.errors)}`);
      return r.plan;
    },
  },
  {
    step: `定稿 ${FROZEN_MONTH}`,
    plan: async (s) => {
      const r = await planFreezeMonth(s, { month: FROZEN_MONTH, who: "张三", now: NOW }, { asOf: AS_OF, buildPaymentSheet });
      if (!r.ok) throw new Error(`定稿 refused: ${JSON.stringify(r.errors)}`);
      return r.plan;
    },
  },
  {
    step: "评分 again (the frozen month kept)",
    plan: async (s) => {
      const r = await runWorkbookAsync(s, { asOf: AS_OF, buildPaymentSheet, now: "2026-01-31 10:00" });
      if (!r.plan) throw new Error(`评分 refused: ${JSON.stringify(r.errors)}`);
      return r.plan;
    },
  },
  {
    step: `解除定稿 ${FROZEN_MONTH}`,
    plan: async (s) => {
      const r = planUnfreezeMonth(s, { month: FROZEN_MONTH, who: "李四", now: "2026-01-31 11:00", reason: "甲方复核更正接通率" });
      if (!r.ok) throw new Error(`解除定稿 refused: ${JSON.stringify(r.errors)}`);
      return r.plan;
    },
  },
  {
    step: "撤销上次写入 (planUndo)",
    plan: async (s) => {
      const r = planUndo(s);
      if ("error" in r) throw new Error(`撤销 refused: ${JSON.stringify(r)}`);
      return r.plan;
    },
  },
];

/** Runs the job on an opened workbook: each step planned from read(), applied, read back. */
export async function runJob(opened: OpenedWorkbook): Promise<{ first: WorkbookSnapshot; steps: JobStep[] }> {
  const first = await opened.adapter.read();
  let before = first;
  const steps: JobStep[] = [];
  for (const { step, plan: planner } of JOB) {
    const plan = await planner(before);
    await opened.adapter.apply(plan);
    const after = await opened.adapter.read();
    steps.push({ step, plan, predicted: applyPlanToSnapshot(before, plan), after });
    before = after;
  }
  return { first, steps };
}

// ---------------------------------------------------------------------------------------------
// The suites

type TestBody = () => Promise<void>;
type Define = (title: string, body: TestBody, timeout?: number) => void;

function testFor(options: ConformanceOptions): Define {
  return (title, body, timeout) => {
    const why = options.knownDisagreements?.[title];
    if (why !== undefined) it.failing(`KNOWN DISAGREEMENT (expected to fail: ${why}) ${title}`, body, timeout);
    else it(title, body, timeout);
  };
}

const JOB_TIMEOUT = 60_000;

/** Applies a scenario's plans in order on an opened workbook: each plan's prediction and the read after it. */
async function runScenario(opened: OpenedWorkbook, scenario: Scenario): Promise<{ predicted: WorkbookSnapshot; after: WorkbookSnapshot }[]> {
  let before = await opened.adapter.read();
  const out: { predicted: WorkbookSnapshot; after: WorkbookSnapshot }[] = [];
  for (const plan of scenario.plans) {
    const predicted = applyPlanToSnapshot(before, plan);
    await opened.adapter.apply(plan);
    const after = await opened.adapter.read();
    out.push({ predicted, after });
    before = after;
  }
  return out;
}

/** The test titles (for knownDisagreements). */
export const TITLES = {
  scenarioContent: (s: Scenario) => `${s.title}: every sheet's cells, merges and protection as predicted`,
  scenarioOrder: (s: Scenario) => `${s.title}: sheet order and indexes as predicted`,
  jobContent: "each step, planned from the host's own read, leaves every sheet's cells, merges and protection as predicted; reopened, the same",
  jobOrder: "each step leaves the sheets in the predicted order",
  agreeScenarioContent: (s: Scenario, reference: string, other: string) => `${s.title}: ${other} leaves the same content as ${reference}`,
  agreeScenarioOrder: (s: Scenario, reference: string, other: string) => `${s.title}: ${other} leaves the same sheet order as ${reference}`,
  agreeJobPlans: (reference: string, other: string) => `the example job: ${other} reads and plans each step as ${reference} does`,
  agreeJobContent: (reference: string, other: string) => `the example job: ${other} leaves the same content as ${reference} after each step`,
  agreeJobOrder: (reference: string, other: string) => `the example job: ${other} leaves the same sheet order as ${reference} after each step`,
} as const;

/** Every host adapter must pass this. */
export function describeAdapterConformance(hostName: string, host: ConformanceHost, options: ConformanceOptions = {}): void {
  const test = testFor(options);
  describe(`adapter conformance: ${hostName}`, () => {
    describe("1. read(): the snapshot is exactly the workbook", () => {
      test("the awkward workbook: names, order, indexes, values, dates, number formats, formulas, merges, protection", async () => {
        const workbook = awkwardWorkbook();
        const opened = await host.open(workbook);
        const snapshot = await opened.adapter.read();
        expectSameSnapshot(snapshot, expectedSnapshot(workbook.sheets));
        // Facts spelled out, so that a wrong expectation cannot hide a wrong read.
        const card = snapshot.sheets[0];
        const at = (address: string) => {
          const { row, col } = parseA1(address);
          return card?.cells.find((c) => c.row === row && c.col === col);
        };
        expect(snapshot.sheets.map((s) => [s.index, s.name])).toEqual([[0, SCORECARD], [1, EMPTY], [2, SPACED], [3, APOSTROPHE], [4, PAYMENTS]]);
        expect(at("A3")).toStrictEqual({ row: 3, col: 1, value: "=1+1", numberFormat: "General" });
        expect([at("B3")?.value, at("C3")?.value, at("D3")?.value, at("G3")?.value]).toStrictEqual(["001", "2025-10", "TRUE", "'quoted"]);
        expect(at("B4")).toStrictEqual({ row: 4, col: 2, value: 45943, numberFormat: "yyyy-mm-dd" });
        expect(at("C4")?.value).toBe(45943.5);
        expect([at("D4")?.value, at("E4")?.value]).toStrictEqual([true, false]);
        expect(at("A5")).toStrictEqual({ row: 5, col: 1, value: "001", numberFormat: "@" });
        expect(at("A6")).toStrictEqual({ row: 6, col: 1, value: 93.25, numberFormat: "0.00", formula: "SUM(A4:A4)" });
        expect(at("B6")).toStrictEqual({ row: 6, col: 2, value: "#DIV/0!", numberFormat: "General", formula: "1/0" });
        expect(at("D6")).toStrictEqual({ row: 6, col: 4, value: null, numberFormat: "General", formula: "A4*2" });
        expect(at("G8")).toBeUndefined(); // formatted but blank
        expect(at("B1")).toBeUndefined(); // inside the merged title band
        expect(card?.merges).toHaveLength(3);
        expect(snapshot.sheets[1]?.cells).toStrictEqual([]);
        expect(snapshot.sheets.filter((s) => s.protected !== undefined).map((s) => [s.name, s.protected])).toEqual([[APOSTROPHE, true]]);
      });

      test("reading changes nothing: a second read() and a fresh adapter give the same snapshot", async () => {
        const opened = await host.open(awkwardWorkbook());
        const once = await opened.adapter.read();
        expectSameSnapshot(await opened.adapter.read(), once, "second read()");
        expectSameSnapshot(await opened.reopen(), once, "reopen()");
      });

      test("the example workbook reads as the file it is", async () => {
        const workbook = await exampleWorkbook();
        const opened = await host.open(workbook);
        const snapshot = await opened.adapter.read();
        expectSameSnapshot(snapshot, expectedSnapshot(workbook.sheets));
        // 12 monthly 附件二, the contract-year sheets (合同信息, 付款条款, 节假日安排) and the input sheets.
        expect(snapshot.sheets).toHaveLength(20);
        expect(snapshot.sheets.map((s) => s.name).slice(12)).toEqual(["合同信息", "付款条款", "指标录入", "加减分事件", "报告提交", "付款记录", "规则设置", "节假日安排"]);
        expect(snapshot.sheets[0]?.name).toBe("2024年12月");
        expect(snapshot.sheets[11]?.name).toBe("2025年11月");
        expect(snapshot.sheets.reduce((n, s) => n + s.cells.length, 0)).toBeGreaterThan(1500);
      });
    });

    describe("2. apply(): the plan leaves what applyPlanToSnapshot predicts", () => {
      for (const scenario of SCENARIOS) {
        test(TITLES.scenarioContent(scenario), async () => {
          const opened = await host.open(awkwardWorkbook());
          const steps = await runScenario(opened, scenario);
          steps.forEach(({ predicted, after }, i) => expectSameContent(after, predicted, `plan ${i + 1}`));
          const last = steps[steps.length - 1]?.after as WorkbookSnapshot;
          expectSameSnapshot(await opened.reopen(), last, "reopen() after the last plan");
        });
        test(TITLES.scenarioOrder(scenario), async () => {
          const steps = await runScenario(await host.open(awkwardWorkbook()), scenario);
          steps.forEach(({ predicted, after }, i) => expectSameOrder(after, predicted, `plan ${i + 1}`));
        });
      }

      test("text that looks like a formula, a number, a date or a boolean is written and read back as that text", async () => {
        const opened = await host.open(awkwardWorkbook());
        const texts = ["=1+1", "=SUM(A1:A2)", "+1", "-5", "001", "1e3", "2025-10", "2025/10/13", "2025年10月", "10/13", "50%", "TRUE", "false", "'x", "@x", "#N/A", "(5)", "１２３"];
        await opened.adapter.apply({ cellWrites: [{ sheet: PAYMENTS, writes: texts.map((value, i) => ({ address: a1(10 + i, 1), value })) }], sheets: [] });
        for (const snapshot of [await opened.adapter.read(), await opened.reopen()]) {
          const sheet = snapshot.sheets.find((s) => s.name === PAYMENTS);
          expect(texts.map((_, i) => sheet?.cells.find((c) => c.row === 10 + i && c.col === 1))).toStrictEqual(
            texts.map((value, i) => ({ row: 10 + i, col: 1, value, numberFormat: "General" })),
          );
        }
      });

      // What no snapshot can predict: a blank cell's number format (a snapshot holds non-empty cells
      // only, so applyPlanToSnapshot takes "General"). Every host keeps the cell's own format.
      test("a write without a number format into a formatted blank cell, or a cell cleared before, keeps the cell's format", async () => {
        const opened = await host.open(awkwardWorkbook());
        await opened.adapter.apply({ cellWrites: [{ sheet: SCORECARD, writes: [{ address: "G8", value: 1.5 }, { address: "A4", value: null }] }], sheets: [] });
        const cleared = await opened.adapter.read();
        expect(cleared.sheets[0]?.cells.find((c) => c.row === 4 && c.col === 1)).toBeUndefined();
        await opened.adapter.apply({ cellWrites: [{ sheet: SCORECARD, writes: [{ address: "A4", value: 5 }] }], sheets: [] });
        for (const snapshot of [await opened.adapter.read(), await opened.reopen()]) {
          const cells = snapshot.sheets[0]?.cells ?? [];
          expect(cells.find((c) => c.row === 8 && c.col === 7)).toStrictEqual({ row: 8, col: 7, value: 1.5, numberFormat: "0.00" });
          expect(cells.find((c) => c.row === 4 && c.col === 1)).toStrictEqual({ row: 4, col: 1, value: 5, numberFormat: "0.00" });
        }
      });
    });

    describe("3. the real job: the example workbook scored, frozen, re-scored, unfrozen, undone", () => {
      test(
        TITLES.jobContent,
        async () => {
          const opened = await host.open(await exampleWorkbook());
          const { steps } = await runJob(opened);
          expect(steps.map((s) => s.step)).toEqual(JOB.map((j) => j.step));
          for (const s of steps) expectSameContent(s.after, s.predicted, s.step);
          const name = (i: number, sheet: string) => steps[i]?.after.sheets.find((s) => s.name === sheet);
          expect(["付款结算", "计算说明", "撤销记录"].map((n) => name(0, n)?.cells.length ?? 0).every((n) => n > 10)).toBe(true);
          expect(name(1, "2025年10月")?.protected).toBe(true);
          expect(name(1, "审计记录")).toBeDefined();
          expect(name(3, "2025年10月")?.protected).toBeUndefined();
          expect(name(4, "撤销记录")).toBeUndefined(); // the undo used its record up
          const last = steps[steps.length - 1]?.after as WorkbookSnapshot;
          expectSameSnapshot(await opened.reopen(), last, "reopen() after the job");
        },
        JOB_TIMEOUT,
      );

      test(
        TITLES.jobOrder,
        async () => {
          const { steps } = await runJob(await host.open(await exampleWorkbook()));
          for (const s of steps) expectSameOrder(s.after, s.predicted, s.step);
        },
        JOB_TIMEOUT,
      );
    });
  });
}

/**
 * The hosts agree with each other, each compared with the first (the reference): the same workbook
 * reads the same, every scenario leaves the same, and the example job reads, plans and leaves the same.
 */
export function describeHostsAgree(hosts: Record<string, ConformanceHost>, options: ConformanceOptions = {}): void {
  const names = Object.keys(hosts);
  const [reference, ...others] = names;
  if (reference === undefined || others.length === 0) throw new Error("describeHostsAgree needs two hosts or more");
  const open = (name: string, workbook: ConformanceWorkbook) => (hosts[name] as ConformanceHost).open(workbook);
  const test = testFor(options);
  describe(`hosts agree: ${names.join(", ")}`, () => {
    for (const other of others) {
      describe(`${other} vs ${reference}`, () => {
        test(`the awkward workbook: ${other} reads what ${reference} reads`, async () => {
          const a = await (await open(reference, awkwardWorkbook())).adapter.read();
          const b = await (await open(other, awkwardWorkbook())).adapter.read();
          expectSameSnapshot(b, a);
        });

        for (const scenario of SCENARIOS) {
          const both = async () => {
            const a = await runScenario(await open(reference, awkwardWorkbook()), scenario);
            const b = await runScenario(await open(other, awkwardWorkbook()), scenario);
            return a.map((x, i) => [x.after, (b[i] as { after: WorkbookSnapshot }).after] as const);
          };
          test(TITLES.agreeScenarioContent(scenario, reference, other), async () => {
            (await both()).forEach(([a, b], i) => expectSameContent(b, a, `plan ${i + 1}`));
          });
          test(TITLES.agreeScenarioOrder(scenario, reference, other), async () => {
            (await both()).forEach(([a, b], i) => expectSameOrder(b, a, `plan ${i + 1}`));
          });
        }

        const jobs = async () => {
          const example = await exampleWorkbook();
          return [await runJob(await open(reference, example)), await runJob(await open(other, example))] as const;
        };
        test(
          TITLES.agreeJobPlans(reference, other),
          async () => {
            const [a, b] = await jobs();
            expectSameSnapshot(b.first, a.first, "the first read");
            a.steps.forEach((sa, i) => {
              const sb = b.steps[i] as JobStep;
              labelled(sa.step, () => "the plan", () => expect(sb.plan).toStrictEqual(sa.plan));
            });
          },
          JOB_TIMEOUT,
        );
        test(
          TITLES.agreeJobContent(reference, other),
          async () => {
            const [a, b] = await jobs();
            a.steps.forEach((sa, i) => expectSameContent((b.steps[i] as JobStep).after, sa.after, sa.step));
          },
          JOB_TIMEOUT,
        );
        test(
          TITLES.agreeJobOrder(reference, other),
          async () => {
            const [a, b] = await jobs();
            a.steps.forEach((sa, i) => expectSameOrder((b.steps[i] as JobStep).after, sa.after, sa.step));
          },
          JOB_TIMEOUT,
        );
      });
    }
  });
}
