/**
 * Fuzzing the reader with fast-check (seeded, reproducible). Generated workbooks — every layout
 * variant of the fixture builders, random and extreme inputs (huge numbers, NaN, empty strings,
 * dates as text, formula-like text, very long text, keywords in odd places), junk sheets, merged
 * cells in odd places, removed, duplicated and protected sheets — never crash the reader: the
 * result is either scores or a list of clear errors, each naming a sheet (and a cell where the
 * problem is a value), and every cell the product does not own survives.
 *
 * Three kinds of case:
 *   valid    — any layout and input style, junk sheets and odd merges: must score 93.25 and write
 *              only the owned cells the builder placed;
 *   pinpoint — the same with one bad indicator value: must be refused, naming exactly that cell;
 *   wild     — anything (keywords, merges over owned cells, sheets removed…): must not crash;
 *              ok ⇒ writes only owned cells; refused ⇒ errors that name a sheet.
 * Most cases run in memory (ExcelJS objects → WorkbookSnapshot → runWorkbook, which is pure); a
 * seeded share goes through real .xlsx bytes, the file adapter and the command line's save, and
 * compares every non-owned cell (value, formula, number format, style), merge and sheet.
 */
// @ts-nocheck

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { main } from "../../src/cli/main";
import { INDICATOR_FIELDS, monthLabel } from "../../src/domain";
import { findScorecards } from "../../src/workbook/read/find-scorecards";
import { extractMonth } from "../../src/workbook/read/grid";
import type { CellValue, ReadCell, WorkbookSnapshot } from "../../src/workbook/model";
import { a1, parseA1 } from "../../src/workbook/model";
import { looseHeader, normalizeHeader } from "../../src/workbook/read/normalize";
import { buildPaymentSheet } from "../../src/workbook/sheets/payment-sheet";
import { runWorkbook } from "../../src/workbook/plan";
import { addInputSheets, addScorecard, exampleData, InputStyle, ScorecardCells, ScorecardLayout, TERM, toBuffer, yearData } from "../fixtures/workbooks";

const SEED = 12367;
const RUNS = { memory: { valid: 300, pinpoint: 250, wild: 550 }, file: { valid: 30, pinpoint: 20, wild: 50 } };
const NOW = "2025-12-31 09:00";
const AS_OF = "2025-12-31";
/** Sheets the product creates and owns whole (SPEC §8). */
const PRODUCT_SHEETS = new Set(["付款结算", "计算说明", "撤销记录", "审计记录"]);

// ---------------------------------------------------------------------------------------------
// Values

/** A cell value as the generator means it; "date" is a serial shown with a date format. */
type FuzzValue =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "date"; v: number; fmt: string }
  | { k: "formula"; f: string; result: number | string }
  | { k: "null" };

const KEYWORDS = ["序号", "考核项目", "考核指标", "满分", "单项得分", "10月完成情况", "考核月份", "考核月份：2025年10月", "考核月份：", "考核得分", "考核得分：", "队伍建设", "来电接通率", "客户有效投诉", "团队人数", "考核月份", "类型", "笔次", "参数", "值", "指标录入", "付款记录", "2025年10月"];
const WORDS = ["", " ", "　", "是", "否", "Y", "n", "√", "×", "有", "无", "TRUE", "群众", "市级及以上", "省级", "国家级", "区级", "加分", "扣分", "表扬", "月报", "季报", "年报", "半年报"];
const DATES_AS_TEXT = ["2025-09", "2025Q3", "2025", "2025-10", "2025年10月", "2025.10", "2025.1", "202510", "2025-10-13", "2025年10月13日", "2025/13/45", "20251013", "10/13/2025", "2031-01-06", "1899-12-31", "2025-02-30", "0000-00-00", "2025-W41"];
const NUMBERS_AS_TEXT = ["1,000", "９", "1e3", "0x10", "--1", "+5", "-0", "1.5", "NaN", "Infinity", "9".repeat(40), "1 000", "一百"];
const HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1", "#REF!", "#DIV/0!", "长".repeat(5000), "😀🏳️‍🌈", "a\nb\tc", "<x/>&amp;", "'quoted", "（４０）", "Ｙ"];
const EXTREME_NUMBERS = [0, -0, 1, -1, 9.5, 0.1 + 0.2, 1e15, 2 ** 53 + 1, 1e21, 1e308, -1e308, 5e-324, 1e-7, 2025.1, 202510, 45943, 60, 2958466];

const safeString = fc.string({ maxLength: 12 }).map((s) => s.replace(/[^\x20-\x7e]/g, ""));
const anyString = fc.string({ unit: "grapheme", maxLength: 20 });

/** Values for places that must stay harmless (junk that never spells a keyword). */
const junkValue: fc.Arbitrary<FuzzValue> = fc.oneof(
  safeString.map((v): FuzzValue => ({ k: "str", v: `x${v}` })),
  fc.constantFrom(...HOSTILE, ...NUMBERS_AS_TEXT).map((v): FuzzValue => ({ k: "str", v })),
  fc.constantFrom(...EXTREME_NUMBERS).map((v): FuzzValue => ({ k: "num", v })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v): FuzzValue => ({ k: "num", v })),
  fc.boolean().map((v): FuzzValue => ({ k: "bool", v })),
  fc.integer({ min: -10, max: 3_000_000 }).map((v): FuzzValue => ({ k: "date", v, fmt: "yyyy-mm-dd" })),
  fc.constant<FuzzValue>({ k: "formula", f: "SUM(A1:A2)", result: 3 }),
  fc.constant<FuzzValue>({ k: "formula", f: "A1&\"x\"", result: "x1" }),
);

/** Anything at all, keywords and text that reads as data included. */
const wildValue: fc.Arbitrary<FuzzValue> = fc.oneof(
  { weight: 3, arbitrary: junkValue },
  { weight: 2, arbitrary: fc.constantFrom(...KEYWORDS, ...WORDS, ...DATES_AS_TEXT).map((v): FuzzValue => ({ k: "str", v })) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 200 }).map((v): FuzzValue => ({ k: "num", v })) },
  { weight: 1, arbitrary: anyString.map((v): FuzzValue => ({ k: "str", v })) },
  { weight: 1, arbitrary: fc.constant<FuzzValue>({ k: "null" }) },
  { weight: 1, arbitrary: fc.record({ v: fc.integer({ min: 45600, max: 46100 }), fmt: fc.constantFrom("yyyy-mm-dd", 'yyyy"年"m"月"', "m/d/yy", "General") }).map(({ v, fmt }): FuzzValue => ({ k: "date", v, fmt })) },
  { weight: 1, arbitrary: fc.constant<FuzzValue>({ k: "formula", f: "A1&\"\"", result: "考核得分：" }) },
);

/** Text that cannot be stored in an .xlsx at all (control characters, lone surrogates): in-memory cases only. */
function xmlSafe(v: FuzzValue): FuzzValue {
  if (v.k !== "str") return v;
  return { k: "str", v: v.v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "") };
}

function put(ws: ExcelJS.Worksheet, row: number, col: number, value: FuzzValue): void {
  const cell = ws.getCell(row, col);
  switch (value.k) {
    case "num":
    case "bool":
    case "str":
      cell.value = value.v;
      break;
    case "date":
      cell.value = value.v;
      cell.numFmt = value.fmt;
      break;
    case "formula":
      cell.value = { formula: value.f, result: value.result } as ExcelJS.CellFormulaValue;
      break;
    case "null":
      cell.value = null;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbooks

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface JunkSheet {
  name: string;
  cells: { row: number; col: number; value: FuzzValue }[];
  merges: Rect[];
}

interface Model {
  kind: "valid" | "pinpoint" | "wild";
  year: boolean;
  layout: Partial<ScorecardLayout> & { sheetName: string };
  style: InputStyle;
  junk: JunkSheet[];
  /** Merges on the scorecard: in valid cases only in columns the product does not own. */
  merges: Rect[];
  /** Junk cells on the scorecard, right of 备注 (valid) or anywhere (wild). */
  scorecardCells: { row: number; col: number; value: FuzzValue }[];
  pinpoint: { header: string; value: FuzzValue } | null;
  /** Wild edits: a cell of any sheet (by position in the workbook), a sheet removed, a second scorecard, protection. */
  edits: { sheet: number; row: number; col: number; value: FuzzValue }[];
  removeSheet: number | null;
  secondScorecard: { sheetName: string; month: string } | null;
  protect: boolean;
  /** In-memory only: numbers no .xlsx holds (NaN, ±Infinity), put straight into the snapshot. */
  raw: { sheet: number; row: number; col: number; value: number }[];
}

/** null, except once in `n` times. */
const rarely = <T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | null> => fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

const rect = (maxRow: number, maxCol: number, minCol = 1): fc.Arbitrary<Rect> =>
  fc.record({ top: fc.integer({ min: 1, max: maxRow }), left: fc.integer({ min: minCol, max: maxCol }), h: fc.integer({ min: 0, max: 3 }), w: fc.integer({ min: 0, max: 3 }) }).map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

const sheetNameArb = (wild: boolean) =>
  (wild ? fc.oneof(safeString, fc.constantFrom("指标 录入", "付款结算", "计算说明", "审计记录", "撤销记录", "规则设置", "2025年9月", "Sheet1", "说明", "十月（副本）")) : safeString.map((s) => `junk ${s}`)).map((s) => s.replace(/[[\]:*?/\\']/g, "").slice(0, 31).trim());

const junkSheetArb = (wild: boolean): fc.Arbitrary<JunkSheet> =>
  fc.record({
    name: sheetNameArb(wild),
    cells: fc.array(fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 15 }), value: wild ? wildValue : junkValue }), { maxLength: 25 }),
    merges: fc.array(rect(40, 15), { maxLength: 4 }),
  });

const layoutArb = (wild: boolean): fc.Arbitrary<Model["layout"]> =>
  fc
    .record({
      sheetName: fc.constantFrom("2025年10月", "2025.10", "2025-10", "202510", "附件二（2025年10月）", "Sheet1", "十月考核", "2025年10月 考核表"),
      monthStyle: fc.constantFrom<ScorecardLayout["monthStyle"]>("one-cell", "two-cells", "date", "none"),
      totalStyle: fc.constantFrom<ScorecardLayout["totalStyle"]>("beside", "merged-label", "table-row"),
      fullWidth: fc.boolean(),
      spaced: fc.boolean(),
      blankRows: fc.boolean(),
      contractShift: fc.boolean(),
      mergeSections: fc.boolean(),
      origin: fc.record({ row: fc.integer({ min: 1, max: 6 }), col: fc.integer({ min: 1, max: 5 }) }),
      omit: wild ? rarely(fc.integer({ min: 1, max: 14 }), 8) : fc.constant(null),
    })
    .map(({ omit, ...l }) => ({
      ...l,
      ...(omit ? { omit } : {}),
      // Without a month cell the month comes from the sheet name: a valid case names it.
      sheetName: !wild && l.monthStyle === "none" && extractMonth(l.sheetName) === null ? "2025年10月" : l.sheetName,
      // FINDING (find-scorecards): a 考核得分 row one blank row below the table is not taken as a table row, so the total
      // goes right of its label (the X月完成情况 column) instead of into 单项得分. Valid cases keep that row adjacent; wild ones do not.
      blankRows: !wild && l.totalStyle === "table-row" ? false : l.blankRows,
    }));

const styleArb: fc.Arbitrary<InputStyle> = fc.record({
  reversed: fc.boolean(),
  extraColumn: fc.boolean(),
  decoratedHeaders: fc.boolean(),
  yesNo: fc.constantFrom<InputStyle["yesNo"]>("是否", "YN", "bool", "check"),
  dates: fc.constantFrom<InputStyle["dates"]>("date", "text", "cn"),
  months: fc.constantFrom<InputStyle["months"]>("text", "cn"),
  titleRows: fc.integer({ min: 0, max: 3 }),
});

const REQUIRED = INDICATOR_FIELDS.filter((f) => !f.optional);
const pinpointArb = fc.constantFrom(...REQUIRED).chain((f) =>
  fc.record({
    header: fc.constant(f.header),
    value:
      f.kind === "yesno"
        ? fc.constantFrom("基本落实", "maybe", "2", "是的吧", "N/A").map((v): FuzzValue => ({ k: "str", v }))
        : fc.oneof(
            fc.constantFrom("九", "abc", "1.2.3", "—", "十人", "N/A").map((v): FuzzValue => ({ k: "str", v })),
            fc.integer({ min: -1000, max: -1 }).map((v): FuzzValue => ({ k: "num", v })),
            fc.integer({ min: 0, max: 50 }).map((v): FuzzValue => ({ k: "num", v: v + 0.5 })),
          ),
  }),
);

/** Mostly a couple, sometimes many: so that wild workbooks still score often enough to test what a run writes. */
const few = <T>(arb: fc.Arbitrary<T>, max: number): fc.Arbitrary<T[]> => fc.oneof({ weight: 3, arbitrary: fc.array(arb, { maxLength: 2 }) }, { weight: 1, arbitrary: fc.array(arb, { maxLength: max }) });

function modelArb(kind: Model["kind"], memory: boolean): fc.Arbitrary<Model> {
  const wild = kind === "wild";
  const value = (v: fc.Arbitrary<FuzzValue>) => (memory ? v : v.map(xmlSafe));
  return fc.record({
    kind: fc.constant(kind),
    year: wild ? fc.integer({ min: 0, max: 9 }).map((n) => n === 0) : fc.constant(false),
    layout: layoutArb(wild),
    style: styleArb,
    junk: fc.array(junkSheetArb(wild).map((s) => ({ ...s, cells: s.cells.map((c) => ({ ...c, value: memory ? c.value : xmlSafe(c.value) })) })), { maxLength: 3 }),
    merges: wild ? few(rect(30, 14), 5) : fc.array(rect(30, 4, 0), { maxLength: 4 }),
    scorecardCells: wild ? few(fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 14 }), value: value(wildValue) }), 12) : fc.array(fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 0, max: 5 }), value: value(junkValue) }), { maxLength: 8 }),
    pinpoint: kind === "pinpoint" ? pinpointArb : fc.constant(null),
    edits: wild ? few(fc.record({ sheet: fc.nat(20), row: fc.integer({ min: 1, max: 25 }), col: fc.integer({ min: 1, max: 26 }), value: value(wildValue) }), 20) : fc.constant([]),
    removeSheet: wild ? rarely(fc.nat(20), 10) : fc.constant(null),
    secondScorecard: wild ? rarely(fc.record({ sheetName: fc.constantFrom("十月（副本）", "2025年9月", "2025年11月", "附件二"), month: fc.constantFrom("2025-10", "2025-09", "2025-11") }), 10) : fc.constant(null),
    protect: wild ? fc.integer({ min: 0, max: 9 }).map((n) => n === 0) : fc.constant(false),
    raw: memory && wild ? fc.array(fc.record({ sheet: fc.nat(20), row: fc.integer({ min: 1, max: 25 }), col: fc.integer({ min: 1, max: 26 }), value: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) }), { maxLength: 3 }) : fc.constant([]),
  });
}

/** ExcelJS's merges of a sheet (not in its typings). */
function mergesOf(ws: ExcelJS.Worksheet): Rect[] {
  return Object.values((ws as unknown as { _merges: Record<string, Rect> })._merges ?? {}).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
}

const overlaps = (a: Rect, b: Rect) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

function tryMerge(ws: ExcelJS.Worksheet, r: Rect): void {
  if (r.top === r.bottom && r.left === r.right) return;
  if (mergesOf(ws).some((m) => overlaps(m, r))) return;
  ws.mergeCells(r.top, r.left, r.bottom, r.right);
}

function addSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | null {
  if (name === "" || /^history$/i.test(name) || wb.worksheets.some((w) => w.name.toLowerCase() === name.toLowerCase())) return null;
  return wb.addWorksheet(name);
}

/** The 指标录入 cell of a header (whatever the style: reversed, decorated, title rows), data row 1. */
function indicatorAddress(wb: ExcelJS.Workbook, header: string, style: InputStyle): string {
  const ws = wb.getWorksheet("指标录入")!;
  const headerRow = 1 + (style.titleRows ?? 0);
  let col = 0;
  ws.getRow(headerRow).eachCell((c, n) => {
    const text = String(c.value ?? "");
    if (normalizeHeader(text) === normalizeHeader(header) || looseHeader(text) === normalizeHeader(header)) col = n;
  });
  if (col === 0) throw new Error(`no column ${header}`);
  return a1(headerRow + 1, col);
}

interface Built {
  wb: ExcelJS.Workbook;
  /** Owned cells the builder placed, "sheet!A1" (valid and pinpoint cases). */
  owned: Set<string>;
  /** The bad cell of a pinpoint case. */
  pinpointCell: string | null;
}

async function build(m: Model): Promise<Built> {
  const wb = new ExcelJS.Workbook();
  const owned = new Set<string>();
  const own = (c: ScorecardCells) => {
    for (const a of [c.totalCell, ...Object.values(c.scoreCells), ...Object.values(c.summaryCells)]) owned.add(`${c.sheet}!${a}`);
  };
  let main: ExcelJS.Worksheet;
  let cells: ScorecardCells;
  if (m.year) {
    for (const month of TERM) own(addScorecard(wb, { ...m.layout, sheetName: monthLabel(month), month, monthStyle: m.layout.monthStyle === "none" ? "two-cells" : m.layout.monthStyle }));
    main = wb.getWorksheet(monthLabel("2025-10"))!;
    cells = { sheet: main.name, totalCell: "", scoreCells: {}, summaryCells: {}, remarkCells: {} };
  } else {
    cells = addScorecard(wb, { ...m.layout, month: "2025-10" });
    own(cells);
    main = wb.getWorksheet(m.layout.sheetName)!;
  }
  addInputSheets(wb, m.year ? yearData() : exampleData(), m.style);

  // Odd merges and junk on the scorecard. Valid: only right of 单项得分 (备注 and beyond), offset by the table's origin.
  const c0 = m.layout.origin?.col ?? 1;
  const r0 = m.layout.origin?.row ?? 1;
  const shift = (r: Rect): Rect => (m.kind === "wild" ? r : { top: r.top + r0 + 3, left: r.left + c0 + 8, bottom: r.bottom + r0 + 3, right: r.right + c0 + 8 });
  for (const r of m.merges) tryMerge(main, shift(r));
  for (const c of m.scorecardCells) {
    if (m.kind === "wild") put(main, c.row, c.col, c.value);
    else if (!mergesOf(main).some((g) => overlaps(g, { top: c.row + r0 + 3, left: c.col + c0 + 9, bottom: c.row + r0 + 3, right: c.col + c0 + 9 }))) put(main, c.row + r0 + 3, c.col + c0 + 9, c.value);
  }
  for (const j of m.junk) {
    const ws = addSheet(wb, j.name);
    if (!ws) continue;
    for (const c of j.cells) put(ws, c.row, c.col, c.value);
    for (const r of j.merges) tryMerge(ws, r);
  }

  let pinpointCell: string | null = null;
  if (m.pinpoint) {
    const address = indicatorAddress(wb, m.pinpoint.header, m.style);
    const { row, col } = parseA1(address);
    put(wb.getWorksheet("指标录入")!, row, col, m.pinpoint.value);
    pinpointCell = address;
  }

  if (m.secondScorecard && !wb.worksheets.some((w) => w.name === m.secondScorecard?.sheetName)) addScorecard(wb, { sheetName: m.secondScorecard.sheetName, month: m.secondScorecard.month, monthStyle: "one-cell" });
  for (const e of m.edits) {
    const ws = wb.worksheets[e.sheet % wb.worksheets.length];
    if (ws) put(ws, e.row, e.col, e.value);
  }
  if (m.protect) await main.protect("", {});
  if (m.removeSheet !== null) {
    const ws = wb.worksheets[m.removeSheet % wb.worksheets.length];
    if (ws) wb.removeWorksheet(ws.id);
  }
  return { wb, owned, pinpointCell };
}

// ---------------------------------------------------------------------------------------------
// In memory: ExcelJS objects → the snapshot the file adapter would give.

function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return 25569 + value.getTime() / 86_400_000;
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("");
    if ("formula" in o || "sharedFormula" in o) return plain(o.result);
    if ("text" in o && "hyperlink" in o) return plain(o.text);
    if ("error" in o) return String(o.error);
  }
  return String(value);
}

function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return {
    sheets: wb.worksheets.map((ws, index) => {
      const cells: ReadCell[] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.type === ExcelJS.ValueType.Merge) return;
          const value = plain(cell.value);
          const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
          if (value === null && formula === undefined) return;
          const out: ReadCell = { row: r, col: c, value, numberFormat: cell.numFmt || (cell.value instanceof Date ? "yyyy-mm-dd" : "General") };
          if (formula) out.formula = formula.replace(/^=/, "");
          cells.push(out);
        }),
      );
      return { name: ws.name, index, cells, merges: mergesOf(ws), ...((ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet ? { protected: true } : {}) };
    }),
  };
}

function putRaw(s: WorkbookSnapshot, raw: Model["raw"]): void {
  for (const r of raw) {
    const sheet = s.sheets[r.sheet % Math.max(1, s.sheets.length)];
    if (!sheet) continue;
    const i = sheet.cells.findIndex((c) => c.row === r.row && c.col === r.col);
    const cell: ReadCell = { row: r.row, col: r.col, value: r.value, numberFormat: "General" };
    if (i >= 0) sheet.cells[i] = cell;
    else sheet.cells.push(cell);
  }
}

// ---------------------------------------------------------------------------------------------
// The properties

const tally = { memory: 0, file: 0, crashes: 0, scored: 0, refused: 0, errorsChecked: 0, pinpointsFound: 0, cellsCompared: 0, cellsLost: 0, wildScored: 0 };

const A1 = /^[A-Z]{1,3}[1-9]\d*$/;
const CJK = /[\u4e00-\u9fff]/;

/** The owned cells of the scorecards the reader found: the only cells of existing sheets a run may write. */
function foundOwned(snapshot: WorkbookSnapshot): Set<string> {
  const out = new Set<string>();
  for (const c of findScorecards(snapshot).scorecards) {
    out.add(`${c.sheet}!${c.totalCell}`);
    for (const it of c.items) {
      out.add(`${c.sheet}!${it.scoreCell}`);
      if (it.summaryCell) out.add(`${c.sheet}!${it.summaryCell}`);
    }
  }
  return out;
}

function checkRun(m: Model, built: Built, snapshot: WorkbookSnapshot): void {
  let result: ReturnType<typeof runWorkbook>;
  try {
    result = runWorkbook(snapshot, { asOf: AS_OF, buildPaymentSheet, now: NOW });
  } catch (e) {
    tally.crashes++;
    throw e;
  }
  const names = new Set(snapshot.sheets.map((s) => s.name));

  // Either scores and a plan, or errors and nothing.
  expect(result.ok).toBe(result.plan !== null);
  if (result.ok) expect(result.errors).toEqual([]);
  else expect(result.errors.length).toBeGreaterThan(0);

  // Every error is clear: Chinese and English, a sheet; a cell, when given, is an address of a sheet that is there.
  for (const e of result.errors) {
    tally.errorsChecked++;
    expect([e.code, CJK.test(e.message), e.messageEn.length > 0, e.indicator.length > 0]).toEqual([e.code, true, true, true]);
    expect([e.code, e.message, e.sheet === null ? "no sheet" : "sheet"]).toEqual([e.code, e.message, "sheet"]);
    if (e.cell !== null) {
      expect([e.code, e.cell]).toEqual([e.code, expect.stringMatching(A1)]);
      expect([e.code, e.sheet, names.has(e.sheet ?? "")]).toEqual([e.code, e.sheet, true]);
    }
    if (e.code === "bad-value") expect([e.message, e.cell === null]).toEqual([e.message, false]);
  }

  if (result.ok && result.plan) {
    tally.scored++;
    if (m.kind === "wild") tally.wildScored++;
    const owned = foundOwned(snapshot);
    const cards = new Map(findScorecards(snapshot).scorecards.map((c) => [c.sheet, c]));
    for (const { sheet, writes } of result.plan.cellWrites) {
      expect([sheet, names.has(sheet) || PRODUCT_SHEETS.has(sheet)]).toEqual([sheet, true]);
      if (PRODUCT_SHEETS.has(sheet)) continue;
      const card = cards.get(sheet);
      const cells = new Map(snapshot.sheets.find((s) => s.name === sheet)?.cells.map((c) => [a1(c.row, c.col), c]) ?? []);
      for (const w of writes) {
        const key = `${sheet}!${w.address}`;
        expect([key, "an owned cell of a scorecard the reader found", owned.has(key)]).toEqual([key, "an owned cell of a scorecard the reader found", true]);
        if (m.kind !== "wild") expect([key, "an owned cell the builder placed", built.owned.has(key)]).toEqual([key, "an owned cell the builder placed", true]);
        // Owned means IN the 单项得分 or X月完成情况 column (SPEC §8), or the 考核得分 cell — not the master of a
        // merge that starts in 满分 or 评分细则, whose text would be overwritten.
        const { col } = parseA1(w.address);
        const inColumn = col === card?.columns.score || col === card?.columns.summary || w.address === card?.totalCell;
        expect([key, "in the 单项得分 or 完成情况 column, or the 考核得分 cell", cells.get(w.address)?.value ?? null, inColumn]).toEqual([key, "in the 单项得分 or 完成情况 column, or the 考核得分 cell", cells.get(w.address)?.value ?? null, true]);
        // Text, formulas? Never: scores are numbers, summaries text, no formula from anywhere.
        expect([key, w.formula]).toEqual([key, undefined]);
        // The total never lands on the clerk's text (the 单项得分 and 完成情况 columns are owned whole; the total cell is not a column).
        const before = cells.get(w.address);
        if (w.address === card?.totalCell && before && typeof before.value === "string" && before.formula === undefined)
          expect([key, before.value]).toEqual([key, expect.stringMatching(/^\s*([-+]?\d+(\.\d+)?)?\s*$/)]);
      }
    }
    for (const s of result.plan.sheets) expect([s.name, PRODUCT_SHEETS.has(s.name)]).toEqual([s.name, true]);
    for (const s of result.plan.deleteSheets ?? []) expect([s, PRODUCT_SHEETS.has(s)]).toEqual([s, true]);
    for (const p of result.plan.protectSheets ?? []) expect([p.sheet, names.has(p.sheet)]).toEqual([p.sheet, true]);
  } else tally.refused++;

  if (m.kind === "valid") {
    expect(result.errors.map((e) => `${e.sheet}!${e.cell} ${e.message}`)).toEqual([]);
    expect(result.json?.months.find((x) => x.month === "2025-10")?.total).toBe("93.25");
    const written = new Set(result.plan?.cellWrites.filter((w) => !PRODUCT_SHEETS.has(w.sheet)).flatMap((w) => w.writes.map((x) => `${w.sheet}!${x.address}`)));
    expect(written).toEqual(built.owned);
  }
  if (m.kind === "pinpoint") {
    expect(result.ok).toBe(false);
    const hit = result.errors.find((e) => e.sheet === "指标录入" && e.cell === built.pinpointCell && e.indicator === m.pinpoint?.header);
    expect([m.pinpoint, built.pinpointCell, hit ? "named" : result.errors.map((e) => `${e.sheet}!${e.cell} ${e.indicator}`)]).toEqual([m.pinpoint, built.pinpointCell, "named"]);
    tally.pinpointsFound++;
  }
}

describe("fuzz: generated workbooks never crash the reader, and nothing the clerk owns is lost", () => {
  afterAll(() => {
    console.log(
      `fuzz: ${tally.memory + tally.file} generated workbooks (${tally.memory} in memory, ${tally.file} as .xlsx through the command line), ${tally.crashes} crashes; ` +
        `${tally.scored} scored (${tally.wildScored} of them wild), ${tally.refused} refused with ${tally.errorsChecked} located errors (${tally.pinpointsFound} planted bad cells all named); ` +
        `${tally.cellsCompared} non-owned cells compared after save, ${tally.cellsLost} lost (seed ${SEED})`,
    );
  });

  it.each(Object.entries(RUNS.memory) as [Model["kind"], number][])("in memory: %s workbooks", async (kind, numRuns) => {
    await fc.assert(
      fc.asyncProperty(modelArb(kind, true), async (m) => {
        const built = await build(m);
        const snapshot = snapshotOf(built.wb);
        putRaw(snapshot, m.raw);
        tally.memory++;
        checkRun(m, built, snapshot);
      }),
      { seed: SEED + kind.length, numRuns },
    );
  }, 300_000);

  describe("through .xlsx bytes, the file adapter and the command line", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), "fuzz-"));
    });
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it.each(Object.entries(RUNS.file) as [Model["kind"], number][])("files: %s workbooks", async (kind, numRuns) => {
      await fc.assert(
        fc.asyncProperty(modelArb(kind, false), async (m) => {
          const built = await build(m);
          const bytes = await toBuffer(built.wb);
          const input = path.join(dir, "in.xlsx");
          const output = path.join(dir, "out.xlsx");
          rmSync(output, { force: true });
          writeFileSync(input, bytes);
          tally.file++;
          const out: string[] = [];
          const err: string[] = [];
          const code = await main(["score", input, "-o", output, "--json", "--as-of", AS_OF], { out: (l) => out.push(l), err: (l) => err.push(l), clock: () => new Date(2025, 11, 31, 9, 0) });
          if (code === 1) tally.crashes++;
          expect([code, code === 1 ? err.join("\n") : ""]).toEqual([expect.any(Number), ""]);
          expect([0, 2]).toContain(code);
          expect(readFileSync(input).equals(bytes)).toBe(true);

          if (code === 2) {
            tally.refused++;
            expect(existsSync(output)).toBe(false);
            const lines = err.join("\n").split("\n");
            expect(lines[lines.length - 1]).toMatch(/^共 \d+ 个错误，未写入任何文件/);
            for (const l of lines.slice(0, -1)) expect(l).toMatch(/^工作表「[^」]+」(单元格 [A-Z]+\d+)?（[^）]+）：\S/);
            tally.errorsChecked += lines.length - 1;
            if (m.kind === "pinpoint") {
              expect(lines.some((l) => l.startsWith(`工作表「指标录入」单元格 ${built.pinpointCell}（${m.pinpoint?.header}）：`))).toBe(true);
              tally.pinpointsFound++;
            }
            expect(m.kind).not.toBe("valid");
            return;
          }
          tally.scored++;
          if (m.kind === "wild") tally.wildScored++;
          expect(m.kind).not.toBe("pinpoint");
          if (m.kind === "valid") expect((JSON.parse(out.join("\n")) as { months: { month: string; total: string }[] }).months.find((x) => x.month === "2025-10")?.total).toBe("93.25");

          // Every non-owned cell survives: value, formula, number format, style; merges and sheets too.
          const before = new ExcelJS.Workbook();
          await before.xlsx.load(bytes as unknown as ArrayBuffer);
          const after = new ExcelJS.Workbook();
          await after.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
          const owned = foundOwned(snapshotOf(before));
          if (m.kind === "valid") expect(owned).toEqual(built.owned);
          expect(after.worksheets.map((w) => w.name).slice(0, before.worksheets.length)).toEqual(before.worksheets.map((w) => w.name));
          for (const extra of after.worksheets.slice(before.worksheets.length)) expect([extra.name, PRODUCT_SHEETS.has(extra.name)]).toEqual([extra.name, true]);
          for (const ws of before.worksheets) {
            if (PRODUCT_SHEETS.has(ws.name)) continue; // owned whole: replaced by the run (SPEC §8)
            const ws2 = after.getWorksheet(ws.name)!;
            expect([ws.name, mergesOf(ws2)]).toEqual([ws.name, mergesOf(ws)]);
            const seen = new Set<string>();
            const fact = (c: ExcelJS.Cell) => JSON.stringify([c.value, c.formula ?? null, c.numFmt ?? null, c.style]);
            ws.eachRow({ includeEmpty: true }, (row) =>
              row.eachCell({ includeEmpty: true }, (cell) => {
                const key = `${ws.name}!${cell.address}`;
                seen.add(key);
                if (owned.has(key)) return;
                tally.cellsCompared++;
                const same = fact(ws2.getCell(cell.address)) === fact(cell);
                if (!same) tally.cellsLost++;
                expect([key, fact(ws2.getCell(cell.address))]).toEqual([key, fact(cell)]);
              }),
            );
            // A cell that appeared is an owned one.
            ws2.eachRow({ includeEmpty: false }, (row) =>
              row.eachCell({ includeEmpty: false }, (cell) => {
                const key = `${ws.name}!${cell.address}`;
                if (!seen.has(key) && cell.value !== null) expect([key, owned.has(key)]).toEqual([key, true]);
              }),
            );
          }
        }),
        { seed: SEED + 100 + kind.length, numRuns },
      );
    }, 300_000);
  });
});
