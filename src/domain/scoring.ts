/**
 * scoreMonth: one month's 附件二 scorecard from its raw indicators, events and reports.
 * Every item is scored with decimal arithmetic, clamped to its floor and 满分, rounded half-up to
 * 2 decimals; the total is the sum of the rounded items so the printed sheet adds up. Bad input
 * gives errors (each naming the indicator) and no result at all.
 */
import { dayNote, examDeadline, isKnownDate, KNOWN_YEARS, workingDaysLate } from "./calendar";
import { dec, Dec, fixed2, maxDec, percentText, round2, sum, ZERO } from "./decimal";
import { addMonths, firstDay, IsoDate, isMonthKey, lastDay, MonthKey, monthLabel, monthParts } from "./dates";
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

function unknownDateMessage(date: string): [string, string] {
  const range = `${KNOWN_YEARS[0]}–${KNOWN_YEARS[KNOWN_YEARS.length - 1]}`;
  return [`日期 ${date} 超出法定节假日日历的已知年份（${range}），无法计算工作日`, `date ${date} is outside the years the holiday calendar knows (${range})`];
}

/** Checks the month's indicators (SPEC §6); returns the typed values when all are present and valid. */
/** The required indicators, present and typed (optional ones are read from the raw input). */
type ValidIndicators = { [K in IndicatorKey]: NonNullable<MonthIndicators[K]> };

function validateIndicators(ind: MonthIndicators, out: Collected): ValidIndicators | null {
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
  if (ok("headcount") && n.headcount === 0) crossErr("headcount", "zero-team", "「团队人数」为 0，无法计算流动率与考试覆盖率", "team headcount is 0: turnover and exam coverage cannot be computed");
  if (ok("centresRanked") && n.centresRanked < 1) crossErr("centresRanked", "no-centres", "「排名中心数」应不小于 1", "centres ranked must be ≥ 1");
  for (const key of ["answerRank", "answer15sRank"] as const) {
    if (ok(key, "centresRanked") && n[key] > n.centresRanked)
      crossErr(key, "rank-above-centres", `「${label(key)}」第 ${n[key]} 名超过「排名中心数」${n.centresRanked}`, `${indicatorField(key).en} ${n[key]} is beyond the ${n.centresRanked} centres ranked`);
  }
  if (ok("ticketsSampled") && n.ticketsSampled === 0) crossErr("ticketsSampled", "zero-sampled", "「抽检工单数」为 0，无法计算质检准确率", "no tickets sampled: quality rate cannot be computed");
  if (ok("ticketsPassed", "ticketsSampled") && n.ticketsPassed > n.ticketsSampled)
    crossErr("ticketsPassed", "passed-above-sampled", `「合格工单数」${n.ticketsPassed} 大于「抽检工单数」${n.ticketsSampled}`, `tickets passing (${n.ticketsPassed}) exceed tickets sampled (${n.ticketsSampled})`);
  const bad = n.dissatisfied + n.veryDissatisfied;
  const ratingsOk = ok("verySatisfied", "satisfied", "neutral", "dissatisfied", "veryDissatisfied", "excludedBad");
  if (ratingsOk && n.excludedBad > bad)
    crossErr("excludedBad", "excluded-above-bad", `「剔除差评数」${n.excludedBad} 大于 不满意+非常不满意 ${bad}`, `excluded bad ratings (${n.excludedBad}) exceed the bad ratings (${bad})`);
  const valid = n.verySatisfied + n.satisfied + n.neutral + n.dissatisfied + n.veryDissatisfied - n.excludedBad;
  if (ratingsOk && n.excludedBad <= bad && valid <= 0)
    crossErr("verySatisfied", "no-valid-ratings", "有效评价数为 0，无法计算满意率", "no valid ratings: satisfaction cannot be computed");
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
  if (d === undefined) {
    d = dec(value);
    if (typeof value === "number" || value.length <= 64) {
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
  return { raw: raw === score ? scoreText : fixed2(raw), score: scoreText };
}

function boundNote(bound: Bound, floor: Dec): string {
  return bound === "floor" ? `，扣至 ${fixed2(floor)} 分为止` : "";
}

/**
 * expectedReports by month and the rules it reads (its result depends on nothing else): every
 * month of every run asks again. Entries are the (frozen) periods; callers get a fresh array.
 */
const expected = new Map<string, readonly ReportPeriod[]>();

/** Reports expected in a month: 月报 of the month before, 季报 in a quarter's first month, 年报 in December. */
export function expectedReports(month: MonthKey, rules: RuleSet): ReportPeriod[] {
  const key = `${month}|${rules.scoring.annualReportYear}|${rules.contract.firstMonth}|${rules.contract.lastMonth}`;
  let periods = expected.get(key);
  if (periods === undefined) {
    periods = reportsExpectedIn(month, rules);
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
      return reportDueDate(p, annual).slice(0, 7) === month;
    } catch (e) {
      if (e instanceof UnknownDateError) return false;
      throw e;
    }
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
  ) {}

  /** The rows scored in `month` and the rows that have no due date, in row order. */
  rowsFor(month: MonthKey): ReportRow[] {
    const { unplaced, byMonth } = (this.built ??= this.build());
    const due = byMonth.get(month) ?? [];
    if (unplaced.length === 0) return due;
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
          row.due = reportDueDate(row.period, this.annual);
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
      const [zh, en] = unknownDateMessage(unknownDate ?? "");
      out.errors.push(problem("error", "unknown-date", `reports[${index}].period`, `${kind} ${period.key}：${zh}`, `${kind} ${period.key}: ${en}`));
      continue;
    }
    if (report.submitted !== null) {
      const field = `reports[${index}].submitted`;
      if (report.submitted < period.start) {
        out.errors.push(problem("error", "submitted-before-period", field, `${kind} ${period.key} 的提交日期 ${report.submitted} 早于其报告期（${period.start} 起）`, `${kind} ${period.key} submitted ${report.submitted}, before the period it reports (from ${period.start})`, month));
        continue;
      }
      if (!isKnownDate(report.submitted)) {
        const [zh, en] = unknownDateMessage(report.submitted);
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

function scoreReports(month: MonthKey, reports: ReportIndex, rules: RuleSet, out: Collected): ItemScore | null {
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
    const late = workingDaysLate(p.due, until);
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
      out.warnings.push(problem("warning", "report-not-recorded", "reports", `${monthLabel(month)}应交的${expected.kind}(${expected.key})（${reportDueDate(expected, rules.scoring.annualReportYear)} 截止）未在「报告提交」登记，未扣分；如确未提交，请登记一行并留空提交日期`, `${expected.kind} ${expected.key} due ${reportDueDate(expected, rules.scoring.annualReportYear)} is not recorded in 报告提交: not deducted; if it was not submitted, add a row with no date`, month));
      lines.push(`${expected.kind}(${expected.key}) 未登记`);
    }
  }
  const max = FIVE;
  const raw = max.minus(perDay.times(lateDays));
  const { score, bound } = bounded(raw, ZERO, max);
  const summary = lines.length > 0 ? lines.join("；") : "本月无应交报告";
  const t = scoreTexts(raw, score);
  const how = lateDays === 0 ? `${summary}，得满分 5 分` : `共迟 ${lateDays} 个工作日，5 − ${lateDays} × ${perDay.toString()} = ${t.raw}${boundNote(bound, ZERO)}，得 ${t.score} 分`;
  return item(4, score, bound, summary, how, `${lateDays} working day(s) late in all → ${t.score}`, inputs, ZERO);
}

function scoreIndicators(ind: MonthIndicators, n: ValidIndicators, rules: RuleSet, out: Collected): ItemScore[] {
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
  {
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
  {
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
  {
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
  {
    let deadline: string;
    try {
      deadline = examDeadline(month, s.examDay);
    } catch (e) {
      if (!(e instanceof UnknownDateError)) throw e;
      const [zh, en] = unknownDateMessage(e.date);
      out.errors.push(problem("error", "unknown-date", "month", zh, en, month));
      return items;
    }
    const absent = n.headcount - n.examSat;
    const raw = TEN.minus(decimalOf(s.examPointsPerAbsent).times(absent));
    const { score, bound } = bounded(raw, ZERO, TEN);
    const note = dayNote(`${month}-${String(s.examDay).padStart(2, "0")}`);
    const shifted = deadline.endsWith(`-${String(s.examDay).padStart(2, "0")}`) ? "" : `（${s.examDay} 日非工作日${note ? `：${note.split(",")[1] ?? note}` : ""}，顺延）`;
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

/** Rows 11 and 12: events of the month, evidence rules, one matter counted once at its highest level. */
function scoreEvents(month: MonthKey, events: EventIndex, rules: RuleSet, out: Collected): [ItemScore, ItemScore] | null {
  const before = out.errors.length;
  const ladder = PENALTY_LADDERS[rules.options.penaltyLadder];
  interface Counted {
    index: number;
    event: ScoreEvent;
    points: number;
    level: string;
  }
  const bonus: Counted[] = [];
  const penalty: Counted[] = [];
  const bonusNotes: string[] = [];
  const penaltyNotes: string[] = [];
  (events.get(month) ?? []).forEach(({ event, index }) => {
    const f = (name: string) => `events[${index}].${name}`;
    const name = `事项${event.matterId ? ` ${event.matterId}` : ` 第${index + 1}条`}${event.description ? `「${event.description}」` : ""}`;
    if (event.type === "bonus") {
      const level = matchLevel(BONUS_LEVELS, event.level ?? "");
      if (!level) {
        out.errors.push(problem("error", "bad-level", f("level"), `加分事件的级别「${event.level}」应为 ${BONUS_LEVELS.map((l) => l.label).join(" / ")}`, `bonus level "${event.level}" must be one of ${BONUS_LEVELS.map((l) => l.label).join(", ")}`, month));
        return;
      }
      const missing: string[] = [];
      if (event.evidence !== true) missing.push("无佐证材料");
      if (event.verified !== true) missing.push("未经查属实");
      if (event.reported !== true) missing.push("非乙方报送");
      if (missing.length > 0) {
        bonusNotes.push(`${name}（${level.label}）${missing.join("、")}，不加分`);
        out.warnings.push(problem("warning", "bonus-kept-at-zero", f(event.evidence !== true ? "evidence" : event.verified !== true ? "verified" : "reported"), `加分${name}${missing.join("、")}，按合同「佐证材料不充分、不完整，或经核查不属实的不加分」计 0 分`, `bonus ${event.matterId || `#${index + 1}`} scored 0: ${event.evidence !== true ? "no evidence" : event.verified !== true ? "not verified" : "not reported by the operator"}`, month));
        return;
      }
      bonus.push({ index, event, points: level.points, level: level.label });
    } else if (event.type === "penalty") {
      const level = matchLevel(ladder.levels, event.level ?? "");
      if (!level) {
        out.errors.push(problem("error", "bad-level", f("level"), `扣分事件的级别「${event.level}」应为 ${ladder.levels.map((l) => l.label).join(" / ")}（扣分层级：${ladder.label}）`, `penalty level "${event.level}" must be one of ${ladder.levels.map((l) => l.label).join(", ")}`, month));
        return;
      }
      if (event.verified !== true) {
        penaltyNotes.push(`${name}（${level.label}）未经查属实，不扣分`);
        out.warnings.push(problem("warning", "penalty-not-verified", f("verified"), `扣分${name}未标「经查属实」，不扣分`, `penalty ${event.matterId || `#${index + 1}`} is not verified: not deducted`, month));
        return;
      }
      penalty.push({ index, event, points: level.points, level: level.label });
    } else {
      out.errors.push(problem("error", "bad-event-type", f("type"), `事件类型「${String(event.type)}」应为 加分/扣分`, `event type "${String(event.type)}" must be bonus/penalty`, month));
    }
  });
  if (out.errors.length > before) return null;

  // 同一事项只计一次分: keep the highest level per matter id; a blank id is a matter of its own.
  const once = (list: Counted[], notes: string[], sign: string): Counted[] => {
    const best = new Map<string, Counted>();
    for (const c of list) {
      const key = c.event.matterId.trim() === "" ? `#${c.index}` : c.event.matterId.trim();
      const prev = best.get(key);
      if (!prev || c.points > prev.points) best.set(key, c);
    }
    const kept = new Set(best.values());
    for (const c of list) {
      if (!kept.has(c)) notes.push(`事项 ${c.event.matterId} 重复（${c.level}），同一事项只计一次`);
    }
    return list.filter((c) => kept.has(c)).map((c) => {
      notes.push(`事项${c.event.matterId ? ` ${c.event.matterId}` : ""}${c.event.description ? `「${c.event.description}」` : ""}（${c.level}）${sign}${c.points}`);
      return c;
    });
  };
  const countedBonus = once(bonus, bonusNotes, "+");
  const countedPenalty = once(penalty, penaltyNotes, "−");
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
type EventIndex = Map<MonthKey, { event: ScoreEvent; index: number }[]>;

function indexEvents(events: readonly ScoreEvent[]): EventIndex {
  const byMonth: EventIndex = new Map();
  events.forEach((event, index) => {
    const list = byMonth.get(event.month);
    if (list) list.push({ event, index });
    else byMonth.set(event.month, [{ event, index }]);
  });
  return byMonth;
}

/**
 * Scores one month. `events` and `reports` may hold every month's rows: only the events of this
 * month and the reports due in it are used; their field paths keep the index in the given arrays.
 */
export function scoreMonth(indicators: MonthIndicators, events: readonly ScoreEvent[], reports: readonly ReportSubmission[], rules: RuleSet): Outcome<MonthScore> {
  return scoreIndexedMonth(indicators, indexEvents(events), new ReportIndex(reports, rules.scoring.annualReportYear), rules);
}

/**
 * scoreMonth for each of `indicators`, in order, with the same `events` and `reports`: the result
 * is exactly that of calling scoreMonth for each, but the rows are filed by month once, not read
 * again for every month.
 */
export function scoreMonths(indicators: readonly MonthIndicators[], events: readonly ScoreEvent[], reports: readonly ReportSubmission[], rules: RuleSet): Outcome<MonthScore>[] {
  const eventIndex = indexEvents(events);
  const reportIndex = new ReportIndex(reports, rules.scoring.annualReportYear);
  return indicators.map((ind) => scoreIndexedMonth(ind, eventIndex, reportIndex, rules));
}

function scoreIndexedMonth(indicators: MonthIndicators, events: EventIndex, reports: ReportIndex, rules: RuleSet): Outcome<MonthScore> {
  try {
    return scoreMonthUnchecked(indicators, events, reports, rules);
  } catch (e) {
    if (!(e instanceof UnknownDateError)) throw e;
    const [zh, en] = unknownDateMessage(e.date);
    return { ok: false, errors: [problem("error", "unknown-date", "month", zh, en, indicators.month)], warnings: [] };
  }
}

function scoreMonthUnchecked(indicators: MonthIndicators, events: EventIndex, reports: ReportIndex, rules: RuleSet): Outcome<MonthScore> {
  const out: Collected = { errors: [], warnings: [] };
  const valid = validateIndicators(indicators, out);
  const month = indicators.month;
  const fromIndicators = valid ? scoreIndicators(indicators, valid, rules, out) : [];
  const reportItem = isMonthKey(month) ? scoreReports(month, reports, rules, out) : null;
  const eventItems = isMonthKey(month) ? scoreEvents(month, events, rules, out) : null;
  if (out.errors.length > 0 || !valid || !reportItem || !eventItems) return { ok: false, errors: out.errors, warnings: out.warnings };

  const complaintPoints = decimalOf(rules.scoring.complaintPoints);
  const fraudPoints = decimalOf(rules.scoring.fraudPoints);
  const complaints = complaintPoints.times(valid.complaints);
  const fraud = fraudPoints.times(valid.fraud);
  const complaintsText = fixed2(complaints);
  const fraudText = fixed2(fraud);
  const items = [
    ...fromIndicators,
    reportItem,
    ...eventItems,
    item(13, complaints.negated(), null, valid.complaints === 0 ? "无有效投诉" : `有效投诉 ${valid.complaints} 件`, `有效投诉 ${valid.complaints} 件 × ${complaintPoints} = −${complaintsText}`, `${valid.complaints} valid complaint(s) → −${complaintsText}`, { 有效投诉数: String(valid.complaints) }, null),
    item(14, fraud.negated(), null, valid.fraud === 0 ? "未发现弄虚作假" : `弄虚作假 ${valid.fraud} 次`, `弄虚作假 ${valid.fraud} 次 × ${fraudPoints} = −${fraudText}`, `${valid.fraud} falsification finding(s) → −${fraudText}`, { 弄虚作假次数: String(valid.fraud) }, null),
  ].sort((a, b) => a.no - b.no);

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
