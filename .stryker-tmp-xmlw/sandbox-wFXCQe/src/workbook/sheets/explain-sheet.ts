/**
 * 计算说明: where every 单项得分 comes from. The product owns the sheet and rewrites it whole on each
 * run. Per month and item: the inputs used and the computation with the bound that bit (扣完为止 /
 * 封顶) in one cell, and the score; then the month's 考核得分 line. The contract's own 评分细则 are
 * quoted once, at the end (附：评分细则), not on every row: they are the same for every month.
 *
 * Layout (A4 landscape, one page wide; rows 1–4 frozen, row 4 repeated on every printed page):
 *   1 title · 2 rule set (name, version) · 3 generated at · 4 column headers
 *   then per month: a heading row (the month), 14 item rows, the 考核得分 row, a blank row;
 *   last, 附：评分细则 — each of the 14 rows with the contract's words, and the 考核得分 rule.
 * Columns: A 考核指标 ("1 队伍建设") · B 输入与计算（含上下限） ("输入：…" on its own line) · C 得分.
 * An item scored as both parties agreed in 约定调整 (A11) says so: "8 团队服务满意率【约定】" in A, the
 * agreement and its 依据 in B, and the month's 考核得分 line names the agreed items.
 *
 * Size matters here: at 120 months this is the biggest sheet the product writes, and ExcelJS's
 * build, write and save time grow with its cells. The first layout (seven columns, the contract's
 * words on every row, a merged band per month) was 14,200 cells and ~45 % of the file mode's save at
 * 120 months; this one holds the same facts in ~5,600.
 */
// @ts-nocheck

import { compareKeys, Dec, fixed2, monthLabel, MonthScore, RuleSet, SCORECARD_ITEMS, scorecardItem, sum, type ItemScore } from "../../domain";
import { columnLetter, type CellStyle, type CellWrite, type SheetSpec } from "../model";
import { fitRowHeight } from "./excel-limits";

export const EXPLAIN_SHEET_NAME = "计算说明";
export const EXPLAIN_HEADERS = ["考核指标", "输入与计算（含上下限）", "得分"] as const;
/** Row of the column headers; rows 1 to this are frozen. */
export const EXPLAIN_HEADER_ROW = 4;
const SCORE_FORMAT = "0.00";
const LAST_COL = "C";
/** The heading of the contract's rules at the end. */
export const RULES_HEADING = "附：评分细则（合同附件二原文，各月相同）";
const TOTAL_RULE = "考核得分 = 第1–10项之和 ＋ 加分项 − 扣分项 − 客户有效投诉 − 弄虚作假（各项先四舍五入到两位小数再相加）";

const WIDTHS: Record<string, number> = { A: 18, B: 104, C: 10 };

const COLORS = { headerFill: "#D9E1F2", totalFill: "#E2EFDA", note: "#595959" };
const BODY: CellStyle = { border: "thin", wrap: true, vertical: "top", fontSize: 10 };
const NUMBER: CellStyle = { ...BODY, horizontal: "right" };
const MONTH_HEADING: CellStyle = { bold: true, fontSize: 12, vertical: "middle" };

/** Display width of text[from, to): CJK and full-width characters count 2. */
function textWidth(text: string, from = 0, to = text.length): number {
  let w = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // CJK and full-width count 2; so does a character outside the BMP, its pair's second half skipped.
    w += c >= 0x2e80 && c <= 0xffef ? 2 : 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return w;
}

/** Lines a text takes in a column of `width` characters, each "\n" starting a new one. */
function linesOf(text: string, width: number): number {
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    lines += Math.max(1, Math.ceil(textWidth(text, start, stop) / width));
    if (end < 0) return lines;
    start = end + 1;
  }
}

/**
 * A row height that shows every line of its wrapped cells (ExcelJS cannot auto-fit; Excel does not
 * re-fit on open), at most Excel's 409 points (a long event description shows its first lines).
 */
function rowHeight(cells: readonly { text: string; col: string }[], pointsPerLine = 13.5): number {
  let lines = 1;
  for (const c of cells) lines = Math.max(lines, linesOf(c.text, Math.max(1, (WIDTHS[c.col] ?? 10) - 1.5)));
  return fitRowHeight(Math.round((lines * pointsPerLine + 6) * 10) / 10);
}

/** "团队人数=9；按时参考人数=9"; "—" when the item has no inputs. */
export function inputsText(inputs: Readonly<Record<string, string>>): string {
  const parts = Object.entries(inputs).map(([k, v]) => `${k}=${v}`);
  return parts.length > 0 ? parts.join("；") : "—";
}

/** The contract's words as each explanation opens with them, by item (14 strings, built once). */
const RULE_PREFIXES = new Map<number, string>();
function rulePrefix(no: number): string {
  let prefix = RULE_PREFIXES.get(no);
  if (prefix === undefined) {
    const def = scorecardItem(no);
    RULE_PREFIXES.set(no, (prefix = `附件二第${no}项「${def.indicator}」评分细则：${def.rule} —— `));
  }
  return prefix;
}

/** The computation without the contract's words (they are quoted once, at the end of the sheet). */
export function computationText(item: ItemScore): string {
  const prefix = rulePrefix(item.no);
  return item.explanation.startsWith(prefix) ? item.explanation.slice(prefix.length) : item.explanation;
}

/** Which bound bit: "扣完为止（下限 0）", "扣至 5 分为止（下限 5）", "封顶 满分 10", or "". */
export function boundText(item: ItemScore): string {
  const n = (d: Dec) => d.toString();
  if (item.bound === "floor" && item.floor !== null) return item.floor.isZero() ? "扣完为止（下限 0）" : `扣至 ${n(item.floor)} 分为止（下限 ${n(item.floor)}）`;
  if (item.bound === "max" && item.max !== null) return `封顶 满分 ${n(item.max)}`;
  return "";
}

/** The computation, then the bound that bit: "……得 0 分；扣完为止（下限 0）". */
export function computationWithBound(item: ItemScore): string {
  const bound = boundText(item);
  return bound === "" ? computationText(item) : `${computationText(item)}；${bound}`;
}

/** What column B says of an item: "输入：…" on its own line (when there are inputs), then the computation with its bound. */
export function explanationText(item: ItemScore): string {
  const inputs = inputsText(item.inputs);
  const computation = computationWithBound(item);
  return inputs === "—" ? computation : `输入：${inputs}\n${computation}`;
}

/** A score as the number written to the sheet (never −0). */
function scoreNumber(d: Dec): number {
  const v = d.toNumber();
  return v === 0 ? 0 : v;
}

/** "+1.00", "−2.00", "0.00". */
function signed(d: Dec): string {
  const text = fixed2(d.abs());
  if (text === "0.00") return text;
  return d.isNegative() ? `−${text}` : `+${text}`;
}

/** Column A of an item: "8 团队服务满意率", with 【约定】 when its score is the one both parties agreed (A11). */
export function itemLabel(item: ItemScore): string {
  return `${item.no} ${item.indicator}${item.agreed ? AGREED_MARK : ""}`;
}

/** The mark of an agreed item score (A11). */
export const AGREED_MARK = "【约定】";

/** "第8项 约定 8（依据：…）；…" for the month's agreed items; "" when there are none. */
export function agreedItemsText(score: MonthScore): string {
  return score.items
    .filter((i) => i.agreed)
    .sort((a, b) => a.no - b.no)
    // Stryker disable next-line OptionalChaining: only agreed items pass the filter above, so `agreed` is always set here (equivalent)
    .map((i) => `第${i.no}项「${i.indicator}」约定 ${i.score.toString()}（依据：${i.agreed?.reason ?? ""}${i.agreed?.computed ? `；按合同为 ${fixed2(i.agreed.computed)}` : ""}）`)
    .join("；");
}

/** The 考核得分 line: Σ rows 1–10, each 附加项, the total and any cap or floor of the rule set. */
function totalTexts(score: MonthScore): { computation: string; bound: string } {
  const extras = score.items.filter((i) => i.no > 10).sort((a, b) => a.no - b.no);
  const raw = sum(score.items.map((i) => i.score));
  const parts = [`第1–10项合计 ${fixed2(score.baseTotal)}`, ...extras.map((i) => `${i.indicator} ${signed(i.score)}`)];
  let computation = `${parts.join("，")}，合计 ${fixed2(raw)}`;
  let bound = "";
  if (raw.greaterThan(score.total)) {
    bound = "总分封顶 100（规则设置）";
    computation += `，按规则封顶为 ${fixed2(score.total)}`;
  } else if (raw.lessThan(score.total)) {
    bound = "总分不低于 0（规则设置）";
    computation += `，按规则计为 ${fixed2(score.total)}`;
  }
  const agreed = agreedItemsText(score);
  if (agreed !== "") computation += `（含双方约定得分：${agreed}）`;
  return { computation: `${computation}；考核得分 ${fixed2(score.total)}`, bound };
}

/**
 * The 计算说明 sheet for the scored months (in month order). `generatedAt` is shown as given
 * ("2025-11-05 14:30"); the builder reads no clock.
 */
export function buildExplainSheet(months: readonly MonthScore[], rules: RuleSet, generatedAt: string): SheetSpec {
  const cells: CellWrite[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const put = (address: string, value: string | number | null, style: CellStyle, numberFormat?: string) => {
    const w: CellWrite = { address, value, style };
    if (numberFormat !== undefined) w.numberFormat = numberFormat;
    cells.push(w);
  };
  const band = (row: number, value: string, style: CellStyle) => {
    merges.push(`A${row}:${LAST_COL}${row}`);
    put(`A${row}`, value, style);
  };

  band(1, "计算说明 —— 附件二各项单项得分的来源", { bold: true, fontSize: 14, vertical: "middle" });
  rowHeights[1] = 24;
  band(2, `规则：${rules.name}（版本 ${rules.version}）`, { bold: true, vertical: "middle" });
  band(3, `生成时间：${generatedAt}。本表由程序生成，每次评分后整表重写，请勿在此录入；各项评分细则（合同原文）见表末「附：评分细则」。`, { fontColor: COLORS.note, fontSize: 10, vertical: "middle", wrap: true });
  rowHeights[3] = 18;
  EXPLAIN_HEADERS.forEach((h, i) => put(`${columnLetter(i + 1)}${EXPLAIN_HEADER_ROW}`, h, { bold: true, fill: COLORS.headerFill, border: "thin", horizontal: "center", vertical: "middle", wrap: true }));
  rowHeights[EXPLAIN_HEADER_ROW] = 20;

  let row = EXPLAIN_HEADER_ROW + 1;
  const sorted = [...months].sort((a, b) => compareKeys(a.month, b.month));
  if (sorted.length === 0) {
    band(row, "暂无已评分的月份。", { ...BODY, fontColor: COLORS.note });
    row += 2;
  }
  const totalStyle: CellStyle = { ...BODY, bold: true, fill: COLORS.totalFill };
  for (const score of sorted) {
    // One cell, not a merged band: a merge costs ExcelJS a cell for every column it covers.
    const version = score.rulesVersion !== rules.version ? `（规则版本 ${score.rulesVersion}）` : "";
    put(`A${row}`, `${monthLabel(score.month)}${version}`, MONTH_HEADING);
    rowHeights[row] = 20;
    row++;
    for (const item of [...score.items].sort((a, b) => a.no - b.no)) {
      const label = itemLabel(item);
      const text = explanationText(item);
      put(`A${row}`, label, BODY);
      put(`B${row}`, text, BODY);
      put(`C${row}`, scoreNumber(item.score), NUMBER, SCORE_FORMAT);
      rowHeights[row] = rowHeight([
        { text: label, col: "A" },
        { text, col: "B" },
      ]);
      row++;
    }
    const total = totalTexts(score);
    const computation = total.bound === "" ? total.computation : `${total.computation}；${total.bound}`;
    put(`A${row}`, "考核得分", totalStyle);
    put(`B${row}`, computation, totalStyle);
    put(`C${row}`, scoreNumber(score.total), { ...totalStyle, horizontal: "right" }, SCORE_FORMAT);
    rowHeights[row] = rowHeight([{ col: "B", text: computation }]);
    row += 2; // a blank row between months
  }

  // The contract's words, once.
  put(`A${row}`, RULES_HEADING, MONTH_HEADING);
  rowHeights[row] = 20;
  row++;
  for (const def of SCORECARD_ITEMS) {
    const label = `${def.no} ${def.indicator}`;
    put(`A${row}`, label, BODY);
    put(`B${row}`, def.rule, BODY);
    rowHeights[row] = rowHeight([
      { col: "A", text: label },
      { col: "B", text: def.rule },
    ]);
    row++;
  }
  put(`A${row}`, "考核得分", BODY);
  put(`B${row}`, TOTAL_RULE, BODY);
  rowHeights[row] = rowHeight([{ col: "B", text: TOTAL_RULE }]);
  const lastRow = row;

  return {
    name: EXPLAIN_SHEET_NAME,
    cells,
    merges,
    columnWidths: { ...WIDTHS },
    rowHeights,
    freezeRows: EXPLAIN_HEADER_ROW,
    print: {
      orientation: "landscape",
      paperSize: "A4",
      printArea: `A1:${LAST_COL}${lastRow}`,
      fitToWidth: true,
      repeatRows: `${EXPLAIN_HEADER_ROW}:${EXPLAIN_HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 },
    },
    tabColor: "#7F7F7F",
  };
}
