// @ts-nocheck
import { EXAMPLE_2025_10 } from "../../src/domain/example";
import { defaultRules, fixed2, scoreMonth, settle } from "../../src/domain";

describe("SPEC §7 worked example", () => {
  const { indicators, events, reports } = EXAMPLE_2025_10;
  let outcome: ReturnType<typeof scoreMonth>;
  beforeAll(() => {
    outcome = scoreMonth(indicators, events, reports, defaultRules());
  });

  it("scores 2025-10 at 93.25", () => {
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const scores = Object.fromEntries(outcome.value.items.map((i) => [i.no, fixed2(i.score)]));
    expect(scores).toEqual({
      1: "9.00", 2: "10.00", 3: "10.00", 4: "3.00", 5: "5.00", 6: "13.00", 7: "15.00",
      8: "9.50", 9: "9.75", 10: "10.00", 11: "1.00", 12: "0.00", 13: "-2.00", 14: "0.00",
    });
    expect(fixed2(outcome.value.baseTotal)).toBe("94.25");
    expect(fixed2(outcome.value.total)).toBe("93.25");
  });

  it("flags the bonus kept at 0 for missing evidence and the A1 band", () => {
    if (!outcome.ok) throw new Error("not ok");
    const codes = outcome.warnings.map((w) => w.code);
    expect(codes).toContain("bonus-kept-at-zero");
    expect(codes).toContain("turnover-band");
    expect(outcome.warnings.find((w) => w.code === "bonus-kept-at-zero")?.field).toBe("events[1].evidence");
  });

  it("explains row 4 with the 调休 working day", () => {
    if (!outcome.ok) throw new Error("not ok");
    const row4 = outcome.value.items.find((i) => i.no === 4);
    expect(row4?.summary.startsWith("月报(2025-09) 应交 2025-10-10，2025-10-13 提交，迟 2 个工作日")).toBe(true);
    expect(row4 && fixed2(row4.score)).toBe("3.00");
    // The quarterly report for 2025Q3 is due 2025-10-15 and not in the example: a reminder, no deduction.
    expect(outcome.warnings.find((w) => w.code === "report-not-recorded")?.message).toContain("季报(2025Q3)");
  });

  it("settles instalment 2 at an average of 93.40: 1,378.00 deducted, 343,122.00 payable", () => {
    const totals: Record<string, string> = { "2024-12": "93.40", "2025-01": "93.40", "2025-02": "93.40", "2025-03": "93.40", "2025-04": "93.40", "2025-05": "93.40" };
    for (const m of ["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"]) totals[m] = "96";
    const result = settle(totals, [], defaultRules());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const second = result.value.instalments.find((i) => i.number === 2);
    expect(second && fixed2(second.average!)).toBe("93.40");
    expect(second && fixed2(second.pointsBelow)).toBe("1.60");
    expect(second && fixed2(second.deduction)).toBe("1378.00");
    expect(second && fixed2(second.payable)).toBe("343122.00");
    expect(second?.payableUpper).toBe("人民币叁拾肆万叁仟壹佰贰拾贰元整");
  });

  it("explains every row in the clerk's words: the inputs, the arithmetic, the score (SPEC §7, row by row)", () => {
    if (!outcome.ok) throw new Error("not ok");
    const how = outcome.value.items.map((i) => [i.no, i.summary, i.explanation.replace(/^.*? —— /, ""), i.explanationEn.replace(/^Scorecard row \d+ \(.*?\): /, "")]);
    expect(how).toEqual([
      [1, "团队 9 人，少 1 人", "团队 9 人，少 1 人，10 − 1 × 1 = 9.00，得 9.00 分", "team of 9, 1 short of 10 → 9.00"],
      [2, "管理制度落实：是；运营报告按时完整：是", "管理制度落实：是；运营报告按时完整：是，10 = 10.00，得 10.00 分", "rules followed: yes; reports on time: yes → 10.00"],
      [3, "变动 2 人 / 9 人，流动率 22.22%", "变动 2 人 / 9 人，流动率 22.22%，在 20%–30% 档，按合同原文得 10.00 分", "2 of 9 changed (22.22%) → 10.00"],
      [4, "月报(2025-09) 应交 2025-10-10，2025-10-13 提交，迟 2 个工作日；季报(2025Q3) 未登记", "共迟 2 个工作日，5 − 2 × 1 = 3.00，得 3.00 分", "2 working day(s) late in all → 3.00"],
      [5, "培训与精神面貌无问题", "培训与精神面貌无问题，5 − 0 × 1 = 5.00，得 5.00 分", "0 lapse(s) → 5.00"],
      [6, "全国第 7/31 名", "全国第 7/31 名，低于第 5 名 2 个位次，15 − 2 = 13.00，得 13.00 分", "rank 7 of 31 → 13.00"],
      [7, "全国第 4/31 名", "全国第 4/31 名，在前 5 名，得满分 15 分", "rank 4 of 31 → 15.00"],
      [8, "满意率 94.00%（940/1000，已剔除差评 10）", "满意率 94.00%（940/1000，已剔除差评 10），低于 95% 共 1.00 个百分点，按比例计 1 步 × 0.5 分，10 − 0.50 = 9.50，得 9.50 分", "940 of 1000 valid ratings satisfied (94.00%) → 9.50"],
      [9, "抽检 100 条，合格 85 条，准确率 85.00%", "抽检 100 条，合格 85 条，准确率 85.00%，低于 90% 共 5.00 个百分点，每 10% 扣 0.5 分（按比例），10 − 0.25 = 9.75，得 9.75 分", "85 of 100 tickets pass (85.00%) → 9.75"],
      [10, "截止 2025-10-15 参考 9/9 人，覆盖率 100.00%", "截止 2025-10-15 参考 9/9 人，覆盖率 100.00%，10 − 0 × 1 = 10.00，得 10.00 分", "9 of 9 sat the exam by 2025-10-15 → 10.00"],
      [
        11,
        "事项 BY-2025-102「群众电话表扬（无录音）」（群众）无佐证材料，不加分；事项 BY-2025-101「来电群众致谢话务员」（群众）+1",
        "事项 BY-2025-102「群众电话表扬（无录音）」（群众）无佐证材料，不加分；事项 BY-2025-101「来电群众致谢话务员」（群众）+1，合计 +1.00",
        "1 bonus event(s) counted → +1.00",
      ],
      [12, "无扣分事件", "无扣分事件，合计 −0.00（扣分层级：市级及以下 −10，省级 −20，国家级/部级 −50）", "0 penalty event(s) counted → −0.00"],
      [13, "有效投诉 1 件", "有效投诉 1 件 × 2 = −2.00", "1 valid complaint(s) → −2.00"],
      [14, "未发现弄虚作假", "弄虚作假 0 次 × 5 = −0.00", "0 falsification finding(s) → −0.00"],
    ]);
    const first = outcome.value.items[0]!;
    expect(first.explanation.startsWith("附件二第1项「队伍建设」评分细则：")).toBe(true);
    expect(first.explanationEn.startsWith("Scorecard row 1 (")).toBe(true);
    expect(outcome.value.items.map((i) => Object.keys(i.inputs).join("|"))).toEqual([
      "团队人数",
      "管理制度落实|运营报告按时完整",
      "变动人数|团队人数|流动率",
      "月报(2025-09)",
      "培训问题次数",
      "排名|排名中心数",
      "排名|排名中心数",
      "非常满意|满意|一般|不满意|非常不满意|剔除差评数|有效评价数",
      "抽检工单数|合格工单数",
      "按时参考人数|团队人数|考试截止日",
      "计分加分事件",
      "计分扣分事件",
      "有效投诉数",
      "弄虚作假次数",
    ]);
    expect(outcome.value.items[3]!.inputs["月报(2025-09)"]).toBe("应交 2025-10-10，2025-10-13 提交");
    expect(outcome.value.items[7]!.inputs["有效评价数"]).toBe("1000");
  });

  it("warns in the clerk's words: the A1 band, the report not recorded, the bonus kept at 0, rows 2/4, the threshold", () => {
    if (!outcome.ok) throw new Error("not ok");
    expect(outcome.warnings.map((w) => [w.code, w.field, w.message, w.messageEn])).toEqual([
      ["turnover-band", "changed", "2025年10月流动率 22.22% 落在 20%–30% 档：合同原文此档得 10 分（等于满分，A1），当前规则得 10.00 分", "turnover 22.22% is in the 20–30% band: the contract gives 10 (full marks, A1); this rule set gives 10.00"],
      ["report-not-recorded", "reports", "2025年10月应交的季报(2025Q3)（2025-10-15 截止）未在「报告提交」登记，未扣分；如确未提交，请登记一行并留空提交日期", "季报 2025Q3 due 2025-10-15 is not recorded in 报告提交: not deducted; if it was not submitted, add a row with no date"],
      ["bonus-kept-at-zero", "events[1].evidence", "加分事项 BY-2025-102「群众电话表扬（无录音）」无佐证材料，按合同「佐证材料不充分、不完整，或经核查不属实的不加分」，计 0 分", "bonus BY-2025-102 scored 0: no evidence"],
      [
        "row2-row4-late",
        "reportsOnTime",
        "2025年10月第4项「数据分析」因报告迟交 2 个工作日扣 2.00 分，而「运营报告按时完整」填「是」（第2项未扣分）：两项按合同各自计分；如报告确未按时提交，请核对第2项",
        '2025-10: row 4 deducts 2.00 for reports 2 working day(s) late while "operating reports on time and complete" is yes (row 2 not deducted): each row is scored as written; check row 2',
      ],
      ["below-threshold", "total", "2025年10月考核得分 93.25 低于达标分 95，将拉低本期平均分", "total 93.25 is below the 95 threshold"],
    ]);
  });
});
