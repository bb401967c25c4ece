/**
 * The file adapter: WorkbookAdapter over an .xlsx kept as a package of parts (opc.ts). It changes a
 * workbook the way "open in Excel, change some cells, save" does:
 * - read() parses the workbook, its sheets, shared strings and styles into one snapshot;
 * - apply() edits, in place, the worksheet parts with owned cells (worksheet.ts), renders the sheets
 *   the product owns whole (render-sheet.ts), appends the looks it needs to the styles part
 *   (styles.ts), and adds or removes sheets in xl/workbook.xml, its relationships and
 *   [Content_Types].xml (workbook.ts, relationships.ts) — each a splice of the part's text;
 * - save() zips the package: every part apply() did not change is copied from the input as it was.
 * Charts, pictures, pivot tables, VBA, threaded comments, custom properties, external links,
 * printer settings and anything unknown are never parsed, so never lost: nothing is refused for
 * holding them, and an .xlsm stays an .xlsm.
 *
 * Each apply() is all or nothing: the parts are changed in working copies and put into the package
 * only when the whole plan has gone in; a plan that fails (a sheet that is not there, a value inside
 * a merge) leaves the workbook as it was.
 *
 * LIMITS: apply() fits the plan to Excel's limits (src/workbook/sheets/excel-limits.ts: texts of at
 * most 32,767 characters, rows of at most 409 points, no character XML 1.0 forbids), whoever made it.
 *
 * RECALCULATION: every save sets fullCalcOnLoad (<calcPr fullCalcOnLoad="1"/>), so Excel recalculates
 * the whole workbook when it opens the file: the clerk's own formulas that read owned cells hold the
 * cached values of before the write, and the product computes none. Excel clears the flag on its next
 * save. When a formula the workbook had is overwritten, or a sheet replaced or removed, the
 * calculation chain (xl/calcChain.xml, a cache Excel rebuilds) is dropped: left, it would name cells
 * that no longer hold formulas, which Excel reports as damage.
 */
// @ts-nocheck

import type { SheetSnapshot, WorkbookAdapter, WorkbookSnapshot, WritePlan } from "../../workbook/model";
import { fitPlan } from "../../workbook/sheets/excel-limits";
import { type InflateSync, inspectXlsx, type XlsxRefusal } from "./guard";
import { FFLATE_CODEC, fflateInflateSync } from "./package/codec";
import { OpcPackage, relativeTarget, relsPartOf, resolveTarget, type SourcePart, type ZipCodec } from "./package/opc";
import { ContentTypesPart, CT_WORKSHEET, REL_NS, REL_WORKSHEET, RelationshipsPart } from "./package/relationships";
import { renderWorksheet } from "./package/render-sheet";
import { newStylesXml, parseStyles, type StyleBook } from "./package/styles";
import { WorkbookPart, type WorkbookSheet } from "./package/workbook";
import { parseWorksheetXml, readSharedStrings, WorksheetPart } from "./package/worksheet";
import { PartParseError } from "./package/xml";

export { PartParseError };

/** The file could not be read as an .xlsx workbook. */
export class NotAWorkbookError extends Error {
  constructor(cause: unknown) {
    super(`不是有效的 .xlsx 工作簿 / not a valid .xlsx workbook: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "NotAWorkbookError";
  }
}

/** Refused by the guard (guard.ts) before any part was parsed: the wrong kind of file, a damaged one, or one over a safety limit. */
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

/**
 * A write the workbook cannot take as it stands (a sheet the product must create is the name of a
 * chart sheet): refused before anything is changed, both languages kept for the command line.
 */
export class SheetConflictError extends Error {
  readonly sheet: string;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(sheet: string) {
    const zh = `工作表「${sheet}」已存在，但不是普通工作表（如图表工作表），无法替换；请改名或删除它后再运行，未写入任何内容。`;
    const en = `"${sheet}" exists and is not a worksheet (a chart sheet?); it cannot be replaced: rename or delete it and run again. Nothing was written.`;
    super(`${zh}\n${en}`);
    this.name = "SheetConflictError";
    this.sheet = sheet;
    this.messageZh = zh;
    this.messageEn = en;
  }
}

/** What the host gives: compression (Node's zlib on the command line; fflate by default). */
export interface FileAdapterOptions {
  codec?: ZipCodec;
  /** The guard's synchronous inflater for parts up to 4 MB. */
  inflateSync?: InflateSync;
}

const WORKBOOK = "xl/workbook.xml";
const CONTENT_TYPES = "[Content_Types].xml";
const CALC_CHAIN_TYPE = `${REL_NS}/calcChain`;
const STYLES_TYPE = `${REL_NS}/styles`;
const SHARED_STRINGS_TYPE = `${REL_NS}/sharedStrings`;

/** The parts one apply() works on, parsed from the package; put back by commit(). */
class Working {
  readonly workbook: WorkbookPart;
  readonly rels: RelationshipsPart;
  readonly types: ContentTypesPart;
  readonly styles: StyleBook;
  readonly stylesPart: string;
  readonly sheets = new Map<string, WorksheetPart>();
  /** Parts whose text is replaced whole (rendered sheets). */
  readonly rendered = new Map<string, string>();
  readonly removed = new Set<string>();
  dropCalcChain = false;

  private readonly date1904: boolean;

  constructor(
    readonly pkg: OpcPackage,
    private readonly sharedStrings: () => string[],
  ) {
    this.workbook = new WorkbookPart(pkg.xml(WORKBOOK));
    this.date1904 = this.workbook.date1904;
    const relsName = relsPartOf(WORKBOOK);
    this.rels = pkg.has(relsName) ? new RelationshipsPart(pkg.xml(relsName)) : RelationshipsPart.empty(relsName);
    this.types = new ContentTypesPart(pkg.xml(CONTENT_TYPES));
    const stylesRel = this.rels.all().find((r) => r.type === STYLES_TYPE);
    this.stylesPart = stylesRel ? resolveTarget(WORKBOOK, stylesRel.target) : "xl/styles.xml";
    this.styles = parseStyles(pkg.has(this.stylesPart) ? pkg.text(this.stylesPart) : newStylesXml(), this.stylesPart);
  }

  partOf(sheet: WorkbookSheet): string | null {
    const rel = this.rels.get(sheet.rid);
    if (!rel || rel.external || rel.type !== REL_WORKSHEET) return null;
    return resolveTarget(WORKBOOK, rel.target);
  }

  worksheet(part: string): WorksheetPart {
    let ws = this.sheets.get(part);
    if (!ws) {
      ws = new WorksheetPart(this.rendered.get(part) ?? this.pkg.xml(part, parseWorksheetXml), { part, sharedStrings: this.sharedStrings(), styles: this.styles, date1904: this.date1904 });
      this.sheets.set(part, ws);
    }
    return ws;
  }

  /** A part name for a new worksheet: xl/worksheets/sheetN.xml, N the first free number. */
  newSheetPart(): string {
    const taken = new Set(this.pkg.names().map((n) => n.toLowerCase()));
    for (const p of this.rendered.keys()) taken.add(p.toLowerCase());
    let n = 1;
    while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
    return `xl/worksheets/sheet${n}.xml`;
  }

  commit(): void {
    const pkg = this.pkg;
    if (this.dropCalcChain) {
      for (const r of this.rels.all().filter((r) => r.type === CALC_CHAIN_TYPE)) {
        const part = resolveTarget(WORKBOOK, r.target);
        this.rels.remove(r.id);
        this.removed.add(part);
      }
    }
    for (const part of this.removed) {
      pkg.remove(part);
      pkg.remove(relsPartOf(part));
      this.types.remove(part);
    }
    for (const [part, text] of this.rendered) {
      const ws = this.sheets.get(part);
      pkg.setText(part, ws ? ws.toXml() : text);
    }
    for (const [part, ws] of this.sheets) if (!this.rendered.has(part) && ws.changed) pkg.setText(part, ws.toXml());
    if (this.styles.changed || !pkg.has(this.stylesPart)) pkg.setText(this.stylesPart, this.styles.toXml());
    pkg.setText(WORKBOOK, this.workbook.toXml());
    if (this.rels.changed) pkg.setText(relsPartOf(WORKBOOK), this.rels.toXml());
    if (this.types.changed) pkg.setText(CONTENT_TYPES, this.types.toXml());
  }
}

export class ExcelFileAdapter implements WorkbookAdapter {
  private sst: string[] | null = null;
  /** The snapshot taken when the file was opened, handed to the first read() (nothing has changed since). */
  private opened: WorkbookSnapshot | null = null;

  private constructor(private readonly pkg: OpcPackage) {}

  /**
   * Opens an .xlsx from memory; throws NotAWorkbookError when it is not one (RefusedFileError when
   * the guard refuses it unparsed; PartParseError when a part the product reads cannot be parsed).
   */
  static async fromBuffer(input: Uint8Array, options: FileAdapterOptions = {}): Promise<ExcelFileAdapter> {
    const codec = options.codec ?? FFLATE_CODEC;
    const verdict = await inspectXlsx(input, { inflateSync: options.inflateSync ?? fflateInflateSync, keepParts: true });
    if (!verdict.ok) throw new RefusedFileError(verdict);
    const adapter = new ExcelFileAdapter(new OpcPackage(verdict.parts ?? [], codec));
    try {
      // Every part a read or a write needs, parsed now: a bad one is refused before anything else happens.
      adapter.opened = await adapter.read();
    } catch (e) {
      if (e instanceof PartParseError) throw e;
      throw new NotAWorkbookError(e);
    }
    return adapter;
  }

  /** A new, empty workbook (for `template`): the package skeleton Excel needs, no sheet yet. */
  static empty(options: FileAdapterOptions = {}): ExcelFileAdapter {
    const codec = options.codec ?? FFLATE_CODEC;
    const enc = new TextEncoder();
    const part = (name: string, text: string): SourcePart => {
      const content = enc.encode(text);
      return { name, method: 0, raw: content, content, crc32: codec.crc32(content), size: content.byteLength };
    };
    const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    const parts = [
      part(CONTENT_TYPES, `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`),
      part("_rels/.rels", `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      part(WORKBOOK, `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets/></workbook>`),
      part(relsPartOf(WORKBOOK), `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${STYLES_TYPE}" Target="styles.xml"/></Relationships>`),
      part("xl/styles.xml", newStylesXml()),
    ];
    return new ExcelFileAdapter(new OpcPackage(parts, codec));
  }

  private sharedStrings = (): string[] => {
    if (this.sst) return this.sst;
    const relsName = relsPartOf(WORKBOOK);
    const rels = this.pkg.has(relsName) ? new RelationshipsPart(this.pkg.xml(relsName)) : null;
    const rel = rels?.all().find((r) => r.type === SHARED_STRINGS_TYPE);
    const part = rel ? resolveTarget(WORKBOOK, rel.target) : null;
    this.sst = part && this.pkg.has(part) ? readSharedStrings(this.pkg.text(part), part) : [];
    return this.sst;
  };

  private workingCopy(): Working {
    return new Working(this.pkg, this.sharedStrings);
  }

  async read(): Promise<WorkbookSnapshot> {
    const opened = this.opened;
    this.opened = null;
    if (opened) return opened;
    const w = this.workingCopy();
    const sheets: SheetSnapshot[] = [];
    // A chart sheet or a dialog sheet has no worksheet part: no cells.
    const withCells = w.workbook.sheets().flatMap((s) => {
      const part = w.partOf(s);
      return part !== null && this.pkg.has(part) ? [{ s, part }] : [];
    });
    this.pkg.prepareTexts(withCells.map((x) => x.part));
    for (const { s, part } of withCells) {
      const ws = w.worksheet(part);
      const sheet: SheetSnapshot = { name: s.name, index: sheets.length, cells: ws.cells(), merges: ws.merges() };
      if (ws.isProtected()) sheet.protected = true;
      sheets.push(sheet);
    }
    return { sheets };
  }

  async apply(given: WritePlan): Promise<void> {
    this.opened = null;
    const plan = fitPlan(given);
    const w = this.workingCopy();
    const byName = new Map(w.workbook.sheets().map((s) => [s.name, s]));
    const worksheetOf = (name: string): WorksheetPart | null => {
      const s = byName.get(name);
      const part = s ? w.partOf(s) : null;
      return part && (this.pkg.has(part) || w.rendered.has(part)) ? w.worksheet(part) : null;
    };

    for (const { sheet, writes } of plan.cellWrites) {
      const ws = worksheetOf(sheet);
      if (!ws) throw new Error(`工作表「${sheet}」不存在 / no sheet "${sheet}"`);
      for (const write of writes) ws.setCell(write);
      if (ws.formulasRemoved) w.dropCalcChain = true;
    }

    for (const spec of plan.sheets) {
      const rendered = renderWorksheet(spec, w.styles);
      const existing = byName.get(spec.name);
      let part = existing ? w.partOf(existing) : null;
      // A chart sheet (or a dialog sheet) of that name: replacing it is not the product's to do, and a second sheet of one name is damage.
      if (existing && part === null) throw new SheetConflictError(spec.name);
      if (existing && part) {
        // Replaced whole, in its place: its old relationships (a drawing, comments) go with it.
        w.sheets.delete(part);
        w.removed.add(relsPartOf(part));
        w.dropCalcChain = true;
      } else {
        part = w.newSheetPart();
        const rid = w.rels.add(REL_WORKSHEET, relativeTarget(WORKBOOK, part));
        w.types.set(part, CT_WORKSHEET);
        byName.set(spec.name, w.workbook.addSheet(spec.name, rid));
      }
      w.rendered.set(part, rendered.xml);
      w.workbook.setPrintNames(spec.name, rendered.definedNames);
    }

    for (const name of plan.deleteSheets ?? []) {
      const s = byName.get(name);
      if (!s) continue;
      const part = w.partOf(s);
      w.workbook.removeSheet(name);
      w.rels.remove(s.rid);
      if (part) {
        w.removed.add(part);
        w.rendered.delete(part);
        w.sheets.delete(part);
      }
      byName.delete(name);
      w.dropCalcChain = true;
    }

    // 解除定稿 / 定稿: the last word for each sheet, after the writes (protection is not enforced here).
    for (const p of plan.protectSheets ?? []) {
      const ws = worksheetOf(p.sheet);
      if (!ws) {
        if (p.protect) throw new Error(`工作表「${p.sheet}」不存在，无法保护 / no sheet "${p.sheet}" to protect`);
        continue;
      }
      ws.setProtection(p.protect);
    }

    w.workbook.setFullCalcOnLoad();
    w.commit();
  }

  /**
   * The file name extension this workbook's kind calls for, from its main part's content type: an
   * .xlsm keeps its macros only under that name (Excel refuses to open a macro-enabled package
   * named .xlsx, and the reverse), so the command line checks the output's name against it.
   */
  fileExtension(): "xlsx" | "xlsm" | "xltx" | "xltm" {
    const type = new ContentTypesPart(this.pkg.xml(CONTENT_TYPES)).typeOf(WORKBOOK) ?? "";
    if (type.startsWith("application/vnd.ms-excel.sheet.macroEnabled.main")) return "xlsm";
    if (type.startsWith("application/vnd.ms-excel.template.macroEnabled.main")) return "xltm";
    if (type.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.template.main")) return "xltx";
    return "xlsx";
  }

  /** The workbook as an .xlsx: the parts apply() changed written anew, every other one as it came. */
  async save(): Promise<Uint8Array> {
    const wb = new WorkbookPart(this.pkg.xml(WORKBOOK));
    wb.setFullCalcOnLoad();
    const text = wb.toXml();
    if (text !== this.pkg.text(WORKBOOK)) this.pkg.setText(WORKBOOK, text);
    return this.pkg.save();
  }
}
