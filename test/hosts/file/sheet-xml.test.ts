/**
 * The command line's fast path for sheets the product writes whole: ExcelJS renders the sheet with
 * one carrier cell per look and the cells are written as XML (sheet-xml.ts, writeSheetSpecDeferred,
 * native-zip.ts). What a reader gets back must be exactly what ExcelJS's own rendering of the same
 * sheet gives: every cell's value, number format, font, fill, border, alignment; row heights,
 * merges, column widths; and the rest of the workbook untouched.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { nativeWriteXlsx } from "../../../src/hosts/file/native-zip";
import { NODE_ZLIB } from "../../../src/hosts/file/node-zlib";
import { writeSheetSpec, writeSheetSpecDeferred } from "../../../src/hosts/file/exceljs-sheet";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import type { CellStyle, CellWrite, SheetSpec, WritePlan } from "../../../src/workbook/model";
import { buildPaymentSheet } from "../../../src/workbook/sheets/payment-sheet";
import { runWorkbookAsync } from "../../../src/workbook/plan";
import { appendSharedStrings, renderSheetData, spliceSheetData, styleIdsOf, uniqueCountOf, xmlText } from "../../../src/hosts/file/sheet-xml";

const EXAMPLE = path.join(__dirname, "..", "..", "..", "assets", "example-2024-2025.xlsx");

/** A date format reads a number back as a Date (an invalid one for a negative number): compared as text. */
function datesAsText(value: unknown): unknown {
  if (value instanceof Date) return `date ${value.getTime()}`;
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesAsText(v)]));
  return value;
}

/** Everything a reader sees of a sheet: cells (value, style), row heights, merges, column widths. */
function sheetView(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  const heights: Record<number, number | undefined> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined) heights[r] = row.height;
    row.eachCell({ includeEmpty: true }, (cell) => {
      const style = JSON.parse(JSON.stringify(cell.style ?? {})) as Record<string, unknown>;
      if (cell.value === null && Object.keys(style).length === 0) return;
      cells.push([cell.address, datesAsText(cell.value), style]);
    });
  });
  const widths = (ws.columns ?? []).map((c) => c.width ?? null);
  return { cells, heights, merges: [...(ws.model.merges ?? [])].sort(), widths, pageSetup: ws.pageSetup.printArea ?? null };
}

async function workbookView(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return Object.fromEntries(wb.worksheets.map((ws) => [ws.name, sheetView(ws)]));
}

async function scoredPlan(bytes: Buffer): Promise<WritePlan> {
  const adapter = await ExcelFileAdapter.fromBuffer(bytes);
  const result = await runWorkbookAsync(await adapter.read(), { asOf: "2026-01-31", buildPaymentSheet, now: "2026-01-31 09:00" });
  if (!result.plan) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

/** One spec saved both ways: ExcelJS's own rendering, and carriers + XML through the native writer. */
async function bothWays(spec: SheetSpec): Promise<[unknown, unknown]> {
  const plain = new ExcelJS.Workbook();
  writeSheetSpec(plain, spec);
  const fast = new ExcelJS.Workbook();
  const { worksheet, content } = writeSheetSpecDeferred(fast, spec);
  const out = await nativeWriteXlsx(
    fast,
    new Map([[`xl/worksheets/sheet${worksheet.id}.xml`, (xml: string, sharedString: (t: string) => number) => spliceSheetData(xml, renderSheetData(content, styleIdsOf(xml), sharedString))]]),
  );
  if (!out) throw new Error("the native writer declined");
  return [await workbookView(new Uint8Array((await plain.xlsx.writeBuffer()) as ArrayBuffer)), await workbookView(out)];
}

describe("product sheets written as XML read back as ExcelJS's own rendering of them", () => {
  it("the 12-month example scored: 付款结算, 计算说明 and 撤销记录, and every other sheet, the same as the ordinary save", async () => {
    const bytes = readFileSync(EXAMPLE);
    const plan = await scoredPlan(bytes);
    expect(plan.sheets.map((s) => s.name).sort()).toEqual(["付款结算", "撤销记录", "计算说明"].sort());
    const save = async (options: typeof NODE_ZLIB) => {
      const adapter = await ExcelFileAdapter.fromBuffer(bytes, options);
      await adapter.apply(plan);
      return adapter.save();
    };
    const fast = await workbookView(await save(NODE_ZLIB));
    const plain = await workbookView(await save({}));
    expect(Object.keys(fast)).toEqual(Object.keys(plain));
    for (const name of Object.keys(plain)) expect([name, fast[name]]).toEqual([name, plain[name]]);
    // Not vacuous: the sheets hold what the plan wrote.
    const explain = plan.sheets.find((s) => s.name === "计算说明") as SheetSpec;
    expect((fast["计算说明"] as { cells: unknown[] }).cells.length).toBeGreaterThanOrEqual(explain.cells.length);
  });

  it("any spec: text with markup, quotes, spaces and line breaks, control characters, numbers, booleans, formulas, looks, merges, heights (fast-check)", async () => {
    const looks: (CellStyle | undefined)[] = [undefined, { bold: true }, { border: "thin", fill: "#DDEBF7" }, { wrap: true, vertical: "top", horizontal: "left" }, { italic: true, fontColor: "#C00000", fontSize: 9 }];
    const formats = [undefined, "0.00", "¥#,##0.00", "yyyy-mm-dd", "@"];
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("<b>&\"'", "  前后空格 ", "第一行\n第二行", "\u0001控制\u0008字符\u007f", "_x0041_", "=SUM(A1)", ""));
    const value = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null));
    const cell = fc.record({ row: fc.integer({ min: 1, max: 8 }), col: fc.integer({ min: 1, max: 5 }), value, look: fc.nat(looks.length - 1), format: fc.nat(formats.length - 1), formula: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 25 }), fc.boolean(), fc.dictionary(fc.integer({ min: 1, max: 9 }).map(String), fc.integer({ min: 10, max: 60 })), async (raw, merge, heights) => {
        const merges = merge ? ["B2:C3"] : [];
        const inMerge = (r: number, c: number) => merge && r >= 2 && r <= 3 && c >= 2 && c <= 3 && !(r === 2 && c === 2);
        const cells: CellWrite[] = raw.map((x) => {
          const w: CellWrite = { address: `${"ABCDE"[x.col - 1]}${x.row}`, value: inMerge(x.row, x.col) ? null : x.value };
          const look = looks[x.look];
          const format = formats[x.format];
          if (look) w.style = look;
          if (format) w.numberFormat = format;
          if (x.formula && w.value !== null && typeof w.value === "number") w.formula = `${w.value}+0`;
          return w;
        });
        const rowHeights = Object.fromEntries(Object.entries(heights).map(([k, v]) => [Number(k), v]));
        const [plain, fast] = await bothWays({ name: "说明", cells, merges, rowHeights, columnWidths: { A: 20 } });
        expect(fast).toEqual(plain);
      }),
      { numRuns: 40, seed: 12367 },
    );
  });
});

describe("the file adapter with deferred sheets", () => {
  it("puts a deferred sheet's cells into ExcelJS before a read(): the snapshot is the one without deferring", async () => {
    const bytes = readFileSync(EXAMPLE);
    const plan = await scoredPlan(bytes);
    const fast = await ExcelFileAdapter.fromBuffer(bytes, NODE_ZLIB);
    const plain = await ExcelFileAdapter.fromBuffer(bytes);
    await fast.apply(plan);
    await plain.apply(plan);
    expect(await fast.read()).toEqual(await plain.read());
  });

  it("writes cells over a sheet written whole in the same session (it is put into ExcelJS first), and keeps both", async () => {
    const bytes = readFileSync(EXAMPLE);
    const plan = await scoredPlan(bytes);
    const again: WritePlan = { cellWrites: [{ sheet: "计算说明", writes: [{ address: "E2", value: "后写入" }] }], sheets: [] };
    const run = async (options: typeof NODE_ZLIB) => {
      const adapter = await ExcelFileAdapter.fromBuffer(bytes, options);
      await adapter.apply(plan);
      await adapter.apply(again);
      return workbookView(await adapter.save());
    };
    const fast = await run(NODE_ZLIB);
    expect(fast).toEqual(await run({}));
    expect(JSON.stringify(fast["计算说明"])).toContain("后写入");
  });

  it("falls back to the ordinary save, cells and all, when the writer cannot write deferred sheets", async () => {
    const bytes = readFileSync(EXAMPLE);
    const plan = await scoredPlan(bytes);
    const calls: number[] = [];
    const declining = { ...NODE_ZLIB, writeXlsx: async (wb: ExcelJS.Workbook, deferred: ReadonlyMap<string, unknown>) => (calls.push(deferred.size), deferred.size > 0 ? null : nativeWriteXlsx(wb)) };
    const adapter = await ExcelFileAdapter.fromBuffer(bytes, declining);
    await adapter.apply(plan);
    const out = await adapter.save();
    expect(calls).toEqual([3, 0]);
    const plain = await ExcelFileAdapter.fromBuffer(bytes);
    await plain.apply(plan);
    expect(await workbookView(out)).toEqual(await workbookView(await plain.save()));
  });
});

describe("sheet-xml pieces", () => {
  it("escapes the five entities and drops what XML 1.0 cannot hold, as ExcelJS does; tab and line breaks stay", () => {
    expect(xmlText(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
    expect(xmlText("x\u0000y\u0008\u000b\u001f\u007fz")).toBe("xyz");
    expect(xmlText("制表\t换行\n回车\r")).toBe("制表\t换行\n回车\r");
  });

  it("renders rows in order, cells by column, style ids from the carriers, the dimension of what was written", () => {
    const strings: string[] = [];
    const { sheetData, dimension } = renderSheetData(
      {
        cells: [
          { row: 3, col: 2, value: 95.5, carrier: "B3" },
          { row: 1, col: 3, value: "标题", carrier: "C1" },
          { row: 1, col: 1, value: null, carrier: "A9" }, // a look with no id: not written
          { row: 2, col: 1, value: true },
          { row: 2, col: 2, value: 7, formula: "3+4" },
        ],
        rowHeights: { 1: 28, 5: 12 },
      },
      new Map([["B3", 4], ["C1", 2], ["A9", 0]]),
      (t) => strings.push(t) - 1,
    );
    expect(sheetData).toBe('<sheetData><row r="1" ht="28" customHeight="1"><c r="C1" s="2" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2"><f>3+4</f><v>7</v></c></row><row r="3"><c r="B3" s="4"><v>95.5</v></c></row><row r="5" ht="12" customHeight="1"/></sheetData>');
    expect(dimension).toBe("A1:C3");
    expect(strings).toEqual(["标题"]);
    expect(() => renderSheetData({ cells: [{ row: 1, col: 1, value: Number.NaN }] }, new Map(), () => 0)).toThrow(/A1: 不能写入非有限数值/);
  });

  it("reads carriers' style ids inside <sheetData> only, and splices sheetData and dimension in schema order", () => {
    const xml = '<worksheet><sheetPr/><dimension ref="A1:A2"/><sheetViews/><cols/><sheetData><row r="1"><c r="A1" s="3"/><c r="B1" t="s"><v>0</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    expect([...styleIdsOf(xml)]).toEqual([["A1", 3], ["B1", 0]]);
    const out = spliceSheetData(xml, { sheetData: "<sheetData><row r=\"9\"/></sheetData>", dimension: "C9" });
    expect(out).toBe('<worksheet><sheetPr/><dimension ref="C9"/><sheetViews/><cols/><sheetData><row r="9"/></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>');
    expect(spliceSheetData("<worksheet><sheetPr/><sheetViews/><sheetData/></worksheet>", { sheetData: "<sheetData/>", dimension: "A1:B2" })).toBe('<worksheet><sheetPr/><dimension ref="A1:B2"/><sheetViews/><sheetData/></worksheet>');
    expect(() => spliceSheetData("<worksheet/>", { sheetData: "<sheetData/>", dimension: null })).toThrow(/no <sheetData>/);
  });

  it("appends to the shared string table: indices after the last, counts raised, spaces and breaks preserved", () => {
    const sst = '<?xml version="1.0"?><sst xmlns="x" count="5" uniqueCount="2"><si><t>a</t></si><si><t>b</t></si></sst>';
    expect(uniqueCountOf(sst)).toBe(2);
    expect(uniqueCountOf("<sst><si><t>a</t></si><si/><sip/></sst>")).toBe(2);
    const out = appendSharedStrings(sst, ["甲", " 乙\n"], 3);
    expect(out).toBe('<?xml version="1.0"?><sst xmlns="x" count="8" uniqueCount="4"><si><t>a</t></si><si><t>b</t></si><si><t>甲</t></si><si><t xml:space="preserve"> 乙\n</t></si></sst>');
    expect(appendSharedStrings(sst, [], 0)).toBe(sst);
  });
});
