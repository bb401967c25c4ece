/**
 * Node's zlib for the file adapter: the guard's synchronous inflater, stopped just past the part's
 * declared size (maxOutputLength), so a part that lies about its size never costs more than the
 * truth would; ExcelJS given the guard's inflated parts to load, and save() zipped by zlib rather
 * than JSZip (native-zip.ts).
 */
import { inflateRawSync } from "node:zlib";
import type { FileAdapterOptions } from "./file-adapter";
import type { InflateSync } from "./guard";
import { nativeLoadXlsx, nativeWriteXlsx } from "./native-zip";

export const nodeInflateSync: InflateSync = (data, limit) => {
  try {
    const out = inflateRawSync(data, { maxOutputLength: limit + 1 });
    return out.byteLength > limit ? null : out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw e;
  }
};

/** Both, as the command line opens every workbook. */
export const NODE_ZLIB: FileAdapterOptions = { inflateSync: nodeInflateSync, loadXlsx: nativeLoadXlsx, writeXlsx: nativeWriteXlsx };
