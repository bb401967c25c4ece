/**
 * Issue 13 (speed and memory): a worksheet's cells are parsed flat (parseWorksheetXml keeps a
 * compact record of each <c> instead of a tree of elements). The oracle is the tree: the same part
 * parsed by parseXml, whose cells WorksheetPart reads from the elements. Both must read the same
 * cells and make the same text after the same writes, over the shapes a cell can take.
 */
// @ts-nocheck

import { parseStyles } from "../../../../src/hosts/file/package/styles";
import { parseWorksheetXml, WorksheetPart } from "../../../../src/hosts/file/package/worksheet";
import { PartParseError, parseXml, type XmlDocument } from "../../../../src/hosts/file/package/xml";
import type { CellWrite } from "../../../../src/workbook/model";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const STYLES = parseStyles(
  `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  "xl/styles.xml",
);
const PART = "xl/worksheets/sheet1.xml";

function worksheet(source: string | XmlDocument): WorksheetPart {
  return new WorksheetPart(source, { part: PART, sharedStrings: ["共享", "第二"], styles: STYLES, date1904: false });
}

/** Cell shapes: each a sheetData body; the writes made to both parses. */
const CASES: { name: string; body: string; writes: CellWrite[] }[] = [
  {
    name: "inline strings: one <t>, runs, a phonetic run left out, a <t> beside runs (the <t> wins)",
    body: `<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> 前 </t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>粗</t></r><r><t>体</t></r><rPh sb="0" eb="1"><t>ソ</t></rPh></is></c><c r="C1" t="inlineStr"><is><t>整</t><r><t>段</t></r></is></c><c r="D1" t="inlineStr"><is/></c></row>`,
    writes: [{ address: "B1", value: "改" }],
  },
  {
    name: "shared formulas: a master, cells sharing it (self-closing <f/>), the master overwritten",
    body: `<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">B2*2</f><v>2</v></c><c r="B2"><v>1</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>4</v></c></row><row r="4"><c r="A4"><f t="shared" si="0"></f><v>6</v></c></row>`,
    writes: [{ address: "A2", value: 9 }],
  },
  {
    name: "values: shared strings, booleans, errors, dates typed d, CDATA, character references, a <v> of spaces",
    body: `<row r="5" spans="1:7"><c r="A5" t="s"><v>1</v></c><c r="B5" t="b"><v>1</v></c><c r="C5" t="e"><v>#DIV/0!</v></c><c r="D5" t="d"><v>2025-03-01T00:00:00</v></c><c r="E5" t="str"><v><![CDATA[a<b]]></v></c><c r="F5"><v>1&#46;5</v></c><c r="G5" s="1"><v> </v></c></row>`,
    writes: [{ address: "H5", value: 1, numberFormat: "0.00" }],
  },
  {
    name: "prefixed names, cells and rows without r, a row's and a cell's extLst, an unknown element in a cell",
    body: `<x:row><x:c><x:v>1</x:v></x:c><x:c s="1"><x:v>45658</x:v><x:extLst><x:ext uri="{X}"><y:z xmlns:y="urn:y">7</y:z></x:ext></x:extLst></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v><q:note xmlns:q="urn:q">not a value</q:note></x:c><x:extLst/></x:row>`,
    writes: [{ address: "B2", value: "新" }, { address: "A1", value: null }],
  },
  {
    name: "self-closing rows and cells, a cell with ph, rows out of order of writes",
    body: `<row r="1" s="1" customFormat="1"/><row r="3"><c r="A3" ph="1" s="1"/><c r="C3"/><c r="D3"><v>5</v></c></row><row r="8"></row>`,
    writes: [{ address: "A1", value: 1 }, { address: "B3", value: 2 }, { address: "A8", value: 3 }, { address: "A5", value: 4 }],
  },
  {
    name: "a row's extLst with children (not cells), and a cell's second <v>, <f> and <is> (the first counts, as in the tree)",
    body: `<row r="1"><c r="A1"><f>1+1</f><f>9*9</f><v>2</v><v>81</v></c><c r="B1" t="inlineStr"><is><t>甲</t></is><is><t>乙</t></is></c><extLst><ext uri="{R}"><v>9</v><f>3+3</f><is><t>丙</t></is></ext></extLst></row><row r="2"><c r="A2"><v>5</v></c></row>`,
    writes: [{ address: "A1", value: 3 }],
  },
  {
    name: "<f> and <v> that are not a cell's own: directly in a row's extLst, and deeper in a cell's extLst (after a cell with a value)",
    body: `<row r="1"><c r="A1"><v>5</v></c><c r="B1"><extLst><ext uri="{C}"><f>2+2</f><v>8</v></ext></extLst></c><c r="C1"><extLst><f>4+4</f></extLst></c><extLst><f>3+3</f><v>9</v><is><t>丁</t></is></extLst></row>`,
    writes: [{ address: "D1", value: 1 }],
  },
  {
    name: "whitespace between the elements of an inline string and of its runs (a pretty-printed file)",
    body: `<row r="1"><c r="A1" t="inlineStr">\n <is>\n  <r>\n   <rPr><b/></rPr>\n   <t>粗</t>\n  </r>\n  <r><t xml:space="preserve"> 体 </t></r>\n </is>\n</c><c r="B1">\n <f>A1</f>\n <v>0</v>\n</c></row>`,
    writes: [{ address: "C1", value: 1 }],
  },
];

function sheetText(body: string): string {
  const prefixed = body.includes("<x:");
  return prefixed
    ? `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1"/><x:sheetData>${body}</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="D1:E1"/></x:mergeCells></x:worksheet>`
    : `<?xml version="1.0"?><worksheet ${NS}><dimension ref="A1:C3"/><sheetData>${body}</sheetData><sheetProtection sheet="1"/></worksheet>`;
}

describe("cells parsed flat read and write as the tree does", () => {
  it.each(CASES)("$name", ({ body, writes }) => {
    const text = sheetText(body);
    const flat = worksheet(parseWorksheetXml(text, PART));
    const tree = worksheet(parseXml(text, PART));
    expect(flat.cells()).toEqual(tree.cells());
    expect(flat.cells().length).toBeGreaterThan(0);
    for (const w of writes) {
      flat.setCell(w);
      tree.setCell(w);
    }
    expect(flat.formulasRemoved).toBe(tree.formulasRemoved);
    const out = flat.toXml();
    expect(out).toBe(tree.toXml());
    // And the text made reads back the same both ways.
    expect(worksheet(parseWorksheetXml(out, PART)).cells()).toEqual(worksheet(parseXml(out, PART)).cells());
  });

  it("reads the values the tree reads, by hand", () => {
    const cells = worksheet(sheetText(CASES[0]?.body ?? "")).cells();
    expect(cells.map((c) => c.value)).toEqual([" 前 ", "粗体", "整", ""]);
    const values = worksheet(sheetText(CASES[2]?.body ?? "")).cells().map((c) => c.value);
    expect(values).toEqual(["第二", true, "#DIV/0!", 45717, "a<b", 1.5]);
    const shared = worksheet(sheetText(CASES[1]?.body ?? "")).cells().filter((c) => c.col === 1);
    expect(shared.map((c) => c.formula)).toEqual(["B2*2", "B3*2", "B4*2"]);
  });

  it("reads only a cell's own <f> and <v>: B1 and C1 hold none, whatever their extLst holds", () => {
    const cells = worksheet(sheetText(CASES[6]?.body ?? "")).cells();
    expect(cells.map((c) => [c.col, c.value, c.formula ?? null])).toEqual([[1, 5, null]]);
  });

  it("reads rows only in <sheetData>: an element named row elsewhere (an extension's) is not a row", () => {
    const text = `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><extLst><ext uri="{X}"><y:row xmlns:y="urn:y" r="20"><y:c r="A20"><y:v>7</y:v></y:c></y:row></ext></extLst></worksheet>`;
    const flat = worksheet(parseWorksheetXml(text, PART));
    expect(flat.cells()).toEqual(worksheet(parseXml(text, PART)).cells());
    expect(flat.cells().map((c) => [c.row, c.value])).toEqual([[1, 1]]);
  });

  it("reads a pretty-printed inline string as Excel shows it: the runs' text, nothing between them", () => {
    const cells = worksheet(sheetText(CASES[7]?.body ?? "")).cells();
    expect(cells.map((c) => c.value)).toEqual(["粗 体 ", 0]);
    expect(cells[1]?.formula).toBe("A1");
    const firsts = worksheet(sheetText(CASES[5]?.body ?? "")).cells();
    expect(firsts.map((c) => [c.value, c.formula ?? null])).toEqual([[2, "1+1"], ["甲", null], [5, null]]);
  });

  it("keeps the tree outside the rows: a row keeps its attributes and no children", () => {
    const doc = parseWorksheetXml(sheetText(CASES[4]?.body ?? ""), PART);
    const sheetData = doc.root.children.find((c) => c.local === "sheetData");
    expect(sheetData?.children.map((r) => r.attrs.r)).toEqual(["1", "3", "8"]);
    expect(sheetData?.children.every((r) => r.children.length === 0)).toBe(true);
    expect(doc.root.children.map((c) => c.local)).toEqual(["dimension", "sheetData", "sheetProtection"]);
  });

  it("refuses a malformed cell as the tree parser does, naming the part", () => {
    const bad = sheetText(`<row r="1"><c r="A1"><v>1</c></row>`);
    expect(() => parseWorksheetXml(bad, PART)).toThrow(PartParseError);
    expect(() => parseWorksheetXml(bad, PART)).toThrow(/xl\/worksheets\/sheet1\.xml/);
  });
});
