/**
 * Reads a downloaded workbook the way a clerk would look at it: a month sheet's 单项得分 by
 * 考核指标, its 考核得分, and a 指标录入 cell by month and header. Found by the labels, not by
 * fixed addresses, so a different (valid) layout of the same sheet still reads.
 */
// @ts-nocheck

import ExcelJS from "exceljs";

/** A cell's shown value: a formula's cached result, rich text joined, else the value itself. */
export function shown(value: ExcelJS.CellValue): unknown {
  if (value && typeof value === "object" && !(value instanceof Date)) {
    if ("result" in value) return value.result;
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
  }
  return value;
}

const text = (v: ExcelJS.CellValue) => String(shown(v) ?? "").replace(/\s+/g, "").replace(/[：:]$/, "");

function find(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell | undefined {
  let hit: ExcelJS.Cell | undefined;
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (!hit && text(cell.value) === label) hit = cell;
    });
  });
  return hit;
}

export interface MonthScores {
  /** 考核得分. */
  total: unknown;
  /** 单项得分 by 考核指标 text (队伍建设, 考试覆盖率, …). */
  items: Record<string, unknown>;
}

export function monthScores(wb: ExcelJS.Workbook, sheetName: string): MonthScores {
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet ${sheetName}; sheets: ${wb.worksheets.map((w) => w.name).join(", ")}`);
  const scoreHeader = find(ws, "单项得分");
  const itemHeader = find(ws, "考核指标");
  const totalLabel = find(ws, "考核得分");
  if (!scoreHeader || !itemHeader || !totalLabel) throw new Error(`sheet ${sheetName}: no 单项得分 / 考核指标 / 考核得分 label`);
  const items: Record<string, unknown> = {};
  for (let r = Number(scoreHeader.row) + 1; r <= ws.rowCount; r++) {
    const name = text(ws.getCell(r, Number(itemHeader.col)).value);
    if (name) items[name] = shown(ws.getCell(r, Number(scoreHeader.col)).value);
  }
  // The total sits right of its label (right of the label's merge, if merged).
  let col = Number(totalLabel.col) + 1;
  while (ws.getCell(Number(totalLabel.row), col).isMerged && ws.getCell(Number(totalLabel.row), col).master === totalLabel) col++;
  return { total: shown(ws.getCell(Number(totalLabel.row), col).value), items };
}

/** 指标录入's cell for `month` ("2025-10") under `header` ("团队人数"). */
export function indicatorCell(wb: ExcelJS.Workbook, month: string, header: string): unknown {
  const ws = wb.getWorksheet("指标录入");
  if (!ws) throw new Error("no sheet 指标录入");
  const headers = ws.getRow(1).values as ExcelJS.CellValue[];
  const col = headers.findIndex((h) => text(h) === header);
  if (col < 1) throw new Error(`指标录入 has no column ${header}`);
  for (let r = 2; r <= ws.rowCount; r++) {
    if (text(ws.getCell(r, 1).value) === month) return shown(ws.getCell(r, col).value);
  }
  throw new Error(`指标录入 has no row for ${month}`);
}
