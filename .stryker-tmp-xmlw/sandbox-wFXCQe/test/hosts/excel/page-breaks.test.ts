/**
 * The Excel adapter's print setup for the product's printed forms (issue 15 point 9): a fixed scale
 * (zoom.scale) with manual page breaks (horizontalPageBreaks.add above the row after each break),
 * fit to one page (zoom 1 × 1) for a monthly 附件二, and nothing of it on a host without
 * ExcelApi 1.9 (the manifest asks for 1.7: the page layout is probed and said to be skipped).
 */
// @ts-nocheck

import { ExcelAdapter } from "../../../src/hosts/excel/excel-adapter";
import type { SheetSpec, WritePlan } from "../../../src/workbook/model";
import { buildMonthSheet } from "../../../src/workbook/sheets/template";
import { fakeExcel } from "./fake-excel";

const ALL_SETS = () => true;

function form(print: SheetSpec["print"]): WritePlan {
  const spec: SheetSpec = { name: "付款结算", cells: [{ address: "A1", value: "付款结算单" }, { address: "A40", value: "日期" }], merges: [], rowHeights: { 1: 28 }, print };
  return { cellWrites: [], sheets: [spec] };
}

describe("the Excel adapter prints the forms as planned", () => {
  it("a fixed scale and manual row breaks: zoom { scale: 100 }, a break above rows 20 and 34 (after 19 and 33)", async () => {
    const { state, context, excel } = fakeExcel();
    const adapter = new ExcelAdapter(excel, { isSetSupported: ALL_SETS });
    await adapter.apply(form({ orientation: "portrait", paperSize: "A4", printArea: "A1:G40", scale: 100, rowBreaks: [19, 33], repeatRows: "1:2" }));
    const sheet = state.find("付款结算");
    expect(sheet?.pageLayout).toMatchObject({ orientation: "Portrait", paperSize: "A4", printArea: "A1:G40", printTitleRows: "$1:$2", zoom: { scale: 100 } });
    expect(sheet?.pageBreaks).toEqual(["A20", "A34"]);
    expect(context.operations.filter((op) => op.includes("horizontalPageBreaks.add"))).toHaveLength(2);
    expect(adapter.skipped).toEqual([]);
  });

  it("a monthly 附件二 from the template: fit to one page wide and one page tall, no breaks", async () => {
    const { state, excel } = fakeExcel();
    await new ExcelAdapter(excel, { isSetSupported: ALL_SETS }).apply({ cellWrites: [], sheets: [buildMonthSheet("2025-10")] });
    const sheet = state.find("2025年10月");
    expect(sheet?.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printArea: "A1:I20", zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 } });
    expect(sheet?.pageBreaks).toEqual([]);
  });

  it("without ExcelApi 1.9 (the manifest's minimum is 1.7): no page layout, no page breaks, and the pane is told", async () => {
    const { state, context, excel } = fakeExcel();
    const adapter = new ExcelAdapter(excel, { isSetSupported: (_name, version) => Number(version) <= 1.8 });
    await adapter.apply(form({ orientation: "portrait", paperSize: "A4", scale: 100, rowBreaks: [19] }));
    expect(state.find("付款结算")?.pageBreaks).toEqual([]);
    expect(context.operations.some((op) => op.includes("pageLayout") || op.includes("PageBreaks"))).toBe(false);
    expect(adapter.skipped.map((s) => [s.requirement, s.message])).toEqual([["ExcelApi 1.9", "此版本的 Excel 不支持打印设置（A4、打印区域、标题行、分页符）（需要 ExcelApi 1.9），已跳过。"]]);
  });
});
