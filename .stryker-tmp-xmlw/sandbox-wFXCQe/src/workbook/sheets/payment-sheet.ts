/**
 * 付款结算: the sheet both parties sign for each instalment (SPEC §4). The product owns it and
 * replaces it whole. Every number on it is the engine's (settle(), forecastInstalment()); the only
 * fixed words are labels and the contract's own clauses, quoted.
 *
 * Layout:
 *   A–G  the printed form: header (contract, parties, total, rule set), one block per instalment,
 *        warnings, totals with both parties' signature blocks (经办人, 审核人, 负责人, 日期). A4
 *        portrait at 100 % (A–G fit the width; the smallest text, 9 pt, prints at 9 pt), rows 1–2
 *        repeated on every page, manual page breaks between blocks only, the totals and both
 *        signature blocks on one page (formPrintSetup, print-layout.ts);
 *   I–L  beside it, for the screen only (outside the print area): the monthly overview (12 months,
 *        highlighted below the threshold), the period averages, a forecast line per instalment, and
 *        the place of the native line chart; below the form, the note on how the sheet is made.
 *
 * Dates are written as Excel serial numbers with the "yyyy-mm-dd" format (not ISO text): they stay
 * dates for the clerk (sorting, filters, date arithmetic), Excel and LibreOffice show them the same
 * way in every locale, and the serial is computed from the ISO date by day arithmetic — no time zone.
 * Amounts are numbers with "¥#,##0.00", so the sheet can be summed and audited.
 */
// @ts-nocheck

import {
  compareKeys,
  capitalAmount,
  daysBetween,
  dec,
  Dec,
  describeOptionChanges,
  fixed2,
  IsoDate,
  MonthKey,
  monthLabel,
  monthRange,
  Problem,
  RuleSet,
  Settlement,
  STEP_MODE_LABELS,
  InstalmentSettlement,
  InstalmentTerms,
  instalmentAmount,
  yuanText,
  defaultRules,
} from "../../domain";
import { forecastInstalment, forecastText } from "../../domain/forecast";
import { a1, CellStyle, CellWrite, columnLetter, ConditionalHighlight, parseA1, PrintSetup, SheetSpec } from "../model";
import { fitRowHeight } from "./excel-limits";
import { DEFAULT_ROW_POINTS, planRowBreaks, printablePoints, RowBlock, scaleOf } from "./print-layout";

export const PAYMENT_SHEET_NAME = "付款结算";
export const MONEY_FORMAT = "¥#,##0.00";
export const SCORE_FORMAT = "0.00";
export const DATE_FORMAT = "yyyy-mm-dd";
/** The signature lines under each party's seal, in order (then 日期). */
export const SIGNATURE_ROLES: readonly string[] = ["经办人", "审核人", "负责人"];
/** The printed form's columns: A–G (the overview and chart in I–L are for the screen). */
export const FORM_COLUMNS = { first: "A", last: "G" } as const;
/** The print scale (percent): the form's A–G fit A4's width at 100 %, so no text is printed below its size (9 pt the smallest). */
export const PRINT_SCALE = 100;
const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 };

/** The contract's parties and name (contract cover page); by default the rule set's (合同信息, SPEC §9). */
export interface ContractIdentity {
  name: string;
  partyA: string;
  partyB: string;
}

/**
 * The seed contract's words, quoted beside the computed figures (§十(二) and §五(四)). The payment
 * clauses are quoted only for the seed contract's own instalments; another contract's instalment
 * quotes its 付款条件 from 付款条款.
 */
export const CONTRACT_CLAUSES: { payment: Record<number, string>; latePayment: string } = {
  payment: {
    1: "合同§十(二)1：「合同签订后的一个月内，乙方向甲方提供第一次付款等额的税务发票，甲方收到乙方提供的发票后的10个工作日内甲方向乙方支付项目启动资金，即项目中标金额总价款40%」",
    2: "合同§十(二)2：「实际支付费用以《陕西省公安厅出入境管理局12367服务热线质量考核细则》2024年12月至2025年5月平均得分结果为准，95分及以上全额结算，95分以下每低1分按照季度服务费0.5%扣除。乙方向甲方提供第二次付款等额的税务发票，30个工作日内甲方向乙方支付合同总价款的50%」",
    3: "合同§十(二)3：「服务期满次月，实际支付费用以《陕西省公安厅出入境管理局12367服务热线质量考核细则》2025年6月至2025年11月平均得分结果为准，95分及以上全额结算，95分以下每低1分按照季度服务费0.5%扣除。乙方向甲方提供第三次付款等额的税务发票，30个工作日内甲方向乙方支付合同总价款的10%」",
  },
  latePayment:
    "合同§五(四)：「甲方不得迟延支付款项，否则每迟延一天按照未付款项的 3% 向乙方支付违约金；迟延超过三十天的，乙方有权解除合同并要求甲方支付合同款项的 10% 作为违约金。」",
};

export interface PaymentSheetInput {
  /** settle()'s result; null (a scored month missing) is refused: the caller does not write the sheet then. */
  settlement: Settlement | null;
  /** Every month's 考核得分 (null = not scored), for the overview. */
  monthTotals: Readonly<Record<MonthKey, Dec | null>>;
  /** Season and settlement warnings, zh-CN messages; the money-relevant ones are listed on the sheet. */
  warnings: readonly Problem[];
  rules: RuleSet;
  /** "Today": days late of unpaid instalments count to here. */
  asOf: IsoDate;
  /** Shown as written ("2025-12-05 14:30"); the builder reads no clock. */
  generatedAt?: string;
  /** The contract's name and parties; default: the rule set's (rules.contract). */
  contract?: ContractIdentity;
}

/**
 * Warning codes of the engine listed on the sheet as given (their facts cost money later).
 * Months below the threshold and late payments are listed too, but from the settlement's own
 * figures, so the engine's "below-threshold" / "payment-late" / "payment-overdue-30" are not repeated.
 */
export const LISTED_WARNING_CODES: readonly string[] = ["quarterly-turnover", "bonus-kept-at-zero", "early-invoice", "paid-without-invoice", "agreed-score", "agreed-score-overrides"];
const DERIVED_WARNING_CODES = new Set(["below-threshold", "payment-late", "payment-overdue-30"]);

/** Excel serial day number of an ISO date (1900 date system; 1899-12-30 is day 0). */
export function excelSerial(date: IsoDate): number {
  return daysBetween("1899-12-30", date);
}

const COLUMN_WIDTHS: Record<string, number> = { A: 12, B: 13, C: 13, D: 15, E: 13, F: 13, G: 13, H: 2, I: 12, J: 9, K: 7, L: 7 };

const COLORS = {
  title: "#1F4E78",
  blockFill: "#DDEBF7",
  labelFill: "#F2F2F2",
  warnFill: "#FFF2CC",
  badFill: "#FFC7CE",
  badFont: "#9C0006",
  alertFill: "#C00000",
  white: "#FFFFFF",
  quote: "#404040",
};

const LABEL: CellStyle = { bold: true, fill: COLORS.labelFill, border: "thin", vertical: "middle", horizontal: "left", wrap: true };
const VALUE: CellStyle = { border: "thin", vertical: "middle", wrap: true };
const NUMBER: CellStyle = { border: "thin", vertical: "middle", horizontal: "right" };
const QUOTE: CellStyle = { border: "thin", vertical: "top", wrap: true, fontSize: 10, fontColor: COLORS.quote };

/** Display width of text in Excel column units: a CJK or full-width character is a little over two (Calibri 11 units). */
function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += isWide(ch.charCodeAt(0), ch.length) ? 2.2 : 1;
  return units;
}

/**
 * Hangul Jamo, CJK (U+2E80–U+A4CF, which holds 「」、。), Hangul syllables, CJK compatibility
 * ideographs, CJK compatibility forms and the full-width forms (which hold ，；：（）). A character
 * outside the basic plane (two code units, both surrogates) is in none of them.
 */
function isWide(code: number, length: number): boolean {
  if (length !== 1) return false;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

function spanWidth(range: string): number {
  const [from, to] = range.split(":");
  const a = parseA1(from ?? "A1");
  const b = parseA1(to ?? from ?? "A1");
  let width = 0;
  for (let c = a.col; c <= b.col; c++) width += COLUMN_WIDTHS[columnLetter(c)] ?? 9;
  return width;
}

class Builder {
  readonly cells: CellWrite[] = [];
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};
  readonly highlights: ConditionalHighlight[] = [];

  put(address: string, value: string | number | null, style: CellStyle = VALUE, numberFormat?: string): void {
    const write: CellWrite = { address, value, style };
    if (numberFormat !== undefined) write.numberFormat = numberFormat;
    this.cells.push(write);
  }

  /** A merged range: the value in its top-left cell, the style on every cell (borders all round). */
  span(range: string, value: string | number | null, style: CellStyle = VALUE, numberFormat?: string): void {
    const [from, to] = range.split(":");
    if (!from || !to || from === to) {
      this.put(from ?? range, value, style, numberFormat);
      this.fit(range, value, style);
      return;
    }
    this.merges.push(range);
    const a = parseA1(from);
    const b = parseA1(to);
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= b.col; c++) this.put(a1(r, c), r === a.row && c === a.col ? value : null, style, numberFormat);
    if (a.row === b.row) this.fit(range, value, style);
  }

  /** Raises the row's height so wrapped text shows whole. */
  fit(range: string, value: string | number | null, style: CellStyle): void {
    if (typeof value !== "string" || !style.wrap) return;
    const row = parseA1(range.split(":")[0] ?? range).row;
    const size = style.fontSize ?? 11;
    const perLine = Math.max(1, (spanWidth(range) - 1) * (11 / size));
    const lines = value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / perLine)), 0);
    // A line is 1.45 × the size (CJK fonts' line height), plus the cell's padding: 2 points for one line, 4 for more.
    const height = Math.ceil(lines * size * 1.45 + (lines === 1 ? 2 : 4));
    this.height(row, height);
  }

  /** At most Excel's 409 points. */
  height(row: number, height: number): void {
    this.rowHeights[row] = fitRowHeight(Math.max(this.rowHeights[row] ?? 15, height));
  }

  date(address: string, date: IsoDate | null, ifNull: string, style: CellStyle = NUMBER): void {
    if (date === null) this.put(address, ifNull, { ...style, horizontal: "center" });
    else this.put(address, excelSerial(date), { ...style, horizontal: "center" }, DATE_FORMAT);
  }

  money(range: string, amount: Dec, style: CellStyle = NUMBER): void {
    this.span(range, amountNumber(amount), style, MONEY_FORMAT);
  }
}

/** A Dec with 2 decimals as a JS number for the cell (exact to the fen below 10^13). */
function amountNumber(amount: Dec): number {
  return Number(fixed2(amount));
}

function percentText(share: Dec): string {
  return `${share.times(100).toString()}%`;
}

/** A score or point figure for a cell: exact to 10 decimals (A6 off keeps the unrounded mean). */
function cellNumber(value: Dec): number {
  return Number(value.toDecimalPlaces(10).toString());
}

/** "93.40", or "≈93.398333" when the figure has more than 2 decimals (A6 off). */
function pointsText(value: Dec): string {
  return value.decimalPlaces() <= 2 ? fixed2(value) : `≈${value.toDecimalPlaces(6).toString()}`;
}

/** How the period average was taken (A6), when that shows in the figures; null when it does not. */
function averageWords(s: InstalmentSettlement): string | null {
  if (s.average === null || s.averageUnrounded === null || s.averageUnrounded.decimalPlaces() <= 2) return null;
  return s.average.equals(s.averageUnrounded)
    ? `期间平均分按规则（A6）不取整参与计算：${pointsText(s.averageUnrounded)}（表中显示 2 位小数）`
    : `未取整的平均分 ${pointsText(s.averageUnrounded)}，按规则（A6）四舍五入到 2 位小数为 ${fixed2(s.average)}`;
}

/** The deduction formula in words, from the settlement's own figures. */
function deductionWords(s: InstalmentSettlement, rules: RuleSet): string {
  const threshold = dec(rules.contract.threshold);
  if (s.average === null) return s.formula;
  if (s.pointsBelow.isZero()) return `期间平均分 ${pointsText(s.average)} ≥ ${threshold.toString()}，全额结算，不扣款`;
  const steps = s.pointsCharged.equals(s.pointsBelow) ? "" : `，按规则（A3 ${STEP_MODE_LABELS[rules.options.settlementSteps]}）计 ${pointsText(s.pointsCharged)} 分`;
  const capped = s.deductionCapped ? `，超过本笔金额 ${yuanText(s.amount)}，以本笔金额为限` : "";
  return `(${threshold.toString()} − ${pointsText(s.average)}) = ${pointsText(s.pointsBelow)} 分${steps} × ${percentText(dec(rules.contract.ratePerPoint))} × ${s.deductionBaseLabel} ${yuanText(s.deductionBase)} = ${yuanText(s.deductionUncapped)}${capped}`;
}

/** The seed contract's clause for its own instalment; another contract's: its 付款条件 as 付款条款 gives it. */
function clauseOf(number: number, rules: RuleSet): string {
  const seed = defaultRules().contract;
  const terms = rules.contract.instalments.find((t) => t.number === number);
  const seedTerms = seed.instalments.find((t) => t.number === number);
  const isSeed =
    terms !== undefined &&
    seedTerms !== undefined &&
    rules.contract.title === seed.title &&
    terms.condition === seedTerms.condition &&
    dec(terms.share).equals(seedTerms.share) &&
    JSON.stringify(terms.months) === JSON.stringify(seedTerms.months);
  const quoted = isSeed ? CONTRACT_CLAUSES.payment[number] : undefined;
  if (quoted !== undefined) return quoted;
  return `付款条款第${number}笔：「${terms?.condition ?? ""}」`;
}

/** Where the payment clock started (A10, 收票日期), in words: "发票日期", "收票日期 2025-06-03 ", … */
function clockWords(s: InstalmentSettlement): string {
  if (s.clockStart === null || s.clockStart === s.invoiceDate) return "发票日期";
  if (s.receivedDate !== null && s.clockStart === s.receivedDate) return `收票日期 ${s.receivedDate} `;
  return `最早开票日期 ${s.clockStart} `;
}

/** An invoice dated before 最早开票日期, and what A10 made of it; "" otherwise. */
function earlyWords(s: InstalmentSettlement, rules: RuleSet): string {
  if (!s.earlyInvoice) return "";
  const held = s.clockStart !== null && s.clockStart === s.invoiceNotBefore && s.clockStart !== s.receivedDate && s.clockStart !== s.invoiceDate;
  const reading = held ? "，付款期限自该时点起算（A10）" : rules.options.paymentClockFromEarliest ? "" : "，按规则设置仍自发票（或收票）日期起算（A10）";
  return `发票日期 ${s.invoiceDate ?? "—"} 早于合同约定的开票时点（${s.invoiceNotBefore ?? "—"} 起）${reading}。`;
}

function statusText(s: InstalmentSettlement): string {
  if (s.status === "paid") return s.daysLate !== null && s.daysLate > 0 ? "已支付（逾期）" : "已支付";
  if (s.status === "invoiced") return s.daysLate !== null && s.daysLate > 0 ? "已开票，逾期未付" : "已开票，未到期";
  return "未开票";
}

function instalmentBlock(b: Builder, top: number, s: InstalmentSettlement, rules: RuleSet, asOf: IsoDate): number {
  const c = rules.contract;
  const terms = c.instalments.find((t) => t.number === s.number);
  const threshold = dec(c.threshold);
  let r = top;
  b.span(`A${r}:G${r}`, `第${s.number}笔　合同总价款的 ${percentText(s.share)}　${yuanText(s.amount)}`, { bold: true, fontSize: 12, fill: COLORS.blockFill, border: "thin", vertical: "middle" });
  b.height(r, 22);
  r++;
  b.put(`A${r}`, "付款条件", LABEL);
  b.span(`B${r}:G${r}`, s.condition, VALUE);
  r++;

  if (s.months.length === 0) {
    b.put(`A${r}`, "考核", LABEL);
    b.span(`B${r}:G${r}`, s.formula, VALUE);
    r++;
  } else {
    for (let i = 0; i < s.months.length; i += 6) {
      const chunk = s.monthTotals.slice(i, i + 6);
      b.put(`A${r}`, "考核月份", LABEL);
      b.put(`A${r + 1}`, "考核得分", LABEL);
      chunk.forEach((m, j) => {
        const col = a1(r, 2 + j).replace(/\d+$/, "");
        b.put(`${col}${r}`, monthLabel(m.month), { ...LABEL, horizontal: "center", bold: false });
        b.put(`${col}${r + 1}`, Number(fixed2(m.total)), NUMBER, SCORE_FORMAT);
      });
      for (let j = chunk.length; j < 6; j++) {
        const col = a1(r, 2 + j).replace(/\d+$/, "");
        b.put(`${col}${r}`, null, LABEL);
        b.put(`${col}${r + 1}`, null, NUMBER);
      }
      const last = a1(r + 1, 1 + chunk.length);
      b.highlights.push({ range: `B${r + 1}:${last}`, lessThan: threshold.toNumber(), fill: COLORS.badFill, fontColor: COLORS.badFont });
      r += 2;
    }
    b.put(`A${r}`, "期间平均分", LABEL);
    b.put(`B${r}`, s.average === null ? "—" : cellNumber(s.average), { ...NUMBER, bold: true }, SCORE_FORMAT);
    b.put(`C${r}`, `低于${threshold.toString()}分`, LABEL);
    b.put(`D${r}`, cellNumber(s.pointsBelow), NUMBER, SCORE_FORMAT);
    b.put(`E${r}`, "扣款基数", LABEL);
    b.money(`F${r}:G${r}`, s.deductionBase);
    const averageNote = averageWords(s);
    if (averageNote !== null) {
      r++;
      b.put(`A${r}`, "平均分说明", LABEL);
      b.span(`B${r}:G${r}`, averageNote, VALUE);
    }
    r++;
    b.put(`A${r}`, "扣款计算", LABEL);
    b.span(`B${r}:G${r}`, deductionWords(s, rules), VALUE);
    r++;
  }
  b.put(`A${r}`, "合同依据", LABEL);
  b.span(`B${r}:G${r}`, clauseOf(s.number, rules), QUOTE);
  r++;

  b.put(`A${r}`, "合同金额", LABEL);
  b.money(`B${r}:C${r}`, s.amount);
  b.put(`D${r}`, "扣款", LABEL);
  b.money(`E${r}:G${r}`, s.deduction, s.deduction.isZero() ? NUMBER : { ...NUMBER, fontColor: COLORS.badFont });
  r++;
  b.put(`A${r}`, "应付金额", LABEL);
  b.money(`B${r}:C${r}`, s.payable, { ...NUMBER, bold: true });
  b.put(`D${r}`, "大写", LABEL);
  b.span(`E${r}:G${r}`, s.payableUpper, { ...VALUE, bold: true });
  r++;

  b.put(`A${r}`, "发票日期", LABEL);
  b.date(`B${r}`, s.invoiceDate, "未开票");
  b.put(`C${r}`, "应付日期", LABEL);
  b.date(`D${r}`, s.dueDate, "—");
  b.put(`E${r}`, "实付日期", LABEL);
  if (s.paidDate === null) b.span(`F${r}:G${r}`, "未支付", { ...NUMBER, horizontal: "center" });
  else b.span(`F${r}:G${r}`, excelSerial(s.paidDate), { ...NUMBER, horizontal: "center" }, DATE_FORMAT);
  r++;
  b.put(`A${r}`, "逾期天数", LABEL);
  b.put(`B${r}`, s.daysLate === null ? "—" : s.daysLate, { ...NUMBER, horizontal: "center" }, s.daysLate === null ? undefined : "0");
  b.put(`C${r}`, "违约金", LABEL);
  b.money(`D${r}:D${r}`, s.lateCharge, s.lateCharge.isZero() ? NUMBER : { ...NUMBER, fontColor: COLORS.badFont });
  b.put(`E${r}`, "付款状态", LABEL);
  b.span(`F${r}:G${r}`, statusText(s), { ...VALUE, horizontal: "center" });
  r++;

  if (s.overdue) {
    b.span(
      `A${r}:G${r}`,
      `⚠ 已逾期 ${s.daysLate ?? 0} 天，超过 ${c.terminationAfterDays} 天：乙方有权解除合同，并要求甲方支付合同款项的 ${percentText(dec(c.terminationClaimShare))}（${yuanText(s.terminationClaim)}）作为违约金`,
      { bold: true, fontColor: COLORS.white, fill: COLORS.alertFill, border: "thin", wrap: true, vertical: "middle" },
    );
    b.height(r, 20);
    r++;
  }
  const perDay = dec(c.lateChargePerDay);
  const until = s.paidDate !== null ? `实付日期 ${s.paidDate}` : `结算基准日 ${asOf}`;
  // One sentence a line: each well within the width, so no lone "。" wraps onto a line of its own.
  const dueRule = terms ? `应付日期 = ${clockWords(s)}后第 ${terms.dueWorkingDays} 个工作日（按国家法定节假日及调休安排）。` : "";
  const lateRule =
    s.daysLate === null
      ? s.invoiceDate === null
        ? "尚未开票，无付款期限，不计违约金。"
        : "尚无法计算逾期天数。"
      : s.daysLate === 0
        ? `计至${until}，未逾期，不计违约金。`
        : `逾期天数计至${until}：${s.daysLate} 天；违约金 = 应付金额 ${yuanText(s.payable)} × ${percentText(perDay)} × ${s.daysLate} 天 = ${yuanText(s.lateCharge)}。`;
  b.put(`A${r}`, "违约金依据", LABEL);
  // The clause itself (§五(四)) is quoted once, under the totals.
  b.span(`B${r}:G${r}`, [dueRule, earlyWords(s, rules), lateRule].filter((line) => line !== "").join("\n"), QUOTE);
  r++;
  return r + 1;
}

/**
 * The form's print setup: A4 portrait, A–G at PRINT_SCALE (not "fit to": Excel ignores manual page
 * breaks under it), rows 1–2 on every page, and a manual break between blocks wherever the next
 * block would not fit whole (print-layout.ts planRowBreaks): the instalments, the warnings, and
 * the totals with both signature blocks, each on one page.
 */
function formPrintSetup(blocks: readonly RowBlock[], lastFormRow: number, heights: Readonly<Record<number, number>>): PrintSetup {
  const print: PrintSetup = {
    orientation: "portrait",
    paperSize: "A4",
    printArea: `${FORM_COLUMNS.first}1:${FORM_COLUMNS.last}${lastFormRow}`,
    scale: PRINT_SCALE,
    repeatRows: "1:2",
    margins: { ...PRINT_MARGINS },
  };
  const heightOf = (row: number) => heights[row] ?? DEFAULT_ROW_POINTS;
  const capacity = printablePoints(print).height / scaleOf(print);
  const breaks = planRowBreaks(blocks, heightOf, capacity, heightOf(1) + heightOf(2));
  if (breaks.length > 0) print.rowBreaks = breaks;
  return print;
}

/** True when the text names the month ("2025-10" standing alone, or "2025年10月"); "BY-2025-102" does not. */
function namesMonth(text: string, month: MonthKey): boolean {
  return new RegExp(`(?<![\\d-])${month}(?![\\d])`).test(text) || text.includes(monthLabel(month));
}

function sheetWarnings(input: PaymentSheetInput, settlement: Settlement): string[] {
  const c = input.rules.contract;
  const threshold = dec(c.threshold);
  const out: string[] = [];
  for (const s of settlement.instalments) {
    if (s.daysLate === null || s.daysLate <= 0) continue;
    out.push(
      `第${s.number}笔${s.status === "paid" ? `于 ${s.paidDate} 支付，` : "尚未支付，"}逾期 ${s.daysLate} 天（应付日期 ${s.dueDate}），违约金 ${yuanText(s.lateCharge)}${
        s.overdue ? `；已超过 ${c.terminationAfterDays} 天，乙方有权解除合同并要求支付合同款项的 ${percentText(dec(c.terminationClaimShare))}（${yuanText(s.terminationClaim)}）` : ""
      }`,
    );
  }
  for (const s of settlement.instalments)
    for (const m of s.monthTotals)
      if (m.total.lessThan(threshold)) out.push(`${monthLabel(m.month)}考核得分 ${fixed2(m.total)} 低于达标分 ${threshold.toString()}，拉低第${s.number}笔的期间平均分`);
  const order = (w: Problem) => LISTED_WARNING_CODES.indexOf(w.code);
  const listed = input.warnings
    .filter((w) => LISTED_WARNING_CODES.includes(w.code) && !DERIVED_WARNING_CODES.has(w.code))
    .sort((a, b) => order(a) - order(b) || compareKeys(a.month ?? "", b.month ?? ""));
  for (const w of listed) out.push(w.month && !namesMonth(w.message, w.month) ? `${monthLabel(w.month)}：${w.message}` : w.message);
  return [...new Set(out)];
}

/**
 * An instalment whose months are not all scored yet (and that is not invoiced): no figure to sign,
 * but the months scored so far, their average and the forecast line, so the clerk sees in time
 * what the remaining months must reach.
 */
function pendingBlock(b: Builder, top: number, terms: InstalmentTerms, known: Readonly<Record<MonthKey, Dec | null>>, rules: RuleSet): number {
  const c = rules.contract;
  const threshold = dec(c.threshold);
  const amount = instalmentAmount(terms, rules);
  let r = top;
  b.span(`A${r}:G${r}`, `第${terms.number}笔　合同总价款的 ${percentText(dec(terms.share))}　${yuanText(amount)}　（进行中，尚未结算）`, { bold: true, fontSize: 12, fill: COLORS.blockFill, border: "thin", vertical: "middle" });
  b.height(r, 22);
  r++;
  b.put(`A${r}`, "付款条件", LABEL);
  b.span(`B${r}:G${r}`, terms.condition, VALUE);
  r++;
  const months = terms.months ? monthRange(terms.months.from, terms.months.to) : [];
  for (let i = 0; i < months.length; i += 6) {
    const chunk = months.slice(i, i + 6);
    b.put(`A${r}`, "考核月份", LABEL);
    b.put(`A${r + 1}`, "考核得分", LABEL);
    chunk.forEach((m, j) => {
      const col = a1(r, 2 + j).replace(/\d+$/, "");
      const total = known[m];
      b.put(`${col}${r}`, monthLabel(m), { ...LABEL, horizontal: "center", bold: false });
      b.put(`${col}${r + 1}`, total === null || total === undefined ? "未评分" : Number(fixed2(total)), total === null || total === undefined ? { ...VALUE, horizontal: "center", fontColor: COLORS.quote } : NUMBER, SCORE_FORMAT);
    });
    b.highlights.push({ range: `B${r + 1}:${a1(r + 1, 1 + chunk.length)}`, lessThan: threshold.toNumber(), fill: COLORS.badFill, fontColor: COLORS.badFont });
    r += 2;
  }
  const f = forecastInstalment(terms, known, rules);
  b.put(`A${r}`, "预测", LABEL);
  b.span(`B${r}:G${r}`, forecastText(f, rules), { ...VALUE, bold: true });
  r++;
  b.put(`A${r}`, "说明", LABEL);
  b.span(`B${r}:G${r}`, "全部考核月份评分后本笔按合同结算；在此之前本表不列扣款与应付金额（剩余月份按每月最高 100 分、不计加分预测）。", { ...VALUE, fontSize: 9, fontColor: COLORS.quote });
  r++;
  return r + 1;
}

/**
 * Builds the 付款结算 sheet. Throws when `settlement` is null: a scored month is missing, so no
 * instalment figure can be signed; the caller shows the month errors and writes no sheet. Also
 * throws when the settlement was made under another rule set version than `rules`, or when
 * `monthTotals` disagrees with the totals the settlement used (the overview would contradict the blocks).
 */
export function buildPaymentSheet(input: PaymentSheetInput): SheetSpec {
  const { settlement, rules, asOf } = input;
  if (settlement === null)
    throw new Error("付款结算表需要全部考核月份的有效得分：有考核月份缺少或无效，未生成付款结算表 / the payment sheet needs every scored month: a month is missing or invalid");
  if (settlement.rulesVersion !== rules.version)
    throw new Error(`结算结果的规则版本 ${settlement.rulesVersion} 与当前规则 ${rules.version} 不一致 / settlement made under rule set ${settlement.rulesVersion}, not ${rules.version}`);
  for (const i of settlement.instalments)
    for (const m of i.monthTotals) {
      const shown = input.monthTotals[m.month];
      if (shown === null || shown === undefined || !dec(shown).equals(m.total))
        throw new Error(`${monthLabel(m.month)}的考核得分与结算所用的不一致 / the ${m.month} total differs from the one the settlement used`);
    }
  const c = rules.contract;
  const contract = input.contract ?? { name: c.title.endsWith("合同") ? c.title : `${c.title}合同`, partyA: c.partyA, partyB: c.partyB };
  const threshold = dec(c.threshold);
  const b = new Builder();

  // Header: rows 1–2 repeat on every printed page; the form is A–G (the overview beside it, I–L, is not printed).
  b.span("A1:G1", "付款结算单（合同§十 服务费用及支付方式）", { bold: true, fontSize: 16, fontColor: COLORS.title, horizontal: "center", vertical: "middle" });
  b.height(1, 28);
  b.span("A2:G2", `${contract.name}\n合同期：${c.termStart} 至 ${c.termEnd}（考核月份 ${monthLabel(c.firstMonth)}至${monthLabel(c.lastMonth)}）`, { bold: true, fontSize: 10, horizontal: "center", vertical: "middle", wrap: true });
  b.put("A3", "甲方", LABEL);
  b.span("B3:D3", contract.partyA);
  b.put("E3", "乙方", LABEL);
  b.span("F3:G3", contract.partyB);
  b.put("A4", "合同总额", LABEL);
  b.money("B4:C4", settlement.total, { ...NUMBER, bold: true });
  b.put("D4", "大写", LABEL);
  b.span("E4:G4", settlement.totalUpper, { ...VALUE, bold: true });
  b.put("A5", "季度服务费", LABEL);
  b.money("B5:C5", settlement.quarterlyFee);
  b.put("D5", "达标分", LABEL);
  b.put("E5", threshold.toNumber(), NUMBER, "0.##");
  b.put("F5", "每分扣款", LABEL);
  b.put("G5", dec(c.ratePerPoint).toNumber(), NUMBER, "0.0%");
  b.put("A6", "规则集", LABEL);
  b.span("B6:G6", `${rules.name}，版本 ${rules.version}`);
  const changes = describeOptionChanges(rules);
  b.put("A7", "与默认不同", LABEL);
  b.span("B7:G7", changes.length === 0 ? "无：A1–A10 均采用合同原文的默认读法" : changes.join("；"), changes.length === 0 ? VALUE : { ...VALUE, bold: true, fontColor: COLORS.badFont });
  b.put("A8", "结算基准日", LABEL);
  b.date("B8", asOf, "—");
  b.put("C8", "生成时间", LABEL);
  b.span("D8:G8", input.generatedAt ?? "—", VALUE);

  // The printed form's blocks, each kept on one page when it fits (its trailing blank row with it).
  const blocks: RowBlock[] = [{ first: 1, last: 9 }];
  let r = 10;
  for (const terms of c.instalments) {
    const settled = settlement.instalments.find((i) => i.number === terms.number);
    const top = r;
    r = settled ? instalmentBlock(b, r, settled, rules, asOf) : pendingBlock(b, r, terms, input.monthTotals, rules);
    blocks.push({ first: top, last: r - 1 });
  }
  const warningsTop = r;

  // Warnings that cost money later.
  const warnings = sheetWarnings(input, settlement);
  b.span(`A${r}:G${r}`, "提示：会影响付款的事项", { bold: true, fontSize: 12, fill: COLORS.warnFill, border: "thin", vertical: "middle" });
  b.height(r, 22);
  r++;
  if (warnings.length === 0) {
    b.span(`A${r}:G${r}`, "无", VALUE);
    r++;
  }
  for (const w of warnings) {
    b.span(`A${r}:G${r}`, `• ${w}`, { ...VALUE, fill: COLORS.warnFill });
    r++;
  }
  r++;
  blocks.push({ first: warningsTop, last: r - 1 });

  // Totals and both parties' signatures: one block, on one page.
  const totalsTop = r;
  const t = settlement.totals;
  const pending = c.instalments.filter((terms) => !settlement.instalments.some((i) => i.number === terms.number)).map((terms) => `第${terms.number}笔`);
  b.span(`A${r}:G${r}`, pending.length === 0 ? "合计" : `合计（不含进行中的${pending.join("、")}）`, { bold: true, fontSize: 12, fill: COLORS.blockFill, border: "thin", vertical: "middle" });
  b.height(r, 22);
  r++;
  const totalRows: [string, Dec, boolean][] = [
    ["合同总额", t.contract, true],
    ["扣款合计", t.deductions, false],
    ["应付合计", t.payable, true],
    ["已付", t.paid, false],
    ["未付", t.outstanding, true],
    ["违约金合计", t.lateCharges, false],
  ];
  for (const [label, amount, upper] of totalRows) {
    b.put(`A${r}`, label, LABEL);
    b.money(`B${r}:C${r}`, amount, { ...NUMBER, bold: label === "应付合计" });
    b.span(`D${r}:G${r}`, upper ? `大写：${capitalAmount(amount)}` : label === "违约金合计" ? `逾期违约金计至各笔实付日期，未付的计至结算基准日 ${asOf}` : null, label === "违约金合计" ? { ...VALUE, fontSize: 9 } : VALUE);
    r++;
  }
  b.put(`A${r}`, "违约金条款", LABEL);
  b.span(`B${r}:G${r}`, CONTRACT_CLAUSES.latePayment, QUOTE);
  r += 2;

  // Signatures: each party's seal, then 经办人, 审核人, 负责人 and the date.
  const sign: CellStyle = { vertical: "bottom" };
  b.span(`A${r}:C${r}`, `甲方（盖章）：${contract.partyA}`, { ...sign, bold: true });
  b.span(`E${r}:G${r}`, `乙方（盖章）：${contract.partyB}`, { ...sign, bold: true });
  b.height(r, 30);
  r++;
  for (const role of SIGNATURE_ROLES) {
    b.span(`A${r}:C${r}`, `${role}（签字）：________________`, sign);
    b.span(`E${r}:G${r}`, `${role}（签字）：________________`, sign);
    b.height(r, 32);
    r++;
  }
  b.span(`A${r}:C${r}`, "日期：________年____月____日", sign);
  b.span(`E${r}:G${r}`, "日期：________年____月____日", sign);
  b.height(r, 30);
  const lastFormRow = r;
  blocks.push({ first: totalsTop, last: lastFormRow });
  // Below the print area: on screen, not on the form.
  r += 2;
  b.span(`A${r}:G${r}`, `本表由程序按规则集（版本 ${rules.version}）根据各月考核得分与「付款记录」计算生成，每次重算整表替换，请勿在本表手工修改。`, { italic: true, fontSize: 9, fontColor: COLORS.quote, wrap: true });
  const lastMainRow = r;

  // Monthly overview beside the blocks.
  const months = monthRange(c.firstMonth, c.lastMonth);
  const instalmentOf = (m: MonthKey) => c.instalments.find((i) => i.months && m >= i.months.from && m <= i.months.to)?.number ?? null;
  b.span("I3:L3", "月度考核得分一览", { bold: true, fontSize: 12, fill: COLORS.blockFill, border: "thin", horizontal: "center", vertical: "middle" });
  b.put("I4", "考核月份", { ...LABEL, horizontal: "center" });
  b.put("J4", "考核得分", { ...LABEL, horizontal: "center" });
  b.put("K4", "达标分", { ...LABEL, horizontal: "center" });
  b.put("L4", "笔次", { ...LABEL, horizontal: "center" });
  const first = 5;
  months.forEach((m, i) => {
    const row = first + i;
    const total = input.monthTotals[m] ?? null;
    const n = instalmentOf(m);
    b.put(`I${row}`, monthLabel(m), { ...VALUE, horizontal: "center" });
    if (total === null) b.put(`J${row}`, "未评分", { ...NUMBER, horizontal: "center" });
    else b.put(`J${row}`, Number(fixed2(total)), NUMBER, SCORE_FORMAT);
    b.put(`K${row}`, threshold.toNumber(), NUMBER, "0.##");
    b.put(`L${row}`, n === null ? "—" : `第${n}笔`, { ...VALUE, horizontal: "center" });
  });
  const lastMonthRow = first + months.length - 1;
  b.highlights.unshift({ range: `J${first}:J${lastMonthRow}`, lessThan: threshold.toNumber(), fill: COLORS.badFill, fontColor: COLORS.badFont });
  let o = lastMonthRow + 1;
  for (const s of settlement.instalments) {
    if (s.average === null) continue;
    b.put(`I${o}`, `第${s.number}笔平均`, { ...LABEL, horizontal: "center" });
    b.put(`J${o}`, Number(fixed2(s.average)), { ...NUMBER, bold: true }, SCORE_FORMAT);
    b.span(`K${o}:L${o}`, s.deduction.isZero() ? "不扣款" : `扣 ${fixed2(s.deduction)}`, { ...VALUE, horizontal: "center", fontSize: 9, wrap: false });
    o++;
  }
  o++;
  // Beside the form, its rows are the form's: nothing here wraps (a taller row would lengthen the
  // printed form). Long lines are single unmerged cells, shown on screen across the empty cells to the right.
  b.span(`I${o}:L${o}`, "预测（未评分月份需达到的平均分）", { bold: true, fill: COLORS.blockFill, border: "thin", vertical: "middle" });
  o++;
  const known: Record<MonthKey, Dec | null> = { ...input.monthTotals };
  for (const terms of c.instalments) {
    if (!terms.months) continue;
    const f = forecastInstalment(terms, known, rules);
    b.put(`I${o}`, forecastText(f, rules), { fontSize: 9, vertical: "middle" });
    o++;
  }
  b.put(`I${o}`, "（不计加分，每月最高按 100 分计）", { fontSize: 9, italic: true, fontColor: COLORS.quote });
  o += 2;

  // The native chart covers these cells when the sheet is written inside Excel; the note under it
  // shows only in a file written without Excel.
  const chartTop = o;
  const chartBottom = Math.max(o + 16, Math.min(lastMainRow, o + 20));
  b.put(`I${chartTop}`, `折线图「月度考核得分与 ${threshold.toString()} 分达标线」在 Excel 内（加载项）写入本表时生成于此处；命令行生成的文件不含图表。`, { italic: true, fontSize: 9, fontColor: COLORS.quote, vertical: "top" });

  // Every row of the form has its height set, so that Excel and LibreOffice break pages where the plan does.
  for (let row = 1; row <= Math.max(lastMainRow, chartBottom); row++) b.rowHeights[row] ??= DEFAULT_ROW_POINTS;
  return {
    name: PAYMENT_SHEET_NAME,
    cells: b.cells,
    merges: b.merges,
    columnWidths: { ...COLUMN_WIDTHS },
    rowHeights: b.rowHeights,
    print: formPrintSetup(blocks, lastFormRow, b.rowHeights),
    conditionalHighlights: b.highlights,
    chart: {
      title: `月度考核得分与 ${threshold.toString()} 分达标线`,
      categories: `I${first}:I${lastMonthRow}`,
      series: [
        { name: "考核得分", values: `J${first}:J${lastMonthRow}` },
        { name: `达标分 ${threshold.toString()}`, values: `K${first}:K${lastMonthRow}` },
      ],
      anchor: { from: `I${chartTop}`, to: `L${chartBottom}` },
    },
    tabColor: "#2E75B6",
  };
}
