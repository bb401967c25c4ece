/**
 * input-rows.ts on real .xlsx files (ExcelJS): a month's draft is loaded from the input sheets,
 * checked like a run would check it, planned back into the sheets, written by the file adapter,
 * saved, and read again by the reader — the values must round-trip, and nothing else may change.
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { defaultRules, emptyIndicators } from "../../../src/domain";
import { EXAMPLE_2025_10 } from "../../../src/domain/example";
import { rulesFromSettings } from "../../../src/domain/rule-settings";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import {
  applyPlanToSnapshot,
  draftChanged,
  loadMonthDraft,
  loadSettingsDraft,
  mergePlans,
  MonthDraft,
  newEvent,
  newReport,
  planMonthDraft,
  planSettingsDraft,
  PlanResult,
  stepModesOf,
  stepModesText,
  validateMonthDraft,
  validateSettingsDraft,
} from "../../../src/workbook/drafts/input-rows";
import type { WorkbookSnapshot, WritePlan } from "../../../src/workbook/model";
import { buildPaymentSheet } from "../../../src/workbook/sheets/payment-sheet";
import { planFreezeMonth, planUndo, runWorkbookAsync } from "../../../src/workbook/plan";
import { withUndoRecord } from "../../../src/taskpane/session";
import { readInputs } from "../../../src/workbook/read/read-inputs";
import { writeNewWorkbook } from "../../../src/hosts/file/new-workbook";
import { buildTemplate, templatePlan } from "../../../src/workbook/sheets/template";
import { exampleData, exampleWorkbook, InputStyle, loadWorkbook, toBuffer, yearWorkbook, addInputSheets } from "../../fixtures/workbooks";

async function snapshotOf(buffer: Uint8Array): Promise<WorkbookSnapshot> {
  return (await ExcelFileAdapter.fromBuffer(buffer)).read();
}

/** Applies the plan with the file adapter, saves, and returns the new file and its snapshot. */
async function write(buffer: Uint8Array, plan: (s: WorkbookSnapshot) => PlanResult): Promise<{ buffer: Uint8Array; snapshot: WorkbookSnapshot; planned: PlanResult }> {
  const adapter = await ExcelFileAdapter.fromBuffer(buffer);
  const planned = plan(await adapter.read());
  if (!planned.ok) throw new Error(`refused: ${planned.problems.map((p) => p.message).join("; ")}`);
  await adapter.apply(planned.plan);
  const out = await adapter.save();
  return { buffer: out, snapshot: await snapshotOf(out), planned };
}

function writes(planned: PlanResult): Record<string, string[]> {
  if (!planned.ok) throw new Error("refused");
  return Object.fromEntries(planned.plan.cellWrites.map((g) => [g.sheet, g.writes.map((w) => w.address)]));
}

const cell = (wb: ExcelJS.Workbook, sheet: string, address: string) => wb.getWorksheet(sheet)?.getCell(address);

describe("loadMonthDraft", () => {
  it("reads the month's indicators as the cells show them, its events and the reports due in it", async () => {
    const snapshot = await snapshotOf((await exampleWorkbook()).buffer);
    const d = loadMonthDraft(snapshot, "2025-10");
    expect(d.indicators.headcount).toBe("9");
    expect(d.indicators.rulesFollowed).toBe("是");
    expect(d.indicators.calls).toBe("");
    expect(d.indicators.verySatisfied).toBe("900");
    expect(d.events.map((e) => [e.row, e.type, e.level, e.matterId, e.evidence, e.verified, e.reported])).toEqual([
      [2, "bonus", "群众", "BY-2025-101", true, true, true],
      [3, "bonus", "群众", "BY-2025-102", false, true, true],
    ]);
    expect(d.reports).toEqual([{ row: 2, kind: "月报", period: "2025-09", submitted: "2025-10-13", extensionApproved: false }]);
    expect(draftChanged(d)).toBe(false);
  });

  it("shows an unreadable value as typed, so the form can correct it", async () => {
    const wb = await loadWorkbook((await exampleWorkbook()).buffer);
    cell(wb, "指标录入", "B2")!.value = "九";
    const d = loadMonthDraft(await snapshotOf(await toBuffer(wb)), "2025-10");
    expect(d.indicators.headcount).toBe("九");
    expect(validateMonthDraft(d).filter((p) => p.target.kind === "indicator" && p.target.key === "headcount").map((p) => p.message)).toEqual(["「团队人数」应为数字，实为「九」"]);
  });

  it("gives an empty draft for a month with no row", async () => {
    const d = loadMonthDraft(await snapshotOf((await exampleWorkbook()).buffer), "2025-11");
    expect(Object.values(d.indicators).every((v) => v === "")).toBe(true);
    expect(d.events).toEqual([]);
  });
});

describe("validateMonthDraft (SPEC §6, as you type)", () => {
  const base = async () => loadMonthDraft(await snapshotOf((await exampleWorkbook()).buffer), "2025-10");
  const messages = (d: MonthDraft, key: string) => validateMonthDraft(d).filter((p) => p.target.kind === "indicator" && p.target.key === key && p.severity === "error").map((p) => p.message);

  it("refuses a negative or fractional headcount, in Chinese with English beside", async () => {
    const d = await base();
    d.indicators.headcount = "-1";
    expect(messages(d, "headcount")).toEqual(["「团队人数」不能为负数，实为 -1"]);
    d.indicators.headcount = "9.5";
    expect(messages(d, "headcount")).toEqual(["「团队人数」应为整数，实为 9.5"]);
    expect(validateMonthDraft(d).find((p) => p.code === "not-integer")?.messageEn).toBe('"team headcount" must be a whole number, got 9.5');
  });

  it("refuses passing tickets above sampled, excluded above bad ratings, a rank beyond the centres", async () => {
    const d = await base();
    d.indicators.ticketsPassed = "101";
    d.indicators.excludedBad = "60";
    d.indicators.answerRank = "32";
    expect(messages(d, "ticketsPassed")).toEqual(["「合格工单数」101 大于「抽检工单数」100"]);
    expect(messages(d, "excludedBad")).toEqual(["「剔除差评数」60 大于 不满意+非常不满意 50"]);
    expect(messages(d, "answerRank")).toEqual(["「接通率排名」第 32 名超过「排名中心数」31"]);
  });

  it("reads numbers as the reader does (full-width digits, thousands separators) and reports a blank once", async () => {
    const d = await base();
    d.indicators.verySatisfied = "９００";
    d.indicators.calls = "23,318";
    expect(validateMonthDraft(d).filter((p) => p.severity === "error")).toEqual([]);
    d.indicators.headcount = "";
    expect(messages(d, "headcount")).toEqual(["2025年10月「团队人数」未填写"]);
    d.indicators.headcount = "abc";
    expect(messages(d, "headcount")).toEqual(["「团队人数」应为数字，实为「abc」"]);
  });

  it("places event and report problems on their entry and field", async () => {
    const d = await base();
    d.events.push({ ...newEvent("penalty"), level: "区级", verified: true });
    d.reports[0] = { ...d.reports[0]!, submitted: "2025-08-01" };
    const problems = validateMonthDraft(d);
    expect(problems.find((p) => p.code === "bad-level")?.target).toEqual({ kind: "event", index: 2, key: "level" });
    expect(problems.find((p) => p.code === "submitted-before-period")?.target).toEqual({ kind: "report", index: 0, key: "submitted" });
    // the bonus without evidence: kept, shown, scored 0 (a warning on its 佐证材料)
    expect(problems.find((p) => p.code === "bonus-kept-at-zero")).toMatchObject({ severity: "warning", target: { kind: "event", index: 1, key: "evidence" } });
  });
});

describe("planMonthDraft: the month form written back into the sheets", () => {
  it("writes only the changed indicator cells of the month's row; the values read back", async () => {
    const { buffer } = await yearWorkbook();
    const done = await write(buffer, (s) => {
      const d = loadMonthDraft(s, "2025-10");
      d.indicators.headcount = "10";
      d.indicators.examSat = "10";
      d.indicators.rulesFollowed = "否";
      return planMonthDraft(s, d);
    });
    expect(writes(done.planned)).toEqual({ 指标录入: ["B12", "C12", "V12"] });
    const inputs = readInputs(done.snapshot);
    const oct = inputs.indicators.find((i) => i.month === "2025-10")!;
    expect([oct.headcount, oct.examSat, oct.rulesFollowed]).toEqual([10, 10, false]);
    expect(inputs.indicators.find((i) => i.month === "2025-09")).toEqual({ ...EXAMPLE_2025_10.indicators, month: "2025-09" });
    const wb = await loadWorkbook(done.buffer);
    expect(cell(wb, "指标录入", "B12")!.value).toBe(10);
    expect(cell(wb, "指标录入", "C12")!.value).toBe("否");
  });

  it("fills a template's prefilled month row, and puts a month the sheet lacks on the first empty row", async () => {
    const template = await writeNewWorkbook(templatePlan(buildTemplate({ from: "2024-12", months: 12 })));
    const filled = await write(template, (s) => {
      const d = loadMonthDraft(s, "2025-01");
      for (const [k, v] of Object.entries(EXAMPLE_2025_10.indicators)) if (k !== "month") (d.indicators as Record<string, string>)[k] = v === null ? "" : v === true ? "是" : v === false ? "否" : String(v);
      return planMonthDraft(s, d);
    });
    // 2024-12 is on row 2, so 2025-01 is row 3: its 考核月份 cell is not rewritten
    expect(writes(filled.planned)["指标录入"]!.every((a) => /^[B-Z]3$/.test(a))).toBe(true);
    expect(readInputs(filled.snapshot).indicators).toEqual([{ ...EXAMPLE_2025_10.indicators, month: "2025-01" }]);

    const added = await write(filled.buffer, (s) => {
      const d = loadMonthDraft(s, "2026-01");
      d.indicators.headcount = "12";
      return planMonthDraft(s, d);
    });
    expect(writes(added.planned)).toEqual({ 指标录入: ["A14", "B14"] });
    const wb = await loadWorkbook(added.buffer);
    expect(cell(wb, "指标录入", "A14")!.value).toBe("2026-01");
    expect(readInputs(added.snapshot).indicators.find((i) => i.month === "2026-01")).toEqual({ ...emptyIndicators("2026-01"), headcount: 12 });
  });

  it("updates, appends and blanks event rows; another column of a deleted row is kept", async () => {
    const style: InputStyle = { extraColumn: true };
    const { buffer } = await exampleWorkbook({}, style);
    const done = await write(buffer, (s) => {
      const d = loadMonthDraft(s, "2025-10");
      d.events[0] = { ...d.events[0]!, description: "来电群众致谢（已核实）" };
      d.events.splice(1, 1);
      d.events.push({ ...newEvent("penalty"), level: "省级", matterId: "KF-7", description: "媒体曝光", verified: true });
      return planMonthDraft(s, d);
    });
    const events = readInputs(done.snapshot).events;
    expect(events).toEqual([
      { ...EXAMPLE_2025_10.events[0]!, description: "来电群众致谢（已核实）" },
      { month: "2025-10", type: "penalty", level: "省级", matterId: "KF-7", description: "媒体曝光", evidence: null, verified: true, reported: null },
    ]);
    const wb = await loadWorkbook(done.buffer);
    const ws = wb.getWorksheet("加减分事件")!;
    // the extra 备注 column (C) of the deleted row 3 is left as it was; the row's known cells are blank
    expect(ws.getCell("C3").value).toBe("第2行说明");
    expect(ws.getCell("A3").value).toBe(null);
    expect(ws.getCell("B4").value).toBe("扣分");
  });

  it("writes a new report's date as a date (yyyy-mm-dd), under decorated, reversed headers", async () => {
    const style: InputStyle = { decoratedHeaders: true, reversed: true };
    const { buffer } = await exampleWorkbook({}, style);
    const done = await write(buffer, (s) => {
      const d = loadMonthDraft(s, "2025-10");
      d.reports.push({ ...newReport("2025-10"), kind: "季报", period: "2025Q3", submitted: "2025年10月15日" });
      d.indicators.trainingLapses = "1";
      return planMonthDraft(s, d);
    });
    const inputs = readInputs(done.snapshot);
    expect(inputs.reports).toEqual([...EXAMPLE_2025_10.reports, { kind: "季报", period: "2025Q3", submitted: "2025-10-15", extensionApproved: null }]);
    expect(inputs.indicators[0]!.trainingLapses).toBe(1);
    const date = done.snapshot.sheets.find((s) => s.name === "报告提交")!.cells.find((c) => c.row === 3 && typeof c.value === "number");
    expect(date?.numberFormat).toBe("yyyy-mm-dd");
  });

  it("refuses a value the reader cannot read, and a row changed in the workbook since it was loaded", async () => {
    const { buffer } = await exampleWorkbook();
    const snapshot = await snapshotOf(buffer);
    const d = loadMonthDraft(snapshot, "2025-10");
    d.indicators.headcount = "九人";
    const bad = planMonthDraft(snapshot, d);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => p.message)).toEqual(["「团队人数」应为数字，实为「九人」"]);

    const e = loadMonthDraft(snapshot, "2025-10");
    e.events[1] = { ...e.events[1]!, evidence: true };
    const wb = await loadWorkbook(buffer);
    cell(wb, "加减分事件", "D3")!.value = "BY-2025-999"; // someone edits the row in Excel meanwhile
    const moved = planMonthDraft(await snapshotOf(await toBuffer(wb)), e);
    expect(moved.ok).toBe(false);
    expect(!moved.ok && moved.problems[0]).toMatchObject({ sheet: "加减分事件", cell: "A3" });
    expect(!moved.ok && moved.problems[0]!.message).toContain("第 3 行");
  });

  it("plans nothing for an unchanged draft, and refuses when an input sheet is missing", async () => {
    const snapshot = await snapshotOf((await exampleWorkbook()).buffer);
    const d = loadMonthDraft(snapshot, "2025-10");
    expect(planMonthDraft(snapshot, d)).toEqual({ ok: true, plan: { cellWrites: [], sheets: [] }, changed: 0 });
    d.events.push(newEvent());
    const noEvents = { sheets: snapshot.sheets.filter((s) => s.name !== "加减分事件") };
    const r = planMonthDraft(noEvents, d);
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual(["工作簿中没有「加减分事件」工作表，无法保存"]);
  });
});

describe("applyPlanToSnapshot", () => {
  it("gives what the file adapter gives after the same plan (cells and whole sheets)", async () => {
    const { buffer } = await exampleWorkbook();
    const snapshot = await snapshotOf(buffer);
    const d = loadMonthDraft(snapshot, "2025-10");
    d.indicators.headcount = "11";
    d.events.push({ ...newEvent("bonus"), level: "市级及以上", evidence: true, verified: true, reported: true, matterId: "X" });
    const planned = planMonthDraft(snapshot, d);
    const settings = loadSettingsDraft(snapshot);
    settings.values["流动率20至30得分"] = "5";
    const rules = planSettingsDraft(snapshot, settings);
    if (!planned.ok || !rules.ok) throw new Error("refused");
    const plan = mergePlans(planned.plan, rules.plan);
    const virtual = readInputs(applyPlanToSnapshot(snapshot, plan));
    const real = readInputs((await write(buffer, () => ({ ok: true, plan, changed: 1 }))).snapshot);
    expect(virtual.indicators).toEqual(real.indicators);
    expect(virtual.events).toEqual(real.events);
    expect(virtual.ruleSettings).toEqual(real.ruleSettings);
    expect(real.indicators[0]!.headcount).toBe(11);
  });
});

describe("applyPlanToSnapshot, whole plans: the snapshot the file adapter reads after them", () => {
  const settled = async (snapshot: WorkbookSnapshot) => {
    const result = await runWorkbookAsync(snapshot, { asOf: "2026-01-31", buildPaymentSheet, now: "2026-01-31 09:00" });
    if (!result.plan) throw new Error(JSON.stringify(result.errors));
    return withUndoRecord(snapshot, result.plan, "2026-01-31 09:00");
  };
  const readAfter = async (buffer: Uint8Array, plan: WritePlan) => {
    const adapter = await ExcelFileAdapter.fromBuffer(buffer);
    await adapter.apply(plan);
    return adapter.read();
  };

  it("全部重算 (scores, 付款结算, 计算说明, 撤销记录), then 定稿 of a month (its sheet protected), then 撤销 (sheets deleted)", async () => {
    const { buffer } = await exampleWorkbook();
    const snapshot = await snapshotOf(buffer);
    const plan = await settled(snapshot);
    expect(plan.sheets.length).toBeGreaterThanOrEqual(3);
    expect(applyPlanToSnapshot(snapshot, plan)).toEqual(await readAfter(buffer, plan));

    const adapter = await ExcelFileAdapter.fromBuffer(buffer);
    await adapter.apply(plan);
    const scored = await adapter.save();
    const before = await snapshotOf(scored);
    const freeze = await planFreezeMonth(before, { month: "2025-10", who: "张三", now: "2026-01-31 10:00" }, { asOf: "2026-01-31" });
    if (!freeze.ok) throw new Error(JSON.stringify(freeze.errors));
    expect(freeze.plan.protectSheets?.some((p) => p.protect)).toBe(true);
    const predicted = applyPlanToSnapshot(before, freeze.plan);
    expect(predicted).toEqual(await readAfter(scored, freeze.plan));
    expect(predicted.sheets.filter((s) => s.protected).length).toBeGreaterThan(0);

    const undo = planUndo(before);
    if ("error" in undo) throw new Error(undo.error);
    expect(undo.plan.deleteSheets?.length ?? 0).toBeGreaterThan(0);
    expect(applyPlanToSnapshot(before, undo.plan)).toEqual(await readAfter(scored, undo.plan));
  });
});

describe("规则设置", () => {
  it("creates the sheet when the workbook has none; the engine reads the new options", async () => {
    const { buffer } = await exampleWorkbook();
    const done = await write(buffer, (s) => {
      const d = loadSettingsDraft(s);
      expect(d.present).toBe(false);
      expect(d.values["流动率20至30得分"]).toBe("10");
      d.values["流动率20至30得分"] = "5";
      d.values["部分扣分方式"] = stepModesText({ satisfactionSteps: "floor", ticketQualitySteps: "proportional", settlementSteps: "proportional" });
      return planSettingsDraft(s, d);
    });
    const rows = readInputs(done.snapshot).ruleSettings;
    expect(rows).not.toBeNull();
    const rules = rulesFromSettings(rows!);
    expect(rules.ok && [rules.value.options.turnoverBandScore, rules.value.options.satisfactionSteps, rules.value.options.ticketQualitySteps]).toEqual(["5", "floor", "proportional"]);
  });

  it("updates a value in its row and adds a parameter the sheet lacks at the first empty row", async () => {
    const wb = new ExcelJS.Workbook();
    addInputSheets(wb, { ...exampleData(), rules: [["达标分", 95], ["扣款基数", "季度服务费"]] });
    const done = await write(await toBuffer(wb), (s) => {
      const d = loadSettingsDraft(s);
      expect(d.present).toBe(true);
      d.values["扣款基数"] = "本笔款项";
      d.values["平均分取整"] = "否";
      return planSettingsDraft(s, d);
    });
    expect(writes(done.planned)).toEqual({ 规则设置: ["B3", "A4", "B4"] });
    expect(readInputs(done.snapshot).ruleSettings).toEqual([
      { label: "达标分", value: 95 },
      { label: "扣款基数", value: "本笔款项" },
      { label: "平均分取整", value: "否" },
    ]);
  });

  it("refuses an invalid value with the engine's message, named by its parameter", async () => {
    const snapshot = await snapshotOf((await exampleWorkbook()).buffer);
    const d = loadSettingsDraft(snapshot);
    d.values["每分扣款比例"] = "0.5";
    d.values["达标分"] = "120";
    const problems = validateSettingsDraft(d);
    expect(Object.keys(problems).sort()).toEqual(["每分扣款比例", "达标分"].sort());
    expect(problems["达标分"]!.message).toBe("规则参数「达标分」的值「120」无效：应为 0–100 的分数，如 95");
    expect(planSettingsDraft(snapshot, d).ok).toBe(false);
  });

  it("writes the A3 modes as one word when they agree, per rule when they differ", () => {
    expect(stepModesText({ satisfactionSteps: "ceil", ticketQualitySteps: "ceil", settlementSteps: "ceil" })).toBe("起步");
    const mixed = stepModesText({ satisfactionSteps: "floor", ticketQualitySteps: "proportional", settlementSteps: "ceil" });
    expect(mixed).toBe("满意率:整步,质检:按比例,结算:起步");
    expect(stepModesOf(mixed)).toEqual({ satisfactionSteps: "floor", ticketQualitySteps: "proportional", settlementSteps: "ceil" });
    expect(stepModesOf("随便")).toBeNull();
    expect(defaultRules().options.satisfactionSteps).toBe("proportional");
  });
});

describe("mergePlans", () => {
  it("keeps cell writes, sheets, deletions and protection (the last plan wins per sheet)", () => {
    const merged = mergePlans(
      { cellWrites: [{ sheet: "指标录入", writes: [{ address: "B2", value: 10 }] }], sheets: [], protectSheets: [{ sheet: "2025年10月", protect: false }] },
      { cellWrites: [{ sheet: "指标录入", writes: [{ address: "C2", value: 1 }] }], sheets: [], deleteSheets: ["撤销记录"], protectSheets: [{ sheet: "2025年10月", protect: true }] },
    );
    expect(merged.cellWrites).toEqual([{ sheet: "指标录入", writes: [{ address: "B2", value: 10 }, { address: "C2", value: 1 }] }]);
    expect(merged.deleteSheets).toEqual(["撤销记录"]);
    expect(merged.protectSheets).toEqual([{ sheet: "2025年10月", protect: true }]);
  });
});
