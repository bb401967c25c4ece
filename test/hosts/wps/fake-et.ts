/**
 * A fake of WPS 表格's (ET) JavaScript object model, for the WPS adapter's tests, the conformance
 * suite, the bench and the browser end-to-end test (bundled with esbuild and injected as the `wps`
 * global: this file imports nothing Node-only).
 *
 * What it models, each with where the behaviour comes from:
 *  1. Synchronous, every call counted. Every property read, property write and method call on an
 *     ET object is one bridge call (`calls`, by kind in `counts`, each named in `log`). Source: the
 *     WPS add-in model — the pane's JS calls into the WPS process through a synchronous bridge
 *     (tmustier/pi-for-excel src/host/wps/jsapi.ts: "WPS exposes a synchronous VBA-like object
 *     model"; Kingsoft's wpsjs templates call `wps.EtApplication().ActiveWorkbook…` without await).
 *  2. `Value` is a method, not writable: `range.Value = x` is accepted by the JS object and writes
 *     nothing (`ignoredValueWrites` counts it); `Value2` is the property to write. Source:
 *     pi-for-excel jsapi.ts (`Value?: (rangeValueDataType?, value?) => unknown`, written as
 *     `range.Value(undefined, values)` or through Value2) and the issue's pitfall list.
 *  3. Collections through `.Item(i)`, 1-based; `Item(0)` fails ("Subscript out of range", VBA run-time
 *     error 9); an unknown name fails the same way. Source: VBA Sheets.Item
 *     (https://learn.microsoft.com/office/vba/api/excel.sheets.item), pi-for-excel getWpsCollectionItem.
 *  4. Parameterised properties are functions: `Address(RowAbsolute, ColumnAbsolute)` (default "$A$1").
 *     Source: VBA Range.Address (https://learn.microsoft.com/office/vba/api/excel.range.address),
 *     pi-for-excel getWpsRangeAddress.
 *  5. Colours are BGR longs: Interior.Color / Font.Color / Tab.Color read and take red + green·256 +
 *     blue·65536; a "#RRGGBB" string is refused. Source: VBA Interior.Color
 *     (https://learn.microsoft.com/office/vba/api/excel.interior.color: "Use the RGB function").
 *     (WPS's cloud AirScript documents Interior.Color as a hex string — airsheet.wps.cn Range page —
 *     a different API; the desktop JS API follows VBA: to check on real WPS, docs/wps.md.)
 *  6. `wps.Enum` is present or not (`withEnum`); older builds lack it. Source: Kingsoft's wpsjs ET
 *     template js/ribbon.js (`if (typeof wps.Enum != "object") wps.Enum = WPS_Enum`).
 *  7. Formula errors come back as numbers: the CVErr code (2007 for #DIV/0!, `errors: "cverr"`,
 *     default) or the COM VT_ERROR scode as a signed number (-2146826281, `errors: "com"`); `Text`
 *     gives "#DIV/0!", `Formula` of an error constant gives its text. Source: VBA cell error values
 *     (https://learn.microsoft.com/office/vba/excel/concepts/cells-and-ranges/cell-error-values:
 *     xlErrDiv0 2007 …) and COM bridges' 0x800A07D7 (win32com / PowerShell code in the wild).
 *  8. A one-cell range's Value2 and Formula are scalars, a larger one's rows of values (JS arrays).
 *     Source: VBA Range.Value2 (an array for a multi-cell range).
 *  9. Range.NumberFormat reads null when the cells' formats differ; MergeCells reads null when some
 *     cells are merged and others not. Source: VBA Range.NumberFormat ("returns Null if all cells in
 *     the specified range don't have the same number format") and Range.MergeCells.
 * 10. Strings written through Value2 are parsed as if typed: "=…" a formula, "001" the number 1,
 *     "2025-10" a date, "TRUE" a boolean, "50%" 0.5, "(5)" -5, "#N/A" an error; a leading apostrophe
 *     keeps the rest as text and is consumed. In a cell formatted "@" the string is kept as given,
 *     apostrophe included (what Excel does there is not documented: the fake takes the worst case).
 *     Source: src/hosts/excel/text-input.ts (Excel's documented behaviour; ET follows Excel).
 * 11. Sheets.Add(Before, After): with neither, the new sheet goes before the active sheet (the
 *     first here); its name is "SheetN". Source: VBA Sheets.Add
 *     (https://learn.microsoft.com/office/vba/api/excel.sheets.add).
 * 12. Worksheet.Delete asks the user to confirm while Application.DisplayAlerts is true (the fake
 *     fails: a task pane cannot wait on a dialog); so does Range.Merge over more than one value.
 *     Source: VBA Worksheet.Delete (https://learn.microsoft.com/office/vba/api/excel.worksheet.delete)
 *     and Range.Merge ("the upper-left value is kept", with Excel's warning).
 * 13. A protected sheet refuses writes (run-time error 1004); ProtectContents reads the state.
 *     Source: VBA Worksheet.Protect / ProtectContents.
 * 14. UsedRange is the box of the cells with a value, a formula or a format, not from A1; "A1" on an
 *     empty sheet. Source: VBA Worksheet.UsedRange.
 * 15. Some builds expose members as zero-argument methods instead of properties (`methodMembers`:
 *     Count, Name, ActiveWorkbook, Worksheets, UsedRange become functions). Source: pi-for-excel
 *     jsapi.ts (`WpsPropertyOrMethod<T> = T | (() => T)`: "Product versions vary between properties
 *     and zero-argument methods").
 * 16. Freezing panes is a window's business: ActiveWindow.SplitRow + FreezePanes act on the active
 *     sheet (Activate first). Source: VBA Window.FreezePanes / Window.SplitRow.
 * 17. Charts: Worksheet.ChartObjects() is a method; ChartObjects().Add(Left, Top, Width, Height) in
 *     points; Chart.SeriesCollection().NewSeries() with Values / XValues given as Ranges. Source:
 *     VBA ChartObjects.Add, SeriesCollection.NewSeries; pi-for-excel docs/wps-support.md (a real-WPS
 *     probe created an embedded chart with ChartObjects().Add).
 * 18. The Borders collection's LineStyle / Weight set every edge and inside line (XlBordersIndex
 *     7–12, not the diagonals) of every cell of the range; read back, one value when all agree, else
 *     null. Source: VBA Borders object (https://learn.microsoft.com/office/vba/api/excel.borders: "a
 *     thin border around all cells in the range": `With rng.Borders .LineStyle = xlContinuous .Weight = xlThin`).
 *     (18b) Range.Merge(Across): with True, each row of each area becomes its own merged cell. Source:
 *     VBA Range.Merge (https://learn.microsoft.com/office/vba/api/excel.range.merge) and WPS's own ET
 *     API page (airsheet.wps.cn et_api, Range/方法/Merge 方法: `Range("A1:B3").Merge(True)` merges row by row).
 *     A multi-area address ("A1:B2,D4") names every area, and a property set on it is set on every
 *     cell of every area (VBA Worksheet.Range, https://learn.microsoft.com/office/vba/api/excel.worksheet.range:
 *     Cell1 "can include … the union operator (a comma)"); the adapter sets NumberFormat and styles
 *     through one, never Value2 (VBA Range.Value: an array assigned to a multi-area range "is not
 *     properly supported").
 *     (18c) Range.Merge on a multi-area range ("A1:C1,A3:B4") merges each area apart (with Across True,
 *     each row of each area), as Excel's Merge & Center does on a multiple selection. The Merge page
 *     (https://learn.microsoft.com/office/vba/api/excel.range.merge) does not say what happens with
 *     several areas, and nothing public says what WPS does: the adapter checks it once a pane, and the
 *     switch `multiAreaMerge` plays the builds it may be — "areas" (default), "box" (the areas' bounding
 *     box merged as one), "first" (the first area only), "throws".
 * 19. Range.Value(11) (XlRangeValueDataType xlRangeValueXMLSpreadsheet = 11) gives the range as one
 *     XML Spreadsheet 2003 text: Styles (ss:ID, NumberFormat ss:Format), Worksheet / Table
 *     (ss:ExpandedRowCount / ss:ExpandedColumnCount: the range's size) / Row / Cell with ss:Index
 *     where a row or a column is skipped, ss:StyleID, ss:MergeAcross / ss:MergeDown on a merged
 *     area's top-left cell (the cells it covers not written), Data ss:Type Number / String / Boolean
 *     / DateTime (a number in a date format) / Error, ss:Formula (A1 text here; R1C1 in Excel — the
 *     adapter does not read it). The Table starts at the range's top-left cell. A few built-in
 *     formats are written by name, as the reference lists them: "0.00" Fixed, "0.00%" Percent,
 *     "#,##0.00" Standard, "0.00E+00" Scientific, "m/d/yyyy" Short Date; "General" no NumberFormat.
 *     A multi-area range fails. Sources: VBA XlRangeValueDataType
 *     (https://learn.microsoft.com/office/vba/api/excel.xlrangevaluedatatype: xlRangeValueXMLSpreadsheet
 *     11 "Returns the values, formatting, formulas, and names of the specified Range object in the XML
 *     Spreadsheet format"), Range.Value
 *     (https://learn.microsoft.com/dotnet/api/microsoft.office.interop.excel.range.value: "You cannot
 *     set or get a noncontiguous range of cells in the XML spreadsheet format"), and Microsoft's "XML
 *     Spreadsheet Reference" (Excel 2002,
 *     https://learn.microsoft.com/previous-versions/office/developer/office-xp/aa140066(v=office.10):
 *     the Styles / Style / NumberFormat, Table / Row / Cell / Data tags and their attributes; the named
 *     formats are those SheetJS's XML Spreadsheet reader maps). WPS documents none of this: the switch
 *     `xmlSpreadsheet` plays the builds it may be — "excel" (default, as above), "throws" (not
 *     supported), "values" (the argument ignored: Value2's array, not a string), "garbage" (a string
 *     that is not XML), "disagrees" (well-formed XML with no merged areas and every cell "General").
 * 21. Worksheet.HPageBreaks.Add(Before): a manual page break above the first row of the Range given
 *     (recorded as "a new page after row n"). Source: VBA HPageBreaks.Add
 *     (https://learn.microsoft.com/office/vba/api/excel.hpagebreaks.add: Before, the range above which
 *     the new page break is added). PageSetup properties (Zoom, FitToPagesWide / Tall, margins …) are
 *     stored as given.
 * 22. Range.ClearFormats: the cells' formatting (number format, font, fill, alignment, borders) back to
 *     a fresh cell's, values kept. Source: VBA Range.ClearFormats
 *     (https://learn.microsoft.com/office/vba/api/excel.range.clearformats).
 * 20. Putting a style property back to a fresh cell's (an owned sheet written as its difference):
 *     Font.ColorIndex = xlColorIndexAutomatic (-4105) and Interior.ColorIndex = xlColorIndexNone
 *     (-4142) remove the font colour and the fill; Bold / Italic / WrapText False,
 *     HorizontalAlignment xlGeneral (1) and VerticalAlignment xlBottom (-4107) are stored as given and
 *     read back as a fresh cell's defaults (the getters above). Sources: VBA Font.ColorIndex
 *     (https://learn.microsoft.com/office/vba/api/excel.font.colorindex: the automatic colour by
 *     xlColorIndexAutomatic) and Interior.ColorIndex
 *     (https://learn.microsoft.com/office/vba/api/excel.interior.colorindex: no fill by
 *     xlColorIndexNone), the XlColorIndex and XlHAlign (xlGeneral 1) enumerations.
 * 23. Setting Range.Value(11, text) (the argument, then the value: pi-for-excel jsapi.ts's
 *     `Value(rangeValueDataType?, value?)`) lays the text's first Worksheet / Table over the range
 *     from its top-left cell, the range's cells fresh first (as a paste over them): each Cell's Data
 *     its value as given (a String stays text: the text is not typed input), its style (ss:StyleID:
 *     NumberFormat ss:Format; Font ss:Bold / ss:Italic / ss:Size / ss:Color "#RRGGBB", stored BGR;
 *     Interior ss:Color with ss:Pattern Solid; Alignment ss:Horizontal / ss:Vertical / ss:WrapText;
 *     Borders / Border ss:Position Left|Top|Bottom|Right as xlEdgeLeft 7 … xlEdgeRight 10, ss:Weight
 *     1 as xlThin, 2 as xlMedium), ss:MergeAcross / ss:MergeDown a merged area whose cells all take
 *     its first cell's style (the text has one cell for it), a Row's ss:Height its height. A cell
 *     outside the range, an unknown style or a bad index fails (1004) and writes nothing; a
 *     multi-area range fails. Sources: Range.Value is read-write with the argument ("Returns or
 *     sets", https://learn.microsoft.com/dotnet/api/microsoft.office.interop.excel.range.value, whose
 *     remark says "When setting a range of cells with the contents of an XML spreadsheet file, only
 *     values of the first sheet in the workbook are used"), xlRangeValueXMLSpreadsheet "the values,
 *     formatting, formulas, and names" (https://learn.microsoft.com/office/vba/api/excel.xlrangevaluedatatype),
 *     the XML Spreadsheet Reference (as in 19), and VBA code that sets it to keep a cell's formatting
 *     (VBATools' replace-in-cell edits a cell's Value(11) and sets it back to keep its rich text).
 *     Whether formatting comes through is not documented for WPS (nor clearly for Excel: "only
 *     values" may mean either), so the switch `xmlSpreadsheetWrite` plays the builds it may be —
 *     "excel" (default, as above), "values" (values only: no format, style, merge or height),
 *     "throws", "ignored" (accepted, nothing written); `xmlWriteDrops` leaves one aspect or more out
 *     (a number format, bold, italic, a font size or colour, a fill, wrapping, an alignment, borders,
 *     merged areas, the first cell's style on the cells a merged area covers, row heights): a build
 *     whose reader skips what it does not know.
 * Not modelled: calculation (formula cells keep the value they were given, null for a new one), the
 * look of numbers in Text (String(value)), chart rendering.
 */
import { parseXml, type XmlElement } from "../../../src/hosts/file/package/xml";
import { type CellValue, type MergedRange, a1, columnLetter, parseA1 } from "../../../src/workbook/model";

export type ErrorForm = "cverr" | "com";

/** What Range.Value(11) does (see 19 in the header). */
export type XmlSpreadsheetMode = "excel" | "throws" | "values" | "garbage" | "disagrees";

/** What setting Range.Value(11, xml) does (see 23 in the header). */
export type XmlSpreadsheetWriteMode = "excel" | "values" | "throws" | "ignored";
/** What a build may leave out when it sets Range.Value(11, xml) (23): one aspect of the text each. */
export type XmlWriteAspect = "numberFormat" | "bold" | "italic" | "size" | "fontColor" | "fill" | "wrap" | "horizontal" | "vertical" | "borders" | "merges" | "mergedStyle" | "heights";

/** What Range.Merge does on a multi-area range (see 18c in the header). */
export type MultiAreaMergeMode = "areas" | "box" | "first" | "throws";

export interface FakeEtOptions {
  multiAreaMerge?: MultiAreaMergeMode;
  errors?: ErrorForm;
  withEnum?: boolean;
  methodMembers?: boolean;
  xmlSpreadsheet?: XmlSpreadsheetMode;
  xmlSpreadsheetWrite?: XmlSpreadsheetWriteMode;
  xmlWriteDrops?: XmlWriteAspect[];
}

const ERROR_CODES: Record<string, number> = { "#NULL!": 2000, "#DIV/0!": 2007, "#VALUE!": 2015, "#REF!": 2023, "#NAME?": 2029, "#NUM!": 2036, "#N/A": 2042 };
const COM_BASE = 0x800a0000 - 2 ** 32;
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export interface FakeErrorValue {
  error: string;
}
export type StoredValue = CellValue | FakeErrorValue;

export interface FakeBorder {
  lineStyle?: number;
  weight?: number;
}

export interface FakeCell {
  value: StoredValue;
  formula?: string;
  numberFormat?: string;
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: number };
  fill?: number;
  wrap?: boolean;
  horizontal?: number;
  vertical?: number;
  borders?: Record<number, FakeBorder>;
}

export const isError = (v: StoredValue): v is FakeErrorValue => typeof v === "object" && v !== null;

export class FakeEtSheet {
  cells = new Map<string, FakeCell>();
  merges: MergedRange[] = [];
  protected = false;
  tabColor?: number;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  formatConditions: { range: string; type: number; operator?: number; formula1?: string; fill?: number; fontColor?: number }[] = [];
  validations: { range: string; type: number; alertStyle?: number; operator?: number; formula1?: string }[] = [];
  pageSetup: Record<string, unknown> = {};
  /** Rows frozen at the top (Window.SplitRow with FreezePanes), 0 when none. */
  freezeRows = 0;
  /** Manual page breaks (21): a new page after each of these rows. */
  rowBreaks: number[] = [];
  charts: { left: number; top: number; width: number; height: number; type?: number; title?: string; series: { name?: string; values?: string; xValues?: string }[] }[] = [];
  constructor(public name: string) {}

  at(address: string): FakeCell | undefined {
    const { row, col } = parseA1(address);
    return this.cells.get(`${row},${col}`);
  }
  cell(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: null };
      this.cells.set(key, c);
    }
    return c;
  }
  peek(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }
}

/** A range: one or more rectangles of a sheet ("A1:B2,D4"), or whole columns / rows. */
interface Area extends MergedRange {
  wholeColumns?: boolean;
  wholeRows?: boolean;
}

function parseAreas(address: string): Area[] {
  return address.split(",").map((part) => {
    const text = part.trim().replace(/\$/g, "");
    const cols = /^([A-Z]+):([A-Z]+)$/i.exec(text);
    if (cols) {
      const l = parseA1(`${cols[1]}1`).col;
      const r = parseA1(`${cols[2]}1`).col;
      return { top: 1, bottom: MAX_ROWS, left: Math.min(l, r), right: Math.max(l, r), wholeColumns: true };
    }
    const rws = /^(\d+):(\d+)$/.exec(text);
    if (rws) {
      const t = Number(rws[1]);
      const b = Number(rws[2]);
      return { top: Math.min(t, b), bottom: Math.max(t, b), left: 1, right: MAX_COLS, wholeRows: true };
    }
    const [from = "", to = from] = text.split(":");
    const a = parseA1(from);
    const b = parseA1(to);
    return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  });
}

/** Days since 1899-12-30 (Excel's serial) of a UTC date. */
function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** What typing `text` into a General cell stores (see 10 in the header). */
export function typed(text: string): { value: StoredValue; formula?: string } {
  if (text === "") return { value: null };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=")) return { value: null, formula: text };
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  if (/^\((\d+\.?\d*)\)$/.test(t)) return { value: -Number(t.slice(1, -1)) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  if (t in ERROR_CODES) return { value: { error: t } };
  let m = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(t);
  if (m) return { value: serial(Number(m[1]), Number(m[2]), Number(m[3] ?? 1)) };
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) return { value: serial(2025, Number(m[1]), Number(m[2])) };
  return { value: text };
}

export class FakeEtState {
  sheets: FakeEtSheet[] = [];
  displayAlerts = true;
  screenUpdating = true;
  calculations = 0;
  protectStructure = false;
  /** Bridge calls: every property read, property write and method call on an ET object. */
  calls = 0;
  counts = { get: 0, set: 0, call: 0 };
  /** Each call as text ("Worksheets.Item(1)", "Range(A1:B2).Value2="), kept when `logging`. */
  log: string[] = [];
  logging = false;
  /** The sheet last activated and the range last selected (select in the pane). */
  active: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** `range.Value = …` assignments (which write nothing). */
  ignoredValueWrites = 0;
  readonly errors: ErrorForm;
  readonly withEnum: boolean;
  readonly methodMembers: boolean;
  /** What Range.Value(11) does; may be changed between calls (a test's "another build"). */
  xmlSpreadsheet: XmlSpreadsheetMode;
  /** What setting Range.Value(11, xml) does (23); may be changed between calls. */
  xmlSpreadsheetWrite: XmlSpreadsheetWriteMode;
  /** What such a build leaves out of the text it is given (23). */
  xmlWriteDrops: XmlWriteAspect[];
  /** What Range.Merge does on a multi-area range (18c). */
  multiAreaMerge: MultiAreaMergeMode;

  constructor(options: FakeEtOptions = {}) {
    this.errors = options.errors ?? "cverr";
    this.withEnum = options.withEnum ?? false;
    this.methodMembers = options.methodMembers ?? false;
    this.xmlSpreadsheet = options.xmlSpreadsheet ?? "excel";
    this.xmlSpreadsheetWrite = options.xmlSpreadsheetWrite ?? "excel";
    this.xmlWriteDrops = options.xmlWriteDrops ?? [];
    this.multiAreaMerge = options.multiAreaMerge ?? "areas";
  }

  find(name: string): FakeEtSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  addSheet(name: string): FakeEtSheet {
    const s = new FakeEtSheet(name);
    this.sheets.push(s);
    return s;
  }
  resetCalls(): void {
    this.calls = 0;
    this.counts = { get: 0, set: 0, call: 0 };
    this.log = [];
  }
}

function fail(message: string, code: number): never {
  throw Object.assign(new Error(message), { number: code });
}

// ------------------------------------------------------------------------------- the object model

class Font {
  constructor(private readonly range: Range) {}
  private set<K extends keyof NonNullable<FakeCell["font"]>>(key: K, value: NonNullable<FakeCell["font"]>[K]) {
    this.range.forCells((c) => {
      c.font = { ...c.font, [key]: value };
    });
  }
  private get<K extends keyof NonNullable<FakeCell["font"]>>(key: K): unknown {
    return this.range.common((c) => c?.font?.[key]);
  }
  get Bold() {
    return this.get("bold");
  }
  set Bold(v: unknown) {
    this.set("bold", Boolean(v));
  }
  get Italic() {
    return this.get("italic");
  }
  set Italic(v: unknown) {
    this.set("italic", Boolean(v));
  }
  get Size() {
    return this.get("size");
  }
  set Size(v: unknown) {
    this.set("size", Number(v));
  }
  get Color() {
    return this.get("color") ?? 0;
  }
  set Color(v: unknown) {
    this.set("color", bgrOnly(v));
  }
  /** 20. Font.ColorIndex = xlColorIndexAutomatic (-4105): the automatic colour, as a fresh cell's (VBA Font.ColorIndex). */
  get ColorIndex() {
    return this.range.common((c) => (c?.font?.color === undefined ? -4105 : null));
  }
  set ColorIndex(v: unknown) {
    if (v !== -4105) fail(`Font.ColorIndex: the fake models xlColorIndexAutomatic (-4105) only, not ${JSON.stringify(v)}`, 1004);
    this.range.forCells((c) => {
      if (c.font) {
        const { color: _drop, ...rest } = c.font;
        c.font = rest;
      }
    });
  }
}

function bgrOnly(v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 0xffffff) throw new TypeError(`a colour is a BGR number (red + green·256 + blue·65536), not ${JSON.stringify(v)}`);
  return v;
}

class Interior {
  constructor(private readonly range: Range) {}
  get Color() {
    return this.range.common((c) => c?.fill) ?? 16777215;
  }
  set Color(v: unknown) {
    const color = bgrOnly(v);
    this.range.forCells((c) => {
      c.fill = color;
    });
  }
  /** 20. Interior.ColorIndex = xlColorIndexNone (-4142): no fill, as a fresh cell (VBA Interior.ColorIndex). */
  get ColorIndex() {
    return this.range.common((c) => (c?.fill === undefined ? -4142 : null));
  }
  set ColorIndex(v: unknown) {
    if (v !== -4142) fail(`Interior.ColorIndex: the fake models xlColorIndexNone (-4142) only, not ${JSON.stringify(v)}`, 1004);
    this.range.forCells((c) => {
      delete c.fill;
    });
  }
}

class Border {
  constructor(
    private readonly range: Range,
    private readonly index: number,
  ) {}
  get LineStyle() {
    return this.range.common((c) => c?.borders?.[this.index]?.lineStyle);
  }
  set LineStyle(v: unknown) {
    this.range.forCells((c) => {
      c.borders = { ...c.borders, [this.index]: { ...c.borders?.[this.index], lineStyle: Number(v) } };
    });
  }
  get Weight() {
    return this.range.common((c) => c?.borders?.[this.index]?.weight);
  }
  set Weight(v: unknown) {
    this.range.forCells((c) => {
      c.borders = { ...c.borders, [this.index]: { ...c.borders?.[this.index], weight: Number(v) } };
    });
  }
}

/** XlBordersIndex of the edges and inside lines: xlEdgeLeft 7 … xlEdgeRight 10, xlInsideVertical 11, xlInsideHorizontal 12. */
const GRID_BORDERS = [7, 8, 9, 10, 11, 12] as const;

class Borders {
  constructor(private readonly range: Range) {}
  Item(index: number) {
    if (![5, 6, 7, 8, 9, 10, 11, 12].includes(index)) fail(`Borders.Item(${index}): not an XlBordersIndex`, 9);
    return new Border(this.range, index);
  }
  // 18. The collection's LineStyle / Weight set every border of every cell of the range (edges and
  // inside lines, not the diagonals): "generates a thin border around all cells in the range"
  // (VBA Borders object, https://learn.microsoft.com/office/vba/api/excel.borders: `With rng.Borders
  // .LineStyle = xlContinuous .Weight = xlThin`). Read back: one value when all six agree, else null.
  get LineStyle(): unknown {
    const all = GRID_BORDERS.map((i) => new Border(this.range, i).LineStyle);
    return all.every((x) => x === all[0]) ? all[0] : null;
  }
  set LineStyle(v: unknown) {
    for (const i of GRID_BORDERS) new Border(this.range, i).LineStyle = v;
  }
  get Weight(): unknown {
    const all = GRID_BORDERS.map((i) => new Border(this.range, i).Weight);
    return all.every((x) => x === all[0]) ? all[0] : null;
  }
  set Weight(v: unknown) {
    for (const i of GRID_BORDERS) new Border(this.range, i).Weight = v;
  }
}

class FormatCondition {
  constructor(private readonly record: FakeEtSheet["formatConditions"][number]) {}
  get Interior() {
    const r = this.record;
    return {
      get Color() {
        return r.fill;
      },
      set Color(v: unknown) {
        r.fill = bgrOnly(v);
      },
    };
  }
  get Font() {
    const r = this.record;
    return {
      get Color() {
        return r.fontColor;
      },
      set Color(v: unknown) {
        r.fontColor = bgrOnly(v);
      },
    };
  }
}

class Range {
  constructor(
    readonly sheet: FakeEtSheet,
    readonly areas: Area[],
    private readonly state: FakeEtState,
  ) {}

  private get first(): Area {
    return this.areas[0] as Area;
  }
  private guardCells(): void {
    if (this.areas.some((a) => a.wholeColumns || a.wholeRows)) fail("the fake models whole columns / rows for ColumnWidth and RowHeight only", 1004);
  }
  private guardWrite(): void {
    if (this.sheet.protected) fail(`您试图更改的单元格或图表位于受保护的工作表中 / The cell or chart you're trying to change is on a protected sheet (「${this.sheet.name}」)`, 1004);
  }
  /** Every cell of every area, created. */
  forCells(f: (c: FakeCell, row: number, col: number) => void): void {
    this.guardCells();
    this.guardWrite();
    for (const a of this.areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) f(this.sheet.cell(r, c), r, c);
  }
  /** The value of `f` when every cell gives the same, else null. */
  common(f: (c: FakeCell | undefined, row: number, col: number) => unknown): unknown {
    this.guardCells();
    let first = true;
    let out: unknown = null;
    for (const a of this.areas) {
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const v = f(this.sheet.peek(r, c), r, c);
          if (first) {
            out = v;
            first = false;
          } else if (v !== out) return null;
        }
      }
    }
    return out;
  }

  private valueOut(c: FakeCell | undefined): unknown {
    const v = c?.value ?? null;
    if (v === null) return undefined;
    if (isError(v)) return this.state.errors === "com" ? COM_BASE + (ERROR_CODES[v.error] ?? 2015) : ERROR_CODES[v.error];
    return v;
  }
  private grid<T>(f: (c: FakeCell | undefined) => T): T | T[][] {
    this.guardCells();
    const a = this.first;
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(f(this.sheet.peek(r, c)));
      out.push(row);
    }
    return a.top === a.bottom && a.left === a.right ? (out[0]?.[0] as T) : out;
  }
  /** Writes `input` (a scalar for every cell, or rows matching the first area) through `store`. */
  private put(input: unknown, store: (cell: FakeCell, v: unknown) => void): void {
    this.guardCells();
    this.guardWrite();
    if (this.areas.length > 1) fail("a multi-area range takes no values", 1004);
    const a = this.first;
    const h = a.bottom - a.top + 1;
    const w = a.right - a.left + 1;
    if (Array.isArray(input)) {
      if (input.length !== h || input.some((r) => !Array.isArray(r) || r.length !== w)) fail(`the array is not ${h}×${w} (${this.Address(false, false)})`, 1004);
    }
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const v = Array.isArray(input) ? (input[r] as unknown[])[c] : input;
        store(this.sheet.cell(a.top + r, a.left + c), v);
      }
    }
  }
  private store(cell: FakeCell, v: unknown, formulas: boolean): void {
    delete cell.formula;
    if (v === null || v === undefined || v === "") cell.value = null;
    else if (typeof v === "number") {
      if (!Number.isFinite(v)) fail("not a finite number", 1004);
      cell.value = v;
    } else if (typeof v === "boolean") cell.value = v;
    else if (typeof v === "string") {
      if (cell.numberFormat === "@" && !(formulas && v.startsWith("="))) cell.value = v;
      else {
        const t = typed(v);
        cell.value = t.value;
        if (t.formula !== undefined) cell.formula = t.formula;
      }
    } else fail(`cannot store ${typeof v}`, 1004);
  }

  get Value2(): unknown {
    return this.grid((c) => this.valueOut(c));
  }
  set Value2(input: unknown) {
    this.put(input, (cell, v) => this.store(cell, v, false));
  }
  /**
   * A method in WPS; assigning to it is caught by the counting proxy and writes nothing. With
   * xlRangeValueXMLSpreadsheet (11), the range as XML Spreadsheet text (see 19 in the header).
   */
  Value(type?: unknown, value?: unknown): unknown {
    // (Given a second argument, the property is set: Range.Value(RangeValueDataType, value), see 2.)
    if (arguments.length >= 2) {
      this.setValue(type, value);
      return undefined;
    }
    if (type === undefined || type === 10) return this.Value2;
    if (type !== 11) fail(`Range.Value(${String(type)}): not an XlRangeValueDataType this fake models`, 1004);
    const mode = this.state.xmlSpreadsheet;
    if (mode === "throws") fail("Range.Value(11): 不支持此参数 / this build does not support the argument", 1004);
    if (mode === "values") return this.Value2;
    if (mode === "garbage") return "<Workbook><Worksheet><Table><Row><Cell>";
    this.guardCells();
    if (this.areas.length > 1) fail("Range.Value(11): a noncontiguous range cannot be given in the XML spreadsheet format", 1004);
    return xmlSpreadsheet(this.sheet, this.first, mode === "disagrees");
  }
  /** Range.Value(type) = value: the default type as Value2; 11 an XML Spreadsheet (see 23 in the header). */
  private setValue(type: unknown, value: unknown): void {
    if (type === undefined || type === 10) {
      this.Value2 = value;
      return;
    }
    if (type !== 11) fail(`Range.Value(${String(type)}): not an XlRangeValueDataType this fake models`, 1004);
    const mode = this.state.xmlSpreadsheetWrite;
    if (mode === "throws") fail("Range.Value(11): 不支持此参数 / this build does not support setting the argument", 1004);
    if (mode === "ignored") return;
    this.guardCells();
    this.guardWrite();
    if (this.areas.length > 1) fail("Range.Value(11): a noncontiguous range cannot be set in the XML spreadsheet format", 1004);
    if (typeof value !== "string") fail("Range.Value(11): not XML Spreadsheet text", 1004);
    setXmlSpreadsheet(this.sheet, this.first, value, mode === "values", new Set(this.state.xmlWriteDrops));
  }
  get Formula(): unknown {
    return this.grid((c) => {
      if (!c) return "";
      if (c.formula !== undefined) return c.formula;
      const v = c.value;
      if (v === null) return "";
      if (isError(v)) return v.error;
      if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
      return String(v);
    });
  }
  set Formula(input: unknown) {
    this.put(input, (cell, v) => this.store(cell, v, true));
  }
  get Text(): unknown {
    return this.common((c) => {
      const v = c?.value ?? null;
      if (v === null) return "";
      if (isError(v)) return v.error;
      if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
      return String(v);
    });
  }
  get HasFormula(): unknown {
    return this.common((c) => c?.formula !== undefined);
  }
  get NumberFormat(): unknown {
    return this.common((c) => c?.numberFormat ?? "General");
  }
  set NumberFormat(v: unknown) {
    if (typeof v !== "string") fail("NumberFormat takes one format string", 1004);
    this.forCells((c) => {
      if (v === "General") delete c.numberFormat;
      else c.numberFormat = v;
    });
  }
  get MergeCells(): unknown {
    return this.common((_c, row, col) => this.sheet.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right));
  }
  get MergeArea(): Range {
    const a = this.first;
    if (a.top !== a.bottom || a.left !== a.right) fail("MergeArea works on a one-cell range", 1004);
    const m = this.sheet.merges.find((x) => a.top >= x.top && a.top <= x.bottom && a.left >= x.left && a.left <= x.right);
    return new Range(this.sheet, [m ? { ...m } : { ...a }], this.state);
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    const one = (row: number, col: number) => `${columnAbsolute ? "$" : ""}${columnLetter(col)}${rowAbsolute ? "$" : ""}${row}`;
    return this.areas.map((a) => (a.top === a.bottom && a.left === a.right ? one(a.top, a.left) : `${one(a.top, a.left)}:${one(a.bottom, a.right)}`)).join(",");
  }
  get Font() {
    return new Font(this);
  }
  get Interior() {
    return new Interior(this);
  }
  get Borders() {
    return new Borders(this);
  }
  get WrapText() {
    return this.common((c) => c?.wrap ?? false);
  }
  set WrapText(v: unknown) {
    this.forCells((c) => {
      c.wrap = Boolean(v);
    });
  }
  get HorizontalAlignment() {
    return this.common((c) => c?.horizontal ?? 1);
  }
  set HorizontalAlignment(v: unknown) {
    this.forCells((c) => {
      c.horizontal = Number(v);
    });
  }
  get VerticalAlignment() {
    return this.common((c) => c?.vertical ?? -4107);
  }
  set VerticalAlignment(v: unknown) {
    this.forCells((c) => {
      c.vertical = Number(v);
    });
  }
  set ColumnWidth(v: unknown) {
    this.guardWrite();
    for (const a of this.areas) for (let c = a.left; c <= a.right; c++) this.sheet.columnWidths.set(c, Number(v));
  }
  get ColumnWidth(): unknown {
    const ws = new Set<number | undefined>();
    for (const a of this.areas) for (let c = a.left; c <= a.right; c++) ws.add(this.sheet.columnWidths.get(c));
    return ws.size === 1 ? ([...ws][0] ?? 8.38) : null;
  }
  /** One height when every row of the range has it, else null; a row never given one reads WPS's default for 宋体 11 (13.5 points, an assumption: the adapter compares only heights it set). */
  get RowHeight(): unknown {
    const hs = new Set<number>();
    for (const a of this.areas) for (let r = a.top; r <= a.bottom; r++) hs.add(this.sheet.rowHeights.get(r) ?? 13.5);
    return hs.size === 1 ? [...hs][0] : null;
  }
  set RowHeight(v: unknown) {
    this.guardWrite();
    for (const a of this.areas) for (let r = a.top; r <= a.bottom; r++) this.sheet.rowHeights.set(r, Number(v));
  }
  get FormatConditions() {
    const sheet = this.sheet;
    const address = this.Address(false, false);
    const guard = () => this.guardWrite();
    return {
      Add(type: number, operator?: number, formula1?: string) {
        guard();
        const record = { range: address, type, operator, formula1 };
        sheet.formatConditions.push(record);
        return new FormatCondition(record);
      },
      Delete() {
        sheet.formatConditions = sheet.formatConditions.filter((f) => f.range !== address);
      },
    };
  }
  get Validation() {
    const sheet = this.sheet;
    const address = this.Address(false, false);
    const guard = () => this.guardWrite();
    return {
      Add(type: number, alertStyle?: number, operator?: number, formula1?: string) {
        guard();
        if (sheet.validations.some((v) => v.range === address)) fail("Validation.Add on a range that has one: Delete it first", 1004);
        sheet.validations.push({ range: address, type, alertStyle, operator, formula1 });
      },
      Delete() {
        sheet.validations = sheet.validations.filter((v) => v.range !== address);
      },
      InCellDropdown: true,
    };
  }
  /**
   * Merge(Across): each area one merged cell; with Across true, each row of each area its own merged
   * cell (18b: VBA Range.Merge, https://learn.microsoft.com/office/vba/api/excel.range.merge "True to
   * merge cells in each row of the specified range as separate merged cells"; WPS's own ET API page
   * shows the same, airsheet.wps.cn et_api Range/方法/Merge 方法: `Range("A1:B3").Merge(True)` 逐行合并).
   * A one-cell row is left alone.
   */
  Merge(across?: unknown): void {
    this.guardCells();
    this.guardWrite();
    const mode = this.state.multiAreaMerge;
    if (this.areas.length > 1 && mode === "throws") fail("Range.Merge: 不能对多重选定区域使用此命令 / that command cannot be used on multiple selections", 1004);
    const given: Area[] =
      this.areas.length > 1 && mode === "box"
        ? [{ top: Math.min(...this.areas.map((a) => a.top)), left: Math.min(...this.areas.map((a) => a.left)), bottom: Math.max(...this.areas.map((a) => a.bottom)), right: Math.max(...this.areas.map((a) => a.right)) }]
        : this.areas.length > 1 && mode === "first"
          ? [this.first]
          : this.areas;
    const areas = across === true ? given.flatMap((a) => (a.left === a.right ? [] : Array.from({ length: a.bottom - a.top + 1 }, (_, i) => ({ ...a, top: a.top + i, bottom: a.top + i })))) : given;
    for (const a of areas) {
      if (this.sheet.merges.some((m) => m.top <= a.bottom && m.bottom >= a.top && m.left <= a.right && m.right >= a.left)) fail("the area overlaps a merged area", 1004);
      let values = 0;
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if ((this.sheet.peek(r, c)?.value ?? null) !== null || this.sheet.peek(r, c)?.formula !== undefined) values++;
      if (values > 1 && this.state.displayAlerts) fail("合并单元格时，仅保留左上角的值 — Range.Merge waits for the user to confirm (Application.DisplayAlerts is true)", 1004);
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          if (r === a.top && c === a.left) continue;
          const cell = this.sheet.peek(r, c);
          if (cell) {
            cell.value = null;
            delete cell.formula;
          }
        }
      }
      this.sheet.merges.push({ top: a.top, left: a.left, bottom: a.bottom, right: a.right });
    }
  }
  /** Points: a column of width w characters is (w·7 + 5) px = 0.75·(w·7 + 5) pt (8.43 by default); a row 15 pt by default. */
  private colLeft(col: number): number {
    let x = 0;
    for (let c = 1; c < col; c++) x += 0.75 * ((this.sheet.columnWidths.get(c) ?? 8.43) * 7 + 5);
    return x;
  }
  private rowTop(row: number): number {
    let y = 0;
    for (let r = 1; r < row; r++) y += this.sheet.rowHeights.get(r) ?? 15;
    return y;
  }
  get Left(): number {
    return this.colLeft(this.first.left);
  }
  get Top(): number {
    return this.rowTop(this.first.top);
  }
  get Width(): number {
    return this.colLeft(this.first.right + 1) - this.colLeft(this.first.left);
  }
  get Height(): number {
    return this.rowTop(this.first.bottom + 1) - this.rowTop(this.first.top);
  }
  Select(): void {
    this.state.selection = { sheet: this.sheet.name, address: this.Address(false, false) };
  }
  /**
   * 22. Range.ClearFormats: each cell's number format, font, fill, alignment, wrapping and borders back
   * to a fresh cell's; values, formulas and merged areas stay (the adapter never clears a merged cell).
   * Source: VBA Range.ClearFormats (https://learn.microsoft.com/office/vba/api/excel.range.clearformats:
   * clears the formatting of the object).
   */
  ClearFormats(): void {
    this.forCells((c) => {
      delete c.numberFormat;
      delete c.font;
      delete c.fill;
      delete c.wrap;
      delete c.horizontal;
      delete c.vertical;
      delete c.borders;
    });
  }
  UnMerge(): void {
    this.guardWrite();
    for (const a of this.areas) this.sheet.merges = this.sheet.merges.filter((m) => !(m.top <= a.bottom && m.bottom >= a.top && m.left <= a.right && m.right >= a.left));
  }
}

/** Format codes Excel writes by name in an XML Spreadsheet (see 19 in the header). */
const XML_NAMED_FORMATS: Record<string, string> = { "0.00": "Fixed", "0.00%": "Percent", "#,##0.00": "Standard", "0.00E+00": "Scientific", "m/d/yyyy": "Short Date" };

const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The area of the sheet as Range.Value(11) gives it (19); `bare`: no merged areas, every cell "General" (the "disagrees" build). */
function xmlSpreadsheet(sheet: FakeEtSheet, area: MergedRange, bare: boolean): string {
  const styles = new Map<string, string>();
  const styleOf = (format: string | undefined): string | undefined => {
    if (bare || format === undefined || format === "General") return undefined;
    let id = styles.get(format);
    if (id === undefined) {
      id = `s${62 + styles.size}`;
      styles.set(format, id);
    }
    return id;
  };
  const covered = (r: number, c: number) => sheet.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && !(r === m.top && c === m.left));
  const rowsOut: string[] = [];
  let lastRow = 0;
  for (let r = area.top; r <= area.bottom; r++) {
    const cellsOut: string[] = [];
    let next = 1;
    for (let c = area.left; c <= area.right; c++) {
      if (covered(r, c)) continue;
      const cell = sheet.peek(r, c);
      const merge = bare ? undefined : sheet.merges.find((m) => m.top === r && m.left === c);
      const hasData = cell !== undefined && (cell.value !== null || cell.formula !== undefined);
      if (!hasData && cell?.numberFormat === undefined && !merge) continue;
      const col = c - area.left + 1;
      const attrs: string[] = [];
      if (col !== next) attrs.push(`ss:Index="${col}"`);
      if (merge && merge.right > merge.left) attrs.push(`ss:MergeAcross="${Math.min(merge.right, area.right) - c}"`);
      if (merge && merge.bottom > merge.top) attrs.push(`ss:MergeDown="${Math.min(merge.bottom, area.bottom) - r}"`);
      const style = styleOf(cell?.numberFormat);
      if (style !== undefined) attrs.push(`ss:StyleID="${style}"`);
      if (cell?.formula !== undefined) attrs.push(`ss:Formula="${xmlEscape(cell.formula)}"`);
      let data = "";
      const v = cell?.value ?? null;
      if (v !== null) {
        const [type, text] = isError(v)
          ? ["Error", v.error]
          : typeof v === "boolean"
            ? ["Boolean", v ? "1" : "0"]
            : typeof v === "number"
              ? /[dy]/i.test(cell?.numberFormat ?? "") && !bare
                ? ["DateTime", new Date(Date.UTC(1899, 11, 30) + Math.round(v * 86400000)).toISOString().replace("Z", "")]
                : ["Number", String(v)]
              : ["String", String(v)];
        data = `<Data ss:Type="${type}">${xmlEscape(text)}</Data>`;
      }
      cellsOut.push(`<Cell${attrs.length ? ` ${attrs.join(" ")}` : ""}>${data}</Cell>`);
      next = col + (merge ? Math.min(merge.right, area.right) - c : 0) + 1;
    }
    if (cellsOut.length === 0) continue;
    const row = r - area.top + 1;
    rowsOut.push(`<Row${row !== lastRow + 1 ? ` ss:Index="${row}"` : ""}>${cellsOut.join("")}</Row>`);
    lastRow = row;
  }
  const styleText = [...styles].map(([format, id]) => `<Style ss:ID="${id}"><NumberFormat ss:Format="${xmlEscape(XML_NAMED_FORMATS[format] ?? format)}"/></Style>`).join("");
  return (
    `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n` +
    `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">` +
    `<Styles><Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/></Style>${styleText}</Styles>` +
    `<Worksheet ss:Name="${xmlEscape(sheet.name)}"><Table ss:ExpandedColumnCount="${area.right - area.left + 1}" ss:ExpandedRowCount="${area.bottom - area.top + 1}" x:FullColumns="1" x:FullRows="1">${rowsOut.join("")}</Table></Worksheet></Workbook>`
  );
}

const XML_H_ALIGN: Record<string, number> = { Left: -4131, Center: -4108, Right: -4152, General: 1 };
const XML_V_ALIGN: Record<string, number> = { Top: -4160, Center: -4108, Bottom: -4107 };
const XML_BORDER_INDEX: Record<string, number> = { Left: 7, Top: 8, Bottom: 9, Right: 10 };
/** ss:Weight 0 hairline … 3 thick as XlBorderWeight: xlHairline 1, xlThin 2, xlMedium -4138, xlThick 4. */
const XML_BORDER_WEIGHT: Record<string, number> = { "0": 1, "1": 2, "2": -4138, "3": 4 };
const xmlColour = (hex: string | undefined): number | undefined => {
  const m = /^#([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})$/.exec(hex ?? "");
  return m ? parseInt(m[1] as string, 16) + parseInt(m[2] as string, 16) * 256 + parseInt(m[3] as string, 16) * 65536 : undefined;
};

/**
 * Range.Value(11) = text (23): the first Worksheet's Table laid over the range from its top-left
 * cell. Every cell of the range starts fresh (as pasted over); each Cell's Data becomes its value as
 * given (a String is text, never parsed as typed input); unless `valuesOnly`, its style (by
 * ss:StyleID, else its Row's) gives the number format, font, fill, alignment and borders, a
 * MergeAcross / MergeDown merges the area (its cells all take the first cell's style: the merged
 * cell is one cell in the text), and a Row's ss:Height its height. A cell or an area outside the
 * range, an unknown style or a bad index fails (run-time error 1004) and writes nothing.
 */
function setXmlSpreadsheet(sheet: FakeEtSheet, area: MergedRange, text: string, valuesOnly: boolean, drops: ReadonlySet<XmlWriteAspect>): void {
  let root: XmlElement;
  try {
    root = parseXml(text, "Range.Value(11)").root;
  } catch {
    fail("Range.Value(11): the text is not XML", 1004);
  }
  const kids = (el: XmlElement, local: string) => el.children.filter((c) => c.local === local);
  const attr = (el: XmlElement, local: string): string | undefined => {
    for (const [k, v] of Object.entries(el.attrs)) if (k === local || k.endsWith(`:${local}`)) return v;
    return undefined;
  };
  if (root.local !== "Workbook") fail("Range.Value(11): no Workbook", 1004);
  type Style = Omit<FakeCell, "value" | "formula">;
  const styles = new Map<string, Style>();
  for (const group of kids(root, "Styles")) {
    for (const s of kids(group, "Style")) {
      const id = attr(s, "ID");
      if (id === undefined) continue;
      const style: Style = {};
      for (const part of s.children) {
        if (part.local === "NumberFormat") {
          const f = attr(part, "Format");
          if (f !== undefined && f !== "" && f !== "General" && !drops.has("numberFormat")) style.numberFormat = f;
        } else if (part.local === "Font") {
          const font: NonNullable<FakeCell["font"]> = {};
          if (attr(part, "Bold") === "1" && !drops.has("bold")) font.bold = true;
          if (attr(part, "Italic") === "1" && !drops.has("italic")) font.italic = true;
          const size = attr(part, "Size");
          if (size !== undefined && !drops.has("size")) font.size = Number(size);
          const color = xmlColour(attr(part, "Color"));
          if (color !== undefined && !drops.has("fontColor")) font.color = color;
          style.font = font;
        } else if (part.local === "Interior") {
          const color = xmlColour(attr(part, "Color"));
          if (color !== undefined && attr(part, "Pattern") === "Solid" && !drops.has("fill")) style.fill = color;
        } else if (part.local === "Alignment") {
          const h = attr(part, "Horizontal");
          const v = attr(part, "Vertical");
          if (h !== undefined && XML_H_ALIGN[h] !== undefined && !drops.has("horizontal")) style.horizontal = XML_H_ALIGN[h];
          if (v !== undefined && XML_V_ALIGN[v] !== undefined && !drops.has("vertical")) style.vertical = XML_V_ALIGN[v];
          if (attr(part, "WrapText") === "1" && !drops.has("wrap")) style.wrap = true;
        } else if (part.local === "Borders" && !drops.has("borders")) {
          const borders: Record<number, FakeBorder> = {};
          for (const b of kids(part, "Border")) {
            const index = XML_BORDER_INDEX[attr(b, "Position") ?? ""];
            if (index === undefined || attr(b, "LineStyle") !== "Continuous") continue;
            borders[index] = { lineStyle: 1, weight: XML_BORDER_WEIGHT[attr(b, "Weight") ?? "0"] ?? 1 };
          }
          style.borders = borders;
        }
      }
      styles.set(id, style);
    }
  }
  const worksheet = kids(root, "Worksheet")[0];
  const table = worksheet ? kids(worksheet, "Table")[0] : undefined;
  if (!table) fail("Range.Value(11): no Worksheet / Table", 1004);
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  type Placed = { row: number; col: number; value: StoredValue; style: Style | undefined; across: number; down: number };
  const placed: Placed[] = [];
  const heights = new Map<number, number>();
  const index = (text: string | undefined, after: number): number => {
    if (text === undefined) return after + 1;
    const n = Number(text);
    if (!Number.isInteger(n) || n <= after) fail(`Range.Value(11): bad ss:Index ${text}`, 1004);
    return n;
  };
  let row = 0;
  for (const r of kids(table, "Row")) {
    row = index(attr(r, "Index"), row);
    if (row > height) fail("Range.Value(11): a row outside the range", 1004);
    const h = attr(r, "Height");
    if (h !== undefined) heights.set(row, Number(h));
    let col = 0;
    for (const c of kids(r, "Cell")) {
      col = index(attr(c, "Index"), col);
      const across = Number(attr(c, "MergeAcross") ?? 0);
      const down = Number(attr(c, "MergeDown") ?? 0);
      if (col + across > width || row + down > height) fail("Range.Value(11): a cell outside the range", 1004);
      const styleId = attr(c, "StyleID") ?? attr(r, "StyleID");
      const style = styleId === undefined ? undefined : styles.get(styleId);
      if (styleId !== undefined && !style) fail(`Range.Value(11): no style ${styleId}`, 1004);
      const data = kids(c, "Data")[0];
      let value: StoredValue = null;
      if (data) {
        const type = attr(data, "Type");
        const t = data.text;
        if (type === "Number") value = Number(t);
        else if (type === "Boolean") value = t === "1";
        else if (type === "Error") value = { error: t };
        else if (type === "DateTime") value = (Date.parse(`${t}Z`) - Date.UTC(1899, 11, 30)) / 86400000;
        else value = t;
      }
      placed.push({ row, col, value, style, across, down });
      col += across;
    }
  }
  // Pasted over: the range's cells and merged areas start fresh.
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) sheet.cells.delete(`${r},${c}`);
  sheet.merges = sheet.merges.filter((m) => m.bottom < area.top || m.top > area.bottom || m.right < area.left || m.left > area.right);
  for (const p of placed) {
    const top = area.top + p.row - 1;
    const left = area.left + p.col - 1;
    const cell = sheet.cell(top, left);
    cell.value = p.value;
    if (valuesOnly) continue;
    const down = drops.has("mergedStyle") ? 0 : p.down;
    const across = drops.has("mergedStyle") ? 0 : p.across;
    for (let r = top; r <= top + down; r++) for (let c = left; c <= left + across; c++) Object.assign(sheet.cell(r, c), structuredClone(p.style ?? {}));
    if ((p.across > 0 || p.down > 0) && !drops.has("merges")) sheet.merges.push({ top, left, bottom: top + p.down, right: left + p.across });
  }
  if (!valuesOnly && !drops.has("heights")) for (const [r, h] of heights) sheet.rowHeights.set(area.top + r - 1, h);
}

class Worksheet {
  constructor(
    readonly sheet: FakeEtSheet,
    private readonly state: FakeEtState,
  ) {}
  private live(): void {
    if (!this.state.sheets.includes(this.sheet)) fail("the sheet has been deleted (object required)", 424);
  }
  get Name(): string {
    this.live();
    return this.sheet.name;
  }
  set Name(v: string) {
    this.live();
    const name = String(v);
    if (name === "" || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) fail(`not a sheet name: ${name}`, 1004);
    if (this.state.sheets.some((s) => s !== this.sheet && s.name.toLowerCase() === name.toLowerCase())) fail(`a sheet is already named ${name}`, 1004);
    this.sheet.name = name;
  }
  get Index(): number {
    this.live();
    return this.state.sheets.indexOf(this.sheet) + 1;
  }
  get ProtectContents(): boolean {
    return this.sheet.protected;
  }
  get UsedRange(): Range {
    this.live();
    let box: MergedRange | null = null;
    const grow = (r: number, c: number) => {
      box = box ? { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) } : { top: r, left: c, bottom: r, right: c };
    };
    for (const [key, c] of this.sheet.cells) {
      const used = c.value !== null || c.formula !== undefined || c.numberFormat !== undefined || c.font !== undefined || c.fill !== undefined || c.borders !== undefined;
      if (!used) continue;
      const [r, col] = key.split(",").map(Number) as [number, number];
      grow(r, col);
    }
    for (const m of this.sheet.merges) {
      grow(m.top, m.left);
      grow(m.bottom, m.right);
    }
    const b: MergedRange = box ?? { top: 1, left: 1, bottom: 1, right: 1 };
    return new Range(this.sheet, [b], this.state);
  }
  get Tab() {
    const sheet = this.sheet;
    return {
      get Color() {
        return sheet.tabColor ?? false;
      },
      set Color(v: unknown) {
        sheet.tabColor = bgrOnly(v);
      },
    };
  }
  get PageSetup() {
    const setup = this.sheet.pageSetup;
    return new Proxy(setup, {
      set(t, key, value) {
        t[String(key)] = value;
        return true;
      },
    });
  }
  Range(address: string): Range {
    this.live();
    return new Range(this.sheet, parseAreas(String(address)), this.state);
  }
  /** 21. HPageBreaks.Add(Before): a manual page break above the Range's first row. */
  get HPageBreaks() {
    const sheet = this.sheet;
    return {
      Add(before: unknown) {
        if (!(before instanceof Range) || before.sheet !== sheet) fail("HPageBreaks.Add takes a Range of the sheet", 1004);
        const row = before.areas[0]?.top ?? 1;
        if (!sheet.rowBreaks.includes(row - 1)) sheet.rowBreaks.push(row - 1);
        return {};
      },
    };
  }
  Protect(): void {
    this.sheet.protected = true;
  }
  Unprotect(): void {
    this.sheet.protected = false;
  }
  Delete(): boolean {
    this.live();
    if (this.state.displayAlerts) fail("Worksheet.Delete waits for the user to confirm the deletion (Application.DisplayAlerts is true)", 1004);
    if (this.state.protectStructure) fail("the workbook's structure is protected", 1004);
    if (this.state.sheets.length === 1) fail("a workbook must keep at least one visible sheet", 1004);
    this.state.sheets.splice(this.state.sheets.indexOf(this.sheet), 1);
    return true;
  }
  Activate(): void {
    this.live();
    this.state.active = this.sheet.name;
  }
  /** VBA Worksheet.ChartObjects(Index): a method; with no index, the collection. */
  ChartObjects() {
    const sheet = this.sheet;
    const guard = () => {
      if (sheet.protected) fail("protected sheet", 1004);
    };
    return {
      Add(left: number, top: number, width: number, height: number) {
        guard();
        const record: FakeEtSheet["charts"][number] = { left, top, width, height, series: [] };
        sheet.charts.push(record);
        return { Chart: new Chart(record) };
      },
    };
  }
}

class Chart {
  constructor(private readonly record: FakeEtSheet["charts"][number]) {}
  get ChartType() {
    return this.record.type;
  }
  set ChartType(v: unknown) {
    this.record.type = Number(v);
  }
  HasTitle = false;
  get ChartTitle() {
    const r = this.record;
    return {
      get Text() {
        return r.title ?? "";
      },
      set Text(v: unknown) {
        r.title = String(v);
      },
    };
  }
  SeriesCollection() {
    const r = this.record;
    const address = (v: unknown) => (v instanceof Range ? `${v.sheet.name}!${v.Address(false, false)}` : fail("series values are given as a Range here", 1004));
    return {
      NewSeries() {
        const entry: { name?: string; values?: string; xValues?: string } = {};
        r.series.push(entry);
        return {
          set Name(v: unknown) {
            entry.name = String(v);
          },
          set Values(v: unknown) {
            entry.values = address(v);
          },
          set XValues(v: unknown) {
            entry.xValues = address(v);
          },
        };
      },
    };
  }
}

class Sheets {
  constructor(
    private readonly state: FakeEtState,
    private readonly unwrap: (x: unknown) => unknown,
  ) {}
  get Count(): number {
    return this.state.sheets.length;
  }
  Item(index: number | string): Worksheet {
    if (typeof index === "number") {
      const s = this.state.sheets[index - 1];
      if (!Number.isInteger(index) || index < 1 || !s) fail(`下标越界 / Subscript out of range: Item(${index}) (1-based, 1…${this.state.sheets.length})`, 9);
      return new Worksheet(s, this.state);
    }
    const s = this.state.find(String(index));
    if (!s) fail(`下标越界 / Subscript out of range: Item("${index}")`, 9);
    return new Worksheet(s, this.state);
  }
  Add(before?: unknown, after?: unknown): Worksheet {
    if (this.state.protectStructure) fail("the workbook's structure is protected", 1004);
    let n = this.state.sheets.length + 1;
    while (this.state.find(`Sheet${n}`)) n++;
    const sheet = new FakeEtSheet(`Sheet${n}`);
    const b = this.unwrap(before);
    const a = this.unwrap(after);
    let at: number;
    if (b instanceof Worksheet) at = this.state.sheets.indexOf(b.sheet);
    else if (a instanceof Worksheet) at = this.state.sheets.indexOf(a.sheet) + 1;
    else at = 0; // before the active sheet, which is the first here
    if (at < 0) fail("Before / After is a deleted sheet", 1004);
    this.state.sheets.splice(at, 0, sheet);
    return new Worksheet(sheet, this.state);
  }
}

class Workbook {
  constructor(
    private readonly state: FakeEtState,
    private readonly unwrap: (x: unknown) => unknown,
  ) {}
  get Name() {
    return "工作簿1.xlsx";
  }
  get Worksheets() {
    return new Sheets(this.state, this.unwrap);
  }
  get Sheets() {
    return new Sheets(this.state, this.unwrap);
  }
  get ProtectStructure() {
    return this.state.protectStructure;
  }
}

class Application {
  constructor(
    private readonly state: FakeEtState,
    private readonly unwrap: (x: unknown) => unknown,
  ) {}
  get ActiveWorkbook() {
    return new Workbook(this.state, this.unwrap);
  }
  get ActiveSheet() {
    const s = (this.state.active !== null ? this.state.find(this.state.active) : undefined) ?? this.state.sheets[0];
    return s ? new Worksheet(s, this.state) : null;
  }
  /** The active sheet's window: SplitRow with FreezePanes freezes that many rows of the active sheet. */
  get ActiveWindow() {
    const state = this.state;
    const sheet = () => (state.active !== null ? state.find(state.active) : undefined) ?? state.sheets[0];
    let split = 0;
    let frozen = false;
    return {
      get FreezePanes() {
        return frozen;
      },
      set FreezePanes(v: boolean) {
        frozen = Boolean(v);
        const s = sheet();
        if (s) s.freezeRows = frozen ? split : 0;
      },
      get SplitRow() {
        return split;
      },
      set SplitRow(v: number) {
        split = Number(v);
      },
      SplitColumn: 0,
    };
  }
  get DisplayAlerts() {
    return this.state.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.state.displayAlerts = Boolean(v);
  }
  get ScreenUpdating() {
    return this.state.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.state.screenUpdating = Boolean(v);
  }
  Calculate(): void {
    this.state.calculations++;
  }
  Range(address: string): Range {
    const s = this.state.sheets[0];
    if (!s) fail("no sheet", 1004);
    return new Range(s, parseAreas(address), this.state);
  }
}

// ------------------------------------------------------------------------------- counting bridge

const NOT_COUNTED = new Set<PropertyKey>(["then", "toJSON", "constructor", "$$typeof", "asymmetricMatch", "nodeType", "tagName", "@@__IMMUTABLE_ITERABLE__@@", "@@__IMMUTABLE_RECORD__@@", "_isMockFunction"]);
const METHOD_MEMBERS = new Set(["Count", "Name", "ActiveWorkbook", "Worksheets", "UsedRange"]);
const isModelObject = (v: unknown) => v instanceof Range || v instanceof Chart || v instanceof Worksheet || v instanceof Sheets || v instanceof Workbook || v instanceof Application || v instanceof Font || v instanceof Interior || v instanceof Borders || v instanceof Border || v instanceof FormatCondition || (typeof v === "object" && v !== null && !Array.isArray(v));

/** The application seen through the bridge: every get, set and call counted (see 1 in the header). */
function bridge(state: FakeEtState): { app: unknown; unwrap: (x: unknown) => unknown } {
  const targets = new WeakMap<object, object>();
  const unwrap = (x: unknown) => (typeof x === "object" && x !== null ? (targets.get(x) ?? x) : x);
  const note = (kind: "get" | "set" | "call", text: string) => {
    state.calls++;
    state.counts[kind]++;
    if (state.logging) state.log.push(text);
  };
  const wrap = (value: unknown, path: string): unknown => {
    if (typeof value !== "object" || value === null || Array.isArray(value) || !isModelObject(value)) return value;
    const proxy = new Proxy(value as object, {
      get(t, key) {
        if (typeof key === "symbol" || NOT_COUNTED.has(key)) return Reflect.get(t, key, t);
        const v = Reflect.get(t, key, t);
        if (typeof v === "function") {
          return (...args: unknown[]) => {
            note("call", `${path}.${String(key)}(${args.map((a) => (typeof a === "object" && a !== null ? "…" : typeof a === "string" && a.startsWith("<?xml") ? '"<xml…>"' : JSON.stringify(a))).join(",")})`);
            return wrap((v as (...a: unknown[]) => unknown).apply(t, args.map(unwrap)), `${path}.${String(key)}()`);
          };
        }
        if (state.methodMembers && METHOD_MEMBERS.has(key)) {
          // This build exposes the member as a zero-argument method: reading it is not a call yet.
          return () => {
            note("call", `${path}.${key}()`);
            return wrap(v, `${path}.${key}`);
          };
        }
        note("get", `${path}.${key}`);
        return wrap(v, `${path}.${key}`);
      },
      set(t, key, value) {
        if (key === "Value") {
          // A method in WPS: the assignment lands on the JS object and writes nothing (see 2).
          note("set", `${path}.Value= (ignored)`);
          state.ignoredValueWrites++;
          return true;
        }
        note("set", `${path}.${String(key)}=`);
        return Reflect.set(t, key, unwrap(value), t);
      },
    });
    targets.set(proxy, value as object);
    return proxy;
  };
  const app = new Application(state, unwrap);
  return { app: wrap(app, "Application"), unwrap };
}

export interface FakeEt {
  state: FakeEtState;
  /** The application through the counting bridge (what `wps.EtApplication()` returns). */
  app: import("../../../src/hosts/wps/et-types").EtApplication;
  /** A `wps` global over it: EtApplication, task panes, PluginStorage, and Enum when `withEnum`. */
  wps: import("../../../src/hosts/wps/et-types").WpsGlobal & { panes: FakeTaskPane[]; storage: Map<string, unknown> };
}

export interface FakeTaskPane {
  ID: string;
  url: string;
  Visible: boolean;
  DockPosition: number;
  Width: number;
}

/** A few of ET's enumerations as wps.Enum holds them (when present). */
const WPS_ENUM = { xlCenter: -4108, xlLeft: -4131, xlRight: -4152, xlContinuous: 1, xlThin: 2, msoCTPDockPositionRight: 2, msoCTPDockPositionFloating: 4 };

export function fakeEt(state: FakeEtState = new FakeEtState()): FakeEt {
  const { app } = bridge(state);
  const storage = new Map<string, unknown>();
  const panes: FakeTaskPane[] = [];
  const wps: FakeEt["wps"] = {
    EtApplication: () => app as FakeEt["app"],
    CreateTaskPane: (url: string) => {
      const pane: FakeTaskPane = { ID: `pane${panes.length + 1}`, url, Visible: false, DockPosition: 2, Width: 320 };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: string | number) => {
      const pane = panes.find((p) => p.ID === String(id));
      if (!pane) throw new Error(`no task pane ${id}`);
      return pane;
    },
    PluginStorage: { getItem: (k: string) => (storage.has(k) ? storage.get(k) : null), setItem: (k: string, v: unknown) => void storage.set(k, v) },
    panes,
    storage,
  };
  if (state.withEnum) wps.Enum = { ...WPS_ENUM };
  return { state, app: app as FakeEt["app"], wps };
}

/** One cell of a neutral workbook (test/hosts/conformance.ts NeutralCell): formula with or without "=". */
export interface SeedCell {
  address: string;
  value: CellValue;
  numberFormat?: string;
  formula?: string;
}
export interface SeedSheet {
  name: string;
  cells: SeedCell[];
  merges?: string[];
  protected?: boolean;
}

const ERROR_TEXTS = new Set(Object.keys(ERROR_CODES));

/** A state holding the workbook as ET would: a formula's error result as an error value; "General" left unset. */
export function seededState(sheets: readonly SeedSheet[], options: FakeEtOptions = {}): FakeEtState {
  const state = new FakeEtState(options);
  for (const s of sheets) {
    const sheet = state.addSheet(s.name);
    for (const c of s.cells) {
      const { row, col } = parseA1(c.address);
      const cell = sheet.cell(row, col);
      cell.value = c.formula !== undefined && typeof c.value === "string" && ERROR_TEXTS.has(c.value) ? { error: c.value } : c.value;
      if (c.formula !== undefined) cell.formula = `=${c.formula.replace(/^=/, "")}`;
      if (c.numberFormat !== undefined && c.numberFormat !== "General") cell.numberFormat = c.numberFormat;
      if (cell.value === null && cell.formula === undefined && cell.numberFormat === undefined) sheet.cells.delete(`${row},${col}`);
    }
    for (const m of s.merges ?? []) {
      const [from = "", to = from] = m.split(":");
      const a = parseA1(from);
      const b = parseA1(to);
      sheet.merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
    }
    if (s.protected) sheet.protected = true;
  }
  return state;
}

/** A copy of the workbook (sheets and their contents; not the call counts or the log): the same state written two ways, compared. */
export function cloneState(state: FakeEtState): FakeEtState {
  const copy = new FakeEtState({ errors: state.errors, withEnum: state.withEnum, methodMembers: state.methodMembers, xmlSpreadsheet: state.xmlSpreadsheet, xmlSpreadsheetWrite: state.xmlSpreadsheetWrite, xmlWriteDrops: [...state.xmlWriteDrops] });
  for (const s of state.sheets) {
    const sheet = copy.addSheet(s.name);
    sheet.cells = new Map([...s.cells].map(([k, c]) => [k, structuredClone(c)]));
    sheet.merges = s.merges.map((m) => ({ ...m }));
    sheet.protected = s.protected;
    if (s.tabColor !== undefined) sheet.tabColor = s.tabColor;
    sheet.columnWidths = new Map(s.columnWidths);
    sheet.rowHeights = new Map(s.rowHeights);
    sheet.formatConditions = structuredClone(s.formatConditions);
    sheet.validations = structuredClone(s.validations);
    sheet.pageSetup = structuredClone(s.pageSetup);
    sheet.freezeRows = s.freezeRows;
    sheet.rowBreaks = [...s.rowBreaks];
    sheet.charts = structuredClone(s.charts);
  }
  copy.active = state.active;
  copy.displayAlerts = state.displayAlerts;
  copy.screenUpdating = state.screenUpdating;
  return copy;
}

/**
 * A sheet as it shows (for comparing two ways of writing it): a property given a fresh cell's value
 * (Bold / Italic / WrapText false, HorizontalAlignment xlGeneral, VerticalAlignment xlBottom, a border
 * of LineStyle xlLineStyleNone) is left out, as is a cell holding nothing; sizes, merges and rules in order.
 */
export function shown(sheet: FakeEtSheet): unknown {
  const cells: [string, FakeCell][] = [];
  // A cell a merged area covers shows only its part of the area's border and its fill (the area is
  // drawn as one cell: its font, alignment, format are not seen).
  const covered = (k: string) => {
    const [r = 0, c = 0] = k.split(",").map(Number);
    return sheet.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && !(r === m.top && c === m.left));
  };
  for (const [k, c] of [...sheet.cells].sort(([a], [b]) => { const [ar = 0, ac = 0] = a.split(",").map(Number); const [br = 0, bc = 0] = b.split(",").map(Number); return ar - br || ac - bc; })) {
    const out: FakeCell = { value: c.value };
    if (c.formula !== undefined) out.formula = c.formula;
    if (c.numberFormat !== undefined) out.numberFormat = c.numberFormat;
    const font = { ...c.font };
    if (font.bold === false) delete font.bold;
    if (font.italic === false) delete font.italic;
    if (Object.keys(font).length > 0) out.font = font;
    if (c.fill !== undefined) out.fill = c.fill;
    if (c.wrap === true) out.wrap = true;
    if (c.horizontal !== undefined && c.horizontal !== 1) out.horizontal = c.horizontal;
    if (c.vertical !== undefined && c.vertical !== -4107) out.vertical = c.vertical;
    // (LineStyle xlLineStyleNone: no line, as a fresh cell. A cell's inside lines, xlInsideVertical 11
    // and xlInsideHorizontal 12, are not drawn by themselves: the Borders collection gives every cell
    // its four edges too, and a line between two cells is one's right / bottom edge or the other's
    // left / top edge — which a sheet written through Range.Value(11) has alone, 23.)
    const lines = Object.entries(c.borders ?? {}).filter(([i, b]) => Number(i) <= 10 && b.lineStyle !== undefined && b.lineStyle !== -4142);
    if (lines.length > 0) out.borders = Object.fromEntries(lines);
    if (covered(k)) {
      for (const key of ["numberFormat", "font", "wrap", "horizontal", "vertical"] as const) delete out[key];
    }
    if (Object.keys(out).length === 1 && out.value === null) continue;
    cells.push([k, out]);
  }
  const byPlace = (a: MergedRange, b: MergedRange) => a.top - b.top || a.left - b.left;
  return {
    name: sheet.name,
    protected: sheet.protected,
    tabColor: sheet.tabColor,
    columnWidths: [...sheet.columnWidths].sort((a, b) => a[0] - b[0]),
    rowHeights: [...sheet.rowHeights].sort((a, b) => a[0] - b[0]),
    merges: [...sheet.merges].sort(byPlace),
    formatConditions: sheet.formatConditions,
    validations: sheet.validations,
    pageSetup: sheet.pageSetup,
    freezeRows: sheet.freezeRows,
    rowBreaks: [...sheet.rowBreaks].sort((a, b) => a - b),
    charts: sheet.charts,
    cells,
  };
}

/** The workbook as plain data (for the browser test to send back): each sheet's non-empty cells by address. */
export function dump(state: FakeEtState): { name: string; protected: boolean; cells: Record<string, { value: StoredValue; formula?: string; numberFormat?: string }> }[] {
  return state.sheets.map((s) => {
    const cells: Record<string, { value: StoredValue; formula?: string; numberFormat?: string }> = {};
    for (const [key, c] of s.cells) {
      if (c.value === null && c.formula === undefined) continue;
      const [r, col] = key.split(",").map(Number) as [number, number];
      const out: { value: StoredValue; formula?: string; numberFormat?: string } = { value: c.value };
      if (c.formula !== undefined) out.formula = c.formula;
      if (c.numberFormat !== undefined) out.numberFormat = c.numberFormat;
      cells[a1(r, col)] = out;
    }
    return { name: s.name, protected: s.protected, cells };
  });
}
