/**
 * Issue 17: the pane's 付款记录 draft (src/workbook/drafts/payment-rows.ts) without React: loaded
 * from small snapshots, checked with the reader's and the engine's exact words at the instalment
 * and field, and planned into exact cells (values, formats, new rows, new header cells), every
 * refusal with its message and cell. Written from Stryker's survivors over that file.
 */
// @ts-nocheck

import type { WorkbookSnapshot } from "../../../src/workbook/model";
import { isoToSerial } from "../../../src/workbook/read/grid";
import {
  createPaymentRecordSheet,
  findTable,
  freeRows,
  loadPaymentDraft,
  PAYMENT_COLUMNS,
  paymentDraftChanged,
  PaymentDraft,
  PaymentRowDraft,
  planPaymentDraft,
  TableWrites,
  validatePaymentDraft,
} from "../../../src/workbook/drafts/payment-rows";
import { type Cell, sheet } from "../../fixtures/sheet-rows";

const book = (rows: Cell[][] | null, name = "付款记录"): WorkbookSnapshot => ({ sheets: [sheet("说明", [["付款记录说明"]]), ...(rows ? [sheet(name, rows, 1)] : [])] });
const row = (number: number, dates: Partial<Record<"invoiceDate" | "receivedDate" | "paidDate", string>> = {}, at: number | null = null): PaymentRowDraft => ({
  number,
  row: at,
  invoiceDate: dates.invoiceDate ?? "",
  receivedDate: dates.receivedDate ?? "",
  paidDate: dates.paidDate ?? "",
});
const edit = (draft: PaymentDraft, number: number, dates: Partial<Record<"invoiceDate" | "receivedDate" | "paidDate", string>>): PaymentDraft => ({
  ...draft,
  rows: draft.rows.map((r) => (r.number === number ? { ...r, ...dates } : r)),
});
const HEADER: Cell[] = ["笔次", "发票日期", "实付日期", "收票日期"];
const D = (iso: string): Cell => ({ v: isoToSerial(iso), f: "yyyy-mm-dd" });

describe("loading", () => {
  it("a workbook without 付款记录: one blank row per instalment, not present", () => {
    const d = loadPaymentDraft(book(null));
    expect(d).toEqual({ rows: [row(1), row(2), row(3)], origin: [row(1), row(2), row(3)], present: false });
  });

  it("each instalment from its sheet row: real dates as ISO, text as typed (trimmed), the first row of a number", () => {
    const d = loadPaymentDraft(book([["说明"], HEADER, [2, D("2025-06-16"), " 下周 ", null], [1, "2024年12月5日", 20241216, D("2024-12-06")], [2, "2025-07-01"]]));
    expect(d.present).toBe(true);
    expect(d.rows).toEqual([
      row(1, { invoiceDate: "2024-12-05", paidDate: "2024-12-16", receivedDate: "2024-12-06" }, 4),
      row(2, { invoiceDate: "2025-06-16", paidDate: "下周" }, 3),
      row(3),
    ]);
    expect(d.origin).toEqual(d.rows);
    expect(d.origin[0]).not.toBe(d.rows[0]);
  });

  it("a sheet without 收票日期 loads it blank; a sheet with no header loads nothing but is present", () => {
    const d = loadPaymentDraft(book([["笔次", "开票日期", "付款日期"], [1, "2024-12-05", "2024-12-16"]]));
    expect(d.rows[0]).toEqual(row(1, { invoiceDate: "2024-12-05", paidDate: "2024-12-16" }, 2));
    const none = loadPaymentDraft(book([["备注"], ["x"]]));
    expect(none).toEqual({ rows: [row(1), row(2), row(3)], origin: [row(1), row(2), row(3)], present: false });
  });

  it("changed: only when a trimmed date differs from what was loaded", () => {
    const d = loadPaymentDraft(book([HEADER, [1, "2024-12-05"]]));
    expect(paymentDraftChanged(d)).toBe(false);
    expect(paymentDraftChanged(edit(d, 1, { invoiceDate: " 2024-12-05 " }))).toBe(false);
    expect(paymentDraftChanged(edit(d, 1, { paidDate: "2024-12-16" }))).toBe(true);
    expect(paymentDraftChanged(edit(d, 3, { receivedDate: "x" }))).toBe(true);
    expect(paymentDraftChanged({ ...d, origin: [] })).toBe(true);
  });
});

describe("checking", () => {
  const draft = (rows: PaymentRowDraft[]): PaymentDraft => ({ rows, origin: rows, present: true });

  it("a clean draft has no problem", () => {
    expect(validatePaymentDraft(draft([row(1, { invoiceDate: "2024-12-05", receivedDate: "2024-12-06", paidDate: "2024-12-16" }), row(2), row(3)]))).toEqual([]);
  });

  it("a date the reader cannot read: its words, at the instalment and field", () => {
    expect(validatePaymentDraft(draft([row(1), row(2, { paidDate: "6月16" }), row(3)]))).toEqual([
      { severity: "error", code: "bad-value", message: "「实付日期」应为日期（如 2025-10-13），实为「6月16」", messageEn: '"实付日期" must be a date (e.g. 2025-10-13), got "6月16"', number: 2, field: "paidDate" },
    ]);
  });

  it("the engine's checks: a payment before the invoice (error) sorted before an early invoice (warning)", () => {
    const p = validatePaymentDraft(draft([row(1, { invoiceDate: "2024-12-01", paidDate: "2024-12-20" }), row(2, { invoiceDate: "2025-06-16", paidDate: "2025-06-10" }), row(3)]));
    expect(p.map((x) => [x.severity, x.code, x.number, x.field])).toEqual([
      ["error", "paid-before-invoice", 2, "paidDate"],
      ["warning", "early-invoice", 1, "invoiceDate"],
    ]);
    expect(p[0]?.message).toContain("第2笔");
  });

  it("a payment without an invoice is a warning at 发票日期; other engine warnings are left out", () => {
    const p = validatePaymentDraft(draft([row(1, { paidDate: "2024-12-20" }), row(2), row(3)]));
    expect(p.map((x) => [x.severity, x.code, x.number, x.field])).toEqual([["warning", "paid-without-invoice", 1, "invoiceDate"]]);
  });
});

describe("the sheet made whole", () => {
  it("holds the draft's dates as real dates, blanks blank, text as typed", () => {
    const spec = createPaymentRecordSheet([row(1, { invoiceDate: "2024-12-05", paidDate: "下周" }), row(3, { receivedDate: " 2026-01-05 " })]);
    const at = (a: string) => spec.cells.find((c) => c.address === a);
    expect(at("B2")).toMatchObject({ address: "B2", value: isoToSerial("2024-12-05"), numberFormat: "yyyy-mm-dd" });
    expect(at("C2")).toMatchObject({ address: "C2", value: "下周" });
    expect(at("D2")?.value).toBeNull();
    expect(at("D4")).toMatchObject({ value: isoToSerial("2026-01-05"), numberFormat: "yyyy-mm-dd" });
    expect(at("A3")?.value).toBe(2);
    expect(at("B3")?.value ?? null).toBeNull();
    expect(new Set(spec.cells.map((c) => c.address)).size).toBe(spec.cells.length);
  });
});

describe("planning", () => {
  it("nothing changed: an empty plan", () => {
    const snap = book([HEADER, [1, "2024-12-05"]]);
    expect(planPaymentDraft(snap, loadPaymentDraft(snap))).toEqual({ ok: true, plan: { cellWrites: [], sheets: [] }, changed: 0 });
  });

  it("only the changed cells, as real dates; a new instalment in the first free row with its 笔次", () => {
    const snap = book([["说明"], HEADER, [1, "2024-12-05", null, null], [], [3, null]]);
    const d = edit(edit(loadPaymentDraft(snap), 1, { paidDate: "2024-12-16", invoiceDate: "2024-12-05 " }), 2, { invoiceDate: "2025年6月16日", receivedDate: "2025-06-17" });
    expect(planPaymentDraft(snap, d)).toEqual({
      ok: true,
      plan: {
        cellWrites: [
          {
            sheet: "付款记录",
            writes: [
              { address: "C3", value: isoToSerial("2024-12-16"), numberFormat: "yyyy-mm-dd" },
              { address: "A4", value: 2 },
              { address: "B4", value: isoToSerial("2025-06-16"), numberFormat: "yyyy-mm-dd" },
              { address: "D4", value: isoToSerial("2025-06-17"), numberFormat: "yyyy-mm-dd" },
            ],
          },
        ],
        sheets: [],
      },
      changed: 4,
    });
  });

  it("a date cleared is written blank", () => {
    const snap = book([HEADER, [1, "2024-12-05", "2024-12-16"]]);
    const r = planPaymentDraft(snap, edit(loadPaymentDraft(snap), 1, { paidDate: " " }));
    expect(r).toEqual({ ok: true, plan: { cellWrites: [{ sheet: "付款记录", writes: [{ address: "C2", value: null }] }], sheets: [] }, changed: 1 });
  });

  it("a column the sheet lacks gets its header in the first free column of the header row", () => {
    const snap = book([["笔次", "发票日期", "实付日期", null, "备注"], [1, "2024-12-05", "2024-12-16"]]);
    const r = planPaymentDraft(snap, edit(loadPaymentDraft(snap), 1, { receivedDate: "2024-12-06" }));
    expect(r).toEqual({
      ok: true,
      plan: { cellWrites: [{ sheet: "付款记录", writes: [{ address: "F1", value: "收票日期" }, { address: "F2", value: isoToSerial("2024-12-06"), numberFormat: "yyyy-mm-dd" }] }], sheets: [] },
      changed: 2,
    });
  });

  it("no 付款记录: the sheet made whole, counting the changed dates", () => {
    const snap = book(null);
    const d = edit(loadPaymentDraft(snap), 2, { invoiceDate: "2025-06-16", paidDate: "2025-07-01" });
    const r = planPaymentDraft(snap, d);
    expect(r.ok && r.plan.cellWrites).toEqual([]);
    expect(r.ok && r.plan.sheets.map((s) => s.name)).toEqual(["付款记录"]);
    expect(r.ok && r.changed).toBe(2);
  });

  it("a 付款记录 without a header row: refused", () => {
    const snap = book([["说明"], ["x"]]);
    const r = planPaymentDraft(snap, edit(loadPaymentDraft(snap), 1, { invoiceDate: "2024-12-05" }));
    expect(r).toEqual({ ok: false, problems: [{ message: "工作表「付款记录」找不到表头行（应有：笔次、发票日期、实付日期），无法保存", messageEn: 'sheet "付款记录" has no header row (笔次, 发票日期, 实付日期): cannot save', sheet: "付款记录", cell: null }] });
  });

  it("a reader's error is refused naming the instalment, at the cell", () => {
    const snap = book([HEADER, [1, "2024-12-05"]]);
    const r = planPaymentDraft(snap, edit(loadPaymentDraft(snap), 1, { paidDate: "6月16" }));
    expect(r).toEqual({ ok: false, problems: [{ message: "第1笔：「实付日期」应为日期（如 2025-10-13），实为「6月16」", messageEn: 'instalment 1: "实付日期" must be a date (e.g. 2025-10-13), got "6月16"', sheet: "付款记录", cell: "C2" }] });
  });

  it("an engine error already naming the instalment is kept as it is; a row not in the sheet has no cell", () => {
    const snap = book([HEADER]);
    const r = planPaymentDraft(snap, edit(loadPaymentDraft(snap), 2, { invoiceDate: "2025-06-16", paidDate: "2025-06-10" }));
    expect(r.ok).toBe(false);
    const p = r.ok ? [] : r.problems;
    expect(p).toHaveLength(1);
    expect(p[0]?.message.startsWith("第2笔")).toBe(true);
    expect(p[0]?.message.startsWith("第2笔：第2笔")).toBe(false);
    expect(p[0]?.cell).toBeNull();
    expect(p[0]?.sheet).toBe("付款记录");
  });

  it("a cell changed in the workbook since loading is not written over", () => {
    const before = book([HEADER, [1, "2024-12-05", null]]);
    const d = edit(loadPaymentDraft(before), 1, { paidDate: "2024-12-16" });
    const after = book([HEADER, [1, "2024-12-05", "2024-12-18"]]);
    expect(planPaymentDraft(after, d)).toEqual({
      ok: false,
      problems: [{ message: "第1笔的「实付日期」在载入后已在工作簿中被修改（现为「2024-12-18」），未保存；请重新读取后再编辑", messageEn: 'instalment 1: "实付日期" changed in the workbook since it was loaded (now "2024-12-18"): not saved; reload and edit again', sheet: "付款记录", cell: "C2" }],
    });
    // moved to another row: refused too, at the new row
    const moved = book([HEADER, [], [1, "2024-12-05", null]]);
    const m = planPaymentDraft(moved, d);
    expect(m.ok ? [] : m.problems.map((p) => p.cell)).toEqual(["C3"]);
  });
});

describe("table helpers", () => {
  it("findTable: the row with the most names among the first 30, strict before loose, the first column of a name", () => {
    const t = findTable(book([["笔次"], ["笔次", "发票日期", "发票日期", "实付日期（yyyy-mm-dd）"]]), "付款记录", PAYMENT_COLUMNS);
    expect(t?.headerRow).toBe(2);
    expect([...(t?.cols ?? [])]).toEqual([["number", 1], ["invoiceDate", 2], ["paidDate", 4]]);
    expect(findTable(book([...Array.from({ length: 30 }, (): Cell[] => ["x"]), HEADER]), "付款记录", PAYMENT_COLUMNS)).toBeNull();
    expect(findTable(book([HEADER, HEADER]), "付款记录", PAYMENT_COLUMNS)?.headerRow).toBe(1);
    expect(findTable(book([HEADER]), "付款条款", PAYMENT_COLUMNS)).toBeNull();
  });

  it("freeRows: rows below the header with no cell, in order", () => {
    const t = findTable(book([["x"], HEADER, [1], [], [3], []]), "付款记录", PAYMENT_COLUMNS);
    const g = t ? freeRows(t) : null;
    expect([g?.next().value, g?.next().value, g?.next().value]).toEqual([4, 6, 7]);
  });

  it("TableWrites: the last write to a cell wins; a number format only when given; refusals default to no sheet and cell", () => {
    const w = new TableWrites();
    w.set("A", 1, 1, 1);
    w.set("A", 1, 1, 2, "0.00");
    w.set("B", 2, 3, "x");
    expect(w.result()).toEqual({ ok: true, plan: { cellWrites: [{ sheet: "A", writes: [{ address: "A1", value: 2, numberFormat: "0.00" }] }, { sheet: "B", writes: [{ address: "C2", value: "x" }] }], sheets: [] }, changed: 2 });
    w.refuse("不行", "no");
    expect(w.result()).toEqual({ ok: false, problems: [{ message: "不行", messageEn: "no", sheet: null, cell: null }] });
  });

  it("TableWrites.column: a known column; else right of every used header cell and every column added", () => {
    const t = findTable(book([["笔次", null, "实付日期"]]), "付款记录", PAYMENT_COLUMNS);
    if (!t) throw new Error("no table");
    const w = new TableWrites();
    expect(w.column(t, "paidDate", "实付日期")).toBe(3);
    expect(w.column(t, "invoiceDate", "发票日期")).toBe(4);
    expect(w.column(t, "receivedDate", "收票日期")).toBe(5);
    expect(w.result()).toEqual({ ok: true, plan: { cellWrites: [{ sheet: "付款记录", writes: [{ address: "D1", value: "发票日期" }, { address: "E1", value: "收票日期" }] }], sheets: [] }, changed: 2 });
  });
});
