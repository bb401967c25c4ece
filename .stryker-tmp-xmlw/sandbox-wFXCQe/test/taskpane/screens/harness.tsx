/**
 * The screens' tests render one screen as the shell would: a Session over a FakeAdapter, a `run`
 * that awaits the action and bumps `version` afterwards (and on the session's refresh), the strings
 * of the locale, and onDirtyChange recorded.
 */
// @ts-nocheck

import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, within } from "@testing-library/react";
import { useCallback, useEffect, useState, type ComponentType } from "react";
import { STRINGS, type Locale } from "../../../src/taskpane/i18n";
import { Session, type ActionResult, type ProgressListener } from "../../../src/taskpane/session";
import type { ScreenProps } from "../../../src/taskpane/screens/types";
import { FakeAdapter } from "../fixtures";

// jsdom matches every Fluent (griffel) rule on each getComputedStyle: cached per element, as in pane.test.tsx.
const realComputedStyle = window.getComputedStyle.bind(window);
const computedStyles = new WeakMap<Element, CSSStyleDeclaration>();
window.getComputedStyle = ((element: Element, pseudo?: string | null) => {
  if (pseudo) return realComputedStyle(element, pseudo);
  let style = computedStyles.get(element);
  if (!style) computedStyles.set(element, (style = realComputedStyle(element)));
  return style;
}) as typeof window.getComputedStyle;

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window.ResizeObserver === "undefined") window.ResizeObserver = NoResizeObserver as unknown as typeof ResizeObserver;

export const NOW = () => new Date(2026, 1, 20, 9, 30);

export interface Rendered {
  session: Session;
  adapter: FakeAdapter;
  /** Every onDirtyChange call, in order. */
  dirty: boolean[];
  /** Each run's result (null when it threw). */
  runs: (ActionResult | null)[];
  /** The status line the shell would show after each successful run. */
  described: string[];
  /** The save the screen offers the lost-work guard now (registerSave), null when none. */
  save: (() => Promise<boolean>) | null;
}

export async function renderScreen(Screen: ComponentType<ScreenProps>, adapter: FakeAdapter, locale: Locale = "zh-CN"): Promise<Rendered> {
  const session = new Session(adapter, { now: NOW });
  await session.load();
  const out: Rendered = { session, adapter, dirty: [], runs: [], described: [], save: null };
  function Shell() {
    const [version, setVersion] = useState(0);
    const [busy, setBusy] = useState(false);
    useEffect(() => {
      session.onRefresh = () => setVersion((v) => v + 1);
      return () => {
        session.onRefresh = null;
      };
    }, []);
    const onDirtyChange = useCallback((d: boolean) => {
      out.dirty.push(d);
    }, []);
    const registerSave = useCallback((save: (() => Promise<boolean>) | null) => {
      out.save = save;
    }, []);
    const run: ScreenProps["run"] = async (action: (p: ProgressListener) => Promise<ActionResult>, describe) => {
      setBusy(true);
      try {
        const r = await action(() => {});
        out.runs.push(r);
        if (describe && r.kind !== "refused") out.described.push(describe(r, locale));
        return r;
      } catch {
        out.runs.push(null);
        return null;
      } finally {
        setBusy(false);
        setVersion((v) => v + 1);
      }
    };
    return (
      <FluentProvider theme={webLightTheme}>
        <Screen session={session} t={STRINGS[locale]} locale={locale} busy={busy} version={version} run={run} onDirtyChange={onDirtyChange} registerSave={registerSave} />
      </FluentProvider>
    );
  }
  render(<Shell />);
  return out;
}

/** The screen's controls (text boxes, selects, buttons): how many, and how many have no accessible name. */
export function controls(root: HTMLElement): { count: number; unnamed: number } {
  const roles = ["textbox", "combobox", "button"] as const;
  const all = roles.reduce((n, role) => n + within(root).queryAllByRole(role).length, 0);
  const named = roles.reduce((n, role) => n + within(root).queryAllByRole(role, { name: /\S/ }).length, 0);
  return { count: all, unnamed: all - named };
}
