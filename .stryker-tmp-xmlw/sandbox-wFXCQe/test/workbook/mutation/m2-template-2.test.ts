/**
 * Issue 17 (mutation tests, src/workbook/sheets/template.ts), second part: what the first part
 * (m2-template.test.ts) left open — only 合同名称's row is sized; a contract that differs from the
 * template in its first month only is refused. Its own file, so that Stryker's incremental run keeps
 * the results of the first part.
 */
// @ts-nocheck

import { defaultRules } from "../../../src/domain";
import { buildContractInfoSheet, checkTemplateOptions, templateContract } from "../../../src/workbook/sheets/template";

describe("template: the edges the first part left open", () => {
  it("sizes only 合同名称's row of 合同信息 (its long title, 2 lines of 15 points + 6)", () => {
    expect(buildContractInfoSheet().rowHeights).toEqual({ 2: 36 });
    const long = { ...defaultRules().contract, title: "长".repeat(100) }; // 200 wide in a 60-wide column: 4 lines
    expect(buildContractInfoSheet(long).rowHeights).toEqual({ 2: 66 });
  });

  it("refuses a contract whose first scored month differs while its last agrees", () => {
    const contract = templateContract({ firstMonth: "2025-01", lastMonth: "2025-03" });
    expect(() => checkTemplateOptions({ from: "2024-12", months: 4, contract })).toThrow(
      new RangeError("合同的考核月份 2025-01 至 2025-03 与模板月份 2024-12 至 2025-03 不一致 / the contract's scored months 2025-01…2025-03 differ from the template's 2024-12…2025-03"),
    );
  });
});
