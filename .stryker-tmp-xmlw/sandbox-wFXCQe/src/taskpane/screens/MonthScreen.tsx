/**
 * One month's page. At the top a sticky bar: the month, its 考核得分 large — or 「需要重新计算」
 * when the workbook's cell is empty or not what the inputs give, or the month's state — and the
 * actions 计算本月 / 保存本月输入 / 定稿 (disabled with the reason when it cannot work). Below, in
 * Tab order right after the bar: the fields (指标录入), the month's problems, 加减分事件 and
 * 报告提交; last the item scores with their explanations, collapsed.
 *
 * One truth: with the form unedited, badge, problems and results are the workbook's (and a stale
 * month shows no score); once edited, the bar says the score does not include the edits, and the
 * problems are the form's, headed as not computed yet.
 *
 * Data-testids: month-score (data-state: scored | stale | errors | incomplete | not-started, and
 * data-draft="true" while the form holds edits), stale-notice, freeze-reason, month-problems,
 * results-section; compute-month, save-month, freeze / unfreeze, frozen-notice as before.
 */
// @ts-nocheck

import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  typographyStyles,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type ReactNode } from "react";
import type { IndicatorKey } from "../../domain";
import type { EventDraft, ReportDraft } from "../../workbook/drafts/input-rows";
import type { Message } from "../components/fields";
import { EventsEditor } from "../components/EventsEditor";
import { indicatorMessages, MonthForm } from "../components/MonthForm";
import { ProblemList } from "../components/ProblemList";
import { ReportsEditor } from "../components/ReportsEditor";
import { ResultsView } from "../components/ResultsView";
import type { MonthStatus, PaneProblem } from "../session";
import { monthDirty, type MonthDraftAction, type MonthDraftState } from "../state/monthDraft";
import { seeAlsoIn, type ScreenProps } from "./types";

const useStyles = makeStyles({
  month: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  back: { alignSelf: "flex-start" },
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  barHead: { display: "flex", alignItems: "baseline", justifyContent: "space-between", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  monthTitle: { ...typographyStyles.subtitle1, margin: 0 },
  score: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalXS, fontVariantNumeric: "tabular-nums" },
  scoreCaption: { color: tokens.colorNeutralForeground2 },
  scoreValue: { ...typographyStyles.title2, margin: 0 },
  scoreStale: { ...typographyStyles.subtitle2, color: tokens.colorPaletteDarkOrangeForeground1 },
  scoreOther: { ...typographyStyles.subtitle2 },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  pending: { color: tokens.colorPaletteDarkOrangeForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  reason: { color: tokens.colorNeutralForeground3 },
  sectionHeader: { ...typographyStyles.subtitle2 },
  summary: { ...typographyStyles.body1, color: tokens.colorNeutralForeground3 },
});

export interface MonthScreenProps extends ScreenProps {
  month: MonthDraftState;
  dispatch: Dispatch<MonthDraftAction>;
  onBack: () => void;
  onCompute: () => void;
  onSave: () => void;
  onTrust: (dialog: "freeze" | "unfreeze") => void;
  onSelect: (p: PaneProblem) => void;
}

type ScoreState = "scored" | "stale" | "errors" | "incomplete" | "not-started";

const errorCount = (problems: readonly { severity: string }[]) => problems.filter((p) => p.severity === "error").length;

/**
 * A section of the month page that collapses (data-testid `${id}-section`, its header's id
 * `${id}-heading`, which the editor's <section> is labelled by). Opens by itself when `open`
 * becomes true (it came to hold an error); otherwise the clerk's choice stays. Never remounted, so
 * typing in it keeps the focus.
 */
function Collapsible({ id, heading, summary, open, className, children }: { id: string; heading: string; summary: string; open: boolean; className: Record<"sectionHeader" | "summary", string>; children: ReactNode }) {
  const [items, setItems] = useState<string[]>(open ? [id] : []);
  useEffect(() => {
    if (open) setItems((now) => (now.includes(id) ? now : [...now, id]));
  }, [open, id]);
  return (
    <Accordion collapsible openItems={items} onToggle={(_e, d) => setItems(d.openItems.map(String))} data-testid={`${id}-section`}>
      <AccordionItem value={id}>
        <AccordionHeader as="h3" id={`${id}-heading`} className={className.sectionHeader}>
          {heading}
          <span className={className.summary} data-testid={`${id}-summary`}>{` · ${summary}`}</span>
        </AccordionHeader>
        <AccordionPanel>{children}</AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

/** The big 考核得分 of the bar, or what stands in for it. */
function ScoreShown({ status, t, className }: { status: MonthStatus | null; t: ScreenProps["t"]; className: Record<"score" | "scoreCaption" | "scoreValue" | "scoreStale" | "scoreOther", string> }) {
  const state: ScoreState = status?.state ?? "not-started";
  let text: string;
  if (state === "scored") text = status?.total ?? "";
  else if (state === "stale") text = t.stateStale;
  else if (state === "errors") text = t.stateErrors(status?.errors ?? 0);
  else if (state === "incomplete") text = t.stateIncomplete(status?.missing ?? 0);
  else text = t.stateNotStarted;
  return (
    <span className={className.score} data-testid="month-score" data-state={state} role="group" aria-label={`${t.scoreCaption} ${text}`}>
      {state === "scored" && <span className={className.scoreCaption}>{t.scoreCaption}</span>}
      <span className={state === "scored" ? className.scoreValue : state === "stale" ? className.scoreStale : className.scoreOther}>{text}</span>
    </span>
  );
}

export const MonthScreen = forwardRef<HTMLHeadingElement, MonthScreenProps>(function MonthScreen(
  { session, t, locale, busy, version, month: state, dispatch, onBack, onCompute, onSave, onTrust, onSelect },
  heading,
) {
  const styles = useStyles();
  const restoreFocus = useRestoreFocusTarget();
  const { month, draft, touched, showMissing } = state;
  const view = useMemo(() => ({ months: session.months(), problems: session.problems() }), [session, version]);
  const status = view.months.find((m) => m.month === month) ?? null;
  const seeAlso = useMemo(() => seeAlsoIn(session), [session, version]);
  const frozen = status?.frozen ?? null;
  const dirty = monthDirty(state);

  const draftProblems = useMemo(() => (draft ? session.validate(draft) : []), [session, draft]);
  const previousMessages = useRef(new Map<IndicatorKey, readonly Message[]>());
  const fieldMessages = useMemo(() => {
    const next = indicatorMessages(draftProblems, (k) => showMissing || touched.has(k), previousMessages.current);
    previousMessages.current = next;
    return next;
  }, [draftProblems, showMissing, touched]);
  const eventProblems = useMemo(() => draftProblems.filter((p) => p.target.kind === "event"), [draftProblems]);
  const reportProblems = useMemo(() => draftProblems.filter((p) => p.target.kind === "report"), [draftProblems]);

  /**
   * The month's problems, each once. Unedited: the run's (with their cell; a frozen month's
   * "not rewritten" warning is left to the frozen notice). Edited: the form's month-level ones
   * (its field problems are at the fields), headed as not computed yet.
   */
  const monthProblems = useMemo((): PaneProblem[] => {
    if (dirty) {
      return draftProblems
        .filter((p) => p.target.kind === "month")
        .map((p) => ({ severity: p.severity, message: p.message, messageEn: p.messageEn, sheet: null, cell: null, indicator: "", month: month ?? undefined }));
    }
    return view.problems.filter((p) => p.month === month && !(frozen && p.code === "scorecard-frozen"));
  }, [dirty, draftProblems, view, month, frozen]);

  const setIndicator = useCallback((key: IndicatorKey, value: string) => dispatch({ type: "indicator", key, value }), [dispatch]);
  const setEvents = useCallback((events: EventDraft[]) => dispatch({ type: "events", events }), [dispatch]);
  const setReports = useCallback((reports: ReportDraft[]) => dispatch({ type: "reports", reports }), [dispatch]);

  if (month === null || !draft) return null;
  const rules = session.rules;
  const score = session.score(month);
  const stale = status?.state === "stale";
  const freezeBlocked = !frozen && status !== null && (status.state === "not-started" || status.state === "incomplete" || status.state === "errors") ? status.state : null;
  const problemsHeading = dirty || stale ? t.draftProblemsHeading : t.monthProblems;
  const below = status?.state === "scored" && status.belowThreshold;

  return (
    <section className={styles.month} aria-labelledby="month-heading">
      <Button className={styles.back} appearance="subtle" onClick={onBack}>
        ← {t.backToMonths}
      </Button>
      <div className={styles.bar} data-testid="month-bar">
        <div className={styles.barHead}>
          <h2 id="month-heading" ref={heading} tabIndex={-1} className={styles.monthTitle}>
            {t.monthLabel(month)}
          </h2>
          <ScoreShown status={status} t={t} className={styles} />
        </div>
        {(frozen || below) && (
          <span className={styles.badges}>
            {frozen && (
              <Badge color="brand" appearance="filled" data-badge="frozen">
                {t.frozenBadge}
              </Badge>
            )}
            {below && (
              <Badge color="warning" appearance="tint" data-badge="below">
                {t.belowPass(rules?.contract.threshold ?? "")}
              </Badge>
            )}
          </span>
        )}
        {dirty && (
          <Caption1 className={styles.pending} data-testid="draft-pending">
            {t.draftPending}
          </Caption1>
        )}
        <div className={styles.actions}>
          {!frozen && (
            <Button appearance="primary" size="small" data-testid="compute-month" disabledFocusable={busy} onClick={onCompute}>
              {t.computeMonth}
            </Button>
          )}
          {!frozen && (
            <Button size="small" data-testid="save-month" disabledFocusable={busy} onClick={onSave}>
              {t.saveMonth}
            </Button>
          )}
          <Button
            data-testid={frozen ? "unfreeze" : "freeze"}
            appearance={frozen ? "secondary" : "outline"}
            size="small"
            disabledFocusable={busy || freezeBlocked !== null}
            aria-describedby={freezeBlocked ? "freeze-reason" : undefined}
            onClick={() => onTrust(frozen ? "unfreeze" : "freeze")}
            {...restoreFocus}
          >
            {frozen ? t.unfreeze : t.freeze}
          </Button>
        </div>
        {freezeBlocked && (
          <Caption1 id="freeze-reason" className={styles.reason} data-testid="freeze-reason">
            {t.freezeNeedsScore(freezeBlocked)}
          </Caption1>
        )}
      </div>
      {frozen && (
        <MessageBar intent="info" layout="multiline" data-testid="frozen-notice">
          <MessageBarBody>
            {t.frozenNotice(frozen.at, frozen.who)}
            {frozen.changed && ` ${t.frozenChanged}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {stale && !dirty && (
        <MessageBar intent="warning" layout="multiline" data-testid="stale-notice">
          <MessageBarBody>{t.staleDetail(status?.totalCell ?? null, status?.held ?? null)}</MessageBarBody>
        </MessageBar>
      )}
      <MonthForm values={draft.indicators} messages={fieldMessages} onChange={setIndicator} t={t} locale={locale} disabled={busy} readOnly={frozen !== null} />
      {monthProblems.length > 0 && (
        <div data-testid="month-problems" data-source={dirty ? "draft" : "workbook"}>
          {(dirty || stale) && (
            <Caption1 className={styles.pending} data-testid="month-problems-pending">
              {t.draftProblemsHeading}
            </Caption1>
          )}
          <ProblemList problems={monthProblems} t={t} locale={locale} canSelect={session.canSelect} onSelect={onSelect} label={problemsHeading} seeAlso={seeAlso} />
        </div>
      )}
      {/* 加减分事件 and 报告提交 collapse: closed when empty or all is well, open while they hold an error. */}
      {rules && (
        <Collapsible
          id="events"
          heading={t.eventsHeading}
          summary={t.sectionSummary(draft.events.length, errorCount(eventProblems))}
          open={errorCount(eventProblems) > 0}
          className={styles}
        >
          <EventsEditor events={draft.events} problems={eventProblems} ladder={rules.options.penaltyLadder} onChange={setEvents} t={t} locale={locale} disabled={busy} readOnly={frozen !== null} heading={false} />
        </Collapsible>
      )}
      <Collapsible id="reports" heading={t.reportsHeading} summary={t.sectionSummary(draft.reports.length, errorCount(reportProblems))} open={errorCount(reportProblems) > 0} className={styles}>
        <ReportsEditor
          month={month}
          reports={draft.reports}
          problems={reportProblems}
          onChange={setReports}
          t={t}
          locale={locale}
          disabled={busy}
          readOnly={frozen !== null}
          rules={rules}
          logged={session.inputs?.reports}
          heading={false}
        />
      </Collapsible>
      {/* The item scores and their explanations, collapsed: what the workbook holds, so none while it needs recomputing. */}
      <Accordion collapsible data-testid="results-section">
        <AccordionItem value="results">
          <AccordionHeader className={styles.sectionHeader}>{t.resultsSection}</AccordionHeader>
          <AccordionPanel>{stale ? <Caption1>{t.stateStale}</Caption1> : <ResultsView score={status?.state === "scored" ? score : null} t={t} locale={locale} rules={rules} />}</AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
});
