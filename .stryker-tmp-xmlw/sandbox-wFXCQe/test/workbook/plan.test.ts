// @ts-nocheck
import ExcelJS from "exceljs";
import { ExcelFileAdapter } from "../../src/hosts/file/file-adapter";
import type { WorkbookSnapshot } from "../../src/workbook/model";
import { buildPaymentSheet, PAYMENT_SHEET_NAME } from "../../src/workbook/sheets/payment-sheet";
import { holdsWrite, runWorkbook } from "../../src/workbook/plan";
import { UNDO_SHEET_NAME } from "../../src/workbook/sheets/undo";
import { newExcelJsWorkbook as newWorkbook } from "../fixtures/exceljs-render";
import { buildTemplate, templatePlan } from "../../src/workbook/sheets/template";
import { defaultRules, INDICATOR_FIELDS } from "../../src/domain";
import { EXAMPLE_2025_10 } from "../../src/domain/example";
import { addInputSheets, addScorecard, exampleData, exampleWorkbook, loadWorkbook, TERM, toBuffer, yearData, yearWorkbook } from "../fixtures/workbooks";

async function snapshotOf(buffer: Uint8Array): Promise<WorkbookSnapshot> {
  return (await ExcelFileAdapter.fromBuffer(buffer)).read();
}

describe("runWorkbook: read → score → settle → plan", () => {
  it("plans only the owned cells of the SPEC §7 month, as numbers with 0.00 and text summaries", async () => {
    const { buffer, cells } = await exampleWorkbook();
    const result = runWorkbook(await snapshotOf(buffer), { asOf: "2025-12-31" });
    expect(result.ok).toBe(true);
    expect(result.plan?.sheets).toEqual([]);
    expect(result.plan?.cellWrites.map((w) => w.sheet)).toEqual(["2025年10月"]);
    const writes = result.plan?.cellWrites[0]?.writes ?? [];
    const owned = new Set([cells.totalCell, ...Object.values(cells.scoreCells), ...Object.values(cells.summaryCells)]);
    expect(writes.every((w) => owned.has(w.address))).toBe(true);
    expect(writes.every((w) => w.formula === undefined)).toBe(true);
    for (const w of writes) {
      if (typeof w.value === "number") expect(w.numberFormat).toBe("0.00");
      else expect(typeof w.value).toBe("string");
    }
    expect(result.json?.months).toEqual([
      { month: "2025-10", total: "93.25", items: { 1: "9.00", 2: "10.00", 3: "10.00", 4: "3.00", 5: "5.00", 6: "13.00", 7: "15.00", 8: "9.50", 9: "9.75", 10: "10.00", 11: "1.00", 12: "0.00", 13: "-2.00", 14: "0.00" } },
    ]);
    // Instalments 2 and 3 lack months and are not invoiced: pending, not an error.
    expect(result.pendingInstalments).toEqual([2, 3]);
    expect(result.json?.instalments).toEqual([{ number: 1, months: [], average: null, deduction: "0.00", payable: "275600.00", payableUpper: "人民币贰拾柒万伍仟陆佰元整", dueDate: null, paidDate: null, daysLate: null, lateCharge: null }]);
    const bonus = result.json?.warnings.find((w) => w.message.includes("BY-2025-102"));
    expect(bonus).toEqual(expect.objectContaining({ sheet: "加减分事件", cell: "F3" }));
  });

  it("settles a whole year: instalment 2 at 94.25, instalment 3 at 94.08", async () => {
    const { buffer } = await yearWorkbook();
    const result = runWorkbook(await snapshotOf(buffer), { asOf: "2025-12-31" });
    expect(result.errors).toEqual([]);
    expect(result.json?.months.map((m) => m.total)).toEqual(TERM.map((m) => (m === "2025-10" ? "93.25" : "94.25")));
    expect(result.json?.instalments).toEqual([
      // Instalment 1 invoiced Fri 2024-12-20: 12-23…27 (5), 12-30, 12-31 (7), 01-01 off, 01-02, 01-03 (9), Mon 01-06 (10); paid 12-30.
      { number: 1, months: [], average: null, deduction: "0.00", payable: "275600.00", payableUpper: "人民币贰拾柒万伍仟陆佰元整", dueDate: "2025-01-06", paidDate: "2024-12-30", daysLate: 0, lateCharge: "0.00" },
      { number: 2, months: TERM.slice(0, 6), average: "94.25", deduction: "645.94", payable: "343854.06", payableUpper: "人民币叁拾肆万叁仟捌佰伍拾肆元零陆分", dueDate: null, paidDate: null, daysLate: null, lateCharge: null },
      { number: 3, months: TERM.slice(6), average: "94.08", deduction: "792.35", payable: "68107.65", payableUpper: "人民币陆万捌仟壹佰零柒元陆角伍分", dueDate: null, paidDate: null, daysLate: null, lateCharge: null },
    ]);
    expect(result.plan?.cellWrites).toHaveLength(12);
  });

  it("hands the settlement to the 付款结算 hook, also while instalments are in progress (their blocks show the forecast)", async () => {
    const year = runWorkbook(await snapshotOf((await yearWorkbook()).buffer), { asOf: "2025-12-31", buildPaymentSheet });
    expect(year.plan?.sheets.map((s) => s.name)).toEqual([PAYMENT_SHEET_NAME]);
    const month = runWorkbook(await snapshotOf((await exampleWorkbook()).buffer), { asOf: "2025-12-31", buildPaymentSheet });
    expect(month.ok).toBe(true);
    expect(month.pendingInstalments).toEqual([2, 3]);
    const sheet = month.plan?.sheets.find((s) => s.name === PAYMENT_SHEET_NAME);
    const texts = (sheet?.cells ?? []).map((c) => String(c.value ?? ""));
    expect(texts.filter((t) => t.includes("进行中，尚未结算"))).toHaveLength(2);
  });

  it("refuses an invoiced instalment whose months are not all scored, naming the month", async () => {
    const data = yearData();
    data.indicators = data.indicators.filter((i) => i.month !== "2025-03");
    data.payments = [{ number: 2, invoiceDate: "2025-06-10", paidDate: null }];
    const { buffer } = await yearWorkbook(data);
    const result = runWorkbook(await snapshotOf(buffer), { asOf: "2025-12-31" });
    expect(result.ok).toBe(false);
    expect(result.plan).toBeNull();
    const missing = result.errors.filter((e) => e.code === "missing-month");
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toContain("2025年3月");
    expect(missing[0]?.month).toBe("2025-03");
  });

  it("refuses any incomplete instalment under requireAllInstalments", async () => {
    const { buffer } = await exampleWorkbook();
    const result = runWorkbook(await snapshotOf(buffer), { asOf: "2025-12-31", requireAllInstalments: true });
    expect(result.ok).toBe(false);
    expect(result.errors.filter((e) => e.code === "missing-month")).toHaveLength(11);
  });

  it("leaves protected sheets and sheets without data alone, and warns", async () => {
    const wb = new ExcelJS.Workbook();
    addScorecard(wb, { sheetName: "2025年10月", month: "2025-10" });
    addScorecard(wb, { sheetName: "2025年11月", month: "2025-11" });
    const data = exampleData();
    data.indicators.push({ ...data.indicators[0]!, month: "2025-09" });
    addInputSheets(wb, data);
    await wb.getWorksheet("2025年10月")!.protect("", {});
    const result = runWorkbook(await snapshotOf(await toBuffer(wb)), { asOf: "2025-12-31" });
    expect(result.ok).toBe(true);
    expect(result.plan?.cellWrites).toEqual([]);
    const codes = result.warnings.map((w) => `${w.code}:${w.sheet}`);
    expect(codes).toContain("scorecard-protected:2025年10月");
    expect(codes).toContain("scorecard-without-data:2025年11月");
    expect(codes).toContain("month-without-scorecard:指标录入");
    expect(result.json?.months.map((m) => m.month)).toEqual(["2025-09", "2025-10"]);
  });

  it("writes nothing when one month of many is bad, and names it", async () => {
    const data = yearData();
    const june = data.indicators.find((i) => i.month === "2025-06")!;
    june.ticketsPassed = 120;
    const result = runWorkbook(await snapshotOf((await yearWorkbook(data)).buffer), { asOf: "2025-12-31" });
    expect(result.plan).toBeNull();
    expect(result.errors.map((e) => [e.sheet, e.cell, e.indicator, e.code])).toEqual([["指标录入", "U8", "合格工单数", "passed-above-sampled"]]);
  });

  it("scores the product's own template once 2025-10 is filled in (its 规则设置 at the defaults)", async () => {
    const wb = newWorkbook(templatePlan(buildTemplate({ from: "2024-12", months: 12 })));
    const ind = wb.getWorksheet("指标录入")!;
    expect(ind.getCell("A12").value).toBe("2025-10");
    const example = EXAMPLE_2025_10.indicators;
    INDICATOR_FIELDS.forEach((f, i) => {
      const v = example[f.key];
      ind.getCell(12, i + 2).value = typeof v === "boolean" ? (v ? "是" : "否") : v;
    });
    const ev = wb.getWorksheet("加减分事件")!;
    EXAMPLE_2025_10.events.forEach((e, i) =>
      [e.month, "加分", e.level, e.matterId, e.description, e.evidence ? "有" : "无", "是", "是"].forEach((v, j) => (ev.getCell(i + 2, j + 1).value = v)),
    );
    const rep = wb.getWorksheet("报告提交")!;
    rep.getCell("A2").value = "月报";
    rep.getCell("B2").value = "2025-09";
    rep.getCell("C2").value = new Date(Date.UTC(2025, 9, 13));
    rep.getCell("D2").value = "否";
    const result = runWorkbook(await snapshotOf(await toBuffer(wb)), { asOf: "2025-12-31" });
    expect(result.errors).toEqual([]);
    expect(result.rules.options).toEqual(defaultRules().options);
    expect(Number(result.rules.contract.total)).toBe(689000);
    expect({ ...result.rules.contract, total: defaultRules().contract.total }).toEqual(defaultRules().contract);
    expect(result.json?.months.map((m) => [m.month, m.total])).toEqual([["2025-10", "93.25"]]);
    expect(result.plan?.cellWrites.map((c) => c.sheet)).toEqual(["2025年10月"]);
    expect(result.plan?.cellWrites[0]?.writes.find((w) => w.address === "H2")?.value).toBe(93.25);
    expect(result.warnings.filter((w) => w.code === "scorecard-without-data")).toHaveLength(11);
  });
});

describe("planScores writes only what changes", () => {
  const NOW = "2025-11-05 14:30";
  const NOTHING_RECORDED = ["（本次写入没有原为空的单元格）", "（本次写入没有改动原有内容的单元格）"];

  async function scored(buffer: Uint8Array): Promise<Uint8Array> {
    const adapter = await ExcelFileAdapter.fromBuffer(buffer);
    const result = runWorkbook(await adapter.read(), { asOf: "2025-12-31", now: NOW, buildPaymentSheet });
    if (!result.plan) throw new Error(result.errors.map((e) => e.message).join("\n"));
    await adapter.apply(result.plan);
    return adapter.save();
  }

  /** What 撤销记录 records: the written values of the compact lists (column C, JSON), and the address of each row of the one-row-per-cell table (a type in D). */
  const recorded = (plan: { sheets: { name: string; cells: { address: string; value: unknown }[] }[] } | null): string[] => {
    const cells = plan?.sheets.find((s) => s.name === UNDO_SHEET_NAME)?.cells ?? [];
    const out: string[] = [];
    for (const c of cells) {
      if (/^C\d+$/.test(c.address) && typeof c.value === "string" && c.value.startsWith("[")) out.push(...(JSON.parse(c.value) as string[]));
      if (/^D\d+$/.test(c.address) && ["空", "文本", "数字", "布尔"].includes(String(c.value))) out.push(String(cells.find((b) => b.address === `B${c.address.slice(1)}`)?.value));
    }
    return out;
  };

  it("scoring the scored workbook again plans no owned cell, and its 撤销记录 records none", async () => {
    const { buffer } = await yearWorkbook();
    const first = runWorkbook(await snapshotOf(buffer), { asOf: "2025-12-31", now: NOW, buildPaymentSheet });
    const firstWrites = first.plan?.cellWrites.reduce((n, g) => n + g.writes.length, 0) ?? 0;
    expect(firstWrites).toBeGreaterThan(300);
    expect(recorded(first.plan)).toHaveLength(firstWrites);

    const again = runWorkbook(await snapshotOf(await scored(buffer)), { asOf: "2025-12-31", now: NOW, buildPaymentSheet });
    expect(again.ok).toBe(true);
    expect(again.json).toEqual(first.json);
    expect(again.plan?.cellWrites).toEqual([]);
    expect(again.plan?.sheets.map((s) => s.name)).toEqual(first.plan?.sheets.map((s) => s.name));
    expect(recorded(again.plan)).toEqual([]);
    expect(again.plan?.sheets.find((s) => s.name === UNDO_SHEET_NAME)?.cells.map((c) => c.value)).toEqual(expect.arrayContaining(NOTHING_RECORDED));
  });

  it("rewrites an owned cell whose number format, formula or value differs, and only those", async () => {
    const { buffer } = await yearWorkbook();
    const wb = await loadWorkbook(await scored(buffer));
    const oct = wb.getWorksheet("2025年10月")!;
    expect(oct.getCell("H2").value).toBe(93.25);
    // (A loaded file's cells share style objects: give each edited cell its own.)
    const restyle = (address: string, numFmt: string) => (oct.getCell(address).style = { ...oct.getCell(address).style, numFmt });
    restyle("H5", "0.0"); // same value, another format
    oct.getCell("H2").value = { formula: "93.25", result: 93.25 }; // same value, from a formula
    oct.getCell("H14").value = 0; // another value
    restyle("G5", "@"); // a summary: no format of its own to write, same text: left alone
    const result = runWorkbook(await snapshotOf(await toBuffer(wb)), { asOf: "2025-12-31", now: NOW });
    expect(result.plan?.cellWrites).toEqual([
      {
        sheet: "2025年10月",
        writes: [
          { address: "H5", value: 9, numberFormat: "0.00" },
          { address: "H14", value: 10, numberFormat: "0.00" },
          { address: "H2", value: 93.25, numberFormat: "0.00" }, // 考核得分 last, as always
        ],
      },
    ]);
    expect(recorded(result.plan).sort()).toEqual(["H14", "H2", "H5"]);
  });

  it("holdsWrite: the same value of the same type, not from a formula, in the written format", () => {
    const cell = { row: 2, col: 8, value: 93.25, numberFormat: "0.00" };
    expect(holdsWrite(cell, { address: "H2", value: 93.25, numberFormat: "0.00" })).toBe(true);
    expect(holdsWrite(cell, { address: "H2", value: 93.25 })).toBe(true);
    expect(holdsWrite(cell, { address: "H2", value: 93.25, numberFormat: "0.0" })).toBe(false);
    expect(holdsWrite(cell, { address: "H2", value: "93.25", numberFormat: "0.00" })).toBe(false);
    expect(holdsWrite({ ...cell, formula: "93.25" }, { address: "H2", value: 93.25, numberFormat: "0.00" })).toBe(false);
    expect(holdsWrite(cell, { address: "H2", value: 93.25, numberFormat: "0.00", formula: "93.25" })).toBe(false);
    expect(holdsWrite(undefined, { address: "H2", value: null })).toBe(true);
    expect(holdsWrite(undefined, { address: "H2", value: null, numberFormat: "0.00" })).toBe(false);
    expect(holdsWrite(undefined, { address: "H2", value: "" })).toBe(false);
  });
});
