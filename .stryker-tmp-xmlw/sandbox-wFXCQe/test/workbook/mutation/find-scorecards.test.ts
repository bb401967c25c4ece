/**
 * Issue 17: the monthly scorecard finder (src/workbook/read/find-scorecards.ts) read from small
 * snapshots, cell by cell: the header row, each item's row and owned cells, where the month and
 * the total come from, and every refusal with its sheet, cell, indicator and exact zh-CN / English
 * message. Written from Stryker's survivors over that file.
 */
// @ts-nocheck

import { SCORECARD_ITEMS } from "../../../src/domain";
import type { MergedRange, SheetSnapshot, WorkbookSnapshot } from "../../../src/workbook/model";
import { findScorecards } from "../../../src/workbook/read/find-scorecards";
import { type Cell, sheet } from "../../fixtures/sheet-rows";

const HEADER: Cell[] = ["序号", "考核项目", "考核指标", "满分", "评分细则", "X月完成情况", "单项得分"];
const itemRows = (skip: number[] = []): Cell[][] =>
  SCORECARD_ITEMS.filter((i) => !skip.includes(i.no)).map((i): Cell[] => [i.no, i.section, i.indicator, i.max, "细则", null, null]);

interface Opts {
  name?: string;
  title?: Cell[];
  monthRow?: Cell[];
  header?: Cell[];
  items?: Cell[][];
  after?: Cell[][];
  merges?: MergedRange[];
  mergesUnknown?: boolean;
  protected?: boolean;
  index?: number;
}

/** Row 1 title, row 2 考核月份 B2 / 考核得分 D2 (total to E2), row 3 header, rows 4–17 the items. */
function card(o: Opts = {}): SheetSnapshot {
  const rows: Cell[][] = [o.title ?? ["12367 热线考核表"], o.monthRow ?? ["考核月份", "2025年10月", null, "考核得分", null], o.header ?? HEADER, ...(o.items ?? itemRows()), ...(o.after ?? [])];
  const s = sheet(o.name ?? "Sheet1", rows, o.index ?? 0);
  return { ...s, merges: o.merges ?? [], ...(o.mergesUnknown ? { mergesUnknown: true } : {}), ...(o.protected ? { protected: true } : {}) };
}
const find = (...sheets: SheetSnapshot[]) => findScorecards({ sheets } as WorkbookSnapshot);
const probs = (r: ReturnType<typeof findScorecards>) => r.problems.map((p) => [p.severity, p.code, p.sheet, p.cell, p.indicator, p.message]);
const probsEn = (r: ReturnType<typeof findScorecards>) => r.problems.map((p) => [p.code, p.messageEn, p.month]);

describe("the names, worked out once (this runs first: the names and each text's role are memoised)", () => {
  it("a 考核指标-only header, a 考核项目-only header, 满分(分), and 满(分)分 that is no 满分", () => {
    const byItem = SCORECARD_ITEMS.map((i): Cell[] => [i.no, i.indicator, i.max, null, null]);
    const r = find(
      card({ name: "A", header: ["序号", "考核指标", "满分(分)", "X月完成情况", "单项得分"], items: byItem }),
      card({ name: "B", index: 1, header: ["序号", "考核项目", "满分", "X月完成情况", "单项得分"], items: byItem, monthRow: ["考核月份：2025年11月", null, null, "考核得分", null] }),
      card({ name: "C", index: 2, header: ["序号", "考核项目", "满(分)分", "X月完成情况", "单项得分"], items: byItem }),
    );
    expect(r.problems).toEqual([]);
    expect(r.scorecards.map((c) => [c.sheet, c.month, c.columns])).toEqual([
      ["A", "2025-10", { summary: 4, score: 5, indicator: 2, max: 3 }],
      ["B", "2025-11", { summary: 4, score: 5, indicator: null, max: 3 }],
    ]);
  });
});

describe("the plain layout", () => {
  it("is read whole: the header, the month cell, the total cell and each item's owned cells", () => {
    const r = find(card({ name: "十月", index: 3, protected: true }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards).toEqual([
      {
        sheet: "十月",
        sheetIndex: 3,
        month: "2025-10",
        monthFrom: { kind: "cell", cell: "B2" },
        headerRow: 3,
        columns: { summary: 6, score: 7, indicator: 3, max: 4 },
        items: SCORECARD_ITEMS.map((i) => ({ no: i.no, row: i.no + 3, scoreCell: `G${i.no + 3}`, summaryCell: `F${i.no + 3}` })),
        totalLabelCell: "D2",
        totalCell: "E2",
        protected: true,
      },
    ]);
  });

  it("an unprotected sheet says so; a sheet without the header is no scorecard", () => {
    const r = find(sheet("说明", [["序号", "满分", "单项得分"], [1, 10, 5]]), card({ index: 1 }));
    expect(r.scorecards.map((c) => [c.sheet, c.sheetIndex, c.protected])).toEqual([["Sheet1", 1, false]]);
  });

  it.each<[string, Cell[], { summary: number | null; score: number; indicator: number | null; max: number }]>([
    ["满分(分) and 单项得分（分）", ["序号", "考核项目", "考核指标", "满分(分)", "评分细则", "X月完成情况", "单项得分（分）"], { summary: 6, score: 7, indicator: 3, max: 4 }],
    ["10月完成情况", ["序号", "考核项目", "考核指标", "满分", "评分细则", "10月完成情况", "单项得分"], { summary: 6, score: 7, indicator: 3, max: 4 }],
    ["十月完成情况", ["序号", "考核项目", "考核指标", "满分", "评分细则", "十月完成情况", "单项得分"], { summary: 6, score: 7, indicator: 3, max: 4 }],
    ["十二月完成情况", ["序号", "考核项目", "考核指标", "满分", "评分细则", "十二月完成情况", "单项得分"], { summary: 6, score: 7, indicator: 3, max: 4 }],
    ["完成情况", ["序号", "考核项目", "考核指标", "满分", "评分细则", "完成情况", "单项得分"], { summary: 6, score: 7, indicator: 3, max: 4 }],
    ["the first summary column of two", ["序号", "考核项目", "考核指标", "满分", "完成情况", "X月完成情况", "单项得分"], { summary: 5, score: 7, indicator: 3, max: 4 }],
    ["the first 满分 of two", ["序号", "考核项目", "考核指标", "满分", "满分", "X月完成情况", "单项得分"], { summary: 6, score: 7, indicator: 3, max: 4 }],
  ])("header: %s", (_n, header, columns) => {
    const r = find(card({ header }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.columns).toEqual(columns);
  });

  it.each<[string, string]>([
    ["2025年10月完成情况 (a year is not a month)", "2025年10月完成情况"],
    ["完成情况说明 (more after)", "完成情况说明"],
    ["本月完成情况 (more before)", "本月完成情况"],
    ["123月完成情况 (three digits)", "123月完成情况"],
    ["十一十二月完成情况 (four numerals)", "十一十二月完成情况"],
  ])("not a summary header: %s", (_n, text) => {
    const r = find(card({ header: ["序号", "考核项目", "考核指标", "满分", "评分细则", text, "单项得分"] }));
    expect(r.scorecards[0]?.columns.summary).toBeNull();
    expect(probs(r)).toEqual([["warning", "no-summary-column", "Sheet1", "G3", "X月完成情况", "工作表「Sheet1」没有「X月完成情况」列，完成情况未写入"]]);
    expect(r.problems[0]?.messageEn).toBe('sheet "Sheet1" has no X月完成情况 column: the summaries are not written');
    expect(r.scorecards[0]?.items[0]).toEqual({ no: 1, row: 4, scoreCell: "G4", summaryCell: null });
  });

  it.each<[string, Cell[]]>([
    ["no 序号", ["编号", "考核项目", "考核指标", "满分", "评分细则", "X月完成情况", "单项得分"]],
    ["no 满分", ["序号", "考核项目", "考核指标", "分值", "评分细则", "X月完成情况", "单项得分"]],
    ["no 单项得分", ["序号", "考核项目", "考核指标", "满分", "评分细则", "X月完成情况", "得分"]],
    ["neither 考核项目 nor 考核指标", ["序号", "项目", "指标", "满分", "评分细则", "X月完成情况", "单项得分"]],
  ])("no header row: %s", (_n, header) => {
    expect(find(card({ header }))).toEqual({ scorecards: [], problems: [] });
  });

  it("a header with 考核项目 and no 考核指标 column finds the items by any text cell left of 单项得分", () => {
    const items = SCORECARD_ITEMS.map((i): Cell[] => [i.no, i.indicator, i.max, null, null]);
    const r = find(card({ header: ["序号", "考核项目", "满分", "X月完成情况", "单项得分"], items }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.columns).toEqual({ summary: 4, score: 5, indicator: null, max: 3 });
    expect(r.scorecards[0]?.items[13]).toEqual({ no: 14, row: 17, scoreCell: "E17", summaryCell: "D17" });
  });

  it("with a 考核指标 column, an item named elsewhere in the row is still found (客户有效投诉 one column right)", () => {
    const items = itemRows().map((row, i) => (i === 12 ? [13, "附加项", null, "客户有效投诉", null, null, null] : row));
    const r = find(card({ items }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.items[12]).toEqual({ no: 13, row: 16, scoreCell: "G16", summaryCell: "F16" });
  });

  it("text in the 单项得分 column, right of it or in the summary column names no item", () => {
    const blank = (no: number): Cell[] => [no, null, null, null, null, null, null];
    const items = itemRows().map((row, i) => (i === 0 ? [1, null, null, 10, null, null, "队伍建设"] : i === 1 ? [2, null, null, 10, null, null, null, "管理制度"] : i === 2 ? [3, null, null, 10, null, "项目人员月流动率", null] : row));
    const r = find(card({ items: [...items, blank(99)] }));
    expect(probs(r).map((p) => p.slice(0, 5))).toEqual([
      ["error", "missing-row", "Sheet1", null, "队伍建设"],
      ["error", "missing-row", "Sheet1", null, "管理制度与能力"],
      ["error", "missing-row", "Sheet1", null, "项目人员月流动率"],
    ]);
    expect(r.scorecards).toEqual([]);
  });

  it("an item named by an alias, in full width, or with a trailing bracket is found", () => {
    const items = itemRows().map((row, i) => (i === 1 ? [2, "综合管理", "管理制度", 10, null, null, null] : i === 5 ? [6, "服务能力", "来电接通率（名次）", 15, null, null, null] : i === 6 ? [7, "服务能力", "来电 15 秒内接通率", 15] : row));
    const r = find(card({ items }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.items.map((i) => i.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  it("rows above the header naming an item are not items", () => {
    const r = find(card({ title: ["队伍建设"] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.items[0]?.row).toBe(4);
  });
});

describe("missing and duplicated rows", () => {
  it("a missing item is an error naming the header row and the item (no cell)", () => {
    const r = find(card({ items: itemRows([9]) }));
    expect(probs(r)).toEqual([["error", "missing-row", "Sheet1", null, "工单质检准确率", "工作表「Sheet1」像是月度考核表（表头在第 3 行），但缺少第 9 项「工单质检准确率」所在的行"]]);
    expect(probsEn(r)).toEqual([["missing-row", 'sheet "Sheet1" looks like a monthly scorecard (header on row 3) but has no row for item 9 "Ticket quality checks" (工单质检准确率)', undefined]]);
    expect(r.scorecards).toEqual([]);
  });

  it("an item on two rows is an error at the second row's 考核指标 cell, naming both rows", () => {
    const r = find(card({ after: [[15, "综合管理", "数据分析", 5]] }));
    expect(probs(r)).toEqual([["error", "duplicate-row", "Sheet1", "C18", "数据分析", "工作表「Sheet1」第 7、18 行都是第 4 项「数据分析」，无法确定写入哪一行"]]);
    expect(probsEn(r)).toEqual([["duplicate-row", 'sheet "Sheet1": rows 7, 18 are all item 4 (Data analysis reports); cannot tell which to write', undefined]]);
    expect(r.scorecards).toEqual([]);
  });

  it("without a 考核指标 column the duplicate is at the 序号 column", () => {
    const items = SCORECARD_ITEMS.map((i): Cell[] => [i.no, i.indicator, i.max, null, null]);
    const r = find(card({ header: ["序号", "考核项目", "满分", "X月完成情况", "单项得分"], items, after: [[15, "数据分析"]] }));
    expect(probs(r).map((p) => p.slice(0, 5))).toEqual([["error", "duplicate-row", "Sheet1", "A18", "数据分析"]]);
  });
});

describe("the month", () => {
  it.each<[string, Cell[], string, string | null]>([
    ["one cell 考核月份：2025年10月", ["考核月份：2025年10月", null, null, "考核得分", null], "2025-10", "A2"],
    ["one cell 考核月份:2025-09", ["考核月份:2025-09", null, null, "考核得分", null], "2025-09", "A2"],
    ["a date serial with a date format", ["考核月份", { v: 45931, f: "yyyy-mm-dd" }, null, "考核得分", null], "2025-10", "B2"],
    ["202510 as a number", ["考核月份", 202510, null, "考核得分", null], "2025-10", "B2"],
    ["2025.10 as text", ["考核月份", "2025.10", null, "考核得分", null], "2025-10", "B2"],
  ])("from the 考核月份 cell: %s", (_n, monthRow, month, cell) => {
    const r = find(card({ monthRow }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.month).toBe(month);
    expect(r.scorecards[0]?.monthFrom).toEqual({ kind: "cell", cell });
  });

  it("the label right of a merged 考核月份 is read right of the merge", () => {
    const r = find(card({ monthRow: ["考核月份", null, "2025年11月", "考核得分", null], merges: [{ top: 2, left: 1, bottom: 2, right: 2 }] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.monthFrom).toEqual({ kind: "cell", cell: "C2" });
    expect(r.scorecards[0]?.month).toBe("2025-11");
  });

  it.each<[string, Cell, string]>([
    ["text that is no month", "十月份", "十月份"],
    ["a number that is no month", 12345, "12345"],
    ["a fraction", 202510.5, "202510.5"],
    ["a date serial out of range", { v: 99999999, f: "yyyy-mm-dd" }, "99999999"],
    ["TRUE", true, "true"],
  ])("a bad month cell is an error at the cell: %s", (_n, value, shown) => {
    const r = find(card({ name: "2025年10月", monthRow: ["考核月份", value, null, "考核得分", null] }));
    expect(probs(r)).toEqual([["error", "bad-month", "2025年10月", "B2", "考核月份", `工作表「2025年10月」的考核月份「${shown}」无法识别（例：2025年10月、2025-10）`]]);
    expect(r.problems[0]?.messageEn).toBe(`sheet "2025年10月": month "${shown}" is not a month (e.g. 2025年10月, 2025-10)`);
    // not taken from the sheet name nor from a title, and no second "no month" error
    expect(r.scorecards).toEqual([]);
  });

  it("a bad month in the label cell itself is an error at the label", () => {
    const r = find(card({ monthRow: ["考核月份：十月", null, null, "考核得分", null], title: ["2025年10月考核表"] }));
    expect(probs(r)).toEqual([["error", "bad-month", "Sheet1", "A2", "考核月份", "工作表「Sheet1」的考核月份「十月」无法识别（例：2025年10月、2025-10）"]]);
  });

  it.each<[string, Cell[]]>([
    ["a blank cell", ["考核月份", null, null, "考核得分", null]],
    ["spaces", ["考核月份", "   ", null, "考核得分", null]],
    ["the next label", ["考核月份", "考核得分：", null, null, null]],
  ])("the month cell holds %s: the month comes from the sheet name", (_n, monthRow) => {
    const r = find(card({ name: "2025年12月", monthRow, after: monthRow[1] === "考核得分：" ? [[null, null, null, "考核得分", null]] : [] }));
    expect(r.scorecards[0]?.month).toBe("2025-12");
    expect(r.scorecards[0]?.monthFrom).toEqual({ kind: "sheet-name", cell: null });
  });

  it("the month cell wins over the sheet name, with a warning naming both", () => {
    const r = find(card({ name: "2025年9月" }));
    expect(probs(r)).toEqual([["warning", "month-name-differs", "2025年9月", "B2", "考核月份", "工作表「2025年9月」的考核月份为 2025年10月，与工作表名称中的 2025年9月 不一致，按考核月份单元格计"]]);
    expect(probsEn(r)).toEqual([["month-name-differs", 'sheet "2025年9月": the month cell says 2025-10, the sheet name 2025-09; the cell is used', "2025-10"]]);
    expect(r.scorecards[0]?.month).toBe("2025-10");
  });

  it("the same month in the name and the cell: no warning", () => {
    const r = find(card({ name: "2025-10" }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.monthFrom).toEqual({ kind: "cell", cell: "B2" });
  });

  it("the 考核月份 label above the table is used, not a note below it", () => {
    const r = find(card({ after: [["考核月份说明：按自然月"]], monthRow: [null, null, null, "考核得分", null], title: ["考核月份", "2025年8月"] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.monthFrom).toEqual({ kind: "cell", cell: "B1" });
    expect(r.scorecards[0]?.month).toBe("2025-08");
  });

  it("a 考核月份 label only below the table is still read", () => {
    const r = find(card({ after: [["考核月份", "2025年7月"]], monthRow: [null, null, null, "考核得分", null] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.monthFrom).toEqual({ kind: "cell", cell: "B18" });
  });

  it("from a title above the header holding 考核 and a month", () => {
    const r = find(card({ title: ["说明", "2025年3月", "附件二 2025年6月考核表"], monthRow: [null, null, null, "考核得分", null] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.month).toBe("2025-06");
    expect(r.scorecards[0]?.monthFrom).toEqual({ kind: "title", cell: "C1" });
  });

  it("a 考核 title below the header is no month", () => {
    const r = find(card({ title: ["热线"], monthRow: [null, null, null, "考核得分", null], after: [["2025年6月考核说明"]] }));
    expect(probs(r)).toEqual([["error", "no-month", "Sheet1", null, "考核月份", "工作表「Sheet1」是月度考核表，但找不到考核月份：请在「考核月份」旁填写（如 2025年10月），或把工作表命名为月份（如 2025年10月）"]]);
    expect(r.problems[0]?.messageEn).toBe('sheet "Sheet1" is a monthly scorecard but its month cannot be found: fill in 考核月份 (e.g. 2025年10月) or name the sheet after the month');
  });

  it("no month anywhere, with a blank 考核月份 cell: the error is at the label", () => {
    const r = find(card({ monthRow: ["考核月份", null, null, "考核得分", null] }));
    expect(probs(r).map((p) => p.slice(0, 5))).toEqual([["error", "no-month", "Sheet1", "A2", "考核月份"]]);
    expect(r.scorecards).toEqual([]);
  });
});

describe("the total cell", () => {
  it("no 考核得分 label: an error, no cell", () => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月"] }));
    expect(probs(r)).toEqual([["error", "no-total-cell", "Sheet1", null, "考核得分", "工作表「Sheet1」找不到「考核得分」标签，无法写入考核得分"]]);
    expect(r.problems[0]?.messageEn).toBe('sheet "Sheet1": no 考核得分 label, so the monthly total has nowhere to go');
    expect(r.scorecards).toEqual([]);
  });

  it("a 考核得分 header cell is not the label", () => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月"], header: [...HEADER, "考核得分"] }));
    expect(r.problems.map((p) => p.code)).toEqual(["no-total-cell"]);
  });

  it.each<[string, Cell]>([
    ["a number", 93.25],
    ["a signed number as text", " -5 "],
    ["+3.5 as text", "+3.5"],
    ["spaces", "  "],
  ])("the cell right of the label holding %s is written over", (_n, value) => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月", null, "考核得分", value] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.totalCell).toBe("E2");
  });

  it("a formula cell is written over whatever it shows", () => {
    const s = card({ monthRow: ["考核月份", "2025年10月", null, "考核得分", "合计"] });
    const cells = s.cells.map((c) => (c.row === 2 && c.col === 5 ? { ...c, formula: "SUM(G4:G17)" } : c));
    const r = find({ ...s, cells });
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.totalCell).toBe("E2");
  });

  it.each<[string, Cell, string]>([
    ["text", "见附表", "见附表"],
    ["a number with text", "93分", "93分"],
    ["a number with a trailing dot", "93.", "93."],
    ["two signs", "--5", "--5"],
    ["TRUE", true, "true"],
  ])("the cell right of the label holding %s is not overwritten", (_n, value, shown) => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月", null, "考核得分", value] }));
    expect(probs(r)).toEqual([["error", "total-cell-taken", "Sheet1", "E2", "考核得分", `工作表「Sheet1」「考核得分」右侧的单元格 E2 已有内容「${shown}」，为免覆盖，未写入；请在标签右侧留一个空白单元格`]]);
    expect(r.problems[0]?.messageEn).toBe(`sheet "Sheet1": the cell right of 考核得分 (E2) holds "${shown}"; it is not overwritten — leave a blank cell right of the label`);
    expect(r.scorecards).toEqual([]);
  });

  it("text after the label in its own cell: a warning, the total right of it", () => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月", null, "考核得分：（满分100）", null] }));
    expect(probs(r)).toEqual([["warning", "total-label-text", "Sheet1", "D2", "考核得分", "「考核得分」标签单元格中另有文字「(满分100)」，未改动；考核得分写在 E2"]]);
    expect(r.problems[0]?.messageEn).toBe('the 考核得分 label cell also holds "(满分100)"; it is left as is and the total is written to E2');
    expect(r.scorecards[0]?.totalCell).toBe("E2");
  });

  it("a 考核得分 row just below the last item, left of 单项得分, writes to the 单项得分 column", () => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月"], after: [[null, "考核得分", null, null, null, null, null]] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.totalCell).toBe("G18");
    expect(r.scorecards[0]?.totalLabelCell).toBe("B18");
  });

  it("a 考核得分 row merged across the 单项得分 column writes to the merge's first cell", () => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月"], after: [[null, "考核得分"]], merges: [{ top: 18, left: 6, bottom: 18, right: 7 }] }));
    expect(r.scorecards[0]?.totalCell).toBe("F18");
  });

  it("a 考核得分 label two rows below the last item is not in the table: written right of it", () => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月"], after: [[], [null, "考核得分", null]] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.totalCell).toBe("C19");
  });

  it("a 考核得分 label in the 单项得分 column below the table is written right of it", () => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月"], after: [[null, null, null, null, null, null, "考核得分"]] }));
    expect(r.scorecards[0]?.totalCell).toBe("H18");
  });
});

describe("merges Excel could not read (below ExcelApi 1.13)", () => {
  it("a blank cell right of 考核得分 with a value beyond it: refused", () => {
    const r = find(card({ mergesUnknown: true, monthRow: ["考核月份", "2025年10月", null, "考核得分", null, null, null, 88] }));
    expect(probs(r)).toEqual([
      [
        "error",
        "merges-unknown",
        "Sheet1",
        "D2",
        "考核得分",
        "工作表「Sheet1」：此版本的 Excel 无法读取合并单元格（需要 ExcelApi 1.13），「考核得分」标签在 D2，其右侧单元格为空，而 H2 有内容：无法确定「考核得分」标签是否与右侧单元格合并、其内容是否在 H2。为免读错或写错单元格，未处理此表。请取消该标签的合并并把内容填在标签右侧紧邻的单元格，或在 Excel 2021 及更新版本、网页版 Excel 中使用",
      ],
    ]);
    expect(r.problems[0]?.messageEn).toBe(
      'sheet "Sheet1": this Excel cannot read merged cells (needs ExcelApi 1.13); the 考核得分 label is at D2 and the cell right of it is blank and H2 holds a value: whether the label is merged with the cells to its right, its value then in H2, cannot be told. The sheet is not used, rather than read or write the wrong cell. Unmerge the label and put its value in the cell right next to it, or use Excel 2021 or later, or Excel on the web',
    );
    expect(r.scorecards).toEqual([]);
  });

  it("a value five columns right is beyond the look-ahead; a blank cell not above 单项得分 is then refused", () => {
    const r = find(card({ mergesUnknown: true, monthRow: ["考核月份", "2025年10月", null, "考核得分", null, null, null, null, null, 88] }));
    expect(probs(r)).toEqual([
      [
        "error",
        "merges-unknown",
        "Sheet1",
        "D2",
        "考核得分",
        "工作表「Sheet1」：此版本的 Excel 无法读取合并单元格（需要 ExcelApi 1.13），「考核得分」标签在 D2，其右侧的 E2 为空且不在单项得分列上方：无法确定「考核得分」标签是否与之合并。为免读错或写错单元格，未处理此表。请取消该标签的合并并把内容填在标签右侧紧邻的单元格，或在 Excel 2021 及更新版本、网页版 Excel 中使用",
      ],
    ]);
    expect(r.problems[0]?.messageEn).toContain("the 考核得分 label is at D2 and E2 right of it is blank and not above the 单项得分 column: whether the label is merged with it cannot be told.");
  });

  it("a next label (ending in a colon) beyond the blank cell is no value", () => {
    const r = find(card({ mergesUnknown: true, monthRow: ["考核月份", "2025年10月", null, null, null, "考核得分", null, "填表人：", "张三"] }));
    expect(probs(r)).toEqual([
      ["warning", "merges-unknown-total", "Sheet1", "G2", "考核得分", "此版本的 Excel 无法读取合并单元格：考核得分将写在「考核得分」标签（F2）右侧、单项得分列上方的 G2。如该标签与 G2 合并，写入的分数将不可见，请先取消该合并"],
    ]);
    expect(r.problems[0]?.messageEn).toBe(
      "this Excel cannot read merged cells: the total goes to G2, right of the 考核得分 label (F2) above the 单项得分 column. If the label is merged with G2, the score written would not show: unmerge it first",
    );
    expect(r.scorecards[0]?.totalCell).toBe("G2");
  });

  it("a filled cell right of the label is read as it is, with no warning", () => {
    const r = find(card({ mergesUnknown: true, monthRow: ["考核月份", "2025年10月", null, "考核得分", 0] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.totalCell).toBe("E2");
  });

  it("an in-table 考核得分 row is not affected", () => {
    const r = find(card({ mergesUnknown: true, monthRow: ["考核月份", "2025年10月"], after: [[null, "考核得分"]] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.totalCell).toBe("G18");
  });

  it("a blank month cell with a month beyond it: refused at the 考核月份 label", () => {
    const r = find(card({ name: "2025年10月", mergesUnknown: true, monthRow: ["考核月份", null, " ", "2025年10月", null, "考核得分", 0] }));
    expect(probs(r)).toEqual([
      [
        "error",
        "merges-unknown",
        "2025年10月",
        "A2",
        "考核月份",
        "工作表「2025年10月」：此版本的 Excel 无法读取合并单元格（需要 ExcelApi 1.13），「考核月份」标签在 A2，其右侧单元格为空，而 D2 有内容：无法确定「考核月份」标签是否与右侧单元格合并、其内容是否在 D2。为免读错或写错单元格，未处理此表。请取消该标签的合并并把内容填在标签右侧紧邻的单元格，或在 Excel 2021 及更新版本、网页版 Excel 中使用",
      ],
    ]);
  });

  it("a blank month cell with nothing beyond it is not refused (the sheet name gives the month)", () => {
    const r = find(card({ name: "2025年10月", mergesUnknown: true, monthRow: ["考核月份", null, null, null, null, null, null, "考核得分", 0] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.monthFrom).toEqual({ kind: "sheet-name", cell: null });
  });

  it("with merges known, the same blank month cell is not looked beyond", () => {
    const r = find(card({ name: "2025年10月", monthRow: ["考核月份", null, "2025年10月", null, null, "考核得分", 0] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.monthFrom.kind).toBe("sheet-name");
  });
});

describe("owned cells that cannot be written", () => {
  it("a 单项得分 cell merged into the cell left of it: refused, naming the merge's first cell", () => {
    const r = find(card({ merges: [{ top: 8, left: 6, bottom: 8, right: 7 }] }));
    expect(probs(r)).toEqual([["error", "merged-into-owned", "Sheet1", "F8", "培训与文化建设 单项得分", "工作表「Sheet1」第 8 行「培训与文化建设」的单项得分单元格与左侧的 F8 合并在一起，写入会覆盖其中的内容；请取消该合并"]]);
    expect(r.problems[0]?.messageEn).toBe('sheet "Sheet1" row 8 (培训与文化建设): the 单项得分 cell is merged with F8 to its left; writing would overwrite it — unmerge it');
    expect(r.scorecards).toEqual([]);
  });

  it("a 完成情况 cell merged into the 评分细则 cell: refused", () => {
    const r = find(card({ merges: [{ top: 4, left: 5, bottom: 4, right: 6 }] }));
    expect(probs(r).map((p) => p.slice(0, 5))).toEqual([["error", "merged-into-owned", "Sheet1", "E4", "队伍建设 完成情况"]]);
    expect(r.problems[0]?.message).toBe("工作表「Sheet1」第 4 行「队伍建设」的完成情况单元格与左侧的 E4 合并在一起，写入会覆盖其中的内容；请取消该合并");
  });

  it("a vertical 单项得分 merge over two items: the second item shares the first's cell", () => {
    const r = find(card({ merges: [{ top: 14, left: 7, bottom: 15, right: 7 }] }));
    expect(probs(r)).toEqual([["error", "shared-cell", "Sheet1", "G14", "扣分项 单项得分", "工作表「Sheet1」的单元格 G14 同时是「加分项 单项得分」和「扣分项 单项得分」的写入位置（合并单元格跨了两项），无法分别写入"]]);
    expect(r.problems[0]?.messageEn).toBe('sheet "Sheet1": cell G14 is where both "加分项 单项得分" and "扣分项 单项得分" go (a merge spans two items)');
    expect(r.scorecards).toEqual([]);
  });

  it("a vertical 完成情况 merge over two items is refused too", () => {
    const r = find(card({ merges: [{ top: 4, left: 6, bottom: 5, right: 6 }] }));
    expect(probs(r).map((p) => p.slice(0, 5))).toEqual([["error", "shared-cell", "Sheet1", "F4", "管理制度与能力 完成情况"]]);
  });

  it("an in-table total merged with an item's 单项得分 cell is refused", () => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月"], after: [[null, "考核得分"]], merges: [{ top: 17, left: 7, bottom: 18, right: 7 }] }));
    expect(probs(r).map((p) => p.slice(0, 5))).toEqual([["error", "shared-cell", "Sheet1", "G17", "考核得分"]]);
    expect(r.problems[0]?.message).toBe("工作表「Sheet1」的单元格 G17 同时是「弄虚作假 单项得分」和「考核得分」的写入位置（合并单元格跨了两项），无法分别写入");
  });
});

describe("two scorecards", () => {
  it("for one month: the second is an error naming both, the first is kept", () => {
    const r = find(card({ name: "A" }), card({ name: "B", index: 1 }));
    expect(r.scorecards.map((c) => c.sheet)).toEqual(["A"]);
    expect(probs(r)).toEqual([["error", "duplicate-scorecard", "B", "B2", "考核月份", "工作表「A」和「B」都是 2025年10月 的考核表，请删除或改正其中一张"]]);
    expect(probsEn(r)).toEqual([["duplicate-scorecard", 'sheets "A" and "B" are both the 2025-10 scorecard; remove or correct one', "2025-10"]]);
  });

  it("for two months: both found, in sheet order; a sheet with an error is left out but the others are kept", () => {
    const r = find(card({ name: "A" }), card({ name: "B", index: 1, monthRow: ["考核月份", "2025年11月", null, "考核得分", null] }), card({ name: "C", index: 2, items: itemRows([1]) }));
    expect(r.scorecards.map((c) => [c.sheet, c.month])).toEqual([["A", "2025-10"], ["B", "2025-11"]]);
    expect(r.problems.map((p) => [p.sheet, p.code])).toEqual([["C", "missing-row"]]);
  });

  it("warnings alone do not leave a sheet out", () => {
    const r = find(card({ header: ["序号", "考核项目", "考核指标", "满分", "评分细则", "说明", "单项得分"] }));
    expect(r.problems.map((p) => p.severity)).toEqual(["warning"]);
    expect(r.scorecards).toHaveLength(1);
  });
});

describe("more boundaries", () => {
  it("a value exactly four columns right of the blank cell is still looked at", () => {
    const r = find(card({ mergesUnknown: true, monthRow: ["考核月份", "2025年10月", null, "考核得分", null, null, null, null, 88] }));
    expect(probs(r).map((p) => p.slice(0, 4))).toEqual([["error", "merges-unknown", "Sheet1", "D2"]]);
    expect(r.problems[0]?.message).toContain("而 I2 有内容");
  });

  it.each<[string, Cell, boolean]>([
    ["a colon inside a value is no label", "备注：见附件", true],
    ["a label with a trailing space is a label", "填表人： ", false],
  ])("beyond a blank cell: %s", (_n, value, refused) => {
    const r = find(card({ mergesUnknown: true, monthRow: ["考核月份", "2025年10月", null, null, null, "考核得分", null, value] }));
    expect(r.problems.map((p) => p.code)).toEqual(refused ? ["merges-unknown"] : ["merges-unknown-total"]);
  });

  it.each<[string, Cell]>([
    ["93 as text", "93"],
    ["93.25 as text", "93.25"],
  ])("a total cell holding %s is written over", (_n, value) => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月", null, "考核得分", value] }));
    expect(r.problems).toEqual([]);
  });

  it("a colon inside the label's extra text is kept in the warning", () => {
    const r = find(card({ monthRow: ["考核月份", "2025年10月", null, "考核得分(满分：100)", null] }));
    expect(r.problems.map((p) => p.message)).toEqual(["「考核得分」标签单元格中另有文字「(满分:100)」，未改动；考核得分写在 E2"]);
  });

  it("an item name in the header row does not make the header row an item", () => {
    const r = find(card({ header: ["序号", "考核项目", "考核指标", "满分", "队伍建设", "X月完成情况", "单项得分"] }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.items[0]?.row).toBe(4);
  });

  it("the 考核指标 column is read first: another item's alias in the 考核项目 column does not count", () => {
    const items = itemRows().map((row, i) => (i === 0 ? [1, "扣分", "队伍建设", 10, null, null, null] : row));
    const r = find(card({ items }));
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.items.map((i) => i.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  it.each<[string, Cell, string | null]>([
    ["a time with a colon is read as the month", "时间：2025年10月", "2025-10"],
    ["the next label with a trailing space holds no month", "考核得分： ", null],
  ])("the month cell: %s", (_n, value, month) => {
    const r = find(card({ monthRow: ["考核月份", value, null, "考核得分", null], after: value === "考核得分： " ? [[null, "考核得分"]] : [] }));
    expect(r.scorecards[0]?.month ?? null).toBe(month);
  });

  it("the 考核月份 label above the table wins even when a note below is listed first", () => {
    const s = card({ after: [["考核月份说明：按自然月"]] });
    const r = find({ ...s, cells: [...s.cells].reverse() });
    expect(r.problems).toEqual([]);
    expect(r.scorecards[0]?.monthFrom).toEqual({ kind: "cell", cell: "B2" });
  });
});
