/**
 * Random access to one sheet of a snapshot: cells by row and column, the merge a cell belongs to,
 * the cell right of a (merged) label. Plus Excel date serials ↔ ISO dates (1900 date system).
 */
// @ts-nocheck

import { isoDate, IsoDate, monthKey, MonthKey, parseDate, parseMonth } from "../../domain";
import { a1, CellValue, MergedRange, ReadCell, SheetSnapshot } from "../model";
import { normalizeText } from "./normalize";

export class SheetGrid {
  readonly name: string;
  readonly sheet: SheetSnapshot;
  /** Each row's cells, left to right, one per column. */
  private readonly byRow = new Map<number, ReadCell[]>();
  /** Rows whose cells did not come left to right, one per column: looked up by column as given. */
  private readonly unordered = new Map<number, Map<number, ReadCell>>();
  readonly rows: number[];

  constructor(sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.sheet = sheet;
    // A snapshot lists its cells row by row, left to right: each row is a run of the list and is
    // kept as an array, sliced once (no map per row to build; a lookup is a short binary search).
    const cells = sheet.cells;
    for (let start = 0; start < cells.length; ) {
      const row = (cells[start] as ReadCell).row;
      let end = start + 1;
      // Stryker disable next-line ConditionalExpression: a row split into several runs is joined again below
      while (end < cells.length && (cells[end] as ReadCell).row === row) end++;
      const run = cells.slice(start, end);
      const before = this.byRow.get(row);
      this.byRow.set(row, before ? before.concat(run) : run);
      start = end;
    }
    // Any other order (or a column given twice): by column as a map keeps them, the last cell of a
    // column winning, then sorted left to right.
    for (const [row, cells] of this.byRow) {
      if (cells.every((c, i) => i === 0 || c.col > (cells[i - 1] as ReadCell).col)) continue;
      const byCol = new Map<number, ReadCell>();
      for (const c of cells) byCol.set(c.col, c);
      this.unordered.set(row, byCol);
      this.byRow.set(row, [...byCol.values()].sort((a, b) => a.col - b.col));
    }
    this.rows = [...this.byRow.keys()].sort((a, b) => a - b);
  }

  cell(row: number, col: number): ReadCell | undefined {
    const cells = this.byRow.get(row);
    if (!cells) return undefined;
    const byCol = this.unordered.get(row);
    // Stryker disable next-line ConditionalExpression: an unordered row is kept sorted too, so the binary search finds its cells as well
    if (byCol) return byCol.get(col);
    let lo = 0;
    let hi = cells.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cells[mid] as ReadCell;
      if (c.col === col) return c;
      // Stryker disable next-line EqualityOperator: an equal column has been returned above
      if (c.col < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  value(row: number, col: number): CellValue {
    return this.cell(row, col)?.value ?? null;
  }

  /** Cells of a row, left to right. */
  rowCells(row: number): ReadCell[] {
    return this.byRow.get(row)?.slice() ?? [];
  }

  mergeAt(row: number, col: number): MergedRange | null {
    return this.sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) ?? null;
  }

  /** The top-left cell of the merge holding (row, col), or the cell itself. */
  master(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The first cell right of a label; right of the whole merge when the label is merged. Returns its master. */
  rightOf(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    const next = m ? m.right + 1 : col + 1;
    return this.master(m ? m.top : row, next);
  }

  address(row: number, col: number): string {
    return a1(row, col);
  }
}

const GRIDS = new WeakMap<SheetSnapshot, SheetGrid>();

/**
 * The grid of a snapshot's sheet, made once: the finder, the readers, the planner and the undo
 * record each look at the same sheets of one snapshot (a snapshot is not changed once read; a
 * draft makes new sheet objects). On a 120-month book each sheet's grid was built three times.
 */
export function gridOf(sheet: SheetSnapshot): SheetGrid {
  let grid = GRIDS.get(sheet);
  if (!grid) GRIDS.set(sheet, (grid = new SheetGrid(sheet)));
  return grid;
}

/** True when an Excel number format shows a date (y, m, d outside quotes, brackets and escapes). */
export function isDateFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  const f = numberFormat.toLowerCase();
  if (f === "general" || f === "@") return false;
  const stripped = f
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[yd]/.test(stripped) || (/m/.test(stripped) && !/[hs]/.test(stripped));
}

const MAX_SERIAL = 2958465; // 9999-12-31

/**
 * An Excel serial (1900 date system) to an ISO date. Excel counts a 29 February 1900 that never
 * was (serial 60): serials 1–59 are 1900-01-01…1900-02-28, 60 is no date, 61 is 1900-03-01.
 * A time of day is ignored.
 */
export function serialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const n = Math.floor(serial);
  if (n < 1 || n > MAX_SERIAL || n === 60) return null;
  const epochDay = n < 60 ? n - 25568 : n - 25569; // days from 1970-01-01
  const d = new Date(epochDay * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The inverse of serialToIso. */
export function isoToSerial(date: IsoDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const epochDay = Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  const serial = epochDay + 25569;
  return serial < 61 ? serial - 1 : serial;
}

/**
 * A month in free text: "2025年10月", "2025.10", "2025-10", "202510", "考核月份：2025年10月",
 * "附件二-2025.10", "2025年10月13日" (a date). Null when there is no month or more than one.
 */
export function extractMonth(text: string): MonthKey | null {
  const t = text.normalize("NFKC").replace(/[\s\u3000]+/g, "");
  const whole = parseMonth(t);
  if (whole) return whole;
  const date = parseDate(t);
  if (date) return date.slice(0, 7);
  const found = new Set<MonthKey>();
  for (const m of t.matchAll(/(?<!\d)(\d{4})(?:年|[-./])(\d{1,2})(?!\d)/g)) {
    const month = Number(m[2]);
    const year = Number(m[1]);
    if (month >= 1 && month <= 12 && year >= 1900 && year <= 2999) found.add(monthKey(year, month));
  }
  if (found.size === 0) {
    for (const m of t.matchAll(/(?<!\d)(\d{4})(\d{2})(?!\d)/g)) {
      const month = Number(m[2]);
      const year = Number(m[1]);
      if (month >= 1 && month <= 12 && year >= 1900 && year <= 2999) found.add(monthKey(year, month));
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** Normalized text of a cell, "" when blank. */
export function normalizedValue(value: CellValue): string {
  if (value === null) return "";
  return normalizeText(String(value));
}
