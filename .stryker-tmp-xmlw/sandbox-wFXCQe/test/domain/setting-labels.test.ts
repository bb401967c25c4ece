/**
 * The 规则设置 parameters' names, other spellings, choices and 说明 (rule-settings.ts RULE_SETTINGS,
 * issue 17: an import-time table tested by what it is for): every spelling finds its parameter,
 * the choices a clerk picks from are each accepted, and every parameter carries its 说明 citing
 * where it comes from (the contract's clause, or SPEC's ambiguity A1–A10). Pinned for review.
 */
// @ts-nocheck

import { defaultRules, findRuleSetting, RULE_SETTINGS, rulesFromSettings } from "../../src/domain";

const NAMES: Record<string, string[]> = {
  合同总额: ["合同金额", "服务费总额"],
  达标分: ["达标分数", "考核达标分"],
  每分扣款比例: ["扣款比例"],
  扣款基数: ["扣款基础"],
  流动率20至30得分: ["流动率20%至30%得分", "流动率20-30得分", "流动率20%-30%得分"],
  质检扣分上限: ["工单质检扣分上限"],
  部分扣分方式: ["不足一步扣分方式"],
  扣分层级: ["扣分项层级"],
  年报所属年度: ["年报年度"],
  平均分取整: ["平均分四舍五入"],
  总分封顶100: ["总分封顶"],
  总分不低于0: ["总分保底0", "总分不低于零"],
  同一事项计分范围: ["同一事项只计一次分", "同一事项计分", "事项计分范围"],
  扣分事项多级通报: ["同一扣分事项多级通报", "扣分事项多次通报", "扣分事项多级"],
  乙方报送要求: ["加分报送要求", "乙方主动报送", "加分须乙方报送"],
  付款期限起算: ["付款期限起算日", "付款起算", "付款期限起算方式"],
};

const CHOICES: Record<string, string[]> = {
  同一事项计分范围: ["整个合同期", "同一月内"],
  扣分事项多级通报: ["只扣一次", "每次都扣"],
  乙方报送要求: ["全部加分", "仅群众表扬"],
  付款期限起算: ["不早于最早开票日期", "自发票日期"],
};

/** Where each 说明 says the parameter comes from. */
const SOURCE: Record<string, RegExp> = {
  合同总额: /^合同§十\(一\)/, 达标分: /^合同§十\(二\)/, 每分扣款比例: /^合同§十\(二\)/, 扣款基数: /^A5：/, 流动率20至30得分: /^A1：/, 质检扣分上限: /A2/,
  部分扣分方式: /^A3：/, 扣分层级: /^A4：/, 年报所属年度: /^合同「每年 12 月底前/, 平均分取整: /^A6：/, 总分封顶100: /合同未规定/, 总分不低于0: /默认否/,
  同一事项计分范围: /^A7：/, 扣分事项多级通报: /^A8：/, 乙方报送要求: /^A9：/, 付款期限起算: /^A10：/,
};

describe("the 规则设置 parameters", () => {
  it("are the reviewed list, with their other spellings", () => {
    expect(Object.fromEntries(RULE_SETTINGS.map((d) => [d.label, [...d.aliases]]))).toEqual(NAMES);
  });

  it.each(Object.entries(NAMES).flatMap(([label, aliases]) => [label, ...aliases].map((n) => [n, label])))("「%s」 finds 「%s」", (name, label) => {
    expect(findRuleSetting(name)?.label).toBe(label);
    expect(findRuleSetting(` ${name.slice(0, 1)} ${name.slice(1)} `)?.label).toBe(label);
  });

  it("offer their choices, each accepted as the value", () => {
    expect(Object.fromEntries(RULE_SETTINGS.filter((d) => d.choices).map((d) => [d.label, [...(d.choices ?? [])]]))).toEqual(CHOICES);
    for (const [label, choices] of Object.entries(CHOICES)) {
      for (const value of choices) expect([label, value, rulesFromSettings([{ label, value }]).ok]).toEqual([label, value, true]);
    }
  });

  it("each carry a 说明 that says where the parameter comes from", () => {
    for (const d of RULE_SETTINGS) {
      const help = d.helpFor ? d.helpFor(defaultRules()) : d.help;
      expect([d.label, SOURCE[d.label]?.test(help)]).toEqual([d.label, true]);
      expect([d.label, d.help.length > 10]).toEqual([d.label, true]);
    }
    expect(new Set(RULE_SETTINGS.map((d) => d.help)).size).toBe(RULE_SETTINGS.length);
  });
});
