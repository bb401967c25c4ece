/**
 * How a sheet the product owns falls onto printed A4 pages: pure arithmetic from the SheetSpec's
 * column widths, row heights and print setup, the same figures Excel and LibreOffice print from
 * (every row of a printed form has its height set; nothing is auto-fitted at print time).
 *
 * - The printable area is the paper less the margins, divided by the print scale.
 * - A column of w characters is trunc(7w + 5) pixels of the default font (Calibri 11), ¾ point each
 *   (what Excel shows as the column's width in points; columnWidthPoints in the Excel adapter).
 * - Rows fill a page top down; the rows repeated at the top of every page (repeatRows) take their
 *   share of each page after the first; a page ends at a manual break or when the next row does not
 *   fit.
 * - planRowBreaks puts the breaks between blocks (a block: rows that belong together, e.g. one
 *   instalment), as few pages as the blocks allow in their order (filling each page as far as the
 *   next whole block goes is optimal for items kept in order); a block taller than a page is broken
 *   between its own rows.
 */
// @ts-nocheck

import type { PrintSetup, SheetSpec } from "../model";
import { parseA1 } from "../model";

/** A4 in points (210 × 297 mm). */
export const A4_POINTS = { width: 595.28, height: 841.89 } as const;
/** Excel's default row height (Calibri 11), in points. */
export const DEFAULT_ROW_POINTS = 15;
/** Margins (inches) of a sheet that sets none: Excel's defaults. */
export const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 } as const;
/**
 * Share of a page's height a plan fills at most: what an application's own rounding of row heights
 * and borders may add (a few points on a page) must not push the last row of a block onto the next page.
 */
export const PAGE_FILL = 0.97;

/** A column's width in characters as printed, in points (as Excel rounds it to pixels). */
export function columnPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

/** The print scale as a fraction: the fixed scale, or 1 (100 %). */
export function scaleOf(print: PrintSetup): number {
  return (print.scale ?? 100) / 100;
}

/** Width and height (points) a page holds, at 100 % — divide by the scale for the sheet's own points. */
export function printablePoints(print: PrintSetup): { width: number; height: number } {
  const m = print.margins ?? DEFAULT_MARGINS;
  const landscape = print.orientation === "landscape";
  const width = landscape ? A4_POINTS.height : A4_POINTS.width;
  const height = landscape ? A4_POINTS.width : A4_POINTS.height;
  return { width: width - (m.left + m.right) * 72, height: height - (m.top + m.bottom) * 72 };
}

/** The bounds of the print area (default: A1 to the last cell written). */
export function printBounds(spec: SheetSpec): { top: number; left: number; bottom: number; right: number } {
  const area = spec.print?.printArea;
  if (area) {
    const [from, to] = area.split(":");
    const a = parseA1(from ?? "A1");
    const b = parseA1(to ?? from ?? "A1");
    return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  }
  let bottom = 1;
  let right = 1;
  for (const c of spec.cells) {
    const at = parseA1(c.address);
    bottom = Math.max(bottom, at.row);
    right = Math.max(right, at.col);
  }
  return { top: 1, left: 1, bottom, right };
}

/** A row's height in points as printed at 100 %. */
export function rowPoints(spec: SheetSpec, row: number): number {
  return spec.rowHeights?.[row] ?? DEFAULT_ROW_POINTS;
}

/** The print area's width in points at 100 %. */
export function areaWidthPoints(spec: SheetSpec): number {
  const b = printBounds(spec);
  let width = 0;
  for (let c = b.left; c <= b.right; c++) {
    let letters = "";
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    width += columnPoints(spec.columnWidths?.[letters] ?? 8.43);
  }
  return width;
}

/** The rows repeated at the top of every page ("1:2" → [1, 2]); [] when none. */
export function repeatedRows(print: PrintSetup): number[] {
  const m = /^\$?(\d+)(?::\$?(\d+))?$/.exec((print.repeatRows ?? "").trim());
  if (!m) return [];
  const first = Number(m[1]);
  const last = Number(m[2] ?? m[1]);
  const out: number[] = [];
  for (let r = first; r <= last; r++) out.push(r);
  return out;
}

/** A printed page: its first and last row of the print area (the repeated rows not counted). */
export interface PrintedPage {
  first: number;
  last: number;
  /** Points used, with the repeated rows, at 100 %. */
  used: number;
}

/**
 * The pages the print area falls on, as an application breaks them: at every manual break, and
 * before a row that no longer fits (its whole height at the scale on the printable height; the
 * repeated rows at the top of every page after the first). A row taller than a page gets a page of its own.
 */
export function simulatePages(spec: SheetSpec): PrintedPage[] {
  const print = spec.print;
  if (!print) throw new Error(`${spec.name}: 没有打印设置 / no print setup`);
  const b = printBounds(spec);
  const capacity = printablePoints(print).height / scaleOf(print);
  const titles = repeatedRows(print).reduce((sum, r) => sum + rowPoints(spec, r), 0);
  const breaks = new Set(print.rowBreaks ?? []);
  const pages: PrintedPage[] = [];
  let page: PrintedPage | null = null;
  for (let r = b.top; r <= b.bottom; r++) {
    const h = rowPoints(spec, r);
    if (page !== null && page.used + h > capacity) page = null;
    if (page === null) {
      page = { first: r, last: r, used: (pages.length === 0 ? 0 : titles) + h };
      pages.push(page);
    } else {
      page.last = r;
      page.used += h;
    }
    if (breaks.has(r)) page = null;
  }
  return pages;
}

/** Rows that belong on one page when they can: first and last row, inclusive. */
export interface RowBlock {
  first: number;
  last: number;
}

/**
 * Manual row breaks that put `blocks` (in order, contiguous) on as few pages as they allow, every
 * break between two blocks: a page takes the next block whole while it fits within PAGE_FILL of the
 * page. A block taller than a page is broken between its rows, as late as each page allows.
 * `heightOf(row)`: the row's points at 100 %; `capacity`: a page's points at the print scale (the
 * sheet's own points), `titles`: the points the repeated rows take on every page after the first.
 */
export function planRowBreaks(blocks: readonly RowBlock[], heightOf: (row: number) => number, capacity: number, titles: number): number[] {
  const limit = capacity * PAGE_FILL;
  const breaks: number[] = [];
  let used = 0; // on the current page, with the titles
  let empty = true;
  const newPage = (after: number) => {
    breaks.push(after);
    used = titles;
    empty = true;
  };
  for (const block of blocks) {
    let h = 0;
    for (let r = block.first; r <= block.last; r++) h += heightOf(r);
    if (!empty && used + h > limit) newPage(block.first - 1);
    if (used + h <= limit) {
      used += h;
      empty = false;
      continue;
    }
    // Taller than a page: row by row.
    for (let r = block.first; r <= block.last; r++) {
      const rh = heightOf(r);
      if (!empty && used + rh > limit) newPage(r - 1);
      used += rh;
      empty = false;
    }
  }
  return breaks;
}
