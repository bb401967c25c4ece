/** The 规则设置 sheet: clerk-typed values become a validated rule set; typos are errors. */
// @ts-nocheck

import { defaultRules, describeOptionChanges, loadRules, rulesFromSettings } from "../../src/domain";

describe("rulesFromSettings", () => {
  it("an empty sheet is the contract defaults", () => {
    const r = rulesFromSettings([]);
    expect(r.ok && r.value).toEqual(defaultRules());
  });
  it("reads every option as typed", () => {
    const r = rulesFromSettings([
      { label: "合同总额", value: "689,000.00" },
      { label: "达标分", value: 95 },
      { label: "每分扣款比例", value: "0.5%" },
      { label: "扣款基数", value: "本笔款项" },
      { label: "流动率20至30得分", value: 5 },
      { label: "质检扣分上限", value: 10 },
      { label: "部分扣分方式", value: "满意率:整步，结算:起步" },
      { label: "扣分层级", value: "市级以下/市级/省级及以上" },
      { label: "平均分取整", value: "否" },
      { label: " 总分封顶 100 ", value: "是" },
      { label: "总分不低于0", value: false },
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.contract.ratePerPoint).toBe("0.005");
    expect(r.value.options).toEqual({
      turnoverBandScore: "5",
      ticketQualityFloor: "0",
      satisfactionSteps: "floor",
      ticketQualitySteps: "proportional",
      settlementSteps: "ceil",
      penaltyLadder: "alternative",
      deductionBase: "instalment",
      roundAverage: false,
      capTotalAt100: true,
      floorTotalAt0: false,
      // A7–A10: not set here, so the defaults.
      matterOnceSpan: "term",
      penaltyMatterOnce: true,
      bonusReportRequired: "all",
      paymentClockFromEarliest: true,
    });
    expect(r.value.version).toBe(`${defaultRules().version}+规则设置`);
    expect(describeOptionChanges(r.value)).toHaveLength(8); // all but 质检 steps and the floor at 0
  });
  it("accepts a percent cell (0.005) and refuses an ambiguous bare 0.5", () => {
    const ok = rulesFromSettings([{ label: "每分扣款比例", value: 0.005 }]);
    expect(ok.ok && ok.value.contract.ratePerPoint).toBe("0.005");
    const bad = rulesFromSettings([{ label: "每分扣款比例", value: 0.5 }]);
    expect(bad.ok).toBe(false);
  });
  it.each([
    [[{ label: "扣款基数", value: "年度服务费" }], "ruleSettings[0]", "bad-setting"],
    [[{ label: "达标份", value: 90 }], "ruleSettings[0]", "unknown-setting"],
    [[{ label: "达标分", value: 90 }, { label: "达标分", value: 95 }], "ruleSettings[1]", "duplicate-setting"],
    [[{ label: "流动率20至30得分", value: 11 }], "ruleSettings[0]", "bad-setting"],
  ])("refuses %j", (rows, field, code) => {
    const r = rulesFromSettings(rows);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.field, e.code])).toContainEqual([field, code]);
  });
});

describe("loadRules", () => {
  it("refuses shares that do not add up to 100%", () => {
    const r = loadRules({ contract: { instalments: defaultRules().contract.instalments.map((i) => ({ ...i, share: "0.3" })) } });
    expect(r.ok).toBe(false);
  });
  it("refuses an unknown option value, naming it", () => {
    const r = loadRules({ options: { deductionBase: "yearly" as never } });
    expect(!r.ok && r.errors[0]?.field).toBe("rules.options.deductionBase");
  });
});

describe("a 规则设置 sheet that restates the defaults", () => {
  it("keeps the contract's version and name", () => {
    const r = rulesFromSettings([
      { label: "达标分", value: 95 },
      { label: "每分扣款比例", value: 0.005 },
      { label: "扣款基数", value: "季度服务费" },
    ]);
    expect(r.ok && r.value.version).toBe(defaultRules().version);
  });
});
