/**
 * Finds every monthly scorecard (附件二) in a workbook by its content, wherever it sits:
 * a header row holding 序号, 考核项目 or 考核指标, 满分 and 单项得分 (SPEC §8), anywhere on the
 * sheet; the 14 rows by their 考核指标 text (normalized, with the aliases of SCORECARD_ITEMS),
 * never by position; the month from the 考核月份 cell, else the sheet name, else the title.
 */
// @ts-nocheck

import { monthLabel, MonthKey, SCORECARD_ITEMS, scorecardItem } from "../../domain";
import { extractMonth, isDateFormat, normalizedValue, serialToIso, gridOf, SheetGrid } from "./grid";
import { located, LocatedProblem } from "./located";
import { a1, CellValue, WorkbookSnapshot } from "../model";
import { normalizeHeader } from "./normalize";

export interface FoundScorecard {
  sheet: string;
  /** Position of the sheet in the workbook, 0-based. */
  sheetIndex: number;
  month: MonthKey;
  /** Where the month was read: the 考核月份 cell (A1), or the sheet name / title. */
  monthFrom: { kind: "cell" | "sheet-name" | "title"; cell: string | null };
  headerRow: number;
  columns: {
    /** X月完成情况; null when the sheet has no such column (summaries are then not written). */
    summary: number | null;
    score: number;
    indicator: number | null;
    max: number;
  };
  /** Item 序号 1–14 → its row, and the A1 cells written for it. */
  items: { no: number; row: number; scoreCell: string; summaryCell: string | null }[];
  /** The 考核得分 label and the cell the total is written to. */
  totalLabelCell: string;
  totalCell: string;
  protected: boolean;
}

export interface FindResult {
  scorecards: FoundScorecard[];
  problems: LocatedProblem[];
}

/** The table header cells looked for (SPEC §8). */
type HeaderName = "no" | "section" | "indicator" | "max" | "score";

interface KnownNames {
  /** Header key → the table header it names. The keys are distinct, so a key names at most one. */
  headerByKey: Map<string, HeaderName>;
  /** The 考核月份 and 考核得分 labels as compared. */
  month: string;
  total: string;
  /** Normalized 考核指标 text → item 序号. */
  indicators: Map<string, number>;
}

/** The names as compared: built on first use, not when the module loads (mutation-testable, issue 17). */
let knownNames: KnownNames | null = null;

function theNames(): KnownNames {
// Stryker disable next-line ConditionalExpression: building the names again on every call gives the same names (a memo only)
  if (knownNames === null) {
    const header: Record<HeaderName, string> = {
      no: normalizeHeader("序号"),
      section: normalizeHeader("考核项目"),
      indicator: normalizeHeader("考核指标"),
      max: normalizeHeader("满分"),
      score: normalizeHeader("单项得分"),
    };
    const indicators = new Map<string, number>();
    for (const item of SCORECARD_ITEMS) {
      for (const name of [item.indicator, ...item.aliases]) indicators.set(normalizeHeader(name), item.no);
    }
    const headerByKey = new Map<string, HeaderName>((Object.entries(header) as [HeaderName, string][]).map(([name, text]) => [text, name]));
    knownNames = { headerByKey, month: normalizeHeader("考核月份"), total: normalizeHeader("考核得分"), indicators };
  }
  return knownNames;
}

/** "满分(分)" → "满分". */
const stripTrailingParen = (t: string) => t.replace(/\([^()]*\)$/, "");

/** X月完成情况, 10月完成情况, 十月完成情况, 完成情况. */
const isSummaryHeader = (key: string) => /^(?:x|\d{1,2}|[一二三四五六七八九十]{1,3})?月?完成情况$/.test(key);

/** What a header cell's text is: one of HEADER, a X月完成情况 column, or both. Null for a blank key. */
interface HeaderRole {
  name: HeaderName | undefined;
  summary: boolean;
}

/**
 * Every sheet's cells are looked at for the header row, and a workbook repeats the same texts on
 * each month's sheet: the role of each text is worked out once (keyed by the text; short texts
 * only, as a header is; bounded).
 */
const headerRoles = new Map<string, HeaderRole | null>();

function headerRole(value: CellValue): HeaderRole | null {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a blank key and "null" both name no header (role null or nameless, read the same)
  const text = value === null ? "" : String(value);
  let role = headerRoles.get(text);
  // Stryker disable next-line ConditionalExpression: working the role out again instead of from the memo gives the same role
  if (role === undefined) {
    const key = stripTrailingParen(normalizeHeader(text));
    // Stryker disable next-line ConditionalExpression,StringLiteral: a blank key names no header and is no X月完成情况 either way
    role = key === "" ? null : { name: theNames().headerByKey.get(key), summary: isSummaryHeader(key) };
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: which texts are kept in the memo changes no role
    if (text.length <= 200) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: when the memo is cleared changes no role
      if (headerRoles.size > 10_000) headerRoles.clear();
      headerRoles.set(text, role);
    }
  }
  return role;
}

/** Raw cell text → item 序号 (or null): the same dozen texts come back on every monthly sheet. */
const indicatorOfText = new Map<string, number | null>();

function matchIndicator(value: CellValue): number | null {
  if (typeof value !== "string") return null;
  const known = indicatorOfText.get(value);
  // Stryker disable next-line ConditionalExpression: matching again instead of from the memo gives the same item
  if (known !== undefined) return known;
  const t = normalizeHeader(value);
  // Stryker disable next-line ConditionalExpression,StringLiteral: a blank text matches no indicator either way
  const no = t === "" ? null : (theNames().indicators.get(t) ?? theNames().indicators.get(stripTrailingParen(t)) ?? null);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: which texts are kept in the memo changes no match
  if (value.length <= 200) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when the memo is cleared changes no match
    if (indicatorOfText.size > 10_000) indicatorOfText.clear();
    indicatorOfText.set(value, no);
  }
  return no;
}

interface HeaderColumns {
  row: number;
  no: number;
  section: number | null;
  indicator: number | null;
  max: number;
  score: number;
  summary: number | null;
}

function findHeader(grid: SheetGrid): HeaderColumns | null {
  for (const row of grid.rows) {
    const cols: Partial<Record<HeaderName | "summary", number>> = {};
    for (const cell of grid.rowCells(row)) {
      const role = headerRole(cell.value);
      if (role === null) continue;
      if (role.name !== undefined && cols[role.name] === undefined) cols[role.name] = cell.col;
      if (role.summary && cols.summary === undefined) cols.summary = cell.col;
    }
    if (cols.no !== undefined && cols.max !== undefined && cols.score !== undefined && (cols.section !== undefined || cols.indicator !== undefined)) {
      return { row, no: cols.no, section: cols.section ?? null, indicator: cols.indicator ?? null, max: cols.max, score: cols.score, summary: cols.summary ?? null };
    }
  }
  return null;
}

/** The merge holding an owned cell starts left of it, at `m`: a write would cover what is there. */
function mergedIntoOwned(sheet: string, row: number, indicator: string, m: { row: number; col: number }, what: string): LocatedProblem {
  const cell = a1(m.row, m.col);
  return located("error", "merged-into-owned", { sheet, cell, indicator: `${indicator} ${what}` }, `工作表「${sheet}」第 ${row} 行「${indicator}」的${what}单元格与左侧的 ${cell} 合并在一起，写入会覆盖其中的内容；请取消该合并`, `sheet "${sheet}" row ${row} (${indicator}): the ${what} cell is merged with ${cell} to its left; writing would overwrite it — unmerge it`);
}

/** Columns looked at right of a blank cell for a value a merged label may hide (see valueBeyond). */
const MERGE_LOOKAHEAD = 4;

/**
 * On a sheet whose merged areas are unknown: the first non-blank cell of the row within a few
 * columns right of the blank cell (row, col) — where a label's value would be if the label were
 * merged over (row, col). Null when there is none (merged or not, the reading is then the same).
 */
function valueBeyond(grid: SheetGrid, row: number, col: number): string | null {
  for (let c = col + 1; c <= col + MERGE_LOOKAHEAD; c++) {
    const cell = grid.cell(row, c);
    if (!cell || isBlank(cell.value)) continue;
    if (typeof cell.value === "string" && /[:：]$/.test(cell.value.trim())) return null; // the next label
    return a1(row, c);
  }
  return null;
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * A label whose value would be read through a merge this Excel cannot see (below ExcelApi 1.13):
 * refused rather than read or written in the wrong cell.
 */
function unseenMerge(sheet: string, labelCell: string, label: string, beyond: string | null, blank?: string): LocatedProblem {
  const where = beyond
    ? { zh: `其右侧单元格为空，而 ${beyond} 有内容：无法确定「${label}」标签是否与右侧单元格合并、其内容是否在 ${beyond}`, en: `the cell right of it is blank and ${beyond} holds a value: whether the label is merged with the cells to its right, its value then in ${beyond}, cannot be told` }
    : { zh: `其右侧的 ${blank ?? ""} 为空且不在单项得分列上方：无法确定「${label}」标签是否与之合并`, en: `${blank ?? ""} right of it is blank and not above the 单项得分 column: whether the label is merged with it cannot be told` };
  return located(
    "error",
    "merges-unknown",
    { sheet, cell: labelCell, indicator: label },
    `工作表「${sheet}」：此版本的 Excel 无法读取合并单元格（需要 ExcelApi 1.13），「${label}」标签在 ${labelCell}，${where.zh}。为免读错或写错单元格，未处理此表。请取消该标签的合并并把内容填在标签右侧紧邻的单元格，或在 Excel 2021 及更新版本、网页版 Excel 中使用`,
    `sheet "${sheet}": this Excel cannot read merged cells (needs ExcelApi 1.13); the ${label} label is at ${labelCell} and ${where.en}. The sheet is not used, rather than read or write the wrong cell. Unmerge the label and put its value in the cell right next to it, or use Excel 2021 or later, or Excel on the web`,
  );
}

/** What a 考核得分 cell may hold and still be written over: nothing, or a score. */
function isScoreLike(v: CellValue): boolean {
  return v === null || typeof v === "number" || (typeof v === "string" && (v.trim() === "" || /^[-+]?\d+(\.\d+)?$/.test(v.trim())));
}

function labelRest(text: string, label: string): string {
  return text.slice(label.length).replace(/^[:：]/, "");
}

type MonthRead = { month: MonthKey } | { bad: string } | null;

/** A month from the cell beside the 考核月份 label: text, a real date, or 202510. */
function monthFromValue(value: CellValue, numberFormat: string): MonthRead {
  // Stryker disable next-line ConditionalExpression,StringLiteral: "" is blank text, refused as null two lines below too
  if (value === null || value === "") return null;
  if (typeof value === "number") {
    if (isDateFormat(numberFormat)) {
      const iso = serialToIso(value);
      return iso ? { month: iso.slice(0, 7) } : { bad: String(value) };
    }
    const m = Number.isInteger(value) ? extractMonth(String(value)) : null;
    return m ? { month: m } : { bad: String(value) };
  }
  if (typeof value === "boolean") return { bad: String(value) };
  if (value.trim() === "") return null;
  const m = extractMonth(value);
  return m ? { month: m } : { bad: value };
}

interface Candidate {
  card: FoundScorecard;
}

/** Finds the scorecards of a workbook; problems name the sheet, the cell and the row or column. */
export function findScorecards(snapshot: WorkbookSnapshot): FindResult {
  const problems: LocatedProblem[] = [];
  const candidates: Candidate[] = [];

  for (const sheet of snapshot.sheets) {
    const grid = gridOf(sheet);
    const header = findHeader(grid);
    if (!header) continue;
    const name = sheet.name;
    const sheetProblems: LocatedProblem[] = [];
    const err = (cell: string | null, indicator: string, code: string, zh: string, en: string) =>
      sheetProblems.push(located("error", code, { sheet: name, cell, indicator }, zh, en));

    // Rows by 考核指标 text: the 考核指标 column first, then any text cell left of 单项得分
    // (the contract's own table puts 客户有效投诉 one column to the right).
    const rowsOf = new Map<number, number[]>();
    let lastItemRow = header.row;
    for (const row of grid.rows) {
      if (row <= header.row) continue;
      let no: number | null = header.indicator !== null ? matchIndicator(grid.value(row, header.indicator)) : null;
      if (no === null) {
        for (const cell of grid.rowCells(row)) {
          if (cell.col >= header.score || cell.col === header.summary) continue;
          no = matchIndicator(cell.value);
          if (no !== null) break;
        }
      }
      if (no === null) continue;
      rowsOf.set(no, [...(rowsOf.get(no) ?? []), row]);
      lastItemRow = Math.max(lastItemRow, row);
    }
    for (const item of SCORECARD_ITEMS) {
      const rows = rowsOf.get(item.no) ?? [];
      if (rows.length === 0)
        err(null, item.indicator, "missing-row", `工作表「${name}」像是月度考核表（表头在第 ${header.row} 行），但缺少第 ${item.no} 项「${item.indicator}」所在的行`, `sheet "${name}" looks like a monthly scorecard (header on row ${header.row}) but has no row for item ${item.no} "${item.indicatorEn}" (${item.indicator})`);
      else if (rows.length > 1)
        err(a1(rows[1] ?? 0, header.indicator ?? header.no), item.indicator, "duplicate-row", `工作表「${name}」第 ${rows.join("、")} 行都是第 ${item.no} 项「${item.indicator}」，无法确定写入哪一行`, `sheet "${name}": rows ${rows.join(", ")} are all item ${item.no} (${item.indicatorEn}); cannot tell which to write`);
    }

    // The month: 考核月份 cell, else the sheet name, else a title holding a month.
    let month: MonthKey | null = null;
    // Stryker disable next-line ObjectLiteral,StringLiteral: never read: every path that sets the month sets monthFrom, and no month leaves the sheet out
    let monthFrom: FoundScorecard["monthFrom"] = { kind: "sheet-name", cell: null };
    // The label above the table first (a note below it may also start with 考核月份).
    // Stryker disable next-line ConditionalExpression: a number or TRUE/FALSE never starts with 考核月份
    const monthLabels = sheet.cells.filter((c) => typeof c.value === "string" && normalizedValue(c.value).startsWith(theNames().month));
    const monthLabelCell = monthLabels.find((c) => c.row < header.row) ?? monthLabels[0];
    if (monthLabelCell) {
      const rest = labelRest(normalizedValue(monthLabelCell.value), theNames().month);
      let read: MonthRead;
      let cell: string;
      if (rest !== "") {
        // Stryker disable next-line StringLiteral: the number format is not looked at for text
        read = monthFromValue(rest, "General");
        cell = a1(monthLabelCell.row, monthLabelCell.col);
      } else {
        const next = grid.rightOf(monthLabelCell.row, monthLabelCell.col);
        const c = grid.cell(next.row, next.col);
        // A neighbour that is itself a label ("考核得分：") holds no month.
        const isLabel = typeof c?.value === "string" && /[:：]$/.test(c.value.trim());
        // Stryker disable next-line StringLiteral: with no cell the value is null and the format is not looked at
        read = isLabel ? null : monthFromValue(c?.value ?? null, c?.numberFormat ?? "General");
        cell = a1(next.row, next.col);
        const beyond = sheet.mergesUnknown && isBlank(c?.value) ? valueBeyond(grid, next.row, next.col) : null;
        if (beyond) sheetProblems.push(unseenMerge(name, a1(monthLabelCell.row, monthLabelCell.col), "考核月份", beyond));
      }
      if (read && "bad" in read)
        err(cell, "考核月份", "bad-month", `工作表「${name}」的考核月份「${read.bad}」无法识别（例：2025年10月、2025-10）`, `sheet "${name}": month "${read.bad}" is not a month (e.g. 2025年10月, 2025-10)`);
      else if (read) {
        month = read.month;
        monthFrom = { kind: "cell", cell };
      }
    }
    const fromName = extractMonth(name);
    if (month === null && fromName) {
      month = fromName;
      monthFrom = { kind: "sheet-name", cell: null };
    // Stryker disable next-line ConditionalExpression: with no month the first branch or a null fromName already decides (month !== null → true is equivalent)
    } else if (month !== null && fromName && fromName !== month) {
      sheetProblems.push(
        located("warning", "month-name-differs", { sheet: name, cell: monthFrom.cell, indicator: "考核月份" }, `工作表「${name}」的考核月份为 ${monthLabel(month)}，与工作表名称中的 ${monthLabel(fromName)} 不一致，按考核月份单元格计`, `sheet "${name}": the month cell says ${month}, the sheet name ${fromName}; the cell is used`, month),
      );
    }
    if (month === null && !sheetProblems.some((p) => p.code === "bad-month")) {
      const title = grid.rows
        .filter((r) => r < header.row)
        .flatMap((r) => grid.rowCells(r))
        .find((c) => typeof c.value === "string" && normalizedValue(c.value).includes("考核") && extractMonth(c.value) !== null);
      if (title && typeof title.value === "string") {
        month = extractMonth(title.value);
        monthFrom = { kind: "title", cell: a1(title.row, title.col) };
      }
    }
    if (month === null && !sheetProblems.some((p) => p.code === "bad-month"))
      err(monthLabelCell ? a1(monthLabelCell.row, monthLabelCell.col) : null, "考核月份", "no-month", `工作表「${name}」是月度考核表，但找不到考核月份：请在「考核月份」旁填写（如 2025年10月），或把工作表命名为月份（如 2025年10月）`, `sheet "${name}" is a monthly scorecard but its month cannot be found: fill in 考核月份 (e.g. 2025年10月) or name the sheet after the month`);

    // The 考核得分 cell: right of the label (right of its merge); a 考核得分 row inside the table
    // (just below the last item, left of 单项得分) writes to the 单项得分 column.
    const totalLabel = sheet.cells.find((c) => c.row !== header.row && typeof c.value === "string" && normalizedValue(c.value).startsWith(theNames().total));
    let totalCell: string | null = null;
    if (!totalLabel) {
      err(null, "考核得分", "no-total-cell", `工作表「${name}」找不到「考核得分」标签，无法写入考核得分`, `sheet "${name}": no 考核得分 label, so the monthly total has nowhere to go`);
    } else {
      const inTable = totalLabel.row > header.row && totalLabel.row <= lastItemRow + 1 && totalLabel.col < header.score;
      const target = inTable ? grid.master(totalLabel.row, header.score) : grid.rightOf(totalLabel.row, totalLabel.col);
      const current = grid.cell(target.row, target.col);
      const rest = labelRest(normalizedValue(totalLabel.value), theNames().total);
      const labelCell = a1(totalLabel.row, totalLabel.col);
      // Merges unknown (ExcelApi < 1.13): a blank cell right of the label may be part of the label's merge.
      const unseen = sheet.mergesUnknown === true && !inTable && current === undefined;
      const beyond = unseen ? valueBeyond(grid, target.row, target.col) : null;
      if (beyond) {
        sheetProblems.push(unseenMerge(name, labelCell, "考核得分", beyond));
      } else if (unseen && target.col !== header.score) {
        sheetProblems.push(unseenMerge(name, labelCell, "考核得分", null, a1(target.row, target.col)));
      } else if (current && current.formula === undefined && !isScoreLike(current.value)) {
        err(a1(target.row, target.col), "考核得分", "total-cell-taken", `工作表「${name}」「考核得分」右侧的单元格 ${a1(target.row, target.col)} 已有内容「${String(current.value)}」，为免覆盖，未写入；请在标签右侧留一个空白单元格`, `sheet "${name}": the cell right of 考核得分 (${a1(target.row, target.col)}) holds "${String(current.value)}"; it is not overwritten — leave a blank cell right of the label`);
      } else {
        totalCell = a1(target.row, target.col);
        if (unseen)
          sheetProblems.push(
            located("warning", "merges-unknown-total", { sheet: name, cell: totalCell, indicator: "考核得分" }, `此版本的 Excel 无法读取合并单元格：考核得分将写在「考核得分」标签（${labelCell}）右侧、单项得分列上方的 ${totalCell}。如该标签与 ${totalCell} 合并，写入的分数将不可见，请先取消该合并`, `this Excel cannot read merged cells: the total goes to ${totalCell}, right of the 考核得分 label (${labelCell}) above the 单项得分 column. If the label is merged with ${totalCell}, the score written would not show: unmerge it first`),
          );
        if (rest !== "")
          sheetProblems.push(located("warning", "total-label-text", { sheet: name, cell: a1(totalLabel.row, totalLabel.col), indicator: "考核得分" }, `「考核得分」标签单元格中另有文字「${rest}」，未改动；考核得分写在 ${totalCell}`, `the 考核得分 label cell also holds "${rest}"; it is left as is and the total is written to ${totalCell}`));
      }
    }

    // Every owned cell is written once: two items sharing a merged 单项得分 cell cannot both be written.
    const items: FoundScorecard["items"] = [];
    for (const item of SCORECARD_ITEMS) {
      const rows = rowsOf.get(item.no);
      if (!rows || rows.length !== 1) continue;
      const row = rows[0] ?? 0;
      const s = grid.master(row, header.score);
      const w = header.summary !== null ? grid.master(row, header.summary) : null;
      // A merge that starts left of the owned column (评分细则+完成情况, 满分+单项得分…) would put the
      // written value over the clerk's text: refuse rather than overwrite it.
      const badScore = s.col !== header.score;
      if (badScore) sheetProblems.push(mergedIntoOwned(name, row, item.indicator, s, "单项得分"));
      const badSummary = w !== null && header.summary !== null && w.col !== header.summary;
      if (badSummary) sheetProblems.push(mergedIntoOwned(name, row, item.indicator, w, "完成情况"));
      if (badScore || badSummary) continue;
      items.push({ no: item.no, row, scoreCell: a1(s.row, s.col), summaryCell: w ? a1(w.row, w.col) : null });
    }
    const owners = new Map<string, string>();
    const claim = (cell: string, what: string) => {
      const prev = owners.get(cell);
      if (prev) err(cell, what, "shared-cell", `工作表「${name}」的单元格 ${cell} 同时是「${prev}」和「${what}」的写入位置（合并单元格跨了两项），无法分别写入`, `sheet "${name}": cell ${cell} is where both "${prev}" and "${what}" go (a merge spans two items)`);
      else owners.set(cell, what);
    };
    for (const it of items) {
      const ind = scorecardItem(it.no).indicator;
      claim(it.scoreCell, `${ind} 单项得分`);
      if (it.summaryCell) claim(it.summaryCell, `${ind} 完成情况`);
    }
    if (totalCell) claim(totalCell, "考核得分");
    if (header.summary === null)
      sheetProblems.push(located("warning", "no-summary-column", { sheet: name, cell: a1(header.row, header.score), indicator: "X月完成情况" }, `工作表「${name}」没有「X月完成情况」列，完成情况未写入`, `sheet "${name}" has no X月完成情况 column: the summaries are not written`));

    problems.push(...sheetProblems);
    if (sheetProblems.some((p) => p.severity === "error") || month === null || totalCell === null || !totalLabel) continue;
    candidates.push({
      card: {
        sheet: name,
        sheetIndex: sheet.index,
        month,
        monthFrom,
        headerRow: header.row,
        columns: { summary: header.summary, score: header.score, indicator: header.indicator, max: header.max },
        items,
        totalLabelCell: a1(totalLabel.row, totalLabel.col),
        totalCell,
        protected: sheet.protected === true,
      },
    });
  }

  // Two sheets for one month: an error naming both.
  const byMonth = new Map<MonthKey, FoundScorecard>();
  const scorecards: FoundScorecard[] = [];
  for (const { card } of candidates) {
    const prev = byMonth.get(card.month);
    if (prev) {
      problems.push(located("error", "duplicate-scorecard", { sheet: card.sheet, cell: card.monthFrom.cell, indicator: "考核月份" }, `工作表「${prev.sheet}」和「${card.sheet}」都是 ${monthLabel(card.month)} 的考核表，请删除或改正其中一张`, `sheets "${prev.sheet}" and "${card.sheet}" are both the ${card.month} scorecard; remove or correct one`, card.month));
      continue;
    }
    byMonth.set(card.month, card);
    scorecards.push(card);
  }
  return { scorecards, problems };
}
