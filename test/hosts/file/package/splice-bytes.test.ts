/**
 * OpcPackage.spliceText (issue 13, speed): a sheet's edits written by copying its own UTF-8 bytes
 * between them and encoding only the new text. The oracle is the text way: setText(applySplices()).
 * Both ways of counting UTF-8 lengths are tried: Node's (NODE_CODEC.utf8Length) and the package's
 * own count (FFLATE_CODEC, the browser's), over Chinese, astral characters and byte-order marks.
 */
import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { crc32, FFLATE_CODEC } from "../../../../src/hosts/file/package/codec";
import { OpcPackage, type SourcePart, type ZipCodec } from "../../../../src/hosts/file/package/opc";
import { applySplices, type Splice } from "../../../../src/hosts/file/package/xml";
import { NODE_CODEC } from "../../../../src/hosts/file/node-zlib";

const BOM = [0xef, 0xbb, 0xbf];

function source(name: string, text: string, bom: boolean): SourcePart {
  const body = new TextEncoder().encode(text);
  const bytes = bom ? new Uint8Array([...BOM, ...body]) : body;
  return { name, method: 8, raw: deflateRawSync(bytes), crc32: crc32(bytes), size: bytes.byteLength };
}

/** The part's bytes after the splices, made by spliceText (`bytes: true`) or by the text way. */
function after(codec: ZipCodec, text: string, bom: boolean, splices: Splice[], bytes: boolean): Uint8Array {
  const pkg = new OpcPackage([source("p.xml", text, bom)], codec);
  const read = pkg.text("p.xml");
  if (bytes) pkg.spliceText("p.xml", read, splices);
  else pkg.setText("p.xml", applySplices(read, splices));
  return pkg.bytes("p.xml");
}

const CODECS: [string, ZipCodec][] = [
  ["Node's byte lengths", NODE_CODEC],
  ["the package's own count", FFLATE_CODEC],
];

describe.each(CODECS)("spliceText with %s", (_name, codec) => {
  it("keeps the part's bytes between edits and encodes the edits: by hand", () => {
    const text = `<a>一月<b/>𠀀é</a>`;
    const splices: Splice[] = [
      { start: text.indexOf("<b/>"), end: text.indexOf("<b/>") + 4, text: "<b>二月</b>" },
      { start: text.indexOf("é"), end: text.indexOf("é"), text: "😀" },
      { start: 0, end: 0, text: "" },
    ];
    const out = new TextDecoder("utf-8", { ignoreBOM: true }).decode(after(codec, text, true, splices, true));
    expect(out).toBe(`\ufeff<a>一月<b>二月</b>𠀀😀é</a>`);
    expect([...after(codec, text, true, splices, true).subarray(0, 3)]).toEqual(BOM);
    expect(after(codec, text, false, splices, true)).toEqual(after(codec, text, false, splices, false));
  });

  it("refuses overlapping edits, as applySplices does", () => {
    const pkg = new OpcPackage([source("p.xml", "<a>0123456789</a>", false)], codec);
    const read = pkg.text("p.xml");
    expect(() => pkg.spliceText("p.xml", read, [{ start: 3, end: 6, text: "x" }, { start: 5, end: 7, text: "y" }])).toThrow("overlapping edits at 5");
  });

  it("takes the text way when the text given is not the part's as read", () => {
    const pkg = new OpcPackage([source("p.xml", "<a>一</a>", false)], codec);
    pkg.text("p.xml");
    pkg.spliceText("p.xml", "<b>二</b>", [{ start: 1, end: 2, text: "c" }]);
    expect(pkg.text("p.xml")).toBe("<c>二</b>");
  });

  it("makes the bytes the text way makes, for any text and any edits", () => {
    const unit = fc.constantFrom("a", "<", ">", "é", "一", "月", "𠀀", "😀", " ", "\n");
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 40 }),
        fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 4 }), text: fc.array(unit, { maxLength: 3 }).map((u) => u.join("")) }), { maxLength: 5 }),
        fc.boolean(),
        (units, edits, bom) => {
          const text = units.join("");
          // Edits at unit boundaries (never inside a surrogate pair), not overlapping.
          const bounds = [0];
          for (const u of units) bounds.push((bounds[bounds.length - 1] as number) + u.length);
          const splices: Splice[] = [];
          let free = 0;
          for (const e of [...edits].sort((x, y) => x.at - y.at)) {
            const from = Math.max(free, e.at % bounds.length);
            const to = Math.min(bounds.length - 1, from + e.len);
            if (from > bounds.length - 1) break;
            splices.push({ start: bounds[from] as number, end: bounds[to] as number, text: e.text });
            free = to;
          }
          expect(after(codec, text, bom, splices, true)).toEqual(after(codec, text, bom, splices, false));
        },
      ),
      { numRuns: 400, seed: 13 },
    );
  });
});
