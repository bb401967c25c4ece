/**
 * Issue 17 (mutation tests, src/workbook/sheets/audit.ts), third part: a row with one formatted empty
 * cell among its values is read; a character just above the surrogate range at the 快照's cut does not
 * move it; a cell under no column of the layout is not written anywhere. Own file for Stryker's
 * incremental run; helpers as in the first part.
 */
import type { ReadCell } from "../../../src/workbook/model";
import { AUDIT_SHEET_NAME, AuditLog, planFreeze, readAudit } from "../../../src/workbook/sheets/audit";
import { FP, wb, auditSheet, freezeRow, entry, cellOf, emptyLog } from "./audit-fixtures";

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

  it("writes every kept cell at an A1 address (a cell under no column is left out, not written without a column)", () => {
    const raw: ReadCell[] = [
      { row: 4, col: 2, value: "定稿", numberFormat: "General" },
      { row: 4, col: 3, value: "2025-10", numberFormat: "@" },
      { row: 4, col: 5, value: FP, numberFormat: "General" },
      { row: 4, col: 20, value: "stray", numberFormat: "General" },
    ];
    const log: AuditLog = {
      sheet: AUDIT_SHEET_NAME,
      readable: true,
      problems: [],
      rows: [{ row: 4, time: "", action: "定稿", month: "2025-10", rulesVersion: "", fingerprint: FP, who: "", note: "", snapshotJson: "", raw }],
      layout: { cols: new Map([["action", 2], ["month", 3], ["fingerprint", 5]]), continued: [], extras: [] },
    };
    const s = planFreeze(log, entry({ month: "2025-09", snapshot: { format: 1, month: "2025-09", cells: {} } }));
    expect(s.cells.filter((c) => !/^[A-Z]+\d+$/.test(c.address))).toEqual([]);
    expect(s.cells.some((c) => c.value === "stray")).toBe(false);
  });
});
