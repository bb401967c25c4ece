/**
 * forecastInstalment / settlementProgress: what the remaining months of a period must average to
 * avoid any deduction (A6 rounding, A3 steps), and the partial picture while months are scored.
 * Every expected number is worked by hand in the comment beside it.
 */
// @ts-nocheck

import fc from "fast-check";
import { dec, DecimalInput, defaultRules, fixed2, monthRange, RuleSet, settle } from "../../src/domain";
import { forecastInstalment, forecastText, settlementProgress } from "../../src/domain/forecast";
import { instalmentDeduction } from "../../src/domain/settlement";
import { rules } from "./builders";

const FIRST = defaultRules().contract.instalments[0]!;
const SECOND = defaultRules().contract.instalments[1]!;
const THIRD = defaultRules().contract.instalments[2]!;
const M2 = ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05"];
const M3 = ["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"];

function known(values: DecimalInput[], months = M2): Record<string, DecimalInput> {
  return Object.fromEntries(values.map((v, i) => [months[i] as string, v]));
}

const f2 = (v: { toString(): string } | null | undefined) => (v === null || v === undefined ? null : fixed2(dec(v.toString())));

describe("forecastInstalment (instalment 2, six months)", () => {
  const cases: {
    name: string;
    totals: DecimalInput[];
    rules?: RuleSet;
    status: string;
    neededTotal: string | null;
    neededAverage: string | null;
    projected: string | null;
    bestCase?: string;
  }[] = [
    // round2(S/6) ≥ 95 ⇔ S/6 ≥ 94.995 ⇔ S ≥ 569.97; 569.97 / 6 = 94.995 → rounded up 95.00.
    { name: "nothing scored", totals: [], status: "not-started", neededTotal: "569.97", neededAverage: "95.00", projected: null },
    // 569.97 − 192 = 377.97 over 4 months = 94.4925 → 94.50; at 96.00 so far there is no deduction.
    { name: "two months at 96", totals: ["96", "96"], status: "on-track", neededTotal: "377.97", neededAverage: "94.50", projected: "0.00" },
    // 569.97 − 187 = 382.97 / 4 = 95.7425 → 95.75; at the pace (93.50): 1.5 × 0.5% × 172,250 = 1,291.875 → 1,291.88.
    { name: "93 and 94", totals: ["93", "94"], status: "needs", neededTotal: "382.97", neededAverage: "95.75", projected: "1291.88" },
    // 569.97 − 190 = 379.97 / 3 = 126.656… → 126.66 > 100: unavoidable. Best case: (190 + 300) / 6 = 81.666… → 81.67,
    // 13.33 × 861.25 = 11,480.4625 → 11,480.46.
    { name: "60, 60, 70", totals: ["60", "60", "70"], status: "unavoidable", neededTotal: "379.97", neededAverage: "126.66", projected: "27275.79", bestCase: "11480.46" },
    // 569.97 − 474.99 = 94.98 for the last month (the five average 94.998 → 95.00: on track).
    { name: "five months, one at 94.99", totals: ["94.99", "95", "95", "95", "95"], status: "on-track", neededTotal: "94.98", neededAverage: "94.98", projected: "0.00" },
    // Exactly 100 in the last month is still enough: 569.97 − 469.97 = 100.00 → needs, not unavoidable.
    // At the pace: 469.97 / 5 = 93.994 → 93.99, 1.01 × 861.25 = 869.8625 → 869.86.
    { name: "needs exactly 100", totals: ["94.00", "94.00", "94.00", "94.00", "93.97"], status: "needs", neededTotal: "100.00", neededAverage: "100.00", projected: "869.86" },
    // One cent more is needed than 100 can give: 569.97 − 469.96 = 100.01 → unavoidable; best (469.96 + 100) / 6 = 94.993… → 94.99:
    // 0.01 × 861.25 = 8.6125 → 8.61. At the pace: 469.96 / 5 = 93.992 → 93.99 → 869.86 as above.
    { name: "one cent short of possible", totals: ["94.00", "94.00", "94.00", "94.00", "93.96"], status: "unavoidable", neededTotal: "100.01", neededAverage: "100.01", projected: "869.86", bestCase: "8.61" },
    // All six scored: the settle() example (93.40 → 1,378.00).
    { name: "complete", totals: ["93.40", "93.40", "93.40", "93.40", "93.40", "93.40"], status: "complete", neededTotal: null, neededAverage: null, projected: "1378.00" },
    // A6 off: S/6 ≥ 95 ⇔ S ≥ 570.00.
    { name: "A6 not rounded", totals: [], rules: rules({ options: { roundAverage: false } }), status: "not-started", neededTotal: "570.00", neededAverage: "95.00", projected: null },
    // A3 floor ("整步"): a deduction needs one whole point below 95, so round2(S/6) ≥ 94.01 ⇔ S/6 ≥ 94.005 ⇔ S ≥ 564.03; 564.03/6 = 94.005 → 94.01.
    { name: "A3 whole steps", totals: [], rules: rules({ options: { settlementSteps: "floor" } }), status: "not-started", neededTotal: "564.03", neededAverage: "94.01", projected: null },
  ];
  it.each(cases)("$name", (c) => {
    const r = c.rules ?? defaultRules();
    const f = forecastInstalment(SECOND, known(c.totals), r);
    expect(f.status).toBe(c.status);
    expect(f.monthsScored).toBe(c.totals.length);
    expect(f.monthsLeft).toBe(6 - c.totals.length);
    expect(f2(f.neededTotal)).toBe(c.neededTotal);
    expect(f2(f.neededAverage)).toBe(c.neededAverage);
    expect(f2(f.projectedDeduction)).toBe(c.projected);
    expect(f2(f.bestCaseDeduction)).toBe(c.bestCase ?? null);
    expect(fixed2(f.maxRemainingAverage)).toBe("100.00");
  });

  it("ignores nulls and blanks as not scored, and keeps the missing months in order", () => {
    const f = forecastInstalment(SECOND, { "2024-12": "96", "2025-01": null, "2025-02": "", "2025-03": "95" }, defaultRules());
    expect(f.scored.map((s) => s.month)).toEqual(["2024-12", "2025-03"]);
    expect(f.missing).toEqual(["2025-01", "2025-02", "2025-04", "2025-05"]);
    expect(f.averageSoFar && fixed2(f.averageSoFar)).toBe("95.50");
  });

  it("instalment 1 has no scored months: complete, nothing to forecast, no deduction", () => {
    const f = forecastInstalment(FIRST, {}, defaultRules());
    expect(f.status).toBe("complete");
    expect(f.months).toEqual([]);
    expect(f.neededAverage).toBeNull();
    expect(f2(f.projectedDeduction)).toBe("0.00");
    expect(forecastText(f, defaultRules())).toBe("第1笔不与考核得分挂钩，无需预测");
  });

  it("says each status in words", () => {
    const text = (totals: DecimalInput[]) => forecastText(forecastInstalment(SECOND, known(totals), defaultRules()), defaultRules());
    expect(text([])).toBe("第2笔：余下 6 个月平均需达到 95.00 分，方可不扣款");
    expect(text(["96", "96"])).toBe("第2笔：已评 2 个月，平均 96.00 分；余下 4 个月平均需达到 94.50 分，方可不扣款（按目前水平可达）");
    expect(text(["93", "94"])).toBe("第2笔：已评 2 个月，平均 93.50 分；余下 4 个月平均需达到 95.75 分，方可不扣款（按目前水平将扣 1291.88 元）");
    expect(text(["60", "60", "70"])).toBe(
      "第2笔：已评 3 个月，平均 63.33 分；即使余下 3 个月每月均得 100.00 分（不计加分），期间平均仍低于 95 分，扣款已无法避免，至少扣 11480.46 元",
    );
    expect(text(Array(6).fill("93.40"))).toBe("第2笔：6 个月均已评分，期间平均 93.40 分，扣款 1378.00 元");
    expect(text(Array(6).fill("95"))).toBe("第2笔：6 个月均已评分，期间平均 95.00 分，不扣款");
  });

  it("with a zero rate there is never a deduction: no needed average", () => {
    const r = rules({ contract: { ratePerPoint: "0" } });
    const f = forecastInstalment(SECOND, known(["50"]), r);
    expect(f.status).toBe("on-track");
    expect(f.neededAverage).toBeNull();
    expect(forecastText(f, r)).toBe("第2笔：已评 1 个月，平均 50.00 分；按当前规则不会扣款");
  });
});

/**
 * A second implementation of the deduction, written from the contract text (§十: "以…平均得分为准",
 * "每低1分按照季度服务费0.5%扣除") and SPEC §4/§5 (A3 steps, A5 base, A6 rounding, the cap at the
 * instalment), in exact integer fractions: no decimal.js, no code of src/domain.
 * Seed contract: 689,000.00; 季度服务费 689,000 ÷ 4 = 172,250.00; instalment 2 = 344,500.00,
 * instalment 3 = 68,900.00; each has six scored months (two quarters: 344,500.00 of service).
 */
type Frac = [bigint, bigint];
const frac = (n: bigint, d: bigint = 1n): Frac => (d < 0n ? [-n, -d] : [n, d]);
const floorDiv = (n: bigint, d: bigint) => (n >= 0n ? n / d : -((-n + d - 1n) / d));
/** Half up to a whole number (money is never negative here). */
const roundHalfUp = ([n, d]: Frac) => floorDiv(2n * n + d, 2n * d);
const FEN = { quarterlyFee: 17_225_000n, instalment2: 34_450_000n, instalment3: 6_890_000n } as const;

function oracleDeduction(cents: readonly bigint[], instalment: 2 | 3, options: { steps: "proportional" | "floor" | "ceil"; base: "quarterlyFee" | "instalment" | "periodFee"; roundAverage: boolean }): bigint {
  const n = BigInt(cents.length);
  const sumCents = cents.reduce((a, b) => a + b, 0n);
  // The average in points: sum ÷ n ÷ 100; A6 rounds it half up to 2 decimals first.
  const average: Frac = options.roundAverage ? frac(roundHalfUp(frac(sumCents, n)), 100n) : frac(sumCents, 100n * n);
  // max(0, 95 − average)
  let below: Frac = frac(95n * average[1] - average[0], average[1]);
  if (below[0] < 0n) below = [0n, 1n];
  if (options.steps === "floor") below = [floorDiv(below[0], below[1]), 1n];
  if (options.steps === "ceil") below = [-floorDiv(-below[0], below[1]), 1n];
  const amount = instalment === 2 ? FEN.instalment2 : FEN.instalment3;
  const baseFen = options.base === "instalment" ? amount : options.base === "periodFee" ? FEN.quarterlyFee * 2n : FEN.quarterlyFee;
  // points × 0.5% × base, to the fen, never more than the instalment.
  const deduction = roundHalfUp(frac(below[0] * 5n * baseFen, below[1] * 1000n));
  return deduction > amount ? amount : deduction;
}

const fenText = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;
const centsOf = (text: string) => BigInt(dec(text).times(100).toFixed(0));

describe("settle() and instalmentDeduction against a second implementation written from the contract text", () => {
  type Options = Parameters<typeof oracleDeduction>[2];
  const settings: [string, Options][] = [
    ["default", { steps: "proportional", base: "quarterlyFee", roundAverage: true }],
    ["A5 instalment", { steps: "proportional", base: "instalment", roundAverage: true }],
    ["A5 periodFee", { steps: "proportional", base: "periodFee", roundAverage: true }],
    ["A3 floor", { steps: "floor", base: "quarterlyFee", roundAverage: true }],
    ["A3 ceil", { steps: "ceil", base: "quarterlyFee", roundAverage: true }],
    ["A6 not rounded", { steps: "proportional", base: "quarterlyFee", roundAverage: false }],
    ["A3 ceil, A5 instalment, A6 not rounded", { steps: "ceil", base: "instalment", roundAverage: false }],
  ];
  const ruleSetOf = (o: Options) => rules({ options: { settlementSteps: o.steps, deductionBase: o.base, roundAverage: o.roundAverage } });

  it("hand-worked anchors of the oracle itself (SPEC §7 and the A6 cases of settlement.test.ts)", () => {
    const d = settings[0]![1];
    expect(fenText(oracleDeduction(Array(6).fill(9340n), 2, d))).toBe("1378.00");
    expect(fenText(oracleDeduction([9340n, 9340n, 9340n, 9340n, 9340n, 9339n], 2, { ...d, roundAverage: false }))).toBe("1379.44");
    expect(fenText(oracleDeduction([9500n, 9500n, 9500n, 9500n, 9500n, 9498n], 2, d))).toBe("0.00");
    expect(fenText(oracleDeduction(Array(6).fill(0n), 3, d))).toBe("68900.00");
  });

  const periods = [
    ["95", "95", "95", "95", "95", "95"],
    ["95", "95", "95", "95", "95", "94.99"],
    ["95", "95", "95", "95", "95", "94.97"],
    ["93.40", "93.40", "93.40", "93.40", "93.40", "93.40"],
    ["93.40", "93.40", "93.40", "93.40", "93.40", "93.39"],
    ["94", "94", "94", "94", "94", "94.01"],
    ["90.01", "90.01", "90.01", "90.01", "90.01", "90.01"],
    ["100", "110", "60", "95", "80", "91.37"],
    ["0", "0", "0", "0", "0", "0"],
    ["-12.5", "-12.5", "-12.5", "-12.5", "-12.5", "-12.5"],
  ];
  it.each(settings.flatMap(([name, o]) => periods.map((p) => ({ label: `${name} @ ${p.join(",")}`, o, p }))))("$label", ({ o, p }) => {
    const r = ruleSetOf(o);
    const t: Record<string, string> = {};
    M2.forEach((m, i) => (t[m] = p[i]!));
    M3.forEach((m, i) => (t[m] = p[(i + 1) % 6]!));
    const settled = settle(t, [], r);
    if (!settled.ok) throw new Error("refused");
    for (const [terms, n] of [[SECOND, 2], [THIRD, 3]] as const) {
      const cents = (n === 2 ? M2 : M3).map((m) => centsOf(t[m]!));
      const expected = fenText(oracleDeduction(cents, n, o));
      const s = settled.value.instalments.find((i) => i.number === n);
      expect(s && fixed2(s.deduction)).toBe(expected);
      expect(s && fixed2(s.payable)).toBe(fenText((n === 2 ? FEN.instalment2 : FEN.instalment3) - centsOf(expected)));
      expect(fixed2(instalmentDeduction(terms, s?.average ?? 0, r).deduction)).toBe(expected);
    }
  });
});

describe("property: the needed total is the least that avoids a deduction, checked with settle()", () => {
  const ruleSets = [defaultRules(), rules({ options: { roundAverage: false } }), rules({ options: { settlementSteps: "floor" } }), rules({ options: { settlementSteps: "ceil", deductionBase: "instalment" } })];
  /** Spreads `cents` over the months, as 2-decimal totals that add up exactly. */
  function spread(cents: number, months: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    const each = Math.floor(cents / months.length);
    months.forEach((m, i) => (out[m] = dec(each + (i < cents - each * months.length ? 1 : 0)).div(100).toFixed(2)));
    return out;
  }
  it("settle() deducts nothing at neededTotal and something one cent below", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 6000, max: 10500 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(...ruleSets), (centsKnown, r) => {
        const knownTotals = known(centsKnown.map((c) => dec(c).div(100).toFixed(2)));
        const f = forecastInstalment(SECOND, knownTotals, r);
        if (f.neededTotal === null) return false;
        const left = M2.slice(centsKnown.length);
        const deductionWith = (cents: number) => {
          const totals: Record<string, string> = { ...(knownTotals as Record<string, string>), ...spread(cents, left) };
          for (const m of M3) totals[m] = "96";
          const s = settle(totals, [], r);
          if (!s.ok) throw new Error("refused");
          return s.value.instalments.find((i) => i.number === 2)?.deduction;
        };
        const needed = f.neededTotal.times(100).toNumber();
        expect(deductionWith(needed)?.isZero()).toBe(true);
        expect(deductionWith(needed - 1)?.isZero()).toBe(false);
        expect(f.status === "unavoidable").toBe(needed > 100 * 100 * left.length);
        return true;
      }),
      { seed: 20250926, numRuns: 150 },
    );
  });
});

describe("settlementProgress", () => {
  const months2 = Object.fromEntries(M2.map((m) => [m, "93.40"]));

  it("settles the complete instalments and forecasts the one in progress", () => {
    const totals = { ...months2, "2025-06": "96", "2025-07": "97" };
    const out = settlementProgress(totals, [{ number: 2, invoiceDate: "2025-06-20", paidDate: "2025-07-30" }], defaultRules(), "2025-08-15");
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const [first, second, third] = out.value.instalments;
    expect(first?.settled && fixed2(first.settled.payable)).toBe("275600.00");
    expect(second?.settled && fixed2(second.settled.deduction)).toBe("1378.00");
    expect(second?.dueDate).toBe("2025-08-01");
    expect(second?.daysLate).toBe(0);
    expect(third?.settled).toBeNull();
    expect(third?.forecast.status).toBe("on-track");
    // 569.97 − 193 = 376.97 over 4 months = 94.2425 → 94.25.
    expect(third && fixed2(third.forecast.neededAverage ?? dec(0))).toBe("94.25");
    expect(third?.status).toBe("not-invoiced");
    expect(out.warnings.map((w) => w.code)).toEqual(["deduction"]);
  });

  it("counts days late before the amount is known, without a late charge", () => {
    // Invoice Fri 2025-06-20; 30 working days: Jun 23–27 (5), Jun 30–Jul 4 (10), Jul 7–11 (15), 14–18 (20),
    // 21–25 (25), Jul 28–Aug 1 (30) → due 2025-08-01; unpaid on 2025-09-01: 31 days.
    const totals = { ...months2, "2025-05": null };
    const out = settlementProgress(totals, [{ number: 2, invoiceDate: "2025-06-20", paidDate: null }], defaultRules(), "2025-09-01");
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const second = out.value.instalments.find((i) => i.number === 2);
    expect(second?.settled).toBeNull();
    expect(second?.dueDate).toBe("2025-08-01");
    expect(second?.daysLate).toBe(31);
    expect(second?.status).toBe("invoiced");
    const late = out.warnings.filter((w) => w.code.startsWith("payment-"));
    expect(late).toHaveLength(1);
    expect(late[0]?.code).toBe("payment-overdue-30");
    expect(late[0]?.message).toBe("第2笔尚未支付，逾期 31 天（应付日 2025-08-01）；违约金待本期各月评分完成、应付金额确定后计算");
    expect(late[0]?.field).toBe("payments[0].paidDate");
  });

  it("keeps settle()'s payment-record errors", () => {
    const out = settlementProgress({}, [{ number: 2, invoiceDate: "2025-06-20", paidDate: null }, { number: 2, invoiceDate: null, paidDate: null }], defaultRules(), "2025-09-01");
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.map((e) => [e.code, e.field])).toEqual([["duplicate-instalment", "payments[1].number"]]);
  });

  it("keeps the early-invoice warning of an instalment still being scored", () => {
    const out = settlementProgress({ "2025-06": "96" }, [{ number: 3, invoiceDate: "2025-11-20", paidDate: null }], defaultRules(), "2025-11-25");
    if (!out.ok) throw new Error("refused");
    expect(out.warnings.map((w) => w.code)).toEqual(["early-invoice"]);
    expect(monthRange("2025-06", "2025-11")).toEqual(out.value.instalments[2]?.forecast.months);
  });
});
