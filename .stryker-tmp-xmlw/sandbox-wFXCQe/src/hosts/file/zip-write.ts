/**
 * Writing a zip from parts whose compression is already settled: each part is either stored or raw
 * deflate (RFC 1951) made by whoever calls, with the CRC-32 and size of its content given. No
 * compressing and no CRC here, so the zip is as fast as the copy.
 *
 * The package of parts (src/hosts/file/package/opc.ts) saves through it: the parts the product did
 * not change are handed over as the input file held them — their compressed bytes, CRC and sizes —
 * so they come out byte for byte without being inflated or deflated; the changed ones are deflated
 * by the host's codec (Node's zlib, or fflate in the browser). No kept zip library writes an entry it
 * is given already compressed: fflate's and yazl's writers deflate what they are given, JSZip
 * re-inflates and re-deflates.
 *
 * Plain zip only, as Excel writes it: no zip64 (an .xlsx past the guard's limits is far from 4 GB or
 * 65,535 parts; writeZip throws beyond them), no data descriptors, no comment, no encryption. Every
 * part is dated 1980-01-01 00:00, as Excel dates its own parts, so the same parts give the same bytes.
 */
// @ts-nocheck


export interface ZipPart {
  /** The part's path inside the zip, e.g. "xl/worksheets/sheet1.xml". */
  name: string;
  /** 0: `data` is the content; 8: `data` is the content as raw deflate. */
  method: 0 | 8;
  data: Uint8Array;
  /** CRC-32 of the content (not of `data` when deflated). */
  crc32: number;
  /** Length of the content, in bytes. */
  size: number;
}

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 } as const;
const MAX_U32 = 0xffffffff;
const MAX_PARTS = 0xffff;
/** DOS date for 1980-01-01 (day 1, month 1, year 0 since 1980); time 00:00. */
const DOS_DATE = (1 << 5) | 1;
/** General purpose flag bit 11: the name is UTF-8. Set only for a name that is not ASCII. */
const UTF8_NAME = 0x0800;

const encoder = new TextEncoder();

/** A zip holding `parts`, in order. Throws when they need zip64 (over 65,535 parts or 4 GB). */
export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  if (parts.length > MAX_PARTS) throw new RangeError(`a zip of ${parts.length} parts needs zip64`);
  const names = parts.map((p) => encoder.encode(p.name));
  let localBytes = 0;
  let centralBytes = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as ZipPart;
    const n = (names[i] as Uint8Array).byteLength;
    if (p.data.byteLength > MAX_U32 || p.size > MAX_U32) throw new RangeError(`part ${p.name} needs zip64`);
    if (p.method === 0 && p.data.byteLength !== p.size) throw new RangeError(`stored part ${p.name}: ${p.data.byteLength} bytes given, ${p.size} declared`);
    localBytes += 30 + n + p.data.byteLength;
    centralBytes += 46 + n;
  }
  if (localBytes > MAX_U32) throw new RangeError("the zip needs zip64");

  const out = new Uint8Array(localBytes + centralBytes + 22);
  const v = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as ZipPart;
    const name = names[i] as Uint8Array;
    offsets.push(at);
    v.setUint32(at, SIG.local, true);
    v.setUint16(at + 4, p.method === 8 ? 20 : 10, true); // version needed: 2.0 for deflate, 1.0 stored
    v.setUint16(at + 6, name.byteLength === p.name.length ? 0 : UTF8_NAME, true);
    v.setUint16(at + 8, p.method, true);
    v.setUint16(at + 10, 0, true);
    v.setUint16(at + 12, DOS_DATE, true);
    v.setUint32(at + 14, p.crc32 >>> 0, true);
    v.setUint32(at + 18, p.data.byteLength, true);
    v.setUint32(at + 22, p.size, true);
    v.setUint16(at + 26, name.byteLength, true);
    v.setUint16(at + 28, 0, true);
    out.set(name, at + 30);
    out.set(p.data, at + 30 + name.byteLength);
    at += 30 + name.byteLength + p.data.byteLength;
  }
  const directory = at;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as ZipPart;
    const name = names[i] as Uint8Array;
    v.setUint32(at, SIG.central, true);
    v.setUint16(at + 4, 20, true); // made by: MS-DOS, spec 2.0
    v.setUint16(at + 6, p.method === 8 ? 20 : 10, true);
    v.setUint16(at + 8, name.byteLength === p.name.length ? 0 : UTF8_NAME, true);
    v.setUint16(at + 10, p.method, true);
    v.setUint16(at + 12, 0, true);
    v.setUint16(at + 14, DOS_DATE, true);
    v.setUint32(at + 16, p.crc32 >>> 0, true);
    v.setUint32(at + 20, p.data.byteLength, true);
    v.setUint32(at + 24, p.size, true);
    v.setUint16(at + 28, name.byteLength, true);
    // extra length, comment length, disk number, internal and external attributes: all zero
    v.setUint32(at + 42, offsets[i] as number, true);
    out.set(name, at + 46);
    at += 46 + name.byteLength;
  }
  v.setUint32(at, SIG.end, true);
  v.setUint16(at + 8, parts.length, true);
  v.setUint16(at + 10, parts.length, true);
  v.setUint32(at + 12, at - directory, true);
  v.setUint32(at + 16, directory, true);
  return out;
}
