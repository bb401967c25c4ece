/**
 * Issue 17: the smaller rules of src/workbook/drafts/input-rows.ts — reports the calendar cannot
 * date, the end of 添加报告's search, entry places, where a sheet's header is when it has no data row
 * yet, blank cells typed as spaces, a penalty checked as a penalty — each with exact values. Written
 * from Stryker's survivors.
 */
// @ts-nocheck

import { addMonths } from "../../../src/domain";
import { entryPlace, loadMonthDraft, MonthDraft, newEvent, nextReport, planMonthDraft, reportDue, reportDueMonth, validateMonthDraft } from "../../../src/workbook/drafts/input-rows";
import { a1, type WorkbookSnapshot } from "../../../src/workbook/model";
import { readInputs } from "../../../src/workbook/read/read-inputs";
import type { Cell } from "../../fixtures/sheet-rows";
import { book, example, colOf, IND_HEADER, replaceSheet, writesOf } from "./book";

const fill = (wb: WorkbookSnapshot, month: string, key: string, value: string) => {
  const d = loadMonthDraft(wb, month);
  return writesOf(planMonthDraft(wb, { ...d, indicators: { ...d.indicators, [key]: value } }))["指标录入"];
};

describe("reports the calendar cannot date", () => {
  it("reportDue and reportDueMonth give null outside the calendar's years, and for what cannot be read", () => {
    expect(reportDue("月报", "2099-05")).toBeNull();
    expect(reportDueMonth("月报", "2099-05")).toBeNull();
    expect(reportDueMonth("月报", "2025-09")).toBe("2025-10");
    expect(reportDueMonth("季报", "2025Q3")).toBe("2025-10");
    expect(reportDueMonth("周报", "2025-09")).toBeNull();
    expect(reportDueMonth("月报", "九月")).toBeNull();
  });

  it("a logged report the calendar cannot date is loaded with every month's form, to be corrected", () => {
    const wb = replaceSheet(book([], {}), "报告提交", [["报告类型", "报告期", "提交日期", "延期已获批"], ["月报", "2099-05", null, null], ["月报", "2025-08", "2025-09-10", null]]);
    expect(loadMonthDraft(wb, "2025-10").reports).toEqual([{ row: 2, kind: "月报", period: "2099-05", submitted: "", extensionApproved: null }]);
  });
});

describe("nextReport: the end of the search", () => {
  const blank = { row: null, submitted: "", extensionApproved: null };
  it("after 120 months all logged, no period is proposed; one more month free, that one", () => {
    const logged = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: "月报", period: addMonths("2025-09", i) }));
    const all = [...logged(121), { kind: "季报", period: "2025Q3" }];
    expect(nextReport("2025-10", all)).toEqual({ ...blank, kind: "月报", period: "" });
    const fewer = [...logged(120), { kind: "季报", period: "2025Q3" }];
    expect(nextReport("2025-10", fewer)).toEqual({ ...blank, kind: "月报", period: addMonths("2025-09", 120) });
    // a 季报 of the same period key is another report
    expect(nextReport("2025-11", [{ kind: "季报", period: "2025-10" }])).toEqual({ ...blank, kind: "月报", period: "2025-10" });
  });
});

describe("entryPlace", () => {
  it("entry N (1-based) of each input sheet at its naming column; null for entry 0, a fraction, another sheet, an entry not read", () => {
    const inputs = readInputs(book([], { ...example(), payments: [{ number: 1, invoiceDate: "2025-01-02", paidDate: "2025-01-20" }] }));
    expect(entryPlace(inputs, "报告提交", 1)).toMatchObject({ sheet: "报告提交", cell: "B2" });
    expect(entryPlace(inputs, "加减分事件", 2)).toMatchObject({ sheet: "加减分事件", cell: "D3" });
    expect(entryPlace(inputs, "指标录入", 1)).toMatchObject({ sheet: "指标录入", cell: "A2" });
    expect(entryPlace(inputs, "付款记录", 1)).toMatchObject({ sheet: "付款记录", cell: "A2" });
    expect(entryPlace(inputs, "报告提交", 0)).toBeNull();
    expect(entryPlace(inputs, "报告提交", 1.5)).toBeNull();
    expect(entryPlace(inputs, "报告提交", 2)).toBeNull();
    expect(entryPlace(inputs, "规则设置", 1)).toBeNull();
  });
});

describe("a sheet's header when no data row was read", () => {
  it("the header under title rows, matched strictly or loosely; the row with most known names wins", () => {
    const rows: Cell[][] = [["指标录入"], ["考核月份", "说明"], ["考核月份(月)", "团队人数（人）", "弄虚作假次数 "], []];
    const wb = replaceSheet(book([], {}), "指标录入", rows);
    expect(fill(wb, "2025-11", "headcount", "9")).toEqual([
      { address: "A4", value: "2025-11" },
      { address: "B4", value: 9 },
    ]);
    expect(fill(wb, "2025-11", "fraud", "0")).toEqual([
      { address: "A4", value: "2025-11" },
      { address: "C4", value: 0 },
    ]);
  });

  it("a header name given twice: its first column; a header below row 30 is not looked for", () => {
    const wb = replaceSheet(book([], {}), "指标录入", [["考核月份", "团队人数", "团队人数"]]);
    expect(fill(wb, "2025-11", "headcount", "9")).toEqual([
      { address: "A2", value: "2025-11" },
      { address: "B2", value: 9 },
    ]);
    const deep: Cell[][] = [...Array.from({ length: 30 }, (_, i): Cell[] => [`说明 ${i + 1}`]), ["考核月份", "团队人数"]];
    const d = replaceSheet(book([], {}), "指标录入", deep);
    const draft = loadMonthDraft(d, "2025-11");
    const r = planMonthDraft(d, { ...draft, indicators: { ...draft.indicators, headcount: "9" } });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(["工作表「指标录入」没有「考核月份」列，无法保存该值", "工作表「指标录入」没有「团队人数」列，无法保存该值"]);
  });

  it("with data rows read, the columns where the reader found them and new rows below the last", () => {
    const wb = replaceSheet(book([], {}), "指标录入", [["备注"], IND_HEADER, ["2025-10", 9]]);
    expect(fill(wb, "2025-11", "headcount", "8")).toEqual([
      { address: "A4", value: "2025-11" },
      { address: "B4", value: 8 },
    ]);
    // data rows without any header row: new rows still go below them
    const headless = replaceSheet(book([], { indicators: example().indicators }), "加减分事件", [["2025-10", "加分", "群众", "BY-1", "甲", "有", "是", "是"]]);
    const d = loadMonthDraft(headless, "2025-10");
    expect(d.events).toEqual([]);
    const r = planMonthDraft(headless, { ...d, events: [{ ...newEvent(), matterId: "BY-2" }] });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(["工作表「加减分事件」没有「考核月份」列，无法保存该值", "工作表「加减分事件」没有「类型」列，无法保存该值", "工作表「加减分事件」没有「级别」列，无法保存该值", "工作表「加减分事件」没有「事项编号」列，无法保存该值"]);
  });

  it("a month's row is the reader's row for that month, not another month's", () => {
    const wb = replaceSheet(book([], {}), "指标录入", [IND_HEADER, ["2025-09", 7], ["2025-10", 9], ["2025-11", 8]]);
    expect(fill(wb, "2025-10", "headcount", "10")).toEqual([{ address: "B3", value: 10 }]);
    expect(fill(wb, "2025-09", "headcount", "10")).toEqual([{ address: "B2", value: 10 }]);
    expect(loadMonthDraft(wb, "2025-11").indicators.headcount).toBe("8");
  });
});

describe("checking: what the form holds is read as the sheet would be", () => {
  it("a value of spaces is blank (the engine's missing, not a reader error); a penalty is checked as a penalty", () => {
    const d = loadMonthDraft(book([], example()), "2025-10");
    const spaces: MonthDraft = { ...d, indicators: { ...d.indicators, headcount: "   " } };
    expect(validateMonthDraft(spaces).filter((p) => p.severity === "error").map((p) => [p.code, p.target])).toEqual([["missing", { kind: "indicator", key: "headcount" }]]);
    const penalty: MonthDraft = { ...d, events: [{ ...newEvent("penalty"), level: "省级", matterId: "KF-1", description: "投诉", verified: true }] };
    expect(validateMonthDraft(penalty).filter((p) => p.severity === "error")).toEqual([]);
    const crowd: MonthDraft = { ...d, events: [{ ...newEvent("penalty"), level: "群众", matterId: "KF-1", description: "投诉", verified: true }] };
    expect(validateMonthDraft(crowd).filter((p) => p.severity === "error").map((p) => [p.code, p.target])).toEqual([["bad-level", { kind: "event", index: 0, key: "level" }]]);
  });

  it("the month's 指标录入 row: every indicator column at its place", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    const w = writesOf(planMonthDraft(wb, { ...d, indicators: { ...d.indicators, fraud: "1", examSat: "8" } }))["指标录入"];
    expect(w).toEqual([
      { address: a1(2, colOf("examSat")), value: 8 },
      { address: a1(2, colOf("fraud")), value: 1 },
    ]);
  });
});
