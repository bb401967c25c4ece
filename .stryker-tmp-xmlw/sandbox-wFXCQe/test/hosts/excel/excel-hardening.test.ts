/**
 * The Excel path against the Excel a clerk really has (issue 14): bounded reads, the native undo
 * group, consistent writes, cell-edit mode and hangs, recalculation, "@" cells, merged areas the
 * host cannot read, and the fake's own model of each (with the documentation it follows).
 */
// @ts-nocheck

import { fakeStateOf } from "../../../bench/excel-mode";
import { AS_OF, NOW, exampleWorkbook } from "../../../bench/workbooks";
import { ApplyIncompleteError, CellEditModeError, ExcelAdapter, ExcelNotRespondingError, estimateApply, type BatchRunner } from "../../../src/hosts/excel/excel-adapter";
import { RESPONSE_BUDGET, WEB_PAYLOAD_LIMIT } from "../../../src/hosts/excel/request-size";
import { looksLikeScorecard } from "../../../src/hosts/excel/sheet-reader";
import { readTextCell } from "../../../src/hosts/excel/text-input";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import type { SheetSnapshot, WorkbookSnapshot, WritePlan } from "../../../src/workbook/model";
import { planFreezeMonth, planUndo, runWorkbookAsync } from "../../../src/workbook/plan";
import { findScorecards } from "../../../src/workbook/read/find-scorecards";
import { buildPaymentSheet } from "../../../src/workbook/sheets/payment-sheet";
import { UNDO_SHEET_NAME } from "../../../src/workbook/sheets/undo";
import { FakeExcelError, FakeRequestContext, FakeWorkbookState, fakeRunner, installExcelGlobal } from "./fake-excel";
import { ITEMS, SCORECARD_MERGES, addLedger, monthLabel, scorecardCells, scorecardWorkbook } from "./fixtures";

const ALL_SETS = () => true;
const asExcel = (c: FakeRequestContext) => c as unknown as Excel.RequestContext;

/** The example workbook's snapshot (read once): loaded into a fresh fake state for each test. */
let example: WorkbookSnapshot;
beforeAll(async () => {
  example = await (await ExcelFileAdapter.fromBuffer((await exampleWorkbook()).bytes)).read();
}, 60_000);

function open(state: FakeWorkbookState, options: ConstructorParameters<typeof ExcelAdapter>[1] = {}) {
  const { run, runs } = fakeRunner(state);
  const adapter = new ExcelAdapter(run as BatchRunner, { isSetSupported: ALL_SETS, ...options });
  return { adapter, runs };
}

/** Every response the fake sent, over every run. */
const responses = (runs: { context: FakeRequestContext }[]) => runs.flatMap((r) => r.context.responseBytes);

describe("point 2: bounded reads", () => {
  it("opens a workbook with an unrelated 20,000 × 16 sheet: every response under 4 MB, the ledger listed by name, the rest read in full", async () => {
    const state = scorecardWorkbook(12);
    addLedger(state);
    const { adapter, runs } = open(state);
    const first = await adapter.read();
    expect(runs[0]!.context.syncCount).toBe(3); // listing, bounds, cells (the ledger's window among them)
    const ledger = first.sheets.find((s) => s.name === "明细台账")!;
    expect(ledger).toEqual({ name: "明细台账", index: 15, cells: [], merges: [] });
    expect(adapter.unread).toEqual([{ name: "明细台账", rows: 20_000, columns: 16 }]);
    // the scorecards and inputs are read exactly as without the ledger
    const without = scorecardWorkbook(12);
    const plain = await open(without).adapter.read();
    expect(first.sheets.filter((s) => s.name !== "明细台账")).toEqual(plain.sheets);
    expect(findScorecards(first).scorecards).toHaveLength(12);
    // a read once the sheets are known: one sync
    const second = await adapter.read();
    expect(runs[1]!.context.syncCount).toBe(1);
    expect(second).toEqual(first);
    for (const bytes of responses(runs)) expect(bytes).toBeLessThan(RESPONSE_BUDGET);
    expect(Math.max(...responses(runs))).toBeLessThan(256 * 1024);
    expect(adapter.lastReadStats).toMatchObject({ syncs: 1 });
  }, 60_000);

  it("the fake refuses that ledger's used range in one response, as Excel on the web would (over 5 MB)", async () => {
    const state = new FakeWorkbookState();
    addLedger(state);
    const context = new FakeRequestContext(state);
    const used = asExcel(context).workbook.worksheets.getItem("明细台账").getUsedRangeOrNullObject(true);
    used.load("values,numberFormat,formulas");
    await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    // without the limit (a desktop Excel) the same response is about 10 MB
    state.payloadLimit = Number.POSITIVE_INFINITY;
    const again = new FakeRequestContext(state);
    const all = asExcel(again).workbook.worksheets.getItem("明细台账").getUsedRangeOrNullObject(true);
    all.load("values,numberFormat,formulas");
    await again.sync();
    expect(again.responseBytes[0]).toBeGreaterThan(9 * 1024 * 1024);
  }, 60_000);

  it("reads a large sheet it needs in full, in bands of rows each under the budget: an input sheet by name, and a sheet whose first rows look like a scorecard", async () => {
    const state = scorecardWorkbook(1);
    addLedger(state, "加减分事件副本", 6_000, 12); // not needed: listed by name
    const events = state.find("加减分事件")!;
    for (let r = 2; r <= 30_001; r++) {
      events.ensure(r, 1).value = monthLabel(r % 12).key;
      events.ensure(r, 2).value = r % 2 === 0 ? "加分" : "扣分";
      events.ensure(r, 3).value = `事项说明第${r}条，${"记录".repeat(10)}`;
    }
    addLedger(state, "考核汇总", 1_500, 20);
    const summary = state.find("考核汇总")!;
    summary.ensure(1, 3).value = "单项得分";
    const { adapter, runs } = open(state, { responseBudget: 512 * 1024 });
    const snapshot = await adapter.read();
    const read = snapshot.sheets.find((s) => s.name === "加减分事件")!;
    expect(read.cells.filter((c) => c.col === 3)).toHaveLength(30_001); // the header and 30,000 rows
    expect(read.cells.at(-1)).toEqual({ row: 30_001, col: 3, value: `事项说明第30001条，${"记录".repeat(10)}`, numberFormat: "General" });
    expect(snapshot.sheets.find((s) => s.name === "考核汇总")!.cells).toHaveLength(1_500 * 20);
    expect(adapter.unread.map((u) => u.name)).toEqual(["加减分事件副本"]);
    expect(runs[0]!.context.syncCount).toBeGreaterThan(4);
    for (const bytes of responses(runs)) expect(bytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
  }, 60_000);

  it("cuts a batch the host refuses (texts far longer than estimated) until every response fits", async () => {
    const state = scorecardWorkbook(1);
    const notes = state.addSheet("审计记录");
    const long = "长".repeat(3_000); // 9 KB per cell, ×2 (values and formulas)
    for (let r = 1; r <= 600; r++) for (let c = 1; c <= 2; c++) notes.ensure(r, c).value = `${r}-${c}${long}`;
    const { adapter, runs } = open(state);
    const snapshot = await adapter.read();
    expect(snapshot.sheets.find((s) => s.name === "审计记录")!.cells).toHaveLength(1_200);
    // the first estimate (48 bytes a cell) was far off: the host refused some batches, each was cut and read again
    const refused = runs[0]!.context.responseBytes.filter((b) => b > WEB_PAYLOAD_LIMIT).length;
    expect(refused).toBeGreaterThan(0);
    expect(adapter.lastReadStats!.responseBytes.every((b) => b <= WEB_PAYLOAD_LIMIT)).toBe(true);
    expect(adapter.lastReadStats!.syncs).toBe(runs[0]!.context.syncCount);
  });

  it("reads more than 512 merged areas (the merged-area read fails past 512: read in bands)", async () => {
    const state = new FakeWorkbookState();
    const sheet = state.addSheet("指标录入", { A1: "考核月份" });
    for (let r = 2; r <= 1_301; r++) {
      sheet.ensure(r, 1).value = `第${r}行`;
      sheet.merges.push({ top: r, left: 1, bottom: r, right: 2 });
    }
    sheet.merges.push({ top: 2_000, left: 5, bottom: 2_003, right: 6 }); // a blank merged box below the data
    const { adapter } = open(state);
    const snapshot = await adapter.read();
    const merges = snapshot.sheets[0]!.merges;
    expect(merges).toHaveLength(1_301);
    expect(new Set(merges.map((m) => `${m.top},${m.left}`)).size).toBe(1_301);
    expect(merges).toContainEqual({ top: 2_000, left: 5, bottom: 2_003, right: 6 });
    // the fake: one read of all of them fails
    const context = new FakeRequestContext(state);
    const areas = asExcel(context).workbook.worksheets.getItem("指标录入").getRange().getMergedAreasOrNullObject();
    areas.load("address");
    await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
  });

  it("a smaller response budget gives the same snapshot in more syncs", async () => {
    const state = scorecardWorkbook(24);
    const whole = await open(state).adapter.read();
    const { adapter, runs } = open(state, { responseBudget: 16 * 1024 });
    expect(await adapter.read()).toEqual(whole);
    expect(runs[0]!.context.syncCount).toBeGreaterThan(4);
    for (const bytes of responses(runs)) expect(bytes).toBeLessThan(32 * 1024);
  });

  it("tells a scorecard's first rows from a ledger's", () => {
    expect(looksLikeScorecard([["序号", "考核项目", "考核指标", "满分（分）", "单项得分"]])).toBe(true);
    expect(looksLikeScorecard([["考核月份：2025年10月"]])).toBe(true);
    expect(looksLikeScorecard([["字段1", "LS-2-1", 3, 45000]])).toBe(false);
  });
});

describe("point 3: the native undo group", () => {
  // every other row: one operation each, so that a small splitAt makes several batches
  const cellsOnly: WritePlan = { cellWrites: [{ sheet: "2024年12月", writes: ITEMS.map((_x, k) => ({ address: `H${5 + k}`, value: 9 })).filter((_w, k) => k % 2 === 1) }], sheets: [] };

  it("groups an owned-cells write (ExcelApi 1.20, an office.js that passes the option on): one undo step over all its syncs", async () => {
    const state = scorecardWorkbook(1);
    state.undoGroups = "honoured";
    const { adapter, runs } = open(state, { officeJsHonoursUndoGroup: true, splitAt: 600 });
    await adapter.apply(cellsOnly);
    expect(runs.at(-1)!.options).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    expect(adapter.nativeUndo).toBe(true);
    expect(adapter.lastApplyStats!.syncs).toBeGreaterThan(1);
    expect(state.undoStack.at(-1)).toEqual({ syncs: adapter.lastApplyStats!.syncs, grouped: true });
    expect(state.find("2024年12月")!.at("H18")?.value).toBe(9);
    expect(state.find("2024年12月")!.at("H17")).toBeUndefined(); // every other row only
  });

  it("does not group a write that adds, deletes or protects sheets (not undoable: UndoNotSupported), and the write succeeds", async () => {
    const state = scorecardWorkbook(1);
    state.undoGroups = "honoured";
    const { adapter, runs } = open(state, { officeJsHonoursUndoGroup: true });
    await adapter.read();
    await adapter.apply({ ...cellsOnly, sheets: [{ name: UNDO_SHEET_NAME, cells: [{ address: "A1", value: "记录" }], merges: [] }] });
    expect(runs.at(-1)!.options).toEqual({ delayForCellEdit: true });
    expect(adapter.nativeUndo).toBe(false);
    await adapter.apply({ cellWrites: [], sheets: [], protectSheets: [{ sheet: "2024年12月", protect: true }] });
    expect(runs.at(-1)!.options.mergeUndoGroup).toBeUndefined();
    expect(state.find("2024年12月")!.protected).toBe(true);
    expect(state.find(UNDO_SHEET_NAME)!.at("A1")?.value).toBe("记录");
    // what the adapter avoided: the fake throws UndoNotSupported for a sheet deleted in a group
    const context = new FakeRequestContext(state, { mergeUndoGroup: true });
    asExcel(context).workbook.worksheets.getItem(UNDO_SHEET_NAME).delete();
    await expect(context.sync()).rejects.toMatchObject({ code: "UndoNotSupported" });
    expect(state.find(UNDO_SHEET_NAME)).toBeDefined();
  });

  it("writes again without the group when Excel throws UndoNotSupported all the same", async () => {
    const state = scorecardWorkbook(1);
    state.undoGroups = "honoured";
    state.failSync.set(1, new FakeExcelError("UndoNotSupported", "the batch cannot be grouped"));
    const { adapter, runs } = open(state, { officeJsHonoursUndoGroup: true });
    await adapter.apply(cellsOnly);
    expect(runs.map((r) => r.options.mergeUndoGroup)).toEqual([true, undefined]);
    expect(adapter.nativeUndo).toBe(false);
    expect(state.find("2024年12月")!.at("H6")?.value).toBe(9);
  });

  it("nativeUndo tells the truth: false where the host lacks ExcelApi 1.20 or office.js drops the option", async () => {
    for (const [sets, honours] of [[(_n: string, v: string) => v !== "1.20", true], [ALL_SETS, false]] as const) {
      const state = scorecardWorkbook(1);
      state.undoGroups = honours ? "honoured" : "ignored";
      const { adapter, runs } = open(state, { isSetSupported: sets, officeJsHonoursUndoGroup: honours });
      await adapter.apply(cellsOnly);
      expect(runs.at(-1)!.options.mergeUndoGroup).toBeUndefined();
      expect(adapter.nativeUndo).toBe(false);
      expect(state.undoStack.at(-1)).toEqual({ syncs: 1, grouped: false });
    }
  });
});

describe("point 4: consistent writes", () => {
  async function scored(state: FakeWorkbookState, options: ConstructorParameters<typeof ExcelAdapter>[1] = {}) {
    const opened = open(state, options);
    const before = await opened.adapter.read();
    const result = await runWorkbookAsync(before, { asOf: AS_OF, now: NOW, buildPaymentSheet });
    if (!result.plan) throw new Error(result.errors.map((e) => e.message).join("; "));
    return { ...opened, before, plan: result.plan };
  }

  it("writes the undo record first, then the rest, and puts a new 撤销记录 after the other new sheets", async () => {
    const { adapter, runs, plan, before } = await scored(fakeStateOf(example));
    expect(plan.sheets.at(-1)!.name).toBe(UNDO_SHEET_NAME);
    await adapter.apply(plan);
    const ops = runs.at(-1)!.context.operations;
    const firstOther = ops.findIndex((op) => !op.includes(UNDO_SHEET_NAME) && !op.startsWith("application."));
    const recordOps = ops.flatMap((op, i) => (op.includes(UNDO_SHEET_NAME) ? [i] : []));
    expect(ops[0]).toBe(`worksheets.getItemOrNullObject(${UNDO_SHEET_NAME}).delete()`);
    expect(firstOther).toBeGreaterThan(10);
    // every operation of the record comes before the first other change, but the move to its place
    expect(recordOps.filter((i) => i > firstOther).map((i) => ops[i])).toEqual([`worksheets.add(${UNDO_SHEET_NAME}).position=${before.sheets.length + 2}`]);
    const after = await adapter.read();
    expect(after.sheets.slice(-3).map((s) => s.name)).toEqual(["付款结算", "计算说明", UNDO_SHEET_NAME]);
  });

  it("a failure between batches: ApplyIncompleteError says what was and was not written, and 撤销上次写入 restores the workbook exactly", async () => {
    const splitAt = 48 * 1024;
    // A dry run on a copy tells which batch holds what.
    const dry = await scored(fakeStateOf(example), { splitAt });
    await dry.adapter.apply(dry.plan);
    const items = dry.adapter.lastApplyStats!.batchItems;
    const record = `「${UNDO_SHEET_NAME}」（撤销所需的写入前原内容）`;
    const lastRecordBatch = items.reduce((n, batch, i) => (batch.includes(record) ? i : n), -1);
    expect(lastRecordBatch).toBeGreaterThanOrEqual(0);
    const failing = lastRecordBatch + 2; // the record and more written, the rest not
    expect(items.length).toBeGreaterThan(failing + 1);

    const state = fakeStateOf(example);
    const { adapter, before, plan } = await scored(state, { splitAt });
    state.failSync.set(state.syncs + failing + 1, new FakeExcelError("GeneralException", "the connection dropped"));
    const error = await adapter.apply(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplyIncompleteError);
    const e = error as ApplyIncompleteError;
    expect(e.undoRecordWritten).toBe(true);
    expect(e.done[0]).toContain(UNDO_SHEET_NAME);
    expect(e.done.length).toBeGreaterThan(1);
    expect(e.notDone.length).toBeGreaterThan(0);
    expect(e.notDone.join("")).toContain("可能已部分写入");
    expect(e.messageZh).toContain("撤销上次写入");
    expect(e.messageZh).toContain("the connection dropped");
    expect(e.messageEn).toContain("Not written");
    expect(items.flat()).toEqual(expect.arrayContaining([...e.done]));

    const broken = await adapter.read();
    expect(broken).not.toEqual(before);
    const undo = planUndo(broken);
    if ("error" in undo) throw new Error(String(undo.error));
    await adapter.apply(undo.plan);
    expect(await adapter.read()).toEqual(before);
  }, 60_000);

  it("a failure in the first batch: nothing confirmed, and the clerk is told not to rely on the record", async () => {
    const state = fakeStateOf(example);
    const { adapter, plan } = await scored(state);
    state.failSync.set(state.syncs + 1, new FakeExcelError("GeneralException", "boom"));
    const e = (await adapter.apply(plan).catch((x: unknown) => x)) as ApplyIncompleteError;
    expect(e).toBeInstanceOf(ApplyIncompleteError);
    expect(e.done).toEqual([]);
    expect(e.undoRecordWritten).toBe(false);
    expect(e.messageZh).toContain("工作簿没有被改动");
  });

  it("a workbook whose structure is protected: refused before anything is sent, saying so", async () => {
    const state = fakeStateOf(example);
    state.structureProtected = true;
    const { adapter, plan, runs } = await scored(state);
    const before = state.syncs;
    const e = (await adapter.apply(plan).catch((x: unknown) => x)) as ApplyIncompleteError;
    expect(e).toBeInstanceOf(ApplyIncompleteError);
    expect(state.syncs).toBe(before);
    expect(e.messageZh).toContain("保护工作簿");
    expect(e.done).toEqual([]);
    expect(e.notDone.some((d) => d.includes("可能"))).toBe(false);
    expect(runs).toHaveLength(1); // the read only
    // the fake refuses a sheet added to a protected structure
    const context = new FakeRequestContext(state);
    asExcel(context).workbook.worksheets.add("新表");
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("point 5: cell-edit mode and hangs", () => {
  it("every Excel.run of the default runner passes delayForCellEdit: true", async () => {
    const state = scorecardWorkbook(1);
    const { runs, restore } = installExcelGlobal(state);
    try {
      const adapter = new ExcelAdapter(undefined, { isSetSupported: ALL_SETS });
      await adapter.read();
      await adapter.apply({ cellWrites: [{ sheet: "2024年12月", writes: [{ address: "H5", value: 8 }] }], sheets: [] });
      await adapter.read();
      expect(runs).toHaveLength(3);
      for (const run of runs) expect(run.options.delayForCellEdit).toBe(true);
      expect(state.find("2024年12月")!.at("H5")?.value).toBe(8);
    } finally {
      restore();
    }
  });

  it("waits while the clerk edits a cell, and goes on when the edit ends", async () => {
    const state = scorecardWorkbook(1);
    state.enterCellEdit();
    const { adapter } = open(state);
    let settled = false;
    const reading = adapter.read().then((s) => {
      settled = true;
      return s;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    state.exitCellEdit();
    expect((await reading).sheets).toHaveLength(4);
  });

  it("without delayForCellEdit (an older Excel) the batch fails: reported in words, not as InvalidOperationInCellEditMode", async () => {
    const state = scorecardWorkbook(1);
    state.enterCellEdit();
    const adapter = new ExcelAdapter(((batch: (c: Excel.RequestContext) => Promise<unknown>) => batch(asExcel(new FakeRequestContext(state)))) as BatchRunner, { isSetSupported: ALL_SETS });
    const e = await adapter.read().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CellEditModeError);
    expect((e as CellEditModeError).messageZh).toContain("按 Enter 或 Esc");
    expect((e as CellEditModeError).messageEn).toContain("Press Enter or Esc");
  });

  it("a sync that hangs is reported after the bounded wait, zh-CN and English", async () => {
    const state = scorecardWorkbook(1);
    const { adapter } = open(state, { syncTimeoutMs: 30 });
    await adapter.read();
    state.hang = true;
    const read = await adapter.read().catch((x: unknown) => x);
    expect(read).toBeInstanceOf(ExcelNotRespondingError);
    expect((read as ExcelNotRespondingError).messageZh).toContain("没有响应");
    expect((read as ExcelNotRespondingError).messageEn).toContain("did not respond");
    const write = await adapter.apply({ cellWrites: [{ sheet: "2024年12月", writes: [{ address: "H5", value: 1 }] }], sheets: [] }).catch((x: unknown) => x);
    expect(write).toBeInstanceOf(ApplyIncompleteError);
    expect((write as ApplyIncompleteError).failure).toBeInstanceOf(ExcelNotRespondingError);
    expect((write as ApplyIncompleteError).messageZh).toContain("没有响应");
  });
});

describe("point 6: recalculation after the write", () => {
  // every other row: one operation each, so that a small splitAt makes several batches
  const writes = (n: number): WritePlan => ({ cellWrites: [{ sheet: "2024年12月", writes: ITEMS.slice(0, n).map((_x, k) => ({ address: `H${5 + 2 * k}`, value: 7 })) }], sheets: [] });

  it("a one-batch write ends with Recalculate: formulas are fresh even in Manual calculation mode", async () => {
    const state = scorecardWorkbook(1);
    state.calculationMode = "Manual";
    const { adapter, runs } = open(state);
    await adapter.apply(writes(7));
    expect(runs[0]!.context.log[0]!.at(-1)).toBe("application.calculate(Recalculate)");
    expect(state.recalcNeeded).toBe("none");
  });

  it("a split write suspends calculation in its earlier batches and ends with a full recalculation", async () => {
    const state = scorecardWorkbook(1);
    const { adapter, runs } = open(state, { splitAt: 600 });
    await adapter.apply(writes(7));
    const log = runs[0]!.context.log;
    expect(log.length).toBeGreaterThan(1);
    expect(log[0]![0]).toBe("application.suspendApiCalculationUntilNextSync()");
    expect(log.at(-1)!.at(-1)).toBe("application.calculate(Full)");
    expect(adapter.lastApplyStats!.calculation).toBe("Full");
    expect(state.recalcNeeded).toBe("none");
  });

  it("the fake: a write while calculation is suspended leaves formulas stale until a full recalculation; Recalculate is not enough", async () => {
    const state = scorecardWorkbook(1);
    const context = new FakeRequestContext(state);
    const excel = asExcel(context);
    excel.application.suspendApiCalculationUntilNextSync();
    excel.workbook.worksheets.getItem("2024年12月").getRange("H5").values = [[3]];
    await context.sync();
    expect(state.recalcNeeded).toBe("full");
    excel.application.calculate("Recalculate");
    await context.sync();
    expect(state.recalcNeeded).toBe("full");
    excel.application.calculate("Full");
    await context.sync();
    expect(state.recalcNeeded).toBe("none");
  });
});

describe('point 7: "@" cells and the leading apostrophe, both behaviours', () => {
  for (const mode of ["consume", "keep"] as const) {
    describe(`Excel ${mode === "consume" ? "consumes" : "keeps"} the apostrophe in an "@" cell`, () => {
      it("the fake models it", async () => {
        const state = new FakeWorkbookState();
        state.textApostrophe = mode;
        state.addSheet("S", { A1: { value: null, numberFormat: "@" }, B1: "x" });
        const context = new FakeRequestContext(state);
        asExcel(context).workbook.worksheets.getItem("S").getRange("A1:B1").values = [["'2025-10", "'2025-10"]];
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one test per behaviour, not a loop of syncs
        await context.sync();
        expect(state.find("S")!.at("A1")?.value).toBe(mode === "keep" ? "'2025-10" : "2025-10");
        expect(state.find("S")!.at("B1")?.value).toBe("2025-10"); // General: consumed (documented)
      });

      it("writes and reads text exactly: a fresh sheet of \"@\" cells, a cell the last read saw as \"@\", and an \"@\" cell it did not see", async () => {
        const state = new FakeWorkbookState();
        state.textApostrophe = mode;
        const input = state.addSheet("指标录入", { A1: "考核月份", A2: { value: "2025-01", numberFormat: "@" }, A3: { value: null, numberFormat: "@" }, B3: 1 });
        input.ensure(50, 1).numberFormat = "@"; // prepared below the data: outside the used range the read saw
        const { adapter, runs } = open(state);
        await adapter.read();
        const texts = ["2025-10", "001", "=A1", "'quoted", "TRUE"];
        await adapter.apply({
          cellWrites: [{ sheet: "指标录入", writes: [{ address: "A3", value: "2025-02" }, { address: "A50", value: "2025-03" }] }],
          sheets: [{ name: "审计记录", cells: texts.map((value, i) => ({ address: `A${i + 1}`, value, numberFormat: "@" })), merges: [] }],
        });
        const snapshot = await adapter.read();
        const audit = snapshot.sheets.find((s) => s.name === "审计记录")!;
        expect(audit.cells.map((c) => [c.value, c.numberFormat])).toEqual(texts.map((t) => [t, "@"]));
        const sheet = snapshot.sheets.find((s) => s.name === "指标录入")!;
        expect(sheet.cells.filter((c) => c.col === 1).map((c) => c.value)).toEqual(["考核月份", "2025-01", "2025-02", "2025-03"]);
        expect(state.find("指标录入")!.at("A3")).toMatchObject({ value: "2025-02", numberFormat: "@" }); // the General/"@" sandwich
        expect(state.find("指标录入")!.at("A50")?.value).toBe(mode === "keep" ? "'2025-03" : "2025-03"); // unseen: repaired on read
        const write = runs[1]!.context.log[0]!;
        expect(write.indexOf('worksheets.getItem(指标录入).getRange(A3).numberFormat=[["General"]]')).toBeLessThan(write.indexOf('worksheets.getItem(指标录入).getRange(A3).values=[["\'2025-02"]]'));
        expect(write.indexOf('worksheets.getItem(指标录入).getRange(A3).values=[["\'2025-02"]]')).toBeLessThan(write.indexOf('worksheets.getItem(指标录入).getRange(A3).numberFormat=[["@"]]'));
      });

      it("score, freeze, read again: the frozen month reports no change that never happened", async () => {
        const state = fakeStateOf(example);
        state.textApostrophe = mode;
        const { adapter } = open(state);
        const first = await runWorkbookAsync(await adapter.read(), { asOf: AS_OF, now: NOW, buildPaymentSheet });
        await adapter.apply(first.plan!);
        const freeze = await planFreezeMonth(await adapter.read(), { month: "2025-10", who: "张三", now: NOW }, { asOf: AS_OF, buildPaymentSheet });
        if (!freeze.ok) throw new Error(JSON.stringify(freeze.errors));
        await adapter.apply(freeze.plan);
        const after = await runWorkbookAsync(await adapter.read(), { asOf: AS_OF, now: NOW, buildPaymentSheet });
        expect(after.frozen.map((f) => [f.month, f.change])).toEqual([["2025-10", null]]);
        expect(after.problems.filter((p) => p.code === "frozen-month-changed")).toEqual([]);
      }, 60_000);
    });
  }

  it("both behaviours leave the same snapshot", async () => {
    const results: WorkbookSnapshot[] = [];
    for (const mode of ["consume", "keep"] as const) {
      const state = fakeStateOf(example);
      state.textApostrophe = mode;
      const { adapter } = open(state);
      const run = await runWorkbookAsync(await adapter.read(), { asOf: AS_OF, now: NOW, buildPaymentSheet });
      await adapter.apply(run.plan!);
      results.push(await adapter.read());
    }
    expect(results[1]).toEqual(results[0]);
  }, 60_000);

  it("reading: an apostrophe kept before text that needed it is dropped in an \"@\" cell, nowhere else", () => {
    expect(readTextCell("'2025-10", "@")).toBe("2025-10");
    expect(readTextCell("''quoted", "@")).toBe("'quoted");
    expect(readTextCell("'quoted", "@")).toBe("'quoted");
    expect(readTextCell("'2025-10", "General")).toBe("'2025-10");
    expect(readTextCell(5, "@")).toBe(5);
  });
});

describe("point 8: merged areas this Excel cannot read", () => {
  const NO_113 = (_n: string, v: string) => v !== "1.13";

  /** A scorecard whose 考核月份 label B2 is merged over C2, the month in D2. */
  function mergedLabelWorkbook(): FakeWorkbookState {
    const state = new FakeWorkbookState();
    const cells = scorecardCells(10);
    delete cells.A2;
    cells.B2 = "考核月份：";
    cells.D2 = "2025年10月";
    state.addSheet("附件二 十月", cells, [...SCORECARD_MERGES, "B2:C2"]);
    return state;
  }

  it("reads the month through the merge where merged areas can be read", async () => {
    const found = findScorecards(await open(mergedLabelWorkbook()).adapter.read());
    expect(found.scorecards.map((c) => [c.sheet, c.month])).toEqual([["附件二 十月", "2025-10"]]);
  });

  it("below ExcelApi 1.13: refuses that scorecard, naming the sheet and the label, rather than read the wrong cell", async () => {
    const snapshot = await open(mergedLabelWorkbook(), { isSetSupported: NO_113 }).adapter.read();
    expect(snapshot.sheets[0]!.mergesUnknown).toBe(true);
    const found = findScorecards(snapshot);
    expect(found.scorecards).toEqual([]);
    const refusal = found.problems.find((p) => p.code === "merges-unknown")!;
    expect(refusal).toMatchObject({ severity: "error", sheet: "附件二 十月", cell: "B2", indicator: "考核月份" });
    expect(refusal.message).toContain("工作表「附件二 十月」");
    expect(refusal.message).toContain("D2");
    expect(refusal.messageEn).toContain("cannot read merged cells");
  });

  function snapshotOf(cells: Record<string, string | number | null>, mergesUnknown: boolean): WorkbookSnapshot {
    const sheet: SheetSnapshot = { name: "2025年10月", index: 0, cells: [], merges: [] };
    for (const [address, value] of Object.entries(cells)) {
      if (value === null) continue;
      const m = /^([A-Z])(\d+)$/.exec(address)!;
      sheet.cells.push({ row: Number(m[2]), col: m[1]!.charCodeAt(0) - 64, value, numberFormat: "General" });
    }
    sheet.cells.sort((a, b) => a.row - b.row || a.col - b.col);
    if (mergesUnknown) sheet.mergesUnknown = true;
    return { sheets: [sheet] };
  }

  function table(extra: Record<string, string | number | null>): Record<string, string | number | null> {
    const cells: Record<string, string | number | null> = { A4: "序号", C4: "考核指标", F4: "满分", G4: "完成情况", H4: "单项得分", ...extra };
    ITEMS.forEach((item, k) => {
      cells[`A${5 + k}`] = k + 1;
      cells[`C${5 + k}`] = item;
    });
    return cells;
  }

  it("a 考核得分 cell left blank above the 单项得分 column (the template's layout): used, with a warning", () => {
    const found = findScorecards(snapshotOf(table({ B2: "考核月份：", C2: "2025年10月", G2: "考核得分：" }), true));
    expect(found.scorecards.map((c) => c.totalCell)).toEqual(["H2"]);
    expect(found.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([["merges-unknown-total", "warning", "H2"]]);
  });

  it("a 考核得分 label whose blank neighbour is not above 单项得分, or with a value further right: refused", () => {
    const away = findScorecards(snapshotOf(table({ B2: "考核月份：", C2: "2025年10月", C3: "考核得分：" }), true));
    expect(away.scorecards).toEqual([]);
    expect(away.problems.map((p) => [p.code, p.cell])).toEqual([["merges-unknown", "C3"]]);
    const beyond = findScorecards(snapshotOf(table({ B2: "考核月份：", C2: "2025年10月", G2: "考核得分：", I2: 93 }), true));
    expect(beyond.scorecards).toEqual([]);
    expect(beyond.problems.find((p) => p.code === "merges-unknown")?.message).toContain("I2");
  });

  it("where nothing could be hidden by a merge, mergesUnknown changes nothing", () => {
    const cells = table({ B2: "考核月份：", C2: "2025年10月", G2: "考核得分：", H2: 90 });
    expect(findScorecards(snapshotOf(cells, true))).toEqual(findScorecards(snapshotOf(cells, false)));
    expect(findScorecards(snapshotOf(cells, true)).scorecards).toHaveLength(1);
  });
});

describe("point 10: what else the fake models", () => {
  it("a value written into a merged area's cell other than its top-left one is not kept", async () => {
    const state = new FakeWorkbookState();
    state.addSheet("S", {}, ["A1:B2"]);
    const context = new FakeRequestContext(state);
    asExcel(context).workbook.worksheets.getItem("S").getRange("A1:C2").values = [[1, 2, 3], [4, 5, 6]];
    await context.sync();
    const s = state.find("S")!;
    expect([s.at("A1")?.value, s.at("B1")?.value, s.at("A2")?.value, s.at("C1")?.value, s.at("C2")?.value]).toEqual([1, undefined, undefined, 3, 6]);
  });

  it("formats on a protected sheet are refused, unless its protection allows formatting", async () => {
    const state = new FakeWorkbookState();
    const s = state.addSheet("S", { A1: 1 });
    s.protected = true;
    const context = new FakeRequestContext(state);
    asExcel(context).workbook.worksheets.getItem("S").getRange("A1").format.font.bold = true;
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    s.protectionOptions = { allowFormatCells: true };
    asExcel(context).workbook.worksheets.getItem("S").getRange("A1").format.font.bold = true;
    await context.sync();
    expect(s.at("A1")?.style["font.bold"]).toBe(true);
  });

  it("a request over 5 MB is refused whole: nothing of it is applied", async () => {
    const state = new FakeWorkbookState();
    state.addSheet("S");
    const context = new FakeRequestContext(state);
    const sheet = asExcel(context).workbook.worksheets.getItem("S");
    sheet.getRange("A1").values = [["first"]];
    sheet.getRange("A2:A3001").values = Array.from({ length: 3000 }, () => ["长".repeat(700)]);
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(state.find("S")!.at("A1")).toBeUndefined();
    expect(context.requestBytes[0]).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
    expect(estimateApply({ cellWrites: [], sheets: [{ name: "T", cells: Array.from({ length: 3000 }, (_x, i) => ({ address: `A${i + 1}`, value: "长".repeat(700) })), merges: [] }] }).every((b) => b < WEB_PAYLOAD_LIMIT)).toBe(true);
  });

  it("outside an undo group, an operation Excel cannot undo clears the undo stack", async () => {
    const state = scorecardWorkbook(1);
    const context = new FakeRequestContext(state);
    asExcel(context).workbook.worksheets.getItem("指标录入").getRange("B2").values = [[8]];
    await context.sync();
    expect(state.undoStack).toHaveLength(1);
    asExcel(context).workbook.worksheets.getItem("2024年12月").protection.protect();
    await context.sync();
    expect(state.undoStack).toEqual([]);
  });

  it("Worksheet.position can be undone in Excel on the web only", async () => {
    for (const platform of ["web", "desktop"] as const) {
      const state = scorecardWorkbook(1);
      state.platform = platform;
      state.undoGroups = "honoured";
      const context = new FakeRequestContext(state, { mergeUndoGroup: true });
      asExcel(context).workbook.worksheets.getItem("指标录入").position = 0;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one context per platform tried
      const outcome = await context.sync().then(() => "ok", (e: FakeExcelError) => e.code);
      expect(outcome).toBe(platform === "web" ? "ok" : "UndoNotSupported");
    }
  });
});
