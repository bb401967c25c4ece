/**
 * The workbooks the bench scores: the bundled 12-month example (assets/example-2024-2025.xlsx), and
 * one of N months generated in memory from the template pieces (buildTemplate itself stops at 36
 * months, so the month sheets and input sheets are assembled here from the same builders).
 *
 * The generated book runs from 2016-01, inside the holiday calendar's known years (2004–2026). Its
 * data is the example's, month of year for month of year (so 2024-12 … 2025-11, the contract's
 * term, get exactly the example's figures and its three payments, and settle), events repeated
 * each year with their own matter numbers, and every report due in the span submitted on time.
 */
// @ts-nocheck

import { promises as fs } from "node:fs";
import path from "node:path";
import { addMonths, monthParts, monthRange } from "../src/domain";
import type { MonthIndicators, MonthKey, ReportSubmission, ScoreEvent } from "../src/domain";
import { ExcelFileAdapter } from "../src/hosts/file/file-adapter";
import { writeNewWorkbook } from "../src/hosts/file/new-workbook";
import { readInputs } from "../src/workbook/read/read-inputs";
import {
  buildEventSheet,
  buildIndicatorSheet,
  buildMonthSheet,
  buildPaymentRecordSheet,
  buildReportSheet,
  buildRuleSheet,
  templatePlan,
} from "../src/workbook/sheets/template";

export const REPO_ROOT = path.resolve(__dirname, "..");
export const EXAMPLE_PATH = path.join(REPO_ROOT, "assets", "example-2024-2025.xlsx");
/** "Today" for every run of the bench: after the example's last payment, so nothing depends on the clock. */
export const AS_OF = "2026-01-31";
/** "Now" as written on 计算说明 and 撤销记录 (the pipeline reads no clock). */
export const NOW = "2026-01-31 09:00";

export interface BenchWorkbook {
  label: string;
  months: number;
  /** The .xlsx file's bytes. */
  bytes: Buffer;
}

export async function exampleWorkbook(): Promise<BenchWorkbook> {
  return { label: "12-month example", months: 12, bytes: await fs.readFile(EXAMPLE_PATH) };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Every report due from `first` through `last`, each submitted a few days before its due date. */
function reportsFor(first: MonthKey, last: MonthKey): ReportSubmission[] {
  const out: ReportSubmission[] = [];
  // The reports scored in the first month are those of the month (and quarter) before it.
  for (const m of monthRange(addMonths(first, -1), last)) {
    const { year, month } = monthParts(m);
    const next = monthParts(addMonths(m, 1));
    out.push({ kind: "月报", period: m, submitted: `${next.year}-${pad(next.month)}-05`, extensionApproved: false });
    if (month % 3 === 0) out.push({ kind: "季报", period: `${year}Q${month / 3}`, submitted: `${next.year}-${pad(next.month)}-08`, extensionApproved: false });
    if (month === 12) out.push({ kind: "年报", period: String(year), submitted: `${year}-12-20`, extensionApproved: false });
  }
  return out;
}

/** A workbook of `months` monthly scorecards from `from`, filled with the example's data (see the header). */
export async function generatedWorkbook(months = 120, from: MonthKey = "2016-01"): Promise<BenchWorkbook> {
  const example = await ExcelFileAdapter.fromBuffer((await exampleWorkbook()).bytes);
  const inputs = readInputs(await example.read());
  const byMonthOfYear = new Map<number, MonthIndicators>(inputs.indicators.map((i) => [monthParts(i.month).month, i]));
  const list = Array.from({ length: months }, (_v, i) => addMonths(from, i));
  const last = list[list.length - 1] ?? from;

  const indicators: MonthIndicators[] = list.map((month) => {
    const row = byMonthOfYear.get(monthParts(month).month);
    if (!row) throw new Error(`the example has no row for month-of-year of ${month}`);
    return { ...row, month };
  });
  const dataMonths = new Set(list);
  const events: ScoreEvent[] = [];
  for (const month of list) {
    for (const e of inputs.events) {
      if (monthParts(e.month).month !== monthParts(month).month) continue;
      events.push({ ...e, month, matterId: `${e.matterId ?? "EV"}-${monthParts(month).year}` });
    }
  }
  const reports = reportsFor(from, last);

  const sheets = [...list.map(buildMonthSheet), buildIndicatorSheet(list), buildEventSheet(), buildReportSheet(), buildPaymentRecordSheet(), buildRuleSheet()];

  // The example's payments: the contract's instalments (2024-12 … 2025-11), all inside the span from 2016-01.
  const written = await writeNewWorkbook(templatePlan(sheets, { indicators, events: events.filter((e) => dataMonths.has(e.month)), reports, payments: inputs.payments }));
  // A Buffer over the same memory (writeNewWorkbook gives a Uint8Array): ExcelJS's load, the floor, takes Buffers.
  const bytes = Buffer.from(written.buffer, written.byteOffset, written.byteLength);
  return { label: `${months}-month generated (${from} … ${last})`, months, bytes };
}
