/**
 * 撤销上次写入: snapshot → plan → 撤销记录 → (apply) → planRestore → (apply) gives back the original
 * cells exactly — an empty cell, a number with 0.00, a formula, "=HYPERLINK(…)" typed as text, text
 * "001", a boolean, a date, a float's last bit — in memory and through a real .xlsx file.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { applyPlanToSnapshot } from "../../../src/workbook/drafts/input-rows";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import { CellWrite, parseA1, ReadCell, SheetSnapshot, SheetSpec, WorkbookSnapshot, WritePlan } from "../../../src/workbook/model";
import { buildUndoSheet, planRestore, RestorePlan, RestoreRefusal, UNDO_HEADERS, UNDO_SHEET_NAME } from "../../../src/workbook/sheets/undo";

const CARD = "2025年10月";
const T = "2025-11-05 14:30";
const HYPERLINK = '=HYPERLINK("https://example.com/12367","说明")';
const FLOAT = 0.1 + 0.2;

function cell(row: number, col: number, value: ReadCell["value"], numberFormat = "General", formula?: string): ReadCell {
  const c: ReadCell = { row, col, value, numberFormat };
  if (formula !== undefined) c.formula = formula;
  return c;
}

/** The workbook as read before the run. Column G = 完成情况, H = 单项得分 (addresses as in a scorecard). */
function original(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: CARD,
        index: 0,
        merges: [{ top: 1, left: 1, bottom: 1, right: 9 }],
        cells: [
          cell(1, 1, "陕西省公安厅出入境管理局 12367 服务热线质量考核"),
          cell(7, 7, HYPERLINK),
          cell(7, 9, "备注：不动"),
          cell(8, 7, "001", "@"),
          cell(8, 8, 9.5, "0.00"),
          cell(9, 7, true),
          cell(9, 8, 9.5, "0.00", "SUM(H7:H8)"),
          cell(10, 7, "  前后空格 "),
          cell(10, 8, FLOAT),
          cell(11, 8, 45945, "yyyy-mm-dd"),
        ],
      },
      { name: "付款结算", index: 1, merges: [], cells: [cell(1, 1, "旧的付款结算")] },
      { name: "指标录入", index: 2, merges: [], cells: [cell(1, 1, "考核月份"), cell(2, 1, "2025-10")] },
    ],
  };
}

function spec(name: string, text: string): SheetSpec {
  return { name, cells: [{ address: "A1", value: text }], merges: [] };
}

/** The run's plan: owned cells of the scorecard (H7 was empty; H8 written twice), three whole sheets. */
function runPlan(): WritePlan {
  const w = (address: string, value: CellWrite["value"], numberFormat?: string): CellWrite => (numberFormat ? { address, value, numberFormat } : { address, value });
  return {
    cellWrites: [
      {
        sheet: CARD,
        writes: [
          w("H7", 9, "0.00"),
          w("G7", "团队 9 人，少 1 人"),
          w("H8", 10, "0.00"),
          w("G8", "制度落实"),
          w("H9", 10, "0.00"),
          w("G9", "无问题"),
          w("G10", "x"),
          w("H10", 3, "0.00"),
          w("H11", 5, "0.00"),
          w("$h$8", 10.5, "0.00"),
        ],
      },
    ],
    sheets: [spec("付款结算", "新的付款结算"), spec("计算说明", "说明"), spec("审计记录", "记录")],
  };
}

/** What an adapter does with a plan, on a snapshot (the pane's own in-memory apply). */
const applyPlan = applyPlanToSnapshot;

function ok(r: RestorePlan | RestoreRefusal): RestorePlan {
  if ("error" in r) throw new Error(r.error);
  return r;
}

function refused(r: RestorePlan | RestoreRefusal): RestoreRefusal {
  if (!("error" in r)) throw new Error("expected a refusal");
  return r;
}

function sheetOf(s: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = s.sheets.find((x) => x.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The row of a section's header: "工作表" in A and `b` in B. */
function headerRow(undo: SheetSpec, b: string): number {
  const header = undo.cells.find((c) => c.value === b && parseA1(c.address).col === 2 && undo.cells.some((x) => x.address === `A${parseA1(c.address).row}` && x.value === "工作表"));
  if (!header) throw new Error(`no header with ${b}`);
  return parseA1(header.address).row;
}

/** The compact rows of the cells that were empty: [工作表, 区域, 写入值 JSON], in order. */
function blankRows(undo: SheetSpec): unknown[][] {
  const top = headerRow(undo, "原为空的单元格");
  const end = headerRow(undo, "单元格");
  const out: unknown[][] = [];
  for (let r = top + 1; r < end; r++) {
    const row = ["A", "B", "C"].map((c) => undo.cells.find((x) => x.address === `${c}${r}`)?.value ?? null);
    if (row[1] !== null) out.push(row);
  }
  return out;
}

/** The undo table of cells that held something, as rows of its seven columns, by 工作表!单元格. */
function undoRows(undo: SheetSpec): Map<string, CellWrite[]> {
  const top = headerRow(undo, "单元格");
  const out = new Map<string, CellWrite[]>();
  const rows = new Set(undo.cells.map((c) => parseA1(c.address).row).filter((r) => r > top));
  for (const r of rows) {
    const cols = [1, 2, 3, 4, 5, 6, 7].map((c) => undo.cells.find((x) => x.address === `${"ABCDEFG"[c - 1]}${r}`) ?? { address: "", value: null });
    out.set(`${cols[0]?.value}!${cols[1]?.value}`, cols);
  }
  return out;
}

describe("buildUndoSheet", () => {
  const undo = buildUndoSheet(original(), runPlan(), T);
  const rows = undoRows(undo);
  const values = (key: string) => rows.get(key)?.map((c) => c.value);

  it("is 撤销记录 with the time and the table's headers", () => {
    expect(undo.name).toBe(UNDO_SHEET_NAME);
    expect(undo.cells.find((c) => c.address === "B2")?.value).toBe(T);
    const header = undo.cells.find((c) => c.value === "工作表" && c.address.startsWith("A"));
    const r = parseA1(header?.address ?? "A1").row;
    expect(UNDO_HEADERS.map((_, i) => undo.cells.find((c) => c.address === `${"ABCDEFG"[i]}${r}`)?.value)).toEqual(["工作表", "原为空的单元格", "本次写入值（依次）", undefined, undefined, undefined, undefined]);
    const t = headerRow(undo, "单元格");
    expect(UNDO_HEADERS.map((_, i) => undo.cells.find((c) => c.address === `${"ABCDEFG"[i]}${t}`)?.value)).toEqual(["工作表", "单元格", "原值", "原值类型", "原数字格式", "原公式", "本次写入值"]);
  });

  it("records each written cell once, exactly: an empty one in the compact table, the others one row each", () => {
    expect(blankRows(undo)).toEqual([[CARD, "H7", '["9"]']]);
    expect([...rows.keys()]).toEqual([`${CARD}!G7`, `${CARD}!H8`, `${CARD}!G8`, `${CARD}!H9`, `${CARD}!G9`, `${CARD}!G10`, `${CARD}!H10`, `${CARD}!H11`]);
    expect(values(`${CARD}!G7`)).toEqual([CARD, "G7", HYPERLINK, "文本", "General", null, "团队 9 人，少 1 人"]);
    expect(values(`${CARD}!H8`)).toEqual([CARD, "H8", "9.5", "数字", "0.00", null, "10.5"]); // the last value written
    expect(values(`${CARD}!H9`)).toEqual([CARD, "H9", "9.5", "数字", "0.00", "SUM(H7:H8)", "10"]);
    expect(values(`${CARD}!G9`)).toEqual([CARD, "G9", "TRUE", "布尔", "General", null, "无问题"]);
    expect(values(`${CARD}!H10`)?.[2]).toBe("0.30000000000000004");
    expect(values(`${CARD}!G8`)?.slice(2, 5)).toEqual(["001", "文本", "@"]);
  });

  it("writes every recorded value as text, never as a formula", () => {
    const g7 = rows.get(`${CARD}!G7`)?.[2];
    expect(g7?.formula).toBeUndefined();
    expect(g7?.numberFormat).toBe("@");
    expect(undo.cells.every((c) => c.formula === undefined)).toBe(true);
  });

  it("lists the whole sheets and whether each existed before; says what an undo does with them", () => {
    const at = (v: string) => {
      const c = undo.cells.find((x) => x.value === v && x.address.startsWith("A"));
      const r = parseA1(c?.address ?? "A1").row;
      return ["B", "C"].map((col) => undo.cells.find((x) => x.address === `${col}${r}`)?.value);
    };
    expect(at("付款结算")).toEqual(["是", "保留，下次评分时重新生成"]);
    expect(at("计算说明")).toEqual(["否", "删除"]);
    expect(at("审计记录")).toEqual(["否", "保留（不随撤销删除）"]);
    expect(String(undo.cells.find((c) => c.address === "A3")?.value)).toContain("下次评分时重新生成");
  });

  it("refuses a plan writing to a sheet the workbook does not have", () => {
    expect(() => buildUndoSheet(original(), { cellWrites: [{ sheet: "没有", writes: [{ address: "A1", value: 1 }] }], sheets: [] }, T)).toThrow(/没有/);
  });
});

describe("planRestore: the round trip in memory", () => {
  const before = original();
  const plan = runPlan();
  const undo = buildUndoSheet(before, plan, T);
  const after = applyPlan(before, { ...plan, sheets: [...plan.sheets, undo] });

  it("the write did change the cells", () => {
    expect(sheetOf(after, CARD).cells).not.toEqual(sheetOf(before, CARD).cells);
    expect(sheetOf(after, "计算说明")).toBeDefined();
  });

  it("puts every cell back exactly and deletes the sheets the write created (not 审计记录)", () => {
    const r = ok(planRestore(after));
    expect(r.deleteSheets).toEqual(["计算说明"]);
    expect(r.plan.deleteSheets).toEqual(["计算说明"]);
    expect(r.changedSince).toEqual([]);
    const restored = applyPlan(after, r.plan);
    expect(sheetOf(restored, CARD).cells).toEqual(sheetOf(before, CARD).cells);
    expect(restored.sheets.map((s) => s.name)).toEqual([CARD, "付款结算", "指标录入", "审计记录", UNDO_SHEET_NAME]);
  });

  it("restores the formula as a formula, the =HYPERLINK text as text, the empty cell as empty", () => {
    const writes = ok(planRestore(after)).plan.cellWrites[0]?.writes ?? [];
    const at = (a: string) => writes.find((w) => w.address === a);
    expect(at("H9")).toEqual({ address: "H9", value: 9.5, numberFormat: "0.00", formula: "SUM(H7:H8)" });
    expect(at("G7")).toEqual({ address: "G7", value: HYPERLINK, numberFormat: "General" });
    expect(at("H7")).toEqual({ address: "H7", value: null });
    expect(at("H10")?.value).toBe(FLOAT);
    expect(at("G9")?.value).toBe(true);
  });

  it("names the cells typed in since the write (the undo overwrites them)", () => {
    const edited = applyPlan(after, { cellWrites: [{ sheet: CARD, writes: [{ address: "G8", value: "手工改过" }] }], sheets: [] });
    expect(ok(planRestore(edited)).changedSince).toEqual([`${CARD}!G8`]);
  });

  it("is refused when there is no record", () => {
    const r = refused(planRestore(before));
    expect(r.error).toContain("没有可撤销的写入");
  });

  it("is refused when a recorded sheet is frozen (protected) or gone", () => {
    const frozen = { sheets: after.sheets.map((s) => (s.name === CARD ? { ...s, protected: true } : s)) };
    expect(refused(planRestore(frozen)).error).toContain(`工作表「${CARD}」受保护`);
    const gone = { sheets: after.sheets.filter((s) => s.name !== CARD) };
    const r = refused(planRestore(gone));
    expect(r.problems[0]).toMatchObject({ sheet: UNDO_SHEET_NAME, indicator: "工作表" });
    expect(r.error).toContain("已不存在");
  });

  it("is refused, naming the cell, when the record was tampered with", () => {
    const undoSheet = sheetOf(after, UNDO_SHEET_NAME);
    const h8 = undoSheet.cells.find((c) => c.col === 2 && c.value === "H8");
    if (!h8) throw new Error("no H8 record");
    const tampered = applyPlan(after, { cellWrites: [{ sheet: UNDO_SHEET_NAME, writes: [{ address: `C${h8.row}`, value: "九点五" }] }], sheets: [] });
    const r = refused(planRestore(tampered));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ sheet: UNDO_SHEET_NAME, cell: `C${h8.row}`, indicator: "原值" });
  });
});

describe("planRestore: the round trip through an .xlsx (ExcelJS file adapter)", () => {
  async function originalFile(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(CARD);
    ws.getCell("A1").value = "陕西省公安厅出入境管理局 12367 服务热线质量考核";
    ws.getCell("G7").value = HYPERLINK;
    ws.getCell("I7").value = "备注：不动";
    ws.getCell("G8").value = "001";
    ws.getCell("G8").numFmt = "@";
    ws.getCell("H8").value = 9.5;
    ws.getCell("H8").numFmt = "0.00";
    ws.getCell("G9").value = true;
    ws.getCell("H9").value = { formula: "SUM(H7:H8)", result: 9.5 } as ExcelJS.CellFormulaValue;
    ws.getCell("H9").numFmt = "0.00";
    ws.getCell("G10").value = "  前后空格 ";
    ws.getCell("H10").value = FLOAT;
    ws.getCell("H11").value = 45945;
    ws.getCell("H11").numFmt = "yyyy-mm-dd";
    wb.addWorksheet("付款结算").getCell("A1").value = "旧的付款结算";
    return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it("gives back the original cells after save and reopen", async () => {
    const first = await ExcelFileAdapter.fromBuffer(await originalFile());
    const before = await first.read();
    const plan = runPlan();
    plan.sheets = plan.sheets.filter((s) => s.name !== "审计记录");
    // ExcelJS takes plain addresses only ("$h$8" is there for buildUndoSheet's normalization).
    plan.cellWrites = plan.cellWrites.map((g) => ({ ...g, writes: g.writes.map((w) => ({ ...w, address: w.address.replace(/\$/g, "").toUpperCase() })) }));
    await first.apply({ ...plan, sheets: [...plan.sheets, buildUndoSheet(before, plan, T)] });

    const second = await ExcelFileAdapter.fromBuffer(await first.save());
    const written = await second.read();
    expect(sheetOf(written, CARD).cells).not.toEqual(sheetOf(before, CARD).cells);
    const r = ok(planRestore(written));
    expect(r.deleteSheets).toEqual(["计算说明"]);
    await second.apply(r.plan);

    const third = await ExcelFileAdapter.fromBuffer(await second.save());
    const restored = sheetOf(await third.read(), CARD).cells;
    expect(restored).toEqual(sheetOf(before, CARD).cells);
    expect(restored.find((c) => c.row === 7 && c.col === 7)).toEqual({ row: 7, col: 7, value: HYPERLINK, numberFormat: "General" });
    expect(restored.find((c) => c.row === 9 && c.col === 8)).toMatchObject({ value: 9.5, numberFormat: "0.00", formula: "SUM(H7:H8)" });
    expect(restored.find((c) => c.row === 7 && c.col === 8)).toBeUndefined();
  });
});

describe("the compact record of cells that were empty (a first run writes thousands)", () => {
  /** A scorecard of which only the title is filled: the run writes G5:G18, H5:H18 and J30, all empty before. */
  const before: WorkbookSnapshot = { sheets: [{ name: CARD, index: 0, merges: [], cells: [cell(1, 1, "标题")] }] };
  const writes: CellWrite[] = [];
  for (let r = 5; r <= 18; r++) writes.push({ address: `H${r}`, value: r, numberFormat: "0.00" }, { address: `G${r}`, value: `说明 ${r}` });
  writes.push({ address: "J30", value: '=HYPERLINK("x")' });
  const plan: WritePlan = { cellWrites: [{ sheet: CARD, writes }], sheets: [] };
  const undo = buildUndoSheet(before, plan, T);
  const after = applyPlan(before, { ...plan, sheets: [undo] });

  it("is one row per sheet: the ranges down each column, and what was written in the same order", () => {
    const rows = blankRows(undo);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(0, 2)).toEqual([CARD, "G5:G18,H5:H18,J30"]);
    const written = JSON.parse(String(rows[0]?.[2])) as string[];
    expect(written).toHaveLength(29);
    expect(written.slice(0, 2)).toEqual(["说明 5", "说明 6"]);
    expect(written.slice(14, 16)).toEqual(["5", "6"]);
    expect(written[28]).toBe('=HYPERLINK("x")');
    // 29 cells recorded in 3 cells, not 29 × 7.
    expect(undo.cells.length).toBeLessThan(30);
  });

  it("empties them all again, and names the one typed in since", () => {
    const r = ok(planRestore(after));
    expect(r.changedSince).toEqual([]);
    expect(sheetOf(applyPlan(after, r.plan), CARD).cells).toEqual(sheetOf(before, CARD).cells);
    const edited = applyPlan(after, { cellWrites: [{ sheet: CARD, writes: [{ address: "H12", value: 99 }] }], sheets: [] });
    const again = ok(planRestore(edited));
    expect(again.changedSince).toEqual([`${CARD}!H12`]);
    expect(sheetOf(applyPlan(edited, again.plan), CARD).cells).toEqual(sheetOf(before, CARD).cells);
  });

  it("splits a sheet's record into rows that fit in a cell (32,767 characters)", () => {
    const long: CellWrite[] = Array.from({ length: 400 }, (_v, i) => ({ address: `G${i + 5}`, value: "很长的完成情况".repeat(40) }));
    // Every other row, so each cell is its own range.
    const sparse = long.filter((_w, i) => i % 2 === 0);
    const big = buildUndoSheet(before, { cellWrites: [{ sheet: CARD, writes: sparse }], sheets: [] }, T);
    const rows = blankRows(big);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(String(row[1]).length).toBeLessThanOrEqual(30_000);
      expect(String(row[2]).length).toBeLessThanOrEqual(30_000);
    }
    expect(rows.flatMap((row) => JSON.parse(String(row[2])) as string[])).toHaveLength(200);
    const written = applyPlan(before, { cellWrites: [{ sheet: CARD, writes: sparse }], sheets: [big] });
    expect(sheetOf(applyPlan(written, ok(planRestore(written)).plan), CARD).cells).toEqual(sheetOf(before, CARD).cells);
  });

  it("is refused, naming the cell, when its ranges or its list were tampered with", () => {
    const at = sheetOf(after, UNDO_SHEET_NAME).cells.find((c) => c.col === 2 && c.value === "G5:G18,H5:H18,J30");
    if (!at) throw new Error("no compact row");
    const badRange = applyPlan(after, { cellWrites: [{ sheet: UNDO_SHEET_NAME, writes: [{ address: `B${at.row}`, value: "G5:G18,第八行" }] }], sheets: [] });
    expect(refused(planRestore(badRange)).problems).toEqual([expect.objectContaining({ sheet: UNDO_SHEET_NAME, cell: `B${at.row}`, indicator: "原为空的单元格" })]);
    const shortList = applyPlan(after, { cellWrites: [{ sheet: UNDO_SHEET_NAME, writes: [{ address: `C${at.row}`, value: '["1","2"]' }] }], sheets: [] });
    const r = refused(planRestore(shortList));
    expect(r.problems).toEqual([expect.objectContaining({ sheet: UNDO_SHEET_NAME, cell: `C${at.row}`, indicator: "本次写入值" })]);
    expect(r.error).toContain("29 个值");
  });

  it("still reads a record written before the compact table existed (an empty cell in the one-row-per-cell table)", () => {
    const old: SheetSpec = {
      name: UNDO_SHEET_NAME,
      merges: [],
      cells: [
        ["A5", "整表"], ["B5", "写入前已存在"], ["C5", "撤销时"],
        ["A7", "工作表"], ["B7", "单元格"], ["C7", "原值"], ["D7", "原值类型"], ["E7", "原数字格式"], ["F7", "原公式"], ["G7", "本次写入值"],
        ["A8", CARD], ["B8", "H5"], ["D8", "空"], ["G8", "5"],
        ["A9", CARD], ["B9", "A1"], ["C9", "标题"], ["D9", "文本"], ["E9", "General"], ["G9", "新标题"],
      ].map(([address, value]) => ({ address: address as string, value: value as string })),
    };
    const written = applyPlan(before, { cellWrites: [{ sheet: CARD, writes: [{ address: "H5", value: 5 }, { address: "A1", value: "新标题" }] }], sheets: [old] });
    const r = ok(planRestore(written));
    expect(r.changedSince).toEqual([]);
    expect(sheetOf(applyPlan(written, r.plan), CARD).cells).toEqual(sheetOf(before, CARD).cells);
  });
});
