/**
 * The month draft store: the month open in the pane, its form as typed (MonthDraft: indicators,
 * events, reports, with the workbook's values as `origin`), which fields were touched (their
 * "not filled in" shows once touched) and whether every missing field is shown (after a refusal).
 * Dirty = the draft differs from what was loaded (draftChanged). Pure; App holds it.
 */
// @ts-nocheck

import type { IndicatorKey, MonthKey } from "../../domain";
import { draftChanged, type EventDraft, type MonthDraft, type ReportDraft } from "../../workbook/drafts/input-rows";

export interface MonthDraftState {
  month: MonthKey | null;
  draft: MonthDraft | null;
  touched: ReadonlySet<string>;
  showMissing: boolean;
}

export type MonthDraftAction =
  | { type: "open"; draft: MonthDraft }
  | { type: "close" }
  /** The workbook changed under the form (a write, a read): the form holds what it holds now. */
  | { type: "reload"; draft: MonthDraft }
  | { type: "indicator"; key: IndicatorKey; value: string }
  | { type: "events"; events: EventDraft[] }
  | { type: "reports"; reports: ReportDraft[] }
  /** A refusal: every field's problem is shown, touched or not. */
  | { type: "show-missing" }
  /** Back to what was loaded (放弃修改). */
  | { type: "discard" };

export const NO_MONTH: MonthDraftState = { month: null, draft: null, touched: new Set(), showMissing: false };

export function monthDraftReducer(state: MonthDraftState, action: MonthDraftAction): MonthDraftState {
  switch (action.type) {
    case "open":
      return { month: action.draft.month, draft: action.draft, touched: new Set(), showMissing: false };
    case "close":
      return NO_MONTH;
    case "reload":
      return state.month === action.draft.month ? { ...state, draft: action.draft, touched: new Set(), showMissing: false } : state;
    case "indicator": {
      const d = state.draft;
      if (!d) return state;
      return {
        ...state,
        draft: { ...d, indicators: { ...d.indicators, [action.key]: action.value } },
        touched: state.touched.has(action.key) ? state.touched : new Set([...state.touched, action.key]),
      };
    }
    case "events":
      return state.draft ? { ...state, draft: { ...state.draft, events: action.events } } : state;
    case "reports":
      return state.draft ? { ...state, draft: { ...state.draft, reports: action.reports } } : state;
    case "show-missing":
      return state.showMissing ? state : { ...state, showMissing: true };
    case "discard": {
      const d = state.draft;
      if (!d) return state;
      const o = d.origin;
      return { ...state, draft: { ...d, indicators: { ...o.indicators }, events: o.events.map((e) => ({ ...e })), reports: o.reports.map((r) => ({ ...r })) }, touched: new Set(), showMissing: false };
    }
  }
}

/** The form holds typed edits the workbook does not have. */
export function monthDirty(state: MonthDraftState): boolean {
  return state.draft !== null && draftChanged(state.draft);
}
