/** Figures and the closing table of `npm run bench`. Figures only: the bench asserts nothing. */
// @ts-nocheck

import { readFileSync } from "node:fs";

export interface Figure {
  figure: string;
  value: string;
  /** "—" when the issue sets no budget for it. */
  budget: string;
  /** null when there is no budget to hold. */
  holds: boolean | null;
  /** A short note printed under the table (why, what was left out). */
  note?: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

export const ms = (x: number): string => `${x.toFixed(0)} ms`;
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));

/** figure | value | budget | holds? — a plain-text table with a rule under the header. */
export function formatFigures(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.figure, f.value, f.budget, f.holds === null ? "—" : f.holds ? "yes" : "NO"]);
  const head = ["figure", "value", "budget", "holds?"];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) => cells.map((c, i) => padEnd(c, widths[i] ?? 0)).join(" | ").trimEnd();
  const out = [line(head), widths.map((w) => "-".repeat(w)).join("-|-")];
  for (const r of rows) out.push(line(r));
  const notes = figures.filter((f) => f.note);
  if (notes.length > 0) {
    out.push("");
    for (const f of notes) out.push(`* ${f.figure}: ${f.note}`);
  }
  return out.join("\n");
}

/**
 * This process's peak resident set, bytes: VmHWM on Linux (a spawned child's resourceUsage().maxRSS
 * starts from its parent's resident set, which the kernel keeps across exec), else maxRSS.
 */
export function peakRss(): number {
  try {
    const hwm = /VmHWM:\s*(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

