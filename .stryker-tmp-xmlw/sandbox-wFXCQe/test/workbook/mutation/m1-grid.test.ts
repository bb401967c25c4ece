/**
 * Issue 17: one sheet's random access and the date/month helpers (src/workbook/read/grid.ts) —
 * cells in order and out of order, a column given twice, merges and the cell right of a label,
 * date formats, serials at the edges of Excel's calendar, months in free text. Exact values.
 * Written from Stryker's survivors.
 */
// @ts-nocheck

import type { ReadCell, SheetSnapshot } from "../../../src/workbook/model";
import { extractMonth, isDateFormat, isoToSerial, normalizedValue, serialToIso, SheetGrid } from "../../../src/workbook/read/grid";

const c = (row: number, col: number, value: ReadCell["value"]): ReadCell => ({ row, col, value, numberFormat: "General" });
const snap = (cells: ReadCell[], merges: SheetSnapshot["merges"] = []): SheetSnapshot => ({ name: "表", index: 0, cells, merges });

describe("SheetGrid", () => {
  it("cells by row and column in an ordered sheet: each column found by binary search, gaps and absent rows undefined", () => {
    const g = new SheetGrid(snap([c(1, 1, "a"), c(1, 3, "c"), c(1, 5, "e"), c(1, 7, "g"), c(1, 9, "i"), c(3, 2, 32)]));
    expect(g.name).toBe("表");
    expect(g.rows).toEqual([1, 3]);
    expect([1, 3, 5, 7, 9].map((col) => g.value(1, col))).toEqual(["a", "c", "e", "g", "i"]);
    expect([0, 2, 4, 6, 8, 10].map((col) => g.cell(1, col))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(g.value(2, 1)).toBeNull();
    expect(g.value(3, 2)).toBe(32);
    expect(g.cell(3, 2)).toEqual(c(3, 2, 32));
    expect(g.address(3, 2)).toBe("B3");
  });

  it("a row given in two runs is joined; a row out of order or with a column twice is sorted, the last cell of a column winning", () => {
    const g = new SheetGrid(snap([c(2, 3, "x"), c(2, 1, "y"), c(1, 1, "r1"), c(2, 5, "z"), c(4, 2, "first"), c(4, 2, "last"), c(5, 1, "p"), c(5, 2, "q")]));
    expect(g.rows).toEqual([1, 2, 4, 5]);
    expect(g.rowCells(2).map((x) => [x.col, x.value])).toEqual([
      [1, "y"],
      [3, "x"],
      [5, "z"],
    ]);
    expect(g.value(2, 1)).toBe("y");
    expect(g.value(2, 3)).toBe("x");
    expect(g.value(2, 5)).toBe("z");
    expect(g.cell(2, 2)).toBeUndefined();
    expect(g.value(4, 2)).toBe("last");
    expect(g.rowCells(4)).toHaveLength(1);
    expect(g.rowCells(5).map((x) => x.value)).toEqual(["p", "q"]);
    expect(g.value(5, 2)).toBe("q");
    // rowCells is a copy
    g.rowCells(5).pop();
    expect(g.rowCells(5)).toHaveLength(2);
    expect(g.rowCells(9)).toEqual([]);
    // a row in two runs, each in order: joined, then in order too
    const joined = new SheetGrid(snap([c(1, 1, "a"), c(2, 1, "b"), c(1, 2, "c")]));
    expect(joined.rowCells(1).map((x) => x.value)).toEqual(["a", "c"]);
    expect(joined.value(1, 2)).toBe("c");
  });

  it("merges: the range holding a cell (edges included), its master, and the first cell right of a merged label", () => {
    const g = new SheetGrid(snap([c(2, 2, "考核月份"), c(2, 5, "2025-10")], [{ top: 2, left: 2, bottom: 3, right: 4 }]));
    for (const [row, col] of [
      [2, 2],
      [3, 4],
      [2, 4],
      [3, 2],
    ] as const)
      expect(g.mergeAt(row, col)).toEqual({ top: 2, left: 2, bottom: 3, right: 4 });
    for (const [row, col] of [
      [1, 2],
      [4, 2],
      [2, 1],
      [2, 5],
    ] as const)
      expect(g.mergeAt(row, col)).toBeNull();
    expect(g.master(3, 3)).toEqual({ row: 2, col: 2 });
    expect(g.master(5, 5)).toEqual({ row: 5, col: 5 });
    expect(g.rightOf(3, 3)).toEqual({ row: 2, col: 5 });
    expect(g.rightOf(7, 1)).toEqual({ row: 7, col: 2 });
    // right of a plain label into a merge: the merge's master
    expect(g.rightOf(2, 1)).toEqual({ row: 2, col: 2 });
  });
});

describe("isDateFormat", () => {
  it("y or d outside quotes, escapes and brackets; m alone only without h or s", () => {
    expect(isDateFormat("")).toBe(false);
    expect(isDateFormat("GENERAL")).toBe(false);
    expect(isDateFormat("YYYY-MM-DD")).toBe(true);
    expect(isDateFormat('0"d"')).toBe(false);
    expect(isDateFormat("0\\d")).toBe(false);
    expect(isDateFormat("[d]0")).toBe(false);
    expect(isDateFormat('"y"0 "d"')).toBe(false);
    expect(isDateFormat("mm")).toBe(true);
    expect(isDateFormat("h:mm")).toBe(false);
    expect(isDateFormat("mm:ss")).toBe(false);
    expect(isDateFormat("0.0")).toBe(false);
  });
});

describe("serials and ISO dates", () => {
  it("the edges: 1, 59, 60 (no date), 61, 2958465 (9999-12-31) and beyond; not finite", () => {
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(0.99)).toBeNull();
    expect(serialToIso(59.9)).toBe("1900-02-28");
    expect(serialToIso(60.5)).toBeNull();
    expect(serialToIso(2958465)).toBe("9999-12-31");
    expect(serialToIso(2958465.9)).toBe("9999-12-31");
    expect(serialToIso(2958466)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
    expect(serialToIso(Number.POSITIVE_INFINITY)).toBeNull();
    expect(serialToIso(25569)).toBe("1970-01-01");
    expect(serialToIso(2)).toBe("1900-01-02");
  });

  it("isoToSerial: 1900-01-01 is 1, 1900-02-28 is 59, 1900-03-01 is 61", () => {
    expect(isoToSerial("1900-01-01")).toBe(1);
    expect(isoToSerial("1900-02-28")).toBe(59);
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("1970-01-01")).toBe(25569);
    expect(isoToSerial("2025-10-13")).toBe(45943);
  });
});

describe("extractMonth", () => {
  it("full-width digits and spaces; dates; year and month bounds", () => {
    expect(extractMonth("２０２５年１０月")).toBe("2025-10");
    expect(extractMonth("考核月份： 2025 年 10 月")).toBe("2025-10");
    expect(extractMonth("2025/1")).toBe("2025-01");
    expect(extractMonth("2025-10-13")).toBe("2025-10");
    expect(extractMonth("1900年1月")).toBe("1900-01");
    expect(extractMonth("2999年12月")).toBe("2999-12");
    expect(extractMonth("表-1899年1月")).toBeNull();
    expect(extractMonth("表-3000年1月")).toBeNull();
    expect(extractMonth("表-2025年0月")).toBeNull();
    expect(extractMonth("表-2025年12月")).toBe("2025-12");
    expect(extractMonth("表-2025年1月")).toBe("2025-01");
    expect(extractMonth("12025年10月")).toBeNull();
    expect(extractMonth("2025年101月")).toBeNull();
  });

  it("six digits yyyymm inside text, only when no other month is written; bounds", () => {
    expect(extractMonth("附件202510")).toBe("2025-10");
    expect(extractMonth("附件202501")).toBe("2025-01");
    expect(extractMonth("附件202512")).toBe("2025-12");
    expect(extractMonth("附件202500")).toBeNull();
    expect(extractMonth("附件202513")).toBeNull();
    expect(extractMonth("附件189912")).toBeNull();
    expect(extractMonth("附件190001")).toBe("1900-01");
    expect(extractMonth("附件299912")).toBe("2999-12");
    expect(extractMonth("附件300001")).toBeNull();
    expect(extractMonth("附件1202510")).toBeNull();
    expect(extractMonth("附件2025101")).toBeNull();
    expect(extractMonth("2025年10月-202511")).toBe("2025-10");
    expect(extractMonth("202510与202511")).toBeNull();
    expect(extractMonth("附件202510，即202510")).toBe("2025-10");
    expect(extractMonth("2025年10月，即2025.10")).toBe("2025-10");
  });
});

describe("normalizedValue", () => {
  it("blank for null; numbers and booleans as text; text normalised", () => {
    expect(normalizedValue(null)).toBe("");
    expect(normalizedValue(12)).toBe("12");
    expect(normalizedValue(true)).toBe("true");
    expect(normalizedValue(" 团队 人数 ")).toBe("团队人数");
  });
});
