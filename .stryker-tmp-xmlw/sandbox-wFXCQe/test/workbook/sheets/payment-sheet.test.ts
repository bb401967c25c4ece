/**
 * The 付款结算 sheet spec: the engine's figures land in the cells the clerk signs (SPEC §4, §7),
 * each A5/A6 reading changes the printed deduction, dates are Excel serials across holidays and
 * 调休, late charges and the 30-day flag, the overview, warnings, print setup and chart. Expected
 * figures are worked by hand in the comments (and held against settle() in test/domain/settlement.test.ts).
 */
// @ts-nocheck

import ExcelJS from "exceljs";
import { calendarWithOverrides, dec, Dec, DecimalInput, defaultRules, InstalmentTerms, MonthKey, monthRange, PaymentRecord, Problem, RuleSet, settle } from "../../../src/domain";
import { writeSheetSpec } from "../../fixtures/exceljs-render";
import { a1, CellWrite, parseA1, SheetSpec } from "../../../src/workbook/model";
import { buildPaymentSheet, DATE_FORMAT, excelSerial, MONEY_FORMAT, PAYMENT_SHEET_NAME, SCORE_FORMAT } from "../../../src/workbook/sheets/payment-sheet";
import { rules } from "../../domain/builders";

const SECOND = monthRange("2024-12", "2025-05");
const THIRD = monthRange("2025-06", "2025-11");
const AS_OF = "2025-12-31";

function totals(second: DecimalInput | DecimalInput[], third: DecimalInput | DecimalInput[] = "96"): Record<MonthKey, Dec> {
  const out: Record<MonthKey, Dec> = {};
  SECOND.forEach((m, i) => (out[m] = dec(Array.isArray(second) ? (second[i] as DecimalInput) : second)));
  THIRD.forEach((m, i) => (out[m] = dec(Array.isArray(third) ? (third[i] as DecimalInput) : third)));
  return out;
}

function build(opts: { totals?: Record<MonthKey, Dec>; payments?: PaymentRecord[]; rules?: RuleSet; asOf?: string; warnings?: Problem[] } = {}): SheetSpec {
  const r = opts.rules ?? defaultRules();
  const t = opts.totals ?? totals("93.40");
  const asOf = opts.asOf ?? AS_OF;
  const s = settle(t, opts.payments ?? [], r, { asOf });
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return buildPaymentSheet({ settlement: s.value, monthTotals: t, warnings: [...(opts.warnings ?? []), ...s.warnings], rules: r, asOf, generatedAt: "2025-12-31 10:00" });
}

function cell(spec: SheetSpec, address: string): CellWrite | undefined {
  return spec.cells.find((c) => c.address === address);
}

function value(spec: SheetSpec, address: string) {
  return cell(spec, address)?.value;
}

/** The row of label `label` in column A inside instalment n's block. */
function blockRow(spec: SheetSpec, n: number, label: string): number {
  const tops = spec.cells.filter((c) => parseA1(c.address).col === 1 && typeof c.value === "string" && /^第\d笔　/.test(c.value)).map((c) => ({ n: Number((c.value as string)[1]), row: parseA1(c.address).row }));
  const top = tops.find((t) => t.n === n);
  if (!top) throw new Error(`no block ${n}`);
  const next = tops.find((t) => t.row > top.row)?.row ?? Infinity;
  const hit = spec.cells.find((c) => {
    const { row, col } = parseA1(c.address);
    return col === 1 && row > top.row && row < next && c.value === label;
  });
  if (!hit) throw new Error(`no ${label} in block ${n}`);
  return parseA1(hit.address).row;
}

/** The cell at column `col` of the labelled row of block n. */
function blockCell(spec: SheetSpec, n: number, label: string, col: string): CellWrite | undefined {
  return cell(spec, `${col}${blockRow(spec, n, label)}`);
}

function allText(spec: SheetSpec): string[] {
  return spec.cells.filter((c) => typeof c.value === "string").map((c) => c.value as string);
}

describe("SPEC §7 example on the sheet", () => {
  const spec = build();
  it("instalment 2: average 93.40, 1.60 below 95, 1,378.00 deducted, 343,122.00 payable and its 大写", () => {
    expect(spec.name).toBe(PAYMENT_SHEET_NAME);
    expect(blockCell(spec, 2, "期间平均分", "B")).toMatchObject({ value: 93.4, numberFormat: SCORE_FORMAT });
    expect(blockCell(spec, 2, "期间平均分", "C")?.value).toBe("低于95分");
    expect(blockCell(spec, 2, "期间平均分", "D")).toMatchObject({ value: 1.6, numberFormat: SCORE_FORMAT });
    expect(blockCell(spec, 2, "期间平均分", "F")).toMatchObject({ value: 172250, numberFormat: MONEY_FORMAT });
    expect(blockCell(spec, 2, "合同金额", "B")).toMatchObject({ value: 344500, numberFormat: MONEY_FORMAT });
    expect(blockCell(spec, 2, "合同金额", "E")).toMatchObject({ value: 1378, numberFormat: MONEY_FORMAT });
    expect(blockCell(spec, 2, "应付金额", "B")).toMatchObject({ value: 343122, numberFormat: MONEY_FORMAT });
    expect(blockCell(spec, 2, "应付金额", "E")?.value).toBe("人民币叁拾肆万叁仟壹佰贰拾贰元整");
    expect(blockCell(spec, 2, "扣款计算", "B")?.value).toBe("(95 − 93.40) = 1.60 分 × 0.5% × 季度服务费 ¥172,250.00 = ¥1,378.00");
  });

  it("shows the six months and their scores, highlighted below 95", () => {
    const row = blockRow(spec, 2, "考核月份");
    expect(["B", "C", "D", "E", "F", "G"].map((c) => value(spec, `${c}${row}`))).toEqual(["2024年12月", "2025年1月", "2025年2月", "2025年3月", "2025年4月", "2025年5月"]);
    expect(["B", "G"].map((c) => cell(spec, `${c}${row + 1}`))).toEqual([
      expect.objectContaining({ value: 93.4, numberFormat: SCORE_FORMAT }),
      expect.objectContaining({ value: 93.4, numberFormat: SCORE_FORMAT }),
    ]);
    expect(spec.conditionalHighlights).toContainEqual(expect.objectContaining({ range: `B${row + 1}:G${row + 1}`, lessThan: 95 }));
  });

  it("quotes §十(二)2 beside the formula and §五(四) once, under the totals (not repeated in each block)", () => {
    expect(blockCell(spec, 2, "合同依据", "B")?.value).toMatch(/^合同§十\(二\)2：「.*95分以下每低1分按照季度服务费0\.5%扣除/);
    expect(blockCell(spec, 3, "合同依据", "B")?.value).toMatch(/^合同§十\(二\)3：「服务期满次月/);
    expect(blockCell(spec, 2, "违约金依据", "B")?.value).not.toContain("合同§五(四)");
    const clause = spec.cells.find((c) => c.value === "违约金条款");
    const row = parseA1(clause?.address ?? "A1").row;
    expect(row).toBeGreaterThan(parseA1(spec.cells.find((c) => c.value === "违约金合计")?.address ?? "A1").row);
    expect(value(spec, `B${row}`)).toMatch(/^合同§五\(四\)：「甲方不得迟延支付款项/);
    expect(allText(spec).filter((t) => t.includes("合同§五(四)"))).toHaveLength(1);
  });

  it("header: contract total in figures and 大写, quarterly fee, rule set, no option changed", () => {
    expect(cell(spec, "B4")).toMatchObject({ value: 689000, numberFormat: MONEY_FORMAT });
    expect(value(spec, "E4")).toBe("人民币陆拾捌万玖仟元整");
    expect(cell(spec, "B5")).toMatchObject({ value: 172250, numberFormat: MONEY_FORMAT });
    expect(value(spec, "E5")).toBe(95);
    expect(cell(spec, "G5")).toMatchObject({ value: 0.005, numberFormat: "0.0%" });
    expect(value(spec, "B6")).toBe(`${defaultRules().name}，版本 ${defaultRules().version}`);
    expect(value(spec, "B7")).toBe("无：A1–A10 均采用合同原文的默认读法");
    expect(cell(spec, "B8")).toMatchObject({ value: excelSerial(AS_OF), numberFormat: DATE_FORMAT });
    expect(value(spec, "D8")).toBe("2025-12-31 10:00");
  });

  it("totals: contract, deductions, payable, paid, outstanding", () => {
    const totalsTop = spec.cells.find((c) => c.value === "合计");
    const row = parseA1(totalsTop?.address ?? "A1").row;
    const rowsBelow = [1, 2, 3, 4, 5].map((k) => [value(spec, `A${row + k}`), value(spec, `B${row + k}`)]);
    // 275,600 + 343,122 + 68,900 = 687,622.00 payable; nothing paid.
    expect(rowsBelow).toEqual([
      ["合同总额", 689000],
      ["扣款合计", 1378],
      ["应付合计", 687622],
      ["已付", 0],
      ["未付", 687622],
    ]);
    expect(value(spec, `D${row + 3}`)).toBe("大写：人民币陆拾捌万柒仟陆佰贰拾贰元整");
  });

  it("has signature and date lines for both parties", () => {
    const text = allText(spec);
    expect(text).toContain("甲方（盖章）：陕西省公安厅");
    expect(text).toContain("乙方（盖章）：陕西省通信服务有限公司");
    expect(text.filter((t) => t.startsWith("经办人（签字）"))).toHaveLength(2);
    expect(text.filter((t) => t.startsWith("审核人（签字）"))).toHaveLength(2);
    expect(text.filter((t) => t.startsWith("负责人（签字）"))).toHaveLength(2);
    expect(text.filter((t) => t.startsWith("日期："))).toHaveLength(2);
  });
});

describe("A5 and A6 readings change the printed deduction", () => {
  const cases: { name: string; r: RuleSet; n: number; t: Record<MonthKey, Dec>; deduction: number; payable: number; option: string | null }[] = [
    // Instalment 3 at 93.40 (1.60 below): one quarter 1.60 × 0.5% × 172,250 = 1,378.00 → 68,900 − 1,378 = 67,522.00
    { name: "quarterlyFee", r: defaultRules(), n: 3, t: totals("96", "93.40"), deduction: 1378, payable: 67522, option: null },
    // the instalment: 1.60 × 0.5% × 68,900 = 551.20 → 68,348.80
    { name: "instalment", r: rules({ options: { deductionBase: "instalment" } }), n: 3, t: totals("96", "93.40"), deduction: 551.2, payable: 68348.8, option: "A5 扣款基数：每分扣本笔款项的 0.5%" },
    // the period's fee, 6 months = 2 quarters = 344,500: 1.60 × 0.5% × 344,500 = 2,756.00 → 66,144.00
    { name: "periodFee", r: rules({ options: { deductionBase: "periodFee" } }), n: 3, t: totals("96", "93.40"), deduction: 2756, payable: 66144, option: "A5 扣款基数：每分扣本期服务费的 0.5%" },
    // A6 off, instalment 2 with five 93.40 and one 93.39: mean 93.398333…, 1.601666… × 861.25 = 1,379.4354… → 1,379.44
    // (rounded it would be 93.40 → 1,378.00); 344,500 − 1,379.44 = 343,120.56
    { name: "A6 not rounded", r: rules({ options: { roundAverage: false } }), n: 2, t: totals(["93.40", "93.40", "93.40", "93.40", "93.40", "93.39"]), deduction: 1379.44, payable: 343120.56, option: "A6 期间平均分不取整" },
    { name: "A6 rounded", r: defaultRules(), n: 2, t: totals(["93.40", "93.40", "93.40", "93.40", "93.40", "93.39"]), deduction: 1378, payable: 343122, option: null },
  ];
  it.each(cases)("$name", (c) => {
    const spec = build({ rules: c.r, totals: c.t });
    expect(blockCell(spec, c.n, "合同金额", "E")?.value).toBe(c.deduction);
    expect(blockCell(spec, c.n, "应付金额", "B")?.value).toBe(c.payable);
    expect(value(spec, "B7")).toBe(c.option ?? "无：A1–A10 均采用合同原文的默认读法");
  });

  it("explains the A6 reading of the average, and the formula shows the figures it used", () => {
    const t = totals(["93.40", "93.40", "93.40", "93.40", "93.40", "93.39"]);
    const rounded = build({ totals: t });
    expect(blockCell(rounded, 2, "平均分说明", "B")?.value).toBe("未取整的平均分 ≈93.398333，按规则（A6）四舍五入到 2 位小数为 93.40");
    const unrounded = build({ totals: t, rules: rules({ options: { roundAverage: false } }) });
    expect(blockCell(unrounded, 2, "平均分说明", "B")?.value).toBe("期间平均分按规则（A6）不取整参与计算：≈93.398333（表中显示 2 位小数）");
    // 1.601666… × 0.5% × 172,250 = 1,379.4354… → 1,379.44
    expect(blockCell(unrounded, 2, "扣款计算", "B")?.value).toBe("(95 − ≈93.398333) = ≈1.601667 分 × 0.5% × 季度服务费 ¥172,250.00 = ¥1,379.44");
    expect(blockCell(unrounded, 2, "期间平均分", "B")).toMatchObject({ value: 93.3983333333, numberFormat: SCORE_FORMAT });
    // Six equal months: nothing to explain.
    expect(() => blockRow(build(), 2, "平均分说明")).toThrow("no 平均分说明");
  });

  it("words the A3 steps, the cap and a full payment", () => {
    // A3 ceil: 1.60 → 2 points × 861.25 = 1,722.50
    expect(blockCell(build({ rules: rules({ options: { settlementSteps: "ceil" } }) }), 2, "扣款计算", "B")?.value).toBe(
      "(95 − 93.40) = 1.60 分，按规则（A3 起步）计 2.00 分 × 0.5% × 季度服务费 ¥172,250.00 = ¥1,722.50",
    );
    // periodFee at an average of 0 on instalment 3: 95 × 0.5% × 344,500 = 163,637.50 > 68,900 → capped
    const capped = build({ rules: rules({ options: { deductionBase: "periodFee" } }), totals: totals("96", "0") });
    expect(blockCell(capped, 3, "扣款计算", "B")?.value).toBe("(95 − 0.00) = 95.00 分 × 0.5% × 本期服务费 ¥344,500.00 = ¥163,637.50，超过本笔金额 ¥68,900.00，以本笔金额为限");
    expect(blockCell(capped, 3, "应付金额", "B")?.value).toBe(0);
    expect(blockCell(capped, 3, "应付金额", "E")?.value).toBe("人民币零元整");
    expect(blockCell(capped, 2, "扣款计算", "B")?.value).toBe("期间平均分 96.00 ≥ 95，全额结算，不扣款");
    expect(blockCell(capped, 1, "考核", "B")?.value).toBe("本笔不与考核得分挂钩，不扣款");
  });

  it("every amount follows the rule set's contract total (nothing typed by hand)", () => {
    // 800,000: quarterly 200,000; instalments 320,000 / 400,000 / 80,000; 1.60 × 0.5% × 200,000 = 1,600.00
    const spec = build({ rules: rules({ contract: { total: "800000.00" } }) });
    expect(value(spec, "B4")).toBe(800000);
    expect(value(spec, "E4")).toBe("人民币捌拾万元整");
    expect(value(spec, "B5")).toBe(200000);
    expect([1, 2, 3].map((n) => blockCell(spec, n, "合同金额", "B")?.value)).toEqual([320000, 400000, 80000]);
    expect(blockCell(spec, 2, "合同金额", "E")?.value).toBe(1600);
    expect(blockCell(spec, 2, "应付金额", "B")?.value).toBe(398400);
  });
});

describe("dates and late payment", () => {
  it("writes dates as Excel serials with yyyy-mm-dd", () => {
    // Excel: 1900-01-01 is serial 1 (with the 1900 leap-year bug, 1900-03-01 is 61); 2025-01-01 is 45658.
    expect(excelSerial("1900-03-01")).toBe(61);
    expect(excelSerial("2025-01-01")).toBe(45658);
  });

  it("due date 30 working days after an invoice on 2025-09-26, across National Day and two 调休 days", () => {
    // 09-28 (Sun, 调休) 1, 09-29 2, 09-30 3, 10-01…10-08 off, 10-09 4, 10-10 5, 10-11 (Sat, 调休) 6,
    // 10-13…17 7–11, 10-20…24 12–16, 10-27…31 17–21, 11-03…07 22–26, 11-10 27, 11-11 28, 11-12 29, 11-13 30.
    const spec = build({ payments: [{ number: 2, invoiceDate: "2025-09-26", paidDate: "2025-11-13" }] });
    expect(blockCell(spec, 2, "发票日期", "B")).toMatchObject({ value: excelSerial("2025-09-26"), numberFormat: DATE_FORMAT });
    expect(blockCell(spec, 2, "发票日期", "D")).toMatchObject({ value: excelSerial("2025-11-13"), numberFormat: DATE_FORMAT });
    expect(blockCell(spec, 2, "发票日期", "F")).toMatchObject({ value: excelSerial("2025-11-13"), numberFormat: DATE_FORMAT });
    // paid on the due date: 0 days, no charge, no flag
    expect(blockCell(spec, 2, "逾期天数", "B")?.value).toBe(0);
    expect(blockCell(spec, 2, "逾期天数", "D")).toMatchObject({ value: 0, numberFormat: MONEY_FORMAT });
    expect(blockCell(spec, 2, "逾期天数", "F")?.value).toBe("已支付");
    expect(blockCell(spec, 2, "违约金依据", "B")?.value).toMatch(/^应付日期 = 发票日期后第 30 个工作日（按国家法定节假日及调休安排）。\n计至实付日期 2025-11-13，未逾期，不计违约金。$/);
    expect(allText(spec).some((t) => t.startsWith("⚠"))).toBe(false);
  });

  it("instalment 1: the 10th working day after 2025-09-26 is 2025-10-16", () => {
    // 09-28 1, 09-29 2, 09-30 3, 10-09 4, 10-10 5, 10-11 6, 10-13 7, 10-14 8, 10-15 9, 10-16 10
    const spec = build({ payments: [{ number: 1, invoiceDate: "2025-09-26", paidDate: null }], asOf: "2025-10-10" });
    expect(blockCell(spec, 1, "发票日期", "D")?.value).toBe(excelSerial("2025-10-16"));
    expect(blockCell(spec, 1, "发票日期", "F")?.value).toBe("未支付");
    expect(blockCell(spec, 1, "逾期天数", "F")?.value).toBe("已开票，未到期");
  });

  it("one day late: 3% × 343,122.00 = 10,293.66", () => {
    const spec = build({ payments: [{ number: 2, invoiceDate: "2025-09-26", paidDate: "2025-11-14" }] });
    expect(blockCell(spec, 2, "逾期天数", "B")?.value).toBe(1);
    expect(blockCell(spec, 2, "逾期天数", "D")?.value).toBe(10293.66);
    expect(blockCell(spec, 2, "违约金依据", "B")?.value).toContain("逾期天数计至实付日期 2025-11-14：1 天；违约金 = 应付金额 ¥343,122.00 × 3% × 1 天 = ¥10,293.66。");
    expect(allText(spec).some((t) => t.startsWith("⚠"))).toBe(false);
  });

  it("31 days late: 319,103.46 and the termination flag with 10% of the contract", () => {
    // 31 × 10,293.66 = 319,103.46; 10% × 689,000 = 68,900.00
    const spec = build({ payments: [{ number: 2, invoiceDate: "2025-09-26", paidDate: "2025-12-14" }] });
    expect(blockCell(spec, 2, "逾期天数", "B")?.value).toBe(31);
    expect(blockCell(spec, 2, "逾期天数", "D")?.value).toBe(319103.46);
    expect(allText(spec)).toContain("⚠ 已逾期 31 天，超过 30 天：乙方有权解除合同，并要求甲方支付合同款项的 10%（¥68,900.00）作为违约金");
    expect(allText(spec)).toContain(
      "• 第2笔于 2025-12-14 支付，逾期 31 天（应付日期 2025-11-13），违约金 ¥319,103.46；已超过 30 天，乙方有权解除合同并要求支付合同款项的 10%（¥68,900.00）",
    );
  });

  it("unpaid at asOf: days count to asOf, status and outstanding total say so", () => {
    // due 2025-11-13, asOf 2025-11-20: 7 days × 10,293.66 = 72,055.62
    const spec = build({ payments: [{ number: 1, invoiceDate: "2024-12-06", paidDate: "2024-12-18" }, { number: 2, invoiceDate: "2025-09-26", paidDate: null }], asOf: "2025-11-20" });
    expect(blockCell(spec, 2, "逾期天数", "B")?.value).toBe(7);
    expect(blockCell(spec, 2, "逾期天数", "D")?.value).toBe(72055.62);
    expect(blockCell(spec, 2, "逾期天数", "F")?.value).toBe("已开票，逾期未付");
    expect(blockCell(spec, 2, "违约金依据", "B")?.value).toContain("逾期天数计至结算基准日 2025-11-20：7 天");
    expect(blockCell(spec, 3, "发票日期", "B")?.value).toBe("未开票");
    expect(blockCell(spec, 3, "逾期天数", "B")?.value).toBe("—");
    const row = parseA1(spec.cells.find((c) => c.value === "未付")?.address ?? "A1").row;
    // payable 687,622.00 − paid 275,600.00 = 412,022.00
    expect(value(spec, `B${row}`)).toBe(412022);
    expect(value(spec, `B${row - 1}`)).toBe(275600);
    expect(value(spec, `B${row + 1}`)).toBe(72055.62);
  });
});

describe("overview, forecast, warnings, print setup and chart", () => {
  const t = totals(["98", "90", "99", "98.60", "89", "92"], ["100", "98", "86.50", "100", "95.75", "100"]);
  const warnings: Problem[] = [
    { severity: "warning", code: "quarterly-turnover", field: "changed", month: "2025-03", message: "2025Q1（2025-01、2025-02、2025-03）人员流动率合计 40.00%，超过合同§一(三)6 规定的季流动率 20%", messageEn: "" },
    { severity: "warning", code: "bonus-kept-at-zero", field: "events[2].evidence", month: "2025-10", message: "加分事项 BY-2025-102 无佐证材料，计 0 分", messageEn: "" },
    { severity: "warning", code: "report-not-recorded", field: "reports", month: "2025-10", message: "季报未登记", messageEn: "" },
    { severity: "warning", code: "below-threshold", field: "total", month: "2025-01", message: "2025年1月考核得分 90.00 低于达标分 95，将拉低本期平均分", messageEn: "" },
  ];
  const spec = build({ totals: t, warnings });

  it("lists 12 months with their totals, the 95 line, the instalment, and highlights the ones below 95", () => {
    expect(value(spec, "I5")).toBe("2024年12月");
    expect(value(spec, "I16")).toBe("2025年11月");
    expect([5, 6, 13, 16].map((r) => cell(spec, `J${r}`))).toEqual([
      expect.objectContaining({ value: 98, numberFormat: SCORE_FORMAT }),
      expect.objectContaining({ value: 90, numberFormat: SCORE_FORMAT }),
      expect.objectContaining({ value: 86.5, numberFormat: SCORE_FORMAT }),
      expect.objectContaining({ value: 100, numberFormat: SCORE_FORMAT }),
    ]);
    expect(value(spec, "K5")).toBe(95);
    expect([value(spec, "L5"), value(spec, "L11")]).toEqual(["第2笔", "第3笔"]);
    expect(spec.conditionalHighlights?.[0]).toEqual({ range: "J5:J16", lessThan: 95, fill: "#FFC7CE", fontColor: "#9C0006" });
    // period averages: (98+90+99+98.6+89+92)/6 = 566.6/6 = 94.4333… → 94.43 (0.57 × 861.25 = 490.9125 → 490.91);
    // (100+98+86.5+100+95.75+100)/6 = 580.25/6 = 96.7083… → 96.71
    expect([value(spec, "I17"), value(spec, "J17"), value(spec, "K17")]).toEqual(["第2笔平均", 94.43, "扣 490.91"]);
    expect([value(spec, "I18"), value(spec, "J18"), value(spec, "K18")]).toEqual(["第3笔平均", 96.71, "不扣款"]);
  });

  it("writes a forecast line per scored instalment (all months scored: complete)", () => {
    expect(allText(spec)).toContain("第2笔：6 个月均已评分，期间平均 94.43 分，扣款 490.91 元");
    expect(allText(spec)).toContain("第3笔：6 个月均已评分，期间平均 96.71 分，不扣款");
  });

  it("lists the warnings that cost money: months below 95 (from the figures), turnover, bonus kept at 0 — not reminders", () => {
    const listed = allText(spec).filter((x) => x.startsWith("• "));
    expect(listed).toEqual([
      "• 2025年1月考核得分 90.00 低于达标分 95，拉低第2笔的期间平均分",
      "• 2025年4月考核得分 89.00 低于达标分 95，拉低第2笔的期间平均分",
      "• 2025年5月考核得分 92.00 低于达标分 95，拉低第2笔的期间平均分",
      "• 2025年8月考核得分 86.50 低于达标分 95，拉低第3笔的期间平均分",
      "• 2025Q1（2025-01、2025-02、2025-03）人员流动率合计 40.00%，超过合同§一(三)6 规定的季流动率 20%",
      "• 2025年10月：加分事项 BY-2025-102 无佐证材料，计 0 分",
    ]);
    expect(allText(build()).filter((x) => x.startsWith("• ")).length).toBe(6);
    expect(allText(build({ totals: totals("96") }))).toContain("无");
  });

  it("prints the form (A–G) on A4 at 100 %, title rows repeated; the overview and the note on how the sheet is made are outside (print-layout.test.ts has the pages)", () => {
    expect(spec.print).toMatchObject({ orientation: "portrait", paperSize: "A4", scale: 100, repeatRows: "1:2" });
    expect(spec.print?.fitToWidth).toBeUndefined();
    const [from, to] = (spec.print?.printArea ?? "").split(":");
    expect(from).toBe("A1");
    const bottom = parseA1(to ?? "A1");
    expect(bottom.col).toBe(7);
    const dateRow = spec.cells.filter((c) => c.value === "日期：________年____月____日").map((c) => parseA1(c.address).row);
    expect(dateRow).toEqual([bottom.row, bottom.row]);
    for (const c of spec.cells) if (parseA1(c.address).col <= 7 && typeof c.value === "string" && c.value.startsWith("本表由程序")) expect(parseA1(c.address).row).toBeGreaterThan(bottom.row);
    expect(spec.columnWidths?.A).toBeGreaterThan(0);
  });

  it("merges do not overlap and hold their value in the top-left cell", () => {
    const taken = new Map<string, string>();
    for (const range of spec.merges) {
      const [f, l] = range.split(":").map((x) => parseA1(x));
      if (!f || !l) throw new Error(range);
      for (let r = f.row; r <= l.row; r++)
        for (let c = f.col; c <= l.col; c++) {
          const at = a1(r, c);
          expect(taken.get(at)).toBeUndefined();
          taken.set(at, range);
          if (r !== f.row || c !== f.col) expect(cell(spec, at)?.value ?? null).toBeNull();
        }
    }
    const addresses = spec.cells.map((c) => c.address);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it("describes the native line chart over the overview, and notes in the sheet that only Excel draws it", () => {
    expect(spec.chart).toEqual({
      title: "月度考核得分与 95 分达标线",
      categories: "I5:I16",
      series: [
        { name: "考核得分", values: "J5:J16" },
        { name: "达标分 95", values: "K5:K16" },
      ],
      anchor: expect.objectContaining({ from: expect.stringMatching(/^I\d+$/), to: expect.stringMatching(/^L\d+$/) }),
    });
    const noteAt = spec.chart?.anchor.from ?? "";
    expect(value(spec, noteAt)).toBe("折线图「月度考核得分与 95 分达标线」在 Excel 内（加载项）写入本表时生成于此处；命令行生成的文件不含图表。");
  });

  it("renders through writeSheetSpec and reads back (ExcelJS round trip)", async () => {
    const wb = new ExcelJS.Workbook();
    writeSheetSpec(wb, spec);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = back.getWorksheet(PAYMENT_SHEET_NAME);
    const row = blockRow(spec, 2, "应付金额");
    expect(ws?.getCell(`B${row}`).value).toBe(344009.09);
    expect(ws?.getCell(`B${row}`).numFmt).toBe(MONEY_FORMAT);
    expect(ws?.pageSetup.paperSize).toBe(9);
    expect(ws?.pageSetup.scale).toBe(100);
    expect(ws?.pageSetup.printArea).toBe(spec.print?.printArea);
  });
});

describe("refusals", () => {
  it("throws when the settlement is null (a scored month is missing): the caller writes no sheet", () => {
    expect(() => buildPaymentSheet({ settlement: null, monthTotals: {}, warnings: [], rules: defaultRules(), asOf: AS_OF })).toThrow("付款结算表需要全部考核月份的有效得分");
  });

  it("throws when the settlement was made under another rule set version", () => {
    const s = settle(totals("96"), [], defaultRules());
    if (!s.ok) throw new Error("refused");
    expect(() => buildPaymentSheet({ settlement: s.value, monthTotals: totals("96"), warnings: [], rules: rules({ version: "2025-07.2" }), asOf: AS_OF })).toThrow("规则版本");
  });

  it("throws when the overview totals differ from the ones the settlement used", () => {
    const s = settle(totals("96"), [], defaultRules());
    if (!s.ok) throw new Error("refused");
    expect(() => buildPaymentSheet({ settlement: s.value, monthTotals: { ...totals("96"), "2025-03": dec("95.99") }, warnings: [], rules: defaultRules(), asOf: AS_OF })).toThrow(
      "2025年3月的考核得分与结算所用的不一致",
    );
    expect(() => buildPaymentSheet({ settlement: s.value, monthTotals: { ...totals("96"), "2025-03": null }, warnings: [], rules: defaultRules(), asOf: AS_OF })).toThrow("2025年3月");
  });
});

describe("an instalment in progress", () => {
  it("shows the months scored so far and the forecast instead of a settlement", () => {
    // Second period settled at 93.40; third period: 2025-06…08 scored at 94, the rest not yet.
    const known: Record<MonthKey, Dec | null> = { ...totals("93.40") };
    for (const m of THIRD) known[m] = null;
    for (const m of ["2025-06", "2025-07", "2025-08"]) known[m] = dec("94");
    const settledOnly = { ...defaultRules(), contract: { ...defaultRules().contract, instalments: defaultRules().contract.instalments.filter((i) => i.number !== 3) } };
    const s = settle(Object.fromEntries(Object.entries(known).filter(([, v]) => v !== null)) as Record<MonthKey, Dec>, [], settledOnly, { asOf: AS_OF });
    if (!s.ok) throw new Error(JSON.stringify(s.errors));
    const spec = buildPaymentSheet({ settlement: s.value, monthTotals: known, warnings: [], rules: defaultRules(), asOf: AS_OF });
    const texts = spec.cells.map((c) => String(c.value ?? ""));
    expect(texts.some((t) => t.startsWith("第3笔") && t.includes("进行中"))).toBe(true);
    // three in the instalment block (columns B–G), three in the monthly overview beside it
    expect(spec.cells.filter((c) => c.value === "未评分" && /^[B-G]\d/.test(c.address))).toHaveLength(3);
    // 3 months at 94 = 282. The average is rounded half-up (A6), so 94.995 already counts as 95.00:
    // the six months need 569.97, the other three 287.97, i.e. 95.99 each.
    expect(texts.some((t) => t.includes("余下 3 个月平均需达到 95.99 分"))).toBe(true);
    expect(texts).toContain("合计（不含进行中的第3笔）");
  });
});

describe("the contract's words come from the rule set (SPEC §9: 合同信息, 付款条款)", () => {
  it("the seed: its name, term and parties; its own clauses quoted", () => {
    const spec = build();
    expect(value(spec, "A2")).toBe("陕西省公安厅出入境管理局 12367 服务热线 2024-2025 年热线运营服务及语音专线采购项目合同\n合同期：2024-12-04 至 2025-12-03（考核月份 2024年12月至2025年11月）");
    expect([value(spec, "B3"), value(spec, "F3")]).toEqual(["陕西省公安厅", "陕西省通信服务有限公司"]);
    expect(blockCell(spec, 1, "合同依据", "B")?.value).toMatch(/^合同§十\(二\)1：「合同签订后的一个月内/);
  });

  it("another contract: its title, term, parties and each instalment's 付款条件; the remainder rule in an instalment still in progress", () => {
    const seed = defaultRules().contract;
    // 2027 made known by a (hypothetical) 节假日安排 row, as the workbook would give it.
    const calendar = calendarWithOverrides([{ date: "2027-01-01", kind: "休", note: "元旦" }]);
    if (!calendar.ok) throw new Error("calendar");
    const renewal = rules({
      calendar: calendar.value,
      contract: {
        title: "某热线 2026-2027 年运营服务项目",
        partyA: "甲单位",
        partyB: "乙公司",
        termStart: "2026-12-04",
        termEnd: "2027-12-03",
        total: "1000000.01",
        firstMonth: "2026-12",
        lastMonth: "2027-11",
        instalments: [
          { ...(seed.instalments[0] as InstalmentTerms), share: "0.3333", condition: "首付款条件", invoiceNotBefore: "2026-12-04" },
          { ...(seed.instalments[1] as InstalmentTerms), share: "0.3333", months: { from: "2026-12", to: "2027-05" }, condition: "第二笔条件", invoiceNotBefore: "2027-06-01" },
          { ...(seed.instalments[2] as InstalmentTerms), share: "0.3334", months: { from: "2027-06", to: "2027-11" }, condition: "第三笔条件", invoiceNotBefore: "2028-01-01" },
        ],
      },
    });
    const known: Record<MonthKey, Dec | null> = {};
    for (const m of monthRange("2026-12", "2027-11")) known[m] = m <= "2027-05" ? dec("96") : null;
    const s = settle(Object.fromEntries(Object.entries(known).filter(([, v]) => v !== null)) as Record<MonthKey, Dec>, [{ number: 2, invoiceDate: "2027-05-20", paidDate: null }], renewal, { asOf: "2027-06-30", only: [1, 2] });
    if (!s.ok) throw new Error(JSON.stringify(s.errors));
    const spec = buildPaymentSheet({ settlement: s.value, monthTotals: known, warnings: s.warnings, rules: renewal, asOf: "2027-06-30" });
    expect(value(spec, "A2")).toBe("某热线 2026-2027 年运营服务项目合同\n合同期：2026-12-04 至 2027-12-03（考核月份 2026年12月至2027年11月）");
    expect([value(spec, "B3"), value(spec, "F3"), value(spec, "B4")]).toEqual(["甲单位", "乙公司", 1000000.01]);
    expect(allText(spec)).toContain("甲方（盖章）：甲单位");
    expect(blockCell(spec, 1, "付款条件", "B")?.value).toBe("首付款条件");
    expect(blockCell(spec, 2, "合同依据", "B")?.value).toBe("付款条款第2笔：「第二笔条件」");
    // 1,000,000.01 × 33.33% = 333,300.00 (instalments 1, 2); the last, in progress, takes the remainder 333,400.01.
    expect(blockCell(spec, 2, "合同金额", "B")?.value).toBe(333300);
    expect(allText(spec)).toContain("第3笔　合同总价款的 33.34%　¥333,400.01　（进行中，尚未结算）");
    // The early invoice (A10): the clock starts at 最早开票日期, and the sheet says so.
    expect(blockCell(spec, 2, "违约金依据", "B")?.value).toMatch(/^应付日期 = 最早开票日期 2027-06-01 后第 30 个工作日（按国家法定节假日及调休安排）。\n发票日期 2027-05-20 早于合同约定的开票时点（2027-06-01 起），付款期限自该时点起算（A10）。\n/);
    expect(allText(spec)).toContain("• 第2笔发票日期 2027-05-20 早于合同约定的开票时点（2027-06-01 起）；付款期限自 2027-06-01 起算（A10）");
  });

  it("a 收票日期 is named as the start of the clock", () => {
    // Invoice Tue 2025-06-10, received Fri 06-20 → the 30th working day after 06-20 is 2025-08-01.
    const spec = build({ payments: [{ number: 2, invoiceDate: "2025-06-10", receivedDate: "2025-06-20", paidDate: "2025-08-01" }] });
    expect(blockCell(spec, 2, "发票日期", "D")?.value).toBe(excelSerial("2025-08-01"));
    expect(blockCell(spec, 2, "违约金依据", "B")?.value).toMatch(/^应付日期 = 收票日期 2025-06-20 后第 30 个工作日（按国家法定节假日及调休安排）。\n计至实付日期 2025-08-01，未逾期，不计违约金。/);
  });
});
