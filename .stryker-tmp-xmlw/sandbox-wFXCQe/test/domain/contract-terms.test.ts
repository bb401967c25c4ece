/**
 * SPEC §9 in the engine: any contract's instalments (any number, any split), amounts to the fen
 * with the last instalment taking the remainder, §9's worked renewal example exactly; and SPEC §4 /
 * A10's payment clock: the receipt date (收票日期) when given, never before 最早开票日期 by default.
 * Every expected figure is worked by hand beside it.
 */
// @ts-nocheck

import {
  dec,
  DecimalInput,
  defaultRules,
  fixed2,
  instalmentAmounts,
  InstalmentTerms,
  monthRange,
  PaymentRecord,
  RuleSet,
  settle,
  splitByShares,
  sum,
} from "../../src/domain";
import { rules } from "./builders";

/** The renewal of SPEC §9: term 2026-12-04 … 2027-12-03, 720,000.00, scored months 2026-12 … 2027-11. */
function renewal(split: [string, string, string] = ["0.40", "0.50", "0.10"], total = "720000.00"): RuleSet {
  const [one, two, three] = defaultRules().contract.instalments as [InstalmentTerms, InstalmentTerms, InstalmentTerms];
  return rules({
    contract: {
      title: "陕西省公安厅出入境管理局 12367 服务热线 2026-2027 年热线运营服务及语音专线采购项目",
      termStart: "2026-12-04",
      termEnd: "2027-12-03",
      total,
      firstMonth: "2026-12",
      lastMonth: "2027-11",
      instalments: [
        { ...one, share: split[0], invoiceNotBefore: "2026-12-04" },
        { ...two, share: split[1], months: { from: "2026-12", to: "2027-05" }, invoiceNotBefore: "2027-06-01" },
        { ...three, share: split[2], months: { from: "2027-06", to: "2027-11" }, invoiceNotBefore: "2028-01-01" },
      ],
    },
  });
}

function totalsFor(r: RuleSet, value: (month: string) => DecimalInput): Record<string, DecimalInput> {
  return Object.fromEntries(monthRange(r.contract.firstMonth, r.contract.lastMonth).map((m) => [m, value(m)]));
}

function settled(r: RuleSet, t: Record<string, DecimalInput>, payments: PaymentRecord[] = [], asOf?: string) {
  const out = settle(t, payments, r, asOf === undefined ? {} : { asOf });
  if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("; "));
  return out;
}

describe("SPEC §9 worked example: 720,000.00, 40/50/10, 2026-12 … 2027-11", () => {
  const r = renewal();
  // Instalment 2's months (2026-12 … 2027-05) average 94.00; instalment 3's 96.
  let s: ReturnType<typeof settled>["value"];
  beforeAll(() => {
    s = settled(r, totalsFor(r, (m) => (m <= "2027-05" ? "94" : "96"))).value;
  });

  it("instalments 288,000.00 / 360,000.00 / 72,000.00 and 季度服务费 720,000 ÷ (12 ÷ 3) = 180,000.00", () => {
    expect(s.instalments.map((i) => fixed2(i.amount))).toEqual(["288000.00", "360000.00", "72000.00"]);
    expect(fixed2(s.quarterlyFee)).toBe("180000.00");
  });

  it("an average of 94.00 deducts 1.00 × 0.5% × 180,000.00 = 900.00 → 359,100.00 (人民币叁拾伍万玖仟壹佰元整)", () => {
    const second = s.instalments[1];
    expect(second?.months).toEqual(monthRange("2026-12", "2027-05"));
    expect(fixed2(second?.average ?? dec("0"))).toBe("94.00");
    expect(fixed2(second?.deduction ?? dec("0"))).toBe("900.00");
    expect(fixed2(second?.payable ?? dec("0"))).toBe("359100.00");
    expect(second?.payableUpper).toBe("人民币叁拾伍万玖仟壹佰元整");
    expect(second?.formula).toBe("(95 − 94.00) = 1.00 分 × 0.5% × 季度服务费 180000.00 = 900.00 元");
    expect(fixed2(s.instalments[2]?.deduction ?? dec("1"))).toBe("0.00");
  });

  it("another split (30/60/10) moves the amounts, not the quarterly fee: 216,000 / 432,000 / 72,000; 432,000 − 900 = 431,100.00", () => {
    const edited = renewal(["0.30", "0.60", "0.10"]);
    const e = settled(edited, totalsFor(edited, (m) => (m <= "2027-05" ? "94" : "96"))).value;
    expect(e.instalments.map((i) => fixed2(i.amount))).toEqual(["216000.00", "432000.00", "72000.00"]);
    expect(fixed2(e.instalments[1]?.payable ?? dec("0"))).toBe("431100.00");
    expect(e.instalments[1]?.payableUpper).toBe("人民币肆拾叁万壹仟壹佰元整");
  });
});

describe("amounts: 合同总额 × 比例 to the fen, the last instalment takes the remainder", () => {
  const cases: { name: string; total: string; shares: string[]; parts: string[] }[] = [
    // 1,000,000.01 × 33.33% = 333,300.003333 → 333,300.00 (twice); the last: 1,000,000.01 − 666,600.00 = 333,400.01
    // (× 33.34% alone would give 333,400.003334 → 333,400.00, and the three would add up to 1,000,000.00).
    { name: "1,000,000.01 split 33.33/33.33/33.34", total: "1000000.01", shares: ["0.3333", "0.3333", "0.3334"], parts: ["333300.00", "333300.00", "333400.01"] },
    // 1,000,000.05 × 50% = 500,000.025 → 500,000.03 (half up); the last: 1,000,000.05 − 500,000.03 = 500,000.02, not 500,000.03.
    { name: "1,000,000.05 split 50/50", total: "1000000.05", shares: ["0.5", "0.5"], parts: ["500000.03", "500000.02"] },
    // The seed: 689,000 × 40/50/10 is exact.
    { name: "the seed 689,000 at 40/50/10", total: "689000", shares: ["0.40", "0.50", "0.10"], parts: ["275600.00", "344500.00", "68900.00"] },
    // Four instalments: 0.07 × 25% = 0.0175 → 0.02 (three times); the last 0.07 − 0.06 = 0.01.
    { name: "0.07 split four ways", total: "0.07", shares: ["0.25", "0.25", "0.25", "0.25"], parts: ["0.02", "0.02", "0.02", "0.01"] },
  ];
  it.each(cases)("$name", (c) => {
    const parts = splitByShares(c.total, c.shares);
    expect(parts.map((p) => fixed2(p))).toEqual(c.parts);
    expect(fixed2(sum(parts))).toBe(fixed2(dec(c.total)));
  });

  it("settle() and instalmentAmounts() use it: 1,000,000.01 at 33.33/33.33/33.34 pays 333,400.01 last, and the totals add up", () => {
    const r = renewal(["0.3333", "0.3333", "0.3334"], "1000000.01");
    expect([...instalmentAmounts(r).values()].map(fixed2)).toEqual(["333300.00", "333300.00", "333400.01"]);
    const s = settled(r, totalsFor(r, () => "96")).value;
    expect(s.instalments.map((i) => fixed2(i.amount))).toEqual(["333300.00", "333300.00", "333400.01"]);
    expect(fixed2(s.totals.payable)).toBe("1000000.01");
    expect(s.instalments[2]?.payableUpper).toBe("人民币叁拾叁万叁仟肆佰元零壹分");
  });

  it("settling only some instalments (`only`) keeps the whole contract's amounts: the last one still takes the remainder", () => {
    const r = renewal(["0.3333", "0.3333", "0.3334"], "1000000.01");
    const t = totalsFor(r, () => "96");
    for (const m of monthRange("2026-12", "2027-05")) delete t[m];
    const s = settle(t, [], r, { only: [1, 3] });
    if (!s.ok) throw new Error(s.errors.map((e) => e.message).join("; "));
    expect(s.value.instalments.map((i) => [i.number, fixed2(i.amount)])).toEqual([[1, "333300.00"], [3, "333400.01"]]);
  });

  it("four instalments, any split: 10/20/30/40 of 720,000 with two scored periods", () => {
    const base = renewal();
    const [one, two, three] = base.contract.instalments as [InstalmentTerms, InstalmentTerms, InstalmentTerms];
    const four = rules({
      contract: {
        ...base.contract,
        instalments: [
          { ...one, share: "0.10" },
          { ...two, share: "0.20", months: { from: "2026-12", to: "2027-02" } },
          { ...three, number: 3, share: "0.30", months: { from: "2027-03", to: "2027-08" } },
          { ...three, number: 4, share: "0.40", months: { from: "2027-09", to: "2027-11" }, condition: "第四笔" },
        ],
      },
    });
    // 2026-12 … 2027-02 at 93.00: 2 points × 0.5% × 180,000 = 1,800.00 off 144,000.00 → 142,200.00.
    const s = settled(four, totalsFor(four, (m) => (m <= "2027-02" ? "93" : "95"))).value;
    expect(s.instalments.map((i) => [i.number, fixed2(i.amount), fixed2(i.deduction), fixed2(i.payable)])).toEqual([
      [1, "72000.00", "0.00", "72000.00"],
      [2, "144000.00", "1800.00", "142200.00"],
      [3, "216000.00", "0.00", "216000.00"],
      [4, "288000.00", "0.00", "288000.00"],
    ]);
    expect(s.instalments[3]?.condition).toBe("第四笔");
  });
});

describe("A10: when the payment clock starts (the issue's case: instalment 2 invoiced 2025-05-20, paid 2025-07-10)", () => {
  // Instalment 2 at 96 (no deduction): 344,500.00 payable; 3% a day = 10,335.00.
  const t = totalsFor(defaultRules(), () => "96");
  const pay: PaymentRecord[] = [{ number: 2, invoiceDate: "2025-05-20", paidDate: "2025-07-10" }];
  const fromInvoice = rules({ options: { paymentClockFromEarliest: false } });

  it("default: from 2025-06-01 (最早开票日期): due 2025-07-14, paid on time, the early invoice flagged", () => {
    // From Sun 06-01: 06-02 端午 off, 06-03…06 (4), 9–13 (9), 16–20 (14), 23–27 (19), 06-30…07-04 (24), 07-07…11 (29), Mon 07-14 (30).
    const s = settled(defaultRules(), t, pay);
    const i = s.value.instalments[1];
    expect([i?.clockStart, i?.dueDate, i?.daysLate, fixed2(i?.lateCharge ?? dec("1")), i?.earlyInvoice]).toEqual(["2025-06-01", "2025-07-14", 0, "0.00", true]);
    const early = s.warnings.find((w) => w.code === "early-invoice");
    expect(early?.field).toBe("payments[0].invoiceDate");
    expect(early?.message).toBe("第2笔发票日期 2025-05-20 早于合同约定的开票时点（2025-06-01 起）；付款期限自 2025-06-01 起算（A10）");
    expect(s.warnings.some((w) => w.code.startsWith("payment-"))).toBe(false);
  });

  it("option: from the invoice as given: due 2025-07-02, 8 days late, 8 × 10,335.00 = 82,680.00 (still flagged)", () => {
    // From Tue 05-20: 05-21…23 (3), 26–30 (8), 05-31 and 06-02 off, 06-03…06 (12), 9–13 (17), 16–20 (22), 23–27 (27), 30 (28), 07-01 (29), 07-02 (30).
    const s = settled(fromInvoice, t, pay);
    const i = s.value.instalments[1];
    expect([i?.clockStart, i?.dueDate, i?.daysLate, fixed2(i?.lateCharge ?? dec("0"))]).toEqual(["2025-05-20", "2025-07-02", 8, "82680.00"]);
    expect(s.warnings.find((w) => w.code === "early-invoice")?.message).toBe("第2笔发票日期 2025-05-20 早于合同约定的开票时点（2025-06-01 起）；按规则设置，付款期限仍自发票（或收票）日期起算（A10）");
  });

  it("an invoice on or after 最早开票日期 counts from itself under both readings", () => {
    // Tue 2025-06-10 → 30 working days: 06-11…13 (3), 16–20 (8), 23–27 (13), 06-30…07-04 (18), 07-07…11 (23), 14–18 (28), 21 (29), 22 (30).
    for (const r of [defaultRules(), fromInvoice]) {
      const i = settled(r, t, [{ number: 2, invoiceDate: "2025-06-10", paidDate: null }]).value.instalments[1];
      expect([i?.clockStart, i?.dueDate, i?.earlyInvoice]).toEqual(["2025-06-10", "2025-07-22", false]);
    }
  });
});

describe("收票日期 (付款记录): the clock starts from the receipt", () => {
  const t = totalsFor(defaultRules(), () => "96");
  const cases: { name: string; invoice: string; received: string | null; r: RuleSet; clock: string; due: string }[] = [
    // Fri 2025-06-20 → 30 working days: Jun 23–27 (5), 06-30…07-04 (10), 7–11 (15), 14–18 (20), 21–25 (25), 07-28…08-01 (30).
    { name: "invoice 06-10, received 06-20: from the receipt", invoice: "2025-06-10", received: "2025-06-20", r: defaultRules(), clock: "2025-06-20", due: "2025-08-01" },
    { name: "no receipt: from the invoice", invoice: "2025-06-10", received: null, r: defaultRules(), clock: "2025-06-10", due: "2025-07-22" },
    // Early invoice, received after 最早开票日期: Tue 06-03 → 06-04…06 (3), 9–13 (8), 16–20 (13), 23–27 (18), 06-30…07-04 (23), 07-07…11 (28), 14 (29), 15 (30).
    { name: "invoice 05-20 (early), received 06-03: from the receipt", invoice: "2025-05-20", received: "2025-06-03", r: defaultRules(), clock: "2025-06-03", due: "2025-07-15" },
    // Early invoice and receipt: the later of the receipt and 最早开票日期 → 06-01 → 07-14 (see above).
    { name: "invoice 05-20, received 05-22, both early: from 最早开票日期", invoice: "2025-05-20", received: "2025-05-22", r: defaultRules(), clock: "2025-06-01", due: "2025-07-14" },
    // The option: from the receipt as given, Thu 05-22 → 05-23 (1), 26–30 (6), 06-02 off, 06-03…06 (10), 9–13 (15), 16–20 (20), 23–27 (25), 06-30…07-04 (30).
    { name: "A10 option: received 05-22 as given", invoice: "2025-05-20", received: "2025-05-22", r: rules({ options: { paymentClockFromEarliest: false } }), clock: "2025-05-22", due: "2025-07-04" },
  ];
  it.each(cases)("$name", (c) => {
    const record: PaymentRecord = { number: 2, invoiceDate: c.invoice, paidDate: null, ...(c.received ? { receivedDate: c.received } : {}) };
    const i = settled(c.r, t, [record]).value.instalments[1];
    expect([i?.receivedDate, i?.clockStart, i?.dueDate]).toEqual([c.received, c.clock, c.due]);
  });

  it.each([
    ["a receipt before the invoice", { number: 2, invoiceDate: "2025-06-10", paidDate: null, receivedDate: "2025-06-09" }, "received-before-invoice", "第2笔收票日期 2025-06-09 早于发票日期 2025-06-10"],
    ["a receipt that is no date", { number: 2, invoiceDate: "2025-06-10", paidDate: null, receivedDate: "2025-02-30" }, "bad-date", "第2笔的收票日期「2025-02-30」不是有效日期"],
    ["a receipt without an invoice", { number: 2, invoiceDate: null, paidDate: null, receivedDate: "2025-06-10" }, "received-without-invoice", "第2笔有收票日期 2025-06-10 但无发票日期"],
  ] as [string, PaymentRecord, string, string][])("refuses %s, naming payments[0].receivedDate", (_name, record, code, message) => {
    const out = settle(t, [record], defaultRules());
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.map((e) => [e.code, e.field, e.message])).toEqual([[code, "payments[0].receivedDate", message]]);
  });
});
