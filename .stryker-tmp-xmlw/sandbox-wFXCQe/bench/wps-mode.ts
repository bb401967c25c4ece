/**
 * WPS mode: a full recompute in an open pane (WpsAdapter.read → runWorkbookAsync → WpsAdapter.apply)
 * against the counting fake of ET's object model (test/hosts/wps/fake-et.ts), the workbook loaded
 * into the fake. The bridge is synchronous and every property read, property write and method call
 * crosses into WPS: the figure is the number of those calls ("bridge calls"), read and write apart,
 * and per sheet. Budget (issue 16): the calls do not grow with the number of cells, a few per sheet.
 *
 * What the counts include (wps-adapter.ts says why each is there): per sheet read, 7 to 9 calls for
 * the whole sheet (the used range's NumberFormat and MergeCells are not asked over a layout known to
 * answer null), plus the questions when a sheet has more than one number format (NumberFormat reads
 * null over mixed cells) or merged areas (MergeCells reads null over a mix): halving on the pane's
 * first read, checks of the known layout after — those follow the sheet's layout (blocks of one
 * format, merged areas), not its cells; per write, a Range call and a set per rectangle of cells,
 * per number format, per value of each style property, per border kind, per merge call.
 * `purposes` sorts every call of the fake's log by what it is for (printed for each workbook).
 * Three paths, all printed: Range.Value(11) (the adapter's default: each sheet's formats and merged
 * areas from one XML Spreadsheet answer, checked against the documented path on the pane's first
 * read; each fresh sheet's cells set in one XML Spreadsheet text, checked on the first sheet written
 * so), Value(11) to read only, and the documented one (`xmlLayout: false, xmlWrites: false`: what a
 * WPS that refuses Range.Value(11) costs). test/hosts/wps/wps-budget.test.ts asserts the Value(11)
 * counts exactly. Budgets: see WPS_CALLS_PER_SHEET_BUDGET.
 * A third scenario: a month's indicator edited in the open pane, then 全部重算 again — the sheets the
 * pane wrote whole are written as their difference (sheetDiff), the case of a clerk's working session.
 * Multi-area merges (one Range.Merge per kind, checked once a pane) are on in every line.
 */
// @ts-nocheck

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

/** What a bridge call is for, from the fake's log ("Application.ActiveWorkbook.Worksheets.Item().Range().NumberFormat"). */
const PURPOSES: [string, RegExp][] = [
  ["whole sheet", /(ActiveWorkbook|Worksheets|\.Count|(?<!Borders)\.Item\(\d*\)|Item\(\)\.Name|\.ProtectContents|\.UsedRange(\.Address\(.*\)|\.Value2|\.Formula|\.NumberFormat|\.MergeCells)?)$/],
  ["layout in one answer (Value(11))", /\.Value\(11\)$/],
  ["a sheet's cells in one call (Value(11) set)", /\.Value\(11,"<xml…>"\)$/],
  ["styles read back (the check of the pane's first Value(11) write)", /\.(Font\.\w+|Interior\.Color|WrapText|HorizontalAlignment|VerticalAlignment|Borders\.Item\(\d*\)\.\w+|RowHeight)$/],
  ["number formats asked", /\.NumberFormat$/],
  ["merged areas asked", /\.(MergeCells|MergeArea|MergeArea\.Address\(.*\))$/],
  ["error cells asked", /\.Text$/],
  ["values", /\.(Value2|Formula)=$/],
  ["number formats set", /\.NumberFormat=$/],
  ["rules (highlights, lists)", /(FormatConditions\.Add\(.*\)|FormatConditions\.Add\(\)\.\w+\.Color=|Validation\.Add\(.*\))$/],
  ["styles", /(\.(Font\.\w+|Interior\.Color(Index)?|WrapText|HorizontalAlignment|VerticalAlignment|Borders\.\w+)=|\.ClearFormats\(\))$/],
  ["merges", /\.Merge\(.*\)$/],
  ["widths and heights", /\.(ColumnWidth|RowHeight)=$/],
  ["print and tab", /(\.(PageSetup\.\w+|Tab\.Color)=|\.HPageBreaks\.Add\(.*\))$/],
  ["chart", /(ChartObjects\(\)\.Add\(.*\)|\.Chart(\.\w+)*=?|SeriesCollection\(\)(\.NewSeries\(\)(\.\w+=)?)?|\.(Left|Top|Width|Height))$/],
  ["sheets (add, name, delete, activate, freeze)", /(Worksheets\.Add\([^)]*\)|\.Name=|\.Delete\(\)|\.Activate\(\)|ActiveWindow(\.\w+=?)?|ActiveSheet(\.Name)?|\.Protect\(\)|\.Unprotect\(\))$/],
  ["application (alerts, screen, calculate)", /Application\.(DisplayAlerts|ScreenUpdating)=?$|\.Calculate\(\)$/],
];

/** Objects fetched on the way to a call (Range(…), .Font, .Interior, .Borders …): counted with the call they lead to. */
const STEP = /(\.Range\([^)]*\)|\.(Font|Interior|Borders|Borders\.Item\(\d+\)|FormatConditions|PageSetup|HPageBreaks|Tab|Chart|ChartTitle|MergeArea))$/;

/** The calls of a log by purpose (a Range(…) fetched, or a Font, counted with the call it leads to). */
export function purposes(log: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  let pending = 0;
  for (const entry of log) {
    const whole = (PURPOSES[0] as [string, RegExp])[1].test(entry);
    if (!whole && STEP.test(entry)) {
      pending++;
      continue;
    }
    const name = PURPOSES.find(([, re]) => re.test(entry))?.[0] ?? "other";
    out.set(name, (out.get(name) ?? 0) + 1 + pending);
    pending = 0;
  }
  if (pending > 0) out.set("other", (out.get("other") ?? 0) + pending);
  return out;
}

const purposeText = (m: ReadonlyMap<string, number>, sheets: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n} (${(n / sheets).toFixed(1)})`)
    .join(", ");

export interface WpsModeMeasure {
  months: number;
  sheets: number;
  cellsRead: number;
  cellsWritten: number;
  readCalls: number;
  applyCalls: number;
  /** Sheets the write touched (cells written or created whole). */
  sheetsWritten: number;
  /** Calls of the read spent on number formats and merged areas (beyond the whole-sheet questions). */
  layoutCalls: number;
  /** The pane's first read of a session (nothing known yet: formats and merges found by halving). */
  openCalls: number;
  openLayoutCalls: number;
  /** Each call by what it is for: the recompute's read and write, the first read. */
  readPurposes: Map<string, number>;
  applyPurposes: Map<string, number>;
  openPurposes: Map<string, number>;
  /** 全部重算 once more in the same pane, nothing changed since: read and write. */
  againReadCalls: number;
  againApplyCalls: number;
  /**
   * A month's indicator edited (the last month's 合格工单数, one less), then 全部重算 in the same pane:
   * read and write (the sheets this pane wrote whole written as their difference), and the write by purpose.
   */
  editReadCalls: number;
  editApplyCalls: number;
  editPurposes: Map<string, number>;
}

/** One full recompute of `book` through the fake ET bridge: the documented path unless `xmlLayout` / `xmlWrites` (the adapter's defaults) are given. */
export async function wpsRecompute(book: BenchWorkbook, options: { multiAreaReads?: boolean; xmlLayout?: boolean; xmlWrites?: boolean; diffWrites?: boolean; multiAreaMerges?: boolean } = {}): Promise<WpsModeMeasure> {
  const snapshot = await (await ExcelFileAdapter.fromBuffer(book.bytes)).read();
  const fake = fakeEt(seededState(seedOf(snapshot)));
  const adapter = new WpsAdapter(() => fake.app, { breathe: false, xmlLayout: false, xmlWrites: false, ...options });
  fake.state.logging = true;
  const layout = (m: ReadonlyMap<string, number>) => [...m].filter(([k]) => k !== "whole sheet").reduce((n, [, v]) => n + v, 0);
  // The pane reads the workbook when it opens (the month list): counted apart, as in Excel mode.
  fake.state.resetCalls();
  await adapter.read();
  const openCalls = fake.state.calls;
  const openPurposes = purposes(fake.state.log);
  // 全部重算 reads it again, knowing each sheet's number-format blocks and merged areas from the first read.
  fake.state.resetCalls();
  const read = await adapter.read();
  const readCalls = fake.state.calls;
  const readPurposes = purposes(fake.state.log);
  const result = await runWorkbookAsync(read, { asOf: AS_OF, now: NOW, buildPaymentSheet });
  if (!result.ok || !result.plan) throw new Error(`${book.label}: not scored in WPS mode: ${result.errors.slice(0, 3).map((e) => e.message).join("; ")}`);
  fake.state.resetCalls();
  await adapter.apply(result.plan);
  const applyCalls = fake.state.calls;
  const applyPurposes = purposes(fake.state.log);
  // 全部重算 again, nothing changed: the scores stand (no owned cell written), the generated sheets are written again.
  fake.state.resetCalls();
  const again = await adapter.read();
  const againReadCalls = fake.state.calls;
  const second = await runWorkbookAsync(again, { asOf: AS_OF, now: NOW, buildPaymentSheet });
  if (!second.ok || !second.plan) throw new Error(`${book.label}: not scored again in WPS mode`);
  fake.state.resetCalls();
  await adapter.apply(second.plan);
  const againApplyCalls = fake.state.calls;
  // A month's indicator edited by the clerk, 全部重算 in the same pane.
  const input = fake.state.find("指标录入");
  const lastRow = Math.max(...[...(input?.cells.keys() ?? [])].map((k) => Number(k.split(",")[0])));
  const edited = input?.peek(lastRow, 21);
  if (!edited || typeof edited.value !== "number") throw new Error(`${book.label}: no 合格工单数 in the last row of 指标录入`);
  edited.value -= 1;
  fake.state.resetCalls();
  const third = await adapter.read();
  const editReadCalls = fake.state.calls;
  const afterEdit = await runWorkbookAsync(third, { asOf: AS_OF, now: NOW, buildPaymentSheet });
  if (!afterEdit.ok || !afterEdit.plan) throw new Error(`${book.label}: not scored after the edit in WPS mode`);
  fake.state.resetCalls();
  await adapter.apply(afterEdit.plan);
  const editApplyCalls = fake.state.calls;
  const editPurposes = purposes(fake.state.log);
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
    layoutCalls: layout(readPurposes),
    openCalls,
    openLayoutCalls: layout(openPurposes),
    readPurposes,
    applyPurposes,
    openPurposes,
    againReadCalls,
    againApplyCalls,
    editReadCalls,
    editApplyCalls,
    editPurposes,
  };
}

/**
 * The budget (issue 16: "a budget that does not grow with the number of cells (a few calls per
 * sheet)"): every read and every 全部重算 a clerk repeats in an open pane, ≤ 10 calls a sheet. What a
 * pane does once — its first read (checking Range.Value(11) against the documented path) and its
 * first full recompute (creating 付款结算, 计算说明 and 撤销记录 with their formatting, checking the
 * Value(11) write) — cannot be ≤ 10 a sheet (reading a sheet is 8 calls, writing a month's scores 6,
 * and a formatted, printable sheet with a chart is 60–125 more): its budget is that it does not grow
 * with the workbook — calls a sheet at 120 months ≤ at 12, and each product sheet the same calls at both.
 */
export const WPS_CALLS_PER_SHEET_BUDGET = 10;

/**
 * The calls of creating each of the product's sheets, in the order the pane's first full recompute
 * writes them (撤销记录 first: it carries the check of the first Value(11) write), each applied alone
 * after a read of the workbook, without the 9 calls of opening and closing a write.
 */
export async function wpsProductSheets(book: BenchWorkbook, options: { xmlLayout?: boolean; xmlWrites?: boolean } = {}): Promise<{ name: string; calls: number; pageBreaks: number }[]> {
  const snapshot = await (await ExcelFileAdapter.fromBuffer(book.bytes)).read();
  const result = await runWorkbookAsync(snapshot, { asOf: AS_OF, now: NOW, buildPaymentSheet });
  if (!result.ok || !result.plan) throw new Error(`${book.label}: not scored`);
  const fake = fakeEt(seededState(seedOf(snapshot)));
  const adapter = new WpsAdapter(() => fake.app, { breathe: false, xmlLayout: false, xmlWrites: false, ...options });
  await adapter.read();
  // (An empty write: its calls are the opening and closing every write has.)
  fake.state.resetCalls();
  await adapter.apply({ cellWrites: [], sheets: [], protectSheets: [{ sheet: snapshot.sheets[0]?.name ?? "", protect: false }] });
  const overhead = fake.state.calls - 1;
  const record = result.plan.sheets.filter((s) => s.name === "撤销记录");
  const out: { name: string; calls: number; pageBreaks: number }[] = [];
  for (const spec of [...record, ...result.plan.sheets.filter((s) => !record.includes(s))]) {
    await adapter.read();
    fake.state.resetCalls();
    await adapter.apply({ cellWrites: [], sheets: [spec] });
    out.push({ name: spec.name, calls: fake.state.calls - overhead, pageBreaks: (spec.print?.rowBreaks ?? []).length });
  }
  return out;
}

/** Calls of a read of one sheet of `rows` × 4 numbers in one format: the same at 20 rows and 20,000 (budget: not growing with the cells). */
export async function wpsLedgerRead(rows: number): Promise<number> {
  const cells = [];
  for (let r = 1; r <= rows; r++) for (let c = 1; c <= 4; c++) cells.push({ address: a1(r, c), value: r * c, numberFormat: "0.00" });
  const fake = fakeEt(seededState([{ name: "台账", cells }]));
  const adapter = new WpsAdapter(() => fake.app, { breathe: false, xmlLayout: false });
  fake.state.resetCalls();
  await adapter.read();
  return fake.state.calls;
}

export async function benchWpsMode(books: readonly BenchWorkbook[]): Promise<Figure[]> {
  console.log("\n## WPS mode (WpsAdapter against the counting fake of the ET object model)");
  const figures: Figure[] = [];
  const budget = `≤ ${WPS_CALLS_PER_SHEET_BUDGET} a sheet`;
  const once: { months: number; first: number; open: number; product: { name: string; calls: number; pageBreaks: number }[] }[] = [];
  for (const book of books) {
    // The adapter's default: Range.Value(11) to read each sheet's layout and to write fresh sheets (each checked once a pane).
    const x = await wpsRecompute(book, { xmlLayout: true, xmlWrites: true });
    // A WPS that refuses Range.Value(11): the documented path throughout.
    const m = await wpsRecompute(book);
    const xmlRead = await wpsRecompute(book, { xmlLayout: true });
    const multi = await wpsRecompute(book, { multiAreaReads: true });
    const product = await wpsProductSheets(book, { xmlLayout: true, xmlWrites: true });
    const productDocumented = await wpsProductSheets(book);
    const after = x.sheets + 3; // (付款结算, 计算说明 and 撤销记录 added by the first write)
    const per = (n: number, sheets: number) => (n / sheets).toFixed(1);
    const first = x.readCalls + x.applyCalls;
    once.push({ months: x.months, first: first / x.sheets, open: x.openCalls / x.sheets, product });
    console.log(`${book.label}: ${x.sheets} sheets, ${x.cellsRead} cells read, ${x.cellsWritten} cells written (${after} sheets after the first write)`);
    console.log(`  the pane's first read ${x.openCalls} (${per(x.openCalls, x.sheets)} a sheet): ${purposeText(x.openPurposes, x.sheets)}`);
    console.log(`  the pane's first full recompute: read ${x.readCalls} (${per(x.readCalls, x.sheets)} a sheet) + write ${x.applyCalls} = ${first} (${per(first, x.sheets)} a sheet); write: ${purposeText(x.applyPurposes, x.sheets)}`);
    console.log(`  the product's sheets created (calls each, without opening and closing the write): ${product.map((p) => `${p.name} ${p.calls}`).join(", ")}; the documented way ${productDocumented.map((p) => `${p.name} ${p.calls}`).join(", ")}; manual page breaks ${product.map((p) => `${p.name} ${p.pageBreaks}`).join(", ")}`);
    console.log(`  全部重算 again, nothing changed: read ${x.againReadCalls} + write ${x.againApplyCalls} = ${x.againReadCalls + x.againApplyCalls} (${per(x.againReadCalls + x.againApplyCalls, after)} a sheet)`);
    console.log(`  a month's indicator edited, then 全部重算: read ${x.editReadCalls} + write ${x.editApplyCalls} = ${x.editReadCalls + x.editApplyCalls} (${per(x.editReadCalls + x.editApplyCalls, after)} a sheet); the write: ${[...x.editPurposes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ")}`);
    console.log(`  Value(11) to read only (fresh sheets written the documented way): first full recompute ${xmlRead.readCalls} + ${xmlRead.applyCalls} = ${xmlRead.readCalls + xmlRead.applyCalls} (${per(xmlRead.readCalls + xmlRead.applyCalls, xmlRead.sheets)} a sheet)`);
    console.log(
      `  the documented path (a WPS that refuses Value(11)): first read ${m.openCalls} (${per(m.openCalls, m.sheets)} a sheet); first full recompute ${m.readCalls} + ${m.applyCalls} = ${m.readCalls + m.applyCalls} (${per(m.readCalls + m.applyCalls, m.sheets)} a sheet); again ${m.againReadCalls + m.againApplyCalls} (${per(m.againReadCalls + m.againApplyCalls, after)}); a month edited ${m.editReadCalls + m.editApplyCalls} (${per(m.editReadCalls + m.editApplyCalls, after)}); with multiAreaReads (not yet checked on WPS) first full recompute ${multi.readCalls + multi.applyCalls} (${per(multi.readCalls + multi.applyCalls, multi.sheets)})`,
    );
    console.log(`  the documented path, what the calls are for (a sheet): read ${purposeText(m.readPurposes, m.sheets)}; write ${purposeText(m.applyPurposes, m.sheets)}`);
    const editTotal = x.editReadCalls + x.editApplyCalls;
    const againTotal = x.againReadCalls + x.againApplyCalls;
    figures.push({
      figure: `WPS: a month edited, then 全部重算 in an open pane, ${x.months} months`,
      value: `${editTotal} (read ${x.editReadCalls} + write ${x.editApplyCalls}); ${per(editTotal, after)} a sheet`,
      budget,
      holds: editTotal / after <= WPS_CALLS_PER_SHEET_BUDGET,
      note: `WPS, ${x.months} months, after the pane's first recompute: the last month's 合格工单数 one less, then 全部重算 (${after} sheets); 付款结算, 计算说明 and 撤销记录 written as their difference from what this pane wrote (wps-adapter.ts sheetDiff). Documented path (a WPS that refuses Range.Value(11)): ${m.editReadCalls + m.editApplyCalls}, ${per(m.editReadCalls + m.editApplyCalls, after)} a sheet.`,
    });
    figures.push({
      figure: `WPS: 全部重算 again in an open pane, nothing changed, ${x.months} months`,
      value: `${againTotal} (read ${x.againReadCalls} + write ${x.againApplyCalls}); ${per(againTotal, after)} a sheet`,
      budget,
      holds: againTotal / after <= WPS_CALLS_PER_SHEET_BUDGET,
      note: `WPS, ${x.months} months: the scores stand, 付款结算 and 计算说明 read back as written are not written, 撤销记录 written as its difference. Documented path: ${m.againReadCalls + m.againApplyCalls}, ${per(m.againReadCalls + m.againApplyCalls, after)} a sheet.`,
    });
  }
  const [lo, hi] = once;
  if (lo && hi) {
    figures.push({
      figure: `WPS: the pane's first full recompute, calls a sheet, ${lo.months} → ${hi.months} months`,
      value: `${lo.first.toFixed(1)} → ${hi.first.toFixed(1)}`,
      budget: "once a pane; not growing with the book",
      holds: hi.first <= lo.first,
      note: "The pane's first 全部重算 creates 付款结算, 计算说明 and 撤销记录 with their formatting and checks the Range.Value(11) write once (wps-adapter.ts checkXmlWrite); each sheet read is 8 calls and each month's scores 6 (bench/wps-mode.ts says why ≤ 10 a sheet cannot hold here). Range.Value(11) is not yet seen on a real WPS: the documented path's figures are printed above for a build that refuses it.",
    });
    figures.push({
      figure: `WPS: the pane's first read, calls a sheet, ${lo.months} → ${hi.months} months`,
      value: `${lo.open.toFixed(1)} → ${hi.open.toFixed(1)}`,
      budget: "once a pane; not growing with the book",
      holds: hi.open <= lo.open,
      note: "The first read checks Range.Value(11) against the documented path until they agree on a merged area and a number format (the first month scorecard); later reads are 8 calls a sheet.",
    });
    // A manual page break is two calls (its Range and HPageBreaks.Add): calls a printed page, not a row.
    const beyondBreaks = (p: { calls: number; pageBreaks: number }) => p.calls - 2 * p.pageBreaks;
    const same = lo.product.length === hi.product.length && lo.product.every((p, i) => hi.product[i]?.name === p.name && beyondBreaks(hi.product[i] as typeof p) === beyondBreaks(p));
    const list = (ps: typeof lo.product) => ps.map((p) => `${p.name} ${p.calls}${p.pageBreaks > 0 ? ` (${p.pageBreaks} page breaks)` : ""}`).join(", ");
    figures.push({
      figure: `WPS: each product sheet created, calls, ${lo.months} vs ${hi.months} months`,
      value: `${list(lo.product)} vs ${list(hi.product)}`,
      budget: "the same but 2 calls a page break",
      holds: same,
      note: "Each written alone after a read, in the first recompute's order (撤销记录 first, with the check of the first Range.Value(11) write), without the 9 calls every write opens and closes with; a manual page break of 付款结算 is two calls, its Range and HPageBreaks.Add (calls a printed page). 计算说明 holds 589 cells at 12 months and 5,557 at 120.",
    });
  }
  const small = await wpsLedgerRead(20);
  const large = await wpsLedgerRead(20_000);
  figures.push({
    figure: "WPS: calls of a read, one sheet of one format, 20 rows vs 20,000 rows × 4",
    value: `${small} vs ${large}`,
    budget: "the same (not growing with the cells)",
    holds: small === large,
  });
  return figures;
}
