/**
 * 约定调整 (SPEC §8, A11) read from a snapshot, cell by cell: the header found among the first rows
 * by its names, each way a clerk may type 考核月份, 序号 and 约定得分 read to the right value, each
 * bad cell refused with the sheet, the cell, the field and the exact zh-CN message (and the month
 * it belongs to), and `locate` turning the engine's field paths back into cells. Written from
 * Stryker's survivors over src/workbook/read/agreed-scores.ts.
 */
// @ts-nocheck

import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { AGREED_COLUMNS, AGREED_SHEET, readAgreedScores } from "../../../src/workbook/read/agreed-scores";
import { isoToSerial } from "../../../src/workbook/read/grid";
import { type Cell, sheet } from "../../fixtures/sheet-rows";


const REASON = "双方会议纪要";
const HEADER: Cell[] = ["考核月份", "序号", "约定得分", "依据"];
const book = (rows: Cell[][], name = "约定调整"): WorkbookSnapshot => ({ sheets: [sheet("指标录入", [["考核月份", "序号"], ["2025-10", 1]]), sheet(name, rows)] });
const read = (rows: Cell[][], name?: string) => readAgreedScores(book(rows, name));
const problemsOf = (r: ReturnType<typeof readAgreedScores>) => r.problems.map((p) => [p.severity, p.code, p.sheet, p.cell, p.indicator, p.message]);

describe("the sheet and its header", () => {
  it("is called 约定调整, with the columns 考核月份 | 序号 | 约定得分 | 依据", () => {
    expect(AGREED_SHEET).toBe("约定调整");
    expect(AGREED_COLUMNS.map((c) => c.header)).toEqual(["考核月份", "序号", "约定得分", "依据"]);
  });

  it("absent: not present, nothing read, nothing located", () => {
    const r = readAgreedScores({ sheets: [sheet("指标录入", [HEADER, ["2025-10", 8, 8, REASON]])] });
    expect(r).toMatchObject({ present: false, rows: [], problems: [] });
    expect(r.unreadable.size).toBe(0);
    expect(r.locate("agreedScores[0].item")).toBeNull();
  });

  it.each<[string, Cell[]]>([
    ["aliases 月份 | 项目序号 | 约定分数 | 约定依据", ["月份", "项目序号", "约定分数", "约定依据"]],
    ["aliases 考核月份 | 考核项序号 | 约定单项得分 | 理由", ["考核月份", "考核项序号", "约定单项得分", "理由"]],
    ["aliases 考核月份 | 项目 | 得分 | 说明", ["考核月份", "项目", "得分", "说明"]],
    ["spaced and with what the column holds", [" 考核 月份 ", "序号（1–10）", "约定得分（分）", "依据（双方约定理由）"]],
  ])("%s", (_n, header) => {
    const r = read([header, ["2025-10", 8, 7, REASON]]);
    expect(problemsOf(r)).toEqual([]);
    expect(r.rows).toEqual([{ month: "2025-10", item: 8, score: "7", reason: REASON }]);
    expect(r.present).toBe(true);
  });

  it("the header is the row with the most known names; a title above it with a repeated name is not a header", () => {
    const r = read([["序号", "序号"], ["考核月份"], HEADER, ["2025-10", 8, 7, REASON]]);
    expect(problemsOf(r)).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.locate("agreedScores[0].month")).toEqual({ sheet: "约定调整", cell: "A4", indicator: "考核月份" });
  });

  it("a header in row 30 is found; one in row 31 is not", () => {
    const notes = (n: number) => Array.from({ length: n }, (_x, i): Cell[] => [`备注 ${i + 1}`]);
    expect(read([...notes(29), HEADER, ["2025-10", 8, 7, REASON]]).rows).toHaveLength(1);
    const late = read([...notes(30), HEADER, ["2025-10", 8, 7, REASON]]);
    expect(late.rows).toEqual([]);
    expect(problemsOf(late)).toEqual([["error", "no-header", "约定调整", null, "考核月份、序号、约定得分、依据", "工作表「约定调整」找不到表头行（应有：考核月份、序号、约定得分、依据）"]]);
    expect(late.present).toBe(true);
    expect(late.locate("agreedScores[0].month")).toBeNull();
  });

  it("an empty sheet is present with no rows and no problem", () => {
    const r = read([]);
    expect(r).toMatchObject({ present: true, rows: [], problems: [] });
  });

  it("two 序号 columns: an error at the second, naming both; the first is read", () => {
    const r = read([["考核月份", "序号", "约定得分", "依据", "项目序号"], ["2025-10", 8, 7, REASON, 9]]);
    expect(problemsOf(r)).toEqual([["error", "duplicate-column", "约定调整", "E1", "序号", "工作表「约定调整」有两列都是「序号」（B1 与 E1）"]]);
    expect(r.rows[0]?.item).toBe(8);
  });

  it("a header without 考核月份: the column named, and no row read (a row needs its month)", () => {
    const r = read([["序号", "约定得分", "依据"], [8, 7, REASON]]);
    expect(problemsOf(r)).toEqual([["error", "missing-column", "约定调整", null, "考核月份", "工作表「约定调整」的表头（第 1 行）缺少「考核月份」列"]]);
    expect(r.rows).toEqual([]);
  });

  it("a header without 序号 and 约定得分: each column named; the row read with them blank for the engine to refuse", () => {
    const r = read([["考核月份", "依据"], ["2025-10", REASON]]);
    expect(problemsOf(r).map((p) => p[4])).toEqual(["序号", "约定得分"]);
    expect(r.rows).toEqual([{ month: "2025-10", item: null, score: null, reason: REASON }]);
    expect(r.locate("agreedScores[0].item")).toEqual({ sheet: "约定调整", cell: null, indicator: "序号" });
  });
});

describe("the cells, as typed", () => {
  const one = (row: Cell[]) => {
    const r = read([HEADER, row]);
    expect(problemsOf(r)).toEqual([]);
    return r.rows[0];
  };

  it.each<[string, Cell, string]>([
    ["a real date in a month format", { v: isoToSerial("2025-10-01"), f: "yyyy-mm" }, "2025-10"],
    ["a real date in a date format", { v: isoToSerial("2025-10-20"), f: "yyyy/m/d" }, "2025-10"],
    ["the number 202510", 202510, "2025-10"],
    ["text 2025年10月", "2025年10月", "2025-10"],
    ["text 2025.10", "2025.10", "2025-10"],
  ])("考核月份 as %s", (_n, value, month) => {
    expect(one([value, 8, 7, REASON])?.month).toBe(month);
  });

  it.each<[string, Cell, number]>([
    ["8", 8, 8],
    ["text 8", "8", 8],
    ["第8项", "第8项", 8],
    ["8项", "8项", 8],
    ["full width ８", "８", 8],
    ["8.5 (the engine refuses it)", 8.5, 8.5],
    ["12 (the engine refuses it)", 12, 12],
  ])("序号 %s", (_n, value, item) => {
    expect(one(["2025-10", value, 7, REASON])?.item).toBe(item);
  });

  it.each<[string, Cell, string]>([
    ["7.5", 7.5, "7.5"],
    ["text 7.50", "7.50", "7.5"],
    ["full width ７.５分", "７.５分", "7.5"],
    ["8分", "8分", "8"],
    ["-1 (the engine refuses it)", "-1", "-1"],
    ["+2", "+2", "2"],
    ["0", 0, "0"],
  ])("约定得分 %s", (_n, value, score) => {
    expect(one(["2025-10", 8, value, REASON])?.score).toBe(score);
  });

  it("依据 trimmed; a number kept as its text; blank is '' (the engine refuses it)", () => {
    expect(one(["2025-10", 8, 7, "  纪要  "])?.reason).toBe("纪要");
    expect(one(["2025-10", 8, 7, 20251103])?.reason).toBe("20251103");
    expect(one(["2025-10", 8, 7, null])?.reason).toBe("");
  });

  it.each<[string, Cell[], string, string, string, string | undefined]>([
    ["考核月份 as the number 2025.1", [2025.1, 8, 7, REASON], "A2", "考核月份", "「考核月份」为数字 2025.1，无法判断是哪个月；请写成文本 2025-10 或 2025年10月", undefined],
    ["考核月份 as the number 12", [12, 8, 7, REASON], "A2", "考核月份", "「考核月份」应为月份（如 2025-03 或 2025年3月），实为「12」", undefined],
    ["考核月份 as a date-formatted 0", [{ v: 0, f: "yyyy-mm" }, 8, 7, REASON], "A2", "考核月份", "「考核月份」应为月份（如 2025-03 或 2025年3月），实为「0」", undefined],
    ["考核月份 TRUE", [true, 8, 7, REASON], "A2", "考核月份", "「考核月份」应为月份（如 2025-03 或 2025年3月），实为「true」", undefined],
    ["考核月份 in words", ["十月", 8, 7, REASON], "A2", "考核月份", "「考核月份」应为月份（如 2025-03 或 2025年3月），实为「十月」", undefined],
    ["序号 in words", ["2025-10", "第八项", 7, REASON], "B2", "序号", "「序号」应为附件二第1–10项的序号（如 8），实为「第八项」", "2025-10"],
    ["序号 TRUE", ["2025-10", true, 7, REASON], "B2", "序号", "「序号」应为附件二第1–10项的序号（如 8），实为「true」", "2025-10"],
    ["序号 8a", ["2025-10", "8a", 7, REASON], "B2", "序号", "「序号」应为附件二第1–10项的序号（如 8），实为「8a」", "2025-10"],
    ["约定得分 in words", ["2025-10", 8, "七分", REASON], "C2", "约定得分", "「约定得分」应为数字（如 8 或 8.5），实为「七分」", "2025-10"],
    ["约定得分 7.5.1", ["2025-10", 8, "7.5.1", REASON], "C2", "约定得分", "「约定得分」应为数字（如 8 或 8.5），实为「7.5.1」", "2025-10"],
    ["约定得分 TRUE", ["2025-10", 8, true, REASON], "C2", "约定得分", "「约定得分」应为数字（如 8 或 8.5），实为「true」", "2025-10"],
  ])("refuses %s, naming the cell (and the row's month)", (_n, row, cell, indicator, message, month) => {
    const r = read([HEADER, row]);
    expect(problemsOf(r)).toEqual([["error", "bad-value", "约定调整", cell, indicator, message]]);
    expect(r.problems[0]?.month).toBe(month);
    expect([...r.unreadable]).toEqual([`约定调整!${cell}`]);
  });

  it("a bad 考核月份 leaves the row out; a bad 序号 or score keeps it, blank there", () => {
    const r = read([HEADER, ["十月", 8, 7, REASON], ["2025-10", "八", 7, REASON], ["2025-11", 8, "七", REASON]]);
    expect(r.rows).toEqual([
      { month: "2025-10", item: null, score: "7", reason: REASON },
      { month: "2025-11", item: 8, score: null, reason: REASON },
    ]);
    expect(r.locate("agreedScores[0].item")).toEqual({ sheet: "约定调整", cell: "B3", indicator: "序号" });
    expect(r.locate("agreedScores[1].score")).toEqual({ sheet: "约定调整", cell: "C4", indicator: "约定得分" });
  });

  it("data without a month: an error at the month cell, saying which row", () => {
    const r = read([HEADER, ["2025-10", 8, 7, REASON], [null, 9, 6, REASON]]);
    expect(problemsOf(r)).toEqual([["error", "missing", "约定调整", "A3", "考核月份", "约定调整第 3 行已填数据，但「考核月份」未填写"]]);
    expect([...r.unreadable]).toEqual(["约定调整!A3"]);
    expect(r.rows).toHaveLength(1);
  });

  it("rows with values only outside the known columns, and blank rows, are skipped", () => {
    const r = read([[...HEADER, "备注"], [null, null, null, null, "甲方张三"], ["  ", null, null, null, null], ["2025-10", 8, 7, REASON, "x"]]);
    expect(problemsOf(r)).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.locate("agreedScores[0].reason")).toEqual({ sheet: "约定调整", cell: "D4", indicator: "依据" });
  });

  it("a row with only 依据 filled is data: its month is missing", () => {
    expect(problemsOf(read([HEADER, [null, null, null, "说明文字"]]))[0]?.[1]).toBe("missing");
  });

  it("locate answers only the paths of this sheet's rows", () => {
    const r = read([HEADER, ["2025-10", 8, 7, REASON]]);
    expect(r.locate("agreedScores[0].score")).toEqual({ sheet: "约定调整", cell: "C2", indicator: "约定得分" });
    expect(r.locate("agreedScores[1].score")).toBeNull();
    expect(r.locate("agreedScores[0].other")).toBeNull();
    expect(r.locate("xagreedScores[0].score")).toBeNull();
    expect(r.locate("agreedScores[0].scorex")).toBeNull();
    expect(r.locate("holidays[0].date")).toBeNull();
  });
});

describe("the edges", () => {
  it("blank 序号 and 约定得分 cells are read as blank (the engine refuses them)", () => {
    const r = read([HEADER, ["2025-10", null, null, REASON]]);
    expect(problemsOf(r)).toEqual([]);
    expect(r.rows).toEqual([{ month: "2025-10", item: null, score: null, reason: REASON }]);
  });

  it.each<[string, Cell, number]>([
    ["10", "10", 10],
    ["第10项", "第10项", 10],
  ])("序号 %s", (_n, value, item) => {
    expect(read([HEADER, ["2025-10", value, 7, REASON]]).rows[0]?.item).toBe(item);
  });

  it.each<[string, Cell, string]>([
    ["10", "10", "10"],
    ["7.25", "7.25", "7.25"],
  ])("约定得分 %s", (_n, value, score) => {
    expect(read([HEADER, ["2025-10", 8, value, REASON]]).rows[0]?.score).toBe(score);
  });

  it.each<[string, Cell[], string]>([
    ["序号 x8", ["2025-10", "x8", 7, REASON], "B2"],
    ["约定得分 x8", ["2025-10", 8, "x8", REASON], "C2"],
    ["约定得分 8x", ["2025-10", 8, "8x", REASON], "C2"],
    ["约定得分 分8", ["2025-10", 8, "分8", REASON], "C2"],
    ["约定得分 Infinity", ["2025-10", 8, Infinity, REASON], "C2"],
    ["约定得分 NaN", ["2025-10", 8, NaN, REASON], "C2"],
  ])("refuses %s", (_n, row, cell) => {
    expect(read([HEADER, row]).problems.map((p) => [p.code, p.cell])).toEqual([["bad-value", cell]]);
  });

  it("rows from the eleventh on are located too", () => {
    const rows: Cell[][] = [HEADER, ...Array.from({ length: 11 }, (_x, i): Cell[] => ["2025-10", (i % 10) + 1, 5, REASON])];
    expect(read(rows).locate("agreedScores[10].item")).toEqual({ sheet: "约定调整", cell: "B12", indicator: "序号" });
  });

  it("a second header row below is data (its 考核月份 refused), the first one is the header", () => {
    const r = read([HEADER, ["2025-10", 8, 7, REASON], HEADER]);
    expect(r.rows).toHaveLength(1);
    expect(r.problems.map((p) => [p.code, p.cell])).toEqual([
      ["bad-value", "A3"],
      ["bad-value", "B3"],
      ["bad-value", "C3"],
    ]);
  });

  it("a data row whose 依据 is a header's name is still data", () => {
    const r = read([HEADER, ["2025-10", 8, 7, "说明"]]);
    expect(r.rows).toEqual([{ month: "2025-10", item: 8, score: "7", reason: "说明" }]);
  });

  it("the English words", () => {
    const en = (rows: Cell[][]) => read(rows).problems.map((p) => p.messageEn);
    expect([
      ...en([HEADER, ["十月", 8, 7, REASON]]),
      ...en([HEADER, [2025.1, 8, 7, REASON]]),
      ...en([HEADER, ["2025-10", "八", 7, REASON]]),
      ...en([HEADER, ["2025-10", 8, "七", REASON]]),
      ...en([HEADER, [null, 8, 7, REASON]]),
      ...en([[...HEADER, "项目序号"]]),
      ...en([["序号", "约定得分", "依据"]]),
      ...en([["x"]]),
    ]).toEqual([
      '"考核月份" must be a month (e.g. 2025-03), got "十月"',
      '"考核月份" is the number 2025.1; type it as text 2025-10',
      '"序号" must be the item number 1–10 (e.g. 8), got "八"',
      '"约定得分" must be a number (e.g. 8 or 8.5), got "七"',
      "row 2 of 约定调整 has data but no month",
      'sheet "约定调整" has two "序号" columns (B1 and E1)',
      'sheet "约定调整": the header (row 1) has no "考核月份" column',
      'sheet "约定调整" has no header row (expected: 考核月份、序号、约定得分、依据)',
    ]);
  });
});
