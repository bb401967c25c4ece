/**
 * scoreSeason: every month of the workbook, then the settlement — the whole job the command line
 * and the "全部重算" button run. Month errors are kept per month so one bad month does not hide
 * the others; the settlement is refused when a month it needs has no valid score.
 */
import { fixed2 } from "./decimal";
import type { IsoDate, MonthKey } from "./dates";
import type { MonthIndicators, ReportSubmission, ScoreEvent } from "./indicators";
import { Outcome, problem, Problem } from "./problems";
import type { RuleSet } from "./rules";
import { MonthScore, scoreMonths } from "./scoring";
import { PaymentRecord, settle, Settlement } from "./settlement";
import { quarterlyTurnoverWarnings } from "./turnover";

export interface SeasonInput {
  indicators: readonly MonthIndicators[];
  events: readonly ScoreEvent[];
  reports: readonly ReportSubmission[];
  payments: readonly PaymentRecord[];
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
  const outcomes = scoreMonths(input.indicators, input.events, input.reports, rules);
  const months = input.indicators.map((ind, index) => ({ month: ind.month, index, outcome: outcomes[index] as Outcome<MonthScore> }));
  warnings.push(...quarterlyTurnoverWarnings(input.indicators, rules));

  const totals: Record<MonthKey, string> = {};
  for (const m of months) {
    if (m.outcome.ok && firstRow.get(m.month) === m.index) totals[m.month] = fixed2(m.outcome.value.total);
  }
  const settlement = settle(totals, input.payments, rules, options);
  return { months, settlement, errors, warnings };
}
