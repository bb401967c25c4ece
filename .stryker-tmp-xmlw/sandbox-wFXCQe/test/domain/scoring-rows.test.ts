/**
 * Table-driven tests, one block per row of 附件二, at every boundary the contract names.
 * Each block quotes the contract's 评分细则.
 */
// @ts-nocheck

import { defaultRules, fixed2, MonthIndicators, normalizeMatterId, ReportSubmission, scoreMonth } from "../../src/domain";
import { event, perfectMonth, refused, row, rules, scored } from "./builders";

describe("a month with full marks everywhere", () => {
  it("scores 100.00", () => {
    expect(fixed2(scored(perfectMonth()).value.total)).toBe("100.00");
  });
});

describe("row 1 队伍建设 — 每少一人扣 1 分，10 分扣完为止", () => {
  it.each([
    [12, "10.00"],
    [10, "10.00"],
    [9, "9.00"],
    [5, "5.00"],
    [1, "1.00"],
  ])("headcount %i → %s", (headcount, expected) => {
    expect(row(1, perfectMonth("2025-10", { headcount, examSat: headcount, ticketsSampled: 10 * headcount, ticketsPassed: 10 * headcount }))).toBe(expected);
  });
});

describe("row 2 管理制度与能力 — 没有制度或未按制度 扣 5 分；报告不按时或不全面 扣 5 分", () => {
  it.each([
    [true, true, "10.00"],
    [false, true, "5.00"],
    [true, false, "5.00"],
    [false, false, "0.00"],
  ])("rules followed %p, reports on time %p → %s", (rulesFollowed, reportsOnTime, expected) => {
    expect(row(2, perfectMonth("2025-10", { rulesFollowed, reportsOnTime }))).toBe(expected);
  });
});

describe("row 3 项目人员月流动率 — 小于 20% 满分；20%-30% 得 10 分；大于 30% 不得分", () => {
  it.each([
    [0, 10, "10.00"],
    [1, 10, "10.00"],
    [1999, 10000, "10.00"], // 19.99%
    [2, 10, "10.00"], // exactly 20%: in the band, 10 as written (A1)
    [3, 10, "10.00"], // exactly 30%: in the band
    [3001, 10000, "0.00"], // 30.01%
    [4, 10, "0.00"],
  ])("%i changed of %i → %s (default A1 = 10)", (changed, headcount, expected) => {
    expect(row(3, perfectMonth("2025-10", { changed, headcount, examSat: headcount, ticketsSampled: headcount * 10, ticketsPassed: headcount * 10 }))).toBe(expected);
  });

  it.each([
    [1, "10.00"],
    [2, "5.00"],
    [3, "5.00"],
    [4, "0.00"],
  ])("A1 option 5: %i changed of 10 → %s", (changed, expected) => {
    expect(row(3, perfectMonth("2025-10", { changed }), { rules: rules({ options: { turnoverBandScore: "5" } }) })).toBe(expected);
  });

  it("warns that the 20–30% band gives full marks as written", () => {
    const w = scored(perfectMonth("2025-10", { changed: 2 })).warnings.find((x) => x.code === "turnover-band");
    expect(w?.message).toContain("20%–30%");
    expect(w?.field).toBe("changed");
  });

  it("no band warning below 20%", () => {
    expect(scored(perfectMonth("2025-10", { changed: 1 })).warnings.map((w) => w.code)).not.toContain("turnover-band");
  });
});

describe("row 4 数据分析 — 每超过一个工作日扣 1 分，5 分扣完为止", () => {
  const month = (m: string) => perfectMonth(m);
  it("SPEC §7: 月报 2025-09 submitted 2025-10-13 is 2 working days late (10-11 is a 调休 working day) → 3", () => {
    expect(row(4, month("2025-10"), { reports: [{ kind: "月报", period: "2025-09", submitted: "2025-10-13", extensionApproved: false }, { kind: "季报", period: "2025Q3", submitted: "2025-10-15", extensionApproved: false }] })).toBe("3.00");
  });
  it("SPEC §7: 月报 2025-04 due 2025-05-10 (Saturday) moves to 05-12; submitted 05-12 is on time → 5", () => {
    expect(row(4, month("2025-05"), { reports: [{ kind: "月报", period: "2025-04", submitted: "2025-05-12", extensionApproved: false }] })).toBe("5.00");
  });
  it("a day after the shifted due date is 1 working day late → 4", () => {
    expect(row(4, month("2025-05"), { reports: [{ kind: "月报", period: "2025-04", submitted: "2025-05-13", extensionApproved: false }] })).toBe("4.00");
  });
  it("6 working days late floors at 0", () => {
    expect(row(4, month("2025-05"), { reports: [{ kind: "月报", period: "2025-04", submitted: "2025-05-20", extensionApproved: false }] })).toBe("0.00");
  });
  it("an extension approved in advance is not late", () => {
    expect(row(4, month("2025-05"), { reports: [{ kind: "月报", period: "2025-04", submitted: "2025-05-20", extensionApproved: true }] })).toBe("5.00");
  });
  it("late days of two reports due in one month add up: 月报 and 季报 each 1 day late → 3", () => {
    // 2025-07: 月报 2025-06 due 07-10 (Thu), 季报 2025Q2 due 07-15 (Tue)
    expect(row(4, month("2025-07"), { reports: [
      { kind: "月报", period: "2025-06", submitted: "2025-07-11", extensionApproved: false },
      { kind: "季报", period: "2025Q2", submitted: "2025-07-16", extensionApproved: false },
    ] })).toBe("3.00");
  });
  it("a report not submitted by the end of the month is late through the month end → 0, with a warning", () => {
    const s = scored(month("2025-05"), { reports: [{ kind: "月报", period: "2025-04", submitted: null, extensionApproved: false }] });
    expect(fixed2(s.value.items[3]!.score)).toBe("0.00");
    expect(s.warnings.map((w) => w.code)).toContain("report-not-submitted");
  });
  it("a report due in the month that is not recorded is flagged, not deducted", () => {
    const s = scored(month("2025-05"), { reports: [] });
    expect(fixed2(s.value.items[3]!.score)).toBe("5.00");
    expect(s.warnings.find((w) => w.code === "report-not-recorded")?.message).toContain("月报(2025-04)");
  });
  it("a report is scored in the month its due date falls in, not the month it was submitted", () => {
    // 月报 2025-04 submitted in June is still scored in May
    expect(row(4, month("2025-06"), { reports: [{ kind: "月报", period: "2025-04", submitted: "2025-06-03", extensionApproved: false }, { kind: "月报", period: "2025-05", submitted: "2025-06-10", extensionApproved: false }] })).toBe("5.00");
    expect(row(4, month("2025-05"), { reports: [{ kind: "月报", period: "2025-04", submitted: "2025-06-03", extensionApproved: false }] })).toBe("0.00");
  });
  it("年报 2024 is due 2024-12-31 and scored in 2024-12", () => {
    const s = scored(month("2024-12"), { reports: [{ kind: "年报", period: "2024", submitted: "2025-01-02", extensionApproved: false }] });
    // 2025-01-01 is 元旦, 01-02 a working day → 1 day late
    expect(fixed2(s.value.items[3]!.score)).toBe("4.00");
  });
  it("refuses a submission date before the period it reports", () => {
    expect(refused(month("2025-05"), { reports: [{ kind: "月报", period: "2025-04", submitted: "2025-03-30", extensionApproved: false }] })).toContainEqual(["reports[0].submitted", "submitted-before-period"]);
  });
  it("refuses a date the calendar does not know", () => {
    expect(refused(month("2025-05"), { reports: [{ kind: "月报", period: "2025-04", submitted: "2031-05-12", extensionApproved: false }] })).toContainEqual(["reports[0].submitted", "unknown-date"]);
  });
  it("refuses an unreadable period and an unknown kind", () => {
    const errors = refused(month("2025-05"), { reports: [{ kind: "周报", period: "2025-04", submitted: null, extensionApproved: null }, { kind: "季报", period: "2025-13", submitted: null, extensionApproved: null }] });
    expect(errors).toContainEqual(["reports[0].kind", "bad-report-kind"]);
    expect(errors).toContainEqual(["reports[1].period", "bad-report-period"]);
  });
});

describe("row 5 培训与文化建设 — 扣 1 分，5 分扣完为止", () => {
  it.each([
    [0, "5.00"],
    [1, "4.00"],
    [5, "0.00"],
    [7, "0.00"],
  ])("%i lapses → %s", (trainingLapses, expected) => {
    expect(row(5, perfectMonth("2025-10", { trainingLapses }))).toBe(expected);
  });
});

describe.each([
  [6, "answerRank"],
  [7, "answer15sRank"],
] as const)("row %i — 排名 1-5 满分；每低于第 5 名 1 个位次扣 1 分，15 分扣完为止", (no, key) => {
  it.each([
    [1, "15.00"],
    [5, "15.00"],
    [6, "14.00"],
    [7, "13.00"],
    [20, "0.00"],
    [31, "0.00"],
  ])("rank %i of 31 → %s", (rank, expected) => {
    expect(row(no, perfectMonth("2025-10", { [key]: rank } as Partial<MonthIndicators>))).toBe(expected);
  });
  it("refuses rank 0 and a rank beyond the centres ranked", () => {
    expect(refused(perfectMonth("2025-10", { [key]: 0 } as Partial<MonthIndicators>))).toContainEqual([key, "rank-below-1"]);
    expect(refused(perfectMonth("2025-10", { [key]: 32 } as Partial<MonthIndicators>))).toContainEqual([key, "rank-above-centres"]);
  });
});

describe("row 8 团队服务满意率 — 95%以上；每降低 1%扣 0.5 分；10 分扣完为止", () => {
  const sat = (good: number, bad: number, excluded = 0) => perfectMonth("2025-10", { verySatisfied: good, satisfied: 0, neutral: 0, dissatisfied: bad, veryDissatisfied: 0, excludedBad: excluded });
  it.each([
    [950, 50, "10.00"], // exactly 95%
    [990, 10, "10.00"],
    [946, 54, "9.80"], // 94.6%: 0.4 short → 0.2 (proportional, A3)
    [940, 60, "9.50"],
    [750, 250, "0.00"], // 75%: 20 short → 10
    [500, 500, "0.00"], // floor 0
  ])("%i good of %i+bad → %s", (good, bad, expected) => {
    expect(row(8, sat(good, bad))).toBe(expected);
  });
  it("A3 floor: 94.6% deducts nothing; ceil: a whole 0.5", () => {
    expect(row(8, sat(946, 54), { rules: rules({ options: { satisfactionSteps: "floor" } }) })).toBe("10.00");
    expect(row(8, sat(946, 54), { rules: rules({ options: { satisfactionSteps: "ceil" } }) })).toBe("9.50");
  });
  it("verified bad ratings are excluded from the valid ratings (SPEC §7: 940 of 1000 → 9.50)", () => {
    expect(row(8, perfectMonth("2025-10", { verySatisfied: 900, satisfied: 40, neutral: 20, dissatisfied: 30, veryDissatisfied: 20, excludedBad: 10 }))).toBe("9.50");
  });
  it("rounds the item half-up to 2 decimals: 2/3 of a point short", () => {
    // 2850/3000 = 95%; 2848/3000 = 94.9333…% → 10 − 0.0333… = 9.9666… → 9.97
    expect(row(8, sat(2848, 152))).toBe("9.97");
  });
  it("refuses more excluded bad ratings than bad ratings, and no valid ratings", () => {
    expect(refused(sat(900, 10, 11))).toContainEqual(["excludedBad", "excluded-above-bad"]);
    expect(refused(perfectMonth("2025-10", { verySatisfied: 0, satisfied: 0, dissatisfied: 5, excludedBad: 5 }))).toContainEqual(["verySatisfied", "no-valid-ratings"]);
  });
});

describe("row 9 工单质检准确率 — ≥90%满分，每降低 10%扣 0.5 分，5 分扣完为止", () => {
  const q = (passed: number, sampled = 100) => perfectMonth("2025-10", { ticketsSampled: sampled, ticketsPassed: passed });
  it.each([
    [100, "10.00"],
    [90, "10.00"],
    [89, "9.95"],
    [85, "9.75"], // SPEC §7
    [80, "9.50"],
    [0, "5.50"], // the most 0.5 per 10% can take from 90% is 4.5
  ])("%i of 100 pass → %s", (passed, expected) => {
    expect(row(9, q(passed))).toBe(expected);
  });
  it("A3 floor and ceil: 85% is half a step", () => {
    expect(row(9, q(85), { rules: rules({ options: { ticketQualitySteps: "floor" } }) })).toBe("10.00");
    expect(row(9, q(85), { rules: rules({ options: { ticketQualitySteps: "ceil" } }) })).toBe("9.50");
  });
  it("A2: deductions stop at 5 by default; with floor 0 they go on (shown with 1 point per 10%)", () => {
    // With the contract's 0.5 per 10% the floor cannot bite (most is 4.5); a steeper amendment shows it.
    const steep = { scoring: { ticketPointsPerStep: "1" } };
    expect(row(9, q(0), { rules: rules(steep) })).toBe("5.00");
    expect(row(9, q(0), { rules: rules({ ...steep, options: { ticketQualityFloor: "0" } }) })).toBe("1.00");
  });
  it("refuses more passing tickets than sampled, and none sampled", () => {
    expect(refused(q(101))).toContainEqual(["ticketsPassed", "passed-above-sampled"]);
    expect(refused(q(0, 0))).toContainEqual(["ticketsSampled", "zero-sampled"]);
  });
  it("warns when fewer than 10 tickets per seat were sampled", () => {
    expect(scored(q(50, 50)).warnings.map((w) => w.code)).toContain("few-tickets");
  });
});

describe("row 10 考试覆盖率 — 截止 15 日前有 1 人未完成考试的扣 1 分，10 分扣完为止", () => {
  it.each([
    [10, 10, "10.00"],
    [10, 9, "9.00"],
    [10, 0, "0.00"],
    [12, 1, "0.00"],
  ])("team %i, %i sat → %s", (headcount, examSat, expected) => {
    expect(row(10, perfectMonth("2025-10", { headcount, examSat, ticketsSampled: headcount * 10, ticketsPassed: headcount * 10 }))).toBe(expected);
  });
  it("names the exam deadline, moved off a weekend: 2025-06-15 is a Sunday → 06-16", () => {
    const item = scored(perfectMonth("2025-06")).value.items.find((i) => i.no === 10);
    expect(item?.summary).toContain("截止 2025-06-16");
  });
  it("refuses more people at the exam than in the team", () => {
    expect(refused(perfectMonth("2025-10", { examSat: 11 }))).toContainEqual(["examSat", "sat-above-team"]);
  });
});

describe("row 11 加分项 — 群众 +1，市级及以上 +10；同一事项只计一次；佐证不充分或不属实不加分", () => {
  it.each([
    [[event({ level: "群众" })], "1.00"],
    [[event({ level: "市级及以上" })], "10.00"],
    [[event({ level: "群众", matterId: "A" }), event({ level: "群众", matterId: "B" })], "2.00"],
    [[event({ level: "群众", matterId: "A" }), event({ level: "市级及以上", matterId: "A" })], "10.00"],
    [[event({ level: "群众", evidence: false })], "0.00"],
    [[event({ level: "群众", verified: false })], "0.00"],
    [[event({ level: "群众", reported: false })], "0.00"],
    [[event({ level: "群众", evidence: null })], "0.00"],
    [[event({ level: "群众", month: "2025-09" })], "0.00"],
  ])("%j → %s", (events, expected) => {
    expect(row(11, perfectMonth(), { events })).toBe(expected);
  });
  it("a bonus kept at 0 is flagged with the field that is missing", () => {
    const w = scored(perfectMonth(), { events: [event({}), event({ verified: false })] }).warnings.find((x) => x.code === "bonus-kept-at-zero");
    expect(w?.field).toBe("events[1].verified");
  });
  it("refuses an unknown level", () => {
    expect(refused(perfectMonth(), { events: [event({ level: "路人" })], reports: [] })).toContainEqual(["events[0].level", "bad-level"]);
  });
});

describe("row 12 扣分项 — −10 / −20 / −50 by level (A4); only verified events count", () => {
  const p = (level: string, more: Partial<Parameters<typeof event>[0]> = {}) => event({ type: "penalty", level, evidence: null, reported: null, ...more });
  it.each([
    ["市级及以下", "-10.00"],
    ["市级", "-10.00"],
    ["省级", "-20.00"],
    ["国家级", "-50.00"],
    ["部级", "-50.00"],
  ])("default ladder: %s → %s", (level, expected) => {
    expect(row(12, perfectMonth(), { events: [p(level)] })).toBe(expected);
  });
  it.each([
    ["市级以下", "-10.00"],
    ["市级", "-20.00"],
    ["省级及以上", "-50.00"],
    ["省级", "-50.00"],
  ])("A4 alternative ladder: %s → %s", (level, expected) => {
    expect(row(12, perfectMonth(), { events: [p(level)], rules: rules({ options: { penaltyLadder: "alternative" } }) })).toBe(expected);
  });
  it("evidence and 乙方报送 do not apply to penalties; verification does", () => {
    expect(row(12, perfectMonth(), { events: [p("省级", { evidence: false, reported: false })] })).toBe("-20.00");
    expect(row(12, perfectMonth(), { events: [p("省级", { verified: false })] })).toBe("0.00");
  });
  it("one matter counts once, at its highest level", () => {
    expect(row(12, perfectMonth(), { events: [p("市级及以下", { matterId: "X" }), p("省级", { matterId: "X" }), p("省级", { matterId: "Y" })] })).toBe("-40.00");
  });
});

describe("rows 13 and 14 — 有效投诉 −2 each, 弄虚作假 −5 each", () => {
  it.each([
    [0, 0, "0.00", "0.00"],
    [1, 0, "-2.00", "0.00"],
    [3, 2, "-6.00", "-10.00"],
  ])("%i complaints, %i fraud findings", (complaints, fraud, r13, r14) => {
    const ind = perfectMonth("2025-10", { complaints, fraud });
    expect(row(13, ind)).toBe(r13);
    expect(row(14, ind)).toBe(r14);
  });
});

describe("考核得分 = Σ rows 1–10 + row 11 − rows 12–14", () => {
  it("is not capped at 100 by default, with a warning", () => {
    const s = scored(perfectMonth(), { events: [event({ level: "市级及以上" })] });
    expect(fixed2(s.value.total)).toBe("110.00");
    expect(s.warnings.map((w) => w.code)).toContain("total-above-100");
  });
  it("is capped at 100 with the option", () => {
    expect(fixed2(scored(perfectMonth(), { events: [event({ level: "市级及以上" })], rules: rules({ options: { capTotalAt100: true } }) }).value.total)).toBe("100.00");
  });
  it("can go below 0 by default, and is floored at 0 with the option", () => {
    const bad = perfectMonth("2025-10", { fraud: 25 });
    expect(fixed2(scored(bad).value.total)).toBe("-25.00");
    expect(fixed2(scored(bad, { rules: rules({ options: { floorTotalAt0: true } }) }).value.total)).toBe("0.00");
  });
});

describe("SPEC §6: bad input is refused, naming the indicator, with no partial result", () => {
  it.each([
    [{ headcount: -1 }, "headcount", "negative"],
    [{ headcount: 9.5 }, "headcount", "not-integer"],
    [{ headcount: 0 }, "headcount", "zero-team"],
    [{ headcount: null }, "headcount", "missing"],
    [{ rulesFollowed: null }, "rulesFollowed", "missing"],
    [{ changed: Number.NaN }, "changed", "not-number"],
    [{ ticketsPassed: 101 }, "ticketsPassed", "passed-above-sampled"],
    [{ manualAnswered: 100, answered15s: 101 }, "answered15s", "15s-above-manual"],
    [{ calls: 100, answered: 101 }, "answered", "answered-above-calls"],
    [{ dissatisfied: 1, excludedBad: 2 }, "excludedBad", "excluded-above-bad"],
    [{ answerRank: 0 }, "answerRank", "rank-below-1"],
    [{ answer15sRank: 40 }, "answer15sRank", "rank-above-centres"],
    [{ month: "2025-13" }, "month", "bad-month"],
  ] as [Partial<MonthIndicators>, string, string][])("%j → %s %s", (change, field, code) => {
    expect(refused(perfectMonth("2025-10", change))).toContainEqual([field, code]);
  });
  it("collects every error, not just the first", () => {
    expect(refused(perfectMonth("2025-10", { headcount: -1, answerRank: 0, ticketsPassed: 200 })).length).toBeGreaterThanOrEqual(3);
  });
  it("names the month and the column in Chinese", () => {
    const bad = scoreMonth(perfectMonth("2025-10", { headcount: 9.5 }), [], [], defaultRules());
    if (bad.ok) throw new Error("expected the month to be refused");
    expect(bad.errors.find((e) => e.code === "not-integer")).toEqual({
      severity: "error",
      code: "not-integer",
      field: "headcount",
      month: "2025-10",
      message: "「团队人数」应为整数，实为 9.5",
      messageEn: '"team headcount" must be a whole number, got 9.5',
    });
    const blank = scoreMonth(perfectMonth("2025-10", { headcount: null }), [], [], defaultRules());
    if (blank.ok) throw new Error("expected the month to be refused");
    expect(blank.errors.map((e) => [e.field, e.month, e.message])).toEqual([["headcount", "2025-10", "2025年10月「团队人数」未填写"]]);
  });
});

describe("年报 option", () => {
  it("with 上一年度 the 2024 annual report is not due in 2024-12 (no reminder there)", () => {
    const r = rules({ scoring: { annualReportYear: "previousYear" } });
    const s = scored(perfectMonth("2024-12"), { reports: [], rules: r });
    expect(s.warnings.filter((w) => w.code === "report-not-recorded").map((w) => w.message).join()).not.toContain("年报");
    const d = scored(perfectMonth("2024-12"), { reports: [] });
    expect(d.warnings.filter((w) => w.code === "report-not-recorded").map((w) => w.message).join()).toContain("年报(2024)");
  });
});

describe("early submission warning", () => {
  it("does not flag a 年报 handed in before 12-31 (it is due at the end of its own period)", () => {
    const s = scored(perfectMonth("2024-12"), { reports: [{ kind: "年报", period: "2024", submitted: "2024-12-20", extensionApproved: false }] });
    expect(s.warnings.map((w) => w.code)).not.toContain("submitted-before-period-end");
  });
  it("flags a 月报 dated before its month ended", () => {
    const s = scored(perfectMonth("2025-05"), { reports: [{ kind: "月报", period: "2025-04", submitted: "2025-04-25", extensionApproved: false }] });
    expect(s.warnings.map((w) => w.code)).toContain("submitted-before-period-end");
  });
});

describe("a blank indicator", () => {
  it("is reported once, and no cross-check compares against the blank", () => {
    const errors = refused(perfectMonth("2025-10", { headcount: null, examSat: 9 }));
    expect(errors).toEqual([["headcount", "missing"]]);
  });
});

// ------------------------------------------------------------------------------------------------
// Boundaries (issue 17): each case sits on the edge of its rule, with the message a clerk reads.

/** The errors (field, message) of a refused month, or [] when it is scored. */
function errorTexts(ind: MonthIndicators, opts: { events?: Parameters<typeof event>[0][]; reports?: ReportSubmission[] } = {}): [string, string][] {
  const o = scoreMonth(ind, (opts.events ?? []).map((e) => event(e)), opts.reports ?? [], defaultRules());
  return o.ok ? [] : o.errors.map((e) => [e.field, e.message]);
}

describe("rows 6 and 7: answered equal to calls, and 15-second answers equal to manual answers, are allowed", () => {
  it.each([
    // calls, answered, the error (none when allowed), row 6's 完成情况
    [100, 99, null, "全国第 1/31 名（接通率 99.00%）"],
    [100, 100, null, "全国第 1/31 名（接通率 100.00%）"],
    [100, 101, "「接通次数」101 大于「呼叫次数」100", null],
    [0, 0, null, "全国第 1/31 名"],
  ] as [number, number, string | null, string | null][])("calls %i, answered %i", (calls, answered, error, summary) => {
    const ind = perfectMonth("2025-10", { calls, answered });
    expect(errorTexts(ind, { reports: ON_TIME })).toEqual(error === null ? [] : [["answered", error]]);
    if (summary !== null) expect(scored(ind).value.items.find((i) => i.no === 6)?.summary).toBe(summary);
  });
  it.each([
    [200, 199, null, "全国第 1/31 名（15秒接通率 99.50%）"],
    [200, 200, null, "全国第 1/31 名（15秒接通率 100.00%）"],
    [200, 201, "「15秒内接通数」201 大于「人工服务接通数」200", null],
  ] as [number, number, string | null, string | null][])("manual answers %i, within 15 s %i", (manualAnswered, answered15s, error, summary) => {
    const ind = perfectMonth("2025-10", { manualAnswered, answered15s });
    expect(errorTexts(ind, { reports: ON_TIME })).toEqual(error === null ? [] : [["answered15s", error]]);
    if (summary !== null) expect(scored(ind).value.items.find((i) => i.no === 7)?.summary).toBe(summary);
  });
  it("only one of calls / answered given: a warning, no rate shown", () => {
    const s = scored(perfectMonth("2025-10", { calls: 100 }));
    expect(s.warnings.filter((w) => w.code === "rate-half-given").map((w) => [w.field, w.message])).toEqual([["answered", "「呼叫次数」与「接通次数」只填了一个，接通率不显示"]]);
    expect(s.value.items.find((i) => i.no === 6)?.summary).toBe("全国第 1/31 名");
    const other = scored(perfectMonth("2025-10", { answered: 100 }));
    expect(other.warnings.filter((w) => w.code === "rate-half-given").map((w) => w.field)).toEqual(["calls"]);
  });
});

const ON_TIME = [
  { kind: "月报", period: "2025-09", submitted: "2025-10-09", extensionApproved: false },
  { kind: "季报", period: "2025Q3", submitted: "2025-10-14", extensionApproved: false },
];

describe("row 4: a report handed in on its period's first day, and the early-submission warning on its last", () => {
  const early = "月报 2025-09 在报告期结束（2025-09-30）前即已提交，请核对日期";
  it.each([
    // submitted, error, early-submission warning
    ["2025-08-31", "月报 2025-09 的提交日期 2025-08-31 早于其报告期（2025-09-01 起）", null],
    ["2025-09-01", null, early],
    ["2025-09-30", null, early],
    ["2025-10-01", null, null],
    ["2025-10-10", null, null],
  ] as [string, string | null, string | null][])("月报 2025-09 submitted %s", (submitted, error, warning) => {
    const reports = [{ kind: "月报", period: "2025-09", submitted, extensionApproved: false }, ON_TIME[1]!];
    expect(errorTexts(perfectMonth("2025-10"), { reports })).toEqual(error === null ? [] : [["reports[0].submitted", error]]);
    if (error !== null) return;
    const s = scored(perfectMonth("2025-10"), { reports });
    expect(s.warnings.filter((w) => w.code === "submitted-before-period-end").map((w) => [w.field, w.message])).toEqual(warning === null ? [] : [["reports[0].submitted", warning]]);
    expect(fixed2(s.value.items.find((i) => i.no === 4)!.score)).toBe("5.00");
  });
});

describe("考核得分 bounds: floor at 0 only below 0, cap at 100 only above 100, the below-95 warning", () => {
  const floor = rules({ options: { floorTotalAt0: true } });
  const cap = rules({ options: { capTotalAt100: true } });
  it.each([
    // fraud findings (−5 each), complaints (−2 each), floor option, total, warnings (code: message)
    [20, 0, false, "0.00", ["below-threshold: 2025年10月考核得分 0.00 低于达标分 95，将拉低本期平均分"]],
    [20, 0, true, "0.00", ["below-threshold: 2025年10月考核得分 0.00 低于达标分 95，将拉低本期平均分"]],
    [5, 0, true, "75.00", ["below-threshold: 2025年10月考核得分 75.00 低于达标分 95，将拉低本期平均分"]],
    [25, 0, false, "-25.00", ["total-below-0: 2025年10月考核得分 -25.00 低于 0 分", "below-threshold: 2025年10月考核得分 -25.00 低于达标分 95，将拉低本期平均分"]],
    [25, 0, true, "0.00", ["total-floored: 2025年10月考核得分 -25.00 低于 0，按规则计为 0", "below-threshold: 2025年10月考核得分 0.00 低于达标分 95，将拉低本期平均分"]],
    [1, 0, false, "95.00", []],
    [0, 3, false, "94.00", ["below-threshold: 2025年10月考核得分 94.00 低于达标分 95，将拉低本期平均分"]],
  ] as [number, number, boolean, string, string[]][])("fraud %i, complaints %i, floor option %s → %s", (fraud, complaints, withFloor, total, warnings) => {
    const s = scored(perfectMonth("2025-10", { fraud, complaints }), { rules: withFloor ? floor : defaultRules() });
    expect(fixed2(s.value.total)).toBe(total);
    expect(s.warnings.filter((w) => w.field === "total").map((w) => `${w.code}: ${w.message}`)).toEqual(warnings);
  });
  it("the English of the total warnings names the total and the rule", () => {
    const s = scored(perfectMonth("2025-10", { fraud: 25 }), { rules: floor });
    expect(s.warnings.filter((w) => w.field === "total").map((w) => w.messageEn)).toEqual(["total -25.00 is below 0: floored at 0 by the rule set", "total 0.00 is below the 95 threshold"]);
    expect(scored(perfectMonth("2025-10", { fraud: 25 })).warnings.find((w) => w.code === "total-below-0")?.messageEn).toBe("total -25.00 is below 0");
  });
  it.each([
    // bonus level, cap option, total, warning
    [null, false, "100.00", null],
    ["群众", false, "101.00", "total-above-100: 2025年10月考核得分 101.00 超过 100 分（合同未规定封顶）"],
    ["群众", true, "100.00", "total-capped: 2025年10月考核得分 101.00 超过 100，按规则封顶为 100"],
  ] as [string | null, boolean, string, string | null][])("bonus %s, cap option %s → %s", (level, withCap, total, warning) => {
    const s = scored(perfectMonth("2025-10"), { events: level ? [event({ level })] : [], rules: withCap ? cap : defaultRules() });
    expect(fixed2(s.value.total)).toBe(total);
    expect(s.warnings.filter((w) => w.field === "total").map((w) => `${w.code}: ${w.message}`)).toEqual(warning === null ? [] : [warning]);
  });
});

describe("events: an unknown event type is refused, not scored", () => {
  it.each(["other", "", "加分"])("type %j", (type) => {
    const o = scoreMonth(perfectMonth("2025-10"), [event({ type: type as "bonus" })], ON_TIME, defaultRules());
    if (o.ok) throw new Error("expected the month to be refused");
    expect(o.errors.map((e) => [e.code, e.field, e.month, e.message, e.messageEn])).toEqual([
      ["bad-event-type", "events[0].type", "2025-10", `事件类型「${type}」应为 加分/扣分`, `event type "${type}" must be bonus/penalty`],
    ]);
  });
});

describe("事项编号: ids that differ only by spaces, width or case are one matter", () => {
  it.each([
    ["BY-101", "by-101"],
    [" BY - 101 ", "by-101"],
    ["ＢＹ－１０１", "by-101"],
    ["BY\u3000101", "by101"],
    ["by\u00a0101\u200b\ufeff", "by101"],
    ["B Y\t1\n0 1", "by101"],
    ["", ""],
  ])("%j → %j", (id, key) => {
    expect(normalizeMatterId(id)).toBe(key);
  });
  it.each([
    // two bonuses of one month: their ids, the row 11 score
    ["BY-101", " by - 101", "10.00"],
    ["BY-101", "ＢＹ-101", "10.00"],
    ["BY-101", "BY-102", "20.00"],
    ["", "", "20.00"],
  ])("%j and %j in one month → %s", (a, b, score) => {
    const events = [event({ level: "市级及以上", matterId: a }), event({ level: "市级及以上", matterId: b })];
    expect(row(11, perfectMonth("2025-10"), { events })).toBe(score);
  });
  it("a matter scored in an earlier month scores 0 later, however its id is spaced (A7)", () => {
    const events = [event({ month: "2025-09", matterId: "BY 101" }), event({ month: "2025-10", matterId: "BY101 " })];
    const s = scored(perfectMonth("2025-10"), { events });
    expect(fixed2(s.value.items.find((i) => i.no === 11)!.score)).toBe("0.00");
    expect(s.warnings.filter((w) => w.code === "matter-scored-earlier").map((w) => [w.field, w.message])).toEqual([
      ["events[1].matterId", "加分事项 BY101 已在2025年9月计分：合同「同一事项只计一次分」（A7：整个合同期内只计一次），本月计 0 分"],
    ]);
  });
  it("two penalties of one matter spelled differently deduct once, at the higher level (A8 default)", () => {
    const events = [event({ type: "penalty", level: "市级及以下", matterId: "P-1" }), event({ type: "penalty", level: "省级", matterId: " p-1 " })];
    expect(row(12, perfectMonth("2025-10"), { events })).toBe("-20.00");
  });
});

describe("a month that hits the floors: every row's words (2025-06, worked by hand)", () => {
  // Row 4: 月报 2025-05 due Tue 06-10, not submitted: late 06-11 … 06-30 = 14 working days → floor 0.
  // Row 8: 500/1000 = 50%, 45 points short × 0.5 = 22.5 → floor 0. Row 9: 0% → 10 − 9 steps × 0.5 = 5.50.
  // Row 10: the 15th is a Sunday → 06-16; 3 of 12 absent → 7. Row 12: P-1 at 省级 (−20) once, the 市级 report of it dropped.
  // Total 10 + 10 + 0 + 0 + 0 + 0 + 14 + 0 + 5.5 + 7 − 20 = 26.50.
  it("explains each row and warns", () => {
    const ind = perfectMonth("2025-06", { headcount: 12, changed: 5, trainingLapses: 7, answerRank: 25, answer15sRank: 6, verySatisfied: 500, satisfied: 0, neutral: 500, ticketsSampled: 100, ticketsPassed: 0, examSat: 9, calls: 1000, answered: 950, manualAnswered: 800, answered15s: 600 });
    const events = [
      event({ month: "2025-06", type: "penalty", level: "省级", matterId: "P-1", description: "省厅通报" }),
      event({ month: "2025-06", type: "penalty", level: "市级及以下", matterId: "p-1" }),
      event({ month: "2025-06", type: "penalty", level: "国家级", verified: false }),
      event({ month: "2025-06", level: "市级及以上", reported: false, evidence: false }),
    ];
    const s = scored(ind, { events, reports: [{ kind: "月报", period: "2025-05", submitted: null, extensionApproved: false }] });
    expect(fixed2(s.value.total)).toBe("26.50");
    expect(s.value.items.map((i) => [i.no, i.summary, i.explanation.replace(/^.*? —— /, ""), i.explanationEn.replace(/^Scorecard row \d+ \(.*?\): /, "")])).toEqual([
      [1, "团队 12 人，达到 10 人", "团队 12 人，达到 10 人，10 − 0 × 1 = 10.00，得 10.00 分", "team of 12, 0 short of 10 → 10.00"],
      [2, "管理制度落实：是；运营报告按时完整：是", "管理制度落实：是；运营报告按时完整：是，10 = 10.00，得 10.00 分", "rules followed: yes; reports on time: yes → 10.00"],
      [3, "变动 5 人 / 12 人，流动率 41.67%", "变动 5 人 / 12 人，流动率 41.67%，大于 30%，不得分", "5 of 12 changed (41.67%) → 0.00"],
      [4, "月报(2025-05) 应交 2025-06-10，至月末未提交，已迟 14 个工作日", "共迟 14 个工作日，5 − 14 × 1 = -9.00，扣至 0.00 分为止，得 0.00 分", "14 working day(s) late in all → 0.00"],
      [5, "培训/精神面貌问题 7 次", "培训/精神面貌问题 7 次，5 − 7 × 1 = -2.00，扣至 0.00 分为止，得 0.00 分", "7 lapse(s) → 0.00"],
      [6, "全国第 25/31 名（接通率 95.00%）", "全国第 25/31 名（接通率 95.00%），低于第 5 名 20 个位次，15 − 20 = -5.00，扣至 0.00 分为止，得 0.00 分", "rank 25 of 31 → 0.00"],
      [7, "全国第 6/31 名（15秒接通率 75.00%）", "全国第 6/31 名（15秒接通率 75.00%），低于第 5 名 1 个位次，15 − 1 = 14.00，得 14.00 分", "rank 6 of 31 → 14.00"],
      [8, "满意率 50.00%（500/1000）", "满意率 50.00%（500/1000），低于 95% 共 45.00 个百分点，按比例计 45 步 × 0.5 分，10 − 22.50 = -12.50，扣至 0.00 分为止，得 0.00 分", "500 of 1000 valid ratings satisfied (50.00%) → 0.00"],
      [9, "抽检 100 条，合格 0 条，准确率 0.00%", "抽检 100 条，合格 0 条，准确率 0.00%，低于 90% 共 90.00 个百分点，每 10% 扣 0.5 分（按比例），10 − 4.50 = 5.50，得 5.50 分", "0 of 100 tickets pass (0.00%) → 5.50"],
      [10, "截止 2025-06-16（15 日非工作日，顺延） 参考 9/12 人，覆盖率 75.00%", "截止 2025-06-16（15 日非工作日，顺延） 参考 9/12 人，覆盖率 75.00%，10 − 3 × 1 = 7.00，得 7.00 分", "9 of 12 sat the exam by 2025-06-16 → 7.00"],
      [11, "事项 第4条（市级及以上）无佐证材料、非乙方报送，不加分", "事项 第4条（市级及以上）无佐证材料、非乙方报送，不加分，合计 +0.00", "0 bonus event(s) counted → +0.00"],
      [12, "事项 第3条（国家级）未经查属实，不扣分；事项 p-1 重复（市级及以下），同一事项只计一次；事项 P-1「省厅通报」（省级）−20", "事项 第3条（国家级）未经查属实，不扣分；事项 p-1 重复（市级及以下），同一事项只计一次；事项 P-1「省厅通报」（省级）−20，合计 −20.00（扣分层级：市级及以下 −10，省级 −20，国家级/部级 −50）", "1 penalty event(s) counted → −20.00"],
      [13, "无有效投诉", "有效投诉 0 件 × 2 = −0.00", "0 valid complaint(s) → −0.00"],
      [14, "未发现弄虚作假", "弄虚作假 0 次 × 5 = −0.00", "0 falsification finding(s) → −0.00"],
    ]);
    expect(s.value.items.map((i) => i.bound)).toEqual([null, null, null, "floor", "floor", "floor", null, "floor", null, null, null, null, null, null]);
    expect(s.warnings.map((w) => [w.code, w.field, w.message, w.messageEn])).toEqual([
      ["few-tickets", "ticketsSampled", "「抽检工单数」100 少于人均 10 条（12 人应抽 120 条）", "tickets sampled (100) are fewer than 10 per seat (120 for 12)"],
      ["report-not-submitted", "reports[0].submitted", "月报(2025-05) 应于 2025-06-10 提交，未填提交日期，按至月末未提交计", "月报(2025-05) was due 2025-06-10 and has no submission date: counted as not submitted by month end"],
      ["penalty-not-verified", "events[2].verified", "扣分事项 第3条未标「经查属实」，不扣分", "penalty #3 is not verified: not deducted"],
      ["bonus-kept-at-zero", "events[3].evidence", "加分事项 第4条无佐证材料、非乙方报送，按合同「佐证材料不充分、不完整，或经核查不属实的不加分」及加分须「由乙方主动进行报送」（A9：市级及以上表扬同样要求），计 0 分", "bonus #4 scored 0: no evidence, not reported by the operator (the contract: a bonus must be reported by the operator, 由乙方主动进行报送)"],
      ["row2-row4-late", "reportsOnTime", "2025年6月第4项「数据分析」因报告迟交 14 个工作日扣 5.00 分，而「运营报告按时完整」填「是」（第2项未扣分）：两项按合同各自计分；如报告确未按时提交，请核对第2项", "2025-06: row 4 deducts 5.00 for reports 14 working day(s) late while \"operating reports on time and complete\" is yes (row 2 not deducted): each row is scored as written; check row 2"],
      ["below-threshold", "total", "2025年6月考核得分 26.50 低于达标分 95，将拉低本期平均分", "total 26.50 is below the 95 threshold"],
    ]);
  });
});
