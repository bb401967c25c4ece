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
 *   month-YYYY-MM  each month of the month list (e.g. month-2025-10), with data-state =
 *                  not-started | incomplete | errors | scored
 *   field-<key>    each indicator control, key from INDICATOR_FIELDS (field-headcount, field-examSat…);
 *                  on the <input> of a number field, on the dropdown button of a 是/否 field
 *   status         the status line (role="status")
 *   month-total    the month's 考核得分 in the results; results: the results section
 *   event-N / report-N   the Nth event / report card (0-based); instalment-N  the Nth instalment
 *   setting-N      the Nth 规则设置 parameter control (RULE_SETTINGS order); save-settings its save button
 * Accessible names: every control has a label (Field label or Switch label); buttons are named by
 * their text (STRINGS in i18n.ts); the language switch is the button named "English" / "中文".
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
  tokens,
  typographyStyles,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { IndicatorKey, MonthKey } from "../domain";
import { draftChanged, type EventDraft, type MonthDraft, type ReportDraft, type SettingsDraft } from "../workbook/input-rows";
import type { Message } from "./components/fields";
import { EventsEditor } from "./components/EventsEditor";
import { FileBar } from "./components/FileBar";
import { indicatorMessages, MonthForm } from "./components/MonthForm";
import { MonthList, monthStateText } from "./components/MonthList";
import { ProblemList } from "./components/ProblemList";
import { ReportsEditor } from "./components/ReportsEditor";
import { ResultsView } from "./components/ResultsView";
import { SettingsPanel } from "./components/SettingsPanel";
import { downloadFile, openWorkbookFile } from "./file";
import { confirmExcelHost, describeError, logOfficeError, type HostInfo } from "./host";
import { pick, STRINGS, type Locale, type Strings } from "./i18n";
import { Session, type ActionResult, type PaneAdapter, type PaneProblem, type Phase } from "./session";

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
  titleRow: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  status: { color: tokens.colorNeutralForeground3 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  month: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  monthHead: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  back: { alignSelf: "flex-start" },
  monthTitle: { ...typographyStyles.subtitle1, margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
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
  /** The clock (tests). */
  now?: () => Date;
}

type StatusFn = (t: Strings) => string;

const PHASES: readonly Phase[] = ["read", "score", "write"];
const NO_PROBLEMS: PaneProblem[] = [];

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
  const [hostWarning, setHostWarning] = useState<string | null>(null);
  const monthHeading = useRef<HTMLHeadingElement>(null);
  const results = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = locale;
  }, [locale]);

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
      const s = new Session(a, now ? { now } : {});
      setBusy("read");
      setError(null);
      setRefusal([]);
      try {
        const r = await s.load(setBusy);
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
  const monthRunProblems = useMemo(() => (view && month ? view.problems.filter((p) => p.month === month) : []), [view, month]);
  const settingsProblems = useMemo(() => (session && settings ? session.validateSettings(settings) : {}), [session, settings]);

  const openMonth = useCallback(
    (m: MonthKey) => {
      if (!session) return;
      setMonth(m);
      setDraft(session.monthDraft(m));
      setTouched(new Set());
      setShowMissing(false);
      setRefusal([]);
    },
    [session],
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
      fail(e);
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

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale} className={styles.provider}>
      <main className={styles.main}>
        <header className={styles.header}>
          <div className={styles.titleRow}>
            <Title3 as="h1">{t.title}</Title3>
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

        {!session && !host.inOffice && !working && <Caption1 className={styles.muted}>{t.openFirst}</Caption1>}

        {session && result && (
          <>
            <div className={styles.toolbar} role="toolbar" aria-label={t.title}>
              <Button
                appearance="primary"
                data-testid="recompute-all"
                disabled={working}
                onClick={() => void run((s) => s.recomputeAll(draft, setBusy), (r) => (x) => x.recomputed(r.months, r.paymentSheet))}
              >
                {t.recomputeAll}
              </Button>
              <Button data-testid="settle" disabled={working} onClick={() => void run((s) => s.settle(draft, setBusy), (r) => (x) => x.settled(r.paymentSheet))}>
                {t.settle}
              </Button>
              <Button appearance="subtle" data-testid="reload" disabled={working} onClick={() => void reload()}>
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
                  {current && <Caption1 className={styles.muted}>{monthStateText(t, current)}</Caption1>}
                </div>
                <div className={styles.toolbar}>
                  <Button
                    appearance="primary"
                    data-testid="compute-month"
                    disabled={working}
                    onClick={() =>
                      void run(
                        (s) => s.computeMonth(draft, setBusy),
                        (r) => (x) => x.scored(r.months, r.cells),
                      ).then(() => results.current?.scrollIntoView?.({ block: "start" }))
                    }
                  >
                    {t.computeMonth}
                  </Button>
                  <Button data-testid="save-month" disabled={working} onClick={() => void run((s) => s.saveMonth(draft, setBusy), (r) => (x) => (r.kind === "unchanged" ? x.unchanged : x.saved(r.cells)))}>
                    {t.saveMonth}
                  </Button>
                </div>
                {monthLevel.length > 0 && (
                  <ul className={styles.list} aria-label={t.monthProblems}>
                    {monthLevel.map((p, i) => (
                      <li key={i} className={p.severity === "error" ? styles.error : styles.warning}>
                        <Caption1>{pick(locale, p)}</Caption1>
                      </li>
                    ))}
                  </ul>
                )}
                <ProblemList problems={monthRunProblems} t={t} locale={locale} canSelect={canSelect} onSelect={select} label={t.monthProblems} />
                <MonthForm values={draft.indicators} messages={fieldMessages} onChange={setIndicator} t={t} locale={locale} disabled={working} />
                <EventsEditor events={draft.events} problems={eventProblems} ladder={result.rules.options.penaltyLadder} onChange={setEvents} t={t} locale={locale} disabled={working} />
                <ReportsEditor month={month} reports={draft.reports} problems={reportProblems} onChange={setReports} t={t} locale={locale} disabled={working} />
                <div ref={results}>
                  <ResultsView score={session.score(month)} t={t} locale={locale} />
                </div>
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
          </>
        )}
      </main>
    </FluentProvider>
  );
}
