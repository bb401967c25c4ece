/**
 * PRC working days (法定节假日 and 调休 make-up days) as a value, WorkCalendar, passed in with the
 * rule set (RuleSet.calendar) so that every date rule of the engine asks the same calendar:
 * - LIBRARY_CALENDAR: the chinese-days library's published data. We read its data file and compute
 *   weekdays ourselves: its date helpers shift by a day in time zones west of UTC, and a clerk's
 *   laptop must not move a due date.
 * - calendarWithOverrides: that calendar extended and overridden by the workbook's 节假日安排 rows
 *   (SPEC §9), for a year the State Council has published and the library not yet.
 * A date in a year the calendar does not know is an error (UnknownDateError), never a guess.
 */
// @ts-nocheck

import calendarData from "chinese-days/dist/chinese-days.json";
import { addDays, IsoDate, isIsoDate, isoDate, monthParts, MonthKey, weekday } from "./dates";
import { Outcome, problem, Problem, UnknownDateError } from "./problems";

/**
 * The working-day calendar as a value: the library's data, extended and overridden by the
 * workbook's 节假日安排 (SPEC §9). Every date rule of the engine (report due dates, the exam
 * deadline, days late, payment due dates, day notes) asks it. Each value keeps its own memo of
 * shifted dates.
 */
export interface WorkCalendar {
  /** Years it knows (the library's, and those the workbook's 节假日安排 adds), ascending. */
  readonly knownYears: readonly number[];
  isKnownDate(date: IsoDate): boolean;
  /** True on a 工作日: Monday–Friday that is not a holiday, or a 调休 make-up working day. */
  isWorkingDay(date: IsoDate): boolean;
  /** The name of the holiday or make-up day when the calendar gives one ("国庆节"), else null. */
  dayNote(date: IsoDate): string | null;
  /** 遇节假日顺延: the date itself when it is a working day, else the next working day. */
  shiftToWorkingDay(date: IsoDate): IsoDate;
  /** The `count`-th working day strictly after `date` ("收到发票后的10个工作日内" → the 10th). */
  addWorkingDays(date: IsoDate, count: number): IsoDate;
  /** Working days strictly after `due` up to and including `submitted`; 0 when on time. */
  workingDaysLate(due: IsoDate, submitted: IsoDate): number;
  /** Exam deadline (row 10): the given day of the month (the 15th), moved to the next working day. */
  examDeadline(month: MonthKey, day?: number): IsoDate;
}

/** A day that differs from an ordinary week (a holiday, a make-up working day), with its name. */
interface SpecialDay {
  working: boolean;
  note: string | null;
}

/**
 * A calendar from the years it knows and its special days; every other day of a known year is a
 * working day from Monday to Friday. The memo of shifted dates belongs to this value alone.
 */
function buildCalendar(years: Iterable<number>, special: (date: IsoDate) => SpecialDay | undefined): WorkCalendar {
  const knownYears = Object.freeze([...new Set(years)].sort((a, b) => a - b));
  const known = new Set(knownYears);
  const isKnownDate = (date: IsoDate): boolean => known.has(Number(date.slice(0, 4)));
  const assertKnown = (date: IsoDate): void => {
    if (!isKnownDate(date)) throw new UnknownDateError(date);
  };
  const isWorkingDay = (date: IsoDate): boolean => {
    assertKnown(date);
    const s = special(date);
    if (s !== undefined) return s.working;
    const wd = weekday(date);
    return wd >= 1 && wd <= 5;
  };
  /**
   * Shifted dates by date: every month's scoring shifts its exam deadline and report due dates, the
   * same few dates for every month of every run. A date the calendar refuses is not kept (the
   * UnknownDateError must reach every caller).
   */
  const shifted = new Map<IsoDate, IsoDate>();
  const shiftToWorkingDay = (date: IsoDate): IsoDate => {
    const hit = shifted.get(date);
    // Stryker disable next-line ConditionalExpression: a memo: shifting the date again gives the same date
    if (hit !== undefined) return hit;
    let d = date;
    while (!isWorkingDay(d)) d = addDays(d, 1);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a memo's bound: clearing it sooner or later gives the same dates
    if (shifted.size > 10_000) shifted.clear();
    shifted.set(date, d);
    return d;
  };
  return Object.freeze({
    knownYears,
    isKnownDate,
    isWorkingDay,
    dayNote(date: IsoDate): string | null {
      assertKnown(date);
      return special(date)?.note ?? null;
    },
    shiftToWorkingDay,
    addWorkingDays(date: IsoDate, count: number): IsoDate {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`working-day count must be a whole number ≥ 0, got ${count}`);
      assertKnown(date);
      let d = date;
      let left = count;
      while (left > 0) {
        d = addDays(d, 1);
        if (isWorkingDay(d)) left -= 1;
      }
      return d;
    },
    workingDaysLate(due: IsoDate, submitted: IsoDate): number {
      assertKnown(due);
      assertKnown(submitted);
      let late = 0;
      for (let d = addDays(due, 1); d <= submitted; d = addDays(d, 1)) {
        if (isWorkingDay(d)) late += 1;
      }
      return late;
    },
    examDeadline(month: MonthKey, day = 15): IsoDate {
      const { year, month: m } = monthParts(month);
      return shiftToWorkingDay(isoDate(year, m, day));
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The library's calendar

interface CalendarData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = calendarData as CalendarData;

/** "National Day,国庆节,3" → "国庆节". */
const libraryNote = (raw: string): string => raw.split(",")[1] ?? raw;

/** The library's calendar alone (chinese-days): what an absent 节假日安排 means. */
export const LIBRARY_CALENDAR: WorkCalendar = buildCalendar(
  Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))),
  (date) => {
    const work = data.workdays[date];
    if (work !== undefined) return { working: true, note: libraryNote(work) };
    const off = data.holidays[date];
    if (off !== undefined) return { working: false, note: libraryNote(off) };
    return undefined;
  },
);

// ---------------------------------------------------------------------------------------------
// 节假日安排 (SPEC §9)

/** 休 = not a working day (a statutory holiday, even on a weekday); 班 = a working day (调休上班, even on a weekend). */
export type HolidayKind = "休" | "班";

/** One row of 节假日安排: 日期 | 类型 | 说明. */
export interface HolidayRow {
  date: IsoDate;
  kind: HolidayKind;
  /** 说明 as typed ("春节"); may be empty. */
  note: string;
}

const KIND_WORDS: Record<string, HolidayKind> = {
  休: "休", 休息: "休", 休息日: "休", 放假: "休", 休假: "休", 假: "休", 假日: "休", 节假日: "休", 法定节假日: "休", 节日: "休", off: "休", holiday: "休",
  班: "班", 上班: "班", 补班: "班", 调休上班: "班", 调班: "班", 工作: "班", 工作日: "班", 补休上班: "班", work: "班", workday: "班", working: "班",
};

/** 类型 as clerks type it: 休 / 休息 / 放假 …, 班 / 上班 / 补班 …; null when it is neither. ("调休" alone is both, so neither.) */
export function parseHolidayKind(text: string): HolidayKind | null {
  const t = text.normalize("NFKC").replace(/\s+/g, "").replace(/[（(].*?[）)]/g, "").toLowerCase();
  return KIND_WORDS[t] ?? null;
}

const WEEKDAY_NAMES = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;
const WEEKDAY_NAMES_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** What a calendar says of a date it knows, in words: "工作日（国庆节调休上班）", "休息日（周末）". */
function dayInWords(calendar: WorkCalendar, date: IsoDate): [string, string] {
  const working = calendar.isWorkingDay(date);
  const note = calendar.dayNote(date);
  if (working) return [note ? `工作日（${note}调休上班）` : "工作日", note ? `a working day (${note} make-up day)` : "a working day"];
  return [note ? `休息日（${note}）` : "休息日（周末）", note ? `a day off (${note})` : "a day off (weekend)"];
}

/**
 * The calendar of `base` (the library's by default) extended and overridden by the 节假日安排 rows
 * (SPEC §9): a year is known when `base` knows it or the rows have at least one 休 in it; a row wins
 * over `base` (the clerk's copy of the State Council notice is the newer source) and, where it
 * disagrees with `base` for a year `base` knows, is warned about, naming both. A row that is not a
 * date or not 休/班, and a date given twice, are errors. Field paths: "holidays[3].date", ".kind".
 * No rows: `base` itself.
 */
export function calendarWithOverrides(rows: readonly HolidayRow[], base: WorkCalendar = LIBRARY_CALENDAR): Outcome<WorkCalendar> {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const byDate = new Map<IsoDate, { index: number; row: HolidayRow }>();
  rows.forEach((row, index) => {
    const f = (key: string) => `holidays[${index}].${key}`;
    const date = String(row.date);
    const dateOk = isIsoDate(date);
    const kindOk = row.kind === "休" || row.kind === "班";
    if (!dateOk) errors.push(problem("error", "bad-holiday-date", f("date"), `「节假日安排」第 ${index + 1} 条的日期「${date}」不是有效日期（如 2027-02-08）`, `节假日安排 entry ${index + 1}: "${date}" is not a date (e.g. 2027-02-08)`));
    if (!kindOk) errors.push(problem("error", "bad-holiday-kind", f("kind"), `「节假日安排」第 ${index + 1} 条的类型「${String(row.kind)}」应为 休（放假）或 班（调休上班）`, `节假日安排 entry ${index + 1}: type "${String(row.kind)}" must be 休 (day off) or 班 (make-up working day)`));
    if (!dateOk || !kindOk) return;
    const first = byDate.get(date);
    if (first === undefined) {
      byDate.set(date, { index, row });
      return;
    }
    if (first.row.kind === row.kind)
      errors.push(problem("error", "duplicate-holiday", f("date"), `${date} 在「节假日安排」中登记了两次（另见第 ${first.index + 1} 条）`, `${date} is entered twice in 节假日安排 (see also entry ${first.index + 1})`));
    else
      errors.push(problem("error", "contradictory-holiday", f("date"), `${date} 在「节假日安排」中既填为「${first.row.kind}」（第 ${first.index + 1} 条）又填为「${row.kind}」，请只保留正确的一行`, `${date} is entered in 节假日安排 both as ${first.row.kind} (entry ${first.index + 1}) and as ${row.kind}: keep the right one`));
  });

  const restYears = new Set<number>();
  for (const { row } of byDate.values()) if (row.kind === "休") restYears.add(Number(row.date.slice(0, 4)));
  const warnedYears = new Set<number>();
  for (const { index, row } of byDate.values()) {
    const f = (key: string) => `holidays[${index}].${key}`;
    const year = Number(row.date.slice(0, 4));
    const wd = weekday(row.date);
    const day = `${row.date}（${WEEKDAY_NAMES[wd]}）`;
    const dayEn = `${row.date} (${WEEKDAY_NAMES_EN[wd]})`;
    if (base.isKnownDate(row.date)) {
      if (base.isWorkingDay(row.date) === (row.kind === "班")) continue;
      const [says, saysEn] = dayInWords(base, row.date);
      warnings.push(problem("warning", "holiday-overrides-library", f("kind"), `「节假日安排」${day}填为「${row.kind}」，而内置节假日日历（chinese-days）该日为${says}；以本表为准（国务院办公厅通知为较新来源），请核对`, `节假日安排 has ${dayEn} as ${row.kind === "休" ? "a day off (休)" : "a working day (班)"}, the built-in calendar (chinese-days) has it as ${saysEn}: the sheet wins; please check`));
      continue;
    }
    if (!restYears.has(year)) {
      if (!warnedYears.has(year)) {
        warnedYears.add(year);
        warnings.push(problem("warning", "holiday-year-without-rest", f("kind"), `「节假日安排」中 ${year} 年只有「班」行、没有「休」行，该年份仍不在日历中；请按国务院办公厅关于 ${year} 年部分节假日安排的通知补填放假日（休）`, `节假日安排 has only 班 rows for ${year}, no 休: the year stays unknown; add its days off (休) from the State Council notice for ${year}`));
      }
      continue;
    }
    if (row.kind === "班" && wd >= 1 && wd <= 5)
      warnings.push(problem("warning", "holiday-workday-on-weekday", f("date"), `「节假日安排」${day}填为「班」，但该日本来就是工作日，此行不起作用；请核对日期（调休上班日通常在周末）`, `节假日安排 has ${dayEn} as 班, but it is a weekday and a working day anyway: check the date (make-up days are usually at a weekend)`));
  }
  if (errors.length > 0) return { ok: false, errors, warnings };
  if (byDate.size === 0) return { ok: true, value: base, warnings };

  const calendar = buildCalendar([...base.knownYears, ...restYears], (date) => {
    const hit = byDate.get(date);
    if (hit !== undefined) return { working: hit.row.kind === "班", note: hit.row.note.trim() || null };
    if (base.isKnownDate(date)) return { working: base.isWorkingDay(date), note: base.dayNote(date) };
    return undefined;
  });
  return { ok: true, value: calendar, warnings };
}

// ---------------------------------------------------------------------------------------------
// Messages

/** The known years in short: "2004–2026", "2004–2027", "2004–2026、2028". */
export function knownYearsText(calendar: WorkCalendar): string {
  const runs: string[] = [];
  const years = calendar.knownYears;
  for (let i = 0; i < years.length; ) {
    let j = i;
    // Past the last year, years[j + 1] is undefined: never the next year.
    while ((years[j + 1] as number) === (years[j] as number) + 1) j++;
    runs.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return runs.length > 0 ? runs.join("、") : "无";
}

/** How a clerk adds a year the calendar does not know: the 节假日安排 sheet, from the State Council notice. */
export function addYearHint(year: number): [string, string] {
  return [
    `如需 ${year} 年：请在「节假日安排」工作表按国务院办公厅关于 ${year} 年部分节假日安排的通知逐日填写（日期 | 类型（休/班）| 说明），放假的日子填「休」，调休上班的日子填「班」`,
    `to add ${year}, enter the State Council (国务院办公厅) notice on the ${year} holidays in the 节假日安排 sheet, one row per day: 日期 | 类型 (休 = day off, 班 = make-up working day) | 说明`,
  ];
}

/** The message for a date the calendar does not know: the years it knows and how to add the date's year. */
export function unknownDateMessage(date: string, calendar: WorkCalendar): [string, string] {
  const range = knownYearsText(calendar);
  const [hint, hintEn] = addYearHint(Number(date.slice(0, 4)));
  return [`日期 ${date} 超出法定节假日日历的已知年份（${range}），无法计算工作日；${hint}`, `date ${date} is outside the years the holiday calendar knows (${range}); ${hintEn}`];
}
