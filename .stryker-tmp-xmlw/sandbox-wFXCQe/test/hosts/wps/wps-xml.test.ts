/**
 * Range.Value(11) (xlRangeValueXMLSpreadsheet): a sheet's formats and merged areas in one answer
 * (src/hosts/wps/xml-spreadsheet.ts), and the adapter's probe of it: checked against the documented
 * path until both agree on a merged area and a format, then used; refused for the pane's life on
 * any failure (fake-et.ts 19: "throws", "values", "garbage", "disagrees"), with a `skipped` line.
 * The adapter conformance suite runs with it off and with each failure mode here too.
 */
// @ts-nocheck

import { WpsAdapter, XML_LAYOUT_FEATURE } from "../../../src/hosts/wps/wps-adapter";
import { type XmlNode, defaultXmlParse, formatCode, sheetLayout } from "../../../src/hosts/wps/xml-spreadsheet";
import { type ConformanceHost, describeAdapterConformance, expectSameSnapshot, expectedSnapshot } from "../conformance";
import { type FakeEtOptions, type SeedSheet, type XmlSpreadsheetMode, fakeEt, seededState } from "./fake-et";

let parse: (text: string) => XmlNode | null;
beforeAll(async () => {
  const p = await defaultXmlParse({}); // Node: no DOMParser, the project's saxes parser
  if (!p) throw new Error("no XML parser");
  parse = p;
});

const open = (sheets: readonly SeedSheet[], options: FakeEtOptions = {}) => {
  const fake = fakeEt(seededState(sheets, options));
  fake.state.logging = true;
  return { fake, adapter: new WpsAdapter(() => fake.app, { breathe: false }) };
};
const calls = (log: readonly string[], from: number, to = log.length) => to - from;
const itemAt = (log: readonly string[], n: number) => log.findIndex((l) => l.endsWith(`.Item(${n})`));

// A scorecard's shape (merged title and item column, numbers in "0.00", text in "@"), and a plain list.
const CARD: SeedSheet = {
  name: "2025年10月",
  cells: [
    { address: "A1", value: "考核表" },
    { address: "A2", value: "考核月份" },
    { address: "C2", value: "2025-10", numberFormat: "@" },
    ...Array.from({ length: 6 }, (_, i) => [
      { address: `A${i + 4}`, value: i + 1 },
      { address: `C${i + 4}`, value: `指标${i}` },
      { address: `D${i + 4}`, value: 90 + i / 4, numberFormat: "0.00" },
      { address: `E${i + 4}`, value: 0.9 + i / 100, numberFormat: "0.0%" },
    ]).flat(),
    { address: "B4", value: "服务" },
  ],
  merges: ["A1:E1", "B4:B9"],
};
const LIST: SeedSheet = {
  name: "事件",
  cells: [
    { address: "A1", value: "日期" },
    { address: "B1", value: "分值" },
    { address: "A2", value: 45930, numberFormat: "yyyy-mm-dd" },
    { address: "B2", value: -2 },
    { address: "A3", value: 45931, numberFormat: "yyyy-mm-dd" },
    { address: "B3", value: null, formula: "1/0" },
  ],
};

describe("the XML Spreadsheet answer, read", () => {
  const xml = (table: string, styles = "") =>
    `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Styles><Style ss:ID="Default"/>${styles}</Styles><Worksheet ss:Name="表">${table}</Worksheet></Workbook>`;

  it("rows and cells follow one another unless ss:Index says; a merged cell's next cell comes after the columns it covers", () => {
    const text = xml(
      `<Table ss:ExpandedRowCount="5" ss:ExpandedColumnCount="6"><Row><Cell ss:MergeAcross="2"><Data ss:Type="String">标题</Data></Cell><Cell ss:StyleID="f"><Data ss:Type="Number">1</Data></Cell></Row>` +
        `<Row ss:Index="3"><Cell ss:Index="2" ss:MergeDown="2" ss:StyleID="p"><Data ss:Type="Number">0.5</Data></Cell><Cell ss:StyleID="c"><Data ss:Type="Error">#DIV/0!</Data></Cell></Row><Row><Cell ss:Index="6" ss:StyleID="d"/></Row></Table>`,
      `<Style ss:ID="f"><NumberFormat ss:Format="Fixed"/></Style><Style ss:ID="p" ss:Parent="q"/><Style ss:ID="q"><NumberFormat ss:Format="Percent"/></Style><Style ss:ID="c"><NumberFormat ss:Format="yyyy&quot;年&quot;m&quot;月&quot;"/></Style><Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style>`,
    );
    const layout = sheetLayout(parse(text) as XmlNode, 5, 6);
    expect(layout?.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }, { top: 3, left: 2, bottom: 5, right: 2 }]);
    expect([...(layout?.cells.values() ?? [])].map((c) => [c.row, c.col, c.format, c.type, c.text])).toEqual([
      [1, 1, "General", "String", "标题"],
      [1, 4, "0.00", "Number", "1"],
      [3, 2, "0.00%", "Number", "0.5"],
      [3, 3, 'yyyy"年"m"月"', "Error", "#DIV/0!"],
      [4, 6, null, null, ""], // "Short Date": the locale's; asked
    ]);
  });

  it("refuses an answer that does not fit the range: another size, a cell or a merge outside, an index going back, an unknown style, not a workbook", () => {
    const fits = (table: string, rows = 2, cols = 2) => sheetLayout(parse(xml(table)) as XmlNode, rows, cols) !== null;
    expect(fits(`<Table><Row><Cell/><Cell/></Row><Row/></Table>`)).toBe(true);
    expect(fits(`<Table ss:ExpandedRowCount="3"><Row><Cell/></Row></Table>`)).toBe(false);
    expect(fits(`<Table><Row><Cell ss:Index="3"/></Row></Table>`)).toBe(false);
    expect(fits(`<Table><Row ss:Index="2"><Cell ss:MergeDown="1"/></Row></Table>`)).toBe(false);
    expect(fits(`<Table><Row><Cell ss:Index="2"/><Cell ss:Index="1"/></Row></Table>`)).toBe(false);
    expect(fits(`<Table><Row><Cell ss:StyleID="nope"/></Row></Table>`)).toBe(false);
    expect(fits(`<Table><Row ss:Index="x"/></Table>`)).toBe(false);
    expect(sheetLayout(parse("<Other/>") as XmlNode, 1, 1)).toBeNull();
    expect(parse("<Workbook><Table>")).toBeNull();
  });

  it("named formats: the locale-free ones mapped, the others not", () => {
    expect(["General Number", "Fixed", "Standard", "Percent", "Scientific", "0.0%", "@", undefined, "Short Date", "Currency"].map((f) => formatCode(f))).toEqual(["General", "0.00", "#,##0.00", "0.00%", "0.00E+00", "0.0%", "@", "General", null, null]);
  });

  it("the fake's answer as Excel documents it: the Table from the range's top-left cell, named formats, covered cells left out", () => {
    const { fake } = open([CARD]);
    const text = (fake.app.ActiveWorkbook?.Worksheets.Item(1).Range("A1:E9").Value(11) ?? "") as string;
    expect(text).toContain('<NumberFormat ss:Format="Fixed"/>');
    expect(text).toContain('<NumberFormat ss:Format="0.0%"/>');
    expect(text).toContain('<Row><Cell ss:MergeAcross="4"><Data ss:Type="String">考核表</Data></Cell></Row>');
    const shifted = (fake.app.ActiveWorkbook?.Worksheets.Item(1).Range("B4:E9").Value(11) ?? "") as string;
    expect(sheetLayout(parse(shifted) as XmlNode, 6, 4)?.merges).toEqual([{ top: 1, left: 1, bottom: 6, right: 1 }]);
    expect(() => fake.app.ActiveWorkbook?.Worksheets.Item(1).Range("A1:A2,C1").Value(11)).toThrow(/noncontiguous/);
  });
});

describe("the adapter with Range.Value(11)", () => {
  it("the first read checks the answer against the documented path on the scorecard, then reads each sheet in 8 calls; the snapshots are exact", async () => {
    const { fake, adapter } = open([CARD, LIST, { ...CARD, name: "2025年11月" }]);
    const first = await adapter.read();
    expectSameSnapshot(first, expectedSnapshot([CARD, LIST, { ...CARD, name: "2025年11月" }]));
    expect(adapter.xmlLayoutState).toBe("on");
    expect(adapter.skipped).toEqual([]);
    const log = fake.state.log;
    // The scorecard: the documented path (template-free: halving) and one Value(11); the other two:
    // Item, Name, ProtectContents, UsedRange, Address, Value2, Formula, Value(11) — the list's error
    // cell told by the answer's Data ss:Type, no Text.
    expect(log.slice(itemAt(log, 1), itemAt(log, 2)).filter((l) => l.endsWith(".Value(11)"))).toHaveLength(1);
    expect(calls(log, itemAt(log, 1), itemAt(log, 2))).toBeGreaterThan(20);
    expect([calls(log, itemAt(log, 2), itemAt(log, 3)), calls(log, itemAt(log, 3))]).toEqual([8, 8]);
    expect(log.filter((l) => l.endsWith(".Text"))).toEqual([]);
    fake.state.resetCalls();
    expectSameSnapshot(await adapter.read(), first);
    expect(fake.state.calls).toBe(3 + 3 * 8);
    expect(fake.state.log.filter((l) => /\.(NumberFormat|MergeCells|MergeArea)$/.test(l))).toEqual([]);
  });

  it("a sheet of one format and no merged area leaves the probe open (nothing to agree on): documented path and one Value(11)", async () => {
    const plain: SeedSheet = { name: "台账", cells: [{ address: "A1", value: 1 }, { address: "B2", value: 2 }] };
    const { fake, adapter } = open([plain, CARD]);
    await adapter.read();
    expect(adapter.xmlLayoutState).toBe("on"); // the scorecard settled it
    const log = fake.state.log;
    expect(log.slice(itemAt(log, 1), itemAt(log, 2)).map((l) => l.replace(/^.*\.Item\(1?\)/, ""))).toEqual(["", ".Name", ".ProtectContents", ".UsedRange", ".UsedRange.Address(false,false)", ".UsedRange.Value2", ".UsedRange.Formula", ".UsedRange.NumberFormat", ".UsedRange.MergeCells", ".UsedRange.Value(11)"]);
    const alone = open([plain]);
    await alone.adapter.read();
    expect(alone.adapter.xmlLayoutState).toBe("probe");
  });

  it("a named format the adapter does not map (Short Date) is asked; the snapshot is exact", async () => {
    const dated: SeedSheet = { ...LIST, cells: LIST.cells.map((c) => (c.address === "A3" ? { ...c, numberFormat: "m/d/yyyy" } : c)) };
    const { fake, adapter } = open([CARD, dated]);
    await adapter.read();
    fake.state.resetCalls();
    expectSameSnapshot(await adapter.read(), expectedSnapshot([CARD, dated]));
    const log = fake.state.log;
    const asked = log.flatMap((l, i) => (log[i + 1]?.endsWith(".NumberFormat") ? [/Range\("([^"]+)"\)$/.exec(l)?.[1]] : []));
    expect(asked).toEqual(["A3"]);
    expect(calls(log, itemAt(log, 2))).toBe(8 + 2);
  });

  it("a value left in a cell a merged area covers (another program's file) is not in the answer: its format is asked, the pane stays on", async () => {
    const { fake, adapter } = open([CARD, LIST]);
    await adapter.read();
    const cell = fake.state.find("事件")?.cell(1, 3) as { value: unknown; numberFormat?: string };
    cell.value = 7;
    cell.numberFormat = "0.0";
    fake.state.find("事件")?.merges.push({ top: 1, left: 2, bottom: 1, right: 3 });
    fake.state.resetCalls();
    const got = (await adapter.read()).sheets[1];
    expect(adapter.xmlLayoutState).toBe("on");
    expect(got?.cells.find((c) => c.row === 1 && c.col === 3)).toEqual({ row: 1, col: 3, value: 7, numberFormat: "0.0" });
    expect(got?.merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 3 }]);
    const log = fake.state.log;
    expect(calls(log, itemAt(log, 2))).toBe(8 + 2);
  });

  it("an answer that stops fitting later (another build, a changed sheet): that sheet read the documented way, the pane falls back for good", async () => {
    const { fake, adapter } = open([CARD, LIST]);
    await adapter.read();
    expect(adapter.xmlLayoutState).toBe("on");
    fake.state.xmlSpreadsheet = "garbage";
    expectSameSnapshot(await adapter.read(), expectedSnapshot([CARD, LIST]));
    expect(adapter.xmlLayoutState).toBe("off");
    fake.state.xmlSpreadsheet = "excel";
    fake.state.resetCalls();
    await adapter.read();
    expect(fake.state.log.filter((l) => l.endsWith(".Value(11)"))).toEqual([]);
  });
});

describe("each way a build can refuse: the pane falls back for its life, says so, and reads exactly", () => {
  const modes: [XmlSpreadsheetMode, RegExp][] = [
    ["throws", /调用出错/],
    ["values", /未返回文本/],
    ["garbage", /不是 XML/],
    ["disagrees", /不一致/],
  ];
  it.each(modes)("%s", async (mode, reason) => {
    const { fake, adapter } = open([LIST, CARD], { xmlSpreadsheet: mode });
    const first = await adapter.read();
    expectSameSnapshot(first, expectedSnapshot([LIST, CARD]));
    expect(adapter.xmlLayoutState).toBe("off");
    expect(adapter.skipped.map((s) => s.feature)).toEqual([XML_LAYOUT_FEATURE]);
    expect(adapter.skipped[0]?.messageZh).toMatch(reason);
    expect(adapter.skipped[0]?.messageEn).toMatch(/Range\.Value\(11\)/);
    fake.state.resetCalls();
    expectSameSnapshot(await adapter.read(), first);
    expect(fake.state.log.filter((l) => l.endsWith(".Value(11)"))).toEqual([]);
    // The line stays through a write (apply() starts its own list of what it left out).
    await adapter.apply({ cellWrites: [{ sheet: "事件", writes: [{ address: "C1", value: "备注" }] }], sheets: [] });
    expect(adapter.skipped.map((s) => s.feature)).toEqual([XML_LAYOUT_FEATURE]);
  });

  it("off by option: never asked, no line", async () => {
    const fake = fakeEt(seededState([CARD]));
    fake.state.logging = true;
    const adapter = new WpsAdapter(() => fake.app, { breathe: false, xmlLayout: false });
    await adapter.read();
    expect([adapter.xmlLayoutState, adapter.skipped, fake.state.log.filter((l) => l.includes("Value("))]).toEqual(["off", [], []]);
  });

  it("no XML parser in the page: off, with a line", async () => {
    const fake = fakeEt(seededState([CARD]));
    const adapter = new WpsAdapter(() => fake.app, { breathe: false, xmlParse: () => null });
    await adapter.read();
    expect(adapter.xmlLayoutState).toBe("off");
    expect(adapter.skipped[0]?.messageEn).toMatch(/not XML/);
  });
});

// The adapter contract with Range.Value(11) off, and with each way a build refuses it (the default,
// on, is test/hosts/conformance.test.ts's WPS host).
const wpsHost = (options: FakeEtOptions, xmlLayout = true): ConformanceHost => ({
  async open(workbook) {
    const fake = fakeEt(seededState(workbook.sheets, options));
    return {
      adapter: new WpsAdapter(() => fake.app, { breathe: false, xmlLayout }),
      reopen: () => new WpsAdapter(() => fake.app, { breathe: false, xmlLayout }).read(),
    };
  },
});
describeAdapterConformance("WPS, Range.Value(11) off (documented path)", wpsHost({}, false));
for (const mode of ["throws", "values", "garbage", "disagrees"] as const) describeAdapterConformance(`WPS, Range.Value(11) ${mode}`, wpsHost({ xmlSpreadsheet: mode }));
