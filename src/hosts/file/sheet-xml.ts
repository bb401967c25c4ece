/**
 * A product sheet's cells as SpreadsheetML, written straight to text: the fast path of the command
 * line's save for the sheets the product writes whole (付款结算, 计算说明, 撤销记录).
 *
 * Why: ExcelJS builds an object per cell and renders each through several layers; for 计算说明 at
 * 120 months (5,557 cells, 286 KB of text) that is ~30 ms of a ~250 ms job, and the garbage it
 * leaves costs as much again. The file adapter instead lets ExcelJS render such a sheet with one
 * "carrier" cell per distinct look (so that ExcelJS registers each style and gives it an id, and
 * writes the sheet's columns, merges, print setup, views and highlights as ever), then replaces the
 * carrier sheet's <sheetData> with the one rendered here: every cell with the style id its look's
 * carrier got, its strings in the shared string table (sharedString), the row heights, and the
 * <dimension> that goes with them. test/hosts/file/sheet-xml.test.ts checks that ExcelJS reads the
 * result back exactly as it reads its own rendering of the same sheet.
 *
 * Pure text in, text out: no ExcelJS here.
 */
import type { WriteValue } from "../../workbook/model";
import { a1 } from "../../workbook/model";

/** One cell of the sheet as it will be written. */
export interface SheetXmlCell {
  row: number;
  col: number;
  value: WriteValue;
  /** A formula without "=", written with `value` as its cached result. */
  formula?: string;
  /** The address of the carrier cell whose style id this cell takes; none: no style (s=0). */
  carrier?: string;
}

export interface SheetXmlContent {
  cells: readonly SheetXmlCell[];
  /** Row number → height in points (customHeight). */
  rowHeights?: Readonly<Record<number, number>>;
}

/** Adds a string to the workbook's shared string table: its index. */
export type SharedString = (text: string) => number;

/**
 * Worksheet parts whose cells are written here, by part name ("xl/worksheets/sheet17.xml"): each is
 * given ExcelJS's rendering of the part (its carrier cells) and a function adding a string to the
 * shared string table, and returns the part's final XML.
 */
export type DeferredSheets = ReadonlyMap<string, (excelJsXml: string, sharedString: SharedString) => string>;

// What ExcelJS's xmlEncode does: the five entities, and the characters XML 1.0 cannot hold dropped
// (C0 controls but tab, line feed, carriage return; DEL); U+FFFE and U+FFFF dropped too, which
// ExcelJS lets through (the plans are fitted before they get here: excel-limits.ts; this is a last line).
const NEEDS_ESCAPE = /[<>&'"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;
const ESCAPES = /[<>&'"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
const ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };

export function xmlText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, (c) => ENTITY[c] ?? "") : text;
}

/** `s` of each cell ExcelJS rendered, by address: `<c r="B4" s="6"…` (a cell without s has style 0). */
export function styleIdsOf(sheetXml: string): Map<string, number> {
  const ids = new Map<string, number>();
  const start = sheetXml.indexOf("<sheetData");
  const end = sheetXml.indexOf("</sheetData>", start);
  if (start < 0 || end < 0) return ids;
  const CELL = /<c r="([A-Z]+[0-9]+)"(?: s="([0-9]+)")?/g;
  CELL.lastIndex = start;
  for (let m = CELL.exec(sheetXml); m !== null && m.index < end; m = CELL.exec(sheetXml)) ids.set(m[1] as string, Number(m[2] ?? 0));
  return ids;
}

function cellXml(cell: SheetXmlCell, styleId: number, sharedString: SharedString): string {
  const r = a1(cell.row, cell.col);
  const s = styleId > 0 ? ` s="${styleId}"` : "";
  const v = cell.value;
  if (cell.formula !== undefined) {
    const f = `<f>${xmlText(cell.formula)}</f>`;
    if (v === null) return `<c r="${r}"${s}>${f}</c>`;
    if (typeof v === "string") return `<c r="${r}"${s} t="str">${f}<v>${xmlText(v)}</v></c>`;
    if (typeof v === "boolean") return `<c r="${r}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${r}"${s}>${f}<v>${v}</v></c>`;
  }
  if (v === null) return styleId > 0 ? `<c r="${r}"${s}/>` : "";
  if (typeof v === "string") return `<c r="${r}"${s} t="s"><v>${sharedString(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${r}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (!Number.isFinite(v)) throw new RangeError(`${r}: 不能写入非有限数值 / cannot write a non-finite number: ${v}`);
  return `<c r="${r}"${s}><v>${v}</v></c>`;
}

/**
 * The <sheetData> of `content` and its <dimension> ref (null when no cell is written), the style ids
 * taken from `styleIds` (the carriers' ids, styleIdsOf), strings added through `sharedString`.
 */
export function renderSheetData(content: SheetXmlContent, styleIds: ReadonlyMap<string, number>, sharedString: SharedString): { sheetData: string; dimension: string | null } {
  const byRow = new Map<number, SheetXmlCell[]>();
  for (const cell of content.cells) {
    const list = byRow.get(cell.row);
    if (list) list.push(cell);
    else byRow.set(cell.row, [cell]);
  }
  const heights = content.rowHeights ?? {};
  for (const key of Object.keys(heights)) if (!byRow.has(Number(key))) byRow.set(Number(key), []);
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const out: string[] = ["<sheetData>"];
  for (const row of [...byRow.keys()].sort((x, y) => x - y)) {
    const cells = (byRow.get(row) as SheetXmlCell[]).sort((x, y) => x.col - y.col);
    const parts: string[] = [];
    for (const cell of cells) {
      const xml = cellXml(cell, cell.carrier === undefined ? 0 : (styleIds.get(cell.carrier) ?? 0), sharedString);
      if (xml === "") continue;
      parts.push(xml);
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, cell.col);
      right = Math.max(right, cell.col);
    }
    const height = heights[row];
    if (parts.length === 0 && height === undefined) continue;
    const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    out.push(parts.length === 0 ? `<row r="${row}"${ht}/>` : `<row r="${row}"${ht}>${parts.join("")}</row>`);
  }
  out.push("</sheetData>");
  const dimension = bottom === 0 ? null : top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
  return { sheetData: out.length === 2 ? "<sheetData/>" : out.join(""), dimension };
}

/** The worksheet XML with its <sheetData> and <dimension> replaced; throws when it has no <sheetData>. */
export function spliceSheetData(sheetXml: string, rendered: { sheetData: string; dimension: string | null }): string {
  const open = sheetXml.indexOf("<sheetData");
  if (open < 0) throw new Error("the worksheet has no <sheetData>");
  const selfClosing = sheetXml.startsWith("<sheetData/>", open);
  const close = selfClosing ? open + "<sheetData/>".length : sheetXml.indexOf("</sheetData>", open) + "</sheetData>".length;
  if (!selfClosing && close < "</sheetData>".length) throw new Error("the worksheet's <sheetData> is not closed");
  let head = sheetXml.slice(0, open);
  const tail = sheetXml.slice(close);
  const dimension = rendered.dimension === null ? "" : `<dimension ref="${rendered.dimension}"/>`;
  const existing = /<dimension ref="[^"]*"\/>/.exec(head);
  if (existing) head = head.slice(0, existing.index) + dimension + head.slice(existing.index + existing[0].length);
  else if (dimension !== "") {
    // Schema order: sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData.
    const before = /<(sheetViews|sheetFormatPr|cols)[\s>/]/.exec(head);
    const at = before ? before.index : head.length;
    head = head.slice(0, at) + dimension + head.slice(at);
  }
  return head + rendered.sheetData + tail;
}

/** The number of entries in a shared string table (<sst … uniqueCount="N">); counted when the attribute is absent. */
export function uniqueCountOf(sstXml: string): number {
  const open = /<sst\b[^>]*>/.exec(sstXml);
  const declared = open ? /\buniqueCount="(\d+)"/.exec(open[0]) : null;
  if (declared) return Number(declared[1]);
  let n = 0;
  for (let at = sstXml.indexOf("<si"); at >= 0; at = sstXml.indexOf("<si", at + 3)) if (/[\s>/]/.test(sstXml[at + 3] ?? "")) n++;
  return n;
}

/** A shared string entry as ExcelJS writes it (xml:space="preserve" where spaces or a line break need it). */
export function sharedStringXml(text: string): string {
  const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<si><t${space}>${xmlText(text)}</t></si>`;
}

/** The shared string table with `added` appended (indices uniqueCount, uniqueCount + 1, …) and its counts raised. */
export function appendSharedStrings(sstXml: string, added: readonly string[], references: number): string {
  if (added.length === 0 && references === 0) return sstXml;
  const open = /<sst\b[^>]*>/.exec(sstXml);
  const close = sstXml.lastIndexOf("</sst>");
  if (!open || close < 0) throw new Error("not a shared string table");
  const unique = uniqueCountOf(sstXml) + added.length;
  const count = Number(/\bcount="(\d+)"/.exec(open[0])?.[1] ?? uniqueCountOf(sstXml)) + references;
  let tag = open[0];
  tag = /\bcount="\d+"/.test(tag) ? tag.replace(/\bcount="\d+"/, `count="${count}"`) : tag.replace(/^<sst\b/, `<sst count="${count}"`);
  tag = /\buniqueCount="\d+"/.test(tag) ? tag.replace(/\buniqueCount="\d+"/, `uniqueCount="${unique}"`) : tag.replace(/^<sst\b/, `<sst uniqueCount="${unique}"`);
  return sstXml.slice(0, open.index) + tag + sstXml.slice(open.index + open[0].length, close) + added.map(sharedStringXml).join("") + sstXml.slice(close);
}
