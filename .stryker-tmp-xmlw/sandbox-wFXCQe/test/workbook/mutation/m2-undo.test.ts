/**
 * Issue 17 (mutation tests, src/workbook/sheets/undo.ts): 撤销记录 written cell by cell for a
 * small plan (whole sheets, cells empty before in compact ranges, cells that held something one row
 * each), read back by planRestore, and every refusal's message read whole (the sheet, the cell, the
 * value). Everything is built inside the tests (per-test coverage).
 */
// @ts-nocheck

import type { WorkbookSnapshot, WritePlan } from "../../../src/workbook/model";
import { buildUndoSheet, expandRanges, planRestore } from "../../../src/workbook/sheets/undo";
import { CARD, UNDO_HEAD, grid, asSheet, rowsOf, refused, restored, record } from "./undo-fixtures";

describe("buildUndoSheet", () => {
  it("records whole sheets, cells empty before as ranges down each column, and the cells that held something, exactly", () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        grid(CARD, [["标题"], [null, { v: 93.25, f: "0.00" }], [null, null, { v: 2, f: "General", formula: "1+1" }]]),
        grid("付款结算", [["x"]]),
      ],
    };
    const plan: WritePlan = {
      cellWrites: [
        {
          sheet: CARD.toLowerCase(),
          writes: [
            { address: "a1", value: "新标题" },
            { address: "B2", value: 95 },
            { address: "C3", value: null, formula: "=2+2" },
            { address: "H7", value: 9 },
            { address: "H8", value: true },
            { address: "H9", value: null },
            { address: "G7", value: "团队 9 人" },
            { address: "H10", value: 1 },
            { address: "H8", value: false }, // written twice: the last value counts, the original once
          ],
        },
      ],
      sheets: [
        { name: "付款结算", cells: [], merges: [] },
        { name: "计算说明", cells: [], merges: [] },
        { name: "审计记录", cells: [], merges: [] },
        { name: "撤销记录", cells: [], merges: [] },
        { name: "计算说明", cells: [], merges: [] },
      ],
    };
    const s = buildUndoSheet(snapshot, plan, "2025-11-05 14:30");
    const body = { border: "thin", vertical: "top", fontSize: 10 };
    const header = { bold: true, fill: "#D9E1F2", border: "thin", horizontal: "center", vertical: "middle", wrap: true };
    expect(s.cells.slice(0, 4)).toEqual([
      { address: "A1", value: "撤销记录 —— 上次写入前的原内容", style: { bold: true, fontSize: 14, vertical: "middle" } },
      { address: "A2", value: "记录时间", numberFormat: "@", style: { bold: true } },
      { address: "B2", value: "2025-11-05 14:30", numberFormat: "@", style: {} },
      {
        address: "A3",
        value:
          "执行「撤销上次写入」时，「原为空的单元格」所列区域恢复为空，下表其余每个单元格恢复为写入前的原值、原数字格式和原公式。整表由程序拥有：写入前不存在的整表在撤销时删除；写入前已存在的整表不逐格恢复，下次评分时重新生成；「审计记录」与本表不随撤销删除。本表由程序生成，请勿修改。",
        style: { fontColor: "#595959", fontSize: 10, vertical: "middle", wrap: true },
      },
    ]);
    expect(s.cells.find((c) => c.address === "A5")).toEqual({ address: "A5", value: "整表", numberFormat: "@", style: header });
    expect(s.cells.find((c) => c.address === "A6")).toEqual({ address: "A6", value: "付款结算", numberFormat: "@", style: body });
    expect(rowsOf(s)).toEqual({
      1: ["撤销记录 —— 上次写入前的原内容"],
      2: ["记录时间", "2025-11-05 14:30"],
      3: [expect.any(String)],
      5: ["整表", "写入前已存在", "撤销时"],
      6: ["付款结算", "是", "保留，下次评分时重新生成"],
      7: ["计算说明", "否", "删除"],
      8: ["审计记录", "否", "保留（不随撤销删除）"],
      10: ["工作表", "原为空的单元格", "本次写入值（依次）"],
      // G7 (column G) before the H run; H7:H10 one run down the column.
      11: [CARD, "G7,H7:H10", '["团队 9 人","9","FALSE","（空）","1"]'],
      13: UNDO_HEAD,
      14: [CARD, "A1", "标题", "文本", "General", null, "新标题"],
      15: [CARD, "B2", "93.25", "数字", "0.00", null, "95"],
      16: [CARD, "C3", "2", "数字", "General", "1+1", "公式 =2+2"],
    });
    expect(s.cells.filter((c) => c.address !== "A1" && c.address !== "A3").every((c) => c.numberFormat === "@")).toBe(true);
    expect(s).toMatchObject({
      name: "撤销记录",
      merges: ["A1:G1", "A3:G3"],
      columnWidths: { A: 18, B: 10, C: 36, D: 10, E: 14, F: 28, G: 36 },
      rowHeights: { 1: 24, 3: 44 },
      print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: "13:13", margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 } },
      tabColor: "#7F7F7F",
    });

    // Read back: the cells that held something restored, the blanks emptied, 计算说明 deleted (审计记录 never).
    const after: WorkbookSnapshot = { sheets: [...snapshot.sheets, grid("计算说明", [["x"]]), grid("审计记录", [["x"]]), asSheet(s)] };
    const r = restored(planRestore(after));
    expect(r.deleteSheets).toEqual(["计算说明"]);
    expect(r.plan).toEqual({
      cellWrites: [
        {
          sheet: CARD,
          writes: [
            { address: "G7", value: null },
            { address: "H7", value: null },
            { address: "H8", value: null },
            { address: "H9", value: null },
            { address: "H10", value: null },
            { address: "A1", value: "标题", numberFormat: "General" },
            { address: "B2", value: 93.25, numberFormat: "0.00" },
            { address: "C3", value: 2, numberFormat: "General", formula: "1+1" },
          ],
        },
      ],
      sheets: [],
      deleteSheets: ["计算说明"],
    });
    // The workbook still holds the values before the write: every cell the write set reads as changed since, but H9 (written empty).
    expect(r.changedSince).toEqual([`${CARD}!G7`, `${CARD}!H7`, `${CARD}!H8`, `${CARD}!H10`, `${CARD}!A1`, `${CARD}!B2`, `${CARD}!C3`]);
  });

  it("says so when the plan has no whole sheet, no blank cell and no cell that held something", () => {
    const s = buildUndoSheet({ sheets: [] }, { cellWrites: [], sheets: [{ name: "撤销记录", cells: [], merges: [] }] }, "t");
    const grey = { border: "thin", vertical: "top", fontSize: 10, fontColor: "#595959" };
    expect(rowsOf(s)).toEqual({
      1: ["撤销记录 —— 上次写入前的原内容"],
      2: ["记录时间", "t"],
      3: [expect.any(String)],
      5: ["整表", "写入前已存在", "撤销时"],
      6: ["（本次写入没有整表）"],
      8: ["工作表", "原为空的单元格", "本次写入值（依次）"],
      9: ["（本次写入没有原为空的单元格）"],
      11: UNDO_HEAD,
      12: ["（本次写入没有改动原有内容的单元格）"],
    });
    for (const a of ["A6", "A9", "A12"]) expect(s.cells.find((c) => c.address === a)?.style).toEqual(grey);
    expect(s.print?.repeatRows).toBe("11:11");
    // And such a record undoes nothing.
    expect(restored(planRestore({ sheets: [asSheet(s)] }))).toEqual({ plan: { cellWrites: [], sheets: [], deleteSheets: [] }, deleteSheets: [], changedSince: [] });
  });

  it("refuses a plan that writes to a sheet the workbook does not have, naming it", () => {
    expect(() => buildUndoSheet({ sheets: [grid("指标录入", [])] }, { cellWrites: [{ sheet: "付款记录", writes: [] }], sheets: [] }, "t")).toThrow(
      new RangeError('写入计划要改的工作表「付款记录」不在工作簿中 / the plan writes to sheet "付款记录", which the workbook does not have'),
    );
  });

  it("prefers the exact sheet name over one differing in case only", () => {
    const s = buildUndoSheet({ sheets: [grid("Data", [["upper"]]), grid("data", [["lower"]])] }, { cellWrites: [{ sheet: "data", writes: [{ address: "A1", value: "x" }] }], sheets: [] }, "t");
    expect(rowsOf(s)[12]).toEqual(["data", "A1", "lower", "文本", "General", null, "x"]);
  });

  it("cuts the compact list below 30,000 characters: a run is split, a new row started, a value too long for any list gets its own row", () => {
    const long = "长".repeat(20_000); // 20,002 characters as JSON
    const huge = "x".repeat(29_997); // "C1", a comma, the quotes and brackets: 30,004 > 30,000
    const plan: WritePlan = {
      cellWrites: [
        {
          sheet: CARD,
          writes: [
            { address: "A1", value: long },
            { address: "A2", value: long },
            { address: "B1", value: long },
            { address: "C1", value: huge },
            { address: "D1", value: "短" },
          ],
        },
      ],
      sheets: [],
    };
    const s = buildUndoSheet({ sheets: [grid(CARD, [])] }, plan, "t");
    const rows = rowsOf(s);
    expect(rows[9]).toEqual([CARD, "A1", JSON.stringify([long])]);
    expect(rows[10]).toEqual([CARD, "A2", JSON.stringify([long])]);
    // A1:A2 as one run would pass 30,000: cut into two; D1 (short) still fits beside B1.
    expect(rows[11]).toEqual([CARD, "B1,D1", JSON.stringify([long, "短"])]);
    expect(rows[12]).toBeUndefined();
    expect(rows[13]).toEqual(UNDO_HEAD);
    expect(rows[14]).toEqual([CARD, "C1", null, "空", null, null, huge]);
    expect(rows[15]).toBeUndefined();
    // Restoring empties C1 again (type 空) and the listed cells.
    const r = restored(planRestore({ sheets: [grid(CARD, []), asSheet(s)] }));
    expect(r.plan.cellWrites[0]?.writes.map((w) => [w.address, w.value])).toEqual([
      ["A1", null],
      ["A2", null],
      ["B1", null],
      ["D1", null],
      ["C1", null],
    ]);
  });

  it("joins short runs into one row until the next would pass 30,000 characters", () => {
    const v = "y".repeat(9_990); // 9,992 as JSON, +1 separator
    const plan: WritePlan = { cellWrites: [{ sheet: CARD, writes: ["A1", "B1", "C1", "D1"].map((address) => ({ address, value: v })) }], sheets: [] };
    const rows = rowsOf(buildUndoSheet({ sheets: [grid(CARD, [])] }, plan, "t"));
    expect(rows[9]?.slice(0, 2)).toEqual([CARD, "A1,B1,C1"]);
    expect(rows[10]?.slice(0, 2)).toEqual([CARD, "D1"]);
  });

  it("records a long text as it will be written (cut to Excel's limit)", () => {
    const text = "z".repeat(40_000);
    const s = buildUndoSheet({ sheets: [grid(CARD, [["old"]])] }, { cellWrites: [{ sheet: CARD, writes: [{ address: "A1", value: text }] }], sheets: [] }, "t");
    const written = rowsOf(s)[12]?.[6] as string;
    expect(written).toBe(`${"z".repeat(32_753)}…（以下省略 7247 字）`);
  });
});

describe("expandRanges", () => {
  it("expands cells and rectangles row by row", () => {
    expect(expandRanges("H7:H9, g7 ,A1:B2")).toEqual([
      { row: 7, col: 8 },
      { row: 8, col: 8 },
      { row: 9, col: 8 },
      { row: 7, col: 7 },
      { row: 1, col: 1 },
      { row: 1, col: 2 },
      { row: 2, col: 1 },
      { row: 2, col: 2 },
    ]);
    expect(expandRanges("A1:A100000")).toHaveLength(100_000);
  });

  it("rejects anything that is not A1 cells or ranges, a reversed range and one over 100,000 cells", () => {
    for (const bad of ["", "A1,", ",A1", "A1:B2:C3", "1A", "A1:?", "B1:A1", "A2:A1", "A1:A100001", "A1:B50001"]) expect(expandRanges(bad)).toBeNull();
    expect(expandRanges("A1:A1")).toEqual([{ row: 1, col: 1 }]);
  });
});

describe("planRestore", () => {
  it("refuses without a record, naming the sheet", () => {
    expect(planRestore({ sheets: [grid(CARD, [])] })).toEqual({
      error: "工作簿中没有「撤销记录」工作表：还没有可撤销的写入",
      errorEn: 'the workbook has no "撤销记录" sheet: there is no write to undo',
      problems: [
        {
          severity: "error",
          code: "undo-refused",
          field: "撤销记录",
          message: "工作簿中没有「撤销记录」工作表：还没有可撤销的写入",
          messageEn: 'the workbook has no "撤销记录" sheet: there is no write to undo',
          sheet: "撤销记录",
          cell: null,
          indicator: "撤销记录",
        },
      ],
    });
  });

  it("refuses a record whose headers are lost or out of order", () => {
    const msg = "「撤销记录」的表头无法识别（应有：工作表、单元格、原值、原值类型、原数字格式、原公式、本次写入值），无法撤销";
    const noCells = grid("撤销记录", [["整表", "写入前已存在"]]);
    expect(refused(planRestore({ sheets: [noCells] }))).toMatchObject({ error: msg, errorEn: 'the header of "撤销记录" cannot be found: nothing can be undone' });
    expect(refused(planRestore({ sheets: [noCells] })).problems[0]).toMatchObject({ cell: null, indicator: "工作表、单元格、原值、原值类型、原数字格式、原公式、本次写入值" });
    expect(refused(planRestore({ sheets: [grid("撤销记录", [UNDO_HEAD])] })).error).toBe(msg);
    expect(refused(planRestore({ sheets: [grid("撤销记录", [UNDO_HEAD, ["整表", "写入前已存在"]])] })).error).toBe(msg);
    // The headers are found by their normalised text, in any row; the 7th column's header is not needed.
    expect(restored(planRestore({ sheets: [grid("撤销记录", [[" 整 表", "写入前已存在"], UNDO_HEAD.slice(0, 6)])] })).plan.cellWrites).toEqual([]);
  });

  it("restores each type: text (blank as empty text), numbers written as text, booleans, empty; format and formula when given", () => {
    const target = grid(CARD, []);
    const rec = record({
      cells: [
        [CARD, "A1", null, "文本", "@", null, ""],
        [CARD, " b1 ", "001", " 文本 ", null, null, ""],
        [CARD, "C1", " -1.5e3 ", "数字", "0.00", "=SUM(A1)", ""],
        [CARD, "D1", ".5", "数字", null, " ", ""],
        [CARD, "E1", 7, "数字", null, null, ""],
        [CARD, "F1", "2.", "数字", null, null, ""],
        [CARD, "G1", "TRUE", "布尔", null, null, ""],
        [CARD, "H1", "false", "布尔", null, null, ""],
        [CARD, "I1", true, "布尔", null, null, ""],
        [CARD, "J1", "x", "空", "General", null, ""],
      ],
    });
    const r = restored(planRestore({ sheets: [target, rec] }));
    expect(r.plan.cellWrites).toEqual([
      {
        sheet: CARD,
        writes: [
          { address: "A1", value: "", numberFormat: "@" },
          { address: "B1", value: "001" },
          { address: "C1", value: -1500, numberFormat: "0.00", formula: "SUM(A1)" },
          { address: "D1", value: 0.5 },
          { address: "E1", value: 7 },
          { address: "F1", value: 2 },
          { address: "G1", value: true },
          { address: "H1", value: false },
          { address: "I1", value: true },
          { address: "J1", value: null, numberFormat: "General" },
        ],
      },
    ]);
    expect(r.changedSince).toEqual([]);
  });

  it("refuses an unreadable row, naming the cell of 撤销记录 and the value, all problems joined", () => {
    const rec = record({
      cells: [
        [CARD, "1A", "x", "文本", null, null, ""],
        [CARD, "A2", "12abc", "数字", null, null, ""],
        [CARD, "A3", "Infinity", "数字", null, null, ""],
        [CARD, "A4", "yes", "布尔", null, null, ""],
        [CARD, "A5", "x", "日期", null, null, ""],
        [CARD, "A6", true, "数字", null, null, ""],
      ],
    });
    const r = refused(planRestore({ sheets: [grid(CARD, []), rec] }));
    // The record: rows 1–3 title, 5 whole-sheet header, 7 blanks header, 9 cells header, 10… rows.
    expect(r.problems.map((p) => [p.cell, p.indicator, p.message, p.messageEn])).toEqual([
      ["B10", "单元格", "「单元格」应为 A1 形式的地址，实为「1A」", '"单元格" must be an A1 address, got "1A"'],
      ["C11", "原值", "原值类型为数字，但「原值」不是数字：「12abc」", 'the type is a number but the value is "12abc"'],
      ["C12", "原值", "原值类型为数字，但「原值」不是数字：「Infinity」", 'the type is a number but the value is "Infinity"'],
      ["C13", "原值", "原值类型为布尔，但「原值」不是 TRUE/FALSE：「yes」", 'the type is a boolean but the value is "yes"'],
      ["D14", "原值类型", "「原值类型」应为 空/文本/数字/布尔，实为「日期」", '"原值类型" must be 空/文本/数字/布尔, got "日期"'],
      ["C15", "原值", "原值类型为数字，但「原值」不是数字：「true」", 'the type is a number but the value is "true"'],
    ]);
    expect(r.error).toBe(r.problems.map((p) => `${p.cell}：${p.message}`).join("；"));
    expect(r.errorEn).toBe(r.problems.map((p) => p.messageEn).join("; "));
    expect(r.problems.every((p) => p.severity === "error" && p.code === "undo-refused" && p.sheet === "撤销记录")).toBe(true);
  });

  it("refuses a sheet that is gone or protected, once per sheet, naming the first row", () => {
    const rec = record({
      blanks: [["没了", "A1", '["x"]']],
      cells: [
        ["没了", "A2", "x", "文本", null, null, ""],
        [CARD, "A1", "x", "文本", null, null, ""],
        [CARD, "A2", "x", "文本", null, null, ""],
      ],
    });
    const r = refused(planRestore({ sheets: [grid(CARD, [], { protected: true }), rec] }));
    expect(r.problems.map((p) => [p.cell, p.indicator, p.message, p.messageEn])).toEqual([
      ["A8", "工作表", "工作表「没了」已不存在（被删除或改名），无法恢复其单元格", 'sheet "没了" no longer exists (deleted or renamed)'],
      ["A12", "工作表", `工作表「${CARD}」受保护（已定稿），撤销不会改动已定稿的月份；请先解除定稿`, `sheet "${CARD}" is protected (frozen): an undo does not change a frozen month; unfreeze it first`],
    ]);
  });

  it("refuses a compact row whose ranges or list cannot be read or do not match", () => {
    const rec = record({
      blanks: [
        [CARD, "A1:?", '["x"]'],
        [CARD, "A1:A2", '["x"]'],
        [CARD, "A1", "not json"],
        [CARD, "A1", '[1]'],
        [CARD, "A1", 5],
        [CARD, "A1", '{"a":"x"}'],
        [CARD, null, "ignored"],
        [null, null, null],
      ],
    });
    const r = refused(planRestore({ sheets: [grid(CARD, []), rec] }));
    expect(r.problems.map((p) => [p.cell, p.indicator, p.message, p.messageEn])).toEqual([
      ["B8", "原为空的单元格", "「原为空的单元格」应为以逗号分隔的 A1 区域（如 H7:H20,G7），实为「A1:?」", '"原为空的单元格" must be comma-separated A1 ranges (e.g. H7:H20,G7), got "A1:?"'],
      ["C9", "本次写入值", "「本次写入值」应为 2 个值的列表（JSON），与「原为空的单元格」逐一对应", '"本次写入值" must be a JSON list of 2 values, one per cell of the ranges'],
      ["C10", "本次写入值", "「本次写入值」应为 1 个值的列表（JSON），与「原为空的单元格」逐一对应", '"本次写入值" must be a JSON list of 1 values, one per cell of the ranges'],
      ["C11", "本次写入值", "「本次写入值」应为 1 个值的列表（JSON），与「原为空的单元格」逐一对应", '"本次写入值" must be a JSON list of 1 values, one per cell of the ranges'],
      ["C12", "本次写入值", "「本次写入值」应为 1 个值的列表（JSON），与「原为空的单元格」逐一对应", '"本次写入值" must be a JSON list of 1 values, one per cell of the ranges'],
      ["C13", "本次写入值", "「本次写入值」应为 1 个值的列表（JSON），与「原为空的单元格」逐一对应", '"本次写入值" must be a JSON list of 1 values, one per cell of the ranges'],
    ]);
  });

  it("names the cells typed in since the write, comparing with what the write put there", () => {
    const now = grid(CARD, [
      ["same", { v: 2, formula: "1+1" }, "typed", 3, null, true, null, { v: 5, formula: "2+3" }],
      [null, "other", "x"],
    ]);
    const rec = record({
      blanks: [[CARD, "A2,B2", '["（空）","（空）"]']],
      cells: [
        [CARD, "A1", "o", "文本", null, null, "same"],
        [CARD, "B1", "o", "文本", null, null, "公式 =1+1"],
        [CARD, "C1", "o", "文本", null, null, "written"],
        [CARD, "D1", "o", "文本", null, null, "3"],
        [CARD, "E1", "o", "文本", null, null, "（空）"],
        [CARD, "F1", "o", "文本", null, null, "TRUE"],
        [CARD, "G1", "o", "文本", null, null, ""],
        [CARD, "H1", "o", "文本", null, null, "公式 =1+1"],
        [CARD, "C2", "o", "文本", null, null, "（空）"],
      ],
    });
    const r = restored(planRestore({ sheets: [now, rec] }));
    expect(r.changedSince).toEqual([`${CARD}!B2`, `${CARD}!C1`, `${CARD}!H1`, `${CARD}!C2`]);
  });

  it("deletes only the whole sheets that did not exist before, still exist and are not kept; skips the 'nothing' lines", () => {
    const rec = record({
      whole: [
        ["计算说明", "否", "删除"],
        ["付款结算", "是", "保留"],
        ["审计记录", "否", "保留"],
        [" 撤销记录 ", "否", "保留"],
        ["已删", "否", "删除"],
        ["Notes", " 否 ", "删除"],
        ["", "否", "删除"],
        ["别的", "也许", "删除"],
        ["（本次写入没有整表）"],
      ],
      cells: [["（本次写入没有改动原有内容的单元格）"], [null, " ", null], ["（其他）", "A1", null, "空", null, null, ""]],
    });
    const book = { sheets: [grid("计算说明", []), grid("付款结算", []), grid("审计记录", []), grid("notes", []), grid("别的", []), grid("（其他）", []), rec] };
    const r = restored(planRestore(book));
    expect(r.deleteSheets).toEqual(["计算说明", "notes"]);
    expect(r.plan.deleteSheets).toEqual(["计算说明", "notes"]);
    expect(r.plan.deleteSheets).not.toBe(r.deleteSheets);
    expect(r.plan.cellWrites).toEqual([{ sheet: "（其他）", writes: [{ address: "A1", value: null }] }]);
  });

  it("reads a record without the compact section, and ignores a blanks header that is out of place", () => {
    const old = record({ blanks: null, whole: [["计算说明", "否", "删除"]], cells: [[CARD, "A1", "x", "文本", null, null, ""]] });
    const r = restored(planRestore({ sheets: [grid(CARD, []), grid("计算说明", []), old] }));
    expect(r.deleteSheets).toEqual(["计算说明"]);
    expect(r.plan.cellWrites).toEqual([{ sheet: CARD, writes: [{ address: "A1", value: "x" }] }]);
    // A blanks header below the cells' header is not a compact section: the rows under it are cell rows.
    const misplaced = grid("撤销记录", [["整表", "写入前已存在"], ["计算说明", "否"], UNDO_HEAD, [CARD, "A1", "x", "文本"], ["工作表", "原为空的单元格"]]);
    const m = refused(planRestore({ sheets: [grid(CARD, []), grid("计算说明", []), misplaced] }));
    expect(m.problems.map((p) => p.cell)).toEqual(["A5"]);
    // A blanks header above the whole-sheet header is ignored too.
    const above = grid("撤销记录", [["工作表", "原为空的单元格"], [CARD, "A1"], ["整表", "写入前已存在"], ["计算说明", "否"], UNDO_HEAD]);
    const a = restored(planRestore({ sheets: [grid(CARD, []), grid("计算说明", []), above] }));
    expect(a).toEqual({ plan: { cellWrites: [], sheets: [], deleteSheets: ["计算说明"] }, deleteSheets: ["计算说明"], changedSince: [] });
  });
});
