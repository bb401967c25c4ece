/**
 * Reads the optional 节假日安排 sheet (SPEC §9): one row per day that differs from an ordinary week,
 * 日期 | 类型 (休 / 班) | 说明, typed from the State Council's notice. The sheet is found by name and
 * its columns by header name, as the other input sheets are (normalized: spaces, full/half width,
 * case; a header row below a title or note is found). Dates are Excel dates or text; 类型 is
 * 休/班 or a common spelling (休息, 放假, 上班, 补班…). Every cell that cannot be read is an error
 * naming the sheet, the cell and the column. No sheet: rows = null (the library's calendar alone).
 * The engine's calendarWithOverrides checks the rows (duplicates, disagreements with the library);
 * `locate` turns its field paths ("holidays[3].date") back into cells.
 */
// @ts-nocheck

import { HolidayKind, HolidayRow, IsoDate, parseHolidayKind } from "../../domain";
import { a1, CellRef, ReadCell, WorkbookSnapshot } from "../model";
import { SheetGrid } from "./grid";
import { located, LocatedProblem } from "./located";
import { looseHeader, normalizeHeader } from "./normalize";
import { INPUT_SHEETS } from "./sheet-names";
import { cellDate, findSheet, HEADER_SEARCH_ROWS, isBlank, type Read, shown } from "./cells";

/** The header of 节假日安排, in order (the template writes it so). */
export const HOLIDAY_HEADERS = ["日期", "类型", "说明"] as const;

type HolidayKey = "date" | "kind" | "note";

const COLUMNS: readonly { key: HolidayKey; header: string; aliases: readonly string[]; required: boolean }[] = [
  { key: "date", header: "日期", aliases: ["date", "日子"], required: true },
  { key: "kind", header: "类型", aliases: ["休/班", "安排", "放假/上班", "休息/上班", "type"], required: true },
  { key: "note", header: "说明", aliases: ["备注", "节日", "名称", "节假日", "note"], required: false },
];

/** Years a holiday row may name: anything else is a typing slip (or a number read as an Excel serial). */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

export interface HolidaySheet {
  /** The rows read; null when the workbook has no 节假日安排 sheet. Rows with an unreadable cell are left out. */
  rows: HolidayRow[] | null;
  /** Problems found while reading (errors), located. */
  problems: LocatedProblem[];
  /** "sheet!A1" of every cell that could not be read. */
  unreadable: string[];
  /** Sheet, cell and column of a field path "holidays[i].date|kind|note" (i indexes `rows`); null otherwise. */
  locate(field: string): CellRef | null;
}

const keyOf = (text: string): HolidayKey | undefined => {
  const strict = normalizeHeader(text);
  const loose = looseHeader(text);
  for (const c of COLUMNS) if ([c.header, ...c.aliases].some((n) => normalizeHeader(n) === strict)) return c.key;
  for (const c of COLUMNS) if ([c.header, ...c.aliases].some((n) => normalizeHeader(n) === loose)) return c.key;
  return undefined;
};

const headerOf = (key: HolidayKey): string => COLUMNS.find((c) => c.key === key)?.header ?? key;


/** A date: a real Excel date, a serial, or text ("2027-02-08", "2027年2月8日", "20270208"). */
function readHolidayDate(cell: ReadCell | undefined): Read<IsoDate> {
  const v = cell?.value ?? null;
  if (isBlank(v)) return { ok: false, zh: "「日期」未填写（一行填一天，如 2027-02-08）", en: "日期 (date) is blank (one day a row, e.g. 2027-02-08)" };
  const iso = cellDate(cell);
  if (!iso)
    return { ok: false, zh: `「日期」应为一个日期（如 2027-02-08，一行填一天），实为「${shown(v)}」`, en: `日期 must be one date (e.g. 2027-02-08, one day a row), got "${shown(v)}"` };
  const year = Number(iso.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR)
    return { ok: false, zh: `「日期」${iso} 的年份不在 ${FIRST_YEAR}–${LAST_YEAR} 之内，请核对（实为「${shown(v)}」）`, en: `日期 ${iso} is not in ${FIRST_YEAR}–${LAST_YEAR}: check it (got "${shown(v)}")` };
  return { ok: true, value: iso };
}

function readHolidayKind(cell: ReadCell | undefined): Read<HolidayKind> {
  const v = cell?.value ?? null;
  if (isBlank(v)) return { ok: false, zh: "「类型」未填写，应为 休（放假）或 班（调休上班）", en: "类型 (type) is blank: it must be 休 (day off) or 班 (make-up working day)" };
  const kind = typeof v === "string" ? parseHolidayKind(v) : null;
  if (kind === null)
    return { ok: false, zh: `「类型」应为 休（放假）或 班（调休上班），实为「${shown(v)}」`, en: `类型 must be 休 (day off) or 班 (make-up working day), got "${shown(v)}"` };
  return { ok: true, value: kind };
}

export function readHolidaySheet(snapshot: WorkbookSnapshot): HolidaySheet {
  const sheet = findSheet(snapshot, INPUT_SHEETS.holidays);
  const none: HolidaySheet = { rows: null, problems: [], unreadable: [], locate: () => null };
  if (!sheet) return none;
  const problems: LocatedProblem[] = [];
  const unreadable: string[] = [];
  const grid = new SheetGrid(sheet);
  const ref = (cell: string | null, key: HolidayKey): CellRef => ({ sheet: sheet.name, cell, indicator: headerOf(key) });

  // The header row is the one (among the first rows) that holds the most known headers.
  let best: { row: number; cols: Map<HolidayKey, number> } | null = null;
  for (const row of grid.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const cols = new Map<HolidayKey, number>();
    for (const cell of grid.rowCells(row)) {
      if (typeof cell.value !== "string") continue;
      const key = keyOf(cell.value);
      if (key === undefined) continue;
      if (cols.has(key)) {
        problems.push(located("error", "duplicate-column", ref(a1(row, cell.col), key), `工作表「${sheet.name}」有两列都是「${headerOf(key)}」（${a1(row, cols.get(key) ?? 0)} 与 ${a1(row, cell.col)}）`, `sheet "${sheet.name}" has two "${headerOf(key)}" columns (${a1(row, cols.get(key) ?? 0)} and ${a1(row, cell.col)})`));
        continue;
      }
      cols.set(key, cell.col);
    }
    if (cols.size > 0 && (!best || cols.size > best.cols.size)) best = { row, cols };
  }
  // An empty sheet is a sheet with no rows yet; one with text but no header cannot be read.
  const required = COLUMNS.filter((c) => c.required);
  if (!best) {
    if (grid.rows.some((r) => grid.rowCells(r).some((c) => !isBlank(c.value))))
      problems.push(located("error", "no-header", { sheet: sheet.name, cell: null, indicator: HOLIDAY_HEADERS.join("、") }, `工作表「${sheet.name}」找不到表头行（应有：${required.map((c) => c.header).join("、")}）`, `sheet "${sheet.name}" has no header row (expected: ${required.map((c) => c.header).join(", ")})`));
    return { ...none, rows: [], problems };
  }
  const { row: headerRow, cols } = best;
  for (const c of required) {
    if (!cols.has(c.key))
      problems.push(located("error", "missing-column", ref(null, c.key), `工作表「${sheet.name}」的表头（第 ${headerRow} 行）缺少「${c.header}」列`, `sheet "${sheet.name}": the header (row ${headerRow}) has no "${c.header}" column`));
  }
  const cellAt = (row: number, key: HolidayKey): ReadCell | undefined => {
    const col = cols.get(key);
    return col === undefined ? undefined : grid.cell(row, col);
  };
  const addressOf = (row: number, key: HolidayKey): string | null => {
    const col = cols.get(key);
    return col === undefined ? null : a1(row, col);
  };

  const rows: HolidayRow[] = [];
  const origin: number[] = [];
  if (required.every((c) => cols.has(c.key))) {
    for (const row of grid.rows) {
      if (row <= headerRow) continue;
      if ([...cols.values()].every((c) => isBlank(grid.value(row, c)))) continue;
      // A row with only a 说明 is a remark, not a day.
      if (isBlank(cellAt(row, "date")?.value ?? null) && isBlank(cellAt(row, "kind")?.value ?? null)) continue;
      const date = readHolidayDate(cellAt(row, "date"));
      const kind = readHolidayKind(cellAt(row, "kind"));
      for (const [key, r] of [["date", date], ["kind", kind]] as const) {
        if (r.ok) continue;
        const cell = addressOf(row, key);
        if (cell !== null) unreadable.push(`${sheet.name}!${cell}`);
        problems.push(located("error", "bad-value", ref(cell, key), r.zh, r.en));
      }
      if (!date.ok || !kind.ok) continue;
      const note = cellAt(row, "note")?.value ?? null;
      rows.push({ date: date.value, kind: kind.value, note: note === null ? "" : String(note).trim() });
      origin.push(row);
    }
  }

  return {
    rows,
    problems,
    unreadable,
    locate(field: string): CellRef | null {
      const m = /^holidays\[(\d+)\]\.(date|kind|note)$/.exec(field);
      if (!m) return field === "holidays" ? { sheet: sheet.name, cell: null, indicator: INPUT_SHEETS.holidays } : null;
      const row = origin[Number(m[1])];
      const key = m[2] as HolidayKey;
      return row === undefined ? null : ref(addressOf(row, key), key);
    },
  };
}
