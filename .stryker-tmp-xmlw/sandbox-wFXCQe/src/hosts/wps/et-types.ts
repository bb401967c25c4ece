/**
 * The small part of WPS 表格's (ET) JavaScript object model the adapter uses, typed by hand.
 *
 * Written here instead of taking the npm package et-jsapi-declare (not installed; the project adds
 * no packages without asking): ET's JS API is the VBA/COM object model of Excel exposed to the
 * add-in's web page through a synchronous bridge, so the names, argument orders and numeric
 * constants below are those of the Excel VBA reference (https://learn.microsoft.com/office/vba/api/overview/excel)
 * unless a comment says otherwise. What differs in the bridge, as reported by projects that run on
 * real WPS (tmustier/pi-for-excel src/host/wps/jsapi.ts and docs/wps-support.md):
 *  - `Value` is a method (`Range.Value(type, value)`), so `range.Value = x` writes nothing: write
 *    through `Value2` (which also gives dates as serial numbers, not Date objects);
 *  - properties with parameters are called as functions: `range.Address(false, false)`;
 *  - collections are read through `.Item(i)`, 1-based (or by name);
 *  - some builds expose a zero-argument method where others expose a property (pi-for-excel's
 *    `WpsPropertyOrMethod`): `prop()` in wps-adapter.ts reads either.
 * Every member is optional-free on purpose: a member missing on some build shows up as a TypeError
 * at the call, which the adapter reports with the sheet it was working on.
 */
// @ts-nocheck


/** A colour as VBA gives it: a BGR long, red + green·256 + blue·65536 (https://learn.microsoft.com/office/vba/api/excel.interior.color). */
export type BgrColor = number;

export interface EtFont {
  Bold: boolean;
  Italic: boolean;
  Size: number;
  Color: BgrColor;
  /** XlColorIndex: xlColorIndexAutomatic -4105 puts the font colour back to automatic. */
  ColorIndex: number;
}

export interface EtInterior {
  Color: BgrColor;
  /** XlColorIndex: xlColorIndexNone -4142 removes the fill. */
  ColorIndex: number;
}

export interface EtBorder {
  /** XlLineStyle: xlContinuous 1, xlLineStyleNone -4142. */
  LineStyle: number;
  /** XlBorderWeight: xlThin 2, xlMedium -4138. */
  Weight: number;
}

export interface EtBorders {
  /** XlBordersIndex: xlEdgeLeft 7, xlEdgeTop 8, xlEdgeBottom 9, xlEdgeRight 10, xlInsideVertical 11, xlInsideHorizontal 12. */
  Item(index: number): EtBorder;
  /** Set on the collection: every edge and inside line of every cell of the range (VBA Borders object: "a thin border around all cells in the range"). */
  LineStyle: number;
  Weight: number;
}

export interface EtFormatCondition {
  readonly Interior: EtInterior;
  readonly Font: EtFont;
}

export interface EtFormatConditions {
  /** FormatConditions.Add(Type, Operator, Formula1): xlCellValue 1, xlLess 6. */
  Add(type: number, operator?: number, formula1?: string): EtFormatCondition;
  Delete(): void;
}

export interface EtValidation {
  /** Validation.Add(Type, AlertStyle, Operator, Formula1): xlValidateList 3, xlValidAlertStop 1, xlBetween 1. */
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string): void;
  Delete(): void;
  InCellDropdown: boolean;
}

export interface EtPageSetup {
  /** xlPortrait 1, xlLandscape 2. */
  Orientation: number;
  /** xlPaperA4 9. */
  PaperSize: number;
  PrintArea: string;
  PrintTitleRows: string;
  /** false to use FitToPagesWide / FitToPagesTall. */
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  /** Points. */
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
}

export interface EtRange {
  /** VBA Range.ClearFormats: the cells' formatting back to a fresh cell's. */
  ClearFormats(): unknown;
  /** Read: a scalar for one cell, else rows of values (JS arrays); dates as serial numbers; errors as numbers (CVErr). */
  Value2: unknown;
  /** A method in WPS (Range.Value(RangeValueDataType, value)); never assigned. */
  readonly Value: (...args: unknown[]) => unknown;
  /** Read: "=…" for a formula cell, the constant as text otherwise, "" when empty. Write: rows of formulas. */
  Formula: unknown;
  /** Read: one format string, or null when the cells' formats differ (https://learn.microsoft.com/office/vba/api/excel.range.numberformat). */
  NumberFormat: unknown;
  /** true, false, or null when the range holds merged and unmerged cells. */
  readonly MergeCells: unknown;
  /** The merged area holding a one-cell range (the cell itself when not merged). */
  readonly MergeArea: EtRange;
  /** The formatted text of a one-cell range (null when cells differ). */
  readonly Text: unknown;
  /** A parameterised property: called as a function in the JS bridge. */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Font: EtFont;
  readonly Interior: EtInterior;
  readonly Borders: EtBorders;
  WrapText: boolean;
  /** XlHAlign: xlLeft -4131, xlCenter -4108, xlRight -4152. */
  HorizontalAlignment: number;
  /** XlVAlign: xlTop -4160, xlCenter -4108, xlBottom -4107. */
  VerticalAlignment: number;
  /** Characters of the default font (as ExcelJS's widths). */
  ColumnWidth: number;
  /** Points. */
  RowHeight: number;
  readonly FormatConditions: EtFormatConditions;
  readonly Validation: EtValidation;
  Merge(across?: boolean): void;
  UnMerge(): void;
  /** Selects the range on the active sheet (its sheet must be activated first). */
  Select(): void;
  /** Position and size in points (read-only). */
  readonly Left: number;
  readonly Top: number;
  readonly Width: number;
  readonly Height: number;
}

export interface EtSeries {
  Name: string;
  /** A Range (or an array of values). */
  Values: unknown;
  XValues: unknown;
}

export interface EtChart {
  /** XlChartType: xlLine 4. */
  ChartType: number;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
  /** A method returning the series collection (VBA Chart.SeriesCollection). */
  SeriesCollection(): { NewSeries(): EtSeries };
}

export interface EtChartObjects {
  /** ChartObjects.Add(Left, Top, Width, Height), points. */
  Add(left: number, top: number, width: number, height: number): { readonly Chart: EtChart };
}

/** The active window: freezing panes is done on it (VBA Window.FreezePanes / SplitRow). */
export interface EtWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
}

export interface EtTab {
  Color: BgrColor;
}

export interface EtWorksheet {
  Name: string;
  /** 1-based position among the workbook's sheets. */
  readonly Index: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  readonly Tab: EtTab;
  readonly PageSetup: EtPageSetup;
  /** VBA HPageBreaks: Add(Before) puts a manual page break above the Range given. */
  readonly HPageBreaks: { Add(before: EtRange): unknown };
  Range(address: string): EtRange;
  Protect(password?: string): void;
  Unprotect(password?: string): void;
  /** Asks the user to confirm unless Application.DisplayAlerts is false. */
  Delete(): boolean;
  Activate(): void;
  /** A method in VBA (Worksheet.ChartObjects(Index)): called with no argument for the collection. */
  ChartObjects(): EtChartObjects;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index, or a sheet name. */
  Item(index: number | string): EtWorksheet;
  /** Sheets.Add(Before, After, Count, Type): both omitted → before the active sheet. */
  Add(before?: EtWorksheet, after?: EtWorksheet, count?: number, type?: number): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
  /** Workbook structure protected (审阅 > 保护工作簿): sheets cannot be added or deleted. */
  readonly ProtectStructure: boolean;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  readonly ActiveWindow: EtWindow;
  /** false: no confirmation dialogs (Worksheet.Delete, Range.Merge over data). */
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
  Calculate(): void;
  Range(address: string): EtRange;
}

/** A WPS task pane (wps.CreateTaskPane). */
export interface WpsTaskPane {
  readonly ID: string | number;
  Visible: boolean;
  /** msoCTPDockPositionLeft 0, Top 1, Right 2, Bottom 3, Floating 4. */
  DockPosition: number;
  Width: number;
  Navigate?(url: string): void;
}

export interface WpsPluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
}

/** The `wps` global of a WPS add-in page. */
export interface WpsGlobal {
  EtApplication?: () => EtApplication;
  CreateTaskPane?: (url: string) => WpsTaskPane;
  GetTaskPane?: (id: string | number) => WpsTaskPane;
  PluginStorage?: WpsPluginStorage;
  /** Built-in enumerations: missing on older builds (wpsjs's own templates fall back to a copy, WPS_Enum). */
  Enum?: Record<string, number>;
}
