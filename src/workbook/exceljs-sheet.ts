/**
 * Renders the sheet model (model.ts) into an ExcelJS workbook: whole sheets the product owns
 * (writeSheetSpec) and owned cells of existing sheets (applyCellWrites). Text is always stored as
 * text — ExcelJS only makes a formula from a { formula } value, and this module only builds one
 * from CellWrite.formula, never from a string, whatever the string starts with.
 * A chart spec cannot be rendered by ExcelJS and is ignored here (the caller notes it on the sheet).
 */
import type ExcelJS from "exceljs";
import type { CellStyle, CellWrite, PrintSetup, SheetSpec } from "./model";
import { a1, parseA1 } from "./model";

export interface WriteSheetOptions {
  /** Remove an existing sheet of the same name and recreate it at the same position. */
  replace?: boolean;
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

function font(existing: Partial<ExcelJS.Font> | undefined, style: CellStyle): Partial<ExcelJS.Font> | undefined {
  if (style.bold === undefined && style.italic === undefined && style.fontSize === undefined && style.fontColor === undefined) {
    return existing;
  }
  const out: Partial<ExcelJS.Font> = { ...(existing ?? {}) };
  if (style.bold !== undefined) out.bold = style.bold;
  if (style.italic !== undefined) out.italic = style.italic;
  if (style.fontSize !== undefined) out.size = style.fontSize;
  if (style.fontColor !== undefined) out.color = { argb: argb(style.fontColor) };
  return out;
}

function alignment(existing: Partial<ExcelJS.Alignment> | undefined, style: CellStyle): Partial<ExcelJS.Alignment> | undefined {
  if (style.wrap === undefined && style.horizontal === undefined && style.vertical === undefined) return existing;
  const out: Partial<ExcelJS.Alignment> = { ...(existing ?? {}) };
  if (style.wrap !== undefined) out.wrapText = style.wrap;
  if (style.horizontal !== undefined) out.horizontal = style.horizontal;
  if (style.vertical !== undefined) out.vertical = style.vertical;
  return out;
}

function border(kind: NonNullable<CellStyle["border"]>): Partial<ExcelJS.Borders> {
  if (kind === "none") return {};
  const side: Partial<ExcelJS.Border> = { style: kind, color: { argb: "FF000000" } };
  return { top: side, left: side, bottom: side, right: side };
}

/** Gives the cell a style object of its own (parts are replaced whole, never mutated, so a shallow copy is enough). */
function detachStyle(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style };
}

/** Applies a CellStyle over the cell's current style: only what the style names changes. */
function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const f = font(cell.font, style);
  if (f !== cell.font && f) cell.font = f;
  const a = alignment(cell.alignment, style);
  if (a !== cell.alignment && a) cell.alignment = a;
  if (style.fill !== undefined) {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) }, bgColor: { argb: argb(style.fill) } };
  }
  if (style.border !== undefined) cell.border = border(style.border);
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
export function applyCellWrites(ws: ExcelJS.Worksheet, writes: readonly CellWrite[]): void {
  for (const w of writes) {
    const cell = ws.getCell(w.address);
    setValue(cell, w);
    // A loaded file's cells share one style object per style id: give this cell its own before
    // changing it, or every cell with the same look would change too.
    if (w.numberFormat !== undefined || w.style) detachStyle(cell);
    if (w.numberFormat !== undefined) cell.numFmt = w.numberFormat;
    if (w.style) applyStyle(cell, w.style);
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

  const styled = new Set<string>();
  for (const w of spec.cells) {
    const { row, col } = parseA1(w.address);
    const address = a1(row, col);
    const cell = ws.getCell(row, col);
    const master = merged.get(address);
    if (master !== undefined) {
      if (w.value !== null || w.formula !== undefined) {
        throw new Error(`${spec.name}!${w.address} 位于合并区域内，值应写在 ${master} / ${w.address} is inside a merge; write the value to ${master}`);
      }
    } else {
      setValue(cell, w);
    }
    if (w.numberFormat !== undefined) cell.numFmt = w.numberFormat;
    if (w.style) {
      applyStyle(cell, w.style);
      styled.add(address);
    }
  }
  // A merged cell with no style of its own takes its master's (borders all around the merge).
  for (const [slave, master] of merged) {
    if (!styled.has(slave)) ws.getCell(slave).style = { ...ws.getCell(master).style };
  }

  for (const [letter, width] of Object.entries(spec.columnWidths ?? {})) ws.getColumn(letter).width = width;
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(row)).height = height;

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
  return ws;
}
