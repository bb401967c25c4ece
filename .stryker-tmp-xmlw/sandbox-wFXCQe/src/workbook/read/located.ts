/**
 * A problem with its place in the workbook: the sheet, the cell (A1) and the indicator, so a clerk
 * can go straight to it. The text form is the line the command line prints and the pane shows.
 */
// @ts-nocheck

import { problem, Problem, Severity } from "../../domain";
import type { CellRef } from "../model";

export interface LocatedProblem extends Problem {
  /** Sheet name; null when the problem belongs to no sheet (a rule of the contract itself). */
  sheet: string | null;
  /** A1 address; null when the problem is a missing sheet, row or column. */
  cell: string | null;
  indicator: string;
}

export function locate(p: Problem, where: CellRef | null): LocatedProblem {
  return { ...p, sheet: where?.sheet ?? null, cell: where?.cell ?? null, indicator: where?.indicator ?? p.field };
}

/** A problem found by the workbook layer itself. */
export function located(
  severity: Severity,
  code: string,
  where: CellRef,
  message: string,
  messageEn: string,
  month?: string,
): LocatedProblem {
  return locate(problem(severity, code, where.indicator, message, messageEn, month), where);
}

/** 工作表「指标录入」单元格 C5（团队人数）：… / English */
export function problemLine(p: LocatedProblem, withEnglish = true): string {
  const place =
    p.sheet === null
      ? p.indicator
        ? `（${p.indicator}）`
        : ""
      : `工作表「${p.sheet}」${p.cell ? `单元格 ${p.cell}` : ""}${p.indicator ? `（${p.indicator}）` : ""}`;
  const en = withEnglish && p.messageEn ? ` / ${p.messageEn}` : "";
  return `${place}${place ? "：" : ""}${p.message}${en}`;
}
