/**
 * The indicators of 指标录入 for one month, each in a labelled Field with its SPEC §6 check shown
 * under it as you type (the reader's parsing and the engine's scoreMonth on the draft). "Not
 * filled in" is only shown for a field once it was touched, or after a save or a score was tried.
 */
import { Field, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { INDICATOR_FIELDS, type IndicatorKey } from "../../domain";
import type { DraftProblem, IndicatorTexts } from "../../workbook/input-rows";
import type { Locale, Strings } from "../i18n";
import { Choice, useFieldStyles, validation } from "./fields";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
});

export interface MonthFormProps {
  values: IndicatorTexts;
  problems: readonly DraftProblem[];
  /** Fields whose "not filled in" is shown: touched ones, or all (after a save or score was tried). */
  showMissing: (key: IndicatorKey) => boolean;
  onChange: (key: IndicatorKey, value: string) => void;
  t: Strings;
  locale: Locale;
  disabled?: boolean;
}

export function MonthForm({ values, problems, showMissing, onChange, t, locale, disabled }: MonthFormProps) {
  const styles = useStyles();
  const fieldStyles = useFieldStyles();
  const messagesOf = (key: IndicatorKey) =>
    problems.filter((p) => p.target.kind === "indicator" && p.target.key === key && (p.code !== "missing" || showMissing(key)));
  return (
    <section className={styles.section} aria-labelledby="indicators-heading">
      <Subtitle2 as="h3" id="indicators-heading">
        {t.indicatorsHeading}
      </Subtitle2>
      {INDICATOR_FIELDS.map((f) => {
        const label = t.indicatorLabel(f.key);
        const hint = f.optional ? t.optionalHint : undefined;
        const messages = messagesOf(f.key);
        if (f.kind === "yesno") {
          return (
            <Choice
              key={f.key}
              label={label}
              hint={hint}
              value={values[f.key] ?? ""}
              options={[
                ["是", t.yes],
                ["否", t.no],
              ]}
              placeholder={t.blank}
              onChange={(v) => onChange(f.key, v)}
              messages={messages}
              locale={locale}
              testId={`field-${f.key}`}
              disabled={disabled}
            />
          );
        }
        return (
          <Field key={f.key} label={label} hint={hint} className={fieldStyles.field} {...validation(messages, locale)}>
            <Input
              className={fieldStyles.control}
              value={values[f.key] ?? ""}
              inputMode="decimal"
              autoComplete="off"
              disabled={disabled}
              data-testid={`field-${f.key}`}
              onChange={(_e, data) => onChange(f.key, data.value)}
            />
          </Field>
        );
      })}
    </section>
  );
}
