/**
 * 节假日安排 (SPEC §9) read from a snapshot, cell by cell: the header found among the first rows by
 * its names (and its aliases), each date form and 类型 spelling read to the right value, each bad
 * cell refused with the sheet, the cell, the column and the exact zh-CN message, and `locate`
 * turning the engine's field paths back into cells. Written from Stryker's survivors over
 * src/workbook/read/holiday-sheet.ts.
 */
// @ts-nocheck

import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { HOLIDAY_HEADERS, readHolidaySheet } from "../../../src/workbook/read/holiday-sheet";
import { isoToSerial } from "../../../src/workbook/read/grid";
import { type Cell, sheet } from "../../fixtures/sheet-rows";


const book = (rows: Cell[][], name = "节假日安排"): WorkbookSnapshot => ({ sheets: [sheet("其他", [["日期", "类型"], ["2027-01-01", "休"]]), sheet(name, rows)] });
const read = (rows: Cell[][], name?: string) => readHolidaySheet(book(rows, name));
const HEADER: Cell[] = ["日期", "类型", "说明"];
const problemsOf = (r: ReturnType<typeof readHolidaySheet>) => r.problems.map((p) => [p.severity, p.code, p.sheet, p.cell, p.indicator, p.message]);

describe("the sheet and its header", () => {
  it("found by name after normalization; other sheets with the same headers are not read", () => {
    const r = read([HEADER, ["2027-02-08", "休", "春节"]], " 节假日 安排 ");
    expect(r.rows).toEqual([{ date: "2027-02-08", kind: "休", note: "春节" }]);
    expect(r.locate("holidays")).toEqual({ sheet: " 节假日 安排 ", cell: null, indicator: "节假日安排" });
  });

  it("the header headers are 日期 | 类型 | 说明", () => {
    expect([...HOLIDAY_HEADERS]).toEqual(["日期", "类型", "说明"]);
  });

  it.each<[string, Cell[]]>([
    ["date | 休/班 | 备注", ["date", "休/班", "备注"]],
    ["日子 | 安排 | 节日", ["日子", "安排", "节日"]],
    ["type first, note as 名称", ["放假/上班", "日期", "名称"]],
    ["spaced and full width", [" 日 期 ", "ＴＹＰＥ", "NOTE"]],
    ["with what the column holds after it", ["日期（yyyy-mm-dd）", "类型（休/班）", "说明"]],
  ])("aliases: %s", (_n, header) => {
    const typeFirst = header[0] === "放假/上班";
    const row: Cell[] = typeFirst ? ["班", "2027-02-13", "调休"] : ["2027-02-13", "班", "调休"];
    const r = read([header, row]);
    expect(problemsOf(r)).toEqual([]);
    expect(r.rows).toEqual([{ date: "2027-02-13", kind: "班", note: "调休" }]);
  });

  it("a header in row 30 (after 29 rows of notes) is still found", () => {
    const rows: Cell[][] = [...Array.from({ length: 29 }, (_x, i): Cell[] => [`第 ${i + 1} 行备注`]), HEADER, ["2027-02-08", "休"]];
    expect(read(rows).rows).toEqual([{ date: "2027-02-08", kind: "休", note: "" }]);
  });

  it("the header is the row with the most known names among the first 30, below a title and a note", () => {
    const rows: Cell[][] = [["2027 年节假日安排"], ["说明：按国务院办公厅通知填写"], ["日期"], HEADER, ["2027-02-08", "休", null]];
    const r = read(rows);
    expect(problemsOf(r)).toEqual([]);
    expect(r.rows).toEqual([{ date: "2027-02-08", kind: "休", note: "" }]);
    expect(r.locate("holidays[0].kind")).toEqual({ sheet: "节假日安排", cell: "B5", indicator: "类型" });
  });

  it("a header below row 30 is not looked for: text without a header is refused", () => {
    const rows: Cell[][] = [...Array.from({ length: 30 }, (_x, i): Cell[] => [`第 ${i + 1} 行备注`]), HEADER, ["2027-02-08", "休"]];
    const r = read(rows);
    expect(r.rows).toEqual([]);
    expect(problemsOf(r)).toEqual([["error", "no-header", "节假日安排", null, "日期、类型、说明", "工作表「节假日安排」找不到表头行（应有：日期、类型）"]]);
  });

  it("an empty sheet and a sheet of blanks are no rows and no problem", () => {
    expect(read([])).toMatchObject({ rows: [], problems: [], unreadable: [] });
    expect(read([["  "], [null, " "]])).toMatchObject({ rows: [], problems: [], unreadable: [] });
  });

  it("a first row with a blank cell and a title is text without a header", () => {
    expect(problemsOf(read([["  ", "2027 年安排"]]))[0]?.[1]).toBe("no-header");
  });

  it("numbers alone are not a header", () => {
    const r = read([[20270208, 1]]);
    expect(problemsOf(r)[0]?.[1]).toBe("no-header");
  });

  it("two 日期 columns: an error at the second, naming both", () => {
    const r = read([["日期", "类型", "date"], ["2027-02-08", "休", "2027-02-09"]]);
    expect(problemsOf(r)).toEqual([["error", "duplicate-column", "节假日安排", "C1", "日期", "工作表「节假日安排」有两列都是「日期」（A1 与 C1）"]]);
    expect(r.rows).toEqual([{ date: "2027-02-08", kind: "休", note: "" }]);
  });

  it("a header without 日期: the column named, and no row read", () => {
    const r = read([["类型", "说明"], ["休", "春节"]]);
    expect(problemsOf(r)).toEqual([["error", "missing-column", "节假日安排", null, "日期", "工作表「节假日安排」的表头（第 1 行）缺少「日期」列"]]);
    expect(r.rows).toEqual([]);
  });

  it("a header without 说明 is fine (说明 is optional)", () => {
    const r = read([["日期", "类型"], ["2027-02-08", "休"]]);
    expect(problemsOf(r)).toEqual([]);
    expect(r.rows).toEqual([{ date: "2027-02-08", kind: "休", note: "" }]);
    expect(r.locate("holidays[0].note")).toEqual({ sheet: "节假日安排", cell: null, indicator: "说明" });
  });
});

describe("日期 and 类型, as typed", () => {
  it.each<[string, Cell, string]>([
    ["a real date", { v: isoToSerial("2027-02-08"), f: "yyyy-mm-dd" }, "2027-02-08"],
    ["a serial in a General cell", { v: isoToSerial("2027-02-08"), f: "General" }, "2027-02-08"],
    ["the number 20270208", 20270208, "2027-02-08"],
    ["text 2027年2月8日", "2027年2月8日", "2027-02-08"],
    ["text 20270208", "20270208", "2027-02-08"],
    ["a serial at 19:00 (a time part)", { v: isoToSerial("2027-02-08") + 0.8, f: "yyyy-mm-dd hh:mm" }, "2027-02-08"],
  ])("日期 as %s", (_n, value, iso) => {
    const r = read([HEADER, [value, "休", null]]);
    expect(problemsOf(r)).toEqual([]);
    expect(r.rows?.[0]?.date).toBe(iso);
  });

  it.each<[string, string, "休" | "班"]>([
    ["休", "休", "休"],
    ["班", "班", "班"],
    ["放假", "放假", "休"],
    ["补班 with spaces", " 补 班 ", "班"],
    ["休（春节）", "休（春节）", "休"],
  ])("类型 %s", (_n, value, kind) => {
    expect(read([HEADER, ["2027-02-08", value, null]]).rows?.[0]?.kind).toBe(kind);
  });

  it.each<[string, Cell, Cell, string, string, string]>([
    ["a blank 日期", null, "休", "A2", "日期", "「日期」未填写（一行填一天，如 2027-02-08）"],
    ["a 日期 of spaces", "   ", "休", "A2", "日期", "「日期」未填写（一行填一天，如 2027-02-08）"],
    ["a range of dates", "2027-02-06至2027-02-12", "休", "A2", "日期", "「日期」应为一个日期（如 2027-02-08，一行填一天），实为「2027-02-06至2027-02-12」"],
    ["a date that does not exist", "2027-02-30", "休", "A2", "日期", "「日期」应为一个日期（如 2027-02-08，一行填一天），实为「2027-02-30」"],
    ["the number 20270230", 20270230, "休", "A2", "日期", "「日期」应为一个日期（如 2027-02-08，一行填一天），实为「20270230」"],
    ["TRUE", true, "休", "A2", "日期", "「日期」应为一个日期（如 2027-02-08，一行填一天），实为「true」"],
    ["a year before 1990", "1989-12-31", "休", "A2", "日期", "「日期」1989-12-31 的年份不在 1990–2100 之内，请核对（实为「1989-12-31」）"],
    ["a year after 2100", "2101-01-01", "休", "A2", "日期", "「日期」2101-01-01 的年份不在 1990–2100 之内，请核对（实为「2101-01-01」）"],
    ["a small number read as a serial (1900)", 45, "休", "A2", "日期", "「日期」1900-02-14 的年份不在 1990–2100 之内，请核对（实为「45」）"],
    ["a blank 类型", "2027-02-08", null, "B2", "类型", "「类型」未填写，应为 休（放假）或 班（调休上班）"],
    ["a 类型 in other words", "2027-02-08", "调休", "B2", "类型", "「类型」应为 休（放假）或 班（调休上班），实为「调休」"],
    ["a 类型 as a number", "2027-02-08", 1, "B2", "类型", "「类型」应为 休（放假）或 班（调休上班），实为「1」"],
  ])("refuses %s, naming the cell", (_n, date, kind, cell, indicator, message) => {
    const r = read([HEADER, [date, kind, "春节"]]);
    expect(problemsOf(r)).toEqual([["error", "bad-value", "节假日安排", cell, indicator, message]]);
    expect(r.unreadable).toEqual([`节假日安排!${cell}`]);
    expect(r.rows).toEqual([]);
  });

  it("the years 1990 and 2100 themselves are accepted", () => {
    expect(read([HEADER, ["1990-01-01", "休"], ["2100-12-31", "班"]]).rows?.map((x) => x.date)).toEqual(["1990-01-01", "2100-12-31"]);
  });

  it("both cells bad: both named, 日期 first", () => {
    const r = read([HEADER, ["二月八日", "调休", null]]);
    expect(r.problems.map((p) => p.cell)).toEqual(["A2", "B2"]);
    expect(r.unreadable).toEqual(["节假日安排!A2", "节假日安排!B2"]);
  });

  it("a bad row is left out; the rows around it are read and located by their own rows", () => {
    const r = read([HEADER, ["2027-02-08", "休", " 春节 "], ["2027-02-30", "休", null], [null, null, "备注行"], [], ["2027-02-13", "班", 2027]]);
    expect(r.rows).toEqual([
      { date: "2027-02-08", kind: "休", note: "春节" },
      { date: "2027-02-13", kind: "班", note: "2027" },
    ]);
    expect(r.locate("holidays[1].date")).toEqual({ sheet: "节假日安排", cell: "A6", indicator: "日期" });
    expect(r.locate("holidays[0].note")).toEqual({ sheet: "节假日安排", cell: "C2", indicator: "说明" });
    expect(r.locate("holidays[2].date")).toBeNull();
    expect(r.locate("holidays[0].other")).toBeNull();
    expect(r.locate("events[0].date")).toBeNull();
    expect(r.locate("xholidays[0].date")).toBeNull();
    expect(r.locate("holidays[0].datex")).toBeNull();
  });

  it("rows above the header are not days", () => {
    const r = read([["2027-01-01", "休"], HEADER, ["2027-02-08", "休"]]);
    expect(r.rows).toEqual([{ date: "2027-02-08", kind: "休", note: "" }]);
  });

  it("a 说明 outside the known columns does not make a row", () => {
    const r = read([HEADER, [null, null, null, "旁注"]]);
    expect(r).toMatchObject({ rows: [], problems: [] });
  });

  it("without a 日期 column, rows are not read even when the 类型 cells hold values", () => {
    const r = read([["类型", "说明"], ["休", "x"], ["班", "y"]]);
    expect(r.rows).toEqual([]);
    expect(r.unreadable).toEqual([]);
  });
});

describe("the edges", () => {
  it("no sheet: rows null, no problem, nothing located", () => {
    const r = readHolidaySheet({ sheets: [sheet("其他", [HEADER, ["2027-02-08", "休"]])] });
    expect([r.rows, r.problems, r.unreadable, r.locate("holidays"), r.locate("holidays[0].date")]).toEqual([null, [], [], null, null]);
  });

  it.each<[string, Cell, string]>([
    ["19000101 (the first 8-digit date read as one)", 19000101, "「日期」1900-01-01 的年份不在 1990–2100 之内，请核对（实为「19000101」）"],
    ["29991231 (the last)", 29991231, "「日期」2999-12-31 的年份不在 1990–2100 之内，请核对（实为「29991231」）"],
    ["20270208 in a date-formatted cell (a serial no calendar has)", { v: 20270208, f: "yyyy-mm-dd" }, "「日期」应为一个日期（如 2027-02-08，一行填一天），实为「20270208」"],
    ["30000101 (past the 8-digit range, and no serial)", 30000101, "「日期」应为一个日期（如 2027-02-08，一行填一天），实为「30000101」"],
  ])("日期 %s", (_n, value, message) => {
    expect(problemsOf(read([HEADER, [value, "休"]]))).toEqual([["error", "bad-value", "节假日安排", "A2", "日期", message]]);
  });

  it("rows from the eleventh on are located too", () => {
    const rows: Cell[][] = [HEADER, ...Array.from({ length: 12 }, (_x, i): Cell[] => [`2027-03-${String(i + 1).padStart(2, "0")}`, "休"])];
    const r = read(rows);
    expect(r.locate("holidays[10].date")).toEqual({ sheet: "节假日安排", cell: "A12", indicator: "日期" });
    expect(r.locate("holidays[11].kind")).toEqual({ sheet: "节假日安排", cell: "B13", indicator: "类型" });
  });

  it("a second header row below is data (refused), the first one is the header", () => {
    const r = read([HEADER, ["2027-02-08", "休"], HEADER]);
    expect(r.rows).toHaveLength(1);
    expect(r.problems.map((p) => [p.code, p.cell])).toEqual([
      ["bad-value", "A3"],
      ["bad-value", "B3"],
    ]);
  });

  it("a data row whose 说明 is a header's name is still data", () => {
    const r = read([HEADER, ["2027-02-08", "休", "说明"], ["2027-02-13", "班", "备注"]]);
    expect(r.rows?.map((x) => x.note)).toEqual(["说明", "备注"]);
  });

  it("the English words", () => {
    const en = (rows: Cell[][]) => read(rows).problems.map((p) => p.messageEn);
    expect([
      ...en([HEADER, [null, "休"]]),
      ...en([HEADER, ["x", "休"]]),
      ...en([HEADER, ["1989-01-01", "休"]]),
      ...en([HEADER, ["2027-02-08", null]]),
      ...en([HEADER, ["2027-02-08", "x"]]),
      ...en([["日期", "类型", "date"]]),
      ...en([["类型"]]),
      ...en([["x"]]),
    ]).toEqual([
      "日期 (date) is blank (one day a row, e.g. 2027-02-08)",
      '日期 must be one date (e.g. 2027-02-08, one day a row), got "x"',
      '日期 1989-01-01 is not in 1990–2100: check it (got "1989-01-01")',
      "类型 (type) is blank: it must be 休 (day off) or 班 (make-up working day)",
      '类型 must be 休 (day off) or 班 (make-up working day), got "x"',
      'sheet "节假日安排" has two "日期" columns (A1 and C1)',
      'sheet "节假日安排": the header (row 1) has no "日期" column',
      'sheet "节假日安排" has no header row (expected: 日期, 类型)',
    ]);
  });
});
