/**
 * Small pieces for showing figures and the engine's texts in the pane: dates and periods that never
 * wrap in the middle ("2025-10-" / "13"), no "−0.00", numbers in columns (tabular figures), and
 * Chinese quoted in English text marked as Chinese (lang="zh-CN") for screen readers and fonts.
 */
// @ts-nocheck

import { Fragment, type ReactNode } from "react";
import { makeStyles } from "@fluentui/react-components";

export const useTextStyles = makeStyles({
  nowrap: { whiteSpace: "nowrap" },
  /** Figures of one width, so numbers line up in a column. */
  figures: { fontVariantNumeric: "tabular-nums" },
  /** Breaks a long word only when it cannot fit a line (never a date or a number that would fit). */
  wrap: { overflowWrap: "break-word", wordBreak: "normal", minWidth: 0 },
});

/** A date, a month, a period, a signed figure: kept on one line. */
const TOKEN = /(\d{4}-\d{2}(?:-\d{2})?(?:\s\d{2}:\d{2})?|\d{4}Q[1-4]|[−-]?¥?\d[\d,]*(?:\.\d+)?%?)/;

/** "−0.00", "-¥0.00" (a sign before a zero, not a subtraction "10 − 0.00") shown as "0.00", "¥0.00". */
export function noNegativeZero(text: string): string {
  return text.replace(/(?<![\d)）]\s*)[−-](¥?0\.0+|¥?0)(?![\d.])/g, "$1");
}

/** Text whose dates, periods and figures never wrap inside (and no "−0.00"). */
export function Unbroken({ text }: { text: string }): ReactNode {
  const styles = useTextStyles();
  const parts = noNegativeZero(text).split(TOKEN);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <span key={i} className={styles.nowrap}>
            {p}
          </span>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}
