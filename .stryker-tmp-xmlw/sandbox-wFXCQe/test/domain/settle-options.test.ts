/**
 * Settlement (合同§十): "95分及以上全额结算，95分以下每低1分按照季度服务费0.5%扣除" under each
 * reading of A3, A5 and A6, and the error for a missing month.
 */
// @ts-nocheck

import { DecimalInput, fixed2, settle } from "../../src/domain";
import { rules } from "./builders";

const SECOND = ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05"];
const THIRD = ["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"];

function totals(second: DecimalInput[] | DecimalInput, third: DecimalInput[] | DecimalInput = "96"): Record<string, DecimalInput> {
  const out: Record<string, DecimalInput> = {};
  SECOND.forEach((m, i) => (out[m] = Array.isArray(second) ? (second[i] as DecimalInput) : second));
  THIRD.forEach((m, i) => (out[m] = Array.isArray(third) ? (third[i] as DecimalInput) : third));
  return out;
}

function instalment(n: number, t: Record<string, DecimalInput>, r = rules()) {
  const result = settle(t, [], r);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const i = result.value.instalments.find((x) => x.number === n);
  if (!i) throw new Error(`no instalment ${n}`);
  return i;
}

describe("amounts", () => {
  it("splits 689,000.00 into 275,600 / 344,500 / 68,900 with the quarterly fee 172,250", () => {
    const result = settle(totals("96"), [], rules());
    if (!result.ok) throw new Error("refused");
    expect(result.value.instalments.map((i) => fixed2(i.amount))).toEqual(["275600.00", "344500.00", "68900.00"]);
    expect(fixed2(result.value.quarterlyFee)).toBe("172250.00");
    expect(result.value.totalUpper).toBe("人民币陆拾捌万玖仟元整");
  });
  it("instalment 1 has no scored months: no average, no deduction", () => {
    const first = instalment(1, totals("80"));
    expect(first.average).toBeNull();
    expect(fixed2(first.deduction)).toBe("0.00");
    expect(first.payableUpper).toBe("人民币贰拾柒万伍仟陆佰元整");
  });
});

describe("deduction (default: A5 quarterly fee, A3 proportional, A6 average rounded)", () => {
  it.each([
    ["95", "0.00", "344500.00"],
    ["99", "0.00", "344500.00"],
    ["93.40", "1378.00", "343122.00"], // SPEC §7: 1.60 × 0.5% × 172,250
    ["94.99", "8.61", "344491.39"], // 0.01 × 861.25 = 8.6125 → 8.61
    ["90", "4306.25", "340193.75"], // 5 × 861.25
  ])("average %s → deduction %s, payable %s", (avg, deduction, payable) => {
    const i = instalment(2, totals(avg));
    expect(fixed2(i.deduction)).toBe(deduction);
    expect(fixed2(i.payable)).toBe(payable);
  });
  it("instalment 3 uses the same quarterly fee: average 94 → 861.25 of 68,900.00", () => {
    const i = instalment(3, totals("96", "94"));
    expect(fixed2(i.deduction)).toBe("861.25");
    expect(i.payableUpper).toBe("人民币陆万捌仟零叁拾捌元柒角伍分");
  });
});

describe("A5 deduction base", () => {
  // average 93.40 → 1.60 points × 0.5% = 0.8% of the base
  it.each([
    ["quarterlyFee", 2, "1378.00"], // 0.008 × 172,250
    ["instalment", 2, "2756.00"], // 0.008 × 344,500
    ["periodFee", 2, "2756.00"], // 0.008 × (6 months = 2 quarters = 344,500)
    ["instalment", 3, "551.20"], // 0.008 × 68,900
    ["periodFee", 3, "2756.00"], // 0.008 × 344,500
  ] as const)("%s, instalment %i → %s", (deductionBase, n, expected) => {
    expect(fixed2(instalment(n, totals("93.40", "93.40"), rules({ options: { deductionBase } })).deduction)).toBe(expected);
  });
  it("never deducts more than the instalment", () => {
    // 205 points below × 0.5% = 102.5% of the instalment
    const i = instalment(3, totals("96", "-110"), rules({ options: { deductionBase: "instalment" } }));
    expect(fixed2(i.deduction)).toBe("68900.00");
    expect(i.deductionCapped).toBe(true);
    expect(fixed2(i.payable)).toBe("0.00");
    expect(i.payableUpper).toBe("人民币零元整");
  });
});

describe("A6 average rounding", () => {
  // Σ = 560.42 → average 93.40333… ; rounded 93.40 → 1.60 points; unrounded 1.59666… points
  const months = ["93.40", "93.40", "93.40", "93.40", "93.40", "93.42"];
  it("rounds the average half-up to 2 decimals by default", () => {
    const i = instalment(2, totals(months));
    expect(fixed2(i.average!)).toBe("93.40");
    expect(fixed2(i.deduction)).toBe("1378.00");
  });
  it("with the option off uses the exact average: 1.59666… × 861.25 = 1375.129… → 1375.13", () => {
    const i = instalment(2, totals(months), rules({ options: { roundAverage: false } }));
    expect(fixed2(i.deduction)).toBe("1375.13");
  });
  it("rounds the average half up: 94.995 → 95.00, no deduction", () => {
    const i = instalment(2, totals(["94.99", "95", "95", "95", "95", "94.98"]));
    expect(fixed2(i.average!)).toBe("95.00"); // 569.97 / 6 = 94.995
    expect(fixed2(i.deduction)).toBe("0.00");
  });
});

describe("A3 settlement steps (每低1分)", () => {
  it.each([
    ["proportional", "1378.00"], // 1.60 points
    ["floor", "861.25"], // 1 whole point
    ["ceil", "1722.50"], // 2 started points
  ] as const)("%s → %s", (settlementSteps, expected) => {
    expect(fixed2(instalment(2, totals("93.40"), rules({ options: { settlementSteps } })).deduction)).toBe(expected);
  });
});

describe("a missing month", () => {
  it("is an error naming the month, and nothing is settled", () => {
    const t = totals("96");
    delete t["2025-03"];
    const result = settle(t, [], rules());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(["months.2025-03"]);
    expect(result.errors[0]?.message).toContain("2025年3月");
  });
});

describe("the deduction formula in words", () => {
  it("reads (95 − 93.40) = 1.60 分 × 0.5% × 季度服务费 172250.00 = 1378.00 元", () => {
    expect(instalment(2, totals("93.40")).formula).toBe("(95 − 93.40) = 1.60 分 × 0.5% × 季度服务费 172250.00 = 1378.00 元");
  });
  it("with A6 off shows the exact average shortened to 4 places, not 38 digits", () => {
    const i = instalment(2, totals(["93.40", "93.40", "93.40", "93.40", "93.40", "93.39"]), rules({ options: { roundAverage: false } }));
    expect(i.formula).toBe("(95 − 93.3983…) = 1.6017… 分 × 0.5% × 季度服务费 172250.00 = 1379.44 元");
  });
});
