/** Test builders: a month that scores full marks on every row, to vary one input at a time. */
// @ts-nocheck

import { defaultRules, fixed2, loadRules, MonthIndicators, type MonthScore, type Outcome, ReportSubmission, RuleOverrides, RuleSet, scoreMonth, ScoreEvent } from "../../src/domain";

export function perfectMonth(month = "2025-10", overrides: Partial<MonthIndicators> = {}): MonthIndicators {
  return {
    month,
    headcount: 10,
    rulesFollowed: true,
    reportsOnTime: true,
    changed: 0,
    trainingLapses: 0,
    answerRank: 1,
    answer15sRank: 1,
    centresRanked: 31,
    calls: null,
    answered: null,
    manualAnswered: null,
    answered15s: null,
    verySatisfied: 950,
    satisfied: 50,
    neutral: 0,
    dissatisfied: 0,
    veryDissatisfied: 0,
    excludedBad: 0,
    ticketsSampled: 100,
    ticketsPassed: 100,
    examSat: 10,
    complaints: 0,
    fraud: 0,
    ...overrides,
  };
}

/** The reports due in 2025-10, on time: 月报 2025-09 and 季报 2025Q3. */
export const ON_TIME_OCTOBER: ReportSubmission[] = [
  { kind: "月报", period: "2025-09", submitted: "2025-10-09", extensionApproved: false },
  { kind: "季报", period: "2025Q3", submitted: "2025-10-14", extensionApproved: false },
];

export function rules(overrides: RuleOverrides = {}): RuleSet {
  const loaded = loadRules(overrides);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

export function scored(
  ind: MonthIndicators,
  opts: { events?: ScoreEvent[]; reports?: ReportSubmission[]; rules?: RuleSet } = {},
) {
  const outcome = scoreMonth(ind, opts.events ?? [], opts.reports ?? (ind.month === "2025-10" ? ON_TIME_OCTOBER : []), opts.rules ?? defaultRules());
  if (!outcome.ok) throw new Error(`unexpected errors: ${outcome.errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`);
  return outcome;
}

/** The score of one row as printed ("9.50"). */
export function row(no: number, ind: MonthIndicators, opts: Parameters<typeof scored>[1] = {}): string {
  const item = scored(ind, opts).value.items.find((i) => i.no === no);
  if (!item) throw new Error(`no row ${no}`);
  return fixed2(item.score);
}

/** The errors of a refused month, as [field, code] pairs. */
export function refused(ind: MonthIndicators, opts: { events?: ScoreEvent[]; reports?: ReportSubmission[]; rules?: RuleSet } = {}) {
  const outcome = scoreMonth(ind, opts.events ?? [], opts.reports ?? [], opts.rules ?? defaultRules());
  if (outcome.ok) throw new Error("expected the month to be refused");
  expect((outcome as { value?: unknown }).value).toBeUndefined();
  return outcome.errors.map((e) => [e.field, e.code]);
}

export function event(overrides: Partial<ScoreEvent>): ScoreEvent {
  return { month: "2025-10", type: "bonus", level: "群众", matterId: "", description: "", evidence: true, verified: true, reported: true, ...overrides };
}

/** The month's score, or a failure listing its errors (field, code, message). */
export const ok = (o: Outcome<MonthScore>): MonthScore => {
  if (!o.ok) throw new Error(o.errors.map((e) => `${e.field} ${e.code}: ${e.message}`).join("; "));
  return o.value;
};

/** Item `no` (序号 1–14) of a scored month. */
export const itemOf = (s: MonthScore, no: number) => {
  const it = s.items.find((i) => i.no === no);
  if (!it) throw new Error(`no item ${no}`);
  return it;
};
