/**
 * The pane's instalment view for a contract of SPEC §9 (合同信息 / 付款条款 in the workbook): as many
 * instalments as 付款条款 lists, each with its amount (合同总额 × 比例, the last taking the fen
 * remainder), its months and its deduction so far.
 */
// @ts-nocheck

import { FakeAdapter } from "./fixtures";
import { INDICATOR_FIELDS, type InstalmentTerms } from "../../src/domain";
import { Session } from "../../src/taskpane/session";
import { applyPlanToSnapshot } from "../../src/workbook/drafts/input-rows";
import { a1, type CellWrite } from "../../src/workbook/model";
import { buildTemplate, templateContract } from "../../src/workbook/sheets/template";
import { perfectMonth } from "../domain/builders";

describe("the pane's instalments follow 付款条款", () => {
  it("four instalments of 1,000,000.01 (25% each): three of 250,000.00, the last 250,000.01; deduction so far per period", async () => {
    // 2025-03 … 2025-08 (a calendar the library knows): periods 03–04, 05–06, 07–08; instalment 1 not tied.
    const base = templateContract({ firstMonth: "2025-03", lastMonth: "2025-08", total: "1000000.01" });
    const [one, two, three] = base.instalments as [InstalmentTerms, InstalmentTerms, InstalmentTerms];
    const contract = {
      ...base,
      instalments: [
        { ...one, share: "0.25" },
        { ...two, share: "0.25", months: { from: "2025-03", to: "2025-04" }, condition: "二" },
        { ...three, number: 3, share: "0.25", months: { from: "2025-05", to: "2025-06" }, condition: "三" },
        { ...three, number: 4, share: "0.25", months: { from: "2025-07", to: "2025-08" }, condition: "四" },
      ],
    };
    let snapshot = applyPlanToSnapshot({ sheets: [] }, { cellWrites: [], sheets: buildTemplate({ from: "2025-03", months: 6, contract }) });
    // 2025-03 and 2025-04 scored: 94.00 (3 complaints) and 100.00 → average 97.00, no deduction; 2025-05 at 94.00.
    const writes: CellWrite[] = [];
    [["2025-03", 3], ["2025-04", 0], ["2025-05", 3]].forEach(([month, complaints], i) => {
      const m = perfectMonth(String(month), { complaints: Number(complaints) });
      INDICATOR_FIELDS.forEach((f, c) => {
        const v = m[f.key];
        if (v !== null) writes.push({ address: a1(i + 2, c + 2), value: typeof v === "boolean" ? (v ? "是" : "否") : v });
      });
    });
    snapshot = applyPlanToSnapshot(snapshot, { cellWrites: [{ sheet: "指标录入", writes }], sheets: [] });
    const session = new Session(new FakeAdapter(snapshot), { now: () => new Date(2025, 5, 1, 9, 0) });
    await session.load();
    // no scorecard holds a score yet: the instalments tied to scored months show no figure (one truth) …
    expect(session.instalments().map((i) => [i.number, i.stale, i.average, i.deduction])).toEqual([
      [1, [], null, "¥0.00"],
      [2, ["2025-03", "2025-04"], null, null],
      [3, ["2025-05"], null, null],
      [4, [], null, null],
    ]);
    // … until they are recomputed
    await session.recomputeAll(null);
    await session.whenRefreshed();
    // 季度服务费 = 1,000,000.01 × 3 ÷ 6 = 500,000.005; 2025-05 alone at 94.00: 1 × 0.5% × 500,000.005 = 2,500.000025 → 2,500.00 at this pace.
    expect(session.instalments().map((i) => [i.number, i.amount, i.months.length, i.monthsScored, i.average, i.deduction, i.final])).toEqual([
      [1, "¥250,000.00", 0, 0, null, "¥0.00", true],
      [2, "¥250,000.00", 2, 2, "97.00", "¥0.00", true],
      [3, "¥250,000.00", 2, 1, "94.00", "¥2,500.00", false],
      [4, "¥250,000.01", 2, 0, null, null, false],
    ]);
  });
});
