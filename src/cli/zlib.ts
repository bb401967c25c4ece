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

/** save()'s deflate on Node: zlib at its default level, the level JSZip would have used. */
export const nodeDeflateSync: DeflateSync = (data) => deflateRawSync(data);

/** Both, as the command line opens every workbook. */
export const NODE_ZLIB: FileAdapterOptions = { inflateSync: nodeInflateSync, deflateSync: nodeDeflateSync };
