/**
 * Issue 17 (mutation tests, src/workbook/sheets/holiday-sheet.ts): the fresh 节假日安排 sheet
 * exactly — header (说明 optional, grey), 200 blank date rows, the note beside the table, the 休/班
 * dropdown, widths, frozen header and print set-up.
 */
// @ts-nocheck

import { buildHolidaySheet, HOLIDAY_ROWS, HOLIDAY_SHEET_NOTE } from "../../../src/workbook/sheets/holiday-sheet";

describe("buildHolidaySheet", () => {
  it("writes the header, 200 date rows and the note, exactly", () => {
    const s = buildHolidaySheet();
    const head = (value: string, fill: string) => ({ value, style: { bold: true, fill, border: "thin", horizontal: "center", vertical: "middle" } });
    expect(HOLIDAY_ROWS).toBe(200);
    expect(s.cells.slice(0, 3)).toEqual([
      { address: "A1", ...head("日期", "#D9E1F2") },
      { address: "B1", ...head("类型", "#D9E1F2") },
      { address: "C1", ...head("说明", "#EDEDED") },
    ]);
    const dates = s.cells.slice(3, -1);
    expect(dates).toHaveLength(200);
    expect(dates[0]).toEqual({ address: "A2", value: null, numberFormat: "yyyy-mm-dd" });
    expect(dates[199]).toEqual({ address: "A201", value: null, numberFormat: "yyyy-mm-dd" });
    expect(dates.every((c, i) => c.address === `A${i + 2}` && c.value === null && c.numberFormat === "yyyy-mm-dd")).toBe(true);
    expect(s.cells[s.cells.length - 1]).toEqual({ address: "E1", value: HOLIDAY_SHEET_NOTE, style: { wrap: true, vertical: "top", fill: "#FFF2CC", border: "thin" } });
    expect(HOLIDAY_SHEET_NOTE.split("\n")).toHaveLength(5);
    expect(HOLIDAY_SHEET_NOTE.startsWith("说明：本表用于补充或更正内置的法定节假日日历")).toBe(true);
  });

  it("sets the dropdown, widths, the merged note, frozen header, tab colour and print set-up", () => {
    const { cells: _cells, ...rest } = buildHolidaySheet();
    expect(rest).toEqual({
      name: "节假日安排",
      merges: ["E1:H12"],
      columnWidths: { A: 13, B: 8, C: 24, D: 3, E: 22, F: 22, G: 22, H: 22 },
      validations: [{ range: "B2:B201", values: ["休", "班"] }],
      freezeRows: 1,
      tabColor: "#70AD47",
      print: { orientation: "portrait", paperSize: "A4", fitToWidth: true, repeatRows: "1:1" },
    });
  });
});
