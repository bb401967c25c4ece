/**
 * Whole processes, as a clerk or a batch script runs them: what a run of `hotline-scorecard` costs
 * from exec to exit (node's start, loading the compiled command line, the job, the exit), against
 * the cheapest process that could do the same:
 * - `hotline-scorecard --help` against `node -e 0` (an empty node process);
 * - `hotline-scorecard score IN -o OUT` of the 12-month example and of a generated 120-month book
 *   against a bare ExcelJS process of the same file: `require("exceljs")`, `xlsx.load(bytes)`,
 *   `writeBuffer()`, write the file — no scoring at all (budget: ≤ 1.0×).
 * Each ratio is measured in one run: the two processes take turns (which one goes first alternates),
 * after two unmeasured warm-up runs of each (the file cache); medians of wall time.
 * The bin is the one `npm ci` leaves (bin/hotline-scorecard.js → lib/, scripts/build-cli.mjs): it
 * is rebuilt first so the figures are of the current source.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Figure, median, ms } from "./report";
import { AS_OF, type BenchWorkbook, REPO_ROOT } from "./workbooks";

export const PROCESS_SCORE_BUDGET = 1.0;
const BIN = path.join(REPO_ROOT, "bin", "hotline-scorecard.js");
const EXCELJS = path.dirname(require.resolve("exceljs/package.json"));

/** The bare ExcelJS process: load the file, save it, write it (what any tool over ExcelJS must at least do). */
const BARE_EXCELJS = `"use strict";
const fs = require("fs");
const ExcelJS = require(${JSON.stringify(EXCELJS)});
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(process.argv[2]));
  fs.writeFileSync(process.argv[3], Buffer.from(await wb.xlsx.writeBuffer()));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/** Wall time of one process, ms; throws with its stderr when it fails. */
function timed(args: readonly string[], expectCode = 0): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== expectCode) throw new Error(`node ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
  return elapsed;
}

/** Medians of a and b, run in turns (first a then b, then b then a, …) after two warm-ups each. */
function pair(a: () => number, b: () => number, runs: number): { a: number[]; b: number[] } {
  for (let i = 0; i < 2; i++) {
    a();
    b();
  }
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      out.a.push(a());
      out.b.push(b());
    } else {
      out.b.push(b());
      out.a.push(a());
    }
  }
  return out;
}

const list = (xs: readonly number[]) => xs.map((x) => x.toFixed(0)).join(", ");

export async function benchProcesses(books: readonly BenchWorkbook[], runs: (b: BenchWorkbook | null) => number): Promise<Figure[]> {
  console.log("\n## whole processes (the compiled bin, as a clerk runs it)");
  execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", "build-cli.mjs"), "--quiet"]);
  const dir = mkdtempSync(path.join(tmpdir(), "hotline-bench-process-"));
  const figures: Figure[] = [];
  try {
    const n = runs(null);
    const help = pair(() => timed([BIN, "--help"]), () => timed(["-e", "0"]), n);
    const h = median(help.a);
    const e = median(help.b);
    console.log(`--help: median ${ms(h)} [${list(help.a)}]; node -e 0: median ${ms(e)} [${list(help.b)}]; ratio ${(h / e).toFixed(2)}×`);
    figures.push({
      figure: `process: hotline-scorecard --help ÷ node -e 0 (median of ${n})`,
      value: `${(h / e).toFixed(2)}× (${ms(h)} vs ${ms(e)})`,
      budget: "—",
      holds: null,
      note: "the compiled command line starts like a program: no TypeScript compiler, and no command's modules are loaded for --help.",
    });

    const bare = path.join(dir, "bare-exceljs.js");
    writeFileSync(bare, BARE_EXCELJS);
    for (const book of books) {
      const input = path.join(dir, `in-${book.months}.xlsx`);
      writeFileSync(input, book.bytes);
      const out = path.join(dir, `scored-${book.months}.xlsx`);
      const floorOut = path.join(dir, `bare-${book.months}.xlsx`);
      const m = runs(book);
      const r = pair(
        () => timed([BIN, "score", input, "-o", out, "--as-of", AS_OF]),
        () => timed([bare, input, floorOut]),
        m,
      );
      const s = median(r.a);
      const f = median(r.b);
      const ratio = s / f;
      console.log(`${book.label}: score median ${ms(s)} [${list(r.a)}]; bare ExcelJS load + save median ${ms(f)} [${list(r.b)}]; ratio ${ratio.toFixed(2)}×`);
      figures.push({
        figure: `process: score ${book.months} months ÷ bare ExcelJS load + save process (median of ${m})`,
        value: `${ratio.toFixed(2)}× (${ms(s)} vs ${ms(f)})`,
        budget: `≤ ${PROCESS_SCORE_BUDGET.toFixed(1)}×`,
        holds: ratio <= PROCESS_SCORE_BUDGET,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
