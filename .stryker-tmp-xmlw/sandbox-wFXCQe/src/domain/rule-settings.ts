/**
 * The optional 规则设置 sheet: two columns 参数 | 值 (SPEC §8). Each label maps to one entry of the
 * rule set; values are read the way a clerk types them ("0.5%", "季度服务费", "按比例", "是").
 * Unknown labels are errors (a typo must not silently fall back to the contract default).
 */
// @ts-nocheck

import { dec } from "./decimal";
import { Outcome, problem, Problem } from "./problems";
import { BonusReportRequirement, DeductionBase, defaultRules, loadRules, MatterOnceSpan, PenaltyLadderId, RuleOverrides, RuleSet, StepMode, ticketDeductionReach } from "./rules";

export type SettingValue = string | number | boolean | null;

export interface RuleSettingRow {
  label: string;
  value: SettingValue;
}

export interface RuleSettingDef {
  label: string;
  /** Accepted other spellings. */
  aliases: readonly string[];
  /** Shown in the template's 说明 column (true under the contract's rates; see helpFor). */
  help: string;
  /** The help as it reads under a given rule set, when it depends on the rates in force (A2). */
  helpFor?: (rules: RuleSet) => string;
  /** The words a clerk picks from (a list in the template, a choice in the pane), when the value is one of a few. */
  choices?: readonly string[];
  /** The default as a clerk would type it. */
  defaultText: (rules: RuleSet) => string;
  /** Returns the override, or an error text (zh, en). */
  apply: (value: SettingValue, into: Required<Pick<RuleOverrides, "contract" | "scoring" | "options">>) => [string, string] | null;
}

const text = (v: SettingValue) => (v === null ? "" : String(v).replace(/\s+/g, "").replace(/，/g, ","));

/**
 * A per-point rate: "0.5%" (text, or a cell formatted as % holding 0.005) → "0.005". A bare number
 * above 5% is refused rather than guessed: "0.5" could mean 0.5% or 50%.
 */
function readRate(v: SettingValue): string | null {
  const t = text(v);
  if (t === "") return null;
  const isPercent = t.endsWith("%") || t.endsWith("％");
  const n = t.replace(/[%％]$/, "");
  if (!/^[-+]?\d+(\.\d+)?$/.test(n)) return null;
  const d = dec(n);
  if (isPercent) return d.div(100).toString();
  return d.lessThanOrEqualTo("0.05") ? d.toString() : null;
}

function readNumber(v: SettingValue): string | null {
  const t = text(v).replace(/[,元¥￥]/g, "");
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? dec(t).toString() : null;
}

function readYesNo(v: SettingValue): boolean | null {
  if (typeof v === "boolean") return v;
  const t = text(v).toLowerCase();
  if (["是", "y", "yes", "true", "1", "√"].includes(t)) return true;
  if (["否", "n", "no", "false", "0", "×"].includes(t)) return false;
  return null;
}

const STEP_WORDS: Record<string, StepMode> = { 按比例: "proportional", 比例: "proportional", 整步: "floor", 只计整步: "floor", 起步: "ceil", 不足一步按一步: "ceil" };
const BASE_WORDS: Record<string, DeductionBase> = { 季度服务费: "quarterlyFee", 本笔款项: "instalment", 本笔: "instalment", 本期服务费: "periodFee", 本期: "periodFee" };
const LADDER_WORDS: Record<string, PenaltyLadderId> = {
  默认: "default", "市级及以下/省级/国家级": "default", 市级及以下10省级20国家级50: "default",
  备选: "alternative", "市级以下/市级/省级及以上": "alternative", 市级以下10市级20省级及以上50: "alternative",
};

/**
 * A2 in words that hold under the rates in force (SPEC §5): how far row 9 can fall by its rule
 * ("每降低10%扣0.5分" from the target down to an accuracy of 0), and so whether "5分扣完为止"
 * (质检扣分上限) can ever bite. Under the contract's 0.5 per 10 % row 9 never falls below 5.5.
 */
export function ticketCapHelp(rules: RuleSet, lang: "zh" | "en" = "zh"): string {
  const s = rules.scoring;
  const { most, lowest } = ticketDeductionReach(rules);
  const mostText = most.toDecimalPlaces(2).toString();
  const lowestText = lowest.toDecimalPlaces(2).toString();
  const cap = dec(10).minus(rules.options.ticketQualityFloor);
  const capText = cap.toString();
  const bites = most.greaterThan(cap);
  if (lang === "en")
    return `A2: the contract says "deductions stop at 5"; fill in the most points row 9 may lose (default 5). At ${s.ticketPointsPerStep} per ${s.ticketStep}% below ${s.ticketTarget}%, row 9 loses at most ${mostText} (lowest ${lowestText}) even at 0% accuracy, so ${bites ? `this cap of ${capText} applies (lowest ${dec(10).minus(cap).toString()})` : "the cap only matters after an amendment changes that rate"}`;
  return `A2：合同「5分扣完为止」— 填本项最多扣几分（默认 5，即最低 5 分）。按现行扣分标准「低于${s.ticketTarget}%每降低${s.ticketStep}%扣${s.ticketPointsPerStep}分」，准确率为 0 时最多扣 ${mostText} 分（最低 ${lowestText} 分），${bites ? `本上限起作用：最多扣 ${capText} 分（最低 ${dec(10).minus(cap).toString()} 分）` : "所以本上限在现行标准下不起作用（填 10 也不会低于 " + lowestText + " 分），补充协议改变扣分标准后才有意义"}`;
}

const SPAN_WORDS: Record<string, MatterOnceSpan> = { 整个合同期: "term", 合同期: "term", 整个合同期内: "term", 合同期内: "term", 全合同期: "term", 同一月内: "month", 同月: "month", 同一月: "month", 当月: "month", 月内: "month", 同一考核月: "month", 同一考核月内: "month" };
const PENALTY_ONCE_WORDS: Record<string, boolean> = { 只扣一次: true, 扣一次: true, 一次: true, 只计一次: true, 按最高级扣一次: true, 每次都扣: false, 每次扣: false, 每次: false, 每次都计: false };
const REPORT_WORDS: Record<string, BonusReportRequirement> = { 全部加分: "all", 全部: "all", 所有加分: "all", 全部加分项: "all", 仅群众表扬: "crowdOnly", 仅群众: "crowdOnly", 群众表扬: "crowdOnly", 只限群众表扬: "crowdOnly", 仅群众表扬需报送: "crowdOnly" };
const CLOCK_WORDS: Record<string, boolean> = { 不早于最早开票日期: true, 最早开票日期: true, 不早于最早开票日: true, 自最早开票日期: true, 自发票日期: false, 发票日期: false, 自发票日期起: false, 自收票日期: false, 自发票或收票日期: false };

export const RULE_SETTINGS: readonly RuleSettingDef[] = [
  {
    label: "合同总额", aliases: ["合同金额", "服务费总额"], help: "合同§十(一)：服务费总额（含税）人民币陆拾捌万玖仟元整",
    defaultText: (r) => r.contract.total,
    apply: (v, o) => { const n = readNumber(v); if (n === null || dec(n).lessThanOrEqualTo(0)) return ["应为大于 0 的金额，如 689000", "must be an amount > 0, e.g. 689000"]; o.contract.total = n; return null; },
  },
  {
    label: "达标分", aliases: ["达标分数", "考核达标分"], help: "合同§十(二)：95分及以上全额结算",
    defaultText: (r) => r.contract.threshold,
    apply: (v, o) => { const n = readNumber(v); if (n === null || dec(n).lessThanOrEqualTo(0) || dec(n).greaterThan(100)) return ["应为 0–100 的分数，如 95", "must be a score 0–100, e.g. 95"]; o.contract.threshold = n; return null; },
  },
  {
    label: "每分扣款比例", aliases: ["扣款比例"], help: "合同§十(二)：95分以下每低1分按照季度服务费0.5%扣除",
    defaultText: (r) => `${dec(r.contract.ratePerPoint).times(100).toString()}%`,
    apply: (v, o) => { const n = readRate(v); if (n === null || dec(n).lessThan(0)) return ["应写成百分比，如 0.5%", "must be written as a percentage, e.g. 0.5%"]; o.contract.ratePerPoint = n; return null; },
  },
  {
    label: "扣款基数", aliases: ["扣款基础"], help: "A5：季度服务费（默认）/ 本笔款项 / 本期服务费",
    defaultText: () => "季度服务费",
    apply: (v, o) => { const b = BASE_WORDS[text(v)]; if (!b) return ["应为 季度服务费 / 本笔款项 / 本期服务费", "must be 季度服务费 / 本笔款项 / 本期服务费"]; o.options.deductionBase = b; return null; },
  },
  {
    label: "流动率20至30得分", aliases: ["流动率20%至30%得分", "流动率20-30得分", "流动率20%-30%得分"], help: "A1：合同原文「月流动率在 20%-30%得 10 分」（默认 10；5 为可能的本意）",
    defaultText: (r) => r.options.turnoverBandScore,
    apply: (v, o) => { const n = readNumber(v); if (n === null || dec(n).lessThan(0) || dec(n).greaterThan(10)) return ["应为 0–10 的分数", "must be a score 0–10"]; o.options.turnoverBandScore = n; return null; },
  },
  {
    label: "质检扣分上限", aliases: ["工单质检扣分上限"], get help() { return ticketCapHelp(defaultRules()); }, helpFor: (r) => ticketCapHelp(r),
    defaultText: (r) => dec(10).minus(r.options.ticketQualityFloor).toString(),
    apply: (v, o) => { const n = readNumber(v); if (n === null || dec(n).lessThan(0) || dec(n).greaterThan(10)) return ["应为 0–10 的分数（最多扣几分）", "must be 0–10 (the most points deducted)"]; o.options.ticketQualityFloor = dec(10).minus(n).toString(); return null; },
  },
  {
    label: "部分扣分方式", aliases: ["不足一步扣分方式"], help: "A3：按比例（默认）/ 整步 / 起步；可写「满意率:整步,质检:按比例,结算:按比例」分别设置",
    defaultText: () => "按比例",
    apply: (v, o) => {
      const t = text(v);
      const whole = STEP_WORDS[t];
      if (whole) { o.options.satisfactionSteps = whole; o.options.ticketQualitySteps = whole; o.options.settlementSteps = whole; return null; }
      const keys: Record<string, "satisfactionSteps" | "ticketQualitySteps" | "settlementSteps"> = { 满意率: "satisfactionSteps", 质检: "ticketQualitySteps", 工单质检: "ticketQualitySteps", 结算: "settlementSteps" };
      const parts = t.split(/[,;；、]/).filter(Boolean);
      if (parts.length === 0) return ["应为 按比例 / 整步 / 起步", "must be 按比例 / 整步 / 起步"];
      for (const part of parts) {
        const [k = "", m = ""] = part.split(/[:：=]/);
        const key = keys[k];
        const mode = STEP_WORDS[m];
        if (!key || !mode) return [`无法识别「${part}」；应为 按比例 / 整步 / 起步，或「满意率:整步」`, `cannot read "${part}"`];
        o.options[key] = mode;
      }
      return null;
    },
  },
  {
    label: "扣分层级", aliases: ["扣分项层级"], help: "A4：默认「市级及以下/省级/国家级」(−10/−20/−50)；备选「市级以下/市级/省级及以上」",
    defaultText: () => "市级及以下/省级/国家级",
    apply: (v, o) => { const l = LADDER_WORDS[text(v)]; if (!l) return ["应为 市级及以下/省级/国家级 或 市级以下/市级/省级及以上", "must be one of the two ladders"]; o.options.penaltyLadder = l; return null; },
  },
  {
    label: "年报所属年度", aliases: ["年报年度"], help: "合同「每年 12 月底前…对上一年度热线运行管理情况进行追踪和统计分析」：当年（默认，报告期 2024 的年报 2024-12-31 截止）/ 上一年度（2025-12-31 截止）",
    defaultText: (r) => (r.scoring.annualReportYear === "sameYear" ? "当年" : "上一年度"),
    apply: (v, o) => {
      const t = text(v);
      if (t === "当年" || t === "本年度" || t === "本年") o.scoring.annualReportYear = "sameYear";
      else if (t === "上一年度" || t === "上年度" || t === "上一年") o.scoring.annualReportYear = "previousYear";
      else return ["应为 当年 / 上一年度", "must be 当年 / 上一年度"];
      return null;
    },
  },
  {
    label: "平均分取整", aliases: ["平均分四舍五入"], help: "A6：期间平均分先四舍五入到 2 位小数再计算扣款（是/否）",
    defaultText: (r) => (r.options.roundAverage ? "是" : "否"),
    apply: (v, o) => { const b = readYesNo(v); if (b === null) return ["应为 是/否", "must be 是/否"]; o.options.roundAverage = b; return null; },
  },
  {
    label: "总分封顶100", aliases: ["总分封顶"], help: "月度考核得分超过 100 时是否按 100 计（合同未规定，默认否）",
    defaultText: (r) => (r.options.capTotalAt100 ? "是" : "否"),
    apply: (v, o) => { const b = readYesNo(v); if (b === null) return ["应为 是/否", "must be 是/否"]; o.options.capTotalAt100 = b; return null; },
  },
  {
    label: "总分不低于0", aliases: ["总分保底0", "总分不低于零"], help: "月度考核得分低于 0 时是否按 0 计（默认否）",
    defaultText: (r) => (r.options.floorTotalAt0 ? "是" : "否"),
    apply: (v, o) => { const b = readYesNo(v); if (b === null) return ["应为 是/否", "must be 是/否"]; o.options.floorTotalAt0 = b; return null; },
  },
  {
    label: "同一事项计分范围", aliases: ["同一事项只计一次分", "同一事项计分", "事项计分范围"], choices: ["整个合同期", "同一月内"],
    help: "A7：合同第11项「同一事项只计一次分」未说范围 — 整个合同期（默认：已在之前月份计分的事项编号，以后月份计 0 分并提示该月）/ 同一月内",
    defaultText: (r) => (r.options.matterOnceSpan === "term" ? "整个合同期" : "同一月内"),
    apply: (v, o) => { const m = SPAN_WORDS[text(v)]; if (!m) return ["应为 整个合同期 / 同一月内", "must be 整个合同期 (the whole term) / 同一月内 (within a month)"]; o.options.matterOnceSpan = m; return null; },
  },
  {
    label: "扣分事项多级通报", aliases: ["同一扣分事项多级通报", "扣分事项多次通报", "扣分事项多级"], choices: ["只扣一次", "每次都扣"],
    help: "A8：合同第12项「受到…批评或报道的，每次扣 10 分…」，同一事项被多级单位、领导或媒体通报时 — 只扣一次（默认，按最高级别）/ 每次都扣",
    defaultText: (r) => (r.options.penaltyMatterOnce ? "只扣一次" : "每次都扣"),
    apply: (v, o) => { const b = PENALTY_ONCE_WORDS[text(v)]; if (b === undefined) return ["应为 只扣一次 / 每次都扣", "must be 只扣一次 (once) / 每次都扣 (every report)"]; o.options.penaltyMatterOnce = b; return null; },
  },
  {
    label: "乙方报送要求", aliases: ["加分报送要求", "乙方主动报送", "加分须乙方报送"], choices: ["全部加分", "仅群众表扬"],
    help: "A9：合同第11项「由乙方主动进行报送，每次加 1 分。受到市级及以上单位、领导或媒体表扬的，每次加 10 分」— 全部加分（默认：群众与市级及以上表扬都须乙方主动报送）/ 仅群众表扬（+1）",
    defaultText: (r) => (r.options.bonusReportRequired === "all" ? "全部加分" : "仅群众表扬"),
    apply: (v, o) => { const m = REPORT_WORDS[text(v)]; if (!m) return ["应为 全部加分 / 仅群众表扬", "must be 全部加分 (every bonus) / 仅群众表扬 (the 群众 +1 only)"]; o.options.bonusReportRequired = m; return null; },
  },
  {
    label: "付款期限起算", aliases: ["付款期限起算日", "付款起算", "付款期限起算方式"], choices: ["不早于最早开票日期", "自发票日期"],
    help: "A10：合同「甲方收到发票后的10个工作日内支付」「30个工作日内支付」— 不早于最早开票日期（默认：提前开具的发票不使付款期限提前起算，并提示）/ 自发票日期（有收票日期时自收票日期）起算",
    defaultText: (r) => (r.options.paymentClockFromEarliest ? "不早于最早开票日期" : "自发票日期"),
    apply: (v, o) => { const b = CLOCK_WORDS[text(v)]; if (b === undefined) return ["应为 不早于最早开票日期 / 自发票日期", "must be 不早于最早开票日期 / 自发票日期"]; o.options.paymentClockFromEarliest = b; return null; },
  },
];

/** A setting's help under a rule set (the rates in force), else its fixed help. */
export function settingHelp(def: RuleSettingDef, rules: RuleSet): string {
  return def.helpFor ? def.helpFor(rules) : def.help;
}

const normalizeLabel = (label: string) => label.normalize("NFKC").replace(/\s+/g, "").replace(/[()（）]/g, "").toLowerCase();

/** Normalized label or alias → the first setting that has it; made once (RULE_SETTINGS is fixed). */
let settingsByLabel: Map<string, RuleSettingDef> | null = null;

export function findRuleSetting(label: string): RuleSettingDef | null {
  if (!settingsByLabel) {
    settingsByLabel = new Map();
    for (const d of RULE_SETTINGS) {
      for (const name of [d.label, ...d.aliases]) {
        const key = normalizeLabel(name);
        if (!settingsByLabel.has(key)) settingsByLabel.set(key, d);
      }
    }
  }
  return settingsByLabel.get(normalizeLabel(label)) ?? null;
}

/** A number as readNumber / readRate leave it; a setting's words never start or end with a digit. */
// Stryker disable next-line Regex: the settings' numbers arrive in Decimal's own spelling and their words hold no digits at either end, so every loosening matches the same values
const DECIMAL_TEXT = /^[-+]?\d+(\.\d+)?$/;

/**
 * The settings with a number that restates the base's in another spelling ("689000" for the
 * contract's "689000.00", "0.40" for "0.4") given the base's text: the same rules, so the same name.
 */
function baseSpelling<T extends object>(settings: Partial<T>, base: T): Partial<T> {
  const out: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(settings)) {
    const was: unknown = (base as Record<string, unknown>)[key];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a value that is not text (a yes/no) never matches the expression below
    if (typeof value !== "string" || typeof was !== "string") continue;
    // A setting's number and the base's are both decimal text (the base's defaults are).
    if (DECIMAL_TEXT.test(value) && dec(value).equals(was)) out[key] = was;
  }
  return out as Partial<T>;
}

/**
 * Reads the 规则设置 rows into a rule set. Problems name `ruleSettings[i]` (the row's index in
 * `rows`); a blank value keeps the default; a label given twice is an error.
 */
export function rulesFromSettings(rows: readonly RuleSettingRow[], base: RuleSet = defaultRules()): Outcome<RuleSet> {
  const overrides = { contract: {}, scoring: {}, options: {} } as Required<Pick<RuleOverrides, "contract" | "scoring" | "options">>;
  const errors: Problem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    if (normalizeLabel(row.label) === "") return;
    const def = findRuleSetting(row.label);
    if (!def) {
      errors.push(problem("error", "unknown-setting", `ruleSettings[${i}]`, `未知的规则参数「${row.label}」；可用：${RULE_SETTINGS.map((d) => d.label).join("、")}`, `unknown rule parameter "${row.label}"`));
      return;
    }
    const prev = seen.get(def.label);
    if (prev !== undefined) {
      errors.push(problem("error", "duplicate-setting", `ruleSettings[${i}]`, `规则参数「${def.label}」出现两次（另见第 ${prev + 1} 行）`, `rule parameter "${def.label}" appears twice`));
      return;
    }
    seen.set(def.label, i);
    if (row.value === null || text(row.value) === "") return;
    const bad = def.apply(row.value, overrides);
    if (bad) errors.push(problem("error", "bad-setting", `ruleSettings[${i}]`, `规则参数「${def.label}」的值「${String(row.value)}」无效：${bad[0]}`, `rule parameter "${def.label}" value "${String(row.value)}" is invalid: ${bad[1]}`));
  });
  if (errors.length > 0) return { ok: false, errors, warnings: [] };
  const contract = { ...base.contract, ...baseSpelling(overrides.contract, base.contract) };
  const scoring = { ...base.scoring, ...baseSpelling(overrides.scoring, base.scoring) };
  const options = { ...base.options, ...baseSpelling(overrides.options, base.options) };
  // Only a value that differs from the base renames the rule set: a sheet that restates the
  // defaults (as every fresh template does) is still "the contract as written".
  const changed = JSON.stringify([contract, scoring, options]) !== JSON.stringify([base.contract, base.scoring, base.options]);
  const merged: RuleOverrides = {
    version: changed ? `${base.version}+规则设置` : base.version,
    name: changed ? `${base.name}（按工作簿「规则设置」调整）` : base.name,
    contract,
    scoring,
    options,
  };
  const loaded = loadRules(merged);
  return loaded;
}
