/**
 * Issue 13 (speed): a worksheet's <sheetData> content is read by worksheet.ts's scan (one regular
 * expression a cell) when it is of the plain kind, saxes reading the rest of the part; anything
 * else and saxes reads the whole part. The oracle is saxes alone (parseWorksheetXml(text, part,
 * false)): whatever the scan takes must give the same tree, the same cells and the same text after
 * the same writes; whatever saxes refuses, the scan must refuse with the same message (it declines,
 * and saxes reports).
 */
// @ts-nocheck

import fc from "fast-check";
import { parseStyles } from "../../../../src/hosts/file/package/styles";
import { parseWithScannedCells, parseWorksheetXml, WorksheetPart } from "../../../../src/hosts/file/package/worksheet";
import { PartParseError, type XmlDocument } from "../../../../src/hosts/file/package/xml";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const STYLES = parseStyles(
  `<styleSheet ${NS}><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  "xl/styles.xml",
);
const PART = "xl/worksheets/sheet1.xml";

function sheet(body: string, head = "<sheetData>", tail = "</sheetData>"): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1:C3"/>${head}${body}${tail}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function part(doc: XmlDocument): WorksheetPart {
  return new WorksheetPart(doc, { part: PART, sharedStrings: ["甲", "乙"], styles: STYLES, date1904: false });
}

/** Did the scan take the part (true) or decline it (false)? Throws nothing: a declined part is saxes's. */
function taken(text: string): boolean {
  return parseWithScannedCells(text, PART) !== null;
}

type Outcome = { error: string } | { doc: XmlDocument; cells: unknown; written: string };

function outcome(text: string, fast: boolean): Outcome {
  let doc: XmlDocument;
  try {
    doc = parseWorksheetXml(text, PART, fast);
  } catch (e) {
    if (e instanceof PartParseError) return { error: e.message };
    throw e;
  }
  const ws = part(doc);
  const cells = ws.cells();
  // A write to every cell read and one past them: every cell's place and every row's end are used.
  for (const c of cells) ws.setCell({ address: `${String.fromCharCode(64 + Math.min(c.col, 26))}${c.row}`, value: "写" });
  ws.setCell({ address: "Z9", value: 1 });
  return { doc, cells, written: ws.toXml() };
}

function expectSame(text: string): void {
  expect(outcome(text, true)).toEqual(outcome(text, false));
}

describe("the cell scan: the same as saxes on what it takes, declined otherwise", () => {
  const plain = `<row r="1" spans="1:3" ht="24" customHeight="1" x14ac:dyDescent="0.25"><c r="A1" s="1" t="inlineStr"><is><t>考核月份：</t></is></c><c r="B1" t="s"><v>1</v></c><c r="C1"><f>SUM(A2:A3)</f><v>3</v></c></row>\n<row r="2"> <c r="A2"><v>1.5</v></c>\n<c r = "B2" t="str"><f t="shared" ref="B2:B3" si="0">A2&amp;"&lt;&gt;"</f><v>1.5&lt;&gt;</v></c><c r="C2" t="str"><f t="shared" si="0"/><v/></c></row><row r="3" /><row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve"> 粗 &#x4F53;&#20307; </t></is></c><c r="B4" t="b" ><v>1</v></c><c r="C4" ph="1" s="2"></c></row>\n`;

  it("takes a plain sheet (Excel's and LibreOffice's spellings) and gives saxes's tree, cells and text", () => {
    const text = sheet(plain);
    expect(taken(text)).toBe(true);
    expectSame(text);
    const cells = part(parseWorksheetXml(text, PART)).cells();
    expect(cells.map((c) => [c.row, c.col, c.value, c.formula ?? null])).toEqual([
      [1, 1, "考核月份：", null],
      [1, 2, "乙", null],
      [1, 3, 3, "SUM(A2:A3)"],
      [2, 1, 1.5, null],
      [2, 2, "1.5<>", 'A2&"<>"'],
      [2, 3, "", 'B2&"<>"'],
      [4, 1, " 粗 体体 ", null],
      [4, 2, true, null],
    ]);
  });

  it.each([
    ["a comment", `<row r="1"><!-- x --><c r="A1"><v>1</v></c></row>`],
    ["CDATA", `<row r="1"><c r="A1" t="str"><v><![CDATA[a<b]]></v></c></row>`],
    ["a processing instruction", `<row r="1"><?pi x?><c r="A1"><v>1</v></c></row>`],
    ["a carriage return", `<row r="1">\r\n<c r="A1"><v>1</v></c></row>`],
    ["a line feed in an attribute value", `<row r="1" x="a\nb"><c r="A1"><v>1</v></c></row>`],
    ["a tab in an attribute value", `<row r="1" x="a\tb"><c r="A1"><v>1</v></c></row>`],
    ["a non-ASCII element name", `<row r="1"><c r="A1"><v>1</v><注>x</注></c></row>`],
    ["a surrogate pair", `<row r="1"><c r="A1" t="inlineStr"><is><t>😀</t></is></c></row>`],
    ["an attribute quoted with '", `<row r="1"><c r='A1'><v>1</v></c></row>`],
    ["a rich text run", `<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>粗</t></r></is></c></row>`],
    ["<v> before <f>", `<row r="1"><c r="A1"><v>1</v><f>1</f></c></row>`],
    ["whitespace inside a cell", `<row r="1"><c r="A1"> <v>1</v></c></row>`],
    ["a row's extLst", `<row r="1"><c r="A1"><v>1</v></c><extLst/></row>`],
    ["text between cells", `<row r="1">x<c r="A1"><v>1</v></c></row>`],
    ["an end tag with whitespace", `<row r="1"><c r="A1"><v>1</v></c ></row>`],
    ["a NEL character", `<row r="1"><c r="A1" t="str"><v>a\u0085b</v></c></row>`],
    ["a C1 control character", `<row r="1"><c r="A1" t="str"><v>a\u0090b</v></c></row>`],
    ["a reference to a character beyond the BMP", `<row r="1"><c r="A1" t="inlineStr"><is><t>&#x1F600;</t></is></c></row>`],
  ])("declines %s, and saxes reads it", (_name, body) => {
    const text = sheet(body);
    expect(taken(text)).toBe(false);
    expectSame(text);
    expect(() => parseWorksheetXml(text, PART)).not.toThrow();
  });

  it.each([
    ["an unknown entity", `<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`],
    ["a reference to NUL", `<row r="1"><c r="A1" t="str"><v>&#0;</v></c></row>`],
    ["]]> in text", `<row r="1"><c r="A1" t="str"><v>a]]>b</v></c></row>`],
    ["a duplicate attribute", `<row r="1"><c r="A1" r="A2"><v>1</v></c></row>`],
    ["< in an attribute value", `<row r="1"><c r="A<1"><v>1</v></c></row>`],
    ["a mismatched end tag", `<row r="1"><c r="A1"><v>1</c></v></row>`],
    ["an unclosed row", `<row r="1"><c r="A1"><v>1</v></c>`],
    ["a stray end tag", `</row><row r="1"/>`],
    ["attributes without whitespace between them", `<row r="1"><c r="A1"s="1"><v>1</v></c></row>`],
    ["an unquoted attribute", `<row r=1><c r="A1"><v>1</v></c></row>`],
    ["a control character", `<row r="1"><c r="A1" t="str"><v>a\u0001b</v></c></row>`],
    ["U+FFFF", `<row r="1"><c r="A1" t="str"><v>a\uffffb</v></c></row>`],
    ["a lone <", `<row r="1"><c r="A1" t="str"><v>a < b</v></c></row>`],
    ["an unterminated reference", `<row r="1"><c r="A1" t="str"><v>a &amp b</v></c></row>`],
    ["a known entity without its ';' at the end of a text", `<row r="1"><c r="A1" t="str"><v>1&lt</v></c></row>`],
    ["an unknown entity in an attribute value", `<row r="1"><c r="A1" cm="&bogus;"><v>1</v></c></row>`],
    ["an unknown entity in a formula's attribute", `<row r="1"><c r="A1"><f t="&bogus;">1</f></c></row>`],
    ["an unknown entity in a formula", `<row r="1"><c r="A1"><f>&bogus;</f></c></row>`],
    ["an unknown entity in an inline string", `<row r="1"><c r="A1" t="inlineStr"><is><t>&bogus;</t></is></c></row>`],
    ["a hexadecimal reference with a letter after it", `<row r="1"><c r="A1" t="str"><v>&#x41g;</v></c></row>`],
    ["a decimal reference with a letter after it", `<row r="1"><c r="A1" t="str"><v>&#65a;</v></c></row>`],
    ["a name before a reference's #", `<row r="1"><c r="A1" t="str"><v>&a#65;</v></c></row>`],
    ["a reference to a surrogate", `<row r="1"><c r="A1" t="str"><v>&#xD800;</v></c></row>`],
    ["a reference to U+FFFE", `<row r="1"><c r="A1" t="str"><v>&#xFFFE;</v></c></row>`],
    ["a reference to a control character", `<row r="1"><c r="A1" t="str"><v>&#31;</v></c></row>`],
    ["a cell reference that is not an address", `<row r="1"><c r="1A"><v>1</v></c></row>`],
  ])("refuses %s with saxes's own message", (_name, body) => {
    const text = sheet(body);
    const fast = outcome(text, true);
    expect(fast).toEqual(outcome(text, false));
    expect(fast).toEqual({ error: expect.stringContaining("xl/worksheets/sheet1.xml") });
  });

  it("leaves the whole part to saxes when <sheetData> is not where the search first finds it", () => {
    // The first "<sheetData>" is inside a comment: saxes has not opened the element there.
    const text = sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, "<!-- <sheetData> --><sheetData>");
    expect(taken(text)).toBe(false);
    expectSame(text);
    const prefixed = `<?xml version="1.0"?><x:worksheet xmlns:x="${NS.slice(7, -1)}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(taken(prefixed)).toBe(false);
    expectSame(prefixed);
    expect(part(parseWorksheetXml(prefixed, PART)).cells().map((c) => c.value)).toEqual([2]);
  });

  it("reports an error after the region at saxes's own line and column", () => {
    const text = sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`).replace("<pageMargins", "<pageMargins bad");
    expect(outcome(text, true)).toEqual(outcome(text, false));
    expect(outcome(text, true)).toEqual({ error: expect.stringMatching(/\d+:\d+/) });
  });

  it("agrees with saxes on random sheets built from plain and hostile pieces", () => {
    const piece = fc.constantFrom(
      `<c r="A1"><v>1</v></c>`,
      `<c r="B1" t="inlineStr"><is><t>文字</t></is></c>`,
      `<c r="C1" s="1"/>`,
      `<c t="str"><f>A1&amp;"x"</f><v>1x</v></c>`,
      `<c r="D1" t="inlineStr"><is><r><t>a</t></r><rPh sb="0" eb="1"><t>b</t></rPh></is></c>`,
      " ",
      "\n",
      "&amp;",
      "&#10;",
      "&#x20;",
      "&lt;",
      "&bogus;",
      "<!-- c -->",
      "<![CDATA[x]]>",
      "]]>",
      "<",
      ">",
      "\r",
      "\t",
      "'",
      '"',
      "<x/>",
      "</c>",
      "</row>",
      "<row>",
      `<row r="9">`,
      `<v a="1" a="2"/>`,
      `<v a="&#9;"/>`,
      `<v a='q"q'/>`,
      `<v a="x`,
      "<_a.b-c:d/>",
      "<1a/>",
      "😀",
      "\u0000",
      "\ufffe",
    );
    let scanned = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = sheet(`<row r="1">${pieces.join("")}</row>`);
        if (taken(text)) scanned++;
        expect(outcome(text, true)).toEqual(outcome(text, false));
      }),
      { numRuns: 1500, seed: 13 },
    );
    // Both ways are exercised: some sheets are scanned, most are left to saxes.
    expect(scanned).toBeGreaterThan(30);
    expect(scanned).toBeLessThan(1500);
  });

  it("agrees with saxes on random plain sheets, and takes every one of them", () => {
    const ws = fc.constantFrom("", "", " ", "\n", "\t", "\n  ");
    const text = fc.array(fc.constantFrom("a", "考核", " ", "\n", ">", '"', "'", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#10;", "&#x4F53;", "&#9;", "_x000D_", "1.5", "=", "["), { maxLength: 6 }).map((a) => a.join(""));
    const attrValue = fc.array(fc.constantFrom("1", "a", " ", "&amp;", "&#10;", "&#13;", ">", "'", "&quot;"), { maxLength: 3 }).map((a) => a.join(""));
    const cell = fc.record({
      r: fc.option(fc.constantFrom("A", "B", "C", "D", "Z", "AA", "XFD"), { nil: undefined }),
      s: fc.option(fc.constantFrom("0", "1", "2"), { nil: undefined }),
      t: fc.option(fc.constantFrom("s", "str", "inlineStr", "b", "n", "e", "d"), { nil: undefined }),
      other: fc.option(attrValue, { nil: undefined }),
      body: fc.oneof(
        fc.constant("/>"),
        fc.constant("></c>"),
        text.map((v) => `><v>${v}</v></c>`),
        fc.constant("><v/></c>"),
        fc.tuple(text, text).map(([f, v]) => `><f>${f}</f><v>${v}</v></c>`),
        fc.constant('><f t="shared" si="0"/><v>2</v></c>'),
        text.map((f) => `><f t="shared" ref="A1:C9" si="0">${f}</f></c>`),
        fc.tuple(fc.boolean(), text).map(([p, t]) => `><is><t${p ? ' xml:space="preserve"' : ""}>${t}</t></is></c>`),
      ),
      space: ws,
    });
    const row = fc.record({
      r: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
      attrs: fc.subarray([' spans="1:9"', ' ht="24"', ' customHeight="1"', ' x14ac:dyDescent="0.25"', ' s="1" customFormat="1"', ' hidden="1"']),
      cells: fc.option(fc.array(cell, { maxLength: 5 }), { nil: undefined }),
      space: ws,
    });
    const rowXml = (r: { r?: number; attrs: string[]; cells?: { r?: string; s?: string; t?: string; other?: string; body: string; space: string }[]; space: string }, n: number): string => {
      const head = `${r.space}<row${r.r === undefined ? "" : ` r="${r.r}"`}${r.attrs.join("")}`;
      if (r.cells === undefined) return `${head}/>`;
      const cells = r.cells.map((c) => `${c.space}<c${c.r === undefined ? "" : ` r="${c.r}${n}"`}${c.s === undefined ? "" : ` s="${c.s}"`}${c.t === undefined ? "" : ` t="${c.t}"`}${c.other === undefined ? "" : ` cm="${c.other}"`}${c.body}`);
      return `${head}>${cells.join("")}${r.space}</row>`;
    };
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), ws, (rows, tail) => {
        const text = sheet(rows.map((r, i) => rowXml(r, r.r ?? i + 1)).join("") + tail);
        expect(taken(text)).toBe(true);
        expect(outcome(text, true)).toEqual(outcome(text, false));
      }),
      { numRuns: 1500, seed: 1313 },
    );
  });

  it.each([
    ["&#32;", " "],
    ["&#9;", "\t"],
    ["&#10;", "\n"],
    ["&#13;", "\r"],
    ["&#xD7FF;", "\ud7ff"],
    ["&#xE000;", "\ue000"],
    ["&#xFFFD;", "\ufffd"],
    ["&#x4F53;&#20307;", "体体"],
    ["&#0000065;", "A"],
    ["&#x000041;", "A"],
  ])("takes the character reference %s in text and in attribute values, as saxes reads it", (ref, char) => {
    const text = sheet(`<row r="1" x="${ref}"><c r="A1" t="str" cm="${ref}"><f>"${ref}"</f><v>${ref}</v></c><c r="B1" t="inlineStr"><is><t>${ref}</t></is></c></row>`);
    expect(taken(text)).toBe(true);
    expectSame(text);
    expect(part(parseWorksheetXml(text, PART)).cells().map((c) => c.value)).toEqual([char, char]);
  });

  it("leaves the part to saxes when an empty <sheetData> the search finds is inside a comment", () => {
    // The text between the first "<sheetData>" and "</sheetData>" is empty, so the scan takes it:
    // only the check that saxes opened the element there sees that the real one comes later.
    const text = sheet(`<row r="1"><c r="A1"><v>5</v></c></row>`, "<!-- <sheetData></sheetData> --><sheetData>");
    expect(taken(text)).toBe(false);
    expectSame(text);
    expect(part(parseWorksheetXml(text, PART)).cells().map((c) => c.value)).toEqual([5]);
  });

  it("leaves the part to saxes when the <sheetData> the search finds is not the worksheet's own", () => {
    const nested = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1"/><sheetData/><extLst><ext uri="x"><sheetData><row r="1"><c r="A1"><v>5</v></c></row></sheetData></ext></extLst></worksheet>`;
    expect(taken(nested)).toBe(false);
    expectSame(nested);
  });

  it("takes an attribute named __proto__ as saxes does: a value like any other", () => {
    const text = sheet(`<row r="1" __proto__="x"><c r="A1" __proto__="y"><v>1</v></c></row>`);
    expect(taken(text)).toBe(true);
    expectSame(text);
    const row = (parseWorksheetXml(text, PART).root.children.find((c) => c.local === "sheetData")?.children ?? [])[0];
    expect(row?.attrs.__proto__).toBe("x");
  });

  it("takes the sheets of the example workbook's kind (generated scorecards)", () => {
    const rows: string[] = [];
    for (let r = 1; r <= 17; r++) rows.push(`<row r="${r}" spans="1:9"><c r="A${r}" s="1" t="inlineStr"><is><t>${r} 项目</t></is></c><c r="G${r}"><v>${r * 0.5}</v></c><c r="H${r}"><f>G${r}*2</f><v>${r}</v></c></row>`);
    const text = sheet(rows.join(""));
    expect(taken(text)).toBe(true);
    expectSame(text);
  });
});
