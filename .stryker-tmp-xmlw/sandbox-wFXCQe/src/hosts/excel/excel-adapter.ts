/**
 * The office-js adapter: WorkbookAdapter over the Excel JavaScript API, inside the task pane.
 *
 * Round trips (context.sync) are the cost that matters in Excel, above all in Excel on the web, so
 * the number of syncs does not grow with the number of sheets or months. Every Excel.run the adapter
 * makes passes `delayForCellEdit: true` (RunOptions, ExcelApi 1.11 — older hosts ignore it and may
 * fail the batch with InvalidOperationInCellEditMode, reported as CellEditModeError): a clerk typing
 * in a cell makes the batch wait instead of fail. A sync that does not come back within
 * `syncTimeoutMs` (60 s) is reported as ExcelNotRespondingError (zh-CN and English).
 * - read(): bounded (sheet-reader.ts). It reads in full what the product needs — the input and owned
 *   sheets by name, every small sheet, and a large sheet only when its first rows look like a
 *   scorecard — and lists any other sheet by name (`unread`); every response is estimated and kept
 *   under 4 MB (RESPONSE_BUDGET; Excel on the web refuses 5 MB), large used ranges in bands of rows,
 *   and the merged areas of a sheet with more than 512 of them in bands too. Syncs: a read after the
 *   first of a pane session queues everything it learnt (sheets, used ranges, bytes per cell) with
 *   the listing: 1 sync (more only when that would pass the budget). The first read takes 3: the
 *   listing, the used ranges' bounds, the cells (one more when a large sheet turns out to be a
 *   scorecard). One sync there would need the loads queued before the sheets are known: the only way
 *   is to chain `worksheets.getFirst().getNextOrNullObject()…` and queue loads on null objects, which
 *   the Office docs do not say is safe. Until this change the first read was 2 syncs and every
 *   sheet's whole used range came back in one response (10 MB for one 20,000 × 16 ledger). A sheet
 *   renamed or deleted since the last read fails that batch with ItemNotFound (a read: nothing is
 *   half done) and the read starts again the first-read way.
 * - apply(): 1 sync for any plan whose request stays under 4.5 MB (SPLIT_AT; Excel on the web
 *   refuses a request over 5 MB). The plan is turned into few operations: values and number formats
 *   as 2-D arrays over rectangles (dense blocks of contiguous rows on a sheet created fresh, exact runs
 *   of the addressed cells in an existing sheet), styles and borders one operation per distinct style
 *   on a multi-area range (`Worksheet.getRanges("A1:B2, D4")`, ExcelApi 1.9; one range per rectangle
 *   without it), merges one each. Each operation's request size is estimated as it is queued
 *   (request-size.ts) and the batch is split into one more sync only where it would pass SPLIT_AT; the
 *   splits are counted in `lastApplyStats`.
 *   Order: the undo record (撤销记录, the plan's own sheet) first, then the rest (unprotect, owned
 *   cells, sheets, deletions, protect), so that a write that stops part-way always leaves a record of
 *   the state before it; a new 撤销记录 is moved to its place in the plan's order afterwards. A failed
 *   sync throws ApplyIncompleteError: what was written, what not.
 *   Calculation: every batch but the last suspends calculation (suspendApiCalculationUntilNextSync);
 *   the last runs with calculation on and ends with `application.calculate`: "Recalculate" for a
 *   one-batch write (fresh in Manual calculation mode too), "Full" after suspended batches (the docs:
 *   once suspended, "it is the developer's responsibility to re-calc the workbook, to ensure that any
 *   dependencies are propagated"). Formulas reading owned cells are fresh when apply returns.
 *   Undo: the whole apply runs as one native undo group (`mergeUndoGroup`, ExcelApi 1.20) only when
 *   the batch is undoable — owned cells only: sheet deletion and (un)protection are not undoable
 *   ("Undo support with the Excel JavaScript API"), and a group holding them throws UndoNotSupported
 *   — and the office.js in use passes the option on (`officeJsHonoursUndoGroup`; the npm copy 1.1.110
 *   drops it). UndoNotSupported all the same (office-js issue #6491: a large batch of supported
 *   calls) runs the write again without the group: owned-cell writes are idempotent. `nativeUndo`
 *   says whether the last apply was one undo step. The product's own 撤销上次写入 works everywhere.
 *
 * Text is always written as text (text-input.ts): strings Excel would reinterpret get a leading
 * apostrophe, written while the cell is General (values before number formats on a fresh sheet; a
 * cell the last read saw as "@" is set to General, written, and set back), because what Excel does
 * with an apostrophe in an "@" cell is not documented; reading drops an apostrophe kept in front of
 * such text in an "@" cell, so both behaviours read the same.
 *
 * Requirement sets: merged areas (1.13), data validation (1.8) and page layout (1.9) are used only
 * when the host has them; what was left out is listed in `skipped` so that the pane can say so;
 * without merged areas every sheet read is marked `mergesUnknown` (find-scorecards then refuses to
 * read a label's value through a merge it cannot see). Multi-area ranges (1.9) only make the batch
 * smaller: without them the same formats go on one range per rectangle, and nothing is skipped.
 */
// @ts-nocheck

import {
  type CellStyle,
  type CellWrite,
  type MergedRange,
  type PlannedCell,
  type SheetSpec,
  type WorkbookAdapter,
  type WorkbookSnapshot,
  type WritePlan,
  columnLetter,
  parseA1,
  plannedCells,
} from "../../workbook/model";
import { normalizeText } from "../../workbook/read/normalize";
import { fitPlan } from "../../workbook/sheets/excel-limits";
import { UNDO_SHEET_NAME } from "../../workbook/sheets/undo";
import { ApplyIncompleteError, CellEditModeError, ExcelNotRespondingError, errorCode } from "./errors";
import { type PathSegment, RequestEstimate, SPLIT_AT, utf8Length } from "./request-size";
import { type Bounds, type KnownSheet, type UnreadSheet, DEFAULT_BYTES_PER_CELL, SheetReader } from "./sheet-reader";
import { TEXT_FORMAT, needsTextPrefix, toExcelInput } from "./text-input";

export { ApplyIncompleteError, CellEditModeError, ExcelNotRespondingError } from "./errors";
export { cellsOf, parseAreas, type UnreadSheet } from "./sheet-reader";
export { needsTextPrefix, toExcelInput } from "./text-input";

/**
 * Options of one batch (Excel.RunOptions): `delayForCellEdit` waits while the user edits a cell
 * instead of failing (ExcelApi 1.11); `mergeUndoGroup` makes the whole batch one step of Excel's own
 * undo (ExcelApi 1.20).
 */
export interface BatchOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/** Runs one batch against Excel: `Excel.run` in the pane, a fake in the tests. */
export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: BatchOptions) => Promise<T>;

/** Excel's native undo group for a batch (`Excel.run({ mergeUndoGroup: true }, …)`). */
export const UNDO_GROUP_REQUIREMENT = { name: "ExcelApi", version: "1.20" } as const;

/** Multi-area ranges (`Worksheet.getRanges`), used to format many rectangles in one operation. */
export const RANGE_AREAS_REQUIREMENT = { name: "ExcelApi", version: "1.9" } as const;

/** How long a sync may take before the clerk is told Excel is not responding. */
export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

export interface ExcelAdapterOptions {
  /** Requirement-set probe; defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Split a write batch before its estimated request passes this many bytes; default SPLIT_AT (4.5 MB). */
  splitAt?: number;
  /** Cut a read into syncs whose estimated response stays under this many bytes; default RESPONSE_BUDGET (4 MB). */
  responseBudget?: number;
  /** A sync that takes longer is reported (ExcelNotRespondingError); default 60 s. */
  syncTimeoutMs?: number;
  /**
   * The office.js the pane loaded passes RunOptions.mergeUndoGroup on to Excel. The npm package
   * @microsoft/office-js 1.1.110 (the self-hosted copy) does not: its Excel.run reads
   * delayForCellEdit only. Microsoft's CDN copy is current. Default false: no undo group is asked
   * for, and `nativeUndo` stays false.
   */
  officeJsHonoursUndoGroup?: boolean;
}

/** What the last apply() sent: syncs made, of which splits (syncs beyond the first), and each request's estimated size. */
export interface ApplyStats {
  syncs: number;
  splits: number;
  /** The largest estimated request of the apply, in bytes (office-js-shaped, see request-size.ts). */
  largestPayloadBytes: number;
  /** Estimated request bytes of each sync, in order. */
  payloadBytes: number[];
  /** office-js actions queued (Instantiate actions included), all syncs together. */
  actions: number;
  /** What each batch wrote (zh-CN descriptions, as ApplyIncompleteError gives them). */
  batchItems: string[][];
  /** The calculation the last batch ended with. */
  calculation: "Recalculate" | "Full";
}

/** What the last read() fetched: syncs and the bytes of each response (the JSON of what was loaded). */
export interface ReadStats {
  syncs: number;
  responseBytes: number[];
  largestResponseBytes: number;
}

/** One thing the host could not do, for the pane to show (zh-CN first). */
export interface SkippedFeature {
  feature: string;
  requirement: string;
  message: string;
  messageEn: string;
}

const FEATURES = {
  merges: { requirement: "ExcelApi 1.13", feature: "merged areas", zh: "读取合并单元格", en: "reading merged cells" },
  validation: { requirement: "ExcelApi 1.8", feature: "data validation", zh: "下拉列表（数据验证）", en: "drop-down lists (data validation)" },
  pageLayout: { requirement: "ExcelApi 1.9", feature: "page layout", zh: "打印设置（A4、打印区域、标题行、分页符）", en: "print setup (A4, print area, title rows, page breaks)" },
} as const;
type FeatureKey = keyof typeof FEATURES;

function defaultIsSetSupported(name: string, version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported(name, version);
}

/** Excel.run with the batch's options; `delayForCellEdit: true` always. */
function defaultRunner<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: BatchOptions): Promise<T> {
  return Excel.run({ delayForCellEdit: true, ...options }, batch);
}

/** office-js's error for getItem of a sheet that is not there (OfficeExtension.Error, code "ItemNotFound"). */
function isItemNotFound(e: unknown): boolean {
  return errorCode(e) === "ItemNotFound";
}

function isRequestContext(x: unknown): x is Excel.RequestContext {
  return typeof x === "object" && x !== null && typeof (x as { sync?: unknown }).sync === "function";
}

/** A failure as the clerk should see it: cell-edit mode in words. */
function friendly(e: unknown): unknown {
  return errorCode(e) === "InvalidOperationInCellEditMode" ? new CellEditModeError(e) : e;
}

const isUndoRecord = (name: string) => normalizeText(name) === normalizeText(UNDO_SHEET_NAME);

export class ExcelAdapter implements WorkbookAdapter {
  /** Features left out by the last read() or apply() because the host lacks their requirement set. */
  skipped: SkippedFeature[] = [];
  /**
   * True when the last apply() ran as one native undo group (ExcelApi 1.20, the office.js passing
   * the option on, the plan undoable: Ctrl+Z undoes the whole write). The product's own
   * 撤销上次写入 (撤销记录 sheet) works everywhere, with or without it.
   */
  nativeUndo = false;
  /** Syncs, splits and request sizes of the last apply() (null before the first). */
  lastApplyStats: ApplyStats | null = null;
  /** Syncs and response sizes of the last read() (null before the first). */
  lastReadStats: ReadStats | null = null;
  /** Large sheets the last read() listed by name only (their cells were not read: the product does not use them). */
  unread: UnreadSheet[] = [];
  /**
   * The sheets as the last read() saw them and the last apply() left them: the next read() queues
   * their loads by name beside the listing, so that it is one sync (see read()).
   */
  private known: KnownSheet[] | null = null;
  /** Merged areas per sheet (lower-cased name) as the last read() saw them; see cellWriteUnits. */
  private knownMerges = new Map<string, MergedRange[]>();
  /** Cells formatted "@" per sheet (lower-cased name), as the last read() saw them ("row,col"). */
  private knownTextCells = new Map<string, Set<string>>();
  /** The workbook's structure was protected at the last read(). */
  private structureProtected = false;
  private readonly run: BatchRunner;
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly splitAt: number;
  private readonly responseBudget: number | undefined;
  private readonly syncTimeoutMs: number;
  private readonly officeJsHonoursUndoGroup: boolean;
  private readonly ownsRuns: boolean = true;

  /** `source`: a RequestContext to use as is, or a batch runner; default `Excel.run`. */
  constructor(source?: Excel.RequestContext | BatchRunner, options: ExcelAdapterOptions = {}) {
    if (isRequestContext(source)) {
      const context = source;
      this.run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(context);
      this.ownsRuns = false; // the caller's batch: its options and undo grouping are the caller's
    } else {
      this.run = source ?? defaultRunner;
    }
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
    this.splitAt = options.splitAt ?? SPLIT_AT;
    this.responseBudget = options.responseBudget;
    this.syncTimeoutMs = options.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
    this.officeJsHonoursUndoGroup = options.officeJsHonoursUndoGroup ?? false;
  }

  private has(key: FeatureKey): boolean {
    const [name, version] = FEATURES[key].requirement.split(" ") as [string, string];
    if (this.isSetSupported(name, version)) return true;
    if (!this.skipped.some((s) => s.feature === FEATURES[key].feature)) {
      const f = FEATURES[key];
      this.skipped.push({
        feature: f.feature,
        requirement: f.requirement,
        message: `此版本的 Excel 不支持${f.zh}（需要 ${f.requirement}），已跳过。`,
        messageEn: `This Excel does not support ${f.en} (needs ${f.requirement}); skipped.`,
      });
    }
    return false;
  }

  /**
   * One Excel.run with a watchdog: if no sync comes back within syncTimeoutMs, the run is given up
   * on (ExcelNotRespondingError); what Excel does with it later is not waited for. `sync` is the
   * batch's way to sync (it re-arms the watchdog).
   */
  private runGuarded<T>(batch: (context: Excel.RequestContext, sync: (context: Excel.RequestContext) => Promise<void>) => Promise<T>, options: BatchOptions): Promise<T> {
    const ms = this.syncTimeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let hang: (e: Error) => void = () => {};
    const hung = new Promise<never>((_resolve, reject) => (hang = reject));
    const arm = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => hang(new ExcelNotRespondingError(Math.round(ms / 1000))), ms);
    };
    const sync = async (context: Excel.RequestContext) => {
      arm();
      await context.sync();
      arm();
    };
    arm();
    const work = this.run((context) => {
      arm();
      return batch(context, sync);
    }, { delayForCellEdit: true, ...options });
    work.catch(() => undefined); // a failure after the hang was reported has no one to tell
    return Promise.race([work, hung]).finally(() => {
      if (timer !== undefined) clearTimeout(timer);
    });
  }

  async read(): Promise<WorkbookSnapshot> {
    this.skipped = [];
    const withMerges = this.has("merges");
    const attempt = (known: readonly KnownSheet[] | null) =>
      this.runGuarded((context, sync) => new SheetReader(context, { withMerges, known, sync, ...(this.responseBudget !== undefined ? { budget: this.responseBudget } : {}) }).read(), {});
    let result: Awaited<ReturnType<typeof attempt>> | null = null;
    const known = this.known;
    if (known !== null) {
      try {
        result = await attempt(known);
      } catch (e) {
        // A sheet read last time was renamed or deleted since: its getItem failed the batch (a read
        // only, nothing changed). List the sheets first, as on the first read.
        if (!isItemNotFound(e)) throw friendly(e);
        this.known = null;
      }
    }
    if (result === null) {
      try {
        result = await attempt(null);
      } catch (e) {
        throw friendly(e);
      }
    }
    this.known = result.known;
    this.unread = result.unread;
    this.structureProtected = result.structureProtected;
    this.knownMerges = new Map(result.snapshot.sheets.map((s) => [s.name.toLowerCase(), s.merges]));
    this.knownTextCells = result.textCells;
    this.lastReadStats = { syncs: result.syncs, responseBytes: result.responseBytes, largestResponseBytes: Math.max(0, ...result.responseBytes) };
    return result.snapshot;
  }

  async apply(given: WritePlan): Promise<void> {
    // Excel's limits (src/workbook/sheets/excel-limits.ts): a text over 32,767 characters or a row over
    // 409 points would fail the batch part-way (a batch is not a transaction). plan.ts's plans are
    // fitted already; the pane's form drafts are not.
    const plan = fitPlan(given);
    this.skipped = [];
    const knownNames = this.known?.map((k) => k.name) ?? null;
    const features: Features = {
      validation: plan.sheets.some((s) => (s.validations?.length ?? 0) > 0) ? this.has("validation") : true,
      pageLayout: plan.sheets.some((s) => s.print !== undefined) ? this.has("pageLayout") : true,
      rangeAreas: this.isSetSupported(RANGE_AREAS_REQUIREMENT.name, RANGE_AREAS_REQUIREMENT.version),
      mergesOf: (sheet) => this.knownMerges.get(sheet.toLowerCase()) ?? [],
      isTextCell: (sheet, row, col) => this.knownTextCells.get(sheet.toLowerCase())?.has(`${row},${col}`) ?? false,
      knownNames,
    };
    // Everything is planned (and every value checked) before the first operation is queued.
    const units = planUnits(plan, features);
    const batches = splitIntoBatches(units, this.splitAt);
    this.nativeUndo = false;
    this.lastApplyStats = null;
    const structural = plan.sheets.length > 0 || (plan.deleteSheets?.length ?? 0) > 0;
    if (structural && this.structureProtected) {
      const failure = Object.assign(new Error("工作簿结构受保护（审阅 > 保护工作簿），无法新建或删除工作表 / the workbook's structure is protected (Review > Protect Workbook): sheets cannot be added or deleted"), { code: "AccessDenied" });
      throw incomplete(batches, 0, failure, false);
    }
    // The native undo group: owned cells only (see the header), on a host and office.js that honour it.
    const undoable = plan.sheets.length === 0 && (plan.deleteSheets?.length ?? 0) === 0 && (plan.protectSheets?.length ?? 0) === 0;
    const group = this.ownsRuns && undoable && this.officeJsHonoursUndoGroup && this.isSetSupported(UNDO_GROUP_REQUIREMENT.name, UNDO_GROUP_REQUIREMENT.version);
    try {
      await this.write(batches, group);
      this.nativeUndo = group;
    } catch (e) {
      if (!(group && errorCode(e) === "UndoNotSupported")) {
        this.known = null; // the workbook is as the failure left it: list it again
        throw e;
      }
      // Excel would not group this write (office-js issue #6491): the same writes again, ungrouped.
      await this.write(batches, false);
    }
    // The sheets the plan created are known from now on (read in full, their size estimated from
    // the cells written); the deleted ones are not; a sheet whose cells were written may have grown.
    if (this.known !== null) {
      const byName = new Map(this.known.map((k) => [k.name.toLowerCase(), k]));
      for (const spec of plan.sheets) {
        const before = byName.get(spec.name.toLowerCase());
        byName.set(spec.name.toLowerCase(), { name: spec.name, mode: "full", bounds: boundsOf(spec.cells, null), bytesPerCell: before?.bytesPerCell ?? DEFAULT_BYTES_PER_CELL, mergeBytes: before?.mergeBytes ?? 2048 });
      }
      for (const name of plan.deleteSheets ?? []) byName.delete(name.toLowerCase());
      for (const group of plan.cellWrites) {
        const k = byName.get(group.sheet.toLowerCase());
        if (k && k.mode === "full") byName.set(group.sheet.toLowerCase(), { ...k, bounds: boundsOf(group.writes, k.bounds ?? null) });
      }
      this.known = [...byName.values()];
    }
    for (const spec of plan.sheets) this.knownTextCells.delete(spec.name.toLowerCase());
  }

  /** The batches in one Excel.run; a failed sync becomes ApplyIncompleteError (UndoNotSupported in a group is passed on as is). */
  private async write(batches: readonly TaggedUnit[][], group: boolean): Promise<void> {
    const stats: ApplyStats = { syncs: 0, splits: 0, largestPayloadBytes: 0, payloadBytes: [], actions: 0, batchItems: [], calculation: batches.length > 1 ? "Full" : "Recalculate" };
    this.lastApplyStats = stats;
    let completed = 0;
    try {
      await this.runGuarded(async (context, sync) => {
        for (const [i, units] of batches.entries()) {
          const batch = new Batch(context);
          const last = i === batches.length - 1;
          if (!last) batch.queue(PROLOGUE);
          for (const { unit } of units) batch.queue(unit);
          if (last) batch.queue(recalculation(stats.calculation));
          stats.payloadBytes.push(batch.estimate.bytes);
          stats.largestPayloadBytes = Math.max(stats.largestPayloadBytes, batch.estimate.bytes);
          stats.actions += batch.estimate.actions;
          stats.batchItems.push([...new Set(units.map((u) => u.item.zh))]);
          stats.syncs += 1;
          stats.splits = stats.syncs - 1;
          // One sync per batch, on purpose: a second batch exists only because the first would pass the
          // request limit (SPLIT_AT); in Excel on the web that request would be refused.
          await sync(context);
          completed = i + 1;
        }
      }, group ? { mergeUndoGroup: true } : {});
    } catch (e) {
      if (group && errorCode(e) === "UndoNotSupported") throw e;
      throw incomplete(batches, completed, friendly(e));
    }
  }
}

/** The rectangle holding the written cells (and `from`), for the next read's estimate; null when none. */
function boundsOf(writes: readonly CellWrite[], from: Bounds | null): Bounds | null {
  let b = from;
  for (const w of writes) {
    if (w.value === null && w.formula === undefined) continue;
    const { row, col } = parseA1(w.address);
    b = b ? { top: Math.min(b.top, row), left: Math.min(b.left, col), bottom: Math.max(b.bottom, row), right: Math.max(b.right, col) } : { top: row, left: col, bottom: row, right: col };
  }
  return b;
}

/** The ApplyIncompleteError of a write whose first `completed` batches were confirmed. */
function incomplete(batches: readonly TaggedUnit[][], completed: number, failure: unknown, started = true): ApplyIncompleteError {
  const where = new Map<string, { item: Item; first: number; last: number }>();
  batches.forEach((units, i) => {
    for (const { item } of units) {
      const seen = where.get(item.key);
      if (seen) seen.last = i;
      else where.set(item.key, { item, first: i, last: i });
    }
  });
  const done: { zh: string; en: string }[] = [];
  const notDone: { zh: string; en: string }[] = [];
  let undoRecordWritten = false;
  let hadUndoRecord = false;
  for (const { item, first, last } of where.values()) {
    if (item.undoRecord) hadUndoRecord = true;
    if (last < completed) {
      done.push(item);
      if (item.undoRecord) undoRecordWritten = true;
    } else if (started && first <= completed) notDone.push({ zh: `${item.zh}（可能已部分写入）`, en: `${item.en} (may be partly written)` });
    else notDone.push(item);
  }
  return new ApplyIncompleteError({ done, notDone, undoRecordWritten, hadUndoRecord, failure });
}

/** Excel's column width in characters (of the default font's digit, 7 px) to points, as Excel rounds it. */
export function columnWidthPoints(chars: number): number {
  const pixels = Math.trunc(chars * 7 + 5);
  return pixels * 0.75;
}

// ---------------------------------------------------------------- writing: rectangles

/** 1-based inclusive bounds. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectAddress(r: Rect): string {
  const from = `${columnLetter(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${columnLetter(r.right)}${r.bottom}`;
}

interface Pos {
  row: number;
  col: number;
}

/** Column runs of each row, rows ascending. */
function rowRuns(cells: readonly Pos[]): Map<number, [number, number][]> {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const cols = byRow.get(row) ?? [];
    cols.push(col);
    byRow.set(row, cols);
  }
  const runs = new Map<number, [number, number][]>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const list: [number, number][] = [];
    for (const c of cols) {
      const last = list[list.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else list.push([c, c]);
    }
    runs.set(row, list);
  }
  return runs;
}

/**
 * Exactly the given cells as rectangles: each row's runs of adjacent columns, stacked over the rows
 * below while the run spans the same columns. Covers no cell that was not given.
 */
export function exactRects(cells: readonly Pos[]): Rect[] {
  const done: Rect[] = [];
  let open = new Map<string, Rect>(); // by "left:right", rectangles whose bottom is the previous row
  let prevRow = -1;
  for (const [row, runs] of rowRuns(cells)) {
    const next = new Map<string, Rect>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const above = row === prevRow + 1 ? open.get(key) : undefined;
      if (above) {
        above.bottom = row;
        open.delete(key);
        next.set(key, above);
      } else {
        next.set(key, { top: row, left, bottom: row, right });
      }
    }
    done.push(...open.values());
    open = next;
    prevRow = row;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Dense blocks for a sheet created fresh: each run of consecutive rows holding any of the cells, as
 * one rectangle from its leftmost to its rightmost column. The blocks may cover cells not given
 * (they are blank on a fresh sheet and are written blank).
 */
export function rowBlocks(cells: readonly Pos[]): Rect[] {
  const blocks: Rect[] = [];
  let current: Rect | undefined;
  for (const [row, runs] of rowRuns(cells)) {
    const left = runs[0]?.[0] ?? 1;
    const right = runs[runs.length - 1]?.[1] ?? left;
    if (current && current.bottom === row - 1) {
      current.bottom = row;
      current.left = Math.min(current.left, left);
      current.right = Math.max(current.right, right);
    } else {
      current = { top: row, left, bottom: row, right };
      blocks.push(current);
    }
  }
  return blocks;
}

// ---------------------------------------------------------------- writing: operations

/** What an operation starts from: the application, the worksheet collection, a sheet by name, or an object an earlier operation of the batch returned. */
type Root = { kind: "app" } | { kind: "worksheets" } | { kind: "sheet"; name: string } | { kind: "ref"; ref: string };

/** An argument that is a range of a sheet (a chart's source, a series' values). */
interface RangeArg {
  $range: { sheet: string; address: string };
}

interface SetOp {
  root: Root;
  path: readonly PathSegment[];
  set: string;
  value: unknown;
}

interface CallOp {
  root: Root;
  path: readonly PathSegment[];
  call: string;
  args: readonly unknown[];
  /** Keep the returned object, for later operations of the same batch (`{ kind: "ref" }`). */
  as?: string;
}

type Op = SetOp | CallOp;

/** Operations that go to Excel in the same batch (a conditional format and its rule, a chart and its series…). */
type Unit = readonly Op[];

const PROLOGUE: Unit = [{ root: { kind: "app" }, path: [], call: "suspendApiCalculationUntilNextSync", args: [] }];

/** The last batch's end: Application.calculate (ExcelApi 1.1), see the header. */
function recalculation(type: "Recalculate" | "Full"): Unit {
  return [{ root: { kind: "app" }, path: [], call: "calculate", args: [type] }];
}

/** What a unit writes, in the clerk's words, for ApplyIncompleteError. */
interface Item {
  key: string;
  zh: string;
  en: string;
  /** The unit belongs to the 撤销记录 sheet. */
  undoRecord?: boolean;
}

interface TaggedUnit {
  unit: Unit;
  item: Item;
}

function isRangeArg(x: unknown): x is RangeArg {
  return typeof x === "object" && x !== null && "$range" in x;
}

const sheetRoot = (name: string): Root => ({ kind: "sheet", name });
const getRange = (address: string): PathSegment => ({ name: "getRange", args: [address] });

/** Step from a proxy to a property or a method's result (office-js proxies and the fake alike). */
function navigate(obj: unknown, seg: PathSegment): unknown {
  const o = obj as Record<string, unknown>;
  if (!seg.args) return o[seg.name];
  return invoke(o, seg.name, seg.args);
}

function invoke(o: unknown, name: string, args: readonly unknown[]): unknown {
  const f = (o as Record<string, unknown>)[name];
  if (typeof f !== "function") throw new TypeError(`${name} is not a method of this Excel object`);
  return (f as (...a: unknown[]) => unknown).apply(o, [...args]);
}

interface Resolved {
  segs: PathSegment[];
  key: string;
  proxy: unknown;
}

/**
 * One batch: estimates each operation's request size as it is queued and, given a context, queues
 * it on Excel's proxies. Objects are got once per batch and path (a range formatted five ways is one
 * getRange), and never carried into the next batch: a sheet added in an earlier batch is got again by name.
 */
class Batch {
  readonly estimate = new RequestEstimate();
  private readonly proxies = new Map<string, unknown>();
  private readonly refs = new Map<string, Resolved>();
  private fresh = 0;

  constructor(private readonly context: Excel.RequestContext | null) {}

  queue(unit: Unit): void {
    for (const op of unit) this.op(op);
  }

  private root(root: Root): Resolved {
    const live = this.context !== null;
    switch (root.kind) {
      case "app":
        return { segs: [{ name: "application" }], key: "application", proxy: live ? this.context?.application : null };
      case "worksheets":
        return { segs: [{ name: "worksheets" }], key: "worksheets", proxy: live ? this.context?.workbook.worksheets : null };
      case "sheet":
        return this.refs.get(`sheet:${root.name}`) ?? this.follow(this.root({ kind: "worksheets" }), [{ name: "getItem", args: [root.name] }]);
      case "ref": {
        const r = this.refs.get(root.ref);
        if (!r) throw new Error(`internal: ${root.ref} is not an object of this batch`);
        return r;
      }
    }
  }

  private follow(from: Resolved, path: readonly PathSegment[]): Resolved {
    let { segs, key, proxy } = from;
    for (const seg of path) {
      segs = [...segs, seg];
      key += `\u0001${seg.name}${seg.args ? JSON.stringify(seg.args) : ""}${seg.fresh ? `#${++this.fresh}` : ""}`;
      if (this.context === null) continue;
      const known = this.proxies.get(key);
      if (known !== undefined) proxy = known;
      else {
        proxy = navigate(proxy, seg);
        this.proxies.set(key, proxy);
      }
    }
    return { segs, key, proxy };
  }

  /** Range arguments: the proxy to pass, and the object path's id to count. */
  private args(args: readonly unknown[]): { live: unknown[]; counted: unknown[] } {
    const live: unknown[] = [];
    const counted: unknown[] = [];
    for (const a of args) {
      if (isRangeArg(a)) {
        const r = this.follow(this.root(sheetRoot(a.$range.sheet)), [getRange(a.$range.address)]);
        live.push(r.proxy);
        counted.push(this.estimate.path(r.segs));
      } else {
        live.push(a);
        counted.push(a);
      }
    }
    return { live, counted };
  }

  private op(op: Op): void {
    const target = this.follow(this.root(op.root), op.path);
    if ("set" in op) {
      this.estimate.set(target.segs, op.set, op.value);
      if (this.context !== null) (target.proxy as Record<string, unknown>)[op.set] = op.value;
      return;
    }
    const { live, counted } = this.args(op.args);
    const result = this.context !== null ? invoke(target.proxy, op.call, live) : null;
    if (op.as === undefined) {
      this.estimate.method(target.segs, op.call, counted);
      return;
    }
    // A method returning an object: an object path of its own (office-js instantiates it), kept for later operations.
    const seg: PathSegment = { name: op.call, args: counted };
    const segs = [...target.segs, seg];
    this.estimate.path(segs);
    this.refs.set(op.as, { segs, key: `${target.key}\u0001${op.call}#${op.as}`, proxy: result });
  }
}

/**
 * Cuts the plan's units into batches, each estimated under `splitAt` bytes (with its prologue or its
 * closing recalculation, of about the same size), in order; a unit goes to a new batch only when the
 * current one would pass the limit with it.
 */
function splitIntoBatches(units: readonly TaggedUnit[], splitAt: number): TaggedUnit[][] {
  const batches: TaggedUnit[][] = [];
  let current: TaggedUnit[] = [];
  let batch = new Batch(null);
  batch.queue(PROLOGUE);
  for (const tagged of units) {
    const mark = batch.estimate.mark();
    batch.queue(tagged.unit);
    if (batch.estimate.bytes > splitAt && current.length > 0) {
      batch.estimate.rollback(mark);
      batches.push(current);
      current = [];
      batch = new Batch(null);
      batch.queue(PROLOGUE);
      batch.queue(tagged.unit);
    }
    current.push(tagged);
  }
  batches.push(current);
  return batches;
}

/** Estimated request bytes of each batch the plan would be sent in (for tests and the bench). */
export function estimateApply(plan: WritePlan, options: { rangeAreas?: boolean; splitAt?: number } = {}): number[] {
  const features: Features = { validation: true, pageLayout: true, rangeAreas: options.rangeAreas ?? true, mergesOf: () => [], isTextCell: () => false, knownNames: null };
  const batches = splitIntoBatches(planUnits(plan, features), options.splitAt ?? SPLIT_AT);
  return batches.map((units, i) => {
    const batch = new Batch(null);
    const last = i === batches.length - 1;
    if (!last) batch.queue(PROLOGUE);
    for (const { unit } of units) batch.queue(unit);
    if (last) batch.queue(recalculation(batches.length > 1 ? "Full" : "Recalculate"));
    return batch.estimate.bytes;
  });
}

// ---------------------------------------------------------------- writing: the plan as operations

interface Features {
  validation: boolean;
  pageLayout: boolean;
  rangeAreas: boolean;
  /** Merged areas of an existing sheet, as known (from the last read). */
  mergesOf: (sheet: string) => readonly MergedRange[];
  /** Was the cell formatted "@" at the last read? */
  isTextCell: (sheet: string, row: number, col: number) => boolean;
  /** The sheets in order, as known (from the last read); null when not known. */
  knownNames: readonly string[] | null;
}

/** Position of an existing sheet, as known; undefined when not known. */
function positionOf(features: Features, sheet: string): number | undefined {
  const i = (features.knownNames ?? []).findIndex((n) => n.toLowerCase() === sheet.toLowerCase());
  return i >= 0 ? i : undefined;
}

/** A values or number-format array larger than this is written in bands of rows. */
const MAX_ARRAY_BYTES = 512 * 1024;
/** getRanges' comma list is cut at this many characters (getRange documents an 8,192-character limit). */
const ADDRESS_CHUNK = 2048;

/** `prop` = a 2-D array over `rect`, in bands of rows that keep each array under MAX_ARRAY_BYTES. */
function arrayUnits(sheet: string, rect: Rect, prop: "values" | "numberFormat" | "formulas", at: (row: number, col: number) => unknown): Unit[] {
  const units: Unit[] = [];
  let rows: unknown[][] = [];
  let top = rect.top;
  let bytes = 0;
  const flush = (bottom: number) => {
    if (rows.length === 0) return;
    units.push([{ root: sheetRoot(sheet), path: [getRange(rectAddress({ top, left: rect.left, bottom, right: rect.right }))], set: prop, value: rows }]);
    rows = [];
    top = bottom + 1;
    bytes = 0;
  };
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: unknown[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(at(r, c));
    const rowBytes = utf8Length(JSON.stringify(row)) + 1;
    if (rows.length > 0 && bytes + rowBytes > MAX_ARRAY_BYTES) flush(r - 1);
    rows.push(row);
    bytes += rowBytes;
  }
  flush(rect.bottom);
  return units;
}

/** Range paths covering the addresses: one getRanges per chunk of the comma list (ExcelApi 1.9), else one getRange each. */
function targets(addresses: readonly string[], rangeAreas: boolean): PathSegment[] {
  if (!rangeAreas) return addresses.map(getRange);
  const out: PathSegment[] = [];
  let chunk: string[] = [];
  let length = 0;
  const flush = () => {
    if (chunk.length === 1) out.push(getRange(chunk[0] as string));
    else if (chunk.length > 1) out.push({ name: "getRanges", args: [chunk.join(", ")] });
    chunk = [];
    length = 0;
  };
  for (const a of addresses) {
    if (chunk.length > 0 && length + 2 + a.length > ADDRESS_CHUNK) flush();
    length += (chunk.length > 0 ? 2 : 0) + a.length;
    chunk.push(a);
  }
  flush();
  return out;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
/** Border kinds in the order applied: where cells of two kinds share an edge, the heavier one is drawn. */
const BORDER_ORDER = ["none", "thin", "medium"] as const;

/** The property sets of a style, borders aside. */
function styleSets(style: CellStyle): { path: PathSegment[]; set: string; value: unknown }[] {
  const format: PathSegment = { name: "format" };
  const font: PathSegment[] = [format, { name: "font" }];
  const sets: { path: PathSegment[]; set: string; value: unknown }[] = [];
  if (style.bold !== undefined) sets.push({ path: font, set: "bold", value: style.bold });
  if (style.italic !== undefined) sets.push({ path: font, set: "italic", value: style.italic });
  if (style.fontSize !== undefined) sets.push({ path: font, set: "size", value: style.fontSize });
  if (style.fontColor !== undefined) sets.push({ path: font, set: "color", value: style.fontColor });
  if (style.fill !== undefined) sets.push({ path: [format, { name: "fill" }], set: "color", value: style.fill });
  if (style.wrap !== undefined) sets.push({ path: [format], set: "wrapText", value: style.wrap });
  if (style.horizontal !== undefined) sets.push({ path: [format], set: "horizontalAlignment", value: H_ALIGN[style.horizontal] });
  if (style.vertical !== undefined) sets.push({ path: [format], set: "verticalAlignment", value: V_ALIGN[style.vertical] });
  return sets;
}

/**
 * Styles: the cells sharing a style (borders aside) get each property set once, on the rectangles
 * they form; borders likewise, by kind. A rectangle's cells each keep their own box: its four edges,
 * plus the inside lines where it has more than one row (InsideHorizontal) or column (InsideVertical).
 */
function styleUnits(sheet: string, cells: readonly PlannedCell[], rangeAreas: boolean, rects: (cells: readonly Pos[]) => Rect[]): Unit[] {
  const units: Unit[] = [];
  const groups = new Map<string, { style: CellStyle; cells: PlannedCell[] }>();
  const borders = new Map<string, PlannedCell[]>();
  for (const cell of cells) {
    const { border, ...rest } = cell.style;
    const sets = styleSets(rest);
    if (sets.length > 0) {
      const key = JSON.stringify(sets);
      const group = groups.get(key) ?? { style: rest, cells: [] as PlannedCell[] };
      group.cells.push(cell);
      groups.set(key, group);
    }
    if (border !== undefined) {
      const list = borders.get(border) ?? [];
      list.push(cell);
      borders.set(border, list);
    }
  }
  for (const { style, cells: members } of groups.values()) {
    const sets = styleSets(style);
    for (const target of targets(rects(members).map(rectAddress), rangeAreas)) {
      units.push(sets.map((s) => ({ root: sheetRoot(sheet), path: [target, ...s.path], set: s.set, value: s.value })));
    }
  }
  for (const kind of BORDER_ORDER) {
    const members = borders.get(kind);
    if (!members) continue;
    // By shape, so that an inside line is set only where the area has one.
    const byShape = new Map<number, Rect[]>();
    for (const r of rects(members)) {
      const shape = (r.bottom > r.top ? 2 : 0) + (r.right > r.left ? 1 : 0);
      const list = byShape.get(shape) ?? [];
      list.push(r);
      byShape.set(shape, list);
    }
    for (const [shape, rects] of [...byShape].sort((a, b) => a[0] - b[0])) {
      const edges: string[] = [...EDGES];
      if (shape & 2) edges.push("InsideHorizontal");
      if (shape & 1) edges.push("InsideVertical");
      for (const target of targets(rects.map(rectAddress), rangeAreas)) {
        const unit: Op[] = [];
        for (const edge of edges) {
          const path = [target, { name: "format" }, { name: "borders" }, { name: "getItem", args: [edge] }];
          unit.push({ root: sheetRoot(sheet), path, set: "style", value: kind === "none" ? "None" : "Continuous" });
          if (kind !== "none") unit.push({ root: sheetRoot(sheet), path, set: "weight", value: kind === "medium" ? "Medium" : "Thin" });
        }
        units.push(unit);
      }
    }
  }
  return units;
}

/**
 * Owned cells in an existing sheet: only the addressed cells are written (exact rectangles). A cell
 * inside a merged area the last read() saw is written on its own, as before: a rectangle would take
 * in part of a merged area, which Excel may refuse where the one cell alone is fine.
 */
function cellWriteUnits(sheet: string, writes: readonly CellWrite[], features: Features): Unit[] {
  const cells = plannedCells(writes);
  const at = new Map(cells.map((c) => [`${c.row},${c.col}`, c]));
  const get = (r: number, c: number) => at.get(`${r},${c}`) as PlannedCell;
  const merges = features.mergesOf(sheet).filter((m) => m.bottom > m.top || m.right > m.left);
  const inMerge = (p: Pos) => merges.some((m) => p.row >= m.top && p.row <= m.bottom && p.col >= m.left && p.col <= m.right);
  const rects = (list: readonly Pos[]): Rect[] =>
    [...exactRects(list.filter((p) => !inMerge(p))), ...list.filter(inMerge).map((p) => ({ top: p.row, left: p.col, bottom: p.row, right: p.col }))].sort(
      (a, b) => a.top - b.top || a.left - b.left,
    );
  // A prefixed text into a cell that is (or becomes) "@": written while the cell is General, then "@"
  // (what Excel does with an apostrophe in an "@" cell is not documented: text-input.ts).
  const sandwiched = (c: PlannedCell) =>
    c.formula === undefined && typeof c.value === "string" && needsTextPrefix(c.value) && (c.numberFormat === TEXT_FORMAT || (c.numberFormat === undefined && features.isTextCell(sheet, c.row, c.col)));
  const sandwich = cells.filter(sandwiched);
  const inSandwich = new Set(sandwich.map((c) => `${c.row},${c.col}`));
  const units: Unit[] = [];
  for (const rect of rects(cells.filter((c) => c.numberFormat !== undefined && !inSandwich.has(`${c.row},${c.col}`)))) {
    units.push(...arrayUnits(sheet, rect, "numberFormat", (r, c) => get(r, c).numberFormat));
  }
  for (const rect of rects(sandwich)) units.push(...arrayUnits(sheet, rect, "numberFormat", () => "General"));
  for (const rect of rects(cells.filter((c) => c.formula === undefined))) {
    units.push(...arrayUnits(sheet, rect, "values", (r, c) => toExcelInput(get(r, c).value)));
  }
  for (const rect of rects(cells.filter((c) => c.formula !== undefined))) {
    units.push(...arrayUnits(sheet, rect, "formulas", (r, c) => `=${get(r, c).formula}`));
  }
  for (const rect of rects(sandwich)) units.push(...arrayUnits(sheet, rect, "numberFormat", (r, c) => get(r, c).numberFormat ?? TEXT_FORMAT));
  units.push(...styleUnits(sheet, cells, features.rangeAreas, rects));
  return units;
}

/** Consecutive numbers as runs. */
function runsOf(ns: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of [...new Set(ns)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** Whole columns or rows of equal size, set together: `format.columnWidth` / `format.rowHeight`. */
function sizeUnits(sheet: string, sizes: [number, number][], prop: "columnWidth" | "rowHeight", rangeAreas: boolean): Unit[] {
  const byValue = new Map<number, number[]>();
  for (const [index, value] of sizes) {
    const list = byValue.get(value) ?? [];
    list.push(index);
    byValue.set(value, list);
  }
  const units: Unit[] = [];
  for (const [value, indexes] of byValue) {
    const addresses = runsOf(indexes).map(([a, b]) => (prop === "columnWidth" ? `${columnLetter(a)}:${columnLetter(b)}` : `${a}:${b}`));
    for (const target of targets(addresses, rangeAreas)) units.push([{ root: sheetRoot(sheet), path: [target, { name: "format" }], set: prop, value }]);
  }
  return units;
}

const INCH = 72; // points; SheetSpec print margins are in inches, as in ExcelJS

/** A sheet the product owns, deleted (if present) and built anew. */
function sheetUnits(spec: SheetSpec, features: Features, refs: { next: number }): Unit[] {
  const name = spec.name;
  const root = sheetRoot(name);
  const units: Unit[] = [
    [
      // On a missing sheet the null object's delete() does nothing (as in Microsoft's own samples).
      { root: { kind: "worksheets" }, path: [{ name: "getItemOrNullObject", args: [name], fresh: true }], call: "delete", args: [] },
      { root: { kind: "worksheets" }, path: [], call: "add", args: [name], as: `sheet:${name}` },
    ],
  ];
  const position = positionOf(features, name);
  if (position !== undefined) (units[0] as Op[]).push({ root, path: [], set: "position", value: position });
  const columns = Object.entries(spec.columnWidths ?? {}).map(([letter, width]): [number, number] => [parseA1(`${letter}1`).col, columnWidthPoints(width)]);
  units.push(...sizeUnits(name, columns, "columnWidth", features.rangeAreas));
  const rows = Object.entries(spec.rowHeights ?? {}).map(([row, height]): [number, number] => [Number(row), height]);
  units.push(...sizeUnits(name, rows, "rowHeight", features.rangeAreas));

  // A fresh sheet is blank: dense blocks of rows, blank where the spec says nothing.
  const cells = plannedCells(spec.cells);
  const at = new Map(cells.map((c) => [`${c.row},${c.col}`, c]));
  // Values while every cell is General, number formats after: a prefixed text never meets an "@" cell (text-input.ts).
  for (const block of rowBlocks(cells)) {
    units.push(
      ...arrayUnits(name, block, "values", (r, c) => {
        const cell = at.get(`${r},${c}`);
        return cell === undefined || cell.formula !== undefined ? "" : toExcelInput(cell.value);
      }),
    );
  }
  for (const rect of exactRects(cells.filter((c) => c.formula !== undefined))) {
    units.push(...arrayUnits(name, rect, "formulas", (r, c) => `=${at.get(`${r},${c}`)?.formula ?? ""}`));
  }
  for (const block of rowBlocks(cells.filter((c) => c.numberFormat !== undefined))) {
    units.push(...arrayUnits(name, block, "numberFormat", (r, c) => at.get(`${r},${c}`)?.numberFormat ?? "General"));
  }
  units.push(...styleUnits(name, cells, features.rangeAreas, exactRects));
  for (const merge of spec.merges) units.push([{ root, path: [getRange(merge)], call: "merge", args: [false] }]);

  for (const h of spec.conditionalHighlights ?? []) {
    const cf = `cf${refs.next++}`;
    const cv: PathSegment = { name: "cellValue" };
    const unit: Op[] = [
      { root, path: [getRange(h.range), { name: "conditionalFormats" }], call: "add", args: ["CellValue"], as: cf },
      { root: { kind: "ref", ref: cf }, path: [cv, { name: "format" }, { name: "fill" }], set: "color", value: h.fill },
    ];
    if (h.fontColor !== undefined) unit.push({ root: { kind: "ref", ref: cf }, path: [cv, { name: "format" }, { name: "font" }], set: "color", value: h.fontColor });
    unit.push({ root: { kind: "ref", ref: cf }, path: [cv], set: "rule", value: { formula1: String(h.lessThan), operator: "LessThan" } });
    units.push(unit);
  }
  if (features.validation) {
    for (const v of spec.validations ?? []) {
      units.push([{ root, path: [getRange(v.range), { name: "dataValidation" }], set: "rule", value: { list: { inCellDropDown: true, source: listSource(v.values) } } }]);
    }
  }
  if (spec.print && features.pageLayout) {
    const layout: PathSegment[] = [{ name: "pageLayout" }];
    const unit: Op[] = [
      { root, path: layout, set: "orientation", value: spec.print.orientation === "landscape" ? "Landscape" : "Portrait" },
      { root, path: layout, set: "paperSize", value: "A4" },
    ];
    if (spec.print.printArea !== undefined) unit.push({ root, path: layout, call: "setPrintArea", args: [spec.print.printArea] });
    if (spec.print.repeatRows !== undefined) unit.push({ root, path: layout, call: "setPrintTitleRows", args: [absoluteRows(spec.print.repeatRows)] });
    if (spec.print.fitToWidth) unit.push({ root, path: layout, set: "zoom", value: { horizontalFitToPages: 1, verticalFitToPages: spec.print.fitToHeight ? 1 : 0 } });
    else if (spec.print.scale !== undefined) unit.push({ root, path: layout, set: "zoom", value: { scale: spec.print.scale } });
    const m = spec.print.margins;
    if (m) {
      unit.push({ root, path: layout, set: "leftMargin", value: m.left * INCH });
      unit.push({ root, path: layout, set: "rightMargin", value: m.right * INCH });
      unit.push({ root, path: layout, set: "topMargin", value: m.top * INCH });
      unit.push({ root, path: layout, set: "bottomMargin", value: m.bottom * INCH });
    }
    // Manual page breaks (ExcelApi 1.9, as the page layout above): add() breaks above its cell, so
    // a break after row r is added at row r + 1. A fresh sheet has none to remove first.
    for (const row of spec.print.rowBreaks ?? []) unit.push({ root, path: [{ name: "horizontalPageBreaks" }], call: "add", args: [`A${row + 1}`] });
    units.push(unit);
  }
  if (spec.freezeRows !== undefined && spec.freezeRows > 0) units.push([{ root, path: [{ name: "freezePanes" }], call: "freezeRows", args: [spec.freezeRows] }]);
  if (spec.tabColor !== undefined) units.push([{ root, path: [], set: "tabColor", value: spec.tabColor }]);

  const c = spec.chart;
  const [first, ...rest] = c?.series ?? [];
  if (c && first) {
    const chart = `chart${refs.next++}`;
    const range = (address: string): RangeArg => ({ $range: { sheet: name, address } });
    const ref: Root = { kind: "ref", ref: chart };
    const unit: Op[] = [
      { root, path: [{ name: "charts" }], call: "add", args: ["Line", range(first.values), "Columns"], as: chart },
      { root: ref, path: [{ name: "title" }], set: "text", value: c.title },
      { root: ref, path: [{ name: "series" }, { name: "getItemAt", args: [0] }], set: "name", value: first.name },
      { root: ref, path: [{ name: "series" }, { name: "getItemAt", args: [0] }], call: "setXAxisValues", args: [range(c.categories)] },
    ];
    for (const s of rest) {
      const series = `series${refs.next++}`;
      unit.push({ root: ref, path: [{ name: "series" }], call: "add", args: [s.name], as: series });
      unit.push({ root: { kind: "ref", ref: series }, path: [], call: "setValues", args: [range(s.values)] });
      unit.push({ root: { kind: "ref", ref: series }, path: [], call: "setXAxisValues", args: [range(c.categories)] });
    }
    unit.push({ root: ref, path: [], call: "setPosition", args: [c.anchor.from, c.anchor.to] });
    units.push(unit);
  }
  return units;
}

/** The whole plan as units, each with what it writes, in the order they must run. */
function planUnits(plan: WritePlan, features: Features): TaggedUnit[] {
  const units: TaggedUnit[] = [];
  const add = (item: Item, list: readonly Unit[]) => {
    for (const unit of list) units.push({ unit, item });
  };
  const protections = plan.protectSheets ?? [];
  const refs = { next: 1 };
  const record = plan.sheets.find((s) => isUndoRecord(s.name));
  const others = plan.sheets.filter((s) => s !== record);
  // The undo record first: a write that stops part-way leaves the record of the state before it.
  if (record) add({ key: `sheet:${record.name}`, zh: `「${record.name}」（撤销所需的写入前原内容）`, en: `${record.name} (the content before this write, for undo)`, undoRecord: true }, sheetUnits(record, features, refs));
  // 解除定稿 before the writes (Excel refuses writes to a protected sheet), 定稿 after them.
  for (const p of protections) {
    if (!p.protect) add({ key: `unprotect:${p.sheet}`, zh: `解除工作表「${p.sheet}」的保护`, en: `unprotecting sheet "${p.sheet}"` }, [[{ root: sheetRoot(p.sheet), path: [{ name: "protection" }], call: "unprotect", args: [] }]]);
  }
  for (const group of plan.cellWrites) {
    const count = new Set(group.writes.map((w) => w.address.toUpperCase().replace(/\$/g, ""))).size;
    add({ key: `cells:${group.sheet}`, zh: `工作表「${group.sheet}」的 ${count} 个单元格`, en: `${count} cell(s) of sheet "${group.sheet}"` }, cellWriteUnits(group.sheet, group.writes, features));
  }
  for (const spec of others) add({ key: `sheet:${spec.name}`, zh: `整表「${spec.name}」`, en: `sheet "${spec.name}" (whole)` }, sheetUnits(spec, features, refs));
  // A new 撤销记录, added first, goes to its place in the plan's order (after the new sheets the plan lists before it).
  if (record && features.knownNames !== null && positionOf(features, record.name) === undefined) {
    const names = new Set(features.knownNames.map((n) => n.toLowerCase()));
    const isNew = (s: SheetSpec) => !names.has(s.name.toLowerCase());
    const after = plan.sheets.slice(plan.sheets.indexOf(record) + 1).filter(isNew).length;
    const newBefore = plan.sheets.slice(0, plan.sheets.indexOf(record)).filter(isNew).length;
    for (const s of plan.sheets) names.add(s.name.toLowerCase());
    if (newBefore > 0) add({ key: `position:${record.name}`, zh: `把「${record.name}」移到其余新表之后`, en: `moving "${record.name}" after the other new sheets` }, [[{ root: sheetRoot(record.name), path: [], set: "position", value: names.size - 1 - after }]]);
  }
  // Owned sheets to remove (an undo); on a sheet that is already gone the null object's delete() does nothing.
  for (const name of plan.deleteSheets ?? []) {
    add({ key: `delete:${name}`, zh: `删除工作表「${name}」`, en: `deleting sheet "${name}"` }, [[{ root: { kind: "worksheets" }, path: [{ name: "getItemOrNullObject", args: [name], fresh: true }], call: "delete", args: [] }]]);
  }
  // No password: a guard against slips, not a lock.
  for (const p of protections) {
    if (p.protect) add({ key: `protect:${p.sheet}`, zh: `保护工作表「${p.sheet}」`, en: `protecting sheet "${p.sheet}"` }, [[{ root: sheetRoot(p.sheet), path: [{ name: "protection" }], call: "protect", args: [] }]]);
  }
  return units;
}

/** A list validation's source: comma-separated; a value holding a comma cannot be expressed. */
function listSource(values: readonly string[]): string {
  for (const v of values) {
    if (v.includes(",")) throw new RangeError(`下拉列表的选项不能包含逗号 / a list option cannot contain a comma: ${v}`);
  }
  return values.join(",");
}

/** "1:4" → "$1:$4" (the form Excel stores for print titles). */
function absoluteRows(rows: string): string {
  const m = /^\$?(\d+)(?::\$?(\d+))?$/.exec(rows.trim());
  if (!m) throw new RangeError(`not a row range: ${rows}`);
  return `$${m[1]}:$${m[2] ?? m[1]}`;
}
