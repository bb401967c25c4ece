/**
 * Issue 13, point 1, part by part: the worksheet, workbook, relationships and content-types parts
 * are changed by splices, and every byte outside what the product owns stays as it was; the package
 * copies untouched zip entries raw; the codecs agree with Node's zlib.
 */
// @ts-nocheck

import { crc32 as zlibCrc32, deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { crc32, FFLATE_CODEC, fflateInflateSync } from "../../../../src/hosts/file/package/codec";
import { OpcPackage, relativeTarget, relsPartOf, resolveTarget, type SourcePart } from "../../../../src/hosts/file/package/opc";
import { ContentTypesPart, RelationshipsPart } from "../../../../src/hosts/file/package/relationships";
import { parseStyles } from "../../../../src/hosts/file/package/styles";
import { WorkbookPart } from "../../../../src/hosts/file/package/workbook";
import { cellXml, slideFormula, WorksheetPart } from "../../../../src/hosts/file/package/worksheet";
import { applySplices, PartParseError, setAttributes, parseXml } from "../../../../src/hosts/file/package/xml";
import { NODE_CODEC } from "../../../../src/hosts/file/node-zlib";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const STYLES = parseStyles(
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
);

function sheet(body: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${NS}><dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId='0'/></sheetViews><sheetData>${body}</sheetData>${extra}<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups/></ext></extLst></worksheet>`;
}

function part(text: string, sharedStrings: string[] = [], date1904 = false): WorksheetPart {
  return new WorksheetPart(text, { part: "xl/worksheets/sheet1.xml", sharedStrings, styles: STYLES, date1904 });
}

/** The text with the spans of `changed` (before → after) taken out of both: what must be equal. */
function outside(before: string, after: string, from: string, to: string): void {
  const i = before.indexOf(from);
  expect(i).toBeGreaterThanOrEqual(0);
  expect(after.slice(0, i)).toBe(before.slice(0, i));
  const tail = before.slice(i + from.length);
  expect(after.endsWith(tail)).toBe(true);
  expect(after.slice(i, after.length - tail.length)).toBe(to);
}

describe("a worksheet part, edited in place", () => {
  it("replaces only the written cell: every other byte (CRLF, single quotes, extLst) stays", () => {
    const text = sheet(`<row r="2" spans="1:3" ht="20" customHeight="1"><c r="A2" t="s"><v>0</v></c><c r="B2" s="2"/><c r="C2"><f>A2&amp;"x"</f><v>1</v></c></row>`);
    const ws = part(text, ["标题"]);
    ws.setCell({ address: "B2", value: 96.5 });
    const out = ws.toXml();
    outside(text, out, '<c r="B2" s="2"/>', '<c r="B2" s="2"><v>96.5</v></c>');
    expect(ws.formulasRemoved).toBe(false);
  });

  it("inserts new cells in column order and new rows in row order, widening dimension and spans", () => {
    const text = sheet(`<row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>`);
    const ws = part(text);
    ws.setCell({ address: "B1", value: "中" });
    ws.setCell({ address: "E1", value: 5 });
    ws.setCell({ address: "A2", value: true });
    ws.setCell({ address: "A9", value: null, numberFormat: "0.00" });
    const out = ws.toXml();
    expect(out).toContain('<dimension ref="A1:E9"/>');
    expect(out).toContain(
      '<row r="1" spans="1:5"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>中</t></is></c><c r="C1"><v>3</v></c><c r="E1"><v>5</v></c></row><row r="2"><c r="A2" t="b"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="9"><c r="A9" s="2"/></row></sheetData>',
    );
    const cells = part(out).cells();
    expect(cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [1, 1, 1],
      [1, 2, "中"],
      [1, 3, 3],
      [1, 5, 5],
      [2, 1, true],
      [3, 1, 3],
    ]);
  });

  it("opens a self-closing row or sheetData, and keeps a prefixed worksheet's prefix", () => {
    const prefixed = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="4" spans="2:2"/></x:sheetData></x:worksheet>`;
    const ws = part(prefixed);
    ws.setCell({ address: "D4", value: " 前后空格 " });
    ws.setCell({ address: "A7", value: 1 });
    expect(ws.toXml()).toBe(
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="4" spans="2:4"><x:c r="D4" t="inlineStr"><x:is><x:t xml:space="preserve"> 前后空格 </x:t></x:is></x:c></x:row><x:row r="7"><x:c r="A7"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    );
    const empty = part(`<worksheet ${NS}><sheetData/></worksheet>`);
    empty.setCell({ address: "B2", value: 2 });
    expect(empty.toXml()).toBe(`<worksheet ${NS}><sheetData><row r="2"><c r="B2"><v>2</v></c></row></sheetData></worksheet>`);
  });

  it("gives a new cell its row's style, else its column's; a write with a format restyles from there", () => {
    const text = `<worksheet ${NS}><cols><col min="2" max="3" width="9" style="1" customWidth="1"/></cols><sheetData><row r="5" s="2" customFormat="1"/></sheetData></worksheet>`;
    const ws = part(text);
    ws.setCell({ address: "A5", value: 1 });
    ws.setCell({ address: "C6", value: 45658 });
    const out = ws.toXml();
    expect(out).toContain('<c r="A5" s="2"><v>1</v></c>');
    expect(out).toContain('<c r="C6" s="1"><v>45658</v></c>');
    const read = part(out).cells();
    expect(read.find((c) => c.col === 3)?.numberFormat).toBe("yyyy-mm-dd");
  });

  it("writes text as text, a product formula as a formula with its cached value, and never −0", () => {
    expect(cellXml("", "A1", 0, { value: "=SUM(A2:A3)" })).toBe('<c r="A1" t="inlineStr"><is><t>=SUM(A2:A3)</t></is></c>');
    expect(cellXml("", "A1", 3, { value: 7, formula: "=SUM(A2:A3)" })).toBe('<c r="A1" s="3"><f>SUM(A2:A3)</f><v>7</v></c>');
    expect(cellXml("", "A1", 0, { value: "是", formula: 'IF(B1>0,"是","否")' })).toBe('<c r="A1" t="str"><f>IF(B1&gt;0,"是","否")</f><v>是</v></c>');
    expect(cellXml("", "A1", 0, { value: -0 })).toBe('<c r="A1"><v>0</v></c>');
    expect(cellXml("", "A1", 0, { value: "a\r\nb<&>" })).toBe('<c r="A1" t="inlineStr"><is><t xml:space="preserve">a&#13;\nb&lt;&amp;&gt;</t></is></c>');
    expect(cellXml("", "A1", 0, { value: null })).toBe('<c r="A1"/>');
  });

  it("reads every kind of cell as Excel shows it: shared and inline strings with runs, str, b, e, d, dates of the 1904 system", () => {
    const text = sheet(
      `<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></is></c><c r="C1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>` +
        `<row r="2"><c r="A2" t="b"><v>0</v></c><c r="B2" t="e"><v>#DIV/0!</v></c><c r="C2" t="d"><v>2025-01-31T00:00:00</v></c><c r="D2" s="1"><v>43000</v></c><c r="E2"><v> </v></c></row>`,
    );
    const plain = part(text, ["零", "一"]).cells();
    expect(plain.map((c) => [c.row, c.col, c.value, c.numberFormat, c.formula])).toEqual([
      [1, 1, "一", "General", undefined],
      [1, 2, "富文本", "General", undefined],
      [1, 3, "xy", "General", '"x"&"y"'],
      [2, 1, false, "General", undefined],
      [2, 2, "#DIV/0!", "General", undefined],
      [2, 3, 45688, "yyyy-mm-dd", undefined],
      [2, 4, 43000, "yyyy-mm-dd", undefined],
    ]);
    const d1904 = part(text, ["零", "一"], true).cells();
    expect(d1904.find((c) => c.row === 2 && c.col === 4)?.value).toBe(43000 + 1462);
  });

  it("leaves a merged range's other cells out of the snapshot: their value is the master's", () => {
    const ws = part(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`);
    expect(ws.cells().map((c) => c.col)).toEqual([1]);
    expect(ws.merges()).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });

  it("reads a shared formula's cells with the formula moved, and moves the master when the product overwrites it", () => {
    const text = sheet(
      `<row r="5"><c r="H5"><f t="shared" ref="H5:H7" si="0">SUM(B5:$G5)+"A1"</f><v>1</v></c></row><row r="6"><c r="H6"><f t="shared" si="0"/><v>2</v></c></row><row r="7"><c r="H7"><f t="shared" si="0"/><v>3</v></c></row>`,
    );
    const ws = part(text);
    expect(ws.cells().map((c) => c.formula)).toEqual(['SUM(B5:$G5)+"A1"', 'SUM(B6:$G6)+"A1"', 'SUM(B7:$G7)+"A1"']);
    ws.setCell({ address: "H5", value: 10 });
    const out = ws.toXml();
    expect(ws.formulasRemoved).toBe(true);
    expect(out).toContain('<c r="H5"><v>10</v></c>');
    expect(out).toContain('<c r="H6"><f t="shared" si="0" ref="H6:H7">SUM(B6:$G6)+"A1"</f><v>2</v></c>');
    expect(out).toContain('<c r="H7"><f t="shared" si="0"/><v>3</v></c>');
    expect(part(out).cells().map((c) => c.formula)).toEqual([undefined, 'SUM(B6:$G6)+"A1"', 'SUM(B7:$G7)+"A1"']);
  });

  it("adds and removes sheet protection in the schema's place, after sheetData and before mergeCells", () => {
    const text = sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>`);
    const ws = part(text);
    expect(ws.isProtected()).toBe(false);
    ws.setProtection(true);
    const locked = ws.toXml();
    outside(text, locked, "</sheetData>", '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>');
    const again = part(locked);
    expect(again.isProtected()).toBe(true);
    again.setProtection(false);
    expect(again.toXml()).toBe(text);
  });
});

describe("slideFormula (shared formulas), as ExcelJS slides them, string literals left alone", () => {
  it.each([
    ["A1+B$2+$C3+$D$4", { row: 2, col: 3 }, "C2+D$2+$C4+$D$4"],
    ['SUM(Sheet1!A1:A3)&"B2"', { row: 1, col: 2 }, 'SUM(Sheet1!B1:B3)&"B2"'],
    ["LOG10(A1)", { row: 2, col: 1 }, "LOG10(A2)"],
  ])("%s moved by %j", (formula, by, expected) => {
    expect(slideFormula(formula, { row: 1, col: 1 }, { row: 1 + by.row - 1, col: 1 + by.col - 1 })).toBe(expected);
  });
});

describe("xl/workbook.xml, edited in place", () => {
  const WB = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><workbookPr date1904="1"/><bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews><sheets><sheet name="一" sheetId="1" r:id="rId1"/><sheet name="计算说明" sheetId="7" r:id="rId2"/><sheet name="三" sheetId="3" state="hidden" r:id="rId3"/></sheets><definedNames><definedName name="全局">OFFSET(汇总!$C$2,0,0,6,1)</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'计算说明'!$A$1:$C$9</definedName><definedName name="本地" localSheetId="2">'三'!$A$1</definedName></definedNames><calcPr calcId="191029"/><extLst><ext uri="x"/></extLst></workbook>`;

  it("removes a sheet: its local names go, later localSheetIds and activeTab move down, everything else stays", () => {
    const wb = new WorkbookPart(WB);
    expect(wb.date1904).toBe(true);
    expect(wb.sheets().map((s) => [s.name, s.sheetId, s.rid, s.state])).toEqual([
      ["一", 1, "rId1", "visible"],
      ["计算说明", 7, "rId2", "visible"],
      ["三", 3, "rId3", "hidden"],
    ]);
    wb.removeSheet("计算说明");
    wb.setFullCalcOnLoad();
    expect(wb.toXml()).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><workbookPr date1904="1"/><bookViews><workbookView activeTab="1" firstSheet="1"/></bookViews><sheets><sheet name="一" sheetId="1" r:id="rId1"/><sheet name="三" sheetId="3" state="hidden" r:id="rId3"/></sheets><definedNames><definedName name="全局">OFFSET(汇总!$C$2,0,0,6,1)</definedName><definedName name="本地" localSheetId="1">'三'!$A$1</definedName></definedNames><calcPr calcId="191029" fullCalcOnLoad="1"/><extLst><ext uri="x"/></extLst></workbook>`,
    );
  });

  it("adds a sheet after the others with a fresh sheetId, and replaces a re-rendered sheet's print names", () => {
    const wb = new WorkbookPart(WB);
    const added = wb.addSheet("付款结算", "rId9");
    expect([added.sheetId, added.position]).toEqual([8, 3]);
    wb.setPrintNames("付款结算", [{ name: "_xlnm.Print_Titles", value: "'付款结算'!$1:$2" }]);
    wb.setPrintNames("计算说明", [{ name: "_xlnm.Print_Area", value: "'计算说明'!$A$1:$C$20" }]);
    const out = wb.toXml();
    expect(out).toContain(`<sheet name="三" sheetId="3" state="hidden" r:id="rId3"/><sheet name="付款结算" sheetId="8" r:id="rId9"/></sheets>`);
    expect(out).toContain(
      `<definedNames><definedName name="全局">OFFSET(汇总!$C$2,0,0,6,1)</definedName><definedName name="本地" localSheetId="2">'三'!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="3">'付款结算'!$1:$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'计算说明'!$A$1:$C$20</definedName></definedNames>`,
    );
  });

  it("puts calcPr in the schema's place when there is none, and drops an emptied definedNames", () => {
    const wb = new WorkbookPart(`<workbook ${NS}><sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="x" localSheetId="1">b!$A$1</definedName></definedNames><pivotCaches><pivotCache cacheId="1" r:id="rId3"/></pivotCaches></workbook>`);
    wb.removeSheet("b");
    wb.setFullCalcOnLoad();
    expect(wb.toXml()).toBe(`<workbook ${NS}><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets><calcPr fullCalcOnLoad="1"/><pivotCaches><pivotCache cacheId="1" r:id="rId3"/></pivotCaches></workbook>`);
  });
});

describe("relationships and content types", () => {
  it("adds with a fresh id and removes by id, other relationships untouched", () => {
    const text = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="t/calcChain" Target="calcChain.xml"/></Relationships>`;
    const rels = new RelationshipsPart(text, "xl/_rels/workbook.xml.rels");
    expect(rels.add("t/worksheet", "worksheets/sheet2.xml")).toBe("rId4");
    expect(rels.add("t/worksheet", "worksheets/sheet3.xml")).toBe("rId5");
    rels.remove("rId3");
    expect(rels.toXml()).toBe(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="t/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId5" Type="t/worksheet" Target="worksheets/sheet3.xml"/></Relationships>`,
    );
  });

  it("gives a part an override only when its default type differs, and removes overrides of parts gone", () => {
    const types = new ContentTypesPart(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/calcChain.xml" ContentType="c"/></Types>`);
    types.set("xl/worksheets/sheet9.xml", "w");
    types.set("xl/data.xml", "application/xml");
    types.remove("xl/calcChain.xml");
    expect(types.typeOf("xl/worksheets/sheet9.xml")).toBe("w");
    expect(types.toXml()).toBe(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet9.xml" ContentType="w"/></Types>`);
  });

  it("resolves and relativizes targets as OPC does", () => {
    expect(relsPartOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet2.xml")).toBe("xl/worksheets/sheet2.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet2.xml")).toBe("worksheets/sheet2.xml");
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml")).toBe("../drawings/drawing1.xml");
  });
});

describe("the package: untouched parts copied raw, text kept in its own encoding", () => {
  function source(name: string, text: string | Uint8Array, deflate = true): SourcePart {
    const content = typeof text === "string" ? new TextEncoder().encode(text) : text;
    const raw = deflate ? deflateRawSync(content, { level: 9 }) : content;
    return { name, method: deflate ? 8 : 0, raw, crc32: zlibCrc32(content) >>> 0, size: content.byteLength };
  }

  it("writes unchanged entries with their compressed bytes and CRC, changed ones anew; a BOM stays", async () => {
    const picture = source("xl/media/image1.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), false);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("<a>1</a>")]);
    const parts = [source("xl/a.xml", "<a>一</a>".repeat(50)), picture, source("xl/b.xml", bom)];
    for (const codec of [NODE_CODEC, FFLATE_CODEC]) {
      const pkg = new OpcPackage(parts, codec);
      expect(pkg.text("xl/b.xml")).toBe("<a>1</a>");
      pkg.setText("xl/b.xml", "<a>2</a>");
      pkg.setText("xl/new.xml", "<n/>");
      const zipped = pkg.save();
      const text = Buffer.from(zipped).toString("latin1");
      expect(text.includes(Buffer.from(parts[0]!.raw).toString("latin1"))).toBe(true); // the deflated bytes themselves
      const zip = await JSZip.loadAsync(zipped);
      expect(Object.keys(zip.files)).toEqual(["xl/a.xml", "xl/media/image1.png", "xl/b.xml", "xl/new.xml"]);
      expect(await zip.file("xl/a.xml")?.async("string")).toBe("<a>一</a>".repeat(50));
      expect([...((await zip.file("xl/b.xml")?.async("uint8array")) ?? [])].slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
      expect(await zip.file("xl/new.xml")?.async("string")).toBe("<n/>");
      expect(await zip.file("xl/media/image1.png")?.async("uint8array")).toEqual(picture.raw);
    }
  });

  it("refuses, naming the part, text it could not write back the same way: UTF-16, a legacy encoding, bytes that are not UTF-8", () => {
    const pkg = new OpcPackage(
      [
        source("u16.xml", new Uint8Array([0xff, 0xfe, 0x3c, 0x00])),
        source("gbk.xml", '<?xml version="1.0" encoding="GBK"?><a/>'),
        source("bad.xml", new Uint8Array([0x3c, 0x61, 0xff, 0x3e])),
      ],
      NODE_CODEC,
    );
    expect(() => pkg.text("u16.xml")).toThrow(PartParseError);
    expect(() => pkg.text("gbk.xml")).toThrow("工作簿部件 gbk.xml 无法解析（声明的编码 GBK");
    expect(() => pkg.text("bad.xml")).toThrow("the workbook part bad.xml cannot be parsed (不是 UTF-8 文本 / not UTF-8 text)");
  });

  it("computes CRC-32 as zlib does, and inflates no further than the declared size", () => {
    const data = new TextEncoder().encode("工作簿".repeat(1000));
    expect(crc32(data)).toBe(zlibCrc32(data) >>> 0);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const raw = deflateRawSync(data);
    expect(fflateInflateSync(raw, data.byteLength)).toEqual(data);
    expect(fflateInflateSync(raw, data.byteLength - 1)).toBeNull();
    expect(FFLATE_CODEC.inflate(raw, data.byteLength)).toEqual(data);
    expect(() => FFLATE_CODEC.inflate(raw, data.byteLength + 5)).toThrow("not the");
  });
});

describe("the XML layer", () => {
  it("refuses what is not well-formed, naming the part", () => {
    expect(() => parseXml("<a><b></a>", "xl/worksheets/sheet3.xml")).toThrow("工作簿部件 xl/worksheets/sheet3.xml 无法解析");
    expect(() => parseXml("", "x.xml")).toThrow(PartParseError);
  });

  it("sets attributes in place: existing ones keep their place and quotes, new ones go last", () => {
    const doc = parseXml(`<a x='1' y="2"  />`, "p");
    expect(applySplices(doc.text, [setAttributes(doc, doc.root, { x: "3", z: "&", y: null })])).toBe(`<a x="3" z="&amp;"  />`);
    expect(() => applySplices("abc", [{ start: 0, end: 2, text: "" }, { start: 1, end: 3, text: "" }])).toThrow("overlapping");
  });
});

describe("[Content_Types].xml with a self-closing root", () => {
  it("opens the root to add an override", () => {
    const types = new ContentTypesPart(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
    types.set("xl/worksheets/sheet1.xml", "w");
    expect(types.toXml()).toBe(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/worksheets/sheet1.xml" ContentType="w"/></Types>`);
  });
});
