/**
 * settle() as the clerk reads it on 付款结算: each refusal of 付款记录 in its exact words and field,
 * A10's clock start named in the unknown-year error (发票日期 / 收票日期 / 最早开票日期), the early
 * invoice warning in each case, the boundaries (a receipt on the invoice day, an invoice on
 * 最早开票日期, 30 days late is not yet "more than 30"), and `only`. Written from Stryker's
 * survivors over src/domain/settlement.ts.
 */
// @ts-nocheck

import { DecimalInput, defaultRules, fixed2, InstalmentTerms, monthRange, PaymentRecord, RuleSet, settle } from "../../src/domain";
import { rules } from "./builders";

const ALL = monthRange(defaultRules().contract.firstMonth, defaultRules().contract.lastMonth);
const totals = (value: DecimalInput = "96"): Record<string, DecimalInput> => Object.fromEntries(ALL.map((m) => [m, value]));

function settled(payments: PaymentRecord[], r: RuleSet = defaultRules(), options: Parameters<typeof settle>[3] = {}, t = totals()) {
  const out = settle(t, payments, r, options);
  if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("; "));
  expect(out.warnings.map((w) => w.severity)).toEqual(out.warnings.map(() => "warning"));
  return out;
}

function refused(payments: PaymentRecord[], r: RuleSet = defaultRules(), t = totals()) {
  const out = settle(t, payments, r);
  expect(out.ok).toBe(false);
  if (!out.ok) expect(out.errors.map((e) => e.severity)).toEqual(out.errors.map(() => "error"));
  return out.ok ? [] : out.errors.map((e) => [e.code, e.field, e.message]);
}

const pay = (number: number, invoiceDate: string | null, paidDate: string | null = null, receivedDate?: string | null): PaymentRecord => ({ number, invoiceDate, paidDate, ...(receivedDate === undefined ? {} : { receivedDate }) });

describe("付款记录 refused, each in the clerk's words at its field", () => {
  it.each<[string, PaymentRecord[], [string, string, string][]]>([
    ["a 笔次 the contract does not have", [pay(4, "2025-06-10")], [["bad-instalment", "payments[0].number", "笔次「4」应为 1/2/3"]]],
    ["one 笔次 twice", [pay(2, "2025-06-10"), pay(2, "2025-06-11")], [["duplicate-instalment", "payments[1].number", "第2笔在「付款记录」中出现两次"]]],
    ["an invoice date that is no date", [pay(2, "2025-02-30")], [["bad-date", "payments[0].invoiceDate", "第2笔的发票日期「2025-02-30」不是有效日期"]]],
    ["a paid date that is no date", [pay(2, "2025-06-10", "2025-13-01")], [["bad-date", "payments[0].paidDate", "第2笔的实付日期「2025-13-01」不是有效日期"]]],
    ["a payment before its invoice", [pay(2, "2025-06-10", "2025-06-09")], [["paid-before-invoice", "payments[0].paidDate", "第2笔实付日期 2025-06-09 早于发票日期 2025-06-10"]]],
    ["a receipt before its invoice", [pay(2, "2025-06-10", null, "2025-06-09")], [["received-before-invoice", "payments[0].receivedDate", "第2笔收票日期 2025-06-09 早于发票日期 2025-06-10"]]],
    ["a receipt without an invoice", [pay(2, null, null, "2025-06-10")], [["received-without-invoice", "payments[0].receivedDate", "第2笔有收票日期 2025-06-10 但无发票日期"]]],
  ])("%s", (_n, payments, errors) => {
    expect(refused(payments)).toEqual(errors);
  });

  it("the English words name the instalment and the dates", () => {
    const en = (payments: PaymentRecord[]) => {
      const out = settle(totals(), payments, defaultRules());
      return [...(out.ok ? [] : out.errors), ...out.warnings].map((e) => e.messageEn);
    };
    expect([
      ...en([pay(2, "2025-06-10", null, "2025-06-09")]),
      ...en([pay(4, "2025-06-10")]),
      ...en([pay(2, "2025-06-10"), pay(2, "2025-06-11")]),
      ...en([pay(2, "2025-13-01")]),
      ...en([pay(2, null, null, "2025-06-10")]),
      ...en([pay(2, "2025-06-10", "2025-06-09")]),
      ...en([pay(2, null, "2025-06-09")]),
    ]).toEqual([
      "instalment 2: received 2025-06-09, before its invoice date 2025-06-10",
      'instalment number "4" must be one of 1, 2, 3',
      "instalment 2 appears twice in the payment record",
      'instalment 2: invoiceDate "2025-13-01" is not a date',
      "instalment 2 has a receipt date 2025-06-10 but no invoice date",
      "instalment 2 paid 2025-06-09, before its invoice 2025-06-10",
      "instalment 2 is paid but has no invoice date: no due date can be computed",
    ]);
  });

  it("a receipt that is no date is that error alone (not also 'before the invoice')", () => {
    expect(refused([pay(2, "2025-06-10", null, "2025-06-3")])).toEqual([["bad-date", "payments[0].receivedDate", "第2笔的收票日期「2025-06-3」不是有效日期"]]);
  });

  it("a receipt and a payment on the invoice day are fine", () => {
    const i = settled([pay(2, "2025-06-10", "2025-06-10", "2025-06-10")]).value.instalments[1];
    expect([i?.receivedDate, i?.clockStart, i?.status, i?.daysLate]).toEqual(["2025-06-10", "2025-06-10", "paid", 0]);
  });

  it("a receipt given as null, with no invoice, is no receipt (not 'a receipt without an invoice')", () => {
    const s = settled([pay(2, null, null, null)]);
    const i = s.value.instalments[1];
    expect([i?.receivedDate, i?.clockStart, i?.status]).toEqual([null, null, "not-invoiced"]);
    expect(s.warnings).toEqual([]);
  });

  it("a receipt given as null is no receipt", () => {
    const i = settled([pay(2, "2025-06-10", null, null)]).value.instalments[1];
    expect([i?.receivedDate, i?.clockStart, i?.dueDate]).toEqual([null, "2025-06-10", "2025-07-22"]);
  });

  it("paid without an invoice: a warning at 发票日期; paid, but no due date and no lateness", () => {
    const s = settled([pay(2, null, "2025-07-01")], defaultRules(), { asOf: "2025-12-31" });
    expect(s.warnings.filter((w) => w.code === "paid-without-invoice").map((w) => [w.field, w.message])).toEqual([["payments[0].invoiceDate", "第2笔有实付日期但无发票日期，无法计算付款期限"]]);
    const i = s.value.instalments[1];
    expect([i?.status, i?.clockStart, i?.dueDate, i?.daysLate, i?.paidDate]).toEqual(["paid", null, null, null, "2025-07-01"]);
  });

  it("status: not invoiced, invoiced, paid", () => {
    const s = settled([pay(2, "2025-06-10"), pay(3, "2026-01-05", "2026-01-20")]).value;
    expect(s.instalments.map((i) => i.status)).toEqual(["not-invoiced", "invoiced", "paid"]);
    expect(fixed2(s.totals.paid)).toBe(fixed2(s.instalments[2]!.payable));
  });
});

describe("A10: the clock start, as the unknown-year error names it", () => {
  // 30 working days after a day late in December 2026 run into 2027, which the library does not know.
  const late3 = (notBefore: string): RuleSet => {
    const [one, two, three] = defaultRules().contract.instalments as [InstalmentTerms, InstalmentTerms, InstalmentTerms];
    return rules({ contract: { instalments: [one, two, { ...three, invoiceNotBefore: notBefore }] } });
  };
  const unknown = (payments: PaymentRecord[], r: RuleSet = defaultRules()) => {
    const e = refused(payments, r).find((x) => x[0] === "unknown-date");
    return e ? [e[1], e[2]?.slice(0, e[2].indexOf("超出"))] : null;
  };
  it.each<[string, PaymentRecord, RuleSet, string]>([
    ["from the invoice", pay(3, "2026-12-20"), defaultRules(), "第3笔：发票日期 2026-12-20 后 30 个工作日"],
    ["from the receipt", pay(3, "2026-12-01", null, "2026-12-21"), defaultRules(), "第3笔：收票日期 2026-12-21 后 30 个工作日"],
    ["from 最早开票日期 (an early invoice held back)", pay(3, "2026-11-02"), late3("2026-12-22"), "第3笔：最早开票日期 2026-12-22 后 30 个工作日"],
  ])("%s", (_n, record, r, prefix) => {
    expect(unknown([pay(1, "2024-12-10"), record], r)).toEqual(["payments[1].invoiceDate", prefix]);
  });

  it("the message says which years are known and how to add one", () => {
    const out = settle(totals(), [pay(3, "2026-12-20")], defaultRules());
    const e = out.ok ? undefined : out.errors[0];
    expect(e?.message).toContain("超出法定节假日日历的已知年份（");
    expect(e?.message).toContain("2027");
    expect(e?.messageEn).toContain("instalment 3: 30 working days after 2026-12-20 run past the years the holiday calendar knows");
  });
});

describe("A10: the early invoice warning", () => {
  it("an invoice on 最早开票日期 is not early", () => {
    const s = settled([pay(2, "2025-06-01")]);
    expect(s.value.instalments[1]?.earlyInvoice).toBe(false);
    expect(s.warnings.some((w) => w.code === "early-invoice")).toBe(false);
  });

  it("an early invoice received after 最早开票日期: flagged, the clock from the receipt, no A10 words", () => {
    const s = settled([pay(2, "2025-05-20", null, "2025-06-03")]);
    expect(s.warnings.filter((w) => w.code === "early-invoice").map((w) => [w.field, w.message, w.messageEn])).toEqual([
      ["payments[0].invoiceDate", "第2笔发票日期 2025-05-20 早于合同约定的开票时点（2025-06-01 起）", "instalment 2 invoiced 2025-05-20, before the contract allows (2025-06-01)"],
    ]);
    expect(s.value.instalments[1]?.clockStart).toBe("2025-06-03");
  });

  it("an early invoice received on 最早开票日期 itself: the clock from the receipt, not held back", () => {
    const s = settled([pay(1, "2024-12-10"), pay(2, "2025-05-20", null, "2025-06-01")]);
    expect(s.warnings.filter((w) => w.code === "early-invoice").map((w) => [w.field, w.message])).toEqual([["payments[1].invoiceDate", "第2笔发票日期 2025-05-20 早于合同约定的开票时点（2025-06-01 起）"]]);
    expect(s.value.instalments[1]?.clockStart).toBe("2025-06-01");
  });

  it("the held-back case in English", () => {
    const s = settled([pay(2, "2025-05-20")]);
    expect(s.warnings.find((w) => w.code === "early-invoice")?.messageEn).toBe("instalment 2 invoiced 2025-05-20, before the contract allows (2025-06-01); the payment term runs from 2025-06-01 (A10)");
    const opt = settled([pay(2, "2025-05-20")], rules({ options: { paymentClockFromEarliest: false } }));
    expect(opt.warnings.find((w) => w.code === "early-invoice")?.messageEn).toBe("instalment 2 invoiced 2025-05-20, before the contract allows (2025-06-01); by the rule settings the term still runs from the invoice (or receipt) date (A10)");
  });

  it("an instalment without 最早开票日期 is never early, and its clock is the invoice's", () => {
    const [one, two, three] = defaultRules().contract.instalments as [InstalmentTerms, InstalmentTerms, InstalmentTerms];
    const r = rules({ contract: { instalments: [{ ...one, invoiceNotBefore: null }, two, three] } });
    const s = settled([pay(1, "2024-11-01")], r);
    expect([s.value.instalments[0]?.earlyInvoice, s.value.instalments[0]?.clockStart, s.value.instalments[0]?.invoiceNotBefore]).toEqual([false, "2024-11-01", null]);
    expect(s.warnings.some((w) => w.code === "early-invoice")).toBe(false);
  });

  it("no invoice: no clock, no due date, not early", () => {
    const i = settled([]).value.instalments[1];
    expect([i?.invoiceDate, i?.clockStart, i?.dueDate, i?.earlyInvoice, i?.status, i?.daysLate]).toEqual([null, null, null, false, "not-invoiced", null]);
  });
});

describe("lateness", () => {
  // Instalment 2 invoiced Tue 2025-06-10: due 2025-07-22 (30 working days); at 96, 344,500.00 payable, 3% a day 10,335.00.
  it("unpaid and late at asOf: said unpaid", () => {
    const s = settled([pay(2, "2025-06-10")], defaultRules(), { asOf: "2025-07-24" });
    expect(s.warnings.filter((w) => w.code.startsWith("payment-")).map((w) => [w.code, w.field, w.message, w.messageEn])).toEqual([
      ["payment-late", "payments[0].paidDate", "第2笔尚未支付，逾期 2 天（应付日 2025-07-22），违约金 20670.00 元", "instalment 2 is unpaid and 2 day(s) late (due 2025-07-22); late charge 20670.00"],
    ]);
    expect(s.value.asOf).toBe("2025-07-24");
  });

  it("the warning names the record's own row of 付款记录", () => {
    const s = settled([pay(1, "2024-12-10"), pay(2, "2025-06-10", "2025-07-23")]);
    expect(s.warnings.filter((w) => w.code === "payment-late").map((w) => [w.field, w.message])).toEqual([["payments[1].paidDate", "第2笔逾期 1 天（应付日 2025-07-22），违约金 10335.00 元"]]);
  });

  it("exactly 30 days late is not yet more than 30; 31 is", () => {
    const at30 = settled([pay(2, "2025-06-10", "2025-08-21")]);
    expect(at30.value.instalments[1]?.daysLate).toBe(30);
    expect(at30.value.instalments[1]?.overdue).toBe(false);
    expect(at30.warnings.map((w) => w.code)).toContain("payment-late");
    const at31 = settled([pay(2, "2025-06-10", "2025-08-22")]);
    expect(at31.value.instalments[1]?.overdue).toBe(true);
    expect(at31.warnings.find((w) => w.code === "payment-overdue-30")?.messageEn).toBe("instalment 2 was paid 31 day(s) late (due 2025-07-22); late charge 320385.00; more than 30 days: the operator may terminate");
  });

  it("without asOf an unpaid instalment's lateness is not known", () => {
    const i = settled([pay(2, "2025-06-10")]).value.instalments[1];
    expect([i?.daysLate, fixed2(i!.lateCharge), i?.overdue]).toEqual([null, "0.00", false]);
  });

  it("paid before the due date is 0 days late, not negative", () => {
    const i = settled([pay(2, "2025-06-10", "2025-07-01")], defaultRules(), { asOf: "2025-12-31" }).value.instalments[1];
    expect([i?.daysLate, fixed2(i!.lateCharge)]).toEqual([0, "0.00"]);
  });
});

describe("the deduction warning and `only`", () => {
  it("an average below 95 is warned about at the instalment, with the deduction", () => {
    const t = totals("96");
    for (const m of ALL.slice(0, 6)) t[m] = "93.40";
    const s = settled([], defaultRules(), {}, t);
    expect(s.warnings.filter((w) => w.code === "deduction").map((w) => [w.field, w.message, w.messageEn])).toEqual([
      ["instalment.2", "第2笔期间平均分 93.40 低于 95，扣款 1378.00 元", "instalment 2: average 93.40 is below 95; 1378.00 deducted"],
    ]);
  });

  it("the formula in words: not tied, full, two decimals as they are, the A3 steps when they differ", () => {
    const t = totals("96");
    for (const m of ALL.slice(0, 6)) t[m] = "93.45";
    const s = settled([], defaultRules(), {}, t).value;
    expect(s.instalments.map((i) => i.formula)).toEqual(["本笔不与考核得分挂钩，不扣款", "(95 − 93.45) = 1.55 分 × 0.5% × 季度服务费 172250.00 = 1334.94 元", "平均分 96.00 ≥ 95，全额结算"]);
    expect(s.instalments.map((i) => i.averageUnrounded?.toString() ?? null)).toEqual([null, "93.45", "96"]);
    for (const m of ALL.slice(0, 6)) t[m] = "93.40";
    const floor = settled([], rules({ options: { settlementSteps: "floor" } }), {}, t).value;
    expect(floor.instalments[1]?.formula).toBe("(95 − 93.40) = 1.60 分，按规则计 1 分 × 0.5% × 季度服务费 172250.00 = 861.25 元");
  });

  it("an average of exactly 95 deducts nothing and warns nothing", () => {
    const s = settled([], defaultRules(), {}, totals("95"));
    expect(s.warnings).toEqual([]);
    expect(s.value.instalments.map((i) => fixed2(i.deduction))).toEqual(["0.00", "0.00", "0.00"]);
  });

  it("only: the instalments asked for, the others' months not needed, the amounts the whole contract's", () => {
    const t: Record<string, DecimalInput> = Object.fromEntries(ALL.slice(6).map((m) => [m, "96"]));
    const s = settled([pay(2, "2025-06-10")], defaultRules(), { only: [3] }, t);
    expect(s.value.instalments.map((i) => [i.number, fixed2(i.amount)])).toEqual([[3, "68900.00"]]);
    expect(fixed2(s.value.totals.payable)).toBe("68900.00");
    const out = settle(t, [], defaultRules(), { only: [2, 3] });
    expect(out.ok ? [] : out.errors.map((e) => e.field)).toEqual(ALL.slice(0, 6).map((m) => `months.${m}`));
  });

  it("only: an empty list settles nothing", () => {
    expect(settled([], defaultRules(), { only: [] }, {}).value.instalments).toEqual([]);
  });

  it("a month given as null is missing", () => {
    const t = totals() as Record<string, DecimalInput | null>;
    t["2025-07"] = null;
    const out = settle(t as Record<string, DecimalInput>, [], defaultRules());
    expect(out.ok ? [] : out.errors.map((e) => [e.severity, e.code, e.field, e.message, e.month])).toEqual([["error", "missing-month", "months.2025-07", "第3笔款项需要 2025年7月 的考核得分，但该月没有完整有效的评分", "2025-07"]]);
    expect(out.ok ? [] : out.errors.map((e) => e.messageEn)).toEqual(["instalment 3 needs the 2025-07 total, but that month has no complete, valid scorecard"]);
  });
});
