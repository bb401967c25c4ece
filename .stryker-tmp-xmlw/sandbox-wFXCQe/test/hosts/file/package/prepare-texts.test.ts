/**
 * OpcPackage.prepareTexts (issue 13, memory and speed): the worksheets' texts decoded together, as
 * slices of one string. Each part must come out as text() alone makes it, and a part text() would
 * refuse is still refused by text(), naming it.
 */
// @ts-nocheck

import { deflateRawSync } from "node:zlib";
import { FFLATE_CODEC } from "../../../../src/hosts/file/package/codec";
import { OpcPackage, type SourcePart } from "../../../../src/hosts/file/package/opc";
import { PartParseError } from "../../../../src/hosts/file/package/xml";
import { NODE_CODEC } from "../../../../src/hosts/file/node-zlib";
import { crc32 } from "../../../../src/hosts/file/package/codec";

function part(name: string, content: Uint8Array | string, deflate = true): SourcePart {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return deflate
    ? { name, method: 8, raw: deflateRawSync(bytes), crc32: crc32(bytes), size: bytes.byteLength }
    : { name, method: 0, raw: bytes, content: bytes, crc32: crc32(bytes), size: bytes.byteLength };
}

const BOM = [0xef, 0xbb, 0xbf];
const TEXTS: Record<string, string> = {
  "a.xml": `<?xml version="1.0" encoding="UTF-8"?><a>一月 ${"长".repeat(300)}</a>`,
  "b.xml": "<b>𠀀 astral, é, ascii</b>",
  "c.xml": "",
  "d.xml": `<?xml version='1.0' encoding='utf8'?><d/>`,
};

describe("prepareTexts", () => {
  it("gives every part the text text() gives it alone: BOMs, astral characters, empty parts, stored and deflated", () => {
    const parts = [
      part("a.xml", TEXTS["a.xml"] as string),
      part("b.xml", new Uint8Array([...BOM, ...new TextEncoder().encode(TEXTS["b.xml"])]), false),
      part("c.xml", ""),
      part("d.xml", TEXTS["d.xml"] as string),
    ];
    const together = new OpcPackage(parts, NODE_CODEC);
    together.prepareTexts(["a.xml", "b.xml", "c.xml", "d.xml", "missing.xml"]);
    const alone = new OpcPackage(parts, FFLATE_CODEC);
    for (const name of Object.keys(TEXTS)) {
      expect(together.text(name)).toBe(TEXTS[name]);
      expect(together.text(name)).toBe(alone.text(name));
    }
    // The BOM is kept for the write, as text() keeps it.
    together.setText("b.xml", "<b/>");
    expect([...together.bytes("b.xml").subarray(0, 3)]).toEqual(BOM);
  });

  it("leaves what text() refuses to text(), which names the part; the others are decoded", () => {
    const bad = new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]); // not UTF-8
    const nul = new Uint8Array([0x3c, 0x61, 0x3e, 0x00, 0x3c, 0x2f, 0x61, 0x3e]);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x3c, 0x00]);
    const parts = [part("ok1.xml", "<x>1</x>"), part("bad.xml", bad), part("nul.xml", nul), part("utf16.xml", utf16), part("latin.xml", `<?xml version="1.0" encoding="ISO-8859-1"?><x/>`), part("ok2.xml", "<y>2</y>")];
    const pkg = new OpcPackage(parts, NODE_CODEC);
    pkg.prepareTexts(parts.map((p) => p.name));
    expect(pkg.text("ok1.xml")).toBe("<x>1</x>");
    expect(pkg.text("ok2.xml")).toBe("<y>2</y>");
    expect(() => pkg.text("bad.xml")).toThrow(PartParseError);
    expect(() => pkg.text("bad.xml")).toThrow(/bad\.xml.*不是 UTF-8/);
    expect(() => pkg.text("utf16.xml")).toThrow(/utf16\.xml.*UTF-16/);
    expect(() => pkg.text("latin.xml")).toThrow(/latin\.xml.*ISO-8859-1/);
    // A NUL is not joined with the others; text() decodes the part alone (the XML parser refuses it later).
    expect(pkg.text("nul.xml")).toBe("<a>\u0000</a>");
  });

  it("decodes the parts it is given together, once, and text() decodes none of them again", () => {
    const joined: number[][] = [];
    let alone = 0;
    const codec = {
      ...NODE_CODEC,
      decodeUtf8: (bytes: Uint8Array) => {
        alone++;
        return NODE_CODEC.decodeUtf8?.(bytes) ?? null;
      },
      decodeUtf8Joined: (parts: readonly Uint8Array[]) => {
        joined.push(parts.map((p) => p.byteLength));
        return NODE_CODEC.decodeUtf8Joined?.(parts) ?? [];
      },
    };
    // The BOM is recognised by all three bytes: parts that start like one but are not one keep their first bytes.
    const notBom1 = new TextEncoder().encode("\ufec0<a/>"); // EF BB 80: a character, not a BOM
    const notBom2 = new TextEncoder().encode("<¿x/>"); // 3C C2 BF: a third byte like a BOM's
    const notBom3 = new TextEncoder().encode("\u8eff<b/>"); // E8 BB BF: the BOM's last two bytes
    const notBom4 = new TextEncoder().encode("\uf000<c/>"); // EF 80 80: the BOM's first byte
    const bomOnly = new Uint8Array(BOM); // a BOM and no text: three bytes
    const parts = [
      part("s1.xml", "<s>1</s>"),
      part("s2.xml", new Uint8Array([...BOM, ...new TextEncoder().encode("<s>2</s>")])),
      part("n1.xml", notBom1),
      part("n2.xml", notBom2),
      part("n3.xml", notBom3),
      part("n4.xml", notBom4),
      part("bom.xml", bomOnly),
      part("nul0.xml", new Uint8Array([0, 0x3c, 0x7a, 0x2f, 0x3e])), // a NUL first: not joined, left to text()
      part("other.xml", "<o/>"),
    ];
    const pkg = new OpcPackage(parts, codec);
    expect(pkg.text("other.xml")).toBe("<o/>"); // decoded alone before: not decoded again
    alone = 0;
    pkg.prepareTexts(["s1.xml", "s2.xml", "n1.xml", "n2.xml", "n3.xml", "n4.xml", "bom.xml", "nul0.xml", "other.xml"]);
    expect(joined).toEqual([[8, 8, notBom1.byteLength, notBom2.byteLength, notBom3.byteLength, notBom4.byteLength, 0]]);
    expect(["s1.xml", "s2.xml", "n1.xml", "n2.xml", "n3.xml", "n4.xml", "bom.xml"].map((n) => pkg.text(n))).toEqual(["<s>1</s>", "<s>2</s>", "\ufec0<a/>", "<¿x/>", "\u8eff<b/>", "\uf000<c/>", ""]);
    expect(alone).toBe(0);
    expect(() => pkg.text("nul0.xml")).toThrow(/nul0\.xml.*UTF-16/); // "00 3C": text() reads it as UTF-16 and refuses it
    // One part alone is not worth joining: text() decodes it.
    const single = new OpcPackage([part("x.xml", "<x/>")], codec);
    single.prepareTexts(["x.xml"]);
    expect(joined).toHaveLength(1);
    expect(single.text("x.xml")).toBe("<x/>");
    expect(alone).toBe(1);
    // Two are.
    const pair = new OpcPackage([part("p.xml", "<p/>"), part("q.xml", "<q/>")], codec);
    pair.prepareTexts(["p.xml", "q.xml"]);
    expect(joined).toEqual([[8, 8, notBom1.byteLength, notBom2.byteLength, notBom3.byteLength, notBom4.byteLength, 0], [4, 4]]);
    expect([pair.text("p.xml"), pair.text("q.xml")]).toEqual(["<p/>", "<q/>"]);
    expect(alone).toBe(1);
  });

  it("does nothing with a codec that cannot decode parts together (the browser's fflate)", () => {
    const parts = [part("a.xml", "<a/>"), part("b.xml", "<b/>")];
    const pkg = new OpcPackage(parts, FFLATE_CODEC);
    pkg.prepareTexts(["a.xml", "b.xml"]);
    expect(pkg.text("a.xml")).toBe("<a/>");
    expect(pkg.text("b.xml")).toBe("<b/>");
  });
});
