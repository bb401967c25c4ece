/**
 * Forecast for an instalment whose period is not fully scored yet: what the remaining months must
 * average so that the period average (with the A6 rounding) gives no deduction, or that the
 * deduction can no longer be avoided. Pure; uses settle()'s own deduction rule (A3 steps, A5 base,
 * A6 rounding): `instalmentDeduction` in settlement.ts.
 *
 * Reading of "can no longer be avoided": a month's 考核得分 is not capped at 100 (bonus items can
 * push it above), but bonus points cannot be planned for, so the forecast uses the most a month
 * can score without bonus — 100 points (rows 1–10) — as the best a remaining month can do.
 * Monthly totals move in steps of 0.01 (they are sums of items rounded to 2 decimals), so the
 * needed sum of the remaining months is found in 0.01 steps and the needed average is rounded up.
 */
// @ts-nocheck

import { dec, Dec, DecimalInput, fixed2, sum, ZERO } from "./decimal";
import { IsoDate, MonthKey, monthRange } from "./dates";
import { Outcome, problem, Problem } from "./problems";
import { InstalmentTerms, RuleSet } from "./rules";
import { averageAsUsed, instalmentDeduction, InstalmentSettlement, PaymentRecord, PaymentStatus, settle } from "./settlement";

/** The most a month can score without bonus points (Σ 满分 of rows 1–10). */
export const MAX_MONTH_WITHOUT_BONUS = dec(100);

export type ForecastStatus = "complete" | "on-track" | "needs" | "unavoidable" | "not-started";

export interface InstalmentForecast {
  number: number;
  months: MonthKey[];
  scored: { month: MonthKey; total: Dec }[];
  /** Months of the period with no total yet. */
  missing: MonthKey[];
  monthsScored: number;
  monthsLeft: number;
  /** Mean of the scored months, A6 rounding applied; null when none is scored. */
  averageSoFar: Dec | null;
  /** Lowest sum of the remaining months' totals that leaves no deduction; null when nothing is left to score. */
  neededTotal: Dec | null;
  /** neededTotal ÷ monthsLeft, rounded up to 0.01: when every remaining month scores at least this, no deduction. */
  neededAverage: Dec | null;
  /** The best a remaining month can do, for "unavoidable" (100: no bonus counted). */
  maxRemainingAverage: Dec;
  /**
   * complete: the final deduction; partial: the deduction if the remaining months score the average
   * so far; not-started: null.
   */
  projectedDeduction: Dec | null;
  /** unavoidable: the deduction even if every remaining month scores maxRemainingAverage. */
  bestCaseDeduction: Dec | null;
  /**
   * complete — every month scored (or the instalment has none: nothing to score, no deduction);
   * not-started — no month scored yet;
   * on-track — at the average so far there is no deduction;
   * needs — the remaining months must do better than so far, and 100 each would be enough;
   * unavoidable — even 100 in every remaining month leaves a deduction.
   */
  status: ForecastStatus;
}

const CENT = dec("0.01");

function present(v: DecimalInput | null | undefined): v is DecimalInput {
  return v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");
}

/**
 * The forecast for one instalment from the totals known so far ("2025-03" → 考核得分; absent or
 * null = not scored yet).
 */
export function forecastInstalment(
  terms: InstalmentTerms,
  knownTotals: Readonly<Record<MonthKey, DecimalInput | null | undefined>>,
  rules: RuleSet,
): InstalmentForecast {
  const months = terms.months ? monthRange(terms.months.from, terms.months.to) : [];
  const scored = months.filter((m) => present(knownTotals[m])).map((m) => ({ month: m, total: dec(knownTotals[m] as DecimalInput) }));
  const missing = months.filter((m) => !present(knownTotals[m]));
  const n = months.length;
  const k = missing.length;
  const scoredSum = sum(scored.map((s) => s.total));
  const averageSoFar = scored.length > 0 ? averageAsUsed(scoredSum, scored.length, rules) : null;
  const base = {
    number: terms.number,
    months,
    scored,
    missing,
    monthsScored: scored.length,
    monthsLeft: k,
    averageSoFar,
    maxRemainingAverage: MAX_MONTH_WITHOUT_BONUS,
  };

  if (n === 0) return { ...base, neededTotal: null, neededAverage: null, projectedDeduction: ZERO, bestCaseDeduction: null, status: "complete" };
  if (k === 0) {
    const final = instalmentDeduction(terms, averageAsUsed(scoredSum, n, rules), rules).deduction;
    return { ...base, neededTotal: null, neededAverage: null, projectedDeduction: final, bestCaseDeduction: null, status: "complete" };
  }

  const noDeduction = (remainingCents: number) =>
    instalmentDeduction(terms, averageAsUsed(scoredSum.plus(dec(remainingCents).times(CENT)), n, rules), rules).deduction.isZero();
  const threshold = dec(rules.contract.threshold);
  // hi: the period average reaches the threshold itself, so there is surely no deduction.
  let hi = threshold.times(n).minus(scoredSum).div(CENT).ceil().toNumber() + 1;
  // lo: two points below the threshold on average — a deduction under every A3 reading (unless the rate is 0).
  // Stryker disable next-line ArithmeticOperator: lo only starts the search two points below the answer: a cent more or less leaves it there
  let lo = threshold.minus(2).times(n).minus(scoredSum).div(CENT).floor().toNumber() - 1;
  let neededTotal: Dec | null = null;
  if (!noDeduction(lo)) {
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (noDeduction(mid)) hi = mid;
      else lo = mid;
    }
    neededTotal = dec(hi).times(CENT);
  }
  const neededAverage = neededTotal === null ? null : neededTotal.div(k).toDecimalPlaces(2, Dec.ROUND_UP);
  const atPace = averageSoFar === null ? null : instalmentDeduction(terms, averageSoFar, rules).deduction;
  const best = averageAsUsed(scoredSum.plus(MAX_MONTH_WITHOUT_BONUS.times(k)), n, rules);
  const unavoidable = neededTotal !== null && neededTotal.greaterThan(MAX_MONTH_WITHOUT_BONUS.times(k));
  // Stryker disable next-line ConditionalExpression: atPace is null only when no month is scored, decided just before
  const status: ForecastStatus = unavoidable ? "unavoidable" : scored.length === 0 ? "not-started" : atPace === null || atPace.isZero() ? "on-track" : "needs";
  return {
    ...base,
    neededTotal,
    neededAverage,
    projectedDeduction: atPace,
    bestCaseDeduction: unavoidable ? instalmentDeduction(terms, best, rules).deduction : null,
    status,
  };
}

/** The forecast in words (zh-CN), for the task pane and the payment sheet's overview. */
export function forecastText(f: InstalmentForecast, rules: RuleSet): string {
  const threshold = dec(rules.contract.threshold);
  const head = `第${f.number}笔`;
  if (f.months.length === 0) return `${head}不与考核得分挂钩，无需预测`;
  const soFar = f.averageSoFar === null ? "" : `已评 ${f.monthsScored} 个月，平均 ${fixed2(f.averageSoFar)} 分；`;
  switch (f.status) {
    case "complete":
      // Stryker disable next-line OptionalChaining: a complete forecast always has its deduction
      return `${head}：${f.months.length} 个月均已评分，期间平均 ${fixed2(f.averageSoFar ?? ZERO)} 分，${f.projectedDeduction?.isZero() ? "不扣款" : `扣款 ${fixed2(f.projectedDeduction ?? ZERO)} 元`}`;
    case "not-started":
    case "on-track":
    case "needs":
      if (f.neededAverage === null) return `${head}：${soFar}按当前规则不会扣款`;
      return `${head}：${soFar}余下 ${f.monthsLeft} 个月平均需达到 ${fixed2(f.neededAverage)} 分，方可不扣款${
        // Stryker disable next-line LogicalOperator: a not-started forecast has no projected deduction, so "needs" alone decides
        f.status === "on-track" ? "（按目前水平可达）" : f.status === "needs" && f.projectedDeduction ? `（按目前水平将扣 ${fixed2(f.projectedDeduction)} 元）` : ""
      }`;
    case "unavoidable":
      return `${head}：${soFar}即使余下 ${f.monthsLeft} 个月每月均得 ${fixed2(f.maxRemainingAverage)} 分（不计加分），期间平均仍低于 ${threshold} 分，扣款已无法避免，至少扣 ${fixed2(f.bestCaseDeduction ?? ZERO)} 元`;
  }
}

export interface InstalmentProgress {
  number: number;
  share: Dec;
  amount: Dec;
  forecast: InstalmentForecast;
  /** settle()'s figures, when every month of the instalment is scored; null otherwise. */
  settled: InstalmentSettlement | null;
  invoiceDate: IsoDate | null;
  dueDate: IsoDate | null;
  paidDate: IsoDate | null;
  status: PaymentStatus;
  /** Calendar days after the due date up to the paid date or asOf (known even before the amount is). */
  daysLate: number | null;
}

export interface SettlementProgress {
  asOf: IsoDate;
  instalments: InstalmentProgress[];
}

/**
 * The partial picture while months are still being scored: per instalment the forecast, the final
 * figures of settle() when its months are all scored, and the payment dates (due date and days late
 * are known before the amount is; the late charge waits for the amount). Payment-record errors are
 * settle()'s own. Late-payment warnings of an instalment not yet fully scored carry no amount.
 */
export function settlementProgress(
  monthTotals: Readonly<Record<MonthKey, DecimalInput | null | undefined>>,
  payments: readonly PaymentRecord[],
  rules: RuleSet,
  asOf: IsoDate,
): Outcome<SettlementProgress> {
  const forecasts = rules.contract.instalments.map((t) => forecastInstalment(t, monthTotals, rules));
  const incomplete = new Set(forecasts.filter((f) => f.missing.length > 0).map((f) => f.number));
  // Months not scored yet stand in at the threshold, so settle() checks every payment record and
  // computes every due date; the money figures of those instalments are then not used.
  const filled: Record<MonthKey, DecimalInput> = {};
  for (const [m, v] of Object.entries(monthTotals)) if (present(v)) filled[m] = v;
  for (const f of forecasts) for (const m of f.missing) filled[m] = rules.contract.threshold;
  const outcome = settle(filled, payments, rules, { asOf });
  if (!outcome.ok) return outcome;

  const paymentIndex = new Map(payments.map((p, i) => [i, p.number]));
  const aboutIncomplete = (w: Problem): boolean => {
    const m = /^payments\[(\d+)\]/.exec(w.field) ?? /^instalment\.(\d+)$/.exec(w.field);
    // Stryker disable next-line ConditionalExpression: every warning of settle() names a payment row or an instalment
    if (!m) return false;
    const number = w.field.startsWith("payments") ? paymentIndex.get(Number(m[1])) : Number(m[1]);
    // Stryker disable next-line ConditionalExpression: incomplete never holds undefined
    return number !== undefined && incomplete.has(number);
  };
  const warnings = outcome.warnings.filter((w) => !(aboutIncomplete(w) && ["payment-late", "payment-overdue-30", "deduction"].includes(w.code)));

  const instalments: InstalmentProgress[] = outcome.value.instalments.map((s) => {
    const forecast = forecasts.find((f) => f.number === s.number) as InstalmentForecast;
    const done = !incomplete.has(s.number);
    // Stryker disable next-line ConditionalExpression: null > 0 is false as well
    if (!done && s.daysLate !== null && s.daysLate > 0) {
      const index = payments.findIndex((p) => p.number === s.number);
      warnings.push(
        problem(
          "warning",
          s.overdue ? "payment-overdue-30" : "payment-late",
          `payments[${index}].paidDate`,
          `第${s.number}笔${s.status === "paid" ? "" : "尚未支付，"}逾期 ${s.daysLate} 天（应付日 ${s.dueDate}）；违约金待本期各月评分完成、应付金额确定后计算`,
          `instalment ${s.number} ${s.status === "paid" ? "was paid" : "is unpaid and"} ${s.daysLate} day(s) late (due ${s.dueDate}); the late charge waits for the amount`,
        ),
      );
    }
    return {
      number: s.number,
      share: s.share,
      amount: s.amount,
      forecast,
      settled: done ? s : null,
      invoiceDate: s.invoiceDate,
      dueDate: s.dueDate,
      paidDate: s.paidDate,
      status: s.status,
      daysLate: s.daysLate,
    };
  });
  return { ok: true, value: { asOf, instalments }, warnings };
}

