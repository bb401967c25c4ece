/**
 * src/domain/scoring.ts as the clerk reads it (issue 17): every refusal and warning read whole — the
 * field (the cell the workbook layer names), the value, the rule — in zh-CN and English, and each
 * check with the values on both sides of its boundary. Written from Stryker's survivors over
 * scoring.ts; the expected texts are the rule's words with the values of the case filled in by hand.
 */
// @ts-nocheck

import { defaultRules, fixed2, LIBRARY_CALENDAR, scorecardItem, scoreMonth, unknownDateMessage, type MonthIndicators, type MonthScore, type Outcome, type Problem, type ReportSubmission } from "../../src/domain";
import { perfectMonth, rules } from "./builders";

type Row = [field: string, code: string, message: string, messageEn: string];
const rowsOf = (list: readonly Problem[]): Row[] => list.map((p) => [p.field, p.code, p.message, p.messageEn]);
/** The errors of a refused month, whole; each an error of the month scored. */
function errors(o: Outcome<MonthScore>, month = "2025-10"): Row[] {
  if (o.ok) throw new Error("expected the month to be refused");
  for (const e of o.errors) expect([e.severity, e.month]).toEqual(["error", month]);
  return rowsOf(o.errors);
}
const warnings = (o: Outcome<MonthScore>, code: string): Row[] => rowsOf(o.warnings.filter((w) => w.code === code));
const month = (change: Partial<MonthIndicators>, reports: ReportSubmission[] = []) => scoreMonth(perfectMonth("2025-10", change), [], reports, defaultRules());

// ---------------------------------------------------------------------- SPEC §6: each field on its own

describe("SPEC §6 each indicator: a number, whole, not negative, a rank from 1, 是/否 for the yes/no columns", () => {
  it.each<[string, Partial<MonthIndicators>, Row[]]>([
    ["a month that is not one", { month: "2025-13" }, [["month", "bad-month", "考核月份「2025-13」不是有效月份", 'month "2025-13" is not a valid month']]],
    ["a blank required column", { trainingLapses: null }, [["trainingLapses", "missing", "2025年10月「培训问题次数」未填写", '2025-10: "training lapses" is blank']]],
    ["是/否 typed as text", { rulesFollowed: "是" as unknown as boolean }, [["rulesFollowed", "not-yesno", "「管理制度落实」应为 是/否，实为「是」", '"management rules followed" must be yes/no, got "是"']]],
    ["a yes/no column given a number", { reportsOnTime: 1 as unknown as boolean }, [["reportsOnTime", "not-yesno", "「运营报告按时完整」应为 是/否，实为「1」", '"operating reports on time and complete" must be yes/no, got "1"']]],
    ["text in a number column", { complaints: "两" as unknown as number }, [["complaints", "not-number", "「有效投诉数」应为数字，实为「两」", '"valid complaints" must be a number, got "两"']]],
    ["infinity", { fraud: Infinity }, [["fraud", "not-number", "「弄虚作假次数」应为数字，实为「Infinity」", '"falsification findings" must be a number, got "Infinity"']]],
    ["a fraction", { trainingLapses: 1.5 }, [["trainingLapses", "not-integer", "「培训问题次数」应为整数，实为 1.5", '"training lapses" must be a whole number, got 1.5']]],
    ["rank 0", { answer15sRank: 0 }, [["answer15sRank", "rank-below-1", "「15秒接通率排名」应为不小于 1 的名次，实为 0", '"15-second answer rank" must be a rank ≥ 1, got 0']]],
    ["a negative rank is below 1, not negative", { answerRank: -2 }, [["answerRank", "rank-below-1", "「接通率排名」应为不小于 1 的名次，实为 -2", '"answer-rate rank" must be a rank ≥ 1, got -2']]],
    ["−1 complaints", { complaints: -1 }, [["complaints", "negative", "「有效投诉数」不能为负数，实为 -1", '"valid complaints" cannot be negative, got -1']]],
    ["beyond 2⁵³", { fraud: 2 ** 53 }, [["fraud", "too-large", "「弄虚作假次数」数值过大：9007199254740992", '"falsification findings" is too large: 9007199254740992']]],
  ])("%s", (_, change, expected) => {
    expect(errors(month(change), change.month ?? "2025-10")).toEqual(expected);
  });

  it.each<[string, Partial<MonthIndicators>]>([
    ["rank 1", { answerRank: 1, answer15sRank: 1 }],
    ["0 complaints, 0 fraud, 0 lapses, 0 changed", { complaints: 0, fraud: 0, trainingLapses: 0, changed: 0 }],
    ["2⁵³ − 1 complaints", { complaints: 2 ** 53 - 1 }],
    ["the optional rate columns blank", { calls: null, answered: null, manualAnswered: null, answered15s: null }],
  ])("accepted: %s", (_, change) => {
    expect(month(change).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------- SPEC §6: the cross-checks

describe("SPEC §6 cross-checks: each names the later column and both values", () => {
  it.each<[string, Partial<MonthIndicators>, Row[]]>([
    ["no centre ranked", { centresRanked: 0, answerRank: 1, answer15sRank: 1 }, [
      ["centresRanked", "no-centres", "「排名中心数」应不小于 1", "centres ranked must be ≥ 1"],
      ["answerRank", "rank-above-centres", "「接通率排名」第 1 名超过「排名中心数」0", "answer-rate rank 1 is beyond the 0 centres ranked"],
      ["answer15sRank", "rank-above-centres", "「15秒接通率排名」第 1 名超过「排名中心数」0", "15-second answer rank 1 is beyond the 0 centres ranked"],
    ]],
    ["rank 32 of 31", { answerRank: 32 }, [["answerRank", "rank-above-centres", "「接通率排名」第 32 名超过「排名中心数」31", "answer-rate rank 32 is beyond the 31 centres ranked"]]],
    ["101 passing of 100 sampled", { ticketsPassed: 101 }, [["ticketsPassed", "passed-above-sampled", "「合格工单数」101 大于「抽检工单数」100", "tickets passing (101) exceed tickets sampled (100)"]]],
    ["3 bad ratings excluded of 2", { dissatisfied: 1, veryDissatisfied: 1, excludedBad: 3 }, [["excludedBad", "excluded-above-bad", "「剔除差评数」3 大于 不满意+非常不满意 2", "excluded bad ratings (3) exceed the bad ratings (2)"]]],
    ["11 at the exam of a team of 10", { examSat: 11 }, [["examSat", "sat-above-team", "「按时参考人数」11 大于「团队人数」10", "staff who sat the exam (11) exceed the team (10)"]]],
    ["101 answered of 100 calls", { calls: 100, answered: 101 }, [["answered", "answered-above-calls", "「接通次数」101 大于「呼叫次数」100", "calls answered (101) exceed calls (100)"]]],
    ["51 within 15 s of 50 manual answers", { manualAnswered: 50, answered15s: 51 }, [["answered15s", "15s-above-manual", "「15秒内接通数」51 大于「人工服务接通数」50", "answered within 15 s (51) exceed manual answers (50)"]]],
  ])("%s", (_, change, expected) => {
    expect(errors(month(change))).toEqual(expected);
  });

  it.each<[string, Partial<MonthIndicators>]>([
    ["rank 31 of 31", { answerRank: 31, answer15sRank: 31 }],
    ["1 centre, rank 1", { centresRanked: 1, answerRank: 1, answer15sRank: 1 }],
    ["100 passing of 100", { ticketsPassed: 100 }],
    ["2 excluded of 2 bad", { dissatisfied: 1, veryDissatisfied: 1, excludedBad: 2 }],
    ["10 at the exam of 10", { examSat: 10 }],
    ["every call answered", { calls: 100, answered: 100 }],
    ["every manual answer within 15 s", { manualAnswered: 50, answered15s: 50 }],
  ])("the boundary itself is accepted: %s", (_, change) => {
    expect(month(change).ok).toBe(true);
  });

  it("a cross-check is not made against a column that is itself bad (one error per cell)", () => {
    expect(errors(month({ ticketsSampled: -1, ticketsPassed: 5 })).map((r) => [r[0], r[1]])).toEqual([["ticketsSampled", "negative"]]);
    expect(errors(month({ headcount: 1.5, examSat: 10 })).map((r) => [r[0], r[1]])).toEqual([["headcount", "not-integer"]]);
    expect(errors(month({ centresRanked: null, answerRank: 40 })).map((r) => [r[0], r[1]])).toEqual([["centresRanked", "missing"]]);
    expect(errors(month({ excludedBad: null, dissatisfied: 0 })).map((r) => [r[0], r[1]])).toEqual([["excludedBad", "missing"]]);
  });

  it("only one of calls / calls answered: a warning on the blank one, no rate", () => {
    const callsOnly = month({ calls: 100 });
    const answeredOnly = month({ answered: 90 });
    const note = ["「呼叫次数」与「接通次数」只填了一个，接通率不显示", "only one of calls / calls answered is given: the answer rate is not shown"];
    expect(warnings(callsOnly, "rate-half-given")).toEqual([["answered", "rate-half-given", ...note]]);
    expect(warnings(answeredOnly, "rate-half-given")).toEqual([["calls", "rate-half-given", ...note]]);
    expect(warnings(month({ calls: 100, answered: 90 }), "rate-half-given")).toEqual([]);
  });
});

// ---------------------------------------------------------------------- A11: what the contract cannot score

describe("A11: an item the contract cannot score is an error that says how to go on", () => {
  const how = (no: number, indicator: string) =>
    `第${no}项「${indicator}」本月无法按合同计分（合同对此没有给分办法，本工具不代为给分）。如甲乙双方就该项得分达成一致，请在「约定调整」工作表添加一行：考核月份 2025-10 | 序号 ${no} | 约定得分 | 依据（双方约定的理由），再重新评分`;
  const howEn = (no: number, indicatorEn: string) =>
    `item ${no} (${indicatorEn}) cannot be scored under the contract this month. If both parties agree a score, add a row to 约定调整: 考核月份 2025-10 | 序号 ${no} | 约定得分 (the score) | 依据 (why), then score again`;
  it("a team of 0: rows 3 and 10, on 团队人数", () => {
    expect(errors(month({ headcount: 0, examSat: 0, changed: 0 }))).toEqual([
      ["headcount", "zero-team", `「团队人数」为 0，无法计算流动率：${how(3, "项目人员月流动率")}`, `team headcount is 0: turnover cannot be computed: ${howEn(3, "Monthly staff turnover")}`],
      ["headcount", "zero-team", `「团队人数」为 0，无法计算考试覆盖率：${how(10, "考试覆盖率")}`, `team headcount is 0: exam coverage cannot be computed: ${howEn(10, "Exam coverage")}`],
    ]);
  });
  it("no ticket sampled: row 9, on 抽检工单数", () => {
    expect(errors(month({ ticketsSampled: 0, ticketsPassed: 0 }))).toEqual([
      ["ticketsSampled", "zero-sampled", `「抽检工单数」为 0，无法计算质检准确率：${how(9, "工单质检准确率")}`, `no tickets sampled: quality rate cannot be computed: ${howEn(9, "Ticket quality checks")}`],
    ]);
  });
  it.each<[string, Partial<MonthIndicators>]>([
    ["no rating at all", { verySatisfied: 0, satisfied: 0 }],
    ["every rating a bad one, all excluded", { verySatisfied: 0, satisfied: 0, dissatisfied: 2, veryDissatisfied: 1, excludedBad: 3 }],
  ])("no valid rating (%s): row 8, on 非常满意", (_, change) => {
    expect(errors(month(change))).toEqual([["verySatisfied", "no-valid-ratings", `有效评价数为 0，无法计算满意率：${how(8, "团队服务满意率")}`, `no valid ratings: satisfaction cannot be computed: ${howEn(8, "Caller satisfaction")}`]]);
  });
  it("one valid rating is enough", () => {
    expect(month({ verySatisfied: 0, satisfied: 0, neutral: 1 }).ok).toBe(true);
    expect(month({ verySatisfied: 0, satisfied: 0, dissatisfied: 2, excludedBad: 1 }).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------- row 4 数据分析: the report rows

const r = (kind: string, period: string, submitted: string | null, extensionApproved = false): ReportSubmission => ({ kind: kind as ReportSubmission["kind"], period, submitted, extensionApproved });
/** Problems of any month (a report row's kind and period are the row's, not the month's). */
const allOf = (list: readonly Problem[]) => list.map((p) => [p.field, p.code, p.message, p.messageEn, p.month ?? null]);
const refusedWith = (o: Outcome<MonthScore>) => {
  if (o.ok) throw new Error("expected the month to be refused");
  return allOf(o.errors);
};
const ON_TIME_Q3 = r("季报", "2025Q3", "2025-10-14");

describe("row 4: a report row the scorecard cannot read is refused, naming its cell", () => {
  it("an unknown kind, on 报告类型", () => {
    expect(refusedWith(month({}, [r("周报", "2025-09", "2025-10-09"), ON_TIME_Q3]))).toEqual([["reports[0].kind", "bad-report-kind", "报告类型「周报」应为 月报/季报/年报", 'report kind "周报" must be 月报/季报/年报', null]]);
  });
  it.each([
    ["月报", "2025-9x", "2025-09"],
    ["季报", "2025Q5", "2025Q3"],
    ["年报", "25", "2025"],
  ])("an unreadable %s period %j, with an example of the kind", (kind, period, example) => {
    expect(refusedWith(month({}, [r(kind, period, "2025-10-09")]))).toEqual([["reports[0].period", "bad-report-period", `${kind}的报告期「${period}」无法识别（例：${example}）`, `report period "${period}" is not a ${kind} period (e.g. ${example})`, null]]);
  });
  it("a period due in a year the holiday calendar does not know: refused in every month, on the period", () => {
    const [zh, en] = unknownDateMessage("2031-05-10", LIBRARY_CALENDAR);
    expect(refusedWith(month({}, [r("月报", "2031-04", null), r("月报", "2025-09", "2025-10-09"), ON_TIME_Q3]))).toEqual([["reports[0].period", "unknown-date", `月报 2031-04：${zh}`, `月报 2031-04: ${en}`, null]]);
  });
  it("a submission date the calendar does not know, on the date", () => {
    const [zh, en] = unknownDateMessage("2031-05-12", LIBRARY_CALENDAR);
    expect(refusedWith(month({}, [r("月报", "2025-09", "2031-05-12"), ON_TIME_Q3]))).toEqual([["reports[0].submitted", "unknown-date", zh, en, "2025-10"]]);
  });
  it.each([
    ["2025-08-31", true],
    ["2025-09-01", false],
  ])("submitted %s, the period starting 2025-09-01: refused %s", (submitted, isRefused) => {
    const o = month({}, [r("月报", "2025-09", submitted), ON_TIME_Q3]);
    if (isRefused) expect(refusedWith(o)).toEqual([["reports[0].submitted", "submitted-before-period", `月报 2025-09 的提交日期 ${submitted} 早于其报告期（2025-09-01 起）`, `月报 2025-09 submitted ${submitted}, before the period it reports (from 2025-09-01)`, "2025-10"]]);
    else expect(o.ok).toBe(true);
  });
  it.each([
    ["2025-09-01", true],
    ["2025-09-30", true],
    ["2025-10-01", false],
  ])("handed in %s, the period ending 2025-09-30: an early-submission warning %s", (submitted, warned) => {
    const o = month({}, [r("月报", "2025-09", submitted), ON_TIME_Q3]);
    expect(allOf(o.warnings.filter((w) => w.code === "submitted-before-period-end"))).toEqual(
      warned ? [["reports[0].submitted", "submitted-before-period-end", "月报 2025-09 在报告期结束（2025-09-30）前即已提交，请核对日期", "月报 2025-09 was submitted before its period ended (2025-09-30): check the date", "2025-10"]] : [],
    );
  });
  it("the same period twice: refused on the second row, naming the first", () => {
    expect(refusedWith(month({}, [ON_TIME_Q3, r("月报", "2025-09", "2025-10-09"), r("月度报告", " 2025-09 ", "2025-10-10")]))).toEqual([
      ["reports[2].period", "duplicate-report", "月报 2025-09 登记了两次（另见第 2 条）", "月报 2025-09 is recorded twice (see also entry 2)", "2025-10"],
    ]);
  });
});

describe("row 4 数据分析 — 每超过一个工作日扣 1 分，5 分扣完为止: the words of the row", () => {
  /** Row 4's rule as the explanation starts (read inside each test: nothing runs while the file loads). */
  const rule = () => `附件二第4项「数据分析」评分细则：${scorecardItem(4).rule} —— `;
  const row4 = (o: Outcome<MonthScore>) => {
    if (!o.ok) throw new Error(o.errors.map((e) => e.message).join("; "));
    const it = o.value.items.find((i) => i.no === 4)!;
    return { score: fixed2(it.score), bound: it.bound, summary: it.summary, explanation: it.explanation, explanationEn: it.explanationEn, inputs: it.inputs };
  };
  it("both reports on time: full marks", () => {
    const summary = "月报(2025-09) 应交 2025-10-10，2025-10-09 按时提交；季报(2025Q3) 应交 2025-10-15，2025-10-14 按时提交";
    expect(row4(month({}, [r("月报", "2025-09", "2025-10-09"), ON_TIME_Q3]))).toEqual({
      score: "5.00",
      bound: null,
      summary,
      explanation: `${rule()}${summary}，得满分 5 分`,
      explanationEn: "Scorecard row 4 (Data analysis reports): 0 working day(s) late in all → 5.00",
      inputs: { "月报(2025-09)": "应交 2025-10-10，2025-10-09 提交", "季报(2025Q3)": "应交 2025-10-15，2025-10-14 提交" },
    });
  });
  it("SPEC §7: 2 working days late (10-11 is a 调休 working day) → 5 − 2 × 1 = 3", () => {
    const o = month({}, [r("月报", "2025-09", "2025-10-13"), ON_TIME_Q3]);
    expect(row4(o)).toEqual(
      expect.objectContaining({
        score: "3.00",
        bound: null,
        summary: "月报(2025-09) 应交 2025-10-10，2025-10-13 提交，迟 2 个工作日；季报(2025Q3) 应交 2025-10-15，2025-10-14 按时提交",
        explanation: `${rule()}共迟 2 个工作日，5 − 2 × 1 = 3.00，得 3.00 分`,
        explanationEn: "Scorecard row 4 (Data analysis reports): 2 working day(s) late in all → 3.00",
      }),
    );
    expect(allOf(o.warnings.filter((w) => w.code === "row2-row4-late"))).toEqual([
      ["reportsOnTime", "row2-row4-late", "2025年10月第4项「数据分析」因报告迟交 2 个工作日扣 2.00 分，而「运营报告按时完整」填「是」（第2项未扣分）：两项按合同各自计分；如报告确未按时提交，请核对第2项", '2025-10: row 4 deducts 2.00 for reports 2 working day(s) late while "operating reports on time and complete" is yes (row 2 not deducted): each row is scored as written; check row 2', "2025-10"],
    ]);
  });
  it("the row 2 / row 4 check: not when 运营报告按时完整 is 否, nor when no day is late", () => {
    expect(month({ reportsOnTime: false }, [r("月报", "2025-09", "2025-10-13"), ON_TIME_Q3]).warnings.map((w) => w.code)).not.toContain("row2-row4-late");
    expect(month({}, [r("月报", "2025-09", "2025-10-13", true), ON_TIME_Q3]).warnings.map((w) => w.code)).not.toContain("row2-row4-late");
  });
  it("a due date on a Saturday moves to Monday, said so; handed in on the Monday is on time", () => {
    const o = scoreMonth(perfectMonth("2025-05"), [], [r("月报", "2025-04", "2025-05-12")], defaultRules());
    expect(row4(o)).toEqual(expect.objectContaining({ score: "5.00", summary: "月报(2025-04) 应交 2025-05-12（2025-05-10 非工作日，顺延），2025-05-12 按时提交", inputs: { "月报(2025-04)": "应交 2025-05-12（2025-05-10 非工作日，顺延），2025-05-12 提交" } }));
  });
  it("7 working days late (10-11, 10-13…17, 10-20): 5 − 7 × 1 = −2, floored at 0, said so", () => {
    const o = month({ reportsOnTime: false }, [r("月报", "2025-09", "2025-10-20"), ON_TIME_Q3]);
    expect(row4(o)).toEqual(expect.objectContaining({ score: "0.00", bound: "floor", explanation: `${rule()}共迟 7 个工作日，5 − 7 × 1 = -2.00，扣至 0.00 分为止，得 0.00 分`, explanationEn: "Scorecard row 4 (Data analysis reports): 7 working day(s) late in all → 0.00" }));
  });
  it("an extension approved: not late, said so in the line and the inputs", () => {
    const o = month({}, [r("月报", "2025-09", "2025-10-20", true), ON_TIME_Q3]);
    expect(row4(o)).toEqual(
      expect.objectContaining({
        score: "5.00",
        summary: "月报(2025-09) 应交 2025-10-10，延期已获批，不扣分；季报(2025Q3) 应交 2025-10-15，2025-10-14 按时提交",
        inputs: { "月报(2025-09)": "应交 2025-10-10，2025-10-20 提交，延期已获批", "季报(2025Q3)": "应交 2025-10-15，2025-10-14 提交" },
      }),
    );
  });
  it("not submitted by the month's end: late through 10-31 (16 working days, 10-11 included), with a warning on its date cell", () => {
    const o = month({ reportsOnTime: false }, [r("月报", "2025-09", null), ON_TIME_Q3]);
    expect(row4(o)).toEqual(expect.objectContaining({ score: "0.00", summary: "月报(2025-09) 应交 2025-10-10，至月末未提交，已迟 16 个工作日；季报(2025Q3) 应交 2025-10-15，2025-10-14 按时提交", inputs: { "月报(2025-09)": "应交 2025-10-10，未提交", "季报(2025Q3)": "应交 2025-10-15，2025-10-14 提交" } }));
    expect(allOf(o.warnings.filter((w) => w.code === "report-not-submitted"))).toEqual([
      ["reports[0].submitted", "report-not-submitted", "月报(2025-09) 应于 2025-10-10 提交，未填提交日期，按至月末未提交计", "月报(2025-09) was due 2025-10-10 and has no submission date: counted as not submitted by month end", "2025-10"],
    ]);
  });
  it("not submitted, extension approved: no deduction and no warning", () => {
    const o = month({}, [r("月报", "2025-09", null, true), ON_TIME_Q3]);
    expect(row4(o).score).toBe("5.00");
    expect(o.warnings.map((w) => w.code)).not.toContain("report-not-submitted");
  });
  it("a report due in the month and not recorded: a reminder, not a deduction", () => {
    const o = month({}, [r("月报", "2025-09", "2025-10-09")]);
    expect(row4(o)).toEqual(expect.objectContaining({ score: "5.00", summary: "月报(2025-09) 应交 2025-10-10，2025-10-09 按时提交；季报(2025Q3) 未登记" }));
    expect(allOf(o.warnings.filter((w) => w.code === "report-not-recorded"))).toEqual([
      ["reports", "report-not-recorded", "2025年10月应交的季报(2025Q3)（2025-10-15 截止）未在「报告提交」登记，未扣分；如确未提交，请登记一行并留空提交日期", "季报 2025Q3 due 2025-10-15 is not recorded in 报告提交: not deducted; if it was not submitted, add a row with no date", "2025-10"],
    ]);
  });
  it("a month with no report due: full marks, said so", () => {
    const o = scoreMonth(perfectMonth("2024-12"), [], [], rules({ scoring: { annualReportYear: "previousYear" } }));
    expect(row4(o)).toEqual(expect.objectContaining({ score: "5.00", summary: "本月无应交报告", explanation: `${rule()}本月无应交报告，得满分 5 分`, inputs: {} }));
  });
});

// ---------------------------------------------------------------------- rows 1–3, 5–14: the words of each branch

/** [序号, 完成情况, how (the explanation after the rule), English (after the row's name)] of the rows asked for. */
const words = (o: Outcome<MonthScore>, nos: number[]) => {
  if (!o.ok) throw new Error(o.errors.map((e) => e.message).join("; "));
  return nos.map((no) => {
    const it = o.value.items.find((i) => i.no === no)!;
    const head = `附件二第${no}项「${scorecardItem(no).indicator}」评分细则：${scorecardItem(no).rule} —— `;
    const headEn = `Scorecard row ${no} (${scorecardItem(no).indicatorEn}): `;
    expect(it.explanation.startsWith(head)).toBe(true);
    expect(it.explanationEn.startsWith(headEn)).toBe(true);
    return [no, it.summary, it.explanation.slice(head.length), it.explanationEn.slice(headEn.length)];
  });
};
const OCTOBER_REPORTS = [r("月报", "2025-09", "2025-10-09"), ON_TIME_Q3];
const scoredOctober = (change: Partial<MonthIndicators>, rs = defaultRules()) => scoreMonth(perfectMonth("2025-10", change), [], OCTOBER_REPORTS, rs);

describe("rows at full marks: each says it reached the mark", () => {
  it("rows 3, 5–14 of a perfect month with the rates given", () => {
    const o = scoredOctober({ calls: 1000, answered: 990, manualAnswered: 800, answered15s: 800 });
    expect(words(o, [3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])).toEqual([
      [3, "变动 0 人 / 10 人，流动率 0.00%", "变动 0 人 / 10 人，流动率 0.00%，小于 20%，得满分", "0 of 10 changed (0.00%) → 10.00"],
      [5, "培训与精神面貌无问题", "培训与精神面貌无问题，5 − 0 × 1 = 5.00，得 5.00 分", "0 lapse(s) → 5.00"],
      [6, "全国第 1/31 名（接通率 99.00%）", "全国第 1/31 名（接通率 99.00%），在前 5 名，得满分 15 分", "rank 1 of 31 → 15.00"],
      [7, "全国第 1/31 名（15秒接通率 100.00%）", "全国第 1/31 名（15秒接通率 100.00%），在前 5 名，得满分 15 分", "rank 1 of 31 → 15.00"],
      [8, "满意率 100.00%（1000/1000）", "满意率 100.00%（1000/1000），达到 95%，得满分 10 分", "1000 of 1000 valid ratings satisfied (100.00%) → 10.00"],
      [9, "抽检 100 条，合格 100 条，准确率 100.00%", "抽检 100 条，合格 100 条，准确率 100.00%，达到 90%，得满分 10 分", "100 of 100 tickets pass (100.00%) → 10.00"],
      [10, "截止 2025-10-15 参考 10/10 人，覆盖率 100.00%", "截止 2025-10-15 参考 10/10 人，覆盖率 100.00%，10 − 0 × 1 = 10.00，得 10.00 分", "10 of 10 sat the exam by 2025-10-15 → 10.00"],
      [11, "无加分事件", "无加分事件，合计 +0.00", "0 bonus event(s) counted → +0.00"],
      [12, "无扣分事件", "无扣分事件，合计 −0.00（扣分层级：市级及以下 −10，省级 −20，国家级/部级 −50）", "0 penalty event(s) counted → −0.00"],
      [13, "无有效投诉", "有效投诉 0 件 × 2 = −0.00", "0 valid complaint(s) → −0.00"],
      [14, "未发现弄虚作假", "弄虚作假 0 次 × 5 = −0.00", "0 falsification finding(s) → −0.00"],
    ]);
    expect(o.ok && o.value.items.map((i) => [i.no, i.bound])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((no) => [no, null]));
  });
  it("no rate is shown from 0 calls or 0 manual answers", () => {
    expect(words(scoredOctober({ calls: 0, answered: 0, manualAnswered: 0, answered15s: 0 }), [6, 7]).map((w) => w[1])).toEqual(["全国第 1/31 名", "全国第 1/31 名"]);
  });
});

describe("rows with deductions: the arithmetic in words", () => {
  it("rows 1, 2, 5–10, 13, 14 (team of 9, both 否, 2 lapses, rank 7, 92 %, 85 %, 1 absent, 2 complaints, 1 finding)", () => {
    const o = scoredOctober({ headcount: 9, examSat: 8, rulesFollowed: false, reportsOnTime: false, trainingLapses: 2, answerRank: 7, verySatisfied: 900, satisfied: 20, neutral: 30, dissatisfied: 40, veryDissatisfied: 20, excludedBad: 10, ticketsPassed: 85, complaints: 2, fraud: 1 });
    expect(words(o, [1, 2, 5, 6, 8, 9, 10, 13, 14])).toEqual([
      [1, "团队 9 人，少 1 人", "团队 9 人，少 1 人，10 − 1 × 1 = 9.00，得 9.00 分", "team of 9, 1 short of 10 → 9.00"],
      [2, "管理制度落实：否；运营报告按时完整：否", "管理制度落实：否；运营报告按时完整：否，10 − 5 − 5 = 0.00，得 0.00 分", "rules followed: no; reports on time: no → 0.00"],
      [5, "培训/精神面貌问题 2 次", "培训/精神面貌问题 2 次，5 − 2 × 1 = 3.00，得 3.00 分", "2 lapse(s) → 3.00"],
      [6, "全国第 7/31 名", "全国第 7/31 名，低于第 5 名 2 个位次，15 − 2 = 13.00，得 13.00 分", "rank 7 of 31 → 13.00"],
      [8, "满意率 92.00%（920/1000，已剔除差评 10）", "满意率 92.00%（920/1000，已剔除差评 10），低于 95% 共 3.00 个百分点，按比例计 3 步 × 0.5 分，10 − 1.50 = 8.50，得 8.50 分", "920 of 1000 valid ratings satisfied (92.00%) → 8.50"],
      [9, "抽检 100 条，合格 85 条，准确率 85.00%", "抽检 100 条，合格 85 条，准确率 85.00%，低于 90% 共 5.00 个百分点，每 10% 扣 0.5 分（按比例），10 − 0.25 = 9.75，得 9.75 分", "85 of 100 tickets pass (85.00%) → 9.75"],
      [10, "截止 2025-10-15 参考 8/9 人，覆盖率 88.89%", "截止 2025-10-15 参考 8/9 人，覆盖率 88.89%，10 − 1 × 1 = 9.00，得 9.00 分", "8 of 9 sat the exam by 2025-10-15 → 9.00"],
      [13, "有效投诉 2 件", "有效投诉 2 件 × 2 = −4.00", "2 valid complaint(s) → −4.00"],
      [14, "弄虚作假 1 次", "弄虚作假 1 次 × 5 = −5.00", "1 falsification finding(s) → −5.00"],
    ]);
    // 9 + 0 + 10 (22.22 %: the 20–30 % band, A1) + 5 + 3 + 13 + 15 + 8.5 + 9.75 + 9 − 4 − 5 = 73.25
    expect(o.ok && fixed2(o.value.total)).toBe("73.25");
    expect(o.ok && fixed2(o.value.baseTotal)).toBe("82.25");
  });
  it.each<[string, Partial<MonthIndicators>, string]>([
    ["只计整步 (A3 floor): 92.5 % is 2 whole steps", { verySatisfied: 925, satisfied: 0, neutral: 75 }, "满意率 92.50%（925/1000），低于 95% 共 2.50 个百分点，只计整步计 2 步 × 0.5 分，10 − 1.00 = 9.00，得 9.00 分"],
  ])("row 8 %s", (_, change, how) => {
    expect(words(scoredOctober(change, rules({ options: { satisfactionSteps: "floor" } })), [8])[0]![2]).toBe(how);
  });
  it("row 8 不足一步按一步 (A3 ceil): 92.5 % is 3 steps", () => {
    expect(words(scoredOctober({ verySatisfied: 925, satisfied: 0, neutral: 75 }, rules({ options: { satisfactionSteps: "ceil" } })), [8])[0]![2]).toBe("满意率 92.50%（925/1000），低于 95% 共 2.50 个百分点，不足一步按一步计 3 步 × 0.5 分，10 − 1.50 = 8.50，得 8.50 分");
  });
  it("row 9 with 只计整步: 85 % is no whole step", () => {
    expect(words(scoredOctober({ ticketsPassed: 85 }, rules({ options: { ticketQualitySteps: "floor" } })), [9])[0]![2]).toBe("抽检 100 条，合格 85 条，准确率 85.00%，低于 90% 共 5.00 个百分点，每 10% 扣 0.5 分（只计整步），10 − 0.00 = 10.00，得 10.00 分");
  });
});

describe("row 3 项目人员月流动率 — 小于 20% 满分；20%-30% 得 10 分；大于 30% 不得分: the band edges", () => {
  const band = ["turnover-band"];
  it.each<[string, number, number, string, string, string, string[]]>([
    ["199 of 1000 (19.90 %)", 199, 1000, "10.00", "19.90%", "小于 20%，得满分", []],
    ["2 of 10 (20 % exactly) is in the band", 2, 10, "10.00", "20.00%", "在 20%–30% 档，按合同原文得 10.00 分", band],
    ["3 of 10 (30 % exactly) is in the band", 3, 10, "10.00", "30.00%", "在 20%–30% 档，按合同原文得 10.00 分", band],
    ["301 of 1000 (30.10 %)", 301, 1000, "0.00", "30.10%", "大于 30%，不得分", []],
  ])("%s", (_, changed, headcount, score, rate, how, codes) => {
    const o = scoredOctober({ changed, headcount, examSat: Math.min(10, headcount), ticketsSampled: headcount * 10, ticketsPassed: headcount * 10 });
    expect(words(o, [3])).toEqual([[3, `变动 ${changed} 人 / ${headcount} 人，流动率 ${rate}`, `变动 ${changed} 人 / ${headcount} 人，流动率 ${rate}，${how}`, `${changed} of ${headcount} changed (${rate}) → ${score}`]]);
    expect(o.warnings.map((w) => w.code).filter((c) => c === "turnover-band")).toEqual(codes);
  });
  it("the band's warning, under the contract and under A1 = 5", () => {
    expect(warnings(scoredOctober({ changed: 2 }), "turnover-band")).toEqual([["changed", "turnover-band", "2025年10月流动率 20.00% 落在 20%–30% 档：合同原文此档得 10 分（等于满分，A1），当前规则得 10.00 分", "turnover 20.00% is in the 20–30% band: the contract gives 10 (full marks, A1); this rule set gives 10.00"]]);
    const a1 = scoredOctober({ changed: 2 }, rules({ options: { turnoverBandScore: "5" } }));
    expect(words(a1, [3])[0]![2]).toBe("变动 2 人 / 10 人，流动率 20.00%，在 20%–30% 档，按规则设置（A1）得 5.00 分");
    expect(warnings(a1, "turnover-band").map((w) => w[2])).toEqual(["2025年10月流动率 20.00% 落在 20%–30% 档：合同原文此档得 10 分（等于满分，A1），当前规则得 5.00 分"]);
  });
  it("more people changed than the team: 0 points and a warning to check", () => {
    const o = scoredOctober({ changed: 11 });
    expect(warnings(o, "changed-above-team")).toEqual([["changed", "changed-above-team", "「变动人数」11 大于「团队人数」10，请核对", "people changed (11) exceed the team (10): please check"]]);
    expect(warnings(scoredOctober({ changed: 10 }), "changed-above-team")).toEqual([]);
  });
});

describe("row 9: fewer than 10 tickets per seat sampled is warned (SPEC §6)", () => {
  it.each([
    [99, true],
    [100, false],
  ])("%i sampled for a team of 10: warned %s", (sampled, warned) => {
    const o = scoredOctober({ ticketsSampled: sampled, ticketsPassed: sampled });
    expect(warnings(o, "few-tickets")).toEqual(warned ? [["ticketsSampled", "few-tickets", "「抽检工单数」99 少于人均 10 条（10 人应抽 100 条）", "tickets sampled (99) are fewer than 10 per seat (100 for 10)"]] : []);
  });
});

describe("row 10: the exam deadline moved off a holiday names it", () => {
  it("2024-09-15 (中秋节 holiday, a Sunday) → the next working day", () => {
    const o = scoreMonth(perfectMonth("2024-09"), [], [], defaultRules());
    const [, summary] = words(o, [10])[0]!;
    expect(summary).toMatch(/^截止 2024-09-18（15 日非工作日：.+，顺延） 参考 10\/10 人，覆盖率 100\.00%$/);
  });
});

// ---------------------------------------------------------------------- 考核得分: the bounds' warnings, whole

describe("考核得分 above 100 and below 0: the warning of each rule, whole", () => {
  const totalRows = (o: Outcome<MonthScore>) => o.warnings.filter((w) => w.field === "total").map((w) => [w.severity, w.code, w.month, w.message, w.messageEn]);
  const total = (o: Outcome<MonthScore>) => (o.ok ? fixed2(o.value.total) : null);
  const plus10 = [{ month: "2025-10", type: "bonus" as const, level: "市级及以上", matterId: "", description: "", evidence: true, verified: true, reported: true }];
  it("110 as the contract has it: kept, with a warning", () => {
    const o = scoreMonth(perfectMonth("2025-10"), plus10, OCTOBER_REPORTS, defaultRules());
    expect([total(o), totalRows(o)]).toEqual(["110.00", [["warning", "total-above-100", "2025-10", "2025年10月考核得分 110.00 超过 100 分（合同未规定封顶）", "total 110.00 is above 100 (the contract sets no cap)"]]]);
  });
  it("110 capped by the rule set: 100, said so", () => {
    const o = scoreMonth(perfectMonth("2025-10"), plus10, OCTOBER_REPORTS, rules({ options: { capTotalAt100: true } }));
    expect([total(o), totalRows(o)]).toEqual(["100.00", [["warning", "total-capped", "2025-10", "2025年10月考核得分 110.00 超过 100，按规则封顶为 100", "total 110.00 is above 100: capped at 100 by the rule set"]]]);
  });
  it("−20 as the contract has it: kept, below 0 and below the threshold", () => {
    const o = scoredOctober({ complaints: 60 });
    expect([total(o), totalRows(o)]).toEqual([
      "-20.00",
      [
        ["warning", "total-below-0", "2025-10", "2025年10月考核得分 -20.00 低于 0 分", "total -20.00 is below 0"],
        ["warning", "below-threshold", "2025-10", "2025年10月考核得分 -20.00 低于达标分 95，将拉低本期平均分", "total -20.00 is below the 95 threshold"],
      ],
    ]);
  });
  it("−20 floored by the rule set: 0, said so, and still below the threshold", () => {
    const o = scoredOctober({ complaints: 60 }, rules({ options: { floorTotalAt0: true } }));
    expect([total(o), totalRows(o)]).toEqual([
      "0.00",
      [
        ["warning", "total-floored", "2025-10", "2025年10月考核得分 -20.00 低于 0，按规则计为 0", "total -20.00 is below 0: floored at 0 by the rule set"],
        ["warning", "below-threshold", "2025-10", "2025年10月考核得分 0.00 低于达标分 95，将拉低本期平均分", "total 0.00 is below the 95 threshold"],
      ],
    ]);
  });
  it.each([
    [0, "100.00", []],
    [2, "96.00", []],
    [3, "94.00", ["below-threshold"]],
  ])("%i complaints: total %s; the threshold 95 itself is not below it", (complaints, t, codes) => {
    const o = scoredOctober({ complaints });
    expect([total(o), totalRows(o).map((w) => w[1])]).toEqual([t, codes]);
  });
});

describe("every problem carries its severity: refusals are errors, reminders are warnings", () => {
  const cases: [string, () => Outcome<MonthScore>][] = [
    ["unknown kind", () => month({}, [r("周报", "2025-09", "2025-10-09")])],
    ["unreadable period", () => month({}, [r("季报", "2025Q5", "2025-10-09")])],
    ["unknown due year", () => month({}, [r("月报", "2031-04", null)])],
    ["submitted before the period", () => month({}, [r("月报", "2025-09", "2025-08-31")])],
    ["unknown submission year", () => month({}, [r("月报", "2025-09", "2031-05-12")])],
    ["duplicate report", () => month({}, [r("月报", "2025-09", "2025-10-09"), r("月报", "2025-09", "2025-10-09")])],
    ["early, not submitted, not recorded", () => month({ changed: 11, ticketsSampled: 50, ticketsPassed: 50, calls: 10 }, [r("月报", "2025-09", "2025-09-30"), r("月度", "2025-08", null)])],
    ["a month the calendar does not know", () => scoreMonth(perfectMonth("2031-05"), [], [], defaultRules())],
    ["bad indicators", () => month({ headcount: 0, changed: 0, examSat: 0, answerRank: 40, ticketsSampled: 0, ticketsPassed: 0, verySatisfied: 0, satisfied: 0 })],
    ["the band", () => month({ changed: 2 }, OCTOBER_REPORTS)],
    ["late while 按时完整 is 是", () => month({}, [r("月报", "2025-09", "2025-10-13"), ON_TIME_Q3])],
  ];
  it.each(cases)("%s", (_, outcome) => {
    const o = outcome();
    const errors = o.ok ? [] : o.errors;
    expect(errors.length + o.warnings.length).toBeGreaterThan(0);
    expect([errors.map((e) => e.severity), o.warnings.map((w) => w.severity)]).toEqual([errors.map(() => "error"), o.warnings.map(() => "warning")]);
  });
  it("a month the calendar does not know is refused on its month: the exam deadline cannot be found", () => {
    const o = scoreMonth(perfectMonth("2031-05"), [], [], defaultRules());
    const [zh, en] = unknownDateMessage("2031-05-15", LIBRARY_CALENDAR);
    expect(refusedWith(o)).toEqual([["month", "unknown-date", zh, en, "2031-05"]]);
  });
});

describe("the inputs each row shows on the 计算说明 sheet", () => {
  it("rows 1–3, 5–10 of one month", () => {
    const o = scoredOctober({ headcount: 9, examSat: 8, changed: 1, trainingLapses: 2, calls: 1000, answered: 990, excludedBad: 1, dissatisfied: 1, ticketsPassed: 85 });
    if (!o.ok) throw new Error("refused");
    const inputs = Object.fromEntries(o.value.items.filter((i) => i.no <= 10 && i.no !== 4).map((i) => [i.no, i.inputs]));
    expect(inputs).toEqual({
      1: { 团队人数: "9" },
      2: { 管理制度落实: "是", 运营报告按时完整: "是" },
      3: { 变动人数: "1", 团队人数: "9", 流动率: "11.11%" },
      5: { 培训问题次数: "2" },
      6: { 排名: "1", 排名中心数: "31", "比率（仅显示）": "接通率 99.00%" },
      7: { 排名: "1", 排名中心数: "31" },
      8: { 非常满意: "950", 满意: "50", 一般: "0", 不满意: "1", 非常不满意: "0", 剔除差评数: "1", 有效评价数: "1000" },
      9: { 抽检工单数: "100", 合格工单数: "85" },
      10: { 按时参考人数: "8", 团队人数: "9", 考试截止日: "2025-10-15" },
    });
  });
});
