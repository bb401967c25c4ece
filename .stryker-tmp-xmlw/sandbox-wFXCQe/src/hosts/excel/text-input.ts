/**
 * Text as Excel stores it. Excel parses a string given to `Range.values` as if typed ("=…" becomes a
 * formula, "001" the number 1, "2025-10" a date); a leading apostrophe, Excel's own "what follows is
 * text" prefix, keeps it text, and in a cell of the General format Excel consumes the apostrophe
 * (Range.Value = "'1" stores the text 1:
 * https://learn.microsoft.com/office/vba/api/excel.errorcheckingoptions.numberastext).
 *
 * A cell formatted "@" (Text) keeps what is typed as text
 * (https://learn.microsoft.com/troubleshoot/microsoft-365-apps/excel/long-numbers-incorrectly-in-excel);
 * what it does with a leading apostrophe the documentation does not say: Excel may consume it (as in
 * a General cell) or keep it as part of the text. The adapter therefore never relies on it:
 * - writing: a prefixed text goes into a cell while the cell is General, and "@" is set after
 *   (excel-adapter.ts: values before number formats on a fresh sheet, the General/"@" sandwich on a
 *   cell known to be "@");
 * - reading (readTextCell): an "@" cell whose text is an apostrophe followed by text that needed the
 *   prefix reads without the apostrophe, so that both behaviours give the same snapshot (and the
 *   same fingerprints). The cost: a text typed by hand as "'2025" into an "@" cell in an Excel that
 *   keeps apostrophes reads as "2025".
 */
// @ts-nocheck

import type { WriteValue } from "../../workbook/model";

/** The Text number format. */
export const TEXT_FORMAT = "@";

/**
 * True when Excel would not keep the string as typed: a formula or sign (= + -), its own prefixes
 * (' @), an error literal (#N/A), an accounting negative "(5)", TRUE/FALSE, or anything holding a
 * digit (numbers, dates such as "2025-10" or "2025年10月", times, percentages, fractions; full-width
 * digits too). Text without any of these is left alone.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  const s = text.normalize("NFKC");
  return /^[=+\-'@#(]/.test(s.trimStart()) || /\d/.test(s) || /^\s*(true|false)\s*$/i.test(s);
}

/** The value to put into `Range.values` so that Excel stores exactly `value` (in a General cell). */
export function toExcelInput(value: WriteValue): string | number | boolean {
  if (value === null) return ""; // "" clears the cell; null would mean "leave unchanged"
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`不能写入非有限数值 / cannot write a non-finite number: ${value}`);
    return value;
  }
  if (typeof value === "boolean") return value;
  return needsTextPrefix(value) ? `'${value}` : value;
}

/**
 * The text of a cell as read: in an "@" cell, an apostrophe Excel kept in front of text that needed
 * it (see the header) is dropped. Any other value is returned as is.
 */
export function readTextCell<T>(value: T, numberFormat: unknown): T | string {
  if (numberFormat !== TEXT_FORMAT || typeof value !== "string" || !value.startsWith("'")) return value;
  const rest = value.slice(1);
  return needsTextPrefix(rest) ? rest : value;
}
