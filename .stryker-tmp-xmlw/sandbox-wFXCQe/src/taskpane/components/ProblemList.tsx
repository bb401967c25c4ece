/**
 * Problems with their place (sheet, cell, indicator). Inside Excel each is a button that selects
 * its cell; in a plain browser there is no sheet to show, so the address is only written out.
 */
// @ts-nocheck

import { memo } from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { pick, type Locale, type Strings } from "../i18n";
import type { PaneProblem } from "../session";
import { Unbroken } from "./text";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", alignItems: "flex-start", minWidth: 0 },
  button: { justifyContent: "flex-start", textAlign: "start", minWidth: 0, maxWidth: "100%", height: "auto", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  text: { overflowWrap: "break-word", whiteSpace: "normal", minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  place: { display: "block", fontWeight: tokens.fontWeightSemibold },
});

/** "（另见第 16 条）" / "(see also entry 16)": the entry of the same sheet a message points to. */
export function seeAlsoEntry(p: Pick<PaneProblem, "message" | "messageEn">): number | null {
  const m = /另见第\s*(\d+)\s*条/.exec(p.message) ?? /see also entry (\d+)/.exec(p.messageEn);
  return m ? Number(m[1]) : null;
}

export interface ProblemListProps {
  problems: readonly PaneProblem[];
  t: Strings;
  locale: Locale;
  /** True inside Excel: a problem's cell can be selected. */
  canSelect: boolean;
  onSelect: (p: PaneProblem) => void;
  /** Accessible name of the list. */
  label: string;
  /**
   * Where entry N of a sheet is (input-rows' entryPlace over the session's inputs): a message that
   * says "另见第 N 条" then shows that sheet and cell beside it, selectable inside Excel.
   */
  seeAlso?: (sheet: string, entry: number) => { sheet: string; cell: string | null } | null;
}

export const ProblemList = memo(function ProblemList({ problems, t, locale, canSelect, onSelect, label, seeAlso }: ProblemListProps) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={label}>
      {problems.map((p, i) => {
        const place = t.place(p.sheet, p.cell, p.indicator);
        const body = (
          <span className={styles.text}>
            {place && <span className={styles.place}>{place}</span>}
            <span className={p.severity === "error" ? styles.error : styles.warning}>
              <Unbroken text={pick(locale, p)} />
            </span>
          </span>
        );
        const entry = p.sheet && seeAlso ? seeAlsoEntry(p) : null;
        const other = entry !== null && p.sheet && seeAlso ? seeAlso(p.sheet, entry) : null;
        const otherPlace = other ? t.place(other.sheet, other.cell, "") : "";
        return (
          <li key={`${i}-${p.sheet}-${p.cell}-${p.message}`} className={styles.item} data-severity={p.severity}>
            {canSelect && p.sheet ? (
              <Button appearance="subtle" className={styles.button} title={t.selectCell(place)} onClick={() => onSelect(p)}>
                {body}
              </Button>
            ) : (
              <Caption1 className={styles.text}>{body}</Caption1>
            )}
            {other &&
              (canSelect ? (
                <Button appearance="subtle" size="small" className={styles.button} data-testid="see-also" title={t.selectCell(otherPlace)} onClick={() => onSelect({ ...p, sheet: other.sheet, cell: other.cell })}>
                  {t.seeAlsoAt(otherPlace)}
                </Button>
              ) : (
                <Caption1 className={styles.text} data-testid="see-also">
                  {t.seeAlsoAt(otherPlace)}
                </Caption1>
              ))}
          </li>
        );
      })}
    </ul>
  );
});
