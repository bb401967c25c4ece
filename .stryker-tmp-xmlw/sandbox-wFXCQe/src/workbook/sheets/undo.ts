/**
 * 撤销上次写入 (undo the last write). Before a write, buildUndoSheet records in the workbook itself —
 * so it survives closing the file — the previous content of every cell the plan sets in existing
 * sheets: value, its type, number format and formula, empty cells too. planRestore reads that record
 * back and plans the writes that put every recorded cell back exactly.
 *
 * Whole sheets the plan creates or replaces (付款结算, 计算说明, …) are owned by the product and
 * regenerated on every run: only their names are recorded, with whether each existed before. An
 * undo deletes the ones that did not exist before; the others stay and are regenerated on the next
 * run. 审计记录 (the freeze log) and 撤销记录 itself are never deleted by an undo.
 *
 * Cells that were empty before the write — every owned cell on a first run, thousands at 120
 * months — are recorded compactly: one row per sheet listing their ranges ("H7:H20,G7:G20") and,
 * as a JSON list in the same order, what the write put in each (to name cells typed in since). Seven
 * cells per written cell made 撤销记录 the biggest sheet of the output (24,000 cells at 120 months,
 * more than all the scorecards) and half of the file mode's save time; the rows that matter to a
 * reader — a value someone had there before — keep the one-row-per-cell table.
 *
 * Every recorded value is written as text (with its type beside it), so no host turns "=…" into a
 * formula, "001" into 1 or "2025-10" into a date, and a number comes back to the last bit.
 * What the snapshot cannot tell is not recorded: the number format of an empty cell (both adapters
 * read only non-empty cells), and cell styles (the product's cell writes carry none).
 */
// @ts-nocheck

import { located, LocatedProblem } from "../read/located";
import { AUDIT_SHEET_NAME } from "./audit";
import { gridOf, SheetGrid } from "../read/grid";
import { a1, CellStyle, CellValue, CellWrite, parseA1, ReadCell, SheetSnapshot, SheetSpec, WorkbookSnapshot, WritePlan, WriteValue } from "../model";
import { normalizeText } from "../read/normalize";
import { fitCellText } from "./excel-limits";

export const UNDO_SHEET_NAME = "撤销记录";
export const UNDO_HEADERS = ["工作表", "单元格", "原值", "原值类型", "原数字格式", "原公式", "本次写入值"] as const;
export const WHOLE_SHEET_HEADERS = ["整表", "写入前已存在", "撤销时"] as const;
export const BLANK_HEADERS = ["工作表", "原为空的单元格", "本次写入值（依次）"] as const;
/** A cell holds at most 32,767 characters: a sheet's compact record is split into rows below this. */
const MAX_TEXT = 30_000;
export type UndoValueType = "空" | "文本" | "数字" | "布尔";
/** Never deleted by an undo, whatever the record says. */
export const KEPT_ON_UNDO: readonly string[] = [UNDO_SHEET_NAME, AUDIT_SHEET_NAME];

const TEXT = "@";
const YES = "是";
const NO = "否";

function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name === name) ?? snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

function kept(name: string): boolean {
  return KEPT_ON_UNDO.some((k) => normalizeText(k) === normalizeText(name));
}

/** A value as recorded: its text (null = empty) and its type. */
function encode(value: CellValue | undefined): { text: string | null; type: UndoValueType } {
  if (value === null || value === undefined) return { text: null, type: "空" };
  if (typeof value === "number") return { text: String(value), type: "数字" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", type: "布尔" };
  return { text: value, type: "文本" };
}

/**
 * What the write leaves in the cell, as recorded: a text as it will be written (fitted to Excel's
 * limits, excel-limits.ts: the adapters write nothing longer), so that it compares equal to the
 * cell after the write.
 */
function writtenText(w: CellWrite): string {
  if (w.formula !== undefined) return `公式 =${w.formula.replace(/^=/, "")}`;
  const e = encode(w.value);
  return e.text === null ? "（空）" : typeof w.value === "string" ? fitCellText(e.text) : e.text;
}

const STYLE: { header: CellStyle; body: CellStyle; note: CellStyle } = {
  header: { bold: true, fill: "#D9E1F2", border: "thin", horizontal: "center", vertical: "middle", wrap: true },
  body: { border: "thin", vertical: "top", fontSize: 10 },
  note: { fontColor: "#595959", fontSize: 10, vertical: "middle", wrap: true },
};

/**
 * The 撤销记录 sheet for `plan` about to be applied to the workbook `snapshot` (read just before).
 * `takenAt` is shown as given ("2025-11-05 14:30"). Throws RangeError when the plan writes cells of
 * a sheet the snapshot does not have (the write itself would fail).
 */
export function buildUndoSheet(snapshot: WorkbookSnapshot, plan: WritePlan, takenAt: string): SheetSpec {
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, value: WriteValue, style: CellStyle = STYLE.body) => cells.push({ address: a1(row, col), value, numberFormat: TEXT, style });

  cells.push({ address: "A1", value: "撤销记录 —— 上次写入前的原内容", style: { bold: true, fontSize: 14, vertical: "middle" } });
  put(2, 1, "记录时间", { bold: true });
  put(2, 2, takenAt, {});
  cells.push({
    address: "A3",
    value:
      "执行「撤销上次写入」时，「原为空的单元格」所列区域恢复为空，下表其余每个单元格恢复为写入前的原值、原数字格式和原公式。整表由程序拥有：写入前不存在的整表在撤销时删除；写入前已存在的整表不逐格恢复，下次评分时重新生成；「审计记录」与本表不随撤销删除。本表由程序生成，请勿修改。",
    style: STYLE.note,
  });

  // Whole sheets.
  let row = 5;
  WHOLE_SHEET_HEADERS.forEach((h, i) => put(row, i + 1, h, STYLE.header));
  row++;
  const seenSheets = new Set<string>();
  for (const spec of plan.sheets) {
    if (normalizeText(spec.name) === normalizeText(UNDO_SHEET_NAME) || seenSheets.has(spec.name)) continue;
    seenSheets.add(spec.name);
    const existed = findSheet(snapshot, spec.name) !== undefined;
    put(row, 1, spec.name);
    put(row, 2, existed ? YES : NO);
    put(row, 3, existed ? "保留，下次评分时重新生成" : kept(spec.name) ? "保留（不随撤销删除）" : "删除");
    row++;
  }
  if (seenSheets.size === 0) {
    put(row, 1, "（本次写入没有整表）", { ...STYLE.body, fontColor: "#595959" });
    row++;
  }

  // Each written cell once, in the order of the plan: its content before the first write, the last value written.
  const bySheet = new Map<string, { sheet: SheetSnapshot; cells: Map<string, { row: number; col: number; before: ReadCell | undefined; written: string }> }>();
  for (const group of plan.cellWrites) {
    const sheet = findSheet(snapshot, group.sheet);
    if (!sheet) throw new RangeError(`写入计划要改的工作表「${group.sheet}」不在工作簿中 / the plan writes to sheet "${group.sheet}", which the workbook does not have`);
    let entry = bySheet.get(sheet.name);
    if (!entry) bySheet.set(sheet.name, (entry = { sheet, cells: new Map() }));
    const grid = gridOf(sheet);
    for (const w of group.writes) {
      const { row: r, col: c } = parseA1(w.address);
      const address = a1(r, c);
      const seen = entry.cells.get(address);
      // Stryker disable next-line ConditionalExpression: setting the entry again records the same "before" (the grid is the snapshot before the write) in the same place of the map
      if (seen) seen.written = writtenText(w); // written twice: the original is already recorded
      else entry.cells.set(address, { row: r, col: c, before: grid.cell(r, c), written: writtenText(w) });
    }
  }

  // Cells that were empty: their ranges and, in the same order, what the write put there.
  row++;
  BLANK_HEADERS.forEach((h, i) => put(row, i + 1, h, STYLE.header));
  row++;
  let blanks = 0;
  /** Cells empty before whose written value is too long for the compact list: recorded one row each, below. */
  const longBlanks: { sheet: string; address: string; written: string }[] = [];
  for (const { sheet, cells: written } of bySheet.values()) {
    const long: { row: number; col: number; written: string }[] = [];
    const empty = [...written.values()].filter((x) => x.before === undefined).sort((x, y) => x.col - y.col || x.row - y.row);
    blanks += empty.length;
    let ranges: string[] = [];
    let values: string[] = [];
    let length = 0;
    const flush = () => {
      if (ranges.length === 0) return;
      put(row, 1, sheet.name);
      put(row, 2, ranges.join(","));
      put(row, 3, JSON.stringify(values));
      row++;
      ranges = [];
      values = [];
      length = 0;
    };
    for (let i = 0; i < empty.length; ) {
      // A run down one column: H7:H20, cut where its values would not fit in one cell.
      let j = i + 1;
      let runLength = JSON.stringify(empty[i]!.written).length + 1;
      while (j < empty.length && empty[j]!.col === empty[i]!.col && empty[j]!.row === empty[j - 1]!.row + 1) {
        const next = JSON.stringify(empty[j]!.written).length + 1;
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: only spares building a run the loop below cuts back (it cuts any run that does not fit)
        if (runLength + next > MAX_TEXT) break;
        runLength += next;
        j++;
      }
      const first = empty[i]!;
      const rangeOf = (end: number) => (end === i + 1 ? a1(first.row, first.col) : `${a1(first.row, first.col)}:${a1(empty[end - 1]!.row, first.col)}`);
      // The range and the list's brackets count too: a run whose values just fit is cut shorter
      // until the whole fits (every cell of it is recorded, in this row or the next).
      while (j > i + 1 && rangeOf(j).length + 1 + runLength + 1 > MAX_TEXT) {
        j--;
        runLength -= JSON.stringify(empty[j]!.written).length + 1;
      }
      const run = empty.slice(i, j);
      const range = rangeOf(j);
      const added = range.length + 1 + runLength + 1;
      if (added > MAX_TEXT) {
        // One value too long for a list in one cell (JSON escapes lengthen it): its own row below instead.
        long.push(first);
        blanks--;
        i = j;
        continue;
      }
      if (length > 0 && length + added > MAX_TEXT) flush();
      ranges.push(range);
      values.push(...run.map((x) => x.written));
      length += added;
      i = j;
    }
    flush();
    for (const x of long) longBlanks.push({ sheet: sheet.name, address: a1(x.row, x.col), written: x.written });
  }
  if (blanks === 0) {
    put(row, 1, "（本次写入没有原为空的单元格）", { ...STYLE.body, fontColor: "#595959" });
    row++;
  }

  // Cells that held something: one row each.
  row++;
  const cellHeaderRow = row;
  UNDO_HEADERS.forEach((h, i) => put(row, i + 1, h, STYLE.header));
  row++;
  let recorded = 0;
  for (const { sheet, cells: written } of bySheet.values()) {
    for (const [address, { before: cell, written: text }] of written) {
      if (cell === undefined) continue;
      const { text: original, type } = encode(cell.value);
      put(row, 1, sheet.name);
      put(row, 2, address);
      put(row, 3, original);
      put(row, 4, type);
      put(row, 5, cell.numberFormat);
      put(row, 6, cell.formula ?? null);
      put(row, 7, text);
      recorded++;
      row++;
    }
  }
  // An empty cell whose written value did not fit the compact list: empty again on undo (原值类型 空).
  for (const x of longBlanks) {
    put(row, 1, x.sheet);
    put(row, 2, x.address);
    put(row, 3, null);
    put(row, 4, "空");
    put(row, 5, null);
    put(row, 6, null);
    put(row, 7, x.written);
    recorded++;
    row++;
  }
  if (recorded === 0) {
    put(row, 1, "（本次写入没有改动原有内容的单元格）", { ...STYLE.body, fontColor: "#595959" });
    // Stryker disable next-line UpdateOperator: the last row of the sheet: nothing is written after it
    row++;
  }

  return {
    name: UNDO_SHEET_NAME,
    cells,
    merges: ["A1:G1", "A3:G3"],
    columnWidths: { A: 18, B: 10, C: 36, D: 10, E: 14, F: 28, G: 36 },
    rowHeights: { 1: 24, 3: 44 },
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: `${cellHeaderRow}:${cellHeaderRow}`, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 } },
    tabColor: "#7F7F7F",
  };
}

// ------------------------------------------------------------------------------------ restoring

export interface RestorePlan {
  /** The recorded cells put back (value, number format, formula); `deleteSheets` is set too. */
  plan: WritePlan;
  /** Owned sheets the undone write created: delete them (also in plan.deleteSheets). */
  deleteSheets: string[];
  /** "工作表!A1" of recorded cells whose value is no longer what the undone write put there: someone typed in them since, and the undo overwrites that. */
  changedSince: string[];
}

export interface RestoreRefusal {
  /** zh-CN, every problem joined; English in errorEn. */
  error: string;
  errorEn: string;
  problems: LocatedProblem[];
}

function cellText(v: CellValue): string {
  return v === null ? "" : String(v);
}

function findHeaderRow(grid: SheetGrid, headers: readonly string[]): number | null {
  const want = headers.map(normalizeText);
  for (const r of grid.rows) {
    if (want.every((h, i) => normalizeText(cellText(grid.value(r, i + 1))) === h)) return r;
  }
  return null;
}

/** "H7:H9,G7" → H7, H8, H9, G7 (a rectangle row by row); null when any part is not an A1 cell or range. */
export function expandRanges(text: string): { row: number; col: number }[] | null {
  const out: { row: number; col: number }[] = [];
  for (const part of text.split(",")) {
    const ends = part.trim().split(":");
    // Stryker disable next-line StringLiteral: an empty end fails parseA1 below too, giving the same null
    if (ends.length > 2 || ends[0] === "") return null;
    let a: { row: number; col: number };
    let b: { row: number; col: number };
    try {
      a = parseA1(ends[0] as string);
      b = parseA1(ends[ends.length - 1] as string);
    } catch {
      return null;
    }
    if (b.row < a.row || b.col < a.col || (b.row - a.row + 1) * (b.col - a.col + 1) > 100_000) return null;
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push({ row: r, col: c });
  }
  return out;
}

/** The JSON list of written values of a compact record; null when it is not a list of strings. */
function writtenList(value: CellValue): string[] | null {
  // Stryker disable next-line ConditionalExpression: JSON.parse of a number, boolean or null gives no list either
  if (typeof value !== "string") return null;
  try {
    const list: unknown = JSON.parse(value);
    return Array.isArray(list) && list.every((x) => typeof x === "string") ? (list as string[]) : null;
  } catch {
    return null;
  }
}

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** The content the undone write put in a cell, as recorded ("公式 =…", "（空）", or the value's text). */
function matchesWritten(current: ReadCell | undefined, written: string): boolean {
  if (written === "") return true; // not recorded: nothing to compare
  if (written.startsWith("公式 =")) return current?.formula === written.slice("公式 =".length);
  if (written === "（空）") return current === undefined || current.value === null;
  return encode(current?.value).text === written;
}

/**
 * The plan that undoes the last write recorded in 撤销记录: every recorded cell back exactly (value,
 * number format, formula; an empty cell emptied) and the owned sheets the write created deleted.
 * Refused — nothing to apply — when there is no record, it cannot be read, or a recorded sheet is
 * gone or protected (a frozen month is not changed by an undo; unfreeze it first).
 */
export function planRestore(snapshot: WorkbookSnapshot): RestorePlan | RestoreRefusal {
  const problems: LocatedProblem[] = [];
  const fail = (cell: string | null, indicator: string, zh: string, en: string) => problems.push(located("error", "undo-refused", { sheet: UNDO_SHEET_NAME, cell, indicator }, zh, en));
  const refusal = (): RestoreRefusal => ({ error: problems.map((p) => (p.cell ? `${p.cell}：${p.message}` : p.message)).join("；"), errorEn: problems.map((p) => p.messageEn).join("; "), problems });

  const sheet = findSheet(snapshot, UNDO_SHEET_NAME);
  if (!sheet) {
    fail(null, UNDO_SHEET_NAME, `工作簿中没有「${UNDO_SHEET_NAME}」工作表：还没有可撤销的写入`, `the workbook has no "${UNDO_SHEET_NAME}" sheet: there is no write to undo`);
    return refusal();
  }
  const grid = new SheetGrid(sheet);
  const cellHeader = findHeaderRow(grid, UNDO_HEADERS.slice(0, 6));
  const wholeHeader = findHeaderRow(grid, WHOLE_SHEET_HEADERS.slice(0, 2));
  if (cellHeader === null || wholeHeader === null || wholeHeader > cellHeader) {
    fail(null, UNDO_HEADERS.join("、"), `「${UNDO_SHEET_NAME}」的表头无法识别（应有：${UNDO_HEADERS.join("、")}），无法撤销`, `the header of "${UNDO_SHEET_NAME}" cannot be found: nothing can be undone`);
    return refusal();
  }

  // Optional: a record written before compact blanks existed has no such section.
  const found = findHeaderRow(grid, BLANK_HEADERS.slice(0, 2));
  const blankHeader = found !== null && found > wholeHeader && found < cellHeader ? found : null;

  // Whole sheets the write created.
  const deleteSheets: string[] = [];
  for (const r of grid.rows) {
    if (r <= wholeHeader || r >= (blankHeader ?? cellHeader)) continue;
    const name = cellText(grid.value(r, 1)).trim();
    const existed = normalizeText(cellText(grid.value(r, 2)));
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: only 否 with a sheet of that name deletes, so skipping other rows early changes nothing
    if (name === "" || (existed !== YES && existed !== NO)) continue;
    if (existed === NO && !kept(name)) {
      const now = findSheet(snapshot, name);
      if (now) deleteSheets.push(now.name);
    }
  }

  // Cells.
  const groups = new Map<string, CellWrite[]>();
  const changedSince: string[] = [];
  const grids = new Map<string, SheetGrid>();
  const refused = new Set<string>();
  /** The sheet a record row names, or null (refused, once per sheet) when it is gone or frozen. */
  const targetOf = (r: number, name: string): SheetSnapshot | null => {
    const target = findSheet(snapshot, name);
    if (!target) {
      if (!refused.has(name)) fail(a1(r, 1), "工作表", `工作表「${name}」已不存在（被删除或改名），无法恢复其单元格`, `sheet "${name}" no longer exists (deleted or renamed)`);
      refused.add(name);
      return null;
    }
    if (target.protected) {
      if (!refused.has(name)) fail(a1(r, 1), "工作表", `工作表「${name}」受保护（已定稿），撤销不会改动已定稿的月份；请先解除定稿`, `sheet "${name}" is protected (frozen): an undo does not change a frozen month; unfreeze it first`);
      refused.add(name);
      return null;
    }
    return target;
  };
  const restore = (target: SheetSnapshot, write: CellWrite, pos: { row: number; col: number }, written: string) => {
    let list = groups.get(target.name);
    if (!list) groups.set(target.name, (list = []));
    list.push(write);
    let tg = grids.get(target.name);
    // Stryker disable next-line ConditionalExpression: a memo: a sheet's grid built again gives the same cells
    if (!tg) grids.set(target.name, (tg = new SheetGrid(target)));
    if (!matchesWritten(tg.cell(pos.row, pos.col), written)) changedSince.push(`${target.name}!${write.address}`);
  };

  // Cells that were empty: emptied again.
  if (blankHeader !== null) {
    for (const r of grid.rows) {
      if (r <= blankHeader || r >= cellHeader) continue;
      const [sheetName, rangesCell, valuesCell] = [1, 2, 3].map((c) => grid.value(r, c));
      if (rangesCell === null || rangesCell === undefined) continue; // blank, or the "none" line
      const target = targetOf(r, cellText(sheetName ?? null));
      if (!target) continue;
      const cells = expandRanges(cellText(rangesCell));
      if (cells === null) {
        fail(a1(r, 2), "原为空的单元格", `「原为空的单元格」应为以逗号分隔的 A1 区域（如 H7:H20,G7），实为「${cellText(rangesCell)}」`, `"原为空的单元格" must be comma-separated A1 ranges (e.g. H7:H20,G7), got "${cellText(rangesCell)}"`);
        continue;
      }
      const written = writtenList(valuesCell ?? null);
      if (written === null || written.length !== cells.length) {
        fail(a1(r, 3), "本次写入值", `「本次写入值」应为 ${cells.length} 个值的列表（JSON），与「原为空的单元格」逐一对应`, `"本次写入值" must be a JSON list of ${cells.length} values, one per cell of the ranges`);
        continue;
      }
      cells.forEach((pos, i) => restore(target, { address: a1(pos.row, pos.col), value: null }, pos, written[i] as string));
    }
  }

  // Cells that held something: each back as it was.
  for (const r of grid.rows) {
    if (r <= cellHeader) continue;
    const values = [1, 2, 3, 4, 5, 6, 7].map((c) => grid.value(r, c));
    const [sheetName, address, original, type, format, formula, written] = values;
    if (values.slice(0, 6).every((v) => v === null || cellText(v).trim() === "")) continue;
    if (values.slice(1, 6).every((v) => v === null) && typeof sheetName === "string" && sheetName.startsWith("（")) continue; // the "nothing recorded" line
    const target = targetOf(r, cellText(sheetName ?? null));
    if (!target) continue;
    let pos: { row: number; col: number };
    try {
      pos = parseA1(cellText(address ?? null).trim());
    } catch {
      fail(a1(r, 2), "单元格", `「单元格」应为 A1 形式的地址，实为「${cellText(address ?? null)}」`, `"单元格" must be an A1 address, got "${cellText(address ?? null)}"`);
      continue;
    }
    const kind = normalizeText(cellText(type ?? null));
    const raw = original ?? null;
    let value: WriteValue;
    if (kind === "空") value = null;
    else if (kind === "文本") value = raw === null ? "" : String(raw);
    else if (kind === "数字") {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && NUMBER_TEXT.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
      if (!Number.isFinite(n)) {
        fail(a1(r, 3), "原值", `原值类型为数字，但「原值」不是数字：「${cellText(raw)}」`, `the type is a number but the value is "${cellText(raw)}"`);
        continue;
      }
      value = n;
    } else if (kind === "布尔") {
      const t = typeof raw === "boolean" ? raw : normalizeText(cellText(raw)) === "true" ? true : normalizeText(cellText(raw)) === "false" ? false : null;
      if (t === null) {
        fail(a1(r, 3), "原值", `原值类型为布尔，但「原值」不是 TRUE/FALSE：「${cellText(raw)}」`, `the type is a boolean but the value is "${cellText(raw)}"`);
        continue;
      }
      value = t;
    } else {
      fail(a1(r, 4), "原值类型", `「原值类型」应为 空/文本/数字/布尔，实为「${cellText(type ?? null)}」`, `"原值类型" must be 空/文本/数字/布尔, got "${cellText(type ?? null)}"`);
      continue;
    }
    const addr = a1(pos.row, pos.col);
    const write: CellWrite = { address: addr, value };
    const fmt = cellText(format ?? null);
    if (fmt !== "") write.numberFormat = fmt;
    const f = cellText(formula ?? null).trim().replace(/^=/, "");
    if (f !== "") write.formula = f;
    restore(target, write, pos, cellText(written ?? null));
  }
  if (problems.length > 0) return refusal();

  const plan: WritePlan = { cellWrites: [...groups].map(([s, writes]) => ({ sheet: s, writes })), sheets: [], deleteSheets: [...deleteSheets] };
  return { plan, deleteSheets, changedSince };
}
