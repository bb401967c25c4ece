/**
 * An .xlsx as a package of parts (ECMA-376 Part 2, Open Packaging Conventions), the way Apache POI's
 * OPCPackage keeps one: every part as it was in the zip until someone changes it, and on save only
 * the changed parts are written anew. An untouched part is copied as the zip held it — its
 * compressed bytes, CRC-32 and sizes — so it comes out byte for byte, and costs no inflating or
 * deflating. Parts keep their order; new parts go at the end.
 *
 * The zip directory is the guard's (guard.ts readDirectory: hand-written because it must read a
 * hostile file's directory before anything else touches it); the zip is written by zip-write.ts,
 * also hand-written, because no kept library copies a compressed entry raw: fflate's zip and
 * yazl deflate every entry they are given, JSZip re-inflates and re-deflates. Inflate, deflate and
 * CRC-32 come from the host (ZipCodec): Node's zlib on the command line, fflate in the browser.
 */
// @ts-nocheck

import { writeZip, type ZipPart } from "../zip-write";
import { parseXml, PartParseError, type XmlDocument } from "./xml";

/** Compression for the host: Node's zlib (node-zlib.ts) or fflate (codec.ts). */
export interface ZipCodec {
  /** Raw deflate (RFC 1951) → the content, which is `size` bytes. */
  inflate(raw: Uint8Array, size: number): Uint8Array;
  /** The content → raw deflate. */
  deflate(content: Uint8Array): Uint8Array;
  crc32(content: Uint8Array): number;
  /** UTF-8 bytes → text, or null when they are not valid UTF-8; without it, TextDecoder (fatal). */
  decodeUtf8?(bytes: Uint8Array): string | null;
  /**
   * Many parts' UTF-8 bytes → their texts (null for bytes that are not valid UTF-8), all made as
   * slices of one string (see OpcPackage.prepareTexts for why). No part given holds a NUL byte.
   */
  decodeUtf8Joined?(parts: readonly Uint8Array[]): (string | null)[];
}

/** A part as the guard found it in the file. */
export interface SourcePart {
  name: string;
  /** 0 stored, 8 deflated, as in the file. */
  method: 0 | 8;
  /** The part's data as in the file (compressed when method is 8). */
  raw: Uint8Array;
  crc32: number;
  /** Length of the content. */
  size: number;
  /** The content, when the guard already inflated it. */
  content?: Uint8Array;
}

interface Entry {
  source: SourcePart | null;
  /** Content once read or changed. */
  content: Uint8Array | null;
  changed: boolean;
  /** The content as text, once decoded; and parsed, once parsed (a read and the apply after it share them). */
  text?: string;
  xml?: XmlDocument;
}

const decoder = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** How a part's text was encoded, to encode it back the same way. */
interface TextForm {
  bom: boolean;
}

/** UTF-16 by its byte-order mark, or by "<" next to a zero byte. */
function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0 && bytes[1] === 0x3c) || (bytes[0] === 0x3c && bytes[1] === 0);
}

/** The encoding an XML declaration names, if any. */
function declaredEncoding(text: string): string | undefined {
  return /^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
}

function declaresUtf8(text: string): boolean {
  const declared = declaredEncoding(text);
  return declared === undefined || /^utf-?8$/i.test(declared);
}

/** Parts smaller than this are stored when written: deflating a few bytes gains nothing. */
const STORE_BELOW = 64;

export class OpcPackage {
  private readonly entries = new Map<string, Entry>();
  private readonly forms = new Map<string, TextForm>();

  constructor(
    parts: readonly SourcePart[],
    private readonly codec: ZipCodec,
  ) {
    for (const p of parts) {
      if (p.name.endsWith("/")) continue; // a folder entry: nothing of the workbook
      this.entries.set(p.name, { source: p, content: p.content ?? (p.method === 0 ? p.raw : null), changed: false });
    }
  }

  /** Part names, in the file's order, new parts last. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The part's content; throws when there is no such part. */
  bytes(name: string): Uint8Array {
    const e = this.entries.get(name);
    if (!e) throw new Error(`no part ${name}`);
    if (e.content === null) {
      const s = e.source as SourcePart;
      e.content = this.codec.inflate(s.raw, s.size);
    }
    return e.content;
  }

  /**
   * The part's text. UTF-8 (with or without a byte-order mark) is what Excel, LibreOffice and WPS
   * write; anything else — UTF-16, a declared legacy encoding, bytes that are not UTF-8 — is refused
   * naming the part (PartParseError), since the product could not write it back the same way.
   */
  text(name: string): string {
    const cached = this.entries.get(name)?.text;
    if (cached !== undefined) return cached;
    const bytes = this.bytes(name);
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    if (isUtf16(bytes)) throw new PartParseError(name, "UTF-16 编码 / UTF-16 encoding");
    const body = bom ? bytes.subarray(3) : bytes;
    let text: string | null;
    try {
      text = this.codec.decodeUtf8 ? this.codec.decodeUtf8(body) : decoder.decode(body);
    } catch {
      text = null;
    }
    if (text === null) throw new PartParseError(name, "不是 UTF-8 文本 / not UTF-8 text");
    const declared = declaredEncoding(text);
    if (declared !== undefined && !/^utf-?8$/i.test(declared)) throw new PartParseError(name, `声明的编码 ${declared} / declared encoding ${declared}`);
    this.forms.set(name, { bom });
    (this.entries.get(name) as Entry).text = text;
    return text;
  }

  /**
   * Decodes the texts of many parts at once (the worksheets a read parses), where the codec can:
   * one string for all of them, each part's text a slice of it. The texts are kept from the read to
   * the write after it; as one string they are allocated once, outside the young generation, where
   * a sheet's own string (~26 KB for a month's scorecard) was copied twice by the garbage collector
   * (~15 % of what it copied scoring a 120-month book). Each part is checked as text() checks it;
   * a part that fails is left for text() to refuse, naming it.
   */
  prepareTexts(names: readonly string[]): void {
    const join = this.codec.decodeUtf8Joined;
    if (!join) return;
    const todo: { entry: Entry; name: string; body: Uint8Array; bom: boolean }[] = [];
    for (const name of names) {
      const entry = this.entries.get(name);
      if (!entry || entry.text !== undefined) continue;
      const bytes = this.bytes(name);
      // (UTF-16 needs no look here: its bytes are not UTF-8 or hold a NUL, so it is left to text() below.)
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf; // a shorter part has no bytes[2]
      const body = bom ? bytes.subarray(3) : bytes;
      if (body.indexOf(0) >= 0) continue; // a NUL joins the parts below; XML cannot hold one anyway
      todo.push({ entry, name, body, bom });
    }
    if (todo.length < 2) return;
    const texts = join.call(this.codec, todo.map((t) => t.body));
    todo.forEach((t, i) => {
      const text = texts[i] as string | null;
      if (text === null || !declaresUtf8(text)) return;
      this.forms.set(t.name, { bom: t.bom });
      t.entry.text = text;
    });
  }

  /** The part parsed (by parseXml, or the parser given: one part is always parsed by the same one), kept until the part is changed. */
  xml(name: string, parse: (text: string, part: string) => XmlDocument = parseXml): XmlDocument {
    const e = this.entries.get(name);
    if (e?.xml) return e.xml;
    const doc = parse(this.text(name), name);
    (this.entries.get(name) as Entry).xml = doc;
    return doc;
  }

  /** Replaces (or adds) a part's content. */
  setBytes(name: string, content: Uint8Array): void {
    const e = this.entries.get(name);
    if (e) {
      e.content = content;
      e.changed = true;
      delete e.text;
      delete e.xml;
    } else {
      this.entries.set(name, { source: null, content, changed: true });
    }
  }

  /** Replaces (or adds) a part's text, encoded as the part was (UTF-8, its byte-order mark kept). */
  setText(name: string, text: string): void {
    const body = encoder.encode(text);
    if (this.forms.get(name)?.bom) {
      const out = new Uint8Array(body.length + 3);
      out.set([0xef, 0xbb, 0xbf]);
      out.set(body, 3);
      this.setBytes(name, out);
    } else {
      this.setBytes(name, body);
    }
  }

  remove(name: string): void {
    this.entries.delete(name);
  }

  /** The package as a zip: unchanged parts copied raw, changed and new ones deflated anew. */
  save(): Uint8Array {
    const parts: ZipPart[] = [];
    for (const [name, e] of this.entries) {
      const s = e.source;
      if (!e.changed && s) {
        parts.push({ name, method: s.method, data: s.raw, crc32: s.crc32, size: s.size });
        continue;
      }
      const content = e.content as Uint8Array;
      const crc32 = this.codec.crc32(content);
      if (content.byteLength < STORE_BELOW) parts.push({ name, method: 0, data: content, crc32, size: content.byteLength });
      else parts.push({ name, method: 8, data: this.codec.deflate(content), crc32, size: content.byteLength });
    }
    return writeZip(parts);
  }
}

// ---------------------------------------------------------------------------------------------
// Part names and relationships (OPC §9: a part's relationships live in _rels/<name>.rels beside it).

/** The relationships part of `part`: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the source part's folder ("worksheets/sheet1.xml" from "xl/workbook.xml" → "xl/worksheets/sheet1.xml"). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourcePart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** `target` as written relative to the source part's folder. */
export function relativeTarget(sourcePart: string, target: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = target.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}
