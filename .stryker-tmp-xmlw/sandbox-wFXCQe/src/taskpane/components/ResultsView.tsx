/**
 * The month's 14 items: 考核得分 (large), each item's score in a column (tabular figures, right
 * aligned, "9.75 / 10"), and how it was reached. In zh-CN: the summary written to X月完成情况 and the
 * engine's explanation (the contract's 评分细则 quoted, then the arithmetic). In en-US: the engine's
 * English explanation, then the contract's words as written (lang="zh-CN") with an English
 * translation beside them. Row 9 says which reading of A2 (「5分扣完为止」) applies under the rules
 * in force and whether it took effect this month.
 */
// @ts-nocheck

import { memo } from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Caption1, Subtitle2, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { defaultRules, fixed2, scorecardItem, SCORECARD_RULES_EN, ticketDeductionReach, type ItemScore, type MonthScore, type RuleSet } from "../../domain";
import type { Locale, Strings } from "../i18n";
import { noNegativeZero, Unbroken, useTextStyles } from "./text";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  total: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  totalLabel: { ...typographyStyles.body1Strong },
  totalValue: { ...typographyStyles.title2, fontVariantNumeric: "tabular-nums" },
  header: { width: "100%", minWidth: 0, textAlign: "start" },
  headerText: { display: "flex", width: "100%", minWidth: 0, justifyContent: "space-between", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  name: { minWidth: 0, overflowWrap: "break-word" },
  score: { flexShrink: 0, whiteSpace: "nowrap", textAlign: "end", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, overflowWrap: "break-word", paddingBottom: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground2 },
});

export interface ResultsViewProps {
  score: MonthScore | null;
  t: Strings;
  locale: Locale;
  /** The rules in force (the run's); row 9's A2 note reads the rates from them (default: the contract's). */
  rules?: RuleSet;
}

/** An item's score as shown: 2 decimals, never "−0.00". */
export function shownScore(item: Pick<ItemScore, "score">): string {
  return noNegativeZero(fixed2(item.score));
}

/** Row 9 under A2: the cap in force, the lowest score, the most the rates can take off, and whether the cap took effect this month. */
export function ticketFloorNote(item: ItemScore, rules: RuleSet, t: Strings): string | null {
  if (item.no !== 9 || item.floor === null) return null;
  const { most } = ticketDeductionReach(rules);
  const cap = item.max === null ? null : item.max.minus(item.floor);
  if (cap === null) return null;
  return t.ticketFloorNote(cap.toString(), fixed2(item.floor), most.toDecimalPlaces(2).toString(), most.greaterThan(cap), item.bound === "floor");
}

export const ResultsView = memo(function ResultsView({ score, t, locale, rules = defaultRules() }: ResultsViewProps) {
  const styles = useStyles();
  const text = useTextStyles();
  const en = locale === "en-US";
  return (
    <section className={styles.section} aria-labelledby="results-heading" data-testid="results">
      <Subtitle2 as="h3" id="results-heading">
        {t.resultsHeading}
      </Subtitle2>
      {score === null ? (
        <Caption1>{t.notScored}</Caption1>
      ) : (
        <>
          <div className={styles.total} data-testid="month-total">
            <span className={styles.totalLabel}>{t.scoreLabel}</span>{" "}
            <span className={styles.totalValue}>{noNegativeZero(fixed2(score.total))}</span>
          </div>
          <Accordion multiple collapsible>
            {score.items.map((item) => {
              const def = scorecardItem(item.no);
              const name = en ? def.indicatorEn : item.indicator;
              const note = ticketFloorNote(item, rules, t);
              const points = t.points(shownScore(item), item.max === null ? null : fixed2(item.max).replace(/\.00$/, ""));
              return (
                <AccordionItem key={item.no} value={item.no} data-item={item.no}>
                  <AccordionHeader className={styles.header}>
                    <span className={styles.headerText}>
                      <span className={styles.name}>{`${item.no}. ${name}`}</span>{" "}
                      <span className={styles.score} data-testid={`item-score-${item.no}`}>
                        {points}
                      </span>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel className={styles.panel}>
                    {en ? (
                      <>
                        <Body1>
                          <Unbroken text={item.explanationEn} />
                        </Body1>
                        <Caption1 className={styles.muted}>
                          {t.contractText}:{" "}
                          <q lang="zh-CN" className={text.wrap}>
                            {def.rule}
                          </q>
                        </Caption1>
                        <Caption1 className={styles.muted}>
                          {t.translation}: {SCORECARD_RULES_EN[item.no] ?? ""}
                        </Caption1>
                      </>
                    ) : (
                      <>
                        <Body1>
                          <Unbroken text={item.summary} />
                        </Body1>
                        <Caption1 className={styles.muted}>
                          <Unbroken text={item.explanation} />
                        </Caption1>
                      </>
                    )}
                    {note && (
                      <Caption1 className={styles.note} data-testid="a2-note">
                        <Unbroken text={note} />
                      </Caption1>
                    )}
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>
        </>
      )}
    </section>
  );
});
