/**
 * A sheet the product owns (付款结算, 计算说明, 撤销记录, a template's sheets…) rendered as a whole
 * worksheet part, straight to text, for the package-of-parts file mode: the same sheet
 * test/fixtures/exceljs-render.ts's writeSheetSpec makes through ExcelJS — the same cells with the same looks
 * (planCells' rules: a later write to an address builds on the earlier one's look; a merged cell
 * without a style of its own takes its master's; a value inside a merge is refused), merges, column
 * widths, row heights, print setup (with a fixed scale or fit to one page, and manual row breaks),
 * conditional highlights, list validations, frozen rows, tab colour — without ExcelJS.
 *
 * Differences from the ExcelJS rendering, all in what Excel is given, none in what it shows:
 * - Text is written as inline strings (t="inlineStr"), so the part needs no shared string table.
 *   Text that reads as Excel's own escape "_xHHHH_" is written with its "_" escaped ("_x005F_"), so
 *   that Excel shows the text as given (ExcelJS writes it bare, and Excel shows the character).
 * - A number that is not finite has no value written (sheet-xml.ts refuses it).
 * - The print area and print titles are returned as defined names, fully absolute, the sheet name
 *   quoted with any "'" doubled; the caller adds them to workbook.xml with the sheet's localSheetId.
 * - A chart spec is ignored: the file mode goes without (the caller notes it on the sheet).
 *
 * Looks come from a StyleAllocator (styles.ts): each distinct (earlier look, number format,
 * CellStyle content) asked once per sheet, as planCells shares one style object per look.
 */
// @ts-nocheck

import type { CellStyle, CellWrite, PrintSetup, SheetSpec, WriteValue } from "../../../workbook/model";
import { a1, columnLetter, parseA1 } from "../../../workbook/model";
import { cutText, fitRowHeight } from "../../../workbook/sheets/excel-limits";
import { attrs, escapeAttr, escapeText } from "./xml";

/** The part of styles.ts this module needs: cellXfs and dxfs indexes of looks. */
export interface StyleAllocator {
  /** The cellXfs index of the look of `baseXf` with the write over it (0 = the default look). */
  restyle(baseXf: number, numberFormat: string | undefined, style: CellStyle | undefined): number;
  /** The dxfs index of a conditional highlight's look. */
  highlight(fill: string, fontColor?: string): number;
}

export interface SheetDefinedName {
  name: "_xlnm.Print_Area" | "_xlnm.Print_Titles";
  /** e.g. "'付款结算'!$A$1:$H$40", "'付款结算'!$1:$4". */
  value: string;
}

export interface RenderedWorksheet {
  xml: string;
  definedNames: SheetDefinedName[];
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** A cell's key: row-major order is numeric order (col ≤ 16,384 < STRIDE). */
const STRIDE = 16_385;
const PAPER_A4 = 9;
/** Excel's default margins (inches), what a new sheet has. */
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 };
const HEADER_FOOTER = 0.3;

/** "#RRGGBB" (or "RRGGBB") → "FFRRGGBB" (as test/fixtures/exceljs-render.ts's argb). */
function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new RangeError(`not a #RRGGBB colour: ${color}`);
  return `FF${hex}`;
}

function insideMerge(spec: SheetSpec, w: CellWrite, master: string): Error {
  return new Error(`${spec.name}!${w.address} 位于合并区域内，值应写在 ${master} / ${w.address} is inside a merge; write the value to ${master}`);
}

function cellOf(spec: SheetSpec, address: string): { row: number; col: number } {
  const at = parseA1(address);
  if (at.row < 1 || at.row > MAX_ROW || at.col < 1 || at.col > MAX_COL) throw new RangeError(`${spec.name}!${address}: 超出工作表范围 / outside the sheet`);
  return at;
}

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function bounds(spec: SheetSpec, range: string): Bounds {
  const colon = range.indexOf(":");
  const a = cellOf(spec, colon < 0 ? range : range.slice(0, colon));
  const b = colon < 0 ? a : cellOf(spec, range.slice(colon + 1));
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function refOf(b: Bounds): string {
  return b.top === b.bottom && b.left === b.right ? a1(b.top, b.left) : `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
}

/** A column's letters → its number ("A" → 1); refuses anything else. */
function columnNumber(spec: SheetSpec, letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) & ~32; // a–z as A–Z
    if (c < 65 || c > 90) throw new RangeError(`${spec.name}: 列宽的列名「${letters}」无效 / not a column: ${letters}`);
    col = col * 26 + (c - 64);
  }
  if (col < 1 || col > MAX_COL) throw new RangeError(`${spec.name}: 列宽的列名「${letters}」无效 / not a column: ${letters}`);
  return col;
}

/** One cell as it is to be written: its value (a merged cell's is its master's: none) and its look. */
interface PlannedCell {
  row: number;
  col: number;
  value: WriteValue;
  formula: string | undefined;
  xf: number;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0xfeff || code === 0x85;
}

/** Text that Excel would read as its "_xHHHH_" escape: the "_" of each such run escaped. */
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

/** An inline string's <is>: escaped, at most 32,767 characters (a last line: the plans are fitted), spaces kept. */
function inlineString(text: string): string {
  let t = escapeText(cutText(text));
  if (t.includes("_x")) t = t.replace(EXCEL_ESCAPE, "_x005F_$1");
  const preserve = t.length > 0 && (isSpace(t.charCodeAt(0)) || isSpace(t.charCodeAt(t.length - 1)) || t.includes("\n") || t.includes("&#13;"));
  return preserve ? `<is><t xml:space="preserve">${t}</t></is>` : `<is><t>${t}</t></is>`;
}

/** A cell's XML, "" when there is nothing to write (no value, no look). */
function cellXml(cell: PlannedCell): string {
  const r = a1(cell.row, cell.col);
  const s = cell.xf > 0 ? ` s="${cell.xf}"` : "";
  const v = cell.value;
  if (cell.formula !== undefined) {
    const f = `<f>${escapeText(cell.formula)}</f>`;
    if (typeof v === "string") return `<c r="${r}"${s} t="str">${f}<v>${escapeText(v)}</v></c>`;
    if (typeof v === "boolean") return `<c r="${r}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (typeof v === "number" && Number.isFinite(v)) return `<c r="${r}"${s}>${f}<v>${v}</v></c>`;
    return `<c r="${r}"${s}>${f}</c>`;
  }
  if (typeof v === "string") return `<c r="${r}"${s} t="inlineStr">${inlineString(v)}</c>`;
  if (typeof v === "boolean") return `<c r="${r}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "number" && Number.isFinite(v)) return `<c r="${r}"${s}><v>${v}</v></c>`;
  return cell.xf > 0 ? `<c r="${r}"${s}/>` : "";
}

/** The content of each CellStyle object seen, as a key (every field, in a fixed order). */
const styleKeys = new WeakMap<CellStyle, string>();

function styleKeyOf(style: CellStyle): string {
  let key = styleKeys.get(style);
  if (key === undefined) {
    key = JSON.stringify([style.bold, style.italic, style.fontSize, style.fontColor, style.fill, style.wrap, style.horizontal, style.vertical, style.border]);
    styleKeys.set(style, key);
  }
  return key;
}

/** The cells of `spec` with their looks (planCells' rules), by key; refuses a value inside a merge. */
function planCells(spec: SheetSpec, slaves: ReadonlyMap<number, number>, styles: StyleAllocator): Map<number, PlannedCell> {
  // (earlier look, CellStyle, number format) → look, each asked of the allocator once. The builders
  // share a few CellStyle objects between many cells, and make equal ones anew (one a month):
  // keyed by the style's content, computed once per object.
  const looks = new Map<number, Map<string, Map<string | undefined, number>>>();
  const restyle = (base: number, numberFormat: string | undefined, style: CellStyle | undefined): number => {
    let byStyle = looks.get(base);
    if (!byStyle) looks.set(base, (byStyle = new Map()));
    const styleKey = style === undefined ? "" : styleKeyOf(style);
    let byFormat = byStyle.get(styleKey);
    if (!byFormat) byStyle.set(styleKey, (byFormat = new Map()));
    let xf = byFormat.get(numberFormat);
    if (xf === undefined) byFormat.set(numberFormat, (xf = styles.restyle(base, numberFormat, style)));
    return xf;
  };
  const planned = new Map<number, PlannedCell>();
  const styled = new Set<number>();
  for (const w of spec.cells) {
    const { row, col } = cellOf(spec, w.address);
    const key = row * STRIDE + col;
    const master = slaves.get(key);
    if (master !== undefined && (w.value !== null || w.formula !== undefined)) throw insideMerge(spec, w, a1(Math.floor(master / STRIDE), master % STRIDE));
    let cell = planned.get(key);
    if (!cell) planned.set(key, (cell = { row, col, value: null, formula: undefined, xf: 0 }));
    if (master === undefined) {
      cell.value = w.value;
      cell.formula = w.formula === undefined ? undefined : w.formula.startsWith("=") ? w.formula.slice(1) : w.formula;
    }
    // A write with neither format nor style keeps the look (restyle would give the same one).
    if (w.numberFormat !== undefined || w.style !== undefined) cell.xf = restyle(cell.xf, w.numberFormat, w.style);
    if (w.style) styled.add(key);
  }
  for (const [slave, master] of slaves) {
    if (styled.has(slave)) continue;
    const xf = planned.get(master)?.xf ?? 0;
    const cell = planned.get(slave);
    if (cell) cell.xf = xf;
    else planned.set(slave, { row: Math.floor(slave / STRIDE), col: slave % STRIDE, value: null, formula: undefined, xf });
  }
  return planned;
}

/** The merges, checked (no overlap) and as refs; every non-master cell → its master's key. */
function planMerges(spec: SheetSpec): { refs: string[]; slaves: Map<number, number> } {
  const seen: Bounds[] = [];
  const refs: string[] = [];
  const slaves = new Map<number, number>();
  for (const range of spec.merges) {
    const b = bounds(spec, range);
    if (b.top === b.bottom && b.left === b.right) continue; // a single cell: nothing to merge
    const other = seen.find((o) => o.top <= b.bottom && b.top <= o.bottom && o.left <= b.right && b.left <= o.right);
    if (other) throw new RangeError(`${spec.name}: 合并区域 ${refOf(b)} 与 ${refOf(other)} 重叠 / merge ${refOf(b)} overlaps ${refOf(other)}`);
    seen.push(b);
    refs.push(refOf(b));
    const master = b.top * STRIDE + b.left;
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) if (r !== b.top || c !== b.left) slaves.set(r * STRIDE + c, master);
    }
  }
  return { refs, slaves };
}

function sheetDataXml(spec: SheetSpec, planned: ReadonlyMap<number, PlannedCell>): { xml: string; dimension: string } {
  // A typed array sorts numerically without a comparator: no call back into JavaScript per comparison.
  const keys = Float64Array.from(planned.keys()).sort();
  const heights = new Map<number, number>();
  for (const [key, h] of Object.entries(spec.rowHeights ?? {})) {
    const row = Number(key);
    if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw new RangeError(`${spec.name}: 行号「${key}」无效 / not a row: ${key}`);
    if (!Number.isFinite(h) || h < 0) throw new RangeError(`${spec.name}: 第 ${row} 行的行高 ${h} 无效 / invalid row height ${h} for row ${row}`);
    heights.set(row, fitRowHeight(h));
  }
  const heightRows = Float64Array.from(heights.keys()).sort();
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const out: string[] = [];
  let h = 0; // next of heightRows
  const openRow = (row: number): string => {
    const height = heights.get(row);
    return height === undefined ? `<row r="${row}">` : `<row r="${row}" ht="${height}" customHeight="1">`;
  };
  const emptyRowsBefore = (row: number): void => {
    for (; h < heightRows.length && (heightRows[h] as number) < row; h++) out.push(`${openRow(heightRows[h] as number).slice(0, -1)}/>`);
  };
  let i = 0;
  while (i < keys.length) {
    const row = (planned.get(keys[i] as number) as PlannedCell).row;
    const parts: string[] = [];
    for (; i < keys.length; i++) {
      const cell = planned.get(keys[i] as number) as PlannedCell;
      if (cell.row !== row) break;
      const xml = cellXml(cell);
      if (xml === "") continue;
      parts.push(xml);
      if (cell.col < left) left = cell.col;
      if (cell.col > right) right = cell.col;
    }
    if (parts.length === 0) continue; // its height, if any, is written with the rows that have only a height
    emptyRowsBefore(row);
    if (heightRows[h] === row) h++;
    if (row < top) top = row;
    bottom = row;
    out.push(openRow(row), ...parts, "</row>");
  }
  emptyRowsBefore(MAX_ROW + 1);
  const dimension = bottom === 0 ? "A1" : refOf({ top, left, bottom, right });
  return { xml: out.length === 0 ? "<sheetData/>" : `<sheetData>${out.join("")}</sheetData>`, dimension };
}

function colsXml(spec: SheetSpec): string {
  const cols = Object.entries(spec.columnWidths ?? {}).map(([letters, width]) => {
    if (!Number.isFinite(width) || width < 0 || width > 255) throw new RangeError(`${spec.name}: ${letters} 列的列宽 ${width} 无效 / invalid width ${width} for column ${letters}`);
    return { col: columnNumber(spec, letters), width };
  });
  if (cols.length === 0) return "";
  cols.sort((x, y) => x.col - y.col);
  const out: string[] = ["<cols>"];
  for (let i = 0; i < cols.length; i++) {
    const { col, width } = cols[i] as { col: number; width: number };
    if (i > 0 && (cols[i - 1] as { col: number }).col === col) throw new RangeError(`${spec.name}: 第 ${col} 列的列宽给了两次 / column ${col} has two widths`);
    out.push(`<col min="${col}" max="${col}" width="${width}" customWidth="1"/>`);
  }
  out.push("</cols>");
  return out.join("");
}

function sheetViewsXml(spec: SheetSpec): string {
  const n = spec.freezeRows ?? 0;
  if (!(n > 0)) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  if (!Number.isInteger(n) || n >= MAX_ROW) throw new RangeError(`${spec.name}: 冻结行数 ${n} 无效 / invalid frozen rows: ${n}`);
  const first = `A${n + 1}`;
  return `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${n}" topLeftCell="${first}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${first}" sqref="${first}"/></sheetView></sheetViews>`;
}

function conditionalFormattingXml(spec: SheetSpec, styles: StyleAllocator): string {
  const out: string[] = [];
  let priority = 1;
  for (const h of spec.conditionalHighlights ?? []) {
    argb(h.fill);
    if (h.fontColor !== undefined) argb(h.fontColor);
    if (!Number.isFinite(h.lessThan)) throw new RangeError(`${spec.name}!${h.range}: 条件格式的阈值无效 / invalid highlight threshold: ${h.lessThan}`);
    const dxfId = styles.highlight(h.fill, h.fontColor);
    out.push(`<conditionalFormatting${attrs({ sqref: h.range })}><cfRule type="cellIs" dxfId="${dxfId}" priority="${priority++}" operator="lessThan"><formula>${h.lessThan}</formula></cfRule></conditionalFormatting>`);
  }
  return out.join("");
}

function dataValidationsXml(spec: SheetSpec): string {
  const validations = spec.validations ?? [];
  if (validations.length === 0) return "";
  const out: string[] = [`<dataValidations count="${validations.length}">`];
  for (const v of validations) {
    const list = `"${v.values.join(",")}"`;
    if (list.length > 257) throw new RangeError(`下拉列表过长 / list validation too long: ${v.range}`);
    const a = attrs({
      type: "list",
      errorStyle: "stop",
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: "输入无效 / invalid entry",
      error: `请从列表中选择：${v.values.join("、")} / choose one of: ${v.values.join(", ")}`,
      sqref: v.range,
    });
    out.push(`<dataValidation${a}><formula1>${escapeText(list)}</formula1></dataValidation>`);
  }
  out.push("</dataValidations>");
  return out.join("");
}

function pageXml(print: PrintSetup | undefined): string {
  const m = print?.margins ?? DEFAULT_MARGINS;
  for (const x of [m.left, m.right, m.top, m.bottom]) if (!Number.isFinite(x) || x < 0) throw new RangeError(`invalid page margin: ${x}`);
  const margins = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${HEADER_FOOTER}" footer="${HEADER_FOOTER}"/>`;
  if (!print) return margins;
  const fit = print.fitToWidth ? ` fitToWidth="1" fitToHeight="${print.fitToHeight ? 1 : 0}"` : "";
  let scale = "";
  if (print.scale !== undefined) {
    if (!Number.isInteger(print.scale) || print.scale < 10 || print.scale > 400) throw new RangeError(`invalid print scale: ${print.scale}`);
    if (!print.fitToWidth) scale = ` scale="${print.scale}"`;
  }
  return `${margins}<pageSetup paperSize="${PAPER_A4}"${scale}${fit} orientation="${print.orientation === "landscape" ? "landscape" : "portrait"}"/>${rowBreaksXml(print)}`;
}

/** Manual page breaks after the given rows (CT_PageBreak: id = the last row above the break, 1-based). */
function rowBreaksXml(print: PrintSetup): string {
  const rows = print.rowBreaks ?? [];
  if (rows.length === 0) return "";
  let previous = 0;
  for (const row of rows) {
    if (!Number.isInteger(row) || row <= previous || row >= MAX_ROW) throw new RangeError(`invalid page breaks (rows ascending, 1–${MAX_ROW - 1}): ${rows.join(", ")}`);
    previous = row;
  }
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${rows.map((row) => `<brk id="${row}" max="${MAX_COL - 1}" man="1"/>`).join("")}</rowBreaks>`;
}

/** The sheet name as a formula's sheet reference: always quoted, "'" doubled. */
function quotedName(name: string): string {
  return `'${name.split("'").join("''")}'`;
}

function definedNamesOf(spec: SheetSpec): SheetDefinedName[] {
  const out: SheetDefinedName[] = [];
  const print = spec.print;
  if (!print) return out;
  if (print.printArea) {
    const b = bounds(spec, print.printArea);
    const abs = (row: number, col: number) => `$${columnLetter(col)}$${row}`;
    out.push({ name: "_xlnm.Print_Area", value: `${quotedName(spec.name)}!${abs(b.top, b.left)}:${abs(b.bottom, b.right)}` });
  }
  if (print.repeatRows) {
    const m = /^\$?(\d+)(?::\$?(\d+))?$/.exec(print.repeatRows.trim());
    const first = Number(m?.[1]);
    const last = Number(m?.[2] ?? m?.[1]);
    if (!m || first < 1 || last < first || last > MAX_ROW) throw new RangeError(`${spec.name}: 打印标题行「${print.repeatRows}」无效 / invalid rows to repeat: ${print.repeatRows}`);
    out.push({ name: "_xlnm.Print_Titles", value: `${quotedName(spec.name)}!$${first}:$${last}` });
  }
  return out;
}

/**
 * The worksheet part of `spec` (children in CT_Worksheet's order) and the defined names its print
 * setup needs. Cells are written row by row, each row's by column, one element per address.
 */
export function renderWorksheet(spec: SheetSpec, styles: StyleAllocator): RenderedWorksheet {
  // Merges first, so a value written to a merged range can be checked to sit in its top-left cell.
  const merges = planMerges(spec);
  const planned = planCells(spec, merges.slaves, styles);
  const sheetData = sheetDataXml(spec, planned);

  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  const tab = spec.tabColor ? `<tabColor rgb="${argb(spec.tabColor)}"/>` : "";
  const fit = spec.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "";
  if (tab !== "" || fit !== "") out.push(`<sheetPr>${tab}${fit}</sheetPr>`);
  out.push(`<dimension ref="${sheetData.dimension}"/>`, sheetViewsXml(spec), '<sheetFormatPr defaultRowHeight="15"/>', colsXml(spec), sheetData.xml);
  if (merges.refs.length > 0) out.push(`<mergeCells count="${merges.refs.length}">`, ...merges.refs.map((ref) => `<mergeCell ref="${escapeAttr(ref)}"/>`), "</mergeCells>");
  out.push(conditionalFormattingXml(spec, styles), dataValidationsXml(spec), pageXml(spec.print), "</worksheet>");
  // spec.chart: not rendered — the file mode goes without a chart (the caller notes it on the sheet).
  return { xml: out.join(""), definedNames: definedNamesOf(spec) };
}
