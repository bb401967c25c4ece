/**
 * A sheet's layout in one answer: `Range.Value(11)` (XlRangeValueDataType xlRangeValueXMLSpreadsheet
 * = 11, https://learn.microsoft.com/office/vba/api/excel.xlrangevaluedatatype: "the values,
 * formatting, formulas, and names of the specified Range object in the XML Spreadsheet format";
 * https://learn.microsoft.com/dotnet/api/microsoft.office.interop.excel.range.value: "You cannot set
 * or get a noncontiguous range of cells in the XML spreadsheet format"), read as the XML Spreadsheet
 * 2003 schema describes it (Microsoft, "XML Spreadsheet Reference", Excel 2002,
 * https://learn.microsoft.com/previous-versions/office/developer/office-xp/aa140066(v=office.10)):
 * Styles / Style (ss:ID, ss:Parent) / NumberFormat (ss:Format), Worksheet / Table (ss:ExpandedRowCount,
 * ss:ExpandedColumnCount) / Row (ss:Index) / Cell (ss:Index, ss:StyleID, ss:MergeAcross, ss:MergeDown)
 * / Data (ss:Type).
 *
 * On WPS this is undocumented: the adapter probes it and cross-checks it against the documented
 * path before trusting it (wps-adapter.ts, `XmlLayoutState`). What this file assumes, to check on
 * real WPS (docs/wps.md, "first run on real WPS"):
 *  - the Table's first row and column are the range's top-left cell (not the sheet's A1): a cell
 *    outside the range's size refuses the answer;
 *  - a Cell without ss:Index follows the previous one and the columns its ss:MergeAcross covers; a
 *    Row without ss:Index follows the previous row;
 *  - a cell's style is its ss:StyleID, else its row's, else the "Default" style; a style without a
 *    NumberFormat takes its ss:Parent's; no NumberFormat anywhere is "General";
 *  - ss:Format holds the cell's format code as Range.NumberFormat gives it, except the named formats
 *    the reference lists: "General" / "General Number" → "General", "Fixed" → "0.00", "Standard" →
 *    "#,##0.00", "Percent" → "0.00%", "Scientific" → "0.00E+00" (SheetJS's XML Spreadsheet reader maps
 *    them the same way); the others ("Short Date", "Long Time", "Currency", "Yes/No" …) depend on the
 *    locale and are not mapped: those cells are asked their NumberFormat.
 *
 * Parsing: DOMParser where there is one (WPS's Chromium), else (Node: jest, the bench) the project's
 * own saxes-based parser (src/hosts/file/package/xml.ts), loaded only then: `defaultXmlParse`.
 */
// @ts-nocheck

import type { MergedRange } from "../../workbook/model";

/** An element as this file needs it: local names, attributes by local name, descendant text. */
export interface XmlNode {
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The element's character data (DOM: all descendants'; the saxes tree: its own), as written. */
  text: string;
}

/** Text → the root element, or null when it is not well-formed XML. */
export type XmlParse = (text: string) => XmlNode | null;

const localOf = (name: string) => name.slice(name.indexOf(":") + 1);

interface DomElementLike {
  localName: string;
  attributes: ArrayLike<{ localName: string; value: string }>;
  children: ArrayLike<DomElementLike>;
  textContent: string | null;
}
interface DomParserLike {
  parseFromString(text: string, type: string): { documentElement: DomElementLike | null; getElementsByTagName(name: string): ArrayLike<unknown> };
}

/** The browser's DOMParser as an XmlParse ("parsererror" in the result: not well-formed). */
export function domXmlParse(Parser: new () => DomParserLike): XmlParse {
  const convert = (el: DomElementLike): XmlNode => {
    const attrs: Record<string, string> = {};
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes[i] as { localName: string; value: string };
      attrs[a.localName] = a.value;
    }
    const children: XmlNode[] = [];
    for (let i = 0; i < el.children.length; i++) children.push(convert(el.children[i] as DomElementLike));
    return { local: el.localName, attrs, children, text: el.textContent ?? "" };
  };
  return (text) => {
    try {
      const doc = new Parser().parseFromString(text, "application/xml");
      if (!doc.documentElement || doc.getElementsByTagName("parsererror").length > 0) return null;
      return convert(doc.documentElement);
    } catch {
      return null;
    }
  };
}

/** The parser for this page: DOMParser when the page has one, else the project's saxes parser; null when neither loads. */
export async function defaultXmlParse(g: { DOMParser?: unknown } = globalThis as { DOMParser?: unknown }): Promise<XmlParse | null> {
  if (typeof g.DOMParser === "function") return domXmlParse(g.DOMParser as new () => DomParserLike);
  try {
    const { parseXml } = await import("../file/package/xml");
    type Tree = { name: string; attrs: Readonly<Record<string, string>>; children: readonly Tree[]; text: string };
    const convert = (el: Tree): XmlNode => {
      const attrs: Record<string, string> = {};
      for (const [k, v] of Object.entries(el.attrs)) if (!k.startsWith("xmlns")) attrs[localOf(k)] = v;
      return { local: localOf(el.name), attrs, children: el.children.map(convert), text: el.text };
    };
    return (text) => {
      try {
        return convert(parseXml(text, "Range.Value(11)").root);
      } catch {
        return null;
      }
    };
  } catch {
    return null;
  }
}

/** One cell of the answer: where (1-based, from the Table's first cell), its format (null: a named format not mapped), its data. */
export interface XmlCell {
  row: number;
  col: number;
  format: string | null;
  /** Data ss:Type ("Number", "String", "DateTime", "Boolean", "Error"), or null without a Data element. */
  type: string | null;
  text: string;
}

export interface XmlSheetLayout {
  /** By "row,col", 1-based from the Table's first cell. */
  cells: Map<string, XmlCell>;
  /** Merged areas, 1-based from the Table's first cell. */
  merges: MergedRange[];
}

/** Named formats of the reference with one format code whatever the locale; the other names are not mapped (null). */
const NAMED_FORMATS: Record<string, string | null> = {
  General: "General",
  "General Number": "General",
  Fixed: "0.00",
  Standard: "#,##0.00",
  Percent: "0.00%",
  Scientific: "0.00E+00",
  "General Date": null,
  "Long Date": null,
  "Medium Date": null,
  "Short Date": null,
  "Long Time": null,
  "Medium Time": null,
  "Short Time": null,
  Currency: null,
  "Euro Currency": null,
  "Yes/No": null,
  "True/False": null,
  "On/Off": null,
};

/** An ss:Format as a format code; null for a named format whose code depends on the locale. */
export function formatCode(format: string | undefined): string | null {
  if (format === undefined || format === "") return "General";
  return Object.prototype.hasOwnProperty.call(NAMED_FORMATS, format) ? (NAMED_FORMATS[format] as string | null) : format;
}

const kids = (el: XmlNode, local: string) => el.children.filter((c) => c.local === local);
const positive = (text: string | undefined): number | null => {
  if (text === undefined) return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : NaN;
};
const count = (text: string | undefined): number => {
  if (text === undefined) return 0;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? n : NaN;
};

/**
 * The layout of the answer for a range of `rows` × `cols`: each written cell's format and the
 * merged areas. Null when the answer is not an XML Spreadsheet of one table that fits the range
 * (no Workbook / Worksheet / Table, a bad index, a cell or a merged area outside the range, a
 * Table whose expanded size is not the range's, a style that is not defined).
 */
export function sheetLayout(root: XmlNode, rows: number, cols: number): XmlSheetLayout | null {
  if (root.local !== "Workbook") return null;
  const styles = new Map<string, XmlNode>();
  for (const group of kids(root, "Styles")) for (const s of kids(group, "Style")) if (s.attrs.ID !== undefined) styles.set(s.attrs.ID, s);
  const formatOfStyle = (id: string, seen = new Set<string>()): string | null | undefined => {
    const style = styles.get(id);
    if (!style) return id === "Default" ? "General" : undefined;
    if (seen.has(id)) return undefined;
    seen.add(id);
    const nf = kids(style, "NumberFormat")[0];
    if (nf) return formatCode(nf.attrs.Format);
    if (style.attrs.Parent !== undefined) return formatOfStyle(style.attrs.Parent, seen);
    return id === "Default" ? "General" : formatOfStyle("Default", seen);
  };
  const worksheet = kids(root, "Worksheet")[0];
  const table = worksheet ? kids(worksheet, "Table")[0] : undefined;
  if (!table) return null;
  const expandedRows = table.attrs.ExpandedRowCount;
  const expandedCols = table.attrs.ExpandedColumnCount;
  if ((expandedRows !== undefined && Number(expandedRows) !== rows) || (expandedCols !== undefined && Number(expandedCols) !== cols)) return null;
  const cells = new Map<string, XmlCell>();
  const merges: MergedRange[] = [];
  let row = 0;
  for (const r of kids(table, "Row")) {
    const index = positive(r.attrs.Index);
    if (Number.isNaN(index) || (index !== null && index <= row)) return null;
    row = index ?? row + 1;
    if (row > rows) return null;
    let next = 1;
    for (const c of kids(r, "Cell")) {
      const at = positive(c.attrs.Index);
      if (Number.isNaN(at) || (at !== null && at < next)) return null;
      const col = at ?? next;
      const across = count(c.attrs.MergeAcross);
      const down = count(c.attrs.MergeDown);
      if (Number.isNaN(across) || Number.isNaN(down) || col + across > cols || row + down > rows) return null;
      const styleId = c.attrs.StyleID ?? r.attrs.StyleID ?? "Default";
      const format = formatOfStyle(styleId);
      if (format === undefined) return null;
      const data = kids(c, "Data")[0];
      cells.set(`${row},${col}`, { row, col, format, type: data ? (data.attrs.Type ?? null) : null, text: data ? data.text : "" });
      if (across > 0 || down > 0) merges.push({ top: row, left: col, bottom: row + down, right: col + across });
      next = col + across + 1;
    }
  }
  return { cells, merges };
}
