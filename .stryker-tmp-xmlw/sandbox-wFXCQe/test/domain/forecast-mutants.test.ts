/**
 * src/domain/forecast.ts, settlementProgress (issue 17): the late-payment warnings of an instalment
 * still being scored, read whole in both languages and on the right payment row; settle()'s own
 * amount-bearing warnings kept only for instalments whose months are all scored; a blank total.
 * Due dates by hand: invoice Fri 2025-06-20 + 30 working days = 2025-08-01 (see forecast.test.ts).
 */
// @ts-nocheck

import { defaultRules, forecastInstalment, settlementProgress, type PaymentRecord } from "../../src/domain";

const M2 = ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05"];
/** Instalment 2's months at 93.40, its last month not scored yet. */
const INCOMPLETE = { ...Object.fromEntries(M2.map((m) => [m, "93.40"])), "2025-05": null };
const COMPLETE = Object.fromEntries(M2.map((m) => [m, "93.40"]));
const pay = (number: number, invoiceDate: string | null, paidDate: string | null): PaymentRecord => ({ number, invoiceDate, paidDate });

function progress(totals: Record<string, string | null>, payments: PaymentRecord[], asOf: string) {
  const out = settlementProgress(totals, payments, defaultRules(), asOf);
  if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("; "));
  return out;
}
const lateWarnings = (out: ReturnType<typeof progress>) => out.warnings.filter((w) => w.code.startsWith("payment-")).map((w) => [w.severity, w.code, w.field, w.message, w.messageEn]);

describe("an instalment still being scored, paid or unpaid after its due date", () => {
  it.each<[string, string | null, string, string, string, string]>([
    ["paid 10 days late", "2025-08-11", "2025-08-20", "payment-late", "第2笔逾期 10 天（应付日 2025-08-01）；违约金待本期各月评分完成、应付金额确定后计算", "instalment 2 was paid 10 day(s) late (due 2025-08-01); the late charge waits for the amount"],
    ["paid 30 days late", "2025-08-31", "2025-09-01", "payment-late", "第2笔逾期 30 天（应付日 2025-08-01）；违约金待本期各月评分完成、应付金额确定后计算", "instalment 2 was paid 30 day(s) late (due 2025-08-01); the late charge waits for the amount"],
    ["paid 31 days late", "2025-09-01", "2025-09-02", "payment-overdue-30", "第2笔逾期 31 天（应付日 2025-08-01）；违约金待本期各月评分完成、应付金额确定后计算", "instalment 2 was paid 31 day(s) late (due 2025-08-01); the late charge waits for the amount"],
    ["unpaid, 5 days late", null, "2025-08-06", "payment-late", "第2笔尚未支付，逾期 5 天（应付日 2025-08-01）；违约金待本期各月评分完成、应付金额确定后计算", "instalment 2 is unpaid and 5 day(s) late (due 2025-08-01); the late charge waits for the amount"],
  ])("%s: one warning, without an amount, on the payment row", (_, paid, asOf, code, zh, en) => {
    expect(lateWarnings(progress(INCOMPLETE, [pay(3, null, null), pay(2, "2025-06-20", paid)], asOf))).toEqual([["warning", code, "payments[1].paidDate", zh, en]]);
  });
  it("paid on the due date, or unpaid before it: no warning", () => {
    expect(lateWarnings(progress(INCOMPLETE, [pay(2, "2025-06-20", "2025-08-01")], "2025-08-20"))).toEqual([]);
    expect(lateWarnings(progress(INCOMPLETE, [pay(2, "2025-06-20", null)], "2025-08-01"))).toEqual([]);
  });
  it("the deduction of an instalment still being scored is not announced (its missing month stands in at 95)", () => {
    const out = progress(INCOMPLETE, [], "2025-06-10");
    expect(out.warnings.map((w) => w.code)).not.toContain("deduction");
    expect(out.value.instalments[1]?.settled).toBeNull();
    expect(out.value.instalments[1]?.forecast.missing).toEqual(["2025-05"]);
  });
});

describe("an instalment whose months are all scored keeps settle()'s own warnings", () => {
  it("its deduction and its late payment, with the amount", () => {
    const out = progress(COMPLETE, [pay(2, "2025-06-20", "2025-08-11")], "2025-08-20");
    const codes = out.warnings.map((w) => [w.code, w.field]);
    expect(codes).toContainEqual(["deduction", "instalment.2"]);
    const late = out.warnings.filter((w) => w.code === "payment-late");
    expect(late).toHaveLength(1);
    expect(late[0]!.message).not.toContain("违约金待本期各月评分完成");
    expect(out.value.instalments[1]?.settled?.daysLate).toBe(10);
  });
});

describe("a total that is blank text is not scored", () => {
  it.each([["  "], [""]])("%j", (blank) => {
    const f = forecastInstalment(defaultRules().contract.instalments[1]!, { "2024-12": blank, "2025-01": "96", "2025-02": 0 }, defaultRules());
    expect([f.scored.map((s) => s.month), f.missing, f.monthsScored, f.monthsLeft]).toEqual([["2025-01", "2025-02"], ["2024-12", "2025-03", "2025-04", "2025-05"], 2, 4]);
  });
});
