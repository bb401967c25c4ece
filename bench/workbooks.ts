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
import { promises as fs } from "node:fs";
import path from "node:path";
import { addMonths, INDICATOR_FIELDS, monthParts, monthRange } from "../src/domain";
import type { IndicatorKey, MonthIndicators, MonthKey, ReportSubmission, ScoreEvent } from "../src/domain";
import { applyCellWrites } from "../src/workbook/exceljs-sheet";
import { ExcelFileAdapter } from "../src/workbook/file-adapter";
import type { CellWrite } from "../src/workbook/model";
import { a1 } from "../src/workbook/model";
import { readInputs } from "../src/workbook/read-inputs";
import {
  buildEventSheet,
  buildIndicatorSheet,
  buildMonthSheet,
  buildPaymentRecordSheet,
  buildReportSheet,
  buildRuleSheet,
  EVENT_HEADERS,
  INPUT_SHEETS,
  templateWorkbook,
} from "../src/workbook/template";

export const REPO_ROOT = path.resolve(__dirname, "..");
export const EXAMPLE_PATH = path.join(REPO_ROOT, "assets", "example-2024-2025.xlsx");
/** "Today" for every run of the bench: after the example's last payment, so nothing depends on the clock. */
export const AS_OF = "2026-01-31";
/** "Now" as written on 计算说明 and 撤销记录 (the pipeline reads no clock). */
export const NOW = "2026-01-31 09:00";

export interface BenchWorkbook {
  label: string;
  months: number;
  bytes: Buffer;
}

export async function exampleWorkbook(): Promise<BenchWorkbook> {
  return { label: "12-month example", months: 12, bytes: await fs.readFile(EXAMPLE_PATH) };
}

/** Excel's serial day number of an ISO date (1900 date system). */
function serial(iso: string): number {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
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

function headerColumns(ws: import("exceljs").Worksheet): Map<string, number> {
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => cols.set(String(cell.value), col));
  return cols;
}

const yes = (b: boolean | null) => (b === null ? null : b ? "是" : "否");

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

  const wb = templateWorkbook([...list.map(buildMonthSheet), buildIndicatorSheet(list), buildEventSheet(), buildReportSheet(), buildPaymentRecordSheet(), buildRuleSheet()]);

  const ind = wb.getWorksheet(INPUT_SHEETS.indicators);
  if (!ind) throw new Error("template has no 指标录入");
  const cols = headerColumns(ind);
  const writes: CellWrite[] = [];
  indicators.forEach((row, i) => {
    const r = i + 2;
    writes.push({ address: a1(r, 1), value: row.month });
    for (const f of INDICATOR_FIELDS) {
      const col = cols.get(f.header);
      if (!col) throw new Error(`指标录入 has no column ${f.header}`);
      const v = row[f.key as IndicatorKey];
      writes.push({ address: a1(r, col), value: typeof v === "boolean" ? (v ? "是" : "否") : v });
    }
  });
  applyCellWrites(ind, writes);

  const ev = wb.getWorksheet(INPUT_SHEETS.events);
  if (!ev) throw new Error("template has no 加减分事件");
  applyCellWrites(
    ev,
    events
      .filter((e) => dataMonths.has(e.month))
      .flatMap((e, i) => {
        const values: Record<(typeof EVENT_HEADERS)[number], string | null> = {
          考核月份: e.month,
          类型: e.type === "bonus" ? "加分" : "扣分",
          级别: e.level,
          事项编号: e.matterId,
          事项说明: e.description,
          佐证材料: e.evidence === null ? null : e.evidence ? "有" : "无",
          经查属实: yes(e.verified),
          乙方报送: yes(e.reported),
        };
        return EVENT_HEADERS.map((h, c) => ({ address: a1(i + 2, c + 1), value: values[h] }));
      }),
  );

  const rep = wb.getWorksheet(INPUT_SHEETS.reports);
  if (!rep) throw new Error("template has no 报告提交");
  applyCellWrites(
    rep,
    reports.flatMap((r, i) => [
      { address: a1(i + 2, 1), value: r.kind },
      { address: a1(i + 2, 2), value: r.period },
      { address: a1(i + 2, 3), value: r.submitted ? serial(r.submitted) : null },
      { address: a1(i + 2, 4), value: yes(r.extensionApproved) },
    ]),
  );

  // The example's payments: the contract's instalments (2024-12 … 2025-11), all inside the span from 2016-01.
  const pay = wb.getWorksheet(INPUT_SHEETS.payments);
  if (!pay) throw new Error("template has no 付款记录");
  applyCellWrites(
    pay,
    inputs.payments.flatMap((p, i) => [
      { address: a1(i + 2, 2), value: p.invoiceDate ? serial(p.invoiceDate) : null },
      { address: a1(i + 2, 3), value: p.paidDate ? serial(p.paidDate) : null },
    ]),
  );

  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return { label: `${months}-month generated (${from} … ${last})`, months, bytes };
}
