/**
 * Issue 17 (mutation tests, src/workbook/sheets/undo.ts), third part: cells empty before on the next
 * row of the next column are two ranges, not one rectangle. Own file for Stryker's incremental run.
 */
import type { CellValue, ReadCell, SheetSnapshot, SheetSpec } from "../../../src/workbook/model";
import { buildUndoSheet } from "../../../src/workbook/sheets/undo";

type In = CellValue | { v: CellValue; f?: string; formula?: string };
function grid(name: string, rows: In[][], o: { protected?: boolean } = {}): SheetSnapshot {
  const cells: ReadCell[] = [];
  rows.forEach((r, i) =>
    r.forEach((x, c) => {
      const cell = x !== null && typeof x === "object" ? x : { v: x };
      if (cell.v === null && cell.formula === undefined) return;
      const rc: ReadCell = { row: i + 1, col: c + 1, value: cell.v, numberFormat: cell.f ?? "General" };
      if (cell.formula !== undefined) rc.formula = cell.formula;
      cells.push(rc);
    }),
  );
  return { name, index: 0, cells, merges: [], ...(o.protected ? { protected: true } : {}) };
}
const rowsOf = (spec: SheetSpec) => {
  const out: Record<number, unknown[]> = {};
  for (const c of spec.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(c.address) as RegExpExecArray;
    (out[Number(m[2])] ??= []).push(c.value);
  }
  return out;
};

const CARD = "2025年10月";
/** A hand-written 撤销记录: whole sheets from row 5, then the compact blanks, then the cells. */

describe("undo: the last edges", () => {
  it("keeps a run down one column: G7 and H8 are two cells, not the rectangle G7:H8", () => {
    const s = buildUndoSheet({ sheets: [grid(CARD, [])] }, { cellWrites: [{ sheet: CARD, writes: [{ address: "H8", value: 8 }, { address: "G7", value: 7 }] }], sheets: [] }, "t");
    expect(rowsOf(s)[9]).toEqual([CARD, "G7,H8", '["7","8"]']);
  });
});
