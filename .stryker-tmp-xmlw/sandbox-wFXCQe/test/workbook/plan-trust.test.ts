/**
 * Trust wired into the run (plan.ts): 计算说明 and, last, 撤销记录 on every run given `now`; frozen
 * months (审计记录) never rewritten, their changes reported on every run (cells, and the SHA-256
 * fingerprint in runWorkbookAsync); planFreezeMonth / planUnfreezeMonth / planUndo.
 */
// @ts-nocheck

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { defaultRules, MonthKey } from "../../src/domain";
import { AUDIT_SHEET_NAME, frozenMonths, readAudit } from "../../src/workbook/sheets/audit";
import { EXPLAIN_SHEET_NAME } from "../../src/workbook/sheets/explain-sheet";
import { ExcelFileAdapter } from "../../src/hosts/file/file-adapter";
import { a1, type SheetSpec, type WorkbookSnapshot, type WritePlan } from "../../src/workbook/model";
import { buildPaymentSheet, PAYMENT_SHEET_NAME } from "../../src/workbook/sheets/payment-sheet";
import { planFreezeMonth, planUndo, planUnfreezeMonth, runWorkbook, runWorkbookAsync, TrustResult } from "../../src/workbook/plan";
import { expandRanges, UNDO_SHEET_NAME } from "../../src/workbook/sheets/undo";
import { exampleWorkbook, indicatorCell, loadWorkbook, toBuffer, yearData, yearWorkbook } from "../fixtures/workbooks";

const NOW = "2025-11-05 14:30";
const AS_OF = "2025-12-31";
const OCT = "2025年10月";

async function snapshotOf(buffer: Uint8Array): Promise<WorkbookSnapshot> {
  return (await ExcelFileAdapter.fromBuffer(buffer)).read();
}

async function applied(buffer: Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  const adapter = await ExcelFileAdapter.fromBuffer(buffer);
  await adapter.apply(plan);
  return adapter.save();
}

async function edited(buffer: Uint8Array, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await loadWorkbook(buffer);
  edit(wb);
  return toBuffer(wb);
}

function ok(r: TrustResult): Extract<TrustResult, { ok: true }> {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("\n"));
  return r;
}

function refusedWith(r: TrustResult): string {
  if (r.ok) throw new Error("expected a refusal");
  return r.errors.map((e) => `${e.sheet ?? ""}!${e.cell ?? ""}（${e.indicator}）${e.message}`).join("\n");
}

function sheet(plan: WritePlan | null, name: string): SheetSpec {
  const s = plan?.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no ${name} in the plan`);
  return s;
}

function valueAt(spec: SheetSpec, address: string): unknown {
  return spec.cells.find((c) => c.address === address)?.value;
}

/** The rows of a SheetSpec as arrays of values by column A…G. */
function rows(spec: SheetSpec): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  for (const c of spec.cells) {
    const m = /^([A-Z])(\d+)$/.exec(c.address);
    if (!m) continue;
    const r = Number(m[2]);
    const row = out.get(r) ?? [];
    row[(m[1] ?? "A").charCodeAt(0) - 65] = c.value;
    out.set(r, row);
  }
  return out;
}

describe("runWorkbook: 计算说明 and 撤销记录 on every run given `now`", () => {
  it("plans 计算说明 then 撤销记录 (last), recording every owned cell the run changes", async () => {
    const { buffer, cells } = await exampleWorkbook();
    const result = runWorkbook(await snapshotOf(buffer), { asOf: AS_OF, now: NOW });
    expect(result.ok).toBe(true);
    expect(result.plan?.sheets.map((s) => s.name)).toEqual([EXPLAIN_SHEET_NAME, UNDO_SHEET_NAME]);
    const explain = sheet(result.plan, EXPLAIN_SHEET_NAME);
    expect(String(valueAt(explain, "A3"))).toContain(`生成时间：${NOW}`);
    expect(valueAt(explain, "A5")).toBe(OCT);

    const undo = sheet(result.plan, UNDO_SHEET_NAME);
    expect(valueAt(undo, "B2")).toBe(NOW);
    const table = [...rows(undo).values()];
    // Whole sheets: 计算说明 did not exist before → deleted by an undo.
    expect(table).toContainEqual([EXPLAIN_SHEET_NAME, "否", "删除"]);
    const writes = result.plan?.cellWrites[0]?.writes ?? [];
    expect(writes.length).toBe(29); // 14 单项得分 + 14 完成情况 + 考核得分
    // All 29 were empty: one compact row, the ranges and what was written, in the same order.
    const recorded = table.filter((r) => r[0] === OCT);
    expect(recorded).toHaveLength(1);
    const [, ranges, list] = recorded[0] as [string, string, string];
    const written = new Map((expandRanges(ranges) ?? []).map((p, i) => [a1(p.row, p.col), (JSON.parse(list) as string[])[i]]));
    expect(written.size).toBe(29);
    expect(written.get(cells.totalCell)).toBe("93.25");
    expect(written.get(cells.scoreCells[8] as string)).toBe("9.5");
  });

  it("without `now` plans no 计算说明 / 撤销记录 (the pure core, as before)", async () => {
    const { buffer } = await exampleWorkbook();
    expect(runWorkbook(await snapshotOf(buffer), { asOf: AS_OF }).plan?.sheets).toEqual([]);
  });

  it("records 付款结算 as a whole sheet created by the run, and stamps it with `now`", async () => {
    const { buffer } = await yearWorkbook();
    const result = await runWorkbookAsync(await snapshotOf(buffer), { asOf: AS_OF, now: NOW, buildPaymentSheet });
    expect(result.plan?.sheets.map((s) => s.name)).toEqual([PAYMENT_SHEET_NAME, EXPLAIN_SHEET_NAME, UNDO_SHEET_NAME]);
    const table = [...rows(sheet(result.plan, UNDO_SHEET_NAME)).values()];
    expect(table).toContainEqual([PAYMENT_SHEET_NAME, "否", "删除"]);
    const compact = table.filter((r) => typeof r[2] === "string" && r[2].startsWith("["));
    expect(compact).toHaveLength(12);
    expect(compact.reduce((n, r) => n + (JSON.parse(r[2] as string) as string[]).length, 0)).toBe(12 * 29);
    expect(JSON.stringify(sheet(result.plan, PAYMENT_SHEET_NAME).cells)).toContain(NOW);
  });

  it("reads no clock anywhere in src/workbook", () => {
    const dir = path.join(__dirname, "..", "..", "src", "workbook");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(files).toEqual(expect.arrayContaining(["plan.ts", path.join("sheets", "undo.ts"), path.join("read", "read-inputs.ts")]));
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), "utf8");
      expect({ file, clock: /Date\.now\(|new Date\(\s*\)|performance\.now\(/.test(text) }).toEqual({ file, clock: false });
    }
  });
});

describe("frozen months (定稿) in runWorkbook", () => {
  let year: Buffer;
  let frozenBuffer: Uint8Array;
  let freeze: Extract<TrustResult, { ok: true }>;

  beforeAll(async () => {
    year = (await yearWorkbook()).buffer;
    freeze = ok(await planFreezeMonth(await snapshotOf(year), { month: "2025-10", who: "张三", now: NOW }, { asOf: AS_OF }));
    frozenBuffer = await applied(year, freeze.plan);
  });

  it("freezing writes the month's scores, records the row and protects the sheet", async () => {
    expect(freeze.cellsWritten).toBe(29);
    expect(freeze.plan.protectSheets).toEqual([{ sheet: OCT, protect: true }]);
    expect(freeze.plan.sheets.map((s) => s.name)).toEqual([AUDIT_SHEET_NAME, EXPLAIN_SHEET_NAME, UNDO_SHEET_NAME]);
    const snap = await snapshotOf(frozenBuffer);
    expect(snap.sheets.find((s) => s.name === OCT)?.protected).toBe(true);
    const record = frozenMonths(readAudit(snap)).get("2025-10");
    expect(record).toEqual(expect.objectContaining({ month: "2025-10", at: NOW, who: "张三", rulesVersion: defaultRules().version, fingerprint: freeze.fingerprint }));
    expect(record?.note).toContain("无密码");
    expect(record?.snapshot?.cells[`${OCT}!H2`]).toBe(93.25);
    expect(record?.snapshot?.labels?.[`${OCT}!H2`]).toBe("考核得分");
    expect(Object.keys(record?.snapshot?.cells ?? {}).some((k) => k.startsWith("指标录入!"))).toBe(true);
  });

  it("leaves a frozen, unchanged month out of the plan and reports no change (fingerprint equal)", async () => {
    const result = await runWorkbookAsync(await snapshotOf(frozenBuffer), { asOf: AS_OF, now: NOW });
    expect(result.ok).toBe(true);
    expect(result.frozen).toEqual([expect.objectContaining({ month: "2025-10", sheet: OCT, change: null })]);
    const written = result.plan?.cellWrites.map((w) => w.sheet) ?? [];
    expect(written).toHaveLength(11);
    expect(written).not.toContain(OCT);
    expect(result.plan?.protectSheets).toBeUndefined(); // already protected
    expect(result.warnings.filter((w) => w.code === "frozen-month-changed")).toEqual([]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: "scorecard-frozen", sheet: OCT, month: "2025-10" }));
    const band = sheet(result.plan, EXPLAIN_SHEET_NAME).cells.find((c) => typeof c.value === "string" && c.value.startsWith(OCT));
    expect(band?.value).toBe(`${OCT}　【已定稿：${NOW}，张三】`);
  });

  it("reports an input changed since the freeze on every run, naming 指标录入 and the cell; the month is not rewritten", async () => {
    let cell = "";
    const changed = await edited(frozenBuffer, (wb) => {
      const c = indicatorCell(wb, "2025-10", "团队人数");
      cell = c.address;
      c.value = 10;
    });
    const snap = await snapshotOf(changed);
    for (const result of [await runWorkbookAsync(snap, { asOf: AS_OF, now: NOW }), runWorkbook(snap, { asOf: AS_OF, now: NOW })]) {
      expect(result.ok).toBe(true);
      const hits = result.warnings.filter((w) => w.code === "frozen-month-changed");
      expect(hits).toEqual([expect.objectContaining({ sheet: "指标录入", cell, indicator: "团队人数", month: "2025-10" })]);
      expect(hits[0]?.message).toContain("9 → 10");
      expect(result.plan?.cellWrites.map((w) => w.sheet)).not.toContain(OCT);
      expect(result.frozen[0]?.change?.changedCells).toEqual([`指标录入!${cell}`]);
    }
    const asyncRun = await runWorkbookAsync(snap, { asOf: AS_OF, now: NOW });
    expect(asyncRun.frozen[0]?.change?.fingerprintChanged).toBe(true);
    const band = sheet(asyncRun.plan, EXPLAIN_SHEET_NAME).cells.find((c) => typeof c.value === "string" && c.value.startsWith(OCT));
    expect(band?.value).toContain("定稿后输入或得分有改动");
    // The JSON shows what was signed (9 people: row 1 at 9.00, row 10 at 10.00), the total the
    // instalments are settled on, and beside it, named as such, the recomputation (10 people: row 1
    // in full, but 9 of 10 sat the exam: row 10 at 9.00, so the total is 93.25 again).
    const october = asyncRun.json?.months.find((m) => m.month === "2025-10");
    expect(october).toMatchObject({ total: "93.25", frozen: true, recomputedTotal: "93.25" });
    expect([october?.items["1"], october?.items["10"]]).toEqual(["9.00", "10.00"]);
    expect([october?.recomputedItems?.["1"], october?.recomputedItems?.["10"]]).toEqual(["10.00", "9.00"]);
  });

  it("reports a fingerprint mismatch even when no recorded cell changed (e.g. another rule set)", async () => {
    const snap = await snapshotOf(frozenBuffer);
    const result = runWorkbook(snap, { asOf: AS_OF, frozenFingerprints: new Map<MonthKey, string>([["2025-10", "0".repeat(64)]]) });
    const hit = result.warnings.find((w) => w.code === "frozen-month-changed");
    expect(hit).toEqual(expect.objectContaining({ sheet: AUDIT_SHEET_NAME, cell: null, indicator: "考核月份 2025-10" }));
    expect(hit?.message).toContain("指纹不符");
  });

  it("protects a frozen month's sheet again when someone lifted the protection", async () => {
    const snap = await snapshotOf(frozenBuffer);
    const lifted: WorkbookSnapshot = { sheets: snap.sheets.map((s) => (s.name === OCT ? { ...s, protected: false } : s)) };
    const result = runWorkbook(lifted, { asOf: AS_OF, now: NOW });
    expect(result.plan?.protectSheets).toEqual([{ sheet: OCT, protect: true }]);
    expect(result.plan?.cellWrites.map((w) => w.sheet)).not.toContain(OCT);
  });

  it("unfreezes with a reason: recorded, the sheet unprotected, and the next run rewrites the month", async () => {
    const snap = await snapshotOf(frozenBuffer);
    expect(refusedWith(planUnfreezeMonth(snap, { month: "2025-10", who: "李四", now: NOW, reason: "  " }))).toContain("必须注明原因");
    expect(refusedWith(planUnfreezeMonth(snap, { month: "2025-09", who: "李四", now: NOW, reason: "x" }))).toContain("未定稿");
    const un = ok(planUnfreezeMonth(snap, { month: "2025-10", who: "李四", now: "2025-11-06 09:00", reason: "团队人数录错" }));
    expect(un.plan.protectSheets).toEqual([{ sheet: OCT, protect: false }]);
    expect(un.plan.cellWrites).toEqual([]);
    expect(un.plan.sheets.map((s) => s.name)).toEqual([AUDIT_SHEET_NAME]);
    const after = await snapshotOf(await applied(frozenBuffer, un.plan));
    expect(after.sheets.find((s) => s.name === OCT)?.protected).toBeUndefined();
    const log = readAudit(after);
    expect(log.rows.map((r) => [r.action, r.month, r.who, r.note])).toEqual([
      ["定稿", "2025-10", "张三", expect.stringContaining("无密码")],
      ["解除定稿", "2025-10", "李四", "解除原因：团队人数录错"],
    ]);
    expect(frozenMonths(log).size).toBe(0);
    // No longer frozen. Its cells still hold what the freeze wrote: the next run has nothing to change there …
    const same = runWorkbook(after, { asOf: AS_OF, now: NOW });
    expect(same.frozen).toEqual([]);
    expect(same.warnings.filter((w) => w.code === "scorecard-frozen")).toEqual([]);
    expect(same.plan?.cellWrites.map((w) => w.sheet)).not.toContain(OCT);
    // … and once the wrong input is corrected, the next run rewrites the month.
    const corrected = await edited(await applied(frozenBuffer, un.plan), (wb) => {
      indicatorCell(wb, "2025-10", "团队人数").value = 10;
    });
    const result = runWorkbook(await snapshotOf(corrected), { asOf: AS_OF, now: NOW });
    expect(result.frozen).toEqual([]);
    const oct = result.plan?.cellWrites.find((w) => w.sheet === OCT)?.writes ?? [];
    expect(oct).toContainEqual({ address: "H5", value: 10, numberFormat: "0.00" }); // 团队人数 10: row 1 in full
    expect(oct.map((w) => w.address)).not.toContain("H2"); // 考核得分 still 93.25 (H14 fell to 9: 参考 9/10 人): not rewritten
  });
});

describe("planFreezeMonth: refusals", () => {
  it("refuses a month with an error, naming the cell; errors of other months do not block", async () => {
    const data = yearData();
    const bad = (month: MonthKey) => data.indicators.map((i) => (i.month === month ? { ...i, headcount: -1 } : i));
    const octBad = await snapshotOf((await yearWorkbook({ ...data, indicators: bad("2025-10") })).buffer);
    const msg = refusedWith(await planFreezeMonth(octBad, { month: "2025-10", who: "张三", now: NOW }));
    expect(msg).toMatch(/^指标录入!B\d+（团队人数）「团队人数」不能为负数/);
    const marBad = await snapshotOf((await yearWorkbook({ ...data, indicators: bad("2025-03") })).buffer);
    expect(ok(await planFreezeMonth(marBad, { month: "2025-10", who: "张三", now: NOW })).sheet).toBe(OCT);
  });

  it("refuses a month without data, a second freeze, a blank name; writes no cell when the sheet is current", async () => {
    const { buffer } = await exampleWorkbook();
    const snap = await snapshotOf(buffer);
    expect(refusedWith(await planFreezeMonth(snap, { month: "2025-09", who: "张三", now: NOW }))).toContain("没有该月已填写的数据");
    expect(refusedWith(await planFreezeMonth(snap, { month: "2025-10", who: " ", now: NOW }))).toContain("请填写操作人");

    const scored = await applied(buffer, runWorkbook(snap, { asOf: AS_OF, now: NOW }).plan as WritePlan);
    const current = ok(await planFreezeMonth(await snapshotOf(scored), { month: "2025-10", who: "张三", now: NOW, note: "双方已签字" }));
    expect(current.cellsWritten).toBe(0);
    expect(current.plan.cellWrites).toEqual([]);
    expect(current.plan.sheets.map((s) => s.name)).toEqual([AUDIT_SHEET_NAME]); // the score run's 撤销记录 is kept
    const frozen = await snapshotOf(await applied(scored, current.plan));
    expect(frozenMonths(readAudit(frozen)).get("2025-10")?.note).toBe(`工作表「${OCT}」已保护（无密码：防止误改，并非加密锁定）；双方已签字`);
    expect(refusedWith(await planFreezeMonth(frozen, { month: "2025-10", who: "张三", now: NOW }))).toContain("不能再次定稿");
  });
});

describe("planUndo", () => {
  it("restores the recorded cells, deletes the sheets the write created and uses up 撤销记录", async () => {
    const { buffer } = await yearWorkbook();
    const before = await snapshotOf(buffer);
    const run = await runWorkbookAsync(before, { asOf: AS_OF, now: NOW, buildPaymentSheet });
    const written = await applied(buffer, run.plan as WritePlan);
    const undo = planUndo(await snapshotOf(written));
    if ("error" in undo) throw new Error(undo.error);
    expect(undo.cellsRestored).toBe(12 * 29);
    expect(undo.deletedSheets.sort()).toEqual([EXPLAIN_SHEET_NAME, PAYMENT_SHEET_NAME].sort());
    expect(undo.plan.deleteSheets).toContain(UNDO_SHEET_NAME);
    expect(undo.changedSince).toEqual([]);
    const after = await snapshotOf(await applied(written, undo.plan));
    expect(after).toEqual(before);
    const again = planUndo(after);
    expect("error" in again && again.error).toContain("还没有可撤销的写入");
  });
});
