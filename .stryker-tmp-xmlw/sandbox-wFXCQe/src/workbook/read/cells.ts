/**
 * What every reader of an input sheet shares (指标录入 … 约定调整, 合同信息, 付款条款, 节假日安排):
 * finding a sheet by its normalised name, how far down a header row is looked for, and the small
 * vocabulary of reading one cell — blank or not, shown back to the clerk as typed, and a reading
 * that is either a value or a message in zh-CN and English.
 */
// @ts-nocheck

import { type IsoDate, type MonthKey, parseDate } from "../../domain";
import type { CellValue, ReadCell, SheetSnapshot, WorkbookSnapshot } from "../model";
import { extractMonth, isDateFormat, serialToIso } from "./grid";
import { normalizeText } from "./normalize";

/** A header row is looked for among a sheet's first rows (title rows above it are fine). */
export const HEADER_SEARCH_ROWS = 30;

/** The sheet whose name matches after normalisation (spaces, full/half width, case); null when there is none. */
export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | null {
  const want = normalizeText(name);
  return snapshot.sheets.find((s) => normalizeText(s.name) === want) ?? null;
}

/** A cell read: its value, or why not (zh-CN first, English second). */
export type Read<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };
export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const bad = <T>(zh: string, en: string): Read<T> => ({ ok: false, zh, en });

/** Empty, or only spaces. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A value as the clerk typed it, for a message ("" for none). */
export function shown(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

/** A cell's text, trimmed; "" when blank. */
export function readText(cell: ReadCell | undefined): string {
  return isBlank(cell?.value) ? "" : String(cell?.value).trim();
}

/**
 * A cell's date as clerks type it: a real Excel date, a serial, 20251013 typed as a number, or
 * text ("2025-10-13", "2025年10月13日"). null when blank; undefined when it is not a date.
 */
export function cellDate(cell: ReadCell | undefined): IsoDate | null | undefined {
  const v = cell?.value ?? null;
  if (isBlank(v)) return null;
  if (typeof v === "number") {
    if (!isDateFormat(cell?.numberFormat) && Number.isInteger(v) && v >= 19000101 && v <= 29991231) return parseDate(String(v)) ?? undefined;
    return serialToIso(v) ?? undefined;
  }
  if (typeof v === "string") return parseDate(v) ?? undefined;
  return undefined;
}

/**
 * A cell's month: "2025-03", "2025年3月", a real date, 202503. null when blank; undefined when it is
 * not a month; "ambiguous" for a number like 2025.1 (January or October?).
 */
export function cellMonth(cell: ReadCell | undefined): MonthKey | null | undefined | "ambiguous" {
  const v = cell?.value ?? null;
  if (isBlank(v)) return null;
  if (typeof v === "number") {
    if (isDateFormat(cell?.numberFormat)) return serialToIso(v)?.slice(0, 7) ?? undefined;
    if (!Number.isInteger(v)) return "ambiguous";
    return extractMonth(String(v)) ?? undefined;
  }
  if (typeof v === "string") return extractMonth(v) ?? undefined;
  return undefined;
}
