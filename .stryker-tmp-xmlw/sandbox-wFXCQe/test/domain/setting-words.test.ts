/**
 * The words a 规则设置 value may be written in (rule-settings.ts' word tables, issue 17: import-time
 * tables tested by what they are for): each spelling, as the value of its parameter, sets the
 * option it names; the lists are pinned here for review (a spelling added or lost is a decision).
 */
// @ts-nocheck

import { defaultRules, type RuleSet, rulesFromSettings } from "../../src/domain";

function set(label: string, value: string | number | boolean): RuleSet["options"] {
  const r = rulesFromSettings([{ label, value }]);
  if (!r.ok) throw new Error(`${label}=${String(value)}: ${r.errors.map((e) => e.message).join("; ")}`);
  return r.value.options;
}

const SPAN: [string, "term" | "month"][] = [
  ["整个合同期", "term"], ["合同期", "term"], ["整个合同期内", "term"], ["合同期内", "term"], ["全合同期", "term"],
  ["同一月内", "month"], ["同月", "month"], ["同一月", "month"], ["当月", "month"], ["月内", "month"], ["同一考核月", "month"], ["同一考核月内", "month"],
];
const ONCE: [string, boolean][] = [
  ["只扣一次", true], ["扣一次", true], ["一次", true], ["只计一次", true], ["按最高级扣一次", true],
  ["每次都扣", false], ["每次扣", false], ["每次", false], ["每次都计", false],
];
const REPORT: [string, "all" | "crowdOnly"][] = [
  ["全部加分", "all"], ["全部", "all"], ["所有加分", "all"], ["全部加分项", "all"],
  ["仅群众表扬", "crowdOnly"], ["仅群众", "crowdOnly"], ["群众表扬", "crowdOnly"], ["只限群众表扬", "crowdOnly"], ["仅群众表扬需报送", "crowdOnly"],
];
const CLOCK: [string, boolean][] = [
  ["不早于最早开票日期", true], ["最早开票日期", true], ["不早于最早开票日", true], ["自最早开票日期", true],
  ["自发票日期", false], ["发票日期", false], ["自发票日期起", false], ["自收票日期", false], ["自发票或收票日期", false],
];
const STEPS: [string, "proportional" | "floor" | "ceil"][] = [
  ["按比例", "proportional"], ["比例", "proportional"], ["整步", "floor"], ["只计整步", "floor"], ["起步", "ceil"], ["不足一步按一步", "ceil"],
];
const BASE: [string, "quarterlyFee" | "instalment" | "periodFee"][] = [
  ["季度服务费", "quarterlyFee"], ["本笔款项", "instalment"], ["本笔", "instalment"], ["本期服务费", "periodFee"], ["本期", "periodFee"],
];
const LADDER: [string, "default" | "alternative"][] = [
  ["默认", "default"], ["市级及以下/省级/国家级", "default"], ["市级及以下10省级20国家级50", "default"],
  ["备选", "alternative"], ["市级以下/市级/省级及以上", "alternative"], ["市级以下10市级20省级及以上50", "alternative"],
];

describe("a 规则设置 value's words", () => {
  it.each(SPAN)("同一事项计分范围 「%s」 → %s", (word, span) => {
    expect(set("同一事项计分范围", word).matterOnceSpan).toBe(span);
  });
  it.each(ONCE)("扣分事项多级通报 「%s」 → once %s", (word, once) => {
    expect(set("扣分事项多级通报", word).penaltyMatterOnce).toBe(once);
  });
  it.each(REPORT)("乙方报送要求 「%s」 → %s", (word, required) => {
    expect(set("乙方报送要求", word).bonusReportRequired).toBe(required);
  });
  it.each(CLOCK)("付款期限起算 「%s」 → from the earliest invoice date: %s", (word, earliest) => {
    expect(set("付款期限起算", word).paymentClockFromEarliest).toBe(earliest);
  });
  it.each(STEPS)("部分扣分方式 「%s」 → %s for all three", (word, mode) => {
    const o = set("部分扣分方式", word);
    expect([o.satisfactionSteps, o.ticketQualitySteps, o.settlementSteps]).toEqual([mode, mode, mode]);
  });
  it.each(BASE)("扣款基数 「%s」 → %s", (word, base) => {
    expect(set("扣款基数", word).deductionBase).toBe(base);
  });
  it.each(LADDER)("扣分层级 「%s」 → %s", (word, ladder) => {
    expect(set("扣分层级", word).penaltyLadder).toBe(ladder);
  });

  it("spaces and full-width commas in a value are the same words; a word not listed is refused naming the choices", () => {
    expect(set("同一事项计分范围", " 同一 月内 ").matterOnceSpan).toBe("month");
    expect(set("部分扣分方式", "满意率:整步，质检:按比例,结算:起步")).toMatchObject({ satisfactionSteps: "floor", ticketQualitySteps: "proportional", settlementSteps: "ceil" });
    const bad = rulesFromSettings([{ label: "同一事项计分范围", value: "每年" }]);
    expect(bad.ok ? [] : bad.errors.map((e) => e.message)).toEqual([expect.stringContaining("应为 整个合同期 / 同一月内")]);
    expect(defaultRules().options.matterOnceSpan).toBe("term");
  });
});
