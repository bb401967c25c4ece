/**
 * Zip compression in the browser (and anywhere without Node's zlib): fflate, a kept, dependency-free
 * implementation of raw deflate. The command line uses Node's zlib instead (node-zlib.ts), which is
 * faster; both give parts any zip reader accepts.
 *
 * CRC-32 is not among fflate's exports (it computes one inside its zip writer only): the standard
 * table-driven CRC-32 (ISO 3309 / ITU-T V.42, polynomial 0xEDB88320, as zip uses) is below, a few
 * lines, checked in the tests against Node's zlib.crc32.
 */
// @ts-nocheck

import { deflateSync, Inflate, inflateSync } from "fflate";
import type { InflateSync } from "../guard";
import type { ZipCodec } from "./opc";

/** Level 1: the parts the product writes are small; Excel recompresses them its own way on its next save. */
const LEVEL = 1;

let table: Uint32Array | null = null;

function crcTable(): Uint32Array {
  if (table) return table;
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return (table = t);
}

export function crc32(data: Uint8Array): number {
  const t = crcTable();
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (t[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Compressed bytes given to the inflater at a time: at most ~16 MB come out of one (deflate's 1032:1). */
const SLICE = 16 * 1024;

/**
 * The guard's synchronous inflater: null when the part inflates to more than `limit` bytes. fflate's
 * streaming Inflate, fed a slice at a time and stopped past the limit: its one-shot inflateSync into
 * a buffer of `limit` bytes throws a RangeError on some streams that overflow it (full-flushed
 * segments), which could not be told from a damaged stream.
 */
export const fflateInflateSync: InflateSync = (data, limit) => {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    total += chunk.byteLength;
    if (total > limit) over = true;
    else chunks.push(chunk);
  });
  for (let at = 0; at < data.byteLength && !over; at += SLICE) inflater.push(data.subarray(at, at + SLICE), at + SLICE >= data.byteLength);
  if (data.byteLength === 0) inflater.push(data, true);
  if (over) return null;
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
};

export const FFLATE_CODEC: ZipCodec = {
  inflate(raw, size) {
    const out = inflateSync(raw, { out: new Uint8Array(size + 1) });
    if (out.byteLength !== size) throw new Error(`a part inflates to ${out.byteLength} bytes, not the ${size} its directory declares`);
    return out;
  },
  deflate: (content) => deflateSync(content, { level: LEVEL }),
  crc32,
};
