/** The month's rows of 加减分事件: type, level, matter, and the evidence / verified / reported flags. */
// @ts-nocheck

import { memo, type ReactNode } from "react";
import { Button, Caption1, Field, Input, Subtitle2, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { pick } from "../i18n";
import { BONUS_LEVELS, PENALTY_LADDERS, type PenaltyLadderId } from "../../domain";
import { newEvent, type DraftProblem, type EventDraft } from "../../workbook/drafts/input-rows";
import type { Locale, Strings } from "../i18n";
import { Choice, useFieldStyles, validation } from "./fields";

export const useEditorStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  row: { color: tokens.colorNeutralForeground3 },
  other: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  add: { alignSelf: "flex-start" },
});

/**
 * One row of an editor list: its title, a remove button (unless read-only), the problems of the row
 * that belong to none of its fields (`messages`: so every problem has a place on screen), and its fields.
 */
export function EditorCard(props: { title: string; testId: string; removeLabel: string; onRemove: () => void; readOnly?: boolean; disabled?: boolean; children: ReactNode; messages?: readonly DraftProblem[]; locale?: Locale }) {
  const styles = useEditorStyles();
  const other = props.messages ?? [];
  return (
    <li className={styles.card} aria-label={props.title} data-testid={props.testId}>
      <div className={styles.head}>
        <strong>{props.title}</strong>
        {!props.readOnly && (
          <Button appearance="subtle" disabled={props.disabled} onClick={props.onRemove}>
            {props.removeLabel}
          </Button>
        )}
      </div>
      {other.length > 0 && (
        <ul className={styles.other} data-testid={`${props.testId}-problems`}>
          {other.map((p, i) => (
            <li key={`${i}-${p.message}`} className={p.severity === "error" ? styles.error : styles.warning} data-severity={p.severity}>
              {pick(props.locale ?? "zh-CN", p)}
            </li>
          ))}
        </ul>
      )}
      {props.children}
    </li>
  );
}

/** The fields of an event card: a problem of another key is shown on the card itself. */
const EVENT_FIELDS: readonly string[] = ["type", "level", "matterId", "description", "evidence", "verified", "reported"];

export interface EventsEditorProps {
  events: readonly EventDraft[];
  problems: readonly DraftProblem[];
  ladder: PenaltyLadderId;
  onChange: (events: EventDraft[]) => void;
  t: Strings;
  locale: Locale;
  disabled?: boolean;
  /** A frozen month: shown, not edited (no add / remove buttons; switches and dropdowns disabled). */
  readOnly?: boolean;
  /** False: no heading of its own (the month page's collapsible section header, id "events-heading", names it). */
  heading?: boolean;
}

export const EventsEditor = memo(function EventsEditor({ events, problems, ladder, onChange, t, locale, disabled, readOnly, heading = true }: EventsEditorProps) {
  const styles = useEditorStyles();
  const fieldStyles = useFieldStyles();
  const set = (i: number, patch: Partial<EventDraft>) => onChange(events.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const messages = (i: number, key: string) => problems.filter((p) => p.target.kind === "event" && p.target.index === i && p.target.key === key);
  const otherMessages = (i: number) => problems.filter((p) => p.target.kind === "event" && p.target.index === i && !EVENT_FIELDS.includes(p.target.key));
  const levels = (type: EventDraft["type"]) =>
    (type === "bonus" ? BONUS_LEVELS : PENALTY_LADDERS[ladder].levels).map((l) => [l.label, t.optionLabel(l.label)] as const);
  return (
    <section className={styles.section} aria-labelledby="events-heading">
      {heading && (
        <Subtitle2 as="h3" id="events-heading">
          {t.eventsHeading}
        </Subtitle2>
      )}
      {events.length === 0 && <Caption1>{t.noEvents}</Caption1>}
      <ul className={styles.list}>
        {events.map((e, i) => {
          const n = i + 1;
          return (
            <EditorCard key={`${e.row ?? "new"}-${i}`} title={t.eventTitle(n)} testId={`event-${i}`} removeLabel={t.removeEvent(n)} onRemove={() => onChange(events.filter((_x, j) => j !== i))} readOnly={readOnly} disabled={disabled} messages={otherMessages(i)} locale={locale}>
              {e.row !== null && <Caption1 className={styles.row}>{t.eventRow(e.row)}</Caption1>}
              <Choice
                label={t.eventType}
                value={e.type}
                options={[
                  ["bonus", t.bonus],
                  ["penalty", t.penalty],
                ]}
                onChange={(v) => set(i, { type: v === "penalty" ? "penalty" : "bonus", level: "" })}
                messages={messages(i, "type")}
                locale={locale}
                disabled={disabled || readOnly}
              />
              <Choice label={t.level} value={e.level} options={levels(e.type)} placeholder={t.blank} onChange={(v) => set(i, { level: v })} messages={messages(i, "level")} locale={locale} disabled={disabled || readOnly} />
              <Field label={t.matterId} className={fieldStyles.field} {...validation(messages(i, "matterId"), locale)}>
                <Input className={fieldStyles.control} value={e.matterId} disabled={disabled} readOnly={readOnly} onChange={(_x, d) => set(i, { matterId: d.value })} />
              </Field>
              <Field label={t.description} className={fieldStyles.field} {...validation(messages(i, "description"), locale)}>
                <Input className={fieldStyles.control} value={e.description} disabled={disabled} readOnly={readOnly} onChange={(_x, d) => set(i, { description: d.value })} />
              </Field>
              <Field className={fieldStyles.field} {...validation(messages(i, "evidence"), locale)}>
                <Switch label={t.flag(t.evidenceName, e.evidence, true)} checked={e.evidence === true} disabled={disabled || readOnly} onChange={(_x, d) => set(i, { evidence: d.checked })} />
              </Field>
              <Field className={fieldStyles.field} {...validation(messages(i, "verified"), locale)}>
                <Switch label={t.verified} checked={e.verified === true} disabled={disabled || readOnly} onChange={(_x, d) => set(i, { verified: d.checked })} />
              </Field>
              <Field className={fieldStyles.field} {...validation(messages(i, "reported"), locale)}>
                <Switch label={t.reported} checked={e.reported === true} disabled={disabled || readOnly} onChange={(_x, d) => set(i, { reported: d.checked })} />
              </Field>
            </EditorCard>
          );
        })}
      </ul>
      {!readOnly && (
        <Button className={styles.add} disabled={disabled} onClick={() => onChange([...events, newEvent()])}>
          {t.addEvent}
        </Button>
      )}
    </section>
  );
});
