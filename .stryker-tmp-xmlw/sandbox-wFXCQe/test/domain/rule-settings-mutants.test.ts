/**
 * src/domain/rule-settings.ts, the 规则设置 sheet (SPEC §8), setting by setting (issue 17): the words
 * each accepts, the value it sets, and the whole message of a value it refuses (the row, the
 * parameter, the value, what it should be); the readers' boundaries (a bare rate of 5 % and above,
 * an amount of 0, a score of 100). Expected values by hand from the contract and SPEC §5.
 */
// @ts-nocheck

import { defaultRules, findRuleSetting, RULE_SETTINGS, rulesFromSettings, settingHelp, ticketCapHelp, type RuleSet, type RuleSettingRow } from "../../src/domain";
import { rules } from "./builders";

const read = (rows: RuleSettingRow[]): RuleSet => {
  const r = rulesFromSettings(rows);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return r.value;
};
const one = (label: string, value: RuleSettingRow["value"]) => read([{ label, value }]);
/** The one error of a single row, whole. */
const refusal = (label: string, value: RuleSettingRow["value"]) => {
  const r = rulesFromSettings([{ label, value }]);
  if (r.ok) throw new Error(`expected ${label} = ${String(value)} to be refused`);
  return r.errors.map((e) => [e.severity, e.field, e.code, e.message, e.messageEn]);
};

describe("each setting: the words it accepts and what they set", () => {
  it.each<[string, RuleSettingRow["value"], (r: RuleSet) => unknown, unknown]>([
    ["合同总额", "689,000.00", (r) => r.contract.total, "689000.00"],
    ["合同总额", "￥1,000元", (r) => r.contract.total, "1000"],
    ["合同总额", "¥0.01", (r) => r.contract.total, "0.01"],
    ["服务费总额", 720000, (r) => r.contract.total, "720000"],
    ["达标分", 100, (r) => r.contract.threshold, "100"],
    ["达标分", "90.5", (r) => r.contract.threshold, "90.5"],
    ["每分扣款比例", "0.5%", (r) => r.contract.ratePerPoint, "0.005"],
    ["每分扣款比例", "1％", (r) => r.contract.ratePerPoint, "0.01"],
    ["每分扣款比例", 0.005, (r) => r.contract.ratePerPoint, "0.005"],
    ["每分扣款比例", "0.05", (r) => r.contract.ratePerPoint, "0.05"],
    ["每分扣款比例", "0%", (r) => r.contract.ratePerPoint, "0"],
    ["扣款基数", "本笔款项", (r) => r.options.deductionBase, "instalment"],
    ["扣款基数", "本笔", (r) => r.options.deductionBase, "instalment"],
    ["扣款基数", "本期服务费", (r) => r.options.deductionBase, "periodFee"],
    ["扣款基数", "本期", (r) => r.options.deductionBase, "periodFee"],
    ["扣款基础", "季度服务费", (r) => r.options.deductionBase, "quarterlyFee"],
    ["流动率20至30得分", 0, (r) => r.options.turnoverBandScore, "0"],
    ["流动率20%-30%得分", "10", (r) => r.options.turnoverBandScore, "10"],
    ["质检扣分上限", 0, (r) => r.options.ticketQualityFloor, "10"],
    ["质检扣分上限", 10, (r) => r.options.ticketQualityFloor, "0"],
    ["质检扣分上限", "4.5", (r) => r.options.ticketQualityFloor, "5.5"],
    ["部分扣分方式", "整步", (r) => [r.options.satisfactionSteps, r.options.ticketQualitySteps, r.options.settlementSteps], ["floor", "floor", "floor"]],
    ["部分扣分方式", "不足一步按一步", (r) => [r.options.satisfactionSteps, r.options.ticketQualitySteps, r.options.settlementSteps], ["ceil", "ceil", "ceil"]],
    ["部分扣分方式", "满意率:整步,质检:起步", (r) => [r.options.satisfactionSteps, r.options.ticketQualitySteps, r.options.settlementSteps], ["floor", "ceil", "proportional"]],
    ["部分扣分方式", "结算=起步；工单质检：只计整步、满意率:比例", (r) => [r.options.satisfactionSteps, r.options.ticketQualitySteps, r.options.settlementSteps], ["proportional", "floor", "ceil"]],
    ["扣分层级", "备选", (r) => r.options.penaltyLadder, "alternative"],
    ["扣分层级", "市级以下10市级20省级及以上50", (r) => r.options.penaltyLadder, "alternative"],
    ["扣分层级", "默认", (r) => r.options.penaltyLadder, "default"],
    ["年报所属年度", "上一年度", (r) => r.scoring.annualReportYear, "previousYear"],
    ["年报所属年度", "上年度", (r) => r.scoring.annualReportYear, "previousYear"],
    ["年报年度", "上一年", (r) => r.scoring.annualReportYear, "previousYear"],
    ["年报所属年度", "当年", (r) => r.scoring.annualReportYear, "sameYear"],
    ["年报所属年度", "本年度", (r) => r.scoring.annualReportYear, "sameYear"],
    ["年报所属年度", "本年", (r) => r.scoring.annualReportYear, "sameYear"],
    ["平均分取整", "否", (r) => r.options.roundAverage, false],
    ["平均分取整", "N", (r) => r.options.roundAverage, false],
    ["平均分取整", "no", (r) => r.options.roundAverage, false],
    ["平均分取整", "FALSE", (r) => r.options.roundAverage, false],
    ["平均分取整", 0, (r) => r.options.roundAverage, false],
    ["平均分取整", "×", (r) => r.options.roundAverage, false],
    ["总分封顶100", "是", (r) => r.options.capTotalAt100, true],
    ["总分封顶100", "Y", (r) => r.options.capTotalAt100, true],
    ["总分封顶100", "Yes", (r) => r.options.capTotalAt100, true],
    ["总分封顶100", "true", (r) => r.options.capTotalAt100, true],
    ["总分封顶100", 1, (r) => r.options.capTotalAt100, true],
    ["总分封顶100", "√", (r) => r.options.capTotalAt100, true],
    ["总分封顶100", true, (r) => r.options.capTotalAt100, true],
    ["总分不低于0", true, (r) => r.options.floorTotalAt0, true],
    ["同一事项计分范围", "同一月内", (r) => r.options.matterOnceSpan, "month"],
    ["同一事项计分范围", "当月", (r) => r.options.matterOnceSpan, "month"],
    ["同一事项计分范围", "整个合同期", (r) => r.options.matterOnceSpan, "term"],
    ["扣分事项多级通报", "每次都扣", (r) => r.options.penaltyMatterOnce, false],
    ["扣分事项多级通报", "只扣一次", (r) => r.options.penaltyMatterOnce, true],
    ["乙方报送要求", "仅群众表扬", (r) => r.options.bonusReportRequired, "crowdOnly"],
    ["乙方报送要求", "全部加分", (r) => r.options.bonusReportRequired, "all"],
    ["付款期限起算", "自发票日期", (r) => r.options.paymentClockFromEarliest, false],
    ["付款期限起算", "不早于最早开票日期", (r) => r.options.paymentClockFromEarliest, true],
  ])("%s = %j", (label, value, get, expected) => {
    expect(get(one(label, value))).toEqual(expected);
  });
});

describe("each setting: a value it refuses, the message whole", () => {
  const refused = (label: string, value: RuleSettingRow["value"], zh: string, en: string) => [["error", "ruleSettings[0]", "bad-setting", `规则参数「${label}」的值「${String(value)}」无效：${zh}`, `rule parameter "${label}" value "${String(value)}" is invalid: ${en}`]];
  it.each<[string, RuleSettingRow["value"], string, string]>([
    ["合同总额", 0, "应为大于 0 的金额，如 689000", "must be an amount > 0, e.g. 689000"],
    ["合同总额", "六十八万", "应为大于 0 的金额，如 689000", "must be an amount > 0, e.g. 689000"],
    ["达标分", 0, "应为 0–100 的分数，如 95", "must be a score 0–100, e.g. 95"],
    ["达标分", "100.01", "应为 0–100 的分数，如 95", "must be a score 0–100, e.g. 95"],
    ["达标分", "95分", "应为 0–100 的分数，如 95", "must be a score 0–100, e.g. 95"],
    ["每分扣款比例", "0.06", "应写成百分比，如 0.5%", "must be written as a percentage, e.g. 0.5%"],
    ["每分扣款比例", 0.5, "应写成百分比，如 0.5%", "must be written as a percentage, e.g. 0.5%"],
    ["每分扣款比例", "-0.5%", "应写成百分比，如 0.5%", "must be written as a percentage, e.g. 0.5%"],
    ["每分扣款比例", "半%", "应写成百分比，如 0.5%", "must be written as a percentage, e.g. 0.5%"],
    ["每分扣款比例", "0.5%%", "应写成百分比，如 0.5%", "must be written as a percentage, e.g. 0.5%"],
    ["扣款基数", "年度服务费", "应为 季度服务费 / 本笔款项 / 本期服务费", "must be 季度服务费 / 本笔款项 / 本期服务费"],
    ["流动率20至30得分", -1, "应为 0–10 的分数", "must be a score 0–10"],
    ["流动率20至30得分", "10.5", "应为 0–10 的分数", "must be a score 0–10"],
    ["质检扣分上限", "11", "应为 0–10 的分数（最多扣几分）", "must be 0–10 (the most points deducted)"],
    ["质检扣分上限", "-1", "应为 0–10 的分数（最多扣几分）", "must be 0–10 (the most points deducted)"],
    ["部分扣分方式", ",", "应为 按比例 / 整步 / 起步", "must be 按比例 / 整步 / 起步"],
    ["部分扣分方式", "满意率:半步", "无法识别「满意率:半步」；应为 按比例 / 整步 / 起步，或「满意率:整步」", 'cannot read "满意率:半步"'],
    ["部分扣分方式", "考试:整步", "无法识别「考试:整步」；应为 按比例 / 整步 / 起步，或「满意率:整步」", 'cannot read "考试:整步"'],
    ["扣分层级", "其他", "应为 市级及以下/省级/国家级 或 市级以下/市级/省级及以上", "must be one of the two ladders"],
    ["年报所属年度", "去年", "应为 当年 / 上一年度", "must be 当年 / 上一年度"],
    ["平均分取整", "也许", "应为 是/否", "must be 是/否"],
    ["总分封顶100", 2, "应为 是/否", "must be 是/否"],
    ["总分不低于0", "对", "应为 是/否", "must be 是/否"],
    ["同一事项计分范围", "每年", "应为 整个合同期 / 同一月内", "must be 整个合同期 (the whole term) / 同一月内 (within a month)"],
    ["扣分事项多级通报", "两次", "应为 只扣一次 / 每次都扣", "must be 只扣一次 (once) / 每次都扣 (every report)"],
    ["乙方报送要求", "市级", "应为 全部加分 / 仅群众表扬", "must be 全部加分 (every bonus) / 仅群众表扬 (the 群众 +1 only)"],
    ["付款期限起算", "收到发票", "应为 不早于最早开票日期 / 自发票日期", "must be 不早于最早开票日期 / 自发票日期"],
  ])("%s = %j", (label, value, zh, en) => {
    expect(refusal(label, value)).toEqual(refused(label, value, zh, en));
  });
});

describe("the sheet as a whole", () => {
  it("an unknown label lists the labels there are", () => {
    const labels = RULE_SETTINGS.map((d) => d.label).join("、");
    expect(refusal("达标份", 90)).toEqual([["error", "ruleSettings[0]", "unknown-setting", `未知的规则参数「达标份」；可用：${labels}`, 'unknown rule parameter "达标份"']]);
    expect(labels).toBe("合同总额、达标分、每分扣款比例、扣款基数、流动率20至30得分、质检扣分上限、部分扣分方式、扣分层级、年报所属年度、平均分取整、总分封顶100、总分不低于0、同一事项计分范围、扣分事项多级通报、乙方报送要求、付款期限起算");
  });
  it("a label given twice (also by its alias) is refused on the later row, naming the earlier", () => {
    const r = rulesFromSettings([{ label: "备注", value: null }, { label: "达标分", value: 95 }, { label: "考核达标分", value: 90 }].filter((x) => x.label !== "备注"));
    expect(!r.ok && r.errors.map((e) => [e.field, e.code, e.message, e.messageEn])).toEqual([["ruleSettings[1]", "duplicate-setting", "规则参数「达标分」出现两次（另见第 1 行）", 'rule parameter "达标分" appears twice']]);
  });
  it("a row with no label is skipped; a blank value keeps the default", () => {
    const r = read([{ label: " ", value: "whatever" }, { label: "达标分", value: null }, { label: "扣款基数", value: "  " }]);
    expect(r).toEqual(defaultRules());
  });
  it("labels are matched ignoring spaces, brackets, width and case", () => {
    expect(findRuleSetting(" 合同 金额 ")?.label).toBe("合同总额");
    expect(findRuleSetting("（扣款基础）")?.label).toBe("扣款基数");
    expect(findRuleSetting("总分封顶１００")?.label).toBe("总分封顶100");
    expect(findRuleSetting("流动率20%至30%得分")?.label).toBe("流动率20至30得分");
    expect(findRuleSetting("达标")).toBeNull();
  });
  it("a changed value renames the rule set; restating the defaults does not", () => {
    const base = defaultRules();
    const changed = one("达标分", 90);
    expect([changed.version, changed.name]).toEqual([`${base.version}+规则设置`, `${base.name}（按工作簿「规则设置」调整）`]);
    // Every default restated, 合同总额 too: its text "689000.00" reads back as "689000", the same amount.
    const same = read(RULE_SETTINGS.map((d) => ({ label: d.label, value: d.defaultText(base) })));
    expect([same.version, same.name]).toEqual([base.version, base.name]);
    expect(same).toEqual(base);
  });
  it("a number restated in another spelling keeps the base's text and name; another number renames", () => {
    const base = defaultRules();
    for (const value of [689000, "689000", "689,000.00元", "￥689000.0", "+689000"]) {
      const r = one("合同总额", value);
      expect([String(value), r.contract.total, r.version, r.name]).toEqual([String(value), "689000.00", base.version, base.name]);
    }
    const threshold = one("达标分", "95.00");
    expect([threshold.contract.threshold, threshold.version]).toEqual([base.contract.threshold, base.version]);
    const other = one("合同总额", "689000.01");
    expect([other.contract.total, other.version]).toEqual(["689000.01", `${base.version}+规则设置`]);
  });
  it("the settings read onto another base keep its values", () => {
    const base = rules({ options: { roundAverage: false }, version: "v-x" });
    const r = rulesFromSettings([{ label: "达标分", value: 90 }], base);
    expect(r.ok && [r.value.options.roundAverage, r.value.contract.threshold, r.value.version]).toEqual([false, "90", "v-x+规则设置"]);
  });
});

describe("defaults as a clerk would type them", () => {
  it("under the contract", () => {
    const base = defaultRules();
    expect(RULE_SETTINGS.map((d) => [d.label, d.defaultText(base)])).toEqual([
      ["合同总额", "689000.00"],
      ["达标分", "95"],
      ["每分扣款比例", "0.5%"],
      ["扣款基数", "季度服务费"],
      ["流动率20至30得分", "10"],
      ["质检扣分上限", "5"],
      ["部分扣分方式", "按比例"],
      ["扣分层级", "市级及以下/省级/国家级"],
      ["年报所属年度", "当年"],
      ["平均分取整", "是"],
      ["总分封顶100", "否"],
      ["总分不低于0", "否"],
      ["同一事项计分范围", "整个合同期"],
      ["扣分事项多级通报", "只扣一次"],
      ["乙方报送要求", "全部加分"],
      ["付款期限起算", "不早于最早开票日期"],
    ]);
  });
  it("under every other choice", () => {
    const other = rules({
      scoring: { annualReportYear: "previousYear" },
      options: { roundAverage: false, capTotalAt100: true, floorTotalAt0: true, matterOnceSpan: "month", penaltyMatterOnce: false, bonusReportRequired: "crowdOnly", paymentClockFromEarliest: false, ticketQualityFloor: "0" },
    });
    const text = (label: string) => RULE_SETTINGS.find((d) => d.label === label)!.defaultText(other);
    expect(["年报所属年度", "平均分取整", "总分封顶100", "总分不低于0", "同一事项计分范围", "扣分事项多级通报", "乙方报送要求", "付款期限起算", "质检扣分上限"].map(text)).toEqual(["上一年度", "否", "是", "是", "同一月内", "每次都扣", "仅群众表扬", "自发票日期", "10"]);
  });
});

describe("A2 质检扣分上限: the help says whether the cap can bite under the rates in force", () => {
  it("under the contract's 0.5 per 10 %: row 9 never falls below 5.5, the cap of 5 never bites", () => {
    expect(ticketCapHelp(defaultRules())).toBe("A2：合同「5分扣完为止」— 填本项最多扣几分（默认 5，即最低 5 分）。按现行扣分标准「低于90%每降低10%扣0.5分」，准确率为 0 时最多扣 4.5 分（最低 5.5 分），所以本上限在现行标准下不起作用（填 10 也不会低于 5.5 分），补充协议改变扣分标准后才有意义");
    expect(ticketCapHelp(defaultRules(), "en")).toBe('A2: the contract says "deductions stop at 5"; fill in the most points row 9 may lose (default 5). At 0.5 per 10% below 90%, row 9 loses at most 4.5 (lowest 5.5) even at 0% accuracy, so the cap only matters after an amendment changes that rate');
  });
  it("at 2 points per 10 %: up to 18 points, so the cap of 5 bites (lowest 5)", () => {
    const steep = rules({ scoring: { ticketPointsPerStep: "2" } });
    expect(ticketCapHelp(steep)).toBe("A2：合同「5分扣完为止」— 填本项最多扣几分（默认 5，即最低 5 分）。按现行扣分标准「低于90%每降低10%扣2分」，准确率为 0 时最多扣 18 分（最低 -8 分），本上限起作用：最多扣 5 分（最低 5 分）");
    expect(ticketCapHelp(steep, "en")).toBe('A2: the contract says "deductions stop at 5"; fill in the most points row 9 may lose (default 5). At 2 per 10% below 90%, row 9 loses at most 18 (lowest -8) even at 0% accuracy, so this cap of 5 applies (lowest 5)');
  });
  it("a cap exactly equal to the most row 9 can lose does not bite", () => {
    const exact = rules({ scoring: { ticketPointsPerStep: "0.5" }, options: { ticketQualityFloor: "5.5" } });
    expect(ticketCapHelp(exact)).toContain("所以本上限在现行标准下不起作用");
  });
  it("settingHelp: the help under the rules in force where it depends on them, the fixed help elsewhere", () => {
    const cap = findRuleSetting("质检扣分上限")!;
    const steep = rules({ scoring: { ticketPointsPerStep: "2" } });
    expect(settingHelp(cap, steep)).toBe(ticketCapHelp(steep));
    expect(cap.help).toBe(ticketCapHelp(defaultRules()));
    const base = findRuleSetting("扣款基数")!;
    expect(settingHelp(base, steep)).toBe("A5：季度服务费（默认）/ 本笔款项 / 本期服务费");
  });
});
