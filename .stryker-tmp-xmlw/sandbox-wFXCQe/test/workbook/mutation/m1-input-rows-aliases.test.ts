/**
 * Issue 17: src/workbook/drafts/input-rows.ts on sheets whose headers use the reader's aliases
 * (月份, 事件级别, 编号, 报告期间, 参数名, 取值…) behind an extra 备注 column: the columns come from
 * where the reader found each value, not from the canonical names. Plus the remaining edges Stryker
 * found: trimmed comparisons, rows that moved, exact plans (toStrictEqual). Exact cells throughout.
 */
// @ts-nocheck

import { INDICATOR_FIELDS } from "../../../src/domain";
import { RULE_SETTINGS } from "../../../src/domain/rule-settings";
import { applyPlanToSnapshot, draftProblemCell, loadMonthDraft, loadSettingsDraft, MonthDraft, newEvent, newReport, planMonthDraft, planSettingsDraft, validateMonthDraft, validateSettingsDraft } from "../../../src/workbook/drafts/input-rows";
import { a1, type WorkbookSnapshot } from "../../../src/workbook/model";
import { type Cell, sheet } from "../../fixtures/sheet-rows";
import { book, example, writesOf } from "./book";

type Ev = MonthDraft["events"][number];
type Rep = MonthDraft["reports"][number];
const IND_HEADER: Cell[] = ["备注", "月份", ...INDICATOR_FIELDS.map((f) => f.header)];
const indRow = (month: string, values: Record<string, Cell>): Cell[] => [null, month, ...INDICATOR_FIELDS.map((f) => values[f.key] ?? null)];
/** 指标录入's column of an indicator here (A = 备注, B = 月份). */
const colOf = (key: string) => INDICATOR_FIELDS.findIndex((f) => f.key === key) + 3;

function aliased(): WorkbookSnapshot {
  return {
    sheets: [
      sheet("指标录入", [IND_HEADER, indRow("2025-10", { headcount: 9, fraud: 0 })], 0),
      sheet("加减分事件", [["备注", "月份", "事件类型", "事件级别", "编号", "说明", "佐证材料", "经查属实", "乙方报送"], ["留", "2025-10", "加分", "群众", "BY-1", "甲", "有", "是", "是"]], 1),
      sheet("报告提交", [["备注", "报告类型", "报告期间", "提交日期", "延期获批"], [null, "月报", "2025-09", "2025-10-13", "否"]], 2),
      sheet("规则设置", [["参数名", "取值"], ["达标分", 95]], 3),
    ],
  };
}

describe("headers named by the reader's aliases", () => {
  it("a month's indicators, events and reports are written where the reader found them", () => {
    const wb = aliased();
    const d = loadMonthDraft(wb, "2025-10");
    expect(d.indicators.headcount).toBe("9");
    expect(d.events).toEqual([{ row: 2, type: "bonus", level: "群众", matterId: "BY-1", description: "甲", evidence: true, verified: true, reported: true }]);
    const edited: MonthDraft = {
      ...d,
      indicators: { ...d.indicators, headcount: "10" },
      events: [{ ...(d.events[0] as Ev), level: "市级及以上" }, { ...newEvent(), matterId: "BY-2", evidence: true, verified: true, reported: true }],
      reports: [...d.reports, { ...newReport("2025-10"), kind: "季报", period: "2025Q3" }],
    };
    expect(writesOf(planMonthDraft(wb, edited))).toEqual({
      指标录入: [{ address: a1(2, colOf("headcount")), value: 10 }],
      加减分事件: [
        { address: "D2", value: "市级及以上" },
        { address: "B3", value: "2025-10" },
        { address: "C3", value: "加分" },
        { address: "D3", value: "群众" },
        { address: "E3", value: "BY-2" },
        { address: "G3", value: "有" },
        { address: "H3", value: "是" },
        { address: "I3", value: "是" },
      ],
      报告提交: [
        { address: "B3", value: "季报" },
        { address: "C3", value: "2025Q3" },
      ],
    });
  });

  it("a new month goes below the last row, its 考核月份 in the 月份 column", () => {
    const wb = aliased();
    const d = loadMonthDraft(wb, "2025-11");
    expect(writesOf(planMonthDraft(wb, { ...d, indicators: { ...d.indicators, headcount: "8" } }))["指标录入"]).toEqual([
      { address: "B3", value: "2025-11" },
      { address: a1(3, colOf("headcount")), value: 8 },
    ]);
  });

  it("a problem's cell is at the aliased column", () => {
    const wb = aliased();
    const d = loadMonthDraft(wb, "2025-10");
    expect(draftProblemCell(wb, d, { kind: "event", index: 0, key: "level" })).toEqual({ sheet: "加减分事件", cell: "D2", indicator: "级别" });
    expect(draftProblemCell(wb, d, { kind: "report", index: 0, key: "period" })).toEqual({ sheet: "报告提交", cell: "C2", indicator: "报告期" });
    expect(draftProblemCell(wb, d, { kind: "indicator", key: "headcount" })).toEqual({ sheet: "指标录入", cell: a1(2, colOf("headcount")), indicator: "团队人数" });
  });

  it("an event changed meanwhile is refused at its 考核月份 cell (column B here)", () => {
    const wb = aliased();
    const d = loadMonthDraft(wb, "2025-10");
    const meanwhile: WorkbookSnapshot = { sheets: wb.sheets.map((s) => (s.name === "加减分事件" ? sheet(s.name, [["备注", "月份", "事件类型", "事件级别", "编号", "说明"], ["留", "2025-10", "加分", "群众", "BY-1", "乙"]], 1) : s)) };
    const r = planMonthDraft(meanwhile, { ...d, events: [{ ...(d.events[0] as Ev), level: "市级及以上" }] });
    expect(r.ok ? [] : r.problems.map((p) => [p.sheet, p.cell])).toEqual([["加减分事件", "B2"]]);
  });

  it("规则设置 with 参数名 | 取值: a value in place, a new parameter on a new row in those columns", () => {
    const wb = aliased();
    const s = loadSettingsDraft(wb);
    expect(s.values["达标分"]).toBe("95");
    const r = planSettingsDraft(wb, { ...s, values: { ...s.values, 达标分: "90", 总分封顶100: "是" } });
    expect(writesOf(r)["规则设置"]).toEqual([
      { address: "B2", value: 90 },
      { address: "A3", value: "总分封顶100" },
      { address: "B3", value: "是" },
    ]);
  });
});

describe("edges", () => {
  it("a change of spaces only writes nothing (indicators, events, reports, settings)", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    const spaced: MonthDraft = {
      ...d,
      indicators: { ...d.indicators, headcount: " 9 " },
      events: d.events.map((e) => ({ ...e, level: ` ${e.level} `, matterId: ` ${e.matterId} `, description: ` ${e.description} ` })),
      reports: d.reports.map((r) => ({ ...r, kind: ` ${r.kind} `, period: ` ${r.period} `, submitted: ` ${r.submitted} ` })),
    };
    expect(planMonthDraft(wb, spaced)).toStrictEqual({ ok: true, plan: { cellWrites: [], sheets: [] }, changed: 0 });
    const s = loadSettingsDraft(aliased());
    expect(planSettingsDraft(aliased(), { ...s, values: { ...s.values, 达标分: " 95 " } })).toStrictEqual({ ok: true, plan: { cellWrites: [], sheets: [] }, changed: 0 });
  });

  it("only events changed: a workbook without 指标录入 still saves them", () => {
    const wb: WorkbookSnapshot = { sheets: book([], example()).sheets.filter((s) => s.name !== "指标录入") };
    const d = loadMonthDraft(wb, "2025-10");
    const r = planMonthDraft(wb, { ...d, events: [{ ...(d.events[0] as Ev), description: "改" }, ...d.events.slice(1)] });
    expect(r).toStrictEqual({ ok: true, plan: { cellWrites: [{ sheet: "加减分事件", writes: [{ address: "E2", value: "改" }] }], sheets: [] }, changed: 1 });
  });

  it("a month whose row went meanwhile is written whole on a new row; blank (spaces) values are left out", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    const gone: WorkbookSnapshot = { sheets: wb.sheets.map((s) => (s.name === "指标录入" ? sheet(s.name, [["考核月份", ...INDICATOR_FIELDS.map((f) => f.header)], ["2025-09", 7]], s.index) : s)) };
    const w = writesOf(planMonthDraft(gone, { ...d, indicators: { ...d.indicators, fraud: "1", calls: "  " } }))["指标录入"];
    expect(w?.[0]).toEqual({ address: "A3", value: "2025-10" });
    expect(w?.map((x) => x.address)).toEqual(["A3", ...INDICATOR_FIELDS.filter((f) => (d.indicators[f.key] ?? "") !== "" || f.key === "fraud").map((f) => a1(3, INDICATOR_FIELDS.indexOf(f) + 2))]);
    expect(w?.find((x) => x.address === a1(3, INDICATOR_FIELDS.findIndex((f) => f.key === "fraud") + 2))?.value).toBe(1);
  });

  it("a new report left blank writes nothing", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    const r = planMonthDraft(wb, { ...d, reports: [...d.reports, { row: null, kind: "", period: "", submitted: "", extensionApproved: null }] });
    expect(r).toStrictEqual({ ok: true, plan: { cellWrites: [], sheets: [] }, changed: 0 });
  });

  it("a report problem of the engine is placed at the report; the 11th event's at index 10", () => {
    const wb = book([], example());
    const d = loadMonthDraft(wb, "2025-10");
    const early = validateMonthDraft({ ...d, reports: [{ ...(d.reports[0] as Rep), submitted: "2025-09-01" }] });
    expect(early.find((p) => p.code === "submitted-before-period-end")?.target).toEqual({ kind: "report", index: 0, key: "submitted" });
    const many = Array.from({ length: 11 }, (_, i) => ({ ...newEvent("penalty"), level: i === 10 ? "群众" : "省级", matterId: `KF-${i}`, description: "投诉", verified: true }));
    const problems = validateMonthDraft({ ...d, events: many });
    expect(problems.filter((p) => p.code === "bad-level").map((p) => p.target)).toEqual([{ kind: "event", index: 10, key: "level" }]);
  });

  it("settings: a parameter row with no value keeps the default; an invalid value late in the list is named by its label", () => {
    const wb: WorkbookSnapshot = { sheets: [sheet("规则设置", [["参数", "值"], ["总分封顶100"], ["达标分", 90]])] };
    expect(loadSettingsDraft(wb).values["总分封顶100"]).toBe("否");
    const last = RULE_SETTINGS[RULE_SETTINGS.length - 1]?.label as string;
    expect(RULE_SETTINGS.length).toBeGreaterThan(10);
    const s = loadSettingsDraft(wb);
    expect(Object.keys(validateSettingsDraft({ ...s, values: { ...s.values, [last]: "随便" } }))).toEqual([last]);
  });

  it("a plan replacing the first sheet keeps it first; a write without a formula adds no formula field", () => {
    const wb: WorkbookSnapshot = { sheets: [sheet("甲", [["a"]], 0), sheet("乙", [["b"]], 1)] };
    const out = applyPlanToSnapshot(wb, { cellWrites: [{ sheet: "乙", writes: [{ address: "B1", value: 2 }] }], sheets: [{ name: "甲", cells: [{ address: "A1", value: "新" }], merges: [] }] });
    expect(out).toStrictEqual({
      sheets: [
        { name: "甲", index: 0, cells: [{ row: 1, col: 1, value: "新", numberFormat: "General" }], merges: [] },
        {
          name: "乙",
          index: 1,
          cells: [
            { row: 1, col: 1, value: "b", numberFormat: "General" },
            { row: 1, col: 2, value: 2, numberFormat: "General" },
          ],
          merges: [],
        },
      ],
    });
  });
});
