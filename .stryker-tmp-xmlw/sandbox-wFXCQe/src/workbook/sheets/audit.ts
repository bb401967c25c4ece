/**
 * 审计记录: the log of months frozen for signature (定稿) and unfrozen on purpose (解除定稿). The
 * product owns the sheet; each action rewrites it whole with one row appended and every older row
 * kept exactly (its values, number formats and formulas, extra columns too). The latest action per
 * month decides whether it is frozen.
 *
 * A freeze row holds the SHA-256 fingerprint of the month's inputs and scores (src/domain/fingerprint.ts)
 * and, in 快照, a JSON of the cells that make the month at that moment — its owned cells on the
 * scorecard sheet and its input cells, each by "工作表!A1" — so a later run can name the cells that
 * changed since. A cell holds at most 32,767 characters; a longer 快照 continues in 快照（续） columns.
 *
 * Pure: the caller gives the time ("2025-11-05 14:30") and the person; nothing here reads a clock.
 */
// @ts-nocheck

import { isMonthKey, monthLabel, MonthKey } from "../../domain";
import { canonicalJson } from "../../domain/fingerprint";
import { extractMonth, isDateFormat, serialToIso, SheetGrid } from "../read/grid";
import { located, LocatedProblem } from "../read/located";
import { a1, CellRef, CellStyle, CellValue, CellWrite, columnLetter, parseA1, ReadCell, SheetSpec, WorkbookSnapshot } from "../model";
import { normalizeHeader, normalizeText } from "../read/normalize";
import { fitCellText, xmlSafeText } from "./excel-limits";

export const AUDIT_SHEET_NAME = "审计记录";
export const AUDIT_HEADERS = ["时间", "操作", "考核月份", "规则版本", "指纹", "操作人", "说明", "快照"] as const;
export const SNAPSHOT_CONTINUED = "快照（续）";
/** The header row of a sheet this module writes; reading looks for the header anywhere in the first rows. */
export const AUDIT_HEADER_ROW = 3;
/** Characters of 快照 per cell (Excel's limit is 32,767). */
export const SNAPSHOT_CHUNK = 30_000;

export type AuditAction = "定稿" | "解除定稿";
type Field = "time" | "action" | "month" | "rulesVersion" | "fingerprint" | "who" | "note" | "snapshot";
const FIELDS: readonly Field[] = ["time", "action", "month", "rulesVersion", "fingerprint", "who", "note", "snapshot"];

/** The cells that make a month at freeze time. */
export interface FreezeSnapshot {
  format: 1;
  month: MonthKey;
  /** cellKey(sheet, A1) → the value then (null = blank). */
  cells: Record<string, CellValue>;
  /** cellKey(sheet, A1) → what the cell holds ("单项得分（第1项 队伍建设）", "团队人数"), to name a changed cell. */
  labels?: Record<string, string>;
}

export interface AuditRow {
  /** Row in the sheet as read (1-based). */
  row: number;
  time: string;
  /** Null when the 操作 cell is neither 定稿 nor 解除定稿 (the row is kept, not used). */
  action: AuditAction | null;
  /** Null when the 考核月份 cell holds no month. */
  month: MonthKey | null;
  rulesVersion: string;
  fingerprint: string;
  who: string;
  note: string;
  /** 快照 and its continuation cells, joined. */
  snapshotJson: string;
  /** Every cell of the row as read, by column: written back exactly on the next rewrite. */
  raw: ReadCell[];
}

interface Layout {
  /** Column of each known field. */
  cols: Map<Field, number>;
  /** Continuation columns of 快照, left to right. */
  continued: number[];
  /** Other columns (added by someone), with their header text: kept. */
  extras: { header: string; col: number }[];
}

export interface AuditLog {
  /** The sheet's name as found; null when the workbook has no 审计记录 sheet yet. */
  sheet: string | null;
  rows: AuditRow[];
  /** Unreadable rows or headers, each naming the sheet and the cell. */
  problems: LocatedProblem[];
  /** False when the sheet exists but its header cannot be found: rewriting it would lose rows, so it is refused. */
  readable: boolean;
  /** Where the columns were (internal to the rewrite). */
  layout: Layout | null;
}

export interface FreezeRecord {
  month: MonthKey;
  /** 时间 of the freeze, as written. */
  at: string;
  rulesVersion: string;
  fingerprint: string;
  who: string;
  note: string;
  /** The parsed 快照; null when it cannot be read (changes are then found by fingerprint only). */
  snapshot: FreezeSnapshot | null;
  /** Its row in 审计记录. */
  row: number;
}

/** A refused freeze or unfreeze: zh-CN message, English second. */
export class AuditError extends Error {
  readonly messageEn: string;
  constructor(message: string, messageEn: string) {
    super(message);
    this.name = "AuditError";
    this.messageEn = messageEn;
  }
}

/** "工作表!A1": the key of a cell in a 快照 and in detectChanges' current cells. */
export function cellKey(sheet: string, address: string): string {
  const { row, col } = parseA1(address);
  return `${sheet}!${a1(row, col)}`;
}

/** The sheet and A1 address of a cellKey (the sheet name may itself hold "!"). */
export function splitCellKey(key: string): { sheet: string; address: string } {
  const i = key.lastIndexOf("!");
  return i < 0 ? { sheet: "", address: key } : { sheet: key.slice(0, i), address: key.slice(i + 1) };
}

/**
 * The values of the given cells in a snapshot, keyed by cellKey, with their indicator as label:
 * what a freeze records and what a later run compares. A ref without a cell (a missing row) is skipped.
 */
export function cellsAt(snapshot: WorkbookSnapshot, refs: readonly CellRef[]): { cells: Record<string, CellValue>; labels: Record<string, string> } {
  const cells: Record<string, CellValue> = {};
  const labels: Record<string, string> = {};
  const grids = new Map<string, SheetGrid | null>();
  const grid = (name: string) => {
    // Stryker disable next-line ConditionalExpression: a memo: building a sheet's grid again gives the same values
    if (!grids.has(name)) {
      const sheet = snapshot.sheets.find((s) => s.name === name);
      grids.set(name, sheet ? new SheetGrid(sheet) : null);
    }
    return grids.get(name) ?? null;
  };
  for (const ref of refs) {
    if (ref.cell === null) continue;
    const key = cellKey(ref.sheet, ref.cell);
    const { row, col } = parseA1(ref.cell);
    cells[key] = grid(ref.sheet)?.value(row, col) ?? null;
    if (ref.indicator) labels[key] = ref.indicator;
  }
  return { cells, labels };
}

/**
 * The 快照 text of a freeze: canonical JSON (sorted keys), so equal content is equal text. U+FFFE
 * and U+FFFF (a cell value may hold them; XML cannot) are written as JSON escapes, so the 快照 cell
 * can be written as it is and parses back to the same values (JSON.stringify escapes control
 * characters and lone surrogates itself).
 */
export function snapshotJson(snapshot: FreezeSnapshot): string {
  return canonicalJson(snapshot).replace(/[\ufffe\uffff]/g, (c) => (c === "\ufffe" ? "\\ufffe" : "\\uffff"));
}

export function parseSnapshot(text: string): FreezeSnapshot | null {
  // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral: a blank text fails JSON.parse below too, giving the same null
  if (text.trim() === "") return null;
  try {
    const v = JSON.parse(text) as Partial<FreezeSnapshot> | null;
    if (!v || typeof v !== "object" || v.format !== 1 || typeof v.month !== "string" || !v.cells || typeof v.cells !== "object") return null;
    for (const x of Object.values(v.cells)) {
      if (x !== null && typeof x !== "string" && typeof x !== "number" && typeof x !== "boolean") return null;
    }
    const out: FreezeSnapshot = { format: 1, month: v.month, cells: v.cells };
    if (v.labels && typeof v.labels === "object") out.labels = v.labels;
    return out;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------------------------ reading

function text(cell: ReadCell | undefined): string {
  const v = cell?.value ?? null;
  return v === null ? "" : String(v);
}

function readAction(cell: ReadCell | undefined): AuditAction | null {
  const t = normalizeText(text(cell));
  return t === "定稿" ? "定稿" : t === "解除定稿" ? "解除定稿" : null;
}

function readMonthCell(cell: ReadCell | undefined): MonthKey | null {
  const v = cell?.value ?? null;
  if (typeof v === "number") {
    if (isDateFormat(cell?.numberFormat)) return serialToIso(v)?.slice(0, 7) ?? null;
    return Number.isInteger(v) ? extractMonth(String(v)) : null;
  }
  return typeof v === "string" ? extractMonth(v) : null;
}

const HEADER_SEARCH_ROWS = 20;

/** Reads 审计记录 (absent = an empty log). Unreadable rows are kept and reported, never used. */
export function readAudit(snapshot: WorkbookSnapshot): AuditLog {
  const want = normalizeText(AUDIT_SHEET_NAME);
  const sheet = snapshot.sheets.find((s) => normalizeText(s.name) === want);
  if (!sheet) return { sheet: null, rows: [], problems: [], readable: true, layout: null };
  const grid = new SheetGrid(sheet);
  const problems: LocatedProblem[] = [];
  const headerKeys = AUDIT_HEADERS.map(normalizeHeader);
  const continuedKey = normalizeHeader(SNAPSHOT_CONTINUED);

  let headerRow = 0;
  let layout: Layout | null = null;
  for (const r of grid.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const cols = new Map<Field, number>();
    const continued: number[] = [];
    const extras: Layout["extras"] = [];
    for (const cell of grid.rowCells(r)) {
      // Stryker disable next-line StringLiteral: any text that is no header name does the same as ""
      const key = typeof cell.value === "string" ? normalizeHeader(cell.value) : "";
      const i = headerKeys.indexOf(key);
      const field = i >= 0 ? FIELDS[i] : undefined;
      if (field && !cols.has(field)) cols.set(field, cell.col);
      else if (key === continuedKey) continued.push(cell.col);
      else if (cell.value !== null) extras.push({ header: String(cell.value), col: cell.col });
    }
    if (cols.has("action") && cols.has("month") && cols.has("fingerprint")) {
      headerRow = r;
      layout = { cols, continued, extras };
      break;
    }
  }
  if (!layout) {
    problems.push(located("error", "audit-no-header", { sheet: sheet.name, cell: null, indicator: AUDIT_HEADERS.join("、") }, `工作表「${sheet.name}」找不到表头行（应有：${AUDIT_HEADERS.join("、")}），无法读取定稿记录；请勿改动此表`, `sheet "${sheet.name}" has no header row (expected ${AUDIT_HEADERS.join(", ")}): the freeze log cannot be read`));
    return { sheet: sheet.name, rows: [], problems, readable: false, layout: null };
  }

  const L = layout;
  const at = (r: number, f: Field) => {
    const c = L.cols.get(f);
    return c === undefined ? undefined : grid.cell(r, c);
  };
  const rows: AuditRow[] = [];
  for (const r of grid.rows) {
    if (r <= headerRow) continue;
    const raw = grid.rowCells(r);
    if (raw.every((c) => c.value === null && c.formula === undefined)) continue;
    const action = readAction(at(r, "action"));
    const month = readMonthCell(at(r, "month"));
    const where = (f: Field, indicator: string): CellRef => ({ sheet: sheet.name, cell: a1(r, L.cols.get(f) ?? 1), indicator });
    if (action === null)
      problems.push(located("warning", "audit-bad-action", where("action", "操作"), `第 ${r} 行「操作」应为 定稿 或 解除定稿，实为「${text(at(r, "action"))}」；该行不计入定稿状态`, `row ${r}: 操作 must be 定稿 or 解除定稿, got "${text(at(r, "action"))}"; the row is ignored`));
    if (month === null)
      problems.push(located("warning", "audit-bad-month", where("month", "考核月份"), `第 ${r} 行「考核月份」不是月份：「${text(at(r, "month"))}」；该行不计入定稿状态`, `row ${r}: 考核月份 is not a month: "${text(at(r, "month"))}"; the row is ignored`));
    rows.push({
      row: r,
      time: text(at(r, "time")),
      action,
      month,
      rulesVersion: text(at(r, "rulesVersion")),
      fingerprint: text(at(r, "fingerprint")).trim(),
      who: text(at(r, "who")),
      note: text(at(r, "note")),
      snapshotJson: [L.cols.get("snapshot"), ...L.continued].map((c) => (c === undefined ? "" : text(grid.cell(r, c)))).join(""),
      raw,
    });
  }
  // A value typed in a column without a header is kept too, under a blank header.
  const known = new Set([...L.cols.values(), ...L.continued, ...L.extras.map((e) => e.col)]);
  const orphans = [...new Set(rows.flatMap((r) => r.raw.map((c) => c.col)))].filter((c) => !known.has(c)).sort((a, b) => a - b);
  for (const col of orphans) L.extras.push({ header: "", col });
  return { sheet: sheet.name, rows, problems, readable: true, layout };
}

/** The months frozen now: the latest action per month (in sheet order) wins; an unfreeze removes it. */
export function frozenMonths(log: AuditLog): Map<MonthKey, FreezeRecord> {
  const out = new Map<MonthKey, FreezeRecord>();
  for (const r of log.rows) {
    if (r.action === null || r.month === null) continue;
    if (r.action === "解除定稿") {
      out.delete(r.month);
      continue;
    }
    out.set(r.month, { month: r.month, at: r.time, rulesVersion: r.rulesVersion, fingerprint: r.fingerprint, who: r.who, note: r.note, snapshot: parseSnapshot(r.snapshotJson), row: r.row });
  }
  return out;
}

// ------------------------------------------------------------------------------------ writing

export interface FreezeEntry {
  month: MonthKey;
  /** fingerprintMonth() of the month now. */
  fingerprint: string;
  /** The month's cells now (cellsAt() of its owned and input cells). */
  snapshot: FreezeSnapshot;
  /** 操作人. */
  who: string;
  /** 时间, as it is to be shown ("2025-11-05 14:30"). */
  at: string;
  /** The rule set's version (RuleSet.version). */
  rulesVersion: string;
  /** 说明; optional for a freeze. */
  note?: string;
}

export interface UnfreezeEntry {
  month: MonthKey;
  who: string;
  at: string;
  /** Why the month is unfrozen: required, recorded in 说明. */
  reason: string;
}

const STYLE: { header: CellStyle; body: CellStyle; note: CellStyle } = {
  header: { bold: true, fill: "#D9E1F2", border: "thin", horizontal: "center", vertical: "middle", wrap: true },
  body: { border: "thin", vertical: "top", wrap: true, fontSize: 10 },
  note: { fontColor: "#595959", fontSize: 10, vertical: "middle", wrap: true },
};
const WIDTHS: Record<Field, number> = { time: 18, action: 10, month: 10, rulesVersion: 12, fingerprint: 68, who: 12, note: 40, snapshot: 24 };
const TEXT_FORMAT = "@";

/** The 快照 in cells of at most SNAPSHOT_CHUNK characters, a surrogate pair never split between two. */
function chunks(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    let end = Math.min(s.length, i + SNAPSHOT_CHUNK);
    const last = s.charCodeAt(end - 1);
    if (end < s.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(s.slice(i, end));
    i = end;
  }
  return out.length > 0 ? out : [""];
}

function refuse(zh: string, en: string): never {
  throw new AuditError(zh, en);
}

function checkLog(log: AuditLog): void {
  if (!log.readable)
    refuse(`工作表「${log.sheet ?? AUDIT_SHEET_NAME}」的表头无法识别，为免丢失已有记录，不能追加定稿记录；请恢复其表头（${AUDIT_HEADERS.join("、")}）`, `the header of "${log.sheet ?? AUDIT_SHEET_NAME}" cannot be found: no row is appended, so that no record is lost`);
}

/** A text given by someone (操作人, 说明, 原因): the characters XML cannot hold removed first, so that a name of control characters alone counts as blank. */
function required(value: string, zh: string, en: string): string {
  const v = xmlSafeText(value).trim();
  if (v === "") refuse(zh, en);
  return v;
}

/** The new row's values by field (the snapshot as one string, split over columns on writing). */
type NewRow = Record<Field, string>;

/** The whole sheet: header, every older row exactly, then the new row. */
function rewrite(log: AuditLog, added: NewRow): SheetSpec {
  const old = log.layout;
  const newChunks = chunks(added.snapshot);
  const continuedCount = Math.max(old?.continued.length ?? 0, newChunks.length - 1);
  const snapshotCol = FIELDS.length; // H
  const extras = old?.extras ?? [];
  const lastCol = snapshotCol + continuedCount + extras.length;
  const cells: CellWrite[] = [];
  const merges = [`A1:${columnLetter(Math.max(lastCol, FIELDS.length))}1`, `A2:${columnLetter(Math.max(lastCol, FIELDS.length))}2`];

  cells.push({ address: "A1", value: "审计记录 —— 定稿与解除定稿", style: { bold: true, fontSize: 14, vertical: "middle" } });
  cells.push({
    address: "A2",
    value: "本表由程序逐行追加，请勿修改或删除。「指纹」为定稿时该月全部输入与得分的 SHA-256；「快照」为定稿时该月考核表得分单元格与各输入单元格的值（JSON），用于指出定稿后改动了哪些单元格。每个月份以最后一行记录为准：定稿后不再改写，解除定稿须注明原因。",
    style: STYLE.note,
  });
  const headers: string[] = [...AUDIT_HEADERS, ...Array<string>(continuedCount).fill(SNAPSHOT_CONTINUED), ...extras.map((e) => e.header)];
  headers.forEach((h, i) => cells.push({ address: a1(AUDIT_HEADER_ROW, i + 1), value: h === "" ? null : h, style: STYLE.header }));

  // Old column → new column.
  const moved = new Map<number, number>();
  if (old) {
    FIELDS.forEach((f, i) => {
      const c = old.cols.get(f);
      if (c !== undefined) moved.set(c, i + 1);
    });
    old.continued.forEach((c, i) => moved.set(c, snapshotCol + 1 + i));
    extras.forEach((e, i) => moved.set(e.col, snapshotCol + continuedCount + 1 + i));
  }
  let row = AUDIT_HEADER_ROW + 1;
  for (const r of log.rows) {
    for (const cell of r.raw) {
      const col = moved.get(cell.col);
      if (col === undefined) continue; // a cell under no header: nothing to keep it under
      const w: CellWrite = { address: a1(row, col), value: cell.value, numberFormat: cell.numberFormat, style: STYLE.body };
      if (cell.formula !== undefined) w.formula = cell.formula;
      cells.push(w);
    }
    row++;
  }
  FIELDS.forEach((f, i) => {
    if (f === "snapshot") return;
    cells.push({ address: a1(row, i + 1), value: added[f], numberFormat: TEXT_FORMAT, style: STYLE.body });
  });
  newChunks.forEach((chunk, i) => cells.push({ address: a1(row, snapshotCol + i), value: chunk === "" ? null : chunk, numberFormat: TEXT_FORMAT, style: { ...STYLE.body, wrap: false } }));

  const columnWidths: Record<string, number> = {};
  FIELDS.forEach((f, i) => (columnWidths[columnLetter(i + 1)] = WIDTHS[f]));
  for (let i = 0; i < continuedCount; i++) columnWidths[columnLetter(snapshotCol + 1 + i)] = WIDTHS.snapshot;
  return {
    name: log.sheet ?? AUDIT_SHEET_NAME,
    cells,
    merges,
    columnWidths,
    rowHeights: { 1: 24, 2: 44 },
    freezeRows: AUDIT_HEADER_ROW,
    print: { orientation: "landscape", paperSize: "A4", printArea: `A1:G${row}`, fitToWidth: true, repeatRows: `${AUDIT_HEADER_ROW}:${AUDIT_HEADER_ROW}`, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 } },
    tabColor: "#C00000",
  };
}

/**
 * 审计记录 with a 定稿 row for the month appended. Refused (AuditError) when the month is frozen
 * already, a field is blank, the snapshot is of another month, or the sheet cannot be read.
 */
export function planFreeze(log: AuditLog, entry: FreezeEntry): SheetSpec {
  checkLog(log);
  if (!isMonthKey(entry.month)) refuse(`考核月份「${entry.month}」不是有效月份`, `"${entry.month}" is not a valid month`);
  const label = monthLabel(entry.month);
  const current = frozenMonths(log).get(entry.month);
  if (current) refuse(`${label}已于 ${current.at} 定稿（${current.who}，审计记录第 ${current.row} 行），不能再次定稿；如需重新定稿，请先解除定稿`, `${entry.month} is already frozen (${current.at}, ${current.who}); unfreeze it first`);
  if (entry.snapshot.month !== entry.month) refuse(`快照是 ${entry.snapshot.month} 的，不是 ${entry.month} 的`, `the snapshot is of ${entry.snapshot.month}, not ${entry.month}`);
  const fingerprint = required(entry.fingerprint, "缺少指纹，不能定稿", "no fingerprint: cannot freeze");
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) refuse(`指纹应为 64 位十六进制 SHA-256，实为「${fingerprint}」`, `the fingerprint must be a 64-digit hex SHA-256, got "${fingerprint}"`);
  return rewrite(log, {
    time: required(entry.at, "缺少定稿时间", "no time given"),
    action: "定稿",
    month: entry.month,
    rulesVersion: required(entry.rulesVersion, "缺少规则版本，不能定稿", "no rule-set version: cannot freeze"),
    fingerprint,
    who: required(entry.who, "请填写操作人（定稿人）", "who freezes the month must be given"),
    // 说明 is cut to fit its cell (32,767 characters) with a visible marker; the row's other fields are whole.
    note: fitCellText(xmlSafeText(entry.note ?? "").trim()),
    snapshot: snapshotJson(entry.snapshot),
  });
}

/**
 * 审计记录 with a 解除定稿 row appended: the month is no longer frozen. The reason is required.
 * Refused (AuditError) when the month is not frozen now.
 */
export function planUnfreeze(log: AuditLog, entry: UnfreezeEntry): SheetSpec {
  checkLog(log);
  const current = frozenMonths(log).get(entry.month);
  if (!current) refuse(`${isMonthKey(entry.month) ? monthLabel(entry.month) : entry.month}未定稿，无需解除`, `${entry.month} is not frozen`);
  return rewrite(log, {
    time: required(entry.at, "缺少解除定稿的时间", "no time given"),
    action: "解除定稿",
    month: entry.month,
    rulesVersion: current.rulesVersion,
    fingerprint: current.fingerprint,
    who: required(entry.who, "请填写操作人（解除定稿人）", "who unfreezes the month must be given"),
    note: fitCellText(`解除原因：${required(entry.reason, "解除定稿必须注明原因", "a reason is required to unfreeze a month")}`),
    snapshot: "",
  });
}

// ------------------------------------------------------------------------------------ checking

export interface CellChange {
  key: string;
  sheet: string;
  address: string;
  label: string;
  before: CellValue;
  after: CellValue;
}

export interface FreezeChange {
  month: MonthKey;
  /** cellKeys of the cells whose value differs from the 快照 (added and emptied cells too), in sheet/row/column order. */
  changedCells: string[];
  details: CellChange[];
  /** True when the inputs or scores differ from the frozen fingerprint. */
  fingerprintChanged: boolean;
  message: string;
  messageEn: string;
}

function blank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (blank(a) && blank(b)) return true;
  return a === b;
}

function shown(v: CellValue): string {
  if (blank(v)) return "（空）";
  return typeof v === "string" ? `「${v.length > 40 ? `${v.slice(0, 40)}…` : v}」` : String(v);
}

function compareKeys(a: string, b: string): number {
  const x = splitCellKey(a);
  const y = splitCellKey(b);
  if (x.sheet !== y.sheet) return x.sheet < y.sheet ? -1 : 1;
  try {
    const p = parseA1(x.address);
    const q = parseA1(y.address);
    return p.row - q.row || p.col - q.col;
  } catch {
    return x.address < y.address ? -1 : x.address > y.address ? 1 : 0;
  }
}

/**
 * What changed in a frozen month since its freeze: the cells whose value differs from the 快照
 * and whether the fingerprint differs. Null when nothing changed.
 */
export function detectChanges(record: FreezeRecord, current: { fingerprint: string; cells: Readonly<Record<string, CellValue>> }): FreezeChange | null {
  const fingerprintChanged = current.fingerprint.trim().toLowerCase() !== record.fingerprint.trim().toLowerCase();
  const before = record.snapshot?.cells ?? {};
  const labels = record.snapshot?.labels ?? {};
  const keys = record.snapshot ? [...new Set([...Object.keys(before), ...Object.keys(current.cells)])] : [];
  const details: CellChange[] = keys
    .filter((k) => !same(before[k], current.cells[k]))
    .sort(compareKeys)
    .map((key) => ({ key, ...splitCellKey(key), label: labels[key] ?? "", before: before[key] ?? null, after: current.cells[key] ?? null }));
  if (!fingerprintChanged && details.length === 0) return null;

  const label = monthLabel(record.month);
  const head = `${label}已于 ${record.at} 定稿（${record.who}），此后有改动`;
  const cellsZh = details.map((d) => `工作表「${d.sheet}」${d.address}${d.label ? `（${d.label}）` : ""} ${shown(d.before)} → ${shown(d.after)}`).join("；");
  const cellsEn = details.map((d) => `${d.key} ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`).join("; ");
  const why =
    details.length > 0
      ? `：${cellsZh}`
      : record.snapshot
        ? "：输入或得分与定稿时的指纹不符，但快照中的单元格未变（可能是规则设置或程序版本不同）"
        : "：输入或得分与定稿时的指纹不符（定稿快照无法读取，无法指出具体单元格）";
  const tail = "。定稿月份不会被改写；如确需重新评分，请先解除定稿并注明原因。";
  return {
    month: record.month,
    changedCells: details.map((d) => d.key),
    details,
    fingerprintChanged,
    message: `${head}${why}${tail}`,
    messageEn: `${record.month} was frozen on ${record.at} (${record.who}) and has changed since${details.length > 0 ? `: ${cellsEn}` : ": the inputs or scores no longer match the fingerprint"}. A frozen month is not rewritten; unfreeze it (with a reason) to score it again.`,
  };
}

/** One warning per changed cell (sheet, cell, indicator), or one for the month when no cell can be named. */
export function changeProblems(change: FreezeChange): LocatedProblem[] {
  if (change.details.length === 0) return [located("warning", "frozen-month-changed", { sheet: AUDIT_SHEET_NAME, cell: null, indicator: `考核月份 ${change.month}` }, change.message, change.messageEn, change.month)];
  return change.details.map((d) =>
    located("warning", "frozen-month-changed", { sheet: d.sheet, cell: d.address, indicator: d.label || d.address }, `${monthLabel(change.month)}已定稿，此单元格在定稿后被改动：${shown(d.before)} → ${shown(d.after)}。定稿月份不会被改写；如确需重新评分，请先解除定稿并注明原因。`, `${change.month} is frozen and this cell changed since: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`, change.month),
  );
}
