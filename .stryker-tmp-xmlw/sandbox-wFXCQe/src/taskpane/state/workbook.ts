/**
 * The workbook store: the open session and its view version, the file's name (browser mode),
 * the action under way (progress), the status line, and what the last action left to show (an
 * error, a write that stopped part way, a refusal). Pure: App holds it with useReducer; the
 * screens read it through their props.
 */
// @ts-nocheck

import type { Strings } from "../i18n";
import type { IncompleteWrite, PaneProblem, Phase, Session } from "../session";

/** The status line in whichever language the pane shows. */
export type StatusFn = (t: Strings) => string;

export interface WorkbookState {
  session: Session | null;
  /** Bumped whenever the session's view changes: screens derive again. */
  version: number;
  /** The open file (browser mode); null inside Excel or before a file is opened. */
  fileName: string | null;
  busy: Phase | null;
  status: StatusFn;
  /** The last failure [zh-CN, en-US]. */
  error: [string, string] | null;
  incomplete: IncompleteWrite | null;
  /** Why the last action wrote nothing. */
  refusal: PaneProblem[];
  /** Browser mode: the workbook in memory holds writes that were not downloaded yet. */
  notDownloaded: boolean;
}

export type WorkbookAction =
  /** An action starts: its phase, and what the previous one left is cleared. */
  | { type: "start"; phase: Phase }
  | { type: "phase"; phase: Phase }
  | { type: "done" }
  | { type: "opened"; session: Session; status: StatusFn }
  | { type: "file-name"; name: string }
  | { type: "status"; status: StatusFn }
  | { type: "failed"; error: [string, string] }
  | { type: "incomplete"; write: IncompleteWrite; status: StatusFn }
  | { type: "refused"; problems: PaneProblem[]; status: StatusFn }
  /** An action wrote to the workbook. */
  | { type: "written"; status: StatusFn }
  | { type: "downloaded" }
  | { type: "refreshed" }
  /** The refusal shown belongs to a form the clerk has left. */
  | { type: "clear-refusal" };

export function initialWorkbook(status: StatusFn): WorkbookState {
  return { session: null, version: 0, fileName: null, busy: null, status, error: null, incomplete: null, refusal: [], notDownloaded: false };
}

export function workbookReducer(state: WorkbookState, action: WorkbookAction): WorkbookState {
  switch (action.type) {
    case "start":
      return { ...state, busy: action.phase, error: null, incomplete: null, refusal: [] };
    case "phase":
      return state.busy === action.phase ? state : { ...state, busy: action.phase };
    case "done":
      return { ...state, busy: null, version: state.version + 1 };
    case "opened":
      return { ...state, session: action.session, status: action.status, notDownloaded: false, refusal: [], error: null, incomplete: null, version: state.version + 1 };
    case "file-name":
      return { ...state, fileName: action.name };
    case "status":
      return { ...state, status: action.status };
    case "failed":
      return { ...state, error: action.error };
    case "incomplete":
      return { ...state, incomplete: action.write, status: action.status, notDownloaded: true };
    case "refused":
      return { ...state, refusal: action.problems, status: action.status };
    case "written":
      return { ...state, status: action.status, notDownloaded: true };
    case "downloaded":
      return { ...state, notDownloaded: false };
    case "refreshed":
      return { ...state, version: state.version + 1 };
    case "clear-refusal":
      return state.refusal.length === 0 ? state : { ...state, refusal: [] };
  }
}
