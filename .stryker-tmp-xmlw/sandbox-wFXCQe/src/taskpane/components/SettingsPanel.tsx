/**
 * The 规则设置 parameters: the contract's figures and the reading of each ambiguity (A1–A10),
 * checked as you type by the engine's own reading of 规则设置, saved into that sheet.
 */
// @ts-nocheck

import { memo } from "react";
import { Button, Caption1, Field, Input, Subtitle2, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { RULE_SETTINGS } from "../../domain/rule-settings";
import { STEP_MODES, STEP_MODE_LABELS, type StepMode } from "../../domain";
import { stepModesOf, stepModesText, type SettingsDraft, type StepModes } from "../../workbook/drafts/input-rows";
import type { Locale, Strings } from "../i18n";
import { Choice, useFieldStyles, validation } from "./fields";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

const CHOICES: Record<string, readonly string[]> = {
  扣款基数: ["季度服务费", "本笔款项", "本期服务费"],
  扣分层级: ["市级及以下/省级/国家级", "市级以下/市级/省级及以上"],
  年报所属年度: ["当年", "上一年度"],
};
const SWITCHES = new Set(["平均分取整", "总分封顶100", "总分不低于0"]);
const TRUE_WORDS = new Set(["是", "y", "yes", "true", "1", "√"]);

export interface SettingsPanelProps {
  draft: SettingsDraft;
  problems: Readonly<Record<string, { message: string; messageEn: string }>>;
  onChange: (label: string, value: string) => void;
  onSave: () => void;
  onReset: () => void;
  t: Strings;
  locale: Locale;
  disabled?: boolean;
}

/** A settings field's test id: "setting-" + its position in RULE_SETTINGS. */
export const settingTestId = (label: string) => `setting-${RULE_SETTINGS.findIndex((d) => d.label === label)}`;

export const SettingsPanel = memo(function SettingsPanel({ draft, problems, onChange, onSave, onReset, t, locale, disabled }: SettingsPanelProps) {
  const styles = useStyles();
  const fieldStyles = useFieldStyles();
  const changed = RULE_SETTINGS.some((d) => (draft.values[d.label] ?? "") !== (draft.origin[d.label] ?? ""));
  const invalid = Object.keys(problems).length > 0;
  return (
    <section className={styles.section} aria-labelledby="settings-heading">
      <Subtitle2 as="h2" id="settings-heading">
        {t.settingsHeading}
      </Subtitle2>
      <Caption1 className={styles.muted}>{t.settingsIntro}</Caption1>
      {!draft.present && <Caption1 className={styles.muted}>{t.settingsAbsent}</Caption1>}
      {RULE_SETTINGS.map((def) => {
        const label = t.settingLabel(def.label);
        const hint = t.settingHint(def.label);
        const value = draft.values[def.label] ?? "";
        const p = problems[def.label];
        const messages = p ? [{ severity: "error" as const, ...p }] : [];
        const testId = settingTestId(def.label);
        const choices = CHOICES[def.label] ?? def.choices;
        if (choices) {
          return (
            <Choice
              key={def.label}
              label={label}
              hint={hint}
              value={value}
              options={choices.map((c) => [c, t.optionLabel(c)] as const)}
              onChange={(v) => onChange(def.label, v)}
              messages={messages}
              locale={locale}
              testId={testId}
              disabled={disabled}
            />
          );
        }
        if (SWITCHES.has(def.label)) {
          const on = TRUE_WORDS.has(value.trim().toLowerCase());
          return (
            <Field key={def.label} hint={hint} className={fieldStyles.field} {...validation(messages, locale)}>
              <Switch label={label} checked={on} disabled={disabled} data-testid={testId} onChange={(_e, d) => onChange(def.label, d.checked ? "是" : "否")} />
            </Field>
          );
        }
        const modes = def.label === "部分扣分方式" ? stepModesOf(value) : null;
        if (modes) {
          const options = STEP_MODES.map((m) => [STEP_MODE_LABELS[m], t.optionLabel(STEP_MODE_LABELS[m])] as const);
          const set = (key: keyof StepModes, label: string) => {
            const mode = STEP_MODES.find((m) => STEP_MODE_LABELS[m] === label) as StepMode;
            onChange(def.label, stepModesText({ ...modes, [key]: mode }));
          };
          return (
            <fieldset key={def.label} className={styles.group} style={{ border: "none", margin: 0, padding: 0 }}>
              <legend>
                <strong>{label}</strong>
              </legend>
              <Caption1 className={styles.muted}>{hint}</Caption1>
              {(["satisfactionSteps", "ticketQualitySteps", "settlementSteps"] as const).map((key) => (
                <Choice
                  key={key}
                  label={t.stepRule(key)}
                  value={STEP_MODE_LABELS[modes[key]]}
                  options={options}
                  onChange={(v) => set(key, v)}
                  locale={locale}
                  testId={`${testId}-${key}`}
                  disabled={disabled}
                />
              ))}
            </fieldset>
          );
        }
        return (
          <Field key={def.label} label={label} hint={hint} className={fieldStyles.field} {...validation(messages, locale)}>
            <Input className={fieldStyles.control} value={value} disabled={disabled} data-testid={testId} onChange={(_e, d) => onChange(def.label, d.value)} />
          </Field>
        );
      })}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={disabled || !changed || invalid} onClick={onSave} data-testid="save-settings">
          {t.saveSettings}
        </Button>
        <Button disabled={disabled || !changed} onClick={onReset}>
          {t.resetSettings}
        </Button>
      </div>
    </section>
  );
});
