/**
 * Issue 17 (mutation tests, src/workbook/sheets/print-layout.ts): the page arithmetic with
 * hand-worked figures and its boundaries — a row that fills a page exactly still fits, one point
 * more starts a page; the repeated rows count from the second page; a block exactly at 97 % of a
 * page stays whole; A4's printable area for either orientation and the default margins.
 */
// @ts-nocheck

import type { PrintSetup, SheetSpec } from "../../../src/workbook/model";
import {
  A4_POINTS,
  areaWidthPoints,
  columnPoints,
  DEFAULT_MARGINS,
  DEFAULT_ROW_POINTS,
  PAGE_FILL,
  planRowBreaks,
  printablePoints,
  printBounds,
  repeatedRows,
  rowPoints,
  scaleOf,
  simulatePages,
} from "../../../src/workbook/sheets/print-layout";

const NO_MARGINS = { left: 0, right: 0, top: 0, bottom: 0 };
function spec(o: Partial<SheetSpec> = {}): SheetSpec {
  return { name: "表", cells: [], merges: [], ...o };
}

describe("page and column figures", () => {
  it("states A4, Excel's default row and margins, and the fill share", () => {
    expect(A4_POINTS).toEqual({ width: 595.28, height: 841.89 });
    expect(DEFAULT_ROW_POINTS).toBe(15);
    expect(DEFAULT_MARGINS).toEqual({ left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 });
    expect(PAGE_FILL).toBe(0.97);
  });

  it("rounds a column to whole pixels: trunc(7w + 5) × ¾", () => {
    expect(columnPoints(8.43)).toBe(48); // trunc(64.01) = 64 px
    expect(columnPoints(10)).toBe(56.25); // 75 px
    expect(columnPoints(0.2)).toBe(4.5); // trunc(6.4) = 6 px
    expect(columnPoints(0)).toBe(3.75);
  });

  it("takes the scale as a fraction, 100 % when none", () => {
    expect(scaleOf({ orientation: "portrait", paperSize: "A4", scale: 70 })).toBe(0.7);
    expect(scaleOf({ orientation: "portrait", paperSize: "A4" })).toBe(1);
  });

  it("gives the printable area less the margins (72 points an inch), either way round", () => {
    expect(printablePoints({ orientation: "portrait", paperSize: "A4" })).toEqual({ width: 595.28 - 1.4 * 72, height: 841.89 - 1.5 * 72 });
    expect(printablePoints({ orientation: "landscape", paperSize: "A4", margins: { left: 0.3, right: 0.2, top: 0.4, bottom: 0.1 } })).toEqual({ width: 841.89 - 0.5 * 72, height: 595.28 - 0.5 * 72 });
    expect(printablePoints({ orientation: "portrait", paperSize: "A4", margins: NO_MARGINS })).toEqual({ width: 595.28, height: 841.89 });
  });
});

describe("print area", () => {
  it("reads the print area either way round, a single cell too", () => {
    expect(printBounds(spec({ print: { orientation: "portrait", paperSize: "A4", printArea: "C5:A2" } }))).toEqual({ top: 2, left: 1, bottom: 5, right: 3 });
    expect(printBounds(spec({ print: { orientation: "portrait", paperSize: "A4", printArea: "B1:D9" } }))).toEqual({ top: 1, left: 2, bottom: 9, right: 4 });
    expect(printBounds(spec({ print: { orientation: "portrait", paperSize: "A4", printArea: "D7" } }))).toEqual({ top: 7, left: 4, bottom: 7, right: 4 });
  });

  it("without one, spans A1 to the last cell written (at least A1)", () => {
    expect(printBounds(spec({ cells: [{ address: "C2", value: 1 }, { address: "B9", value: null }, { address: "A3", value: 2 }] }))).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(printBounds(spec())).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
  });

  it("measures rows (15 points when not set) and the area's width column by column, past Z", () => {
    const s = spec({ rowHeights: { 2: 40 }, columnWidths: { A: 10, Z: 20, AA: 1 }, print: { orientation: "portrait", paperSize: "A4", printArea: "Y1:AB1" } });
    expect(rowPoints(s, 2)).toBe(40);
    expect(rowPoints(s, 3)).toBe(15);
    // Y 8.43 → 48, Z 20 → 108.75, AA 1 → 9, AB 8.43 → 48.
    expect(areaWidthPoints(s)).toBe(48 + 108.75 + 9 + 48);
    expect(areaWidthPoints(spec({ columnWidths: { A: 10 }, cells: [{ address: "B1", value: 1 }] }))).toBe(56.25 + 48);
  });

  it("reads the repeated rows: a range, one row, $ signs, spaces; anything else is none", () => {
    const p = (repeatRows?: string): PrintSetup => ({ orientation: "portrait", paperSize: "A4", ...(repeatRows === undefined ? {} : { repeatRows }) });
    expect(repeatedRows(p("1:3"))).toEqual([1, 2, 3]);
    expect(repeatedRows(p("$2:$3"))).toEqual([2, 3]);
    expect(repeatedRows(p(" 4 "))).toEqual([4]);
    expect(repeatedRows(p("$5"))).toEqual([5]);
    for (const bad of [undefined, "", "x", "1:2:3", "A1", "1:", ":2", "x1:2", "1:2x"]) expect(repeatedRows(p(bad))).toEqual([]);
  });
});

describe("simulatePages", () => {
  const print = (o: Partial<PrintSetup> = {}): PrintSetup => ({ orientation: "portrait", paperSize: "A4", margins: NO_MARGINS, ...o });

  it("refuses a sheet without a print set-up, naming it", () => {
    expect(() => simulatePages(spec({ name: "付款结算" }))).toThrow(new Error("付款结算: 没有打印设置 / no print setup"));
  });

  it("fills a page to its exact height and starts the next with the row that no longer fits", () => {
    const cap = printablePoints(print()).height; // 841.89
    const s = spec({ rowHeights: { 1: 600, 2: cap - 600, 3: 10, 4: 0.5 }, print: print({ printArea: "A1:A4" }) });
    expect(simulatePages(s)).toEqual([
      { first: 1, last: 2, used: cap },
      { first: 3, last: 4, used: 10.5 },
    ]);
  });

  it("counts the repeated rows on every page after the first, and the scale enlarges the page", () => {
    // Capacity 841.89 / 0.5 = 1683.78; titles 100 (rows 1–2).
    const s = spec({ rowHeights: { 1: 60, 2: 40, 3: 1500, 4: 100, 5: 1480, 6: 200 }, print: print({ scale: 50, repeatRows: "1:2", printArea: "A1:A6" }) });
    expect(simulatePages(s)).toEqual([
      { first: 1, last: 3, used: 1600 },
      { first: 4, last: 5, used: 100 + 100 + 1480 },
      { first: 6, last: 6, used: 100 + 200 },
    ]);
    // Row 5 of 1,500 would not fit beside the titles and row 4 (1,700 > 1,683.78).
    const t = spec({ rowHeights: { 1: 60, 2: 40, 3: 1500, 4: 100, 5: 1500 }, print: print({ scale: 50, repeatRows: "1:2", printArea: "A1:A5" }) });
    expect(simulatePages(t).map((p) => [p.first, p.last, p.used])).toEqual([
      [1, 3, 1600],
      [4, 4, 200],
      [5, 5, 1600],
    ]);
  });

  it("breaks after a manual break, and gives a row taller than a page a page of its own", () => {
    const s = spec({ rowHeights: { 2: 2000 }, print: print({ printArea: "A1:A5", rowBreaks: [3] }) });
    expect(simulatePages(s)).toEqual([
      { first: 1, last: 1, used: 15 },
      { first: 2, last: 2, used: 2000 },
      { first: 3, last: 3, used: 15 },
      { first: 4, last: 5, used: 30 },
    ]);
  });

  it("starts at the print area's top row", () => {
    const s = spec({ print: print({ printArea: "B3:C4" }) });
    expect(simulatePages(s)).toEqual([{ first: 3, last: 4, used: 30 }]);
  });
});

describe("planRowBreaks", () => {
  const flat = (h: Record<number, number>, d = 10) => (r: number) => h[r] ?? d;

  it("keeps blocks whole, filling each page up to 97 % exactly, and breaks between blocks", () => {
    // Capacity 200 → limit 194. Blocks of 100, 94 (= 194: fits), 50 → new page after row 2.
    const blocks = [
      { first: 1, last: 1 },
      { first: 2, last: 2 },
      { first: 3, last: 3 },
    ];
    expect(planRowBreaks(blocks, flat({ 1: 100, 2: 94, 3: 50 }), 200, 0)).toEqual([2]);
    expect(planRowBreaks(blocks, flat({ 1: 100, 2: 94.5, 3: 50 }), 200, 0)).toEqual([1]); // 194.5 > 194: row 2 opens page 2, row 3 joins it
  });

  it("counts the repeated rows on each page after the first", () => {
    const blocks = [
      { first: 1, last: 2 },
      { first: 3, last: 4 },
      { first: 5, last: 6 },
    ];
    // Limit 194: 80 + 80 = 160; +80 > 194 → break after 4; then titles 34 + 80 = 114 … 114 + 80 = 194 fits.
    expect(planRowBreaks([...blocks, { first: 7, last: 8 }], flat({}, 40), 200, 34)).toEqual([4]);
    expect(planRowBreaks([...blocks, { first: 7, last: 8 }], flat({}, 40), 200, 35)).toEqual([4, 6]);
  });

  it("breaks a block taller than a page between its rows, as late as each page allows", () => {
    // Limit 97: rows of 30 → 3 a page (90); titles 10 → 10 + 30 + 30 = 70, + 30 = 100 > 97.
    const blocks = [{ first: 1, last: 8 }];
    expect(planRowBreaks(blocks, flat({}, 30), 100, 0)).toEqual([3, 6]);
    expect(planRowBreaks(blocks, flat({}, 30), 100, 10)).toEqual([3, 5, 7]);
    // After a small block, a tall one starts on a new page, then breaks row by row.
    expect(planRowBreaks([{ first: 1, last: 1 }, { first: 2, last: 9 }], flat({}, 30), 100, 0)).toEqual([1, 4, 7]);
  });

  it("starts a tall block on a fresh page only when its first row does not fit", () => {
    // Page 1: 90 (block 1). Block 2 of 4 × 30 = 120 > 97: a new page (not empty, 90 + 120 > 97), then row by row.
    expect(planRowBreaks([{ first: 1, last: 1 }, { first: 2, last: 5 }], flat({ 1: 90 }, 30), 100, 0)).toEqual([1, 4]);
    // Page 1: 7. Block 2 (4 × 30) does not fit whole: a new page after row 1, then 3 rows, break, 1 row.
    expect(planRowBreaks([{ first: 1, last: 1 }, { first: 2, last: 5 }], flat({ 1: 7 }, 30), 100, 0)).toEqual([1, 4]);
    // A first block taller than a page starts on the first page (no break before it).
    expect(planRowBreaks([{ first: 1, last: 4 }], flat({}, 30), 100, 0)).toEqual([3]);
    expect(planRowBreaks([], flat({}), 100, 0)).toEqual([]);
  });
});
