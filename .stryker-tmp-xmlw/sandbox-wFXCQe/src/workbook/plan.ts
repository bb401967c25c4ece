/**
 * The whole job between reading and writing, pure: find the scorecards, read the inputs, score every
 * month, settle the instalments, and plan the writes — only the owned cells of SPEC §8 (单项得分,
 * X月完成情况, 考核得分) plus whole sheets the product owns. Nothing is planned when there is any
 * error anywhere: a refused run writes nothing.
 *
 * Trust (计算说明, 撤销上次写入, 定稿):
 * - with `now`, the plan also carries 计算说明 and, built last from the snapshot and the final plan,
 *   撤销记录 (the previous content of every cell the plan changes);
 * - months frozen in 审计记录 are never rewritten: their owned cells are left out of the plan, their
 *   scorecard is (re)protected, and what changed since the freeze is reported as warnings on every
 *   run. runWorkbookAsync adds the SHA-256 fingerprint check; the sync core compares cells only;
 * - planFreezeMonth / planUnfreezeMonth plan 定稿 and 解除定稿 (the 审计记录 row, the protection).
 * Nothing here reads a clock: the caller gives `now` ("2025-11-05 14:30").
 */
// @ts-nocheck

import {
  compareKeys,
  calendarWithOverrides,
  Dec,
  decimalNumber,
  fixed2,
  dec,
  INDICATOR_FIELDS,
  IsoDate,
  loadRules,
  monthLabel,
  MonthKey,
  MonthScore,
  parseReportKind,
  parseReportPeriod,
  PaymentRecord,
  problem,
  Problem,
  reportScoredMonth,
  RuleSet,
  scorecardItem,
  scoreSeason,
  SeasonResult,
  settle,
  Settlement,
  monthRange,
  UnknownDateError,
} from "../domain";
import { FingerprintInput, fingerprintMonth } from "../domain/fingerprint";
import { rulesFromSettings } from "../domain/rule-settings";
import { AUDIT_SHEET_NAME, AuditError, AuditLog, cellKey, cellsAt, changeProblems, detectChanges, FreezeChange, FreezeRecord, FreezeSnapshot, frozenMonths, planFreeze, planUnfreeze, readAudit } from "./sheets/audit";
import { buildExplainSheet } from "./sheets/explain-sheet";
import { FoundScorecard, findScorecards, FindResult } from "./read/find-scorecards";
import { locate, located, LocatedProblem } from "./read/located";
import { gridOf } from "./read/grid";
import { CellRef, CellWrite, parseA1, ReadCell, SheetSnapshot, SheetSpec, WorkbookSnapshot, WritePlan } from "./model";
import type { PaymentSheetInput } from "./sheets/payment-sheet";
import { INPUT_SHEETS, readInputs, WorkbookInputs } from "./read/read-inputs";
import { rulesWithContract } from "./read/contract-sheets";
import { buildUndoSheet, planRestore, RestoreRefusal, UNDO_SHEET_NAME } from "./sheets/undo";
import { fitCellText, fitPlan } from "./sheets/excel-limits";

export const SCORE_FORMAT = "0.00";

/** The first valid score of each month (a duplicated month is an error elsewhere). */
export function monthScores(season: SeasonResult): Map<MonthKey, MonthScore> {
  const out = new Map<MonthKey, MonthScore>();
  for (const m of season.months) {
    if (m.outcome.ok && !out.has(m.month)) out.set(m.month, m.outcome.value);
  }
  return out;
}

/** The owned cells of one scorecard for its month's score. */
export function cardWrites(card: FoundScorecard, score: MonthScore): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const it of card.items) {
    const item = score.items.find((i) => i.no === it.no);
    if (!item) continue;
    writes.push({ address: it.scoreCell, value: decimalNumber(item.score), numberFormat: SCORE_FORMAT });
    // Fitted here, not only at the end: a cell holding the fitted text already is left alone (holdsWrite).
    if (it.summaryCell) writes.push({ address: it.summaryCell, value: fitCellText(item.summary) });
  }
  writes.push({ address: card.totalCell, value: decimalNumber(score.total), numberFormat: SCORE_FORMAT });
  return writes;
}

/**
 * True when the cell already holds what the write would put there: the same value of the same type,
 * not computed by a formula, and — when the write sets one — the same number format. An empty cell
 * holds only an empty write without a format (the snapshot does not know an empty cell's format).
 */
export function holdsWrite(cell: ReadCell | undefined, w: CellWrite): boolean {
  if (w.formula !== undefined || cell?.formula !== undefined) return false;
  if (!cell) return w.value === null && w.numberFormat === undefined;
  if (cell.value !== w.value) return false;
  return w.numberFormat === undefined || cell.numberFormat === w.numberFormat;
}

/** The writes that change something: those whose cell does not hold them already. */
export function changingWrites(sheet: SheetSnapshot | undefined, writes: readonly CellWrite[]): CellWrite[] {
  if (!sheet) return [...writes];
  const grid = gridOf(sheet);
  return writes.filter((w) => {
    const { row, col } = parseA1(w.address);
    return !holdsWrite(grid.cell(row, col), w);
  });
}

/**
 * The owned cells of every found scorecard whose month was scored. Protected sheets are left alone,
 * and so are the months in `skip` (frozen months). With the `snapshot` the plan is made for, only
 * the cells that change are written: a cell already holding its score (value and number format)
 * is left out, so scoring a scored workbook again writes no owned cell, and 撤销记录 records only
 * real changes.
 */
export function planScores(found: readonly FoundScorecard[], season: SeasonResult, skip: ReadonlySet<MonthKey> = new Set(), snapshot?: WorkbookSnapshot): WritePlan {
  const scores = monthScores(season);
  // The first sheet of each name (as snapshot.sheets.find would give), looked up once per card.
  const sheetByName = new Map<string, SheetSnapshot>();
  for (const s of snapshot?.sheets ?? []) if (!sheetByName.has(s.name)) sheetByName.set(s.name, s);
  const cellWrites: WritePlan["cellWrites"] = [];
  for (const card of found) {
    const score = scores.get(card.month);
    if (!score || card.protected || skip.has(card.month)) continue;
    const all = cardWrites(card, score);
    const writes = snapshot ? changingWrites(sheetByName.get(card.sheet), all) : all;
    if (writes.length > 0) cellWrites.push({ sheet: card.sheet, writes });
  }
  return { cellWrites, sheets: [] };
}

/** The --json shape of SPEC §8. */
export interface ScoreJson {
  /**
   * A frozen (定稿) month shows what was signed — the total the instalments are settled on, and the
   * item scores on the signed sheet — with `frozen: true` and the recomputation beside it, named as such.
   */
  months: { month: MonthKey; total: string; items: Record<string, string>; frozen?: true; recomputedTotal?: string; recomputedItems?: Record<string, string> }[];
  /** Each instalment with its payment (SPEC §8): ISO dates or null; days late and the charge null while not determinable. */
  instalments: {
    number: number;
    months: MonthKey[];
    average: string | null;
    deduction: string;
    payable: string;
    payableUpper: string;
    dueDate: IsoDate | null;
    paidDate: IsoDate | null;
    daysLate: number | null;
    lateCharge: string | null;
  }[];
  warnings: { message: string; messageEn: string; sheet: string | null; cell: string | null }[];
}

/**
 * Hook for the 付款结算 sheet: `buildPaymentSheet` of src/workbook/sheets/payment-sheet.ts (another module)
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
  /**
   * "Now" as shown on the sheets the run writes ("2025-11-05 14:30"); src/workbook reads no clock.
   * When given, the plan also carries 计算说明 and, last, 撤销记录 (the command line and the add-in
   * always give it; without it the plan holds the scores and 付款结算 only).
   */
  now?: string;
  /**
   * The current SHA-256 fingerprints of the frozen months (runWorkbookAsync computes them; "" for a
   * month that no longer scores). Without them, changes since a freeze are found by cell only.
   */
  frozenFingerprints?: ReadonlyMap<MonthKey, string>;
}

/** A month frozen (定稿) in 审计记录, as this run found it. */
export interface FrozenMonth {
  month: MonthKey;
  /** Its scorecard sheet; null when the workbook has none for the month. */
  sheet: string | null;
  record: FreezeRecord;
  /** What changed since the freeze (cells, fingerprint); null when nothing did. */
  change: FreezeChange | null;
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
  /** The months frozen in 审计记录: never rewritten by this run; what changed since each freeze. */
  frozen: FrozenMonth[];
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
  // The complete instalments only; their amounts are still the whole contract's (the last one keeps the fen remainder).
  const only = rules.contract.instalments.filter((i) => !incomplete.has(i.number)).map((i) => i.number);
  const second = settle(totals, kept.map((k) => k.p), rules, { ...options, only });
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

// ------------------------------------------------------------------------------------ the run

/** Everything read and computed before the frozen-month check and the plan. */
interface Analysis {
  snapshot: WorkbookSnapshot;
  found: FindResult;
  inputs: WorkbookInputs;
  rules: RuleSet;
  season: SeasonResult;
  scores: Map<MonthKey, MonthScore>;
  /** The 考核得分 each month is settled on (a frozen month's signed total). */
  totals: Record<MonthKey, string>;
  settled: SettleResult;
  cardOf: Map<MonthKey, FoundScorecard>;
  audit: AuditLog;
  frozen: Map<MonthKey, FreezeRecord>;
  /** Every problem so far, located (not yet deduplicated). */
  problems: LocatedProblem[];
}

function analyse(snapshot: WorkbookSnapshot, options: RunOptions): Analysis {
  const found = findScorecards(snapshot);
  const inputs: WorkbookInputs = readInputs(snapshot);
  const audit = readAudit(snapshot);
  const frozen = frozenMonths(audit);
  const problems: LocatedProblem[] = [...found.problems, ...inputs.problems, ...audit.problems];

  // SPEC §9: the contract of 合同信息 / 付款条款 (absent = the seed's), then 规则设置 over it.
  const contractRules = rulesWithContract(inputs.contract.contract);
  const loaded = inputs.ruleSettings === null ? loadRules(contractRules) : rulesFromSettings(inputs.ruleSettings, contractRules);
  const loadedRules = loaded.ok ? loaded.value : contractRules;
  // SPEC §9: the 节假日安排 rows extend and override the library's calendar; no sheet = the library's.
  const calendar = inputs.holidays === null ? null : calendarWithOverrides(inputs.holidays, loadedRules.calendar);
  const rules: RuleSet = calendar?.ok ? { ...loadedRules, calendar: calendar.value } : loadedRules;
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
  if (calendar) add(calendar.ok ? calendar.warnings : [...calendar.errors, ...calendar.warnings]);

  const season = scoreSeason({ indicators: inputs.indicators, events: inputs.events, reports: inputs.reports, payments: [], agreedScores: inputs.agreedScores }, rules, options.asOf ? { asOf: options.asOf } : {});
  add(season.errors);
  add(season.warnings);
  for (const m of season.months) {
    if (!m.outcome.ok) add(m.outcome.errors);
    add(m.outcome.warnings);
  }

  const scores = monthScores(season);
  const totals: Record<MonthKey, string> = {};
  for (const [month, score] of scores) totals[month] = fixed2(score.total);
  // A frozen (signed) month is settled on the total that was signed, not on a recomputation of
  // inputs edited since: the payment sheet must agree with the signed scorecard.
  for (const [month, record] of frozen) {
    const card = cardOf.get(month);
    const signed = card && record.snapshot ? record.snapshot.cells[cellKey(card.sheet, card.totalCell)] : undefined;
    if (typeof signed === "number" && Number.isFinite(signed) && totals[month] !== undefined && totals[month] !== fixed2(dec(signed))) {
      problems.push(located("warning", "frozen-total-used", { sheet: card!.sheet, cell: card!.totalCell, indicator: "考核得分" }, `${monthLabel(month)}已定稿，结算按定稿时的考核得分 ${fixed2(dec(signed))} 计，而按现有数据重算为 ${totals[month]}`, `${month} is frozen: settled on the signed total ${fixed2(dec(signed))}; the data now give ${totals[month]}`, month));
      totals[month] = fixed2(dec(signed));
    }
  }
  const settled = settleWorkbook(totals, inputs.payments, rules, options.asOf, options.requireAllInstalments === true);
  add(settled.errors);
  add(settled.warnings);

  // Scorecards without data, and scored months without a scorecard sheet.
  const dataMonths = new Set(inputs.indicators.map((i) => i.month));
  for (const card of found.scorecards) {
    if (!dataMonths.has(card.month))
      problems.push(located("warning", "scorecard-without-data", { sheet: card.sheet, cell: card.totalCell, indicator: "考核月份" }, `工作表「${card.sheet}」是 ${monthLabel(card.month)} 的考核表，但「指标录入」中没有该月数据，本表未评分`, `sheet "${card.sheet}" is the ${card.month} scorecard but 指标录入 has no row for that month: not scored`, card.month));
    else if (frozen.has(card.month)) {
      const r = frozen.get(card.month) as FreezeRecord;
      problems.push(located("warning", "scorecard-frozen", { sheet: card.sheet, cell: card.totalCell, indicator: "考核得分" }, `${monthLabel(card.month)}已于 ${r.at} 定稿（${r.who}，审计记录第 ${r.row} 行），工作表「${card.sheet}」未改写；如需重新评分，请先解除定稿并注明原因`, `${card.month} was frozen on ${r.at} (${r.who}): sheet "${card.sheet}" is not rewritten; unfreeze it (with a reason) to score it again`, card.month));
    } else if (card.protected)
      problems.push(located("warning", "scorecard-protected", { sheet: card.sheet, cell: card.totalCell, indicator: "考核得分" }, `工作表「${card.sheet}」受保护（已签字冻结），未改写`, `sheet "${card.sheet}" is protected (signed and frozen): not rewritten`, card.month));
  }
  for (const month of scores.keys()) {
    if (!cardOf.has(month))
      problems.push(located("warning", "month-without-scorecard", { sheet: INPUT_SHEETS.indicators, cell: inputs.locator.locate({ field: "month", month })?.cell ?? null, indicator: "考核月份" }, `${monthLabel(month)} 已评分，但工作簿中没有该月的考核表工作表，得分未写入任何表格（仍计入结算）`, `${month} is scored but the workbook has no scorecard sheet for it: the scores are not written to a sheet (they still count in the settlement)`, month));
  }
  return { snapshot, found, inputs, rules, season, scores, totals, settled, cardOf, audit, frozen, problems };
}

const EVENT_KEYS = ["month", "type", "level", "matterId", "description", "evidence", "verified", "reported"] as const;
const REPORT_KEYS = ["kind", "period", "submitted", "extensionApproved"] as const;

/** Indexes (in inputs.reports) of the reports scored in `month` (due in it). Unreadable ones are left out. */
function reportsScoredIn(inputs: WorkbookInputs, month: MonthKey, rules: RuleSet): number[] {
  const out: number[] = [];
  inputs.reports.forEach((report, index) => {
    const kind = parseReportKind(String(report.kind ?? ""));
    const period = kind ? parseReportPeriod(kind, String(report.period ?? "")) : null;
    if (!period) return;
    try {
      if (reportScoredMonth(period, rules.calendar, rules.scoring.annualReportYear) === month) out.push(index);
    } catch (e) {
      if (!(e instanceof UnknownDateError)) throw e;
    }
  });
  return out;
}

/**
 * The cells that make a month (what a freeze records and a later run compares): its owned cells on
 * its scorecard (单项得分, 完成情况, 考核得分) and its input cells — the 指标录入 row, its 加减分事件
 * rows and the 报告提交 rows scored in it — each with what it holds.
 */
export function monthCellRefs(card: FoundScorecard | null, inputs: WorkbookInputs, month: MonthKey, rules: RuleSet): CellRef[] {
  const refs: CellRef[] = [];
  if (card) {
    for (const it of card.items) {
      const name = `第${it.no}项 ${scorecardItem(it.no).indicator}`;
      refs.push({ sheet: card.sheet, cell: it.scoreCell, indicator: `单项得分（${name}）` });
      if (it.summaryCell) refs.push({ sheet: card.sheet, cell: it.summaryCell, indicator: `完成情况（${name}）` });
    }
    refs.push({ sheet: card.sheet, cell: card.totalCell, indicator: "考核得分" });
  }
  const push = (ref: CellRef | null) => {
    if (ref && ref.cell !== null) refs.push(ref);
  };
  if (inputs.indicators.some((i) => i.month === month)) {
    push(inputs.locator.locate({ field: "month", month }));
    for (const f of INDICATOR_FIELDS) push(inputs.locator.locate({ field: f.key, month }));
  }
  inputs.events.forEach((e, i) => {
    if (e.month === month) for (const k of EVENT_KEYS) push(inputs.locator.locate({ field: `events[${i}].${k}` }));
  });
  for (const i of reportsScoredIn(inputs, month, rules)) for (const k of REPORT_KEYS) push(inputs.locator.locate({ field: `reports[${i}].${k}` }));
  // A11: the month's 约定调整 rows (none in a workbook without them: the refs are as before).
  inputs.agreedScores.forEach((r, i) => {
    if (r.month === month) for (const k of ["month", "item", "score", "reason"]) push(inputs.locator.locate({ field: `agreedScores[${i}].${k}` }));
  });
  return refs;
}

/** What the fingerprint of a month covers; null when the month does not score now. */
function fingerprintInput(a: Analysis, month: MonthKey): FingerprintInput | null {
  const indicators = a.inputs.indicators.find((i) => i.month === month);
  const score = a.scores.get(month);
  if (!indicators || !score) return null;
  const reports = reportsScoredIn(a.inputs, month, a.rules).map((i) => a.inputs.reports[i]).filter((r) => r !== undefined);
  return { indicators, events: a.inputs.events.filter((e) => e.month === month), reports, score, agreedScores: a.inputs.agreedScores.filter((r) => r.month === month) };
}

/** The current fingerprint of a month; "" when it does not score now (always differs from a frozen one). */
async function currentFingerprint(a: Analysis, month: MonthKey): Promise<string> {
  const input = fingerprintInput(a, month);
  return input ? fingerprintMonth(input) : "";
}

/** Marks the frozen months' band rows in 计算说明 (a changed one says its section is not what was signed). */
function markFrozen(spec: SheetSpec, frozen: readonly FrozenMonth[]): void {
  for (const f of frozen) {
    const label = monthLabel(f.month);
    const band = spec.cells.find((c) => /^A\d+$/.test(c.address) && typeof c.value === "string" && (c.value === label || c.value.startsWith(`${label}（`)));
    if (!band) continue;
    const changed = f.change ? "；定稿后输入或得分有改动，本节按当前输入计算，与已定稿的考核表不同" : "";
    band.value = `${String(band.value)}　【已定稿：${f.record.at}，${f.record.who}${changed}】`;
  }
}

/** The frozen months, each compared with the workbook now. */
function checkFrozen(a: Analysis, fingerprints: ReadonlyMap<MonthKey, string> | undefined): FrozenMonth[] {
  const out: FrozenMonth[] = [];
  for (const [month, record] of a.frozen) {
    const card = a.cardOf.get(month) ?? null;
    const { cells } = cellsAt(a.snapshot, monthCellRefs(card, a.inputs, month, a.rules));
    const change = detectChanges(record, { fingerprint: fingerprints?.get(month) ?? record.fingerprint, cells });
    out.push({ month, sheet: card?.sheet ?? null, record, change });
  }
  return out.sort((x, y) => compareKeys(x.month, y.month));
}

/**
 * One month of --json. A frozen month shows what was signed: `total` is the total the instalments
 * are settled on (the signed one), `items` the item scores on the signed sheet (when the freeze
 * recorded them all), and the recomputation beside them as recomputedTotal / recomputedItems.
 */
function monthJson(a: Analysis, s: MonthScore): ScoreJson["months"][number] {
  const items = Object.fromEntries(s.items.map((i) => [String(i.no), fixed2(i.score)]));
  const record = a.frozen.get(s.month);
  if (!record) return { month: s.month, total: fixed2(s.total), items };
  const card = a.cardOf.get(s.month);
  let signedItems: Record<string, string> | null = card && record.snapshot ? {} : null;
  for (const it of card?.items ?? []) {
    const v = record.snapshot?.cells[cellKey(card?.sheet ?? "", it.scoreCell)];
    if (signedItems === null || typeof v !== "number" || !Number.isFinite(v)) signedItems = null;
    else signedItems[String(it.no)] = fixed2(dec(v));
  }
  const complete = signedItems !== null && s.items.every((i) => signedItems?.[String(i.no)] !== undefined);
  return { month: s.month, total: a.totals[s.month] ?? fixed2(s.total), items: complete && signedItems ? signedItems : items, frozen: true, recomputedTotal: fixed2(s.total), recomputedItems: items };
}

function finish(a: Analysis, options: RunOptions, fingerprints: ReadonlyMap<MonthKey, string> | undefined): RunResult {
  const frozen = checkFrozen(a, fingerprints);
  const problems = [...a.problems];
  for (const f of frozen) if (f.change) problems.push(...changeProblems(f.change));

  const { settled, scores, rules } = a;
  const all = dedupe(problems);
  const errors = all.filter((p) => p.severity === "error");
  const warnings = all.filter((p) => p.severity === "warning");
  const scoreList = [...scores.values()].sort((x, y) => compareKeys(x.month, y.month));
  const base = { problems: [...errors, ...warnings], errors, warnings, scorecards: a.found.scorecards, scores: scoreList, rules, pendingInstalments: settled.pending, frozen };
  if (errors.length > 0 || settled.settlement === null) {
    return { ...base, ok: false, plan: null, json: null, settlement: settled.settlement };
  }

  const plan = planScores(a.found.scorecards, a.season, new Set(a.frozen.keys()), a.snapshot);
  // A frozen month's scorecard stays protected (protected again if someone lifted the protection).
  const protect = frozen.filter((f) => f.sheet !== null && a.cardOf.get(f.month)?.protected !== true).map((f) => ({ sheet: f.sheet as string, protect: true }));
  if (protect.length > 0) plan.protectSheets = protect;
  // Written while an instalment is still in progress too: its block shows the forecast instead.
  if (options.buildPaymentSheet && options.asOf && settled.settlement !== null) {
    const monthTotals: Record<MonthKey, Dec | null> = {};
    for (const m of monthRange(rules.contract.firstMonth, rules.contract.lastMonth)) monthTotals[m] = null;
    for (const [m, t] of Object.entries(a.totals)) monthTotals[m] = dec(t);
    const input: PaymentSheetInput = { settlement: settled.settlement, monthTotals, warnings, rules, asOf: options.asOf };
    if (options.now !== undefined) input.generatedAt = options.now;
    plan.sheets.push(options.buildPaymentSheet(input));
  }
  if (options.now !== undefined) {
    const explain = buildExplainSheet(scoreList, rules, options.now);
    markFrozen(explain, frozen);
    plan.sheets.push(explain);
    plan.sheets.push(buildUndoSheet(a.snapshot, plan, options.now)); // last: it records the plan above
  }
  const json: ScoreJson = {
    months: scoreList.map((s) => monthJson(a, s)),
    instalments: settled.settlement.instalments.map((i) => ({
      number: i.number,
      months: i.months,
      average: i.average === null ? null : fixed2(i.average),
      deduction: fixed2(i.deduction),
      payable: fixed2(i.payable),
      payableUpper: i.payableUpper,
      dueDate: i.dueDate,
      paidDate: i.paidDate,
      daysLate: i.daysLate,
      lateCharge: i.daysLate === null ? null : fixed2(i.lateCharge),
    })),
    warnings: warnings.map((w) => ({ message: w.message, messageEn: w.messageEn, sheet: w.sheet, cell: w.cell })),
  };
  return { ...base, ok: true, plan: fitPlan(plan), json, settlement: settled.settlement };
}

/**
 * Read → score → settle → plan, synchronously. No plan at all when there is an error anywhere.
 * Frozen months are compared by cell (and by `options.frozenFingerprints` when given); use
 * runWorkbookAsync to have the fingerprints computed.
 */
export function runWorkbook(snapshot: WorkbookSnapshot, options: RunOptions = {}): RunResult {
  return finish(analyse(snapshot, options), options, options.frozenFingerprints);
}

/**
 * runWorkbook with the SHA-256 fingerprint of every frozen month computed (Web Crypto is async):
 * what the command line and the add-in run. `now` is required: the plan carries 计算说明 and 撤销记录.
 */
export async function runWorkbookAsync(snapshot: WorkbookSnapshot, options: RunOptions & { now: string }): Promise<RunResult> {
  const a = analyse(snapshot, options);
  const fingerprints = new Map<MonthKey, string>(options.frozenFingerprints ?? []);
  for (const month of a.frozen.keys()) if (!fingerprints.has(month)) fingerprints.set(month, await currentFingerprint(a, month));
  return finish(a, options, fingerprints);
}

// ------------------------------------------------------------------------------------ 定稿 / 解除定稿

export interface FreezeRequest {
  month: MonthKey;
  /** 操作人 (定稿人). */
  who: string;
  /** 时间, as it is to be shown ("2025-11-05 14:30"). */
  now: string;
  /** Added to 说明 after the protection note. */
  note?: string;
}

export interface UnfreezeRequest {
  month: MonthKey;
  who: string;
  now: string;
  /** Required: recorded in 说明. */
  reason: string;
}

export type TrustResult =
  | {
      ok: true;
      plan: WritePlan;
      month: MonthKey;
      /** The month's scorecard sheet (protected or unprotected by the plan); null when there is none. */
      sheet: string | null;
      /** The fingerprint recorded (定稿); the frozen one (解除定稿). */
      fingerprint: string;
      /** Owned cells of the month the freeze writes (they did not hold the current scores yet). */
      cellsWritten: number;
      warnings: LocatedProblem[];
    }
  | { ok: false; errors: LocatedProblem[] };

function refused(month: MonthKey, zh: string, en: string, where: CellRef = { sheet: AUDIT_SHEET_NAME, cell: null, indicator: `考核月份 ${month}` }): TrustResult {
  return { ok: false, errors: [located("error", "freeze-refused", where, zh, en, month)] };
}

function auditRefusal(month: MonthKey, e: unknown): TrustResult {
  if (e instanceof AuditError) return refused(month, e.message, e.messageEn);
  throw e;
}

/** The snapshot as it will be after `writes` to `sheet` (values and number formats only). */
function withWrites(snapshot: WorkbookSnapshot, sheet: string, writes: readonly CellWrite[]): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const cells = new Map(s.cells.map((c) => [`${c.row},${c.col}`, c]));
      for (const w of writes) {
        const { row, col } = parseA1(w.address);
        const old = cells.get(`${row},${col}`);
        cells.set(`${row},${col}`, { row, col, value: w.value, numberFormat: w.numberFormat ?? old?.numberFormat ?? "General" });
      }
      return { ...s, cells: [...cells.values()].filter((c) => c.value !== null).sort((x, y) => x.row - y.row || x.col - y.col) };
    }),
  };
}

/**
 * 定稿: freezes a month for signature. Refused unless the month scores without errors (errors of
 * other months do not count; errors that belong to no month do), has one scorecard sheet that is
 * not protected, and is not frozen already. The plan writes the month's owned cells that do not
 * hold the current scores yet (then with 计算说明 and 撤销记录), appends the 审计记录 row (rule set,
 * SHA-256 fingerprint, the month's cells) and protects the whole scorecard sheet without a password.
 */
export async function planFreezeMonth(snapshot: WorkbookSnapshot, request: FreezeRequest, options: RunOptions = {}): Promise<TrustResult> {
  const { month } = request;
  const label = monthLabel(month);
  const a = analyse(snapshot, options);
  const blocking = dedupe(a.problems.filter((p) => p.severity === "error" && (p.month === month || p.month === undefined)));
  if (blocking.length > 0) return { ok: false, errors: blocking };
  const current = a.frozen.get(month);
  if (current) return refused(month, `${label}已于 ${current.at} 定稿（${current.who}，审计记录第 ${current.row} 行），不能再次定稿；如需重新定稿，请先解除定稿`, `${month} is already frozen (${current.at}, ${current.who}); unfreeze it first`);
  const score = a.scores.get(month);
  if (!score)
    return refused(month, `${label}没有可定稿的评分：「${INPUT_SHEETS.indicators}」中没有该月已填写的数据`, `${month} has no score to freeze: 指标录入 has no data for that month`, { sheet: INPUT_SHEETS.indicators, cell: null, indicator: `考核月份 ${month}` });
  const card = a.cardOf.get(month);
  if (!card) return refused(month, `工作簿中没有 ${label} 的考核表工作表，无法定稿`, `the workbook has no scorecard sheet for ${month}: nothing to freeze`, { sheet: INPUT_SHEETS.indicators, cell: null, indicator: `考核月份 ${month}` });
  if (card.protected)
    return refused(month, `工作表「${card.sheet}」已受保护（不是本工具的定稿），无法写入并定稿；请先在 Excel 中撤销工作表保护`, `sheet "${card.sheet}" is protected (not by a freeze of this tool): unprotect it in Excel first`, { sheet: card.sheet, cell: card.totalCell, indicator: "考核得分" });

  const writes = changingWrites(a.snapshot.sheets.find((s) => s.name === card.sheet), cardWrites(card, score));
  const after = writes.length > 0 ? withWrites(snapshot, card.sheet, writes) : snapshot;
  const { cells, labels } = cellsAt(after, monthCellRefs(card, a.inputs, month, a.rules));
  const frozenSnapshot: FreezeSnapshot = { format: 1, month, cells, labels };
  const input = fingerprintInput(a, month);
  if (!input) throw new Error(`internal: ${month} scores but has no fingerprint input`);
  const fingerprint = await fingerprintMonth(input);
  const protection = `工作表「${card.sheet}」已保护（无密码：防止误改，并非加密锁定）`;
  let auditSheet: SheetSpec;
  try {
    auditSheet = planFreeze(a.audit, { month, fingerprint, snapshot: frozenSnapshot, who: request.who, at: request.now, rulesVersion: a.rules.version, note: request.note?.trim() ? `${protection}；${request.note.trim()}` : protection });
  } catch (e) {
    return auditRefusal(month, e);
  }
  const plan: WritePlan = { cellWrites: writes.length > 0 ? [{ sheet: card.sheet, writes }] : [], sheets: [auditSheet], protectSheets: [{ sheet: card.sheet, protect: true }] };
  if (writes.length > 0) {
    // Cells change: explained, and their previous content kept (an undo needs the month unfrozen first).
    const explain = buildExplainSheet([...a.scores.values()], a.rules, request.now);
    markFrozen(explain, [...checkFrozen(a, undefined), { month, sheet: card.sheet, record: { month, at: request.now, rulesVersion: a.rules.version, fingerprint, who: request.who, note: "", snapshot: frozenSnapshot, row: 0 }, change: null }]);
    plan.sheets.push(explain);
    plan.sheets.push(buildUndoSheet(snapshot, plan, request.now));
  }
  const warnings = dedupe(a.problems.filter((p) => p.severity === "warning" && p.month === month));
  return { ok: true, plan: fitPlan(plan), month, sheet: card.sheet, fingerprint, cellsWritten: writes.length, warnings };
}

/**
 * 解除定稿: unfreezes a month on purpose. The reason is required; the 审计记录 row records who, when
 * and why, and the scorecard sheet is unprotected. The next run scores the month again.
 */
export function planUnfreezeMonth(snapshot: WorkbookSnapshot, request: UnfreezeRequest): TrustResult {
  const { month } = request;
  const audit = readAudit(snapshot);
  const record = frozenMonths(audit).get(month);
  let auditSheet: SheetSpec;
  try {
    auditSheet = planUnfreeze(audit, { month, who: request.who, at: request.now, reason: request.reason });
  } catch (e) {
    return auditRefusal(month, e);
  }
  const cards = findScorecards(snapshot).scorecards.filter((c) => c.month === month);
  const plan: WritePlan = { cellWrites: [], sheets: [auditSheet] };
  const locked = cards.filter((c) => c.protected);
  if (locked.length > 0) plan.protectSheets = locked.map((c) => ({ sheet: c.sheet, protect: false }));
  return { ok: true, plan: fitPlan(plan), month, sheet: cards[0]?.sheet ?? null, fingerprint: record?.fingerprint ?? "", cellsWritten: 0, warnings: [] };
}


// ------------------------------------------------------------------------------------ 撤销上次写入

export interface UndoPlan {
  /** The recorded cells put back, the sheets the undone write created deleted, and 撤销记录 itself removed. */
  plan: WritePlan;
  /** Recorded cells put back. */
  cellsRestored: number;
  /** Owned sheets the undone write created, deleted now (撤销记录 not counted). */
  deletedSheets: string[];
  /** "工作表!A1" of cells typed in since the undone write: the undo overwrites them. */
  changedSince: string[];
}

/**
 * 撤销上次写入: planRestore (every recorded cell back exactly, the sheets the write created deleted)
 * plus the removal of 撤销记录 — the record is used up, so a second undo has nothing to apply and
 * a workbook that had none before the write has none after the undo. One level, as recorded.
 */
export function planUndo(snapshot: WorkbookSnapshot): UndoPlan | RestoreRefusal {
  const r = planRestore(snapshot);
  if ("error" in r) return r;
  // Stryker disable next-line all: 撤销记录 has no letter case, so the case-insensitive look-up finds the very sheet the exact one does (equivalent)
  const record = snapshot.sheets.find((s) => s.name === UNDO_SHEET_NAME) ?? snapshot.sheets.find((s) => s.name.toLowerCase() === UNDO_SHEET_NAME.toLowerCase());
  const deleteSheets = [...r.deleteSheets, ...(record ? [record.name] : [])];
  return {
    plan: fitPlan({ ...r.plan, deleteSheets }),
    cellsRestored: r.plan.cellWrites.reduce((n, g) => n + g.writes.length, 0),
    deletedSheets: r.deleteSheets,
    changedSince: r.changedSince,
  };
}
