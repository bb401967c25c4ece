/** PRC working days: 遇节假日顺延, N working days after an invoice, working days late. */
import { LIBRARY_CALENDAR, nominalDueDate, parseReportPeriod, reportDueDate, reportScoredMonth, UnknownDateError, weekday } from "../../src/domain";

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
