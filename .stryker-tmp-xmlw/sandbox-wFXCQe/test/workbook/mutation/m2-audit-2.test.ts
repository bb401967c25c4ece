/**
 * Issue 17 (mutation tests, src/workbook/sheets/audit.ts), second part: the edges the first part
 * (m2-audit.test.ts) left open — boundaries of the 30,000-character limits, rows and headers out of
 * place, memo-free paths — each with its exact values. Its own file, so that Stryker's incremental
 * run keeps the results of the first part. Helpers as in the first part.
 */
// @ts-nocheck

import type { ReadCell } from "../../../src/workbook/model";
import { AUDIT_SHEET_NAME, AuditLog, frozenMonths, planFreeze, readAudit, snapshotJson, splitCellKey } from "../../../src/workbook/sheets/audit";
import { FP, HEADERS, grid, wb, auditSheet, freezeRow, entry, refusal, cellOf, emptyLog } from "./audit-fixtures";

describe("edges the first tests left open", () => {
  it("splits a key that starts with ! as a blank sheet name", () => {
    expect(splitCellKey("!A1")).toEqual({ sheet: "", address: "A1" });
  });

  it("reads a date-formatted number that is no date as no month", () => {
    const log = readAudit(wb(auditSheet([freezeRow({ v: -1, f: "yyyy-mm-dd" })])));
    expect(log.rows[0]?.month).toBeNull();
    expect(log.problems[0]?.message).toBe("第 4 行「考核月份」不是月份：「-1」；该行不计入定稿状态");
  });

  it("skips a row of formatted empty cells (no value, no formula)", () => {
    const sheet = auditSheet([freezeRow("2025-10")]);
    const blank = { ...sheet, cells: [...sheet.cells, { row: 5, col: 1, value: null, numberFormat: "@" }, { row: 5, col: 2, value: null, numberFormat: "@" }] };
    const log = readAudit(wb(blank));
    expect(log.rows.map((r) => r.row)).toEqual([4]);
    expect(log.problems).toEqual([]);
  });

  it("lists values under no header in column order, whichever row they are in", () => {
    const log = readAudit(wb(auditSheet([[...freezeRow("2025-10"), null, null, null, null, null, "后"], [...freezeRow("2025-09"), null, null, null, "前"]])));
    expect(log.layout?.extras).toEqual([
      { header: "", col: 12 },
      { header: "", col: 14 },
    ]);
  });

  it("ignores a 定稿 row without a readable month", () => {
    const log = readAudit(wb(auditSheet([freezeRow("2025-10"), freezeRow("十月")])));
    expect([...frozenMonths(log).keys()]).toEqual(["2025-10"]);
  });

  it("splits a long plain 快照 at exactly 30,000 characters, and at a pair's first half of either end of the range", () => {
    const prefix = '{"cells":{"a!A1":"';
    const plain = { format: 1 as const, month: "2025-10", cells: { "a!A1": "x".repeat(40_000) } };
    const s = planFreeze(emptyLog(), entry({ snapshot: plain }));
    expect((cellOf(s, "H4")?.value as string).length).toBe(30_000);
    expect((cellOf(s, "H4")?.value as string) + (cellOf(s, "I4")?.value as string)).toBe(snapshotJson(plain));
    for (const pair of ["\ud800\udc00", "\udbff\udfff"]) {
      const snap = { format: 1 as const, month: "2025-10", cells: { "a!A1": `${"x".repeat(29_999 - prefix.length)}${pair}${"y".repeat(10)}` } };
      const t = planFreeze(emptyLog(), entry({ snapshot: snap }));
      expect((cellOf(t, "H4")?.value as string).length).toBe(29_999);
      expect((cellOf(t, "I4")?.value as string).startsWith(pair)).toBe(true);
    }
  });

  it("names the sheet as found, or 审计记录, in the zh-CN refusal", () => {
    const odd = readAudit(wb(grid(" 审计记录 ", [["随便"]])));
    expect(refusal(() => planFreeze(odd, entry())).message).toBe("工作表「 审计记录 」的表头无法识别，为免丢失已有记录，不能追加定稿记录；请恢复其表头（时间、操作、考核月份、规则版本、指纹、操作人、说明、快照）");
    const anon: AuditLog = { sheet: null, rows: [], problems: [], readable: false, layout: null };
    expect(refusal(() => planFreeze(anon, entry())).message).toBe("工作表「审计记录」的表头无法识别，为免丢失已有记录，不能追加定稿记录；请恢复其表头（时间、操作、考核月份、规则版本、指纹、操作人、说明、快照）");
  });

  it("moves two 快照（续） columns in order and widens both", () => {
    const old = auditSheet([[...freezeRow("2025-10", "t", "甲", FP, '{"a":'), "1,", '"b":2}']], [...HEADERS, "快照（续）", "快照（续）"]);
    const s = planFreeze(readAudit(wb(old)), entry({ month: "2025-09", snapshot: { format: 1, month: "2025-09", cells: {} } }));
    expect([cellOf(s, "H4")?.value, cellOf(s, "I4")?.value, cellOf(s, "J4")?.value]).toEqual(['{"a":', "1,", '"b":2}']);
    expect([cellOf(s, "I3")?.value, cellOf(s, "J3")?.value]).toEqual(["快照（续）", "快照（续）"]);
    expect(s.columnWidths).toEqual({ A: 18, B: 10, C: 10, D: 12, E: 68, F: 12, G: 40, H: 24, I: 24, J: 24 });
    expect(s.merges).toEqual(["A1:J1", "A2:J2"]);
  });

  it("keeps no cell of an older row that is under no column of the layout, and adds a formula only where there is one", () => {
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
    // Every kept cell at an A1 address: a cell under no column is left out, not written without a column.
    expect(s.cells.filter((c) => !/^[A-Z]+\d+$/.test(c.address))).toEqual([]);
    expect(s.cells.some((c) => c.value === "stray")).toBe(false);
    const row4 = s.cells.filter((c) => /^[A-Z]+4$/.test(c.address));
    expect(row4.map((c) => [c.address, c.value])).toEqual([
      ["B4", "定稿"],
      ["C4", "2025-10"],
      ["E4", FP],
    ]);
    expect(row4.every((c) => !("formula" in c))).toBe(true);
  });
});
