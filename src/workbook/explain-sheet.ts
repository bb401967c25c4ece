/**
 * 计算说明: where every 单项得分 comes from. The product owns the sheet and rewrites it whole on each
 * run. Per month and item: the inputs used, the contract's own 评分细则, the computation, the bound
 * that bit (扣完为止 / 封顶) and the score; then the month's 考核得分 line.
 *
 * Layout (A4 landscape, one page wide; rows 1–4 frozen, row 4 repeated on every printed page):
 *   1 title · 2 rule set (name, version) · 3 generated at · 4 column headers
 *   then per month: a band row (the month), 14 item rows, the 考核得分 row, a blank row.
 * Columns: A 序号 · B 考核指标 · C 输入 · D 规则（合同原文） · E 计算 · F 上下限 · G 得分.
 */
import { Dec, fixed2, monthLabel, MonthScore, RuleSet, scorecardItem, sum, type ItemScore } from "../domain";
import { columnLetter, type CellStyle, type CellWrite, type SheetSpec } from "./model";

export const EXPLAIN_SHEET_NAME = "计算说明";
export const EXPLAIN_HEADERS = ["序号", "考核指标", "输入", "规则（合同原文）", "计算", "上下限", "得分"] as const;
/** Row of the column headers; rows 1 to this are frozen. */
export const EXPLAIN_HEADER_ROW = 4;
const SCORE_FORMAT = "0.00";
const LAST_COL = "G";

const WIDTHS: Record<string, number> = { A: 6, B: 14, C: 30, D: 46, E: 52, F: 16, G: 10 };

const COLORS = { headerFill: "#D9E1F2", bandFill: "#FCE4D6", totalFill: "#E2EFDA", note: "#595959" };
const BODY: CellStyle = { border: "thin", wrap: true, vertical: "top", fontSize: 10 };
const CENTER: CellStyle = { ...BODY, horizontal: "center" };
const NUMBER: CellStyle = { ...BODY, horizontal: "right" };

/** Display width: CJK and full-width characters count 2. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    // The first code unit decides (a character outside the BMP starts with a surrogate, inside the range).
    const c = ch.charCodeAt(0);
    w += c >= 0x2e80 && c <= 0xffef ? 2 : 1;
  }
  return w;
}

/** A row height that shows every line of its wrapped cells (ExcelJS cannot auto-fit; Excel does not re-fit on open). */
function rowHeight(cells: { text: string; col: string }[], pointsPerLine = 13.5): number {
  let lines = 1;
  for (const c of cells) {
    const width = Math.max(1, (WIDTHS[c.col] ?? 10) - 1.5);
    const explicit = c.text.split("\n");
    lines = Math.max(lines, explicit.reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / width)), 0));
  }
  return Math.round((lines * pointsPerLine + 6) * 10) / 10;
}

/** "团队人数=9；按时参考人数=9"; "—" when the item has no inputs. */
export function inputsText(inputs: Readonly<Record<string, string>>): string {
  const parts = Object.entries(inputs).map(([k, v]) => `${k}=${v}`);
  return parts.length > 0 ? parts.join("；") : "—";
}

/** The computation without the contract's words (they have their own column). */
export function computationText(item: ItemScore): string {
  const def = scorecardItem(item.no);
  const prefix = `附件二第${item.no}项「${def.indicator}」评分细则：${def.rule} —— `;
  return item.explanation.startsWith(prefix) ? item.explanation.slice(prefix.length) : item.explanation;
}

/** Which bound bit: "扣完为止（下限 0）", "扣至 5 分为止（下限 5）", "封顶 满分 10", or "". */
export function boundText(item: ItemScore): string {
  const n = (d: Dec) => d.toString();
  if (item.bound === "floor" && item.floor !== null) return item.floor.isZero() ? "扣完为止（下限 0）" : `扣至 ${n(item.floor)} 分为止（下限 ${n(item.floor)}）`;
  if (item.bound === "max" && item.max !== null) return `封顶 满分 ${n(item.max)}`;
  return "";
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
  band(3, `生成时间：${generatedAt}。本表由程序生成，每次评分后整表重写，请勿在此录入；「规则（合同原文）」一列为附件二评分细则原文。`, { fontColor: COLORS.note, fontSize: 10, vertical: "middle", wrap: true });
  rowHeights[3] = 18;
  EXPLAIN_HEADERS.forEach((h, i) => put(`${columnLetter(i + 1)}${EXPLAIN_HEADER_ROW}`, h, { bold: true, fill: COLORS.headerFill, border: "thin", horizontal: "center", vertical: "middle", wrap: true }));
  rowHeights[EXPLAIN_HEADER_ROW] = 20;

  let row = EXPLAIN_HEADER_ROW + 1;
  let lastRow = EXPLAIN_HEADER_ROW;
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  if (sorted.length === 0) {
    band(row, "暂无已评分的月份。", { ...BODY, fontColor: COLORS.note });
    lastRow = row;
  }
  for (const score of sorted) {
    const version = score.rulesVersion !== rules.version ? `（规则版本 ${score.rulesVersion}）` : "";
    band(row, `${monthLabel(score.month)}${version}`, { bold: true, fontSize: 12, fill: COLORS.bandFill, border: "thin", vertical: "middle" });
    rowHeights[row] = 20;
    row++;
    for (const item of [...score.items].sort((a, b) => a.no - b.no)) {
      const def = scorecardItem(item.no);
      const texts = { C: inputsText(item.inputs), D: def.rule, E: computationText(item), F: boundText(item) };
      put(`A${row}`, item.no, CENTER);
      put(`B${row}`, item.indicator, BODY);
      put(`C${row}`, texts.C, BODY);
      put(`D${row}`, texts.D, BODY);
      put(`E${row}`, texts.E, BODY);
      put(`F${row}`, texts.F, BODY);
      put(`G${row}`, scoreNumber(item.score), NUMBER, SCORE_FORMAT);
      rowHeights[row] = rowHeight([{ text: item.indicator, col: "B" }, ...Object.entries(texts).map(([col, text]) => ({ col, text }))]);
      row++;
    }
    const total = totalTexts(score);
    const totalStyle: CellStyle = { ...BODY, bold: true, fill: COLORS.totalFill };
    put(`A${row}`, null, totalStyle);
    put(`B${row}`, "考核得分", totalStyle);
    put(`C${row}`, null, totalStyle);
    put(`D${row}`, "考核得分 = 第1–10项之和 ＋ 加分项 − 扣分项 − 客户有效投诉 − 弄虚作假（各项先四舍五入到两位小数再相加）", totalStyle);
    put(`E${row}`, total.computation, totalStyle);
    put(`F${row}`, total.bound, totalStyle);
    put(`G${row}`, scoreNumber(score.total), { ...totalStyle, horizontal: "right" }, SCORE_FORMAT);
    rowHeights[row] = rowHeight([
      { col: "D", text: "考核得分 = 第1–10项之和 ＋ 加分项 − 扣分项 − 客户有效投诉 − 弄虚作假（各项先四舍五入到两位小数再相加）" },
      { col: "E", text: total.computation },
    ]);
    lastRow = row;
    row += 2; // a blank row between months
  }

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
