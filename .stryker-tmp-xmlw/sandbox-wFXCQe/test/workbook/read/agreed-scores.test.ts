/**
 * SPEC §8 「约定调整 (optional) — one row per agreed item score (A11): 考核月份 | 序号 (1–10) | 约定得分 |
 * 依据 (required: why both parties agreed it). The score must lie between the item's floor and 满分」,
 * and A11: 「it is shown as agreed on the sheet, in 计算说明 and on 付款结算 … §6 stands: a run with an
 * error writes nothing」. The reader, then the whole run on a workbook with a month without valid ratings.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import type { ReadCell, SheetSnapshot, WorkbookSnapshot } from "../../../src/workbook/model";
import { runWorkbook } from "../../../src/workbook/plan";
import { readAgreedScores } from "../../../src/workbook/read/agreed-scores";
import { isoToSerial } from "../../../src/workbook/read/grid";
import { problemLine } from "../../../src/workbook/read/located";
import { readInputs } from "../../../src/workbook/read/read-inputs";
import { EXPLAIN_SHEET_NAME } from "../../../src/workbook/sheets/explain-sheet";
import { buildPaymentSheet, PAYMENT_SHEET_NAME } from "../../../src/workbook/sheets/payment-sheet";
import { addInputSheets, addScorecard, exampleData, InputData, ScorecardCells, toBuffer } from "../../fixtures/workbooks";

/** A sheet snapshot from rows of values (row 1 first); a `{ v, f }` cell carries a number format. */
function sheet(name: string, rows: (string | number | null | { v: number; f: string })[][]): SheetSnapshot {
  const cells: ReadCell[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null) return;
      if (typeof v === "object") cells.push({ row: i + 1, col: j + 1, value: v.v, numberFormat: v.f });
      else cells.push({ row: i + 1, col: j + 1, value: v, numberFormat: "General" });
    }),
  );
  return { name, index: 0, cells, merges: [] };
}

const REASON = "2025-11-03 双方会议纪要：评价系统故障，本月无有效评价";

describe("reading 约定调整", () => {
  it("no sheet: no agreed scores, no problem", () => {
    const r = readAgreedScores({ sheets: [] });
    expect(r).toMatchObject({ present: false, rows: [], problems: [] });
  });

  it("finds the header under a title, by name after normalization, in any order, leaving extra columns alone", () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        sheet(" 约定 调整 ", [
          ["约定调整（双方签字后填写）"],
          ["依据（双方约定理由）", "备注", "序号（1–10）", " 考核 月份 ", "约定得分"],
          [REASON, "甲方张三", "第８项", { v: isoToSerial("2025-10-01"), f: "yyyy-mm" }, "7.5分"],
          ["系统停机", null, 9, "2025年9月", 6],
          [null, "只有备注的行", null, null, null],
        ]),
      ],
    };
    const r = readAgreedScores(snapshot);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { month: "2025-10", item: 8, score: "7.5", reason: REASON },
      { month: "2025-09", item: 9, score: "6", reason: "系统停机" },
    ]);
    expect(r.locate("agreedScores[1].score")).toEqual({ sheet: " 约定 调整 ", cell: "E4", indicator: "约定得分" });
    expect(r.locate("agreedScores[0].reason")).toEqual({ sheet: " 约定 调整 ", cell: "A3", indicator: "依据" });
  });

  it.each([
    { name: "a month it cannot read", row: ["三月", 8, 8, REASON], cell: "A2", indicator: "考核月份", says: "三月" },
    { name: "a month typed as the number 2025.1", row: [2025.1, 8, 8, REASON], cell: "A2", indicator: "考核月份", says: "2025.1" },
    { name: "a 序号 in words", row: ["2025-10", "八", 8, REASON], cell: "B2", indicator: "序号", says: "八" },
    { name: "a score in words", row: ["2025-10", 8, "八分", REASON], cell: "C2", indicator: "约定得分", says: "八分" },
    { name: "data without a month", row: [null, 8, 8, REASON], cell: "A2", indicator: "考核月份", says: "未填写" },
  ])("refuses $name, naming the cell", ({ row, cell, indicator, says }) => {
    const r = readAgreedScores({ sheets: [sheet("约定调整", [["考核月份", "序号", "约定得分", "依据"], row])] });
    expect(r.problems.map((p) => [p.sheet, p.cell, p.indicator, p.severity])).toEqual([["约定调整", cell, indicator, "error"]]);
    expect(r.problems[0]?.message).toContain(says);
    expect(r.unreadable.has(`约定调整!${cell}`)).toBe(true);
  });

  it("refuses a header without 依据, naming the column; an empty sheet is no agreed score", () => {
    const r = readAgreedScores({ sheets: [sheet("约定调整", [["考核月份", "序号", "约定得分"], ["2025-10", 8, 8]])] });
    expect(r.problems.map((p) => [p.code, p.cell, p.indicator])).toEqual([["missing-column", null, "依据"]]);
    expect(readAgreedScores({ sheets: [sheet("约定调整", [])] })).toMatchObject({ present: true, rows: [], problems: [] });
  });

  it("readInputs carries the rows and locates the engine's field paths", () => {
    const inputs = readInputs({ sheets: [sheet("约定调整", [["考核月份", "序号", "约定得分", "依据"], ["2025-10", 8, 8, REASON]])] });
    expect(inputs.agreedScores).toEqual([{ month: "2025-10", item: 8, score: "8", reason: REASON }]);
    expect(inputs.locator.locate({ field: "agreedScores[0].item" })).toEqual({ sheet: "约定调整", cell: "B2", indicator: "序号" });
  });
});

// ------------------------------------------------------------------------------------ the whole run

/** The SPEC §7 month with no valid ratings (a month the contract cannot score on row 8). */
function noRatings(): InputData {
  const data = exampleData();
  const ind = data.indicators[0]!;
  data.indicators[0] = { ...ind, verySatisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0, veryDissatisfied: 0, excludedBad: 0 };
  return data;
}

async function run(data: InputData, agreed: (string | number | null)[][] | null): Promise<{ result: ReturnType<typeof runWorkbook>; cells: ScorecardCells }> {
  const wb = new ExcelJS.Workbook();
  const cells = addScorecard(wb, { sheetName: "2025年10月", month: "2025-10" });
  addInputSheets(wb, data);
  if (agreed) {
    const ws = wb.addWorksheet("约定调整");
    [["考核月份", "序号", "约定得分", "依据"], ...agreed].forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
  }
  const snapshot = await (await ExcelFileAdapter.fromBuffer(await toBuffer(wb))).read();
  return { result: runWorkbook(snapshot, { asOf: "2025-12-31", now: "2025-12-31 10:00", buildPaymentSheet }), cells };
}

const textsOf = (spec: { cells: { value: unknown }[] } | undefined) => (spec?.cells ?? []).map((c) => c.value).filter((v): v is string => typeof v === "string");

describe("an agreed score through 约定调整, end to end (runWorkbook)", () => {
  it("without a row: refused, the error names the 指标录入 cell and says to add a row in 约定调整; nothing written", async () => {
    const { result } = await run(noRatings(), null);
    expect(result.ok).toBe(false);
    expect(result.plan).toBeNull();
    const e = result.errors.find((x) => x.code === "no-valid-ratings");
    expect(e).toMatchObject({ sheet: "指标录入", cell: "N2", indicator: "非常满意" });
    expect(problemLine(e!, false)).toBe(
      "工作表「指标录入」单元格 N2（非常满意）：有效评价数为 0，无法计算满意率：第8项「团队服务满意率」本月无法按合同计分（合同对此没有给分办法，本工具不代为给分）。如甲乙双方就该项得分达成一致，请在「约定调整」工作表添加一行：考核月份 2025-10 | 序号 8 | 约定得分 | 依据（双方约定的理由），再重新评分",
    );
  });

  it("with the row: scored, shown as agreed on the month's sheet, in 计算说明 and on 付款结算", async () => {
    const { result, cells } = await run(noRatings(), [["2025-10", 8, 8, REASON]]);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    // 93.25 with row 8 at 9.50 → at the agreed 8.
    expect(result.json?.months[0]).toMatchObject({ month: "2025-10", total: "91.75" });
    expect(result.json?.months[0]?.items["8"]).toBe("8.00");
    const writes = result.plan?.cellWrites.find((g) => g.sheet === "2025年10月")?.writes ?? [];
    expect(writes.find((w) => w.address === cells.scoreCells[8])?.value).toBe(8);
    expect(writes.find((w) => w.address === cells.summaryCells[8])?.value).toBe(`有效评价数为 0，无法计算满意率；约定得分 8（依据：${REASON}）`);
    expect(writes.find((w) => w.address === cells.totalCell)?.value).toBe(91.75);

    const explain = result.plan?.sheets.find((s) => s.name === EXPLAIN_SHEET_NAME);
    const labelCell = explain?.cells.find((c) => c.value === "8 团队服务满意率【约定】");
    expect(labelCell).toBeDefined();
    const row = labelCell!.address.slice(1);
    const text = String(explain?.cells.find((c) => c.address === `B${row}`)?.value);
    expect(text).toContain("合同对此没有给分办法（A11）");
    expect(text).toContain(`约定本月本项得 8 分（依据：${REASON}）`);
    expect(explain?.cells.find((c) => c.address === `C${row}`)?.value).toBe(8);
    expect(textsOf(explain).some((t) => t.includes(`（含双方约定得分：第8项「团队服务满意率」约定 8（依据：${REASON}））`))).toBe(true);

    const payment = result.plan?.sheets.find((s) => s.name === PAYMENT_SHEET_NAME);
    expect(textsOf(payment)).toContain(`• 2025年10月第8项「团队服务满意率」按双方约定计 8 分（依据：${REASON}）`);
    expect(result.warnings.find((w) => w.code === "agreed-score")).toMatchObject({ sheet: "约定调整", cell: "C2", indicator: "约定得分" });
  });

  it("refuses bad rows with their cells named, and writes nothing", async () => {
    const { result } = await run(noRatings(), [
      ["2025-10", 11, 8, REASON], // 序号 outside 1–10
      ["2025-10", 8, 12, REASON], // above 满分
      ["2025-10", 8, 8, REASON], // item 8 again
      ["2025-10", 6, 14, ""], // no 依据
      ["三月", 5, 5, REASON], // month unreadable
      ["2025-10", "七", 7, REASON], // 序号 unreadable
      ["2025-10", 7, "八分", REASON], // score unreadable
    ]);
    expect(result.ok).toBe(false);
    expect(result.plan).toBeNull();
    const at = result.errors.filter((e) => e.sheet === "约定调整").map((e) => [e.cell, e.indicator, e.code]);
    expect(at.sort()).toEqual(
      [
        ["A6", "考核月份", "bad-value"],
        ["B2", "序号", "bad-agreed-item"],
        ["B4", "序号", "duplicate-agreed"],
        ["B7", "序号", "bad-value"],
        ["C3", "约定得分", "agreed-out-of-range"],
        ["C8", "约定得分", "bad-value"],
        ["D5", "依据", "agreed-without-reason"],
      ].sort(),
    );
    // Item 8 has a row (a bad one): its error is the row's, not "add a row".
    expect(result.errors.some((e) => e.code === "no-valid-ratings")).toBe(false);
  });

  it("an agreed score for an item the contract can score is used, warned about at its cell", async () => {
    const { result } = await run(exampleData(), [["2025-10", 6, 15, "排名数据有误，双方确认"]]);
    expect(result.ok).toBe(true);
    expect(result.json?.months[0]?.items["6"]).toBe("15.00");
    expect(result.json?.months[0]?.total).toBe("95.25");
    expect(result.warnings.find((w) => w.code === "agreed-score-overrides")).toMatchObject({ sheet: "约定调整", cell: "C2" });
  });
});
