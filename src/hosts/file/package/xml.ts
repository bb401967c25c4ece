/**
 * The XML layer of the package-of-parts file mode: parse a part with saxes (a kept, conforming,
 * non-validating XML 1.0 parser) into a light tree that records where every element sits in the
 * part's text, and change the part by splicing text at those offsets. Every byte outside an edit
 * stays as it was: attribute quoting, namespace prefixes, entity spellings, whitespace, elements
 * and attributes this product knows nothing about (extLst, x14 validations, sparklines, mc:
 * AlternateContent…). This is the model xlsx-populate follows (keep the XML that was parsed, change
 * it in place), taken one step further: not even the untouched elements are re-serialized.
 *
 * Why saxes and not a DOM (@xmldom/xmldom) or fast-xml-parser: both rebuild the text on output, and
 * a re-serialized part is not the part the clerk's Excel wrote (an attribute's `&#10;` comes back as
 * a raw line feed, which the next parser normalizes to a space). saxes reports positions in UTF-16
 * units, the unit of a JavaScript string, so offsets slice the text directly.
 */
import { SaxesParser } from "saxes";

/** A part the product must read or change could not be parsed: refused, naming the part. */
export class PartParseError extends Error {
  readonly part: string;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(part: string, detail: string) {
    const zh = `工作簿部件 ${part} 无法解析（${detail}），未写入任何内容。`;
    const en = `the workbook part ${part} cannot be parsed (${detail}); nothing was written.`;
    super(`${zh}\n${en}`);
    this.name = "PartParseError";
    this.part = part;
    this.messageZh = zh;
    this.messageEn = en;
  }
}

/** An element of a parsed part, with its place in the part's text. */
export interface XmlElement {
  /** Qualified name as written, e.g. "c", "x14:dataValidation". */
  name: string;
  /** Local name (after any prefix). */
  local: string;
  /** Attribute values, entity-decoded, by qualified name as written (an element without any shares one frozen, empty object). */
  attrs: Readonly<Record<string, string>>;
  /** Offset of "<" of the start tag. */
  start: number;
  /** Offset just after the start tag's ">" (for a self-closing element, equal to `end`). */
  openEnd: number;
  /** Offset of "<" of the end tag ("</name>"); for a self-closing element, equal to `end`. */
  closeStart: number;
  /** Offset just after the element's last ">". */
  end: number;
  selfClosing: boolean;
  /** In document order; a leaf's is one shared, frozen empty array (most elements of a sheet are leaves). */
  readonly children: readonly XmlElement[];
  /** The element's own character data (not its children's), entity-decoded, concatenated. */
  text: string;
}

export interface XmlDocument {
  text: string;
  root: XmlElement;
}

// Shared by every leaf and every element without attributes (a sheet's <v>s): the objects of a
// parsed part are kept from the read to the apply after it, and fewer of them is less for the
// garbage collector to copy on each of a fresh process's many young-generation collections.
const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Content kept flat instead of as elements: the children (and their descendants) of the elements
 * `flatten` picks are given to `open` / `text` / `close` as they are parsed, and the picked element
 * keeps no children. For a worksheet's cells (worksheet.ts parseWorksheetXml): most of a sheet's
 * elements, and a compact record of each is much less for the garbage collector than a tree.
 */
export interface FlatContent {
  /** `el` has just been opened (its attributes known; asked of self-closing elements too, which have nothing to flatten), `parent` is its parent element. */
  flatten(el: XmlElement, parent: XmlElement | null): boolean;
  /** An element inside a flattened one: its qualified name, attributes, "<" offset, offset after its start tag (a self-closing element's end). */
  open(name: string, attributes: Readonly<Record<string, string>>, start: number, openEnd: number): void;
  /** Character data (entity-decoded) inside the innermost open flat element. */
  text(t: string): void;
  /** The innermost open flat element ends; `end` is the offset just after its last ">". */
  close(end: number): void;
  /**
   * The local name of an element (a worksheet's "sheetData") whose content is scanned by
   * scanRegion instead of saxes, when that content is of the plain kind it recognises (see there);
   * its children must all be ones `flatten` picks. Anything else in it and the part is parsed by
   * saxes alone (parseXml throws FastPathDeclined for the caller to start again without it).
   */
  fastRegion?: string;
}

/**
 * Thrown by parseXml when a part's fast region holds something scanRegion leaves to saxes: the
 * caller starts again (its FlatContent has seen part of the region) without `fastRegion`.
 */
export class FastPathDeclined extends Error {
  constructor() {
    super("fast path declined");
    this.name = "FastPathDeclined";
  }
}

/**
 * Parses `text` (the part named `part`, for messages). Throws PartParseError on anything that is
 * not well-formed XML. Only elements are kept; comments and processing instructions stay in the text.
 */
export function parseXml(text: string, part: string, flat?: FlatContent): XmlDocument {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: string | null = null;
  // The element whose content is being kept flat, and how deep inside it the parser is.
  let flatHost: XmlElement | null = null;
  let flatDepth = 0;
  let flatStart = 0;
  // Offsets of the text skipped over by the fast path: saxes counts from what it was given.
  let shift = 0;
  const openTagStart = (name: string, start: number): void => {
    // While a host is open every element opened is inside it: flat.
    if (flatHost !== null) {
      flatDepth++;
      flatStart = start;
      return;
    }
    const parent = stack[stack.length - 1] ?? null;
    const colon = name.indexOf(":");
    const el: XmlElement = {
      name,
      local: colon < 0 ? name : name.slice(colon + 1),
      attrs: NO_ATTRIBUTES,
      start,
      openEnd: -1,
      closeStart: -1,
      end: -1,
      selfClosing: false,
      children: NO_CHILDREN,
      text: "",
    };
    if (parent) {
      if (parent.children === NO_CHILDREN) (parent as unknown as { children: XmlElement[] }).children = [el];
      else (parent.children as XmlElement[]).push(el);
    } else root ??= el;
    stack.push(el);
  };
  const openTag = (name: string, attributes: Record<string, string>, selfClosing: boolean, openEnd: number): void => {
    if (flatDepth > 0) {
      (flat as FlatContent).open(name, attributes, flatStart, openEnd);
      return;
    }
    const el = stack[stack.length - 1] as XmlElement;
    for (const _ in attributes) {
      el.attrs = attributes;
      break;
    }
    el.openEnd = openEnd;
    el.selfClosing = selfClosing;
    if (flat?.flatten(el, stack[stack.length - 2] ?? null) && !selfClosing) flatHost = el;
  };
  const onText = (t: string): void => {
    if (flatDepth > 0) return (flat as FlatContent).text(t);
    const el = stack[stack.length - 1];
    if (el) el.text += t;
  };
  const closeTag = (name: string, end: number): void => {
    if (flatDepth > 0) {
      flatDepth--;
      return (flat as FlatContent).close(end);
    }
    const el = stack.pop() as XmlElement;
    flatHost = null; // at depth 0, while a host is open, only the host itself closes
    el.end = end;
    el.closeStart = el.selfClosing ? el.end : el.end - name.length - 3;
    if (el.selfClosing) el.openEnd = el.end;
  };
  parser.on("error", (e) => {
    failure ??= e.message;
  });
  // saxes has read "<", the name and the character after it (whitespace, "/" or ">").
  parser.on("opentagstart", (tag) => openTagStart(tag.name, parser.position + shift - tag.name.length - 2));
  parser.on("opentag", (tag) => openTag(tag.name, tag.attributes as Record<string, string>, tag.isSelfClosing, parser.position + shift));
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => closeTag(tag.name, parser.position + shift));
  try {
    const region = flat?.fastRegion === undefined ? -1 : regionStart(text, flat.fastRegion);
    if (region < 0) {
      parser.write(text).close();
    } else {
      // saxes reads up to the region's start tag and must have just opened it there; then the
      // region is scanned (or declined), and saxes reads on from the region's end tag.
      parser.write(text.slice(0, region));
      const host = stack[stack.length - 1];
      if (failure !== null || host === undefined || host.local !== flat?.fastRegion || host.openEnd !== region || host.selfClosing || flatHost !== null) throw new FastPathDeclined();
      const end = scanRegion(text, region, { openTagStart, openTag, text: onText, closeTag });
      if (end < 0) throw new FastPathDeclined();
      shift = end - region;
      parser.write(text.slice(end)).close();
      // An error after the region would be reported at a line and column counted without it.
      if (failure !== null) throw new FastPathDeclined();
    }
  } catch (e) {
    if (e instanceof FastPathDeclined) throw e;
    failure ??= e instanceof Error ? e.message : String(e);
  }
  if (failure !== null || root === null) throw new PartParseError(part, failure ?? "no root element");
  return { text, root };
}

/**
 * Where the content of the first element named `local` (any prefix) begins: the offset just after
 * its start tag, or -1 when there is none or its start tag holds a quote (attribute values are
 * left to saxes, which checks that the element really opens there).
 */
function regionStart(text: string, local: string): number {
  const re = new RegExp(`<(?:[A-Za-z_][A-Za-z0-9_.-]*:)?${local}[\\s>]`, "g");
  const m = re.exec(text);
  if (!m) return -1;
  const close = text.indexOf(">", m.index);
  if (close < 0) return -1;
  const tag = text.slice(m.index, close);
  return tag.includes('"') || tag.includes("'") || tag.endsWith("/") ? -1 : close + 1;
}

interface RegionEvents {
  openTagStart(name: string, start: number): void;
  openTag(name: string, attributes: Record<string, string>, selfClosing: boolean, openEnd: number): void;
  text(t: string): void;
  closeTag(name: string, end: number): void;
}

const NO_ATTRIBUTES_FLAT: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * What scanRegion leaves to saxes wherever it stands after the region's start: a character outside
 * XML 1.0's Char less CR (end-of-line handling) and surrogates, and "]]>" (not allowed in text).
 */
const NOT_PLAIN = /[^\t\n\x20-\ud7ff\ue000-\ufffd]|\]\]>/g;

/** A character reference's code, when it is one scanRegion decodes itself; -1 otherwise. */
function referenceCode(ref: string): number {
  const code = /^#[0-9]{1,7}$/.test(ref) ? Number(ref.slice(1)) : /^#x[0-9A-Fa-f]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : -1;
  // A reference to a tab, line feed or carriage return is that character, as written (no normalisation).
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code < 0xd800) || (code >= 0xe000 && code <= 0xfffd) ? code : -1;
}

/** An ASCII name start character ([A-Za-z_:]); other names are left to saxes. */
function nameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
}

function nameChar(c: number): boolean {
  return nameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

function space(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/**
 * Decodes character data or an attribute value holding "&" (the five predefined entities and
 * character references to plain characters); null when it holds anything else (left to saxes).
 */
function decodeReferences(raw: string): string | null {
  let out = "";
  let at = 0;
  for (let amp = raw.indexOf("&"); amp >= 0; amp = raw.indexOf("&", at)) {
    const semi = raw.indexOf(";", amp);
    if (semi < 0) return null;
    const ref = raw.slice(amp + 1, semi);
    let ch: string;
    if (ref === "lt") ch = "<";
    else if (ref === "gt") ch = ">";
    else if (ref === "amp") ch = "&";
    else if (ref === "quot") ch = '"';
    else if (ref === "apos") ch = "'";
    else {
      const code = referenceCode(ref);
      if (code < 0) return null;
      ch = String.fromCharCode(code);
    }
    out += raw.slice(at, amp) + ch;
    at = semi + 1;
  }
  return out + raw.slice(at);
}

/**
 * Scans the content of a region element (a worksheet's <sheetData>) from `from`, the offset after
 * its start tag, giving the same events saxes would, and returns the offset of the region's end
 * tag; -1 (declined: the caller lets saxes parse the part) at anything outside the plain kind it
 * recognises: comments, CDATA, processing instructions, non-ASCII names, a raw tab or line feed in
 * an attribute value, a carriage return or a surrogate anywhere after the region's start, an entity
 * other than the five predefined, and anything not well-formed ("]]>", an unknown reference, a
 * duplicate attribute, "<" in a value, a mismatched end tag …). What it accepts saxes accepts, with
 * the same events: test/hosts/file/package/fast-region.test.ts compares the two.
 * Why: a cold process reads a 120-month workbook's cells through saxes at ~40 MB/s, a third of the
 * file mode's parse and much of its garbage; the cell grid is nearly all of a sheet (issue 13's
 * budget). The work per character is left to native string search (indexOf, one regular
 * expression over the rest of the part), which is as fast before the JIT has warmed up as after.
 */
function scanRegion(text: string, from: number, on: RegionEvents): number {
  NOT_PLAIN.lastIndex = from;
  if (NOT_PLAIN.test(text)) return -1;
  // Raw tabs and line feeds are fine in text but normalised by saxes in attribute values: looked for only when the part has any.
  const breaks = text.indexOf("\n", from) >= 0 || text.indexOf("\t", from) >= 0;
  const names: string[] = [];
  const len = text.length;
  let i = from;
  while (i < len) {
    // Character data up to the next "<".
    const lt = text.indexOf("<", i);
    if (lt < 0) return -1;
    if (lt > i) {
      const raw = text.slice(i, lt);
      const amp = raw.indexOf("&");
      const t = amp < 0 ? raw : decodeReferences(raw);
      if (t === null) return -1;
      on.text(t);
    }
    i = lt + 1;
    let c = text.charCodeAt(i);
    if (c === 0x2f) {
      // An end tag: "</" name S? ">".
      const nameAt = i + 1;
      let j = nameAt;
      if (!nameStart(text.charCodeAt(j))) return -1;
      while (nameChar(text.charCodeAt(j))) j++;
      const name = text.slice(nameAt, j);
      while (space(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3e) return -1;
      if (names.length === 0) return lt; // the region's own end tag (saxes checks its name)
      if (names.pop() !== name) return -1;
      on.closeTag(name, j + 1);
      i = j + 1;
      continue;
    }
    // A start tag: "<" name (S name S? "=" S? quoted)* S? ("/>" | ">").
    if (!nameStart(c)) return -1; // "<!", "<?", or not a name
    let j = i;
    while (nameChar(text.charCodeAt(j))) j++;
    const name = text.slice(i, j);
    on.openTagStart(name, lt);
    let attributes = NO_ATTRIBUTES_FLAT;
    for (;;) {
      const before = j;
      while (space(text.charCodeAt(j))) j++;
      c = text.charCodeAt(j);
      if (c === 0x3e || c === 0x2f) break;
      if (j === before || !nameStart(c)) return -1; // attributes are separated by whitespace
      const attrAt = j;
      while (nameChar(text.charCodeAt(j))) j++;
      const attr = text.slice(attrAt, j);
      while (space(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3d) return -1;
      j++;
      while (space(text.charCodeAt(j))) j++;
      const quote = text.charCodeAt(j);
      if (quote !== 0x22 && quote !== 0x27) return -1;
      const valueAt = j + 1;
      const valueEnd = text.indexOf(quote === 0x22 ? '"' : "'", valueAt);
      if (valueEnd < 0) return -1;
      const nextLt = text.indexOf("<", valueAt);
      if (nextLt >= 0 && nextLt < valueEnd) return -1;
      const raw = text.slice(valueAt, valueEnd);
      if (breaks && (raw.includes("\n") || raw.includes("\t"))) return -1;
      const value = raw.includes("&") ? decodeReferences(raw) : raw;
      if (value === null) return -1;
      // ("__proto__" would not be an own property of a plain object: left to saxes.)
      if (attr === "__proto__") return -1;
      if (attributes === NO_ATTRIBUTES_FLAT) attributes = {};
      else if (Object.hasOwn(attributes, attr)) return -1;
      attributes[attr] = value;
      j = valueEnd + 1;
    }
    if (c === 0x2f) {
      if (text.charCodeAt(j + 1) !== 0x3e) return -1;
      on.openTag(name, attributes, true, j + 2);
      on.closeTag(name, j + 2);
      i = j + 2;
    } else {
      on.openTag(name, attributes, false, j + 1);
      names.push(name);
      i = j + 1;
    }
  }
  return -1;
}

/** The first child of `el` with local name `local`. */
export function child(el: XmlElement, local: string): XmlElement | undefined {
  for (const c of el.children) if (c.local === local) return c;
  return undefined;
}

export function children(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/** One change to a part's text: the span [start, end) replaced by `text` (start === end inserts). */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * `text` with the splices made. Splices must not overlap; two inserts at one offset keep the order
 * they are given in.
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  if (splices.length === 0) return text;
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = "";
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new RangeError(`overlapping edits at ${s.start}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

// Characters XML 1.0 cannot hold (C0 controls but tab, line feed, carriage return; U+FFFE, U+FFFF)
// are dropped; the plans are fitted before they come here (excel-limits.ts): this is a last line.
const TEXT_ESCAPES = /[<>&\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ATTR_ESCAPES = /[<>&"\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/** Character data, escaped. A carriage return is kept as "&#13;" (a raw one would be read back as a line feed). */
export function escapeText(text: string): string {
  return text.replace(TEXT_ESCAPES, (c) => ENTITY[c] ?? "").replace(/\r/g, "&#13;");
}

/** An attribute value for double quotes, escaped (tab, line feed and carriage return as character references, which survive attribute normalization). */
export function escapeAttr(text: string): string {
  return text.replace(ATTR_ESCAPES, (c) => ENTITY[c] ?? "");
}

/** `name="value"` pairs, escaped, in the order given; undefined values left out. */
export function attrs(pairs: Readonly<Record<string, string | number | boolean | undefined>>): string {
  let out = "";
  for (const [k, v] of Object.entries(pairs)) {
    if (v === undefined) continue;
    out += ` ${k}="${escapeAttr(typeof v === "boolean" ? (v ? "1" : "0") : String(v))}"`;
  }
  return out;
}

/**
 * The start tag of `el` with attributes set (a string) or removed (null), everything else of the tag
 * as written: the splice that makes it. Existing attributes keep their place and quoting style;
 * new ones go at the end.
 */
export function setAttributes(doc: XmlDocument, el: XmlElement, changes: Readonly<Record<string, string | null>>): Splice {
  let tag = doc.text.slice(el.start, el.openEnd);
  const added: string[] = [];
  for (const [name, value] of Object.entries(changes)) {
    const re = new RegExp(`(\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
    const m = re.exec(tag);
    if (m) {
      if (value === null) tag = tag.slice(0, m.index) + tag.slice(m.index + m[0].length);
      else tag = `${tag.slice(0, m.index)}${m[1]}${name}="${escapeAttr(value)}"${tag.slice(m.index + m[0].length)}`;
    } else if (value !== null) {
      added.push(` ${name}="${escapeAttr(value)}"`);
    }
  }
  if (added.length > 0) {
    const close = el.selfClosing ? tag.lastIndexOf("/") : tag.length - 1;
    let at = close;
    while (at > 0 && /\s/.test(tag[at - 1] ?? "")) at--; // before any whitespace ahead of "/>" or ">"
    tag = tag.slice(0, at) + added.join("") + tag.slice(at);
  }
  return { start: el.start, end: el.openEnd, text: tag };
}

/**
 * Where to insert a new child of `parent` so that the children stay in the schema's order: after the
 * last existing child whose local name comes before `local` in `order`. Unknown children (not in
 * `order`) are skipped over when they come before a known earlier one.
 */
export function insertionPoint(parent: XmlElement, local: string, order: readonly string[]): number {
  const rank = order.indexOf(local);
  if (rank < 0) throw new RangeError(`${local} is not in the order given`);
  let at = parent.openEnd;
  for (const c of parent.children) {
    const r = order.indexOf(c.local);
    if (r >= 0 && r <= rank) at = c.end;
    else if (r > rank) break;
  }
  return at;
}
