/**
 * What the pane says about the Excel it runs in:
 * - LimitationsBar: what this Excel cannot do (a requirement set it lacks) and how that affects the
 *   clerk. One quiet bar for the session (Fluent MessageBar, announced once when it appears, not per
 *   action); "知道了" hides it until the session finds another limitation. Reached with Tab through
 *   its button.
 * - IncompleteWriteBar: a write that stopped part way (ApplyIncompleteError): what was written, what
 *   was not, that the workbook is partly updated, and what to do. It takes the keyboard focus when it
 *   appears (tabIndex -1), so a keyboard or screen-reader user is told at once.
 */
// @ts-nocheck

import { useEffect, useRef } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { polishEnglish, type Locale, type Strings } from "../i18n";
import type { IncompleteWrite, PaneLimitation } from "../session";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  block: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalXS },
  heading: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  text: { margin: 0 },
  focus: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
});

/** The message in the pane's language; in English, Chinese names quoted (“付款结算”) as everywhere in the pane. */
const inLocale = (locale: Locale, m: { messageZh: string; messageEn: string }) => (locale === "en-US" && m.messageEn ? polishEnglish(m.messageEn) : m.messageZh);

export interface LimitationsBarProps {
  limitations: readonly PaneLimitation[];
  t: Strings;
  locale: Locale;
  /** Inside WPS 表格: the title names WPS, not Excel. */
  wps?: boolean;
  onDismiss: () => void;
}

export function LimitationsBar({ limitations, t, locale, wps = false, onDismiss }: LimitationsBarProps) {
  const styles = useStyles();
  if (limitations.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="limitations">
      <MessageBarBody>
        <MessageBarTitle>{wps ? t.limitationsTitleWps : t.limitationsTitle}</MessageBarTitle>
        <ul className={styles.list}>
          {limitations.map((l) => (
            <li key={l.feature} data-feature={l.feature}>
              {inLocale(locale, l)}
            </li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {t.limitationsDismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export interface IncompleteWriteBarProps {
  write: IncompleteWrite;
  t: Strings;
  locale: Locale;
}

export function IncompleteWriteBar({ write, t, locale }: IncompleteWriteBarProps) {
  const styles = useStyles();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.focus();
  }, [write]);
  const list = (heading: string, items: readonly string[], id: string) => (
    <div className={styles.block}>
      <p className={styles.heading} id={id}>
        {heading}
      </p>
      {items.length > 0 ? (
        <ul className={styles.list} aria-labelledby={id}>
          {items.map((x, i) => (
            <li key={`${i}-${x}`}>{x}</li>
          ))}
        </ul>
      ) : (
        <p className={styles.text}>{t.incompleteNone}</p>
      )}
    </div>
  );
  const message = inLocale(locale, write);
  return (
    <MessageBar ref={root} tabIndex={-1} className={styles.focus} intent="error" layout="multiline" data-testid="incomplete-write">
      <MessageBarBody>
        <MessageBarTitle>{t.incompleteTitle}</MessageBarTitle>
        {message && <p className={styles.text}>{message}</p>}
        {list(t.incompleteDone, write.done, "incomplete-done")}
        {list(t.incompleteNotDone, write.notDone, "incomplete-not-done")}
        <p className={styles.text}>{t.incompleteAdvice}</p>
      </MessageBarBody>
    </MessageBar>
  );
}
