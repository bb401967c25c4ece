/** Small form pieces shared by the month form, the editors and the settings panel. */
// @ts-nocheck

import { Dropdown, Field, Option, makeStyles, mergeClasses } from "@fluentui/react-components";
import { pick, type Locale } from "../i18n";

export const useFieldStyles = makeStyles({
  control: { width: "100%", minWidth: 0, maxWidth: "100%" },
  field: { minWidth: 0, overflowWrap: "anywhere" },
});

export interface Message {
  severity: "error" | "warning";
  message: string;
  messageEn: string;
}

/** Field validation props from the problems of one control: errors first, every message shown. */
export function validation(messages: readonly Message[], locale: Locale): { validationState?: "error" | "warning"; validationMessage?: string } {
  if (messages.length === 0) return {};
  const state = messages.some((m) => m.severity === "error") ? "error" : "warning";
  const text = [...messages].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1)).map((m) => pick(locale, m));
  return { validationState: state, validationMessage: text.join("；") };
}

export interface ChoiceProps {
  label: string;
  hint?: string;
  value: string;
  /** [value, shown text] */
  options: readonly (readonly [string, string])[];
  placeholder?: string;
  onChange: (value: string) => void;
  messages?: readonly Message[];
  locale: Locale;
  testId?: string;
  disabled?: boolean;
  /** Extra class of the Field (e.g. a grid placement). */
  className?: string;
}

/** A Field with a Dropdown; a value that is not one of the options (typed in Excel) is kept as one. */
export function Choice({ label, hint, value, options, placeholder, onChange, messages = [], locale, testId, disabled, className }: ChoiceProps) {
  const styles = useFieldStyles();
  const all = value !== "" && !options.some(([v]) => v === value) ? [...options, [value, value] as const] : options;
  const shown = all.find(([v]) => v === value)?.[1] ?? "";
  return (
    <Field label={label} hint={hint} className={mergeClasses(styles.field, className)} {...validation(messages, locale)}>
      <Dropdown
        className={styles.control}
        value={shown}
        selectedOptions={value === "" ? [] : [value]}
        placeholder={placeholder}
        disabled={disabled}
        data-testid={testId}
        onOptionSelect={(_e, data) => onChange(data.optionValue ?? "")}
      >
        {all.map(([v, text]) => (
          <Option key={v} value={v} text={text}>
            {text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
