/**
 * The pane's session without React, on the real example workbook through the ExcelJS file adapter
 * (what the pane does in a plain browser): the buttons' actions, what they write, and what they refuse.
 */
// @ts-nocheck

import { readFileSync } from "fs";
import { join } from "path";
import { ExcelFileAdapter } from "../../src/hosts/file/file-adapter";
import { readInputs } from "../../src/workbook/read/read-inputs";
import { localNow, localToday, Session, type PaneAdapter } from "../../src/taskpane/session";
import type { WorkbookSnapshot, WritePlan } from "../../src/workbook/model";

const EXAMPLE = join(__dirname, "..", "..", "assets", "example-2024-2025.xlsx");
const NOW = () => new Date(2025, 11, 5, 14, 30);

async function exampleSession(): Promise<{ session: Session; file: ExcelFileAdapter; plans: WritePlan[]; selected: [string, string | null][] }> {
  const file = await ExcelFileAdapter.fromBuffer(readFileSync(EXAMPLE));
  const plans: WritePlan[] = [];
  const selected: [string, string | null][] = [];
  const adapter: PaneAdapter = {
    read: () => file.read(),
    apply: async (plan) => {
      plans.push(plan);
      await file.apply(plan);
    },
    select: async (sheet, cell) => {
      selected.push([sheet, cell]);
    },
  };
  const session = new Session(adapter, { now: NOW });
  await session.load();
  return { session, file, plans, selected };
}

/** A scorecard's 考核得分 as the saved file holds it. */
async function totalOf(file: ExcelFileAdapter, sheet: string): Promise<unknown> {
  const saved = await ExcelFileAdapter.fromBuffer(await file.save());
  const s = (await saved.read()).sheets.find((x) => x.name === sheet);
  return s?.cells.find((c) => c.row === 2 && c.col === 8)?.value;
}

describe("Session on the example workbook", () => {
  it("lists the twelve months, each needing recomputing (the example's 考核得分 cells are empty), and the instalments' deductions", async () => {
    const { session, plans } = await exampleSession();
    const months = session.months();
    expect(months.map((m) => m.month)).toEqual(["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"]);
    // one truth: the engine scores every month, but no scorecard holds its score yet
    expect(months.map((m) => m.state)).toEqual(Array(12).fill("stale"));
    expect(months.find((m) => m.month === "2025-10")).toMatchObject({ sheet: "2025年10月", state: "stale", total: null, computed: "93.25", held: null, totalCell: "2025年10月!H2" });
    // so the instalments tied to them show no figure yet (the workbook holds none): 需要重新计算
    expect(session.instalments().map((i) => [i.number, i.monthsScored, i.deduction, i.final, i.stale.length])).toEqual([
      [1, 0, "¥0.00", true, 0],
      [2, 6, null, false, 6],
      [3, 6, null, false, 6],
    ]);
    expect(plans).toEqual([]);
    // 全部重算并结算 writes every score: then the engine's figures are the workbook's
    await session.recomputeAll(null);
    await session.whenRefreshed();
    expect(session.instalments().map((i) => [i.number, i.monthsScored, i.deduction, i.final, i.stale.length])).toEqual([
      [1, 0, "¥0.00", true, 0],
      [2, 6, "¥499.53", true, 0],
      [3, 6, "¥0.00", true, 0],
    ]);
  });

  it("计算本月 writes the edited indicators and the new scores together", async () => {
    const { session, file, plans } = await exampleSession();
    const draft = session.monthDraft("2025-10");
    draft.indicators.headcount = "10";
    draft.indicators.examSat = "10";
    const r = await session.computeMonth(draft);
    expect(r.kind).toBe("scored");
    expect(plans.length).toBe(1);
    expect(plans[0]!.cellWrites.find((g) => g.sheet === "指标录入")?.writes.map((w) => w.value)).toEqual([10, 10]);
    expect(await totalOf(file, "2025年10月")).toBe(94.25);
    expect(session.months().find((m) => m.month === "2025-10")).toMatchObject({ state: "scored", total: "94.25", computed: "94.25", held: "94.25" });
    // the session now holds the workbook as written
    expect(readInputs(await file.read()).indicators.find((i) => i.month === "2025-10")?.headcount).toBe(10);
  });

  it("refuses a draft with an error and writes nothing", async () => {
    const { session, file, plans } = await exampleSession();
    const before = await totalOf(file, "2025年10月");
    const draft = session.monthDraft("2025-10");
    draft.indicators.ticketsPassed = "101";
    const r = await session.recomputeAll(draft);
    expect(r.kind).toBe("refused");
    expect(r.problems.map((p) => [p.sheet, p.cell, p.indicator, p.message])).toEqual([["指标录入", "U12", "合格工单数", "「合格工单数」101 大于「抽检工单数」100"]]);
    expect(plans).toEqual([]);
    expect(await totalOf(file, "2025年10月")).toBe(before);
    expect(readInputs(await file.read()).indicators.find((i) => i.month === "2025-10")?.ticketsPassed).toBe(85);
  });

  it("结算 writes 付款结算 and shows it", async () => {
    const { session, plans, selected } = await exampleSession();
    const r = await session.settle(null);
    expect(r).toMatchObject({ kind: "settled", paymentSheet: true });
    expect(plans[0]!.sheets.map((s) => s.name)).toContain("付款结算");
    expect(selected).toEqual([["付款结算", "A1"]]);
  });

  it("saves settings and scores by them at once (without writing scores)", async () => {
    const { session, plans } = await exampleSession();
    const settings = session.settingsDraft();
    settings.values["流动率20至30得分"] = "5";
    const r = await session.saveSettings(settings);
    expect(r.kind).toBe("saved");
    expect(plans.length).toBe(1);
    expect(plans[0]!.cellWrites.map((g) => g.sheet)).toEqual(["规则设置"]);
    expect(session.rules?.options.turnoverBandScore).toBe("5");
    // 2025-10's turnover is 22.2%: row 3 now scores 5
    expect(session.score("2025-10")?.items.find((i) => i.no === 3)?.score.toNumber()).toBe(5);
    expect(await session.saveSettings(session.settingsDraft())).toMatchObject({ kind: "unchanged" });
  });
});

/** A cell's value in a snapshot (undefined when empty). */
function valueAt(snapshot: WorkbookSnapshot, sheet: string, row: number, col: number): unknown {
  return snapshot.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.row === row && c.col === col)?.value;
}

// In the example, 2025-10 is row 12 of 指标录入; 团队人数 is column B.
const OCT_ROW = 12;
const HEADCOUNT_COL = 2;

describe("撤销上次写入 covers the input cells the form writes", () => {
  it("保存本月输入 → 撤销: the input cell is back, and 撤销记录 is used up", async () => {
    const { session, file, plans } = await exampleSession();
    const draft = session.monthDraft("2025-10");
    draft.indicators.headcount = "10";
    expect(await session.saveMonth(draft)).toMatchObject({ kind: "saved", cells: 1 });
    expect(plans[0]!.sheets.map((s) => s.name)).toEqual(["撤销记录"]);
    expect(valueAt(await file.read(), "指标录入", OCT_ROW, HEADCOUNT_COL)).toBe(10);
    expect(session.canUndo).toBe(true);

    expect(await session.undoPreview()).toEqual({ ok: true, takenAt: "2025-12-05 14:30", cellsRestored: 1, deletedSheets: [], changedSince: [] });
    const r = await session.undo();
    expect(r).toMatchObject({ kind: "undone", cells: 1, changedSince: [], deletedSheets: [] });
    const after = await file.read();
    expect(valueAt(after, "指标录入", OCT_ROW, HEADCOUNT_COL)).toBe(9);
    expect(after.sheets.some((s) => s.name === "撤销记录")).toBe(false);
    expect(session.canUndo).toBe(false);
    expect(session.monthDraft("2025-10").indicators.headcount).toBe("9");
  });

  it("计算本月 with edits → 撤销: inputs and scores back as they were, the sheets it created deleted", async () => {
    const { session, file, plans } = await exampleSession();
    const before = await file.read();
    const draft = session.monthDraft("2025-10");
    draft.indicators.headcount = "10";
    draft.indicators.examSat = "10";
    expect((await session.computeMonth(draft)).kind).toBe("scored");
    // one record over the merged plan: it names the input cells as well as the owned cells
    const record = plans[0]!.sheets.filter((s) => s.name === "撤销记录");
    expect(record).toHaveLength(1);
    const recorded = record[0]!.cells.filter((c) => /^B\d+$/.test(c.address) && c.value === "B12").length;
    expect(recorded).toBe(1);
    expect(await totalOf(file, "2025年10月")).toBe(94.25);

    const preview = await session.undoPreview();
    expect(preview).toMatchObject({ ok: true, changedSince: [] });
    expect(preview.ok && preview.deletedSheets).toEqual(["计算说明"]);
    expect((await session.undo()).kind).toBe("undone");
    const after = await file.read();
    expect(valueAt(after, "指标录入", OCT_ROW, HEADCOUNT_COL)).toBe(9);
    expect(readInputs(after).indicators.find((i) => i.month === "2025-10")?.examSat).toBe(9);
    expect(valueAt(after, "2025年10月", 2, 8)).toBe(valueAt(before, "2025年10月", 2, 8));
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  });

  it("names the cells typed in since the write: the undo overwrites them", async () => {
    const { session, file } = await exampleSession();
    const draft = session.monthDraft("2025-10");
    draft.indicators.headcount = "10";
    await session.saveMonth(draft);
    // the clerk types 11 in B12 afterwards
    await file.apply({ cellWrites: [{ sheet: "指标录入", writes: [{ address: "B12", value: 11 }] }], sheets: [] });
    expect(await session.undoPreview()).toMatchObject({ ok: true, changedSince: ["指标录入!B12"] });
    expect(await session.undo()).toMatchObject({ kind: "undone", changedSince: ["指标录入!B12"] });
    expect(valueAt(await file.read(), "指标录入", OCT_ROW, HEADCOUNT_COL)).toBe(9);
  });

  it("refuses when there is nothing to undo, and writes nothing", async () => {
    const { session, plans } = await exampleSession();
    expect(session.canUndo).toBe(false);
    const preview = await session.undoPreview();
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.problems.map((p) => [p.sheet, p.message])).toEqual([["撤销记录", "工作簿中没有「撤销记录」工作表：还没有可撤销的写入"]]);
    expect(await session.undo()).toMatchObject({ kind: "refused", cells: 0 });
    expect(plans).toEqual([]);
  });
});

describe("定稿 and 解除定稿", () => {
  it("freezes a month with who and when, protects its sheet, and unfreezes it only with a reason", async () => {
    const { session, file } = await exampleSession();
    const r = await session.freezeMonth("2025-10", "  张三 ");
    // the example's scorecards are not scored yet: the freeze writes the month's 29 owned cells (14 单项得分, 14 完成情况, 考核得分)
    expect(r).toMatchObject({ kind: "frozen", cells: 29 });
    const m = session.months().find((x) => x.month === "2025-10");
    expect(m?.frozen).toEqual({ at: "2025-12-05 14:30", who: "张三", changed: false });
    expect((await file.read()).sheets.find((s) => s.name === "2025年10月")?.protected).toBe(true);
    expect(session.frozen("2025-09")).toBeNull();

    // frozen already: refused, nothing written
    const again = await session.freezeMonth("2025-10", "李四");
    expect(again.kind).toBe("refused");
    expect(again.problems[0]!.message).toMatch(/^2025年10月已于 2025-12-05 14:30 定稿（张三，审计记录第 4 行）/);

    // a reason is required
    const blank = await session.unfreezeMonth("2025-10", "李四", "  ");
    expect(blank.kind).toBe("refused");
    expect(blank.problems.map((p) => p.message)).toEqual(["解除定稿必须注明原因"]);
    expect(session.frozen("2025-10")).not.toBeNull();

    expect(await session.unfreezeMonth("2025-10", "李四", "甲方复核更正接通率")).toMatchObject({ kind: "unfrozen" });
    expect(session.frozen("2025-10")).toBeNull();
    const after = await file.read();
    expect(after.sheets.find((s) => s.name === "2025年10月")?.protected).toBeUndefined();
    const audit = after.sheets.find((s) => s.name === "审计记录")!;
    const row5 = audit.cells.filter((c) => c.row === 5).map((c) => c.value);
    expect(row5.slice(0, 3)).toEqual(["2025-12-05 14:30", "解除定稿", "2025-10"]);
    expect(row5).toContain("李四");
    expect(row5).toContain("解除原因：甲方复核更正接通率");
  });

  it("refuses to freeze a month with errors", async () => {
    const { session, file, plans } = await exampleSession();
    await file.apply({ cellWrites: [{ sheet: "指标录入", writes: [{ address: "B12", value: -1 }] }], sheets: [] });
    plans.length = 0;
    const r = await session.freezeMonth("2025-10", "张三");
    expect(r.kind).toBe("refused");
    expect(r.problems.map((p) => [p.sheet, p.cell, p.message])).toContainEqual(["指标录入", "B12", "「团队人数」不能为负数，实为 -1"]);
    expect(plans).toEqual([]);
  });
});

describe("clock", () => {
  it("gives the local date and minute the sheets show", () => {
    const d = new Date(2025, 0, 5, 8, 7);
    expect(localToday(d)).toBe("2025-01-05");
    expect(localNow(d)).toBe("2025-01-05 08:07");
  });
});

describe("Session: after a write, the view at once and the workbook's own read behind the action", () => {
  /** The example through the file adapter, each read held until released (a slow Excel), counted. */
  async function heldSession() {
    const file = await ExcelFileAdapter.fromBuffer(readFileSync(EXAMPLE));
    const events: string[] = [];
    let release: (() => void) | null = null;
    let hold = false;
    const adapter: PaneAdapter = {
      read: async () => {
        events.push("read");
        if (hold) await new Promise<void>((r) => (release = r));
        const s = await file.read();
        events.push("read done");
        return s;
      },
      apply: async (plan) => {
        events.push("apply");
        await file.apply(plan);
      },
    };
    const session = new Session(adapter, { now: NOW });
    await session.load();
    events.length = 0;
    return { session, file, events, holdReads: (on: boolean) => (hold = on), release: () => release?.() };
  }

  it("全部重算 is done after its read and its write; the read after runs behind it and replaces the view with what it finds", async () => {
    const { session, file, events } = await heldSession();
    const refreshed: number[] = [];
    session.onRefresh = () => refreshed.push(session.months().length);
    const draft = session.monthDraft("2025-10");
    draft.indicators.headcount = "10";
    draft.indicators.examSat = "10";
    const r = await session.computeMonth(draft);
    expect(r.kind).toBe("scored");
    expect(events.slice(0, 3)).toEqual(["read", "read done", "apply"]);
    // The view is the workbook as written, before the refresh lands.
    expect(session.months().find((m) => m.month === "2025-10")?.total).toBe("94.25");
    await session.whenRefreshed();
    expect(events.filter((e) => e === "read")).toHaveLength(2);
    expect(refreshed).toEqual([12]);
    expect(session.snapshot).toEqual(await file.read());
    expect(session.months().find((m) => m.month === "2025-10")?.total).toBe("94.25");
  });

  it("the next action waits for the refresh under way: reads and writes never overlap", async () => {
    const { session, events, holdReads, release } = await heldSession();
    holdReads(true);
    const first = session.recomputeAll(null);
    // The action's own read is held too: let it go, then hold the refresh.
    await new Promise((r) => setTimeout(r, 0));
    release();
    await first;
    const second = session.recomputeAll(null);
    await new Promise((r) => setTimeout(r, 20));
    // The refresh is still held: the second action has not read or written yet.
    expect(events.filter((e) => e === "apply")).toHaveLength(1);
    holdReads(false);
    release();
    expect((await second).kind).toBe("recomputed");
    expect(events.filter((e) => e === "apply")).toHaveLength(2);
    const refreshDone = events.indexOf("read done", events.indexOf("apply") + 1);
    const secondRead = events.indexOf("read", refreshDone + 1);
    expect(refreshDone).toBeGreaterThan(events.indexOf("apply"));
    expect(secondRead).toBeGreaterThan(refreshDone);
  });

  it("shows what the refresh finds when it differs from the write (a cell typed in meanwhile)", async () => {
    const file = await ExcelFileAdapter.fromBuffer(readFileSync(EXAMPLE));
    let typed = false;
    const adapter: PaneAdapter = {
      read: async () => {
        if (typed) await file.apply({ cellWrites: [{ sheet: "指标录入", writes: [{ address: "B12", value: 11 }] }], sheets: [] });
        return file.read();
      },
      apply: async (plan) => {
        await file.apply(plan);
        typed = true; // the clerk types into 指标录入 right after the write
      },
    };
    const session = new Session(adapter, { now: NOW });
    await session.load();
    expect(session.monthDraft("2025-10").indicators.headcount).toBe("9");
    const refreshed: string[] = [];
    session.onRefresh = () => refreshed.push(session.monthDraft("2025-10").indicators.headcount);
    await session.recomputeAll(null);
    await session.whenRefreshed();
    expect(refreshed).toEqual(["11"]);
    expect(readInputs(session.snapshot as WorkbookSnapshot).indicators.find((i) => i.month === "2025-10")?.headcount).toBe(11);
  });

  it("keeps the view as written when the read behind fails, and the next action reads afresh", async () => {
    const file = await ExcelFileAdapter.fromBuffer(readFileSync(EXAMPLE));
    let reads = 0;
    let failNext = false;
    const adapter: PaneAdapter = {
      read: async () => {
        reads++;
        if (failNext) {
          failNext = false;
          throw new Error("connection lost");
        }
        return file.read();
      },
      apply: async (plan) => {
        await file.apply(plan);
        failNext = true; // the read right after the write fails
      },
    };
    const session = new Session(adapter, { now: NOW });
    await session.load();
    const refreshed: number[] = [];
    session.onRefresh = () => refreshed.push(1);
    expect((await session.recomputeAll(null)).kind).toBe("recomputed");
    await session.whenRefreshed();
    expect(refreshed).toEqual([]);
    expect(session.snapshot).toEqual(await file.read()); // as written
    const before = reads;
    expect((await session.recomputeAll(null)).kind).toBe("recomputed");
    expect(reads).toBeGreaterThan(before);
  });
});

describe("保存本月输入 writes only what 计算本月 would accept (issue 15 point 1)", () => {
  it("refuses 团队人数 −1, 接通率排名 0 and 合格工单数 120 of 100: nothing written, each error at its cell", async () => {
    const { session, file, plans } = await exampleSession();
    const draft = session.monthDraft("2025-10");
    draft.indicators.headcount = "-1";
    draft.indicators.answerRank = "0";
    draft.indicators.ticketsSampled = "100";
    draft.indicators.ticketsPassed = "120";
    const r = await session.saveMonth(draft);
    expect(r.kind).toBe("refused");
    expect(r.cells).toBe(0);
    const byIndicator = Object.fromEntries(r.problems.map((p) => [p.indicator, [p.severity, p.sheet, p.cell?.replace(/\d+$/, "") ?? null, p.cell?.replace(/^[A-Z]+/, "") ?? null]]));
    expect(Object.keys(byIndicator).sort()).toEqual(["合格工单数", "团队人数", "接通率排名"].sort());
    for (const at of Object.values(byIndicator)) expect(at).toEqual(["error", "指标录入", expect.stringMatching(/^[A-Z]+$/), "12"]);
    expect(r.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining(["「团队人数」不能为负数，实为 -1", "「合格工单数」120 大于「抽检工单数」100"]),
    );
    expect(plans).toEqual([]);
    const row = readInputs(await file.read()).indicators.find((i) => i.month === "2025-10");
    expect([row?.headcount, row?.answerRank, row?.ticketsPassed]).toEqual([9, expect.any(Number), 85]);
    expect(row?.answerRank).not.toBe(0);
  });

  it("saves a valid edit (and a blank field: a month may be saved half done); the month then needs recomputing", async () => {
    const { session, file, plans } = await exampleSession();
    await session.recomputeAll(null);
    expect(session.months().find((m) => m.month === "2025-10")).toMatchObject({ state: "scored", total: "93.25" });
    const draft = session.monthDraft("2025-10");
    draft.indicators.headcount = "10";
    draft.indicators.examSat = "10";
    const r = await session.saveMonth(draft);
    expect(r).toMatchObject({ kind: "saved", cells: 2 });
    expect(plans.length).toBe(2);
    // the inputs now give 94.25 while the scorecard still holds 93.25: 需要重新计算
    expect(session.months().find((m) => m.month === "2025-10")).toMatchObject({ state: "stale", total: null, computed: "94.25", held: "93.25" });
    expect(await totalOf(file, "2025年10月")).toBe(93.25);
    await session.computeMonth(session.monthDraft("2025-10"));
    expect(session.months().find((m) => m.month === "2025-10")).toMatchObject({ state: "scored", total: "94.25" });

    const blank = session.monthDraft("2025-10");
    blank.indicators.trainingLapses = "";
    expect(await session.saveMonth(blank)).toMatchObject({ kind: "saved", cells: 1 });
    // the blank is now in the workbook: the month is unscored (and instalment 3, invoiced, cannot be settled without it)
    expect(session.months().find((m) => m.month === "2025-10")).toMatchObject({ state: "errors", total: null, computed: null, missing: 1 });
  });
});

describe("empty months and nothing to undo (issue 15 point 7)", () => {
  it("计算本月 on a month with no inputs names every missing field and writes nothing", async () => {
    const { session, plans } = await exampleSession();
    const draft = session.monthDraft("2025-10");
    for (const k of Object.keys(draft.indicators) as (keyof typeof draft.indicators)[]) draft.indicators[k] = "";
    // saved blank (allowed), then 计算本月 on the unedited, empty month
    expect((await session.saveMonth(draft)).kind).toBe("saved");
    const r = await session.computeMonth(session.monthDraft("2025-10"));
    expect(r.kind).toBe("refused");
    expect(r.cells).toBe(0);
    expect(r.problems.length).toBeGreaterThanOrEqual(15);
    expect(r.problems.every((p) => p.code === "missing" && p.month === "2025-10" && p.sheet === "指标录入")).toBe(true);
    expect(r.problems.map((p) => p.indicator)).toEqual(expect.arrayContaining(["团队人数", "接通率排名", "抽检工单数", "合格工单数"]));
    expect(r.problems.find((p) => p.indicator === "团队人数")?.message).toBe("2025年10月「团队人数」未填写");
    expect(plans.length).toBe(1); // the save only
    expect(session.months().find((m) => m.month === "2025-10")).toMatchObject({ total: null, computed: null });
  });

  it("撤销 is unavailable with the reason: no record, or a record that restores nothing", async () => {
    const { session } = await exampleSession();
    expect(session.undoState()).toEqual({ ok: false, reason: "none" });
    expect(session.canUndo).toBe(false);
    await session.recomputeAll(null);
    expect(session.undoState()).toMatchObject({ ok: true });
    expect(session.canUndo).toBe(true);
    // the same scores again: every cell already holds its value, so the new record restores nothing
    await session.recomputeAll(null);
    const again = session.undoState();
    if (again.ok) expect(again.cells + again.sheets).toBeGreaterThan(0);
    else expect(again).toEqual({ ok: false, reason: "empty" });
  });
});
