/**
 * What the mutation tests of src/workbook/sheets/audit.ts (m2-audit*.test.ts) build their workbooks
 * and read their results with.
 */
// @ts-nocheck

import type { SheetSnapshot, SheetSpec, WorkbookSnapshot } from "../../../src/workbook/model";
import { AUDIT_SHEET_NAME, AuditError, type AuditLog, type FreezeEntry, readAudit } from "../../../src/workbook/sheets/audit";
import { type Cell, sheet } from "../../fixtures/sheet-rows";

export type In = Cell;
export const FP = "a".repeat(64);
export const FP2 = "b".repeat(64);
export const HEADERS = ["时间", "操作", "考核月份", "规则版本", "指纹", "操作人", "说明", "快照"];

/** A sheet from rows of values (row `from` first, 1 by default); see test/fixtures/sheet-rows.ts. */
export const grid = (name: string, rows: In[][], from = 1): SheetSnapshot => sheet(name, rows, 0, { from });
export const wb = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets });
/** An 审计记录 sheet: title rows 1–2, the header in row 3, then `rows`. */
export const auditSheet = (rows: In[][], headers: In[] = HEADERS, name = AUDIT_SHEET_NAME) => grid(name, [["审计记录"], ["说明"], headers, ...rows]);
export const freezeRow = (month: In, at = "2025-11-05 14:30", who = "张会计", fp = FP, snap = ""): In[] => [at, "定稿", month, "2024-12.1", fp, who, "", snap];

export function entry(o: Partial<FreezeEntry> = {}): FreezeEntry {
  return { month: "2025-10", fingerprint: FP, snapshot: { format: 1, month: "2025-10", cells: { "指标录入!B2": 9 } }, who: "张会计", at: "2025-11-05 14:30", rulesVersion: "2024-12.1", ...o };
}
export function refusal(f: () => unknown): { message: string; messageEn: string } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AuditError);
    const err = e as AuditError;
    expect(err.name).toBe("AuditError");
    return { message: err.message, messageEn: err.messageEn };
  }
  throw new Error("not refused");
}
export const cellOf = (s: SheetSpec, a: string) => s.cells.find((c) => c.address === a);
export const emptyLog = (): AuditLog => readAudit(wb());
