/**
 * zip-write: parts whose compression is settled, laid out as a plain zip. JSZip (CRC-32 checks on)
 * and the guard's own directory reader must read back exactly what went in; the same parts give the
 * same bytes; what a plain zip cannot hold is refused, not written wrong.
 */
// @ts-nocheck

import { crc32, deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { readDirectory } from "../../../src/hosts/file/guard";
import { writeZip, type ZipPart } from "../../../src/hosts/file/zip-write";
import { zipContents } from "../../fixtures/zip";


function part(name: string, content: Uint8Array, deflate: boolean): ZipPart {
  const data = deflate ? deflateRawSync(content) : content;
  return { name, method: deflate ? 8 : 0, data, crc32: crc32(content), size: content.byteLength };
}

describe("writeZip", () => {
  it("reads back as the same parts, stored and deflated mixed: names in Chinese, empty parts, binary content (fast-check)", async () => {
    const name = fc.stringMatching(/^[a-zA-Z0-9_\-\u4e00-\u9fa5]{1,12}$/).map((s) => `xl/${s}.xml`);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(name, fc.uint8Array({ maxLength: 3000 }), fc.boolean()), { minLength: 1, maxLength: 12, selector: ([n]) => n }), async (files) => {
        const zip = writeZip(files.map(([n, content, deflate]) => part(n, content, deflate)));
        expect(await zipContents(zip)).toEqual(new Map(files.map(([n, content]) => [n, Buffer.from(content).toString("base64")])));
        // The guard's reader sees the same directory: names, methods, sizes, CRCs, in order.
        const dir = readDirectory(zip);
        if (!("entries" in dir)) throw new Error(dir.message);
        expect(dir.entries.map((e) => [e.name, e.method, e.uncompressedSize, e.crc32])).toEqual(files.map(([n, content, deflate]) => [n, deflate ? 8 : 0, content.byteLength, crc32(content)]));
      }),
      { numRuns: 60, seed: 12367 },
    );
  });

  it("dates every part 1980-01-01 00:00, as Excel does, so the same parts give the same bytes", () => {
    const parts = [part("[Content_Types].xml", new TextEncoder().encode("<Types/>"), false), part("xl/workbook.xml", new TextEncoder().encode("<workbook>".repeat(50)), true)];
    const a = writeZip(parts);
    expect(Buffer.from(writeZip(parts))).toEqual(Buffer.from(a));
    const v = new DataView(a.buffer, a.byteOffset, a.byteLength);
    expect([v.getUint16(10, true), v.getUint16(12, true)]).toEqual([0, 0x21]);
  });

  it("marks a name that is not ASCII as UTF-8 (flag bit 11), and an ASCII one not", () => {
    const zip = writeZip([part("a.xml", new Uint8Array(1), false), part("图.xml", new Uint8Array(1), false)]);
    const dir = readDirectory(zip);
    if (!("entries" in dir)) throw new Error(dir.message);
    expect(dir.entries.map((e) => [e.name, e.flags & 0x0800])).toEqual([
      ["a.xml", 0],
      ["图.xml", 0x0800],
    ]);
  });

  it("refuses what a plain zip cannot hold or what does not add up, instead of writing it wrong", () => {
    const content = new TextEncoder().encode("<a/>");
    expect(() => writeZip([{ name: "a.xml", method: 0, data: content, crc32: crc32(content), size: 99 }])).toThrow(/stored part a\.xml: 4 bytes given, 99 declared/);
    const many = Array.from({ length: 0x10000 }, (_, i) => part(`p${i}`, new Uint8Array(0), false));
    expect(() => writeZip(many)).toThrow(/65536 parts needs zip64/);
  });
});
