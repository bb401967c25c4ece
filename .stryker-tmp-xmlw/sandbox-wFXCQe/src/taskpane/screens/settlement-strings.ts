/**
 * The words of the 付款结算 and 合同与日历 screens (issue 15 point 5), zh-CN first, en-US second.
 * Sheet names and the contract's own terms stay Chinese in English (they are what the workbook
 * says), with the English beside them where it helps.
 */
// @ts-nocheck

import { monthLabel, type MonthKey } from "../../domain";
import type { Locale } from "../i18n";

export interface SettlementStrings {
  heading: string;
  intro: string;
  notRead: string;
  settleAll: string;
  settleAllHelp: string;
  settleBlockedDirty: string;
  savePayments: string;
  saveHelp: string;
  discard: string;
  errorsBlock: (n: number) => string;
  unsaved: string;
  instalmentTitle: (n: number, share: string, amount: string) => string;
  status: Record<"not-invoiced" | "invoiced" | "paid", string>;
  months: string;
  monthsText: (months: readonly MonthKey[], scored: number) => string;
  untied: string;
  average: string;
  averageText: (avg: string, final: boolean) => string;
  noScore: string;
  pointsBelow: (points: string, threshold: string) => string;
  deduction: string;
  projected: (amount: string) => string;
  payable: string;
  payableUpper: string;
  pendingPayable: (missing: readonly MonthKey[]) => string;
  invoiceDate: string;
  receivedDate: string;
  paidDate: string;
  invoiceHint: (notBefore: string | null) => string;
  receivedHint: string;
  paidHint: string;
  dueDate: string;
  dueText: (due: string, days: number, from: string) => string;
  noDue: string;
  daysLate: string;
  daysLateText: (days: number | null, paid: boolean) => string;
  lateCharge: string;
  lateChargePending: string;
  overdue: (days: number) => string;
  condition: string;
  /** The separator after a label in running text ("：" / ": "). */
  colon: string;
  /**
   * Beside the contract's 付款条件 (quoted as written, lang="zh-CN"): what the figures apply, in
   * the reader's language ("" in zh-CN, where the condition speaks for itself).
   */
  conditionGloss: (f: { months: readonly MonthKey[]; dueWorkingDays: number; invoiceNotBefore: string | null }) => string;
  totalsHeading: string;
  totalContract: string;
  totalDeductions: string;
  totalPayable: string;
  totalLateCharges: string;
  asOf: (date: string) => string;
  paymentErrors: string;
  saved: (cells: number) => string;
  unchanged: string;
  refusedHeading: string;
  settled: (months: number, paymentSheet: boolean) => string;
}

export interface ContractStrings {
  heading: string;
  intro: string;
  infoHeading: string;
  infoAbsent: string;
  termsHeading: string;
  termsAbsent: string;
  holidaysHeading: string;
  holidaysIntro: string;
  holidaysAbsent: string;
  paramLabel: Record<string, string>;
  termsColumn: Record<string, string>;
  instalment: (n: string) => string;
  untiedHint: string;
  addInstalment: string;
  removeInstalment: (n: string) => string;
  holidayDate: string;
  holidayKind: string;
  holidayNote: string;
  kindRest: string;
  kindWork: string;
  addHoliday: string;
  removeHoliday: (date: string) => string;
  holidayRow: (i: number) => string;
  noHolidays: string;
  save: string;
  saveHelp: string;
  discard: string;
  errorsBlock: (n: number) => string;
  saved: (cells: number) => string;
  unchanged: string;
  refusedHeading: string;
  notRead: string;
}

const ZH: SettlementStrings = {
  heading: "付款结算",
  intro: "每笔款项的考核月份、平均分、扣款与应付金额，以及发票、收票、付款日期。日期保存到「付款记录」工作表；应付日按法定工作日（含调休）计算。",
  notRead: "工作簿尚未读取。",
  settleAll: "重算并结算",
  settleAllHelp: "重新计算每个月的得分，并重写「付款结算」工作表（不改动任何输入）。",
  settleBlockedDirty: "请先保存或放弃付款日期的修改，再重算并结算。",
  savePayments: "保存付款日期",
  saveHelp: "只把改动过的日期写入「付款记录」；保存后本页数字按新日期重新计算。",
  discard: "放弃修改",
  errorsBlock: (n) => `有 ${n} 个错误，改正后才能保存。`,
  unsaved: "有未保存的修改：下面的应付日、逾期天数和违约金仍按工作簿中的日期计算。",
  instalmentTitle: (n, share, amount) => `第${n}笔（${share}）${amount}`,
  status: { "not-invoiced": "未开票", invoiced: "已开票，未付款", paid: "已付款" },
  months: "考核月份",
  monthsText: (months, scored) => (months.length === 0 ? "—" : `${monthLabel(months[0] as MonthKey)} 至 ${monthLabel(months[months.length - 1] as MonthKey)}（已评 ${scored}/${months.length}）`),
  untied: "不与考核得分挂钩",
  average: "平均分",
  averageText: (avg, final) => `${avg}（${final ? "最终" : "目前"}）`,
  noScore: "尚无评分",
  pointsBelow: (points, threshold) => `，低于 ${threshold} 分 ${points} 分`,
  deduction: "扣款",
  projected: (amount) => `${amount}（按目前水平预计）`,
  payable: "应付金额",
  payableUpper: "大写",
  pendingPayable: (missing) => `待 ${missing.map(monthLabel).join("、")} 评分后确定`,
  invoiceDate: "发票日期",
  receivedDate: "收票日期（可不填）",
  paidDate: "实付日期（未付留空）",
  invoiceHint: (notBefore) => (notBefore ? `如 2025-06-16；合同约定 ${notBefore} 起开票` : "如 2025-06-16"),
  receivedHint: "甲方收到发票的日期；填写后付款期限从此日起算",
  paidHint: "如 2025-07-28",
  dueDate: "应付日",
  dueText: (due, days, from) => `${due}（${from} 后第 ${days} 个工作日）`,
  noDue: "开票后计算",
  daysLate: "逾期天数",
  daysLateText: (days, paid) => (days === null ? "—" : days === 0 ? "未逾期" : `${days} 天${paid ? "" : "（尚未付款）"}`),
  lateCharge: "违约金",
  lateChargePending: "应付金额确定后计算",
  overdue: (days) => `逾期超过 ${days} 天：乙方有权解除合同并要求支付合同款项的 10%`,
  condition: "付款条件",
  colon: "：",
  conditionGloss: () => "",
  totalsHeading: "合计",
  totalContract: "合同总额",
  totalDeductions: "扣款合计",
  totalPayable: "应付合计",
  totalLateCharges: "违约金合计",
  asOf: (date) => `未付款项的逾期天数算至 ${date}。`,
  paymentErrors: "「付款记录」有错误，应付日暂无法计算；请按各日期旁及下面的提示改正。",
  saved: (cells) => `已保存 ${cells} 个单元格到「付款记录」；本页数字已按新日期计算，「付款结算」表在「重算并结算」后更新。`,
  unchanged: "没有需要保存的修改。",
  refusedHeading: "未保存，工作簿未改动：",
  settled: (months, sheet) => (sheet ? `已重算 ${months} 个月，「付款结算」表已更新。` : `已重算 ${months} 个月；尚有款项的考核月份未齐，「付款结算」表暂未生成。`),
};

const EN: SettlementStrings = {
  heading: "Settlement (sheet “付款结算”)",
  intro:
    "Per instalment: the scored months, average, deduction and amount payable, with the invoice, receipt and payment dates. The dates are saved to the “付款记录” sheet; due dates count PRC working days (make-up days included).",
  notRead: "The workbook is not read yet.",
  settleAll: "Recompute and settle",
  settleAllHelp: "Recomputes every month's scores and rewrites the “付款结算” sheet (no input is changed).",
  settleBlockedDirty: "Save or discard the date edits first, then recompute and settle.",
  savePayments: "Save payment dates",
  saveHelp: "Writes only the changed dates to “付款记录”; the figures here are then recomputed with them.",
  discard: "Discard changes",
  errorsBlock: (n) => `${n} error${n === 1 ? "" : "s"} to correct before saving.`,
  unsaved: "Unsaved edits: the due dates, days late and late charges below still use the workbook's dates.",
  instalmentTitle: (n, share, amount) => `Instalment ${n} (${share}) ${amount}`,
  status: { "not-invoiced": "not invoiced", invoiced: "invoiced, unpaid", paid: "paid" },
  months: "Scored months",
  monthsText: (months, scored) => (months.length === 0 ? "—" : `${months[0]} to ${months[months.length - 1]} (${scored} of ${months.length} scored)`),
  untied: "not tied to the scores",
  average: "Average",
  averageText: (avg, final) => `${avg} (${final ? "final" : "so far"})`,
  noScore: "no month scored yet",
  pointsBelow: (points, threshold) => `, ${points} below ${threshold}`,
  deduction: "Deduction",
  projected: (amount) => `${amount} (projected at the pace so far)`,
  payable: "Payable",
  payableUpper: "In words (“大写”)",
  pendingPayable: (missing) => `known once ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} scored`,
  invoiceDate: "Invoice date",
  receivedDate: "Invoice received (optional)",
  paidDate: "Paid on (blank while unpaid)",
  invoiceHint: (notBefore) => (notBefore ? `e.g. 2025-06-16; the contract allows an invoice from ${notBefore}` : "e.g. 2025-06-16"),
  receivedHint: "When the client (“甲方”) received the invoice; the payment term then runs from it",
  paidHint: "e.g. 2025-07-28",
  dueDate: "Due",
  dueText: (due, days, from) => `${due} (working day ${days} after ${from})`,
  noDue: "after the invoice",
  daysLate: "Days late",
  daysLateText: (days, paid) => (days === null ? "—" : days === 0 ? "on time" : `${days} day${days === 1 ? "" : "s"}${paid ? "" : " (unpaid)"}`),
  lateCharge: "Late charge",
  lateChargePending: "once the amount is known",
  overdue: (days) => `More than ${days} days late: the operator may terminate and claim 10% of the contract`,
  condition: "Condition (“付款条件”)",
  colon: ": ",
  conditionGloss: (f) =>
    `(translation as applied here: paid within ${f.dueWorkingDays} working day${f.dueWorkingDays === 1 ? "" : "s"} of the invoice${f.invoiceNotBefore ? `, invoiced from ${f.invoiceNotBefore}` : ""}${
      f.months.length > 0 ? `; the deduction follows the average score of ${f.months[0]} to ${f.months[f.months.length - 1]}` : "; not tied to the scores"
    })`,
  totalsHeading: "Totals",
  totalContract: "Contract total",
  totalDeductions: "Deductions",
  totalPayable: "Payable",
  totalLateCharges: "Late charges",
  asOf: (date) => `Days late of unpaid instalments are counted to ${date}.`,
  paymentErrors: "“付款记录” has errors, so no due date can be computed: correct them as shown beside the dates and below.",
  saved: (cells) => `Saved ${cells} cell${cells === 1 ? "" : "s"} to “付款记录”; the figures here use the new dates, the “付款结算” sheet once you recompute and settle.`,
  unchanged: "Nothing to save.",
  refusedHeading: "Not saved; the workbook is unchanged:",
  settled: (months, sheet) =>
    sheet
      ? `Recomputed ${months} month${months === 1 ? "" : "s"}; the “付款结算” sheet is up to date.`
      : `Recomputed ${months} month${months === 1 ? "" : "s"}; some instalments miss scored months, so no “付款结算” sheet yet.`,
};

export const SETTLEMENT_STRINGS: Record<Locale, SettlementStrings> = { "zh-CN": ZH, "en-US": EN };

const CONTRACT_ZH: ContractStrings = {
  heading: "合同与日历",
  intro: "合同的条款和节假日安排是工作簿中的数据：续签或补充协议时在这里修改，保存后所有月份和付款按新条款计算。检查与计算时完全相同，有错误时不写入任何内容。",
  infoHeading: "合同信息",
  infoAbsent: "工作簿没有「合同信息」工作表：下面是现行合同（默认合同）的条款；修改并保存会新建该工作表。",
  termsHeading: "付款条款",
  termsAbsent: "工作簿没有「付款条款」工作表：下面是现行合同的各笔款项；修改并保存会新建该工作表。",
  holidaysHeading: "节假日安排",
  holidaysIntro: "一行一天，只填与普通周一至周五不同的日子：放假填「休」，调休上班填「班」。用于内置日历尚未收录的年份，或更正内置日历（以本表为准）。",
  holidaysAbsent: "工作簿没有「节假日安排」工作表：按内置日历计算。添加行并保存会新建该工作表。",
  paramLabel: {
    title: "合同名称",
    partyA: "甲方",
    partyB: "乙方",
    termStart: "合同期起",
    termEnd: "合同期止",
    total: "合同总额（元，含税）",
    firstMonth: "首个考核月份",
    lastMonth: "末个考核月份",
    quarterlyFee: "季度服务费（可不填）",
  },
  termsColumn: { number: "笔次", share: "比例", from: "考核月份起", to: "考核月份止", notBefore: "最早开票日期", days: "付款期限（工作日）", condition: "付款条件" },
  instalment: (n) => `第${n || "?"}笔`,
  untiedHint: "考核月份起、止都留空：本笔不与考核得分挂钩，不扣款。",
  addInstalment: "添加一笔款项",
  removeInstalment: (n) => `删除第${n || "?"}笔`,
  holidayDate: "日期",
  holidayKind: "类型",
  holidayNote: "说明",
  kindRest: "休（放假）",
  kindWork: "班（调休上班）",
  addHoliday: "添加一天",
  removeHoliday: (date) => `删除 ${date || "这一行"}`,
  holidayRow: (i) => `第 ${i + 1} 条`,
  noHolidays: "尚无节假日安排。",
  save: "保存合同与日历",
  saveHelp: "只把改动过的单元格写入「合同信息」「付款条款」「节假日安排」（缺少的工作表按模板新建）。",
  discard: "放弃修改",
  errorsBlock: (n) => `有 ${n} 个错误，改正后才能保存。`,
  saved: (cells) => `已保存 ${cells} 个单元格；各月得分与付款请用「重算并结算」按新条款重新计算。`,
  unchanged: "没有需要保存的修改。",
  refusedHeading: "未保存，工作簿未改动：",
  notRead: "工作簿尚未读取。",
};

const CONTRACT_EN: ContractStrings = {
  heading: "Contract and calendar",
  intro:
    "The contract's terms and the holiday arrangement are data in the workbook: change them here for a renewal or an amendment, and every month and payment is computed with them. The checks are the same as when computing; with an error nothing is written.",
  infoHeading: "Contract (“合同信息”)",
  infoAbsent: "The workbook has no “合同信息” sheet: these are the terms in force (the default contract); saving a change creates the sheet.",
  termsHeading: "Payment terms (“付款条款”)",
  termsAbsent: "The workbook has no “付款条款” sheet: these are the instalments in force; saving a change creates the sheet.",
  holidaysHeading: "Holidays (“节假日安排”)",
  holidaysIntro:
    "One day a row, only days that differ from an ordinary Monday–Friday week: “休” for a day off, “班” for a make-up working day. For a year the built-in calendar does not know yet, or to correct it (this sheet wins).",
  holidaysAbsent: "The workbook has no “节假日安排” sheet: the built-in calendar is used. Adding a row and saving creates the sheet.",
  paramLabel: {
    title: "Contract name (“合同名称”)",
    partyA: "Client (“甲方”)",
    partyB: "Operator (“乙方”)",
    termStart: "Term starts (“合同期起”)",
    termEnd: "Term ends (“合同期止”)",
    total: "Contract total, yuan incl. tax (“合同总额”)",
    firstMonth: "First scored month (“首个考核月份”)",
    lastMonth: "Last scored month (“末个考核月份”)",
    quarterlyFee: "Quarterly fee, optional (“季度服务费”)",
  },
  termsColumn: {
    number: "Instalment (“笔次”)",
    share: "Share (“比例”)",
    from: "Scored from (“考核月份起”)",
    to: "Scored to (“考核月份止”)",
    notBefore: "Invoice not before (“最早开票日期”)",
    days: "Payment term, working days",
    condition: "Condition (“付款条件”)",
  },
  instalment: (n) => `Instalment ${n || "?"}`,
  untiedHint: "Both scored months blank: this instalment is not tied to the scores (no deduction).",
  addInstalment: "Add an instalment",
  removeInstalment: (n) => `Remove instalment ${n || "?"}`,
  holidayDate: "Date",
  holidayKind: "Type",
  holidayNote: "Note",
  kindRest: "“休” (day off)",
  kindWork: "“班” (make-up working day)",
  addHoliday: "Add a day",
  removeHoliday: (date) => `Remove ${date || "this row"}`,
  holidayRow: (i) => `Entry ${i + 1}`,
  noHolidays: "No holiday rows yet.",
  save: "Save contract and calendar",
  saveHelp: "Writes only the changed cells of “合同信息”, “付款条款” and “节假日安排” (a missing sheet is created as the template makes it).",
  discard: "Discard changes",
  errorsBlock: (n) => `${n} error${n === 1 ? "" : "s"} to correct before saving.`,
  saved: (cells) => `Saved ${cells} cell${cells === 1 ? "" : "s"}; use “Recompute and settle” to recompute the months and payments with the new terms.`,
  unchanged: "Nothing to save.",
  refusedHeading: "Not saved; the workbook is unchanged:",
  notRead: "The workbook is not read yet.",
};

export const CONTRACT_STRINGS: Record<Locale, ContractStrings> = { "zh-CN": CONTRACT_ZH, "en-US": CONTRACT_EN };
