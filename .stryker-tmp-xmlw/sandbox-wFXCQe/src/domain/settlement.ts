/**
 * settle: the instalments of contract §十 (as many as 付款条款 gives, SPEC §9) from the monthly
 * totals and the payment record. Amount = 合同总额 × 比例 to the fen, the last instalment taking
 * the rounding remainder; deduction (A5) = max(0, 95 − average) × 0.5% × base, to the fen, never
 * more than the instalment; due date = the 10th/30th working day after the day the payment clock
 * starts — the invoice's receipt (收票日期) or else the invoice date, and (A10, default) never before
 * the instalment's 最早开票日期; late charge = 3% of the payable per calendar day after the due date
 * (§五(四)), with the 30-day termination flag.
 */
// @ts-nocheck

import { addYearHint, knownYearsText } from "./calendar";
import { dec, Dec, DecimalInput, fixed2, maxDec, round2, sum, ZERO } from "./decimal";
import { daysBetween, IsoDate, isIsoDate, MonthKey, monthLabel, monthRange } from "./dates";
import { capitalAmount, splitByShares, toFen } from "./money";
import { Outcome, problem, Problem, UnknownDateError } from "./problems";
import { chargedSteps, DEDUCTION_BASE_LABELS, InstalmentTerms, quarterlyFee, RuleSet } from "./rules";

export interface PaymentRecord {
  number: number;
  invoiceDate: IsoDate | null;
  paidDate: IsoDate | null;
  /** 收票日期 (optional): the day 甲方 received the invoice; the payment clock starts from it. */
  receivedDate?: IsoDate | null;
}

export type PaymentStatus = "not-invoiced" | "invoiced" | "paid";

export interface InstalmentSettlement {
  number: number;
  share: Dec;
  /** Contract amount of this instalment. */
  amount: Dec;
  condition: string;
  months: MonthKey[];
  monthTotals: { month: MonthKey; total: Dec }[];
  /** Period average as used (rounded per A6); null for an instalment with no scored months. */
  average: Dec | null;
  averageUnrounded: Dec | null;
  /** max(0, threshold − average). */
  pointsBelow: Dec;
  /** Points the deduction is computed on, after the A3 step reading. */
  pointsCharged: Dec;
  deductionBase: Dec;
  deductionBaseLabel: string;
  /** The deduction before the cap at the instalment amount. */
  deductionUncapped: Dec;
  deduction: Dec;
  deductionCapped: boolean;
  /** The deduction formula in words (zh-CN). */
  formula: string;
  payable: Dec;
  payableUpper: string;
  invoiceDate: IsoDate | null;
  /** 收票日期 as 付款记录 gives it; null when not given. */
  receivedDate: IsoDate | null;
  /** 最早开票日期 of the instalment (付款条款); null when the contract sets none. */
  invoiceNotBefore: IsoDate | null;
  /** The invoice is dated before 最早开票日期 (flagged whatever A10 says). */
  earlyInvoice: boolean;
  /**
   * The day the payment clock starts (the due date is the Nth working day after it): the receipt
   * date, else the invoice date; under A10's default never before 最早开票日期. Null before an invoice.
   */
  clockStart: IsoDate | null;
  dueDate: IsoDate | null;
  paidDate: IsoDate | null;
  status: PaymentStatus;
  /** Calendar days after the due date up to the paid date (or asOf); null when it cannot be known. */
  daysLate: number | null;
  lateCharge: Dec;
  /** More than `terminationAfterDays` late: 乙方 may terminate and claim the termination amount. */
  overdue: boolean;
  terminationClaim: Dec;
}

export interface Settlement {
  total: Dec;
  totalUpper: string;
  quarterlyFee: Dec;
  asOf: IsoDate | null;
  instalments: InstalmentSettlement[];
  totals: { contract: Dec; deductions: Dec; payable: Dec; paid: Dec; outstanding: Dec; lateCharges: Dec };
  rulesVersion: string;
}

/** `a` is a date before `b`; false when either is missing. */
function before(a: IsoDate | null, b: IsoDate | null): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the null checks narrow the types; a date compared with null is false anyway
  if (a === null || b === null) return false;
  return a < b;
}

export interface DeductionAt {
  pointsBelow: Dec;
  pointsCharged: Dec;
  base: Dec;
  deductionUncapped: Dec;
  deduction: Dec;
}

/** The period average as used (A6: rounded half-up to 2 decimals unless the option is off). */
export function averageAsUsed(periodSum: Dec, months: number, rules: RuleSet): Dec {
  const mean = periodSum.div(months);
  return rules.options.roundAverage ? round2(mean) : mean;
}

/**
 * The amount of every instalment of the contract (number → amount): 合同总额 × 比例 to the fen, the
 * last instalment taking the rounding remainder so the amounts add up to the total (SPEC §9).
 */
export function instalmentAmounts(rules: RuleSet): Map<number, Dec> {
  const list = rules.contract.instalments;
  const amounts = splitByShares(rules.contract.total, list.map((i) => i.share));
  return new Map(list.map((terms, i) => [terms.number, amounts[i] as Dec]));
}

/** The amount of one instalment of the contract (see instalmentAmounts). */
export function instalmentAmount(terms: InstalmentTerms, rules: RuleSet): Dec {
  return instalmentAmounts(rules).get(terms.number) ?? toFen(dec(rules.contract.total).times(terms.share));
}

/**
 * The deduction of one instalment at a period average (already A6-rounded): max(0, 95 − average),
 * read per A3, × 0.5% × the A5 base, to the fen, never more than the instalment. settle() and the
 * forecast both use this, so they cannot disagree.
 */
export function instalmentDeduction(terms: InstalmentTerms, average: DecimalInput, rules: RuleSet): DeductionAt {
  const c = rules.contract;
  const amount = instalmentAmount(terms, rules);
  const months = terms.months ? monthRange(terms.months.from, terms.months.to).length : 0;
  const qFee = quarterlyFee(rules);
  const pointsBelow = maxDec(ZERO, dec(c.threshold).minus(average));
  const pointsCharged = chargedSteps(pointsBelow, rules.options.settlementSteps);
  const base = rules.options.deductionBase === "instalment" ? amount : rules.options.deductionBase === "periodFee" ? qFee.times(months).div(3) : qFee;
  const deductionUncapped = toFen(pointsCharged.times(c.ratePerPoint).times(base));
  const deduction = deductionUncapped.greaterThan(amount) ? amount : deductionUncapped;
  return { pointsBelow, pointsCharged, base, deductionUncapped, deduction };
}

export interface SettleOptions {
  /** "Today" for unpaid instalments' days late. Without it, an unpaid instalment's lateness is not computed. */
  asOf?: IsoDate;
  /**
   * Settle only these instalments (by number); the others are left out — their months are not
   * needed — but every amount is still the whole contract's (the last instalment keeps the remainder).
   */
  only?: readonly number[];
}

/**
 * Settles every instalment. `monthTotals` maps "2025-03" → 考核得分 for each scored month; a month
 * an instalment needs that is absent is an error naming the month, and nothing is returned.
 */
export function settle(
  monthTotals: Readonly<Record<MonthKey, DecimalInput>>,
  payments: readonly PaymentRecord[],
  rules: RuleSet,
  options: SettleOptions = {},
): Outcome<Settlement> {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const c = rules.contract;
  const total = dec(c.total);
  const qFee = quarterlyFee(rules);
  const threshold = dec(c.threshold);
  const asOf = options.asOf ?? null;

  const byNumber = new Map<number, { record: PaymentRecord; index: number }>();
  payments.forEach((record, index) => {
    const f = (name: string) => `payments[${index}].${name}`;
    if (!c.instalments.some((i) => i.number === record.number)) {
      errors.push(problem("error", "bad-instalment", f("number"), `笔次「${String(record.number)}」应为 ${c.instalments.map((i) => i.number).join("/")}`, `instalment number "${String(record.number)}" must be one of ${c.instalments.map((i) => i.number).join(", ")}`));
      return;
    }
    if (byNumber.has(record.number)) {
      errors.push(problem("error", "duplicate-instalment", f("number"), `第${record.number}笔在「付款记录」中出现两次`, `instalment ${record.number} appears twice in the payment record`));
      return;
    }
    const label = { invoiceDate: "发票日期", paidDate: "实付日期", receivedDate: "收票日期" } as const;
    for (const key of ["invoiceDate", "paidDate", "receivedDate"] as const) {
      const v = record[key] ?? null;
      if (v !== null && !isIsoDate(v)) errors.push(problem("error", "bad-date", f(key), `第${record.number}笔的${label[key]}「${v}」不是有效日期`, `instalment ${record.number}: ${key} "${v}" is not a date`));
    }
    // String(): an absent receipt ("undefined", "null") is no date either.
    const received = isIsoDate(String(record.receivedDate)) ? (record.receivedDate as IsoDate) : null;
    if (received !== null && record.invoiceDate === null)
      errors.push(problem("error", "received-without-invoice", f("receivedDate"), `第${record.number}笔有收票日期 ${received} 但无发票日期`, `instalment ${record.number} has a receipt date ${received} but no invoice date`));
    if (before(received, record.invoiceDate))
      errors.push(problem("error", "received-before-invoice", f("receivedDate"), `第${record.number}笔收票日期 ${received} 早于发票日期 ${record.invoiceDate}`, `instalment ${record.number}: received ${received}, before its invoice date ${record.invoiceDate}`));
    if (record.paidDate !== null && record.invoiceDate === null)
      warnings.push(problem("warning", "paid-without-invoice", f("invoiceDate"), `第${record.number}笔有实付日期但无发票日期，无法计算付款期限`, `instalment ${record.number} is paid but has no invoice date: no due date can be computed`));
    if (before(record.paidDate, record.invoiceDate))
      errors.push(problem("error", "paid-before-invoice", f("paidDate"), `第${record.number}笔实付日期 ${record.paidDate} 早于发票日期 ${record.invoiceDate}`, `instalment ${record.number} paid ${record.paidDate}, before its invoice ${record.invoiceDate}`));
    byNumber.set(record.number, { record, index });
  });

  const amounts = instalmentAmounts(rules);
  const only = options.only ? new Set(options.only) : null;
  const instalments: InstalmentSettlement[] = [];
  for (const terms of c.instalments) {
    if (only !== null && !only.has(terms.number)) continue;
    const months = terms.months ? monthRange(terms.months.from, terms.months.to) : [];
    const missing = months.filter((m) => monthTotals[m] === undefined || monthTotals[m] === null);
    for (const m of missing)
      errors.push(problem("error", "missing-month", `months.${m}`, `第${terms.number}笔款项需要 ${monthLabel(m)} 的考核得分，但该月没有完整有效的评分`, `instalment ${terms.number} needs the ${m} total, but that month has no complete, valid scorecard`, m));
    if (missing.length > 0) continue;

    const amount = amounts.get(terms.number) ?? toFen(total.times(terms.share));
    const monthTotalList = months.map((m) => ({ month: m, total: dec(monthTotals[m] as DecimalInput) }));
    const periodSum = sum(monthTotalList.map((x) => x.total));
    const averageUnrounded = months.length > 0 ? periodSum.div(months.length) : null;
    const average = months.length > 0 ? averageAsUsed(periodSum, months.length, rules) : null;
    const { pointsBelow, pointsCharged, base, deductionUncapped, deduction } = instalmentDeduction(terms, average ?? threshold, rules);
    const rate = dec(c.ratePerPoint);
    const deductionCapped = deductionUncapped.greaterThan(amount);
    const payable = amount.minus(deduction);
    const baseLabel = DEDUCTION_BASE_LABELS[rules.options.deductionBase];
    // With A6 off the average is exact (1/6ths): show it to 4 places, marked as shortened.
    const shown = (d: Dec) => (d.decimalPlaces() <= 2 ? fixed2(d) : `${d.toDecimalPlaces(4).toString()}…`);
    const formula =
      average === null
        ? "本笔不与考核得分挂钩，不扣款"
        : pointsBelow.isZero()
          ? `平均分 ${shown(average)} ≥ ${threshold}，全额结算`
          : `(${threshold} − ${shown(average)}) = ${shown(pointsBelow)} 分${pointsCharged.equals(pointsBelow) ? "" : `，按规则计 ${pointsCharged.toString()} 分`} × ${rate.times(100).toString()}% × ${baseLabel} ${fixed2(base)} = ${fixed2(deductionUncapped)} 元${deductionCapped ? "，超过本笔金额，以本笔金额为限" : ""}`;

    const entry = byNumber.get(terms.number);
    // The 付款记录 row the payment problems name (the first when the instalment has none).
    const row = entry?.index ?? 0;
    const invoiceDate = entry?.record.invoiceDate ?? null;
    const paidDate = entry?.record.paidDate ?? null;
    const receivedDate = entry?.record.receivedDate ?? null;
    const notBefore = terms.invoiceNotBefore;
    const earlyInvoice = before(invoiceDate, notBefore);
    // A10: the clock starts at the receipt (else the invoice); by default never before 最早开票日期.
    let clockStart: IsoDate | null = invoiceDate === null ? null : (receivedDate ?? invoiceDate);
    const heldBack = rules.options.paymentClockFromEarliest && before(clockStart, notBefore);
    if (heldBack) clockStart = notBefore;
    const clockWords = clockStart === invoiceDate ? `发票日期 ${invoiceDate}` : heldBack ? `最早开票日期 ${clockStart}` : `收票日期 ${clockStart}`;
    let dueDate: IsoDate | null = null;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the null check narrows the type; isIsoDate(null) is false too
    if (clockStart !== null && isIsoDate(clockStart)) {
      try {
        dueDate = rules.calendar.addWorkingDays(clockStart, terms.dueWorkingDays);
      } catch (e) {
        if (!(e instanceof UnknownDateError)) throw e;
        const range = knownYearsText(rules.calendar);
        const [hint, hintEn] = addYearHint(Number(e.date.slice(0, 4)));
        errors.push(problem("error", "unknown-date", `payments[${row}].invoiceDate`, `第${terms.number}笔：${clockWords} 后 ${terms.dueWorkingDays} 个工作日超出法定节假日日历的已知年份（${range}）；${hint}`, `instalment ${terms.number}: ${terms.dueWorkingDays} working days after ${clockStart} run past the years the holiday calendar knows (${range}); ${hintEn}`));
        continue;
      }
      if (earlyInvoice)
        warnings.push(
          problem(
            "warning",
            "early-invoice",
            `payments[${row}].invoiceDate`,
            `第${terms.number}笔发票日期 ${invoiceDate} 早于合同约定的开票时点（${notBefore} 起）${heldBack ? `；付款期限自 ${notBefore} 起算（A10）` : rules.options.paymentClockFromEarliest ? "" : "；按规则设置，付款期限仍自发票（或收票）日期起算（A10）"}`,
            `instalment ${terms.number} invoiced ${invoiceDate}, before the contract allows (${notBefore})${heldBack ? `; the payment term runs from ${notBefore} (A10)` : rules.options.paymentClockFromEarliest ? "" : "; by the rule settings the term still runs from the invoice (or receipt) date (A10)"}`,
          ),
        );
    }
    const lateUntil = paidDate ?? asOf;
    const daysLate = dueDate !== null && lateUntil !== null ? Math.max(0, daysBetween(dueDate, lateUntil)) : null;
    const lateCharge = daysLate === null ? ZERO : toFen(payable.times(c.lateChargePerDay).times(daysLate));
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the null check narrows the type; null > n is false too
    const overdue = daysLate !== null && daysLate > c.terminationAfterDays;
    const status: PaymentStatus = paidDate !== null ? "paid" : invoiceDate !== null ? "invoiced" : "not-invoiced";
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the null check narrows the type; null > 0 is false too
    if (daysLate !== null && daysLate > 0)
      warnings.push(problem("warning", overdue ? "payment-overdue-30" : "payment-late", `payments[${row}].paidDate`, `第${terms.number}笔${status === "paid" ? "" : "尚未支付，"}逾期 ${daysLate} 天（应付日 ${dueDate}），违约金 ${fixed2(lateCharge)} 元${overdue ? `；已超过 ${c.terminationAfterDays} 天，乙方有权解除合同并要求支付合同款项的 ${dec(c.terminationClaimShare).times(100).toString()}%` : ""}`, `instalment ${terms.number} ${status === "paid" ? "was paid" : "is unpaid and"} ${daysLate} day(s) late (due ${dueDate}); late charge ${fixed2(lateCharge)}${overdue ? `; more than ${c.terminationAfterDays} days: the operator may terminate` : ""}`));
    // Stryker disable next-line ConditionalExpression,LogicalOperator: without scored months the average used is the threshold itself, so pointsBelow is 0 too
    if (average !== null && pointsBelow.greaterThan(0))
      warnings.push(problem("warning", "deduction", `instalment.${terms.number}`, `第${terms.number}笔期间平均分 ${fixed2(average)} 低于 ${threshold}，扣款 ${fixed2(deduction)} 元`, `instalment ${terms.number}: average ${fixed2(average)} is below ${threshold}; ${fixed2(deduction)} deducted`));

    instalments.push({
      number: terms.number,
      share: dec(terms.share),
      amount,
      condition: terms.condition,
      months,
      monthTotals: monthTotalList,
      average,
      averageUnrounded,
      pointsBelow,
      pointsCharged,
      deductionBase: base,
      deductionBaseLabel: baseLabel,
      deductionUncapped,
      deduction,
      deductionCapped,
      formula,
      payable,
      payableUpper: capitalAmount(payable),
      invoiceDate,
      receivedDate,
      invoiceNotBefore: notBefore,
      earlyInvoice,
      clockStart,
      dueDate,
      paidDate,
      status,
      daysLate,
      lateCharge,
      overdue,
      terminationClaim: toFen(total.times(c.terminationClaimShare)),
    });
  }
  if (errors.length > 0) return { ok: false, errors, warnings };

  const paid = sum(instalments.filter((i) => i.status === "paid").map((i) => i.payable));
  const payable = sum(instalments.map((i) => i.payable));
  return {
    ok: true,
    value: {
      total: toFen(total),
      totalUpper: capitalAmount(total),
      quarterlyFee: toFen(qFee),
      asOf,
      instalments,
      totals: {
        contract: toFen(total),
        deductions: sum(instalments.map((i) => i.deduction)),
        payable,
        paid,
        outstanding: payable.minus(paid),
        lateCharges: sum(instalments.map((i) => i.lateCharge)),
      },
      rulesVersion: rules.version,
    },
    warnings,
  };
}
