/**
 * The command line's zlib paths (src/hosts/file/native-zip.ts, src/hosts/file/node-zlib.ts): the workbook saved through
 * ExcelJS's rendering and zlib's zip must be ExcelJS's own workbook part for part, other savers in the
 * process must keep ExcelJS's own writer, and loading from the guard's re-pack must read the same
 * workbook as loading the file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { nativeLoadXlsx, nativeSaves, nativeWriteXlsx } from "../../../src/hosts/file/native-zip";
import { NODE_ZLIB, nodeInflateSync } from "../../../src/hosts/file/node-zlib";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import { inspectXlsx, readDirectory, SYNC_PART_MAX } from "../../../src/hosts/file/guard";
import { runWorkbook } from "../../../src/workbook/plan";
import { writeZip } from "../../../src/hosts/file/zip-write";
import { zipContents } from "../../fixtures/zip";

const EXAMPLE = path.join(__dirname, "..", "..", "..", "assets", "example-2024-2025.xlsx");

const parts = zipContents;

/** docProps/core.xml carries the moment of saving: everything else must match. */
function withoutSaveTime(m: Map<string, string>): Map<string, string> {
  m.delete("docProps/core.xml");
  return m;
}

function methods(zip: Uint8Array): Set<number> {
  const dir = readDirectory(zip);
  if (!("entries" in dir)) throw new Error(dir.message);
  return new Set(dir.entries.map((e) => e.method));
}

/** The DOS date of the zip's first local header (writeZip: 1980-01-01 = 0x21; JSZip: today). */
function firstDate(zip: Uint8Array): number {
  return new DataView(zip.buffer, zip.byteOffset, zip.byteLength).getUint16(12, true);
}

/** nativeWriteXlsx with nothing deferred: always bytes. */
async function nativeSave(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await nativeWriteXlsx(wb);
  if (!out) throw new Error("nativeWriteXlsx declined a save with nothing deferred");
  return out;
}

async function example(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
  return wb;
}

describe("nativeWriteXlsx: ExcelJS's rendering, zlib's zip", () => {
  it("is reached on the pinned ExcelJS, and writes ExcelJS's own parts, byte for byte, deflated, CRCs checked", async () => {
    const wb = await example();
    const before = nativeSaves.saves;
    const native = await nativeSave(wb);
    expect(nativeSaves.saves).toBe(before + 1);
    expect(firstDate(native)).toBe(0x21);
    const own = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(withoutSaveTime(await parts(native))).toEqual(withoutSaveTime(await parts(own)));
    expect(methods(native)).toEqual(new Set([8]));
    expect(native.byteLength).toBeLessThan(1.3 * own.byteLength); // level 1 against JSZip's 6: a little larger
    expect(await inspectXlsx(native)).toEqual({ ok: true });
  });

  it("leaves every other save in the process to ExcelJS's own writer (the hook is keyed on its own option)", async () => {
    const wb = await example();
    await nativeSave(wb); // installed
    const before = nativeSaves.saves;
    const own = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const stored = new Uint8Array((await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Partial<ExcelJS.XlsxWriteOptions>)) as ArrayBuffer);
    expect(nativeSaves.saves).toBe(before);
    expect(firstDate(own)).not.toBe(0x21); // JSZip dates its parts with the time of saving
    expect(methods(stored)).toEqual(new Set([0])); // JSZip's options still obeyed
  });
});

describe("the guard's parts, re-packed for ExcelJS (keepParts)", () => {
  it("gives every file part (folder entries left out), in the zip's order: the ones it inflated whole stored as their content, with the file's CRCs", async () => {
    const bytes = readFileSync(EXAMPLE);
    const verdict = await inspectXlsx(bytes, { inflateSync: nodeInflateSync, keepParts: true });
    if (!verdict.ok || !verdict.parts) throw new Error("no parts");
    const dir = readDirectory(bytes);
    if (!("entries" in dir)) throw new Error(dir.message);
    expect(verdict.parts.map((p) => [p.name, p.crc32, p.size])).toEqual(dir.entries.filter((e) => !e.name.endsWith("/")).map((e) => [e.name, e.crc32, e.uncompressedSize]));
    expect(dir.entries.some((e) => e.name.endsWith("/"))).toBe(true); // the example has folder entries (ExcelJS writes them)
    expect(new Set(verdict.parts.map((p) => p.method))).toEqual(new Set([0]));
    expect(await parts(writeZip(verdict.parts))).toEqual(await parts(bytes));
  });

  it("keeps a part too big to inflate whole (over SYNC_PART_MAX) as the file has it, deflated", async () => {
    const wb = await example();
    const base = await inspectXlsx(await nativeSave(wb), { inflateSync: nodeInflateSync, keepParts: true });
    if (!base.ok || !base.parts) throw new Error("no parts");
    // Incompressible bytes: a ratio the guard accepts, a size past the whole-inflate limit.
    const big = new Uint8Array(SYNC_PART_MAX + 1000);
    for (let i = 0, x = 12367; i < big.length; i++) big[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    const packed = deflateRawSync(big, { level: 1 });
    const file = writeZip([...base.parts, { name: "customXml/item9.bin", method: 8, data: packed, crc32: crc32(big), size: big.byteLength }]);
    const verdict = await inspectXlsx(file, { inflateSync: nodeInflateSync, keepParts: true });
    if (!verdict.ok || !verdict.parts) throw new Error("no parts");
    const kept = verdict.parts.find((p) => p.name === "customXml/item9.bin");
    expect(kept?.method).toBe(8);
    expect(Buffer.from(kept?.data ?? [])).toEqual(Buffer.from(packed));
    expect(verdict.parts.filter((p) => p.method === 8)).toHaveLength(1);
  });

  it("gives no parts unless asked (the pane's browser mode never holds them)", async () => {
    expect(await inspectXlsx(readFileSync(EXAMPLE), { inflateSync: nodeInflateSync })).toStrictEqual({ ok: true });
  });
});

describe("nativeLoadXlsx: ExcelJS's parsing of the guard's parts, no zip between", () => {
  async function guardedParts(bytes: Uint8Array) {
    const verdict = await inspectXlsx(bytes, { inflateSync: nodeInflateSync, keepParts: true });
    if (!verdict.ok || !verdict.parts) throw new Error("no parts");
    return verdict.parts;
  }

  it("goes through the hook on the pinned ExcelJS and reads the same workbook as ExcelJS reading the file", async () => {
    const bytes = readFileSync(EXAMPLE);
    const before = nativeSaves.loads;
    const wb = new ExcelJS.Workbook();
    await nativeLoadXlsx(wb, await guardedParts(bytes));
    expect(nativeSaves.loads).toBe(before + 1);
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(plain.worksheets.map((w) => w.name));
    expect(wb.worksheets.length).toBeGreaterThan(12);
    for (const ws of plain.worksheets) {
      const mine = wb.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (cell, c) => {
        expect([ws.name, cell.address, mine.getCell(r, c).value, mine.getCell(r, c).style]).toEqual([ws.name, cell.address, cell.value, cell.style]);
      }));
      expect(mine.model.merges).toEqual(ws.model.merges);
    }
    // Other callers keep JSZip's own loadAsync.
    expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toContain("xl/workbook.xml");
  });

  it("falls back to a stored zip, loaded the ordinary way, when ExcelJS does not go through the hook (a changed ExcelJS)", async () => {
    const parts = await guardedParts(readFileSync(EXAMPLE));
    const jszip = JSZip as unknown as { loadAsync: (data: unknown, options?: unknown) => Promise<unknown> };
    const hooked = jszip.loadAsync;
    // As a JSZip that knows nothing of prepared parts: anything but bytes is an error.
    jszip.loadAsync = (data, options) => (data instanceof Uint8Array ? hooked.call(JSZip, data, options) : Promise.reject(new Error("Can't read the data of 'the loaded zip file'")));
    try {
      const before = nativeSaves.loads;
      const wb = new ExcelJS.Workbook();
      await nativeLoadXlsx(wb, parts);
      expect(nativeSaves.loads).toBe(before);
      expect(wb.getWorksheet("指标录入")?.getCell("A1").value).toBe("考核月份");
    } finally {
      jszip.loadAsync = hooked;
    }
  });

  it("inflates, when ExcelJS asks for it, a part the guard left deflated (over SYNC_PART_MAX): a picture arrives whole", async () => {
    const base = await guardedParts(readFileSync(EXAMPLE));
    const big = new Uint8Array(SYNC_PART_MAX + 1000);
    for (let i = 0, x = 7; i < big.length; i++) big[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    const file = writeZip([...base, { name: "xl/media/image9.png", method: 8, data: deflateRawSync(big, { level: 1 }), crc32: crc32(big), size: big.byteLength }]);
    const parts = await guardedParts(file);
    expect(parts.find((p) => p.name === "xl/media/image9.png")?.method).toBe(8);
    const wb = new ExcelJS.Workbook();
    await nativeLoadXlsx(wb, parts);
    const media = (wb.model as unknown as { media: { name: string; buffer: Buffer }[] }).media;
    expect(media.map((m) => m.name)).toEqual(["image9"]);
    expect(Buffer.compare(media[0]!.buffer, Buffer.from(big))).toBe(0);
  });
});

describe("the file adapter with Node's zlib (what the command line opens workbooks with)", () => {
  const scored = async (options: typeof NODE_ZLIB) => {
    const adapter = await ExcelFileAdapter.fromBuffer(readFileSync(EXAMPLE), options);
    const snapshot = await adapter.read();
    const result = runWorkbook(snapshot, { asOf: "2026-01-31" });
    if (!result.plan) throw new Error(JSON.stringify(result.errors));
    await adapter.apply(result.plan);
    return { snapshot, saved: await adapter.save() };
  };

  it("reads the same workbook and saves the same parts as without it, loaded and saved through the hooks", async () => {
    const [saves, loads] = [nativeSaves.saves, nativeSaves.loads];
    const fast = await scored(NODE_ZLIB);
    expect([nativeSaves.saves, nativeSaves.loads]).toEqual([saves + 1, loads + 1]);
    const plain = await scored({});
    expect(fast.snapshot).toEqual(plain.snapshot);
    const a = withoutSaveTime(await parts(fast.saved));
    const b = withoutSaveTime(await parts(plain.saved));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a).toEqual(b);
    expect(a.size).toBeGreaterThan(20);
  });
});
