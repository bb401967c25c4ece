/**
 * The optional 约定调整 sheet (SPEC §8, A11): one row per item score both parties agreed for a month
 * the contract cannot score — 考核月份 | 序号 (1–10) | 约定得分 | 依据. Found by name; the header row
 * is the one among the first rows holding the most known headers, matched after normalization
 * (spaces, full/half width, case), column order free, extra columns left alone — as readInputs
 * reads the other input sheets. Every cell that cannot be read is an error naming the sheet, the
 * cell and the field; the engine checks the rest (序号 1–10, the score between the item's floor and
 * 满分, 依据 given, no duplicates) and its problems (`agreedScores[i].item` …) are located here.
 * Absent sheet = no agreed scores.
 */
// @ts-nocheck

import { dec, type AgreedScore, type MonthKey } from "../../domain";
import { SheetGrid } from "./grid";
import { located, type LocatedProblem } from "./located";
import { a1, type CellRef, type ReadCell, type WorkbookSnapshot } from "../model";
import { looseHeader, normalizeHeader, normalizeText } from "./normalize";
import { INPUT_SHEETS } from "./sheet-names";
import { cellMonth, findSheet, HEADER_SEARCH_ROWS, isBlank, type Read, shown } from "./cells";

export const AGREED_SHEET = INPUT_SHEETS.agreedScores;

type AgreedKey = "month" | "item" | "score" | "reason";

interface Column {
  key: AgreedKey;
  header: string;
  aliases: readonly string[];
}

/** The columns of 约定调整, every one required when the sheet is there. */
export const AGREED_COLUMNS: readonly Column[] = [
  { key: "month", header: "考核月份", aliases: ["月份"] },
  { key: "item", header: "序号", aliases: ["项目序号", "考核项序号", "考核项目序号", "项目"] },
  { key: "score", header: "约定得分", aliases: ["约定分数", "约定单项得分", "得分"] },
  { key: "reason", header: "依据", aliases: ["约定依据", "理由", "约定理由", "说明"] },
];

export interface AgreedScoresRead {
  /** False when the workbook has no 约定调整 sheet. */
  present: boolean;
  /** The rows read (a row whose month cannot be read is left out: its error is reported). */
  rows: AgreedScore[];
  problems: LocatedProblem[];
  /** "sheet!A1" of every cell that could not be read (the engine's "blank" for it is not reported again). */
  unreadable: Set<string>;
  /** Sheet, cell and field of an engine field path `agreedScores[i].month|item|score|reason`; null for any other path. */
  locate(field: string): CellRef | null;
}


function columnOf(text: string): Column | undefined {
  const strict = normalizeHeader(text);
  const loose = looseHeader(text);
  const names = (c: Column) => [c.header, ...c.aliases].map(normalizeHeader);
  return AGREED_COLUMNS.find((c) => names(c).includes(strict)) ?? AGREED_COLUMNS.find((c) => names(c).includes(loose));
}


function readMonth(cell: ReadCell | undefined): Read<MonthKey | null> {
  const m = cellMonth(cell);
  const v = shown(cell?.value ?? null);
  if (m === "ambiguous") return { ok: false, zh: `「考核月份」为数字 ${v}，无法判断是哪个月；请写成文本 2025-10 或 2025年10月`, en: `"考核月份" is the number ${v}; type it as text 2025-10` };
  if (m !== undefined) return { ok: true, value: m };
  return { ok: false, zh: `「考核月份」应为月份（如 2025-03 或 2025年3月），实为「${v}」`, en: `"考核月份" must be a month (e.g. 2025-03), got "${v}"` };
}

/** 序号: a number (checked 1–10 by the engine), or text "8", "第8项". */
function readItem(cell: ReadCell | undefined): Read<number | null> {
  const v = cell?.value ?? null;
  if (isBlank(v)) return { ok: true, value: null };
  if (typeof v === "number") return { ok: true, value: v };
  if (typeof v === "string") {
    const m = /^第?(\d+)项?$/.exec(normalizeText(v));
    if (m) return { ok: true, value: Number(m[1]) };
  }
  return { ok: false, zh: `「序号」应为附件二第1–10项的序号（如 8），实为「${shown(v)}」`, en: `"序号" must be the item number 1–10 (e.g. 8), got "${shown(v)}"` };
}

/** 约定得分: a number, or text holding one ("8", "８.５", "8分"). Kept as decimal text. */
function readScore(cell: ReadCell | undefined): Read<string | null> {
  const v = cell?.value ?? null;
  if (isBlank(v)) return { ok: true, value: null };
  if (typeof v === "number" && Number.isFinite(v)) return { ok: true, value: dec(v).toString() };
  if (typeof v === "string") {
    const t = normalizeText(v).replace(/分$/, "");
    if (/^[-+]?\d+(\.\d+)?$/.test(t)) return { ok: true, value: dec(t).toString() };
  }
  return { ok: false, zh: `「约定得分」应为数字（如 8 或 8.5），实为「${shown(v)}」`, en: `"约定得分" must be a number (e.g. 8 or 8.5), got "${shown(v)}"` };
}

function readText(cell: ReadCell | undefined): string {
  const v = cell?.value ?? null;
  return v === null ? "" : String(v).trim();
}

const NONE: AgreedScoresRead = { present: false, rows: [], problems: [], unreadable: new Set(), locate: () => null };

export function readAgreedScores(snapshot: WorkbookSnapshot): AgreedScoresRead {
  const sheet = findSheet(snapshot, AGREED_SHEET);
  if (!sheet) return { ...NONE, unreadable: new Set() };
  const problems: LocatedProblem[] = [];
  const unreadable = new Set<string>();
  const grid = new SheetGrid(sheet);
  const where = (cell: string | null, indicator: string): CellRef => ({ sheet: sheet.name, cell, indicator });

  let best: { row: number; cols: Map<AgreedKey, number>; duplicates: LocatedProblem[] } | null = null;
  for (const row of grid.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const cols = new Map<AgreedKey, number>();
    const duplicates: LocatedProblem[] = [];
    for (const cell of grid.rowCells(row)) {
      if (typeof cell.value !== "string") continue;
      const column = columnOf(cell.value);
      if (!column) continue;
      const prev = cols.get(column.key);
      if (prev !== undefined) {
        duplicates.push(located("error", "duplicate-column", where(a1(row, cell.col), column.header), `工作表「${sheet.name}」有两列都是「${column.header}」（${a1(row, prev)} 与 ${a1(row, cell.col)}）`, `sheet "${sheet.name}" has two "${column.header}" columns (${a1(row, prev)} and ${a1(row, cell.col)})`));
        continue;
      }
      cols.set(column.key, cell.col);
    }
    if (cols.size > 0 && (!best || cols.size > best.cols.size)) best = { row, cols, duplicates };
  }
  const headers = AGREED_COLUMNS.map((c) => c.header).join("、");
  if (!best) {
    // An empty sheet (headers not typed yet) is no agreed score; a sheet with data but no header is an error.
    if (grid.rows.length > 0)
      problems.push(located("error", "no-header", where(null, headers), `工作表「${sheet.name}」找不到表头行（应有：${headers}）`, `sheet "${sheet.name}" has no header row (expected: ${headers})`));
    return { present: true, rows: [], problems, unreadable, locate: () => null };
  }
  const header = best;
  problems.push(...header.duplicates);
  for (const c of AGREED_COLUMNS)
    if (!header.cols.has(c.key))
      problems.push(located("error", "missing-column", where(null, c.header), `工作表「${sheet.name}」的表头（第 ${header.row} 行）缺少「${c.header}」列`, `sheet "${sheet.name}": the header (row ${header.row}) has no "${c.header}" column`));

  const known = [...header.cols.values()];
  const dataRows = grid.rows.filter((r) => r > header.row && known.some((c) => !isBlank(grid.value(r, c))));
  const rows: AgreedScore[] = [];
  const origin: number[] = [];
  const cellOf = (row: number, key: AgreedKey) => {
    const col = header.cols.get(key);
    return col === undefined ? undefined : grid.cell(row, col);
  };
  const addressOf = (row: number, key: AgreedKey) => {
    const col = header.cols.get(key);
    return col === undefined ? null : a1(row, col);
  };
  const headerOf = (key: AgreedKey) => AGREED_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const field = <T>(row: number, key: AgreedKey, reader: (c: ReadCell | undefined) => Read<T>, fallback: T, month?: string): T => {
    if (!header.cols.has(key)) return fallback;
    const r = reader(cellOf(row, key));
    if (r.ok) return r.value;
    const cell = addressOf(row, key);
    unreadable.add(`${sheet.name}!${cell}`);
    problems.push(located("error", "bad-value", where(cell, headerOf(key)), r.zh, r.en, month));
    return fallback;
  };
  for (const row of dataRows) {
    const month = field(row, "month", readMonth, undefined as MonthKey | null | undefined);
    const item = field(row, "item", readItem, null, month ?? undefined);
    const score = field(row, "score", readScore, null, month ?? undefined);
    const reason = readText(cellOf(row, "reason"));
    if (month === undefined) continue;
    if (month === null) {
      const cell = addressOf(row, "month");
      unreadable.add(`${sheet.name}!${cell}`);
      problems.push(located("error", "missing", where(cell, "考核月份"), `约定调整第 ${row} 行已填数据，但「考核月份」未填写`, `row ${row} of 约定调整 has data but no month`));
      continue;
    }
    rows.push({ month, item, score, reason });
    origin.push(row);
  }

  const locate = (path: string): CellRef | null => {
    const m = /^agreedScores\[(\d+)\]\.(month|item|score|reason)$/.exec(path);
    if (!m) return null;
    const row = origin[Number(m[1])];
    const key = m[2] as AgreedKey;
    if (row === undefined) return null;
    return where(addressOf(row, key), headerOf(key));
  };
  return { present: true, rows, problems, unreadable, locate };
}
