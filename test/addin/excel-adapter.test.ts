import { ExcelAdapter, columnWidthPoints, needsTextPrefix, parseAreas, toExcelInput } from "../../src/workbook/excel-adapter";
import type { SheetSpec, WritePlan } from "../../src/workbook/model";
import { FakeExcelError, FakeWorkbookState, fakeExcel, parseRef } from "./fake-excel";

const ITEMS = ["队伍建设", "管理制度与能力", "项目人员月流动率", "数据分析", "培训与文化建设", "来电接通率", "来电15s内接通率", "团队服务满意率", "工单质检准确率", "考试覆盖率", "加分项", "扣分项", "客户有效投诉", "弄虚作假"];

function monthLabel(i: number): { key: string; sheet: string } {
  const y = 2024 + Math.floor((11 + i) / 12);
  const m = ((11 + i) % 12) + 1;
  return { key: `${y}-${String(m).padStart(2, "0")}`, sheet: `${y}年${m}月` };
}

/** A workbook as a clerk keeps it: one 附件二 sheet per month plus the input sheets. */
function workbook(months: number): FakeWorkbookState {
  const state = new FakeWorkbookState();
  const indicators: Record<string, string | number> = { A1: "考核月份", B1: "团队人数", C1: "变动人数" };
  for (let i = 0; i < months; i++) {
    const { key, sheet } = monthLabel(i);
    const cells: Record<string, string | number | { value: string | number | null; formula?: string; numberFormat?: string }> = {
      A1: "陕西省公安厅出入境管理局12367服务热线质量考核",
      A2: `考核月份：${sheet}`,
      G2: "考核得分",
      A4: "序号", B4: "考核项目", C4: "考核指标", D4: "指标说明", E4: "评分细则", F4: "满分", G4: "完成情况", H4: "单项得分", I4: "备注",
      A21: "客户方签字：", F21: "运营提供方签字：",
    };
    ITEMS.forEach((item, k) => {
      const row = 5 + k;
      cells[`A${row}`] = k + 1;
      cells[`C${row}`] = item;
      if (k < 10) cells[`F${row}`] = [10, 10, 10, 5, 5, 15, 15, 10, 10, 10][k] ?? 0;
    });
    cells.I7 = "备注：人员稳定";
    cells.H2 = { value: 93.25, formula: "=SUM(H5:H18)", numberFormat: "0.00" };
    state.addSheet(sheet, cells, ["A1:I1", "B5:B9", "B10:B11", "B12:B14", "B15:B18", "B21:D22", "G21:I22"]);
    indicators[`A${i + 2}`] = key;
    indicators[`B${i + 2}`] = 9;
    indicators[`C${i + 2}`] = 2;
  }
  state.addSheet("指标录入", indicators);
  state.addSheet("加减分事件", { A1: "考核月份", B1: "类型", C1: "级别" });
  state.addSheet("付款记录", { A1: "笔次", B1: "发票日期", A2: 2, B2: { value: 45839, numberFormat: "yyyy-mm-dd" } });
  return state;
}

function paymentSheet(months: number): SheetSpec {
  return {
    name: "付款结算",
    cells: [
      { address: "A1", value: "付款结算", style: { bold: true, fontSize: 16, horizontal: "center" } },
      { address: "A3", value: "笔次", style: { bold: true, border: "thin", fill: "#DDEBF7" } },
      { address: "B3", value: "平均分", style: { bold: true, border: "thin", fill: "#DDEBF7" } },
      { address: "A4", value: 2 },
      { address: "B4", value: 93.4, numberFormat: "0.00" },
      { address: "C4", value: "人民币叁拾肆万叁仟壹佰贰拾贰元整" },
      { address: "D4", value: 343122, numberFormat: "¥#,##0.00" },
      { address: "E4", value: null, formula: "D4-B4" },
      ...Array.from({ length: months }, (_, i) => [
        { address: `A${10 + i}`, value: monthLabel(i).key },
        { address: `B${10 + i}`, value: 93 + (i % 5) / 4, numberFormat: "0.00" },
      ]).flat(),
    ],
    merges: ["A1:F1", "C4:C5"],
    columnWidths: { A: 10, B: 14, C: 36 },
    rowHeights: { 1: 28 },
    print: { orientation: "portrait", paperSize: "A4", printArea: "A1:F30", fitToWidth: true, repeatRows: "1:3", margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 } },
    conditionalHighlights: [{ range: `B10:B${9 + months}`, lessThan: 95, fill: "#FCE4D6", fontColor: "#C00000" }],
    validations: [{ range: "A4:A6", values: ["1", "2", "3"] }],
    chart: { title: "月度考核得分", categories: `A10:A${9 + months}`, series: [{ name: "考核得分", values: `B10:B${9 + months}` }], anchor: { from: "H3", to: "P20" } },
    tabColor: "#1F4E79",
    freezeRows: 3,
  };
}

function planFor(months: number): WritePlan {
  return {
    cellWrites: Array.from({ length: months }, (_, i) => ({
      sheet: monthLabel(i).sheet,
      writes: [
        ...ITEMS.map((_, k) => ({ address: `H${5 + k}`, value: k < 10 ? 9.5 : 0, numberFormat: "0.00" })),
        { address: "G5", value: "团队 9 人，少 1 人" },
        { address: "G6", value: "制度落实：是" },
        { address: "H2", value: 93.25, numberFormat: "0.00" },
      ],
    })),
    sheets: [paymentSheet(months), { name: "计算说明", cells: [{ address: "A1", value: "说明" }], merges: [] }],
  };
}

const ALL_SETS = () => true;

async function readAndApply(months: number): Promise<{ read: number; apply: number; sheets: number }> {
  const { context, excel } = fakeExcel(workbook(months));
  const adapter = new ExcelAdapter(excel, { isSetSupported: ALL_SETS });
  const snapshot = await adapter.read();
  const read = context.syncCount;
  await adapter.apply(planFor(months));
  return { read, apply: context.syncCount - read, sheets: snapshot.sheets.length };
}

describe("ExcelAdapter sync count", () => {
  it("is the same small constant for 12 and 120 months: read 2 + apply 1", async () => {
    const twelve = await readAndApply(12);
    const hundredTwenty = await readAndApply(120);
    expect(twelve.sheets).toBe(15);
    expect(hundredTwenty.sheets).toBe(123);
    expect(twelve).toEqual({ read: 2, apply: 1, sheets: 15 });
    expect(hundredTwenty).toEqual({ read: 2, apply: 1, sheets: 123 });
    expect(twelve.read + twelve.apply).toBe(hundredTwenty.read + hundredTwenty.apply);
    expect(twelve.read + twelve.apply).toBe(3);
  });
});

describe("ExcelAdapter.read", () => {
  it("returns every sheet in position order with values, number formats, formulas, merges and protection", async () => {
    const state = workbook(2);
    state.find("付款记录")!.protected = true;
    const { excel } = fakeExcel(state);
    const snapshot = await new ExcelAdapter(excel, { isSetSupported: ALL_SETS }).read();
    expect(snapshot.sheets.map((s) => [s.name, s.index])).toEqual([
      ["2024年12月", 0],
      ["2025年1月", 1],
      ["指标录入", 2],
      ["加减分事件", 3],
      ["付款记录", 4],
    ]);
    const dec = snapshot.sheets[0]!;
    expect(dec.cells[0]).toEqual({ row: 1, col: 1, value: "陕西省公安厅出入境管理局12367服务热线质量考核", numberFormat: "General" });
    expect(dec.cells.find((c) => c.row === 2 && c.col === 8)).toEqual({ row: 2, col: 8, value: 93.25, numberFormat: "0.00", formula: "SUM(H5:H18)" });
    expect(dec.cells.find((c) => c.row === 7 && c.col === 9)?.value).toBe("备注：人员稳定");
    // row-major, empty cells left out
    const keys = dec.cells.map((c) => c.row * 100 + c.col);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(dec.cells.every((c) => c.value !== null || c.formula !== undefined)).toBe(true);
    expect(dec.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 9 });
    expect(dec.merges).toContainEqual({ top: 21, left: 7, bottom: 22, right: 9 }); // blank signature box, outside the values
    expect(dec.merges).toHaveLength(7);
    expect(dec.protected).toBeUndefined();
    const payments = snapshot.sheets[4]!;
    expect(payments.protected).toBe(true);
    expect(payments.cells.find((c) => c.row === 2 && c.col === 2)).toEqual({ row: 2, col: 2, value: 45839, numberFormat: "yyyy-mm-dd" });
  });

  it("gives an empty sheet no cells and no merges", async () => {
    const state = new FakeWorkbookState();
    state.addSheet("Sheet1");
    const { excel } = fakeExcel(state);
    const snapshot = await new ExcelAdapter(excel, { isSetSupported: ALL_SETS }).read();
    expect(snapshot.sheets).toEqual([{ name: "Sheet1", index: 0, cells: [], merges: [] }]);
  });

  it("reads text that looks like a formula as text, not as a formula", async () => {
    const state = new FakeWorkbookState();
    const s = state.addSheet("S");
    Object.assign(s.ensure(1, 1), { value: '=HYPERLINK("x")', quotePrefix: true });
    const { excel } = fakeExcel(state);
    const snapshot = await new ExcelAdapter(excel, { isSetSupported: ALL_SETS }).read();
    expect(snapshot.sheets[0]!.cells).toEqual([{ row: 1, col: 1, value: '=HYPERLINK("x")', numberFormat: "General" }]);
  });

  it("skips merged areas, and says so, when the host lacks ExcelApi 1.13", async () => {
    const { context, excel } = fakeExcel(workbook(1));
    const adapter = new ExcelAdapter(excel, { isSetSupported: (_n, v) => v !== "1.13" });
    const snapshot = await adapter.read();
    expect(snapshot.sheets[0]!.merges).toEqual([]);
    expect(adapter.skipped.map((s) => s.requirement)).toEqual(["ExcelApi 1.13"]);
    expect(adapter.skipped[0]!.message).toContain("合并单元格");
    expect(context.operations.some((op) => op.includes("getMergedAreasOrNullObject"))).toBe(false);
    expect(context.syncCount).toBe(2);
  });
});

describe("ExcelAdapter.apply", () => {
  it("lands the plan's writes in the cells, in one sync with calculation suspended first", async () => {
    const { state, context, excel } = fakeExcel(workbook(12));
    await new ExcelAdapter(excel, { isSetSupported: ALL_SETS }).apply(planFor(12));
    expect(context.syncCount).toBe(1);
    expect(context.log[0]![0]).toBe("application.suspendApiCalculationUntilNextSync()");
    const oct = state.find("2025年10月")!;
    expect(oct.at("H5")).toMatchObject({ value: 9.5, numberFormat: "0.00" });
    expect(oct.at("H18")).toMatchObject({ value: 0, numberFormat: "0.00" });
    expect(oct.at("G5")).toMatchObject({ value: "团队 9 人，少 1 人", quotePrefix: true });
    expect(oct.at("G6")).toMatchObject({ value: "制度落实：是" });
    expect(oct.at("G6")?.quotePrefix).toBeUndefined();
    expect(oct.at("H2")).toMatchObject({ value: 93.25 });
    expect(oct.at("H2")?.formula).toBeUndefined(); // the owned total cell now holds the value
    // cells outside the plan are untouched
    expect(oct.at("I7")).toMatchObject({ value: "备注：人员稳定" });
    expect(oct.at("C5")).toMatchObject({ value: "队伍建设" });
  });

  it("stores text starting with '=' as text, and keeps number- and date-like text as text", async () => {
    const state = new FakeWorkbookState();
    state.addSheet("S", { A20: "old" });
    const { excel } = fakeExcel(state);
    const texts = ['=HYPERLINK("x")', "001", "2025-10", "2025年10月", "+86 29", "-", "TRUE", "#N/A", "（５）", "9.5"];
    await new ExcelAdapter(excel).apply({
      cellWrites: [{ sheet: "S", writes: [...texts.map((value, i) => ({ address: `A${i + 1}`, value })), { address: "A11", value: null }, { address: "A20", value: "" }] }],
      sheets: [],
    });
    const s = state.find("S")!;
    texts.forEach((text, i) => {
      const cell = s.at(`A${i + 1}`)!;
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    });
    expect(s.at("A1")?.quotePrefix).toBe(true);
    expect(s.at("A11")?.value).toBeNull();
    expect(s.at("A20")?.value).toBeNull(); // "" clears what was there
  });

  it("the fake would have made a formula of the raw text (so the test above can fail)", async () => {
    const state = new FakeWorkbookState();
    state.addSheet("S");
    const { context, excel } = fakeExcel(state);
    const range = excel.workbook.worksheets.getItem("S").getRange("A1:C1");
    range.values = [['=HYPERLINK("x")', "001", "2025-10"]];
    await context.sync();
    const s = state.find("S")!;
    expect(s.at("A1")).toMatchObject({ formula: '=HYPERLINK("x")' });
    expect(s.at("B1")?.value).toBe(1);
    expect(s.at("C1")?.value).toBe(45931);
  });

  it("replaces a product sheet whole: merges, widths, print setup, highlight, list, freeze, tab colour and a native line chart", async () => {
    const state = workbook(12);
    state.addSheet("付款结算", { A1: "旧的结算表", Z99: "stale" }, ["A1:B1"]);
    const { excel } = fakeExcel(state);
    await new ExcelAdapter(excel, { isSetSupported: ALL_SETS }).apply(planFor(12));
    const names = state.sheets.map((s) => s.name);
    expect(names.slice(-2)).toEqual(["付款结算", "计算说明"]);
    expect(names.filter((n) => n === "付款结算")).toHaveLength(1);
    const pay = state.find("付款结算")!;
    expect(pay.at("Z99")).toBeUndefined();
    expect(pay.at("A1")).toMatchObject({ value: "付款结算", style: { "font.bold": true, "font.size": 16, horizontalAlignment: "Center" } });
    expect(pay.at("C4")).toMatchObject({ value: "人民币叁拾肆万叁仟壹佰贰拾贰元整" });
    expect(pay.at("D4")).toMatchObject({ value: 343122, numberFormat: "¥#,##0.00" });
    expect(pay.at("E4")).toMatchObject({ formula: "=D4-B4" });
    expect(pay.at("A10")).toMatchObject({ value: "2024-12", quotePrefix: true });
    expect(pay.merges).toEqual([parseRef("A1:F1"), parseRef("C4:C5")]);
    expect(pay.columnWidths).toEqual({ A: columnWidthPoints(10), B: columnWidthPoints(14), C: columnWidthPoints(36) });
    expect(pay.columnWidths.A).toBe(56.25);
    expect(pay.rowHeights[1]).toBe(28);
    expect(pay.borders.filter((b) => b.range === "A3")).toHaveLength(4);
    expect(pay.borders.find((b) => b.range === "A3" && b.edge === "EdgeTop")).toMatchObject({ style: "Continuous", weight: "Thin" });
    expect(pay.pageLayout).toEqual({
      orientation: "Portrait",
      paperSize: "A4",
      printArea: "A1:F30",
      printTitleRows: "$1:$3",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftMargin: 50.4,
      rightMargin: 50.4,
      topMargin: 54,
      bottomMargin: 54,
    });
    expect(pay.conditionalFormats).toEqual([{ range: "B10:B21", type: "CellValue", fill: "#FCE4D6", fontColor: "#C00000", rule: { formula1: "95", operator: "LessThan" } }]);
    expect(pay.validations).toEqual([{ range: "A4:A6", rule: { list: { inCellDropDown: true, source: "1,2,3" } } }]);
    expect(pay.freezeRows).toBe(3);
    expect(pay.tabColor).toBe("#1F4E79");
    expect(pay.charts).toEqual([{ type: "Line", title: "月度考核得分", series: [{ name: "考核得分", values: "B10:B21", xValues: "A10:A21" }], from: "H3", to: "P20" }]);
    expect(state.find("计算说明")?.at("A1")?.value).toBe("说明");
  });

  it("leaves out data validation and page layout, and says so, on a host without ExcelApi 1.8 / 1.9", async () => {
    const { state, context, excel } = fakeExcel(workbook(1));
    const adapter = new ExcelAdapter(excel, { isSetSupported: (_n, v) => Number(v) <= 1.7 });
    await adapter.apply(planFor(1));
    expect(adapter.skipped.map((s) => s.requirement).sort()).toEqual(["ExcelApi 1.8", "ExcelApi 1.9"]);
    expect(context.operations.some((op) => op.includes("pageLayout") || op.includes("dataValidation"))).toBe(false);
    expect(state.find("付款结算")!.charts).toHaveLength(1);
    expect(context.syncCount).toBe(1);
  });

  it("deletes plan.deleteSheets after the writes, skipping a name that is already gone", async () => {
    const state = workbook(1);
    state.addSheet("计算说明", { A1: "旧说明" });
    const { context, excel } = fakeExcel(state);
    await new ExcelAdapter(excel).apply({ cellWrites: [{ sheet: "2024年12月", writes: [{ address: "H5", value: 10 }] }], sheets: [], deleteSheets: ["计算说明", "付款结算"] });
    expect(state.sheets.map((s) => s.name)).toEqual(["2024年12月", "指标录入", "加减分事件", "付款记录"]);
    expect(state.find("2024年12月")!.at("H5")?.value).toBe(10);
    expect(context.syncCount).toBe(1);
  });

  it("fails inside the one sync on a missing month sheet (ItemNotFound)", async () => {
    const { excel } = fakeExcel(workbook(1));
    const plan: WritePlan = { cellWrites: [{ sheet: "2030年1月", writes: [{ address: "H5", value: 1 }] }], sheets: [] };
    await expect(new ExcelAdapter(excel).apply(plan)).rejects.toThrow(/ItemNotFound/);
  });

  it("round-trips: what apply wrote, read gives back (text stays text)", async () => {
    const state = new FakeWorkbookState();
    state.addSheet("S");
    const { context, excel } = fakeExcel(state);
    const adapter = new ExcelAdapter(excel, { isSetSupported: ALL_SETS });
    await adapter.apply({ cellWrites: [{ sheet: "S", writes: [{ address: "B2", value: '=HYPERLINK("x")' }, { address: "B3", value: 7, numberFormat: "0.00" }] }], sheets: [] });
    const snapshot = await adapter.read();
    expect(snapshot.sheets[0]!.cells).toEqual([
      { row: 2, col: 2, value: '=HYPERLINK("x")', numberFormat: "General" },
      { row: 3, col: 2, value: 7, numberFormat: "0.00" },
    ]);
    expect(context.syncCount).toBe(3);
  });

  it("accepts a batch runner instead of a context (as Excel.run)", async () => {
    const { state, context } = fakeExcel(workbook(1));
    let batches = 0;
    const adapter = new ExcelAdapter(async (batch) => {
      batches += 1;
      return batch(context as unknown as Excel.RequestContext);
    });
    await adapter.apply({ cellWrites: [{ sheet: "2024年12月", writes: [{ address: "H5", value: 10 }] }], sheets: [] });
    expect(batches).toBe(1);
    expect(state.find("2024年12月")!.at("H5")?.value).toBe(10);
  });
});

describe("the fake is strict like Excel", () => {
  it("throws PropertyNotLoaded on a property that was not loaded, or loaded but not yet synced", async () => {
    const { context, excel } = fakeExcel(workbook(1));
    const sheets = excel.workbook.worksheets;
    expect(() => sheets.items).toThrow(FakeExcelError);
    sheets.load("items/name");
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(sheets.items[0]!.name).toBe("2024年12月");
    expect(() => sheets.items[0]!.position).toThrow(/PropertyNotLoaded/);
    const used = sheets.items[0]!.getUsedRangeOrNullObject(true);
    used.load("values");
    // eslint-disable-next-line office-addins/call-sync-before-read -- on purpose: the fake must refuse this read
    expect(() => used.isNullObject).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(used.isNullObject).toBe(false);
    expect(() => used.formulas).toThrow(/PropertyNotLoaded/);
  });
});

describe("helpers", () => {
  it("parseAreas splits a RangeAreas address, ignoring commas in quoted sheet names", () => {
    expect(parseAreas("Sheet1!A1:I1, Sheet1!$B$5:$B$9")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 9 },
      { top: 5, left: 2, bottom: 9, right: 2 },
    ]);
    expect(parseAreas("'付款,结算 (2)'!C4:C5,'it''s'!AA10:AB11")).toEqual([
      { top: 4, left: 3, bottom: 5, right: 3 },
      { top: 10, left: 27, bottom: 11, right: 28 },
    ]);
    expect(parseAreas("")).toEqual([]);
  });

  it("prefixes only text Excel would reinterpret", () => {
    const prefixed = ['=A1', "+1", "-", "'quoted", "@x", "#N/A", "(5)", "001", "2025-10", "2025年10月", "9:30", "50%", "true", "１２"];
    const plain = ["是", "否", "有", "无", "团队人数", "月报", "Team size", ""];
    expect(prefixed.filter((s) => !needsTextPrefix(s))).toEqual([]);
    expect(plain.filter((s) => needsTextPrefix(s))).toEqual([]);
    expect(toExcelInput("=A1")).toBe("'=A1");
    expect(toExcelInput("'quoted")).toBe("''quoted");
    expect(toExcelInput(null)).toBe("");
    expect(toExcelInput(false)).toBe(false);
    expect(() => toExcelInput(Number.NaN)).toThrow(RangeError);
  });

  it("converts column widths from characters to points as Excel does (8.43 → 48 pt)", () => {
    expect(columnWidthPoints(8.43)).toBe(48);
    expect(columnWidthPoints(36)).toBe(192.75);
  });
});
