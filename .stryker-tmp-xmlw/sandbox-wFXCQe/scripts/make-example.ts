/**
 * Builds assets/example-2024-2025.xlsx: the template of the contract year 2024-12 … 2025-11, filled
 * in as the clerks would — every 指标录入 row, the bonus/penalty events, every report due in the term,
 * the three payments, a few hand-typed 备注 and signatures. The data is checked with the engine
 * (scoreSeason) before anything is written; the script prints the month totals and the instalments
 * and fails (exit 1, no file written) when a month has errors.
 *
 * The story: the first half (2024-12 … 2025-05) averages a little below 95, so instalment 2 has a
 * deduction; the second half (2025-06 … 2025-11) averages above 95, so instalment 3 is paid in full.
 * 2025-10 is SPEC §7's worked example (93.25). Instalment 2 is paid on 2025-07-28, exactly its
 * 30th working day after the 2025-06-16 invoice: on time, on the last day.
 *
 * Deterministic: the same template and data give the same bytes (the workbook's dates are fixed and
 * every zip entry carries ZIP_DATE), so test/workbook/example-workbook.test.ts can check that the
 * committed asset is what this script makes today. Run it again whenever the template changes.
 *
 * Usage: npm run make-example [-- OUT.xlsx]
 */
// @ts-nocheck

import { writeFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import {
  defaultRules,
  emptyIndicators,
  fixed2,
  monthRange,
  scoreSeason,
  yuanText,
} from "../src/domain";
import type { MonthIndicators, MonthKey, PaymentRecord, ReportSubmission, ScoreEvent } from "../src/domain";
import type { CellWrite } from "../src/workbook/model";
import { a1 } from "../src/workbook/model";
import { applyCellWrites, newExcelJsWorkbook as newWorkbook } from "../test/fixtures/exceljs-render";
import { buildTemplate, INPUT_SHEETS, SCORECARD_LAYOUT, templatePlan } from "../src/workbook/sheets/template";
import { monthSheetName } from "../src/workbook/sheets/template";

const FROM: MonthKey = "2024-12";
const MONTHS = monthRange(FROM, "2025-11");
const AS_OF = "2026-01-31";

/**
 * The date every zip entry carries. ExcelJS stamps each entry with the time of the run, so two runs
 * over the same data differed in the zip headers alone; with one fixed date (the day the workbook's
 * own docProps say it was created) the same data gives the same bytes, and the committed asset only
 * changes when the template or the data does.
 */
const ZIP_DATE = new Date(Date.UTC(2024, 11, 1));

/** The package with every entry re-stamped with ZIP_DATE (same entries, same order, same parts). */
async function withFixedZipDates(xlsx: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  for (const f of Object.values(zip.files)) f.date = ZIP_DATE;
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}

/** Excel's serial day number of an ISO date (1900 date system). */
export function excelSerial(iso: string): number {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

type Row = Omit<MonthIndicators, "month">;

/**
 * One row per month, in the column order of 指标录入. Team 9–11; ranks among 31 centres; calls in
 * the tens of thousands; satisfaction counts in the thousands; 10 tickets sampled per seat.
 */
const ROWS: Record<MonthKey, Partial<Row>> = {
  "2024-12": { headcount: 10, changed: 1, trainingLapses: 0, answerRank: 9, answer15sRank: 6, calls: 21480, answered: 20655, manualAnswered: 18934, answered15s: 17322, verySatisfied: 4180, satisfied: 318, neutral: 96, dissatisfied: 71, veryDissatisfied: 52, excludedBad: 18, ticketsSampled: 100, ticketsPassed: 93, examSat: 10 },
  "2025-01": { headcount: 10, changed: 0, trainingLapses: 0, answerRank: 9, answer15sRank: 6, calls: 24112, answered: 22948, manualAnswered: 21120, answered15s: 18875, verySatisfied: 4602, satisfied: 361, neutral: 133, dissatisfied: 92, veryDissatisfied: 71, excludedBad: 20, ticketsSampled: 100, ticketsPassed: 90, examSat: 10 },
  "2025-02": { headcount: 9, changed: 1, trainingLapses: 1, answerRank: 8, answer15sRank: 7, calls: 26930, answered: 25369, manualAnswered: 23310, answered15s: 20554, verySatisfied: 5033, satisfied: 402, neutral: 151, dissatisfied: 118, veryDissatisfied: 83, excludedBad: 31, ticketsSampled: 90, ticketsPassed: 80, examSat: 8 },
  "2025-03": { headcount: 10, changed: 0, trainingLapses: 0, answerRank: 6, answer15sRank: 4, calls: 23705, answered: 22870, manualAnswered: 20995, answered15s: 19463, verySatisfied: 4710, satisfied: 305, neutral: 102, dissatisfied: 66, veryDissatisfied: 41, excludedBad: 12, ticketsSampled: 100, ticketsPassed: 94, examSat: 10, complaints: 1 },
  "2025-04": { headcount: 10, changed: 0, trainingLapses: 0, answerRank: 5, answer15sRank: 3, calls: 22390, answered: 21804, manualAnswered: 19966, answered15s: 18710, verySatisfied: 4521, satisfied: 288, neutral: 85, dissatisfied: 50, veryDissatisfied: 33, excludedBad: 9, ticketsSampled: 100, ticketsPassed: 95, examSat: 10 },
  "2025-05": { headcount: 10, changed: 1, trainingLapses: 0, answerRank: 7, answer15sRank: 5, calls: 22874, answered: 22185, manualAnswered: 20311, answered15s: 18852, verySatisfied: 4466, satisfied: 301, neutral: 90, dissatisfied: 58, veryDissatisfied: 37, excludedBad: 11, ticketsSampled: 100, ticketsPassed: 92, examSat: 10 },
  "2025-06": { headcount: 11, changed: 1, trainingLapses: 0, answerRank: 6, answer15sRank: 4, calls: 25620, answered: 25011, manualAnswered: 22980, answered15s: 21706, verySatisfied: 5120, satisfied: 290, neutral: 80, dissatisfied: 44, veryDissatisfied: 29, excludedBad: 10, ticketsSampled: 110, ticketsPassed: 97, examSat: 11 },
  "2025-07": { headcount: 11, changed: 0, trainingLapses: 0, answerRank: 6, answer15sRank: 5, calls: 31244, answered: 30577, manualAnswered: 28109, answered15s: 26650, verySatisfied: 6350, satisfied: 330, neutral: 96, dissatisfied: 51, veryDissatisfied: 30, excludedBad: 14, ticketsSampled: 110, ticketsPassed: 106, examSat: 11 },
  "2025-08": { headcount: 11, changed: 1, trainingLapses: 0, answerRank: 2, answer15sRank: 1, calls: 32918, answered: 32330, manualAnswered: 29702, answered15s: 28415, verySatisfied: 6702, satisfied: 318, neutral: 88, dissatisfied: 40, veryDissatisfied: 26, excludedBad: 9, ticketsSampled: 110, ticketsPassed: 107, examSat: 11 },
  "2025-09": { headcount: 10, changed: 1, trainingLapses: 0, answerRank: 8, answer15sRank: 6, calls: 24560, answered: 23902, manualAnswered: 21875, answered15s: 20477, verySatisfied: 4905, satisfied: 280, neutral: 82, dissatisfied: 43, veryDissatisfied: 27, excludedBad: 8, ticketsSampled: 100, ticketsPassed: 95, examSat: 10 },
  // SPEC §7 as worked: headcount 9, 2 changed, rank 7 / 4, 94.00% satisfied, 85 of 100 tickets (the
  // example's own numbers, though 10 per seat would be 90), one complaint.
  "2025-10": { headcount: 9, changed: 2, trainingLapses: 0, answerRank: 7, answer15sRank: 4, calls: 23318, answered: 22560, manualAnswered: 20640, answered15s: 19012, verySatisfied: 900, satisfied: 40, neutral: 20, dissatisfied: 30, veryDissatisfied: 20, excludedBad: 10, ticketsSampled: 100, ticketsPassed: 85, examSat: 9, complaints: 1 },
  "2025-11": { headcount: 10, changed: 0, trainingLapses: 0, answerRank: 4, answer15sRank: 7, calls: 21977, answered: 21460, manualAnswered: 19650, answered15s: 18490, verySatisfied: 4380, satisfied: 260, neutral: 71, dissatisfied: 38, veryDissatisfied: 21, excludedBad: 7, ticketsSampled: 100, ticketsPassed: 96, examSat: 10 },
};

function indicators(month: MonthKey): MonthIndicators {
  const row = ROWS[month];
  if (!row) throw new Error(`no data for ${month}`);
  return { ...emptyIndicators(month), rulesFollowed: true, reportsOnTime: true, centresRanked: 31, complaints: 0, fraud: 0, ...row };
}

const EVENTS: ScoreEvent[] = [
  { month: "2024-12", type: "bonus", level: "群众", matterId: "BY-2024-012", description: "来电群众致谢话务员耐心解答港澳通行证续签问题（录音及回访记录）", evidence: true, verified: true, reported: true },
  { month: "2025-02", type: "bonus", level: "群众", matterId: "BY-2025-021", description: "群众来信表扬 12367 平台春节期间服务", evidence: true, verified: true, reported: true },
  { month: "2025-04", type: "penalty", level: "市级及以下", matterId: "PP-2025-041", description: "区县媒体报道一起咨询答复不一致，经查属实", evidence: true, verified: true, reported: false },
  { month: "2025-07", type: "bonus", level: "群众", matterId: "BY-2025-071", description: "暑期来电群众致谢话务员协助预约办证", evidence: true, verified: true, reported: true },
  { month: "2025-08", type: "bonus", level: "群众", matterId: "BY-2025-081", description: "群众电话表扬话务员（留言记录）", evidence: true, verified: true, reported: true },
  // SPEC §7: one praise with evidence (+1), one without (kept, scored 0, flagged).
  { month: "2025-10", type: "bonus", level: "群众", matterId: "BY-2025-101", description: "来电群众致谢话务员", evidence: true, verified: true, reported: true },
  { month: "2025-10", type: "bonus", level: "群众", matterId: "BY-2025-102", description: "群众电话表扬（无录音）", evidence: false, verified: true, reported: true },
];

/** Every report due in the term, with its submission date as the clerk recorded it. */
const REPORTS: ReportSubmission[] = [
  { kind: "年报", period: "2024", submitted: "2024-12-31", extensionApproved: false },
  { kind: "月报", period: "2024-12", submitted: "2025-01-08", extensionApproved: false },
  { kind: "季报", period: "2024Q4", submitted: "2025-01-14", extensionApproved: false },
  { kind: "月报", period: "2025-01", submitted: "2025-02-10", extensionApproved: false },
  // Due 2025-03-10; submitted 2025-03-12: two working days late, no approval (row 4 → 3).
  { kind: "月报", period: "2025-02", submitted: "2025-03-12", extensionApproved: false },
  { kind: "月报", period: "2025-03", submitted: "2025-04-09", extensionApproved: false },
  // Due 2025-04-15; extension approved in advance, submitted 2025-04-18: not late.
  { kind: "季报", period: "2025Q1", submitted: "2025-04-18", extensionApproved: true },
  // Due 2025-05-10 (a Saturday) → 2025-05-12; submitted on the 12th: on time (SPEC §7).
  { kind: "月报", period: "2025-04", submitted: "2025-05-12", extensionApproved: false },
  { kind: "月报", period: "2025-05", submitted: "2025-06-09", extensionApproved: false },
  { kind: "月报", period: "2025-06", submitted: "2025-07-10", extensionApproved: false },
  { kind: "季报", period: "2025Q2", submitted: "2025-07-15", extensionApproved: false },
  { kind: "月报", period: "2025-07", submitted: "2025-08-08", extensionApproved: false },
  { kind: "月报", period: "2025-08", submitted: "2025-09-10", extensionApproved: false },
  // SPEC §7: due 2025-10-10, submitted 2025-10-13 → 2 working days late (10-11 is a 调休 working day).
  { kind: "月报", period: "2025-09", submitted: "2025-10-13", extensionApproved: false },
  { kind: "季报", period: "2025Q3", submitted: "2025-10-15", extensionApproved: false },
  { kind: "月报", period: "2025-10", submitted: "2025-11-10", extensionApproved: false },
  { kind: "月报", period: "2025-11", submitted: "2025-12-09", extensionApproved: false },
];

const PAYMENTS: PaymentRecord[] = [
  { number: 1, invoiceDate: "2024-12-10", paidDate: "2024-12-20" },
  { number: 2, invoiceDate: "2025-06-16", paidDate: "2025-07-28" },
  { number: 3, invoiceDate: "2025-12-05", paidDate: "2026-01-09" },
];

/**
 * Hand-typed 备注 by 序号, and signatures, per month sheet (as the clerks would). Each 备注 fits its
 * row as printed (column I holds about 7 characters a line; rows 1, 12 and 13 hold two or three
 * lines since the monthly sheet fits one landscape page): a longer one is cut off on paper.
 */
const NOTES: Record<MonthKey, { remarks?: Record<number, string>; customer?: string; provider?: string; signed?: string }> = {
  "2024-12": { remarks: { 1: "新增座席1人，已岗前培训", 6: "排名以部局12367平台月度通报为准" }, customer: "张建国", provider: "李敏", signed: "2025-01-09" },
  "2025-01": { remarks: { 7: "春运高峰，来电量上升" }, customer: "张建国", provider: "李敏", signed: "2025-02-12" },
  "2025-02": { remarks: { 1: "1人离职，补员中", 4: "1月月报逾期2个工作日，已说明", 5: "新员工培训未按计划完成1次" }, customer: "张建国", provider: "李敏", signed: "2025-03-14" },
  "2025-03": { remarks: { 13: "3月12日投诉1件已整改" } },
  "2025-04": { remarks: { 4: "一季度季报延期至4月18日，已获甲方同意", 12: "媒体报道，见 PP-2025-041" }, customer: "张建国", provider: "李敏" },
  "2025-10": { remarks: { 11: "BY-2025-102 无录音佐证，不加分" }, provider: "李敏" },
};

async function main(): Promise<number> {
  const out = process.argv[2] ?? join(__dirname, "..", "assets", "example-2024-2025.xlsx");
  const input = { indicators: MONTHS.map(indicators), events: EVENTS, reports: REPORTS, payments: PAYMENTS };

  // Check with the engine first: nothing is written when a month has errors.
  const season = scoreSeason(input, defaultRules(), { asOf: AS_OF });
  let failed = false;
  for (const m of season.months) {
    if (m.outcome.ok) {
      const items = m.outcome.value.items.map((i) => fixed2(i.score)).join(" ");
      console.log(`${m.month}  考核得分 ${fixed2(m.outcome.value.total).padStart(6)}   [${items}]`);
    } else {
      failed = true;
      for (const e of m.outcome.errors) console.error(`${m.month} 错误 ${e.field}: ${e.message}`);
    }
  }
  for (const e of season.errors) {
    failed = true;
    console.error(`错误 ${e.field}: ${e.message}`);
  }
  for (const w of [...season.warnings, ...season.months.flatMap((m) => m.outcome.warnings)]) console.log(`提示 ${w.field}: ${w.message}`);
  if (!season.settlement.ok) {
    failed = true;
    for (const e of season.settlement.errors) console.error(`结算错误 ${e.field}: ${e.message}`);
  } else {
    for (const i of season.settlement.value.instalments) {
      console.log(
        `第${i.number}笔 ${yuanText(i.amount)}  平均分 ${i.average ? fixed2(i.average) : "—"}  扣款 ${yuanText(i.deduction)}  应付 ${yuanText(i.payable)} ${i.payableUpper}` +
          `  发票 ${i.invoiceDate ?? "—"} 到期 ${i.dueDate ?? "—"} 实付 ${i.paidDate ?? "—"} 逾期 ${i.daysLate ?? "—"} 天`,
      );
    }
  }
  if (failed) {
    console.error("示例数据有错误，未写入文件 / the example data has errors; nothing written");
    return 1;
  }

  // The template, with the input sheets typed as the clerk would (是/否 words, plain numbers, Excel dates)…
  const wb = newWorkbook(templatePlan(buildTemplate({ from: FROM, months: MONTHS.length }), input));
  // …and a column of the clerk's own in 指标录入, which every run must leave alone.
  const ind = wb.getWorksheet(INPUT_SHEETS.indicators);
  if (!ind) throw new Error("template has no 指标录入");
  const noteCol = ind.columnCount + 1;
  ind.getColumn(noteCol).width = 28;
  applyCellWrites(ind, [
    { address: a1(1, noteCol), value: "备注", style: { bold: true, fill: "#FFF2CC", border: "thin", horizontal: "center", vertical: "middle" } },
    { address: a1(4, noteCol), value: "2月1人离职，月中补员到岗" },
    { address: a1(12, noteCol), value: "10月数据已与部局通报核对" },
  ]);

  // Monthly sheets: 备注 and signatures typed by hand.
  const L = SCORECARD_LAYOUT;
  for (const [month, note] of Object.entries(NOTES)) {
    const ws = wb.getWorksheet(monthSheetName(month));
    if (!ws) throw new Error(`no sheet for ${month}`);
    const w: CellWrite[] = Object.entries(note.remarks ?? {}).map(([no, text]) => ({ address: `I${L.firstItemRow + Number(no) - 1}`, value: text }));
    if (note.customer) w.push({ address: L.customerSignature, value: note.customer });
    if (note.provider) w.push({ address: L.providerSignature, value: note.provider });
    if (note.signed) {
      w.push({ address: `C${L.dateRow}`, value: excelSerial(note.signed) });
      w.push({ address: `F${L.dateRow}`, value: excelSerial(note.signed) });
    }
    applyCellWrites(ws, w);
  }

  const buffer = await withFixedZipDates(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  writeFileSync(out, buffer);
  console.log(`已写入 / written: ${out} (${buffer.length} bytes)`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
