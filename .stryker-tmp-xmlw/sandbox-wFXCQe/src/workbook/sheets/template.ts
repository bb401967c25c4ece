/**
 * A fresh workbook for a contract year: one 附件二 sheet per month, laid out like the contract's
 * 附件二 (title, 考核月份 / 考核得分 above the table, the 14 rows with the contract's own words,
 * signature lines below), then the contract's terms of SPEC §9 (合同信息, 付款条款: pre-filled with
 * the seed's 40/50/10 split and periods shifted to the term, ready to edit; see templateContract),
 * then the input sheets of SPEC §8 (指标录入, 加减分事件, 报告提交, 付款记录, 规则设置) with their
 * headers, dropdowns, date formats and frozen header rows.
 * Pure: builds SheetSpecs and a WritePlan (templatePlan); a host renders it (the file host:
 * src/hosts/file/new-workbook.ts).
 */
// @ts-nocheck

import { addMonths, daysInMonth, defaultRules, firstDay, INDICATOR_FIELDS, isMonthKey, isoDate, MONTH_HEADER, monthOf, monthParts, monthLabel, monthRange, parts, SCORECARD_ITEMS, SCORECARD_TITLE } from "../../domain";
import type { IndicatorKey, InstalmentTerms, IsoDate, MonthIndicators, MonthKey, PaymentRecord, ReportSubmission, RuleSet, ScoreEvent } from "../../domain";
import { CONTRACT_INFO_PARAMS, PAYMENT_TERMS_COLUMNS } from "../read/contract-sheets";
import { RULE_SETTINGS } from "../../domain/rule-settings";
import { isoToSerial } from "../read/grid";
import { buildHolidaySheet } from "./holiday-sheet";
import type { CellStyle, CellWrite, ListValidation, SheetSpec, WritePlan } from "../model";
import { a1, columnLetter } from "../model";
import { INPUT_SHEETS } from "../read/sheet-names";
import { fitRowHeight } from "./excel-limits";

export interface TemplateOptions {
  /** First month, e.g. "2024-12". */
  from: MonthKey;
  /** Number of monthly sheets, 1–36. */
  months: number;
  /**
   * The contract written to 合同信息 and 付款条款; its scored months must be the template's.
   * Default: templateContract({ firstMonth: from, lastMonth: the last month }).
   */
  contract?: RuleSet["contract"];
}

/** What a new contract's template is made from (SPEC §9): the scored months, and optionally the term and total. */
export interface TemplateTerm {
  firstMonth: MonthKey;
  lastMonth: MonthKey;
  /** 合同期起 / 合同期止; default the seed's days shifted to the months (the 4th of the first month … the 3rd after the last). */
  termStart?: IsoDate;
  termEnd?: IsoDate;
  /** 合同总额 (元); default the seed's. */
  total?: string;
}

/** `day` of `month`, or its last day when the month is shorter. */
function dayOf(month: MonthKey, day: number): IsoDate {
  const { year, month: m } = monthParts(month);
  return isoDate(year, m, Math.min(day, daysInMonth(year, m)));
}

/**
 * The seed contract shifted to a new term, ready to edit: its 40/50/10 split; instalment 2 on the
 * first half of the scored months, instalment 3 on the rest; 最早开票日期 the term start for
 * instalment 1, the month after instalment 2's period for instalment 2, the month after the term
 * ends for the last; the contract's conditions with the new months. For the seed's own months it
 * gives the seed contract exactly (so a fresh template scores as the seed does).
 */
export function templateContract(term: TemplateTerm): RuleSet["contract"] {
  const seed = defaultRules().contract;
  const first = term.firstMonth;
  const last = term.lastMonth;
  const count = monthRange(first, last).length;
  const index = (m: MonthKey) => monthParts(m).year * 12 + monthParts(m).month;
  const offset = index(first) - index(seed.firstMonth);
  const termStart = term.termStart ?? dayOf(addMonths(monthOf(seed.termStart), offset), parts(seed.termStart).day);
  const termEnd = term.termEnd ?? dayOf(addMonths(last, 1), parts(seed.termEnd).day);
  const half = Math.ceil(count / 2);
  const second = { from: first, to: addMonths(first, half - 1) };
  const third = count > half ? { from: addMonths(first, half), to: last } : null;
  const [one, two, three] = seed.instalments as [InstalmentTerms, InstalmentTerms, InstalmentTerms];
  const seedYears = `${parts(seed.termStart).year}-${parts(seed.termEnd).year}`;
  const years = parts(termStart).year === parts(termEnd).year ? `${parts(termStart).year}` : `${parts(termStart).year}-${parts(termEnd).year}`;
  return {
    ...seed,
    title: seed.title.replace(seedYears, years),
    termStart,
    termEnd,
    total: term.total ?? seed.total,
    quarterlyFee: null,
    firstMonth: first,
    lastMonth: last,
    instalments: [
      { ...one, invoiceNotBefore: termStart },
      {
        ...two,
        months: second,
        invoiceNotBefore: firstDay(addMonths(second.to, 1)),
        condition: `自项目运营至${monthLabel(addMonths(second.to, 1))}，以${monthLabel(second.from)}至${monthLabel(second.to)}平均得分为准，${two.dueWorkingDays}个工作日内支付`,
      },
      {
        ...three,
        months: third,
        invoiceNotBefore: firstDay(addMonths(monthOf(termEnd), 1)),
        condition: third ? `服务期满次月，以${monthLabel(third.from)}至${monthLabel(third.to)}平均得分为准，${three.dueWorkingDays}个工作日内支付` : `服务期满次月，${three.dueWorkingDays}个工作日内支付`,
      },
    ],
  };
}

export { INPUT_SHEETS };

export const EVENT_HEADERS = ["考核月份", "类型", "级别", "事项编号", "事项说明", "佐证材料", "经查属实", "乙方报送"] as const;
export const REPORT_HEADERS = ["报告类型", "报告期", "提交日期", "延期已获批"] as const;
export const PAYMENT_HEADERS = ["笔次", "发票日期", "实付日期", "收票日期"] as const;
export const CONTRACT_INFO_HEADERS = ["参数", "值", "说明"] as const;
export const PAYMENT_TERMS_HEADERS: readonly string[] = PAYMENT_TERMS_COLUMNS.map((c) => c.header);
export const RULE_HEADERS = ["参数", "值", "说明"] as const;

export const YES_NO = ["是", "否"] as const;
export const HAVE_NONE = ["有", "无"] as const;
export const EVENT_TYPES = ["加分", "扣分"] as const;
export const EVENT_LEVELS = ["群众", "市级及以上", "市级及以下", "省级", "国家级"] as const;
export const REPORT_KINDS = ["月报", "季报", "年报"] as const;

export const DATE_FORMAT = "yyyy-mm-dd";
/** Text format: "2025-09" typed into such a cell stays text instead of becoming a date. */
export const TEXT_FORMAT = "@";

/** Blank rows prepared (formats and dropdowns) in the list sheets. */
export const LIST_ROWS = 200;

const HEADER_FILL = "#D9E1F2";
const OPTIONAL_FILL = "#EDEDED";
const MONTH_TAB = "#4472C4";
const INPUT_TAB = "#70AD47";

/** The 附件二 layout: fixed rows and columns, so the writer and the tests agree. */
export const SCORECARD_LAYOUT: {
  titleRow: number; infoRow: number; monthLabel: string; monthValue: string; totalLabel: string; totalValue: string;
  headerRow: number; firstItemRow: number; lastItemRow: number; signatureRow: number; dateRow: number;
  customerSignature: string; providerSignature: string; lastColumn: string;
} = {
  titleRow: 1,
  infoRow: 2,
  /** 考核月份： label and its value beside it. */
  monthLabel: "B2",
  monthValue: "C2",
  /** 考核得分： label and the (owned) cell beside it, above the 单项得分 column. */
  totalLabel: "G2",
  totalValue: "H2",
  headerRow: 3,
  firstItemRow: 4,
  lastItemRow: 3 + SCORECARD_ITEMS.length,
  /** Signature rows: 客户方签字 / 运营提供方签字, then 日期. */
  signatureRow: 5 + SCORECARD_ITEMS.length,
  dateRow: 6 + SCORECARD_ITEMS.length,
  customerSignature: "C19",
  providerSignature: "F19",
  lastColumn: "I",
};

/**
 * Widths of A–I (序号 … 备注), in characters: the contract's long 指标说明 and 评分细则 wide, so that
 * the 14 rows are short enough for the whole sheet to print on one landscape A4 page (at about 70 %).
 */
const SCORECARD_WIDTHS: Record<string, number> = { A: 5, B: 12, C: 12, D: 66, E: 54, F: 6, G: 32, H: 9, I: 14 };

/** Printed on one landscape A4 page with its signature lines (fit to 1 × 1 page; margins in inches). */
export const SCORECARD_PRINT_MARGINS = { left: 0.3, right: 0.3, top: 0.4, bottom: 0.4 };

/**
 * Room kept in 完成情况 (G) for what the product writes there when it scores the month, in "0"
 * characters, by 序号: the reports (数据分析), exam dates (考试覆盖率) and the bonus and penalty
 * events run long; the others are a short line. A row shows all of it without being re-fitted.
 */
const COMPLETION_ROOM: Readonly<Record<number, number>> = { 4: 112, 10: 70, 11: 120, 12: 80 };
const COMPLETION_ROOM_DEFAULT = 45;

/** Display width of text in "0" characters: a CJK or full-width character counts 2. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * A row height that shows every line of the wrapped cells (ExcelJS cannot auto-fit, and Excel
 * does not re-fit on open). Points per line for a 10-point font.
 */
function wrappedHeight(cells: { text: string; width: number }[], pointsPerLine = 13.5, minLines = 1): number {
  let lines = minLines;
  for (const c of cells) lines = Math.max(lines, Math.ceil(textWidth(c.text) / Math.max(1, c.width - 1.5)));
  return fitRowHeight(Math.round((lines * pointsPerLine + 6) * 10) / 10); // at most Excel's 409 points
}

/** "2024年12月" for the 考核月份 cell and the sheet name. */
export function monthSheetName(month: MonthKey): string {
  return monthLabel(month);
}

function sectionLabel(section: string, points: number | null): string {
  return points === null ? section : `${section} (${points})`;
}

/** One 附件二 sheet for a month, laid out like the contract's. */
export function buildMonthSheet(month: MonthKey): SheetSpec {
  const L = SCORECARD_LAYOUT;
  const label = monthLabel(month);
  const { month: m } = monthParts(month);
  const cells: CellWrite[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const body: CellStyle = { border: "thin", wrap: true, vertical: "middle", fontSize: 10 };

  cells.push({ address: `A${L.titleRow}`, value: `${SCORECARD_TITLE}-${label}`, style: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" } });
  merges.push(`A${L.titleRow}:${L.lastColumn}${L.titleRow}`);
  rowHeights[L.titleRow] = 32;

  cells.push({ address: L.monthLabel, value: "考核月份：", style: { bold: true, horizontal: "right", vertical: "middle" } });
  cells.push({ address: L.monthValue, value: label, numberFormat: TEXT_FORMAT, style: { bold: true, horizontal: "left", vertical: "middle" } });
  cells.push({ address: L.totalLabel, value: "考核得分：", style: { bold: true, horizontal: "right", vertical: "middle" } });
  cells.push({ address: L.totalValue, value: null, numberFormat: "0.00", style: { bold: true, fontSize: 12, horizontal: "center", vertical: "middle", border: "medium" } });
  rowHeights[L.infoRow] = 24;

  const headers = ["序号", "考核项目", "考核指标", "指标说明", "评分细则", "满分", `${m}月完成情况`, "单项得分", "备注"];
  headers.forEach((h, i) => {
    cells.push({
      address: a1(L.headerRow, i + 1),
      value: h,
      style: { bold: true, fill: HEADER_FILL, border: "thin", horizontal: "center", vertical: "middle", wrap: true, fontSize: 10 },
    });
  });
  rowHeights[L.headerRow] = 22;

  let sectionStart = L.firstItemRow;
  SCORECARD_ITEMS.forEach((item, i) => {
    const row = L.firstItemRow + i;
    const next = SCORECARD_ITEMS[i + 1];
    // Stryker disable next-line ConditionalExpression,OptionalChaining: "i === 0" only spares reading item −1, whose section is undefined anyway (not this one)
    const isFirst = i === 0 || SCORECARD_ITEMS[i - 1]?.section !== item.section;
    if (isFirst) sectionStart = row;
    cells.push({ address: `A${row}`, value: item.no, style: { ...body, horizontal: "center" } });
    cells.push({ address: `B${row}`, value: isFirst ? sectionLabel(item.section, item.sectionPoints) : null, style: { ...body, horizontal: "center", bold: true } });
    cells.push({ address: `C${row}`, value: item.indicator, style: { ...body, horizontal: "center" } });
    cells.push({ address: `D${row}`, value: item.description, style: { ...body, horizontal: "left" } });
    cells.push({ address: `E${row}`, value: item.rule, style: { ...body, horizontal: "left" } });
    cells.push({ address: `F${row}`, value: item.max, style: { ...body, horizontal: "center" } });
    cells.push({ address: `G${row}`, value: null, style: { ...body, horizontal: "left" } });
    cells.push({ address: `H${row}`, value: null, numberFormat: "0.00", style: { ...body, horizontal: "center" } });
    cells.push({ address: `I${row}`, value: null, style: { ...body, horizontal: "left" } });
    if (!next || next.section !== item.section) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: no section of the contract's 14 items has a single row, so ">" and ">=" (or always) merge the same
      if (row > sectionStart) merges.push(`B${sectionStart}:B${row}`);
    }
    rowHeights[row] = wrappedHeight(
      [
        // Stryker disable next-line LogicalOperator: every width is set in SCORECARD_WIDTHS: "?? 66" never applies, "&& 66" gives the same 66
        { text: item.description, width: SCORECARD_WIDTHS.D ?? 66 },
        // Stryker disable next-line LogicalOperator: as above (E is 54)
        { text: item.rule, width: SCORECARD_WIDTHS.E ?? 54 },
        // Stryker disable next-line LogicalOperator: as above (C is 12)
        { text: item.indicator, width: SCORECARD_WIDTHS.C ?? 12 },
        { text: "0".repeat(COMPLETION_ROOM[item.no] ?? COMPLETION_ROOM_DEFAULT), width: SCORECARD_WIDTHS.G ?? 32 },
      ],
      13.5,
      1,
    );
  });

  const sig: CellStyle = { bold: true, horizontal: "right", vertical: "bottom" };
  const line: CellStyle = { vertical: "bottom", horizontal: "left" };
  cells.push({ address: `B${L.signatureRow}`, value: "客户方签字：", style: sig });
  cells.push({ address: `C${L.signatureRow}`, value: null, style: line });
  cells.push({ address: `E${L.signatureRow}`, value: "运营提供方签字：", style: sig });
  cells.push({ address: `F${L.signatureRow}`, value: null, style: line });
  cells.push({ address: `B${L.dateRow}`, value: "日期：", style: sig });
  cells.push({ address: `C${L.dateRow}`, value: null, numberFormat: DATE_FORMAT, style: line });
  cells.push({ address: `E${L.dateRow}`, value: "日期：", style: sig });
  cells.push({ address: `F${L.dateRow}`, value: null, numberFormat: DATE_FORMAT, style: line });
  merges.push(`C${L.signatureRow}:D${L.signatureRow}`, `F${L.signatureRow}:H${L.signatureRow}`, `C${L.dateRow}:D${L.dateRow}`, `F${L.dateRow}:H${L.dateRow}`);
  // Stryker disable next-line EqualityOperator: "<=" also sets the signature row to 15, which the next line sets to 30
  for (let row = L.lastItemRow + 1; row < L.signatureRow; row++) rowHeights[row] = 15;
  rowHeights[L.signatureRow] = 30;
  rowHeights[L.dateRow] = 24;

  return {
    name: monthSheetName(month),
    cells,
    merges,
    columnWidths: { ...SCORECARD_WIDTHS },
    rowHeights,
    print: {
      orientation: "landscape",
      paperSize: "A4",
      printArea: `A1:${L.lastColumn}${L.dateRow}`,
      fitToWidth: true,
      fitToHeight: true,
      repeatRows: `${L.headerRow}:${L.headerRow}`,
      margins: { ...SCORECARD_PRINT_MARGINS },
    },
    tabColor: MONTH_TAB,
  };
}

function headerCells(headers: readonly string[], optional: ReadonlySet<string> = new Set()): CellWrite[] {
  return headers.map((h, i) => ({
    address: a1(1, i + 1),
    value: h,
    style: { bold: true, fill: optional.has(h) ? OPTIONAL_FILL : HEADER_FILL, border: "thin", horizontal: "center", vertical: "middle", wrap: true },
  }));
}

/** Formats for the blank rows of a list sheet: one write per cell of the column, rows 2…last. */
function columnFormat(col: number, lastRow: number, numberFormat: string, skip: ReadonlySet<number> = new Set()): CellWrite[] {
  const out: CellWrite[] = [];
  for (let r = 2; r <= lastRow; r++) if (!skip.has(r)) out.push({ address: a1(r, col), value: null, numberFormat });
  return out;
}

function listValidation(col: number, lastRow: number, values: readonly string[]): ListValidation {
  const c = columnLetter(col);
  return { range: `${c}2:${c}${lastRow}`, values };
}

function widths(headers: readonly string[], min = 8, extra: Record<string, number> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  headers.forEach((h, i) => {
    out[columnLetter(i + 1)] = extra[h] ?? Math.max(min, textWidth(h) + 3);
  });
  return out;
}

/** 指标录入: one row per month, 考核月份 prefilled as text ("2024-12"). */
export function buildIndicatorSheet(months: readonly MonthKey[]): SheetSpec {
  const headers = [MONTH_HEADER, ...INDICATOR_FIELDS.map((f) => f.header)];
  const optional = new Set(INDICATOR_FIELDS.filter((f) => f.optional).map((f) => f.header));
  const lastRow = Math.max(months.length + 1, 13);
  const cells: CellWrite[] = headerCells(headers, optional);
  months.forEach((month, i) => cells.push({ address: a1(i + 2, 1), value: month, numberFormat: TEXT_FORMAT, style: { horizontal: "center" } }));
  cells.push(...columnFormat(1, lastRow, TEXT_FORMAT, new Set(months.map((_m, i) => i + 2))));
  const validations: ListValidation[] = [];
  INDICATOR_FIELDS.forEach((f, i) => {
    if (f.kind === "yesno") validations.push(listValidation(i + 2, lastRow, YES_NO));
  });
  return {
    name: INPUT_SHEETS.indicators,
    cells,
    merges: [],
    columnWidths: widths(headers, 8, { [MONTH_HEADER]: 11 }),
    rowHeights: { 1: 36 },
    validations,
    freezeRows: 1,
    tabColor: INPUT_TAB,
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: "1:1" },
  };
}

/** 加减分事件: one row per event. */
export function buildEventSheet(): SheetSpec {
  const headers = [...EVENT_HEADERS];
  const col = (h: (typeof EVENT_HEADERS)[number]) => headers.indexOf(h) + 1;
  return {
    name: INPUT_SHEETS.events,
    cells: [...headerCells(headers), ...columnFormat(col("考核月份"), LIST_ROWS + 1, TEXT_FORMAT), ...columnFormat(col("事项编号"), LIST_ROWS + 1, TEXT_FORMAT)],
    merges: [],
    columnWidths: widths(headers, 10, { 考核月份: 11, 级别: 12, 事项编号: 16, 事项说明: 40 }),
    validations: [
      listValidation(col("类型"), LIST_ROWS + 1, EVENT_TYPES),
      listValidation(col("级别"), LIST_ROWS + 1, EVENT_LEVELS),
      listValidation(col("佐证材料"), LIST_ROWS + 1, HAVE_NONE),
      listValidation(col("经查属实"), LIST_ROWS + 1, YES_NO),
      listValidation(col("乙方报送"), LIST_ROWS + 1, YES_NO),
    ],
    freezeRows: 1,
    tabColor: INPUT_TAB,
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: "1:1" },
  };
}

/** 报告提交: one row per report. */
export function buildReportSheet(): SheetSpec {
  const headers = [...REPORT_HEADERS];
  return {
    name: INPUT_SHEETS.reports,
    cells: [...headerCells(headers), ...columnFormat(2, LIST_ROWS + 1, TEXT_FORMAT), ...columnFormat(3, LIST_ROWS + 1, DATE_FORMAT)],
    merges: [],
    columnWidths: { A: 10, B: 12, C: 13, D: 12 },
    validations: [listValidation(1, LIST_ROWS + 1, REPORT_KINDS), listValidation(4, LIST_ROWS + 1, YES_NO)],
    freezeRows: 1,
    tabColor: INPUT_TAB,
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true, repeatRows: "1:1" },
  };
}

/** 付款记录: a row per instalment of the contract (笔次 prefilled), 收票日期 optional (grey header). */
export function buildPaymentRecordSheet(contract: RuleSet["contract"] = defaultRules().contract): SheetSpec {
  const headers = [...PAYMENT_HEADERS];
  const numbers = contract.instalments.map((i) => i.number);
  const cells: CellWrite[] = headerCells(headers, new Set(["收票日期"]));
  numbers.forEach((n, i) => {
    cells.push({ address: a1(i + 2, 1), value: n, style: { horizontal: "center" } });
    for (let col = 2; col <= headers.length; col++) cells.push({ address: a1(i + 2, col), value: null, numberFormat: DATE_FORMAT });
  });
  return {
    name: INPUT_SHEETS.payments,
    cells,
    merges: [],
    columnWidths: { A: 8, B: 13, C: 13, D: 13 },
    freezeRows: 1,
    tabColor: INPUT_TAB,
  };
}

const INFO_VALUE: Record<string, (c: RuleSet["contract"]) => Pick<CellWrite, "value" | "numberFormat">> = {
  title: (c) => ({ value: c.title, numberFormat: TEXT_FORMAT }),
  partyA: (c) => ({ value: c.partyA, numberFormat: TEXT_FORMAT }),
  partyB: (c) => ({ value: c.partyB, numberFormat: TEXT_FORMAT }),
  termStart: (c) => ({ value: isoToSerial(c.termStart), numberFormat: DATE_FORMAT }),
  termEnd: (c) => ({ value: isoToSerial(c.termEnd), numberFormat: DATE_FORMAT }),
  total: (c) => ({ value: Number(c.total), numberFormat: "#,##0.00" }),
  firstMonth: (c) => ({ value: c.firstMonth, numberFormat: TEXT_FORMAT }),
  lastMonth: (c) => ({ value: c.lastMonth, numberFormat: TEXT_FORMAT }),
  quarterlyFee: (c) => ({ value: c.quarterlyFee === null ? null : Number(c.quarterlyFee), numberFormat: "#,##0.00" }),
};

/** 合同信息 (SPEC §9): 参数 | 值 | 说明, the contract's name, parties, term, total and scored months. */
export function buildContractInfoSheet(contract: RuleSet["contract"] = defaultRules().contract): SheetSpec {
  const cells: CellWrite[] = headerCells(CONTRACT_INFO_HEADERS);
  const rowHeights: Record<number, number> = {};
  CONTRACT_INFO_PARAMS.forEach((p, i) => {
    const row = i + 2;
    // Stryker disable next-line OptionalChaining,ObjectLiteral: INFO_VALUE has every key of CONTRACT_INFO_PARAMS, so the fallback is never taken
    const value = INFO_VALUE[p.key]?.(contract) ?? { value: null };
    cells.push({ address: a1(row, 1), value: p.label, style: { bold: true, border: "thin", vertical: "middle", fill: p.required ? undefined : OPTIONAL_FILL } });
    cells.push({ address: a1(row, 2), ...value, style: { border: "thin", horizontal: p.key === "title" ? "left" : "center", vertical: "middle", wrap: p.key === "title" } });
    cells.push({ address: a1(row, 3), value: p.help, style: { border: "thin", wrap: true, vertical: "middle" } });
    if (p.key === "title") rowHeights[row] = wrappedHeight([{ text: contract.title, width: 60 }], 15);
  });
  return {
    name: INPUT_SHEETS.contract,
    cells,
    merges: [],
    columnWidths: { A: 16, B: 60, C: 40 },
    rowHeights,
    freezeRows: 1,
    tabColor: INPUT_TAB,
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true },
  };
}

/**
 * 付款条款 (SPEC §9): one row per instalment. 比例 as a number formatted as % (0.4 shows 40%),
 * months as text ("2024-12"), 最早开票日期 as a date; a row may be added for a fourth instalment.
 */
export function buildPaymentTermsSheet(contract: RuleSet["contract"] = defaultRules().contract): SheetSpec {
  const headers = PAYMENT_TERMS_HEADERS;
  const cells: CellWrite[] = headerCells(headers, new Set(["最早开票日期", "付款条件"]));
  const rowHeights: Record<number, number> = { 1: 30 };
  const rows = Math.max(contract.instalments.length + 3, 6);
  for (let i = 0; i < rows; i++) {
    const row = i + 2;
    const t = contract.instalments[i];
    const body: CellStyle = { border: "thin", vertical: "middle", horizontal: "center" };
    cells.push({ address: a1(row, 1), value: t?.number ?? null, numberFormat: "0", style: body });
    cells.push({ address: a1(row, 2), value: t ? Number(t.share) : null, numberFormat: t && !Number.isInteger(Number(t.share) * 100) ? "0.00%" : "0%", style: body });
    cells.push({ address: a1(row, 3), value: t?.months?.from ?? null, numberFormat: TEXT_FORMAT, style: body });
    cells.push({ address: a1(row, 4), value: t?.months?.to ?? null, numberFormat: TEXT_FORMAT, style: body });
    cells.push({ address: a1(row, 5), value: t?.invoiceNotBefore ? isoToSerial(t.invoiceNotBefore) : null, numberFormat: DATE_FORMAT, style: body });
    cells.push({ address: a1(row, 6), value: t?.dueWorkingDays ?? null, numberFormat: "0", style: body });
    cells.push({ address: a1(row, 7), value: t?.condition ?? null, numberFormat: TEXT_FORMAT, style: { border: "thin", vertical: "middle", wrap: true } });
    if (t) rowHeights[row] = wrappedHeight([{ text: t.condition, width: 50 }], 15);
  }
  return {
    name: INPUT_SHEETS.paymentTerms,
    cells,
    merges: [],
    columnWidths: { A: 7, B: 8, C: 12, D: 12, E: 14, F: 12, G: 50 },
    rowHeights,
    freezeRows: 1,
    tabColor: INPUT_TAB,
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true },
  };
}

/** 规则设置: 参数 | 值 | 说明, every parameter of SPEC §8 at its contract default. */
export function buildRuleSheet(): SheetSpec {
  const cells: CellWrite[] = headerCells(RULE_HEADERS);
  const rowHeights: Record<number, number> = {};
  // 合同总额 lives in 合同信息 now (SPEC §9): its row here is left blank (blank = as 合同信息 says);
  // 规则设置 still reads a total in older workbooks, and one that differs from 合同信息 is an error.
  const settings = RULE_SETTINGS;
  settings.forEach((def, i) => {
    const row = i + 2;
    const inContract = def.label === "合同总额";
    const text = def.defaultText(defaultRules());
    const value = inContract ? { value: null, numberFormat: "#,##0.00" } : ruleValue(def.label, text);
    const help = inContract ? `留空：合同总额见「${INPUT_SHEETS.contract}」（旧工作簿可在此填写；两处都填且不一致时报错）` : def.help;
    cells.push({ address: a1(row, 1), value: def.label, style: { bold: true, border: "thin", vertical: "middle" } });
    cells.push({ address: a1(row, 2), ...value, style: { border: "thin", horizontal: "center", vertical: "middle" } });
    cells.push({ address: a1(row, 3), value: help, style: { border: "thin", wrap: true, vertical: "middle" } });
    rowHeights[row] = wrappedHeight([{ text: help, width: 70 }], 15);
  });
  const yesNoRows = settings.map((d, i) => ({ d, row: i + 2 })).filter(({ d }) => ["是", "否"].includes(d.defaultText(defaultRules())));
  const listRow = (label: string, values: readonly string[]): ListValidation[] => {
    const i = settings.findIndex((d) => d.label === label);
    return i < 0 ? [] : [{ range: `B${i + 2}`, values }];
  };
  return {
    name: INPUT_SHEETS.rules,
    cells,
    merges: [],
    columnWidths: { A: 20, B: 24, C: 70 },
    rowHeights,
    validations: [
      ...yesNoRows.map(({ row }) => ({ range: `B${row}`, values: YES_NO })),
      ...listRow("扣款基数", ["季度服务费", "本笔款项", "本期服务费"]),
      ...listRow("部分扣分方式", ["按比例", "整步", "起步"]),
      ...listRow("扣分层级", ["市级及以下/省级/国家级", "市级以下/市级/省级及以上"]),
      ...RULE_SETTINGS.flatMap((d) => (d.choices ? listRow(d.label, d.choices) : [])), // A7–A10
    ],
    freezeRows: 1,
    tabColor: INPUT_TAB,
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true },
  };
}

/** Numbers as numbers (a clerk edits 689000 or 0.5% as a number); words as text. */
function ruleValue(label: string, text: string): Pick<CellWrite, "value" | "numberFormat"> {
  if (/^\d+(\.\d+)?%$/.test(text)) return { value: Number(text.slice(0, -1)) / 100, numberFormat: "0.0%" };
  // Stryker disable next-line ConditionalExpression,StringLiteral: 合同总额 never reaches here (buildRuleSheet writes its row blank), so "#,##0.00" is never chosen
  if (/^\d+(\.\d+)?$/.test(text)) return { value: Number(text), numberFormat: label === "合同总额" ? "#,##0.00" : "General" };
  return { value: text, numberFormat: TEXT_FORMAT };
}

/** Checks the options; throws a RangeError with a zh-CN + English message. */
export function checkTemplateOptions(options: TemplateOptions): void {
  if (!isMonthKey(options.from)) throw new RangeError(`起始月份「${options.from}」无效，应如 2024-12 / invalid first month "${options.from}", expected e.g. 2024-12`);
  if (!Number.isInteger(options.months) || options.months < 1 || options.months > 36)
    throw new RangeError(`月数「${options.months}」应为 1–36 的整数 / months must be a whole number 1–36, got "${options.months}"`);
  const c = options.contract;
  const last = addMonths(options.from, options.months - 1);
  if (c && (c.firstMonth !== options.from || c.lastMonth !== last))
    throw new RangeError(`合同的考核月份 ${c.firstMonth} 至 ${c.lastMonth} 与模板月份 ${options.from} 至 ${last} 不一致 / the contract's scored months ${c.firstMonth}…${c.lastMonth} differ from the template's ${options.from}…${last}`);
}

/** Every sheet of a fresh workbook: the monthly 附件二 sheets, the contract's terms (合同信息, 付款条款), then the input sheets. */
export function buildTemplate(options: TemplateOptions): SheetSpec[] {
  checkTemplateOptions(options);
  const months = Array.from({ length: options.months }, (_v, i) => addMonths(options.from, i));
  const contract = options.contract ?? templateContract({ firstMonth: options.from, lastMonth: months[months.length - 1] ?? options.from });
  return [...months.map(buildMonthSheet), buildContractInfoSheet(contract), buildPaymentTermsSheet(contract), buildIndicatorSheet(months), buildEventSheet(), buildReportSheet(), buildPaymentRecordSheet(contract), buildRuleSheet(), buildHolidaySheet()];
}

const yesNo = (b: boolean | null) => (b === null ? null : b ? "是" : "否");

/** A season's inputs, as typed into a template's input sheets (see inputSheetWrites). */
export interface TemplateInputs {
  indicators: readonly MonthIndicators[];
  events: readonly ScoreEvent[];
  reports: readonly ReportSubmission[];
  payments: readonly PaymentRecord[];
}

/** The column of each 指标录入 header in the template (buildIndicatorSheet's order: 考核月份 first). */
const INDICATOR_COLUMNS: ReadonlyMap<string, number> = new Map([MONTH_HEADER, ...INDICATOR_FIELDS.map((f) => f.header)].map((h, i) => [h, i + 1]));

/**
 * A season's inputs as cell writes into a template's input sheets, from row 2, as a clerk would
 * type them (是/否 and 有/无 words, dates as Excel dates): 指标录入 by its header names, 加减分事件
 * and 报告提交 in their template column order, 付款记录 beside the prefilled 笔次 1/2/3. For the
 * example workbook and the benchmark's generated ones; a host renders them with the template.
 */
export function inputSheetWrites(data: TemplateInputs): WritePlan["cellWrites"] {
  const indicators: CellWrite[] = [];
  data.indicators.forEach((row, i) => {
    indicators.push({ address: a1(i + 2, 1), value: row.month });
    for (const f of INDICATOR_FIELDS) {
      const col = INDICATOR_COLUMNS.get(f.header);
      // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: INDICATOR_COLUMNS is built from INDICATOR_FIELDS, so every header has its column
      if (!col) throw new Error(`指标录入 has no column ${f.header}`);
      const v = row[f.key as IndicatorKey];
      indicators.push({ address: a1(i + 2, col), value: typeof v === "boolean" ? yesNo(v) : v });
    }
  });
  const events = data.events.flatMap((e, i) => {
    const values: Record<(typeof EVENT_HEADERS)[number], string | null> = {
      考核月份: e.month,
      类型: e.type === "bonus" ? "加分" : "扣分",
      级别: e.level,
      事项编号: e.matterId,
      事项说明: e.description,
      佐证材料: e.evidence === null ? null : e.evidence ? "有" : "无",
      经查属实: yesNo(e.verified),
      乙方报送: yesNo(e.reported),
    };
    return EVENT_HEADERS.map((h, c) => ({ address: a1(i + 2, c + 1), value: values[h] }));
  });
  const reports = data.reports.flatMap((r, i) => [
    { address: a1(i + 2, 1), value: r.kind },
    { address: a1(i + 2, 2), value: r.period },
    { address: a1(i + 2, 3), value: r.submitted ? isoToSerial(r.submitted) : null },
    { address: a1(i + 2, 4), value: yesNo(r.extensionApproved) },
  ]);
  // 付款记录 rows are prefilled with 笔次 1, 2, 3 in the template.
  const payments = data.payments.flatMap((p) => [
    { address: a1(p.number + 1, 2), value: p.invoiceDate ? isoToSerial(p.invoiceDate) : null },
    { address: a1(p.number + 1, 3), value: p.paidDate ? isoToSerial(p.paidDate) : null },
    ...(p.receivedDate ? [{ address: a1(p.number + 1, 4), value: isoToSerial(p.receivedDate) }] : []),
  ]);
  return [
    { sheet: INPUT_SHEETS.indicators, writes: indicators },
    { sheet: INPUT_SHEETS.events, writes: events },
    { sheet: INPUT_SHEETS.reports, writes: reports },
    { sheet: INPUT_SHEETS.payments, writes: payments },
  ];
}

/**
 * A fresh workbook as a plan: the template's sheets to create, and (for the example and the bench)
 * the inputs typed into them. A host renders it into an empty workbook.
 */
export function templatePlan(sheets: readonly SheetSpec[], inputs?: TemplateInputs): WritePlan {
  return { cellWrites: inputs ? inputSheetWrites(inputs) : [], sheets: [...sheets] };
}
