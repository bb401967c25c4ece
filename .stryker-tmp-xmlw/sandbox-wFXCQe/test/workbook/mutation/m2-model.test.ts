/**
 * Issue 17 (mutation tests, src/workbook/model.ts): A1 addresses both ways at their edges (Z/AA,
 * ZZ/AAA, XFD, "$", lower case, non-ASCII letters that upper-case to ASCII), the two paths of each
 * — a plain ASCII address is read character by character without the regular expression, and the
 * column letters of the first 1,024 columns are made once — and a plan's writes merged per cell.
 */
// @ts-nocheck

import { a1, columnLetter, parseA1, plannedCells } from "../../../src/workbook/model";

describe("column letters and a1", () => {
  it("spells columns in base 26 without a zero", () => {
    const cases: [number, string][] = [
      [1, "A"],
      [2, "B"],
      [26, "Z"],
      [27, "AA"],
      [52, "AZ"],
      [53, "BA"],
      [702, "ZZ"],
      [703, "AAA"],
      [1024, "AMJ"],
      [1025, "AMK"],
      [16_384, "XFD"],
    ];
    for (const [col, letters] of cases) {
      expect(columnLetter(col)).toBe(letters);
      expect(a1(7, col)).toBe(`${letters}7`);
    }
    expect(columnLetter(0)).toBe("");
    expect(columnLetter(-3)).toBe("");
    expect(a1(12, 0)).toBe("12");
  });

  it("makes the letters of the first 1,024 columns once, and any other column's each time", () => {
    const spy = jest.spyOn(String, "fromCharCode");
    try {
      for (const col of [1, 26, 27, 1024, 500]) {
        a1(1, col);
        spy.mockClear();
        expect(a1(2, col)).toBe(`${columnLetter(col)}2`);
        spy.mockClear();
        a1(3, col);
        expect(spy).not.toHaveBeenCalled();
      }
      for (const col of [1025, 2000, 1.5]) {
        a1(1, col);
        spy.mockClear();
        a1(2, col);
        expect(spy).toHaveBeenCalled();
      }
    } finally {
      spy.mockRestore();
    }
    expect(a1(4, 1.5)).toBe(`${columnLetter(1.5)}4`);
  });
});

describe("parseA1", () => {
  it("reads plain, absolute and lower-case addresses", () => {
    const cases: [string, number, number][] = [
      ["A1", 1, 1],
      ["H7", 7, 8],
      ["$H$7", 7, 8],
      ["$H7", 7, 8],
      ["H$7", 7, 8],
      ["h7", 7, 8],
      ["$z$10", 10, 26],
      ["aa100", 100, 27],
      ["Az2", 2, 52],
      ["XFD1048576", 1_048_576, 16_384],
      ["a0", 0, 1],
    ];
    for (const [address, row, col] of cases) expect(parseA1(address)).toEqual({ row, col });
  });

  it("reads a plain ASCII address without the regular expression", () => {
    const spy = jest.spyOn(RegExp.prototype, "exec");
    try {
      for (const address of ["A1", "Z9", "a1", "z9", "$H$7", "$h7", "H$7", "AA100", "B09"]) {
        spy.mockClear();
        parseA1(address);
        expect([address, spy.mock.calls.length]).toEqual([address, 0]);
      }
      for (const address of ["ı1", "H7 ", "@1", "[1", "`1", "{1", "H/7", "H:7"]) {
        spy.mockClear();
        try {
          parseA1(address);
        } catch {
          // refused below
        }
        expect([address, spy.mock.calls.length]).toEqual([address, 1]);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it("upper-cases anything else first: a dotless ı reads as I, a long ſ as S", () => {
    expect(parseA1("ı1")).toEqual({ row: 1, col: 9 });
    expect(parseA1("$ſ$2")).toEqual({ row: 2, col: 19 });
  });

  it("refuses what is not an A1 address, naming it", () => {
    for (const bad of ["", "7", "H", "$", "$$H7", "H7x", "7H", "H-7", "H 7", " H7", "H$$7", "@1", "[1", "`1", "{1", "H:7"]) expect(() => parseA1(bad)).toThrow(new RangeError(`not an A1 address: ${bad}`));
  });
});

describe("plannedCells", () => {
  it("merges the writes of one cell as writing them in turn would: last value and formula, format kept unless given, styles together; sorted by row then column", () => {
    const cells = plannedCells([
      { address: "B2", value: 1, numberFormat: "0.00", style: { bold: true, fill: "#FFFFFF" }, formula: "A1" },
      { address: "A3", value: "x" },
      { address: "$b$2", value: 2, style: { fill: "#000000" } },
      { address: "A2", value: null, numberFormat: "@" },
      { address: "C1", value: true, formula: "TRUE()" },
    ]);
    expect(cells).toEqual([
      { row: 1, col: 3, value: true, formula: "TRUE()", style: {} },
      { row: 2, col: 1, value: null, numberFormat: "@", style: {} },
      { row: 2, col: 2, value: 2, numberFormat: "0.00", style: { bold: true, fill: "#000000" } },
      { row: 3, col: 1, value: "x", style: {} },
    ]);
    expect("numberFormat" in (cells[0] as object)).toBe(false);
    expect("formula" in (cells[1] as object)).toBe(false);
    expect(plannedCells([{ address: "A1", value: 1, numberFormat: "0" }, { address: "A1", value: 2, numberFormat: "@" }])).toEqual([{ row: 1, col: 1, value: 2, numberFormat: "@", style: {} }]);
    expect(plannedCells([])).toEqual([]);
  });
});
