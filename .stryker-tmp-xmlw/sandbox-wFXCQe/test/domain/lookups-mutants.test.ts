/**
 * The small lookups of src/domain (issue 17): an indicator or a scorecard row asked for by a key that
 * does not exist is a programming error that names the key; a blank month; a problem without a
 * month; the error a calendar throws for a date it does not know.
 */
// @ts-nocheck

import { emptyIndicators, indicatorField, INDICATOR_FIELDS, problem, scorecardItem, UnknownDateError, type IndicatorKey } from "../../src/domain";

describe("lookups by key", () => {
  it("indicatorField: every key of 指标录入, and a RangeError naming an unknown one", () => {
    expect(INDICATOR_FIELDS.map((f) => indicatorField(f.key).header)).toEqual(INDICATOR_FIELDS.map((f) => f.header));
    expect(indicatorField("examSat")).toEqual(expect.objectContaining({ header: "按时参考人数", en: "staff who sat the exam in time", kind: "count", optional: false, rows: [10] }));
    expect(() => indicatorField("seats" as IndicatorKey)).toThrow(new RangeError("unknown indicator seats"));
  });
  it("scorecardItem: rows 1 to 14, a RangeError naming any other", () => {
    expect([scorecardItem(1).indicator, scorecardItem(14).indicator]).toEqual(["队伍建设", "弄虚作假"]);
    expect(() => scorecardItem(0)).toThrow(new RangeError("no scorecard item 0"));
    expect(() => scorecardItem(15)).toThrow(new RangeError("no scorecard item 15"));
  });
});

describe("a blank month of 指标录入", () => {
  it("has the month and every indicator blank", () => {
    const blank = emptyIndicators("2025-10");
    expect(blank.month).toBe("2025-10");
    expect(Object.keys(blank).sort()).toEqual(["month", ...INDICATOR_FIELDS.map((f) => f.key)].sort());
    expect(INDICATOR_FIELDS.filter((f) => blank[f.key] !== null)).toEqual([]);
  });
});

describe("problems", () => {
  it("carry the month only when there is one", () => {
    expect(problem("warning", "c", "f", "中", "en")).toStrictEqual({ severity: "warning", code: "c", field: "f", message: "中", messageEn: "en" });
    expect(problem("error", "c", "f", "中", "en", "2025-10")).toStrictEqual({ severity: "error", code: "c", field: "f", message: "中", messageEn: "en", month: "2025-10" });
  });
  it("UnknownDateError names the date and how to add its year", () => {
    const e = new UnknownDateError("2031-05-12");
    expect([e.name, e.date, e.message, e instanceof Error]).toEqual(["UnknownDateError", "2031-05-12", "date 2031-05-12 is outside the PRC working-day calendar (add its year in the 节假日安排 sheet, from the State Council notice)", true]);
  });
});
