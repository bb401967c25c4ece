/**
 * src/domain/reports.ts (row 4 数据分析): the report kinds and periods a clerk may type, each pattern
 * with the texts on both sides of it (a letter before or after, a fifth quarter), and the contract's
 * deadlines — 月报 by the 10th of the next month, 季报 by the 15th of the quarter's next month, 年报
 * by the end of December of its own year (or, A-reading "previousYear", of the next) — worked by hand.
 */
// @ts-nocheck

import { LIBRARY_CALENDAR, nominalDueDate, parseReportKind, parseReportPeriod, reportDueDate, reportScoredMonth, type ReportKind } from "../../src/domain";

describe("report kinds: 月报 / 季报 / 年报 and their longer names, spaces ignored", () => {
  it.each([
    ["月报", "月报"],
    ["月度报告", "月报"],
    ["月度", "月报"],
    ["季报", "季报"],
    ["季度报告", "季报"],
    ["季度", "季报"],
    ["年报", "年报"],
    ["年度报告", "年报"],
    ["年度", "年报"],
    [" 月 报 ", "月报"],
    ["周报", null],
    ["", null],
    ["月报x", null],
  ])("%j → %j", (text, kind) => {
    expect(parseReportKind(text)).toBe(kind);
  });
});

describe("report periods: the whole text is the period (no letter before or after)", () => {
  it.each([
    ["月报", "2025-09", { key: "2025-09", start: "2025-09-01", end: "2025-09-30" }],
    ["月报", "2025年9月", { key: "2025-09", start: "2025-09-01", end: "2025-09-30" }],
    ["月报", "2024-02", { key: "2024-02", start: "2024-02-01", end: "2024-02-29" }],
    ["月报", "2025-13", null],
    ["月报", "2025Q3", null],
    ["季报", "2025Q1", { key: "2025Q1", start: "2025-01-01", end: "2025-03-31" }],
    ["季报", "2025Q2", { key: "2025Q2", start: "2025-04-01", end: "2025-06-30" }],
    ["季报", "2025q3", { key: "2025Q3", start: "2025-07-01", end: "2025-09-30" }],
    ["季报", "2025-Q4", { key: "2025Q4", start: "2025-10-01", end: "2025-12-31" }],
    ["季报", "2025年第三季度", { key: "2025Q3", start: "2025-07-01", end: "2025-09-30" }],
    ["季报", "2025年第3季", { key: "2025Q3", start: "2025-07-01", end: "2025-09-30" }],
    ["季报", "2025第一季度", { key: "2025Q1", start: "2025-01-01", end: "2025-03-31" }],
    ["季报", "2025 年 第 二 季度", { key: "2025Q2", start: "2025-04-01", end: "2025-06-30" }],
    ["季报", "2025年第四季度", { key: "2025Q4", start: "2025-10-01", end: "2025-12-31" }],
    ["季报", "2025Q5", null],
    ["季报", "2025Q0", null],
    ["季报", "x2025Q3", null],
    ["季报", "2025Q3x", null],
    ["季报", "12025Q3", null],
    ["季报", "2025", null],
    ["年报", "2025", { key: "2025", start: "2025-01-01", end: "2025-12-31" }],
    ["年报", "2025年", { key: "2025", start: "2025-01-01", end: "2025-12-31" }],
    ["年报", "2025年度", { key: "2025", start: "2025-01-01", end: "2025-12-31" }],
    ["年报", " 2025 ", { key: "2025", start: "2025-01-01", end: "2025-12-31" }],
    ["年报", "x2025", null],
    ["年报", "2025x", null],
    ["年报", "12025", null],
    ["年报", "2025年度报告", null],
    ["年报", "2025-10", null],
  ] as [ReportKind, string, { key: string; start: string; end: string } | null][])("%s %j → %j", (kind, text, period) => {
    expect(parseReportPeriod(kind, text)).toEqual(period === null ? null : { kind, ...period });
  });

  it("a period read twice is the same frozen value (shared by every month scored)", () => {
    const a = parseReportPeriod("季报", "2026Q2");
    expect(parseReportPeriod("季报", "2026Q2")).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe("the contract's deadlines before 遇节假日顺延, and after", () => {
  it.each([
    ["月报", "2025-09", "sameYear", "2025-10-10", "2025-10-10", "2025-10"],
    ["月报", "2025-12", "sameYear", "2026-01-10", "2026-01-12", "2026-01"],
    ["月报", "2025-04", "sameYear", "2025-05-10", "2025-05-12", "2025-05"],
    ["季报", "2025Q3", "sameYear", "2025-10-15", "2025-10-15", "2025-10"],
    ["季报", "2025Q4", "sameYear", "2026-01-15", "2026-01-15", "2026-01"],
    ["季报", "2025Q1", "sameYear", "2025-04-15", "2025-04-15", "2025-04"],
    ["年报", "2024", "sameYear", "2024-12-31", "2024-12-31", "2024-12"],
    ["年报", "2024", "previousYear", "2025-12-31", "2025-12-31", "2025-12"],
    ["月报", "2025-09", "previousYear", "2025-10-10", "2025-10-10", "2025-10"],
  ] as [ReportKind, string, "sameYear" | "previousYear", string, string, string][])("%s %s (%s): nominal %s, due %s, scored in %s", (kind, text, annual, nominal, due, scored) => {
    const p = parseReportPeriod(kind, text)!;
    expect(nominalDueDate(p, annual)).toBe(nominal);
    expect(reportDueDate(p, LIBRARY_CALENDAR, annual)).toBe(due);
    expect(reportScoredMonth(p, LIBRARY_CALENDAR, annual)).toBe(scored);
  });
  it("the annual reading defaults to the report's own year", () => {
    const p = parseReportPeriod("年报", "2024")!;
    expect([nominalDueDate(p), reportDueDate(p, LIBRARY_CALENDAR), reportScoredMonth(p, LIBRARY_CALENDAR)]).toEqual(["2024-12-31", "2024-12-31", "2024-12"]);
  });
});
