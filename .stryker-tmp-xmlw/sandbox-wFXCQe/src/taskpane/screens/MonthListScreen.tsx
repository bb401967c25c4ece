/**
 * 考核月份: every month with its state (scored, 需要重新计算, incomplete, errors, not started),
 * the instalments so far, and the workbook's problems (opened by themselves when there are errors).
 */
// @ts-nocheck

import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from "@fluentui/react-components";
import { useMemo } from "react";
import type { MonthKey } from "../../domain";
import { MonthList } from "../components/MonthList";
import { ProblemList } from "../components/ProblemList";
import type { PaneProblem } from "../session";
import { seeAlsoIn, type ScreenProps } from "./types";

export interface MonthListScreenProps extends ScreenProps {
  onOpen: (month: MonthKey) => void;
  onSelect: (p: PaneProblem) => void;
}

export function MonthListScreen({ session, t, locale, busy, version, onOpen, onSelect }: MonthListScreenProps) {
  const view = useMemo(() => ({ months: session.months(), instalments: session.instalments(), problems: session.problems() }), [session, version]);
  const seeAlso = useMemo(() => seeAlsoIn(session), [session, version]);
  const errors = view.problems.filter((p) => p.severity === "error").length;
  const warnings = view.problems.length - errors;
  return (
    <>
      <MonthList months={view.months} instalments={view.instalments} t={t} onOpen={onOpen} disabled={busy} />
      {view.problems.length > 0 && (
        // Open by itself when there are errors (remounted when that changes); warnings only: closed.
        <Accordion key={errors > 0 ? "errors" : "warnings"} collapsible defaultOpenItems={errors > 0 ? ["problems"] : []}>
          <AccordionItem value="problems">
            <AccordionHeader>{t.problemsHeading(errors, warnings)}</AccordionHeader>
            <AccordionPanel>
              <ProblemList problems={view.problems} t={t} locale={locale} canSelect={session.canSelect} onSelect={onSelect} label={t.problemsHeading(errors, warnings)} seeAlso={seeAlso} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </>
  );
}
