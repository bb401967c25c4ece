/** Reports by period with their due date, and what 添加报告 proposes (issue 15 point 4). */
// @ts-nocheck

import { defaultRules, type RuleSet } from "../../src/domain";
import { entryPlace, nextReport, reportDue, reportsDueIn } from "../../src/workbook/drafts/input-rows";
import { readInputs } from "../../src/workbook/read/read-inputs";
import { OCTOBER, workbook } from "../taskpane/fixtures";

const PREVIOUS_YEAR: RuleSet = { ...defaultRules(), scoring: { ...defaultRules().scoring, annualReportYear: "previousYear" } };

describe("reportDue", () => {
  it("gives the canonical period, the due date after 遇节假日顺延 and the month it is scored in", () => {
    expect(reportDue("月报", "2025-09")).toEqual({ kind: "月报", period: "2025-09", due: "2025-10-10", month: "2025-10" });
    expect(reportDue("月报", "2025年9月")).toEqual({ kind: "月报", period: "2025-09", due: "2025-10-10", month: "2025-10" });
    expect(reportDue("季报", "2025Q3")).toEqual({ kind: "季报", period: "2025Q3", due: "2025-10-15", month: "2025-10" });
    // 2025-05-10 is a Saturday: moved to Monday the 12th
    expect(reportDue("月报", "2025-04")?.due).toBe("2025-05-12");
    // 2025-02-10 is a Monday after the Spring Festival; 2025-01-10 a Friday
    expect(reportDue("月报", "2024-12")?.due).toBe("2025-01-10");
    expect(reportDue("年报", "2025")).toEqual({ kind: "年报", period: "2025", due: "2025-12-31", month: "2025-12" });
    expect(reportDue("年报", "2024", PREVIOUS_YEAR)?.due).toBe("2025-12-31");
  });

  it("is null for what cannot be read", () => {
    expect(reportDue("周报", "2025-09")).toBeNull();
    expect(reportDue("月报", "九月")).toBeNull();
    expect(reportDue("季报", "2025-09")).toBeNull();
    // a date outside the calendar's known years is not guessed
    expect(reportDue("月报", "1990-01")).toBeNull();
  });
});

describe("reportsDueIn", () => {
  it("lists the 月报 of the month before, the 季报 when the month opens a quarter, the 年报 in December", () => {
    expect(reportsDueIn("2025-10")).toEqual([
      { kind: "月报", period: "2025-09" },
      { kind: "季报", period: "2025Q3" },
    ]);
    expect(reportsDueIn("2025-11")).toEqual([{ kind: "月报", period: "2025-10" }]);
    expect(reportsDueIn("2025-12")).toEqual([
      { kind: "月报", period: "2025-11" },
      { kind: "年报", period: "2025" },
    ]);
    expect(reportsDueIn("2025-01")).toEqual([
      { kind: "月报", period: "2024-12" },
      { kind: "季报", period: "2024Q4" },
    ]);
    expect(reportsDueIn("2025-12", PREVIOUS_YEAR)).toEqual([
      { kind: "月报", period: "2025-11" },
      { kind: "年报", period: "2024" },
    ]);
  });
});

describe("nextReport", () => {
  const blank = { row: null, submitted: "", extensionApproved: null };
  it("proposes the first report due in the month that is not logged", () => {
    expect(nextReport("2025-10", [])).toEqual({ ...blank, kind: "月报", period: "2025-09" });
    expect(nextReport("2025-10", [{ kind: "月报", period: "2025-09" }])).toEqual({ ...blank, kind: "季报", period: "2025Q3" });
    // written another way, still the same period
    expect(nextReport("2025-10", [{ kind: "月报", period: "2025年9月" }]).kind).toBe("季报");
    expect(nextReport("2025-10", [{ kind: "月度报告", period: "2025-09" }, { kind: "季报", period: "2025年第三季度" }])).toEqual({ ...blank, kind: "月报", period: "2025-10" });
  });

  it("never proposes a logged period: past the month's, the next 月报 not logged", () => {
    const logged = [
      { kind: "月报", period: "2025-09" },
      { kind: "季报", period: "2025Q3" },
      { kind: "月报", period: "2025-10" },
      { kind: "月报", period: "2025-11" },
    ];
    expect(nextReport("2025-10", logged)).toEqual({ ...blank, kind: "月报", period: "2025-12" });
    for (const month of ["2024-12", "2025-01", "2025-03", "2025-06", "2025-07", "2025-12"]) {
      const seen: { kind: string; period: string }[] = [];
      for (let i = 0; i < 6; i++) {
        const r = nextReport(month, seen);
        expect(seen.some((s) => s.kind === r.kind && s.period === r.period)).toBe(false);
        seen.push(r);
      }
    }
  });

  it("ignores rows whose kind or period cannot be read", () => {
    expect(nextReport("2025-11", [{ kind: "周报", period: "2025-10" }, { kind: "月报", period: "?" }])).toEqual({ ...blank, kind: "月报", period: "2025-10" });
  });
});

describe("entryPlace: where a message's 「另见第 N 条」 is", () => {
  it("gives the sheet and cell of the Nth entry read from an input sheet", () => {
    const reports = [...OCTOBER.reports!, { kind: "季报" as const, period: "2025Q3", submitted: "2025-10-15", extensionApproved: false }, { ...OCTOBER.reports![0]! }];
    const inputs = readInputs(workbook({ ...OCTOBER, reports }));
    expect(entryPlace(inputs, "报告提交", 1)).toEqual({ sheet: "报告提交", cell: "B2", indicator: "报告期" });
    expect(entryPlace(inputs, "报告提交", 3)?.cell).toBe("B4");
    expect(entryPlace(inputs, "加减分事件", 2)?.cell).toBe("D3");
    expect(entryPlace(inputs, "指标录入", 1)?.sheet).toBe("指标录入");
    expect(entryPlace(inputs, "报告提交", 4)).toBeNull();
    expect(entryPlace(inputs, "报告提交", 0)).toBeNull();
    expect(entryPlace(inputs, "规则设置", 1)).toBeNull();
  });
});
