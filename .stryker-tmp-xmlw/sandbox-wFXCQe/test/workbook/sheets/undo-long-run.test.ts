/**
 * 撤销记录 keeps every cell a write filled that was empty before, however long the values: a run
 * down one column whose values just fit in one cell, but not with its range and the list's
 * brackets, is cut shorter, not cut off (found by the mutation tests of issue 17: H7 with 15,000
 * characters and H8 with 14,990 recorded only H7, so an undo left H8's value in place).
 */
// @ts-nocheck

import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { buildUndoSheet, planRestore } from "../../../src/workbook/sheets/undo";
import { asSheet, CARD } from "../mutation/undo-fixtures";

const empty: WorkbookSnapshot = { sheets: [{ name: CARD, index: 0, cells: [], merges: [] }] };

function undoOf(writes: { address: string; value: string }[]) {
  const spec = buildUndoSheet(empty, { cellWrites: [{ sheet: CARD, writes }], sheets: [] }, "2025-11-05 10:00");
  return { spec, restore: planRestore({ sheets: [...empty.sheets, asSheet(spec, 1)] }) };
}

describe("cells empty before, in a run too long for one cell with its range", () => {
  it("are all recorded, and an undo empties them all", () => {
    const writes = [{ address: "H7", value: "甲".repeat(15_000) }, { address: "H8", value: "乙".repeat(14_990) }, { address: "H9", value: "丙" }];
    const { spec, restore } = undoOf(writes);
    const listed = spec.cells.filter((c) => typeof c.value === "string" && /^H\d/.test(c.value)).map((c) => c.value);
    expect(listed).toEqual(["H7", "H8:H9"]);
    expect("plan" in restore ? restore.plan.cellWrites : restore).toEqual([{ sheet: CARD, writes: [{ address: "H7", value: null }, { address: "H8", value: null }, { address: "H9", value: null }] }]);
    for (const c of spec.cells) if (typeof c.value === "string") expect(c.value.length).toBeLessThanOrEqual(32_767);
  });

  /** The 原为空的单元格 column: one entry per row of the compact list. */
  const listed = (writes: { address: string; value: string }[]) =>
    undoOf(writes).spec.cells.map((c) => c.value).filter((v): v is string => typeof v === "string" && /^[A-Z]+\d+(:[A-Z]+\d+)?(,[A-Z]+\d+(:[A-Z]+\d+)?)*$/.test(v));
  const x = (n: number) => "x".repeat(n);

  it("a run whose range, values and brackets make exactly 30,000 characters stays one range; one more and it is cut", () => {
    // "H7:H8" (5) + "," … each value's JSON (n + 2) and a comma, the brackets: n1 + n2 + 13.
    expect(listed([{ address: "H7", value: x(14_990) }, { address: "H8", value: x(14_997) }])).toEqual(["H7:H8"]);
    expect(listed([{ address: "H7", value: x(14_990) }, { address: "H8", value: x(14_998) }])).toEqual(["H7", "H8"]);
  });

  it("a run cut shorter counts only what is left: it still shares a row with what fits beside it", () => {
    // G7 "aaaa" (4 + 7 = 11) and H7:H9 (29,995 of values: cut to H7:H8, 29,989 with its range) make 30,000 exactly.
    const writes = [{ address: "G7", value: "aaaa" }, { address: "H7", value: x(14_988) }, { address: "H8", value: x(14_988) }, { address: "H9", value: x(10) }];
    expect(listed(writes)).toEqual(["G7,H7:H8", "H9"]);
  });

  it("a run that fits with its range stays one range", () => {
    const { spec } = undoOf([{ address: "H7", value: "x".repeat(100) }, { address: "H8", value: "y" }]);
    expect(spec.cells.filter((c) => c.value === "H7:H8")).toHaveLength(1);
  });
});
