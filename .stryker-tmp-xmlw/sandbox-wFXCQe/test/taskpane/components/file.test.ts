/** @jest-environment jsdom */
// @ts-nocheck

/** The download is named after the input: "example.xlsx" → "example-已评分.xlsx". */
import { downloadFile, resultFileName, XLSM_TYPE, XLSX_TYPE } from "../../../src/taskpane/file";

describe("resultFileName", () => {
  it("puts -已评分 before the extension, once", () => {
    expect(resultFileName("example.xlsx")).toBe("example-已评分.xlsx");
    expect(resultFileName("考核 2025.XLSX")).toBe("考核 2025-已评分.XLSX");
    expect(resultFileName("宏.xlsm")).toBe("宏-已评分.xlsm");
    expect(resultFileName("example-已评分.xlsx")).toBe("example-已评分.xlsx");
    expect(resultFileName("a.b.xlsx")).toBe("a.b-已评分.xlsx");
    expect(resultFileName("noext")).toBe("noext-已评分.xlsx");
    expect(resultFileName(".xlsx")).toBe("workbook-已评分.xlsx");
  });
});

describe("downloadFile", () => {
  const create = jest.fn(() => "blob:x");
  const revoke = jest.fn();
  beforeAll(() => Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke }));

  it("hands the browser the result under its own name, with the input's type", () => {
    const clicked: { download: string; href: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    downloadFile(Uint8Array.from([80, 75, 3, 4]), "example.xlsx");
    downloadFile(Uint8Array.from([80, 75, 3, 4]), "宏.xlsm");
    expect(clicked).toEqual([
      { download: "example-已评分.xlsx", href: "blob:x" },
      { download: "宏-已评分.xlsm", href: "blob:x" },
    ]);
    const types = (create.mock.calls as unknown as [Blob][]).map(([b]) => b.type);
    // Blob lower-cases a type
    expect(types).toEqual([XLSX_TYPE, XLSM_TYPE].map((t) => t.toLowerCase()));
    expect(document.querySelectorAll("a").length).toBe(0);
    click.mockRestore();
  });
});
