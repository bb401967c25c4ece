/**
 * Node's zlib for the file adapter: the guard's synchronous inflater, stopped just past the part's
 * declared size (maxOutputLength), so a part that lies about its size never costs more than the
 * truth would; and the native deflate save() repacks ExcelJS's output with (zip-repack.ts).
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { FileAdapterOptions } from "../workbook/file-adapter";
import type { InflateSync } from "../workbook/guard";
import type { DeflateSync } from "../workbook/zip-repack";

export const nodeInflateSync: InflateSync = (data, limit) => {
  try {
    const out = inflateRawSync(data, { maxOutputLength: limit + 1 });
    return out.byteLength > limit ? null : out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw e;
  }
};

/**
 * save()'s deflate on Node: zlib at level 1. Measured on the example's output: level 6 (JSZip's and
 * zlib's default) 4.9 ms → 61 KB, level 3 3.5 ms → 66 KB, level 1 2.4 ms → 69 KB; at 120 months
 * 23 ms → 321 KB against 11 ms → 374 KB. A workbook of tens of KB a few KB larger, for a save
 * that is half the deflating: Excel recompresses it its own way on the next save anyway.
 */
export const DEFLATE_LEVEL = 1;
export const nodeDeflateSync: DeflateSync = (data) => deflateRawSync(data, { level: DEFLATE_LEVEL });

/** Both, as the command line opens every workbook. */
export const NODE_ZLIB: FileAdapterOptions = { inflateSync: nodeInflateSync, deflateSync: nodeDeflateSync };
