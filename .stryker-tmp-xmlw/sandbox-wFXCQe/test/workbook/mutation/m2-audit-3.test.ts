/**
 * Issue 17 (mutation tests, src/workbook/sheets/audit.ts), third part: a row with one formatted empty
 * cell among its values is read; a character just above the surrogate range at the 快照's cut does not
 * move it. (A cell under no column of the layout: m2-audit-2.test.ts.) Own file for Stryker's
 * incremental run; helpers as in the first part.
 */
// @ts-nocheck

import { planFreeze, readAudit } from "../../../src/workbook/sheets/audit";
import { wb, auditSheet, freezeRow, entry, cellOf, emptyLog } from "./audit-fixtures";

describe("audit: the last edges", () => {
  it("reads a row that holds a formatted empty cell beside its values", () => {
    const sheet = auditSheet([freezeRow("2025-10")]);
    const withEmpty = { ...sheet, cells: [...sheet.cells, { row: 4, col: 9, value: null, numberFormat: "@" }] };
    expect(readAudit(wb(withEmpty)).rows.map((r) => r.row)).toEqual([4]);
  });

  it("cuts the 快照 at 30,000 when the character there is U+E000 (above the surrogates)", () => {
    const prefix = '{"cells":{"a!A1":"';
    const snap = { format: 1 as const, month: "2025-10", cells: { "a!A1": `${"x".repeat(29_999 - prefix.length)}\ue000${"y".repeat(10)}` } };
    const s = planFreeze(emptyLog(), entry({ snapshot: snap }));
    expect((cellOf(s, "H4")?.value as string).length).toBe(30_000);
  });

});
