/**
 * Report due dates (row 4, 数据分析): 月报 by the 10th of the next month, 季报 by the 15th of the
 * first month of the next quarter, 年报 by the end of December — each 遇节假日顺延.
 */
// @ts-nocheck

import type { WorkCalendar } from "./calendar";
import { addMonths, firstDay, IsoDate, isoDate, lastDay, monthKey, MonthKey, monthParts, parseMonth } from "./dates";

export type ReportKind = "月报" | "季报" | "年报";
export const REPORT_KINDS: readonly ReportKind[] = ["月报", "季报", "年报"];

export interface ReportPeriod {
  kind: ReportKind;
  /** Canonical form: "2025-09", "2025Q3", "2025". */
  key: string;
  start: IsoDate;
  end: IsoDate;
}

const KIND_ALIASES: Record<string, ReportKind> = {
  月报: "月报", 月度报告: "月报", 月度: "月报",
  季报: "季报", 季度报告: "季报", 季度: "季报",
  年报: "年报", 年度报告: "年报", 年度: "年报",
};

export function parseReportKind(text: string): ReportKind | null {
  // Stryker disable next-line Regex: /\s/g removes every whitespace as /\s+/g does
  return KIND_ALIASES[text.replace(/\s+/g, "")] ?? null;
}

const QUARTER_DIGITS: Record<string, number> = { "1": 1, "2": 2, "3": 3, "4": 4, 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * Memo for the period reading every month's scoring calls for every report row (a season scores
 * each row once per month). Keys are the inputs as text; entries are frozen; bounded.
 */
const memo = new Map<string, ReportPeriod | null>();
function remember<T extends ReportPeriod | null>(key: string, make: () => T): T {
  // Stryker disable next-line ConditionalExpression: a memo: reading the period again gives the same period
  if (memo.has(key)) return memo.get(key) as T;
  const value = make();
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a memo's bound: clearing it sooner or later gives the same periods
  if (memo.size > 20_000) memo.clear();
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: Object.freeze(null) is null, and freezing only guards the shared entries
  memo.set(key, value !== null && typeof value === "object" ? (Object.freeze(value) as T) : value);
  return value;
}

/** Reads a report period for its kind: "2025-09" / "2025年9月", "2025Q3" / "2025年第三季度", "2025" / "2025年". */
export function parseReportPeriod(kind: ReportKind, text: string): ReportPeriod | null {
  return remember(`p|${kind}|${text}`, () => readReportPeriod(kind, text));
}

function readReportPeriod(kind: ReportKind, text: string): ReportPeriod | null {
  // Stryker disable next-line Regex: /\s/g removes every whitespace as /\s+/g does
  const t = text.replace(/\s+/g, "").toUpperCase();
  if (kind === "月报") {
    const month = parseMonth(t);
    return month ? { kind, key: month, start: firstDay(month), end: lastDay(month) } : null;
  }
  if (kind === "季报") {
    const m = /^(\d{4})(?:[-年]?(?:Q|第)([1-4一二三四])(?:季度?)?)$/.exec(t);
    if (!m) return null;
    const year = Number(m[1]);
    // Stryker disable next-line StringLiteral: the pattern always captures the quarter (m[2] is never undefined)
    const q = QUARTER_DIGITS[m[2] ?? ""];
    // Stryker disable next-line ConditionalExpression: the pattern admits only 1–4 and 一–四, all in the table
    if (q === undefined) return null;
    const startMonth = monthKey(year, (q - 1) * 3 + 1);
    return { kind, key: `${year}Q${q}`, start: firstDay(startMonth), end: lastDay(addMonths(startMonth, 2)) };
  }
  const m = /^(\d{4})(?:年度?)?$/.exec(t);
  if (!m) return null;
  const year = Number(m[1]);
  return { kind, key: String(year), start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

/**
 * Which December a 年报 is due in. SPEC §3 reads "每年12月底前" as the end of the report's own year
 * ("sameYear"); the contract's fuller sentence "每年 12 月底前…对上一年度热线运行管理情况进行追踪和
 * 统计分析" can also be read as the year before ("previousYear": the 2024 report due 2025-12-31).
 */
export type AnnualReportYear = "sameYear" | "previousYear";

/** The contract's deadline before the holiday shift. */
export function nominalDueDate(period: ReportPeriod, annualReportYear: AnnualReportYear = "sameYear"): IsoDate {
  // Stryker disable next-line MethodExpression: monthParts reads the first 7 characters only
  const end = monthParts(period.end.slice(0, 7));
  const next = addMonths(monthKey(end.year, end.month), 1);
  if (period.kind === "月报") return `${next}-10`;
  if (period.kind === "季报") return `${next}-15`;
  // 年报: "每年12月底前" — the last day of December of the report's year (or of the next year).
  return annualReportYear === "sameYear" ? period.end : isoDate(Number(period.key) + 1, 12, 31);
}

/**
 * Due dates by calendar value and period: every month's scoring asks for the same few. A calendar
 * value is immutable, so its entries never go stale; bounded.
 */
const dueDates = new WeakMap<WorkCalendar, Map<string, IsoDate>>();

/** The due date after 遇节假日顺延, on the calendar in force (RuleSet.calendar). */
export function reportDueDate(period: ReportPeriod, calendar: WorkCalendar, annualReportYear: AnnualReportYear = "sameYear"): IsoDate {
  let byKey = dueDates.get(calendar);
  // Stryker disable next-line ConditionalExpression: a memo: a fresh map each time only forgets the dates
  if (byKey === undefined) {
    byKey = new Map();
    dueDates.set(calendar, byKey);
  }
  const key = `${period.kind}|${period.key}|${annualReportYear}`;
  const known = byKey.get(key);
  // Stryker disable next-line ConditionalExpression: a memo: shifting the date again gives the same date
  if (known !== undefined) return known;
  // Not memoised when the calendar refuses: the UnknownDateError must reach every caller.
  const due = calendar.shiftToWorkingDay(nominalDueDate(period, annualReportYear));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a memo's bound: clearing it sooner or later gives the same dates
  if (byKey.size > 20_000) byKey.clear();
  byKey.set(key, due);
  return due;
}

/** The scorecard month a report is scored in: the month its due date falls in. */
export function reportScoredMonth(period: ReportPeriod, calendar: WorkCalendar, annualReportYear: AnnualReportYear = "sameYear"): MonthKey {
  return reportDueDate(period, calendar, annualReportYear).slice(0, 7);
}
