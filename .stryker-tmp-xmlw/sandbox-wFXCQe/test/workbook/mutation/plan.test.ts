/**
 * Issue 17: the planner (src/workbook/plan.ts) on small in-memory workbooks: what it writes (the
 * owned cells, only those that change), the problems it adds itself — instalments pending or
 * invoiced with months missing, scorecards without data, protected or frozen, months without a
 * scorecard, a frozen month's signed total — each read whole (sheet, cell, indicator, zh-CN and
 * English message, month), and 定稿 / 解除定稿 / 撤销 refusals and plans. Written from Stryker's
 * survivors over that file.
 */
// @ts-nocheck

import { dec, defaultRules, INDICATOR_FIELDS, MonthScore } from "../../../src/domain";
import type { LocatedProblem } from "../../../src/workbook/read/located";
import type { ReadCell, SheetSnapshot, WorkbookSnapshot } from "../../../src/workbook/model";
import { findScorecards } from "../../../src/workbook/read/find-scorecards";
import { cardWrites, changingWrites, holdsWrite, monthCellRefs, planFreezeMonth, planScores, planUndo, planUnfreezeMonth, runWorkbook, runWorkbookAsync, SCORE_FORMAT, TrustResult } from "../../../src/workbook/plan";
import { readInputs } from "../../../src/workbook/read/read-inputs";
import { AUDIT_SHEET_NAME, frozenMonths, readAudit } from "../../../src/workbook/sheets/audit";
import { EXPLAIN_SHEET_NAME } from "../../../src/workbook/sheets/explain-sheet";
import { UNDO_SHEET_NAME } from "../../../src/workbook/sheets/undo";
import { sheet } from "../../fixtures/sheet-rows";
import { applyPlan, book, card, example } from "./book";

const AS_OF = "2025-12-31";
const NOW = "2025-11-05 14:30";
const whole = (p: LocatedProblem) => [p.severity, p.code, p.sheet, p.cell, p.indicator, p.month, p.message, p.messageEn];
const coded = (list: readonly LocatedProblem[], ...codes: string[]) => list.filter((p) => codes.includes(p.code)).map(whole);
const FIRST = ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05"];
const SECOND = ["2025-06", "2025-07", "2025-08", "2025-09", "2025-11"];
const label = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

function ok(r: TrustResult): Extract<TrustResult, { ok: true }> {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("\n"));
  return r;
}
function refusal(r: TrustResult): unknown[][] {
  if (r.ok) throw new Error("expected a refusal");
  return r.errors.map(whole);
}

describe("instalments whose months are not all scored", () => {
  it("not invoiced: pending, a warning per instalment naming its missing months (zh-CN and English), the first as its month", () => {
    const r = runWorkbook(book([card("2025-10")], example()), { asOf: AS_OF });
    expect(r.ok).toBe(true);
    expect(r.pendingInstalments).toEqual([2, 3]);
    expect(coded(r.warnings, "instalment-pending")).toEqual([
      ["warning", "instalment-pending", "付款记录", null, "笔次", "2024-12", `第2笔款项尚缺 ${FIRST.map(label).join("、")} 的考核得分，暂不结算`, `instalment 2 is not settled yet: ${FIRST.join(", ")} not scored`],
      ["warning", "instalment-pending", "付款记录", null, "笔次", "2025-06", `第3笔款项尚缺 ${SECOND.map(label).join("、")} 的考核得分，暂不结算`, `instalment 3 is not settled yet: ${SECOND.join(", ")} not scored`],
    ]);
    // Instalment 1 has no months: settled (due on its invoice, none yet).
    expect(r.json?.instalments.map((i) => [i.number, i.payable])).toEqual([[1, "275600.00"]]);
  });

  it("invoiced (or paid without an invoice): an error per missing month, at its scorecard's 考核得分 or its 指标录入 month", () => {
    const d = example();
    d.payments = [
      { number: 2, invoiceDate: null, paidDate: "2025-06-20" },
      { number: 3, invoiceDate: "2025-12-01", paidDate: null },
    ];
    const r = runWorkbook(book([card("2025-10"), card("2025-11", "十一月")], d), { asOf: AS_OF });
    expect(r.ok).toBe(false);
    expect(r.plan).toBeNull();
    expect(r.json).toBeNull();
    expect(r.settlement).toBeNull();
    expect(r.pendingInstalments).toEqual([2, 3]);
    expect(coded(r.errors, "missing-month")).toEqual([
      ...FIRST.map((m) => ["error", "missing-month", "指标录入", null, `考核月份 ${m}`, m, `第2笔款项已开票（发票日期 —），需要 ${label(m)} 的考核得分，但该月没有完整有效的评分`, `instalment 2 is invoiced (—) and needs the ${m} total, but that month has no complete, valid scorecard`]),
      ...SECOND.map((m) => [
        "error",
        "missing-month",
        m === "2025-11" ? "十一月" : "指标录入",
        m === "2025-11" ? "E2" : null,
        m === "2025-11" ? "考核得分" : `考核月份 ${m}`,
        m,
        `第3笔款项已开票（发票日期 2025-12-01），需要 ${label(m)} 的考核得分，但该月没有完整有效的评分`,
        `instalment 3 is invoiced (2025-12-01) and needs the ${m} total, but that month has no complete, valid scorecard`,
      ]),
    ]);
    expect(r.warnings.filter((w) => w.code === "instalment-pending")).toEqual([]);
  });

  it("under requireAllInstalments every missing month is an error, invoiced or not, and nothing is pending", () => {
    const r = runWorkbook(book([card("2025-10")], example()), { asOf: AS_OF, requireAllInstalments: true });
    expect(r.ok).toBe(false);
    expect(r.pendingInstalments).toEqual([]);
    expect(r.errors.filter((e) => e.code === "missing-month").map((e) => e.month)).toEqual([...FIRST, ...SECOND]);
    expect(r.warnings.filter((w) => w.code === "instalment-pending")).toEqual([]);
  });

  it("the complete instalments are still settled and checked: an error of a later payment row is put back on its own row", () => {
    const d = example();
    d.payments = [
      { number: 2, invoiceDate: null, paidDate: null },
      { number: 1, invoiceDate: "2025-01-10", paidDate: "2025-01-02" },
    ];
    const r = runWorkbook(book([card("2025-10")], d), { asOf: AS_OF });
    expect(r.errors.map(whole)).toEqual([["error", "paid-before-invoice", "付款记录", "C3", "实付日期", undefined, "第1笔实付日期 2025-01-02 早于发票日期 2025-01-10", "instalment 1 paid 2025-01-02, before its invoice 2025-01-10"]]);
    expect(r.errors[0]?.field).toBe("payments[1].paidDate");
    expect(r.settlement).toBeNull();
    expect(r.pendingInstalments).toEqual([2, 3]);
  });

  it("a whole year scored settles every instalment, none pending", () => {
    const months = [...FIRST, ...SECOND, "2025-10"].sort();
    const d = example();
    d.indicators = months.map((month) => ({ ...d.indicators[0]!, month }));
    const r = runWorkbook(book([], d), { asOf: AS_OF });
    expect(r.errors).toEqual([]);
    expect(r.pendingInstalments).toEqual([]);
    expect(r.json?.instalments.map((i) => [i.number, i.months.length, i.average])).toEqual([
      [1, 0, null],
      // Every month 94.25 (no 月报 recorded, none deducted) but 2025-10 at 93.25: (5 × 94.25 + 93.25) / 6 = 94.08.
      [2, 6, "94.25"],
      [3, 6, "94.08"],
    ]);
    // Scored months without a scorecard sheet are said so, at their 指标录入 month cell.
    expect(coded(r.warnings, "month-without-scorecard")[0]).toEqual([
      "warning",
      "month-without-scorecard",
      "指标录入",
      "A2",
      "考核月份",
      "2024-12",
      "2024年12月 已评分，但工作簿中没有该月的考核表工作表，得分未写入任何表格（仍计入结算）",
      "2024-12 is scored but the workbook has no scorecard sheet for it: the scores are not written to a sheet (they still count in the settlement)",
    ]);
    expect(r.warnings.filter((w) => w.code === "month-without-scorecard")).toHaveLength(12);
  });
});

describe("what the run says about its scorecards", () => {
  function run() {
    const d = example();
    d.indicators.push({ ...d.indicators[0]!, month: "2025-09" });
    return runWorkbook(book([card("2025-10", "十月", { protected: true }), card("2025-11")], d), { asOf: AS_OF });
  }

  it("a protected scorecard, one without data and a month without a scorecard, each whole", () => {
    const r = run();
    expect(r.ok).toBe(true);
    expect(coded(r.warnings, "scorecard-protected", "scorecard-without-data", "month-without-scorecard")).toEqual([
      ["warning", "scorecard-protected", "十月", "E2", "考核得分", "2025-10", "工作表「十月」受保护（已签字冻结），未改写", 'sheet "十月" is protected (signed and frozen): not rewritten'],
      ["warning", "scorecard-without-data", "2025年11月", "E2", "考核月份", "2025-11", "工作表「2025年11月」是 2025年11月 的考核表，但「指标录入」中没有该月数据，本表未评分", 'sheet "2025年11月" is the 2025-11 scorecard but 指标录入 has no row for that month: not scored'],
      ["warning", "month-without-scorecard", "指标录入", "A3", "考核月份", "2025-09", "2025年9月 已评分，但工作簿中没有该月的考核表工作表，得分未写入任何表格（仍计入结算）", "2025-09 is scored but the workbook has no scorecard sheet for it: the scores are not written to a sheet (they still count in the settlement)"],
    ]);
  });

  it("writes neither the protected nor the empty scorecard, and lists every problem once, errors first", () => {
    const r = run();
    expect(r.plan?.cellWrites).toEqual([]);
    expect(r.plan?.protectSheets).toBeUndefined();
    expect(r.problems).toEqual([...r.errors, ...r.warnings]);
    expect(r.scorecards.map((c) => c.sheet)).toEqual(["十月", "2025年11月"]);
    expect(r.scores.map((s) => s.month)).toEqual(["2025-09", "2025-10"]);
    expect(new Set(r.problems.map((p) => `${p.code}|${p.sheet}|${p.cell}|${p.message}`)).size).toBe(r.problems.length);
  });
});

describe("the owned cells", () => {
  const snap = book([card("2025-10")], example());
  function setup() {
    const found = findScorecards(snap).scorecards;
    return { found, score: runWorkbook(snap, { asOf: AS_OF }).scores[0] as MonthScore };
  }

  it("cardWrites: each item's 单项得分 (0.00) and 完成情况, then 考核得分", () => {
    const { found, score } = setup();
    const writes = cardWrites(found[0]!, score);
    expect(writes).toHaveLength(29);
    expect(writes[0]).toEqual({ address: "G4", value: 9, numberFormat: SCORE_FORMAT });
    expect(writes[1]).toEqual({ address: "F4", value: score.items[0]?.summary });
    expect(writes[28]).toEqual({ address: "E2", value: 93.25, numberFormat: "0.00" });
    expect(writes.filter((w) => w.numberFormat === "0.00").map((w) => w.value)).toEqual([9, 10, 10, 3, 5, 13, 15, 9.5, 9.75, 10, 1, 0, -2, 0, 93.25]);
    // An item the score does not have is left out; a card without 完成情况 gets the score only.
    const partial = { ...score, items: score.items.filter((i) => i.no !== 3) };
    const noSummary = { ...found[0]!, items: found[0]!.items.map((it) => ({ ...it, summaryCell: null })) };
    expect(cardWrites(found[0]!, partial).map((w) => w.address)).not.toContain("G6");
    expect(cardWrites(noSummary, score).map((w) => w.address)).toEqual([...found[0]!.items.map((it) => it.scoreCell), "E2"]);
  });

  it("holdsWrite: value, type, formula and number format", () => {
    const cell = (value: ReadCell["value"], numberFormat = "0.00", formula?: string): ReadCell => ({ row: 1, col: 1, value, numberFormat, ...(formula ? { formula } : {}) });
    expect(holdsWrite(cell(9), { address: "A1", value: 9, numberFormat: "0.00" })).toBe(true);
    expect(holdsWrite(cell(9), { address: "A1", value: 9 })).toBe(true);
    expect(holdsWrite(cell(9, "General"), { address: "A1", value: 9, numberFormat: "0.00" })).toBe(false);
    expect(holdsWrite(cell("9"), { address: "A1", value: 9 })).toBe(false);
    expect(holdsWrite(cell(9, "0.00", "=1+8"), { address: "A1", value: 9 })).toBe(false);
    expect(holdsWrite(cell(9), { address: "A1", value: 9, formula: "=9" })).toBe(false);
    expect(holdsWrite(undefined, { address: "A1", value: null })).toBe(true);
    expect(holdsWrite(undefined, { address: "A1", value: null, numberFormat: "0.00" })).toBe(false);
    expect(holdsWrite(undefined, { address: "A1", value: 0 })).toBe(false);
  });

  it("changingWrites: all of them without a sheet; only those the sheet does not hold", () => {
    const writes = [
      { address: "B2", value: 1, numberFormat: "0.00" },
      { address: "C3", value: "x" },
    ];
    expect(changingWrites(undefined, writes)).toEqual(writes);
    const s: SheetSnapshot = { name: "s", index: 0, merges: [], cells: [{ row: 2, col: 2, value: 1, numberFormat: "0.00" }, { row: 3, col: 2, value: "x", numberFormat: "General" }] };
    expect(changingWrites(s, writes)).toEqual([writes[1]]);
  });

  it("planScores: the first sheet of a name is compared; months skipped and protected cards left out", () => {
    const { found, score } = setup();
    const season = { months: [{ month: "2025-10", outcome: { ok: true as const, value: score, warnings: [] } }], errors: [], warnings: [] } as unknown as Parameters<typeof planScores>[1];
    const all = planScores(found, season);
    expect(all.cellWrites.map((g) => [g.sheet, g.writes.length])).toEqual([["2025年10月", 29]]);
    expect(all.sheets).toEqual([]);
    expect(planScores(found, season, new Set(["2025-10"])).cellWrites).toEqual([]);
    expect(planScores([{ ...found[0]!, protected: true }], season).cellWrites).toEqual([]);
    // The scorecard already holds everything but 考核得分: only E2 changes. A later sheet of the same name is ignored.
    const held: Record<string, number | string> = {};
    for (const w of cardWrites(found[0]!, score)) if (w.address !== "E2") held[w.address] = w.value as number | string;
    const scoredCard = card("2025-10", undefined, { scores: held });
    const fmt = { ...scoredCard, cells: scoredCard.cells.map((c) => (typeof c.value === "number" && /^[FG]/.test("FG"[c.col - 6] ?? "") ? { ...c, numberFormat: "0.00" } : c)) };
    const snapshot: WorkbookSnapshot = { sheets: [fmt, { ...card("2025-10"), index: 1 }] };
    expect(planScores(found, season, new Set(), snapshot).cellWrites).toEqual([{ sheet: "2025年10月", writes: [{ address: "E2", value: 93.25, numberFormat: "0.00" }] }]);
    const done: WorkbookSnapshot = applyPlan(snapshot, all);
    expect(planScores(found, season, new Set(), done).cellWrites).toEqual([]);
  });

  it("a monthly run hands the payment sheet builder every month of the contract (null when not scored) and the time", () => {
    const seen: unknown[] = [];
    const r = runWorkbook(snap, {
      asOf: AS_OF,
      now: NOW,
      buildPaymentSheet: (input) => {
        seen.push(input);
        return { name: "付款结算", cells: [{ address: "A1", value: "x" }], merges: [] };
      },
    });
    expect(r.plan?.sheets.map((s) => s.name)).toEqual(["付款结算", EXPLAIN_SHEET_NAME, UNDO_SHEET_NAME]);
    const input = seen[0] as { monthTotals: Record<string, unknown>; generatedAt: string; asOf: string; warnings: unknown[] };
    expect(Object.keys(input.monthTotals)).toHaveLength(12);
    expect(Object.entries(input.monthTotals).filter(([, v]) => v !== null)).toEqual([["2025-10", dec("93.25")]]);
    expect([input.generatedAt, input.asOf, input.warnings]).toEqual([NOW, AS_OF, r.warnings]);
    // No asOf: no payment sheet; no now: no generatedAt.
    expect(runWorkbook(snap, { now: NOW, buildPaymentSheet: () => ({ name: "付款结算", cells: [], merges: [] }) }).plan?.sheets.map((s) => s.name)).toEqual([EXPLAIN_SHEET_NAME, UNDO_SHEET_NAME]);
    runWorkbook(snap, { asOf: AS_OF, buildPaymentSheet: (i) => (seen.push(i), { name: "付款结算", cells: [], merges: [] }) });
    expect("generatedAt" in (seen[1] as object)).toBe(false);
  });
});

describe("定稿, and the runs after it", () => {
  const snap = book([card("2025-10")], example());

  it("refuses a month without data, without a scorecard, on a sheet protected by someone else, or frozen already", async () => {
    const d = example();
    d.indicators.push({ ...d.indicators[0]!, month: "2025-09" });
    const two = book([card("2025-10")], d);
    expect(refusal(await planFreezeMonth(two, { month: "2025-08", who: "张三", now: NOW }))).toEqual([
      ["error", "freeze-refused", "指标录入", null, "考核月份 2025-08", "2025-08", "2025年8月没有可定稿的评分：「指标录入」中没有该月已填写的数据", "2025-08 has no score to freeze: 指标录入 has no data for that month"],
    ]);
    expect(refusal(await planFreezeMonth(two, { month: "2025-09", who: "张三", now: NOW }))).toEqual([
      ["error", "freeze-refused", "指标录入", null, "考核月份 2025-09", "2025-09", "工作簿中没有 2025年9月 的考核表工作表，无法定稿", "the workbook has no scorecard sheet for 2025-09: nothing to freeze"],
    ]);
    const locked = book([card("2025-10", "十月", { protected: true })], example());
    expect(refusal(await planFreezeMonth(locked, { month: "2025-10", who: "张三", now: NOW }))).toEqual([
      ["error", "freeze-refused", "十月", "E2", "考核得分", "2025-10", "工作表「十月」已受保护（不是本工具的定稿），无法写入并定稿；请先在 Excel 中撤销工作表保护", 'sheet "十月" is protected (not by a freeze of this tool): unprotect it in Excel first'],
    ]);
    const frozen = applyPlan(snap, ok(await planFreezeMonth(snap, { month: "2025-10", who: "张三", now: NOW })).plan);
    expect(refusal(await planFreezeMonth(frozen, { month: "2025-10", who: "李四", now: "2025-11-06 09:00" }))).toEqual([
      ["error", "freeze-refused", AUDIT_SHEET_NAME, null, "考核月份 2025-10", "2025-10", "2025年10月已于 2025-11-05 14:30 定稿（张三，审计记录第 4 行），不能再次定稿；如需重新定稿，请先解除定稿", "2025-10 is already frozen (2025-11-05 14:30, 张三); unfreeze it first"],
    ]);
  });

  it("is blocked by an error of the month or of no month, not by another month's", async () => {
    const d = example();
    d.indicators.push({ ...d.indicators[0]!, month: "2025-09", headcount: -1 });
    const r = await planFreezeMonth(book([card("2025-10"), card("2025-09")], d), { month: "2025-10", who: "张三", now: NOW });
    expect(ok(r).sheet).toBe("2025年10月");
    expect(ok(r).warnings.every((w) => w.month === "2025-10")).toBe(true);
    expect(ok(r).warnings.map((w) => w.code)).toContain("below-threshold");
    const bad = await planFreezeMonth(book([card("2025-10"), card("2025-09")], d), { month: "2025-09", who: "张三", now: NOW });
    expect(refusal(bad).map((e) => [e[1], e[2], e[3], e[5]])).toEqual([["negative", "指标录入", "B3", "2025-09"]]);
  });

  it("writes the month's owned cells, records the row with the note, protects the sheet; a current sheet gets no cell", async () => {
    const f = ok(await planFreezeMonth(snap, { month: "2025-10", who: "张三", now: NOW, note: "  双方已签字 " }));
    expect([f.month, f.sheet, f.cellsWritten]).toEqual(["2025-10", "2025年10月", 29]);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(f.plan.protectSheets).toEqual([{ sheet: "2025年10月", protect: true }]);
    expect(f.plan.sheets.map((s) => s.name)).toEqual([AUDIT_SHEET_NAME, EXPLAIN_SHEET_NAME, UNDO_SHEET_NAME]);
    const audit = JSON.stringify(f.plan.sheets[0]?.cells.map((c) => c.value));
    expect(audit).toContain("工作表「2025年10月」已保护（无密码：防止误改，并非加密锁定）；双方已签字");
    const explain = f.plan.sheets[1]!;
    expect(explain.cells.find((c) => c.address === "A5")?.value).toBe(`2025年10月　【已定稿：${NOW}，张三】`);

    const scored = applyPlan(snap, runWorkbook(snap, { asOf: AS_OF }).plan!);
    const current = ok(await planFreezeMonth(scored, { month: "2025-10", who: "张三", now: NOW, note: "   " }));
    expect(current.cellsWritten).toBe(0);
    expect(current.plan.cellWrites).toEqual([]);
    expect(current.plan.sheets.map((s) => s.name)).toEqual([AUDIT_SHEET_NAME]);
    expect(JSON.stringify(current.plan.sheets[0]?.cells.map((c) => c.value))).toContain("并非加密锁定）\"");
    expect(current.fingerprint).toBe(f.fingerprint);
  });

  it("a frozen month: not rewritten, said so, its sheet protected again; unfreezing lifts it", async () => {
    const f = ok(await planFreezeMonth(snap, { month: "2025-10", who: "张三", now: NOW }));
    const frozen = applyPlan(snap, f.plan);
    const lifted: WorkbookSnapshot = { sheets: frozen.sheets.map((s) => (s.name === "2025年10月" ? { ...s, protected: false } : s)) };
    const r = runWorkbook(lifted, { asOf: AS_OF, now: "2025-11-06 09:00" });
    expect(r.ok).toBe(true);
    expect(coded(r.warnings, "scorecard-frozen")).toEqual([
      ["warning", "scorecard-frozen", "2025年10月", "E2", "考核得分", "2025-10", "2025年10月已于 2025-11-05 14:30 定稿（张三，审计记录第 4 行），工作表「2025年10月」未改写；如需重新评分，请先解除定稿并注明原因", '2025-10 was frozen on 2025-11-05 14:30 (张三): sheet "2025年10月" is not rewritten; unfreeze it (with a reason) to score it again'],
    ]);
    expect(r.frozen.map((x) => [x.month, x.sheet, x.change])).toEqual([["2025-10", "2025年10月", null]]);
    expect(r.plan?.cellWrites).toEqual([]);
    expect(r.plan?.protectSheets).toEqual([{ sheet: "2025年10月", protect: true }]);
    expect(runWorkbook(frozen, { asOf: AS_OF }).plan?.protectSheets).toBeUndefined();
    expect(r.json?.months).toEqual([expect.objectContaining({ month: "2025-10", total: "93.25", frozen: true, recomputedTotal: "93.25" })]);

    const un = ok(planUnfreezeMonth(frozen, { month: "2025-10", who: "李四", now: "2025-11-06 09:00", reason: "录错" }));
    expect([un.month, un.sheet, un.fingerprint, un.cellsWritten, un.warnings]).toEqual(["2025-10", "2025年10月", f.fingerprint, 0, []]);
    expect(un.plan.protectSheets).toEqual([{ sheet: "2025年10月", protect: false }]);
    const unLifted = ok(planUnfreezeMonth(lifted, { month: "2025-10", who: "李四", now: "2025-11-06 09:00", reason: "录错" }));
    expect(unLifted.plan.protectSheets).toBeUndefined();
    expect(refusal(planUnfreezeMonth(snap, { month: "2025-10", who: "李四", now: NOW, reason: "x" }))[0]?.slice(0, 5)).toEqual(["error", "freeze-refused", AUDIT_SHEET_NAME, null, "考核月份 2025-10"]);
  });

  it("a frozen month whose inputs changed is settled on its signed total, and says so", async () => {
    const frozen = applyPlan(snap, ok(await planFreezeMonth(snap, { month: "2025-10", who: "张三", now: NOW })).plan);
    const complaintsCol = 2 + INDICATOR_FIELDS.findIndex((f) => f.header === "有效投诉数");
    const edited: WorkbookSnapshot = {
      sheets: frozen.sheets.map((s) => (s.name === "指标录入" ? { ...s, cells: s.cells.map((c) => (c.row === 2 && c.col === complaintsCol ? { ...c, value: 2 } : c)) } : s)),
    };
    const r = runWorkbook(edited, { asOf: AS_OF, now: "2025-11-06 09:00" });
    expect(coded(r.warnings, "frozen-total-used")).toEqual([
      ["warning", "frozen-total-used", "2025年10月", "E2", "考核得分", "2025-10", "2025年10月已定稿，结算按定稿时的考核得分 93.25 计，而按现有数据重算为 91.25", "2025-10 is frozen: settled on the signed total 93.25; the data now give 91.25"],
    ]);
    expect(r.json?.months[0]).toMatchObject({ month: "2025-10", total: "93.25", frozen: true, recomputedTotal: "91.25" });
    expect(r.json?.months[0]?.items["13"]).toBe("-2.00");
    expect(r.json?.months[0]?.recomputedItems?.["13"]).toBe("-4.00");
    const band = r.plan?.sheets.find((s) => s.name === EXPLAIN_SHEET_NAME)?.cells.find((c) => c.address === "A5")?.value;
    expect(band).toBe(`2025年10月　【已定稿：${NOW}，张三；定稿后输入或得分有改动，本节按当前输入计算，与已定稿的考核表不同】`);
  });
});

describe("撤销上次写入", () => {
  it("puts the recorded cells back, deletes what the write created and 撤销记录 itself", () => {
    const snap = book([card("2025-10")], example());
    const run = runWorkbook(snap, { asOf: AS_OF, now: NOW });
    const written = applyPlan(snap, run.plan!);
    const undo = planUndo(written);
    if ("error" in undo) throw new Error(undo.error);
    expect(undo.cellsRestored).toBe(29);
    expect(undo.deletedSheets).toEqual([EXPLAIN_SHEET_NAME]);
    expect(undo.plan.deleteSheets).toEqual([EXPLAIN_SHEET_NAME, UNDO_SHEET_NAME]);
    expect(undo.changedSince).toEqual([]);
    // 撤销记录 found whatever its case (an English-named copy typed by hand is the same sheet).
    const renamed: WorkbookSnapshot = { sheets: written.sheets.map((s) => (s.name === UNDO_SHEET_NAME ? { ...s, name: UNDO_SHEET_NAME.toLowerCase() } : s)) };
    const again = planUndo(renamed);
    if (!("error" in again)) expect(again.plan.deleteSheets?.at(-1)).toBe(UNDO_SHEET_NAME.toLowerCase());
    const none = planUndo(snap);
    expect("error" in none).toBe(true);
  });
});

describe("the cells that make a month (what a freeze records)", () => {
  it("its owned cells named by item, its 指标录入 row, its events and the reports scored in it", () => {
    const d = example();
    d.events.push({ ...d.events[0]!, month: "2025-09", matterId: "BY-9" });
    d.reports.push({ kind: "月报", period: "2025-10", submitted: "2025-11-05", extensionApproved: false }, { kind: "周报", period: "x", submitted: null, extensionApproved: false });
    const snap = book([card("2025-10")], d);
    const inputs = readInputs(snap);
    const found = findScorecards(snap).scorecards[0]!;
    const refs = monthCellRefs(found, inputs, "2025-10", defaultRules());
    expect(refs.slice(0, 3)).toEqual([
      { sheet: "2025年10月", cell: "G4", indicator: "单项得分（第1项 队伍建设）" },
      { sheet: "2025年10月", cell: "F4", indicator: "完成情况（第1项 队伍建设）" },
      { sheet: "2025年10月", cell: "G5", indicator: "单项得分（第2项 管理制度与能力）" },
    ]);
    expect(refs[28]).toEqual({ sheet: "2025年10月", cell: "E2", indicator: "考核得分" });
    expect(refs[29]).toEqual({ sheet: "指标录入", cell: "A2", indicator: "考核月份" });
    expect(refs.slice(29).map((r) => r.sheet)).toEqual([...Array(1 + INDICATOR_FIELDS.length).fill("指标录入"), ...Array(16).fill("加减分事件"), ...Array(4).fill("报告提交")]);
    // Events of 2025-10 only (rows 2 and 3), the 2025-09 月报 due in October (row 2), not the 2025-10 one nor the unreadable 周报.
    expect(refs.filter((r) => r.sheet === "加减分事件").map((r) => r.cell)).toEqual(["A2", "B2", "C2", "D2", "E2", "F2", "G2", "H2", "A3", "B3", "C3", "D3", "E3", "F3", "G3", "H3"]);
    expect(refs.filter((r) => r.sheet === "报告提交").map((r) => r.cell)).toEqual(["A2", "B2", "C2", "D2"]);
    // No scorecard, no data: only what the month has.
    expect(monthCellRefs(null, inputs, "2025-08", defaultRules())).toEqual([]);
    expect(monthCellRefs(null, inputs, "2025-11", defaultRules()).map((r) => r.cell)).toEqual(["A3", "B3", "C3", "D3"]);
  });
});

describe("runWorkbookAsync: the fingerprint of each frozen month", () => {
  it("equal when nothing changed; changed (and said so, naming 审计记录) when the month no longer scores the same", async () => {
    const snap = book([card("2025-10")], example());
    const frozen = applyPlan(snap, ok(await planFreezeMonth(snap, { month: "2025-10", who: "张三", now: NOW })).plan);
    const same = await runWorkbookAsync(frozen, { asOf: AS_OF, now: "2025-11-06 09:00" });
    expect(same.frozen.map((f) => f.change)).toEqual([null]);
    const given = await runWorkbookAsync(frozen, { asOf: AS_OF, now: "2025-11-06 09:00", frozenFingerprints: new Map([["2025-10", "0".repeat(64)]]) });
    expect(coded(given.warnings, "frozen-month-changed").map((w) => w.slice(0, 6))).toEqual([["warning", "frozen-month-changed", AUDIT_SHEET_NAME, null, "考核月份 2025-10", "2025-10"]]);
    // The month's data gone: it no longer scores, "" never matches.
    const gone: WorkbookSnapshot = { sheets: frozen.sheets.map((s) => (s.name === "指标录入" ? { ...s, cells: s.cells.filter((c) => c.row === 1) } : s)) };
    const r = await runWorkbookAsync(gone, { asOf: AS_OF, now: "2025-11-06 09:00" });
    expect(r.frozen[0]?.change?.fingerprintChanged).toBe(true);
    expect(r.json?.months).toEqual([]);
    expect(coded(r.warnings, "frozen-month-changed")[0]?.slice(2)).toEqual(["指标录入", "A2", "考核月份", "2025-10", "2025年10月已定稿，此单元格在定稿后被改动：「2025-10」 → （空）。定稿月份不会被改写；如确需重新评分，请先解除定稿并注明原因。", '2025-10 is frozen and this cell changed since: "2025-10" → null']);
  });
});

describe("problems read once, with the sheets that change the rules", () => {
  it("an unreadable cell and a missing column are not reported again as blank; a bad 规则设置 value and the 节假日安排 warnings are located", () => {
    const s = book([card("2025-10")], example(), [
      sheet("规则设置", [["参数", "值"], ["每分扣款比例", "abc"]]),
      sheet("节假日安排", [["日期", "类型", "说明"], ["2025-10-08", "班", "调"], ["2025-10-09", "休", "x"]]),
    ]);
    const ind = s.sheets.find((x) => x.name === "指标录入")!;
    ind.cells = ind.cells.map((c) => (c.row === 2 && c.col === 2 ? { ...c, value: "九" } : c)).filter((c) => c.col !== 3);
    const r = runWorkbook(s, { asOf: AS_OF });
    expect(r.errors.map(whole)).toEqual([
      ["error", "missing-column", "指标录入", null, "管理制度落实", undefined, "工作表「指标录入」的表头（第 1 行）缺少「管理制度落实」列", 'sheet "指标录入": the header (row 1) has no "管理制度落实" column'],
      ["error", "bad-value", "指标录入", "B2", "团队人数", "2025-10", "「团队人数」应为数字，实为「九」", '"团队人数" must be a number, got "九"'],
      ["error", "bad-setting", "规则设置", "B2", "每分扣款比例", undefined, "规则参数「每分扣款比例」的值「abc」无效：应写成百分比，如 0.5%", 'rule parameter "每分扣款比例" value "abc" is invalid: must be written as a percentage, e.g. 0.5%'],
    ]);
    expect(coded(r.warnings, "holiday-overrides-library").map((w) => [w[2], w[3], w[4]])).toEqual([
      ["节假日安排", "B2", "类型"],
      ["节假日安排", "B3", "类型"],
    ]);
    expect(r.plan).toBeNull();
  });
});

describe("the --json shape and the options of a run", () => {
  it("each instalment whole (lateness to asOf), each warning's message, sheet and cell; errors are never listed as warnings", () => {
    const d = example();
    d.payments = [{ number: 1, invoiceDate: "2024-12-20", paidDate: null }];
    const r = runWorkbook(book([card("2025-10")], d), { asOf: AS_OF });
    // Due Mon 2025-01-06 (10 working days after Fri 2024-12-20), unpaid at 2025-12-31: 25 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 359 days.
    expect(r.json?.instalments).toEqual([{ number: 1, months: [], average: null, deduction: "0.00", payable: "275600.00", payableUpper: "人民币贰拾柒万伍仟陆佰元整", dueDate: "2025-01-06", paidDate: null, daysLate: 359, lateCharge: "2968212.00" }]);
    const plain = runWorkbook(book([card("2025-10")], example()), { asOf: AS_OF });
    expect(plain.json?.instalments[0]?.lateCharge).toBeNull();
    expect(plain.json?.warnings[0]).toEqual({ message: plain.warnings[0]?.message, messageEn: plain.warnings[0]?.messageEn, sheet: plain.warnings[0]?.sheet, cell: plain.warnings[0]?.cell });
    expect(plain.json?.warnings).toHaveLength(plain.warnings.length);
    expect(plain.plan?.sheets).toEqual([]);
    const bad = example();
    bad.payments = [{ number: 3, invoiceDate: "2025-12-01", paidDate: null }];
    const refused = runWorkbook(book([card("2025-10")], bad), { asOf: AS_OF });
    expect(refused.errors.length).toBeGreaterThan(0);
    expect(refused.warnings.every((w) => w.severity === "warning")).toBe(true);
    expect(refused.problems.filter((p) => p.severity === "error")).toEqual(refused.errors);
  });
});

describe("定稿 and 解除定稿, more", () => {
  it("an error of no month blocks every freeze; another month's warnings are not the frozen month's", async () => {
    const noMonth = book([card("2025-10")], example(), [sheet("规则设置", [["参数", "值"], ["每分扣款比例", "abc"]])]);
    expect(refusal(await planFreezeMonth(noMonth, { month: "2025-10", who: "张三", now: NOW })).map((e) => [e[1], e[2], e[3]])).toEqual([["bad-setting", "规则设置", "B2"]]);
    const d = example();
    d.indicators.push({ ...d.indicators[0]!, month: "2025-09" });
    const f = ok(await planFreezeMonth(book([card("2025-10"), card("2025-09")], d), { month: "2025-10", who: "张三", now: NOW }));
    expect(f.warnings.length).toBeGreaterThan(0);
    expect(f.warnings.filter((w) => w.month !== "2025-10")).toEqual([]);
  });

  it("records the month's cells as they will be after the freeze writes them", async () => {
    const snap = book([card("2025-10")], example());
    const frozen = applyPlan(snap, ok(await planFreezeMonth(snap, { month: "2025-10", who: "张三", now: NOW })).plan);
    const record = frozenMonths(readAudit(frozen)).get("2025-10");
    expect(record?.snapshot?.cells["2025年10月!E2"]).toBe(93.25);
    expect(record?.snapshot?.cells["2025年10月!G4"]).toBe(9);
    expect(record?.snapshot?.labels?.["2025年10月!E2"]).toBe("考核得分");
    expect(record?.snapshot?.cells["指标录入!B2"]).toBe(9);
  });

  it("unfreezing unprotects only the month's own scorecard and writes no cell", async () => {
    const d = example();
    d.indicators.push({ ...d.indicators[0]!, month: "2025-09" });
    const snap = book([card("2025-10"), card("2025-09", undefined, { protected: true })], d);
    const frozen = applyPlan(snap, ok(await planFreezeMonth(snap, { month: "2025-10", who: "张三", now: NOW })).plan);
    const un = ok(planUnfreezeMonth(frozen, { month: "2025-10", who: "李四", now: NOW, reason: "录错" }));
    expect(un.plan.protectSheets).toEqual([{ sheet: "2025年10月", protect: false }]);
    expect(un.plan.cellWrites).toEqual([]);
    expect(un.plan.sheets.map((x) => x.name)).toEqual([AUDIT_SHEET_NAME]);
  });
});

describe("several frozen months", () => {
  it("are listed in month order, whatever the order they were frozen in", async () => {
    const d = example();
    d.indicators.push({ ...d.indicators[0]!, month: "2025-09" });
    const snap = book([card("2025-10"), card("2025-09")], d);
    const oct = applyPlan(snap, ok(await planFreezeMonth(snap, { month: "2025-10", who: "张三", now: NOW })).plan);
    const both = applyPlan(oct, ok(await planFreezeMonth(oct, { month: "2025-09", who: "李四", now: "2025-11-06 09:00" })).plan);
    const r = runWorkbook(both, { asOf: AS_OF });
    expect(r.frozen.map((f) => [f.month, f.sheet, f.record.who])).toEqual([
      ["2025-09", "2025年9月", "李四"],
      ["2025-10", "2025年10月", "张三"],
    ]);
  });
});
