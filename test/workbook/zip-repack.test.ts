/**
 * zip-repack: ExcelJS's uncompressed zip, deflated natively, must be the same workbook part for part
 * (JSZip checks every CRC-32 on the way back in), smaller, and anything not written by JSZip's
 * STORE is declined so the caller saves the ordinary way.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { NODE_ZLIB, nodeDeflateSync } from "../../src/cli/zlib";
import { ExcelFileAdapter } from "../../src/workbook/file-adapter";
import { inspectXlsx } from "../../src/workbook/guard";
import { runWorkbook } from "../../src/workbook/plan";
import { repackDeflated } from "../../src/workbook/zip-repack";

const EXAMPLE = path.join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx");

/** name → content of every file part, read with CRC-32 checks on. */
async function parts(zip: Uint8Array): Promise<Map<string, string>> {
  const z = await JSZip.loadAsync(zip, { checkCRC32: true });
  const out = new Map<string, string>();
  for (const f of Object.values(z.files)) if (!f.dir) out.set(f.name, Buffer.from(await f.async("uint8array")).toString("base64"));
  return out;
}

/** The compression method of each part, from JSZip's reading of the directory. */
async function methods(zip: Uint8Array): Promise<string[]> {
  const z = await JSZip.loadAsync(zip);
  return Object.values(z.files)
    .filter((f) => !f.dir)
    .map((f) => (f as unknown as { _data: { compression: { magic: string } } })._data.compression.magic === "\x08\x00" ? "DEFLATE" : "STORE");
}

async function storedExample(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
  return new Uint8Array((await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } })) as ArrayBuffer);
}

describe("repackDeflated", () => {
  it("deflates every part of ExcelJS's stored zip: the same parts, byte for byte, CRCs checked, a fraction of the size", async () => {
    const stored = await storedExample();
    const packed = repackDeflated(stored, nodeDeflateSync);
    expect(packed).not.toBeNull();
    const out = packed as Uint8Array;
    expect(await parts(out)).toEqual(await parts(stored));
    expect(new Set(await methods(out))).toEqual(new Set(["DEFLATE"]));
    expect(out.byteLength).toBeLessThan(stored.byteLength / 4);
    // The guard and ExcelJS both take it as an ordinary workbook.
    expect(await inspectXlsx(out)).toEqual({ ok: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("指标录入")?.getCell("A1").value).toBe("考核月份");
  });

  it("round-trips any set of parts: names in Chinese, empty parts, binary content (fast-check)", async () => {
    const name = fc.stringMatching(/^[a-zA-Z0-9_\-\u4e00-\u9fa5]{1,12}$/).map((s) => `xl/${s}.xml`);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(name, fc.uint8Array({ maxLength: 3000 })), { minLength: 1, maxLength: 12, selector: ([n]) => n }), async (files) => {
        const zip = new JSZip();
        for (const [n, data] of files) zip.file(n, data);
        const stored = await zip.generateAsync({ type: "uint8array", compression: "STORE" });
        const packed = repackDeflated(stored, nodeDeflateSync);
        expect(packed).not.toBeNull();
        expect(await parts(packed as Uint8Array)).toEqual(await parts(stored));
      }),
      { numRuns: 60, seed: 12367 },
    );
  });

  it("declines what JSZip's STORE does not write: a deflated zip, a truncated one, one with a comment, not a zip", async () => {
    const stored = await storedExample();
    expect(repackDeflated(new Uint8Array(readFileSync(EXAMPLE)), nodeDeflateSync)).toBeNull(); // already deflated
    expect(repackDeflated(stored.subarray(0, stored.byteLength - 10), nodeDeflateSync)).toBeNull();
    const zip = new JSZip();
    zip.file("a.xml", "<a/>");
    expect(repackDeflated(await zip.generateAsync({ type: "uint8array", compression: "STORE", comment: "hello" }), nodeDeflateSync)).toBeNull();
    expect(repackDeflated(new TextEncoder().encode("序号,考核指标\n1,队伍建设\n"), nodeDeflateSync)).toBeNull();
    expect(repackDeflated(new Uint8Array(0), nodeDeflateSync)).toBeNull();
  });
});

describe("the file adapter with Node's zlib (what the command line opens workbooks with)", () => {
  it("saves the same workbook as without it: every part's content equal but for the save time", async () => {
    const scored = async (options: typeof NODE_ZLIB) => {
      const adapter = await ExcelFileAdapter.fromBuffer(readFileSync(EXAMPLE), options);
      const result = runWorkbook(await adapter.read(), { asOf: "2026-01-31" });
      if (!result.plan) throw new Error(JSON.stringify(result.errors));
      await adapter.apply(result.plan);
      return adapter.save();
    };
    const fast = await parts(await scored(NODE_ZLIB));
    const plain = await parts(await scored({}));
    // docProps/core.xml carries the moment of saving.
    fast.delete("docProps/core.xml");
    plain.delete("docProps/core.xml");
    expect([...fast.keys()].sort()).toEqual([...plain.keys()].sort());
    expect(fast).toEqual(plain);
    expect(fast.size).toBeGreaterThan(20);
  });
});
