/**
 * The dialogs store: which confirmation is open (定稿 / 解除定稿 / 撤销上次写入, or the lost-work
 * guard), what the undo would do, and the last name typed in a 定稿 dialog. The guard holds what
 * the clerk asked for (leave the month, open a file, download…): it runs once the clerk chose to
 * save first or to discard, and is dropped on 取消. Pure; App holds it.
 */
// @ts-nocheck

import type { UndoPreview } from "../session";

/** What would lose typed work, and so asks first. */
export type GuardKind = "leave" | "download" | "open-file";

export interface GuardRequest {
  kind: GuardKind;
  /** The file about to be opened (open-file). */
  fileName?: string;
  /** The edits can be saved from here (the month form, or a screen that registered a save). */
  canSave: boolean;
  /** Typed edits are at stake (not only writes not downloaded). */
  edits: boolean;
  /** Browser mode: the workbook holds writes not downloaded yet (open-file). */
  notDownloaded: boolean;
  /** What the clerk asked for, run after 保存 or 放弃. */
  proceed: () => void;
}

export interface DialogsState {
  trust: "freeze" | "unfreeze" | "undo" | null;
  undoPreview: UndoPreview | null;
  /** The last name typed in a 定稿 / 解除定稿 dialog (this pane only; nothing is stored). */
  who: string;
  guard: GuardRequest | null;
}

export type DialogsAction =
  | { type: "open-trust"; dialog: "freeze" | "unfreeze" }
  | { type: "open-undo"; preview: UndoPreview }
  | { type: "who"; who: string }
  | { type: "ask"; guard: GuardRequest }
  | { type: "close" };

export const NO_DIALOG: DialogsState = { trust: null, undoPreview: null, who: "", guard: null };

export function dialogsReducer(state: DialogsState, action: DialogsAction): DialogsState {
  switch (action.type) {
    case "open-trust":
      return { ...state, trust: action.dialog, guard: null };
    case "open-undo":
      return { ...state, trust: "undo", undoPreview: action.preview, guard: null };
    case "who":
      return { ...state, who: action.who, trust: null };
    case "ask":
      return { ...state, trust: null, guard: action.guard };
    case "close":
      return state.trust === null && state.guard === null ? state : { ...state, trust: null, guard: null };
  }
}
