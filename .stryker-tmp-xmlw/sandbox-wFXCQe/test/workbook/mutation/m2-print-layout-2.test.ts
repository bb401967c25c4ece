/**
 * Issue 17 (mutation tests, src/workbook/sheets/print-layout.ts), second part: what the first part
 * (m2-print-layout.test.ts) left open — repeated rows past row 9, a sheet without column widths, a
 * tall block after a page break when the titles leave no room for its first row, and a page filled
 * to exactly 97 % row by row. Its own file, so that Stryker's incremental run keeps the first part's results.
 */
// @ts-nocheck

import { areaWidthPoints, planRowBreaks, repeatedRows } from "../../../src/workbook/sheets/print-layout";

describe("print-layout: the edges the first part left open", () => {
  it("reads repeated rows of two and more digits", () => {
    expect(repeatedRows({ orientation: "portrait", paperSize: "A4", repeatRows: "10:12" })).toEqual([10, 11, 12]);
    expect(repeatedRows({ orientation: "portrait", paperSize: "A4", repeatRows: "9:10" })).toEqual([9, 10]);
  });

  it("measures a sheet that sets no column width at 8.43 characters a column", () => {
    expect(areaWidthPoints({ name: "s", cells: [{ address: "C1", value: 1 }], merges: [] })).toBe(3 * 48);
  });

  it("after a break, a tall block's first row stays on the new page even when the titles leave it no room", () => {
    // Limit 97; titles 80. Block 1 (90) on page 1; block 2 (4 × 30) opens page 2 after row 1; row 2 (80 + 30 > 97) stays
    // on it all the same (a page holds at least one row), and each next row opens a page: no break is given twice.
    const h = (r: number) => (r === 1 ? 90 : 30);
    expect(planRowBreaks([{ first: 1, last: 1 }, { first: 2, last: 5 }], h, 100, 80)).toEqual([1, 2, 3, 4]);
  });

  it("fills a page row by row to exactly 97 % before breaking", () => {
    // Capacity 200 → limit 194: rows of 97 — 97 + 97 = 194 fits, the third opens a page.
    expect(planRowBreaks([{ first: 1, last: 3 }], () => 97, 200, 0)).toEqual([2]);
  });
});
