/**
 * What the Excel path tells the clerk beyond skipped features: a large sheet the adapter did not
 * read (issue 14, point 2: reads are bounded; a big sheet that is none of the product's is listed by
 * name only) is named with its size and what to do if it is in fact a scorecard.
 */
// @ts-nocheck

import { describeUnread, excelPaneAdapter } from "../../src/taskpane/excel";

describe("limitations of the Excel path", () => {
  it("names a large unread sheet, with its size, in both languages, after the skipped features", () => {
    const pane = excelPaneAdapter({
      read: async () => ({ sheets: [] }),
      apply: async () => undefined,
      skipped: [{ feature: "dataValidation", requirement: "ExcelApi 1.8", message: "跳过下拉", messageEn: "skipped lists" }],
      unread: [{ name: "流水账", rows: 20000, columns: 16 }],
    });
    const list = pane.limitations?.() ?? [];
    expect(list.map((l) => l.feature)).toEqual(["dataValidation", "unread:流水账"]);
    expect(list[1]).toEqual(describeUnread({ name: "流水账", rows: 20000, columns: 16 }));
    expect(list[1]?.messageZh).toBe("工作表「流水账」较大（20000 行 × 16 列），不是考核表、录入表或本工具的表，未读取其内容；如它其实是某月的考核表，请把表头放在前 30 行、30 列以内。");
    expect(list[1]?.messageEn).toContain('Sheet "流水账" is large (20000 rows × 16 columns)');
  });

  it("says nothing when every sheet was read and nothing was skipped", () => {
    const pane = excelPaneAdapter({ read: async () => ({ sheets: [] }), apply: async () => undefined, skipped: [], unread: [] });
    expect(pane.limitations?.()).toEqual([]);
  });
});
