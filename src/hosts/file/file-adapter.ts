/**
 * The file adapter: WorkbookAdapter over an .xlsx in memory, with ExcelJS. read() takes one snapshot
 * (rich text → plain text, a formula → its cached result plus the formula, a date → its Excel
 * serial with the cell's number format, merges from the worksheet); apply() sets the owned cells
 * and whole sheets of a plan; save() returns the new file.
 *
 * On the command line (FileAdapterOptions from src/hosts/file/node-zlib.ts) three steps go faster, with the same
 * result: ExcelJS parses the parts the guard already inflated; the save is zipped by zlib; and the
 * sheets a plan writes whole have their cells written as XML at the save (sheet-xml.ts), ExcelJS
 * holding only one carrier cell per look until then (a read() before the save puts the cells in).
 *
 * LIMITS: apply() fits the plan to Excel's limits once more (src/workbook/sheets/excel-limits.ts: texts
 * of at most 32,767 characters, rows of at most 409 points, no character XML 1.0 forbids), whoever
 * made it: the plans of src/workbook/plan.ts are fitted already, the pane's form drafts are not.
 *
 * RECALCULATION: every save sets fullCalcOnLoad (<calcPr fullCalcOnLoad="1"/> in xl/workbook.xml),
 * so Excel recalculates the whole workbook when it opens the file: the clerk's own formulas that
 * read owned cells (a 汇总 sheet, an average) hold the cached values of before the write, and ExcelJS
 * computes nothing. Excel clears the flag on its next save (it may ask to save on closing). In Excel
 * mode (src/hosts/excel/excel-adapter.ts) there is no file: each batch of apply() opens with
 * suspendApiCalculationUntilNextSync(), and calculation resumes after that sync without a
 * recalculation being asked for, so formulas over written cells may show old values until Excel next
 * calculates — issue 14, point 6 ("recalculate after the write") is where that is to be done.
 *
 * PRESERVATION: ExcelJS silently drops parts of a workbook it does not understand (charts, pivot
 * tables, slicers, macros, threaded comments, external links…). save() compares the package parts
 * of input and output by kind and refuses — writing nothing — when any kind the input holds would
 * be lost, naming it in Chinese and English.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyCellWrites, newStyleCache, writeSheetSpec, writeSheetSpecDeferred } from "./exceljs-sheet";
import { type DeferredSheets, renderSheetData, type SharedString, type SheetXmlContent, spliceSheetData, styleIdsOf } from "./sheet-xml";
import { GuardOptions, inspectXlsx, readDirectory, XlsxRefusal } from "./guard";
import type { ZipPart } from "./zip-write";
import type { CellValue, MergedRange, ReadCell, SheetSnapshot, SheetSpec, WorkbookAdapter, WorkbookSnapshot, WritePlan } from "../../workbook/model";
import { fitPlan } from "../../workbook/sheets/excel-limits";

/** ExcelJS's date Date → the 1900-system serial it was read from (ExcelJS reads dates as UTC midnight). */
function dateToSerial(d: Date): number {
  return 25569 + d.getTime() / 86_400_000;
}

type RawValue = ExcelJS.CellValue | { error: string } | undefined;

function plain(value: RawValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return plain((value as { result?: RawValue }).result as RawValue);
    if ("text" in value && "hyperlink" in value) return plain(value.text as RawValue);
    if ("error" in value) return String((value as { error: string }).error);
  }
  return String(value);
}

interface MergeInternals {
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number }>;
}

function snapshotSheet(ws: ExcelJS.Worksheet, index: number): SheetSnapshot {
  const cells: ReadCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // a merged cell's value lives in its master
      const raw = cell.value as RawValue;
      const value = plain(raw);
      const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      if (value === null && formula === undefined) return;
      const isDate = raw instanceof Date || (typeof raw === "object" && raw !== null && "result" in raw && raw.result instanceof Date);
      const numberFormat = cell.numFmt || (isDate ? "yyyy-mm-dd" : "General");
      const out: ReadCell = { row: r, col: c, value, numberFormat };
      if (formula) out.formula = formula.replace(/^=/, "");
      cells.push(out);
    });
  });
  const merges: MergedRange[] = Object.values((ws as unknown as MergeInternals)._merges ?? {}).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
  const sheet: SheetSnapshot = { name: ws.name, index, cells, merges };
  if ((ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet) sheet.protected = true;
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// Package parts and what losing them means.

interface PartKind {
  id: string;
  zh: string;
  en: string;
  test: (path: string) => boolean;
}

const under = (dir: string) => (p: string) => p.startsWith(dir);

/** Kinds of parts a workbook may hold, named for the clerk. Order matters: first match wins. */
const PART_KINDS: readonly PartKind[] = [
  { id: "chart", zh: "图表", en: "charts", test: under("xl/charts/") },
  { id: "chartsheet", zh: "图表工作表", en: "chart sheets", test: under("xl/chartsheets/") },
  { id: "pivotTable", zh: "数据透视表", en: "pivot tables", test: under("xl/pivotTables/") },
  { id: "pivotCache", zh: "数据透视表缓存", en: "pivot caches", test: under("xl/pivotCache/") },
  { id: "vba", zh: "宏（VBA）", en: "macros (VBA)", test: (p) => p === "xl/vbaProject.bin" || p === "xl/vbaProjectSignature.bin" },
  { id: "threadedComment", zh: "新式批注（讨论）", en: "threaded comments", test: under("xl/threadedComments/") },
  { id: "person", zh: "批注人员列表", en: "comment authors (persons)", test: under("xl/persons/") },
  { id: "comment", zh: "批注", en: "comments (notes)", test: (p) => /^xl\/comments[^/]*\.xml$/.test(p) },
  { id: "externalLink", zh: "外部链接", en: "external links", test: under("xl/externalLinks/") },
  { id: "slicer", zh: "切片器", en: "slicers", test: (p) => p.startsWith("xl/slicers/") || p.startsWith("xl/slicerCaches/") },
  { id: "timeline", zh: "日程表", en: "timelines", test: (p) => p.startsWith("xl/timelines/") || p.startsWith("xl/timelineCaches/") },
  { id: "dataModel", zh: "数据模型（Power Pivot）", en: "data model (Power Pivot)", test: under("xl/model/") },
  { id: "customXml", zh: "自定义 XML", en: "custom XML", test: under("customXml/") },
  { id: "connection", zh: "数据连接", en: "data connections", test: (p) => p === "xl/connections.xml" },
  { id: "queryTable", zh: "查询表", en: "query tables", test: under("xl/queryTables/") },
  { id: "drawing", zh: "绘图对象（图片、形状、文本框）", en: "drawings (pictures, shapes, text boxes)", test: (p) => p.startsWith("xl/drawings/") && p.endsWith(".xml") },
  { id: "vmlDrawing", zh: "旧式绘图（批注框、表单控件）", en: "legacy drawings (note boxes, form controls)", test: (p) => p.startsWith("xl/drawings/") && p.endsWith(".vml") },
  { id: "media", zh: "图片", en: "images", test: under("xl/media/") },
  { id: "table", zh: "表格（Excel 表）", en: "Excel tables", test: under("xl/tables/") },
  { id: "ctrlProp", zh: "表单控件", en: "form controls", test: under("xl/ctrlProps/") },
  { id: "activeX", zh: "ActiveX 控件", en: "ActiveX controls", test: under("xl/activeX/") },
  { id: "embedding", zh: "嵌入对象", en: "embedded objects", test: under("xl/embeddings/") },
  { id: "richData", zh: "单元格内图片（富数据）", en: "pictures in cells (rich data)", test: under("xl/richData/") },
  { id: "metadata", zh: "动态数组公式元数据", en: "dynamic-array formula metadata", test: (p) => p === "xl/metadata.xml" },
  { id: "webExtension", zh: "加载项数据", en: "add-in (web extension) parts", test: under("xl/webextensions/") },
  { id: "customProps", zh: "自定义文档属性", en: "custom document properties", test: (p) => p === "docProps/custom.xml" },
  { id: "worksheet", zh: "工作表", en: "worksheets", test: (p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p) },
  { id: "theme", zh: "主题", en: "themes", test: under("xl/theme/") },
];

/**
 * Parts that are rebuilt from the rest, or whose loss changes nothing the clerk sees:
 * the package skeleton, relationships, styles, shared strings, the calculation chain (Excel
 * rebuilds it), printer driver settings (the page setup itself is kept in the sheet).
 */
function ignoredPart(path: string): boolean {
  return (
    path.endsWith("/") ||
    path.endsWith(".rels") ||
    [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/styles.xml",
      "xl/sharedStrings.xml",
      "xl/calcChain.xml",
      "docProps/app.xml",
      "docProps/core.xml",
    ].includes(path) ||
    path.startsWith("xl/printerSettings/")
  );
}

export interface LostKind {
  id: string;
  zh: string;
  en: string;
  /** The input's parts of this kind. */
  parts: string[];
}

function kindOf(path: string): PartKind {
  const known = PART_KINDS.find((k) => k.test(path));
  if (known) return known;
  const generic = path.replace(/\d+(?=\.[a-z]+$)/i, "N");
  return { id: `part:${generic}`, zh: `其他部件 ${generic}`, en: `other part ${generic}`, test: () => false };
}

function countKinds(paths: readonly string[]): Map<string, { kind: PartKind; parts: string[] }> {
  const out = new Map<string, { kind: PartKind; parts: string[] }>();
  for (const p of paths) {
    if (ignoredPart(p)) continue;
    const kind = kindOf(p);
    const entry = out.get(kind.id) ?? { kind, parts: [] };
    entry.parts.push(p);
    out.set(kind.id, entry);
  }
  return out;
}

/** The file parts of a zip (folder entries left out): from its directory, read by the guard's reader; by JSZip when that refuses it. */
async function partNames(zip: Uint8Array): Promise<string[]> {
  const dir = readDirectory(zip);
  if ("entries" in dir) return dir.entries.map((e) => e.name).filter((n) => !n.endsWith("/"));
  const z = await JSZip.loadAsync(zip);
  return Object.values(z.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
}

/**
 * Kinds of content the input has more parts of than the output: what writing the output would lose.
 * `removed` counts parts removed on purpose, by kind id (the owned sheets a plan deletes).
 */
export async function lostContent(input: Buffer | Uint8Array, output: Buffer | Uint8Array, removed: Readonly<Record<string, number>> = {}): Promise<LostKind[]> {
  const before = countKinds(await partNames(input));
  const after = countKinds(await partNames(output));
  const lost: LostKind[] = [];
  for (const [id, { kind, parts }] of before) {
    const kept = after.get(id)?.parts.length ?? 0;
    if (kept + (removed[id] ?? 0) < parts.length) lost.push({ id, zh: kind.zh, en: kind.en, parts });
  }
  return lost;
}

/** Refusal to write a file that would lose content the input holds. */
export class PreservationError extends Error {
  readonly lost: LostKind[];
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(lost: LostKind[]) {
    const zh = `工作簿含有本工具（文件模式）无法保留的内容：${lost.map((l) => `${l.zh}（${l.parts.join("、")}）`).join("；")}。写出会丢失这些内容，因此未写入任何文件。请在 Excel 中用加载项评分，或先另存一份不含这些内容的副本再运行。`;
    const en = `the workbook holds content this tool cannot keep in file mode: ${lost.map((l) => `${l.en} (${l.parts.join(", ")})`).join("; ")}. Writing would lose it, so nothing was written. Score it with the add-in inside Excel, or run on a copy without that content.`;
    super(`${zh}\n${en}`);
    this.name = "PreservationError";
    this.lost = lost;
    this.messageZh = zh;
    this.messageEn = en;
  }
}

/** The file could not be read as an .xlsx workbook. */
export class NotAWorkbookError extends Error {
  constructor(cause: unknown) {
    super(`不是有效的 .xlsx 工作簿 / not a valid .xlsx workbook: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "NotAWorkbookError";
  }
}

/** Refused by the guard (guard.ts) before ExcelJS saw a byte: the wrong kind of file, a damaged one, or one over a safety limit. */
export class RefusedFileError extends NotAWorkbookError {
  readonly code: XlsxRefusal["code"];
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(refusal: XlsxRefusal) {
    super(refusal.message);
    this.name = "RefusedFileError";
    this.message = `${refusal.message}\n${refusal.messageEn}`;
    this.code = refusal.code;
    this.messageZh = refusal.message;
    this.messageEn = refusal.messageEn;
  }
}

/** What the host offers to make the adapter faster (the command line gives Node's zlib); results are the same without. */
export interface FileAdapterOptions extends Omit<GuardOptions, "keepParts"> {
  /**
   * Loads the workbook from the parts the guard has already inflated, in place of ExcelJS reading
   * the file (which inflates them all again): the command line's gives them to ExcelJS's parser
   * directly (src/hosts/file/native-zip.ts).
   */
  loadXlsx?: (workbook: ExcelJS.Workbook, parts: readonly ZipPart[]) => Promise<void>;
  /**
   * save()'s writer in place of ExcelJS's writeBuffer(): the command line's renders through ExcelJS
   * the same way but zips with Node's zlib, and writes the cells of the sheets the product writes
   * whole as XML itself (`deferred`, sheet-xml.ts) (src/hosts/file/native-zip.ts). Null when it cannot
   * write `deferred`: those cells then go into ExcelJS and the save is made again.
   */
  writeXlsx?: (workbook: ExcelJS.Workbook, deferred: DeferredSheets) => Promise<Uint8Array | null>;
}

/** A sheet written whole whose cells wait for save() to write them as XML (writeSheetSpecDeferred). */
interface DeferredSheet {
  worksheet: ExcelJS.Worksheet;
  spec: SheetSpec;
  content: SheetXmlContent;
}

function toBuffer(out: ArrayBuffer | Uint8Array): Buffer {
  // writeBuffer() gives a Buffer (typed ArrayBuffer): wrapped, not copied.
  return ArrayBuffer.isView(out) ? Buffer.from(out.buffer, out.byteOffset, out.byteLength) : Buffer.from(out);
}

export class ExcelFileAdapter implements WorkbookAdapter {
  /** Worksheets deleted on purpose by apply(): not a loss. */
  private deletedSheets = 0;
  /**
   * With a writeXlsx that writes sheets' cells itself: the sheets apply() wrote whole, by name,
   * their cells not yet in ExcelJS (a read() or a save the ordinary way puts them there first).
   */
  private readonly deferred = new Map<string, DeferredSheet>();

  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    private readonly input: Buffer,
    private readonly options: FileAdapterOptions,
  ) {}

  /**
   * Loads an .xlsx from memory; throws NotAWorkbookError when it is not one (RefusedFileError when
   * the guard refuses it unparsed). `options` speed the guard and save() up where Node's zlib is there.
   */
  static async fromBuffer(input: Buffer, options: FileAdapterOptions = {}): Promise<ExcelFileAdapter> {
    const { loadXlsx } = options;
    const verdict = await inspectXlsx(input, { ...options, keepParts: loadXlsx !== undefined });
    if (!verdict.ok) throw new RefusedFileError(verdict);
    const workbook = new ExcelJS.Workbook();
    try {
      if (loadXlsx && verdict.parts) await loadXlsx(workbook, verdict.parts);
      else await workbook.xlsx.load(input as unknown as ArrayBuffer);
    } catch (e) {
      throw new NotAWorkbookError(e);
    }
    return new ExcelFileAdapter(workbook, input, options);
  }

  /** Puts a deferred sheet's cells into ExcelJS: the sheet written whole the ordinary way, its protection kept. */
  private materialize(name: string): void {
    const d = this.deferred.get(name);
    if (!d) return;
    this.deferred.delete(name);
    const protection = (d.worksheet as unknown as { sheetProtection?: unknown }).sheetProtection;
    const ws = writeSheetSpec(this.workbook, d.spec, { replace: true });
    if (protection) (ws as unknown as { sheetProtection?: unknown }).sheetProtection = protection;
  }

  private materializeAll(): void {
    for (const name of [...this.deferred.keys()]) this.materialize(name);
  }

  async read(): Promise<WorkbookSnapshot> {
    this.materializeAll();
    return { sheets: this.workbook.worksheets.map((ws, index) => snapshotSheet(ws, index)) };
  }

  async apply(given: WritePlan): Promise<void> {
    const plan = fitPlan(given);
    // 解除定稿 before the writes, 定稿 after them (Excel refuses writes to a protected sheet; kept the same here).
    const protections = plan.protectSheets ?? [];
    for (const p of protections) if (!p.protect) this.workbook.worksheets.find((w) => w.name === p.sheet)?.unprotect();
    // One style cache for the whole plan: nothing but these writes touches a style object meanwhile.
    const styles = newStyleCache();
    // worksheets is an array ExcelJS builds and sorts on each read: once, not once a sheet written.
    const byName = new Map(this.workbook.worksheets.map((w) => [w.name, w]));
    for (const { sheet, writes } of plan.cellWrites) {
      if (this.deferred.has(sheet)) {
        this.materialize(sheet); // cells written over a sheet written whole before: into ExcelJS first
        byName.set(sheet, this.workbook.getWorksheet(sheet) as ExcelJS.Worksheet);
      }
      const ws = byName.get(sheet);
      if (!ws) throw new Error(`工作表「${sheet}」不存在 / no sheet "${sheet}"`);
      applyCellWrites(ws, writes, styles);
    }
    for (const spec of plan.sheets) {
      this.deferred.delete(spec.name);
      if (this.options.writeXlsx) {
        const { worksheet, content } = writeSheetSpecDeferred(this.workbook, spec, { replace: true, styles });
        this.deferred.set(spec.name, { worksheet, spec, content });
      } else {
        writeSheetSpec(this.workbook, spec, { replace: true, styles });
      }
    }
    for (const name of plan.deleteSheets ?? []) {
      this.deferred.delete(name);
      const ws = this.workbook.worksheets.find((w) => w.name === name);
      if (ws) {
        this.workbook.removeWorksheet(ws.id);
        this.deletedSheets++;
      }
    }
    for (const p of protections) {
      if (!p.protect) continue;
      const ws = this.workbook.worksheets.find((w) => w.name === p.sheet);
      if (!ws) throw new Error(`工作表「${p.sheet}」不存在，无法保护 / no sheet "${p.sheet}" to protect`);
      await ws.protect("", {}); // no password: a guard against slips, not a lock
    }
  }

  private async writeXlsx(): Promise<Buffer> {
    // Excel recalculates on open (ExcelJS reads calcPr's attributes as nothing: set on every save).
    this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
    const { writeXlsx } = this.options;
    if (writeXlsx) {
      const deferred = new Map(
        [...this.deferred.values()].map((d) => [
          `xl/worksheets/sheet${d.worksheet.id}.xml`,
          (xml: string, sharedString: SharedString) => spliceSheetData(xml, renderSheetData(d.content, styleIdsOf(xml), sharedString)),
        ]),
      );
      const out = await writeXlsx(this.workbook, deferred);
      if (out) return toBuffer(out);
      // The writer could not write those cells: into ExcelJS with them, and saved again.
      this.materializeAll();
      const again = await writeXlsx(this.workbook, new Map());
      if (again) return toBuffer(again);
    }
    this.materializeAll();
    return toBuffer(await this.workbook.xlsx.writeBuffer());
  }

  /** The workbook as an .xlsx; throws PreservationError (and returns nothing) when content would be lost. */
  async save(): Promise<Buffer> {
    const output = await this.writeXlsx();
    const lost = await lostContent(this.input, output, { worksheet: this.deletedSheets });
    if (lost.length > 0) throw new PreservationError(lost);
    return output;
  }
}
