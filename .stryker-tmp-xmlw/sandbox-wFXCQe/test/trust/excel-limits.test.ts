/**
 * Issue 13, point 5 — Excel's own limits in everything the product writes, on both hosts
 * (src/workbook/sheets/excel-limits.ts, applied where plans are made and again by both adapters):
 * - no cell text over 32,767 characters: cut, with "…（以下省略 N 字）" at its end;
 * - no row over 409 points;
 * - no character XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF,
 *   lone surrogates) in a written XML part, whether it came from the command line or a cell.
 * The failing cases, before the fix: a freeze with a 40,000-character --note wrote a <t> of 40,041
 * characters into xl/sharedStrings.xml, and a --by or --note holding U+FFFE wrote it raw (ExcelJS
 * lets it through) — a file Excel repairs and ExcelJS itself cannot read back ("disallowed
 * character"). And where the full text matters: the 审计记录 row still reads and still freezes,
 * and 撤销记录 still restores.
 */
// @ts-nocheck

import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { ExcelFileAdapter } from "../../src/hosts/file/file-adapter";
import { NODE_ZLIB } from "../../src/hosts/file/node-zlib";
import { ExcelAdapter } from "../../src/hosts/excel/excel-adapter";
import { a1, type CellWrite, type SheetSnapshot, type WorkbookSnapshot, type WritePlan } from "../../src/workbook/model";
import { runWorkbookAsync } from "../../src/workbook/plan";
import { applyPlanToSnapshot } from "../../src/workbook/drafts/input-rows";
import { frozenMonths, readAudit } from "../../src/workbook/sheets/audit";
import { cutMarker, cutText, fitCellText, fitPlan, isCutText, MAX_CELL_TEXT, MAX_ROW_HEIGHT, xmlSafeText } from "../../src/workbook/sheets/excel-limits";
import { buildExplainSheet } from "../../src/workbook/sheets/explain-sheet";
import { buildPaymentSheet } from "../../src/workbook/sheets/payment-sheet";
import { buildUndoSheet, planRestore, UNDO_SHEET_NAME } from "../../src/workbook/sheets/undo";
import { defaultRules, scoreMonth } from "../../src/domain";
import { EXAMPLE_2025_10 } from "../../src/domain/example";
import { runCli } from "../fixtures/cli";
import { folderPerTest } from "../fixtures/folder";
import { fakeExcel, FakeWorkbookState } from "../hosts/excel/fake-excel";

jest.setTimeout(120_000);

const ASSET = path.join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx");
const OCT = "2025年10月";
const CLOCK = new Date(2025, 10, 5, 14, 30);
const NOW = "2025-11-05 14:30";
const PROTECTION = `工作表「${OCT}」已保护（无密码：防止误改，并非加密锁定）`;
/** Every character XML 1.0 forbids, one of each kind (a lone high and a lone low surrogate too). */
const BAD = "\u0000\u0001\u0008\u000b\u000c\u000e\u001f\ufffe\uffff\ud800\udc00x".replace("\ud800\udc00x", "\ud800x\udc00");
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|&#x?0*(?:[0-8bcefBCEF]|1[0-9a-fA-F]|[Ff]{3}[EeFf]);/;

const { at } = folderPerTest("excel-limits-");

function decode(xml: string): string {
  return xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** What breaks Excel's rules in a saved .xlsx: a forbidden character in any XML part, a text over 32,767, a row over 409 pt. */
async function excelRuleProblems(xlsx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const problems: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    const bytes = await zip.file(name)?.async("uint8array");
    if (!bytes) continue;
    const xml = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // a lone surrogate written as bytes would fail here
    const bad = FORBIDDEN.exec(xml);
    if (bad) problems.push(`${name}: forbidden character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`);
    for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) {
      const n = decode(m[1] ?? "").length;
      if (n > MAX_CELL_TEXT) problems.push(`${name}: a text of ${n} characters`);
    }
    for (const m of xml.matchAll(/<c\b[^>]*t="(?:str|inlineStr)"[^>]*>.*?<v>([^<]*)<\/v>/g)) {
      const n = decode(m[1] ?? "").length;
      if (n > MAX_CELL_TEXT) problems.push(`${name}: a formula result of ${n} characters`);
    }
    for (const m of xml.matchAll(/<row\b[^>]*\bht="([^"]+)"/g)) if (Number(m[1]) > MAX_ROW_HEIGHT) problems.push(`${name}: a row of ${m[1]} pt`);
  }
  return problems;
}

/** Every text, formula and row height of a plan, for the host-free checks. */
function planProblems(plan: WritePlan): string[] {
  const problems: string[] = [];
  const check = (where: string, w: CellWrite) => {
    if (typeof w.value === "string" && (w.value.length > MAX_CELL_TEXT || FORBIDDEN.test(w.value))) problems.push(`${where}!${w.address}: ${w.value.length} characters${FORBIDDEN.test(w.value) ? ", a forbidden character" : ""}`);
    if (w.formula !== undefined && FORBIDDEN.test(w.formula)) problems.push(`${where}!${w.address}: formula with a forbidden character`);
  };
  for (const g of plan.cellWrites) for (const w of g.writes) check(g.sheet, w);
  for (const s of plan.sheets) {
    for (const w of s.cells) check(s.name, w);
    for (const [row, h] of Object.entries(s.rowHeights ?? {})) if (h > MAX_ROW_HEIGHT) problems.push(`${s.name} row ${row}: ${h} pt`);
  }
  return problems;
}

function sheetOf(s: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = s.sheets.find((x) => x.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function valueAt(s: WorkbookSnapshot, sheet: string, address: string) {
  const want = address;
  return sheetOf(s, sheet).cells.find((c) => a1(c.row, c.col) === want)?.value ?? null;
}

// ------------------------------------------------------------------------------------ the helpers

describe("excel-limits: cutting and cleaning", () => {
  it("cuts to exactly 32,767 characters with the marker naming what was left out; a fitting text is untouched", () => {
    const long = "备".repeat(40_000);
    const cut = cutText(long);
    expect(cut.length).toBe(MAX_CELL_TEXT);
    const omitted = Number(/…（以下省略 (\d+) 字）$/.exec(cut)?.[1]);
    const kept = 40_000 - omitted;
    expect(cut).toBe(long.slice(0, kept) + cutMarker(omitted));
    expect(cut.slice(0, kept)).toBe(long.slice(0, kept));
    expect(isCutText(cut)).toBe(true);
    expect(cutText("备".repeat(MAX_CELL_TEXT))).toBe("备".repeat(MAX_CELL_TEXT));
    expect(cutText("短")).toBe("短");
  });

  it("never splits a surrogate pair at the cut", () => {
    for (let shift = 0; shift < 4; shift++) {
      const text = "a".repeat(shift) + "𠀀".repeat(20_000); // 2 code units each
      const cut = cutText(text);
      expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
      expect(xmlSafeText(cut)).toBe(cut); // no lone half left
      const kept = cut.slice(0, cut.indexOf("…（以下省略"));
      expect(Number(/以下省略 (\d+) 字/.exec(cut)?.[1])).toBe(text.length - kept.length);
    }
  });

  it("removes what XML 1.0 forbids, keeps tab, line feed, carriage return and pairs, and replaces a lone surrogate by U+FFFD", () => {
    expect(xmlSafeText(`a${BAD}b\t\n\r𠀀`)).toBe("a\ufffdx\ufffdb\t\n\r𠀀");
    expect(fitCellText("\ufffe".repeat(40_000))).toBe("");
  });

  it("fitPlan leaves a fitting plan as the same object and does not change the plan it is given", () => {
    const ok: WritePlan = { cellWrites: [{ sheet: "S", writes: [{ address: "A1", value: "好" }] }], sheets: [{ name: "T", cells: [{ address: "A1", value: 1 }], merges: [], rowHeights: { 1: 409 } }] };
    expect(fitPlan(ok)).toBe(ok);
    const bad: WritePlan = { cellWrites: [{ sheet: "S", writes: [{ address: "A1", value: `x${BAD}`.repeat(4_000) }] }], sheets: [{ name: "T", cells: [], merges: [], rowHeights: { 2: 5_000 } }] };
    const fitted = fitPlan(bad);
    expect(planProblems(bad)).toHaveLength(2);
    expect(planProblems(fitted)).toEqual([]);
    expect(fitted.sheets[0]?.rowHeights).toEqual({ 2: 409 });
    expect(fitPlan(fitted)).toBe(fitted);
  });
});

// ------------------------------------------------------------------------------------ command line

describe("freeze / unfreeze through the command line", () => {
  it("a 40,000-character --note with forbidden characters: cut in 审计记录 with the marker, no forbidden character written, the month frozen", async () => {
    const note = `复核说明${BAD}` + "备".repeat(40_000);
    const f = await runCli(["freeze", ASSET, "--month", "2025-10", "--by", `张\u0001三\ufffe`, "--note", note, "-o", at("frozen.xlsx")], CLOCK);
    expect(f.err).toBe("");
    expect(f.code).toBe(0);
    expect(f.out).toContain(`已定稿 / frozen: ${OCT}（张三，${NOW}）`);
    const saved = readFileSync(at("frozen.xlsx"));
    expect(await excelRuleProblems(saved)).toEqual([]);

    // What is kept is correct: the row reads, the month is frozen with its fingerprint, the note is the
    // protection text and the start of the note as given (its forbidden characters removed), then the marker.
    const snapshot = await (await ExcelFileAdapter.fromBuffer(saved)).read();
    const log = readAudit(snapshot);
    expect(log.problems).toEqual([]);
    expect(log.rows).toHaveLength(1);
    const row = log.rows[0];
    expect(row).toEqual(expect.objectContaining({ action: "定稿", month: "2025-10", who: "张三", time: NOW }));
    expect(row?.fingerprint).toBe(/fingerprint \(SHA-256\): ([0-9a-f]{64})/.exec(f.out)?.[1]);
    const full = `${PROTECTION}；${xmlSafeText(note)}`;
    expect(row?.note.length).toBe(MAX_CELL_TEXT);
    const m = /…（以下省略 (\d+) 字）$/.exec(row?.note ?? "");
    expect(m).not.toBeNull();
    const kept = (row?.note.length ?? 0) - (m?.[0].length ?? 0);
    expect(row?.note.slice(0, kept)).toBe(full.slice(0, kept));
    expect(Number(m?.[1])).toBe(full.length - kept);
    expect(row?.note.startsWith(`${PROTECTION}；复核说明\ufffdx\ufffd备备`)).toBe(true);
    expect(frozenMonths(log).get("2025-10")?.snapshot).not.toBeNull();

    // The frozen month stays frozen and unchanged on the next run: the cut changed nothing it compares.
    const s = await runCli(["score", at("frozen.xlsx"), "-o", at("scored.xlsx"), "--as-of", "2025-12-31"], CLOCK);
    expect(s.code).toBe(0);
    expect(s.out).not.toContain("定稿后被改动");
    expect(await excelRuleProblems(readFileSync(at("scored.xlsx")))).toEqual([]);

    // A 40,000-character --reason: cut the same way; the month is unfrozen.
    const reason = `原因${BAD}` + "因".repeat(40_000);
    const u = await runCli(["unfreeze", at("frozen.xlsx"), "--month", "2025-10", "--by", "李四", "--reason", reason, "-o", at("unfrozen.xlsx")], CLOCK);
    expect(u.err).toBe("");
    expect(u.code).toBe(0);
    const unfrozen = readFileSync(at("unfrozen.xlsx"));
    expect(await excelRuleProblems(unfrozen)).toEqual([]);
    const log2 = readAudit(await (await ExcelFileAdapter.fromBuffer(unfrozen)).read());
    expect(log2.rows).toHaveLength(2);
    expect(log2.rows[0]?.note).toBe(row?.note); // the older row kept exactly
    const reasonNote = log2.rows[1]?.note ?? "";
    expect(reasonNote.length).toBe(MAX_CELL_TEXT);
    expect(reasonNote.startsWith("解除原因：原因\ufffdx\ufffd因因")).toBe(true);
    expect(isCutText(reasonNote)).toBe(true);
    expect(frozenMonths(log2).has("2025-10")).toBe(false);
  });

  it("a --by of forbidden characters only is missing: refused, nothing written", async () => {
    const f = await runCli(["freeze", ASSET, "--month", "2025-10", "--by", "\u0001\ufffe", "-o", at("never.xlsx")], CLOCK);
    expect(f.code).toBe(2);
    expect(f.err).toContain("缺少 --by");
    const u = await runCli(["unfreeze", ASSET, "--month", "2025-10", "--by", "李四", "--reason", "\u0002", "-o", at("never.xlsx")], CLOCK);
    expect(u.code).toBe(2);
    expect(u.err).toContain("缺少 --reason");
  });
});

// ------------------------------------------------------------------------------------ an event description

/** The asset read, with the 事项说明 of each 2025-10 event replaced (what a cell of the Excel host can hold). */
async function withDescriptions(description: (i: number) => string): Promise<{ adapter: ExcelFileAdapter; snapshot: WorkbookSnapshot; cells: string[] }> {
  const adapter = await ExcelFileAdapter.fromBuffer(readFileSync(ASSET), NODE_ZLIB);
  const snapshot = await adapter.read();
  const events = sheetOf(snapshot, "加减分事件");
  const header = events.cells.find((c) => c.value === "事项说明");
  const monthCol = events.cells.find((c) => c.row === header?.row && c.value === "考核月份")?.col;
  if (!header || monthCol === undefined) throw new Error("no 事项说明 / 考核月份 header");
  const rows = events.cells.filter((c) => c.col === monthCol && c.row > header.row && String(c.value).includes("2025-10")).map((c) => c.row);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  const cells: string[] = [];
  rows.forEach((r, i) => {
    const cell = events.cells.find((c) => c.row === r && c.col === header.col);
    if (cell) cell.value = description(i);
    else events.cells.push({ row: r, col: header.col, value: description(i), numberFormat: "General" });
    cells.push(a1(r, header.col));
  });
  events.cells.sort((x, y) => x.row - y.row || x.col - y.col);
  return { adapter, snapshot, cells };
}

describe("an event description with U+FFFE and 40,000 characters (into 完成情况, 计算说明, 付款结算, 撤销记录)", () => {
  it("the plan (what both hosts write) holds no text over the limit, no forbidden character, no row over 409 pt; the file is clean and restores", async () => {
    const { adapter, snapshot } = await withDescriptions((i) => `来电群众\ufffe致谢${i}` + "谢".repeat(40_000));
    const run = await runWorkbookAsync(snapshot, { now: NOW, asOf: "2025-12-31", buildPaymentSheet });
    expect(run.errors).toEqual([]);
    if (!run.plan) throw new Error("no plan");
    expect(planProblems(run.plan)).toEqual([]);
    // The summary of the bonus item (加分项) is cut with the marker, its start as scored.
    const oct = run.plan.cellWrites.find((g) => g.sheet === OCT)?.writes ?? [];
    const cutSummaries = oct.filter((w) => typeof w.value === "string" && isCutText(w.value));
    expect(cutSummaries.length).toBeGreaterThanOrEqual(1);
    expect(/^事项 BY-2025-10\d「来电群众致谢[01]谢谢/.test(String(cutSummaries[0]?.value))).toBe(true); // U+FFFE removed
    // 计算说明 rows that would be thousands of points high are 409.
    const explain = run.plan.sheets.find((s) => s.name === "计算说明");
    expect(Math.max(...Object.values(explain?.rowHeights ?? {}))).toBe(MAX_ROW_HEIGHT);

    // The file host writes it; every part keeps Excel's rules; it reads back.
    await adapter.apply(run.plan);
    const saved = await adapter.save();
    expect(await excelRuleProblems(saved)).toEqual([]);
    const after = await (await ExcelFileAdapter.fromBuffer(saved)).read();
    for (const w of oct) expect(valueAt(after, OCT, w.address) === w.value).toBe(true); // −0 written is 0 read: === holds both

    // 撤销记录 restores the scorecard exactly as before the write, and names no cell as changed since.
    const undo = planRestore(after);
    if ("error" in undo) throw new Error(undo.error);
    expect(undo.changedSince).toEqual([]);
    const restored = applyPlanToSnapshot(after, undo.plan);
    expect(sheetOf(restored, OCT).cells).toEqual(sheetOf(snapshot, OCT).cells);
  });

  it("the 事项说明 cell itself, when the Excel host holds U+FFFE: the freeze's 快照 keeps it (as a JSON escape) and a later run sees no change", async () => {
    const { snapshot } = await withDescriptions((i) => `来电\ufffe群众${i}\uffff`);
    const { planFreezeMonth } = await import("../../src/workbook/plan");
    const r = await planFreezeMonth(snapshot, { month: "2025-10", who: "张三", now: NOW }, { asOf: "2025-12-31" });
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
    expect(planProblems(r.plan)).toEqual([]);
    const frozen = applyPlanToSnapshot(snapshot, r.plan);
    const rec = frozenMonths(readAudit(frozen)).get("2025-10");
    expect(Object.values(rec?.snapshot?.cells ?? {})).toEqual(expect.arrayContaining(["来电\ufffe群众0\uffff"]));
    const again = await runWorkbookAsync(frozen, { now: NOW, asOf: "2025-12-31" });
    expect(again.warnings.filter((w) => w.code === "frozen-month-changed")).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------ the adapters' last line

describe("both adapters fit a plan made elsewhere (the pane's form drafts)", () => {
  const raw: WritePlan = {
    cellWrites: [{ sheet: OCT, writes: [{ address: "J30", value: `草稿${BAD}` + "稿".repeat(40_000) }] }],
    sheets: [{ name: "附注", cells: [{ address: "A1", value: `\u0001附注\uffff` }], merges: [], rowHeights: { 1: 2_000 } }],
  };

  it("file adapter: clean parts, the cell cut with the marker, the row 409 pt", async () => {
    for (const options of [NODE_ZLIB, {}]) {
      const adapter = await ExcelFileAdapter.fromBuffer(readFileSync(ASSET), options);
      await adapter.apply(raw);
      const saved = await adapter.save();
      expect(await excelRuleProblems(saved)).toEqual([]);
      const after = await (await ExcelFileAdapter.fromBuffer(saved)).read();
      const j30 = String(valueAt(after, OCT, "J30"));
      expect(j30.length).toBe(MAX_CELL_TEXT);
      expect(j30.startsWith("草稿\ufffdx\ufffd稿")).toBe(true);
      expect(isCutText(j30)).toBe(true);
      expect(valueAt(after, "附注", "A1")).toBe("附注");
      const zip = await JSZip.loadAsync(saved);
      const sheets = await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet")).map((n) => zip.file(n)?.async("string")));
      expect(sheets.some((x) => /<row r="1"[^>]*ht="409"/.test(x ?? ""))).toBe(true);
    }
  });

  it("office-js adapter (fake Excel): what reaches Excel is within its limits", async () => {
    const state = new FakeWorkbookState();
    state.addSheet(OCT, { A1: "考核得分" });
    const { excel } = fakeExcel(state);
    await new ExcelAdapter(excel, { isSetSupported: () => true }).apply(raw);
    const j30 = state.find(OCT)?.at("J30")?.value;
    expect(typeof j30 === "string" && j30.length).toBe(MAX_CELL_TEXT);
    expect(isCutText(String(j30))).toBe(true);
    expect(state.find("附注")?.at("A1")?.value).toBe("附注");
    expect(state.find("附注")?.rowHeights[1]).toBe(MAX_ROW_HEIGHT);
  });
});

// ------------------------------------------------------------------------------------ 撤销记录

describe("撤销记录 with values at and over the limit", () => {
  const sheet = (cells: SheetSnapshot["cells"]): WorkbookSnapshot => ({ sheets: [{ name: "表", index: 0, cells, merges: [] }] });
  const undoSnapshot = (before: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot => {
    const fitted = fitPlan(plan);
    const record = fitPlan({ cellWrites: [], sheets: [buildUndoSheet(before, plan, NOW)] }).sheets[0];
    if (!record) throw new Error("no record");
    expect(planProblems({ cellWrites: [], sheets: [record] })).toEqual([]);
    return applyPlanToSnapshot(applyPlanToSnapshot({ sheets: [...before.sheets, { name: UNDO_SHEET_NAME, index: 1, cells: [], merges: [] }] }, fitted), { cellWrites: [], sheets: [record] });
  };

  it("an original of exactly 32,767 characters (the most a cell holds) is recorded whole and restored exactly", () => {
    const original = "原".repeat(MAX_CELL_TEXT - 1) + "尾";
    const before = sheet([{ row: 2, col: 2, value: original, numberFormat: "@" }]);
    const after = undoSnapshot(before, { cellWrites: [{ sheet: "表", writes: [{ address: "B2", value: "新" }] }], sheets: [] });
    const r = planRestore(after);
    if ("error" in r) throw new Error(r.error);
    expect(r.plan.cellWrites[0]?.writes).toEqual([{ address: "B2", value: original, numberFormat: "@" }]);
    expect(r.changedSince).toEqual([]);
  });

  it("an original over the limit (only a file not made by Excel holds one) comes back as the most the cell can hold: cut, with the marker", () => {
    const original = "原".repeat(40_000);
    const before = sheet([{ row: 2, col: 2, value: original, numberFormat: "General" }]);
    const after = undoSnapshot(before, { cellWrites: [{ sheet: "表", writes: [{ address: "B2", value: 1 }] }], sheets: [] });
    const r = planRestore(after);
    if ("error" in r) throw new Error(r.error);
    expect(r.plan.cellWrites[0]?.writes[0]?.value).toBe(cutText(original));
  });

  it("a written value over the limit is recorded as the cell will hold it: nothing is reported as changed since", () => {
    const before = sheet([{ row: 2, col: 2, value: "旧", numberFormat: "General" }]);
    const after = undoSnapshot(before, { cellWrites: [{ sheet: "表", writes: [{ address: "B2", value: "新".repeat(40_000) }, { address: "C2", value: "空".repeat(40_000) }] }], sheets: [] });
    expect(String(valueAt(after, "表", "B2")).length).toBe(MAX_CELL_TEXT);
    const r = planRestore(after);
    if ("error" in r) throw new Error(r.error);
    expect(r.changedSince).toEqual([]);
    expect(applyPlanToSnapshot(after, r.plan).sheets[0]?.cells).toEqual(before.sheets[0]?.cells);
  });

  it("a column of empty cells written with long texts: the compact record is split so no cell passes the limit, and every cell is emptied again", () => {
    const before = sheet([{ row: 1, col: 1, value: "标题", numberFormat: "General" }]);
    const writes: CellWrite[] = [];
    for (let r = 7; r <= 20; r++) writes.push({ address: `H${r}`, value: `第${r}行` + "说".repeat(3_000) });
    writes.push({ address: "I7", value: '"'.repeat(MAX_CELL_TEXT) }); // JSON doubles it: its own row
    const after = undoSnapshot(before, { cellWrites: [{ sheet: "表", writes }], sheets: [] });
    const r = planRestore(after);
    if ("error" in r) throw new Error(r.error);
    expect(r.changedSince).toEqual([]);
    expect(r.plan.cellWrites[0]?.writes).toHaveLength(15);
    expect(applyPlanToSnapshot(after, r.plan).sheets[0]?.cells).toEqual(before.sheets[0]?.cells);
  });
});

// ------------------------------------------------------------------------------------ row heights

describe("row heights of the owned sheets", () => {
  it("计算说明: an explanation of 40,000 characters gets a row of 409 pt, not thousands", () => {
    const events = EXAMPLE_2025_10.events.map((e) => ({ ...e, description: "长".repeat(40_000) }));
    const score = scoreMonth(EXAMPLE_2025_10.indicators, events, EXAMPLE_2025_10.reports, defaultRules());
    if (!score.ok) throw new Error("no score");
    const spec = buildExplainSheet([score.value], defaultRules(), NOW);
    const heights = Object.values(spec.rowHeights ?? {});
    expect(Math.max(...heights)).toBe(MAX_ROW_HEIGHT);
    expect(heights.filter((h) => h === MAX_ROW_HEIGHT).length).toBeGreaterThanOrEqual(1);
  });
});

describe("fitPlan fits a plan once", () => {
  it("returns a fitted plan as it is the second time, and fits a plan made elsewhere", () => {
    const long = "长".repeat(40_000);
    const plan = { cellWrites: [{ sheet: "S", writes: [{ address: "A1", value: long }] }], sheets: [] };
    const once = fitPlan(plan);
    expect(once).not.toBe(plan);
    expect(String(once.cellWrites[0]?.writes[0]?.value).length).toBe(32_767);
    expect(fitPlan(once)).toBe(once);
    const fine = { cellWrites: [{ sheet: "S", writes: [{ address: "A1", value: "短" }] }], sheets: [] };
    expect(fitPlan(fine)).toBe(fine);
    expect(fitPlan(fitPlan(fine))).toBe(fine);
  });
});
