/**
 * ExcelJS's zip layer, done by Node's zlib. ExcelJS reads and writes .xlsx through JSZip, plain
 * JavaScript: its inflate, deflate and CRC-32, and a reader that hands each part over through a
 * chain of asynchronous workers. On the command line, both ends go to zlib instead; ExcelJS's own
 * parsing and rendering are untouched.
 *
 * - Save: ExcelJS renders each part (sheet XML, styles, shared strings…) and hands it to its
 *   ZipWriter; here each part is deflated and CRC'd by zlib as it is appended and the zip laid out
 *   by zip-write.ts (12-month example: writeBuffer 36 → ~15 ms). The parts of the sheets the file
 *   adapter defers (sheet-xml.ts) and the shared string table are held to the end: each deferred
 *   sheet's cells are spliced into ExcelJS's rendering of it, their strings appended to the table.
 * - Load: the guard has already inflated every part (it must, to check it); ExcelJS is given those
 *   parts instead of the file, so nothing is inflated twice and no part goes through JSZip's
 *   workers (12-month example: load 17 → ~12 ms; 120 months: 111 → ~76).
 *
 * How it hooks in: ExcelJS's xlsx.js calls `JSZip.loadAsync(buffer)` in load() and makes
 * `new ZipStream.ZipWriter(options.zip)` in write(). JSZip's loadAsync and the ZipWriter class are
 * replaced, once, by versions that behave exactly as the originals unless given our own argument
 * (a PreparedParts object; writeBuffer's zip options carrying NATIVE_KEY). Every other caller in
 * the process — the bench's floor, the guard's JSZip fallback — gets JSZip's own behaviour. If an
 * ExcelJS upgrade stops calling them that way, the hooks are not reached and both ends fall back to
 * the plain path (a stored zip for load; ExcelJS's own save): slower, the same workbook; the
 * counters in nativeSaves show it and test/hosts/file/native-zip.test.ts fails on the pinned version.
 */
import { inflateRawSync, crc32 as zlibCrc32, deflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import { appendSharedStrings, type DeferredSheets, type SharedString, uniqueCountOf } from "./sheet-xml";
import { writeZip, type ZipPart } from "./zip-write";

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
  /** Counts the loads ExcelJS made from prepared parts. */
  loads: number;
}

/** What one save carries to the writer under NATIVE_KEY. */
interface SaveHooks {
  counters: NativeHooks;
  deferred: DeferredSheets;
}

const SHARED_STRINGS = "xl/sharedStrings.xml";

/** A deferred sheet's part or the shared strings never came, or had nowhere to go: the save is refused, not written short. */
class DeferredSheetError extends Error {}

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

let writerInstalled: boolean | null = null;

/** Replaces ExcelJS's ZipWriter with the hook-aware subclass, once; false when the module is not as expected. */
function installWriter(): boolean {
  if (writerInstalled !== null) return writerInstalled;
  if (typeof zlibCrc32 !== "function") return (writerInstalled = false); // zlib.crc32: Node 20.15 and later
  let zipStream: ZipStreamModule;
  try {
    // ExcelJS's internal module (no typings, not in its exports map's public face): required by path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    zipStream = require("exceljs/lib/utils/zip-stream") as ZipStreamModule;
  } catch {
    return (writerInstalled = false);
  }
  const Original = zipStream.ZipWriter;
  if (typeof Original !== "function" || typeof Original.prototype.append !== "function" || typeof Original.prototype.finalize !== "function") return (writerInstalled = false);

  class HookedZipWriter extends Original {
    private readonly hooks: SaveHooks | undefined;
    /** By name, as JSZip keeps them: a part appended twice keeps its place and its last content. */
    private readonly parts = new Map<string, ZipPart | null>();
    /** The text of the parts finished in finalize(): the deferred sheets and the shared strings. */
    private readonly held = new Map<string, string>();

    constructor(options?: Record<string, unknown>) {
      super(options);
      this.hooks = options?.[NATIVE_KEY] as SaveHooks | undefined;
    }

    override append(data: unknown, options: AppendOptions): void {
      if (!this.hooks) return super.append(data, options);
      const { deferred } = this.hooks;
      if (deferred.size > 0 && typeof data === "string" && !options.base64 && (deferred.has(options.name) || options.name === SHARED_STRINGS)) {
        this.held.set(options.name, data);
        this.parts.set(options.name, null); // its place in the zip, filled in finalize()
        return;
      }
      this.parts.set(options.name, packPart(options.name, contentOf(data, options)));
    }

    override async finalize(): Promise<void> {
      if (!this.hooks) return super.finalize();
      this.finishDeferred(this.hooks.deferred);
      const zip = writeZip([...this.parts.values()] as ZipPart[]);
      // As the original finalize(): the whole zip into its StreamBuf, then "finish".
      (this as unknown as { stream: { end(chunk: Buffer): void } }).stream.end(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
      this.hooks.counters.saves++;
      (this as unknown as { emit(event: string): boolean }).emit("finish");
    }

    /** Renders each deferred sheet into its part, its strings appended to the shared string table. */
    private finishDeferred(deferred: DeferredSheets): void {
      if (deferred.size === 0) return;
      const sst = this.held.get(SHARED_STRINGS);
      const base = sst === undefined ? 0 : uniqueCountOf(sst);
      const added: string[] = [];
      const index = new Map<string, number>();
      let references = 0;
      const sharedString: SharedString = (text) => {
        references++;
        let i = index.get(text);
        if (i === undefined) {
          index.set(text, (i = base + added.length));
          added.push(text);
        }
        return i;
      };
      for (const [name, render] of deferred) {
        const xml = this.held.get(name);
        if (xml === undefined) throw new DeferredSheetError(`ExcelJS wrote no part ${name}`);
        this.parts.set(name, packPart(name, Buffer.from(render(xml, sharedString), "utf8")));
      }
      if (sst === undefined) {
        if (added.length > 0) throw new DeferredSheetError("ExcelJS wrote no shared string table to add to");
        return;
      }
      this.parts.set(SHARED_STRINGS, packPart(SHARED_STRINGS, Buffer.from(appendSharedStrings(sst, added, references), "utf8")));
    }
  }
  zipStream.ZipWriter = HookedZipWriter;
  return (writerInstalled = true);
}

/** Saves made by the native writer and loads from prepared parts in this process (for tests and the bench). */
export const nativeSaves: NativeHooks = { saves: 0, loads: 0 };

/**
 * The file adapter's writeXlsx on Node: ExcelJS's rendering, zlib's zip, and the cells of the
 * `deferred` sheets written as XML. Null when that cannot be done here — the hook not installed or
 * not reached, a deferred part not written by ExcelJS under its name — so that the caller puts
 * those cells into ExcelJS and saves the ordinary way: never a file without them.
 */
export async function nativeWriteXlsx(workbook: ExcelJS.Workbook, deferred: DeferredSheets = new Map()): Promise<Uint8Array | null> {
  if (!installWriter()) return deferred.size > 0 ? null : toBytes(await workbook.xlsx.writeBuffer());
  const before = nativeSaves.saves;
  const hooks: SaveHooks = { counters: nativeSaves, deferred };
  let out: ArrayBuffer | Uint8Array;
  try {
    out = await workbook.xlsx.writeBuffer({ zip: { [NATIVE_KEY]: hooks } } as Partial<ExcelJS.XlsxWriteOptions>);
  } catch (e) {
    if (e instanceof DeferredSheetError) return null;
    throw e;
  }
  // ExcelJS did not go through the hook: its own zip, without the deferred sheets' cells.
  if (nativeSaves.saves === before) return deferred.size > 0 ? null : toBytes(out);
  return toBytes(out);
}

function toBytes(out: ArrayBuffer | Uint8Array): Uint8Array {
  return ArrayBuffer.isView(out) ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out);
}

/** What ExcelJS's load is given in place of a file: the guard's parts (ZipPart: stored = content). */
class PreparedParts {
  constructor(readonly parts: readonly ZipPart[]) {}
}

/** The part's content: as given when stored; inflated now when the guard streamed it (over SYNC_PART_MAX). */
function contentBytes(part: ZipPart): Buffer {
  const data = part.method === 0 ? part.data : inflateRawSync(part.data, { maxOutputLength: part.size + 1 });
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** The part of JSZip's zip object that ExcelJS's load() reads: files by name, each with async(type). */
function preparedZip(prepared: PreparedParts): { files: Record<string, unknown> } {
  const files: Record<string, unknown> = {};
  for (const part of prepared.parts) {
    files[part.name] = {
      name: part.name,
      dir: false,
      async: async (type: string) => {
        const bytes = contentBytes(part);
        if (type === "string" || type === "text") return bytes.toString("utf8");
        if (type === "nodebuffer") return bytes;
        if (type === "uint8array") return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        throw new TypeError(`part ${part.name}: output type ${type} not prepared`);
      },
    };
  }
  return { files };
}

interface JSZipModule {
  loadAsync: (data: unknown, options?: unknown) => Promise<unknown>;
}

let readerInstalled: boolean | null = null;

/** Replaces JSZip.loadAsync — the JSZip ExcelJS itself requires — by one that also takes PreparedParts, once. */
function installReader(): boolean {
  if (readerInstalled !== null) return readerInstalled;
  let jszip: JSZipModule;
  try {
    // The JSZip that ExcelJS's xlsx.js requires: npm installs one copy (package.json pins a
    // compatible range), and the command line's bundle (scripts/build-cli.mjs) holds one module for
    // both. A second copy nested under exceljs would leave this hook unreached: the load then falls
    // back to a stored zip (nativeLoadXlsx), and test/hosts/file/native-zip.test.ts fails.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jszip = require("jszip") as JSZipModule;
  } catch {
    return (readerInstalled = false);
  }
  const original = jszip.loadAsync;
  if (typeof original !== "function") return (readerInstalled = false);
  jszip.loadAsync = function loadAsync(this: unknown, data: unknown, options?: unknown) {
    if (!(data instanceof PreparedParts)) return original.call(this, data, options);
    nativeSaves.loads++;
    return Promise.resolve(preparedZip(data));
  };
  return (readerInstalled = true);
}

/**
 * The file adapter's loadXlsx on Node: ExcelJS's parsing of the guard's parts, with no zip between.
 * Where the hook cannot be installed, or ExcelJS did not go through it, the parts are laid out as a
 * stored zip and loaded the ordinary way.
 */
export async function nativeLoadXlsx(workbook: ExcelJS.Workbook, parts: readonly ZipPart[]): Promise<void> {
  if (installReader()) {
    const before = nativeSaves.loads;
    try {
      await workbook.xlsx.load(new PreparedParts(parts) as unknown as ArrayBuffer);
      return;
    } catch (e) {
      if (nativeSaves.loads !== before) throw e; // ExcelJS read the parts: the workbook itself is at fault
    }
  }
  await workbook.xlsx.load(writeZip(parts) as unknown as ArrayBuffer);
}
