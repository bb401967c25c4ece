// @ts-nocheck
import ExcelJS from "exceljs";
import { findScorecards } from "../../../src/workbook/read/find-scorecards";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import { problemLine } from "../../../src/workbook/read/located";
import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { runWorkbook } from "../../../src/workbook/plan";
import { newExcelJsWorkbook as newWorkbook } from "../../fixtures/exceljs-render";
import { buildTemplate, templatePlan } from "../../../src/workbook/sheets/template";
import { addInputSheets, addScorecard, exampleData, exampleWorkbook, ScorecardCells, ScorecardLayout, toBuffer } from "../../fixtures/workbooks";

async function snapshotOf(buffer: Uint8Array): Promise<WorkbookSnapshot> {
  return (await ExcelFileAdapter.fromBuffer(buffer)).read();
}

/** Scores the workbook and checks the SPEC §7 month landed in the layout's owned cells. */
async function expectExampleScored(buffer: Uint8Array, cells: ScorecardCells): Promise<void> {
  const result = runWorkbook(await snapshotOf(buffer), { asOf: "2025-12-31" });
  expect(result.errors.map((e) => problemLine(e))).toEqual([]);
  const writes = result.plan?.cellWrites.find((w) => w.sheet === cells.sheet)?.writes ?? [];
  const at = (address: string) => writes.find((w) => w.address === address);
  expect(at(cells.totalCell)).toEqual({ address: cells.totalCell, value: 93.25, numberFormat: "0.00" });
  expect(at(cells.scoreCells[1] ?? "")?.value).toBe(9);
  expect(at(cells.scoreCells[4] ?? "")?.value).toBe(3);
  expect(at(cells.scoreCells[9] ?? "")?.value).toBe(9.75);
  expect(at(cells.scoreCells[13] ?? "")?.value).toBe(-2);
  expect(at(cells.summaryCells[1] ?? "")?.value).toBe("团队 9 人，少 1 人");
  // 14 scores + 14 summaries + the total, nothing else.
  expect(writes).toHaveLength(29);
}

async function oneScorecard(layout: Partial<ScorecardLayout>): Promise<{ buffer: Buffer; cells: ScorecardCells }> {
  return exampleWorkbook(layout);
}

describe("finding the monthly scorecards by content", () => {
  it("reads the plain layout: header on row 4, 考核得分 beside its label", async () => {
    const { buffer, cells } = await oneScorecard({});
    const found = findScorecards(await snapshotOf(buffer));
    expect(found.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(found.scorecards).toHaveLength(1);
    const card = found.scorecards[0];
    expect(card?.month).toBe("2025-10");
    expect(card?.monthFrom).toEqual({ kind: "cell", cell: "C2" });
    expect(card?.headerRow).toBe(4);
    expect(card?.totalCell).toBe("H2");
    expect(card?.items.map((i) => i.row)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    await expectExampleScored(buffer, cells);
  });

  it("finds a table shifted to start at C4", async () => {
    const { buffer, cells } = await oneScorecard({ origin: { row: 4, col: 3 } });
    expect(cells.totalCell).toBe("J5");
    expect(cells.scoreCells[1]).toBe("J8");
    const card = findScorecards(await snapshotOf(buffer)).scorecards[0];
    expect(card?.headerRow).toBe(7);
    await expectExampleScored(buffer, cells);
  });

  it("finds a renamed sheet, with blank rows between sections", async () => {
    const { buffer, cells } = await oneScorecard({ sheetName: "附件二 十月考核", blankRows: true });
    const card = findScorecards(await snapshotOf(buffer)).scorecards[0];
    expect(card?.sheet).toBe("附件二 十月考核");
    expect(card?.items.find((i) => i.no === 6)?.row).toBe(11);
    await expectExampleScored(buffer, cells);
  });

  it("reads full-width brackets '（40）', '满分（分）' and '来电接通率（名次）'", async () => {
    const { buffer, cells } = await oneScorecard({ fullWidth: true });
    await expectExampleScored(buffer, cells);
  });

  it("reads labels with extra spaces ('队伍 建设', '来电 15s 内接通率', '序　号', ' 单项得分 ')", async () => {
    const { buffer, cells } = await oneScorecard({ spaced: true });
    await expectExampleScored(buffer, cells);
  });

  it("reads the month from one cell '考核月份：2025年10月'", async () => {
    const { buffer, cells } = await oneScorecard({ sheetName: "Sheet1", monthStyle: "one-cell" });
    const card = findScorecards(await snapshotOf(buffer)).scorecards[0];
    expect(card?.month).toBe("2025-10");
    expect(card?.monthFrom).toEqual({ kind: "cell", cell: "A2" });
    await expectExampleScored(buffer, cells);
  });

  it("reads a real date in the month cell", async () => {
    const { buffer, cells } = await oneScorecard({ sheetName: "Sheet1", monthStyle: "date" });
    const snapshot = await snapshotOf(buffer);
    const c2 = snapshot.sheets[0]?.cells.find((c) => c.row === 2 && c.col === 3);
    expect(c2?.value).toBe(45931); // 2025-10-01 as an Excel serial
    expect(findScorecards(snapshot).scorecards[0]?.month).toBe("2025-10");
    await expectExampleScored(buffer, cells);
  });

  it.each(["2025年10月", "2025.10", "2025-10", "202510", "附件二（2025年10月）"])("takes the month from the sheet name %s when the month cell is empty", async (name) => {
    const { buffer, cells } = await oneScorecard({ sheetName: name, monthStyle: "none" });
    const card = findScorecards(await snapshotOf(buffer)).scorecards[0];
    expect(card?.month).toBe("2025-10");
    expect(card?.monthFrom.kind).toBe("sheet-name");
    await expectExampleScored(buffer, cells);
  });

  it("writes 考核得分 right of a merged label, and into a 考核得分 row of the table", async () => {
    const merged = await oneScorecard({ totalStyle: "merged-label" });
    expect(findScorecards(await snapshotOf(merged.buffer)).scorecards[0]?.totalCell).toBe("H2");
    await expectExampleScored(merged.buffer, merged.cells);
    const row = await oneScorecard({ totalStyle: "table-row" });
    expect(row.cells.totalCell).toBe("H19");
    await expectExampleScored(row.buffer, row.cells);
  });

  it("finds 客户有效投诉 one column to the right, as the contract's own table has it, and unmerged sections", async () => {
    const shifted = await oneScorecard({ contractShift: true });
    await expectExampleScored(shifted.buffer, shifted.cells);
    const unmerged = await oneScorecard({ mergeSections: false });
    await expectExampleScored(unmerged.buffer, unmerged.cells);
  });

  it("ignores extra sheets, even one with a 序号/满分 table that is not a scorecard", async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet("说明");
    notes.getCell("A1").value = "本工作簿用于 12367 热线月度考核";
    const other = wb.addWorksheet("人员名单");
    ["序号", "姓名", "考核指标", "满分"].forEach((h, i) => (other.getCell(1, i + 1).value = h));
    other.getCell("A2").value = 1;
    other.getCell("B2").value = "李四";
    const cells = addScorecard(wb, { sheetName: "2025年10月", month: "2025-10" });
    addInputSheets(wb, exampleData());
    const buffer = await toBuffer(wb);
    const found = findScorecards(await snapshotOf(buffer));
    expect(found.scorecards.map((c) => c.sheet)).toEqual(["2025年10月"]);
    expect(found.problems).toEqual([]);
    await expectExampleScored(buffer, cells);
  });

  it("refuses a scorecard missing row 7, naming the sheet and the row", async () => {
    const { buffer } = await oneScorecard({ sheetName: "十月", omit: 7 });
    const found = findScorecards(await snapshotOf(buffer));
    expect(found.scorecards).toEqual([]);
    const errors = found.problems.filter((p) => p.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.sheet).toBe("十月");
    expect(errors[0]?.indicator).toBe("来电15s内接通率");
    expect(errors[0]?.message).toContain("缺少第 7 项「来电15s内接通率」");
    const result = runWorkbook(await snapshotOf(buffer), { asOf: "2025-12-31" });
    expect(result.ok).toBe(false);
    expect(result.plan).toBeNull();
  });

  it("refuses two sheets for one month, naming both", async () => {
    const wb = new ExcelJS.Workbook();
    addScorecard(wb, { sheetName: "2025年10月", month: "2025-10" });
    addScorecard(wb, { sheetName: "十月（副本）", month: "2025-10" });
    addInputSheets(wb, exampleData());
    const result = runWorkbook(await snapshotOf(await toBuffer(wb)), { asOf: "2025-12-31" });
    expect(result.ok).toBe(false);
    const dup = result.errors.find((e) => e.code === "duplicate-scorecard");
    expect(dup?.message).toContain("「2025年10月」");
    expect(dup?.message).toContain("「十月（副本）」");
  });

  it("refuses a scorecard whose month cannot be found, and a month cell it cannot read", async () => {
    const none = findScorecards(await snapshotOf((await oneScorecard({ sheetName: "Sheet1", monthStyle: "none" })).buffer));
    expect(none.problems.map((p) => [p.code, p.sheet])).toEqual([["no-month", "Sheet1"]]);

    const wb = new ExcelJS.Workbook();
    addScorecard(wb, { sheetName: "Sheet1", month: "2025-10" });
    wb.getWorksheet("Sheet1")!.getCell("C2").value = "2025年13月";
    const bad = findScorecards(await snapshotOf(await toBuffer(wb)));
    expect(bad.problems.map((p) => [p.code, p.sheet, p.cell])).toEqual([["bad-month", "Sheet1", "C2"]]);
  });

  it("prefers the month cell over a sheet name that disagrees, with a warning", async () => {
    const wb = new ExcelJS.Workbook();
    addScorecard(wb, { sheetName: "2025年9月", month: "2025-10" });
    const found = findScorecards(await snapshotOf(await toBuffer(wb)));
    expect(found.scorecards[0]?.month).toBe("2025-10");
    expect(found.problems.map((p) => [p.severity, p.code])).toEqual([["warning", "month-name-differs"]]);
  });

  it("will not overwrite text the clerk put right of the 考核得分 label", async () => {
    const wb = new ExcelJS.Workbook();
    addScorecard(wb, { sheetName: "2025年10月", month: "2025-10" });
    wb.getWorksheet("2025年10月")!.getCell("H2").value = "待甲方确认";
    const found = findScorecards(await snapshotOf(await toBuffer(wb)));
    expect(found.scorecards).toEqual([]);
    expect(found.problems.map((p) => [p.code, p.cell])).toEqual([["total-cell-taken", "H2"]]);
  });

  it("reads the product's own template (one sheet per month, 考核得分 in H2)", async () => {
    const wb = newWorkbook(templatePlan(buildTemplate({ from: "2024-12", months: 12 })));
    const found = findScorecards(await snapshotOf(await toBuffer(wb)));
    expect(found.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(found.scorecards).toHaveLength(12);
    expect(found.scorecards.map((c) => c.month)).toEqual(["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"]);
    expect(new Set(found.scorecards.map((c) => c.totalCell))).toEqual(new Set(["H2"]));
    expect(found.scorecards[0]?.items.map((i) => i.scoreCell)).toEqual(Array.from({ length: 14 }, (_, i) => `H${i + 4}`));
  });
});

describe("a merge that reaches into an owned column from the left", () => {
  it("is refused, naming the merged cell, instead of overwriting the clerk's 评分细则", async () => {
    const { buffer } = await oneScorecard({});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer);
    wb.getWorksheet("2025年10月")!.mergeCells("E5:G5"); // 评分细则 + 满分 + 完成情况 of item 1
    const found = findScorecards(await snapshotOf(await toBuffer(wb)));
    const e = found.problems.find((p) => p.code === "merged-into-owned");
    expect(e?.severity).toBe("error");
    expect(e?.cell).toBe("E5");
    expect(e?.message).toContain("队伍建设");
  });
});
