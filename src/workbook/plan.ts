/**
 * The whole job between reading and writing, pure: find the scorecards, read the inputs, score every
 * month, settle the instalments, and plan the writes — only the owned cells of SPEC §8 (单项得分,
 * X月完成情况, 考核得分) plus whole sheets the product owns. Nothing is planned when there is any
 * error anywhere: a refused run writes nothing.
 */
import {
  Dec,
  DEFAULT_RULES,
  fixed2,
  IsoDate,
  loadRules,
  monthLabel,
  MonthKey,
  MonthScore,
  PaymentRecord,
  problem,
  Problem,
  RuleSet,
  scoreSeason,
  SeasonResult,
  settle,
  Settlement,
  monthRange,
} from "../domain";
import { rulesFromSettings } from "../domain/rule-settings";
import { FoundScorecard, findScorecards } from "./find-scorecards";
import { locate, located, LocatedProblem } from "./located";
import type { CellRef, CellWrite, SheetSpec, WorkbookSnapshot, WritePlan } from "./model";
import type { PaymentSheetInput } from "./payment-sheet";
import { INPUT_SHEETS, readInputs, WorkbookInputs } from "./read-inputs";

export const SCORE_FORMAT = "0.00";

/** The first valid score of each month (a duplicated month is an error elsewhere). */
export function monthScores(season: SeasonResult): Map<MonthKey, MonthScore> {
  const out = new Map<MonthKey, MonthScore>();
  for (const m of season.months) {
    if (m.outcome.ok && !out.has(m.month)) out.set(m.month, m.outcome.value);
  }
  return out;
}

/** The owned cells of every found scorecard whose month was scored. Protected sheets are left alone. */
export function planScores(found: readonly FoundScorecard[], season: SeasonResult): WritePlan {
  const scores = monthScores(season);
  const cellWrites: WritePlan["cellWrites"] = [];
  for (const card of found) {
    const score = scores.get(card.month);
    if (!score || card.protected) continue;
    const writes: CellWrite[] = [];
    for (const it of card.items) {
      const item = score.items.find((i) => i.no === it.no);
      if (!item) continue;
      writes.push({ address: it.scoreCell, value: item.score.toNumber(), numberFormat: SCORE_FORMAT });
      if (it.summaryCell) writes.push({ address: it.summaryCell, value: item.summary });
    }
    writes.push({ address: card.totalCell, value: score.total.toNumber(), numberFormat: SCORE_FORMAT });
    cellWrites.push({ sheet: card.sheet, writes });
  }
  return { cellWrites, sheets: [] };
}

/** The --json shape of SPEC §8. */
export interface ScoreJson {
  months: { month: MonthKey; total: string; items: Record<string, string> }[];
  instalments: { number: number; months: MonthKey[]; average: string | null; deduction: string; payable: string; payableUpper: string }[];
  warnings: { message: string; messageEn: string; sheet: string | null; cell: string | null }[];
}

/**
 * Hook for the 付款结算 sheet: `buildPaymentSheet` of src/workbook/payment-sheet.ts (another module)
 * fits it. It is called only when every instalment is settled (no month missing) and an asOf date
 * is given; the sheet it returns goes to plan.sheets (created, or replaced whole).
 */
export type PaymentSheetBuilder = (input: PaymentSheetInput) => SheetSpec;

export interface RunOptions {
  /** "Today" for unpaid instalments' lateness. The engine has no clock; the caller gives it. */
  asOf?: IsoDate;
  buildPaymentSheet?: PaymentSheetBuilder;
  /**
   * Refuse the run when any instalment's months are not all scored, even one not invoiced yet.
   * Default false: an instalment not yet invoiced whose months are incomplete is shown as pending
   * (a warning), so the monthly scorecards can be scored through the year.
   */
  requireAllInstalments?: boolean;
}

export interface RunResult {
  ok: boolean;
  /** Null whenever there is an error: nothing is written. */
  plan: WritePlan | null;
  /** Every problem, errors first, each with its sheet, cell and indicator. */
  problems: LocatedProblem[];
  errors: LocatedProblem[];
  warnings: LocatedProblem[];
  json: ScoreJson | null;
  scorecards: FoundScorecard[];
  scores: MonthScore[];
  settlement: Settlement | null;
  rules: RuleSet;
  /** Instalments left unsettled because their months are not all scored yet. */
  pendingInstalments: number[];
}

interface SettleResult {
  settlement: Settlement | null;
  errors: Problem[];
  warnings: Problem[];
  pending: number[];
}

/**
 * Settles the instalments whose months are all scored. An instalment with months missing is an
 * error when it is invoiced (or paid), or when `requireAll`; otherwise it is pending (a warning).
 */
function settleWorkbook(totals: Record<MonthKey, string>, payments: readonly PaymentRecord[], rules: RuleSet, asOf: IsoDate | undefined, requireAll: boolean): SettleResult {
  const options = asOf ? { asOf } : {};
  const full = settle(totals, payments, rules, options);
  if (full.ok) return { settlement: full.value, errors: [], warnings: full.warnings, pending: [] };
  if (requireAll) return { settlement: null, errors: full.errors, warnings: full.warnings, pending: [] };

  const errors: Problem[] = full.errors.filter((e) => e.code !== "missing-month");
  const warnings: Problem[] = [];
  const incomplete = new Set<number>();
  for (const terms of rules.contract.instalments) {
    if (!terms.months) continue;
    const missing = monthRange(terms.months.from, terms.months.to).filter((m) => totals[m] === undefined);
    if (missing.length === 0) continue;
    incomplete.add(terms.number);
    const index = payments.findIndex((p) => p.number === terms.number && (p.invoiceDate !== null || p.paidDate !== null));
    const record = payments[index];
    if (record) {
      for (const m of missing)
        errors.push(problem("error", "missing-month", `months.${m}`, `第${terms.number}笔款项已开票（发票日期 ${record.invoiceDate ?? "—"}），需要 ${monthLabel(m)} 的考核得分，但该月没有完整有效的评分`, `instalment ${terms.number} is invoiced (${record.invoiceDate ?? "—"}) and needs the ${m} total, but that month has no complete, valid scorecard`, m));
    } else {
      warnings.push(problem("warning", "instalment-pending", `instalment.${terms.number}`, `第${terms.number}笔款项尚缺 ${missing.map(monthLabel).join("、")} 的考核得分，暂不结算`, `instalment ${terms.number} is not settled yet: ${missing.join(", ")} not scored`, missing[0]));
    }
  }
  const kept = payments.map((p, index) => ({ p, index })).filter(({ p }) => !incomplete.has(p.number));
  const restricted: RuleSet = { ...rules, contract: { ...rules.contract, instalments: rules.contract.instalments.filter((i) => !incomplete.has(i.number)) } };
  const second = settle(totals, kept.map((k) => k.p), restricted, options);
  const remap = (p: Problem): Problem => ({ ...p, field: p.field.replace(/^payments\[(\d+)\]/, (_, i: string) => `payments[${kept[Number(i)]?.index ?? i}]`) });
  const seen = new Set(errors.map((e) => `${e.code}|${e.field}`));
  if (!second.ok) {
    for (const e of second.errors.map(remap)) if (!seen.has(`${e.code}|${e.field}`)) errors.push(e);
  }
  warnings.push(...second.warnings.map(remap));
  return { settlement: second.ok && errors.length === 0 ? second.value : null, errors, warnings, pending: [...incomplete].sort() };
}

function dedupe(problems: LocatedProblem[]): LocatedProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.severity}|${p.code}|${p.sheet}|${p.cell}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Read → score → settle → plan. No plan at all when there is an error anywhere. */
export function runWorkbook(snapshot: WorkbookSnapshot, options: RunOptions = {}): RunResult {
  const found = findScorecards(snapshot);
  const inputs: WorkbookInputs = readInputs(snapshot);
  const problems: LocatedProblem[] = [...found.problems, ...inputs.problems];

  const loaded = inputs.ruleSettings === null ? loadRules({}) : rulesFromSettings(inputs.ruleSettings);
  const rules = loaded.ok ? loaded.value : DEFAULT_RULES;
  const cardOf = new Map(found.scorecards.map((c) => [c.month, c]));

  const where = (p: Problem): CellRef | null => {
    const hit = inputs.locator.locate(p);
    if (hit) return hit;
    const monthOf = /^months\.(\d{4}-\d{2})$/.exec(p.field)?.[1] ?? (p.field === "total" ? p.month : undefined);
    if (monthOf) {
      const card = cardOf.get(monthOf);
      if (card) return { sheet: card.sheet, cell: card.totalCell, indicator: "考核得分" };
      return { sheet: INPUT_SHEETS.indicators, cell: null, indicator: `考核月份 ${monthOf}` };
    }
    return null;
  };
  const readErrorAt = new Set(inputs.problems.filter((p) => p.severity === "error" && p.cell === null).map((p) => `${p.sheet}|${p.indicator}`));
  const add = (list: readonly Problem[]) => {
    for (const p of list) {
      const lp = locate(p, where(p));
      // A value already reported as unreadable (or a column already reported missing) is not reported again as blank.
      if (lp.severity === "error" && lp.sheet !== null) {
        if (lp.cell !== null && inputs.unreadable.has(`${lp.sheet}!${lp.cell}`)) continue;
        if (lp.cell === null && readErrorAt.has(`${lp.sheet}|${lp.indicator}`)) continue;
      }
      problems.push(lp);
    }
  };
  if (!loaded.ok) add(loaded.errors);

  const season = scoreSeason({ indicators: inputs.indicators, events: inputs.events, reports: inputs.reports, payments: [] }, rules, options.asOf ? { asOf: options.asOf } : {});
  add(season.errors);
  add(season.warnings);
  for (const m of season.months) {
    if (!m.outcome.ok) add(m.outcome.errors);
    add(m.outcome.warnings);
  }

  const scores = monthScores(season);
  const totals: Record<MonthKey, string> = {};
  for (const [month, score] of scores) totals[month] = fixed2(score.total);
  const settled = settleWorkbook(totals, inputs.payments, rules, options.asOf, options.requireAllInstalments === true);
  add(settled.errors);
  add(settled.warnings);

  // Scorecards without data, and scored months without a scorecard sheet.
  const dataMonths = new Set(inputs.indicators.map((i) => i.month));
  for (const card of found.scorecards) {
    if (!dataMonths.has(card.month))
      problems.push(located("warning", "scorecard-without-data", { sheet: card.sheet, cell: card.totalCell, indicator: "考核月份" }, `工作表「${card.sheet}」是 ${monthLabel(card.month)} 的考核表，但「指标录入」中没有该月数据，本表未评分`, `sheet "${card.sheet}" is the ${card.month} scorecard but 指标录入 has no row for that month: not scored`, card.month));
    else if (card.protected)
      problems.push(located("warning", "scorecard-protected", { sheet: card.sheet, cell: card.totalCell, indicator: "考核得分" }, `工作表「${card.sheet}」受保护（已签字冻结），未改写`, `sheet "${card.sheet}" is protected (signed and frozen): not rewritten`, card.month));
  }
  for (const month of scores.keys()) {
    if (!cardOf.has(month))
      problems.push(located("warning", "month-without-scorecard", { sheet: INPUT_SHEETS.indicators, cell: inputs.locator.locate({ field: "month", month })?.cell ?? null, indicator: "考核月份" }, `${monthLabel(month)} 已评分，但工作簿中没有该月的考核表工作表，得分未写入任何表格（仍计入结算）`, `${month} is scored but the workbook has no scorecard sheet for it: the scores are not written to a sheet (they still count in the settlement)`, month));
  }

  const all = dedupe(problems);
  const errors = all.filter((p) => p.severity === "error");
  const warnings = all.filter((p) => p.severity === "warning");
  const scoreList = [...scores.values()].sort((a, b) => a.month.localeCompare(b.month));
  const base = { problems: [...errors, ...warnings], errors, warnings, scorecards: found.scorecards, scores: scoreList, rules, pendingInstalments: settled.pending };
  if (errors.length > 0 || settled.settlement === null) {
    return { ...base, ok: false, plan: null, json: null, settlement: settled.settlement };
  }

  const plan = planScores(found.scorecards, season);
  if (options.buildPaymentSheet && options.asOf && settled.pending.length === 0) {
    const monthTotals: Record<MonthKey, Dec | null> = {};
    for (const m of monthRange(rules.contract.firstMonth, rules.contract.lastMonth)) monthTotals[m] = scores.get(m)?.total ?? null;
    for (const [m, s] of scores) monthTotals[m] = s.total;
    plan.sheets.push(options.buildPaymentSheet({ settlement: settled.settlement, monthTotals, warnings, rules, asOf: options.asOf }));
  }
  const json: ScoreJson = {
    months: scoreList.map((s) => ({ month: s.month, total: fixed2(s.total), items: Object.fromEntries(s.items.map((i) => [String(i.no), fixed2(i.score)])) })),
    instalments: settled.settlement.instalments.map((i) => ({
      number: i.number,
      months: i.months,
      average: i.average === null ? null : fixed2(i.average),
      deduction: fixed2(i.deduction),
      payable: fixed2(i.payable),
      payableUpper: i.payableUpper,
    })),
    warnings: warnings.map((w) => ({ message: w.message, messageEn: w.messageEn, sheet: w.sheet, cell: w.cell })),
  };
  return { ...base, ok: true, plan, json, settlement: settled.settlement };
}
