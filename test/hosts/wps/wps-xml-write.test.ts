/**
 * A fresh sheet's cells in one call, Range("A1:…").Value(11, xml) (xml-spreadsheet-write.ts, and
 * WpsAdapter `fillFromXml` / `checkXmlWrite`): the text says what the documented path would write;
 * the sheet it makes is the sheet the documented path makes (compared in the fake, `shown`); the
 * first sheet of a pane written so is checked, and a build that refuses it, ignores it or leaves any
 * aspect out gets the documented path for the pane's life — the same sheet, a line in `skipped`.
 */
import { WpsAdapter, XML_WRITE_FEATURE, type WpsAdapterOptions } from "../../../src/hosts/wps/wps-adapter";
import { sheetXml, styleBody } from "../../../src/hosts/wps/xml-spreadsheet-write";
import { sheetLayout, type XmlNode } from "../../../src/hosts/wps/xml-spreadsheet";
import { parseXml, type XmlElement } from "../../../src/hosts/file/package/xml";
import { runWorkbookAsync } from "../../../src/workbook/plan";
import { buildPaymentSheet } from "../../../src/workbook/sheets/payment-sheet";
import { buildMonthSheet } from "../../../src/workbook/sheets/template";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import type { SheetSpec, WritePlan } from "../../../src/workbook/model";
import { AS_OF, NOW, exampleWorkbook, generatedWorkbook } from "../../../bench/workbooks";
import { type FakeEtOptions, type XmlWriteAspect, fakeEt, seededState, shown } from "./fake-et";

const plan = (sheets: SheetSpec[]): WritePlan => ({ cellWrites: [], sheets });

/** The tree of a text, as xml-spreadsheet.ts's reader takes it. */
const node = (el: XmlElement): XmlNode => ({
  local: el.local,
  attrs: Object.fromEntries(Object.entries(el.attrs).filter(([k]) => !k.startsWith("xmlns")).map(([k, v]) => [k.slice(k.indexOf(":") + 1), v])),
  children: el.children.map(node),
  text: el.text,
});
const tree = (xml: string) => node(parseXml(xml, "test").root);
const find = (n: XmlNode, local: string): XmlNode[] => [...(n.local === local ? [n] : []), ...n.children.flatMap((c) => find(c, local))];

/** Every aspect the text carries, on a few cells. */
const everything = (): SheetSpec => ({
  name: "样表",
  cells: [
    { address: "A1", value: "标题 <含 & 与 \"引号\">", style: { bold: true, fontSize: 14, vertical: "middle" } },
    { address: "B1", value: null, style: { bold: true, fontSize: 14 } },
    { address: "C1", value: null, style: { bold: true, fontSize: 14 } },
    { address: "A2", value: "第一行\n第二行", style: { wrap: true, italic: true, fontColor: "#595959" } },
    { address: "A3", value: "项目", style: { fill: "#dDEBF7", horizontal: "center", border: "thin" } },
    { address: "B3", value: 95.5, numberFormat: "0.00", style: { horizontal: "right", border: "thin" } },
    { address: "C3", value: 0.125, numberFormat: "0.0%", style: { border: "medium", vertical: "top" } },
    { address: "A4", value: true },
    { address: "B4", value: "001" },
    { address: "C4", value: "=1+1" },
    { address: "A5", value: "'开头撇号" },
    { address: "B5", value: "2025-10" },
    { address: "C5", value: "50%", numberFormat: "@" },
    { address: "A7", value: "合计", style: { bold: true, fill: "#E2EFDA", horizontal: "left", vertical: "bottom", border: "thin" } },
    { address: "B7", value: null, style: { bold: true, fill: "#E2EFDA", horizontal: "left", vertical: "bottom", border: "thin" } },
    { address: "C7", value: -12.5, style: { bold: true, fill: "#E2EFDA", horizontal: "left", vertical: "bottom", border: "thin" } },
  ],
  merges: ["A1:C1", "A7:B7"],
  columnWidths: { A: 18, B: 12, C: 10 },
  rowHeights: { 1: 24, 2: 33, 9: 12 },
});

/** The spec written by one pane into a fresh fake; what the fake holds after, its log and the pane. */
async function write(specs: SheetSpec[], options: WpsAdapterOptions = {}, fakeOptions: FakeEtOptions = {}) {
  const fake = fakeEt(seededState([{ name: "甲", cells: [{ address: "A1", value: 1 }] }], fakeOptions));
  const adapter = new WpsAdapter(() => fake.app, { breathe: false, ...options });
  fake.state.logging = true;
  await adapter.read();
  fake.state.resetCalls();
  await adapter.apply(plan(specs));
  return { fake, adapter, sheets: fake.state.sheets.map(shown), log: fake.state.log };
}
const documented = async (specs: SheetSpec[]) => (await write(specs, { xmlWrites: false })).sheets;

describe("the text (sheetXml)", () => {
  it("one Style a combination of style and number format, named by the cells that use it; a cell with neither has no StyleID", () => {
    const x = sheetXml(everything());
    if (!x) throw new Error("not written");
    const root = tree(x.xml);
    const styles = find(root, "Style");
    // A1 (its merged area), A2, A3, B3, C3, C5 ("@"), A7 (its merged area, and C7): 7 combinations.
    expect(styles.map((s) => s.attrs.ID)).toEqual(["s1", "s2", "s3", "s4", "s5", "s6", "s7"]);
    const cells = find(root, "Cell");
    // A1 | A2 | A3 B3 C3 | A4 B4 C4 | A5 B5 C5 | A7 C7 (B1, C1 and B7 covered)
    expect(cells.map((c) => c.attrs.StyleID ?? "-")).toEqual(["s1", "s2", "s3", "s4", "s5", "-", "-", "-", "-", "-", "s6", "s7", "s7"]);
    expect(find(root, "Worksheet")[0]?.attrs.Name).toBe("样表");
    expect(find(root, "Table")[0]?.attrs).toEqual({ ExpandedColumnCount: "3", ExpandedRowCount: "9" });
    expect(x.address).toBe("A1:C9");
    expect([x.rows, x.cols]).toEqual([9, 3]);
  });

  it("the whole text of a small sheet, exactly", () => {
    const x = sheetXml({
      name: "小<表>",
      cells: [
        { address: "A1", value: "甲", style: { bold: true } },
        { address: "D1", value: 1.5, numberFormat: "0.00" },
        { address: "C2", value: 3, formula: "D1*2", style: { bold: true } },
        { address: "E2", value: "" , style: { bold: true } },
        { address: "A4", value: true },
      ],
      // B1:C1's first cell is not in the spec; E3:E4 merges down only (and is written as Excel gives addresses).
      merges: ["B1:C1", "$E$3:$E$4"],
      rowHeights: { 2: 20.25 },
    });
    expect(x?.xml).toBe(
      `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n` +
        `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">` +
        `<Styles><Style ss:ID="s1"><Font ss:Bold="1"/></Style><Style ss:ID="s2"><NumberFormat ss:Format="0.00"/></Style></Styles>` +
        `<Worksheet ss:Name="小&lt;表&gt;"><Table ss:ExpandedColumnCount="5" ss:ExpandedRowCount="4">` +
        `<Row><Cell ss:StyleID="s1"><Data ss:Type="String">甲</Data></Cell><Cell ss:MergeAcross="1"></Cell><Cell ss:StyleID="s2"><Data ss:Type="Number">1.5</Data></Cell></Row>` +
        `<Row ss:AutoFitHeight="0" ss:Height="20.25"><Cell ss:Index="3" ss:StyleID="s1"></Cell><Cell ss:Index="5" ss:StyleID="s1"></Cell></Row>` +
        `<Row><Cell ss:Index="5" ss:MergeDown="1"></Cell></Row>` +
        `<Row><Cell><Data ss:Type="Boolean">1</Data></Cell></Row>` +
        `</Table></Worksheet></Workbook>`,
    );
    expect(x?.address).toBe("A1:E4");
    expect(x?.heights).toEqual([{ row: 2, size: 20.25 }]);
    // No merged area to reach the last column: the cells give the range.
    expect(sheetXml({ name: "d", cells: [{ address: "D2", value: 1 }, { address: "B5", value: 2 }], merges: [] })?.address).toBe("A1:D5");
    expect(sheetXml({ name: "h", cells: [{ address: "A1", value: 1 }], merges: [], rowHeights: { 7: 30, 3: 12 } })?.heights).toEqual([
      { row: 3, size: 12 },
      { row: 7, size: 30 },
    ]);
  });

  it("each property as the XML Spreadsheet Reference spells it", () => {
    expect(styleBody({ bold: true, italic: true, fontSize: 14, fontColor: "#59595a" }, undefined)).toBe(`<Font ss:Bold="1" ss:Italic="1" ss:Size="14" ss:Color="#59595A"/>`);
    expect(styleBody({ horizontal: "center", vertical: "middle", wrap: true }, undefined)).toBe(`<Alignment ss:Horizontal="Center" ss:Vertical="Center" ss:WrapText="1"/>`);
    expect(styleBody({ horizontal: "left", vertical: "top" }, undefined)).toBe(`<Alignment ss:Horizontal="Left" ss:Vertical="Top"/>`);
    expect(styleBody({ horizontal: "right", vertical: "bottom" }, undefined)).toBe(`<Alignment ss:Horizontal="Right" ss:Vertical="Bottom"/>`);
    const edges = (w: number) => `<Borders>${["Left", "Top", "Right", "Bottom"].map((p) => `<Border ss:Position="${p}" ss:LineStyle="Continuous" ss:Weight="${w}"/>`).join("")}</Borders>`;
    expect(styleBody({ border: "thin" }, undefined)).toBe(edges(1));
    expect(styleBody({ border: "medium" }, undefined)).toBe(edges(2));
    expect(styleBody({ border: "none", bold: false, italic: false, wrap: false }, "General")).toBe("");
    expect(styleBody({ fill: "#e2efda" }, "#,##0.00\"元\"")).toBe(`<Interior ss:Color="#E2EFDA" ss:Pattern="Solid"/><NumberFormat ss:Format="#,##0.00&quot;元&quot;"/>`);
    // In the order of the reference's Style children: Alignment, Borders, Font, Interior, NumberFormat.
    expect(styleBody({ fill: "#000000", bold: true, border: "thin", wrap: true }, "0.00").replace(/<Border [^>]*>/g, "")).toBe(`<Alignment ss:WrapText="1"/><Borders></Borders><Font ss:Bold="1"/><Interior ss:Color="#000000" ss:Pattern="Solid"/><NumberFormat ss:Format="0.00"/>`);
  });

  it("rows and cells skipped are indexed; merged areas by MergeAcross / MergeDown on their first cell, the cells they cover left out; heights in points", () => {
    const x = sheetXml({
      name: "表",
      cells: [
        { address: "B2", value: 1 },
        { address: "D2", value: "x" },
        { address: "E2", value: null, style: { bold: true } },
        { address: "B3", value: null },
        { address: "B5", value: false },
      ],
      merges: ["B2:C3", "F4:G4"],
      rowHeights: { 4: 30 },
    });
    if (!x) throw new Error("not written");
    const rows = find(tree(x.xml), "Row");
    expect(rows.map((r) => r.attrs)).toEqual([{ Index: "2" }, { Index: "4", AutoFitHeight: "0", Height: "30" }, {}]);
    expect(rows.map((r) => r.children.map((c) => c.attrs))).toEqual([
      // (D2 follows B2's merged area: no index.)
      [{ Index: "2", MergeAcross: "1", MergeDown: "1" }, {}, { StyleID: "s1" }],
      [{ Index: "6", MergeAcross: "1" }],
      [{ Index: "2" }],
    ]);
    expect(find(tree(x.xml), "Data").map((d) => [d.attrs.Type, d.text])).toEqual([
      ["Number", "1"],
      ["String", "x"],
      ["Boolean", "0"],
    ]);
    expect(x.address).toBe("A1:G5");
  });

  it("text as it is — markup, quotes, new lines, tabs — and read back by the project's reader with the same formats and merged areas", () => {
    const spec = everything();
    const x = sheetXml(spec);
    if (!x) throw new Error("not written");
    const texts = find(tree(x.xml), "Data").map((d) => d.text);
    expect(texts).toContain("标题 <含 & 与 \"引号\">");
    expect(texts).toContain("第一行\n第二行");
    expect(x.xml).toContain("第一行&#10;第二行");
    const tabbed = sheetXml({ name: "t", cells: [{ address: "A1", value: "a\tb\r\nc" }], merges: [] });
    expect(find(tree(tabbed?.xml ?? ""), "Data")[0]?.text).toBe("a\tb\r\nc");
    const layout = sheetLayout(tree(x.xml), x.rows, x.cols);
    expect(layout?.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 7, left: 1, bottom: 7, right: 2 },
    ]);
    expect(layout?.cells.get("3,2")?.format).toBe("0.00");
    expect(layout?.cells.get("3,3")?.format).toBe("0.0%");
    expect(layout?.cells.get("5,3")?.format).toBe("@");
    expect(layout?.cells.get("4,1")?.format).toBe("General");
  });

  it("a formula's cell carries its style and no value: the formula is set after the text", () => {
    const x = sheetXml({ name: "f", cells: [{ address: "A1", value: 2 }, { address: "B1", value: null, formula: "A1*2", numberFormat: "0.00", style: { bold: true } }], merges: [] });
    expect(x?.formulaCells.map((c) => [c.row, c.col, c.formula])).toEqual([[1, 2, "A1*2"]]);
    const cells = find(tree(x?.xml ?? ""), "Cell");
    expect(cells[1]?.attrs.StyleID).toBe("s1");
    expect(cells[1]?.children).toEqual([]);
  });

  it("says null when the text cannot say what the documented path writes", () => {
    const base = (): SheetSpec => ({ name: "n", cells: [{ address: "A1", value: "a", style: { border: "thin" } }, { address: "B1", value: null, style: { border: "thin" } }], merges: ["A1:B1"] });
    expect(sheetXml(base())).not.toBeNull();
    // a value under a merged area; a covered cell drawn otherwise (its own border, its own fill, none where the first has one)
    expect(sheetXml({ ...base(), cells: [...base().cells, { address: "B1", value: "b" }] })).toBeNull();
    expect(sheetXml({ ...base(), cells: [base().cells[0] as never, { address: "B1", value: null, style: { border: "medium" } }] })).toBeNull();
    expect(sheetXml({ ...base(), cells: [base().cells[0] as never, { address: "B1", value: null, style: { border: "thin", fill: "#FF0000" } }] })).toBeNull();
    expect(sheetXml({ ...base(), cells: [base().cells[0] as never] })).toBeNull();
    expect(sheetXml({ ...base(), cells: [...base().cells, { address: "B1", value: null, formula: "1+1", style: { border: "thin" } }] })).toBeNull();
    // "none" is no border: the same look as a cell without one
    expect(sheetXml({ name: "n", cells: [{ address: "A1", value: "a" }, { address: "B1", value: null, style: { border: "none" } }], merges: ["A1:B1"] })).not.toBeNull();
    // what is not seen in a covered cell may differ: its font, its format
    expect(sheetXml({ ...base(), cells: [base().cells[0] as never, { address: "B1", value: null, numberFormat: "0.00", style: { border: "thin", bold: true } }] })).not.toBeNull();
    // a formula in a text cell; a character XML cannot carry
    expect(sheetXml({ name: "f", cells: [{ address: "A1", value: null, formula: "1+1", numberFormat: "@" }], merges: [] })).toBeNull();
    expect(sheetXml({ name: "f", cells: [{ address: "A1", value: null, formula: "1+1", numberFormat: "0" }], merges: [] })).not.toBeNull();
    expect(sheetXml({ name: "f", cells: [{ address: "A1", value: 1 }, { address: "A2", value: null, formula: "1+1", numberFormat: "@" }], merges: [] })).toBeNull();
    expect(sheetXml({ name: "c", cells: [{ address: "A1", value: "\uD800" }], merges: [] })).toBeNull();
    expect(sheetXml({ name: "c", cells: [{ address: "A1", value: "a\u0001" }], merges: [] })).toBeNull();
    expect(sheetXml({ name: "c", cells: [{ address: "A1", value: "😀" }], merges: [] })).not.toBeNull();
  });

  it("a merged area whose first cell the spec leaves out is still written, with its extent", () => {
    const x = sheetXml({ name: "m", cells: [{ address: "A3", value: 1 }], merges: ["B1:C2"] });
    const cells = find(tree(x?.xml ?? ""), "Cell");
    expect(cells.map((c) => c.attrs)).toEqual([{ Index: "2", MergeAcross: "1", MergeDown: "1" }, {}]);
    expect(x?.address).toBe("A1:C3");
  });
});

describe("the sheet the text makes is the sheet the documented path makes", () => {
  it("every aspect, and text kept as text (\"001\", \"=1+1\", \"'…\", \"2025-10\", \"50%\" in an \"@\" cell)", async () => {
    const { sheets, log, adapter } = await write([everything()]);
    expect(adapter.xmlWriteState).toBe("on");
    expect(log.filter((l) => l.endsWith(`.Value(11,"<xml…>")`))).toHaveLength(1);
    expect(sheets).toEqual(await documented([everything()]));
    const cell = (a: string) => (sheets[1] as { cells: [string, { value: unknown }][] }).cells.find(([k]) => k === a)?.[1]?.value;
    expect([cell("4,2"), cell("4,3"), cell("5,1"), cell("5,2"), cell("5,3")]).toEqual(["001", "=1+1", "'开头撇号", "2025-10", "50%"]);
  });

  it("the product's sheets of the example (付款结算, 计算说明, 撤销记录) and of 120 months, and a month scorecard", async () => {
    for (const book of [await exampleWorkbook(), await generatedWorkbook(120, "2016-01")]) {
      const snapshot = await (await ExcelFileAdapter.fromBuffer(book.bytes)).read();
      const result = await runWorkbookAsync(snapshot, { asOf: AS_OF, now: NOW, buildPaymentSheet });
      const specs = result.plan?.sheets ?? [];
      expect(specs.map((s) => s.name).sort()).toEqual(["付款结算", "撤销记录", "计算说明"].sort());
      for (const spec of specs) expect(sheetXml(spec)).not.toBeNull();
      const { sheets, log } = await write(specs);
      expect(log.filter((l) => l.endsWith(`.Value(11,"<xml…>")`))).toHaveLength(3);
      expect(sheets).toEqual(await documented(specs));
    }
    const month = buildMonthSheet("2025-10");
    expect((await write([month])).sheets).toEqual(await documented([month]));
  }, 60_000);

  it("a formula: its style from the text, the formula set after it (its value, known or not, is not checked: WPS computes it)", async () => {
    const spec: SheetSpec = { name: "f", cells: [{ address: "A1", value: 2 }, { address: "B1", value: 4, formula: "A1*2", numberFormat: "0.00", style: { bold: true } }, { address: "C1", value: "", style: { italic: true } }], merges: [] };
    const { sheets, log, adapter } = await write([spec]);
    expect(adapter.xmlWriteState).toBe("on");
    expect(log.some((l) => l.endsWith(".Formula="))).toBe(true);
    expect(sheets).toEqual(await documented([spec]));
  });
});

/**
 * A log with each call on a range named by that range's address: the fake's log names a Range call's
 * address, the calls on what it returned only by their path ("….Range().Font.Bold"); RangeCache
 * reuses a range for the same address, so the last Range call is the one meant (as long as a test
 * looks at cells asked one after the other). A Range call itself is its address.
 */
function addressed(log: readonly string[]): string[] {
  let at = "";
  return log.map((l) => {
    const call = /\.Range\("([^"]*)"\)$/.exec(l);
    if (call) {
      at = call[1] as string;
      return at;
    }
    const onRange = /\.Range\(\)(\..*)$/.exec(l);
    return onRange ? `${at}${onRange[1] as string}` : l;
  });
}

/** The questions after the first Value(11) write, each on its address (the objects fetched on the way, the sets and the Range calls left out). */
function checkQuestions(log: readonly string[]): string[] {
  const from = log.findIndex((l) => l.endsWith(`.Value(11,"<xml…>")`));
  // (From the write's Range call: the check's first question is on the range the text was set on.)
  return addressed(log.slice(from - 1))
    .slice(2)
    .filter((l) => !l.endsWith("=") && !/\.(Font|Interior|Borders|MergeArea|PageSetup|Item\(7\))$/.test(l) && !/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(l));
}

describe("what it costs", () => {
  it("after the pane's check, a fresh sheet's cells are one Range and one Value(11): no style, format, merge, height or value set one by one", async () => {
    const { log } = await write([everything(), { ...everything(), name: "样表二" }]);
    const adds = log.flatMap((l, i) => (/\.Worksheets\.Add\([^)]*\)$/.test(l) ? [i] : []));
    expect(adds).toHaveLength(2);
    const second = addressed(log.slice(adds[1]));
    const cellCalls = second.filter((l) => /\.(Value2|NumberFormat|RowHeight|WrapText|HorizontalAlignment|VerticalAlignment|Font\.\w+|Interior\.Color|Borders\.\w+)=$|\.Merge\(|\.Value\(11/.test(l));
    expect(cellCalls).toEqual([`A1:C9.Value(11,"<xml…>")`]);
    // Nothing read back on the second sheet: the check is once a pane.
    expect(second.filter((l) => /\.(Value2|Font\.Bold|RowHeight)$/.test(l))).toEqual([]);
  });

  it("the check of the pane's first sheet: its values, then the first cell of each format and each style value, the first merged area and the first row height", async () => {
    const { log } = await write([everything()]);
    expect(checkQuestions(log).slice(0, 16)).toEqual([
      "A1:C9.Value2",
      "A1.Font.Bold",
      "A1.Font.Size",
      "A1.VerticalAlignment",
      "A2.Font.Italic",
      "A2.Font.Color",
      "A2.WrapText",
      "A3.Interior.Color",
      "A3.HorizontalAlignment",
      "A3.Borders.Item().LineStyle",
      "A3.Borders.Item().Weight",
      "B3.NumberFormat",
      "B3.HorizontalAlignment",
      "C3.NumberFormat",
      "C3.VerticalAlignment",
      "C3.Borders.Item().LineStyle",
    ]);
  });
});

describe("the check asks each property where it is", () => {
  it("a first cell with no style: nothing asked there but its value; each property at the first cell that has it", async () => {
    const spec: SheetSpec = {
      name: "散",
      cells: [
        { address: "A1", value: "无格式" },
        { address: "A2", value: 1, numberFormat: "0.00" },
        { address: "A3", value: "b", style: { bold: true } },
        { address: "A4", value: "i", style: { italic: true } },
        { address: "A5", value: "s", style: { fontSize: 9 } },
        { address: "A6", value: "c", style: { fontColor: "#FF0000" } },
        { address: "A7", value: "f", style: { fill: "#00FF00" } },
        { address: "A8", value: "w", style: { wrap: true } },
        { address: "A9", value: "h", style: { horizontal: "right" } },
        { address: "A10", value: "v", style: { vertical: "top" } },
        { address: "A11", value: "t", style: { border: "thin" } },
        { address: "A12", value: "m", style: { border: "medium" } },
        { address: "B13", value: "合并" },
      ],
      merges: ["B13:C14"],
      rowHeights: { 15: 40 },
    };
    const { adapter, log, sheets } = await write([spec]);
    expect(adapter.xmlWriteState).toBe("on");
    expect(sheets).toEqual(await documented([spec]));
    const asked = checkQuestions(log);
    expect(asked.slice(0, 16)).toEqual([
      "A1:C15.Value2",
      "A2.NumberFormat",
      "A3.Font.Bold",
      "A4.Font.Italic",
      "A5.Font.Size",
      "A6.Font.Color",
      "A7.Interior.Color",
      "A8.WrapText",
      "A9.HorizontalAlignment",
      "A10.VerticalAlignment",
      "A11.Borders.Item().LineStyle",
      "A11.Borders.Item().Weight",
      "A12.Borders.Item().LineStyle",
      "A12.Borders.Item().Weight",
      "B13.MergeArea.Address(false,false)",
      "A15.RowHeight",
    ]);
    // B13's merged area has no border: no corner asked.
    expect(asked.some((l) => l.startsWith("C14."))).toBe(false);
  });

  it("the merged area whose corner is asked is the first whose own first cell is bordered, thin or medium", async () => {
    const spec: SheetSpec = {
      name: "框",
      cells: [
        { address: "A1", value: "边", style: { border: "thin" } },
        { address: "C1", value: "无框合并" },
        { address: "A3", value: "粗框合并", style: { border: "medium" } },
        { address: "B3", value: null, style: { border: "medium" } },
      ],
      // F1:G1's first cell is not in the spec.
      merges: ["C1:D1", "F1:G1", "A3:B3"],
    };
    const kept = await write([spec]);
    expect(kept.adapter.xmlWriteState).toBe("on");
    const asked = checkQuestions(kept.log);
    expect(asked.filter((l) => /^[A-Z]+\d+\.Borders/.test(l))).toEqual(["A1.Borders.Item().LineStyle", "A1.Borders.Item().Weight", "A3.Borders.Item().LineStyle", "A3.Borders.Item().Weight", "B3.Borders.Item(10)", "B3.Borders.Item().LineStyle"]);
    const dropped = await write([spec], {}, { xmlWriteDrops: ["mergedStyle"] });
    expect(dropped.adapter.skipped.find((x) => x.feature === XML_WRITE_FEATURE)?.messageEn).toMatch(/the merged cell's border of B3 did not come through/);
    expect(dropped.sheets).toEqual(await documented([spec]));
  });
});

describe("a build that does not keep what the text says: found on the first sheet, the documented path for the pane's life", () => {
  const expectFellBack = async (fakeOptions: FakeEtOptions, reason: RegExp, reasonZh?: string) => {
    const specs = [everything(), { ...everything(), name: "样表二" }];
    const { sheets, adapter, log, fake } = await write(specs, {}, fakeOptions);
    expect(adapter.xmlWriteState).toBe("off");
    expect(sheets).toEqual(await documented(specs));
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["甲", "样表", "样表二"]);
    const line = adapter.skipped.find((s) => s.feature === XML_WRITE_FEATURE);
    expect(line?.messageZh).toMatch(/^此版本 WPS 不能一次写入整张表（Range\.Value\(11\)：.+），已改为逐项写入：结果相同，写入调用较多。$/);
    expect(line?.messageEn).toMatch(reason);
    if (reasonZh !== undefined) expect(line?.messageZh).toContain(`（Range.Value(11)：${reasonZh}）`);
    // Tried once: the second sheet goes the documented way without asking.
    expect(log.filter((l) => l.includes(".Value(11,"))).toHaveLength(1);
    return adapter;
  };

  it("refuses the argument (throws)", async () => {
    await expectFellBack({ xmlSpreadsheetWrite: "throws" }, /\(Range\.Value\(11\): the call failed\)/, "调用出错");
  });
  it("takes the call and writes nothing", async () => {
    await expectFellBack({ xmlSpreadsheetWrite: "ignored" }, /the value of A1 did not come through/, "A1 的值未按写入保留");
  });
  it("keeps the values only", async () => {
    await expectFellBack({ xmlSpreadsheetWrite: "values" }, /the bold of A1 did not come through/);
  });
  const aspects: [XmlWriteAspect, string, string][] = [
    ["numberFormat", "number format of B3", "B3 的数字格式未按写入保留"],
    ["bold", "bold of A1", "A1 的加粗未按写入保留"],
    ["italic", "italic of A2", "A2 的倾斜未按写入保留"],
    ["size", "font size of A1", "A1 的字号未按写入保留"],
    ["fontColor", "font colour of A2", "A2 的字体颜色未按写入保留"],
    ["fill", "fill of A3", "A3 的填充色未按写入保留"],
    ["wrap", "wrapping of A2", "A2 的自动换行未按写入保留"],
    ["horizontal", "horizontal alignment of A3", "A3 的水平对齐未按写入保留"],
    ["vertical", "vertical alignment of A1", "A1 的垂直对齐未按写入保留"],
    ["borders", "border of A3", "A3 的边框未按写入保留"],
    ["merges", "merged cells of A1", "A1 的合并单元格未按写入保留"],
    ["mergedStyle", "merged cell's border of B7", "B7 的合并单元格边框未按写入保留"],
    ["heights", "row height of A1", "A1 的行高未按写入保留"],
  ];
  it.each(aspects)("leaves out %s", async (aspect, what, zh) => {
    await expectFellBack({ xmlWriteDrops: [aspect] }, new RegExp(`the ${what} did not come through`), zh);
  });

  it("what a later sheet has that the first had not is checked on that sheet, and only that", async () => {
    const plain: SheetSpec = { name: "先", cells: [{ address: "A1", value: "a", style: { bold: true } }, { address: "A2", value: 1 }], merges: [] };
    const later: SheetSpec = { name: "后", cells: [{ address: "A1", value: "b", style: { bold: true } }, { address: "B2", value: 2, numberFormat: "0.00", style: { fill: "#E2EFDA", border: "medium" } }], merges: [] };
    const kept = await write([plain, later]);
    expect(kept.adapter.xmlWriteState).toBe("on");
    const adds = kept.log.flatMap((l, i) => (/\.Worksheets\.Add\([^)]*\)$/.test(l) ? [i] : []));
    const asked = addressed(kept.log.slice(adds[1])).filter((l) => /\.(Value2|NumberFormat|Font\.\w+|Interior\.Color|Borders\.Item\(\)\.\w+|MergeArea\.Address\(.*\)|RowHeight)$/.test(l));
    expect(asked).toEqual(["B2.NumberFormat", "B2.Interior.Color", "B2.Borders.Item().LineStyle", "B2.Borders.Item().Weight"]);
    // A build that leaves fills out: the first sheet (no fill) passes, the second is found and written again.
    const dropped = await write([plain, later], {}, { xmlWriteDrops: ["fill"] });
    expect(dropped.adapter.xmlWriteState).toBe("off");
    expect(dropped.adapter.skipped.find((x) => x.feature === XML_WRITE_FEATURE)?.messageEn).toMatch(/the fill of B2 did not come through/);
    expect(dropped.sheets).toEqual(await documented([plain, later]));
    expect(dropped.fake.state.sheets.map((x) => x.name)).toEqual(["甲", "先", "后"]);
  });

  it("a sheet the text cannot say is written the documented way and leaves the check for the next one", async () => {
    const odd: SheetSpec = { name: "合并", cells: [{ address: "A1", value: "a", style: { border: "thin" } }, { address: "B1", value: "b" }], merges: ["A1:B1"] };
    const { adapter, log } = await write([odd]);
    expect(adapter.xmlWriteState).toBe("probe");
    expect(log.some((l) => l.includes(".Value(11,"))).toBe(false);
    expect(log.some((l) => l.endsWith(".Merge()") || l.endsWith(".Merge(true)"))).toBe(true);
  });

  it("xmlWrites: false — never tried", async () => {
    const { adapter, log } = await write([everything()], { xmlWrites: false });
    expect(adapter.xmlWriteState).toBe("off");
    expect(log.some((l) => l.includes(".Value(11,"))).toBe(false);
    expect(adapter.skipped).toEqual([]);
  });
});
