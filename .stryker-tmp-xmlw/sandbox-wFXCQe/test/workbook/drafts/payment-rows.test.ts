/**
 * The pane's 付款记录 editor without React (src/workbook/drafts/payment-rows.ts): a draft per
 * instalment loaded from the sheet as the reader reads it, checked by the reader and settle(), and
 * planned back cell by cell — or refused with the sheet, the cell and the message.
 */
// @ts-nocheck

import { defaultRules } from "../../../src/domain";
import { applyPlanToSnapshot } from "../../../src/workbook/drafts/input-rows";
import { loadPaymentDraft, paymentDraftChanged, planPaymentDraft, validatePaymentDraft, type PaymentDraft } from "../../../src/workbook/drafts/payment-rows";
import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { isoToSerial } from "../../../src/workbook/read/grid";
import { readInputs } from "../../../src/workbook/read/read-inputs";
import { type Cell, sheet } from "../../fixtures/sheet-rows";

const d = (iso: string): Cell => ({ v: isoToSerial(iso), f: "yyyy-mm-dd" });

/** 付款记录 as the example workbook has it: instalments 1 and 2 invoiced and paid, 3 not yet. */
function book(
  rows: Cell[][] = [
    ["笔次", "发票日期", "实付日期"],
    [1, d("2024-12-10"), d("2024-12-20")],
    [2, d("2025-06-16"), d("2025-07-28")],
    [3, null, null],
  ],
): WorkbookSnapshot {
  return { sheets: [sheet("付款记录", rows)] };
}

function edit(draft: PaymentDraft, n: number, values: Partial<Record<"invoiceDate" | "receivedDate" | "paidDate", string>>): PaymentDraft {
  return { ...draft, rows: draft.rows.map((r) => (r.number === n ? { ...r, ...values } : r)) };
}

const writes = (r: ReturnType<typeof planPaymentDraft>) =>
  r.ok ? r.plan.cellWrites.flatMap((g) => g.writes.map((w) => `${g.sheet}!${w.address}=${w.value}${w.numberFormat ? ` (${w.numberFormat})` : ""}`)) : r.problems;

describe("loading", () => {
  it("gives one row per instalment of the contract, dates as ISO, with its sheet row", () => {
    const draft = loadPaymentDraft(book());
    expect(draft.present).toBe(true);
    expect(draft.rows).toEqual([
      { number: 1, row: 2, invoiceDate: "2024-12-10", receivedDate: "", paidDate: "2024-12-20" },
      { number: 2, row: 3, invoiceDate: "2025-06-16", receivedDate: "", paidDate: "2025-07-28" },
      { number: 3, row: 4, invoiceDate: "", receivedDate: "", paidDate: "" },
    ]);
    expect(paymentDraftChanged(draft)).toBe(false);
  });

  it("reads the reader's aliases and text dates, and shows an unreadable cell as typed", () => {
    const draft = loadPaymentDraft(
      book([
        ["付款笔次", "开票日期", "付款日期", "发票签收日期"],
        ["第2笔", "2025年6月16日", "6月16", d("2025-06-18")],
      ]),
    );
    expect(draft.rows[1]).toEqual({ number: 2, row: 2, invoiceDate: "2025-06-16", receivedDate: "2025-06-18", paidDate: "6月16" });
    expect(draft.rows[0]).toEqual({ number: 1, row: null, invoiceDate: "", receivedDate: "", paidDate: "" });
  });

  it("without a 付款记录 sheet: blank rows, not present", () => {
    const draft = loadPaymentDraft({ sheets: [] });
    expect(draft.present).toBe(false);
    expect(draft.rows.map((r) => r.row)).toEqual([null, null, null]);
  });
});

describe("checking (the reader's and settle()'s own rules)", () => {
  it("names each problem at its instalment and field, errors first", () => {
    let draft = loadPaymentDraft(book());
    draft = edit(draft, 1, { invoiceDate: "2035-01-04", paidDate: "6月16" });
    draft = edit(draft, 2, { receivedDate: "2025-06-15", paidDate: "2025-06-10" });
    draft = edit(draft, 3, { invoiceDate: "2025-12-05" });
    const problems = validatePaymentDraft(draft, defaultRules()).map((p) => [p.severity, p.number, p.field, p.message]);
    expect(problems).toEqual([
      ["error", 1, "paidDate", "「实付日期」应为日期（如 2025-10-13），实为「6月16」"],
      ["error", 2, "receivedDate", "第2笔收票日期 2025-06-15 早于发票日期 2025-06-16"],
      ["error", 2, "paidDate", "第2笔实付日期 2025-06-10 早于发票日期 2025-06-16"],
      [
        "error",
        1,
        "invoiceDate",
        "第1笔：发票日期 2035-01-04 后 10 个工作日超出法定节假日日历的已知年份（2004–2026）；如需 2035 年：请在「节假日安排」工作表按国务院办公厅关于 2035 年部分节假日安排的通知逐日填写（日期 | 类型（休/班）| 说明），放假的日子填「休」，调休上班的日子填「班」",
      ],
      ["warning", 3, "invoiceDate", "第3笔发票日期 2025-12-05 早于合同约定的开票时点（2026-01-01 起）；付款期限自 2026-01-01 起算（A10）"],
    ]);
    expect(validatePaymentDraft(draft).find((p) => p.code === "paid-before-invoice")?.messageEn).toBe("instalment 2 paid 2025-06-10, before its invoice 2025-06-16");
  });

  it("a receipt without an invoice is an error; a payment without one a warning", () => {
    const draft = edit(edit(loadPaymentDraft(book()), 3, { receivedDate: "2026-01-05" }), 1, { invoiceDate: "" });
    expect(validatePaymentDraft(draft).map((p) => [p.severity, p.number, p.field, p.code])).toEqual([
      ["error", 3, "receivedDate", "received-without-invoice"],
      ["warning", 1, "invoiceDate", "paid-without-invoice"],
    ]);
  });

  it("the example's dates have no problem", () => {
    expect(validatePaymentDraft(loadPaymentDraft(book()))).toEqual([]);
  });
});

describe("planning", () => {
  it("writes only the changed cell, as a real date", () => {
    const snapshot = book();
    const draft = edit(loadPaymentDraft(snapshot), 3, { invoiceDate: "2026-01-05" });
    expect(paymentDraftChanged(draft)).toBe(true);
    const r = planPaymentDraft(snapshot, draft);
    expect(writes(r)).toEqual([`付款记录!B4=${isoToSerial("2026-01-05")} (yyyy-mm-dd)`]);
    expect(r.ok && r.changed).toBe(1);
    // read back by the reader: the run sees the new invoice
    const after = readInputs(applyPlanToSnapshot(snapshot, r.ok ? r.plan : { cellWrites: [], sheets: [] }));
    expect(after.payments[2]).toEqual({ number: 3, invoiceDate: "2026-01-05", paidDate: null });
  });

  it("clears a date with a blank cell; typed text is accepted as the reader reads it", () => {
    const snapshot = book();
    const draft = edit(loadPaymentDraft(snapshot), 2, { paidDate: "", invoiceDate: "2025年6月20日" });
    expect(writes(planPaymentDraft(snapshot, draft))).toEqual([`付款记录!B3=${isoToSerial("2025-06-20")} (yyyy-mm-dd)`, "付款记录!C3=null"]);
  });

  it("adds the 收票日期 header when the sheet has no such column", () => {
    const snapshot = book();
    const draft = edit(loadPaymentDraft(snapshot), 2, { receivedDate: "2025-06-18" });
    expect(writes(planPaymentDraft(snapshot, draft))).toEqual(["付款记录!D1=收票日期", `付款记录!D3=${isoToSerial("2025-06-18")} (yyyy-mm-dd)`]);
  });

  it("gives an instalment without a row the first empty row, with its 笔次", () => {
    const snapshot = book([
      ["笔次", "发票日期", "实付日期"],
      [1, d("2024-12-10"), d("2024-12-20")],
    ]);
    const draft = edit(loadPaymentDraft(snapshot), 2, { invoiceDate: "2025-06-16" });
    expect(writes(planPaymentDraft(snapshot, draft))).toEqual(["付款记录!A3=2", `付款记录!B3=${isoToSerial("2025-06-16")} (yyyy-mm-dd)`]);
  });

  it("creates 付款记录 as the template does when the workbook has none", () => {
    const draft = edit(loadPaymentDraft({ sheets: [] }), 2, { invoiceDate: "2025-06-16" });
    const r = planPaymentDraft({ sheets: [] }, draft);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.cellWrites).toEqual([]);
    expect(r.plan.sheets.map((s) => s.name)).toEqual(["付款记录"]);
    const created = applyPlanToSnapshot({ sheets: [] }, r.plan);
    expect(readInputs(created).payments).toEqual([
      { number: 1, invoiceDate: null, paidDate: null },
      { number: 2, invoiceDate: "2025-06-16", paidDate: null },
      { number: 3, invoiceDate: null, paidDate: null },
    ]);
  });

  it("refuses a draft with an error, naming the sheet, the cell and the instalment", () => {
    const snapshot = book();
    const draft = edit(edit(loadPaymentDraft(snapshot), 2, { paidDate: "2025-06-10" }), 3, { invoiceDate: "2026-13-01" });
    expect(planPaymentDraft(snapshot, draft)).toEqual({
      ok: false,
      problems: [
        {
          sheet: "付款记录",
          cell: "B4",
          message: "第3笔：「发票日期」应为日期（如 2025-10-13），实为「2026-13-01」",
          messageEn: 'instalment 3: "发票日期" must be a date (e.g. 2025-10-13), got "2026-13-01"',
        },
        { sheet: "付款记录", cell: "C3", message: "第2笔实付日期 2025-06-10 早于发票日期 2025-06-16", messageEn: "instalment 2 paid 2025-06-10, before its invoice 2025-06-16" },
      ],
    });
  });

  it("saves despite a warning (an early invoice is the engine's warning, not an error)", () => {
    const snapshot = book();
    const draft = edit(loadPaymentDraft(snapshot), 3, { invoiceDate: "2025-12-05" });
    expect(writes(planPaymentDraft(snapshot, draft))).toEqual([`付款记录!B4=${isoToSerial("2025-12-05")} (yyyy-mm-dd)`]);
  });

  it("does not write over a cell changed in the workbook since the draft was loaded", () => {
    const snapshot = book();
    const draft = edit(loadPaymentDraft(snapshot), 2, { paidDate: "2025-07-30" });
    const meanwhile = applyPlanToSnapshot(snapshot, { cellWrites: [{ sheet: "付款记录", writes: [{ address: "C3", value: isoToSerial("2025-07-29"), numberFormat: "yyyy-mm-dd" }] }], sheets: [] });
    expect(planPaymentDraft(meanwhile, draft)).toEqual({
      ok: false,
      problems: [
        {
          sheet: "付款记录",
          cell: "C3",
          message: "第2笔的「实付日期」在载入后已在工作簿中被修改（现为「2025-07-29」），未保存；请重新读取后再编辑",
          messageEn: 'instalment 2: "实付日期" changed in the workbook since it was loaded (now "2025-07-29"): not saved; reload and edit again',
        },
      ],
    });
  });

  it("an unchanged draft plans nothing", () => {
    const snapshot = book();
    expect(planPaymentDraft(snapshot, loadPaymentDraft(snapshot))).toEqual({ ok: true, plan: { cellWrites: [], sheets: [] }, changed: 0 });
  });
});
