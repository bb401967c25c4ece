/**
 * The WPS 表格 adapter: WorkbookAdapter over ET's JavaScript object model (et-types.ts), inside a
 * WPS add-in's task pane.
 *
 * The bridge is synchronous and every property read, property write and method call crosses into
 * WPS (a "bridge call"). So the adapter reads and writes in bulk, and the number of calls does not
 * grow with the number of cells:
 * - read() with Range.Value(11) (xlRangeValueXMLSpreadsheet, xml-spreadsheet.ts; the default, once
 *   checked): per sheet Item(i), Name, ProtectContents, UsedRange, UsedRange.Address(false, false),
 *   Value2, Formula, UsedRange.Value(11): 8 calls — every non-empty cell's number format and every
 *   merged area from the one XML Spreadsheet answer (a named format whose code depends on the locale,
 *   "Short Date" …, asked as below), an error told from the number 2007 by the answer's Data ss:Type.
 *   Undocumented on WPS, so the pane probes it (`XmlLayout`): each sheet of its first read is read
 *   the documented way below AND asked Value(11), the two compared, until they have agreed on a
 *   merged area and on a format other than "General" (the first month scorecard); from then on the
 *   answer is used. An answer that throws, is not text, does not parse, does not fit the sheet's
 *   cells (its Table must start at the used range's top-left cell and be its size) or disagrees
 *   turns Value(11) off for the pane's life, with a `skipped` line (zh-CN / English) saying so.
 * - read() the documented way (a WPS that refuses Value(11); `xmlLayout: false`), per sheet: Item(i),
 *   Name, ProtectContents, UsedRange, UsedRange.Address(false, false),
 *   Value2 (all values as rows), Formula (all formulas), NumberFormat, MergeCells: 9 calls, 7 when
 *   the layout known for the sheet mixes formats and holds merged areas (those two would answer null).
 *   Two answers can need more: NumberFormat is null when the cells' formats differ and MergeCells is
 *   null when some cells are merged and others not (VBA semantics). Then:
 *   - a layout known from the last read in this pane (and the writes since) is checked: only the
 *     cells whose format gives them their meaning are asked — numbers (dates, percentages), booleans,
 *     errors, formulas, text starting with an apostrophe (readTextCell), any cell not known — while
 *     other text keeps its known format (no reader looks at a text cell's format; the undo record
 *     and the "@" sandwich take the known one); a format scattered in several blocks (a scorecard's
 *     "General" item numbers and full marks) over the fewest rectangles that avoid the other
 *     formats' cells (blank cells included), each other block asked once; the known merged areas still merged (areas
 *     stacked in the same columns asked as one rectangle), no merged cell elsewhere (the fewest
 *     rectangles around them) (2 calls a question; `multiAreaReads` asks many blocks in one
 *     question); only what changed is searched;
 *   - a sheet this pane wrote whole (付款结算, 计算说明, 撤销记录), read back with exactly the values
 *     and formulas it wrote, keeps the formats and merged areas it was written with: 7 calls
 *     (`wroteWhole`);
 *   - a sheet not known yet first tries the layout of the last sheet read with the same used range
 *     (the month scorecards share one template), or the product's own 附件二 template
 *     (scorecardTemplateLayout) for its used range, each guessed merged area checked exactly;
 *   - otherwise the adapter halves the area holding non-empty cells until each part has one format
 *     (the top row apart, then column blocks first: a table's formats change by column below its
 *     header) and each merged area is found (MergeArea.Address).
 *   Those calls follow the number of format blocks and merged areas of a sheet (its layout), not its
 *   cells: a ledger of 20,000 rows in one format costs what 20 rows do. A formula whose value is a
 *   small number that is also a CVErr code (2007 …) costs 2 more (its Text), see `decodeError`.
 *   A month scorecard re-read in an open pane: 7 for the sheet, 1 question of formats (its numbers),
 *   10 of merged areas (4 tiles, 6 rectangles around them): 29 calls.
 * - apply(), a fresh sheet (付款结算, 计算说明, 撤销记录 written whole): its cells — values, number formats,
 *   styles, merged areas, row heights — in one Range("A1:…").Value(11, text) (xml-spreadsheet-write.ts),
 *   then its column widths, formulas, print setup, highlights, lists, frozen panes and chart the
 *   documented way. Undocumented on WPS: what a pane has not seen such a write keep is read back
 *   (`checkXmlWrite`: every value of the first sheet; on each sheet the first cell of each new format,
 *   style value, merged areas, a bordered merged area's far corner, row heights); a refusal or a
 *   difference writes that sheet again in its place the documented way, for the pane's life, with a
 *   `skipped` line. 撤销记录 52 calls (with the first check), 付款结算 101 (with its own), 计算说明 34
 *   whatever its months.
 * - apply() the documented way (owned cells; fresh sheets when Value(11) is off or cannot say them):
 *   per rectangle of written cells, Range + Value2 (one 2-D array; a fresh sheet's values in
 *   one array over the box of its cells unless it is mostly blank); a format the read of the same
 *   action found on a written cell (a score already "0.00") not set again; per number format, Range +
 *   NumberFormat on the multi-area range of its blocks ("A1:B2,D4", cut under 255 characters); per
 *   value of each style property (bold, a fill, an alignment …), one multi-area Range and one set
 *   (a Range, Font or Interior already fetched for the same address reused: RangeCache); per border
 *   kind, the Borders collection's LineStyle / Weight; column widths and row heights per size over
 *   runs of lines ("3:224"), the commonest size first (sizeCalls); merged areas in one multi-area
 *   Merge(True) for every one-row area and stack of them and one Merge() for the others (`merge`;
 *   `probeMerges` checks it once a pane, one area a call for the pane's life when refused); print setup with
 *   its scale and page breaks (`setPrint`). A multi-area Value2 write is
 *   never used (VBA Range.Value: assigning an array to a multi-area range "is not properly supported").
 * - an owned sheet this pane wrote whole, read back as written by the read of the same action, whose
 *   new spec keeps its layout: written as its difference (`sheetDiff`, `writeDiff`) — changed values
 *   over the fewest rectangles, formulas, number formats, style properties (put back to a fresh
 *   cell's, or the cell's formats cleared and its style given again), new row heights, print
 *   properties — the same sheet a fresh write makes (test/hosts/wps/wps-diff.test.ts).
 *   A whole sheet is added next to the one it replaces (which keeps its place), the old one deleted,
 *   the new one named.
 * - apply() right after a read (one action) leaves out what that read shows is there already
 *   (`toWrite`): a whole sheet this pane wrote, read back as written, whose spec is the one it wrote
 *   (付款结算 and 计算说明 of 全部重算 again, nothing changed), and owned cells that hold the planned
 *   value and number format (with no style to set). Nothing left: no call at all.
 *
 * Known pitfalls of the bridge (projects running on real WPS: tmustier/pi-for-excel
 * src/host/wps/jsapi.ts, docs/wps-support.md; Kingsoft's wpsjs templates), each handled here:
 * - `Value` is a method: written through Value2 only (never `range.Value = …`).
 * - Collections through `.Item(i)`, 1-based: sheets are walked 1…Count.
 * - Parameterised properties are functions: `Address(false, false)` for "A1:B2" without "$".
 * - Colours are BGR numbers (red + green·256 + blue·65536): `bgr("#RRGGBB")`.
 * - `wps.Enum` is missing on older builds: every constant is a literal here (ENUM, Excel's values).
 * - Formula errors come back as numbers: the COM form (-2146826281 = 0x800A07D7 for #DIV/0!) or
 *   the CVErr code (2007): `decodeError`.
 * - A one-cell range's Value2 / Formula is a scalar, not rows: `rows()`.
 * - Some builds expose a zero-argument method where others have a property: `prop()`.
 * - Sheets.Add with neither Before nor After inserts before the active sheet: always given one.
 * - Worksheet.Delete and Range.Merge over data ask the user first: DisplayAlerts is false for the
 *   write and restored after it.
 * - A long synchronous write freezes WPS's window (the ribbon too): ScreenUpdating is off during
 *   the write, and read() / apply() give the event loop a turn between sheets (`breathe`).
 * Text is always written as text, by Excel's rules (ET parses typed input as Excel does): the
 * apostrophe prefix of src/hosts/excel/text-input.ts, and the General/"@" sandwich for a cell the
 * last read saw formatted as text.
 * Freeze panes are set on the window (the sheet activated while ScreenUpdating is off, the clerk's
 * sheet activated again after the write); the payment sheet's line chart through ChartObjects().Add.
 * `skipped` says what a build could not do: freeze panes, a chart, Range.Value(11) (kept across writes).
 */
import {
  type CellStyle,
  type CellValue,
  type CellWrite,
  type MergedRange,
  type PlannedCell,
  type PrintSetup,
  type ReadCell,
  type SheetSnapshot,
  type SheetSpec,
  type WorkbookAdapter,
  type WorkbookSnapshot,
  type WritePlan,
  a1,
  columnLetter,
  parseA1,
  plannedCells,
} from "../../workbook/model";
import { normalizeText } from "../../workbook/read/normalize";
import { fitPlan } from "../../workbook/sheets/excel-limits";
import { buildMonthSheet } from "../../workbook/sheets/template";
import { UNDO_SHEET_NAME } from "../../workbook/sheets/undo";
import { TEXT_FORMAT, needsTextPrefix, readTextCell, toExcelInput } from "../excel/text-input";
import type { EtApplication, EtFont, EtInterior, EtRange, EtSheets, EtWorksheet } from "./et-types";
import { type XmlCell, type XmlParse, type XmlSheetLayout, defaultXmlParse, sheetLayout } from "./xml-spreadsheet";
import { type SheetXml, sheetXml } from "./xml-spreadsheet-write";
import { boundsOf, rectAddress } from "./ranges";

/**
 * Excel's enumeration values (the VBA reference's XlHAlign, XlVAlign, XlLineStyle, XlBorderWeight,
 * XlBordersIndex, XlFormatConditionType/Operator, XlDVType, XlPageOrientation, XlPaperSize), used
 * as literals because `wps.Enum` is missing on older WPS builds.
 */
export const ENUM = {
  xlGeneral: 1,
  xlColorIndexAutomatic: -4105,
  xlColorIndexNone: -4142,
  xlLeft: -4131,
  xlCenter: -4108,
  xlRight: -4152,
  xlTop: -4160,
  xlBottom: -4107,
  xlContinuous: 1,
  xlLineStyleNone: -4142,
  xlThin: 2,
  xlMedium: -4138,
  xlEdgeLeft: 7,
  xlEdgeTop: 8,
  xlEdgeBottom: 9,
  xlEdgeRight: 10,
  xlInsideVertical: 11,
  xlInsideHorizontal: 12,
  xlCellValue: 1,
  xlLess: 6,
  xlValidateList: 3,
  xlValidAlertStop: 1,
  xlBetween: 1,
  xlPortrait: 1,
  xlLandscape: 2,
  xlPaperA4: 9,
  xlLine: 4,
} as const;

/**
 * Formula errors as ET's bridge may give them: the CVErr code (https://learn.microsoft.com/office/vba/excel/concepts/cells-and-ranges/cell-error-values)
 * and the same error as a COM VT_ERROR scode read as a signed 32-bit number (0x800A0000 + code).
 */
export const CVERR: Record<number, string> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
};
const COM_ERROR_BASE = 0x800a0000 - 2 ** 32; // -2146828288

/** The error text of a COM-form error number (-2146826281 → "#DIV/0!"), else null. */
export function comError(n: number): string | null {
  return CVERR[n - COM_ERROR_BASE] ?? null;
}

/** "#RRGGBB" → BGR long (red + green·256 + blue·65536), as VBA's Color properties take it. */
export function bgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new RangeError(`不是颜色 / not a colour: ${hex}`);
  return parseInt(m[1] as string, 16) + parseInt(m[2] as string, 16) * 256 + parseInt(m[3] as string, 16) * 65536;
}

/** BGR long → "#RRGGBB". */
export function rgbHex(color: number): string {
  const r = color & 0xff;
  const g = (color >> 8) & 0xff;
  const b = (color >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("").toUpperCase()}`;
}

/** A member some builds expose as a property and others as a zero-argument method (pi-for-excel's WpsPropertyOrMethod). */
function prop<T>(owner: object, value: T | (() => T)): T {
  return typeof value === "function" ? (value as () => T).call(owner) : value;
}

/** Rows of a Value2 / Formula read: a one-cell range gives a scalar. */
export function rows(raw: unknown): unknown[][] {
  if (Array.isArray(raw)) return raw.map((r) => (Array.isArray(r) ? r : [r]));
  return [[raw]];
}

export { boundsOf, rectAddress };

/** One event-loop turn: the synchronous bridge blocks WPS's window while it runs. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A layout to check a sheet against: each non-empty cell's number format ("row,col" → format) and the merged areas. */
interface Layout {
  formats: Map<string, string>;
  merges: MergedRange[];
}

let templateLayout: { area: string; layout: Layout } | null = null;

/**
 * The product's own 附件二 layout (buildMonthSheet: the month scorecards the template makes), keyed
 * by its used range: on the pane's first read, the first sheet of that used range is checked
 * against it (as any later sheet is checked against the one before), instead of searched.
 */
export function scorecardTemplateLayout(): { area: string; layout: Layout } {
  if (templateLayout) return templateLayout;
  const spec = buildMonthSheet("2025-01");
  const cells = plannedCells(spec.cells);
  const merges = spec.merges.map(boundsOf);
  const box = [...cells.map((c) => ({ top: c.row, left: c.col, bottom: c.row, right: c.col })), ...merges].reduce((a, b) => ({ top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) }));
  const formats = new Map<string, string>();
  for (const c of cells) if (c.value !== null || c.formula !== undefined) formats.set(`${c.row},${c.col}`, c.numberFormat ?? "General");
  templateLayout = { area: rectAddress(box), layout: { formats, merges } };
  return templateLayout;
}

/** The cells read are exactly those written (`written`: "row,col" → value, or "=" + formula for a formula cell). */
function sameAsWritten(raws: readonly (Pos & { value: unknown; formula?: string })[], written: ReadonlyMap<string, unknown>): boolean {
  if (raws.length !== written.size) return false;
  for (const raw of raws) {
    const k = `${raw.row},${raw.col}`;
    if (!written.has(k)) return false;
    const w = written.get(k);
    if (typeof w === "string" && w.startsWith("=") && raw.formula !== undefined) {
      if (`=${raw.formula}` !== w) return false;
    } else if (raw.formula !== undefined || raw.value !== w) return false;
  }
  return true;
}

const isUndoRecord = (name: string) => normalizeText(name) === normalizeText(UNDO_SHEET_NAME);

/** One thing the adapter left out, for the pane (zh-CN first). */
export interface WpsSkipped {
  feature: string;
  messageZh: string;
  messageEn: string;
}

/** What the last read() or apply() cost, in bridge calls (the fake counts; the adapter estimates none). */
export interface WpsAdapterOptions {
  /** Give the event loop a turn between sheets (default true; the tests of call counts are unaffected). */
  breathe?: boolean;
  /**
   * Check the known layout with multi-area ranges ("A1:B2,D4:D9"): one NumberFormat / MergeCells
   * question for many blocks. Off by default: that these properties answer for every area of a
   * multi-area range (and not its first area only) is what VBA does for a multi-area selection, but
   * it is not checked on WPS yet (docs/wps.md lists it for the first run).
   */
  multiAreaReads?: boolean;
  /**
   * Read each sheet's number formats and merged areas from one answer, `UsedRange.Value(11)` (the
   * XML Spreadsheet text, xml-spreadsheet.ts) once the pane has checked it against the documented
   * path (see `XmlLayout`). Default true; false: the documented path only.
   */
  xmlLayout?: boolean;
  /** The XML parser (default: DOMParser in the page, the project's saxes parser in Node). */
  xmlParse?: XmlParse;
  /**
   * Write an owned sheet this pane wrote whole, read back as written, as the difference from what it
   * wrote when the layout is kept (`sheetDiff`); default true. False: deleted and written whole again.
   */
  diffWrites?: boolean;
  /**
   * Merge a fresh sheet's areas with one multi-area Range.Merge per kind (checked once a pane, see
   * `probeMerges`); default true. False: one Range.Merge an area (or a stack of one-row areas).
   */
  multiAreaMerges?: boolean;
  /**
   * Write a fresh sheet's cells — values, number formats, styles, merged areas, row heights — in one
   * call, `Range("A1:…").Value(11, xml)` (xml-spreadsheet-write.ts), once the pane has checked it
   * on the first sheet it writes so (`checkXmlWrite`). Default true; false: the documented path only.
   */
  xmlWrites?: boolean;
}

/**
 * A fresh sheet to write again from the start, in its place: a multi-area Range.Merge this build
 * refused or got wrong (one area a call from now on), or Range.Value(11) set refused or not kept
 * (the documented path from now on).
 */
class RefillSheet extends Error {}

/** The `skipped` feature of a pane that fell back from writing sheets through Range.Value(11). */
export const XML_WRITE_FEATURE = "xml write";

/** The `skipped` feature of a pane that fell back from multi-area merges. */
export const MULTI_MERGE_FEATURE = "multi-area merge";

/**
 * Range.Value(11) in this pane: "probe" — each sheet read by the documented path is also asked
 * Value(11) and the two compared (formats of its non-empty cells, merged areas), until they have
 * agreed on a merged area and on a format other than "General" (a month scorecard does both); "on"
 * after that — each sheet's layout from its Value(11) answer; "off" for the pane's life once an
 * answer throws, is not text, does not parse, does not fit the sheet or disagrees (a `skipped` line says so).
 */
interface XmlLayout {
  state: "probe" | "on" | "off";
  parse: XmlParse | null;
  formatsAgreed: boolean;
  mergesAgreed: boolean;
}

/** The `skipped` feature of a pane that fell back from Range.Value(11). */
export const XML_LAYOUT_FEATURE = "xml layout";

interface Pos {
  row: number;
  col: number;
}

/** The cells as rectangles that hold exactly them: runs of a row, stacked where rows repeat the run. */
export function exactRects(cells: readonly Pos[]): MergedRange[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const list = byRow.get(row) ?? [];
    list.push(col);
    byRow.set(row, list);
  }
  const done: MergedRange[] = [];
  let open = new Map<string, MergedRange>();
  let previousRow = -1;
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, MergedRange>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const r = open.get(key);
      if (r && previousRow === row - 1) {
        r.bottom = row;
        next.set(key, r);
        open.delete(key);
      } else next.set(key, { top: row, left, bottom: row, right });
    }
    done.push(...open.values());
    open = next;
    previousRow = row;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The rectangles of `area` outside the `holes` (row bands: runs of each row, stacked where rows repeat them). */
export function complementRects(area: MergedRange, holes: readonly MergedRange[]): MergedRange[] {
  const done: MergedRange[] = [];
  let open = new Map<string, MergedRange>();
  for (let row = area.top; row <= area.bottom; row++) {
    const covered = holes.filter((h) => row >= h.top && row <= h.bottom).sort((a, b) => a.left - b.left);
    const runs: [number, number][] = [];
    let col = area.left;
    for (const h of covered) {
      if (h.left > col) runs.push([col, Math.min(h.left - 1, area.right)]);
      col = Math.max(col, h.right + 1);
    }
    if (col <= area.right) runs.push([col, area.right]);
    const next = new Map<string, MergedRange>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const r = open.get(key);
      if (r) {
        r.bottom = row;
        next.set(key, r);
        open.delete(key);
      } else next.set(key, { top: row, left, bottom: row, right });
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Cells of an area walked one by one (coverRects) up to this many; a larger area keeps the row bands of complementRects. */
const COVER_CELLS = 250_000;

/**
 * Rectangles of `area` that hold no cell of the `holes` and together hold every one of `targets`:
 * each grown from the first target not yet held (in row order), widened right then grown down, or
 * grown down then widened, whichever of the two walks gives fewer rectangles. Null for an area of
 * more than COVER_CELLS cells. (A scorecard's cells outside its merged areas: 6 rectangles where
 * the row bands of complementRects take 7.)
 */
export function coverRects(area: MergedRange, targets: readonly Pos[] | null, holes: readonly MergedRange[]): MergedRange[] | null {
  const w = area.right - area.left + 1;
  const h = area.bottom - area.top + 1;
  if (w * h > COVER_CELLS) return null;
  const blocked = new Uint8Array(w * h);
  for (const m of holes) {
    for (let r = Math.max(m.top, area.top); r <= Math.min(m.bottom, area.bottom); r++) {
      for (let c = Math.max(m.left, area.left); c <= Math.min(m.right, area.right); c++) blocked[(r - area.top) * w + (c - area.left)] = 1;
    }
  }
  // (No targets: every cell outside the holes.)
  const all: Pos[] = [];
  if (targets === null) for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) all.push({ row: r, col: c });
  const starts = (targets ?? all).filter((p) => inside(p, area) && blocked[(p.row - area.top) * w + (p.col - area.left)] === 0).sort((a, b) => a.row - b.row || a.col - b.col);
  const free = (r: number, c: number) => blocked[r * w + c] === 0;
  const walk = (rightFirst: boolean): MergedRange[] => {
    const held = new Uint8Array(w * h);
    const out: MergedRange[] = [];
    for (const p of starts) {
      const r0 = p.row - area.top;
      const c0 = p.col - area.left;
      if (held[r0 * w + c0] === 1) continue;
      let r1 = r0;
      let c1 = c0;
      const rowFree = (r: number) => {
        for (let c = c0; c <= c1; c++) if (!free(r, c)) return false;
        return true;
      };
      const colFree = (c: number) => {
        for (let r = r0; r <= r1; r++) if (!free(r, c)) return false;
        return true;
      };
      if (rightFirst) {
        while (c1 + 1 < w && free(r0, c1 + 1)) c1++;
        while (r1 + 1 < h && rowFree(r1 + 1)) r1++;
      } else {
        while (r1 + 1 < h && free(r1 + 1, c0)) r1++;
        while (c1 + 1 < w && colFree(c1 + 1)) c1++;
      }
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) held[r * w + c] = 1;
      out.push({ top: area.top + r0, left: area.left + c0, bottom: area.top + r1, right: area.left + c1 });
    }
    return out;
  };
  const across = walk(true);
  const down = walk(false);
  return (down.length < across.length ? down : across).sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * The fewest rectangles of `area` outside the `holes` holding every one of `targets` (null: every
 * cell outside the holes): coverRects, or the row bands of complementRects that hold a target.
 */
export function fewestRects(area: MergedRange, targets: readonly Pos[] | null, holes: readonly MergedRange[]): MergedRange[] {
  const cover = coverRects(area, targets, holes);
  // (complementRects walks the rows once per hole: only around a few, or when the area is too large to walk.)
  if (cover !== null && holes.length > 64) return cover;
  const bands = complementRects(area, holes).filter((band) => targets === null || targets.some((p) => inside(p, band)));
  return cover !== null && cover.length < bands.length ? cover : bands;
}

/** Dense blocks of consecutive rows (a fresh sheet is blank: the cells between are written blank). */
function rowBlocks(cells: readonly Pos[]): MergedRange[] {
  const rowsSeen = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b);
  const blocks: MergedRange[] = [];
  for (const row of rowsSeen) {
    const cols = cells.filter((c) => c.row === row).map((c) => c.col);
    const left = Math.min(...cols);
    const right = Math.max(...cols);
    const last = blocks[blocks.length - 1];
    if (last && last.bottom === row - 1) {
      last.bottom = row;
      last.left = Math.min(last.left, left);
      last.right = Math.max(last.right, right);
    } else blocks.push({ top: row, left, bottom: row, right });
  }
  return blocks;
}

/**
 * The rectangles a fresh sheet's values are written in: the whole box of its cells in one Value2
 * (the blanks between written blank: the sheet is new) when the box is not mostly blank, else the
 * dense blocks of consecutive rows. One call a sheet for a sheet of text with blank lines between
 * its paragraphs (计算说明), instead of one a paragraph.
 */
export function valueBlocks(cells: readonly Pos[]): MergedRange[] {
  if (cells.length === 0) return [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const area = (bottom - top + 1) * (right - left + 1);
  return area <= Math.max(4 * cells.length, 64) ? [{ top, left, bottom, right }] : rowBlocks(cells);
}

const inside = (p: Pos, m: MergedRange) => p.row >= m.top && p.row <= m.bottom && p.col >= m.left && p.col <= m.right;

/**
 * Column widths or row heights (index → size) as Range sets: the size most lines share first, over
 * the runs of consecutive lines given a size ("3:224", not "3:3,4:4,…"), then each other size over
 * its own runs (it overrides the first where they meet); lines given no size are left alone. Every
 * address cut under 255 characters (a 120-month 计算说明 has some 1,700 rows of a few heights).
 */
export function sizeCalls(sizes: ReadonlyMap<number, number>, span: (from: number, to: number) => string): { address: string; size: number }[] {
  const runsOf = (lines: number[]): string[] => {
    const runs: [number, number][] = [];
    for (const n of [...lines].sort((a, b) => a - b)) {
      const last = runs[runs.length - 1];
      if (last && last[1] === n - 1) last[1] = n;
      else runs.push([n, n]);
    }
    return runs.map(([a, b]) => span(a, b));
  };
  const bySize = new Map<number, number[]>();
  for (const [line, size] of sizes) {
    const list = bySize.get(size) ?? [];
    list.push(line);
    bySize.set(size, list);
  }
  let most: number | undefined;
  for (const [size, lines] of bySize) if (most === undefined || lines.length > (bySize.get(most)?.length ?? 0)) most = size;
  const out: { address: string; size: number }[] = [];
  if (most === undefined) return out;
  for (const address of cutAddresses(runsOf([...sizes.keys()]))) out.push({ address, size: most });
  for (const [size, lines] of bySize) if (size !== most) for (const address of cutAddresses(runsOf(lines))) out.push({ address, size });
  return out;
}

/** Areas joined with commas into addresses under 255 characters (VBA's limit for a Range address). */
function cutAddresses(areas: readonly string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of areas) {
    if (current && current.length + 1 + a.length > 250) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/** Multi-area addresses ("A1:B2,D4"), cut so that each stays under 255 characters (VBA's limit for a Range address). */
function areaAddresses(rects: readonly MergedRange[]): string[] {
  return cutAddresses(rects.map(rectAddress));
}

/**
 * The merges of a sheet as Merge calls: one-row areas of the same columns on consecutive rows
 * stacked into one range merged with Merge(True) (VBA Range.Merge(Across): "merge cells in each row
 * of the specified range as separate merged cells"; WPS's ET API page shows Range("A1:B3").Merge(True)
 * 逐行合并); any other area merged on its own.
 */
export function mergeCalls(merges: readonly MergedRange[]): { rect: MergedRange; across: boolean }[] {
  const out: { rect: MergedRange; across: boolean }[] = [];
  const open = new Map<string, MergedRange>();
  for (const m of [...merges].sort((a, b) => a.top - b.top || a.left - b.left)) {
    if (m.top !== m.bottom || m.left === m.right) {
      out.push({ rect: { ...m }, across: false });
      continue;
    }
    const key = `${m.left}:${m.right}`;
    const stack = open.get(key);
    if (stack && stack.bottom === m.top - 1) stack.bottom = m.top;
    else {
      const fresh = { ...m };
      open.set(key, fresh);
      out.push({ rect: fresh, across: true });
    }
  }
  // A stack of one row is an ordinary merge.
  return out.map((c) => (c.across && c.rect.top === c.rect.bottom ? { rect: c.rect, across: false } : c));
}

/**
 * Known merged areas as the rectangles they tile: areas of the same columns stacked on consecutive
 * rows form one rectangle (a month scorecard's column B of item groups: one question instead of one
 * an area). Asked "all merged?" together with "nothing merged around them", a tile tells what its
 * areas told one by one, with the looseness checkedMerges already names (areas merged again in
 * other parts of the same cells pass).
 */
export function mergeTiles(merges: readonly MergedRange[]): MergedRange[] {
  const out: MergedRange[] = [];
  const open = new Map<string, MergedRange>();
  for (const m of [...merges].sort((a, b) => a.top - b.top || a.left - b.left)) {
    const key = `${m.left}:${m.right}`;
    const tile = open.get(key);
    if (tile && tile.bottom === m.top - 1) tile.bottom = m.bottom;
    else {
      const fresh = { ...m };
      open.set(key, fresh);
      out.push(fresh);
    }
  }
  return out;
}

const H_ALIGN = { left: ENUM.xlLeft, center: ENUM.xlCenter, right: ENUM.xlRight } as const;
const V_ALIGN = { top: ENUM.xlTop, middle: ENUM.xlCenter, bottom: ENUM.xlBottom } as const;

/** The error text of a cell's Value2, or null when it is not an error (see the header). */
function decodeError(value: unknown, formula: string | undefined, text: () => unknown): string | null {
  if (typeof value !== "number") return null;
  const com = comError(value);
  if (com !== null) return com;
  const short = CVERR[value];
  if (short === undefined) return null;
  // A constant: Formula holds its text ("2007" for the number, "#DIV/0!" for the error).
  if (formula === undefined) return null;
  // A formula whose result is 2007 or #DIV/0!: only the cell's Text tells (2 calls, rare).
  return text() === short ? short : null;
}

const posOf = (k: string): Pos => {
  const [row, col] = k.split(",").map(Number) as [number, number];
  return { row, col };
};

/** A style as text, its properties in one order (undefined ones left out): equal styles, equal texts. */
type BorderKind = NonNullable<CellStyle["border"]>;
/** The style properties put back to a fresh cell's one by one (a size or a border: the cell's formats cleared). */
type ResetKey = Exclude<keyof CellStyle, "border" | "fontSize">;
const STYLE_KEYS: readonly (keyof CellStyle)[] = ["bold", "italic", "fontSize", "fontColor", "fill", "wrap", "horizontal", "vertical", "border"];
const styleText = (style: CellStyle | undefined): string => JSON.stringify(STYLE_KEYS.map((k) => style?.[k] ?? null));

/** What an owned sheet written again changes (see `sheetDiff`). */
export interface SheetDiff {
  /** Rows whose height is new or changed. */
  heights: Map<number, number>;
  /** The new spec's cells ("row,col"). */
  cells: Map<string, PlannedCell>;
  /** Cells whose value or formula changes (blank where the new spec has none). */
  changed: Pos[];
  /** Cells "@" now that get a new value: "General" before it (then their format again, in `formats`). */
  unText: Pos[];
  /** Number formats to set, "row,col" → format ("General" where the new spec gives none). */
  formats: Map<string, string>;
  /** Cells a Value2 rectangle must not cover: formulas, "@" cells not changing. */
  keep: Pos[];
  /** Merged areas of more than one cell (a changed cell in one is written on its own). */
  merges: MergedRange[];
  /** Cells whose style changes, with the properties to set (their new values). */
  styled: PlannedCell[];
  /** Cells whose formats are cleared first (ClearFormats): those the new spec leaves out (their value emptied) and those given their whole style again. */
  cleared: Pos[];
  /** The print setup written before and now, when they differ (only what differs is set). */
  print: { before: PrintSetup; after: PrintSetup } | null;
  /** Style properties to put back to a fresh cell's ("row,col" → keys), where the new spec gives none. */
  resets: Map<ResetKey, Pos[]>;
}

/**
 * Whether print setup `before` can become `after` by setting what differs: neither or both given, the
 * same paper, fitting and page breaks, and no print area, print titles, margins or scale taken away.
 */
function printDiffers(before: PrintSetup | undefined, after: PrintSetup | undefined): boolean {
  if (before === undefined || after === undefined) return before === after;
  const same = (key: keyof PrintSetup) => JSON.stringify(before[key]) === JSON.stringify(after[key]);
  const kept = (key: keyof PrintSetup) => (before[key] === undefined) === (after[key] === undefined);
  return same("paperSize") && same("fitToWidth") && same("fitToHeight") && same("rowBreaks") && kept("printArea") && kept("repeatRows") && kept("margins") && kept("scale");
}

/**
 * An owned sheet written again (the pane wrote `before` whole and the sheet still holds it) as what
 * changes to make it `after`, or null when that is not only values, formulas, number formats and row
 * heights: the same name, merged areas, column widths, print setup, tab colour, frozen rows, chart,
 * highlights and lists; every row height of `before` still given (new rows may get one); every
 * cell's style the same (a cell in only one of the two has none). Then the sheet after writing the
 * difference is the one a fresh write of `after` makes: a fresh cell takes nothing but what it is
 * given, and what differs is given again (a number format the new spec leaves out is "General").
 * (计算说明 after a month's edit: that month's lines and the 生成时间 line; 撤销记录: its values.)
 */
export function sheetDiff(before: SheetSpec, after: SheetSpec): SheetDiff | null {
  const layout = (s: SheetSpec) => JSON.stringify([s.name, s.merges, s.columnWidths ?? {}, s.tabColor ?? null, s.freezeRows ?? 0, s.chart ?? null, s.conditionalHighlights ?? [], s.validations ?? []]);
  if (layout(before) !== layout(after) || !printDiffers(before.print, after.print)) return null;
  const heights = new Map<number, number>();
  const oldHeights = before.rowHeights ?? {};
  const newHeights = after.rowHeights ?? {};
  for (const row of Object.keys(oldHeights)) if (!(row in newHeights)) return null;
  for (const [row, h] of Object.entries(newHeights)) if (oldHeights[Number(row)] !== h) heights.set(Number(row), h);
  const was = new Map(plannedCells(before.cells).map((c) => [`${c.row},${c.col}`, c]));
  const cells = new Map(plannedCells(after.cells).map((c) => [`${c.row},${c.col}`, c]));
  const changed: Pos[] = [];
  const unText: Pos[] = [];
  const formats = new Map<string, string>();
  const keep: Pos[] = [];
  const styled: PlannedCell[] = [];
  const resets: SheetDiff["resets"] = new Map();
  const cleared: Pos[] = [];
  /** Cells whose border goes (cleared): the edges they share go with it. */
  const lost: Pos[] = [];
  const borderAt = (r: number, c: number) => cells.get(`${r},${c}`)?.style.border;
  // A border given: the edges it shares are its own kind's or a borderless cell's (then setting it
  // apart draws what a fresh write draws, whatever the order).
  const alone = (r: number, c: number, kind: BorderKind) => [borderAt(r - 1, c), borderAt(r + 1, c), borderAt(r, c - 1), borderAt(r, c + 1)].every((b) => b === undefined || b === kind);
  const merged = after.merges.map(boundsOf).filter((m) => m.bottom > m.top || m.right > m.left);
  // Clearing a cell's formats (ClearFormats: number format, font, fill, alignment, borders — a fresh
  // cell's): never in a merged area (it would unmerge it) nor on a sheet with highlights (it may take them).
  const clearable = (p: Pos) => !merged.some((m) => inside(p, m)) && (after.conditionalHighlights ?? []).length === 0;
  const content = (c: PlannedCell | undefined) => JSON.stringify([c?.formula ?? null, c?.formula !== undefined ? null : (c?.value ?? null)]);
  for (const k of new Set([...was.keys(), ...cells.keys()])) {
    const o = was.get(k);
    const n = cells.get(k);
    const p = posOf(k);
    if (o !== undefined && n === undefined) {
      // A cell the new spec leaves out: formats cleared (when it had any), value emptied.
      if (styleText(o.style) !== styleText(undefined) || (o.numberFormat ?? "General") !== "General") {
        if (!clearable(p)) return null;
        cleared.push(p);
        if (o.style.border !== undefined) lost.push(p);
      }
      if (o.value !== null || o.formula !== undefined) changed.push(p);
      continue;
    }
    let refreshed = false;
    if (styleText(o?.style) !== styleText(n?.style)) {
      // What changes is set; what goes is put back to a fresh cell's — or, for a font size or a border
      // taken away or a border changed, the cell's formats cleared and its whole style given again.
      const set: CellStyle = {};
      const back: ResetKey[] = [];
      for (const key of STYLE_KEYS) {
        const from = o?.style[key];
        const to = n?.style[key];
        if (from === to) continue;
        if (to !== undefined && !(key === "border" && from !== undefined)) (set as Record<string, unknown>)[key] = to;
        else if (to !== undefined || key === "fontSize" || key === "border") refreshed = true;
        else back.push(key as ResetKey);
      }
      if (refreshed) {
        if (!clearable(p)) return null;
        cleared.push(p);
        if (o?.style.border !== undefined) lost.push(p);
        if (n?.style.border !== undefined && !alone(p.row, p.col, n.style.border)) return null;
        styled.push({ row: p.row, col: p.col, value: null, style: { ...n?.style } });
      } else {
        if (set.border !== undefined && !alone(p.row, p.col, set.border)) return null;
        for (const key of back) resets.set(key, [...(resets.get(key) ?? []), p]);
        if (Object.keys(set).length > 0) styled.push({ row: p.row, col: p.col, value: null, style: set });
      }
    }
    const oldFormat = refreshed ? "General" : (o?.numberFormat ?? "General");
    const newFormat = n?.numberFormat ?? "General";
    const differs = content(o) !== content(n);
    if (differs) {
      changed.push(p);
      if (oldFormat === TEXT_FORMAT && n?.formula === undefined) unText.push(p);
    }
    if (newFormat !== oldFormat || (differs && oldFormat === TEXT_FORMAT && n?.formula === undefined)) formats.set(k, newFormat);
    if (n?.formula !== undefined || (!differs && oldFormat === TEXT_FORMAT)) keep.push(p);
  }
  // A border that goes takes the edges it shares: each neighbour keeping a border is given it again
  // (after the clearing), as in a fresh write.
  const styledAt = new Map(styled.map((x) => [`${x.row},${x.col}`, x]));
  for (const p of lost) {
    for (const [r, c] of [[p.row - 1, p.col], [p.row + 1, p.col], [p.row, p.col - 1], [p.row, p.col + 1]] as const) {
      const kind = borderAt(r, c);
      if (kind === undefined) continue;
      if (!alone(r, c, kind)) return null;
      const found = styledAt.get(`${r},${c}`);
      if (found) found.style = { ...found.style, border: kind };
      else {
        const cell: PlannedCell = { row: r, col: c, value: null, style: { border: kind } };
        styled.push(cell);
        styledAt.set(`${r},${c}`, cell);
      }
    }
  }
  const print = before.print && after.print && JSON.stringify(before.print) !== JSON.stringify(after.print) ? { before: before.print, after: after.print } : null;
  return { heights, cells, changed, unText, formats, keep, merges: merged, styled, resets, cleared, print };
}

/**
 * The Range objects of one sheet's write by address, and their Font and Interior: a second property
 * set on an address already fetched costs 1 call, not 2 (Range + set) or 3 (Range + Font + set) —
 * a fill and an alignment shared by the same header cells, a bold and a size on the same title.
 * (A Range object names cells, not their contents: it stays good across the writes between.)
 */
export class RangeCache {
  private readonly ranges = new Map<string, EtRange>();
  private readonly fonts = new Map<string, EtFont>();
  private readonly interiors = new Map<string, EtInterior>();
  constructor(private readonly ws: EtWorksheet) {}
  range(address: string): EtRange {
    let r = this.ranges.get(address);
    if (!r) {
      r = this.ws.Range(address);
      this.ranges.set(address, r);
    }
    return r;
  }
  font(address: string): EtFont {
    let f = this.fonts.get(address);
    if (!f) {
      f = this.range(address).Font;
      this.fonts.set(address, f);
    }
    return f;
  }
  interior(address: string): EtInterior {
    let i = this.interiors.get(address);
    if (!i) {
      i = this.range(address).Interior;
      this.interiors.set(address, i);
    }
    return i;
  }
}

export class WpsAdapter implements WorkbookAdapter {
  /** Features left out by the last apply() (freeze panes, charts). */
  skipped: WpsSkipped[] = [];
  /** Merged areas and "@" cells of each sheet at the last read (by lower-case name): how to write owned cells. */
  private knownMerges = new Map<string, MergedRange[]>();
  private knownTextCells = new Map<string, Set<string>>();
  /** Each non-empty cell's number format ("row,col" → format) at the last read, kept up to date by apply(). */
  private knownFormats = new Map<string, Map<string, string>>();
  /**
   * The non-empty cells ("row,col" → value, or "=" + formula) of each sheet this pane last wrote
   * whole (付款结算, 计算说明, 撤销记录 … regenerated by every write). Read back with exactly those
   * values and formulas, such a sheet keeps the formats and merged areas it was written with, unasked:
   * nobody has typed into it since, it is replaced whole by the next write, and no reader takes
   * meaning from its layout (the undo record is read for its text). A format or a merge given to it
   * by hand while the pane is open (values unchanged) is seen when the pane is opened again; any
   * value changed, and the whole layout is checked as for any sheet.
   */
  private wroteWhole = new Map<string, Map<string, unknown>>();
  /** The cells of each sheet whose format the last read did not ask (text keeping its known format). */
  private settledFormats = new Map<string, Set<string>>();
  /**
   * The worksheets of the last read, in order (by lower-case name), for the apply() of the same
   * action only (read → plan → apply): which sheets exist and the objects to write through, without
   * asking `Item(name)` again. Used once, then dropped.
   */
  private lastRead: { byName: Map<string, EtWorksheet>; last: EtWorksheet | null; cells: Map<string, Map<string, ReadCell>>; protectedNames: Set<string> } | null = null;
  /** Each sheet this pane last wrote whole, as its spec (JSON): with `wroteWhole` confirmed by the read of the same action, the same spec is not written again. */
  private writtenSpecs = new Map<string, string>();
  private readonly breathe: boolean;
  private readonly multiAreaReads: boolean;
  private readonly diffWrites: boolean;
  private readonly xml: XmlLayout;
  private readonly xmlParseOption: XmlParse | undefined;
  /** What this pane does without for its life (Range.Value(11), multi-area merges), once it has fallen back: kept in `skipped` across writes. */
  private readonly fellBack: WpsSkipped[] = [];
  /** Multi-area Range.Merge in this pane: checked on first use (`probeMerges`); off for the pane's life once refused. */
  private multiMerge: "probe" | "on" | "off";
  /** Range.Value(11) set in this pane: "probe" until the first sheet written so is checked, then "on"; "off" for the pane's life. */
  private xmlWrite: "probe" | "on" | "off";
  /** What this pane has seen a Range.Value(11) write keep (`checkXmlWrite`'s keys: a format, a style value, merged areas, heights). */
  private readonly xmlChecked = new Set<string>();

  constructor(
    private readonly application: () => EtApplication,
    options: WpsAdapterOptions = {},
  ) {
    this.breathe = options.breathe ?? true;
    this.multiAreaReads = options.multiAreaReads ?? false;
    this.diffWrites = options.diffWrites ?? true;
    this.multiMerge = options.multiAreaMerges === false ? "off" : "probe";
    this.xmlWrite = options.xmlWrites === false ? "off" : "probe";
    this.xml = { state: options.xmlLayout === false ? "off" : "probe", parse: null, formatsAgreed: false, mergesAgreed: false };
    this.xmlParseOption = options.xmlParse;
  }

  /** Whether sheets are read through Range.Value(11) now ("probe": still being checked against the documented path). */
  get xmlLayoutState(): XmlLayout["state"] {
    return this.xml.state;
  }

  /** Whether fresh sheets are written through Range.Value(11) now ("probe": not checked yet). */
  get xmlWriteState(): "probe" | "on" | "off" {
    return this.xmlWrite;
  }

  /** Range.Value(11) refused for the pane's life, with a line for the pane (zh-CN first). */
  private xmlOff(reasonZh: string, reasonEn: string): void {
    if (this.xml.state === "off") return;
    this.xml.state = "off";
    this.fallBack(
      XML_LAYOUT_FEATURE,
      `此版本 WPS 不能一次读出整张表的数字格式和合并单元格（Range.Value(11)：${reasonZh}），已改为逐个区域读取：结果相同，读取调用较多。`,
      `This WPS build does not give a sheet's number formats and merged cells in one answer (Range.Value(11): ${reasonEn}); they are read range by range: the same result, more bridge calls.`,
    );
  }

  /**
   * The used range's Value(11) answer as a layout that fits the sheet just read (every non-empty
   * cell of Value2 / Formula written in it or covered by one of its merged areas, no cell with data
   * that they lack), or null — and the pane off — when it throws, is not text, does not parse or
   * does not fit.
   */
  private xmlAnswer(used: EtRange, area: MergedRange, raws: readonly Pos[], name: string): XmlSheetLayout | null {
    const parse = this.xml.parse;
    if (!parse) return null;
    let answer: unknown;
    try {
      answer = used.Value(11);
    } catch {
      this.xmlOff("调用出错", "the call failed");
      return null;
    }
    if (typeof answer !== "string") {
      this.xmlOff("未返回文本", "no text came back");
      return null;
    }
    const root = parse(answer);
    if (!root) {
      this.xmlOff("返回的文本不是 XML", "the text is not XML");
      return null;
    }
    const layout = sheetLayout(root, area.bottom - area.top + 1, area.right - area.left + 1);
    // (A value in a cell a merged area covers — left in the file by another program — is not in the
    // answer: its format is asked.)
    const covered = (row: number, col: number) => layout?.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) ?? false;
    const fits =
      layout !== null &&
      raws.every((p) => layout.cells.has(`${p.row - area.top + 1},${p.col - area.left + 1}`) || covered(p.row - area.top + 1, p.col - area.left + 1)) &&
      (() => {
        const held = new Set(raws.map((p) => `${p.row - area.top + 1},${p.col - area.left + 1}`));
        return [...layout.cells.values()].every((c) => c.text === "" || held.has(`${c.row},${c.col}`));
      })();
    if (!fits) {
      this.xmlOff(`与「${name}」的单元格不符`, `it does not fit the cells of "${name}"`);
      return null;
    }
    return layout;
  }

  /**
   * While probing: the sheet's Value(11) answer against what the documented path found for it
   * (`formats` of the non-empty cells, except text that kept its known format unasked; `merges`).
   * Agreement on a merged area and on a format other than "General" turns the pane "on"; any
   * difference turns it off.
   */
  private probe(used: EtRange, area: MergedRange, raws: readonly Pos[], name: string, formats: ReadonlyMap<string, string>, settled: ReadonlySet<string>, merges: readonly MergedRange[]): void {
    const layout = this.xmlAnswer(used, area, raws, name);
    if (!layout) return;
    let formatSeen = false;
    for (const p of raws) {
      const k = `${p.row},${p.col}`;
      if (settled.has(k)) continue;
      const got = layout.cells.get(`${p.row - area.top + 1},${p.col - area.left + 1}`)?.format;
      if (got === null || got === undefined) continue; // a named format not mapped: asked in "on" too
      const want = formats.get(k) ?? "General";
      if (got !== want) {
        this.xmlOff(`「${name}」${a1(p.row, p.col)} 的格式不一致`, `the format of "${name}" ${a1(p.row, p.col)} differs`);
        return;
      }
      if (got !== "General") formatSeen = true;
    }
    const key = (m: MergedRange) => `${m.top},${m.left},${m.bottom},${m.right}`;
    const fromXml = layout.merges.map((m) => key({ top: m.top + area.top - 1, left: m.left + area.left - 1, bottom: m.bottom + area.top - 1, right: m.right + area.left - 1 })).sort();
    const documented = merges.map(key).sort();
    if (fromXml.length !== documented.length || fromXml.some((k, i) => k !== documented[i])) {
      this.xmlOff(`「${name}」的合并单元格不一致`, `the merged cells of "${name}" differ`);
      return;
    }
    if (formatSeen) this.xml.formatsAgreed = true;
    if (merges.length > 0) this.xml.mergesAgreed = true;
    if (this.xml.formatsAgreed && this.xml.mergesAgreed) this.xml.state = "on";
  }

  /** The rectangles, asked together (multi-area, when allowed) or one by one: the ones that answer `ok`, and the rest. */
  private ask(ws: EtWorksheet, rects: readonly MergedRange[], question: (range: EtRange) => unknown, ok: (answer: unknown) => boolean): { passed: { rect: MergedRange; answer: unknown }[]; failed: MergedRange[] } {
    const passed: { rect: MergedRange; answer: unknown }[] = [];
    const failed: MergedRange[] = [];
    const one = (r: MergedRange) => {
      const answer = question(ws.Range(rectAddress(r)));
      if (ok(answer)) passed.push({ rect: r, answer });
      else failed.push(r);
    };
    if (!this.multiAreaReads || rects.length < 2) {
      rects.forEach(one);
      return { passed, failed };
    }
    // Chunks as areaAddresses cuts them; a chunk that does not answer `ok` is asked again rectangle by rectangle.
    let chunk: MergedRange[] = [];
    let length = 0;
    const flush = () => {
      if (chunk.length === 1) one(chunk[0] as MergedRange);
      else if (chunk.length > 1) {
        const answer = question(ws.Range(chunk.map(rectAddress).join(",")));
        if (ok(answer)) for (const r of chunk) passed.push({ rect: r, answer });
        else chunk.forEach(one);
      }
      chunk = [];
      length = 0;
    };
    for (const r of rects) {
      const a = rectAddress(r);
      if (chunk.length > 0 && length + 1 + a.length > 250) flush();
      length += (chunk.length > 0 ? 1 : 0) + a.length;
      chunk.push(r);
    }
    flush();
    return { passed, failed };
  }

  private sheetsOf(app: EtApplication): EtSheets {
    const wb = prop(app, app.ActiveWorkbook);
    if (!wb) throw Object.assign(new Error("WPS 表格中没有打开的工作簿 / no workbook is open in WPS"), { messageZh: "WPS 表格中没有打开的工作簿。", messageEn: "No workbook is open in WPS Spreadsheets." });
    return prop(wb, wb.Worksheets);
  }

  async read(): Promise<WorkbookSnapshot> {
    if (this.xml.state !== "off" && this.xml.parse === null) {
      this.xml.parse = this.xmlParseOption ?? (await defaultXmlParse());
      if (this.xml.parse === null) this.xmlOff("没有 XML 解析器", "no XML parser");
    }
    const app = this.application();
    const sheets = this.sheetsOf(app);
    const count = prop(sheets, sheets.Count);
    const out: SheetSnapshot[] = [];
    // Sheets made from one template (the month scorecards) share their layout: a sheet not known yet
    // first tries the layout of the last sheet read with the same used range (checked, as a known one).
    const template = scorecardTemplateLayout();
    const byArea = new Map<string, Layout>([[template.area, template.layout]]);
    const byName = new Map<string, EtWorksheet>();
    let last: EtWorksheet | null = null;
    this.lastRead = null;
    for (let i = 1; i <= count; i++) {
      const ws = sheets.Item(i);
      const snapshot = this.readSheet(ws, i - 1, byArea);
      out.push(snapshot);
      byName.set(snapshot.name.toLowerCase(), ws);
      last = ws;
      if (this.breathe) await breathe();
    }
    const cells = new Map(out.map((s) => [s.name.toLowerCase(), new Map(s.cells.map((c) => [`${c.row},${c.col}`, c]))]));
    this.lastRead = { byName, last, cells, protectedNames: new Set(out.filter((x) => x.protected === true).map((x) => x.name.toLowerCase())) };
    // What is known from now on: the sheets just read, nothing else.
    const names = new Set(out.map((s) => s.name.toLowerCase()));
    for (const map of [this.knownMerges, this.knownTextCells, this.knownFormats, this.settledFormats, this.wroteWhole, this.writtenSpecs] as Map<string, unknown>[]) for (const k of [...map.keys()]) if (!names.has(k)) map.delete(k);
    return { sheets: out };
  }

  private readSheet(ws: EtWorksheet, index: number, byArea: Map<string, Layout>): SheetSnapshot {
    const name = String(prop(ws, ws.Name));
    const isProtected = prop(ws, ws.ProtectContents) === true;
    const used = prop(ws, ws.UsedRange);
    const area = boundsOf(String(used.Address(false, false)));
    const values = rows(used.Value2);
    const formulas = rows(used.Formula);
    // The non-empty cells: values, formulas (a formula differs from its value; text that only
    // looks like a formula reads the same through both, as in office-js).
    interface Raw extends Pos {
      value: unknown;
      formula?: string;
    }
    const raws: Raw[] = [];
    for (let r = 0; r <= area.bottom - area.top; r++) {
      for (let c = 0; c <= area.right - area.left; c++) {
        const v = values[r]?.[c];
        const f = formulas[r]?.[c];
        const formula = typeof f === "string" && f.startsWith("=") && f !== v ? f.slice(1) : undefined;
        const empty = v === undefined || v === null || v === "";
        if (empty && formula === undefined) continue;
        const raw: Raw = { row: area.top + r, col: area.left + c, value: empty ? null : v };
        if (formula !== undefined) raw.formula = formula;
        raws.push(raw);
      }
    }
    const key = name.toLowerCase();
    const areaKey = rectAddress(area);
    const alike = byArea.get(areaKey);
    const ownFormats = this.knownFormats.get(key);
    const knownFormats = ownFormats ?? alike?.formats;
    const ownMerges = this.knownMerges.get(key);
    const knownMerges = ownMerges ?? alike?.merges;
    // The used range's NumberFormat / MergeCells answer null over a layout known to mix formats or to
    // hold merged areas: not asked then (the checks below see a sheet that became uniform too).
    // A sheet this pane wrote whole, read back with exactly the values and formulas it wrote: its
    // formats and merged areas are taken as written, not asked (see `wroteWhole`).
    const written = this.wroteWhole.get(key);
    const asWritten = written !== undefined && ownFormats !== undefined && ownMerges !== undefined && sameAsWritten(raws, written);
    if (!asWritten) this.wroteWhole.delete(key);
    // Range.Value(11) once checked: the formats and merged areas from its answer (a named format
    // not mapped asked as below); the cells are where Value2 / Formula put them.
    const xml = !asWritten && this.xml.state === "on" ? this.xmlAnswer(used, area, raws, name) : null;
    const xmlCell = (p: Pos): XmlCell | undefined => xml?.cells.get(`${p.row - area.top + 1},${p.col - area.left + 1}`);
    const wholeFormat = asWritten || xml || (knownFormats !== undefined && new Set(knownFormats.values()).size > 1) ? null : used.NumberFormat;
    const wholeMerge = asWritten || xml || (knownMerges !== undefined && knownMerges.length > 0) ? undefined : used.MergeCells;

    const settled = new Set<string>();
    let formats: Map<string, string>;
    if (asWritten) formats = new Map(ownFormats);
    else if (xml) {
      formats = new Map();
      const unknown: Pos[] = [];
      for (const raw of raws) {
        const f = xmlCell(raw)?.format;
        if (f === null || f === undefined) unknown.push(raw);
        else formats.set(`${raw.row},${raw.col}`, f);
      }
      for (const [k, f] of this.numberFormats(ws, unknown, area, undefined)) formats.set(k, f);
    } else formats = knownFormats && (wholeFormat === null || wholeFormat === undefined) ? this.checkedFormats(ws, raws, area, knownFormats, ownFormats !== undefined, settled) : this.numberFormats(ws, raws, area, wholeFormat);
    const cells: ReadCell[] = raws.map((raw) => {
      const numberFormat = formats.get(`${raw.row},${raw.col}`) ?? "General";
      // (The answer's Data ss:Type tells an error from the number 2007: no Text asked.)
      const answered = xmlCell(raw);
      const error = decodeError(raw.value, raw.formula, () => (answered ? (answered.type === "Error" ? answered.text : "") : ws.Range(a1(raw.row, raw.col)).Text));
      let value: CellValue;
      if (error !== null) value = error;
      else if (typeof raw.value === "string" || typeof raw.value === "number" || typeof raw.value === "boolean") value = readTextCell(raw.value, numberFormat);
      else value = raw.value === null ? null : String(raw.value);
      const cell: ReadCell = { row: raw.row, col: raw.col, value, numberFormat };
      if (raw.formula !== undefined) cell.formula = raw.formula;
      return cell;
    });
    const merges = asWritten
      ? [...ownMerges]
      : xml
        ? xml.merges.map((m) => ({ top: m.top + area.top - 1, left: m.left + area.left - 1, bottom: m.bottom + area.top - 1, right: m.right + area.left - 1 }))
        : wholeMerge === false
          ? []
          : ((knownMerges && this.checkedMerges(ws, area, knownMerges, ownMerges === undefined)) ?? this.mergedAreas(ws, area, wholeMerge));
    if (!asWritten && !xml && this.xml.state === "probe" && raws.length > 0) this.probe(used, area, raws, name, formats, settled, merges);
    this.knownMerges.set(key, merges);
    this.knownFormats.set(key, formats);
    this.settledFormats.set(key, settled);
    byArea.set(areaKey, { formats, merges });
    this.knownTextCells.set(key, new Set(cells.filter((c) => c.numberFormat === TEXT_FORMAT).map((c) => `${c.row},${c.col}`)));
    const sheet: SheetSnapshot = { name, index, cells, merges };
    if (isProtected) sheet.protected = true;
    return sheet;
  }

  /**
   * Each non-empty cell's number format. `whole` is the used range's NumberFormat: one string when
   * every cell has it, else null; then the smallest rectangle holding the cells still unknown is
   * halved (the longer side) and each half asked, until every part answers one format.
   */
  private numberFormats(ws: EtWorksheet, cells: readonly Pos[], area: MergedRange, whole: unknown): Map<string, string> {
    const out = new Map<string, string>();
    const assign = (list: readonly Pos[], fmt: unknown) => {
      const f = typeof fmt === "string" && fmt !== "" ? fmt : "General";
      for (const p of list) out.set(`${p.row},${p.col}`, f);
    };
    const bbox = (list: readonly Pos[]): MergedRange => ({
      top: Math.min(...list.map((p) => p.row)),
      left: Math.min(...list.map((p) => p.col)),
      bottom: Math.max(...list.map((p) => p.row)),
      right: Math.max(...list.map((p) => p.col)),
    });
    const solve = (list: readonly Pos[], known?: unknown) => {
      if (list.length === 0) return;
      const box = bbox(list);
      const fmt = known !== undefined ? known : ws.Range(rectAddress(box)).NumberFormat;
      if (fmt !== null && fmt !== undefined) return assign(list, fmt);
      if (box.top === box.bottom && box.left === box.right) return assign(list, "General");
      // Columns first: below its header a table's formats change from column to column (text, dates, amounts).
      if (box.left === box.right) {
        const mid = Math.floor((box.top + box.bottom) / 2);
        solve(list.filter((p) => p.row <= mid));
        solve(list.filter((p) => p.row > mid));
      } else {
        const mid = Math.floor((box.left + box.right) / 2);
        solve(list.filter((p) => p.col <= mid));
        solve(list.filter((p) => p.col > mid));
      }
    };
    if (cells.length === 0) return out;
    const box = bbox(cells);
    const same = box.top === area.top && box.left === area.left && box.bottom === area.bottom && box.right === area.right;
    // The used range's answer stands for the cells when it is one format, or when it is their own box.
    if (whole !== null && whole !== undefined) assign(cells, whole);
    else if (box.bottom > box.top) {
      // A table's header row is where its formats differ from the columns below (text over dates,
      // amounts): the top row asked apart, the rest halves along its columns' format blocks.
      solve(cells.filter((p) => p.row === box.top));
      solve(cells.filter((p) => p.row > box.top));
    } else solve(cells, same ? whole : undefined);
    return out;
  }

  /**
   * Number formats when the last read (and the writes since) said what they were: each block of
   * cells known to share a format (an exact rectangle) is asked once; a block that answers one
   * format takes it, a block that answers null (mixed) and the cells not known are found by halving.
   * 2 calls a block instead of about 2·log2(cells) a block.
   *
   * With `settleText` (the sheet's own formats from the last read, not another sheet's guessed
   * layout), a cell holding text (not a formula, not starting with an apostrophe) keeps its known
   * format without a question: nothing reads a text cell's format but readTextCell (an apostrophe
   * first, always asked) — a date or a percentage is a number — so the questions go to the cells
   * whose format gives them their meaning: numbers, booleans, errors, formulas, apostrophes, and any
   * cell whose format is not known (on a scorecard: the item numbers, full marks and scores, not
   * its 60 lines of text). A format the clerk gives a text cell between two reads of an open pane
   * is seen when the pane is opened again (or when the cell's text changes to a number).
   */
  private checkedFormats(ws: EtWorksheet, cells: readonly (Pos & { value?: unknown; formula?: string })[], area: MergedRange, known: ReadonlyMap<string, string>, settleText: boolean, settled: Set<string>): Map<string, string> {
    const out = new Map<string, string>();
    const unknown: Pos[] = [];
    // The cells to ask, by known format; every known cell by format (the other formats' blocks are what bands go around).
    const groups = new Map<string, Pos[]>();
    const all = new Map<string, Pos[]>();
    const push = (map: Map<string, Pos[]>, f: string, p: Pos) => {
      const list = map.get(f) ?? [];
      list.push(p);
      map.set(f, list);
    };
    for (const p of cells) {
      const k = `${p.row},${p.col}`;
      const f = known.get(k);
      if (f === undefined) {
        unknown.push(p);
        continue;
      }
      push(all, f, p);
      if (settleText && typeof p.value === "string" && !p.value.startsWith("'") && p.formula === undefined) {
        out.set(k, f);
        settled.add(k);
      } else push(groups, f, p);
    }
    // Each format scattered in several blocks (on a scorecard: "General", the item numbers and full
    // marks) is asked over the fewest rectangles of the used range that avoid the other formats'
    // cells and the cells not known, blank cells included, when they are fewer than its blocks. A
    // rectangle answering one format gives it to the cells in it (every cell of it has it, blanks
    // too); the cells of one answering null (a blank cell of another format, or a change) are asked
    // block by block.
    const knownRects = new Map([...all].map(([f, list]) => [f, exactRects(list)]));
    const unknownRects = exactRects(unknown);
    for (const [f, list] of [...groups]) {
      const blocks = exactRects(list);
      if (blocks.length < 2) continue;
      const holes = [...[...knownRects].filter(([g]) => g !== f).flatMap(([, rects]) => rects), ...unknownRects];
      // (Row bands around many holes of a very large used range would take long to find: blocks then.)
      if (holes.length > 64 && (area.bottom - area.top + 1) * (area.right - area.left + 1) > COVER_CELLS) continue;
      const bands = fewestRects(area, list, holes);
      if (bands.length >= blocks.length) continue;
      const { passed, failed } = this.ask(ws, bands, (r) => r.NumberFormat, (a) => typeof a === "string");
      for (const { rect, answer } of passed) for (const p of list) if (inside(p, rect)) out.set(`${p.row},${p.col}`, answer === "" ? "General" : String(answer));
      groups.set(f, failed.flatMap((band) => list.filter((p) => inside(p, band) && !out.has(`${p.row},${p.col}`))));
    }
    for (const list of groups.values()) {
      if (list.length === 0) continue;
      // A block answering one format takes it (its known one, or the one the clerk gave it since); null (mixed) is halved.
      const { passed, failed } = this.ask(ws, exactRects(list), (r) => r.NumberFormat, (a) => typeof a === "string");
      for (const { rect, answer } of passed) for (const p of list) if (inside(p, rect)) out.set(`${p.row},${p.col}`, answer === "" ? "General" : String(answer));
      for (const rect of failed) unknown.push(...list.filter((p) => inside(p, rect)));
    }
    for (const [k, f] of this.numberFormats(ws, unknown, area, undefined)) out.set(k, f);
    return out;
  }

  /**
   * The merged areas of the last read (and the writes since), if they still stand: every known area
   * still merged, and no merged cell in the rest of the used range (asked in row bands). Null when
   * anything differs: the areas are then found again by halving. Areas guessed from another sheet
   * (`exact`) are each asked their MergeArea; the sheet's own areas from the last read are asked
   * together whether still merged (a known area merged again in other parts of the same cells
   * would pass that: the clerk would have to unmerge and merge again inside the same cells).
   */
  private checkedMerges(ws: EtWorksheet, area: MergedRange, known: readonly MergedRange[], exact: boolean): MergedRange[] | null {
    if (known.length === 0) return null; // MergeCells said some cells are merged: none are known
    if (known.some((m) => m.top < area.top || m.left < area.left || m.bottom > area.bottom || m.right > area.right)) return null;
    if (exact) {
      // Another sheet's areas (a guess): each area's own MergeArea must be exactly it (3 calls an area).
      for (const m of known) {
        const got = boundsOf(String(ws.Range(a1(m.top, m.left)).MergeArea.Address(false, false)));
        if (got.top !== m.top || got.left !== m.left || got.bottom !== m.bottom || got.right !== m.right) return null;
      }
    } else if (this.ask(ws, mergeTiles(known), (r) => r.MergeCells, (a) => a === true).failed.length > 0) return null;
    if (this.ask(ws, fewestRects(area, null, known), (r) => r.MergeCells, (a) => a === false).failed.length > 0) return null;
    return [...known];
  }

  /**
   * The merged areas of the used range. MergeCells is true (all merged), false (none) or null
   * (some): a part that answers false is done; a part that is one merged area is found through its
   * first cell's MergeArea; any other part is halved.
   */
  private mergedAreas(ws: EtWorksheet, area: MergedRange, whole: unknown): MergedRange[] {
    const found: MergedRange[] = [];
    const covered = (r: MergedRange) => found.some((m) => r.top >= m.top && r.bottom <= m.bottom && r.left >= m.left && r.right <= m.right);
    // Returns whether the part holds merged cells. A part known to hold some (its sibling held none
    // and their parent some) is not asked again (known = null).
    const solve = (r: MergedRange, known?: unknown): boolean => {
      if (covered(r)) return true;
      const mc = known !== undefined ? known : ws.Range(rectAddress(r)).MergeCells;
      if (mc === false) return false;
      const single = r.top === r.bottom && r.left === r.right;
      if (mc === true || single) {
        const m = boundsOf(String(ws.Range(a1(r.top, r.left)).MergeArea.Address(false, false)));
        const isArea = m.bottom > m.top || m.right > m.left;
        if (isArea && !found.some((f) => f.top === m.top && f.left === m.left)) found.push(m);
        if (single || (m.top === r.top && m.left === r.left && m.bottom === r.bottom && m.right === r.right)) return isArea;
      }
      const [a, b] =
        r.bottom - r.top >= r.right - r.left
          ? [{ ...r, bottom: Math.floor((r.top + r.bottom) / 2) }, { ...r, top: Math.floor((r.top + r.bottom) / 2) + 1 }]
          : [{ ...r, right: Math.floor((r.left + r.right) / 2) }, { ...r, left: Math.floor((r.left + r.right) / 2) + 1 }];
      const inFirst = solve(a);
      const inSecond = solve(b, mc === null && !inFirst ? null : undefined);
      return inFirst || inSecond;
    };
    solve(area, whole);
    return found;
  }

  /**
   * What of the plan is already in the workbook, by the read of this same action (none without one):
   * a whole sheet this pane wrote, read back exactly as written (`wroteWhole` survived the read),
   * whose spec is the one it wrote (`writtenSpecs`), neither deleted nor given cell writes; an owned
   * cell that holds the planned value (or formula) and the planned number format as the read asked
   * it (not text keeping a known format), with no style to set. The rest is the plan to write.
   */
  private toWrite(plan: WritePlan, lastRead: WpsAdapter["lastRead"], asked: ReadonlyMap<string, ReadonlyMap<string, string>>): WritePlan {
    if (!lastRead) return plan;
    const lower = (n: string) => n.toLowerCase();
    const touched = new Set([...plan.cellWrites.map((g) => lower(g.sheet)), ...(plan.deleteSheets ?? []).map(lower)]);
    const sheets = plan.sheets.filter((spec) => {
      const k = lower(spec.name);
      return !(lastRead.byName.has(k) && this.wroteWhole.has(k) && !touched.has(k) && this.writtenSpecs.get(k) === JSON.stringify(spec));
    });
    const cellWrites = plan.cellWrites
      .map((group) => {
        const read = lastRead.cells.get(lower(group.sheet));
        const formats = asked.get(lower(group.sheet));
        const held = (c: PlannedCell): boolean => {
          if (!read || Object.values(c.style).some((v) => v !== undefined)) return false;
          const k = `${c.row},${c.col}`;
          const got = read.get(k);
          if (c.formula !== undefined ? got?.formula !== c.formula : got?.formula !== undefined || (got?.value ?? null) !== c.value) return false;
          return c.numberFormat === undefined || formats?.get(k) === c.numberFormat;
        };
        const writes: CellWrite[] = plannedCells(group.writes)
          .filter((c) => !held(c))
          .map((c) => {
            const w: CellWrite = { address: a1(c.row, c.col), value: c.value, style: c.style };
            if (c.formula !== undefined) w.formula = c.formula;
            if (c.numberFormat !== undefined) w.numberFormat = c.numberFormat;
            return w;
          });
        return { sheet: group.sheet, writes };
      })
      .filter((g) => g.writes.length > 0);
    return { ...plan, sheets, cellWrites };
  }

  async apply(given: WritePlan): Promise<void> {
    const plan = fitPlan(given);
    this.skipped = [...this.fellBack];
    const lastRead = this.lastRead;
    this.lastRead = null;
    // The formats the read of this same action asked (not text keeping its known one), by sheet: a
    // cell written with the format it has already is not given it again.
    const asked = new Map<string, Map<string, string>>();
    if (lastRead) {
      for (const group of plan.cellWrites) {
        const k = group.sheet.toLowerCase();
        const settled = this.settledFormats.get(k);
        asked.set(k, new Map([...(this.knownFormats.get(k) ?? [])].filter(([cell]) => !(settled?.has(cell) ?? false))));
      }
    }
    // Nothing to write, nothing written: not a call (全部重算 again with nothing changed).
    const work = this.toWrite(plan, lastRead, asked);
    const idle = work.sheets.length === 0 && work.cellWrites.length === 0 && (work.deleteSheets ?? []).length === 0 && (work.protectSheets ?? []).length === 0;
    if (!idle) await this.applyToWorkbook(work, lastRead, asked, this.diffs(work, lastRead));
    this.remember(plan);
  }

  /**
   * The whole sheets of `plan` that can be written as a difference (`sheetDiff`): each one this pane
   * wrote whole, read back by the read of this same action with exactly the values and formulas it
   * wrote (`wroteWhole` survived the read), not protected, not deleted or given cell writes by the
   * plan, whose new spec keeps the layout of the one it wrote.
   */
  private diffs(plan: WritePlan, lastRead: WpsAdapter["lastRead"]): Map<SheetSpec, SheetDiff> {
    const out = new Map<SheetSpec, SheetDiff>();
    if (!lastRead || !this.diffWrites) return out;
    const lower = (n: string) => n.toLowerCase();
    const touched = new Set([...plan.cellWrites.map((g) => lower(g.sheet)), ...(plan.deleteSheets ?? []).map(lower), ...(plan.protectSheets ?? []).map((p) => lower(p.sheet))]);
    for (const spec of plan.sheets) {
      const k = lower(spec.name);
      const before = this.writtenSpecs.get(k);
      if (before === undefined || !lastRead.byName.has(k) || !this.wroteWhole.has(k) || touched.has(k) || lastRead.protectedNames.has(k)) continue;
      const d = sheetDiff(JSON.parse(before) as SheetSpec, spec);
      if (d) out.set(spec, d);
    }
    return out;
  }

  private async applyToWorkbook(plan: WritePlan, lastRead: WpsAdapter["lastRead"], asked: Map<string, Map<string, string>>, diffs: ReadonlyMap<SheetSpec, SheetDiff>): Promise<void> {
    const app = this.application();
    const sheets = this.sheetsOf(app);
    const alerts = app.DisplayAlerts;
    const screen = app.ScreenUpdating;
    app.DisplayAlerts = false;
    app.ScreenUpdating = false;
    // Freezing panes activates each sheet it freezes: the clerk's sheet is activated again after.
    const freezes = plan.sheets.some((s) => (s.freezeRows ?? 0) > 0 && !diffs.has(s));
    let activeName: string | null = null;
    if (freezes) {
      const active = app.ActiveSheet;
      activeName = active ? String(prop(active, active.Name)) : null;
    }
    try {
      await this.write(app, sheets, plan, lastRead, asked, diffs);
      app.Calculate();
      if (activeName !== null) {
        try {
          sheets.Item(activeName).Activate();
        } catch {
          // the sheet the clerk was on is gone (deleted by the plan): WPS shows another
        }
      }
    } finally {
      app.ScreenUpdating = screen;
      app.DisplayAlerts = alerts;
    }
  }

  /** What the workbook holds after `plan` (all of it, written now or already there). */
  private remember(plan: WritePlan): void {
    for (const spec of plan.sheets) {
      this.knownMerges.set(spec.name.toLowerCase(), spec.merges.map(boundsOf));
      this.knownTextCells.delete(spec.name.toLowerCase());
      const formats = new Map<string, string>();
      const content = new Map<string, unknown>();
      for (const c of plannedCells(spec.cells)) {
        if (c.value === null && c.formula === undefined) continue;
        formats.set(`${c.row},${c.col}`, c.numberFormat ?? "General");
        content.set(`${c.row},${c.col}`, c.formula !== undefined ? `=${c.formula}` : c.value);
      }
      this.knownFormats.set(spec.name.toLowerCase(), formats);
      this.settledFormats.delete(spec.name.toLowerCase());
      this.wroteWhole.set(spec.name.toLowerCase(), content);
      this.writtenSpecs.set(spec.name.toLowerCase(), JSON.stringify(spec));
    }
    // A sheet whose cells this write set is no longer as written whole.
    for (const group of plan.cellWrites) {
      this.wroteWhole.delete(group.sheet.toLowerCase());
      this.writtenSpecs.delete(group.sheet.toLowerCase());
    }
    for (const group of plan.cellWrites) {
      const formats = this.knownFormats.get(group.sheet.toLowerCase());
      if (!formats) continue;
      for (const c of plannedCells(group.writes)) {
        const k = `${c.row},${c.col}`;
        // A write without a format keeps the cell's own, which is known only if the cell was not blank.
        if (c.numberFormat !== undefined) formats.set(k, c.numberFormat);
        else if (c.value === null && c.formula === undefined) formats.delete(k);
      }
    }
    for (const name of plan.deleteSheets ?? []) for (const map of [this.knownMerges, this.knownTextCells, this.knownFormats, this.settledFormats, this.wroteWhole, this.writtenSpecs] as Map<string, unknown>[]) map.delete(name.toLowerCase());
  }

  private async write(app: EtApplication, sheets: EtSheets, plan: WritePlan, lastRead: WpsAdapter["lastRead"], asked: Map<string, Map<string, string>>, diffs: ReadonlyMap<SheetSpec, SheetDiff>): Promise<void> {
    // The sheets as this write knows them: from the read of the same action (every sheet, so a name
    // not there is absent), kept up to date as sheets are added and deleted; asked only without one.
    const known = new Map<string, EtWorksheet | null>(lastRead?.byName ?? []);
    const item = (name: string): EtWorksheet | null => {
      const k = name.toLowerCase();
      if (known.has(k)) return known.get(k) ?? null;
      if (lastRead) return null;
      let ws: EtWorksheet | null;
      try {
        ws = sheets.Item(name);
      } catch {
        ws = null;
      }
      known.set(k, ws);
      return ws;
    };
    const places = { last: lastRead?.last ?? null };
    const protections = plan.protectSheets ?? [];
    const record = plan.sheets.find((s) => isUndoRecord(s.name));
    const order = record ? [record, ...plan.sheets.filter((s) => s !== record)] : [...plan.sheets];
    const existedBefore = new Set<string>();
    for (const spec of plan.sheets) if (item(spec.name) !== null) existedBefore.add(spec.name.toLowerCase());
    // The undo record first: a write that stops part-way leaves the record of the state before it.
    let newRecord: EtWorksheet | null = null;
    const written = new Set<SheetSpec>();
    const writeSheet = (spec: SheetSpec) => {
      const d = diffs.get(spec);
      const existing = d ? item(spec.name) : null;
      if (d && existing) {
        WpsAdapter.writeDiff(existing, d);
        written.add(spec);
        return;
      }
      const before = this.placeBefore(spec, plan, record, newRecord, existedBefore);
      const ws = this.replaceSheet(sheets, spec.name, before, item(spec.name), places);
      known.set(spec.name.toLowerCase(), ws);
      if (spec === record && !existedBefore.has(spec.name.toLowerCase())) newRecord = ws;
      try {
        this.fillSheet(app, ws, spec);
      } catch (e) {
        if (!(e instanceof RefillSheet)) throw e;
        // Multi-area Merge or the Value(11) write refused (now off for the pane's life): the fresh sheet written again, in its place.
        const again = this.replaceSheet(sheets, spec.name, null, ws, places);
        known.set(spec.name.toLowerCase(), again);
        if (newRecord === ws) newRecord = again;
        this.fillSheet(app, again, spec);
      }
      written.add(spec);
    };
    if (record) {
      writeSheet(record);
      if (this.breathe) await breathe();
    }
    for (const p of protections) if (!p.protect) item(p.sheet)?.Unprotect();
    // (`asked`: the formats the read of this same action asked, by sheet; dropped as cells are written.)
    for (const group of plan.cellWrites) {
      const ws = item(group.sheet) ?? sheets.Item(group.sheet); // (absent: Item fails and says which)
      this.writeCells(ws, group.sheet, group.writes, asked.get(group.sheet.toLowerCase()) ?? new Map());
      if (this.breathe) await breathe();
    }
    for (const spec of order) {
      if (written.has(spec)) continue;
      writeSheet(spec);
      if (this.breathe) await breathe();
    }
    for (const name of plan.deleteSheets ?? []) {
      item(name)?.Delete();
      known.set(name.toLowerCase(), null);
    }
    for (const p of protections) if (p.protect) item(p.sheet)?.Protect();
  }

  /**
   * Where a new sheet goes: the plan's order puts new sheets after the existing ones, in plan
   * order; the undo record, written first, is among them. A new sheet listed before a new undo
   * record goes before it; any other after the last sheet.
   */
  private placeBefore(spec: SheetSpec, plan: WritePlan, record: SheetSpec | undefined, newRecord: EtWorksheet | null, existed: ReadonlySet<string>): EtWorksheet | null {
    if (!record || !newRecord || existed.has(spec.name.toLowerCase())) return null;
    return plan.sheets.indexOf(spec) < plan.sheets.indexOf(record) ? newRecord : null;
  }

  /**
   * A fresh sheet named `name`: in the place of `old`, the sheet of that name (deleted), else before
   * `before`, else at the end (after `places.last` when known: the last sheet, kept up to date).
   */
  private replaceSheet(sheets: EtSheets, name: string, before: EtWorksheet | null, old: EtWorksheet | null, places: { last: EtWorksheet | null }): EtWorksheet {
    let ws: EtWorksheet;
    if (old) {
      ws = sheets.Add(old);
      old.Delete();
      if (places.last === old) places.last = ws;
    } else if (before) {
      ws = sheets.Add(before);
    } else {
      const last = places.last ?? sheets.Item(prop(sheets, sheets.Count));
      ws = sheets.Add(undefined, last);
      places.last = ws;
    }
    ws.Name = name;
    return ws;
  }

  /** 2-D array writes over `rect` of `prop`, one Range call and one set. */
  private static setArray(ws: RangeCache, rect: MergedRange, property: "Value2" | "Formula", at: (row: number, col: number) => unknown): void {
    const out: unknown[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: unknown[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(at(r, c));
      out.push(row);
    }
    ws.range(rectAddress(rect))[property] = out;
  }

  /** The cells' formulas (the others left out): one Formula array per rectangle `rects` cuts them into. */
  private static setFormulas(ranges: RangeCache, cells: readonly PlannedCell[], rects: (list: readonly Pos[]) => MergedRange[]): void {
    const formulas = new Map<string, string>();
    for (const c of cells) if (c.formula !== undefined) formulas.set(`${c.row},${c.col}`, c.formula);
    const list = cells.filter((c) => c.formula !== undefined);
    for (const rect of rects(list)) WpsAdapter.setArray(ranges, rect, "Formula", (r, c) => `=${formulas.get(`${r},${c}`) as string}`);
  }

  /** Number formats: one NumberFormat set per format, on the multi-area range of its rectangles. */
  private static setFormats(ws: RangeCache, cells: readonly Pos[], formatOf: (p: Pos) => string | undefined, rects: (list: readonly Pos[]) => MergedRange[]): void {
    const byFormat = new Map<string, Pos[]>();
    for (const c of cells) {
      const f = formatOf(c);
      if (f === undefined) continue;
      const list = byFormat.get(f) ?? [];
      list.push(c);
      byFormat.set(f, list);
    }
    for (const [fmt, list] of byFormat) for (const address of areaAddresses(rects(list))) ws.range(address).NumberFormat = fmt;
  }

  /**
   * Styles, one property at a time: the cells sharing a value of one property (bold, a fill, an
   * alignment …) get it set once, on the multi-area range of their rectangles, whatever their other
   * properties — a sheet's calls follow the distinct values it uses, not its combinations of them;
   * borders by kind.
   */
  private static setStyles(ws: RangeCache, cells: readonly PlannedCell[], rects: (list: readonly Pos[]) => MergedRange[]): void {
    type Key = Exclude<keyof CellStyle, "border">;
    const apply: { [K in Key]: (address: string, value: NonNullable<CellStyle[K]>) => void } = {
      bold: (a, v) => (ws.font(a).Bold = v),
      italic: (a, v) => (ws.font(a).Italic = v),
      fontSize: (a, v) => (ws.font(a).Size = v),
      fontColor: (a, v) => (ws.font(a).Color = bgr(v)),
      fill: (a, v) => (ws.interior(a).Color = bgr(v)),
      wrap: (a, v) => (ws.range(a).WrapText = v),
      horizontal: (a, v) => (ws.range(a).HorizontalAlignment = H_ALIGN[v]),
      vertical: (a, v) => (ws.range(a).VerticalAlignment = V_ALIGN[v]),
    };
    for (const key of Object.keys(apply) as Key[]) {
      const byValue = new Map<string | number | boolean, PlannedCell[]>();
      for (const c of cells) {
        const v = c.style[key];
        if (v === undefined) continue;
        const list = byValue.get(v) ?? [];
        list.push(c);
        byValue.set(v, list);
      }
      for (const [value, members] of byValue) {
        for (const address of areaAddresses(rects(members))) (apply[key] as (a: string, v: unknown) => void)(address, value);
      }
    }
    const byBorder = new Map<string, PlannedCell[]>();
    for (const c of cells) {
      if (c.style.border === undefined) continue;
      const list = byBorder.get(c.style.border) ?? [];
      list.push(c);
      byBorder.set(c.style.border, list);
    }
    for (const kind of ["none", "thin", "medium"] as const) {
      const members = byBorder.get(kind);
      if (!members) continue;
      for (const address of areaAddresses(rects(members))) {
        // The collection's LineStyle / Weight set the edges and inside lines of every cell at once
        // (VBA Borders object: `With rng.Borders: .LineStyle = xlContinuous: .Weight = xlThin`):
        // 3 or 4 calls a group instead of 13 or 19.
        const borders = ws.range(address).Borders;
        if (kind === "none") borders.LineStyle = ENUM.xlLineStyleNone;
        else {
          borders.LineStyle = ENUM.xlContinuous;
          borders.Weight = kind === "medium" ? ENUM.xlMedium : ENUM.xlThin;
        }
      }
    }
  }

  /**
   * Owned cells of an existing sheet: exact rectangles; a cell inside a merged area on its own. A
   * format the read of this action found on the cell (`has`) is not set again (a month scored again:
   * its scores are "0.00" already).
   */
  private writeCells(ws: EtWorksheet, sheet: string, writes: readonly CellWrite[], has: Map<string, string>): void {
    const cells = plannedCells(writes);
    const at = new Map(cells.map((c) => [`${c.row},${c.col}`, c]));
    const get = (r: number, c: number) => at.get(`${r},${c}`) as PlannedCell;
    const merges = (this.knownMerges.get(sheet.toLowerCase()) ?? []).filter((m) => m.bottom > m.top || m.right > m.left);
    const inMerge = (p: Pos) => merges.some((m) => inside(p, m));
    const rects = (list: readonly Pos[]): MergedRange[] =>
      [...exactRects(list.filter((p) => !inMerge(p))), ...list.filter(inMerge).map((p) => ({ top: p.row, left: p.col, bottom: p.row, right: p.col }))].sort((a, b) => a.top - b.top || a.left - b.left);
    const textCells = this.knownTextCells.get(sheet.toLowerCase());
    // A prefixed text into a cell that is (or becomes) "@": written while the cell is General, then "@" (text-input.ts).
    const sandwiched = (c: PlannedCell) =>
      c.formula === undefined && typeof c.value === "string" && needsTextPrefix(c.value) && (c.numberFormat === TEXT_FORMAT || (c.numberFormat === undefined && (textCells?.has(`${c.row},${c.col}`) ?? false)));
    const sandwich = new Set(cells.filter(sandwiched).map((c) => `${c.row},${c.col}`));
    const inSandwich = (p: Pos) => sandwich.has(`${p.row},${p.col}`);
    const ranges = new RangeCache(ws);
    const given = (p: Pos) => {
      const f = get(p.row, p.col).numberFormat;
      return f !== undefined && has.get(`${p.row},${p.col}`) === f ? undefined : f;
    };
    WpsAdapter.setFormats(ranges, cells, (p) => (inSandwich(p) ? "General" : given(p)), rects);
    for (const c of cells) has.delete(`${c.row},${c.col}`);
    for (const rect of rects(cells.filter((c) => c.formula === undefined))) WpsAdapter.setArray(ranges, rect, "Value2", (r, c) => toExcelInput(get(r, c).value));
    WpsAdapter.setFormulas(ranges, cells, rects);
    WpsAdapter.setFormats(ranges, cells.filter(inSandwich), (p) => get(p.row, p.col).numberFormat ?? TEXT_FORMAT, rects);
    WpsAdapter.setStyles(ranges, cells, rects);
  }

  /**
   * An owned sheet written again as its difference (`SheetDiff`): the heights of rows new or changed;
   * "General" first on the "@" cells about to get a new value (text never meets "@", as in a fresh
   * write); the changed values over the fewest rectangles that avoid formulas, "@" cells and merged
   * areas (unchanged cells inside them get their own value again), each changed cell of a merged area
   * on its own; the changed formulas; then each number format changed (or put back after "General").
   */
  private static writeDiff(ws: EtWorksheet, d: SheetDiff): void {
    const ranges = new RangeCache(ws);
    for (const { address, size } of sizeCalls(d.heights, (a, b) => `${a}:${b}`)) ranges.range(address).RowHeight = size;
    for (const address of areaAddresses(exactRects(d.cleared))) ranges.range(address).ClearFormats();
    WpsAdapter.setFormats(ranges, d.unText, () => "General", exactRects);
    const at = (r: number, c: number) => d.cells.get(`${r},${c}`);
    const toValue = (r: number, c: number) => {
      const cell = at(r, c);
      return cell === undefined || cell.formula !== undefined ? "" : toExcelInput(cell.value);
    };
    const inMerge = (p: Pos) => d.merges.some((m) => inside(p, m));
    const values = d.changed.filter((p) => at(p.row, p.col)?.formula === undefined);
    const loose = values.filter((p) => !inMerge(p));
    if (loose.length > 0) {
      const box = loose.reduce((b, p) => ({ top: Math.min(b.top, p.row), left: Math.min(b.left, p.col), bottom: Math.max(b.bottom, p.row), right: Math.max(b.right, p.col) }), { top: Infinity, left: Infinity, bottom: -Infinity, right: -Infinity });
      for (const rect of fewestRects(box, loose, [...d.merges, ...exactRects(d.keep)])) WpsAdapter.setArray(ranges, rect, "Value2", toValue);
    }
    for (const p of values.filter(inMerge)) WpsAdapter.setArray(ranges, { top: p.row, left: p.col, bottom: p.row, right: p.col }, "Value2", toValue);
    WpsAdapter.setFormulas(ranges, d.changed.flatMap((p) => at(p.row, p.col) ?? []), exactRects);
    WpsAdapter.setFormats(ranges, [...d.formats.keys()].map(posOf), (p) => d.formats.get(`${p.row},${p.col}`), exactRects);
    // Styles: what the old cell lacked or had otherwise set as in a fresh write; what it had and the
    // new spec leaves out put back to a fresh cell's (VBA: Bold / Italic / WrapText False,
    // HorizontalAlignment xlGeneral, VerticalAlignment xlBottom, Font.ColorIndex xlColorIndexAutomatic,
    // Interior.ColorIndex xlColorIndexNone).
    const reset: { [K in ResetKey]: (address: string) => void } = {
      bold: (a) => (ranges.font(a).Bold = false),
      italic: (a) => (ranges.font(a).Italic = false),
      fontColor: (a) => (ranges.font(a).ColorIndex = ENUM.xlColorIndexAutomatic),
      fill: (a) => (ranges.interior(a).ColorIndex = ENUM.xlColorIndexNone),
      wrap: (a) => (ranges.range(a).WrapText = false),
      horizontal: (a) => (ranges.range(a).HorizontalAlignment = ENUM.xlGeneral),
      vertical: (a) => (ranges.range(a).VerticalAlignment = ENUM.xlBottom),
    };
    for (const [key, list] of d.resets) for (const address of areaAddresses(exactRects(list))) reset[key](address);
    WpsAdapter.setStyles(ranges, d.styled, exactRects);
    if (d.print) WpsAdapter.setPrint(ws, ranges, d.print.after, d.print.before);
  }

  /**
   * A fresh sheet filled from its spec: its cells in one Range.Value(11) (while that is not off and
   * the text can say them, `sheetXml`) or the documented way (`fillCells`); then column widths (after
   * the text: what a build's reader does to widths it is not given is not known, and they are not
   * checked); the rest.
   */
  private fillSheet(app: EtApplication, ws: EtWorksheet, spec: SheetSpec): void {
    const ranges = new RangeCache(ws);
    const xml = this.xmlWrite === "off" ? null : sheetXml(spec);
    if (xml) this.fillFromXml(ws, ranges, xml);
    else this.fillCells(ws, ranges, spec);
    const widths = new Map<number, number>();
    for (const [letter, width] of Object.entries(spec.columnWidths ?? {})) widths.set(columnOf(letter), width);
    for (const { address, size } of sizeCalls(widths, (a, b) => `${columnLetter(a)}:${columnLetter(b)}`)) ws.Range(address).ColumnWidth = size;
    this.fillRest(app, ws, ranges, spec);
  }

  /** A fresh sheet's cells the documented way: heights, values (formats after: text never meets "@"), formulas, formats, styles, merges. */
  private fillCells(ws: EtWorksheet, ranges: RangeCache, spec: SheetSpec): void {
    if (this.multiMerge === "probe" && WpsAdapter.multiAreaMerge(spec.merges.map(boundsOf))) this.probeMerges(ws);
    const heights = new Map<number, number>();
    for (const [row, height] of Object.entries(spec.rowHeights ?? {})) heights.set(Number(row), height);
    for (const { address, size } of sizeCalls(heights, (a, b) => `${a}:${b}`)) ws.Range(address).RowHeight = size;

    const cells = plannedCells(spec.cells);
    const at = new Map(cells.map((c) => [`${c.row},${c.col}`, c]));
    for (const block of valueBlocks(cells)) {
      WpsAdapter.setArray(ranges, block, "Value2", (r, c) => {
        const cell = at.get(`${r},${c}`);
        return cell === undefined || cell.formula !== undefined ? "" : toExcelInput(cell.value);
      });
    }
    WpsAdapter.setFormulas(ranges, cells, exactRects);
    WpsAdapter.setFormats(ranges, cells, (p) => at.get(`${p.row},${p.col}`)?.numberFormat, exactRects);
    WpsAdapter.setStyles(ranges, cells, exactRects);
    this.merge(ranges, spec.merges.map(boundsOf));
  }

  /**
   * A fresh sheet's cells in one call, Range(A1:…).Value(11, text), then its formulas (the text's
   * are R1C1: set the documented way). What the pane has not seen kept yet is checked
   * (`checkXmlWrite`: all of the first sheet, what is new on a later one); a refusal, or anything
   * not as written, turns it off for the pane's life and the sheet is written again the documented
   * way (`RefillSheet`).
   */
  private fillFromXml(ws: EtWorksheet, ranges: RangeCache, x: SheetXml): void {
    try {
      ranges.range(x.address).Value(11, x.xml);
    } catch {
      this.xmlWriteOff("调用出错", "the call failed");
      throw new RefillSheet();
    }
    WpsAdapter.setFormulas(ranges, x.formulaCells, exactRects);
    const wrong = WpsAdapter.checkXmlWrite(ranges, x, this.xmlChecked, this.xmlWrite === "probe");
    if (wrong) {
      this.xmlWriteOff(wrong.zh, wrong.en);
      throw new RefillSheet();
    }
    this.xmlWrite = "on";
  }

  /**
   * A sheet just written through Range.Value(11), read back the documented way where this pane has
   * not seen the text kept yet: on its first such sheet (`values`) every value (Value2 of the range);
   * on every sheet, what it has that no sheet before had — a number format, an alignment or a border
   * kind (each value: their spelling differs), bold, italic, wrapping, a font size, a font colour, a
   * fill (each kind once: a number is a number), merged areas, a bordered merged area's far corner
   * (its style reached the cells it covers), row heights — at the first cell that
   * has it (a later sheet with a new format or a medium border costs a question or two; one with
   * nothing new, none). What differs, or null — and then what was checked is added to `checked`.
   * Values catch a build that ignores the text; the rest one that keeps the values only, or leaves
   * something out.
   */
  private static checkXmlWrite(ranges: RangeCache, x: SheetXml, checked: Set<string>, values: boolean): { zh: string; en: string } | null {
    if (values) {
      const grid = rows(ranges.range(x.address).Value2);
      const blank = (v: unknown) => v === null || v === undefined || v === "";
      for (const c of x.cells) {
        // (A formula's value is WPS's to compute. `?.`: a build that answers fewer rows than the range is a difference, not a crash.)
        if (c.formula !== undefined) continue;
        const got = grid[c.row - 1]?.[c.col - 1];
        if (blank(c.value) ? !blank(got) : got !== c.value) return { zh: `${a1(c.row, c.col)} 的值未按写入保留`, en: `the value of ${a1(c.row, c.col)} did not come through` };
      }
    }
    const firsts = new Map<string, { address: string; check: () => boolean; what: [string, string] }>();
    const first = (key: string, address: string, what: [string, string], check: () => boolean) => {
      if (!firsts.has(key) && !checked.has(key)) firsts.set(key, { address, check, what });
    };
    const num = (v: unknown, want: number) => Number(v) === want;
    for (const c of x.cells) {
      const a = a1(c.row, c.col);
      const s = c.style;
      // ("General" is not asked: a Chinese WPS may spell it "G/通用格式".)
      if (c.numberFormat !== undefined && c.numberFormat !== "General") first(`nf ${c.numberFormat}`, a, ["数字格式", "number format"], () => ranges.range(a).NumberFormat === c.numberFormat);
      if (s.bold === true) first("bold", a, ["加粗", "bold"], () => ranges.font(a).Bold === true);
      if (s.italic === true) first("italic", a, ["倾斜", "italic"], () => ranges.font(a).Italic === true);
      if (s.fontSize !== undefined) first("size", a, ["字号", "font size"], () => num(ranges.font(a).Size, s.fontSize as number));
      if (s.fontColor !== undefined) first("colour", a, ["字体颜色", "font colour"], () => num(ranges.font(a).Color, bgr(s.fontColor as string)));
      if (s.fill !== undefined) first("fill", a, ["填充色", "fill"], () => num(ranges.interior(a).Color, bgr(s.fill as string)));
      if (s.wrap === true) first("wrap", a, ["自动换行", "wrapping"], () => ranges.range(a).WrapText === true);
      if (s.horizontal !== undefined) first(`h ${s.horizontal}`, a, ["水平对齐", "horizontal alignment"], () => num(ranges.range(a).HorizontalAlignment, H_ALIGN[s.horizontal as keyof typeof H_ALIGN]));
      if (s.vertical !== undefined) first(`v ${s.vertical}`, a, ["垂直对齐", "vertical alignment"], () => num(ranges.range(a).VerticalAlignment, V_ALIGN[s.vertical as keyof typeof V_ALIGN]));
      if (s.border === "thin" || s.border === "medium") {
        const weight = s.border === "medium" ? ENUM.xlMedium : ENUM.xlThin;
        first(`border ${s.border}`, a, ["边框", "border"], () => {
          const edge = ranges.range(a).Borders.Item(ENUM.xlEdgeLeft);
          return num(edge.LineStyle, ENUM.xlContinuous) && num(edge.Weight, weight);
        });
      }
    }
    const merge = x.merges[0];
    if (merge) first("merge", a1(merge.top, merge.left), ["合并单元格", "merged cells"], () => String(ranges.range(a1(merge.top, merge.left)).MergeArea.Address(false, false)) === rectAddress(merge));
    // A merged area is one cell in the text: its border must reach the area's far corner (the covered
    // cells drawn as its first), which a build that styles the first cell only would not do.
    const bordered = x.merges.find((m) => {
      const b = x.cells.find((c) => c.row === m.top && c.col === m.left)?.style.border;
      return b === "thin" || b === "medium";
    });
    if (bordered) {
      const corner = a1(bordered.bottom, bordered.right);
      first("merged border", corner, ["合并单元格边框", "merged cell's border"], () => num(ranges.range(corner).Borders.Item(ENUM.xlEdgeRight).LineStyle, ENUM.xlContinuous));
    }
    const height = x.heights[0];
    if (height) first("height", `A${height.row}`, ["行高", "row height"], () => num(ranges.range(`A${height.row}`).RowHeight, height.size));
    for (const { address, check, what } of firsts.values()) if (!check()) return { zh: `${address} 的${what[0]}未按写入保留`, en: `the ${what[1]} of ${address} did not come through` };
    for (const key of firsts.keys()) checked.add(key);
    return null;
  }

  /** Range.Value(11) writes refused for the pane's life, with a line for the pane (zh-CN first). */
  private xmlWriteOff(reasonZh: string, reasonEn: string): void {
    this.xmlWrite = "off";
    this.fallBack(
      XML_WRITE_FEATURE,
      `此版本 WPS 不能一次写入整张表（Range.Value(11)：${reasonZh}），已改为逐项写入：结果相同，写入调用较多。`,
      `This WPS build does not write a whole sheet in one call (Range.Value(11): ${reasonEn}); it is written property by property: the same result, more bridge calls.`,
    );
  }

  /** What a fresh sheet has beside its cells: highlights, lists, print setup, tab colour, frozen panes, the chart. */
  private fillRest(app: EtApplication, ws: EtWorksheet, ranges: RangeCache, spec: SheetSpec): void {
    for (const h of spec.conditionalHighlights ?? []) {
      const cf = ranges.range(h.range).FormatConditions.Add(ENUM.xlCellValue, ENUM.xlLess, String(h.lessThan));
      cf.Interior.Color = bgr(h.fill);
      if (h.fontColor !== undefined) cf.Font.Color = bgr(h.fontColor);
    }
    for (const v of spec.validations ?? []) {
      if (v.values.some((x) => x.includes(","))) throw new RangeError(`下拉列表的选项不能包含逗号 / a list option cannot contain a comma: ${v.values.join(" | ")}`);
      ranges.range(v.range).Validation.Add(ENUM.xlValidateList, ENUM.xlValidAlertStop, ENUM.xlBetween, v.values.join(","));
    }
    if (spec.print) WpsAdapter.setPrint(ws, ranges, spec.print);
    if (spec.tabColor !== undefined) ws.Tab.Color = bgr(spec.tabColor);
    if (spec.freezeRows !== undefined && spec.freezeRows > 0) {
      try {
        this.freeze(app, ws, spec.freezeRows);
      } catch {
        this.skip("freeze panes", `「${spec.name}」的冻结窗格未能设置（此版本 WPS 不支持），数据已写入。`, `Freeze panes of "${spec.name}" could not be set (this WPS build refused); the data is written.`);
      }
    }
    const c = spec.chart;
    if (c && c.series.length > 0) {
      try {
        this.chart(ws, c, ranges);
      } catch {
        this.skip("chart", `「${spec.name}」的折线图未能插入（此版本 WPS 不支持），数据已写入。`, `The line chart on "${spec.name}" could not be inserted (this WPS build refused); the data is written.`);
      }
    }
  }

  /**
   * A fresh sheet's merged areas (`mergeCalls`). With multi-area merges (the default, once checked):
   * every one-row area, and every stack of them, in one `Merge(True)` on a multi-area address, every
   * other area in one `Merge()` — each cut under 255 characters: a few calls a sheet instead of two an
   * area (付款结算: 8 instead of 84). What Merge does over several areas is not in its reference page
   * (Excel merges each area of a multiple selection apart): `probeMerges` checks it once a pane. A
   * call that throws all the same turns it off and the sheet is written again (`MergeRefused`).
   */
  private merge(ranges: RangeCache, merges: readonly MergedRange[]): void {
    const calls = mergeCalls(merges);
    if (this.multiMerge === "off") {
      for (const { rect, across } of calls) {
        if (across) ranges.range(rectAddress(rect)).Merge(true);
        else ranges.range(rectAddress(rect)).Merge();
      }
      return;
    }
    // Merge(True) on a one-row area merges that row: the same as Merge().
    const rows = calls.filter((c) => c.across || c.rect.top === c.rect.bottom).map((c) => c.rect);
    const blocks = calls.filter((c) => !c.across && c.rect.top !== c.rect.bottom).map((c) => c.rect);
    try {
      for (const address of areaAddresses(rows)) ranges.range(address).Merge(true);
      for (const address of areaAddresses(blocks)) ranges.range(address).Merge();
    } catch {
      this.multiMergeOff();
      throw new RefillSheet();
    }
  }

  /** Whether a fresh sheet's merges take a multi-area call (more than one area in one address). */
  private static multiAreaMerge(merges: readonly MergedRange[]): boolean {
    const calls = mergeCalls(merges);
    return calls.filter((c) => c.across || c.rect.top === c.rect.bottom).length > 1 || calls.filter((c) => !c.across && c.rect.top !== c.rect.bottom).length > 1;
  }

  /**
   * Multi-area Range.Merge, checked once a pane on the fresh sheet that first needs it, before anything
   * is written there (nothing to lose): Range("A1:B1,A3:B3").Merge(True) and Range("A5:B6,D5:E6").Merge(),
   * then A1, A2, A3, A5, C5, D5's MergeArea must be A1:B1, A2, A3:B3, A5:B6, C5, D5:E6 — the areas merged
   * apart, not their box (A2 or C5 merged), not the first only (A3 or D5 alone); then A1:E6 unmerged.
   * 24 calls. A build that throws or answers otherwise: one area a call for the pane's life (`multiMergeOff`).
   */
  private probeMerges(ws: EtWorksheet): void {
    if (this.multiMerge !== "probe") return;
    const want: [string, string][] = [["A1", "A1:B1"], ["A2", "A2"], ["A3", "A3:B3"], ["A5", "A5:B6"], ["C5", "C5"], ["D5", "D5:E6"]];
    let ok = false;
    try {
      ws.Range("A1:B1,A3:B3").Merge(true);
      ws.Range("A5:B6,D5:E6").Merge();
      ok = want.every(([cell, area]) => String(ws.Range(cell).MergeArea.Address(false, false)) === area);
    } catch {
      ok = false;
    }
    ws.Range("A1:E6").UnMerge();
    if (ok) this.multiMerge = "on";
    else this.multiMergeOff();
  }

  /** Multi-area merges refused for the pane's life, with a line for the pane (zh-CN first). */
  private multiMergeOff(): void {
    this.multiMerge = "off";
    this.fallBack(
      MULTI_MERGE_FEATURE,
      "此版本 WPS 不能一次合并多个区域（Range.Merge），已改为逐个区域合并：结果相同，写入调用较多。",
      "This WPS build does not merge several areas in one Range.Merge; they are merged one by one: the same result, more bridge calls.",
    );
  }

  /**
   * Print setup: everything (a fresh sheet), or what differs from `before` (a sheet written as its
   * difference, `printDiffers` said it can be). Fit to the page's width (and height: fitToHeight), or
   * a fixed scale (Zoom); manual page breaks through HPageBreaks.Add(Before: the row below).
   */
  private static setPrint(ws: EtWorksheet, ranges: RangeCache, print: PrintSetup, before?: PrintSetup): void {
    let fetched: EtWorksheet["PageSetup"] | null = null;
    const setup = () => (fetched ??= ws.PageSetup);
    const differs = (key: keyof PrintSetup) => before === undefined || JSON.stringify(before[key]) !== JSON.stringify(print[key]);
    if (differs("orientation")) setup().Orientation = print.orientation === "landscape" ? ENUM.xlLandscape : ENUM.xlPortrait;
    if (before === undefined) setup().PaperSize = ENUM.xlPaperA4;
    if (print.printArea !== undefined && differs("printArea")) setup().PrintArea = print.printArea;
    if (print.repeatRows !== undefined && differs("repeatRows")) setup().PrintTitleRows = absoluteRows(print.repeatRows);
    if (print.fitToWidth) {
      if (before === undefined) {
        setup().Zoom = false;
        setup().FitToPagesWide = 1;
        setup().FitToPagesTall = print.fitToHeight === true ? 1 : false;
      }
    } else if (print.scale !== undefined && differs("scale")) setup().Zoom = print.scale;
    const m = print.margins;
    if (m && differs("margins")) {
      setup().LeftMargin = m.left * 72;
      setup().RightMargin = m.right * 72;
      setup().TopMargin = m.top * 72;
      setup().BottomMargin = m.bottom * 72;
    }
    if (before === undefined && (print.rowBreaks ?? []).length > 0) {
      const breaks = ws.HPageBreaks;
      for (const row of print.rowBreaks ?? []) breaks.Add(ranges.range(`A${row + 1}`));
    }
  }

  private freeze(app: EtApplication, ws: EtWorksheet, rowsToFreeze: number): void {
    // Panes are frozen on the window (VBA Window.FreezePanes / SplitRow): the sheet is activated
    // first (ScreenUpdating is off: the clerk does not see it), the clerk's sheet again at the end of apply().
    ws.Activate();
    const win = app.ActiveWindow;
    win.FreezePanes = false;
    win.SplitColumn = 0;
    win.SplitRow = rowsToFreeze;
    win.FreezePanes = true;
  }

  private chart(ws: EtWorksheet, c: NonNullable<SheetSpec["chart"]>, ranges: RangeCache): void {
    // ChartObjects().Add + series from ranges (pi-for-excel's real-WPS probe created a chart with ChartObjects().Add).
    // The anchor's box as one range (its Left / Top / Width / Height: from the first cell's corner to
    // the last cell's far corner): 5 calls, not 8 for the two cells apart; one SeriesCollection for every series.
    const box = ranges.range(`${c.anchor.from}:${c.anchor.to}`);
    const chart = ws.ChartObjects().Add(Number(box.Left), Number(box.Top), Number(box.Width), Number(box.Height)).Chart;
    chart.ChartType = ENUM.xlLine;
    const collection = chart.SeriesCollection();
    for (const s of c.series) {
      const series = collection.NewSeries();
      series.Name = s.name;
      series.Values = ranges.range(s.values);
      series.XValues = ranges.range(c.categories);
    }
    chart.HasTitle = true;
    chart.ChartTitle.Text = c.title;
  }

  private skip(feature: string, messageZh: string, messageEn: string): void {
    if (!this.skipped.some((s) => s.feature === feature)) this.skipped.push({ feature, messageZh, messageEn });
  }

  /** A fallback for the pane's life: said now (skip) and again after every later write (apply resets `skipped` to these). */
  private fallBack(feature: string, messageZh: string, messageEn: string): void {
    if (!this.fellBack.some((s) => s.feature === feature)) this.fellBack.push({ feature, messageZh, messageEn });
    this.skip(feature, messageZh, messageEn);
  }
}

/** "1:4" → "$1:$4" (the form print titles take). */
function absoluteRows(rowsText: string): string {
  const m = /^\$?(\d+)(?::\$?(\d+))?$/.exec(rowsText.trim());
  if (!m) throw new RangeError(`not a row range: ${rowsText}`);
  return `$${m[1]}:$${m[2] ?? m[1]}`;
}

/** Column letters of a width map, for tests. */
export const columnOf = (letter: string): number => parseA1(`${letter}1`).col;
export { columnLetter };
