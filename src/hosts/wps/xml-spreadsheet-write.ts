/**
 * A fresh sheet of the product's as one XML Spreadsheet text, to be set in one call:
 * `Range("A1:…").Value(11, xml)` (XlRangeValueDataType xlRangeValueXMLSpreadsheet = 11).
 *
 * Why: through the documented ET calls, a formatted sheet costs one call (or two) per distinct value
 * of each style property, per number format, per row height and per merge kind, each cut under 255
 * characters of address — about 75 calls for 撤销记录, 195 for 付款结算, and 75 to 208 for 计算说明,
 * which grows with its months (a bold line, a fill and a border block per month). One XML answer
 * carries the values, number formats, fonts, fills, borders, alignment, merged areas and row heights
 * of the whole sheet whatever its size.
 *
 * What it rests on. Microsoft documents Range.Value as read-write with this argument ("Returns or
 * sets the value of the specified range", https://learn.microsoft.com/dotnet/api/microsoft.office.interop.excel.range.value;
 * xlRangeValueXMLSpreadsheet "the values, formatting, formulas, and names of the specified Range
 * object in the XML Spreadsheet format", https://learn.microsoft.com/office/vba/api/excel.xlrangevaluedatatype),
 * and its remark "When setting a range of cells with the contents of an XML spreadsheet file, only
 * values of the first sheet in the workbook are used" — which may mean the first worksheet's
 * contents, or its values without their formatting. VBA code in the wild sets it to keep formatting
 * (VBATools' replace-in-cell keeps a cell's rich text by editing its Value(11) and setting it back).
 * Nothing documents it for WPS. So the adapter checks it once a pane, on the first sheet it writes
 * this way, against the documented getters (wps-adapter.ts `checkXmlWrite`), and writes the
 * documented way for the pane's life when anything differs.
 *
 * The text follows Microsoft's "XML Spreadsheet Reference" (Excel 2002,
 * https://learn.microsoft.com/previous-versions/office/developer/office-xp/aa140066(v=office.10)):
 * Styles / Style (ss:ID) with Alignment (ss:Horizontal Left|Center|Right, ss:Vertical
 * Top|Center|Bottom, ss:WrapText), Borders / Border (ss:Position Left|Top|Right|Bottom,
 * ss:LineStyle Continuous, ss:Weight 1 thin | 2 medium), Font (ss:Bold, ss:Italic, ss:Size,
 * ss:Color "#RRGGBB"), Interior (ss:Color, ss:Pattern Solid), NumberFormat (ss:Format, the code
 * itself); Worksheet / Table (ss:ExpandedColumnCount, ss:ExpandedRowCount: the range's size) / Row
 * (ss:Index, ss:Height in points, ss:AutoFitHeight 0) / Cell (ss:Index, ss:StyleID, ss:MergeAcross,
 * ss:MergeDown on a merged area's top-left cell, the cells it covers not written) / Data (ss:Type
 * Number | String | Boolean). No "Default" style is written: the workbook's own Normal style stays.
 *
 * Not in the text, written the documented way after it: column widths (ss:Width is in points, the
 * spec's widths in characters of the workbook's font), formulas (ss:Formula is R1C1), and what is not
 * a cell's (print setup, highlights, lists, tab colour, frozen panes, the chart).
 * A text value is a String Data as it is: no apostrophe, and "001" or "=1" stay text — the XML is
 * not typed input (the documented path needs text-input.ts for that).
 */
import { type CellStyle, type MergedRange, type PlannedCell, type SheetSpec, columnLetter, plannedCells } from "../../workbook/model";
import { boundsOf } from "./ranges";

/** The text and the range to set it on (A1 to the last row and column the sheet uses). */
export interface SheetXml {
  xml: string;
  /** The range's address, e.g. "A1:C2060". */
  address: string;
  rows: number;
  cols: number;
  /** The spec's cells (as plannedCells gives them), merged areas and row heights, for the check of a first write. */
  cells: PlannedCell[];
  merges: MergedRange[];
  heights: { row: number; size: number }[];
  /** Cells with a formula: their style is in the text, the formula set after it. */
  formulaCells: PlannedCell[];
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const BORDER_WEIGHT = { thin: 1, medium: 2 } as const;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");

/** Characters XML 1.0 does not allow (a spec is already made safe by excel-limits.ts; this is the guard). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const colour = (hex: string) => hex.toUpperCase();

/** The Style element's children for a cell's style and number format ("" for a cell that has neither). */
export function styleBody(style: CellStyle, numberFormat: string | undefined): string {
  const parts: string[] = [];
  const align: string[] = [];
  if (style.horizontal !== undefined) align.push(`ss:Horizontal="${H_ALIGN[style.horizontal]}"`);
  if (style.vertical !== undefined) align.push(`ss:Vertical="${V_ALIGN[style.vertical]}"`);
  if (style.wrap === true) align.push(`ss:WrapText="1"`);
  if (align.length > 0) parts.push(`<Alignment ${align.join(" ")}/>`);
  if (style.border === "thin" || style.border === "medium") {
    const w = BORDER_WEIGHT[style.border];
    parts.push(`<Borders>${["Left", "Top", "Right", "Bottom"].map((p) => `<Border ss:Position="${p}" ss:LineStyle="Continuous" ss:Weight="${w}"/>`).join("")}</Borders>`);
  }
  const font: string[] = [];
  if (style.bold === true) font.push(`ss:Bold="1"`);
  if (style.italic === true) font.push(`ss:Italic="1"`);
  if (style.fontSize !== undefined) font.push(`ss:Size="${style.fontSize}"`);
  if (style.fontColor !== undefined) font.push(`ss:Color="${colour(style.fontColor)}"`);
  if (font.length > 0) parts.push(`<Font ${font.join(" ")}/>`);
  if (style.fill !== undefined) parts.push(`<Interior ss:Color="${colour(style.fill)}" ss:Pattern="Solid"/>`);
  if (numberFormat !== undefined && numberFormat !== "General") parts.push(`<NumberFormat ss:Format="${escapeXml(numberFormat)}"/>`);
  return parts.join("");
}

/** What a cell looks like where it can be seen in a merged area it does not start: its border and fill. */
const visibleInMerge = (c: PlannedCell | undefined) => JSON.stringify([c?.style.border === "none" ? undefined : c?.style.border, c?.style.fill]);

/**
 * The sheet's cells as one XML Spreadsheet, or null when the text cannot say what the documented
 * path would write: a merged area whose covered cells are drawn otherwise than its first cell (a
 * border or fill of their own; a merged cell has one style in the text), a cell a merged area
 * covers holding a value, or a character XML cannot carry.
 */
export function sheetXml(spec: SheetSpec): SheetXml | null {
  const cells = plannedCells(spec.cells);
  const at = new Map(cells.map((c) => [`${c.row},${c.col}`, c]));
  const merges: MergedRange[] = spec.merges.map(boundsOf);
  const mergeAt = new Map<string, MergedRange>();
  const covered = new Set<string>();
  for (const m of merges) {
    const first = at.get(`${m.top},${m.left}`);
    mergeAt.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const k = `${r},${c}`;
        const cell = at.get(k);
        if (cell && (cell.value !== null || cell.formula !== undefined)) return null;
        if (visibleInMerge(cell) !== visibleInMerge(first)) return null;
        covered.add(k);
      }
    }
  }
  // A formula set after the text into a cell the text made "@" would be kept as text.
  if (cells.some((c) => c.formula !== undefined && c.numberFormat === "@")) return null;
  const heights = new Map<number, number>();
  for (const [row, h] of Object.entries(spec.rowHeights ?? {})) heights.set(Number(row), h);
  let rows = 1;
  let cols = 1;
  for (const c of cells) {
    rows = Math.max(rows, c.row);
    cols = Math.max(cols, c.col);
  }
  for (const m of merges) {
    rows = Math.max(rows, m.bottom);
    cols = Math.max(cols, m.right);
  }
  for (const r of heights.keys()) rows = Math.max(rows, r);

  const styleIds = new Map<string, string>();
  const styles: string[] = [];
  const styleOf = (c: PlannedCell): string | undefined => {
    const body = styleBody(c.style, c.numberFormat);
    if (body === "") return undefined;
    let id = styleIds.get(body);
    if (id === undefined) {
      id = `s${styleIds.size + 1}`;
      styleIds.set(body, id);
      styles.push(`<Style ss:ID="${id}">${body}</Style>`);
    }
    return id;
  };

  const byRow = new Map<number, PlannedCell[]>();
  for (const c of cells) {
    if (covered.has(`${c.row},${c.col}`)) continue;
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  for (const m of merges) {
    // A merged area whose first cell the spec leaves out is still written (its extent is the merge).
    if (!at.has(`${m.top},${m.left}`)) {
      const list = byRow.get(m.top) ?? [];
      list.push({ row: m.top, col: m.left, value: null, style: {} });
      byRow.set(m.top, list);
    }
  }
  const rowNumbers = [...new Set([...byRow.keys(), ...heights.keys()])].sort((a, b) => a - b);
  const out: string[] = [];
  let lastRow = 0;
  for (const r of rowNumbers) {
    const attrs: string[] = [];
    if (r !== lastRow + 1) attrs.push(`ss:Index="${r}"`);
    const h = heights.get(r);
    if (h !== undefined) attrs.push(`ss:AutoFitHeight="0" ss:Height="${h}"`);
    const cellsOut: string[] = [];
    let next = 1;
    for (const c of (byRow.get(r) ?? []).sort((a, b) => a.col - b.col)) {
      const cellAttrs: string[] = [];
      if (c.col !== next) cellAttrs.push(`ss:Index="${c.col}"`);
      const m = mergeAt.get(`${c.row},${c.col}`);
      if (m && m.right > m.left) cellAttrs.push(`ss:MergeAcross="${m.right - m.left}"`);
      if (m && m.bottom > m.top) cellAttrs.push(`ss:MergeDown="${m.bottom - m.top}"`);
      const id = styleOf(c);
      if (id !== undefined) cellAttrs.push(`ss:StyleID="${id}"`);
      let data = "";
      // (An empty text is an empty cell, as Value2 = "" makes it.)
      if (c.formula === undefined && c.value !== null && c.value !== "") {
        const v = c.value;
        if (typeof v === "string") {
          if (NOT_XML.test(v)) return null;
          data = `<Data ss:Type="String">${escapeXml(v)}</Data>`;
        } else data = typeof v === "number" ? `<Data ss:Type="Number">${v}</Data>` : `<Data ss:Type="Boolean">${v ? "1" : "0"}</Data>`;
      }
      cellsOut.push(`<Cell${cellAttrs.length > 0 ? ` ${cellAttrs.join(" ")}` : ""}>${data}</Cell>`);
      next = c.col + (m ? m.right - m.left : 0) + 1;
    }
    out.push(`<Row${attrs.length > 0 ? ` ${attrs.join(" ")}` : ""}>${cellsOut.join("")}</Row>`);
    lastRow = r;
  }
  const xml =
    `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n` +
    `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">` +
    `<Styles>${styles.join("")}</Styles>` +
    `<Worksheet ss:Name="${escapeXml(spec.name)}"><Table ss:ExpandedColumnCount="${cols}" ss:ExpandedRowCount="${rows}">${out.join("")}</Table></Worksheet></Workbook>`;
  return {
    xml,
    address: `A1:${columnLetter(cols)}${rows}`,
    rows,
    cols,
    cells,
    merges,
    heights: rowNumbers.filter((r) => heights.has(r)).map((row) => ({ row, size: heights.get(row) as number })),
    formulaCells: cells.filter((c) => c.formula !== undefined),
  };
}
