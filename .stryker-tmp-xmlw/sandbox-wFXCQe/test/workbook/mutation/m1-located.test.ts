/**
 * Issue 17: a problem with its place in the workbook (src/workbook/read/located.ts) — the fields it
 * carries and the exact line the command line prints and the pane shows, with and without a sheet,
 * a cell, an indicator or the English. Written from Stryker's survivors.
 */
// @ts-nocheck

import { problem } from "../../../src/domain";
import { locate, located, problemLine } from "../../../src/workbook/read/located";

describe("locate", () => {
  it("adds the sheet, the cell and the indicator; the field stands for the indicator when there is no place", () => {
    const p = problem("error", "invalid", "headcount", "团队人数不能为负数", "headcount cannot be negative", "2025-10");
    expect(locate(p, { sheet: "指标录入", cell: "C5", indicator: "团队人数" })).toEqual({ ...p, sheet: "指标录入", cell: "C5", indicator: "团队人数" });
    expect(locate(p, null)).toEqual({ ...p, sheet: null, cell: null, indicator: "headcount" });
    expect(locate(p, { sheet: "指标录入", cell: null, indicator: "团队人数" })).toMatchObject({ sheet: "指标录入", cell: null });
  });
});

describe("located", () => {
  it("a workbook problem named by its place's indicator, with the month when given", () => {
    const where = { sheet: "付款条款", cell: "B3", indicator: "比例" };
    expect(located("error", "share", where, "比例不对", "bad share")).toEqual({
      severity: "error",
      code: "share",
      field: "比例",
      message: "比例不对",
      messageEn: "bad share",
      sheet: "付款条款",
      cell: "B3",
      indicator: "比例",
    });
    expect(located("warning", "late", where, "晚了", "late", "2025-03")).toEqual({
      severity: "warning",
      code: "late",
      field: "比例",
      message: "晚了",
      messageEn: "late",
      month: "2025-03",
      sheet: "付款条款",
      cell: "B3",
      indicator: "比例",
    });
  });
});

describe("problemLine", () => {
  const p = problem("error", "invalid", "headcount", "团队人数不能为负数", "headcount cannot be negative");

  it("工作表「sheet」单元格 cell（indicator）：message / English", () => {
    const l = locate(p, { sheet: "指标录入", cell: "C5", indicator: "团队人数" });
    expect(problemLine(l)).toBe("工作表「指标录入」单元格 C5（团队人数）：团队人数不能为负数 / headcount cannot be negative");
    expect(problemLine(l, false)).toBe("工作表「指标录入」单元格 C5（团队人数）：团队人数不能为负数");
  });

  it("without a cell, without an indicator, without English", () => {
    expect(problemLine(locate(p, { sheet: "指标录入", cell: null, indicator: "团队人数" }))).toBe("工作表「指标录入」（团队人数）：团队人数不能为负数 / headcount cannot be negative");
    expect(problemLine(locate(p, { sheet: "指标录入", cell: "C5", indicator: "" }))).toBe("工作表「指标录入」单元格 C5：团队人数不能为负数 / headcount cannot be negative");
    expect(problemLine({ ...locate(p, { sheet: "指标录入", cell: "C5", indicator: "团队人数" }), messageEn: "" })).toBe("工作表「指标录入」单元格 C5（团队人数）：团队人数不能为负数");
  });

  it("no sheet: the indicator alone in brackets, or the bare message", () => {
    expect(problemLine(locate(p, null))).toBe("（headcount）：团队人数不能为负数 / headcount cannot be negative");
    expect(problemLine({ ...locate(p, null), indicator: "" })).toBe("团队人数不能为负数 / headcount cannot be negative");
    expect(problemLine({ ...locate(p, null), indicator: "" }, false)).toBe("团队人数不能为负数");
  });
});
