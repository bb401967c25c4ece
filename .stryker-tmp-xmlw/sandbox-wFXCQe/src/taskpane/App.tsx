/**
 * The task pane's shell: theme and language, the status line and progress bar, the toolbar
 * (全部重算并结算 / 撤销上次写入 / 重新读取), the navigation between the screens (考核月份 —
 * the month list or one month's page —, 付款结算, 合同与日历, 规则设置; one file each in
 * screens/), the trust dialogs and the lost-work guard. Inside Excel it works on the open workbook;
 * in a plain browser on a local .xlsx that is handed back as a download.
 *
 * State lives in small stores (state/): the workbook session, view version, status and progress
 * (workbook.ts); the open month's draft and its dirty flag (monthDraft.ts); the dialogs
 * (dialogs.ts); each screen's unsaved edits (dirty.ts). The screens read them through props
 * (screens/types.ts ScreenProps) and change the workbook only through `run` (the Session); no
 * component calls Office or the file layer.
 *
 * No typed work is lost without consent: leaving a month with edits (← 返回月份列表), leaving a
 * screen that reports edits (onDirtyChange), 下载结果 with edits, and opening another file with
 * edits or with results not downloaded ask first (GuardDialog: 保存后离开 / 保存后下载, 放弃修改,
 * 取消); closing or reloading the tab asks through `beforeunload`. The month's draft lives in the
 * shell, so it survives a change of screen. Every save checks as 计算本月 does (Session.saveMonth).
 *
 * Stable hooks for the end-to-end test (data-testid):
 *   file-input     the <input type="file"> of the browser mode (FileBar)
 *   download       the download button of the browser mode (FileBar)
 *   recompute-all  the toolbar's 全部重算并结算 button (every month scored again and 付款结算 rebuilt:
 *                  Session.recomputeAll); recompute-all-hint its one-line description
 *   reload         the 重新读取 button (reads the workbook again)
 *   compute-month  the 计算本月 button of an open month
 *   save-month     the 保存本月输入 button of an open month
 *   freeze / unfreeze   the 定稿 / 解除定稿 button of an open month (one or the other)
 *   undo           the 撤销上次写入 button (toolbar)
 *   freeze-who, freeze-confirm; unfreeze-who, unfreeze-reason, unfreeze-confirm; undo-confirm,
 *                  undo-changed-since   the controls of their confirmation dialogs
 *   frozen-notice  the notice of a frozen (定稿) month; its form is read-only
 *   file-name      the open file's name (browser mode)
 *   month-YYYY-MM  each month of the month list (e.g. month-2025-10), with data-state =
 *                  not-started | incomplete | errors | stale | scored, and data-frozen="true" when frozen
 *   field-<key>    each indicator control, key from INDICATOR_FIELDS (field-headcount, field-examSat…);
 *                  on the <input> of a number field, on the dropdown button of a 是/否 field
 *   status         the status line (role="status")
 *   month-score    the month page's 考核得分 in its sticky bar (data-state: scored | stale | errors |
 *                  incomplete | not-started); month-bar the bar; stale-notice why it needs recomputing;
 *                  draft-pending the form holds edits; month-problems (data-source: workbook | draft)
 *   freeze-reason / undo-reason   why 定稿 / 撤销上次写入 is disabled
 *   refusal        the list of a refused action's problems
 *   not-downloaded browser mode: results written and not downloaded yet
 *   nav-months / nav-settlement / nav-contract / nav-settings   the navigation's tabs
 *   guard-dialog, guard-save, guard-discard, guard-cancel   the lost-work guard
 *   month-total    the month's 考核得分 in the results (inside the collapsed 各项得分与说明); results: that section
 *   event-N / report-N   the Nth event / report card (0-based); instalment-N  the Nth instalment
 *   setting-N      the Nth 规则设置 parameter control (RULE_SETTINGS order); save-settings its save button
 *   limitations    what this Excel cannot do (HostNotices.tsx), each item with data-feature
 *   incomplete-write   a write that stopped part way: what was and was not written (takes the focus)
 * Accessible names: every control has a label (Field label or Switch label); buttons are named by
 * their text (STRINGS in i18n.ts); the language switch is the button named "English" / "中文".
 * Keyboard: every action is a button reached with Tab and pressed with Enter or Space; buttons
 * stay focusable while the pane is busy (disabledFocusable), so focus is not lost to the page; the
 * confirmations are modal Dialogs (focus trapped, Escape cancels, focus goes back to the button),
 * and Enter in a dialog's field confirms.
 * The clock: `now` (default new Date) is read here, in the UI; the session formats it
 * ("YYYY-MM-DD HH:mm", local) for the sheets; src/workbook reads no clock.
 */
// @ts-nocheck

import {
  Body1,
  Button,
  Caption1,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Tab,
  TabList,
  makeStyles,
  useRestoreFocusTarget,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { INDICATOR_FIELDS, type MonthKey } from "../domain";
import { FileBar } from "./components/FileBar";
import { IncompleteWriteBar, LimitationsBar } from "./components/HostNotices";
import { ProblemList } from "./components/ProblemList";
import { TitleBar } from "./components/TitleBar";
import { FreezeDialog, UndoDialog, UnfreezeDialog } from "./components/TrustDialogs";
import { downloadFile, openWorkbookFile } from "./file";
import { confirmExcelHost, type HostInfo } from "./host";
import { STRINGS, type Locale, type Strings } from "./i18n";
import { ContractScreen } from "./screens/ContractScreen";
import { GuardDialog } from "./screens/GuardDialog";
import { MonthListScreen } from "./screens/MonthListScreen";
import { MonthScreen } from "./screens/MonthScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { SettlementScreen } from "./screens/SettlementScreen";
import { seeAlsoIn, type ScreenProps } from "./screens/types";
import type { ActionResult, PaneAdapter, PaneProblem, Phase } from "./session";
import { dialogsReducer, NO_DIALOG, type GuardKind } from "./state/dialogs";
import { CLEAN, dirtyReducer, dirtyScreens, type ScreenKey } from "./state/dirty";
import { monthDirty, monthDraftReducer, NO_MONTH } from "./state/monthDraft";
import { useWorkbook } from "./state/useWorkbook";
import type { StatusFn } from "./state/workbook";

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "720px",
    minWidth: 0,
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  status: { color: tokens.colorNeutralForeground3 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  reason: { color: tokens.colorNeutralForeground3 },
  // The four tabs on one row at 320 px, in both languages: tight padding, no wrapping.
  nav: { flexWrap: "nowrap", minWidth: 0, columnGap: 0 },
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, minWidth: 0, whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  host: HostInfo;
  /** The first language (Office's display language); the pane can switch. */
  locale: Locale;
  /** The workbook inside Excel (mount.tsx gives the office-js one; tests give a fake). */
  adapter?: PaneAdapter;
  /** Plain-browser mode: an adapter over an opened file (default: the lazily loaded ExcelJS one). */
  openFile?: (bytes: ArrayBuffer) => Promise<PaneAdapter>;
  /** Plain-browser mode: hands the result to the browser (default: a Blob download). */
  download?: (bytes: Uint8Array, name: string) => void;
  /** The clock (default: new Date); tests give a fixed one. */
  now?: () => Date;
  /** Which edition the pane is (its first status line and host words); default: from `host` (editionOf). */
  edition?: Edition;
}

/**
 * The pane's editions: the Office add-in inside Excel, the browser edition (the hosted page, a
 * preview for trying the product on a local file), the single-file offline edition (a finished
 * edition: open, work, download, with no server and no network), the WPS 表格 add-in.
 */
export type Edition = "addin" | "browser" | "offline" | "wps";

/** The edition the host implies (the offline edition says so itself: offline.tsx). */
export function editionOf(host: HostInfo): Edition {
  if (host.host === "WPS") return "wps";
  return host.inOffice ? "addin" : "browser";
}

/** The status line before anything is read, in each edition. */
export function editionStatus(edition: Edition, host: HostInfo): StatusFn {
  if (edition === "wps") return (x) => x.connectedWps;
  if (edition === "offline") return (x) => x.offlineEdition;
  if (edition === "browser") return (x) => x.browserOnly;
  return (x) => x.connected(host.platform);
}

const PHASES: readonly Phase[] = ["read", "score", "write"];
const SCREENS: readonly ScreenKey[] = ["months", "settlement", "contract", "settings"];

/** The same array object while its content is unchanged, so memoized children skip re-rendering. */
function useStable<T>(value: T): T {
  const kept = useRef({ json: JSON.stringify(value), value });
  const json = JSON.stringify(value);
  if (json !== kept.current.json) kept.current = { json, value };
  return kept.current.value;
}

function systemDark(): MediaQueryList | null {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null;
}

const localeOf = (x: Strings): Locale => (x === STRINGS["en-US"] ? "en-US" : "zh-CN");

/** The status line of a refusal: the missing fields named when that is all it is, else the count of errors. */
function refusedStatus(r: ActionResult, month: MonthKey | null): StatusFn {
  const errors = r.problems.filter((p) => p.severity === "error");
  const missing = errors.length > 0 && month !== null && errors.every((p) => p.code === "missing" && p.month === month);
  if (!missing) return (x) => x.refused(errors.length);
  return (x) => {
    const names = errors.map((p) => {
      const f = INDICATOR_FIELDS.find((i) => i.header === p.indicator);
      return f ? x.indicatorLabel(f.key) : p.indicator || (localeOf(x) === "en-US" ? p.messageEn : p.message);
    });
    return x.monthMissing(x.monthLabel(month), [...new Set(names)]);
  };
}

export function App({ host, locale: initialLocale, adapter, openFile = openWorkbookFile, download = downloadFile, now, edition = editionOf(host) }: AppProps) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = STRINGS[locale];
  const [dark, setDark] = useState(host.dark);
  const [monthState, monthDo] = useReducer(monthDraftReducer, NO_MONTH);
  const [dialogs, dialogDo] = useReducer(dialogsReducer, NO_DIALOG);
  const [dirty, dirtyDo] = useReducer(dirtyReducer, CLEAN);
  const [screenKey, setScreenKey] = useState<ScreenKey>("months");
  /** The limitations (their features, joined) the clerk has acknowledged with 知道了 in this session. */
  const [limitsSeen, setLimitsSeen] = useState<string | null>(null);
  const [hostWarning, setHostWarning] = useState<string | null>(null);
  const monthHeading = useRef<HTMLHeadingElement>(null);
  const restoreFocus = useRestoreFocusTarget();
  /** The screens' own saves (ScreenProps.registerSave), offered by the lost-work guard. */
  const saves = useRef(new Map<ScreenKey, () => Promise<boolean>>());
  const month = monthState.month;
  const monthIsDirty = monthDirty(monthState);
  const workbook = useWorkbook(host, now, editionStatus(edition, host), {
    opened: () => {
      setLimitsSeen(null);
      monthDo({ type: "close" });
      dirtyDo({ type: "clear" });
      setScreenKey("months");
    },
    refusedStatus: (r) => refusedStatus(r, month),
    refused: () => monthDo({ type: "show-missing" }),
    // The form follows the workbook, unless it holds edits the action did not write (an undo, a screen's save).
    succeeded: (s, writesDraft) => {
      if (month !== null && (writesDraft || !monthIsDirty)) monthDo({ type: "reload", draft: s.monthDraft(month) });
    },
    reread: (s) => {
      if (month !== null && !monthIsDirty) monthDo({ type: "reload", draft: s.monthDraft(month) });
    },
  });
  const { state: wb, dispatch: wbDo, start, perform, fail } = workbook;
  const { session, busy } = wb;

  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = locale;
  }, [locale]);

  // Native controls (scroll bars, the hidden file input's dialog) follow the theme.
  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.style.colorScheme = dark ? "dark" : "light";
  }, [dark]);

  // Office has no theme-changed event in Excel: its theme is read at start (host.ts). In a plain
  // browser the system's colour scheme is followed as it changes.
  useEffect(() => {
    if (host.inOffice) return;
    const mq = systemDark();
    if (!mq || typeof mq.addEventListener !== "function") return;
    const follow = (e: MediaQueryListEvent) => setDark(e.matches);
    mq.addEventListener("change", follow);
    return () => mq.removeEventListener("change", follow);
  }, [host.inOffice]);

  useEffect(() => {
    if (adapter) void start(adapter);
  }, [adapter, start]);

  useEffect(() => {
    if (!host.inOffice) return;
    let live = true;
    confirmExcelHost()
      .then((h) => {
        if (live && h !== null && h !== "EXCEL") setHostWarning(h);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [host.inOffice]);

  useEffect(() => {
    if (month !== null) monthHeading.current?.focus();
  }, [month]);

  const edited = monthIsDirty || dirtyScreens(dirty).length > 0;
  const unsaved = edited || (!host.inOffice && wb.notDownloaded);

  // Browser edition: closing the tab (or reloading it) with typed edits, or with results not
  // downloaded, makes the browser ask. (Inside Excel the workbook itself holds every write.)
  useEffect(() => {
    if (host.inOffice || !unsaved || typeof window === "undefined") return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
      return "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [host.inOffice, unsaved]);

  /** ScreenProps.run: the same, for the screens (their status line in words of their own). */
  const run = useCallback<ScreenProps["run"]>(
    (action, describe) => perform((_s, progress) => action(progress), (r) => (x) => (describe ? describe(r, localeOf(x)) : x.saved(r.cells))),
    [perform],
  );

  const onDirtyChange = useCallback((d: boolean) => dirtyDo({ type: "dirty", screen: screenKey, dirty: d }), [screenKey]);
  const registerSave = useCallback(
    (save: (() => Promise<boolean>) | null) => {
      if (save) saves.current.set(screenKey, save);
      else saves.current.delete(screenKey);
    },
    [screenKey],
  );

  const saveMonth = useCallback(() => {
    const d = monthState.draft;
    if (!d) return Promise.resolve(null);
    return perform((s, p) => s.saveMonth(d, p), (r) => (x) => (r.kind === "unchanged" ? x.unchanged : x.saved(r.cells)), true);
  }, [perform, monthState.draft]);

  /**
   * Does `proceed` at once when no typed work (nor, for open-file, a result not downloaded) would
   * be lost by it; otherwise asks first (GuardDialog).
   */
  const guarded = (kind: GuardKind, proceed: () => void, fileName?: string) => {
    const notDownloaded = kind === "open-file" && !host.inOffice && wb.notDownloaded;
    if (!edited && !notDownloaded) return proceed();
    const others = dirtyScreens(dirty);
    const canSave = others.every((k) => saves.current.has(k));
    dialogDo({ type: "ask", guard: { kind, fileName, canSave, edits: edited, notDownloaded, proceed } });
  };

  /** 保存后…: the month form and every screen with edits saved; goes on only when all were. */
  const guardSave = async () => {
    const g = dialogs.guard;
    if (!g) return;
    dialogDo({ type: "close" });
    if (monthIsDirty) {
      const r = await saveMonth();
      if (!r || r.kind === "refused") return;
    }
    for (const k of dirtyScreens(dirty)) {
      const save = saves.current.get(k);
      if (!save || !(await save())) return;
    }
    g.proceed();
  };

  /** 放弃修改: the month form back to the workbook's values, the other screens' edits left behind. */
  const guardDiscard = () => {
    const g = dialogs.guard;
    if (!g) return;
    dialogDo({ type: "close" });
    monthDo({ type: "discard" });
    if (g.kind !== "download") dirtyDo({ type: "clear" });
    g.proceed();
  };

  const openMonth = useCallback(
    (m: MonthKey) => {
      if (!session || busy !== null) return;
      monthDo({ type: "open", draft: session.monthDraft(m) });
      wbDo({ type: "clear-refusal" });
    },
    [session, busy],
  );

  const backToMonths = () =>
    guarded("leave", () => {
      const m = month;
      monthDo({ type: "close" });
      wbDo({ type: "clear-refusal" });
      setTimeout(() => (document.querySelector(`[data-testid="month-${m}"]`) as HTMLElement | null)?.focus(), 0);
    });

  const chooseScreen = (next: ScreenKey) => {
    if (next === screenKey) return;
    // The month form lives in the shell and survives a change of screen; the others' edits do not.
    const leaving = screenKey !== "months" && dirty.screens[screenKey] === true;
    const go = () => {
      if (screenKey !== "months") dirtyDo({ type: "dirty", screen: screenKey, dirty: false });
      setScreenKey(next);
    };
    if (!leaving) return go();
    const canSave = saves.current.has(screenKey);
    dialogDo({ type: "ask", guard: { kind: "leave", canSave, edits: true, notDownloaded: false, proceed: go } });
  };

  const onOpenFile = (file: File) =>
    guarded(
      "open-file",
      () =>
        void (async () => {
          wbDo({ type: "start", phase: "read" });
          let a: PaneAdapter;
          try {
            a = await openFile(await file.arrayBuffer());
          } catch (e) {
            fail(e);
            wbDo({ type: "done" });
            return;
          }
          await start(a, file.name);
        })(),
      file.name,
    );

  const doDownload = async () => {
    if (!session || !wb.fileName) return;
    try {
      download(await session.download(), wb.fileName);
      wbDo({ type: "downloaded" });
    } catch (e) {
      fail(e);
    }
  };

  const onDownload = () => guarded("download", () => void doDownload());

  const monthName = month === null ? "" : t.monthLabel(month);

  const freeze = (name: string) => {
    if (month === null) return;
    const m = month;
    dialogDo({ type: "who", who: name });
    void perform((s, p) => s.freezeMonth(m, name, p), () => (x) => x.frozenDone(x.monthLabel(m), name));
  };

  const unfreeze = (name: string, reason: string) => {
    if (month === null) return;
    const m = month;
    dialogDo({ type: "who", who: name });
    void perform((s, p) => s.unfreezeMonth(m, name, reason, p), () => (x) => x.unfrozenDone(x.monthLabel(m)));
  };

  /** Reads what 撤销上次写入 would do, then asks (the dialog opens with it). */
  const askUndo = () => workbook.whileBusy(async (s) => dialogDo({ type: "open-undo", preview: await s.undoPreview() }));

  const undo = () => {
    dialogDo({ type: "close" });
    void perform((s, p) => s.undo(p), (r) => (x) => x.undone(r.cells, r.changedSince?.length ?? 0));
  };

  const select = useCallback(
    (p: PaneProblem) => {
      if (!session) return;
      session.select(p.sheet, p.cell).catch(fail);
    },
    [session, fail],
  );

  const working = busy !== null;
  const draft = monthState.draft;
  // What this Excel cannot do, gathered by the session over its reads and writes (version re-renders).
  const limitations = useStable(session?.limitations() ?? []);
  const limitsKey = limitations.map((l) => l.feature).join("\n");
  /** 知道了: the bar goes until the session finds another limitation; focus goes to the toolbar's first button. */
  const dismissLimits = () => {
    setLimitsSeen(limitsKey);
    setTimeout(() => (document.querySelector('[data-testid="recompute-all"]') as HTMLElement | null)?.focus(), 0);
  };
  const undoState = useMemo(() => session?.undoState() ?? null, [session, wb.version]);
  const undoReason = undoState && !undoState.ok ? (undoState.reason === "none" ? t.undoNone : undoState.reason === "empty" ? t.undoEmpty : t.undoRefused) : null;
  const ready = session !== null && session.result !== null;

  const screenProps: ScreenProps | null = session ? { session, t, locale, busy: working, version: wb.version, run, onDirtyChange, registerSave } : null;

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale} className={styles.provider}>
      <main className={styles.main}>
        <header className={styles.header}>
          <TitleBar t={t} locale={locale} onLocale={setLocale} />
          <Body1>{t.subtitle}</Body1>
          <Caption1 className={styles.status} role="status" aria-live="polite" data-testid="status">
            {wb.status(t)}
          </Caption1>
        </header>

        {hostWarning && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.notExcel(hostWarning)}</MessageBarBody>
          </MessageBar>
        )}

        {limitsKey !== "" && limitsKey !== limitsSeen && <LimitationsBar limitations={limitations} t={t} locale={locale} wps={edition === "wps"} onDismiss={dismissLimits} />}

        {!host.inOffice && <FileBar t={t} fileName={wb.fileName} onOpen={onOpenFile} onDownload={onDownload} disabled={working} />}
        {!host.inOffice && wb.notDownloaded && (
          <Caption1 className={styles.muted} data-testid="not-downloaded">
            {t.notDownloaded}
          </Caption1>
        )}

        {busy && (
          <Field label={t.busy} hint={t.phase[busy]}>
            <ProgressBar value={PHASES.indexOf(busy) + 1} max={PHASES.length} aria-label={t.phase[busy]} />
          </Field>
        )}

        {wb.error && (
          <MessageBar intent="error">
            <MessageBarBody>{t.failed(locale === "en-US" ? wb.error[1] : wb.error[0])}</MessageBarBody>
          </MessageBar>
        )}

        {wb.incomplete && <IncompleteWriteBar write={wb.incomplete} t={t} locale={locale} />}

        {!session && !host.inOffice && !working && <Caption1 className={styles.muted}>{t.openFirst}</Caption1>}

        {ready && screenProps && (
          <>
            <div className={styles.toolbar} role="toolbar" aria-label={t.title}>
              <Button
                appearance="primary"
                data-testid="recompute-all"
                aria-describedby="recompute-all-hint"
                disabledFocusable={working}
                onClick={() => void perform((s, p) => s.recomputeAll(draft, p), (r) => (x) => x.recomputed(r.months, r.paymentSheet), true)}
              >
                {t.recomputeAll}
              </Button>
              <Button data-testid="undo" disabledFocusable={working || undoReason !== null} aria-describedby={undoReason ? "undo-reason" : undefined} onClick={() => void askUndo()} {...restoreFocus}>
                {t.undo}
              </Button>
              <Button appearance="subtle" data-testid="reload" disabledFocusable={working} onClick={() => void workbook.reload()}>
                {t.reload}
              </Button>
            </div>
            <Caption1 id="recompute-all-hint" className={styles.reason} data-testid="recompute-all-hint">
              {t.recomputeAllHint}
            </Caption1>
            {undoReason && (
              <Caption1 id="undo-reason" className={styles.reason} data-testid="undo-reason">
                {undoReason}
              </Caption1>
            )}

            {wb.refusal.length > 0 && (
              <MessageBar intent="error" layout="multiline" data-testid="refusal">
                <MessageBarBody>
                  <ProblemList problems={wb.refusal} t={t} locale={locale} canSelect={session?.canSelect ?? false} onSelect={select} label={wb.status(t)} seeAlso={seeAlsoIn(session)} />
                </MessageBarBody>
              </MessageBar>
            )}

            <TabList className={styles.nav} size="small" aria-label={t.navLabel} selectedValue={screenKey} onTabSelect={(_e, d) => chooseScreen(SCREENS.find((k) => k === d.value) ?? "months")}>
              <Tab className={styles.tab} value="months" data-testid="nav-months">
                {t.tabMonths}
              </Tab>
              <Tab className={styles.tab} value="settlement" data-testid="nav-settlement">
                {t.tabSettlement}
              </Tab>
              <Tab className={styles.tab} value="contract" data-testid="nav-contract">
                {t.tabContract}
              </Tab>
              <Tab className={styles.tab} value="settings" data-testid="nav-settings">
                {t.tabSettings}
              </Tab>
            </TabList>

            {screenKey === "months" && month === null && <MonthListScreen {...screenProps} onOpen={openMonth} onSelect={select} />}
            {screenKey === "months" && month !== null && (
              <MonthScreen
                {...screenProps}
                ref={monthHeading}
                month={monthState}
                dispatch={monthDo}
                onBack={backToMonths}
                onCompute={() => {
                  if (!draft) return;
                  void perform((s, p) => s.computeMonth(draft, p), (r) => (x) => x.scored(r.months, r.cells), true);
                }}
                onSave={() => void saveMonth()}
                onTrust={(d) => dialogDo({ type: "open-trust", dialog: d })}
                onSelect={select}
              />
            )}
            {screenKey === "settlement" && <SettlementScreen {...screenProps} />}
            {screenKey === "contract" && <ContractScreen {...screenProps} />}
            {screenKey === "settings" && <SettingsScreen {...screenProps} />}

            <FreezeDialog open={dialogs.trust === "freeze"} onClose={() => dialogDo({ type: "close" })} t={t} monthLabel={monthName} who={dialogs.who} dirty={monthIsDirty} onConfirm={freeze} />
            <UnfreezeDialog open={dialogs.trust === "unfreeze"} onClose={() => dialogDo({ type: "close" })} t={t} monthLabel={monthName} who={dialogs.who} onConfirm={unfreeze} />
            <UndoDialog open={dialogs.trust === "undo"} onClose={() => dialogDo({ type: "close" })} t={t} preview={dialogs.undoPreview} locale={locale} onConfirm={undo} />
          </>
        )}
        <GuardDialog guard={dialogs.guard} t={t} onSave={() => void guardSave()} onDiscard={guardDiscard} onCancel={() => dialogDo({ type: "close" })} />
      </main>
    </FluentProvider>
  );
}
