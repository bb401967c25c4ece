/**
 * The pane's month form and settings panel, without React: load one month's rows of the input
 * sheets (指标录入, 加减分事件, 报告提交) into a draft of strings as typed, check a draft the way a
 * run would (the reader's own parsing, then the engine's scoreMonth), and plan the cell writes that
 * put an edited draft back into those sheets — so the sheets stay the record. Same for 规则设置.
 *
 * How the sheets are read: through `readInputs` itself. A draft is checked by writing it into a
 * small synthetic workbook with the canonical headers and reading that back with the reader, so a
 * value typed in the form is parsed exactly as the same text typed in Excel would be. Where the
 * rows and columns are in the real sheets comes from the reader's locator (it knows every alias
 * of a header); only when a sheet has no data row yet are its headers matched here, by their
 * canonical names with the reader's normalization (normalize.ts).
 *
 * What a save writes: only the cells whose value the form changed (compared with the draft as it
 * was loaded), so an edit made in Excel meanwhile to another cell is kept. A new month gets the
 * first empty row below the header; new events and reports get the next empty rows; a deleted
 * event or report has its known columns blanked (other columns — a 备注 — are left as they are).
 * A row that changed in the workbook since the draft was loaded is not written over: the plan is
 * refused with a conflict naming the sheet and row.
 */
// @ts-nocheck

import {
  DEDUCTION_BASE_LABELS,
  defaultRules,
  emptyIndicators,
  INDICATOR_FIELDS,
  IndicatorKey,
  IsoDate,
  MONTH_HEADER,
  MonthIndicators,
  MonthKey,
  parseReportKind,
  parseReportPeriod,
  Problem,
  ReportSubmission,
  reportDueDate,
  ReportKind,
  reportScoredMonth,
  RuleSet,
  scoreMonth,
  ScoreEvent,
  Severity,
  STEP_MODE_LABELS,
  StepMode,
  UnknownDateError,
  addMonths,
} from "../../domain";
import { findRuleSetting, RULE_SETTINGS, rulesFromSettings, RuleSettingRow } from "../../domain/rule-settings";
import { extractMonth, isDateFormat, isoToSerial, serialToIso, SheetGrid } from "../read/grid";
import { a1, CellRef, CellValue, CellWrite, parseA1, ReadCell, SheetSnapshot, SheetSpec, WorkbookSnapshot, WritePlan } from "../model";
import { looseHeader, normalizeHeader, normalizeText, parseYesNo } from "../read/normalize";
import { readInputs, WorkbookInputs } from "../read/read-inputs";
import { INPUT_SHEETS } from "../read/sheet-names";

// ---------------------------------------------------------------------------------------------
// Drafts

export type EventType = ScoreEvent["type"];

/**
 * One row of 加减分事件 as the form edits it: the engine's event without its month (the form is
 * one month's), with the sheet row it came from (null for an event added in the form).
 */
export type EventDraft = Omit<ScoreEvent, "month"> & { row: number | null };

/** One row of 报告提交 as the form edits it. */
export interface ReportDraft {
  row: number | null;
  kind: string;
  period: string;
  /** As typed: "2025-10-13", "2025年10月13日"…; "" = not submitted. */
  submitted: string;
  extensionApproved: boolean | null;
}

export type IndicatorTexts = Record<IndicatorKey, string>;

/** One month of the form: every indicator as typed, the month's events and the reports due in it. */
export interface MonthDraft {
  month: MonthKey;
  indicators: IndicatorTexts;
  events: EventDraft[];
  reports: ReportDraft[];
  /** The draft as loaded from the workbook: a save writes only what differs from it. */
  origin: { indicators: IndicatorTexts; events: EventDraft[]; reports: ReportDraft[] };
}

/** Where a problem of a draft belongs in the form. */
export type DraftTarget =
  | { kind: "indicator"; key: IndicatorKey }
  | { kind: "event"; index: number; key: string }
  | { kind: "report"; index: number; key: string }
  | { kind: "month" };

export interface DraftProblem {
  severity: Severity;
  code: string;
  message: string;
  messageEn: string;
  target: DraftTarget;
}

// ---------------------------------------------------------------------------------------------
// Canonical headers (SPEC §8). The reader also knows aliases; those are learnt from its locator.

const EVENT_COLUMNS: readonly [string, string][] = [
  ["month", "考核月份"],
  ["type", "类型"],
  ["level", "级别"],
  ["matterId", "事项编号"],
  ["description", "事项说明"],
  ["evidence", "佐证材料"],
  ["verified", "经查属实"],
  ["reported", "乙方报送"],
];
const REPORT_COLUMNS: readonly [string, string][] = [
  ["kind", "报告类型"],
  ["period", "报告期"],
  ["submitted", "提交日期"],
  ["extensionApproved", "延期已获批"],
];
const INDICATOR_COLUMNS: readonly [string, string][] = [["month", MONTH_HEADER], ...INDICATOR_FIELDS.map((f): [string, string] => [f.key, f.header])];
const PAYMENT_COLUMNS: readonly [string, string][] = [
  ["number", "笔次"],
  ["invoiceDate", "发票日期"],
  ["paidDate", "实付日期"],
];
const RULE_COLUMNS: readonly [string, string][] = [
  ["name", "参数"],
  ["value", "值"],
];


export const DATE_FORMAT = "yyyy-mm-dd";
const HEADER_SEARCH_ROWS = 30;

const YES = "是";
const NO = "否";
const HAVE = "有";
const HAVE_NOT = "无";

// Stryker disable next-line BlockStatement: the reader reads a blank cell as no cell
function isBlank(v: CellValue | undefined): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral,MethodExpression: the reader reads a blank or spaces-only cell as no cell
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | null {
  const want = normalizeText(name);
  return snapshot.sheets.find((s) => normalizeText(s.name) === want) ?? null;
}

/** A sheet's table: the header row and the column of each key (1-based). */
interface TableColumns {
  sheet: SheetSnapshot;
  grid: SheetGrid;
  headerRow: number;
  cols: Map<string, number>;
}

/** Header matching by canonical name, with the reader's normalization (strict, then loose). */
function headerColumns(grid: SheetGrid, columns: readonly [string, string][]): { row: number; cols: Map<string, number> } | null {
  let best: { row: number; cols: Map<string, number> } | null = null;
  for (const row of grid.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const cols = new Map<string, number>();
    for (const cell of grid.rowCells(row)) {
      if (typeof cell.value !== "string") continue;
      const strict = normalizeHeader(cell.value);
      const loose = looseHeader(cell.value);
      const hit = columns.find(([key, name]) => !cols.has(key) && (normalizeHeader(name) === strict || normalizeHeader(name) === loose));
      if (hit) cols.set(hit[0], cell.col);
    }
    if (cols.size > 0 && (!best || cols.size > best.cols.size)) best = { row, cols };
  }
  return best;
}

function rowCol(ref: CellRef | null): { row: number; col: number } | null {
  return ref?.cell ? parseA1(ref.cell) : null;
}

/**
 * The columns of an input sheet: what its header row says (canonical names), overridden by where
 * the reader found each key on a data row it read (`located`, key → cell), which covers aliases.
 */
function tableColumns(snapshot: WorkbookSnapshot, name: string, columns: readonly [string, string][], located: Map<string, { row: number; col: number }>): TableColumns | null {
  const sheet = findSheet(snapshot, name);
  if (!sheet) return null;
  const grid = new SheetGrid(sheet);
  const header = headerColumns(grid, columns);
  const cols = new Map(header?.cols ?? []);
  let firstData = Number.POSITIVE_INFINITY;
  for (const [key, at] of located) {
    cols.set(key, at.col);
    firstData = Math.min(firstData, at.row);
  }
  const headerRow = header && header.row < firstData ? header.row : Number.isFinite(firstData) ? firstData - 1 : (header?.row ?? 1);
  return { sheet, grid, headerRow, cols };
}

/** Key → cell of the first data row the reader located for `path(key)`. */
function locatedColumns(inputs: WorkbookInputs, keys: readonly string[], path: (key: string) => string, month?: MonthKey): Map<string, { row: number; col: number }> {
  const out = new Map<string, { row: number; col: number }>();
  for (const key of keys) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ObjectLiteral: no caller passes a month: { field, month: undefined } is { field }
    const at = rowCol(inputs.locator.locate(month === undefined ? { field: path(key) } : { field: path(key), month }));
    if (at) out.set(key, at);
  }
  return out;
}

/** Rows below the header with no cell at all, in order: where new rows go. */
function* freeRows(table: TableColumns, taken: Set<number>): Generator<number> {
  const used = new Set(table.grid.rows);
  for (let r = table.headerRow + 1; ; r++) {
    if (!used.has(r) && !taken.has(r)) {
      taken.add(r);
      yield r;
    }
  }
}

/** A month as the reader reads the 考核月份 cell (text, a date, 202510). */
function cellMonth(cell: ReadCell | undefined): MonthKey | null {
  const v = cell?.value ?? null;
  if (typeof v === "string") return extractMonth(v);
  if (typeof v === "number") {
    if (isDateFormat(cell?.numberFormat)) return serialToIso(v)?.slice(0, 7) ?? null;
    return Number.isInteger(v) ? extractMonth(String(v)) : null;
  }
  return null;
}

function shownText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v.trim() : String(v);
}

function yesNoText(v: CellValue | undefined): string {
  const b = parseYesNo(v ?? null);
  if (b === true) return YES;
  if (b === false) return NO;
  return shownText(v);
}

export function emptyIndicatorTexts(): IndicatorTexts {
  return Object.fromEntries(INDICATOR_FIELDS.map((f) => [f.key, ""])) as IndicatorTexts;
}

/** The month a report is scored in (its due date's month); null when kind or period cannot be read. */
export function reportDueMonth(kind: string, period: string, rules: RuleSet = defaultRules()): MonthKey | null {
  const k = parseReportKind(kind);
  const p = k ? parseReportPeriod(k, period) : null;
  if (!p) return null;
  try {
    return reportScoredMonth(p, rules.calendar, rules.scoring.annualReportYear);
  } catch (e) {
    if (e instanceof UnknownDateError) return null;
    throw e;
  }
}

/** A report's period and due date, for the form (SPEC §3: after 遇节假日顺延, on the calendar in force). */
export interface ReportDue {
  kind: ReportKind;
  /** Canonical period: "2025-09", "2025Q3", "2025". */
  period: string;
  /** The due date (应交日期). */
  due: IsoDate;
  /** The scorecard month it is scored in: the due date's month. */
  month: MonthKey;
}

/** The report's canonical period and due date; null when kind or period cannot be read, or the calendar does not know the date. */
export function reportDue(kind: string, period: string, rules: RuleSet = defaultRules()): ReportDue | null {
  const k = parseReportKind(kind);
  const p = k ? parseReportPeriod(k, period) : null;
  if (!k || !p) return null;
  try {
    const due = reportDueDate(p, rules.calendar, rules.scoring.annualReportYear);
    return { kind: k, period: p.key, due, month: due.slice(0, 7) };
  } catch (e) {
    if (e instanceof UnknownDateError) return null;
    throw e;
  }
}

/**
 * The reports due in a month (SPEC §3), in the order a clerk logs them: the 月报 of the month
 * before; the 季报 of the quarter before when the month opens a quarter; the 年报 whose due date
 * (the end of December, 遇节假日顺延, A: 年报所属年度) falls in the month. A report whose shifted
 * due date moves into the next month is not due in this one.
 */
export function reportsDueIn(month: MonthKey, rules: RuleSet = defaultRules()): { kind: ReportKind; period: string }[] {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const candidates: { kind: ReportKind; period: string }[] = [{ kind: "月报", period: addMonths(month, -1) }, { kind: "月报", period: addMonths(month, -2) }];
  const q = Math.floor((m - 1) / 3) + 1;
  candidates.push(q === 1 ? { kind: "季报", period: `${year - 1}Q4` } : { kind: "季报", period: `${year}Q${q - 1}` });
  for (const y of [year - 2, year - 1, year]) candidates.push({ kind: "年报", period: String(y) });
  return candidates.filter((c) => reportDue(c.kind, c.period, rules)?.month === month);
}

/**
 * What 添加报告 proposes in a month: the first report due in the month that is not logged yet (in
 * `logged`: the month's rows and, when known, every row of 报告提交); when all of those are
 * logged, the next 月报 period after the month's that is not logged (due in a later month — the
 * form says so). Never a period already logged, however it was written ("2025年9月" = "2025-09").
 */
export function nextReport(month: MonthKey, logged: readonly { kind: string; period: string }[], rules: RuleSet = defaultRules()): ReportDraft {
  const keys = new Set<string>();
  for (const r of logged) {
    const k = parseReportKind(r.kind);
    const p = k ? parseReportPeriod(k, r.period) : null;
    if (k && p) keys.add(`${k}|${p.key}`);
  }
  const fresh = (kind: string, period: string) => !keys.has(`${kind}|${period}`);
  const due = reportsDueIn(month, rules).find((c) => fresh(c.kind, c.period));
  if (due) return { row: null, kind: due.kind, period: due.period, submitted: "", extensionApproved: null };
  let period = addMonths(month, -1);
  for (let i = 0; i < 120 && !fresh("月报", period); i++) period = addMonths(period, 1);
  return { row: null, kind: "月报", period: fresh("月报", period) ? period : "", submitted: "", extensionApproved: null };
}

/** Each input sheet's rows as the engine counts them, and the column that names an entry. */
const ENTRY_LISTS: Record<string, [list: string, key: string]> = {
  [INPUT_SHEETS.reports]: ["reports", "period"],
  [INPUT_SHEETS.events]: ["events", "matterId"],
  [INPUT_SHEETS.indicators]: ["indicators", "month"],
  [INPUT_SHEETS.payments]: ["payments", "number"],
};

/**
 * Where entry N of an input sheet is — N as an engine message counts it ("另见第 16 条": the 16th row
 * read from 报告提交, 1-based) — so the pane can show that place beside the message and select it.
 * Null for another sheet or an entry the reader did not read.
 */
export function entryPlace(inputs: WorkbookInputs, sheet: string, entry: number): CellRef | null {
  const list = ENTRY_LISTS[sheet];
  if (!list || !Number.isInteger(entry) || entry < 1) return null;
  return inputs.locator.locate({ field: `${list[0]}[${entry - 1}].${list[1]}` });
}

/** A new event for the form. */
export function newEvent(type: EventType = "bonus"): EventDraft {
  return { row: null, type, level: type === "bonus" ? "群众" : "", matterId: "", description: "", evidence: null, verified: null, reported: null };
}

/** A new report: the 月报 of the month before, due in this month. */
export function newReport(month: MonthKey): ReportDraft {
  return { row: null, kind: "月报", period: addMonths(month, -1), submitted: "", extensionApproved: null };
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

// ---------------------------------------------------------------------------------------------
// Loading a month

/**
 * The month's draft from the workbook: indicators as the cells show them (a value the reader cannot
 * read is shown as typed, so the form can correct it), the month's events, and the reports due in
 * the month (plus any report whose kind or period cannot be read, so it can be corrected).
 */
export function loadMonthDraft(snapshot: WorkbookSnapshot, month: MonthKey, rules: RuleSet = defaultRules(), inputs: WorkbookInputs = readInputs(snapshot)): MonthDraft {
  const indicators = emptyIndicatorTexts();
  const indSheet = findSheet(snapshot, INPUT_SHEETS.indicators);
  const indRow = indSheet ? monthRow(snapshot, month, inputs) : null;
  if (indSheet && indRow !== null) {
    const grid = new SheetGrid(indSheet);
    const table = indicatorTable(snapshot, inputs);
    for (const f of INDICATOR_FIELDS) {
      const col = table?.cols.get(f.key);
      if (col === undefined) continue;
      const v = grid.value(indRow, col);
      indicators[f.key] = f.kind === "yesno" ? yesNoText(v) : shownText(v);
    }
  }

  const events: EventDraft[] = [];
  inputs.events.forEach((e, i) => {
    if (e.month !== month) return;
    const at = rowCol(inputs.locator.locate({ field: `events[${i}].type` }));
    events.push({ row: at?.row ?? null, type: e.type, level: e.level, matterId: e.matterId, description: e.description, evidence: e.evidence, verified: e.verified, reported: e.reported });
  });

  const reports: ReportDraft[] = [];
  inputs.reports.forEach((r, i) => {
    const due = reportDueMonth(r.kind, r.period, rules);
    if (due !== null && due !== month) return;
    const at = rowCol(inputs.locator.locate({ field: `reports[${i}].kind` }));
    const submittedAt = rowCol(inputs.locator.locate({ field: `reports[${i}].submitted` }));
    // An unreadable date is shown as typed (the reader gives null for it).
    let submitted = r.submitted ?? "";
    if (r.submitted === null && submittedAt) {
      const sheet = findSheet(snapshot, INPUT_SHEETS.reports);
      if (sheet) submitted = shownText(new SheetGrid(sheet).value(submittedAt.row, submittedAt.col));
    }
    reports.push({ row: at?.row ?? null, kind: r.kind, period: r.period, submitted, extensionApproved: r.extensionApproved });
  });

  return { month, indicators, events, reports, origin: { indicators: { ...indicators }, events: clone(events), reports: clone(reports) } };
}

function indicatorTable(snapshot: WorkbookSnapshot, inputs: WorkbookInputs): TableColumns | null {
  const keys = INDICATOR_COLUMNS.map(([k]) => k);
  return tableColumns(snapshot, INPUT_SHEETS.indicators, INDICATOR_COLUMNS, inputs.indicators.length > 0 ? locatedColumns(inputs, keys, (k) => `indicators[0].${k}`) : new Map());
}

/** The 指标录入 row of a month: the one the reader read, else a row whose 考核月份 is that month (a prefilled template row). */
function monthRow(snapshot: WorkbookSnapshot, month: MonthKey, inputs: WorkbookInputs): number | null {
  const i = inputs.indicators.findIndex((x) => x.month === month);
  if (i >= 0) {
    const at = rowCol(inputs.locator.locate({ field: `indicators[${i}].month` }));
    if (at) return at.row;
  }
  const table = indicatorTable(snapshot, inputs);
  const col = table?.cols.get("month");
  if (!table || col === undefined) return null;
  for (const r of table.grid.rows) {
    if (r > table.headerRow && cellMonth(table.grid.cell(r, col)) === month) return r;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Checking a draft: the reader's parsing on a synthetic workbook, then scoreMonth.

const SYN_PAYMENTS = "付款记录";

function synCell(row: number, col: number, value: CellValue): ReadCell[] {
  // Stryker disable next-line StringLiteral: synthetic cells hold text or true/false, whose format is not read
  return isBlank(value) ? [] : [{ row, col, value, numberFormat: "General" }];
}

function synSheet(name: string, index: number, columns: readonly [string, string][], rows: Record<string, CellValue>[]): SheetSnapshot {
  const cells: ReadCell[] = [];
  // Stryker disable next-line StringLiteral: synthetic cells hold text, whose format is not read
  columns.forEach(([, header], c) => cells.push({ row: 1, col: c + 1, value: header, numberFormat: "General" }));
  rows.forEach((values, r) => columns.forEach(([key], c) => cells.push(...synCell(r + 2, c + 1, values[key] ?? null))));
  // Stryker disable next-line ArrayDeclaration: an entry that is not a range merges no cell
  return { name, index, cells, merges: [] };
}

/** The draft as a small workbook with the canonical headers: row 2 of 指标录入, rows 2… of the lists. */
function draftSnapshot(draft: MonthDraft): WorkbookSnapshot {
  const ind: Record<string, CellValue> = { month: draft.month };
  // Stryker disable next-line StringLiteral: a draft holds every indicator
  for (const f of INDICATOR_FIELDS) ind[f.key] = draft.indicators[f.key] ?? "";
  const events = draft.events.map((e) => ({
    month: draft.month,
    type: e.type === "bonus" ? "加分" : "扣分",
    level: e.level,
    matterId: e.matterId,
    description: e.description,
    evidence: e.evidence,
    verified: e.verified,
    reported: e.reported,
  }));
  const reports = draft.reports.map((r) => ({ kind: r.kind, period: r.period, submitted: r.submitted, extensionApproved: r.extensionApproved }));
  return {
    sheets: [
      synSheet(INPUT_SHEETS.indicators, 0, INDICATOR_COLUMNS, [ind]),
      synSheet(INPUT_SHEETS.events, 1, EVENT_COLUMNS, events),
      synSheet(INPUT_SHEETS.reports, 2, REPORT_COLUMNS, reports),
      // Stryker disable next-line ArrayDeclaration: a row that is not a record gives no cell
      synSheet(SYN_PAYMENTS, 3, PAYMENT_COLUMNS, []),
    ],
  };
}

/** The draft read by the reader: typed values, which draft entry each came from, and the format problems. */
export interface ParsedDraft {
  /** Null when every indicator is blank. */
  indicators: MonthIndicators | null;
  events: { index: number; event: ScoreEvent }[];
  reports: { index: number; report: ReportSubmission }[];
  problems: DraftProblem[];
  /** Reader errors, by target key ("indicator:headcount", "event:2:level"…). */
  unreadable: Set<string>;
}

function targetKey(t: DraftTarget): string {
  switch (t.kind) {
    case "indicator":
      return `indicator:${t.key}`;
    case "event":
      return `event:${t.index}:${t.key}`;
    case "report":
      return `report:${t.index}:${t.key}`;
    default:
      return "month";
  }
}

/** Synthetic sheet + cell → the form's target. */
function synTarget(ref: { sheet: string | null; cell: string | null } | null): DraftTarget {
  if (!ref?.cell) return { kind: "month" };
  const { row, col } = parseA1(ref.cell);
  const key = (cols: readonly [string, string][]) => cols[col - 1]?.[0] ?? "";
  if (ref.sheet === INPUT_SHEETS.indicators) {
    const k = key(INDICATOR_COLUMNS);
    return k === "month" || k === "" ? { kind: "month" } : { kind: "indicator", key: k as IndicatorKey };
  }
  if (ref.sheet === INPUT_SHEETS.events) return { kind: "event", index: row - 2, key: key(EVENT_COLUMNS) };
  if (ref.sheet === INPUT_SHEETS.reports) return { kind: "report", index: row - 2, key: key(REPORT_COLUMNS) };
  return { kind: "month" };
}

export function parseMonthDraft(draft: MonthDraft): ParsedDraft {
  const syn = draftSnapshot(draft);
  const inputs = readInputs(syn);
  const problems: DraftProblem[] = [];
  const unreadable = new Set<string>();
  for (const p of inputs.problems) {
    // Stryker disable next-line ConditionalExpression: the empty synthetic 付款记录 gives the reader no problem
    if (p.sheet === SYN_PAYMENTS) continue;
    const target = synTarget(p);
    problems.push({ severity: p.severity, code: p.code, message: p.message, messageEn: p.messageEn, target });
    if (p.severity === "error") unreadable.add(targetKey(target));
  }
  const indexOf = (path: string) => {
    const at = rowCol(inputs.locator.locate({ field: path }));
    return at ? at.row - 2 : -1;
  };
  return {
    // Stryker disable next-line ConditionalExpression: the synthetic 指标录入 has one row, the draft's month
    indicators: inputs.indicators.find((x) => x.month === draft.month) ?? null,
    events: inputs.events.map((event, i) => ({ index: indexOf(`events[${i}].type`), event })),
    reports: inputs.reports.map((report, i) => ({ index: indexOf(`reports[${i}].kind`), report })),
    problems,
    unreadable,
  };
}

/**
 * Every problem of the draft, as a run would find it: the reader's (a value it cannot read) and
 * the engine's (SPEC §6: a negative headcount, passing tickets above sampled…), each with its
 * place in the form. A value already reported as unreadable is not reported again as blank.
 */
export function validateMonthDraft(draft: MonthDraft, rules: RuleSet = defaultRules()): DraftProblem[] {
  const parsed = parseMonthDraft(draft);
  const out = [...parsed.problems];
  const indicators = parsed.indicators ?? emptyIndicators(draft.month);
  const outcome = scoreMonth(
    indicators,
    parsed.events.map((e) => e.event),
    parsed.reports.map((r) => r.report),
    rules,
  );
  const engine: Problem[] = outcome.ok ? outcome.warnings : [...outcome.errors, ...outcome.warnings];
  for (const p of engine) {
    const target = engineTarget(p, parsed);
    if (p.severity === "error" && p.code === "missing" && parsed.unreadable.has(targetKey(target))) continue;
    out.push({ severity: p.severity, code: p.code, message: p.message, messageEn: p.messageEn, target });
  }
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

function engineTarget(p: Problem, parsed: ParsedDraft): DraftTarget {
  if ((INDICATOR_FIELDS as readonly { key: string }[]).some((f) => f.key === p.field)) return { kind: "indicator", key: p.field as IndicatorKey };
  const indexed = /^(events|reports)\[(\d+)\]\.(\w+)$/.exec(p.field);
  if (indexed) {
    const list = indexed[1] === "events" ? parsed.events : parsed.reports;
    const index = list[Number(indexed[2])]?.index ?? -1;
    if (index >= 0) return { kind: indexed[1] === "events" ? "event" : "report", index, key: indexed[3] ?? "" };
  }
  return { kind: "month" };
}

/**
 * The workbook cell a draft problem is about (the cell the form would write), so a refusal can
 * name it and the pane can select it; the cell is null for a month or an entry that has no row yet.
 */
export function draftProblemCell(snapshot: WorkbookSnapshot, draft: MonthDraft, target: DraftTarget, inputs: WorkbookInputs = readInputs(snapshot)): CellRef | null {
  if (target.kind === "indicator") {
    const table = indicatorTable(snapshot, inputs);
    if (!table) return null;
    const row = monthRow(snapshot, draft.month, inputs);
    const col = table.cols.get(target.key);
    // Stryker disable next-line OptionalChaining: every indicator key has its field
    const header = INDICATOR_FIELDS.find((f) => f.key === target.key)?.header ?? target.key;
    return { sheet: table.sheet.name, cell: row !== null && col !== undefined ? a1(row, col) : null, indicator: header };
  }
  if (target.kind === "event" || target.kind === "report") {
    const events = target.kind === "event";
    const columns = events ? EVENT_COLUMNS : REPORT_COLUMNS;
    const list = events ? inputs.events : inputs.reports;
    const path = events ? "events" : "reports";
    const table = tableColumns(snapshot, events ? INPUT_SHEETS.events : INPUT_SHEETS.reports, columns, list.length > 0 ? locatedColumns(inputs, columns.map(([k]) => k), (k) => `${path}[0].${k}`) : new Map());
    if (!table) return null;
    const row = (events ? draft.events : draft.reports)[target.index]?.row ?? null;
    const col = table.cols.get(target.key);
    return { sheet: table.sheet.name, cell: row !== null && col !== undefined ? a1(row, col) : null, indicator: columns.find(([k]) => k === target.key)?.[1] ?? target.key };
  }
  return null;
}

/** True when the draft differs from what was loaded. */
export function draftChanged(draft: MonthDraft): boolean {
  return JSON.stringify([draft.indicators, draft.events, draft.reports]) !== JSON.stringify([draft.origin.indicators, draft.origin.events, draft.origin.reports]);
}

// ---------------------------------------------------------------------------------------------
// Planning the writes

/** Why a plan was refused: zh-CN first, with the sheet and cell when there is one. */
export interface PlanProblem {
  message: string;
  messageEn: string;
  sheet: string | null;
  cell: string | null;
}

export type PlanResult = { ok: true; plan: WritePlan; changed: number } | { ok: false; problems: PlanProblem[] };

const yesNoValue = (b: boolean | null): string | null => (b === null ? null : b ? YES : NO);
const haveValue = (b: boolean | null): string | null => (b === null ? null : b ? HAVE : HAVE_NOT);
const textValue = (s: string): string | null => (s.trim() === "" ? null : s.trim());

class Writes {
  private readonly bySheet = new Map<string, CellWrite[]>();
  readonly problems: PlanProblem[] = [];

  set(sheet: string, row: number, col: number, value: CellWrite["value"], numberFormat?: string): void {
    const list = this.bySheet.get(sheet) ?? [];
    const w: CellWrite = { address: a1(row, col), value };
    if (numberFormat !== undefined) w.numberFormat = numberFormat;
    list.push(w);
    this.bySheet.set(sheet, list);
  }

  refuse(message: string, messageEn: string, sheet: string | null = null, cell: string | null = null): void {
    this.problems.push({ message, messageEn, sheet, cell });
  }

  result(): PlanResult {
    if (this.problems.length > 0) return { ok: false, problems: this.problems };
    const cellWrites = [...this.bySheet].map(([sheet, writes]) => ({ sheet, writes }));
    return { ok: true, plan: { cellWrites, sheets: [] }, changed: cellWrites.reduce((n, g) => n + g.writes.length, 0) };
  }
}

function missingSheet(w: Writes, name: string): void {
  w.refuse(`工作簿中没有「${name}」工作表，无法保存`, `the workbook has no "${name}" sheet: cannot save`, name, null);
}

/** The column of `key`, or a refusal naming the missing header. */
function columnOf(w: Writes, table: TableColumns, key: string, header: string): number | null {
  const col = table.cols.get(key);
  if (col !== undefined) return col;
  w.refuse(`工作表「${table.sheet.name}」没有「${header}」列，无法保存该值`, `sheet "${table.sheet.name}" has no "${header}" column: cannot save that value`, table.sheet.name, null);
  return null;
}

function eventCells(e: EventDraft): Record<string, CellWrite["value"]> {
  return {
    type: e.type === "bonus" ? "加分" : "扣分",
    level: textValue(e.level),
    matterId: textValue(e.matterId),
    description: textValue(e.description),
    evidence: haveValue(e.evidence),
    verified: yesNoValue(e.verified),
    reported: yesNoValue(e.reported),
  };
}

function eventTexts(e: EventDraft): Record<string, string> {
  return { type: e.type, level: e.level.trim(), matterId: e.matterId.trim(), description: e.description.trim(), evidence: String(e.evidence), verified: String(e.verified), reported: String(e.reported) };
}

function reportTexts(r: ReportDraft): Record<string, string> {
  return { kind: r.kind.trim(), period: r.period.trim(), submitted: r.submitted.trim(), extensionApproved: String(r.extensionApproved) };
}

/**
 * The writes that put an edited month back into 指标录入, 加减分事件 and 报告提交. Refused (no
 * plan) when a value cannot be read (the form shows why), a sheet or a needed column is missing,
 * or a row changed in the workbook since the draft was loaded.
 */
export function planMonthDraft(snapshot: WorkbookSnapshot, draft: MonthDraft, rules: RuleSet = defaultRules()): PlanResult {
  const w = new Writes();
  const parsed = parseMonthDraft(draft);
  for (const p of parsed.problems) {
    if (p.severity !== "error") continue;
    w.refuse(p.message, p.messageEn);
  }
  // Stryker disable next-line ConditionalExpression: planning on only adds writes to a plan already refused
  if (w.problems.length > 0) return w.result();
  const inputs = readInputs(snapshot);
  const current = loadMonthDraft(snapshot, draft.month, rules, inputs);

  // 指标录入
  const indChanged = INDICATOR_FIELDS.filter((f) => (draft.indicators[f.key] ?? "").trim() !== (draft.origin.indicators[f.key] ?? "").trim());
  if (indChanged.length > 0) {
    const table = indicatorTable(snapshot, inputs);
    if (!table) missingSheet(w, INPUT_SHEETS.indicators);
    else {
      const sheet = table.sheet.name;
      let row = monthRow(snapshot, draft.month, inputs);
      const fresh = row === null;
      if (row === null) {
        row = freeRows(table, new Set()).next().value as number;
        const col = columnOf(w, table, "month", MONTH_HEADER);
        // Stryker disable next-line ConditionalExpression: a missing column has already refused the plan
        if (col !== null) w.set(sheet, row, col, draft.month);
      }
      const values = parsed.indicators;
      for (const f of fresh ? INDICATOR_FIELDS.filter((x) => (draft.indicators[x.key] ?? "").trim() !== "") : indChanged) {
        const col = columnOf(w, table, f.key, f.header);
        // Stryker disable next-line ConditionalExpression: a missing column has already refused the plan
        if (col === null) continue;
        const v = values ? values[f.key] : null;
        w.set(sheet, row, col, typeof v === "boolean" ? (v ? YES : NO) : v);
      }
    }
  }

  // 加减分事件
  const evTable = tableColumns(snapshot, INPUT_SHEETS.events, EVENT_COLUMNS, inputs.events.length > 0 ? locatedColumns(inputs, EVENT_COLUMNS.map(([k]) => k), (k) => `events[0].${k}`) : new Map());
  planRows(w, {
    table: evTable,
    name: INPUT_SHEETS.events,
    columns: EVENT_COLUMNS,
    drafts: draft.events,
    origins: draft.origin.events,
    currents: current.events,
    texts: eventTexts,
    cells: (e) => ({ month: draft.month, ...eventCells(e) }),
    label: (e) => `事件${e.matterId ? ` ${e.matterId}` : ""}`,
  });

  // 报告提交
  const repTable = tableColumns(snapshot, INPUT_SHEETS.reports, REPORT_COLUMNS, inputs.reports.length > 0 ? locatedColumns(inputs, REPORT_COLUMNS.map(([k]) => k), (k) => `reports[0].${k}`) : new Map());
  planRows(w, {
    table: repTable,
    name: INPUT_SHEETS.reports,
    columns: REPORT_COLUMNS,
    drafts: draft.reports,
    origins: draft.origin.reports,
    currents: current.reports,
    texts: reportTexts,
    cells: (r, i) => {
      const report = parsed.reports.find((p) => p.index === i)?.report;
      const submitted: IsoDate | null = report?.submitted ?? null;
      return {
        kind: textValue(r.kind),
        period: textValue(r.period),
        submitted: submitted === null ? null : { serial: isoToSerial(submitted) },
        extensionApproved: yesNoValue(r.extensionApproved),
      };
    },
    label: (r) => `${r.kind} ${r.period}`,
  });
  return w.result();
}

type RowValue = CellWrite["value"] | { serial: number };

interface RowsSpec<T extends { row: number | null }> {
  table: TableColumns | null;
  name: string;
  columns: readonly [string, string][];
  drafts: T[];
  origins: T[];
  /** The same rows as they are in the workbook now. */
  currents: T[];
  texts: (d: T) => Record<string, string>;
  cells: (d: T, index: number) => Record<string, RowValue>;
  label: (d: T) => string;
}

/** Updates changed cells of kept rows, appends new rows, blanks deleted rows; refuses on a conflict. */
function planRows<T extends { row: number | null }>(w: Writes, spec: RowsSpec<T>): void {
  // Stryker disable next-line MethodExpression,ConditionalExpression: a null row is never looked up in kept
  const kept = new Set(spec.drafts.map((d) => d.row).filter((r): r is number => r !== null));
  // Stryker disable next-line ConditionalExpression: a removed origin without a row is skipped below
  const removed = spec.origins.filter((o) => o.row !== null && !kept.has(o.row));
  const edited = spec.drafts.map((d, i) => ({ d, i })).filter(({ d }) => {
    if (d.row === null) return true;
    const o = spec.origins.find((x) => x.row === d.row);
    return !o || JSON.stringify(spec.texts(o)) !== JSON.stringify(spec.texts(d));
  });
  if (removed.length === 0 && edited.length === 0) return;
  if (!spec.table) {
    missingSheet(w, spec.name);
    return;
  }
  const table = spec.table;
  const sheet = table.sheet.name;
  const header = (key: string) => spec.columns.find(([k]) => k === key)?.[1] ?? key;
  const write = (row: number, key: string, value: RowValue, required: boolean) => {
    // Stryker disable next-line ConditionalExpression,BooleanLiteral,LogicalOperator: a new row's blank values are never written and a removed row only blanks the columns the sheet has
    if (!required && value === null && !table.cols.has(key)) return;
    const col = columnOf(w, table, key, header(key));
    // Stryker disable next-line ConditionalExpression: a missing column has already refused the plan
    if (col === null) return;
    if (value !== null && typeof value === "object") w.set(sheet, row, col, value.serial, DATE_FORMAT);
    else w.set(sheet, row, col, value);
  };
  // A row is only written when it still holds what the form loaded.
  const conflict = (o: T) => {
    const now = spec.currents.find((c) => c.row === o.row);
    if (now && JSON.stringify(spec.texts(now)) === JSON.stringify(spec.texts(o))) return false;
    w.refuse(
      `工作表「${sheet}」第 ${o.row} 行（${spec.label(o)}）在载入后已被修改或移动，未保存；请重新载入本月后再编辑`,
      `sheet "${sheet}" row ${o.row} (${spec.label(o)}) changed in the workbook since it was loaded: not saved; reload the month and edit again`,
      sheet,
      // Stryker disable next-line ConditionalExpression,OptionalChaining: a conflicting row is never null; every spec has columns
      o.row === null ? null : a1(o.row, table.cols.get(spec.columns[0]?.[0] ?? "") ?? 1),
    );
    // Stryker disable next-line BooleanLiteral: any refusal refuses the whole plan
    return true;
  };
  const taken = new Set<number>();
  const free = freeRows(table, taken);
  for (const { d, i } of edited) {
    const cells = spec.cells(d, i);
    if (d.row === null) {
      const row = free.next().value as number;
      // Stryker disable next-line BooleanLiteral: a value that is not null is written whether required or not
      for (const [key, value] of Object.entries(cells)) if (value !== null) write(row, key, value, false);
      continue;
    }
    const o = spec.origins.find((x) => x.row === d.row);
    if (!o || conflict(o)) continue;
    const before = spec.texts(o);
    const after = spec.texts(d);
    for (const [key, value] of Object.entries(cells)) {
      if (key in after && before[key] !== after[key]) write(d.row, key, value, true);
    }
  }
  for (const o of removed) {
    if (o.row === null || conflict(o)) continue;
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: write() skips a blank value for a column the sheet lacks anyway
    for (const [key] of spec.columns) if (table.cols.has(key)) write(o.row, key, null, false);
  }
}

// ---------------------------------------------------------------------------------------------
// 规则设置

export interface SettingsDraft {
  /** Parameter label (RULE_SETTINGS) → value as a clerk types it. */
  values: Record<string, string>;
  origin: Record<string, string>;
  /** The workbook has a 规则设置 sheet. */
  present: boolean;
}

const STEP_KEYS = [
  ["satisfactionSteps", "满意率"],
  ["ticketQualitySteps", "质检"],
  ["settlementSteps", "结算"],
] as const;

export type StepModes = Record<(typeof STEP_KEYS)[number][0], StepMode>;

/** "按比例", or "满意率:整步,质检:按比例,结算:按比例" when the three rules differ (A3). */
export function stepModesText(modes: StepModes): string {
  const all = new Set(Object.values(modes));
  if (all.size === 1) return STEP_MODE_LABELS[modes.satisfactionSteps];
  return STEP_KEYS.map(([key, name]) => `${name}:${STEP_MODE_LABELS[modes[key]]}`).join(",");
}

/** The three A3 modes a 部分扣分方式 text gives; null when it cannot be read. */
export function stepModesOf(text: string): StepModes | null {
  const r = rulesFromSettings([{ label: "部分扣分方式", value: text }]);
  if (!r.ok) return null;
  return { satisfactionSteps: r.value.options.satisfactionSteps, ticketQualitySteps: r.value.options.ticketQualitySteps, settlementSteps: r.value.options.settlementSteps };
}

/** A rule set's value of a 规则设置 parameter, as a clerk would type it. */
export function settingText(label: string, rules: RuleSet): string {
  const o = rules.options;
  switch (label) {
    case "扣款基数":
      return DEDUCTION_BASE_LABELS[o.deductionBase];
    case "部分扣分方式":
      return stepModesText({ satisfactionSteps: o.satisfactionSteps, ticketQualitySteps: o.ticketQualitySteps, settlementSteps: o.settlementSteps });
    case "扣分层级":
      return o.penaltyLadder === "default" ? "市级及以下/省级/国家级" : "市级以下/市级/省级及以上";
    default:
      return RULE_SETTINGS.find((d) => d.label === label)?.defaultText(rules) ?? "";
  }
}

function settingCellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? YES : NO;
  return String(v).trim();
}

/**
 * Every parameter of 规则设置: the sheet's value where it has one, else the contract default
 * (which is what a blank or absent row means).
 */
export function loadSettingsDraft(snapshot: WorkbookSnapshot, inputs: WorkbookInputs = readInputs(snapshot)): SettingsDraft {
  const values: Record<string, string> = {};
  for (const def of RULE_SETTINGS) values[def.label] = settingText(def.label, defaultRules());
  for (const row of inputs.ruleSettings ?? []) {
    const def = findRuleSetting(row.label);
    const text = settingCellText(row.value);
    if (def && text !== "") values[def.label] = text;
  }
  return { values, origin: { ...values }, present: inputs.ruleSettings !== null };
}

/** Label → the problem of its value (the engine's own reading of 规则设置). */
export function validateSettingsDraft(draft: SettingsDraft): Record<string, { message: string; messageEn: string }> {
  const rows: RuleSettingRow[] = RULE_SETTINGS.map((d) => ({ label: d.label, value: draft.values[d.label] ?? "" }));
  const r = rulesFromSettings(rows);
  const out: Record<string, { message: string; messageEn: string }> = {};
  if (r.ok) return out;
  for (const p of r.errors) {
    const i = Number(/^ruleSettings\[(\d+)\]$/.exec(p.field)?.[1] ?? -1);
    // Stryker disable next-line OptionalChaining: every error of rulesFromSettings is at one of the rows given
    const label = rows[i]?.label;
    // Stryker disable next-line ConditionalExpression: every error of rulesFromSettings is at one of the rows given
    if (label) out[label] = { message: p.message, messageEn: p.messageEn };
  }
  return out;
}

/** The rule set the draft gives (null when a value is invalid). */
export function rulesOfSettings(draft: SettingsDraft): RuleSet | null {
  const r = rulesFromSettings(RULE_SETTINGS.map((d) => ({ label: d.label, value: draft.values[d.label] ?? "" })));
  return r.ok ? r.value : null;
}

/** A value as it is written: a plain number as a number, anything else ("0.5%", "按比例", "是") as text. */
function settingValue(text: string): string | number | null {
  const t = text.trim();
  if (t === "") return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** 规则设置 created whole (参数 | 值 | 说明) when the workbook has none. */
export function buildRuleSettingsSheet(values: Record<string, string>): SheetSpec {
  const cells: CellWrite[] = ["参数", "值", "说明"].map((h, i) => ({ address: a1(1, i + 1), value: h, style: { bold: true, fill: "#D9E1F2", border: "thin" } }));
  RULE_SETTINGS.forEach((def, i) => {
    const row = i + 2;
    cells.push({ address: a1(row, 1), value: def.label, style: { bold: true, border: "thin" } });
    cells.push({ address: a1(row, 2), value: settingValue(values[def.label] ?? settingText(def.label, defaultRules())), style: { border: "thin" } });
    cells.push({ address: a1(row, 3), value: def.help, style: { border: "thin", wrap: true } });
  });
  return { name: INPUT_SHEETS.rules, cells, merges: [], columnWidths: { A: 20, B: 24, C: 70 }, freezeRows: 1, tabColor: "#70AD47" };
}

/**
 * The writes that save the settings panel: the changed values into their rows of 规则设置 (a
 * parameter without a row gets one at the first empty row), or the whole sheet when there is none.
 * Refused when a value is invalid.
 */
export function planSettingsDraft(snapshot: WorkbookSnapshot, draft: SettingsDraft): PlanResult {
  const w = new Writes();
  const invalid = validateSettingsDraft(draft);
  for (const p of Object.values(invalid)) w.refuse(p.message, p.messageEn, INPUT_SHEETS.rules, null);
  if (w.problems.length > 0) return w.result();
  const changed = RULE_SETTINGS.filter((d) => (draft.values[d.label] ?? "").trim() !== (draft.origin[d.label] ?? "").trim());
  const inputs = readInputs(snapshot);
  if (inputs.ruleSettings === null) {
    if (changed.length === 0) return w.result();
    return { ok: true, plan: { cellWrites: [], sheets: [buildRuleSettingsSheet(draft.values)] }, changed: changed.length };
  }
  const rows = inputs.ruleSettings;
  const valueAt = (i: number) => rowCol(inputs.locator.locate({ field: `ruleSettings[${i}]` }));
  const located = new Map<string, { row: number; col: number }>();
  const sheet = findSheet(snapshot, INPUT_SHEETS.rules);
  // Stryker disable next-line ConditionalExpression: 规则设置 was read, so the sheet exists
  if (!sheet) return w.result();
  const grid = new SheetGrid(sheet);
  rows.forEach((row, i) => {
    const at = valueAt(i);
    if (!at) return;
    located.set("value", at);
    const labelCell = grid.rowCells(at.row).find((c) => typeof c.value === "string" && c.value.trim() === row.label);
    if (labelCell) located.set("name", { row: at.row, col: labelCell.col });
  });
  const table = tableColumns(snapshot, INPUT_SHEETS.rules, RULE_COLUMNS, located);
  // Stryker disable next-line ConditionalExpression: 规则设置 exists, so its table does
  if (!table) return w.result();
  const free = freeRows(table, new Set());
  for (const def of changed) {
    const value = settingValue(draft.values[def.label] ?? "");
    const i = rows.findIndex((r) => findRuleSetting(r.label)?.label === def.label);
    // Stryker disable next-line ConditionalExpression: valueAt(-1) locates nothing either
    const at = i >= 0 ? valueAt(i) : null;
    if (at) {
      w.set(table.sheet.name, at.row, at.col, value);
      continue;
    }
    const labelCol = columnOf(w, table, "name", "参数");
    const valueCol = columnOf(w, table, "value", "值");
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a missing column has already refused the plan
    if (labelCol === null || valueCol === null) continue;
    const row = free.next().value as number;
    w.set(table.sheet.name, row, labelCol, def.label);
    w.set(table.sheet.name, row, valueCol, value);
  }
  return w.result();
}

// ---------------------------------------------------------------------------------------------
// A plan applied to a snapshot, in memory

/**
 * The snapshot as it will be once the plan is applied: cell writes (value and number format), whole
 * sheets (created or replaced), sheets deleted, protection set. Lets the pane score the month it is
 * about to save before writing anything, so inputs and scores go to the workbook in one pass, and
 * show the workbook as written without reading it back first (test/workbook/drafts/input-rows.test.ts holds
 * it against the file adapter's read after the same plan).
 */
export function applyPlanToSnapshot(snapshot: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  // Each sheet's cells by position while writing (a plan of thousands of cells: no linear search each).
  type Draft = { sheet: SheetSnapshot; cells: Map<number, ReadCell> };
  // Stryker disable next-line ArithmeticOperator: any key one-to-one over rows and columns (col < 16384) does
  const key = (row: number, col: number) => row * 16384 + col;
  const draftOf = (s: SheetSnapshot): Draft => ({ sheet: s, cells: new Map(s.cells.map((c) => [key(c.row, c.col), c])) });
  const sheets: Draft[] = snapshot.sheets.map(draftOf);
  const put = (d: Draft, w: CellWrite) => {
    const { row, col } = parseA1(w.address);
    const k = key(row, col);
    const prev = d.cells.get(k);
    const cell: ReadCell = { row, col, value: w.value, numberFormat: w.numberFormat ?? prev?.numberFormat ?? "General" };
    if (w.formula !== undefined) cell.formula = w.formula;
    if (cell.value !== null || cell.formula !== undefined) d.cells.set(k, cell);
    else d.cells.delete(k);
  };
  for (const group of plan.cellWrites) {
    const d = sheets.find((x) => x.sheet.name === group.sheet);
    if (!d) throw new Error(`工作表「${group.sheet}」不存在 / no sheet "${group.sheet}"`);
    for (const w of group.writes) put(d, w);
  }
  for (const spec of plan.sheets) {
    const at = sheets.findIndex((x) => x.sheet.name === spec.name);
    const merges = spec.merges.map((range) => {
      // Stryker disable next-line StringLiteral: split always gives a first part
      const [from = "", to = from] = range.split(":");
      const a = parseA1(from);
      const b = parseA1(to);
      return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
    });
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArrayDeclaration: the index is set again from the order at the end, and cells come from the map
    const fresh: Draft = { sheet: { name: spec.name, index: at >= 0 ? at : sheets.length, cells: [], merges }, cells: new Map() };
    for (const w of spec.cells) put(fresh, w);
    if (at >= 0) sheets[at] = fresh;
    else sheets.push(fresh);
  }
  // Stryker disable next-line ArrayDeclaration: no sheet is named "Stryker was here"
  const deleted = new Set(plan.deleteSheets ?? []);
  // Stryker disable next-line ArrayDeclaration: an entry that is not a protection sets none
  const protect = new Map((plan.protectSheets ?? []).map((p) => [p.sheet, p.protect]));
  const kept = sheets.filter((d) => !deleted.has(d.sheet.name));
  return {
    sheets: kept.map((d, index) => {
      const { protected: was, ...rest } = d.sheet;
      const cells = [...d.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
      const out: SheetSnapshot = { ...rest, cells, merges: [...d.sheet.merges], index };
      if (protect.get(d.sheet.name) ?? was === true) out.protected = true;
      return out;
    }),
  };
}

/** Two plans as one (cell writes of the same sheet kept in order). */
export function mergePlans(...plans: WritePlan[]): WritePlan {
  const cellWrites: WritePlan["cellWrites"] = [];
  const sheets: SheetSpec[] = [];
  const deleteSheets: string[] = [];
  // The last plan's word on a sheet's protection wins (a run re-protects a frozen month).
  const protect = new Map<string, boolean>();
  for (const p of plans) {
    for (const g of p.cellWrites) {
      const same = cellWrites.find((x) => x.sheet === g.sheet);
      if (same) same.writes.push(...g.writes);
      else cellWrites.push({ sheet: g.sheet, writes: [...g.writes] });
    }
    sheets.push(...p.sheets);
    deleteSheets.push(...(p.deleteSheets ?? []));
    for (const x of p.protectSheets ?? []) protect.set(x.sheet, x.protect);
  }
  const merged: WritePlan = { cellWrites, sheets };
  if (deleteSheets.length > 0) merged.deleteSheets = deleteSheets;
  if (protect.size > 0) merged.protectSheets = [...protect].map(([sheet, on]) => ({ sheet, protect: on }));
  return merged;
}
