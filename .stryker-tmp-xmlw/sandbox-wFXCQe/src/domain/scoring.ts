/**
 * scoreMonth: one month's 附件二 scorecard from its raw indicators, events and reports.
 * Every item is scored with decimal arithmetic, clamped to its floor and 满分, rounded half-up to
 * 2 decimals; the total is the sum of the rounded items so the printed sheet adds up. Bad input
 * gives errors (each naming the indicator) and no result at all.
 *
 * The contract's open questions (SPEC §5) read here: A7 (a bonus 事项编号 counts once over the whole
 * term, or within a month), A8 (a penalty matter reported at several levels deducts once, or every
 * time), A9 (乙方报送 required for every bonus, or for the 群众 +1 only), A11 (an item the contract
 * cannot score is an error unless 约定调整 gives the score both parties agreed), and the row 2 /
 * row 4 overlap (a warning).
 */
// @ts-nocheck

import { unknownDateMessage, type WorkCalendar } from "./calendar";
import { dec, Dec, fixed2, maxDec, percentText, round2, sum, ZERO } from "./decimal";
import { addMonths, compareKeys, firstDay, IsoDate, isMonthKey, lastDay, MonthKey, monthLabel, monthParts } from "./dates";
import { IndicatorKey, INDICATOR_FIELDS, indicatorField, MonthIndicators, ReportSubmission, ScoreEvent } from "./indicators";
import { Outcome, problem, Problem, UnknownDateError } from "./problems";
import { nominalDueDate, parseReportKind, parseReportPeriod, reportDueDate, ReportKind, ReportPeriod } from "./reports";
import { BONUS_LEVELS, chargedSteps, PENALTY_LADDERS, RuleSet, StepMode } from "./rules";
import { scorecardItem } from "./scorecard";

export type Bound = "floor" | "max" | null;

export interface ItemScore {
  no: number;
  indicator: string;
  /** 满分; null for 附加项. */
  max: Dec | null;
  /** Lowest score the rules allow; null for 附加项. */
  floor: Dec | null;
  /** The score as written in 单项得分: rounded, signed (penalties negative). */
  score: Dec;
  /** Which bound bit, if any. */
  bound: Bound;
  /** 完成情况: a readable summary of the inputs (zh-CN). */
  summary: string;
  /** How the score was reached, naming the contract rule (zh-CN). */
  explanation: string;
  explanationEn: string;
  /** Inputs used, by label, for the 计算说明 sheet. */
  inputs: Record<string, string>;
  /** A11: set when the score is the one both parties agreed in 约定调整, not the contract's computation. */
  agreed?: AgreedNote;
}

/**
 * A11: one row of 约定调整 — an item score both parties agreed for a month the contract cannot
 * score (or chose to settle). Values as read; scoreMonth checks them (序号 1–10, the score between
 * the item's floor and 满分 with 2 decimals at most, 依据 required, one row per month and item).
 */
export interface AgreedScore {
  month: MonthKey;
  /** 序号 (1–10); null when blank. */
  item: number | null;
  /** 约定得分: a number or decimal text; null when blank. */
  score: number | string | null;
  /** 依据: why both parties agreed it (required). */
  reason: string;
}

/** What an agreed item carries besides its score. */
export interface AgreedNote {
  /** 依据, as typed. */
  reason: string;
  /** The score the contract gives the item, when it can score it (the agreement then overrides it). */
  computed: Dec | null;
  /** The row of 约定调整 (index in the agreed scores given). */
  index: number;
}

export interface MonthScore {
  month: MonthKey;
  items: ItemScore[];
  /** Σ rows 1–10. */
  baseTotal: Dec;
  /** 考核得分. */
  total: Dec;
  rulesVersion: string;
}

const YES = "是";
const NO = "否";
const yesNo = (v: boolean) => (v ? YES : NO);

function stepCount(shortfall: Dec, step: Dec, mode: StepMode): Dec {
  return chargedSteps(shortfall.div(step), mode);
}

const STEP_WORDS: Record<StepMode, string> = { proportional: "按比例", floor: "只计整步", ceil: "不足一步按一步" };

interface Collected {
  errors: Problem[];
  warnings: Problem[];
}

/** Checks the month's indicators (SPEC §6); returns the typed values when all are present and valid. */
/** The required indicators, present and typed (optional ones are read from the raw input). */
type ValidIndicators = { [K in IndicatorKey]: NonNullable<MonthIndicators[K]> };

/**
 * A11: an item the contract cannot score this month (no valid ratings, no tickets sampled, no team).
 * Not an error by itself: it is one unless 约定调整 gives the item's score for the month.
 */
interface Unscorable {
  no: number;
  /** The indicator that makes it unscorable (its cell is named). */
  field: IndicatorKey;
  code: string;
  why: string;
  whyEn: string;
  inputs: Record<string, string>;
}

function validateIndicators(ind: MonthIndicators, out: Collected, unscorable: Unscorable[]): ValidIndicators | null {
  const month = ind.month;
  const err = (key: IndicatorKey | "month", code: string, zh: string, en: string) => out.errors.push(problem("error", code, key, zh, en, month));
  const label = (key: IndicatorKey) => indicatorField(key).header;

  if (!isMonthKey(month)) {
    err("month", "bad-month", `考核月份「${month}」不是有效月份`, `month "${month}" is not a valid month`);
    return null;
  }
  // Each field on its own first; the cross-checks below then run on every pair whose fields are
  // both valid, so a clerk sees all problems of the month at once.
  const badKeys = new Set<IndicatorKey>();
  const before = out.errors.length;
  for (const f of INDICATOR_FIELDS) {
    const v = ind[f.key];
    const errorsBefore = out.errors.length;
    if (v === null || v === undefined) {
      if (!f.optional) err(f.key, "missing", `${monthLabel(month)}「${f.header}」未填写`, `${month}: "${f.en}" is blank`);
      badKeys.add(f.key);
      continue;
    }
    if (f.kind === "yesno") {
      if (typeof v !== "boolean") {
        err(f.key, "not-yesno", `「${f.header}」应为 是/否，实为「${String(v)}」`, `"${f.en}" must be yes/no, got "${String(v)}"`);
        badKeys.add(f.key);
      }
      continue;
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      err(f.key, "not-number", `「${f.header}」应为数字，实为「${String(v)}」`, `"${f.en}" must be a number, got "${String(v)}"`);
    } else if (!Number.isInteger(v)) {
      err(f.key, "not-integer", `「${f.header}」应为整数，实为 ${v}`, `"${f.en}" must be a whole number, got ${v}`);
    } else if (f.kind === "rank" && v < 1) {
      err(f.key, "rank-below-1", `「${f.header}」应为不小于 1 的名次，实为 ${v}`, `"${f.en}" must be a rank ≥ 1, got ${v}`);
    } else if (v < 0) {
      err(f.key, "negative", `「${f.header}」不能为负数，实为 ${v}`, `"${f.en}" cannot be negative, got ${v}`);
    } else if (!Number.isSafeInteger(v)) {
      err(f.key, "too-large", `「${f.header}」数值过大：${v}`, `"${f.en}" is too large: ${v}`);
    }
    if (out.errors.length > errorsBefore) badKeys.add(f.key);
  }

  const n = ind as ValidIndicators;
  const ok = (...keys: IndicatorKey[]) => keys.every((k) => !badKeys.has(k));
  const crossErr = (key: IndicatorKey, code: string, zh: string, en: string) => err(key, code, zh, en);
  const cannot = (no: number, field: IndicatorKey, code: string, why: string, whyEn: string, inputs: Record<string, string>) => unscorable.push({ no, field, code, why, whyEn, inputs });
  if (ok("headcount") && n.headcount === 0) {
    cannot(3, "headcount", "zero-team", "「团队人数」为 0，无法计算流动率", "team headcount is 0: turnover cannot be computed", { 团队人数: "0" });
    cannot(10, "headcount", "zero-team", "「团队人数」为 0，无法计算考试覆盖率", "team headcount is 0: exam coverage cannot be computed", { 团队人数: "0" });
  }
  if (ok("centresRanked") && n.centresRanked < 1) crossErr("centresRanked", "no-centres", "「排名中心数」应不小于 1", "centres ranked must be ≥ 1");
  for (const key of ["answerRank", "answer15sRank"] as const) {
    if (ok(key, "centresRanked") && n[key] > n.centresRanked)
      crossErr(key, "rank-above-centres", `「${label(key)}」第 ${n[key]} 名超过「排名中心数」${n.centresRanked}`, `${indicatorField(key).en} ${n[key]} is beyond the ${n.centresRanked} centres ranked`);
  }
  if (ok("ticketsSampled") && n.ticketsSampled === 0) cannot(9, "ticketsSampled", "zero-sampled", "「抽检工单数」为 0，无法计算质检准确率", "no tickets sampled: quality rate cannot be computed", { 抽检工单数: "0" });
  if (ok("ticketsPassed", "ticketsSampled") && n.ticketsPassed > n.ticketsSampled)
    crossErr("ticketsPassed", "passed-above-sampled", `「合格工单数」${n.ticketsPassed} 大于「抽检工单数」${n.ticketsSampled}`, `tickets passing (${n.ticketsPassed}) exceed tickets sampled (${n.ticketsSampled})`);
  const bad = n.dissatisfied + n.veryDissatisfied;
  const ratingsOk = ok("verySatisfied", "satisfied", "neutral", "dissatisfied", "veryDissatisfied", "excludedBad");
  if (ratingsOk && n.excludedBad > bad)
    crossErr("excludedBad", "excluded-above-bad", `「剔除差评数」${n.excludedBad} 大于 不满意+非常不满意 ${bad}`, `excluded bad ratings (${n.excludedBad}) exceed the bad ratings (${bad})`);
  const valid = n.verySatisfied + n.satisfied + n.neutral + n.dissatisfied + n.veryDissatisfied - n.excludedBad;
  if (ratingsOk && n.excludedBad <= bad && valid <= 0)
    cannot(8, "verySatisfied", "no-valid-ratings", "有效评价数为 0，无法计算满意率", "no valid ratings: satisfaction cannot be computed", { 有效评价数: String(valid), 剔除差评数: String(n.excludedBad) });
  if (ok("examSat", "headcount") && n.examSat > n.headcount)
    crossErr("examSat", "sat-above-team", `「按时参考人数」${n.examSat} 大于「团队人数」${n.headcount}`, `staff who sat the exam (${n.examSat}) exceed the team (${n.headcount})`);
  if (ok("calls", "answered") && ind.calls !== null && ind.answered !== null && ind.answered > ind.calls)
    crossErr("answered", "answered-above-calls", `「接通次数」${ind.answered} 大于「呼叫次数」${ind.calls}`, `calls answered (${ind.answered}) exceed calls (${ind.calls})`);
  if (ok("manualAnswered", "answered15s") && ind.manualAnswered !== null && ind.answered15s !== null && ind.answered15s > ind.manualAnswered)
    crossErr("answered15s", "15s-above-manual", `「15秒内接通数」${ind.answered15s} 大于「人工服务接通数」${ind.manualAnswered}`, `answered within 15 s (${ind.answered15s}) exceed manual answers (${ind.manualAnswered})`);
  if ((ind.calls === null) !== (ind.answered === null))
    out.warnings.push(problem("warning", "rate-half-given", ind.calls === null ? "calls" : "answered", "「呼叫次数」与「接通次数」只填了一个，接通率不显示", "only one of calls / calls answered is given: the answer rate is not shown", month));
  return out.errors.length > before ? null : n;
}

const FIVE = dec(5);
const TEN = dec(10);
const FIFTEEN = dec(15);

/**
 * A rule parameter as a decimal. Rule values are text ("0.5", "95") that every month would parse
 * again; decimals are immutable, so one parse per text serves every month and every rule set.
 * Short texts only (a rule value is); bounded.
 */
const decimals = new Map<string | number, Dec>();
function decimalOf(value: string | number): Dec {
  let d = decimals.get(value);
  // Stryker disable next-line ConditionalExpression: a memo: making the value again gives the same value
  if (d === undefined) {
    d = dec(value);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: a memo's bound: keeping or clearing an entry gives the same values
    if (typeof value === "number" || value.length <= 64) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: a memo's bound: keeping or clearing an entry gives the same values
      if (decimals.size > 1_000) decimals.clear();
      decimals.set(value, d);
    }
  }
  return d;
}

/** Each row's 满分 as a decimal, made once (decimals are immutable; every month's items share them). */
const MAXES = new Map<number, Dec | null>();

function item(no: number, score: Dec, bound: Bound, summary: string, how: string, howEn: string, inputs: Record<string, string>, floor: Dec | null): ItemScore {
  const def = scorecardItem(no);
  let max = MAXES.get(no);
  // Stryker disable next-line ConditionalExpression: a memo: making the value again gives the same value
  if (max === undefined) {
    max = def.max === null ? null : dec(def.max);
    MAXES.set(no, max);
  }
  return {
    no,
    indicator: def.indicator,
    max,
    floor,
    // Most scores have 2 decimals at most already (whole points, 0.5 steps): rounding them again
    // would only copy them.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: rounding a score of 2 decimals or fewer again gives the same score
    score: score.decimalPlaces() <= 2 ? score : round2(score),
    bound,
    summary,
    explanation: `附件二第${no}项「${def.indicator}」评分细则：${def.rule} —— ${how}`,
    explanationEn: `Scorecard row ${no} (${def.indicatorEn}): ${howEn}`,
    inputs,
  };
}

/** Clamps to [floor, max] and says which bound bit. */
function bounded(raw: Dec, floor: Dec, max: Dec): { score: Dec; bound: Bound } {
  // clamp(raw, floor, max) with each comparison made once.
  if (raw.lessThan(floor)) return { score: floor.greaterThan(max) ? max : floor, bound: "floor" };
  if (raw.greaterThan(max)) return { score: max, bound: "max" };
  return { score: raw, bound: null };
}

/** fixed2 of a row's raw and clamped score, formatted once when the clamp left the raw score as it was. */
function scoreTexts(raw: Dec, score: Dec): { raw: string; score: string } {
  const scoreText = fixed2(score);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: fixed2 of the same value is the same text
  return { raw: raw === score ? scoreText : fixed2(raw), score: scoreText };
}

function boundNote(bound: Bound, floor: Dec): string {
  return bound === "floor" ? `，扣至 ${fixed2(floor)} 分为止` : "";
}

/**
 * expectedReports by month and the rules it reads (its result depends on nothing else): every
 * month of every run asks again. Entries are the (frozen) periods; callers get a fresh array.
 * One memo per calendar value (the due dates it gives decide the month).
 */
const expectedByCalendar = new WeakMap<WorkCalendar, Map<string, readonly ReportPeriod[]>>();

/** Reports expected in a month: 月报 of the month before, 季报 in a quarter's first month, 年报 in December. */
export function expectedReports(month: MonthKey, rules: RuleSet): ReportPeriod[] {
  const key = `${month}|${rules.scoring.annualReportYear}|${rules.contract.firstMonth}|${rules.contract.lastMonth}`;
  let expected = expectedByCalendar.get(rules.calendar);
  if (expected === undefined) {
    expected = new Map();
    expectedByCalendar.set(rules.calendar, expected);
  }
  let periods = expected.get(key);
  // Stryker disable next-line ConditionalExpression: a memo: making the value again gives the same value
  if (periods === undefined) {
    periods = reportsExpectedIn(month, rules);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: a memo's bound: keeping or clearing an entry gives the same values
    if (expected.size > 10_000) expected.clear();
    expected.set(key, periods);
  }
  return [...periods];
}

function reportsExpectedIn(month: MonthKey, rules: RuleSet): ReportPeriod[] {
  const { year, month: m } = monthParts(month);
  const candidates: ReportPeriod[] = [];
  const push = (p: ReportPeriod | null) => {
    if (p) candidates.push(p);
  };
  const prev = addMonths(month, -1);
  push(parseReportPeriod("月报", prev));
  if ((m - 1) % 3 === 0) {
    const pq = monthParts(addMonths(month, -3));
    push(parseReportPeriod("季报", `${pq.year}Q${Math.floor((pq.month - 1) / 3) + 1}`));
  }
  push(parseReportPeriod("年报", String(year)));
  push(parseReportPeriod("年报", String(year - 1)));
  const annual = rules.scoring.annualReportYear;
  const termStart = firstDay(rules.contract.firstMonth);
  const termEnd = lastDay(rules.contract.lastMonth);
  return candidates.filter((p) => {
    if (p.end < termStart || p.start > termEnd) return false;
    try {
      return reportDueDate(p, rules.calendar, annual).slice(0, 7) === month;
    } catch (e) {
      if (e instanceof UnknownDateError) return false;
      throw e;
    }
  });
}

/**
 * Reports no scorecard can score (SPEC §5): those due after the term's last scored month — the 月报
 * of the last month, the 季报 of the last quarter, the 年报 of the last year — and 报告提交 rows due
 * before its first. Row 4 of a month outside the term does not exist, so they are listed as
 * reminders, never silently dropped: every 报告提交 row due outside the scored months and, with
 * `includeExpected` (the term's last month is being scored), every report the contract still
 * expects after it. A due date in a year the calendar does not know is shown unshifted, said so.
 */
export function reportsOutsideTerm(reports: readonly ReportSubmission[], rules: RuleSet, includeExpected: boolean): Problem[] {
  const { firstMonth, lastMonth } = rules.contract;
  const annual = rules.scoring.annualReportYear;
  const dueOf = (p: ReportPeriod): { due: IsoDate; known: boolean } => {
    try {
      return { due: reportDueDate(p, rules.calendar, annual), known: true };
    } catch (e) {
      if (!(e instanceof UnknownDateError)) throw e;
      return { due: nominalDueDate(p, annual), known: false };
    }
  };
  interface Entry {
    period: ReportPeriod;
    due: IsoDate;
    known: boolean;
    index: number | null;
    report: ReportSubmission | null;
  }
  const entries = new Map<string, Entry>();
  reports.forEach((report, index) => {
    const kind = parseReportKind(String(report.kind ?? ""));
    const period = kind ? parseReportPeriod(kind, String(report.period ?? "")) : null;
    if (!period) return;
    const key = `${period.kind}:${period.key}`;
    if (entries.has(key)) return;
    const { due, known } = dueOf(period);
    const month = due.slice(0, 7);
    if (month > lastMonth || month < firstMonth) entries.set(key, { period, due, known, index, report });
  });
  if (includeExpected) {
    const termStart = firstDay(firstMonth);
    const termEnd = lastDay(lastMonth);
    const candidates: ReportPeriod[] = [];
    const push = (p: ReportPeriod | null) => {
      if (p && p.end >= termStart && p.start <= termEnd) candidates.push(p);
    };
    const { year: lastYear, month: last } = monthParts(lastMonth);
    push(parseReportPeriod("月报", lastMonth));
    push(parseReportPeriod("季报", `${lastYear}Q${Math.floor((last - 1) / 3) + 1}`));
    for (let y = monthParts(firstMonth).year; y <= lastYear; y++) push(parseReportPeriod("年报", String(y)));
    for (const period of candidates) {
      const key = `${period.kind}:${period.key}`;
      if (entries.has(key)) continue;
      const { due, known } = dueOf(period);
      if (due.slice(0, 7) > lastMonth) entries.set(key, { period, due, known, index: null, report: null });
    }
  }
  return [...entries.values()]
    .sort((a, b) => compareKeys(a.due, b.due) || compareKeys(a.period.key, b.period.key))
    .map((e) => {
      const name = `${e.period.kind}(${e.period.key})`;
      const after = e.due.slice(0, 7) > lastMonth;
      const dueText = `${e.due}${e.known ? " " : "（该年节假日安排未知，未顺延）"}`;
      const where = after ? `晚于末个考核月份（${monthLabel(lastMonth)}）` : `早于首个考核月份（${monthLabel(firstMonth)}）`;
      const whereEn = after ? `after the last scored month (${lastMonth})` : `before the first scored month (${firstMonth})`;
      const state =
        e.report === null
          ? "尚未在「报告提交」登记，请提醒按时提交"
          : e.report.submitted
            ? `已登记，${e.report.submitted} 提交`
            : "已登记，尚未提交，请提醒按时提交";
      const stateEn = e.report === null ? "not recorded in 报告提交 yet" : e.report.submitted ? `submitted ${e.report.submitted}` : "recorded, not submitted yet";
      return problem(
        "warning",
        "report-outside-term",
        e.index === null ? "reports" : `reports[${e.index}].period`,
        `提醒：${name} 应于 ${dueText}提交，${where}，不在任何月度考核表的第4项「数据分析」计分；${state}`,
        `reminder: ${e.period.kind} ${e.period.key} is due ${e.due}, ${whereEn}: no scorecard scores it (row 4); ${stateEn}`,
      );
    });
}

interface PlacedReport {
  index: number;
  report: ReportSubmission;
  period: ReportPeriod;
  due: string;
}

/** One report row as read for a season: its kind, period and due date, or the first one that is bad. */
interface ReportRow {
  index: number;
  report: ReportSubmission;
  kind: ReportKind | null;
  period: ReportPeriod | null;
  due: IsoDate | null;
  /** The date the holiday calendar does not know, when the due date cannot be computed. */
  unknownDate: IsoDate | null;
}

/**
 * The report rows read once and filed by the month their due date falls in, so that scoring a
 * month looks at its own reports only (a season of 120 months with 170 report rows would otherwise
 * read every row 120 times). Rows without a due date are reported as errors in every month, as a
 * scan of all rows per month would. Built on first use: a season with no valid month reads none.
 */
class ReportIndex {
  private built: { unplaced: ReportRow[]; byMonth: Map<MonthKey, ReportRow[]> } | null = null;

  constructor(
    private readonly reports: readonly ReportSubmission[],
    private readonly annual: RuleSet["scoring"]["annualReportYear"],
    /** The calendar in force (RuleSet.calendar): due dates, and the submission dates it knows. */
    readonly calendar: WorkCalendar,
  ) {}

  /** The rows scored in `month` and the rows that have no due date, in row order. */
  rowsFor(month: MonthKey): ReportRow[] {
    const { unplaced, byMonth } = (this.built ??= this.build());
    const due = byMonth.get(month) ?? [];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: short cuts: merging with an empty list and sorting by row gives the same rows
    if (unplaced.length === 0) return due;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: as above
    if (due.length === 0) return unplaced;
    return [...unplaced, ...due].sort((a, b) => a.index - b.index);
  }

  private build(): { unplaced: ReportRow[]; byMonth: Map<MonthKey, ReportRow[]> } {
    const unplaced: ReportRow[] = [];
    const byMonth = new Map<MonthKey, ReportRow[]>();
    this.reports.forEach((report, index) => {
      const row: ReportRow = { index, report, kind: parseReportKind(String(report.kind ?? "")), period: null, due: null, unknownDate: null };
      if (row.kind) row.period = parseReportPeriod(row.kind, String(report.period ?? ""));
      if (row.period) {
        try {
          row.due = reportDueDate(row.period, this.calendar, this.annual);
        } catch (e) {
          if (!(e instanceof UnknownDateError)) throw e;
          row.unknownDate = e.date;
        }
      }
      if (row.due === null) {
        unplaced.push(row);
        return;
      }
      const month = row.due.slice(0, 7);
      const list = byMonth.get(month);
      if (list) list.push(row);
      else byMonth.set(month, [row]);
    });
    return { unplaced, byMonth };
  }
}

/** The reports due in `month` (bad rows are errors in every month), checked against their periods. */
function reportsDueIn(month: MonthKey, reports: ReportIndex, out: Collected): PlacedReport[] {
  const placed: PlacedReport[] = [];
  for (const { index, report, kind, period, due, unknownDate } of reports.rowsFor(month)) {
    if (!kind) {
      out.errors.push(problem("error", "bad-report-kind", `reports[${index}].kind`, `报告类型「${String(report.kind)}」应为 月报/季报/年报`, `report kind "${String(report.kind)}" must be 月报/季报/年报`));
      continue;
    }
    if (!period) {
      const example = kind === "月报" ? "2025-09" : kind === "季报" ? "2025Q3" : "2025";
      out.errors.push(problem("error", "bad-report-period", `reports[${index}].period`, `${kind}的报告期「${String(report.period)}」无法识别（例：${example}）`, `report period "${String(report.period)}" is not a ${kind} period (e.g. ${example})`));
      continue;
    }
    if (due === null) {
      const [zh, en] = unknownDateMessage(unknownDate ?? "", reports.calendar);
      out.errors.push(problem("error", "unknown-date", `reports[${index}].period`, `${kind} ${period.key}：${zh}`, `${kind} ${period.key}: ${en}`));
      continue;
    }
    if (report.submitted !== null) {
      const field = `reports[${index}].submitted`;
      if (report.submitted < period.start) {
        out.errors.push(problem("error", "submitted-before-period", field, `${kind} ${period.key} 的提交日期 ${report.submitted} 早于其报告期（${period.start} 起）`, `${kind} ${period.key} submitted ${report.submitted}, before the period it reports (from ${period.start})`, month));
        continue;
      }
      if (!reports.calendar.isKnownDate(report.submitted)) {
        const [zh, en] = unknownDateMessage(report.submitted, reports.calendar);
        out.errors.push(problem("error", "unknown-date", field, zh, en, month));
        continue;
      }
      // A report due at the end of its own period (年报, "每年12月底前") is normally handed in early.
      if (report.submitted <= period.end && due > period.end)
        out.warnings.push(problem("warning", "submitted-before-period-end", field, `${kind} ${period.key} 在报告期结束（${period.end}）前即已提交，请核对日期`, `${kind} ${period.key} was submitted before its period ended (${period.end}): check the date`, month));
    }
    placed.push({ index, report, period, due });
  }
  const seen = new Map<string, number>();
  for (const p of placed) {
    const key = `${p.period.kind}:${p.period.key}`;
    const first = seen.get(key);
    if (first !== undefined)
      out.errors.push(problem("error", "duplicate-report", `reports[${p.index}].period`, `${p.period.kind} ${p.period.key} 登记了两次（另见第 ${first + 1} 条）`, `${p.period.kind} ${p.period.key} is recorded twice (see also entry ${first + 1})`, month));
    else seen.set(key, p.index);
  }
  return placed;
}

/** Row 4 and the working days late it deducted for (the row 2 / row 4 check reads them). */
function scoreReports(month: MonthKey, reports: ReportIndex, rules: RuleSet, out: Collected): { item: ItemScore; lateDays: number } | null {
  const before = out.errors.length;
  const placed = reportsDueIn(month, reports, out);
  if (out.errors.length > before) return null;
  const perDay = decimalOf(rules.scoring.reportPointsPerDay);
  const lines: string[] = [];
  const inputs: Record<string, string> = {};
  let lateDays = 0;
  for (const p of placed) {
    const name = `${p.period.kind}(${p.period.key})`;
    const nominal = nominalDueDate(p.period, rules.scoring.annualReportYear);
    const shifted = nominal === p.due ? "" : `（${nominal} 非工作日，顺延）`;
    // An unsubmitted report is late through the last day of the month it is scored in.
    const until = p.report.submitted ?? (lastDay(month) > p.due ? lastDay(month) : p.due);
    const late = rules.calendar.workingDaysLate(p.due, until);
    const approved = p.report.extensionApproved === true;
    inputs[name] = `应交 ${p.due}${shifted}，${p.report.submitted ? `${p.report.submitted} 提交` : "未提交"}${approved ? "，延期已获批" : ""}`;
    if (approved) {
      lines.push(`${name} 应交 ${p.due}${shifted}，延期已获批，不扣分`);
    } else if (p.report.submitted === null) {
      lateDays += late;
      lines.push(`${name} 应交 ${p.due}${shifted}，至月末未提交，已迟 ${late} 个工作日`);
    } else {
      lateDays += late;
      lines.push(late === 0 ? `${name} 应交 ${p.due}${shifted}，${p.report.submitted} 按时提交` : `${name} 应交 ${p.due}${shifted}，${p.report.submitted} 提交，迟 ${late} 个工作日`);
    }
    if (p.report.submitted === null && !approved)
      out.warnings.push(problem("warning", "report-not-submitted", `reports[${p.index}].submitted`, `${name} 应于 ${p.due} 提交，未填提交日期，按至月末未提交计`, `${name} was due ${p.due} and has no submission date: counted as not submitted by month end`, month));
  }
  const recorded = new Set(placed.map((p) => `${p.period.kind}:${p.period.key}`));
  for (const expected of expectedReports(month, rules)) {
    if (!recorded.has(`${expected.kind}:${expected.key}`)) {
      out.warnings.push(problem("warning", "report-not-recorded", "reports", `${monthLabel(month)}应交的${expected.kind}(${expected.key})（${reportDueDate(expected, rules.calendar, rules.scoring.annualReportYear)} 截止）未在「报告提交」登记，未扣分；如确未提交，请登记一行并留空提交日期`, `${expected.kind} ${expected.key} due ${reportDueDate(expected, rules.calendar, rules.scoring.annualReportYear)} is not recorded in 报告提交: not deducted; if it was not submitted, add a row with no date`, month));
      lines.push(`${expected.kind}(${expected.key}) 未登记`);
    }
  }
  const max = FIVE;
  const raw = max.minus(perDay.times(lateDays));
  const { score, bound } = bounded(raw, ZERO, max);
  const summary = lines.length > 0 ? lines.join("；") : "本月无应交报告";
  const t = scoreTexts(raw, score);
  const how = lateDays === 0 ? `${summary}，得满分 5 分` : `共迟 ${lateDays} 个工作日，5 − ${lateDays} × ${perDay.toString()} = ${t.raw}${boundNote(bound, ZERO)}，得 ${t.score} 分`;
  return { item: item(4, score, bound, summary, how, `${lateDays} working day(s) late in all → ${t.score}`, inputs, ZERO), lateDays };
}

/** Rows 1–3 and 5–10 from the indicators; the rows in `skip` (A11: not scorable this month) are left out. */
function scoreIndicators(ind: MonthIndicators, n: ValidIndicators, rules: RuleSet, out: Collected, skip: ReadonlySet<number>): ItemScore[] {
  const month = ind.month;
  const s = rules.scoring;
  const o = rules.options;
  const items: ItemScore[] = [];

  // Row 1 队伍建设
  {
    const min = s.minHeadcount;
    const short = Math.max(0, min - n.headcount);
    const raw = TEN.minus(short);
    const { score, bound } = bounded(raw, ZERO, TEN);
    const summary = short === 0 ? `团队 ${n.headcount} 人，达到 ${min} 人` : `团队 ${n.headcount} 人，少 ${short} 人`;
    const t = scoreTexts(raw, score);
    items.push(item(1, score, bound, summary, `${summary}，10 − ${short} × 1 = ${t.raw}${boundNote(bound, ZERO)}，得 ${t.score} 分`, `team of ${n.headcount}, ${short} short of ${min} → ${t.score}`, { 团队人数: String(n.headcount) }, ZERO));
  }
  // Row 2 管理制度与能力
  {
    const raw = TEN.minus(n.rulesFollowed ? 0 : 5).minus(n.reportsOnTime ? 0 : 5);
    const summary = `管理制度落实：${yesNo(n.rulesFollowed)}；运营报告按时完整：${yesNo(n.reportsOnTime)}`;
    const rawText = fixed2(raw);
    items.push(item(2, raw, null, summary, `${summary}，10${n.rulesFollowed ? "" : " − 5"}${n.reportsOnTime ? "" : " − 5"} = ${rawText}，得 ${rawText} 分`, `rules followed: ${n.rulesFollowed ? "yes" : "no"}; reports on time: ${n.reportsOnTime ? "yes" : "no"} → ${rawText}`, { 管理制度落实: yesNo(n.rulesFollowed), 运营报告按时完整: yesNo(n.reportsOnTime) }, ZERO));
  }
  // Row 3 项目人员月流动率 — compared as changed × 100 vs band × size, so no rounding decides a band.
  if (!skip.has(3)) {
    const rate = dec(n.changed).times(100).div(n.headcount);
    const rateText = fixed2(rate);
    const low = decimalOf(s.turnoverLow);
    const high = decimalOf(s.turnoverHigh);
    let score: Dec;
    let band: string;
    if (rate.lessThan(low)) {
      score = dec(10);
      band = `小于 ${low}%，得满分`;
    } else if (rate.lessThanOrEqualTo(high)) {
      score = decimalOf(o.turnoverBandScore);
      const scoreText = fixed2(score);
      band = `在 ${low}%–${high}% 档，按${score.equals(10) ? "合同原文" : "规则设置（A1）"}得 ${scoreText} 分`;
      out.warnings.push(problem("warning", "turnover-band", "changed", `${monthLabel(month)}流动率 ${rateText}% 落在 ${low}%–${high}% 档：合同原文此档得 10 分（等于满分，A1），当前规则得 ${scoreText} 分`, `turnover ${rateText}% is in the ${low}–${high}% band: the contract gives 10 (full marks, A1); this rule set gives ${scoreText}`, month));
    } else {
      score = ZERO;
      band = `大于 ${high}%，不得分`;
    }
    if (n.changed > n.headcount)
      out.warnings.push(problem("warning", "changed-above-team", "changed", `「变动人数」${n.changed} 大于「团队人数」${n.headcount}，请核对`, `people changed (${n.changed}) exceed the team (${n.headcount}): please check`, month));
    const summary = `变动 ${n.changed} 人 / ${n.headcount} 人，流动率 ${rateText}%`;
    items.push(item(3, score, null, summary, `${summary}，${band}`, `${n.changed} of ${n.headcount} changed (${rateText}%) → ${fixed2(score)}`, { 变动人数: String(n.changed), 团队人数: String(n.headcount), 流动率: `${rateText}%` }, ZERO));
  }
  // Row 4 数据分析 is scored from the reports, by the caller.
  // Row 5 培训与文化建设
  {
    const per = decimalOf(s.trainingPointsPerLapse);
    const raw = FIVE.minus(per.times(n.trainingLapses));
    const { score, bound } = bounded(raw, ZERO, FIVE);
    const summary = n.trainingLapses === 0 ? "培训与精神面貌无问题" : `培训/精神面貌问题 ${n.trainingLapses} 次`;
    const t = scoreTexts(raw, score);
    items.push(item(5, score, bound, summary, `${summary}，5 − ${n.trainingLapses} × ${per.toString()} = ${t.raw}${boundNote(bound, ZERO)}，得 ${t.score} 分`, `${n.trainingLapses} lapse(s) → ${t.score}`, { 培训问题次数: String(n.trainingLapses) }, ZERO));
  }
  // Rows 6, 7: national rank among 出入境分中心
  const rankRow = (no: 6 | 7, rank: number, rateText: string | null) => {
    const behind = Math.max(0, rank - s.rankFullMarks);
    const raw = FIFTEEN.minus(behind);
    const { score, bound } = bounded(raw, ZERO, FIFTEEN);
    const summary = `全国第 ${rank}/${n.centresRanked} 名${rateText ? `（${rateText}）` : ""}`;
    const t = scoreTexts(raw, score);
    const how = behind === 0 ? `${summary}，在前 ${s.rankFullMarks} 名，得满分 15 分` : `${summary}，低于第 ${s.rankFullMarks} 名 ${behind} 个位次，15 − ${behind} = ${t.raw}${boundNote(bound, ZERO)}，得 ${t.score} 分`;
    const inputs: Record<string, string> = { 排名: String(rank), 排名中心数: String(n.centresRanked) };
    if (rateText) inputs["比率（仅显示）"] = rateText;
    items.push(item(no, score, bound, summary, how, `rank ${rank} of ${n.centresRanked} → ${t.score}`, inputs, ZERO));
  };
  rankRow(6, n.answerRank, ind.calls !== null && ind.answered !== null && ind.calls > 0 ? `接通率 ${percentText(ind.answered, ind.calls)}` : null);
  rankRow(7, n.answer15sRank, ind.manualAnswered !== null && ind.answered15s !== null && ind.manualAnswered > 0 ? `15秒接通率 ${percentText(ind.answered15s, ind.manualAnswered)}` : null);
  // Row 8 团队服务满意率
  if (!skip.has(8)) {
    const all = n.verySatisfied + n.satisfied + n.neutral + n.dissatisfied + n.veryDissatisfied;
    const valid = all - n.excludedBad;
    const good = n.verySatisfied + n.satisfied;
    const rate = dec(good).times(100).div(valid);
    const target = decimalOf(s.satisfactionTarget);
    const shortfall = maxDec(ZERO, target.minus(rate));
    const steps = stepCount(shortfall, decimalOf(s.satisfactionStep), o.satisfactionSteps);
    const raw = TEN.minus(steps.times(decimalOf(s.satisfactionPointsPerStep)));
    const { score, bound } = bounded(raw, ZERO, TEN);
    const rateText = fixed2(rate);
    const t = scoreTexts(raw, score);
    const summary = `满意率 ${rateText}%（${good}/${valid}${n.excludedBad > 0 ? `，已剔除差评 ${n.excludedBad}` : ""}）`;
    const how = shortfall.isZero()
      ? `${summary}，达到 ${target}%，得满分 10 分`
      : `${summary}，低于 ${target}% 共 ${fixed2(shortfall)} 个百分点，${STEP_WORDS[o.satisfactionSteps]}计 ${steps.toDecimalPlaces(4).toString()} 步 × ${s.satisfactionPointsPerStep} 分，10 − ${fixed2(steps.times(s.satisfactionPointsPerStep))} = ${t.raw}${boundNote(bound, ZERO)}，得 ${t.score} 分`;
    items.push(item(8, score, bound, summary, how, `${good} of ${valid} valid ratings satisfied (${rateText}%) → ${t.score}`, { 非常满意: String(n.verySatisfied), 满意: String(n.satisfied), 一般: String(n.neutral), 不满意: String(n.dissatisfied), 非常不满意: String(n.veryDissatisfied), 剔除差评数: String(n.excludedBad), 有效评价数: String(valid) }, ZERO));
  }
  // Row 9 工单质检准确率 (A2: deductions stop at 5 by default)
  if (!skip.has(9)) {
    const rate = dec(n.ticketsPassed).times(100).div(n.ticketsSampled);
    const target = decimalOf(s.ticketTarget);
    const shortfall = maxDec(ZERO, target.minus(rate));
    const steps = stepCount(shortfall, decimalOf(s.ticketStep), o.ticketQualitySteps);
    const raw = TEN.minus(steps.times(decimalOf(s.ticketPointsPerStep)));
    const floor = decimalOf(o.ticketQualityFloor);
    const { score, bound } = bounded(raw, floor, TEN);
    const rateText = fixed2(rate);
    const t = scoreTexts(raw, score);
    const summary = `抽检 ${n.ticketsSampled} 条，合格 ${n.ticketsPassed} 条，准确率 ${rateText}%`;
    const how = shortfall.isZero()
      ? `${summary}，达到 ${target}%，得满分 10 分`
      : `${summary}，低于 ${target}% 共 ${fixed2(shortfall)} 个百分点，每 ${s.ticketStep}% 扣 ${s.ticketPointsPerStep} 分（${STEP_WORDS[o.ticketQualitySteps]}），10 − ${fixed2(steps.times(s.ticketPointsPerStep))} = ${t.raw}${boundNote(bound, floor)}，得 ${t.score} 分`;
    const expected = n.headcount * s.ticketsPerSeat;
    if (n.ticketsSampled < expected)
      out.warnings.push(problem("warning", "few-tickets", "ticketsSampled", `「抽检工单数」${n.ticketsSampled} 少于人均 ${s.ticketsPerSeat} 条（${n.headcount} 人应抽 ${expected} 条）`, `tickets sampled (${n.ticketsSampled}) are fewer than ${s.ticketsPerSeat} per seat (${expected} for ${n.headcount})`, month));
    items.push(item(9, score, bound, summary, how, `${n.ticketsPassed} of ${n.ticketsSampled} tickets pass (${rateText}%) → ${t.score}`, { 抽检工单数: String(n.ticketsSampled), 合格工单数: String(n.ticketsPassed) }, floor));
  }
  // Row 10 考试覆盖率
  if (!skip.has(10)) {
    let deadline: string;
    try {
      deadline = rules.calendar.examDeadline(month, s.examDay);
    } catch (e) {
      if (!(e instanceof UnknownDateError)) throw e;
      const [zh, en] = unknownDateMessage(e.date, rules.calendar);
      out.errors.push(problem("error", "unknown-date", "month", zh, en, month));
      return items;
    }
    const absent = n.headcount - n.examSat;
    const raw = TEN.minus(decimalOf(s.examPointsPerAbsent).times(absent));
    const { score, bound } = bounded(raw, ZERO, TEN);
    const note = rules.calendar.dayNote(`${month}-${String(s.examDay).padStart(2, "0")}`);
    const shifted = deadline.endsWith(`-${String(s.examDay).padStart(2, "0")}`) ? "" : `（${s.examDay} 日非工作日${note ? `：${note}` : ""}，顺延）`;
    const summary = `截止 ${deadline}${shifted} 参考 ${n.examSat}/${n.headcount} 人，覆盖率 ${percentText(n.examSat, n.headcount)}`;
    const t = scoreTexts(raw, score);
    items.push(item(10, score, bound, summary, `${summary}，10 − ${absent} × ${s.examPointsPerAbsent} = ${t.raw}${boundNote(bound, ZERO)}，得 ${t.score} 分`, `${n.examSat} of ${n.headcount} sat the exam by ${deadline} → ${t.score}`, { 按时参考人数: String(n.examSat), 团队人数: String(n.headcount), 考试截止日: deadline }, ZERO));
  }
  return items;
}

const normalizeLevel = (text: string) => text.replace(/\s+/g, "").replace(/[（(].*?[）)]/g, "");

function matchLevel<T extends { label: string; aliases: readonly string[] }>(levels: readonly T[], text: string): T | null {
  const t = normalizeLevel(text);
  return levels.find((l) => l.label === t || l.aliases.includes(t)) ?? null;
}

/**
 * A 事项编号 as compared (A7, A8): NFKC (full-width letters and digits become half-width), every
 * whitespace removed, lower case — "ＢＹ-101 " and "by-101" are one matter. "" = no matter id.
 */
export function normalizeMatterId(id: string): string {
  return String(id ?? "")
    .normalize("NFKC")
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "")
    .toLowerCase();
}

/** The contract's words a bonus is scored 0 by (row 11). */
const EVIDENCE_CLAUSE = "「佐证材料不充分、不完整，或经核查不属实的不加分」";
const REPORT_CLAUSE = "加分须「由乙方主动进行报送」";
const CROWD_LABEL = "群众";

type BonusLack = "evidence" | "verified" | "reported";
const LACK_WORDS: Record<BonusLack, [string, string]> = {
  evidence: ["无佐证材料", "no evidence"],
  verified: ["未经查属实", "not verified"],
  reported: ["非乙方报送", "not reported by the operator"],
};

interface BonusCheck {
  level: (typeof BONUS_LEVELS)[number] | null;
  /** What the event lacks to count, in the order evidence, verified, reported. */
  lacks: BonusLack[];
  /** A9 (仅群众表扬需报送): a 市级及以上 praise not reported by 乙方 counts all the same. */
  reportWaived: boolean;
}

/** A bonus event's level and what it lacks to count (A9 decides whether 乙方报送 is required for its level). */
function checkBonus(event: ScoreEvent, rules: RuleSet): BonusCheck {
  const level = matchLevel(BONUS_LEVELS, event.level ?? "");
  const lacks: BonusLack[] = [];
  if (event.evidence !== true) lacks.push("evidence");
  if (event.verified !== true) lacks.push("verified");
  const reportRequired = rules.options.bonusReportRequired === "all" || level === null || level.label === CROWD_LABEL;
  if (event.reported !== true && reportRequired) lacks.push("reported");
  return { level, lacks, reportWaived: event.reported !== true && !reportRequired };
}

/** Rows 11 and 12: events of the month, evidence rules, one matter counted once (A7, A8). */
function scoreEvents(month: MonthKey, events: EventIndex, rules: RuleSet, out: Collected): [ItemScore, ItemScore] | null {
  const before = out.errors.length;
  const o = rules.options;
  const ladder = PENALTY_LADDERS[o.penaltyLadder];
  interface Counted {
    index: number;
    event: ScoreEvent;
    /** The normalized 事项编号 ("" for none). */
    key: string;
    points: number;
    level: string;
    /** Added to its line (A9's waiver). */
    note: string;
  }
  const bonus: Counted[] = [];
  const penalty: Counted[] = [];
  const bonusNotes: string[] = [];
  const penaltyNotes: string[] = [];
  (events.byMonth.get(month) ?? []).forEach(({ event, index, key, bonusCheck }) => {
    const f = (name: string) => `events[${index}].${name}`;
    const name = `事项${event.matterId ? ` ${event.matterId}` : ` 第${index + 1}条`}${event.description ? `「${event.description}」` : ""}`;
    const id = event.matterId || `#${index + 1}`;
    if (bonusCheck) {
      // A bonus (its check was made when the events were indexed).
      const check = bonusCheck;
      const level = check.level;
      if (!level) {
        out.errors.push(problem("error", "bad-level", f("level"), `加分事件的级别「${event.level}」应为 ${BONUS_LEVELS.map((l) => l.label).join(" / ")}`, `bonus level "${event.level}" must be one of ${BONUS_LEVELS.map((l) => l.label).join(", ")}`, month));
        return;
      }
      if (check.lacks.length > 0) {
        const words = check.lacks.map((l) => LACK_WORDS[l][0]).join("、");
        const clauses: string[] = [];
        if (check.lacks.includes("evidence") || check.lacks.includes("verified")) clauses.push(EVIDENCE_CLAUSE);
        if (check.lacks.includes("reported")) clauses.push(level.label === CROWD_LABEL ? REPORT_CLAUSE : `${REPORT_CLAUSE}（A9：市级及以上表扬同样要求）`);
        bonusNotes.push(`${name}（${level.label}）${words}，不加分`);
        const lack = check.lacks[0] as BonusLack;
        out.warnings.push(
          problem("warning", "bonus-kept-at-zero", f(lack), `加分${name}${words}，按合同${clauses.join("及")}，计 0 分`, `bonus ${id} scored 0: ${check.lacks.map((l) => LACK_WORDS[l][1]).join(", ")}${check.lacks.includes("reported") ? " (the contract: a bonus must be reported by the operator, 由乙方主动进行报送)" : ""}`, month),
        );
        return;
      }
      const first = key === "" ? undefined : events.firstBonus.get(key);
      if (o.matterOnceSpan === "term" && first !== undefined && first < month) {
        bonusNotes.push(`${name}（${level.label}）已在${monthLabel(first)}计分，同一事项只计一次，不加分`);
        out.warnings.push(
          problem("warning", "matter-scored-earlier", f("matterId"), `加分${name}已在${monthLabel(first)}计分：合同「同一事项只计一次分」（A7：整个合同期内只计一次），本月计 0 分`, `bonus ${id} was already scored in ${first}: "one matter counts once" (A7: over the whole term), 0 this month`, month),
        );
        return;
      }
      bonus.push({ index, event, key, points: level.points, level: level.label, note: check.reportWaived ? "（非乙方报送；A9：仅群众表扬需乙方报送）" : "" });
    } else if (event.type === "penalty") {
      const level = matchLevel(ladder.levels, event.level ?? "");
      if (!level) {
        out.errors.push(problem("error", "bad-level", f("level"), `扣分事件的级别「${event.level}」应为 ${ladder.levels.map((l) => l.label).join(" / ")}（扣分层级：${ladder.label}）`, `penalty level "${event.level}" must be one of ${ladder.levels.map((l) => l.label).join(", ")}`, month));
        return;
      }
      if (event.verified !== true) {
        penaltyNotes.push(`${name}（${level.label}）未经查属实，不扣分`);
        out.warnings.push(problem("warning", "penalty-not-verified", f("verified"), `扣分${name}未标「经查属实」，不扣分`, `penalty ${id} is not verified: not deducted`, month));
        return;
      }
      penalty.push({ index, event, key, points: level.points, level: level.label, note: "" });
    } else {
      out.errors.push(problem("error", "bad-event-type", f("type"), `事件类型「${String(event.type)}」应为 加分/扣分`, `event type "${String(event.type)}" must be bonus/penalty`, month));
    }
  });
  if (out.errors.length > before) return null;

  const line = (c: Counted, sign: string) => `事项${c.event.matterId ? ` ${c.event.matterId}` : ""}${c.event.description ? `「${c.event.description}」` : ""}（${c.level}）${sign}${c.points}${c.note}`;
  // 同一事项只计一次分: keep the highest level per matter id; a blank id is a matter of its own.
  const once = (list: Counted[], notes: string[], sign: string): Counted[] => {
    const best = new Map<string, Counted>();
    for (const c of list) {
      const key = c.key === "" ? `#${c.index}` : c.key;
      const prev = best.get(key);
      if (!prev || c.points > prev.points) best.set(key, c);
    }
    const kept = new Set(best.values());
    for (const c of list) {
      if (!kept.has(c)) notes.push(`事项 ${c.event.matterId} 重复（${c.level}），同一事项只计一次`);
    }
    return list.filter((c) => kept.has(c)).map((c) => {
      notes.push(line(c, sign));
      return c;
    });
  };
  // A8 (每次都扣): every verified report of a penalty matter deducts, at its own level.
  const every = (list: Counted[], notes: string[], sign: string): Counted[] => {
    const seen = new Set<string>();
    for (const c of list) {
      const again = c.key !== "" && seen.has(c.key);
      if (c.key !== "") seen.add(c.key);
      notes.push(again ? `${line(c, sign)}（同一事项再次通报，A8：每次都扣）` : line(c, sign));
    }
    return list;
  };
  const countedBonus = once(bonus, bonusNotes, "+");
  const countedPenalty = o.penaltyMatterOnce ? once(penalty, penaltyNotes, "−") : every(penalty, penaltyNotes, "−");
  const bonusTotal = dec(countedBonus.reduce((a, c) => a + c.points, 0));
  const penaltyTotal = dec(countedPenalty.reduce((a, c) => a + c.points, 0));
  const bonusSummary = bonusNotes.length > 0 ? bonusNotes.join("；") : "无加分事件";
  const penaltySummary = penaltyNotes.length > 0 ? penaltyNotes.join("；") : "无扣分事件";
  const bonusText = fixed2(bonusTotal);
  const penaltyText = fixed2(penaltyTotal);
  return [
    item(11, bonusTotal, null, bonusSummary, `${bonusSummary}，合计 +${bonusText}`, `${countedBonus.length} bonus event(s) counted → +${bonusText}`, { 计分加分事件: String(countedBonus.length) }, null),
    item(12, penaltyTotal.negated(), null, penaltySummary, `${penaltySummary}，合计 −${penaltyText}（扣分层级：${ladder.label}）`, `${countedPenalty.length} penalty event(s) counted → −${penaltyText}`, { 计分扣分事件: String(countedPenalty.length) }, null),
  ];
}

/** The events of each month, with their position in the events given (their field paths keep it). */
interface EventIndex {
  /** Each with its normalized 事项编号 and, for a bonus, its check (made once per season, not once a month scored). */
  byMonth: Map<MonthKey, { event: ScoreEvent; index: number; key: string; bonusCheck: BonusCheck | null }[]>;
  /**
   * A7 (整个合同期): per normalized 事项编号, the earliest 考核月份 in which a bonus of that matter
   * counts (its level known, evidence, verified and, as A9 requires, reported). Read from the events
   * themselves, so scoring one month gives what scoring the season gives.
   */
  firstBonus: Map<string, MonthKey>;
}

function indexEvents(events: readonly ScoreEvent[], rules: RuleSet): EventIndex {
  const byMonth: EventIndex["byMonth"] = new Map();
  const firstBonus = new Map<string, MonthKey>();
  events.forEach((event, index) => {
    const key = normalizeMatterId(event.matterId);
    const bonusCheck = event.type === "bonus" ? checkBonus(event, rules) : null;
    const entry = { event, index, key, bonusCheck };
    const list = byMonth.get(event.month);
    if (list) list.push(entry);
    else byMonth.set(event.month, [entry]);
    if (!bonusCheck || key === "" || !bonusCheck.level || bonusCheck.lacks.length > 0) return;
    const prev = firstBonus.get(key);
    if (prev === undefined || event.month < prev) firstBonus.set(key, event.month);
  });
  return { byMonth, firstBonus };
}

// ------------------------------------------------------------------------------------ A11: 约定调整

/** An agreed item score, checked. */
interface AgreedEntry {
  score: Dec;
  reason: string;
  /** Its index in the agreed scores given (its field paths keep it). */
  index: number;
}

/** The floor and 满分 of rows 1–10 under the rules (row 9's floor is A2's). */
export function itemBounds(no: number, rules: RuleSet): { floor: Dec; max: Dec } {
  const def = scorecardItem(no);
  return { floor: no === 9 ? decimalOf(rules.options.ticketQualityFloor) : ZERO, max: dec(def.max ?? 0) };
}

/**
 * The 约定调整 rows of `month`, checked (A11): 序号 1–10, the score a number with 2 decimals at most
 * between the item's floor and 满分, 依据 given, one row per month and item. Errors name the row's
 * field (`agreedScores[i].item` / `.score` / `.reason`). `claimed` holds the items a row names,
 * valid or not (an unscorable item with a bad row reports the row, not "add a row").
 */
export function checkAgreedScores(month: MonthKey, agreed: readonly AgreedScore[], rules: RuleSet): { byItem: Map<number, AgreedEntry>; claimed: Set<number>; errors: Problem[] } {
  const byItem = new Map<number, AgreedEntry>();
  const claimed = new Set<number>();
  const errors: Problem[] = [];
  const first = new Map<number, number>();
  const label = monthLabel(month);
  agreed.forEach((row, index) => {
    if (row.month !== month) return;
    const f = (name: string) => `agreedScores[${index}].${name}`;
    const err = (name: string, code: string, zh: string, en: string) => errors.push(problem("error", code, f(name), zh, en, month));
    const no = row.item;
    if (no === null || !Number.isInteger(no) || no < 1 || no > 10) {
      err("item", no === null ? "missing" : "bad-agreed-item", no === null ? `${label}约定调整的「序号」未填写（应为 1–10）` : `${label}约定调整的「序号」应为 1–10 的整数（附件二第1–10项；加分、扣分、投诉、弄虚作假按事件计分，不能约定），实为「${String(no)}」`, no === null ? `${month}: the agreed score has no item number (1–10)` : `${month}: the agreed item number must be a whole number 1–10, got "${String(no)}"`);
      return;
    }
    claimed.add(no);
    const before = first.get(no);
    if (before !== undefined) {
      err("item", "duplicate-agreed", `${label}第${no}项在「约定调整」中出现两次（另见第 ${before + 1} 条）`, `${month}: item ${no} is agreed twice (see also entry ${before + 1})`);
      return;
    }
    first.set(no, index);
    const def = scorecardItem(no);
    const { floor, max } = itemBounds(no, rules);
    const bad = errors.length;
    let score: Dec | null = null;
    const raw = row.score;
    const text = raw === null ? "" : String(raw).trim();
    if (text === "") err("score", "missing", `${label}第${no}项「${def.indicator}」的「约定得分」未填写`, `${month}: item ${no} has no agreed score`);
    else {
      try {
        score = dec(text);
        if (!score.isFinite()) score = null;
      } catch {
        score = null;
      }
      if (score === null) err("score", "not-number", `「约定得分」应为数字，实为「${text}」`, `the agreed score must be a number, got "${text}"`);
      else if (score.decimalPlaces() > 2) err("score", "agreed-decimals", `「约定得分」${text} 最多两位小数`, `the agreed score ${text} has more than 2 decimals`);
      else if (score.lessThan(floor) || score.greaterThan(max))
        err("score", "agreed-out-of-range", `${label}第${no}项「${def.indicator}」的约定得分 ${text} 应在 ${floor.toString()}–${max.toString()} 分之间（本项下限至满分）`, `${month}: the agreed score ${text} of item ${no} must lie between ${floor.toString()} and ${max.toString()} (the item's floor and full marks)`);
    }
    if (row.reason.trim() === "")
      err("reason", "agreed-without-reason", `${label}第${no}项的约定得分缺少「依据」：请写明双方为何约定该得分（如会议纪要、往来函件）`, `${month}: the agreed score of item ${no} has no reason (依据): say why both parties agreed it`);
    if (errors.length === bad && score !== null) byItem.set(no, { score, reason: row.reason.trim(), index });
  });
  return { byItem, claimed, errors };
}

/** The error for an item the contract cannot score and no 约定调整 row gives: it names the cell and says how to go on. */
function unscorableError(month: MonthKey, u: Unscorable): Problem {
  const def = scorecardItem(u.no);
  return problem(
    "error",
    u.code,
    u.field,
    `${u.why}：第${u.no}项「${def.indicator}」本月无法按合同计分（合同对此没有给分办法，本工具不代为给分）。如甲乙双方就该项得分达成一致，请在「约定调整」工作表添加一行：考核月份 ${month} | 序号 ${u.no} | 约定得分 | 依据（双方约定的理由），再重新评分`,
    `${u.whyEn}: item ${u.no} (${def.indicatorEn}) cannot be scored under the contract this month. If both parties agree a score, add a row to 约定调整: 考核月份 ${month} | 序号 ${u.no} | 约定得分 (the score) | 依据 (why), then score again`,
    month,
  );
}

/** The month's items with the agreed ones in place (A11), sorted by 序号; warns about each agreed item. */
function withAgreed(month: MonthKey, computed: readonly ItemScore[], unscorable: readonly Unscorable[], byItem: ReadonlyMap<number, AgreedEntry>, rules: RuleSet, out: Collected): ItemScore[] {
  const label = monthLabel(month);
  const items = computed.filter((i) => !byItem.has(i.no));
  for (const [no, entry] of byItem) {
    const was = computed.find((i) => i.no === no) ?? null;
    const u = unscorable.find((x) => x.no === no) ?? null;
    const def = scorecardItem(no);
    const { floor } = itemBounds(no, rules);
    const text = entry.score.toString();
    const agreedText = `约定得分 ${text}（依据：${entry.reason}）`;
    const field = `agreedScores[${entry.index}].score`;
    let summary: string;
    let how: string;
    if (was) {
      summary = `${was.summary}；${agreedText}`;
      how = `${was.summary}，按合同计为 ${fixed2(was.score)} 分；甲乙双方在「约定调整」中约定本月本项得 ${text} 分（依据：${entry.reason}），以双方约定为准，得 ${fixed2(entry.score)} 分`;
      out.warnings.push(
        problem("warning", "agreed-score-overrides", field, `${label}第${no}项「${def.indicator}」按合同可以计分（${fixed2(was.score)} 分），但「约定调整」约定为 ${text} 分（依据：${entry.reason}）：按双方签字的约定计，请确认该约定仍然有效`, `${month}: item ${no} can be scored under the contract (${fixed2(was.score)}), but 约定调整 agrees ${text}: the agreed score is used (both parties signed it); check it still holds`, month),
      );
    } else {
      const why = u ? u.why : "本项未按合同计分";
      summary = `${why}；${agreedText}`;
      how = `${why}，合同对此没有给分办法（A11）；甲乙双方在「约定调整」中约定本月本项得 ${text} 分（依据：${entry.reason}），得 ${fixed2(entry.score)} 分`;
      out.warnings.push(problem("warning", "agreed-score", field, `${label}第${no}项「${def.indicator}」按双方约定计 ${text} 分（依据：${entry.reason}）`, `${month}: item ${no} is scored ${text} as both parties agreed (约定调整)`, month));
    }
    const inputs = { ...(was?.inputs ?? u?.inputs ?? {}), 约定得分: text, 依据: entry.reason };
    const it = item(no, entry.score, null, summary, how, `agreed score ${text} (约定调整: ${entry.reason})${was ? `; the contract gives ${fixed2(was.score)}` : ""}`, inputs, floor);
    it.agreed = { reason: entry.reason, computed: was ? was.score : null, index: entry.index };
    items.push(it);
  }
  return items.sort((a, b) => a.no - b.no);
}

/**
 * Scores one month. `events`, `reports` and `agreed` may hold every month's rows: the events of this
 * month, the reports due in it and its 约定调整 rows are scored; their field paths keep the index in
 * the given arrays. Events of earlier months decide A7 (a bonus matter already scored earlier).
 */
export function scoreMonth(indicators: MonthIndicators, events: readonly ScoreEvent[], reports: readonly ReportSubmission[], rules: RuleSet, agreed: readonly AgreedScore[] = []): Outcome<MonthScore> {
  return scoreIndexedMonth(indicators, indexEvents(events, rules), new ReportIndex(reports, rules.scoring.annualReportYear, rules.calendar), rules, agreed);
}

/**
 * scoreMonth for each of `indicators`, in order, with the same `events` and `reports`: the result
 * is exactly that of calling scoreMonth for each, but the rows are filed by month once, not read
 * again for every month.
 */
export function scoreMonths(indicators: readonly MonthIndicators[], events: readonly ScoreEvent[], reports: readonly ReportSubmission[], rules: RuleSet, agreed: readonly AgreedScore[] = []): Outcome<MonthScore>[] {
  const eventIndex = indexEvents(events, rules);
  const reportIndex = new ReportIndex(reports, rules.scoring.annualReportYear, rules.calendar);
  return indicators.map((ind) => scoreIndexedMonth(ind, eventIndex, reportIndex, rules, agreed));
}

function scoreIndexedMonth(indicators: MonthIndicators, events: EventIndex, reports: ReportIndex, rules: RuleSet, agreed: readonly AgreedScore[]): Outcome<MonthScore> {
  try {
    return scoreMonthUnchecked(indicators, events, reports, rules, agreed);
  } catch (e) {
    if (!(e instanceof UnknownDateError)) throw e;
    const [zh, en] = unknownDateMessage(e.date, rules.calendar);
    return { ok: false, errors: [problem("error", "unknown-date", "month", zh, en, indicators.month)], warnings: [] };
  }
}

function scoreMonthUnchecked(indicators: MonthIndicators, events: EventIndex, reports: ReportIndex, rules: RuleSet, agreedScores: readonly AgreedScore[]): Outcome<MonthScore> {
  const out: Collected = { errors: [], warnings: [] };
  const unscorable: Unscorable[] = [];
  const valid = validateIndicators(indicators, out, unscorable);
  const month = indicators.month;
  // A11: the month's 约定调整 rows; an item the contract cannot score is an error unless a row gives it.
  const agreed = isMonthKey(month) ? checkAgreedScores(month, agreedScores, rules) : { byItem: new Map<number, AgreedEntry>(), claimed: new Set<number>(), errors: [] };
  out.errors.push(...agreed.errors);
  for (const u of unscorable) if (!agreed.claimed.has(u.no)) out.errors.push(unscorableError(month, u));
  const fromIndicators = valid ? scoreIndicators(indicators, valid, rules, out, new Set(unscorable.map((u) => u.no))) : [];
  const reported = isMonthKey(month) ? scoreReports(month, reports, rules, out) : null;
  const eventItems = isMonthKey(month) ? scoreEvents(month, events, rules, out) : null;
  if (out.errors.length > 0 || !valid || !reported || !eventItems) return { ok: false, errors: out.errors, warnings: out.warnings };
  const reportItem = reported.item;
  // Row 2 and row 4 overlap (SPEC §5): scored independently as written, but a month where row 4
  // deducts for lateness while 运营报告按时完整 is 是 is flagged.
  if (reported.lateDays > 0 && reportItem.max !== null && reportItem.score.lessThan(reportItem.max) && valid.reportsOnTime && !agreed.byItem.has(2) && !agreed.byItem.has(4)) {
    const lost = fixed2(reportItem.max.minus(reportItem.score));
    out.warnings.push(
      problem("warning", "row2-row4-late", "reportsOnTime", `${monthLabel(month)}第4项「数据分析」因报告迟交 ${reported.lateDays} 个工作日扣 ${lost} 分，而「运营报告按时完整」填「是」（第2项未扣分）：两项按合同各自计分；如报告确未按时提交，请核对第2项`, `${month}: row 4 deducts ${lost} for reports ${reported.lateDays} working day(s) late while "operating reports on time and complete" is yes (row 2 not deducted): each row is scored as written; check row 2`, month),
    );
  }

  const complaintPoints = decimalOf(rules.scoring.complaintPoints);
  const fraudPoints = decimalOf(rules.scoring.fraudPoints);
  const complaints = complaintPoints.times(valid.complaints);
  const fraud = fraudPoints.times(valid.fraud);
  const complaintsText = fixed2(complaints);
  const fraudText = fixed2(fraud);
  const computed = [
    ...fromIndicators,
    reportItem,
    ...eventItems,
    item(13, complaints.negated(), null, valid.complaints === 0 ? "无有效投诉" : `有效投诉 ${valid.complaints} 件`, `有效投诉 ${valid.complaints} 件 × ${complaintPoints} = −${complaintsText}`, `${valid.complaints} valid complaint(s) → −${complaintsText}`, { 有效投诉数: String(valid.complaints) }, null),
    item(14, fraud.negated(), null, valid.fraud === 0 ? "未发现弄虚作假" : `弄虚作假 ${valid.fraud} 次`, `弄虚作假 ${valid.fraud} 次 × ${fraudPoints} = −${fraudText}`, `${valid.fraud} falsification finding(s) → −${fraudText}`, { 弄虚作假次数: String(valid.fraud) }, null),
  ];
  const items = agreed.byItem.size === 0 ? computed.sort((a, b) => a.no - b.no) : withAgreed(month, computed, unscorable, agreed.byItem, rules, out);

  const baseTotal = sum(items.filter((i) => i.no <= 10).map((i) => i.score));
  // Σ rows 1–14 as baseTotal + rows 11–14: every item is rounded to 2 decimals and far below the
  // 40 digits of precision, so the sums are exact and equal to adding all 14 from zero.
  let total = sum([baseTotal, ...items.filter((i) => i.no > 10).map((i) => i.score)]);
  if (total.greaterThan(100)) {
    if (rules.options.capTotalAt100) {
      out.warnings.push(problem("warning", "total-capped", "total", `${monthLabel(month)}考核得分 ${fixed2(total)} 超过 100，按规则封顶为 100`, `total ${fixed2(total)} is above 100: capped at 100 by the rule set`, month));
      total = dec(100);
    } else {
      out.warnings.push(problem("warning", "total-above-100", "total", `${monthLabel(month)}考核得分 ${fixed2(total)} 超过 100 分（合同未规定封顶）`, `total ${fixed2(total)} is above 100 (the contract sets no cap)`, month));
    }
  } else if (total.lessThan(0)) {
    if (rules.options.floorTotalAt0) {
      out.warnings.push(problem("warning", "total-floored", "total", `${monthLabel(month)}考核得分 ${fixed2(total)} 低于 0，按规则计为 0`, `total ${fixed2(total)} is below 0: floored at 0 by the rule set`, month));
      total = ZERO;
    } else {
      out.warnings.push(problem("warning", "total-below-0", "total", `${monthLabel(month)}考核得分 ${fixed2(total)} 低于 0 分`, `total ${fixed2(total)} is below 0`, month));
    }
  }
  const threshold = decimalOf(rules.contract.threshold);
  if (total.lessThan(threshold)) {
    const totalText = fixed2(total);
    out.warnings.push(problem("warning", "below-threshold", "total", `${monthLabel(month)}考核得分 ${totalText} 低于达标分 ${threshold}，将拉低本期平均分`, `total ${totalText} is below the ${threshold} threshold`, month));
  }
  return { ok: true, value: { month, items, baseTotal, total, rulesVersion: rules.version }, warnings: out.warnings };
}
