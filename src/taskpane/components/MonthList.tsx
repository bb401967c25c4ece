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

const BADGE: Record<MonthStatus["state"], { color: "informative" | "warning" | "danger" | "success"; appearance: "tint" | "filled" }> = {
  "not-started": { color: "informative", appearance: "tint" },
  incomplete: { color: "warning", appearance: "tint" },
  errors: { color: "danger", appearance: "filled" },
  scored: { color: "success", appearance: "tint" },
};

export function monthStateText(t: Strings, m: MonthStatus): string {
  switch (m.state) {
    case "not-started":
      return t.stateNotStarted;
    case "incomplete":
      return t.stateIncomplete(m.missing);
    case "errors":
      return t.stateErrors(m.errors);
    default:
      return t.stateScored(m.total ?? "");
  }
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
              const state = monthStateText(t, m);
              const badge = BADGE[m.state];
              return (
                <li key={m.month}>
                  <Button
                    className={styles.month}
                    appearance="secondary"
                    data-testid={`month-${m.month}`}
                    data-state={m.state}
                    disabled={disabled}
                    onClick={() => onOpen(m.month)}
                  >
                    <span className={styles.name}>{t.monthLabel(m.month)}</span>
                    <Badge color={badge.color} appearance={badge.appearance}>
                      {state}
                    </Badge>
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
