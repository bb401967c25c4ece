/**
 * An owned sheet written again as its difference (WpsAdapter: `sheetDiff`, `writeDiff`): the sheet
 * after the difference is the sheet a fresh write of the same spec makes — compared cell by cell in
 * the fake (values, formulas, number formats, fonts, fills, alignments, borders), with its sizes,
 * merged areas, print setup, rules, frozen rows and chart — and what it costs.
 */
// @ts-nocheck

import { WpsAdapter, type WpsAdapterOptions, sheetDiff } from "../../../src/hosts/wps/wps-adapter";
import { type ConformanceHost, describeAdapterConformance } from "../conformance";
import type { CellWrite, SheetSpec, WritePlan } from "../../../src/workbook/model";
import { runWorkbookAsync } from "../../../src/workbook/plan";
import { buildPaymentSheet } from "../../../src/workbook/sheets/payment-sheet";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import { seedOf } from "../../../bench/wps-mode";
import { AS_OF, NOW, exampleWorkbook } from "../../../bench/workbooks";
import { type FakeEtOptions, type FakeEtState, cloneState, fakeEt, seededState, shown } from "./fake-et";

const plan = (sheets: SheetSpec[]): WritePlan => ({ cellWrites: [], sheets });
const workbook = (state: FakeEtState) => state.sheets.map(shown);

/** `second` written over `first` by one pane (read between: the difference), and freshly on a copy of the workbook before it. */
async function bothWays(first: SheetSpec, second: SheetSpec, options: { diffWrites?: boolean } = {}) {
  const fake = fakeEt(seededState([{ name: "甲", cells: [{ address: "A1", value: 1 }] }]));
  const adapter = new WpsAdapter(() => fake.app, { breathe: false, ...options });
  await adapter.read();
  await adapter.apply(plan([first]));
  await adapter.read();
  const copy = fakeEt(cloneState(fake.state));
  fake.state.logging = true;
  fake.state.resetCalls();
  await adapter.apply(plan([second]));
  await new WpsAdapter(() => copy.app, { breathe: false }).apply(plan([second])); // no read before: written whole
  return { diffed: workbook(fake.state), fresh: workbook(copy.state), log: fake.state.log };
}

const base = (): SheetSpec => ({
  name: "计算说明",
  cells: [
    { address: "A1", value: "计算说明", style: { bold: true, fontSize: 14 } },
    { address: "A2", value: "生成时间：2026-01-31 09:00", style: { fontColor: "#595959" } },
    { address: "A4", value: "项目", style: { fill: "#DDEBF7", horizontal: "center", border: "thin" } },
    { address: "B4", value: "金额", style: { fill: "#DDEBF7", horizontal: "center", border: "thin" } },
    { address: "A5", value: "2025-10", numberFormat: "@", style: { border: "thin" } },
    { address: "B5", value: 93.25, numberFormat: "0.00", style: { border: "thin" } },
    { address: "A6", value: "合计", style: { bold: true, border: "thin" } },
    { address: "B6", value: null, formula: "SUM(B5:B5)", numberFormat: "0.00", style: { border: "thin" } },
    { address: "A8", value: "说明文字", style: { wrap: true, vertical: "top", italic: true } },
    { address: "D2", value: 7 },
  ],
  merges: ["A1:B1", "A8:B9"],
  columnWidths: { A: 14, B: 40 },
  rowHeights: { 1: 24, 8: 30 },
  print: { orientation: "portrait", paperSize: "A4", fitToWidth: true },
  tabColor: "#FFC000",
  freezeRows: 4,
  conditionalHighlights: [{ range: "B5:B5", lessThan: 95, fill: "#FCE4D6" }],
});

const edit = (spec: SheetSpec, change: (cells: CellWrite[]) => CellWrite[], more: Partial<SheetSpec> = {}): SheetSpec => ({ ...spec, ...more, cells: change(spec.cells.map((c) => ({ ...c, style: { ...c.style } }))) });
const at = (cells: CellWrite[], address: string) => cells.find((c) => c.address === address) as CellWrite;

describe("an owned sheet written again as its difference is the sheet a fresh write makes", () => {
  it("values, a formula, an \"@\" text that needs its apostrophe, a format, a style put back, a new bordered row, a cleared cell, a new row height", async () => {
    const second = edit(
      base(),
      (cells) => {
        at(cells, "A2").value = "生成时间：2026-02-28 10:00";
        delete at(cells, "A2").style; // the grey font colour put back to automatic
        at(cells, "B5").value = 91.5;
        at(cells, "A5").value = "001"; // "@" cell, text a General cell would take for a number
        at(cells, "B6").formula = "SUM(B5:B7)";
        at(cells, "A8").style = { wrap: true, vertical: "top" }; // italic put back
        at(cells, "B4").style = { horizontal: "center", border: "thin" }; // fill put back
        at(cells, "B5").numberFormat = "#,##0.00";
        return [
          ...cells.filter((c) => c.address !== "D2"), // cleared
          { address: "A7", value: "2025-11", numberFormat: "@", style: { border: "thin" } },
          { address: "B7", value: 96, numberFormat: "0.00", style: { border: "thin" } },
        ];
      },
      { rowHeights: { 1: 24, 7: 18, 8: 30 } },
    );
    expect(sheetDiff(base(), second)).not.toBeNull();
    const { diffed, fresh, log } = await bothWays(base(), second);
    expect(diffed).toEqual(fresh);
    expect(log.filter((l) => /Worksheets\.Add\(|\.Delete\(\)|\.Merge\(|PageSetup|ColumnWidth|Tab\.Color|ChartObjects|FormatConditions|ActiveWindow/.test(l))).toEqual([]);
    // (and it holds what the spec says: the apostrophe text kept as text in its "@" cell)
    expect((diffed[1] as { cells: [string, { value: unknown; numberFormat?: string }][] }).cells.find(([k]) => k === "5,1")?.[1]).toEqual(expect.objectContaining({ value: "001", numberFormat: "@" }));
  });

  it("with diffWrites off, the same spec is written whole (a fresh sheet in the same place)", async () => {
    const second = edit(base(), (cells) => (at(cells, "B5").value = 90, cells));
    const { diffed, fresh, log } = await bothWays(base(), second, { diffWrites: false });
    expect(diffed).toEqual(fresh);
    expect(log.filter((l) => /Worksheets\.Add\([^)]*\)$/.test(l))).toHaveLength(1);
  });

  it("a changed value costs its Range and Value2, no more than the action's fixed calls", async () => {
    const second = edit(base(), (cells) => (at(cells, "B5").value = 90, cells));
    const { diffed, fresh, log } = await bothWays(base(), second);
    expect(diffed).toEqual(fresh);
    // ActiveWorkbook, Worksheets, DisplayAlerts get + set, ScreenUpdating get + set, Range("B5"), Value2 =, Calculate, ScreenUpdating =, DisplayAlerts =.
    expect(log.filter((l) => l.endsWith("=")).map((l) => l.replace(/^.*\.(\w+)=$/, "$1"))).toEqual(["DisplayAlerts", "ScreenUpdating", "Value2", "ScreenUpdating", "DisplayAlerts"]);
    expect(log).toHaveLength(11);
  });

  it("unchanged cells between changed ones are written again with their own value: one rectangle, not one a cell; formulas, \"@\" cells and merged areas never inside one", async () => {
    const wide = (v: number): SheetSpec => ({
      name: "表",
      cells: [
        ...Array.from({ length: 6 }, (_, i) => ({ address: `A${i + 1}`, value: i % 2 === 0 ? v + i : i })),
        { address: "B3", value: null, formula: "A3*2" },
        { address: "B4", value: "007", numberFormat: "@" },
        { address: "C1", value: v },
        { address: "C6", value: v },
      ],
      merges: ["D1:E2"],
    });
    const { diffed, fresh, log } = await bothWays(wide(1), wide(2));
    expect(diffed).toEqual(fresh);
    const written = log.flatMap((l, i) => (log[i + 1]?.endsWith(".Value2=") ? [/Range\("([^"]+)"\)$/.exec(l)?.[1]] : []));
    // A1, A3, A5, C1, C6 changed: column A in one rectangle (A2, A4, A6 again), C1 and C6 apart (B3, B4 avoided).
    expect(written.length).toBeLessThanOrEqual(3);
    expect(written).toContain("A1:A6");
  });

  for (const [what, change, more] of [
    ["a merged area added", (c: CellWrite[]) => c, { merges: ["A1:B1", "A8:B9", "C1:D1"] }],
    ["a column width changed", (c: CellWrite[]) => c, { columnWidths: { A: 15, B: 40 } }],
    ["a row height dropped", (c: CellWrite[]) => c, { rowHeights: { 1: 24 } }],
    ["the frozen rows changed", (c: CellWrite[]) => c, { freezeRows: 3 }],
    ["a border taken away on a sheet with highlights", (c: CellWrite[]) => c.filter((x) => x.address !== "B6"), {}],
    ["a font size taken away on a sheet with highlights", (c: CellWrite[]) => (delete at(c, "A1").style?.fontSize, c), {}],
    ["a border next to another kind", (c: CellWrite[]) => [...c, { address: "C5", value: 1, style: { border: "medium" as const } }], {}],
  ] as [string, (c: CellWrite[]) => CellWrite[], Partial<SheetSpec>][]) {
    it(`is not tried when ${what}: written whole, the same sheet`, async () => {
      const second = edit(base(), change, more);
      expect(sheetDiff(base(), second)).toBeNull();
      const { diffed, fresh, log } = await bothWays(base(), second);
      expect(diffed).toEqual(fresh);
      expect(log.filter((l) => /Worksheets\.Add\([^)]*\)$/.test(l))).toHaveLength(1);
    });
  }

  describe("a sheet without highlights: what cannot be put back one property at a time is cleared (ClearFormats) and given again", () => {
    const table = (rows: number, size?: number): SheetSpec => ({
      name: "撤销记录",
      cells: [
        { address: "A1", value: "撤销记录", style: { bold: true, fontSize: 14 } },
        { address: "A3", value: "月份", numberFormat: "@", style: { bold: true, fill: "#D9E1F2", border: "thin" } },
        { address: "B3", value: "单元格", numberFormat: "@", style: { bold: true, fill: "#D9E1F2", border: "thin" } },
        ...Array.from({ length: rows }, (_, i) => [
          { address: `A${4 + i}`, value: `2025年${i + 1}月`, numberFormat: "@", style: { border: "thin" as const, ...(size ? { fontSize: size } : {}) } },
          { address: `B${4 + i}`, value: i * 1.5, numberFormat: "0.00", style: { border: "thin" as const, ...(size ? { fontSize: size } : {}) } },
        ]).flat(),
      ],
      merges: ["A1:B1"],
      rowHeights: { 1: 24 },
    });

    for (const [what, first, second] of [
      ["rows taken away (their borders go, the last row's bottom edge stays)", table(6), table(3)],
      ["rows added", table(3), table(6)],
      ["a font size taken away (the cells cleared and given their style again)", table(4, 10), table(4)],
    ] as [string, SheetSpec, SheetSpec][]) {
      it(what, async () => {
        const d = sheetDiff(first, second);
        expect(d).not.toBeNull();
        const { diffed, fresh, log } = await bothWays(first, second);
        expect(diffed).toEqual(fresh);
        expect(log.filter((l) => /Worksheets\.Add\([^)]*\)$/.test(l))).toEqual([]);
      });
    }

    it("a border kind changed next to another kind is not tried (the order of a fresh write decides their shared edge)", () => {
      const second = { ...table(4), cells: table(4).cells.map((c) => (c.address === "B5" ? { ...c, style: { border: "medium" as const } } : c)) };
      expect(sheetDiff(table(4), second)).toBeNull();
    });
  });

  it("not without the read of the same action, nor over a value changed by hand: written whole", async () => {
    const fake = fakeEt(seededState([{ name: "甲", cells: [{ address: "A1", value: 1 }] }]));
    const adapter = new WpsAdapter(() => fake.app, { breathe: false });
    await adapter.read();
    await adapter.apply(plan([base()]));
    fake.state.logging = true;
    fake.state.resetCalls();
    await adapter.apply(plan([edit(base(), (c) => (at(c, "B5").value = 1, c))])); // no read since
    expect(fake.state.log.filter((l) => /Worksheets\.Add\([^)]*\)$/.test(l))).toHaveLength(1);
    await adapter.read();
    (fake.state.find("计算说明")?.cell(5, 2) as { value: unknown }).value = 5; // by hand
    await adapter.read();
    fake.state.resetCalls();
    await adapter.apply(plan([edit(base(), (c) => (at(c, "B5").value = 2, c))]));
    expect(fake.state.log.filter((l) => /Worksheets\.Add\([^)]*\)$/.test(l))).toHaveLength(1);
    expect(fake.state.find("计算说明")?.at("B5")?.value).toBe(2);
  });
});

describe("the product's own sheets: a month's indicator edited, 全部重算 in the same pane", () => {
  it("付款结算, 计算说明 and 撤销记录 written as their difference are the sheets a fresh write makes; the write costs 36 calls (again, nothing changed) and 27 (after the edit)", async () => {
    const book = await exampleWorkbook();
    const snapshot = await (await ExcelFileAdapter.fromBuffer(book.bytes)).read();
    const fake = fakeEt(seededState(seedOf(snapshot)));
    const adapter = new WpsAdapter(() => fake.app, { breathe: false });
    const recompute = async () => {
      const result = await runWorkbookAsync(await adapter.read(), { asOf: AS_OF, now: NOW, buildPaymentSheet });
      if (!result.ok || !result.plan) throw new Error("not scored");
      return result.plan;
    };
    await adapter.read();
    await adapter.apply(await recompute());
    // 全部重算 again, nothing changed: 撤销记录 (its rows now "no cell changed") written as its difference.
    const second = await recompute();
    const before = fakeEt(cloneState(fake.state));
    fake.state.resetCalls();
    await adapter.apply(second);
    expect(fake.state.calls).toBe(36);
    await new WpsAdapter(() => before.app, { breathe: false }).apply(second);
    expect(workbook(fake.state)).toEqual(workbook(before.state));
    const input = fake.state.find("指标录入");
    (input?.peek(13, 21) as { value: number }).value -= 1; // 2025-11 合格工单数
    const third = await recompute();
    expect(third.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["付款结算", "计算说明", "撤销记录"]));
    const copy = fakeEt(cloneState(fake.state));
    fake.state.logging = true;
    fake.state.resetCalls();
    await adapter.apply(third);
    expect(fake.state.calls).toBe(27);
    expect(fake.state.log.filter((l) => /Worksheets\.Add\([^)]*\)$/.test(l))).toEqual([]);
    await new WpsAdapter(() => copy.app, { breathe: false }).apply(third); // written whole
    expect(workbook(fake.state)).toEqual(workbook(copy.state));
  }, 30_000);
});

// The adapter contract with multi-area merges refused the worst way (the areas' box merged: values
// dropped, the sheet written again), and with both savings of this file off.
const host = (options: FakeEtOptions, adapterOptions: WpsAdapterOptions = {}): ConformanceHost => ({
  async open(workbook) {
    const fake = fakeEt(seededState(workbook.sheets, options));
    return {
      adapter: new WpsAdapter(() => fake.app, { breathe: false, ...adapterOptions }),
      reopen: () => new WpsAdapter(() => fake.app, { breathe: false }).read(),
    };
  },
});
describeAdapterConformance("WPS, multi-area Merge merging the areas' box", host({ multiAreaMerge: "box" }));
describeAdapterConformance("WPS, no difference writes, no multi-area merges", host({}, { diffWrites: false, multiAreaMerges: false }));
