/**
 * The office-js adapter: WorkbookAdapter over the Excel JavaScript API, inside the task pane.
 *
 * Round trips (context.sync) are the cost that matters in Excel, above all in Excel on the web, so
 * the number of syncs is a constant, whatever the number of sheets or months:
 * - read():  2 syncs. The first lists the worksheets (name, position): the API has no way to ask for
 *   "the used range of every sheet" without knowing the sheets, so this one cannot be folded away.
 *   The second fetches, for every sheet at once, protection, the used range's values, number
 *   formats and formulas, and the merged areas (merges do NOT need a sync of their own).
 * - apply(): 1 sync. Calculation is suspended, owned cells are written, every SheetSpec is
 *   deleted (if present) and rebuilt, and plan.deleteSheets are removed, all in one batch; sheets of
 *   plan.protectSheets are unprotected before the writes and protected after them. Where the host has
 *   ExcelApi 1.20 the batch runs as `Excel.run({ mergeUndoGroup: true }, …)`: one Ctrl+Z undoes it.
 *
 * Text is always written as text: Excel parses strings given to `Range.values` as if typed
 * ("=…" becomes a formula, "001" the number 1, "2025-10" a date). Such strings are written with a
 * leading apostrophe, Excel's own "what follows is text" prefix; Excel consumes the apostrophe and
 * stores the text (sets the cell's quote prefix). This was chosen over number format "@" because
 * "@" is a lasting property of the cell: a number written there later would also turn into text.
 *
 * Requirement sets: the manifest asks for ExcelApi 1.7. Merged areas (1.13), data validation (1.8)
 * and page layout (1.9) are used only when the host has them; what was left out is listed in
 * `skipped` so that the pane can say so.
 */
import {
  type CellStyle,
  type CellValue,
  type CellWrite,
  type MergedRange,
  type ReadCell,
  type SheetSnapshot,
  type SheetSpec,
  type WorkbookAdapter,
  type WorkbookSnapshot,
  type WritePlan,
  type WriteValue,
  parseA1,
} from "./model";

/** Options of one batch: `mergeUndoGroup` makes the whole batch one step of Excel's own undo (ExcelApi 1.20). */
export interface BatchOptions {
  mergeUndoGroup?: boolean;
}

/** Runs one batch against Excel: `Excel.run` in the pane, a fake in the tests. */
export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: BatchOptions) => Promise<T>;

/** Excel's native undo group for a batch (`Excel.run({ mergeUndoGroup: true }, …)`). */
export const UNDO_GROUP_REQUIREMENT = { name: "ExcelApi", version: "1.20" } as const;

export interface ExcelAdapterOptions {
  /** Requirement-set probe; defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: (name: string, version: string) => boolean;
}

/** One thing the host could not do, for the pane to show (zh-CN first). */
export interface SkippedFeature {
  feature: string;
  requirement: string;
  message: string;
  messageEn: string;
}

const FEATURES = {
  merges: { requirement: "ExcelApi 1.13", feature: "merged areas", zh: "读取合并单元格", en: "reading merged cells" },
  validation: { requirement: "ExcelApi 1.8", feature: "data validation", zh: "下拉列表（数据验证）", en: "drop-down lists (data validation)" },
  pageLayout: { requirement: "ExcelApi 1.9", feature: "page layout", zh: "打印设置（A4、打印区域、标题行）", en: "print setup (A4, print area, title rows)" },
} as const;
type FeatureKey = keyof typeof FEATURES;

function defaultIsSetSupported(name: string, version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported(name, version);
}

function defaultRunner<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: BatchOptions): Promise<T> {
  return options ? Excel.run(options, batch) : Excel.run(batch);
}

function isRequestContext(x: unknown): x is Excel.RequestContext {
  return typeof x === "object" && x !== null && typeof (x as { sync?: unknown }).sync === "function";
}

export class ExcelAdapter implements WorkbookAdapter {
  /** Features left out by the last read() or apply() because the host lacks their requirement set. */
  skipped: SkippedFeature[] = [];
  /**
   * True when the last apply() ran as one native undo group (ExcelApi 1.20: Ctrl+Z undoes the whole
   * write). The product's own 撤销上次写入 (撤销记录 sheet) works everywhere, with or without it.
   */
  nativeUndo = false;
  private readonly run: BatchRunner;
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly ownsRuns: boolean = true;

  /** `source`: a RequestContext to use as is, or a batch runner; default `Excel.run`. */
  constructor(source?: Excel.RequestContext | BatchRunner, options: ExcelAdapterOptions = {}) {
    if (isRequestContext(source)) {
      const context = source;
      this.run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(context);
      this.ownsRuns = false; // the caller's batch: its undo grouping is the caller's
    } else {
      this.run = source ?? defaultRunner;
    }
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
  }

  private has(key: FeatureKey): boolean {
    const [name, version] = FEATURES[key].requirement.split(" ") as [string, string];
    if (this.isSetSupported(name, version)) return true;
    if (!this.skipped.some((s) => s.feature === FEATURES[key].feature)) {
      const f = FEATURES[key];
      this.skipped.push({
        feature: f.feature,
        requirement: f.requirement,
        message: `此版本的 Excel 不支持${f.zh}（需要 ${f.requirement}），已跳过。`,
        messageEn: `This Excel does not support ${f.en} (needs ${f.requirement}); skipped.`,
      });
    }
    return false;
  }

  async read(): Promise<WorkbookSnapshot> {
    this.skipped = [];
    const withMerges = this.has("merges");
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/position");
      await context.sync(); // 1 of 2: which sheets there are

      const pending = worksheets.items.map((sheet) => {
        sheet.protection.load("protected");
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,values,numberFormat,formulas");
        // Merged areas of the whole sheet: a merge left blank (a signature box) may lie outside the
        // values-only used range. At most 512 areas per call (API limit), far above a scorecard.
        let merged: Excel.RangeAreas | null = null;
        if (withMerges) {
          merged = sheet.getRange().getMergedAreasOrNullObject();
          merged.load("address");
        }
        return { sheet, used, merged };
      });
      await context.sync(); // 2 of 2: every sheet's cells, formats, formulas and merges

      const sheets: SheetSnapshot[] = pending.map(({ sheet, used, merged }) => {
        const snapshot: SheetSnapshot = {
          name: sheet.name,
          index: sheet.position,
          cells: used.isNullObject ? [] : cellsOf(used.rowIndex, used.columnIndex, used.values, used.numberFormat, used.formulas),
          merges: merged && !merged.isNullObject ? parseAreas(merged.address) : [],
        };
        if (sheet.protection.protected) snapshot.protected = true;
        return snapshot;
      });
      sheets.sort((a, b) => a.index - b.index);
      return { sheets };
    });
  }

  async apply(plan: WritePlan): Promise<void> {
    this.skipped = [];
    const features = {
      validation: plan.sheets.some((s) => (s.validations?.length ?? 0) > 0) ? this.has("validation") : true,
      pageLayout: plan.sheets.some((s) => s.print !== undefined) ? this.has("pageLayout") : true,
    };
    const undoGroup = this.isSetSupported(UNDO_GROUP_REQUIREMENT.name, UNDO_GROUP_REQUIREMENT.version);
    const protections = plan.protectSheets ?? [];
    this.nativeUndo = false;
    await this.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      const worksheets = context.workbook.worksheets;
      // 解除定稿 before the writes (Excel refuses writes to a protected sheet), 定稿 after them.
      for (const p of protections) if (!p.protect) worksheets.getItem(p.sheet).protection.unprotect();
      for (const group of plan.cellWrites) {
        const sheet = worksheets.getItem(group.sheet);
        for (const write of group.writes) queueCellWrite(sheet, write);
      }
      for (const spec of plan.sheets) queueSheet(worksheets, spec, features);
      // Owned sheets to remove (an undo); on a sheet that is already gone the null object's delete() does nothing.
      for (const name of plan.deleteSheets ?? []) worksheets.getItemOrNullObject(name).delete();
      // No password: a guard against slips, not a lock.
      for (const p of protections) if (p.protect) worksheets.getItem(p.sheet).protection.protect();
      await context.sync(); // the only one
    }, undoGroup ? { mergeUndoGroup: true } : undefined);
    this.nativeUndo = undoGroup && this.ownsRuns;
  }
}

// ---------------------------------------------------------------- reading

/** Turns the used range's arrays into the non-empty cells, row-major, 1-based. */
export function cellsOf(
  rowIndex: number,
  columnIndex: number,
  values: unknown[][],
  numberFormats: unknown[][],
  formulas: unknown[][],
): ReadCell[] {
  const cells: ReadCell[] = [];
  values.forEach((row, r) => {
    row.forEach((raw, c) => {
      const value = toCellValue(raw);
      const f = formulas[r]?.[c];
      // Range.formulas gives the value for a cell without a formula, and for text that only looks
      // like a formula ('=x, stored as text) it gives that same text: a formula differs from its value.
      const formula = typeof f === "string" && f.startsWith("=") && f !== raw ? f.slice(1) : undefined;
      if (value === null && formula === undefined) return;
      const fmt = numberFormats[r]?.[c];
      const cell: ReadCell = {
        row: rowIndex + r + 1,
        col: columnIndex + c + 1,
        value,
        numberFormat: typeof fmt === "string" && fmt !== "" ? fmt : "General",
      };
      if (formula !== undefined) cell.formula = formula;
      cells.push(cell);
    });
  });
  return cells;
}

function toCellValue(raw: unknown): CellValue {
  if (raw === "" || raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  return String(raw);
}

/**
 * Splits a RangeAreas address ("Sheet1!A1:B2, 'My sheet'!D4:E4") into rectangles.
 * Commas inside a quoted sheet name do not split; the sheet part is dropped.
 */
export function parseAreas(address: string): MergedRange[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // '' inside a quoted name toggles twice: no effect
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  const areas: MergedRange[] = [];
  for (const part of parts) {
    const ref = part.slice(part.lastIndexOf("!") + 1).trim().replace(/\$/g, "");
    if (ref === "") continue;
    const [from, to = from] = ref.split(":") as [string, string?];
    const a = parseA1(from);
    const b = parseA1(to);
    areas.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
  }
  return areas;
}

// ---------------------------------------------------------------- writing

/**
 * True when Excel would not keep the string as typed: a formula or sign (= + -), its own prefixes
 * (' @), an error literal (#N/A), an accounting negative "(5)", TRUE/FALSE, or anything holding a
 * digit (numbers, dates such as "2025-10" or "2025年10月", times, percentages, fractions; full-width
 * digits too). Text without any of these is left alone.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  const s = text.normalize("NFKC");
  return /^[=+\-'@#(]/.test(s.trimStart()) || /\d/.test(s) || /^\s*(true|false)\s*$/i.test(s);
}

/** The value to put into `Range.values` so that Excel stores exactly `value`. */
export function toExcelInput(value: WriteValue): string | number | boolean {
  if (value === null) return ""; // "" clears the cell; null would mean "leave unchanged"
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`不能写入非有限数值 / cannot write a non-finite number: ${value}`);
    return value;
  }
  if (typeof value === "boolean") return value;
  return needsTextPrefix(value) ? `'${value}` : value;
}

function queueCellWrite(sheet: Excel.Worksheet, write: CellWrite): void {
  const range = sheet.getRange(write.address);
  if (write.numberFormat !== undefined) range.numberFormat = [[write.numberFormat]];
  if (write.formula !== undefined) range.formulas = [[`=${write.formula}`]];
  else range.values = [[toExcelInput(write.value)]];
  if (write.style) queueStyle(range, write.style);
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

function queueStyle(range: Excel.Range, style: CellStyle): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal !== undefined) format.horizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = V_ALIGN[style.vertical];
  if (style.border !== undefined) {
    for (const edge of EDGES) {
      const border = format.borders.getItem(edge);
      if (style.border === "none") {
        border.style = "None";
      } else {
        border.style = "Continuous";
        border.weight = style.border === "medium" ? "Medium" : "Thin";
      }
    }
  }
}

/** Excel's column width in characters (of the default font's digit, 7 px) to points, as Excel rounds it. */
export function columnWidthPoints(chars: number): number {
  const pixels = Math.trunc(chars * 7 + 5);
  return pixels * 0.75;
}

const INCH = 72; // points; SheetSpec print margins are in inches, as in ExcelJS

function queueSheet(
  worksheets: Excel.WorksheetCollection,
  spec: SheetSpec,
  features: { validation: boolean; pageLayout: boolean },
): void {
  // Replace the whole sheet. On a missing sheet the null object's delete() does nothing.
  worksheets.getItemOrNullObject(spec.name).delete();
  const sheet = worksheets.add(spec.name);

  for (const [column, width] of Object.entries(spec.columnWidths ?? {})) {
    sheet.getRange(`${column}:${column}`).format.columnWidth = columnWidthPoints(width);
  }
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) {
    sheet.getRange(`${row}:${row}`).format.rowHeight = height;
  }
  for (const write of spec.cells) queueCellWrite(sheet, write);
  for (const merge of spec.merges) sheet.getRange(merge).merge(false);

  for (const h of spec.conditionalHighlights ?? []) {
    const cf = sheet.getRange(h.range).conditionalFormats.add("CellValue");
    cf.cellValue.format.fill.color = h.fill;
    if (h.fontColor !== undefined) cf.cellValue.format.font.color = h.fontColor;
    cf.cellValue.rule = { formula1: String(h.lessThan), operator: "LessThan" };
  }
  if (features.validation) {
    for (const v of spec.validations ?? []) {
      sheet.getRange(v.range).dataValidation.rule = { list: { inCellDropDown: true, source: listSource(v.values) } };
    }
  }
  if (spec.print && features.pageLayout) {
    const layout = sheet.pageLayout;
    layout.orientation = spec.print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    if (spec.print.printArea !== undefined) layout.setPrintArea(spec.print.printArea);
    if (spec.print.repeatRows !== undefined) layout.setPrintTitleRows(absoluteRows(spec.print.repeatRows));
    if (spec.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    const m = spec.print.margins;
    if (m) {
      layout.leftMargin = m.left * INCH;
      layout.rightMargin = m.right * INCH;
      layout.topMargin = m.top * INCH;
      layout.bottomMargin = m.bottom * INCH;
    }
  }
  if (spec.freezeRows !== undefined && spec.freezeRows > 0) sheet.freezePanes.freezeRows(spec.freezeRows);
  if (spec.tabColor !== undefined) sheet.tabColor = spec.tabColor;

  if (spec.chart) {
    const c = spec.chart;
    const [first, ...rest] = c.series;
    if (first) {
      const chart = sheet.charts.add("Line", sheet.getRange(first.values), "Columns");
      chart.title.text = c.title;
      const s0 = chart.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(sheet.getRange(c.categories));
      for (const s of rest) {
        const series = chart.series.add(s.name);
        series.setValues(sheet.getRange(s.values));
        series.setXAxisValues(sheet.getRange(c.categories));
      }
      chart.setPosition(c.anchor.from, c.anchor.to);
    }
  }
}

/** A list validation's source: comma-separated; a value holding a comma cannot be expressed. */
function listSource(values: readonly string[]): string {
  for (const v of values) {
    if (v.includes(",")) throw new RangeError(`下拉列表的选项不能包含逗号 / a list option cannot contain a comma: ${v}`);
  }
  return values.join(",");
}

/** "1:4" → "$1:$4" (the form Excel stores for print titles). */
function absoluteRows(rows: string): string {
  const m = /^\$?(\d+)(?::\$?(\d+))?$/.exec(rows.trim());
  if (!m) throw new RangeError(`not a row range: ${rows}`);
  return `$${m[1]}:$${m[2] ?? m[1]}`;
}
