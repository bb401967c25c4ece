/**
 * The pane's words, zh-CN first (the manifest's DefaultLocale), en-US second. Components take every
 * text from here. Messages of the engine and the reader come with both languages (message /
 * messageEn) and are picked with `pick`.
 */
// @ts-nocheck

import { defaultRules, INDICATOR_FIELDS, ticketCapHelp, type IndicatorKey } from "../domain";

export type Locale = "zh-CN" | "en-US";

export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

/** zh-* → zh-CN, en-* → en-US; any other language gets the product's own, zh-CN. */
export function pickLocale(language: string | null | undefined): Locale {
  const lang = (language ?? "").trim().toLowerCase();
  if (lang.startsWith("en")) return "en-US";
  return "zh-CN";
}

/** The message in the pane's language (zh-CN, or English when there is one, its Chinese names quoted: polishEnglish). */
export function pick(locale: Locale, p: { message: string; messageEn?: string }): string {
  return locale === "en-US" && p.messageEn ? polishEnglish(p.messageEn) : p.message;
}

// --- components (h1b): English messages of the engine and the reader, as the pane shows them ---
const ZH_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const zhNumber = (s: string) => (s.length === 1 ? (ZH_NUMERALS[s] ?? 0) : s.startsWith("十") ? 10 + (ZH_NUMERALS[s.slice(1)] ?? 0) : (ZH_NUMERALS[s[0] ?? ""] ?? 0) * 10 + (ZH_NUMERALS[s.slice(2)] ?? 0));
const KIND_EN: Record<string, string> = { 月报: "monthly report", 季报: "quarterly report", 年报: "annual report" };
const PUNCT_EN: Record<string, string> = { "、": ", ", "，": ", ", "：": ": ", "；": "; ", "。": ". ", "（": " (", "）": ")" };
const HAN_RUN = /(?:\d+[-./]?)*[\u3400-\u9fff\uf900-\ufaff]+(?:[\d.]*[\u3400-\u9fff\uf900-\ufaff]+)*(?:\d+)?/g;
const QUOTATION = /(“[^”\n]*”|「[^」\n]*」|"[^"\n]*")/;

/**
 * An English message of the engine or the reader as the pane shows it: the contract's clause
 * numbers in figures ("§一(三)6" → "§1(3)6"), a report kind standing as a word in English ("月报
 * 2025-11" → "monthly report 2025-11"), and every other Chinese name (a sheet, a header, the clerk's
 * own entry) left as written but quoted (“报告提交”), so English text holds Chinese only as a
 * quotation. Text already inside quotation marks is left as it is.
 */
export function polishEnglish(text: string): string {
  return text
    .split(QUOTATION)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(/§([一二三四五六七八九十]+)(?:\(([一二三四五六七八九十]+)\))?/g, (_m, a: string, b?: string) => `§${zhNumber(a)}${b ? `(${zhNumber(b)})` : ""}`)
        .replace(/(月报|季报|年报)(?=[\s(（,，:：]|\d|$)/g, (k: string) => KIND_EN[k] ?? k)
        .replace(/[、，：；。（）]/g, (c) => PUNCT_EN[c] ?? c)
        .replace(HAN_RUN, (run) => `“${run}”`);
    })
    .join("");
}

export type PhaseName = "read" | "score" | "write";

export interface Strings {
  title: string;
  subtitle: string;
  /** Shown when the pane runs inside Excel; `platform` is Office's platform name. */
  connected: (platform: string | null) => string;
  /** Shown in a plain browser before a file is opened. */
  browserOnly: string;
  /** The other language's name, on the switch button. */
  otherLanguage: string;
  languageSwitch: string;
  notExcel: (host: string) => string;

  tabMonths: string;
  tabSettings: string;
  // --- the pane's shell and screens (state model, navigation, lost-work guard, month page: issue 15 h1a) ---
  /** The pane's screens, in the navigation. */
  navLabel: string;
  tabSettlement: string;
  tabContract: string;
  /** A scored month whose 考核得分 in the workbook is empty or not what the inputs give. */
  stateStale: string;
  /** Why: the cell ("2025年10月!H2") holds nothing / another value. */
  staleDetail: (cell: string | null, held: string | null) => string;
  scoreCaption: string;
  /** The month page's bar while the form holds edits: the score is from the workbook, not the edits. */
  draftPending: string;
  draftProblemsHeading: string;
  resultsSection: string;
  /** 计算本月 refused on a month not filled in: which fields are missing. */
  monthMissing: (month: string, names: readonly string[]) => string;
  freezeNeedsScore: (state: "not-started" | "incomplete" | "errors") => string;
  undoNone: string;
  undoEmpty: string;
  undoRefused: string;
  guardTitle: string;
  guardLeave: string;
  guardDownload: string;
  guardOpenFile: (name: string) => string;
  guardUnsavedWrites: string;
  guardSaveLeave: string;
  guardSaveDownload: string;
  guardDiscard: string;
  guardDiscardOpen: string;
  /** Browser mode: the workbook in the pane holds writes not downloaded yet. */
  notDownloaded: string;
  /** The month page's badge for a score below 达标分. */
  belowPass: (threshold: string) => string;
  // --- end h1a ---
  monthsHeading: string;
  noMonths: string;
  openFirst: string;
  monthLabel: (month: string) => string;
  stateNotStarted: string;
  stateIncomplete: (missing: number) => string;
  stateErrors: (errors: number) => string;
  stateScored: (total: string, below: boolean) => string;
  noSheet: string;
  /** Badge of a month frozen (定稿) in 审计记录. */
  frozenBadge: string;

  instalmentsHeading: string;
  instalmentTitle: (n: number, amount: string) => string;
  instalmentNoMonths: string;
  instalmentProgress: (scored: number, months: number, average: string | null) => string;
  instalmentDeduction: (deduction: string | null, final: boolean) => string;
  instalmentPayable: (payable: string) => string;

  computeMonth: string;
  recomputeAll: string;
  reload: string;
  saveMonth: string;
  backToMonths: string;
  busy: string;
  phase: Record<PhaseName, string>;

  loaded: (months: number, errors: number, warnings: number) => string;
  saved: (cells: number) => string;
  unchanged: string;
  scored: (months: number, cells: number) => string;
  recomputed: (months: number, paymentSheet: boolean) => string;
  refused: (errors: number) => string;
  failed: (message: string) => string;
  opened: (name: string) => string;
  settingsSaved: string;

  indicatorsHeading: string;
  indicatorLabel: (key: IndicatorKey) => string;
  optionalHint: string;
  yes: string;
  no: string;
  blank: string;
  monthProblems: string;

  eventsHeading: string;
  noEvents: string;
  eventTitle: (i: number) => string;
  addEvent: string;
  removeEvent: (i: number) => string;
  eventType: string;
  bonus: string;
  penalty: string;
  level: string;
  matterId: string;
  description: string;
  evidence: string;
  verified: string;
  reported: string;

  reportsHeading: string;
  noReports: string;
  reportTitle: (i: number) => string;
  addReport: string;
  removeReport: (i: number) => string;
  reportKind: string;
  reportPeriod: string;
  reportPeriodHint: string;
  submitted: string;
  submittedHint: string;
  extension: string;

  resultsHeading: string;
  notScored: string;
  total: (total: string) => string;
  item: (no: number, name: string, score: string) => string;

  problemsHeading: (errors: number, warnings: number) => string;
  place: (sheet: string | null, cell: string | null, indicator: string) => string;
  selectCell: (place: string) => string;

  settingsHeading: string;
  settingsIntro: string;
  settingsAbsent: string;
  saveSettings: string;
  resetSettings: string;
  settingLabel: (label: string) => string;
  settingHint: (label: string) => string;
  stepRule: (rule: "satisfactionSteps" | "ticketQualitySteps" | "settlementSteps") => string;
  optionLabel: (value: string) => string;

  fileHeading: string;
  openFile: string;
  download: string;
  fileHint: string;
  noFile: string;
  currentFile: (name: string) => string;

  // 定稿 / 解除定稿 / 撤销上次写入
  freeze: string;
  unfreeze: string;
  undo: string;
  cancel: string;
  frozenNotice: (at: string, who: string) => string;
  frozenChanged: string;
  freezeTitle: (month: string) => string;
  freezeIntro: string;
  freezeWho: string;
  freezeDirty: string;
  unfreezeTitle: (month: string) => string;
  unfreezeIntro: string;
  unfreezeWho: string;
  unfreezeReason: string;
  unfreezeReasonHint: string;
  whoRequired: string;
  reasonRequired: string;
  undoTitle: string;
  undoLoading: string;
  undoIntro: (takenAt: string | null) => string;
  undoCells: (cells: number) => string;
  undoSheets: (sheets: readonly string[]) => string;
  undoChangedSince: (n: number) => string;
  undoNothing: string;
  undoAfterwards: string;
  frozenDone: (month: string, who: string) => string;
  unfrozenDone: (month: string) => string;
  undone: (cells: number, changedSince: number) => string;

  // What this Excel cannot do (requirement sets it lacks); a write that stopped part way
  limitationsTitle: string;
  limitationsDismiss: string;
  incompleteTitle: string;
  incompleteDone: string;
  incompleteNotDone: string;
  incompleteNone: string;
  incompleteAdvice: string;
  incompleteStatus: string;

  // --- the pane's components (reports by period, flags, A2, English beside quotations: issue 15 h1b) ---
  /** What the reports section lists: the reports scored in this month (their due date falls in it). */
  reportsIntro: string;
  /** A report by its period: "2025年9月 月报" / "Monthly report, Sep 2025". */
  reportPeriodTitle: (kind: string, period: string) => string;
  /** "应交日期 2025-10-10" */
  reportDue: (due: string) => string;
  /** A report due in another month than the one open: where it is scored. */
  reportScoredIn: (month: string) => string;
  reportNoDue: string;
  /** The sheet row a card came from: 「报告提交」第 17 行. */
  reportRow: (row: number) => string;
  eventRow: (row: number) => string;
  /** The label of a yes/no switch, following its state: "佐证材料（有）" / "佐证材料（无）". */
  flag: (name: string, value: boolean | null, have?: boolean) => string;
  evidenceName: string;
  /** The contract's own words (quoted as written) and, in English, their translation beside them. */
  contractText: string;
  translation: string;
  /** A2 as it applies to row 9 this month: cap, lowest score, the most the rates in force can take off, and whether the cap took effect. */
  ticketFloorNote: (cap: string, lowest: string, most: string, bites: boolean, hit: boolean) => string;
  scoreLabel: string;
  /** An item's points in the results: "9.75 / 10". */
  points: (score: string, max: string | null) => string;
  /** A sheet's header (a column name), in the pane's language. */
  headerName: (header: string) => string;
  /** The name a download gets. */
  downloadAs: (name: string) => string;
  /** The other row a message's "另见第 N 条" means: its sheet and cell. */
  seeAlsoAt: (place: string) => string;

  // Shell and editions (h8, issue 15 loose ends): the toolbar's one recompute-and-settle action,
  // each edition's first status line, the limitations bar's title in WPS.
  recomputeAllHint: string;
  connectedWps: string;
  offlineEdition: string;
  limitationsTitleWps: string;
  /** 付款进度: an instalment while some of its months need recomputing (its figures not computed yet). */
  instalmentStale: (months: readonly string[]) => string;
  /** A collapsible section's header after its name: how many entries, how many errors. */
  sectionSummary: (entries: number, errors: number) => string;
  // --- end h1b ---
}

const PLATFORMS: Record<Locale, Record<string, string>> = {
  // WPS edition (h6): host.ts reports platform "WPS" inside WPS 表格.
  "zh-CN": { PC: "Windows 桌面版", OfficeOnline: "网页版", Mac: "Mac 版", iOS: "iPad 版", Android: "Android 版", Universal: "Windows 应用版", WPS: "WPS 表格" },
  "en-US": { PC: "Windows desktop", OfficeOnline: "on the web", Mac: "for Mac", iOS: "for iPad", Android: "for Android", Universal: "Windows app", WPS: "WPS Spreadsheets" },
};

const PHASES: Record<Locale, Record<PhaseName, string>> = {
  "zh-CN": { read: "正在读取工作簿…", score: "正在评分…", write: "正在写入…" },
  "en-US": { read: "Reading the workbook…", score: "Scoring…", write: "Writing…" },
};

/** 规则设置 parameters in English, and what each means (the contract's words are in the sheet's 说明). */
const SETTING_EN: Record<string, [string, string]> = {
  合同总额: ["Contract total (yuan, tax incl.)", "Contract §10(1): 689,000.00"],
  达标分: ["Pass mark", "Contract §10(2): 95 and above is paid in full"],
  每分扣款比例: ["Deduction per point", "Contract §10(2): 0.5% of the quarterly fee per point below 95"],
  扣款基数: ["Deduction base (A5)", "What the 0.5% per point is taken of"],
  流动率20至30得分: ["Score for turnover 20–30% (A1)", "The contract awards 10 (full marks); 5 is the likely intent"],
  质检扣分上限: ["Most points deducted for ticket quality (A2)", ticketCapHelp(defaultRules(), "en")],
  部分扣分方式: ["Partial steps (A3)", "How a partial step of a \"per 1%\" rule counts"],
  扣分层级: ["Penalty ladder (A4)", "−10 / −20 / −50 by level"],
  年报所属年度: ["Year of the annual report", "Which December the annual report is due in"],
  平均分取整: ["Round the period average (A6)", "Round half-up to 2 decimals before the deduction"],
  总分封顶100: ["Cap the monthly total at 100", "The contract sets no cap"],
  总分不低于0: ["Floor the monthly total at 0", "The contract sets no floor"],
  同一事项计分范围: ["One matter counts once — over what span (A7)", "The contract: \"a matter counts once\", no span given; default the whole term"],
  扣分事项多级通报: ["A penalty matter reported at several levels (A8)", "Default: deducted once, at the highest level; or every report counts"],
  乙方报送要求: ["Bonuses the operator must report (A9)", "The contract: \"reported by the operator\"; default every bonus, or the public's +1 only"],
  付款期限起算: ["When the payment clock starts (A10)", "Default: not before the instalment's earliest invoice date; or from the invoice (or receipt) date"],
};

const SETTING_ZH_HINT: Record<string, string> = {
  合同总额: "合同§十(一)：人民币陆拾捌万玖仟元整",
  达标分: "合同§十(二)：95分及以上全额结算",
  每分扣款比例: "合同§十(二)：95分以下每低1分按照季度服务费0.5%扣除",
  扣款基数: "A5：「按照季度服务费0.5%扣除」的基数",
  流动率20至30得分: "A1：合同原文「月流动率在 20%-30%得 10 分」（5 为可能的本意）",
  质检扣分上限: ticketCapHelp(defaultRules()),
  部分扣分方式: "A3：「每降低1%扣0.5分」不足一步时如何计",
  扣分层级: "A4：扣分项 −10 / −20 / −50 的级别划分",
  年报所属年度: "年报「每年12月底前」对应的年度",
  平均分取整: "A6：期间平均分先四舍五入到 2 位小数再计算扣款",
  总分封顶100: "合同未规定，默认否",
  总分不低于0: "合同未规定，默认否",
  同一事项计分范围: "A7：合同「同一事项只计一次分」未说范围；默认整个合同期",
  扣分事项多级通报: "A8：同一扣分事项被多级通报时，默认只扣一次（按最高级别）",
  乙方报送要求: "A9：合同「由乙方主动进行报送」；默认全部加分都须乙方报送",
  付款期限起算: "A10：默认不早于该笔的最早开票日期起算（提前开票不提前起算）",
};

const OPTION_EN: Record<string, string> = {
  季度服务费: "the quarterly fee",
  本笔款项: "the instalment",
  本期服务费: "the period's fee (two quarters)",
  按比例: "proportional",
  整步: "whole steps only",
  起步: "any started step",
  "市级及以下/省级/国家级": "city or below / province / national",
  "市级以下/市级/省级及以上": "below city / city / province and above",
  当年: "the same year",
  上一年度: "the year before",
  是: "yes",
  否: "no",
  月报: "monthly report",
  季报: "quarterly report",
  年报: "annual report",
  群众: "the public",
  市级及以上: "city level or above",
  市级及以下: "city level or below",
  省级: "province",
  国家级: "national",
  市级以下: "below city level",
  市级: "city level",
  省级及以上: "province or above",
  整个合同期: "the whole term",
  同一月内: "within one month",
  只扣一次: "once (highest level)",
  每次都扣: "every report",
  全部加分: "every bonus",
  仅群众表扬: "the public's praise (+1) only",
  不早于最早开票日期: "not before the earliest invoice date",
  自发票日期: "from the invoice (or receipt) date",
};

const STEP_RULES: Record<Locale, Record<"satisfactionSteps" | "ticketQualitySteps" | "settlementSteps", string>> = {
  "zh-CN": { satisfactionSteps: "满意率（第8项）", ticketQualitySteps: "工单质检（第9项）", settlementSteps: "结算扣款" },
  "en-US": { satisfactionSteps: "Satisfaction (row 8)", ticketQualitySteps: "Ticket quality (row 9)", settlementSteps: "Settlement deduction" },
};

const label = (key: IndicatorKey) => INDICATOR_FIELDS.find((f) => f.key === key);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const monthEn = (m: string) => {
  const [y, mm] = m.split("-");
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${names[Number(mm) - 1] ?? mm} ${y}`;
};

// --- components (h1b): report periods, headers and Chinese names quoted in English ---
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** Chinese text in an English sentence is a quotation: a name of the workbook, the clerk's own words. */
const quoteCjk = (s: string) => (CJK.test(s) ? `“${s}”` : s);
const reportPeriodZh = (kind: string, period: string) => {
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${"一二三四"[Number(q[2]) - 1]}季度`;
  if (/^\d{4}-\d{2}$/.test(period)) return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
  if (/^\d{4}$/.test(period)) return `${period}年度`;
  return period === "" ? "（未填所属期间）" : kind === "" ? period : `「${period}」`;
};
const reportPeriodEn = (kind: string, period: string) => {
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  if (q) return `Q${q[2]} ${q[1]}`;
  if (/^\d{4}-\d{2}$/.test(period)) return monthEn(period);
  if (/^\d{4}$/.test(period)) return period;
  return period === "" ? "no period given" : quoteCjk(period);
};
/** Column names of the input sheets and the scorecard, in English (places of problems). */
const HEADER_EN: Record<string, string> = {
  ...Object.fromEntries(INDICATOR_FIELDS.map((f) => [f.header, f.en])),
  考核月份: "month",
  类型: "type",
  级别: "level",
  事项编号: "matter id",
  事项说明: "description",
  佐证材料: "evidence",
  经查属实: "verified",
  乙方报送: "reported by the operator",
  报告类型: "report kind",
  报告期: "period",
  提交日期: "submitted on",
  延期已获批: "extension approved",
  笔次: "instalment",
  发票日期: "invoice date",
  实付日期: "paid on",
  收票日期: "invoice received",
  考核得分: "month score",
  指标录入: "indicators",
  加减分事件: "events",
  报告提交: "reports",
  付款记录: "payments",
  规则设置: "rule settings",
  单项得分: "item score",
  参数: "parameter",
  值: "value",
};

export const STRINGS: Record<Locale, Strings> = {
  "zh-CN": {
    title: "12367 考核助手",
    subtitle: "服务热线月度质量考核（附件二）与合同结算",
    connected: (p) => `已连接 Excel${p ? `（${PLATFORMS["zh-CN"][p] ?? p}）` : ""}`,
    browserOnly: "预览模式：未在 Excel 中打开。可打开本地 .xlsx 工作簿试用，结果通过下载保存。",
    otherLanguage: "English",
    languageSwitch: "切换到英文界面",
    notExcel: (h) => `此加载项用于 Excel，当前宿主为 ${h}。`,

    tabMonths: "考核月份",
    tabSettings: "规则设置",
    // --- shell and screens (h1a) ---
    navLabel: "功能",
    tabSettlement: "付款结算",
    tabContract: "合同与日历",
    stateStale: "需要重新计算",
    staleDetail: (cell, held) => `工作簿中的考核得分${cell ? `（${cell}）` : ""}${held === null ? "为空" : `为 ${held}`}，与按现有输入计算的结果不一致。点「计算本月」写入得分。`,
    scoreCaption: "考核得分",
    draftPending: "表单有未保存的修改：得分尚未按修改计算",
    draftProblemsHeading: "按表单中的输入检查（尚未计算）",
    resultsSection: "各项得分与说明",
    monthMissing: (m, names) => `${m}尚未填写完整，缺 ${names.length} 项：${names.join("、")}。未写入任何内容。`,
    freezeNeedsScore: (s) => (s === "errors" ? "本月有错误，改正后才能定稿。" : s === "incomplete" ? "本月尚未填完，填完并计算后才能定稿。" : "本月尚未开始填写，不能定稿。"),
    undoNone: "没有可撤销的写入。",
    undoEmpty: "上次写入没有改变任何单元格，没有可撤销的内容。",
    undoRefused: "「撤销记录」无法使用，不能撤销。",
    guardTitle: "有未保存的修改",
    guardLeave: "本月表单中的修改还没有写入工作簿，离开后将丢失。",
    guardDownload: "表单中的修改还没有写入工作簿，直接下载的文件不包含这些修改。",
    guardOpenFile: (n) => `打开「${n}」会关闭当前工作簿：未保存的修改和尚未下载的结果都将丢失。`,
    guardUnsavedWrites: "当前工作簿中已写入的结果还没有下载。",
    guardSaveLeave: "保存后离开",
    guardSaveDownload: "保存后下载",
    guardDiscard: "放弃修改",
    guardDiscardOpen: "放弃并打开",
    notDownloaded: "已修改，尚未下载",
    belowPass: (th) => `未达标（达标分 ${th}）`,
    monthsHeading: "考核月份",
    noMonths: "工作簿中没有找到月度考核表（附件二），「指标录入」中也没有已填写的月份。",
    openFirst: "请先打开一个工作簿。",
    monthLabel: (m) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`,
    stateNotStarted: "未开始",
    stateIncomplete: (n) => (n > 0 ? `未填完（缺 ${n} 项）` : "未填完"),
    stateErrors: (n) => `有 ${n} 个错误`,
    stateScored: (t, below) => `考核得分 ${t}${below ? "（未达标）" : ""}`,
    noSheet: "（无考核表）",
    frozenBadge: "已定稿",

    instalmentsHeading: "付款进度",
    instalmentTitle: (n, a) => `第${n}笔 ${a}`,
    instalmentNoMonths: "不与考核得分挂钩",
    instalmentProgress: (s, m, avg) => `已评 ${s}/${m} 个月${avg === null ? "" : `，平均 ${avg} 分`}`,
    instalmentDeduction: (d, final) => (d === null ? "尚无评分，扣款未知" : final ? `扣款 ${d}` : `按目前水平扣款 ${d}`),
    instalmentPayable: (p) => `应付 ${p}`,

    computeMonth: "计算本月",
    recomputeAll: "全部重算并结算",
    reload: "重新读取",
    saveMonth: "保存本月输入",
    backToMonths: "返回月份列表",
    busy: "处理中",
    phase: PHASES["zh-CN"],

    loaded: (m, e, w) => `已读取工作簿：${m} 个考核月份，${e} 个错误，${w} 条提示。`,
    saved: (c) => `已保存 ${c} 个单元格到输入工作表。`,
    unchanged: "没有需要保存的修改。",
    scored: (m, c) => `已评分 ${m} 个月，写入 ${c} 个单元格。`,
    recomputed: (m, p) => `已全部重算 ${m} 个月${p ? "，并生成「付款结算」表" : "；尚有款项未到结算条件，未生成「付款结算」表"}。`,
    refused: (e) => `有 ${e} 个错误，未写入任何内容。`,
    failed: (m) => `操作失败：${m}`,
    opened: (n) => `已打开「${n}」。`,
    settingsSaved: "规则设置已保存。点「全部重算并结算」按新规则写入得分。",

    indicatorsHeading: "指标录入",
    indicatorLabel: (k) => label(k)?.header ?? k,
    optionalHint: "选填：仅显示比率，不计分",
    yes: "是",
    no: "否",
    blank: "未填写",
    monthProblems: "本月需要处理的问题",

    eventsHeading: "加减分事件",
    noEvents: "本月没有加减分事件。",
    eventTitle: (i) => `事件 ${i}`,
    addEvent: "添加事件",
    removeEvent: (i) => `删除事件 ${i}`,
    eventType: "类型",
    bonus: "加分",
    penalty: "扣分",
    level: "级别",
    matterId: "事项编号",
    description: "事项说明",
    evidence: "佐证材料（有）",
    verified: "经查属实",
    reported: "乙方报送",

    reportsHeading: "报告提交",
    noReports: "本月没有应交的报告登记。",
    reportTitle: (i) => `报告 ${i}`,
    addReport: "添加报告",
    removeReport: (i) => `删除报告 ${i}`,
    reportKind: "报告类型",
    reportPeriod: "报告期",
    reportPeriodHint: "如 2025-09、2025Q3、2025",
    submitted: "提交日期",
    submittedHint: "如 2025-10-13；未提交留空",
    extension: "延期已获批",

    resultsHeading: "评分结果",
    notScored: "本月尚未评分。",
    total: (t) => `考核得分 ${t}`,
    item: (no, name, s) => `${no}. ${name}：${s}`,

    problemsHeading: (e, w) => `问题（${e} 个错误，${w} 条提示）`,
    place: (sheet, cell, indicator) =>
      sheet === null ? (indicator ? `（${indicator}）` : "") : `工作表「${sheet}」${cell ? `单元格 ${cell}` : ""}${indicator ? `（${indicator}）` : ""}`,
    selectCell: (p) => `在工作簿中选中：${p}`,

    settingsHeading: "规则设置",
    settingsIntro: "合同有歧义之处（A1–A10）的读法与合同参数；保存到工作簿的「规则设置」表。",
    settingsAbsent: "工作簿中还没有「规则设置」表（按合同默认值计算）；保存时将新建。",
    saveSettings: "保存规则设置",
    resetSettings: "撤销修改",
    settingLabel: (l) => l,
    settingHint: (l) => SETTING_ZH_HINT[l] ?? "",
    stepRule: (r) => STEP_RULES["zh-CN"][r],
    optionLabel: (v) => v,

    fileHeading: "本地工作簿",
    openFile: "打开工作簿（.xlsx）",
    download: "下载结果",
    fileHint: "文件只在本机浏览器中处理，不会上传。",
    noFile: "未打开文件",
    currentFile: (n) => `当前文件：${n}`,

    freeze: "定稿",
    unfreeze: "解除定稿",
    undo: "撤销上次写入",
    cancel: "取消",
    frozenNotice: (at, who) => `本月已于 ${at} 定稿（${who}）：考核表已保护，以下输入只读，评分不再改写本月。如需修改，请先「解除定稿」并注明原因（记入「审计记录」）。`,
    frozenChanged: "定稿后本月的输入或得分有改动，详见下方问题。",
    freezeTitle: (m) => `定稿 ${m}`,
    freezeIntro: "定稿后该月考核表受保护（无密码，仅防误改），以后的评分不再改写该月；定稿人、时间和该月数据的指纹记入「审计记录」。",
    freezeWho: "定稿人",
    freezeDirty: "表单中有未保存的修改，定稿只按工作簿中的数据。请先「保存本月输入」或「计算本月」，再定稿。",
    unfreezeTitle: (m) => `解除定稿 ${m}`,
    unfreezeIntro: "解除后该月考核表取消保护，下次评分将重新写入该月；操作人、时间和原因记入「审计记录」。",
    unfreezeWho: "操作人",
    unfreezeReason: "解除原因",
    unfreezeReasonHint: "必填，记入「审计记录」",
    whoRequired: "请填写姓名",
    reasonRequired: "请注明解除定稿的原因",
    undoTitle: "撤销上次写入",
    undoLoading: "正在读取「撤销记录」…",
    undoIntro: (at) => `把上次写入${at ? `（${at}）` : ""}改动的单元格恢复为写入前的原内容（值、数字格式、公式）。「审计记录」不随撤销改变。`,
    undoCells: (n) => `恢复 ${n} 个单元格。`,
    undoSheets: (s) => `删除上次写入新建的工作表：${s.join("、")}。`,
    undoChangedSince: (n) => `以下 ${n} 个单元格在上次写入之后又被改动过，撤销会覆盖这些改动：`,
    undoNothing: "无法撤销：",
    undoAfterwards: "撤销只有一级：撤销后「撤销记录」即用完。",
    frozenDone: (m, w) => `已定稿：${m}（${w}），考核表已保护。`,
    unfrozenDone: (m) => `已解除定稿：${m}，下次评分将重新写入该月。`,
    undone: (c, since) => `已撤销上次写入：恢复 ${c} 个单元格${since > 0 ? `（其中 ${since} 个在写入后被改动过）` : ""}。`,
    limitationsTitle: "此版本 Excel 的限制",
    limitationsDismiss: "知道了",
    incompleteTitle: "写入未完成：工作簿现在只更新了一部分",
    incompleteDone: "已写入：",
    incompleteNotDone: "未写入：",
    incompleteNone: "（无）",
    incompleteAdvice: "请点击「撤销上次写入」，恢复到本次操作之前的状态；或再次点击「全部重算并结算」（或重做本次操作），补写未写入的部分。",
    incompleteStatus: "写入未完成，工作簿只更新了一部分。",
    // --- components (h1b) ---
    reportsIntro: "第4项（数据分析）按应交日期在本月的报告计分：每份报告按其所属期间列出，并注明应交日期。",
    reportPeriodTitle: (kind, period) => `${reportPeriodZh(kind, period)}${kind ? ` ${kind}` : ""}`,
    reportDue: (due) => `应交日期 ${due}`,
    reportScoredIn: (m) => `计入 ${m.slice(0, 4)}年${Number(m.slice(5, 7))}月的考核`,
    reportNoDue: "报告类型或所属期间无法识别，无法确定应交日期",
    reportRow: (r) => `「报告提交」第 ${r} 行`,
    eventRow: (r) => `「加减分事件」第 ${r} 行`,
    flag: (name, v, have) => `${name}（${v === null ? "未填写" : v ? (have ? "有" : "是") : have ? "无" : "否"}）`,
    evidenceName: "佐证材料",
    contractText: "合同原文",
    translation: "",
    ticketFloorNote: (cap, lowest, most, bites, hit) =>
      `A2（「5分扣完为止」）：按「规则设置」本项最多扣 ${cap} 分（最低 ${lowest} 分）。${bites ? (hit ? "本月扣分已达上限。" : "本月未达上限。") : `按现行扣分标准本项最多扣 ${most} 分，此上限不起作用。`}`,
    scoreLabel: "考核得分",
    points: (s, max) => (max === null ? s : `${s} / ${max}`),
    headerName: (h) => h,
    downloadAs: (n) => `下载为「${n}」`,
    seeAlsoAt: (p) => `另见：${p}`,
    // Shell and editions (h8)
    recomputeAllHint: "重新计算每个月的考核得分，并重建「付款结算」表。",
    connectedWps: "已连接 WPS 表格",
    offlineEdition: "离线版：打开本地 .xlsx 工作簿，结果通过下载保存；无需 Excel，也不联网。",
    limitationsTitleWps: "此版本 WPS 表格的限制",
    sectionSummary: (n, e) => `${n === 0 ? "无" : `${n} 条`}${e > 0 ? `，${e} 个错误` : ""}`,
    instalmentStale: (m) => `需要重新计算：${m.join("、")}的考核得分与工作簿不一致，点「全部重算并结算」后显示本笔的平均分和扣款。`,
  },
  "en-US": {
    title: "12367 Scorecard Assistant",
    subtitle: "Monthly hotline quality scorecard (Annex 2) and contract settlement",
    connected: (p) => `Connected to Excel${p ? ` ${PLATFORMS["en-US"][p] ?? p}` : ""}`,
    browserOnly: "Preview mode: not opened in Excel. Open a local .xlsx workbook to try it; the result is saved as a download.",
    otherLanguage: "中文",
    languageSwitch: "Switch to Chinese",
    notExcel: (h) => `This add-in is made for Excel; the host is ${h}.`,

    tabMonths: "Months",
    tabSettings: "Rules",
    // --- shell and screens (h1a) ---
    navLabel: "Screens",
    tabSettlement: "Settlement",
    tabContract: "Contract",
    stateStale: "Needs recomputing",
    staleDetail: (cell, held) => `The workbook's score${cell ? ` (${cell})` : ""} is ${held === null ? "empty" : held}, which is not what the inputs give. Click “Score this month” to write it.`,
    scoreCaption: "Score",
    draftPending: "The form has unsaved changes: the score does not include them yet",
    draftProblemsHeading: "Checks of the form's inputs (not scored yet)",
    resultsSection: "Item scores and explanations",
    monthMissing: (m, names) => `${m} is not filled in: ${names.length} missing (${names.join(", ")}). Nothing was written.`,
    freezeNeedsScore: (s) => (s === "errors" ? "This month has errors: correct them before freezing." : s === "incomplete" ? "This month is not filled in: complete and score it before freezing." : "This month is not started: nothing to freeze."),
    undoNone: "Nothing to undo.",
    undoEmpty: "The last write changed no cell: nothing to undo.",
    undoRefused: "The undo record (“撤销记录”) cannot be used: no undo.",
    guardTitle: "Unsaved changes",
    guardLeave: "This month's form has changes not written to the workbook; they are lost if you leave.",
    guardDownload: "The form's changes are not in the workbook yet: a download now would not include them.",
    guardOpenFile: (n) => `Opening “${n}” closes this workbook: unsaved changes and results not downloaded are lost.`,
    guardUnsavedWrites: "Results written to this workbook have not been downloaded.",
    guardSaveLeave: "Save and leave",
    guardSaveDownload: "Save, then download",
    guardDiscard: "Discard changes",
    guardDiscardOpen: "Discard and open",
    notDownloaded: "Changed, not downloaded",
    belowPass: (th) => `Below the pass mark (${th})`,
    monthsHeading: "Scorecard months",
    noMonths: "No monthly scorecard (Annex 2) found in the workbook, and no month filled in the input sheet “指标录入”.",
    openFirst: "Open a workbook first.",
    monthLabel: monthEn,
    stateNotStarted: "Not started",
    stateIncomplete: (n) => (n > 0 ? `Incomplete (${n} missing)` : "Incomplete"),
    stateErrors: (n) => `${n} error${n === 1 ? "" : "s"}`,
    stateScored: (t, below) => `Score ${t}${below ? " (below the pass mark)" : ""}`,
    noSheet: "(no scorecard sheet)",
    frozenBadge: "Frozen",

    instalmentsHeading: "Instalments",
    instalmentTitle: (n, a) => `Instalment ${n} ${a}`,
    instalmentNoMonths: "Not tied to the scores",
    instalmentProgress: (s, m, avg) => `${s} of ${m} months scored${avg === null ? "" : `, average ${avg}`}`,
    instalmentDeduction: (d, final) => (d === null ? "No month scored yet" : final ? `Deduction ${d}` : `Deduction at this pace ${d}`),
    instalmentPayable: (p) => `Payable ${p}`,

    computeMonth: "Score this month",
    recomputeAll: "Recompute all and settle",
    reload: "Reload",
    saveMonth: "Save this month's inputs",
    backToMonths: "Back to the months",
    busy: "Working",
    phase: PHASES["en-US"],

    loaded: (m, e, w) => `Workbook read: ${m} month${m === 1 ? "" : "s"}, ${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}.`,
    saved: (c) => `Saved ${c} cell${c === 1 ? "" : "s"} to the input sheets.`,
    unchanged: "Nothing to save.",
    scored: (m, c) => `Scored ${m} month${m === 1 ? "" : "s"}; ${c} cells written.`,
    recomputed: (m, p) => `Recomputed ${m} month${m === 1 ? "" : "s"}${p ? " and the payment sheet “付款结算”" : "; some instalments cannot be settled yet, so no payment sheet"}.`,
    refused: (e) => `${e} error${e === 1 ? "" : "s"}: nothing was written.`,
    failed: (m) => `Failed: ${m}`,
    opened: (n) => `Opened "${n}". `,
    settingsSaved: "Rule settings saved. Use “Recompute all and settle” to write the scores under the new rules.",

    indicatorsHeading: "Indicators (sheet “指标录入”)",
    indicatorLabel: (k) => capital(label(k)?.en ?? k),
    optionalHint: "Optional: shown as a rate, not scored",
    yes: "Yes",
    no: "No",
    blank: "Not filled in",
    monthProblems: "Problems of this month",

    eventsHeading: "Bonus and penalty events",
    noEvents: "No events this month.",
    eventTitle: (i) => `Event ${i}`,
    addEvent: "Add an event",
    removeEvent: (i) => `Remove event ${i}`,
    eventType: "Type",
    bonus: "Bonus",
    penalty: "Penalty",
    level: "Level",
    matterId: "Matter id",
    description: "Description",
    evidence: "Evidence attached",
    verified: "Verified",
    reported: "Reported by the operator",

    reportsHeading: "Reports",
    noReports: "No report due this month is recorded.",
    reportTitle: (i) => `Report ${i}`,
    addReport: "Add a report",
    removeReport: (i) => `Remove report ${i}`,
    reportKind: "Kind",
    reportPeriod: "Period",
    reportPeriodHint: "e.g. 2025-09, 2025Q3, 2025",
    submitted: "Submitted on",
    submittedHint: "e.g. 2025-10-13; blank if not submitted",
    extension: "Extension approved",

    resultsHeading: "Scores",
    notScored: "This month is not scored yet.",
    total: (t) => `Total ${t}`,
    item: (no, name, s) => `${no}. ${name}: ${s}`,

    problemsHeading: (e, w) => `Problems (${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"})`,
    place: (sheet, cell, indicator) =>
      sheet === null ? (indicator ? `(${HEADER_EN[indicator] ?? quoteCjk(indicator)})` : "") : `sheet “${sheet}”${cell ? `, cell ${cell}` : ""}${indicator ? ` (${HEADER_EN[indicator] ?? quoteCjk(indicator)})` : ""}`,
    selectCell: (p) => `Select in the workbook: ${p}`,

    settingsHeading: "Rule settings",
    settingsIntro: "How the contract's ambiguities (A1–A10) are read, and its parameters; saved in the workbook's sheet “规则设置”.",
    settingsAbsent: "The workbook has no sheet “规则设置” (rule settings) yet (contract defaults apply); saving creates it.",
    saveSettings: "Save rule settings",
    resetSettings: "Undo changes",
    settingLabel: (l) => SETTING_EN[l]?.[0] ?? quoteCjk(l),
    settingHint: (l) => SETTING_EN[l]?.[1] ?? "",
    stepRule: (r) => STEP_RULES["en-US"][r],
    optionLabel: (v) => OPTION_EN[v] ?? quoteCjk(v),

    fileHeading: "Local workbook",
    openFile: "Open a workbook (.xlsx)",
    download: "Download the result",
    fileHint: "The file is processed in this browser only; nothing is uploaded.",
    noFile: "No file open",
    currentFile: (n) => `Open: ${n}`,

    freeze: "Freeze",
    unfreeze: "Unfreeze",
    undo: "Undo last write",
    cancel: "Cancel",
    frozenNotice: (at, who) => `This month was frozen on ${at} (${who}): its scorecard is protected, the inputs below are read-only and scoring no longer rewrites it. To change it, unfreeze it first, with a reason (recorded in the audit log, sheet “审计记录”).`,
    frozenChanged: "Inputs or scores of this month changed since the freeze: see the problems below.",
    freezeTitle: (m) => `Freeze ${m}`,
    freezeIntro: "Freezing protects the month's scorecard (no password: a guard against slips) and later runs no longer rewrite it; who, when and a fingerprint of the month are recorded in the audit log (sheet “审计记录”).",
    freezeWho: "Frozen by",
    freezeDirty: "The form has unsaved changes and a freeze takes the workbook as it is. Save this month's inputs or score it first.",
    unfreezeTitle: (m) => `Unfreeze ${m}`,
    unfreezeIntro: "The scorecard is unprotected and the next run rewrites the month; who, when and why are recorded in the audit log (sheet “审计记录”).",
    unfreezeWho: "Unfrozen by",
    unfreezeReason: "Reason",
    unfreezeReasonHint: "Required; recorded in the audit log (sheet “审计记录”)",
    whoRequired: "Enter a name",
    reasonRequired: "Give the reason for unfreezing",
    undoTitle: "Undo last write",
    undoLoading: "Reading the undo record (sheet “撤销记录”)…",
    undoIntro: (at) => `Puts every cell the last write${at ? ` (${at})` : ""} changed back as it was (value, number format, formula). The audit log (sheet “审计记录”) is not changed by an undo.`,
    undoCells: (n) => `${n} cell${n === 1 ? "" : "s"} restored.`,
    undoSheets: (s) => `Sheets that write created are deleted: ${s.join(", ")}.`,
    undoChangedSince: (n) => `${n} cell${n === 1 ? " was" : "s were"} changed after that write; the undo overwrites ${n === 1 ? "it" : "them"}:`,
    undoNothing: "Cannot undo:",
    undoAfterwards: "One level only: the undo uses up the undo record (sheet “撤销记录”).",
    frozenDone: (m, w) => `Frozen: ${m} (${w}); its scorecard is protected.`,
    unfrozenDone: (m) => `Unfrozen: ${m}; the next run rewrites it.`,
    undone: (c, since) => `Last write undone: ${c} cell${c === 1 ? "" : "s"} restored${since > 0 ? ` (${since} changed after that write)` : ""}.`,
    limitationsTitle: "What this Excel cannot do",
    limitationsDismiss: "Got it",
    incompleteTitle: "The write did not finish: the workbook is now only partly updated",
    incompleteDone: "Written:",
    incompleteNotDone: "Not written:",
    incompleteNone: "(none)",
    incompleteAdvice: "Click “Undo last write” to restore the workbook as it was before this action, or click “Recompute all and settle” again (or repeat the action) to write the rest.",
    incompleteStatus: "The write did not finish; the workbook is only partly updated.",
    // --- components (h1b) ---
    reportsIntro: "Row 4 (data analysis) scores the reports due this month: each is listed by the period it reports on, with its due date.",
    reportPeriodTitle: (kind, period) => (kind ? `${capital(OPTION_EN[kind] ?? quoteCjk(kind))}, ${reportPeriodEn(kind, period)}` : capital(reportPeriodEn(kind, period))),
    reportDue: (due) => `Due ${due}`,
    reportScoredIn: (m) => `scored in ${monthEn(m)}`,
    reportNoDue: "Kind or period not readable: no due date",
    reportRow: (r) => `row ${r} of “报告提交” (reports)`,
    eventRow: (r) => `row ${r} of “加减分事件” (events)`,
    flag: (name, v) => `${name}: ${v === null ? "not filled in" : v ? "yes" : "no"}`,
    evidenceName: "Evidence attached",
    contractText: "Contract text",
    translation: "Translation",
    ticketFloorNote: (cap, lowest, most, bites, hit) =>
      `A2 (“5分扣完为止”, deductions stop at 5): under the rule settings this row loses at most ${cap} (lowest ${lowest}). ${bites ? (hit ? "This month the cap applied." : "This month it did not apply.") : `At the rates in force it can lose at most ${most}, so the cap does not apply.`}`,
    scoreLabel: "Score",
    points: (s, max) => (max === null ? s : `${s} / ${max}`),
    headerName: (h) => HEADER_EN[h] ?? quoteCjk(h),
    downloadAs: (n) => `Download as “${n}”`,
    seeAlsoAt: (p) => `See also: ${p}`,
    // Shell and editions (h8)
    recomputeAllHint: "Scores every month again and rebuilds the payment sheet “付款结算”.",
    connectedWps: "Connected to WPS Spreadsheets",
    offlineEdition: "Offline edition: open a local .xlsx workbook; the result is saved as a download. No Excel and no network needed.",
    limitationsTitleWps: "What this WPS Spreadsheets cannot do",
    sectionSummary: (n, e) => `${n === 0 ? "none" : `${n} ${n === 1 ? "entry" : "entries"}`}${e > 0 ? `, ${e} error${e === 1 ? "" : "s"}` : ""}`,
    instalmentStale: (m) => `Needs recomputing: the score of ${m.join(", ")} differs from the workbook; use “Recompute all and settle” to see this instalment's average and deduction.`,
  },
};
