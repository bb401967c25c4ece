/**
 * Property tests (fast-check, seeded so a failure reproduces): bounds, sums, monotonicity and the
 * settlement's "no deduction exactly when the average reaches 95".
 */
// @ts-nocheck

import fc from "fast-check";
import { dec, defaultRules, fixed2, MonthIndicators, scoreMonth, settle, sum } from "../../src/domain";
import { perfectMonth } from "./builders";

const SEED = 20241204;
const RUNS = 300;

/** Valid indicators for 2025-10 (no reports or events needed: those rows are tested by table). */
const indicatorsArb: fc.Arbitrary<MonthIndicators> = fc
  .record({
    headcount: fc.integer({ min: 1, max: 40 }),
    changedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    rulesFollowed: fc.boolean(),
    reportsOnTime: fc.boolean(),
    trainingLapses: fc.integer({ min: 0, max: 9 }),
    centresRanked: fc.integer({ min: 1, max: 40 }),
    rankA: fc.double({ min: 0, max: 1, noNaN: true }),
    rankB: fc.double({ min: 0, max: 1, noNaN: true }),
    ratings: fc.tuple(fc.nat(5000), fc.nat(5000), fc.nat(500), fc.nat(500), fc.nat(500)),
    excludedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    sampledPerSeat: fc.integer({ min: 1, max: 12 }),
    passedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    satShare: fc.double({ min: 0, max: 1, noNaN: true }),
    complaints: fc.integer({ min: 0, max: 5 }),
    fraud: fc.integer({ min: 0, max: 3 }),
  })
  .filter((r) => r.ratings[0] + r.ratings[1] + r.ratings[2] > 0)
  .map((r) => {
    const [vs, s, n, d, vd] = r.ratings;
    const sampled = r.sampledPerSeat * r.headcount;
    return perfectMonth("2025-10", {
      headcount: r.headcount,
      changed: Math.floor(r.changedShare * r.headcount),
      rulesFollowed: r.rulesFollowed,
      reportsOnTime: r.reportsOnTime,
      trainingLapses: r.trainingLapses,
      centresRanked: r.centresRanked,
      answerRank: 1 + Math.floor(r.rankA * (r.centresRanked - 1)),
      answer15sRank: 1 + Math.floor(r.rankB * (r.centresRanked - 1)),
      verySatisfied: vs,
      satisfied: s,
      neutral: n,
      dissatisfied: d,
      veryDissatisfied: vd,
      excludedBad: Math.floor(r.excludedShare * (d + vd)),
      ticketsSampled: sampled,
      ticketsPassed: Math.floor(r.passedShare * sampled),
      examSat: Math.floor(r.satShare * r.headcount),
      complaints: r.complaints,
      fraud: r.fraud,
    });
  });

function score(ind: MonthIndicators) {
  const outcome = scoreMonth(ind, [], [], defaultRules());
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join("; "));
  return outcome.value;
}

const itemScore = (ind: MonthIndicators, no: number) => score(ind).items.find((i) => i.no === no)!.score;

describe("scoreMonth properties", () => {
  it("every item 1–10 stays within its floor and 满分", () => {
    fc.assert(
      fc.property(indicatorsArb, (ind) => {
        for (const item of score(ind).items.filter((i) => i.no <= 10)) {
          expect(item.score.greaterThanOrEqualTo(item.floor!)).toBe(true);
          expect(item.score.lessThanOrEqualTo(item.max!)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("the total is the sum of the rounded items, and every item has at most 2 decimals", () => {
    fc.assert(
      fc.property(indicatorsArb, (ind) => {
        const m = score(ind);
        for (const i of m.items) expect(i.score.decimalPlaces()).toBeLessThanOrEqual(2);
        expect(fixed2(m.total)).toBe(fixed2(sum(m.items.map((i) => i.score))));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("more headcount (the newcomers sit the exam) never lowers any item", () => {
    fc.assert(
      fc.property(indicatorsArb, fc.integer({ min: 1, max: 5 }), (ind, more) => {
        const bigger = { ...ind, headcount: ind.headcount! + more, examSat: ind.examSat! + more };
        const a = score(ind).items;
        const b = score(bigger).items;
        a.forEach((item, k) => expect(b[k]!.score.greaterThanOrEqualTo(item.score)).toBe(true));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("a better rank never lowers rows 6 and 7", () => {
    fc.assert(
      fc.property(indicatorsArb, (ind) => {
        if (ind.answerRank! > 1) expect(itemScore({ ...ind, answerRank: ind.answerRank! - 1 }, 6).greaterThanOrEqualTo(itemScore(ind, 6))).toBe(true);
        if (ind.answer15sRank! > 1) expect(itemScore({ ...ind, answer15sRank: ind.answer15sRank! - 1 }, 7).greaterThanOrEqualTo(itemScore(ind, 7))).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("a higher satisfaction rate or ticket pass rate never lowers rows 8 and 9", () => {
    fc.assert(
      fc.property(indicatorsArb, fc.integer({ min: 1, max: 50 }), (ind, k) => {
        // k more ratings turned from 一般 to 满意 (or added as 满意) raise the rate
        const happier = { ...ind, satisfied: ind.satisfied! + k };
        expect(itemScore(happier, 8).greaterThanOrEqualTo(itemScore(ind, 8))).toBe(true);
        if (ind.ticketsPassed! < ind.ticketsSampled!) {
          const better = { ...ind, ticketsPassed: Math.min(ind.ticketsSampled!, ind.ticketsPassed! + k) };
          expect(itemScore(better, 9).greaterThanOrEqualTo(itemScore(ind, 9))).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("settle properties", () => {
  const monthTotal = fc.integer({ min: 5000, max: 11000 }).map((n) => dec(n).div(100).toFixed(2));
  const season = fc.array(monthTotal, { minLength: 12, maxLength: 12 });
  const MONTHS = ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"];
  const options = fc.constantFrom("quarterlyFee", "instalment", "periodFee" as const);

  it("the deduction is 0 exactly when the average reaches 95, never exceeds the instalment, and payable + deduction = amount", () => {
    fc.assert(
      fc.property(season, options, (scores, deductionBase) => {
        const totals = Object.fromEntries(MONTHS.map((m, i) => [m, scores[i]!]));
        const result = settle(totals, [], { ...defaultRules(), options: { ...defaultRules().options, deductionBase } });
        if (!result.ok) throw new Error("refused");
        for (const i of result.value.instalments) {
          if (i.average !== null) expect(i.deduction.isZero()).toBe(i.average.greaterThanOrEqualTo(95));
          expect(i.deduction.lessThanOrEqualTo(i.amount)).toBe(true);
          expect(i.deduction.greaterThanOrEqualTo(0)).toBe(true);
          expect(fixed2(i.payable.plus(i.deduction))).toBe(fixed2(i.amount));
          expect(i.deduction.decimalPlaces()).toBeLessThanOrEqual(2);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
