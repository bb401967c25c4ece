/**
 * Node's zlib for the file adapter on the command line: the guard's synchronous inflater, stopped
 * just past the part's declared size (maxOutputLength), so a part that lies about its size never
 * costs more than the truth would; and the package's codec (inflate, deflate, CRC-32), faster than
 * fflate's JavaScript. The browser uses fflate (package/codec.ts) for the same results.
 */
// @ts-nocheck

import { isUtf8 } from "node:buffer";
import * as zlib from "node:zlib";
import type { FileAdapterOptions } from "./file-adapter";
import type { InflateSync } from "./guard";
import { crc32 as javascriptCrc32 } from "./package/codec";
import type { ZipCodec } from "./package/opc";

/** zlib's CRC-32, from Node 20.15 on; an older Node 20 has none, and the JavaScript one gives the same numbers. */
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/**
 * Deflate level for the parts the product writes. Level 1 against zlib's default 6 on the example's
 * output parts: about half the time for a few per cent more bytes; Excel recompresses the file its
 * own way on its next save anyway.
 */
export const DEFLATE_LEVEL = 1;

export const nodeInflateSync: InflateSync = (data, limit) => {
  try {
    const out = zlib.inflateRawSync(data, { maxOutputLength: limit + 1 });
    return out.byteLength > limit ? null : out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw e;
  }
};

const NUL = new Uint8Array([0]);

export const NODE_CODEC: ZipCodec = {
  inflate(raw, size) {
    const out = zlib.inflateRawSync(raw, { maxOutputLength: size + 1 });
    if (out.byteLength !== size) throw new Error(`a part inflates to ${out.byteLength} bytes, not the ${size} its directory declares`);
    return out;
  },
  deflate: (content) => zlib.deflateRawSync(content, { level: DEFLATE_LEVEL }),
  crc32: typeof zlibCrc32 === "function" ? (content) => zlibCrc32(content) >>> 0 : javascriptCrc32,
  // Buffer's decoder with isUtf8's check: about 3× TextDecoder's fatal mode on the sheets of a 120-month book.
  decodeUtf8: (bytes) => (isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8") : null),
  // One decode for all the valid parts, joined by NULs (which no part holds), then cut at them.
  decodeUtf8Joined(parts) {
    const valid = parts.map((p) => isUtf8(p));
    const joined: Uint8Array[] = [];
    parts.forEach((p, i) => {
      if (!valid[i]) return;
      if (joined.length > 0) joined.push(NUL);
      joined.push(p);
    });
    const whole = Buffer.concat(joined).toString("utf8");
    let at = 0;
    return parts.map((_, i) => {
      if (!valid[i]) return null;
      const end = whole.indexOf("\u0000", at);
      const text = whole.slice(at, end < 0 ? whole.length : end);
      at = end < 0 ? whole.length : end + 1;
      return text;
    });
  },
};


/** Both, as the command line opens every workbook. */
export const NODE_ZLIB: FileAdapterOptions = { inflateSync: nodeInflateSync, codec: NODE_CODEC };
