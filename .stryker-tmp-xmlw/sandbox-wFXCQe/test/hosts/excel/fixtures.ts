/**
 * Workbooks for the Excel host's tests and bench, built straight into the fake's state: monthly
 * scorecards as a clerk keeps them, and a large sheet the product does not use (a clerk's ledger).
 */
// @ts-nocheck

import { FakeWorkbookState } from "./fake-excel";

export const ITEMS = ["队伍建设", "管理制度与能力", "项目人员月流动率", "数据分析", "培训与文化建设", "来电接通率", "来电15s内接通率", "团队服务满意率", "工单质检准确率", "考试覆盖率", "加分项", "扣分项", "客户有效投诉", "弄虚作假"];

export function monthLabel(i: number): { key: string; sheet: string } {
  const y = 2024 + Math.floor((11 + i) / 12);
  const m = ((11 + i) % 12) + 1;
  return { key: `${y}-${String(m).padStart(2, "0")}`, sheet: `${y}年${m}月` };
}

type Cells = Record<string, string | number | { value: string | number | null; formula?: string; numberFormat?: string }>;

/** One 附件二 sheet: title, 考核月份, 考核得分 (a SUM), the header on row 4 and the 14 items. */
export function scorecardCells(i: number): Cells {
  const { sheet } = monthLabel(i);
  const cells: Cells = {
    A1: "陕西省公安厅出入境管理局12367服务热线质量考核",
    A2: `考核月份：${sheet}`,
    G2: "考核得分",
    A4: "序号", B4: "考核项目", C4: "考核指标", D4: "指标说明", E4: "评分细则", F4: "满分", G4: "完成情况", H4: "单项得分", I4: "备注",
    A21: "客户方签字：", F21: "运营提供方签字：",
  };
  ITEMS.forEach((item, k) => {
    const row = 5 + k;
    cells[`A${row}`] = k + 1;
    cells[`C${row}`] = item;
    if (k < 10) cells[`F${row}`] = [10, 10, 10, 5, 5, 15, 15, 10, 10, 10][k] ?? 0;
  });
  cells.H2 = { value: 93.25, formula: "=SUM(H5:H18)", numberFormat: "0.00" };
  return cells;
}

export const SCORECARD_MERGES = ["A1:I1", "B5:B9", "B10:B11", "B12:B14", "B15:B18", "B21:D22", "G21:I22"];

/** A workbook as a clerk keeps it: one 附件二 sheet per month plus the input sheets. */
export function scorecardWorkbook(months: number): FakeWorkbookState {
  const state = new FakeWorkbookState();
  const indicators: Record<string, string | number> = { A1: "考核月份", B1: "团队人数", C1: "变动人数" };
  for (let i = 0; i < months; i++) {
    state.addSheet(monthLabel(i).sheet, scorecardCells(i), SCORECARD_MERGES);
    indicators[`A${i + 2}`] = monthLabel(i).key;
    indicators[`B${i + 2}`] = 9;
    indicators[`C${i + 2}`] = 2;
  }
  state.addSheet("指标录入", indicators);
  state.addSheet("加减分事件", { A1: "考核月份", B1: "类型", C1: "级别" });
  state.addSheet("付款记录", { A1: "笔次", B1: "发票日期", A2: 2, B2: { value: 45839, numberFormat: "yyyy-mm-dd" } });
  return state;
}

const WORDS = ["出入境", "咨询", "投诉", "回访", "工单", "证件", "签注", "预约", "护照", "港澳"];

/**
 * A clerk's ledger: `rows` × `columns` cells from A1 (a header row, then text, numbers and dates),
 * written straight into the fake (no batch). About 10 MB as values + number formats + formulas at
 * 20,000 × 16.
 */
export function addLedger(state: FakeWorkbookState, name = "明细台账", rows = 20_000, columns = 16): void {
  const sheet = state.addSheet(name);
  for (let c = 1; c <= columns; c++) sheet.ensure(1, c).value = `字段${c}`;
  for (let r = 2; r <= rows; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.ensure(r, c);
      switch (c % 4) {
        case 1:
          cell.value = `LS-${r}-${c}`;
          break;
        case 2:
          cell.value = (r * 37 + c) % 1000;
          break;
        case 3:
          cell.value = 45000 + (r % 365);
          cell.numberFormat = "yyyy-mm-dd";
          break;
        default:
          cell.value = `${WORDS[r % WORDS.length]}${WORDS[(r + c) % WORDS.length]}记录`;
      }
    }
  }
}
