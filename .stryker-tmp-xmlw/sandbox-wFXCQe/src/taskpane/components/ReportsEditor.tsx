/**
 * The rows of 报告提交 scored in this month (row 4, 数据分析): each report by the period it reports on
 * (报告所属期间) with its due date (应交日期, SPEC §3, computed by the engine's calendar), the sheet row
 * it came from, and its kind, period, submission date, extension approved. A report whose period
 * now falls due in another month says where it will be scored. 添加报告 proposes the first report
 * due in the month not logged yet (nextReport), never a period already logged.
 */
// @ts-nocheck

import { memo } from "react";
import { Button, Caption1, Field, Input, Subtitle2, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { defaultRules, type RuleSet } from "../../domain";
import { nextReport, reportDue, type DraftProblem, type ReportDraft } from "../../workbook/drafts/input-rows";
import type { Locale, Strings } from "../i18n";
import { EditorCard, useEditorStyles } from "./EventsEditor";
import { Choice, useFieldStyles, validation } from "./fields";
import { Unbroken } from "./text";

const useStyles = makeStyles({
  due: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
  dueDate: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1, whiteSpace: "nowrap" },
  elsewhere: { color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The fields of a report card: a problem of another key is shown on the card itself. */
const REPORT_FIELDS: readonly string[] = ["kind", "period", "submitted", "extensionApproved"];

export interface ReportsEditorProps {
  month: string;
  reports: readonly ReportDraft[];
  problems: readonly DraftProblem[];
  onChange: (reports: ReportDraft[]) => void;
  t: Strings;
  locale: Locale;
  disabled?: boolean;
  /** A frozen month: shown, not edited (no add / remove buttons; switches and dropdowns disabled). */
  readOnly?: boolean;
  /** The rules in force (the calendar and 年报所属年度 decide due dates); default: the contract's. */
  rules?: RuleSet;
  /** Every row of 报告提交 (kind, period), so 添加报告 never proposes a period logged for another month. */
  logged?: readonly { kind: string; period: string }[];
  /** False: no heading of its own (the month page's collapsible section header, id "reports-heading", names it). */
  heading?: boolean;
}

export const ReportsEditor = memo(function ReportsEditor({ month, reports, problems, onChange, t, locale, disabled, readOnly, rules = defaultRules(), logged = [], heading = true }: ReportsEditorProps) {
  const styles = useEditorStyles();
  const own = useStyles();
  const fieldStyles = useFieldStyles();
  const set = (i: number, patch: Partial<ReportDraft>) => onChange(reports.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const messages = (i: number, key: string) => problems.filter((p) => p.target.kind === "report" && p.target.index === i && p.target.key === key);
  const otherMessages = (i: number) => problems.filter((p) => p.target.kind === "report" && p.target.index === i && !REPORT_FIELDS.includes(p.target.key));
  return (
    <section className={styles.section} aria-labelledby="reports-heading">
      {heading && (
        <Subtitle2 as="h3" id="reports-heading">
          {t.reportsHeading}
        </Subtitle2>
      )}
      <Caption1 className={own.muted}>{t.reportsIntro}</Caption1>
      {reports.length === 0 && <Caption1>{t.noReports}</Caption1>}
      <ul className={styles.list}>
        {reports.map((r, i) => {
          const n = i + 1;
          const due = reportDue(r.kind, r.period, rules);
          const title = `${t.reportTitle(n)} · ${due ? t.reportPeriodTitle(due.kind, due.period) : t.reportPeriodTitle(r.kind, r.period)}`;
          return (
            <EditorCard key={`${r.row ?? "new"}-${i}`} title={title} testId={`report-${i}`} removeLabel={t.removeReport(n)} onRemove={() => onChange(reports.filter((_x, j) => j !== i))} readOnly={readOnly} disabled={disabled} messages={otherMessages(i)} locale={locale}>
              <Caption1 className={own.due} data-testid={`report-${i}-due`} data-due={due?.due ?? ""}>
                {due ? (
                  <>
                    <span className={own.dueDate}>{t.reportDue(due.due)}</span>
                    {due.month !== month && (
                      <span className={own.elsewhere}>
                        <Unbroken text={t.reportScoredIn(due.month)} />
                      </span>
                    )}
                  </>
                ) : (
                  <span>{t.reportNoDue}</span>
                )}
                {r.row !== null && (
                  <span className={own.muted}>
                    <Unbroken text={t.reportRow(r.row)} />
                  </span>
                )}
              </Caption1>
              <Choice
                label={t.reportKind}
                value={r.kind}
                options={["月报", "季报", "年报"].map((k) => [k, t.optionLabel(k)] as const)}
                placeholder={t.blank}
                onChange={(v) => set(i, { kind: v })}
                messages={messages(i, "kind")}
                locale={locale}
                disabled={disabled || readOnly}
              />
              <Field label={t.reportPeriod} hint={<Unbroken text={t.reportPeriodHint} />} className={fieldStyles.field} {...validation(messages(i, "period"), locale)}>
                <Input className={fieldStyles.control} value={r.period} disabled={disabled} readOnly={readOnly} onChange={(_x, d) => set(i, { period: d.value })} />
              </Field>
              <Field label={t.submitted} hint={<Unbroken text={t.submittedHint} />} className={fieldStyles.field} {...validation(messages(i, "submitted"), locale)}>
                <Input className={fieldStyles.control} value={r.submitted} disabled={disabled} readOnly={readOnly} onChange={(_x, d) => set(i, { submitted: d.value })} />
              </Field>
              <Field className={fieldStyles.field} {...validation(messages(i, "extensionApproved"), locale)}>
                <Switch label={t.extension} checked={r.extensionApproved === true} disabled={disabled || readOnly} onChange={(_x, d) => set(i, { extensionApproved: d.checked })} />
              </Field>
            </EditorCard>
          );
        })}
      </ul>
      {!readOnly && (
        <Button className={styles.add} disabled={disabled} data-testid="add-report" onClick={() => onChange([...reports, nextReport(month, [...reports, ...logged], rules)])}>
          {t.addReport}
        </Button>
      )}
    </section>
  );
});
