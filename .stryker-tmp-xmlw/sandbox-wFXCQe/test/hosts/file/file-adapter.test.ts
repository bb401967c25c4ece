// @ts-nocheck
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { withChartSheet } from "../../fixtures/chart";
import { ExcelFileAdapter, NotAWorkbookError } from "../../../src/hosts/file/file-adapter";
import { runWorkbook } from "../../../src/workbook/plan";
import { exampleWorkbook, loadWorkbook, toBuffer, yearWorkbook } from "../../fixtures/workbooks";

async function score(buffer: Uint8Array): Promise<Uint8Array> {
  const adapter = await ExcelFileAdapter.fromBuffer(buffer);
  const result = runWorkbook(await adapter.read(), { asOf: "2025-12-31" });
  if (!result.plan) throw new Error(JSON.stringify(result.errors));
  await adapter.apply(result.plan);
  return adapter.save();
}

interface CellFacts {
  value: string;
  formula: string | undefined;
  style: string;
  note: string;
}

/** Every cell of every sheet, as comparable facts. */
function facts(wb: ExcelJS.Workbook): Map<string, CellFacts> {
  const out = new Map<string, CellFacts>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, {
          value: JSON.stringify(cell.value),
          formula: cell.formula,
          style: JSON.stringify(cell.style),
          note: JSON.stringify(cell.note ?? null),
        });
      }),
    );
  }
  return out;
}

function merges(wb: ExcelJS.Workbook): Record<string, string[]> {
  return Object.fromEntries(wb.worksheets.map((ws) => [ws.name, Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort()]));
}

describe("the ExcelJS file adapter", () => {
  it("snapshots values as Excel gives them: rich text as text, formulas with their result, dates as serials, merges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.getCell("A1").value = { richText: [{ text: "考核" }, { text: "月份", font: { bold: true } }] };
    ws.getCell("B1").value = { formula: "SUM(C1:C2)", result: 12 };
    ws.getCell("C1").value = new Date(Date.UTC(2025, 9, 13));
    ws.getCell("C1").numFmt = "yyyy-mm-dd";
    ws.getCell("D1").value = { text: "合同", hyperlink: "https://example.org" };
    ws.getCell("E1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("F1").value = true;
    ws.getCell("A3").value = "合并";
    ws.mergeCells("A3:C4");
    const sheet = (await (await ExcelFileAdapter.fromBuffer(await toBuffer(wb))).read()).sheets[0];
    const at = (row: number, col: number) => sheet?.cells.find((c) => c.row === row && c.col === col);
    expect(at(1, 1)?.value).toBe("考核月份");
    expect(at(1, 2)).toEqual({ row: 1, col: 2, value: 12, numberFormat: "General", formula: "SUM(C1:C2)" });
    expect(at(1, 3)).toEqual({ row: 1, col: 3, value: 45943, numberFormat: "yyyy-mm-dd" });
    expect(at(1, 4)?.value).toBe("合同");
    expect(at(1, 5)?.value).toBe("#DIV/0!");
    expect(at(1, 6)?.value).toBe(true);
    expect(at(3, 1)?.value).toBe("合并");
    expect(at(3, 2)).toBeUndefined(); // a merged cell's value lives in its master only
    expect(sheet?.merges).toEqual([{ top: 3, left: 1, bottom: 4, right: 3 }]);
  });

  it("gives 1900-system serials for a workbook in the 1904 date system", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("日期");
    ws.getCell("A1").value = new Date(Date.UTC(2025, 9, 13));
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    const sheet = (await (await ExcelFileAdapter.fromBuffer(await toBuffer(wb))).read()).sheets[0];
    expect(sheet?.cells[0]?.value).toBe(45943);
  });

  it("refuses a file that is not an .xlsx workbook", async () => {
    await expect(ExcelFileAdapter.fromBuffer(Buffer.from("序号,考核指标\n1,队伍建设\n"))).rejects.toBeInstanceOf(NotAWorkbookError);
  });

  it("changes nothing but the owned cells: values, formulas, styles, merges, notes, sheets", async () => {
    const { buffer, cells } = await exampleWorkbook();
    const before = await loadWorkbook(buffer);
    const after = await loadWorkbook(await score(buffer));
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    expect(merges(after)).toEqual(merges(before));
    expect(after.worksheets.map((w) => w.columns?.map((c) => c.width))).toEqual(before.worksheets.map((w) => w.columns?.map((c) => c.width)));

    const owned = new Set([cells.totalCell, ...Object.values(cells.scoreCells), ...Object.values(cells.summaryCells)].map((a) => `${cells.sheet}!${a}`));
    const a = facts(before);
    const b = facts(after);
    let compared = 0;
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      if (owned.has(key)) continue;
      expect([key, b.get(key)]).toEqual([key, a.get(key)]);
      compared++;
    }
    expect(compared).toBeGreaterThan(150);
    // The remarks, the signature with its note and the formula below the table are all still there.
    const ws = after.getWorksheet(cells.sheet)!;
    expect(ws.getCell(cells.remarkCells[7] ?? "").value).toBe("备注7");
    expect(ws.getCell("A22").note).toBe("已核对 / checked");
    expect(ws.getCell("F20").formula).toBe("SUM(F5:F18)");
    // The owned cells hold the scores, formatted 0.00, their other style unchanged.
    expect(ws.getCell(cells.totalCell).value).toBe(93.25);
    expect(ws.getCell(cells.totalCell).numFmt).toBe("0.00");
    expect(ws.getCell(cells.scoreCells[9] ?? "").value).toBe(9.75);
    expect(ws.getCell(cells.summaryCells[8] ?? "").value).toBe("满意率 94.00%（940/1000，已剔除差评 10）");
    for (const address of [cells.scoreCells[1] ?? "", cells.summaryCells[1] ?? ""]) {
      const { numFmt: _was, ...styleBefore } = before.getWorksheet(cells.sheet)!.getCell(address).style;
      const { numFmt: _now, ...styleAfter } = ws.getCell(address).style;
      expect(styleAfter).toEqual(styleBefore);
      expect(styleAfter.border?.top?.style).toBe("thin");
      expect(styleAfter.font?.name).toBe("宋体");
    }
  });

  it("creates whole sheets and deletes owned sheets a plan names", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("付款结算").getCell("A1").value = "旧的结算表";
    wb.addWorksheet("计算说明").getCell("A1").value = "旧的说明";
    const adapter = await ExcelFileAdapter.fromBuffer(await toBuffer(wb));
    await adapter.apply({ cellWrites: [], sheets: [{ name: "付款结算", cells: [{ address: "A1", value: "=新的结算表" }], merges: [] }], deleteSheets: ["计算说明", "不存在"] });
    const out = await loadWorkbook(await adapter.save());
    expect(out.worksheets.map((w) => w.name)).toEqual(["付款结算"]);
    expect(out.getWorksheet("付款结算")?.getCell("A1").value).toBe("=新的结算表");
    expect(out.getWorksheet("付款结算")?.getCell("A1").formula).toBeUndefined();
  });

  it("is idempotent: scoring the scored workbook changes nothing", async () => {
    const once = await score((await yearWorkbook()).buffer);
    const twice = await score(once);
    const a = await loadWorkbook(once);
    const b = await loadWorkbook(twice);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    expect(merges(b)).toEqual(merges(a));
    expect([...facts(b).entries()]).toEqual([...facts(a).entries()]);
    const snap = async (buf: Uint8Array) => (await ExcelFileAdapter.fromBuffer(buf)).read();
    expect(await snap(twice)).toEqual(await snap(once));
  });

  it("applies a plan all or nothing: a plan that fails leaves the workbook as it was", async () => {
    const { buffer } = await exampleWorkbook();
    const adapter = await ExcelFileAdapter.fromBuffer(buffer);
    const before = await adapter.read();
    const sheet = before.sheets[0]?.name ?? "";
    const failed = await adapter
      .apply({ cellWrites: [{ sheet, writes: [{ address: "Z1", value: "写了一半" }] }, { sheet: "不存在", writes: [{ address: "A1", value: 1 }] }], sheets: [{ name: "付款结算", cells: [], merges: [] }] })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(String(failed)).toContain("工作表「不存在」不存在");
    expect(await adapter.read()).toEqual(before);
    const saved = await JSZip.loadAsync(await adapter.save());
    const input = await JSZip.loadAsync(buffer);
    for (const name of Object.keys(input.files).filter((n) => n !== "xl/workbook.xml")) {
      expect([name, await saved.file(name)?.async("string")]).toEqual([name, await input.file(name)?.async("string")]);
    }
  });
});

describe("a sheet name the product owns, held by a chart sheet", () => {
  it("is refused rather than given a second sheet of that name (Excel would repair the file); nothing changes", async () => {
    const bytes = await withChartSheet((await exampleWorkbook()).buffer, "付款结算");
    const adapter = await ExcelFileAdapter.fromBuffer(bytes);
    const before = await adapter.read();
    expect(before.sheets.map((s) => s.name)).not.toContain("付款结算"); // a chart sheet has no cells to read
    await expect(adapter.apply({ cellWrites: [], sheets: [{ name: "付款结算", cells: [{ address: "A1", value: 1 }], merges: [] }] })).rejects.toThrow("工作表「付款结算」已存在，但不是普通工作表");
    expect(await adapter.read()).toEqual(before);
  });
});
