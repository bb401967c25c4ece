/**
 * WPS mode: a full recompute in an open pane (WpsAdapter.read → runWorkbookAsync → WpsAdapter.apply)
 * against the counting fake of ET's object model (test/hosts/wps/fake-et.ts), the workbook loaded
 * into the fake. The bridge is synchronous and every property read, property write and method call
 * crosses into WPS: the figure is the number of those calls ("bridge calls"), read and write apart,
 * and per sheet. Budget (issue 16): the calls do not grow with the number of cells, a few per sheet.
 *
 * What the counts include (wps-adapter.ts says why each is there): per sheet read, 9 calls for the
 * whole sheet, plus the halving questions when a sheet has more than one number format (NumberFormat
 * reads null over mixed cells) or merged areas (MergeCells reads null over a mix) — those follow the
 * sheet's layout (blocks of one format, merged areas), not its cells; per write, a Range call and a
 * set per rectangle of cells, per block of one number format, per style group and property, per merge.
 */
import { WpsAdapter } from "../src/hosts/wps/wps-adapter";
import { ExcelFileAdapter } from "../src/hosts/file/file-adapter";
import { type WorkbookSnapshot, a1 } from "../src/workbook/model";
import { runWorkbookAsync } from "../src/workbook/plan";
import { buildPaymentSheet } from "../src/workbook/sheets/payment-sheet";
import { type SeedSheet, fakeEt, seededState } from "../test/hosts/wps/fake-et";
import type { Figure } from "./report";
import { AS_OF, NOW, type BenchWorkbook } from "./workbooks";

/** A snapshot (what the file adapter reads) as the fake's seed: values, formulas, formats, merges, protection. */
export function seedOf(snapshot: WorkbookSnapshot): SeedSheet[] {
  return [...snapshot.sheets]
    .sort((a, b) => a.index - b.index)
    .map((s) => ({
      name: s.name,
      cells: s.cells.map((c) => ({ address: a1(c.row, c.col), value: c.value, numberFormat: c.numberFormat, ...(c.formula !== undefined ? { formula: c.formula } : {}) })),
      merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
      ...(s.protected ? { protected: true } : {}),
    }));
}

export interface WpsModeMeasure {
  months: number;
  sheets: number;
  cellsRead: number;
  cellsWritten: number;
  readCalls: number;
  applyCalls: number;
  /** Sheets the write touched (cells written or created whole). */
  sheetsWritten: number;
  /** Calls of the read spent on number formats and merged areas (beyond the 9 a sheet). */
  layoutCalls: number;
  /** The pane's first read of a session (nothing known yet: formats and merges found by halving). */
  openCalls: number;
  openLayoutCalls: number;
}

/** One full recompute of `book` through the fake ET bridge. */
export async function wpsRecompute(book: BenchWorkbook, options: { multiAreaReads?: boolean } = {}): Promise<WpsModeMeasure> {
  const snapshot = await (await ExcelFileAdapter.fromBuffer(book.bytes)).read();
  const fake = fakeEt(seededState(seedOf(snapshot)));
  const adapter = new WpsAdapter(() => fake.app, { breathe: false, ...options });
  // The pane reads the workbook when it opens (the month list): counted apart, as in Excel mode.
  fake.state.resetCalls();
  const first = await adapter.read();
  const openCalls = fake.state.calls;
  const openLayoutCalls = openCalls - 3 - 9 * first.sheets.length;
  // 全部重算 reads it again, knowing each sheet's number-format blocks and merged areas from the first read.
  fake.state.resetCalls();
  const read = await adapter.read();
  const readCalls = fake.state.calls;
  const result = await runWorkbookAsync(read, { asOf: AS_OF, now: NOW, buildPaymentSheet });
  if (!result.ok || !result.plan) throw new Error(`${book.label}: not scored in WPS mode: ${result.errors.slice(0, 3).map((e) => e.message).join("; ")}`);
  fake.state.resetCalls();
  await adapter.apply(result.plan);
  const applyCalls = fake.state.calls;
  const plan = result.plan;
  const sheetsWritten = new Set([...plan.cellWrites.map((g) => g.sheet), ...plan.sheets.map((s) => s.name)]).size;
  return {
    months: book.months,
    sheets: read.sheets.length,
    cellsRead: read.sheets.reduce((n, s) => n + s.cells.length, 0),
    cellsWritten: plan.cellWrites.reduce((n, g) => n + g.writes.length, 0) + plan.sheets.reduce((n, s) => n + s.cells.length, 0),
    readCalls,
    applyCalls,
    sheetsWritten,
    layoutCalls: readCalls - 3 - 9 * read.sheets.length,
    openCalls,
    openLayoutCalls,
  };
}

export async function benchWpsMode(books: readonly BenchWorkbook[]): Promise<Figure[]> {
  console.log("\n## WPS mode (WpsAdapter against the counting fake of the ET object model)");
  const figures: Figure[] = [];
  for (const book of books) {
    const m = await wpsRecompute(book);
    const perSheet = (m.readCalls + m.applyCalls) / m.sheets;
    console.log(
      `${book.label}: ${m.sheets} sheets, ${m.cellsRead} cells read, ${m.cellsWritten} cells written; bridge calls: read ${m.readCalls} (${m.layoutCalls} of them checking the known number-format blocks and merged areas), write ${m.applyCalls} over ${m.sheetsWritten} sheets; the pane's first read ${m.openCalls} (${m.openLayoutCalls} finding formats and merges: by halving, or checking a sheet of the same used range's layout)`,
    );
    const multi = await wpsRecompute(book, { multiAreaReads: true });
    console.log(`  with multiAreaReads (not yet checked on WPS): read ${multi.readCalls} + write ${multi.applyCalls} = ${multi.readCalls + multi.applyCalls}`);
    figures.push({
      figure: `WPS: bridge calls of a full recompute, ${m.months} months`,
      value: `${m.readCalls + m.applyCalls} (read ${m.readCalls} + write ${m.applyCalls}); ${perSheet.toFixed(0)} a sheet; ${((m.readCalls + m.applyCalls) / (m.cellsRead + m.cellsWritten)).toFixed(3)} a cell`,
      budget: "independent of the cells (a few a sheet)",
      holds: null,
      note: `with multi-area checks (WpsAdapterOptions.multiAreaReads, to confirm on WPS first): ${multi.readCalls + multi.applyCalls} (read ${multi.readCalls}). A recompute in an open pane (the layout known from its last read); every property read, property write and method call on an ET object counted (test/hosts/wps/fake-et.ts). The pane's first read of a session takes ${m.openCalls} (${(m.openCalls / m.sheets).toFixed(0)} a sheet: formats and merged areas found by halving, or checked against the last sheet of the same used range).`,
    });
  }
  return figures;
}
