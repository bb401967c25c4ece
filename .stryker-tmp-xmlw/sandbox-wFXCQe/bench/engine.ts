/**
 * Engine figures: month-scorecards scored per second on one core, for a varied set of months (with
 * reports and events, so rows 4, 11 and 12 do work), and settlements per second.
 */
// @ts-nocheck

import { defaultRules, MonthIndicators, ReportSubmission, scoreMonth, ScoreEvent, settle } from "../src/domain";
import { EXAMPLE_2025_10 } from "../src/domain/example";
import type { Figure } from "./report";

const MONTHS = ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"];

function variants(count: number): { ind: MonthIndicators; events: ScoreEvent[]; reports: ReportSubmission[] }[] {
  const out = [];
  for (let k = 0; k < count; k++) {
    const month = MONTHS[k % MONTHS.length]!;
    const base = EXAMPLE_2025_10.indicators;
    out.push({
      ind: { ...base, month, headcount: 8 + (k % 4), examSat: 8 + (k % 4) - (k % 2), answerRank: 1 + (k % 12), verySatisfied: 900 + (k % 97), ticketsPassed: 80 + (k % 21) },
      events: EXAMPLE_2025_10.events.map((e) => ({ ...e, month })),
      reports: [{ kind: "月报", period: month, submitted: null, extensionApproved: false }],
    });
  }
  return out;
}

/** Runs `work` (which returns how many items it did) for `seconds`; items per second. */
function rate(label: string, seconds: number, work: () => number): number {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const start = performance.now();
  while (performance.now() < end) done += work();
  const elapsed = (performance.now() - start) / 1000;
  const perSecond = done / elapsed;
  console.log(`${label.padEnd(44)} ${Math.round(perSecond).toLocaleString("en-US").padStart(12)} /s   (${done.toLocaleString("en-US")} in ${elapsed.toFixed(2)} s)`);
  return perSecond;
}

export function benchEngine(): Figure[] {
  console.log("\n## engine (one core)");
  const inputs = variants(1000);
  // Warm up the JIT before measuring.
  for (const v of inputs) scoreMonth(v.ind, v.events, v.reports, defaultRules());

  const months = rate("engine: month-scorecards scored", 3, () => {
    for (const v of inputs) {
      const r = scoreMonth(v.ind, v.events, v.reports, defaultRules());
      if (!r.ok) throw new Error(r.errors[0]?.message);
    }
    return inputs.length;
  });
  const totals = Object.fromEntries(MONTHS.map((m, i) => [m, (92 + i / 3).toFixed(2)]));
  const settlements = rate("engine: settlements (3 instalments)", 2, () => {
    for (let k = 0; k < 100; k++) {
      const r = settle(totals, [{ number: 2, invoiceDate: "2025-06-16", paidDate: "2025-08-20" }], defaultRules());
      if (!r.ok) throw new Error("refused");
    }
    return 100;
  });
  const per = (x: number) => `${Math.round(x).toLocaleString("en-US")} /s`;
  return [
    { figure: "engine: month-scorecards scored (one core)", value: per(months), budget: "—", holds: null },
    { figure: "engine: settlements, 3 instalments (one core)", value: per(settlements), budget: "—", holds: null },
  ];
}
