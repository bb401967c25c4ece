/**
 * Hostile and wrong files, generated here: each is refused by the guard (src/hosts/file/guard.ts)
 * with a clear zh-CN + English message BEFORE any part is parsed — through inspectXlsx, the
 * file adapter and the command line (exit 2, no output file, input unchanged). Zip bombs are
 * built small: a deflate segment of highly compressible sheet XML, full-flushed, repeated.
 * Times and memory are measured and printed once, not asserted (agreement: no timing assertions);
 * memory IS bounded by assertion where it can fail for real: the CLI runs the worst files in a
 * child process with a 64 MB V8 heap, where parsing them would die.
 */
// @ts-nocheck

import { spawnSync } from "node:child_process";
import { existsSync, promises as fsp, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { folderPerTest } from "../fixtures/folder";
import path from "node:path";
import zlib from "node:zlib";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { ExcelFileAdapter, NotAWorkbookError, RefusedFileError } from "../../src/hosts/file/file-adapter";
import { dimensionRows, GuardCode, inspectXlsx, XLSX_LIMITS } from "../../src/hosts/file/guard";
import { nodeInflateSync } from "../../src/hosts/file/node-zlib";
import { exampleWorkbook, yearWorkbook } from "../fixtures/workbooks";

// The package's XML parser: the spy proves the guard refused before any part was parsed.
import * as xml from "../../src/hosts/file/package/xml";

// ---------------------------------------------------------------------------------------------
// A small zip writer: parts given as bytes (deflated here) or as a ready raw-deflate body.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array, crc = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, v: number) => number }).crc32;
  if (native) return native(data, crc);
  let c = ~crc >>> 0;
  for (const b of data) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

interface Body {
  body: Buffer;
  size: number;
  crc: number;
}

interface Part {
  name: string;
  data?: Uint8Array | string;
  deflated?: Body;
  method?: number;
  flags?: number;
  /** Uncompressed size written in the directory (a lie, for the forged-directory bomb). */
  declaredSize?: number;
  /** Reuse the local header and data of an earlier part (overlapping entries). */
  sameDataAs?: string;
}

function deflate(data: Uint8Array | string): Body {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
  return { body: zlib.deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * Raw deflate of head + block × times + tail without ever holding the inflated text: each segment
 * is full-flushed (byte-aligned, no back-references across it), so segments concatenate.
 */
function repeated(head: string, block: string, times: number, tail: string): Body {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const h = Buffer.from(head);
  const b = Buffer.from(block);
  const t = Buffer.from(tail);
  const hz = zlib.deflateRawSync(h, flush);
  const bz = zlib.deflateRawSync(b, flush);
  const tz = zlib.deflateRawSync(t);
  let crc = crc32(h);
  for (let i = 0; i < times; i++) crc = crc32(b, crc);
  crc = crc32(t, crc);
  return { body: Buffer.concat([hz, ...new Array<Buffer>(times).fill(bz), tz]), size: h.length + b.length * times + t.length, crc };
}

/** Raw deflate of text produced batch by batch (rows that differ), never all in memory as text. */
function streamed(batches: Iterable<string>): Body {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const out: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const text of batches) {
    const bytes = Buffer.from(text);
    out.push(zlib.deflateRawSync(bytes, flush));
    size += bytes.length;
    crc = crc32(bytes, crc);
  }
  out.push(Buffer.from([0x03, 0x00])); // a final, empty fixed-Huffman block
  return { body: Buffer.concat(out), size, crc };
}

/** `zip64`: every size and offset in the directory moved to zip64 fields, as some writers always do. */
function zip(parts: readonly Part[], zip64 = false): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets = new Map<string, { offset: number; body: Body; method: number }>();
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const flags = (p.flags ?? 0) | 0x0800;
    let entry = p.sameDataAs ? offsets.get(p.sameDataAs) : undefined;
    if (!entry) {
      const method = p.method ?? 8;
      const raw = p.data === undefined ? Buffer.alloc(0) : typeof p.data === "string" ? Buffer.from(p.data, "utf8") : Buffer.from(p.data);
      const body = p.deflated ?? (method === 0 ? { body: raw, size: raw.length, crc: crc32(raw) } : deflate(raw));
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(body.crc >>> 0, 14);
      local.writeUInt32LE(body.body.length, 18);
      local.writeUInt32LE(Math.min(p.declaredSize ?? body.size, 0xfffffffe), 22);
      local.writeUInt16LE(name.length, 26);
      entry = { offset, body, method };
      offsets.set(p.name, entry);
      locals.push(local, name, body.body);
      offset += local.length + name.length + body.body.length;
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(45, 4);
    c.writeUInt16LE(zip64 ? 45 : 20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(entry.method, 10);
    c.writeUInt32LE(entry.body.crc >>> 0, 16);
    c.writeUInt32LE(zip64 ? 0xffffffff : entry.body.body.length, 20);
    c.writeUInt32LE(zip64 ? 0xffffffff : Math.min(p.declaredSize ?? entry.body.size, 0xfffffffe), 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(zip64 ? 0xffffffff : entry.offset, 42);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(p.declaredSize ?? entry.body.size), 4);
      extra.writeBigUInt64LE(BigInt(entry.body.body.length), 12);
      extra.writeBigUInt64LE(BigInt(entry.offset), 20);
      c.writeUInt16LE(extra.length, 30);
    }
    central.push(c, name, extra);
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(zip64 ? 0xffff : parts.length, 8);
  eocd.writeUInt16LE(zip64 ? 0xffff : parts.length, 10);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : cd.length, 12);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  if (!zip64) return Buffer.concat([...locals, cd, eocd]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(parts.length), 24);
  record.writeBigUInt64LE(BigInt(parts.length), 32);
  record.writeBigUInt64LE(BigInt(cd.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, cd, record, locator, eocd]);
}

/** The parts of a real workbook (the SPEC §7 example), by name, for the hostile variants to start from. */
async function workbookParts(): Promise<Map<string, Uint8Array>> {
  const z = await JSZip.loadAsync((await exampleWorkbook()).buffer);
  const out = new Map<string, Uint8Array>();
  for (const [name, f] of Object.entries(z.files)) if (!f.dir) out.set(name, await f.async("uint8array"));
  return out;
}

/** A workbook whose part `replace` is swapped (or added) for the given part. sheet2.xml is 指标录入. */
function workbookWith(base: Map<string, Uint8Array>, swap: Part[], extra: Part[] = []): Buffer {
  const names = new Set(swap.map((p) => p.name));
  return zip([...[...base.entries()].filter(([n]) => !names.has(n)).map(([name, data]) => ({ name, data })), ...swap, ...extra]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
const SHEET = "xl/worksheets/sheet2.xml";

function* millionRows(dimension: string | null, rows = 1_000_000): Generator<string> {
  yield `${SHEET_HEAD}${dimension === null ? "" : `<dimension ref="${dimension}"/>`}<sheetData>`;
  const batch = 20_000;
  for (let from = 1; from <= rows; from += batch) {
    const parts: string[] = [];
    for (let r = from; r < from + batch && r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    yield parts.join("");
  }
  yield "</sheetData></worksheet>";
}

/** An OLE compound file header (what .xls and password-protected .xlsx files start with), with a directory name. */
function ole(streamName: string): Buffer {
  const header = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  Buffer.from(streamName, "utf16le").copy(header, 1024);
  return header;
}

/** The first `share` of a file (0 < share < 1), or all but its last -share bytes. */
function cut(bytes: Buffer, share: number): Buffer {
  return bytes.subarray(0, share > 0 ? Math.floor(bytes.length * share) : bytes.length + share);
}

// ---------------------------------------------------------------------------------------------

interface HostileCase {
  name: string;
  make: () => Buffer | Promise<Buffer>;
  code: GuardCode;
  /** A fragment of the zh-CN message, and of the English one. */
  zh: string;
  en: string;
}

let base: Map<string, Uint8Array>;
const figures: { name: string; size: number; ms: number; heapMb: number; rssMb: number }[] = [];

beforeAll(async () => {
  base = await workbookParts();
});
const { at, files } = folderPerTest("hostile-");
afterEach(() => {
  jest.restoreAllMocks();
});
afterAll(() => {
  const worstTime = [...figures].sort((a, b) => b.ms - a.ms)[0];
  const worstHeap = [...figures].sort((a, b) => b.heapMb - a.heapMb)[0];
  const worstRss = [...figures].sort((a, b) => b.rssMb - a.rssMb)[0];
  console.log(
    `hostile: ${figures.length} files refused before parsing; worst time ${worstTime?.ms.toFixed(0)} ms (${worstTime?.name}); ` +
      `worst heap growth ${worstHeap?.heapMb.toFixed(1)} MB (${worstHeap?.name}); worst RSS growth ${worstRss?.rssMb.toFixed(1)} MB (${worstRss?.name})`,
  );
});

const CASES: HostileCase[] = [
  { name: "an empty file", make: () => Buffer.alloc(0), code: "empty", zh: "文件是空的", en: "the file is empty" },
  { name: "a PDF", make: () => Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), code: "wrong-type", zh: "这是 PDF 文件", en: "this is a PDF file" },
  { name: "an old .xls (OLE compound file)", make: () => ole("Workbook"), code: "wrong-type", zh: "旧版 Excel 97-2003 工作簿（.xls）", en: "old Excel 97-2003 workbook (.xls)" },
  { name: "a password-protected .xlsx (OLE with EncryptedPackage)", make: () => ole("EncryptedPackage"), code: "encrypted", zh: "设置了打开密码", en: "password-protected" },
  { name: "a CSV renamed .xlsx", make: () => Buffer.from("考核月份,团队人数\n2025-10,9\n"), code: "wrong-type", zh: "文本文件（如 CSV、TXT）", en: "text file (CSV, TXT" },
  { name: "a web page saved as .xls", make: () => Buffer.from('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>1</td></tr></table></body></html>'), code: "wrong-type", zh: "网页或 XML 文本", en: "HTML or XML text" },
  { name: "random bytes", make: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), code: "wrong-type", zh: "无法识别文件类型", en: "its type is unknown" },
  { name: "a zip that is not a workbook", make: () => zip([{ name: "readme.txt", data: "hello" }, { name: "data/list.csv", data: "a,b\n" }]), code: "not-a-workbook", zh: "没有 Excel 工作簿（缺少 xl/workbook.xml）", en: "holds no Excel workbook" },
  { name: "a Word document", make: () => zip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<w:document/>" }]), code: "not-a-workbook", zh: "Word 文档（.docx）", en: "Word document (.docx)" },
  { name: "a binary workbook (.xlsb)", make: () => zip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/workbook.bin", data: new Uint8Array([1, 2, 3]) }]), code: "not-a-workbook", zh: "二进制工作簿（.xlsb）", en: "binary workbook (.xlsb)" },
  { name: "an empty zip", make: () => zip([]), code: "not-a-workbook", zh: "空的 ZIP 压缩包", en: "empty zip archive" },
  { name: "a truncated workbook (first 60%)", make: async () => cut((await exampleWorkbook()).buffer, 0.6), code: "truncated", zh: "文件不完整或已损坏", en: "incomplete or damaged" },
  { name: "a workbook missing its last 10 bytes", make: async () => cut((await exampleWorkbook()).buffer, -10), code: "truncated", zh: "缺少 ZIP 结尾目录", en: "end-of-directory record is missing" },
  {
    name: "a part whose deflate data is damaged",
    make: () => workbookWith(base, [{ name: SHEET, deflated: { body: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x12]), size: 5000, crc: 0 } }]),
    code: "truncated",
    zh: `部件 ${SHEET} 无法解压`,
    en: `part ${SHEET} cannot be unpacked`,
  },
  {
    name: "a zip bomb: one sheet of 300 MB in a few hundred KB",
    make: () => workbookWith(base, [{ name: SHEET, deflated: repeated(`${SHEET_HEAD}<sheetData>`, "<row/>".repeat(174_763), 300, "</sheetData></worksheet>") }]),
    code: "too-large-unpacked",
    zh: "解压后超过 200 MB",
    en: "unpacks to more than 200 MB",
  },
  {
    name: "a ratio bomb: a 50 MB sheet at ~1000:1 (under the total limit)",
    make: () => workbookWith(base, [{ name: SHEET, deflated: repeated(`${SHEET_HEAD}<sheetData>`, " ".repeat(1 << 20), 50, "</sheetData></worksheet>") }]),
    code: "ratio",
    zh: "压缩比",
    en: "compression ratio",
  },
  {
    name: "a forged directory: 300 MB declared as 4 KB",
    make: () => workbookWith(base, [{ name: SHEET, declaredSize: 4096, deflated: repeated(`${SHEET_HEAD}<sheetData>`, "<row/>".repeat(174_763), 300, "</sheetData></worksheet>") }]),
    code: "size-mismatch",
    zh: "比 ZIP 目录声明的",
    en: "more than the",
  },
  {
    name: "overlapping entries: 3,000 directory entries over one 10 MB part",
    make: () => {
      const bomb = repeated("", " ".repeat(1 << 20), 10, "");
      const overlap: Part[] = Array.from({ length: 3000 }, (_, i) => ({ name: `xl/media/image${i + 2}.xml`, sameDataAs: "xl/media/image1.xml" }));
      return workbookWith(base, [], [{ name: "xl/media/image1.xml", deflated: bomb }, ...overlap]);
    },
    code: "too-large-unpacked",
    zh: "可能是“压缩炸弹”",
    en: "possibly a zip bomb",
  },
  {
    name: "a sheet of 1,000,000 rows with its <dimension> declared",
    make: () => workbookWith(base, [{ name: SHEET, deflated: streamed(millionRows("A1:A1000000")) }]),
    code: "too-many-rows",
    zh: "工作表「指标录入」声明的范围 A1:A1000000 有 1,000,000 行，超过上限 200,000 行",
    en: 'sheet "指标录入" declares the range A1:A1000000, 1,000,000 rows',
  },
  {
    name: "a sheet of 1,000,000 rows whose <dimension> lies (A1)",
    make: () => workbookWith(base, [{ name: SHEET, deflated: streamed(millionRows("A1")) }]),
    code: "too-many-rows",
    zh: "工作表「指标录入」有超过 200,000 行",
    en: 'sheet "指标录入" has more than 200,000 rows',
  },
  {
    name: "2,100,000 cells in 100,000 rows (no dimension)",
    make: () =>
      workbookWith(base, [
        {
          name: SHEET,
          deflated: streamed(
            (function* () {
              yield `${SHEET_HEAD}<sheetData>`;
              for (let b = 0; b < 10; b++) yield `<row>${"<c/>".repeat(21)}</row>`.repeat(10_000);
              yield "</sheetData></worksheet>";
            })(),
          ),
        },
      ]),
    code: "too-many-cells",
    zh: "合计超过 2,000,000 个单元格",
    en: "more than 2,000,000 cells",
  },
  {
    name: "5,001 parts",
    make: () => workbookWith(base, [], Array.from({ length: 5001 - base.size }, (_, i) => ({ name: `xl/media/image${i + 1}.png`, data: "", method: 0 }))),
    code: "too-many-parts",
    zh: "超过上限 5,000",
    en: "above the 5,000 limit",
  },
  {
    name: "a billion-laughs DTD in a sheet",
    make: () =>
      workbookWith(base, [
        {
          name: SHEET,
          data: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`,
        },
      ]),
    code: "dtd",
    zh: "含有 DTD",
    en: "holds a DTD",
  },
  { name: "a zip-encrypted part", make: () => workbookWith(base, [{ name: SHEET, data: "xxxxxxxxxxxx", flags: 0x0001, method: 0 }]), code: "encrypted", zh: "经过 ZIP 加密", en: "zip-encrypted" },
  { name: "an unsupported compression method (bzip2)", make: () => workbookWith(base, [{ name: SHEET, data: "BZh9", method: 12 }]), code: "unsupported-zip", zh: "不支持的压缩方式（12）", en: "unsupported compression method (12)" },
];

function expectClear(v: { message: string; messageEn: string }, c: HostileCase): void {
  expect(v.message).toContain(c.zh);
  expect(v.messageEn).toContain(c.en);
  expect(v.message).toContain("未读取、未写入任何内容");
  expect(v.messageEn).toContain("Nothing was read or written");
  expect(v.message).toMatch(/[\u4e00-\u9fff]/);
  expect(v.messageEn).toMatch(/^[a-z]/);
  expect(v.messageEn).not.toContain("不是有效");
}

describe("the guard refuses hostile and wrong files before anything is parsed", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const bytes = await c.make();
    const load = jest.spyOn(xml, "parseXml");

    // 1. The guard itself, measured.
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const verdict = await inspectXlsx(bytes);
    const ms = performance.now() - t0;
    figures.push({ name: c.name, size: bytes.length, ms, heapMb: (process.memoryUsage().heapUsed - heap0) / 2 ** 20, rssMb: (process.memoryUsage().rss - rss0) / 2 ** 20 });
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.code).toBe(c.code);
    expectClear(verdict, c);

    // 1b. The same verdict with Node's zlib inflating the small parts whole (what the command line uses).
    expect(await inspectXlsx(bytes, { inflateSync: nodeInflateSync })).toEqual(verdict);

    // 2. The file adapter: a RefusedFileError (a NotAWorkbookError), and no part parsed.
    const error = await ExcelFileAdapter.fromBuffer(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RefusedFileError);
    expect(error).toBeInstanceOf(NotAWorkbookError);
    expect((error as RefusedFileError).code).toBe(c.code);

    // 3. The command line: exit 2, both languages on stderr, no output, the input untouched.
    const input = at("in.xlsx");
    writeFileSync(input, bytes);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["score", input, "-o", at("out.xlsx")], { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join("\n")).toContain(`「${input}」`);
    expect(err.join("\n")).toContain(c.zh);
    expect(err.join("\n")).toContain(c.en);
    expect(files()).toEqual(["in.xlsx"]);
    expect(readFileSync(input).equals(bytes)).toBe(true);
    expect(load).not.toHaveBeenCalled();
  }, 60_000);

  it("passes real workbooks: the SPEC §7 month, a whole year, the committed 12-month example", async () => {
    const load = jest.spyOn(xml, "parseXml");
    const asset = readFileSync(path.join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx"));
    for (const bytes of [(await exampleWorkbook()).buffer, (await yearWorkbook()).buffer, asset]) {
      expect(await inspectXlsx(bytes)).toEqual({ ok: true });
      expect(await inspectXlsx(bytes, { inflateSync: nodeInflateSync })).toEqual({ ok: true });
      await ExcelFileAdapter.fromBuffer(bytes);
    }
    // workbook.xml, its relationships, [Content_Types].xml and the styles parsed at each opening.
    expect(load.mock.calls.length).toBeGreaterThanOrEqual(3 * 4);
  });

  it("reads zip64 directories (sizes and offsets in zip64 fields): a workbook passes and opens, a bomb is still refused", async () => {
    const good = zip([...base.entries()].map(([name, data]) => ({ name, data })), true);
    expect(await inspectXlsx(good)).toEqual({ ok: true });
    const snapshot = await (await ExcelFileAdapter.fromBuffer(good)).read();
    expect(snapshot.sheets.map((s) => s.name)).toContain("指标录入");
    const bomb = zip([...[...base.entries()].filter(([n]) => n !== SHEET).map(([name, data]) => ({ name, data })), { name: SHEET, deflated: repeated(`${SHEET_HEAD}<sheetData>`, "<row/>".repeat(174_763), 300, "</sheetData></worksheet>") }], true);
    expect(await inspectXlsx(bomb)).toEqual(expect.objectContaining({ ok: false, code: "too-large-unpacked" }));
    const rows = zip([...[...base.entries()].filter(([n]) => n !== SHEET).map(([name, data]) => ({ name, data })), { name: SHEET, deflated: streamed(millionRows("A1:A1000000")) }], true);
    expect(await inspectXlsx(rows)).toEqual(expect.objectContaining({ ok: false, code: "too-many-rows", sheet: "指标录入" }));
  }, 60_000);

  it("passes a sheet of exactly 200,000 rows (the limit is a limit, not a guess)", async () => {
    const bytes = workbookWith(base, [{ name: SHEET, deflated: streamed(millionRows(`A1:A${XLSX_LIMITS.maxRowsPerSheet}`, XLSX_LIMITS.maxRowsPerSheet)) }]);
    expect(await inspectXlsx(bytes)).toEqual({ ok: true });
    expect(await inspectXlsx(bytes, { inflateSync: nodeInflateSync })).toEqual({ ok: true });
    const one = workbookWith(base, [{ name: SHEET, deflated: streamed(millionRows(null, XLSX_LIMITS.maxRowsPerSheet + 1)) }]);
    expect(await inspectXlsx(one)).toEqual(expect.objectContaining({ ok: false, code: "too-many-rows" }));
    expect(await inspectXlsx(one, { inflateSync: nodeInflateSync })).toEqual(expect.objectContaining({ ok: false, code: "too-many-rows" }));
  }, 60_000);

  it("does the same without DecompressionStream and TextDecoder (an older webview, a test DOM): fflate's streaming inflate", async () => {
    const saved = { ds: globalThis.DecompressionStream, td: globalThis.TextDecoder };
    const pick = (name: string) => CASES.find((c) => c.name.startsWith(name))!;
    try {
      (globalThis as { DecompressionStream?: unknown }).DecompressionStream = undefined;
      (globalThis as { TextDecoder?: unknown }).TextDecoder = undefined;
      for (const c of [pick("a forged directory"), pick("a sheet of 1,000,000 rows whose"), pick("a billion-laughs"), pick("a part whose deflate data"), pick("a CSV"), pick("a web page")]) {
        const v = await inspectXlsx(await c.make());
        expect([c.name, v.ok ? "ok" : v.code]).toEqual([c.name, c.code]);
      }
      expect(await inspectXlsx((await yearWorkbook()).buffer)).toEqual({ ok: true });
    } finally {
      globalThis.DecompressionStream = saved.ds;
      globalThis.TextDecoder = saved.td;
    }
  }, 60_000);

  it("reads dimensions: spans, single cells, absolute refs, and rejects what is not a range", () => {
    expect(dimensionRows("A1:X1000000")).toBe(1_000_000);
    expect(dimensionRows("B7")).toBe(1);
    expect(dimensionRows("$A$3:$C$12")).toBe(10);
    expect(dimensionRows("A1:")).toBeNull();
  });

  it("refuses a file over 100 MB on disk, and a device, without reading them", async () => {
    const big = at("big.xlsx");
    writeFileSync(big, Buffer.from("PK\x03\x04"));
    truncateSync(big, XLSX_LIMITS.maxFileBytes + 5 * 2 ** 20); // sparse: no disk space used
    const readFile = jest.spyOn(fsp, "readFile");
    const err: string[] = [];
    const code = await main(["score", big, "-o", at("out.xlsx")], { out: () => undefined, err: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(err.join("\n")).toContain("文件大小 105 MB，超过上限 100 MB");
    expect(err.join("\n")).toContain("above the 100 MB limit");
    const device = await main(["score", "/dev/zero", "-o", at("out.xlsx")], { out: () => undefined, err: (l) => err.push(l) });
    expect(device).toBe(2);
    expect(err.join("\n")).toContain("不是普通文件");
    expect(readFile).not.toHaveBeenCalled();
    expect(existsSync(at("out.xlsx"))).toBe(false);
  });

  it("keeps memory bounded for real: the worst files through the bin with a 64 MB V8 heap", async () => {
    const bin = path.join(__dirname, "..", "..", "bin", "hotline-scorecard.js");
    const files: [string, Buffer, string][] = [
      ["bomb.xlsx", workbookWith(base, [{ name: SHEET, declaredSize: 4096, deflated: repeated(`${SHEET_HEAD}<sheetData>`, "<row/>".repeat(174_763), 300, "</sheetData></worksheet>") }]), "possibly a zip bomb"],
      ["rows.xlsx", workbookWith(base, [{ name: SHEET, deflated: streamed(millionRows("A1")) }]), "has more than 200,000 rows"],
    ];
    for (const [name, bytes, en] of files) {
      const input = at(name);
      writeFileSync(input, bytes);
      const r = spawnSync(process.execPath, ["--max-old-space-size=64", bin, "score", input, "-o", at("out.xlsx")], { encoding: "utf8" });
      expect([r.status, r.stderr]).toEqual([2, expect.stringContaining(en)]);
    }
    expect(existsSync(at("out.xlsx"))).toBe(false);
  }, 120_000);
});
