/**
 * @jest-environment jsdom
 */
// @ts-nocheck

/**
 * The DOMParser path of xml-spreadsheet.ts (what WPS's Chromium uses), here over jsdom's DOMParser:
 * the same layouts as the saxes path (Node), and "not well-formed" as null.
 */
import { defaultXmlParse, domXmlParse, sheetLayout } from "../../../src/hosts/wps/xml-spreadsheet";
import { fakeEt, seededState } from "./fake-et";

const card = seededState([
  {
    name: "卡",
    cells: [
      { address: "B2", value: "标题 & <说明>" },
      { address: "B4", value: 90.5, numberFormat: "0.00" },
      { address: "C4", value: 45930, numberFormat: "yyyy-mm-dd" },
      { address: "D5", value: "#DIV/0!", formula: "1/0" },
      { address: "E6", value: 0.5, numberFormat: 'yyyy"年"m"月"' },
    ],
    merges: ["B2:E2", "B5:C6"],
  },
]);

describe("DOMParser (the page's parser in WPS)", () => {
  it("is the default where the page has one, and reads the fake's answer as the saxes path does", async () => {
    const dom = await defaultXmlParse();
    const saxes = await defaultXmlParse({});
    expect(typeof DOMParser).toBe("function");
    if (!dom || !saxes) throw new Error("no parser");
    const text = fakeEt(card).app.ActiveWorkbook?.Worksheets.Item(1).UsedRange.Value(11) as string;
    const a = sheetLayout(dom(text) as never, 5, 4);
    const b = sheetLayout(saxes(text) as never, 5, 4);
    expect(a).not.toBeNull();
    expect(a).toEqual(b);
    expect(a?.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }, { top: 4, left: 1, bottom: 5, right: 2 }]);
    expect([...(a?.cells.values() ?? [])].map((c) => [c.row, c.col, c.format, c.type, c.text])).toEqual([
      [1, 1, "General", "String", "标题 & <说明>"],
      [3, 1, "0.00", "Number", "90.5"],
      [3, 2, "yyyy-mm-dd", "DateTime", "2025-09-30T00:00:00.000"],
      [4, 1, "General", null, ""],
      [4, 3, "General", "Error", "#DIV/0!"],
      [5, 4, 'yyyy"年"m"月"', "DateTime", "1899-12-30T12:00:00.000"],
    ]);
  });

  it("text that is not well-formed is null", () => {
    const parse = domXmlParse(DOMParser);
    expect(parse("<Workbook><Table>")).toBeNull();
    expect(parse("Error 1004")).toBeNull();
    expect(parse("<Workbook/>")?.local).toBe("Workbook");
  });
});
