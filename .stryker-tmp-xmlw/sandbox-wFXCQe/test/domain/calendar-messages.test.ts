/**
 * SPEC §9 節假日安排, what the clerk reads: the exact messages of bad rows (which entry, which date),
 * the warnings when the sheet and the library disagree (naming both), the known-year ranges in the
 * unknown-date message, and the edges of the working-day arithmetic. Written from Stryker's
 * survivors over src/domain/calendar.ts: each assertion is one a wrong rule or message would fail.
 */
// @ts-nocheck

import { calendarWithOverrides, HolidayRow, knownYearsText, LIBRARY_CALENDAR, parseHolidayKind, WorkCalendar } from "../../src/domain";

const row = (date: string, kind: string, note = ""): HolidayRow => ({ date, kind: kind as HolidayRow["kind"], note });

function calendar(rows: HolidayRow[]): WorkCalendar {
  const r = calendarWithOverrides(rows);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe("bad 节假日安排 rows: the message names the entry and the date", () => {
  it.each([
    [[row("2027-02-08", "休"), row("2027-02-30", "休")], "bad-holiday-date", "holidays[1].date", "「节假日安排」第 2 条的日期「2027-02-30」不是有效日期（如 2027-02-08）"],
    [[row("2027-02-08", "调休")], "bad-holiday-kind", "holidays[0].kind", "「节假日安排」第 1 条的类型「调休」应为 休（放假）或 班（调休上班）"],
    [[row("2027-02-08", "休"), row("2027-02-09", "休"), row("2027-02-08", "休")], "duplicate-holiday", "holidays[2].date", "2027-02-08 在「节假日安排」中登记了两次（另见第 1 条）"],
    [[row("2027-02-09", "休"), row("2027-02-09", "班")], "contradictory-holiday", "holidays[1].date", "2027-02-09 在「节假日安排」中既填为「休」（第 1 条）又填为「班」，请只保留正确的一行"],
  ])("%#: %s", (rows, code, field, message) => {
    const r = calendarWithOverrides(rows);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.field, e.message])).toEqual([[code, field, message]]);
  });

  it("a bad date and a bad 类型 on one row are both reported", () => {
    const r = calendarWithOverrides([row("明年春节", "放")]);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(["bad-holiday-date", "bad-holiday-kind"]);
  });
});

describe("the sheet over the library: it wins, and says so naming both", () => {
  it("休 on a day the library has as a working day (2025-10-11, a 调休 Saturday)", () => {
    const r = calendarWithOverrides([row("2025-10-11", "休", "按新通知")]);
    if (!r.ok) throw new Error("refused");
    expect(r.value.isWorkingDay("2025-10-11")).toBe(false);
    expect(r.value.dayNote("2025-10-11")).toBe("按新通知");
    expect(r.warnings.map((w) => [w.code, w.field, w.message])).toEqual([
      ["holiday-overrides-library", "holidays[0].kind", "「节假日安排」2025-10-11（星期六）填为「休」，而内置节假日日历（chinese-days）该日为工作日（国庆节调休上班）；以本表为准（国务院办公厅通知为较新来源），请核对"],
    ]);
  });

  it("班 on an ordinary weekend day of a known year (2025-10-12, a Sunday)", () => {
    const r = calendarWithOverrides([row("2025-10-12", "班")]);
    if (!r.ok) throw new Error("refused");
    expect(r.value.isWorkingDay("2025-10-12")).toBe(true);
    expect(r.warnings.map((w) => w.message)).toEqual(["「节假日安排」2025-10-12（星期日）填为「班」，而内置节假日日历（chinese-days）该日为休息日（周末）；以本表为准（国务院办公厅通知为较新来源），请核对"]);
  });

  it("a row that agrees with the library is silent", () => {
    const r = calendarWithOverrides([row("2025-10-01", "休", "国庆节"), row("2025-10-11", "班")]);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it("a note is kept trimmed; a blank note is no note", () => {
    const c = calendar([row("2027-02-08", "休", "  春节  "), row("2027-02-09", "休", "   ")]);
    expect([c.dayNote("2027-02-08"), c.dayNote("2027-02-09")]).toEqual(["春节", null]);
  });
});

describe("a year only the sheet knows", () => {
  it("班 rows alone do not make a year known, once warned for the year", () => {
    const r = calendarWithOverrides([row("2027-02-06", "班"), row("2027-02-20", "班")]);
    if (!r.ok) throw new Error("refused");
    expect(r.value.isKnownDate("2027-02-06")).toBe(false);
    expect(r.warnings.map((w) => [w.code, w.message])).toEqual([
      ["holiday-year-without-rest", "「节假日安排」中 2027 年只有「班」行、没有「休」行，该年份仍不在日历中；请按国务院办公厅关于 2027 年部分节假日安排的通知补填放假日（休）"],
    ]);
  });

  it.each([
    ["2027-02-08", "星期一", true],
    ["2027-02-12", "星期五", true],
    ["2027-02-13", "星期六", false],
    ["2027-02-14", "星期日", false],
  ])("班 on %s (%s) warns that it changes nothing: %s", (date, day, warns) => {
    const r = calendarWithOverrides([row("2027-01-01", "休"), row(date, "班")]);
    if (!r.ok) throw new Error("refused");
    expect(r.warnings.map((w) => w.message)).toEqual(warns ? [`「节假日安排」${date}（${day}）填为「班」，但该日本来就是工作日，此行不起作用；请核对日期（调休上班日通常在周末）`] : []);
  });

  it("its years join the library's in order, and the ranges say so", () => {
    const c = calendar([row("2028-01-03", "休"), row("2027-01-01", "休")]);
    const last = LIBRARY_CALENDAR.knownYears[LIBRARY_CALENDAR.knownYears.length - 1] as number;
    expect(c.knownYears.slice(-2)).toEqual([2027, 2028]);
    expect([...c.knownYears]).toEqual([...c.knownYears].sort((a, b) => a - b));
    expect(c.knownYears[0]).toBe(LIBRARY_CALENDAR.knownYears[0]);
    expect(knownYearsText(c)).toBe(`${LIBRARY_CALENDAR.knownYears[0]}–2028`);
    expect(knownYearsText(calendar([row("2029-01-01", "休")]))).toBe(`${LIBRARY_CALENDAR.knownYears[0]}–${last}、2029`);
    expect(knownYearsText(calendar([row("2029-01-01", "休"), row("2031-01-01", "休")]))).toBe(`${LIBRARY_CALENDAR.knownYears[0]}–${last}、2029、2031`);
  });
});

describe("类型 as typed", () => {
  it.each([
    ["休", "休"],
    [" 休 息 ", "休"],
    ["放假（春节）", "休"],
    ["补班", "班"],
    ["上班(调休)", "班"],
    ["ＷＯＲＫ", "班"],
    ["调休", null],
    ["", null],
  ])("%p → %p", (text, kind) => expect(parseHolidayKind(text)).toBe(kind));
});

describe("working-day arithmetic at its edges", () => {
  it.each([-1, 1.5, Number.NaN])("addWorkingDays refuses a count of %p", (n) => {
    expect(() => LIBRARY_CALENDAR.addWorkingDays("2025-10-09", n)).toThrow(`working-day count must be a whole number ≥ 0, got ${n}`);
  });

  it("0 working days after a date is the date itself; the 1st after a Friday is the Monday", () => {
    expect(LIBRARY_CALENDAR.addWorkingDays("2025-05-09", 0)).toBe("2025-05-09");
    expect(LIBRARY_CALENDAR.addWorkingDays("2025-05-09", 1)).toBe("2025-05-12");
  });

  it("a shifted date asked twice gives the same day (the per-calendar cache)", () => {
    const c = calendar([row("2027-01-01", "休")]);
    expect([c.shiftToWorkingDay("2027-01-01"), c.shiftToWorkingDay("2027-01-01")]).toEqual(["2027-01-04", "2027-01-04"]);
  });
});
