/**
 * src/domain/rules.ts (issue 17): loadRules refuses every value outside its range with a message
 * that names the parameter and the value (each range with the values on both sides of its edges);
 * the quarterly fee, A2's reach and the A1–A10 changes in words, worked by hand from the contract.
 */
// @ts-nocheck

import { chargedSteps, dec, defaultRules, describeOptionChanges, loadRules, quarterlyFee, ticketDeductionReach, type RuleOverrides, type RuleSet } from "../../src/domain";
import { rules } from "./builders";

const refusals = (o: RuleOverrides) => {
  const r = loadRules(o);
  if (r.ok) throw new Error(`expected ${JSON.stringify(o)} to be refused`);
  for (const e of r.errors) expect([e.severity, e.code, e.month]).toEqual(["error", "bad-rule", undefined]);
  return r.errors.map((e) => [e.field, e.message, e.messageEn]);
};
const accepted = (o: RuleOverrides) => {
  const r = loadRules(o);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return r.value;
};
/** The contract's rules, built inside each test (nothing of src/domain runs while the file loads). */
const base = () => defaultRules();

describe("loadRules: amounts and rates", () => {
  it.each<[string, RuleOverrides, string[][]]>([
    ["合同总额 0", { contract: { total: "0" } }, [["rules.contract.total", "规则参数「合同总额」应为大于 0 的数，实为「0」", 'rule "contract.total" must be a number > 0, got "0"']]],
    ["合同总额 blank", { contract: { total: " " } }, [["rules.contract.total", "规则参数「合同总额」应为大于 0 的数，实为「 」", 'rule "contract.total" must be a number > 0, got " "']]],
    ["合同总额 not a number", { contract: { total: "六十八万" } }, [["rules.contract.total", "规则参数「合同总额」应为大于 0 的数，实为「六十八万」", 'rule "contract.total" must be a number > 0, got "六十八万"']]],
    ["达标分 Infinity", { contract: { threshold: "Infinity" } }, [["rules.contract.threshold", "规则参数「达标分」应为大于 0 的数，实为「Infinity」", 'rule "contract.threshold" must be a number > 0, got "Infinity"']]],
    ["每分扣款比例 −0.001", { contract: { ratePerPoint: "-0.001" } }, [["rules.contract.ratePerPoint", "规则参数「每分扣款比例」应为不小于 0 的数，实为「-0.001」", 'rule "contract.ratePerPoint" must be a number ≥ 0, got "-0.001"']]],
    ["逾期违约金日比例 a number, not text", { contract: { lateChargePerDay: 0.0005 as unknown as string } }, [["rules.contract.lateChargePerDay", "规则参数「逾期违约金日比例」应为不小于 0 的数，实为「0.0005」", 'rule "contract.lateChargePerDay" must be a number ≥ 0, got "0.0005"']]],
    ["解约违约金比例 −1", { contract: { terminationClaimShare: "-1" } }, [["rules.contract.terminationClaimShare", "规则参数「解约违约金比例」应为不小于 0 的数，实为「-1」", 'rule "contract.terminationClaimShare" must be a number ≥ 0, got "-1"']]],
    ["季度服务费 0", { contract: { quarterlyFee: "0" } }, [["rules.contract.quarterlyFee", "规则参数「季度服务费」应为大于 0 的数，实为「0」", 'rule "contract.quarterlyFee" must be a number > 0, got "0"']]],
  ])("%s", (_, o, expected) => {
    expect(refusals(o)).toEqual(expected);
  });
  it("the edges themselves are accepted: a rate of 0, a fee of 0.01, no quarterly fee", () => {
    expect(accepted({ contract: { ratePerPoint: "0", lateChargePerDay: "0", terminationClaimShare: "0", total: "0.01", threshold: "0.01", quarterlyFee: null } }).contract.ratePerPoint).toBe("0");
  });
});

describe("loadRules: the term and the instalments", () => {
  it.each<[string, RuleOverrides, string[][]]>([
    ["a term that ends on its first day", { contract: { termStart: "2025-01-01", termEnd: "2025-01-01" } }, [["rules.contract.termStart", "合同期起「2025-01-01」应早于合同期止「2025-01-01」", 'the term start "2025-01-01" must be before its end "2025-01-01"']]],
    ["a term start that is not a date", { contract: { termStart: "2024-13-01" } }, [["rules.contract.termStart", `合同期起「2024-13-01」应早于合同期止「2025-12-03」`, `the term start "2024-13-01" must be before its end "2025-12-03"`]]],
    ["a term end that is not a date", { contract: { termEnd: "soon" } }, [["rules.contract.termStart", `合同期起「2024-12-04」应早于合同期止「soon」`, `the term start "2024-12-04" must be before its end "soon"`]]],
    ["scored months backwards", { contract: { firstMonth: "2025-11", lastMonth: "2025-10" } }, [["rules.contract.firstMonth", "考核起止月份无效", "first/last scored month invalid"]]],
    ["a first month that is not one", { contract: { firstMonth: "2024-13" } }, [["rules.contract.firstMonth", "考核起止月份无效", "first/last scored month invalid"]]],
    ["a last month that is not one", { contract: { lastMonth: "2025" } }, [["rules.contract.firstMonth", "考核起止月份无效", "first/last scored month invalid"]]],
  ])("%s", (_, o, expected) => {
    expect(refusals(o)).toEqual(expected);
  });
  it("one scored month (first = last) is a term", () => {
    expect(accepted({ contract: { firstMonth: "2025-10", lastMonth: "2025-10", instalments: [] } }).contract.lastMonth).toBe("2025-10");
  });
  it("each instalment: a share > 0, whole working days ≥ 0, months in order; the shares add up to 100 %", () => {
    const [one, two, three] = base().contract.instalments;
    expect(refusals({ contract: { instalments: [{ ...one!, share: "0" }, { ...two!, dueWorkingDays: -1 }, { ...three!, dueWorkingDays: 2.5, months: { from: "2025-11", to: "2025-06" } }] } })).toEqual([
      ["rules.contract.instalments[0].share", "规则参数「第1笔比例」应为大于 0 的数，实为「0」", 'rule "contract.instalments[0].share" must be a number > 0, got "0"'],
      ["rules.contract.instalments[1].dueWorkingDays", "第2笔付款期限应为工作日天数", "instalment 2: due working days must be a whole number"],
      ["rules.contract.instalments[2].dueWorkingDays", "第3笔付款期限应为工作日天数", "instalment 3: due working days must be a whole number"],
      ["rules.contract.instalments[2].months", "第3笔考核月份范围无效", "instalment 3: month range invalid"],
      ["rules.contract.instalments", "各笔付款比例之和应为 100%，实为 60%", "instalment shares must add up to 100%, got 60%"],
    ]);
  });
  it.each([
    ["a bad from", { from: "2025-13", to: "2025-11" }],
    ["a bad to", { from: "2025-06", to: "x" }],
  ])("an instalment's month range with %s", (_, months) => {
    const [one, two, three] = base().contract.instalments;
    expect(refusals({ contract: { instalments: [one!, two!, { ...three!, months }] } })).toEqual([["rules.contract.instalments[2].months", "第3笔考核月份范围无效", "instalment 3: month range invalid"]]);
  });
  it("0 working days and a one-month range are accepted; shares of 101 % are not", () => {
    const [one, two, three] = base().contract.instalments;
    expect(accepted({ contract: { instalments: [{ ...one!, dueWorkingDays: 0 }, two!, { ...three!, months: { from: "2025-06", to: "2025-06" } }] } }).contract.instalments[0]!.dueWorkingDays).toBe(0);
    expect(refusals({ contract: { instalments: [{ ...one!, share: "0.41" }, two!, three!] } })).toEqual([["rules.contract.instalments", "各笔付款比例之和应为 100%，实为 101%", "instalment shares must add up to 100%, got 101%"]]);
    expect(accepted({ contract: { instalments: [] } }).contract.instalments).toEqual([]);
  });
});

describe("loadRules: the scoring parameters", () => {
  it.each<[string, RuleOverrides, string[][]]>([
    ["a percent above 100", { scoring: { satisfactionTarget: "100.01" } }, [["rules.scoring.satisfactionTarget", "规则参数 satisfactionTarget 应为 0–100 的百分数", "scoring.satisfactionTarget must be a percent 0–100"]]],
    ["a percent below 0", { scoring: { ticketTarget: "-1" } }, [["rules.scoring.ticketTarget", "规则参数 ticketTarget 应为 0–100 的百分数", "scoring.ticketTarget must be a percent 0–100"]]],
    ["a band upside down", { scoring: { turnoverLow: "30", turnoverHigh: "20" } }, [["rules.scoring.turnoverHigh", "流动率档位上限应不小于下限", "turnover band: high must be ≥ low"]]],
    ["a step of 0", { scoring: { ticketStep: "0" } }, [["rules.scoring.ticketStep", "规则参数「ticketStep」应为大于 0 的数，实为「0」", 'rule "scoring.ticketStep" must be a number > 0, got "0"']]],
    ["negative points", { scoring: { fraudPoints: "-5" } }, [["rules.scoring.fraudPoints", "规则参数「fraudPoints」应为不小于 0 的数，实为「-5」", 'rule "scoring.fraudPoints" must be a number ≥ 0, got "-5"']]],
    ["a fractional headcount", { scoring: { minHeadcount: 9.5 } }, [["rules.scoring.minHeadcount", "规则参数 minHeadcount 应为非负整数", "scoring.minHeadcount must be a whole number ≥ 0"]]],
    ["a negative rank", { scoring: { rankFullMarks: -1 } }, [["rules.scoring.rankFullMarks", "规则参数 rankFullMarks 应为非负整数", "scoring.rankFullMarks must be a whole number ≥ 0"]]],
    ["exam day 0", { scoring: { examDay: 0 } }, [["rules.scoring.examDay", "考试截止日应为 1–28", "scoring.examDay must be 1–28"]]],
    ["exam day 29", { scoring: { examDay: 29 } }, [["rules.scoring.examDay", "考试截止日应为 1–28", "scoring.examDay must be 1–28"]]],
    ["exam day 14.5", { scoring: { examDay: 14.5 } }, [["rules.scoring.examDay", "考试截止日应为 1–28", "scoring.examDay must be 1–28"]]],
    ["an unknown annual reading", { scoring: { annualReportYear: "nextYear" as never } }, [["rules.scoring.annualReportYear", "「年报所属年度」应为 当年/上一年度，实为「nextYear」", 'annual report year must be sameYear/previousYear, got "nextYear"']]],
  ])("%s", (_, o, expected) => {
    expect(refusals(o)).toEqual(expected);
  });
  it("the edges themselves are accepted", () => {
    const r = accepted({ scoring: { satisfactionTarget: "100", ticketTarget: "0", turnoverLow: "25", turnoverHigh: "25", fraudPoints: "0", minHeadcount: 0, rankFullMarks: 0, ticketsPerSeat: 0, examDay: 1, annualReportYear: "previousYear" } });
    expect([r.scoring.satisfactionTarget, r.scoring.examDay, r.scoring.annualReportYear]).toEqual(["100", 1, "previousYear"]);
    expect(accepted({ scoring: { examDay: 28 } }).scoring.examDay).toBe(28);
  });
});

describe("loadRules: the options (A1–A10)", () => {
  it.each<[string, RuleOverrides, string[][]]>([
    ["A1 above 10", { options: { turnoverBandScore: "10.5" } }, [["rules.options.turnoverBandScore", "「流动率20至30得分」应为 0–10 的数，实为「10.5」", 'A1 turnover band score must be 0–10, got "10.5"']]],
    ["A1 below 0", { options: { turnoverBandScore: "-1" } }, [["rules.options.turnoverBandScore", "「流动率20至30得分」应为 0–10 的数，实为「-1」", 'A1 turnover band score must be 0–10, got "-1"']]],
    ["A2 above 10", { options: { ticketQualityFloor: "11" } }, [["rules.options.ticketQualityFloor", "「质检扣分上限」对应的最低分应为 0–10，实为「11」", 'A2 ticket quality floor must be 0–10, got "11"']]],
    ["A2 below 0", { options: { ticketQualityFloor: "-0.5" } }, [["rules.options.ticketQualityFloor", "「质检扣分上限」对应的最低分应为 0–10，实为「-0.5」", 'A2 ticket quality floor must be 0–10, got "-0.5"']]],
    ["A3", { options: { settlementSteps: "round" as never } }, [["rules.options.settlementSteps", "「部分扣分方式」应为 按比例/整步/起步，实为「round」", 'A3 settlementSteps must be proportional/floor/ceil, got "round"']]],
    ["A4", { options: { penaltyLadder: "steep" as never } }, [["rules.options.penaltyLadder", "「扣分层级」无效：「steep」", 'A4 penalty ladder invalid: "steep"']]],
    ["A5", { options: { deductionBase: "yearly" as never } }, [["rules.options.deductionBase", "「扣款基数」应为 季度服务费/本笔款项/本期服务费，实为「yearly」", 'A5 deduction base invalid: "yearly"']]],
    ["A7", { options: { matterOnceSpan: "year" as never } }, [["rules.options.matterOnceSpan", "「同一事项计分范围」应为 整个合同期/同一月内，实为「year」", 'A7 span must be term/month, got "year"']]],
    ["A9", { options: { bonusReportRequired: "none" as never } }, [["rules.options.bonusReportRequired", "「乙方报送要求」应为 全部加分/仅群众表扬，实为「none」", 'A9 must be all/crowdOnly, got "none"']]],
    ["a yes/no given as text", { options: { roundAverage: "是" as never } }, [["rules.options.roundAverage", "规则参数 roundAverage 应为 是/否", "options.roundAverage must be yes/no"]]],
  ])("%s", (_, o, expected) => {
    expect(refusals(o)).toEqual(expected);
  });
  it("every valid choice is accepted, the edges 0 and 10 included", () => {
    const r = accepted({ options: { turnoverBandScore: "0", ticketQualityFloor: "10", satisfactionSteps: "ceil", penaltyLadder: "alternative", deductionBase: "periodFee", matterOnceSpan: "month", bonusReportRequired: "crowdOnly", floorTotalAt0: true } });
    expect([r.options.turnoverBandScore, r.options.ticketQualityFloor, r.options.penaltyLadder]).toEqual(["0", "10", "alternative"]);
    expect(accepted({ options: { turnoverBandScore: "10", ticketQualityFloor: "0" } }).options.turnoverBandScore).toBe("10");
  });
  it("overrides keep the rest of the defaults; version, name and calendar can be given", () => {
    const r = accepted({ version: "v2", name: "补充协议", scoring: { examDay: 20 } });
    expect([r.version, r.name, r.scoring.examDay, r.scoring.minHeadcount, r.calendar]).toEqual(["v2", "补充协议", 20, 10, base().calendar]);
    expect(accepted({})).toEqual(base());
  });
});

describe("the quarterly fee and A2's reach", () => {
  it("季度服务费: the contract's own figure, else total × 3 ÷ the scored months", () => {
    expect(quarterlyFee(base()).toString()).toBe("172250");
    expect(quarterlyFee(rules({ contract: { quarterlyFee: null } })).toString()).toBe("172250");
    expect(quarterlyFee(rules({ contract: { quarterlyFee: null, total: "720000", firstMonth: "2026-01", lastMonth: "2026-12", instalments: [] } })).toString()).toBe("180000");
    expect(quarterlyFee(rules({ contract: { quarterlyFee: "90000" } })).toString()).toBe("90000");
  });
  it.each<[string, Parameters<typeof rules>[0], string, string]>([
    ["the contract: 0.5 per 10 % below 90 % → 4.5", {}, "4.5", "5.5"],
    ["2 per 10 % → 18", { scoring: { ticketPointsPerStep: "2" } }, "18", "-8"],
    ["a step of 20 %, whole steps only: 4 steps", { scoring: { ticketStep: "20" }, options: { ticketQualitySteps: "floor" } }, "2", "8"],
    ["a step of 20 %, a part step counted whole: 5 steps", { scoring: { ticketStep: "20" }, options: { ticketQualitySteps: "ceil" } }, "2.5", "7.5"],
  ])("%s", (_, o, most, lowest) => {
    const r = ticketDeductionReach(rules(o));
    expect([r.most.toString(), r.lowest.toString()]).toEqual([most, lowest]);
  });
  it("chargedSteps: a part step as it is, dropped, or counted whole (A3)", () => {
    expect(["proportional", "floor", "ceil"].map((m) => chargedSteps(dec("2.5"), m as "floor").toString())).toEqual(["2.5", "2", "3"]);
  });
});

describe("describeOptionChanges: every choice that differs from the contract, in words", () => {
  it("none under the contract", () => {
    expect(describeOptionChanges(base())).toEqual([]);
  });
  it("all of them, in order", () => {
    const all: RuleSet = rules({
      scoring: { annualReportYear: "previousYear" },
      options: { turnoverBandScore: "5", ticketQualityFloor: "2", satisfactionSteps: "floor", ticketQualitySteps: "ceil", settlementSteps: "ceil", penaltyLadder: "alternative", matterOnceSpan: "month", penaltyMatterOnce: false, bonusReportRequired: "crowdOnly", paymentClockFromEarliest: false, deductionBase: "instalment", roundAverage: false, capTotalAt100: true, floorTotalAt0: true },
    });
    expect(describeOptionChanges(all)).toEqual([
      "A1 流动率 20%–30% 得 5 分（合同原文 10 分）",
      "A2 工单质检最多扣 8 分（默认 5 分）；按现行扣分标准本项最低 5.5 分，此上限不起作用",
      "A3 满意率不足一步按「整步」扣分",
      "A3 工单质检不足一步按「起步」扣分",
      "A3 结算差分按「起步」计",
      "A4 扣分层级：市级以下 −10，市级 −20，省级及以上 −50",
      "A7 同一事项只在同一考核月内计一次分",
      "A8 同一扣分事项被多级通报时每次都扣",
      "A9 仅群众表扬需乙方主动报送",
      "A10 付款期限自发票（或收票）日期起算，即使早于合同约定的开票时点",
      "A5 扣款基数：每分扣本笔款项的 0.5%",
      "A6 期间平均分不取整",
      "年报按「每年12月底前对上一年度」读：报告期为上一年度",
      "月度总分封顶 100 分",
      "月度总分不低于 0 分",
    ]);
  });
  it("A2: a cap that bites is stated without the note; one equal to the reach does not bite", () => {
    expect(describeOptionChanges(rules({ options: { ticketQualityFloor: "6" } }))).toEqual(["A2 工单质检最多扣 4 分（默认 5 分）"]);
    expect(describeOptionChanges(rules({ options: { ticketQualityFloor: "5.5" } }))).toEqual(["A2 工单质检最多扣 4.5 分（默认 5 分）；按现行扣分标准本项最低 5.5 分，此上限不起作用"]);
    expect(describeOptionChanges(rules({ options: { turnoverBandScore: "10.0", ticketQualityFloor: "5.0" } }))).toEqual([]);
  });
});

describe("the seed contract as written (SPEC §4), read from the contract text by hand", () => {
  it("its names and parties", () => {
    const r = base();
    expect([r.version, r.name, r.contract.title, r.contract.partyA, r.contract.partyB, r.contract.termStart, r.contract.termEnd]).toEqual([
      "2024-12.1",
      "合同原文（2024-2025 年 12367 热线运营服务合同）",
      "陕西省公安厅出入境管理局 12367 服务热线 2024-2025 年热线运营服务及语音专线采购项目",
      "陕西省公安厅",
      "陕西省通信服务有限公司",
      "2024-12-04",
      "2025-12-03",
    ]);
  });
  it("its three instalments: when each may be invoiced and its condition in the contract's words", () => {
    expect(base().contract.instalments.map((i) => [i.number, i.share, i.invoiceNotBefore, i.condition])).toEqual([
      [1, "0.40", "2024-12-04", "合同签订后的一个月内，乙方提供等额发票，甲方收到发票后的10个工作日内支付"],
      [2, "0.50", "2025-06-01", "自项目运营至2025年6月，以2024年12月至2025年5月平均得分为准，30个工作日内支付"],
      [3, "0.10", "2026-01-01", "服务期满次月，以2025年6月至2025年11月平均得分为准，30个工作日内支付"],
    ]);
  });
  it("the default reading of each yes/no choice", () => {
    const o = base().options;
    expect([o.penaltyMatterOnce, o.paymentClockFromEarliest, o.roundAverage, o.capTotalAt100, o.floorTotalAt0]).toEqual([true, true, true, false, false]);
  });
  it("a rule value that is blank text is refused like any non-number", () => {
    expect(refusals({ scoring: { satisfactionTarget: "  " } })).toEqual([["rules.scoring.satisfactionTarget", "规则参数 satisfactionTarget 应为 0–100 的百分数", "scoring.satisfactionTarget must be a percent 0–100"]]);
    expect(refusals({ scoring: { turnoverLow: "x" } })).toEqual([["rules.scoring.turnoverLow", "规则参数 turnoverLow 应为 0–100 的百分数", "scoring.turnoverLow must be a percent 0–100"]]);
  });
});
