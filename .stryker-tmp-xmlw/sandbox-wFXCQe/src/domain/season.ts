/**
 * scoreSeason: every month of the workbook, then the settlement — the whole job the command line
 * and the "全部重算" button run. Month errors are kept per month so one bad month does not hide
 * the others; the settlement is refused when a month it needs has no valid score.
 */
// @ts-nocheck

import { fixed2 } from "./decimal";
import type { IsoDate, MonthKey } from "./dates";
import type { MonthIndicators, ReportSubmission, ScoreEvent } from "./indicators";
import { Outcome, problem, Problem } from "./problems";
import type { RuleSet } from "./rules";
import { AgreedScore, checkAgreedScores, MonthScore, reportsOutsideTerm, scoreMonths } from "./scoring";
import { PaymentRecord, settle, Settlement } from "./settlement";
import { quarterlyTurnoverWarnings } from "./turnover";

export interface SeasonInput {
  indicators: readonly MonthIndicators[];
  events: readonly ScoreEvent[];
  reports: readonly ReportSubmission[];
  payments: readonly PaymentRecord[];
  /** A11: the 约定调整 rows (item scores both parties agreed); absent = none. */
  agreedScores?: readonly AgreedScore[];
}

export interface SeasonResult {
  months: { month: MonthKey; index: number; outcome: Outcome<MonthScore> }[];
  settlement: Outcome<Settlement>;
  /** Problems that belong to no single month (duplicates, quarterly turnover, stray events). */
  errors: Problem[];
  warnings: Problem[];
}

export function scoreSeason(input: SeasonInput, rules: RuleSet, options: { asOf?: IsoDate } = {}): SeasonResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const firstRow = new Map<MonthKey, number>();
  input.indicators.forEach((ind, index) => {
    const prev = firstRow.get(ind.month);
    if (prev !== undefined)
      errors.push(problem("error", "duplicate-month", `indicators[${index}].month`, `考核月份 ${ind.month} 在「指标录入」中出现两次（另见第 ${prev + 1} 条）`, `month ${ind.month} appears twice in 指标录入 (see also entry ${prev + 1})`, ind.month));
    else firstRow.set(ind.month, index);
  });
  input.events.forEach((ev, index) => {
    if (!firstRow.has(ev.month))
      warnings.push(problem("warning", "event-without-month", `events[${index}].month`, `加减分事件的考核月份 ${ev.month} 在「指标录入」中没有对应的行，未计分`, `event month ${ev.month} has no row in 指标录入: not scored`, ev.month));
  });
  // 约定调整 rows of a month without a 指标录入 row are checked too, then reported as unused.
  const agreed = input.agreedScores ?? [];
  const agreedElsewhere = new Set<MonthKey>();
  agreed.forEach((row, index) => {
    if (firstRow.has(row.month)) return;
    if (!agreedElsewhere.has(row.month)) {
      agreedElsewhere.add(row.month);
      errors.push(...checkAgreedScores(row.month, agreed, rules).errors);
    }
    warnings.push(problem("warning", "agreed-without-month", `agreedScores[${index}].month`, `约定调整的考核月份 ${row.month} 在「指标录入」中没有对应的行，未使用`, `agreed score month ${row.month} has no row in 指标录入: not used`, row.month));
  });
  const outcomes = scoreMonths(input.indicators, input.events, input.reports, rules, agreed);
  const months = input.indicators.map((ind, index) => ({ month: ind.month, index, outcome: outcomes[index] as Outcome<MonthScore> }));
  warnings.push(...quarterlyTurnoverWarnings(input.indicators, rules));
  // Reports due outside the scored months: reminders (the term's own ones once its last month is scored).
  warnings.push(...reportsOutsideTerm(input.reports, rules, firstRow.has(rules.contract.lastMonth)));

  const totals: Record<MonthKey, string> = {};
  for (const m of months) {
    if (m.outcome.ok && firstRow.get(m.month) === m.index) totals[m.month] = fixed2(m.outcome.value.total);
  }
  const settlement = settle(totals, input.payments, rules, options);
  return { months, settlement, errors, warnings };
}
