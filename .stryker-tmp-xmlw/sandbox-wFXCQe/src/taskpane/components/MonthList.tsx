/**
 * Every scorecard month with its status, then the instalments with their deduction so far.
 * Scores line up: every row puts the month's name in a column of one width and its badge after it,
 * the score inside the badge in tabular figures in a box of one width, so the decimal points of
 * "93.25" and "100.00" are one above the other. Badges are readable in the light and the dark theme
 * (no "subtle" badge: it is white on transparent, meant for dark backgrounds only).
 */
// @ts-nocheck

import { memo } from "react";
import { Badge, Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Strings } from "../i18n";
import type { InstalmentStatus, MonthStatus } from "../session";
import { noNegativeZero, Unbroken } from "./text";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  month: {
    width: "100%",
    display: "grid",
    gridTemplateColumns: "6.5em minmax(0, 1fr)",
    justifyItems: "start",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    height: "auto",
    minHeight: "36px",
    textAlign: "start",
  },
  name: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  sheet: { color: tokens.colorNeutralForeground3, gridColumnStart: 2 },
  badges: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  /** A badge may take two lines at 320 px (long English words) rather than overflow. */
  badge: { height: "auto", minHeight: "20px", whiteSpace: "normal", textAlign: "start", fontVariantNumeric: "tabular-nums" },
  /** The score inside a badge: tabular figures, right-aligned in a box of one width ("100.00" fits). */
  figure: { display: "inline-block", minWidth: "6ch", textAlign: "end", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  instalment: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "break-word",
    fontVariantNumeric: "tabular-nums",
  },
  deduction: { fontWeight: tokens.fontWeightSemibold },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

type BadgeLook = { color: "informative" | "warning" | "danger" | "success" | "brand" | "subtle" | "severe" | "important"; appearance: "tint" | "filled" | "outline" | "ghost" };

/**
 * A month's badge: its state, and for a scored month whether it reaches 达标分 (green only then;
 * below it the warning colour — and the text says so too, colour is never the only sign).
 * Every look has a text colour of its own in both themes (no "subtle": white on transparent).
 */
export function monthBadge(m: MonthStatus): BadgeLook {
  switch (m.state) {
    case "not-started":
      return { color: "informative", appearance: "outline" };
    case "incomplete":
      return { color: "informative", appearance: "tint" };
    case "errors":
      return { color: "danger", appearance: "filled" };
    case "stale":
      return { color: "severe", appearance: "tint" };
    default:
      return m.belowThreshold ? { color: "warning", appearance: "filled" } : { color: "success", appearance: "tint" };
  }
}

export function monthStateText(t: Strings, m: MonthStatus): string {
  switch (m.state) {
    case "not-started":
      return t.stateNotStarted;
    case "incomplete":
      return t.stateIncomplete(m.missing);
    case "errors":
      return t.stateErrors(m.errors);
    case "stale":
      return t.stateStale;
    default:
      return t.stateScored(noNegativeZero(m.total ?? ""), m.belowThreshold);
  }
}

/** The badge's text with the score (when there is one) in its own box of tabular figures. */
function StateText({ t, m, figure }: { t: Strings; m: MonthStatus; figure: string }) {
  const text = monthStateText(t, m);
  const total = m.state === "scored" && m.total ? noNegativeZero(m.total) : null;
  const at = total ? text.indexOf(total) : -1;
  // One inline box inside the badge (a flex container): its words wrap as text, not as squeezed flex items.
  if (total === null || at < 0) return <span>{text}</span>;
  return (
    <span>
      {text.slice(0, at)}
      <span className={figure} data-figure="">
        {total}
      </span>
      {text.slice(at + total.length)}
    </span>
  );
}

/** The month's badges: its state, and 已定稿 when frozen. */
export function MonthBadges({ m, t, className }: { m: MonthStatus; t: Strings; className?: string }) {
  const styles = useStyles();
  const badge = monthBadge(m);
  return (
    <span className={className}>
      <Badge className={styles.badge} color={badge.color} appearance={badge.appearance} data-badge={`${m.state}${m.state === "scored" && m.belowThreshold ? "-below" : ""}`}>
        <StateText t={t} m={m} figure={styles.figure} />
      </Badge>
      {m.frozen && (
        <Badge className={styles.badge} color="brand" appearance="filled" data-badge="frozen">
          {t.frozenBadge}
        </Badge>
      )}
    </span>
  );
}

export interface MonthListProps {
  months: readonly MonthStatus[];
  instalments: readonly InstalmentStatus[];
  t: Strings;
  onOpen: (month: string) => void;
  disabled?: boolean;
}

export const MonthList = memo(function MonthList({ months, instalments, t, onOpen, disabled }: MonthListProps) {
  const styles = useStyles();
  return (
    <>
      <section className={styles.section} aria-labelledby="months-heading">
        <Subtitle2 as="h2" id="months-heading">
          {t.monthsHeading}
        </Subtitle2>
        {months.length === 0 ? (
          <Caption1>{t.noMonths}</Caption1>
        ) : (
          <ul className={styles.list}>
            {months.map((m) => {
              return (
                <li key={m.month}>
                  <Button
                    className={styles.month}
                    appearance="secondary"
                    data-testid={`month-${m.month}`}
                    data-state={m.state}
                    data-frozen={m.frozen ? "true" : undefined}
                    disabledFocusable={disabled}
                    onClick={() => onOpen(m.month)}
                  >
                    <span className={styles.name}>{t.monthLabel(m.month)}</span>
                    <MonthBadges m={m} t={t} className={styles.badges} />
                    {m.sheet === null && <Caption1 className={styles.sheet}>{t.noSheet}</Caption1>}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {instalments.length > 0 && (
        <section className={styles.section} aria-labelledby="instalments-heading">
          <Subtitle2 as="h2" id="instalments-heading">
            {t.instalmentsHeading}
          </Subtitle2>
          <ul className={styles.list}>
            {instalments.map((i) => (
              <li key={i.number} className={styles.instalment} data-testid={`instalment-${i.number}`} data-state={i.stale.length > 0 ? "stale" : undefined}>
                <span className={styles.deduction}>
                  <Unbroken text={t.instalmentTitle(i.number, i.amount)} />
                </span>
                {i.months.length === 0 ? (
                  <Body1>{t.instalmentNoMonths}</Body1>
                ) : i.stale.length > 0 ? (
                  // Not computed yet: no figure the workbook does not hold (Session.instalments).
                  <Body1 className={styles.stale} data-testid={`instalment-${i.number}-stale`}>
                    {t.instalmentStale(i.stale.map((m) => t.monthLabel(m)))}
                  </Body1>
                ) : (
                  <>
                    <Body1>
                      <Unbroken text={t.instalmentProgress(i.monthsScored, i.months.length, i.average)} />
                    </Body1>
                    <Body1 className={styles.deduction}>
                      <Unbroken text={t.instalmentDeduction(i.deduction, i.final)} />
                    </Body1>
                  </>
                )}
                {i.payable !== null && (
                  <Body1>
                    <Unbroken text={t.instalmentPayable(i.payable)} />
                  </Body1>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
});
