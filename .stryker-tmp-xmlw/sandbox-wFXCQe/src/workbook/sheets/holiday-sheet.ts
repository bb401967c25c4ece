/**
 * The 节假日安排 sheet of a fresh workbook (SPEC §9): empty, with its header 日期 | 类型 | 说明, the
 * date column formatted as a date, a 休/班 dropdown, and a note beside the table on where the
 * official schedule is (国务院办公厅关于 YYYY 年部分节假日安排的通知, published each November) and
 * how to type it. Read back by src/workbook/read/holiday-sheet.ts.
 */
// @ts-nocheck

import type { CellWrite, SheetSpec } from "../model";
import { a1 } from "../model";
import { HOLIDAY_HEADERS } from "../read/holiday-sheet";
import { INPUT_SHEETS } from "../read/sheet-names";

/** Blank rows prepared (date format, dropdown): two years of a notice are about 70 rows. */
export const HOLIDAY_ROWS = 200;

const DATE_FORMAT = "yyyy-mm-dd";
const HEADER_FILL = "#D9E1F2";
const NOTE_FILL = "#FFF2CC";
const INPUT_TAB = "#70AD47";

/** The note beside the table: where the notice is and how to type it. */
export const HOLIDAY_SHEET_NOTE = [
  "说明：本表用于补充或更正内置的法定节假日日历（工作日、遇节假日顺延、逾期工作日数、付款期限均按此计算）。",
  "来源：国务院办公厅每年 11 月前后发布《国务院办公厅关于 YYYY 年部分节假日安排的通知》（中国政府网 www.gov.cn 可查）。",
  "填法：一行一天。放假的日子（含通知中的周末）填「休」；调休上班的日子（通常为周末）填「班」；说明可填节日名称，如「春节」。",
  "内置日历尚未收录的年份：填入该年至少一行「休」即视为已知；请按通知逐日填全，否则未填的日子按普通周一至周五上班计。",
  "与内置日历不一致的行以本表为准，并在评分时给出提示。本表为空或删除本表时，按内置日历计算。",
].join("\n");

/** 节假日安排: 日期 | 类型 | 说明, no rows, and the note in E1:H12. */
export function buildHolidaySheet(): SheetSpec {
  const cells: CellWrite[] = HOLIDAY_HEADERS.map((h, i) => ({
    address: a1(1, i + 1),
    value: h,
    style: { bold: true, fill: h === "说明" ? "#EDEDED" : HEADER_FILL, border: "thin", horizontal: "center", vertical: "middle" },
  }));
  for (let r = 2; r <= HOLIDAY_ROWS + 1; r++) cells.push({ address: a1(r, 1), value: null, numberFormat: DATE_FORMAT });
  cells.push({ address: "E1", value: HOLIDAY_SHEET_NOTE, style: { wrap: true, vertical: "top", fill: NOTE_FILL, border: "thin" } });
  return {
    name: INPUT_SHEETS.holidays,
    cells,
    merges: ["E1:H12"],
    columnWidths: { A: 13, B: 8, C: 24, D: 3, E: 22, F: 22, G: 22, H: 22 },
    validations: [{ range: `B2:B${HOLIDAY_ROWS + 1}`, values: ["休", "班"] }],
    freezeRows: 1,
    tabColor: INPUT_TAB,
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true, repeatRows: "1:1" },
  };
}
