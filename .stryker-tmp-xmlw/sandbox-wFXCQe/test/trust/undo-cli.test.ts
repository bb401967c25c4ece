/**
 * 撤销上次写入 end to end: score → undo gives back the original workbook cell for cell (owned
 * cells blank again; 计算说明, 撤销记录 and 付款结算 removed when they did not exist before), through
 * the command line (.xlsx) and through the office-js adapter (fake Excel, native undo group).
 */
// @ts-nocheck

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../fixtures/cli";
import { folderPerTest } from "../fixtures/folder";
import { ExcelAdapter, BatchOptions } from "../../src/hosts/excel/excel-adapter";
import { ExcelFileAdapter } from "../../src/hosts/file/file-adapter";
import { a1, WorkbookSnapshot } from "../../src/workbook/model";
import { buildPaymentSheet } from "../../src/workbook/sheets/payment-sheet";
import { planUndo, runWorkbookAsync } from "../../src/workbook/plan";
import { exampleWorkbook, loadWorkbook, toBuffer, yearWorkbook } from "../fixtures/workbooks";
import { fakeExcel, FakeWorkbookState } from "../hosts/excel/fake-excel";

const ASSET = path.join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx");
const CLOCK = new Date(2025, 10, 5, 14, 30);
const OCT = "2025年10月";

// Full runs on real workbooks: a generous limit (no timing is asserted).
jest.setTimeout(60_000);


const run = (args: string[]) => runCli(args, CLOCK);

const { at, files } = folderPerTest("undo-cli-");

function file(name: string, data: Buffer): string {
  writeFileSync(at(name), data);
  return at(name);
}

async function snap(p: string): Promise<WorkbookSnapshot> {
  return (await ExcelFileAdapter.fromBuffer(readFileSync(p))).read();
}

describe("hotline-scorecard undo", () => {
  it("score → undo: every cell as before, 付款结算 / 计算说明 / 撤销记录 removed (a whole year)", async () => {
    const input = file("in.xlsx", (await yearWorkbook()).buffer);
    const original = await snap(input);
    const s = await run(["score", input, "-o", at("scored.xlsx"), "--as-of", "2025-12-31"]);
    expect(s.code).toBe(0);
    const scored = await snap(at("scored.xlsx"));
    expect(scored.sheets.map((x) => x.name).slice(-3)).toEqual(["付款结算", "计算说明", "撤销记录"]);
    expect(scored).not.toEqual(original);

    const u = await run(["undo", at("scored.xlsx"), "-o", at("undone.xlsx")]);
    expect(u.err).toBe("");
    expect(u.code).toBe(0);
    expect(u.out).toContain("已恢复 348 个单元格"); // 12 months × (14 单项得分 + 14 完成情况 + 考核得分)
    expect(u.out).toMatch(/已删除上次写入新建的工作表：(付款结算、计算说明|计算说明、付款结算)/);
    expect(u.out).not.toContain("提示");
    expect(await snap(at("undone.xlsx"))).toEqual(original);
  });

  it("score → undo on the committed example workbook gives it back cell for cell", async () => {
    const original = await snap(ASSET);
    expect((await run(["score", ASSET, "-o", at("scored.xlsx"), "--as-of", "2025-12-31"])).code).toBe(0);
    expect((await run(["undo", at("scored.xlsx"), "-o", at("undone.xlsx")])).code).toBe(0);
    const undone = await snap(at("undone.xlsx"));
    expect(undone.sheets.map((x) => x.name)).toEqual(original.sheets.map((x) => x.name));
    expect(undone).toEqual(original);
  });

  it("names the cells typed in since the write, and still puts back what they held before it", async () => {
    const { buffer, cells } = await exampleWorkbook();
    const input = file("in.xlsx", buffer);
    expect((await run(["score", input, "-o", at("scored.xlsx"), "--as-of", "2025-12-31"])).code).toBe(0);
    const wb = await loadWorkbook(readFileSync(at("scored.xlsx")));
    wb.getWorksheet(OCT)!.getCell(cells.scoreCells[1] ?? "").value = 7;
    file("typed.xlsx", await toBuffer(wb));
    const u = await run(["undo", at("typed.xlsx"), "-o", at("undone.xlsx")]);
    expect(u.code).toBe(0);
    expect(u.out).toContain(`提示：以下单元格在上次写入之后被改动过，撤销已将其恢复为写入前的原内容：${OCT}!${cells.scoreCells[1]}`);
    const undone = await loadWorkbook(readFileSync(at("undone.xlsx")));
    expect(undone.getWorksheet(OCT)!.getCell(cells.scoreCells[1] ?? "").value).toBeNull();
    expect(await snap(at("undone.xlsx"))).toEqual(await snap(input));
  });

  it("undoes only the last write: after two runs 付款结算 and 计算说明 stay (they existed) and the first run's scores come back", async () => {
    const { buffer, cells } = await exampleWorkbook();
    const input = file("in.xlsx", buffer);
    expect((await run(["score", input, "-o", at("first.xlsx"), "--as-of", "2025-12-31"])).code).toBe(0);
    const wb = await loadWorkbook(readFileSync(at("first.xlsx")));
    wb.getWorksheet("指标录入")!.getCell("B2").value = 10; // 团队人数 9 → 10
    file("edited.xlsx", await toBuffer(wb));
    expect((await run(["score", at("edited.xlsx"), "-o", at("second.xlsx"), "--as-of", "2025-12-31"])).code).toBe(0);
    const second = await loadWorkbook(readFileSync(at("second.xlsx")));
    expect(second.getWorksheet(OCT)!.getCell(cells.scoreCells[1] ?? "").value).toBe(10);

    const u = await run(["undo", at("second.xlsx"), "-o", at("undone.xlsx")]);
    expect(u.code).toBe(0);
    expect(u.out).not.toContain("已删除上次写入新建的工作表");
    const undone = await snap(at("undone.xlsx"));
    expect(undone.sheets.map((x) => x.name)).toEqual([OCT, "指标录入", "加减分事件", "报告提交", "付款记录", "付款结算", "计算说明"]);
    const first = await snap(at("edited.xlsx"));
    expect(undone.sheets.find((x) => x.name === OCT)).toEqual(first.sheets.find((x) => x.name === OCT));
  });

  it("refuses (exit 2, nothing written): no record, a record used up, a frozen month", async () => {
    const { buffer } = await exampleWorkbook();
    const input = file("in.xlsx", buffer);
    const none = await run(["undo", input, "-o", at("out.xlsx")]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("工作簿中没有「撤销记录」工作表：还没有可撤销的写入");
    expect(none.err).toContain("未写入任何文件");

    expect((await run(["score", input, "-o", at("scored.xlsx"), "--as-of", "2025-12-31"])).code).toBe(0);
    expect((await run(["undo", at("scored.xlsx"), "-o", at("undone.xlsx")])).code).toBe(0);
    const twice = await run(["undo", at("undone.xlsx"), "-o", at("out.xlsx")]);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain("还没有可撤销的写入");

    expect((await run(["freeze", at("scored.xlsx"), "--month", "2025-10", "--by", "张三", "-o", at("frozen.xlsx")])).code).toBe(0);
    const frozen = await run(["undo", at("frozen.xlsx"), "-o", at("out.xlsx")]);
    expect(frozen.code).toBe(2);
    expect(frozen.err).toContain(`工作表「${OCT}」受保护（已定稿），撤销不会改动已定稿的月份；请先解除定稿`);

    const noOut = await run(["undo", input]);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain("缺少 --output");
    expect(existsSync(at("out.xlsx"))).toBe(false);
    expect(files()).toEqual(["frozen.xlsx", "in.xlsx", "scored.xlsx", "undone.xlsx"]);
  });
});

describe("撤销上次写入 in Excel (office-js adapter over the fake)", () => {
  /** The fake Excel holding the cells of an .xlsx snapshot. */
  function fakeOf(snapshot: WorkbookSnapshot): FakeWorkbookState {
    const state = new FakeWorkbookState();
    for (const s of snapshot.sheets) {
      const cells: Record<string, { value: string | number | boolean | null; numberFormat: string; formula?: string }> = {};
      for (const c of s.cells) cells[a1(c.row, c.col)] = c.formula !== undefined ? { value: c.value, numberFormat: c.numberFormat, formula: `=${c.formula}` } : { value: c.value, numberFormat: c.numberFormat };
      state.addSheet(s.name, cells, s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`));
    }
    return state;
  }

  it("score → undo gives back what Excel held; neither write is an undo group (each adds and deletes sheets, which Excel cannot undo), and nativeUndo says so", async () => {
    const { context } = fakeExcel(fakeOf(await snap(file("in.xlsx", (await yearWorkbook()).buffer))));
    const options: (BatchOptions | undefined)[] = [];
    const adapter = new ExcelAdapter(
      async (batch, o) => {
        options.push(o);
        return batch(context as unknown as Excel.RequestContext);
      },
      { isSetSupported: () => true, officeJsHonoursUndoGroup: true },
    );
    const before = await adapter.read();
    const result = await runWorkbookAsync(before, { asOf: "2025-12-31", now: "2025-11-05 14:30", buildPaymentSheet });
    await adapter.apply(result.plan!);
    expect(adapter.nativeUndo).toBe(false);
    const written = await adapter.read();
    expect(written.sheets.map((s) => s.name).slice(-3)).toEqual(["付款结算", "计算说明", "撤销记录"]);

    const undo = planUndo(written);
    if ("error" in undo) throw new Error(undo.error);
    await adapter.apply(undo.plan);
    expect(await adapter.read()).toEqual(before);
    expect(options.filter((o) => o?.mergeUndoGroup)).toEqual([]);
    expect(options.every((o) => o?.delayForCellEdit === true)).toBe(true);
  });
});
