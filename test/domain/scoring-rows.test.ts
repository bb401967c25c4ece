/**
 * Table-driven tests, one block per row of 附件二, at every boundary the contract names.
 * Each block quotes the contract's 评分细则.
 */
import { fixed2, MonthIndicators } from "../../src/domain";
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
    const outcome = refused(perfectMonth("2025-10", { headcount: 9.5 }));
    expect(outcome).toContainEqual(["headcount", "not-integer"]);
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
