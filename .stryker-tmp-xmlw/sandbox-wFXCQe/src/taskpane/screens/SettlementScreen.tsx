/**
 * 付款结算 in the pane (issue 15 point 5): per instalment its months, the average (final or so far),
 * the deduction, the amount payable in figures and 大写, the invoice / receipt / paid dates
 * (editable, checked as typed by the reader and settle() — payment-rows.ts — and saved to 付款记录),
 * the due date in PRC working days, days late and the late charge. The figures are the workbook's
 * (the session's last run): while dates are edited and not saved, a note says so.
 *
 * Buttons:
 *   保存付款日期 (save-payments)  writes only the changed dates to 付款记录; refused, with every
 *                                 error at its field, while a date has an error.
 *   放弃修改 (discard-payments)    puts the dates back as the workbook has them.
 *   重算并结算 (settle-all)        recomputes every month and rewrites 付款结算 (session.settle):
 *                                 全部重算 and 结算 are one action to a clerk.
 * Test ids: screen-settlement; settlement-N (a card), settlement-N-{average,deduction,payable,
 * payable-upper,due-date,days-late,late-charge}; instalment-N-{invoice,received,paid}-date (inputs);
 * settlement-totals; payments-refused; payments-note.
 */
// @ts-nocheck

import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  loadPaymentDraft,
  paymentDraftChanged,
  planPaymentDraft,
  validatePaymentDraft,
  PAYMENT_HEADERS,
  PAYMENT_FIELDS,
  type PaymentDraft,
  type PaymentField,
  type PaymentProblem,
} from "../../workbook/drafts/payment-rows";
import { INPUT_SHEETS } from "../../workbook/read/sheet-names";
import { pick, type Locale } from "../i18n";
import type { PaneProblem } from "../session";
import { settlementFigures, type InstalmentFigures } from "./settlement-view";
import { SETTLEMENT_STRINGS, type SettlementStrings } from "./settlement-strings";
import type { ScreenProps } from "./types";

export const useScreenStyles = makeStyles({
  screen: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  title: { margin: 0 },
  figures: { display: "grid", gridTemplateColumns: "max-content minmax(0, 1fr)", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, margin: 0 },
  value: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums", overflowWrap: "break-word" },
  /** A date never breaks at its hyphens. */
  nowrap: { whiteSpace: "nowrap" },
  /** Two controls side by side when there is room (one column at 320 px only when a label is long). */
  pair: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(128px, 1fr))", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, minWidth: 0 },
  /** One row of a list (an instalment's terms, a holiday): separated from the one before. */
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    margin: 0,
    padding: `${tokens.spacingVerticalS} 0 0 0`,
    border: "none",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  strong: { fontWeight: tokens.fontWeightSemibold },
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  control: { width: "100%", minWidth: 0, maxWidth: "100%" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  /** The save bar stays in view while a long list is edited. */
  sticky: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const TEST_KEY: Record<PaymentField, string> = { invoiceDate: "invoice", receivedDate: "received", paidDate: "paid" };

const ISO_DATE = /(\d{4}-\d{2}-\d{2})/;

/** Text with its ISO dates kept whole on one line (the text itself unchanged). */
export function DatesWhole({ text }: { text: string }) {
  const styles = useScreenStyles();
  return (
    <>
      {text.split(ISO_DATE).map((part, i) =>
        ISO_DATE.test(part) ? (
          <span key={i} className={styles.nowrap}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** One figure of a card; `zh`: a Chinese value (the amount in 大写), marked lang="zh-CN". */
function Figure({ label, value, testId, strong, zh }: { label: string; value: string; testId?: string; strong?: boolean; zh?: boolean }) {
  const styles = useScreenStyles();
  return (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd className={`${styles.value} ${strong ? styles.strong : ""}`} data-testid={testId} lang={zh ? "zh-CN" : undefined}>
        <DatesWhole text={value} />
      </dd>
    </>
  );
}

interface CardProps {
  f: InstalmentFigures;
  s: SettlementStrings;
  row: PaymentDraft["rows"][number] | undefined;
  problems: readonly PaymentProblem[];
  dirty: boolean;
  disabled: boolean;
  onChange: (number: number, field: PaymentField, value: string) => void;
  locale: ScreenProps["locale"];
  threshold: string;
}

function InstalmentCard({ threshold, f, s, row, problems, dirty, disabled, onChange, locale }: CardProps) {
  const styles = useScreenStyles();
  const id = `settlement-${f.number}`;
  const final = f.state === "final" || f.state === "untied";
  const hint: Record<PaymentField, string> = { invoiceDate: s.invoiceHint(f.invoiceNotBefore), receivedDate: s.receivedHint, paidDate: s.paidHint };
  const label: Record<PaymentField, string> = { invoiceDate: s.invoiceDate, receivedDate: s.receivedDate, paidDate: s.paidDate };
  return (
    <section className={styles.card} aria-labelledby={`${id}-title`} data-testid={id} data-state={f.state}>
      <Subtitle2 as="h3" id={`${id}-title`} className={styles.title}>
        {s.instalmentTitle(f.number, f.share, f.amount)}
      </Subtitle2>
      <Caption1 className={styles.muted}>{s.status[f.status]}</Caption1>
      <dl className={styles.figures}>
        <Figure label={s.months} value={f.state === "untied" ? s.untied : s.monthsText(f.months, f.monthsScored)} />
        {f.state !== "untied" && (
          <Figure
            label={s.average}
            value={
              f.average === null ? s.noScore : `${s.averageText(f.average, f.state === "final")}${f.pointsBelow !== null && f.pointsBelow !== "0.00" ? s.pointsBelow(f.pointsBelow, threshold) : ""}`
            }
            testId={`${id}-average`}
          />
        )}
        <Figure label={s.deduction} value={f.deduction === null ? "—" : final ? f.deduction : s.projected(f.deduction)} testId={`${id}-deduction`} />
        <Figure label={s.payable} value={f.payable ?? s.pendingPayable(f.missing)} testId={`${id}-payable`} strong />
        {f.payableUpper !== null && <Figure label={s.payableUpper} value={f.payableUpper} testId={`${id}-payable-upper`} zh />}
      </dl>
      <div className={styles.fields}>
        {PAYMENT_FIELDS.map((field) => {
          const mine = problems.filter((p) => p.field === field);
          const error = mine.find((p) => p.severity === "error");
          const message = mine.map((p) => pick(locale, p)).join("；");
          return (
            <Field
              key={field}
              label={label[field]}
              hint={hint[field]}
              validationState={mine.length === 0 ? undefined : error ? "error" : "warning"}
              validationMessage={mine.length === 0 ? undefined : message}
            >
              <Input
                className={styles.control}
                value={row?.[field] ?? ""}
                placeholder="yyyy-mm-dd"
                inputMode="numeric"
                disabled={disabled}
                data-testid={`instalment-${f.number}-${TEST_KEY[field]}-date`}
                onChange={(_e, d) => onChange(f.number, field, d.value)}
              />
            </Field>
          );
        })}
      </div>
      <dl className={styles.figures} aria-live="polite">
        <Figure
          label={s.dueDate}
          value={f.dueDate === null ? (f.invoiceDate === null ? s.noDue : "—") : s.dueText(f.dueDate, f.dueWorkingDays, f.clockStart ?? f.receivedDate ?? f.invoiceDate ?? "")}
          testId={`${id}-due-date`}
        />
        <Figure label={s.daysLate} value={s.daysLateText(f.daysLate, f.status === "paid")} testId={`${id}-days-late`} />
        <Figure label={s.lateCharge} value={f.lateCharge ?? (f.daysLate ? s.lateChargePending : "—")} testId={`${id}-late-charge`} />
      </dl>
      {f.overdue && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.overdue(f.terminationAfterDays)}</MessageBarBody>
        </MessageBar>
      )}
      {dirty && <Caption1 className={styles.muted}>{s.unsaved}</Caption1>}
      <Caption1 className={styles.muted} data-testid={`${id}-condition`}>
        {s.condition}
        {s.colon}
        <q lang="zh-CN">{f.condition}</q>
        {locale === "en-US" && ` ${s.conditionGloss(f)}`}
      </Caption1>
    </section>
  );
}

/** Problems as a list, each with the sheet and cell it is about (「（付款记录!B4）」). */
export function LocatedProblems({ problems, locale }: { problems: readonly PaneProblem[]; locale: Locale }) {
  const styles = useScreenStyles();
  return (
    <ul className={styles.list}>
      {problems.map((p, i) => (
        <li key={i}>
          {pick(locale, p)}
          {p.sheet ? `（${p.sheet}${p.cell ? `!${p.cell}` : ""}）` : ""}
        </li>
      ))}
    </ul>
  );
}

export function SettlementScreen({ session, locale, busy, version, run, onDirtyChange, registerSave }: ScreenProps) {
  const styles = useScreenStyles();
  const s = SETTLEMENT_STRINGS[locale];
  const figures = useMemo(() => settlementFigures(session), [session, version]);
  const fresh = () => (session.snapshot ? loadPaymentDraft(session.snapshot, session.rules, session.inputs ?? undefined) : null);
  const [draft, setDraft] = useState<PaymentDraft | null>(fresh);
  const [refused, setRefused] = useState<PaneProblem[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const dirty = draft !== null && paymentDraftChanged(draft);
  // A new view of the workbook (an action, a refresh): the dates follow it unless the clerk is editing them.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    if (!dirtyRef.current) setDraft(fresh());
  }, [session, version]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const problems = useMemo(() => (draft ? validatePaymentDraft(draft, session.rules) : []), [draft, session.rules]);
  // The run's errors in 付款记录 that no date field shows (a 笔次 the contract does not have, a row given twice, a missing column).
  const recordErrors = useMemo(
    () => session.problems().filter((p) => p.severity === "error" && p.sheet === INPUT_SHEETS.payments && !Object.values(PAYMENT_HEADERS).includes(p.indicator)),
    [session, version],
  );
  const errors = problems.filter((p) => p.severity === "error").length;

  // The shell's lost-work guard may save these edits (保存后离开) instead of dropping them.
  const saveRef = useRef<() => Promise<boolean>>(async () => false);
  useEffect(() => registerSave?.(dirty ? () => saveRef.current() : null), [dirty, registerSave]);
  useEffect(() => () => registerSave?.(null), [registerSave]);

  if (!figures || !draft) return <Body1 data-testid="screen-settlement">{s.notRead}</Body1>;

  const change = (number: number, field: PaymentField, value: string) => {
    setNote(null);
    setDraft((d) => (d ? { ...d, rows: d.rows.map((r) => (r.number === number ? { ...r, [field]: value } : r)) } : d));
  };
  /** Saves the edits; true once they are in the workbook (the shell's lost-work guard calls it too). */
  const save = async (): Promise<boolean> => {
    const current = draft;
    const r = await run(
      (progress) => session.saveInputs((snapshot) => planPaymentDraft(snapshot, current, session.rules), progress),
      (x, l) => (x.kind === "unchanged" ? SETTLEMENT_STRINGS[l].unchanged : SETTLEMENT_STRINGS[l].saved(x.cells)),
    );
    if (!r) return false;
    if (r.kind === "refused") {
      setRefused(r.problems);
      return false;
    }
    setRefused([]);
    setNote(r.kind === "unchanged" ? s.unchanged : s.saved(r.cells));
    setDraft(fresh());
    return true;
  };
  saveRef.current = save;
  const discard = () => {
    setRefused([]);
    setNote(null);
    setDraft(fresh());
  };
  const settleAll = async () => {
    setNote(null);
    const r = await run(
      (progress) => session.settle(null, progress),
      (x, l) => SETTLEMENT_STRINGS[l].settled(x.months, x.paymentSheet),
    );
    if (!r) return;
    if (r.kind === "refused") setRefused(r.problems);
    else {
      setRefused([]);
      setNote(s.settled(r.months, r.paymentSheet));
    }
  };

  const cantSave = busy || !dirty || errors > 0;
  return (
    <section className={styles.screen} aria-labelledby="settlement-heading" data-testid="screen-settlement">
      <Subtitle2 as="h2" id="settlement-heading" className={styles.title}>
        {s.heading}
      </Subtitle2>
      <Caption1 className={styles.muted}>{s.intro}</Caption1>
      <div className={styles.bar}>
        <Button appearance="primary" disabledFocusable={busy || dirty} onClick={() => void settleAll()} data-testid="settle-all" aria-describedby="settle-all-help">
          {s.settleAll}
        </Button>
        <Caption1 id="settle-all-help" className={styles.muted}>
          {dirty ? s.settleBlockedDirty : s.settleAllHelp}
        </Caption1>
      </div>
      {(figures.paymentErrors || recordErrors.length > 0) && (
        <MessageBar intent="error" data-testid="payments-errors">
          <MessageBarBody>
            {s.paymentErrors}
            {recordErrors.length > 0 && (
              <LocatedProblems problems={recordErrors} locale={locale} />
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {refused.length > 0 && (
        <MessageBar intent="error" data-testid="payments-refused">
          <MessageBarBody>
            {s.refusedHeading}
            <LocatedProblems problems={refused} locale={locale} />
          </MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <Caption1 role="status" data-testid="payments-note">
          {note}
        </Caption1>
      )}
      {figures.instalments.map((f) => (
        <InstalmentCard
          key={f.number}
          f={f}
          s={s}
          row={draft.rows.find((r) => r.number === f.number)}
          problems={problems.filter((p) => p.number === f.number)}
          dirty={dirty}
          disabled={busy}
          onChange={change}
          locale={locale}
          threshold={figures.threshold}
        />
      ))}
      <div className={`${styles.bar} ${dirty ? styles.sticky : ""}`}>
        <Button appearance="primary" disabledFocusable={cantSave} onClick={() => void saveRef.current()} data-testid="save-payments" aria-describedby="save-payments-help">
          {s.savePayments}
        </Button>
        <Button disabledFocusable={busy || !dirty} onClick={discard} data-testid="discard-payments">
          {s.discard}
        </Button>
        <Caption1 id="save-payments-help" className={styles.muted}>
          {errors > 0 ? s.errorsBlock(errors) : s.saveHelp}
        </Caption1>
      </div>
      {figures.totals && (
        <section className={styles.card} aria-labelledby="settlement-totals-title" data-testid="settlement-totals">
          <Subtitle2 as="h3" id="settlement-totals-title" className={styles.title}>
            {s.totalsHeading}
          </Subtitle2>
          <dl className={styles.figures}>
            <Figure label={s.totalContract} value={figures.totals.contract} />
            <Figure label={s.totalDeductions} value={figures.totals.deductions} />
            <Figure label={s.totalPayable} value={figures.totals.payable} strong />
            <Figure label={s.payableUpper} value={figures.totals.payableUpper} zh />
            <Figure label={s.totalLateCharges} value={figures.totals.lateCharges} />
          </dl>
        </section>
      )}
      <Caption1 className={styles.muted}>{s.asOf(figures.asOf)}</Caption1>
    </section>
  );
}
