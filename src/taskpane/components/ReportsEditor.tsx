/** The rows of 报告提交 due in the month: kind, period, submission date, extension approved. */
import { memo } from "react";
import { Button, Caption1, Field, Input, Subtitle2, Switch } from "@fluentui/react-components";
import { newReport, type DraftProblem, type ReportDraft } from "../../workbook/drafts/input-rows";
import type { Locale, Strings } from "../i18n";
import { EditorCard, useEditorStyles } from "./EventsEditor";
import { Choice, useFieldStyles, validation } from "./fields";

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
}

export const ReportsEditor = memo(function ReportsEditor({ month, reports, problems, onChange, t, locale, disabled, readOnly }: ReportsEditorProps) {
  const styles = useEditorStyles();
  const fieldStyles = useFieldStyles();
  const set = (i: number, patch: Partial<ReportDraft>) => onChange(reports.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const messages = (i: number, key: string) => problems.filter((p) => p.target.kind === "report" && p.target.index === i && p.target.key === key);
  return (
    <section className={styles.section} aria-labelledby="reports-heading">
      <Subtitle2 as="h3" id="reports-heading">
        {t.reportsHeading}
      </Subtitle2>
      {reports.length === 0 && <Caption1>{t.noReports}</Caption1>}
      <ul className={styles.list}>
        {reports.map((r, i) => {
          const n = i + 1;
          return (
            <EditorCard key={`${r.row ?? "new"}-${i}`} title={t.reportTitle(n)} testId={`report-${i}`} removeLabel={t.removeReport(n)} onRemove={() => onChange(reports.filter((_x, j) => j !== i))} readOnly={readOnly} disabled={disabled}>
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
              <Field label={t.reportPeriod} hint={t.reportPeriodHint} className={fieldStyles.field} {...validation(messages(i, "period"), locale)}>
                <Input className={fieldStyles.control} value={r.period} disabled={disabled} readOnly={readOnly} onChange={(_x, d) => set(i, { period: d.value })} />
              </Field>
              <Field label={t.submitted} hint={t.submittedHint} className={fieldStyles.field} {...validation(messages(i, "submitted"), locale)}>
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
        <Button className={styles.add} disabled={disabled} onClick={() => onChange([...reports, newReport(month)])}>
          {t.addReport}
        </Button>
      )}
    </section>
  );
});
