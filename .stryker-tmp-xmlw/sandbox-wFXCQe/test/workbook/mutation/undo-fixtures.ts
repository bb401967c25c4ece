/**
 * What the tests of src/workbook/sheets/undo.ts (m2-undo*.test.ts, undo-long-run.test.ts) build
 * their workbooks and read their results with.
 */
// @ts-nocheck

import { type CellValue, parseA1, type ReadCell, type SheetSnapshot, type SheetSpec } from "../../../src/workbook/model";
import type { RestorePlan, RestoreRefusal } from "../../../src/workbook/sheets/undo";
import { type Cell, sheet } from "../../fixtures/sheet-rows";

export type In = Cell;
export const CARD = "2025年10月";
export const UNDO_HEAD = ["工作表", "单元格", "原值", "原值类型", "原数字格式", "原公式", "本次写入值"];

/** A sheet from rows of values, row 1 first; see test/fixtures/sheet-rows.ts. */
export const grid = (name: string, rows: In[][], o: { protected?: boolean } = {}): SheetSnapshot => sheet(name, rows, 0, o);

/** The sheet a host would hold after writing `spec` (values only, their formats), at position `index`. */
export function asSheet(spec: SheetSpec, index = 9): SheetSnapshot {
  const cells: ReadCell[] = [];
  for (const c of spec.cells) {
    if (c.value === null || c.value === undefined) continue;
    const { row, col } = parseA1(c.address);
    cells.push({ row, col, value: c.value as CellValue, numberFormat: c.numberFormat ?? "General" });
  }
  return { name: spec.name, index, cells, merges: [] };
}
/** The values written, row by row. */
export const rowsOf = (spec: SheetSpec) => {
  const out: Record<number, unknown[]> = {};
  for (const c of spec.cells) (out[parseA1(c.address).row] ??= []).push(c.value);
  return out;
};
export const isPlan = (r: RestorePlan | RestoreRefusal): r is RestorePlan => "plan" in r;
export function refused(r: RestorePlan | RestoreRefusal): RestoreRefusal {
  if (isPlan(r)) throw new Error("not refused");
  return r;
}
export function restored(r: RestorePlan | RestoreRefusal): RestorePlan {
  if (!isPlan(r)) throw new Error(r.error);
  return r;
}
/** A hand-written 撤销记录: whole sheets from row 5, then the compact blanks, then the cells. */
export function record(o: { whole?: In[][]; blanks?: In[][] | null; cells?: In[][] }): SheetSnapshot {
  const rows: In[][] = [["撤销记录"], ["记录时间", "t"], ["说明"], [], ["整表", "写入前已存在", "撤销时"], ...(o.whole ?? []), []];
  if (o.blanks !== null) rows.push(["工作表", "原为空的单元格", "本次写入值（依次）"], ...(o.blanks ?? []), []);
  rows.push(UNDO_HEAD, ...(o.cells ?? []));
  return grid("撤销记录", rows);
}
