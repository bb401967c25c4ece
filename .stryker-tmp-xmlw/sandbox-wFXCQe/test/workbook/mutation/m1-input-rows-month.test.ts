/**
 * Issue 17: the pane's month form (src/workbook/drafts/input-rows.ts) on small in-memory snapshots
 * (no ExcelJS round trip, so each Stryker mutant run stays quick): a month loaded from 指标录入,
 * 加减分事件 and 报告提交; checked with the reader's and the engine's exact words at their field;
 * placed at its workbook cell; planned into exact cells; every refusal with its message, sheet and
 * cell. Written from Stryker's survivors.
 */
// @ts-nocheck

import { EXAMPLE_2025_10 } from "../../../src/domain/example";
import { INDICATOR_FIELDS } from "../../../src/domain";
import { draftChanged, draftProblemCell, emptyIndicatorTexts, loadMonthDraft, MonthDraft, newEvent, newReport, parseMonthDraft, planMonthDraft, PlanResult, validateMonthDraft } from "../../../src/workbook/drafts/input-rows";
import { a1 } from "../../../src/workbook/model";
import { isoToSerial } from "../../../src/workbook/read/grid";
import type { Cell } from "../../fixtures/sheet-rows";
import { book, example, colOf, IND_HEADER, replaceSheet, writesOf } from "./book";

const EVENT_HEADER: Cell[] = ["考核月份", "类型", "级别", "事项编号", "事项说明", "佐证材料", "经查属实", "乙方报送"];
const REPORT_HEADER: Cell[] = ["报告类型", "报告期", "提交日期", "延期已获批"];
const refusals = (r: PlanResult) => {
  if (r.ok) throw new Error("planned");
  return r.problems;
};

describe("loading a month", () => {
  it("indicators as the cells show them, the month's events and the reports due in it, each with its row", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    expect(d.month).toBe("2025-10");
    expect(d.indicators).toEqual({
      headcount: "9",
      rulesFollowed: "是",
      reportsOnTime: "是",
      changed: "2",
      trainingLapses: "0",
      answerRank: "7",
      answer15sRank: "4",
      centresRanked: "31",
      calls: "",
      answered: "",
      manualAnswered: "",
      answered15s: "",
      verySatisfied: "900",
      satisfied: "40",
      neutral: "20",
      dissatisfied: "30",
      veryDissatisfied: "20",
      excludedBad: "10",
      ticketsSampled: "100",
      ticketsPassed: "85",
      examSat: "9",
      complaints: "1",
      fraud: "0",
    });
    expect(d.events).toEqual(EXAMPLE_2025_10.events.map(({ month: _m, ...e }, i) => ({ row: i + 2, ...e })));
    expect(d.reports).toEqual([{ row: 2, kind: "月报", period: "2025-09", submitted: "2025-10-13", extensionApproved: false }]);
    expect(d.origin).toEqual({ indicators: d.indicators, events: d.events, reports: d.reports });
    expect(d.origin.indicators).not.toBe(d.indicators);
    expect(d.origin.events[0]).not.toBe(d.events[0]);
    expect(d.origin.reports[0]).not.toBe(d.reports[0]);
    expect(draftChanged(d)).toBe(false);
    expect(draftChanged({ ...d, indicators: { ...d.indicators, fraud: "1" } })).toBe(true);
    expect(draftChanged({ ...d, events: [] })).toBe(true);
    expect(draftChanged({ ...d, reports: [] })).toBe(true);
  });

  it("yes/no cells read as 是/否 whatever word was typed, an unreadable one as typed; text trimmed", () => {
    const row: Cell[] = ["2025-10", ...INDICATOR_FIELDS.map((): Cell => null)];
    row[colOf("rulesFollowed") - 1] = "Y";
    row[colOf("reportsOnTime") - 1] = "×";
    row[colOf("headcount") - 1] = " 九 ";
    row[colOf("changed") - 1] = 2.5;
    const wb = book([], {});
    const d = loadMonthDraft(replaceSheet(wb, "指标录入", [IND_HEADER, row]), "2025-10");
    expect(d.indicators).toMatchObject({ rulesFollowed: "是", reportsOnTime: "否", headcount: "九", changed: "2.5", fraud: "" });
    const maybe = [...row];
    maybe[colOf("rulesFollowed") - 1] = " 也许 ";
    expect(loadMonthDraft(replaceSheet(wb, "指标录入", [IND_HEADER, maybe]), "2025-10").indicators.rulesFollowed).toBe("也许");
  });

  it("a month with no row: blank indicators, no events; no 指标录入 at all likewise", () => {
    const wb = book([], example());
    expect(loadMonthDraft(wb, "2025-12").indicators).toEqual(emptyIndicatorTexts());
    expect(Object.values(emptyIndicatorTexts()).every((v) => v === "")).toBe(true);
    expect(Object.keys(emptyIndicatorTexts())).toEqual(INDICATOR_FIELDS.map((f) => f.key));
    expect(loadMonthDraft(wb, "2025-12").events).toEqual([]);
    expect(loadMonthDraft(replaceSheet(wb, "指标录入", null), "2025-10").indicators).toEqual(emptyIndicatorTexts());
  });

  it("reports: those due in the month and those whose kind or period cannot be read; an unreadable date as typed", () => {
    const wb = replaceSheet(book([], {}), "报告提交", [
      REPORT_HEADER,
      ["月报", "2025-09", "2025-10-13", "否"],
      ["月报", "2025-08", "2025-09-12", "否"],
      ["周报", "2025-09", null, null],
      ["季报", "2025Q3", " 下周 ", "是"],
      ["月报", "2025年13月", null, null],
    ]);
    const d = loadMonthDraft(wb, "2025-10");
    expect(d.reports).toEqual([
      { row: 2, kind: "月报", period: "2025-09", submitted: "2025-10-13", extensionApproved: false },
      { row: 4, kind: "周报", period: "2025-09", submitted: "", extensionApproved: null },
      { row: 5, kind: "季报", period: "2025Q3", submitted: "下周", extensionApproved: true },
      { row: 6, kind: "月报", period: "2025年13月", submitted: "", extensionApproved: null },
    ]);
  });

  it("a template's prefilled month row (title rows above the header): found by its 考核月份 however written", () => {
    const rows: Cell[][] = [["指标录入（每月一行）"], [], IND_HEADER, ["2025年11月"], [202512], [{ v: isoToSerial("2026-01-01"), f: "yyyy-mm-dd" }], [2026.02]];
    const wb = replaceSheet(book([], {}), "指标录入", rows);
    const fill = (month: string) => {
      const d = loadMonthDraft(wb, month);
      return writesOf(planMonthDraft(wb, { ...d, indicators: { ...d.indicators, fraud: "0" } }))["指标录入"];
    };
    expect(fill("2025-11")).toEqual([{ address: a1(4, colOf("fraud")), value: 0 }]);
    expect(fill("2025-12")).toEqual([{ address: a1(5, colOf("fraud")), value: 0 }]);
    expect(fill("2026-01")).toEqual([{ address: a1(6, colOf("fraud")), value: 0 }]);
    // 2026.02 is not a month the reader takes: a new row below the last one
    expect(fill("2026-02")).toEqual([
      { address: "A8", value: "2026-02" },
      { address: a1(8, colOf("fraud")), value: 0 },
    ]);
    // a 考核月份 above the header is not a data row
    const above = replaceSheet(book([], {}), "指标录入", [["2025年11月"], IND_HEADER]);
    const d = loadMonthDraft(above, "2025-11");
    expect(writesOf(planMonthDraft(above, { ...d, indicators: { ...d.indicators, fraud: "0" } }))["指标录入"]).toEqual([
      { address: "A3", value: "2025-11" },
      { address: a1(3, colOf("fraud")), value: 0 },
    ]);
  });
});

describe("checking a draft", () => {
  const draft = () => loadMonthDraft(book([], example()), "2025-10");

  it("the reader's and the engine's problems at their field, errors first; an unreadable value is not reported blank too", () => {
    const d = draft();
    const bad: MonthDraft = { ...d, indicators: { ...d.indicators, headcount: "abc", changed: "-1" }, events: [{ ...(d.events[0] as MonthDraft["events"][number]), level: "天上" }, ...d.events.slice(1)] };
    expect(validateMonthDraft(bad)).toEqual([
      { severity: "error", code: "bad-value", message: "「团队人数」应为数字，实为「abc」", messageEn: '"团队人数" must be a number, got "abc"', target: { kind: "indicator", key: "headcount" } },
      { severity: "error", code: "negative", message: "「变动人数」不能为负数，实为 -1", messageEn: '"people changed" cannot be negative, got -1', target: { kind: "indicator", key: "changed" } },
      { severity: "error", code: "bad-level", message: "加分事件的级别「天上」应为 群众 / 市级及以上", messageEn: 'bonus level "天上" must be one of 群众, 市级及以上', target: { kind: "event", index: 0, key: "level" } },
      {
        severity: "warning",
        code: "report-not-recorded",
        message: "2025年10月应交的季报(2025Q3)（2025-10-15 截止）未在「报告提交」登记，未扣分；如确未提交，请登记一行并留空提交日期",
        messageEn: "季报 2025Q3 due 2025-10-15 is not recorded in 报告提交: not deducted; if it was not submitted, add a row with no date",
        target: { kind: "month" },
      },
      {
        severity: "warning",
        code: "bonus-kept-at-zero",
        message: "加分事项 BY-2025-102「群众电话表扬（无录音）」无佐证材料，按合同「佐证材料不充分、不完整，或经核查不属实的不加分」，计 0 分",
        messageEn: "bonus BY-2025-102 scored 0: no evidence",
        target: { kind: "event", index: 1, key: "evidence" },
      },
    ]);
  });

  it("a blank indicator is the engine's missing value; a report's unreadable date is at the report's field", () => {
    const d = draft();
    const problems = validateMonthDraft({ ...d, indicators: { ...d.indicators, headcount: "" }, reports: [{ ...(d.reports[0] as MonthDraft["reports"][number]), submitted: "下周" }] });
    expect(problems.filter((p) => p.severity === "error").map((p) => [p.code, p.target])).toEqual([
      ["bad-value", { kind: "report", index: 0, key: "submitted" }],
      ["missing", { kind: "indicator", key: "headcount" }],
    ]);
    expect(problems.find((p) => p.code === "bad-value")?.message).toContain("下周");
  });

  it("parseMonthDraft: typed values, each entry's index in the draft, unreadable fields by key", () => {
    const d = draft();
    const p = parseMonthDraft({ ...d, events: [newEvent("penalty"), ...d.events], indicators: { ...d.indicators, headcount: "x" }, reports: [{ ...(d.reports[0] as MonthDraft["reports"][number]), submitted: "下周" }] });
    expect(p.indicators?.headcount).toBeNull();
    expect(p.indicators?.changed).toBe(2);
    expect(p.events.map((e) => [e.index, e.event.matterId])).toEqual([
      [0, ""],
      [1, "BY-2025-101"],
      [2, "BY-2025-102"],
    ]);
    expect(p.reports.map((r) => [r.index, r.report.period])).toEqual([[0, "2025-09"]]);
    expect([...p.unreadable].sort()).toEqual(["indicator:headcount", "report:0:submitted"]);
    expect(newEvent("penalty")).toEqual({ row: null, type: "penalty", level: "", matterId: "", description: "", evidence: null, verified: null, reported: null });
    expect(newEvent()).toMatchObject({ type: "bonus", level: "群众" });
    const blank = parseMonthDraft({ ...d, indicators: emptyIndicatorTexts(), events: [], reports: [] });
    expect(blank).toEqual({ indicators: null, events: [], reports: [], problems: [], unreadable: new Set() });
  });
});

describe("the workbook cell of a draft problem", () => {
  it("an indicator at its month's row and column; an event's or report's field at its row; null where there is no row", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    expect(draftProblemCell(wb, d, { kind: "indicator", key: "changed" })).toEqual({ sheet: "指标录入", cell: a1(2, colOf("changed")), indicator: "变动人数" });
    expect(draftProblemCell(wb, d, { kind: "event", index: 1, key: "level" })).toEqual({ sheet: "加减分事件", cell: "C3", indicator: "级别" });
    expect(draftProblemCell(wb, d, { kind: "report", index: 0, key: "submitted" })).toEqual({ sheet: "报告提交", cell: "C2", indicator: "提交日期" });
    expect(draftProblemCell(wb, d, { kind: "report", index: 3, key: "submitted" })).toEqual({ sheet: "报告提交", cell: null, indicator: "提交日期" });
    expect(draftProblemCell(wb, d, { kind: "event", index: 0, key: "备注" })).toEqual({ sheet: "加减分事件", cell: null, indicator: "备注" });
    expect(draftProblemCell(wb, { ...d, events: [newEvent()] }, { kind: "event", index: 0, key: "level" })).toEqual({ sheet: "加减分事件", cell: null, indicator: "级别" });
    expect(draftProblemCell(wb, d, { kind: "month" })).toBeNull();
    const other = loadMonthDraft(wb, "2025-11");
    expect(draftProblemCell(wb, other, { kind: "indicator", key: "fraud" })).toEqual({ sheet: "指标录入", cell: null, indicator: "弄虚作假次数" });
  });

  it("a sheet with no rows yet: its header's columns; no sheet: null", () => {
    const wb = book([], {});
    const d = loadMonthDraft(wb, "2025-10");
    const withRow = { ...d, events: [{ ...newEvent(), row: 7 }] };
    expect(draftProblemCell(wb, withRow, { kind: "event", index: 0, key: "matterId" })).toEqual({ sheet: "加减分事件", cell: "D7", indicator: "事项编号" });
    expect(draftProblemCell(replaceSheet(wb, "加减分事件", null), withRow, { kind: "event", index: 0, key: "matterId" })).toBeNull();
    expect(draftProblemCell(replaceSheet(wb, "指标录入", null), d, { kind: "indicator", key: "fraud" })).toBeNull();
  });
});

describe("planning a month", () => {
  it("only the changed indicator cells of the month's row: a number as a number, yes/no as 是/否, blank as null", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    const r = planMonthDraft(wb, { ...d, indicators: { ...d.indicators, headcount: " 10 ", rulesFollowed: "n", calls: "", complaints: "" } });
    expect(r).toEqual({
      ok: true,
      plan: {
        cellWrites: [
          {
            sheet: "指标录入",
            writes: [
              { address: a1(2, colOf("headcount")), value: 10 },
              { address: a1(2, colOf("rulesFollowed")), value: "否" },
              { address: a1(2, colOf("complaints")), value: null },
            ],
          },
        ],
        sheets: [],
      },
      changed: 3,
    });
    // "Y" for 是 is a changed text: written back as 是
    expect(writesOf(planMonthDraft(wb, { ...d, indicators: { ...d.indicators, reportsOnTime: "Y" } }))["指标录入"]).toEqual([{ address: a1(2, colOf("reportsOnTime")), value: "是" }]);
  });

  it("a new month at the first empty row: its 考核月份 and every filled indicator; yes as 是", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-11");
    const w = writesOf(planMonthDraft(wb, { ...d, indicators: { ...d.indicators, headcount: "8", rulesFollowed: "是" } }));
    expect(w["指标录入"]).toEqual([
      { address: "A3", value: "2025-11" },
      { address: a1(3, colOf("headcount")), value: 8 },
      { address: a1(3, colOf("rulesFollowed")), value: "是" },
    ]);
  });

  it("refuses while the draft has a reader error, with the reader's words and no place", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    expect(refusals(planMonthDraft(wb, { ...d, indicators: { ...d.indicators, headcount: "abc" } }))).toEqual([{ message: "「团队人数」应为数字，实为「abc」", messageEn: '"团队人数" must be a number, got "abc"', sheet: null, cell: null }]);
    // an engine error alone (a negative count the reader reads) does not stop a save
    expect(planMonthDraft(wb, { ...d, indicators: { ...d.indicators, changed: "-1" } }).ok).toBe(true);
  });

  it("refuses a change to a sheet the workbook lacks, naming it", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    const gone = replaceSheet(replaceSheet(wb, "指标录入", null), "报告提交", null);
    expect(refusals(planMonthDraft(gone, { ...d, indicators: { ...d.indicators, headcount: "10" }, reports: [{ ...(d.reports[0] as MonthDraft["reports"][number]), submitted: "2025-10-14" }] }))).toEqual([
      { message: "工作簿中没有「指标录入」工作表，无法保存", messageEn: 'the workbook has no "指标录入" sheet: cannot save', sheet: "指标录入", cell: null },
      { message: "工作簿中没有「报告提交」工作表，无法保存", messageEn: 'the workbook has no "报告提交" sheet: cannot save', sheet: "报告提交", cell: null },
    ]);
    // nothing changed in a missing sheet: nothing refused
    expect(planMonthDraft(replaceSheet(wb, "加减分事件", null), { ...d, indicators: { ...d.indicators, headcount: "10" } }).ok).toBe(true);
  });

  it("refuses a value whose column the sheet lacks, naming the sheet and the header", () => {
    const wb = replaceSheet(book([], {}), "指标录入", [["考核月份", "团队人数"], ["2025-10", 9]]);
    const d = loadMonthDraft(wb, "2025-10");
    expect(refusals(planMonthDraft(wb, { ...d, indicators: { ...d.indicators, fraud: "1" } }))).toEqual([
      { message: "工作表「指标录入」没有「弄虚作假次数」列，无法保存该值", messageEn: 'sheet "指标录入" has no "弄虚作假次数" column: cannot save that value', sheet: "指标录入", cell: null },
    ]);
    const noMonth = replaceSheet(book([], {}), "指标录入", [["团队人数"]]);
    const n = loadMonthDraft(noMonth, "2025-10");
    expect(refusals(planMonthDraft(noMonth, { ...n, indicators: { ...n.indicators, headcount: "9" } }))).toEqual([
      { message: "工作表「指标录入」没有「考核月份」列，无法保存该值", messageEn: 'sheet "指标录入" has no "考核月份" column: cannot save that value', sheet: "指标录入", cell: null },
    ]);
  });

  it("events: an edited field in its cell, a new event at the next empty row, a deleted one's known columns blanked", () => {
    const wb = replaceSheet(book([], example()), "加减分事件", [
      [...EVENT_HEADER, "备注"],
      ["2025-10", "加分", "群众", "BY-1", "甲", "有", "是", "是", "留"],
      ["2025-10", "加分", "群众", "BY-2", "乙", "有", "是", "是"],
      [],
      ["2025-09", "扣分", "市级及以下", "KF-9", "丙", null, "是", null],
    ]);
    const d = loadMonthDraft(wb, "2025-10");
    expect(d.events.map((e) => e.row)).toEqual([2, 3]);
    const [one, two] = d.events as [MonthDraft["events"][number], MonthDraft["events"][number]];
    const edited: MonthDraft = {
      ...d,
      events: [
        { ...two, description: " 乙改 ", evidence: false, reported: null },
        { ...newEvent("penalty"), level: "省级", matterId: "KF-1", description: "  ", verified: true },
      ],
    };
    expect(one.row).toBe(2);
    expect(writesOf(planMonthDraft(wb, edited))["加减分事件"]).toEqual([
      { address: "E3", value: "乙改" },
      { address: "F3", value: "无" },
      { address: "H3", value: null },
      { address: "A4", value: "2025-10" },
      { address: "B4", value: "扣分" },
      { address: "C4", value: "省级" },
      { address: "D4", value: "KF-1" },
      { address: "G4", value: "是" },
      { address: "A2", value: null },
      { address: "B2", value: null },
      { address: "C2", value: null },
      { address: "D2", value: null },
      { address: "E2", value: null },
      { address: "F2", value: null },
      { address: "G2", value: null },
      { address: "H2", value: null },
    ]);
  });

  it("a new event on a sheet without 乙方报送: the column is not needed while the value is blank, and refused when given", () => {
    const wb = replaceSheet(book([], {}), "加减分事件", [EVENT_HEADER.slice(0, 7)]);
    const d = loadMonthDraft(wb, "2025-10");
    const ev = { ...newEvent(), matterId: "BY-9", evidence: true, verified: true };
    expect(writesOf(planMonthDraft(wb, { ...d, events: [ev] }))["加减分事件"]).toEqual([
      { address: "A2", value: "2025-10" },
      { address: "B2", value: "加分" },
      { address: "C2", value: "群众" },
      { address: "D2", value: "BY-9" },
      { address: "F2", value: "有" },
      { address: "G2", value: "是" },
    ]);
    expect(refusals(planMonthDraft(wb, { ...d, events: [{ ...ev, reported: true }] }))).toEqual([
      { message: "工作表「加减分事件」没有「乙方报送」列，无法保存该值", messageEn: 'sheet "加减分事件" has no "乙方报送" column: cannot save that value', sheet: "加减分事件", cell: null },
    ]);
  });

  it("an edited or deleted row that changed in the workbook since loading is refused, naming the row and its first column", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    const moved = replaceSheet(wb, "加减分事件", [EVENT_HEADER, ["2025-10", "加分", "群众", "BY-2025-101", "改了", "有", "是", "是"]]);
    const edited: MonthDraft = { ...d, events: [{ ...(d.events[0] as MonthDraft["events"][number]), level: "市级及以上" }] };
    expect(refusals(planMonthDraft(moved, edited))).toEqual([
      {
        message: "工作表「加减分事件」第 2 行（事件 BY-2025-101）在载入后已被修改或移动，未保存；请重新载入本月后再编辑",
        messageEn: 'sheet "加减分事件" row 2 (事件 BY-2025-101) changed in the workbook since it was loaded: not saved; reload the month and edit again',
        sheet: "加减分事件",
        cell: "A2",
      },
      {
        message: "工作表「加减分事件」第 3 行（事件 BY-2025-102）在载入后已被修改或移动，未保存；请重新载入本月后再编辑",
        messageEn: 'sheet "加减分事件" row 3 (事件 BY-2025-102) changed in the workbook since it was loaded: not saved; reload the month and edit again',
        sheet: "加减分事件",
        cell: "A3",
      },
    ]);
    // an event without a 事项编号 is labelled 事件 alone; a report by its kind and period
    const plain = replaceSheet(wb, "加减分事件", [EVENT_HEADER, ["2025-10", "加分", "群众", null, "甲"]]);
    const p = loadMonthDraft(plain, "2025-10");
    const changedMeanwhile = replaceSheet(plain, "加减分事件", [EVENT_HEADER, ["2025-10", "加分", "群众", null, "乙"]]);
    expect(refusals(planMonthDraft(changedMeanwhile, { ...p, events: [] }))[0]?.message).toBe("工作表「加减分事件」第 2 行（事件）在载入后已被修改或移动，未保存；请重新载入本月后再编辑");
    const rep = replaceSheet(wb, "报告提交", [REPORT_HEADER, ["月报", "2025-09", "2025-10-14", "否"]]);
    expect(refusals(planMonthDraft(rep, { ...d, reports: [{ ...(d.reports[0] as MonthDraft["reports"][number]), submitted: "2025-10-10" }] }))).toEqual([
      {
        message: "工作表「报告提交」第 2 行（月报 2025-09）在载入后已被修改或移动，未保存；请重新载入本月后再编辑",
        messageEn: 'sheet "报告提交" row 2 (月报 2025-09) changed in the workbook since it was loaded: not saved; reload the month and edit again',
        sheet: "报告提交",
        cell: "A2",
      },
    ]);
  });

  it("reports: a date written as a date serial in yyyy-mm-dd; a new report at the first empty row; an unchanged draft writes nothing", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    expect(planMonthDraft(wb, d)).toEqual({ ok: true, plan: { cellWrites: [], sheets: [] }, changed: 0 });
    const q = { ...newReport("2025-10"), kind: "季报", period: "2025Q3", submitted: "2025年10月15日", extensionApproved: false };
    expect(newReport("2025-10")).toEqual({ row: null, kind: "月报", period: "2025-09", submitted: "", extensionApproved: null });
    const r = planMonthDraft(wb, { ...d, reports: [{ ...(d.reports[0] as MonthDraft["reports"][number]), submitted: "", extensionApproved: true }, q] });
    expect(writesOf(r)["报告提交"]).toEqual([
      { address: "C2", value: null },
      { address: "D2", value: "是" },
      { address: "A3", value: "季报" },
      { address: "B3", value: "2025Q3" },
      { address: "C3", value: isoToSerial("2025-10-15"), numberFormat: "yyyy-mm-dd" },
      { address: "D3", value: "否" },
    ]);
    expect(r).toMatchObject({ changed: 6 });
  });
});
