/**
 * The rules of the package-of-parts layer that the part-by-part suites left unpinned (found by
 * Stryker over src/hosts/file/package): each test states one rule with exact values — the XML text
 * after an edit, the cells read, the offsets, the bytes saved — so that a wrong rule fails it.
 */
// @ts-nocheck

import { crc32 as zlibCrc32, deflateRawSync } from "node:zlib";
import { deflateSync as fflateDeflateSync } from "fflate";
import JSZip from "jszip";
import { crc32, FFLATE_CODEC, fflateInflateSync } from "../../../../src/hosts/file/package/codec";
import { OpcPackage, relativeTarget, resolveTarget, type SourcePart, type ZipCodec } from "../../../../src/hosts/file/package/opc";
import { ContentTypesPart, RelationshipsPart } from "../../../../src/hosts/file/package/relationships";
import { WorkbookPart } from "../../../../src/hosts/file/package/workbook";
import { cellXml, slideFormula, WorksheetPart, type CellStyles } from "../../../../src/hosts/file/package/worksheet";
import { applySplices, attrs, escapeAttr, escapeText, insertionPoint, parseXml, PartParseError, setAttributes } from "../../../../src/hosts/file/package/xml";
import { NODE_CODEC } from "../../../../src/hosts/file/node-zlib";
import type { CellStyle } from "../../../../src/workbook/model";

// ---------------------------------------------------------------------------------------------
// codec.ts — first in the file: the CRC table is built once per module, by the first call.

/** About 100 KB of text that deflates to about 57 KB: several 16 KB slices, and different bytes at every level. */
function hexText(): Uint8Array {
  return new TextEncoder().encode(Array.from({ length: 12000 }, (_, i) => ((i * 2654435761) >>> 0).toString(16)).join(","));
}

describe("codec: CRC-32, the guard's inflater, fflate's inflate and deflate", () => {
  it("computes CRC-32 as zlib does (the table's every entry shows in some byte)", () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect(crc32(all)).toBe(zlibCrc32(all) >>> 0);
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("joins the chunks of a stream inflated in several slices, and returns a lone small chunk as it is", () => {
    const text = hexText();
    const raw = deflateRawSync(text);
    expect(raw.byteLength).toBeGreaterThan(2 * 16 * 1024); // three slices of 16 KB
    expect(fflateInflateSync(raw, text.byteLength)).toEqual(text);
    expect(fflateInflateSync(raw, text.byteLength - 1)).toBeNull();
    const small = fflateInflateSync(deflateRawSync(Buffer.from("abc")), 10);
    expect(small && [...small]).toEqual([97, 98, 99]);
    expect(fflateInflateSync(new Uint8Array(0), 10)?.byteLength).toBe(0);
  });

  it("marks only the last slice final, also when the stream is exactly one slice long", () => {
    const content = new Uint8Array(16379).fill(7);
    const raw = deflateRawSync(content, { level: 0 }); // one stored block: 5 + 16379 bytes
    expect(raw.byteLength).toBe(16 * 1024);
    expect(fflateInflateSync(raw, content.byteLength)).toEqual(content);
  });

  it("refuses a stream cut short, also when the cut falls at the end of a slice", () => {
    const text = hexText();
    const raw = deflateRawSync(text);
    expect(() => fflateInflateSync(raw.subarray(0, 16 * 1024), text.byteLength)).toThrow("unexpected EOF");
    expect(() => fflateInflateSync(raw.subarray(0, raw.byteLength - 1), text.byteLength)).toThrow("unexpected EOF");
  });

  it("inflates into the declared size plus one, so the error names the bytes found up to there", () => {
    const raw = deflateRawSync(Buffer.from("abcdef"));
    expect(() => FFLATE_CODEC.inflate(raw, 3)).toThrow("a part inflates to 4 bytes, not the 3 its directory declares");
  });

  it("deflates at level 1", () => {
    const content = hexText();
    expect(FFLATE_CODEC.deflate(content)).toEqual(fflateDeflateSync(content, { level: 1 }));
    expect(FFLATE_CODEC.deflate(content)).not.toEqual(fflateDeflateSync(content));
  });
});

// ---------------------------------------------------------------------------------------------
// xml.ts

describe("xml: errors, splices, escaping, attributes, insertion points", () => {
  it("names its error and keeps the part and both messages", () => {
    let error: unknown;
    try {
      parseXml("<a>", "xl/styles.xml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PartParseError);
    const e = error as PartParseError;
    expect(e.name).toBe("PartParseError");
    expect(e.part).toBe("xl/styles.xml");
    expect(e.messageZh.startsWith("工作簿部件 xl/styles.xml 无法解析（")).toBe(true);
    expect(e.messageEn.startsWith("the workbook part xl/styles.xml cannot be parsed (")).toBe(true);
    expect(e.message).toBe(`${e.messageZh}\n${e.messageEn}`);
  });

  it("takes the local name after a leading colon", () => {
    expect(parseXml("<:x/>", "p").root.local).toBe("x");
  });

  it("orders an insert before a replacement at the same offset, and keeps inserts at one offset in the order given", () => {
    const text = "0123456789";
    expect(applySplices(text, [{ start: 5, end: 7, text: "R" }, { start: 5, end: 5, text: "I" }])).toBe("01234IR789");
    expect(
      applySplices(text, [
        { start: 3, end: 3, text: "a" },
        { start: 3, end: 3, text: "b" },
        { start: 3, end: 3, text: "c" },
        { start: 1, end: 2, text: "" },
      ]),
    ).toBe("02abc3456789");
  });

  it("escapes every character XML 1.0 cannot hold, in text and in attributes", () => {
    const controls = "\u0000\u0001\u0008\u000b\u000c\u000e\u001f\ufffe\uffff";
    expect(escapeText(`a${controls}\t\n\rb<>&"`)).toBe('a\t\n&#13;b&lt;&gt;&amp;"');
    expect(escapeAttr(`a${controls}\t\n\rb<>&"`)).toBe("a&#9;&#10;&#13;b&lt;&gt;&amp;&quot;");
    expect(attrs({ a: true, b: false, c: 0, d: undefined, e: "x\u0001y" })).toBe(' a="1" b="0" c="0" e="xy"');
  });

  it("escapes each such character when it is the only one in the text (the test that lets plain text through untouched)", () => {
    const expected: [string, string][] = [["<", "&lt;"], [">", "&gt;"], ["&", "&amp;"], ["\r", "&#13;"], ["\u0000", ""], ["\u0008", ""], ["\u000b", ""], ["\u000c", ""], ["\u000e", ""], ["\u001f", ""], ["\ufffe", ""], ["\uffff", ""]];
    for (const [c, out] of expected) {
      expect([c, escapeText(`考核${c}得分`)]).toEqual([c, `考核${out}得分`]);
      expect([c, escapeText(c + c)]).toEqual([c, out + out]);
    }
    // Kept as written: tab, line feed, quotes, every other character.
    const plain = '考核\t得分\n"\'\u0009\u007f\u0085\u2028\ud83d\ude00 ]]';
    expect(escapeText(plain)).toBe(plain);
  });

  it("sets a prefixed attribute in place, removes one that is not there without a trace, and adds before the '>' of an element with content", () => {
    const doc = parseXml(`<r:a xmlns:r="u" r:id='1' x="2">t</r:a>`, "p");
    expect(applySplices(doc.text, [setAttributes(doc, doc.root, { "r:id": "9", gone: null, y: "3", z: "4" })])).toBe(`<r:a xmlns:r="u" r:id="9" x="2" y="3" z="4">t</r:a>`);
    const spaced = parseXml(`<a x="1" \n>t</a>`, "p");
    expect(applySplices(spaced.text, [setAttributes(spaced, spaced.root, { y: "2" })])).toBe(`<a x="1" y="2" \n>t</a>`);
  });

  it("finds the insertion point after the last child of an earlier or equal rank, past unknown children, stopping at a later one", () => {
    const order = ["a", "b", "c"];
    const at = (xml: string, local: string): number => insertionPoint(parseXml(xml, "p").root, local, order);
    expect(at("<p><a/><x/><c/></p>", "b")).toBe(7);
    expect(at("<p><x/><a/><c/></p>", "b")).toBe(11);
    expect(at("<p><a/><b/><c/></p>", "b")).toBe(11);
    expect(at("<p><a/><c/><a/></p>", "b")).toBe(7);
    expect(at("<p><c/></p>", "a")).toBe(3);
    expect(() => at("<p/>", "z")).toThrow(new RangeError("z is not in the order given"));
  });
});

// ---------------------------------------------------------------------------------------------
// opc.ts

function source(name: string, content: string | Uint8Array, deflate = true): SourcePart {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const raw = deflate ? deflateRawSync(bytes) : bytes;
  return { name, method: deflate ? 8 : 0, raw, crc32: zlibCrc32(bytes) >>> 0, size: bytes.byteLength };
}

function countingCodec(base: ZipCodec = NODE_CODEC): { codec: ZipCodec; calls: { inflate: number; deflate: number; decode: number } } {
  const calls = { inflate: 0, deflate: 0, decode: 0 };
  const codec: ZipCodec = {
    inflate: (raw, size) => {
      calls.inflate++;
      return base.inflate(raw, size);
    },
    deflate: (content) => {
      calls.deflate++;
      return base.deflate(content);
    },
    crc32: (content) => base.crc32(content),
  };
  if (base.decodeUtf8) {
    const decode = base.decodeUtf8;
    codec.decodeUtf8 = (bytes) => {
      calls.decode++;
      return decode(bytes);
    };
  }
  return { codec, calls };
}

async function unzip(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) out[name] = await (zip.file(name) as JSZip.JSZipObject).async("string");
  return out;
}

describe("opc: the package's parts", () => {
  it("skips folder entries, reads a stored part without inflating it, inflates a deflated one once", () => {
    const { codec, calls } = countingCodec();
    const pkg = new OpcPackage([source("xl/", "", false), source("/x.xml", "<x/>", false), source("xl/a.xml", "<a>一</a>")], codec);
    expect(pkg.names()).toEqual(["/x.xml", "xl/a.xml"]);
    expect(pkg.has("xl/")).toBe(false);
    expect(new TextDecoder().decode(pkg.bytes("/x.xml"))).toBe("<x/>");
    expect(calls.inflate).toBe(0);
    pkg.bytes("xl/a.xml");
    pkg.bytes("xl/a.xml");
    expect(calls.inflate).toBe(1);
    expect(() => pkg.bytes("nope.xml")).toThrow("no part nope.xml");
    expect(() => pkg.text("nope.xml")).toThrow("no part nope.xml");
    expect(() => pkg.xml("nope.xml")).toThrow("no part nope.xml");
  });

  it("decodes a part's text once and parses it once", () => {
    const { codec, calls } = countingCodec();
    const pkg = new OpcPackage([source("a.xml", "<a/>")], codec);
    expect(pkg.text("a.xml")).toBe("<a/>");
    expect(pkg.text("a.xml")).toBe("<a/>");
    expect(calls.decode).toBe(1);
    expect(pkg.xml("a.xml")).toBe(pkg.xml("a.xml"));
  });

  it("strips a byte-order mark only when all three of its bytes are there", () => {
    const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
    const pkg = new OpcPackage(
      [
        source("bom.xml", bytes(0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e)),
        source("justbom.xml", bytes(0xef, 0xbb, 0xbf)),
        source("a.xml", bytes(0x3c, 0xbb, 0xbf, 0x61)),
        source("b.xml", bytes(0xef, 0x3c, 0xbf, 0x61)),
        source("c.xml", bytes(0xef, 0xbb, 0x3c, 0x61)),
        source("short.xml", bytes(0x3c)),
      ],
      NODE_CODEC,
    );
    expect(pkg.text("bom.xml")).toBe("<a/>");
    expect(pkg.text("justbom.xml")).toBe("");
    expect(pkg.text("short.xml")).toBe("<");
    for (const name of ["a.xml", "b.xml", "c.xml"]) expect(() => pkg.text(name)).toThrow(`${name} cannot be parsed (不是 UTF-8 文本 / not UTF-8 text)`);
  });

  it("refuses UTF-16 by its four openings, and only those, naming the encoding", () => {
    const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
    const utf16 = "(UTF-16 编码 / UTF-16 encoding)";
    const notUtf8 = "(不是 UTF-8 文本 / not UTF-8 text)";
    for (const codec of [NODE_CODEC, FFLATE_CODEC]) {
      const pkg = new OpcPackage(
        [
          source("le-bom", bytes(0xff, 0xfe, 0x3c, 0x00)),
          source("be-bom", bytes(0xfe, 0xff, 0x00, 0x3c)),
          source("be", bytes(0x00, 0x3c, 0x00, 0x61)),
          source("le", bytes(0x3c, 0x00, 0x61, 0x00)),
          source("ff", bytes(0xff, 0x3c)),
          source("fe", bytes(0xfe, 0x3c)),
          source("x-fe", bytes(0x3c, 0xfe)),
          source("x-ff", bytes(0x3c, 0xff)),
          source("space", bytes(0x20, 0x3c, 0x61, 0x2f, 0x3e)),
          source("nul", bytes(0x41, 0x00)),
          source("nul0", bytes(0x00, 0x41)),
        ],
        codec,
      );
      for (const name of ["le-bom", "be-bom", "be", "le"]) expect(() => pkg.text(name)).toThrow(utf16);
      for (const name of ["ff", "fe", "x-fe", "x-ff"]) expect(() => pkg.text(name)).toThrow(notUtf8);
      expect(pkg.text("space")).toBe(" <a/>");
      expect(pkg.text("nul")).toBe("A\u0000");
      expect(pkg.text("nul0")).toBe("\u0000A");
    }
  });

  it("reads the declared encoding only from the declaration at the start, spaces around '=' allowed, UTF-8 in any spelling", () => {
    const pkg = new OpcPackage(
      [
        source("spaced.xml", `<?xml version="1.0" encoding = "GBK"?><a/>`),
        source("utf8.xml", `<?xml version='1.0' encoding='UTF8'?><a/>`),
        source("later.xml", `<a/><?xml version="1.0" encoding="GBK"?>`),
        source("prefixed.xml", `<?xml version="1.0" encoding="xutf-8"?><a/>`),
        source("suffixed.xml", `<?xml version="1.0" encoding="utf-8x"?><a/>`),
      ],
      NODE_CODEC,
    );
    expect(() => pkg.text("spaced.xml")).toThrow("(声明的编码 GBK / declared encoding GBK)");
    expect(pkg.text("utf8.xml")).toBe(`<?xml version='1.0' encoding='UTF8'?><a/>`);
    expect(pkg.text("later.xml")).toBe(`<a/><?xml version="1.0" encoding="GBK"?>`);
    expect(() => pkg.text("prefixed.xml")).toThrow("declared encoding xutf-8");
    expect(() => pkg.text("suffixed.xml")).toThrow("declared encoding utf-8x");
  });

  it("saves a changed part's new content, a removed part not at all, and stores parts under 64 bytes", async () => {
    const { codec, calls } = countingCodec();
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("<b>1</b>")]);
    const pkg = new OpcPackage([source("a.xml", "<a>1</a>"), source("b.xml", bom), source("gone.xml", "<g/>")], codec);
    expect(pkg.text("a.xml")).toBe("<a>1</a>");
    expect(pkg.text("b.xml")).toBe("<b>1</b>");
    pkg.setText("a.xml", "<a>2</a>");
    pkg.setText("b.xml", "<b>2</b>");
    expect(pkg.text("a.xml")).toBe("<a>2</a>");
    pkg.remove("gone.xml");
    pkg.setBytes("small.bin", new Uint8Array(63).fill(0x41));
    pkg.setBytes("large.bin", new Uint8Array(64).fill(0x42));
    expect(pkg.names()).toEqual(["a.xml", "b.xml", "small.bin", "large.bin"]);
    calls.deflate = 0;
    const files = await unzip(pkg.save());
    expect(calls.deflate).toBe(1); // large.bin only
    expect(files).toEqual({ "a.xml": "<a>2</a>", "b.xml": "\ufeff<b>2</b>", "small.bin": "A".repeat(63), "large.bin": "B".repeat(64) });
  });
});

describe("opc: targets", () => {
  it("skips '.' and empty segments when resolving", () => {
    expect(resolveTarget("xl/workbook.xml", "./worksheets//sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
  });

  it("never matches the target's last segment against the source's folders", () => {
    expect(relativeTarget("a/b/c.xml", "a/b")).toBe("../b");
    expect(relativeTarget("c.xml", "xl/a.xml")).toBe("xl/a.xml");
  });
});

// ---------------------------------------------------------------------------------------------
// relationships.ts

const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";

describe("relationships: reading, ids, removal, the changed flag, prefixes", () => {
  const TEXT =
    `<Relationships xmlns="${RELS}"><Relationship Id="rId2" Type="t/a" Target="a.xml"/><Relationship Id="rId10" Type="t/h" Target="http://x/" TargetMode="External"/>` +
    `<Relationship Id="custom7" Type="t/c" Target="c.xml"/><Relationship Id="xrId99" Type="t/d" Target="d.xml"/><Relationship Id="rId50x" Type="t/e" Target="e.xml"/><Relationship/></Relationships>`;

  it("reads every relationship, defaults for what is missing, TargetMode External only as external", () => {
    const rels = new RelationshipsPart(TEXT);
    expect(rels.all()).toEqual([
      { id: "rId2", type: "t/a", target: "a.xml", external: false },
      { id: "rId10", type: "t/h", target: "http://x/", external: true },
      { id: "custom7", type: "t/c", target: "c.xml", external: false },
      { id: "xrId99", type: "t/d", target: "d.xml", external: false },
      { id: "rId50x", type: "t/e", target: "e.xml", external: false },
      { id: "", type: "", target: "", external: false },
    ]);
    expect(rels.get("rId10")).toEqual({ id: "rId10", type: "t/h", target: "http://x/", external: true });
    expect(rels.get("rId2")).toEqual({ id: "rId2", type: "t/a", target: "a.xml", external: false });
    expect(rels.get("nope")).toBeUndefined();
    expect(rels.get("")).toEqual({ id: "", type: "", target: "", external: false });
    expect(rels.changed).toBe(false);
    expect(() => new RelationshipsPart("<Relationships>")).toThrow("工作簿部件  无法解析");
  });

  it("numbers a new id past the highest rId<n> (other ids ignored), and forgets removed ones", () => {
    const rels = new RelationshipsPart(TEXT);
    expect(rels.add("t/n", "n.xml")).toBe("rId11");
    expect(rels.add("t/m", "m.xml")).toBe("rId12");
    expect(rels.changed).toBe(true);
    expect(rels.get("rId11")).toEqual({ id: "rId11", type: "t/n", target: "n.xml", external: false });
    expect(rels.get("rId12")?.target).toBe("m.xml");
    rels.remove("rId11");
    expect(rels.get("rId11")).toBeUndefined();
    rels.remove("rId12");
    expect(rels.changed).toBe(false);
    rels.remove("rId2");
    rels.remove("rId2");
    rels.remove("nope");
    expect(rels.get("rId2")).toBeUndefined();
    expect(rels.all().map((r) => r.id)).toEqual(["rId10", "custom7", "xrId99", "rId50x", ""]);
    expect(rels.changed).toBe(true);
    expect(rels.toXml()).toBe(TEXT.replace(`<Relationship Id="rId2" Type="t/a" Target="a.xml"/>`, ""));
  });

  it("writes a new relationship with the root's prefix, opening a self-closing root (and leaving it alone otherwise)", () => {
    const text = `<?xml version="1.0"?>\n<pr:Relationships xmlns:pr="${RELS}"  />`;
    expect(new RelationshipsPart(text).toXml()).toBe(text);
    const rels = new RelationshipsPart(text);
    rels.add("t/a", "a.xml");
    expect(rels.toXml()).toBe(`<?xml version="1.0"?>\n<pr:Relationships xmlns:pr="${RELS}"><pr:Relationship Id="rId1" Type="t/a" Target="a.xml"/></pr:Relationships>`);
  });

  it("starts an empty part for a part that had none", () => {
    const rels = RelationshipsPart.empty("xl/_rels/workbook.xml.rels");
    expect(rels.all()).toEqual([]);
    rels.add("t/a", "a.xml");
    expect(rels.toXml()).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="t/a" Target="a.xml"/></Relationships>`,
    );
  });
});

describe("content types: lookups, overrides replaced and removed, part names as given", () => {
  const TEXT =
    `<Types xmlns="${TYPES}"><Default Extension="xml" ContentType="application/xml"/><Default Extension="PNG" ContentType="image/png"/><Default Extension="bin"/><Default ContentType="q"/>` +
    `<Override PartName="/xl/Workbook.xml" ContentType="wb"/><Override ContentType="z"/></Types>`;

  it("finds a type by override (any case) before the extension's default", () => {
    const types = new ContentTypesPart(TEXT);
    expect(types.typeOf("xl/workbook.xml")).toBe("wb");
    expect(types.typeOf("xl/media/a.png")).toBe("image/png");
    expect(types.typeOf("xl/a.bin")).toBe("");
    expect(types.typeOf("xl/a.")).toBe("q");
    expect(types.typeOf("xl/a.jpg")).toBeUndefined();
    expect(types.changed).toBe(false);
  });

  it("replaces an override, adds new ones with the name as given, and drops one added and removed", () => {
    const types = new ContentTypesPart(TEXT);
    types.set("xl/workbook.xml", "wb2");
    types.set("xl/Worksheets/Sheet9.xml", "w");
    types.set("xl/x.xml", "application/xml");
    types.set("xl/tmp.xml", "t");
    types.remove("xl/tmp.xml");
    types.remove("xl/gone.xml");
    expect(types.typeOf("xl/workbook.xml")).toBe("wb2");
    expect(types.typeOf("xl/tmp.xml")).toBe("application/xml");
    expect(types.changed).toBe(true);
    expect(types.toXml()).toBe(
      `<Types xmlns="${TYPES}"><Default Extension="xml" ContentType="application/xml"/><Default Extension="PNG" ContentType="image/png"/><Default Extension="bin"/><Default ContentType="q"/>` +
        `<Override ContentType="z"/><Override PartName="/xl/workbook.xml" ContentType="wb2"/><Override PartName="/xl/Worksheets/Sheet9.xml" ContentType="w"/></Types>`,
    );
  });

  it("counts as changed after a removal alone or an addition alone; keeps the root's prefix", () => {
    const removed = new ContentTypesPart(TEXT);
    removed.remove("xl/workbook.xml");
    expect(removed.changed).toBe(true);
    expect(removed.toXml()).toBe(TEXT.replace(`<Override PartName="/xl/Workbook.xml" ContentType="wb"/>`, ""));
    const prefixed = new ContentTypesPart(`<ct:Types xmlns:ct="${TYPES}"></ct:Types>`);
    prefixed.set("xl/a.xml", "a");
    expect(prefixed.changed).toBe(true);
    expect(prefixed.toXml()).toBe(`<ct:Types xmlns:ct="${TYPES}"><ct:Override PartName="/xl/a.xml" ContentType="a"/></ct:Types>`);
  });

  it("names the part in a parse error", () => {
    expect(() => new ContentTypesPart("<Types>")).toThrow("工作簿部件 [Content_Types].xml 无法解析");
    expect(() => new WorkbookPart("<workbook>")).toThrow("工作簿部件 xl/workbook.xml 无法解析");
  });
});

// ---------------------------------------------------------------------------------------------
// workbook.ts

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

describe("workbook: reading sheets and the date system", () => {
  it("takes r:id under any prefix, defaults name, state and rid, and numbers a new sheet past a sheetId that is not a number", () => {
    const wb = new WorkbookPart(`<workbook xmlns:rel="u"><workbookPr date1904="true"/><sheets><sheet name="a" sheetId="1" rel:id="rId1"/><sheet sheetId="x"/></sheets></workbook>`);
    expect(wb.date1904).toBe(true);
    expect(wb.sheets().map((s) => [s.name, s.sheetId, s.rid, s.state, s.position])).toEqual([
      ["a", 1, "rId1", "visible", 0],
      ["", NaN, "", "visible", 1],
    ]);
    const added = wb.addSheet("n", "rId5");
    expect([added.name, added.sheetId, added.rid, added.state, added.position, added.el]).toEqual(["n", 2, "rId5", "visible", 2, null]);
    expect(wb.toXml()).toBe(`<workbook xmlns:rel="u"><workbookPr date1904="true"/><sheets><sheet name="a" sheetId="1" rel:id="rId1"/><sheet sheetId="x"/><sheet name="n" sheetId="2" rel:id="rId5"/></sheets></workbook>`);
  });

  it("reads date1904 as false without workbookPr, and opens a self-closing <sheets> with r:id", () => {
    const wb = new WorkbookPart(`<workbook ${NS}><sheets  /></workbook>`);
    expect(wb.date1904).toBe(false);
    expect(wb.sheets()).toEqual([]);
    wb.addSheet("p", "rId1");
    wb.addSheet("q", "rId2");
    expect(wb.toXml()).toBe(`<workbook ${NS}><sheets><sheet name="p" sheetId="1" r:id="rId1"/><sheet name="q" sheetId="2" r:id="rId2"/></sheets></workbook>`);
  });

  it("without <sheets>: no sheets, an unchanged toXml, and a refusal to add one", () => {
    const text = `<workbook ${NS}><workbookPr date1904="0"/></workbook>`;
    const wb = new WorkbookPart(text);
    expect(wb.date1904).toBe(false);
    expect(wb.sheets()).toEqual([]);
    expect(wb.toXml()).toBe(text);
    wb.addSheet("a", "rId1");
    expect(() => wb.toXml()).toThrow(new Error("xl/workbook.xml: no <sheets>"));
  });

  it("removes by name (the first sheet too), returns null for none, and reuses the sheetId of an added sheet removed again", () => {
    const wb = new WorkbookPart(`<workbook ${NS}><sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/></sheets></workbook>`);
    expect(wb.removeSheet("zz")).toBeNull();
    expect(wb.removeSheet("a")?.name).toBe("a");
    expect(wb.addSheet("x", "rId3").sheetId).toBe(3);
    expect(wb.removeSheet("x")?.sheetId).toBe(3);
    expect(wb.addSheet("y", "rId4").sheetId).toBe(3);
    expect(wb.toXml()).toBe(`<workbook ${NS}><sheets><sheet name="b" sheetId="2" r:id="rId2"/><sheet name="y" sheetId="3" r:id="rId4"/></sheets></workbook>`);
  });

  it("keeps a prefixed root's prefix on what it adds, definedNames in the schema's place", () => {
    const wb = new WorkbookPart(`<x:workbook xmlns:x="m" xmlns:r="u"><x:sheets><x:sheet name="a" sheetId="1" r:id="rId1"/></x:sheets><x:calcPr calcId="1"/></x:workbook>`);
    wb.addSheet("b", "rId2");
    wb.setPrintNames("b", [{ name: "_xlnm.Print_Area", value: "'b'!$A$1:$B$2" }]);
    expect(wb.toXml()).toBe(
      `<x:workbook xmlns:x="m" xmlns:r="u"><x:sheets><x:sheet name="a" sheetId="1" r:id="rId1"/><x:sheet name="b" sheetId="2" r:id="rId2"/></x:sheets><x:definedNames><x:definedName name="_xlnm.Print_Area" localSheetId="1">'b'!$A$1:$B$2</x:definedName></x:definedNames><x:calcPr calcId="1"/></x:workbook>`,
    );
    const bare = new WorkbookPart(`<x:workbook xmlns:x="m"><x:sheets/></x:workbook>`);
    bare.setFullCalcOnLoad();
    expect(bare.toXml()).toBe(`<x:workbook xmlns:x="m"><x:sheets/><x:calcPr fullCalcOnLoad="1"/></x:workbook>`);
  });
});

describe("workbook: toXml keeps what did not change byte for byte", () => {
  it("rewrites nothing when nothing moved (single quotes stay, no calcPr added unasked)", () => {
    const text = `<workbook ${NS}><bookViews><workbookView activeTab='1' firstSheet='0'/></bookViews><sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name='x' localSheetId='1'>b!$A$1</definedName><definedName name="y" localSheetId="0">a!$A$1</definedName></definedNames><calcPr calcId='1' fullCalcOnLoad='1'/></workbook>`;
    expect(new WorkbookPart(text).toXml()).toBe(text);
    const calc = new WorkbookPart(text);
    calc.setFullCalcOnLoad();
    expect(calc.toXml()).toBe(text);
    const truthy = text.replace("fullCalcOnLoad='1'", 'fullCalcOnLoad="true"');
    const again = new WorkbookPart(truthy);
    again.setFullCalcOnLoad();
    expect(again.toXml()).toBe(truthy);
    const off = new WorkbookPart(text.replace("fullCalcOnLoad='1'", "fullCalcOnLoad='0'"));
    off.setFullCalcOnLoad();
    expect(off.toXml()).toBe(text.replace("fullCalcOnLoad='1'", 'fullCalcOnLoad="1"'));
  });

  it("keeps an empty <definedNames></definedNames> as it was", () => {
    const text = `<workbook ${NS}><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets><definedNames></definedNames></workbook>`;
    expect(new WorkbookPart(text).toXml()).toBe(text);
  });
});

describe("workbook: defined names follow their sheets", () => {
  const SHEETS = `<sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/><sheet name="c" sheetId="3" r:id="rId3"/><sheet name="d" sheetId="4" r:id="rId4"/></sheets>`;

  it("drops the names of a removed sheet, the print names (area and titles) of a re-rendered one, and names of no sheet; keeps the rest", () => {
    const wb = new WorkbookPart(
      `<workbook ${NS}>${SHEETS}<definedNames><definedName name="g">a!$A$1</definedName><definedName name="keep" localSheetId="0">a!$A$1</definedName>` +
        `<definedName name="_xlnm.Print_Titles" localSheetId="2">c!$1:$1</definedName><definedName name="note" localSheetId="2">c!$B$2</definedName>` +
        `<definedName name="gone" localSheetId="1">b!$A$1</definedName><definedName name="stale" localSheetId="9">x!$A$1</definedName></definedNames></workbook>`,
    );
    wb.removeSheet("b");
    wb.setPrintNames("c", [{ name: "_xlnm.Print_Area", value: "c!$A$1:$C$3" }]);
    wb.setPrintNames("zz", [{ name: "_xlnm.Print_Area", value: "zz!$A$1" }]);
    wb.setPrintNames("a", [{ name: "_xlnm.Print_Area", value: "a!$A$1:$B$2" }]);
    expect(wb.toXml()).toBe(
      `<workbook ${NS}><sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="c" sheetId="3" r:id="rId3"/><sheet name="d" sheetId="4" r:id="rId4"/></sheets>` +
        `<definedNames><definedName name="g">a!$A$1</definedName><definedName name="keep" localSheetId="0">a!$A$1</definedName><definedName name="note" localSheetId="1">c!$B$2</definedName>` +
        `<definedName name="_xlnm.Print_Area" localSheetId="1">c!$A$1:$C$3</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">a!$A$1:$B$2</definedName></definedNames></workbook>`,
    );
  });

  it("keeps <definedNames> while a global name is left", () => {
    const wb = new WorkbookPart(`<workbook ${NS}>${SHEETS}<definedNames><definedName name="g">a!$A$1</definedName><definedName name="x" localSheetId="1">b!$A$1</definedName></definedNames></workbook>`);
    wb.removeSheet("b");
    expect(wb.toXml()).toContain(`<definedNames><definedName name="g">a!$A$1</definedName></definedNames>`);
  });

  it("opens a self-closing <definedNames> for new names", () => {
    const wb = new WorkbookPart(`<workbook ${NS}><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets><definedNames  /></workbook>`);
    wb.setPrintNames("a", [{ name: "_xlnm.Print_Titles", value: "a!$1:$2" }]);
    expect(wb.toXml()).toBe(`<workbook ${NS}><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">a!$1:$2</definedName></definedNames></workbook>`);
  });

  it("drops an emptied <definedNames> without losing a change outside it", () => {
    const wb = new WorkbookPart(`<workbook ${NS}><definedNames><definedName name="x" localSheetId="1">b!$A$1</definedName></definedNames><sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/></sheets></workbook>`);
    wb.removeSheet("b");
    expect(wb.toXml()).toBe(`<workbook ${NS}><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  });

  it("moves activeTab with its sheet, clamps one on a removed sheet or past the end, and adds no attribute that was not there", () => {
    const wb = new WorkbookPart(
      `<workbook ${NS}><bookViews><workbookView activeTab="2"/><workbookView activeTab="1"/><workbookView activeTab="3"/><workbookView activeTab="9"/><workbookView firstSheet="0"/></bookViews>${SHEETS}</workbook>`,
    );
    wb.removeSheet("b");
    expect(wb.toXml()).toContain(`<bookViews><workbookView activeTab="1"/><workbookView activeTab="1"/><workbookView activeTab="2"/><workbookView activeTab="2"/><workbookView firstSheet="0"/></bookViews>`);
    const last = new WorkbookPart(`<workbook ${NS}><bookViews><workbookView activeTab="2"/></bookViews><sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/><sheet name="c" sheetId="3" r:id="rId3"/></sheets></workbook>`);
    last.removeSheet("c");
    expect(last.toXml()).toContain(`<workbookView activeTab="1"/>`);
  });
});

// ---------------------------------------------------------------------------------------------
// worksheet.ts

/** Styles that show which style index a cell was read with, and record every restyle. */
function fakeStyles(): CellStyles & { restyles: [number, string | undefined, CellStyle | undefined][] } {
  const restyles: [number, string | undefined, CellStyle | undefined][] = [];
  return {
    restyles,
    numberFormat: (xf) => (xf === 0 ? "General" : `fmt${xf}`),
    restyle: (base, numberFormat, style) => {
      restyles.push([base, numberFormat, style]);
      return base + 100;
    },
  };
}

function ws(body: string, options: { before?: string; after?: string; sst?: string[]; styles?: CellStyles; root?: string } = {}): WorksheetPart {
  const text = `<worksheet ${options.root ?? NS}>${options.before ?? ""}<sheetData>${body}</sheetData>${options.after ?? ""}</worksheet>`;
  return new WorksheetPart(text, { part: "xl/worksheets/sheet1.xml", sharedStrings: options.sst ?? [], styles: options.styles ?? fakeStyles(), date1904: false });
}

function read(part: WorksheetPart): unknown[][] {
  return part.cells().map((c) => (c.formula === undefined ? [c.row, c.col, c.value, c.numberFormat] : [c.row, c.col, c.value, c.numberFormat, c.formula]));
}

/** What the part's sheetData became after the edits. */
function sheetData(part: WorksheetPart): string {
  const out = part.toXml();
  return out.slice(out.indexOf("<sheetData"), out.indexOf("</sheetData>") + "</sheetData>".length);
}

describe("worksheet: reading", () => {
  it("reads rows and cells without r by counting on, and skips what is not a row or a cell", () => {
    const part = ws(`<row><c><v>1</v></c><c><v>2</v></c></row><x/><row><c t="inlineStr"><is><r><rPr/></r><r><t>b</t></r></is></c><extLst/><c><v>4</v></c></row><row r="5"><c r="C5"><v>5</v></c><c><v>6</v></c></row>`);
    expect(read(part)).toEqual([
      [1, 1, 1, "General"],
      [1, 2, 2, "General"],
      [2, 1, "b", "General"],
      [2, 2, 4, "General"],
      [5, 3, 5, "General"],
      [5, 4, 6, "General"],
    ]);
  });

  it("keeps a row's extLst when a cell is added to the row", () => {
    const part = ws(`<row r="1"><c r="A1"><v>1</v></c><extLst><ext uri="x"/></extLst></row>`);
    part.setCell({ address: "B1", value: 2 });
    const out = sheetData(part);
    expect(out).toContain(`<extLst><ext uri="x"/></extLst>`);
    expect(out).toContain(`<c r="B1"><v>2</v></c>`);
  });

  it("reads booleans in any case, dates with and without time zone, formulas without a value, and strips a formula's leading '=' only", () => {
    const part = ws(
      `<row r="1"><c r="A1" t="b"><v>TRUE</v></c><c r="B1" t="b"><v>true</v></c><c r="C1" t="b"><v>yes</v></c></row>` +
        `<row r="2"><c r="A2" t="d"><v>2025-01-31</v></c><c r="B2" t="d"><v>2025-01-31T12:00:00Z</v></c><c r="C2" t="d"><v>2025-01-31T12:00:00+08:00</v></c><c r="D2" t="d"><v>2025-01-31T06:00:00-06:00</v></c><c r="E2" t="d" s="3"><v>2025-01-31T12:00:00</v></c><c r="F2" t="d"><v>soon</v></c></row>` +
        `<row r="3"><c r="A3"><f>1+1</f></c><c r="B3"><f>A1=B1</f><v>0</v></c><c r="C3"><f>=A1+1</f><v>2</v></c><c r="D3" s="4"><v>7</v></c></row>`,
    );
    expect(read(part)).toEqual([
      [1, 1, true, "General"],
      [1, 2, true, "General"],
      [1, 3, false, "General"],
      [2, 1, 45688, "yyyy-mm-dd"],
      [2, 2, 45688.5, "yyyy-mm-dd"],
      [2, 3, 25569 + Date.UTC(2025, 0, 31, 4) / 86_400_000, "yyyy-mm-dd"],
      [2, 4, 45688.5, "yyyy-mm-dd"],
      [2, 5, 45688.5, "fmt3"],
      [3, 1, null, "General", "1+1"],
      [3, 2, 0, "General", "A1=B1"],
      [3, 3, 2, "General", "A1+1"],
      [3, 4, 7, "fmt4"],
    ]);
  });

  it("reads a shared formula's dependents from the master (with ref) only, and leaves one without a master without a formula", () => {
    const part = ws(
      `<row r="5"><c r="H5"><f t="shared" ref="H5:H7" si="0">B5*2</f><v>1</v></c><c r="I5"><f t="shared" si="1">X5</f><v>0</v></c></row>` +
        `<row r="6"><c r="H6"><f t="shared" si="0">B6*3</f><v>2</v></c><c r="I6"><f t="shared" si="1"/><v>0</v></c></row>` +
        `<row r="7"><c r="H7"><f t="shared" si="0"/><v>3</v></c><c r="I7"><f t="shared" si="7"/><v>4</v></c></row>`,
    );
    expect(read(part)).toEqual([
      [5, 8, 1, "General", "B5*2"],
      [5, 9, 0, "General", "X5"],
      [6, 8, 2, "General", "B6*3"],
      [6, 9, 0, "General"],
      [7, 8, 3, "General", "B7*2"],
      [7, 9, 4, "General"],
    ]);
  });

  it("reads merges in either corner order, skips a mergeCell without ref, leaves out covered cells below the top-left too", () => {
    const part = ws(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c></row>`, {
      after: `<mergeCells count="2"><mergeCell ref="A2:A1"/><mergeCell/></mergeCells>`,
    });
    expect(part.merges()).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
    expect(read(part)).toEqual([
      [1, 1, 1, "General"],
      [2, 2, 3, "General"],
    ]);
    expect(ws("").merges()).toEqual([]);
  });

  it("reads sheet protection as on only for sheet='1' or 'true'", () => {
    expect(ws("", { after: `<sheetProtection sheet="true"/>` }).isProtected()).toBe(true);
    expect(ws("", { after: `<sheetProtection sheet="0" objects="1"/>` }).isProtected()).toBe(false);
    expect(ws("").isProtected()).toBe(false);
  });
});

describe("worksheet: styles of written cells", () => {
  it("takes a new cell's style from its row only with customFormat and s, else from the column whose range holds it", () => {
    const styles = fakeStyles();
    const part = ws(`<row r="1" s="5" customFormat="true"/><row r="2" s="6"/><row r="3" customFormat="1"/>`, {
      before: `<cols><col min="2" max="3" style="7"/><col min="4" max="4" width="9"/><col min="5" max="6" style="8"/></cols>`,
      styles,
    });
    part.setCell({ address: "A1", value: 1 });
    part.setCell({ address: "A2", value: 2 });
    part.setCell({ address: "B3", value: 3 });
    part.setCell({ address: "C3", value: 4 });
    part.setCell({ address: "D3", value: 5 });
    part.setCell({ address: "G3", value: 6 });
    part.setCell({ address: "A4", value: 7 });
    part.setCell({ address: "E4", value: 8 });
    expect(styles.restyles).toEqual([]);
    expect(sheetData(part)).toBe(
      `<sheetData><row r="1" s="5" customFormat="true"><c r="A1" s="5"><v>1</v></c></row><row r="2" s="6"><c r="A2"><v>2</v></c></row>` +
        `<row r="3" customFormat="1"><c r="B3" s="7"><v>3</v></c><c r="C3" s="7"><v>4</v></c><c r="D3"><v>5</v></c><c r="G3"><v>6</v></c></row>` +
        `<row r="4"><c r="A4"><v>7</v></c><c r="E4" s="8"><v>8</v></c></row></sheetData>`,
    );
  });

  it("restyles only a write with a number format or a style, from the earlier write's style at the same address", () => {
    const styles = fakeStyles();
    const part = ws(`<row r="1"><c r="A1" s="2" ph="1"><v>1</v></c></row>`, { styles });
    part.setCell({ address: "A1", value: 5, numberFormat: "0.00" });
    part.setCell({ address: "A1", value: 6, style: { bold: true } });
    part.setCell({ address: "B1", value: 7 });
    expect(styles.restyles).toEqual([
      [2, "0.00", undefined],
      [102, undefined, { bold: true }],
    ]);
    expect(sheetData(part)).toBe(`<sheetData><row r="1"><c r="A1" s="202" ph="1"><v>6</v></c><c r="B1"><v>7</v></c></row></sheetData>`);
    expect(part.formulasRemoved).toBe(false);
  });
});

describe("worksheet: where written cells and rows go", () => {
  it("puts new cells of one row in column order, and new rows in row order, before the next row or at the end", () => {
    const part = ws(`<row r="1"><c r="A1"><v>1</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>`);
    part.setCell({ address: "D1", value: 4 });
    part.setCell({ address: "C1", value: 3 });
    part.setCell({ address: "B3", value: 32 });
    part.setCell({ address: "A3", value: 31 });
    part.setCell({ address: "A2", value: 2 });
    part.setCell({ address: "A9", value: 9 });
    part.setCell({ address: "A8", value: 8 });
    expect(sheetData(part)).toBe(
      `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c><c r="D1"><v>4</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>31</v></c><c r="B3"><v>32</v></c></row>` +
        `<row r="5"><c r="A5"><v>5</v></c></row><row r="8"><c r="A8"><v>8</v></c></row><row r="9"><c r="A9"><v>9</v></c></row></sheetData>`,
    );
  });

  it("fills a self-closing sheetData with several rows", () => {
    const part = new WorksheetPart(`<worksheet ${NS}><sheetData  /></worksheet>`, { part: "p", sharedStrings: [], styles: fakeStyles(), date1904: false });
    part.setCell({ address: "A2", value: 2 });
    part.setCell({ address: "A1", value: 1 });
    expect(part.toXml()).toBe(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`);
  });

  it("widens spans low or high, in any number of digits, and leaves spans alone when they hold the cell, are a list, or are absent", () => {
    const part = ws(
      `<row r="1" spans="2:3"><c r="B1"/></row><row r="2" spans="10:12"><c r="J2"/></row><row r="3" spans='1:3'><c r="A3"/></row><row r="4" spans="1:3 5:6"><c r="A4"/></row><row r="5"><c r="A5"/></row><row r="6" spans = '2:2'/>`,
    );
    part.setCell({ address: "A1", value: 1 });
    part.setCell({ address: "M2", value: 2 });
    part.setCell({ address: "B3", value: 3 });
    part.setCell({ address: "H4", value: 4 });
    part.setCell({ address: "B5", value: 5 });
    part.setCell({ address: "D6", value: 6 });
    expect(sheetData(part)).toBe(
      `<sheetData><row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="B1"/></row><row r="2" spans="10:13"><c r="J2"/><c r="M2"><v>2</v></c></row><row r="3" spans='1:3'><c r="A3"/><c r="B3"><v>3</v></c></row>` +
        `<row r="4" spans="1:3 5:6"><c r="A4"/><c r="H4"><v>4</v></c></row><row r="5"><c r="A5"/><c r="B5"><v>5</v></c></row><row r="6" spans="2:4"><c r="D6"><v>6</v></c></row></sheetData>`,
    );
  });

  it("refuses to write into a part without sheetData, naming the part", () => {
    const part = new WorksheetPart(`<worksheet ${NS}/>`, { part: "xl/worksheets/sheet4.xml", sharedStrings: [], styles: fakeStyles(), date1904: false });
    part.setCell({ address: "A1", value: 1 });
    expect(() => part.toXml()).toThrow(new Error("xl/worksheets/sheet4.xml: no <sheetData>"));
  });
});

describe("worksheet: dimension", () => {
  const grow = (ref: string, address: string): string => {
    const part = ws(`<row r="2"><c r="B2"><v>1</v></c></row>`, { before: ref });
    part.setCell({ address, value: 1 });
    const out = part.toXml();
    return out.slice(out.indexOf("<worksheet"), out.indexOf("<sheetData"));
  };

  it("widens each side alone, and leaves a dimension that holds the cell as written", () => {
    expect(grow(`<dimension ref="B2:C3"/>`, "A2")).toBe(`<worksheet ${NS}><dimension ref="A2:C3"/>`);
    expect(grow(`<dimension ref="B2:C3"/>`, "B1")).toBe(`<worksheet ${NS}><dimension ref="B1:C3"/>`);
    expect(grow(`<dimension ref="B2:C3"/>`, "D2")).toBe(`<worksheet ${NS}><dimension ref="B2:D3"/>`);
    expect(grow(`<dimension ref="B2:C3"/>`, "B4")).toBe(`<worksheet ${NS}><dimension ref="B2:C4"/>`);
    expect(grow(`<dimension ref='B2:C3'/>`, "C3")).toBe(`<worksheet ${NS}><dimension ref='B2:C3'/>`);
    expect(grow(`<dimension ref="B2"/>`, "C2")).toBe(`<worksheet ${NS}><dimension ref="B2:C2"/>`);
  });

  it("leaves a dimension without ref or with a ref it cannot read", () => {
    expect(grow(`<dimension/>`, "Z9")).toBe(`<worksheet ${NS}><dimension/>`);
    expect(grow(`<dimension ref="X"/>`, "Z9")).toBe(`<worksheet ${NS}><dimension ref="X"/>`);
  });
});

describe("worksheet: protection", () => {
  it("counts as changed only when the protection differs or a cell was written", () => {
    const unprotected = ws("");
    expect(unprotected.changed).toBe(false);
    unprotected.setProtection(false);
    expect(unprotected.changed).toBe(false);
    unprotected.setProtection(true);
    expect(unprotected.changed).toBe(true);
    const written = ws("");
    written.setCell({ address: "A1", value: 1 });
    expect(written.changed).toBe(true);
  });

  it("keeps the protection when only cells are written, and does not rewrite sheet='true' when asked to protect again", () => {
    const text = `<worksheet ${NS}><sheetData/><sheetProtection sheet="true" password='CC1A'/></worksheet>`;
    const part = new WorksheetPart(text, { part: "p", sharedStrings: [], styles: fakeStyles(), date1904: false });
    part.setCell({ address: "A1", value: 1 });
    expect(part.toXml()).toBe(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><sheetProtection sheet="true" password='CC1A'/></worksheet>`);
    part.setProtection(true);
    expect(part.toXml()).toBe(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><sheetProtection sheet="true" password='CC1A'/></worksheet>`);
  });

  it("sets sheet='1' on an existing sheetProtection that lacks it, and protects a part without sheetData", () => {
    const part = new WorksheetPart(`<worksheet ${NS}><sheetData/><sheetProtection objects="1"/></worksheet>`, { part: "p", sharedStrings: [], styles: fakeStyles(), date1904: false });
    part.setProtection(true);
    expect(part.toXml()).toBe(`<worksheet ${NS}><sheetData/><sheetProtection objects="1" sheet="1"/></worksheet>`);
    const bare = new WorksheetPart(`<worksheet ${NS}><dimension ref="A1"/></worksheet>`, { part: "p", sharedStrings: [], styles: fakeStyles(), date1904: false });
    bare.setProtection(true);
    expect(bare.toXml()).toBe(`<worksheet ${NS}><dimension ref="A1"/><sheetProtection sheet="1" objects="1" scenarios="1"/></worksheet>`);
  });
});

describe("worksheet: a shared formula's master overwritten", () => {
  it("leaves shared formulas alone when only other cells are written", () => {
    const body = `<row r="5"><c r="H5"><f t="shared" ref="H5:H6" si="0">B5</f><v>1</v></c></row><row r="6"><c r="H6"><f t="shared" si="0"/><v>2</v></c></row>`;
    const part = ws(body);
    part.setCell({ address: "A1", value: 1 });
    expect(sheetData(part)).toBe(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row>${body}</sheetData>`);
  });

  it("makes the first dependent not overwritten the master, of its own group only, with the range of the cells left", () => {
    const part = ws(
      `<row r="5"><c r="H5"><f t="shared" ref="H5:J6" si="0">B5</f><v>1</v></c><c r="I5"><f t="shared" si="0"/><v>2</v></c><c r="J5"><f t="shared" si="1"/><v>0</v></c><c r="K5"><f>X1</f><v>0</v></c><c r="L5"><v>1</v></c></row>` +
        `<row r="6"><c r="H6"><f t="shared" si="0"></f><v>3</v></c><c r="I6"><f t="shared" si="0"/><v>4</v></c><c r="J6"><f t="shared" si="0" ref = 'H5:J6'/><v>5</v></c></row>` +
        `<row r="7"><c r="H7"><f t="shared" si="0">B7</f><v>6</v></c></row>`,
    );
    part.setCell({ address: "H5", value: 10 });
    part.setCell({ address: "I5", value: 20 });
    expect(sheetData(part)).toBe(
      `<sheetData><row r="5"><c r="H5"><v>10</v></c><c r="I5"><v>20</v></c><c r="J5"><f t="shared" si="1"/><v>0</v></c><c r="K5"><f>X1</f><v>0</v></c><c r="L5"><v>1</v></c></row>` +
        `<row r="6"><c r="H6"><f t="shared" si="0" ref="H6:J6">B6</f><v>3</v></c><c r="I6"><f t="shared" si="0"/><v>4</v></c><c r="J6"><f t="shared" si="0" ref = 'H5:J6'/><v>5</v></c></row>` +
        `<row r="7"><c r="H7"><f t="shared" si="0">B7</f><v>6</v></c></row></sheetData>`,
    );
    expect(part.formulasRemoved).toBe(true);
  });

  it("gives one cell left a one-cell ref, a row of cells a row range, and a dependent with a stale ref the new one", () => {
    const single = ws(`<row r="5"><c r="H5"><f t="shared" ref="H5:H6" si="0">B5</f><v>1</v></c></row><row r="6"><c r="H6"><f t="shared" si="0"/><v>2</v></c></row>`);
    single.setCell({ address: "H5", value: 0 });
    expect(sheetData(single)).toContain(`<c r="H6"><f t="shared" si="0" ref="H6">B6</f><v>2</v></c>`);
    const row = ws(`<row r="5"><c r="H5"><f t="shared" ref="H5:J5" si="0">B5</f><v>1</v></c><c r="I5"><f t="shared" si="0"/><v>2</v></c><c r="J5"><f t="shared" si="0"/><v>3</v></c></row>`);
    row.setCell({ address: "H5", value: 0 });
    expect(sheetData(row)).toBe(`<sheetData><row r="5"><c r="H5"><v>0</v></c><c r="I5"><f t="shared" si="0" ref="I5:J5">C5</f><v>2</v></c><c r="J5"><f t="shared" si="0"/><v>3</v></c></row></sheetData>`);
    const stale = ws(`<row r="5"><c r="H5"><f t="shared" ref="H5:H6" si="0">B5</f><v>1</v></c></row><row r="6"><c r="H6"><f t="shared" si="0"  ref  =  "H5:H6" /><v>2</v></c></row>`);
    stale.setCell({ address: "H5", value: 0 });
    expect(sheetData(stale)).toContain(`<c r="H6"><f t="shared" si="0"  ref="H6">B6</f><v>2</v></c>`);
    const quoted = ws(`<row r="5"><c r="H5"><f t="shared" ref="H5:H6" si="0">B5</f><v>1</v></c></row><row r="6"><c r="H6"><f t="shared" si="0" ref='H5:H6'/><v>2</v></c></row>`);
    quoted.setCell({ address: "H5", value: 0 });
    expect(sheetData(quoted)).toContain(`<c r="H6"><f t="shared" si="0" ref="H6">B6</f><v>2</v></c>`);
  });

  it("does nothing more when no dependent is left", () => {
    const part = ws(`<row r="5"><c r="H5"><f t="shared" ref="H5:H6" si="0">B5</f><v>1</v></c></row><row r="6"><c r="H6"><f t="shared" si="0"/><v>2</v></c></row>`);
    part.setCell({ address: "H5", value: 0 });
    part.setCell({ address: "H6", value: 0 });
    expect(sheetData(part)).toBe(`<sheetData><row r="5"><c r="H5"><v>0</v></c></row><row r="6"><c r="H6"><v>0</v></c></row></sheetData>`);
  });
});

describe("slideFormula: what is a reference", () => {
  it.each([
    ["Rate*A1", { row: 1, col: 0 }, "Rate*A2"],
    ["AB1+ZZ1+AAA1+XFD1", { row: 1, col: 0 }, "AB2+ZZ2+AAA2+XFD2"],
    ["XFE1+ABCD1", { row: 1, col: 0 }, "XFE1+ABCD1"],
    ["AZ1", { row: 0, col: 1 }, "BA1"],
  ])("%s moved by %j", (formula, by, expected) => {
    expect(slideFormula(formula, { row: 1, col: 1 }, { row: 1 + by.row, col: 1 + by.col })).toBe(expected);
  });

  it("leaves a reference that would move off the sheet as written", () => {
    expect(slideFormula("A5+B1", { row: 2, col: 2 }, { row: 1, col: 1 })).toBe("A5+B1");
    expect(slideFormula("B1", { row: 2, col: 2 }, { row: 1, col: 2 })).toBe("B1");
    expect(slideFormula("A5", { row: 2, col: 2 }, { row: 2, col: 1 })).toBe("A5");
  });
});

describe("cellXml: the written <c>", () => {
  it("writes a formula with a boolean, a non-finite or no cached value, and strips only a leading '='", () => {
    expect(cellXml("", "A1", 0, { value: true, formula: "B1=1" })).toBe('<c r="A1" t="b"><f>B1=1</f><v>1</v></c>');
    expect(cellXml("", "A1", 0, { value: false, formula: "B1" })).toBe('<c r="A1" t="b"><f>B1</f><v>0</v></c>');
    expect(cellXml("", "A1", 0, { value: NaN, formula: "B1" })).toBe('<c r="A1"><f>B1</f></c>');
    expect(cellXml("", "A1", 0, { value: null, formula: "B1" })).toBe('<c r="A1"><f>B1</f></c>');
    expect(cellXml("", "A1", 0, { value: Infinity })).toBe('<c r="A1"/>');
    expect(cellXml("", "A1", 0, { value: false })).toBe('<c r="A1" t="b"><v>0</v></c>');
  });

  it("marks xml:space only for leading or trailing white space or a tab or line break", () => {
    expect(cellXml("", "A1", 0, { value: "a b" })).toBe('<c r="A1" t="inlineStr"><is><t>a b</t></is></c>');
    expect(cellXml("", "A1", 0, { value: "a\tb" })).toBe('<c r="A1" t="inlineStr"><is><t xml:space="preserve">a\tb</t></is></c>');
    expect(cellXml("", "A1", 0, { value: "a " })).toBe('<c r="A1" t="inlineStr"><is><t xml:space="preserve">a </t></is></c>');
  });
});
