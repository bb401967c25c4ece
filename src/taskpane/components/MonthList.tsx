/** Every scorecard month with its status, then the instalments with their deduction so far. */
import { memo } from "react";
import { Badge, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Strings } from "../i18n";
import type { InstalmentStatus, MonthStatus } from "../session";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  month: { width: "100%", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", height: "auto", minHeight: "36px", textAlign: "start" },
  name: { fontWeight: tokens.fontWeightSemibold },
  sheet: { color: tokens.colorNeutralForeground3 },
  badges: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, justifyContent: "flex-end" },
  instalment: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
});

type BadgeLook = { color: "informative" | "warning" | "danger" | "success" | "brand" | "subtle" | "severe"; appearance: "tint" | "filled" | "outline" | "ghost" };

/**
 * A month's badge: its state, and for a scored month whether it reaches 达标分 (green only then;
 * below it the warning colour — and the text says so too, colour is never the only sign).
 */
export function monthBadge(m: MonthStatus): BadgeLook {
  switch (m.state) {
    case "not-started":
      return { color: "subtle", appearance: "outline" };
    case "incomplete":
      return { color: "informative", appearance: "tint" };
    case "errors":
      return { color: "danger", appearance: "filled" };
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
    default:
      return t.stateScored(m.total ?? "", m.belowThreshold);
  }
}

/** The month's badges: its state, and 已定稿 when frozen. */
export function MonthBadges({ m, t, className }: { m: MonthStatus; t: Strings; className?: string }) {
  const badge = monthBadge(m);
  return (
    <span className={className}>
      <Badge color={badge.color} appearance={badge.appearance} data-badge={`${m.state}${m.state === "scored" && m.belowThreshold ? "-below" : ""}`}>
        {monthStateText(t, m)}
      </Badge>
      {m.frozen && (
        <Badge color="brand" appearance="filled" data-badge="frozen">
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
              <li key={i.number} className={styles.instalment} data-testid={`instalment-${i.number}`}>
                <span className={styles.name}>{t.instalmentTitle(i.number, i.amount)}</span>
                {i.months.length === 0 ? (
                  <Caption1>{t.instalmentNoMonths}</Caption1>
                ) : (
                  <>
                    <Caption1>{t.instalmentProgress(i.monthsScored, i.months.length, i.average)}</Caption1>
                    <Caption1>{t.instalmentDeduction(i.deduction, i.final)}</Caption1>
                  </>
                )}
                {i.payable !== null && <Caption1>{t.instalmentPayable(i.payable)}</Caption1>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
});
