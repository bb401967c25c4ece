/** gridOf: one grid per snapshot sheet, shared by the finder, readers, planner and undo record (issue 13, speed). */
// @ts-nocheck

import type { SheetSnapshot } from "../../../src/workbook/model";
import { gridOf, SheetGrid } from "../../../src/workbook/read/grid";

const sheet = (v: number): SheetSnapshot => ({ name: "2025年3月", index: 0, cells: [{ row: 2, col: 3, value: v, numberFormat: "General" }], merges: [] });

describe("gridOf", () => {
  it("makes a sheet's grid once, and a new sheet object (a draft's) gets its own", () => {
    const a = sheet(1);
    const g = gridOf(a);
    expect(g).toBeInstanceOf(SheetGrid);
    expect(gridOf(a)).toBe(g);
    expect(g.value(2, 3)).toBe(1);
    const b = { ...a, cells: [{ row: 2, col: 3, value: 2, numberFormat: "General" }] };
    expect(gridOf(b)).not.toBe(g);
    expect(gridOf(b).value(2, 3)).toBe(2);
    expect(gridOf(a).value(2, 3)).toBe(1);
  });
});
