/**
 * src/domain/season.ts and turnover.ts (issue 17): what belongs to no single month — a month entered
 * twice, an event or agreed score of a month with no 指标录入 row, the contract's quarterly turnover
 * limit (§一(三)6 "人员季流动率不得高于 20%") — read whole, each with its boundary; values by hand.
 */
// @ts-nocheck

import { defaultRules, fixed2, quarterlyTurnover, quarterlyTurnoverWarnings, scoreSeason, type MonthIndicators, type Problem } from "../../src/domain";
import { event, perfectMonth, rules } from "./builders";

const rowsOf = (list: readonly Problem[], code: string) => list.filter((p) => p.code === code).map((p) => [p.severity, p.field, p.month ?? null, p.message, p.messageEn]);

describe("scoreSeason: a month entered twice", () => {
  /** Scored inside each test: nothing of src/domain runs while the file loads (Stryker's per-test coverage). */
  const season = () => scoreSeason({ indicators: [perfectMonth("2025-10"), perfectMonth("2025-11"), perfectMonth("2025-10", { complaints: 1 })], events: [], reports: [], payments: [] }, defaultRules());
  it("is an error on the second row, naming the first", () => {
    expect(rowsOf(season().errors, "duplicate-month")).toEqual([["error", "indicators[2].month", "2025-10", "考核月份 2025-10 在「指标录入」中出现两次（另见第 1 条）", "month 2025-10 appears twice in 指标录入 (see also entry 1)"]]);
  });
  it("every row is still scored, in order, with its index", () => {
    expect(season().months.map((m) => [m.month, m.index, m.outcome.ok])).toEqual([
      ["2025-10", 0, true],
      ["2025-11", 1, true],
      ["2025-10", 2, true],
    ]);
  });
  it("only the first row of the month counts towards the settlement (its 100.00, not the second's 0.00)", () => {
    // The whole term at 100.00, 2025-10 entered again at 0.00 (50 complaints): no deduction anywhere.
    const term = ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"].map((m) => perfectMonth(m));
    const s = scoreSeason({ indicators: [...term, perfectMonth("2025-10", { complaints: 50 })], events: [], reports: [], payments: [] }, defaultRules());
    const second = s.months[12]!.outcome;
    expect(second.ok && fixed2(second.value.total)).toBe("0.00");
    if (!s.settlement.ok) throw new Error(s.settlement.errors.map((e) => e.message).join("; "));
    expect(s.settlement.value.instalments.map((i) => fixed2(i.deduction))).toEqual(["0.00", "0.00", "0.00"]);
  });
  it("a refused month gives no total: the settlement names it", () => {
    const s = scoreSeason({ indicators: [perfectMonth("2025-10", { headcount: -1 })], events: [], reports: [], payments: [] }, defaultRules());
    expect(!s.settlement.ok && s.settlement.errors.map((e) => e.field)).toContain("months.2025-10");
  });
  it("a season with nothing to say has no warning and no error", () => {
    const s = scoreSeason({ indicators: [perfectMonth("2025-10")], events: [], reports: [{ kind: "月报", period: "2025-09", submitted: "2025-10-09", extensionApproved: false }, { kind: "季报", period: "2025Q3", submitted: "2025-10-14", extensionApproved: false }], payments: [] }, defaultRules());
    expect([s.errors, s.warnings]).toEqual([[], []]);
  });
});

describe("scoreSeason: rows of a month without a 指标录入 row", () => {
  it("an event: a warning on its month cell, not scored", () => {
    const season = scoreSeason({ indicators: [perfectMonth("2025-10")], events: [event({ month: "2025-10" }), event({ month: "2025-09" })], reports: [], payments: [] }, defaultRules());
    expect(rowsOf(season.warnings, "event-without-month")).toEqual([["warning", "events[1].month", "2025-09", "加减分事件的考核月份 2025-09 在「指标录入」中没有对应的行，未计分", "event month 2025-09 has no row in 指标录入: not scored"]]);
  });
  it("an agreed score: a warning per row; its errors once per month", () => {
    const agreed = [
      { month: "2025-08", item: 3, score: 5, reason: "纪要" },
      { month: "2025-08", item: 4, score: 50, reason: "纪要" },
      { month: "2025-10", item: 6, score: 15, reason: "纪要" },
    ];
    const season = scoreSeason({ indicators: [perfectMonth("2025-10")], events: [], reports: [], payments: [], agreedScores: agreed }, defaultRules());
    expect(rowsOf(season.warnings, "agreed-without-month")).toEqual([
      ["warning", "agreedScores[0].month", "2025-08", "约定调整的考核月份 2025-08 在「指标录入」中没有对应的行，未使用", "agreed score month 2025-08 has no row in 指标录入: not used"],
      ["warning", "agreedScores[1].month", "2025-08", "约定调整的考核月份 2025-08 在「指标录入」中没有对应的行，未使用", "agreed score month 2025-08 has no row in 指标录入: not used"],
    ]);
    expect(season.errors.map((e) => [e.field, e.code])).toEqual([["agreedScores[1].score", "agreed-out-of-range"]]);
  });
});

describe("scoreSeason: reminders of reports outside the term", () => {
  it("with the term's last month scored, the reports due after it are listed", () => {
    const season = scoreSeason({ indicators: [perfectMonth("2025-11")], events: [], reports: [], payments: [] }, defaultRules());
    expect(season.warnings.filter((w) => w.code === "report-outside-term").map((w) => [w.field, w.message.slice(0, w.message.indexOf(" 应于"))])).toEqual([
      ["reports", "提醒：月报(2025-11)"],
      ["reports", "提醒：年报(2025)"],
      ["reports", "提醒：季报(2025Q4)"],
    ]);
  });
  it("without it, none is listed yet", () => {
    const season = scoreSeason({ indicators: [perfectMonth("2025-10")], events: [], reports: [], payments: [] }, defaultRules());
    expect(season.warnings.filter((w) => w.code === "report-outside-term")).toEqual([]);
  });
});

describe("§一(三)6 人员季流动率不得高于 20%: the monthly rates of a calendar quarter added up", () => {
  const m = (month: string, changed: number | null, headcount: number | null = 10): MonthIndicators => perfectMonth(month, { changed, headcount });
  it("adds the rates by quarter, quarters in order, months sorted", () => {
    expect(quarterlyTurnover([m("2025-05", 1), m("2025-04", 1, 20), m("2025-01", 0), m("2025-06", 0)]).map((q) => [q.quarter, q.months, fixed2(q.rate)])).toEqual([
      ["2025Q1", ["2025-01"], "0.00"],
      ["2025Q2", ["2025-04", "2025-05", "2025-06"], "15.00"],
    ]);
  });
  it.each<[string, MonthIndicators]>([
    ["headcount 0", m("2025-07", 1, 0)],
    ["headcount blank", m("2025-07", 1, null)],
    ["changed blank", m("2025-07", null)],
    ["changed negative", m("2025-07", -1)],
  ])("a month that has no rate is left out: %s", (_, ind) => {
    expect(quarterlyTurnover([ind])).toEqual([]);
  });
  it("a headcount typed as text is left out too", () => {
    expect(quarterlyTurnover([m("2025-07", 1, "10" as unknown as number)])).toEqual([]);
  });
  it("a month with changed 0 has a rate of 0", () => {
    expect(quarterlyTurnover([m("2025-07", 0)]).map((q) => fixed2(q.rate))).toEqual(["0.00"]);
  });
  it.each([
    [[1, 1], null],
    [[1, 1, 0], null],
    [[1, 1, 1], "2025Q3（2025-07、2025-08、2025-09）人员流动率合计 30.00%，超过合同§一(三)6 规定的季流动率 20%"],
  ])("monthly changes %j of 10: 20%% exactly is allowed, above it warned", (changes, message) => {
    const ind = changes.map((c, i) => m(`2025-0${7 + i}`, c));
    const w = quarterlyTurnoverWarnings(ind, defaultRules());
    if (message === null) expect(w).toEqual([]);
    else
      expect(w.map((p) => [p.severity, p.code, p.field, p.month, p.message, p.messageEn])).toEqual([
        ["warning", "quarterly-turnover", "changed", "2025-09", message, "2025Q3 (2025-07, 2025-08, 2025-09): turnover adds up to 30.00%, above the contract's 20% per quarter (§一(三)6)"],
      ]);
  });
  it("the limit is the rule set's", () => {
    const w = quarterlyTurnoverWarnings([m("2025-07", 2)], rules({ scoring: { quarterlyTurnoverLimit: "15" } }));
    expect(w.map((p) => p.message)).toEqual(["2025Q3（2025-07）人员流动率合计 20.00%，超过合同§一(三)6 规定的季流动率 15%"]);
  });
});
