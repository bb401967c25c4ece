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
export const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);
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
}

/**
 * `text` is a part with the span [at, at + length) cut out (a worksheet's cells, read by
 * worksheet.ts's own scan): offsets after `at` are reported as the whole part's.
 */
export interface TextGap {
  at: number;
  length: number;
}

/**
 * Parses `text` (the part named `part`, for messages). Throws PartParseError on anything that is
 * not well-formed XML. Only elements are kept; comments and processing instructions stay in the text.
 */
export function parseXml(text: string, part: string, flat?: FlatContent, gap?: TextGap): XmlDocument {
  // Stryker disable next-line ObjectLiteral: saxes tracks positions unless told not to; said here because the offsets depend on it
  const parser = new SaxesParser({ position: true });
  // Offsets in `text` → offsets in the part it was cut from (see TextGap).
  const gapAt = gap ? gap.at : Infinity;
  const gapLength = gap ? gap.length : 0;
  const position = (): number => (parser.position > gapAt ? parser.position + gapLength : parser.position);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: string | null = null;
  // The element whose content is being kept flat, and how deep inside it the parser is.
  let flatHost: XmlElement | null = null;
  let flatDepth = 0;
  let flatStart = 0;
  parser.on("error", (e) => {
    failure ??= e.message;
  });
  parser.on("opentagstart", (tag) => {
    // saxes has read "<", the name and the character after it (whitespace, "/" or ">").
    const start = position() - tag.name.length - 2;
    // While a host is open every element opened is inside it: flat.
    if (flatHost !== null) {
      flatDepth++;
      flatStart = start;
      return;
    }
    const parent = stack[stack.length - 1] ?? null;
    const colon = tag.name.indexOf(":");
    const el: XmlElement = {
      name: tag.name,
      local: colon < 0 ? tag.name : tag.name.slice(colon + 1),
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
  });
  parser.on("opentag", (tag) => {
    if (flatDepth > 0) {
      (flat as FlatContent).open(tag.name, tag.attributes as Record<string, string>, flatStart, position());
      return;
    }
    const el = stack[stack.length - 1] as XmlElement;
    for (const _ in tag.attributes) {
      el.attrs = tag.attributes as Record<string, string>;
      break;
    }
    el.openEnd = position();
    el.selfClosing = tag.isSelfClosing;
    if (flat?.flatten(el, stack[stack.length - 2] ?? null) && !tag.isSelfClosing) flatHost = el;
  });
  parser.on("text", (t) => {
    if (flatDepth > 0) return (flat as FlatContent).text(t);
    const el = stack[stack.length - 1];
    if (el) el.text += t;
  });
  parser.on("cdata", (t) => {
    if (flatDepth > 0) return (flat as FlatContent).text(t);
    const el = stack[stack.length - 1];
    if (el) el.text += t;
  });
  parser.on("closetag", (tag) => {
    if (flatDepth > 0) {
      flatDepth--;
      return (flat as FlatContent).close(position());
    }
    const el = stack.pop() as XmlElement;
    flatHost = null; // at depth 0, while a host is open, only the host itself closes
    el.end = position();
    el.closeStart = el.selfClosing ? el.end : el.end - tag.name.length - 3;
    if (el.selfClosing) el.openEnd = el.end;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    failure ??= e instanceof Error ? e.message : String(e);
  }
  if (failure !== null || root === null) throw new PartParseError(part, failure ?? "no root element");
  return { text, root };
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
const NEEDS_TEXT_ESCAPE = /[<>&\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const ATTR_ESCAPES = /[<>&"\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/** Character data, escaped. A carriage return is kept as "&#13;" (a raw one would be read back as a line feed). */
export function escapeText(text: string): string {
  // Most text needs nothing: one test instead of two replacements (thousands of cells a run).
  // Stryker disable next-line ConditionalExpression: never taking the shortcut gives the same text (the replacements find nothing)
  if (!NEEDS_TEXT_ESCAPE.test(text)) return text;
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
