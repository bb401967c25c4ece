/**
 * The gate in front of ExcelJS: decides, from the bytes alone, whether a file may be handed to the
 * .xlsx parser at all. A clerk's mistake (a PDF, an old .xls, a half-copied file) and a hostile
 * file (a zip bomb, a sheet of a million rows) are both refused here with a clear zh-CN + English
 * message, in bounded time and memory, BEFORE anything is parsed:
 *
 * 1. the size on disk, then the magic bytes (PDF, OLE = .xls or a password-protected workbook,
 *    text/CSV, other archives and images are named);
 * 2. the zip central directory, read by hand (no inflation): parts count, encryption, compression
 *    method, declared sizes and ratios, a workbook part present (a .docx, .xlsb or .ods is named);
 * 3. every part inflated as a stream and thrown away chunk by chunk: a part that inflates to more
 *    than its declared size (a lying directory) is refused the moment it does; worksheets are
 *    scanned for their declared <dimension>, their <row> and <c> elements; XML parts for a DTD.
 *
 * Browser-safe (the pane opens local files through the same adapter): Uint8Array, DataView,
 * TextDecoder and DecompressionStream ("deflate-raw"); where a webview lacks DecompressionStream,
 * fflate's streaming Inflate does the same job, more slowly.
 */
// @ts-nocheck

import { Inflate } from "fflate";
import type { SourcePart } from "./package/opc";

const MB = 1024 * 1024;

/**
 * Every limit in one place. The 12-month example workbook (assets/example-2024-2025.xlsx) is
 * ~50 KB on disk, ~45 parts, ~600 KB unpacked, a few hundred rows per sheet: the limits leave
 * two to three orders of magnitude of headroom for real workbooks (pictures, long event lists,
 * extra sheets the clerk keeps) while stopping what would take ExcelJS minutes and gigabytes.
 * ExcelJS holds the whole workbook as objects, roughly 10× the XML: 200 MB of XML is about the
 * most a desktop can load; 200,000 rows × 5 columns already takes it ~5 s and >1 GB.
 */
export const XLSX_LIMITS = {
  /** Size on disk. Checked before the file is read into memory (the command line stats it first). */
  maxFileBytes: 100 * MB,
  /** Parts (zip entries). A workbook has ~10 + 2 per sheet + pictures; 5,000 is far beyond any clerk's file. */
  maxParts: 5_000,
  /** All parts unpacked, declared and actual. */
  maxUncompressedBytes: 200 * MB,
  /**
   * Compression ratio of one part. Sheet XML compresses 5–20:1, repetitive formatting up to ~100:1;
   * a zip bomb is ~1000:1. Small parts may be as repetitive as they like: checked only above
   * ratioCheckAboveBytes unpacked.
   */
  maxRatio: 100,
  ratioCheckAboveBytes: 10 * MB,
  /** Rows of one sheet: the span of its declared <dimension>, and its actual <row> elements. */
  maxRowsPerSheet: 200_000,
  /** Cells (<c> elements) in all sheets together. */
  maxCells: 2_000_000,
  /** workbook.xml and its relationships are read whole (to name sheets in messages) up to this size. */
  maxIndexPartBytes: 5 * MB,
} as const;

export type GuardCode =
  | "empty"
  | "not-a-file"
  | "file-too-large"
  | "wrong-type"
  | "encrypted"
  | "truncated"
  | "not-a-workbook"
  | "unsupported-zip"
  | "too-many-parts"
  | "too-large-unpacked"
  | "ratio"
  | "size-mismatch"
  | "corrupt"
  | "too-many-rows"
  | "too-many-cells"
  | "dtd";

export interface XlsxRefusal {
  ok: false;
  code: GuardCode;
  /** zh-CN, for the clerk; says that nothing was read or written. */
  message: string;
  messageEn: string;
  /** The zip part concerned, when there is one. */
  part?: string;
  /** The sheet concerned (its tab name when known, else its part). */
  sheet?: string;
}

/** `parts`: with GuardOptions.keepParts, every file part, in the zip's order (folder entries left out). */
export type XlsxVerdict = { ok: true; parts?: SourcePart[] } | XlsxRefusal;

const NOTHING_DONE = "未读取、未写入任何内容。";
const NOTHING_DONE_EN = "Nothing was read or written.";
const SAVE_AS = "请在 Excel 中打开原文件，另存为「Excel 工作簿 (*.xlsx)」后再试。";
const SAVE_AS_EN = 'Open it in Excel, save it as "Excel Workbook (*.xlsx)" and try again.';

function refuse(code: GuardCode, zh: string, en: string, where: { part?: string; sheet?: string } = {}): XlsxRefusal {
  return { ok: false, code, message: `${zh}${NOTHING_DONE}`, messageEn: `${en} ${NOTHING_DONE_EN}`, ...where };
}

/** "not a valid .xlsx workbook" refusals: the file is something else. */
function notXlsx(code: GuardCode, zh: string, en: string): XlsxRefusal {
  return refuse(code, `不是有效的 .xlsx 工作簿：${zh}`, `not a valid .xlsx workbook: ${en}`);
}

/** "over a safety limit" refusals: the file may be a workbook, but opening it is not safe. */
function overLimit(code: GuardCode, zh: string, en: string, where: { part?: string; sheet?: string } = {}): XlsxRefusal {
  return refuse(code, `工作簿超出安全限制，未打开：${zh}`, `the workbook exceeds a safety limit and was not opened: ${en}`, where);
}

function mb(bytes: number): string {
  return `${(bytes / MB).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** The size check alone, for a caller that knows the size before reading the file (the command line). */
export function checkFileSize(size: number): XlsxVerdict {
  if (size === 0) return notXlsx("empty", "文件是空的（0 字节）。", "the file is empty (0 bytes).");
  if (size > XLSX_LIMITS.maxFileBytes)
    return overLimit("file-too-large", `文件大小 ${mb(size)}，超过上限 ${mb(XLSX_LIMITS.maxFileBytes)}。`, `the file is ${mb(size)}, above the ${mb(XLSX_LIMITS.maxFileBytes)} limit.`);
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// 1. What the bytes are.

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const SIG = {
  zip: [0x50, 0x4b, 0x03, 0x04],
  zipEmpty: [0x50, 0x4b, 0x05, 0x06],
  zipSpanned: [0x50, 0x4b, 0x07, 0x08],
  pdf: ascii("%PDF"),
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  rar: ascii("Rar!"),
  sevenZip: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
  gzip: [0x1f, 0x8b],
  png: [0x89, 0x50, 0x4e, 0x47],
  jpeg: [0xff, 0xd8, 0xff],
  rtf: ascii("{\\rtf"),
} as const;

/** True when `needle` occurs in `bytes` (a plain scan; used on OLE files only). */
function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first ?? 0); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const utf16le = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);

/** Looks like text: no NUL and mostly printable in the first 4 KB (UTF-8, GBK and UTF-16 with a BOM alike). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control <= head.length / 100;
}

/** A refusal for anything that is not a zip archive, naming what it is when that is known. */
function wrongType(bytes: Uint8Array): XlsxRefusal {
  if (startsWith(bytes, SIG.pdf)) return notXlsx("wrong-type", `这是 PDF 文件。${SAVE_AS}`, `this is a PDF file. ${SAVE_AS_EN}`);
  if (startsWith(bytes, SIG.ole)) {
    if (contains(bytes, utf16le("EncryptedPackage")))
      return notXlsx("encrypted", "这是设置了打开密码的工作簿（已加密），本工具无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存一份再试。", 'this workbook is password-protected (encrypted) and cannot be read. Remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it), save a copy and try again.');
    return notXlsx("wrong-type", `这是旧版 Excel 97-2003 工作簿（.xls）或其他旧版 Office 文件。${SAVE_AS}`, `this is an old Excel 97-2003 workbook (.xls) or another legacy Office file. ${SAVE_AS_EN}`);
  }
  if (startsWith(bytes, SIG.rar) || startsWith(bytes, SIG.sevenZip) || startsWith(bytes, SIG.gzip))
    return notXlsx("wrong-type", "这是压缩包（RAR / 7z / gzip），不是工作簿。请先解压，再选择其中的 .xlsx 文件。", "this is an archive (RAR / 7z / gzip), not a workbook. Extract it and pick the .xlsx inside.");
  if (startsWith(bytes, SIG.png) || startsWith(bytes, SIG.jpeg)) return notXlsx("wrong-type", "这是图片文件，不是工作簿。", "this is a picture, not a workbook.");
  if (startsWith(bytes, SIG.rtf)) return notXlsx("wrong-type", `这是 RTF 文档。${SAVE_AS}`, `this is an RTF document. ${SAVE_AS_EN}`);
  if (looksLikeText(bytes)) {
    const head = utf8(bytes.subarray(0, 256)).replace(/^\ufeff/, "").trimStart();
    if (head.startsWith("<"))
      return notXlsx("wrong-type", `这是网页或 XML 文本（例如「另存为网页」或 Excel 2003 XML 表格），不是 .xlsx 工作簿。${SAVE_AS}`, `this is HTML or XML text (a page saved from Excel, or an Excel 2003 XML spreadsheet), not an .xlsx workbook. ${SAVE_AS_EN}`);
    return notXlsx("wrong-type", `这是文本文件（如 CSV、TXT），扩展名被改成了 .xlsx。${SAVE_AS}`, `this is a text file (CSV, TXT…) with an .xlsx name. ${SAVE_AS_EN}`);
  }
  return notXlsx("wrong-type", "文件开头不是 .xlsx（ZIP）格式的标记，无法识别文件类型。", "the file does not start like an .xlsx (zip) file; its type is unknown.");
}

// ---------------------------------------------------------------------------------------------
// 2. The zip central directory, read by hand.

/** One part as the zip's central directory records it. */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** CRC-32 of the part's content, as recorded. */
  crc32: number;
  /** The directory record itself, name, extra field and comment included. */
  record: Uint8Array;
}

type Entry = ZipEntry;

const TRUNCATED = (detail: string, detailEn: string) =>
  notXlsx("truncated", `文件不完整或已损坏（${detail}），可能是下载、复制或邮件附件保存时被截断。请重新获取原文件。`, `the file is incomplete or damaged (${detailEn}); it was probably cut short while downloading, copying or saving an attachment. Get the original file again.`);

const SIG32 = { eocd: 0x06054b50, zip64Locator: 0x07064b50, zip64Eocd: 0x06064b50, central: 0x02014b50, local: 0x04034b50 };

function u64(view: DataView, at: number): number {
  const v = view.getBigUint64(at, true);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
}

const LATIN1 = typeof TextDecoder === "function" ? new TextDecoder("latin1") : null;

/** Byte → char, one for one: markup is ASCII, whatever the text's encoding. */
function latin1(bytes: Uint8Array): string {
  if (LATIN1) return LATIN1.decode(bytes);
  let s = "";
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** UTF-8 text (part names, workbook.xml); without TextDecoder (a test DOM), byte for byte. */
function utf8(bytes: Uint8Array): string {
  return typeof TextDecoder === "function" ? new TextDecoder("utf-8").decode(bytes) : latin1(bytes);
}

/** The zip's central directory (zip64 too), read by hand without inflating anything; a refusal when it cannot be read or is over a limit. */
export function readDirectory(bytes: Uint8Array): { entries: Entry[] } | XlsxRefusal {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.byteLength;
  if (len < 22) return TRUNCATED("短于 ZIP 的最小长度", "shorter than the smallest zip");

  // End of central directory: the last 22 bytes, or further back past a comment of up to 64 KB.
  let eocd = -1;
  for (let p = len - 22; p >= Math.max(0, len - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) !== SIG32.eocd) continue;
    const commentLength = view.getUint16(p + 20, true);
    if (p + 22 + commentLength <= len) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return TRUNCATED("缺少 ZIP 结尾目录", "the zip end-of-directory record is missing");

  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  let total = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG32.zip64Locator) return TRUNCATED("ZIP64 目录定位记录缺失", "the zip64 locator is missing");
    const record = u64(view, locator + 8);
    if (!(record + 56 <= len) || view.getUint32(record, true) !== SIG32.zip64Eocd) return TRUNCATED("ZIP64 结尾目录缺失", "the zip64 end-of-directory record is missing");
    total = u64(view, record + 32);
    cdSize = u64(view, record + 40);
    cdOffset = u64(view, record + 48);
  } else if (disk !== 0 || cdDisk !== 0) {
    return refuse("unsupported-zip", "这是分卷压缩文件，不是单个工作簿文件。", "this is one volume of a split (multi-disk) zip, not a workbook file.");
  }
  if (total > XLSX_LIMITS.maxParts)
    return overLimit("too-many-parts", `包含 ${count(total)} 个部件，超过上限 ${count(XLSX_LIMITS.maxParts)}。`, `it holds ${count(total)} parts, above the ${count(XLSX_LIMITS.maxParts)} limit.`);
  if (!(cdOffset + cdSize <= eocd)) return TRUNCATED("ZIP 目录超出文件末尾", "the zip directory lies past the end of the file");

  const entries: Entry[] = [];
  let p = cdOffset;
  const end = cdOffset + cdSize;
  while (p < end) {
    if (p + 46 > end || view.getUint32(p, true) !== SIG32.central) return TRUNCATED("ZIP 目录记录损坏", "a zip directory record is damaged");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > end) return TRUNCATED("ZIP 目录记录损坏", "a zip directory record is damaged");
    const name = utf8(bytes.subarray(p + 46, p + 46 + nameLength));
    // Zip64 extended information: only the fields whose 32-bit value is 0xFFFFFFFF are there, in this order.
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(x, true);
      const size = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let f = x + 4;
        const take = () => {
          const v = f + 8 <= x + 4 + size ? u64(view, f) : Number.POSITIVE_INFINITY;
          f += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
      }
      x += 4 + size;
    }
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localOffset, crc32: view.getUint32(p + 16, true), record: bytes.subarray(p, next) });
    if (entries.length > XLSX_LIMITS.maxParts)
      return overLimit("too-many-parts", `包含超过 ${count(XLSX_LIMITS.maxParts)} 个部件。`, `it holds more than ${count(XLSX_LIMITS.maxParts)} parts.`);
    p = next;
  }
  if (entries.length !== total) return TRUNCATED("ZIP 目录的条目数与记录不符", "the zip directory's entry count does not match");
  return { entries };
}

/** Where an entry's compressed data starts, or null when its local header is not where the directory says. */
export function dataStart(bytes: Uint8Array, entry: Entry): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (!(at + 30 <= bytes.byteLength) || view.getUint32(at, true) !== SIG32.local) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return start + entry.compressedSize <= bytes.byteLength ? start : null;
}

/** A zip archive that holds no workbook: name what it is when that is known. */
function notAWorkbook(names: ReadonlySet<string>): XlsxRefusal | null {
  if (names.has("xl/workbook.xml")) return null;
  if (names.has("word/document.xml")) return notXlsx("not-a-workbook", `这是 Word 文档（.docx），不是 Excel 工作簿。`, "this is a Word document (.docx), not an Excel workbook.");
  if (names.has("ppt/presentation.xml")) return notXlsx("not-a-workbook", "这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿。", "this is a PowerPoint presentation (.pptx), not an Excel workbook.");
  if (names.has("xl/workbook.bin")) return notXlsx("not-a-workbook", `这是 Excel 二进制工作簿（.xlsb），本工具只读 .xlsx。${SAVE_AS}`, `this is an Excel binary workbook (.xlsb); this tool reads .xlsx only. ${SAVE_AS_EN}`);
  if (names.has("mimetype") && names.has("content.xml")) return notXlsx("not-a-workbook", `这是 OpenDocument 文件（如 WPS/LibreOffice 的 .ods）。${SAVE_AS}`, `this is an OpenDocument file (.ods from WPS or LibreOffice). ${SAVE_AS_EN}`);
  if (names.size === 0) return notXlsx("not-a-workbook", "这是一个空的 ZIP 压缩包。", "this is an empty zip archive.");
  return notXlsx("not-a-workbook", "这是 ZIP 压缩包，但其中没有 Excel 工作簿（缺少 xl/workbook.xml）。", "this is a zip archive but holds no Excel workbook (xl/workbook.xml is missing).");
}

// ---------------------------------------------------------------------------------------------
// 3. Inflating and scanning, chunk by chunk.

interface InflateResult {
  bytes: number;
  /** More than `limit` bytes came out: stopped there. */
  over: boolean;
  /** The scanner asked to stop. */
  stopped: boolean;
  error: string | null;
  /** The whole content, when the inflater made it in one piece (inflateSync) and fed all of it. */
  whole?: Uint8Array;
}

type Inflater = (entry: Entry, data: Uint8Array, limit: number, onChunk: (chunk: Uint8Array) => boolean) => Promise<InflateResult>;

/** Streams `data` (raw deflate) through `onChunk`, never holding more than one chunk; stops past `limit`. */
async function inflate(data: Uint8Array, limit: number, onChunk: (chunk: Uint8Array) => boolean): Promise<InflateResult> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  writer.write(data).catch(() => undefined);
  writer.close().catch(() => undefined);
  let bytes = 0;
  const stop = async (over: boolean, stopped: boolean): Promise<InflateResult> => {
    await reader.cancel().catch(() => undefined);
    return { bytes, over, stopped, error: null };
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes, over: false, stopped: false, error: null };
      bytes += value.byteLength;
      if (bytes > limit) return await stop(true, false);
      if (!onChunk(value)) return await stop(false, true);
    }
  } catch (e) {
    await writer.abort().catch(() => undefined);
    return { bytes, over: false, stopped: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * A synchronous raw-deflate inflater that stops just past `limit` bytes: the inflated bytes, or null
 * when they would be more than `limit`; throws when the data is corrupt. On Node, zlib.inflateRawSync
 * with maxOutputLength (src/hosts/file/node-zlib.ts). Web streams cost a promise per chunk: for the ~130 parts
 * of a 120-month workbook that is 30–40 ms, against ~3 ms inflated whole; the output is never more
 * than the part's declared size, which the directory check has already bounded.
 */
export type InflateSync = (data: Uint8Array, limit: number) => Uint8Array | null;

export interface GuardOptions {
  /** Used for parts up to SYNC_PART_MAX bytes (declared); larger parts are streamed, as without it. */
  inflateSync?: InflateSync;
  /**
   * Return the parts with an accepted verdict, each as it is in the file, with its content when the
   * guard inflated it whole: the package (src/hosts/file/package/opc.ts) copies untouched parts raw
   * and is spared a second inflating of the ones it reads. Content is kept only with `inflateSync`.
   */
  keepParts?: boolean;
}

/** Parts declared larger than this are streamed chunk by chunk even when a sync inflater is given. */
export const SYNC_PART_MAX = 4 * MB;

/** `stream` for big parts, `inflateSync` whole for the rest; the scanner sees the same slices either way. */
function withSyncInflate(inflateSync: InflateSync, stream: Inflater): Inflater {
  return async (entry, data, limit, onChunk) => {
    if (limit > SYNC_PART_MAX) return stream(entry, data, limit, onChunk);
    let out: Uint8Array | null;
    try {
      out = inflateSync(data, limit);
    } catch (e) {
      return { bytes: 0, over: false, stopped: false, error: e instanceof Error ? e.message : String(e) };
    }
    if (out === null) return { bytes: limit + 1, over: true, stopped: false, error: null };
    const fed = feedSlices(out, onChunk);
    return { bytes: fed.bytes, over: false, stopped: fed.stopped, error: null, ...(fed.stopped ? {} : { whole: out }) };
  };
}

/** Compressed bytes given to fflate at a time: at most ~16 MB come out of one slice (deflate's 1032:1). */
const FFLATE_SLICE = 16 * 1024;

/**
 * The same with fflate's streaming Inflate, for a webview without DecompressionStream (and a test
 * DOM): fed a slice at a time, its chunks handed on as they come, stopped past `limit` or when the
 * scanner asks. Synchronous inside, so it cannot yield to the page; it never holds more than one slice's output.
 */
const fflateInflater: Inflater = async (_entry, data, limit, onChunk) => {
  let bytes = 0;
  let over = false;
  let stopped = false;
  const inflater = new Inflate((chunk) => {
    if (over || stopped) return;
    bytes += chunk.byteLength;
    if (bytes > limit) over = true;
    else if (!onChunk(chunk)) stopped = true;
  });
  try {
    if (data.byteLength === 0) inflater.push(data, true);
    for (let at = 0; at < data.byteLength && !over && !stopped; at += FFLATE_SLICE) inflater.push(data.subarray(at, at + FFLATE_SLICE), at + FFLATE_SLICE >= data.byteLength);
  } catch (e) {
    return { bytes, over: false, stopped: false, error: e instanceof Error ? e.message : String(e) };
  }
  return { bytes, over, stopped, error: null };
};

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const IS_XML = /\.(xml|rels|vml)$/i;
/** <row …>, <c …>, with an optional namespace prefix; the character after the name is looked at, not taken. */
const ELEMENT = /<(?:[A-Za-z_][\w.-]{0,15}:)?(row|c)(?=[\s>/])/g;
const DIMENSION = /<(?:[A-Za-z_][\w.-]{0,15}:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']*)["']/;
const CARRY = 32;
/** A stored (uncompressed) part is scanned in slices of this size, like an inflated one. */
const STORED_SLICE = 64 * 1024;

/** Bytes already in memory (a stored part, or one inflated whole) to the scanner in slices, as an inflater's chunks come. */
function feedSlices(data: Uint8Array, onChunk: (chunk: Uint8Array) => boolean): { bytes: number; stopped: boolean } {
  for (let at = 0; at < data.byteLength; at += STORED_SLICE) {
    if (!onChunk(data.subarray(at, at + STORED_SLICE))) return { bytes: Math.min(data.byteLength, at + STORED_SLICE), stopped: true };
  }
  return { bytes: data.byteLength, stopped: false };
}
const HEAD = 64 * 1024;

/** Rows of an A1 range "A1:Z100" (or one cell "B7"); null when it is not one. */
export function dimensionRows(ref: string): number | null {
  const m = /^\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const top = Number(m[1]);
  const bottom = m[2] === undefined ? top : Number(m[2]);
  return Math.abs(bottom - top) + 1;
}

/** "<!DOCTYPE" as bytes. */
const DOCTYPE = [0x3c, 0x21, 0x44, 0x4f, 0x43, 0x54, 0x59, 0x50, 0x45];
/** The head of a worksheet (up to <sheetData>) is decoded this much at a time when nothing else needs the text. */
const HEAD_STEP = 4096;

/** True when `doctype` starts at `at` in `bytes`. */
function doctypeAt(bytes: Uint8Array, at: number): boolean {
  for (let k = 0; k < DOCTYPE.length; k++) if (bytes[at + k] !== DOCTYPE[k]) return false;
  return true;
}

/**
 * Scans one part's text as it streams by: DTDs anywhere; in worksheets the dimension, rows and cells.
 * `count` false: the rows and cells need no counting, because the part (and all worksheets together)
 * is too small to hold more than the limits allow: each row the scan counts takes at least 5 bytes
 * ("<row" and the character after it) and each cell 3 ("<c>", even unclosed), and no part inflates
 * past its declared size. Then only the head is decoded, and a DTD is looked for at each
 * "!" of the bytes: a clerk's workbook is scanned without turning its sheets into text twice.
 */
class PartScanner {
  rows = 0;
  cells = 0;
  dimension: string | null = null;
  dtd = false;
  private carry = "";
  private head = "";
  private headDone = false;

  constructor(
    readonly worksheet: boolean,
    private readonly count = true,
  ) {}

  feed(chunk: Uint8Array): void {
    if (!this.count) {
      this.feedHeadAndDtd(chunk);
      return;
    }
    const text = this.carry + latin1(chunk);
    if (text.includes("<!DOCTYPE")) this.dtd = true;
    if (this.worksheet) {
      if (!this.headDone) {
        this.head += text.slice(this.carry.length);
        const m = DIMENSION.exec(this.head);
        if (m) this.dimension = m[1] ?? null;
        if (m || this.head.length > HEAD || /<(?:[\w.-]+:)?sheetData[\s>/]/.test(this.head)) {
          this.headDone = true;
          this.head = "";
        }
      }
      // A match whose look-ahead character lies in the carry was complete, and counted, last time.
      ELEMENT.lastIndex = 0;
      for (let m = ELEMENT.exec(text); m; m = ELEMENT.exec(text)) {
        if (m.index + m[0].length < this.carry.length) continue;
        if (m[1] === "row") this.rows++;
        else this.cells++;
      }
    }
    this.carry = text.slice(-CARRY);
  }

  private feedHeadAndDtd(chunk: Uint8Array): void {
    if (this.worksheet && !this.headDone) {
      for (let at = 0; at < chunk.byteLength && !this.headDone; at += HEAD_STEP) {
        this.head += latin1(chunk.subarray(at, at + HEAD_STEP));
        const m = DIMENSION.exec(this.head);
        if (m) this.dimension = m[1] ?? null;
        if (m || this.head.length > HEAD || /<(?:[\w.-]+:)?sheetData[\s>/]/.test(this.head)) {
          this.headDone = true;
          this.head = "";
        }
      }
    }
    // A "<!DOCTYPE" across the seam with the last chunk, then each "!" of this one.
    if ((this.carry + latin1(chunk.subarray(0, DOCTYPE.length))).includes("<!DOCTYPE")) this.dtd = true;
    for (let i = chunk.indexOf(0x21); i >= 0 && !this.dtd; i = chunk.indexOf(0x21, i + 1)) {
      if (i > 0 && doctypeAt(chunk, i - 1)) this.dtd = true;
    }
    this.carry = (this.carry + latin1(chunk.subarray(Math.max(0, chunk.byteLength - CARRY)))).slice(-CARRY);
  }
}

/** workbook.xml + its relationships → part path → sheet tab name (best effort; for messages only). */
function sheetNames(workbookXml: string, relsXml: string): Map<string, string> {
  const unescape = (s: string) =>
    s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(Number(dec));
      return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[(named ?? "amp").toLowerCase() as "amp"];
    });
  const attr = (tag: string, name: RegExp) => name.exec(tag)?.[1];
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, /\bId\s*=\s*"([^"]*)"/);
    const target = attr(tag, /\bTarget\s*=\s*"([^"]*)"/);
    if (!id || !target) continue;
    const parts = (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/");
    const path: string[] = [];
    for (const part of parts) {
      if (part === "..") path.pop();
      else if (part !== "." && part !== "") path.push(part);
    }
    targets.set(id, path.join("/"));
  }
  const names = new Map<string, string>();
  for (const tag of workbookXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, /\bname\s*=\s*"([^"]*)"/);
    const id = attr(tag, /\b\w+:id\s*=\s*"([^"]*)"/);
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) names.set(part, unescape(name));
  }
  return names;
}

/** The bytes of a small part, inflated whole (for workbook.xml and its rels); null when unreadable or too big. */
async function smallPart(bytes: Uint8Array, entry: Entry | undefined, inflater: Inflater): Promise<string | null> {
  if (!entry || entry.uncompressedSize > XLSX_LIMITS.maxIndexPartBytes) return null;
  const start = dataStart(bytes, entry);
  if (start === null) return null;
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return utf8(data);
  const chunks: Uint8Array[] = [];
  const r = await inflater(entry, data, entry.uncompressedSize, (c) => {
    chunks.push(c);
    return true;
  });
  if (r.over || r.error) return null;
  const all = new Uint8Array(r.bytes);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return utf8(all);
}

/**
 * Decides whether `bytes` may be given to ExcelJS. Refusals name what the file is, or which limit
 * it exceeds and where (the part, the sheet), in Chinese and English.
 */
export async function inspectXlsx(bytes: Uint8Array, options: GuardOptions = {}): Promise<XlsxVerdict> {
  const size = checkFileSize(bytes.byteLength);
  if (!size.ok) return size;
  if (startsWith(bytes, SIG.zipEmpty)) return notAWorkbook(new Set()) as XlsxRefusal;
  if (startsWith(bytes, SIG.zipSpanned)) return refuse("unsupported-zip", "这是分卷压缩文件，不是单个工作簿文件。", "this is one volume of a split (multi-disk) zip, not a workbook file.");
  if (!startsWith(bytes, SIG.zip)) return wrongType(bytes);

  const dir = readDirectory(bytes);
  if ("ok" in dir) return dir;
  const { entries } = dir;
  const byName = new Map(entries.map((e) => [e.name, e]));
  const other = notAWorkbook(new Set(byName.keys()));
  if (other) return other;

  // Declared sizes first: nothing is inflated for a bomb that tells the truth about itself.
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 0x0001) return notXlsx("encrypted", `部件 ${e.name} 经过 ZIP 加密，无法读取。`, `part ${e.name} is zip-encrypted and cannot be read.`);
    if (e.method !== 0 && e.method !== 8)
      return refuse("unsupported-zip", `部件 ${e.name} 使用了不支持的压缩方式（${e.method}），Excel 保存的文件不会这样。${SAVE_AS}`, `part ${e.name} uses an unsupported compression method (${e.method}); files saved by Excel never do. ${SAVE_AS_EN}`, { part: e.name });
    declared += e.uncompressedSize;
    if (declared > XLSX_LIMITS.maxUncompressedBytes)
      return overLimit("too-large-unpacked", `解压后超过 ${mb(XLSX_LIMITS.maxUncompressedBytes)}（已知部件合计 ${Number.isFinite(declared) ? mb(declared) : "极大"}），可能是“压缩炸弹”。`, `it unpacks to more than ${mb(XLSX_LIMITS.maxUncompressedBytes)} (${Number.isFinite(declared) ? mb(declared) : "an enormous size"} so far), possibly a zip bomb.`, { part: e.name });
    if (e.uncompressedSize > XLSX_LIMITS.ratioCheckAboveBytes && e.uncompressedSize > XLSX_LIMITS.maxRatio * Math.max(1, e.compressedSize))
      return overLimit("ratio", `部件 ${e.name} 压缩比 ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1（${mb(e.uncompressedSize)}），超过上限 ${XLSX_LIMITS.maxRatio}:1，可能是“压缩炸弹”。`, `part ${e.name} has a compression ratio of ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1 (${mb(e.uncompressedSize)}), above the ${XLSX_LIMITS.maxRatio}:1 limit: possibly a zip bomb.`, { part: e.name });
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize) return TRUNCATED(`部件 ${e.name} 的大小记录不一致`, `the sizes recorded for part ${e.name} disagree`);
  }

  // Asked for only when a part is streamed: on Node, the first look at the DecompressionStream
  // global loads the web streams (~2 ms of a process's start), and the command line streams nothing
  // under 4 MB.
  const streaming: Inflater = (e, data, limit, onChunk) => (typeof DecompressionStream === "function" ? inflate(data, limit, onChunk) : fflateInflater(e, data, limit, onChunk));
  const inflater = options.inflateSync ? withSyncInflate(options.inflateSync, streaming) : streaming;

  const names = sheetNames((await smallPart(bytes, byName.get("xl/workbook.xml"), inflater)) ?? "", (await smallPart(bytes, byName.get("xl/_rels/workbook.xml.rels"), inflater)) ?? "");
  const sheetOf = (part: string) => names.get(part) ?? part;

  // Then every part, streamed: never more than its declared size, never a row or cell too many.
  let cells = 0;
  // Rows and cells are counted only where the bytes could hold too many (PartScanner).
  let worksheetBytes = 0;
  for (const e of entries) if (WORKSHEET.test(e.name)) worksheetBytes += e.uncompressedSize;
  const countAllCells = worksheetBytes / 3 > XLSX_LIMITS.maxCells;
  const kept: SourcePart[] | null = options.keepParts ? [] : null;
  for (const e of entries) {
    if (e.name.endsWith("/") && e.uncompressedSize === 0) continue;
    const start = dataStart(bytes, e);
    if (start === null) return TRUNCATED(`部件 ${e.name} 的数据超出文件末尾或位置不符`, `the data of part ${e.name} lies past the end of the file or not where the directory says`);
    const data = bytes.subarray(start, start + e.compressedSize);
    // As in the file; with its content when it is inflated whole below.
    const part: SourcePart = { name: e.name, method: e.method === 8 ? 8 : 0, raw: data, crc32: e.crc32, size: e.uncompressedSize };
    kept?.push(part);
    const worksheet = WORKSHEET.test(e.name);
    const xml = IS_XML.test(e.name);
    if (!xml && e.method === 0) continue; // a stored picture: its size is known and already counted
    const scanner = new PartScanner(worksheet, countAllCells || e.uncompressedSize / 5 > XLSX_LIMITS.maxRowsPerSheet);
    // Set by the scanner callback (a holder, so the control-flow analysis sees the writes).
    const found: { refusal: XlsxRefusal | null } = { refusal: null };
    const look = (chunk: Uint8Array): boolean => {
      if (!xml) return true;
      scanner.feed(chunk);
      if (scanner.dtd) {
        found.refusal = refuse("dtd", `部件 ${e.name} 含有 DTD（<!DOCTYPE>），工作簿文件不允许这样，可能是恶意构造的文件。`, `part ${e.name} holds a DTD (<!DOCTYPE>), which workbook files may not: possibly a crafted file.`, { part: e.name });
        return false;
      }
      if (!worksheet) return true;
      const sheet = sheetOf(e.name);
      const span = scanner.dimension === null ? null : dimensionRows(scanner.dimension);
      if (span !== null && span > XLSX_LIMITS.maxRowsPerSheet) {
        found.refusal = overLimit("too-many-rows", `工作表「${sheet}」声明的范围 ${scanner.dimension} 有 ${count(span)} 行，超过上限 ${count(XLSX_LIMITS.maxRowsPerSheet)} 行。若确实只用了前面几行，请在 Excel 中删除下方多余的行后另存。`, `sheet "${sheet}" declares the range ${scanner.dimension ?? ""}, ${count(span)} rows, above the ${count(XLSX_LIMITS.maxRowsPerSheet)}-row limit. If only the first rows are used, delete the rows below them in Excel and save again.`, { part: e.name, sheet });
        return false;
      }
      if (scanner.rows > XLSX_LIMITS.maxRowsPerSheet) {
        found.refusal = overLimit("too-many-rows", `工作表「${sheet}」有超过 ${count(XLSX_LIMITS.maxRowsPerSheet)} 行。`, `sheet "${sheet}" has more than ${count(XLSX_LIMITS.maxRowsPerSheet)} rows.`, { part: e.name, sheet });
        return false;
      }
      if (cells + scanner.cells > XLSX_LIMITS.maxCells) {
        found.refusal = overLimit("too-many-cells", `各工作表合计超过 ${count(XLSX_LIMITS.maxCells)} 个单元格（在工作表「${sheet}」处超出）。`, `the sheets hold more than ${count(XLSX_LIMITS.maxCells)} cells in all (passed in sheet "${sheet}").`, { part: e.name, sheet });
        return false;
      }
      return true;
    };
    if (e.method === 0) {
      feedSlices(data, look);
    } else {
      const r = await inflater(e, data, e.uncompressedSize, look);
      if (r.over)
        return overLimit("size-mismatch", `部件 ${e.name} 解压后比 ZIP 目录声明的 ${mb(e.uncompressedSize)} 更大（目录被篡改），可能是“压缩炸弹”。`, `part ${e.name} unpacks to more than the ${mb(e.uncompressedSize)} its zip directory declares (a forged directory): possibly a zip bomb.`, { part: e.name });
      if (r.error !== null && found.refusal === null) return TRUNCATED(`部件 ${e.name} 无法解压：${r.error}`, `part ${e.name} cannot be unpacked: ${r.error}`);
      if (r.whole && r.whole.byteLength === e.uncompressedSize) part.content = r.whole;
    }
    if (found.refusal) return found.refusal;
    cells += scanner.cells;
  }
  return kept ? { ok: true, parts: kept } : { ok: true };
}
