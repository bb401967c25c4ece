/**
 * The rule set: the contract's parameters and the reading chosen for each ambiguity of SPEC §5
 * (A1–A10). It is data — a signed amendment (补充协议) is an edit here or in the workbook's 规则设置
 * sheet, not a code change. `loadRules` validates a partial rule set and fills in the defaults.
 */
// @ts-nocheck

import { LIBRARY_CALENDAR, type WorkCalendar } from "./calendar";
import { dec, Dec } from "./decimal";
import { isIsoDate, isMonthKey, IsoDate, MonthKey, monthRange } from "./dates";
import { Outcome, problem, Problem } from "./problems";
import type { AnnualReportYear } from "./reports";

/** A3: how a partial step of "每降低1%扣0.5分" is counted. */
export type StepMode = "proportional" | "floor" | "ceil";
export const STEP_MODES: readonly StepMode[] = ["proportional", "floor", "ceil"];
export const STEP_MODE_LABELS: Record<StepMode, string> = { proportional: "按比例", floor: "整步", ceil: "起步" };

/** A3: how many steps a shortfall of `steps` (in steps, may be fractional) is charged as. */
export function chargedSteps(steps: Dec, mode: StepMode): Dec {
  if (mode === "floor") return steps.floor();
  if (mode === "ceil") return steps.ceil();
  return steps;
}

/** A4: the penalty ladder. */
export type PenaltyLadderId = "default" | "alternative";
/** A5: what "按照季度服务费0.5%扣除" is 0.5% of, per point. */
export type DeductionBase = "quarterlyFee" | "instalment" | "periodFee";
export const DEDUCTION_BASE_LABELS: Record<DeductionBase, string> = { quarterlyFee: "季度服务费", instalment: "本笔款项", periodFee: "本期服务费" };

export interface PenaltyLevel {
  label: string;
  aliases: readonly string[];
  points: number;
}

export const PENALTY_LADDERS: Record<PenaltyLadderId, { label: string; levels: readonly PenaltyLevel[] }> = {
  default: {
    label: "市级及以下 −10，省级 −20，国家级/部级 −50",
    levels: [
      { label: "市级及以下", aliases: ["市级以下", "市级", "区县级", "县级"], points: 10 },
      { label: "省级", aliases: ["省级单位"], points: 20 },
      { label: "国家级", aliases: ["部级", "国家级/部级", "国家级及部级", "中央级"], points: 50 },
    ],
  },
  alternative: {
    label: "市级以下 −10，市级 −20，省级及以上 −50",
    levels: [
      { label: "市级以下", aliases: ["区县级", "县级"], points: 10 },
      { label: "市级", aliases: [], points: 20 },
      { label: "省级及以上", aliases: ["省级", "部级", "国家级", "省级以上"], points: 50 },
    ],
  },
};

export interface BonusLevel {
  label: string;
  aliases: readonly string[];
  points: number;
}

export const BONUS_LEVELS: readonly BonusLevel[] = [
  { label: "群众", aliases: ["群众表扬", "个人"], points: 1 },
  { label: "市级及以上", aliases: ["市级以上", "市级", "省级", "国家级", "部级", "领导", "媒体"], points: 10 },
];

/** A7: over what span "同一事项只计一次分" holds. */
export type MatterOnceSpan = "term" | "month";
/** A9: which bonuses need "由乙方主动进行报送". */
export type BonusReportRequirement = "all" | "crowdOnly";

/** One row of 付款条款 (SPEC §9): an instalment of the contract, as many as the contract has. */
export interface InstalmentTerms {
  /** 笔次: 1, 2, 3, … in order. */
  number: number;
  /** Share of the contract total, e.g. "0.40". */
  share: string;
  /** Scored months (inclusive); null for the first instalment, which has none. */
  months: { from: MonthKey; to: MonthKey } | null;
  /** Working days after the invoice within which 甲方 pays. */
  dueWorkingDays: number;
  /** The contract's condition in its own words. */
  condition: string;
  /**
   * 最早开票日期: the earliest date the contract allows this invoice. An invoice dated before it is
   * flagged, and (A10, default) the payment clock does not start before it.
   */
  invoiceNotBefore: IsoDate | null;
}

export interface RuleSet {
  /** Version of this rule set, shown on every written sheet. */
  version: string;
  name: string;
  /** The contract's terms (SPEC §9 合同信息 and 付款条款; absent sheets = the seed contract). */
  contract: {
    /** 合同名称, printed on 付款结算. */
    title: string;
    /** 甲方 (the customer) and 乙方 (the operator). */
    partyA: string;
    partyB: string;
    /** 合同期起 / 合同期止 (the service term). */
    termStart: IsoDate;
    termEnd: IsoDate;
    /** 合同总额 (含税), 元. */
    total: string;
    /** 季度服务费 as the contract gives it; null = total ÷ (scored months ÷ 3) (quarterlyFee()). */
    quarterlyFee: string | null;
    /** 达标分. */
    threshold: string;
    /** 每分扣款比例 ("0.005" = 0.5%). */
    ratePerPoint: string;
    /** Late-payment charge per calendar day ("0.03" = 3%). */
    lateChargePerDay: string;
    /** Days late after which 乙方 may terminate. */
    terminationAfterDays: number;
    /** Share of the contract 乙方 may claim then ("0.10"). */
    terminationClaimShare: string;
    instalments: readonly InstalmentTerms[];
    /** First and last scored month of the term. */
    firstMonth: MonthKey;
    lastMonth: MonthKey;
  };
  scoring: {
    minHeadcount: number;
    /** Turnover bands, percent. */
    turnoverLow: string;
    turnoverHigh: string;
    /** Contract §一(三)6: quarterly turnover must not exceed this percent. */
    quarterlyTurnoverLimit: string;
    rankFullMarks: number;
    satisfactionTarget: string;
    satisfactionPointsPerStep: string;
    satisfactionStep: string;
    ticketTarget: string;
    ticketPointsPerStep: string;
    ticketStep: string;
    /** Tickets sampled per seat (人均 10 条). */
    ticketsPerSeat: number;
    examDay: number;
    /** Which December a 年报 is due in (see reports.ts). */
    annualReportYear: AnnualReportYear;
    reportPointsPerDay: string;
    trainingPointsPerLapse: string;
    examPointsPerAbsent: string;
    complaintPoints: string;
    fraudPoints: string;
  };
  options: {
    /** A1: score for a monthly turnover of 20%–30% (contract text: 10). */
    turnoverBandScore: string;
    /** A2: lowest score of 工单质检 ("5": deductions stop at 5; "0": floor 0). */
    ticketQualityFloor: string;
    /** A3, one setting per rule. */
    satisfactionSteps: StepMode;
    ticketQualitySteps: StepMode;
    settlementSteps: StepMode;
    /** A4 */
    penaltyLadder: PenaltyLadderId;
    /** A7: a 事项编号 scores once over the whole term (default) or once within a month. */
    matterOnceSpan: MatterOnceSpan;
    /** A8: a penalty matter reported at several levels deducts once, at the highest (default), or every report counts. */
    penaltyMatterOnce: boolean;
    /** A9: 乙方报送 required for every bonus (default) or for the 群众 +1 only. */
    bonusReportRequired: BonusReportRequirement;
    /** A10: the payment clock starts no earlier than the instalment's 最早开票日期 (default), or from the invoice (or receipt) as given. */
    paymentClockFromEarliest: boolean;
    /** A5 */
    deductionBase: DeductionBase;
    /** A6: round the period average half-up to 2 decimals before the deduction. */
    roundAverage: boolean;
    capTotalAt100: boolean;
    floorTotalAt0: boolean;
  };
  /**
   * The working-day calendar in force: the library's (chinese-days), extended and overridden by the
   * workbook's 节假日安排 (SPEC §9). A value passed in with the rules, so the domain reads no sheet.
   */
  calendar: WorkCalendar;
}

let defaultRuleSet: RuleSet | null = null;

/**
 * The seed contract's rule set with the default reading of every ambiguity (SPEC §4, §5), built on
 * first use and then shared (callers never change it: loadRules copies what it merges).
 */
export function defaultRules(): RuleSet {
  return (defaultRuleSet ??= contractRuleSet());
}

function contractRuleSet(): RuleSet {
  return {
    version: "2024-12.1",
    name: "合同原文（2024-2025 年 12367 热线运营服务合同）",
    contract: {
      title: "陕西省公安厅出入境管理局 12367 服务热线 2024-2025 年热线运营服务及语音专线采购项目",
      partyA: "陕西省公安厅",
      partyB: "陕西省通信服务有限公司",
      termStart: "2024-12-04",
      termEnd: "2025-12-03",
      total: "689000.00",
      quarterlyFee: null,
      threshold: "95",
      ratePerPoint: "0.005",
      lateChargePerDay: "0.03",
      terminationAfterDays: 30,
      terminationClaimShare: "0.10",
      firstMonth: "2024-12",
      lastMonth: "2025-11",
      instalments: [
        {
          number: 1, share: "0.40", months: null, dueWorkingDays: 10, invoiceNotBefore: "2024-12-04",
          condition: "合同签订后的一个月内，乙方提供等额发票，甲方收到发票后的10个工作日内支付",
        },
        {
          number: 2, share: "0.50", months: { from: "2024-12", to: "2025-05" }, dueWorkingDays: 30, invoiceNotBefore: "2025-06-01",
          condition: "自项目运营至2025年6月，以2024年12月至2025年5月平均得分为准，30个工作日内支付",
        },
        {
          number: 3, share: "0.10", months: { from: "2025-06", to: "2025-11" }, dueWorkingDays: 30, invoiceNotBefore: "2026-01-01",
          condition: "服务期满次月，以2025年6月至2025年11月平均得分为准，30个工作日内支付",
        },
      ],
    },
    scoring: {
      minHeadcount: 10,
      turnoverLow: "20",
      turnoverHigh: "30",
      quarterlyTurnoverLimit: "20",
      rankFullMarks: 5,
      satisfactionTarget: "95",
      satisfactionPointsPerStep: "0.5",
      satisfactionStep: "1",
      ticketTarget: "90",
      ticketPointsPerStep: "0.5",
      ticketStep: "10",
      ticketsPerSeat: 10,
      examDay: 15,
      annualReportYear: "sameYear",
      reportPointsPerDay: "1",
      trainingPointsPerLapse: "1",
      examPointsPerAbsent: "1",
      complaintPoints: "2",
      fraudPoints: "5",
    },
    options: {
      turnoverBandScore: "10",
      ticketQualityFloor: "5",
      satisfactionSteps: "proportional",
      ticketQualitySteps: "proportional",
      settlementSteps: "proportional",
      penaltyLadder: "default",
      matterOnceSpan: "term",
      penaltyMatterOnce: true,
      bonusReportRequired: "all",
      paymentClockFromEarliest: true,
      deductionBase: "quarterlyFee",
      roundAverage: true,
      capTotalAt100: false,
      floorTotalAt0: false,
    },
    calendar: LIBRARY_CALENDAR,
  };
}

export type RuleOverrides = {
  version?: string;
  name?: string;
  contract?: Partial<RuleSet["contract"]>;
  scoring?: Partial<RuleSet["scoring"]>;
  options?: Partial<RuleSet["options"]>;
  calendar?: WorkCalendar;
};

function isDecimalText(v: unknown): v is string {
  if (typeof v !== "string" || v.trim() === "") return false;
  try {
    return dec(v).isFinite();
  } catch {
    return false;
  }
}

/** Merges overrides onto the defaults and checks every value; errors name the parameter. */
export function loadRules(overrides: RuleOverrides = {}): Outcome<RuleSet> {
  const base = defaultRules();
  const rules: RuleSet = {
    version: overrides.version ?? base.version,
    name: overrides.name ?? base.name,
    contract: { ...base.contract, ...overrides.contract },
    scoring: { ...base.scoring, ...overrides.scoring },
    options: { ...base.options, ...overrides.options },
    calendar: overrides.calendar ?? base.calendar,
  };
  const errors: Problem[] = [];
  const bad = (field: string, zh: string, en: string) => errors.push(problem("error", "bad-rule", `rules.${field}`, zh, en));
  const positiveDecimal = (field: string, v: unknown, label: string) => {
    if (!isDecimalText(v) || dec(v).lessThanOrEqualTo(0)) bad(field, `规则参数「${label}」应为大于 0 的数，实为「${String(v)}」`, `rule "${field}" must be a number > 0, got "${String(v)}"`);
  };
  const nonNegativeDecimal = (field: string, v: unknown, label: string) => {
    if (!isDecimalText(v) || dec(v).lessThan(0)) bad(field, `规则参数「${label}」应为不小于 0 的数，实为「${String(v)}」`, `rule "${field}" must be a number ≥ 0, got "${String(v)}"`);
  };
  const c = rules.contract;
  positiveDecimal("contract.total", c.total, "合同总额");
  positiveDecimal("contract.threshold", c.threshold, "达标分");
  nonNegativeDecimal("contract.ratePerPoint", c.ratePerPoint, "每分扣款比例");
  nonNegativeDecimal("contract.lateChargePerDay", c.lateChargePerDay, "逾期违约金日比例");
  nonNegativeDecimal("contract.terminationClaimShare", c.terminationClaimShare, "解约违约金比例");
  if (c.quarterlyFee !== null) positiveDecimal("contract.quarterlyFee", c.quarterlyFee, "季度服务费");
  if (!isIsoDate(c.termStart) || !isIsoDate(c.termEnd) || c.termStart >= c.termEnd)
    bad("contract.termStart", `合同期起「${String(c.termStart)}」应早于合同期止「${String(c.termEnd)}」`, `the term start "${String(c.termStart)}" must be before its end "${String(c.termEnd)}"`);
  if (!isMonthKey(c.firstMonth) || !isMonthKey(c.lastMonth) || c.firstMonth > c.lastMonth)
    bad("contract.firstMonth", "考核起止月份无效", "first/last scored month invalid");
  let shareSum = dec(0);
  c.instalments.forEach((inst, i) => {
    positiveDecimal(`contract.instalments[${i}].share`, inst.share, `第${inst.number}笔比例`);
    if (isDecimalText(inst.share)) shareSum = shareSum.plus(inst.share);
    if (!Number.isInteger(inst.dueWorkingDays) || inst.dueWorkingDays < 0)
      bad(`contract.instalments[${i}].dueWorkingDays`, `第${inst.number}笔付款期限应为工作日天数`, `instalment ${inst.number}: due working days must be a whole number`);
    if (inst.months && (!isMonthKey(inst.months.from) || !isMonthKey(inst.months.to) || inst.months.from > inst.months.to))
      bad(`contract.instalments[${i}].months`, `第${inst.number}笔考核月份范围无效`, `instalment ${inst.number}: month range invalid`);
  });
  if (c.instalments.length > 0 && !shareSum.equals(1))
    bad("contract.instalments", `各笔付款比例之和应为 100%，实为 ${shareSum.times(100).toString()}%`, `instalment shares must add up to 100%, got ${shareSum.times(100).toString()}%`);

  const s = rules.scoring;
  for (const key of ["turnoverLow", "turnoverHigh", "quarterlyTurnoverLimit", "satisfactionTarget", "ticketTarget"] as const) {
    if (!isDecimalText(s[key]) || dec(s[key]).lessThan(0) || dec(s[key]).greaterThan(100)) bad(`scoring.${key}`, `规则参数 ${key} 应为 0–100 的百分数`, `scoring.${key} must be a percent 0–100`);
  }
  if (isDecimalText(s.turnoverLow) && isDecimalText(s.turnoverHigh) && dec(s.turnoverLow).greaterThan(s.turnoverHigh))
    bad("scoring.turnoverHigh", "流动率档位上限应不小于下限", "turnover band: high must be ≥ low");
  for (const key of ["satisfactionPointsPerStep", "satisfactionStep", "ticketPointsPerStep", "ticketStep"] as const) positiveDecimal(`scoring.${key}`, s[key], key);
  for (const key of ["reportPointsPerDay", "trainingPointsPerLapse", "examPointsPerAbsent", "complaintPoints", "fraudPoints"] as const)
    nonNegativeDecimal(`scoring.${key}`, s[key], key);
  for (const key of ["minHeadcount", "rankFullMarks", "ticketsPerSeat"] as const)
    if (!Number.isInteger(s[key]) || s[key] < 0) bad(`scoring.${key}`, `规则参数 ${key} 应为非负整数`, `scoring.${key} must be a whole number ≥ 0`);
  if (!Number.isInteger(s.examDay) || s.examDay < 1 || s.examDay > 28) bad("scoring.examDay", "考试截止日应为 1–28", "scoring.examDay must be 1–28");
  if (s.annualReportYear !== "sameYear" && s.annualReportYear !== "previousYear")
    bad("scoring.annualReportYear", `「年报所属年度」应为 当年/上一年度，实为「${String(s.annualReportYear)}」`, `annual report year must be sameYear/previousYear, got "${String(s.annualReportYear)}"`);

  const o = rules.options;
  if (!isDecimalText(o.turnoverBandScore) || dec(o.turnoverBandScore).lessThan(0) || dec(o.turnoverBandScore).greaterThan(10))
    bad("options.turnoverBandScore", `「流动率20至30得分」应为 0–10 的数，实为「${String(o.turnoverBandScore)}」`, `A1 turnover band score must be 0–10, got "${String(o.turnoverBandScore)}"`);
  if (!isDecimalText(o.ticketQualityFloor) || dec(o.ticketQualityFloor).lessThan(0) || dec(o.ticketQualityFloor).greaterThan(10))
    bad("options.ticketQualityFloor", `「质检扣分上限」对应的最低分应为 0–10，实为「${String(o.ticketQualityFloor)}」`, `A2 ticket quality floor must be 0–10, got "${String(o.ticketQualityFloor)}"`);
  for (const key of ["satisfactionSteps", "ticketQualitySteps", "settlementSteps"] as const)
    if (!STEP_MODES.includes(o[key])) bad(`options.${key}`, `「部分扣分方式」应为 按比例/整步/起步，实为「${String(o[key])}」`, `A3 ${key} must be proportional/floor/ceil, got "${String(o[key])}"`);
  if (!(o.penaltyLadder in PENALTY_LADDERS)) bad("options.penaltyLadder", `「扣分层级」无效：「${String(o.penaltyLadder)}」`, `A4 penalty ladder invalid: "${String(o.penaltyLadder)}"`);
  if (!(o.deductionBase in DEDUCTION_BASE_LABELS)) bad("options.deductionBase", `「扣款基数」应为 季度服务费/本笔款项/本期服务费，实为「${String(o.deductionBase)}」`, `A5 deduction base invalid: "${String(o.deductionBase)}"`);
  if (o.matterOnceSpan !== "term" && o.matterOnceSpan !== "month") bad("options.matterOnceSpan", `「同一事项计分范围」应为 整个合同期/同一月内，实为「${String(o.matterOnceSpan)}」`, `A7 span must be term/month, got "${String(o.matterOnceSpan)}"`);
  if (o.bonusReportRequired !== "all" && o.bonusReportRequired !== "crowdOnly") bad("options.bonusReportRequired", `「乙方报送要求」应为 全部加分/仅群众表扬，实为「${String(o.bonusReportRequired)}」`, `A9 must be all/crowdOnly, got "${String(o.bonusReportRequired)}"`);
  for (const key of ["roundAverage", "capTotalAt100", "floorTotalAt0", "penaltyMatterOnce", "paymentClockFromEarliest"] as const)
    if (typeof o[key] !== "boolean") bad(`options.${key}`, `规则参数 ${key} 应为 是/否`, `options.${key} must be yes/no`);

  return errors.length > 0 ? { ok: false, errors, warnings: [] } : { ok: true, value: rules, warnings: [] };
}

/** Quarterly service fee (季度服务费): as the contract gives it, else total ÷ (scored months ÷ 3). */
export function quarterlyFee(rules: RuleSet): Dec {
  const c = rules.contract;
  if (c.quarterlyFee !== null) return dec(c.quarterlyFee);
  return dec(c.total).times(3).div(monthRange(c.firstMonth, c.lastMonth).length);
}

/**
 * How far row 9 (工单质检) can fall by its rate alone ("每降低10%扣0.5分" from the target down to an
 * accuracy of 0, read per A3): the most points it can lose and its lowest score. Under the
 * contract's 0.5 per 10 % that is 4.5 and 5.5, so A2's "5分扣完为止" only bites after an amendment.
 */
export function ticketDeductionReach(rules: RuleSet): { most: Dec; lowest: Dec } {
  const s = rules.scoring;
  const most = dec(s.ticketPointsPerStep).times(chargedSteps(dec(s.ticketTarget).div(s.ticketStep), rules.options.ticketQualitySteps));
  return { most, lowest: dec(10).minus(most) };
}

/** The A1–A10 choices that differ from the contract defaults, in words, for the printed sheets. */
export function describeOptionChanges(rules: RuleSet): string[] {
  const defaults = defaultRules();
  const d = defaults.options;
  const o = rules.options;
  const out: string[] = [];
  if (!dec(o.turnoverBandScore).equals(d.turnoverBandScore)) out.push(`A1 流动率 20%–30% 得 ${o.turnoverBandScore} 分（合同原文 10 分）`);
  if (!dec(o.ticketQualityFloor).equals(d.ticketQualityFloor)) {
    const cap = dec(10).minus(o.ticketQualityFloor);
    const { most, lowest } = ticketDeductionReach(rules);
    out.push(`A2 工单质检最多扣 ${cap.toString()} 分（默认 5 分）${most.greaterThan(cap) ? "" : `；按现行扣分标准本项最低 ${lowest.toDecimalPlaces(2).toString()} 分，此上限不起作用`}`);
  }
  if (o.satisfactionSteps !== d.satisfactionSteps) out.push(`A3 满意率不足一步按「${STEP_MODE_LABELS[o.satisfactionSteps]}」扣分`);
  if (o.ticketQualitySteps !== d.ticketQualitySteps) out.push(`A3 工单质检不足一步按「${STEP_MODE_LABELS[o.ticketQualitySteps]}」扣分`);
  if (o.settlementSteps !== d.settlementSteps) out.push(`A3 结算差分按「${STEP_MODE_LABELS[o.settlementSteps]}」计`);
  if (o.penaltyLadder !== d.penaltyLadder) out.push(`A4 扣分层级：${PENALTY_LADDERS[o.penaltyLadder].label}`);
  if (o.matterOnceSpan !== d.matterOnceSpan) out.push("A7 同一事项只在同一考核月内计一次分");
  if (o.penaltyMatterOnce !== d.penaltyMatterOnce) out.push("A8 同一扣分事项被多级通报时每次都扣");
  if (o.bonusReportRequired !== d.bonusReportRequired) out.push("A9 仅群众表扬需乙方主动报送");
  if (o.paymentClockFromEarliest !== d.paymentClockFromEarliest) out.push("A10 付款期限自发票（或收票）日期起算，即使早于合同约定的开票时点");
  if (o.deductionBase !== d.deductionBase) out.push(`A5 扣款基数：每分扣${DEDUCTION_BASE_LABELS[o.deductionBase]}的 ${dec(rules.contract.ratePerPoint).times(100).toString()}%`);
  if (o.roundAverage !== d.roundAverage) out.push("A6 期间平均分不取整");
  if (rules.scoring.annualReportYear !== defaults.scoring.annualReportYear) out.push("年报按「每年12月底前对上一年度」读：报告期为上一年度");
  if (o.capTotalAt100 !== d.capTotalAt100) out.push("月度总分封顶 100 分");
  if (o.floorTotalAt0 !== d.floorTotalAt0) out.push("月度总分不低于 0 分");
  return out;
}
