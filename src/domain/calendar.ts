/**
 * PRC working days (法定节假日 and 调休 make-up days) from the chinese-days library's published
 * data. We read its data file and compute weekdays ourselves: its date helpers shift by a day in
 * time zones west of UTC, and a clerk's laptop must not move a due date.
 * A date in a year the library does not cover is an error, never a guess.
 */
import calendarData from "chinese-days/dist/chinese-days.json";
import { addDays, IsoDate, isoDate, monthParts, MonthKey, parts, weekday } from "./dates";
import { UnknownDateError } from "./problems";

interface CalendarData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = calendarData as CalendarData;

/** Years for which the library publishes the State Council's holiday arrangement. */
export const KNOWN_YEARS: readonly number[] = [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort(
  (a, b) => a - b,
);

const knownYearSet = new Set(KNOWN_YEARS);

export function isKnownDate(date: IsoDate): boolean {
  return knownYearSet.has(parts(date).year);
}

function assertKnown(date: IsoDate): void {
  if (!isKnownDate(date)) throw new UnknownDateError(date);
}

/** True on a 工作日: Monday–Friday that is not a holiday, or a 调休 make-up working day. */
export function isWorkingDay(date: IsoDate): boolean {
  assertKnown(date);
  if (data.workdays[date] !== undefined) return true;
  if (data.holidays[date] !== undefined) return false;
  const wd = weekday(date);
  return wd >= 1 && wd <= 5;
}

/** The name of the holiday or make-up day, if the calendar gives one ("National Day,国庆节,3"). */
export function dayNote(date: IsoDate): string | null {
  assertKnown(date);
  return data.workdays[date] ?? data.holidays[date] ?? null;
}

/**
 * Shifted dates by date: every month's scoring shifts its exam deadline and report due dates, the
 * same few dates for every month of every run. A date the calendar refuses is not kept (the
 * UnknownDateError must reach every caller).
 */
const shifted = new Map<IsoDate, IsoDate>();

/** 遇节假日顺延: the date itself when it is a working day, else the next working day. */
export function shiftToWorkingDay(date: IsoDate): IsoDate {
  const known = shifted.get(date);
  if (known !== undefined) return known;
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  if (shifted.size > 10_000) shifted.clear();
  shifted.set(date, d);
  return d;
}

/** The `count`-th working day strictly after `date` ("收到发票后的10个工作日内" → the 10th). */
export function addWorkingDays(date: IsoDate, count: number): IsoDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`working-day count must be a whole number ≥ 0, got ${count}`);
  assertKnown(date);
  let d = date;
  let left = count;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** Working days strictly after `due` up to and including `submitted`; 0 when on time. */
export function workingDaysLate(due: IsoDate, submitted: IsoDate): number {
  assertKnown(due);
  assertKnown(submitted);
  let late = 0;
  for (let d = addDays(due, 1); d <= submitted; d = addDays(d, 1)) {
    if (isWorkingDay(d)) late += 1;
  }
  return late;
}

/** Exam deadline (row 10): the given day of the month (the 15th), moved to the next working day. */
export function examDeadline(month: MonthKey, day = 15): IsoDate {
  const { year, month: m } = monthParts(month);
  return shiftToWorkingDay(isoDate(year, m, day));
}

/**
 * The working-day calendar as a value, passed in with the rule set (RuleSet.calendar): the
 * library's data, extended and overridden by the workbook's 节假日安排 (SPEC §9). Every date rule
 * of the engine (report due dates, the exam deadline, days late, payment due dates) asks it.
 */
export interface WorkCalendar {
  /** Years it knows (the library's, and those the workbook's 节假日安排 adds), ascending. */
  readonly knownYears: readonly number[];
  isKnownDate(date: IsoDate): boolean;
  isWorkingDay(date: IsoDate): boolean;
  dayNote(date: IsoDate): string | null;
  shiftToWorkingDay(date: IsoDate): IsoDate;
  addWorkingDays(date: IsoDate, count: number): IsoDate;
  workingDaysLate(due: IsoDate, submitted: IsoDate): number;
  examDeadline(month: MonthKey, day?: number): IsoDate;
}

/** The library's calendar alone (chinese-days): what an absent 节假日安排 means. */
export const LIBRARY_CALENDAR: WorkCalendar = {
  knownYears: KNOWN_YEARS,
  isKnownDate,
  isWorkingDay,
  dayNote,
  shiftToWorkingDay,
  addWorkingDays,
  workingDaysLate,
  examDeadline,
};
