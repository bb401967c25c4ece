/**
 * The file mode edits a workbook the way "open it in Excel, change some cells, save" does. For each
 * variant workbook (test/fixtures/variants.ts: the bundled example with ONE addition — a chart, a
 * pivot table, macros, threaded comments, an external link, … — and two LibreOffice-made files),
 * `hotline-scorecard score IN -o OUT` (the real command line, a fixed clock) must exit 0 and write a
 * package in which:
 *
 * - every part of the input outside the edited set is there, byte for byte (the edited set: the
 *   monthly sheets that got owned cells, the workbook part and its relationships,
 *   [Content_Types].xml, styles.xml, calcChain.xml (which may go), the product's own sheets' parts);
 *   an .xlsm stays an .xlsm with its vbaProject.bin;
 * - each edited monthly sheet equals its input once the owned cells (the plan's cellWrites) are
 *   taken out of both; workbook.xml equals its input but for the product's own sheets, their
 *   defined names and fullCalcOnLoad; styles.xml only appends; the input's relationships and
 *   content types are kept; every part is typed and every relationship points at a part;
 * - the owned cells hold the plan's values (read back with ExcelJS);
 * - every new or changed part passes the ECMA-376 schema check and Excel's further rules
 *   (test/fixtures/ooxml-schema.ts); the count of parts checked is printed at the end.
 *
 * The plan is computed here from the input (runWorkbookAsync, as src/cli/score.ts does), over a
 * snapshot read with ExcelJS directly — not through the file adapter under test.
 *
 * Before the variants, the harness is shown to work: its comparers catch a dropped attribute, a
 * reordered element, a changed text, a lost extLst; output = input passes every check; a broken
 * output fails naming the part and the path.
 */
// @ts-nocheck

import { writeFileSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { formatTable } from "../../../src/cli/table";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import { NODE_ZLIB } from "../../../src/hosts/file/node-zlib";
import { openWorkbookFile } from "../../../src/taskpane/file";
import { localNow } from "../../../src/hosts/local-time";
import type { CellValue, MergedRange, ReadCell, SheetSnapshot, WorkbookSnapshot, WritePlan } from "../../../src/workbook/model";
import { runWorkbookAsync } from "../../../src/workbook/plan";
import { buildPaymentSheet } from "../../../src/workbook/sheets/payment-sheet";
import { runCli } from "../../fixtures/cli";
import { folderPerTest } from "../../fixtures/folder";
import { checkParts, excelContext } from "../../fixtures/ooxml-schema";
import { VARIANTS, type Variant } from "../../fixtures/variants";
import {
  compareContentTypes,
  comparePackages,
  compareRels,
  compareStyles,
  compareWorkbook,
  compareWorksheet,
  formatDifference,
  packageIntegrity,
  readParts,
  workbookIndex,
  type Parts,
} from "../../fixtures/xml-compare";

jest.setTimeout(60_000);

const CLOCK = new Date(2025, 10, 5, 14, 30);
const AS_OF = "2025-12-31";

// ---------------------------------------------------------------------------------------------
// The plan, from a snapshot ExcelJS reads (as the file mode read it before its rebuild).

type Raw = ExcelJS.CellValue | { error: string } | undefined;

function plain(value: Raw): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return 25569 + value.getTime() / 86_400_000;
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return plain((value as { result?: Raw }).result as Raw);
    if ("text" in value && "hyperlink" in value) return plain(value.text as Raw);
    if ("error" in value) return String((value as { error: string }).error);
  }
  return String(value);
}

async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function snapshotOf(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const wb = await loadExcelJs(bytes);
  return {
    sheets: wb.worksheets.map((ws, index): SheetSnapshot => {
      const cells: ReadCell[] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.type === ExcelJS.ValueType.Merge) return;
          const raw = cell.value as Raw;
          const value = plain(raw);
          const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
          if (value === null && formula === undefined) return;
          const isDate = raw instanceof Date || (typeof raw === "object" && raw !== null && "result" in raw && raw.result instanceof Date);
          const out: ReadCell = { row: r, col: c, value, numberFormat: cell.numFmt || (isDate ? "yyyy-mm-dd" : "General") };
          if (formula) out.formula = formula.replace(/^=/, "");
          cells.push(out);
        }),
      );
      const merges = Object.values((ws as unknown as { _merges?: Record<string, MergedRange> })._merges ?? {}).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
      return { name: ws.name, index, cells, merges };
    }),
  };
}

interface Prepared {
  bytes: Buffer;
  plan: WritePlan;
}

const prepared = new Map<string, Promise<Prepared>>();

/** A variant's bytes and the plan `score` makes for it (built once per file run). */
function prepare(v: Variant): Promise<Prepared> {
  let p = prepared.get(v.id);
  if (!p) {
    p = (async () => {
      const bytes = await v.build();
      const run = await runWorkbookAsync(await snapshotOf(bytes), { asOf: AS_OF, buildPaymentSheet, now: localNow(CLOCK) });
      if (!run.ok || !run.plan) throw new Error(`${v.id}: the plan fails: ${run.errors.map((e) => e.message).join("; ")}`);
      return { bytes, plan: run.plan };
    })();
    prepared.set(v.id, p);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// The verdict on one output.

const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

interface Verdict {
  failures: string[];
  /** Parts new or changed in the output, by schema kind checked; "not checked" for the others. */
  checked: number;
  notChecked: string[];
}

function ownedCells(plan: WritePlan): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { sheet, writes } of plan.cellWrites) if (writes.length > 0) out.set(sheet, [...(out.get(sheet) ?? []), ...writes.map((w) => w.address)]);
  return out;
}

function ownSheets(plan: WritePlan): string[] {
  return [...plan.sheets.map((s) => s.name), ...(plan.deleteSheets ?? [])];
}

function text(parts: Parts, name: string): string {
  const b = parts.get(name);
  return b ? Buffer.from(b).toString("utf8") : "";
}

/** The workbook part's content type ("" when none). */
function mainContentType(parts: Parts): string {
  const wb = workbookIndex(parts).workbook;
  const m = new RegExp(`<Override\\b[^>]*PartName="/${wb.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`).exec(text(parts, "[Content_Types].xml"));
  return /ContentType="([^"]+)"/.exec(m?.[0] ?? "")?.[1] ?? "";
}

async function ownedValueFailures(output: Uint8Array, plan: WritePlan): Promise<string[]> {
  const failures: string[] = [];
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadExcelJs(output);
  } catch (e) {
    return [`ExcelJS cannot read the output back: ${e instanceof Error ? e.message : String(e)}`];
  }
  for (const { sheet, writes } of plan.cellWrites) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) {
      failures.push(`owned cells: no sheet ${sheet} in the output`);
      continue;
    }
    for (const w of writes) {
      const got = plain(ws.getCell(w.address).value as Raw);
      if (got !== w.value && !(got === null && w.value === "")) failures.push(`owned cell ${sheet}!${w.address}: expected ${JSON.stringify(w.value)}, holds ${JSON.stringify(got)}`);
    }
  }
  return failures;
}

async function verdict(input: Uint8Array, output: Uint8Array, plan: WritePlan, options: { values: boolean }): Promise<Verdict> {
  const inParts = await readParts(input);
  const outParts = await readParts(output);
  const cmp = comparePackages(inParts, outParts, { ownedCells: ownedCells(plan), ownSheets: ownSheets(plan) });
  const failures = cmp.differences.map(formatDifference);
  const before = mainContentType(inParts);
  const after = mainContentType(outParts);
  if (before !== after) failures.push(`[Content_Types].xml: the workbook's content type ${before} became ${after}`);
  if (before === MACRO_MAIN && !outParts.has("xl/vbaProject.bin")) failures.push("xl/vbaProject.bin: the macros are gone from an .xlsm");
  const checks = await checkParts(
    cmp.changed.map((name) => ({ name, data: outParts.get(name) ?? new Uint8Array() })),
    excelContext(outParts),
  );
  for (const c of checks) for (const e of c.errors) failures.push(`${c.part} (${c.kind ?? "?"} schema / Excel rules): ${e}`);
  if (options.values) failures.push(...(await ownedValueFailures(output, plan)));
  return { failures, checked: checks.filter((c) => c.kind !== null).length, notChecked: checks.filter((c) => c.kind === null).map((c) => c.part) };
}

// ---------------------------------------------------------------------------------------------
// The harness itself.

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr><tabColor rgb="FF4472C4"/></sheetPr><dimension ref="A1:I20"/><sheetData><row r="2" spans="2:8" ht="24" customHeight="1"><c r="B2" s="2" t="s"><v>1</v></c><c r="H2" s="4"/></row><row r="4" spans="1:9"><c r="A4" s="6"><v>1</v></c><c r="G4" s="8"/><c r="H4" s="9"/><c r="I4" s="8" t="s"><v>17</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/><extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups/></ext></extLst></worksheet>`;
const OWNED = ["H2", "G4", "H4"];

describe("the harness: xml-compare", () => {
  it("an edited sheet equals its input when only owned cells changed (a row added for them, spans changed)", () => {
    const out = SHEET.replace('<c r="H2" s="4"/>', '<c r="H2" s="30"><v>96.5</v></c>')
      .replace('<row r="4" spans="1:9">', '<row r="3" spans="7:8"><c r="H3" t="inlineStr"><is><t>x</t></is></c></row><row r="4" spans="1:12">')
      .replace('<c r="G4" s="8"/><c r="H4" s="9"/>', '<c r="G4" s="8" t="inlineStr"><is><t>团队 10 人</t></is></c><c r="H4" s="31"><v>10</v></c>');
    expect(compareWorksheet("s.xml", SHEET, out, [...OWNED, "H3"])).toEqual([]);
    expect(compareWorksheet("s.xml", SHEET, SHEET.replace('<row r="2" spans="2:8" ht="24" customHeight="1"><c r="B2" s="2" t="s"><v>1</v></c><c r="H2" s="4"/></row>', ""), OWNED).map((d) => d.message)).toEqual([expect.stringMatching(/^lost child row\[@r="2"\]/)]);
  });

  it("catches a dropped attribute, a reordered element, a changed text and a lost extLst, naming the path", () => {
    const dropped = compareWorksheet("xl/worksheets/sheet1.xml", SHEET, SHEET.replace(' customHeight="1"', ""), OWNED);
    expect(dropped.map(formatDifference)).toEqual(['xl/worksheets/sheet1.xml /worksheet/sheetData/row[@r="2"]: attribute customHeight="1" dropped']);
    const reordered = compareWorksheet("x.xml", SHEET, SHEET.replace(/(<pageMargins[^>]*\/>)(<pageSetup[^>]*\/>)/, "$2$1"), OWNED);
    expect(reordered).toEqual([{ part: "x.xml", path: "/worksheet", message: expect.stringMatching(/^children reordered: input has .*pageMargins, pageSetup.*output has .*pageSetup, pageMargins/) }]);
    const changed = compareWorksheet("x.xml", SHEET, SHEET.replace("<v>17</v>", "<v>18</v>"), OWNED);
    expect(changed.map(formatDifference)).toEqual(['x.xml /worksheet/sheetData/row[@r="4"]/c[@r="I4"]/v/text(): text changed: "17" → "18"']);
    const lost = compareWorksheet("x.xml", SHEET, SHEET.replace(/<extLst>.*<\/extLst>/, ""), OWNED);
    expect(lost.map(formatDifference)).toEqual(["x.xml /worksheet: lost child extLst"]);
    const inner = compareWorksheet("x.xml", SHEET, SHEET.replace("<x14:sparklineGroups/>", ""), OWNED);
    expect(inner.map(formatDifference)).toEqual(['x.xml /worksheet/extLst/ext[@uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"]: lost child x14:sparklineGroups']);
    // an owned cell is not a licence for its row's other cells or attributes
    expect(compareWorksheet("x.xml", SHEET, SHEET.replace('<c r="A4" s="6"><v>1</v></c>', ""), OWNED).map((d) => d.message)).toEqual(['lost child c[@r="A4"]']);
    expect(compareWorksheet("x.xml", SHEET, SHEET.replace('ht="24"', 'ht="30"'), OWNED).map((d) => d.message)).toEqual(['attribute ht changed: "24" → "30"']);
  });

  const WB = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr defaultThemeVersion="164011"/><sheets><sheet name="2025年1月" sheetId="1" r:id="rId4"/><sheet name="汇总" sheetId="2" r:id="rId5"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'2025年1月'!$A$1:$I$20</definedName><definedName name="近六月得分">OFFSET(汇总!$C$2,0,0,6,1)</definedName></definedNames><calcPr calcId="171027"/><pivotCaches><pivotCache cacheId="1" r:id="rId9"/></pivotCaches></workbook>`;

  it("workbook.xml: the product's sheets, their names and fullCalcOnLoad are allowed; anything else is caught", () => {
    const out = WB.replace("</sheets>", '<sheet name="付款结算" sheetId="3" r:id="rId10"/><sheet name="计算说明" sheetId="4" r:id="rId11"/></sheets>')
      .replace("</definedNames>", "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"2\">付款结算!$A$1:$F$30</definedName><definedName name=\"结算总额\">'付款结算'!$F$9</definedName></definedNames>")
      .replace('<calcPr calcId="171027"/>', '<calcPr calcId="171027" fullCalcOnLoad="1"/>');
    expect(compareWorkbook("xl/workbook.xml", WB, out, ["付款结算", "计算说明"])).toEqual([]);
    expect(compareWorkbook("xl/workbook.xml", WB, out.replace(/<pivotCaches>.*<\/pivotCaches>/, ""), ["付款结算", "计算说明"]).map(formatDifference)).toEqual(["xl/workbook.xml /workbook: lost child pivotCaches"]);
    expect(compareWorkbook("w", WB, out.replace("OFFSET(汇总!$C$2,0,0,6,1)", "汇总!$C$2:$C$7"), ["付款结算", "计算说明"]).map(formatDifference)).toEqual([
      'w /workbook/definedNames/definedName[@name="近六月得分"]/text(): text changed: "OFFSET(汇总!$C$2,0,0,6,1)" → "汇总!$C$2:$C$7"',
    ]);
    // a sheet-local name that now points at another sheet
    expect(compareWorkbook("w", WB, WB.replace('localSheetId="0"', 'localSheetId="1"'), []).map((d) => d.message)).toEqual(['attribute localSheetId changed: "(sheet 2025年1月)" → "(sheet 汇总)"']);
    expect(compareWorkbook("w", WB, WB.replace('<sheet name="汇总" sheetId="2" r:id="rId5"/>', '<sheet name="汇总" sheetId="2" state="hidden" r:id="rId5"/>'), []).map((d) => d.message)).toEqual(['attribute state="hidden" added']);
  });

  const STYLES = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}"/></extLst></styleSheet>`;

  it("styles.xml: appending passes; changing, dropping or reordering what was there fails", () => {
    const appended = STYLES.replace('<numFmts count="1">', '<numFmts count="2">')
      .replace("</numFmts>", '<numFmt numFmtId="165" formatCode="0.00"/></numFmts>')
      .replace('<cellXfs count="2">', '<cellXfs count="3">')
      .replace("</cellXfs>", '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>')
      .replace("</cellStyles>", '</cellStyles><dxfs count="1"><dxf><font><color rgb="FFC00000"/></font></dxf></dxfs>');
    expect(compareStyles("xl/styles.xml", STYLES, appended)).toEqual([]);
    expect(compareStyles("s", STYLES, appended.replace('applyNumberFormat="1"/><xf numFmtId="165"', '/><xf numFmtId="165"')).map(formatDifference)).toEqual(['s /styleSheet/cellXfs/xf#1: attribute applyNumberFormat="1" dropped']);
    expect(compareStyles("s", STYLES, appended.replace('<cellXfs count="3">', '<cellXfs count="4">')).map((d) => d.message)).toEqual(['count="4" but it holds 3']);
    expect(compareStyles("s", STYLES, appended.replace(/<extLst>.*<\/extLst>/, "")).map(formatDifference)).toEqual(["s /styleSheet/extLst: lost (or moved before an earlier list)"]);
    const swapped = STYLES.replace('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>', '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(compareStyles("s", STYLES, swapped).map(formatDifference)).toEqual([
      's /styleSheet/cellXfs/xf#0: attribute numFmtId changed: "0" → "164"',
      's /styleSheet/cellXfs/xf#0: attribute applyNumberFormat="1" added',
      's /styleSheet/cellXfs/xf#1: attribute numFmtId changed: "164" → "0"',
      's /styleSheet/cellXfs/xf#1: attribute applyNumberFormat="1" dropped',
    ]);
  });

  it("relationships and content types: the input's entries are kept", () => {
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="t/hyperlink" Target="https://a.cn/" TargetMode="External"/></Relationships>`;
    expect(compareRels("r", rels, rels.replace("</Relationships>", '<Relationship Id="rId3" Type="t/x" Target="x.xml"/></Relationships>'))).toEqual([]);
    expect(compareRels("r", rels, rels.replace(' TargetMode="External"', "")).map(formatDifference)).toEqual(['r /Relationships/Relationship[@Id="rId2"]: attribute TargetMode="External" dropped']);
    const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>`;
    expect(compareContentTypes("c", types, types.replace("macroEnabled.main", "sheet.main"))).toHaveLength(1);
    expect(compareContentTypes("c", types, types.replace(/<Default[^>]*>/, "")).map(formatDifference)).toEqual(['c /Types/Default[@Extension="bin"]: lost']);
  });
});

describe("the harness: the schema check can fail", () => {
  it("reports a misplaced element, an unknown attribute and Excel's own limits; says 'not checked' for a drawing", async () => {
    const sheet = SHEET.replace(/(<pageMargins[^>]*\/>)(<pageSetup[^>]*\/>)/, "$2$1").replace('<row r="4" spans="1:9">', '<row r="4" spans="1:9" ht="500" foo="1">').replace('<c r="I4" s="8"', '<c r="I4" s="99"');
    const [ws, drawing, types] = await checkParts(
      [
        { name: "xl/worksheets/sheet1.xml", data: sheet },
        { name: "xl/drawings/drawing1.xml", data: "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\"/>" },
        { name: "[Content_Types].xml", data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/x.xml"/></Types>' },
      ],
      { cellXfsCount: 26, sharedStringCount: 100 },
    );
    expect(ws?.kind).toBe("sml");
    expect(ws?.errors.join("\n")).toMatch(/height 500 over 409/);
    expect(ws?.errors.join("\n")).toMatch(/I4: style index s="99" is not below the cellXfs count 26/);
    expect(ws?.errors.join("\n")).toMatch(/attribute 'foo': The attribute 'foo' is not allowed/);
    expect(ws?.errors.join("\n")).toMatch(/Element 'pageMargins': This element is not expected/);
    expect(drawing).toEqual({ part: "xl/drawings/drawing1.xml", kind: null, errors: [] });
    expect(types?.errors.join("\n")).toMatch(/ContentType/);
  });

  it("every variant's own XML parts (sml, content types, relationships) are schema-valid, and its package is whole: the fixtures are sound", async () => {
    const bad: string[] = [];
    let checked = 0;
    for (const v of VARIANTS) {
      const parts = await readParts((await prepare(v)).bytes);
      for (const h of v.holds) if (!parts.has(h)) bad.push(`${v.id}: no ${h}`);
      bad.push(...packageIntegrity(parts).map((d) => `${v.id}: ${formatDifference(d)}`));
      const checks = await checkParts([...parts].map(([name, data]) => ({ name, data })), excelContext(parts));
      checked += checks.filter((c) => c.kind !== null).length;
      for (const c of checks) for (const e of c.errors) bad.push(`${v.id}: ${c.part}: ${e}`);
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(VARIANTS.length * 20);
  });
});

describe("the harness: output = input passes, a broken output fails", () => {
  it.each(VARIANTS.map((v) => [v.id, v] as const))("identity for %s: every check passes", async (_id, v) => {
    const { bytes, plan } = await prepare(v);
    expect(ownedCells(plan).size).toBeGreaterThan(0);
    const r = await verdict(bytes, bytes, plan, { values: false });
    expect(r.failures).toEqual([]);
    expect(r.checked).toBe(0);
  });

  it("a dropped extLst, two swapped elements and a changed unedited part are each reported with part and path", async () => {
    const v = VARIANTS.find((x) => x.id === "sparkline");
    if (!v) throw new Error("no sparkline variant");
    const { bytes, plan } = await prepare(v);
    const zip = await JSZip.loadAsync(bytes);
    const edit = async (name: string, fn: (x: string) => string) => zip.file(name, fn((await zip.file(name)?.async("string")) ?? ""));
    await edit("xl/worksheets/sheet7.xml", (x) => x.replace(/<extLst>.*<\/extLst>/, ""));
    await edit("xl/worksheets/sheet8.xml", (x) => x.replace(/(<pageMargins[^>]*\/>)(<pageSetup[^>]*\/>)/, "$2$1"));
    await edit("docProps/app.xml", (x) => x.replace("<Company></Company>", "<Company>x</Company>"));
    const broken = await zip.generateAsync({ type: "uint8array" });
    const { failures } = await verdict(bytes, broken, plan, { values: false });
    expect(failures).toEqual(
      expect.arrayContaining([
        "xl/worksheets/sheet7.xml /worksheet: lost child extLst",
        expect.stringMatching(/^xl\/worksheets\/sheet8\.xml \/worksheet: children reordered: input has .*pageMargins, pageSetup/),
        expect.stringMatching(/^xl\/worksheets\/sheet8\.xml \(sml schema \/ Excel rules\): .*Element 'pageMargins': This element is not expected/),
        expect.stringMatching(/^docProps\/app\.xml \/: not byte-identical/),
      ]),
    );
    expect(failures).toHaveLength(4);
  });
});

// ---------------------------------------------------------------------------------------------
// The variants through the command line.

/** What a failure says, most telling first: content lost or moved, then attributes, schema, bytes, texts. */
function rank(f: string): number {
  if (/: (lost|missing|exit)|the macros are gone/.test(f)) return 0;
  if (/reordered|became/.test(f)) return 1;
  if (/: attribute /.test(f)) return 2;
  if (/schema \/ Excel rules/.test(f)) return 3;
  if (/text changed/.test(f)) return 5;
  return 4;
}

/** The first 40 failures, most telling first, and how many more: a rewritten workbook differs in hundreds of places. */
function firstOf(failures: readonly string[], n = 40): string[] {
  const sorted = [...failures].sort((a, b) => rank(a) - rank(b));
  return sorted.length > n ? [...sorted.slice(0, n), `… and ${sorted.length - n} more`] : sorted;
}

const tally: string[][] = [];

/** Input parts, byte-identical, changed, new, removed, and which changed ("12 worksheets" for the monthly ones). */
async function partCounts(input: Uint8Array, output: Uint8Array): Promise<string[]> {
  const a = await readParts(input);
  const b = await readParts(output);
  let same = 0;
  const changed: string[] = [];
  let removed = 0;
  for (const [name, bytes] of a) {
    const out = b.get(name);
    if (!out) removed++;
    else if (Buffer.from(bytes).equals(Buffer.from(out))) same++;
    else changed.push(name);
  }
  const added = [...b.keys()].filter((n) => !a.has(n)).length;
  const sheets = changed.filter((n) => n.startsWith("xl/worksheets/sheet")).length;
  const others = changed.filter((n) => !n.startsWith("xl/worksheets/sheet")).map((n) => n.replace(/^xl\//, ""));
  const what = [...(sheets > 0 ? [`${sheets} worksheets`] : []), ...others].join(", ");
  return [String(a.size), String(same), String(changed.length), String(added), String(removed), what];
}

describe("hotline-scorecard score keeps everything it does not own", () => {
  const { at } = folderPerTest("preserve-");

  afterAll(() => {
    const total = tally.reduce((n, r) => n + Number(r[7] ?? 0), 0);
    console.log(
      `${formatTable(["variant", "result", "input parts", "byte-identical", "changed", "new", "removed", "schema-checked", "what changed (besides the product's new sheets)"], tally)}\n${total} new or changed parts schema-checked over ${tally.length} variants`,
    );
  });

  it.each(VARIANTS.map((v) => [v.id, v] as const))("%s", async (id, v) => {
    const { bytes, plan } = await prepare(v);
    const input = at(`in.${v.ext}`);
    const output = at(`out.${v.ext}`);
    writeFileSync(input, bytes);
    const run = await runCli(["score", input, "-o", output, "--as-of", AS_OF], CLOCK);
    if (run.code !== 0) {
      tally.push([id, `exit ${run.code}`, "", "", "", "", "", "0", ""]);
      throw new Error(`${v.id} (${v.adds}): exit ${run.code}, expected 0\n${run.err}`);
    }
    const written = readFileSync(output);
    const r = await verdict(bytes, written, plan, { values: true });
    const counts = await partCounts(bytes, written);
    tally.push([id, r.failures.length === 0 ? "ok" : `${r.failures.length} failures`, ...counts.slice(0, 5), String(r.checked), counts[5] ?? ""]);
    expect(firstOf(r.failures)).toEqual([]);
  });
});

describe("one path everywhere: the pane in a plain browser and the command line write the same parts", () => {
  it.each(VARIANTS.map((v) => [v.id, v] as const))("%s: the pane's adapter (fflate) and the command line's (zlib) give every part the same content", async (_id, v) => {
    const { bytes, plan } = await prepare(v);
    const cli = await ExcelFileAdapter.fromBuffer(bytes, NODE_ZLIB);
    await cli.apply(plan);
    const pane = await openWorkbookFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    await pane.apply(plan);
    const a = await readParts(await cli.save());
    const b = await readParts(await (pane.save as () => Promise<Uint8Array>)());
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([name, data]) => !Buffer.from(data).equals(Buffer.from(b.get(name) ?? new Uint8Array()))).map(([name]) => name);
    expect(differing).toEqual([]);
  });
});
