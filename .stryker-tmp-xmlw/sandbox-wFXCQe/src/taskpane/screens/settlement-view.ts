/**
 * What the 付款结算 screen shows per instalment, derived from the session's last run (never from
 * unsaved edits): the engine's settlementProgress over the month totals the run found valid and the
 * payment record the run read — the same figures as session.instalments() and the 付款结算 sheet.
 * An instalment whose months are all scored has its final figures (settle()); one still being
 * scored has its average so far and the deduction at that pace, its due date and days late (known
 * before the amount is), and no late charge yet.
 */
// @ts-nocheck

import { capitalAmount, dec, fixed2, forecastInstalment, instalmentAmount, IsoDate, MonthKey, settlementProgress, yuanText } from "../../domain";
import { localToday, type Session } from "../session";

export type InstalmentState = "final" | "partial" | "not-started" | "untied";

export interface InstalmentFigures {
  number: number;
  /** "40%" */
  share: string;
  /** "¥275,600.00" */
  amount: string;
  condition: string;
  months: MonthKey[];
  monthsScored: number;
  /** Months of the period not scored (or not validly scored) yet. */
  missing: MonthKey[];
  state: InstalmentState;
  /** Period average as used (A6), final or so far; null before any month is scored or when untied. */
  average: string | null;
  /** Points below 达标分 at that average. */
  pointsBelow: string | null;
  /** The deduction: final, or at the pace so far (projected); null when nothing is scored. */
  deduction: string | null;
  /** Final only: the amount payable, in figures and in 大写. */
  payable: string | null;
  payableUpper: string | null;
  /** settle()'s deduction formula in words (zh-CN), final only. */
  formula: string | null;
  invoiceNotBefore: IsoDate | null;
  invoiceDate: IsoDate | null;
  receivedDate: IsoDate | null;
  paidDate: IsoDate | null;
  /** The day the payment clock starts (A10), null before an invoice. */
  clockStart: IsoDate | null;
  dueWorkingDays: number;
  dueDate: IsoDate | null;
  daysLate: number | null;
  /** Final only ("¥0.00" when on time). */
  lateCharge: string | null;
  overdue: boolean;
  /** More than this many days late gives 乙方 the right to terminate (合同 §五(四)). */
  terminationAfterDays: number;
  earlyInvoice: boolean;
  status: "not-invoiced" | "invoiced" | "paid";
}

export interface SettlementFigures {
  asOf: IsoDate;
  threshold: string;
  instalments: InstalmentFigures[];
  /** When every instalment is final: the contract's totals. */
  totals: { contract: string; deductions: string; payable: string; payableUpper: string; lateCharges: string } | null;
  /** The payment record could not be settled (its errors are the run's; the dates are shown as read). */
  paymentErrors: boolean;
}

const percent = (share: string) => `${dec(share).times(100).toString()}%`;

/** The screen's figures; null before the workbook is read. */
export function settlementFigures(session: Session): SettlementFigures | null {
  const r = session.result;
  const inputs = session.inputs;
  if (!r || !inputs) return null;
  const asOf: IsoDate = r.settlement?.asOf ?? localToday(new Date());
  const totals: Record<MonthKey, string> = {};
  const bad = new Set(r.errors.map((p) => p.month).filter((m): m is string => m !== undefined));
  for (const s of r.scores) if (!bad.has(s.month)) totals[s.month] = fixed2(s.total);
  const progress = settlementProgress(totals, inputs.payments, r.rules, asOf);
  const instalments = r.rules.contract.instalments.map((terms): InstalmentFigures => {
    const p = progress.ok ? progress.value.instalments.find((i) => i.number === terms.number) : undefined;
    const f = p?.forecast ?? forecastInstalment(terms, totals, r.rules);
    const s = p?.settled ?? null;
    const record = inputs.payments.find((x) => x.number === terms.number);
    const state: InstalmentState = terms.months === null ? "untied" : f.status === "complete" ? "final" : f.status === "not-started" ? "not-started" : "partial";
    const average = s?.average ?? f.averageSoFar;
    const below = average === null ? null : dec(r.rules.contract.threshold).minus(average);
    return {
      number: terms.number,
      share: percent(terms.share),
      amount: yuanText(instalmentAmount(terms, r.rules)),
      condition: terms.condition,
      months: f.months,
      monthsScored: f.monthsScored,
      missing: f.missing,
      state,
      average: average === null ? null : fixed2(average),
      pointsBelow: below === null ? null : fixed2(below.isNegative() ? dec(0) : below),
      deduction: s ? yuanText(s.deduction) : f.projectedDeduction === null ? null : yuanText(f.projectedDeduction),
      payable: s ? yuanText(s.payable) : null,
      payableUpper: s ? s.payableUpper : null,
      formula: s ? s.formula : null,
      invoiceNotBefore: terms.invoiceNotBefore,
      invoiceDate: p?.invoiceDate ?? record?.invoiceDate ?? null,
      receivedDate: s?.receivedDate ?? record?.receivedDate ?? null,
      paidDate: p?.paidDate ?? record?.paidDate ?? null,
      clockStart: s?.clockStart ?? null,
      dueWorkingDays: terms.dueWorkingDays,
      dueDate: p?.dueDate ?? null,
      daysLate: p?.daysLate ?? null,
      lateCharge: s && s.daysLate !== null ? yuanText(s.lateCharge) : null,
      overdue: s?.overdue ?? false,
      terminationAfterDays: r.rules.contract.terminationAfterDays,
      earlyInvoice: s?.earlyInvoice ?? false,
      status: p?.status ?? (record?.paidDate ? "paid" : record?.invoiceDate ? "invoiced" : "not-invoiced"),
    };
  });
  const settled = progress.ok ? progress.value.instalments.map((i) => i.settled) : [];
  const all = settled.length === instalments.length && settled.every((x) => x !== null) ? settled.filter((x) => x !== null) : null;
  const sum = (pick: (x: NonNullable<(typeof settled)[number]>) => ReturnType<typeof dec>) => (all ?? []).reduce((acc, x) => acc.plus(pick(x)), dec(0));
  return {
    asOf,
    threshold: String(r.rules.contract.threshold),
    instalments,
    totals: all
      ? {
          contract: yuanText(r.rules.contract.total),
          deductions: yuanText(sum((x) => x.deduction)),
          payable: yuanText(sum((x) => x.payable)),
          payableUpper: capitalAmount(sum((x) => x.payable)),
          lateCharges: yuanText(sum((x) => x.lateCharge)),
        }
      : null,
    paymentErrors: !progress.ok,
  };
}
