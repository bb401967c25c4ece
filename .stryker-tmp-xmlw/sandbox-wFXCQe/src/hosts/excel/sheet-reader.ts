/**
 * ExcelAdapter.read's engine: what the product needs of a workbook, in batches whose responses stay
 * under RESPONSE_BUDGET (4 MB; Excel on the web refuses a response over 5 MB: "Resource limits and
 * performance optimization for Office Add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 *
 * What is read, sheet by sheet:
 * - every sheet: its name, position and protection, and its used range's bounds (values only);
 * - in full (values, number formats, formulas over the used range, and the merged areas): the input
 *   and owned sheets (by name: sheet-names.ts INPUT_SHEETS, 审计记录, 撤销记录, 付款结算, 计算说明), any
 *   sheet of at most SMALL_SHEET_CELLS cells (a monthly scorecard is ~200), and any larger sheet whose
 *   first rows look like a scorecard (find-scorecards.ts recognises a scorecard by its header texts:
 *   looksLikeScorecard below asks for any of them, so that no scorecard is missed);
 * - any other sheet (a clerk's 20,000-row ledger): its first WINDOW_ROWS × WINDOW_COLUMNS values only,
 *   to tell; the snapshot lists it by name with no cells, and `unread` says so.
 *
 * Batches. Each read is a few rounds of jobs, each round packed into as few syncs as keep the
 * estimated response under the budget: the listing (1), the bounds of sheets not known (1), the
 * cells (1 for an ordinary workbook), and the full read of a large sheet found to be a scorecard
 * (rare). A read after the first knows the sheets, their bounds and their bytes per cell, and queues
 * it all with the listing: 1 sync. A large used range is read in bands of rows. The estimate of a
 * response is bytes per cell × cells (measured on the last read, or on the window, or
 * DEFAULT_BYTES_PER_CELL) plus a fixed cost per object.
 *
 * When a batch fails all the same: a response or request over the limit
 * (ResponsePayloadSizeLimitExceeded, RequestPayloadSizeLimitExceeded, RangeExceedsLimit) or, in a
 * batch that reads merged areas, any failure but the ones that say otherwise (the merged-area read
 * "will fail to return the result" past 512 areas without a documented error code:
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)),
 * the batch is cut in two and each half run again (a read changes nothing); a single job is cut by
 * rows (cells in half the rows; merged areas over half the rows — Excel gives a merged area to the
 * range holding its top-left cell, https://github.com/OfficeDev/office-js/issues/3611, so bands
 * never count one twice). A failure of one uncuttable job is the read's failure.
 */
// @ts-nocheck

import { type MergedRange, type ReadCell, type SheetSnapshot, type WorkbookSnapshot, columnLetter, parseA1 } from "../../workbook/model";
import { normalizeHeader, normalizeText } from "../../workbook/read/normalize";
import { INPUT_SHEETS } from "../../workbook/read/sheet-names";
import { AUDIT_SHEET_NAME } from "../../workbook/sheets/audit";
import { EXPLAIN_SHEET_NAME } from "../../workbook/sheets/explain-sheet";
import { PAYMENT_SHEET_NAME } from "../../workbook/sheets/payment-sheet";
import { UNDO_SHEET_NAME } from "../../workbook/sheets/undo";
import { errorCode } from "./errors";
import { RESPONSE_BUDGET, utf8Length } from "./request-size";
import { TEXT_FORMAT, readTextCell } from "./text-input";

/** A sheet of at most this many cells (used range) is read in full whatever it holds. */
export const SMALL_SHEET_CELLS = 20_000;
/** The first rows and columns of a large sheet read to tell whether it is a scorecard (cells.ts looks for headers in the first 30 rows). */
export const WINDOW_ROWS = 30;
export const WINDOW_COLUMNS = 30;
/** Response bytes per cell (values + number formats + formulas) assumed before any was measured. */
export const DEFAULT_BYTES_PER_CELL = 48;
/** Response bytes of one sheet's merged areas assumed before they were measured. */
const DEFAULT_MERGE_BYTES = 2_048;
/** Response bytes of the small loads of a job (bounds, protection, the object's own entry). */
const JOB_OVERHEAD = 256;
/** A read gives up past this many syncs (a batch cut again and again). */
const MAX_SYNCS = 200;
const MAX_ROW = 1_048_576;

/** 1-based inclusive bounds. */
export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What a read learnt of a sheet, for the next read to queue it with the listing. */
export interface KnownSheet {
  name: string;
  /** Read in full, or only its first rows (a large sheet the product does not use). */
  mode: "full" | "window";
  /** The used range (values only) as last read; null when the sheet was empty; undefined when not known. */
  bounds: Bounds | null | undefined;
  /** Response bytes per cell measured (values, number formats, formulas). */
  bytesPerCell: number;
  /** Response bytes of its merged areas measured. */
  mergeBytes: number;
}

/** A sheet listed by name only: its cells were not read. */
export interface UnreadSheet {
  name: string;
  rows: number;
  columns: number;
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  known: KnownSheet[];
  unread: UnreadSheet[];
  /** Workbook.protection.protected: the structure (adding, deleting, moving sheets) is protected. */
  structureProtected: boolean;
  /** Cells formatted "@" (Text), blank ones too, within the used ranges read: by sheet (lower-cased name), "row,col". */
  textCells: Map<string, Set<string>>;
  /** The syncs made, and the response bytes each brought back (measured as the JSON of the loaded values). */
  syncs: number;
  responseBytes: number[];
}

export interface ReadOptions {
  /** Read merged areas (ExcelApi 1.13); without, full sheets are marked mergesUnknown. */
  withMerges: boolean;
  /** The sheets the last read learnt, or null for a first read. */
  known: readonly KnownSheet[] | null;
  /** One sync (the adapter's, which bounds the wait). */
  sync: (context: Excel.RequestContext) => Promise<void>;
  /** Response budget per sync; default RESPONSE_BUDGET. */
  budget?: number;
}

/** Names of the sheets the product reads or owns, normalised as the readers match them (cells.ts findSheet). */
const NEEDED = new Set([...Object.values(INPUT_SHEETS), AUDIT_SHEET_NAME, UNDO_SHEET_NAME, EXPLAIN_SHEET_NAME, PAYMENT_SHEET_NAME].map((n) => normalizeText(n)));

/** Is this a sheet the product reads by name? */
export function neededByName(name: string): boolean {
  return NEEDED.has(normalizeText(name));
}

const SCORECARD_HEADERS = new Set(["单项得分", "满分", "考核指标", "考核项目"].map((h) => normalizeHeader(h)));
const SCORECARD_LABELS = ["考核月份", "考核得分"].map((h) => normalizeText(h));

/** Do these values (a sheet's first rows) hold any text of a scorecard's header or labels? */
export function looksLikeScorecard(values: readonly (readonly unknown[])[]): boolean {
  for (const row of values) {
    for (const v of row) {
      if (typeof v !== "string" || v === "" || v.length > 60) continue;
      const header = normalizeHeader(v).replace(/\([^()]*\)$/, "");
      if (SCORECARD_HEADERS.has(header)) return true;
      const text = normalizeText(v);
      if (SCORECARD_LABELS.some((l) => text.startsWith(l))) return true;
    }
  }
  return false;
}

const cellCount = (b: Bounds) => (b.bottom - b.top + 1) * (b.right - b.left + 1);

/** Turns a range's arrays into the non-empty cells, row-major, 1-based. */
export function cellsOf(rowIndex: number, columnIndex: number, values: unknown[][], numberFormats: unknown[][], formulas: unknown[][]): ReadCell[] {
  const cells: ReadCell[] = [];
  values.forEach((row, r) => {
    row.forEach((raw, c) => {
      const fmt = numberFormats[r]?.[c];
      const value = toCellValue(readTextCell(raw, fmt));
      const f = formulas[r]?.[c];
      // Range.formulas gives the value for a cell without a formula, and for text that only looks
      // like a formula ('=x, stored as text) it gives that same text: a formula differs from its value.
      const formula = typeof f === "string" && f.startsWith("=") && f !== raw ? f.slice(1) : undefined;
      if (value === null && formula === undefined) return;
      const cell: ReadCell = {
        row: rowIndex + r + 1,
        col: columnIndex + c + 1,
        value,
        numberFormat: typeof fmt === "string" && fmt !== "" ? fmt : "General",
      };
      if (formula !== undefined) cell.formula = formula;
      cells.push(cell);
    });
  });
  return cells;
}

function toCellValue(raw: unknown): string | number | boolean | null {
  if (raw === "" || raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  return String(raw);
}

/**
 * Splits a RangeAreas address ("Sheet1!A1:B2, 'My sheet'!D4:E4") into rectangles.
 * Commas inside a quoted sheet name do not split; the sheet part is dropped.
 */
export function parseAreas(address: string): MergedRange[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // '' inside a quoted name toggles twice: no effect
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  const areas: MergedRange[] = [];
  for (const part of parts) {
    const ref = part.slice(part.lastIndexOf("!") + 1).trim().replace(/\$/g, "");
    if (ref === "") continue;
    const [from, to = from] = ref.split(":") as [string, string?];
    const a = parseA1(from);
    const b = parseA1(to);
    areas.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
  }
  return areas;
}

function address(b: Bounds): string {
  return `${columnLetter(b.left)}${b.top}:${columnLetter(b.right)}${b.bottom}`;
}

function rowsAddress(top: number, bottom: number): string {
  return `${top}:${bottom}`;
}

// ---------------------------------------------------------------- jobs

type Job =
  | { kind: "listing" }
  /** A sheet's protection and used range's bounds. */
  | { kind: "probe"; sheet: string }
  /** A sheet the last read learnt: its probe with, in full mode, its used range's arrays and merged areas; in window mode, its window. */
  | { kind: "known"; sheet: string; k: KnownSheet }
  | { kind: "cells"; sheet: string; rect: Bounds }
  | { kind: "window"; sheet: string; rect: Bounds }
  | { kind: "merges"; sheet: string; top: number; bottom: number };

/** A sheet as this read sees it. */
interface SheetState {
  name: string;
  position: number;
  protected?: boolean;
  /** undefined: not known yet; null: empty. */
  bounds?: Bounds | null;
  mode?: "full" | "window";
  /** The cells read, by bands of rows. */
  bands: { top: number; rows: number; cells: ReadCell[] }[];
  merges: MergedRange[];
  mergeKeys: Set<string>;
  /** Measured: response bytes and cells of the arrays read. */
  bytes: number;
  cells: number;
  mergeBytes: number;
  windowValues?: unknown[][];
  /** Bytes per cell of a full read, estimated from the window. */
  windowBytesPerCell?: number;
  /** Cells formatted "@" ("row,col"). */
  textCells: Set<string>;
  /** Full content read (the cells and, with merges, the merged areas). */
  cellsDone: boolean;
  mergesDone: boolean;
}

/** A job's proxies, queued in the batch and read after its sync. */
interface Queued {
  job: Job;
  worksheets?: Excel.WorksheetCollection;
  protection?: Excel.WorkbookProtection | Excel.WorksheetProtection;
  used?: Excel.Range;
  range?: Excel.Range;
  merged?: Excel.RangeAreas;
}

/** A used range's bounds (loaded rowIndex, columnIndex, rowCount, columnCount); null for a null object (an empty sheet). */
function boundsOfUsed(used: Excel.Range): Bounds | null {
  return used.isNullObject ? null : { top: used.rowIndex + 1, left: used.columnIndex + 1, bottom: used.rowIndex + used.rowCount, right: used.columnIndex + used.columnCount };
}

/** Is this failure worth cutting the batch for? */
function cuttable(e: unknown, jobs: readonly Job[]): boolean {
  const code = errorCode(e);
  if (code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded" || code === "RangeExceedsLimit") return true;
  const readsMerges = jobs.some((j) => j.kind === "merges" || (j.kind === "known" && j.k.mode === "full"));
  if (!readsMerges || code === undefined) return false;
  return !["ItemNotFound", "InvalidOperationInCellEditMode", "AccessDenied", "RequestAborted", "InvalidReference"].includes(code);
}

export class SheetReader {
  private readonly sheets = new Map<string, SheetState>();
  private listed: SheetState[] = [];
  private structureProtected = false;
  private syncs = 0;
  private readonly responseBytes: number[] = [];
  private readonly budget: number;
  private readonly knownByName: Map<string, KnownSheet>;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: ReadOptions,
  ) {
    this.budget = options.budget ?? RESPONSE_BUDGET;
    this.knownByName = new Map((options.known ?? []).map((k) => [k.name.toLowerCase(), k]));
  }

  async read(): Promise<ReadResult> {
    // Round 1: the listing, with every sheet the last read learnt.
    await this.runRound([{ kind: "listing" }, ...[...this.knownByName.values()].map((k): Job => ({ kind: "known", sheet: k.name, k }))]);
    // Round 2: the bounds of sheets not known.
    await this.runRound(this.listed.filter((s) => s.bounds === undefined).map((s): Job => ({ kind: "probe", sheet: s.name })));
    // Round 3: cells of the sheets to read in full, windows of the others.
    await this.runRound(this.listed.flatMap((s) => this.contentJobs(s)));
    // Round 4: a windowed sheet that looks like a scorecard (or turned small), in full.
    await this.runRound(this.listed.flatMap((s) => this.contentJobs(s)));
    return this.result();
  }

  private state(name: string): SheetState {
    const s = this.sheets.get(name.toLowerCase());
    if (!s) throw new Error(`internal: sheet ${name} not listed`);
    return s;
  }

  /** What is still to read of a sheet, deciding its mode when it can. */
  private contentJobs(s: SheetState): Job[] {
    if (s.bounds === undefined || s.cellsDone) return [];
    if (s.mode === "window") {
      if (s.windowValues === undefined) return [];
      if (!looksLikeScorecard(s.windowValues) && (s.bounds === null || cellCount(s.bounds) > SMALL_SHEET_CELLS)) {
        s.cellsDone = true; // stays unread
        return [];
      }
      s.mode = "full";
    }
    if (s.mode === undefined) {
      const small = s.bounds === null || cellCount(s.bounds) <= SMALL_SHEET_CELLS;
      s.mode = small || neededByName(s.name) ? "full" : "window";
      if (s.mode === "window" && s.bounds) {
        const b = s.bounds;
        return [{ kind: "window", sheet: s.name, rect: { top: b.top, left: b.left, bottom: Math.min(b.bottom, b.top + WINDOW_ROWS - 1), right: Math.min(b.right, b.left + WINDOW_COLUMNS - 1) } }];
      }
    }
    const jobs: Job[] = [];
    if (s.bounds) jobs.push(...this.cellBands(s.name, s.bounds, this.bytesPerCell(s)));
    else s.cellsDone = true;
    if (this.options.withMerges && !s.mergesDone) jobs.push({ kind: "merges", sheet: s.name, top: 1, bottom: MAX_ROW });
    return jobs;
  }

  private bytesPerCell(s: SheetState): number {
    if (s.cells > 0) return Math.max(4, s.bytes / s.cells);
    if (s.windowBytesPerCell !== undefined) return s.windowBytesPerCell;
    const k = this.knownByName.get(s.name.toLowerCase());
    return k?.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;
  }

  /** A used range in bands of rows, each estimated within the budget. */
  private cellBands(sheet: string, b: Bounds, bytesPerCell: number): Job[] {
    const columns = b.right - b.left + 1;
    const rows = Math.max(1, Math.floor((this.budget - JOB_OVERHEAD) / (columns * bytesPerCell)));
    const jobs: Job[] = [];
    for (let top = b.top; top <= b.bottom; top += rows) jobs.push({ kind: "cells", sheet, rect: { top, left: b.left, bottom: Math.min(b.bottom, top + rows - 1), right: b.right } });
    return jobs;
  }

  private estimate(job: Job): number {
    switch (job.kind) {
      case "listing":
        return JOB_OVERHEAD * 4;
      case "probe":
        return JOB_OVERHEAD;
      case "known": {
        const k = job.k;
        if (k.mode === "window") {
          const b = k.bounds;
          const cells = b ? Math.min(b.bottom - b.top + 1, WINDOW_ROWS) * Math.min(b.right - b.left + 1, WINDOW_COLUMNS) : 0;
          return JOB_OVERHEAD + cells * k.bytesPerCell;
        }
        const cells = k.bounds ? cellCount(k.bounds) : 0;
        return JOB_OVERHEAD + cells * k.bytesPerCell + (this.options.withMerges ? k.mergeBytes : 0);
      }
      case "cells":
        return JOB_OVERHEAD + cellCount(job.rect) * this.bytesPerCell(this.state(job.sheet));
      case "window":
        return JOB_OVERHEAD + cellCount(job.rect) * this.bytesPerCell(this.state(job.sheet));
      case "merges":
        return JOB_OVERHEAD + (this.knownByName.get(job.sheet.toLowerCase())?.mergeBytes ?? DEFAULT_MERGE_BYTES);
    }
  }

  /** Runs jobs in batches under the budget; a failing batch is cut (see the header). */
  private async runRound(jobs: Job[]): Promise<void> {
    if (jobs.length === 0) return;
    const batches: Job[][] = [];
    let current: Job[] = [];
    let bytes = 0;
    for (const job of jobs) {
      const e = this.estimate(job);
      if (current.length > 0 && bytes + e > this.budget) {
        batches.push(current);
        current = [];
        bytes = 0;
      }
      current.push(job);
      bytes += e;
    }
    batches.push(current);
    for (const batch of batches) await this.runBatch(batch);
  }

  private async runBatch(jobs: Job[]): Promise<void> {
    if (this.syncs >= MAX_SYNCS) throw new Error(`读取工作簿用了 ${MAX_SYNCS} 次同步仍未完成 / reading the workbook took ${MAX_SYNCS} syncs without finishing`);
    const queued = jobs.map((job) => this.queue(job));
    this.syncs += 1;
    try {
      await this.options.sync(this.context);
    } catch (e) {
      if (!cuttable(e, jobs)) throw e;
      const parts = this.cut(jobs);
      if (parts === null) throw e;
      for (const part of parts) await this.runBatch(part);
      return;
    }
    let bytes = 0;
    for (const q of queued) bytes += this.take(q);
    this.responseBytes.push(bytes);
  }

  /** A failing batch in two, or its one job cut; null when it cannot be cut. */
  private cut(jobs: Job[]): Job[][] | null {
    if (jobs.length > 1) {
      const half = Math.ceil(jobs.length / 2);
      return [jobs.slice(0, half), jobs.slice(half)];
    }
    const job = jobs[0];
    if (!job) return null;
    switch (job.kind) {
      case "known": {
        // Its probe alone; the content follows the first-read way, in bands.
        const s = this.state(job.sheet);
        s.bounds = undefined;
        s.mode = undefined;
        return [[{ kind: "probe", sheet: job.sheet }]];
      }
      case "cells":
      case "window": {
        const r = job.rect;
        if (r.bottom === r.top) return null;
        const mid = Math.floor((r.top + r.bottom) / 2);
        return [[{ ...job, rect: { ...r, bottom: mid } }], [{ ...job, rect: { ...r, top: mid + 1 } }]];
      }
      case "merges": {
        if (job.bottom === job.top) return null;
        const s = this.state(job.sheet);
        // The first cut at the used range's last row: the rows below it rarely hold many merged areas.
        const usedBottom = s.bounds ? s.bounds.bottom : 0;
        const mid = job.top < usedBottom && usedBottom < job.bottom ? usedBottom : Math.floor((job.top + job.bottom) / 2);
        return [[{ ...job, bottom: mid }], [{ ...job, top: mid + 1 }]];
      }
      default:
        return null;
    }
  }

  /** Queues a job's loads; the proxies are read by take() once the batch is synced. */
  private queue(job: Job): Queued {
    const worksheets = this.context.workbook.worksheets;
    switch (job.kind) {
      case "listing": {
        worksheets.load("items/name,items/position");
        const protection = this.context.workbook.protection;
        protection.load("protected");
        return { job, worksheets, protection };
      }
      case "probe": {
        const sheet = worksheets.getItem(job.sheet);
        const protection = sheet.protection.load("protected");
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        return { job, protection, used };
      }
      case "known": {
        const sheet = worksheets.getItem(job.sheet);
        const protection = sheet.protection.load("protected");
        const used = sheet.getUsedRangeOrNullObject(true);
        const full = job.k.mode === "full";
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        if (full) used.load("values,numberFormat,formulas");
        const queued: Queued = { job, protection, used };
        if (full && this.options.withMerges) {
          const merged = sheet.getRange().getMergedAreasOrNullObject();
          merged.load("address");
          queued.merged = merged;
        }
        // The window where it was last time (a clerk's ledger rarely moves); checked against the bounds in take().
        const b = job.k.bounds;
        if (!full && b) {
          const window = sheet.getRange(address({ top: b.top, left: b.left, bottom: Math.min(b.bottom, b.top + WINDOW_ROWS - 1), right: Math.min(b.right, b.left + WINDOW_COLUMNS - 1) }));
          window.load("values");
          queued.range = window;
        }
        return queued;
      }
      case "cells": {
        const range = worksheets.getItem(job.sheet).getRange(address(job.rect));
        range.load("values,numberFormat,formulas");
        return { job, range };
      }
      case "window": {
        const range = worksheets.getItem(job.sheet).getRange(address(job.rect));
        range.load("values");
        return { job, range };
      }
      case "merges": {
        const merged = worksheets.getItem(job.sheet).getRange(rowsAddress(job.top, job.bottom)).getMergedAreasOrNullObject();
        merged.load("address");
        return { job, merged };
      }
    }
  }

  /** Takes a job's results after the sync; returns their response bytes (the JSON of what was loaded). */
  private take(q: Queued): number {
    const { job } = q;
    switch (job.kind) {
      case "listing": {
        const items = (q.worksheets as Excel.WorksheetCollection).items;
        this.structureProtected = (q.protection as Excel.WorkbookProtection).protected;
        this.listed = items.map((w) => ({ name: w.name, position: w.position, bands: [], merges: [], mergeKeys: new Set(), bytes: 0, cells: 0, mergeBytes: 0, cellsDone: false, mergesDone: false, textCells: new Set() }));
        this.sheets.clear();
        for (const s of this.listed) this.sheets.set(s.name.toLowerCase(), s);
        return utf8Length(JSON.stringify(this.listed.map((s) => [s.name, s.position])));
      }
      case "probe": {
        const s = this.state(job.sheet);
        s.protected = (q.protection as Excel.WorksheetProtection).protected;
        s.bounds = boundsOfUsed(q.used as Excel.Range);
        return JOB_OVERHEAD;
      }
      case "known": {
        // A known sheet that is no longer listed (deleted since) failed the batch with ItemNotFound already.
        const s = this.sheets.get(job.sheet.toLowerCase());
        if (!s) return 0;
        const used = q.used as Excel.Range;
        s.protected = (q.protection as Excel.WorksheetProtection).protected;
        s.bounds = boundsOfUsed(used);
        let bytes = JOB_OVERHEAD;
        if (job.k.mode === "full") {
          s.mode = "full";
          if (!used.isNullObject) bytes += this.takeCells(s, used.rowIndex, used.columnIndex, used.values, used.numberFormat, used.formulas);
          s.cellsDone = true;
          if (q.merged) {
            bytes += this.takeMerges(s, q.merged);
            s.mergesDone = true;
          }
        } else if (q.range && s.bounds && job.k.bounds && s.bounds.top === job.k.bounds.top && s.bounds.left === job.k.bounds.left) {
          s.mode = "window";
          s.windowValues = q.range.values;
          bytes += utf8Length(JSON.stringify(s.windowValues));
        }
        return bytes;
      }
      case "cells": {
        const s = this.state(job.sheet);
        const range = q.range as Excel.Range;
        const bytes = this.takeCells(s, job.rect.top - 1, job.rect.left - 1, range.values, range.numberFormat, range.formulas);
        s.cellsDone = s.bounds ? s.bands.reduce((n, band) => n + band.rows, 0) >= s.bounds.bottom - s.bounds.top + 1 : true;
        return bytes;
      }
      case "window": {
        const s = this.state(job.sheet);
        const values = (q.range as Excel.Range).values;
        const bytes = utf8Length(JSON.stringify(values));
        // Values only: the arrays of a full read are about twice that (values and formulas) plus the formats.
        s.windowValues = [...(s.windowValues ?? []), ...values];
        s.windowBytesPerCell = Math.max(4, (bytes * 2) / cellCount(job.rect) + 12);
        return bytes;
      }
      case "merges": {
        const s = this.state(job.sheet);
        const bytes = this.takeMerges(s, q.merged as Excel.RangeAreas);
        if (job.bottom === MAX_ROW) s.mergesDone = true;
        return bytes;
      }
    }
  }

  private takeCells(s: SheetState, rowIndex: number, columnIndex: number, values: unknown[][], numberFormats: unknown[][], formulas: unknown[][]): number {
    s.bands.push({ top: rowIndex + 1, rows: values.length, cells: cellsOf(rowIndex, columnIndex, values, numberFormats, formulas) });
    numberFormats.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f === TEXT_FORMAT) s.textCells.add(`${rowIndex + r + 1},${columnIndex + c + 1}`);
      }),
    );
    const bytes = utf8Length(JSON.stringify(values)) + utf8Length(JSON.stringify(numberFormats)) + utf8Length(JSON.stringify(formulas));
    s.bytes += bytes;
    s.cells += values.length * (values[0]?.length ?? 0);
    return bytes;
  }

  private takeMerges(s: SheetState, merged: Excel.RangeAreas): number {
    if (merged.isNullObject) return 0;
    const text = merged.address;
    for (const m of parseAreas(text)) {
      const key = `${m.top},${m.left},${m.bottom},${m.right}`;
      if (s.mergeKeys.has(key)) continue;
      s.mergeKeys.add(key);
      s.merges.push(m);
    }
    const bytes = utf8Length(text) + JOB_OVERHEAD;
    s.mergeBytes += bytes;
    return bytes;
  }

  private result(): ReadResult {
    const sheets: SheetSnapshot[] = [];
    const known: KnownSheet[] = [];
    const unread: UnreadSheet[] = [];
    const textCells = new Map<string, Set<string>>();
    for (const s of [...this.listed].sort((a, b) => a.position - b.position)) {
      const full = s.mode !== "window";
      const snapshot: SheetSnapshot = {
        name: s.name,
        index: s.position,
        cells: full ? s.bands.sort((a, b) => a.top - b.top).flatMap((band) => band.cells) : [],
        merges: full ? s.merges : [],
      };
      if (s.protected) snapshot.protected = true;
      if (full && !this.options.withMerges) snapshot.mergesUnknown = true;
      if (s.textCells.size > 0) textCells.set(s.name.toLowerCase(), s.textCells);
      sheets.push(snapshot);
      if (!full && s.bounds) unread.push({ name: s.name, rows: s.bounds.bottom - s.bounds.top + 1, columns: s.bounds.right - s.bounds.left + 1 });
      known.push({
        name: s.name,
        mode: full ? "full" : "window",
        bounds: s.bounds,
        bytesPerCell: this.bytesPerCell(s),
        mergeBytes: s.mergeBytes > 0 ? s.mergeBytes : DEFAULT_MERGE_BYTES,
      });
    }
    return { snapshot: { sheets }, known, unread, structureProtected: this.structureProtected, textCells, syncs: this.syncs, responseBytes: this.responseBytes };
  }
}
