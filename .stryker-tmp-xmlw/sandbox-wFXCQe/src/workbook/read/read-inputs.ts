/**
 * Reads the input sheets of SPEC §8 (指标录入, 加减分事件, 报告提交, 付款记录, optional 规则设置)
 * into the engine's types. Sheets are found by name and columns by header name after
 * normalization (spaces, full/half width, case; a trailing (是/否) is not part of the name); column
 * order is free and extra columns are left alone. Every value that cannot be read is an error
 * naming the sheet, the cell and the indicator; all of them are collected.
 * The locator turns an engine problem's field path back into that sheet and cell.
 */
// @ts-nocheck

import {
  dec,
  emptyIndicators,
  HolidayRow,
  INDICATOR_FIELDS,
  IndicatorKey,
  IsoDate,
  MonthIndicators,
  MonthKey,
  PaymentRecord,
  Problem,
  ReportSubmission,
  ScoreEvent,
  instalmentOrdinal,
} from "../../domain";
import type { RuleSettingRow } from "../../domain/rule-settings";
import type { AgreedScore } from "../../domain/scoring";
import { readAgreedScores } from "./agreed-scores";
import { ContractSheets, readContractSheets } from "./contract-sheets";
import { gridOf, isDateFormat, serialToIso, SheetGrid } from "./grid";
import { readHolidaySheet } from "./holiday-sheet";
import { located, LocatedProblem } from "./located";
import { a1, CellRef, ReadCell, WorkbookSnapshot } from "../model";
import { looseHeader, normalizeHeader, normalizeText, parseYesNo } from "./normalize";
import { INPUT_SHEETS } from "./sheet-names";
import { bad, cellDate, cellMonth, findSheet, HEADER_SEARCH_ROWS, isBlank, ok, type Read, readText, shown } from "./cells";

export { INPUT_SHEETS };

interface ColumnSpec {
  key: string;
  header: string;
  aliases?: readonly string[];
  required: boolean;
}

const INDICATOR_ALIASES: Partial<Record<IndicatorKey, readonly string[]>> = {
  answerRank: ["来电接通率排名"],
  answer15sRank: ["15s接通率排名", "来电15s内接通率排名", "15秒内接通率排名"],
  answered15s: ["15s内接通数"],
  examSat: ["参考人数"],
  excludedBad: ["剔除差评"],
};

const MONTH_COLUMN: ColumnSpec = { key: "month", header: "考核月份", aliases: ["月份"], required: true };

const INDICATOR_COLUMNS: readonly ColumnSpec[] = [
  MONTH_COLUMN,
  ...INDICATOR_FIELDS.map((f) => ({ key: f.key, header: f.header, aliases: INDICATOR_ALIASES[f.key] ?? [], required: !f.optional })),
];

const EVENT_COLUMNS: readonly ColumnSpec[] = [
  MONTH_COLUMN,
  { key: "type", header: "类型", aliases: ["事件类型", "加减分类型", "加减分"], required: true },
  { key: "level", header: "级别", aliases: ["事件级别"], required: true },
  { key: "matterId", header: "事项编号", aliases: ["编号"], required: false },
  { key: "description", header: "事项说明", aliases: ["说明", "事项"], required: false },
  { key: "evidence", header: "佐证材料", required: true },
  { key: "verified", header: "经查属实", required: true },
  { key: "reported", header: "乙方报送", required: true },
];

const REPORT_COLUMNS: readonly ColumnSpec[] = [
  { key: "kind", header: "报告类型", required: true },
  { key: "period", header: "报告期", aliases: ["报告期间"], required: true },
  { key: "submitted", header: "提交日期", required: true },
  { key: "extensionApproved", header: "延期已获批", aliases: ["延期获批", "已获批延期"], required: false },
];

const PAYMENT_COLUMNS: readonly ColumnSpec[] = [
  { key: "number", header: "笔次", aliases: ["付款笔次"], required: true },
  { key: "invoiceDate", header: "发票日期", aliases: ["开票日期"], required: true },
  { key: "paidDate", header: "实付日期", aliases: ["付款日期", "支付日期"], required: true },
  { key: "receivedDate", header: "收票日期", aliases: ["收到发票日期", "发票签收日期"], required: false },
];

const RULE_COLUMNS: readonly ColumnSpec[] = [
  { key: "name", header: "参数", aliases: ["参数名", "项目"], required: true },
  { key: "value", header: "值", aliases: ["取值", "设置", "参数值"], required: true },
];

/** A sheet read as a table: its header row and the column of each known header. */
interface Table {
  sheet: string;
  grid: SheetGrid;
  headerRow: number;
  cols: Map<string, number>;
  specs: readonly ColumnSpec[];
  /** Data rows (1-based), blank rows left out. */
  rows: number[];
}

/**
 * Normalized header name or alias → position of the first spec that has it, per spec list (the
 * lists are this module's constants): built once instead of normalizing every name for every cell.
 */
const specIndexes = new WeakMap<readonly ColumnSpec[], Map<string, number>>();

function specIndex(specs: readonly ColumnSpec[]): Map<string, number> {
  let index = specIndexes.get(specs);
  if (!index) {
    index = new Map();
    for (const [i, spec] of specs.entries()) {
      for (const name of [spec.header, ...(spec.aliases ?? [])]) {
        const key = normalizeHeader(name);
        if (!index.has(key)) index.set(key, i);
      }
    }
    specIndexes.set(specs, index);
  }
  return index;
}

/** The first spec whose header or an alias is the text, compared strictly or loosely (looseHeader). */
function matchingSpec(specs: readonly ColumnSpec[], text: string): ColumnSpec | undefined {
  const index = specIndex(specs);
  const strict = index.get(normalizeHeader(text));
  const loose = index.get(looseHeader(text));
  const first = strict === undefined ? loose : loose === undefined ? strict : Math.min(strict, loose);
  return first === undefined ? undefined : specs[first];
}


function readTable(snapshot: WorkbookSnapshot, sheetName: string, specs: readonly ColumnSpec[], problems: LocatedProblem[]): Table | null {
  const sheet = findSheet(snapshot, sheetName);
  if (!sheet) {
    problems.push(located("error", "missing-sheet", { sheet: sheetName, cell: null, indicator: sheetName }, `工作簿中没有「${sheetName}」工作表（必需）`, `the workbook has no "${sheetName}" sheet (required)`));
    return null;
  }
  const grid = gridOf(sheet);
  // The header row is the one (among the first rows) that holds the most known headers.
  let best: { row: number; cols: Map<string, number>; count: number; duplicates: LocatedProblem[] } | null = null;
  for (const row of grid.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const cols = new Map<string, number>();
    const duplicates: LocatedProblem[] = [];
    for (const cell of grid.rowCells(row)) {
      if (typeof cell.value !== "string") continue;
      const text = cell.value;
      const spec = matchingSpec(specs, text);
      if (!spec) continue;
      if (cols.has(spec.key)) {
        duplicates.push(located("error", "duplicate-column", { sheet: sheet.name, cell: a1(row, cell.col), indicator: spec.header }, `工作表「${sheet.name}」有两列都是「${spec.header}」（${a1(row, cols.get(spec.key) ?? 0)} 与 ${a1(row, cell.col)}）`, `sheet "${sheet.name}" has two "${spec.header}" columns (${a1(row, cols.get(spec.key) ?? 0)} and ${a1(row, cell.col)})`));
        continue;
      }
      cols.set(spec.key, cell.col);
    }
    if (cols.size > 0 && (!best || cols.size > best.count)) best = { row, cols, count: cols.size, duplicates };
  }
  if (!best) {
    problems.push(located("error", "no-header", { sheet: sheet.name, cell: null, indicator: specs.map((s) => s.header).join("、") }, `工作表「${sheet.name}」找不到表头行（应有：${specs.filter((s) => s.required).map((s) => s.header).join("、")}）`, `sheet "${sheet.name}" has no header row (expected: ${specs.filter((s) => s.required).map((s) => s.header).join(", ")})`));
    return null;
  }
  problems.push(...best.duplicates);
  for (const spec of specs) {
    if (spec.required && !best.cols.has(spec.key)) {
      problems.push(located("error", "missing-column", { sheet: sheet.name, cell: null, indicator: spec.header }, `工作表「${sheet.name}」的表头（第 ${best.row} 行）缺少「${spec.header}」列`, `sheet "${sheet.name}": the header (row ${best.row}) has no "${spec.header}" column`));
    }
  }
  const known = [...best.cols.values()];
  const headerRow = best.row;
  const rows = grid.rows.filter((r) => r > headerRow && known.some((c) => !isBlank(grid.value(r, c))));
  // A missing required column is already an error; the columns that are there are still read
  // so that every other problem is reported in the same run.
  return { sheet: sheet.name, grid, headerRow, cols: best.cols, specs, rows };
}


/** A count or rank: a number, or text holding one ("1,000", "９"). Blank → null. */
function readNumber(cell: ReadCell | undefined, header: string): Read<number | null> {
  const v = cell?.value ?? null;
  if (isBlank(v)) return ok(null);
  if (typeof v === "number") return ok(v);
  if (typeof v === "string") {
    const t = normalizeText(v).replace(/,/g, "");
    if (/^[-+]?\d+(\.\d+)?$/.test(t)) return ok(Number(t));
  }
  return bad(`「${header}」应为数字，实为「${shown(v)}」`, `"${header}" must be a number, got "${shown(v)}"`);
}

function readYesNo(cell: ReadCell | undefined, header: string): Read<boolean | null> {
  const v = cell?.value ?? null;
  const r = parseYesNo(v);
  if (r === undefined) return bad(`「${header}」应为 是/否（或 有/无、Y/N、√/×），实为「${shown(v)}」`, `"${header}" must be yes/no (是/否, 有/无, Y/N, √/×), got "${shown(v)}"`);
  return ok(r);
}

/** A date: a real Excel date, a serial, or text ("2025-10-13", "2025年10月13日", "20251013"). */
function readDate(cell: ReadCell | undefined, header: string): Read<IsoDate | null> {
  const d = cellDate(cell);
  if (d !== undefined) return ok(d);
  const v = shown(cell?.value);
  return bad(`「${header}」应为日期（如 2025-10-13），实为「${v}」`, `"${header}" must be a date (e.g. 2025-10-13), got "${v}"`);
}

/** A month: "2025-03", "2025年3月", a real date, 202503. "2025.1" typed as a number is ambiguous (January or October). */
function readMonth(cell: ReadCell | undefined, header: string): Read<MonthKey | null> {
  const m = cellMonth(cell);
  const v = shown(cell?.value);
  if (m === "ambiguous")
    return bad(`「${header}」为数字 ${v}，无法判断是哪个月（2025.1 可能是 1 月也可能是 10 月）；请写成文本 2025-10 或 2025年10月`, `"${header}" is the number ${v}, which could be January or October; type it as text 2025-10 or 2025年10月`);
  if (m !== undefined) return ok(m);
  return bad(`「${header}」应为月份（如 2025-03 或 2025年3月），实为「${v}」`, `"${header}" must be a month (e.g. 2025-03 or 2025年3月), got "${v}"`);
}


export interface InputLocator {
  /** Sheet, cell and indicator of an engine problem's field path; null when the path is not an input. */
  locate(problem: Pick<Problem, "field" | "month">): CellRef | null;
}

export interface WorkbookInputs {
  indicators: MonthIndicators[];
  events: ScoreEvent[];
  reports: ReportSubmission[];
  payments: PaymentRecord[];
  /** The 规则设置 rows (参数, 值); null when the workbook has no such sheet (contract defaults). */
  ruleSettings: RuleSettingRow[] | null;
  /** The 节假日安排 rows (SPEC §9); null when the workbook has no such sheet (the library's calendar). */
  holidays: HolidayRow[] | null;
  /** 合同信息 and 付款条款 (SPEC §9): the contract they give (null = the seed), their problems are in `problems`. */
  contract: ContractSheets;
  /** The 约定调整 rows (A11: item scores both parties agreed); [] when the workbook has no such sheet. */
  agreedScores: AgreedScore[];
  /** Problems found while reading (errors and warnings), located. */
  problems: LocatedProblem[];
  locator: InputLocator;
  /** "sheet!A1" of every cell whose value could not be read: the engine's "blank" for it is not reported twice. */
  unreadable: Set<string>;
}

/** Per engine array, the sheet row of each entry and the table it came from. */
interface Origin {
  table: Table | null;
  rows: number[];
}

export function readInputs(snapshot: WorkbookSnapshot): WorkbookInputs {
  const problems: LocatedProblem[] = [];
  const unreadable = new Set<string>();
  const error = (table: Table, row: number, key: string, r: { zh: string; en: string }, month?: string) => {
    const spec = table.specs.find((s) => s.key === key);
    const col = table.cols.get(key) ?? 0;
    const cell = a1(row, col);
    unreadable.add(`${table.sheet}!${cell}`);
    problems.push(located("error", "bad-value", { sheet: table.sheet, cell, indicator: spec?.header ?? key }, r.zh, r.en, month));
  };
  const cellOf = (table: Table, row: number, key: string): ReadCell | undefined => {
    const col = table.cols.get(key);
    return col === undefined ? undefined : table.grid.cell(row, col);
  };
  const header = (table: Table, key: string) => table.specs.find((s) => s.key === key)?.header ?? key;
  /** Reads `key` of a row with `reader`; on failure records the error and returns `fallback`. */
  const field = <T>(table: Table, row: number, key: string, reader: (c: ReadCell | undefined, h: string) => Read<T>, fallback: T, month?: string): T => {
    if (!table.cols.has(key)) return fallback;
    const r = reader(cellOf(table, row, key), header(table, key));
    if (r.ok) return r.value;
    error(table, row, key, r, month);
    return fallback;
  };

  // 指标录入
  const indTable = readTable(snapshot, INPUT_SHEETS.indicators, INDICATOR_COLUMNS, problems);
  const indicators: MonthIndicators[] = [];
  const indOrigin: Origin = { table: indTable, rows: [] };
  if (indTable) {
    for (const row of indTable.rows) {
      const month = field(indTable, row, "month", readMonth, undefined as MonthKey | null | undefined);
      if (month === undefined) continue;
      if (month === null) {
        error(indTable, row, "month", { zh: `第 ${row} 行已填数据，但「考核月份」未填写`, en: `row ${row} has data but no month` });
        continue;
      }
      // A month with nothing entered yet (the template prefills 考核月份) is not scored, not an error.
      if (INDICATOR_FIELDS.every((f) => isBlank(cellOf(indTable, row, f.key)?.value ?? null))) continue;
      const ind = emptyIndicators(month) as unknown as Record<string, unknown>;
      for (const f of INDICATOR_FIELDS) {
        ind[f.key] = f.kind === "yesno" ? field(indTable, row, f.key, readYesNo, null, month) : field(indTable, row, f.key, readNumber, null, month);
      }
      indicators.push(ind as unknown as MonthIndicators);
      indOrigin.rows.push(row);
    }
  }

  // 加减分事件
  const evTable = readTable(snapshot, INPUT_SHEETS.events, EVENT_COLUMNS, problems);
  const events: ScoreEvent[] = [];
  const evOrigin: Origin = { table: evTable, rows: [] };
  if (evTable) {
    for (const row of evTable.rows) {
      if (EVENT_COLUMNS.every((c) => c.key === "month" || isBlank(cellOf(evTable, row, c.key)?.value ?? null))) continue;
      const month = field(evTable, row, "month", readMonth, undefined as MonthKey | null | undefined);
      const typeCell = cellOf(evTable, row, "type");
      const typeText = normalizeText(readText(typeCell));
      const type = ["加分", "加", "加分项", "+", "bonus", "表扬"].includes(typeText) ? "bonus" : ["扣分", "扣", "扣分项", "-", "−", "penalty", "批评"].includes(typeText) ? "penalty" : null;
      if (type === null && evTable.cols.has("type")) error(evTable, row, "type", { zh: `「类型」应为 加分/扣分，实为「${readText(typeCell)}」`, en: `"类型" must be 加分 (bonus) or 扣分 (penalty), got "${readText(typeCell)}"` }, month ?? undefined);
      if (month === null) error(evTable, row, "month", { zh: `加减分事件第 ${row} 行未填「考核月份」`, en: `event on row ${row} has no month` });
      const evidence = field(evTable, row, "evidence", readYesNo, null, month ?? undefined);
      const verified = field(evTable, row, "verified", readYesNo, null, month ?? undefined);
      const reported = field(evTable, row, "reported", readYesNo, null, month ?? undefined);
      if (month === undefined || month === null || type === null) continue;
      events.push({
        month,
        type,
        level: readText(cellOf(evTable, row, "level")),
        matterId: readText(cellOf(evTable, row, "matterId")),
        description: readText(cellOf(evTable, row, "description")),
        evidence,
        verified,
        reported,
      });
      evOrigin.rows.push(row);
    }
  }

  // 报告提交
  const repTable = readTable(snapshot, INPUT_SHEETS.reports, REPORT_COLUMNS, problems);
  const reports: ReportSubmission[] = [];
  const repOrigin: Origin = { table: repTable, rows: [] };
  if (repTable) {
    for (const row of repTable.rows) {
      const periodCell = cellOf(repTable, row, "period");
      const pv = periodCell?.value ?? null;
      let period: string | null = null;
      if (typeof pv === "number") {
        if (isDateFormat(periodCell?.numberFormat)) period = serialToIso(pv)?.slice(0, 7) ?? null;
        else if (Number.isInteger(pv)) period = String(pv);
        if (period === null) error(repTable, row, "period", { zh: `「报告期」为数字 ${pv}，无法判断是哪个月；请写成文本（2025-09、2025Q3 或 2025）`, en: `"报告期" is the number ${pv}; type it as text (2025-09, 2025Q3 or 2025)` });
      } else period = readText(periodCell);
      const submitted = field(repTable, row, "submitted", readDate, null);
      const extensionApproved = field(repTable, row, "extensionApproved", readYesNo, null);
      if (period === null) continue;
      reports.push({ kind: readText(cellOf(repTable, row, "kind")), period, submitted, extensionApproved });
      repOrigin.rows.push(row);
    }
  }

  // 付款记录
  const payTable = readTable(snapshot, INPUT_SHEETS.payments, PAYMENT_COLUMNS, problems);
  const payments: PaymentRecord[] = [];
  const payOrigin: Origin = { table: payTable, rows: [] };
  if (payTable) {
    for (const row of payTable.rows) {
      const numberCell = cellOf(payTable, row, "number");
      const nv = numberCell?.value ?? null;
      let number: number | null = null;
      if (typeof nv === "number" && Number.isInteger(nv) && nv >= 1) number = nv;
      else if (typeof nv === "string") number = instalmentOrdinal(normalizeText(nv));
      if (number === null && payTable.cols.has("number")) error(payTable, row, "number", { zh: `「笔次」应为付款条款中的笔次，如 1、2、3（或「第2笔」），实为「${shown(nv)}」`, en: `"笔次" must be an instalment number of 付款条款, e.g. 1, 2, 3 (or 第2笔), got "${shown(nv)}"` });
      const invoiceDate = field(payTable, row, "invoiceDate", readDate, null);
      const paidDate = field(payTable, row, "paidDate", readDate, null);
      const receivedDate = field(payTable, row, "receivedDate", readDate, null);
      if (number === null) continue;
      payments.push(receivedDate === null ? { number, invoiceDate, paidDate } : { number, invoiceDate, paidDate, receivedDate });
      payOrigin.rows.push(row);
    }
  }

  // 规则设置 (optional)
  const rules = readRuleRows(snapshot, problems);

  // 合同信息 and 付款条款 (optional, SPEC §9; checked against 规则设置's 合同总额)
  const contract = readContractSheets(snapshot, rules);
  problems.push(...contract.problems);

  // 约定调整 (optional, A11)
  const agreed = readAgreedScores(snapshot);
  problems.push(...agreed.problems);
  for (const at of agreed.unreadable) unreadable.add(at);

  // 节假日安排 (optional)
  const holidaySheet = readHolidaySheet(snapshot);
  problems.push(...holidaySheet.problems);
  for (const at of holidaySheet.unreadable) unreadable.add(at);

  const origins: Record<string, Origin> = { indicators: indOrigin, events: evOrigin, reports: repOrigin, payments: payOrigin };
  const refAt = (table: Table, row: number | null, key: string): CellRef => {
    const col = table.cols.get(key);
    return { sheet: table.sheet, cell: row !== null && col !== undefined ? a1(row, col) : null, indicator: header(table, key) };
  };
  const indicatorKeys = new Set<string>(INDICATOR_FIELDS.map((f) => f.key));
  // Month → its first entry in `indicators` (what findIndex would give), made on the first lookup:
  // a season has a few warnings for every month.
  let entryOfMonth: Map<MonthKey, number> | null = null;
  const entryOf = (month: MonthKey): number => {
    if (!entryOfMonth) {
      entryOfMonth = new Map();
      for (const [i, x] of indicators.entries()) if (!entryOfMonth.has(x.month)) entryOfMonth.set(x.month, i);
    }
    return entryOfMonth.get(month) ?? -1;
  };
  const locator: InputLocator = {
    locate({ field: path, month }) {
      const indexed = /^(indicators|events|reports|payments)\[(\d+)\]\.(\w+)$/.exec(path);
      if (indexed) {
        const origin = origins[indexed[1] ?? ""];
        const row = origin?.rows[Number(indexed[2])];
        if (!origin?.table || row === undefined) return null;
        return refAt(origin.table, row, indexed[3] ?? "");
      }
      if ((indicatorKeys.has(path) || path === "month") && indTable) {
        const i = month === undefined ? -1 : entryOf(month);
        return refAt(indTable, i >= 0 ? (indOrigin.rows[i] ?? null) : null, path);
      }
      if (path === "reports" && repTable) return { sheet: repTable.sheet, cell: null, indicator: "报告提交" };
      if (path === "events" && evTable) return { sheet: evTable.sheet, cell: null, indicator: "加减分事件" };
      const instalment = /^instalment\.(\d+)$/.exec(path);
      if (instalment && payTable) {
        const i = payments.findIndex((p) => p.number === Number(instalment[1]));
        return refAt(payTable, i >= 0 ? (payOrigin.rows[i] ?? null) : null, "number");
      }
      const setting = /^ruleSettings\[(\d+)\]$/.exec(path);
      if (setting) {
        const at = rules.cells[Number(setting[1])];
        return at ? at.value : null;
      }
      if (path === "holidays" || path.startsWith("holidays[")) return holidaySheet.locate(path);
      if (path.startsWith("agreedScores[")) return agreed.locate(path);
      if (path.startsWith("rules.")) return { sheet: rules.sheet ?? INPUT_SHEETS.rules, cell: null, indicator: path.slice("rules.".length) };
      return null;
    },
  };

  return {
    indicators,
    events,
    reports,
    payments,
    ruleSettings: rules.rows,
    holidays: holidaySheet.rows,
    agreedScores: agreed.rows,
    contract,
    problems,
    locator,
    unreadable,
  };
}

// ---------------------------------------------------------------------------------------------
// 规则设置: two columns 参数 | 值 (SPEC §8), read by the engine's rulesFromSettings. Absent = defaults.

function readRuleRows(snapshot: WorkbookSnapshot, problems: LocatedProblem[]): { rows: RuleSettingRow[] | null; cells: { label: CellRef; value: CellRef }[]; sheet: string | null } {
  if (!findSheet(snapshot, INPUT_SHEETS.rules)) return { rows: null, cells: [], sheet: null };
  const table = readTable(snapshot, INPUT_SHEETS.rules, RULE_COLUMNS, problems);
  const nameCol = table?.cols.get("name");
  const valueCol = table?.cols.get("value");
  if (!table || nameCol === undefined || valueCol === undefined) return { rows: [], cells: [], sheet: table?.sheet ?? INPUT_SHEETS.rules };
  const rows: RuleSettingRow[] = [];
  const cells: { label: CellRef; value: CellRef }[] = [];
  for (const row of table.rows) {
    const label = readText(table.grid.cell(row, nameCol));
    if (label === "") continue;
    const cell = table.grid.cell(row, valueCol);
    const raw = cell?.value ?? null;
    // A cell formatted as a percentage holds 0.005 for "0.5%": give the engine the text the clerk sees.
    const value = typeof raw === "number" && (cell?.numberFormat ?? "").includes("%") ? `${dec(raw).times(100).toString()}%` : raw;
    rows.push({ label, value });
    cells.push({ label: { sheet: table.sheet, cell: a1(row, nameCol), indicator: label }, value: { sheet: table.sheet, cell: a1(row, valueCol), indicator: label } });
  }
  return { rows, cells, sheet: table.sheet };
}
