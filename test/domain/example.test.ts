import { EXAMPLE_2025_10 } from "../../src/domain/example";
import { DEFAULT_RULES, fixed2, scoreMonth, settle } from "../../src/domain";

describe("SPEC §7 worked example", () => {
  const { indicators, events, reports } = EXAMPLE_2025_10;
  const outcome = scoreMonth(indicators, events, reports, DEFAULT_RULES);

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
    const result = settle(totals, [], DEFAULT_RULES);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const second = result.value.instalments.find((i) => i.number === 2);
    expect(second && fixed2(second.average!)).toBe("93.40");
    expect(second && fixed2(second.pointsBelow)).toBe("1.60");
    expect(second && fixed2(second.deduction)).toBe("1378.00");
    expect(second && fixed2(second.payable)).toBe("343122.00");
    expect(second?.payableUpper).toBe("人民币叁拾肆万叁仟壹佰贰拾贰元整");
  });
});
