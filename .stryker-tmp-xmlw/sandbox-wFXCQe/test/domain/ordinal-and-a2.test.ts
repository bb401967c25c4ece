/**
 * 付款记录's 笔次 for any number of instalments (SPEC §9: as many as the contract has), and what
 * the printed sheets say about A2 under the rates in force (SPEC §5: "What the product says about
 * A2 must be true under the rates in force").
 */
// @ts-nocheck

import { describeOptionChanges, instalmentOrdinal, loadRules, ticketDeductionReach } from "../../src/domain";

describe("instalmentOrdinal: 笔次 as a clerk types it", () => {
  it.each([
    ["1", 1],
    ["3", 3],
    ["4", 4],
    ["12", 12],
    ["第2笔", 2],
    ["第四笔", 4],
    ["第十二笔款", 12],
    ["二十一", 21],
    ["第3笔款项", 3],
    [" 第2笔 ", 2],
    ["\u30002", 2],
  ])("%s → %d", (text, n) => expect(instalmentOrdinal(text)).toBe(n));

  it.each(["0", "第零笔", "", "A", "1.5", "第2期", "-1", "x2", "2x", "第2笔x", "2二"])("%p is not a 笔次", (text) => expect(instalmentOrdinal(text)).toBeNull());
});

describe("A2 in words that hold under the rates in force", () => {
  const rules = (options: object, scoring: object = {}) => {
    const r = loadRules({ options, scoring });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  };

  it("under the contract's 0.5 per 10 %, row 9 loses at most 4.5 (lowest 5.5)", () => {
    const { most, lowest } = ticketDeductionReach(rules({}));
    expect([most.toString(), lowest.toString()]).toEqual(["4.5", "5.5"]);
  });

  it("a cap of 10 under the contract's rate is said to have no effect (row 9 never falls below 5.5)", () => {
    expect(describeOptionChanges(rules({ ticketQualityFloor: "0" }))).toEqual(["A2 工单质检最多扣 10 分（默认 5 分）；按现行扣分标准本项最低 5.5 分，此上限不起作用"]);
  });

  it("after an amendment to 1 point per 5 %, the same cap bites and nothing more is said", () => {
    const r = rules({ ticketQualityFloor: "2" }, { ticketPointsPerStep: "1", ticketStep: "5" });
    expect(ticketDeductionReach(r).most.toString()).toBe("18");
    expect(describeOptionChanges(r)).toEqual(["A2 工单质检最多扣 8 分（默认 5 分）"]);
  });
});
