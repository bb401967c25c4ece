/**
 * Issue 17 (mutation tests, src/workbook/sheets/undo.ts), second part: the edges the first part
 * (m2-undo.test.ts) left open — boundaries of the 30,000-character limits, rows and headers out of
 * place, memo-free paths — each with its exact values. Its own file, so that Stryker's incremental
 * run keeps the results of the first part. Helpers as in the first part.
 */
// @ts-nocheck

import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { buildUndoSheet, planRestore } from "../../../src/workbook/sheets/undo";
import { type In, CARD, UNDO_HEAD, grid, rowsOf, refused, restored, record } from "./undo-fixtures";

describe("edges the first tests left open", () => {
  const only = (rows: In[][]) => grid(CARD, rows);

  it("records a formula cell holding no value as 空, and a formula with = inside whole", () => {
    const snapshot: WorkbookSnapshot = { sheets: [only([[{ v: null, formula: "NA()" }]])] };
    const s = buildUndoSheet(snapshot, { cellWrites: [{ sheet: CARD, writes: [{ address: "A1", value: null, formula: "A2=B2" }] }], sheets: [] }, "t");
    expect(rowsOf(s)[12]).toEqual([CARD, "A1", null, "空", "General", "NA()", "公式 =A2=B2"]);
    // Restored: the formula back as it was; a formula with = inside kept whole; an empty formula cell matches （空）.
    const rec = record({
      cells: [
        [CARD, "A1", null, "空", null, "A2=B2", "（空）"],
        [CARD, "B1", null, "空", null, null, "公式 =1+1"],
      ],
    });
    const r = restored(planRestore({ sheets: [only([[{ v: null, formula: "X" }]]), rec] }));
    expect(r.plan.cellWrites[0]?.writes).toEqual([
      { address: "A1", value: null, formula: "A2=B2" },
      { address: "B1", value: null },
    ]);
    expect(r.changedSince).toEqual([`${CARD}!B1`]);
  });

  it("records two groups of one sheet in one list, and a column's cells in row order whatever the plan's order", () => {
    const s = buildUndoSheet(
      { sheets: [only([])] },
      {
        cellWrites: [
          { sheet: CARD, writes: [{ address: "H9", value: 9 }, { address: "H7", value: 7 }] },
          { sheet: CARD, writes: [{ address: "H8", value: 8 }] },
        ],
        sheets: [],
      },
      "t",
    );
    expect(rowsOf(s)[9]).toEqual([CARD, "H7:H9", '["7","8","9"]']);
    expect(rowsOf(s)[10]).toBeUndefined();
  });

  it("keeps a value of exactly 29,993 characters in the list and gives one of 29,994 its own row (the list then says none)", () => {
    const fit = buildUndoSheet({ sheets: [only([])] }, { cellWrites: [{ sheet: CARD, writes: [{ address: "A1", value: "x".repeat(29_993) }] }], sheets: [] }, "t");
    expect(rowsOf(fit)[9]?.slice(0, 2)).toEqual([CARD, "A1"]);
    const own = buildUndoSheet({ sheets: [only([])] }, { cellWrites: [{ sheet: CARD, writes: [{ address: "A1", value: "x".repeat(29_994) }] }], sheets: [] }, "t");
    const rows = rowsOf(own);
    expect(rows[9]).toEqual(["（本次写入没有原为空的单元格）"]);
    expect(rows[11]).toEqual(UNDO_HEAD);
    expect(rows[12]).toEqual([CARD, "A1", null, "空", null, null, "x".repeat(29_994)]);
    expect(rows[13]).toBeUndefined();
  });

  it("cuts a run down a column where the next value would pass 30,000, and joins two runs of exactly 30,000 in one row", () => {
    const v = "y".repeat(9_990);
    const run = buildUndoSheet({ sheets: [only([])] }, { cellWrites: [{ sheet: CARD, writes: ["A1", "A2", "A3", "A4"].map((address) => ({ address, value: v })) }], sheets: [] }, "t");
    expect(rowsOf(run)[9]?.slice(0, 2)).toEqual([CARD, "A1:A3"]);
    expect(rowsOf(run)[10]?.slice(0, 2)).toEqual([CARD, "A4"]);
    // Each single cell adds its value's JSON + 5 ("A1", a comma, the brackets): 14,995 + 5 twice = 30,000.
    const w = "z".repeat(14_993);
    const two = buildUndoSheet({ sheets: [only([])] }, { cellWrites: [{ sheet: CARD, writes: ["A1", "B1"].map((address) => ({ address, value: w })) }], sheets: [] }, "t");
    expect(rowsOf(two)[9]?.slice(0, 2)).toEqual([CARD, "A1,B1"]);
    const three = buildUndoSheet({ sheets: [only([])] }, { cellWrites: [{ sheet: CARD, writes: ["A1", "B1"].map((address, i) => ({ address, value: i === 0 ? w : `${w}z` })) }], sheets: [] }, "t");
    expect(rowsOf(three)[9]?.slice(0, 2)).toEqual([CARD, "A1"]);
    expect(rowsOf(three)[10]?.slice(0, 2)).toEqual([CARD, "B1"]);
  });

  it("counts a cell that held something and a long empty one as recorded, one row each; two long ones one after the other", () => {
    const long = "q".repeat(30_000);
    const s = buildUndoSheet({ sheets: [only([["old"]])] }, { cellWrites: [{ sheet: CARD, writes: [{ address: "A1", value: "new" }, { address: "B1", value: long }] }], sheets: [] }, "t");
    const rows = rowsOf(s);
    expect(rows[9]).toEqual(["（本次写入没有原为空的单元格）"]);
    expect(rows[11]).toEqual(UNDO_HEAD);
    expect(rows[12]).toEqual([CARD, "A1", "old", "文本", "General", null, "new"]);
    expect(rows[13]).toEqual([CARD, "B1", null, "空", null, null, long]);
    expect(rows[14]).toBeUndefined();
    const two = rowsOf(buildUndoSheet({ sheets: [only([])] }, { cellWrites: [{ sheet: CARD, writes: [{ address: "B1", value: long }, { address: "C1", value: long }] }], sheets: [] }, "t"));
    expect(two[11]).toEqual(UNDO_HEAD);
    expect(two[12]?.slice(0, 4)).toEqual([CARD, "B1", null, "空"]);
    expect(two[13]?.slice(0, 4)).toEqual([CARD, "C1", null, "空"]);
    expect(two[14]).toBeUndefined();
  });

  it("refuses a list of written values that is not all text", () => {
    const rec = record({ blanks: [[CARD, "A1:A2", '["x",1]']] });
    expect(refused(planRestore({ sheets: [only([]), rec] })).problems.map((p) => p.cell)).toEqual(["C8"]);
  });

  it("finds a compact header of two columns, deletes a listed sheet named with spaces around, and ignores rows above the whole-sheet header", () => {
    const rows: In[][] = [["撤销记录"], ["记录时间", "t"], ["说明"], ["计算说明", "否"], ["整表", "写入前已存在"], [" 付款结算 ", "否"], [], ["工作表", "原为空的单元格"], [CARD, "A1", '["x"]'], [], UNDO_HEAD];
    const r = restored(planRestore({ sheets: [only([]), grid("计算说明", []), grid("付款结算", []), grid("撤销记录", rows)] }));
    expect(r.deleteSheets).toEqual(["付款结算"]);
    expect(r.plan.cellWrites).toEqual([{ sheet: CARD, writes: [{ address: "A1", value: null }] }]);
  });

  it("skips a row with only its written value, and reads a row naming only a sheet as a bad address", () => {
    const rec = record({ cells: [[null, null, null, null, null, null, "x"], ["计算说明"], [5]] });
    const r = refused(planRestore({ sheets: [only([]), grid("计算说明", []), rec] }));
    expect(r.problems.map((p) => [p.cell, p.message])).toEqual([
      ["B11", "「单元格」应为 A1 形式的地址，实为「」"],
      ["A12", "工作表「5」已不存在（被删除或改名），无法恢复其单元格"],
    ]);
  });
});
