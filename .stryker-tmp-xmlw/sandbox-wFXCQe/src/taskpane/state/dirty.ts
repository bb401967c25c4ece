/**
 * Which screens hold typed, unsaved edits (ScreenProps.onDirtyChange), and the save each one
 * offers (ScreenProps.registerSave). The shell asks before anything would drop them. Pure; App
 * holds it.
 */
// @ts-nocheck

export type ScreenKey = "months" | "settlement" | "contract" | "settings";

export interface DirtyState {
  screens: Readonly<Partial<Record<ScreenKey, boolean>>>;
}

export type DirtyAction = { type: "dirty"; screen: ScreenKey; dirty: boolean } | { type: "clear" };

export const CLEAN: DirtyState = { screens: {} };

export function dirtyReducer(state: DirtyState, action: DirtyAction): DirtyState {
  switch (action.type) {
    case "dirty":
      return (state.screens[action.screen] ?? false) === action.dirty ? state : { screens: { ...state.screens, [action.screen]: action.dirty } };
    case "clear":
      return Object.values(state.screens).some(Boolean) ? CLEAN : state;
  }
}

/** The screens with unsaved edits, in navigation order. */
export function dirtyScreens(state: DirtyState): ScreenKey[] {
  return (["months", "settlement", "contract", "settings"] as const).filter((k) => state.screens[k] === true);
}
