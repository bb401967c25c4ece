/**
 * SPEC §6 through the task pane: each bad input in the workbook makes 全部重算 refuse, naming the
 * sheet, the cell and the indicator, and the pane writes nothing (the adapter's apply is never
 * called). The same matrix through the command line is test/trust/bad-input-matrix.test.ts.
 */
// @ts-nocheck

import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { Session, type PaneAdapter } from "../../src/taskpane/session";
import { ExcelFileAdapter } from "../../src/hosts/file/file-adapter";
import type { WritePlan } from "../../src/workbook/model";
import { indicatorCell, loadWorkbook, toBuffer } from "../fixtures/workbooks";

jest.setTimeout(60_000);

const EXAMPLE = readFileSync(join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx"));

async function paneOn(edit: (wb: ExcelJS.Workbook) => void) {
  const wb = await loadWorkbook(EXAMPLE);
  edit(wb);
  const file = await ExcelFileAdapter.fromBuffer(await toBuffer(wb));
  const plans: WritePlan[] = [];
  const adapter: PaneAdapter = { read: () => file.read(), apply: async (plan) => void plans.push(plan), select: async () => {} };
  const session = new Session(adapter, { now: () => new Date(2025, 11, 5, 14, 30) });
  await session.load();
  const result = await session.recomputeAll(null);
  return { result, plans };
}

const set = (header: string, value: ExcelJS.CellValue, month = "2025-10") => (wb: ExcelJS.Workbook) => {
  indicatorCell(wb, month, header).value = value;
};
const cellOf = async (header: string, month = "2025-10") => indicatorCell(await loadWorkbook(EXAMPLE), month, header).address;

describe("SPEC §6 in the task pane: refused, named, nothing written", () => {
  it.each([
    ["团队人数", -1],
    ["团队人数", 9.5],
    ["合格工单数", 101], // 100 sampled in 2025-10
    ["剔除差评数", 51], // 不满意 30 + 非常不满意 20
    ["接通率排名", 0],
    ["接通率排名", 32], // 31 centres ranked
    ["团队人数", "九"],
  ])("指标录入 %s = %p", async (header, value) => {
    const { result, plans } = await paneOn(set(header, value));
    expect(result.kind).toBe("refused");
    expect(plans).toEqual([]);
    const address = await cellOf(header);
    expect(result.problems.some((p) => p.sheet === "指标录入" && p.cell === address && p.indicator === header)).toBe(true);
  });

  it("15秒内接通数 above 人工服务接通数", async () => {
    const { result, plans } = await paneOn((wb) => {
      set("人工服务接通数", 1000)(wb);
      set("15秒内接通数", 1001)(wb);
    });
    expect(result.kind).toBe("refused");
    expect(plans).toEqual([]);
    const address = await cellOf("15秒内接通数");
    expect(result.problems.some((p) => p.sheet === "指标录入" && p.cell === address)).toBe(true);
  });

  it("a submission date before the period it reports (报告提交 C3: 月报 2024-12 dated 2024-11-20)", async () => {
    const { result, plans } = await paneOn((wb) => {
      wb.getWorksheet("报告提交")!.getCell("C3").value = new Date(Date.UTC(2024, 10, 20));
    });
    expect(result.kind).toBe("refused");
    expect(plans).toEqual([]);
    expect(result.problems.some((p) => p.sheet === "报告提交" && p.cell === "C3")).toBe(true);
  });

  it("a date the calendar does not know (报告提交 C3: 2031-01-08)", async () => {
    const { result, plans } = await paneOn((wb) => {
      wb.getWorksheet("报告提交")!.getCell("C3").value = new Date(Date.UTC(2031, 0, 8));
    });
    expect(result.kind).toBe("refused");
    expect(plans).toEqual([]);
    expect(result.problems.some((p) => p.sheet === "报告提交" && p.cell === "C3" && /2031-01-08/.test(p.message))).toBe(true);
  });

  it("an invoiced instalment whose months are not all scored (2025-03 emptied)", async () => {
    const { result, plans } = await paneOn((wb) => {
      for (const header of ["团队人数", "接通率排名"]) indicatorCell(wb, "2025-03", header).value = null;
    });
    expect(result.kind).toBe("refused");
    expect(plans).toEqual([]);
    expect(result.problems.some((p) => p.sheet === "指标录入" && /2025年3月「团队人数」未填写/.test(p.message))).toBe(true);
    expect(result.problems.some((p) => /第2笔款项已开票.*需要 2025年3月 的考核得分/.test(p.message))).toBe(true);
  });

  it("a bonus without evidence is kept, shown and scored 0: not refused", async () => {
    const { result, plans } = await paneOn(() => {});
    expect(result.kind).not.toBe("refused");
    expect(plans).toHaveLength(1);
    expect(result.problems.some((p) => p.sheet === "加减分事件" && /无佐证材料/.test(p.message))).toBe(true);
  });
});
