/** PRC working days: 遇节假日顺延, N working days after an invoice, working days late. */
// @ts-nocheck

import { calendarWithOverrides, HolidayRow, isIsoDate, isMonthKey, knownYearsText, LIBRARY_CALENDAR, nominalDueDate, parseDate, parseMonth, parseReportKind, parseReportPeriod, reportDueDate, reportScoredMonth, UnknownDateError, weekday, WorkCalendar } from "../../src/domain";

/** The library's calendar (chinese-days) alone: what a workbook without 节假日安排 uses. */
const cal = LIBRARY_CALENDAR;
const KNOWN_YEARS = cal.knownYears;

describe("isWorkingDay", () => {
  it.each([
    ["2025-10-01", false], // 国庆节
    ["2025-10-08", false], // 国庆节 (8 days in 2025)
    ["2025-10-09", true],
    ["2025-10-11", true], // Saturday, 调休 make-up working day
    ["2025-10-12", false], // Sunday
    ["2025-09-28", true], // Sunday, 调休
    ["2025-05-10", false], // Saturday
    ["2025-01-26", true], // Sunday before 春节, 调休
    ["2025-01-28", false], // 除夕
    ["2024-12-31", true],
    ["2025-01-01", false], // 元旦
  ])("%s → %p", (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  it("computes weekdays without the machine's time zone", () => {
    expect(weekday("2025-05-10")).toBe(6);
    expect(weekday("2025-10-13")).toBe(1);
  });

  it("knows the contract years and refuses a year it does not know", () => {
    expect(KNOWN_YEARS).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(() => cal.isWorkingDay("2031-03-03")).toThrow(UnknownDateError);
    expect(() => cal.isWorkingDay("1999-03-03")).toThrow(UnknownDateError);
  });
});

describe("shiftToWorkingDay (遇节假日顺延)", () => {
  it.each([
    ["2025-05-10", "2025-05-12"], // Saturday → Monday
    ["2025-10-01", "2025-10-09"], // National Day week → first working day after
    ["2025-10-10", "2025-10-10"],
    ["2025-10-11", "2025-10-11"], // a 调休 Saturday is a working day
    ["2025-01-28", "2025-02-05"], // 春节
  ])("%s → %s", (date, expected) => {
    expect(cal.shiftToWorkingDay(date)).toBe(expected);
  });
});

describe("addWorkingDays (the Nth working day after the invoice)", () => {
  it.each([
    ["2024-12-10", 10, "2024-12-24"],
    // Invoice Fri 2025-09-26 just before National Day: 09-28 (Sun) is a make-up day, 10-01..08 off, 10-11 (Sat) works.
    // Working days after 09-26: 09-28, 09-29, 09-30 (3), 10-09, 10-10, 10-11 (6), 10-13…17 (11), 10-20…24 (16), 10-27…31 (21), 11-03…07 (26), 11-10…13 (30)
    ["2025-09-26", 30, "2025-11-13"],
    ["2025-09-26", 10, "2025-10-16"], // 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13, 10-14, 10-15, 10-16
    ["2025-06-16", 30, "2025-07-28"],
    ["2025-10-10", 0, "2025-10-10"],
  ])("%s + %i working days → %s", (date, n, expected) => {
    expect(cal.addWorkingDays(date, n)).toBe(expected);
  });
  it("refuses to run past the known years", () => {
    expect(() => cal.addWorkingDays(`${KNOWN_YEARS[KNOWN_YEARS.length - 1]}-12-20`, 30)).toThrow(UnknownDateError);
  });
});

describe("workingDaysLate", () => {
  it.each([
    ["2025-10-10", "2025-10-10", 0],
    ["2025-10-10", "2025-10-09", 0],
    ["2025-10-10", "2025-10-13", 2], // 10-11 调休 counts, 10-12 Sunday does not
    ["2025-09-30", "2025-10-09", 1], // the holiday week does not count
  ])("due %s, submitted %s → %i", (due, submitted, expected) => {
    expect(cal.workingDaysLate(due, submitted)).toBe(expected);
  });
});

describe("exam deadline: the 15th, moved to the next working day", () => {
  it.each([
    ["2025-10", "2025-10-15"],
    ["2025-06", "2025-06-16"], // Sunday
    ["2025-02", "2025-02-17"], // Saturday
    ["2024-12", "2024-12-16"], // Sunday
  ])("%s → %s", (month, expected) => {
    expect(cal.examDeadline(month)).toBe(expected);
  });
});

describe("report due dates", () => {
  it.each([
    ["月报", "2025-09", "2025-10-10", "2025-10-10"],
    ["月报", "2025年4月", "2025-05-10", "2025-05-12"],
    ["季报", "2025Q3", "2025-10-15", "2025-10-15"],
    ["季报", "2024年第四季度", "2025-01-15", "2025-01-15"],
    ["季报", "2025Q2", "2025-07-15", "2025-07-15"],
    ["年报", "2024", "2024-12-31", "2024-12-31"],
    ["年报", "2022", "2022-12-31", "2023-01-03"], // Saturday, then 元旦 on Monday 01-02
  ] as const)("%s %s: nominal %s, due %s", (kind, text, nominal, due) => {
    const period = parseReportPeriod(kind, text);
    expect(period).not.toBeNull();
    expect(nominalDueDate(period!)).toBe(nominal);
    expect(reportDueDate(period!, cal)).toBe(due);
  });
  it("a report is scored in the month its due date falls in", () => {
    expect(reportScoredMonth(parseReportPeriod("年报", "2022")!, cal)).toBe("2023-01");
  });
  it.each([["月报", "2025-13"], ["季报", "2025Q5"], ["年报", "25"], ["季报", "2025-07"]] as const)("refuses %s %s", (kind, text) => {
    expect(parseReportPeriod(kind, text)).toBeNull();
  });
});

describe("年报 reading (contract: 每年 12 月底前…对上一年度…进行追踪和统计分析)", () => {
  it("by default (SPEC §3) the 2024 report is due 2024-12-31; read as 上一年度 it is due 2025-12-31", () => {
    const p = parseReportPeriod("年报", "2024")!;
    expect(reportDueDate(p, cal)).toBe("2024-12-31");
    expect(reportDueDate(p, cal, "previousYear")).toBe("2025-12-31");
  });
});

// ------------------------------------------------------------------------------------------------
// Boundaries (issue 17)

describe("addWorkingDays refuses a negative or fractional count; 0 is the date itself", () => {
  it.each([
    [-1, "working-day count must be a whole number ≥ 0, got -1"],
    [1.5, "working-day count must be a whole number ≥ 0, got 1.5"],
    [-0.5, "working-day count must be a whole number ≥ 0, got -0.5"],
    [Number.NaN, "working-day count must be a whole number ≥ 0, got NaN"],
  ])("count %p", (count, message) => {
    expect(() => cal.addWorkingDays("2025-10-13", count)).toThrow(new RangeError(message));
  });
  it.each([
    // date, count, the count-th working day strictly after it
    ["2025-10-01", 0, "2025-10-01"], // 0: the date itself, even a holiday
    ["2025-10-13", 0, "2025-10-13"],
    ["2025-10-13", 1, "2025-10-14"],
    ["2025-09-30", 1, "2025-10-09"], // 国庆节 and 中秋节 2025-10-01 … 10-08
    ["2025-10-10", 1, "2025-10-11"], // Saturday 10-11 is a 调休 working day
  ] as [string, number, string][])("%s + %i working days → %s", (date, count, due) => {
    expect(cal.addWorkingDays(date, count)).toBe(due);
  });
});

describe("workingDaysLate: on the due date is 0, the next working day is 1", () => {
  it.each([
    ["2025-10-10", "2025-10-09", 0],
    ["2025-10-10", "2025-10-10", 0],
    ["2025-10-10", "2025-10-11", 1], // 调休 Saturday
    ["2025-10-10", "2025-10-12", 1], // Sunday adds none
    ["2025-10-10", "2025-10-13", 2],
  ] as [string, string, number][])("due %s, submitted %s → %i", (due, submitted, late) => {
    expect(cal.workingDaysLate(due, submitted)).toBe(late);
  });
});

describe("report periods are read whole: the patterns are anchored at both ends", () => {
  it.each([
    ["月报", "2025-09", "2025-09"],
    ["月报", "x2025-09", null],
    ["月报", "2025-09x", null],
    ["月报", "12025-09", null],
    ["月报", "2025-091", null],
    ["季报", "2025Q3", "2025Q3"],
    ["季报", "2025年第三季度", "2025Q3"],
    ["季报", "x2025Q3", null],
    ["季报", "2025Q3x", null],
    ["季报", "12025Q3", null],
    ["季报", "2025Q31", null],
    ["季报", "2025Q5", null],
    ["年报", "2025", "2025"],
    ["年报", "2025年度", "2025"],
    ["年报", "x2025", null],
    ["年报", "2025x", null],
    ["年报", "20255", null],
    ["年报", "2025年度x", null],
  ] as ["月报" | "季报" | "年报", string, string | null][])("%s %j → %j", (kind, text, key) => {
    expect(parseReportPeriod(kind, text)?.key ?? null).toBe(key);
  });
  it.each([
    ["2025-10", "2025-10"],
    ["2025年3月", "2025-03"],
    ["202510", "2025-10"],
    ["x2025-10", null],
    ["2025-10x", null],
    ["12025-10", null],
    ["2025-101", null],
    ["2025101", null],
    ["20251011", null],
  ] as [string, string | null][])("parseMonth %j → %j", (text, month) => {
    expect(parseMonth(text)).toBe(month);
  });
  it.each([
    ["2025-10-13", "2025-10-13"],
    ["20251013", "2025-10-13"],
    ["x2025-10-13", null],
    ["2025-10-13x", null],
    ["12025-10-13", null],
    ["2025-10-131", null],
    ["2025101312", null],
  ] as [string, string | null][])("parseDate %j → %j", (text, date) => {
    expect(parseDate(text)).toBe(date);
  });
  it.each([
    ["2025-10-13", true],
    ["x2025-10-13", false],
    ["2025-10-13x", false],
    ["2025-10-131", false],
    ["2025-02-29", false],
    ["2024-02-29", true],
  ] as [string, boolean][])("isIsoDate %j → %s", (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });
  it.each([
    ["2025-10", true],
    ["x2025-10", false],
    ["2025-10x", false],
    ["2025-101", false],
    ["2025-00", false],
    ["2025-13", false],
  ] as [string, boolean][])("isMonthKey %j → %s", (text, ok) => {
    expect(isMonthKey(text)).toBe(ok);
  });
});

describe("节假日安排 messages in English, and bad rows kept out of the later checks", () => {
  const hrow = (date: string, kind: string, note = ""): HolidayRow => ({ date, kind: kind as HolidayRow["kind"], note });
  it.each([
    [[hrow("2027-02-08", "休"), hrow("2027-02-30", "休")], '节假日安排 entry 2: "2027-02-30" is not a date (e.g. 2027-02-08)'],
    [[hrow("2027-02-08", "调休")], '节假日安排 entry 1: type "调休" must be 休 (day off) or 班 (make-up working day)'],
    [[hrow("2027-02-08", "休"), hrow("2027-02-09", "休"), hrow("2027-02-08", "休")], "2027-02-08 is entered twice in 节假日安排 (see also entry 1)"],
    [[hrow("2027-02-09", "休"), hrow("2027-02-09", "班")], "2027-02-09 is entered in 节假日安排 both as 休 (entry 1) and as 班: keep the right one"],
  ])("%#", (rows, messageEn) => {
    const r = calendarWithOverrides(rows);
    expect(r.ok ? [] : r.errors.map((e) => e.messageEn)).toEqual([messageEn]);
  });
  it("the same bad date or bad 类型 twice: each row is refused for itself, never as a duplicate", () => {
    const r = calendarWithOverrides([hrow("2027-13-01", "休"), hrow("2027-13-01", "休"), hrow("2027-02-08", "x"), hrow("2027-02-08", "x")]);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.field])).toEqual([
      ["bad-holiday-date", "holidays[0].date"],
      ["bad-holiday-date", "holidays[1].date"],
      ["bad-holiday-kind", "holidays[2].kind"],
      ["bad-holiday-kind", "holidays[3].kind"],
    ]);
  });
  it("a date typed as a number is read as its text", () => {
    const r = calendarWithOverrides([{ date: 20270208 as unknown as string, kind: "休", note: "" }]);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(["「节假日安排」第 1 条的日期「20270208」不是有效日期（如 2027-02-08）"]);
  });
  it("the warnings over the library, in English", () => {
    const off = calendarWithOverrides([hrow("2025-10-11", "休")]);
    const on = calendarWithOverrides([hrow("2025-10-12", "班")]);
    const holiday = calendarWithOverrides([hrow("2025-10-01", "班")]);
    expect([off, on, holiday].map((r) => r.warnings.map((w) => w.messageEn))).toEqual([
      ["节假日安排 has 2025-10-11 (Saturday) as a day off (休), the built-in calendar (chinese-days) has it as a working day (国庆节 make-up day): the sheet wins; please check"],
      ["节假日安排 has 2025-10-12 (Sunday) as a working day (班), the built-in calendar (chinese-days) has it as a day off (weekend): the sheet wins; please check"],
      ["节假日安排 has 2025-10-01 (Wednesday) as a working day (班), the built-in calendar (chinese-days) has it as a day off (国庆节): the sheet wins; please check"],
    ]);
    expect(holiday.warnings.map((w) => w.message)).toEqual(["「节假日安排」2025-10-01（星期三）填为「班」，而内置节假日日历（chinese-days）该日为休息日（国庆节）；以本表为准（国务院办公厅通知为较新来源），请核对"]);
    const plain = calendarWithOverrides([hrow("2025-10-13", "休")]);
    expect(plain.warnings.map((w) => [w.message, w.messageEn])).toEqual([
      ["「节假日安排」2025-10-13（星期一）填为「休」，而内置节假日日历（chinese-days）该日为工作日；以本表为准（国务院办公厅通知为较新来源），请核对", "节假日安排 has 2025-10-13 (Monday) as a day off (休), the built-in calendar (chinese-days) has it as a working day: the sheet wins; please check"],
    ]);
  });
  it("a year of 班 rows only, and a 班 on a weekday of a year the sheet adds, in English", () => {
    const onlyWork = calendarWithOverrides([hrow("2027-02-06", "班")]);
    expect(onlyWork.warnings.map((w) => w.messageEn)).toEqual(["节假日安排 has only 班 rows for 2027, no 休: the year stays unknown; add its days off (休) from the State Council notice for 2027"]);
    const weekday = calendarWithOverrides([hrow("2027-02-08", "休"), hrow("2027-02-10", "班")]);
    expect(weekday.warnings.map((w) => [w.field, w.message, w.messageEn])).toEqual([
      ["holidays[1].date", "「节假日安排」2027-02-10（星期三）填为「班」，但该日本来就是工作日，此行不起作用；请核对日期（调休上班日通常在周末）", "节假日安排 has 2027-02-10 (Wednesday) as 班, but it is a weekday and a working day anyway: check the date (make-up days are usually at a weekend)"],
    ]);
  });
  it("knownYearsText: runs of years, a lone year, and none", () => {
    const fake = (knownYears: number[]) => ({ ...cal, knownYears }) as WorkCalendar;
    expect([fake([]), fake([2025]), fake([2024, 2025, 2027]), fake([2023, 2025, 2026])].map(knownYearsText)).toEqual(["无", "2025", "2024–2025、2027", "2023、2025–2026"]);
  });
});

describe("report kinds and periods as clerks space them, and the short forms", () => {
  it.each([
    ["月 报", "月报"],
    [" 季度报告 ", "季报"],
    ["年\u3000报", "年报"],
    ["周报", null],
  ])("parseReportKind %j → %j", (text, kind) => {
    expect(parseReportKind(text)).toBe(kind);
  });
  it.each([
    ["月报", "2025 - 09", "2025-09"],
    ["季报", "2025 Q3", "2025Q3"],
    ["季报", "2025年第三季", "2025Q3"],
    ["季报", "2025q4", "2025Q4"],
    ["年报", "2025年", "2025"],
    ["年报", " 2025 ", "2025"],
  ] as ["月报" | "季报" | "年报", string, string][])("%s %j → %s", (kind, text, key) => {
    expect(parseReportPeriod(kind, text)?.key).toBe(key);
  });
  it("节假日安排 problems are errors, the disagreements with the library warnings", () => {
    const hrow = (date: string, kind: string): HolidayRow => ({ date, kind: kind as HolidayRow["kind"], note: "" });
    const bad = calendarWithOverrides([hrow("2027-02-30", "休"), hrow("2027-02-08", "x"), hrow("2027-02-09", "休"), hrow("2027-02-09", "休"), hrow("2027-02-10", "休"), hrow("2027-02-10", "班")]);
    expect(bad.ok ? [] : bad.errors.map((e) => [e.code, e.severity])).toEqual([
      ["bad-holiday-date", "error"],
      ["bad-holiday-kind", "error"],
      ["duplicate-holiday", "error"],
      ["contradictory-holiday", "error"],
    ]);
    const warned = calendarWithOverrides([hrow("2025-10-13", "休"), hrow("2028-02-05", "班"), hrow("2027-02-08", "休"), hrow("2027-02-10", "班")]);
    expect(warned.warnings.map((w) => [w.code, w.severity])).toEqual([
      ["holiday-overrides-library", "warning"],
      ["holiday-year-without-rest", "warning"],
      ["holiday-workday-on-weekday", "warning"],
    ]);
  });
});
