/**
 * Issue 17 (mutation tests, src/workbook/sheets/undo.ts), third part: cells empty before on the next
 * row of the next column are two ranges, not one rectangle. Own file for Stryker's incremental run.
 */
// @ts-nocheck

import { buildUndoSheet } from "../../../src/workbook/sheets/undo";
import { CARD, grid, rowsOf } from "./undo-fixtures";

describe("undo: the last edges", () => {
  it("keeps a run down one column: G7 and H8 are two cells, not the rectangle G7:H8", () => {
    const s = buildUndoSheet({ sheets: [grid(CARD, [])] }, { cellWrites: [{ sheet: CARD, writes: [{ address: "H8", value: 8 }, { address: "G7", value: 7 }] }], sheets: [] }, "t");
    expect(rowsOf(s)[9]).toEqual([CARD, "G7,H8", '["7","8"]']);
  });
});
