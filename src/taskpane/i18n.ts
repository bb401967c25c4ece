/**
 * The pane's words, zh-CN first (the manifest's DefaultLocale), en-US second. Components take every
 * text from here. Messages of the engine and the reader come with both languages (message /
 * messageEn) and are picked with `pick`.
 */
import { DEFAULT_RULES, INDICATOR_FIELDS, ticketCapHelp, type IndicatorKey } from "../domain";

export type Locale = "zh-CN" | "en-US";

export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

/** zh-* → zh-CN, en-* → en-US; any other language gets the product's own, zh-CN. */
export function pickLocale(language: string | null | undefined): Locale {
  const lang = (language ?? "").trim().toLowerCase();
  if (lang.startsWith("en")) return "en-US";
  return "zh-CN";
}

/** The message in the pane's language (zh-CN, or English when there is one). */
export function pick(locale: Locale, p: { message: string; messageEn?: string }): string {
  return locale === "en-US" && p.messageEn ? p.messageEn : p.message;
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
  settle: string;
  saveMonth: string;
  backToMonths: string;
  busy: string;
  phase: Record<PhaseName, string>;

  loaded: (months: number, errors: number, warnings: number) => string;
  saved: (cells: number) => string;
  unchanged: string;
  scored: (months: number, cells: number) => string;
  recomputed: (months: number, paymentSheet: boolean) => string;
  settled: (paymentSheet: boolean) => string;
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
}

const PLATFORMS: Record<Locale, Record<string, string>> = {
  "zh-CN": { PC: "Windows 桌面版", OfficeOnline: "网页版", Mac: "Mac 版", iOS: "iPad 版", Android: "Android 版", Universal: "Windows 应用版" },
  "en-US": { PC: "Windows desktop", OfficeOnline: "on the web", Mac: "for Mac", iOS: "for iPad", Android: "for Android", Universal: "Windows app" },
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
  质检扣分上限: ["Most points deducted for ticket quality (A2)", ticketCapHelp(DEFAULT_RULES, "en")],
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
  质检扣分上限: ticketCapHelp(DEFAULT_RULES),
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
    recomputeAll: "全部重算",
    reload: "重新读取",
    settle: "结算",
    saveMonth: "保存本月输入",
    backToMonths: "返回月份列表",
    busy: "处理中",
    phase: PHASES["zh-CN"],

    loaded: (m, e, w) => `已读取工作簿：${m} 个考核月份，${e} 个错误，${w} 条提示。`,
    saved: (c) => `已保存 ${c} 个单元格到输入工作表。`,
    unchanged: "没有需要保存的修改。",
    scored: (m, c) => `已评分 ${m} 个月，写入 ${c} 个单元格。`,
    recomputed: (m, p) => `已全部重算 ${m} 个月${p ? "，并生成「付款结算」表" : "；尚有款项未到结算条件，未生成「付款结算」表"}。`,
    settled: (p) => (p ? "已结算，「付款结算」表已更新。" : "尚有款项的考核月份未齐，暂不能生成「付款结算」表。"),
    refused: (e) => `有 ${e} 个错误，未写入任何内容。`,
    failed: (m) => `操作失败：${m}`,
    opened: (n) => `已打开「${n}」。`,
    settingsSaved: "规则设置已保存。点「全部重算」按新规则写入得分。",

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
    incompleteAdvice: "请点击「撤销上次写入」，恢复到本次操作之前的状态；或再次点击「全部重算」（或重做本次操作），补写未写入的部分。",
    incompleteStatus: "写入未完成，工作簿只更新了一部分。",
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
    tabSettings: "Rule settings",
    monthsHeading: "Scorecard months",
    noMonths: "No monthly scorecard (Annex 2) found in the workbook, and no month filled in 指标录入.",
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
    recomputeAll: "Recompute all",
    reload: "Reload",
    settle: "Settle",
    saveMonth: "Save this month's inputs",
    backToMonths: "Back to the months",
    busy: "Working",
    phase: PHASES["en-US"],

    loaded: (m, e, w) => `Workbook read: ${m} month${m === 1 ? "" : "s"}, ${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}.`,
    saved: (c) => `Saved ${c} cell${c === 1 ? "" : "s"} to the input sheets.`,
    unchanged: "Nothing to save.",
    scored: (m, c) => `Scored ${m} month${m === 1 ? "" : "s"}; ${c} cells written.`,
    recomputed: (m, p) => `Recomputed ${m} month${m === 1 ? "" : "s"}${p ? " and the payment sheet (付款结算)" : "; some instalments cannot be settled yet, so no payment sheet"}.`,
    settled: (p) => (p ? "Settled: the payment sheet (付款结算) is up to date." : "Some instalments still miss scored months: no payment sheet yet."),
    refused: (e) => `${e} error${e === 1 ? "" : "s"}: nothing was written.`,
    failed: (m) => `Failed: ${m}`,
    opened: (n) => `Opened "${n}". `,
    settingsSaved: "Rule settings saved. Use \"Recompute all\" to write the scores under the new rules.",

    indicatorsHeading: "Indicators (指标录入)",
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
      sheet === null ? (indicator ? `(${indicator})` : "") : `sheet "${sheet}"${cell ? `, cell ${cell}` : ""}${indicator ? ` (${indicator})` : ""}`,
    selectCell: (p) => `Select in the workbook: ${p}`,

    settingsHeading: "Rule settings",
    settingsIntro: "How the contract's ambiguities (A1–A10) are read, and its parameters; saved in the workbook's 规则设置 sheet.",
    settingsAbsent: "The workbook has no 规则设置 sheet yet (contract defaults apply); saving creates it.",
    saveSettings: "Save rule settings",
    resetSettings: "Undo changes",
    settingLabel: (l) => SETTING_EN[l]?.[0] ?? l,
    settingHint: (l) => SETTING_EN[l]?.[1] ?? "",
    stepRule: (r) => STEP_RULES["en-US"][r],
    optionLabel: (v) => OPTION_EN[v] ?? v,

    fileHeading: "Local workbook",
    openFile: "Open a workbook (.xlsx)",
    download: "Download the result",
    fileHint: "The file is processed in this browser only; nothing is uploaded.",
    noFile: "No file open",
    currentFile: (n) => `Open: ${n}`,

    freeze: "Freeze (定稿)",
    unfreeze: "Unfreeze",
    undo: "Undo last write",
    cancel: "Cancel",
    frozenNotice: (at, who) => `This month was frozen on ${at} (${who}): its scorecard is protected, the inputs below are read-only and scoring no longer rewrites it. To change it, unfreeze it first, with a reason (recorded in 审计记录).`,
    frozenChanged: "Inputs or scores of this month changed since the freeze: see the problems below.",
    freezeTitle: (m) => `Freeze ${m}`,
    freezeIntro: "Freezing protects the month's scorecard (no password: a guard against slips) and later runs no longer rewrite it; who, when and a fingerprint of the month are recorded in 审计记录.",
    freezeWho: "Frozen by",
    freezeDirty: "The form has unsaved changes and a freeze takes the workbook as it is. Save this month's inputs or score it first.",
    unfreezeTitle: (m) => `Unfreeze ${m}`,
    unfreezeIntro: "The scorecard is unprotected and the next run rewrites the month; who, when and why are recorded in 审计记录.",
    unfreezeWho: "Unfrozen by",
    unfreezeReason: "Reason",
    unfreezeReasonHint: "Required; recorded in 审计记录",
    whoRequired: "Enter a name",
    reasonRequired: "Give the reason for unfreezing",
    undoTitle: "Undo last write",
    undoLoading: "Reading 撤销记录…",
    undoIntro: (at) => `Puts every cell the last write${at ? ` (${at})` : ""} changed back as it was (value, number format, formula). 审计记录 is not changed by an undo.`,
    undoCells: (n) => `${n} cell${n === 1 ? "" : "s"} restored.`,
    undoSheets: (s) => `Sheets that write created are deleted: ${s.join(", ")}.`,
    undoChangedSince: (n) => `${n} cell${n === 1 ? " was" : "s were"} changed after that write; the undo overwrites ${n === 1 ? "it" : "them"}:`,
    undoNothing: "Cannot undo:",
    undoAfterwards: "One level only: the undo uses up 撤销记录.",
    frozenDone: (m, w) => `Frozen: ${m} (${w}); its scorecard is protected.`,
    unfrozenDone: (m) => `Unfrozen: ${m}; the next run rewrites it.`,
    undone: (c, since) => `Last write undone: ${c} cell${c === 1 ? "" : "s"} restored${since > 0 ? ` (${since} changed after that write)` : ""}.`,
    limitationsTitle: "What this Excel cannot do",
    limitationsDismiss: "Got it",
    incompleteTitle: "The write did not finish: the workbook is now only partly updated",
    incompleteDone: "Written:",
    incompleteNotDone: "Not written:",
    incompleteNone: "(none)",
    incompleteAdvice: "Click “Undo last write” to restore the workbook as it was before this action, or click “Recompute all” again (or repeat the action) to write the rest.",
    incompleteStatus: "The write did not finish; the workbook is only partly updated.",
  },
};
