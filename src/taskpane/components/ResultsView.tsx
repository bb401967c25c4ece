/** The month's 14 items: score, the summary written to X月完成情况, and how the score was reached. */
import { memo } from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { fixed2, scorecardItem, type MonthScore } from "../../domain";
import type { Locale, Strings } from "../i18n";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  total: { fontWeight: tokens.fontWeightSemibold },
  header: { overflowWrap: "anywhere", whiteSpace: "normal", textAlign: "start" },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, overflowWrap: "anywhere", paddingBottom: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ResultsViewProps {
  score: MonthScore | null;
  t: Strings;
  locale: Locale;
}

export const ResultsView = memo(function ResultsView({ score, t, locale }: ResultsViewProps) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="results-heading" data-testid="results">
      <Subtitle2 as="h3" id="results-heading">
        {t.resultsHeading}
      </Subtitle2>
      {score === null ? (
        <Caption1>{t.notScored}</Caption1>
      ) : (
        <>
          <Body1 className={styles.total} data-testid="month-total">
            {t.total(fixed2(score.total))}
          </Body1>
          <Accordion multiple collapsible>
            {score.items.map((item) => {
              const name = locale === "en-US" ? scorecardItem(item.no).indicatorEn : item.indicator;
              return (
                <AccordionItem key={item.no} value={item.no}>
                  <AccordionHeader className={styles.header}>{t.item(item.no, name, fixed2(item.score))}</AccordionHeader>
                  <AccordionPanel className={styles.panel}>
                    <Body1>{item.summary}</Body1>
                    <Caption1 className={styles.muted}>{locale === "en-US" ? item.explanationEn : item.explanation}</Caption1>
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
