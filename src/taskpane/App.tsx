/**
 * The task pane: the months of the workbook with their status, a month's form (指标录入 with
 * inline checks, 加减分事件, 报告提交) and its scores, the buttons 计算本月 / 全部重算 / 结算 with a
 * progress bar, the 规则设置 panel, and every problem with its sheet and cell. Inside Excel it works
 * on the open workbook; in a plain browser on a local .xlsx that is handed back as a download.
 *
 * Stable hooks for the end-to-end test (data-testid):
 *   file-input     the <input type="file"> of the browser mode (FileBar)
 *   download       the download button of the browser mode (FileBar)
 *   recompute-all  the 全部重算 button
 *   settle         the 结算 button
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
 *                  not-started | incomplete | errors | scored, and data-frozen="true" when frozen
 *   field-<key>    each indicator control, key from INDICATOR_FIELDS (field-headcount, field-examSat…);
 *                  on the <input> of a number field, on the dropdown button of a 是/否 field
 *   status         the status line (role="status")
 *   month-total    the month's 考核得分 in the results; results: the results section
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
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
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
  Title3,
  makeStyles,
  useRestoreFocusTarget,
  tokens,
  typographyStyles,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { IndicatorKey, MonthKey } from "../domain";
import { draftChanged, type EventDraft, type MonthDraft, type ReportDraft, type SettingsDraft } from "../workbook/drafts/input-rows";
import type { Message } from "./components/fields";
import { EventsEditor } from "./components/EventsEditor";
import { FileBar } from "./components/FileBar";
import { IncompleteWriteBar, LimitationsBar } from "./components/HostNotices";
import { indicatorMessages, MonthForm } from "./components/MonthForm";
import { MonthBadges, MonthList } from "./components/MonthList";
import { ProblemList } from "./components/ProblemList";
import { ReportsEditor } from "./components/ReportsEditor";
import { ResultsView } from "./components/ResultsView";
import { SettingsPanel } from "./components/SettingsPanel";
import { FreezeDialog, UndoDialog, UnfreezeDialog } from "./components/TrustDialogs";
import { downloadFile, openWorkbookFile } from "./file";
import { confirmExcelHost, describeError, logOfficeError, type HostInfo } from "./host";
import { STRINGS, type Locale, type Strings } from "./i18n";
import { asIncompleteWrite, Session, type ActionResult, type IncompleteWrite, type PaneAdapter, type PaneProblem, type Phase, type UndoPreview } from "./session";

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
  titleRow: { display: "flex", justifyContent: "space-between", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  title: { margin: 0 },
  status: { color: tokens.colorNeutralForeground3 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  month: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  monthHead: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  back: { alignSelf: "flex-start" },
  monthTitle: { ...typographyStyles.subtitle1, margin: 0 },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
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
}

type StatusFn = (t: Strings) => string;

const PHASES: readonly Phase[] = ["read", "score", "write"];
const NO_PROBLEMS: PaneProblem[] = [];

type TrustDialog = "freeze" | "unfreeze" | "undo" | null;

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

export function App({ host, locale: initialLocale, adapter, openFile = openWorkbookFile, download = downloadFile, now }: AppProps) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = STRINGS[locale];
  const [dark, setDark] = useState(host.dark);
  const [session, setSession] = useState<Session | null>(null);
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  const [fileName, setFileName] = useState<string | null>(null);
  const [tab, setTab] = useState<"months" | "settings">("months");
  const [month, setMonth] = useState<MonthKey | null>(null);
  const [draft, setDraft] = useState<MonthDraft | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showMissing, setShowMissing] = useState(false);
  const [settings, setSettings] = useState<SettingsDraft | null>(null);
  const [busy, setBusy] = useState<Phase | null>(null);
  const [status, setStatus] = useState<StatusFn>(() => (s: Strings) => (host.inOffice ? s.connected(host.platform) : s.browserOnly));
  const [refusal, setRefusal] = useState<PaneProblem[]>([]);
  const [error, setError] = useState<[string, string] | null>(null);
  /** The last write stopped part way (ApplyIncompleteError): what was and was not written. */
  const [incomplete, setIncomplete] = useState<IncompleteWrite | null>(null);
  /** The limitations (their features, joined) the clerk has acknowledged with 知道了 in this session. */
  const [limitsSeen, setLimitsSeen] = useState<string | null>(null);
  const [hostWarning, setHostWarning] = useState<string | null>(null);
  const [dialog, setDialog] = useState<TrustDialog>(null);
  const [undoPreview, setUndoPreview] = useState<UndoPreview | null>(null);
  /** The last name typed in a 定稿 / 解除定稿 dialog (this pane only; nothing is stored). */
  const [who, setWho] = useState("");
  const monthHeading = useRef<HTMLHeadingElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const restoreFocus = useRestoreFocusTarget();

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

  const fail = useCallback(
    (e: unknown) => {
      setError(describeError(e));
      if (host.inOffice) void logOfficeError(e);
    },
    [host.inOffice],
  );

  /** A fresh session over an adapter: read and score, write nothing. */
  const start = useCallback(
    async (a: PaneAdapter): Promise<boolean> => {
      // The clock is read here, in the UI; the session formats it for the sheets.
      const s = new Session(a, { now: now ?? (() => new Date()) });
      setBusy("read");
      setError(null);
      setIncomplete(null);
      setRefusal([]);
      try {
        const r = await s.load(setBusy);
        setLimitsSeen(null);
        setSession(s);
        setMonth(null);
        setDraft(null);
        setSettings(s.settingsDraft());
        const months = s.months().length;
        setStatus(() => (x: Strings) => x.loaded(months, r.errors.length, r.warnings.length));
        return true;
      } catch (e) {
        fail(e);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [fail, now],
  );

  useEffect(() => {
    if (adapter) void start(adapter);
  }, [adapter, start]);

  // The read after a write lands behind the action (Session.rememberWritten): show what it found.
  useEffect(() => {
    if (!session) return;
    session.onRefresh = () => setVersion((v) => v + 1);
    return () => {
      session.onRefresh = null;
    };
  }, [session]);

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

  // What the last run says, recomputed only when the session changes (not on every keystroke).
  const view = useMemo(
    () => (session?.result ? { result: session.result, months: session.months(), instalments: session.instalments(), problems: session.problems() } : null),
    [session, version],
  );
  const draftProblems = useMemo(() => (session && draft ? session.validate(draft) : []), [session, draft]);
  const previousMessages = useRef(new Map<IndicatorKey, readonly Message[]>());
  const fieldMessages = useMemo(() => {
    const next = indicatorMessages(draftProblems, (k) => showMissing || touched.has(k), previousMessages.current);
    previousMessages.current = next;
    return next;
  }, [draftProblems, showMissing, touched]);
  const eventProblems = useStable(draftProblems.filter((p) => p.target.kind === "event"));
  const reportProblems = useStable(draftProblems.filter((p) => p.target.kind === "report"));
  const monthLevel = useStable(draftProblems.filter((p) => p.target.kind === "month"));
  const frozen = (view && month ? view.months.find((m) => m.month === month)?.frozen : null) ?? null;
  /**
   * The month's problems, each once: the run's (with their cell), then the form's month-level ones
   * the run does not already say (a draft edited since the last run). A frozen month's "not
   * rewritten" warning is left to the frozen notice.
   */
  const monthProblems = useMemo(() => {
    const run = view && month ? view.problems.filter((p) => p.month === month && !(frozen && p.code === "scorecard-frozen")) : [];
    const said = new Set(run.map((p) => p.message));
    const live: PaneProblem[] = monthLevel.filter((p) => !said.has(p.message)).map((p) => ({ severity: p.severity, message: p.message, messageEn: p.messageEn, sheet: null, cell: null, indicator: "", month: month ?? undefined }));
    return [...live, ...run];
  }, [view, month, monthLevel, frozen]);
  const settingsProblems = useMemo(() => (session && settings ? session.validateSettings(settings) : {}), [session, settings]);

  const openMonth = useCallback(
    (m: MonthKey) => {
      if (!session || busy) return;
      setMonth(m);
      setDraft(session.monthDraft(m));
      setTouched(new Set());
      setShowMissing(false);
      setRefusal([]);
    },
    [session, busy],
  );

  const backToMonths = () => {
    const m = month;
    setMonth(null);
    setDraft(null);
    setRefusal([]);
    setTimeout(() => (document.querySelector(`[data-testid="month-${m}"]`) as HTMLElement | null)?.focus(), 0);
  };

  /** Runs one action; afterwards the month form and the settings are reloaded from the workbook, unless it was refused. */
  const run = async (action: (s: Session) => Promise<ActionResult>, done: (r: ActionResult) => StatusFn) => {
    if (!session || busy) return;
    setBusy("read");
    setError(null);
    setIncomplete(null);
    setRefusal([]);
    try {
      const r = await action(session);
      if (r.kind === "refused") {
        setRefusal(r.problems);
        setShowMissing(true);
        setStatus(() => (x: Strings) => x.refused(r.problems.filter((p) => p.severity === "error").length));
      } else {
        if (month !== null) {
          setDraft(session.monthDraft(month));
          setTouched(new Set());
          setShowMissing(false);
        }
        setSettings(session.settingsDraft());
        setStatus(() => done(r));
      }
    } catch (e) {
      // A write that stopped part way says what is in the workbook now (the session has read it again);
      // any other error is shown as before.
      const partial = asIncompleteWrite(e);
      if (partial) {
        setIncomplete(partial);
        setStatus(() => (x: Strings) => x.incompleteStatus);
        if (host.inOffice) void logOfficeError(e);
      } else fail(e);
    } finally {
      setBusy(null);
      bump();
    }
  };

  /** Reads the workbook again (after edits made in Excel); an unchanged form and settings follow it. */
  const reload = async () => {
    if (!session || busy) return;
    setBusy("read");
    setError(null);
    setIncomplete(null);
    setRefusal([]);
    try {
      const r = await session.load(setBusy);
      if (month !== null && draft && !draftChanged(draft)) setDraft(session.monthDraft(month));
      setSettings((d) => (!d || JSON.stringify(d.values) === JSON.stringify(d.origin) ? session.settingsDraft() : d));
      const months = session.months().length;
      setStatus(() => (x: Strings) => x.loaded(months, r.errors.length, r.warnings.length));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
      bump();
    }
  };

  const onOpenFile = async (file: File) => {
    setBusy("read");
    setError(null);
    let a: PaneAdapter;
    try {
      a = await openFile(await file.arrayBuffer());
    } catch (e) {
      fail(e);
      setBusy(null);
      return;
    }
    if (!(await start(a))) return;
    const name = file.name;
    setFileName(name);
    setStatus((before: StatusFn) => (x: Strings) => `${x.opened(name)}${before(x)}`);
  };

  const onDownload = async () => {
    if (!session || !fileName) return;
    try {
      download(await session.download(), fileName);
    } catch (e) {
      fail(e);
    }
  };

  const monthName = month === null ? "" : t.monthLabel(month);

  const freeze = (name: string) => {
    if (month === null) return;
    const m = month;
    setWho(name);
    setDialog(null);
    void run((s) => s.freezeMonth(m, name, setBusy), () => (x) => x.frozenDone(x.monthLabel(m), name));
  };

  const unfreeze = (name: string, reason: string) => {
    if (month === null) return;
    const m = month;
    setWho(name);
    setDialog(null);
    void run((s) => s.unfreezeMonth(m, name, reason, setBusy), () => (x) => x.unfrozenDone(x.monthLabel(m)));
  };

  /** Reads what 撤销上次写入 would do, then asks (the dialog opens with it). */
  const askUndo = async () => {
    if (!session || busy) return;
    setBusy("read");
    setError(null);
    try {
      setUndoPreview(await session.undoPreview());
      setDialog("undo");
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const undo = () => {
    setDialog(null);
    void run((s) => s.undo(setBusy), (r) => (x) => x.undone(r.cells, r.changedSince?.length ?? 0));
  };

  const select = useCallback(
    (p: PaneProblem) => {
      if (!session) return;
      session.select(p.sheet, p.cell).catch(fail);
    },
    [session, fail],
  );

  const setIndicator = useCallback((key: IndicatorKey, value: string) => {
    setDraft((d) => (d ? { ...d, indicators: { ...d.indicators, [key]: value } } : d));
    setTouched((s) => (s.has(key) ? s : new Set([...s, key])));
  }, []);
  const setEvents = useCallback((events: EventDraft[]) => setDraft((d) => (d ? { ...d, events } : d)), []);
  const setReports = useCallback((reports: ReportDraft[]) => setDraft((d) => (d ? { ...d, reports } : d)), []);
  const setSetting = useCallback((label: string, value: string) => setSettings((d) => (d ? { ...d, values: { ...d.values, [label]: value } } : d)), []);
  const resetSettings = useCallback(() => setSettings((d) => (d ? { ...d, values: { ...d.origin } } : d)), []);
  const openLocalFile = useCallback((f: File) => void onOpenFile(f), [onOpenFile]);
  const downloadResult = useCallback(() => void onDownload(), [onDownload]);

  const working = busy !== null;
  const result = view?.result ?? null;
  const months = view?.months ?? [];
  const runProblems = view?.problems ?? NO_PROBLEMS;
  const errors = runProblems.filter((p) => p.severity === "error");
  const warnings = runProblems.filter((p) => p.severity === "warning");
  const canSelect = session?.canSelect ?? false;
  const current = month === null ? null : (months.find((m) => m.month === month) ?? null);
  const canUndo = session?.canUndo ?? false;
  const dirty = draft !== null && draftChanged(draft);
  // What this Excel cannot do, gathered by the session over its reads and writes (version re-renders).
  const limitations = useStable(session?.limitations() ?? []);
  const limitsKey = limitations.map((l) => l.feature).join("\n");
  /** 知道了: the bar goes until the session finds another limitation; focus goes to the toolbar's first button. */
  const dismissLimits = () => {
    setLimitsSeen(limitsKey);
    setTimeout(() => (document.querySelector('[data-testid="recompute-all"]') as HTMLElement | null)?.focus(), 0);
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale} className={styles.provider}>
      <main className={styles.main}>
        <header className={styles.header}>
          <div className={styles.titleRow}>
            <Title3 as="h1" className={styles.title}>
              {t.title}
            </Title3>
            <Button size="small" appearance="subtle" lang={locale === "zh-CN" ? "en-US" : "zh-CN"} title={t.languageSwitch} onClick={() => setLocale(locale === "zh-CN" ? "en-US" : "zh-CN")}>
              {t.otherLanguage}
            </Button>
          </div>
          <Body1>{t.subtitle}</Body1>
          <Caption1 className={styles.status} role="status" aria-live="polite" data-testid="status">
            {status(t)}
          </Caption1>
        </header>

        {hostWarning && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.notExcel(hostWarning)}</MessageBarBody>
          </MessageBar>
        )}

        {limitsKey !== "" && limitsKey !== limitsSeen && <LimitationsBar limitations={limitations} t={t} locale={locale} onDismiss={dismissLimits} />}

        {!host.inOffice && <FileBar t={t} fileName={fileName} onOpen={openLocalFile} onDownload={downloadResult} disabled={working} />}

        {busy && (
          <Field label={t.busy} hint={t.phase[busy]}>
            <ProgressBar value={PHASES.indexOf(busy) + 1} max={PHASES.length} aria-label={t.phase[busy]} />
          </Field>
        )}

        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{t.failed(locale === "en-US" ? error[1] : error[0])}</MessageBarBody>
          </MessageBar>
        )}

        {incomplete && <IncompleteWriteBar write={incomplete} t={t} locale={locale} />}

        {!session && !host.inOffice && !working && <Caption1 className={styles.muted}>{t.openFirst}</Caption1>}

        {session && result && (
          <>
            <div className={styles.toolbar} role="toolbar" aria-label={t.title}>
              <Button
                appearance="primary"
                data-testid="recompute-all"
                disabledFocusable={working}
                onClick={() => void run((s) => s.recomputeAll(draft, setBusy), (r) => (x) => x.recomputed(r.months, r.paymentSheet))}
              >
                {t.recomputeAll}
              </Button>
              <Button data-testid="settle" disabledFocusable={working} onClick={() => void run((s) => s.settle(draft, setBusy), (r) => (x) => x.settled(r.paymentSheet))}>
                {t.settle}
              </Button>
              <Button data-testid="undo" disabledFocusable={working || !canUndo} onClick={() => void askUndo()} {...restoreFocus}>
                {t.undo}
              </Button>
              <Button appearance="subtle" data-testid="reload" disabledFocusable={working} onClick={() => void reload()}>
                {t.reload}
              </Button>
            </div>

            {refusal.length > 0 && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <ProblemList problems={refusal} t={t} locale={locale} canSelect={canSelect} onSelect={select} label={t.refused(refusal.length)} />
                </MessageBarBody>
              </MessageBar>
            )}

            <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value === "settings" ? "settings" : "months")}>
              <Tab value="months">{t.tabMonths}</Tab>
              <Tab value="settings">{t.tabSettings}</Tab>
            </TabList>

            {tab === "months" && month === null && (
              <>
                <MonthList months={months} instalments={view?.instalments ?? []} t={t} onOpen={openMonth} disabled={working} />
                {runProblems.length > 0 && (
                  // Open by itself when there are errors (remounted when that changes); warnings only: closed.
                  <Accordion key={errors.length > 0 ? "errors" : "warnings"} collapsible defaultOpenItems={errors.length > 0 ? ["problems"] : []}>
                    <AccordionItem value="problems">
                      <AccordionHeader>{t.problemsHeading(errors.length, warnings.length)}</AccordionHeader>
                      <AccordionPanel>
                        <ProblemList problems={runProblems} t={t} locale={locale} canSelect={canSelect} onSelect={select} label={t.problemsHeading(errors.length, warnings.length)} />
                      </AccordionPanel>
                    </AccordionItem>
                  </Accordion>
                )}
              </>
            )}

            {tab === "months" && month !== null && draft && (
              <section className={styles.month} aria-labelledby="month-heading">
                <div className={styles.monthHead}>
                  <Button className={styles.back} appearance="subtle" onClick={backToMonths}>
                    ← {t.backToMonths}
                  </Button>
                  <h2 id="month-heading" ref={monthHeading} tabIndex={-1} className={styles.monthTitle}>
                    {t.monthLabel(month)}
                  </h2>
                  {current && <MonthBadges m={current} t={t} className={styles.badges} />}
                </div>
                <div className={styles.toolbar}>
                  {!frozen && (
                    <Button
                      appearance="primary"
                      data-testid="compute-month"
                      disabledFocusable={working}
                      onClick={() =>
                        void run(
                          (s) => s.computeMonth(draft, setBusy),
                          (r) => (x) => x.scored(r.months, r.cells),
                        ).then(() => results.current?.scrollIntoView?.({ block: "start" }))
                      }
                    >
                      {t.computeMonth}
                    </Button>
                  )}
                  {!frozen && (
                    <Button data-testid="save-month" disabledFocusable={working} onClick={() => void run((s) => s.saveMonth(draft, setBusy), (r) => (x) => (r.kind === "unchanged" ? x.unchanged : x.saved(r.cells)))}>
                      {t.saveMonth}
                    </Button>
                  )}
                  <Button
                    data-testid={frozen ? "unfreeze" : "freeze"}
                    appearance={frozen ? "secondary" : "outline"}
                    disabledFocusable={working}
                    onClick={() => setDialog(frozen ? "unfreeze" : "freeze")}
                    {...restoreFocus}
                  >
                    {frozen ? t.unfreeze : t.freeze}
                  </Button>
                </div>
                {frozen && (
                  <MessageBar intent="info" layout="multiline" data-testid="frozen-notice">
                    <MessageBarBody>
                      {t.frozenNotice(frozen.at, frozen.who)}
                      {frozen.changed && ` ${t.frozenChanged}`}
                    </MessageBarBody>
                  </MessageBar>
                )}
                <ProblemList problems={monthProblems} t={t} locale={locale} canSelect={canSelect} onSelect={select} label={t.monthProblems} />
                {/* The scores first: at 320 px the form below is thousands of pixels long. */}
                <div ref={results}>
                  <ResultsView score={session.score(month)} t={t} locale={locale} />
                </div>
                <MonthForm values={draft.indicators} messages={fieldMessages} onChange={setIndicator} t={t} locale={locale} disabled={working} readOnly={frozen !== null} />
                <EventsEditor events={draft.events} problems={eventProblems} ladder={result.rules.options.penaltyLadder} onChange={setEvents} t={t} locale={locale} disabled={working} readOnly={frozen !== null} />
                <ReportsEditor month={month} reports={draft.reports} problems={reportProblems} onChange={setReports} t={t} locale={locale} disabled={working} readOnly={frozen !== null} />
              </section>
            )}

            {tab === "settings" && settings && (
              <SettingsPanel
                draft={settings}
                problems={settingsProblems}
                onChange={setSetting}
                onSave={() => void run((s) => s.saveSettings(settings, setBusy), (r) => (x) => (r.kind === "unchanged" ? x.unchanged : x.settingsSaved))}
                onReset={resetSettings}
                t={t}
                locale={locale}
                disabled={working}
              />
            )}
            <FreezeDialog open={dialog === "freeze"} onClose={() => setDialog(null)} t={t} monthLabel={monthName} who={who} dirty={dirty} onConfirm={freeze} />
            <UnfreezeDialog open={dialog === "unfreeze"} onClose={() => setDialog(null)} t={t} monthLabel={monthName} who={who} onConfirm={unfreeze} />
            <UndoDialog open={dialog === "undo"} onClose={() => setDialog(null)} t={t} preview={undoPreview} locale={locale} onConfirm={undo} />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
