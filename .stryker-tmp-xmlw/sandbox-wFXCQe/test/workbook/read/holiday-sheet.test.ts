/**
 * The 节假日安排 sheet (SPEC §9) through the workbook layer: "one row per day that differs from an
 * ordinary week: 日期 | 类型 (休 / 班) | 说明 … The template writes this sheet empty with its headers
 * and a note on where the official notice is." Read like the other input sheets (by name and header,
 * dates as Excel dates or text, common spellings of 休/班), every bad cell refused with its sheet and
 * cell, and the calendar it makes used by runWorkbook. Absent sheet: the library's calendar, as today.
 *
 * The 2027 schedule is hypothetical (see test/domain/calendar-overrides.test.ts): 春节 Sat 02-06 …
 * Fri 02-12 off, Saturday 02-13 a make-up working day.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { fixed2, type MonthKey, type ReportSubmission } from "../../../src/domain";
import { EXAMPLE_2025_10 } from "../../../src/domain/example";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import { writeNewWorkbook } from "../../../src/hosts/file/new-workbook";
import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { runWorkbook } from "../../../src/workbook/plan";
import { readHolidaySheet } from "../../../src/workbook/read/holiday-sheet";
import { problemLine } from "../../../src/workbook/read/located";
import { readInputs } from "../../../src/workbook/read/read-inputs";
import { buildHolidaySheet, HOLIDAY_SHEET_NOTE } from "../../../src/workbook/sheets/holiday-sheet";
import { buildTemplate, templatePlan } from "../../../src/workbook/sheets/template";
import { addInputSheets, addScorecard, exampleData, toBuffer } from "../../fixtures/workbooks";

type Cell = ExcelJS.CellValue | { date: string };
const utc = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

/** Adds 节假日安排: optional title rows, the header, then rows (a { date } cell is a real Excel date). */
function addHolidaySheet(wb: ExcelJS.Workbook, rows: Cell[][], opts: { name?: string; headers?: string[]; titleRows?: number } = {}): void {
  const ws = wb.addWorksheet(opts.name ?? "节假日安排");
  const top = 1 + (opts.titleRows ?? 0);
  if (opts.titleRows) ws.getCell(1, 1).value = "2027 年节假日安排（据国务院办公厅通知）";
  (opts.headers ?? ["日期", "类型", "说明"]).forEach((h, i) => (ws.getCell(top, i + 1).value = h));
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const cell = ws.getCell(top + 1 + i, j + 1);
      if (v !== null && typeof v === "object" && "date" in v) {
        cell.value = utc(v.date);
        cell.numFmt = "yyyy-mm-dd";
      } else cell.value = v as ExcelJS.CellValue;
    }),
  );
}

async function snapshotOf(wb: ExcelJS.Workbook): Promise<WorkbookSnapshot> {
  return (await ExcelFileAdapter.fromBuffer(await toBuffer(wb))).read();
}

async function holidaysOf(rows: Cell[][], opts: Parameters<typeof addHolidaySheet>[2] = {}) {
  const wb = new ExcelJS.Workbook();
  addHolidaySheet(wb, rows, opts);
  return readHolidaySheet(await snapshotOf(wb));
}

const SPRING_2027: Cell[][] = [
  ...["06", "07", "08", "09", "10", "11", "12"].map((d): Cell[] => [{ date: `2027-02-${d}` }, "休", "春节"]),
  [{ date: "2027-02-13" }, "班", "春节调休上班"],
];

/** A 2027-02 scorecard, its indicators (the SPEC §7 month's) and the 月报 2027-01 submitted `submitted`. */
async function workbook2027(holidays: Cell[][] | null, submitted = "2027-02-16") {
  const wb = new ExcelJS.Workbook();
  const cells = addScorecard(wb, { sheetName: "2027年2月", month: "2027-02" });
  const reports: ReportSubmission[] = [{ kind: "月报", period: "2027-01", submitted, extensionApproved: false }];
  addInputSheets(wb, { indicators: [{ ...EXAMPLE_2025_10.indicators, month: "2027-02" as MonthKey }], events: [], reports, payments: [] });
  if (holidays) addHolidaySheet(wb, holidays);
  return { snapshot: await snapshotOf(wb), cells };
}

describe("reading 节假日安排", () => {
  it("no sheet: rows null, and readInputs says so", async () => {
    const wb = new ExcelJS.Workbook();
    addInputSheets(wb, exampleData());
    const snapshot = await snapshotOf(wb);
    expect(readHolidaySheet(snapshot).rows).toBeNull();
    expect(readInputs(snapshot).holidays).toBeNull();
  });

  it.each<[string, Cell[][], Parameters<typeof addHolidaySheet>[2]]>([
    ["real Excel dates, 休/班", [[{ date: "2027-02-10" }, "休", "春节"], [{ date: "2027-02-13" }, "班", "春节调休上班"]], {}],
    ["dates as text, 放假/补班, a title row above the header", [["2027-02-10", "放假", "春节"], ["2027年2月13日", "补班", "春节调休上班"]], { titleRows: 1 }],
    ["20270210 as a number, 休息/上班, columns in another order", [["春节", 20270210, "休息"], ["春节调休上班", 20270213, "上班"]], { headers: ["说明", "日期", "类型"] }],
    ["spaced and full-width headers, a full-width 休", [["2027/2/10", "休", "春节"], ["2027.2.13", " 班 ", "春节调休上班"]], { headers: ["日 期", "类型（休/班）", "说明"] }],
  ])("reads %s", async (_name, rows, opts) => {
    const sheet = await holidaysOf(rows, opts);
    expect(sheet.problems).toEqual([]);
    expect(sheet.rows).toEqual([
      { date: "2027-02-10", kind: "休", note: "春节" },
      { date: "2027-02-13", kind: "班", note: "春节调休上班" },
    ]);
  });

  it("an empty sheet (as the template writes it) has no rows and no problems; a 说明-only row is a remark", async () => {
    expect(await holidaysOf([])).toMatchObject({ rows: [], problems: [] });
    expect(await holidaysOf([[null, null, "以下按通知填写"]])).toMatchObject({ rows: [], problems: [] });
  });

  it.each<[string, Cell[][], { cell: string; indicator: string; says: string }]>([
    ["not a date", [["2月10日", "休", "春节"]], { cell: "A2", indicator: "日期", says: "「日期」应为一个日期（如 2027-02-08，一行填一天），实为「2月10日」" }],
    ["a range of dates", [["2027-02-06至2027-02-12", "休", "春节"]], { cell: "A2", indicator: "日期", says: "一行填一天" }],
    ["a blank date", [[null, "休", "春节"]], { cell: "A2", indicator: "日期", says: "「日期」未填写" }],
    ["an unknown 类型", [[{ date: "2027-02-10" }, "调休", ""]], { cell: "B2", indicator: "类型", says: "「类型」应为 休（放假）或 班（调休上班），实为「调休」" }],
    ["a blank 类型", [[{ date: "2027-02-10" }, null, "春节"]], { cell: "B2", indicator: "类型", says: "「类型」未填写" }],
    ["a year out of range", [[{ date: "1900-02-10" }, "休", ""]], { cell: "A2", indicator: "日期", says: "年份不在 1990–2100 之内" }],
  ])("refuses %s, naming the sheet and the cell", async (_name, rows, where) => {
    const sheet = await holidaysOf(rows);
    expect(sheet.rows).toEqual([]);
    expect(sheet.problems.map((p) => [p.severity, p.sheet, p.cell, p.indicator])).toEqual([["error", "节假日安排", where.cell, where.indicator]]);
    expect(sheet.problems[0]?.message).toContain(where.says);
    expect(sheet.problems[0]?.messageEn).not.toBe("");
  });

  it("a sheet without a 类型 column is refused, naming the column", async () => {
    const sheet = await holidaysOf([[{ date: "2027-02-10" }, "春节"]], { headers: ["日期", "说明"] });
    expect(sheet.problems.map((p) => [p.code, p.sheet, p.indicator])).toEqual([["missing-column", "节假日安排", "类型"]]);
  });
});

describe("runWorkbook with 节假日安排", () => {
  it("scores a 2027 month through the sheet: 月报 2027-01 due the 班 Saturday 02-13, submitted 02-16 → 2 days late, row 4 = 3.00", async () => {
    const { snapshot, cells } = await workbook2027(SPRING_2027);
    const result = runWorkbook(snapshot, { asOf: "2027-03-01" });
    expect(result.errors.map((e) => problemLine(e))).toEqual([]);
    const row4 = result.scores[0]?.items.find((i) => i.no === 4);
    expect(fixed2(row4!.score)).toBe("3.00");
    expect(row4!.summary).toBe("月报(2027-01) 应交 2027-02-13（2027-02-10 非工作日，顺延），2027-02-16 提交，迟 2 个工作日");
    expect(result.scores[0]?.items.find((i) => i.no === 10)?.inputs["考试截止日"]).toBe("2027-02-15");
    const writes = result.plan?.cellWrites.find((w) => w.sheet === cells.sheet)?.writes ?? [];
    expect(writes.find((w) => w.address === cells.scoreCells[4])?.value).toBe(3);
    expect(result.rules.calendar.knownYears).toContain(2027);
  });

  it.each([
    // Submitted on the due date (the 班 Saturday itself): on time.
    ["2027-02-13", "5.00", "2027-02-13 按时提交"],
    // 02-15 Monday … 02-19 Friday: 5 working days late → 0.
    ["2027-02-19", "0.00", "迟 5 个工作日"],
  ])("submitted %s → row 4 = %s", async (submitted, score, says) => {
    const { snapshot } = await workbook2027(SPRING_2027, submitted);
    const row4 = runWorkbook(snapshot, { asOf: "2027-03-01" }).scores[0]?.items.find((i) => i.no === 4);
    expect(fixed2(row4!.score)).toBe(score);
    expect(row4!.summary).toContain(says);
  });

  it("without the sheet the 2027 month is refused, the message saying how to add 2027, and nothing is written", async () => {
    const { snapshot } = await workbook2027(null);
    const result = runWorkbook(snapshot, { asOf: "2027-03-01" });
    expect(result.ok).toBe(false);
    expect(result.plan).toBeNull();
    const unknown = result.errors.filter((e) => e.code === "unknown-date");
    expect(unknown.length).toBeGreaterThan(0);
    for (const e of unknown) expect(e.message).toContain("如需 2027 年：请在「节假日安排」工作表按国务院办公厅关于 2027 年部分节假日安排的通知逐日填写");
  });

  it.each<[string, Cell[][], { code: string; cell: string; indicator: string }]>([
    ["a date given twice", [...SPRING_2027, [{ date: "2027-02-10" }, "休", "春节"]], { code: "duplicate-holiday", cell: "A10", indicator: "日期" }],
    ["a date given as 休 and as 班", [...SPRING_2027, ["2027-02-13", "休", ""]], { code: "contradictory-holiday", cell: "A10", indicator: "日期" }],
    ["not a date", [...SPRING_2027, ["2027-02-30", "休", ""]], { code: "bad-value", cell: "A10", indicator: "日期" }],
    ["an unknown 类型", [...SPRING_2027, [{ date: "2027-02-14" }, "周末", ""]], { code: "bad-value", cell: "B10", indicator: "类型" }],
  ])("refuses %s with the sheet and cell, and writes nothing", async (_name, rows, where) => {
    const { snapshot } = await workbook2027(rows);
    const result = runWorkbook(snapshot, { asOf: "2027-03-01" });
    expect(result.ok).toBe(false);
    expect(result.plan).toBeNull();
    expect(result.errors.filter((e) => e.sheet === "节假日安排").map((e) => [e.code, e.sheet, e.cell, e.indicator])).toEqual([[where.code, "节假日安排", where.cell, where.indicator]]);
  });

  it("a row overriding the library wins, with a warning at its 类型 cell naming both", async () => {
    // 月报 2026-09 due 2026-10-10, a 调休 Saturday in the library; the sheet makes it 休 → Monday 10-12.
    const wb = new ExcelJS.Workbook();
    addScorecard(wb, { sheetName: "2026年10月", month: "2026-10" });
    addInputSheets(wb, { indicators: [{ ...EXAMPLE_2025_10.indicators, month: "2026-10" }], events: [], reports: [{ kind: "月报", period: "2026-09", submitted: "2026-10-12", extensionApproved: false }], payments: [] });
    addHolidaySheet(wb, [[{ date: "2026-10-10" }, "休", "补充放假"]]);
    const result = runWorkbook(await snapshotOf(wb), { asOf: "2026-11-01" });
    expect(result.errors).toEqual([]);
    const warning = result.warnings.find((w) => w.code === "holiday-overrides-library");
    expect(warning && [warning.sheet, warning.cell, warning.indicator]).toEqual(["节假日安排", "B2", "类型"]);
    expect(warning?.message).toBe("「节假日安排」2026-10-10（星期六）填为「休」，而内置节假日日历（chinese-days）该日为工作日（国庆节调休上班）；以本表为准（国务院办公厅通知为较新来源），请核对");
    const row4 = result.scores[0]?.items.find((i) => i.no === 4);
    expect(row4?.summary).toBe("月报(2026-09) 应交 2026-10-12（2026-10-10 非工作日，顺延），2026-10-12 按时提交");
    // Without the row, the same submission is 1 working day late (10-10 is a working day, 10-12 the first after it).
    const without = new ExcelJS.Workbook();
    addScorecard(without, { sheetName: "2026年10月", month: "2026-10" });
    addInputSheets(without, { indicators: [{ ...EXAMPLE_2025_10.indicators, month: "2026-10" }], events: [], reports: [{ kind: "月报", period: "2026-09", submitted: "2026-10-12", extensionApproved: false }], payments: [] });
    expect(runWorkbook(await snapshotOf(without), { asOf: "2026-11-01" }).scores[0]?.items.find((i) => i.no === 4)?.summary).toBe("月报(2026-09) 应交 2026-10-10，2026-10-12 提交，迟 1 个工作日");
  });

  it("an absent sheet and an empty one give the same run as before (the SPEC §7 month: 93.25)", async () => {
    const plain = new ExcelJS.Workbook();
    addScorecard(plain, { sheetName: "2025年10月", month: "2025-10" });
    addInputSheets(plain, exampleData());
    const withEmpty = new ExcelJS.Workbook();
    addScorecard(withEmpty, { sheetName: "2025年10月", month: "2025-10" });
    addInputSheets(withEmpty, exampleData());
    addHolidaySheet(withEmpty, []);
    const a = runWorkbook(await snapshotOf(plain), { asOf: "2025-12-31" });
    const b = runWorkbook(await snapshotOf(withEmpty), { asOf: "2025-12-31" });
    expect(a.json?.months[0]?.total).toBe("93.25");
    expect(b.json).toEqual(a.json);
    expect(b.plan).toEqual(a.plan);
    expect(b.problems).toEqual(a.problems);
  });
});

describe("the template's 节假日安排", () => {
  const spec = buildHolidaySheet();

  it("has the header 日期 | 类型 | 说明, a date column, a 休/班 dropdown and the note on the State Council notice", () => {
    const at = (a: string) => spec.cells.find((c) => c.address === a);
    expect([at("A1")?.value, at("B1")?.value, at("C1")?.value]).toEqual(["日期", "类型", "说明"]);
    expect(at("A2")).toMatchObject({ value: null, numberFormat: "yyyy-mm-dd" });
    expect(at("A201")?.numberFormat).toBe("yyyy-mm-dd");
    expect(spec.validations).toEqual([{ range: "B2:B201", values: ["休", "班"] }]);
    expect(at("E1")?.value).toBe(HOLIDAY_SHEET_NOTE);
    expect(HOLIDAY_SHEET_NOTE).toContain("国务院办公厅关于 YYYY 年部分节假日安排的通知");
    expect(HOLIDAY_SHEET_NOTE).toContain("每年 11 月前后发布");
    expect(spec.freezeRows).toBe(1);
  });

  it("comes right after 规则设置 in buildTemplate", () => {
    const names = buildTemplate({ from: "2026-12", months: 12 }).map((s) => s.name);
    expect(names.slice(names.indexOf("规则设置"), names.indexOf("规则设置") + 2)).toEqual(["规则设置", "节假日安排"]);
  });

  it("rendered by the file host, reads back as an empty sheet (no rows, no problems), with its dropdown and date format", async () => {
    const buffer = await writeNewWorkbook(templatePlan([spec]));
    const snapshot = await (await ExcelFileAdapter.fromBuffer(buffer)).read();
    expect(readHolidaySheet(snapshot)).toMatchObject({ rows: [], problems: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("节假日安排");
    expect(ws?.getCell("A2").numFmt).toBe("yyyy-mm-dd");
    const dv = (ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }).dataValidations;
    expect(dv.find("B2")).toMatchObject({ type: "list", formulae: ['"休,班"'] });
  });
});
