/**
 * The pane's session without React, on the real example workbook through the ExcelJS file adapter
 * (what the pane does in a plain browser): the buttons' actions, what they write, and what they refuse.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { ExcelFileAdapter } from "../../src/workbook/file-adapter";
import { readInputs } from "../../src/workbook/read-inputs";
import { localNow, localToday, Session, type PaneAdapter } from "../../src/taskpane/session";
import type { WritePlan } from "../../src/workbook/model";

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
  it("lists the twelve months, all scored, and the instalments' deductions", async () => {
    const { session, plans } = await exampleSession();
    const months = session.months();
    expect(months.map((m) => m.month)).toEqual(["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"]);
    expect(months.every((m) => m.state === "scored")).toBe(true);
    expect(months.find((m) => m.month === "2025-10")).toMatchObject({ sheet: "2025年10月", total: "93.25" });
    expect(session.instalments().map((i) => [i.number, i.monthsScored, i.deduction, i.final])).toEqual([
      [1, 0, "¥0.00", true],
      [2, 6, "¥499.53", true],
      [3, 6, "¥0.00", true],
    ]);
    expect(plans).toEqual([]);
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
    expect(session.months().find((m) => m.month === "2025-10")?.total).toBe("94.25");
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

describe("clock", () => {
  it("gives the local date and minute the sheets show", () => {
    const d = new Date(2025, 0, 5, 8, 7);
    expect(localToday(d)).toBe("2025-01-05");
    expect(localNow(d)).toBe("2025-01-05 08:07");
  });
});
