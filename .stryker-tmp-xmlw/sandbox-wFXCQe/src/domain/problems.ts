/**
 * Problems found in input: errors refuse the run, warnings are shown and kept. Each names the
 * indicator by a field path (e.g. "headcount", "events[2].level", "payments[0].invoiceDate") so the
 * workbook layer can turn it into a sheet and a cell; the message is zh-CN first, English second.
 */
// @ts-nocheck

export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** Stable machine code, e.g. "not-integer", "rank-above-centres". */
  code: string;
  /** Field path of the input this is about. */
  field: string;
  /** Month the problem belongs to, when there is one ("2025-10"). */
  month?: string;
  message: string;
  messageEn: string;
}

export type Outcome<T> =
  | { ok: true; value: T; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

export function problem(
  severity: Severity,
  code: string,
  field: string,
  message: string,
  messageEn: string,
  month?: string,
): Problem {
  return month === undefined
    ? { severity, code, field, message, messageEn }
    : { severity, code, field, message, messageEn, month };
}

/** Thrown by the calendar for a date it does not know; converted to a Problem at the boundary. */
export class UnknownDateError extends Error {
  constructor(readonly date: string) {
    super(`date ${date} is outside the PRC working-day calendar (add its year in the 节假日安排 sheet, from the State Council notice)`);
    this.name = "UnknownDateError";
  }
}
