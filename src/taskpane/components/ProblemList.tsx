/**
 * Problems with their place (sheet, cell, indicator). Inside Excel each is a button that selects
 * its cell; in a plain browser there is no sheet to show, so the address is only written out.
 */
import { memo } from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { pick, type Locale, type Strings } from "../i18n";
import type { PaneProblem } from "../session";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", minWidth: 0 },
  button: { justifyContent: "flex-start", textAlign: "start", minWidth: 0, maxWidth: "100%", height: "auto", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  text: { overflowWrap: "anywhere", whiteSpace: "normal" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  place: { display: "block", fontWeight: tokens.fontWeightSemibold },
});

export interface ProblemListProps {
  problems: readonly PaneProblem[];
  t: Strings;
  locale: Locale;
  /** True inside Excel: a problem's cell can be selected. */
  canSelect: boolean;
  onSelect: (p: PaneProblem) => void;
  /** Accessible name of the list. */
  label: string;
}

export const ProblemList = memo(function ProblemList({ problems, t, locale, canSelect, onSelect, label }: ProblemListProps) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={label}>
      {problems.map((p, i) => {
        const place = t.place(p.sheet, p.cell, p.indicator);
        const body = (
          <span className={styles.text}>
            {place && <span className={styles.place}>{place}</span>}
            <span className={p.severity === "error" ? styles.error : styles.warning}>{pick(locale, p)}</span>
          </span>
        );
        return (
          <li key={`${i}-${p.sheet}-${p.cell}-${p.message}`} className={styles.item} data-severity={p.severity}>
            {canSelect && p.sheet ? (
              <Button appearance="subtle" className={styles.button} title={t.selectCell(place)} onClick={() => onSelect(p)}>
                {body}
              </Button>
            ) : (
              <Caption1 className={styles.text}>{body}</Caption1>
            )}
          </li>
        );
      })}
    </ul>
  );
});
