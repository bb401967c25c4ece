/**
 * The WPS adapter against the fake ET object model (fake-et.ts): the bridge's pitfalls one by one,
 * with exact values, and the calls a read and a write cost. The adapter contract itself (read,
 * apply, the example job) is test/hosts/conformance.test.ts. The adapters here read by the documented
 * path (`xmlLayout: false`): the calls they count are those of a WPS that refuses Range.Value(11);
 * that path is wps-xml.test.ts.
 */
// @ts-nocheck

import { WpsAdapter, bgr, boundsOf, comError, exactRects, rgbHex, rows } from "../../../src/hosts/wps/wps-adapter";
import { type WritePlan, a1 } from "../../../src/workbook/model";
import { AWKWARD_SHEETS, expectSameSnapshot, expectedSnapshot, ownedSheet } from "../conformance";
import { type FakeEtOptions, type SeedSheet, FakeEtState, fakeEt, seededState, typed } from "./fake-et";

const open = (sheets: readonly SeedSheet[], options: FakeEtOptions = {}) => {
  const fake = fakeEt(seededState(sheets, options));
  return { fake, adapter: new WpsAdapter(() => fake.app, { breathe: false, xmlLayout: false }) };
};

describe("helpers", () => {
  it("colours are BGR numbers: red + green·256 + blue·65536", () => {
    expect(bgr("#FF0000")).toBe(255);
    expect(bgr("#00FF00")).toBe(65280);
    expect(bgr("#0000FF")).toBe(16711680);
    expect(bgr("#DDEBF7")).toBe(0xf7ebdd);
    expect(rgbHex(0xf7ebdd)).toBe("#DDEBF7");
    expect(() => bgr("red")).toThrow(/not a colour/);
  });

  it("COM-form errors decode; other numbers do not", () => {
    expect(comError(-2146826281)).toBe("#DIV/0!");
    expect(comError(-2146826246)).toBe("#N/A");
    expect(comError(-2146826288)).toBe("#NULL!");
    expect(comError(2007)).toBeNull();
    expect(comError(-1)).toBeNull();
  });

  it("a one-cell Value2 is a scalar; rows() makes it rows", () => {
    expect(rows(5)).toEqual([[5]]);
    expect(rows(undefined)).toEqual([[undefined]]);
    expect(rows([[1, 2], [3, 4]])).toEqual([[1, 2], [3, 4]]);
  });

  it("addresses and rectangles", () => {
    expect(boundsOf("B2:D5")).toEqual({ top: 2, left: 2, bottom: 5, right: 4 });
    expect(boundsOf("$C$3")).toEqual({ top: 3, left: 3, bottom: 3, right: 3 });
    expect(exactRects([{ row: 1, col: 1 }, { row: 1, col: 2 }, { row: 2, col: 1 }, { row: 2, col: 2 }, { row: 4, col: 1 }])).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 4, left: 1, bottom: 4, right: 1 },
    ]);
  });
});

describe("the fake models the pitfalls (so that the adapter's tests can fail)", () => {
  it("Value is a method: assigning to it writes nothing; Value2 writes", () => {
    const { fake } = open([{ name: "表", cells: [] }]);
    const range = fake.app.ActiveWorkbook?.Worksheets.Item(1).Range("A1") as unknown as { Value: unknown; Value2: unknown };
    range.Value = [[5]];
    expect(fake.state.ignoredValueWrites).toBe(1);
    expect(fake.state.find("表")?.at("A1")).toBeUndefined();
    range.Value2 = 5;
    expect(fake.state.find("表")?.at("A1")?.value).toBe(5);
  });

  it("Item is 1-based: Item(0) is out of range, Item(1) the first sheet", () => {
    const { fake } = open([{ name: "甲", cells: [] }, { name: "乙", cells: [] }]);
    const sheets = fake.app.ActiveWorkbook?.Worksheets;
    expect(() => sheets?.Item(0)).toThrow(/Subscript out of range/);
    expect(sheets?.Item(1).Name).toBe("甲");
    expect(sheets?.Item(2).Name).toBe("乙");
    expect(() => sheets?.Item(3)).toThrow(/Subscript out of range/);
  });

  it("a colour given as text is refused", () => {
    const { fake } = open([{ name: "表", cells: [] }]);
    const range = fake.app.ActiveWorkbook?.Worksheets.Item(1).Range("A1");
    expect(() => {
      (range as unknown as { Interior: { Color: unknown } }).Interior.Color = "#FF0000";
    }).toThrow(/BGR/);
  });

  it("typed input is parsed as Excel parses it; an apostrophe keeps text", () => {
    expect(typed("001")).toEqual({ value: 1 });
    expect(typed("2025-10")).toEqual({ value: 45931 });
    expect(typed("TRUE")).toEqual({ value: true });
    expect(typed("=1+1")).toEqual({ value: null, formula: "=1+1" });
    expect(typed("'001")).toEqual({ value: "001" });
    expect(typed("#N/A")).toEqual({ value: { error: "#N/A" } });
    expect(typed("团队")).toEqual({ value: "团队" });
  });

  it("Delete while DisplayAlerts is true fails (it would wait on a dialog)", () => {
    const { fake } = open([{ name: "甲", cells: [] }, { name: "乙", cells: [] }]);
    expect(() => fake.app.ActiveWorkbook?.Worksheets.Item(2).Delete()).toThrow(/DisplayAlerts/);
  });
});

describe("read()", () => {
  it("the awkward workbook, errors as CVErr codes (2007): exactly the expected snapshot", async () => {
    const { adapter } = open(AWKWARD_SHEETS);
    expectSameSnapshot(await adapter.read(), expectedSnapshot(AWKWARD_SHEETS));
  });

  it("the same with errors in the COM form (-2146826281), members as methods, and wps.Enum present", async () => {
    const { fake, adapter } = open(AWKWARD_SHEETS, { errors: "com", methodMembers: true, withEnum: true });
    expect(fake.wps.Enum).toBeDefined();
    expectSameSnapshot(await adapter.read(), expectedSnapshot(AWKWARD_SHEETS));
  });

  it("a formula error reads as its text; a formula whose result is the number 2007 stays 2007; the constant 2007 too", async () => {
    const sheets: SeedSheet[] = [
      {
        name: "表",
        cells: [
          { address: "A1", value: "#DIV/0!", formula: "1/0" },
          { address: "A2", value: 2007, formula: "2000+7" },
          { address: "A3", value: 2007 },
          { address: "A4", value: "#N/A", formula: "NA()" },
          { address: "A5", value: "#N/A" },
        ],
      },
    ];
    for (const errors of ["cverr", "com"] as const) {
      const { adapter } = open(sheets, { errors });
      const cells = (await adapter.read()).sheets[0]?.cells.map((c) => [a1(c.row, c.col), c.value, c.formula ?? null]);
      expect(cells).toEqual([
        ["A1", "#DIV/0!", "1/0"],
        ["A2", 2007, "2000+7"],
        ["A3", 2007, null],
        ["A4", "#N/A", "NA()"],
        ["A5", "#N/A", null],
      ]);
    }
  });

  it("a used range that does not start at A1, and a one-cell sheet (Value2 a scalar)", async () => {
    const { adapter } = open([
      { name: "偏移", cells: [{ address: "C5", value: 1 }, { address: "D7", value: "x", numberFormat: "@" }] },
      { name: "一格", cells: [{ address: "B2", value: 42 }] },
    ]);
    const s = await adapter.read();
    expect(s.sheets[0]?.cells).toEqual([
      { row: 5, col: 3, value: 1, numberFormat: "General" },
      { row: 7, col: 4, value: "x", numberFormat: "@" },
    ]);
    expect(s.sheets[1]?.cells).toEqual([{ row: 2, col: 2, value: 42, numberFormat: "General" }]);
  });

  it("costs 9 calls a sheet when a sheet has one format and no merges, whatever its size", async () => {
    const sheet = (n: number): SeedSheet => ({ name: `账${n}`, cells: Array.from({ length: n }, (_, i) => ({ address: `A${i + 1}`, value: i, numberFormat: "0.00" })) });
    const counts: number[] = [];
    for (const n of [10, 10_000]) {
      const { fake, adapter } = open([sheet(n)]);
      fake.state.resetCalls();
      await adapter.read();
      counts.push(fake.state.calls);
    }
    // ActiveWorkbook, Worksheets, Count; per sheet: Item, Name, ProtectContents, UsedRange, Address(), Value2, Formula, NumberFormat, MergeCells.
    expect(counts).toEqual([3 + 9, 3 + 9]);
  });

  it("finds merged areas and mixed formats by halving, with calls that follow the layout, not the cells", async () => {
    const { fake, adapter } = open([
      {
        name: "表",
        cells: [
          { address: "A1", value: "标题" },
          ...Array.from({ length: 200 }, (_, i) => ({ address: `B${i + 3}`, value: i, numberFormat: "0.00" })),
          { address: "A300", value: "签字：" },
        ],
        merges: ["A1:C1", "A300:C301"],
      },
    ]);
    fake.state.resetCalls();
    const s = await adapter.read();
    expect(s.sheets[0]?.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }, { top: 300, left: 1, bottom: 301, right: 3 }]);
    expect(s.sheets[0]?.cells.filter((c) => c.numberFormat === "0.00")).toHaveLength(200);
    expect(s.sheets[0]?.cells.find((c) => c.row === 1)?.numberFormat).toBe("General");
    // 12 for the sheet as a whole; the rest finds 2 merged areas by halving (about 2·log2(rows)
    // questions each) and the formats by asking the top row apart and halving the rest column by
    // column (A, then B: 2 blocks). 200 more rows of the same layout add 2 levels, not 200 calls.
    expect(fake.state.calls).toBe(82);
  });
});

describe("read() again in the same pane: the layout known from the last read is checked, not searched", () => {
  const layout = (): SeedSheet[] => [
    {
      name: "表",
      cells: [
        { address: "A1", value: "标题" },
        ...Array.from({ length: 200 }, (_, i) => ({ address: `B${i + 3}`, value: i, numberFormat: "0.00" })),
        { address: "A300", value: "签字：" },
      ],
      merges: ["A1:C1", "A300:C301"],
    },
  ];

  it("costs fewer calls the second time: 82 → 18 (rectangle by rectangle), 16 with multi-area questions", async () => {
    const counts: number[] = [];
    for (const multiAreaReads of [false, true]) {
      const fake = fakeEt(seededState(layout()));
      const adapter = new WpsAdapter(() => fake.app, { breathe: false, multiAreaReads, xmlLayout: false });
      const first = await adapter.read();
      fake.state.resetCalls();
      expectSameSnapshot(await adapter.read(), first);
      counts.push(fake.state.calls);
    }
    // 3 for the workbook, 9 for the sheet less the used range's NumberFormat and MergeCells (known to
    // answer null: two formats, two merged areas); B3:B202's "0.00" (A1 and A300 hold text: their
    // known format stands); A1:C1 and A300:C301 still merged (together with multi-area), nothing merged in A2:C299.
    expect(counts).toEqual([3 + 7 + 2 + 6, 3 + 7 + 2 + 4]);
  });

  it("on the first read, a sheet like the one before (same used range) is checked against its layout: fewer calls, still exact", async () => {
    const two = [{ ...layout()[0], name: "甲" }, { ...layout()[0], name: "乙" }] as SeedSheet[];
    const fake = fakeEt(seededState(two));
    fake.state.logging = true;
    const adapter = new WpsAdapter(() => fake.app, { breathe: false, xmlLayout: false });
    const s = await adapter.read();
    expectSameSnapshot(s, expectedSnapshot(two));
    const second = fake.state.log.findIndex((l) => l.includes(".Item(2)"));
    // 甲: 82 calls as above (less the 3 for the workbook); 乙: the 9 of a sheet and the checks of 甲's
    // layout (a guess: its text asked too) — not the used range's NumberFormat and MergeCells (null
    // over that layout): "General" A1 and A300 in one rectangle (A1:A301), B3:B202, each merged
    // area's MergeArea (3 calls each), nothing merged in A2:C299.
    expect([second - 3, fake.state.log.length - second]).toEqual([79, 7 + 2 + 2 + 6 + 2]);
  });

  it("a sheet with the same used range but its merged area cut in two is not taken for the one before", async () => {
    const base = layout()[0] as SeedSheet;
    const sheets: SeedSheet[] = [
      { ...base, name: "甲" },
      { ...base, name: "乙", merges: ["A1:C1", "A300:C300", "A301:C301"] },
    ];
    const { adapter } = open(sheets);
    expect((await adapter.read()).sheets.map((x) => x.merges)).toEqual([
      [{ top: 1, left: 1, bottom: 1, right: 3 }, { top: 300, left: 1, bottom: 301, right: 3 }],
      [{ top: 1, left: 1, bottom: 1, right: 3 }, { top: 300, left: 1, bottom: 300, right: 3 }, { top: 301, left: 1, bottom: 301, right: 3 }],
    ]);
  });

  it("sees a format the clerk changed, a merge added and a merge removed since", async () => {
    for (const multiAreaReads of [false, true]) {
      const fake = fakeEt(seededState(layout()));
      const adapter = new WpsAdapter(() => fake.app, { breathe: false, multiAreaReads, xmlLayout: false });
      await adapter.read();
      const sheet = fake.state.find("表");
      (sheet?.cell(50, 2) as { numberFormat?: string }).numberFormat = "0%";
      sheet?.merges.splice(1, 1); // A300:C301 unmerged
      sheet?.merges.push({ top: 100, left: 3, bottom: 101, right: 4 });
      const again = (await adapter.read()).sheets[0];
      expect(again?.cells.find((c) => c.row === 50 && c.col === 2)?.numberFormat).toBe("0%");
      expect(again?.cells.find((c) => c.row === 51 && c.col === 2)?.numberFormat).toBe("0.00");
      expect(again?.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }, { top: 100, left: 3, bottom: 101, right: 4 }]);
    }
  });

  it("after a write, the formats it gave are known: a month written and read again reads right", async () => {
    const { fake, adapter } = open(layout());
    await adapter.read();
    await adapter.apply({ cellWrites: [{ sheet: "表", writes: [{ address: "B3", value: 5, numberFormat: "0.0" }, { address: "D5", value: "新" }] }], sheets: [] });
    const again = (await adapter.read()).sheets[0];
    expect(again?.cells.find((c) => c.row === 3 && c.col === 2)).toEqual({ row: 3, col: 2, value: 5, numberFormat: "0.0" });
    expect(again?.cells.find((c) => c.row === 5 && c.col === 4)).toEqual({ row: 5, col: 4, value: "新", numberFormat: "General" });
    void fake;
  });
});

describe("apply()", () => {
  const plan = (p: Partial<WritePlan>): WritePlan => ({ cellWrites: [], sheets: [], ...p });

  it("writes through Value2 and Formula, never Value; text stays text; DisplayAlerts and ScreenUpdating are restored", async () => {
    const { fake, adapter } = open([{ name: "表", cells: [{ address: "A1", value: 1 }] }]);
    await adapter.apply(plan({ cellWrites: [{ sheet: "表", writes: [{ address: "A1", value: "001" }, { address: "B1", value: 93.5, numberFormat: "0.00" }, { address: "C1", value: null, formula: "A1*2" }] }] }));
    const sheet = fake.state.find("表");
    expect(fake.state.ignoredValueWrites).toBe(0);
    expect(sheet?.at("A1")).toEqual({ value: "001" });
    expect(sheet?.at("B1")).toEqual({ value: 93.5, numberFormat: "0.00" });
    expect(sheet?.at("C1")).toEqual({ value: null, formula: "=A1*2" });
    expect([fake.state.displayAlerts, fake.state.screenUpdating, fake.state.calculations]).toEqual([true, true, 1]);
  });

  it("styles as BGR numbers and Excel's constants; merges; widths in characters; the tab colour", async () => {
    const { fake, adapter } = open([{ name: "表", cells: [] }]);
    await adapter.apply(plan({ sheets: [ownedSheet("付款结算", "付款结算")] }));
    const sheet = fake.state.find("付款结算");
    expect(sheet?.at("A3")?.fill).toBe(0xf7ebdd); // #DDEBF7
    expect(sheet?.at("A3")?.font).toEqual({ bold: true });
    expect(sheet?.at("A1")?.horizontal).toBe(-4108); // xlCenter
    expect(sheet?.at("A1")?.font).toEqual({ bold: true, size: 16 });
    expect(sheet?.at("B4")?.borders?.[8]).toEqual({ lineStyle: 1, weight: 2 }); // xlEdgeTop: xlContinuous, xlThin
    expect(sheet?.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 6 }, { top: 4, left: 3, bottom: 5, right: 3 }]);
    expect([sheet?.columnWidths.get(1), sheet?.columnWidths.get(3), sheet?.rowHeights.get(1)]).toEqual([10, 36, 28]);
    expect(sheet?.tabColor).toBe(bgr("#1F4E79"));
    expect(sheet?.formatConditions).toEqual([{ range: "B10:B11", type: 1, operator: 6, formula1: "95", fill: bgr("#FCE4D6"), fontColor: bgr("#C00000") }]);
    expect(sheet?.validations).toEqual([{ range: "A4:A6", type: 3, alertStyle: 1, operator: 1, formula1: "1,2,3" }]);
    expect(sheet?.pageSetup).toMatchObject({ Orientation: 1, PaperSize: 9, PrintArea: "A1:F30", PrintTitleRows: "$1:$3", Zoom: false, FitToPagesWide: 1 });
    expect(adapter.skipped).toEqual([]);
    expect(sheet?.freezeRows).toBe(3);
    // Freezing activated the new sheet; the clerk's sheet is active again after the write.
    expect(fake.state.active).toBe("表");
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["表", "付款结算"]);
  });

  it("the payment sheet's line chart: ChartObjects().Add over the anchor cells, one series per line, categories as XValues", async () => {
    const { fake, adapter } = open([{ name: "表", cells: [] }]);
    const chart = { title: "月度考核得分与 95 分达标线", categories: "A10:A11", series: [{ name: "考核得分", values: "B10:B11" }, { name: "达标分 95", values: "C10:C11" }], anchor: { from: "E2", to: "F3" } };
    await adapter.apply(plan({ sheets: [{ ...ownedSheet("付款结算", "付款结算"), columnWidths: { A: 10 }, rowHeights: { 1: 28 }, chart }] }));
    // Left of E: A is 10 characters (0.75·(10·7+5) = 56.25 pt), B–D 8.43 (48.01 pt each); top of row 2: row 1 is 28 pt.
    expect(fake.state.find("付款结算")?.charts).toEqual([
      {
        left: 56.25 + 3 * 0.75 * (8.43 * 7 + 5),
        top: 28,
        width: 2 * 0.75 * (8.43 * 7 + 5),
        height: 30,
        type: 4,
        title: "月度考核得分与 95 分达标线",
        series: [
          { name: "考核得分", values: "付款结算!B10:B11", xValues: "付款结算!A10:A11" },
          { name: "达标分 95", values: "付款结算!C10:C11", xValues: "付款结算!A10:A11" },
        ],
      },
    ]);
    expect(adapter.skipped).toEqual([]);
  });

  it("a sheet replaced whole keeps its place; deleting asks nothing (DisplayAlerts off for the write)", async () => {
    const { fake, adapter } = open([{ name: "甲", cells: [] }, { name: "乙", cells: [{ address: "A1", value: "旧" }] }, { name: "丙", cells: [] }]);
    await adapter.apply(plan({ sheets: [{ name: "乙", cells: [{ address: "B2", value: "新" }], merges: [] }], deleteSheets: ["丙", "不存在"] }));
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["甲", "乙"]);
    expect(fake.state.find("乙")?.at("A1")).toBeUndefined();
    expect(fake.state.find("乙")?.at("B2")?.value).toBe("新");
    expect(fake.state.displayAlerts).toBe(true);
  });

  it("a protected sheet is unprotected for the write and protected after it", async () => {
    const { fake, adapter } = open([{ name: "定稿", cells: [{ address: "A1", value: 1 }], protected: true }]);
    await expect(adapter.apply(plan({ cellWrites: [{ sheet: "定稿", writes: [{ address: "A1", value: 2 }] }] }))).rejects.toThrow(/protected sheet/);
    await adapter.apply(plan({ cellWrites: [{ sheet: "定稿", writes: [{ address: "A1", value: 2 }] }], protectSheets: [{ sheet: "定稿", protect: false }, { sheet: "定稿", protect: true }] }));
    expect(fake.state.find("定稿")?.at("A1")?.value).toBe(2);
    expect(fake.state.find("定稿")?.protected).toBe(true);
  });

  it("a new undo record, written first, still lands after the new sheets the plan lists before it", async () => {
    const { fake, adapter } = open([{ name: "甲", cells: [] }]);
    await adapter.apply(plan({ sheets: [{ name: "付款结算", cells: [], merges: [] }, { name: "撤销记录", cells: [{ address: "A1", value: "记录" }], merges: [] }, { name: "计算说明", cells: [], merges: [] }] }));
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["甲", "付款结算", "撤销记录", "计算说明"]);
  });

  it("writes cost calls per rectangle, not per cell: 1 row of 3 cells and 300 rows of 3 cells cost the same", async () => {
    const counts: number[] = [];
    for (const n of [1, 300]) {
      const { fake, adapter } = open([{ name: "表", cells: [{ address: "A1", value: 0 }] }]);
      await adapter.read();
      const writes = Array.from({ length: n }, (_, i) => [1, 2, 3].map((col) => ({ address: a1(i + 2, col), value: i * col, numberFormat: "0.00" }))).flat();
      fake.state.resetCalls();
      await adapter.apply(plan({ cellWrites: [{ sheet: "表", writes }] }));
      counts.push(fake.state.calls);
      expect(fake.state.find("表")?.at(a1(n + 1, 3))?.value).toBe((n - 1) * 3);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(16);
  });

  it("a workbook with no open book says so in Chinese and English", async () => {
    const adapter = new WpsAdapter(() => ({ ActiveWorkbook: null }) as never, { breathe: false, xmlLayout: false });
    await expect(adapter.read()).rejects.toMatchObject({ messageZh: "WPS 表格中没有打开的工作簿。" });
  });

  it("an empty state reads as no sheets", async () => {
    const fake = fakeEt(new FakeEtState());
    expect(await new WpsAdapter(() => fake.app, { breathe: false, xmlLayout: false }).read()).toEqual({ sheets: [] });
  });
});
