/**
 * settle() as the payment sheet prints it: the SPEC §7 example, every A5 base and A6 on an
 * instalment where they differ, due dates across holidays and 调休, and the §五(四) late charge.
 * Every expected figure is worked by hand in the comment beside it.
 */
// @ts-nocheck

import { dec, DecimalInput, defaultRules, fixed2, LIBRARY_CALENDAR, PaymentRecord, RuleSet, settle } from "../../src/domain";
import { instalmentAmount } from "../../src/domain/settlement";
import { rules } from "./builders";

const SECOND = ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05"];
const THIRD = ["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"];

function totals(second: DecimalInput | DecimalInput[], third: DecimalInput | DecimalInput[] = "96"): Record<string, DecimalInput> {
  const out: Record<string, DecimalInput> = {};
  SECOND.forEach((m, i) => (out[m] = Array.isArray(second) ? (second[i] as DecimalInput) : second));
  THIRD.forEach((m, i) => (out[m] = Array.isArray(third) ? (third[i] as DecimalInput) : third));
  return out;
}

function settled(t: Record<string, DecimalInput>, payments: PaymentRecord[] = [], r: RuleSet = defaultRules(), asOf?: string) {
  const result = settle(t, payments, r, asOf === undefined ? {} : { asOf });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

function instalment(n: number, t: Record<string, DecimalInput>, payments: PaymentRecord[] = [], r: RuleSet = defaultRules(), asOf?: string) {
  const i = settled(t, payments, r, asOf).value.instalments.find((x) => x.number === n);
  if (!i) throw new Error(`no instalment ${n}`);
  return i;
}

describe("SPEC §7: instalment 2 at an average of 93.40", () => {
  let second: ReturnType<typeof instalment>;
  beforeAll(() => {
    second = instalment(2, totals("93.40"));
  });
  it("deducts 1.60 × 0.5% × 172,250.00 = 1,378.00 and pays 343,122.00", () => {
    expect(fixed2(second.pointsBelow)).toBe("1.60");
    expect(fixed2(second.deductionBase)).toBe("172250.00");
    expect(fixed2(second.deduction)).toBe("1378.00");
    expect(fixed2(second.payable)).toBe("343122.00");
    expect(second.payableUpper).toBe("人民币叁拾肆万叁仟壹佰贰拾贰元整");
    expect(second.formula).toBe("(95 − 93.40) = 1.60 分 × 0.5% × 季度服务费 172250.00 = 1378.00 元");
  });
});

describe("A5 deduction base and A6 rounding change the deduction", () => {
  // Instalment 3 (68,900.00; two quarters of service) at 93.40: 1.60 points below 95.
  const cases: { name: string; r: RuleSet; n: number; months: DecimalInput | DecimalInput[]; deduction: string; payable: string }[] = [
    // 1.60 × 0.5% × 172,250.00 (one quarter) = 1,378.00; 68,900 − 1,378 = 67,522.00
    { name: "quarterlyFee (default), instalment 3", r: defaultRules(), n: 3, months: "93.40", deduction: "1378.00", payable: "67522.00" },
    // 1.60 × 0.5% × 68,900.00 (the instalment) = 551.20; 68,900 − 551.20 = 68,348.80
    { name: "instalment, instalment 3", r: rules({ options: { deductionBase: "instalment" } }), n: 3, months: "93.40", deduction: "551.20", payable: "68348.80" },
    // 1.60 × 0.5% × (172,250 × 6 / 3 = 344,500.00, the period's fee) = 2,756.00; 68,900 − 2,756 = 66,144.00
    { name: "periodFee, instalment 3", r: rules({ options: { deductionBase: "periodFee" } }), n: 3, months: "93.40", deduction: "2756.00", payable: "66144.00" },
    // Instalment 2 is itself 344,500.00 = two quarters: both alternatives give 1.60 × 0.5% × 344,500 = 2,756.00
    { name: "instalment, instalment 2", r: rules({ options: { deductionBase: "instalment" } }), n: 2, months: "93.40", deduction: "2756.00", payable: "341744.00" },
    { name: "periodFee, instalment 2", r: rules({ options: { deductionBase: "periodFee" } }), n: 2, months: "93.40", deduction: "2756.00", payable: "341744.00" },
    // Five months 93.40 and one 93.39: sum 560.39, mean 93.398333…; rounded 93.40 → 1.60 → 1,378.00
    { name: "A6 rounded (default)", r: defaultRules(), n: 2, months: ["93.40", "93.40", "93.40", "93.40", "93.40", "93.39"], deduction: "1378.00", payable: "343122.00" },
    // not rounded: 1.601666… × 861.25 = 1,379.4354… → 1,379.44; 344,500 − 1,379.44 = 343,120.56
    { name: "A6 not rounded", r: rules({ options: { roundAverage: false } }), n: 2, months: ["93.40", "93.40", "93.40", "93.40", "93.40", "93.39"], deduction: "1379.44", payable: "343120.56" },
    // Sum 569.98, mean 94.996666…: rounded 95.00 → nothing; not rounded 0.003333… × 861.25 = 2.8708… → 2.87
    { name: "A6 rounded up to 95", r: defaultRules(), n: 2, months: ["95", "95", "95", "95", "95", "94.98"], deduction: "0.00", payable: "344500.00" },
    { name: "A6 not rounded just below 95", r: rules({ options: { roundAverage: false } }), n: 2, months: ["95", "95", "95", "95", "95", "94.98"], deduction: "2.87", payable: "344497.13" },
    // A3 on the points: floor 1 × 861.25 = 861.25; ceil 2 × 861.25 = 1,722.50
    { name: "A3 whole steps", r: rules({ options: { settlementSteps: "floor" } }), n: 2, months: "93.40", deduction: "861.25", payable: "343638.75" },
    { name: "A3 any started step", r: rules({ options: { settlementSteps: "ceil" } }), n: 2, months: "93.40", deduction: "1722.50", payable: "342777.50" },
    // Never more than the instalment: periodFee at an average of 0 → 95 × 0.5% × 344,500 = 163,637.50 > 68,900.00
    { name: "capped at the instalment", r: rules({ options: { deductionBase: "periodFee" } }), n: 3, months: "0", deduction: "68900.00", payable: "0.00" },
  ];
  it.each(cases)("$name", (c) => {
    const t = c.n === 2 ? totals(c.months) : totals("96", c.months);
    const i = instalment(c.n, t, [], c.r);
    expect(fixed2(i.deduction)).toBe(c.deduction);
    expect(fixed2(i.payable)).toBe(c.payable);
  });

  it("the capped instalment says so, and 大写 of nothing is 零元整", () => {
    const i = instalment(3, totals("96", "0"), [], rules({ options: { deductionBase: "periodFee" } }));
    expect(i.deductionCapped).toBe(true);
    expect(fixed2(i.deductionUncapped)).toBe("163637.50");
    expect(i.formula.endsWith("，超过本笔金额，以本笔金额为限")).toBe(true);
    expect(i.payableUpper).toBe("人民币零元整");
  });
});

describe("due dates: the Nth working day after the invoice (PRC calendar with 调休)", () => {
  const cases: { name: string; n: number; invoice: string; due: string; r?: RuleSet }[] = [
    // Fri 2025-09-26, before National Day. Working days after it: 09-28 (Sun, 调休) 1, 09-29 2, 09-30 3,
    // 10-01…10-08 holiday, 10-09 4, 10-10 5, 10-11 (Sat, 调休) 6, 10-13…10-17 7–11, 10-20…24 12–16,
    // 10-27…31 17–21, 11-03…07 22–26, 11-10 27, 11-11 28, 11-12 29, 11-13 30.
    { name: "30 working days across National Day 2025", n: 2, invoice: "2025-09-26", due: "2025-11-13" },
    // Same count, 10th: 09-28 1, 09-29 2, 09-30 3, 10-09 4, 10-10 5, 10-11 6, 10-13 7, 10-14 8, 10-15 9, 10-16 10.
    { name: "10 working days across National Day 2025", n: 1, invoice: "2025-09-26", due: "2025-10-16" },
    // Fri 2025-01-24, before the Spring Festival (01-28…02-04 off; 01-26 Sun and 02-08 Sat worked):
    // 01-26 1, 01-27 2, 02-05 3, 02-06 4, 02-07 5, 02-08 6, 02-10 7, 02-11 8, 02-12 9, 02-13 10.
    { name: "10 working days across the 2025 Spring Festival", n: 1, invoice: "2025-01-24", due: "2025-02-13" },
    // Fri 2025-06-20: Jun 23–27 (5), Jun 30–Jul 4 (10), Jul 7–11 (15), 14–18 (20), 21–25 (25), Jul 28–Aug 1 (30).
    { name: "30 working days in summer, no holiday", n: 2, invoice: "2025-06-20", due: "2025-08-01" },
    // Fri 2025-12-05: Dec 8–12 (5), 15–19 (10), 22–26 (15), 29–31 (18), 2026-01-01…03 off, 01-04 (Sun, 调休) 19,
    // Jan 5–9 (24), 12–16 (29), Mon 01-19 30. Instalment 3 may be invoiced from 2026-01-01 (服务期满次月):
    // counted from the invoice as given only under A10's option.
    { name: "30 working days across New Year 2026 (A10 option: from the invoice as given)", n: 3, invoice: "2025-12-05", due: "2026-01-19", r: rules({ options: { paymentClockFromEarliest: false } }) },
    // Changed with the seed's earliest invoice date 2026-01-01 (A10 default: the clock starts there): 01-01…03 off,
    // 01-04 (Sun, 调休) 1, Jan 5–9 (6), 12–16 (11), 19–23 (16), 26–30 (21), Feb 2–6 (26), Feb 9–12 (30).
    { name: "instalment 3 invoiced 2025-12-05, early: the clock starts 2026-01-01 (A10 default)", n: 3, invoice: "2025-12-05", due: "2026-02-12" },
  ];
  it.each(cases)("$name", (c) => {
    const i = instalment(c.n, totals("96"), [{ number: c.n, invoiceDate: c.invoice, paidDate: null }], c.r);
    expect(i.dueDate).toBe(c.due);
    expect(i.status).toBe("invoiced");
  });
});

describe("late payment (§五(四)): 3% of the payable per calendar day after the due date", () => {
  // Instalment 2 at 93.40: payable 343,122.00; invoice 2025-09-26, due 2025-11-13. 3% of it = 10,293.66 a day.
  const pay = (paidDate: string | null): PaymentRecord[] => [{ number: 2, invoiceDate: "2025-09-26", paidDate }];
  const cases: { name: string; paid: string | null; asOf?: string; days: number | null; charge: string; overdue: boolean; status: string }[] = [
    { name: "paid on the due date", paid: "2025-11-13", days: 0, charge: "0.00", overdue: false, status: "paid" },
    { name: "paid before the due date", paid: "2025-10-20", days: 0, charge: "0.00", overdue: false, status: "paid" },
    // 1 × 10,293.66
    { name: "one day late", paid: "2025-11-14", days: 1, charge: "10293.66", overdue: false, status: "paid" },
    // 11-13 → 12-13 is 30 days (17 left in November + 13): 30 × 10,293.66 = 308,809.80; not yet more than 30
    { name: "30 days late", paid: "2025-12-13", days: 30, charge: "308809.80", overdue: false, status: "paid" },
    // 31 × 10,293.66 = 319,103.46, more than 30 days: 乙方 may terminate
    { name: "31 days late", paid: "2025-12-14", days: 31, charge: "319103.46", overdue: true, status: "paid" },
    // unpaid on 2025-11-20: 7 days × 10,293.66 = 72,055.62
    { name: "unpaid, counted to asOf", paid: null, asOf: "2025-11-20", days: 7, charge: "72055.62", overdue: false, status: "invoiced" },
    { name: "unpaid, asOf before the due date", paid: null, asOf: "2025-11-01", days: 0, charge: "0.00", overdue: false, status: "invoiced" },
    { name: "unpaid, no asOf: unknown", paid: null, days: null, charge: "0.00", overdue: false, status: "invoiced" },
  ];
  it.each(cases)("$name", (c) => {
    const i = instalment(2, totals("93.40"), pay(c.paid), defaultRules(), c.asOf);
    expect(i.dueDate).toBe("2025-11-13");
    expect(i.daysLate).toBe(c.days);
    expect(fixed2(i.lateCharge)).toBe(c.charge);
    expect(i.overdue).toBe(c.overdue);
    expect(i.status).toBe(c.status);
    expect(fixed2(i.terminationClaim)).toBe("68900.00");
  });

  it("warns with the charge, and names the termination right past 30 days", () => {
    const late = settled(totals("93.40"), pay("2025-11-14")).warnings.filter((w) => w.code.startsWith("payment-"));
    expect(late.map((w) => [w.code, w.field, w.message])).toEqual([["payment-late", "payments[0].paidDate", "第2笔逾期 1 天（应付日 2025-11-13），违约金 10293.66 元"]]);
    const overdue = settled(totals("93.40"), pay("2025-12-14")).warnings.find((w) => w.code === "payment-overdue-30");
    expect(overdue?.message).toBe("第2笔逾期 31 天（应付日 2025-11-13），违约金 319103.46 元；已超过 30 天，乙方有权解除合同并要求支付合同款项的 10%");
    expect(settled(totals("93.40"), pay("2025-11-13")).warnings.some((w) => w.code.startsWith("payment-"))).toBe(false);
  });

  it("totals: paid counts paid instalments, outstanding the rest, late charges add up", () => {
    const payments: PaymentRecord[] = [
      { number: 1, invoiceDate: "2024-12-06", paidDate: "2024-12-18" },
      { number: 2, invoiceDate: "2025-09-26", paidDate: null },
    ];
    const s = settled(totals("93.40"), payments, defaultRules(), "2025-11-20").value;
    // payable 275,600 + 343,122 + 68,900 = 687,622.00; paid 275,600.00; outstanding 412,022.00
    expect(fixed2(s.totals.contract)).toBe("689000.00");
    expect(fixed2(s.totals.deductions)).toBe("1378.00");
    expect(fixed2(s.totals.payable)).toBe("687622.00");
    expect(fixed2(s.totals.paid)).toBe("275600.00");
    expect(fixed2(s.totals.outstanding)).toBe("412022.00");
    // instalment 1 due 2024-12-20 (10 working days after Fri 12-06), paid 12-18: 0; instalment 2: 72,055.62
    expect(s.instalments[0]?.dueDate).toBe("2024-12-20");
    expect(fixed2(s.totals.lateCharges)).toBe("72055.62");
  });
});

describe("refusals", () => {
  it("a missing month is an error naming the month, and nothing is settled", () => {
    const t = totals("96");
    delete t["2025-03"];
    const r = settle(t, [], defaultRules());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.field, e.month])).toEqual([["missing-month", "months.2025-03", "2025-03"]]);
    expect(r.errors[0]?.message).toBe("第2笔款项需要 2025年3月 的考核得分，但该月没有完整有效的评分");
  });

  it("a payment before its invoice and an invoice the calendar cannot reach are errors", () => {
    const before = settle(totals("96"), [{ number: 2, invoiceDate: "2025-07-01", paidDate: "2025-06-30" }], defaultRules());
    expect(before.ok ? [] : before.errors.map((e) => e.code)).toEqual(["paid-before-invoice"]);
    // 30 working days after 2026-12-20 run into 2027, which the calendar does not know.
    const unknown = settle(totals("96"), [{ number: 3, invoiceDate: "2026-12-20", paidDate: null }], defaultRules());
    expect(unknown.ok ? [] : unknown.errors.map((e) => [e.code, e.field])).toEqual([["unknown-date", "payments[0].invoiceDate"]]);
  });

  it("an invoice before the period ends is kept, with a warning", () => {
    const r = settled(totals("96"), [{ number: 3, invoiceDate: "2025-11-20", paidDate: null }]);
    expect(r.warnings.map((w) => w.code)).toEqual(["early-invoice"]);
  });
});

// ------------------------------------------------------------------------------------------------
// Boundaries (issue 17): each case sits on the edge of its rule, with the message a clerk reads.

/** settle()'s problems as [code, field, message]. */
function problemsOf(t: Record<string, DecimalInput | null>, payments: PaymentRecord[], r: RuleSet = defaultRules()) {
  const out = settle(t as Record<string, DecimalInput>, payments, r);
  return { ok: out.ok, errors: out.ok ? [] : out.errors.map((e) => [e.code, e.field, e.message]), warnings: out.warnings.map((w) => [w.code, w.field, w.message]), out };
}

describe("payment dates: paid or received on the invoice day is allowed, a day before is refused", () => {
  it.each([
    // invoice, paid, the error (none when allowed)
    ["2025-06-20", "2025-06-21", null],
    ["2025-06-20", "2025-06-20", null],
    ["2025-06-20", "2025-06-19", ["paid-before-invoice", "payments[0].paidDate", "第2笔实付日期 2025-06-19 早于发票日期 2025-06-20"]],
  ] as [string, string, string[] | null][])("invoice %s, paid %s", (invoiceDate, paidDate, error) => {
    const p = problemsOf(totals("96"), [{ number: 2, invoiceDate, paidDate }]);
    expect(p.errors).toEqual(error === null ? [] : [error]);
    if (p.out.ok) expect(p.out.value.instalments.find((i) => i.number === 2)?.status).toBe("paid");
  });
  it.each([
    ["2025-06-20", "2025-06-20", null],
    ["2025-06-20", "2025-06-23", null],
    ["2025-06-20", "2025-06-19", ["received-before-invoice", "payments[0].receivedDate", "第2笔收票日期 2025-06-19 早于发票日期 2025-06-20"]],
    [null, "2025-06-19", ["received-without-invoice", "payments[0].receivedDate", "第2笔有收票日期 2025-06-19 但无发票日期"]],
  ] as [string | null, string, string[] | null][])("invoice %s, received %s", (invoiceDate, receivedDate, error) => {
    const p = problemsOf(totals("96"), [{ number: 2, invoiceDate, paidDate: null, receivedDate }]);
    expect(p.errors).toEqual(error === null ? [] : [error]);
  });
  it("the clock starts at the receipt when it is given, else at the invoice", () => {
    // Invoice Fri 2025-06-20 → due 2025-08-01 (the 30th working day, see below); received Mon 06-23 → one working day later, 08-04.
    expect(instalment(2, totals("96"), [{ number: 2, invoiceDate: "2025-06-20", paidDate: null }]).dueDate).toBe("2025-08-01");
    const received = instalment(2, totals("96"), [{ number: 2, invoiceDate: "2025-06-20", paidDate: null, receivedDate: "2025-06-23" }]);
    expect([received.clockStart, received.dueDate]).toEqual(["2025-06-23", "2025-08-04"]);
    const undefinedReceipt = instalment(2, totals("96"), [{ number: 2, invoiceDate: "2025-06-20", paidDate: null, receivedDate: undefined }]);
    expect([undefinedReceipt.clockStart, undefinedReceipt.receivedDate]).toEqual(["2025-06-20", null]);
  });
  it("a paid date without an invoice date: warned, no due date", () => {
    const p = problemsOf(totals("96"), [{ number: 2, invoiceDate: null, paidDate: "2025-08-01" }]);
    expect(p.warnings).toEqual([["paid-without-invoice", "payments[0].invoiceDate", "第2笔有实付日期但无发票日期，无法计算付款期限"]]);
    const i = p.out.ok ? p.out.value.instalments.find((x) => x.number === 2) : undefined;
    expect([i?.clockStart, i?.dueDate, i?.daysLate, i?.status]).toEqual([null, null, null, "paid"]);
  });
});

describe("an invoice on its first permitted day (最早开票日期) is not early; a day before is (A10)", () => {
  // Instalment 3 may be invoiced from 2026-01-01.
  it.each([
    // invoice, A10 default, early, clock start, the early-invoice warning
    ["2026-01-01", true, false, "2026-01-01", null],
    ["2026-01-05", true, false, "2026-01-05", null],
    ["2025-12-31", true, true, "2026-01-01", "第3笔发票日期 2025-12-31 早于合同约定的开票时点（2026-01-01 起）；付款期限自 2026-01-01 起算（A10）"],
    ["2025-12-31", false, true, "2025-12-31", "第3笔发票日期 2025-12-31 早于合同约定的开票时点（2026-01-01 起）；按规则设置，付款期限仍自发票（或收票）日期起算（A10）"],
    ["2026-01-01", false, false, "2026-01-01", null],
  ] as [string, boolean, boolean, string, string | null][])("invoice %s, clock from the earliest date %s", (invoiceDate, fromEarliest, early, clockStart, warning) => {
    const r = fromEarliest ? defaultRules() : rules({ options: { paymentClockFromEarliest: false } });
    const p = problemsOf(totals("96"), [{ number: 3, invoiceDate, paidDate: null }], r);
    expect(p.errors).toEqual([]);
    expect(p.warnings.filter((w) => w[0] === "early-invoice")).toEqual(warning === null ? [] : [["early-invoice", "payments[0].invoiceDate", warning]]);
    const third = p.out.ok ? p.out.value.instalments.find((i) => i.number === 3) : undefined;
    expect([third?.earlyInvoice, third?.clockStart, third?.invoiceNotBefore]).toEqual([early, clockStart, "2026-01-01"]);
    expect(third?.dueDate).toBe(LIBRARY_CALENDAR.addWorkingDays(clockStart, 30));
  });
  it("a receipt before the earliest date is held back too; on the earliest date it is not", () => {
    const held = instalment(3, totals("96"), [{ number: 3, invoiceDate: "2025-12-29", paidDate: null, receivedDate: "2025-12-30" }]);
    expect([held.clockStart, held.earlyInvoice]).toEqual(["2026-01-01", true]);
    const onDay = instalment(3, totals("96"), [{ number: 3, invoiceDate: "2025-12-29", paidDate: null, receivedDate: "2026-01-01" }]);
    expect([onDay.clockStart, onDay.earlyInvoice]).toEqual(["2026-01-01", true]);
    const fromReceipt = instalment(3, totals("96"), [{ number: 3, invoiceDate: "2025-12-29", paidDate: null, receivedDate: "2025-12-30" }], rules({ options: { paymentClockFromEarliest: false } }));
    expect(fromReceipt.clockStart).toBe("2025-12-30");
  });
});

describe("a month the instalment needs is missing when its total is absent or null, not when it is 0", () => {
  it.each([
    // 2025-03's total, the error
    [null, ["missing-month", "months.2025-03", "第2笔款项需要 2025年3月 的考核得分，但该月没有完整有效的评分"]],
    [undefined, ["missing-month", "months.2025-03", "第2笔款项需要 2025年3月 的考核得分，但该月没有完整有效的评分"]],
    ["0", null],
    [0, null],
  ] as [DecimalInput | null | undefined, string[] | null][])("total %j", (value, error) => {
    const t: Record<string, DecimalInput | null> = totals("96");
    if (value === undefined) delete t["2025-03"];
    else t["2025-03"] = value;
    const p = problemsOf(t, []);
    expect(p.errors).toEqual(error === null ? [] : [error]);
    if (!p.out.ok) {
      expect(p.out.errors[0]?.month).toBe("2025-03");
      expect(p.out.errors[0]?.messageEn).toBe("instalment 2 needs the 2025-03 total, but that month has no complete, valid scorecard");
    }
  });
  it("a month at 0 is averaged like any other: (5 × 96 + 0) / 6 = 80.00 → 15 × 861.25 = 12,918.75", () => {
    const t: Record<string, DecimalInput> = totals("96");
    t["2025-03"] = 0;
    const second = instalment(2, t);
    expect([fixed2(second.average!), fixed2(second.deduction)]).toEqual(["80.00", "12918.75"]);
  });
});

describe("late payment: on the due date is not late, a day after is; more than 30 days gives the termination flag", () => {
  // Instalment 2 invoiced Fri 2025-06-20 is due 2025-08-01.
  it.each([
    // paid, days late, overdue, warning
    ["2025-08-01", 0, false, null],
    ["2025-08-02", 1, false, ["payment-late", "payments[0].paidDate", "第2笔逾期 1 天（应付日 2025-08-01），违约金 10335.00 元"]],
    ["2025-08-31", 30, false, ["payment-late", "payments[0].paidDate", "第2笔逾期 30 天（应付日 2025-08-01），违约金 310050.00 元"]],
    [
      "2025-09-01",
      31,
      true,
      ["payment-overdue-30", "payments[0].paidDate", "第2笔逾期 31 天（应付日 2025-08-01），违约金 320385.00 元；已超过 30 天，乙方有权解除合同并要求支付合同款项的 10%"],
    ],
  ] as [string, number, boolean, string[] | null][])("paid %s", (paidDate, daysLate, overdue, warning) => {
    // 344,500.00 payable (average 96) × 3% = 10,335.00 a day.
    const p = problemsOf(totals("96"), [{ number: 2, invoiceDate: "2025-06-20", paidDate }]);
    expect(p.warnings.filter((w) => String(w[0]).startsWith("payment-"))).toEqual(warning === null ? [] : [warning]);
    const second = p.out.ok ? p.out.value.instalments.find((i) => i.number === 2) : undefined;
    expect([second?.daysLate, second?.overdue, second && fixed2(second.lateCharge)]).toEqual([daysLate, overdue, fixed2(dec(10335).times(daysLate))]);
  });
});

describe("settle(): the row a payment problem names, and what it does not swallow", () => {
  it("a problem of the second 付款记录 row names that row", () => {
    const p = problemsOf(totals("96"), [
      { number: 3, invoiceDate: "2025-12-29", paidDate: null },
      { number: 2, invoiceDate: "2025-06-20", paidDate: "2025-08-04" },
    ]);
    expect(p.warnings.map((w) => [w[0], w[1]])).toEqual([
      ["payment-late", "payments[1].paidDate"],
      ["early-invoice", "payments[0].invoiceDate"],
    ]);
  });
  it("a receipt without an invoice starts no clock: refused, and no lateness is counted from it", () => {
    const out = settle(totals("96"), [{ number: 2, invoiceDate: null, paidDate: null, receivedDate: "2025-06-20" }], defaultRules(), { asOf: "2025-12-01" });
    expect(out.ok).toBe(false);
    expect(out.warnings).toEqual([]);
  });
  it("a calendar error other than an unknown date is not turned into a clerk's message", () => {
    const base = defaultRules();
    const broken: RuleSet = { ...base, contract: { ...base.contract, instalments: base.contract.instalments.map((i) => (i.number === 2 ? { ...i, dueWorkingDays: -1 } : i)) } };
    expect(() => settle(totals("96"), [{ number: 2, invoiceDate: "2025-06-20", paidDate: null }], broken)).toThrow(RangeError);
  });
});

describe("instalmentAmount: the contract's own split (the last instalment keeps the remainder), else total × share", () => {
  it("1,000,000.05 split 50/50 → 500,000.03 and 500,000.02", () => {
    const r = rules({ contract: { total: "1000000.05", instalments: [{ ...defaultRules().contract.instalments[0]!, share: "0.5" }, { ...defaultRules().contract.instalments[1]!, share: "0.5" }] } });
    const [first, second] = r.contract.instalments;
    expect([fixed2(instalmentAmount(first!, r)), fixed2(instalmentAmount(second!, r))]).toEqual(["500000.03", "500000.02"]);
    // Terms that are not the contract's: total × share, half up.
    expect(fixed2(instalmentAmount({ ...second!, number: 9, share: "0.25" }, r))).toBe("250000.01");
  });
});
