/**
 * xl/styles.xml in the package-of-parts file mode: read a cell style's number format, and give the
 * product's writes their looks (a cell's style with a number format and a CellStyle over it, a
 * conditional highlight) by appending fonts, fills, borders, number formats, cell formats and
 * differential formats to the part. Append only: an index that exists never changes meaning, every
 * byte of the part outside the appended elements and the updated count attributes stays as the
 * clerk's Excel wrote it (xml.ts applySplices), and a look that already exists is reused.
 *
 * The looks are the ones the ExcelJS rendering (../test/fixtures/exceljs-render.ts: font, alignment, border,
 * solidFill, restyle) gives the same write, with one difference on purpose: a style's font, fill,
 * border and alignment start from the base style's own XML, so the parts ExcelJS does not model
 * (x14 extensions, an xf's extLst…) are kept too.
 */
// @ts-nocheck

import type { CellStyle } from "../../../workbook/model";
import { PartParseError, applySplices, escapeAttr, escapeText, insertionPoint, parseXml, setAttributes } from "./xml";
import type { Splice, XmlDocument, XmlElement } from "./xml";

// ---------------------------------------------------------------------------------------------
// Built-in number formats: a numFmtId below 164 with no <numFmt> of its own means these codes.
// 0–49 ("All Languages"): ECMA-376 Part 1, §18.8.30 numFmt (Number Format), the table of implied
// formats; the Open XML SDK's NumberingFormat class documentation repeats it
// (learn.microsoft.com …/documentformat.openxml.spreadsheet.numberingformat). ExcelJS's copy
// (lib/xlsx/defaultnumformats.js) differs on 22 ('m/d/yy "h":mm') and 39/40 (a space before ";"):
// the standard's codes are used here.
// 27–36 and 50–58: the zh-CN column of the same §18.8.30 listing and of ExcelJS's
// defaultnumformats.js ('zh-cn'); a Chinese Excel saves these ids without a <numFmt>. They depend
// on the reading Excel's language, so a format is never written as one of them (see builtinId).

const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = Object.freeze({
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
});

/** The code a built-in numFmtId stands for (no <numFmt> needed), or undefined. */
export function builtinNumberFormat(id: number): string | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTIN_NUMBER_FORMATS, id) ? BUILTIN_NUMBER_FORMATS[id] : undefined;
}

/**
 * The built-in id a format is written as: only the language-independent ids (0–22, 37–49), as
 * ExcelJS does (its reverse table holds only the "all languages" codes). A zh-CN code such as
 * 'yyyy"年"m"月"' is written as a <numFmt> of its own: id 27 shows a different format in an Excel of
 * another language, and five ids share that code.
 */
function builtinId(code: string): number | undefined {
  for (let id = 0; id <= 49; id++) {
    if (id > 22 && id < 37) continue;
    if (BUILTIN_NUMBER_FORMATS[id] === code) return id;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

export interface StyleBook {
  /** Number format code of cell style (cellXfs index) xf: the custom <numFmt formatCode> for its numFmtId, else the built-in code, else "General". Out-of-range xf → "General". */
  numberFormat(xf: number): string;
  /** The cellXfs index of a cell that had style baseXf with the write's number format and CellStyle over it. */
  restyle(baseXf: number, numberFormat: string | undefined, style: CellStyle | undefined): number;
  /** The dxfs index of a conditional highlight: solid fill `fill` ("#RRGGBB"), font colour when given. */
  highlight(fill: string, fontColor?: string): number;
  /** True once anything was appended. */
  readonly changed: boolean;
  /** The part's text: the original with the appended elements and the updated counts spliced in; when nothing changed, the original text itself. */
  toXml(): string;
}

/** CT_Stylesheet's children, in schema order (ECMA-376 Part 1, sml.xsd). */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;

/** The sections this module appends to, and the name of their items. */
const LISTS = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" } as const;
type List = keyof typeof LISTS;
const LIST_NAMES = Object.keys(LISTS) as List[];

/** The order Excel writes a font's children in (CT_Font is a choice, any order is valid): where a new one goes. */
const FONT_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"];

/** An element as data: copied from the part or made here; `name` as written (with the part's prefix). */
interface Node {
  name: string;
  attrs: [string, string][];
  children: Node[];
  text: string;
}

function localOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function nodeOf(el: XmlElement): Node {
  return { name: el.name, attrs: Object.entries(el.attrs), children: el.children.map(nodeOf), text: el.text.trim() === "" ? "" : el.text };
}

function clone(node: Node): Node {
  return { name: node.name, attrs: node.attrs.map(([k, v]) => [k, v]), children: node.children.map(clone), text: node.text };
}

function serialize(node: Node): string {
  let out = `<${node.name}`;
  for (const [k, v] of node.attrs) out += ` ${k}="${escapeAttr(v)}"`;
  if (node.children.length === 0 && node.text === "") return `${out}/>`;
  return `${out}>${escapeText(node.text)}${node.children.map(serialize).join("")}</${node.name}>`;
}

/** A stable text of an element for comparing looks: attributes sorted; a font's children sorted too (CT_Font is an unordered choice). */
function canonical(node: Node): string {
  const attrs = [...node.attrs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  const kids = node.children.map(canonical);
  if (localOf(node.name) === "font") kids.sort();
  return `<${node.name} ${attrs.join(" ")}>${JSON.stringify(node.text)}${kids.join("")}</>`;
}

function getAttr(node: Node, name: string): string | undefined {
  return node.attrs.find(([k]) => k === name)?.[1];
}

function setAttr(node: Node, name: string, value: string | null): void {
  const at = node.attrs.findIndex(([k]) => k === name);
  if (value === null) {
    if (at >= 0) node.attrs.splice(at, 1);
  } else if (at >= 0) (node.attrs[at] as [string, string])[1] = value;
  else node.attrs.push([name, value]);
}

function idOf(value: string | undefined): number {
  const n = value === undefined ? 0 : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** "#RRGGBB" → "FFRRGGBB" (as ExcelJS's argb in test/fixtures/exceljs-render.ts). */
function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new RangeError(`not a #RRGGBB colour: ${color}`);
  return `FF${hex}`;
}

/** A write with no style, as a cache key. */
const NO_STYLE: CellStyle = Object.freeze({});

function namesFont(s: CellStyle): boolean {
  return s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.fontColor !== undefined;
}

function namesAlignment(s: CellStyle): boolean {
  return s.wrap !== undefined || s.horizontal !== undefined || s.vertical !== undefined;
}

function styleKey(s: CellStyle | undefined): string {
  if (!s) return "∅";
  return [s.bold, s.italic, s.fontSize, s.fontColor, s.wrap, s.horizontal, s.vertical, s.fill, s.border].map((v) => (v === undefined ? "∅" : String(v))).join("\u0001");
}

class Book implements StyleBook {
  private readonly doc: XmlDocument;
  private readonly prefix: string;
  private readonly sections = new Map<string, XmlElement>();
  /** The items the part holds, per list. */
  private readonly existing: Record<List, XmlElement[]>;
  /** Their Node copies, made when first needed. */
  private readonly existingNodes: Record<List, (Node | undefined)[]>;
  private readonly added: Record<List, Node[]>;
  /** canonical text → index, per list (first index wins), built when first needed. */
  private readonly indexes = new Map<List, Map<string, number>>();
  private readonly codeById = new Map<number, string>();
  private readonly idByCode = new Map<string, number>();
  private maxNumFmtId = 0;
  private readonly byIdentity = new Map<number, Map<CellStyle, Map<string | undefined, number>>>();
  private readonly byContent = new Map<string, number>();
  private readonly styleKeys = new WeakMap<CellStyle, string>();
  private readonly highlights = new Map<string, number>();

  constructor(text: string, part: string) {
    this.doc = parseXml(text, part);
    const root = this.doc.root;
    if (root.local !== "styleSheet") throw new PartParseError(part, `root element is <${root.name}>, not <styleSheet>`);
    this.prefix = root.name.slice(0, root.name.length - root.local.length);
    for (const c of root.children) if (!this.sections.has(c.local)) this.sections.set(c.local, c);
    const lists = {} as Record<List, XmlElement[]>;
    const nodes = {} as Record<List, (Node | undefined)[]>;
    const added = {} as Record<List, Node[]>;
    for (const list of LIST_NAMES) {
      const section = this.sections.get(list);
      lists[list] = section ? section.children.filter((c) => c.local === LISTS[list]) : [];
      nodes[list] = [];
      added[list] = [];
    }
    this.existing = lists;
    this.existingNodes = nodes;
    this.added = added;
    for (const f of lists.numFmts) {
      const id = idOf(f.attrs["numFmtId"]);
      const code = f.attrs["formatCode"] ?? "";
      if (!this.codeById.has(id)) this.codeById.set(id, code);
      if (!this.idByCode.has(code)) this.idByCode.set(code, id);
      this.maxNumFmtId = Math.max(this.maxNumFmtId, id);
    }
  }

  get changed(): boolean {
    return LIST_NAMES.some((l) => this.added[l].length > 0);
  }

  private count(list: List): number {
    return this.existing[list].length + this.added[list].length;
  }

  /** Item `i` of a list as a Node (a copy of the part's element, or one appended here), or undefined out of range. */
  private item(list: List, i: number): Node | undefined {
    if (!Number.isInteger(i) || i < 0) return undefined;
    const n = this.existing[list].length;
    if (i >= n) return this.added[list][i - n];
    let node = this.existingNodes[list][i];
    if (!node) {
      node = nodeOf(this.existing[list][i] as XmlElement);
      this.existingNodes[list][i] = node;
    }
    return node;
  }

  private index(list: List): Map<string, number> {
    let map = this.indexes.get(list);
    if (!map) {
      map = new Map();
      for (let i = 0; i < this.count(list); i++) {
        const key = canonical(this.item(list, i) as Node);
        if (!map.has(key)) map.set(key, i);
      }
      this.indexes.set(list, map);
    }
    return map;
  }

  /** The index of an item that looks like `node`: an existing one, or `node` appended. */
  private intern(list: List, node: Node): number {
    const map = this.index(list);
    const key = canonical(node);
    const known = map.get(key);
    if (known !== undefined) return known;
    const i = this.count(list);
    this.added[list].push(node);
    map.set(key, i);
    return i;
  }

  private el(local: string, attrs: [string, string][] = [], children: Node[] = []): Node {
    return { name: `${this.prefix}${local}`, attrs, children, text: "" };
  }

  numberFormat(xf: number): string {
    const node = this.item("cellXfs", xf);
    return node ? this.codeOf(node) : "General";
  }

  private codeOf(xf: Node): string {
    const id = idOf(getAttr(xf, "numFmtId"));
    return this.codeById.get(id) ?? builtinNumberFormat(id) ?? "General";
  }

  private numFmtId(code: string): number {
    const builtin = builtinId(code);
    // A part may give a built-in id a code of its own (<numFmt numFmtId="14" …/>): then the id means that.
    if (builtin !== undefined && (this.codeById.get(builtin) ?? code) === code) return builtin;
    const known = this.idByCode.get(code);
    if (known !== undefined) return known;
    const id = Math.max(163, this.maxNumFmtId) + 1;
    this.maxNumFmtId = id;
    this.added.numFmts.push(this.el("numFmt", [["numFmtId", String(id)], ["formatCode", code]]));
    this.codeById.set(id, code);
    this.idByCode.set(code, id);
    return id;
  }

  restyle(baseXf: number, numberFormat: string | undefined, style: CellStyle | undefined): number {
    if (numberFormat === undefined && style === undefined) return baseXf;
    let byStyle = this.byIdentity.get(baseXf);
    if (!byStyle) this.byIdentity.set(baseXf, (byStyle = new Map()));
    let byFormat = byStyle.get(style ?? NO_STYLE);
    if (!byFormat) byStyle.set(style ?? NO_STYLE, (byFormat = new Map()));
    let out = byFormat.get(numberFormat);
    if (out === undefined) {
      let sk = style ? this.styleKeys.get(style) : "∅";
      if (sk === undefined && style) this.styleKeys.set(style, (sk = styleKey(style)));
      const key = `${baseXf}\u0002${numberFormat === undefined ? "∅" : `=${numberFormat}`}\u0002${sk}`;
      out = this.byContent.get(key);
      if (out === undefined) {
        out = this.compute(baseXf, numberFormat, style);
        this.byContent.set(key, out);
      }
      byFormat.set(numberFormat, out);
    }
    return out;
  }

  /** A part (font, fill, border) of the new xf: its index, set on `xf` with its apply flag when it differs from the base's. */
  private setPart(xf: Node, list: "fonts" | "fills" | "borders", attr: string, flag: string, baseId: number, node: Node): boolean {
    const base = this.item(list, baseId);
    if (base && canonical(base) === canonical(node)) return false;
    const id = this.intern(list, node);
    if (id === baseId) return false;
    setAttr(xf, attr, String(id));
    setAttr(xf, flag, "1");
    return true;
  }

  private compute(baseXf: number, numberFormat: string | undefined, style: CellStyle | undefined): number {
    const base = this.item("cellXfs", baseXf) ?? this.el("xf", [["numFmtId", "0"], ["fontId", "0"], ["fillId", "0"], ["borderId", "0"], ["xfId", "0"]]);
    const xf = clone(base);
    let changed = false;
    // A format the base already shows (a zh-CN built-in id's own code, say) is no change.
    if (numberFormat !== undefined && numberFormat !== this.codeOf(base)) {
      const id = this.numFmtId(numberFormat);
      if (id !== idOf(getAttr(base, "numFmtId"))) {
        setAttr(xf, "numFmtId", String(id));
        setAttr(xf, "applyNumberFormat", "1");
        changed = true;
      }
    }
    if (style && namesFont(style)) {
      const baseId = idOf(getAttr(base, "fontId"));
      changed = this.setPart(xf, "fonts", "fontId", "applyFont", baseId, this.font(this.item("fonts", baseId), style)) || changed;
    }
    if (style?.fill !== undefined) {
      changed = this.setPart(xf, "fills", "fillId", "applyFill", idOf(getAttr(base, "fillId")), this.solidFill(style.fill)) || changed;
    }
    if (style?.border !== undefined) {
      changed = this.setPart(xf, "borders", "borderId", "applyBorder", idOf(getAttr(base, "borderId")), this.border(style.border)) || changed;
    }
    if (style && namesAlignment(style)) changed = this.align(xf, style) || changed;
    if (!changed) return baseXf;
    return this.intern("cellXfs", xf);
  }

  /** The base font with what the style names set over it (ExcelJS: a false bold or italic is no element). */
  private font(base: Node | undefined, style: CellStyle): Node {
    const font = base ? clone(base) : this.el("font");
    const put = (local: string, child: Node | null) => {
      const at = font.children.findIndex((c) => localOf(c.name) === local);
      if (at >= 0) {
        font.children = font.children.filter((c, i) => i === at || localOf(c.name) !== local);
        if (child) font.children[at] = child;
        else font.children.splice(at, 1);
        return;
      }
      if (!child) return;
      const rank = FONT_ORDER.indexOf(local);
      const next = font.children.findIndex((c) => FONT_ORDER.indexOf(localOf(c.name)) > rank);
      if (next < 0) font.children.push(child);
      else font.children.splice(next, 0, child);
    };
    if (style.bold !== undefined) put("b", style.bold ? this.el("b") : null);
    if (style.italic !== undefined) put("i", style.italic ? this.el("i") : null);
    if (style.fontSize !== undefined) put("sz", this.el("sz", [["val", String(style.fontSize)]]));
    if (style.fontColor !== undefined) put("color", this.el("color", [["rgb", argb(style.fontColor)]]));
    return font;
  }

  private solidFill(color: string): Node {
    const c = argb(color);
    return this.el("fill", [], [this.el("patternFill", [["patternType", "solid"]], [this.el("fgColor", [["rgb", c]]), this.el("bgColor", [["rgb", c]])])]);
  }

  private border(kind: NonNullable<CellStyle["border"]>): Node {
    const side = (local: string) => (kind === "none" ? this.el(local) : this.el(local, [["style", kind]], [this.el("color", [["rgb", "FF000000"]])]));
    return this.el("border", [], [side("left"), side("right"), side("top"), side("bottom"), this.el("diagonal")]);
  }

  /** The xf's <alignment> with the style's wrap and alignment set; true when that changed it. */
  private align(xf: Node, style: CellStyle): boolean {
    const at = xf.children.findIndex((c) => localOf(c.name) === "alignment");
    const before = at >= 0 ? (xf.children[at] as Node) : this.el("alignment");
    const after = clone(before);
    if (style.horizontal !== undefined) setAttr(after, "horizontal", style.horizontal);
    if (style.vertical !== undefined) setAttr(after, "vertical", style.vertical === "middle" ? "center" : style.vertical);
    if (style.wrap !== undefined) setAttr(after, "wrapText", style.wrap ? "1" : null);
    if (canonical(after) === canonical(before)) return false;
    const empty = after.attrs.length === 0 && after.children.length === 0;
    if (at >= 0) {
      if (empty) xf.children.splice(at, 1);
      else xf.children[at] = after;
    } else if (!empty) xf.children.unshift(after); // first in CT_Xf's sequence
    setAttr(xf, "applyAlignment", "1");
    return true;
  }

  highlight(fill: string, fontColor?: string): number {
    const key = `${fill}\u0001${fontColor ?? ""}`;
    const known = this.highlights.get(key);
    if (known !== undefined) return known;
    const children: Node[] = [];
    if (fontColor !== undefined) children.push(this.el("font", [], [this.el("color", [["rgb", argb(fontColor)]])]));
    children.push(this.solidFill(fill));
    const i = this.intern("dxfs", this.el("dxf", [], children));
    this.highlights.set(key, i);
    return i;
  }

  toXml(): string {
    if (!this.changed) return this.doc.text;
    const root = this.doc.root;
    const splices: Splice[] = [];
    const created: string[] = [];
    for (const list of STYLESHEET_ORDER) {
      if (!(list in LISTS)) continue;
      const added = this.added[list as List];
      if (added.length === 0) continue;
      const inner = added.map(serialize).join("");
      const count = String(this.count(list as List));
      const section = this.sections.get(list);
      if (!section) {
        const text = `<${this.prefix}${list} count="${count}">${inner}</${this.prefix}${list}>`;
        if (root.selfClosing) created.push(text);
        else splices.push({ start: insertionPoint(root, list, STYLESHEET_ORDER), end: insertionPoint(root, list, STYLESHEET_ORDER), text });
        continue;
      }
      const counted: Record<string, string> = "count" in section.attrs ? { count } : {};
      if (section.selfClosing) {
        const tag = setAttributes(this.doc, section, counted).text.replace(/\s*\/>$/, ">");
        splices.push({ start: section.start, end: section.end, text: `${tag}${inner}</${section.name}>` });
      } else {
        if ("count" in section.attrs) splices.push(setAttributes(this.doc, section, counted));
        splices.push({ start: section.closeStart, end: section.closeStart, text: inner });
      }
    }
    if (created.length > 0) {
      const tag = this.doc.text.slice(root.start, root.end).replace(/\s*\/>$/, ">");
      splices.push({ start: root.start, end: root.end, text: `${tag}${created.join("")}</${root.name}>` });
    }
    return applySplices(this.doc.text, splices);
  }
}

/** Reads xl/styles.xml (or the part named `part`); throws PartParseError when it is not well-formed or not a styleSheet. */
export function parseStyles(text: string, part = "xl/styles.xml"): StyleBook {
  return new Book(text, part);
}

/** A minimal styles.xml for a new workbook: Calibri 11, the two required fills, no border, the Normal style, no dxfs. */
export function newStylesXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/>' +
    "</styleSheet>"
  );
}
