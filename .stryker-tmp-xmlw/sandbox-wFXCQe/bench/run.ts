/**
 * `npm run bench`: prints figures, asserts nothing (no timed assertions anywhere in the tests).
 *
 * - engine: month-scorecards scored per second on one core (bench/engine.ts);
 * - file mode: `hotline-scorecard score` on the 12-month example and a generated 120-month workbook,
 *   in one process, against a bare ExcelJS load + save of the same file, with a staged breakdown of
 *   the pipeline (bench/file-mode.ts; budget ≤ 1.0×, measured: see there);
 * - whole processes: the compiled bin's --help against node -e 0, and its score of both workbooks
 *   against a bare ExcelJS load + save process of the same file, wall time and peak RSS
 *   (bench/process.ts; budgets ≤ 0.7× at 12 months, ≤ 0.5× at 120, memory ≤ 1.0×);
 * - Excel mode: context.sync() calls and the largest payload of a full recompute of 12 and 120
 *   months through the counting fake (bench/excel-mode.ts; budget: 1 read + 1 write, < 5 MB);
 * - WPS mode: bridge calls of a full recompute of 12 and 120 months and of the pane's first read,
 *   through the counting fake of ET's object model (bench/wps-mode.ts; budget: ≤ 10 calls a sheet
 *   for every recompute a clerk repeats in an open pane; the pane's once-only first read and first
 *   recompute not growing with the workbook, each product sheet the same calls at 12 and 120 months);
 * - task pane: initial JS of the production build, gzip (budget ≤ 250 KB), and navigation →
 *   interactive in headless Chromium (bench/pane.ts).
 * Ends with one table: figure | value | budget | holds?
 *
 * Options: --only=engine,file,process,excel,wps,pane, or the list alone (`tsx bench/run.ts file,process`);
 * default all.
 */
// @ts-nocheck

import os from "node:os";
import { benchEngine } from "./engine";
import { benchExcelMode } from "./excel-mode";
import { benchFileMode } from "./file-mode";
import { benchPane } from "./pane";
import { benchWpsMode } from "./wps-mode";
import { benchProcesses } from "./process";
import { type Figure, formatFigures } from "./report";
import { ExcelFileAdapter } from "../src/hosts/file/file-adapter";
import { buildPaymentSheet } from "../src/workbook/sheets/payment-sheet";
import { runWorkbookAsync } from "../src/workbook/plan";
import { AS_OF, type BenchWorkbook, exampleWorkbook, generatedWorkbook, NOW } from "./workbooks";

const PARTS = ["engine", "file", "process", "excel", "wps", "pane"] as const;
type Part = (typeof PARTS)[number];

function selected(argv: readonly string[]): Set<Part> {
  const only = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? argv.find((a) => !a.startsWith("-"));
  if (!only) return new Set(PARTS);
  const parts = only.split(",").map((s) => s.trim());
  const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`unknown part(s): ${unknown.join(", ")}; expected ${PARTS.join(", ")}`);
  return new Set(parts as Part[]);
}

/** What the workbook's scoring covers: months scored and whether the instalments settle. */
async function describe(book: BenchWorkbook): Promise<string> {
  const adapter = await ExcelFileAdapter.fromBuffer(book.bytes);
  const result = await runWorkbookAsync(await adapter.read(), { asOf: AS_OF, now: NOW, buildPaymentSheet });
  if (!result.ok) throw new Error(`${book.label} does not score: ${result.errors.slice(0, 3).map((e) => `${e.sheet}!${e.cell} ${e.message}`).join("; ")}`);
  const settled = result.settlement ? `${result.settlement.instalments.length} instalments settled` : "no settlement: scoring only";
  const sheets = result.plan?.sheets.map((s) => `${s.name} ${s.cells.length} cells`).join(", ") ?? "";
  const owned = result.plan?.cellWrites.reduce((n, g) => n + g.writes.length, 0) ?? 0;
  return `${book.label}: ${(book.bytes.length / 1024).toFixed(0)} KB, ${result.scores.length} months scored, ${settled}, ${result.warnings.length} warnings; plan: ${owned} owned cells + sheets ${sheets}`;
}

async function main(): Promise<void> {
  const parts = selected(process.argv.slice(2));
  const started = performance.now();
  const load = os.loadavg().map((x) => x.toFixed(1)).join(" ");
  console.log(`bench — node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} CPUs, load average ${load}, as-of ${AS_OF}`);
  const figures: Figure[] = [];

  if (parts.has("engine")) figures.push(...benchEngine());

  let books: BenchWorkbook[] = [];
  if (parts.has("file") || parts.has("process") || parts.has("excel") || parts.has("wps")) {
    const t = performance.now();
    books = [await exampleWorkbook(), await generatedWorkbook(120, "2016-01")];
    console.log(`\n## workbooks (generated in ${(performance.now() - t).toFixed(0)} ms)`);
    for (const b of books) console.log(await describe(b));
  }
  if (parts.has("file")) figures.push(...(await benchFileMode(books, (b) => (b.months > 12 ? 9 : 25))).figures);
  if (parts.has("process")) figures.push(...(await benchProcesses(books, (b) => (b === null ? 21 : b.months > 12 ? 9 : 15))));
  if (parts.has("excel")) figures.push(...(await benchExcelMode(books)));
  if (parts.has("wps")) figures.push(...(await benchWpsMode(books)));
  if (parts.has("pane")) figures.push(...(await benchPane(7)));

  console.log(`\n## figures (${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})\n`);
  console.log(formatFigures(figures));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
