/**
 * The XML layer (xml.ts, saxes underneath): the tree it gives — names, attributes, text, and every
 * offset the edits splice at — checked against the text itself on every XML part of every variant
 * workbook (Excel-, ExcelJS-, LibreOffice- and hand-made): each element's span starts with its
 * start tag and ends with its end tag; and malformed text is refused, naming the part.
 */
// @ts-nocheck

import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { parseXml, PartParseError, type XmlElement } from "../../../../src/hosts/file/package/xml";
import { VARIANTS } from "../../../fixtures/variants";

const ASSET = path.join(__dirname, "..", "..", "..", "..", "assets", "example-2024-2025.xlsx");

async function xmlParts(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: [string, string][] = [];
  for (const name of Object.keys(zip.files).sort()) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    out.push([name, await (zip.file(name) as JSZip.JSZipObject).async("string")]);
  }
  return out;
}

/** Every element's recorded span, checked against the text: what the splices rely on. */
function spansHold(text: string, el: XmlElement, out: string[]): void {
  const open = text.slice(el.start, el.openEnd);
  if (!open.startsWith(`<${el.name}`) || !open.endsWith(">")) out.push(`${el.name}@${el.start}: start tag ${JSON.stringify(open.slice(0, 40))}`);
  if (el.selfClosing) {
    if (!open.endsWith("/>") || el.end !== el.openEnd || el.closeStart !== el.end) out.push(`${el.name}@${el.start}: self-closing span`);
  } else if (text.slice(el.closeStart, el.end).replace(/\s+>$/, ">") !== `</${el.name}>`) {
    out.push(`${el.name}@${el.start}: end tag ${JSON.stringify(text.slice(el.closeStart, el.end))}`);
  }
  let at = el.openEnd;
  for (const c of el.children) {
    if (c.start < at || c.end > el.closeStart) out.push(`${c.name}@${c.start}: outside its parent or overlapping`);
    at = c.end;
    spansHold(text, c, out);
  }
}

describe("the tree's offsets hold on real parts", () => {
  it("every XML part of the example and of the 20 variant workbooks", async () => {
    let checked = 0;
    const bad: string[] = [];
    for (const bytes of [readFileSync(ASSET), ...(await Promise.all(VARIANTS.map(async (v) => (await v.build()) as Uint8Array)))]) {
      for (const [name, text] of await xmlParts(bytes)) {
        if (name.endsWith(".vml")) continue; // VML as Excel writes it is not XML (<br> has no end tag); the product never parses it
        const doc = parseXml(text, name);
        const out: string[] = [];
        spansHold(text, doc.root, out);
        bad.push(...out.map((o) => `${name}: ${o}`));
        checked++;
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it("entities, character references, CDATA, comments, PIs, line ends and attribute white space, as XML 1.0 has a parser give them", () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- c --><a x='1 &amp; 2' y="a&#10;b\tc\r\nd" z="&#x4E2D;"><b>&lt;&gt;&quot;&apos;&#13;e\r\nf</b><?pi data?><c><![CDATA[<raw>&amp;]]></c><d/></a>\n`;
    const root = parseXml(text, "t").root;
    expect(root.attrs).toEqual({ x: "1 & 2", y: "a\nb c d", z: "中" });
    expect(root.children.map((c) => [c.name, c.text])).toEqual([
      ["b", "<>\"'\re\nf"],
      ["c", "<raw>&amp;"],
      ["d", ""],
    ]);
    const out: string[] = [];
    spansHold(text, root, out);
    expect(out).toEqual([]);
  });
});

describe("malformed text: the fast path steps aside and saxes refuses it, naming the part", () => {
  it.each([
    ["an unclosed element", "<a><b></a>"],
    ["a stray end tag", "<a></b></a>"],
    ["two roots", "<a/><b/>"],
    ["text outside the root", "<a/>x"],
    ["an attribute without quotes", "<a x=1/>"],
    ["an attribute twice", '<a x="1" x="2"/>'],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a bare ampersand", "<a>AT&T</a>"],
    ["a reference to a forbidden character", "<a>&#1;</a>"],
    ["a control character", "<a>\u0001</a>"],
    ["]]> in text", "<a>]]></a>"],
    ["'<' in an attribute", '<a x="<"/>'],
    ["-- inside a comment", "<a><!-- a -- b --></a>"],
    ["an XML declaration not at the start", '<a/><?xml version="1.0"?>'],
    ["nothing", ""],
    ["cut short", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetD"],
  ])("%s", (_what, text) => {
    expect(() => parseXml(text, "xl/worksheets/sheet9.xml")).toThrow(PartParseError);
    expect(() => parseXml(text, "xl/worksheets/sheet9.xml")).toThrow("工作簿部件 xl/worksheets/sheet9.xml 无法解析");
  });
});

