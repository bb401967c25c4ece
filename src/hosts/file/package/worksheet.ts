/**
 * A worksheet part (SpreadsheetML CT_Worksheet): read into the sheet model's cells and merges, and
 * changed in place. A write replaces only the <c> element of its address (or inserts one, in column
 * order, into its row — or a new row, in row order); the sheet's other cells, its rows' attributes,
 * and everything outside <sheetData> (views, columns, validations, conditional formats, hyperlinks,
 * page setup in any valid spelling, extLst with sparklines and x14 validations, drawings) stay as
 * written, byte for byte. Only these can change besides the written cells: <dimension> and a row's
 * `spans` widened when a cell is added outside them, <sheetProtection> for 定稿 / 解除定稿, and a
 * shared formula's master moved when the product overwrites the cell that held it.
 */
import type { CellStyle, CellWrite, MergedRange, ReadCell } from "../../../workbook/model";
import { a1, parseA1 } from "../../../workbook/model";
import { isDateFormat } from "../../../workbook/read/grid";
import { applySplices, child, children, escapeAttr, escapeText, insertionPoint, NO_CHILDREN, parseXml, setAttributes, type Splice, type XmlDocument, type XmlElement } from "./xml";

/** What a worksheet needs of the styles part (styles.ts's StyleBook satisfies it). */
export interface CellStyles {
  numberFormat(xf: number): string;
  restyle(baseXf: number, numberFormat: string | undefined, style: CellStyle | undefined): number;
}

/** The children of <worksheet> in the schema's order (ECMA-376 Part 1 §18.3.1.99 CT_Worksheet). */
export const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
] as const;

/** Days between the 1904 and the 1900 date systems' day 0 (ECMA-376 Part 1 §18.17.4.1). */
const DATE_1904_OFFSET = 1462;

export interface WorksheetContext {
  part: string;
  sharedStrings: readonly string[];
  styles: CellStyles;
  /** workbookPr date1904: date serials are counted from 1904 (the snapshot gives 1900 serials). */
  date1904: boolean;
}

/**
 * A cell of a parsed worksheet, kept compact: the <c> element's place in the text and what the
 * product reads of it, not a tree of elements. A sheet's cells are most of its elements, and the
 * parsed parts are kept from the read to the apply after it; three objects and an attribute table
 * per cell were most of what a fresh process's garbage collector copied (issue 13's speed budget).
 */
interface CellSite {
  row: number;
  col: number;
  /** Offset of "<" of the <c> start tag. */
  start: number;
  /** Offset just after the element's last ">". */
  end: number;
  /** Attributes s, t, ph as written (entity-decoded); undefined when absent. */
  s: string | undefined;
  t: string | undefined;
  ph: string | undefined;
  /** The text of <v>, when there is one. */
  v: string | undefined;
  /** <f>, when there is one. */
  f: FormulaSite | undefined;
  /** The plain text of <is> (an inline string), when there is one. */
  is: string | undefined;
}

/** A cell's <f> element: its text, the attributes a shared formula needs, its place. */
interface FormulaSite {
  name: string;
  text: string;
  t: string | undefined;
  si: string | undefined;
  ref: string | undefined;
  start: number;
  openEnd: number;
  end: number;
}

interface RowSite {
  row: number;
  el: XmlElement;
  cells: CellSite[];
}

/** Plain text of a <si> or <is>: its <t>, or its runs' <t>s (phonetic runs left out), as Excel shows it. */
export function stringItemText(item: XmlElement): string {
  const t = child(item, "t");
  if (t) return t.text;
  let out = "";
  for (const r of children(item, "r")) out += child(r, "t")?.text ?? "";
  return out;
}

/** The shared string table (xl/sharedStrings.xml), as plain texts by index. */
export function readSharedStrings(text: string, part: string): string[] {
  return children(parseXml(text, part).root, "si").map(stringItemText);
}

function isoToSerial(iso: string): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
  return Number.isFinite(ms) ? 25569 + ms / 86_400_000 : null;
}

// ---------------------------------------------------------------------------------------------
// Shared formulas (§18.3.1.40 f, t="shared"): only the master cell holds the text; the others hold
// si and take the master's formula with relative references moved by their offset. The same
// moving as ExcelJS's lib/utils/shared-formula.js slideFormula, plus string literals left alone.

const CANDIDATE = /"(?:[^"]|"")*"|(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** The formula of the cell `to` that shares the formula `formula` of `from`. */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(CANDIDATE, (match: string, sheet: string | undefined, _s: string | undefined, addr: string | undefined, paren: string | undefined) => {
    if (addr === undefined || paren) return match; // a string literal, or a function name
    const m = CELL_REF.exec(addr);
    if (!m) return match;
    const letters = (m[2] ?? "").toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return match; // a name, not a column
    let col = 0;
    for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
    let row = Number(m[4]);
    if (!m[1]) col += to.col - from.col;
    if (!m[3]) row += to.row - from.row;
    if (col < 1 || row < 1) return match;
    return `${sheet ?? ""}${m[1] ?? ""}${a1(1, col).replace(/\d+$/, "")}${m[3] ?? ""}${row}`;
  });
}

// ---------------------------------------------------------------------------------------------

interface RowIndex {
  rows: RowSite[];
  byNumber: Map<number, RowSite>;
}

/** The rows and cells of a parsed part, made once per parse: a read and the apply after it share it. */
const rowIndexes = new WeakMap<XmlDocument, RowIndex>();

/** A cell element of a tree (a part parsed by parseXml, not parseWorksheetXml) as a compact site. */
function siteOfElement(row: number, col: number, c: XmlElement): CellSite {
  const f = child(c, "f");
  const v = child(c, "v");
  const is = child(c, "is");
  return {
    row,
    col,
    start: c.start,
    end: c.end,
    s: c.attrs.s,
    t: c.attrs.t,
    ph: c.attrs.ph,
    v: v ? v.text : undefined,
    f: f ? { name: f.name, text: f.text, t: f.attrs.t, si: f.attrs.si, ref: f.attrs.ref, start: f.start, openEnd: f.openEnd, end: f.end } : undefined,
    is: is ? stringItemText(is) : undefined,
  };
}

function rowIndexOf(doc: XmlDocument, sheetData: XmlElement | undefined): RowIndex {
  const known = rowIndexes.get(doc);
  if (known) return known;
  const index: RowIndex = { rows: [], byNumber: new Map() };
  let lastRow = 0;
  for (const r of sheetData ? sheetData.children : []) {
    if (r.local !== "row") continue;
    const rowNumber = r.attrs.r !== undefined ? Number(r.attrs.r) : lastRow + 1;
    lastRow = rowNumber;
    const site: RowSite = { row: rowNumber, el: r, cells: [] };
    let lastCol = 0;
    for (const c of r.children) {
      if (c.local !== "c") continue;
      const col = c.attrs.r !== undefined ? parseA1(c.attrs.r).col : lastCol + 1;
      lastCol = col;
      site.cells.push(siteOfElement(rowNumber, col, c));
    }
    index.rows.push(site);
    index.byNumber.set(rowNumber, site);
  }
  rowIndexes.set(doc, index);
  return index;
}

/**
 * One string kept for each value: a cell's s and t are a few values over thousands of cells (a
 * parser makes a new string every time), so what survives a parse is smaller.
 */
function interner(): (v: string | undefined) => string | undefined {
  const known = new Map<string | undefined, string | undefined>();
  return (v) => {
    const k = known.get(v);
    // Stryker disable next-line ConditionalExpression: interning only saves memory, the values are the same either way
    if (k !== undefined) return k;
    known.set(v, v);
    return v;
  };
}

/**
 * A worksheet part parsed for the file mode: the same tree as parseXml for everything but the
 * insides of <sheetData>'s rows, whose cells are kept as compact sites (CellSite) instead of
 * elements. The same parser (saxes), so the same well-formedness checks and PartParseError — but
 * the cells of the plain kind Excel, LibreOffice, WPS and this product write are read by scanCells
 * (below) and saxes reads the rest of the part; anything else in <sheetData> and saxes reads it all.
 * `fast`: false for saxes alone (the tests' oracle).
 */
// Stryker disable next-line BooleanLiteral: saxes alone reads the same document (scan-cells.test.ts), only slower
export function parseWorksheetXml(text: string, part: string, fast = true): XmlDocument {
  // Stryker disable next-line ConditionalExpression,BlockStatement: saxes alone reads the same document, only slower
  if (fast) {
    const doc = parseWithScannedCells(text, part);
    // Stryker disable next-line ConditionalExpression: saxes alone reads the same document, only slower
    if (doc) return doc;
  }
  return parseWorksheetWithSaxes(text, part);
}

function parseWorksheetWithSaxes(text: string, part: string): XmlDocument {
  const rows: RowSite[] = [];
  const byNumber = new Map<number, RowSite>();
  let lastRow = 0;
  let row: RowSite | null = null;
  let lastCol = 0;
  let cell: CellSite | null = null;
  let formula: FormulaSite | null = null;
  // Stryker disable next-line StringLiteral: set when each <v> opens; the first value is never read
  let value = "";
  // An inline string's <t>, or its runs' <t>s (stringItemText's rule).
  let isText: string | null = null;
  // Stryker disable next-line StringLiteral: set when each <is> opens; the first value is never read
  let isRuns = "";
  // Local names from a row's child down (c, f, v, is, r, t, rPh, extLst …).
  const path: string[] = [];
  const intern = interner();
  const doc = parseXml(text, part, {
    flatten(el, parent) {
      // Stryker disable next-line OptionalChaining: only the root has no parent, and it is never a row
      if (el.local !== "row" || parent?.local !== "sheetData") return false;
      const rowNumber = el.attrs.r !== undefined ? Number(el.attrs.r) : lastRow + 1;
      lastRow = rowNumber;
      lastCol = 0;
      // Stryker disable next-line ArrayDeclaration: a non-cell in the list reads as an empty cell, the same as none
      row = { row: rowNumber, el, cells: [] };
      rows.push(row);
      byNumber.set(rowNumber, row);
      return true;
    },
    open(name, attributes, start, openEnd) {
      const local = name.slice(name.indexOf(":") + 1);
      const depth = path.length;
      path.push(local);
      if (depth === 0) {
        if (local !== "c") return; // a row's extLst
        const r = row as RowSite; // open() is called only inside the row flatten() has just made
        const col = attributes.r !== undefined ? parseA1(attributes.r).col : lastCol + 1;
        lastCol = col;
        cell = { row: r.row, col, start, end: start, s: intern(attributes.s), t: intern(attributes.t), ph: attributes.ph, v: undefined, f: undefined, is: undefined };
        r.cells.push(cell);
      } else if (depth === 1 && cell !== null) {
        // The first <f>, <v> and <is> of a cell count, as child() finds them in a tree. A self-closing
        // element's start tag ends where the element does: openEnd is its end.
        if (local === "f" && cell.f === undefined) formula = { name, text: "", t: attributes.t, si: attributes.si, ref: attributes.ref, start, openEnd, end: openEnd };
        else if (local === "v") value = "";
        // Stryker disable next-line ConditionalExpression: resetting at another element is harmless: an <is> resets them when it opens
        else if (local === "is") {
          isText = null;
          isRuns = "";
        }
      }
    },
    text(t) {
      const depth = path.length;
      const here = path[depth - 1];
      if (depth === 2) {
        if (here === "v") value += t;
        else if (formula !== null) formula.text += t; // inside the cell's first <f>
        // Stryker disable next-line ConditionalExpression,LogicalOperator: a <t> outside <is> only touches what the next <is> resets
      } else if (path[1] === "is" && here === "t") {
        // <is><t>, or <is><r><t> (a run); phonetic runs (<rPh>) left out, as stringItemText does.
        if (depth === 3) isText = (isText ?? "") + t;
        // Stryker disable next-line ConditionalExpression,LogicalOperator: a <t> deeper in a run does not occur (CT_RElt holds rPr and t)
        else if (depth === 4 && path[2] === "r") isRuns += t;
      }
    },
    close(end) {
      const local = path.pop();
      const depth = path.length;
      if (cell === null) return;
      if (depth === 0) {
        cell.end = end;
        cell = null;
      } else if (depth === 1) {
        if (local === "v" && cell.v === undefined) cell.v = value;
        else if (local === "is" && cell.is === undefined) cell.is = isText ?? isRuns;
        else if (formula !== null) {
          formula.end = end;
          cell.f = formula;
          formula = null;
        }
      }
    },
  });
  rowIndexes.set(doc, { rows, byNumber });
  return doc;
}

// ---------------------------------------------------------------------------------------------
// The cells of the plain kind, read without saxes (issue 13's speed budget: saxes's events, a dozen
// calls a cell, are most of a fresh process's parse of a 120-month book's 24,000 cells). Each cell is
// matched whole by one regular expression, run by V8's native regular expression engine, and kept as
// the same CellSite saxes's reading makes. Measured with the command line's raised interrupt budget
// (bin/): a 120-month score 20–30 ms faster (paired medians of 30 and 40 interleaved processes).
// What the expressions do not match is declined, and saxes reads the whole part: every refusal and
// every message is saxes's.
// Declined: comments, CDATA, processing instructions, a carriage return, characters outside
// [\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd] (astral text, controls, U+FFFE/FFFF), an
// attribute quoted with "'", a tab or line feed in an attribute value (saxes normalises them), a
// repeated attribute, an entity other than the five predefined and references to plain characters,
// a prefixed element, children of <c> other than <f>, <v>, <is><t> in that order, rich text runs,
// text other than whitespace between rows and cells. test/hosts/file/package/scan-cells.test.ts
// compares the two readings: the same tree, cells and text after writes, or the same refusal.

const XML_SPACE = "[ \\t\\n]";
const ATTRIBUTES = `((?:${XML_SPACE}+[A-Za-z_:][A-Za-z0-9_:.-]*${XML_SPACE}*=${XML_SPACE}*"[^"<]*")*)${XML_SPACE}*`;
/** A row's start tag, after any whitespace: 1 whitespace, 2 attributes, 3 "/" when self-closing. */
const ROW_START = new RegExp(`(${XML_SPACE}*)<row${ATTRIBUTES}(/?)>`, "y");
/**
 * A cell, whole: 1 its start tag up to ">" or "/>", 2 attributes; 3 <f>'s start tag up to ">" or
 * "/>", 4 its attributes, 5 its text (none when self-closing); 6 <v>'s text, 7 "<v/>"; 8 <is>'s text.
 */
const CELL = new RegExp(
  `(<c${ATTRIBUTES})(?:/>|>(?:(<f${ATTRIBUTES})(?:/>|>([^<]*)</f>))?(?:<v>([^<]*)</v>|(<v/>))?(?:<is><t(?:${XML_SPACE}+xml:space${XML_SPACE}*=${XML_SPACE}*"preserve")?${XML_SPACE}*>([^<]*)</t></is>)?</c>)`,
  "y",
);
const ROW_END = new RegExp(`(${XML_SPACE}*)</row>`, "y");
const ATTRIBUTE = new RegExp(`${XML_SPACE}+([A-Za-z_:][A-Za-z0-9_:.-]*)${XML_SPACE}*=${XML_SPACE}*"([^"<]*)"`, "g");
/** What the scan leaves to saxes wherever it stands in <sheetData>. */
const NOT_PLAIN = /[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd]|<[!?]|\]\]>/;
const REFERENCE = /&([^;&]*);?/g;
/** A character reference's number: 1 decimal, 2 hexadecimal. */
const CHARACTER_REFERENCE = /^#(?:([0-9]{1,7})|x([0-9A-Fa-f]{1,6}))$/;

/** Text or an attribute value with its references decoded; null when one is not plain (left to saxes). */
function decodePlain(raw: string): string | null {
  // Stryker disable next-line ConditionalExpression,StringLiteral: without the shortcut the replacement finds nothing and gives the same text
  if (!raw.includes("&")) return raw;
  let ok = true;
  const out = raw.replace(REFERENCE, (whole: string, ref: string) => {
    if (!whole.endsWith(";")) ok = false;
    else if (ref === "lt") return "<";
    else if (ref === "gt") return ">";
    else if (ref === "amp") return "&";
    else if (ref === "quot") return '"';
    else if (ref === "apos") return "'";
    else {
      const m = CHARACTER_REFERENCE.exec(ref);
      // Stryker disable next-line UnaryOperator: -1 or 1, neither is a character taken
      const code = m === null ? -1 : m[1] !== undefined ? Number(m[1]) : parseInt(m[2] as string, 16);
      if (code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code < 0xd800) || (code >= 0xe000 && code <= 0xfffd)) return String.fromCharCode(code);
      ok = false;
    }
    // Stryker disable next-line StringLiteral: reached only when the reference is not plain, and then the whole text is dropped
    return "";
  });
  return ok ? out : null;
}

/** An attribute list's values by name (as saxes gives them); null when one is repeated, has a tab or line feed, or a reference that is not plain. */
function attributesOf(list: string): Record<string, string> | null {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(list); m !== null; m = ATTRIBUTE.exec(list)) {
    const name = m[1] as string;
    const raw = m[2] as string;
    if (name in out || raw.includes("\t") || raw.includes("\n")) return null;
    const value = decodePlain(raw);
    if (value === null) return null;
    out[name] = value;
  }
  return out;
}

/**
 * The part read with its cells scanned: saxes reads the part without <sheetData>'s content, and the
 * content's rows and cells are read by the expressions above. null: declined (saxes reads it all).
 */
export function parseWithScannedCells(text: string, part: string): XmlDocument | null {
  const open = text.indexOf("<sheetData>");
  // Stryker disable next-line ConditionalExpression,EqualityOperator: searched from offset 10 instead, what is found is not where saxes opens the element: declined all the same
  if (open < 0) return null;
  const from = open + "<sheetData>".length;
  const to = text.indexOf("</sheetData>", from);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with no end tag saxes refuses the part cut at -1 as well: declined all the same
  if (to < 0 || NOT_PLAIN.test(text.slice(from, to))) return null;
  const scanned = scanCells(text, from, to);
  if (!scanned) return null;
  let doc: XmlDocument;
  try {
    doc = parseXml(text.slice(0, from) + text.slice(to), part, undefined, { at: from, length: to - from });
  } catch {
    return null; // saxes reads the whole part, and reports where the part really goes wrong
  }
  // The worksheet's own <sheetData> opened where the search found it (not inside a comment, nor in
  // another element): then its end tag is the first after it, since the scan took the text between.
  const sheetData = child(doc.root, "sheetData");
  if (!sheetData || sheetData.openEnd !== from) return null;
  (sheetData as { children: readonly XmlElement[] }).children = scanned.rows.map((r) => r.el);
  sheetData.text = scanned.between;
  const byNumber = new Map<number, RowSite>();
  for (const r of scanned.rows) byNumber.set(r.row, r);
  const whole: XmlDocument = { text, root: doc.root };
  rowIndexes.set(whole, { rows: scanned.rows, byNumber });
  return whole;
}

/** The rows and cells of text[from, to), <sheetData>'s content; null when it is not of the plain kind. */
function scanCells(text: string, from: number, to: number): { rows: RowSite[]; between: string } | null {
  const rows: RowSite[] = [];
  // Whitespace between the rows: <sheetData>'s own text, as saxes gives it.
  let between = "";
  let lastRow = 0;
  const intern = interner();
  let at = from;
  // Rows until only whitespace is left before </sheetData> (neither a row nor a cell can run past its "<").
  for (;;) {
    ROW_START.lastIndex = at;
    const rm = ROW_START.exec(text);
    if (!rm) {
      // Only whitespace may follow the last row.
      if (/^[ \t\n]*$/.test(text.slice(at, to))) {
        between += text.slice(at, to);
        break;
      }
      return null;
    }
    between += rm[1] as string;
    const attrs = attributesOf(rm[2] as string);
    if (!attrs) return null;
    const start = rm.index + (rm[1] as string).length;
    const selfClosing = rm[3] === "/";
    at = ROW_START.lastIndex;
    const rowNumber = attrs.r !== undefined ? Number(attrs.r) : lastRow + 1;
    lastRow = rowNumber;
    const el: XmlElement = { name: "row", local: "row", attrs, start, openEnd: at, closeStart: at, end: at, selfClosing, children: NO_CHILDREN, text: "" };
    // Stryker disable next-line ArrayDeclaration: a non-cell in the list reads as an empty cell, the same as none
    const cells: CellSite[] = [];
    rows.push({ row: rowNumber, el, cells });
    if (selfClosing) continue;
    let lastCol = 0;
    for (;;) {
      ROW_END.lastIndex = at;
      const end = ROW_END.exec(text);
      if (end) {
        el.text += end[1] as string;
        el.closeStart = at + (end[1] as string).length;
        at = ROW_END.lastIndex;
        el.end = at;
        break;
      }
      // Whitespace between cells is the row's own text.
      let ws = at;
      while (text.charCodeAt(ws) === 32 || text.charCodeAt(ws) === 9 || text.charCodeAt(ws) === 10) ws++;
      el.text += text.slice(at, ws);
      CELL.lastIndex = ws;
      const m = CELL.exec(text);
      if (!m) return null;
      const cellStart = ws;
      at = CELL.lastIndex;
      const cellAttrs = attributesOf(m[2] as string);
      if (!cellAttrs) return null;
      let col: number;
      if (cellAttrs.r !== undefined) {
        try {
          col = parseA1(cellAttrs.r).col;
        } catch {
          return null;
        }
      } else col = lastCol + 1;
      lastCol = col;
      let f: FormulaSite | undefined;
      const fHead = m[3];
      if (fHead !== undefined) {
        const fAttrs = attributesOf(m[4] as string);
        const fText = m[5] === undefined ? "" : decodePlain(m[5]);
        if (!fAttrs || fText === null) return null;
        const fStart = cellStart + (m[1] as string).length + 1;
        const openEnd = fStart + fHead.length + (m[5] === undefined ? 2 : 1);
        // Stryker disable next-line ArithmeticOperator: a formula's end is used only where its text is empty (a shared formula's new master), and there the two agree
        f = { name: "f", text: fText, t: fAttrs.t, si: fAttrs.si, ref: fAttrs.ref, start: fStart, openEnd, end: m[5] === undefined ? openEnd : openEnd + m[5].length + 4 };
      }
      const v = m[6] !== undefined ? decodePlain(m[6]) : m[7] !== undefined ? "" : undefined;
      const is = m[8] !== undefined ? decodePlain(m[8]) : undefined;
      if (v === null || is === null) return null;
      cells.push({ row: rowNumber, col, start: cellStart, end: at, s: intern(cellAttrs.s), t: intern(cellAttrs.t), ph: cellAttrs.ph, v, f, is });
    }
  }
  return { rows, between };
}

/** A parsed worksheet part: its cells to read, and the edits to make. */
export class WorksheetPart {
  readonly doc: XmlDocument;
  private readonly sheetData: XmlElement | undefined;
  private readonly rows: readonly RowSite[];
  private readonly rowByNumber: ReadonlyMap<number, RowSite>;
  private readonly prefix: string;
  /** Writes by address key (row * 16384 + col): the final cell XML and its place. */
  private readonly writes = new Map<number, { row: number; col: number; xf: number; xml: string }>();
  private protection: boolean | null = null;
  /** An existing formula was overwritten: the calculation chain no longer matches the sheet. */
  formulasRemoved = false;

  /** `source`: the part's text, or the part already parsed (OpcPackage.xml). */
  constructor(
    source: string | XmlDocument,
    private readonly ctx: WorksheetContext,
  ) {
    this.doc = typeof source === "string" ? parseWorksheetXml(source, ctx.part) : source;
    const root = this.doc.root;
    this.prefix = root.name.includes(":") ? `${root.name.slice(0, root.name.indexOf(":"))}:` : "";
    this.sheetData = child(root, "sheetData");
    const index = rowIndexOf(this.doc, this.sheetData);
    this.rows = index.rows;
    this.rowByNumber = index.byNumber;
  }

  merges(): MergedRange[] {
    const mc = child(this.doc.root, "mergeCells");
    if (!mc) return [];
    const out: MergedRange[] = [];
    for (const m of children(mc, "mergeCell")) {
      const [from, to] = (m.attrs.ref ?? "").split(":");
      if (!from) continue;
      const a = parseA1(from);
      const b = to ? parseA1(to) : a;
      out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
    }
    return out;
  }

  /** True when <sheetProtection sheet="1"> (or "true") is there. */
  isProtected(): boolean {
    const p = child(this.doc.root, "sheetProtection");
    return p !== undefined && (p.attrs.sheet === "1" || p.attrs.sheet === "true");
  }

  /** The cells with a value or a formula, row-major; a merged range's cells but its top-left left out (their value is the master's). */
  cells(): ReadCell[] {
    const covered = new Set<number>();
    for (const m of this.merges()) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(r * 16384 + c);
    }
    const masters = this.sharedMasters();
    const out: ReadCell[] = [];
    for (const row of this.rows) {
      for (const site of row.cells) {
        if (covered.size > 0 && covered.has(site.row * 16384 + site.col)) continue;
        const cell = this.readCell(site, masters);
        if (cell) out.push(cell);
      }
    }
    return out;
  }

  /** Shared formula masters by si: their text and address. */
  private sharedMasters(): Map<string, { formula: string; row: number; col: number }> {
    const out = new Map<string, { formula: string; row: number; col: number }>();
    for (const row of this.rows) {
      for (const site of row.cells) {
        const f = site.f;
        if (f && f.t === "shared" && f.si !== undefined && f.ref !== undefined && f.text !== "") out.set(f.si, { formula: f.text, row: site.row, col: site.col });
      }
    }
    return out;
  }

  private readCell(site: CellSite, masters: Map<string, { formula: string; row: number; col: number }>): ReadCell | null {
    const t = site.t ?? "n";
    const f = site.f;
    let formula: string | undefined;
    if (f) {
      if (f.text !== "") formula = f.text;
      else if (f.t === "shared" && f.si !== undefined) {
        const m = masters.get(f.si);
        if (m) formula = slideFormula(m.formula, m, site);
      }
    }
    const xf = site.s !== undefined ? Number(site.s) : 0;
    const numberFormat = this.ctx.styles.numberFormat(xf);
    let value: ReadCell["value"] = null;
    if (t === "inlineStr") {
      value = site.is ?? null;
    } else if (site.v !== undefined) {
      const raw = site.v;
      if (t === "s") value = this.ctx.sharedStrings[Number(raw)] ?? null;
      else if (t === "str" || t === "e") value = raw;
      else if (t === "b") value = raw === "1" || raw.toLowerCase() === "true";
      else if (t === "d") value = isoToSerial(raw);
      else {
        const n = Number(raw);
        value = raw.trim() === "" || !Number.isFinite(n) ? null : this.ctx.date1904 && isDateFormat(numberFormat) ? n + DATE_1904_OFFSET : n;
      }
    }
    if (value === null && formula === undefined) return null;
    const out: ReadCell = { row: site.row, col: site.col, value, numberFormat: t === "d" && numberFormat === "General" ? "yyyy-mm-dd" : numberFormat };
    if (formula !== undefined) out.formula = formula.replace(/^=/, "");
    return out;
  }

  private site(row: number, col: number): CellSite | undefined {
    return this.rowByNumber.get(row)?.cells.find((c) => c.col === col);
  }

  /** The style a new cell takes: its row's (customFormat), else its column's, else the default. */
  private inheritedXf(row: number, col: number): number {
    const r = this.rowByNumber.get(row)?.el;
    if (r && (r.attrs.customFormat === "1" || r.attrs.customFormat === "true") && r.attrs.s !== undefined) return Number(r.attrs.s);
    const cols = child(this.doc.root, "cols");
    for (const c of cols ? children(cols, "col") : []) {
      if (Number(c.attrs.min) <= col && col <= Number(c.attrs.max) && c.attrs.style !== undefined) return Number(c.attrs.style);
    }
    return 0;
  }

  /**
   * Sets a cell: its value (text always as text, an inline string), the product's formula if the
   * write has one, and — when the write names a number format or a style — a style derived from the
   * cell's; without either the cell keeps its style. A later write to the same address builds on
   * the earlier one's style.
   */
  setCell(w: CellWrite): void {
    const { row, col } = parseA1(w.address);
    const key = row * 16384 + col;
    const existing = this.site(row, col);
    const before = this.writes.get(key);
    const baseXf = before ? before.xf : existing?.s !== undefined ? Number(existing.s) : this.inheritedXf(row, col);
    const xf = w.numberFormat !== undefined || w.style ? this.ctx.styles.restyle(baseXf, w.numberFormat, w.style) : baseXf;
    const ph = existing?.ph;
    this.writes.set(key, { row, col, xf, xml: cellXml(this.prefix, a1(row, col), xf, w, ph) });
    if (existing?.f) this.formulasRemoved = true;
  }

  /** 定稿 (true) or 解除定稿 (false): <sheetProtection> added or removed. */
  setProtection(protect: boolean): void {
    this.protection = protect;
  }

  get changed(): boolean {
    return this.writes.size > 0 || (this.protection !== null && this.protection !== this.isProtected());
  }

  toXml(): string {
    if (!this.changed) return this.doc.text;
    const splices: Splice[] = [];
    const p = this.prefix;
    if (this.writes.size > 0) {
      if (!this.sheetData) throw new Error(`${this.ctx.part}: no <sheetData>`);
      splices.push(...this.cellSplices(this.sheetData));
      splices.push(...this.sharedFormulaSplices());
      const dim = this.dimensionSplice();
      if (dim) splices.push(dim);
    }
    if (this.protection !== null && this.protection !== this.isProtected()) {
      const existing = child(this.doc.root, "sheetProtection");
      if (this.protection) {
        if (existing) splices.push(setAttributes(this.doc, existing, { sheet: "1" }));
        else {
          const at = insertionPoint(this.doc.root, "sheetProtection", WORKSHEET_ORDER);
          splices.push({ start: at, end: at, text: `<${p}sheetProtection sheet="1" objects="1" scenarios="1"/>` });
        }
      } else if (existing) {
        splices.push({ start: existing.start, end: existing.end, text: "" });
      }
    }
    return applySplices(this.doc.text, splices);
  }

  private cellSplices(sheetData: XmlElement): Splice[] {
    const splices: Splice[] = [];
    const p = this.prefix;
    // New rows, by the offset they go in at; new cells of existing rows, likewise.
    const newRows = new Map<number, { row: number; cells: { col: number; xml: string }[] }>();
    const inserts = new Map<number, { col: number; xml: string }[]>();
    const byRow = new Map<number, { col: number; xml: string; key: number }[]>();
    for (const [key, w] of this.writes) {
      let list = byRow.get(w.row);
      if (!list) byRow.set(w.row, (list = []));
      list.push({ col: w.col, xml: w.xml, key });
    }
    const expandRows: Splice[] = [];
    for (const [rowNumber, writes] of byRow) {
      writes.sort((a, b) => a.col - b.col);
      const site = this.rowByNumber.get(rowNumber);
      if (!site) {
        newRows.set(rowNumber, { row: rowNumber, cells: writes });
        continue;
      }
      let expandedInner = "";
      for (const w of writes) {
        const existing = site.cells.find((c) => c.col === w.col);
        if (existing) {
          splices.push({ start: existing.start, end: existing.end, text: w.xml });
          continue;
        }
        if (site.el.selfClosing) {
          expandedInner += w.xml;
          continue;
        }
        const next = site.cells.find((c) => c.col > w.col);
        const at = next ? next.start : site.el.closeStart;
        let list = inserts.get(at);
        if (!list) inserts.set(at, (list = []));
        list.push(w);
      }
      const spans = site.el.attrs.spans;
      const cols = writes.map((w) => w.col);
      let spansChange: Record<string, string> | null = null;
      if (spans !== undefined && /^\d+:\d+$/.test(spans)) {
        const [lo, hi] = spans.split(":").map(Number) as [number, number];
        const nlo = Math.min(lo, ...cols);
        const nhi = Math.max(hi, ...cols);
        if (nlo !== lo || nhi !== hi) spansChange = { spans: `${nlo}:${nhi}` };
      }
      if (site.el.selfClosing && expandedInner) {
        const tag = this.doc.text.slice(site.el.start, site.el.end);
        let open = tag.replace(/\s*\/>$/, ">");
        if (spansChange) open = open.replace(/spans\s*=\s*("[^"]*"|'[^']*')/, `spans="${spansChange.spans}"`);
        expandRows.push({ start: site.el.start, end: site.el.end, text: `${open}${expandedInner}</${site.el.name}>` });
      } else if (spansChange) {
        splices.push(setAttributes(this.doc, site.el, spansChange));
      }
    }
    for (const [at, list] of inserts) splices.push({ start: at, end: at, text: list.map((w) => w.xml).join("") });
    splices.push(...expandRows);
    // New rows go in before the first row with a greater number.
    const rowInserts = new Map<number, string[]>();
    const pending: string[] = [];
    for (const nr of [...newRows.values()].sort((a, b) => a.row - b.row)) {
      const next = this.rows.find((r) => r.row > nr.row);
      const xml = `<${p}row r="${nr.row}">${nr.cells.map((c) => c.xml).join("")}</${p}row>`;
      if (!next) {
        pending.push(xml);
        continue;
      }
      let list = rowInserts.get(next.el.start);
      if (!list) rowInserts.set(next.el.start, (list = []));
      list.push(xml);
    }
    for (const [at, list] of rowInserts) splices.push({ start: at, end: at, text: list.join("") });
    if (pending.length > 0) {
      if (sheetData.selfClosing) {
        const tag = this.doc.text.slice(sheetData.start, sheetData.end).replace(/\s*\/>$/, ">");
        splices.push({ start: sheetData.start, end: sheetData.end, text: `${tag}${pending.join("")}</${sheetData.name}>` });
      } else {
        splices.push({ start: sheetData.closeStart, end: sheetData.closeStart, text: pending.join("") });
      }
    }
    return splices;
  }

  /**
   * A shared formula whose master cell the product overwrote, while cells still share it: the first
   * of those (row-major) becomes the master, with the formula moved to its place and the range
   * narrowed to the cells left. Without this Excel would find cells pointing at a formula that is gone.
   */
  private sharedFormulaSplices(): Splice[] {
    const splices: Splice[] = [];
    const masters = this.sharedMasters();
    for (const [si, master] of masters) {
      if (!this.writes.has(master.row * 16384 + master.col)) continue;
      const left: CellSite[] = [];
      for (const row of this.rows) {
        for (const site of row.cells) {
          if (this.writes.has(site.row * 16384 + site.col)) continue;
          const f = site.f;
          if (f && f.t === "shared" && f.si === si && f.text === "") left.push(site);
        }
      }
      const first = left[0];
      if (!first) continue;
      const f = first.f as FormulaSite;
      const top = Math.min(...left.map((s) => s.row));
      const bottom = Math.max(...left.map((s) => s.row));
      const l = Math.min(...left.map((s) => s.col));
      const r = Math.max(...left.map((s) => s.col));
      const ref = top === bottom && l === r ? a1(top, l) : `${a1(top, l)}:${a1(bottom, r)}`;
      const open = this.doc.text.slice(f.start, f.openEnd).replace(/\s*\/?>$/, "").replace(/\sref\s*=\s*("[^"]*"|'[^']*')/, "");
      splices.push({ start: f.start, end: f.end, text: `${open} ref="${ref}">${escapeText(slideFormula(master.formula, master, first))}</${f.name}>` });
    }
    return splices;
  }

  /** <dimension ref> widened to the written cells, when it is there and they fall outside. */
  private dimensionSplice(): Splice | null {
    const dim = child(this.doc.root, "dimension");
    const ref = dim?.attrs.ref;
    if (!dim || ref === undefined) return null;
    const [from, to] = ref.split(":");
    let box: MergedRange;
    try {
      const a = parseA1(from ?? "");
      const b = to ? parseA1(to) : a;
      box = { top: a.row, left: a.col, bottom: b.row, right: b.col };
    } catch {
      return null;
    }
    const grown = { ...box };
    for (const w of this.writes.values()) {
      grown.top = Math.min(grown.top, w.row);
      grown.bottom = Math.max(grown.bottom, w.row);
      grown.left = Math.min(grown.left, w.col);
      grown.right = Math.max(grown.right, w.col);
    }
    if (grown.top === box.top && grown.bottom === box.bottom && grown.left === box.left && grown.right === box.right) return null;
    return setAttributes(this.doc, dim, { ref: `${a1(grown.top, grown.left)}:${a1(grown.bottom, grown.right)}` });
  }
}

/** A number as SpreadsheetML writes it (xsd:double); String(-0) is already "0". */
export function numberText(n: number): string {
  return String(n);
}

function tText(prefix: string, text: string): string {
  const preserve = /^\s|\s$|[\n\r\t]/.test(text);
  return `<${prefix}t${preserve ? ' xml:space="preserve"' : ""}>${escapeText(text)}</${prefix}t>`;
}

/** The <c> element of a write. */
export function cellXml(prefix: string, address: string, xf: number, w: Pick<CellWrite, "value" | "formula">, ph?: string): string {
  // Built directly (a write per owned cell: thousands on a long book); the address and the style index need no escaping.
  const head = `<${prefix}c r="${address}"${xf !== 0 ? ` s="${xf}"` : ""}${ph !== undefined ? ` ph="${escapeAttr(ph)}"` : ""}`;
  const v = w.value;
  if (w.formula !== undefined) {
    const f = `<${prefix}f>${escapeText(w.formula.replace(/^=/, ""))}</${prefix}f>`;
    if (typeof v === "string") return `${head} t="str">${f}<${prefix}v>${escapeText(v)}</${prefix}v></${prefix}c>`;
    if (typeof v === "boolean") return `${head} t="b">${f}<${prefix}v>${v ? 1 : 0}</${prefix}v></${prefix}c>`;
    if (typeof v === "number" && Number.isFinite(v)) return `${head}>${f}<${prefix}v>${numberText(v)}</${prefix}v></${prefix}c>`;
    return `${head}>${f}</${prefix}c>`;
  }
  if (typeof v === "string") return `${head} t="inlineStr"><${prefix}is>${tText(prefix, v)}</${prefix}is></${prefix}c>`;
  if (typeof v === "boolean") return `${head} t="b"><${prefix}v>${v ? 1 : 0}</${prefix}v></${prefix}c>`;
  if (typeof v === "number" && Number.isFinite(v)) return `${head}><${prefix}v>${numberText(v)}</${prefix}v></${prefix}c>`;
  return `${head}/>`;
}
