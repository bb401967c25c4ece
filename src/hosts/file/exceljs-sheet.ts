/**
 * Renders the sheet model (model.ts) into an ExcelJS workbook: whole sheets the product owns
 * (writeSheetSpec) and owned cells of existing sheets (applyCellWrites). Text is always stored as
 * text — ExcelJS only makes a formula from a { formula } value, and this module only builds one
 * from CellWrite.formula, never from a string, whatever the string starts with.
 * A chart spec cannot be rendered by ExcelJS and is ignored here (the caller notes it on the sheet).
 */
import type ExcelJS from "exceljs";
import type { CellStyle, CellWrite, PrintSetup, SheetSpec } from "../../workbook/model";
import { a1, parseA1 } from "../../workbook/model";
import type { SheetXmlCell, SheetXmlContent } from "./sheet-xml";

export interface WriteSheetOptions {
  /** Remove an existing sheet of the same name and recreate it at the same position. */
  replace?: boolean;
  /** Shared with the other writes of the same batch (StyleCache says when that is safe). */
  styles?: StyleCache;
}

/** "#RRGGBB" (or "RRGGBB") → ExcelJS ARGB "FFRRGGBB". */
export function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new RangeError(`not a #RRGGBB colour: ${color}`);
  return `FF${hex}`;
}

const PAPER_A4 = 9;

/** Parts of ExcelJS's worksheet that its typings leave out (stable since 4.x). */
interface WorksheetInternals {
  orderNo: number;
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

type Style = Partial<ExcelJS.Style>;

function font(existing: Partial<ExcelJS.Font> | undefined, style: CellStyle): Partial<ExcelJS.Font> | undefined {
  if (style.bold === undefined && style.italic === undefined && style.fontSize === undefined && style.fontColor === undefined) {
    return existing;
  }
  const out: Partial<ExcelJS.Font> = { ...(existing ?? {}) };
  if (style.bold !== undefined) out.bold = style.bold;
  if (style.italic !== undefined) out.italic = style.italic;
  if (style.fontSize !== undefined) out.size = style.fontSize;
  if (style.fontColor !== undefined) out.color = Object.freeze({ argb: argb(style.fontColor) });
  return Object.freeze(out);
}

function alignment(existing: Partial<ExcelJS.Alignment> | undefined, style: CellStyle): Partial<ExcelJS.Alignment> | undefined {
  if (style.wrap === undefined && style.horizontal === undefined && style.vertical === undefined) return existing;
  const out: Partial<ExcelJS.Alignment> = { ...(existing ?? {}) };
  if (style.wrap !== undefined) out.wrapText = style.wrap;
  if (style.horizontal !== undefined) out.horizontal = style.horizontal;
  if (style.vertical !== undefined) out.vertical = style.vertical;
  return Object.freeze(out);
}

function border(kind: NonNullable<CellStyle["border"]>): Partial<ExcelJS.Borders> {
  if (kind === "none") return Object.freeze({});
  const side: Partial<ExcelJS.Border> = Object.freeze({ style: kind, color: Object.freeze({ argb: "FF000000" }) });
  return Object.freeze({ top: side, left: side, bottom: side, right: side });
}

function solidFill(color: string): ExcelJS.Fill {
  const c = Object.freeze({ argb: argb(color) });
  return Object.freeze({ type: "pattern", pattern: "solid", fgColor: c, bgColor: c });
}

/** `base` with the write's number format and CellStyle over it: a new object; `base` is not changed. */
function restyle(base: Style, numberFormat: string | undefined, style: CellStyle | undefined): Style {
  const out: Style = { ...base };
  if (numberFormat !== undefined) out.numFmt = numberFormat;
  if (style) {
    const f = font(base.font, style);
    if (f) out.font = f;
    const a = alignment(base.alignment, style);
    if (a) out.alignment = a;
    if (style.fill !== undefined) out.fill = solidFill(style.fill);
    if (style.border !== undefined) out.border = border(style.border);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shared styles. ExcelJS de-duplicates styles on save by object identity first (a WeakMap from
// style object to style id) and only then by rendering each part to XML; a cell with a style
// object of its own costs that rendering on every save. So every cell this module writes gets
// one style object per distinct look, shared with every other cell that looks the same.
// Only objects this module made are shared, and they are frozen: a loaded file's style objects
// (ExcelJS shares one per style id between its cells) are never changed — a write builds a new
// object from the cell's style and leaves the old one to the cells that still use it — and a later
// `cell.font = …` on a product-written cell throws instead of restyling every cell that shares it.

/** Per workbook: the style objects made here, by key (base look + what was written over it). */
const madeStyles = new WeakMap<ExcelJS.Workbook, Map<string, Style>>();
/** The style objects made here (each frozen). */
const madeHere = new WeakSet<object>();
/** The key of each style object made here (frozen: its key never goes stale). */
const styleKeys = new WeakMap<object, string>();

/**
 * What is known of other style objects (a loaded file's, a new cell's) for one batch of writes:
 * their content keys, and the shared style already chosen for a write over each. Good for one
 * call of applyCellWrites or writeSheetSpec, or for one whole apply() of a plan given to each
 * (nothing else runs between its calls); not longer: code outside may change such an object later
 * (`cell.font = …` changes the style object in place). Across the 120 month sheets of a plan, one
 * cache computes each loaded style's key once instead of once a sheet.
 */
export interface StyleCache {
  baseKeys: Map<object, string>;
  byBase: Map<object, Map<CellStyle | undefined, Map<string | undefined, Style>>>;
}

export function newStyleCache(): StyleCache {
  return { baseKeys: new Map(), byBase: new Map() };
}

type BaseKeys = StyleCache;

/** A stable text of a style value: object keys sorted, undefined parts left out. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

/** True when no part of the style is set (a new cell's own style object). */
function isBlankStyle(base: Style): boolean {
  for (const k in base) if ((base as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}

function baseKey(base: Style, seen: BaseKeys): string {
  const known = styleKeys.get(base) ?? seen.baseKeys.get(base);
  if (known !== undefined) return known;
  // A new cell's own style object, nothing in it (every cell of a sheet the product creates): not cached.
  if (isBlankStyle(base)) return "{}";
  const key = canonical(base);
  seen.baseKeys.set(base, key);
  return key;
}

/** The key of each CellStyle object seen (the sheet builders reuse a few style objects for many cells). */
const cellStyleKeys = new WeakMap<CellStyle, string>();

/** What a write sets over a cell's style, as a key (every CellStyle field, in a fixed order). */
function writeKey(numberFormat: string | undefined, style: CellStyle | undefined): string {
  let key = "∅";
  if (style) {
    const known = cellStyleKeys.get(style);
    if (known !== undefined) key = known;
    else {
      key = [style.bold, style.italic, style.fontSize, style.fontColor, style.wrap, style.horizontal, style.vertical, style.fill, style.border].map((v) => (v === undefined ? "∅" : String(v))).join("\u0001");
      cellStyleKeys.set(style, key);
    }
  }
  return numberFormat === undefined ? `∅\u0001${key}` : `=${numberFormat}\u0001${key}`;
}

/**
 * The common case — a cell of a sheet the product creates, nothing in its style yet, a CellStyle
 * object the sheet builders share between many cells — looked up without building a key: per
 * workbook, per CellStyle object, per number format (at 120 months, 9,000 cells of 计算说明 alone).
 */
const blankBaseStyles = new WeakMap<ExcelJS.Workbook, WeakMap<CellStyle, Map<string | undefined, Style>>>();
/** blankBaseStyles' key for a write that sets no style (a number format alone). */
const NO_STYLE: CellStyle = Object.freeze({});

/** The shared, frozen style object for `base` with the write over it (made on first use). */
function sharedStyle(workbook: ExcelJS.Workbook, seen: BaseKeys, base: Style, numberFormat: string | undefined, style: CellStyle | undefined): Style {
  if (!madeHere.has(base) && isBlankStyle(base)) {
    let byStyle = blankBaseStyles.get(workbook);
    if (!byStyle) blankBaseStyles.set(workbook, (byStyle = new WeakMap()));
    let byFormat = byStyle.get(style ?? NO_STYLE);
    if (!byFormat) byStyle.set(style ?? NO_STYLE, (byFormat = new Map()));
    let out = byFormat.get(numberFormat);
    if (!out) byFormat.set(numberFormat, (out = keyedSharedStyle(workbook, seen, base, numberFormat, style)));
    return out;
  }
  // Any other base (a loaded style shared by a sheet's cells, a style made here): by identity, for this batch.
  let byStyle = seen.byBase.get(base);
  if (!byStyle) seen.byBase.set(base, (byStyle = new Map()));
  let byFormat = byStyle.get(style);
  if (!byFormat) byStyle.set(style, (byFormat = new Map()));
  let out = byFormat.get(numberFormat);
  if (!out) byFormat.set(numberFormat, (out = keyedSharedStyle(workbook, seen, base, numberFormat, style)));
  return out;
}

function keyedSharedStyle(workbook: ExcelJS.Workbook, seen: BaseKeys, base: Style, numberFormat: string | undefined, style: CellStyle | undefined): Style {
  let made = madeStyles.get(workbook);
  if (!made) madeStyles.set(workbook, (made = new Map()));
  const key = `${baseKey(base, seen)}\u0002${writeKey(numberFormat, style)}`;
  let out = made.get(key);
  if (!out) {
    out = Object.freeze(restyle(base, numberFormat, style));
    styleKeys.set(out, key);
    madeHere.add(out);
    made.set(key, out);
  }
  return out;
}

/** Gives the cell the shared style of its current look with the write over it. */
function restyleCell(workbook: ExcelJS.Workbook, seen: BaseKeys, cell: ExcelJS.Cell, numberFormat: string | undefined, style: CellStyle | undefined): void {
  cell.style = sharedStyle(workbook, seen, cell.style, numberFormat, style);
}

/** True when the cell's style object is one made (and shared) here. */
export function hasSharedStyle(cell: ExcelJS.Cell): boolean {
  return madeHere.has(cell.style);
}

function setValue(cell: ExcelJS.Cell, write: CellWrite): void {
  if (write.formula !== undefined) {
    const formula = write.formula.replace(/^=/, "");
    cell.value = write.value === null ? { formula } : ({ formula, result: write.value } as ExcelJS.CellFormulaValue);
    return;
  }
  // A string is stored as a string (shared string); ExcelJS never turns "=…" into a formula.
  cell.value = write.value;
}

/**
 * Sets value, number format and style of existing cells; nothing else of a cell changes
 * (a write without style keeps the cell's style; a style changes only the parts it names).
 */
export function applyCellWrites(ws: ExcelJS.Worksheet, writes: readonly CellWrite[], seen: StyleCache = newStyleCache()): void {
  for (const w of writes) {
    const cell = ws.getCell(w.address);
    setValue(cell, w);
    // A new (shared) style object; the cell's old one — in a loaded file, shared by every cell of
    // the same style id — is left as it was.
    if (w.numberFormat !== undefined || w.style) restyleCell(ws.workbook, seen, cell, w.numberFormat, w.style);
  }
}

function pageSetup(print: PrintSetup): Partial<ExcelJS.PageSetup> {
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: PAPER_A4 as ExcelJS.PaperSize,
    orientation: print.orientation,
  };
  if (print.fitToWidth) {
    setup.fitToPage = true;
    setup.fitToWidth = 1;
    setup.fitToHeight = 0;
  }
  if (print.printArea) setup.printArea = print.printArea;
  if (print.repeatRows) setup.printTitlesRow = print.repeatRows;
  if (print.margins) setup.margins = { ...print.margins, header: 0.3, footer: 0.3 };
  return setup;
}

function rangeBounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to] = range.split(":");
  const a = parseA1(from ?? "");
  const b = to ? parseA1(to) : a;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/**
 * Creates the worksheet a SheetSpec describes (or, with replace, removes the sheet of that name
 * and recreates it at the same position) and renders cells, formats, styles, merges, widths,
 * heights, print setup, conditional highlights, list validations, frozen rows and tab colour.
 */
export function writeSheetSpec(workbook: ExcelJS.Workbook, spec: SheetSpec, options: WriteSheetOptions = {}): ExcelJS.Worksheet {
  return renderSheetSpec(workbook, spec, options, false).worksheet;
}

/**
 * writeSheetSpec for a save that writes the sheet's cells as XML itself (sheet-xml.ts): the same
 * sheet, everything but its cells and row heights rendered into ExcelJS as ever, and of the cells
 * only one "carrier" per distinct look (each with the look's shared style object, so that ExcelJS
 * gives the look a style id) and one cell holding a string (so that the workbook has a shared
 * string table to add to). The cells themselves come back as `content`, each naming its look's carrier.
 */
export function writeSheetSpecDeferred(workbook: ExcelJS.Workbook, spec: SheetSpec, options: WriteSheetOptions = {}): { worksheet: ExcelJS.Worksheet; content: SheetXmlContent } {
  const { worksheet, content } = renderSheetSpec(workbook, spec, options, true);
  return { worksheet, content: content as SheetXmlContent };
}

/** The style of a new cell of a fresh sheet (no row or column style): nothing set. */
const BLANK_STYLE: Style = Object.freeze({});

function renderSheetSpec(workbook: ExcelJS.Workbook, spec: SheetSpec, options: WriteSheetOptions, deferCells: boolean): { worksheet: ExcelJS.Worksheet; content: SheetXmlContent | null } {
  const existing = workbook.getWorksheet(spec.name);
  let orderNo: number | undefined;
  if (existing) {
    if (!options.replace) throw new Error(`工作表「${spec.name}」已存在 / sheet "${spec.name}" already exists`);
    orderNo = internals(existing).orderNo;
    workbook.removeWorksheet(existing.id);
  }
  const ws = workbook.addWorksheet(spec.name);
  if (orderNo !== undefined) internals(ws).orderNo = orderNo;

  // Merges first, so a value written to a merged range can be checked to sit in its top-left cell.
  const merged = new Map<string, string>(); // slave address → master address
  for (const range of spec.merges) {
    const b = rangeBounds(range);
    ws.mergeCellsWithoutStyle(b.top, b.left, b.bottom, b.right);
    const master = a1(b.top, b.left);
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        if (r !== b.top || c !== b.left) merged.set(a1(r, c), master);
      }
    }
  }

  const planned = planCells(workbook, spec, merged, options.styles ?? newStyleCache());
  let content: SheetXmlContent | null = null;
  if (!deferCells) {
    for (const [address, { cell, style }] of planned) {
      const target = ws.getCell(cell.row, cell.col);
      // A merged cell's value is its master's: only its look is its own.
      if (!merged.has(address)) setValue(target, { address, value: cell.value, ...(cell.formula !== undefined ? { formula: cell.formula } : {}) });
      target.style = style;
    }
    for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  } else {
    content = carriersOnly(ws, planned, spec);
  }
  for (const [letter, width] of Object.entries(spec.columnWidths ?? {})) ws.getColumn(letter).width = width;

  if (spec.print) Object.assign(ws.pageSetup, pageSetup(spec.print));

  let priority = 1;
  for (const h of spec.conditionalHighlights ?? []) {
    const style: Partial<ExcelJS.Style> = {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(h.fill) }, fgColor: { argb: argb(h.fill) } },
    };
    if (h.fontColor) style.font = { color: { argb: argb(h.fontColor) } };
    ws.addConditionalFormatting({
      ref: h.range,
      rules: [{ type: "cellIs", operator: "lessThan", formulae: [String(h.lessThan)], style, priority: priority++ }],
    });
  }

  for (const v of spec.validations ?? []) {
    const list = `"${v.values.join(",")}"`;
    if (list.length > 257) throw new RangeError(`下拉列表过长 / list validation too long: ${v.range}`);
    internals(ws).dataValidations.add(v.range, {
      type: "list",
      allowBlank: true,
      formulae: [list],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "输入无效 / invalid entry",
      error: `请从列表中选择：${v.values.join("、")} / choose one of: ${v.values.join(", ")}`,
    });
  }

  if (spec.freezeRows && spec.freezeRows > 0) {
    ws.views = [{ state: "frozen", xSplit: 0, ySplit: spec.freezeRows, topLeftCell: `A${spec.freezeRows + 1}`, activeCell: `A${spec.freezeRows + 1}` }];
  }
  if (spec.tabColor) ws.properties.tabColor = { argb: argb(spec.tabColor) };
  return { worksheet: ws, content };
}

function insideMerge(spec: SheetSpec, w: CellWrite, master: string): Error {
  return new Error(`${spec.name}!${w.address} 位于合并区域内，值应写在 ${master} / ${w.address} is inside a merge; write the value to ${master}`);
}

/** A cell of a sheet written whole, as it is to be written: its value and its shared style object. */
type PlannedCell = { cell: SheetXmlCell; style: Style };

/**
 * The cells of `spec`, by address: values, and the shared style object each ends with (a later
 * write to an address builds on the earlier one's look; a merged cell without a style of its own
 * takes its master's, borders all around the merge). Refuses a value inside a merge.
 */
function planCells(workbook: ExcelJS.Workbook, spec: SheetSpec, merged: ReadonlyMap<string, string>, seen: StyleCache): Map<string, PlannedCell> {
  const planned = new Map<string, PlannedCell>();
  const styled = new Set<string>();
  for (const w of spec.cells) {
    const { row, col } = parseA1(w.address);
    const address = a1(row, col);
    const master = merged.get(address);
    if (master !== undefined && (w.value !== null || w.formula !== undefined)) throw insideMerge(spec, w, master);
    const prev = planned.get(address);
    const cell: SheetXmlCell = prev?.cell ?? { row, col, value: null };
    if (master === undefined) {
      cell.value = w.value;
      if (w.formula !== undefined) cell.formula = w.formula.replace(/^=/, "");
      else delete cell.formula;
    }
    planned.set(address, { cell, style: sharedStyle(workbook, seen, prev?.style ?? BLANK_STYLE, w.numberFormat, w.style) });
    if (w.style) styled.add(address);
  }
  for (const [slave, master] of merged) {
    if (styled.has(slave)) continue;
    const from = planned.get(master)?.style ?? sharedStyle(workbook, seen, BLANK_STYLE, undefined, undefined);
    const prev = planned.get(slave);
    const { row, col } = parseA1(slave);
    planned.set(slave, { cell: prev?.cell ?? { row, col, value: null }, style: from });
  }
  return planned;
}

/**
 * The planned cells put into ExcelJS only as one carrier per look (and one string), and returned
 * for sheet-xml.ts to write, each naming its look's carrier.
 */
function carriersOnly(ws: ExcelJS.Worksheet, planned: ReadonlyMap<string, PlannedCell>, spec: SheetSpec): SheetXmlContent {
  // One carrier per look that renders a style (a look with nothing set has style id 0: no carrier).
  const carriers = new Map<Style, string>();
  let stringCell: SheetXmlCell | null = null;
  for (const [address, { cell, style }] of planned) {
    if (stringCell === null && typeof cell.value === "string" && cell.formula === undefined) stringCell = cell;
    if (isBlankStyle(style)) continue;
    let carrier = carriers.get(style);
    if (carrier === undefined) {
      carriers.set(style, (carrier = address));
      ws.getCell(cell.row, cell.col).style = style;
    }
    cell.carrier = carrier;
  }
  // The workbook then has a shared string table for the save to add this sheet's strings to.
  if (stringCell !== null) ws.getCell(stringCell.row, stringCell.col).value = stringCell.value;
  return { cells: [...planned.values()].map((p) => p.cell), rowHeights: spec.rowHeights ?? {} };
}
