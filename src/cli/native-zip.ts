/**
 * ExcelJS's save with Node's zlib doing the zip. ExcelJS renders each part (sheet XML, styles,
 * shared strings…) and hands it to its ZipWriter, a thin wrapper over JSZip, whose deflate and
 * CRC-32 are plain JavaScript: about half of writeBuffer() (12-month example: 36 ms, of which the
 * rendering is ~17). Here the rendering stays ExcelJS's; each part is deflated and CRC'd by zlib as
 * it is appended and the zip is laid out by zip-write.ts.
 *
 * How it hooks in: ExcelJS's xlsx.js makes `new ZipStream.ZipWriter(options.zip)` with the `zip`
 * options of writeBuffer(). The module's ZipWriter is replaced, once, by a subclass that behaves as
 * the original unless those options carry our hooks (NATIVE_KEY). So every other caller in the
 * process (the bench's floor among them) gets ExcelJS's own writer, and if an ExcelJS upgrade stops
 * calling it that way, the hooks are simply not reached and the save is ExcelJS's own: slower,
 * the same workbook (nativeWriteXlsx then counts no native save, and test/cli/native-zip.test.ts
 * fails on the pinned version).
 */
import { crc32 as zlibCrc32, deflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import { writeZip, type ZipPart } from "../workbook/zip-write";

/**
 * Deflate level for the saved workbook. Measured on the example's output: level 6 (JSZip's and
 * zlib's default) 4.9 ms → 61 KB, level 3 3.5 ms → 66 KB, level 1 2.4 ms → 69 KB; at 120 months
 * 23 ms → 321 KB against 11 ms → 374 KB. A workbook of tens of KB a few KB larger, for a save that
 * is half the deflating: Excel recompresses it its own way on the next save anyway.
 */
export const DEFLATE_LEVEL = 1;

/** Parts smaller than this are stored: deflating a few bytes gains nothing (and nothing gives two bytes). */
const STORE_BELOW = 64;

interface AppendOptions {
  name: string;
  base64?: boolean;
}

/** The shape of ExcelJS's lib/utils/zip-stream module that is relied on. */
interface ZipStreamModule {
  ZipWriter: new (options?: Record<string, unknown>) => {
    append(data: unknown, options: AppendOptions): void;
    finalize(): Promise<void>;
  };
}

/** The key in writeBuffer({ zip }) that carries the hooks: nobody else's option. */
const NATIVE_KEY = "hotlineScorecardNativeZip";

interface NativeHooks {
  /** Counts the saves the native writer made (tests and the bench check it is reached). */
  saves: number;
}

/** The part's content as bytes: ExcelJS appends XML as strings, media as Buffers or base64 text. */
function contentOf(data: unknown, options: AppendOptions): Uint8Array {
  if (options.base64) return Buffer.from(String(data), "base64");
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError(`part ${options.name}: unexpected content (${typeof data})`);
}

/** A zip part of `content`, deflated at DEFLATE_LEVEL unless tiny. */
export function packPart(name: string, content: Uint8Array): ZipPart {
  const crc32 = zlibCrc32(content);
  if (content.byteLength < STORE_BELOW) return { name, method: 0, data: content, crc32, size: content.byteLength };
  return { name, method: 8, data: deflateRawSync(content, { level: DEFLATE_LEVEL }), crc32, size: content.byteLength };
}

let installed: boolean | null = null;

/** Replaces ExcelJS's ZipWriter with the hook-aware subclass, once; false when the module is not as expected. */
function install(): boolean {
  if (installed !== null) return installed;
  if (typeof zlibCrc32 !== "function") return (installed = false); // zlib.crc32: Node 20.15 and later
  let zipStream: ZipStreamModule;
  try {
    // ExcelJS's internal module (no typings, not in its exports map's public face): required by path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    zipStream = require("exceljs/lib/utils/zip-stream") as ZipStreamModule;
  } catch {
    return (installed = false);
  }
  const Original = zipStream.ZipWriter;
  if (typeof Original !== "function" || typeof Original.prototype.append !== "function" || typeof Original.prototype.finalize !== "function") return (installed = false);

  class HookedZipWriter extends Original {
    private readonly hooks: NativeHooks | undefined;
    /** By name, as JSZip keeps them: a part appended twice keeps its place and its last content. */
    private readonly parts = new Map<string, ZipPart>();

    constructor(options?: Record<string, unknown>) {
      super(options);
      this.hooks = options?.[NATIVE_KEY] as NativeHooks | undefined;
    }

    override append(data: unknown, options: AppendOptions): void {
      if (!this.hooks) return super.append(data, options);
      this.parts.set(options.name, packPart(options.name, contentOf(data, options)));
    }

    override async finalize(): Promise<void> {
      if (!this.hooks) return super.finalize();
      const zip = writeZip([...this.parts.values()]);
      // As the original finalize(): the whole zip into its StreamBuf, then "finish".
      (this as unknown as { stream: { end(chunk: Buffer): void } }).stream.end(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
      this.hooks.saves++;
      (this as unknown as { emit(event: string): boolean }).emit("finish");
    }
  }
  zipStream.ZipWriter = HookedZipWriter;
  return (installed = true);
}

/** Saves made by the native writer in this process (for tests and the bench). */
export const nativeSaves: NativeHooks = { saves: 0 };

/** The file adapter's writeXlsx on Node: ExcelJS's rendering, zlib's zip; ExcelJS's own save where the hook cannot be installed. */
export async function nativeWriteXlsx(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const zip = install() ? { [NATIVE_KEY]: nativeSaves } : {};
  const out = await workbook.xlsx.writeBuffer({ zip } as Partial<ExcelJS.XlsxWriteOptions>);
  return ArrayBuffer.isView(out) ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out);
}
