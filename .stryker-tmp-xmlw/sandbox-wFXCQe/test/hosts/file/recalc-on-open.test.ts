/**
 * Issue 13, point 3 — formulas stay true: every workbook the file mode saves asks Excel for a full
 * calculation when it is opened (<calcPr fullCalcOnLoad="1"/> in xl/workbook.xml), so the clerk's
 * formulas that read owned cells do not show the cached values of before the write. Checked on both
 * paths of the file adapter — the command line's (Node's zlib, cells written as XML) and the pane's
 * plain-browser one (ExcelJS's own writeBuffer) — and on `hotline-scorecard score` and `template`:
 * the flag is in the saved workbook.xml, that part still validates against the ECMA-376 schema
 * (../shared/schemas/ooxml, xmllint-wasm), and reading the saved file back (ExcelJS, no LibreOffice)
 * gives the same cells as the workbook held before the save.
 */
// @ts-nocheck

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import { NODE_ZLIB } from "../../../src/hosts/file/node-zlib";
import { openWorkbookFile } from "../../../src/taskpane/file";
import { runWorkbookAsync } from "../../../src/workbook/plan";
import { buildPaymentSheet } from "../../../src/workbook/sheets/payment-sheet";
import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { runCli } from "../../fixtures/cli";
import { folderPerTest } from "../../fixtures/folder";
import { checkParts } from "../../fixtures/ooxml-schema";

jest.setTimeout(60_000);

const ASSET = path.join(__dirname, "..", "..", "..", "assets", "example-2024-2025.xlsx");
const CLOCK = new Date(2025, 10, 5, 14, 30);
const NOW = "2025-11-05 14:30";

async function part(xlsx: Uint8Array, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(xlsx)).file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async("string");
}


/** Schema errors and Excel's own rules for the part (test/fixtures/ooxml-schema.ts, the one check every suite uses). */
async function smlErrors(xml: string): Promise<string[]> {
  return (await checkParts([{ name: "xl/workbook.xml", data: xml }]))[0]?.errors ?? [];
}

function calcPr(workbookXml: string): string | null {
  return /<calcPr\b[^>]*\/?>/.exec(workbookXml)?.[0] ?? null;
}

/**
 * The example as a workbook another program saved: the same package with the flag taken out of
 * <calcPr>. The example itself carries the flag (the template asks for it since issue 13), so the
 * saves are tested on this input, where only the save can have set it.
 */
let unflagged: Promise<Buffer> | null = null;
function inputWithoutFlag(): Promise<Buffer> {
  unflagged ??= (async () => {
    const zip = await JSZip.loadAsync(readFileSync(ASSET));
    const xml = await part(readFileSync(ASSET), "xl/workbook.xml");
    const stripped = xml.replace(/(<calcPr\b[^>]*?)\s+fullCalcOnLoad="(?:1|true)"/, "$1");
    if (stripped === xml) throw new Error("the example's workbook.xml has no fullCalcOnLoad to take out");
    zip.file("xl/workbook.xml", stripped);
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  })();
  return unflagged;
}

/**
 * The cells (values, formats, formulas), merges and protection of every sheet: what a read gives.
 * −0 as 0: a score of −0 in memory is written "0" (the same number to Excel; toEqual tells them apart).
 */
function cellsOf(s: WorkbookSnapshot) {
  return s.sheets.map((x) => ({ name: x.name, cells: x.cells.map((c) => (Object.is(c.value, -0) ? { ...c, value: 0 } : c)), merges: [...x.merges].sort((a, b) => a.top - b.top || a.left - b.left), protected: x.protected ?? false }));
}

describe("the file mode's saves recalculate on open (fullCalcOnLoad)", () => {
  const { at } = folderPerTest("recalc-");

  it("the schema check can fail: a calcPr with a wrong attribute value is reported", async () => {
    const errors = await smlErrors(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets><calcPr fullCalcOnLoad="yes"/></workbook>`);
    expect(errors.join("\n")).toMatch(/fullCalcOnLoad/);
  });

  it("the input does not carry the flag: it is the save that sets it", async () => {
    // The example, made from today's template, carries it…
    expect(calcPr(await part(readFileSync(ASSET), "xl/workbook.xml"))).toMatch(/fullCalcOnLoad="1"/);
    // …so the saves below start from the same package without it: only workbook.xml differs, and only there.
    const input = await inputWithoutFlag();
    const xml = await part(input, "xl/workbook.xml");
    expect(calcPr(xml)).toMatch(/^<calcPr\b/);
    expect(calcPr(xml)).not.toMatch(/fullCalcOnLoad/);
    expect(xml.replace(calcPr(xml) ?? "", "")).toBe((await part(readFileSync(ASSET), "xl/workbook.xml")).replace(/<calcPr\b[^>]*\/?>/, ""));
    const names = async (b: Uint8Array) => Object.keys((await JSZip.loadAsync(b)).files).sort();
    expect(await names(input)).toEqual(await names(readFileSync(ASSET)));
  });

  for (const [label, options] of [
    ["command line (Node zlib, cells as XML)", NODE_ZLIB],
    ["plain browser (ExcelJS writeBuffer)", {}],
  ] as const) {
    it(`${label}: flag set, workbook.xml schema-valid, the saved cells read back the same`, async () => {
      const adapter = await ExcelFileAdapter.fromBuffer(await inputWithoutFlag(), options);
      const run = await runWorkbookAsync(await adapter.read(), { now: NOW, asOf: "2025-12-31", buildPaymentSheet });
      expect(run.ok).toBe(true);
      if (!run.plan) throw new Error("no plan");
      await adapter.apply(run.plan);
      const before = await adapter.read();
      const saved = await adapter.save();

      const workbookXml = await part(saved, "xl/workbook.xml");
      expect(calcPr(workbookXml)).toMatch(/^<calcPr\b[^>]*\bfullCalcOnLoad="1"/);
      expect(await smlErrors(workbookXml)).toEqual([]);

      const after = await (await ExcelFileAdapter.fromBuffer(saved)).read();
      expect(cellsOf(after)).toEqual(cellsOf(before));
      expect(after.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["计算说明", "撤销记录", "付款结算"]));
    });
  }

  it("a save without any write sets it too (the flag does not depend on the plan)", async () => {
    const adapter = await ExcelFileAdapter.fromBuffer(await inputWithoutFlag(), NODE_ZLIB);
    expect(calcPr(await part(await adapter.save(), "xl/workbook.xml"))).toMatch(/fullCalcOnLoad="1"/);
  });

  it("the pane's browser path (openWorkbookFile → save) sets it", async () => {
    const bytes = await inputWithoutFlag();
    const pane = await openWorkbookFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const run = await runWorkbookAsync(await pane.read(), { now: NOW, asOf: "2025-12-31" });
    if (!run.plan) throw new Error("no plan");
    await pane.apply(run.plan);
    if (!pane.save) throw new Error("the browser path's adapter saves");
    const saved = await pane.save();
    const workbookXml = await part(saved, "xl/workbook.xml");
    expect(calcPr(workbookXml)).toMatch(/fullCalcOnLoad="1"/);
    expect(await smlErrors(workbookXml)).toEqual([]);
  });

  it("hotline-scorecard score and freeze write it; a re-scored output keeps it", async () => {
    const input = at("input-without-flag.xlsx");
    writeFileSync(input, await inputWithoutFlag());
    const s = await runCli(["score", input, "-o", at("scored.xlsx"), "--as-of", "2025-12-31"], CLOCK);
    expect(s.code).toBe(0);
    const xml = await part(readFileSync(at("scored.xlsx")), "xl/workbook.xml");
    expect(calcPr(xml)).toMatch(/fullCalcOnLoad="1"/);
    expect(await smlErrors(xml)).toEqual([]);
    const again = await runCli(["score", at("scored.xlsx"), "-o", at("again.xlsx"), "--as-of", "2025-12-31"], CLOCK);
    expect(again.code).toBe(0);
    expect(calcPr(await part(readFileSync(at("again.xlsx")), "xl/workbook.xml"))).toMatch(/fullCalcOnLoad="1"/);
    const f = await runCli(["freeze", input, "--month", "2025-10", "--by", "张三", "-o", at("frozen.xlsx")], CLOCK);
    expect(f.code).toBe(0);
    expect(calcPr(await part(readFileSync(at("frozen.xlsx")), "xl/workbook.xml"))).toMatch(/fullCalcOnLoad="1"/);
  });

  it("hotline-scorecard template writes it into a new workbook, schema-valid", async () => {
    const t = await runCli(["template", "--from", "2024-12", "--months", "12", "-o", at("new.xlsx")], CLOCK);
    expect(t.code).toBe(0);
    const xml = await part(readFileSync(at("new.xlsx")), "xl/workbook.xml");
    expect(calcPr(xml)).toMatch(/fullCalcOnLoad="1"/);
    expect(await smlErrors(xml)).toEqual([]);
  });
});
