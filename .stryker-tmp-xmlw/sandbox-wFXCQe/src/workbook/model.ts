/**
 * The sheet model shared by both adapters (ExcelJS for files, office-js inside Excel).
 * Reading: one snapshot of every sheet's used cells, formats, formulas and merges, taken in one pass.
 * Writing: one WritePlan — owned cells to set and whole sheets to create or replace — applied in
 * one pass. Everything between is pure and testable without Excel.
 */
// @ts-nocheck


/** A cell value as read. Dates are Excel serial numbers with a date number format, as Excel gives them. */
export type CellValue = string | number | boolean | null;

export interface ReadCell {
  /** 1-based row and column. */
  row: number;
  col: number;
  value: CellValue;
  /** Excel number format, e.g. "General", "yyyy-mm-dd", "0.00". */
  numberFormat: string;
  /** Formula text without the leading "=", when the cell holds one. */
  formula?: string;
}

export interface MergedRange {
  /** 1-based inclusive bounds. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** Position in the workbook, 0-based. */
  index: number;
  /** Non-empty cells, in row-major order. */
  cells: ReadCell[];
  merges: MergedRange[];
  /** True when the sheet is protected (a frozen, signed month for instance). */
  protected?: boolean;
  /**
   * True when the host could not read merged areas (Excel below ExcelApi 1.13): `merges` is empty
   * because they are unknown, not because there are none. Readers must not rely on a cell not
   * being merged (find-scorecards refuses to read a label's value through a merge it cannot see).
   */
  mergesUnknown?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export type HorizontalAlign = "left" | "center" | "right";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: HorizontalAlign;
  vertical?: "top" | "middle" | "bottom";
  border?: "thin" | "medium" | "none";
}

/** A value to write. Text is always written as text, never as a formula, whatever it starts with. */
export type WriteValue = string | number | boolean | null;

export interface CellWrite {
  /** A1 address, e.g. "H7". */
  address: string;
  value: WriteValue;
  numberFormat?: string;
  style?: CellStyle;
  /** A formula the product builds itself (never from user text), without "=". */
  formula?: string;
}

export interface ConditionalHighlight {
  /** A1 range, e.g. "C5:C16". */
  range: string;
  /** Highlight cells whose number is below this value. */
  lessThan: number;
  fill: string;
  fontColor?: string;
}

export interface ListValidation {
  range: string;
  values: readonly string[];
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  /** A1 range */
  printArea?: string;
  fitToWidth?: boolean;
  /**
   * With fitToWidth: the print area also fits one page tall (fit to 1 × 1 page). Optional: absent =
   * as many pages tall as it takes.
   */
  fitToHeight?: boolean;
  /**
   * A fixed print scale in percent (10–400), for a sheet that is not fitted (fitToWidth unset).
   * Optional: absent = the application's default (100). Excel ignores manual page breaks under
   * "fit to", so a sheet with rowBreaks gets a scale instead.
   */
  scale?: number;
  /**
   * Manual page breaks: a new page starts after each of these rows (1-based, ascending). Optional:
   * absent or empty = the application breaks pages where they fill up.
   */
  rowBreaks?: number[];
  /** Rows repeated at the top of each page, e.g. "1:4". */
  repeatRows?: string;
  margins?: { left: number; right: number; top: number; bottom: number };
}

export interface LineChartSpec {
  title: string;
  /** A1 range of category labels (months) and of each series, on the same sheet. */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left and bottom-right cells the chart covers. */
  anchor: { from: string; to: string };
}

/** A whole sheet the product owns (付款结算, 计算说明, a fresh template month…). */
export interface SheetSpec {
  name: string;
  cells: CellWrite[];
  merges: string[];
  /** Column letter → width in characters. */
  columnWidths?: Record<string, number>;
  rowHeights?: Record<number, number>;
  print?: PrintSetup;
  conditionalHighlights?: ConditionalHighlight[];
  validations?: ListValidation[];
  /** Native chart; the file adapter may go without and say so on the sheet. */
  chart?: LineChartSpec;
  tabColor?: string;
  /** Freeze panes below this many rows. */
  freezeRows?: number;
}

export interface WritePlan {
  /** Owned cells in existing sheets, by sheet name. */
  cellWrites: { sheet: string; writes: CellWrite[] }[];
  /** Sheets created or replaced whole, after the existing sheets, in this order. */
  sheets: SheetSpec[];
  /**
   * Owned sheets to delete, by name, after the writes (an undo removes the sheets the undone write
   * created). Optional: absent or empty = delete nothing. A sheet of that name that no longer exists is skipped.
   */
  deleteSheets?: string[];
  /**
   * Sheets to protect or unprotect (定稿 protects a frozen month's scorecard; 解除定稿 unprotects it).
   * No password: a guard against slips, not a lock. Adapters unprotect before the writes and protect
   * after them, in the same pass. Optional: absent or empty = protection unchanged.
   */
  protectSheets?: { sheet: string; protect: boolean }[];
}

/** Where a problem is: the sheet, the cell, and the indicator it holds. */
export interface CellRef {
  sheet: string;
  /** A1 address, or null when the problem is a missing row or column. */
  cell: string | null;
  indicator: string;
}

/** The one small interface both adapters implement. */
export interface WorkbookAdapter {
  /** Every sheet, in one pass (one context.sync() in Excel). */
  read(): Promise<WorkbookSnapshot>;
  /** Applies the plan in one pass (one context.sync() in Excel). */
  apply(plan: WritePlan): Promise<void>;
}

export function columnLetter(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters of the first columns, made once: every planned cell write names its address. */
const LETTERS: string[] = [];

export function a1(row: number, col: number): string {
  if (Number.isInteger(col) && col >= 1 && col <= 1024) return `${(LETTERS[col] ??= columnLetter(col))}${row}`;
  return `${columnLetter(col)}${row}`;
}

/**
 * "H7", "$H$7", "h7" → { row: 7, col: 8 }. A plain ASCII address (what the product writes and
 * reads) is read character by character; anything else goes through the regular expression over
 * the upper-cased text, which is the definition (toUpperCase maps some non-ASCII letters to ASCII).
 */
/**
 * A plan's cell writes as the cells they leave (several writes of one address merged the way
 * writing them one by one would leave it: the last value, format and formula, style properties
 * together), in row then column order. The hosts that write in blocks (Excel, WPS) start from it.
 */
export interface PlannedCell {
  row: number;
  col: number;
  value: WriteValue;
  formula?: string;
  numberFormat?: string;
  style: CellStyle;
}

export function plannedCells(writes: readonly CellWrite[]): PlannedCell[] {
  const byKey = new Map<string, PlannedCell>();
  for (const w of writes) {
    const { row, col } = parseA1(w.address);
    const key = `${row},${col}`;
    const before = byKey.get(key);
    const cell: PlannedCell = { row, col, value: w.value, style: { ...before?.style, ...w.style } };
    if (w.formula !== undefined) cell.formula = w.formula;
    const fmt = w.numberFormat ?? before?.numberFormat;
    if (fmt !== undefined) cell.numberFormat = fmt;
    byKey.set(key, cell);
  }
  return [...byKey.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

export function parseA1(address: string): { row: number; col: number } {
  const n = address.length;
  let i = address.charCodeAt(0) === 36 ? 1 : 0; // "$"
  let col = 0;
  const lettersFrom = i;
  for (; i < n; i++) {
    const code = address.charCodeAt(i);
    const c = code >= 97 && code <= 122 ? code - 32 : code; // a–z as A–Z
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const lettersTo = i;
  if (address.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  while (i < n && address.charCodeAt(i) >= 48 && address.charCodeAt(i) <= 57) i++;
  if (lettersTo > lettersFrom && i > digitsFrom && i === n) return { row: Number(address.slice(digitsFrom)), col };
  return parseA1Text(address);
}

function parseA1Text(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new RangeError(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1] ?? "") col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
