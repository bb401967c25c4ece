/**
 * Contract §一(三)6: "人员季流动率不得高于 20%". The monthly scorecard scores each month's
 * turnover; this adds up the monthly rates of each calendar quarter and warns past the limit,
 * because that breach costs money later even when every month scored full marks.
 */
// @ts-nocheck

import { dec, Dec, fixed2, sum } from "./decimal";
import { compareKeys, monthParts } from "./dates";
import type { MonthIndicators } from "./indicators";
import { problem, Problem } from "./problems";
import type { RuleSet } from "./rules";

export interface QuarterTurnover {
  quarter: string;
  months: string[];
  rate: Dec;
}

export function quarterlyTurnover(indicators: readonly MonthIndicators[]): QuarterTurnover[] {
  const byQuarter = new Map<string, { months: string[]; rates: Dec[] }>();
  for (const ind of indicators) {
    if (typeof ind.headcount !== "number" || ind.headcount <= 0 || typeof ind.changed !== "number" || ind.changed < 0) continue;
    const { year, month } = monthParts(ind.month);
    const key = `${year}Q${Math.floor((month - 1) / 3) + 1}`;
    const entry = byQuarter.get(key) ?? { months: [], rates: [] };
    entry.months.push(ind.month);
    entry.rates.push(dec(ind.changed).times(100).div(ind.headcount));
    byQuarter.set(key, entry);
  }
  return [...byQuarter.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([quarter, e]) => ({ quarter, months: e.months.sort(), rate: sum(e.rates) }));
}

export function quarterlyTurnoverWarnings(indicators: readonly MonthIndicators[], rules: RuleSet): Problem[] {
  const limit = dec(rules.scoring.quarterlyTurnoverLimit);
  return quarterlyTurnover(indicators)
    .filter((q) => q.rate.greaterThan(limit))
    .map((q) =>
      problem(
        "warning",
        "quarterly-turnover",
        "changed",
        `${q.quarter}（${q.months.join("、")}）人员流动率合计 ${fixed2(q.rate)}%，超过合同§一(三)6 规定的季流动率 ${limit}%`,
        `${q.quarter} (${q.months.join(", ")}): turnover adds up to ${fixed2(q.rate)}%, above the contract's ${limit}% per quarter (§一(三)6)`,
        q.months[q.months.length - 1],
      ),
    );
}
