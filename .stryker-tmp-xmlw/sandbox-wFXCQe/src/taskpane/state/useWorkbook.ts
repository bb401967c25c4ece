/**
 * The workbook store with its actions, as a hook: the reducer of workbook.ts, plus opening a
 * session (read and score, nothing written), running an action under the progress bar and the
 * status line (refusals, failures and writes that stopped part way shown), and reading again.
 * What an action means for the open form is the caller's (the hooks): App reloads the month draft
 * after a success and shows every field's problem after a refusal.
 */
// @ts-nocheck

import { useCallback, useEffect, useReducer, useRef } from "react";
import { describeError, logOfficeError, type HostInfo } from "../host";
import type { Strings } from "../i18n";
import { asIncompleteWrite, Session, type ActionResult, type PaneAdapter, type ProgressListener } from "../session";
import { initialWorkbook, workbookReducer, type StatusFn, type WorkbookAction, type WorkbookState } from "./workbook";

export interface WorkbookHooks {
  /** A new session is open (a file opened, or the workbook inside Excel read). */
  opened?: (session: Session) => void;
  /** The status line of a refusal (default: the number of errors). */
  refusedStatus?: (r: ActionResult) => StatusFn;
  refused?: (r: ActionResult) => void;
  /** An action succeeded (wrote, or found nothing to write); `writesDraft`: it wrote the open form's edits. */
  succeeded?: (session: Session, writesDraft: boolean) => void;
  /** The workbook was read again (重新读取). */
  reread?: (session: Session) => void;
}

export interface WorkbookStore {
  state: WorkbookState;
  dispatch: (action: WorkbookAction) => void;
  /** Opens a session over the adapter; `fileName` in browser mode. False when the read failed (shown). */
  start: (adapter: PaneAdapter, fileName?: string) => Promise<boolean>;
  /** Runs one action on the session; null when none could run or it threw (shown). */
  perform: (action: (s: Session, progress: ProgressListener) => Promise<ActionResult>, done: (r: ActionResult) => StatusFn, writesDraft?: boolean) => Promise<ActionResult | null>;
  /** Reads the workbook again (after edits made in Excel). */
  reload: () => Promise<void>;
  /** Runs `work` under the progress bar (reading), failures shown. */
  whileBusy: (work: (s: Session) => Promise<void>) => Promise<void>;
  /** Shows a failure (and logs it inside Office). */
  fail: (e: unknown) => void;
}

/**
 * `initialStatus`: the status line before anything is read (App's editionStatus); default: Excel's
 * "connected" inside Office, the browser edition's words outside.
 */
export function useWorkbook(host: HostInfo, now: (() => Date) | undefined, initialStatus: StatusFn | null, hooks: WorkbookHooks): WorkbookStore {
  const [state, dispatch] = useReducer(workbookReducer, host, (h) => initialWorkbook(initialStatus ?? ((s: Strings) => (h.inOffice ? s.connected(h.platform) : s.browserOnly))));
  /** An action under way (set at once, before React re-renders): a second click does nothing. */
  const running = useRef(false);
  const on = useRef(hooks);
  on.current = hooks;
  const session = state.session;

  const fail = useCallback(
    (e: unknown) => {
      dispatch({ type: "failed", error: describeError(e) });
      if (host.inOffice) void logOfficeError(e);
    },
    [host.inOffice],
  );

  const start = useCallback(
    async (a: PaneAdapter, fileName?: string): Promise<boolean> => {
      // The clock is read here, in the UI; the session formats it for the sheets.
      const s = new Session(a, { now: now ?? (() => new Date()) });
      running.current = true;
      dispatch({ type: "start", phase: "read" });
      try {
        const r = await s.load((phase) => dispatch({ type: "phase", phase }));
        on.current.opened?.(s);
        const months = s.months().length;
        const loaded: StatusFn = (x) => x.loaded(months, r.errors.length, r.warnings.length);
        if (fileName !== undefined) dispatch({ type: "file-name", name: fileName });
        dispatch({ type: "opened", session: s, status: fileName === undefined ? loaded : (x) => `${x.opened(fileName)}${loaded(x)}` });
        return true;
      } catch (e) {
        fail(e);
        return false;
      } finally {
        running.current = false;
        dispatch({ type: "done" });
      }
    },
    [fail, now],
  );

  // The read after a write lands behind the action (Session.rememberWritten): show what it found.
  useEffect(() => {
    if (!session) return;
    session.onRefresh = () => dispatch({ type: "refreshed" });
    return () => {
      session.onRefresh = null;
    };
  }, [session]);

  const perform = useCallback<WorkbookStore["perform"]>(
    async (action, done, writesDraft = false) => {
      if (!session || running.current) return null;
      running.current = true;
      dispatch({ type: "start", phase: "read" });
      try {
        const r = await action(session, (phase) => dispatch({ type: "phase", phase }));
        if (r.kind === "refused") {
          const errors = r.problems.filter((p) => p.severity === "error").length;
          dispatch({ type: "refused", problems: r.problems, status: on.current.refusedStatus?.(r) ?? ((x) => x.refused(errors)) });
          on.current.refused?.(r);
        } else {
          on.current.succeeded?.(session, writesDraft);
          dispatch(r.kind === "unchanged" ? { type: "status", status: done(r) } : { type: "written", status: done(r) });
        }
        return r;
      } catch (e) {
        // A write that stopped part way says what is in the workbook now (the session has read it again).
        const partial = asIncompleteWrite(e);
        if (partial) {
          dispatch({ type: "incomplete", write: partial, status: (x) => x.incompleteStatus });
          if (host.inOffice) void logOfficeError(e);
        } else fail(e);
        return null;
      } finally {
        running.current = false;
        dispatch({ type: "done" });
      }
    },
    [session, host.inOffice, fail],
  );

  const whileBusy = useCallback(
    async (work: (s: Session) => Promise<void>) => {
      if (!session || running.current) return;
      running.current = true;
      dispatch({ type: "start", phase: "read" });
      try {
        await work(session);
      } catch (e) {
        fail(e);
      } finally {
        running.current = false;
        dispatch({ type: "done" });
      }
    },
    [session, fail],
  );

  const reload = useCallback(
    () =>
      whileBusy(async (s) => {
        const r = await s.load((phase) => dispatch({ type: "phase", phase }));
        on.current.reread?.(s);
        const months = s.months().length;
        dispatch({ type: "status", status: (x) => x.loaded(months, r.errors.length, r.warnings.length) });
      }),
    [whileBusy],
  );

  return { state, dispatch, start, perform, reload, whileBusy, fail };
}
