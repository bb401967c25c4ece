/**
 * A small, strict fake of the Excel JavaScript API: just the members the ExcelAdapter uses, with
 * the batch semantics that matter. Every behaviour beyond plain bookkeeping names its source (the
 * Microsoft documentation page or the office-js issue) beside the code that models it.
 * - calls and property sets are queued and only happen at context.sync(), in order;
 * - load() asks for properties; reading a property that was not loaded AND synced throws
 *   PropertyNotLoaded, as Excel does; so does reading `items` of an unloaded collection;
 * - *OrNullObject objects get `isNullObject` at the next sync; methods on a null object do nothing;
 * - strings given to `values` are parsed as if typed: "=…" and "+…"/"-…" become formulas, numbers,
 *   dates and TRUE/FALSE are converted, and a leading apostrophe means "text" (it is consumed);
 *   in a cell formatted "@" (Text) the string is kept as typed, and what a leading apostrophe does
 *   there is a switch (`FakeWorkbookState.textApostrophe`: "consume" or "keep"): the documentation
 *   does not say, so the tests run both;
 * - getItem on a missing sheet, add of an existing name, overlapping merges and a 2-D array of the
 *   wrong shape throw inside the sync (ItemNotFound, ItemAlreadyExists, InvalidArgument), and the
 *   operations queued before the failing one stay applied (Excel batches are not transactions);
 * - protection.protect()/unprotect() are queued too; writing values, formulas, number formats or
 *   formats to a protected sheet throws AccessDenied inside the sync, and protecting a protected
 *   sheet fails; a workbook whose structure is protected refuses adding, deleting and moving sheets;
 * - a value written into a merged area's cell other than its top-left one is not kept;
 * - Excel on the web's limits: a request or a response over 5 MB (in UTF-8 bytes, the request
 *   measured office-js-shaped, see officeJsRequestBytes) fails the sync; a merged-area read over
 *   512 areas fails; a read of more than 5,000,000 cells fails;
 * - cell-edit mode (`enterCellEdit()`): a batch fails with InvalidOperationInCellEditMode, or, run
 *   with `delayForCellEdit: true`, waits until `exitCellEdit()`; `hang` makes every sync wait forever;
 * - undo: each sync is one step of the undo stack, or, run with `mergeUndoGroup: true` where
 *   office.js passes the option on (`undoGroups: "honoured"`; the npm copy 1.1.110 drops it:
 *   "ignored"), all syncs of the run are one step and an operation Excel cannot undo throws
 *   UndoNotSupported; outside a group such an operation clears the stack;
 * - calculation: writes made while calculation is suspended leave dependent formulas stale until a
 *   full recalculation (`recalcNeeded`);
 * - context.sync() calls are counted; every executed operation is logged, and so is what each
 *   load() returned (`responses`, per sync: the response side of a batch, for bench/excel-mode.ts);
 * - Worksheet.getRanges("A1:B2, D4") (ExcelApi 1.9) gives a multi-area range whose format setters
 *   apply to every area, as Excel's RangeAreas; an address list over 8,192 characters fails the sync;
 * - borders are kept as set, per (area, edge), Inside* lines included; FakeSheet.borderAt() says
 *   which line a cell's side shows (its own edge or its neighbour's facing one, the latest set).
 */
// @ts-nocheck

import { columnLetter } from "../../../src/workbook/model";
import { type PathSegment, RequestEstimate } from "../../../src/hosts/excel/request-size";

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "OfficeExtension.Error";
  }
}

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  /** Set when the text was entered with Excel's leading-apostrophe prefix. */
  quotePrefix?: boolean;
  style: Record<string, unknown>;
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeChartSeries {
  name: string;
  values: string;
  xValues?: string;
}

export interface FakeChart {
  type: string;
  title?: string;
  series: FakeChartSeries[];
  from?: string;
  to?: string;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  merges: Bounds[] = [];
  protected = false;
  protectionOptions?: unknown;
  columnWidths: Record<string, number> = {};
  rowHeights: Record<number, number> = {};
  conditionalFormats: { range: string; type: string; rule?: unknown; fill?: string; fontColor?: string }[] = [];
  validations: { range: string; rule: unknown }[] = [];
  borders: { range: string; edge: string; style?: string; weight?: string; seq?: number }[] = [];
  pageLayout: Record<string, unknown> = {};
  /** Manual page breaks added (horizontalPageBreaks.add): the cell each break is above. */
  pageBreaks: string[] = [];
  freezeRows?: number;
  tabColor?: string;
  charts: FakeChart[] = [];
  deleted = false;
  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }
  /** The cell at an A1 address ("H7"). */
  at(address: string): FakeCell | undefined {
    const b = parseRef(address);
    return this.cell(b.top, b.left);
  }
  /**
   * The line one side of a cell shows, as Excel draws it: of the border records that reach it (an
   * Edge* of an area whose rim the cell is on, an Inside* line of an area the cell is inside of, or
   * the same for the neighbour's facing side), the one set last. Undefined: no line was ever set.
   */
  borderAt(address: string, side: "top" | "bottom" | "left" | "right"): { style?: string; weight?: string } | undefined {
    const { top: row, left: col } = parseRef(address);
    const facing = { top: [row - 1, col, "bottom"], bottom: [row + 1, col, "top"], left: [row, col - 1, "right"], right: [row, col + 1, "left"] } as const;
    const [nRow, nCol, nSide] = facing[side];
    let best: FakeSheet["borders"][number] | undefined;
    for (const rec of this.borders) {
      const b = parseRef(rec.range);
      if (!reaches(rec.edge, b, row, col, side) && !reaches(rec.edge, b, nRow, nCol, nSide)) continue;
      if (!best || (rec.seq ?? 0) > (best.seq ?? 0)) best = rec;
    }
    return best && { style: best.style, weight: best.weight };
  }
  ensure(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: null, style: {} };
      this.cells.set(key, c);
    }
    return c;
  }
}

/** Options of one Excel.run, as the fake honours them (Excel.RunOptions). */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/** What an operation means for Excel's undo (see UNDO_DOCS). */
type UndoSupport = "yes" | "no" | "web-only" | "read";

/**
 * "Undo support with the Excel JavaScript API", Unsupported APIs:
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities
 * Worksheet.delete, WorksheetProtection.protect/unprotect and WorkbookProtection.protect/unprotect
 * are not undoable anywhere; Worksheet.position and Worksheet.name only in Excel on the web.
 * (WorksheetCollection.add is not in the list.)
 */
const UNDO_DOCS = "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities";

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  calculationSuspended = false;
  /**
   * "Excel on the web has a payload size limit for requests and responses of 5MB. RichAPI.Error
   * will be thrown if that limit is exceeded." (RequestPayloadSizeLimitExceeded /
   * ResponsePayloadSizeLimitExceeded):
   * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
   * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling-messages
   * Infinity models a desktop Excel (the limit is Excel on the web's).
   */
  payloadLimit = 5 * 1024 * 1024;
  /**
   * Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512,
   * then this method will fail to return the result":
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)
   */
  mergedAreaLimit = 512;
  /**
   * Workbook structure protection (Workbook.protection, ExcelApi 1.7): "Your add-in can control a
   * user's ability to edit the workbook's structure":
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#protect-the-workbooks-structure
   * A protected structure keeps users from adding, deleting or moving sheets:
   * https://learn.microsoft.com/previous-versions/visualstudio/visual-studio-2017/vsto/how-to-programmatically-protect-workbooks
   * The error code is not documented; modelled as AccessDenied.
   */
  structureProtected = false;
  /**
   * What a leading apostrophe does in a cell formatted "@". The docs say a Text-formatted cell keeps
   * what is typed as text (https://learn.microsoft.com/troubleshoot/microsoft-365-apps/excel/long-numbers-incorrectly-in-excel)
   * and that a leading apostrophe makes an entry text (the apostrophe itself is not part of the value:
   * Range.Value = "'1" stores the text 1, https://learn.microsoft.com/office/vba/api/excel.errorcheckingoptions.numberastext),
   * but not what the apostrophe does in a cell that is already "@": both are modelled.
   */
  textApostrophe: "consume" | "keep" = "consume";
  /** Application.calculationMode (ExcelApi 1.1): https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculationmode-member */
  calculationMode: "Automatic" | "Manual" = "Automatic";
  /**
   * Formulas that do not show the cells written yet: "dirty" (a write with calculation on in manual
   * mode: Recalculate refreshes them) or "full" (a write while calculation was suspended:
   * "Once set, it is the developer's responsibility to re-calc the workbook, to ensure that any
   * dependencies are propagated" — only a full recalculation is sure to):
   * https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-suspendapicalculationuntilnextsync-member(1)
   * https://learn.microsoft.com/javascript/api/excel/excel.calculationtype
   */
  recalcNeeded: "none" | "dirty" | "full" = "none";
  /** Whether the office.js in use passes RunOptions.mergeUndoGroup on (ExcelApi 1.20). */
  undoGroups: "ignored" | "honoured" = "ignored";
  /** For the undo table's "web" and "Windows and Mac" columns. */
  platform: "web" | "desktop" = "web";
  /** The undo stack as Ctrl+Z sees it: one entry per step, with the syncs it undoes. */
  undoStack: { syncs: number; grouped: boolean }[] = [];
  /** Syncs made over every context of this workbook. */
  syncs = 0;
  /** A failure to throw at a given sync (numbered over every context, from 1), before any of its operations run. */
  failSync = new Map<number, FakeExcelError>();
  /** Every sync waits forever (a host that stopped answering). */
  hang = false;
  private cellEdit: { exited: Promise<void>; exit: () => void } | null = null;

  /**
   * The user is typing in a cell. "When false, if the user is in cell edit when the batch request is
   * processed by the host, the batch automatically fails. When true, … the batch request is delayed
   * until the user exits cell edit mode." (RunOptions.delayForCellEdit):
   * https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member
   * The failure is InvalidOperationInCellEditMode: "The operation isn't available while Excel is in
   * Edit cell mode": https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling-messages
   */
  enterCellEdit(): void {
    if (this.cellEdit) return;
    let exit = () => {};
    const exited = new Promise<void>((resolve) => (exit = resolve));
    this.cellEdit = { exited, exit };
  }
  exitCellEdit(): void {
    this.cellEdit?.exit();
    this.cellEdit = null;
  }
  get inCellEdit(): Promise<void> | null {
    return this.cellEdit?.exited ?? null;
  }
  /** Is an operation of this undo support undoable on this platform? */
  undoable(support: UndoSupport): boolean {
    return support === "yes" || support === "read" || (support === "web-only" && this.platform === "web");
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  /** Adds a sheet with cells given as { A1: value | { value, formula, numberFormat } }. */
  addSheet(
    name: string,
    cells: Record<string, string | number | boolean | { value: string | number | boolean | null; formula?: string; numberFormat?: string }> = {},
    merges: string[] = [],
  ): FakeSheet {
    const sheet = new FakeSheet(name);
    for (const [address, v] of Object.entries(cells)) {
      const b = parseRef(address);
      const cell = sheet.ensure(b.top, b.left);
      if (typeof v === "object") {
        cell.value = v.value;
        if (v.formula !== undefined) cell.formula = v.formula;
        if (v.numberFormat !== undefined) cell.numberFormat = v.numberFormat;
      } else {
        cell.value = v;
      }
    }
    for (const m of merges) sheet.merges.push(parseRef(m));
    this.sheets.push(sheet);
    return sheet;
  }
}

// ---------------------------------------------------------------- addresses

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "A1", "A1:B2", "B:D", "3:5" (with or without $) → bounds. */
export function parseRef(ref: string): Bounds {
  const r = ref.replace(/\$/g, "").trim();
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(r);
  if (m) {
    const top = Number(m[2]);
    const left = colNumber(m[1] ?? "");
    const bottom = m[4] ? Number(m[4]) : top;
    const right = m[3] ? colNumber(m[3]) : left;
    return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
  }
  m = /^([A-Z]+):([A-Z]+)$/i.exec(r);
  if (m) return { top: 1, left: colNumber(m[1] ?? ""), bottom: MAX_ROW, right: colNumber(m[2] ?? "") };
  m = /^(\d+):(\d+)$/.exec(r);
  if (m) return { top: Number(m[1]), left: 1, bottom: Number(m[2]), right: MAX_COL };
  throw new FakeExcelError("InvalidArgument", `bad address ${ref}`);
}

function boundsAddress(b: Bounds): string {
  const from = `${columnLetter(b.left)}${b.top}`;
  const to = `${columnLetter(b.right)}${b.bottom}`;
  return from === to ? from : `${from}:${to}`;
}

/** Does a border record on `edge` of area `b` draw the `side` of cell (row, col)? */
function reaches(edge: string, b: Bounds, row: number, col: number, side: "top" | "bottom" | "left" | "right"): boolean {
  if (row < b.top || row > b.bottom || col < b.left || col > b.right) return false;
  switch (side) {
    case "top":
      return (edge === "EdgeTop" && row === b.top) || (edge === "InsideHorizontal" && row > b.top);
    case "bottom":
      return (edge === "EdgeBottom" && row === b.bottom) || (edge === "InsideHorizontal" && row < b.bottom);
    case "left":
      return (edge === "EdgeLeft" && col === b.left) || (edge === "InsideVertical" && col > b.left);
    case "right":
      return (edge === "EdgeRight" && col === b.right) || (edge === "InsideVertical" && col < b.right);
  }
}

/** The Text number format. */
const TEXT_FORMAT = "@";

/** Is (row, col) inside a merged area without being its top-left cell? */
function isHiddenByMerge(s: FakeSheet, row: number, col: number): boolean {
  return s.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------- typed input

/** What Excel stores when a string is typed (or given to Range.values) — the parts the tests need. */
export function parseTyped(input: string): Pick<FakeCell, "value" | "formula" | "quotePrefix"> {
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (input.startsWith("=")) return { value: null, formula: input };
  const s = input.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(s)) {
    const pct = s.endsWith("%");
    const n = Number(pct ? s.slice(0, -1) : s);
    return { value: pct ? n / 100 : n };
  }
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === "true" };
  if (/^[+-]/.test(s)) return { value: null, formula: `=${s}` };
  let m = /^(\d{4})[-/年](\d{1,2})(?:[-/月](\d{1,2})日?|月)?$/.exec(s);
  if (m) return { value: serial(Number(m[1]), Number(m[2]), Number(m[3] ?? 1)) };
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) return { value: serial(2025, Number(m[1]), Number(m[2])) };
  return { value: input };
}

function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

// ---------------------------------------------------------------- the batch

type Op = { describe: string; run: () => void; undo: UndoSupport };

const utf8 = (text: string): number => Buffer.byteLength(text, "utf8");

export class FakeRequestContext {
  readonly state: FakeWorkbookState;
  readonly options: FakeRunOptions;
  syncCount = 0;
  /** Every operation executed, in order, per sync. */
  readonly log: string[][] = [];
  /** Per sync, what each load() returned, in order: the object's path and the loaded properties. */
  readonly responses: { path: string; values: Record<string, unknown> }[][] = [];
  /** Per sync, the office-js-shaped request bytes (officeJsRequestBytes) and the response bytes. */
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  private queue: Op[] = [];
  private pendingNullables: FakeProxy[] = [];
  private undoStep: { syncs: number; grouped: boolean } | null = null;
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;

  constructor(state: FakeWorkbookState, options: FakeRunOptions = {}) {
    this.state = state;
    this.options = options;
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  enqueue(describe: string, run: () => void, undo: UndoSupport = "yes"): void {
    this.queue.push({ describe, run, undo });
  }
  registerNullable(p: FakeProxy): void {
    this.pendingNullables.push(p);
  }
  /** Called by load() when it runs inside a sync: the response grows, and fails past the limit. */
  recordLoad(path: string, values: Record<string, unknown>): void {
    const entry = { path, values };
    this.responses[this.responses.length - 1]?.push(entry);
    const i = this.responseBytes.length - 1;
    this.responseBytes[i] = (this.responseBytes[i] ?? 0) + utf8(JSON.stringify(entry)) + 1;
    if ((this.responseBytes[i] ?? 0) > this.state.payloadLimit) {
      // resource limits (5 MB), see FakeWorkbookState.payloadLimit
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `the response of sync ${this.syncCount} passes ${this.state.payloadLimit} bytes`);
    }
  }
  /** A value, formula or number format was written: formulas reading it may now be stale (see FakeWorkbookState.recalcNeeded). */
  noteWrite(): void {
    if (this.state.calculationSuspended) this.state.recalcNeeded = "full";
    else if (this.state.calculationMode === "Manual" && this.state.recalcNeeded === "none") this.state.recalcNeeded = "dirty";
  }

  async sync(): Promise<void> {
    this.syncCount += 1;
    const n = ++this.state.syncs;
    const ops = this.queue;
    const nullables = this.pendingNullables;
    this.queue = [];
    this.pendingNullables = [];
    const done: string[] = [];
    this.log.push(done);
    this.responses.push([]);
    this.responseBytes.push(0);
    this.requestBytes.push(0);
    const editing = this.state.inCellEdit;
    if (editing) {
      // RunOptions.delayForCellEdit, see FakeWorkbookState.enterCellEdit
      if (!this.options.delayForCellEdit) throw new FakeExcelError("InvalidOperationInCellEditMode", "The operation isn't available while Excel is in Edit cell mode.");
      await editing;
    }
    if (this.state.hang) await new Promise<never>(() => {});
    const injected = this.state.failSync.get(n);
    if (injected) throw injected;
    const request = officeJsRequestBytes(ops.map((o) => o.describe));
    this.requestBytes[this.requestBytes.length - 1] = request;
    // resource limits (5 MB), see FakeWorkbookState.payloadLimit: the request is refused whole.
    if (request > this.state.payloadLimit) throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `the request of sync ${this.syncCount} is ${request} bytes`);
    // Undo: one step per sync, or one for the whole run (RunOptions.mergeUndoGroup), see UNDO_DOCS.
    const grouped = this.options.mergeUndoGroup === true && this.state.undoGroups === "honoured";
    if (!ops.some((o) => o.undo !== "read")) {
      // a read changes nothing: no undo step
    } else if (grouped && this.undoStep) this.undoStep.syncs += 1;
    else {
      this.undoStep = { syncs: 1, grouped };
      this.state.undoStack.push(this.undoStep);
    }
    let cleared = false;
    for (const op of ops) {
      if (!this.state.undoable(op.undo)) {
        // "If an API within the group doesn't offer undo support, the UndoNotSupported error is thrown";
        // outside a group, "the user's undo stack is cleared starting from that API call" (UNDO_DOCS).
        if (grouped) throw new FakeExcelError("UndoNotSupported", `${op.describe} cannot be undone (${UNDO_DOCS})`);
        cleared = true;
      }
      op.run(); // throws out of sync() like a failed batch; earlier operations stay applied
      done.push(op.describe);
    }
    if (cleared) {
      this.state.undoStack = [];
      this.undoStep = null;
    }
    for (const p of nullables) p.settleNullness();
    this.state.calculationSuspended = false;
    await Promise.resolve();
  }

  /** All operations executed so far, flattened. */
  get operations(): string[] {
    return this.log.flat();
  }
}

// ---------------------------------------------------------------- request size, office-js-shaped

/** Splits "a.getItem(x.y).getRange(H4).values" into ["a", "getItem(x.y)", "getRange(H4)", "values"]. */
export function segments(path: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of path) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "." && depth === 0) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** One operation text of the fake → its target path, the member, and the JSON-able argument. */
function parseOperation(op: string): { path: string[]; member: string; kind: "set" | "method" | "load"; argument: unknown } {
  // The first "=" outside parentheses splits a property set from its value.
  let depth = 0;
  let eq = -1;
  for (let i = 0; i < op.length; i++) {
    const ch = op[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "=" && depth === 0) {
      eq = i;
      break;
    }
  }
  const left = eq >= 0 ? op.slice(0, eq) : op;
  const raw = eq >= 0 ? op.slice(eq + 1) : undefined;
  const segs = segments(left);
  const last = segs.pop() ?? "";
  if (raw !== undefined) {
    let argument: unknown = raw;
    try {
      argument = JSON.parse(raw);
    } catch {
      // a bare string (a colour, a title): sent as a JSON string
    }
    return { path: segs, member: last, kind: "set", argument };
  }
  const m = /^([A-Za-z_]\w*)\((.*)\)$/.exec(last);
  const name = m?.[1] ?? last;
  const args = m?.[2] ?? "";
  return { path: segs, member: name, kind: name === "load" ? "load" : "method", argument: args === "" ? [] : args.split(",") };
}

/** "getRange(H4)" → { name: "getRange", args: ["H4"] }; "format" → { name: "format" }. A getRanges list stays one argument. */
function pathSegment(seg: string): PathSegment {
  const m = /^([A-Za-z_]\w*)\((.*)\)$/.exec(seg);
  if (!m) return { name: seg };
  const name = m[1] ?? seg;
  const args = m[2] ?? "";
  return { name, args: args === "" ? [] : name === "getRanges" ? [args] : args.split(",") };
}

/**
 * The office-js-shaped size of one sync's request: the fake's operation texts through
 * RequestEstimate (src/hosts/excel/request-size.ts), the estimate of office-js's JSON batch.
 */
export function officeJsRequestBytes(operations: readonly string[]): number {
  const estimate = new RequestEstimate();
  for (const op of operations) {
    const { path, member, kind, argument } = parseOperation(op);
    const segs = (path.length > 0 ? path : ["workbook"]).map(pathSegment);
    if (kind === "set") estimate.set(segs, member, argument);
    else if (kind === "load") estimate.query(segs, argument);
    else estimate.method(segs, member, argument as unknown[]);
  }
  return estimate.bytes;
}

/** Base of every proxy: loaded properties, and the rule that unloaded reads throw. */
class FakeProxy {
  protected loaded = new Map<string, unknown>();
  private nullness: boolean | undefined;
  constructor(
    protected readonly ctx: FakeRequestContext,
    readonly path: string,
    private readonly nullable = false,
  ) {
    if (nullable) ctx.registerNullable(this);
  }
  /** Subclasses: is the underlying object missing right now? */
  protected isMissing(): boolean {
    return false;
  }
  settleNullness(): void {
    if (this.nullable) this.nullness = this.isMissing();
  }
  get isNullObject(): boolean {
    if (this.nullness === undefined) throw new FakeExcelError("PropertyNotLoaded", `${this.path}.isNullObject before context.sync()`);
    return this.nullness;
  }
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new FakeExcelError("PropertyNotLoaded", `${this.path}.${prop} was not loaded and synced`);
    return this.loaded.get(prop) as T;
  }
  /** load("a,b") / load(["a","b"]): the values are captured when the batch runs. */
  load(props: string | string[]): this {
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(
      `${this.path}.load(${list.join(",")})`,
      () => {
        if (this.nullable && this.isMissing()) return;
        for (const p of list) this.loaded.set(p, this.fetch(p));
        this.ctx.recordLoad(this.path, Object.fromEntries(list.map((p) => [p, this.loaded.get(p)])));
      },
      "read",
    );
    return this;
  }
  protected fetch(prop: string): unknown {
    throw new FakeExcelError("InvalidArgument", `fake: cannot load ${this.path}.${prop}`);
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue("application.suspendApiCalculationUntilNextSync()", () => {
      this.ctx.state.calculationSuspended = true;
    });
  }
  /**
   * Application.calculate(calculationType) (ExcelApi 1.1): "Recalculate" recalculates the cells Excel
   * marked dirty, "Full" every formula: https://learn.microsoft.com/javascript/api/excel/excel.calculationtype
   * While calculation is suspended it is modelled as doing nothing (the docs leave it open).
   */
  calculate(type: string): void {
    this.ctx.enqueue(`application.calculate(${type})`, () => {
      const state = this.ctx.state;
      if (state.calculationSuspended) return;
      if (type === "Full" || type === "FullRebuild") state.recalcNeeded = "none";
      else if (type === "Recalculate" && state.recalcNeeded === "dirty") state.recalcNeeded = "none";
      else if (type !== "Recalculate") throw new FakeExcelError("InvalidArgument", `calculationType ${type}`);
    });
  }
}

/** Workbook.protection (WorkbookProtection, ExcelApi 1.7), see FakeWorkbookState.structureProtected. */
class FakeWorkbookProtection extends FakeProxy {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook.protection");
  }
  protected override fetch(prop: string): unknown {
    if (prop === "protected") return this.ctx.state.structureProtected;
    return super.fetch(prop);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(): void {
    this.ctx.enqueue("workbook.protection.protect()", () => (this.ctx.state.structureProtected = true), "no");
  }
  unprotect(): void {
    this.ctx.enqueue("workbook.protection.unprotect()", () => (this.ctx.state.structureProtected = false), "no");
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }
}

/** Structure changes refused on a workbook whose structure is protected (FakeWorkbookState.structureProtected). */
function checkStructure(ctx: FakeRequestContext, what: string): void {
  if (ctx.state.structureProtected) throw new FakeExcelError("AccessDenied", `${what}: the workbook's structure is protected`);
}

class FakeWorksheetCollection extends FakeProxy {
  private loadedItems: FakeWorksheet[] | undefined;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "worksheets");
  }
  override load(props: string | string[]): this {
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim());
    const fields = list.map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(
      `worksheets.load(${list.join(",")})`,
      () => {
        const captured: Record<string, unknown>[] = [];
        this.loadedItems = this.ctx.state.sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx, () => s, `worksheets[${s.name}]`);
          captured.push(ws.capture(fields));
          return ws;
        });
        this.ctx.recordLoad("worksheets", { items: captured });
      },
      "read",
    );
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new FakeExcelError("PropertyNotLoaded", "worksheets.items was not loaded and synced");
    return this.loadedItems;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.state.find(name);
      if (!s) throw new FakeExcelError("ItemNotFound", `worksheet ${name}`);
      return s;
    }, `worksheets.getItem(${name})`);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.find(name) ?? null, `worksheets.getItemOrNullObject(${name})`, true);
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.ctx.enqueue(`worksheets.add(${name})`, () => {
      checkStructure(this.ctx, `worksheets.add(${name})`);
      if (this.ctx.state.find(name)) throw new FakeExcelError("ItemAlreadyExists", `worksheet ${name}`);
      created = new FakeSheet(name);
      this.ctx.state.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeExcelError("InvalidReference", `worksheets.add(${name}) has not run`);
      return created;
    }, `worksheets.add(${name})`);
  }
}

type SheetResolver = () => FakeSheet | null;

class FakeWorksheet extends FakeProxy {
  readonly protection: FakeProtection;
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly pageLayout: FakePageLayout;
  /** Worksheet.horizontalPageBreaks (ExcelApi 1.9): add(range) breaks the page above the range's top-left cell. */
  readonly horizontalPageBreaks: { add: (range: string) => void };
  readonly charts: FakeChartCollection;
  constructor(
    ctx: FakeRequestContext,
    readonly resolveSheet: SheetResolver,
    path: string,
    nullable = false,
  ) {
    super(ctx, path, nullable);
    this.protection = new FakeProtection(ctx, this);
    this.freezePanes = {
      freezeRows: (n: number) => ctx.enqueue(`${path}.freezePanes.freezeRows(${n})`, () => {
        this.sheet().freezeRows = n;
      }),
    };
    this.pageLayout = new FakePageLayout(ctx, this);
    this.horizontalPageBreaks = {
      add: (range: string) =>
        ctx.enqueue(`${path}.horizontalPageBreaks.add(${range})`, () => {
          this.sheet().pageBreaks.push(range);
        }),
    };
    this.charts = new FakeChartCollection(ctx, this);
  }
  protected override isMissing(): boolean {
    return this.resolveSheet() === null;
  }
  /** The live sheet, for operations running inside a sync. */
  sheet(): FakeSheet {
    const s = this.resolveSheet();
    if (!s || s.deleted) throw new FakeExcelError("ItemNotFound", `${this.path} does not exist`);
    return s;
  }
  capture(fields: string[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const f of fields) this.loaded.set(f, (values[f] = this.fetch(f)));
    return values;
  }
  protected override fetch(prop: string): unknown {
    const s = this.sheet();
    if (prop === "name") return s.name;
    if (prop === "position") return this.ctx.state.sheets.indexOf(s);
    return super.fetch(prop);
  }
  get name(): string {
    return this.read("name");
  }
  get position(): number {
    return this.read("position");
  }
  /**
   * Worksheet.position (ExcelApi 1.1): "The zero-based position of the worksheet within the
   * workbook", settable: the sheet moves there and the others close up around it.
   */
  set position(n: number) {
    this.ctx.enqueue(
      `${this.path}.position=${n}`,
      () => {
        const s = this.sheet();
        checkStructure(this.ctx, `${this.path}.position`);
        const rest = this.ctx.state.sheets.filter((x) => x !== s);
        rest.splice(Math.min(n, rest.length), 0, s);
        this.ctx.state.sheets = rest;
      },
      "web-only",
    );
  }
  set tabColor(color: string) {
    this.ctx.enqueue(`${this.path}.tabColor=${color}`, () => {
      this.sheet().tabColor = color;
    });
  }
  delete(): void {
    this.ctx.enqueue(
      `${this.path}.delete()`,
      () => {
        const s = this.resolveSheet();
        if (s === null) return; // a null object: nothing to delete
        checkStructure(this.ctx, `${this.path}.delete()`);
        if (this.ctx.state.sheets.length === 1) throw new FakeExcelError("InvalidOperation", "cannot delete the only sheet");
        s.deleted = true;
        this.ctx.state.sheets = this.ctx.state.sheets.filter((x) => x !== s);
      },
      "no",
    );
  }
  getRange(address?: string): FakeRange {
    const bounds = address === undefined ? { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL } : parseRef(address);
    return new FakeRange(this.ctx, this, () => bounds, `${this.path}.getRange(${address ?? ""})`);
  }
  /** A multi-area range, "A1:B2, D4" (comma or semicolon separated), as Worksheet.getRanges (ExcelApi 1.9). */
  getRanges(address: string): FakeMultiRange {
    return new FakeMultiRange(this.ctx, this, address);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      this,
      () => {
        let b: Bounds | null = null;
        const s = this.sheet();
        for (const [key, c] of s.cells) {
          const hasContent = c.value !== null || c.formula !== undefined;
          const hasFormat = c.numberFormat !== undefined || Object.keys(c.style).length > 0;
          if (!hasContent && (valuesOnly || !hasFormat)) continue;
          const [r, col] = key.split(",").map(Number) as [number, number];
          b = b
            ? { top: Math.min(b.top, r), left: Math.min(b.left, col), bottom: Math.max(b.bottom, r), right: Math.max(b.right, col) }
            : { top: r, left: col, bottom: r, right: col };
        }
        return b;
      },
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly ?? false})`,
      true,
    );
  }
}

class FakeProtection extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, `${ws.path}.protection`);
  }
  protected override fetch(prop: string): unknown {
    if (prop === "protected") return this.ws.sheet().protected;
    return super.fetch(prop);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(options?: unknown, password?: string): void {
    this.ctx.enqueue(
      `${this.path}.protect(${password === undefined ? "" : "***"})`,
      () => {
        const s = this.ws.sheet();
        if (s.protected) throw new FakeExcelError("InvalidOperation", `${this.path}: the sheet is already protected`);
        s.protected = true;
        s.protectionOptions = options ?? null;
      },
      "no",
    );
  }
  unprotect(password?: string): void {
    this.ctx.enqueue(
      `${this.path}.unprotect(${password === undefined ? "" : "***"})`,
      () => {
        this.ws.sheet().protected = false;
      },
      "no",
    );
  }
}

type BoundsResolver = () => Bounds | null;

function shape(b: Bounds): [number, number] {
  return [b.bottom - b.top + 1, b.right - b.left + 1];
}

class FakeRange extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    readonly ws: FakeWorksheet,
    private readonly resolveBounds: BoundsResolver,
    path: string,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }
  protected override isMissing(): boolean {
    return this.resolveBounds() === null;
  }
  bounds(): Bounds {
    const b = this.resolveBounds();
    if (!b) throw new FakeExcelError("InvalidReference", `${this.path} is a null object`);
    return b;
  }
  areas(): Bounds[] {
    return [this.bounds()];
  }
  private grid<T>(f: (row: number, col: number) => T): T[][] {
    const b = this.bounds();
    const [rows, cols] = shape(b);
    // "A range is limited to 5,000,000 cells for read operations" (RangeExceedsLimit):
    // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
    if (rows * cols > 5_000_000) throw new FakeExcelError("RangeExceedsLimit", `${this.path}: ${rows * cols} cells`);
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(b.top + r, b.left + c)));
  }
  protected override fetch(prop: string): unknown {
    const s = this.ws.sheet();
    const b = this.bounds();
    switch (prop) {
      case "rowIndex":
        return b.top - 1;
      case "columnIndex":
        return b.left - 1;
      case "rowCount":
        return b.bottom - b.top + 1;
      case "columnCount":
        return b.right - b.left + 1;
      case "address":
        return `${quoteSheet(s.name)}!${boundsAddress(b)}`;
      case "values":
        return this.grid((r, c) => s.cell(r, c)?.value ?? "");
      case "numberFormat":
        return this.grid((r, c) => s.cell(r, c)?.numberFormat ?? "General");
      case "formulas":
        return this.grid((r, c) => {
          const cell = s.cell(r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
      default:
        return super.fetch(prop);
    }
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get address(): string {
    return this.read("address");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  private write2d(prop: string, data: unknown[][], each: (cell: FakeCell, v: unknown) => void): void {
    this.ctx.enqueue(`${this.path}.${prop}=${JSON.stringify(data)}`, () => {
      const s = this.ws.sheet();
      if (s.protected) throw new FakeExcelError("AccessDenied", `${this.path}.${prop}: the sheet is protected`);
      const b = this.bounds();
      const [rows, cols] = shape(b);
      if (data.length !== rows || data.some((row) => row.length !== cols)) {
        throw new FakeExcelError("InvalidArgument", `${this.path}.${prop}: a ${rows}×${cols} array is needed`);
      }
      const content = prop !== "numberFormat";
      if (content) this.ctx.noteWrite();
      data.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return; // null leaves the cell unchanged
          // "The value of a merged range is specified in the cell of the range's upper-left corner"
          // (https://learn.microsoft.com/office/vba/api/excel.range.merge); a value written to another
          // cell of the area is not kept ("Excel may ignore the write for a non-anchor merged cell",
          // https://github.com/sbroenne/mcp-server-excel/issues/831).
          if (content && isHiddenByMerge(s, b.top + r, b.left + c)) return;
          each(s.ensure(b.top + r, b.left + c), v);
        }),
      );
    });
  }
  set values(data: unknown[][]) {
    this.write2d("values", data, (cell, v) => {
      delete cell.formula;
      delete cell.quotePrefix;
      if (v === "") {
        cell.value = null;
      } else if (typeof v === "string" && cell.numberFormat === TEXT_FORMAT) {
        // A cell formatted "@" keeps what is typed as text; its leading apostrophe: see FakeWorkbookState.textApostrophe.
        if (v.startsWith("'") && this.ctx.state.textApostrophe === "consume") Object.assign(cell, { value: v.slice(1), quotePrefix: true });
        else cell.value = v;
      } else if (typeof v === "string") {
        Object.assign(cell, parseTyped(v));
      } else if (typeof v === "number" || typeof v === "boolean") {
        cell.value = v;
      } else {
        throw new FakeExcelError("InvalidArgument", `unsupported value ${String(v)}`);
      }
    });
  }
  set formulas(data: unknown[][]) {
    this.write2d("formulas", data, (cell, v) => {
      delete cell.quotePrefix;
      if (typeof v === "string" && v.startsWith("=")) {
        cell.formula = v;
        cell.value = null; // not calculated by the fake
      } else if (typeof v === "string") {
        delete cell.formula;
        Object.assign(cell, parseTyped(v));
      } else {
        delete cell.formula;
        cell.value = v as number | boolean;
      }
    });
  }
  set numberFormat(data: unknown[][]) {
    this.write2d("numberFormat", data, (cell, v) => {
      cell.numberFormat = String(v);
    });
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.ctx, this);
  }
  get conditionalFormats(): { add: (type: string) => FakeConditionalFormat } {
    return {
      add: (type: string) => {
        const record: FakeSheet["conditionalFormats"][number] = { range: "", type };
        this.ctx.enqueue(`${this.path}.conditionalFormats.add(${type})`, () => {
          checkFormat(this.ws.sheet(), `${this.path}.conditionalFormats.add`);
          record.range = boundsAddress(this.bounds());
          this.ws.sheet().conditionalFormats.push(record);
        });
        return new FakeConditionalFormat(this.ctx, `${this.path}.conditionalFormats`, record);
      },
    };
  }
  get dataValidation(): { rule: unknown } {
    const validation = {} as { rule: unknown };
    Object.defineProperty(validation, "rule", {
      set: (rule: unknown) =>
        this.ctx.enqueue(`${this.path}.dataValidation.rule=${JSON.stringify(rule)}`, () => {
          this.ws.sheet().validations.push({ range: boundsAddress(this.bounds()), rule });
        }),
      get: () => {
        throw new FakeExcelError("PropertyNotLoaded", `${this.path}.dataValidation.rule`);
      },
    });
    return validation;
  }
  merge(across?: boolean): void {
    this.ctx.enqueue(`${this.path}.merge(${across ?? false})`, () => {
      if (across) throw new FakeExcelError("InvalidArgument", "fake: merge(across) is not modelled");
      const s = this.ws.sheet();
      checkFormat(s, `${this.path}.merge`);
      const b = this.bounds();
      if (s.merges.some((m) => overlaps(m, b))) throw new FakeExcelError("InvalidOperation", `merge ${boundsAddress(b)} overlaps a merged area`);
      s.merges.push(b);
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this);
  }
}

class FakeRangeAreas extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx, `${range.path}.getMergedAreasOrNullObject()`, true);
  }
  private areas(): Bounds[] {
    const b = this.range.bounds();
    // As Excel: the merged areas whose top-left cell lies in the range ("getMergedAreasOrNullObject
    // will only return merged areas whose top left cell exists in the range passed",
    // https://github.com/OfficeDev/office-js/issues/3611), each whole.
    return this.range.ws.sheet().merges.filter((m) => m.top >= b.top && m.top <= b.bottom && m.left >= b.left && m.left <= b.right);
  }
  protected override isMissing(): boolean {
    return this.areas().length === 0;
  }
  protected override fetch(prop: string): unknown {
    if (prop === "address") {
      const areas = this.areas();
      // More than 512 areas: "this method will fail to return the result" (FakeWorkbookState.mergedAreaLimit).
      // The docs do not name the error; modelled as GeneralException.
      if (areas.length > this.ctx.state.mergedAreaLimit) throw new FakeExcelError("GeneralException", `${this.path}: ${areas.length} merged areas (limit ${this.ctx.state.mergedAreaLimit})`);
      const name = quoteSheet(this.range.ws.sheet().name);
      return areas.map((a) => `${name}!${boundsAddress(a)}`).join(", ");
    }
    return super.fetch(prop);
  }
  get address(): string {
    return this.read("address");
  }
}

/** What a RangeFormat formats: one range, or every area of a multi-area range. */
interface FormatTarget {
  readonly path: string;
  readonly ws: FakeWorksheet;
  areas(): Bounds[];
}

/** Records `target.prop = value` as a queued operation applied to each cell of the range (of each area). */
/**
 * Formatting a protected sheet: refused unless its protection allows it (WorksheetProtectionOptions
 * allowFormatCells / allowFormatColumns / allowFormatRows, all false by default when protect() is
 * given no options): https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions
 */
function checkFormat(s: FakeSheet, what: string, allow: "allowFormatCells" | "allowFormatColumns" | "allowFormatRows" = "allowFormatCells"): void {
  if (!s.protected) return;
  const options = (s.protectionOptions ?? {}) as Record<string, unknown>;
  if (options[allow] !== true) throw new FakeExcelError("AccessDenied", `${what}: the sheet is protected`);
}

function styleSetter(ctx: FakeRequestContext, range: FormatTarget, key: string) {
  return (value: unknown) =>
    ctx.enqueue(`${range.path}.format.${key}=${JSON.stringify(value)}`, () => {
      const s = range.ws.sheet();
      checkFormat(s, `${range.path}.format.${key}`, key === "columnWidth" ? "allowFormatColumns" : key === "rowHeight" ? "allowFormatRows" : "allowFormatCells");
      for (const b of range.areas()) {
        if (key === "columnWidth") {
          for (let c = b.left; c <= b.right; c++) s.columnWidths[columnLetter(c)] = value as number;
          continue;
        }
        if (key === "rowHeight") {
          for (let r = b.top; r <= Math.min(b.bottom, b.top + 10000); r++) s.rowHeights[r] = value as number;
          continue;
        }
        for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) s.ensure(r, c).style[key] = value;
      }
    });
}

let borderSeq = 0;

/** Worksheet.getRanges: the areas are parsed when the batch runs (a bad or over-long list fails the sync). */
class FakeMultiRange {
  readonly path: string;
  constructor(
    private readonly ctx: FakeRequestContext,
    readonly ws: FakeWorksheet,
    private readonly address: string,
  ) {
    this.path = `${ws.path}.getRanges(${address})`;
  }
  areas(): Bounds[] {
    if (this.address.length > 8192) throw new FakeExcelError("InvalidArgument", `getRanges: the address is ${this.address.length} characters (limit 8192)`);
    return this.address.split(/[,;]/).map((a) => parseRef(a));
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.ctx, this);
  }
}

type BorderRecord = FakeSheet["borders"][number];
const borderIndexes = new WeakMap<FakeSheet, { list: BorderRecord[]; byKey: Map<string, BorderRecord> }>();

/**
 * The sheet's border record for (range, edge), created when missing. Looked up through an index
 * (rebuilt when `borders` was replaced or changed from outside): a linear find made big sheets quadratic.
 */
function borderRecord(s: FakeSheet, range: string, edge: string): BorderRecord {
  let index = borderIndexes.get(s);
  if (!index || index.list !== s.borders || index.byKey.size !== s.borders.length) {
    const byKey = new Map<string, BorderRecord>();
    for (const r of s.borders) if (!byKey.has(`${r.range}|${r.edge}`)) byKey.set(`${r.range}|${r.edge}`, r);
    index = { list: s.borders, byKey };
    borderIndexes.set(s, index);
  }
  const key = `${range}|${edge}`;
  let rec = index.byKey.get(key);
  if (!rec) {
    rec = { range, edge };
    s.borders.push(rec);
    index.byKey.set(key, rec);
  }
  return rec;
}

class FakeRangeFormat {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly borders: { getItem: (edge: string) => Record<string, unknown> };
  private readonly set: (key: string) => (v: unknown) => void;
  constructor(ctx: FakeRequestContext, range: FormatTarget) {
    this.set = (key) => styleSetter(ctx, range, key);
    const setters = (prefix: string, keys: string[]) => {
      const o: Record<string, unknown> = {};
      for (const k of keys) {
        Object.defineProperty(o, k, {
          set: this.set(`${prefix}${k}`),
          get: () => {
            throw new FakeExcelError("PropertyNotLoaded", `${range.path}.format.${prefix}${k}`);
          },
        });
      }
      return o;
    };
    this.font = setters("font.", ["bold", "italic", "size", "color", "name"]);
    this.fill = setters("fill.", ["color"]);
    this.borders = {
      getItem: (edge: string) => {
        const o: Record<string, unknown> = {};
        for (const k of ["style", "weight", "color"]) {
          Object.defineProperty(o, k, {
            set: (v: unknown) =>
              ctx.enqueue(`${range.path}.format.borders.getItem(${edge}).${k}=${String(v)}`, () => {
                const s = range.ws.sheet();
                checkFormat(s, `${range.path}.format.borders`);
                for (const b of range.areas()) {
                  const rec = borderRecord(s, boundsAddress(b), edge);
                  (rec as Record<string, unknown>)[k] = v;
                  rec.seq = ++borderSeq;
                }
              }),
          });
        }
        return o;
      },
    };
  }
  set wrapText(v: boolean) {
    this.set("wrapText")(v);
  }
  set horizontalAlignment(v: string) {
    this.set("horizontalAlignment")(v);
  }
  set verticalAlignment(v: string) {
    this.set("verticalAlignment")(v);
  }
  set columnWidth(v: number) {
    this.set("columnWidth")(v);
  }
  set rowHeight(v: number) {
    this.set("rowHeight")(v);
  }
}

class FakeConditionalFormat {
  readonly cellValue: { format: { fill: Record<string, unknown>; font: Record<string, unknown> }; rule: unknown };
  constructor(ctx: FakeRequestContext, path: string, record: FakeSheet["conditionalFormats"][number]) {
    const fill = {};
    Object.defineProperty(fill, "color", { set: (v: string) => ctx.enqueue(`${path}.fill.color=${v}`, () => (record.fill = v)) });
    const font = {};
    Object.defineProperty(font, "color", { set: (v: string) => ctx.enqueue(`${path}.font.color=${v}`, () => (record.fontColor = v)) });
    const cellValue = { format: { fill, font } } as { format: { fill: Record<string, unknown>; font: Record<string, unknown> }; rule: unknown };
    Object.defineProperty(cellValue, "rule", {
      set: (v: unknown) => ctx.enqueue(`${path}.rule=${JSON.stringify(v)}`, () => (record.rule = v)),
    });
    this.cellValue = cellValue;
  }
}

class FakePageLayout {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    for (const key of ["orientation", "paperSize", "zoom", "leftMargin", "rightMargin", "topMargin", "bottomMargin"]) {
      Object.defineProperty(this, key, {
        set: (v: unknown) => this.record(key, v),
        get: () => {
          throw new FakeExcelError("PropertyNotLoaded", `${ws.path}.pageLayout.${key}`);
        },
      });
    }
  }
  private record(key: string, v: unknown): void {
    this.ctx.enqueue(`${this.ws.path}.pageLayout.${key}=${JSON.stringify(v)}`, () => {
      this.ws.sheet().pageLayout[key] = v;
    });
  }
  setPrintArea(area: string): void {
    this.record("printArea", area);
  }
  setPrintTitleRows(rows: string): void {
    this.record("printTitleRows", rows);
  }
}

class FakeChartCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}
  add(type: string, source: FakeRange, seriesBy?: string): FakeChartProxy {
    const chart: FakeChart = { type, series: [] };
    this.ctx.enqueue(`${this.ws.path}.charts.add(${type},${source.path},${seriesBy ?? "Auto"})`, () => {
      const b = source.bounds();
      if (b.left !== b.right && b.top !== b.bottom) throw new FakeExcelError("InvalidArgument", "fake: one-column or one-row source only");
      chart.series.push({ name: `Series1`, values: boundsAddress(b) });
      this.ws.sheet().charts.push(chart);
    });
    return new FakeChartProxy(this.ctx, `${this.ws.path}.charts[${type}]`, chart);
  }
}

class FakeChartProxy {
  readonly title: { text: string };
  readonly series: { getItemAt: (i: number) => FakeSeriesProxy; add: (name?: string) => FakeSeriesProxy };
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly path: string,
    private readonly chart: FakeChart,
  ) {
    const title = {} as { text: string };
    Object.defineProperty(title, "text", { set: (v: string) => ctx.enqueue(`${path}.title.text=${v}`, () => (chart.title = v)) });
    this.title = title;
    this.series = {
      getItemAt: (i: number) =>
        new FakeSeriesProxy(ctx, `${path}.series[${i}]`, () => {
          const s = chart.series[i];
          if (!s) throw new FakeExcelError("ItemNotFound", `${path}.series[${i}]`);
          return s;
        }),
      add: (name?: string) => {
        let created: FakeChartSeries | undefined;
        ctx.enqueue(`${path}.series.add(${name ?? ""})`, () => {
          created = { name: name ?? `Series${chart.series.length + 1}`, values: "" };
          chart.series.push(created);
        });
        return new FakeSeriesProxy(ctx, `${path}.series.add(${name ?? ""})`, () => {
          if (!created) throw new FakeExcelError("InvalidReference", "series not added yet");
          return created;
        });
      },
    };
  }
  setPosition(from: string, to?: string): void {
    this.ctx.enqueue(`${this.path}.setPosition(${from},${to ?? ""})`, () => {
      this.chart.from = from;
      if (to !== undefined) this.chart.to = to;
    });
  }
}

class FakeSeriesProxy {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly path: string,
    private readonly resolve: () => FakeChartSeries,
  ) {
    Object.defineProperty(this, "name", {
      set: (v: string) => ctx.enqueue(`${path}.name=${v}`, () => (this.resolve().name = v)),
      get: () => {
        throw new FakeExcelError("PropertyNotLoaded", `${path}.name`);
      },
    });
  }
  setValues(range: FakeRange): void {
    this.ctx.enqueue(`${this.path}.setValues(${range.path})`, () => (this.resolve().values = boundsAddress(range.bounds())));
  }
  setXAxisValues(range: FakeRange): void {
    this.ctx.enqueue(`${this.path}.setXAxisValues(${range.path})`, () => (this.resolve().xValues = boundsAddress(range.bounds())));
  }
}

/** A context over a fresh state, typed as Excel's for the adapter. */
export function fakeExcel(state = new FakeWorkbookState()): { state: FakeWorkbookState; context: FakeRequestContext; excel: Excel.RequestContext } {
  const context = new FakeRequestContext(state);
  return { state, context, excel: context as unknown as Excel.RequestContext };
}

/** One Excel.run the fake served: its options and its context. */
export interface FakeRun {
  options: FakeRunOptions;
  context: FakeRequestContext;
}

/**
 * A batch runner over `state`, as Excel.run: every run gets a fresh context over the same workbook,
 * with the run's options (delayForCellEdit, mergeUndoGroup) honoured as FakeWorkbookState says.
 */
export function fakeRunner(state: FakeWorkbookState): {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: FakeRunOptions) => Promise<T>;
  runs: FakeRun[];
} {
  const runs: FakeRun[] = [];
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options: FakeRunOptions = {}): Promise<T> => {
    const context = new FakeRequestContext(state, { ...options });
    runs.push({ options: { ...options }, context });
    return batch(context as unknown as Excel.RequestContext);
  };
  return { run, runs };
}

/**
 * Puts an `Excel` global with `run` (both forms: run(batch) and run(options, batch)) over `state`,
 * for code that calls Excel.run itself (the adapter's default runner). Returns the runs and a restore.
 */
export function installExcelGlobal(state: FakeWorkbookState): { runs: FakeRun[]; restore: () => void } {
  const g = globalThis as { Excel?: unknown };
  const before = g.Excel;
  const { run, runs } = fakeRunner(state);
  g.Excel = {
    run: <T>(a: FakeRunOptions | ((context: Excel.RequestContext) => Promise<T>), b?: (context: Excel.RequestContext) => Promise<T>) =>
      typeof a === "function" ? run(a) : run(b as (context: Excel.RequestContext) => Promise<T>, a),
  };
  return { runs, restore: () => (g.Excel = before) };
}
