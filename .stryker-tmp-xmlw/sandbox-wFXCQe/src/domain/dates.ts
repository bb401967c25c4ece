/**
 * Calendar dates as ISO strings ("2025-10-13") and months as "2025-10". Plain strings compare in
 * order and carry no time zone: a due date must not move a day because a laptop is in UTC−8.
 */
// @ts-nocheck

export type IsoDate = string;
export type MonthKey = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;

/**
 * Orders ISO dates, month keys and period keys ("2025-03", "2025Q1") by UTF-16 code unit, which for
 * these ASCII texts is their calendar order. Not localeCompare: its first call starts ICU's
 * collator, ~5 ms of a command-line run, for an order these keys already have.
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isMonthKey(text: string): boolean {
  const m = MONTH_KEY.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function monthKey(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function parts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function monthParts(month: MonthKey): { year: number; month: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parts(date);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

function fromEpochDay(epochDay: number): IsoDate {
  const d = new Date(epochDay * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday … 6 = Saturday, computed without any time zone. */
export function weekday(date: IsoDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function addMonths(month: MonthKey, count: number): MonthKey {
  const { year, month: m } = monthParts(month);
  const index = year * 12 + (m - 1) + count;
  return monthKey(Math.floor(index / 12), (index % 12) + 1);
}

/** Months from `from` to `to` inclusive, in order. */
export function monthRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const out: MonthKey[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export function firstDay(month: MonthKey): IsoDate {
  return `${month}-01`;
}

export function lastDay(month: MonthKey): IsoDate {
  const { year, month: m } = monthParts(month);
  return isoDate(year, m, daysInMonth(year, m));
}

export function monthOf(date: IsoDate): MonthKey {
  return date.slice(0, 7);
}

/** "2025年10月" */
export function monthLabel(month: MonthKey): string {
  const { year, month: m } = monthParts(month);
  return `${year}年${m}月`;
}

/** "2025年10月13日" */
export function dateLabel(date: IsoDate): string {
  const { year, month, day } = parts(date);
  return `${year}年${month}月${day}日`;
}

const FULL_WIDTH_DIGITS = /[０-９]/g;

/**
 * Reads a month as clerks type it: "2025-10", "2025-3", "2025年3月", "2025.10", "2025/10",
 * "202510", "2025年 10 月", full-width digits. Returns null when it is not a month.
 */
export function parseMonth(text: string): MonthKey | null {
  // Stryker disable MethodExpression,Regex: .trim() after every whitespace is removed changes nothing; /\s/g removes every whitespace as /\s+/g does
  const t = text
    .replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .trim();
  // Stryker restore MethodExpression,Regex
  const m =
    /^(\d{4})(?:[-./年])(\d{1,2})月?(?:份)?$/.exec(t) ??
    /^(\d{4})(\d{2})$/.exec(t);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 2999) return null;
  return monthKey(year, month);
}

/**
 * Reads a date as typed: "2025-10-13", "2025/10/13", "2025.10.13", "2025年10月13日", "20251013".
 * Returns null when it is not a real calendar date.
 */
export function parseDate(text: string): IsoDate | null {
  // Stryker disable MethodExpression,Regex: .trim() after every whitespace is removed changes nothing; /\s/g removes every whitespace as /\s+/g does
  const t = text
    .replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .trim();
  // Stryker restore MethodExpression,Regex
  const m =
    /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const candidate = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return isIsoDate(candidate) ? candidate : null;
}
