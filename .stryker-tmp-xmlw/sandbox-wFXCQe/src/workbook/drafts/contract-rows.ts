/**
 * The pane's 合同与日历 editor without React (SPEC §9): 合同信息 (参数 | 值), 付款条款 (one row per
 * instalment) and 节假日安排 (日期 | 类型 休/班 | 说明), loaded into a draft of strings as typed,
 * checked by the readers themselves, and planned back into the sheets.
 *
 * Checking: the draft is written into three small synthetic sheets with the canonical headers and
 * read back by readContractSheets (every check §9 lists: real dates, 比例 as 40% / 0.4 and a bare 40
 * refused, shares adding up to 100%, periods inside the scored months and not overlapping, 起 ≤ 止,
 * 合同期起 < 合同期止, 合同总额 agreeing with 规则设置's) and by readHolidaySheet plus the engine's
 * calendarWithOverrides (a date or 类型 that cannot be read, a day given twice; warnings where a row
 * disagrees with the library's calendar). Each problem comes back at its field: "info.total",
 * "terms.1.share" (the second row), "holidays.0.date", or a section ("terms") when it has no cell.
 *
 * Planning: nothing is written while the draft has an error. A section whose sheet exists gets only
 * its changed cells (a new row at the first empty row, a removed row's known cells blanked; other
 * columns, notes and formatting left alone); a changed section whose sheet is absent is created
 * whole, as the template makes it. A cell changed in the workbook since the draft was loaded is not
 * written over: the plan is refused naming the cell.
 */
// @ts-nocheck

import { calendarWithOverrides, dec, defaultRules, parseHolidayKind, type RuleSet } from "../../domain";
import type { RuleSettingRow } from "../../domain/rule-settings";
import { cellDate, cellMonth, findSheet, isBlank, shown } from "../read/cells";
import { CONTRACT_INFO_PARAMS, PAYMENT_TERMS_COLUMNS, readContractSheets, type ContractTerms } from "../read/contract-sheets";
import { isoToSerial } from "../read/grid";
import { HOLIDAY_HEADERS, readHolidaySheet } from "../read/holiday-sheet";
import { looseHeader, normalizeHeader } from "../read/normalize";
import { INPUT_SHEETS } from "../read/sheet-names";
import { a1, parseA1, type CellWrite, type ReadCell, type SheetSpec, type WorkbookSnapshot } from "../model";
import { buildHolidaySheet } from "../sheets/holiday-sheet";
import { buildContractInfoSheet, buildPaymentTermsSheet } from "../sheets/template";
import { findTable, freeRows, TableWrites, type FoundTable, type PlanResult } from "./payment-rows";

export type InfoKey = (typeof CONTRACT_INFO_PARAMS)[number]["key"];
export const INFO_KEYS: readonly InfoKey[] = CONTRACT_INFO_PARAMS.map((p) => p.key);
export const TERMS_KEYS = ["number", "share", "from", "to", "notBefore", "days", "condition"] as const;
export type TermsKey = (typeof TERMS_KEYS)[number];
export const HOLIDAY_KEYS = ["date", "kind", "note"] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

export type TermsRowDraft = Record<TermsKey, string> & { row: number | null };
export type HolidayRowDraft = Record<HolidayKey, string> & { row: number | null };

export interface ContractDraft {
  info: Record<InfoKey, string>;
  terms: TermsRowDraft[];
  holidays: HolidayRowDraft[];
  /** As loaded: a save writes only what differs. */
  origin: { info: Record<InfoKey, string>; terms: TermsRowDraft[]; holidays: HolidayRowDraft[] };
  /** Which sheets the workbook has (an absent one shows the contract in force, or no holiday rows). */
  present: { info: boolean; terms: boolean; holidays: boolean };
}

export interface ContractProblem {
  severity: "error" | "warning";
  code: string;
  message: string;
  messageEn: string;
  /** "info.total", "terms.1.share", "holidays.0.date", or a section: "info", "terms", "holidays". */
  target: string;
}

const DATE_FORMAT = "yyyy-mm-dd";
const TEXT_FORMAT = "@";
const INFO_HEADERS = ["参数", "值"] as const;
const HOLIDAY_COLUMNS = [
  { key: "date", header: "日期", aliases: ["date", "日子"] },
  { key: "kind", header: "类型", aliases: ["休/班", "安排", "放假/上班", "休息/上班", "type"] },
  { key: "note", header: "说明", aliases: ["备注", "节日", "名称", "节假日", "note"] },
] as const;
const INFO_COLUMNS = [
  { key: "name", header: "参数", aliases: ["参数名", "项目"] },
  { key: "value", header: "值", aliases: ["取值", "内容", "参数值"] },
] as const;

// ---------------------------------------------------------------------------------------------
// Texts of cells as the pane shows them

const dateText = (cell: ReadCell | undefined): string => {
  const d = cellDate(cell);
  return typeof d === "string" ? d : shown(cell?.value).trim();
};
const monthText = (cell: ReadCell | undefined): string => {
  const m = cellMonth(cell);
  return typeof m === "string" && m !== "ambiguous" ? m : shown(cell?.value).trim();
};
const plainText = (cell: ReadCell | undefined): string => shown(cell?.value).trim();
/** 比例 as it reads: a % cell as "40%", anything else as typed (0.4 stays "0.4", 40 stays "40" to be refused). */
const shareText = (cell: ReadCell | undefined): string => {
  const v = cell?.value;
  // Stryker disable next-line OptionalChaining,StringLiteral: the cell of a number is there, and every cell read has a number format
  if (typeof v === "number" && (cell?.numberFormat ?? "").includes("%")) return `${Number((v * 100).toPrecision(12))}%`;
  return plainText(cell);
};

function percentOf(share: string): string {
  return `${Number((Number(share) * 100).toPrecision(12))}%`;
}

/** The contract's terms as the pane shows them when the sheets are absent (the contract in force). */
function infoTexts(c: ContractTerms): Record<InfoKey, string> {
  return {
    title: c.title,
    partyA: c.partyA,
    partyB: c.partyB,
    termStart: c.termStart,
    termEnd: c.termEnd,
    total: dec(c.total).toString(),
    firstMonth: c.firstMonth,
    lastMonth: c.lastMonth,
    quarterlyFee: c.quarterlyFee === null ? "" : dec(c.quarterlyFee).toString(),
  };
}

function termsTexts(c: ContractTerms): TermsRowDraft[] {
  return c.instalments.map((t) => ({
    row: null,
    number: String(t.number),
    share: percentOf(t.share),
    from: t.months?.from ?? "",
    to: t.months?.to ?? "",
    notBefore: t.invoiceNotBefore ?? "",
    days: String(t.dueWorkingDays),
    condition: t.condition,
  }));
}

const norm = (s: string) => [normalizeHeader(s), looseHeader(s)];

/** 合同信息's rows: parameter key → its row (and where the values are). */
function infoTable(snapshot: WorkbookSnapshot): { table: FoundTable; rows: Map<InfoKey, number> } | null {
  const table = findTable(snapshot, INPUT_SHEETS.contract, INFO_COLUMNS);
  const nameCol = table?.cols.get("name");
  if (!table || nameCol === undefined || !table.cols.has("value")) return null;
  const rows = new Map<InfoKey, number>();
  for (const r of table.grid.rows) {
    // Stryker disable next-line EqualityOperator: the header row's 参数 cell names no parameter
    if (r <= table.headerRow) continue;
    const label = plainText(table.grid.cell(r, nameCol));
    // Stryker disable next-line ConditionalExpression,StringLiteral: an empty label matches no parameter either
    if (label === "") continue;
    const [strict, loose] = norm(label);
    const p =
      // Stryker disable next-line ArrowFunction,MethodExpression,ArrayDeclaration,ConditionalExpression: every name with a trailing bracket has its bare form in the same list, so the loose pass finds the same parameter
      CONTRACT_INFO_PARAMS.find((x) => [x.label, ...x.aliases].some((n) => normalizeHeader(n) === strict)) ??
      // Stryker disable next-line LogicalOperator,ConditionalExpression: likewise: a name's loose form is another name of the same parameter
      CONTRACT_INFO_PARAMS.find((x) => [x.label, ...x.aliases].some((n) => normalizeHeader(n) === loose || looseHeader(n) === loose));
    if (p && !rows.has(p.key)) rows.set(p.key, r);
  }
  return { table, rows };
}

const termsTable = (snapshot: WorkbookSnapshot) => findTable(snapshot, INPUT_SHEETS.paymentTerms, PAYMENT_TERMS_COLUMNS);
const holidayTable = (snapshot: WorkbookSnapshot) => findTable(snapshot, INPUT_SHEETS.holidays, HOLIDAY_COLUMNS);

/** Data rows of a table: below the header, with a known column filled. */
function dataRows(t: FoundTable): number[] {
  const cols = [...t.cols.values()];
  return t.grid.rows.filter((r) => r > t.headerRow && cols.some((c) => !isBlank(t.grid.value(r, c))));
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * The draft from the workbook: each sheet as it is, or, when absent, the contract in force
 * (`rules.contract`, the seed unless the sheets give another) and no holiday rows.
 */
export function loadContractDraft(snapshot: WorkbookSnapshot, rules: RuleSet = defaultRules()): ContractDraft {
  const contract = rules.contract;
  const info = infoTexts(contract);
  const it = infoTable(snapshot);
  if (it) {
    const valueCol = it.table.cols.get("value") as number;
    for (const p of CONTRACT_INFO_PARAMS) {
      const row = it.rows.get(p.key);
      // Stryker disable next-line ConditionalExpression: grid.cell(undefined, col) is undefined too
      const cell = row === undefined ? undefined : it.table.grid.cell(row, valueCol);
      info[p.key] = p.kind === "date" ? dateText(cell) : p.kind === "month" ? monthText(cell) : plainText(cell);
    }
  }
  const tt = termsTable(snapshot);
  const terms: TermsRowDraft[] = tt
    ? dataRows(tt).map((row) => {
        const cell = (k: TermsKey) => {
          const c = tt.cols.get(k);
          // Stryker disable next-line ConditionalExpression: grid.cell(row, undefined) is undefined too
          return c === undefined ? undefined : tt.grid.cell(row, c);
        };
        return {
          row,
          number: plainText(cell("number")),
          share: shareText(cell("share")),
          from: monthText(cell("from")),
          to: monthText(cell("to")),
          notBefore: dateText(cell("notBefore")),
          days: plainText(cell("days")),
          condition: plainText(cell("condition")),
        };
      })
    : termsTexts(contract);
  const ht = holidayTable(snapshot);
  const holidays: HolidayRowDraft[] = ht
    ? dataRows(ht)
        .map((row) => {
          const cell = (k: HolidayKey) => {
            const c = ht.cols.get(k);
            // Stryker disable next-line ConditionalExpression: grid.cell(row, undefined) is undefined too
            return c === undefined ? undefined : ht.grid.cell(row, c);
          };
          return { row, date: dateText(cell("date")), kind: plainText(cell("kind")), note: plainText(cell("note")) };
        })
        // a row with only a 说明 is a remark (the reader skips it too)
        .filter((h) => h.date !== "" || h.kind !== "")
    : [];
  return {
    info,
    terms,
    holidays,
    origin: { info: { ...info }, terms: clone(terms), holidays: clone(holidays) },
    present: {
      // Stryker disable next-line ConditionalExpression: a table is only found in a sheet that exists
      info: it !== null || findSheet(snapshot, INPUT_SHEETS.contract) !== null,
      // Stryker disable next-line ConditionalExpression: a table is only found in a sheet that exists
      terms: tt !== null || findSheet(snapshot, INPUT_SHEETS.paymentTerms) !== null,
      holidays: findSheet(snapshot, INPUT_SHEETS.holidays) !== null,
    },
  };
}

// Stryker disable next-line MethodExpression: the origin comes from loadContractDraft, trimmed
const infoChanged = (d: ContractDraft) => INFO_KEYS.filter((k) => d.info[k].trim() !== d.origin.info[k].trim());
const rowText = <T extends { row: number | null }>(r: T, keys: readonly (keyof T)[]) => JSON.stringify(keys.map((k) => String(r[k]).trim()));
const rowsChanged = <T extends { row: number | null }>(rows: T[], origin: T[], keys: readonly (keyof T)[]) =>
  // Stryker disable next-line OptionalChaining: rows and origin have the same length once the first test passes
  rows.length !== origin.length || rows.some((r, i) => r.row !== origin[i]?.row || rowText(r, keys) !== rowText(origin[i] as T, keys));

/** Which sections differ from what was loaded. */
export function contractDraftChanges(d: ContractDraft): { info: boolean; terms: boolean; holidays: boolean } {
  return { info: infoChanged(d).length > 0, terms: rowsChanged(d.terms, d.origin.terms, TERMS_KEYS), holidays: rowsChanged(d.holidays, d.origin.holidays, HOLIDAY_KEYS) };
}

export function contractDraftChanged(d: ContractDraft): boolean {
  const c = contractDraftChanges(d);
  return c.info || c.terms || c.holidays;
}

/** A new 付款条款 row: the next 笔次, the rest to fill. */
export function newTermsRow(d: ContractDraft): TermsRowDraft {
  const next = Math.max(0, ...d.terms.map((t) => Number(t.number)).filter(Number.isFinite)) + 1;
  return { row: null, number: String(next), share: "", from: "", to: "", notBefore: "", days: "30", condition: "" };
}

export function newHolidayRow(): HolidayRowDraft {
  return { row: null, date: "", kind: "休", note: "" };
}

// ---------------------------------------------------------------------------------------------
// Checking

// Stryker disable next-line StringLiteral,ArrayDeclaration,ConditionalExpression,MethodExpression: the readers trim every cell and skip blank ones; these synthetic cells hold text, whose format is not read
const cellOf = (row: number, col: number, value: string): ReadCell[] => (value.trim() === "" ? [] : [{ row, col, value: value.trim(), numberFormat: "General" }]);

/** The draft as three small sheets with the canonical headers: row r + 2 holds draft row r. */
function draftSnapshot(d: ContractDraft): WorkbookSnapshot {
  // Stryker disable next-line StringLiteral: synthetic cells hold text, whose format is not read
  const info: ReadCell[] = INFO_HEADERS.map((h, i) => ({ row: 1, col: i + 1, value: h, numberFormat: "General" }));
  CONTRACT_INFO_PARAMS.forEach((p, i) => {
    // Stryker disable next-line StringLiteral: synthetic cells hold text, whose format is not read
    info.push({ row: i + 2, col: 1, value: p.label, numberFormat: "General" });
    info.push(...cellOf(i + 2, 2, d.info[p.key]));
  });
  // Stryker disable next-line StringLiteral: synthetic cells hold text, whose format is not read
  const terms: ReadCell[] = PAYMENT_TERMS_COLUMNS.map((c, i) => ({ row: 1, col: i + 1, value: c.header, numberFormat: "General" }));
  d.terms.forEach((t, r) => TERMS_KEYS.forEach((k, c) => terms.push(...cellOf(r + 2, c + 1, t[k]))));
  // Stryker disable next-line StringLiteral: synthetic cells hold text, whose format is not read
  const holidays: ReadCell[] = HOLIDAY_HEADERS.map((h, i) => ({ row: 1, col: i + 1, value: h, numberFormat: "General" }));
  d.holidays.forEach((h, r) => HOLIDAY_KEYS.forEach((k, c) => holidays.push(...cellOf(r + 2, c + 1, h[k]))));
  return {
    sheets: [
      // Stryker disable next-line ArrayDeclaration: an entry that is not a range merges no cell
      { name: INPUT_SHEETS.contract, index: 0, cells: info, merges: [] },
      // Stryker disable next-line ArrayDeclaration: an entry that is not a range merges no cell
      { name: INPUT_SHEETS.paymentTerms, index: 1, cells: terms, merges: [] },
      // Stryker disable next-line ArrayDeclaration: an entry that is not a range merges no cell
      { name: INPUT_SHEETS.holidays, index: 2, cells: holidays, merges: [] },
    ],
  };
}

/** Synthetic sheet + cell → the draft's field. */
function targetOf(sheet: string | null, cell: string | null): string {
  if (sheet === INPUT_SHEETS.contract) {
    if (cell === null) return "info";
    const p = CONTRACT_INFO_PARAMS[parseA1(cell).row - 2];
    return p ? `info.${p.key}` : "info";
  }
  if (sheet === INPUT_SHEETS.paymentTerms) {
    if (cell === null) return "terms";
    const { row, col } = parseA1(cell);
    const key = TERMS_KEYS[col - 1];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: no problem of the synthetic sheet is on its header row, and every column there has a key
    return row >= 2 && key ? `terms.${row - 2}.${key}` : "terms";
  }
  if (cell === null) return "holidays";
  const { row, col } = parseA1(cell);
  const key = HOLIDAY_KEYS[col - 1];
  // Stryker disable next-line ConditionalExpression,LogicalOperator: no problem of the synthetic sheet is on its header row, and every column there has a key
  return row >= 2 && key ? `holidays.${row - 2}.${key}` : "holidays";
}

export interface ContractCheck {
  problems: ContractProblem[];
  /** The contract the draft gives (null while it has an error). */
  contract: ContractTerms | null;
}

/**
 * Every problem of the draft, as the readers and the engine find them. `ruleRows`: 规则设置 as the
 * workbook has it (its 合同总额 must agree with 合同信息's).
 */
export function checkContractDraft(d: ContractDraft, ruleRows: readonly RuleSettingRow[] | null = null, base: ContractTerms = defaultRules().contract): ContractCheck {
  const syn = draftSnapshot(d);
  // Stryker disable next-line ArrayDeclaration: the cells only place a 规则设置 total in a message; an entry without .value places none, as an absent one
  const read = readContractSheets(syn, { rows: ruleRows, cells: [] });
  const located = (p: { severity: "error" | "warning"; code: string; message: string; messageEn: string; sheet: string | null; cell: string | null }): ContractProblem => ({
    severity: p.severity,
    code: p.code,
    message: p.message,
    messageEn: p.messageEn,
    target: targetOf(p.sheet, p.cell),
  });
  const problems: ContractProblem[] = read.problems.map(located);
  // The reader stops at an error of 合同信息; 付款条款 is then checked with those values as in force.
  // Stryker disable next-line ConditionalExpression: the readers give 合同信息 no warnings
  const badInfo = new Set(problems.filter((p) => p.severity === "error" && p.target.startsWith("info")).map((p) => p.target.slice("info.".length)));
  if (badInfo.size > 0) {
    const fallback = infoTexts(base);
    const info = { ...d.info };
    // Stryker disable next-line StringLiteral: no 合同信息 problem of the synthetic sheet is without its cell
    for (const k of INFO_KEYS) if (badInfo.has(k) || badInfo.has("")) info[k] = fallback[k];
    // Stryker disable next-line ObjectLiteral,ArrayDeclaration: 规则设置 only bears on 合同信息's problems, which the second pass drops
    const again = readContractSheets(draftSnapshot({ ...d, info }), { rows: ruleRows, cells: [] });
    problems.push(...again.problems.map(located).filter((p) => p.target.startsWith("terms")));
  }
  const hs = readHolidaySheet(syn);
  problems.push(...hs.problems.map(located));
  if (hs.rows && hs.problems.length === 0) {
    const cal = calendarWithOverrides(hs.rows);
    for (const p of cal.ok ? cal.warnings : [...cal.errors, ...cal.warnings]) {
      const at = hs.locate(p.field);
      problems.push({ severity: p.severity, code: p.code, message: p.message, messageEn: p.messageEn, target: targetOf(INPUT_SHEETS.holidays, at?.cell ?? null) });
    }
  }
  // Stryker disable next-line MethodExpression,ArrowFunction,ConditionalExpression,StringLiteral,UnaryOperator: the problems already come errors first (the readers give errors only, the calendar's warnings come last)
  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return { problems, contract: problems.some((p) => p.severity === "error") ? null : read.contract };
}

// ---------------------------------------------------------------------------------------------
// Planning

type Value = Pick<CellWrite, "value" | "numberFormat">;

function dateValue(text: string): Value {
  // Stryker disable next-line MethodExpression: parseDate drops spaces
  const t = text.trim();
  if (t === "") return { value: null };
  // Stryker disable next-line StringLiteral: a text cell's format is not read
  const iso = cellDate({ row: 1, col: 1, value: t, numberFormat: "General" });
  // Stryker disable next-line ConditionalExpression,ObjectLiteral: the check has refused a date it cannot read
  return typeof iso === "string" ? { value: isoToSerial(iso), numberFormat: DATE_FORMAT } : { value: t };
}
const textValue = (text: string, numberFormat?: string): Value => (text.trim() === "" ? { value: null } : numberFormat ? { value: text.trim(), numberFormat } : { value: text.trim() });
function numberValue(text: string): Value {
  const t = text.trim().replace(/[,元¥￥]/g, "");
  if (t === "") return { value: null };
  return /^\d+(\.\d+)?$/.test(t) ? { value: Number(t) } : { value: text.trim() };
}
/** 40% → 0.4 in a % cell; 0.4 likewise; anything else as typed (the check has refused it). */
function shareValue(text: string): Value {
  const t = text.trim().replace(/％/g, "%");
  // Stryker disable next-line ConditionalExpression,StringLiteral,ObjectLiteral: the check has refused a blank 比例
  if (t === "") return { value: null };
  // Stryker disable next-line Regex: the check has refused a share with anything after the %
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(t);
  // Stryker disable next-line Regex: the check has refused ".4" and "0.4x"
  const v = pct ? Number(pct[1]) / 100 : /^0?\.\d+$|^1$/.test(t) ? Number(t) : null;
  if (v === null) return { value: text.trim() };
  const value = Number(v.toPrecision(12));
  return { value, numberFormat: Number.isInteger(Number((value * 100).toPrecision(12))) ? "0%" : "0.00%" };
}
function kindValue(text: string): Value {
  // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral,ObjectLiteral: the check has refused a blank or unreadable 类型
  return text.trim() === "" ? { value: null } : { value: parseHolidayKind(text) ?? text.trim() };
}

const INFO_VALUE: Record<InfoKey, (t: string) => Value> = {
  title: (t) => textValue(t, TEXT_FORMAT),
  partyA: (t) => textValue(t, TEXT_FORMAT),
  partyB: (t) => textValue(t, TEXT_FORMAT),
  termStart: dateValue,
  termEnd: dateValue,
  total: numberValue,
  firstMonth: (t) => textValue(t, TEXT_FORMAT),
  lastMonth: (t) => textValue(t, TEXT_FORMAT),
  quarterlyFee: numberValue,
};
const TERMS_VALUE: Record<TermsKey, (t: string) => Value> = {
  number: numberValue,
  share: shareValue,
  from: (t) => textValue(t, TEXT_FORMAT),
  to: (t) => textValue(t, TEXT_FORMAT),
  notBefore: dateValue,
  days: numberValue,
  condition: (t) => textValue(t),
};
const HOLIDAY_VALUE: Record<HolidayKey, (t: string) => Value> = { date: dateValue, kind: kindValue, note: (t) => textValue(t) };

const TERMS_HEADER = Object.fromEntries(PAYMENT_TERMS_COLUMNS.map((c) => [c.key, c.header])) as Record<TermsKey, string>;
const HOLIDAY_HEADER: Record<HolidayKey, string> = { date: "日期", kind: "类型", note: "说明" };

/** A whole sheet spec with some cells' values replaced (the template's formatting kept). */
function patched(spec: SheetSpec, values: Map<string, Value>): SheetSpec {
  const cells = new Map(spec.cells.map((c) => [c.address, c]));
  for (const [address, v] of values) {
    const before = cells.get(address);
    const w: CellWrite = { ...before, address, value: v.value };
    // Stryker disable next-line ConditionalExpression: the template's cells already carry the formats these values give
    if (v.numberFormat !== undefined) w.numberFormat = v.numberFormat;
    cells.set(address, w);
  }
  return { ...spec, cells: [...cells.values()] };
}

/** Where a draft field is in the workbook now, for a refusal: sheet and cell (null when it has no row yet). */
function fieldCell(snapshot: WorkbookSnapshot, d: ContractDraft, target: string): { sheet: string; cell: string | null } {
  const [section, a, b] = target.split(".");
  if (section === "info") {
    const it = infoTable(snapshot);
    const row = a ? it?.rows.get(a as InfoKey) : undefined;
    const col = it?.table.cols.get("value");
    // Stryker disable next-line ConditionalExpression: 合同信息 is only found with its 值 column
    return { sheet: INPUT_SHEETS.contract, cell: row !== undefined && col !== undefined ? a1(row, col) : null };
  }
  const terms = section === "terms";
  const t = terms ? termsTable(snapshot) : holidayTable(snapshot);
  // Stryker disable next-line ConditionalExpression,OptionalChaining: a draft row's index is always in the draft; d.terms[NaN] is undefined
  const row = a === undefined ? null : ((terms ? d.terms : d.holidays)[Number(a)]?.row ?? null);
  // Stryker disable next-line ConditionalExpression: cols.get(undefined) is undefined
  const col = b === undefined ? undefined : t?.cols.get(b);
  return { sheet: terms ? INPUT_SHEETS.paymentTerms : INPUT_SHEETS.holidays, cell: row !== null && col !== undefined ? a1(row, col) : null };
}

interface RowsSection<K extends string> {
  table: FoundTable;
  keys: readonly K[];
  rows: (Record<K, string> & { row: number | null })[];
  origin: (Record<K, string> & { row: number | null })[];
  current: (Record<K, string> & { row: number | null })[];
  header: Record<K, string>;
  value: Record<K, (t: string) => Value>;
  label: string;
  labelEn: string;
}

/** Changed cells of kept rows, new rows at the first empty rows, removed rows' known cells blanked; refused on a conflict. */
function planRows<K extends string>(w: TableWrites, s: RowsSection<K>): void {
  const sheet = s.table.sheet.name;
  const same = (a: Record<K, string>, b: Record<K, string>) => s.keys.every((k) => a[k].trim() === b[k].trim());
  const conflict = (o: Record<K, string> & { row: number | null }): boolean => {
    const now = s.current.find((c) => c.row === o.row);
    if (now && same(now, o)) return false;
    const first = s.table.cols.get(s.keys[0] as string);
    w.refuse(
      `工作表「${sheet}」第 ${o.row} 行（${s.label}）在载入后已被修改或移动，未保存；请重新读取后再编辑`,
      `sheet "${sheet}" row ${o.row} (${s.labelEn}) changed in the workbook since it was loaded: not saved; reload and edit again`,
      sheet,
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a conflicting row is never null, and 笔次 / 日期 are required by the readers
      o.row !== null && first !== undefined ? a1(o.row, first) : null,
    );
    // Stryker disable next-line BooleanLiteral: any refusal refuses the whole plan
    return true;
  };
  // Stryker disable next-line MethodExpression,ConditionalExpression: a null row never reaches kept.has
  const kept = new Set(s.rows.map((r) => r.row).filter((r): r is number => r !== null));
  const free = freeRows(s.table);
  for (const r of s.rows) {
    if (r.row === null) {
      if (s.keys.every((k) => r[k].trim() === "")) continue;
      const row = free.next().value as number;
      for (const k of s.keys) {
        const v = s.value[k](r[k]);
        if (v.value !== null) w.set(sheet, row, w.column(s.table, k, s.header[k]), v.value, v.numberFormat);
      }
      continue;
    }
    const o = s.origin.find((x) => x.row === r.row);
    if (!o || same(o, r) || conflict(o)) continue;
    for (const k of s.keys) {
      // Stryker disable next-line MethodExpression: the origin comes from loadContractDraft, trimmed
      if (r[k].trim() === o[k].trim()) continue;
      const v = s.value[k](r[k]);
      w.set(sheet, r.row, w.column(s.table, k, s.header[k]), v.value, v.numberFormat);
    }
  }
  for (const o of s.origin) {
    if (o.row === null || kept.has(o.row) || conflict(o)) continue;
    for (const k of s.keys) {
      const col = s.table.cols.get(k);
      if (col !== undefined) w.set(sheet, o.row, col, null);
    }
  }
}

/**
 * The writes that save the draft: refused (nothing written) while it has an error (each named at
 * its sheet and cell) or when a cell it changes was changed in the workbook since it was loaded.
 */
export function planContractDraft(snapshot: WorkbookSnapshot, d: ContractDraft, rules: RuleSet = defaultRules(), ruleRows: readonly RuleSettingRow[] | null = null): PlanResult {
  const w = new TableWrites();
  const check = checkContractDraft(d, ruleRows, rules.contract);
  for (const p of check.problems) {
    if (p.severity !== "error") continue;
    const at = fieldCell(snapshot, d, p.target);
    w.refuse(p.message, p.messageEn, at.sheet, at.cell);
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: check.contract is null exactly when an error was refused above
  if (w.problems.length > 0 || !check.contract) return w.result();
  const contract = check.contract;
  const changes = contractDraftChanges(d);
  const current = loadContractDraft(snapshot, rules);
  const sheets: SheetSpec[] = [];

  if (changes.info) {
    const it = infoTable(snapshot);
    if (!it) {
      if (findSheet(snapshot, INPUT_SHEETS.contract))
        w.refuse(
          `工作表「${INPUT_SHEETS.contract}」找不到表头行（应有：参数、值），无法保存`,
          `sheet "${INPUT_SHEETS.contract}" has no header row (参数, 值): cannot save`,
          INPUT_SHEETS.contract,
          null,
        );
      else {
        const values = new Map<string, Value>();
        CONTRACT_INFO_PARAMS.forEach((p, i) => values.set(a1(i + 2, 2), INFO_VALUE[p.key](d.info[p.key])));
        sheets.push(patched(buildContractInfoSheet(contract), values));
      }
    } else {
      const sheet = it.table.sheet.name;
      const free = freeRows(it.table);
      for (const k of infoChanged(d)) {
        const p = CONTRACT_INFO_PARAMS.find((x) => x.key === k);
        // Stryker disable next-line ConditionalExpression: every key of 合同信息 has its parameter
        if (!p) continue;
        const row = it.rows.get(k);
        const v = INFO_VALUE[k](d.info[k]);
        if (row === undefined) {
          const r = free.next().value as number;
          // Stryker disable next-line StringLiteral: 合同信息 is only found with both columns: their names are never needed
          w.set(sheet, r, w.column(it.table, "name", "参数"), p.label);
          // Stryker disable next-line StringLiteral: 合同信息 is only found with both columns: their names are never needed
          w.set(sheet, r, w.column(it.table, "value", "值"), v.value, v.numberFormat);
          continue;
        }
        // Stryker disable next-line MethodExpression: both come from loadContractDraft, trimmed
        if (current.info[k].trim() !== d.origin.info[k].trim()) {
          const col = it.table.cols.get("value") as number;
          w.refuse(
            `「${INPUT_SHEETS.contract}」的「${p.label}」在载入后已在工作簿中被修改（现为「${current.info[k]}」），未保存；请重新读取后再编辑`,
            `"${p.label}" in ${INPUT_SHEETS.contract} changed in the workbook since it was loaded (now "${current.info[k]}"): not saved; reload and edit again`,
            sheet,
            a1(row, col),
          );
          continue;
        }
        // Stryker disable next-line StringLiteral: 合同信息 is only found with its 值 column: its name is never needed
        w.set(sheet, row, w.column(it.table, "value", "值"), v.value, v.numberFormat);
      }
    }
  }

  if (changes.terms) {
    const tt = termsTable(snapshot);
    if (!tt) {
      if (findSheet(snapshot, INPUT_SHEETS.paymentTerms))
        w.refuse(`工作表「${INPUT_SHEETS.paymentTerms}」找不到表头行，无法保存`, `sheet "${INPUT_SHEETS.paymentTerms}" has no header row: cannot save`, INPUT_SHEETS.paymentTerms, null);
      else sheets.push(buildPaymentTermsSheet(contract));
    } else {
      planRows(w, {
        table: tt,
        keys: TERMS_KEYS,
        rows: d.terms,
        origin: d.origin.terms,
        current: current.terms,
        header: TERMS_HEADER,
        value: TERMS_VALUE,
        label: "付款条款",
        labelEn: "payment terms",
      });
    }
  }

  if (changes.holidays) {
    const ht = holidayTable(snapshot);
    if (!ht) {
      if (findSheet(snapshot, INPUT_SHEETS.holidays) && dataRowsOf(snapshot))
        w.refuse(
          `工作表「${INPUT_SHEETS.holidays}」找不到表头行（应有：日期、类型），无法保存`,
          `sheet "${INPUT_SHEETS.holidays}" has no header row (日期, 类型): cannot save`,
          INPUT_SHEETS.holidays,
          null,
        );
      else {
        const values = new Map<string, Value>();
        d.holidays.filter((h) => HOLIDAY_KEYS.some((k) => h[k].trim() !== "")).forEach((h, i) => HOLIDAY_KEYS.forEach((k, c) => values.set(a1(i + 2, c + 1), HOLIDAY_VALUE[k](h[k]))));
        sheets.push(patched(buildHolidaySheet(), values));
      }
    } else {
      planRows(w, {
        table: ht,
        keys: HOLIDAY_KEYS,
        rows: d.holidays,
        origin: d.origin.holidays,
        current: current.holidays,
        header: HOLIDAY_HEADER,
        value: HOLIDAY_VALUE,
        label: "节假日安排",
        labelEn: "holiday arrangement",
      });
    }
  }

  const r = w.result();
  if (!r.ok || sheets.length === 0) return r;
  return { ok: true, plan: { ...r.plan, sheets }, changed: r.changed + sheets.reduce((n, s) => n + s.cells.filter((c) => c.value !== null).length, 0) };
}

/** The 节假日安排 sheet has anything in it (an empty sheet may be replaced by the template's). */
function dataRowsOf(snapshot: WorkbookSnapshot): boolean {
  const s = findSheet(snapshot, INPUT_SHEETS.holidays);
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: called only when the sheet exists
  return (s?.cells ?? []).some((c) => !isBlank(c.value));
}
