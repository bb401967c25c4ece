/**
 * SPEC §9 节假日安排: "one row per day that differs from an ordinary week: 日期 | 类型 (休 / 班) | 说明.
 * It extends and overrides the library's calendar: a year is known when the library knows it or when
 * this sheet has at least one 休 row in it. A row that disagrees with the library for a year the
 * library knows wins … and is warned about, naming both. A date in a year neither knows is still an
 * error, and the message says how to add that year here."
 *
 * The 2027 schedule below is hypothetical (the State Council had not published it when this was
 * written): 元旦 Fri 2027-01-01 off; 春节 Sat 02-06 … Fri 02-12 off; make-up working Saturdays 02-13
 * and 02-20. Every expected date is worked by hand beside it.
 */
// @ts-nocheck

import {
  calendarWithOverrides,
  defaultRules,
  expectedReports,
  fixed2,
  HolidayRow,
  knownYearsText,
  LIBRARY_CALENDAR,
  parseHolidayKind,
  parseReportPeriod,
  ReportPeriod,
  reportDueDate,
  RuleSet,
  scoreMonth,
  settle,
  UnknownDateError,
  unknownDateMessage,
  WorkCalendar,
} from "../../src/domain";
import { perfectMonth } from "./builders";

const day = (date: string, kind: "休" | "班", note = ""): HolidayRow => ({ date, kind, note });

const SCHEDULE_2027: HolidayRow[] = [
  day("2027-01-01", "休", "元旦"),
  ...["06", "07", "08", "09", "10", "11", "12"].map((d) => day(`2027-02-${d}`, "休", "春节")),
  day("2027-02-13", "班", "春节"),
  day("2027-02-20", "班", "春节"),
];

function calendarOf(rows: HolidayRow[], base?: WorkCalendar): { calendar: WorkCalendar; warnings: string[] } {
  const r = base ? calendarWithOverrides(rows, base) : calendarWithOverrides(rows);
  if (!r.ok) throw new Error(`refused: ${r.errors.map((e) => `${e.field} ${e.code}`).join("; ")}`);
  return { calendar: r.value, warnings: r.warnings.map((w) => `${w.field} ${w.code}`) };
}

const CAL_2027 = calendarOf(SCHEDULE_2027).calendar;
const RULES_2027: RuleSet = { ...defaultRules(), calendar: CAL_2027 };
const period = (kind: "月报" | "季报" | "年报", text: string): ReportPeriod => {
  const p = parseReportPeriod(kind, text);
  if (!p) throw new Error(`bad period ${text}`);
  return p;
};

describe("a year is known when the library knows it or the rows have at least one 休 in it", () => {
  it("the library alone does not know 2027 (the premise of this file)", () => {
    expect(LIBRARY_CALENDAR.knownYears).not.toContain(2027);
    expect(LIBRARY_CALENDAR.isKnownDate("2027-03-03")).toBe(false);
    expect(() => LIBRARY_CALENDAR.isWorkingDay("2027-03-03")).toThrow(UnknownDateError);
  });

  it("the 2027 rows make 2027 known, the library's years stay known", () => {
    expect(CAL_2027.knownYears).toEqual([...LIBRARY_CALENDAR.knownYears, 2027]);
    expect(knownYearsText(LIBRARY_CALENDAR)).toBe("2004–2026");
    expect(knownYearsText(CAL_2027)).toBe("2004–2027");
    expect(CAL_2027.isKnownDate("2027-12-31")).toBe(true);
    expect(CAL_2027.isKnownDate("2028-01-03")).toBe(false);
  });

  it.each([
    ["2027-01-01", false, "Friday, 元旦 休"],
    ["2027-02-10", false, "Wednesday, 春节 休"],
    ["2027-02-06", false, "Saturday, 休 (a weekend day the notice lists)"],
    ["2027-02-13", true, "Saturday, 班"],
    ["2027-02-14", false, "Sunday, not in the notice"],
    ["2027-02-15", true, "Monday, not in the notice"],
    ["2027-02-20", true, "Saturday, 班"],
    ["2027-03-03", true, "an ordinary Wednesday"],
    ["2027-03-06", false, "an ordinary Saturday"],
    ["2026-10-01", false, "2026 from the library: 国庆节"],
    ["2026-10-10", true, "2026 from the library: a 调休 Saturday"],
  ])("%s is a working day: %p (%s)", (date, working) => {
    expect(CAL_2027.isWorkingDay(date)).toBe(working);
  });

  it("gives the row's 说明 as the day's name, and the library's where there is no row", () => {
    expect(CAL_2027.dayNote("2027-02-10")).toBe("春节");
    expect(CAL_2027.dayNote("2027-03-03")).toBeNull();
    expect(CAL_2027.dayNote("2026-10-01")).toBe("国庆节");
  });

  it("班 rows alone do not make a year known, and say so", () => {
    const { calendar, warnings } = calendarOf([day("2028-01-29", "班"), day("2028-02-05", "班")]);
    expect(calendar.knownYears).not.toContain(2028);
    expect(() => calendar.isWorkingDay("2028-01-29")).toThrow(UnknownDateError);
    expect(warnings).toEqual(["holidays[0].kind holiday-year-without-rest"]);
  });

  it("no rows: the base calendar itself", () => {
    expect(calendarOf([]).calendar).toBe(LIBRARY_CALENDAR);
    expect(calendarOf([], CAL_2027).calendar).toBe(CAL_2027);
  });
});

describe("due dates and days late through a 2027 schedule typed into rows (SPEC §3 on the §9 calendar)", () => {
  it.each([
    // 月报 2027-01: due 02-10 (Wed, 休) → 02-11, 02-12 休 → 02-13, a 班 Saturday.
    ["月报", "2027-01", "2027-02-13", "unknown"],
    // 月报 2026-12: due 01-10 (Sunday) → Monday 01-11.
    ["月报", "2026-12", "2027-01-11", "unknown"],
    // 季报 2026Q4: due 01-15, a Friday.
    ["季报", "2026Q4", "2027-01-15", "unknown"],
    // 年报 2026: 2026-12-31 is a Thursday, a working day in the library's 2026 (the rows change nothing).
    ["年报", "2026", "2026-12-31", "2026-12-31"],
  ] as const)("%s %s is due %s (the library alone: %s)", (kind, text, due, library) => {
    expect(reportDueDate(period(kind, text), CAL_2027)).toBe(due);
    if (library === "unknown") expect(() => reportDueDate(period(kind, text), LIBRARY_CALENDAR)).toThrow(UnknownDateError);
    else expect(reportDueDate(period(kind, text), LIBRARY_CALENDAR)).toBe(library);
  });

  it.each([
    ["2027-02-13", "2027-02-13", 0],
    ["2027-02-13", "2027-02-16", 2], // 02-14 Sunday no; 02-15, 02-16
    ["2027-02-13", "2027-02-22", 7], // 02-15…02-19 (5), 02-20 班 (6), 02-21 Sunday, 02-22 (7)
    ["2027-01-29", "2027-02-15", 7], // 02-01…02-05 (5), 02-06…02-12 休, 02-13 班 (6), 02-14 Sunday, 02-15 (7)
    ["2026-12-31", "2027-01-04", 1], // 01-01 元旦 休, 01-02/03 weekend, 01-04 (1): across the library's year and the rows'
  ])("due %s, submitted %s → %i working days late", (due, submitted, late) => {
    expect(CAL_2027.workingDaysLate(due, submitted)).toBe(late);
  });

  it.each([
    ["2027-02", 15, "2027-02-15"], // Monday
    ["2027-02", 10, "2027-02-13"], // 10th 休 → the 班 Saturday
    ["2027-01", 1, "2027-01-04"], // 元旦 Friday, then the weekend
  ])("exam deadline of %s (day %i) is %s", (month, examDay, deadline) => {
    expect(CAL_2027.examDeadline(month, examDay)).toBe(deadline);
  });

  it("30 working days after an invoice of 2026-12-18 end on 2027-02-01 (元旦 2027-01-01 not counted); the library alone refuses", () => {
    // 12-21…12-25 (5), 12-28…12-31 (9), 01-01 休, 01-04…01-08 (14), 01-11…15 (19), 01-18…22 (24), 01-25…29 (29), 02-01 (30).
    expect(CAL_2027.addWorkingDays("2026-12-18", 30)).toBe("2027-02-01");
    expect(() => LIBRARY_CALENDAR.addWorkingDays("2026-12-18", 30)).toThrow(UnknownDateError);
  });

  it("scoreMonth of 2027-02 scores row 4 through the rows: 月报 2027-01 due the 班 Saturday 02-13, submitted 02-16, 2 days late → 3.00", () => {
    const reports = [{ kind: "月报", period: "2027-01", submitted: "2027-02-16", extensionApproved: false }];
    const outcome = scoreMonth(perfectMonth("2027-02"), [], reports, RULES_2027);
    if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join("; "));
    const row4 = outcome.value.items.find((i) => i.no === 4);
    expect(fixed2(row4!.score)).toBe("3.00");
    expect(row4!.summary).toBe("月报(2027-01) 应交 2027-02-13（2027-02-10 非工作日，顺延），2027-02-16 提交，迟 2 个工作日");
    const row10 = outcome.value.items.find((i) => i.no === 10);
    expect(row10!.inputs["考试截止日"]).toBe("2027-02-15");
    // The library alone refuses the month, naming the sheet that would make it known.
    const refused = scoreMonth(perfectMonth("2027-02"), [], reports, defaultRules());
    expect(refused.ok).toBe(false);
    expect(refused.ok ? "" : refused.errors[0]?.message).toContain("「节假日安排」");
  });

  it("settle computes a 2027 due date through the rows (instalment 3 invoiced 2026-12-18 → due 2027-02-01)", () => {
    const totals: Record<string, string> = {};
    for (const m of ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"]) totals[m] = "96";
    const result = settle(totals, [{ number: 3, invoiceDate: "2026-12-18", paidDate: null }], RULES_2027);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("; "));
    expect(result.value.instalments.find((i) => i.number === 3)?.dueDate).toBe("2027-02-01");
  });
});

describe("a row that disagrees with the library wins, with a warning naming both", () => {
  // 2026 in the library: 10-01…10-07 国庆节 off, Saturday 10-10 a make-up working day, Friday 10-09 ordinary.
  it.each([
    [day("2026-10-09", "休", "补充放假"), false, "2026-10-09（星期五）填为「休」", "工作日"],
    [day("2026-10-10", "休"), false, "2026-10-10（星期六）填为「休」", "工作日（国庆节调休上班）"],
    [day("2026-10-07", "班"), true, "2026-10-07（星期三）填为「班」", "休息日（国庆节）"],
    [day("2026-03-07", "班"), true, "2026-03-07（星期六）填为「班」", "休息日（周末）"],
  ])("%o → working %p, the warning names the row (%s) and the library (%s)", (row, working, rowWords, libraryWords) => {
    const r = calendarWithOverrides([day("2026-10-01", "休", "国庆节"), row]);
    if (!r.ok) throw new Error("refused");
    expect(r.value.isWorkingDay(row.date)).toBe(working);
    // The row that agrees with the library (10-01 休) is not warned about.
    expect(r.warnings.map((w) => [w.field, w.code])).toEqual([["holidays[1].kind", "holiday-overrides-library"]]);
    expect(r.warnings[0]?.message).toContain(rowWords);
    expect(r.warnings[0]?.message).toContain(`内置节假日日历（chinese-days）该日为${libraryWords}；以本表为准`);
    expect(r.warnings[0]?.messageEn).toContain("the sheet wins");
  });

  it("the override moves a due date, and each calendar keeps its own memo (the library's answer is unchanged)", () => {
    const p = period("月报", "2026-09"); // nominal 2026-10-10, a 调休 Saturday in the library
    const moved = calendarOf([day("2026-10-10", "休")]).calendar;
    expect(reportDueDate(p, LIBRARY_CALENDAR)).toBe("2026-10-10");
    expect(reportDueDate(p, moved)).toBe("2026-10-12"); // 10-10 休, 10-11 Sunday → Monday
    expect(reportDueDate(p, LIBRARY_CALENDAR)).toBe("2026-10-10");
    expect(LIBRARY_CALENDAR.shiftToWorkingDay("2026-10-10")).toBe("2026-10-10");
    expect(moved.shiftToWorkingDay("2026-10-10")).toBe("2026-10-12");
    // expectedReports (memoised) expects the 月报 2026-09 in October on the library's calendar and
    // not on one whose rows push its due date out of October, whichever is asked first.
    const november = calendarOf(["10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31"].map((d) => day(`2026-10-${d}`, "休"))).calendar;
    const termRules = (calendar: WorkCalendar): RuleSet => ({ ...defaultRules(), contract: { ...defaultRules().contract, firstMonth: "2026-01", lastMonth: "2026-12" }, calendar });
    expect(expectedReports("2026-10", termRules(LIBRARY_CALENDAR)).map((x) => x.key)).toContain("2026-09");
    expect(expectedReports("2026-10", termRules(november)).map((x) => x.key)).not.toContain("2026-09");
    expect(expectedReports("2026-10", termRules(LIBRARY_CALENDAR)).map((x) => x.key)).toContain("2026-09");
  });

  it("a 班 on an ordinary weekday of a sheet-only year changes nothing and is warned about", () => {
    const { warnings } = calendarOf([...SCHEDULE_2027, day("2027-03-03", "班")]);
    expect(warnings).toEqual([`holidays[${SCHEDULE_2027.length}].date holiday-workday-on-weekday`]);
  });
});

describe("a date in a year neither knows is an error whose message says how to add that year", () => {
  it("the message names 节假日安排, its columns and the State Council notice of that year", () => {
    const [zh, en] = unknownDateMessage("2031-01-06", LIBRARY_CALENDAR);
    expect(zh).toBe(
      "日期 2031-01-06 超出法定节假日日历的已知年份（2004–2026），无法计算工作日；如需 2031 年：请在「节假日安排」工作表按国务院办公厅关于 2031 年部分节假日安排的通知逐日填写（日期 | 类型（休/班）| 说明），放假的日子填「休」，调休上班的日子填「班」",
    );
    expect(en).toContain("节假日安排 sheet, one row per day: 日期 | 类型 (休 = day off, 班 = make-up working day) | 说明");
    expect(unknownDateMessage("2028-05-01", CAL_2027)[0]).toContain("已知年份（2004–2027）");
  });

  it.each<[string, () => { ok: boolean; errors?: { code: string; field: string; message: string }[] }]>([
    ["scoring: a submission date", () => scoreMonth(perfectMonth("2025-11"), [], [{ kind: "月报", period: "2025-10", submitted: "2031-05-12", extensionApproved: false }], defaultRules())],
    ["scoring: a month whose exam deadline is unknown", () => scoreMonth(perfectMonth("2028-03"), [], [], RULES_2027)],
    ["scoring: a report whose due date is unknown", () => scoreMonth(perfectMonth("2027-11"), [], [{ kind: "月报", period: "2027-12", submitted: null, extensionApproved: false }], RULES_2027)],
    ["settlement: a payment due date past the known years", () => settle({}, [{ number: 1, invoiceDate: "2027-12-20", paidDate: null }], RULES_2027)],
  ])("%s", (_name, run) => {
    const r = run();
    expect(r.ok).toBe(false);
    const unknown = (r.errors ?? []).filter((e) => e.code === "unknown-date");
    expect(unknown.length).toBeGreaterThan(0);
    for (const e of unknown) expect(e.message).toMatch(/如需 20\d\d 年：请在「节假日安排」工作表按国务院办公厅关于 20\d\d 年部分节假日安排的通知逐日填写/);
  });
});

describe("bad rows are refused: not a date, not 休/班, a date given twice", () => {
  it.each<[string, HolidayRow[], [string, string][]]>([
    ["not a date", [day("2027-02-30", "休")], [["holidays[0].date", "bad-holiday-date"]]],
    ["not 休/班", [{ date: "2027-02-10", kind: "调休" as "休", note: "" }], [["holidays[0].kind", "bad-holiday-kind"]]],
    ["the same date twice", [day("2027-02-10", "休"), day("2027-02-11", "休"), day("2027-02-10", "休")], [["holidays[2].date", "duplicate-holiday"]]],
    ["one date both 休 and 班", [day("2027-02-10", "休"), day("2027-02-10", "班")], [["holidays[1].date", "contradictory-holiday"]]],
  ])("%s", (_name, rows, errors) => {
    const r = calendarWithOverrides(rows);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => [e.field, e.code])).toEqual(errors);
  });

  it("the duplicate's message points to the first entry", () => {
    const r = calendarWithOverrides([day("2027-02-10", "休"), day("2027-02-10", "班")]);
    expect(r.ok ? "" : r.errors[0]?.message).toBe("2027-02-10 在「节假日安排」中既填为「休」（第 1 条）又填为「班」，请只保留正确的一行");
  });
});

describe("类型 as clerks type it", () => {
  it.each([
    ["休", "休"], ["休息", "休"], ["放假", "休"], [" 休 ", "休"], ["法定节假日", "休"],
    ["班", "班"], ["上班", "班"], ["补班", "班"], ["调休上班", "班"], ["工作日", "班"],
    ["调休", null], ["", null], ["周末", null],
  ])("%p → %p", (text, kind) => {
    expect(parseHolidayKind(text)).toBe(kind);
  });
});
