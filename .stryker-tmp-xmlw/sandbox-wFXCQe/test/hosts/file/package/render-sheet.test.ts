/**
 * renderWorksheet: a sheet the product owns as a whole worksheet part, without ExcelJS. Checked
 * three ways: the part is schema-valid (ECMA-376 sml.xsd through xmllint-wasm) and keeps Excel's
 * further rules (rows and cells in order, no duplicates, ≤ 32,767 characters a cell); wrapped in a
 * minimal package and read by ExcelJS it gives what writeSheetSpec's rendering of the same spec gives
 * (values, formulas, looks, merges, widths, heights, print setup and titles, frozen rows, tab colour,
 * validations, highlights); and the looks are asked of the allocator once per (look, format, style).
 */
// @ts-nocheck

import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeSheetSpec } from "../../../fixtures/exceljs-render";
import { ExcelFileAdapter } from "../../../../src/hosts/file/file-adapter";
import { renderWorksheet, type RenderedWorksheet, type StyleAllocator } from "../../../../src/hosts/file/package/render-sheet";
import { defaultRules } from "../../../../src/domain";
import type { CellStyle, SheetSpec, WritePlan } from "../../../../src/workbook/model";
import { runWorkbookAsync } from "../../../../src/workbook/plan";
import { buildExplainSheet } from "../../../../src/workbook/sheets/explain-sheet";
import { buildPaymentSheet } from "../../../../src/workbook/sheets/payment-sheet";
import { buildTemplate } from "../../../../src/workbook/sheets/template";
import { perfectMonth, scored } from "../../../domain/builders";
import { checkParts } from "../../../fixtures/ooxml-schema";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..", "..", "..");
const EXAMPLE = path.join(ROOT, "assets", "example-2024-2025.xlsx");

// ---------------------------------------------------------------------------------------------
// A fake allocator: hands out indexes, remembers the look of each (what test/fixtures/exceljs-render.ts's restyle
// makes of base + format + style), and records every call.

interface Look {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  fill?: string;
  border?: string;
}

const argb = (c: string) => `FF${c.replace(/^#/, "").toUpperCase()}`;

/** What a reader sees of a look: defaults (General, size 11, false, no border) left out. */
function visible(look: Look): Look {
  const out: Look = {};
  if (look.numFmt !== undefined && look.numFmt !== "General") out.numFmt = look.numFmt;
  if (look.bold) out.bold = true;
  if (look.italic) out.italic = true;
  if (look.size !== undefined && look.size !== 11) out.size = look.size;
  if (look.color !== undefined) out.color = look.color;
  if (look.wrap) out.wrap = true;
  if (look.horizontal !== undefined) out.horizontal = look.horizontal;
  if (look.vertical !== undefined) out.vertical = look.vertical;
  if (look.fill !== undefined) out.fill = look.fill;
  if (look.border !== undefined && look.border !== "none") out.border = look.border;
  return out;
}

class FakeStyles implements StyleAllocator {
  readonly looks: Look[] = [{}];
  readonly calls: [number, string | undefined, CellStyle | undefined][] = [];
  readonly highlights: [string, string | undefined][] = [];
  private readonly index = new Map<string, number>([["{}", 0]]);

  restyle(baseXf: number, numberFormat: string | undefined, style: CellStyle | undefined): number {
    this.calls.push([baseXf, numberFormat, style]);
    const base = this.looks[baseXf];
    if (!base) throw new Error(`no cellXfs ${baseXf}`);
    const look: Look = { ...base };
    if (numberFormat !== undefined) look.numFmt = numberFormat;
    if (style?.bold !== undefined) look.bold = style.bold;
    if (style?.italic !== undefined) look.italic = style.italic;
    if (style?.fontSize !== undefined) look.size = style.fontSize;
    if (style?.fontColor !== undefined) look.color = argb(style.fontColor);
    if (style?.wrap !== undefined) look.wrap = style.wrap;
    if (style?.horizontal !== undefined) look.horizontal = style.horizontal;
    if (style?.vertical !== undefined) look.vertical = style.vertical;
    if (style?.fill !== undefined) look.fill = argb(style.fill);
    if (style?.border !== undefined) look.border = style.border;
    const key = JSON.stringify(Object.entries(look).sort());
    let xf = this.index.get(key);
    if (xf === undefined) {
      xf = this.looks.push(look) - 1;
      this.index.set(key, xf);
    }
    return xf;
  }

  highlight(fill: string, fontColor?: string): number {
    return this.highlights.push([fill, fontColor]) - 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Schema check (as test/hosts/file/recalc-on-open.test.ts) and Excel's further rules.


/** Schema errors and Excel's own rules for the part (test/fixtures/ooxml-schema.ts, the one check every suite uses). */
async function smlErrors(xml: string): Promise<string[]> {
  return (await checkParts([{ name: "xl/worksheets/sheet1.xml", data: xml }]))[0]?.errors ?? [];
}

/** Rows ascending, cells of a row ascending and in their row, no address twice, no text over 32,767 characters. */
function excelRuleErrors(xml: string): string[] {
  const errors: string[] = [];
  let lastRow = 0;
  for (const m of xml.matchAll(/<row r="(\d+)"[^>]*?(?:\/>|>(.*?)<\/row>)/g)) {
    const row = Number(m[1]);
    if (row <= lastRow) errors.push(`row ${row} after ${lastRow}`);
    lastRow = row;
    let lastCol = 0;
    for (const c of (m[2] ?? "").matchAll(/<c r="([A-Z]+)(\d+)"/g)) {
      const col = [...(c[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      if (Number(c[2]) !== row) errors.push(`${c[1]}${c[2]} in row ${row}`);
      if (col <= lastCol) errors.push(`${c[1]}${c[2]} out of order`);
      lastCol = col;
    }
  }
  for (const t of xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)) {
    const text = (t[1] as string).replace(/&(lt|gt|amp|quot|apos|#\d+);/g, "x");
    if (text.length > 32_767) errors.push(`text of ${text.length} characters`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Read back: the part in a minimal package, and writeSheetSpec's rendering, both loaded by ExcelJS.

async function minimalPackage(name: string, rendered: RenderedWorksheet, xfCount: number, dxfCount: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  );
  zip.file("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const names = rendered.definedNames.map((d) => `<definedName name="${d.name}" localSheetId="0">${esc(d.value)}</definedName>`).join("");
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="${esc(name)}" sheetId="1" r:id="rId1"/></sheets>${names ? `<definedNames>${names}</definedNames>` : ""}</workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfCount}">${'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'.repeat(xfCount)}</cellXfs><dxfs count="${dxfCount}">${"<dxf/>".repeat(dxfCount)}</dxfs></styleSheet>`,
  );
  zip.file("xl/worksheets/sheet1.xml", rendered.xml);
  return zip.generateAsync({ type: "nodebuffer" });
}

async function load(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

function lookOfCell(cell: ExcelJS.Cell): Look {
  const fill = cell.fill?.type === "pattern" ? (cell.fill.fgColor?.argb ?? undefined) : undefined;
  return visible({
    numFmt: cell.numFmt,
    bold: cell.font?.bold,
    italic: cell.font?.italic,
    size: cell.font?.size,
    color: cell.font?.color?.argb,
    wrap: cell.alignment?.wrapText,
    horizontal: cell.alignment?.horizontal,
    vertical: cell.alignment?.vertical,
    fill,
    border: cell.border?.top?.style,
  });
}

/** A date format reads a number back as a Date (the looks of the minimal package have no formats): compared as the serial number. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** Everything a reader sees of the sheet; `lookOf` gives a cell's look. */
function sheetView(ws: ExcelJS.Worksheet, lookOf: (cell: ExcelJS.Cell) => Look) {
  const cells: unknown[] = [];
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined) heights[r] = row.height;
    row.eachCell({ includeEmpty: true }, (cell) => {
      const look = lookOf(cell);
      if ((cell.value === null || cell.value === undefined) && Object.keys(look).length === 0) return;
      cells.push([cell.address, cell.type === ExcelJS.ValueType.Date ? ExcelJS.ValueType.Number : cell.type, plain(cell.value), look]);
    });
  });
  const model = ws.model as unknown as { merges?: string[]; conditionalFormattings?: { ref: string; rules: { type: string; operator: string; formulae: unknown[]; priority: number }[] }[] };
  const p = ws.pageSetup;
  return {
    cells,
    heights,
    merges: [...(model.merges ?? [])].sort(),
    widths: (ws.columns ?? []).map((c) => c.width ?? null),
    print: { printArea: p.printArea, printTitlesRow: p.printTitlesRow, orientation: p.orientation ?? "portrait" /* no pageSetup: Excel's default */, paperSize: p.paperSize, fitToPage: p.fitToPage ?? false, fitToWidth: p.fitToPage ? p.fitToWidth : null, fitToHeight: p.fitToPage ? p.fitToHeight : null, margins: p.margins },
    views: ((ws.views ?? []) as Partial<ExcelJS.WorksheetViewFrozen>[]).filter((v) => v.state === "frozen").map((v) => ({ state: v.state, ySplit: v.ySplit, topLeftCell: v.topLeftCell })),
    tabColor: ws.properties.tabColor ?? null,
    validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    highlights: (model.conditionalFormattings ?? []).map((cf) => ({ ref: cf.ref, rules: cf.rules.map((r) => ({ type: r.type, operator: r.operator, formulae: r.formulae, priority: r.priority })) })),
  };
}

/** The style index written for each address (`s`, 0 when absent). */
function xfsOf(xml: string): Map<string, number> {
  return new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)].map((m) => [m[1] as string, Number(m[2] ?? 0)]));
}

/** The spec rendered here and by writeSheetSpec, each as ExcelJS reads it back. */
async function bothWays(spec: SheetSpec): Promise<{ mine: ReturnType<typeof sheetView>; theirs: ReturnType<typeof sheetView>; rendered: RenderedWorksheet; styles: FakeStyles }> {
  const styles = new FakeStyles();
  const rendered = renderWorksheet(spec, styles);
  const back = await load(await minimalPackage(spec.name, rendered, styles.looks.length, Math.max(1, styles.highlights.length)));
  const ws = back.getWorksheet(spec.name);
  if (!ws) throw new Error("sheet not read back");
  const xfs = xfsOf(rendered.xml);
  const mine = sheetView(ws, (cell) => visible(styles.looks[xfs.get(cell.address) ?? 0] as Look));
  // ExcelJS leaves out a column 9 wide (it takes 9 for its default; Excel's is 8.43): written here as asked.
  for (const [letter, width] of Object.entries(spec.columnWidths ?? {})) {
    if (width !== 9) continue;
    const col = [...letter.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    expect(rendered.xml).toContain(`<col min="${col}" max="${col}" width="9" customWidth="1"/>`);
    expect(mine.widths[col - 1]).toBe(9);
    mine.widths[col - 1] = null;
  }

  const wb = new ExcelJS.Workbook();
  writeSheetSpec(wb, spec);
  const theirsWs = (await load((await wb.xlsx.writeBuffer()) as ArrayBuffer)).getWorksheet(spec.name);
  if (!theirsWs) throw new Error("sheet not read back");
  return { mine, theirs: sheetView(theirsWs, lookOfCell), rendered, styles };
}

async function expectValidPart(xml: string): Promise<void> {
  expect(await smlErrors(xml)).toEqual([]);
  expect(excelRuleErrors(xml)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------

const SPEC: SheetSpec = {
  name: "付款结算",
  cells: [
    { address: "A1", value: "付款结算", style: { bold: true, fontSize: 16, horizontal: "center" } },
    { address: "A2", value: '=HYPERLINK("x")' },
    { address: "A3", value: "+86 029", style: { italic: true } },
    { address: "A4", value: "-5", style: { fontColor: "#C00000" } },
    { address: "A5", value: "@home" },
    { address: "B2", value: 1378, numberFormat: "¥#,##0.00", style: { border: "thin", fill: "#DDEBF7" } },
    { address: "B3", value: 45830, numberFormat: "yyyy-mm-dd" },
    { address: "B4", value: 2, formula: "B2*0+2", style: { border: "medium" } },
    { address: "B5", value: "通过", formula: '=IF(B2>0,"通过","否")' },
    { address: "B6", value: true, formula: "B2>0" },
    { address: "C2", value: "是", style: { wrap: true, vertical: "top", horizontal: "left" } },
    { address: "C6", value: "合并", style: { border: "thin", fill: "#FFF2CC" } },
    { address: "D5", value: true },
    { address: "E5", value: null },
    { address: "E6", value: null, style: { fill: "#FFC7CE" } },
    // The same address again: builds on the earlier look.
    { address: "A3", value: "+86 029 改", style: { bold: true } },
    // In the merge C6:D8: D7 has a look of its own, C8 a format only (it takes the master's look).
    { address: "D7", value: null, style: { italic: true } },
    { address: "C8", value: null, numberFormat: "0.00" },
  ],
  merges: ["A1:D1", "C6:D8"],
  columnWidths: { B: 14.5, A: 24 },
  rowHeights: { 1: 30, 12: 18.75 },
  print: { orientation: "landscape", paperSize: "A4", printArea: "A1:D20", fitToWidth: true, repeatRows: "1:2", margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.7 } },
  conditionalHighlights: [
    { range: "B2:B9", lessThan: 95, fill: "#FFC7CE", fontColor: "#9C0006" },
    { range: "C2:C9", lessThan: -1.5, fill: "#FFEB9C" },
  ],
  validations: [{ range: "C2:C9", values: ["是", "否"] }],
  freezeRows: 2,
  tabColor: "#70AD47",
  chart: { title: "月度得分", categories: "A2:A3", series: [{ name: "得分", values: "B2:B3" }], anchor: { from: "F2", to: "L20" } },
};

async function scoredPlan(): Promise<WritePlan> {
  const adapter = await ExcelFileAdapter.fromBuffer(readFileSync(EXAMPLE));
  const result = await runWorkbookAsync(await adapter.read(), { asOf: "2026-01-31", buildPaymentSheet, now: "2026-01-31 09:00" });
  if (!result.plan) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

describe("renderWorksheet: the part", () => {
  it("is the worksheet the spec describes, children in CT_Worksheet order", () => {
    const styles = new FakeStyles();
    const { xml, definedNames } = renderWorksheet(SPEC, styles);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">')).toBe(true);
    const order = [...xml.matchAll(/<(sheetPr|dimension|sheetViews|sheetFormatPr|cols|sheetData|mergeCells|conditionalFormatting|dataValidations|pageMargins|pageSetup)\b/g)].map((m) => m[1]);
    expect(order).toEqual(["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "mergeCells", "conditionalFormatting", "conditionalFormatting", "dataValidations", "pageMargins", "pageSetup"]);
    expect(xml).toContain('<sheetPr><tabColor rgb="FF70AD47"/><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<dimension ref="A1:E8"/>');
    expect(xml).toContain('<sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A3" sqref="A3"/></sheetView>');
    expect(xml).toContain('<sheetFormatPr defaultRowHeight="15"/>');
    expect(xml).toContain('<cols><col min="1" max="1" width="24" customWidth="1"/><col min="2" max="2" width="14.5" customWidth="1"/></cols>');
    expect(xml).toContain('<mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="C6:D8"/></mergeCells>');
    expect(xml).toContain('<conditionalFormatting sqref="B2:B9"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>95</formula></cfRule></conditionalFormatting>');
    expect(xml).toContain('<conditionalFormatting sqref="C2:C9"><cfRule type="cellIs" dxfId="1" priority="2" operator="lessThan"><formula>-1.5</formula></cfRule></conditionalFormatting>');
    expect(styles.highlights).toEqual([["#FFC7CE", "#9C0006"], ["#FFEB9C", undefined]]);
    expect(xml).toContain(
      '<dataValidations count="1"><dataValidation type="list" errorStyle="stop" allowBlank="1" showErrorMessage="1" errorTitle="输入无效 / invalid entry" error="请从列表中选择：是、否 / choose one of: 是, 否" sqref="C2:C9"><formula1>"是,否"</formula1></dataValidation></dataValidations>',
    );
    expect(xml).toContain('<pageMargins left="0.5" right="0.4" top="0.6" bottom="0.7" header="0.3" footer="0.3"/><pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/></worksheet>');
    // Cells: inline strings, formulas with their cached results, the row heights, a row with only a height.
    expect(xml).toContain('<row r="1" ht="30" customHeight="1"><c r="A1" s="1" t="inlineStr"><is><t>付款结算</t></is></c><c r="B1" s="1"/><c r="C1" s="1"/><c r="D1" s="1"/></row>');
    expect(xml).toContain('<c r="A2" t="inlineStr"><is><t>=HYPERLINK("x")</t></is></c>');
    expect(xml).toContain('<c r="B4" s="6"><f>B2*0+2</f><v>2</v></c>');
    expect(xml).toContain('<c r="B5" t="str"><f>IF(B2&gt;0,"通过","否")</f><v>通过</v></c>');
    expect(xml).toContain('<c r="B6" t="b"><f>B2&gt;0</f><v>1</v></c>');
    expect(xml).toContain('<c r="D5" t="b"><v>1</v></c>');
    expect(xml).not.toContain('r="E5"'); // null, no look: not written
    expect(xml).toMatch(/<row r="12" ht="18.75" customHeight="1"\/><\/sheetData>/);
    expect(xml).not.toMatch(/<c r="[A-Z]+\d+" s="0"/);
    expect(xml).not.toMatch(/sharedStrings|t="s"/);
    // Print area and titles, the name's "'" doubled; the chart is not rendered.
    expect(definedNames).toEqual([
      { name: "_xlnm.Print_Area", value: "'付款结算'!$A$1:$D$20" },
      { name: "_xlnm.Print_Titles", value: "'付款结算'!$1:$2" },
    ]);
    // A "'" in the sheet name is doubled (ExcelJS cannot read such a name back, not even its own: checked here only).
    expect(renderWorksheet({ ...SPEC, name: "甲'乙" }, new FakeStyles()).definedNames.map((d) => d.value)).toEqual(["'甲''乙'!$A$1:$D$20", "'甲''乙'!$1:$2"]);
    expect(xml).not.toMatch(/drawing|chart/i);
  });

  it("looks: a later write builds on the earlier one; a merged cell takes its master's unless it has a style of its own", () => {
    const styles = new FakeStyles();
    const xfs = xfsOf(renderWorksheet(SPEC, styles).xml);
    const look = (a: string) => visible(styles.looks[xfs.get(a) ?? 0] as Look);
    expect(look("A3")).toEqual({ italic: true, bold: true });
    expect(look("B1")).toEqual({ bold: true, size: 16, horizontal: "center" });
    expect(look("D8")).toEqual({ border: "thin", fill: "FFFFF2CC" });
    expect(look("C8")).toEqual({ border: "thin", fill: "FFFFF2CC" }); // a format alone is not a style of its own
    expect(look("D7")).toEqual({ italic: true });
    expect(look("A2")).toEqual({});
  });

  it("an empty sheet: dimension A1, empty sheetData, default margins, no pageSetup; schema-valid", async () => {
    const { xml, definedNames } = renderWorksheet({ name: "空", cells: [], merges: [] }, new FakeStyles());
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
    );
    expect(definedNames).toEqual([]);
    await expectValidPart(xml);
  });

  it("rows in number order whatever order the spec gives them: cells written backwards, a height keyed '02' (not an index: listed after the others)", async () => {
    const spec: SheetSpec = { name: "序", cells: [{ address: "B10", value: 1 }, { address: "A10", value: 2 }, { address: "C2", value: 3 }], merges: [], rowHeights: { 10: 20, 30: 12, ["02" as unknown as number]: 15, 5: 18 } };
    const { xml } = renderWorksheet(spec, new FakeStyles());
    const sheetData = /<sheetData>(.*)<\/sheetData>/.exec(xml)?.[1];
    expect(sheetData).toBe('<row r="2" ht="15" customHeight="1"><c r="C2"><v>3</v></c></row><row r="5" ht="18" customHeight="1"/><row r="10" ht="20" customHeight="1"><c r="A10"><v>2</v></c><c r="B10"><v>1</v></c></row><row r="30" ht="12" customHeight="1"/>');
    await expectValidPart(xml);
  });

  it("the schema check can fail: a part with cells out of CT_Row order or a bad attribute is reported", async () => {
    const { xml } = renderWorksheet(SPEC, new FakeStyles());
    expect((await smlErrors(xml.replace('customHeight="1"', 'customHeight="yes"'))).join("\n")).toMatch(/customHeight/);
    expect(excelRuleErrors('<sheetData><row r="2"><c r="B2"/><c r="A2"/></row><row r="1"/></sheetData>')).toEqual(["A2 out of order", "row 1 after 2"]);
  });

  it("refuses a value or formula inside a merge, an over-long list and overlapping merges, as writeSheetSpec does", () => {
    const cases: SheetSpec[] = [
      { name: "S", cells: [{ address: "B1", value: "x" }], merges: ["A1:C1"] },
      { name: "S", cells: [{ address: "a2", value: null, formula: "1+1" }], merges: ["A1:A3"] },
      { name: "S", cells: [], merges: [], validations: [{ range: "A1:A9", values: Array.from({ length: 60 }, (_v, i) => `选项${i}`) }] },
    ];
    for (const spec of cases) {
      let expected = "";
      try {
        writeSheetSpec(new ExcelJS.Workbook(), spec);
      } catch (e) {
        expected = (e as Error).message;
      }
      expect(expected).not.toBe("");
      expect(() => renderWorksheet(spec, new FakeStyles())).toThrow(expected);
    }
    expect(() => renderWorksheet(cases[0] as SheetSpec, new FakeStyles())).toThrow("S!B1 位于合并区域内，值应写在 A1 / B1 is inside a merge; write the value to A1");
    expect(() => renderWorksheet({ name: "S", cells: [], merges: ["A1:B2", "B2:C3"] }, new FakeStyles())).toThrow(/B2:C3 overlaps A1:B2/);
    // 255 characters of list is still accepted.
    const edge = ["x".repeat(253), "y"];
    expect(renderWorksheet({ name: "S", cells: [], merges: [], validations: [{ range: "A1", values: edge }] }, new FakeStyles()).xml).toContain(`<formula1>"${"x".repeat(253)},y"</formula1>`);
  });

  it("texts: '=' stays text, control characters and U+FFFE dropped, line breaks and spaces kept, Excel's _xHHHH_ escaped; non-finite numbers have no value", async () => {
    const texts = ["=SUM(A1:A2)", "控\u0001制\u0008\u000b\u001f字\ufffe符\uffff", "a\r\nb", "  前后空格 ", "第一行\n第二行", "<b>&\"'", "_x0041_ 与 _x005f_", "\t制表"];
    const spec: SheetSpec = {
      name: "文本",
      cells: [
        ...texts.map((value, i) => ({ address: `A${i + 1}`, value })),
        { address: "B1", value: Number.NaN },
        { address: "B2", value: Number.POSITIVE_INFINITY, style: { bold: true } },
        { address: "B3", value: -0 },
        { address: "B4", value: 1e-7 },
        { address: "B5", value: null, formula: "NOW()" },
        { address: "B6", value: Number.NaN, formula: "1/0" },
      ],
      merges: [],
    };
    const styles = new FakeStyles();
    const rendered = renderWorksheet(spec, styles);
    await expectValidPart(rendered.xml);
    expect(rendered.xml).toContain('<c r="A3" t="inlineStr"><is><t xml:space="preserve">a&#13;\nb</t></is></c>');
    expect(rendered.xml).toContain('<c r="A4" t="inlineStr"><is><t xml:space="preserve">  前后空格 </t></is></c>');
    expect(rendered.xml).toContain('<c r="A1" t="inlineStr"><is><t>=SUM(A1:A2)</t></is></c>');
    expect(rendered.xml).toContain("<t>_x005F_x0041_ 与 _x005F_x005f_</t>");
    expect(rendered.xml).not.toContain('r="B1"');
    expect(rendered.xml).toContain('<c r="B2" s="1"/>');
    expect(rendered.xml).toContain('<c r="B3"><v>0</v></c>');
    expect(rendered.xml).toContain('<c r="B5"><f>NOW()</f></c>');
    expect(rendered.xml).toContain('<c r="B6"><f>1/0</f></c>');
    const ws = (await load(await minimalPackage(spec.name, rendered, styles.looks.length, 1))).getWorksheet("文本") as ExcelJS.Worksheet;
    const read = texts.map((_t, i) => ws.getCell(`A${i + 1}`));
    expect(read.map((c) => c.type)).toEqual(texts.map(() => ExcelJS.ValueType.String));
    // ExcelJS reads inline strings without Excel's _xHHHH_ decoding: decoded here as Excel does.
    const excelDecode = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    expect(read.map((c) => excelDecode(c.value as string))).toEqual(["=SUM(A1:A2)", "控制字符", "a\r\nb", "  前后空格 ", "第一行\n第二行", "<b>&\"'", "_x0041_ 与 _x005f_", "\t制表"]);
    expect(ws.getCell("A1").formula).toBeUndefined();
    expect(ws.getCell("B4").value).toBe(1e-7);
    expect(ws.getCell("B5").formula).toBe("NOW()");
  });

  it("cuts a text over 32,767 characters (a last line: the plans are fitted before)", async () => {
    const { xml } = renderWorksheet({ name: "长", cells: [{ address: "A1", value: "长".repeat(40_000) }], merges: [] }, new FakeStyles());
    expect(excelRuleErrors(xml)).toEqual([]);
    expect(xml).toContain("…（以下省略 ");
  });
});

describe("renderWorksheet reads back as writeSheetSpec's rendering (ExcelJS)", () => {
  it("the full-featured spec: cells, looks, merges, widths, heights, print area and titles, frozen rows, tab colour, validations, highlights", async () => {
    const { mine, theirs, rendered } = await bothWays(SPEC);
    await expectValidPart(rendered.xml);
    expect(mine).toEqual(theirs);
    // Not vacuous.
    expect(mine.cells.length).toBeGreaterThan(20);
    expect(mine.print).toMatchObject({ printArea: "A1:D20", printTitlesRow: "1:2", orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(mine.views).toEqual([{ state: "frozen", ySplit: 2, topLeftCell: "A3" }]);
    expect(mine.tabColor).toEqual({ argb: "FF70AD47" });
    expect(mine.heights).toMatchObject({ 1: 30, 12: 18.75 });
    expect(mine.merges).toEqual(["A1:D1", "C6:D8"]);
    expect(mine.widths.slice(0, 2)).toEqual([24, 14.5]);
    expect(mine.highlights).toHaveLength(2);
    expect(Object.values(mine.validations as Record<string, unknown>)[0]).toMatchObject({ type: "list", formulae: ['"是,否"'] });
  });

  it("the example scored: 付款结算, 计算说明 and 撤销记录 as the plan writes them", async () => {
    const plan = await scoredPlan();
    expect(plan.sheets.map((s) => s.name).sort()).toEqual(["付款结算", "撤销记录", "计算说明"].sort());
    for (const spec of plan.sheets) {
      const { mine, theirs, rendered } = await bothWays(spec);
      await expectValidPart(rendered.xml);
      expect([spec.name, mine]).toEqual([spec.name, theirs]);
      expect(mine.cells.length).toBeGreaterThan(10);
    }
  });

  it("a 12-month template's sheets (month sheets, input sheets with lists, 节假日…)", async () => {
    const sheets = buildTemplate({ from: "2024-12", months: 12 });
    const picked = [sheets[0], ...sheets.slice(12)] as SheetSpec[];
    expect(picked.some((s) => (s.validations ?? []).length > 0)).toBe(true);
    for (const spec of picked) {
      const { mine, theirs, rendered } = await bothWays(spec);
      await expectValidPart(rendered.xml);
      expect([spec.name, mine]).toEqual([spec.name, theirs]);
    }
  });
});

describe("renderWorksheet: size", () => {
  it("计算说明 at 120 months: ~5,600 cells, each look asked of the allocator once per (look, format, style)", async () => {
    const months = Array.from({ length: 120 }, (_v, i) => scored(perfectMonth(`${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`)).value);
    const spec = buildExplainSheet(months, defaultRules(), "2026-01-31 09:00");
    expect(spec.cells.length).toBeGreaterThan(5_500);
    const styles = new FakeStyles();
    const { xml } = renderWorksheet(spec, styles);
    expect(xfsOf(xml).size).toBeGreaterThan(5_500);
    // Never the same (look, format, style content) twice; the 120 months' equal styles asked once.
    const asked = new Set(styles.calls.map(([base, nf, style]) => JSON.stringify([base, nf ?? null, style ?? null])));
    expect(asked.size).toBe(styles.calls.length);
    expect(styles.calls.length).toBeLessThan(30);
    expect(styles.looks.length).toBeGreaterThan(3);
    await expectValidPart(xml);
  });
});
