// @ts-nocheck
import { officeJsRequestBytes, recompute } from "../../../bench/excel-mode";
import { exampleWorkbook, generatedWorkbook } from "../../../bench/workbooks";
import { ExcelAdapter, columnWidthPoints, estimateApply, exactRects, needsTextPrefix, parseAreas, rowBlocks, toExcelInput } from "../../../src/hosts/excel/excel-adapter";
import { type CellWrite, type SheetSpec, type WorkbookSnapshot, type WritePlan, columnLetter } from "../../../src/workbook/model";
import { RequestEstimate, SPLIT_AT, WEB_PAYLOAD_LIMIT, utf8Length } from "../../../src/hosts/excel/request-size";
import { FakeExcelError, FakeRequestContext, FakeWorkbookState, fakeExcel, parseRef } from "./fake-excel";
import { ITEMS, monthLabel, scorecardCells } from "./fixtures";

/** A workbook as a clerk keeps it: one 附件二 sheet per month plus the input sheets. */
function workbook(months: number): FakeWorkbookState {
  const state = new FakeWorkbookState();
  const indicators: Record<string, string | number> = { A1: "考核月份", B1: "团队人数", C1: "变动人数" };
  for (let i = 0; i < months; i++) {
    const { key, sheet } = monthLabel(i);
    const cells = scorecardCells(i);
    cells.I7 = "备注：人员稳定";
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

async function readAndApply(months: number): Promise<{ read: number; apply: number; sheets: number; splits: number | undefined }> {
  const { context, excel } = fakeExcel(workbook(months));
  const adapter = new ExcelAdapter(excel, { isSetSupported: ALL_SETS });
  const snapshot = await adapter.read();
  const read = context.syncCount;
  await adapter.apply(planFor(months));
  return { read, apply: context.syncCount - read, sheets: snapshot.sheets.length, splits: adapter.lastApplyStats?.splits };
}

/** A pane session: the first read, then a full recompute (read + apply) and the read after it; syncs of each. */
async function session(months: number): Promise<{ first: number; read: number; apply: number; after: number; sheets: string[] }> {
  const { context, excel } = fakeExcel(workbook(months));
  const adapter = new ExcelAdapter(excel, { isSetSupported: ALL_SETS });
  const count = async (f: () => Promise<unknown>) => {
    const before = context.syncCount;
    await f();
    return context.syncCount - before;
  };
  const first = await count(() => adapter.read());
  const read = await count(() => adapter.read());
  const apply = await count(() => adapter.apply(planFor(months)));
  let snapshot: WorkbookSnapshot = { sheets: [] };
  const after = await count(async () => (snapshot = await adapter.read()));
  return { first, read, apply, after, sheets: snapshot.sheets.map((x) => x.name) };
}

describe("ExcelAdapter sync count", () => {
  // The first read of a session takes 3 (the listing, the used ranges' bounds, the cells in batches
  // under the response budget): one sync would need loads queued on null objects
  // (getNextOrNullObject past the last sheet), which the Office docs do not say are safe; see the
  // adapter's header. Every later read knows the sheets, their bounds and sizes: 1.
  it("is the same small constant for 12 and 120 months: read 1 + apply 1 once the sheets are known (3 for a session's first read)", async () => {
    const twelve = await session(12);
    const hundredTwenty = await session(120);
    expect({ ...twelve, sheets: undefined }).toEqual({ first: 3, read: 1, apply: 1, after: 1, sheets: undefined });
    expect({ ...hundredTwenty, sheets: undefined }).toEqual({ first: 3, read: 1, apply: 1, after: 1, sheets: undefined });
    // The read after the apply, still one sync, has the sheets the apply created.
    expect(twelve.sheets.slice(-2)).toEqual(["付款结算", "计算说明"]);
    expect(hundredTwenty.sheets).toHaveLength(125);
  });

  it("a fresh adapter: read 3 + apply 1 for 12 and 120 months", async () => {
    const twelve = await readAndApply(12);
    const hundredTwenty = await readAndApply(120);
    expect(twelve.sheets).toBe(15);
    expect(hundredTwenty.sheets).toBe(123);
    expect(twelve).toEqual({ read: 3, apply: 1, sheets: 15, splits: 0 });
    expect(hundredTwenty).toEqual({ read: 3, apply: 1, sheets: 123, splits: 0 });
    expect(twelve.read + twelve.apply).toBe(hundredTwenty.read + hundredTwenty.apply);
    expect(twelve.read + twelve.apply).toBe(4);
  });
});

describe("ExcelAdapter.read once the sheets are known", () => {
  async function known(): Promise<{ state: FakeWorkbookState; context: FakeRequestContext; adapter: ExcelAdapter; before: WorkbookSnapshot }> {
    const { state, context, excel } = fakeExcel(workbook(2));
    const adapter = new ExcelAdapter(excel, { isSetSupported: ALL_SETS });
    const before = await adapter.read();
    return { state, context, adapter, before };
  }
  const syncsOf = async (context: FakeRequestContext, f: () => Promise<WorkbookSnapshot>) => {
    const n = context.syncCount;
    const snapshot = await f();
    return { syncs: context.syncCount - n, snapshot };
  };

  it("gives in one sync exactly what a fresh adapter's read gives", async () => {
    const { state, context, adapter, before } = await known();
    const again = await syncsOf(context, () => adapter.read());
    expect(again.syncs).toBe(1);
    expect(again.snapshot).toEqual(before);
    expect(again.snapshot).toEqual(await new ExcelAdapter(fakeExcel(state).excel, { isSetSupported: ALL_SETS }).read());
  });

  it("reads a sheet added by hand since in two more syncs (its bounds, then its cells), in its place", async () => {
    const { state, context, adapter } = await known();
    const added = state.addSheet("手工备注", { A1: "备注", B2: 3 });
    state.sheets.splice(state.sheets.indexOf(added), 1);
    state.sheets.splice(1, 0, added);
    const again = await syncsOf(context, () => adapter.read());
    expect(again.syncs).toBe(3);
    expect(again.snapshot.sheets[1]).toMatchObject({ name: "手工备注", index: 1, cells: [{ row: 1, col: 1, value: "备注", numberFormat: "General" }, { row: 2, col: 2, value: 3, numberFormat: "General" }] });
    expect(again.snapshot.sheets.map((x) => x.index)).toEqual(again.snapshot.sheets.map((_x, i) => i));
  });

  it("starts again the first-read way when a known sheet was renamed or deleted (the batch fails with ItemNotFound)", async () => {
    const { state, context, adapter, before } = await known();
    const renamed = state.find("付款记录");
    if (!renamed) throw new Error("no 付款记录");
    renamed.name = "付款记录（旧）";
    const afterRename = await syncsOf(context, () => adapter.read());
    expect(afterRename.syncs).toBe(4); // the failed batch, then listing, bounds and cells
    expect(afterRename.snapshot.sheets.map((x) => x.name)).toEqual(before.sheets.map((x) => (x.name === "付款记录" ? "付款记录（旧）" : x.name)));
    expect(afterRename.snapshot.sheets.find((x) => x.name === "付款记录（旧）")?.cells).toEqual(before.sheets.find((x) => x.name === "付款记录")?.cells);
    // …and knows the new names: the next read is one sync again.
    expect((await syncsOf(context, () => adapter.read())).syncs).toBe(1);

    state.sheets = state.sheets.filter((x) => x.name !== "加减分事件");
    const afterDelete = await syncsOf(context, () => adapter.read());
    expect(afterDelete.syncs).toBe(4);
    expect(afterDelete.snapshot.sheets.map((x) => x.name)).not.toContain("加减分事件");
    expect(afterDelete.snapshot.sheets.map((x) => x.index)).toEqual(afterDelete.snapshot.sheets.map((_x, i) => i));
  });

  it("follows a sheet renamed only in case (Excel's names are case-insensitive) in one sync", async () => {
    const { state, context, adapter } = await known();
    const sheet = state.find("指标录入");
    if (!sheet) throw new Error("no 指标录入");
    state.addSheet("Notes", { A1: "x" });
    await adapter.read();
    const notes = state.find("Notes");
    if (!notes) throw new Error("no Notes");
    notes.name = "NOTES";
    const again = await syncsOf(context, () => adapter.read());
    expect(again.syncs).toBe(1);
    expect(again.snapshot.sheets.map((x) => x.name)).toContain("NOTES");
  });

  it("does not swallow another failure of the batch", async () => {
    const { adapter } = await known();
    const failing = new ExcelAdapter(async () => {
      throw new FakeExcelError("GeneralException", "the host went away");
    });
    await expect(failing.read()).rejects.toThrow(/GeneralException/);
    // The known adapter, given a runner that fails the same way, fails too (no fallback loop).
    (adapter as unknown as { run: unknown }).run = async () => {
      throw new FakeExcelError("GeneralException", "the host went away");
    };
    await expect(adapter.read()).rejects.toThrow(/GeneralException/);
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

  it("skips merged areas, says so, and marks every sheet mergesUnknown, when the host lacks ExcelApi 1.13", async () => {
    const { context, excel } = fakeExcel(workbook(1));
    const adapter = new ExcelAdapter(excel, { isSetSupported: (_n, v) => v !== "1.13" });
    const snapshot = await adapter.read();
    expect(snapshot.sheets[0]!.merges).toEqual([]);
    expect(snapshot.sheets.map((s) => s.mergesUnknown)).toEqual([true, true, true, true]);
    expect(adapter.skipped.map((s) => s.requirement)).toEqual(["ExcelApi 1.13"]);
    expect(adapter.skipped[0]!.message).toContain("合并单元格");
    expect(context.operations.some((op) => op.includes("getMergedAreasOrNullObject"))).toBe(false);
    expect(context.syncCount).toBe(3);
  });
});

describe("ExcelAdapter.apply", () => {
  it("lands the plan's writes in the cells, in one sync that ends with a recalculation", async () => {
    const { state, context, excel } = fakeExcel(workbook(12));
    await new ExcelAdapter(excel, { isSetSupported: ALL_SETS }).apply(planFor(12));
    expect(context.syncCount).toBe(1);
    expect(context.log[0]!.includes("application.suspendApiCalculationUntilNextSync()")).toBe(false);
    expect(context.log[0]!.at(-1)).toBe("application.calculate(Recalculate)");
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
    for (const side of ["top", "bottom", "left", "right"] as const) {
      expect(pay.borderAt("A3", side)).toEqual({ style: "Continuous", weight: "Thin" });
      expect(pay.borderAt("B3", side)).toEqual({ style: "Continuous", weight: "Thin" });
    }
    expect(pay.borderAt("A1", "top")).toBeUndefined(); // the title has no border
    expect(pay.at("B3")).toMatchObject({ value: "平均分", style: { "font.bold": true, "fill.color": "#DDEBF7" } });
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
    expect(context.syncCount).toBe(4);
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

/** A product sheet of `rows` rows × 7 columns, as 撤销记录/计算说明 are: a header row, then bordered rows of text. */
function tableSheet(name: string, rows: number, text: (r: number, c: number) => string = (r, c) => `第${r}行 ${"甲乙丙丁戊己庚"[c - 1] ?? ""}`): SheetSpec {
  const cells: CellWrite[] = [{ address: "A1", value: name, style: { bold: true, fontSize: 14 } }];
  for (let c = 1; c <= 7; c++) cells.push({ address: `${"ABCDEFG"[c - 1]}3`, value: `列${c}`, style: { bold: true, fill: "#D9E1F2", border: "thin", horizontal: "center" } });
  for (let r = 4; r < 4 + rows; r++) {
    for (let c = 1; c <= 7; c++) {
      cells.push({ address: `${"ABCDEFG"[c - 1]}${r}`, value: c === 2 ? r * 1.5 : text(r, c), numberFormat: c === 2 ? "0.00" : undefined, style: { border: "thin", vertical: "top", fontSize: 10 } });
    }
  }
  return { name, cells, merges: ["A1:G1"], rowHeights: Object.fromEntries(Array.from({ length: rows }, (_, i) => [4 + i, 30])) };
}

async function applyOnFake(plan: WritePlan, state = new FakeWorkbookState(), sets: (name: string, version: string) => boolean = ALL_SETS, splitAt?: number) {
  if (state.sheets.length === 0) state.addSheet("Sheet1");
  const { context, excel } = fakeExcel(state);
  const adapter = new ExcelAdapter(excel, { isSetSupported: sets, ...(splitAt !== undefined ? { splitAt } : {}) });
  await adapter.apply(plan);
  return { state, context, adapter, stats: adapter.lastApplyStats! };
}

describe("ExcelAdapter.apply writes few operations", () => {
  it("writes a sheet in a number of operations that does not grow with its rows", async () => {
    const small = await applyOnFake({ cellWrites: [], sheets: [tableSheet("表", 50)] });
    const large = await applyOnFake({ cellWrites: [], sheets: [tableSheet("表", 1000)] });
    expect(large.context.operations.length).toBe(small.context.operations.length);
    expect(large.context.operations.length).toBeLessThan(60);
    // every cell landed, with its format, style and box
    const s = large.state.find("表")!;
    expect(s.at("C1003")).toMatchObject({ value: "第1003行 丙", style: { "font.size": 10, verticalAlignment: "Top" } });
    expect(s.at("B500")).toMatchObject({ value: 750, numberFormat: "0.00" });
    expect(s.at("A4")?.numberFormat).toBeUndefined(); // only column B has a format: the array covers B4:B1003
    for (const side of ["top", "bottom", "left", "right"] as const) expect(s.borderAt("D777", side)).toEqual({ style: "Continuous", weight: "Thin" });
    expect(s.borderAt("A1", "top")).toBeUndefined();
    expect(s.rowHeights[1003]).toBe(30);
    // one values array and one number-format array for the table (2 blocks: the title row, then rows 3…1003)
    expect(large.context.operations.filter((op) => op.includes(".values="))).toHaveLength(2);
    expect(large.context.operations.filter((op) => op.includes(".numberFormat="))).toHaveLength(1);
    expect(large.context.operations.filter((op) => op.includes(".format.rowHeight="))).toHaveLength(1);
  });

  it("keeps text as text in a dense block (the apostrophe), and blanks the cells the spec leaves out", async () => {
    const texts = ['=HYPERLINK("x")', "001", "2025-10", "+86 29", "TRUE", "#N/A"];
    const spec: SheetSpec = { name: "S2", cells: [...texts.map((value, i) => ({ address: `B${i + 1}`, value })), { address: "D1", value: 5 }, { address: "D6", value: null, formula: "D1*2" }], merges: [] };
    const { state, context } = await applyOnFake({ cellWrites: [], sheets: [spec] });
    const s = state.find("S2")!;
    texts.forEach((t, i) => {
      expect(s.at(`B${i + 1}`)).toMatchObject({ value: t, quotePrefix: true });
      expect(s.at(`B${i + 1}`)?.formula).toBeUndefined();
    });
    expect(s.at("C3")?.value ?? null).toBeNull(); // inside the block, not in the spec: blank
    expect(s.at("D6")).toMatchObject({ formula: "=D1*2" });
    expect(context.operations.filter((op) => op.includes(".values="))).toEqual([
      `worksheets.add(S2).getRange(B1:D6).values=${JSON.stringify([["'=HYPERLINK(\"x\")", "", 5], ["'001", "", ""], ["'2025-10", "", ""], ["'+86 29", "", ""], ["'TRUE", "", ""], ["'#N/A", "", ""]])}`,
    ]);
  });

  it("writes owned cells of an existing sheet only where addressed: a gap keeps its value", async () => {
    const state = new FakeWorkbookState();
    state.addSheet("M", { G4: "旧", H4: 1, G5: "旧", H5: 2, H6: "keep", H7: 3, I4: "备注" });
    const writes: CellWrite[] = [
      { address: "G4", value: "团队 9 人" },
      { address: "H4", value: 9.5, numberFormat: "0.00" },
      { address: "G5", value: "是" },
      { address: "H5", value: 8, numberFormat: "0.00" },
      { address: "H7", value: 7, numberFormat: "0.00" },
    ];
    const { context } = await applyOnFake({ cellWrites: [{ sheet: "M", writes }], sheets: [] }, state);
    const m = state.find("M")!;
    expect(m.at("H6")?.value).toBe("keep");
    expect(m.at("I4")?.value).toBe("备注");
    expect(m.at("G4")).toMatchObject({ value: "团队 9 人", quotePrefix: true });
    expect(m.at("H5")).toMatchObject({ value: 8, numberFormat: "0.00" });
    expect(m.at("G5")?.numberFormat).toBeUndefined(); // no format asked: the cell keeps its own
    expect(context.operations.filter((op) => !op.startsWith("application."))).toEqual([
      "worksheets.getItem(M).getRange(H4:H5).numberFormat=[[\"0.00\"],[\"0.00\"]]",
      "worksheets.getItem(M).getRange(H7).numberFormat=[[\"0.00\"]]",
      `worksheets.getItem(M).getRange(G4:H5).values=${JSON.stringify([["'团队 9 人", 9.5], ["是", 8]])}`,
      "worksheets.getItem(M).getRange(H7).values=[[7]]",
    ]);
  });

  it("writes a cell inside a merged area (as the last read saw it) on its own, never as part of a rectangle", async () => {
    const state = new FakeWorkbookState();
    state.addSheet("M", { G5: "x", H5: 1, H6: 2 }, ["G5:G6"]);
    const { context, excel } = fakeExcel(state);
    const adapter = new ExcelAdapter(excel, { isSetSupported: ALL_SETS });
    const plan: WritePlan = { cellWrites: [{ sheet: "M", writes: [{ address: "G5", value: "是" }, { address: "H5", value: 9 }, { address: "H6", value: 8 }] }], sheets: [] };
    await adapter.apply(plan);
    expect(context.log[0]!.filter((op) => op.includes(".values="))).toEqual(["worksheets.getItem(M).getRange(G5:H5).values=[[\"是\",9]]", "worksheets.getItem(M).getRange(H6).values=[[8]]"]);
    await adapter.read();
    await adapter.apply(plan);
    expect(context.log.at(-1)!.filter((op) => op.includes(".values="))).toEqual(["worksheets.getItem(M).getRange(G5).values=[[\"是\"]]", "worksheets.getItem(M).getRange(H5:H6).values=[[9],[8]]"]);
    expect(state.find("M")!.at("G5")?.value).toBe("是");
  });

  it("sets a style shared by scattered cells once, on a multi-area range (ExcelApi 1.9), or once per rectangle without it", async () => {
    const bold = { bold: true, fill: "#FCE4D6" };
    const spec: SheetSpec = { name: "S", cells: [{ address: "A1", value: "a", style: bold }, { address: "C1", value: "c", style: bold }, { address: "B3", value: "b", style: bold }, { address: "C3", value: "c", style: bold }], merges: [] };
    const withAreas = await applyOnFake({ cellWrites: [], sheets: [spec] });
    expect(withAreas.context.operations.filter((op) => op.includes("font.bold"))).toEqual(["worksheets.add(S).getRanges(A1, C1, B3:C3).format.font.bold=true"]);
    const without = await applyOnFake({ cellWrites: [], sheets: [spec] }, new FakeWorkbookState(), (_n, v) => v !== "1.9");
    expect(without.context.operations.filter((op) => op.includes("font.bold"))).toEqual([
      "worksheets.add(S).getRange(A1).format.font.bold=true",
      "worksheets.add(S).getRange(C1).format.font.bold=true",
      "worksheets.add(S).getRange(B3:C3).format.font.bold=true",
    ]);
    for (const { state } of [withAreas, without]) {
      for (const a of ["A1", "C1", "B3", "C3"]) expect(state.find("S")!.at(a)?.style).toEqual({ "font.bold": true, "fill.color": "#FCE4D6" });
      expect(state.find("S")!.at("B1")?.style ?? {}).toEqual({});
    }
  });

  it("cuts a long multi-area address list into chunks the API accepts", async () => {
    // 3,000 scattered cells (a checkerboard): far over getRanges' 8,192 characters in one list
    const cells: CellWrite[] = [];
    for (let r = 1; r <= 100; r++) for (let c = 1; c <= 60; c += 2) cells.push({ address: `${columnLetter(c + (r % 2))}${r}`, value: 1, style: { fill: "#FFF2CC" } });
    const { state, context } = await applyOnFake({ cellWrites: [], sheets: [{ name: "C", cells, merges: [] }] });
    const fills = context.operations.filter((op) => op.includes("fill.color"));
    expect(fills.length).toBeGreaterThan(5);
    for (const op of fills) expect(/getRanges\((.*)\)\.format/.exec(op)?.[1]?.length ?? 0).toBeLessThanOrEqual(2048);
    const c = state.find("C")!;
    expect(cells.every((w) => c.at(w.address)?.style["fill.color"] === "#FFF2CC")).toBe(true);
    expect(c.at("A1")?.style ?? {}).toEqual({});
  });

  it("gives each cell its own box with few border operations, inside lines only where an area has them, the heavier line where kinds meet", async () => {
    const cells: CellWrite[] = [];
    for (const a of ["A1", "B1", "C1", "A2", "B2", "C2"]) cells.push({ address: a, value: a, style: { border: "thin" } });
    cells.push({ address: "G5", value: "g", style: { border: "thin" } }); // a lone cell
    cells.push({ address: "G1", value: "g", style: { border: "thin" } }, { address: "G2", value: "g", style: { border: "thin" } }); // one column
    cells.push({ address: "D2", value: "total", style: { border: "medium", bold: true } });
    const { state, context } = await applyOnFake({ cellWrites: [], sheets: [{ name: "B", cells, merges: [] }] });
    const b = state.find("B")!;
    const thin = { style: "Continuous", weight: "Thin" };
    const medium = { style: "Continuous", weight: "Medium" };
    for (const a of ["A1", "B1", "A2", "B2", "G5", "G1", "G2"]) for (const side of ["top", "bottom", "left", "right"] as const) expect(b.borderAt(a, side)).toEqual(thin);
    for (const side of ["top", "bottom", "left", "right"] as const) expect(b.borderAt("D2", side)).toEqual(medium);
    expect(b.borderAt("C2", "right")).toEqual(medium); // shared with D2: the heavier
    expect(b.borderAt("C1", "right")).toEqual(thin);
    expect(b.borderAt("A3", "top")).toEqual(thin); // A2's bottom
    expect(b.borderAt("A3", "bottom")).toBeUndefined();
    const borderOps = context.operations.filter((op) => op.includes(".borders."));
    expect(borderOps.filter((op) => op.includes("Inside"))).toEqual([
      "worksheets.add(B).getRange(G1:G2).format.borders.getItem(InsideHorizontal).style=Continuous",
      "worksheets.add(B).getRange(G1:G2).format.borders.getItem(InsideHorizontal).weight=Thin",
      "worksheets.add(B).getRange(A1:C2).format.borders.getItem(InsideHorizontal).style=Continuous",
      "worksheets.add(B).getRange(A1:C2).format.borders.getItem(InsideHorizontal).weight=Thin",
      "worksheets.add(B).getRange(A1:C2).format.borders.getItem(InsideVertical).style=Continuous",
      "worksheets.add(B).getRange(A1:C2).format.borders.getItem(InsideVertical).weight=Thin",
    ]);
    expect(borderOps).toHaveLength(8 + 10 + 12 + 8); // lone cell, one column, 2×3 block, the medium cell
  });

  it("rectangles: exact ones cover only the given cells, row blocks cover each run of rows", () => {
    const cells = [
      { row: 4, col: 7 }, { row: 4, col: 8 }, { row: 5, col: 7 }, { row: 5, col: 8 }, { row: 6, col: 8 }, { row: 2, col: 8 }, { row: 9, col: 1 },
    ];
    expect(exactRects(cells)).toEqual([
      { top: 2, left: 8, bottom: 2, right: 8 },
      { top: 4, left: 7, bottom: 5, right: 8 },
      { top: 6, left: 8, bottom: 6, right: 8 },
      { top: 9, left: 1, bottom: 9, right: 1 },
    ]);
    expect(rowBlocks(cells)).toEqual([
      { top: 2, left: 8, bottom: 2, right: 8 },
      { top: 4, left: 7, bottom: 6, right: 8 },
      { top: 9, left: 1, bottom: 9, right: 1 },
    ]);
    const covered = exactRects(cells).reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    expect(covered).toBe(cells.length);
  });
});

describe("ExcelAdapter.apply request size", () => {
  it("keeps the largest request of a full recompute of 12 and of 120 months under 5 MB, in one write sync", async () => {
    const twelve = await recompute(await exampleWorkbook());
    const hundredTwenty = await recompute(await generatedWorkbook(120, "2016-01"));
    for (const m of [twelve, hundredTwenty]) {
      expect(m.applyStats.largestPayloadBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
      expect(m.applyStats).toMatchObject({ syncs: 1, splits: 0 });
      expect({ open: m.openSyncs, read: m.readSyncs, apply: m.applySyncs }).toEqual({ open: 3, read: 1, apply: 1 });
      // the fake's own log of what was sent, measured the bench's way, agrees with the adapter's estimate
      const measured = m.syncs.filter((s) => s.phase === "apply").map((s) => s.officeRequest);
      expect(measured).toHaveLength(1);
      expect(Math.abs((measured[0] ?? 0) - m.applyStats.largestPayloadBytes)).toBeLessThan(0.05 * m.applyStats.largestPayloadBytes);
    }
    // it was ~10 MB and ~94 MB cell by cell; now well under
    expect(twelve.applyStats.largestPayloadBytes).toBeLessThan(1024 * 1024);
    expect(hundredTwenty.applyStats.largestPayloadBytes).toBeLessThan(2.5 * 1024 * 1024);
  }, 60_000);

  it("splits a plan that would pass 5 MB into more syncs, each under the limit, counts the splits, and writes all of it", async () => {
    const big = tableSheet("大表", 800, (r, c) => `${r}-${c}-${"长".repeat(700)}`); // ~800 × 6 × 2.1 KB ≈ 10 MB of text
    const plan: WritePlan = { cellWrites: [], sheets: [big, paymentSheet(12)] };
    const whole = estimateApply(plan, { splitAt: Number.POSITIVE_INFINITY });
    expect(whole).toHaveLength(1);
    expect(whole[0]).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
    const { state, context, stats } = await applyOnFake(plan);
    expect(stats.splits).toBeGreaterThanOrEqual(2);
    expect(stats.syncs).toBe(stats.splits + 1);
    expect(context.syncCount).toBe(stats.syncs);
    expect(stats.payloadBytes).toHaveLength(stats.syncs);
    for (const bytes of stats.payloadBytes) expect(bytes).toBeLessThanOrEqual(SPLIT_AT);
    expect(stats.largestPayloadBytes).toBe(Math.max(...stats.payloadBytes));
    expect(estimateApply(plan)).toEqual(stats.payloadBytes);
    // what the fake received, measured the bench's way: every sync under 5 MB, calculation suspended
    // in each but the last, which ends with a full recalculation
    context.log.forEach((ops, i) => {
      expect(officeJsRequestBytes(ops)).toBeLessThan(WEB_PAYLOAD_LIMIT);
      if (i < context.log.length - 1) expect(ops[0]).toBe("application.suspendApiCalculationUntilNextSync()");
      else expect(ops.at(-1)).toBe("application.calculate(Full)");
    });
    expect(state.recalcNeeded).toBe("none");
    // later batches get the sheet again by name (a proxy is not carried over)
    expect(context.log[1]!.some((op) => op.startsWith("worksheets.getItem(大表)."))).toBe(true);
    const s = state.find("大表")!;
    expect(s.at("G803")?.value).toBe(`803-7-${"长".repeat(700)}`);
    expect(s.borderAt("G803", "bottom")).toEqual({ style: "Continuous", weight: "Thin" });
    expect(state.find("付款结算")!.charts).toHaveLength(1);
  }, 60_000);

  it("does not split a plan under the limit, and a split plan leaves the same workbook as one batch would", async () => {
    const plan = planFor(12);
    const one = await applyOnFake(plan, workbook(12));
    expect(one.stats).toMatchObject({ syncs: 1, splits: 0 });
    const many = await applyOnFake(plan, workbook(12), ALL_SETS, 8 * 1024); // a tiny limit forces splits
    expect(many.stats.splits).toBeGreaterThan(3);
    for (const bytes of many.stats.payloadBytes) expect(bytes).toBeLessThanOrEqual(8 * 1024);
    expect(many.context.syncCount).toBe(many.stats.syncs);
    const view = (st: FakeWorkbookState) =>
      st.sheets.map((sh) => ({
        name: sh.name,
        cells: [...sh.cells].filter(([, c]) => c.value !== null || c.formula !== undefined || Object.keys(c.style).length > 0).sort(),
        merges: sh.merges,
        borders: ["A3", "B3", "B10", "A21"].map((a) => (["top", "bottom", "left", "right"] as const).map((side) => sh.borderAt(a, side))),
        widths: sh.columnWidths,
        heights: sh.rowHeights,
        cf: sh.conditionalFormats,
        validations: sh.validations,
        layout: sh.pageLayout,
        charts: sh.charts,
        freeze: sh.freezeRows,
        tab: sh.tabColor,
      }));
    expect(view(many.state)).toEqual(view(one.state));
  });

  it("estimates a request as office-js's JSON, exactly as built here, and rolls back", () => {
    const e = new RequestEstimate();
    e.set([{ name: "worksheets" }, { name: "getItem", args: ["表"] }, { name: "getRange", args: ["A1:B1"] }], "values", [["甲", 1]]);
    e.method([{ name: "worksheets" }, { name: "getItem", args: ["表"] }, { name: "getRange", args: ["A1:B1"] }], "merge", [false]);
    const request = {
      Actions: [
        { Id: 2, ActionType: 1, Name: "", ObjectPathId: 1 },
        { Id: 4, ActionType: 1, Name: "", ObjectPathId: 3 },
        { Id: 6, ActionType: 1, Name: "", ObjectPathId: 5 },
        { Id: 7, ActionType: 4, Name: "values", ObjectPathId: 5, ArgumentInfo: { Arguments: [[["甲", 1]]] } },
        { Id: 8, ActionType: 3, Name: "merge", ObjectPathId: 5, ArgumentInfo: { Arguments: [false] } },
      ],
      ObjectPaths: {
        1: { Id: 1, ObjectPathType: 4, Name: "worksheets" },
        3: { Id: 3, ObjectPathType: 3, Name: "getItem", ParentObjectPathId: 1, ArgumentInfo: { Arguments: ["表"] } },
        5: { Id: 5, ObjectPathType: 3, Name: "getRange", ParentObjectPathId: 3, ArgumentInfo: { Arguments: ["A1:B1"] } },
      },
    };
    expect(e.bytes).toBe(Buffer.byteLength(JSON.stringify(request), "utf8"));
    expect(e.actions).toBe(5);
    const before = e.bytes;
    const mark = e.mark();
    e.set([{ name: "worksheets" }, { name: "getItem", args: ["另一表"] }], "tabColor", "#1F4E79");
    expect(e.bytes).toBeGreaterThan(before);
    e.rollback(mark);
    expect(e.bytes).toBe(before);
    expect(utf8Length("a表😀")).toBe(Buffer.byteLength("a表😀", "utf8"));
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
