/**
 * The pane's 付款结算 editor without React: one row of 付款记录 per instalment of the contract
 * (笔次 | 发票日期 | 实付日期 | 收票日期), loaded into a draft of strings as typed, checked the way a
 * run checks them, and planned back into the sheet.
 *
 * Checking: the draft is written into a small synthetic 付款记录 with the canonical headers and read
 * back by the reader itself (so "2025年6月16日" typed in the pane is read exactly as the same text
 * typed in Excel; "6月16" is refused with the reader's words), then the engine's settle() runs on
 * it with every scored month at the threshold, so its own payment checks apply: a receipt or a
 * payment before the invoice, a receipt without an invoice (errors), an invoice before the
 * contract's 最早开票日期 and a payment without an invoice (warnings), a due date beyond the
 * calendar's known years (error). Each problem comes back at its instalment and field.
 *
 * Planning: only the cells whose value the draft changed are written, as real dates
 * (yyyy-mm-dd); an instalment without a row gets the first empty row below the header (with its
 * 笔次); a column the sheet lacks (often 收票日期, which is optional) gets its header in the first
 * free column of the header row; a workbook without 付款记录 gets the sheet whole. A cell that
 * changed in the workbook since the draft was loaded is not written over: the plan is refused
 * naming the cell. Refused too whenever the draft has an error: nothing is written.
 *
 * The small table helpers at the bottom (header matching, free rows, cell texts) are shared with
 * contract-rows.ts.
 */
// @ts-nocheck

import { defaultRules, dec, monthRange, PaymentRecord, Problem, RuleSet, settle } from "../../domain";
import { cellDate, findSheet, isBlank, shown } from "../read/cells";
import { isoToSerial, SheetGrid } from "../read/grid";
import { looseHeader, normalizeHeader } from "../read/normalize";
import { readInputs, WorkbookInputs } from "../read/read-inputs";
import { INPUT_SHEETS } from "../read/sheet-names";
import { a1, CellValue, CellWrite, parseA1, ReadCell, SheetSnapshot, SheetSpec, WorkbookSnapshot, WritePlan } from "../model";
import { buildPaymentRecordSheet } from "../sheets/template";
import type { PlanProblem, PlanResult } from "./input-rows";

export type { PlanProblem, PlanResult };

/** The date fields of a 付款记录 row, in the order the pane shows them. */
export const PAYMENT_FIELDS = ["invoiceDate", "receivedDate", "paidDate"] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

/** The canonical header of each column, and the names the reader also accepts (read-inputs.ts). */
export const PAYMENT_COLUMNS: readonly TableColumn[] = [
  { key: "number", header: "笔次", aliases: ["付款笔次"] },
  { key: "invoiceDate", header: "发票日期", aliases: ["开票日期"] },
  { key: "paidDate", header: "实付日期", aliases: ["付款日期", "支付日期"] },
  { key: "receivedDate", header: "收票日期", aliases: ["收到发票日期", "发票签收日期"] },
];

export const PAYMENT_HEADERS: Record<PaymentField, string> = { invoiceDate: "发票日期", receivedDate: "收票日期", paidDate: "实付日期" };

/** One instalment's row as the pane edits it: dates as typed ("" = blank). */
export interface PaymentRowDraft {
  number: number;
  /** The sheet row it came from; null when 付款记录 has no row for this instalment yet. */
  row: number | null;
  invoiceDate: string;
  receivedDate: string;
  paidDate: string;
}

export interface PaymentDraft {
  rows: PaymentRowDraft[];
  /** The rows as loaded: a save writes only what differs from them. */
  origin: PaymentRowDraft[];
  /** The workbook has a 付款记录 sheet. */
  present: boolean;
}

/** A problem of the draft, at its instalment and field. */
export interface PaymentProblem {
  severity: "error" | "warning";
  code: string;
  message: string;
  messageEn: string;
  number: number;
  field: PaymentField;
}

const DATE_FORMAT = "yyyy-mm-dd";

/** A date cell as the pane shows it: the ISO date when the reader can read it, else the text as typed. */
function dateText(cell: ReadCell | undefined): string {
  const d = cellDate(cell);
  if (typeof d === "string") return d;
  return shown(cell?.value).trim();
}

/** 付款记录's columns (canonical names and aliases, the reader's normalization). */
function paymentTable(snapshot: WorkbookSnapshot): FoundTable | null {
  return findTable(snapshot, INPUT_SHEETS.payments, PAYMENT_COLUMNS);
}

/**
 * The draft: one row per instalment of the contract, from the 付款记录 row the reader read for it
 * (the first one, when the sheet has two: the run reports that).
 */
export function loadPaymentDraft(snapshot: WorkbookSnapshot, rules: RuleSet = defaultRules(), inputs: WorkbookInputs = readInputs(snapshot)): PaymentDraft {
  const table = paymentTable(snapshot);
  const rows: PaymentRowDraft[] = rules.contract.instalments.map((terms) => {
    const blank: PaymentRowDraft = { number: terms.number, row: null, invoiceDate: "", receivedDate: "", paidDate: "" };
    if (!table) return blank;
    const i = inputs.payments.findIndex((p) => p.number === terms.number);
    const at = i >= 0 ? inputs.locator.locate({ field: `payments[${i}].number` }) : null;
    if (!at?.cell || at.sheet !== table.sheet.name) return blank;
    const row = parseA1(at.cell).row;
    const out: PaymentRowDraft = { ...blank, row };
    for (const key of PAYMENT_FIELDS) {
      const col = table.cols.get(key);
      out[key] = col === undefined ? "" : dateText(table.grid.cell(row, col));
    }
    return out;
  });
  return { rows, origin: rows.map((r) => ({ ...r })), present: table !== null };
}

/** The draft differs from what was loaded. */
export function paymentDraftChanged(draft: PaymentDraft): boolean {
  return draft.rows.some((r) => PAYMENT_FIELDS.some((k) => r[k].trim() !== (draft.origin.find((o) => o.number === r.number)?.[k] ?? "").trim()));
}

/** Every problem of the draft as a run would find it (the reader's, then settle()'s), at its field. */
export function validatePaymentDraft(draft: PaymentDraft, rules: RuleSet = defaultRules()): PaymentProblem[] {
  // The synthetic sheet: header on row 1, draft row i on row i + 2, columns in PAYMENT_COLUMNS order.
  const cells: ReadCell[] = PAYMENT_COLUMNS.map((c, i) => ({ row: 1, col: i + 1, value: c.header, numberFormat: "General" }));
  draft.rows.forEach((r, i) => {
    PAYMENT_COLUMNS.forEach((c, j) => {
      const value: CellValue = c.key === "number" ? r.number : r[c.key as PaymentField].trim();
      if (!isBlank(value)) cells.push({ row: i + 2, col: j + 1, value, numberFormat: "General" });
    });
  });
  const syn: WorkbookSnapshot = { sheets: [{ name: INPUT_SHEETS.payments, index: 0, cells, merges: [] }] };
  const inputs = readInputs(syn);
  const out: PaymentProblem[] = [];
  const at = (cell: string | null): { number: number; field: PaymentField } | null => {
    if (cell === null) return null;
    const { row, col } = parseA1(cell);
    const key = PAYMENT_COLUMNS[col - 1]?.key;
    const r = draft.rows[row - 2];
    return r && (PAYMENT_FIELDS as readonly string[]).includes(key ?? "") ? { number: r.number, field: key as PaymentField } : null;
  };
  for (const p of inputs.problems) {
    if (p.sheet !== INPUT_SHEETS.payments) continue;
    const where = at(p.cell);
    if (where) out.push({ severity: p.severity, code: p.code, message: p.message, messageEn: p.messageEn, ...where });
  }
  // settle() on the dates read, every scored month at the threshold: its own payment checks.
  const totals: Record<string, string> = {};
  for (const terms of rules.contract.instalments) if (terms.months) for (const m of monthRange(terms.months.from, terms.months.to)) totals[m] = dec(rules.contract.threshold).toString();
  const payments: PaymentRecord[] = inputs.payments;
  const outcome = settle(totals, payments, rules);
  const engine: Problem[] = outcome.ok ? outcome.warnings : [...outcome.errors, ...outcome.warnings];
  for (const p of engine) {
    if (p.severity === "warning" && !["early-invoice", "paid-without-invoice"].includes(p.code)) continue;
    const m = /^payments\[(\d+)\]\.(\w+)$/.exec(p.field);
    if (!m) continue;
    const ref = inputs.locator.locate({ field: `payments[${m[1]}].${m[2]}` });
    const where = at(ref?.cell ?? null);
    if (where) out.push({ severity: p.severity, code: p.code, message: p.message, messageEn: p.messageEn, ...where });
  }
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

/**
 * 付款记录 created whole, as the template makes it (笔次 prefilled, dates formatted, 收票日期 grey),
 * with the draft's dates in.
 */
export function createPaymentRecordSheet(rows: readonly PaymentRowDraft[], rules: RuleSet = defaultRules()): SheetSpec {
  const spec = buildPaymentRecordSheet(rules.contract);
  const colOf: Record<PaymentField, number> = { invoiceDate: 2, paidDate: 3, receivedDate: 4 };
  const cells = new Map(spec.cells.map((c) => [c.address, c]));
  rules.contract.instalments.forEach((terms, i) => {
    const r = rows.find((x) => x.number === terms.number);
    if (!r) return;
    for (const k of PAYMENT_FIELDS) {
      const address = a1(i + 2, colOf[k]);
      cells.set(address, { ...cells.get(address), address, ...dateWrite(r[k]) });
    }
  });
  return { ...spec, cells: [...cells.values()] };
}

/** A date as it is written: a real date (serial, yyyy-mm-dd) or blank. */
function dateWrite(text: string): Pick<CellWrite, "value" | "numberFormat"> {
  const t = text.trim();
  if (t === "") return { value: null };
  const iso = cellDate({ row: 1, col: 1, value: t, numberFormat: "General" });
  return typeof iso === "string" ? { value: isoToSerial(iso), numberFormat: DATE_FORMAT } : { value: t };
}

const instalmentLabel = (n: number) => ({ zh: `第${n}笔`, en: `instalment ${n}` });

/**
 * The writes that save the draft into 付款记录; refused (nothing written) when the draft has an
 * error, or a cell it would change was changed in the workbook since the draft was loaded.
 */
export function planPaymentDraft(snapshot: WorkbookSnapshot, draft: PaymentDraft, rules: RuleSet = defaultRules()): PlanResult {
  const w = new TableWrites();
  const table = paymentTable(snapshot);
  const cellOf = (r: PaymentRowDraft, key: PaymentField): string | null => {
    const col = table?.cols.get(key);
    return r.row !== null && col !== undefined ? a1(r.row, col) : null;
  };
  for (const p of validatePaymentDraft(draft, rules)) {
    if (p.severity !== "error") continue;
    const r = draft.rows.find((x) => x.number === p.number);
    const l = instalmentLabel(p.number);
    // The engine's messages name the instalment already; the reader's name only the column.
    const named = p.message.startsWith(l.zh);
    w.refuse(named ? p.message : `${l.zh}：${p.message}`, named ? p.messageEn : `${l.en}: ${p.messageEn}`, INPUT_SHEETS.payments, r ? cellOf(r, p.field) : null);
  }
  if (w.problems.length > 0) return w.result();

  const edits = draft.rows
    .map((r) => ({ r, o: draft.origin.find((x) => x.number === r.number), keys: [] as PaymentField[] }))
    .map((e) => ({ ...e, keys: PAYMENT_FIELDS.filter((k) => e.r[k].trim() !== (e.o?.[k] ?? "").trim()) }))
    .filter((e) => e.keys.length > 0);
  if (edits.length === 0) return w.result();

  if (!table) {
    if (findSheet(snapshot, INPUT_SHEETS.payments)) {
      w.refuse(
        `工作表「${INPUT_SHEETS.payments}」找不到表头行（应有：笔次、发票日期、实付日期），无法保存`,
        `sheet "${INPUT_SHEETS.payments}" has no header row (笔次, 发票日期, 实付日期): cannot save`,
        INPUT_SHEETS.payments,
        null,
      );
      return w.result();
    }
    return { ok: true, plan: { cellWrites: [], sheets: [createPaymentRecordSheet(draft.rows, rules)] }, changed: edits.reduce((n, e) => n + e.keys.length, 0) };
  }

  // A cell is only written while it still holds what the draft loaded.
  const current = loadPaymentDraft(snapshot, rules);
  for (const { r, o, keys } of edits) {
    const now = current.rows.find((x) => x.number === r.number);
    for (const k of keys) {
      if (now && o && now.row === o.row && now[k].trim() === o[k].trim()) continue;
      const l = instalmentLabel(r.number);
      const cell = now ? cellOf(now, k) : null;
      w.refuse(
        `${l.zh}的「${PAYMENT_HEADERS[k]}」在载入后已在工作簿中被修改（现为「${now?.[k] ?? ""}」），未保存；请重新读取后再编辑`,
        `${l.en}: "${PAYMENT_HEADERS[k]}" changed in the workbook since it was loaded (now "${now?.[k] ?? ""}"): not saved; reload and edit again`,
        INPUT_SHEETS.payments,
        cell,
      );
    }
  }
  if (w.problems.length > 0) return w.result();

  const free = freeRows(table);
  const sheet = table.sheet.name;
  for (const { r, keys } of edits) {
    let row = r.row;
    if (row === null) {
      row = free.next().value as number;
      w.set(sheet, row, w.column(table, "number", "笔次"), r.number);
    }
    for (const k of keys) {
      const d = dateWrite(r[k]);
      w.set(sheet, row, w.column(table, k, PAYMENT_HEADERS[k]), d.value, d.numberFormat);
    }
  }
  return w.result();
}

// ---------------------------------------------------------------------------------------------
// Table helpers (shared with contract-rows.ts)

export interface TableColumn {
  key: string;
  header: string;
  aliases?: readonly string[];
}

export interface FoundTable {
  sheet: SheetSnapshot;
  grid: SheetGrid;
  headerRow: number;
  cols: Map<string, number>;
}

const HEADER_SEARCH_ROWS = 30;

/**
 * A sheet's header row (among its first rows, the one with the most known names, matched strictly
 * then loosely after the reader's normalization) and the column of each key; null when the sheet is
 * absent or has no known header.
 */
export function findTable(snapshot: WorkbookSnapshot, name: string, columns: readonly TableColumn[]): FoundTable | null {
  const sheet = findSheet(snapshot, name);
  if (!sheet) return null;
  const grid = new SheetGrid(sheet);
  let best: { row: number; cols: Map<string, number> } | null = null;
  for (const row of grid.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const cols = new Map<string, number>();
    for (const cell of grid.rowCells(row)) {
      if (typeof cell.value !== "string") continue;
      const strict = normalizeHeader(cell.value);
      const loose = looseHeader(cell.value);
      const names = (c: TableColumn) => [c.header, ...(c.aliases ?? [])].map(normalizeHeader);
      const hit = columns.find((c) => !cols.has(c.key) && names(c).includes(strict)) ?? columns.find((c) => !cols.has(c.key) && names(c).includes(loose));
      if (hit) cols.set(hit.key, cell.col);
    }
    if (cols.size > 0 && (!best || cols.size > best.cols.size)) best = { row, cols };
  }
  return best ? { sheet, grid, headerRow: best.row, cols: best.cols } : null;
}

/** Rows below the header with no cell at all, in order: where new rows go. */
export function* freeRows(table: FoundTable): Generator<number> {
  const used = new Set(table.grid.rows);
  for (let r = table.headerRow + 1; ; r++) if (!used.has(r)) yield r;
}

/** Cell writes by sheet, refusals, and header cells added for missing columns. */
export class TableWrites {
  private readonly bySheet = new Map<string, Map<string, CellWrite>>();
  readonly problems: PlanProblem[] = [];

  set(sheet: string, row: number, col: number, value: CellWrite["value"], numberFormat?: string): void {
    const list = this.bySheet.get(sheet) ?? new Map<string, CellWrite>();
    const w: CellWrite = { address: a1(row, col), value };
    if (numberFormat !== undefined) w.numberFormat = numberFormat;
    list.set(w.address, w);
    this.bySheet.set(sheet, list);
  }

  refuse(message: string, messageEn: string, sheet: string | null = null, cell: string | null = null): void {
    this.problems.push({ message, messageEn, sheet, cell });
  }

  /** The column of `key`; a column the sheet lacks gets its header in the first free column of the header row. */
  column(table: FoundTable, key: string, header: string): number {
    const known = table.cols.get(key);
    if (known !== undefined) return known;
    const used = table.grid.rowCells(table.headerRow).map((c) => c.col);
    const added = [...table.cols.values()];
    const col = Math.max(0, ...used, ...added) + 1;
    table.cols.set(key, col);
    this.set(table.sheet.name, table.headerRow, col, header);
    return col;
  }

  result(): PlanResult {
    if (this.problems.length > 0) return { ok: false, problems: this.problems };
    const cellWrites = [...this.bySheet].map(([sheet, writes]) => ({ sheet, writes: [...writes.values()] }));
    const plan: WritePlan = { cellWrites, sheets: [] };
    return { ok: true, plan, changed: cellWrites.reduce((n, g) => n + g.writes.length, 0) };
  }
}
