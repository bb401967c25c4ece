/**
 * Issue 17: the small vocabulary every input-sheet reader shares (src/workbook/read/cells.ts) —
 * finding a sheet by its normalised name, blank cells, a value shown back as typed, and a cell read
 * as a date or a month — with exact values at each boundary. Written from Stryker's survivors.
 */
// @ts-nocheck

import type { CellValue, ReadCell, WorkbookSnapshot } from "../../../src/workbook/model";
import { bad, cellDate, cellMonth, findSheet, HEADER_SEARCH_ROWS, isBlank, ok, readText, shown } from "../../../src/workbook/read/cells";
import { isoToSerial } from "../../../src/workbook/read/grid";

const cell = (value: CellValue, numberFormat = "General"): ReadCell => ({ row: 1, col: 1, value, numberFormat });
const book = (...names: string[]): WorkbookSnapshot => ({ sheets: names.map((name, index) => ({ name, index, cells: [], merges: [] })) });

describe("findSheet", () => {
  it("matches the name after normalisation (spaces, full width, case) and gives null when no sheet matches", () => {
    const wb = book("说明", " 合同 信息 ", "ＡＢＣ");
    expect(findSheet(wb, "合同信息")?.index).toBe(1);
    expect(findSheet(wb, "abc")?.index).toBe(2);
    expect(findSheet(wb, "付款条款")).toBeNull();
    expect(findSheet(book(), "合同信息")).toBeNull();
  });
});

describe("reads and blanks", () => {
  it("ok and bad carry the value or both messages", () => {
    expect(ok(5)).toEqual({ ok: true, value: 5 });
    expect(bad("中文", "English")).toEqual({ ok: false, zh: "中文", en: "English" });
  });

  it("isBlank: null, undefined, empty and spaces only; not 0, false or a word", () => {
    expect([null, undefined, "", "  ", "\t"].map(isBlank)).toEqual([true, true, true, true, true]);
    expect([0, false, "x", " x "].map(isBlank)).toEqual([false, false, false, false]);
  });

  it("shown: as typed, untrimmed; nothing for null and undefined", () => {
    expect([null, undefined, " a ", 0, false, 12.5].map(shown)).toEqual(["", "", " a ", "0", "false", "12.5"]);
  });

  it("readText: trimmed text, '' when blank or absent, numbers as text", () => {
    expect(readText(cell(" 甲方 "))).toBe("甲方");
    expect(readText(cell("   "))).toBe("");
    expect(readText(undefined)).toBe("");
    expect(readText(cell(0))).toBe("0");
    expect(readText(cell(false))).toBe("false");
  });

  it("a header row is looked for in the first 30 rows", () => {
    expect(HEADER_SEARCH_ROWS).toBe(30);
  });
});

describe("cellDate", () => {
  it("null when blank or absent", () => {
    expect(cellDate(undefined)).toBeNull();
    expect(cellDate(cell(null))).toBeNull();
    expect(cellDate(cell("  "))).toBeNull();
  });

  it("a real date, a serial in a General cell, text dates; undefined for what is no date", () => {
    expect(cellDate(cell(isoToSerial("2025-06-01"), "yyyy-mm-dd"))).toBe("2025-06-01");
    expect(cellDate(cell(isoToSerial("2025-06-01")))).toBe("2025-06-01");
    expect(cellDate(cell("2025年6月1日"))).toBe("2025-06-01");
    expect(cellDate(cell(" 2025-06-01 "))).toBe("2025-06-01");
    expect(cellDate(cell("下周"))).toBeUndefined();
    expect(cellDate(cell("2025-02-30"))).toBeUndefined();
    expect(cellDate(cell(true))).toBeUndefined();
    expect(cellDate(cell(0))).toBeUndefined();
  });

  it("an 8-digit number typed as yyyymmdd, from 19000101 to 29991231; beyond that a serial", () => {
    expect(cellDate(cell(20251013))).toBe("2025-10-13");
    expect(cellDate(cell(19000101))).toBe("1900-01-01");
    expect(cellDate(cell(29991231))).toBe("2999-12-31");
    // not a real day: no date, not a serial either
    expect(cellDate(cell(20250230))).toBeUndefined();
    // just outside the range: read as serials (beyond 9999-12-31: none)
    expect(cellDate(cell(19000100))).toBeUndefined();
    expect(cellDate(cell(29991232))).toBeUndefined();
    expect(cellDate(cell(2958465))).toBe("9999-12-31");
    // a fraction is a serial with a time of day, never yyyymmdd
    expect(cellDate(cell(45809.5))).toBe("2025-06-01");
    // in a date cell the number is a serial whatever it looks like
    expect(cellDate(cell(20251013, "yyyy-mm-dd"))).toBeUndefined();
  });
});

describe("cellMonth", () => {
  it("null when blank or absent", () => {
    expect(cellMonth(undefined)).toBeNull();
    expect(cellMonth(cell(null))).toBeNull();
    expect(cellMonth(cell(" "))).toBeNull();
  });

  it("text months and dates, a real date's month, 202503; 'ambiguous' for 2025.1; undefined otherwise", () => {
    expect(cellMonth(cell("2025年3月"))).toBe("2025-03");
    expect(cellMonth(cell("2025-03"))).toBe("2025-03");
    expect(cellMonth(cell(isoToSerial("2025-03-31"), "yyyy-mm-dd"))).toBe("2025-03");
    expect(cellMonth(cell(202503))).toBe("2025-03");
    expect(cellMonth(cell(2025.1))).toBe("ambiguous");
    expect(cellMonth(cell(202513))).toBeUndefined();
    expect(cellMonth(cell(-5, "yyyy-mm-dd"))).toBeUndefined();
    expect(cellMonth(cell("三月"))).toBeUndefined();
    expect(cellMonth(cell(true))).toBeUndefined();
  });
});
