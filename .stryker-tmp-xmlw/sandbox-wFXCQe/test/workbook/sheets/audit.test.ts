/**
 * 审计记录: freeze a month (定稿) → change an input → the change is named by cell; unfreeze (解除定稿)
 * needs a reason, is recorded, and the month is no longer frozen; every older row is kept exactly.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { defaultRules, MonthIndicators, scoreMonth } from "../../../src/domain";
import { EXAMPLE_2025_10 } from "../../../src/domain/example";
import { fingerprintMonth } from "../../../src/domain/fingerprint";
import {
  AUDIT_HEADERS,
  AUDIT_SHEET_NAME,
  AuditError,
  cellKey,
  cellsAt,
  changeProblems,
  detectChanges,
  FreezeSnapshot,
  frozenMonths,
  parseSnapshot,
  planFreeze,
  planUnfreeze,
  readAudit,
  SNAPSHOT_CHUNK,
  SNAPSHOT_CONTINUED,
  snapshotJson,
} from "../../../src/workbook/sheets/audit";
import { writeSheetSpec } from "../../fixtures/exceljs-render";
import { CellRef, parseA1, ReadCell, SheetSpec, WorkbookSnapshot } from "../../../src/workbook/model";
import { applyPlanToSnapshot } from "../../../src/workbook/drafts/input-rows";

const CARD = "2025年10月";
const IND = "指标录入";

/** A workbook: the month's scorecard (H7 单项得分 of row 1, G7 完成情况, C4 考核得分) and 指标录入 row 2. */
function workbook(headcount: number): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: CARD,
        index: 0,
        merges: [],
        cells: [
          { row: 4, col: 3, value: 93.25, numberFormat: "0.00" },
          { row: 7, col: 7, value: "团队 9 人，少 1 人", numberFormat: "General" },
          { row: 7, col: 8, value: 9, numberFormat: "0.00" },
        ],
      },
      {
        name: IND,
        index: 1,
        merges: [],
        cells: [
          { row: 1, col: 1, value: "考核月份", numberFormat: "General" },
          { row: 1, col: 2, value: "团队人数", numberFormat: "General" },
          { row: 2, col: 1, value: "2025-10", numberFormat: "@" },
          { row: 2, col: 2, value: headcount, numberFormat: "General" },
        ],
      },
    ],
  };
}

const REFS: CellRef[] = [
  { sheet: CARD, cell: "C4", indicator: "考核得分" },
  { sheet: CARD, cell: "G7", indicator: "完成情况（第1项 队伍建设）" },
  { sheet: CARD, cell: "H7", indicator: "单项得分（第1项 队伍建设）" },
  { sheet: IND, cell: "B2", indicator: "团队人数" },
  { sheet: IND, cell: "C2", indicator: "管理制度落实" },
];

async function fingerprintFor(headcount: number): Promise<string> {
  const indicators: MonthIndicators = { ...EXAMPLE_2025_10.indicators, headcount };
  const r = scoreMonth(indicators, EXAMPLE_2025_10.events, EXAMPLE_2025_10.reports, defaultRules());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return fingerprintMonth({ indicators, events: EXAMPLE_2025_10.events, reports: EXAMPLE_2025_10.reports, score: r.value });
}

function freezeSnapshot(wb: WorkbookSnapshot): FreezeSnapshot {
  const { cells, labels } = cellsAt(wb, REFS);
  return { format: 1, month: "2025-10", cells, labels };
}

/** Writes a whole-sheet spec into a snapshot as an adapter would (replace or add). */
function withSheet(wb: WorkbookSnapshot, spec: SheetSpec): WorkbookSnapshot {
  return applyPlanToSnapshot(wb, { cellWrites: [], sheets: [spec] });
}

function setCell(wb: WorkbookSnapshot, sheet: string, address: string, value: ReadCell["value"]): WorkbookSnapshot {
  const { row, col } = parseA1(address);
  return {
    sheets: wb.sheets.map((s) => (s.name !== sheet ? s : { ...s, cells: [...s.cells.filter((c) => c.row !== row || c.col !== col), { row, col, value, numberFormat: "General" }].sort((a, b) => a.row - b.row || a.col - b.col) })),
  };
}

function rowValues(wb: WorkbookSnapshot, row: number): ReadCell[] {
  return (wb.sheets.find((s) => s.name === AUDIT_SHEET_NAME)?.cells ?? []).filter((c) => c.row === row);
}

describe("审计记录: freeze, change, unfreeze", () => {
  let fp9: string;
  let frozenWb: WorkbookSnapshot;
  const AT = "2025-11-05 14:30";

  beforeAll(async () => {
    fp9 = await fingerprintFor(9);
    const wb = workbook(9);
    const spec = planFreeze(readAudit(wb), { month: "2025-10", fingerprint: fp9, snapshot: freezeSnapshot(wb), who: "张会计", at: AT, rulesVersion: defaultRules().version });
    frozenWb = withSheet(wb, spec);
  });

  it("starts with an empty log when there is no sheet", () => {
    const log = readAudit(workbook(9));
    expect(log).toMatchObject({ sheet: null, rows: [], problems: [], readable: true });
    expect(frozenMonths(log).size).toBe(0);
  });

  it("records the freeze: time, 定稿, month, rule version, fingerprint, who, snapshot", () => {
    const log = readAudit(frozenWb);
    expect(log.sheet).toBe(AUDIT_SHEET_NAME);
    expect(log.problems).toEqual([]);
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]).toMatchObject({ time: AT, action: "定稿", month: "2025-10", rulesVersion: "2024-12.1", fingerprint: fp9, who: "张会计" });
    const frozen = frozenMonths(log).get("2025-10");
    expect(frozen?.fingerprint).toBe(fp9);
    expect(frozen?.snapshot?.cells).toEqual({ [`${CARD}!C4`]: 93.25, [`${CARD}!G7`]: "团队 9 人，少 1 人", [`${CARD}!H7`]: 9, [`${IND}!B2`]: 9, [`${IND}!C2`]: null });
    const header = frozenWb.sheets.find((s) => s.name === AUDIT_SHEET_NAME)?.cells.filter((c) => c.row === 3).map((c) => c.value);
    expect(header).toEqual([...AUDIT_HEADERS]);
  });

  it("finds no change when nothing changed", async () => {
    const record = frozenMonths(readAudit(frozenWb)).get("2025-10");
    if (!record) throw new Error("not frozen");
    expect(detectChanges(record, { fingerprint: await fingerprintFor(9), cells: cellsAt(frozenWb, REFS).cells })).toBeNull();
  });

  it("names the input cell changed since the freeze", async () => {
    const changed = setCell(frozenWb, IND, "B2", 10);
    const record = frozenMonths(readAudit(changed)).get("2025-10");
    if (!record) throw new Error("not frozen");
    const fp10 = await fingerprintFor(10);
    expect(fp10).not.toBe(fp9);
    const change = detectChanges(record, { fingerprint: fp10, cells: cellsAt(changed, REFS).cells });
    expect(change).toMatchObject({ month: "2025-10", changedCells: [`${IND}!B2`], fingerprintChanged: true });
    expect(change?.details[0]).toMatchObject({ sheet: IND, address: "B2", label: "团队人数", before: 9, after: 10 });
    expect(change?.message).toContain("2025年10月已于 2025-11-05 14:30 定稿（张会计），此后有改动：工作表「指标录入」B2（团队人数） 9 → 10");
    expect(changeProblems(change!)).toEqual([expect.objectContaining({ severity: "warning", code: "frozen-month-changed", sheet: IND, cell: "B2", indicator: "团队人数" })]);
  });

  it("names an owned cell typed over, an emptied cell and a new cell", async () => {
    let wb = setCell(frozenWb, CARD, "H7", 10);
    wb = setCell(wb, CARD, "G7", null);
    const record = frozenMonths(readAudit(wb)).get("2025-10");
    if (!record) throw new Error("not frozen");
    const cells = { ...cellsAt(wb, REFS).cells, [cellKey("加减分事件", "A5")]: "2025-10" };
    const change = detectChanges(record, { fingerprint: fp9, cells });
    expect(change?.changedCells).toEqual([`${CARD}!G7`, `${CARD}!H7`, "加减分事件!A5"]);
    expect(change?.fingerprintChanged).toBe(false);
  });

  it("reports a fingerprint change even when no recorded cell changed", () => {
    const record = frozenMonths(readAudit(frozenWb)).get("2025-10");
    if (!record) throw new Error("not frozen");
    const change = detectChanges(record, { fingerprint: "0".repeat(64), cells: cellsAt(frozenWb, REFS).cells });
    expect(change).toMatchObject({ changedCells: [], fingerprintChanged: true });
    expect(change?.message).toContain("指纹不符");
    expect(changeProblems(change!)[0]).toMatchObject({ sheet: AUDIT_SHEET_NAME, cell: null });
  });

  it("refuses to freeze a frozen month again", () => {
    const log = readAudit(frozenWb);
    expect(() => planFreeze(log, { month: "2025-10", fingerprint: fp9, snapshot: freezeSnapshot(frozenWb), who: "李四", at: "2025-11-06", rulesVersion: "2024-12.1" })).toThrow(AuditError);
    expect(() => planFreeze(log, { month: "2025-10", fingerprint: fp9, snapshot: freezeSnapshot(frozenWb), who: "李四", at: "2025-11-06", rulesVersion: "2024-12.1" })).toThrow(/已于 2025-11-05 14:30 定稿/);
  });

  it("requires a reason to unfreeze, records it, and the month is no longer frozen; older rows are kept exactly", () => {
    const log = readAudit(frozenWb);
    expect(() => planUnfreeze(log, { month: "2025-10", who: "李主管", at: "2025-11-20 09:00", reason: "  " })).toThrow(/必须注明原因/);
    expect(() => planUnfreeze(log, { month: "2025-09", who: "李主管", at: "2025-11-20 09:00", reason: "x" })).toThrow(/未定稿/);
    const unfrozen = withSheet(frozenWb, planUnfreeze(log, { month: "2025-10", who: "李主管", at: "2025-11-20 09:00", reason: "甲方更正了满意率数据" }));
    const after = readAudit(unfrozen);
    expect(after.rows).toHaveLength(2);
    expect(after.rows[1]).toMatchObject({ time: "2025-11-20 09:00", action: "解除定稿", month: "2025-10", who: "李主管", note: "解除原因：甲方更正了满意率数据", fingerprint: fp9 });
    expect(frozenMonths(after).has("2025-10")).toBe(false);
    expect(rowValues(unfrozen, 4)).toEqual(rowValues(frozenWb, 4));

    // Freezing again is allowed and recorded; the two older rows stay as they were.
    const again = withSheet(unfrozen, planFreeze(after, { month: "2025-10", fingerprint: fp9, snapshot: freezeSnapshot(unfrozen), who: "张会计", at: "2025-11-21 10:00", rulesVersion: "2024-12.1", note: "更正后重新定稿" }));
    const third = readAudit(again);
    expect(third.rows.map((r) => r.action)).toEqual(["定稿", "解除定稿", "定稿"]);
    expect(frozenMonths(third).get("2025-10")).toMatchObject({ at: "2025-11-21 10:00", note: "更正后重新定稿", row: 6 });
    expect(rowValues(again, 4)).toEqual(rowValues(frozenWb, 4));
    expect(rowValues(again, 5)).toEqual(rowValues(unfrozen, 5));
  });

  it("keeps rows it cannot read and columns someone added, exactly, and does not count such rows", () => {
    let wb = setCell(frozenWb, AUDIT_SHEET_NAME, "I3", "复核人");
    wb = setCell(wb, AUDIT_SHEET_NAME, "I4", "王复核");
    wb = setCell(wb, AUDIT_SHEET_NAME, "A5", "2025-11-06");
    wb = setCell(wb, AUDIT_SHEET_NAME, "B5", "作废");
    wb = setCell(wb, AUDIT_SHEET_NAME, "C5", "2025-10");
    wb = setCell(wb, AUDIT_SHEET_NAME, "K5", 42);
    const log = readAudit(wb);
    expect(log.problems).toEqual([expect.objectContaining({ code: "audit-bad-action", sheet: AUDIT_SHEET_NAME, cell: "B5" })]);
    expect(frozenMonths(log).has("2025-10")).toBe(true); // the unreadable row does not unfreeze
    const next = withSheet(wb, planUnfreeze(log, { month: "2025-10", who: "李主管", at: "2025-11-20 09:00", reason: "重算" }));
    const sheet = next.sheets.find((s) => s.name === AUDIT_SHEET_NAME);
    const at = (a: string) => sheet?.cells.find((c) => c.row === parseA1(a).row && c.col === parseA1(a).col)?.value;
    expect([at("I3"), at("I4"), at("B5"), at("J5"), at("B6")]).toEqual(["复核人", "王复核", "作废", 42, "解除定稿"]);
    expect(readAudit(next).rows.map((r) => r.action)).toEqual(["定稿", null, "解除定稿"]);
  });

  it("refuses to append to a sheet whose header it cannot find (rows would be lost)", () => {
    const broken: WorkbookSnapshot = { sheets: [{ name: AUDIT_SHEET_NAME, index: 0, merges: [], cells: [{ row: 1, col: 1, value: "随便写的", numberFormat: "General" }] }] };
    const log = readAudit(broken);
    expect(log.readable).toBe(false);
    expect(log.problems[0]).toMatchObject({ severity: "error", sheet: AUDIT_SHEET_NAME });
    expect(() => planFreeze(log, { month: "2025-10", fingerprint: fp9, snapshot: freezeSnapshot(frozenWb), who: "张", at: "t", rulesVersion: "v" })).toThrow(/表头无法识别/);
  });

  it("refuses a blank person, a bad fingerprint, a snapshot of another month", () => {
    const log = readAudit(workbook(9));
    const base = { month: "2025-10", fingerprint: fp9, snapshot: freezeSnapshot(frozenWb), who: "张", at: AT, rulesVersion: "v" };
    expect(() => planFreeze(log, { ...base, who: " " })).toThrow(/操作人/);
    expect(() => planFreeze(log, { ...base, fingerprint: "abc" })).toThrow(/64 位/);
    expect(() => planFreeze(log, { ...base, snapshot: { ...base.snapshot, month: "2025-09" } })).toThrow(/快照/);
  });

  it("splits a long snapshot over 快照（续） columns and reads it back whole", () => {
    const wb = workbook(9);
    const snapshot: FreezeSnapshot = { format: 1, month: "2025-10", cells: { [`${CARD}!G7`]: "长".repeat(SNAPSHOT_CHUNK + 10) } };
    const spec = planFreeze(readAudit(wb), { month: "2025-10", fingerprint: fp9, snapshot, who: "张", at: AT, rulesVersion: "v" });
    expect(spec.cells.find((c) => c.address === "I3")?.value).toBe(SNAPSHOT_CONTINUED);
    expect(spec.cells.every((c) => typeof c.value !== "string" || c.value.length <= SNAPSHOT_CHUNK)).toBe(true);
    const record = frozenMonths(readAudit(withSheet(wb, spec))).get("2025-10");
    expect(record?.snapshot).toEqual(snapshot);
    expect(parseSnapshot(snapshotJson(snapshot))).toEqual(snapshot);
    expect(parseSnapshot("not json")).toBeNull();
  });

  it("renders with ExcelJS (text cells, frozen header, landscape)", () => {
    const spec = planFreeze(readAudit(workbook(9)), { month: "2025-10", fingerprint: fp9, snapshot: freezeSnapshot(workbook(9)), who: "张会计", at: AT, rulesVersion: "2024-12.1" });
    const ws = writeSheetSpec(new ExcelJS.Workbook(), spec);
    expect(ws.getCell("E4").value).toBe(fp9);
    expect(ws.getCell("C4").value).toBe("2025-10");
    expect(ws.getCell("C4").numFmt).toBe("@");
    expect(spec.freezeRows).toBe(3);
    expect(spec.print?.orientation).toBe("landscape");
  });
});
