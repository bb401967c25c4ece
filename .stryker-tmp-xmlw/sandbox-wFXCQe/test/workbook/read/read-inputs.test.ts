// @ts-nocheck
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { INDICATOR_FIELDS } from "../../../src/domain";
import { EXAMPLE_2025_10 } from "../../../src/domain/example";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import { problemLine } from "../../../src/workbook/read/located";
import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { runWorkbook } from "../../../src/workbook/plan";
import { readInputs } from "../../../src/workbook/read/read-inputs";
import { addInputSheets, addScorecard, exampleData, InputData, InputStyle, toBuffer } from "../../fixtures/workbooks";

async function snapshotOf(wb: ExcelJS.Workbook): Promise<WorkbookSnapshot> {
  return (await ExcelFileAdapter.fromBuffer(await toBuffer(wb))).read();
}

async function inputsOnly(data: InputData, style: InputStyle = {}) {
  const wb = new ExcelJS.Workbook();
  addInputSheets(wb, data, style);
  return readInputs(await snapshotOf(wb));
}

async function scored(data: InputData, style: InputStyle = {}, edit?: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  addScorecard(wb, { sheetName: "2025年10月", month: "2025-10" });
  addInputSheets(wb, data, style);
  edit?.(wb);
  return runWorkbook(await snapshotOf(wb), { asOf: "2025-12-31" });
}

describe("reading the input sheets", () => {
  it("reads the SPEC §7 month into the engine's types", async () => {
    const inputs = await inputsOnly(exampleData());
    expect(inputs.problems).toEqual([]);
    expect(inputs.indicators).toEqual([EXAMPLE_2025_10.indicators]);
    expect(inputs.events).toEqual(EXAMPLE_2025_10.events);
    expect(inputs.reports).toEqual(EXAMPLE_2025_10.reports);
    expect(inputs.payments).toEqual([]);
    expect(inputs.ruleSettings).toBeNull();
  });

  it.each<[string, InputStyle]>([
    ["columns reversed, an extra column, decorated headers（是/否）", { reversed: true, extraColumn: true, decoratedHeaders: true }],
    ["Y/N, dates as text, months as 2025年10月", { yesNo: "YN", dates: "text", months: "cn" }],
    ["TRUE/FALSE, dates as 2025年10月13日, a title row above the header", { yesNo: "bool", dates: "cn", titleRows: 2 }],
    ["√/×", { yesNo: "check" }],
  ])("reads %s the same way", async (_name, style) => {
    const inputs = await inputsOnly(exampleData(), style);
    expect(inputs.problems).toEqual([]);
    expect(inputs.indicators).toEqual([EXAMPLE_2025_10.indicators]);
    expect(inputs.events).toEqual(EXAMPLE_2025_10.events);
    expect(inputs.reports).toEqual(EXAMPLE_2025_10.reports);
    const result = await scored(exampleData(), style);
    expect(result.json?.months[0]?.total).toBe("93.25");
  });

  it("reads real Excel dates and payment rows", async () => {
    const data = exampleData();
    data.payments = [{ number: 1, invoiceDate: "2024-12-20", paidDate: "2025-01-06" }, { number: 2, invoiceDate: null, paidDate: null }];
    const inputs = await inputsOnly(data);
    expect(inputs.payments).toEqual(data.payments);
  });

  it("skips a month whose row holds only the month (the template prefills them)", async () => {
    const data = exampleData();
    const wb = new ExcelJS.Workbook();
    addInputSheets(wb, data);
    wb.getWorksheet("指标录入")!.getCell("A3").value = "2025-11";
    const inputs = readInputs(await snapshotOf(wb));
    expect(inputs.problems).toEqual([]);
    expect(inputs.indicators.map((i) => i.month)).toEqual(["2025-10"]);
  });

  it("names a missing required sheet and a missing header", async () => {
    const wb = new ExcelJS.Workbook();
    addInputSheets(wb, exampleData());
    wb.removeWorksheet(wb.getWorksheet("报告提交")!.id);
    wb.getWorksheet("指标录入")!.getCell("F1").value = "培训次数";
    const inputs = readInputs(await snapshotOf(wb));
    expect(inputs.problems.map((p) => [p.code, p.sheet, p.indicator])).toEqual([
      ["missing-column", "指标录入", "培训问题次数"],
      ["missing-sheet", "报告提交", "报告提交"],
    ]);
    const result = await scored(exampleData(), {}, (w) => (w.getWorksheet("指标录入")!.getCell("F1").value = "培训次数"));
    // The missing column is reported once, not again as a blank 培训问题次数.
    expect(result.errors.map((e) => e.code)).toEqual(["missing-column"]);
  });

  it("collects every unreadable value, each with sheet, cell and indicator", async () => {
    const result = await scored(exampleData(), {}, (wb) => {
      const ind = wb.getWorksheet("指标录入")!;
      ind.getCell("F2").value = "零";
      ind.getCell("C2").value = "可能";
      const ev = wb.getWorksheet("加减分事件")!;
      ev.getCell("B2").value = "表扬信";
      ev.getCell("G3").value = "待查";
      const rep = wb.getWorksheet("报告提交")!;
      rep.getCell("C2").value = "2025-13-01";
    });
    expect(result.ok).toBe(false);
    expect(result.plan).toBeNull();
    expect(result.errors.map((e) => `${e.sheet}!${e.cell} ${e.indicator}`)).toEqual([
      "指标录入!C2 管理制度落实",
      "指标录入!F2 培训问题次数",
      "加减分事件!B2 类型",
      "加减分事件!G3 经查属实",
      "报告提交!C2 提交日期",
    ]);
    expect(problemLine(result.errors[1]!)).toBe('工作表「指标录入」单元格 F2（培训问题次数）：「培训问题次数」应为数字，实为「零」 / "培训问题次数" must be a number, got "零"');
  });

  it("refuses a month typed as the number 2025.1 (January or October?)", async () => {
    const result = await scored(exampleData(), {}, (wb) => (wb.getWorksheet("指标录入")!.getCell("A2").value = 2025.1));
    expect(result.errors.map((e) => [e.cell, e.code])).toEqual([["A2", "bad-value"]]);
    expect(result.errors[0]?.message).toContain("2025-10");
  });

  it("maps the engine's field paths back to cells (locator)", async () => {
    const inputs = await inputsOnly(exampleData());
    expect(inputs.locator.locate({ field: "headcount", month: "2025-10" })).toEqual({ sheet: "指标录入", cell: "B2", indicator: "团队人数" });
    expect(inputs.locator.locate({ field: "events[1].evidence" })).toEqual({ sheet: "加减分事件", cell: "F3", indicator: "佐证材料" });
    expect(inputs.locator.locate({ field: "reports[0].submitted" })).toEqual({ sheet: "报告提交", cell: "C2", indicator: "提交日期" });
    expect(inputs.locator.locate({ field: "reports" })).toEqual({ sheet: "报告提交", cell: null, indicator: "报告提交" });
    expect(inputs.locator.locate({ field: "total", month: "2025-10" })).toBeNull();
  });

  it("applies 规则设置 and locates a bad parameter value", async () => {
    const data = exampleData();
    data.rules = [["流动率20至30得分", 5], ["总分封顶100", "否"]];
    const a1 = await scored(data);
    expect(a1.errors).toEqual([]);
    expect(a1.json?.months[0]?.items["3"]).toBe("5.00");
    expect(a1.json?.months[0]?.total).toBe("88.25");

    data.rules = [["达标分", 95], ["每分扣款比例", "半个点"]];
    const bad = await scored(data);
    expect(bad.errors.map((e) => [e.sheet, e.cell, e.indicator])).toEqual([["规则设置", "B3", "每分扣款比例"]]);
  });

  it("reads 指标录入 laid out as an Excel Table, and keeps the table when writing", async () => {
    const wb = new ExcelJS.Workbook();
    addScorecard(wb, { sheetName: "2025年10月", month: "2025-10" });
    const data = exampleData();
    addInputSheets(wb, { ...data, indicators: [] });
    wb.removeWorksheet(wb.getWorksheet("指标录入")!.id);
    const ws = wb.addWorksheet("指标录入");
    const ind = EXAMPLE_2025_10.indicators;
    ws.addTable({
      name: "指标",
      ref: "B3",
      headerRow: true,
      columns: [{ name: "考核月份" }, ...INDICATOR_FIELDS.map((f) => ({ name: f.kind === "yesno" ? `${f.header}（是/否）` : f.header }))],
      rows: [[ind.month, ...INDICATOR_FIELDS.map((f) => (typeof ind[f.key] === "boolean" ? (ind[f.key] ? "是" : "否") : ind[f.key]))]],
    });
    const buffer = await toBuffer(wb);
    const adapter = await ExcelFileAdapter.fromBuffer(buffer);
    const result = runWorkbook(await adapter.read(), { asOf: "2025-12-31" });
    expect(result.errors).toEqual([]);
    expect(result.json?.months[0]?.total).toBe("93.25");
    await adapter.apply(result.plan!);
    const out = await JSZip.loadAsync(await adapter.save());
    expect(Object.keys(out.files)).toContain("xl/tables/table1.xml");
  });

  it("names two columns with the same header", async () => {
    const wb = new ExcelJS.Workbook();
    addInputSheets(wb, exampleData());
    wb.getWorksheet("付款记录")!.getCell("D1").value = "发票 日期";
    const inputs = readInputs(await snapshotOf(wb));
    expect(inputs.problems.map((p) => [p.code, p.sheet, p.cell, p.indicator])).toEqual([["duplicate-column", "付款记录", "D1", "发票日期"]]);
  });
});
