/**
 * The raw inputs of one month, as the 指标录入 / 加减分事件 / 报告提交 sheets hold them. Values
 * are already typed (numbers, yes/no, ISO dates); a blank cell is null, and what a blank means
 * (an error or "not given") is decided by the scoring rules, so the pane and the command line agree.
 */
// @ts-nocheck

import type { IsoDate, MonthKey } from "./dates";

export interface MonthIndicators {
  month: MonthKey;
  headcount: number | null;
  rulesFollowed: boolean | null;
  reportsOnTime: boolean | null;
  changed: number | null;
  trainingLapses: number | null;
  answerRank: number | null;
  answer15sRank: number | null;
  centresRanked: number | null;
  calls: number | null;
  answered: number | null;
  manualAnswered: number | null;
  answered15s: number | null;
  verySatisfied: number | null;
  satisfied: number | null;
  neutral: number | null;
  dissatisfied: number | null;
  veryDissatisfied: number | null;
  excludedBad: number | null;
  ticketsSampled: number | null;
  ticketsPassed: number | null;
  examSat: number | null;
  complaints: number | null;
  fraud: number | null;
}

export type IndicatorKey = Exclude<keyof MonthIndicators, "month">;

export interface IndicatorField {
  key: IndicatorKey;
  /** The 指标录入 column header (SPEC §8). */
  header: string;
  en: string;
  kind: "count" | "rank" | "yesno";
  /** Optional inputs are shown, not scored. */
  optional: boolean;
  /** Scorecard rows that use it. */
  rows: readonly number[];
}

export const MONTH_HEADER = "考核月份";

export const INDICATOR_FIELDS: readonly IndicatorField[] = [
  { key: "headcount", header: "团队人数", en: "team headcount", kind: "count", optional: false, rows: [1, 3, 10] },
  { key: "rulesFollowed", header: "管理制度落实", en: "management rules followed", kind: "yesno", optional: false, rows: [2] },
  { key: "reportsOnTime", header: "运营报告按时完整", en: "operating reports on time and complete", kind: "yesno", optional: false, rows: [2] },
  { key: "changed", header: "变动人数", en: "people changed", kind: "count", optional: false, rows: [3] },
  { key: "trainingLapses", header: "培训问题次数", en: "training lapses", kind: "count", optional: false, rows: [5] },
  { key: "answerRank", header: "接通率排名", en: "answer-rate rank", kind: "rank", optional: false, rows: [6] },
  { key: "answer15sRank", header: "15秒接通率排名", en: "15-second answer rank", kind: "rank", optional: false, rows: [7] },
  { key: "centresRanked", header: "排名中心数", en: "centres ranked", kind: "count", optional: false, rows: [6, 7] },
  { key: "calls", header: "呼叫次数", en: "calls", kind: "count", optional: true, rows: [6] },
  { key: "answered", header: "接通次数", en: "calls answered", kind: "count", optional: true, rows: [6] },
  { key: "manualAnswered", header: "人工服务接通数", en: "manual answers", kind: "count", optional: true, rows: [7] },
  { key: "answered15s", header: "15秒内接通数", en: "answered within 15 s", kind: "count", optional: true, rows: [7] },
  { key: "verySatisfied", header: "非常满意", en: "very satisfied", kind: "count", optional: false, rows: [8] },
  { key: "satisfied", header: "满意", en: "satisfied", kind: "count", optional: false, rows: [8] },
  { key: "neutral", header: "一般", en: "neutral", kind: "count", optional: false, rows: [8] },
  { key: "dissatisfied", header: "不满意", en: "dissatisfied", kind: "count", optional: false, rows: [8] },
  { key: "veryDissatisfied", header: "非常不满意", en: "very dissatisfied", kind: "count", optional: false, rows: [8] },
  { key: "excludedBad", header: "剔除差评数", en: "excluded bad ratings", kind: "count", optional: false, rows: [8] },
  { key: "ticketsSampled", header: "抽检工单数", en: "tickets sampled", kind: "count", optional: false, rows: [9] },
  { key: "ticketsPassed", header: "合格工单数", en: "tickets passing", kind: "count", optional: false, rows: [9] },
  { key: "examSat", header: "按时参考人数", en: "staff who sat the exam in time", kind: "count", optional: false, rows: [10] },
  { key: "complaints", header: "有效投诉数", en: "valid complaints", kind: "count", optional: false, rows: [13] },
  { key: "fraud", header: "弄虚作假次数", en: "falsification findings", kind: "count", optional: false, rows: [14] },
];

export function indicatorField(key: IndicatorKey): IndicatorField {
  const f = INDICATOR_FIELDS.find((x) => x.key === key);
  if (!f) throw new RangeError(`unknown indicator ${key}`);
  return f;
}

/**
 * A month with every indicator blank: the start of a new month's entry. Spelled out, keys in the
 * order of INDICATOR_FIELDS: an object given 23 keys one by one in a loop becomes a slow
 * "dictionary" object in V8, and every month's scoring reads each of them several times.
 */
export function emptyIndicators(month: MonthKey): MonthIndicators {
  return {
    month,
    headcount: null,
    rulesFollowed: null,
    reportsOnTime: null,
    changed: null,
    trainingLapses: null,
    answerRank: null,
    answer15sRank: null,
    centresRanked: null,
    calls: null,
    answered: null,
    manualAnswered: null,
    answered15s: null,
    verySatisfied: null,
    satisfied: null,
    neutral: null,
    dissatisfied: null,
    veryDissatisfied: null,
    excludedBad: null,
    ticketsSampled: null,
    ticketsPassed: null,
    examSat: null,
    complaints: null,
    fraud: null,
  };
}

export type EventType = "bonus" | "penalty";

/** One row of 加减分事件. */
export interface ScoreEvent {
  month: MonthKey;
  type: EventType;
  level: string;
  /** 事项编号: one matter counts once. Blank = a matter of its own. */
  matterId: string;
  description: string;
  evidence: boolean | null;
  verified: boolean | null;
  reported: boolean | null;
}

/** One row of 报告提交. */
export interface ReportSubmission {
  kind: string;
  period: string;
  /** Blank = not (yet) submitted. */
  submitted: IsoDate | null;
  extensionApproved: boolean | null;
}
