/**
 * What every screen of the pane receives from the shell (App): the session to read from, the
 * shared strings, and the two services a screen needs to change the workbook without losing work.
 * A screen never calls Office or the file layer itself; it calls the session through `run`.
 */
// @ts-nocheck

import type { Locale, Strings } from "../i18n";
import { entryPlace } from "../../workbook/drafts/input-rows";
import type { ActionResult, ProgressListener, Session } from "../session";

/**
 * ProblemList's seeAlso over the session: where entry N of an input sheet is ("另见第 16 条"), from
 * the input sheets as the last run read them; null before a read or for an entry not read.
 */
export function seeAlsoIn(session: Session | null): (sheet: string, entry: number) => { sheet: string; cell: string | null } | null {
  return (sheet, entry) => (session?.inputs ? entryPlace(session.inputs, sheet, entry) : null);
}

export interface ScreenProps {
  /** The open workbook's session (read its result, inputs, instalments; call its actions through `run`). */
  session: Session;
  t: Strings;
  locale: Locale;
  /** An action is under way: controls that write stay focusable but disabled. */
  busy: boolean;
  /** Changes whenever the session's view changes (each action, each refresh after a write): derive again. */
  version: number;
  /**
   * Runs a workbook action under the pane's progress bar, status line and error display. Resolves
   * with the action's result (refusals included: their problems name sheet and cell), or null when
   * it threw (the shell has shown the error). `describe` gives the status line for a success.
   */
  run: (action: (progress: ProgressListener) => Promise<ActionResult>, describe?: (r: ActionResult, locale: Locale) => string) => Promise<ActionResult | null>;
  /** Whether this screen holds typed, unsaved edits: the shell asks before they would be lost. */
  onDirtyChange: (dirty: boolean) => void;
  /**
   * Optional: the screen's own save of its edits (resolves true once saved), offered by the shell's
   * lost-work guard as 保存后离开 / 保存后下载; null withdraws it. Without one the guard offers
   * 放弃修改 / 取消 only.
   */
  registerSave?: (save: (() => Promise<boolean>) | null) => void;
}
