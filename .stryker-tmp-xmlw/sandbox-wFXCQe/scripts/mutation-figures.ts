/**
 * The figures of `npm run mutation` (issue 17), printed like the bench's: a per-file table of
 * Stryker's json report (killed / survived / no coverage / timeout / errors / ignored, score) and
 * one line per layer against its budget (src/domain ≥ 90 %, src/workbook ≥ 80 %), holds? yes/NO.
 *
 * `tsx scripts/mutation-figures.ts [report.json …]` — default reports/mutation/mutation.json. Several
 * reports (runs narrowed with --mutate) are read as one: a file in a later report replaces the same
 * file in an earlier one.
 *
 * The score is Stryker's: (killed + timeout) / (killed + timeout + survived + no coverage). Mutants
 * that made the run itself fail (runtime / compile errors) and ignored ones (disabled in the code
 * with a reason, or static under ignoreStatic) are counted apart and left out of the score, as
 * Stryker leaves them out. Message-text mutants are in: nothing is filtered by mutator.
 */
// @ts-nocheck

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Figure, formatFigures } from "../bench/report";

/** The part of Stryker's json report (mutation-testing-report-schema) read here. */
export interface MutationReport {
  files: Record<string, { mutants: readonly { status: string; statusReason?: string }[] }>;
}

export interface FileFigures {
  file: string;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  /** RuntimeError + CompileError: the mutant broke the run; not scored. */
  errors: number;
  /** Disabled in the code (`// Stryker disable …: reason`) or by the config: not scored. */
  ignored: number;
  /** Of `ignored`, the static mutants (code run at import, with ignoreStatic). */
  staticIgnored: number;
  /** Percent, or null when no mutant is scored. */
  score: number | null;
}

/** The layers with a budget (issue 17): minimum mutation score in percent. */
export const BUDGETS: Readonly<Record<string, number>> = { "src/domain": 90, "src/workbook": 80 };

const STATIC_REASON = /^Static mutant/;

function scoreOf(f: Omit<FileFigures, "file" | "score">): number | null {
  const detected = f.killed + f.timeout;
  const valid = detected + f.survived + f.noCoverage;
  return valid === 0 ? null : (detected / valid) * 100;
}

function tally(file: string, mutants: readonly { status: string; statusReason?: string }[]): FileFigures {
  const c = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, errors: 0, ignored: 0, staticIgnored: 0 };
  for (const m of mutants) {
    switch (m.status) {
      case "Killed":
        c.killed++;
        break;
      case "Survived":
        c.survived++;
        break;
      case "NoCoverage":
        c.noCoverage++;
        break;
      case "Timeout":
        c.timeout++;
        break;
      case "RuntimeError":
      case "CompileError":
        c.errors++;
        break;
      case "Ignored":
        c.ignored++;
        if (STATIC_REASON.test(m.statusReason ?? "")) c.staticIgnored++;
        break;
      default:
        throw new Error(`${file}: a mutant with status "${m.status}" (a run still pending, or a newer report format)`);
    }
  }
  return { file, ...c, score: scoreOf(c) };
}

/** One row per mutated file, sorted by path (paths relative to the project, "/"-separated). */
export function fileFigures(report: MutationReport): FileFigures[] {
  return Object.entries(report.files)
    .map(([file, f]) => tally(file.split(path.sep).join("/"), f.mutants))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The layer a file belongs to: its first two folders ("src/domain"), or its folder. */
export function layerOf(file: string): string {
  const parts = file.split("/");
  return parts.slice(0, Math.min(2, parts.length - 1)).join("/") || ".";
}

/** The files of each layer added up, the layer named in `file`; in order of first appearance. */
export function layerFigures(files: readonly FileFigures[]): FileFigures[] {
  const byLayer = new Map<string, FileFigures>();
  for (const f of files) {
    const layer = layerOf(f.file);
    const t = byLayer.get(layer) ?? { file: layer, killed: 0, survived: 0, noCoverage: 0, timeout: 0, errors: 0, ignored: 0, staticIgnored: 0, score: null };
    t.killed += f.killed;
    t.survived += f.survived;
    t.noCoverage += f.noCoverage;
    t.timeout += f.timeout;
    t.errors += f.errors;
    t.ignored += f.ignored;
    t.staticIgnored += f.staticIgnored;
    t.score = scoreOf(t);
    byLayer.set(layer, t);
  }
  return [...byLayer.values()];
}

export const percent = (score: number | null): string => (score === null ? "—" : `${score.toFixed(2)} %`);

/** file | killed | survived | no coverage | timeout | errors | ignored (static) | score, then a row per layer. */
export function formatFileTable(files: readonly FileFigures[]): string {
  const head = ["file", "killed", "survived", "no coverage", "timeout", "errors", "ignored (static)", "score"];
  const cells = (f: FileFigures) => [f.file, String(f.killed), String(f.survived), String(f.noCoverage), String(f.timeout), String(f.errors), `${f.ignored} (${f.staticIgnored})`, percent(f.score)];
  const body = files.map(cells);
  const layers = layerFigures(files).map((l) => cells({ ...l, file: `${l.file} (all)` }));
  const widths = head.map((h, i) => Math.max(h.length, ...[...body, ...layers].map((r) => (r[i] ?? "").length)));
  // The file column is left-aligned, the figures right-aligned.
  const line = (r: readonly string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ");
  const rule = widths.map((w) => "-".repeat(w)).join("-|-");
  return [line(head), rule, ...body.map(line), rule, ...layers.map(line)].join("\n");
}

/** One figure per layer: its score against its budget (a layer without one is shown with "—"). */
export function budgetFigures(files: readonly FileFigures[], budgets: Readonly<Record<string, number>> = BUDGETS): Figure[] {
  const layers = layerFigures(files);
  const figures: Figure[] = layers.map((l) => {
    const budget = budgets[l.file];
    const scored = l.killed + l.timeout + l.survived + l.noCoverage;
    const figure: Figure = {
      figure: `mutation score, ${l.file}`,
      value: `${percent(l.score)} (${l.killed + l.timeout} of ${scored})`,
      budget: budget === undefined ? "—" : `≥ ${budget} %`,
      holds: budget === undefined || l.score === null ? null : l.score >= budget,
    };
    if (l.ignored > 0) figure.note = `${l.ignored} ignored, not scored: ${l.ignored - l.staticIgnored} disabled in the code with a reason, ${l.staticIgnored} static`;
    return figure;
  });
  for (const [layer, budget] of Object.entries(budgets)) {
    if (!layers.some((l) => l.file === layer)) figures.push({ figure: `mutation score, ${layer}`, value: "not in this report", budget: `≥ ${budget} %`, holds: null });
  }
  return figures;
}

/** Everything printed: the per-file table, then the budget table. */
export function formatMutationFigures(report: MutationReport, budgets: Readonly<Record<string, number>> = BUDGETS): string {
  const files = fileFigures(report);
  if (files.length === 0) return "No mutated file in this report.";
  return `${formatFileTable(files)}\n\n${formatFigures(budgetFigures(files, budgets))}`;
}

/** Several reports as one: a file in a later report replaces the same file in an earlier one. */
export function mergeReports(reports: readonly MutationReport[]): MutationReport {
  const files: MutationReport["files"] = {};
  for (const r of reports) Object.assign(files, r.files);
  return { files };
}

/** Reads a report written by Stryker's json reporter. */
export function readReport(file: string): MutationReport {
  const data = JSON.parse(readFileSync(file, "utf8")) as Partial<MutationReport>;
  if (typeof data !== "object" || data === null || typeof data.files !== "object" || data.files === null) throw new Error(`${file} is not a Stryker json report (no "files")`);
  return data as MutationReport;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const files = (args.length > 0 ? args : [path.join("reports", "mutation", "mutation.json")]).map((f) => path.resolve(f));
  const absent = files.filter((f) => !existsSync(f));
  if (absent.length > 0) {
    console.error(`No mutation report at ${absent.join(", ")}: run \`npx stryker run\` first (its json reporter writes it).`);
    process.exit(2);
  }
  console.log(`Mutation figures (${files.map((f) => path.relative(process.cwd(), f)).join(", ")})\n`);
  console.log(formatMutationFigures(mergeReports(files.map(readReport))));
}
