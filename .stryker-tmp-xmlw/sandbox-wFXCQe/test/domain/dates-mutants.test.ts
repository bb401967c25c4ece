/**
 * src/domain/dates.ts, boundary by boundary (issue 17): each rule of the date and month readers with
 * a table of the values on both sides of it, every expected value worked by hand from the Gregorian
 * calendar (no value is computed by the code under test).
 */
// @ts-nocheck

import {
  addDays,
  addMonths,
  compareKeys,
  dateLabel,
  daysBetween,
  daysInMonth,
  firstDay,
  isIsoDate,
  isMonthKey,
  isoDate,
  lastDay,
  monthKey,
  monthLabel,
  monthOf,
  monthParts,
  monthRange,
  parseDate,
  parseMonth,
  parts,
  weekday,
} from "../../src/domain";

describe("isIsoDate: YYYY-MM-DD, month 1–12, day 1 to the month's last", () => {
  it.each([
    ["2025-01-01", true],
    ["2025-12-31", true],
    ["2025-00-10", false],
    ["2025-13-10", false],
    ["2025-04-30", true],
    ["2025-04-31", false],
    ["2025-04-00", false],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2025-02-28", true],
    ["2025-1-01", false],
    ["x2025-01-01", false],
    ["2025-01-01x", false],
    ["2025-01-011", false],
  ])("%s → %s", (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });
});

describe("isMonthKey: YYYY-MM, month 1–12", () => {
  it.each([
    ["2025-01", true],
    ["2025-12", true],
    ["2025-00", false],
    ["2025-13", false],
    ["2025-1", false],
    ["x2025-01", false],
    ["2025-01x", false],
    ["2025-10-01", false],
  ])("%s → %s", (text, valid) => {
    expect(isMonthKey(text)).toBe(valid);
  });
});

describe("days in a month (leap years by the Gregorian rule)", () => {
  it.each([
    [2025, 1, 31],
    [2025, 2, 28],
    [2024, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])("%i-%i has %i days", (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });
  it.each([
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2025-02", "2025-02-01", "2025-02-28"],
    ["2025-11", "2025-11-01", "2025-11-30"],
  ])("%s runs from %s to %s", (m, first, last) => {
    expect([firstDay(m), lastDay(m)]).toEqual([first, last]);
  });
});

describe("texts and parts: zero-padded keys, unpadded labels", () => {
  it("pads year, month and day", () => {
    expect([isoDate(987, 3, 4), monthKey(987, 3), isoDate(2025, 10, 13), monthKey(2025, 10)]).toEqual(["0987-03-04", "0987-03", "2025-10-13", "2025-10"]);
  });
  it("splits dates and months into numbers", () => {
    expect(parts("2025-03-09")).toEqual({ year: 2025, month: 3, day: 9 });
    expect(monthParts("2025-03")).toEqual({ year: 2025, month: 3 });
    expect(monthOf("2025-03-09")).toBe("2025-03");
  });
  it("labels in Chinese without zero padding", () => {
    expect([monthLabel("2025-03"), monthLabel("2025-10"), dateLabel("2025-03-09"), dateLabel("2025-10-13")]).toEqual(["2025年3月", "2025年10月", "2025年3月9日", "2025年10月13日"]);
  });
});

describe("compareKeys: code-unit order, 0 only for equal keys", () => {
  it.each([
    ["2025-03", "2025-04", -1],
    ["2025-04", "2025-03", 1],
    ["2025-03", "2025-03", 0],
    ["2025Q1", "2025Q2", -1],
    ["2025-12-31", "2026-01-01", -1],
  ])("%s vs %s → %i", (a, b, order) => {
    expect(compareKeys(a, b)).toBe(order);
  });
});

describe("day arithmetic across months, years and 1970", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2025-01-01", -1, "2024-12-31"],
    ["1970-01-01", -1, "1969-12-31"],
    ["2025-10-13", 0, "2025-10-13"],
    ["2025-10-13", 30, "2025-11-12"],
  ])("%s + %i days = %s", (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
  });
  it.each([
    ["2025-01-01", "2025-12-31", 364],
    ["2024-01-01", "2024-12-31", 365],
    ["2025-10-13", "2025-10-10", -3],
    ["2025-10-13", "2025-10-13", 0],
  ])("%s → %s is %i days", (from, to, n) => {
    expect(daysBetween(from, to)).toBe(n);
  });
  it.each([
    ["2025-10-12", 0],
    ["2025-10-13", 1],
    ["2025-10-18", 6],
    ["1970-01-01", 4],
    ["1969-12-31", 3],
    ["1969-12-28", 0],
    ["1900-01-01", 1],
  ])("%s is weekday %i (0 = Sunday)", (date, day) => {
    expect(weekday(date)).toBe(day);
  });
});

describe("month arithmetic", () => {
  it.each([
    ["2025-10", 1, "2025-11"],
    ["2025-12", 1, "2026-01"],
    ["2025-01", -1, "2024-12"],
    ["2025-01", -13, "2023-12"],
    ["2025-03", 12, "2026-03"],
    ["2025-03", 0, "2025-03"],
  ])("%s + %i months = %s", (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });
  it.each([
    ["2024-11", "2025-02", ["2024-11", "2024-12", "2025-01", "2025-02"]],
    ["2025-03", "2025-03", ["2025-03"]],
    ["2025-04", "2025-03", []],
  ])("monthRange(%s, %s) is inclusive", (from, to, months) => {
    expect(monthRange(from, to)).toEqual(months);
  });
});

describe("parseMonth: a month as clerks type it, years 1900–2999, months 1–12", () => {
  it.each([
    ["2025-10", "2025-10"],
    ["2025-3", "2025-03"],
    ["2025年3月", "2025-03"],
    ["2025年3月份", "2025-03"],
    ["2025.10", "2025-10"],
    ["2025/10", "2025-10"],
    ["202510", "2025-10"],
    ["2025年 10 月", "2025-10"],
    [" 2025-10 ", "2025-10"],
    ["２０２５-１０", "2025-10"],
    ["1900-01", "1900-01"],
    ["1899-12", null],
    ["2999-12", "2999-12"],
    ["3000-01", null],
    ["2025-00", null],
    ["2025-13", null],
    ["2025-12", "2025-12"],
    ["2025-01", "2025-01"],
    ["x2025-10", null],
    ["2025-10x", null],
    ["2025-10-13", null],
    ["2025103", null],
    ["2025年10月份x", null],
    ["", null],
  ])("%j → %j", (text, month) => {
    expect(parseMonth(text)).toBe(month);
  });
});

describe("parseDate: a real calendar date as typed", () => {
  it.each([
    ["2025-10-13", "2025-10-13"],
    ["2025/10/13", "2025-10-13"],
    ["2025.10.13", "2025-10-13"],
    ["2025年10月13日", "2025-10-13"],
    ["2025年1月3日", "2025-01-03"],
    ["20251013", "2025-10-13"],
    ["２０２５年１０月１３日", "2025-10-13"],
    [" 2025 - 10 - 13 ", "2025-10-13"],
    ["2025-02-29", null],
    ["2024-02-29", "2024-02-29"],
    ["2025-13-01", null],
    ["2025-10-32", null],
    ["x2025-10-13", null],
    ["2025-10-13x", null],
    ["2025101", null],
    ["x20251013", null],
    ["920251013", null],
    ["202510131", null],
    ["2025-10", null],
    ["", null],
  ])("%j → %j", (text, date) => {
    expect(parseDate(text)).toBe(date);
  });
});
