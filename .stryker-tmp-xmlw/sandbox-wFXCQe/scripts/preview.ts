/**
 * `npm run preview [-- --builtin]`: renders the 付款结算 sheet of a realistic season and turns it
 * into pictures, to look at what the clerk will print and sign.
 *   preview/payment-sheet.xlsx  the sheet alone (ExcelJS; no native chart in file mode)
 *   preview/payment-sheet.pdf   LibreOffice headless, with the sheet's own A4 print setup
 *   preview/payment-sheet-N.png one picture per page (pdftoppm)
 * Source of the season: assets/example-2024-2025.xlsx scored through the command line
 * (`hotline-scorecard score … --as-of`), the other sheets then dropped; with --builtin, or when
 * the example is missing, a made-up season scored by the engine directly (scoreSeason → settle →
 * buildPaymentSheet → writeSheetSpec): months below 95 in both periods, a bonus without evidence,
 * a quarter above 20% turnover, instalment 2 paid late, instalment 3 unpaid past 30 days.
 * Needs LibreOffice (soffice) and poppler-utils (pdftoppm); without them it writes the .xlsx and
 * says what is missing.
 */
// @ts-nocheck

import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "fs";
import { join, resolve } from "path";
import ExcelJS from "exceljs";
import {
  defaultRules,
  Dec,
  fixed2,
  MonthIndicators,
  MonthKey,
  monthRange,
  PaymentRecord,
  ReportSubmission,
  scoreSeason,
  ScoreEvent,
} from "../src/domain";
import { main as cli } from "../src/cli/main";
import { writeSheetSpec } from "../test/fixtures/exceljs-render";
import { buildPaymentSheet, PAYMENT_SHEET_NAME } from "../src/workbook/sheets/payment-sheet";

const OUT_DIR = resolve(__dirname, "..", "preview");
const EXAMPLE = resolve(__dirname, "..", "assets", "example-2024-2025.xlsx");
const AS_OF = "2026-02-27";

function month(m: MonthKey, overrides: Partial<MonthIndicators> = {}): MonthIndicators {
  return {
    month: m,
    headcount: 10,
    rulesFollowed: true,
    reportsOnTime: true,
    changed: 0,
    trainingLapses: 0,
    answerRank: 3,
    answer15sRank: 4,
    centresRanked: 31,
    calls: 21000,
    answered: 20370,
    manualAnswered: 15200,
    answered15s: 14100,
    verySatisfied: 900,
    satisfied: 60,
    neutral: 20,
    dissatisfied: 12,
    veryDissatisfied: 8,
    excludedBad: 5,
    ticketsSampled: 100,
    ticketsPassed: 96,
    examSat: 10,
    complaints: 0,
    fraud: 0,
    ...overrides,
  };
}

const months = monthRange(defaultRules().contract.firstMonth, defaultRules().contract.lastMonth);
const variations: Record<MonthKey, Partial<MonthIndicators>> = {
  "2024-12": { headcount: 9, examSat: 9, answerRank: 6 },
  "2025-01": { changed: 2, answerRank: 11, answer15sRank: 9 },
  "2025-02": { changed: 1, verySatisfied: 850, satisfied: 80, neutral: 40, dissatisfied: 20, veryDissatisfied: 10, excludedBad: 0 },
  "2025-03": { changed: 1, ticketsPassed: 82, complaints: 1 },
  "2025-04": { answerRank: 12, trainingLapses: 1, answer15sRank: 8 },
  "2025-05": { headcount: 9, examSat: 8, answer15sRank: 9 },
  "2025-06": {},
  "2025-07": { answerRank: 5, complaints: 1 },
  "2025-08": { headcount: 9, examSat: 9, answerRank: 10, answer15sRank: 12, ticketsPassed: 80 },
  "2025-09": { changed: 1 },
  "2025-10": { headcount: 9, examSat: 9, changed: 2, answerRank: 7, ticketsPassed: 85, complaints: 1 },
  "2025-11": {},
};

const indicators = months.map((m) => month(m, variations[m]));
const events: ScoreEvent[] = [
  { month: "2025-03", type: "bonus", level: "群众", matterId: "BY-2025-031", description: "群众来信表扬热线答复", evidence: true, verified: true, reported: true },
  { month: "2025-10", type: "bonus", level: "群众", matterId: "BY-2025-101", description: "来电群众致谢话务员", evidence: true, verified: true, reported: true },
  { month: "2025-10", type: "bonus", level: "群众", matterId: "BY-2025-102", description: "群众电话表扬（无录音）", evidence: false, verified: true, reported: true },
];
const reports: ReportSubmission[] = months.map((m) => ({ kind: "月报", period: m, submitted: null, extensionApproved: false }));
const payments: PaymentRecord[] = [
  { number: 1, invoiceDate: "2024-12-06", paidDate: "2024-12-18" },
  { number: 2, invoiceDate: "2025-06-20", paidDate: "2025-08-11" },
  { number: 3, invoiceDate: "2025-12-05", paidDate: null },
];

// Monthly reports all submitted on the 8th of the next month (on time), except two a little late.
for (const r of reports) {
  const [y, mo] = r.period.split("-").map(Number) as [number, number];
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
  r.submitted = r.period === "2025-04" ? `${next}-14` : `${next}-08`;
}

/** The made-up season, scored by the engine and rendered by writeSheetSpec. */
function builtinWorkbook(): ExcelJS.Workbook | null {
  const season = scoreSeason({ indicators, events, reports, payments }, defaultRules(), { asOf: AS_OF });
  const monthTotals: Record<MonthKey, Dec | null> = {};
  const warnings = [...season.warnings];
  for (const m of season.months) {
    if (m.outcome.ok) {
      monthTotals[m.month] = m.outcome.value.total;
      warnings.push(...m.outcome.warnings);
    } else {
      monthTotals[m.month] = null;
      for (const e of m.outcome.errors) console.error(`${m.month} ${e.field}: ${e.message}`);
    }
  }
  if (!season.settlement.ok) {
    for (const e of season.settlement.errors) console.error(e.message);
    return null;
  }
  warnings.push(...season.settlement.warnings);
  console.log(months.map((m) => `${m} ${monthTotals[m] ? fixed2(monthTotals[m] as Dec) : "—"}`).join("\n"));

  const spec = buildPaymentSheet({ settlement: season.settlement.value, monthTotals, warnings, rules: defaultRules(), asOf: AS_OF, generatedAt: `${AS_OF}（预览）` });
  const workbook = new ExcelJS.Workbook();
  writeSheetSpec(workbook, spec);
  return workbook;
}

/** The example workbook scored by the command line; only its 付款结算 sheet is kept. */
async function exampleWorkbook(): Promise<ExcelJS.Workbook | null> {
  const scored = join(OUT_DIR, "example-scored.xlsx");
  const code = await cli(["score", EXAMPLE, "-o", scored, "--as-of", AS_OF], { out: (l) => console.log(l), err: (l) => console.error(l) });
  if (code !== 0) return null;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(scored);
  if (!workbook.getWorksheet(PAYMENT_SHEET_NAME)) {
    console.error(`「${scored}」中没有「${PAYMENT_SHEET_NAME}」工作表`);
    return null;
  }
  for (const ws of [...workbook.worksheets]) if (ws.name !== PAYMENT_SHEET_NAME) workbook.removeWorksheet(ws.id);
  return workbook;
}

function run(command: string, args: string[], missing: string): boolean {
  try {
    execFileSync(command, args, { stdio: "inherit" });
    return true;
  } catch {
    console.error(missing);
    process.exitCode = 1;
    return false;
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const f of readdirSync(OUT_DIR)) if (/^(payment-sheet|example-scored)/.test(f)) rmSync(join(OUT_DIR, f));
  const useExample = !process.argv.includes("--builtin") && existsSync(EXAMPLE);
  console.log(useExample ? `季度数据：${EXAMPLE}（经命令行 score 评分）` : "季度数据：脚本内置的示例季度");
  const workbook = useExample ? await exampleWorkbook() : builtinWorkbook();
  if (workbook === null) {
    process.exitCode = 1;
    return;
  }
  const xlsx = join(OUT_DIR, "payment-sheet.xlsx");
  await workbook.xlsx.writeFile(xlsx);
  console.log(`写入 ${xlsx}`);
  if (!run("soffice", ["--headless", "--calc", "--convert-to", "pdf", "--outdir", OUT_DIR, xlsx], "无法运行 LibreOffice（soffice）：apt-get install -y libreoffice-calc fonts-noto-cjk")) return;
  const pdf = join(OUT_DIR, "payment-sheet.pdf");
  if (!existsSync(pdf)) {
    console.error("LibreOffice 未生成 PDF");
    process.exitCode = 1;
    return;
  }
  if (!run("pdftoppm", ["-png", "-r", "110", pdf, join(OUT_DIR, "payment-sheet")], "无法运行 pdftoppm：apt-get install -y poppler-utils")) return;
  console.log(readdirSync(OUT_DIR).filter((f) => f.endsWith(".png")).map((f) => join(OUT_DIR, f)).join("\n"));
}

void main();
