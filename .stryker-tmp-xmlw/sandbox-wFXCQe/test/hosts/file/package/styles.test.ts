/**
 * xl/styles.xml in the package-of-parts file mode (src/hosts/file/package/styles.ts): number formats
 * read, looks appended (never changing an existing index, every original byte outside the appended
 * elements and the count attributes kept), identical looks shared, missing sections inserted in
 * schema order, the result valid against the ECMA-376 schema (xmllint-wasm, ../shared/schemas/ooxml),
 * and the looks the same as the ExcelJS rendering of the same writes (test/fixtures/exceljs-render.ts).
 */
// @ts-nocheck


import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { applyCellWrites } from "../../../fixtures/exceljs-render";
import { builtinNumberFormat, newStylesXml, parseStyles } from "../../../../src/hosts/file/package/styles";
import { PartParseError, parseXml } from "../../../../src/hosts/file/package/xml";
import type { Splice, XmlElement } from "../../../../src/hosts/file/package/xml";
import { applySplices } from "../../../../src/hosts/file/package/xml";
import type { CellStyle, CellWrite } from "../../../../src/workbook/model";
import { checkParts } from "../../../fixtures/ooxml-schema";

jest.setTimeout(60_000);


// ---------------------------------------------------------------------------------------------
// Fixtures

/** As a Chinese Excel 365 writes it (CRLF after the declaration, mc:Ignorable, x14ac, extLst), plus a single-quoted numFmt and an entity. */
const EXCEL = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">',
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0.00"/><numFmt numFmtId=\'166\' formatCode=\'0.000\'/></numFmts>',
  '<fonts count="2" x14ac:knownFonts="1">',
  '<font><sz val="11"/><color theme="1"/><name val="宋体"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>',
  '<font><b/><sz val="11"/><color theme="1"/><name val="宋体"/><charset val="134"/><family val="2"/><scheme val="minor"/></font>',
  "</fonts>",
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998168889431442"/><bgColor indexed="64"/></patternFill></fill></fills>',
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>',
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>',
  '<cellXfs count="5">',
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>',
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>',
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment horizontal="center" vertical="center" wrapText="1"/><protection locked="0"/></xf>',
  '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>',
  "</cellXfs>",
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>',
  '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>',
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
  '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext>',
  '<ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst>',
  "</styleSheet>",
].join("");

/** No <numFmts>, no <dxfs>, pretty-printed, no count on fonts. */
const BARE = `<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <fonts>
    <font><sz val="11"/><name val="Calibri"/></font>
  </fonts>
  <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
  <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
  <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
  <cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>
  <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
  <tableStyles count="0"/>
</styleSheet>
`;

/** The main namespace under a prefix (as the Open XML SDK writes it), no <numFmts>, no <dxfs>. */
const PREFIXED =
  '<?xml version="1.0" encoding="utf-8"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font></x:fonts>' +
  '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
  '<x:borders count="1"><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border></x:borders>' +
  '<x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs>' +
  "</x:styleSheet>";

// ---------------------------------------------------------------------------------------------
// Helpers

const LISTS: Record<string, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };

function section(root: XmlElement, local: string): XmlElement | undefined {
  return root.children.find((c) => c.local === local);
}

function items(root: XmlElement, local: string): XmlElement[] {
  const s = section(root, local);
  return s ? s.children.filter((c) => c.local === LISTS[local]) : [];
}

function itemTexts(xml: string, local: string): string[] {
  const doc = parseXml(xml, "test");
  return items(doc.root, local).map((e) => xml.slice(e.start, e.end));
}

/** The appended items of a list (those past the original's), as text. */
function appended(original: string, output: string, local: string): string[] {
  return itemTexts(output, local).slice(itemTexts(original, local).length);
}

/**
 * `output` with what a StyleBook may add taken out again: the items past the original's, sections
 * the original did not have, each section's count attribute as it was (a self-closing section
 * closed again). Equal to `original` when no other byte was changed.
 */
function undo(original: string, output: string): string {
  const o = parseXml(original, "original").root;
  const n = parseXml(output, "output").root;
  const splices: Splice[] = [];
  for (const local of Object.keys(LISTS)) {
    const was = section(o, local);
    const now = section(n, local);
    if (!now) continue;
    if (!was) {
      splices.push({ start: now.start, end: now.end, text: "" });
      continue;
    }
    // The start tag as written now, with only the count put back as it was.
    const wasCount = /\scount=("[^"]*"|'[^']*')/.exec(original.slice(was.start, was.openEnd))?.[0];
    let tag = output.slice(now.start, now.openEnd);
    if (wasCount !== undefined) tag = tag.replace(/\scount="[^"]*"/, wasCount);
    if (was.selfClosing) {
      splices.push({ start: now.start, end: now.end, text: now.selfClosing ? tag : tag.replace(/>$/, "/>") });
      continue;
    }
    splices.push({ start: now.start, end: now.openEnd, text: tag });
    const kept = items(o, local).length;
    for (const extra of items(n, local).slice(kept)) splices.push({ start: extra.start, end: extra.end, text: "" });
  }
  return applySplices(output, splices);
}

/** Every list section's count attribute (when it has one) equals its number of items. */
function countsRight(xml: string): Record<string, [string | undefined, number]> {
  const root = parseXml(xml, "test").root;
  const out: Record<string, [string | undefined, number]> = {};
  for (const local of Object.keys(LISTS)) {
    const s = section(root, local);
    if (s) out[local] = [s.attrs["count"], items(root, local).length];
  }
  return out;
}

function childOrder(xml: string): string[] {
  return parseXml(xml, "test").root.children.map((c) => c.local);
}


/** Schema errors and Excel's own rules for the part (test/fixtures/ooxml-schema.ts, the one check every suite uses). */
async function smlErrors(xml: string): Promise<string[]> {
  return (await checkParts([{ name: "xl/styles.xml", data: xml }]))[0]?.errors ?? [];
}

// ---------------------------------------------------------------------------------------------

describe("built-in number formats", () => {
  it("ECMA-376 §18.8.30's ids and the zh-CN ones; no others", () => {
    expect(builtinNumberFormat(0)).toBe("General");
    expect(builtinNumberFormat(2)).toBe("0.00");
    expect(builtinNumberFormat(14)).toBe("mm-dd-yy");
    expect(builtinNumberFormat(22)).toBe("m/d/yy h:mm");
    expect(builtinNumberFormat(39)).toBe("#,##0.00;(#,##0.00)");
    expect(builtinNumberFormat(49)).toBe("@");
    expect(builtinNumberFormat(27)).toBe('yyyy"年"m"月"');
    expect(builtinNumberFormat(31)).toBe('yyyy"年"m"月"d"日"');
    expect(builtinNumberFormat(35)).toBe('上午/下午h"时"mm"分"ss"秒"');
    expect(builtinNumberFormat(58)).toBe('m"月"d"日"');
    for (const id of [5, 6, 7, 8, 23, 26, 41, 44, 59, 81, 163, 164, -1, 1.5]) expect(builtinNumberFormat(id)).toBeUndefined();
    // The table is not reachable through the prototype.
    expect(builtinNumberFormat("toString" as unknown as number)).toBeUndefined();
  });
});

describe("parseStyles: reading", () => {
  it("numberFormat: custom codes (entities decoded, as written), built-in ids, zh-CN ids, out of range", () => {
    const book = parseStyles(EXCEL);
    expect(book.numberFormat(0)).toBe("General");
    expect(book.numberFormat(1)).toBe("yyyy\\-mm\\-dd");
    expect(book.numberFormat(2)).toBe("General");
    expect(book.numberFormat(3)).toBe('yyyy"年"m"月"d"日"');
    expect(book.numberFormat(4)).toBe('"¥"#,##0.00');
    expect(book.numberFormat(5)).toBe("General");
    expect(book.numberFormat(-1)).toBe("General");
    expect(book.numberFormat(1.5)).toBe("General");
    expect(book.changed).toBe(false);
  });

  it("a numFmtId with neither a <numFmt> nor a built-in code reads General; a <numFmt> overrides a built-in id", () => {
    const xml = BARE.replace('<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>', '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="7" fontId="0"/><xf numFmtId="14"/></cellXfs>');
    expect(parseStyles(xml).numberFormat(1)).toBe("General");
    expect(parseStyles(xml).numberFormat(2)).toBe("mm-dd-yy");
    const overridden = xml.replace("<fonts>", '<numFmts count="1"><numFmt numFmtId="14" formatCode="yyyy/m/d"/></numFmts><fonts>');
    const book = parseStyles(overridden);
    expect(book.numberFormat(2)).toBe("yyyy/m/d");
    // Writing the built-in code of an overridden id makes a <numFmt> of its own.
    const i = book.restyle(0, "mm-dd-yy", undefined);
    expect(book.numberFormat(i)).toBe("mm-dd-yy");
    // The part's own code for id 14 is found by its code.
    const j = book.restyle(0, "yyyy/m/d", undefined);
    expect(book.numberFormat(j)).toBe("yyyy/m/d");
    const out = book.toXml();
    expect(appended(overridden, out, "numFmts")).toEqual(['<numFmt numFmtId="164" formatCode="mm-dd-yy"/>']);
    expect(appended(overridden, out, "cellXfs")).toEqual(['<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>', '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>']);
  });

  it("nothing changed: toXml gives the original text itself", () => {
    const book = parseStyles(EXCEL);
    expect(book.restyle(2, undefined, undefined)).toBe(2);
    expect(book.restyle(2, undefined, {})).toBe(2);
    expect(book.toXml()).toBe(EXCEL);
    expect(book.changed).toBe(false);
  });

  it("malformed XML or another root is refused with PartParseError naming the part", () => {
    const bad = (text: string, part?: string) => {
      try {
        if (part === undefined) parseStyles(text);
        else parseStyles(text, part);
      } catch (e) {
        return e;
      }
      throw new Error("not refused");
    };
    const e1 = bad(EXCEL.replace("</fonts>", "</font>"));
    expect(e1).toBeInstanceOf(PartParseError);
    expect((e1 as PartParseError).part).toBe("xl/styles.xml");
    expect((e1 as PartParseError).messageZh).toContain("xl/styles.xml");
    const e2 = bad("<styleSheet><fonts>", "xl/styles2.xml");
    expect((e2 as PartParseError).part).toBe("xl/styles2.xml");
    expect((e2 as PartParseError).messageEn).toContain("xl/styles2.xml");
    const e3 = bad('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    expect(e3).toBeInstanceOf(PartParseError);
    expect((e3 as PartParseError).messageEn).toContain("styleSheet");
  });
});

describe("parseStyles: restyle", () => {
  it("bold over xf 0 reuses the existing bold font (children in another order) and finds nothing else to add", () => {
    const book = parseStyles(EXCEL);
    const i = book.restyle(0, undefined, { bold: true });
    expect(i).toBe(5);
    const out = book.toXml();
    expect(appended(EXCEL, out, "fonts")).toEqual([]);
    expect(appended(EXCEL, out, "cellXfs")).toEqual(['<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment vertical="center"/></xf>']);
    expect(undo(EXCEL, out)).toBe(EXCEL);
  });

  it("a font change copies the base font and sets only what the style names", () => {
    const book = parseStyles(EXCEL);
    const i = book.restyle(2, undefined, { bold: false, italic: true, fontSize: 14, fontColor: "#c00000" });
    expect(i).toBe(5);
    const out = book.toXml();
    expect(appended(EXCEL, out, "fonts")).toEqual(['<font><i/><sz val="14"/><color rgb="FFC00000"/><name val="宋体"/><charset val="134"/><family val="2"/><scheme val="minor"/></font>']);
    expect(appended(EXCEL, out, "cellXfs")).toEqual([
      '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment horizontal="center" vertical="center" wrapText="1"/><protection locked="0"/></xf>',
    ]);
    expect(countsRight(out)).toMatchObject({ fonts: ["3", 3], cellXfs: ["6", 6], numFmts: ["3", 3], dxfs: ["1", 1] });
    expect(undo(EXCEL, out)).toBe(EXCEL);
  });

  it("fill, border, alignment and number format: the ExcelJS renderings, base's other attributes and children kept", () => {
    const book = parseStyles(EXCEL);
    const i = book.restyle(2, "0.0000", { fill: "#FFF2CC", border: "medium", wrap: false, horizontal: "left", vertical: "top" });
    const out = book.toXml();
    expect(i).toBe(5);
    expect(appended(EXCEL, out, "numFmts")).toEqual(['<numFmt numFmtId="167" formatCode="0.0000"/>']);
    expect(appended(EXCEL, out, "fills")).toEqual(['<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor rgb="FFFFF2CC"/></patternFill></fill>']);
    expect(appended(EXCEL, out, "borders")).toEqual([
      '<border><left style="medium"><color rgb="FF000000"/></left><right style="medium"><color rgb="FF000000"/></right><top style="medium"><color rgb="FF000000"/></top><bottom style="medium"><color rgb="FF000000"/></bottom><diagonal/></border>',
    ]);
    expect(appended(EXCEL, out, "cellXfs")).toEqual([
      '<xf numFmtId="167" fontId="1" fillId="3" borderId="2" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1" applyNumberFormat="1"><alignment horizontal="left" vertical="top"/><protection locked="0"/></xf>',
    ]);
    expect(countsRight(out)).toEqual({ numFmts: ["4", 4], fonts: ["2", 2], fills: ["4", 4], borders: ["3", 3], cellXfs: ["6", 6], dxfs: ["1", 1] });
    expect(parseStyles(out).numberFormat(i)).toBe("0.0000");
    expect(undo(EXCEL, out)).toBe(EXCEL);
  });

  it('border "none" is the empty border (index 0 here); "thin" is black, not the indexed colour of the existing one', () => {
    const book = parseStyles(EXCEL);
    const none = book.restyle(2, undefined, { border: "none" });
    const thin = book.restyle(0, undefined, { border: "thin" });
    const out = book.toXml();
    expect(appended(EXCEL, out, "cellXfs")[0]).toMatch(/^<xf numFmtId="0" fontId="1" fillId="2" borderId="0" /);
    expect(appended(EXCEL, out, "borders")).toEqual([
      '<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right><top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border>',
    ]);
    expect([none, thin]).toEqual([5, 6]);
    expect(appended(EXCEL, out, "cellXfs")[1]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="2" xfId="0" applyBorder="1"><alignment vertical="center"/></xf>');
  });

  it("number formats: built-in codes map to their ids, known codes reuse their <numFmt>, zh-CN codes get their own", () => {
    const book = parseStyles(EXCEL);
    expect(book.restyle(0, "yyyy\\-mm\\-dd", undefined)).toBe(1); // the same look as xf 1
    expect(book.restyle(0, '"¥"#,##0.00', undefined)).toBe(5);
    expect(book.restyle(0, "0.000", undefined)).toBe(6); // the single-quoted <numFmt> 166
    expect(book.restyle(0, "#,##0.00", undefined)).toBe(7);
    expect(book.restyle(1, "General", undefined)).toBe(8); // not xf 0: xf 1's applyNumberFormat="1" is kept
    const zh = book.restyle(0, 'yyyy"年"m"月"', undefined);
    expect(book.restyle(0, "0.0000", undefined)).toBe(zh + 1);
    const out = book.toXml();
    expect(appended(EXCEL, out, "numFmts")).toEqual(['<numFmt numFmtId="167" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>', '<numFmt numFmtId="168" formatCode="0.0000"/>']);
    const xfs = appended(EXCEL, out, "cellXfs");
    expect(xfs.map((x) => /numFmtId="(\d+)"/.exec(x)?.[1])).toEqual(["165", "166", "4", "0", "167", "168"]);
    const again = parseStyles(out);
    expect([5, 6, 7, 8, 9, 10].map((x) => again.numberFormat(x))).toEqual(['"¥"#,##0.00', "0.000", "#,##0.00", "General", 'yyyy"年"m"月"', "0.0000"]);
    expect(undo(EXCEL, out)).toBe(EXCEL);
  });

  it("no change, no new index: the base's own look, a vertical 'middle' that is already 'center', a bold font already bold", () => {
    const book = parseStyles(EXCEL);
    expect(book.restyle(0, "General", undefined)).toBe(0);
    expect(book.restyle(0, undefined, { vertical: "middle" })).toBe(0);
    expect(book.restyle(2, undefined, { bold: true, fontSize: 11, wrap: true, horizontal: "center" })).toBe(2);
    expect(book.restyle(1, "yyyy\\-mm\\-dd", { bold: false, italic: false })).toBe(1);
    expect(book.restyle(3, 'yyyy"年"m"月"d"日"', undefined)).toBe(3); // the zh-CN id's own code
    expect(book.changed).toBe(false);
    expect(book.toXml()).toBe(EXCEL);
  });

  it("identical results share one index, whatever the CellStyle object; existing indexes keep their text", () => {
    const book = parseStyles(EXCEL);
    const a = book.restyle(0, "0.00", { fill: "#FFC7CE", italic: true });
    const b = book.restyle(0, "0.00", { italic: true, fill: "#ffc7ce" });
    const c = book.restyle(a, "0.00", { fill: "#FFC7CE" });
    const d = book.restyle(1, "0.00", { fill: "#FFC7CE", italic: true }); // another base, the same result
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(d).toBe(a);
    const e = book.restyle(4, undefined, { fill: "#FFC7CE" });
    const out = book.toXml();
    expect(appended(EXCEL, out, "fills")).toHaveLength(1); // one new fill for three xfs
    expect(appended(EXCEL, out, "fonts")).toHaveLength(1);
    expect(appended(EXCEL, out, "cellXfs")).toHaveLength(2);
    expect(e).toBe(6);
    expect(itemTexts(out, "cellXfs").slice(0, 5)).toEqual(itemTexts(EXCEL, "cellXfs"));
    expect(itemTexts(out, "fonts").slice(0, 2)).toEqual(itemTexts(EXCEL, "fonts"));
    const again = parseStyles(out);
    expect([0, 1, 2, 3, 4].map((x) => again.numberFormat(x))).toEqual([0, 1, 2, 3, 4].map((x) => parseStyles(EXCEL).numberFormat(x)));
  });

  it("restyle of an index appended earlier builds on it", () => {
    const book = parseStyles(EXCEL);
    const bold = book.restyle(3, undefined, { bold: true });
    const boldRed = book.restyle(bold, "0.00", { fill: "#FF0000" });
    const out = book.toXml();
    const last = appended(EXCEL, out, "cellXfs")[boldRed - 5];
    expect(last).toBe('<xf numFmtId="2" fontId="1" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>');
  });

  it("highlight: solid dxf fill, the font colour when given, deduped; count updated", () => {
    const book = parseStyles(EXCEL);
    expect(book.highlight("#FFC7CE", "#9C0006")).toBe(1);
    expect(book.highlight("#FFC7CE")).toBe(2);
    expect(book.highlight("#ffc7ce", "#9c0006")).toBe(1);
    const out = book.toXml();
    expect(appended(EXCEL, out, "dxfs")).toEqual([
      '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>',
      '<dxf><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>',
    ]);
    expect(countsRight(out).dxfs).toEqual(["3", 3]);
    expect(undo(EXCEL, out)).toBe(EXCEL);
    expect(parseStyles(out).highlight("#FFC7CE")).toBe(2); // found again in the written part
  });

  it("a colour that is not #RRGGBB is refused", () => {
    const book = parseStyles(EXCEL);
    expect(() => book.restyle(0, undefined, { fill: "red" })).toThrow(RangeError);
    expect(() => book.highlight("#12345")).toThrow(RangeError);
  });

  it("missing <numFmts> and <dxfs> are inserted in schema order, with counts; a section without count gets none", () => {
    const book = parseStyles(BARE);
    const i = book.restyle(0, "yyyy-mm-dd", { bold: true });
    expect(book.highlight("#FFEB9C", "#9C5700")).toBe(0);
    const out = book.toXml();
    expect(childOrder(out)).toEqual(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles"]);
    expect(out).toContain('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\n  <fonts>');
    expect(out).toContain('</cellStyles><dxfs count="1"><dxf>');
    expect(out).toContain('<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>');
    expect(countsRight(out)).toEqual({ numFmts: ["1", 1], fonts: [undefined, 2], fills: ["2", 2], borders: ["1", 1], cellXfs: ["2", 2], dxfs: ["1", 1] });
    expect(i).toBe(1);
    expect(undo(BARE, out)).toBe(BARE);
  });

  it("a prefixed root: new elements carry its prefix", () => {
    const book = parseStyles(PREFIXED);
    book.restyle(0, "0.0%", { fill: "#D9E1F2", border: "thin", horizontal: "center" });
    book.highlight("#FFC7CE");
    const out = book.toXml();
    expect(childOrder(out)).toEqual(["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"]);
    expect(appended(PREFIXED, out, "cellXfs")).toEqual(['<x:xf numFmtId="164" fontId="0" fillId="2" borderId="1" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1"><x:alignment horizontal="center"/></x:xf>']);
    expect(out).toContain('<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0%"/></x:numFmts>');
    expect(out).not.toMatch(/<(?!x:|\/x:|\?xml)/);
    expect(undo(PREFIXED, out)).toBe(PREFIXED);
  });

  it("newStylesXml: a minimal part parseStyles reads and extends (the self-closing <dxfs/> opened)", () => {
    const xml = newStylesXml();
    const book = parseStyles(xml);
    expect(book.numberFormat(0)).toBe("General");
    expect(book.restyle(0, "0.00", undefined)).toBe(1);
    expect(book.highlight("#FFC7CE")).toBe(0);
    const out = book.toXml();
    expect(out).toContain('<dxfs count="1"><dxf><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>');
    expect(out).toContain('<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
    expect(undo(xml, out)).toBe(xml);
  });

  it("a self-closing root gets its sections", () => {
    const root = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" />';
    const book = parseStyles(root);
    expect(book.highlight("#000000")).toBe(0);
    expect(book.toXml()).toBe('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dxfs count="1"><dxf><fill><patternFill patternType="solid"><fgColor rgb="FF000000"/><bgColor rgb="FF000000"/></patternFill></fill></dxf></dxfs></styleSheet>');
  });

  it("many writes, few looks: a few thousand calls add only the distinct looks", () => {
    const book = parseStyles(EXCEL);
    const looks: CellStyle[] = [{ bold: true }, { border: "thin", horizontal: "center" }, { fill: "#D9E1F2", bold: true }];
    const seen = new Set<number>();
    for (let k = 0; k < 3000; k++) {
      const look = looks[k % 3] as CellStyle;
      seen.add(book.restyle(k % 5, k % 2 === 0 ? "0.00" : undefined, k % 7 === 0 ? { ...look } : look));
    }
    expect(seen.size).toBeLessThanOrEqual(30);
    expect(itemTexts(book.toXml(), "cellXfs").length).toBe(5 + [...seen].filter((x) => x >= 5).length);
  });
});

describe("schema validity (ECMA-376 Transitional sml.xsd, xmllint-wasm)", () => {
  it("the check can fail: sections out of order are reported", async () => {
    const wrong = BARE.replace("<tableStyles", '<dxfs count="0"/><tableStyles').replace("<cellXfs", '<numFmts count="0"/><cellXfs');
    expect((await smlErrors(wrong)).join("\n")).toMatch(/numFmts/);
  });

  it("the Excel-like part, the bare one, newStylesXml() and a prefixed root validate before and after changes", async () => {
    const cases: [string, string][] = [];
    for (const xml of [EXCEL, BARE, newStylesXml(), PREFIXED]) {
      const book = parseStyles(xml);
      book.restyle(0, "yyyy-mm-dd", { bold: true, italic: true, fontSize: 12, fontColor: "#1F4E78", fill: "#D9E1F2", border: "thin", wrap: true, horizontal: "center", vertical: "middle" });
      book.restyle(0, 'yyyy"年"m"月"', { border: "none", wrap: false, vertical: "bottom" });
      book.restyle(0, undefined, { border: "medium", bold: false });
      book.highlight("#FFC7CE", "#9C0006");
      book.highlight("#C6EFCE");
      cases.push([xml, book.toXml()]);
    }
    for (const [before, after] of cases) {
      expect(await smlErrors(before)).toEqual([]);
      expect(await smlErrors(after)).toEqual([]);
      expect(after).not.toBe(before);
    }
  });
});

describe("the same looks as the ExcelJS rendering (test/fixtures/exceljs-render.ts applyCellWrites)", () => {
  const ADDRESSES = ["A1", "A2", "A3", "A4", "A5", "A6"];

  async function base(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    const a2 = ws.getCell("A2");
    a2.value = "文字";
    a2.font = { name: "宋体", size: 10, family: 3, charset: 134, color: { theme: 1 }, bold: true };
    const a3 = ws.getCell("A3");
    a3.value = 3;
    a3.alignment = { horizontal: "left", vertical: "top", indent: 1, wrapText: true };
    const a4 = ws.getCell("A4");
    a4.value = 45000;
    a4.numFmt = "yyyy-mm-dd";
    a4.border = { left: { style: "dashed", color: { argb: "FF00FF00" } } };
    const a5 = ws.getCell("A5");
    a5.value = 5;
    a5.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" }, bgColor: { indexed: 64 } as Partial<ExcelJS.Color> };
    a5.font = { italic: true, underline: true, size: 9, name: "Arial" };
    const a6 = ws.getCell("A6");
    a6.value = 6;
    a6.protection = { locked: false };
    a6.numFmt = "0.00";
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** The font of xf 0 in an ExcelJS-written workbook. */
  const DEFAULT_FONT = { size: 11, color: { theme: 1 }, name: "Calibri", family: 2, scheme: "minor" };

  function looks(ws: ExcelJS.Worksheet): unknown[] {
    return ADDRESSES.map((a) => {
      const s = JSON.parse(JSON.stringify(ws.getCell(a).style ?? {})) as Record<string, unknown>;
      return [a, s["numFmt"], s["font"], s["alignment"], s["border"], s["fill"], s["protection"]];
    });
  }

  async function load(bytes: Buffer): Promise<ExcelJS.Worksheet> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("S");
    if (!ws) throw new Error("no sheet");
    return ws;
  }

  async function viaExcelJs(bytes: Buffer, numberFormat: string | undefined, style: CellStyle | undefined): Promise<unknown[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("S") as ExcelJS.Worksheet;
    const writes: CellWrite[] = ADDRESSES.map((address) => ({ address, value: ws.getCell(address).value as CellWrite["value"], ...(numberFormat !== undefined ? { numberFormat } : {}), ...(style ? { style } : {}) }));
    applyCellWrites(ws, writes);
    return looks(await load(Buffer.from(await wb.xlsx.writeBuffer())));
  }

  async function viaStyleBook(bytes: Buffer, numberFormat: string | undefined, style: CellStyle | undefined): Promise<unknown[]> {
    const zip = await JSZip.loadAsync(bytes);
    const book = parseStyles(await (zip.file("xl/styles.xml") as JSZip.JSZipObject).async("string"));
    let sheet = await (zip.file("xl/worksheets/sheet1.xml") as JSZip.JSZipObject).async("string");
    for (const a of ADDRESSES) {
      sheet = sheet.replace(new RegExp(`<c r="${a}"([^>]*?)(/?)>`), (_m, rest: string, close: string) => {
        const s = /\ss="(\d+)"/.exec(rest);
        const to = book.restyle(s ? Number(s[1]) : 0, numberFormat, style);
        const attrs = s ? rest.replace(/\ss="\d+"/, ` s="${to}"`) : `${rest} s="${to}"`;
        return `<c r="${a}"${attrs}${close}>`;
      });
    }
    zip.file("xl/styles.xml", book.toXml());
    zip.file("xl/worksheets/sheet1.xml", sheet);
    return looks(await load(await zip.generateAsync({ type: "nodebuffer" })));
  }

  const CASES: [string, string | undefined, CellStyle | undefined][] = [
    ["bold", undefined, { bold: true }],
    ["italic off, size, colour", undefined, { italic: false, bold: false, fontSize: 14, fontColor: "#C00000" }],
    ["fill", undefined, { fill: "#FFC7CE" }],
    ["thin border", undefined, { border: "thin" }],
    ["medium border", undefined, { border: "medium" }],
    ["no border", undefined, { border: "none" }],
    ["alignment", undefined, { wrap: true, horizontal: "center", vertical: "middle" }],
    ["number format 0.00", "0.00", undefined],
    ["custom number format", "#,##0.000", undefined],
    ["zh-CN number format", 'yyyy"年"m"月"', undefined],
    ["General", "General", undefined],
    ["everything", "0.0%", { bold: true, italic: true, fontSize: 12, fontColor: "#1F4E78", fill: "#D9E1F2", border: "thin", horizontal: "right", vertical: "bottom", wrap: true }],
  ];

  for (const [label, numberFormat, style] of CASES) {
    it(label, async () => {
      const bytes = await base();
      const ours = await viaStyleBook(bytes, numberFormat, style);
      const theirs = await viaExcelJs(bytes, numberFormat, style);
      // One difference on purpose: a cell without an s attribute (A1) has style 0 — ExcelJS reads it
      // as no style at all and gives a font change a font of only the named parts (no name, no size);
      // here it starts from font 0, as for any other cell.
      const a1 = theirs[0] as unknown[];
      if (style && (style.bold ?? style.italic ?? style.fontSize ?? style.fontColor) !== undefined) {
        const named = Object.fromEntries(Object.entries(a1[2] as Record<string, unknown>).filter(([, v]) => v !== false));
        a1[2] = { ...DEFAULT_FONT, ...named };
      }
      expect(ours).toEqual(theirs);
      expect(ours).not.toEqual(looks(await load(bytes)));
    });
  }
});

describe("property: any sequence of writes (fast-check)", () => {
  const color = fc.constantFrom("#FFC7CE", "#D9E1F2", "#000000", "#1f4e78");
  const styleArb: fc.Arbitrary<CellStyle> = fc.record(
    {
      bold: fc.boolean(),
      italic: fc.boolean(),
      fontSize: fc.integer({ min: 8, max: 20 }),
      fontColor: color,
      fill: color,
      wrap: fc.boolean(),
      horizontal: fc.constantFrom("left", "center", "right"),
      vertical: fc.constantFrom("top", "middle", "bottom"),
      border: fc.constantFrom("thin", "medium", "none"),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<CellStyle>;
  const format = fc.option(fc.constantFrom("General", "0.00", "yyyy-mm-dd", "yyyy\\-mm\\-dd", 'yyyy"年"m"月"', "0.0%", '"¥"#,##0.00', "a&b<c>\"d'"), { nil: undefined });
  const op = fc.oneof(
    fc.record({ kind: fc.constant("restyle" as const), base: fc.nat(40), format, style: fc.option(styleArb, { nil: undefined }) }),
    fc.record({ kind: fc.constant("highlight" as const), fill: color, font: fc.option(color, { nil: undefined }) }),
  );

  it("the original bytes stay outside the inserted regions; every index is below the cellXfs count; indexes keep their look", () => {
    fc.assert(
      fc.property(fc.constantFrom(EXCEL, BARE, PREFIXED, newStylesXml()), fc.array(op, { maxLength: 30 }), (original, ops) => {
        const book = parseStyles(original);
        const results: [number, string][] = [];
        const known = itemTexts(original, "cellXfs").map((_x, i) => i);
        let dxfs = 0;
        for (const o of ops) {
          if (o.kind === "restyle") {
            const base = known[o.base % known.length] as number;
            const i = book.restyle(base, o.format, o.style);
            results.push([i, o.format ?? book.numberFormat(base)]);
            known.push(i);
          } else {
            dxfs = Math.max(dxfs, book.highlight(o.fill, o.font) + 1);
          }
        }
        const out = book.toXml();
        expect(undo(original, out)).toBe(original);
        const xfs = itemTexts(out, "cellXfs");
        const again = parseStyles(out);
        for (const [i, fmt] of results) {
          expect(i).toBeLessThan(xfs.length);
          expect(again.numberFormat(i)).toBe(fmt);
        }
        expect(itemTexts(out, "dxfs").length).toBeGreaterThanOrEqual(dxfs);
        for (const [local, [count, n]] of Object.entries(countsRight(out))) if (count !== undefined) expect([local, Number(count)]).toEqual([local, n]);
        expect(book.changed).toBe(out !== original);
      }),
      { numRuns: 150 },
    );
  });
});
