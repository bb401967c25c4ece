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
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { type CellStyle, type MergedRange, type PlannedCell, type SheetSpec, columnLetter, parseA1, plannedCells } from "../../workbook/model";

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
  heights: {
    row: number;
    size: number;
  }[];
  /** Cells with a formula: their style is in the text, the formula set after it. */
  formulaCells: PlannedCell[];
}
const H_ALIGN = {
  left: "Left",
  center: "Center",
  right: "Right"
} as const;
const V_ALIGN = {
  top: "Top",
  middle: "Center",
  bottom: "Bottom"
} as const;
const BORDER_WEIGHT = {
  thin: 1,
  medium: 2
} as const;
const escapeXml = stryMutAct_9fa48("211") ? () => undefined : (stryCov_9fa48("211"), (() => {
  const escapeXml = (text: string) => text.replace(/&/g, stryMutAct_9fa48("212") ? "" : (stryCov_9fa48("212"), "&amp;")).replace(/</g, stryMutAct_9fa48("213") ? "" : (stryCov_9fa48("213"), "&lt;")).replace(/>/g, stryMutAct_9fa48("214") ? "" : (stryCov_9fa48("214"), "&gt;")).replace(/"/g, stryMutAct_9fa48("215") ? "" : (stryCov_9fa48("215"), "&quot;")).replace(/\n/g, stryMutAct_9fa48("216") ? "" : (stryCov_9fa48("216"), "&#10;")).replace(/\r/g, stryMutAct_9fa48("217") ? "" : (stryCov_9fa48("217"), "&#13;")).replace(/\t/g, stryMutAct_9fa48("218") ? "" : (stryCov_9fa48("218"), "&#9;"));
  return escapeXml;
})());

/** Characters XML 1.0 does not allow (a spec is already made safe by excel-limits.ts; this is the guard). */
const NOT_XML = stryMutAct_9fa48("225") ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[^\uDC00-\uDFFF]/ : stryMutAct_9fa48("224") ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![^\uD800-\uDBFF])[\uDC00-\uDFFF]/ : stryMutAct_9fa48("223") ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF]/ : stryMutAct_9fa48("222") ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![^\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/ : stryMutAct_9fa48("221") ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?=[\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/ : stryMutAct_9fa48("220") ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[^\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/ : stryMutAct_9fa48("219") ? /[^\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/ : (stryCov_9fa48("219", "220", "221", "222", "223", "224", "225"), /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
const colour = stryMutAct_9fa48("226") ? () => undefined : (stryCov_9fa48("226"), (() => {
  const colour = (hex: string) => stryMutAct_9fa48("227") ? hex.toLowerCase() : (stryCov_9fa48("227"), hex.toUpperCase());
  return colour;
})());

/** The Style element's children for a cell's style and number format ("" for a cell that has neither). */
export function styleBody(style: CellStyle, numberFormat: string | undefined): string {
  if (stryMutAct_9fa48("228")) {
    {}
  } else {
    stryCov_9fa48("228");
    const parts: string[] = stryMutAct_9fa48("229") ? ["Stryker was here"] : (stryCov_9fa48("229"), []);
    const align: string[] = stryMutAct_9fa48("230") ? ["Stryker was here"] : (stryCov_9fa48("230"), []);
    if (stryMutAct_9fa48("233") ? style.horizontal === undefined : stryMutAct_9fa48("232") ? false : stryMutAct_9fa48("231") ? true : (stryCov_9fa48("231", "232", "233"), style.horizontal !== undefined)) align.push(stryMutAct_9fa48("234") ? `` : (stryCov_9fa48("234"), `ss:Horizontal="${H_ALIGN[style.horizontal]}"`));
    if (stryMutAct_9fa48("237") ? style.vertical === undefined : stryMutAct_9fa48("236") ? false : stryMutAct_9fa48("235") ? true : (stryCov_9fa48("235", "236", "237"), style.vertical !== undefined)) align.push(stryMutAct_9fa48("238") ? `` : (stryCov_9fa48("238"), `ss:Vertical="${V_ALIGN[style.vertical]}"`));
    if (stryMutAct_9fa48("241") ? style.wrap !== true : stryMutAct_9fa48("240") ? false : stryMutAct_9fa48("239") ? true : (stryCov_9fa48("239", "240", "241"), style.wrap === (stryMutAct_9fa48("242") ? false : (stryCov_9fa48("242"), true)))) align.push(stryMutAct_9fa48("243") ? `` : (stryCov_9fa48("243"), `ss:WrapText="1"`));
    if (stryMutAct_9fa48("247") ? align.length <= 0 : stryMutAct_9fa48("246") ? align.length >= 0 : stryMutAct_9fa48("245") ? false : stryMutAct_9fa48("244") ? true : (stryCov_9fa48("244", "245", "246", "247"), align.length > 0)) parts.push(stryMutAct_9fa48("248") ? `` : (stryCov_9fa48("248"), `<Alignment ${align.join(stryMutAct_9fa48("249") ? "" : (stryCov_9fa48("249"), " "))}/>`));
    if (stryMutAct_9fa48("252") ? style.border === "thin" && style.border === "medium" : stryMutAct_9fa48("251") ? false : stryMutAct_9fa48("250") ? true : (stryCov_9fa48("250", "251", "252"), (stryMutAct_9fa48("254") ? style.border !== "thin" : stryMutAct_9fa48("253") ? false : (stryCov_9fa48("253", "254"), style.border === (stryMutAct_9fa48("255") ? "" : (stryCov_9fa48("255"), "thin")))) || (stryMutAct_9fa48("257") ? style.border !== "medium" : stryMutAct_9fa48("256") ? false : (stryCov_9fa48("256", "257"), style.border === (stryMutAct_9fa48("258") ? "" : (stryCov_9fa48("258"), "medium")))))) {
      if (stryMutAct_9fa48("259")) {
        {}
      } else {
        stryCov_9fa48("259");
        const w = BORDER_WEIGHT[style.border];
        parts.push(stryMutAct_9fa48("260") ? `` : (stryCov_9fa48("260"), `<Borders>${(stryMutAct_9fa48("261") ? [] : (stryCov_9fa48("261"), [stryMutAct_9fa48("262") ? "" : (stryCov_9fa48("262"), "Left"), stryMutAct_9fa48("263") ? "" : (stryCov_9fa48("263"), "Top"), stryMutAct_9fa48("264") ? "" : (stryCov_9fa48("264"), "Right"), stryMutAct_9fa48("265") ? "" : (stryCov_9fa48("265"), "Bottom")])).map(stryMutAct_9fa48("266") ? () => undefined : (stryCov_9fa48("266"), p => stryMutAct_9fa48("267") ? `` : (stryCov_9fa48("267"), `<Border ss:Position="${p}" ss:LineStyle="Continuous" ss:Weight="${w}"/>`))).join(stryMutAct_9fa48("268") ? "Stryker was here!" : (stryCov_9fa48("268"), ""))}</Borders>`));
      }
    }
    const font: string[] = stryMutAct_9fa48("269") ? ["Stryker was here"] : (stryCov_9fa48("269"), []);
    if (stryMutAct_9fa48("272") ? style.bold !== true : stryMutAct_9fa48("271") ? false : stryMutAct_9fa48("270") ? true : (stryCov_9fa48("270", "271", "272"), style.bold === (stryMutAct_9fa48("273") ? false : (stryCov_9fa48("273"), true)))) font.push(stryMutAct_9fa48("274") ? `` : (stryCov_9fa48("274"), `ss:Bold="1"`));
    if (stryMutAct_9fa48("277") ? style.italic !== true : stryMutAct_9fa48("276") ? false : stryMutAct_9fa48("275") ? true : (stryCov_9fa48("275", "276", "277"), style.italic === (stryMutAct_9fa48("278") ? false : (stryCov_9fa48("278"), true)))) font.push(stryMutAct_9fa48("279") ? `` : (stryCov_9fa48("279"), `ss:Italic="1"`));
    if (stryMutAct_9fa48("282") ? style.fontSize === undefined : stryMutAct_9fa48("281") ? false : stryMutAct_9fa48("280") ? true : (stryCov_9fa48("280", "281", "282"), style.fontSize !== undefined)) font.push(stryMutAct_9fa48("283") ? `` : (stryCov_9fa48("283"), `ss:Size="${style.fontSize}"`));
    if (stryMutAct_9fa48("286") ? style.fontColor === undefined : stryMutAct_9fa48("285") ? false : stryMutAct_9fa48("284") ? true : (stryCov_9fa48("284", "285", "286"), style.fontColor !== undefined)) font.push(stryMutAct_9fa48("287") ? `` : (stryCov_9fa48("287"), `ss:Color="${colour(style.fontColor)}"`));
    if (stryMutAct_9fa48("291") ? font.length <= 0 : stryMutAct_9fa48("290") ? font.length >= 0 : stryMutAct_9fa48("289") ? false : stryMutAct_9fa48("288") ? true : (stryCov_9fa48("288", "289", "290", "291"), font.length > 0)) parts.push(stryMutAct_9fa48("292") ? `` : (stryCov_9fa48("292"), `<Font ${font.join(stryMutAct_9fa48("293") ? "" : (stryCov_9fa48("293"), " "))}/>`));
    if (stryMutAct_9fa48("296") ? style.fill === undefined : stryMutAct_9fa48("295") ? false : stryMutAct_9fa48("294") ? true : (stryCov_9fa48("294", "295", "296"), style.fill !== undefined)) parts.push(stryMutAct_9fa48("297") ? `` : (stryCov_9fa48("297"), `<Interior ss:Color="${colour(style.fill)}" ss:Pattern="Solid"/>`));
    if (stryMutAct_9fa48("300") ? numberFormat !== undefined || numberFormat !== "General" : stryMutAct_9fa48("299") ? false : stryMutAct_9fa48("298") ? true : (stryCov_9fa48("298", "299", "300"), (stryMutAct_9fa48("302") ? numberFormat === undefined : stryMutAct_9fa48("301") ? true : (stryCov_9fa48("301", "302"), numberFormat !== undefined)) && (stryMutAct_9fa48("304") ? numberFormat === "General" : stryMutAct_9fa48("303") ? true : (stryCov_9fa48("303", "304"), numberFormat !== (stryMutAct_9fa48("305") ? "" : (stryCov_9fa48("305"), "General")))))) parts.push(stryMutAct_9fa48("306") ? `` : (stryCov_9fa48("306"), `<NumberFormat ss:Format="${escapeXml(numberFormat)}"/>`));
    return parts.join(stryMutAct_9fa48("307") ? "Stryker was here!" : (stryCov_9fa48("307"), ""));
  }
}

/** What a cell looks like where it can be seen in a merged area it does not start: its border and fill. */
const visibleInMerge = stryMutAct_9fa48("308") ? () => undefined : (stryCov_9fa48("308"), (() => {
  const visibleInMerge = (c: PlannedCell | undefined) => JSON.stringify(stryMutAct_9fa48("309") ? [] : (stryCov_9fa48("309"), [(stryMutAct_9fa48("312") ? c?.style.border !== "none" : stryMutAct_9fa48("311") ? false : stryMutAct_9fa48("310") ? true : (stryCov_9fa48("310", "311", "312"), (stryMutAct_9fa48("313") ? c.style.border : (stryCov_9fa48("313"), c?.style.border)) === (stryMutAct_9fa48("314") ? "" : (stryCov_9fa48("314"), "none")))) ? undefined : stryMutAct_9fa48("315") ? c.style.border : (stryCov_9fa48("315"), c?.style.border), stryMutAct_9fa48("316") ? c.style.fill : (stryCov_9fa48("316"), c?.style.fill)]));
  return visibleInMerge;
})());

/**
 * The sheet's cells as one XML Spreadsheet, or null when the text cannot say what the documented
 * path would write: a merged area whose covered cells are drawn otherwise than its first cell (a
 * border or fill of their own; a merged cell has one style in the text), a cell a merged area
 * covers holding a value, or a character XML cannot carry.
 */
export function sheetXml(spec: SheetSpec): SheetXml | null {
  if (stryMutAct_9fa48("317")) {
    {}
  } else {
    stryCov_9fa48("317");
    const cells = plannedCells(spec.cells);
    const at = new Map(cells.map(stryMutAct_9fa48("318") ? () => undefined : (stryCov_9fa48("318"), c => stryMutAct_9fa48("319") ? [] : (stryCov_9fa48("319"), [stryMutAct_9fa48("320") ? `` : (stryCov_9fa48("320"), `${c.row},${c.col}`), c]))));
    const merges: MergedRange[] = spec.merges.map(m => {
      if (stryMutAct_9fa48("321")) {
        {}
      } else {
        stryCov_9fa48("321");
        const [from = stryMutAct_9fa48("322") ? "Stryker was here!" : (stryCov_9fa48("322"), ""), to = from] = m.replace(/\$/g, stryMutAct_9fa48("323") ? "Stryker was here!" : (stryCov_9fa48("323"), "")).split(stryMutAct_9fa48("324") ? "" : (stryCov_9fa48("324"), ":"));
        const a = parseA1(from);
        const b = parseA1(to);
        return stryMutAct_9fa48("325") ? {} : (stryCov_9fa48("325"), {
          top: stryMutAct_9fa48("326") ? Math.max(a.row, b.row) : (stryCov_9fa48("326"), Math.min(a.row, b.row)),
          left: stryMutAct_9fa48("327") ? Math.max(a.col, b.col) : (stryCov_9fa48("327"), Math.min(a.col, b.col)),
          bottom: stryMutAct_9fa48("328") ? Math.min(a.row, b.row) : (stryCov_9fa48("328"), Math.max(a.row, b.row)),
          right: stryMutAct_9fa48("329") ? Math.min(a.col, b.col) : (stryCov_9fa48("329"), Math.max(a.col, b.col))
        });
      }
    });
    const mergeAt = new Map<string, MergedRange>();
    const covered = new Set<string>();
    for (const m of merges) {
      if (stryMutAct_9fa48("330")) {
        {}
      } else {
        stryCov_9fa48("330");
        const first = at.get(stryMutAct_9fa48("331") ? `` : (stryCov_9fa48("331"), `${m.top},${m.left}`));
        mergeAt.set(stryMutAct_9fa48("332") ? `` : (stryCov_9fa48("332"), `${m.top},${m.left}`), m);
        for (let r = m.top; stryMutAct_9fa48("335") ? r > m.bottom : stryMutAct_9fa48("334") ? r < m.bottom : stryMutAct_9fa48("333") ? false : (stryCov_9fa48("333", "334", "335"), r <= m.bottom); stryMutAct_9fa48("336") ? r-- : (stryCov_9fa48("336"), r++)) {
          if (stryMutAct_9fa48("337")) {
            {}
          } else {
            stryCov_9fa48("337");
            for (let c = m.left; stryMutAct_9fa48("340") ? c > m.right : stryMutAct_9fa48("339") ? c < m.right : stryMutAct_9fa48("338") ? false : (stryCov_9fa48("338", "339", "340"), c <= m.right); stryMutAct_9fa48("341") ? c-- : (stryCov_9fa48("341"), c++)) {
              if (stryMutAct_9fa48("342")) {
                {}
              } else {
                stryCov_9fa48("342");
                if (stryMutAct_9fa48("345") ? r === m.top || c === m.left : stryMutAct_9fa48("344") ? false : stryMutAct_9fa48("343") ? true : (stryCov_9fa48("343", "344", "345"), (stryMutAct_9fa48("347") ? r !== m.top : stryMutAct_9fa48("346") ? true : (stryCov_9fa48("346", "347"), r === m.top)) && (stryMutAct_9fa48("349") ? c !== m.left : stryMutAct_9fa48("348") ? true : (stryCov_9fa48("348", "349"), c === m.left)))) continue;
                const k = stryMutAct_9fa48("350") ? `` : (stryCov_9fa48("350"), `${r},${c}`);
                const cell = at.get(k);
                if (stryMutAct_9fa48("353") ? cell || cell.value !== null || cell.formula !== undefined : stryMutAct_9fa48("352") ? false : stryMutAct_9fa48("351") ? true : (stryCov_9fa48("351", "352", "353"), cell && (stryMutAct_9fa48("355") ? cell.value !== null && cell.formula !== undefined : stryMutAct_9fa48("354") ? true : (stryCov_9fa48("354", "355"), (stryMutAct_9fa48("357") ? cell.value === null : stryMutAct_9fa48("356") ? false : (stryCov_9fa48("356", "357"), cell.value !== null)) || (stryMutAct_9fa48("359") ? cell.formula === undefined : stryMutAct_9fa48("358") ? false : (stryCov_9fa48("358", "359"), cell.formula !== undefined)))))) return null;
                if (stryMutAct_9fa48("362") ? visibleInMerge(cell) === visibleInMerge(first) : stryMutAct_9fa48("361") ? false : stryMutAct_9fa48("360") ? true : (stryCov_9fa48("360", "361", "362"), visibleInMerge(cell) !== visibleInMerge(first))) return null;
                covered.add(k);
              }
            }
          }
        }
      }
    }
    // A formula set after the text into a cell the text made "@" would be kept as text.
    if (stryMutAct_9fa48("365") ? cells.every(c => c.formula !== undefined && c.numberFormat === "@") : stryMutAct_9fa48("364") ? false : stryMutAct_9fa48("363") ? true : (stryCov_9fa48("363", "364", "365"), cells.some(stryMutAct_9fa48("366") ? () => undefined : (stryCov_9fa48("366"), c => stryMutAct_9fa48("369") ? c.formula !== undefined || c.numberFormat === "@" : stryMutAct_9fa48("368") ? false : stryMutAct_9fa48("367") ? true : (stryCov_9fa48("367", "368", "369"), (stryMutAct_9fa48("371") ? c.formula === undefined : stryMutAct_9fa48("370") ? true : (stryCov_9fa48("370", "371"), c.formula !== undefined)) && (stryMutAct_9fa48("373") ? c.numberFormat !== "@" : stryMutAct_9fa48("372") ? true : (stryCov_9fa48("372", "373"), c.numberFormat === (stryMutAct_9fa48("374") ? "" : (stryCov_9fa48("374"), "@"))))))))) return null;
    const heights = new Map<number, number>();
    for (const [row, h] of Object.entries(stryMutAct_9fa48("375") ? spec.rowHeights && {} : (stryCov_9fa48("375"), spec.rowHeights ?? {}))) heights.set(Number(row), h);
    let rows = 1;
    let cols = 1;
    for (const c of cells) {
      if (stryMutAct_9fa48("376")) {
        {}
      } else {
        stryCov_9fa48("376");
        rows = stryMutAct_9fa48("377") ? Math.min(rows, c.row) : (stryCov_9fa48("377"), Math.max(rows, c.row));
        cols = stryMutAct_9fa48("378") ? Math.min(cols, c.col) : (stryCov_9fa48("378"), Math.max(cols, c.col));
      }
    }
    for (const m of merges) {
      if (stryMutAct_9fa48("379")) {
        {}
      } else {
        stryCov_9fa48("379");
        rows = stryMutAct_9fa48("380") ? Math.min(rows, m.bottom) : (stryCov_9fa48("380"), Math.max(rows, m.bottom));
        cols = stryMutAct_9fa48("381") ? Math.min(cols, m.right) : (stryCov_9fa48("381"), Math.max(cols, m.right));
      }
    }
    for (const r of heights.keys()) rows = stryMutAct_9fa48("382") ? Math.min(rows, r) : (stryCov_9fa48("382"), Math.max(rows, r));
    const styleIds = new Map<string, string>();
    const styles: string[] = stryMutAct_9fa48("383") ? ["Stryker was here"] : (stryCov_9fa48("383"), []);
    const styleOf = (c: PlannedCell): string | undefined => {
      if (stryMutAct_9fa48("384")) {
        {}
      } else {
        stryCov_9fa48("384");
        const body = styleBody(c.style, c.numberFormat);
        if (stryMutAct_9fa48("387") ? body !== "" : stryMutAct_9fa48("386") ? false : stryMutAct_9fa48("385") ? true : (stryCov_9fa48("385", "386", "387"), body === (stryMutAct_9fa48("388") ? "Stryker was here!" : (stryCov_9fa48("388"), "")))) return undefined;
        let id = styleIds.get(body);
        if (stryMutAct_9fa48("391") ? id !== undefined : stryMutAct_9fa48("390") ? false : stryMutAct_9fa48("389") ? true : (stryCov_9fa48("389", "390", "391"), id === undefined)) {
          if (stryMutAct_9fa48("392")) {
            {}
          } else {
            stryCov_9fa48("392");
            id = stryMutAct_9fa48("393") ? `` : (stryCov_9fa48("393"), `s${stryMutAct_9fa48("394") ? styleIds.size - 1 : (stryCov_9fa48("394"), styleIds.size + 1)}`);
            styleIds.set(body, id);
            styles.push(stryMutAct_9fa48("395") ? `` : (stryCov_9fa48("395"), `<Style ss:ID="${id}">${body}</Style>`));
          }
        }
        return id;
      }
    };
    const byRow = new Map<number, PlannedCell[]>();
    for (const c of cells) {
      if (stryMutAct_9fa48("396")) {
        {}
      } else {
        stryCov_9fa48("396");
        if (stryMutAct_9fa48("398") ? false : stryMutAct_9fa48("397") ? true : (stryCov_9fa48("397", "398"), covered.has(stryMutAct_9fa48("399") ? `` : (stryCov_9fa48("399"), `${c.row},${c.col}`)))) continue;
        const list = stryMutAct_9fa48("400") ? byRow.get(c.row) && [] : (stryCov_9fa48("400"), byRow.get(c.row) ?? (stryMutAct_9fa48("401") ? ["Stryker was here"] : (stryCov_9fa48("401"), [])));
        list.push(c);
        byRow.set(c.row, list);
      }
    }
    for (const m of merges) {
      if (stryMutAct_9fa48("402")) {
        {}
      } else {
        stryCov_9fa48("402");
        // A merged area whose first cell the spec leaves out is still written (its extent is the merge).
        if (stryMutAct_9fa48("405") ? false : stryMutAct_9fa48("404") ? true : stryMutAct_9fa48("403") ? at.has(`${m.top},${m.left}`) : (stryCov_9fa48("403", "404", "405"), !at.has(stryMutAct_9fa48("406") ? `` : (stryCov_9fa48("406"), `${m.top},${m.left}`)))) {
          if (stryMutAct_9fa48("407")) {
            {}
          } else {
            stryCov_9fa48("407");
            const list = stryMutAct_9fa48("408") ? byRow.get(m.top) && [] : (stryCov_9fa48("408"), byRow.get(m.top) ?? (stryMutAct_9fa48("409") ? ["Stryker was here"] : (stryCov_9fa48("409"), [])));
            list.push(stryMutAct_9fa48("410") ? {} : (stryCov_9fa48("410"), {
              row: m.top,
              col: m.left,
              value: null,
              style: {}
            }));
            byRow.set(m.top, list);
          }
        }
      }
    }
    const rowNumbers = stryMutAct_9fa48("411") ? [...new Set([...byRow.keys(), ...heights.keys()])] : (stryCov_9fa48("411"), (stryMutAct_9fa48("412") ? [] : (stryCov_9fa48("412"), [...new Set(stryMutAct_9fa48("413") ? [] : (stryCov_9fa48("413"), [...byRow.keys(), ...heights.keys()]))])).sort(stryMutAct_9fa48("414") ? () => undefined : (stryCov_9fa48("414"), (a, b) => stryMutAct_9fa48("415") ? a + b : (stryCov_9fa48("415"), a - b))));
    const out: string[] = stryMutAct_9fa48("416") ? ["Stryker was here"] : (stryCov_9fa48("416"), []);
    let lastRow = 0;
    for (const r of rowNumbers) {
      if (stryMutAct_9fa48("417")) {
        {}
      } else {
        stryCov_9fa48("417");
        const attrs: string[] = stryMutAct_9fa48("418") ? ["Stryker was here"] : (stryCov_9fa48("418"), []);
        if (stryMutAct_9fa48("421") ? r === lastRow + 1 : stryMutAct_9fa48("420") ? false : stryMutAct_9fa48("419") ? true : (stryCov_9fa48("419", "420", "421"), r !== (stryMutAct_9fa48("422") ? lastRow - 1 : (stryCov_9fa48("422"), lastRow + 1)))) attrs.push(stryMutAct_9fa48("423") ? `` : (stryCov_9fa48("423"), `ss:Index="${r}"`));
        const h = heights.get(r);
        if (stryMutAct_9fa48("426") ? h === undefined : stryMutAct_9fa48("425") ? false : stryMutAct_9fa48("424") ? true : (stryCov_9fa48("424", "425", "426"), h !== undefined)) attrs.push(stryMutAct_9fa48("427") ? `` : (stryCov_9fa48("427"), `ss:AutoFitHeight="0" ss:Height="${h}"`));
        const cellsOut: string[] = stryMutAct_9fa48("428") ? ["Stryker was here"] : (stryCov_9fa48("428"), []);
        let next = 1;
        for (const c of stryMutAct_9fa48("429") ? byRow.get(r) ?? [] : (stryCov_9fa48("429"), (stryMutAct_9fa48("430") ? byRow.get(r) && [] : (stryCov_9fa48("430"), byRow.get(r) ?? (stryMutAct_9fa48("431") ? ["Stryker was here"] : (stryCov_9fa48("431"), [])))).sort(stryMutAct_9fa48("432") ? () => undefined : (stryCov_9fa48("432"), (a, b) => stryMutAct_9fa48("433") ? a.col + b.col : (stryCov_9fa48("433"), a.col - b.col))))) {
          if (stryMutAct_9fa48("434")) {
            {}
          } else {
            stryCov_9fa48("434");
            const cellAttrs: string[] = stryMutAct_9fa48("435") ? ["Stryker was here"] : (stryCov_9fa48("435"), []);
            if (stryMutAct_9fa48("438") ? c.col === next : stryMutAct_9fa48("437") ? false : stryMutAct_9fa48("436") ? true : (stryCov_9fa48("436", "437", "438"), c.col !== next)) cellAttrs.push(stryMutAct_9fa48("439") ? `` : (stryCov_9fa48("439"), `ss:Index="${c.col}"`));
            const m = mergeAt.get(stryMutAct_9fa48("440") ? `` : (stryCov_9fa48("440"), `${c.row},${c.col}`));
            if (stryMutAct_9fa48("443") ? m || m.right > m.left : stryMutAct_9fa48("442") ? false : stryMutAct_9fa48("441") ? true : (stryCov_9fa48("441", "442", "443"), m && (stryMutAct_9fa48("446") ? m.right <= m.left : stryMutAct_9fa48("445") ? m.right >= m.left : stryMutAct_9fa48("444") ? true : (stryCov_9fa48("444", "445", "446"), m.right > m.left)))) cellAttrs.push(stryMutAct_9fa48("447") ? `` : (stryCov_9fa48("447"), `ss:MergeAcross="${stryMutAct_9fa48("448") ? m.right + m.left : (stryCov_9fa48("448"), m.right - m.left)}"`));
            if (stryMutAct_9fa48("451") ? m || m.bottom > m.top : stryMutAct_9fa48("450") ? false : stryMutAct_9fa48("449") ? true : (stryCov_9fa48("449", "450", "451"), m && (stryMutAct_9fa48("454") ? m.bottom <= m.top : stryMutAct_9fa48("453") ? m.bottom >= m.top : stryMutAct_9fa48("452") ? true : (stryCov_9fa48("452", "453", "454"), m.bottom > m.top)))) cellAttrs.push(stryMutAct_9fa48("455") ? `` : (stryCov_9fa48("455"), `ss:MergeDown="${stryMutAct_9fa48("456") ? m.bottom + m.top : (stryCov_9fa48("456"), m.bottom - m.top)}"`));
            const id = styleOf(c);
            if (stryMutAct_9fa48("459") ? id === undefined : stryMutAct_9fa48("458") ? false : stryMutAct_9fa48("457") ? true : (stryCov_9fa48("457", "458", "459"), id !== undefined)) cellAttrs.push(stryMutAct_9fa48("460") ? `` : (stryCov_9fa48("460"), `ss:StyleID="${id}"`));
            let data = stryMutAct_9fa48("461") ? "Stryker was here!" : (stryCov_9fa48("461"), "");
            // (An empty text is an empty cell, as Value2 = "" makes it.)
            if (stryMutAct_9fa48("464") ? c.formula === undefined && c.value !== null || c.value !== "" : stryMutAct_9fa48("463") ? false : stryMutAct_9fa48("462") ? true : (stryCov_9fa48("462", "463", "464"), (stryMutAct_9fa48("466") ? c.formula === undefined || c.value !== null : stryMutAct_9fa48("465") ? true : (stryCov_9fa48("465", "466"), (stryMutAct_9fa48("468") ? c.formula !== undefined : stryMutAct_9fa48("467") ? true : (stryCov_9fa48("467", "468"), c.formula === undefined)) && (stryMutAct_9fa48("470") ? c.value === null : stryMutAct_9fa48("469") ? true : (stryCov_9fa48("469", "470"), c.value !== null)))) && (stryMutAct_9fa48("472") ? c.value === "" : stryMutAct_9fa48("471") ? true : (stryCov_9fa48("471", "472"), c.value !== (stryMutAct_9fa48("473") ? "Stryker was here!" : (stryCov_9fa48("473"), "")))))) {
              if (stryMutAct_9fa48("474")) {
                {}
              } else {
                stryCov_9fa48("474");
                const v = c.value;
                if (stryMutAct_9fa48("477") ? typeof v === "string" || NOT_XML.test(v) : stryMutAct_9fa48("476") ? false : stryMutAct_9fa48("475") ? true : (stryCov_9fa48("475", "476", "477"), (stryMutAct_9fa48("479") ? typeof v !== "string" : stryMutAct_9fa48("478") ? true : (stryCov_9fa48("478", "479"), typeof v === (stryMutAct_9fa48("480") ? "" : (stryCov_9fa48("480"), "string")))) && NOT_XML.test(v))) return null;
                const [type, text] = (stryMutAct_9fa48("483") ? typeof v !== "number" : stryMutAct_9fa48("482") ? false : stryMutAct_9fa48("481") ? true : (stryCov_9fa48("481", "482", "483"), typeof v === (stryMutAct_9fa48("484") ? "" : (stryCov_9fa48("484"), "number")))) ? stryMutAct_9fa48("485") ? [] : (stryCov_9fa48("485"), [stryMutAct_9fa48("486") ? "" : (stryCov_9fa48("486"), "Number"), String(v)]) : (stryMutAct_9fa48("489") ? typeof v !== "boolean" : stryMutAct_9fa48("488") ? false : stryMutAct_9fa48("487") ? true : (stryCov_9fa48("487", "488", "489"), typeof v === (stryMutAct_9fa48("490") ? "" : (stryCov_9fa48("490"), "boolean")))) ? stryMutAct_9fa48("491") ? [] : (stryCov_9fa48("491"), [stryMutAct_9fa48("492") ? "" : (stryCov_9fa48("492"), "Boolean"), v ? stryMutAct_9fa48("493") ? "" : (stryCov_9fa48("493"), "1") : stryMutAct_9fa48("494") ? "" : (stryCov_9fa48("494"), "0")]) : stryMutAct_9fa48("495") ? [] : (stryCov_9fa48("495"), [stryMutAct_9fa48("496") ? "" : (stryCov_9fa48("496"), "String"), escapeXml(v)]);
                data = stryMutAct_9fa48("497") ? `` : (stryCov_9fa48("497"), `<Data ss:Type="${type}">${text}</Data>`);
              }
            }
            cellsOut.push(stryMutAct_9fa48("498") ? `` : (stryCov_9fa48("498"), `<Cell${(stryMutAct_9fa48("502") ? cellAttrs.length <= 0 : stryMutAct_9fa48("501") ? cellAttrs.length >= 0 : stryMutAct_9fa48("500") ? false : stryMutAct_9fa48("499") ? true : (stryCov_9fa48("499", "500", "501", "502"), cellAttrs.length > 0)) ? stryMutAct_9fa48("503") ? `` : (stryCov_9fa48("503"), ` ${cellAttrs.join(stryMutAct_9fa48("504") ? "" : (stryCov_9fa48("504"), " "))}`) : stryMutAct_9fa48("505") ? "Stryker was here!" : (stryCov_9fa48("505"), "")}>${data}</Cell>`));
            next = stryMutAct_9fa48("506") ? c.col + (m ? m.right - m.left : 0) - 1 : (stryCov_9fa48("506"), (stryMutAct_9fa48("507") ? c.col - (m ? m.right - m.left : 0) : (stryCov_9fa48("507"), c.col + (m ? stryMutAct_9fa48("508") ? m.right + m.left : (stryCov_9fa48("508"), m.right - m.left) : 0))) + 1);
          }
        }
        out.push(stryMutAct_9fa48("509") ? `` : (stryCov_9fa48("509"), `<Row${(stryMutAct_9fa48("513") ? attrs.length <= 0 : stryMutAct_9fa48("512") ? attrs.length >= 0 : stryMutAct_9fa48("511") ? false : stryMutAct_9fa48("510") ? true : (stryCov_9fa48("510", "511", "512", "513"), attrs.length > 0)) ? stryMutAct_9fa48("514") ? `` : (stryCov_9fa48("514"), ` ${attrs.join(stryMutAct_9fa48("515") ? "" : (stryCov_9fa48("515"), " "))}`) : stryMutAct_9fa48("516") ? "Stryker was here!" : (stryCov_9fa48("516"), "")}>${cellsOut.join(stryMutAct_9fa48("517") ? "Stryker was here!" : (stryCov_9fa48("517"), ""))}</Row>`));
        lastRow = r;
      }
    }
    const xml = (stryMutAct_9fa48("518") ? `` : (stryCov_9fa48("518"), `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n`)) + (stryMutAct_9fa48("519") ? `` : (stryCov_9fa48("519"), `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">`)) + (stryMutAct_9fa48("520") ? `` : (stryCov_9fa48("520"), `<Styles>${styles.join(stryMutAct_9fa48("521") ? "Stryker was here!" : (stryCov_9fa48("521"), ""))}</Styles>`)) + (stryMutAct_9fa48("522") ? `` : (stryCov_9fa48("522"), `<Worksheet ss:Name="${escapeXml(spec.name)}"><Table ss:ExpandedColumnCount="${cols}" ss:ExpandedRowCount="${rows}">${out.join(stryMutAct_9fa48("523") ? "Stryker was here!" : (stryCov_9fa48("523"), ""))}</Table></Worksheet></Workbook>`));
    return stryMutAct_9fa48("524") ? {} : (stryCov_9fa48("524"), {
      xml,
      address: stryMutAct_9fa48("525") ? `` : (stryCov_9fa48("525"), `A1:${columnLetter(cols)}${rows}`),
      rows,
      cols,
      cells,
      merges,
      heights: stryMutAct_9fa48("526") ? rowNumbers.map(row => ({
        row,
        size: heights.get(row) as number
      })) : (stryCov_9fa48("526"), rowNumbers.filter(stryMutAct_9fa48("527") ? () => undefined : (stryCov_9fa48("527"), r => heights.has(r))).map(stryMutAct_9fa48("528") ? () => undefined : (stryCov_9fa48("528"), row => stryMutAct_9fa48("529") ? {} : (stryCov_9fa48("529"), {
        row,
        size: heights.get(row) as number
      })))),
      formulaCells: stryMutAct_9fa48("530") ? cells : (stryCov_9fa48("530"), cells.filter(stryMutAct_9fa48("531") ? () => undefined : (stryCov_9fa48("531"), c => stryMutAct_9fa48("534") ? c.formula === undefined : stryMutAct_9fa48("533") ? false : stryMutAct_9fa48("532") ? true : (stryCov_9fa48("532", "533", "534"), c.formula !== undefined))))
    });
  }
}