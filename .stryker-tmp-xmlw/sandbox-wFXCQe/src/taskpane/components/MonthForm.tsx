/**
 * The indicators of 指标录入 for one month, each in a labelled Field with its SPEC §6 check shown
 * under it as you type (the reader's parsing and the engine's scoreMonth on the draft). "Not
 * filled in" is only shown for a field once it was touched, or after a save or a score was tried.
 * Each field is memoized: typing re-renders the field typed in and those whose messages changed.
 */
// @ts-nocheck

import { Field, Input, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { memo } from "react";
import { INDICATOR_FIELDS, type IndicatorField, type IndicatorKey } from "../../domain";
import type { DraftProblem, IndicatorTexts } from "../../workbook/drafts/input-rows";
import type { Locale, Strings } from "../i18n";
import { Choice, useFieldStyles, validation, type Message } from "./fields";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  /**
   * The fields in columns of at least 128 px (two at 320 px, more in a wide pane): every value is a
   * short number or 是/否. A field with a message takes the whole row, so the message reads whole.
   */
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(128px, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "end",
    minWidth: 0,
  },
  wide: { gridColumn: "1 / -1" },
});

const NONE: readonly Message[] = [];

interface IndicatorInputProps {
  field: IndicatorField;
  value: string;
  messages: readonly Message[];
  onChange: (key: IndicatorKey, value: string) => void;
  t: Strings;
  locale: Locale;
  disabled?: boolean;
  /** A frozen month: the value is shown, not edited (a 是/否 dropdown is disabled: it has no read-only mode). */
  readOnly?: boolean;
}

const IndicatorInput = memo(function IndicatorInput({ field: f, value, messages, onChange, t, locale, disabled, readOnly }: IndicatorInputProps) {
  const fieldStyles = useFieldStyles();
  const styles = useStyles();
  const wide = messages.length > 0 ? styles.wide : undefined;
  const label = t.indicatorLabel(f.key);
  const hint = f.optional ? t.optionalHint : undefined;
  if (f.kind === "yesno") {
    return (
      <Choice
        label={label}
        hint={hint}
        value={value}
        options={[
          ["是", t.yes],
          ["否", t.no],
        ]}
        placeholder={t.blank}
        onChange={(v) => onChange(f.key, v)}
        messages={messages}
        locale={locale}
        testId={`field-${f.key}`}
        disabled={disabled || readOnly}
        className={wide}
      />
    );
  }
  return (
    <Field label={label} hint={hint} className={mergeClasses(fieldStyles.field, wide)} {...validation(messages, locale)}>
      <Input
        className={fieldStyles.control}
        value={value}
        inputMode="decimal"
        autoComplete="off"
        disabled={disabled}
        readOnly={readOnly}
        data-testid={`field-${f.key}`}
        onChange={(_e, data) => onChange(f.key, data.value)}
      />
    </Field>
  );
});

/** Messages per indicator, each array kept while its content is unchanged (so memoized fields skip). */
export function indicatorMessages(problems: readonly DraftProblem[], showMissing: (key: IndicatorKey) => boolean, previous: Map<IndicatorKey, readonly Message[]>): Map<IndicatorKey, readonly Message[]> {
  const out = new Map<IndicatorKey, readonly Message[]>();
  for (const f of INDICATOR_FIELDS) {
    const list = problems.filter((p) => p.target.kind === "indicator" && p.target.key === f.key && (p.code !== "missing" || showMissing(f.key)));
    const before = previous.get(f.key) ?? NONE;
    const same = before.length === list.length && before.every((m, i) => m.message === list[i]?.message && m.severity === list[i]?.severity);
    out.set(f.key, same ? before : list);
  }
  return out;
}

export interface MonthFormProps {
  values: IndicatorTexts;
  /** Per indicator, from indicatorMessages. */
  messages: ReadonlyMap<IndicatorKey, readonly Message[]>;
  onChange: (key: IndicatorKey, value: string) => void;
  t: Strings;
  locale: Locale;
  disabled?: boolean;
  readOnly?: boolean;
}

export function MonthForm({ values, messages, onChange, t, locale, disabled, readOnly }: MonthFormProps) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="indicators-heading">
      <Subtitle2 as="h3" id="indicators-heading">
        {t.indicatorsHeading}
      </Subtitle2>
      <div className={styles.grid}>
        {INDICATOR_FIELDS.map((f) => (
          <IndicatorInput key={f.key} field={f} value={values[f.key] ?? ""} messages={messages.get(f.key) ?? NONE} onChange={onChange} t={t} locale={locale} disabled={disabled} readOnly={readOnly} />
        ))}
      </div>
    </section>
  );
}
