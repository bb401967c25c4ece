/**
 * The bridge-call budget (issue 16): what each saving does to the workbook, and what it costs.
 * Every saving leans on a behaviour the fake models with its source (fake-et.ts, 18 and 18b):
 * Range.Merge(True) merges row by row; the Borders collection's LineStyle / Weight set every edge and
 * inside line. The rest is the adapter asking fewer, larger questions, checked against exact reads.
 */
import { WpsAdapter, mergeCalls, mergeTiles, valueBlocks } from "../../../src/hosts/wps/wps-adapter";
import { type MergedRange, type SheetSpec, type WritePlan, a1 } from "../../../src/workbook/model";
import { expectSameSnapshot, expectedSnapshot } from "../conformance";
import { type SeedSheet, fakeEt, seededState } from "./fake-et";

const open = (sheets: readonly SeedSheet[]) => {
  const fake = fakeEt(seededState(sheets));
  fake.state.logging = true;
  return { fake, adapter: new WpsAdapter(() => fake.app, { breathe: false }) };
};
const plan = (sheets: SheetSpec[]): WritePlan => ({ cellWrites: [], sheets });
const r = (top: number, left: number, bottom: number, right: number): MergedRange => ({ top, left, bottom, right });
const byPlace = (a: MergedRange, b: MergedRange) => a.top - b.top || a.left - b.left;

describe("the fake: the behaviours the savings rely on", () => {
  it("Range.Merge(True) merges each row of the range apart; a one-cell row is left alone", () => {
    const { fake } = open([{ name: "表", cells: [] }]);
    const app = fake.app as unknown as { Range(a: string): { Merge(across?: boolean): void } };
    app.Range("A1:C2").Merge(true);
    app.Range("E1:E3").Merge(true);
    app.Range("G1:H2").Merge();
    expect([...(fake.state.find("表")?.merges ?? [])].sort(byPlace)).toEqual([r(1, 1, 1, 3), r(1, 7, 2, 8), r(2, 1, 2, 3)]);
  });

  it("the Borders collection's LineStyle and Weight set every edge and inside line of every cell, not the diagonals", () => {
    const { fake } = open([{ name: "表", cells: [] }]);
    const app = fake.app as unknown as { Range(a: string): { Borders: { LineStyle: number; Weight: number } } };
    const borders = app.Range("A1:B2").Borders;
    borders.LineStyle = 1;
    borders.Weight = -4138;
    const cell = fake.state.find("表")?.at("B2");
    expect(cell?.borders).toEqual(Object.fromEntries([7, 8, 9, 10, 11, 12].map((i) => [i, { lineStyle: 1, weight: -4138 }])));
    expect([app.Range("A1:B2").Borders.LineStyle, app.Range("A1:C2").Borders.LineStyle]).toEqual([1, null]);
  });
});

describe("writing a fresh sheet", () => {
  it("stacked one-row merges of the same columns are one Merge(True); every area is merged as the plan says", async () => {
    const merges = ["A1:G1", "B5:C5", "B6:C6", "B7:C7", "E5:G5", "E6:G6", "C10:C11", "B9:C9"];
    expect(mergeCalls(merges.map((m) => ({ ...r(0, 0, 0, 0), ...boundsOf(m) })))).toEqual([
      { rect: r(1, 1, 1, 7), across: false },
      { rect: r(5, 2, 7, 3), across: true },
      { rect: r(5, 5, 6, 7), across: true },
      { rect: r(9, 2, 9, 3), across: false },
      { rect: r(10, 3, 11, 3), across: false },
    ]);
    const { fake, adapter } = open([{ name: "甲", cells: [] }]);
    await adapter.apply(plan([{ name: "表", cells: [{ address: "A1", value: "标题" }], merges }]));
    expect([...(fake.state.find("表")?.merges ?? [])].sort(byPlace)).toEqual(merges.map(boundsOf).sort(byPlace));
    expect(fake.state.log.filter((l) => l.includes(".Merge("))).toHaveLength(5);
  });

  it("styles one property at a time: a shared property is set once, whatever the cells' other properties", async () => {
    const { fake, adapter } = open([{ name: "甲", cells: [] }]);
    const cells = [
      { address: "A1", value: "甲", style: { bold: true, fill: "#FF0000" } },
      { address: "A2", value: "乙", style: { bold: true, fill: "#00FF00", horizontal: "center" as const } },
      { address: "A3", value: "丙", style: { bold: true, border: "thin" as const } },
      { address: "B3", value: "丁", style: { border: "thin" as const } },
    ];
    await adapter.apply(plan([{ name: "表", cells, merges: [] }]));
    const sheet = fake.state.find("表");
    expect([1, 2, 3].map((row) => [sheet?.at(`A${row}`)?.font?.bold, sheet?.at(`A${row}`)?.fill])).toEqual([
      [true, 0x0000ff],
      [true, 0x00ff00],
      [true, undefined],
    ]);
    expect(sheet?.at("A2")?.horizontal).toBe(-4108);
    expect(sheet?.at("B3")?.borders?.[11]).toEqual({ lineStyle: 1, weight: 2 }); // inside vertical of A3:B3
    const sets = (what: string) => fake.state.log.filter((l) => l.endsWith(what)).length;
    expect([sets(".Bold="), sets(".Interior.Color="), sets(".HorizontalAlignment="), sets(".Borders.LineStyle="), sets(".Borders.Weight=")]).toEqual([1, 2, 1, 1, 1]);
    expect(fake.state.log.filter((l) => l.includes("Borders.Item("))).toEqual([]);
  });

  it("a fresh sheet's values go in one Value2 when its box is mostly full (paragraphs with blank lines between), by row blocks when sparse", async () => {
    expect(valueBlocks([{ row: 1, col: 1 }, { row: 2, col: 3 }, { row: 4, col: 1 }, { row: 6, col: 2 }])).toEqual([r(1, 1, 6, 3)]);
    expect(valueBlocks([{ row: 1, col: 1 }, { row: 1, col: 2 }, { row: 500, col: 30 }])).toEqual([r(1, 1, 1, 2), r(500, 30, 500, 30)]);
    const { fake, adapter } = open([{ name: "甲", cells: [] }]);
    const cells = [1, 2, 4, 5, 7, 9].map((row, i) => ({ address: a1(row, 1 + (i % 3)), value: `第${i + 1}段` }));
    await adapter.apply(plan([{ name: "说明", cells, merges: [] }]));
    expect(fake.state.log.filter((l) => l.endsWith(".Value2="))).toHaveLength(1);
    const sheet = fake.state.find("说明");
    expect(cells.map((c) => sheet?.at(c.address)?.value)).toEqual(cells.map((c) => c.value));
    expect(sheet?.at("A3")?.value ?? null).toBeNull(); // written blank: still a blank cell
  });
});

describe("one action: read, plan, apply", () => {
  it("the apply right after a read writes through the read's worksheets: no Item(name), no Count; an apply with no read before asks", async () => {
    const { fake, adapter } = open([{ name: "甲", cells: [{ address: "A1", value: 1 }] }, { name: "乙", cells: [{ address: "A1", value: "旧" }] }]);
    await adapter.read();
    const step = (value: number): WritePlan => ({ cellWrites: [{ sheet: "甲", writes: [{ address: "B1", value }] }], sheets: [{ name: "丙", cells: [{ address: "A1", value }], merges: [] }, { name: "乙", cells: [{ address: "A1", value: "新" }], merges: [] }] });
    fake.state.resetCalls();
    await adapter.apply(step(2));
    expect(fake.state.log.filter((l) => /\.(Item\([^)]*\)|Count)$/.test(l))).toEqual([]);
    expect(fake.state.sheets.map((x) => [x.name, x.at("A1")?.value])).toEqual([["甲", 1], ["乙", "新"], ["丙", 2]]);
    expect(fake.state.find("甲")?.at("B1")?.value).toBe(2);
    fake.state.resetCalls();
    await adapter.apply(step(3)); // no read since: the sheets are asked for by name
    expect(fake.state.log.filter((l) => l.includes('.Item("甲")'))).toHaveLength(1);
    expect(fake.state.sheets.map((x) => [x.name, x.at("A1")?.value])).toEqual([["甲", 1], ["乙", "新"], ["丙", 3]]);
  });
});

describe("reading again in the same pane", () => {
  // A scorecard's shape: text in General scattered around a block of scores in "0.00" and a text cell in "@".
  const card = (blank?: { address: string; numberFormat: string }): SeedSheet[] => [
    {
      name: "卡",
      cells: [
        { address: "A1", value: "标题" },
        { address: "C2", value: "001", numberFormat: "@" },
        ...Array.from({ length: 12 }, (_, i) => [
          { address: `A${i + 3}`, value: `项目${i}` },
          { address: `C${i + 3}`, value: `说明${i}` },
          { address: `E${i + 3}`, value: `备注${i}` },
          { address: `D${i + 3}`, value: 90 + i / 4, numberFormat: "0.00" },
        ]).flat(),
        ...(blank ? [{ address: blank.address, value: null, numberFormat: blank.numberFormat }] : []),
      ],
      merges: ["A1:E1", "B3:B6", "B7:B14"],
    },
  ];

  it("the format of most blocks is asked over a few row bands, blanks included: fewer calls, the same snapshot", async () => {
    const { fake, adapter } = open(card());
    const first = await adapter.read();
    expectSameSnapshot(first, expectedSnapshot(card()));
    fake.state.resetCalls();
    expectSameSnapshot(await adapter.read(), first);
    const formatQuestions = fake.state.log.filter((l) => l.endsWith(".NumberFormat")).length;
    // 1 for the used range; "General" (A1, A3:A14, C3:C14, E3:E14 — 4 blocks, the most) over the used
    // range less D3:D14 and C2: A1:E1, A3:C14, E3:E14 (row 2's two rectangles hold no General cell:
    // not asked); "0.00" and "@" one block each.
    expect(formatQuestions).toBe(1 + 3 + 2);
    // Merges: 1 for the used range; A1:E1 and B3:B14 (the two stacked areas as one tile) all merged;
    // nothing merged in the 3 rectangles around them (A2:E2, A3:A14, C3:E14).
    expect(fake.state.log.filter((l) => l.endsWith(".MergeCells")).length).toBe(1 + 2 + 3);
    expect(mergeTiles([r(3, 2, 6, 2), r(7, 2, 14, 2), r(1, 1, 1, 5)])).toEqual([r(1, 1, 1, 5), r(3, 2, 14, 2)]);
  });

  it("a blank cell of another format inside a band, or a format the clerk changed, still reads exact (the band's cells asked block by block)", async () => {
    const seeded = card({ address: "B10", numberFormat: "yyyy-mm-dd" }); // blank, inside the band A3:C14 and the merged B7:B14
    const { fake, adapter } = open(seeded);
    const first = await adapter.read();
    expectSameSnapshot(first, expectedSnapshot(seeded));
    fake.state.resetCalls();
    expectSameSnapshot(await adapter.read(), first);
    // The band A3:C14 answered null (B10): its General cells were asked block by block.
    const formatAsked = fake.state.log.flatMap((l, i) => (fake.state.log[i + 1]?.endsWith(".NumberFormat") ? [/Range\("([^"]+)"\)$/.exec(l)?.[1]] : []));
    expect(formatAsked.filter((a) => a === "A3:C14" || a === "A3:A14" || a === "C3:C14")).toEqual(["A3:C14", "A3:A14", "C3:C14"]);
    (fake.state.find("卡")?.cell(9, 3) as { numberFormat?: string }).numberFormat = "@";
    const again = await adapter.read();
    expect(again.sheets[0]?.cells.find((c) => c.row === 9 && c.col === 3)?.numberFormat).toBe("@");
    const changed = seeded.map((sheet) => ({ ...sheet, cells: sheet.cells.map((c) => (c.address === "C9" ? { ...c, numberFormat: "@" } : c)) }));
    expectSameSnapshot(again, expectedSnapshot(changed));
  });
});

function boundsOf(address: string): MergedRange {
  const [from = "", to = from] = address.split(":");
  const p = (x: string) => ({ col: x.replace(/\d+/g, "").split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(x.replace(/\D+/g, "")) });
  const a = p(from);
  const b = p(to);
  return r(a.row, a.col, b.row, b.col);
}
