/**
 * Excel mode: a full recompute in an open pane (ExcelAdapter.read, the sheets known from the pane's
 * first read → runWorkbookAsync → ExcelAdapter.apply; the first read is counted apart) against the
 * counting fake of the Excel API (test/hosts/excel/fake-excel.ts), with the workbook loaded into the fake.
 * Each Excel.run gets its own fake RequestContext over the same workbook state, as in Excel.
 *
 * Figures: context.sync() calls, the size of the largest payload of one sync, and the splits made;
 * and, for the example plus an unrelated 20,000 × 16 sheet, the largest response of a read (the
 * read is bounded: src/hosts/excel/sheet-reader.ts) against the one response that read used to be.
 *
 * How a payload is measured. office-js sends each context.sync() as one JSON batch: the queued
 * actions (SetProperty, Method, Query, Instantiate) and the object paths they act on (getItem,
 * getRange, format, font …), with every argument and value inline; the reply carries the loaded
 * values. The fake records, per sync, each executed operation as text ("worksheets.getItem(S).
 * getRange(H4).values=[[98]]") and, per load(), the values it returned. Two measures of the request:
 *  - raw: the UTF-8 size of JSON.stringify(the fake's operation list for that sync);
 *  - office-js-shaped (the figure used against the limit): each operation fed to RequestEstimate
 *    (src/hosts/excel/request-size.ts), the same estimator ExcelAdapter.apply uses to decide where to
 *    split; see there for the shape. It approximates office-js's JSON batch; it is not byte-exact.
 *    The adapter's own estimate of each sync (lastApplyStats) is printed next to it.
 * The response is the UTF-8 size of JSON.stringify of what the loads returned in that sync.
 * Excel on the web refuses a request or a response over 5 MB (Office Add-ins resource limits).
 */
// @ts-nocheck

import { type ApplyStats, ExcelAdapter, estimateApply } from "../src/hosts/excel/excel-adapter";
import { Session } from "../src/taskpane/session";
import { ExcelFileAdapter } from "../src/hosts/file/file-adapter";
import type { WorkbookSnapshot } from "../src/workbook/model";
import { a1 } from "../src/workbook/model";
import { buildPaymentSheet } from "../src/workbook/sheets/payment-sheet";
import { runWorkbookAsync } from "../src/workbook/plan";
import { RESPONSE_BUDGET, SPLIT_AT, WEB_PAYLOAD_LIMIT } from "../src/hosts/excel/request-size";
import { FakeRequestContext, FakeWorkbookState, officeJsRequestBytes, segments } from "../test/hosts/excel/fake-excel";
import { addLedger } from "../test/hosts/excel/fixtures";
import { type Figure, kb, mb } from "./report";
import { AS_OF, NOW, type BenchWorkbook } from "./workbooks";

export { WEB_PAYLOAD_LIMIT, officeJsRequestBytes };

/** Loads a snapshot (what the file adapter reads) into a fresh fake workbook: values, formulas, formats, merges, protection. */
export function fakeStateOf(snapshot: WorkbookSnapshot): FakeWorkbookState {
  const state = new FakeWorkbookState();
  for (const sheet of [...snapshot.sheets].sort((a, b) => a.index - b.index)) {
    const cells: Parameters<FakeWorkbookState["addSheet"]>[1] = {};
    for (const c of sheet.cells) {
      const cell: { value: string | number | boolean | null; formula?: string; numberFormat?: string } = { value: c.value };
      if (c.formula !== undefined) cell.formula = `=${c.formula}`;
      if (c.numberFormat !== "General") cell.numberFormat = c.numberFormat;
      cells[a1(c.row, c.col)] = cell;
    }
    const merges = sheet.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
    const fake = state.addSheet(sheet.name, cells, merges);
    if (sheet.protected) fake.protected = true;
  }
  return state;
}

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

interface SyncMeasure {
  phase: "read" | "apply";
  operations: number;
  rawRequest: number;
  officeRequest: number;
  response: number;
  /** The request by the sheet its operations go to (office-js-shaped bytes, operations). */
  bySheet: { sheet: string; operations: number; bytes: number }[];
}

/** The sheet an operation goes to ("worksheets.getItem(S)…", "worksheets.add(S)…"), else "(workbook)". */
function sheetOf(op: string): string {
  const first = segments(op)[1] ?? "";
  const m = /^(?:getItem|getItemOrNullObject|add)\((.*)\)/.exec(first);
  return m?.[1] ?? "(workbook)";
}

/** Operations grouped by sheet, largest first; the month scorecards (owned cells) are one group. */
function splitBySheet(ops: readonly string[], monthSheets: ReadonlySet<string>): SyncMeasure["bySheet"] {
  const groups = new Map<string, string[]>();
  for (const op of ops) {
    const sheet = sheetOf(op);
    const key = monthSheets.has(sheet) ? "month scorecards (owned cells)" : sheet;
    const list = groups.get(key) ?? [];
    list.push(op);
    groups.set(key, list);
  }
  return [...groups].map(([sheet, list]) => ({ sheet, operations: list.length, bytes: officeJsRequestBytes(list) })).sort((x, y) => y.bytes - x.bytes);
}

export interface ExcelModeMeasure {
  months: number;
  readSyncs: number;
  applySyncs: number;
  syncs: SyncMeasure[];
  /** Syncs of the pane's first read of the session (the sheets not yet known): not part of the recompute. */
  openSyncs: number;
  cellWrites: number;
  /** ExcelAdapter.lastApplyStats: its own estimate of each write sync, and the splits it made. */
  applyStats: ApplyStats;
  /** The adapter's estimate of the whole write as one batch (were it never split). */
  unsplitBytes: number;
}

/**
 * An ExcelAdapter over `book` loaded into the fake, each Excel.run with its own context kept with
 * the phase it ran in (set through `phase.now`) for its log and sync count.
 */
async function fakeExcel<P extends string>(book: BenchWorkbook, first: P): Promise<{ adapter: ExcelAdapter; phase: { now: P }; runs: { phase: P; context: FakeRequestContext }[] }> {
  const file = await ExcelFileAdapter.fromBuffer(book.bytes);
  const state = fakeStateOf(await file.read());
  const phase = { now: first };
  const runs: { phase: P; context: FakeRequestContext }[] = [];
  const runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(state);
    runs.push({ phase: phase.now, context });
    return batch(context as unknown as Excel.RequestContext);
  };
  // Excel on the web has every requirement set the adapter asks for (1.8, 1.9, 1.13, 1.20).
  return { adapter: new ExcelAdapter(runner, { isSetSupported: () => true }), phase, runs };
}

/** One full recompute of `book` in the fake; every Excel.run's context is kept for its log. */
export async function recompute(book: BenchWorkbook): Promise<ExcelModeMeasure> {
  const { adapter, phase, runs } = await fakeExcel<"open" | "read" | "apply">(book, "open");
  // The pane reads the workbook when it opens (the month list); 全部重算 reads it again, knowing the sheets.
  await adapter.read();
  phase.now = "read";
  const snapshot = await adapter.read();
  // As the pane's 全部重算 (src/taskpane/session.ts): scores, 付款结算, 计算说明 and 撤销记录.
  const result = await runWorkbookAsync(snapshot, { asOf: AS_OF, now: NOW, buildPaymentSheet });
  if (!result.ok || !result.plan) throw new Error(`${book.label}: not scored in Excel mode: ${result.errors.slice(0, 3).map((e) => e.message).join("; ")}`);
  phase.now = "apply";
  await adapter.apply(result.plan);

  const monthSheets = new Set(result.scorecards.map((c) => c.sheet));
  const syncs: SyncMeasure[] = [];
  for (const { phase: p, context } of runs) {
    if (p === "open") continue;
    context.log.forEach((ops, i) => {
      const bySheet = p === "apply" ? splitBySheet(ops, monthSheets) : [];
      syncs.push({
        phase: p,
        operations: ops.length,
        rawRequest: utf8(JSON.stringify(ops)),
        officeRequest: officeJsRequestBytes(ops),
        response: utf8(JSON.stringify(context.responses[i] ?? [])),
        bySheet,
      });
    });
  }
  const sum = (p: "open" | "read" | "apply") => runs.filter((r) => r.phase === p).reduce((n, r) => n + r.context.syncCount, 0);
  const cellWrites = result.plan.cellWrites.reduce((n, g) => n + g.writes.length, 0) + result.plan.sheets.reduce((n, s) => n + s.cells.length, 0);
  if (!adapter.lastApplyStats) throw new Error("ExcelAdapter.apply left no stats");
  const unsplitBytes = estimateApply(result.plan, { splitAt: Number.POSITIVE_INFINITY })[0] ?? 0;
  return { months: book.months, openSyncs: sum("open"), readSyncs: sum("read"), applySyncs: sum("apply"), syncs, cellWrites, applyStats: adapter.lastApplyStats, unsplitBytes };
}

/**
 * 全部重算 as the pane runs it (src/taskpane/session.ts, over ExcelAdapter and the same fake): the
 * syncs the action itself takes (what the clerk waits on: its read and its write), and the read
 * that then refreshes the pane's view behind it (Session.rememberWritten), counted apart; the
 * pane's opening read apart too.
 */
export async function paneRecompute(book: BenchWorkbook): Promise<{ open: number; action: number; refresh: number }> {
  const counts = { open: 0, action: 0, refresh: 0 };
  const { adapter, phase, runs: contexts } = await fakeExcel<keyof typeof counts>(book, "open");
  const [y, m, d] = AS_OF.split("-").map(Number) as [number, number, number];
  const session = new Session({ read: () => adapter.read(), apply: (plan) => adapter.apply(plan) }, { now: () => new Date(y, m - 1, d, 9, 0) });
  await session.load();
  phase.now = "action";
  const result = await session.recomputeAll(null);
  phase.now = "refresh"; // the refresh's Excel.run starts inside the action; it is told apart below
  if (result.kind !== "recomputed") throw new Error(`${book.label}: 全部重算 in the pane: ${result.kind} ${result.problems.slice(0, 3).map((p) => p.message).join("; ")}`);
  await session.whenRefreshed();
  // The action's Excel.runs are its read and its write; any later run of the action phase is the refresh.
  const action = contexts.filter((c) => c.phase === "action");
  for (const { phase: p, context } of contexts) if (p !== "action") counts[p] += context.syncCount;
  action.forEach(({ context }, i) => (i < 2 ? (counts.action += context.syncCount) : (counts.refresh += context.syncCount)));
  return counts;
}

/** A read of a workbook through the fake: its syncs and every response's bytes (as the fake measured them). */
export interface ReadMeasure {
  syncs: number;
  responses: number[];
  largest: number;
}

/**
 * The example workbook plus an unrelated 20,000 × 16 sheet (a clerk's ledger, test/hosts/excel/fixtures.ts):
 * the pane's first read, a read once the sheets are known, and — for comparison — what one response
 * carrying every sheet's used range (values, number formats, formulas: the read before issue 14)
 * weighs, measured on a fake without the 5 MB limit (Excel on the web refuses it).
 */
export async function wideWorkbookReads(book: BenchWorkbook): Promise<{ first: ReadMeasure; again: ReadMeasure; unread: string; oneResponse: number }> {
  const file = await ExcelFileAdapter.fromBuffer(book.bytes);
  const state = fakeStateOf(await file.read());
  addLedger(state);
  const contexts: FakeRequestContext[] = [];
  const adapter = new ExcelAdapter(
    <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean }) => {
      const context = new FakeRequestContext(state, options);
      contexts.push(context);
      return batch(context as unknown as Excel.RequestContext);
    },
    { isSetSupported: () => true },
  );
  const measure = async (): Promise<ReadMeasure> => {
    await adapter.read();
    const context = contexts[contexts.length - 1] as FakeRequestContext;
    return { syncs: context.syncCount, responses: context.responseBytes, largest: Math.max(...context.responseBytes) };
  };
  const first = await measure();
  const again = await measure();
  const unread = adapter.unread.map((u) => `${u.name} (${u.rows} × ${u.columns})`).join(", ");
  const unlimited = fakeStateOf(await file.read());
  addLedger(unlimited);
  unlimited.payloadLimit = Number.POSITIVE_INFINITY;
  const whole = new FakeRequestContext(unlimited);
  for (const sheet of unlimited.sheets) {
    const used = (whole as unknown as Excel.RequestContext).workbook.worksheets.getItem(sheet.name).getUsedRangeOrNullObject(true);
    used.load("values,numberFormat,formulas");
  }
  await whole.sync();
  return { first, again, unread, oneResponse: whole.responseBytes[0] ?? 0 };
}

export async function benchExcelMode(books: readonly BenchWorkbook[]): Promise<Figure[]> {
  console.log("\n## Excel mode (ExcelAdapter against the counting fake)");
  const measures: ExcelModeMeasure[] = [];
  for (const book of books) {
    const m = await recompute(book);
    measures.push(m);
    console.log(`${book.label}: ${m.readSyncs} read + ${m.applySyncs} apply syncs (${m.applyStats.splits} splits); ${m.cellWrites} cells written; the session's first read took ${m.openSyncs}`);
    let applied = 0;
    for (const [i, s] of m.syncs.entries()) {
      const own = s.phase === "apply" ? `; adapter's estimate ${kb(m.applyStats.payloadBytes[applied++] ?? 0)}` : "";
      console.log(`  sync ${i + 1} (${s.phase}): ${s.operations} operations, request ${kb(s.officeRequest)} office-js-shaped (${kb(s.rawRequest)} raw)${own}, response ${kb(s.response)}`);
      for (const g of s.bySheet) console.log(`    ${g.sheet}: ${g.operations} operations, ${kb(g.bytes)}`);
    }
  }
  const figures: Figure[] = [];
  const counts = measures.map((m) => m.readSyncs + m.applySyncs);
  const constant = counts.every((c) => c === counts[0]);
  const oneAndOne = measures.every((m) => m.readSyncs <= 1 && m.applySyncs <= 1);
  for (const m of measures) {
    figures.push({
      figure: `Excel: context.sync() calls, ${m.months} months`,
      value: `${m.readSyncs + m.applySyncs} (read ${m.readSyncs} + write ${m.applySyncs})`,
      budget: "2 (read 1 + write 1)",
      holds: m.readSyncs <= 1 && m.applySyncs <= 1,
      note: `a recompute in an open pane, the sheets known from its last read; the pane's first read of a session takes ${m.openSyncs} (the listing, the used ranges' bounds, then the cells in batches under 4 MB: src/hosts/excel/excel-adapter.ts says why not one).`,
    });
  }
  for (const book of books) {
    const pane = await paneRecompute(book);
    console.log(`${book.label}: the pane's 全部重算 (session): ${pane.action} syncs, then ${pane.refresh} behind it; its opening read ${pane.open}`);
    figures.push({
      figure: `Excel: the pane's 全部重算 as a clerk waits on it, ${book.months} months`,
      value: `${pane.action} syncs (then ${pane.refresh} behind it, not waited on)`,
      budget: "2 (read 1 + write 1)",
      holds: pane.action <= 2,
      note: "the session's own flow (src/taskpane/session.ts) over the same fake: the action's read and write; the view shows the workbook as written at once, and the read that takes it from Excel (recalculated: the write ends with application.calculate) runs behind the action.",
    });
  }
  figures.push({
    figure: `Excel: sync calls the same for ${measures.map((m) => m.months).join(" and ")} months`,
    value: constant ? `yes (${counts[0]})` : counts.join(" vs "),
    budget: "same constant",
    holds: constant,
    ...(oneAndOne ? {} : { note: "a recompute took more than one read and one write sync (see the lines above)." }),
  });
  for (const m of measures) {
    const largest = m.syncs.reduce((a, s) => (s.officeRequest > a.officeRequest ? s : a));
    const top = largest.bySheet.slice(0, 3).map((g) => `${g.sheet} ${mb(g.bytes)}`).join(", ");
    figures.push({
      figure: `Excel: largest request payload, ${m.months} months`,
      value: `${mb(largest.officeRequest)} (raw ${mb(largest.rawRequest)}; adapter's own estimate ${mb(m.applyStats.largestPayloadBytes)})`,
      budget: "< 5 MB",
      holds: largest.officeRequest < WEB_PAYLOAD_LIMIT,
      ...(largest.officeRequest < WEB_PAYLOAD_LIMIT ? {} : { note: `the ${largest.phase} sync, ${largest.operations} operations; by sheet: ${top}.` }),
    });
    const response = Math.max(...m.syncs.map((s) => s.response));
    figures.push({ figure: `Excel: largest response payload, ${m.months} months`, value: mb(response), budget: "< 5 MB", holds: response < WEB_PAYLOAD_LIMIT });
    // A split is needed only when the whole write, as one batch, would pass SPLIT_AT (4.5 MB, under the 5 MB limit).
    const made = m.applyStats.splits;
    const over = m.syncs.filter((s) => s.officeRequest >= WEB_PAYLOAD_LIMIT).length;
    const needed = m.unsplitBytes > SPLIT_AT;
    const holds = over === 0 && (made === 0 || needed);
    figures.push({
      figure: `Excel: write splits, ${m.months} months`,
      value: `${made} made (the whole write as one batch: ${mb(m.unsplitBytes)})`,
      budget: "split only where > 5 MB",
      holds,
      ...(holds ? {} : { note: `${over} write sync(s) at or over 5 MB; ${made} split(s) made for a write of ${mb(m.unsplitBytes)}.` }),
    });
  }
  const example = books.find((b) => b.months <= 12) ?? books[0];
  if (example) {
    const wide = await wideWorkbookReads(example);
    console.log(`${example.label} + a 20,000 × 16 ledger: first read ${wide.first.syncs} syncs, responses ${wide.first.responses.map(kb).join(", ")}; a read once the sheets are known ${wide.again.syncs} sync(s), ${wide.again.responses.map(kb).join(", ")}; listed by name only: ${wide.unread}; every used range in one response (the read before): ${mb(wide.oneResponse)}`);
    const largest = Math.max(wide.first.largest, wide.again.largest);
    figures.push({
      figure: "Excel: largest read response, the example + an unrelated 20,000 × 16 sheet",
      value: `${kb(largest)} (first read ${wide.first.syncs} syncs, then ${wide.again.syncs}; all in one response it was ${mb(wide.oneResponse)})`,
      budget: "< 4 MB",
      holds: largest < RESPONSE_BUDGET,
    });
  }
  return figures;
}
